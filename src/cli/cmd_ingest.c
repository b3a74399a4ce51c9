/* cmd_ingest.c - `dyad ingest`: documents (coded on the way, by code_run's threads) or dyad
 * event JSON lines into the store, in batches of one transaction each.
 *
 * Both inputs become the same JSON lines: a {"dyad_doc": {...}} record opens a document
 * (its earlier mentions are replaced), and event lines follow. Event lines without a
 * record (the output of `dyad code`) open their document when its id changes: the first
 * time a document is seen in the run its mentions are replaced, later times added to, so
 * that re-running the same command stores the same thing. A batch is committed every
 * --batch documents; a run killed at any moment leaves the batches before it, and running
 * it again completes it. */
#include <jansson.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "store_cli.h"

typedef struct {
    dyad_store *st;
    int dedup;
    size_t batch_docs;
    /* the open document */
    char *doc_id;
    dyad_store_doc doc;
    json_t *doc_json;          /* keeps the record's strings */
    int replace, open;
    json_t **events;           /* the open document's events */
    dyad_store_mention *m;
    size_t nev, cap;
    /* the open batch and the run */
    size_t in_batch, docs, mentions, batches, bad_lines;
    seen_set seen;             /* documents seen in this run */
    const char *file;
    long line;
    int failed;
    char err[512];
} ingest_ctx;

static const char *jstr(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int commit_batch(ingest_ctx *x)
{
    if (!x->in_batch)
        return 0;
    if (dyad_store_commit(x->st, x->err, sizeof x->err) != 0)
        return -1;
    x->batches++;
    x->in_batch = 0;
    return 0;
}

/* Stores the open document and its events in the batch. */
static int flush_doc(ingest_ctx *x)
{
    if (!x->open)
        return 0;
    int rc = 0;
    if (!x->in_batch && dyad_store_begin(x->st, x->err, sizeof x->err) != 0)
        rc = -1;
    if (rc == 0) {
        x->in_batch++;
        rc = dyad_store_put(x->st, &x->doc, x->replace, x->m, x->nev, x->dedup, x->err, sizeof x->err);
    }
    x->docs++;
    x->mentions += x->nev;
    for (size_t i = 0; i < x->nev; i++)
        json_decref(x->events[i]);
    x->nev = 0;
    json_decref(x->doc_json);
    x->doc_json = NULL;
    free(x->doc_id);
    x->doc_id = NULL;
    x->open = 0;
    if (rc == 0 && x->in_batch >= x->batch_docs)
        rc = commit_batch(x);
    return rc;
}

static int open_doc(ingest_ctx *x, const char *id, json_t *record, int replace)
{
    if (flush_doc(x) != 0)
        return -1;
    x->doc_id = strdup(id);
    if (!x->doc_id)
        return -1;
    memset(&x->doc, 0, sizeof x->doc);
    x->doc.doc_id = x->doc_id;
    x->doc_json = record;
    if (record) {
        json_incref(record);
        x->doc.doc_date = jstr(record, "date");
        x->doc.title = jstr(record, "title");
        x->doc.publisher = jstr(record, "source");
        x->doc.url = jstr(record, "url");
    }
    x->replace = replace;
    x->open = 1;
    return 0;
}

/* "start:end" of a [start, end] span, "" for null. */
static const char *span_text(json_t *ev, const char *key, char *buf, size_t cap)
{
    json_t *v = json_object_get(ev, key);
    buf[0] = 0;
    if (json_is_array(v) && json_array_size(v) == 2)
        snprintf(buf, cap, "%lld:%lld", (long long)json_integer_value(json_array_get(v, 0)),
                 (long long)json_integer_value(json_array_get(v, 1)));
    return buf;
}

static int add_event(ingest_ctx *x, json_t *ev)
{
    if (x->nev == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 64;
        json_t **e = realloc(x->events, cap * sizeof *e);
        dyad_store_mention *m = realloc(x->m, cap * sizeof *m);
        if (e)
            x->events = e;
        if (m)
            x->m = m;
        if (!e || !m)
            return -1;
        x->cap = cap;
    }
    json_incref(ev);
    x->events[x->nev] = ev;
    dyad_store_mention *m = &x->m[x->nev++];
    memset(m, 0, sizeof *m);
    m->sent = (int)json_integer_value(json_object_get(ev, "sent"));
    m->event_date = jstr(ev, "date");
    m->source = jstr(ev, "source");
    m->target = jstr(ev, "target");
    m->code = jstr(ev, "code");
    m->root = jstr(ev, "root");
    m->quad_class = (int)json_integer_value(json_object_get(ev, "quad_class"));
    m->goldstein = json_number_value(json_object_get(ev, "goldstein"));
    m->sentence = jstr(ev, "text");
    m->source_text = jstr(ev, "source_text");
    m->verb_text = jstr(ev, "verb_text");
    m->target_text = jstr(ev, "target_text");
    /* the spans' text lives in the event object: three small buffers per event */
    static const char *const keys[3] = {"source_span", "verb_span", "target_span"};
    for (int i = 0; i < 3; i++) {
        char buf[48];
        span_text(ev, keys[i], buf, sizeof buf);
        json_object_set_new(ev, keys[i], json_string(buf));
    }
    m->source_span = jstr(ev, "source_span");
    m->verb_span = jstr(ev, "verb_span");
    m->target_span = jstr(ev, "target_span");
    return 0;
}

static void bad_line(ingest_ctx *x, const char *why)
{
    x->bad_lines++;
    fprintf(stderr, "dyad: warning: %s:%ld: %s, skipped\n", x->file, x->line, why);
}

/* One JSON line: a document record or an event. */
static int ingest_line(ingest_ctx *x, const char *s, size_t len)
{
    while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
    if (!len)
        return 0;
    json_error_t je;
    json_t *o = json_loadb(s, len, 0, &je);
    if (!json_is_object(o)) {
        bad_line(x, o ? "not a JSON object" : "malformed JSON");
        json_decref(o);
        return 0;
    }
    int rc = 0;
    json_t *rec = json_object_get(o, "dyad_doc");
    const char *doc = jstr(o, "doc"), *code = jstr(o, "code");
    if (json_is_object(rec) && jstr(rec, "id") && *jstr(rec, "id")) {
        seen_add(&x->seen, jstr(rec, "id"));
        rc = open_doc(x, jstr(rec, "id"), rec, 1);
    } else if (doc && *doc && code && *code) {
        if (!x->open || strcmp(x->doc_id, doc) != 0) {
            int first = seen_add(&x->seen, doc);
            if (first < 0 || open_doc(x, doc, NULL, first) != 0)
                rc = -1;
        }
        if (rc == 0 && add_event(x, o) != 0) {
            snprintf(x->err, sizeof x->err, "out of memory");
            rc = -1;
        }
    } else {
        bad_line(x, "neither an event (doc, code) nor a document record (dyad_doc)");
    }
    json_decref(o);
    return rc;
}

/* code_run's sink: whole lines, in input order. */
static int ingest_sink(void *ud, const char *buf, size_t len)
{
    ingest_ctx *x = ud;
    const char *end = buf + len;
    while (buf < end && !x->failed) {
        const char *nl = memchr(buf, '\n', (size_t)(end - buf));
        size_t n = nl ? (size_t)(nl - buf) + 1 : (size_t)(end - buf);
        x->line++;
        if (ingest_line(x, buf, n) != 0) {
            fprintf(stderr, "dyad: ingest: %s\n", x->err);
            x->failed = 1;
        }
        buf += n;
    }
    return x->failed ? -1 : 0;
}

/* Whether a file holds dyad event JSON lines (its first line is an event or a record). */
static int is_event_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    int yes = 0;
    if (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        yes = json_is_object(o) && (json_object_get(o, "dyad_doc") ||
                                    (json_object_get(o, "doc") && json_object_get(o, "code")));
        json_decref(o);
    }
    free(line);
    fclose(f);
    return yes;
}

static int ingest_event_file(ingest_ctx *x, const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open\n", path);
        return 1;
    }
    x->file = path;
    x->line = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (!x->failed && (n = getline(&line, &cap, f)) > 0)
        ingest_sink(x, line, (size_t)n);
    free(line);
    if (f != stdin)
        fclose(f);
    return x->failed;
}

static int parse_ingest_opts(int argc, char **argv, ingest_ctx *x, const char **db, int *events_only,
                             long *generate, options *o)
{
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0;
    if (!rest)
        return -1;
    int rc = 0;
    for (int i = 0; i < argc && rc == 0; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--events")) {
            *events_only = 1;
        } else if (!strcmp(a, "--db") || !strcmp(a, "--dedup") || !strcmp(a, "--batch") ||
                   !strcmp(a, "--generate")) {
            if (!v) {
                fprintf(stderr, "dyad: %s needs a value\n", a);
                rc = -1;
                break;
            }
            i++;
            if (!strcmp(a, "--db")) {
                *db = v;
            } else if (!strcmp(a, "--generate")) {
                char *end;
                *generate = strtol(v, &end, 10);
                if (*end || *generate < 1) {
                    fprintf(stderr, "dyad: --generate %s: want a number of events\n", v);
                    rc = -1;
                }
            } else if (!strcmp(a, "--dedup")) {
                if (!strcmp(v, "day"))
                    x->dedup = DYAD_DEDUP_DAY;
                else if (!strcmp(v, "none"))
                    x->dedup = DYAD_DEDUP_NONE;
                else {
                    fprintf(stderr, "dyad: --dedup %s: want day or none\n", v);
                    rc = -1;
                }
            } else {
                char *end;
                long n = strtol(v, &end, 10);
                if (*end || n < 1 || n > 1000000) {
                    fprintf(stderr, "dyad: --batch %s: want a number of documents from 1 to 1000000\n", v);
                    rc = -1;
                }
                x->batch_docs = (size_t)n;
            }
        } else {
            rest[nrest++] = argv[i];
        }
    }
    if (rc == 0 && parse_opts(nrest, rest, o) < 0)
        rc = -1;
    free(rest);
    return rc;
}

static void print_totals(ingest_ctx *x, const char *db)
{
    char ev[32] = "?", docs[32] = "?", err[256];
    store_count(x->st, "events", ev, sizeof ev, err, sizeof err);
    store_count(x->st, "documents", docs, sizeof docs, err, sizeof err);
    fprintf(stderr, "dyad: ingest: %zu document%s, %zu mention%s stored in %zu batch%s (%zu bad line%s); "
                    "the %s store %s holds %s events from %s documents\n",
            x->docs, plural(x->docs), x->mentions, plural(x->mentions), x->batches,
            x->batches == 1 ? "" : "es", x->bad_lines, plural(x->bad_lines),
            dyad_store_backend(x->st), store_display_name(db), ev, docs);
}

int cmd_ingest(int argc, char **argv)
{
    ingest_ctx x;
    memset(&x, 0, sizeof x);
    x.batch_docs = 500;
    const char *db = NULL;
    int events_only = 0;
    long generate = 0;
    options o;
    memset(&o, 0, sizeof o);
    if (parse_ingest_opts(argc, argv, &x, &db, &events_only, &generate, &o) < 0) {
        free(o.files);
        return 2;
    }
#ifdef M_TRIM_THRESHOLD
    /* a JSON object per line comes and goes: keep the heap's top instead of a brk each time */
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, 8 << 20);
#endif
    x.st = dyad_store_open(db, 0, x.err, sizeof x.err);
    if (!x.st) {
        fprintf(stderr, "dyad: %s: %s\n", store_display_name(db), x.err);
        free(o.files);
        return 1;
    }
    if (generate) { /* synthetic events, no documents */
        int rc = dyad_store_generate(x.st, generate, x.err, sizeof x.err);
        if (rc != 0)
            fprintf(stderr, "dyad: ingest --generate: %s\n", x.err);
        dyad_store_close(x.st);
        free(o.files);
        return rc ? 1 : 0;
    }
    static char *stdin_only[] = {"-"};
    char **files = o.nfiles ? o.files : stdin_only;
    int nfiles = o.nfiles ? o.nfiles : 1;
    int status = 0;
    for (int i = 0; i < nfiles && !x.failed; i++) {
        if (events_only || (strcmp(files[i], "-") && is_event_file(files[i]))) {
            status |= ingest_event_file(&x, files[i]);
            continue;
        }
        options one = o;
        one.files = &files[i];
        one.nfiles = 1;
        one.format = 0;          /* JSON lines */
        one.with_docs = 1;
        one.sink = ingest_sink;
        one.sink_ud = &x;
        x.file = files[i];
        x.line = 0;
        status |= code_run(&one);
    }
    if (!x.failed && (flush_doc(&x) != 0 || commit_batch(&x) != 0)) {
        fprintf(stderr, "dyad: ingest: %s\n", x.err);
        x.failed = 1;
    }
    if (x.failed) {
        dyad_store_rollback(x.st);
        status = 1;
    }
    for (size_t i = 0; i < x.nev; i++)
        json_decref(x.events[i]);
    json_decref(x.doc_json);
    free(x.doc_id);
    free(x.events);
    free(x.m);
    seen_free(&x.seen);
    if (!o.quiet)
        print_totals(&x, db);
    dyad_store_close(x.st);
    free(o.files);
    return status;
}
