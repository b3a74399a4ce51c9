/* test_unicode.c - text normalisation (text.h, with utf8proc) and UTF-16 input
 * (input.h), issue 15.6: each hostile or unusual spelling codes the same events as
 * its plain form; a UTF-16 file is refused with a message saying what it is. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"
#include "input.h"
#include "text.h"

static dyad_coder *coder;

static int setup(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    dyad_options opt = dyad_default_options();
    opt.dict_dir = "dict";
    char err[512];
    coder = dyad_coder_new(&opt, err, sizeof err);
    if (!coder)
        fprintf(stderr, "%s\n", err);
    return coder ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    dyad_coder_free(coder);
    return 0;
}

typedef struct {
    char text[16][96];      /* "SOURCE TARGET CODE" per event */
    int n;
} events;

static int keep(void *ud, const dyad_event *ev)
{
    events *e = ud;
    if (e->n < 16)
        snprintf(e->text[e->n++], sizeof e->text[0], "%s %s %s", ev->source, ev->target, ev->code);
    return 0;
}

static events code(const char *text)
{
    events e = {.n = 0};
    dyad_work *w = dyad_work_new();
    assert_non_null(w);
    dyad_doc d = {"d", "2008-08-11", text, strlen(text), NULL, NULL};
    assert_int_equal(dyad_code(coder, w, &d, keep, &e, NULL), 0);
    dyad_work_free(w);
    return e;
}

static void same_as(const char *plain, const char *variant)
{
    events a = code(plain), b = code(variant);
    assert_true(a.n > 0);
    if (a.n != b.n)
        fail_msg("'%s': %d events, plain form %d", variant, b.n, a.n);
    for (int i = 0; i < a.n; i++)
        assert_string_equal(a.text[i], b.text[i]);
}

static void variants_code_as_plain(void **state)
{
    (void)state;
    const char *plain = "Russia invaded Georgia.";
    same_as(plain, "\xE2\x80\x8ERussia invaded Georgia.");            /* U+200E LRM first */
    same_as(plain, "\xE2\x80\xAERussia invaded Georgia.");            /* U+202E RLO first */
    same_as(plain, "Rus\xE2\x80\x8Dsia invaded Georgia.");            /* ZWJ inside a word */
    same_as(plain, "Rus\xE2\x81\xA0sia invaded Georgia.");            /* word joiner */
    same_as(plain, "\xEF\xBC\xB2\xEF\xBD\x95\xEF\xBD\x93\xEF\xBD\x93\xEF\xBD\x89\xEF\xBD\x81"
                   " invaded Georgia.");                               /* full-width Latin */
    same_as(plain, "Russia\xF0\x9F\x87\xB7\xF0\x9F\x87\xBA invaded Georgia."); /* flag glued */
    same_as(plain, "\xF0\x9F\x94\xA5Russia invaded Georgia.");        /* emoji glued before */
    same_as(plain, "Russia\xE2\x9A\xA0\xEF\xB8\x8F invaded Georgia."); /* emoji + VS16 */
    same_as("France condemned C\xC3\xB4te d'Ivoire.",
            "France condemned Co\xCC\x82te d'Ivoire.");                /* NFD */
}

static void normalize_details(void **state)
{
    (void)state;
    dyad_text t = {0};
    /* full-width digits and punctuation; NFC composes; nothing else changes */
    const char *in = "\xEF\xBC\x91\xEF\xBC\x92 e\xCC\x81t\xC3\xA9 \xE5\x8C\x97\xE4\xBA\xAC";
    assert_int_equal(dyad_normalize(in, strlen(in), &t), 0);
    assert_string_equal(t.buf, "12 \xC3\xA9t\xC3\xA9 \xE5\x8C\x97\xE4\xBA\xAC");
    dyad_text_free(&t);
}

static void utf16_refused(void **state)
{
    (void)state;
    char path[] = "/tmp/dyad_test_unicode_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* "Russia invaded Georgia." in UTF-16LE with its BOM */
    const char *s = "Russia invaded Georgia.\n";
    unsigned char buf[128] = {0xFF, 0xFE};
    size_t n = 2;
    for (const char *p = s; *p; p++) {
        buf[n++] = (unsigned char)*p;
        buf[n++] = 0;
    }
    assert_int_equal(write(fd, buf, n), (ssize_t)n);
    close(fd);
    const input_kind kinds[] = {INPUT_TEXT, INPUT_JSONL, INPUT_PETRARCH_XML};
    for (size_t k = 0; k < 3; k++) {
        input_counts counts;
        memset(&counts, 0, sizeof counts);
        fflush(stderr);
        FILE *errf = tmpfile();
        int saved = dup(2);
        dup2(fileno(errf), 2);
        input_reader *r = input_open(path, kinds[k], NULL, 1 << 20, &counts);
        assert_non_null(r);
        input_doc doc;
        assert_int_equal(input_next(r, &doc), 0);
        input_close(r);
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
        char msg[512] = "";
        rewind(errf);
        size_t got = fread(msg, 1, sizeof msg - 1, errf);
        msg[got] = 0;
        fclose(errf);
        assert_int_equal(counts.read, 1);
        assert_int_equal(counts.skipped[SKIP_BINARY], 1);
        assert_non_null(strstr(msg, "UTF-16"));
    }
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(variants_code_as_plain),
        cmocka_unit_test(normalize_details),
        cmocka_unit_test(utf16_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
