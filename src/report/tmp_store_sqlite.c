/* tmp_store_sqlite.c - TEMPORARY minimal SQLite implementation of src/store/store.h (read side
 * only), used by the report branch until the store branch is merged. Delete on merge. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

struct dyad_store {
    sqlite3 *db;
};

dyad_store *dyad_store_open(const char *url, int readonly, char *err, size_t errlen)
{
    if (!url)
        url = getenv("DYAD_DB");
    if (!url || !*url)
        url = "dyad.db";
    if (!strncmp(url, "sqlite:", 7))
        url += 7;
    dyad_store *st = calloc(1, sizeof *st);
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (!st || sqlite3_open_v2(url, &st->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", url, st && st->db ? sqlite3_errmsg(st->db) : "out of memory");
        if (st)
            sqlite3_close(st->db);
        free(st);
        return NULL;
    }
    return st;
}

void dyad_store_close(dyad_store *st)
{
    if (st) {
        sqlite3_close(st->db);
        free(st);
    }
}

const char *dyad_store_backend(const dyad_store *st)
{
    (void)st;
    return "sqlite";
}

int dyad_store_select(dyad_store *st, const char *sql, const char *const *params, int nparams,
                      dyad_store_row_fn fn, void *ud, char *err, size_t errlen)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
        return -1;
    }
    for (int i = 0; i < nparams; i++)
        sqlite3_bind_text(s, i + 1, params[i], -1, SQLITE_STATIC);
    int rc, ncol = sqlite3_column_count(s);
    const char *vals[64];
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        for (int c = 0; c < ncol && c < 64; c++)
            vals[c] = (const char *)sqlite3_column_text(s, c);
        if (fn(ud, ncol, vals))
            break;
    }
    int bad = rc != SQLITE_ROW && rc != SQLITE_DONE;
    if (bad)
        snprintf(err, errlen, "%s", sqlite3_errmsg(st->db));
    sqlite3_finalize(s);
    return bad ? -1 : 0;
}
