#include "pair.h"

#include <string.h>

int32_t dyad_pair_first_mention(const dyad_mentions *ms, uint32_t from, uint32_t to, int32_t not_group)
{
    const char *src = not_group >= 0 ? ms->m[not_group].code : NULL;
    for (size_t m = 0; m < ms->n; m++) {
        const dyad_mention *x = &ms->m[m];
        if (x->start < from || x->start >= to || (not_group >= 0 && x->group == not_group))
            continue;
        if (src && x->is_ref && strlen(src) >= 3 && memcmp(src, x->code, 3) == 0)
            continue; /* "its troops", "its border" */
        if (src && strcmp(src, x->code) == 0)
            continue;
        if (x->kind == AK_AGENT && !x->named && strcmp(x->code, "MIL") == 0)
            continue;
        return (int32_t)m;
    }
    return -1;
}

int dyad_pair_meet_verb(const char *text, const dyad_token *tok, const dyad_vgroup *g)
{
    static const char *const MEET[] = {"meet", "meets", "met", "meeting", NULL};
    for (int i = 0; MEET[i]; i++)
        if (dyad_tok_is(text, &tok[g->head], MEET[i]))
            return 1;
    return 0;
}

int dyad_pair_bare_passive(const char *text, const dyad_token *tok, size_t n, const dyad_vgroup *g)
{
    return !g->passive && g->start == g->head && tok[g->head].tag == TAG_VBN &&
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
    if (x->is_ref || b == 0 || (x->end < g->scope_end && tok[x->end].tag == TAG_POS))
        return 0;
    /* "on the sidelines of the UN General Assembly": any actor's gathering */
    uint32_t a = b > 2 && dyad_tok_is(text, &tok[b - 1], "the") ? b - 1 : b;
    if (a > 1 && dyad_tok_is(text, &tok[a - 1], "of") && dyad_tok_is(text, &tok[a - 2], "sidelines"))
        return 1;
    if (x->kind != AK_STATE || x->agent >= 0)
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
    static const char *const EACH_WAY[] = {"057", "054", "062", "063", "064", "161", "0871", "190", NULL};
    for (int i = 0; EACH_WAY[i]; i++)
        if (!strcmp(code, EACH_WAY[i]))
            return 1;
    return !strncmp(code, "04", 2) || !strncmp(code, "036", 3);
}

int32_t dyad_pair_reciprocal(const char *text, const dyad_token *tok, const dyad_vgroup *g,
                             const dyad_mentions *ms, const char *code, int32_t src, int32_t tgt)
{
    /* "traded accusations", "exchanged prisoners": the verb says each way */
    int mutual = dyad_tok_is(text, &tok[g->head], "exchanged") || dyad_tok_is(text, &tok[g->head], "traded") ||
                 dyad_tok_is(text, &tok[g->head], "exchange") || dyad_tok_is(text, &tok[g->head], "trade");
    int agreed = !strncmp(code, "03", 2) && (dyad_tok_is(text, &tok[g->head], "agreed") ||
                                             dyad_tok_is(text, &tok[g->head], "agree"));   /* "A and B agreed to" */
    if (tgt >= 0 || src < 0 || !(reciprocal_code(code) || mutual || agreed))
        return tgt;
    /* "Italy and Canada will attend the meetings": they go to a gathering
     * together, they do not meet each other */
    if (dyad_tok_is(text, &tok[g->head], "attend") || dyad_tok_is(text, &tok[g->head], "attends") ||
        dyad_tok_is(text, &tok[g->head], "attended") || dyad_tok_is(text, &tok[g->head], "attending"))
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

/* Mention m is a place that names something else: a meeting, an accord or a
 * market by its place ("the Paris accord", "the Venice economic summit", "the
 * Uruguay round", "the Tokyo stock market"; up to two words between: "the
 * Paris G-7 meeting"), or, right after it, a currency ("Brunei dlrs"). Returns
 * the token of the noun it names, or 0. */
static uint32_t place_as_name(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms, int32_t m)
{
    static const char *const NAMED[] = {
        "meeting", "meetings", "summit", "talks", "conference", "accord", "accords", "agreement", "pact",
        "round", "club", "declaration", "communique", "market", "markets", "exchange", "bourse", "futures",
        "time", NULL};
    static const char *const CURRENCY[] = {
        "dlrs", "dlr", "dollars", "dollar", "francs", "franc", "marks", "yen", "pounds", "stg", "crowns",
        "lire", "pesos", "rupees", "rand", "riyals", "dinars", "shillings", "currency", NULL};
    const dyad_mention *x = &ms->m[m];
    if (x->kind != AK_STATE || x->agent >= 0 || x->is_ref || x->end >= n)
        return 0;
    for (int i = 0; CURRENCY[i]; i++)
        if (dyad_tok_is(text, &tok[x->end], CURRENCY[i]))
            return x->end;
    /* a name, not a nationality adjective: "the Japanese market" is Japan's */
    if (tok[x->end - 1].tag != TAG_NNP && tok[x->end - 1].tag != TAG_NNPS)
        return 0;
    for (uint32_t t = x->end; t < n && t < x->end + 3; t++) {
        for (int i = 0; NAMED[i]; i++)
            if (dyad_tok_is(text, &tok[t], NAMED[i]))
                return t;
        if (tok[t].tag != TAG_NNP && tok[t].tag != TAG_CD && tok[t].tag != TAG_JJ && tok[t].tag != TAG_NN)
            return 0;
    }
    return 0;
}

/* Mention m is a state that names an affair ("the Iran arms scandal", "the
 * Iran-contra affair", "the Iran arms initiative"): the state's name, then
 * "arms" or "-contra" or nothing, then affair, scandal, controversy, or
 * "initiative" after "arms". Returns the token of the noun, or 0. */
static uint32_t state_as_affair(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms, int32_t m)
{
    static const char *const AFFAIR[] = {"affair", "scandal", "controversy", NULL};
    const dyad_mention *x = &ms->m[m];
    if (x->kind != AK_STATE || x->agent >= 0 || x->is_ref || tok[x->end - 1].tag != TAG_NNP)
        return 0;
    uint32_t t = x->end;
    int arms = 0;
    if (t + 1 < n && (dyad_tok_is(text, &tok[t], "arms") ||
                      (dyad_tok_is(text, &tok[t], "-") && dyad_tok_is(text, &tok[t + 1], "contra"))))
        arms = 1, t += dyad_tok_is(text, &tok[t], "-") ? 2 : 1;
    if (t >= n)
        return 0;
    for (int i = 0; AFFAIR[i]; i++)
        if (dyad_tok_is(text, &tok[t], AFFAIR[i]))
            return t;
    return arms && dyad_tok_is(text, &tok[t], "initiative") ? t : 0;
}

/* The end of mention m's compound ("France, Denmark and Belgium"). */
static uint32_t group_end(const dyad_mentions *ms, int32_t m)
{
    uint32_t e = ms->m[m].end;
    for (size_t i = (size_t)m + 1; i < ms->n && ms->m[i].group == ms->m[m].group; i++)
        e = ms->m[i].end;
    return e;
}

/* The tokens [e, h's start) finish the title and name of a speaker whose
 * reporting verb h ends the sentence ("..., World Bank director for Latin
 * America Rainer Steckhan said", "..., Belgian minister Paul de Keersmaeker
 * told a news conference"): nouns, adjectives, "of", "for", "the", "and", up
 * to twelve tokens, no comma, and h is a verb of saying in the past or
 * present (the caller sees that no verb follows it). */
static int speaker_title(const char *text, const dyad_token *tok, uint32_t e, const dyad_vgroup *h)
{
    static const char *const SAID[] = {"said", "says", "told", "tells", "added", "stated", NULL};
    int say = 0;
    for (int i = 0; SAID[i] && !say; i++)
        say = dyad_tok_is(text, &tok[h->head], SAID[i]);
    if (!say || h->start != h->head || h->start - e > 12)
        return 0;
    for (uint32_t t = e; t < h->start; t++) {
        int tag = tok[t].tag;
        if (!(dyad_tag_is_noun(tag) || tag == TAG_JJ || tag == TAG_DT || tag == TAG_POS ||
              dyad_tok_is(text, &tok[t], "of") || dyad_tok_is(text, &tok[t], "for") ||
              dyad_tok_is(text, &tok[t], "and")))
            return 0;
    }
    return 1;
}

/* Mention m (after verb k) starts a new clause (after a comma, "and", "but")
 * and stands right before a later finite verb that is not k's own complement:
 * it is that verb's subject ("..., and France showed hostility", "..., the
 * agriculture ministry officials said"), not k's object. */
static int subject_of_later(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                            const dyad_vgroups *vgs, size_t ng, size_t k, int32_t m, int speaker_only)
{
    uint32_t b = ms->m[m].start, e = group_end(ms, m);
    while (b > 0 && (tok[b - 1].tag == TAG_DT || tok[b - 1].tag == TAG_JJ || dyad_tag_is_noun(tok[b - 1].tag)))
        b--;
    if (b == 0 || !(tok[b - 1].tag == TAG_PPC || dyad_tok_is(text, &tok[b - 1], ",") ||
                    dyad_tok_is(text, &tok[b - 1], "and") || dyad_tok_is(text, &tok[b - 1], "but")))
        return 0;
    for (size_t q = k + 1; q < ng; q++) {
        const dyad_vgroup *h = &vgs->g[q];
        if (h->start < e)
            continue;
        if (!h->finite || h->comp_of == (int32_t)k || h->governor == (int32_t)k)
            return 0;
        int last = q + 1 == ng;   /* "..., Iraq said all were repulsed": a clause of its own */
        if (speaker_only)
            return last && speaker_title(text, tok, e, h);
        for (uint32_t t = e; t < h->start; t++)
            if (tok[t].tag != TAG_RB)
                return last && speaker_title(text, tok, e, h);
        return 1;
    }
    return 0;
}

/* "oppose the tax, but Italy and Belgium seem ...", "halted trading on Tuesday, and
 * the New York Stock Exchange ...": a comma and "but", "while", "although",
 * "whereas", "though" or "and", or a semicolon, between the verb (from) and token t
 * starts another clause, which holds no object of the verb. */
static int past_clause_break(const dyad_pair_clause *c, uint32_t from, uint32_t t)
{
    static const char *const JOIN[] = {"but", "while", "although", "whereas", "though", "and", NULL};
    for (uint32_t u = from; u < t; u++) {
        if (dyad_tok_is(c->text, &c->tok[u], ";"))
            return 1;
        if (!dyad_tok_is(c->text, &c->tok[u], ",") || u + 1 >= t)
            continue;
        for (int i = 0; JOIN[i]; i++)
            if (dyad_tok_is(c->text, &c->tok[u + 1], JOIN[i]))
                return 1;
    }
    return 0;
}

/* The noun phrase from token t on names people or firms, the country's own
 * ("Japan's chip makers", "U.S. officials", "British companies"): a noun in
 * -ers or -ors, or one of PEOPLE, before its end. */
static int names_people(const dyad_pair_clause *c, uint32_t t)
{
    static const char *const PEOPLE[] = {"companies", "firms", "banks", "industry", "unions", "people",
                                         "authorities", "officials", "leaders", "citizens", "industries", NULL};
    for (uint32_t u = t; u < c->n && u < t + 5; u++) {
        int tag = c->tok[u].tag;
        if (dyad_mention_at(c->ms, u) >= 0)
            return 0;   /* "U.S. flag Kuwaiti tankers": the nouns after are another actor's */
        if (tag != TAG_POS && tag != TAG_NN && tag != TAG_NNS && tag != TAG_JJ)
            return 0;
        const char *w = c->text + c->tok[u].off;
        uint32_t len = c->tok[u].len;
        if (len > 4 && (!memcmp(w + len - 3, "ers", 3) || !memcmp(w + len - 3, "ors", 3)))
            return 1;
        for (int i = 0; PEOPLE[i]; i++)
            if (dyad_tok_is(c->text, &c->tok[u], PEOPLE[i]))
                return 1;
    }
    return 0;
}

/* Mention tgt is the source's own country as a bare state ("USA" for a
 * "USAGOV" source) named as the modifier of a thing: "U.S. funds", "Brazil's
 * debt", "the U.K. budget", "Australian wheat" (not a back-reference: "its
 * troops" is handled by dyad_pair_first_mention), and not as a place after
 * "in", "at" or "to". */
static int own_country_modifier(const dyad_pair_clause *c, int32_t src, int32_t tgt)
{
    const dyad_mention *s = &c->ms->m[src], *t = &c->ms->m[tgt];
    if (t->is_ref || t->kind != AK_STATE || strlen(t->code) != 3 || strlen(s->code) <= 3 ||
        memcmp(s->code, t->code, 3) != 0 || t->end >= c->n)
        return 0;
    /* a place ("arrived in Harare's stadium"): the visit rules (record.h) decide */
    static const char *const AT[] = {"in", "at", "to", "inside", "within", NULL};
    for (int i = 0; t->start > 0 && AT[i]; i++)
        if (dyad_tok_is(c->text, &c->tok[t->start - 1], AT[i]))
            return 0;
    /* "U.S.-South Korean joint ventures", "a U.S.-Japan trade bridge": the other is the party */
    if (dyad_tok_is(c->text, &c->tok[t->end], "-") && dyad_mention_at(c->ms, t->end + 1) >= 0)
        return 1;
    int tag = c->tok[t->end].tag;
    if (!(tag == TAG_POS || tag == TAG_NN || tag == TAG_NNS || tag == TAG_JJ))
        return 0;
    return !names_people(c, t->end);
}

/* The end of the clause that holds token t: verb k's, or that of the verb it
 * governs when t lies past k's scope ("began escorting two U.S. flag Kuwaiti
 * tankers": the object is the governed verb's). */
static uint32_t scope_holding(const dyad_pair_clause *c, size_t k, uint32_t t)
{
    uint32_t end = c->vgs->g[k].scope_end;
    for (size_t q = k + 1; q < c->ng && t >= end; q++)
        if (c->vgs->g[q].governor == (int32_t)k && c->vgs->g[q].start <= t && c->vgs->g[q].scope_end > end)
            end = c->vgs->g[q].scope_end;
    return end;
}

/* Verb k is an arrival or a visit ("arrived in Paris"): the visit rules
 * (record.h) decide what a place after it is. */
static int arrival(const dyad_pair_clause *c, size_t k)
{
    static const char *const MOVE[] = {"arrive", "arrived", "arrives", "arriving", "return", "returned",
                                       "returns", "returning", "visit", "visited", "visits", "visiting",
                                       "landed", "flew", "came", "travelled", "traveled", NULL};
    const dyad_token *h = &c->tok[c->vgs->g[k].head];
    for (int i = 0; MOVE[i]; i++)
        if (dyad_tok_is(c->text, h, MOVE[i]))
            return 1;
    return 0;
}

/* Mention next (-1: none) when no comma, "from" or "to" lies between
 * mention m and it ("protests in France against the EC Commission": the EC;
 * not "arriving in Moscow from Helsinki"), else -1. */
static int32_t same_phrase(const dyad_pair_clause *c, int32_t m, int32_t next)
{
    for (uint32_t t = c->ms->m[m].end; next >= 0 && t < c->ms->m[next].start; t++)
        if (dyad_tok_is(c->text, &c->tok[t], ",") || dyad_tok_is(c->text, &c->tok[t], "from") ||
            dyad_tok_is(c->text, &c->tok[t], "to"))
            return -1;
    return next;
}

/* Mention tgt is the source's own country as a bare state named as a place
 * after "in", "at", "near", "of", "across", "throughout" or "around" ("port
 * workers began a protest at the port of Buenos Aires", "miners struck in New
 * South Wales"): where the act happens, not whom it is aimed at; not a
 * modifier ("reforms in Swedish politics"), not "from"
 * ("withdrew troops from the country" is done to it). */
static int own_country_place(const dyad_pair_clause *c, int32_t src, int32_t tgt)
{
    static const char *const AT[] = {"in", "at", "near", "of", "across", "throughout", "around", NULL};
    const dyad_mention *s = &c->ms->m[src], *t = &c->ms->m[tgt];
    if (t->is_ref || t->kind != AK_STATE || t->agent >= 0 || strlen(t->code) != 3 || strlen(s->code) <= 3 ||
        memcmp(s->code, t->code, 3) != 0 || t->start == 0)
        return 0;
    /* the head of its phrase, not a modifier: "reforms in Swedish politics" asks the state */
    if (t->end < c->n && (dyad_tag_is_noun(c->tok[t->end].tag) || c->tok[t->end].tag == TAG_JJ ||
                          c->tok[t->end].tag == TAG_POS))
        return 0;
    uint32_t b = t->start - 1;
    if (b > 0 && dyad_tok_is(c->text, &c->tok[b], "the"))
        b--;
    for (int i = 0; AT[i]; i++)
        if (dyad_tok_is(c->text, &c->tok[b], AT[i]))
            return 1;
    return 0;
}

/* Mention m is only compared with ("new loans, compared with Mexico's 7.7
 * billion", "compared with the 300 mln dlrs sought by Tanzania", "subsidizes
 * its farmers more than the EC", "exports to countries other than the U.S."):
 * a yardstick, not the party the act is aimed at: "than" (or "than the")
 * right before m, or "compared with/to" between verb k's end and m with no
 * comma between. */
static int compared(const dyad_pair_clause *c, size_t k, int32_t m)
{
    for (uint32_t b = c->ms->m[m].start; b > c->vgs->g[k].end; b--) {
        const dyad_token *w = &c->tok[b - 1];
        if (dyad_tok_is(c->text, w, ",") || dyad_tok_is(c->text, w, ";"))
            return 0;
        if (dyad_tok_is(c->text, w, "than"))   /* right before m: not "more than 4,000 Iraqis" */
            return b == c->ms->m[m].start || (b + 1 == c->ms->m[m].start && dyad_tok_is(c->text, &c->tok[b], "the"));
        if (b >= 2 && (dyad_tok_is(c->text, w, "with") || dyad_tok_is(c->text, w, "to")) &&
            (dyad_tok_is(c->text, &c->tok[b - 2], "compared") || dyad_tok_is(c->text, &c->tok[b - 2], "comparison")))
            return 1;
    }
    return 0;
}

int32_t dyad_pair_clause_target(const dyad_pair_clause *c, size_t k, int32_t src, int32_t tgt, int object_search)
{
    const dyad_mentions *ms = c->ms;
    uint32_t named;
    while (tgt >= 0 && ((named = place_as_name(c->text, c->tok, c->n, ms, tgt)) != 0 ||
                        (named = state_as_affair(c->text, c->tok, c->n, ms, tgt)) != 0)) {
        /* only an actor before the noun it names: "the Paris G-7 meeting", not
         * the parties of "the Paris pact between the U.S. and Japan" */
        int32_t next = tgt + 1 < (int32_t)ms->n && ms->m[tgt + 1].start < named ? tgt + 1 : -1;
        if (next >= 0 && src >= 0 &&
            (ms->m[next].group == ms->m[src].group || !strcmp(ms->m[next].code, ms->m[src].code)))
            next = -1;
        tgt = next;
    }
    if (tgt >= 0 && compared(c, k, tgt))
        tgt = -1;   /* no other party: the yardstick's compound stays out too */
    if (tgt >= 0 && src >= 0 && own_country_modifier(c, src, tgt))
        tgt = dyad_pair_first_mention(ms, ms->m[tgt].end, scope_holding(c, k, ms->m[tgt].start), ms->m[src].group);
    else if (tgt >= 0 && src >= 0 && !arrival(c, k) && own_country_place(c, src, tgt))
        tgt = same_phrase(c, tgt, dyad_pair_first_mention(ms, ms->m[tgt].end, c->vgs->g[k].scope_end, ms->m[src].group));
    if (tgt >= 0 && ms->m[tgt].start > c->vgs->g[k].end && past_clause_break(c, c->vgs->g[k].end, ms->m[tgt].start))
        return -1;
    if (tgt < 0)
        return tgt;
    /* a pattern's or a governed verb's target may still be a later speaker */
    if (subject_of_later(c->text, c->tok, ms, c->vgs, c->ng, k, tgt, !object_search))
        return -1;
    return tgt;
}

static int same_source(const dyad_mentions *ms, int32_t a, int32_t b)
{
    if (a < 0 || b < 0)
        return a == b;
    return !strcmp(ms->m[a].code, ms->m[b].code);
}

void dyad_pair_drop_subsumed(const dyad_mentions *ms, dyad_cands *out)
{
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        const dyad_cand *c = &out->c[i];
        int subsumed = 0;
        for (size_t j = 0; j < out->n && c->tgt < 0 && !subsumed; j++)
            subsumed = out->c[j].tgt >= 0 && !strcmp(out->c[j].code, c->code) &&
                       same_source(ms, out->c[j].src, c->src);
        if (!subsumed)
            out->c[w++] = *c;
    }
    out->n = w;
}

/* A bare state as the source and one of its own organs as the target:
 * "Japan welcomed Japanese Finance Minister X", "Washington will meet Shultz". */
int dyad_pair_is_organ(const char *role)
{
    static const char *const ORGANS[] = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", NULL};
    for (int i = 0; ORGANS[i]; i++)
        if (!memcmp(role, ORGANS[i], 3))
            return 1;
    return 0;
}

static int bare_state_on_own_organ(const dyad_mentions *ms, const dyad_cand *c)
{
    /* a people's demands, criticism and protests against its rulers are coded so */
    if (c->src < 0 || c->tgt < 0 || !strncmp(c->code, "10", 2) || !strncmp(c->code, "11", 2) ||
        !strncmp(c->code, "14", 2))
        return 0;
    const char *s = ms->m[c->src].code, *t = ms->m[c->tgt].code;
    if (strlen(s) != 3 || strlen(t) < 6 || memcmp(s, t, 3))
        return 0;
    for (size_t j = 0; j < ms->n; j++)   /* "Czechoslovakia and China signed ...": a compound */
        if (j != (size_t)c->src && ms->m[j].group == ms->m[c->src].group)
            return 0;
    return dyad_pair_is_organ(t + 3);
}

void dyad_pair_drop_own_organ(const dyad_mentions *ms, dyad_cands *out)
{
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++)
        if (!bare_state_on_own_organ(ms, &out->c[i]))
            out->c[w++] = out->c[i];
    out->n = w;
}

int32_t dyad_pair_reported_target(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                                  const dyad_vgroup *say, const char *code, int32_t src, int32_t speaker,
                                  int *country_only)
{
    int force = (code[0] == '1' && code[1] >= '8') || code[0] == '2';
    *country_only = 0;
    if (src < 0 || speaker < 0 || !force || ms->m[speaker].is_ref || ms->m[src].is_ref ||
        strlen(ms->m[speaker].code) < 3 ||
        !memcmp(ms->m[speaker].code, ms->m[src].code, 3))
        return -1;
    /* a state or its officials, not a third party's "sources" or "reports" */
    for (uint32_t t = ms->m[speaker].start; t < say->start; t++)
        if (dyad_tok_is(text, &tok[t], "source") || dyad_tok_is(text, &tok[t], "sources") ||
            dyad_tok_is(text, &tok[t], "report") || dyad_tok_is(text, &tok[t], "reports"))
            return -1;
    *country_only = 1;
    return speaker;
}

int32_t dyad_pair_that_target(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                              const dyad_vgroup *g, const char *code, int32_t src, int32_t tgt)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (tgt >= 0 || src < 0 || root < 10 || root > 13)
        return tgt;
    uint32_t t = g->end;
    while (t < n && tok[t].tag == TAG_RB)
        t++;
    if (t >= n || !dyad_tok_is(text, &tok[t], "that"))
        return tgt;
    for (uint32_t u = t + 1; u < n && u < t + 8; u++) {
        if (dyad_tag_is_verb(tok[u].tag) || tok[u].tag == TAG_PPC)
            return tgt; /* the clause's verb comes first: its subject is no actor */
        int32_t m = dyad_mention_starting(ms, u);
        if (m < 0)
            continue;
        if (ms->m[m].is_ref || !memcmp(ms->m[m].code, ms->m[src].code, 3))
            return tgt; /* "complained that they ...", its own country */
        return m;
    }
    return tgt;
}

int dyad_pair_alleged(const char *code)
{
    return !strncmp(code, "112", 3) || !strcmp(code, "114") || !strcmp(code, "016");
}

/* Codes whose verbs can share one object when coordinated: disapproval to
 * mass violence (11-20) with each other ("shelled and destroyed", "condemned
 * and rejected"), or two codes of the same root ("met and held talks with"). */
static int share_object(const char *code, const char *next)
{
    int a = (code[0] - '0') * 10 + (code[1] - '0'), b = (next[0] - '0') * 10 + (next[1] - '0');
    return (a >= 11 && b >= 11) || a == b;
}

int32_t dyad_pair_shared_object(const dyad_pair_clause *c, size_t k, int32_t src, int32_t tgt, const char *code,
                                const char *next_code)
{
    if (tgt >= 0 || src < 0 || !next_code || k + 1 >= c->ng || !share_object(code, next_code))
        return tgt;
    const dyad_vgroup *g = &c->vgs->g[k], *h = &c->vgs->g[k + 1];
    if (h->coord != (int32_t)k || h->passive || g->passive || h->subordinate != g->subordinate)
        return tgt;
    /* nothing between the two verbs but "and" or "or" (after a comma) */
    uint32_t t = g->end;
    if (t < h->start && dyad_tok_is(c->text, &c->tok[t], ","))
        t++;
    if (t + 1 != h->start || !(dyad_tok_is(c->text, &c->tok[t], "and") || dyad_tok_is(c->text, &c->tok[t], "or")))
        return tgt;
    int32_t m = dyad_pair_first_mention(c->ms, h->end, h->scope_end, c->ms->m[src].group);
    return m >= 0 ? dyad_pair_clause_target(c, k + 1, src, m, 1) : tgt;
}

/* The token after the aside that group h (a participle right after a comma)
 * opens: the closing comma's next token, or 0 when the aside does not close
 * within six tokens with no other verb ("offensive, codenamed Karbala-5,"). */
static uint32_t aside_end(const dyad_pair_clause *c, const dyad_vgroup *h)
{
    for (uint32_t u = h->end; u < c->n && u < h->end + 6; u++) {
        if (dyad_tok_is(c->text, &c->tok[u], ","))
            return u + 1;
        if (dyad_tag_is_verb(c->tok[u].tag) || c->tok[u].tag == TAG_TO)
            return 0;
    }
    return 0;
}

int32_t dyad_pair_past_aside(const dyad_pair_clause *c, size_t k, int32_t src, int32_t tgt)
{
    if (tgt >= 0 || src < 0 || k + 1 >= c->ng)
        return tgt;
    const dyad_vgroup *g = &c->vgs->g[k], *h = &c->vgs->g[k + 1];
    uint32_t s = h->start - 1; /* the comma; the clause ends at it or at the participle */
    /* a participle: "backed by tanks" (reduced), "codenamed X" (tagged as a past tense) */
    int participle = h->reduced || (c->tok[h->head].tag == TAG_VBD && h->coord < 0 && h->governor < 0);
    if (h->start == 0 || (g->scope_end != s && g->scope_end != h->start) || !dyad_tok_is(c->text, &c->tok[s], ",") ||
        !participle ||
        h->head != h->start || h->passive)
        return tgt;
    uint32_t from = aside_end(c, h), to = from;
    if (!from || from >= c->n || c->tok[from].tag != TAG_IN)
        return tgt; /* the verb's phrase goes on with a preposition: "..., towards Basra" */
    /* the verb's phrase goes on up to the next comma, clause or verb */
    while (to < c->n && !dyad_tok_is(c->text, &c->tok[to], ",") && !dyad_tok_is(c->text, &c->tok[to], ";") &&
           c->tok[to].tag != TAG_CC && c->tok[to].tag != TAG_TO && !dyad_tag_is_verb(c->tok[to].tag))
        to++;
    int32_t m = dyad_pair_first_mention(c->ms, from, to, c->ms->m[src].group);
    return m >= 0 ? dyad_pair_clause_target(c, k, src, m, 1) : tgt;
}

static int32_t mention_ending(const dyad_mentions *ms, uint32_t end)
{
    for (size_t i = 0; i < ms->n; i++)
        if (ms->m[i].end == end)
            return (int32_t)i;
    return -1;
}

int32_t dyad_pair_relative_object(const dyad_pair_clause *c, int32_t src, int32_t tgt)
{
    if (tgt >= 0 || src < 0)
        return tgt;
    uint32_t w = c->ms->m[src].start;
    if (w > 0 && c->tok[w - 1].tag == TAG_DT)
        w--; /* "which the United States rejected" */
    /* not "that", most often a complementizer ("told the assembly that Japan intends") */
    if (w < 2 || !(dyad_tok_is(c->text, &c->tok[w - 1], "which") || dyad_tok_is(c->text, &c->tok[w - 1], "whom")))
        return tgt;
    /* the antecedent: an actor ("the British ambassador whom"), or head nouns
     * after a state's name or adjective ("a Turkish research ship which") */
    uint32_t h = w - 1;
    int32_t m = mention_ending(c->ms, h);
    while (m < 0 && h > 0 && (c->tok[h - 1].tag == TAG_NN || c->tok[h - 1].tag == TAG_NNS))
        m = mention_ending(c->ms, --h);
    if (m < 0 || c->ms->m[m].is_ref || !strcmp(c->ms->m[m].code, c->ms->m[src].code))
        return tgt;
    if (h != w - 1 && (c->ms->m[m].kind != AK_STATE || c->ms->m[m].agent >= 0))
        return tgt;
    return m;
}
