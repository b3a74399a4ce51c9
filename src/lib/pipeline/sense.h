/* sense.h - candidate events that are no event because of the verb's mood or
 * sense (issue 10, rules R3 and R6 of tests/audit/FINDINGS.md).
 *
 * Contract: the relevance stage (relevance.h) asks these two functions of each
 * candidate event, after its own modality rule; each returns why the candidate
 * is no event (a phrase for the explain output), or NULL to keep it. Neither
 * keeps state; both read one sentence.
 *
 * dyad_unreal_mood: the verb's act is not said to happen:
 *  - the main clause of a conditional that no announcing verb governs: a
 *    "would" or "could" in a sentence with
 *    an if/unless clause ("this would be required if payments are overdue");
 *  - a "would" that no announcing verb (say, promise, threaten ..., or any
 *    finite main-clause verb with no "would" of its own) before it governs
 *    ("Congress would then have 30 days to veto"), in its own group or in the
 *    group governing it;
 *  - an act expected or likely of others ("are expected to discuss", "likely
 *    to approve", "has little chance of persuading", "the notion of having the
 *    government subsidize"), in the group or the group governing it;
 *  - a subjunctive "be" ("recommended the campaign be funded by ...");
 *  - the clause right after a verb of hope or belief (hope, expect, believe,
 *    think, doubt, fear, predict), or after the noun "hopes";
 *  - a verb coordinated with one under could, might, may or should
 *    ("could retaliate and really damage Taiwan");
 *  - a forecast: a statement or warning with no target whose clause is under
 *    a modal of possibility ("warned a dollar fall might force the Fed").
 *  - (dyad_wrong_sense) a noun read as a verb: one word right after a
 *    determiner, a possessive or a preposition ("in hopes", "its shares").
 * dyad_wrong_sense: the verb's CAMEO sense needs a human agent, and its
 *    subject is a thing: the head noun of the subject's noun phrase is an
 *    accident or a storm or flood, a currency or price, an economic figure, a programme, an
 *    agreement or a bill ("an explosion in a factory killed 45 workers", "the Australian
 *    dollar breached the barrier", "monetary growth threatened a resurgence of
 *    inflation"), an actor in that phrase ("Australian") being no agent of the
 *    act. An explosion stays an event in a sentence that names a weapon or an
 *    armed actor ("a minefield explosion killed two youths").
 *    Also no event: trade, a 061 (or its intent 0311, refusal 1211) whose verb or
 *    the verb it was coded through is export, import, sell, buy or purchase;
 *    and a session that ended: a 161 or 164 of "end" whose clause names a
 *    meeting, talks, a summit or a visit and no relations or ties
 *    ("ministers ended a three-day meeting");
 *    and an act done to someone with no one to do it to: a residual code of
 *    roots 02-04, 06, 07, 13, 16 (020, 030, 040, 060, 070, 130, 160) with no
 *    target, its source the only actor of the sentence ("the ministry
 *    proposed ending the quota system");
 *    and what a bill or plan approved or backed would do: a to-infinitive right
 *    after bill, legislation, measure, plan, proposal, amendment or resolution
 *    governed by approve, endorse, back, support, pass or adopt ("the Senate
 *    approved a bill to aid the homeless");
 *    and "call" naming or describing: an appeal (02x) of "call" whose object
 *    (a noun or a determiner) follows it with no "on", "upon" or "for" in the
 *    next three words, unless the object is an actor followed by no noun
 *    ("called the attacks an escalation", not "called Miyazawa early to warn");
 *    and "go" that is no travel: a 04x of go, goes, going, went or gone
 *    followed by "through" or "ahead", or by "to" and a bare verb ("they're
 *    going to have problems with X", "going through upheaval");
 *    and a currency read as a verb: pounds, marks, francs or crowns right
 *    after a number, an amount word (mln, billion) or an actor ("28 Egyptian
 *    pounds", "44.5 mln Irish pounds");
 *    and "consider" judging: a 014 of "consider" with "to be" or "as" (not
 *    "such as") within six words after it, or whose object (an actor or him,
 *    her, them) is followed by a, an, the or one ("consider him a key backer"). */
#ifndef DYAD_SENSE_H
#define DYAD_SENSE_H

#include <stddef.h>

#include "actor.h"
#include "dict.h"
#include "event.h"
#include "phrase.h"
#include "token.h"


const char *dyad_unreal_mood(const dyad_sentence_view *s, const dyad_cand *c);
const char *dyad_wrong_sense(const dyad_sentence_view *s, const dyad_cand *c);

/* A target that only names a currency's or a goods' country ("a budget of 41.7
 * billion Syrian pounds", "U.S. Treasury bonds"... "U.S. bonds", "Thai rice"
 * but not "an Iranian oil platform") is no target:
 * c->tgt becomes -1. Asked before the rules above. */
void dyad_money_target(const dyad_sentence_view *s, dyad_cand *c);

/* Words of a sentence, ignoring case (words: lower case, NULL-terminated): is
 * token t one of them; the first token of [from, to) that is, or -1. */
int dyad_view_word_in(const dyad_sentence_view *s, uint32_t t, const char *const *words);
int64_t dyad_view_find_word(const dyad_sentence_view *s, uint32_t from, uint32_t to,
                            const char *const *words);

#endif
