/* record.h - record assembly, the last stage of dyad's pipeline.
 *
 * In: one sentence's candidate events (event.h: verb group, source and target
 * mentions, CAMEO code), its mentions (actor.h), verb groups (phrase.h) and
 * tokens, and the document's date. Out: dyad_event records (dyad.h) appended to
 * a dyad_records list, one per member of a compound source or target, with the
 * code's Goldstein weight and quad class (dict.h's code table), the event's date
 * (date.h: a date in the clause, else one fronted before the subject, else the
 * document's), the byte spans of source, verb and target, a sum of money named
 * in the clause, and the dictionary's output forms (`null_actor = ---`,
 * `several_codes = each`). Dropped, each with a line in the explain output: an
 * event without a source or a target when require_dyad is set, a self-directed
 * event, a visit inside one's own country (cameo.h), and a repeat of an event
 * already recorded for the sentence. */
#ifndef DYAD_RECORD_H
#define DYAD_RECORD_H

#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "dyad.h"
#include "event.h"
#include "phrase.h"
#include "token.h"

/* The document's events, in the order they are found. */
typedef struct {
    dyad_event *ev;
    size_t n, cap;
} dyad_records;

/* One coded sentence, as record assembly reads it. */
typedef struct {
    const char *doc_id;
    int sent;                   /* sentence index in the document */
    const char *text;           /* the sentence */
    size_t len;
    const dyad_token *tok;
    const dyad_mentions *ms;
    const dyad_vgroups *vgs;
    dyad_date doc_date;         /* the document's date (year 0: none) */
    int require_dyad;           /* an event needs both a source and a target */
} dyad_record_sentence;

/* Appends the events of the sentence's candidates to out and counts them in
 * *events. Returns 0, or -1 when out of memory. */
int dyad_records_add(const dyad_dict *d, const dyad_record_sentence *s, const dyad_cands *cands,
                     FILE *explain, dyad_records *out, size_t *events);

#endif
