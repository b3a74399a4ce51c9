/* store_pg.c - the PostgreSQL backend (libpq): the URL is handed to PQconnectdb; ? placeholders
 * become $1, $2, ...; each statement is prepared once per connection and reused. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

enum { STMT_CACHE = 48 };

typedef struct {
    char *sql[STMT_CACHE];     /* the statement as the caller wrote it */
    int next;
    unsigned long serial;      /* names of prepared statements: dyad_s<serial> */
    unsigned long name[STMT_CACHE];
} stmt_cache;

static PGconn *conn_of(dyad_store *st) { return st->handle; }

/* PostgreSQL's message is several lines; the first is the one that says what went wrong. */
static void set_err(char *err, size_t errlen, const char *msg)
{
    if (!err || !errlen)
        return;
    snprintf(err, errlen, "postgresql: %s", msg && *msg ? msg : "error");
    char *nl = strchr(err, '\n');
    if (nl)
        *nl = 0;
}

static int pg_exec(dyad_store *st, const char *sql, char *err, size_t errlen)
{
    PGresult *r = PQexec(conn_of(st), sql);
    ExecStatusType s = PQresultStatus(r);
    int ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
    if (!ok)
        set_err(err, errlen, PQerrorMessage(conn_of(st)));
    PQclear(r);
    return ok ? 0 : -1;
}

/* sql with each ? outside quotes replaced by $n; NULL when out of memory. */
static char *numbered(const char *sql)
{
    size_t n = strlen(sql), q = 0;
    for (size_t i = 0; i < n; i++)
        q += sql[i] == '?';
    char *out = malloc(n + q * 6 + 1), *o = out;
    if (!out)
        return NULL;
    int arg = 0;
    char quote = 0;
    for (const char *p = sql; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '?') {
            o += sprintf(o, "$%d", ++arg);
            continue;
        }
        *o++ = *p;
    }
    *o = 0;
    return out;
}

/* The name of sql's prepared statement, preparing it when new; NULL after an error. */
static const char *prepared(dyad_store *st, const char *sql, int nparams, char *name, size_t cap,
                            char *err, size_t errlen)
{
    stmt_cache *c = st->cache;
    int hit = store_cache_find(c->sql, STMT_CACHE, sql);
    if (hit >= 0) {
        snprintf(name, cap, "dyad_s%lu", c->name[hit]);
        return name;
    }
    char *text = numbered(sql), *copy = strdup(sql);
    if (!text || !copy) {
        free(text);
        free(copy);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    unsigned long id = ++c->serial;
    snprintf(name, cap, "dyad_s%lu", id);
    PGresult *r = PQprepare(conn_of(st), name, text, nparams, NULL);
    free(text);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) {
        set_err(err, errlen, PQerrorMessage(conn_of(st)));
        free(copy);
        return NULL;
    }
    int evict, slot = store_cache_slot(c->sql, STMT_CACHE, &c->next, &evict);
    if (evict) {
        char drop[64];
        snprintf(drop, sizeof drop, "DEALLOCATE dyad_s%lu", c->name[slot]);
        PQclear(PQexec(conn_of(st), drop));
        free(c->sql[slot]);
    }
    c->sql[slot] = copy;
    c->name[slot] = id;
    return name;
}

static int pg_query(dyad_store *st, const char *sql, const char *const *params, int nparams,
                    dyad_store_row_fn fn, void *ud, char *err, size_t errlen)
{
    char name[32];
    if (!prepared(st, sql, nparams, name, sizeof name, err, errlen))
        return -1;
    PGresult *r = PQexecPrepared(conn_of(st), name, nparams, params, NULL, NULL, 0);
    ExecStatusType s = PQresultStatus(r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        set_err(err, errlen, PQerrorMessage(conn_of(st)));
        PQclear(r);
        return -1;
    }
    int nrows = PQntuples(r), ncol = PQnfields(r);
    const char *vals[64];
    if (ncol > 64)
        ncol = 64;
    for (int i = 0; fn && i < nrows; i++) {
        for (int j = 0; j < ncol; j++)
            vals[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
        if (fn(ud, ncol, vals))
            break;
    }
    PQclear(r);
    return 0;
}

static void pg_close(dyad_store *st)
{
    stmt_cache *c = st->cache;
    if (c) {
        for (int i = 0; i < STMT_CACHE; i++)
            free(c->sql[i]);
        free(c);
    }
    PQfinish(conn_of(st));
}

static void quiet_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static const store_ops pg_ops = {"postgresql", pg_exec, pg_query, pg_close};

int store_pg_open(dyad_store *st, const char *url, int readonly, char *err, size_t errlen)
{
    PGconn *conn = PQconnectdb(url);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        char e[512];
        set_err(e, sizeof e, conn ? PQerrorMessage(conn) : "out of memory");
        snprintf(err, errlen, "cannot connect to the store: %s", e);
        PQfinish(conn);
        return -1;
    }
    PQsetNoticeProcessor(conn, quiet_notice, NULL);
    st->handle = conn;
    st->ops = &pg_ops;
    st->cache = calloc(1, sizeof(stmt_cache));
    if (!st->cache) {
        PQfinish(conn);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (readonly && pg_exec(st, "SET default_transaction_read_only = on", err, errlen) != 0) {
        pg_close(st);
        return -1;
    }
    return 0;
}
