/* unknown_actor.h - names the dictionaries lack (`dyad code --unknown-actors`).
 *
 * In: one sentence's tagged tokens, its mentions (actor.h) and verb groups
 * (phrase.h). Out: through the callback, each run of proper nouns outside every
 * mention that stands right before a verb group or right after a dictionary
 * verb, but not a month or weekday standing alone nor a known word opening the
 * sentence. Reads only; codes nothing. */
#ifndef DYAD_UNKNOWN_ACTOR_H
#define DYAD_UNKNOWN_ACTOR_H

#include <stddef.h>

#include "actor.h"
#include "dyad.h"
#include "phrase.h"
#include "token.h"

void dyad_report_unknown_actors(const char *text, const dyad_token *tok, size_t n,
                                const dyad_mentions *ms, const dyad_vgroups *vgs,
                                dyad_unknown_fn fn, void *ud);

#endif
