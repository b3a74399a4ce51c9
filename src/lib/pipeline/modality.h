/* modality.h - candidate events whose act is only conditional, counterfactual
 * or rumoured, or whose statement is about the speaker's own country or reads
 * the speaker as its target (issue 10: the audit's
 * categories "hypothetical" and "said_facts", tests/audit/RULES.md).
 *
 * Contract: the relevance stage (relevance.h) asks dyad_modality_drop of each
 * candidate event, with the mood rules of sense.h; it returns why the
 * candidate is no event (a phrase for the explain output), or NULL to keep
 * it. It keeps no state and reads one sentence.
 *
 * The candidate is no event when:
 *  - its act is conditional: the act (the event's verb group, or the
 *    to-infinitive it governs and the verbs coordinated with that) is not
 *    done (a would, will, could, can, might, should or a to-infinitive) and
 *    an if or unless clause follows it in the same clause ("said he would
 *    consider new sanctions if ...", "can supply gas to Poland if the
 *    pipeline is repaired", "would like to review the tapes if ...").
 *    Intents (03), demands (10), refusals (12) and threats (13) stay: CAMEO
 *    codes them with their condition ("said they would meet the mediator if
 *    ..." is 038, "will not end their strike unless ..." 1242), and an intent
 *    said now ("is willing to drop tariffs if ...") stays too. "even if",
 *    "as if", "and if" are no condition of the act;
 *  - it is a counterfactual: a modal, "have" and a past participle in its
 *    group or the group governing it ("would have preferred to offer the
 *    post", "Mexico would have announced a suspension");
 *  - its clause follows a noun of speculation, rumour, fear or risk across
 *    words of a noun phrase only ("speculation the United States will offer
 *    wheat", "rumors that the United States had launched a strike", "the
 *    risk of Iranian attack"), or "concern that" ("concern that North Korea
 *    was using trucks"), asked of the act's group or of the finite group it
 *    is a gerund, infinitive or conjunct of ("fears that Iran would avenge
 *    the raids by unleashing missiles");
 *  - its verb follows "capable of" or "capability of" ("missiles capable of
 *    hitting tankers"): a capacity;
 *  - its act is only asked or demanded of someone: its group, through verbs
 *    it is coordinated with and the verbs governing it, is governed by an
 *    appeal or demand verb in the active ("urged Japan to do much more to
 *    reduce its surplus", "asked France to ... stop selling weapons to Iraq",
 *    "urged Reagan to step up talks by providing subsidies"), or by a verb of
 *    insisting or proposing whose clause is a bare subjunctive ("would insist
 *    Japan open its markets", "suggested the government review the ceiling").
 *    The appeal (02) or demand (10) itself stays; a clause of its own
 *    (because, which) or one a verb of saying reports is asserted;
 *  - its act is in an indirect question ("over whether Turkey will send
 *    troops"), or in a clause of time still to come: a present tense or a
 *    modal after before, after, once, until ("two weeks before the U.S.
 *    imposes tariffs"), or any tense after a need ("an agreement was needed
 *    before Tokyo extended loans"), or a while clause in the present tense
 *    after a verb of proposing in the past ("has proposed an inquiry while
 *    Iran and Iraq observe a ceasefire");
 *  - its act is still to come (will, would, could, can, may, might, must,
 *    have to) and an outsider forecasts it: the verb of saying that reports
 *    its clause (governing it, right before its subject, or after it across a
 *    comma with no main clause between) has analysts, economists, diplomats,
 *    bankers, dealers ... as its speaker, or a company (BUS) speaks of another
 *    ("diplomats said he would seek Syrian help"); an official announcing what
 *    others will do (a meeting) stays;
 *  - it is an obligation still to meet: a "must", "have to", "has to", "need
 *    to" (not "had to") in its group or the finite group its clause hangs on
 *    ("the subcommittee, which must approve the budget", "banks must become
 *    more flexible in providing funds");
 *  - it is still to come in a clause of attitude ("pessimistic that Congress
 *    will approve"), or said in the clause of a verb under could, might or
 *    may ("might tell the committee that he told Reagan"), or in a when-clause
 *    in the present tense of a main clause still to come ("could come this
 *    month when the ministers meet"; a meeting there is an intent, below);
 *  - it is a statement or comment (010-013) whose only target is the
 *    speaker's own state, alone (no compound, no role), named after the verb
 *    as the subject of what is said ("the Peruvian president said Peru has
 *    found gold", "a Saudi official said Saudi Arabia was adhering to the
 *    ceiling"): a statement about one's own country's facts is about no other
 *    political actor. The state right after a verb of telling is its
 *    addressee and stays ("told Spaniards");
 *  - it is a statement (root 01) by "said", "says", "added" ... right after a
 *    comma or a closing quote, whose target stands right after the verb with
 *    no main verb of its own after it ("'...,' said Senator Smith", "..., said
 *    spokesman Michael Perley in a statement"): the target is the speaker
 *    named after the quote, and the source an actor of what was said. */
#ifndef DYAD_MODALITY_H
#define DYAD_MODALITY_H

#include "event.h"

const char *dyad_modality_drop(const dyad_sentence_view *s, const dyad_cand *c);
/* The statement rule (4) alone: asked with the event stage's own target, before
 * the relevance stage looks for the statement's addressee (statement.c), which
 * would replace the speaker's own country by another country of the sentence. */
const char *dyad_modality_own_country(const dyad_sentence_view *s, const dyad_cand *c);

/* A cooperative act (04-08: a meeting, a visit, aid) in a when-clause in the
 * present tense whose main clause is still to come ("the guidelines will be
 * explained when Miyazawa visits Washington next week") is scheduled, not done: its code becomes the intent of it
 * (cameo.h: 040 -> 036, 042 -> 036 ...), which dyad_modality_drop keeps.
 * Asked by the relevance stage before it drops candidates. */
void dyad_modality_scheduled(const dyad_sentence_view *s, dyad_cand *c);

#endif
