/* store_sqlite.c - the SQLite backend (Debian's libsqlite3): one file, WAL journal so that
 * readers query while an ingest writes, prepared statements kept for reuse. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

enum { STMT_CACHE = 48 };

typedef struct {
    char *sql[STMT_CACHE];
    sqlite3_stmt *stmt[STMT_CACHE];
    int next;                     /* the slot replaced next when all are used */
} stmt_cache;

static sqlite3 *db_of(dyad_store *st) { return st->handle; }

static void set_err(dyad_store *st, char *err, size_t errlen, const char *what)
{
    if (err && errlen)
        snprintf(err, errlen, "sqlite: %s%s%s", what ? what : "", what ? ": " : "", sqlite3_errmsg(db_of(st)));
}

static int sq_exec(dyad_store *st, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(db_of(st), sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err && errlen)
            snprintf(err, errlen, "sqlite: %s", msg ? msg : "error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* The prepared statement for sql, from the cache or newly prepared into it. */
static sqlite3_stmt *prepared(dyad_store *st, const char *sql, char *err, size_t errlen)
{
    stmt_cache *c = st->cache;
    int hit = store_cache_find(c->sql, STMT_CACHE, sql);
    if (hit >= 0)
        return c->stmt[hit];
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v3(db_of(st), sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
        set_err(st, err, errlen, NULL);
        return NULL;
    }
    char *copy = strdup(sql);
    if (!copy) {
        sqlite3_finalize(s);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    int evict, slot = store_cache_slot(c->sql, STMT_CACHE, &c->next, &evict);
    if (evict) {
        sqlite3_finalize(c->stmt[slot]);
        free(c->sql[slot]);
    }
    c->sql[slot] = copy;
    c->stmt[slot] = s;
    return s;
}

static int sq_query(dyad_store *st, const char *sql, const char *const *params, int nparams,
                    dyad_store_row_fn fn, void *ud, char *err, size_t errlen)
{
    sqlite3_stmt *s = prepared(st, sql, err, errlen);
    if (!s)
        return -1;
    if (sqlite3_bind_parameter_count(s) != nparams) {
        snprintf(err, errlen, "sqlite: statement wants %d parameters, %d given",
                 sqlite3_bind_parameter_count(s), nparams);
        return -1;
    }
    for (int i = 0; i < nparams; i++) {
        int rc = params[i] ? sqlite3_bind_text(s, i + 1, params[i], -1, SQLITE_TRANSIENT)
                           : sqlite3_bind_null(s, i + 1);
        if (rc != SQLITE_OK) {
            set_err(st, err, errlen, "bind");
            sqlite3_reset(s);
            return -1;
        }
    }
    int ncol = sqlite3_column_count(s);
    const char *vals[64];
    if (ncol > 64)
        ncol = 64;
    int rc, status = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (!fn)
            continue;
        for (int i = 0; i < ncol; i++)
            vals[i] = (const char *)sqlite3_column_text(s, i);
        if (fn(ud, ncol, vals))
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        set_err(st, err, errlen, NULL);
        status = -1;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return status;
}

static void sq_close(dyad_store *st)
{
    stmt_cache *c = st->cache;
    if (c) {
        for (int i = 0; i < STMT_CACHE; i++) {
            sqlite3_finalize(c->stmt[i]);
            free(c->sql[i]);
        }
        free(c);
    }
    sqlite3_close(db_of(st));
}

static const store_ops sqlite_ops = {"sqlite", sq_exec, sq_query, sq_close};

int store_sqlite_open(dyad_store *st, const char *path, int readonly, char *err, size_t errlen)
{
    sqlite3 *db = NULL;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: cannot open the store: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return -1;
    }
    st->handle = db;
    st->ops = &sqlite_ops;
    st->cache = calloc(1, sizeof(stmt_cache));
    if (!st->cache) {
        sqlite3_close(db);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    sqlite3_busy_timeout(db, 30000);
    /* WAL: readers see the last committed batch while an ingest writes the next one;
     * synchronous=NORMAL keeps every commit atomic (a kill loses at most the open batch) and
     * syncs at checkpoints only, which a 40 MB log makes rare. */
    const char *pragmas = readonly ? "PRAGMA query_only=1; PRAGMA cache_size=-65536;"
                                   : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                     "PRAGMA wal_autocheckpoint=10000; PRAGMA cache_size=-65536;";
    char e2[512];
    if (sq_exec(st, pragmas, e2, sizeof e2) != 0) {
        snprintf(err, errlen, "%s: %s", path, e2);
        sq_close(st);
        return -1;
    }
    return 0;
}
