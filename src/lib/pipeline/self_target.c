/* self_target.c - a state's own actor aimed at the state itself (self_target.h). */
#include <string.h>
#include <strings.h>

#include "pair.h"
#include "self_target.h"

int dyad_people_word(const char *text, const dyad_token *t)
{
    const char *w = text + t->off;
    return t->len > 4 && (t->flags & TOKF_CAP) && !memcmp(w + t->len - 3, "ans", 3);
}

static int fight_or_protest(const char *code)
{
    return !strncmp(code, "14", 2) || !strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
           !strncmp(code, "20", 2);
}

/* "Japan's chip makers", "Japanese chip-makers", "the country's farmers": the
 * state stands for its people or firms, a target a state's organs may address */
static int people_follow(const char *text, const dyad_token *tok, size_t n, uint32_t from)
{
    static const char *const HEADS[] = {"makers", "users", "producers", "exporters", "importers",
                                        "manufacturers", "companies", "firms", "farmers", "growers",
                                        "workers", "citizens", "people", "banks", NULL};
    for (uint32_t k = from; k < n && k < from + 4 && tok[k].kind != TOK_PUNCT; k++)
        for (int h = 0; HEADS[h]; h++) {
            size_t hl = strlen(HEADS[h]);
            if (tok[k].len >= hl && !strncasecmp(text + tok[k].off + tok[k].len - hl, HEADS[h], hl))
                return 1;
        }
    return 0;
}

/* "withdrew from the country's border region": leaving one's own ground */
static int from_before(const char *text, const dyad_token *tok, uint32_t i)
{
    return (i >= 1 && dyad_tok_is(text, &tok[i - 1], "from")) || (i >= 2 && dyad_tok_is(text, &tok[i - 2], "from"));
}

static int has_from(const char *text, const dyad_token *tok, uint32_t start, uint32_t end)
{
    for (uint32_t k = start; k < end; k++)
        if (dyad_tok_is(text, &tok[k], "from"))
            return 1;
    return 0;
}

static int self_aimed(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                      const dyad_cand *c)
{
    /* criticism of one's own country is a domestic event ("criticized Canberra") */
    if (c->src < 0 || c->tgt < 0 || fight_or_protest(c->code) || !strncmp(c->code, "11", 2))
        return 0;
    const dyad_mention *s = &ms->m[c->src], *t = &ms->m[c->tgt];
    if (strlen(t->code) != 3 || strlen(s->code) < 6 || memcmp(s->code, t->code, 3))
        return 0;
    /* only a role that took its country from elsewhere ("officials", "the
     * ministers", "he"): one that names it ("Serbian President X promised to
     * democratize Serbia") codes a domestic act so (the CAMEO codebook) */
    if (t->kind == AK_ORG || t->kind == AK_PERSON || s->kind == AK_ORG || !(s->is_ref || s->entry < 0))
        return 0;
    for (size_t j = 0; j < ms->n; j++)   /* "between the United States and the Netherlands" */
        if (j != (size_t)c->tgt && ms->m[j].group == t->group)
            return 0;
    if (people_follow(text, tok, n, t->end) || from_before(text, tok, t->start))
        return 0;
    return !(t->end > t->start && dyad_people_word(text, &tok[t->end - 1]));
}

/* token i or the one before it is "its" or "their" */
static int own_pronoun(const char *text, const dyad_token *tok, uint32_t i)
{
    for (uint32_t k = i > 0 ? i - 1 : i; k <= i; k++)
        if (dyad_tok_is(text, &tok[k], "its") || dyad_tok_is(text, &tok[k], "their"))
            return 1;
    return 0;
}

/* pair.h keeps a bare state's demands and criticism of its own organs for a
 * people's ("Young Algerians ... President X"); a state's name, adjective or
 * place is no people: "The nation demands ... our government's involvement",
 * "a Philippine panel charged with recovering wealth of former President X". */
static int state_demand_on_own_organ(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                                     const dyad_cand *c)
{
    if (c->src < 0 || c->tgt < 0 || (strncmp(c->code, "10", 2) && strncmp(c->code, "11", 2)))
        return 0;
    const dyad_mention *s = &ms->m[c->src], *t = &ms->m[c->tgt];
    if (s->kind != AK_STATE || s->agent >= 0 || strlen(s->code) != 3 || strlen(t->code) < 6 || memcmp(s->code, t->code, 3) ||
        !dyad_pair_is_organ(t->code + 3))
        return 0;
    for (uint32_t k = s->start > 3 ? s->start - 3 : 0; k < s->end; k++)   /* "The Albanians of southern Serbia" */
        if (dyad_people_word(text, &tok[k]))
            return 0;
    /* "Sri Lanka ordered its armed forces"; "a Democrat from Georgia" is a person */
    if (own_pronoun(text, tok, t->start) || has_from(text, tok, s->start, s->end))
        return 0;
    for (size_t j = 0; j < ms->n; j++)   /* a compound source */
        if (j != (size_t)c->src && ms->m[j].group == s->group)
            return 0;
    return 1;
}

void dyad_drop_self_target(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                           dyad_cands *out)
{
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++)
        if (!self_aimed(text, tok, n, ms, &out->c[i]) && !state_demand_on_own_organ(text, tok, ms, &out->c[i]))
            out->c[w++] = out->c[i];
    out->n = w;
}
