/* Unit tests of the compiled cache (src/lib/dict/cache.c): written on the first load,
 * taken on the next, the same events either way; rebuilt when a dictionary file
 * changes or the cache file is truncated or corrupted; off with DYAD_NO_CACHE. */
#define _XOPEN_SOURCE 700 /* realpath */
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
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "tagger.h"
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
        dyad_doc d = {"d", "2008-08-11", TEXTS[i], strlen(TEXTS[i]), NULL, NULL};
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

/* The events of TEXTS from a coder made now (from the cache or not). */
static void reference(events *want)
{
    dyad_coder *c = coder();
    code_all(c, want);
    dyad_coder_free(c);
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
    reference(&want);
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
    reference(&want);
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
    reference(&want);
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

/* Loads the cache file directly (no coder): 1 when it is taken. */
static int loads(const char *note_part)
{
    dyad_cache_loc loc;
    assert_int_equal(dyad_cache_locate(&loc, dict_dir, DYAD_TAGGER_DEFAULT_DIR,
                                       DYAD_WORDNET_DEFAULT_DIR), 0);
    dyad_dict d;
    dyad_cache_parts cp = {&d, NULL, NULL, NULL, 0, 0};
    dyad_cache *c = dyad_cache_load(&loc, &cp);
    if (note_part && !strstr(loc.note, note_part))
        fprintf(stderr, "note: \"%s\", wanted \"%s\"\n", loc.note, note_part);
    if (note_part)
        assert_non_null(strstr(loc.note, note_part));
    dyad_cache_loc_free(&loc);
    if (!c)
        return 0;
    dyad_tagger_free(cp.tagger);
    free(cp.word_tag);
    dyad_cache_free(c, &d);
    return 1;
}

static void flip_at(int fd, size_t at, unsigned char bit)
{
    unsigned char b;
    assert_int_equal(pread(fd, &b, 1, (off_t)at), 1);
    b ^= bit;
    assert_int_equal(pwrite(fd, &b, 1, (off_t)at), 1);
}

/* issue 15.1: one flipped bit anywhere (every byte of the header and section
 * table, a sample of the data) is rejected; the coder then rebuilds and codes the
 * same events as with no cache at all. */
static void test_every_bit_flip_rejected(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    events want;
    reference(&want);
    unsetenv("DYAD_NO_CACHE");
    from_cache(&want);      /* written when missing */
    assert_true(from_cache(&want));
    char *path = cache_path();
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    size_t n = (size_t)st.st_size;
    int fd = open(path, O_RDWR);
    assert_true(fd >= 0);
    assert_true(loads(NULL));
    size_t checked = 0;
    for (size_t at = 0; at < n; at += at < 768 ? 1 : n / 64 + 1, checked++) {
        unsigned char bit = (unsigned char)(1u << (at % 8));
        flip_at(fd, at, bit);
        assert_false(loads("damaged"));
        flip_at(fd, at, bit);
    }
    assert_true(checked > 768);
    assert_true(loads(NULL));
    /* through the coder: the output equals the no-cache run's */
    flip_at(fd, 233, 0x10);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
    close(fd);
    free(path);
}

/* issue 15.2: a cache file or folder owned by another user, or writable by group
 * or others, is refused with a reason; coding goes on without it. */
static void test_foreign_or_open_files_refused(void **state)
{
    (void)state;
    events want;
    reference(&want);
    char *path = cache_path();
    assert_true(loads(NULL));
    assert_int_equal(chmod(path, 0666), 0);
    assert_false(loads("writable by group or others"));
    assert_int_equal(chmod(path, 0600), 0);
    assert_true(loads(NULL));
    if (getuid() == 0) {     /* as root the test can plant a file of another user */
        assert_int_equal(chown(path, 65534, 65534), 0);
        assert_false(loads("owned by uid 65534"));
        dyad_coder *c0 = coder();
        assert_false(dyad_coder_from_cache(c0));
        assert_non_null(strstr(dyad_coder_cache_note(c0), "owned by uid 65534"));
        dyad_coder_free(c0);
        assert_int_equal(chown(cache_dir, 65534, 65534), 0);
        c0 = coder();
        assert_false(dyad_coder_from_cache(c0));
        assert_non_null(strstr(dyad_coder_cache_note(c0), "owned by uid 65534"));
        dyad_coder_free(c0);
        assert_int_equal(chown(cache_dir, 0, 0), 0);
    }
    assert_int_equal(chmod(cache_dir, 0777), 0);
    dyad_coder *c = coder();
    assert_false(dyad_coder_from_cache(c));
    assert_non_null(strstr(dyad_coder_cache_note(c), "writable by group or others"));
    events got;
    code_all(c, &got);
    same_events(&want, &got);
    dyad_coder_free(c);
    assert_int_equal(chmod(cache_dir, 0700), 0);
    unlink(path);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
    free(path);
}

/* issue 15.3: a FIFO at the cache path does not block; a cache file rewritten or
 * truncated while a coder uses it changes nothing (no SIGBUS, no endless probe). */
static void test_fifo_and_file_changed_in_use(void **state)
{
    (void)state;
    events want;
    reference(&want);
    char *path = cache_path();
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(from_cache(&want));     /* would block forever in open() */
    unlink(path);
    assert_false(from_cache(&want));
    dyad_coder *c = coder();
    assert_true(dyad_coder_from_cache(c));
    size_t n;
    unsigned char *good = slurp(path, &n);
    unsigned char *junk = malloc(n);
    assert_non_null(junk);
    memset(junk, 0xff, n);
    int fd = open(path, O_WRONLY);      /* in place, not a rename */
    assert_true(fd >= 0);
    assert_int_equal(write(fd, junk, n), (ssize_t)n);
    events got;
    code_all(c, &got);
    same_events(&want, &got);
    assert_int_equal(ftruncate(fd, 100), 0);
    code_all(c, &got);
    same_events(&want, &got);
    close(fd);
    dyad_coder_free(c);
    free(junk);
    free(good);
    free(path);
}

static void count_item_any(void *ud, const dyad_cached *it)
{
    size_t *n = ud;
    n[it->kind]++;
}

static void count_item(void *ud, const dyad_cached *it)
{
    size_t *n = ud;
    n[it->kind]++;
    if (it->kind == DYAD_CACHED_TABLES) {
        assert_true(it->current);
        char *real = realpath(dict_dir, NULL);
        assert_non_null(real);
        assert_string_equal(it->source, real);
        free(real);
    }
}

/* issue 14: one tables file per live dictionary folder: a save prunes files of
 * other builds or unreadable ones and stale temporary files; info lists, clear
 * removes. */
static void test_pruned_listed_cleared(void **state)
{
    (void)state;
    events want;
    reference(&want);
    char stale[400], temp[400];
    snprintf(stale, sizeof stale, "%s/dict-00000000deadbeef.cache", cache_dir);
    snprintf(temp, sizeof temp, "%s/dict-00000000deadbeef.cache.Ab12Cd", cache_dir);
    FILE *f = fopen(stale, "w");
    assert_non_null(f);
    fputs("DYADCACH and then not a cache", f);
    fclose(f);
    f = fopen(temp, "w");
    assert_non_null(f);
    fclose(f);
    struct timespec old[2] = {{time(NULL) - 7200, 0}, {time(NULL) - 7200, 0}};
    assert_int_equal(utimensat(AT_FDCWD, temp, old, 0), 0);
    char folder[512], why[320];
    size_t kinds[4] = {0, 0, 0, 0};
    assert_int_equal(dyad_cache_list(folder, sizeof folder, count_item_any, kinds, why, sizeof why), 1);
    assert_int_equal(kinds[DYAD_CACHED_TABLES], 2);
    /* a rebuild (a touched dictionary file) saves, and the save prunes */
    char dictfile[400];
    snprintf(dictfile, sizeof dictfile, "%s/countries.actors", dict_dir);
    struct stat st;
    assert_int_equal(stat(dictfile, &st), 0);
    struct timespec ts[2] = {st.st_atim, st.st_mtim};
    ts[1].tv_sec -= 10;
    assert_int_equal(utimensat(AT_FDCWD, dictfile, ts, 0), 0);
    assert_false(from_cache(&want));
    assert_false(exists(stale));
    assert_false(exists(temp));
    memset(kinds, 0, sizeof kinds);
    assert_int_equal(dyad_cache_list(folder, sizeof folder, count_item, kinds, why, sizeof why), 1);
    assert_string_equal(folder, cache_dir);
    assert_int_equal(kinds[DYAD_CACHED_TABLES], 1);
    assert_int_equal(kinds[DYAD_CACHED_KEY], 1);
    assert_true(dyad_cache_clear(folder, sizeof folder, why, sizeof why) >= 2);
    memset(kinds, 0, sizeof kinds);
    assert_int_equal(dyad_cache_list(folder, sizeof folder, count_item, kinds, why, sizeof why), 1);
    assert_int_equal(kinds[DYAD_CACHED_TABLES] + kinds[DYAD_CACHED_KEY], 0);
    assert_false(from_cache(&want));
    assert_true(from_cache(&want));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_written_then_taken),
        cmocka_unit_test(test_touched_file_rebuilds),
        cmocka_unit_test(test_bad_files_rejected),
        cmocka_unit_test(test_off_and_unwritable),
        cmocka_unit_test(test_every_bit_flip_rejected),
        cmocka_unit_test(test_foreign_or_open_files_refused),
        cmocka_unit_test(test_fifo_and_file_changed_in_use),
        cmocka_unit_test(test_pruned_listed_cleared),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
