/* pattern.c - the pattern match (pattern.h). */
#include "pattern.h"

#include <string.h>

/* Does set member run match at token i? Returns its length or 0. */
static uint32_t set_match(const dyad_dict *d, const dyad_set *s, const dyad_token *tok,
                          uint32_t i, uint32_t end)
{
    uint32_t best = 0;
    for (uint32_t k = 0; k < s->mem_n; k++) {
        const dyad_set_member *m = &d->members[s->mem_first + k];
        if (m->n <= best || i + m->n > end)
            continue;
        uint32_t j = 0;
        for (; j < m->n; j++) {
            int32_t w = tok[i + j].lemma;
            if (w < 0 || w != d->member_words[m->first + j])
                break;
        }
        if (j == m->n)
            best = m->n;
    }
    return best;
}

typedef struct {
    int32_t src, tgt;
    int32_t comp; /* '%': a mention of the compound subject, or -1 */
    int n;      /* elements matched */
    uint32_t end; /* token after the last element matched after the verb */
} pat_match;

/* Matches one element at or after *pos (forward) within [*pos, end). */
static int match_fwd(const dyad_dict *d, const dyad_pel *el, const dyad_token *tok,
                     const dyad_mentions *ms, uint32_t *pos, uint32_t end, pat_match *pm)
{
    /* joined to the element before: starts right here or not at all (a set's member
     * of several words may still run on to end: "did_&NEG_ever" with "wo n't") */
    uint32_t last = el->adj && end > *pos + 1 ? *pos + 1 : end;
    for (uint32_t k = *pos; k < last; k++) {
        switch (el->kind) {
        case PEL_WORD:
            if (tok[k].lemma >= 0 && tok[k].lemma == el->id) {
                *pos = k + 1;
                return 1;
            }
            break;
        case PEL_SET: {
            /* no member starts with this word: the bloom filter of first words */
            if (tok[k].lemma < 0 || !dyad_bloom_has(d->sets[el->id].bloom, tok[k].lemma))
                break;
            uint32_t l = set_match(d, &d->sets[el->id], tok, k, end);
            if (l) {
                *pos = k + l;
                return 1;
            }
            break;
        }
        case PEL_COMPOUND: {
            /* '%': a mention here whose compound group has two or more members */
            int m = dyad_mention_starting(ms, k);
            if (m < 0)
                break;
            for (size_t o = 0; o < ms->n; o++)
                if (o != (size_t)m && ms->m[o].group == ms->m[m].group) {
                    pm->comp = m;
                    *pos = ms->m[m].end;
                    return 1;
                }
            break;
        }
        case PEL_TARGET:
        case PEL_SOURCE: {
            int m = dyad_mention_starting(ms, k);
            if (m >= 0) {
                if (el->kind == PEL_TARGET)
                    pm->tgt = m;
                else
                    pm->src = m;
                *pos = ms->m[m].end;
                return 1;
            }
            break;
        }
        default:
            break;
        }
    }
    return 0;
}

/* Matches an element before the verb, scanning back from *pos-1 down to lo; with
 * joined set (the next element is written joined to this one) it must end at *pos. */
static int match_back(const dyad_dict *d, const dyad_pel *el, const dyad_token *tok,
                      const dyad_mentions *ms, uint32_t *pos, uint32_t lo, pat_match *pm,
                      int joined)
{
    if (joined) {
        dyad_pel here = *el;
        here.adj = 1;
        for (uint32_t k = *pos; k-- > lo && *pos - k <= 6;) {
            uint32_t p = k;
            if (match_fwd(d, &here, tok, ms, &p, *pos, pm) && p == *pos) {
                *pos = k;
                return 1;
            }
            if (el->kind != PEL_SET)
                break;
        }
        return 0;
    }
    /* an element before the verb ends before it (and never past the sentence) */
    uint32_t before = *pos;
    for (uint32_t k = *pos; k-- > lo;) {
        uint32_t p = k, lim = k + 1 + (el->kind == PEL_SET ? 4 : 0);
        if (lim > before)
            lim = before;
        if (match_fwd(d, el, tok, ms, &p, lim, pm) ||
            ((el->kind == PEL_SOURCE || el->kind == PEL_TARGET || el->kind == PEL_COMPOUND) &&
             match_fwd(d, el, tok, ms, &p, k + 1, pm))) {
            *pos = k;
            return 1;
        }
    }
    return 0;
}

static int match_pattern(const dyad_dict *d, const dyad_pattern *p, const dyad_token *tok,
                         const dyad_mentions *ms, const dyad_vgroup *g, uint32_t lo,
                         const uint64_t bloom[4], pat_match *pm)
{
    pm->src = pm->tgt = pm->comp = -1;
    pm->n = 0;
    /* quick rejection: a word the pattern needs is not in the sentence */
    for (int i = 0; i < 4; i++)
        if ((p->need[i] & bloom[i]) != p->need[i])
            return 0;
    for (uint32_t k = 0; k < p->el_n; k++) {
        const dyad_pel *el = &d->pels[p->el_first + k];
        if (el->kind == PEL_SET) {
            const uint64_t *sb = d->sets[el->id].bloom;
            if (!((sb[0] & bloom[0]) | (sb[1] & bloom[1]) | (sb[2] & bloom[2]) | (sb[3] & bloom[3])))
                return 0;
        }
    }
    uint32_t vpos = p->el_n; /* index of * */
    for (uint32_t k = 0; k < p->el_n; k++)
        if (d->pels[p->el_first + k].kind == PEL_VERB)
            vpos = k;
    /* elements before the verb may be among its auxiliaries ("did n't * over") */
    uint32_t back = d->opts.negation_code ? g->head : g->start;
    for (uint32_t k = vpos == p->el_n ? 0 : vpos; k-- > 0;)
        if (!match_back(d, &d->pels[p->el_first + k], tok, ms, &back, lo, pm,
                        d->pels[p->el_first + k + 1].adj))
            return 0;
    uint32_t pos = g->end;
    for (uint32_t k = vpos == p->el_n ? 0 : vpos + 1; k < p->el_n; k++)
        if (!match_fwd(d, &d->pels[p->el_first + k], tok, ms, &pos, g->scope_end, pm))
            return 0;
    pm->n = (int)p->el_n;
    pm->end = pos;
    return 1;
}

/* The code of group g from its verb's patterns; returns 0 if the verb is no event. */
int dyad_verb_code_of(const dyad_dict *d, const dyad_token *tok, const dyad_mentions *ms,
                      const dyad_vgroup *g, uint32_t lo, const uint64_t bloom[4], dyad_verb_code *vc)
{
    memset(vc, 0, sizeof *vc);
    vc->pattern = vc->src = vc->tgt = vc->comp = -1;
    int best = 0;
    const char *dflt = NULL, *dflt2 = NULL;
    /* a block whose verb line lists the very word ("left" beside "leave") gives
     * the default code before blocks that reach it by inflection */
    int32_t head_word = tok[g->head].word, exact = 0;
    for (int32_t v = g->verb; v >= 0 && head_word >= 0; v = d->verbs[v].next)
        if (d->verbs[v].lemma == head_word && !d->verbs[v].multiword && strcmp(d->verbs[v].code, "---") != 0) {
            dflt = d->verbs[v].code;
            dflt2 = d->verbs[v].code2;
            exact = 1;
            break;
        }
    for (int32_t v = g->verb; v >= 0; v = d->verbs[v].next) {
        const dyad_verb *vb = &d->verbs[v];
        if (!exact && !dflt && strcmp(vb->code, "---") != 0 && !vb->multiword) {
            dflt = vb->code;
            dflt2 = vb->code2;
        }
        for (uint32_t i = 0; i < vb->pat_n; i++) {
            const dyad_pattern *p = &d->pats[vb->pat_first + i];
            pat_match pm;
            if ((int)p->el_n > best && match_pattern(d, p, tok, ms, g, lo, bloom, &pm) && pm.n > best) {
                best = pm.n;
                memcpy(vc->code, p->code, 8);
                memcpy(vc->code2, p->code2, 8);
                vc->pattern = (int32_t)(vb->pat_first + i);
                vc->src = pm.src;
                vc->tgt = pm.tgt;
                vc->comp = pm.comp;
                vc->match_end = pm.end;
            }
        }
    }
    if (!best && dflt) {
        memcpy(vc->code, dflt, 8);
        memcpy(vc->code2, dflt2, 8);
    }
    vc->inverse = vc->src >= 0;
    vc->explicit_tgt = vc->tgt >= 0;
    return vc->code[0] && strcmp(vc->code, "---") != 0;
}

