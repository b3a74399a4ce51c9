/* relevance_int.h - what the relevance stage's two files share: relevance.c (the
 * stage, its modality, business, market and role rules) and statement.c (the rules
 * for statements). Internal to the stage; every function reads one sentence and
 * keeps no state. */
#ifndef DYAD_RELEVANCE_INT_H
#define DYAD_RELEVANCE_INT_H

#include "relevance.h"
#include "sense.h"

#include <stdio.h>
#include <string.h>

/* What the rules read of one sentence: the sentence (the sense module's view of
 * it), the explain stream, and what is asked once per sentence or story. */
typedef struct {
    dyad_sentence_view s;
    FILE *ex;
    int *figures;           /* about_figures of the sentence: -1 until asked */
    int in_body;            /* the sentence follows its story's lead */
} relevance_ctx;

/* token t's lemma / token t itself (any case) is one of the words (lower case,
 * NULL-terminated) */
int dyad_rel_lemma_in(const relevance_ctx *x, uint32_t t, const char *const *words);
int dyad_rel_word_in(const relevance_ctx *x, uint32_t t, const char *const *words);
/* token t is one of the words, ignoring case and full stops ("N.V.", "Inc."; up to 15 letters) */
int dyad_rel_word_in_nodots(const relevance_ctx *x, uint32_t t, const char *const *words);
/* mention m (-1: none) is a company or business actor / the media / a political
 * actor (a state, an organisation, a person, a role with its country) */
int dyad_rel_is_business(const relevance_ctx *x, int32_t m);
int dyad_rel_is_media(const relevance_ctx *x, int32_t m);
int dyad_rel_is_political(const relevance_ctx *x, int32_t m);
/* the verb group's flag (VF_SAY, VF_THREAT ...) */
int dyad_rel_flag_of(const dyad_dict *d, const dyad_vgroup *g);
/* the sentence speaks of figures, the economy or the markets (asked once) */
int dyad_rel_about_figures(const relevance_ctx *x);
/* any role with no country: "officials", "rebels" */
static inline int dyad_rel_role_alone_any(const dyad_mention *a) { return a->kind == AK_AGENT && !a->named && strlen(a->code) <= 3; }

/* statement.c: "told Reuters", "told a news conference": said to the press */
int dyad_rel_to_the_press(const relevance_ctx *x, const dyad_vgroup *g);
/* statement.c: why a statement is no event (NULL: it is one) */
const char *dyad_rel_no_statement(const relevance_ctx *x, const dyad_cand *c);
/* statement.c: mention m is an argument of a clause of verb group g, not a
 * modifier of a thing nor a place after a preposition ("in Brussels") */
int dyad_rel_clause_argument(const relevance_ctx *x, const dyad_vgroup *g, const dyad_mention *m);
/* statement.c: a target that names the source's own state alone is none */
void dyad_rel_own_state_target(const relevance_ctx *x, dyad_cand *c);
/* statement.c: a statement's target becomes its addressee, or none (not the country
 * of a "City, Country" venue; a venue after the verb ends the search) */
void dyad_rel_statement_addressee(const relevance_ctx *x, dyad_cand *c);
/* relevance.c: a cooperative act (01-08) that is a market operation by its
 * instrument (a tender, an export bonus, a central bank's bills) */
int dyad_rel_market_instrument(const relevance_ctx *x, const dyad_cand *c);
/* relevance.c: a figure coded as an act: the source names whose exports or
 * investment are counted, or the act moves a share (pct) of a figure */
int dyad_rel_figure_as_act(const relevance_ctx *x, const dyad_cand *c);
/* statement.c: why an event is the reporting, not an act (an attribution formula,
 * sources or analysts as the speaker); NULL: no such reason */
const char *dyad_rel_reporter_reason(const relevance_ctx *x, const dyad_cand *c);

#endif
