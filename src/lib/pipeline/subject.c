#include "subject.h"

#include <string.h>

#include "date.h"
#include "pair.h"

static int is_time_noun(const char *text, const dyad_token *t)
{
    static const char *const words[] = {"night", "morning", "evening", "afternoon", "week", "weekend",
                                        "month", "year", "day", "days", "weeks", "months", "today", "yesterday", "tonight"};
    if (t->len < 3 || t->len > 9 || t->kind != TOK_WORD)
        return 0; /* the words are 3 to 9 letters long: most tokens stop here */
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (dyad_tok_is(text, t, words[i]))
            return 1;
    return dyad_is_weekday(text, t);
}

static int is_place_preposition(const char *text, const dyad_token *t)
{
    return dyad_tok_is(text, t, "in") || dyad_tok_is(text, t, "at") || dyad_tok_is(text, t, "near") ||
           dyad_tok_is(text, t, "inside") || dyad_tok_is(text, t, "outside") ||
           dyad_tok_is(text, t, "across") || dyad_tok_is(text, t, "throughout");
}


/* Is mention m the object of a place preposition after a noun that is no actor
 * ("a bombing in Egypt")? Then *t is that noun. */
static int place_of_unknown(const char *text, const dyad_token *tok, const dyad_mentions *ms, int32_t m,
                            uint32_t *t)
{
    uint32_t b = ms->m[m].start;
    if (b > 0 && dyad_tok_is(text, &tok[b - 1], "the"))
        b--;
    if (b < 2 || dyad_mention_at(ms, b - 2) >= 0 ||
        !(tok[b - 2].tag == TAG_NN || tok[b - 2].tag == TAG_NNS || tok[b - 2].tag == TAG_NNP))
        return 0;
    if (!is_place_preposition(text, &tok[b - 1]))
        return 0; /* not "of": "a group of African diplomats" are the diplomats */
    *t = b - 2;
    return 1;
}

/* The words right before the verb name someone who is no actor: "his family said",
 * "a bombing in Egypt's Sinai killed". Walks back from the word before the verb
 * over the noun phrase (determiners, adjectives, nouns, possessives); true when the
 * phrase ends at a common noun or pronoun and reaches no actor. */
static int unknown_subject(const char *text, const dyad_token *tok, const dyad_mentions *ms, uint32_t verb_start)
{
    if (verb_start == 0)
        return 0;
    uint32_t t = verb_start - 1;
    while (t > 0 && tok[t].tag == TAG_RB)
        t--;
    /* over a time expression: "on Sunday night", "last week", "this morning" */
    if (is_time_noun(text, &tok[t])) {
        while (t > 0 && (tok[t].tag == TAG_NNP || tok[t].tag == TAG_JJ || tok[t].tag == TAG_DT ||
                         tok[t].tag == TAG_CD || is_time_noun(text, &tok[t])))
            t--;
        if (t > 0 && dyad_tok_is(text, &tok[t], "on"))
            t--;
    }
    int tag = tok[t].tag;
    int32_t m0 = dyad_mention_at(ms, t);
    if (m0 >= 0) {
        /* "the bombing in Egypt killed": a place inside the noun phrase of a noun
         * that is no actor */
        if (!place_of_unknown(text, tok, ms, m0, &t))
            return 0;
    } else if (!(tag == TAG_NN || tag == TAG_NNS || tag == TAG_PRP || tag == TAG_NNP || tag == TAG_NNPS)) {
        return 0; /* a name the dictionary lacks counts too: "..., Perkins said" */
    }
    for (;;) {
        int32_t m = dyad_mention_at(ms, t);
        if (m >= 0) {
            /* "a bombing in Egypt's Sinai" */
            if (!place_of_unknown(text, tok, ms, m, &t))
                return 0;
            continue;
        }
        if (t == 0)
            return 1;
        t--;
        tag = tok[t].tag;
        if (tag == TAG_RRB) {
            /* "the Hizbollah (Party of God) group": over the parenthesis */
            while (t > 0 && tok[t].tag != TAG_LRB)
                t--;
            continue;
        }
        /* "a group of deputies", "Fabius and a group", "aircraft using guided missiles" */
        if ((tag == TAG_IN && dyad_tok_is(text, &tok[t], "of")) ||
            (tag == TAG_CC && dyad_tok_is(text, &tok[t], "and")))
            continue;
        /* "police in Jericho", "senators from Sindh", "Minister for Interior X": the
         * phrase belongs to the noun before it */
        if (tag == TAG_IN &&
            (is_place_preposition(text, &tok[t]) || dyad_tok_is(text, &tok[t], "from") ||
             dyad_tok_is(text, &tok[t], "for")) && t > 0 &&
            (dyad_mention_at(ms, t - 1) >= 0 || tok[t - 1].tag == TAG_NN || tok[t - 1].tag == TAG_NNS ||
             tok[t - 1].tag == TAG_NNP || tok[t - 1].tag == TAG_NNPS))
            continue;
        if (!(tag == TAG_NN || tag == TAG_NNS || tag == TAG_NNP || tag == TAG_NNPS || tag == TAG_JJ ||
              tag == TAG_DT || tag == TAG_PRPS || tag == TAG_CD || tag == TAG_POS || tag == TAG_JJS ||
              tag == TAG_VBN || tag == TAG_VBG || tag == TAG_RB))
            return dyad_mention_at(ms, t) < 0;
    }
}

/* "The company said it hopes ...", "Russia said on Monday that it would ...": the
 * pronoun right after a reporting verb is its speaker, whoever that is (-1 when the
 * speaker is no actor), not an older actor of the story; "it" never stands for a
 * person ("Putin said it would ..."). */
int32_t dyad_speaker_pronoun(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                             const dyad_vgroup *say_group, int32_t speaker, int32_t subj)
{
    const dyad_mention *p = &ms->m[subj];
    if (!p->is_ref || p->end != p->start + 1 || p->start < say_group->end)
        return subj;
    int it = dyad_tok_is(text, &tok[p->start], "it");
    if (!it && !dyad_tok_is(text, &tok[p->start], "they"))
        return subj;
    for (size_t m = 0; m < ms->n; m++) {
        uint32_t b = ms->m[m].start;
        if (b < say_group->end || b >= p->start)
            continue;
        /* the addressee right after the verb: "Turkey told the EU it would ..." */
        int addressee = b == say_group->end ||
                        (b == say_group->end + 1 && dyad_tok_is(text, &tok[say_group->end], "the"));
        if (!addressee || ms->m[m].end != p->start)
            return subj; /* another actor first: "said Iran ... it" */
    }
    if (speaker < 0)
        return -1;
    const dyad_mention *s = &ms->m[speaker];
    if (it && (s->kind == AK_PERSON || s->named))
        return subj;
    return speaker;
}

/* "Ethiopia indicated it would act": a subject pronoun the dictionary does not
 * list, right after the verb before, is that verb's subject (PETRARCH's
 * dictionaries have no pronouns; it resolves them itself). "it" never stands for
 * a person; after a reporting verb speaker_pronoun decides. */
int32_t dyad_unlisted_pronoun(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                              const dyad_vgroup *prev, const dyad_vgroup *g, int32_t prev_subj)
{
    if (prev_subj < 0 || g->start < 1 || prev->end + 1 != g->start || !prev->finite)
        return -1;
    const dyad_token *p = &tok[g->start - 1];
    int it = dyad_tok_is(text, p, "it");
    if (p->tag != TAG_PRP || dyad_mention_at(ms, g->start - 1) >= 0 ||
        !(it || dyad_tok_is(text, p, "they") || dyad_tok_is(text, p, "he") || dyad_tok_is(text, p, "she")))
        return -1;
    const dyad_mention *s = &ms->m[prev_subj];
    if (it && (s->kind == AK_PERSON || s->named))
        return -1;
    return prev_subj;
}

/* "After visiting France, Germany and Italy, Funaro hopes ...": a fronted phrase
 * that ends in a list of actors ends at the comma after the list, not at the
 * first comma (comma). Returns that comma. */
static uint32_t list_end(const char *text, const dyad_token *tok, const dyad_mentions *ms, uint32_t comma,
                         uint32_t verb)
{
    uint32_t t = comma + 1;
    for (;;) {
        if (t < verb && (dyad_tok_is(text, &tok[t], "and") || dyad_tok_is(text, &tok[t], "the")))
            t++;
        int32_t m = t < verb ? dyad_mention_at(ms, t) : -1;
        if (m < 0 || ms->m[m].start != t || ms->m[m].end >= verb)
            return comma;
        t = ms->m[m].end;
        if (dyad_tok_is(text, &tok[t], ",")) {
            comma = t;
            t++;
        } else if (!dyad_tok_is(text, &tok[t], "and")) {
            return comma;
        }
    }
}

/* The token before verb_start (over adverbs and time words) ends an apposition or
 * is a relative pronoun: the subject is an antecedent ("the contras, who have been
 * fighting", "Dumas, an aide to Mitterrand, met"), which may follow a preposition. */
static int clause_opener(const char *text, const dyad_token *tok, uint32_t verb_start)
{
    uint32_t t = verb_start;
    while (t > 0 && (tok[t - 1].tag == TAG_RB || tok[t - 1].tag == TAG_RBR || tok[t - 1].tag == TAG_DT ||
                     tok[t - 1].tag == TAG_JJ || is_time_noun(text, &tok[t - 1])))
        t--;   /* "earlier this week", "last month" */
    return t > 0 && (dyad_tok_is(text, &tok[t - 1], ",") || dyad_tok_is(text, &tok[t - 1], "who") ||
                     dyad_tok_is(text, &tok[t - 1], "which") || dyad_tok_is(text, &tok[t - 1], "that"));
}

static int inner_preposition(const char *text, const dyad_token *t)
{
    static const char *const WORDS[] = {"to", "for", "on", "against", "over", "about", "into", "toward",
                                        "towards", NULL};
    for (int i = 0; WORDS[i]; i++)
        if (dyad_tok_is(text, t, WORDS[i]))
            return 1;
    return 0;
}

/* "a U.S. Agriculture Department officer in Lima said", "Taiwan's ambassador in
 * Montevideo told": the place after "in" or "at" is where the actor right before
 * it is, and that actor is the subject. Returns it, or m. */
static int32_t actor_in_place(const char *text, const dyad_token *tok, const dyad_mentions *ms, int32_t m)
{
    uint32_t b = ms->m[m].start;
    if (b > 0 && dyad_tok_is(text, &tok[b - 1], "the"))
        b--;
    if (m == 0 || b < 2 || !(dyad_tok_is(text, &tok[b - 1], "in") || dyad_tok_is(text, &tok[b - 1], "at")))
        return m;
    int32_t p = m - 1;
    if (ms->m[p].end != b - 1 || ms->m[p].is_ref)
        return m;
    return p;
}

/* Does code name a country or body before its role ("TURMIL", "USA", "ADB"), not a
 * role alone ("MIL", "GOV")? */
static int role_with_country(const char *code)
{
    static const char *const ROLES[] = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "BUS", "MED", "CVL", "LAB",
                                        "AGR", "EDU", "COP", "SPY", "ELI", "HLH", "REF", "UAF", "CRM", "IGO",
                                        "NGO", "MNC", "DEV", "ENV", "HRI", "RAD", "MOD", "SET", "IMG", NULL};
    if (strlen(code) < 3)
        return 0;
    for (int i = 0; ROLES[i]; i++)
        if (!strncmp(code, ROLES[i], 3))
            return 0;
    return 1;
}

/* "Taiwan, one of the founders of the ADB, boycotted", "Shultz, travelling to
 * China, refused", "Poindexter, an adviser who resigned over the Iran affair,
 * refused": an actor named before an apposition set off by commas right before
 * the verb (an adverb or time word may come between) is the subject, not an
 * actor inside the apposition. Returns that actor, or m when the rule does not
 * apply (no actor before the apposition: "The minister, Israel's envoy, said"
 * keeps what the apposition names; a list "France, Germany and Italy, ..."). */
static int32_t before_apposition(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                                 const dyad_vgroups *vgs, const dyad_vgroup *g, int32_t m)
{
    uint32_t c2 = g->start;
    while (c2 > 0 && (tok[c2 - 1].tag == TAG_RB || is_time_noun(text, &tok[c2 - 1])))
        c2--;
    if (c2 == 0 || !dyad_tok_is(text, &tok[c2 - 1], ",") || ms->m[m].end >= c2)
        return m;
    c2--;
    uint32_t c1 = ms->m[m].start;
    while (c1 > 0 && !dyad_tok_is(text, &tok[c1 - 1], ","))
        c1--;
    if (c1 < 2)
        return m;
    c1--;
    int rel = 0;
    for (uint32_t t = c1 + 1; t < c2; t++) {
        if (dyad_tok_is(text, &tok[t], ",") || tok[t].tag == TAG_CC || tok[t].tag == TAG_LRB ||
            dyad_tok_is(text, &tok[t], "\"") || tok[t].tag == TAG_PPC)
            return m;
        if (dyad_tok_is(text, &tok[t], "who") || dyad_tok_is(text, &tok[t], "which"))
            rel = 1;
    }
    for (size_t q = 0; q < vgs->n; q++) {
        const dyad_vgroup *p = &vgs->g[q];
        if (p->finite && p->start > c1 && p->start < c2 && !rel)
            return m; /* a clause of its own: "Iran, Iraq said, ..." */
    }
    int32_t x = dyad_mention_at(ms, c1 - 1);
    if (x < 0 || x == m || ms->m[x].end != c1 || ms->m[x].is_ref)
        return m;
    /* the actor before the commas is no subject when a verb governs it: "Iran
     * attacked Kuwait, a U.S. ally, yesterday" holds no verb after the commas,
     * but "said X, the ..., had" has its subject after the verb */
    for (size_t q = 0; q < vgs->n; q++) {
        const dyad_vgroup *p = &vgs->g[q];
        if (p->end <= ms->m[x].start && p->end + 2 >= ms->m[x].start && !p->finite)
            return m; /* "travelling to France, the ..., he" */
    }
    uint32_t b = ms->m[x].start;
    while (b > 0 && (tok[b - 1].tag == TAG_NNP || tok[b - 1].tag == TAG_JJ || tok[b - 1].tag == TAG_DT))
        b--;
    if (b > 0 && tok[b - 1].tag == TAG_IN)
        return m; /* "the head of Kuwait, ...", "his deputy at the National Security Council, ..." */
    if (ms->m[x].entry < 0 || !role_with_country(ms->m[x].code))
        return m; /* "General X, Secretary General of the Turkish General Staff, told",
                   * "The spokesman, speaking from Bonn, said": the apposition gives the
                   * role its country */
    return x;
}

/* The subject of group k: nearest mention before it in its clause. */
static int32_t subject_of(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                          const dyad_vgroups *vgs, size_t k, int depth)
{
    const dyad_vgroup *g = &vgs->g[k];
    if (depth > 8)
        return -1;
    if (g->governor >= 0)
        return subject_of(text, tok, ms, vgs, (size_t)g->governor, depth + 1);
    if (g->coord >= 0)
        return subject_of(text, tok, ms, vgs, (size_t)g->coord, depth + 1);
    /* "Greece and Cyprus, backed by France, opposed": the participle's subject */
    if (k > 0 && g->start > 0 && dyad_tok_is(text, &tok[g->start - 1], ",") &&
        dyad_pair_bare_passive(text, tok, g->start, &vgs->g[k - 1]))
        return subject_of(text, tok, ms, vgs, k - 1, depth + 1);
    uint32_t limit = 0;
    /* the nearest earlier finite verb bounds the search, unless it sits in a
     * relative clause ("NATO, which has 30 members, condemned ...") */
    for (size_t q = k; q-- > 0;) {
        const dyad_vgroup *p = &vgs->g[q];
        if (!p->finite)
            continue;
        uint32_t b = p->start;
        int rel = 0, complement = 0;
        /* "the law that requires that they provide": "they" starts a new clause */
        for (uint32_t t = p->end; t < g->start; t++)
            if (tok[t].tag == TAG_IN && dyad_tok_is(text, &tok[t], "that"))
                complement = 1;
        for (uint32_t t = b; !complement && t-- > 0 && b - t <= 6;) {
            int wh = dyad_tok_is(text, &tok[t], "which") || dyad_tok_is(text, &tok[t], "who");
            if (wh || (tok[t].tag == TAG_WDT && dyad_tok_is(text, &tok[t], "that"))) {
                /* ", which ...", or "the company that runs ..." right after its noun */
                if (t > 0 && wh && dyad_tok_is(text, &tok[t - 1], ","))
                    rel = 1, b = t - 1;
                else if (t > 0 && (tok[t - 1].tag == TAG_NN || tok[t - 1].tag == TAG_NNS))
                    rel = 1, b = t;
                break;
            }
        }
        if (rel) {
            /* skip back over the relative clause to its antecedent */
            if (unknown_subject(text, tok, ms, b))
                return -1;
            for (size_t m = ms->n; m-- > 0;)
                if (ms->m[m].end <= b)
                    return (int32_t)m;
            return -1;
        }
        limit = p->end;
        break;
    }
    if (unknown_subject(text, tok, ms, g->start))
        return -1;
    /* "Aluminaid Team Singapore, which gave up ...": the subject of a relative
     * clause is its antecedent, someone who is no actor here */
    if (g->start > 1 && (dyad_tok_is(text, &tok[g->start - 1], "which") ||
                         dyad_tok_is(text, &tok[g->start - 1], "who"))) {
        uint32_t b = g->start - 1;
        if (dyad_tok_is(text, &tok[b - 1], ","))
            b--;
        if (unknown_subject(text, tok, ms, b))
            return -1;
    }
    /* a fronted phrase holds no subject: "With students returning to college,
     * St. Louis is tightening ..." */
    uint32_t fronted_end = limit;
    if (limit == 0 && limit < g->start && (tok[limit].tag == TAG_IN || tok[limit].tag == TAG_VBG) &&
        !dyad_tok_is(text, &tok[limit], "that"))
        for (uint32_t t = limit + 1; t < g->start; t++)
            if (dyad_tok_is(text, &tok[t], ",")) {
                fronted_end = list_end(text, tok, ms, t, g->start);
                break;
            }
    /* "The ship carrying aid for Syria arrived": a participle right after a
     * noun modifies it; the names inside the modifier are not the subject */
    uint32_t to = g->start;
    if (k > 0 && g->finite) {
        const dyad_vgroup *p = &vgs->g[k - 1];
        int modifier = p->start >= limit && p->start > fronted_end && !p->finite && !p->to_inf &&
                       (p->gerund || p->reduced) && p->start == p->head && p->start > 0 &&
                       (tok[p->start - 1].tag == TAG_NN || tok[p->start - 1].tag == TAG_NNS ||
                        tok[p->start - 1].tag == TAG_NNP || tok[p->start - 1].tag == TAG_NNPS);
        /* "NATO peacekeeping troops": a word in -ing before a noun, no verb of
         * the dictionary, is an adjective of the noun */
        if (modifier && p->verb < 0 && tok[p->head].tag == TAG_VBG && p->end < g->start &&
            (tok[p->end].tag == TAG_NN || tok[p->end].tag == TAG_NNS))
            modifier = 0;
        /* the modifier runs up to the verb: "..., the minister said" is past it */
        for (uint32_t t = p->end; modifier && t < g->start; t++)
            if (tok[t].tag == TAG_PPS || tok[t].tag == TAG_PPC || tok[t].tag == TAG_CC ||
                tok[t].tag == TAG_WDT || tok[t].tag == TAG_WP)
                modifier = 0; /* ", but Dagolath promised", "in which X said" */
        if (modifier) {
            if (unknown_subject(text, tok, ms, p->start))
                return -1;
            to = p->start;
        }
    }
    for (size_t m = ms->n; m-- > 0;) {
        if (ms->m[m].end > to)
            continue;
        if (ms->m[m].end <= g->start && ms->m[m].start >= limit) {
            if (ms->m[m].end <= fronted_end)
                continue;
            /* the object of a preposition is no subject: "In the United Kingdom,
             * the virus has killed ...", "talks with Iran ended" */
            uint32_t b = ms->m[m].start;
            if (b > 0 && dyad_tok_is(text, &tok[b - 1], "the"))
                b--;
            if (b > 0 && tok[b - 1].tag == TAG_IN && (b == 1 || dyad_tok_is(text, &tok[b - 2], ",")) &&
                ms->m[m].end < g->start && dyad_tok_is(text, &tok[ms->m[m].end], ","))
                continue; /* a fronted place or time: "In Britain, ..." */
            int32_t r = actor_in_place(text, tok, ms, before_apposition(text, tok, ms, vgs, g, (int32_t)m));
            /* "his trip to Washington, ..., Bangemann will meet", "a letter to President
             * Reagan declining": the object of a preposition inside a phrase is no subject */
            if (r == (int32_t)m && b > 0 && inner_preposition(text, &tok[b - 1]) && ms->m[m].end < g->start &&
                !clause_opener(text, tok, g->start))
                return -1;
            return r;
        }
    }
    return -1;
}

int32_t dyad_subject_of(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                        const dyad_vgroups *vgs, size_t k)
{
    return subject_of(text, tok, ms, vgs, k, 0);
}
