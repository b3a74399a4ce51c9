/* query.h - the store's questions: event filters and aggregations as SQL both backends run.
 *
 * In:  a dyad_query (filters, an optional grouping, options).
 * Out: rows through dyad_store_select's callback, with the columns dyad_query_columns names.
 *
 * Actor filters match a code prefix (AZE matches AZE, AZEGOV, AZEMIL...), written as a
 * range (source >= 'AZE' AND source < 'AZF') so that the (source, target, day) and (target,
 * source, day) indexes answer them. --from/--to compare the event's day (events dated only
 * to a month or year fall outside any date range). --text matches the evidence sentences
 * (SQLite FTS5 with the porter stemmer; PostgreSQL tsvector 'english'), every word required. */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H

#include <stddef.h>

#include "store.h"

typedef struct {
    const char *actor;           /* either side, prefix */
    const char *source, *target; /* prefixes */
    const char *dyad_a, *dyad_b; /* --dyad A:B, prefixes; directed unless undirected */
    int undirected;
    const char *code, *root;     /* exact */
    int quad;                    /* 1-4; 0 any */
    const char *from, *to;       /* 'YYYY-MM-DD' (or YYYYMMDD), inclusive */
    const char *doc;             /* events with a mention in this document */
    const char *text;            /* words of the evidence sentences */
    const char *by;              /* NULL, or day|week|month|year|dyad|source|target|code|root, or
                                  * source-year (the country-year panel: "AZE 2015") */
    int mentions;                /* one row per mention (the event's columns, then the mention's) */
    long limit;                  /* 0: all */
    int explain;                 /* rows: the backend's query plan, one line each */
} dyad_query;

enum { QUERY_MAX_PARAMS = 16, QUERY_SCRATCH = QUERY_MAX_PARAMS + 8 };

/* Checks the query's values (dates, quad, by); 0 or -1 with a message. */
int dyad_query_check(const dyad_query *q, char *err, size_t errlen);

/* The WHERE clause (" WHERE ..." or "") for the events table aliased e, into sql (cap bytes),
 * with its parameters appended to params (at most QUERY_MAX_PARAMS; they point into q and
 * into buf, which has QUERY_SCRATCH rows). */
int dyad_query_where(const dyad_store *st, const dyad_query *q, char *sql, size_t cap,
                     const char **params, int *nparams, char (*buf)[32]);

/* The column names of the query's rows, NULL-terminated. */
const char *const *dyad_query_columns(const dyad_query *q);

/* Runs the query; fn gets each row. */
int dyad_query_run(dyad_store *st, const dyad_query *q, dyad_store_row_fn fn, void *ud, char *err,
                   size_t errlen);

#endif
