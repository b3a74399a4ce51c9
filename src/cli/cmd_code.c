/* cmd_code.c - `dyad code`: documents in, CAMEO events out, on one or N threads.
 *
 * --threads 1 reads, codes and writes one document at a time. With N > 1 a
 * reader thread reads documents in input order into batches (at most
 * BATCH_DOCS documents or about BATCH_BYTES of text each), N worker threads
 * code whole batches (each with its own dyad_work) into per-batch output
 * buffers, and the main thread writes the batches out in input order, so the
 * output is byte for byte the same for every N. Only 4*N batches exist; the
 * reader waits for a free one, so memory stays flat however long the input.
 *
 * Warnings about a document (invalid UTF-8, unreadable date) are printed by
 * whichever thread codes it; skipped documents are reported by the reader. The
 * run summary adds up the per-batch counts. */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "output.h"
#include "progress.h"
#include "sniff.h"

enum { BATCH_DOCS = 256, BATCH_BYTES = 1 << 18, SERIAL_FLUSH = 1 << 16 };

/* ---------------------------------------------------------------- signals
 *
 * SIGINT and SIGTERM end a run cleanly: the handler only records the signal; the
 * thread that reads input takes it (the others block both signals), so a read
 * waiting on a pipe returns EINTR and the input ends there (the document being
 * read is dropped). Documents already read are coded and written whole, stdout is
 * written, the summary printed, and dyad exits with 128 + the signal's number. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig) { stop_signal = sig; }

static void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;        /* no SA_RESTART: a blocked read returns EINTR */
    static const int SIGS[] = {SIGINT, SIGTERM};
    for (int i = 0; i < 2; i++) {
        struct sigaction old;
        /* a signal the parent set to be ignored (nohup, a shell's background job)
         * stays ignored */
        if (sigaction(SIGS[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(SIGS[i], &sa, NULL);
    }
}

/* Blocks (1) or unblocks (0) SIGINT and SIGTERM in the calling thread. */
static void signals_block(int block)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* The next document, with the stop signals deliverable only while reading. */
static int next_doc(input_reader *r, input_doc *doc, int serial)
{
    if (serial)
        signals_block(0);   /* a signal pending since the last document lands here */
    int got = stop_signal ? 0 : input_next(r, doc);
    if (serial)
        signals_block(1);
    return got;     /* a document read whole is coded and written, signal or not */
}

/* stdout is unbuffered: records go out in whole blocks with one fwrite, and a
 * successful fwrite means the bytes reached the file, so that the summary counts
 * only events actually written. */
static int write_block(output_writer *header, const output_writer *w)
{
    return output_header(header) < 0 || fwrite(w->buf, 1, w->held, stdout) != w->held ||
                   ferror(stdout)
               ? -1
               : 0;
}

/* ---------------------------------------------------------------- counts */

typedef struct {
    size_t coded, sentences, events, undated, bad_bytes, bad_docs, long_sents, bad_dates;
    size_t discarded_docs, discarded_sents;
    size_t undated_role_docs, undated_roles; /* no date: dated roles fell back (issue 14) */
    size_t written;  /* events whose bytes reached stdout (a write() that succeeded) */
    int status;      /* an error was reported */
    int out_error;   /* writing (or buffering) an event failed: stop */
} tally;

static void tally_add(tally *a, const tally *b)
{
    a->coded += b->coded;
    a->sentences += b->sentences;
    a->events += b->events;
    a->undated += b->undated;
    a->bad_bytes += b->bad_bytes;
    a->bad_docs += b->bad_docs;
    a->long_sents += b->long_sents;
    a->bad_dates += b->bad_dates;
    a->discarded_docs += b->discarded_docs;
    a->discarded_sents += b->discarded_sents;
    a->undated_role_docs += b->undated_role_docs;
    a->undated_roles += b->undated_roles;
    a->written += b->written;
    a->status |= b->status;
    a->out_error |= b->out_error;
}

typedef struct {
    output_writer *w;
    tally *t;
} emit_ctx;

static int emit(void *ud, const dyad_event *ev)
{
    emit_ctx *e = ud;
    if (!ev->date.year)
        e->t->undated++;
    if (output_event(e->w, ev) < 0) {
        e->t->out_error = 1;
        return 1;
    }
    return 0;
}

/* Codes one document into w, counts it in t and prints its warnings. meta: title, source
 * and url (the title is the story's context for actors); with_docs: a --with-docs record. */
static void code_doc(const dyad_coder *c, dyad_work *work, output_writer *w, tally *t,
                     const char *file, long line, const char *id, const char *date,
                     const char *text, size_t len, const char *options, const char *const *meta,
                     int with_docs)
{
    emit_ctx ec = {w, t};
    if (with_docs && output_doc(w, id, date, meta[0], meta[1], meta[2]) < 0) {
        t->out_error = 1;
        return;
    }
    dyad_doc dd = {id, date, text, len, NULL, meta[0]};
    dyad_doc_stats st;
    memset(&st, 0, sizeof st);
    dyad_work_set_options(work, options);   /* a JSON document's "config" lines */
    int rc = dyad_code(c, work, &dd, emit, &ec, &st);
    dyad_work_set_options(work, NULL);
    if (rc != 0 && !t->out_error) {
        fprintf(stderr, "dyad: %s:%ld: out of memory\n", file, line);
        t->status = 1;
    }
    t->coded++;
    t->sentences += st.sentences;
    t->events += st.events;
    t->long_sents += st.long_sentences;
    t->discarded_docs += st.discarded != 0;
    t->discarded_sents += st.discarded_sentences;
    t->undated_role_docs += st.undated_roles > 0;
    t->undated_roles += st.undated_roles;
    if (st.invalid_bytes) {
        t->bad_bytes += st.invalid_bytes;
        t->bad_docs++;
        fprintf(stderr, "dyad: warning: %s:%ld: %zu invalid UTF-8 byte%s replaced\n", file, line,
                st.invalid_bytes, plural(st.invalid_bytes));
    }
    if (st.bad_date) {
        t->bad_dates++;
        fprintf(stderr, "dyad: warning: %s:%ld: unreadable date '%s' ignored\n", file, line, date);
    }
}

/* A file that cannot be opened counts as one unreadable document. */
static void count_unopenable(input_counts *counts)
{
    counts->read++;
    counts->skipped[SKIP_UNREADABLE]++;
}

static void print_summary(const input_counts *counts, const tally *t)
{
    size_t skipped = 0;
    char reasons[512] = "";
    for (int k = 0; k < SKIP_KINDS; k++) {
        if (!counts->skipped[k])
            continue;
        skipped += counts->skipped[k];
        size_t l = strlen(reasons);
        snprintf(reasons + l, sizeof reasons - l, "%s%zu %s", l ? ", " : "", counts->skipped[k],
                 input_skip_name(k));
    }
    fprintf(stderr,
            "dyad: %zu document%s read, %zu coded, %zu skipped%s%s%s; %zu sentence%s (%zu too long); "
            "%zu event%s (%zu without a date)",
            counts->read, plural(counts->read), t->coded, skipped, skipped ? " (" : "", reasons,
            skipped ? ")" : "", t->sentences, plural(t->sentences), t->long_sents, t->written,
            plural(t->written), t->undated);
    if (t->written != t->events)
        fprintf(stderr, "; %zu event%s coded but not written", t->events - t->written,
                plural(t->events - t->written));
    if (t->bad_docs)
        fprintf(stderr, "; %zu invalid UTF-8 byte%s replaced in %zu document%s", t->bad_bytes,
                plural(t->bad_bytes), t->bad_docs, plural(t->bad_docs));
    if (t->bad_dates)
        fprintf(stderr, "; %zu unreadable date%s", t->bad_dates, plural(t->bad_dates));
    if (t->discarded_docs || t->discarded_sents)
        fprintf(stderr, "; discarded by the dictionary: %zu stor%s, %zu sentence%s", t->discarded_docs,
                t->discarded_docs == 1 ? "y" : "ies", t->discarded_sents, plural(t->discarded_sents));
    fputc('\n', stderr);
}

/* Once per run, even with --quiet: documents with no date coded people by their
 * undated or latest role. */
static void print_undated_warning(const tally *t)
{
    if (!t->undated_role_docs)
        return;
    fprintf(stderr,
            "dyad: warning: %zu document%s had no date (no \"date\" field, no --date, none in the "
            "text): %zu mention%s of actors with dated roles took the undated or latest role; "
            "give --date YYYY-MM-DD or a \"date\" field (dyad explain shows each choice)\n",
            t->undated_role_docs, t->undated_role_docs == 1 ? "" : "s", t->undated_roles,
            t->undated_roles == 1 ? "" : "s");
}

/* ---------------------------------------------------------------- one thread */

static void code_serial(const options *o, const dyad_coder *c, char **files, int nfiles,
                        input_counts *counts, tally *t, progress *pg, unknown_tally *unk)
{
    dyad_work *w = dyad_work_new();
    if (!w) {
        fprintf(stderr, "dyad: out of memory\n");
        t->status = 1;
        return;
    }
    if (unk)
        dyad_work_set_unknown(w, unknown_add, unk);
    output_writer ow, header;
    output_init_mem(&ow, (output_format)o->format);
    output_init(&header, stdout, (output_format)o->format);
    ow.plover = o->plover;
    size_t pending = 0;     /* events held in ow, not yet written */
    long long done_bytes = 0;
    for (int f = 0; f < nfiles && !t->out_error && !stop_signal; f++) {
        input_reader *r = input_open(files[f], (input_kind)o->input, o->date, o->max_bytes, counts);
        if (!r) {
            count_unopenable(counts);
            t->status = 1;
            continue;
        }
        input_doc doc;
        size_t read_before = counts->read;
        while (!t->out_error && next_doc(r, &doc, 1) == 1) {
            const char *meta[3] = {doc.title, doc.source, doc.url};
            size_t before = t->events;
            code_doc(c, w, &ow, t, doc.file, doc.line, doc.id, doc.date, doc.text, doc.text_len,
                     doc.options, meta, o->with_docs);
            pending += t->events - before;
            if (o->sink && ow.held) {
                if (o->sink(o->sink_ud, ow.buf, ow.held) != 0)
                    t->out_error = 1;
                else
                    t->written += pending;
                ow.held = pending = 0;
            } else if (!t->out_error && ow.held >= SERIAL_FLUSH) {
                if (write_block(&header, &ow) < 0)
                    t->out_error = 1;
                else
                    t->written += pending;
                ow.held = pending = 0;
            }
            if (pg->on) {
                long long pos = input_tell(r);
                progress_update(pg, t->coded, t->sentences, t->events, pos < 0 ? -1 : done_bytes + pos);
            }
            if (t->out_error)
                break;
        }
        if (counts->read == read_before)
            fprintf(stderr, "dyad: warning: %s: no documents in this file\n", files[f]);
        long long pos = input_tell(r);
        if (pos > 0)
            done_bytes += pos;
        input_close(r);
    }
    if (!t->out_error && ow.held) {
        if (write_block(&header, &ow) < 0)
            t->out_error = 1;
        else
            t->written += pending;
    }
    output_free(&ow);
    output_free(&header);
    dyad_work_free(w);
}

/* ---------------------------------------------------------------- N threads */

typedef struct {
    size_t id, date, text, text_len; /* offsets into the batch arena; date NO_DATE: none */
    size_t options;                  /* NO_DATE: none */
    size_t meta[3];                  /* title, source, url (NO_DATE: none) */
    const char *file;
    long line;
} bdoc;

#define NO_DATE ((size_t)-1)

typedef struct batch {
    struct batch *next;          /* in the free list or the work queue */
    size_t seq;                  /* position in the input, from 0 */
    bdoc docs[BATCH_DOCS];
    size_t ndocs;
    int has_prev;                /* docs[0] is the document before the batch, not coded
                                  * here: the workers follow it (dyad_work_follow) */
    char *arena;                 /* the documents' strings, NUL-terminated */
    size_t alen, acap;
    output_writer out;           /* memory mode: the batch's events */
    tally t;
} batch;

typedef struct {
    const options *o;
    const dyad_coder *c;
    char **files;
    int nfiles;
    input_counts *counts;

    pthread_mutex_t mu;
    pthread_cond_t cv_free, cv_work, cv_done;
    batch *free_list;
    batch *work_head, *work_tail;
    batch **slot;                /* slot[seq % nslots]: coded batch seq, not yet written */
    size_t nslots;               /* number of batches (4*N) */
    size_t nbatches;             /* batches handed to the workers so far */
    int reader_done;
    int stop;                    /* output failed: the reader stops */
    long long bytes_read;        /* input consumed, -1 if not known */
    int reader_status;
} pipeline;

static int arena_put(batch *b, const char *s, size_t n, size_t *off)
{
    if (b->alen + n + 1 > b->acap) {
        size_t ncap = b->acap ? b->acap : 2 * (size_t)BATCH_BYTES;
        while (ncap < b->alen + n + 1) {
            if (ncap > (size_t)-1 / 2)
                return -1;
            ncap *= 2;
        }
        char *na = realloc(b->arena, ncap);
        if (!na)
            return -1;
        b->arena = na;
        b->acap = ncap;
    }
    memcpy(b->arena + b->alen, s, n);
    b->arena[b->alen + n] = 0;
    *off = b->alen;
    b->alen += n + 1;
    return 0;
}

/* The title, source and url of a document, for --with-docs. */
static int batch_meta(batch *b, const input_doc *doc, bdoc *d)
{
    const char *m[3] = {doc->title, doc->source, doc->url};
    for (int i = 0; i < 3; i++) {
        d->meta[i] = NO_DATE;
        if (m[i] && arena_put(b, m[i], strlen(m[i]), &d->meta[i]) < 0)
            return -1;
    }
    return 0;
}

static int batch_add(batch *b, const input_doc *doc)
{
    bdoc *d = &b->docs[b->ndocs];
    d->file = doc->file;
    d->line = doc->line;
    d->text_len = doc->text_len;
    d->date = d->options = NO_DATE;
    if (arena_put(b, doc->id, strlen(doc->id), &d->id) < 0 ||
        (doc->date && arena_put(b, doc->date, strlen(doc->date), &d->date) < 0) ||
        (doc->options && arena_put(b, doc->options, strlen(doc->options), &d->options) < 0) ||
        batch_meta(b, doc, d) < 0 ||
        arena_put(b, doc->text, doc->text_len, &d->text) < 0)
        return -1;
    b->ndocs++;
    return 0;
}

/* Memory. A batch gives back its arena and output buffer once written out, and
 * the next use allocates them anew. Kept from use to use, each would in time hold
 * as many touched pages as the largest batch it ever carried, so a long input
 * would end with more memory than a short one; fresh, they are mmapped (see the
 * mallopt in code_parallel) and hold only the pages the batch writes. */
static void batch_reset(batch *b)
{
    b->ndocs = 0;
    b->has_prev = 0;
    b->alen = 0;
    memset(&b->t, 0, sizeof b->t);
    b->out.held = 0;
    free(b->arena);
    b->arena = NULL;
    b->acap = 0;
    output_free(&b->out);
}

/* A free batch, or NULL once the pipeline is stopping. */
static batch *take_free(pipeline *p)
{
    pthread_mutex_lock(&p->mu);
    while (!p->free_list && !p->stop)
        pthread_cond_wait(&p->cv_free, &p->mu);
    batch *b = p->stop ? NULL : p->free_list;
    if (b)
        p->free_list = b->next;
    pthread_mutex_unlock(&p->mu);
    return b;
}

static void submit(pipeline *p, batch *b, long long bytes)
{
    pthread_mutex_lock(&p->mu);
    b->seq = p->nbatches++;
    b->next = NULL;
    if (p->work_tail)
        p->work_tail->next = b;
    else
        p->work_head = b;
    p->work_tail = b;
    p->bytes_read = bytes;
    pthread_cond_signal(&p->cv_work);
    pthread_mutex_unlock(&p->mu);
}

static void give_back(pipeline *p, batch *b)
{
    pthread_mutex_lock(&p->mu);
    b->next = p->free_list;
    p->free_list = b;
    pthread_cond_signal(&p->cv_free);
    pthread_mutex_unlock(&p->mu);
}

static void *reader_main(void *arg)
{
    pipeline *p = arg;
    signals_block(0);      /* the one thread that takes SIGINT and SIGTERM */
    const options *o = p->o;
    batch *b = NULL;
    long long done_bytes = 0;
    int stopped = 0;
    for (int f = 0; f < p->nfiles && !stopped && !stop_signal; f++) {
        input_reader *r = input_open(p->files[f], (input_kind)o->input, o->date, o->max_bytes, p->counts);
        if (!r) {
            count_unopenable(p->counts);
            p->reader_status = 1;
            continue;
        }
        input_doc doc;
        size_t read_before = p->counts->read;
        int carry = 0;  /* doc, the last one submitted, opens the next batch */
        for (;;) {
            /* a batch first, so that no document is read once writing failed */
            if (!b) {
                if (!(b = take_free(p))) {
                    stopped = 1;
                    break;
                }
                batch_reset(b);
                if (carry && batch_add(b, &doc) == 0)
                    b->has_prev = 1;
                carry = 0;
            }
            if (next_doc(r, &doc, 0) != 1)
                break;
            int added = batch_add(b, &doc) == 0;
            if (!added) {
                fprintf(stderr, "dyad: %s:%ld: out of memory, document skipped\n", doc.file, doc.line);
                p->counts->skipped[SKIP_UNREADABLE]++;
                p->reader_status = 1;
            }
            if (b->ndocs == BATCH_DOCS || b->alen >= BATCH_BYTES) {
                long long pos = input_tell(r);
                submit(p, b, pos < 0 ? -1 : done_bytes + pos);
                b = NULL;
                carry = added;
            }
        }
        if (!stopped && p->counts->read == read_before)
            fprintf(stderr, "dyad: warning: %s: no documents in this file\n", p->files[f]);
        long long pos = input_tell(r);
        if (pos > 0)
            done_bytes += pos;
        input_close(r);
    }
    if (b && b->ndocs > (size_t)b->has_prev)
        submit(p, b, done_bytes);
    else if (b)
        give_back(p, b);
    pthread_mutex_lock(&p->mu);
    p->reader_done = 1;
    p->bytes_read = done_bytes;
    pthread_cond_broadcast(&p->cv_work);
    pthread_cond_broadcast(&p->cv_done);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

typedef struct {
    pipeline *p;
    dyad_work *work;
    pthread_t tid;
} worker;

/* A batch is a piece of the document stream: the work object takes up the
 * stream after the document before the batch (or at its start). */
static void follow_previous(const dyad_coder *c, dyad_work *work, const batch *b)
{
    if (!b->has_prev) {
        dyad_work_follow(c, work, NULL);
        return;
    }
    const bdoc *d = &b->docs[0];
    dyad_doc prev = {b->arena + d->id, d->date == NO_DATE ? NULL : b->arena + d->date,
                     b->arena + d->text, d->text_len, NULL, NULL};
    dyad_work_set_options(work, d->options == NO_DATE ? NULL : b->arena + d->options);
    if (dyad_work_follow(c, work, &prev) < 0)
        fprintf(stderr, "dyad: %s:%ld: out of memory\n", d->file, d->line);
    dyad_work_set_options(work, NULL);
}

static void *worker_main(void *arg)
{
    worker *wk = arg;
    pipeline *p = wk->p;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->work_head && !p->reader_done)
            pthread_cond_wait(&p->cv_work, &p->mu);
        batch *b = p->work_head;
        if (b) {
            p->work_head = b->next;
            if (!p->work_head)
                p->work_tail = NULL;
        }
        pthread_mutex_unlock(&p->mu);
        if (!b)
            break;
        follow_previous(p->c, wk->work, b);
        for (size_t i = b->has_prev ? 1 : 0; i < b->ndocs && !b->t.out_error; i++) {
            const bdoc *d = &b->docs[i];
            const char *meta[3];
            for (int k = 0; k < 3; k++)
                meta[k] = d->meta[k] == NO_DATE ? NULL : b->arena + d->meta[k];
            code_doc(p->c, wk->work, &b->out, &b->t, d->file, d->line, b->arena + d->id,
                     d->date == NO_DATE ? NULL : b->arena + d->date, b->arena + d->text, d->text_len,
                     d->options == NO_DATE ? NULL : b->arena + d->options, meta, p->o->with_docs);
        }
        pthread_mutex_lock(&p->mu);
        p->slot[b->seq % p->nslots] = b;
        pthread_cond_signal(&p->cv_done);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

/* Runs the pipeline; returns -1 (nothing done) if the threads cannot start. */
static int code_parallel(const options *o, const dyad_coder *c, char **files, int nfiles, int nthreads,
                         input_counts *counts, tally *t, progress *pg, unknown_tally *unk)
{
#ifdef M_MMAP_THRESHOLD
    /* glibc raises its mmap threshold to the size of the first large block freed,
     * and from then on serves large blocks from per-thread heaps, which keep what
     * is freed; a fixed threshold keeps the batch buffers mmapped, so that their
     * memory goes back to the system when freed, whichever thread frees them. */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    pipeline p;
    memset(&p, 0, sizeof p);
    p.o = o;
    p.c = c;
    p.files = files;
    p.nfiles = nfiles;
    p.counts = counts;
    p.nslots = 4 * (size_t)nthreads;
    p.bytes_read = -1;
    batch *pool = calloc(p.nslots, sizeof *pool);
    worker *wk = calloc((size_t)nthreads, sizeof *wk);
    p.slot = calloc(p.nslots, sizeof *p.slot);
    if (!pool || !wk || !p.slot) {
        free(pool);
        free(wk);
        free(p.slot);
        return -1;
    }
    for (size_t i = 0; i < p.nslots; i++) {
        output_init_mem(&pool[i].out, (output_format)o->format);
        pool[i].out.plover = o->plover;
        pool[i].next = p.free_list;
        p.free_list = &pool[i];
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv_free, NULL);
    pthread_cond_init(&p.cv_work, NULL);
    pthread_cond_init(&p.cv_done, NULL);

    int started = 0;
    for (int i = 0; i < nthreads; i++) {
        wk[started].p = &p;
        if (!(wk[started].work = dyad_work_new()))
            break;
        if (unk)
            dyad_work_set_unknown(wk[started].work, unknown_add, unk);
        if (pthread_create(&wk[started].tid, NULL, worker_main, &wk[started]) != 0) {
            dyad_work_free(wk[started].work);
            break;
        }
        started++;
    }
    pthread_t reader;
    int reader_ok = started > 0 && pthread_create(&reader, NULL, reader_main, &p) == 0;
    if (!reader_ok) {
        pthread_mutex_lock(&p.mu);
        p.reader_done = 1;
        pthread_cond_broadcast(&p.cv_work);
        pthread_mutex_unlock(&p.mu);
    }

    /* the writer: batches in input order */
    output_writer header;
    output_init(&header, stdout, (output_format)o->format);
    header.plover = o->plover;
    int stopped = 0;
    for (size_t next = 0; reader_ok; next++) {
        pthread_mutex_lock(&p.mu);
        batch **s = &p.slot[next % p.nslots];
        while (!*s && !(p.reader_done && next == p.nbatches))
            pthread_cond_wait(&p.cv_done, &p.mu);
        batch *b = *s;
        *s = NULL;
        long long bytes = p.bytes_read;
        pthread_mutex_unlock(&p.mu);
        if (!b)
            break; /* all written */
        if (!stopped) {
            if (b->t.out_error) {
                fprintf(stderr, "dyad: out of memory\n");
                b->t.status = 1;
                b->t.out_error = 0;
                stopped = 1;
            } else if (b->out.held && o->sink) {
                if (o->sink(o->sink_ud, b->out.buf, b->out.held) != 0) {
                    b->t.out_error = 1;
                    stopped = 1;
                } else {
                    b->t.written = b->t.events;
                }
            } else if (b->out.held && write_block(&header, &b->out) < 0) {
                b->t.out_error = 1;
                stopped = 1;
            } else {
                b->t.written = b->t.events;
            }
            progress_update(pg, t->coded + b->t.coded, t->sentences + b->t.sentences,
                            t->events + b->t.events, bytes);
        }
        /* batches coded after a failure count too, so that read = coded + skipped */
        tally_add(t, &b->t);
        b->out.held = 0;
        pthread_mutex_lock(&p.mu);
        b->next = p.free_list;
        p.free_list = b;
        if (stopped)
            p.stop = 1;
        pthread_cond_broadcast(&p.cv_free);
        pthread_mutex_unlock(&p.mu);
    }

    if (reader_ok)
        pthread_join(reader, NULL);
    for (int i = 0; i < started; i++) {
        pthread_join(wk[i].tid, NULL);
        dyad_work_free(wk[i].work);
    }
    t->status |= p.reader_status;
    output_free(&header);
    for (size_t i = 0; i < p.nslots; i++) {
        output_free(&pool[i].out);
        free(pool[i].arena);
    }
    pthread_cond_destroy(&p.cv_free);
    pthread_cond_destroy(&p.cv_work);
    pthread_cond_destroy(&p.cv_done);
    pthread_mutex_destroy(&p.mu);
    free(pool);
    free(wk);
    free(p.slot);
    return reader_ok ? 0 : -1;
}

/* ---------------------------------------------------------------- command */

int cmd_code(int argc, char **argv)
{
    options o;
    if (parse_opts(argc, argv, &o) < 0) {
        free(o.files);
        return 2;
    }
    int status = code_run(&o);
    free(o.files);
    return status;
}

int code_run(const options *op)
{
    options o = *op;
    dyad_coder *c = load_coder(&o);
    if (!c)
        return 1;
    int nthreads = o.threads;
    if (nthreads <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        nthreads = n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
    }
    static char *stdin_only[] = {"-"};
    char **files = o.nfiles ? o.files : stdin_only;
    int nfiles = o.nfiles ? o.nfiles : 1;
    sniff_state sniffed = {NULL, NULL};
    if (o.input == INPUT_AUTO && nfiles == 1 && !strcmp(files[0], "-"))
        o.input = sniff_stdin(o.quiet ? NULL : stderr, &sniffed); /* stdin alone: its kind from its start */

    input_counts counts;
    memset(&counts, 0, sizeof counts);
    tally t;
    memset(&t, 0, sizeof t);
    progress pg;
    /* not when the events themselves go to the terminal: they would mix */
    int show = !o.quiet && isatty(STDERR_FILENO) && (o.sink || !isatty(STDOUT_FILENO));
    progress_init(&pg, show, show ? progress_input_size(files, nfiles) : -1);

    unknown_tally *unk = o.unknown_actors ? unknown_new() : NULL;
    setvbuf(stdout, NULL, _IONBF, 0);  /* see write_block */
    signals_install();
    signals_block(1);                  /* see next_doc and reader_main */
    if (nthreads == 1 || code_parallel(&o, c, files, nfiles, nthreads, &counts, &t, &pg, unk) < 0)
        code_serial(&o, c, files, nfiles, &counts, &t, &pg, unk);

    progress_end(&pg);
    fflush(stdout);
    int status = t.status;
    if (o.sink && t.out_error) {
        status = 1;   /* the sink said why */
    } else if (t.out_error || ferror(stdout)) {
        fprintf(stderr, "dyad: write error: %s\n", strerror(errno));
        status = 1;
    }
    if (stop_signal) {
        fprintf(stderr, "dyad: %s: stopped after the last whole document\n",
                stop_signal == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)");
        status = 128 + stop_signal;
    }
    if (!o.quiet)
        print_summary(&counts, &t);
    print_undated_warning(&t);
    if (unk) {
        unknown_print(unk, stderr, 200);
        unknown_free(unk);
    }
    sniff_end(&sniffed);
    dyad_coder_free(c);
    return status;
}
