/* store.h - dyad's event store: documents, mentions and deduplicated events, kept in an
 * embedded SQLite file (the default) or a PostgreSQL server, with the same schema.
 *
 * In:  coded events (dyad_event, or dyad event JSON lines) with their documents.
 * Out: rows for `dyad query`, `dyad export` and `dyad report`.
 *
 * Schema (version 1; table dyad_meta holds key 'schema_version'):
 *
 *   documents(doc_id TEXT PRIMARY KEY, doc_date TEXT,   -- 'YYYY-MM-DD' or ''
 *             publisher TEXT, url TEXT, title TEXT, ingested_at TEXT)
 *   events(event_id BIGINT PRIMARY KEY,
 *          event_date TEXT NOT NULL,                   -- 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or ''
 *          day INTEGER, month INTEGER, year INTEGER,   -- YYYYMMDD, YYYYMM, YYYY; 0 unknown
 *          source TEXT NOT NULL, target TEXT NOT NULL, -- CAMEO actor codes, '' none
 *          code TEXT NOT NULL, root TEXT NOT NULL,     -- '0231', '02'
 *          quad_class INTEGER, goldstein REAL,
 *          num_mentions INTEGER, num_sources INTEGER, num_docs INTEGER,
 *          first_seen TEXT, last_seen TEXT)            -- document dates, 'YYYY-MM-DD'
 *   mentions(mention_id BIGINT PRIMARY KEY, event_id BIGINT NOT NULL,
 *            doc_id TEXT NOT NULL, sent INTEGER NOT NULL, sentence TEXT,
 *            source_text TEXT, verb_text TEXT, target_text TEXT)   -- the spans' words
 *
 * More columns and tables may follow (the store's own migrations); the ones above keep
 * their names and meaning. Events are deduplicated on (event_date, source, target, code)
 * with --dedup day (the default); with --dedup none every mention is its own event. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <stddef.h>

typedef struct dyad_store dyad_store;

/* Opens (and creates or migrates, unless readonly) a store. url: NULL for $DYAD_DB, else
 * "dyad.db" in the current folder; "postgresql://..." or "postgres://..." for a
 * PostgreSQL server (libpq); "sqlite:PATH" or a plain path for SQLite. On failure returns
 * NULL with a one-line message in err. */
dyad_store *dyad_store_open(const char *url, int readonly, char *err, size_t errlen);
void dyad_store_close(dyad_store *st);

/* "sqlite" or "postgresql". */
const char *dyad_store_backend(const dyad_store *st);

/* Runs one read-only statement in SQL both backends accept, with ? placeholders bound in
 * order to params (text; NULL is SQL NULL). Calls fn once per row with the row's ncol
 * values as strings (NULL for SQL NULL); a non-zero return from fn stops the query.
 * Returns 0, or -1 with a one-line message in err. */
typedef int (*dyad_store_row_fn)(void *ud, int ncol, const char *const *values);
int dyad_store_select(dyad_store *st, const char *sql, const char *const *params, int nparams,
                      dyad_store_row_fn fn, void *ud, char *err, size_t errlen);

/* ---------------------------------------------------------------- writing (ingest.c) */

/* A document as stored; fields may be NULL or "" when unknown. */
typedef struct {
    const char *doc_id, *doc_date, *publisher, *url, *title;
} dyad_store_doc;

/* One coded sentence-level event of a document. Strings may be NULL ("" stored). */
typedef struct {
    int sent;
    const char *event_date;                  /* 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or "" */
    const char *source, *target, *code, *root;
    int quad_class;
    double goldstein;
    const char *sentence, *source_text, *verb_text, *target_text;
    const char *source_span, *verb_span, *target_span; /* "start:end" byte offsets, "" none */
} dyad_store_mention;

enum { DYAD_DEDUP_DAY = 0, DYAD_DEDUP_NONE = 1 };

/* Opens a write transaction (one batch). */
int dyad_store_begin(dyad_store *st, char *err, size_t errlen);
/* Stores a document and its mentions inside the open batch. replace=1 first removes every
 * mention the document had (a re-ingest); replace=0 adds to them. Each mention joins the
 * event with its (event_date, source, target, code) under DYAD_DEDUP_DAY, or becomes its
 * own event under DYAD_DEDUP_NONE. */
int dyad_store_put(dyad_store *st, const dyad_store_doc *doc, int replace, const dyad_store_mention *m,
                   size_t n, int dedup, char *err, size_t errlen);
/* Recomputes the counts (num_mentions, num_sources, num_docs, first_seen, last_seen) of every
 * event the batch touched, drops events left without mentions, and commits. */
int dyad_store_commit(dyad_store *st, char *err, size_t errlen);
/* Abandons the open batch. */
void dyad_store_rollback(dyad_store *st);

/* Adds n synthetic events (no mentions) in one transaction, for benchmarks and index
 * tests (generate.c). */
int dyad_store_generate(dyad_store *st, long n, char *err, size_t errlen);

#endif
