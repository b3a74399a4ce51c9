/* noun_event.h - events named by a noun (issue 10: "events as nouns").
 *
 * Contract: dyad_find_noun_events runs after the relevance stage (relevance.h)
 * on a sentence whose verbs yielded no event, and adds a candidate (event.h,
 * vg -1, noun and noun_end set) for each act of force or coercion the sentence
 * names by a noun (noun_event.c's table):
 *  - a noun of assault or arrest and "of" + victim: "the kidnapping of two
 *    Turkish engineers" 181, "the assassination of ..." 186, "the arrest of a
 *    Russian journalist" 173, "Iraq's invasion of Kuwait" 190;
 *  - a military attack noun and "on" + target: "Israeli air strikes on Gaza"
 *    195, "a rocket attack on a Turkish army post" (the attack needs a word of
 *    arms before it: "a scathing attack on the government" is no assault);
 *  - "clashes between A and B": A -> B and B -> A, 190.
 * The target must be an actor with a country or a named group (a role alone,
 * "a woman", is no political victim); the source is an agent after "by" ("the
 * killing of X by police"), else an actor right before the noun ("Israeli air
 * strikes", "Iraq's invasion"), else none. No event in a question, after a
 * modal, or when the noun is what is threatened, feared, planned, called for,
 * prevented, foiled, denied or ended ("threatened the arrest of", "lifting the
 * house arrest of"). */
/* dyad_find_meeting_nouns runs after dyad_find_noun_events on every sentence
 * (a meeting the verbs already coded between the same parties is not added
 * again: "held talks with X"), and adds the meetings,
 * talks and visits the sentence names by a noun: "talks between A and B" (046,
 * both directions), "a meeting with X" (040), "negotiations with X" (046), "a
 * visit to X" (042, the host as target). The source is the actor before the
 * noun ("Zambia's talks with"), else the sentence's subject (first actor,
 * before any verb; or after an opening "After talks with X," clause). Both
 * parties are states, IGOs or actors with a country (no role alone, no
 * company, no media); none when the meeting is not (yet) held: will, would,
 * expected, scheduled, planned, proposed, hoped, possible, cancelled,
 * "leaves for talks", "next week". */
#ifndef DYAD_NOUN_EVENT_H
#define DYAD_NOUN_EVENT_H

#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "event.h"
#include "token.h"

/* Appends the noun events of the sentence to out; returns how many, or -1 when
 * out of memory. explain (or NULL) gets one line per event noun. */
long dyad_find_noun_events(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                           FILE *explain, dyad_cands *out);

long dyad_find_meeting_nouns(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                             FILE *explain, dyad_cands *out);

#endif
