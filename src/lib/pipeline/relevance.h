/* relevance.h - which candidate events are political events (issue 10).
 *
 * Contract: dyad_keep_relevant runs after the event stage (event.h) and before
 * record assembly (record.h), unless the dictionary's options say `relevance =
 * all` (converted PETRARCH/TABARI folders keep their coders' conventions). It
 * first corrects two targets: the press is never the target of a 01-05 event,
 * and a statement (say, add, note ...) keeps the event stage's target only
 * when it can be an addressee, else takes the first other political actor of
 * another country the sentence names that can be one (none in a sentence
 * about figures). An addressee is an argument of a clause: the object of the
 * reporting verb ("told X", "commented on X"), the subject or object of the
 * reported clause, a verb's prepositional object ("talked to X", "criticised
 * by X"), "against X", or the actor of an act noun ("the U.S. action",
 * "Gorbachev's offer", "remarks by Baker", "talks with Japan"); not a
 * nationality adjective of a thing ("a British ferry", "the West German
 * mark"), a place or a phrase after another preposition ("in Brussels", "the
 * accord of the G7"), a back-reference, a role alone (unless "told
 * parliament"), nor one of four or more countries listed after "said".
 * Then it drops, from one sentence's candidates, those that are no political
 * event, each with a line in the explain output, in this order (relevance.c,
 * one function per rule):
 *  1. modality: a verb under could, might, may, should, probably, possibly or
 *     perhaps, a "would" of a relative clause, a verb governed by hope,
 *     expect, believe, doubt, fear or predict, any verb of a question; then
 *     the mood and sense rules of sense.h (conditional main clauses, a "would"
 *     no announcing verb governs, acts expected of others, clauses of hope,
 *     subjunctives, forecasts, nouns read as verbs, things as subjects) and
 *     those of modality.h (an act not done under an if/unless condition, a
 *     statement about the speaker's own country);
 *  2. business: a company's 01-08 act whoever the target (a company: a
 *     company entry or a name in a company's name, "Georgia Gulf Corp",
 *     "<Pacific Western>", "Dutch chemical group Akzo", "Sweden's Telefon AB",
 *     "TNT Ltd of Australia", "the Philippines' commercial creditors"); an event with no
 *     political actor and a company on one side; a business person's, in a
 *     sentence about business or naming a company ("Inc"); a labour dispute at a company (a union or
 *     workers acting on a company or the reverse, or on no one in a sentence
 *     that names management, a contract or a plant); a company (or business
 *     people, in a sentence about business) as the target of 01-10 other than
 *     an appeal (02), unless the actor is an armed group or police, or a
 *     state or IGO acting on another country's companies ("the ministry
 *     approved the merger", "negotiated with its commercial creditors"); a
 *     court, judge or lawyer (JUD) acting short of force (18-20) on a company,
 *     or on no one in a sentence that names a company, a lawsuit or a
 *     contract, or is about business; a strike by a company's staff; a
 *     business actor's dealings, a company's own act named by "it" after its
 *     report, a figure blamed on causes (commerce.h);
 *  3. markets and statistics, among 01-08: a verb of trade or finance (buy,
 *     sell, import, issue, rise ...) with a side that is not political or with
 *     goods, shares or market figures as its object; another verb with such
 *     an object and a side that is not political, or with a sum and a source
 *     that is not political; among 10-17, an act aimed at no one in a sentence
 *     about figures (of 13, only a warning verb's own: "warned that inflation");
 *  4. statements: a reporting verb's own statement made by a company, by the
 *     media or a speaker whose noun phrase is the press ("the official news
 *     agency Tass"), or by unnamed sources, analysts, diplomats or dealers
 *     ("Western diplomats in Khartoum"), or still to come (a modal before
 *     its verb: "will explain the plan to", "can then tell"); with no addressee, one in a sentence
 *     about figures, the economy or the markets, or about an economic policy
 *     or sector, farming or the weather, one saying only that something exists
 *     ("said there was a backlog"), one made to the press ("told Reuters"),
 *     one closing a quotation ("..., he said"), and any after the story's
 *     lead (the story's detail: the lead is the news, so a single-sentence
 *     document keeps its statement); the attribution formula ("who asked not
 *     to be named"), the reporter quoting its source ("it quoted the minister
 *     as saying", "quoted by the agency"), hearsay ("he is reported to have ...") and a meeting
 *     with the press; reporters ("a reporter", "journalists") as the source
 *     of any 01-10 event (they ask, meet and report);
 *  5. roles with no country: an event whose source is a role alone (GOV, MIL,
 *     ELI: its country given neither by the sentence nor by the story,
 *     actor.h), of a verbal or cooperative code (01-08) and with no target,
 *     says nothing of whom;
 *  6. business stories: in a story whose lead is business or market news,
 *     an event of the sentences after the lead stands only when a political
 *     actor (or a state's body such as a central bank) acts on another, or on
 *     a company or no one named in a way that is no business (09-20:
 *     sanctions, seizures, criticism).
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
    char pair[2][32];       /* the story's latest pair of parties (target.h), "" none */
    uint8_t at_war;         /* an event so far was one country's force on another (18-20) */
} dyad_story;

void dyad_story_reset(dyad_story *story);

/* Removes the candidates that are no political event from cands, keeping the
 * others in order; returns how many are kept. story: the document's, updated
 * (NULL: the sentence alone). */
size_t dyad_keep_relevant(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                          const dyad_mentions *ms, const dyad_vgroups *vgs, FILE *explain,
                          dyad_story *story, dyad_cands *cands);

#endif
