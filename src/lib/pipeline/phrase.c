#include "phrase.h"

#include <string.h>

#include "date.h"
#include "util.h"


static int is_noun_tag(int tag)
{
    return tag == TAG_NN || tag == TAG_NNS || tag == TAG_NNP || tag == TAG_NNPS;
}

/* Is there a finite verb in the sentence other than the token at head? */
static int other_finite(const dyad_token *tok, size_t n, size_t head)
{
    for (size_t k = 0; k < n; k++)
        if (k != head && (tok[k].tag == TAG_VBD || tok[k].tag == TAG_VBZ || tok[k].tag == TAG_VBP ||
                          tok[k].tag == TAG_MD))
            return 1;
    return 0;
}

static int is_verb_tag(int tag)
{
    return tag == TAG_VB || tag == TAG_VBD || tag == TAG_VBG || tag == TAG_VBN || tag == TAG_VBP ||
           tag == TAG_VBZ || tag == TAG_MD;
}


enum { C_BE = 1, C_NEG = 2, C_FUT = 4, C_SUBORD = 8, C_COORD = 16, C_THAT = 32, C_WH = 64,
       C_STOP = 128, C_AUXTO = 256, C_AS = 512, C_TEMPORAL = 1024, C_COMMA = 2048, C_AUX = 4096,
       C_CONTRAST = 8192 };

/* auxiliaries: a verb group goes on after these, and ends after any other verb */
static const char *const AUX[] = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re",
                                  "am", "have", "has", "had", "having", "'ve", "'d", "do", "does",
                                  "did", "get", "gets", "got", "gotten", "getting", NULL};

static const char *const BE[] = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re",
                                 "am", "get", "gets", "got", "gotten", "getting", NULL};
static const char *const NEG[] = {"not", "n't", "never", "no", NULL};
static const char *const FUT[] = {"will", "would", "shall", "'ll", "wo", NULL};
static const char *const SUBORD[] = {"that", "which", "who", "whom", "whose", "because",
                                     "while", "although", "though", "whereas", "if", "unless",
                                     "until", "when", "where", "since", "as", "after", "before", "whether",
                                     NULL};
static const char *const COORD[] = {"and", "but", "or", "then", "also", NULL};

/* A day named between a subject and its verb: "today", "yesterday", "Friday". */
static int is_time_word(const char *text, const dyad_token *t)
{
    return dyad_tok_is(text, t, "today") || dyad_tok_is(text, t, "yesterday") || dyad_is_weekday(text, t);
}

/* A personal pronoun that can be a subject. */
static int is_subject_pronoun(const char *text, const dyad_token *t)
{
    static const char *const W[] = {"they", "he", "she", "we", "it", "i", "you", NULL};
    for (int k = 0; W[k]; k++)
        if (dyad_tok_is(text, t, W[k]))
            return 1;
    return 0;
}

/* A noun-tagged known verb form in verb position: "Russia attacks Georgia". */
static int verb_in_disguise(const char *text, const dyad_token *tok, size_t n,
                            size_t i, const dyad_mentions *ms)
{
    const dyad_token *t = &tok[i];
    if (t->verb < 0)
        return 0;
    if (t->tag != TAG_NNS && t->tag != TAG_NN && t->tag != TAG_JJ)
        return 0;
    if (i == 0 || i + 1 >= n)
        return 0;
    /* "Israel Friday reimposed", "authorities today release": a day between */
    size_t v = i;
    if (i > 1 && is_time_word(text, &tok[i - 1]))
        v = i - 1;
    /* a past form of a known verb ("reimposed", "cancelled"), not its base form */
    size_t len = t->len;
    int past = t->lemma != t->word && len > 3 && text[t->off + len - 2] == 'e' &&
               text[t->off + len - 1] == 'd';
    int after_actor = 0, after_that = 0, np_only = 0;
    for (size_t k = 0; k < ms->n; k++)
        if (ms->m[k].end == v) {
            /* "a US offer", "the UN appeal", "its ban": the actor modifies a noun;
             * not when the mention ends in its own agent noun ("the Latvian
             * Constitutional Court cancelled") and the verb is a past form */
            uint32_t b = ms->m[k].start;
            int det = b > 0 && (tok[b - 1].tag == TAG_DT || tok[b - 1].tag == TAG_PRPS ||
                                tok[b - 1].tag == TAG_POS || tok[b - 1].tag == TAG_JJ);
            int np = ms->m[k].agent >= 0 && is_noun_tag(tok[v - 1].tag) && past;
            after_actor = !det || np;
            np_only = det && np;
            after_that = b > 0 && dyad_tok_is(text, &tok[b - 1], "that");
        }
    if (!after_actor && (v != i || tok[i - 1].tag != TAG_PRP))
        return 0;
    int nt = tok[i + 1].tag;
    /* "the woman assaulted by a driver": a participle modifying the noun */
    if (past && dyad_tok_is(text, &tok[i + 1], "by"))
        return 0;
    /* "reimposed blockades", "(demanded) that Israel ease restrictions": a plural
     * object after a past form, or after a base form in a that-clause */
    if ((nt == TAG_NNS || (nt == TAG_JJ && past)) && (past || after_that))
        return 1;
    if (np_only)
        return nt == TAG_DT || nt == TAG_CD;
    return nt == TAG_DT || nt == TAG_NNP || nt == TAG_NNPS || nt == TAG_PRPS || nt == TAG_CD ||
           nt == TAG_IN || nt == TAG_TO || nt == TAG_PRP;
}


static const char *const AUXTO[] = {"going", "is", "are", "was", "were", "has", "have", "had", NULL};
static const char *const TEMPORAL[] = {"after", "before", "since", "until", NULL};

static int set_class(dyad_dict *d, const char *const *words, unsigned bit)
{
    for (; *words; words++) {
        int32_t w = dyad_dict_intern(d, *words, strlen(*words));
        if (w < 0)
            return -1;
        d->word_class[w] |= (uint16_t)bit;
    }
    return 0;
}

int dyad_phrase_register(dyad_dict *d)
{
    static const char *const THAT[] = {"that", NULL}, *const WH[] = {"which", "who", NULL},
                             *const STOP[] = {";", ":", "--", NULL}, *const COMMA[] = {",", NULL},
                             *const AS[] = {"as", NULL},
                             *const CONTRAST[] = {"while", "whereas", NULL};
    return set_class(d, BE, C_BE) | set_class(d, NEG, C_NEG) | set_class(d, FUT, C_FUT) |
           set_class(d, SUBORD, C_SUBORD) | set_class(d, COORD, C_COORD) |
           set_class(d, THAT, C_THAT) | set_class(d, WH, C_WH) | set_class(d, STOP, C_STOP) |
           set_class(d, COMMA, C_COMMA) | set_class(d, AUXTO, C_AUXTO) | set_class(d, AS, C_AS) |
           set_class(d, TEMPORAL, C_TEMPORAL) | set_class(d, AUX, C_AUX) |
           set_class(d, CONTRAST, C_CONTRAST);
}

/* A semicolon, dash or subordinating word in tokens [from, to)? */
/* A day named between a verb and its infinitive: "failed Wednesday to renew". */
static int day_word(const char *text, const dyad_token *t)
{
    static const char *const W[] = {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday",
                                    "thursday", "friday", "saturday", "sunday", NULL};
    for (int i = 0; W[i]; i++)
        if (dyad_tok_is(text, t, W[i]))
            return 1;
    return 0;
}

static int boundary_between(const unsigned short *cls, uint32_t from, uint32_t to)
{
    for (uint32_t t = from; t < to; t++)
        if (cls[t] & (C_STOP | C_SUBORD))
            return 1;
    return 0;
}

/* Tokens (t, end) after a temporal word at t: a noun phrase with no verb, then a
 * comma ("after a 12-year rift, ..."). */
static int temporal_phrase(const char *text, const dyad_token *tok, uint32_t t, uint32_t end)
{
    uint32_t k = t + 1;
    for (; k < end && !dyad_tok_is(text, &tok[k], ","); k++)
        if (tok[k].tag == TAG_VB || tok[k].tag == TAG_VBD || tok[k].tag == TAG_VBZ ||
            tok[k].tag == TAG_VBP || tok[k].tag == TAG_VBN || tok[k].tag == TAG_VBG ||
            tok[k].tag == TAG_MD)
            return 0;
    return k > t + 1 && k < end;
}

/* that_clause = object (PETRARCH): the that-clause of a verb with no flag is part
 * of the verb's clause, so that its actors are the verb's targets and its words
 * meet the verb's patterns ("X allowed that Y is no pleasant place"). */
static void that_clause_as_object(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                                  dyad_vgroups *out)
{
    for (size_t q = 1; q < out->n; q++) {
        /* the whether-clause too: "began to question whether he has a future with Y" */
        dyad_vgroup *p = &out->g[q - 1];
        const dyad_vgroup *h = &out->g[q];
        if (p->verb < 0 || d->verbs[p->verb].flag != VF_NONE || p->scope_end > h->start ||
            h->scope_end <= p->scope_end)
            continue;
        for (uint32_t t = p->end; t < h->start && t < n; t++)
            if (dyad_tok_is(text, &tok[t], "whether")) {
                p->scope_end = h->scope_end;
                break;
            }
    }
    for (size_t q = 0; q < out->n; q++) {
        const dyad_vgroup *h = &out->g[q];
        if (h->comp_of < 0)
            continue;
        dyad_vgroup *g = &out->g[h->comp_of];
        if (g->verb < 0 || d->verbs[g->verb].flag != VF_NONE)
            continue;
        uint32_t e = h->scope_end;
        for (size_t r = q + 1; r < out->n && out->g[r].governor >= (int32_t)q; r++)
            if (out->g[r].scope_end > e)
                e = out->g[r].scope_end; /* "... place to visit" */
        if (e > g->scope_end)
            g->scope_end = e;
    }
}

long dyad_find_verbs(const dyad_dict *d, const char *text, dyad_token *tok, size_t n,
                     const dyad_mentions *ms, dyad_vgroups *out)
{
    out->n = 0;
    unsigned short cls[512];
    if (n > 512)
        n = 512;
    for (size_t i = 0; i < n; i++)
        cls[i] = tok[i].wclass;
    for (size_t i = 0; i < n; i++) {
        if (verb_in_disguise(text, tok, n, i, ms))
            tok[i].tag = (tok[i].tag == TAG_NNS) ? TAG_VBZ : TAG_VBD;
        /* a plural subject takes no -s verb: after a plural noun an -s form with
         * no object after it is a plural noun of the same compound, "U.N. weapons
         * inspectors" (not "a member of the forces aims his weapon") */
        else if (i > 0 && i + 1 < n && tok[i].tag == TAG_VBZ && tok[i - 1].tag == TAG_NNS &&
                 tok[i].len > 3 && text[tok[i].off + tok[i].len - 1] == 's' &&
                 text[tok[i].off + tok[i].len - 2] != 's' && !(cls[i] & C_AUX) &&
                 (tok[i + 1].kind == TOK_PUNCT || tok[i + 1].tag == TAG_IN || tok[i + 1].tag == TAG_MD ||
                  tok[i + 1].tag == TAG_VBD || tok[i + 1].tag == TAG_VBP || tok[i + 1].tag == TAG_CC))
            tok[i].tag = TAG_NNS;
        /* an all-capitals word alone in brackets is an abbreviation, not a verb:
         * "the Islamic State (IS) group" */
        if (i > 0 && i + 1 < n && is_verb_tag(tok[i].tag) && tok[i].kind == TOK_WORD && tok[i].len >= 2 &&
            tok[i - 1].tag == TAG_LRB && tok[i + 1].tag == TAG_RRB) {
            size_t k = 0;
            while (k < tok[i].len && text[tok[i].off + k] >= 'A' && text[tok[i].off + k] <= 'Z')
                k++;
            if (k == tok[i].len)
                tok[i].tag = TAG_NNP;
        }
        /* a capitalized base-form verb inside a run of names is a name: "President
         * Prosper Avril" */
        if (i > 0 && (tok[i].tag == TAG_VB || tok[i].tag == TAG_VBP) && tok[i].kind == TOK_WORD &&
            text[tok[i].off] >= 'A' && text[tok[i].off] <= 'Z' && i + 1 < n && tok[i + 1].tag == TAG_NNP &&
            (tok[i - 1].tag == TAG_NNP || dyad_tok_is(text, &tok[i - 1], ".")))
            tok[i].tag = TAG_NNP;
        /* "very close to the border": a base-form verb after "very" is an adjective */
        if (i > 0 && (tok[i].tag == TAG_VB || tok[i].tag == TAG_VBP) && dyad_tok_is(text, &tok[i - 1], "very"))
            tok[i].tag = TAG_JJ;
        /* a verb form right after an article or a possessive pronoun is a noun:
         * "its ban on", "their demands for", "the blackmail" */
        if (i > 0 && (tok[i].tag == TAG_VB || tok[i].tag == TAG_VBD || tok[i].tag == TAG_VBP ||
                      tok[i].tag == TAG_VBZ || tok[i].tag == TAG_VBG) &&
            (tok[i - 1].tag == TAG_PRPS || dyad_tok_is(text, &tok[i - 1], "the") ||
             dyad_tok_is(text, &tok[i - 1], "a") || dyad_tok_is(text, &tok[i - 1], "an")))
            tok[i].tag = tok[i].tag == TAG_VBZ ? TAG_NNS : TAG_NN;
        /* an inflected known verb right after have/has/had is a participle:
         * "have tortured scores of refugees" */
        if (i > 0 && (tok[i].tag == TAG_JJ || tok[i].tag == TAG_NN) && tok[i].word >= 0 &&
            d->word_verb[tok[i].word] >= 0 && d->word_lemma[tok[i].word] != tok[i].word &&
            (dyad_tok_is(text, &tok[i - 1], "have") || dyad_tok_is(text, &tok[i - 1], "has") ||
             dyad_tok_is(text, &tok[i - 1], "had")))
            tok[i].tag = TAG_VBN;
        /* likewise a known verb's -ed form taken for a noun after a form of "be":
         * "who were abducted in Syria" (the lexicon has "abducted" only as NN) */
        if (i > 0 && tok[i].tag == TAG_NN && tok[i].word >= 0 && tok[i].len > 4 &&
            text[tok[i].off + tok[i].len - 1] == 'd' && text[tok[i].off + tok[i].len - 2] == 'e' &&
            d->word_verb[tok[i].word] >= 0 && d->word_lemma[tok[i].word] != tok[i].word &&
            (dyad_tok_is(text, &tok[i - 1], "was") || dyad_tok_is(text, &tok[i - 1], "were") ||
             dyad_tok_is(text, &tok[i - 1], "been") || dyad_tok_is(text, &tok[i - 1], "being") ||
             dyad_tok_is(text, &tok[i - 1], "be")))
            tok[i].tag = TAG_VBN;
        /* a base-form verb right after a finite main verb is a noun: "used tear
         * gas" (not after an auxiliary: "did go") */
        if (i > 0 && tok[i].tag == TAG_VB && (tok[i - 1].tag == TAG_VBD || tok[i - 1].tag == TAG_VBZ ||
                                              tok[i - 1].tag == TAG_VBP) &&
            !(cls[i - 1] & C_AUX))
            tok[i].tag = TAG_NN;
        /* "a lunch hosted by the ambassador": a past form after a noun and before
         * "by" is a participle */
        if (i > 0 && i + 1 < n && tok[i].tag == TAG_VBD && dyad_tok_is(text, &tok[i + 1], "by") &&
            (tok[i - 1].tag == TAG_NN || tok[i - 1].tag == TAG_NNS))
            tok[i].tag = TAG_VBN;
        /* a finite verb right after an article and adjectives is a noun: "the
         * Indian state of ..." */
        if (i > 1 && (tok[i].tag == TAG_VBD || tok[i].tag == TAG_VBP || tok[i].tag == TAG_VBZ ||
                      tok[i].tag == TAG_VB) && tok[i - 1].tag == TAG_JJ) {
            size_t b = i - 1;
            while (b > 0 && tok[b - 1].tag == TAG_JJ)
                b--;
            if (b > 0 && (dyad_tok_is(text, &tok[b - 1], "the") || dyad_tok_is(text, &tok[b - 1], "a") ||
                          dyad_tok_is(text, &tok[b - 1], "an") || tok[b - 1].tag == TAG_PRPS))
                tok[i].tag = tok[i].tag == TAG_VBZ ? TAG_NNS : TAG_NN;
        }
        /* "condemned an attack ... and promised aid to": a known past form after
         * "and", tagged as an adjective, is the second verb of a past-tense
         * sentence when its noun is not itself a subject ("and armed men fled") */
        if (i > 1 && tok[i].tag == TAG_JJ && dyad_tok_is(text, &tok[i - 1], "and") && tok[i].word >= 0 &&
            d->word_verb[tok[i].word] >= 0 && d->word_lemma[tok[i].word] != tok[i].word &&
            tok[i].len > 2 && !memcmp(text + tok[i].off + tok[i].len - 2, "ed", 2) && i + 1 < n &&
            (tok[i + 1].tag == TAG_NN || tok[i + 1].tag == TAG_NNS) &&
            !(i + 2 < n && (tok[i + 2].tag == TAG_VBD || tok[i + 2].tag == TAG_VBZ ||
                            tok[i + 2].tag == TAG_VBP || tok[i + 2].tag == TAG_MD))) {
            int past = 0;
            for (size_t j = 0; j + 1 < i; j++)
                past |= tok[j].tag == TAG_VBD;
            if (past)
                tok[i].tag = TAG_VBD;
        }
        /* a known verb right after a modal or "to" is a verb: "would boycott",
         * "to deepen" (skipping adverbs: "will soon impose") */
        if (i > 0 && tok[i].verb >= 0 &&
            (tok[i].tag == TAG_NN || tok[i].tag == TAG_NNS || tok[i].tag == TAG_JJ ||
             tok[i].tag == TAG_VBP || tok[i].tag == TAG_NNP)) {
            size_t b = i;
            while (b > 0 && tok[b - 1].tag == TAG_RB && i - b < 2)
                b--;
            if (b > 0 && (tok[b - 1].tag == TAG_MD || tok[b - 1].tag == TAG_TO) &&
                tok[i].lemma == tok[i].word)
                tok[i].tag = TAG_VB;
        }
    }
    size_t i = 0;
    while (i < n) {
        int to_inf = 0;
        size_t s = i;
        if (tok[i].tag == TAG_TO && i + 1 < n &&
            (tok[i + 1].tag == TAG_VB ||
             (tok[i + 1].tag == TAG_RB && i + 2 < n && tok[i + 2].tag == TAG_VB))) {
            to_inf = 1; /* "to lift", "to immediately lift" */
        } else if (!is_verb_tag(tok[i].tag)) {
            i++;
            continue;
        }
        /* inside a mention ("the Defence Ministry said"): not a verb */
        int inside = 0;
        for (size_t k = 0; k < ms->n; k++)
            if (ms->m[k].start <= i && i < ms->m[k].end)
                inside = 1;
        if (inside) {
            i++;
            continue;
        }
        size_t e = i + 1, head = to_inf ? i + 1 : i;
        int main_seen = 0; /* a verb that is not an auxiliary ends the group */
        for (size_t k = to_inf ? i + 1 : i; k < n; k++) {
            if (is_verb_tag(tok[k].tag)) {
                if (main_seen)
                    break; /* "is considering giving": giving is governed */
                head = k;
                e = k + 1;
                if (tok[k].tag != TAG_MD && !(cls[k] & C_AUX))
                    main_seen = 1;
            } else if (tok[k].tag == TAG_RB || (cls[k] & C_NEG) ||
                       /* "was heavily and unjustly criticized" */
                       ((cls[k] & C_COORD) && k > i && tok[k - 1].tag == TAG_RB && k + 1 < n &&
                        tok[k + 1].tag == TAG_RB) ||
                       (tok[k].tag == TAG_TO && k + 1 < n && tok[k + 1].tag == TAG_VB &&
                        k > i && (cls[k - 1] & C_AUXTO))) {
                continue;
            } else {
                break;
            }
        }
        /* a lone participle before a noun is an adjective: "precision guided
         * missiles", "the disputed election"; but not when the sentence has no
         * other finite verb: "The union held talks with the government" */
        size_t noun = e; /* "an improvised explosive device": adjectives between */
        while (noun < n && noun < e + 2 && tok[noun].tag == TAG_JJ)
            noun++;
        if (head == s && s > 0 && (tok[head].tag == TAG_VBN || tok[head].tag == TAG_VBG) && noun < n &&
            (tok[head].tag != TAG_VBN || tok[s - 1].tag != TAG_NN || other_finite(tok, n, head)) &&
            (tok[noun].tag == TAG_NN || tok[noun].tag == TAG_NNS ||
             (tok[s - 1].tag == TAG_POS && tok[noun].tag == TAG_NNP)) &&
            (dyad_mention_at(ms, (uint32_t)e) < 0 || tok[s - 1].tag == TAG_POS) &&
            (tok[s - 1].tag == TAG_NN || tok[s - 1].tag == TAG_DT || tok[s - 1].tag == TAG_JJ ||
             tok[s - 1].tag == TAG_POS)) {
            i = e;
            continue;
        }
        if (DYAD_GROW(out->g, out->cap, out->n + 1) < 0)
            return -1;
        dyad_vgroup *g = &out->g[out->n];
        memset(g, 0, sizeof *g);
        g->start = (uint32_t)s;
        g->end = (uint32_t)e;
        g->head = (uint32_t)head;
        g->governor = g->coord = g->comp_of = -1;
        /* "not to impose", "never to return" */
        if (to_inf && s > 0 && (cls[s - 1] & C_NEG))
            g->negated = 1;
        g->to_inf = (uint8_t)to_inf;
        g->verb = tok[head].verb;
        if (g->verb < 0 && tok[head].len > 5 && tok[head].kind == TOK_WORD) {
            /* "reimposed", "re-imposed": the verb without its prefix */
            const char *hs = text + tok[head].off;
            size_t skip = (hs[0] == 'r' || hs[0] == 'R') && (hs[1] == 'e' || hs[1] == 'E')
                              ? (hs[2] == '-' ? 3 : 2) : 0;
            char low[64];
            if (skip && tok[head].len - skip < sizeof low) {
                size_t l = dyad_lower(low, sizeof low, hs + skip, tok[head].len - skip);
                int32_t w = dyad_lexicon_find(&d->lex, low, l);
                if (w >= 0)
                    g->verb = d->word_verb[w];
            }
        }
        int be = 0, has_aux = 0;
        for (size_t k = s; k < e; k++) {
            if (k < head && (cls[k] & C_BE))
                be = 1;
            if (k < head && is_verb_tag(tok[k].tag))
                has_aux = 1;
            if (cls[k] & C_NEG)
                g->negated = 1;
            if (tok[k].tag == TAG_MD && (dyad_tok_is(text, &tok[k], "must") ||
                                         dyad_tok_is(text, &tok[k], "should") ||
                                         dyad_tok_is(text, &tok[k], "ought")))
                g->obligation = 1;
            if ((cls[k] & C_FUT) && tok[k].tag == TAG_MD)
                g->future = 1;
            if (tok[k].tag == TAG_TO && k > s && k + 1 < e)
                g->future = 1; /* is to / going to */
        }
        /* "is prepared to", "was determined to": a verb that governs an infinitive
         * is used as an adjective, not as a passive */
        if (tok[head].tag == TAG_VBN && be &&
            !(e < n && tok[e].tag == TAG_TO && g->verb >= 0 && d->verbs[g->verb].flag != VF_NONE) &&
            /* "Israel is opposed to French mediation": a stance, not a passive */
            !(e < n && tok[e].tag == TAG_TO && dyad_tok_is(text, &tok[head], "opposed")))
            g->passive = 1;
        if (tok[head].tag == TAG_VBG && !has_aux && !to_inf)
            g->gerund = 1;
        /* "a resolution censuring X", "workers demanding": a participle right after
         * a noun modifies it */
        if (g->gerund && s > 0 && s == head &&
            (tok[s - 1].tag == TAG_NN || tok[s - 1].tag == TAG_NNS) && out->n > 0)
            g->reduced = 1;
        g->finite = !to_inf && !g->gerund;
        /* "accused X and threatened to ...": a coordinated verb, not a modifier */
        int coordinated = s > 0 && tok[s - 1].tag == TAG_CC;
        if (tok[head].tag == TAG_VBN && !has_aux && !to_inf && !coordinated) {
            for (size_t q = 0; q < out->n; q++)
                if (out->g[q].finite)
                    g->reduced = 1;
            if (g->reduced)
                g->finite = 0;
        }
        /* a past participle right after a noun with no auxiliary is often a reduced
         * relative ("the troops deployed in Kosovo"); keep it finite only when no
         * finite verb came before in the sentence */
        out->n++;
        i = e;
    }
    /* "two clubbers arrested in Bali were paraded": a participle with no auxiliary
     * right after a noun, with the clause's finite verb still to come, modifies
     * the noun */
    for (size_t k = 0; k + 1 < out->n; k++) {
        dyad_vgroup *g = &out->g[k];
        if (g->reduced || g->to_inf || g->start != g->head || tok[g->head].tag != TAG_VBN ||
            g->start == 0 || !is_noun_tag(tok[g->start - 1].tag))
            continue;
        const dyad_vgroup *q = &out->g[k + 1];
        if (!q->finite)
            continue;
        int open = 1;
        for (uint32_t t = g->end; t < q->start; t++)
            if (cls[t] & (C_STOP | C_COMMA | C_COORD | C_SUBORD | C_THAT | C_WH))
                open = 0;
        if (open)
            g->reduced = 1, g->finite = 0;
    }
    /* governors, coordination, clause extent */
    for (size_t k = 0; k < out->n; k++) {
        dyad_vgroup *g = &out->g[k];
        if (k > 0) {
            dyad_vgroup *p = &out->g[k - 1];
            int boundary = 0;
            for (uint32_t t = p->end; t < g->start; t++)
                if (cls[t] & (C_STOP | C_SUBORD))
                    boundary = 1;
            uint32_t b = g->start;
            while (b > p->end && tok[b - 1].tag == TAG_RB)
                b--;
            /* "accused X of attacking", "resorted to throwing", "committed to opening" */
            int prep_before = b > 0 && (tok[b - 1].tag == TAG_IN ||
                                        (tok[b - 1].tag == TAG_TO && p->verb >= 0 &&
                                         d->verbs[p->verb].flag != VF_NONE));
            if (!boundary && (g->to_inf || (g->gerund && (prep_before || b == p->end)))) {
                g->governor = (int32_t)(k - 1);
                uint32_t gap = 0, plain = 1;
                for (uint32_t t = p->end; t < g->start; t++, gap++)
                    if (tok[t].tag != TAG_JJ && tok[t].tag != TAG_RB && tok[t].tag != TAG_VBN &&
                        !(g->gerund && t + 1 == b && tok[t].tag == TAG_TO) && !day_word(text, &tok[t]))
                        plain = 0;
                g->adjacent = (uint8_t)(plain && gap <= 2);
            }
            /* a participle after a comma elaborates the finite verb before it ("lifted
             * sanctions, ending two decades of restrictions"): governed by it */
            if (g->governor < 0 && b > p->end && g->gerund && (cls[b - 1] & C_COMMA)) {
                /* the nearest finite verb before, past the infinitives, gerunds and
                 * modifiers it governs ("urged Uganda to repatriate them to face
                 * trial, accusing them of ..."), within the same clause */
                int32_t q = (int32_t)(k - 1);
                while (q >= 0 && !out->g[q].finite && !boundary_between(cls, out->g[q].end, out->g[q + 1].start))
                    q--;
                if (q >= 0 && out->g[q].finite && !boundary_between(cls, out->g[q].end, out->g[q + 1].start))
                    g->governor = q;
            }
            /* a gerund coordinated with a governed gerund shares its governor:
             * "killing one person and arresting 12" */
            if (g->governor < 0 && b > p->end && g->gerund && p->gerund && p->governor >= 0 &&
                (cls[b - 1] & C_COORD))
                g->governor = p->governor;
            /* a bare verb coordinated with an infinitive is an infinitive of the
             * same governor: "refused to allow planes to land and evacuate ..." */
            if (g->governor < 0 && b > p->end && (cls[b - 1] & C_COORD) && p->to_inf && p->governor >= 0 &&
                g->start == g->head && tok[g->head].tag == TAG_VB && !boundary) {
                g->governor = p->governor;
                g->to_inf = 1;
                g->finite = 0;
                g->adjacent = p->adjacent;
            }
            /* coordination: "... and bombed" */
            if (g->governor < 0 && b > p->end && (cls[b - 1] & C_COORD)) {
                int32_t c = (int32_t)(k - 1);
                /* a finite verb joins the last finite verb, over modifiers between
                 * ("resolve the festering crisis and threatened ...") */
                while (c >= 0 && (out->g[c].governor >= 0 || (g->finite && !out->g[c].finite && c > 0)))
                    c = out->g[c].governor >= 0 ? out->g[c].governor : c - 1;
                g->coord = c;
                /* "were killed or wounded": the second participle is passive too */
                if (c >= 0 && out->g[c].passive && g->start == g->head && tok[g->head].tag == TAG_VBN)
                    g->passive = 1;
            }
        }
        /* in a subordinate clause? look back to the previous finite verb */
        {
            uint32_t lo = 0;
            for (size_t q = k; q-- > 0;)
                if (out->g[q].finite) {
                    lo = out->g[q].end;
                    break;
                }
            for (uint32_t t = g->start; t-- > lo;) {
                if (cls[t] & C_THAT) {
                    /* complementizer after a verb ("said that", "demanded that"); a
                     * reporting verb may have words between ("said on Tuesday that") */
                    int reporting = 0;
                    for (size_t q = k; q-- > 0;)
                        if (out->g[q].finite) {
                            int32_t v = out->g[q].verb;
                            for (; v >= 0; v = d->verbs[v].next)
                                if (d->verbs[v].flag == VF_SAY || d->verbs[v].flag == VF_DEMAND ||
                                    d->verbs[v].flag == VF_APPEAL)
                                    reporting = 1;
                            break;
                        }
                    if (!(t >= lo && k > 0 && (t - lo <= 1 || (reporting && t - lo <= 6))))
                        g->subordinate = 1;
                    else {
                        for (size_t q = k; q-- > 0;)
                            if (out->g[q].finite) {
                                g->comp_of = (int32_t)q;
                                break;
                            }
                    }
                    break;
                }
                if ((cls[t] & C_CONTRAST))
                    break; /* "X got aid, while Y got none": two facts side by side */
                if ((cls[t] & C_SUBORD) && !((cls[t] & C_AS) && tok[t].tag != TAG_IN)) {
                    if ((cls[t] & C_TEMPORAL) &&
                        t + 1 < n && tok[t + 1].tag != TAG_VBG && t + 1 == g->start)
                        continue;
                    /* "after a 12-year rift, the agency said": a temporal word with a
                     * noun phrase and a comma is a preposition; the clause after the
                     * comma is a main one */
                    if ((cls[t] & C_TEMPORAL) && temporal_phrase(text, tok, t, g->start))
                        continue;
                    g->subordinate = 1;
                    if (dyad_tok_is(text, &tok[t], "if") || dyad_tok_is(text, &tok[t], "unless") ||
                        dyad_tok_is(text, &tok[t], "until") || dyad_tok_is(text, &tok[t], "whether"))
                        g->conditional = 1;
                    break;
                }
            }
            /* a relative clause with no relative word: "the strike [they have been
             * planning]", "the weapons [it seized]" (a determiner, the noun, a subject
             * pronoun, the verb; not after a reporting verb: "told the press he would") */
            if (k > 0 && !g->subordinate && !g->to_inf && !g->gerund && g->start >= 3 &&
                tok[g->start - 1].tag == TAG_PRP && is_subject_pronoun(text, &tok[g->start - 1]) &&
                (tok[g->start - 2].tag == TAG_NN || tok[g->start - 2].tag == TAG_NNS) &&
                !is_time_word(text, &tok[g->start - 2])) {
                size_t b = g->start - 2;
                while (b > 0 && (tok[b - 1].tag == TAG_JJ || tok[b - 1].tag == TAG_NN))
                    b--;
                int32_t v = out->g[k - 1].verb;
                int reporting = 0;
                for (; v >= 0; v = d->verbs[v].next)
                    if (d->verbs[v].flag == VF_SAY || d->verbs[v].flag == VF_THREAT)
                        reporting = 1;
                if (b > 0 && b > out->g[k - 1].end && !reporting && tok[b - 1].tag == TAG_DT)
                    g->subordinate = 1;
            }
            if (g->governor >= 0 && out->g[g->governor].subordinate)
                g->subordinate = 1;
            if (g->governor >= 0 && out->g[g->governor].conditional)
                g->conditional = 1;
            if (g->governor >= 0 && out->g[g->governor].negated)
                g->negated = 1; /* "has never sent troops to fight" */
            if (g->governor >= 0 && out->g[g->governor].reduced && (!g->to_inf || out->g[g->governor].gerund))
                g->reduced = 1; /* "nationals suspected of blowing up": part of the modifier */
            if (g->coord >= 0 && out->g[g->coord].conditional)
                g->conditional = 1;
            if (g->coord >= 0 && out->g[g->coord].subordinate)
                g->subordinate = 1;
        }
        /* clause extent */
        uint32_t se = (uint32_t)n;
        for (uint32_t t = g->end; t < n; t++) {
            if ((cls[t] & (C_STOP | C_THAT | C_WH)) ||
                ((cls[t] & C_SUBORD) && tok[t].tag != TAG_IN && tok[t].tag != TAG_RB)) {
                se = t;
                break;
            }
            int next_finite = 0;
            for (size_t q = k + 1; q < out->n; q++)
                if (out->g[q].start == t && !out->g[q].to_inf && !out->g[q].reduced &&
                    !(out->g[q].gerund && t > 0 && tok[t - 1].tag == TAG_IN))
                    next_finite = 1;
            if (next_finite) {
                se = t;
                break;
            }
        }
        g->scope_end = se;
    }
    if (d->opts.that_object)
        that_clause_as_object(d, text, tok, n, out);
    return (long)out->n;
}
