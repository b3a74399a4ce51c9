/* report_scope.h - what a reporting verb reports.
 *
 * Contract: the event stage's clause filter (event.h, step 7) drops a reporting
 * verb's statement when the sentence holds the event it reports ("officials
 * said rebels shelled the town": the shelling stands, not the statement). It
 * asks dyad_reports_event whether an event of the sentence is that report. An
 * event in a relative clause inside the statement's complement, whose own
 * predicate comes after it and names no event, is not what is reported but
 * describes one of its nouns ("the minister says two journalists who were
 * abducted in June are alive": the statement is about their being alive, and
 * both the abduction and the statement stand). Keeps no state. */
#ifndef DYAD_REPORT_SCOPE_H
#define DYAD_REPORT_SCOPE_H

#include <stddef.h>

#include "event.h"
#include "phrase.h"
#include "token.h"

/* 1 when the event of verb group ev is the content reported by reporting verb
 * group say (the statement gives way to it), 0 when ev only describes a noun of
 * the statement's complement; cands are the sentence's candidate events. */
int dyad_reports_event(const char *text, const dyad_token *tok, const dyad_vgroups *vgs, const dyad_cands *cands,
                       size_t say, size_t ev);

#endif
