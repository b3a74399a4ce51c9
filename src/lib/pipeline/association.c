/* association.c - a state's name opening an association's name (contract in
 * association.h). */
#include "association.h"

#include <stdio.h>
#include <string.h>

#include "actor_match.h"

/* The role of the association whose name runs from token k, or NULL when the
 * words there name no association; *end: where its name ends. */
static const char *association_role(const char *text, const dyad_token *tok, size_t n, uint32_t k,
                                    uint32_t *end)
{
    static const char *const HEADS[] = {"association", "federation", "confederation", NULL};
    static const char *const TRADE[] = {"commerce", "industry", NULL};
    static const char *const LAB[] = {"workers", "workers'", "employees", "unions", "labour", "labor", NULL};
    static const char *const AGR[] = {"farmers", "growers", "cattlemen", "ranchers", "planters", NULL};
    static const char *const HLH[] = {"medical", "hospital", NULL};
    int head = 0, chamber = 0, trade = 0, lab = 0, agr = 0, hlh = 0, bar = 0;
    for (uint32_t i = k; i < n && i < k + 8; i++) {
        const dyad_token *t = &tok[i];
        int cap = (t->flags & TOKF_CAP) && !(t->flags & TOKF_ALLCAPS) &&
                  (dyad_tag_is_noun(t->tag) || t->tag == TAG_JJ);
        if (!cap && !dyad_tok_is(text, t, "of") && !dyad_tok_is(text, t, "and") && t->tag != TAG_POS)
            break;
        head |= dyad_tok_in(text, t, HEADS);
        chamber |= dyad_tok_is(text, t, "chamber") && cap;
        trade |= dyad_tok_in(text, t, TRADE);
        lab |= dyad_tok_in(text, t, LAB);
        agr |= dyad_tok_in(text, t, AGR);
        hlh |= dyad_tok_in(text, t, HLH);
        bar |= dyad_tok_is(text, t, "bar");   /* lawyers: "the Lahore Bar Association" */
        if (cap)
            *end = i + 1;
    }
    if (!head && !(chamber && trade))
        return NULL;
    return bar ? "JUD" : lab ? "LAB" : agr ? "AGR" : hlh ? "HLH" : "BUS";
}

/* Drops the mentions after mention i that lie inside tokens before end ("Wool
 * Exporters" in "the Argentine Federation of Wool Exporters"), unless a
 * compound counts on them. */
static void drop_inside(dyad_mentions *ms, size_t i, uint32_t end)
{
    for (size_t z = i + 1; z < ms->n && ms->m[z].start < end;) {
        int joined = ms->m[z].end > end || ms->m[z].group != (int32_t)z;
        for (size_t k = z + 1; k < ms->n; k++)
            joined |= ms->m[k].group == (int32_t)z;
        if (joined) {
            z++;
            continue;
        }
        memmove(&ms->m[z], &ms->m[z + 1], (ms->n - z - 1) * sizeof *ms->m);
        ms->n--;
        for (size_t k = 0; k < ms->n; k++)
            if (ms->m[k].group > (int32_t)z)
                ms->m[k].group--;
    }
}

void dyad_association_names(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                            dyad_mentions *ms)
{
    if (d->opts.relevance_all)
        return;
    for (size_t i = 0; i < ms->n; i++) {
        dyad_mention *m = &ms->m[i];
        if (m->kind != AK_STATE || m->is_ref || m->recalled || m->entry < 0 || strlen(m->code) < 3)
            continue;
        for (uint32_t j = m->start; j < m->end; j++) {   /* where the state's name is */
            int32_t e = -1;
            uint32_t end = dyad_actor_longest(d, tok, n, j, &e);
            if (end == 0 || e != m->entry)
                continue;
            uint32_t name_end = end;
            const char *role = end < n && (tok[end].flags & TOKF_CAP) ? association_role(text, tok, n, end, &name_end)
                                                                       : NULL;
            if (role) {
                char cc[4];
                memcpy(cc, m->code, 3);
                cc[3] = 0;
                snprintf(m->code, sizeof m->code, "%s%s", cc, role);
                if (name_end > m->end)
                    m->end = name_end;
                drop_inside(ms, i, name_end);
            }
            break;
        }
    }
}
