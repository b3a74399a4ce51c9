/* association.h - a state's name that opens the name of a trade, industry or
 * workers' association is no state's act.
 *
 * Contract: dyad_association_names runs on the mentions of one sentence after
 * actor.c has combined them. A mention of a state ("Brazilian", "Japan", "U.S."),
 * alone or with its agents ("president of the Brazilian ...", "Japan ...
 * Association spokesman"), whose name the next words continue as a proper name
 * (capitalised words, "of", "and", "'s", at most eight) holding Association,
 * Federation or Confederation, or Chamber with Commerce or Industry ("the
 * Brazilian Association of Citrus Juice Industries", "Japan Harbour
 * Transportation Association", "the American Soybean Association") stands for
 * that body: the state's code with BUS, or LAB when the name says Workers,
 * Employees, Unions, Labour or Labor, AGR when it says Farmers, Growers, Cattlemen,
 * Ranchers or Planters, HLH for Medical or Hospital, JUD for a Bar (the country: the first
 * three letters of the mention's code on the date). The state's whole name must
 * stand right before the name's words. The mention then spans the body's name,
 * and mentions inside that name ("Wool Exporters" in "the Argentine Federation
 * of Wool Exporters") are dropped unless a compound joins them. Does nothing
 * when the options say relevance = all. No state. */
#ifndef DYAD_ASSOCIATION_H
#define DYAD_ASSOCIATION_H

#include "actor.h"

void dyad_association_names(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                            dyad_mentions *ms);

#endif
