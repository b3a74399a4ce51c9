/* retag.h - the re-tagging pass: corrections to the tagger's tags that need
 * the dictionary or the sentence's actors.
 *
 * In: a sentence's tagged tokens (tagger.h) and its mentions (actor.h). Out: the
 * same tokens, some with a new tag; nothing else changes. It runs after actor
 * matching (a known verb tagged as a noun right after an actor is a verb:
 * "Russia attacks Georgia") and before the verb groups (phrase.h), which read
 * the corrected tags. The rules, token by token from the left (each sees the
 * corrections to the tokens before it): a known verb form in verb position is a
 * verb; an -s form after a plural noun with nothing after it is a noun; an
 * all-capitals word in brackets, a capitalized base form among names are names;
 * a verb form after an article, a possessive or "very" is a noun or an
 * adjective; an inflected known verb after have/be, a past form before "by" are
 * participles; a base form after a finite main verb is a noun; a known past form
 * after "and" in a past-tense sentence is a verb; a known verb after a modal or
 * "to" is a base-form verb. */
#ifndef DYAD_RETAG_H
#define DYAD_RETAG_H

#include <stddef.h>

#include "actor.h"
#include "dict.h"
#include "token.h"

void dyad_retag(const dyad_dict *d, const char *text, dyad_token *tok, size_t n,
                const dyad_mentions *ms);

#endif
