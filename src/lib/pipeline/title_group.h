/* title_group.h - plural titles that name a meeting of several states' people.
 *
 * Contract: dyad_title_of_several says whether agent mention m (no state or body
 * of its own) is a plural title that in news names the members of a
 * multilateral meeting: "the ministers", "trade ministers", "delegates",
 * "negotiators", "the Commissioners", "delegations". Such a group takes no
 * single country from the context (the story's country, the latest state):
 * "U.S. Trade Representative X said trade ministers meeting here have reached a
 * consensus" is no American act, "the ministers were also due to discuss
 * proposals in the U.S. Congress" (EC ministers) no American intent; it is no
 * actor, and an event it would be the source of is not coded. Not a title with
 * a possessive before it ("his ministers": the latest actor's), "cabinet
 * ministers" (one government's), a place or an
 * origin after it ("delegates from 23 countries", "ministers in Tokyo", "of"),
 * nor in a story headed by a body of states (story_org set, "EC MINISTERS ...":
 * its ministers, actor.h). */
#ifndef DYAD_TITLE_GROUP_H
#define DYAD_TITLE_GROUP_H

#include <stddef.h>

#include "actor.h"
#include "token.h"

int dyad_title_of_several(const char *text, const dyad_token *tok, size_t n, const dyad_mention *m,
                          const char *story_org);

#endif
