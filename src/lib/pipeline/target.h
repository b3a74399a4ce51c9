/* target.h - events of roots 02-20 that the earlier steps left with no target.
 *
 * Contract: two rules the relevance stage (relevance.h) applies to each
 * candidate after its own target corrections, reading one sentence and keeping
 * no state.
 *  - dyad_target_other_party: a candidate with a source and no target, of
 *    roots 02-20, takes as its target the sentence's other party when there is
 *    exactly one: the political actors (no company, media, back-reference or
 *    role with no country) of a country other than the source's, that stand
 *    as an argument of a clause (not a place after "in" or "at", not a
 *    nationality adjective of a thing: "Norwegian gas"; "Japan's explanation",
 *    "talks with the U.S." are), all of that one country. "Washington had not
 *    given any detailed explanation of why it planned to impose the tariffs
 *    on Japan's chips" -> USA 1312 JPN. Two or more other countries: none
 *    (the sentence does not say which).
 *  - dyad_target_missing: why a candidate with no target is no event (NULL:
 *    it is one). CAMEO's codes aimed at someone need that someone: appeals
 *    (02), intents (03, except 0311 and 057's intent to sign, which a
 *    multilateral accord allows), consultations (04: a meeting with no one
 *    else is none), cooperation and aid (06, 07), investigations (09),
 *    demands (10), rejections (12), threats (13) and cuts of relations (16).
 *    Left as they are: statements (01: 010 and 013 need no addressee, 014,
 *    016, 017), praise and accords (05), yielding (08: a resignation, a ban
 *    lifted), disapproval (11: "accused aid donors"), protest (14: a strike),
 *    force posture (15), coercion and force (17-20: the victim may be
 *    unnamed). */
#ifndef DYAD_TARGET_H
#define DYAD_TARGET_H

#include "relevance_int.h"

void dyad_target_other_party(const relevance_ctx *x, dyad_cand *c);

const char *dyad_target_missing(const relevance_ctx *x, const dyad_cand *c);

#endif
