/* actor_role.h - an agent with no country of its own (actor.c's combining step).
 *
 * Contract: dyad_agent_alone codes a role word that no country, organization or
 * person joined ("the government", "police in Nairobi", "Finance Ministry
 * officials said"): after a possessive ("his government") it takes the latest
 * actor's country; "the government" first in its sentence is the story's; a
 * place right after "in" gives its country; first in its sentence (not "a
 * spokesman for ...", not an IGO/NGO/MNC role), a national role takes the
 * story's country (story_country: its headline's subject, else the latest
 * state), later in it a legislature, court or opposition takes the first
 * person's country, and a domestic role after a domestic actor of the story's
 * country first in the sentence is that country's. No country when the options
 * say relevance = all or the role is unidentified (role_country.h). A run of
 * capitalized unknown words after the role names a person: the mention grows
 * over it and is marked named. Reads the combining context below; no state.
 * The context and the code helpers here are shared by actor.c and
 * actor_role.c only (internal to the actor stage). */
#ifndef DYAD_ACTOR_ROLE_H
#define DYAD_ACTOR_ROLE_H

#include "actor.h"
#include "actor_match.h"

/* What combining reads: the sentence, its matches, the document's memory. */
typedef struct {
    const dyad_dict *d;
    const char *text;
    const dyad_token *tok;
    size_t n;
    int32_t ymd;
    dyad_actor_memory *mem;
    const dyad_raw_match *raw;
    size_t nr;
    size_t out_n;           /* mentions found so far in the sentence */
    const char *first;      /* the code of the sentence's first mention, NULL before it */
} combine_ctx;

static inline int entry_kind(const combine_ctx *x, size_t r) { return x->d->entries[x->raw[r].entry].kind; }

/* Appends the agent role to a code unless one of its blocks already is that role. */
void dyad_code_add_role(char code[32], const char *role);

/* Does a person's code start with a country ("USAGOV", not "UNOGOV", "IGOEEC",
 * "NAT")? */
int dyad_code_person_country(const char *code);

/* Codes agent mention m (its role in m->code) that nothing joined; next: the
 * first raw match after it. */
void dyad_agent_alone(const combine_ctx *x, dyad_mention *m, size_t next);

#endif
