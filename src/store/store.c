/* store.c - opening a store: the URL picks the backend, the schema is created or migrated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static int has_prefix(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

dyad_store *dyad_store_open(const char *url, int readonly, char *err, size_t errlen)
{
    if (!url || !*url) {
        url = getenv("DYAD_DB");
        if (!url || !*url)
            url = "dyad.db";
    }
    dyad_store *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    st->readonly = readonly;
    int rc;
    if (has_prefix(url, "postgresql://") || has_prefix(url, "postgres://"))
        rc = store_pg_open(st, url, readonly, err, errlen);
    else
        rc = store_sqlite_open(st, has_prefix(url, "sqlite:") ? url + 7 : url, readonly, err, errlen);
    if (rc != 0) {
        free(st);
        return NULL;
    }
    rc = readonly ? store_check_version(st, err, errlen) : store_migrate(st, err, errlen);
    if (rc != 0) {
        dyad_store_close(st);
        return NULL;
    }
    return st;
}

void dyad_store_close(dyad_store *st)
{
    if (!st)
        return;
    if (st->in_tx)
        store_exec(st, "ROLLBACK", NULL, 0);
    st->ops->close(st);
    free(st->touched);
    free(st);
}

const char *dyad_store_backend(const dyad_store *st) { return st->ops->name; }

int store_exec(dyad_store *st, const char *sql, char *err, size_t errlen)
{
    return st->ops->exec(st, sql, err, errlen);
}

int store_query(dyad_store *st, const char *sql, const char *const *params, int nparams,
                dyad_store_row_fn fn, void *ud, char *err, size_t errlen)
{
    return st->ops->query(st, sql, params, nparams, fn, ud, err, errlen);
}

int dyad_store_select(dyad_store *st, const char *sql, const char *const *params, int nparams,
                      dyad_store_row_fn fn, void *ud, char *err, size_t errlen)
{
    return st->ops->query(st, sql, params, nparams, fn, ud, err, errlen);
}

int store_first_cell(void *ud, int ncol, const char *const *values)
{
    store_cell *c = ud;
    if (ncol > 0 && values[0])
        snprintf(c->buf, c->cap, "%s", values[0]);
    else if (c->cap)
        c->buf[0] = 0;
    c->found = 1;
    return 1;
}

int store_cache_find(char *const *sqls, int n, const char *sql)
{
    for (int i = 0; i < n; i++)
        if (sqls[i] && !strcmp(sqls[i], sql))
            return i;
    return -1;
}

int store_cache_slot(char *const *sqls, int n, int *next, int *evict)
{
    *evict = 0;
    for (int i = 0; i < n; i++)
        if (!sqls[i])
            return i;
    int slot = *next;
    *next = (*next + 1) % n;
    *evict = 1;
    return slot;
}
