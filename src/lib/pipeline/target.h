/* target.h - events of roots 02-20 that the earlier steps left with no target,
 * and the story's pair of parties ("the two countries").
 *
 * Contract: rules of the relevance stage (relevance.h), reading one sentence;
 * the story's pair is kept in its dyad_story.
 *  - dyad_target_remember_pair: after a sentence's events are kept, the
 *    story's pair is the source and target of its first event between two
 *    countries' actors (no back-reference, but a source of force that names its
 *    own arm: "its warplanes" of Iraq), else a compound of exactly two
 *    countries ("Japan and the United States"); it stays until another.
 *  - dyad_target_pair_mentions (before the verbs are found): "the two
 *    countries", "both sides", "the two governments", "both nations", "the two
 *    leaders", "the two ministers", "the two delegations" (not "both sides of
 *    the border", nor after "between" or "in": "the trade gap between the two
 *    countries" names no party) stand for the story's pair: two back-reference mentions, a
 *    compound, over the phrase (countries, nations, states and governments
 *    as the states' codes, the others as remembered). A compound source
 *    with a reciprocal code then has the other as target (pair.h).
 *  - dyad_target_act_nouns (before the verbs are found): the word "opposition"
 *    found as a lone role is no actor when it names the act of opposing:
 *    before "to" or "from", or after its degree ("strong", "such"), a verb
 *    that expresses or meets it ("expressed", "voiced", "met", "faced") or a
 *    possessive ("their opposition to the scheme"); "the opposition", "opposition
 *    MPs" and "Opposition" stay the party.
 *  - dyad_target_each_other: a candidate with no target whose clause has
 *    "each other" or "one another" within four tokens after the verb, and a
 *    compound source of two, targets the compound's other member ("Iran and Iraq
 *    accused each other"): one event each way; so does a cooperative act
 *    (03-08) by the story's pair ("both sides agreed to exchange prisoners").
 *  - dyad_target_story_war: a use of force (18-20) with no target, whose
 *    source is a state-level party of one country of the story's pair (two
 *    countries), targets the other country ("Iran launched a new offensive"
 *    in a story of Iran and Iraq: IRQ), its code cut to the country; the
 *    target has no span (the sentence does not name it).
 *  - dyad_target_missing: why a candidate with no target is no event (NULL:
 *    it is one); asked after the statement's tone (statement_tone.h), so an
 *    "urged" read as an appeal is aimed too. CAMEO's codes aimed at someone
 *    need that someone. In the story's detail: appeals (02), intents (03,
 *    except 0311 and 036: a multilateral accord or summit, "NATO leaders will
 *    meet in Vilnius", has no other party), consultations (04: a meeting with
 *    no one else is none), cooperation
 *    and aid (06, 07), investigations (09), demands (10), disapproval (11:
 *    "a spokesman criticized the action"), rejections (12), threats (13), cuts
 *    of relations (16), and statements about someone (010, 012, 014, 017,
 *    018, 019). In the story's lead (and a lone sentence) only a plain intent
 *    (030: "Taiwan is planning to relax controls"): a lead's other codes are
 *    coded with no target, as the codebook's examples are. Left as they are:
 *    statements 011 (no comment), 013 (optimism), 015 (an admission), 016 (a
 *    denial); praise and support (05: judged mostly right, the target missing
 *    only); yielding (08: a resignation, a ban
 *    lifted), protest (14: a strike), force posture (15), coercion and force
 *    (17-20: the victim may be unnamed), but for coercion (17, not 172's
 *    restrictions: "the government banned all rallies") or fighting (19)
 *    in the story's detail by a body of a state that uses no force (a
 *    government, a party, a court; not a military, rebels, police, spies or
 *    a crowd: "the government plans to fight malpractice", "a party's
 *    strategy to oust Labour"), a figure of speech; a state alone stays
 *    ("Iranian attacks on shipping").
 */
#ifndef DYAD_TARGET_H
#define DYAD_TARGET_H

#include "relevance_int.h"

void dyad_target_remember_pair(const relevance_ctx *x, const dyad_cands *cands, dyad_story *story);

/* Returns 0, or -1 when out of memory. */
int dyad_target_pair_mentions(const char *text, const dyad_token *tok, size_t n, const dyad_story *story,
                              dyad_mentions *ms);

/* Drops the mentions that name an act, not an actor. */
void dyad_target_act_nouns(const char *text, const dyad_token *tok, size_t n, dyad_mentions *ms);

void dyad_target_each_other(const relevance_ctx *x, dyad_cand *c);

void dyad_target_story_war(const relevance_ctx *x, const dyad_story *story, dyad_cand *c);

const char *dyad_target_missing(const relevance_ctx *x, const dyad_cand *c);

#endif
