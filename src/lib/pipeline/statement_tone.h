/* statement_tone.h - a statement whose tone CAMEO codes otherwise is recoded:
 * criticism (111), accusation (112), threat (130), demand (100)
 * or promise (030) to its target, not a plain statement (010)
 * (issue 10, rounds 4-5: wrong_code).
 *
 * Contract: dyad_statement_tone reads one sentence and changes the code of one
 * kept candidate in place; it keeps no state. Only a 010 with a target changes:
 *  - 112 when the target is the subject of "failed to" ("officials said Japan
 *    has failed to honour the pact"), not under "if" or "unless";
 *  - 112 when the target is the subject of a broken commitment or a war: "not"
 *    right before "fulfilled", "honoured", "kept", "complied", "lived (up)",
 *    or with no "not" "violated", "broken" (not "broken off"), "breached",
 *    "reneged", "in breach", "in violation", "involved in" a war, within six
 *    words after it ("said Washington had become involved in a full-scale
 *    war"); not under "if", "whether", "with", "and", "between";
 *  - 111 when a clause about the target calls its act short or wrong: "not
 *    enough", "insufficient", "unacceptable", "a violation", "meaningless",
 *    "a mistake", "lax", "unfair", "unfairly", "counterproductive", "the main cause of"
 *    ... within ten words after the target or its compound ("said
 *    Ruritania's concessions were not enough", "said the U.S. action had
 *    made the pact meaningless"); not a negated one ("not unfair") nor an
 *    adjective that qualifies a noun ("the unfair trade practice");
 *  - 111 when the speaker is "disappointed", "disturbed", "dismayed",
 *    "angered" or feels "indignation" at, by or over the target's act ("said it
 *    was deeply disappointed by the tariffs announced by Gondor");
 *  - 130 when the speaker vows a hostile answer: "will", "would", "ready",
 *    "prepared" or "able" and within eight words "retaliate", "retaliation",
 *    "countermeasures", "reprisals", "a hard lesson", "decisively", with no
 *    "not" ("said it would retaliate if the tax is passed"); not when the
 *    target is the one who would answer ("did not think Japan would retaliate");
 *  - 100 when the target is the subject of "must", "needs to" or "has to"
 *    and an act ("said Japan must eliminate its quotas"); not "X must be
 *    ...", "X must have", "X must remain / see / report", nor under "if",
 *    "whether", "unless" or a negation just before the target; "X should"
 *    stays 010 (ConfliBERT's annotators code it as a statement);
 *  - 100 when the target is told to act: "told", "telling", "tells" right
 *    before it, "to" and a base-form verb right after it ("told Japan to
 *    resolve the row"); not "to expect", "to be", "to wait" ... (no act);
 *  - 030 when the speaker ("I", "we" or the source right before) promises,
 *    pledges or vows to act, with no negation, and the target is the one
 *    told ("'I promise to open our markets,' he told Senator X"). */
#ifndef DYAD_STATEMENT_TONE_H
#define DYAD_STATEMENT_TONE_H

#include "event.h"

void dyad_statement_tone(const dyad_sentence_view *s, dyad_cand *c);

#endif
