/* subject.h - the source of a verb group: who does what the verb says.
 *
 * Contract: dyad_subject_of returns the mention that is the subject of verb group
 * k, or -1 when the subject is a noun phrase that names no actor ("his family
 * said", "a bombing in Egypt killed", "..., Vastagh said"), or there is none. It
 * follows governors and coordination to the verb that has the subject, skips
 * relative clauses back to their antecedent, fronted phrases ("With students
 * returning, ...", "After visiting France and Italy, ...") and places inside another
 * noun phrase; a named actor before a comma apposition is the subject ("Taiwan, one of
 * the founders of the ADB, boycotted"), so is the actor right before "in"/"at" a place
 * ("the U.S. officer in Lima said"), and the object of to/for/on/against/over/about/into
 * before the verb is none ("his trip to Washington ... endorsed"). The two pronoun rules
 * refine the result for the group after a given one: a pronoun right after a
 * reporting verb is its speaker ("Turkey told the EU it would ..."), and a
 * pronoun the dictionary does not list, right after a finite verb, is that
 * verb's subject ("Ethiopia indicated it would act"). */
#ifndef DYAD_SUBJECT_H
#define DYAD_SUBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "phrase.h"
#include "token.h"

int32_t dyad_subject_of(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                        const dyad_vgroups *vgs, size_t k);

/* say_group: the reporting verb before; speaker: its subject; subj: the group's own. */
int32_t dyad_speaker_pronoun(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                             const dyad_vgroup *say_group, int32_t speaker, int32_t subj);

/* prev: the group before g; prev_subj: its subject. -1 when the rule does not apply. */
int32_t dyad_unlisted_pronoun(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                              const dyad_vgroup *prev, const dyad_vgroup *g, int32_t prev_subj);

#endif
