/* actor_match.c - the first step of the actor stage: dictionary names matched on
 * a sentence's tokens (contract in actor_match.h). */
#include "actor_match.h"

#include "token.h"

/* Longest dictionary name starting at token i; returns its end or 0. */
uint32_t dyad_actor_longest(const dyad_dict *d, const dyad_token *tok, size_t n, uint32_t i,
                            int32_t *entry)
{
    uint32_t best = 0;
    /* the first step from the root was taken when the token was looked up */
    int32_t node = tok[i].name_node;
    for (uint32_t j = i; j < n; j++) {
        if (j > i)
            node = dyad_dict_child(d, node, tok[j].word);
        if (node < 0)
            break;
        int32_t e = d->node_entry[node];
        if (e < 0)
            continue;
        uint8_t f = d->node_flags[node];
        if ((f & NF_ALLCAPS) && !(tok[i].flags & TOKF_ALLCAPS))
            continue;
        if ((f & NF_CAP) && !(tok[i].flags & TOKF_CAP))
            continue;
        best = j + 1;
        *entry = e;
    }
    return best;
}

/* "General" inside a proper name is no officer: after an office ("Comptroller
 * General Bowsher", "director general") or before a word of an organisation's
 * name ("General Union of Workers", "General Motors"), nor is the adjective
 * ("a general strike", "the central bank's general manager"); "General Tommy
 * Franks" and "the general" are. */
static int general_in_name(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                           uint32_t i, uint32_t end, int32_t entry)
{
    if (end != i + 1 || d->entries[entry].kind != AK_AGENT || !dyad_tok_is(text, &tok[i], "general"))
        return 0;
    static const char *const OFFICES[] = {"director", "secretary", "attorney", "solicitor", "inspector",
                                          "surgeon", "consul", "auditor", "accountant", "procurator", NULL};
    for (int k = 0; i > 0 && OFFICES[k]; k++)
        if (dyad_tok_is(text, &tok[i - 1], OFFICES[k]))
            return 1;   /* "director general", "secretary general" */
    if (!(tok[i].flags & TOKF_CAP))   /* the adjective: "general strike", "general manager" */
        return i + 1 < n && !(tok[i + 1].flags & TOKF_CAP) &&
               (dyad_tag_is_noun(tok[i + 1].tag) || tok[i + 1].tag == TAG_JJ);
    if (i > 0 && (tok[i - 1].flags & TOKF_CAP) && tok[i - 1].tag == TAG_NNP && !(tok[i - 1].flags & TOKF_ALLCAPS))
        return 1;   /* an office: "Comptroller General" */
    static const char *const NAME_WORDS[] = {
        "motors", "electric", "dynamics", "union", "assembly", "agreement", "accounting",
        "mills", "foods", "instrument", "instruments", "council", "confederation", "federation",
        "workers", "labour", "labor", "strike", "election", "elections", "conference", "chamber",
        "corp", "corporation", "insurance", "signal", "development", "atomics", "hospital",
        "partners", "investment", "capital", "fund", "re", "cinema", "public", "tire", "host",
        "secretariat", "directorate", "administration", "services", "data", "nutrition",
        "housewares", "microwave", "datacomm", "physics", "kinetics", "refractories", NULL};
    if (i + 1 >= n)
        return 0;
    for (int k = 0; NAME_WORDS[k]; k++)
        if (dyad_tok_is(text, &tok[i + 1], NAME_WORDS[k]))
            return 1;
    return 0;
}

/* The longest dictionary match at each position, left to right (at most cap). */
size_t dyad_actor_match_names(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                              dyad_raw_match *raw, size_t cap)
{
    size_t nr = 0;
    for (uint32_t i = 0; i < n && nr < cap;) {
        int32_t e = -1;
        uint32_t end = tok[i].word >= 0 ? dyad_actor_longest(d, tok, n, i, &e) : 0;
        if (end && d->entries[e].kind == AK_REF && i + 1 < end && tok[i + 1].word >= 0) {
            /* "the Organization of American States" is no back-reference to
             * "the organization": a longer name from the next word wins */
            int32_t e2 = -1;
            uint32_t end2 = dyad_actor_longest(d, tok, n, i + 1, &e2);
            if (end2 > end) {
                i++;
                end = end2;
                e = e2;
            }
        }
        if (end && general_in_name(d, text, tok, n, i, end, e))
            end = 0;
        if (end) {
            raw[nr].start = i;
            raw[nr].end = end;
            raw[nr].entry = e;
            nr++;
            i = end;
        } else {
            i++;
        }
    }
    return nr;
}
