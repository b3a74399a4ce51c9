/* event.h - verb phrases to events.
 *
 * Contract: dyad_find_events takes a sentence's mentions and verb groups and
 * decides, for each verb group, whether it is an event: the verb's patterns
 * (dict.h) are matched in its clause, the most specific match giving the code;
 * the source is the subject (the nearest actor before the verb in its clause, the
 * subject of the verb it is coordinated with or governed by), or the `$` of an
 * inverse pattern, or the by-agent of a passive; the target is the pattern's `+`,
 * else the first actor after the verb in its clause (the subject in the passive).
 * A negated verb is no event. The future turns the code into an intent or a
 * threat; a governing verb of intent, threat, refusal or aspect codes its
 * governed verb accordingly; a reporting verb (say) is an event only when
 * nothing else in the sentence is. Events name mentions; a mention's compound
 * group expands to one event per member. With explain set, every decision is
 * written there. */
#ifndef DYAD_EVENT_H
#define DYAD_EVENT_H

#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "phrase.h"

typedef struct {
    int32_t src, tgt;       /* mention indices, -1 for none */
    int32_t vg;             /* verb group */
    int32_t pattern;        /* pattern used, -1 for the verb's own code */
    char code[8];
} dyad_cand;

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
