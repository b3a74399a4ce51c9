/* criticism.h - a statement that criticises or accuses its target is coded as
 * criticism (111) or accusation (112), not as a plain statement (010)
 * (issue 10, round 4: wrong_code).
 *
 * Contract: dyad_statement_tone reads one sentence and changes the code of one
 * kept candidate in place; it keeps no state. Only a 010 with a target changes:
 *  - 112 when the target is the subject of "failed to" ("officials said Japan
 *    has failed to honour the pact"), not under "if" or "unless";
 *  - 111 when a clause about the target calls its act short or wrong: "not
 *    enough", "insufficient", "unacceptable", "a violation" within ten words
 *    after the target ("said Ruritania's concessions were not enough");
 *  - 111 when the speaker is "disappointed", "disturbed", "dismayed",
 *    "angered" or feels "indignation" at, by or over the target's act ("said it
 *    was deeply disappointed by the tariffs announced by Gondor");
 *  - 130 when the speaker vows a hostile answer: "will", "would", "ready",
 *    "prepared" or "able" and within eight words "retaliate", "retaliation",
 *    "countermeasures", "reprisals", "a hard lesson", "decisively", with no
 *    "not" ("said it would retaliate if the tax is passed"); not when the
 *    target is the one who would answer ("did not think Japan would retaliate"). */
#ifndef DYAD_CRITICISM_H
#define DYAD_CRITICISM_H

#include "event.h"

void dyad_statement_tone(const dyad_sentence_view *s, dyad_cand *c);

#endif
