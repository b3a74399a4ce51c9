/* report_data.c - the report's queries: every figure aggregated in SQL (SQLite and
 * PostgreSQL both accept each statement), collected into one JSON object. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

#define TOP_N 15     /* bars in the top actors and top codes charts */
#define EDGES_N 40   /* dyads in the network */

dyad_report_opts dyad_report_default_opts(void)
{
    dyad_report_opts o;
    memset(&o, 0, sizeof o);
    o.max_events = 1000;
    o.max_mentions = 3;
    return o;
}

int dyad_report_check_actor(char *code, char *err, size_t errlen)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++) {
        code[i] = (char)toupper((unsigned char)code[i]);
        if (!isalnum((unsigned char)code[i]))
            n = 0;
    }
    if (n == 0 || n > 31) {
        snprintf(err, errlen, "'%s' is not an actor code (letters and digits, e.g. AZE or USAGOV)",
                 code);
        return -1;
    }
    return 0;
}

static void add_param(rp_filter *f, const char *p)
{
    if (f->n < RP_MAX_PARAMS)
        f->params[f->n++] = p;
}

static const char *pattern(rp_filter *f, int i, const char *code)
{
    snprintf(f->patterns[i], sizeof f->patterns[i], "%s%%", code);
    return f->patterns[i];
}

void rp_filter_build(rp_filter *f, const dyad_report_opts *o)
{
    memset(f, 0, sizeof *f);
    size_t len = (size_t)snprintf(f->where, sizeof f->where, " WHERE 1=1");
#define CLAUSE(s) len += (size_t)snprintf(f->where + len, sizeof f->where - len, "%s", s)
    if (o->dyad_a && o->dyad_b) {
        const char *a = pattern(f, 0, o->dyad_a), *b = pattern(f, 1, o->dyad_b);
        CLAUSE(" AND ((source LIKE ? AND target LIKE ?) OR (source LIKE ? AND target LIKE ?))");
        add_param(f, a);
        add_param(f, b);
        add_param(f, b);
        add_param(f, a);
    } else if (o->actor) {
        const char *a = pattern(f, 0, o->actor);
        CLAUSE(" AND (source LIKE ? OR target LIKE ?)");
        add_param(f, a);
        add_param(f, a);
    }
    if (o->from) {
        CLAUSE(" AND event_date >= ?");
        add_param(f, o->from);
    }
    if (o->to) {
        CLAUSE(" AND event_date <= ? AND event_date <> ''");
        add_param(f, o->to);
    }
    if (o->nroots > 0) {
        CLAUSE(" AND root IN (");
        for (int i = 0; i < o->nroots; i++) {
            CLAUSE(i ? ",?" : "?");
            add_param(f, o->roots[i]);
        }
        CLAUSE(")");
    }
#undef CLAUSE
}

/* Rows as JSON arrays; types[i]: 's' string (NULL: ""), 'i' integer, 'f' real. */
typedef struct {
    json_t *rows;
    const char *types;
} row_sink;

static json_t *typed_value(char type, const char *v)
{
    if (type == 'i')
        return json_integer(v ? strtoll(v, NULL, 10) : 0);
    if (type == 'f')
        return json_real(v ? strtod(v, NULL) : 0.0);
    return json_string(v ? v : "");
}

static int collect_row(void *ud, int ncol, const char *const *values)
{
    row_sink *s = ud;
    json_t *row = json_array();
    for (int i = 0; i < ncol && s->types[i]; i++)
        json_array_append_new(row, typed_value(s->types[i], values[i]));
    json_array_append_new(s->rows, row);
    return 0;
}

/* Runs sql with the parameters pre[0..npre) followed by the filter's, times_filter times. */
static int run(dyad_store *st, const char *sql, const char *const *pre, int npre,
               const rp_filter *f, int times_filter, dyad_store_row_fn fn, void *ud, char *err,
               size_t errlen)
{
    const char *params[RP_MAX_PARAMS * 3];
    int n = 0;
    for (int i = 0; i < npre; i++)
        params[n++] = pre[i];
    for (int t = 0; t < times_filter; t++)
        for (int i = 0; i < f->n; i++)
            params[n++] = f->params[i];
    return dyad_store_select(st, sql, params, n, fn, ud, err, errlen);
}

static json_t *rows(dyad_store *st, const char *sql, const char *const *pre, int npre,
                    const rp_filter *f, int times_filter, const char *types, char *err,
                    size_t errlen)
{
    row_sink s = {json_array(), types};
    if (run(st, sql, pre, npre, f, times_filter, collect_row, &s, err, errlen) < 0) {
        json_decref(s.rows);
        return NULL;
    }
    return s.rows;
}

/* The timeline: events and Goldstein sum per month (per day when the events span at most
 * three months) and quad class; for a dyad also per direction (0: A -> B, 1: B -> A). */
static json_t *timeline(dyad_store *st, const dyad_report_opts *o, const rp_filter *f,
                        json_t *data, char *err, size_t errlen)
{
    char sql[2048];
    const char *pre[1];
    int npre = 0;
    const char *dir = "0";
    if (o->dyad_a && o->dyad_b) {
        pre[npre++] = f->patterns[0];
        dir = "CASE WHEN source LIKE ? THEN 0 ELSE 1 END";
    }
    static const char *const units[2] = {"month", "day"};
    json_t *t = NULL;
    for (int u = 0; u < 2; u++) {
        snprintf(sql, sizeof sql,
                 "SELECT %s, quad_class, COUNT(*), SUM(goldstein), %s FROM events%s AND %s > 0"
                 " GROUP BY 1, 2, 5 ORDER BY 1, 5, 2",
                 units[u], dir, f->where, units[u]);
        json_decref(t);
        t = rows(st, sql, pre, npre, f, 1, "iiifi", err, errlen);
        if (!t)
            return NULL;
        json_object_set_new(data, "unit", json_string(units[u]));
        size_t i;
        json_t *row;
        long first = 0, last = 0;
        json_array_foreach(t, i, row) {
            long m = (long)json_integer_value(json_array_get(row, 0));
            if (!first)
                first = m;
            last = m;
        }
        long span = (last / 100 * 12 + last % 100) - (first / 100 * 12 + first % 100);
        if (u == 1 || !first || span > 2)
            break;
    }
    return t;
}

/* Top actors: for an actor its counterparts, else the actors on either side. */
static json_t *top_actors(dyad_store *st, const dyad_report_opts *o, const rp_filter *f,
                          char *err, size_t errlen)
{
    char sql[4096];
    if (o->actor && !o->dyad_a) {
        const char *pre[] = {f->patterns[0]};
        snprintf(sql, sizeof sql,
                 "SELECT CASE WHEN source LIKE ? THEN target ELSE source END, COUNT(*),"
                 " SUM(goldstein) FROM events%s GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %d",
                 f->where, TOP_N);
        return rows(st, sql, pre, 1, f, 1, "sif", err, errlen);
    }
    snprintf(sql, sizeof sql,
             "SELECT a, SUM(n), SUM(g) FROM (SELECT source AS a, COUNT(*) AS n,"
             " SUM(goldstein) AS g FROM events%s GROUP BY source UNION ALL"
             " SELECT target, COUNT(*), SUM(goldstein) FROM events%s GROUP BY target) t"
             " WHERE a <> '' GROUP BY a ORDER BY 2 DESC, 1 LIMIT %d",
             f->where, f->where, TOP_N);
    return rows(st, sql, NULL, 0, f, 2, "sif", err, errlen);
}

/* Evidence sentences of the table's events: mentions[event_id] = [[doc, sent, text]...],
 * docs[doc] = [date, publisher, url, title]. */
typedef struct {
    json_t *mentions, *docs;
} mention_sink;

static int collect_mention(void *ud, int ncol, const char *const *v)
{
    mention_sink *s = ud;
    if (ncol < 8)
        return 1;
    const char *id = v[0] ? v[0] : "", *doc = v[1] ? v[1] : "";
    json_t *list = json_object_get(s->mentions, id);
    if (!list) {
        list = json_array();
        json_object_set_new(s->mentions, id, list);
    }
    json_array_append_new(list, json_pack("[sIs]", doc, v[2] ? strtoll(v[2], NULL, 10) : 0,
                                          v[3] ? v[3] : ""));
    if (!json_object_get(s->docs, doc))
        json_object_set_new(s->docs, doc,
                            json_pack("[ssss]", v[7] ? v[7] : "", v[6] ? v[6] : "",
                                      v[4] ? v[4] : "", v[5] ? v[5] : ""));
    return 0;
}

static int table(dyad_store *st, const dyad_report_opts *o, const rp_filter *f, json_t *data,
                 char *err, size_t errlen)
{
    char sql[4096], limit[96];
    snprintf(limit, sizeof limit, " ORDER BY event_date DESC, event_id DESC LIMIT %ld",
             o->max_events);
    snprintf(sql, sizeof sql,
             "SELECT event_id, event_date, source, target, code, quad_class, goldstein,"
             " num_mentions, num_sources, num_docs FROM events%s%s",
             f->where, limit);
    json_t *ev = rows(st, sql, NULL, 0, f, 1, "sssssifiii", err, errlen);
    if (!ev)
        return -1;
    json_object_set_new(data, "events", ev);
    mention_sink s = {json_object(), json_object()};
    json_object_set_new(data, "mentions", s.mentions);
    json_object_set_new(data, "docs", s.docs);
    snprintf(sql, sizeof sql,
             "SELECT x.event_id, x.doc_id, x.sent, x.sentence, x.url, x.title, x.publisher,"
             " x.doc_date FROM (SELECT m.event_id, m.doc_id, m.sent, m.sentence, d.url,"
             " d.title, d.publisher, d.doc_date, ROW_NUMBER() OVER (PARTITION BY m.event_id"
             " ORDER BY m.mention_id) AS rn FROM mentions m LEFT JOIN documents d ON"
             " d.doc_id = m.doc_id WHERE m.event_id IN (SELECT event_id FROM events%s%s)) x"
             " WHERE x.rn <= %d ORDER BY x.event_id, x.rn",
             f->where, limit, o->max_mentions);
    return run(st, sql, NULL, 0, f, 1, collect_mention, &s, err, errlen);
}

static int figures(dyad_store *st, const dyad_report_opts *o, const rp_filter *f, json_t *data,
                   char *err, size_t errlen)
{
    char sql[4096];
    snprintf(sql, sizeof sql,
             "SELECT COUNT(*), COALESCE(SUM(num_mentions), 0), COALESCE(SUM(goldstein), 0),"
             " MIN(NULLIF(event_date, '')), MAX(NULLIF(event_date, '')),"
             " SUM(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END),"
             " SUM(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),"
             " SUM(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END),"
             " SUM(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END),"
             " SUM(CASE WHEN event_date = '' THEN 1 ELSE 0 END) FROM events%s",
             f->where);
    json_t *t = rows(st, sql, NULL, 0, f, 1, "iifssiiiii", err, errlen);
    if (!t)
        return -1;
    json_object_set_new(data, "totals", json_incref(json_array_get(t, 0)));
    json_decref(t);
    if (f->n == 0)   /* no filter: every mention counts (no list of events to build) */
        snprintf(sql, sizeof sql, "SELECT COUNT(DISTINCT doc_id) FROM mentions");
    else
        snprintf(sql, sizeof sql,
                 "SELECT COUNT(DISTINCT doc_id) FROM mentions WHERE event_id IN"
                 " (SELECT event_id FROM events%s)", f->where);
    if (!(t = rows(st, sql, NULL, 0, f, 1, "i", err, errlen)))
        return -1;
    json_object_set_new(data, "ndocs", json_incref(json_array_get(json_array_get(t, 0), 0)));
    json_decref(t);
    snprintf(sql, sizeof sql,
             "SELECT code, MIN(quad_class), COUNT(*), SUM(goldstein) FROM events%s"
             " GROUP BY code ORDER BY 3 DESC, 1 LIMIT %d", f->where, TOP_N);
    if (!(t = rows(st, sql, NULL, 0, f, 1, "siif", err, errlen)))
        return -1;
    json_object_set_new(data, "codes", t);
    snprintf(sql, sizeof sql,
             "SELECT source, target, COUNT(*), AVG(goldstein) FROM events%s AND source <> ''"
             " AND target <> '' GROUP BY source, target ORDER BY 3 DESC, 1, 2 LIMIT %d",
             f->where, EDGES_N);
    if (!(t = rows(st, sql, NULL, 0, f, 1, "ssif", err, errlen)))
        return -1;
    json_object_set_new(data, "edges", t);
    if (!(t = top_actors(st, o, f, err, errlen)))
        return -1;
    json_object_set_new(data, "actors", t);
    return 0;
}

json_t *rp_collect(dyad_store *st, const dyad_report_opts *o, char *err, size_t errlen)
{
    rp_filter f;
    rp_filter_build(&f, o);
    json_t *data = json_object();
    const char *mode = o->dyad_a ? "dyad" : o->actor ? "actor" : "store";
    json_object_set_new(data, "mode", json_string(mode));
    json_object_set_new(data, "a", json_string(o->dyad_a ? o->dyad_a : o->actor ? o->actor : ""));
    json_object_set_new(data, "b", json_string(o->dyad_b ? o->dyad_b : ""));
    json_object_set_new(data, "max_mentions", json_integer(o->max_mentions));
    json_t *t = timeline(st, o, &f, data, err, errlen);
    if (!t || figures(st, o, &f, data, err, errlen) < 0 ||
        table(st, o, &f, data, err, errlen) < 0) {
        json_decref(t);
        json_decref(data);
        return NULL;
    }
    json_object_set_new(data, "timeline", t);
    json_object_set_new(data, "names", rp_code_names(o->codes_file));
    return data;
}

json_t *rp_code_names(const char *codes_file)
{
    json_t *names = json_object();
    FILE *fp = codes_file ? fopen(codes_file, "r") : NULL;
    if (!fp)
        return names;
    char line[512];
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\r\n")] = 0;
        char *f[4] = {line, NULL, NULL, NULL};
        for (int i = 1; i < 4 && f[i - 1]; i++) {
            char *tab = strchr(f[i - 1], '\t');
            if (tab)
                *tab++ = 0;
            f[i] = tab;
        }
        if (f[3] && *f[0])
            json_object_set_new(names, f[0], json_string(f[3])); /* NULL (bad UTF-8): not set */
    }
    fclose(fp);
    return names;
}
