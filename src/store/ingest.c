/* ingest.c - writing documents and mentions in batches, one transaction each, and keeping
 * the deduplicated events' counts true.
 *
 * A batch remembers every event it touched (joined by a new mention, or left by a removed
 * one); at commit their counts are recomputed from the mentions themselves, so that a
 * re-ingested document, a document seen twice, or a run killed and re-run all end with the
 * same counts as one clean run. num_sources counts distinct publishers; a document without
 * a publisher counts as a source of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"

static const char *nz(const char *s) { return s ? s : ""; }

static int touch(dyad_store *st, long long id)
{
    if (st->ntouched == st->touched_cap) {
        size_t cap = st->touched_cap ? st->touched_cap * 2 : 1024;
        int64_t *t = realloc(st->touched, cap * sizeof *t);
        if (!t)
            return -1;
        st->touched = t;
        st->touched_cap = cap;
    }
    st->touched[st->ntouched++] = id;
    return 0;
}

static int touch_row(void *ud, int ncol, const char *const *v)
{
    if (ncol > 0 && v[0] && touch(ud, atoll(v[0])) != 0)
        return 1;
    return 0;
}

int dyad_store_begin(dyad_store *st, char *err, size_t errlen)
{
    if (st->in_tx) {
        snprintf(err, errlen, "a batch is already open");
        return -1;
    }
    int pg = !strcmp(st->ops->name, "postgresql");
    /* one writer at a time: SQLite's BEGIN IMMEDIATE waits for the write lock; on PostgreSQL
     * an advisory lock serializes the batches of concurrent ingests, so that two of them never
     * create the same event twice */
    if (store_exec(st, pg ? "BEGIN; SELECT pg_advisory_xact_lock(7130011)" : "BEGIN IMMEDIATE", err, errlen) != 0)
        return -1;
    st->in_tx = 1;
    st->ntouched = 0;
    return 0;
}

void dyad_store_rollback(dyad_store *st)
{
    if (st->in_tx)
        store_exec(st, "ROLLBACK", NULL, 0);
    st->in_tx = 0;
    st->ntouched = 0;
}

static int put_document(dyad_store *st, const dyad_store_doc *doc, char *err, size_t errlen)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const char *p[6] = {doc->doc_id, nz(doc->doc_date), nz(doc->publisher), nz(doc->url), nz(doc->title), now};
    /* fields not given this time (events without their document's record) keep what was known */
    return store_query(st,
                       "INSERT INTO documents(doc_id, doc_date, publisher, url, title, ingested_at)"
                       " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET"
                       " doc_date = CASE WHEN excluded.doc_date <> '' THEN excluded.doc_date ELSE documents.doc_date END,"
                       " publisher = CASE WHEN excluded.publisher <> '' THEN excluded.publisher ELSE documents.publisher END,"
                       " url = CASE WHEN excluded.url <> '' THEN excluded.url ELSE documents.url END,"
                       " title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE documents.title END,"
                       " ingested_at = excluded.ingested_at",
                       p, 6, NULL, NULL, err, errlen);
}

/* day, month and year numbers of an event date ('YYYY-MM-DD', 'YYYY-MM', 'YYYY'). */
static void date_numbers(const char *d, char day[16], char month[16], char year[16])
{
    int y = 0, m = 0, dd = 0;
    size_t n = strlen(d);
    if (n >= 4)
        y = atoi(d);
    if (n >= 7)
        m = atoi(d + 5);
    if (n >= 10)
        dd = atoi(d + 8);
    snprintf(year, 16, "%d", y);
    snprintf(month, 16, "%d", m ? y * 100 + m : 0);
    snprintf(day, 16, "%d", dd ? (y * 100 + m) * 100 + dd : 0);
}

static int event_for(dyad_store *st, const dyad_store_mention *m, int dedup, char id[32], char *err,
                     size_t errlen)
{
    store_cell cell = {id, 32, 0};
    const char *key[4] = {nz(m->event_date), nz(m->source), nz(m->target), nz(m->code)};
    if (dedup == DYAD_DEDUP_DAY &&
        store_query(st, "SELECT event_id FROM events WHERE event_date = ? AND source = ? AND target = ?"
                        " AND code = ? LIMIT 1",
                    key, 4, store_first_cell, &cell, err, errlen) != 0)
        return -1;
    if (cell.found)
        return 0;
    char day[16], month[16], year[16], quad[16], gold[32];
    date_numbers(key[0], day, month, year);
    snprintf(quad, sizeof quad, "%d", m->quad_class);
    snprintf(gold, sizeof gold, "%.17g", m->goldstein);
    const char *root = m->root && *m->root ? m->root : "";
    char rootbuf[3] = {0};
    if (!*root && m->code) {
        strncpy(rootbuf, m->code, 2);
        root = rootbuf;
    }
    const char *p[10] = {key[0], day, month, year, key[1], key[2], key[3], root, quad, gold};
    if (store_query(st,
                    "INSERT INTO events(event_date, day, month, year, source, target, code, root,"
                    " quad_class, goldstein, num_mentions, num_sources, num_docs)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0) RETURNING event_id",
                    p, 10, store_first_cell, &cell, err, errlen) != 0)
        return -1;
    if (!cell.found) {
        snprintf(err, errlen, "no event id returned");
        return -1;
    }
    return 0;
}

static int put_mention(dyad_store *st, const char *doc_id, const dyad_store_mention *m, int dedup,
                       char *err, size_t errlen)
{
    char id[32], sent[16];
    if (event_for(st, m, dedup, id, err, errlen) != 0)
        return -1;
    snprintf(sent, sizeof sent, "%d", m->sent);
    const char *p[11] = {id, doc_id, sent, nz(m->sentence), nz(m->source_text), nz(m->verb_text),
                         nz(m->target_text), nz(m->source_span), nz(m->verb_span), nz(m->target_span)};
    if (store_query(st,
                    "INSERT INTO mentions(event_id, doc_id, sent, sentence, source_text, verb_text,"
                    " target_text, source_span, verb_span, target_span)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p, 10, NULL, NULL, err, errlen) != 0)
        return -1;
    if (touch(st, atoll(id)) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

int dyad_store_put(dyad_store *st, const dyad_store_doc *doc, int replace, const dyad_store_mention *m,
                   size_t n, int dedup, char *err, size_t errlen)
{
    if (!st->in_tx) {
        snprintf(err, errlen, "no batch is open");
        return -1;
    }
    if (!doc->doc_id || !*doc->doc_id) {
        snprintf(err, errlen, "a document without an id");
        return -1;
    }
    const char *p[1] = {doc->doc_id};
    if (replace) {
        if (store_query(st, "SELECT DISTINCT event_id FROM mentions WHERE doc_id = ?", p, 1, touch_row, st,
                        err, errlen) != 0 ||
            store_query(st, "DELETE FROM mentions WHERE doc_id = ?", p, 1, NULL, NULL, err, errlen) != 0)
            return -1;
    }
    if (put_document(st, doc, err, errlen) != 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (put_mention(st, doc->doc_id, &m[i], dedup, err, errlen) != 0)
            return -1;
    return 0;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

#define COUNT_SQL                                                                                   \
    "UPDATE events SET"                                                                           \
    " num_mentions = (SELECT count(*) FROM mentions m WHERE m.event_id = events.event_id),"      \
    " num_docs = (SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = events.event_id)," \
    " num_sources = (SELECT count(DISTINCT CASE WHEN d.publisher <> '' THEN d.publisher"         \
    "   ELSE '#' || d.doc_id END) FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"        \
    "   WHERE m.event_id = events.event_id),"                                                   \
    " first_seen = (SELECT min(NULLIF(d.doc_date, '')) FROM mentions m JOIN documents d"        \
    "   ON d.doc_id = m.doc_id WHERE m.event_id = events.event_id),"                            \
    " last_seen = (SELECT max(NULLIF(d.doc_date, '')) FROM mentions m JOIN documents d"         \
    "   ON d.doc_id = m.doc_id WHERE m.event_id = events.event_id)"                             \
    " WHERE event_id IN ("

/* Recomputes the counts of touched events ids[0..n) (a statement per chunk of ids). */
static int recount(dyad_store *st, const int64_t *ids, size_t n, char *err, size_t errlen)
{
    enum { CHUNK = 500 };
    char *sql = malloc(sizeof COUNT_SQL + CHUNK * 22 + 64);
    char *del = malloc(64 + CHUNK * 22);
    if (!sql || !del) {
        free(sql);
        free(del);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    for (size_t at = 0; at < n && rc == 0; at += CHUNK) {
        size_t k = n - at < CHUNK ? n - at : CHUNK;
        char list[CHUNK * 22 + 1], *o = list;
        for (size_t i = 0; i < k; i++)
            o += sprintf(o, "%s%lld", i ? "," : "", (long long)ids[at + i]);
        sprintf(sql, "%s%s)", COUNT_SQL, list);
        sprintf(del, "DELETE FROM events WHERE num_mentions = 0 AND event_id IN (%s)", list);
        rc = store_exec(st, sql, err, errlen);
        if (rc == 0)
            rc = store_exec(st, del, err, errlen);
    }
    free(sql);
    free(del);
    return rc;
}

int dyad_store_commit(dyad_store *st, char *err, size_t errlen)
{
    if (!st->in_tx) {
        snprintf(err, errlen, "no batch is open");
        return -1;
    }
    qsort(st->touched, st->ntouched, sizeof *st->touched, cmp_id);
    size_t n = 0;
    for (size_t i = 0; i < st->ntouched; i++)
        if (!n || st->touched[n - 1] != st->touched[i])
            st->touched[n++] = st->touched[i];
    if (recount(st, st->touched, n, err, errlen) != 0 || store_exec(st, "COMMIT", err, errlen) != 0) {
        dyad_store_rollback(st);
        return -1;
    }
    st->in_tx = 0;
    st->ntouched = 0;
    return 0;
}
