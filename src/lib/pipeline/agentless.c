/* agentless.c - events whose doer the sentence does not name, and hearsay
 * (contract in agentless.h). */
#include "agentless.h"

#include <string.h>

/* The passive's subject stands right before it, with at most a few nouns,
 * adjectives or a relative pronoun between ("two French journalists who were
 * abducted"), not across "and" or a comma ("a soldier was shot in Northern
 * Ireland and buses were hijacked" holds no victim of the hijacking). */
static int victim_next_to(const char *text, const dyad_token *tok, const dyad_mention *m, const dyad_vgroup *g)
{
    if (m->end > g->start || g->start - m->end > 3)
        return 0;
    for (uint32_t t = m->end; t < g->start; t++)
        if (!dyad_tag_is_noun(tok[t].tag) && tok[t].tag != TAG_JJ && !dyad_tok_is(text, &tok[t], "who") &&
            !dyad_tok_is(text, &tok[t], "that"))
            return 0;
    return 1;
}

int dyad_unattributed_assault(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                              const dyad_vgroup *g, int32_t pattern, const char *code, int32_t tgt)
{
    int detained = !strcmp(code, "173");   /* "two Canadian citizens were arrested" */
    if (tgt < 0 || pattern >= 0 || code[0] != '1' || (code[1] != '8' && !detained))
        return 0;
    if (ms->m[tgt].kind == AK_AGENT && strlen(ms->m[tgt].code) <= 3)
        return 0;
    if (g->end < n && dyad_tok_is(text, &tok[g->end], "of"))
        return 1;
    return g->passive && victim_next_to(text, tok, &ms->m[tgt], g);
}

int dyad_hearsay_about_subject(const char *text, const dyad_token *tok, size_t n, const dyad_vgroup *g)
{
    static const char *const BE[] = {"is", "was", "are", "were", "be", "been", "being", NULL};
    if (g->end >= n || !dyad_tok_is(text, &tok[g->end], "to") || tok[g->end - 1].tag == TAG_VBG)
        return 0;
    for (uint32_t t = g->start; t + 1 < g->end; t++)
        for (int i = 0; BE[i]; i++)
            if (dyad_tok_is(text, &tok[t], BE[i]))
                return 1;
    return 0;
}
