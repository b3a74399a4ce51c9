/* store_int.h - what the store's modules share: the backend interface behind dyad_store.
 *
 * A backend runs SQL with ? placeholders bound to text parameters (the PostgreSQL backend
 * numbers them $1, $2, ...) and hands each result row to a callback as strings. Every
 * module above it (schema, ingest, query, export) speaks this SQL only, so that both
 * backends behave the same; where the dialects differ (DDL, full-text search) the caller
 * asks dyad_store_backend and writes each dialect's text. */
#ifndef DYAD_STORE_INT_H
#define DYAD_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

typedef struct {
    const char *name;  /* "sqlite" or "postgresql" */
    /* Runs one or more statements without parameters or results. */
    int (*exec)(dyad_store *st, const char *sql, char *err, size_t errlen);
    /* Runs one statement (any kind) with parameters; fn may be NULL. */
    int (*query)(dyad_store *st, const char *sql, const char *const *params, int nparams,
                 dyad_store_row_fn fn, void *ud, char *err, size_t errlen);
    void (*close)(dyad_store *st);
} store_ops;

struct dyad_store {
    const store_ops *ops;
    void *handle;        /* sqlite3 * or PGconn * */
    void *cache;         /* the backend's prepared statements */
    int readonly;
    int in_tx;           /* a write transaction is open (ingest.c) */
    int64_t *touched;    /* events whose counts need recomputing at commit (ingest.c) */
    size_t ntouched, touched_cap;
};

/* The backends: open a connection into st (handle, ops); 0 or -1 with err. */
int store_sqlite_open(dyad_store *st, const char *path, int readonly, char *err, size_t errlen);
int store_pg_open(dyad_store *st, const char *url, int readonly, char *err, size_t errlen);

/* The backends' caches of prepared statements: n slots, each a statement's SQL (NULL: free).
 * store_cache_find: the slot holding sql, or -1. store_cache_slot: a free slot, else the
 * oldest (*next, which moves on) with *evict set: the caller frees what it held. */
int store_cache_find(char *const *sqls, int n, const char *sql);
int store_cache_slot(char *const *sqls, int n, int *next, int *evict);

/* Shorthands for st->ops. */
int store_exec(dyad_store *st, const char *sql, char *err, size_t errlen);
int store_query(dyad_store *st, const char *sql, const char *const *params, int nparams,
                dyad_store_row_fn fn, void *ud, char *err, size_t errlen);

/* Creates the schema or brings it to the latest version (schema.c). */
int store_migrate(dyad_store *st, char *err, size_t errlen);
/* The latest version's index statements on events (no IF NOT EXISTS). */
const char *store_event_indexes_sql(void);
/* Checks that a store opened read-only has a schema this dyad reads. */
int store_check_version(dyad_store *st, char *err, size_t errlen);

/* Row callback that copies the first value of the first row into a buffer (ud: store_cell). */
typedef struct {
    char *buf;
    size_t cap;
    int found;
} store_cell;
int store_first_cell(void *ud, int ncol, const char *const *values);

#endif
