/* pair.h - the actor pair of an event: rules of the source/target step
 * (event.c step 5) that look past the first actor after the verb.
 *
 * Contract:
 *  - dyad_pair_bare_passive: a participle with no auxiliary followed by "by"
 *    ("France, backed by Spain, rejected ..."): passive, the by-agent acts;
 *    the verb after it has the participle's subject (subject.c).
 *  - dyad_pair_skip_venue: a place after "in" or "at" is where a meeting,
 *    talks or an agreement happened, not a party to it (also "on the sidelines
 *    of the UN General Assembly"; "held talks in Tokyo", "will not attend a meeting in Managua"; not "arrived in Berlin",
 *    a visit): for those codes the target moves on to the next actor of the
 *    clause that is no venue (before any other verb), or to none; "met" (04)
 *    left with no target is then no event ("ministers met in Luxembourg",
 *    dyad_pair_meet_verb); "attend a summit in Switzerland" stays, with none.
 *  - dyad_pair_reciprocal: an event with no target whose source is a compound
 *    of two ("Peru and Ecuador fought", "China and Japan held talks"; not a
 *    multilateral meeting of three or more) and whose code is
 *    one the parties do to each other (consult 04, sign 057, intent to meet 036,
 *    establish or break relations 054/161, military, judicial or intelligence
 *    cooperation 062-064, ceasefire 0871, fight 190), or whose verb says so
 *    ("traded accusations", "exchanged prisoners"; an intent (03) by "agreed":
 *    "France and Yugoslavia agreed to set up a joint commission"): the compound
 *    is its own target, so record assembly (record.h) gives one event each way
 *    between its members; also for a passive's compound agent ("the accord was
 *    signed by A and B"). Not "attend" ("Italy and Canada will attend the
 *    meetings": a gathering both go to, not a meeting of the two).
 *  - dyad_pair_clause_target: a place that names a meeting, an accord, a market
 *    or a currency ("the Paris accord", "Brunei dlrs"), and a state that names
 *    an affair ("the Iran arms scandal", "the Iran-contra affair", "the Iran
 *    arms initiative") is no party: the next actor of the clause is; a state
 *    only compared with ("compared with Mexico's 7.7 billion" between the verb
 *    and it, no comma; "than" or "than the" right before it: "more than the
 *    EC", "countries other than the U.S.") is no target at all; and the actor found by looking after the verb
 *    (object_search) is no target when it starts a new clause as the subject
 *    of a later finite verb ("..., and France showed hostility", "..., the
 *    ministry officials said"; also a pattern's or governed verb's target
 *    that is the speaker of a sentence-final reporting verb after its title
 *    and name: "..., World Bank director for Latin America Carlos Ruiz
 *    said", "..., Danish minister Lars Holm told a news conference", not
 *    "but Iraq said all were repulsed"); no target lies past a comma and but, while,
 *    although, whereas, though or and, or a semicolon ("oppose the tax, but
 *    Italy and Belgium seem ...").
 *    The source's own country as a bare state that modifies a thing ("the
 *    Senate approved U.S. funds for the World Bank", "discussed Brazil's debt
 *    with bankers": a noun, an adjective or "'s" after it) is no party either:
 *    the next actor of the verb's scope is (or of the verb it governs:
 *    "began escorting two U.S. flag Kuwaiti tankers" is KWT), or none; so
 *    is the source's own country named as a place after "in", "at", "near",
 *    "of", "across", "throughout" or "around" ("dock workers began a protest
 *    in Lima"; not "from", nor after an arrival or a visit, which the visit
 *    rules of record.h judge): the next actor of the same phrase (no comma,
 *    "from" or "to" between: "protests in Canada against the EC Commission"),
 *    or none.
 *  - dyad_pair_reported_target: an assault, fight or mass violence (18-20)
 *    reported by a speaker of another country, with no target of its own
 *    ("Lebanon's army said Israeli drones struck a car near Tyre"), was done
 *    to the speaker's country: the target is the speaker, coded as its
 *    country only (*country_only); not when the speaker or the source is a
 *    back-reference, nor when the speaker is a third party's "sources".
 *  - dyad_pair_that_target: a demand, accusation, rejection or threat (10-13)
 *    with no target, followed by a that-clause, targets that clause's subject
 *    when it is another country's actor ("charged that China was hacking",
 *    "complained that Congress had not approved"); not a denial (016), whose
 *    target is the accuser.
 *  - dyad_pair_alleged: the that-clause of an accusation, complaint or
 *    denial (112, 114, 016) is alleged, not an event of its own (event.c
 *    marks it done): "charged that China was hacking" is USA 112 CHN only.
 *  - dyad_pair_drop_subsumed: an event with no target that repeats the source
 *    and code of an event with one in the same sentence adds nothing ("killed
 *    one U.S. soldier and wounded two others"): it is left out.
 *  - dyad_pair_drop_own_organ: a state named bare (no role) as the source and
 *    its own government, army, legislature, courts, police or office holders as
 *    the target is a misread source (an adjective, a place, a company's name:
 *    "Washington will meet Shultz", "Japan welcomed Japanese Finance Minister
 *    X", "South African sanctions ... to protest South Africa's government"):
 *    the event is left out rather than coded with a wrong source. Its
 *    opposition, rebels, people or firms stay ("Sri Lanka attacked Tamil rebels"),
 *    and so do demands, criticism and protests (10, 11, 14: "Young Algerians blocked roads
 *    to press demands on President X" is DZA 1443 DZAELI) and a source in a
 *    compound ("Czechoslovakia and China signed").
 *  - dyad_pair_first_mention: the first mention in [from, to) that can be the
 *    target of source group not_group (-1: any): not the source itself, not
 *    the source's own country ("its armed forces"), not unnamed troops
 *    ("massed troops near the border"); -1 if none.
 *  - dyad_pair_shared_object: a verb with no object of its own, followed
 *    right away by "and" or "or" and a verb coordinated with it (same subject,
 *    active), shares that verb's object when both codes go together (both in
 *    11-20, or the same root): "shelled and destroyed two Iranian platforms"
 *    is 194 IRN as well as 1712 IRN; not "withdrew and attacked rebel
 *    positions" (0874 and 190). next_code: the next verb's code, NULL if none.
 *  - dyad_pair_past_aside: a verb whose clause ends at a comma and a
 *    participle aside ("launched a major offensive, codenamed Karbala-5,
 *    towards the Iraqi port of Basra"), with no target before it, takes the
 *    first actor after the aside's closing comma when a preposition follows
 *    it ("backed by tanks, against Iranian positions"), up to the next comma,
 *    conjunction, "to" or verb; the aside closes within six tokens with no
 *    verb of its own, else nothing changes.
 *  - dyad_pair_relative_object: a verb with no target whose subject comes
 *    right after "which" or "whom" (not "that", mostly a complementizer:
 *    "told the assembly that Japan intends") has the antecedent as its object:
 *    an actor ("the British ambassador whom Iran expelled"), or, when the
 *    antecedent's head nouns, right before the pronoun, follow a state's
 *    mention (no role, no back-reference, not the source's code), that state
 *    is the target ("a Turkish research ship which Greece had threatened to
 *    tackle" is GRC 130 TUR).
 * The target functions return the mention to use and change none of their inputs. */
#ifndef DYAD_PAIR_H
#define DYAD_PAIR_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "event.h"
#include "phrase.h"
#include "token.h"

int32_t dyad_pair_first_mention(const dyad_mentions *ms, uint32_t from, uint32_t to, int32_t not_group);

int dyad_pair_meet_verb(const char *text, const dyad_token *tok, const dyad_vgroup *g);

int dyad_pair_bare_passive(const char *text, const dyad_token *tok, size_t n, const dyad_vgroup *g);

/* tgt: the target found so far (-1 none); src: the source (-1 none); *venue
 * is set when tgt was a venue (a meeting with nobody else is no event). */
int32_t dyad_pair_skip_venue(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                             const dyad_vgroup *g, const char *code, int32_t src, int32_t tgt, int *venue);

int32_t dyad_pair_reciprocal(const char *text, const dyad_token *tok, const dyad_vgroup *g,
                             const dyad_mentions *ms, const char *code, int32_t src, int32_t tgt);

/* A sentence's tokens, mentions and verb groups (ng of them looked at). */
typedef struct {
    const char *text;
    const dyad_token *tok;
    size_t n;
    const dyad_mentions *ms;
    const dyad_vgroups *vgs;
    size_t ng;
} dyad_pair_clause;

int32_t dyad_pair_clause_target(const dyad_pair_clause *c, size_t k, int32_t src, int32_t tgt, int object_search);

/* tgt: the target found so far; the next verb group is k + 1. */
int32_t dyad_pair_shared_object(const dyad_pair_clause *c, size_t k, int32_t src, int32_t tgt, const char *code,
                                const char *next_code);

int32_t dyad_pair_past_aside(const dyad_pair_clause *c, size_t k, int32_t src, int32_t tgt);

int32_t dyad_pair_relative_object(const dyad_pair_clause *c, int32_t src, int32_t tgt);

/* speaker: the subject of the reporting verb whose clause holds the event. */
int32_t dyad_pair_reported_target(const char *text, const dyad_token *tok, const dyad_mentions *ms,
                                  const dyad_vgroup *say, const char *code, int32_t src, int32_t speaker,
                                  int *country_only);

int32_t dyad_pair_that_target(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                              const dyad_vgroup *g, const char *code, int32_t src, int32_t tgt);

int dyad_pair_alleged(const char *code);

void dyad_pair_drop_subsumed(const dyad_mentions *ms, dyad_cands *out);

void dyad_pair_drop_own_organ(const dyad_mentions *ms, dyad_cands *out);
/* role (3 letters at least) is a state's organ: GOV MIL LEG JUD COP SPY ELI */
int dyad_pair_is_organ(const char *role);

#endif
