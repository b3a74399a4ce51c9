/* cache_check.c - the tables of a loaded cache file checked index by index
 * (cache.h, dyad_cache_dict_ok): what the MAC cannot vouch for (a file sealed with
 * the right key by a buggy or hostile writer) cannot make the coder read outside
 * an array or probe a hash table forever. */
#include "cache.h"

#include <stdint.h>
#include <string.h>

static int str_ok(const char *s, size_t cap) { return memchr(s, 0, cap) != NULL; }

#define IN(v, lo, hi) ((int64_t)(v) >= (int64_t)(lo) && (int64_t)(v) < (int64_t)(hi))

/* Every index and offset the coder follows stays inside its array. */
int dyad_cache_dict_ok(const dyad_dict *d)
{
    size_t n = d->lex.n;
    if (d->lex.pool_len && d->lex.pool[d->lex.pool_len - 1])
        return 0;
    if (d->pool_len && d->pool[d->pool_len - 1])
        return 0;
    if (!d->node_n || !d->pool_len)
        return 0;
    if (d->lex.nslots ? (d->lex.nslots & (d->lex.nslots - 1)) || n >= d->lex.nslots : n > 0)
        return 0;
    if (d->edge_slots && ((d->edge_slots & (d->edge_slots - 1)) || d->edge_n >= d->edge_slots))
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((uint64_t)d->lex.off[i] + d->lex.len[i] >= d->lex.pool_len ||
            !IN(d->word_lemma[i], -1, n) || !IN(d->word_verb[i], -1, d->n_verbs))
            return 0;
    /* probing stops at an empty slot: the tables must have as many used slots as
     * their counts say, and so at least one empty one */
    size_t used = 0;
    for (size_t i = 0; i < d->lex.nslots; i++) {
        if (!IN(d->lex.slots[i], -1, n))
            return 0;
        used += d->lex.slots[i] >= 0;
    }
    if (used != n)
        return 0;
    used = 0;
    for (size_t i = 0; i < d->edge_slots; i++) {
        if (!IN(d->edge_child[i], -1, d->node_n))
            return 0;
        used += d->edge_child[i] >= 0;
    }
    if (used != d->edge_n)
        return 0;
    for (size_t i = 0; i < d->node_n; i++)
        if (!IN(d->node_entry[i], -1, d->n_entries))
            return 0;
    for (size_t i = 0; i < d->n_entries; i++) {
        const dyad_entry *e = &d->entries[i];
        if ((uint64_t)e->role_first + e->role_n > d->n_roles || e->file >= d->n_files ||
            e->name_off >= d->pool_len || e->kind > AK_DISCARD || e->ref > REF_ANY)
            return 0;
    }
    for (size_t i = 0; i < d->n_roles; i++)
        if (!str_ok(d->roles[i].code, sizeof d->roles[i].code))
            return 0;
    for (size_t i = 0; i < d->n_verbs; i++) {
        const dyad_verb *v = &d->verbs[i];
        if (!str_ok(v->code, sizeof v->code) || !str_ok(v->mw_code, sizeof v->mw_code) ||
            v->flag >= VF_COUNT || (uint64_t)v->pat_first + v->pat_n > d->n_pats ||
            v->file >= d->n_files || !IN(v->lemma, -1, n) || !IN(v->next, -1, d->n_verbs) ||
            v->particles_off >= d->pool_len)
            return 0;
    }
    for (size_t i = 0; i < d->n_pats; i++) {
        const dyad_pattern *p = &d->pats[i];
        if (!str_ok(p->code, sizeof p->code) || (uint64_t)p->el_first + p->el_n > d->n_pels ||
            p->file >= d->n_files || p->text_off >= d->pool_len)
            return 0;
    }
    for (size_t i = 0; i < d->n_pels; i++) {
        const dyad_pel *el = &d->pels[i];
        if ((el->kind == PEL_WORD && !IN(el->id, -1, n)) ||
            (el->kind == PEL_SET && !IN(el->id, 0, d->n_sets)))
            return 0;
    }
    for (size_t i = 0; i < d->n_sets; i++) {
        const dyad_set *s = &d->sets[i];
        if ((uint64_t)s->mem_first + s->mem_n > d->n_members || s->name_off >= d->pool_len ||
            s->file >= d->n_files)
            return 0;
    }
    for (size_t i = 0; i < d->n_members; i++)
        if ((uint64_t)d->members[i].first + d->members[i].n > d->n_member_words)
            return 0;
    for (size_t i = 0; i < d->n_member_words; i++)
        if (!IN(d->member_words[i], -1, n))
            return 0;
    for (size_t i = 0; i < d->n_codes; i++)
        if (!str_ok(d->codes[i].code, sizeof d->codes[i].code) ||
            d->codes[i].name_off >= d->pool_len)
            return 0;
    return 1;
}

