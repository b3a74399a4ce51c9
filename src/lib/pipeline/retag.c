/* retag.c - the re-tagging pass (retag.h). */
#include "retag.h"

#include <string.h>

#include "date.h"
#include "word_class.h"

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
    if (i > 1 && dyad_is_day_word(text, &tok[i - 1]))
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
            int np = ms->m[k].agent >= 0 && dyad_tag_is_noun(tok[v - 1].tag) && past;
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

/* Is token t an article (the, a, an)? */
static int is_article(const char *text, const dyad_token *t)
{
    return dyad_tok_is(text, t, "the") || dyad_tok_is(text, t, "a") || dyad_tok_is(text, t, "an");
}

/* A known verb's inflected form (not its lemma). */
static int inflected_known_verb(const dyad_dict *d, const dyad_token *t)
{
    return t->word >= 0 && d->word_verb[t->word] >= 0 && d->word_lemma[t->word] != t->word;
}

/* Verbs and nouns told apart by their neighbours and by actors. */
static void retag_verb_or_noun(const char *text, dyad_token *tok, size_t n, size_t i,
                               const dyad_mentions *ms)
{
    if (verb_in_disguise(text, tok, n, i, ms))
        tok[i].tag = (tok[i].tag == TAG_NNS) ? TAG_VBZ : TAG_VBD;
    /* a plural subject takes no -s verb: after a plural noun an -s form with
     * no object after it is a plural noun of the same compound, "U.N. weapons
     * inspectors" (not "a member of the forces aims his weapon") */
    else if (i > 0 && i + 1 < n && tok[i].tag == TAG_VBZ && tok[i - 1].tag == TAG_NNS &&
             tok[i].len > 3 && text[tok[i].off + tok[i].len - 1] == 's' &&
             text[tok[i].off + tok[i].len - 2] != 's' && !(tok[i].wclass & WC_AUX) &&
             (tok[i + 1].kind == TOK_PUNCT || tok[i + 1].tag == TAG_IN || tok[i + 1].tag == TAG_MD ||
              tok[i + 1].tag == TAG_VBD || tok[i + 1].tag == TAG_VBP || tok[i + 1].tag == TAG_CC))
        tok[i].tag = TAG_NNS;
    /* an all-capitals word alone in brackets is an abbreviation, not a verb:
     * "the Islamic State (IS) group" */
    if (i > 0 && i + 1 < n && dyad_tag_is_verb(tok[i].tag) && tok[i].kind == TOK_WORD && tok[i].len >= 2 &&
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
        (tok[i - 1].tag == TAG_PRPS || is_article(text, &tok[i - 1])))
        tok[i].tag = tok[i].tag == TAG_VBZ ? TAG_NNS : TAG_NN;
}

/* Participles, and base forms that are nouns. */
static void retag_participle(const dyad_dict *d, const char *text, dyad_token *tok, size_t n, size_t i)
{
    if (i == 0)
        return;
    /* an inflected known verb right after have/has/had is a participle:
     * "have tortured scores of refugees" */
    if ((tok[i].tag == TAG_JJ || tok[i].tag == TAG_NN) && inflected_known_verb(d, &tok[i]) &&
        (dyad_tok_is(text, &tok[i - 1], "have") || dyad_tok_is(text, &tok[i - 1], "has") ||
         dyad_tok_is(text, &tok[i - 1], "had")))
        tok[i].tag = TAG_VBN;
    /* likewise a known verb's -ed form taken for a noun after a form of "be":
     * "who were abducted in Syria" (the lexicon has "abducted" only as NN) */
    if (tok[i].tag == TAG_NN && tok[i].word >= 0 && tok[i].len > 4 &&
        text[tok[i].off + tok[i].len - 1] == 'd' && text[tok[i].off + tok[i].len - 2] == 'e' &&
        inflected_known_verb(d, &tok[i]) &&
        (dyad_tok_is(text, &tok[i - 1], "was") || dyad_tok_is(text, &tok[i - 1], "were") ||
         dyad_tok_is(text, &tok[i - 1], "been") || dyad_tok_is(text, &tok[i - 1], "being") ||
         dyad_tok_is(text, &tok[i - 1], "be")))
        tok[i].tag = TAG_VBN;
    /* a base-form verb right after a finite main verb is a noun: "used tear
     * gas" (not after an auxiliary: "did go") */
    if (tok[i].tag == TAG_VB && (tok[i - 1].tag == TAG_VBD || tok[i - 1].tag == TAG_VBZ ||
                                 tok[i - 1].tag == TAG_VBP) &&
        !(tok[i - 1].wclass & WC_AUX))
        tok[i].tag = TAG_NN;
    /* "a lunch hosted by the ambassador": a past form after a noun and before
     * "by" is a participle */
    if (i + 1 < n && tok[i].tag == TAG_VBD && dyad_tok_is(text, &tok[i + 1], "by") &&
        (tok[i - 1].tag == TAG_NN || tok[i - 1].tag == TAG_NNS))
        tok[i].tag = TAG_VBN;
}

/* Finite verbs after articles, past forms after "and", verbs after modals. */
static void retag_by_context(const dyad_dict *d, const char *text, dyad_token *tok, size_t n, size_t i)
{
    /* a finite verb right after an article and adjectives is a noun: "the
     * Indian state of ..." */
    if (i > 1 && (tok[i].tag == TAG_VBD || tok[i].tag == TAG_VBP || tok[i].tag == TAG_VBZ ||
                  tok[i].tag == TAG_VB) && tok[i - 1].tag == TAG_JJ) {
        size_t b = i - 1;
        while (b > 0 && tok[b - 1].tag == TAG_JJ)
            b--;
        if (b > 0 && (is_article(text, &tok[b - 1]) || tok[b - 1].tag == TAG_PRPS))
            tok[i].tag = tok[i].tag == TAG_VBZ ? TAG_NNS : TAG_NN;
    }
    /* "condemned an attack ... and promised aid to": a known past form after
     * "and", tagged as an adjective, is the second verb of a past-tense
     * sentence when its noun is not itself a subject ("and armed men fled") */
    if (i > 1 && tok[i].tag == TAG_JJ && dyad_tok_is(text, &tok[i - 1], "and") &&
        inflected_known_verb(d, &tok[i]) &&
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

/* Is token t a finite or participle verb that is no auxiliary ("sought", "won")? */
static int main_verb(const dyad_token *t)
{
    return (t->tag == TAG_VBD || t->tag == TAG_VBN || t->tag == TAG_VBZ || t->tag == TAG_VBP ||
            t->tag == TAG_VB) && !(t->wclass & WC_AUX);
}

/* Base forms that are the head noun of an object phrase, and "provided" as a
 * conjunction. */
static void retag_object_noun(const char *text, dyad_token *tok, size_t n, size_t i)
{
    if (i < 2)
        return;
    dyad_token *t = &tok[i];
    int base = (t->tag == TAG_VB || t->tag == TAG_VBP || t->tag == TAG_VBD) && t->word >= 0 &&
               t->lemma == t->word && t->kind == TOK_WORD;
    /* "have sought official support in": a verb, an adjective, then a base form:
     * the base form heads the verb's object */
    if (base && tok[i - 1].tag == TAG_JJ && main_verb(&tok[i - 2])) {
        t->tag = TAG_NN;
        return;
    }
    /* "would not yield to terrorist blackmail.": after "to" and a noun or an
     * adjective, a base form before a clause end is the noun of the phrase */
    if (base && (tok[i - 1].tag == TAG_NN || tok[i - 1].tag == TAG_JJ) &&
        tok[i - 2].tag == TAG_TO &&
        (i + 1 == n || tok[i + 1].kind == TOK_PUNCT || tok[i + 1].tag == TAG_IN)) {
        t->tag = TAG_NN;
        return;
    }
    /* "the ministry, provided it has a device": "provided" after a comma and
     * before a pronoun and its verb means "on condition that" */
    if (i + 2 < n && dyad_tok_is(text, t, "provided") && tok[i - 1].kind == TOK_PUNCT &&
        dyad_tok_is(text, &tok[i - 1], ",") && tok[i + 1].tag == TAG_PRP &&
        dyad_tag_is_verb(tok[i + 2].tag))
        t->tag = TAG_IN;
}

void dyad_retag(const dyad_dict *d, const char *text, dyad_token *tok, size_t n,
                const dyad_mentions *ms)
{
    if (n > 512)    /* the verb-group stage reads no further */
        n = 512;
    for (size_t i = 0; i < n; i++) {
        retag_verb_or_noun(text, tok, n, i, ms);
        retag_participle(d, text, tok, n, i);
        retag_by_context(d, text, tok, n, i);
        retag_object_noun(text, tok, n, i);
    }
}
