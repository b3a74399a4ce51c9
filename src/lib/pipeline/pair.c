#include "pair.h"

#include <string.h>

int dyad_pair_bare_passive(const char *text, const dyad_token *tok, size_t n, const dyad_vgroup *g)
{
    return !g->passive && !g->finite && g->start == g->head && tok[g->head].tag == TAG_VBN &&
           g->start > 0 && dyad_tok_is(text, &tok[g->start - 1], ",") && g->end < n &&
           dyad_tok_is(text, &tok[g->end], "by");
}

/* Codes of meetings, talks and agreements, whose place is a venue: consult
 * (04) but not travel to or host (042, 043: "arrived in Berlin" is a visit),
 * intent to meet (036), sign an agreement (057), reject a meeting (125). Not
 * disapproval, protest, aid or force, whose "in X" is often whom they concern
 * ("condemned the coup in Bolivia"). */
static int venue_code(const char *code)
{
    if (!strncmp(code, "04", 2))
        return strcmp(code, "042") != 0 && strcmp(code, "043") != 0;
    return !strncmp(code, "036", 3) || !strcmp(code, "057") || !strncmp(code, "125", 3);
}

/* Mention m is a bare place name after "in" or "at": no role ("in Japanese
 * hands"), no possessive ("in Japan's market"). */
static int is_venue(const char *text, const dyad_token *tok, const dyad_mentions *ms, const dyad_vgroup *g,
                    int32_t m)
{
    const dyad_mention *x = &ms->m[m];
    uint32_t b = x->start;
    if (x->kind != AK_STATE || x->agent >= 0 || x->is_ref || b == 0)
        return 0;
    if (x->end < g->scope_end && tok[x->end].tag == TAG_POS)
        return 0;
    return dyad_tok_is(text, &tok[b - 1], "in") || dyad_tok_is(text, &tok[b - 1], "at");
}

int32_t dyad_pair_skip_venue(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                             const dyad_vgroup *g, const char *code, int32_t src, int32_t tgt, int *venue)
{
    *venue = 0;
    if (tgt < 0 || !venue_code(code) || !is_venue(text, tok, ms, g, tgt))
        return tgt;
    *venue = 1;
    const char *sc = src >= 0 ? ms->m[src].code : NULL;
    for (size_t m = (size_t)tgt + 1; m < ms->n; m++) {
        const dyad_mention *x = &ms->m[m];
        if (x->start >= g->scope_end)
            break;
        /* not past another verb: "met in Paris to discuss Ukraine" */
        for (uint32_t t = ms->m[tgt].end; t < x->start; t++)
            if (tok[t].tag == TAG_TO || dyad_tag_is_verb(tok[t].tag))
                return -1;
        if (is_venue(text, tok, ms, g, (int32_t)m) || (src >= 0 && x->group == ms->m[src].group) ||
            (sc && !strcmp(sc, x->code)))
            continue;
        return (int32_t)m;
    }
    return -1;
}

/* Codes two parties do to each other when both are the subject. */
static int reciprocal_code(const char *code)
{
    return !strncmp(code, "04", 2) || !strcmp(code, "057") || !strncmp(code, "036", 3) ||
           !strcmp(code, "0871") || !strcmp(code, "190");
}

int32_t dyad_pair_reciprocal(const dyad_mentions *ms, const char *code, int32_t src, int32_t tgt)
{
    if (tgt >= 0 || src < 0 || !reciprocal_code(code))
        return tgt;
    const dyad_mention *s = &ms->m[src];
    int32_t other = -1;
    for (size_t m = 0; m < ms->n; m++) {
        if ((int32_t)m == src || ms->m[m].group != s->group || !strcmp(ms->m[m].code, s->code))
            continue;
        if (other >= 0 && strcmp(ms->m[m].code, ms->m[other].code) != 0)
            return tgt; /* three parties or more: a multilateral meeting, no pair */
        other = (int32_t)m;
    }
    return other >= 0 ? other : tgt;
}
