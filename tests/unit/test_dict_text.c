/* test_dict_text.c - a dictionary's text checked before parsing (dict_text.h),
 * issue 15.6: invalid UTF-8 and overlong lines are file:line warnings, a NUL byte,
 * a UTF-16 file and a pattern over 511 bytes are file:line errors; never silent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict_text.h"
#include "dyad.h"
#include "tabari.h"

static char dir[64];

static void put(const char *name, const char *data, size_t n)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dyad_test_dict_text_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "cp dict/cameo.codes '%s'/", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* dyad dict check on the folder: the messages, the error and warning counts. */
static char *check(size_t *errors, size_t *warnings)
{
    char *msgs = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&msgs, &len);
    assert_non_null(out);
    setenv("DYAD_NO_CACHE", "1", 1);
    *errors = dyad_dict_check(dir, NULL, out, warnings);
    fclose(out);
    return msgs;
}

static void has(const char *msgs, const char *what)
{
    if (!strstr(msgs, what))
        fail_msg("'%s' not in:\n%.3000s", what, msgs);
}

static void bad_bytes_reported(void **state)
{
    (void)state;
    size_t e, w;
    /* invalid UTF-8 on line 2: a warning naming the line; the file still loads */
    static const char latin1[] = "Gondor = GON\nMin\xe1s Tirith = GON\n";
    put("x.actors", latin1, sizeof latin1 - 1);
    char *m = check(&e, &w);
    has(m, "x.actors:2: ");
    has(m, "invalid UTF-8");
    assert_int_equal(e, 0);
    free(m);
    /* a NUL byte on line 2: an error naming the line (the file is refused) */
    static const char nul[] = "Gondor = GON\nMordor\0 = MOR\n";
    put("x.actors", nul, sizeof nul - 1);
    m = check(&e, &w);
    has(m, "x.actors:2: ");
    has(m, "NUL byte");
    assert_true(e >= 1);
    free(m);
    /* UTF-16 */
    static const char u16[] = "\xff\xfeG\0o\0n\0\n\0";
    put("x.actors", u16, sizeof u16 - 1);
    m = check(&e, &w);
    has(m, "x.actors:1: ");
    has(m, "UTF-16");
    assert_true(e >= 1);
    free(m);
    put("x.actors", "Gondor = GON\n", 13);
    /* a pattern over 511 bytes: an error, not a pattern silently cut */
    char verbs[1024];
    int n = snprintf(verbs, sizeof verbs, "verb attack = 190\n    - ");
    while (n < 700)
        n += snprintf(verbs + n, sizeof verbs - (size_t)n, "word ");
    n += snprintf(verbs + n, sizeof verbs - (size_t)n, "= 195\n");
    put("x.verbs", verbs, (size_t)n);
    m = check(&e, &w);
    has(m, "x.verbs:2: ");
    has(m, "pattern over 511 bytes");
    assert_true(e >= 1);
    free(m);
    char p[128];
    snprintf(p, sizeof p, "%s/x.verbs", dir);
    unlink(p);
}

typedef struct {
    long line[8];
    int fatal[8];
    int n;
} issues;

static void note(void *ud, long line, int fatal, const char *msg)
{
    issues *is = ud;
    (void)msg;
    if (is->n < 8) {
        is->line[is->n] = line;
        is->fatal[is->n++] = fatal;
    }
}

static void checker_lines(void **state)
{
    (void)state;
    issues is = {.n = 0};
    static const char t[] = "ok\n\xc0\xaf overlong\nfine \xe2\x82\xac\nabcdefghij\n\xed\xa0\x80\n";
    assert_int_equal(dyad_dict_text_check(t, sizeof t - 1, 8, 1, note, &is), 0);
    assert_int_equal(is.n, 4);  /* line 2 bad UTF-8 and long, line 4 long, line 5 surrogate */
    assert_int_equal(is.line[0], 2);
    assert_int_equal(is.line[2], 4);
    assert_int_equal(is.line[3], 5);
    is.n = 0;
    static const char z[] = "a\nb\0c\nd\0\n";
    assert_int_equal(dyad_dict_text_check(z, sizeof z - 1, 0, 0, note, &is), 0);
    assert_int_equal(is.n, 2);
    assert_int_equal(is.line[0], 2);
    assert_int_equal(is.fatal[0], 0);
    is.n = 0;
    assert_int_equal(dyad_dict_text_check(z, sizeof z - 1, 0, 1, note, &is), 1);
    assert_int_equal(is.n, 1);
    assert_int_equal(is.fatal[0], 1);
}

/* fuzz_tabari's finding: a lone "=" or "~" word made dyad_tabari_parse_seq loop
 * forever (the position was not advanced); alarm() turns a regression into a
 * failure instead of a hang. */
static void tabari_lone_marker(void **state)
{
    (void)state;
    alarm(10);
    const char *texts[] = {"=", "~", "A_= B", "X ~ Y=", "=_~_*"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        tb_seq q;
        assert_int_equal(dyad_tabari_parse_seq(texts[i], &q, NULL, 1), 0);
        for (size_t k = 0; k < q.n; k++)
            free(q.el[k].w);
        free(q.el);
    }
    alarm(0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_bytes_reported),
        cmocka_unit_test(checker_lines),
        cmocka_unit_test(tabari_lone_marker),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
