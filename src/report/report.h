/* report.h - `dyad report`: one self-contained HTML page (data, styles and scripts inline,
 * no network) that shows the events of a store, an actor or a dyad.
 *
 * In:  an open store (src/store/store.h), read only through dyad_store_select with SQL
 *      that SQLite and PostgreSQL both accept; every figure is aggregated in SQL.
 * Out: the page: a header (what it covers, counts, dyad version, when it was made), a
 *      timeline of events by month (week or day for short periods) stacked by quad class
 *      with the Goldstein sum as a line (for a dyad, both directions on one time axis),
 *      top actors and top event codes with CAMEO names, a network of the strongest
 *      dyads, and a table of events, newest first, with their evidence sentences, sortable
 *      and filterable in the page. The table is capped (max_events) with a note saying
 *      how many events were left out.
 *
 * Filters: actor and dyad sides are CAMEO code prefixes ("AZE" matches "AZEGOV"); the
 * period compares event dates as text, so "2020-10" (an event dated to the month) lies
 * between "2020-10" and "2020-10-31" but before "2020-10-01". */
#ifndef DYAD_REPORT_H
#define DYAD_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "store.h"

#define DYAD_REPORT_MAX_ROOTS 20

typedef struct {
    const char *actor;              /* --actor CODE, or NULL */
    const char *dyad_a, *dyad_b;    /* --dyad A:B (both directions are shown), or NULL */
    const char *from, *to;          /* inclusive bounds on event_date, or NULL */
    const char *roots[DYAD_REPORT_MAX_ROOTS]; /* --root: two-digit CAMEO roots */
    int nroots;
    long max_events;                /* rows of the events table (the rest are counted) */
    int max_mentions;               /* evidence sentences shown per event */
    const char *store_label;        /* the store as the header names it (no password) */
    const char *codes_file;         /* cameo.codes, for code names; NULL or unreadable: none */
    const char *made_at;            /* the time of the run, e.g. "2026-12-07 14:00 UTC" */
} dyad_report_opts;

/* The defaults: no filter, 1,000 table rows, 3 sentences per event. */
dyad_report_opts dyad_report_default_opts(void);

/* Checks an actor code given as a filter: upper-case letters and digits, 1 to 31 of them
 * (it is upper-cased in place). Returns 0, or -1 with a message in err. */
int dyad_report_check_actor(char *code, char *err, size_t errlen);

/* Queries the store and writes the page to out. Returns 0, or -1 with a one-line message
 * in err (a failed query, or a write error on out). */
int dyad_report_write(dyad_store *st, const dyad_report_opts *o, FILE *out, char *err,
                      size_t errlen);

#endif
