/* event.h - verb groups to candidate events.
 *
 * Contract: dyad_find_events takes a sentence's mentions (actor.h) and verb
 * groups (phrase.h) and decides, for each verb group, whether it is an event, in
 * this order (event.c, one function per step, over one record per verb group):
 *  1. subjects (subject.h) and pattern match (pattern.h): each verb's own code;
 *  2. no event of its own: modifiers, conditionals, verbs the dictionary lacks,
 *     verbs governed by an event verb or by a verb of failure;
 *  3. governed-verb transform: a verb of intent, threat, refusal, appeal, demand
 *     or aspect takes its governed verb's code, transformed (cameo.h); a
 *     reporting verb takes the demand or obligation it reports;
 *  4. negation and future: by default a negated verb is no event, except a
 *     negated future of a cooperative act (03-08), which is a refusal; the
 *     dictionary's options change this (dict.h: negation = recode recodes by the
 *     code table, negation = code codes it like any other); the future
 *     turns the code into an intent or a threat (cameo.h) unless the options
 *     say futures keep the verb's code (future = plain);
 *  5. source and target: the source is the subject, or the `$` of an inverse
 *     pattern, or the by-agent of a passive; the target is the pattern's `+`,
 *     else the first actor after the verb in its clause (the subject in the
 *     passive);
 *  6. the candidate, when its actors suffice (a linked pair `a:b` adds the
 *     reverse event);
 *  7. clause filter: events of subordinate clauses count only when the main
 *     clauses have none; a reporting verb (say) only when nothing else does.
 * Events name mentions; record assembly (record.h) expands a mention's compound
 * group to one event per member. With explain set, every decision is written
 * there. */
#ifndef DYAD_EVENT_H
#define DYAD_EVENT_H

#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "phrase.h"

/* One sentence as the event stage and the rules after it (relevance.h, sense.h)
 * read it. */
typedef struct {
    const dyad_dict *d;
    const char *text;
    const dyad_token *tok;
    size_t n;
    const dyad_mentions *ms;
    const dyad_vgroups *vgs;
} dyad_sentence_view;

typedef struct {
    int32_t src, tgt;       /* mention indices, -1 for none */
    int32_t vg;             /* verb group, -1 for an event named by a noun (noun_event.h) */
    int32_t pattern;        /* pattern used, -1 for the verb's own code */
    char code[8];
    uint32_t noun, noun_end; /* vg -1: the event noun's token, the end of its phrase */
    uint8_t tgt_country;    /* code only the target's country (pair.h: a speaker
                             * reporting an attack on its country) */
    char story_tgt[8];      /* tgt -1: the target the story's pair gives, "" none (target.h) */
} dyad_cand;

/* The candidate's CAMEO root: "0311" -> 3. */
static inline int dyad_cand_root(const dyad_cand *c) { return (c->code[0] - '0') * 10 + (c->code[1] - '0'); }

typedef struct {
    dyad_cand *c;
    size_t n, cap;
    int8_t has_main;        /* the sentence has a main clause */
    int32_t main_subject;   /* its subject: a mention, or -1 for a noun phrase that
                             * is no actor */
} dyad_cands;

long dyad_find_events(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                      const dyad_mentions *ms, const dyad_vgroups *vgs, FILE *explain,
                      dyad_cands *out);

#endif
