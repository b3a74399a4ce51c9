/* Unit tests of the compiled cache (src/lib/dict/cache.c): written on the first load,
 * taken on the next, the same events either way; rebuilt when a dictionary file
 * changes or the cache file is truncated or corrupted; off with DYAD_NO_CACHE. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "dyad.h"

static char tmp[256], dict_dir[300], cache_dir[300];

static const char *const TEXTS[] = {
    "Russia attacked Georgia on Monday.",
    "France condemned Russia. On 7 October 2023, militants attacked Israel.",
    "The United Nations appealed for aid to Sudan. Iran threatened to close the strait.",
    "Police arrested 12 protesters in Tbilisi. Germany will give $4.2 million to Ukraine.",
};

typedef struct {
    dyad_event ev[64];
    int n;
} events;

static int keep(void *ud, const dyad_event *ev)
{
    events *e = ud;
    if (e->n < 64)
        e->ev[e->n++] = *ev;
    return 0;
}

static void code_all(const dyad_coder *c, events *out)
{
    dyad_work *w = dyad_work_new();
    assert_non_null(w);
    out->n = 0;
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        dyad_doc d = {"d", "2008-08-11", TEXTS[i], strlen(TEXTS[i])};
        assert_int_equal(dyad_code(c, w, &d, keep, out, NULL), 0);
    }
    dyad_work_free(w);
}

static void same_events(const events *a, const events *b)
{
    assert_int_equal(a->n, b->n);
    for (int i = 0; i < a->n; i++) {
        const dyad_event *x = &a->ev[i], *y = &b->ev[i];
        assert_string_equal(x->source, y->source);
        assert_string_equal(x->target, y->target);
        assert_string_equal(x->code, y->code);
        assert_int_equal(x->sent, y->sent);
        assert_int_equal(x->date.year, y->date.year);
        assert_int_equal(x->date.month, y->date.month);
        assert_int_equal(x->date.day, y->date.day);
        assert_int_equal(x->quad_class, y->quad_class);
        assert_true(x->goldstein == y->goldstein);
        assert_memory_equal(&x->source_span, &y->source_span, sizeof x->source_span);
        assert_memory_equal(&x->verb_span, &y->verb_span, sizeof x->verb_span);
        assert_memory_equal(&x->target_span, &y->target_span, sizeof x->target_span);
        assert_int_equal(x->has_amount, y->has_amount);
    }
}

static dyad_coder *coder(void)
{
    dyad_options opt = dyad_default_options();
    opt.dict_dir = dict_dir;
    char err[512] = "";
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    if (!c)
        fprintf(stderr, "coder: %s\n", err);
    assert_non_null(c);
    return c;
}

/* Builds a coder and reports whether it came from the cache; checks its events. */
static int from_cache(const events *want)
{
    dyad_coder *c = coder();
    int r = dyad_coder_from_cache(c);
    if (want) {
        events got;
        code_all(c, &got);
        same_events(want, &got);
    }
    dyad_coder_free(c);
    return r;
}

static char *cache_path(void)
{
    dyad_cache_loc loc;
    assert_int_equal(dyad_cache_locate(&loc, dict_dir, DYAD_TAGGER_DEFAULT_DIR,
                                       DYAD_WORDNET_DEFAULT_DIR), 0);
    char *p = strdup(loc.path);
    dyad_cache_loc_free(&loc);
    assert_non_null(p);
    return p;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "%s/dyad-cache-test-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp))
        return -1;
    snprintf(dict_dir, sizeof dict_dir, "%s/dict", tmp);
    snprintf(cache_dir, sizeof cache_dir, "%s/cache", tmp);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp dict/*.actors dict/*.agents dict/*.verbs "
             "dict/*.codes dict/*.discards '%s'/", dict_dir, dict_dir);
    if (system(cmd) != 0)
        return -1;
    setenv("DYAD_CACHE_DIR", cache_dir, 1);
    unsetenv("DYAD_NO_CACHE");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_written_then_taken(void **state)
{
    (void)state;
    char *path = cache_path();
    unlink(path);
    dyad_coder *c = coder();
    assert_false(dyad_coder_from_cache(c));
    assert_true(exists(path));
    events first;
    code_all(c, &first);
    dyad_coder_free(c);
    assert_true(first.n >= 4);
    assert_string_equal(first.ev[0].source, "RUS");
    assert_string_equal(first.ev[0].target, "GEO");
    assert_int_equal(first.ev[0].date.day, 11);    /* Monday of the week of 2008-08-11 */
    assert_true(from_cache(&first));
    assert_true(from_cache(&first));
    free(path);
}

static void test_touched_file_rebuilds(void **state)
{
    (void)state;
    events want;
    dyad_coder *c = coder();
    code_all(c, &want);
    dyad_coder_free(c);
    assert_true(from_cache(&want));
    /* a new mtime, same content */
    char f[400];
    snprintf(f, sizeof f, "%s/countries.actors", dict_dir);
    struct stat st;
    assert_int_equal(stat(f, &st), 0);
    struct timespec ts[2] = {st.st_atim, st.st_mtim};
    ts[1].tv_nsec = (ts[1].tv_nsec + 1) % 1000000000;
    assert_int_equal(utimensat(AT_FDCWD, f, ts, 0), 0);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
    /* a file added to the folder (even one the loader skips) */
    snprintf(f, sizeof f, "%s/notes.txt", dict_dir);
    FILE *fp = fopen(f, "w");
    assert_non_null(fp);
    fputs("notes\n", fp);
    fclose(fp);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
}

static void rewrite(const char *path, const unsigned char *buf, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    *n = (size_t)st.st_size;
    unsigned char *b = malloc(*n);
    assert_non_null(b);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static void test_bad_files_rejected(void **state)
{
    (void)state;
    events want;
    dyad_coder *c = coder();
    code_all(c, &want);
    dyad_coder_free(c);
    char *path = cache_path();
    size_t n;
    unsigned char *good = slurp(path, &n);
    assert_true(n > 4096);
    /* truncated: at several lengths, down to nothing */
    size_t cuts[] = {n - 1, n / 2, 200, 8, 0};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        rewrite(path, good, cuts[i]);
        assert_false(from_cache(&want));
        assert_true(from_cache(&want));     /* rebuilt */
    }
    /* corrupted: one byte flipped in the header, the section table, the payload */
    size_t at[] = {0, 9, 40, 150, 300, n / 3, n / 2, n - 1};
    unsigned char *bad = malloc(n);
    assert_non_null(bad);
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        memcpy(bad, good, n);
        bad[at[i]] ^= 0x5a;
        rewrite(path, bad, n);
        assert_false(from_cache(&want));
        assert_true(from_cache(&want));
    }
    /* garbage of the right size */
    for (size_t i = 0; i < n; i++)
        bad[i] = (unsigned char)(i * 131 + 7);
    rewrite(path, bad, n);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
    free(bad);
    free(good);
    free(path);
}

static void test_off_and_unwritable(void **state)
{
    (void)state;
    events want;
    dyad_coder *c = coder();
    code_all(c, &want);
    dyad_coder_free(c);
    char *path = cache_path();
    setenv("DYAD_NO_CACHE", "1", 1);
    assert_false(from_cache(&want));
    unlink(path);
    assert_false(from_cache(&want));
    assert_false(exists(path));
    unsetenv("DYAD_NO_CACHE");
    /* a cache folder that cannot be made: coding goes on without a cache */
    char file[400], sub[450];
    snprintf(file, sizeof file, "%s/plainfile", tmp);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    snprintf(sub, sizeof sub, "%s/sub", file);
    setenv("DYAD_CACHE_DIR", sub, 1);
    assert_false(from_cache(&want));
    assert_false(from_cache(&want));
    setenv("DYAD_CACHE_DIR", cache_dir, 1);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_written_then_taken),
        cmocka_unit_test(test_touched_file_rebuilds),
        cmocka_unit_test(test_bad_files_rejected),
        cmocka_unit_test(test_off_and_unwritable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
