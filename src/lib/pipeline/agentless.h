/* agentless.h - events whose doer the sentence does not name, and hearsay.
 *
 * Contract: two tests the event stage (event.h) asks of one verb group.
 *  - dyad_unattributed_assault: an assault the verb itself names (18x by the
 *    verb's own code, no pattern), suffered by a victim the sentence names and
 *    whose attacker it does not, stands with no source. The victim is the
 *    target: the passive's subject right before the verb ("two French
 *    journalists who were abducted in Syria"), or the actor after "of" when
 *    the verb form is used as a noun ("the abduction and torture of a Libyan
 *    dissident"). A victim that is a role with no country ("an Oakland woman
 *    was stabbed": a crime, not a political event) is none. An arrest or
 *    detention (173 by the verb's own code) is read the same way ("two
 *    Canadian citizens were arrested in Beijing": - CANCVL 173).
 *  - dyad_hearsay_about_subject: a reporting verb after a form of "be" and
 *    before "to" ("Cameron is reported to have portrayed them", "the minister
 *    is said to have met") is hearsay about its subject, who is not the
 *    speaker: no statement of theirs.
 * Neither keeps state. */
#ifndef DYAD_AGENTLESS_H
#define DYAD_AGENTLESS_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "phrase.h"
#include "token.h"

/* 1 when group g, coded code by the verb's own code (pattern < 0), stands with
 * no source and mention tgt (-1: none) as its victim. */
int dyad_unattributed_assault(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                              const dyad_vgroup *g, int32_t pattern, const char *code, int32_t tgt);

/* 1 when reporting verb group g is hearsay about its subject. */
int dyad_hearsay_about_subject(const char *text, const dyad_token *tok, size_t n, const dyad_vgroup *g);

#endif
