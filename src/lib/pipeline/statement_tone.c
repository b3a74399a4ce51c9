#include "statement_tone.h"
#include "sense.h"

#include <string.h>

/* "Japan has failed to", "the EC failed to": the target, at most two words
 * (has, had, apparently ...) and "failed to"; not "if Tokyo failed to act" nor
 * "talks with Japan failed to". */
static int accused_of_failing(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const FAILED[] = {"failed", NULL};
    static const char *const TO[] = {"to", NULL};
    /* "talks with the Japanese had failed to": the target is no subject */
    static const char *const NOT_SUBJECT[] = {"if", "unless", "should", "with", "between", "and", "of", NULL};
    for (uint32_t b = 1; b <= 2 && b <= t->start; b++)
        if (dyad_view_word_in(s, t->start - b, NOT_SUBJECT))
            return 0;
    int64_t f = dyad_view_find_word(s, t->end, t->end + 3, FAILED);
    return f >= 0 && dyad_view_word_in(s, (uint32_t)f + 1, TO);
}

/* "Japan had not fulfilled its promise", "the EC would be in breach of an
 * undertaking", "Washington had become involved in a full-fledged war" (112):
 * the target the subject (not under "if", "whether", "unless"), then within
 * six words a broken commitment ("not" right before "fulfilled", "honoured",
 * "kept", "complied", "lived") or, with no "not" between, "violated",
 * "broken", "breached", "reneged", "in breach", "in violation", or "involved
 * in" a war or an aggression (within nine words). "Japan had not reneged", "are not involved in a
 * trade war" are no accusation. */
static int accused_of_breach(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const KEEP[] = {"fulfilled", "honoured", "honored", "kept", "complied", "lived", NULL};
    static const char *const BREAK[] = {"violated", "broken", "breached", "reneged", NULL};
    static const char *const BREACH[] = {"breach", "violation", NULL};
    static const char *const INVOLVED[] = {"involved", NULL};
    static const char *const IN[] = {"in", NULL};
    static const char *const OFF[] = {"off", NULL};   /* "talks had been broken off" */
    static const char *const WAR[] = {"war", "aggression", "attack", "attacks", "hostilities", NULL};
    static const char *const NOT[] = {"not", "never", "n't", NULL};
    static const char *const NOT_SUBJECT[] = {"if", "unless", "whether", "with", "and", "between", NULL};
    if (t->start > 0 && dyad_view_word_in(s, t->start - 1, NOT_SUBJECT))
        return 0;
    uint32_t end = t->end + 6 < s->n ? t->end + 6 : s->n;
    int64_t k = dyad_view_find_word(s, t->end, end, KEEP);
    if (k > (int64_t)t->end && dyad_view_word_in(s, (uint32_t)k - 1, NOT))
        return 1;
    for (uint32_t w = t->end; w < end; w++) {
        if (dyad_view_word_in(s, w, NOT))
            return 0;
        if (dyad_view_word_in(s, w, BREAK) && !dyad_view_word_in(s, w + 1, OFF))
            return 1;
        if (dyad_view_word_in(s, w, BREACH) && w > 0 && dyad_view_word_in(s, w - 1, IN))
            return 1;
        if (dyad_view_word_in(s, w, INVOLVED) && dyad_view_word_in(s, w + 1, IN) &&
            dyad_view_find_word(s, w + 2, w + 10, WAR) >= 0)
            return 1;
    }
    return 0;
}

/* The end of the target's compound ("European governments and the
 * Commission, the EC executive authority"): what follows is said of them all. */
static uint32_t compound_end(const dyad_sentence_view *s, const dyad_mention *t)
{
    uint32_t end = t->end;
    for (size_t i = 0; i < s->ms->n; i++)
        if (s->ms->m[i].group == t->group && s->ms->m[i].end > end && s->ms->m[i].start < t->end + 12)
            end = s->ms->m[i].end;
    return end;
}

/* "Japan's concessions were not enough", "the Israeli action was a violation",
 * "the U.S. action had made the pact meaningless", "the moratorium was a
 * mistake", "EC policies are the major cause of the depressed market", "the
 * Commission had been extraordinarily lax": a word of blame within ten words
 * after the target, not right after a negation ("was not unfair", "nothing
 * illegal"). */
static int called_short_or_wrong(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const NOT[] = {"not", "no", "nothing", "never", "n't", NULL};
    static const char *const ENOUGH[] = {"enough", "sufficient", NULL};
    static const char *const WRONG[] = {"insufficient", "inadequate", "unacceptable", "violation",
                                       "meaningless", "mistake", "lax", "counterproductive",
                                       "counter-productive", "unfair", "unfairly", "unjustified", "unjustifiable",
                                       "unwarranted", "illegal", "irresponsible", "discriminatory",
                                       "misguided", "deplorable", "regrettable", NULL};
    static const char *const MAIN[] = {"main", "major", "chief", "principal", "root", NULL};
    static const char *const CAUSE[] = {"cause", "culprit", NULL};
    uint32_t from = compound_end(s, t);
    uint32_t end = from + 10 < s->n ? from + 10 : (uint32_t)s->n;
    for (uint32_t w = from; w < end; w++) {
        /* "the unfair trade practice": a word that only qualifies a noun */
        int qualifies = s->tok[w].tag == TAG_JJ && w + 1 < s->n && dyad_tag_is_noun(s->tok[w + 1].tag);
        int blame = (dyad_view_word_in(s, w, WRONG) && !qualifies) ||
                    (dyad_view_word_in(s, w, CAUSE) && w > 0 && dyad_view_word_in(s, w - 1, MAIN));
        if (blame && !(w > 0 && dyad_view_word_in(s, w - 1, NOT)) && !(w > 1 && dyad_view_word_in(s, w - 2, NOT)))
            return 1;
    }
    int64_t n = dyad_view_find_word(s, from, end, NOT);
    return n >= 0 && dyad_view_word_in(s, (uint32_t)n + 1, ENOUGH);
}

/* "disappointed by the tariffs announced by Gondor": the feeling, a
 * preposition within three words, the target within eight words after it. */
static int displeased_at(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const FEELING[] = {"disappointed", "disturbed", "dismayed", "angered",
                                          "indignation", "displeasure", NULL};
    static const char *const AT[] = {"at", "by", "over", "with", NULL};
    for (uint32_t i = 0; i < t->start; i++) {
        if (!dyad_view_word_in(s, i, FEELING))
            continue;
        int64_t p = dyad_view_find_word(s, i + 1, i + 4, AT);
        if (p >= 0 && t->start > (uint32_t)p && t->start - (uint32_t)p <= 8)
            return 1;
    }
    return 0;
}

/* "said it would retaliate", "we will be prepared to meet any escalation with
 * stronger countermeasures", "is able now to give a very hard lesson", "was
 * ready to impose retaliatory tariffs": a future or readiness word, then within
 * eight words a hostile answer, with no "not" between; the target is not the one
 * who would answer ("did not think Japan would retaliate": Japan just before
 * the modal) and the vow stands before the target or the target right after
 * it ("retaliate against Japan"). */
static int vows_hostile_answer(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const WILL[] = {"will", "would", "ready", "prepared", "able", NULL};
    static const char *const ANSWER[] = {"retaliate", "retaliation", "retaliatory", "countermeasures",
                                         "counter-measures", "reprisals", "lesson", "decisively", NULL};
    static const char *const NOT[] = {"not", "never", "n't", "no", NULL};
    for (uint32_t m = 0; m < s->n; m++) {
        if (!dyad_view_word_in(s, m, WILL) || (m >= t->end && m <= t->end + 1))
            continue;   /* "Japan would retaliate": the target answers */
        int64_t a = dyad_view_find_word(s, m + 1, m + 9, ANSWER);
        if (a >= 0 && dyad_view_find_word(s, m + 1, (uint32_t)a, NOT) < 0 && (m == 0 || !dyad_view_word_in(s, m - 1, NOT)))
            return 1;
    }
    return 0;
}

/* "Japan must eliminate its quotas", "the IMF needs to move" (100): the
 * target is the subject of an obligation, the modal right after it (at most
 * two adverbs between: "now", "also"); not "X must be returned", "X must
 * have", "X must remain strong" (no act of the target), not under "if",
 * "whether", "unless" or a negation ("can never accept that Greece must") just
 * before the target. "X should" stays 010: the ConfliBERT annotators' majority
 * codes "said Japan should respect its commitments" as a statement, and "would
 * have to" is a forecast as often as a demand. Returns the code, or NULL. */
static const char *told_to_act(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const ADVERB[] = {"now", "also", "therefore", "eventually", "however", "thus",
                                         "still", "first", NULL};
    static const char *const MUST[] = {"must", NULL};
    static const char *const NEED[] = {"needs", "need", "has", "have", NULL};
    static const char *const TO[] = {"to", NULL};
    static const char *const NOT[] = {"not", "never", NULL};
    /* "must be returned", "must have", "must remain strong" (a state);
     * "they must report record
     * profits", "must see growth": an expectation, not a demand */
    static const char *const NO_ACT[] = {"be", "been", "have", "has", "had", "report", "see", "rise",
                                         "fall", "grow", "reach", "show", "total", "post", "remain", "stay", NULL};
    static const char *const NOT_SUBJECT[] = {"if", "unless", "whether", "when", "not", "never", "n't",
                                              "cannot", "how", NULL};
    for (uint32_t b = 1; b <= 4 && b <= t->start; b++)
        if (dyad_view_word_in(s, t->start - b, NOT_SUBJECT))
            return NULL;
    uint32_t m = t->end;
    while (m < t->end + 2 && m < s->n && dyad_view_word_in(s, m, ADVERB))
        m++;
    const char *code = NULL;
    uint32_t v;   /* the verb of the act */
    if (dyad_view_word_in(s, m, MUST)) {
        code = "100";
        v = m + 1;
    } else if (dyad_view_word_in(s, m, NEED) && dyad_view_word_in(s, m + 1, TO)) {
        code = "100";
        v = m + 2;
    } else {
        return NULL;
    }
    if (dyad_view_word_in(s, v, NOT))
        v++;
    if (v >= s->n || dyad_view_word_in(s, v, NO_ACT))
        return NULL;
    return code;
}

/* "told Japan to resolve the row", "has told Bonn to cut its rates" (100): an
 * order, the target right after "told" / "telling" / "tells" and "to" with a
 * verb in its base form right after the target, not one that asks for no act
 * ("told Bonn to expect an answer", "to be patient"). */
static int ordered_to_act(const dyad_sentence_view *s, const dyad_mention *t)
{
    static const char *const TOLD[] = {"told", "telling", "tells", "tell", NULL};
    static const char *const TO[] = {"to", NULL};
    /* "told Bonn to expect an answer": no act asked for */
    static const char *const NO_ACT[] = {"expect", "be", "have", "know", "see", "hear", "wait", NULL};
    return t->start > 0 && dyad_view_word_in(s, t->start - 1, TOLD) && t->end + 1 < s->n &&
           dyad_view_word_in(s, t->end, TO) && s->tok[t->end + 1].tag == TAG_VB &&
           !dyad_view_word_in(s, t->end + 1, NO_ACT);
}

/* "'I promise to make our markets open,' he told Senator X" (030): a promise,
 * pledge or vow in the first person ("I", "we") or right after the speaker,
 * with "to" within two words and no negation just before, and the target the
 * one told ("told", "telling", "assured" right before it). */
static int promised_to_addressee(const dyad_sentence_view *s, const dyad_cand *c, const dyad_mention *t)
{
    static const char *const PROMISE[] = {"promise", "promised", "promises", "pledge", "pledged",
                                          "pledges", "vow", "vowed", "vows", NULL};
    static const char *const SPEAKER[] = {"i", "we", NULL};
    static const char *const TO[] = {"to", NULL};
    static const char *const NOT[] = {"not", "never", "n't", "no", NULL};
    static const char *const TOLD[] = {"told", "telling", "assured", NULL};
    if (t->start == 0 || !dyad_view_word_in(s, t->start - 1, TOLD))
        return 0;
    uint32_t src_end = c->src >= 0 ? s->ms->m[c->src].end : UINT32_MAX;
    for (uint32_t p = 1; p < s->n; p++) {
        if (!dyad_view_word_in(s, p, PROMISE))
            continue;
        int by_speaker = dyad_view_word_in(s, p - 1, SPEAKER) || p == src_end;
        int negated = dyad_view_word_in(s, p - 1, NOT) || (p >= 2 && dyad_view_word_in(s, p - 2, NOT));
        if (by_speaker && !negated && dyad_view_find_word(s, p + 1, p + 3, TO) >= 0)
            return 1;
    }
    return 0;
}

void dyad_statement_tone(const dyad_sentence_view *s, dyad_cand *c)
{
    if (strcmp(c->code, "010") || c->tgt < 0 || c->vg < 0)
        return;
    const dyad_mention *t = &s->ms->m[c->tgt];
    const char *act;
    if (accused_of_failing(s, t) || accused_of_breach(s, t))
        memcpy(c->code, "112", 4);
    else if (called_short_or_wrong(s, t) || displeased_at(s, t))
        memcpy(c->code, "111", 4);
    else if (vows_hostile_answer(s, t))
        memcpy(c->code, "130", 4);
    else if ((act = told_to_act(s, t)) != NULL)
        memcpy(c->code, act, 4);
    else if (ordered_to_act(s, t))
        memcpy(c->code, "100", 4);
    else if (promised_to_addressee(s, c, t))
        memcpy(c->code, "030", 4);
}
