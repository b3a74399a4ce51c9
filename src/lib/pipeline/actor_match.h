/* actor_match.h - the first step of the actor stage (actor.h): dictionary names
 * matched on a sentence's tokens, longest first, with the case rule of
 * dict/README.md. Internal to the actor stage. */
#ifndef DYAD_ACTOR_MATCH_H
#define DYAD_ACTOR_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "token.h"

/* One dictionary match: tokens [start, end) name entry. */
typedef struct {
    uint32_t start, end;
    int32_t entry;
} dyad_raw_match;

/* The longest dictionary name starting at token i: its end and *entry, or 0. */
uint32_t dyad_actor_longest(const dyad_dict *d, const dyad_token *tok, size_t n, uint32_t i,
                            int32_t *entry);

/* The longest match at each position, left to right, at most cap; a back-reference
 * gives way to a longer name from its next word ("the Organization of American
 * States"), and "General" inside a proper name ("General Motors", "Comptroller
 * General", "director general") or as an adjective ("a general strike") is no agent. Returns the number of matches. */
size_t dyad_actor_match_names(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                              dyad_raw_match *raw, size_t cap);

#endif
