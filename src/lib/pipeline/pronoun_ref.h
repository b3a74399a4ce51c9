/* pronoun_ref.h - what a pronoun that opens a sentence stands for.
 *
 * Contract:
 *  - dyad_person_like: mention m names one person: a person of the dictionary,
 *    not a body with dated roles, or a state's or body's agent whose head noun is a singular title of a
 *    person ("the Iranian spokesman", "a Foreign Ministry official", "the
 *    premier"); not an institution ("the ministry", "the government") nor a
 *    plural ("officials"). The coder records it with the sentence's main
 *    subject (dyad_actor_memory_subject).
 *  - dyad_pronoun_antecedent: the code of a one-word back-reference first in
 *    its sentence (first != 0), from the previous sentence's main subject:
 *    "it", "they" (REF_ANY) stand for that subject, or for nothing when it was
 *    a noun phrase that is no actor ("The company cut prices. It said ...");
 *    "he", "she" (REF_PERSON) opening the sentence (opens != 0, not "his",
 *    "him") stand for it when it named one person
 *    ("The Iranian spokesman said ... He said ..." is Iranian, not the
 *    American minister named two sentences before). Returns 1 with the code in
 *    out and its entry in *entry, -1 when the pronoun stands for nothing, 0 when
 *    the rule does not apply (the latest actor of the pronoun's kind then). */
#ifndef DYAD_PRONOUN_REF_H
#define DYAD_PRONOUN_REF_H

#include <stdint.h>

#include "actor.h"
#include "dict.h"
#include "token.h"

int dyad_person_like(const dyad_dict *d, const char *text, const dyad_token *tok, const dyad_mention *m);

int dyad_pronoun_antecedent(const dyad_actor_memory *mem, int ref, int first, int opens, char out[32],
                            int32_t *entry);

/* Does mention m ("he", "she") open its sentence (only punctuation before it)? */
int dyad_opens_sentence(const char *text, const dyad_token *tok, const dyad_mention *m);

#endif
