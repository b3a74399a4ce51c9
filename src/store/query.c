/* query.c - filters and aggregations over the events table (see query.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

static int is_pg(const dyad_store *st) { return !strcmp(dyad_store_backend(st), "postgresql"); }

/* 'YYYY-MM-DD' or 'YYYYMMDD' as the number YYYYMMDD; -1 if neither. */
static long day_number(const char *s)
{
    int y, m, d;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 ||
        (strlen(s) == 8 && sscanf(s, "%4d%2d%2d%c", &y, &m, &d, &tail) == 3))
        if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
            return (y * 100L + m) * 100 + d;
    return -1;
}

static const char *const groupings[] = {"day", "week", "month", "year", "dyad", "source", "target",
                                        "code", "root", "source-year", NULL};

int dyad_query_check(const dyad_query *q, char *err, size_t errlen)
{
    if (q->from && day_number(q->from) < 0) {
        snprintf(err, errlen, "--from %s: want YYYY-MM-DD", q->from);
        return -1;
    }
    if (q->to && day_number(q->to) < 0) {
        snprintf(err, errlen, "--to %s: want YYYY-MM-DD", q->to);
        return -1;
    }
    if (q->quad < 0 || q->quad > 4) {
        snprintf(err, errlen, "--quad %d: want 1, 2, 3 or 4", q->quad);
        return -1;
    }
    if (q->by) {
        int ok = 0;
        for (int i = 0; groupings[i]; i++)
            ok |= !strcmp(q->by, groupings[i]);
        if (!ok) {
            snprintf(err, errlen, "--by %s: want day, week, month, year, dyad, source, target, code, root or source-year",
                     q->by);
            return -1;
        }
        if (q->mentions) {
            snprintf(err, errlen, "--mentions lists events; it does not go with --by");
            return -1;
        }
    }
    if (q->text && !*q->text) {
        snprintf(err, errlen, "--text needs words");
        return -1;
    }
    return 0;
}

typedef struct {
    char *sql;
    size_t cap, len;
    const char **params;
    int *n;
    char (*buf)[32];   /* scratch strings for derived parameters */
    int nbuf;
} where_b;

static void add(where_b *w, const char *s)
{
    int k = snprintf(w->sql + w->len, w->len < w->cap ? w->cap - w->len : 0, "%s", s);
    w->len += (size_t)k;
}

static void clause(where_b *w, const char *s)
{
    add(w, w->len ? " AND " : " WHERE ");
    add(w, s);
}

static void param(where_b *w, const char *v)
{
    if (*w->n < QUERY_MAX_PARAMS)
        w->params[(*w->n)++] = v;
}

/* The bounds of a code prefix: [p, p with its last byte raised). */
static void prefix_params(where_b *w, const char *p)
{
    char *hi = w->buf[w->nbuf++];
    snprintf(hi, 32, "%s", p);
    size_t n = strlen(hi);
    if (n)
        hi[n - 1]++;
    else
        snprintf(hi, 32, "%s", "\x7f");
    param(w, p);
    param(w, hi);
}

static void prefix(where_b *w, const char *col, const char *p)
{
    char s[96];
    snprintf(s, sizeof s, "(e.%s >= ? AND e.%s < ?)", col, col);
    add(w, s);
    prefix_params(w, p);
}

static void actor_filters(where_b *w, const dyad_query *q)
{
    if (q->actor) {
        clause(w, "(");
        prefix(w, "source", q->actor);
        add(w, " OR ");
        prefix(w, "target", q->actor);
        add(w, ")");
    }
    if (q->source) {
        clause(w, "");
        prefix(w, "source", q->source);
    }
    if (q->target) {
        clause(w, "");
        prefix(w, "target", q->target);
    }
    if (q->dyad_a) {
        clause(w, "((");
        prefix(w, "source", q->dyad_a);
        add(w, " AND ");
        prefix(w, "target", q->dyad_b);
        add(w, ")");
        if (q->undirected) {
            add(w, " OR (");
            prefix(w, "source", q->dyad_b);
            add(w, " AND ");
            prefix(w, "target", q->dyad_a);
            add(w, ")");
        }
        add(w, ")");
    }
}

/* "w1 w2" as an FTS5 query of quoted words (every word required). */
static void fts_words(const char *text, char *out, size_t cap)
{
    size_t o = 0;
    const char *p = text;
    while (*p && o + 8 < cap) {
        while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
            p++;
        if (!*p)
            break;
        out[o++] = '"';
        while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) && o + 4 < cap)
            out[o++] = *p++;
        out[o++] = '"';
        out[o++] = ' ';
    }
    out[o] = 0;
}

int dyad_query_where(const dyad_store *st, const dyad_query *q, char *sql, size_t cap,
                     const char **params, int *nparams, char (*buf)[32])
{
    where_b w = {sql, cap, 0, params, nparams, buf, 0};
    sql[0] = 0;
    actor_filters(&w, q);
    if (q->code) {
        clause(&w, "e.code = ?");
        param(&w, q->code);
    }
    if (q->root) {
        clause(&w, "e.root = ?");
        param(&w, q->root);
    }
    if (q->quad) {
        snprintf(w.buf[w.nbuf], 32, "%d", q->quad);
        clause(&w, "e.quad_class = ?");
        param(&w, w.buf[w.nbuf++]);
    }
    if (q->from) {
        snprintf(w.buf[w.nbuf], 32, "%ld", day_number(q->from));
        clause(&w, "e.day >= ?");
        param(&w, w.buf[w.nbuf++]);
    }
    if (q->to) {
        snprintf(w.buf[w.nbuf], 32, "%ld", day_number(q->to));
        clause(&w, "e.day > 0 AND e.day <= ?");
        param(&w, w.buf[w.nbuf++]);
    }
    if (q->doc) {
        clause(&w, "e.event_id IN (SELECT event_id FROM mentions WHERE doc_id = ?)");
        param(&w, q->doc);
    }
    if (q->text) {
        if (is_pg(st)) {
            clause(&w, "e.event_id IN (SELECT event_id FROM mentions"
                       " WHERE sentence_tsv @@ plainto_tsquery('english', ?))");
            param(&w, q->text);
        } else {
            /* the words, quoted, in the caller's scratch (the last 8 slots) */
            fts_words(q->text, buf[QUERY_MAX_PARAMS], 32 * 8);
            clause(&w, "e.event_id IN (SELECT m.event_id FROM mentions m WHERE m.mention_id IN"
                       " (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?))");
            param(&w, buf[QUERY_MAX_PARAMS]);
        }
    }
    if (w.len >= cap) {
        sql[0] = 0;
        return -1;
    }
    return 0;
}

static const char *const event_cols[] = {
    "event_id", "event_date", "source", "target", "code", "root", "quad_class", "goldstein",
    "num_mentions", "num_sources", "num_docs", "first_seen", "last_seen", NULL};
static const char *const mention_cols[] = {
    "event_id", "event_date", "source", "target", "code", "root", "quad_class", "goldstein",
    "num_mentions", "num_sources", "num_docs", "first_seen", "last_seen",
    "doc_id", "sent", "sentence", "source_text", "verb_text", "target_text", NULL};
#define AGG_COLS(key) \
    {key, "events", "mentions", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4", NULL}
static const char *const agg_cols[][10] = {AGG_COLS("period"), AGG_COLS("dyad"), AGG_COLS("source"),
                                           AGG_COLS("target"), AGG_COLS("code"), AGG_COLS("root"),
                                           AGG_COLS("source-year")};

static int is_period(const char *by);

const char *const *dyad_query_columns(const dyad_query *q)
{
    static const char *const plan_cols[] = {"plan", NULL};
    if (q->explain)
        return plan_cols;
    if (!q->by)
        return q->mentions ? mention_cols : event_cols;
    for (size_t i = 1; i < sizeof agg_cols / sizeof agg_cols[0]; i++)
        if (!strcmp(q->by, agg_cols[i][0]))
            return agg_cols[i];
    return agg_cols[0];
}

static int is_period(const char *by)
{
    return !strcmp(by, "day") || !strcmp(by, "week") || !strcmp(by, "month") || !strcmp(by, "year") ||
           !strcmp(by, "source-year");
}

/* The grouping key's SQL expression. */
static const char *group_key(const dyad_store *st, const char *by)
{
    /* from event_date alone, which the covering actor indexes hold */
    if (!strcmp(by, "day"))
        return "CASE WHEN length(e.event_date) = 10 THEN e.event_date ELSE 'undated' END";
    if (!strcmp(by, "month"))
        return "CASE WHEN length(e.event_date) >= 7 THEN substr(e.event_date, 1, 7) ELSE 'undated' END";
    if (!strcmp(by, "year"))
        return "CASE WHEN length(e.event_date) >= 4 THEN substr(e.event_date, 1, 4) ELSE 'undated' END";
    if (!strcmp(by, "week")) /* the Monday that starts the week */
        return is_pg(st) ? "CASE WHEN length(e.event_date) = 10 THEN to_char(date_trunc('week', e.event_date::date),"
                           " 'YYYY-MM-DD') ELSE 'undated' END"
                         : "CASE WHEN length(e.event_date) = 10 THEN date(e.event_date, '-' ||"
                           " ((CAST(strftime('%w', e.event_date) AS INTEGER) + 6) % 7) || ' days')"
                           " ELSE 'undated' END";
    if (!strcmp(by, "dyad"))
        return "e.source || '->' || e.target";
    if (!strcmp(by, "source-year")) /* the country-year panel: the source's first three letters */
        return "substr(e.source, 1, 3) || ' ' || CASE WHEN length(e.event_date) >= 4 THEN substr(e.event_date, 1, 4)"
               " ELSE 'undated' END";
    if (!strcmp(by, "source"))
        return "e.source";
    if (!strcmp(by, "target"))
        return "e.target";
    if (!strcmp(by, "code"))
        return "e.code";
    return "e.root";
}

#define AGGREGATES                                                                             \
    "count(*) AS c, sum(e.num_mentions) AS m, sum(e.goldstein) AS g,"                           \
    " sum(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END) AS q1,"                                  \
    " sum(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END) AS q2,"                                  \
    " sum(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END) AS q3,"                                  \
    " sum(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) AS q4"

/* --actor A counted: the events with source A, then those with target A and another source,
 * each half counted on its own covering index range and the two sets of counts added up (an
 * OR of the two ranges makes the backend merge row ids; a UNION ALL of rows feeds every row
 * through a second pass). sql gets the statement, params the parameters of both halves. */
static int actor_counts(const dyad_store *st, const dyad_query *q, const char *head, const char *order,
                        char *sql, size_t cap, const char **params, int *n, char (*buf)[32])
{
    dyad_query rest = *q;
    rest.actor = NULL;
    char where[4096];
    const char *rp[QUERY_MAX_PARAMS];
    int nr = 0;
    if (dyad_query_where(st, &rest, where, sizeof where, rp, &nr, buf + 2) != 0) /* buf: QUERY_SCRATCH + 2 rows */
        return -1;
    const char *and_rest = where[0] ? where + 6 : "";   /* past " WHERE" */
    snprintf(buf[0], 32, "%s", q->actor);
    size_t l = strlen(buf[0]);
    if (l)
        buf[0][l - 1]++;
    const char *key = group_key(st, q->by), *a = *and_rest ? " AND" : "";
    int k = snprintf(sql, cap,
                     "%sSELECT k, sum(c), sum(m), sum(g), sum(g) / sum(c), sum(q1), sum(q2), sum(q3), sum(q4)"
                     " FROM (SELECT %s AS k, " AGGREGATES " FROM events e"
                     " WHERE e.source >= ? AND e.source < ?%s%s GROUP BY 1"
                     " UNION ALL SELECT %s AS k, " AGGREGATES " FROM events e"
                     " WHERE e.target >= ? AND e.target < ? AND NOT (e.source >= ? AND e.source < ?)%s%s"
                     " GROUP BY 1) s GROUP BY k ORDER BY %s",
                     head, key, a, and_rest, key, a, and_rest, order);
    if (k < 0 || (size_t)k >= cap)
        return -1;
    *n = 0;
    params[(*n)++] = q->actor;
    params[(*n)++] = buf[0];
    for (int i = 0; i < nr; i++)
        params[(*n)++] = rp[i];
    for (int i = 0; i < 2; i++) {
        params[(*n)++] = q->actor;
        params[(*n)++] = buf[0];
    }
    for (int i = 0; i < nr; i++)
        params[(*n)++] = rp[i];
    return 0;
}

/* The counts of one group, in the order of the --by columns. */
#define AGGREGATES_LIST                                                                        \
    "count(*), sum(e.num_mentions), sum(e.goldstein), avg(e.goldstein),"                       \
    " sum(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END),"                                        \
    " sum(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END),"                                        \
    " sum(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END),"                                        \
    " sum(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END)"

/* Numbers printed the same way whichever backend computed them. */
typedef struct {
    dyad_store_row_fn fn;
    void *ud;
    int gold_col, sum_col, mean_col;
    int explain;
} fmt_ctx;

static int format_row(void *ud, int ncol, const char *const *values)
{
    fmt_ctx *f = ud;
    if (f->explain) /* SQLite: id, parent, notused, detail; PostgreSQL: one line */
        return ncol ? f->fn(f->ud, 1, &values[ncol - 1]) : 0;
    const char *v[64];
    char g[3][40];
    int cols[3] = {f->gold_col, f->sum_col, f->mean_col};
    const char *fmt[3] = {"%.1f", "%.2f", "%.2f"};
    for (int i = 0; i < ncol && i < 64; i++)
        v[i] = values[i];
    for (int k = 0; k < 3; k++) {
        int c = cols[k];
        if (c >= 0 && c < ncol && values[c]) {
            double d = strtod(values[c], NULL);
            snprintf(g[k], sizeof g[k], fmt[k], d + 0.0);
            if (!strcmp(g[k], "-0.0") || !strcmp(g[k], "-0.00"))
                memmove(g[k], g[k] + 1, strlen(g[k]));
            v[c] = g[k];
        }
    }
    return f->fn(f->ud, ncol, v);
}

int dyad_query_run(dyad_store *st, const dyad_query *q, dyad_store_row_fn fn, void *ud, char *err,
                   size_t errlen)
{
    if (dyad_query_check(q, err, errlen) != 0)
        return -1;
    char where[4096], buf[QUERY_SCRATCH + 2][32], sql[16384], tail[64] = "";
    const char *params[QUERY_MAX_PARAMS];
    int n = 0;
    if (dyad_query_where(st, q, where, sizeof where, params, &n, buf) != 0) {
        snprintf(err, errlen, "query too long");
        return -1;
    }
    if (q->limit > 0)
        snprintf(tail, sizeof tail, " LIMIT %ld", q->limit);
    fmt_ctx f = {fn, ud, -1, -1, -1, q->explain};
    const char *explain = !q->explain ? "" : is_pg(st) ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
    const char *all[2 * QUERY_MAX_PARAMS + 4];
    if (q->by) {
        const char *key = group_key(st, q->by), *order = is_period(q->by) ? "1" : "2 DESC, 1";
        f.sum_col = 3;
        f.mean_col = 4;
        if (q->actor) {
            char order_tail[96];
            snprintf(order_tail, sizeof order_tail, "%s%s", order, tail);
            if (actor_counts(st, q, explain, order_tail, sql, sizeof sql, all, &n, buf) != 0) {
                snprintf(err, errlen, "query too long");
                return -1;
            }
            return dyad_store_select(st, sql, all, n, format_row, &f, err, errlen);
        }
        snprintf(sql, sizeof sql,
                 "%sSELECT %s AS %s, " AGGREGATES_LIST " FROM events e%s GROUP BY 1 ORDER BY %s%s",
                 explain, key, is_period(q->by) && strcmp(q->by, "source-year") ? "period" : "k", where, order, tail);
    } else {
        snprintf(sql, sizeof sql,
                 "%sSELECT e.event_id, e.event_date, e.source, e.target, e.code, e.root, e.quad_class,"
                 " e.goldstein, e.num_mentions, e.num_sources, e.num_docs, e.first_seen, e.last_seen%s"
                 " FROM events e%s%s ORDER BY e.event_date, e.source, e.target, e.code, e.event_id%s%s",
                 explain, q->mentions ? ", m.doc_id, m.sent, m.sentence, m.source_text, m.verb_text, m.target_text" : "",
                 q->mentions ? " JOIN mentions m ON m.event_id = e.event_id" : "", where,
                 q->mentions ? ", m.doc_id, m.sent, m.mention_id" : "", tail);
        f.gold_col = 7;
    }
    return dyad_store_select(st, sql, params, n, format_row, &f, err, errlen);
}
