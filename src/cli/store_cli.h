/* store_cli.h - what the store's commands (ingest, query, export) share. */
#ifndef DYAD_STORE_CLI_H
#define DYAD_STORE_CLI_H

#include <stddef.h>

#include "query.h"
#include "store.h"

/* A set of strings (document ids seen in a run). */
typedef struct {
    char **slot;
    size_t cap, n;
} seen_set;
/* Adds s: 1 when new, 0 when already there, -1 when out of memory. */
int seen_add(seen_set *s, const char *key);
void seen_free(seen_set *s);

/* The store's name for messages: the URL without its password, or the SQLite path. */
const char *store_display_name(const char *url);

/* count(*) of a table (a fixed name) as text into out; 0 or -1 with err. */
int store_count(dyad_store *st, const char *table, char *out, size_t cap, char *err, size_t errlen);

/* One option of the store's filters (--db, --actor, --source, --target, --dyad, --undirected,
 * --code, --root, --quad, --from, --to, --doc, --text, --limit): returns the number of argv
 * words used (1 or 2), 0 when a is not one of them, -1 after a message on stderr. */
int store_filter_opt(dyad_query *q, const char **db, const char *a, const char *v);

/* The filters' help lines. */
/* The filters every store command takes, as help.c shows them for query and export. */
#define STORE_FILTER_HELP \
    "  --db URL              the store: a SQLite file (default $DYAD_DB, else dyad.db) or\n" \
    "                        postgresql://user@host/dbname\n" \
    "  --actor CODE          either side; a prefix (AZE matches AZEGOV)\n" \
    "  --source CODE, --target CODE    one side, prefixes\n" \
    "  --dyad A:B            source A, target B (prefixes); --undirected: either way\n" \
    "  --code CODE, --root RR, --quad 1-4\n" \
    "  --from YYYY-MM-DD, --to YYYY-MM-DD    event days, inclusive\n" \
    "  --doc ID              events with a mention in this document\n" \
    "  --text WORDS          events whose evidence sentences hold every word\n" \
    "  --limit N             at most N rows\n"


#endif
