/* self_target.h - a state's own actor aimed at the state itself.
 *
 * Contract:
 *  - dyad_drop_self_target: an event whose source is one of a state's roles or
 *    office holders (code XXX + role: "officials", "the government", "Reagan",
 *    "he") and whose target is that same state named bare (code XXX: "U.S.
 *    goods", "returned to Paris", "Japan's telecommunications industry", "the
 *    country's") is left out: the bare state is then a modifier, a place or a
 *    possessive, or the role took its country from the story while the sentence
 *    meant the other side ("the ministers ... to prevent Japan from ..." of an
 *    EC meeting). Kept: criticism (11: "The Western Australian government
 *    criticized Canberra"), fighting and protest (14, 18, 19, 20: the state is
 *    where it happens), a people or its firms named as the target ("the
 *    government would encourage Peruvians to ...", "called on Japan's chip
 *    makers"), leaving one's ground ("withdrew from the country's border
 *    region"), and bodies that are not states (the EC's ministers calling on
 *    the EC Commission), and a target in a compound ("negotiations between
 *    the United States and the Netherlands").
 *    Also left out: a bare state's demand or criticism (10, 11) of its own
 *    organs when the state is no people ("The nation demands ... our
 *    government's ...", "a Philippine panel charged with ... former President
 *    X"); a plural demonym stays ("Young Algerians ... press demands on
 *    President X", pair.h's exception).
 *  - dyad_people_word: token t is a plural demonym ("Americans", "Algerians"):
 *    a capitalized word ending in "ans".
 *  Both read only their arguments (no state). */
#ifndef DYAD_SELF_TARGET_H
#define DYAD_SELF_TARGET_H

#include "actor.h"
#include "event.h"
#include "token.h"

int dyad_people_word(const char *text, const dyad_token *t);
void dyad_drop_self_target(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                           dyad_cands *out);

#endif
