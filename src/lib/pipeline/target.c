/* target.c - events of roots 02-20 left with no target (contract in target.h). */
#include "target.h"

static int root_of(const dyad_cand *c) { return (c->code[0] - '0') * 10 + (c->code[1] - '0'); }

/* The first block of the code: a country, an IGO, a region. */
static int same_block(const char *a, const char *b) { return strlen(a) >= 3 && strlen(b) >= 3 && !memcmp(a, b, 3); }

/* Mention k can be another party of the event by the source sm. */
static int other_party(const relevance_ctx *x, const dyad_vgroup *g, const dyad_mention *sm, int32_t k)
{
    const dyad_mention *m = &x->s.ms->m[k];
    if (m->group == sm->group || m->is_ref || !dyad_rel_is_political(x, k) || dyad_rel_role_alone_any(m))
        return 0;
    if (same_block(m->code, sm->code) || strlen(m->code) < 3)
        return 0;
    return dyad_rel_clause_argument(x, g, m);
}

void dyad_target_other_party(const relevance_ctx *x, dyad_cand *c)
{
    if (c->tgt >= 0 || c->src < 0 || c->vg < 0 || root_of(c) < 2)
        return;
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    const dyad_mention *sm = &x->s.ms->m[c->src];
    if (dyad_rel_role_alone_any(sm) || strlen(sm->code) < 3)
        return;
    int32_t found = -1;
    for (size_t k = 0; k < x->s.ms->n; k++) {
        if (!other_party(x, g, sm, (int32_t)k))
            continue;
        if (found >= 0 && !same_block(x->s.ms->m[found].code, x->s.ms->m[k].code))
            return;     /* two other countries: the sentence does not say which */
        if (found < 0)
            found = (int32_t)k;
    }
    if (found >= 0 && x->ex)
        fprintf(x->ex, "  target of %s: the sentence's one other party %s\n", c->code, x->s.ms->m[found].code);
    c->tgt = found;
}

/* The codes CAMEO aims at someone: with no target they say nothing. */
static int needs_target(const char *code)
{
    static const int ROOT[21] = {[2] = 1, [3] = 1, [4] = 1, [6] = 1, [7] = 1, [9] = 1,
                                 [10] = 1, [12] = 1, [13] = 1, [16] = 1};
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 0 || root > 20 || !ROOT[root])
        return 0;
    return strcmp(code, "0311") != 0;
}

const char *dyad_target_missing(const relevance_ctx *x, const dyad_cand *c)
{
    (void)x;
    if (c->tgt >= 0 || !needs_target(c->code))
        return NULL;
    return "no target, and the code is aimed at someone (target.h)";
}
