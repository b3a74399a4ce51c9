/* report_scope.c - what a reporting verb reports (contract in report_scope.h). */
#include "report_scope.h"

/* The group opens a relative clause on the noun before it: "journalists who
 * were abducted", "the town, which was shelled". */
static int opens_relative(const char *text, const dyad_token *tok, const dyad_vgroup *g)
{
    static const char *const REL[] = {"who", "which", "whom", NULL};
    if (g->start < 2)
        return 0;
    for (int i = 0; REL[i]; i++)
        if (dyad_tok_is(text, &tok[g->start - 1], REL[i]))
            return dyad_tag_is_noun(tok[g->start - 2].tag);
    return 0;
}

static int has_event(const dyad_cands *cands, size_t k)
{
    for (size_t i = 0; i < cands->n; i++)
        if (cands->c[i].vg == (int32_t)k)
            return 1;
    return 0;
}

int dyad_reports_event(const char *text, const dyad_token *tok, const dyad_vgroups *vgs, const dyad_cands *cands,
                       size_t say, size_t ev)
{
    const dyad_vgroup *s = &vgs->g[say], *e = &vgs->g[ev];
    if (e->start < s->end || !opens_relative(text, tok, e))
        return 1;
    /* the complement's own predicate: the next finite group after the clause,
     * not coordinated with it; the event stands apart only when it names none */
    for (size_t k = ev + 1; k < vgs->n; k++) {
        const dyad_vgroup *p = &vgs->g[k];
        if (!p->finite || p->coord == (int32_t)ev || p->governor >= 0)
            continue;
        return has_event(cands, k);
    }
    return 1;
}
