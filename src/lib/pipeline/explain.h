/* explain.h - the explain stream's lines for one sentence (dyad explain, the
 * coder's explain output): what each stage found, with the dictionary file and
 * line of every entry used. Reads only; writes to ex. */
#ifndef DYAD_EXPLAIN_H
#define DYAD_EXPLAIN_H

#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "dyad.h"
#include "phrase.h"
#include "token.h"

/* Tokens with their tags, actors (entry, dated roles, agent, back-references,
 * compounds), verb groups (verb entry, voice, mood, governor) of sentence s. */
void dyad_explain_sentence(FILE *ex, const dyad_dict *d, const char *s, const dyad_token *tok,
                           size_t n, const dyad_mentions *ms, const dyad_vgroups *vgs,
                           const dyad_doc_stats *st);

/* The line for a discard phrase (dictionary entry) that voids a story (story != 0)
 * or a sentence. */
void dyad_explain_discard(FILE *ex, const dyad_dict *d, int32_t entry, int story);

#endif
