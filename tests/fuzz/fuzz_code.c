/* fuzz_code.c - libFuzzer harness for the whole coder: the input is one document
 * coded by dyad_code() with the repository's dictionaries (made once).
 *
 * The dictionary folder is DYAD_FUZZ_DICT from the environment, else the
 * compile-time DICT_DIR (the Makefile passes the repository's dict/). Checks: no
 * crash, no leak, no undefined behaviour; every event's spans lie inside its
 * sentence, its code is non-empty, and the statistics add up. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "text.h"

#include "known.h"

#ifndef DICT_DIR
#define DICT_DIR "dict"
#endif

#define CHECK(cond, ...)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz_code: invariant failed: %s: ", #cond);        \
            fprintf(stderr, __VA_ARGS__);                                       \
            fprintf(stderr, "\n");                                              \
            abort();                                                            \
        }                                                                       \
    } while (0)

static dyad_coder *coder;
static dyad_work *work;

static void cleanup(void)
{
    /* (the normalization buffer of the known-bug filter is left to the exit) */
    dyad_work_free(work);
    dyad_coder_free(coder);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dyad_options opt = dyad_default_options();
    const char *env = getenv("DYAD_FUZZ_DICT");
    opt.dict_dir = env && *env ? env : DICT_DIR;
    char err[512] = "";
    coder = dyad_coder_new(&opt, err, sizeof err);
    if (!coder) {
        fprintf(stderr, "fuzz_code: cannot load the coder from %s: %s\n", opt.dict_dir, err);
        abort();
    }
    work = dyad_work_new();
    if (!work)
        abort();
    atexit(cleanup);
    return 0;
}

typedef struct {
    size_t events;
} ctx;

static void check_span(const dyad_event *ev, dyad_span sp, const char *what)
{
    CHECK((uint64_t)sp.off + sp.len <= ev->text_len, "%s span [%u,+%u) outside sentence of %zu", what,
          sp.off, sp.len, ev->text_len);
}

static int on_event(void *ud, const dyad_event *ev)
{
    ctx *c = ud;
    c->events++;
    CHECK(ev->text != NULL && ev->text_len > 0, "event without sentence");
    CHECK(ev->code[0] != 0, "event without code");
    CHECK(memchr(ev->source, 0, sizeof ev->source) && memchr(ev->target, 0, sizeof ev->target),
          "actor code not terminated");
    CHECK(ev->sent >= 0, "sentence index %d", ev->sent);
    check_span(ev, ev->source_span, "source");
    check_span(ev, ev->target_span, "target");
    check_span(ev, ev->verb_span, "verb");
    CHECK(ev->verb_span.len > 0, "event without verb span");
    /* read the whole sentence so that ASan checks it is still alive */
    volatile unsigned char sum = 0;
    for (size_t i = 0; i < ev->text_len; i++)
        sum ^= (unsigned char)ev->text[i];
    (void)sum;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    dyad_doc doc = {"fuzz", "2021-06-15", (const char *)data, size, NULL, NULL};
    dyad_doc_stats st;
    ctx c = {0};
    int rc = dyad_code(coder, work, &doc, on_event, &c, &st);
    CHECK(rc == 0, "dyad_code returned %d", rc);
    CHECK(st.events == c.events, "stats say %zu events, callback saw %zu", st.events, c.events);
    CHECK(st.invalid_bytes <= size, "%zu invalid bytes in %zu", st.invalid_bytes, size);
    CHECK(st.long_sentences <= st.sentences, "long %zu > sentences %zu", st.long_sentences, st.sentences);
    CHECK(st.bad_date == 0, "fixed date reported bad");
    return 0;
}
