/* morph.h - English inflection: verb forms and noun plurals from a base form.
 *
 * Uses WordNet's exception lists (Debian package wordnet-base: verb.exc,
 * noun.exc in /usr/share/wordnet) for irregular forms, and spelling rules for
 * the rest (stop -> stopped/stopping, try -> tries/tried, die -> dying,
 * refer -> referred). Read-only once loaded. */
#ifndef DYAD_MORPH_H
#define DYAD_MORPH_H

#include <stddef.h>

#define DYAD_WORDNET_DEFAULT_DIR "/usr/share/wordnet"

typedef struct dyad_morph dyad_morph;

/* dir may hold verb.exc and noun.exc; a missing dir is an error. */
dyad_morph *dyad_morph_load(const char *dir, char *err, size_t errlen);
void dyad_morph_free(dyad_morph *m);

typedef void (*dyad_form_fn)(void *ud, const char *form, size_t len);

/* Calls fn once for each distinct form of the verb lemma (lower case, one word):
 * the lemma, 3rd person -s, past, past participle (all irregular ones WordNet
 * lists, and the regular ones when WordNet lists none), -ing. */
void dyad_morph_verb_forms(const dyad_morph *m, const char *lemma, size_t len,
                           dyad_form_fn fn, void *ud);

/* Calls fn for the noun itself and each plural form (irregular from WordNet,
 * else regular: army -> armies, box -> boxes, troop -> troops). */
void dyad_morph_noun_forms(const dyad_morph *m, const char *noun, size_t len,
                           dyad_form_fn fn, void *ud);

#endif
