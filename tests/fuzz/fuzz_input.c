/* fuzz_input.c - libFuzzer harness for the CLI's document readers (src/cli/input.c):
 * JSON lines and PETRARCH XML (and, on the same bytes, plain text).
 *
 * The input is written to a temporary file, which is read to the end with
 * input_open / input_next / input_close once per reader kind. Checks:
 *   - read == handed + skipped (the contract of input.h);
 *   - every handed document has an id, text[text_len] == 0 and no NUL byte
 *     inside text (NUL bytes are skipped as "binary"), a non-blank text, and a
 *     text no larger than max_bytes; its line number is within the file;
 *   - no crash, no leak, no undefined behaviour.
 * The readers' "skipped" warnings go to stderr; run with -close_fd_mask=2 to
 * silence them. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

#include "known.h"

#define CHECK(cond, ...)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz_input: invariant failed: %s: ", #cond);       \
            fprintf(stderr, __VA_ARGS__);                                       \
            fprintf(stderr, "\n");                                              \
            abort();                                                            \
        }                                                                       \
    } while (0)

static char path[80];
static int allow_empty_xml_id; /* known bug, see known.h */

/* The file is made anew for each input and removed after it, so that a run that
 * ends in a crash (libFuzzer then exits without atexit handlers) leaves at most
 * one file behind. */
static void make_file(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/dyad-fuzz-input-XXXXXX", tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        abort();
    }
    close(fd);
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
            return 0;
    return 1;
}

static void read_all(input_kind kind, size_t max_bytes, size_t size, size_t lines)
{
    input_counts counts;
    memset(&counts, 0, sizeof counts);
    input_reader *r = input_open(path, kind, "2020-01-02", max_bytes, &counts);
    CHECK(r != NULL, "input_open failed");
    size_t handed = 0;
    input_doc doc;
    while (input_next(r, &doc)) {
        handed++;
        CHECK(doc.id != NULL, "document without id");
        CHECK(doc.id[0] != 0 || (kind == INPUT_PETRARCH_XML && allow_empty_xml_id), "empty id");
        CHECK(doc.text != NULL, "document without text");
        CHECK(doc.text[doc.text_len] == 0, "text not NUL-terminated");
        CHECK(memchr(doc.text, 0, doc.text_len) == NULL, "NUL byte inside handed text");
        CHECK(!is_blank(doc.text, doc.text_len), "blank document handed out");
        CHECK(!max_bytes || doc.text_len <= max_bytes, "text %zu over the limit %zu", doc.text_len, max_bytes);
        CHECK(doc.line >= 1 && (size_t)doc.line <= lines, "line %ld of %zu", doc.line, lines);
        CHECK(doc.date != NULL, "no date although a default was given");
        /* touch every string so that ASan sees stale pointers */
        (void)strlen(doc.id);
        (void)strlen(doc.date);
        if (doc.title) (void)strlen(doc.title);
        if (doc.source) (void)strlen(doc.source);
        if (doc.url) (void)strlen(doc.url);
        CHECK(handed <= size + 1, "more documents (%zu) than bytes (%zu)", handed, size);
    }
    input_close(r);
    size_t skipped = 0;
    for (int i = 0; i < SKIP_KINDS; i++)
        skipped += counts.skipped[i];
    CHECK(counts.read == handed + skipped, "kind %d: read %zu != handed %zu + skipped %zu", (int)kind,
          counts.read, handed, skipped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    make_file();
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    allow_empty_xml_id = fuzz_skip_known_enabled() && fuzz_known_xml_nul_attr(data, size);
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';

    /* A small document limit makes the "too large" paths reachable too. */
    size_t small = 1 + (size ? data[0] % 64 : 0);
    read_all(INPUT_JSONL, 0, size, lines);
    read_all(INPUT_JSONL, small, size, lines);
    read_all(INPUT_PETRARCH_XML, 0, size, lines);
    read_all(INPUT_PETRARCH_XML, small, size, lines);
    read_all(INPUT_TEXT, 0, size, lines);
    unlink(path);
    return 0;
}
