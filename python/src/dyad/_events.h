/* _events.h - events collected while coding without the GIL, turned into Python dicts
 * afterwards (part of the dyad Python extension).
 *
 * dyad_code hands each event to a callback whose strings live only until it returns,
 * and Python objects may not be made without the GIL; so the callback copies each
 * event and its sentence into an ev_sink (plain C memory), and ev_sink_to_lists
 * builds, with the GIL held, one list of dicts per document. The dicts carry the
 * fields of `dyad code`'s JSON lines (src/cli/output.c) with the same values. */
#ifndef DYAD_PY_EVENTS_H
#define DYAD_PY_EVENTS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "dyad.h"

typedef struct {
    dyad_event ev;      /* doc_id and text are not used after the callback */
    size_t doc;         /* index of the document in the batch */
    size_t text_off;    /* the sentence in the sink's arena */
    size_t text_len;
} ev_record;

typedef struct {
    ev_record *recs;
    size_t n, cap;
    char *arena;
    size_t alen, acap;
    size_t doc;         /* the document being coded */
    size_t last_doc;    /* the (doc, sentence) whose text was stored last */
    int last_sent;
    int oom;
} ev_sink;

void ev_sink_init(ev_sink *s);
void ev_sink_free(ev_sink *s);

/* dyad_event_fn: copies the event into the sink (ud); returns 1 (stop) when out of memory. */
int ev_sink_add(void *ud, const dyad_event *ev);

/* Makes the interned key strings; 0 or -1 with a Python error set. */
int ev_keys_init(void);

/* Fills lists[d] (already made, empty) with the events of document d as dicts; ids[d]
 * is the document's id (a str, used as the "doc" value). Returns 0 or -1 with an error. */
int ev_sink_to_lists(const ev_sink *s, PyObject *const *lists, PyObject *const *ids, size_t ndocs);

#endif
