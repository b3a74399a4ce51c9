/* role_country.h - domestic roles that take the country of the sentence's first actor.
 *
 * Contract: dyad_roles_take_first_country runs on the mentions of one sentence
 * after actor.c has combined them. When the first mention is a national actor in
 * office or at home (a government, a person in office, a legislature, a court,
 * the opposition, police, unions, students, farmers, elites (not civilians, who
 * travel: "British tourists arrested in Thailand, police said"): a code of
 * a state plus one of those roles), a later role with no country of its own and
 * no proper name (government officials, the legislature, courts, the opposition,
 * civilians, educators, farmers, unions, business) is that state's: "Premier Yu
 * ordered financial officials" -> TWNGOV, "Volcker called on educators" ->
 * USAEDU. Not the military (armies act across borders); not after a state
 * alone, a company, the press or the military; not "foreign officials",
 * "international courts" or "officials of the countries visited". Before that, a
 * legislature named as the US one is ("Congress", "the Senate", "Sen. Garn",
 * "Rep. Kemp", "congressional leaders") with no state in the mention itself keeps
 * the country the context gave only when that state has a congress (a senate)
 * of its own (Philippines, Latin America; Italy, France... for a senate); else,
 * or with no country, it is USALEG: "The Senate voted to urge Reagan to punish
 * Japan" is no Japanese act. A secretary of the US kind ("Commerce Secretary X",
 * "Secretary of Agriculture X", "Undersecretary X"; not "Chief Cabinet Secretary",
 * "State Secretary", "Secretary General") likewise keeps the context's country
 * only when that state has secretaries (the Philippines, the Commonwealth, Latin
 * America), else it is USAGOV; with no country at all, only a US department's
 * secretary is ("Transport Secretary" stays without one). A role inside a
 * proper name that a state's name opens, at most two capitalised words between,
 * takes that state ("the Australian Waterside Workers' Federation" AUSLAB,
 * "Thursday Deputy U.S. Trade Representative X" USAGOV): the actor stage drops
 * such a state as a place inside a name. Does nothing when the
 * options say relevance = all (other coders' suites). No state. */
#ifndef DYAD_ROLE_COUNTRY_H
#define DYAD_ROLE_COUNTRY_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "dict.h"
#include "token.h"

void dyad_roles_take_first_country(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                                   dyad_mentions *ms);

/* "Unidentified jets", "unknown gunmen", "an unnamed official": 1 when one of
 * the two words before the role at token start says the story cannot name it;
 * such a role takes no country from the story (actor.c): "Unidentified jets
 * attacked Iranian oil rigs" is no Iranian act. */
int dyad_role_unidentified(const char *text, const dyad_token *tok, uint32_t start);

/* 1 for a body whose members are states and meet as ministers or delegates
 * ("EEC", "OPC", "EFT", "GOS", "UNO", "NAT"...), not a lender (World Bank, IMF)
 * nor a company: a headline led by one ("EC MINISTERS AGREE ...") makes the
 * story's ministers and officials the body's (actor.c, mem->story_org). */
int dyad_body_of_states(const char *code);

#endif
