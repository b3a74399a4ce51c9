/* relevance.h - which candidate events are political events (issue 10).
 *
 * Contract: dyad_keep_relevant runs after the event stage (event.h) and before
 * record assembly (record.h). It drops, from one sentence's candidates, those
 * that are no political event, each with a line in the explain output, in this
 * order (relevance.c, one function per rule):
 *  1. modality: a verb under could, might, may or should, a "would" in a
 *     relative clause or a conditional sentence, a verb governed by hope,
 *     expect, believe, doubt or fear, any verb of a question;
 *  2. business: no political actor on either side and a business actor (BUS)
 *     on one ("the company agreed to buy ...", "X Corp signed with Y Inc");
 *  3. markets and statistics: a verb of trade or finance (buy, sell, import,
 *     issue, rise ...), or a cooperative act whose clause names a sum, a
 *     percentage, shares or a commodity, unless political actors stand on
 *     both sides of a verb that is no market verb;
 *  4. statements: a reporting verb's own statement (say, add, note ...) with
 *     no target (a statement about figures, facts or forecasts), or whose
 *     source is the media (a news agency or newspaper reporting); "reporters"
 *     are never a target;
 *     the attribution formula ("who asked not to be named") and meetings
 *     with the press ("met reporters") are no events either, and the press
 *     is never the target of a statement, appeal, intent, meeting or
 *     cooperation (01-05);
 *  5. roles with no country: a role alone (GOV, MIL, COP, ...) whose country
 *     neither the sentence nor the story gave (actor.h) is left out, with its
 *     event.
 * Political actors are those that are neither business (BUS) nor media (MED). */
#ifndef DYAD_RELEVANCE_H
#define DYAD_RELEVANCE_H

#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "event.h"
#include "phrase.h"

/* What the stage remembers of a story: whether its lead (the first sentence
 * it sees) is business or market news, a sentence about figures, the economy
 * or the markets, or one that names a company (rule 6). */
typedef struct {
    uint8_t lead_seen;
    uint8_t business;       /* the lead is business or market news */
    uint8_t in_body;        /* the sentence being coded follows the lead */
} dyad_story;

void dyad_story_reset(dyad_story *story);

/* Removes the candidates that are no political event from cands, keeping the
 * others in order; returns how many are kept. story: the document's, updated
 * (NULL: the sentence alone). */
size_t dyad_keep_relevant(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                          const dyad_mentions *ms, const dyad_vgroups *vgs, FILE *explain,
                          dyad_story *story, dyad_cands *cands);

#endif
