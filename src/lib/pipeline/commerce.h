/* commerce.h - business dealings and companies' reports (issue 10; rules of the
 * relevance stage, relevance.h rules 2 and 6).
 *
 * Contract: two questions about one sentence's candidate event, asked by the
 * relevance stage; neither keeps state.
 *  - dyad_commerce_dealing: a business actor's dealings (root 03-08): the
 *    source is a company, a bank, investors or business people (role BUS, not
 *    a state's body such as a central bank, GOVBUS), whoever the target: a
 *    firm's plans, talks, deals, credits and concessions are commerce ("Swiss
 *    banks offered Argentina a credit", "two shipping companies reached a pay
 *    deal", "businessmen signed a memorandum to boost trade"). Business people's
 *    meeting or diplomatic cooperation (04-05) with a country's government stays
 *    ("business leaders met the president"); a firm's talks with one do not
 *    ("Swiss banks held talks with Peruvian officials on lending").
 *  - dyad_commerce_company_report: the sentence's speaker is a company: a name
 *    that ends in a legal word ("Texaco Inc said", "<Noranda Inc> said", "Hughes
 *    Tool Co. said", "ANZ Banking Group Ltd <ANZA.S> said"), or a company named
 *    by its kind ("the company said", "the airline said", "a company spokesman
 *    said"). What such a report holds is business news unless one political
 *    actor acts on another (relevance.c decides that).
 *  - dyad_commerce_blamed_figure: "blamed" with a figure as its object ("blamed
 *    the price changes on supply and demand", "blamed slow sales to Asia", "blamed
 *    the deficit on state firms"): an explanation of a statistic, not an
 *    accusation, when no one is blamed, a company is, or the target only names
 *    where the figure is. */
#ifndef DYAD_COMMERCE_H
#define DYAD_COMMERCE_H

#include "relevance_int.h"

int dyad_commerce_dealing(const relevance_ctx *x, const dyad_cand *c);
int dyad_commerce_company_report(const relevance_ctx *x);
/* The candidate's source is the company of such a report, named again by "it" or
 * "they" ("The airline said it will apply ..."): a company's act, business. */
int dyad_commerce_company_pronoun(const relevance_ctx *x, const dyad_cand *c);
int dyad_commerce_blamed_figure(const relevance_ctx *x, const dyad_cand *c);

#endif
