/* test_morph.c - verb forms and noun plurals from WordNet exceptions and rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "morph.h"

static dyad_morph *morph;   /* loaded once from /usr/share/wordnet */
static char tmpdir[] = "/tmp/dyad_test_morph_XXXXXX";

/* ---------------------------------------------------------------- helpers */

typedef struct {
    int n;
    char form[64][64];
} forms;

static void collect(void *ud, const char *s, size_t len)
{
    forms *f = ud;
    assert_true(len > 0 && len < 64);
    assert_true(f->n < 64);
    for (int i = 0; i < f->n; i++)   /* each form once */
        if (strlen(f->form[i]) == len && memcmp(f->form[i], s, len) == 0)
            fail_msg("form '%.*s' given twice", (int)len, s);
    memcpy(f->form[f->n], s, len);
    f->form[f->n][len] = 0;
    f->n++;
}

static forms verb(const dyad_morph *m, const char *lemma)
{
    forms f = { 0 };
    dyad_morph_verb_forms(m, lemma, strlen(lemma), collect, &f);
    return f;
}

static forms noun(const dyad_morph *m, const char *word)
{
    forms f = { 0 };
    dyad_morph_noun_forms(m, word, strlen(word), collect, &f);
    return f;
}

static int has(const forms *f, const char *s)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->form[i], s) == 0)
            return 1;
    return 0;
}

/* Checks that f holds exactly the space-separated forms in list. */
static void expect_forms(const forms *f, const char *what, const char *list)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", list);
    int n = 0;
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " "), n++)
        if (!has(f, w))
            fail_msg("%s: missing '%s'", what, w);
    if (n != f->n) {
        char got[1024] = "";
        for (int i = 0; i < f->n; i++) {
            strcat(got, " ");
            strcat(got, f->form[i]);
        }
        fail_msg("%s: expected '%s', got '%s'", what, list, got);
    }
}

#define EXPECT_VERB(m, lemma, list)      \
    do {                                 \
        forms f_ = verb((m), (lemma));   \
        expect_forms(&f_, (lemma), list); \
    } while (0)

#define EXPECT_NOUN(m, word, list)       \
    do {                                 \
        forms f_ = noun((m), (word));    \
        expect_forms(&f_, (word), list); \
    } while (0)

static void write_str(const char *name, const char *s)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, strlen(s), f), strlen(s));
    assert_int_equal(fclose(f), 0);
}

static void remove_files(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/verb.exc", tmpdir);
    unlink(p);
    snprintf(p, sizeof p, "%s/noun.exc", tmpdir);
    unlink(p);
}

static int setup(void **state)
{
    (void)state;
    char err[512];
    morph = dyad_morph_load(DYAD_WORDNET_DEFAULT_DIR, err, sizeof err);
    if (!morph) {
        fprintf(stderr, "load: %s\n", err);
        return -1;
    }
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    dyad_morph_free(morph);
    remove_files();
    rmdir(tmpdir);
    return 0;
}

/* ---------------------------------------------------------------- tests */

static void test_irregular_verbs(void **state)
{
    (void)state;
    EXPECT_VERB(morph, "give", "give gives gave given giving");
    EXPECT_VERB(morph, "send", "send sends sent sending");
    EXPECT_VERB(morph, "fight", "fight fights fought fighting");
    EXPECT_VERB(morph, "lead", "lead leads led leading");
    EXPECT_VERB(morph, "withdraw", "withdraw withdraws withdrew withdrawn withdrawing");
    EXPECT_VERB(morph, "beat", "beat beats beaten beating");
    EXPECT_VERB(morph, "meet", "meet meets met meeting");
    EXPECT_VERB(morph, "say", "say says said saying");
    EXPECT_VERB(morph, "go", "go goes went gone going");
    EXPECT_VERB(morph, "be", "be am are is was were been being");
    EXPECT_VERB(morph, "have", "have has had having");
    /* past = lemma */
    EXPECT_VERB(morph, "hit", "hit hits hitting");
    EXPECT_VERB(morph, "put", "put puts putting");
    EXPECT_VERB(morph, "cost", "cost costs costing");
}

static void test_regular_verbs(void **state)
{
    (void)state;
    EXPECT_VERB(morph, "seize", "seize seizes seized seizing");
    EXPECT_VERB(morph, "attack", "attack attacks attacked attacking");
    EXPECT_VERB(morph, "stop", "stop stops stopped stopping");
    EXPECT_VERB(morph, "try", "try tries tried trying");
    EXPECT_VERB(morph, "play", "play plays played playing");
    EXPECT_VERB(morph, "die", "die dies died dying");
    EXPECT_VERB(morph, "agree", "agree agrees agreed agreeing");
    EXPECT_VERB(morph, "visit", "visit visits visited visiting");
    EXPECT_VERB(morph, "fix", "fix fixes fixed fixing");
    EXPECT_VERB(morph, "push", "push pushes pushed pushing");
    EXPECT_VERB(morph, "veto", "veto vetoes vetoed vetoing");
    /* WordNet lists the British doubled spelling; the American one is kept */
    EXPECT_VERB(morph, "travel", "travel travels traveled travelled traveling travelling");
}

static void test_rules_without_wordnet(void **state)
{
    (void)state;
    /* an empty dir: rules only */
    char err[256];
    remove_files();
    dyad_morph *m = dyad_morph_load(tmpdir, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    const char *dbl[] = { "stop", "plan", "ban", "refer", "occur", "admit", "commit",
                          "control", "patrol", "compel", "expel", "propel", "rebel",
                          "regret", "transfer", "prefer", "permit", "submit", "omit",
                          "equip", NULL };
    for (int i = 0; dbl[i]; i++) {
        char ed[64], ing[64];
        size_t n = strlen(dbl[i]);
        snprintf(ed, sizeof ed, "%s%ced", dbl[i], dbl[i][n - 1]);
        snprintf(ing, sizeof ing, "%s%cing", dbl[i], dbl[i][n - 1]);
        forms f = verb(m, dbl[i]);
        if (!has(&f, ed) || !has(&f, ing))
            fail_msg("%s: no %s / %s", dbl[i], ed, ing);
        assert_int_equal(f.n, 4);
    }
    EXPECT_VERB(m, "visit", "visit visits visited visiting");
    EXPECT_VERB(m, "open", "open opens opened opening");
    EXPECT_VERB(m, "rain", "rain rains rained raining");
    EXPECT_VERB(m, "tie", "tie ties tied tying");
    EXPECT_VERB(m, "argue", "argue argues argued arguing");
    EXPECT_VERB(m, "panic", "panic panics panicked panicking");
    EXPECT_NOUN(m, "army", "army armies");
    EXPECT_NOUN(m, "box", "box boxes");
    dyad_morph_free(m);
}

static void test_nouns(void **state)
{
    (void)state;
    EXPECT_NOUN(morph, "army", "army armies");
    EXPECT_NOUN(morph, "box", "box boxes");
    EXPECT_NOUN(morph, "refugee", "refugee refugees");
    EXPECT_NOUN(morph, "militia", "militia militias");
    EXPECT_NOUN(morph, "troop", "troop troops");
    EXPECT_NOUN(morph, "church", "church churches");
    EXPECT_NOUN(morph, "day", "day days");
    EXPECT_NOUN(morph, "man", "man men");
    EXPECT_NOUN(morph, "woman", "woman women");
    EXPECT_NOUN(morph, "spokesman", "spokesman spokesmen");
    EXPECT_NOUN(morph, "human", "human humans");
    EXPECT_NOUN(morph, "person", "person people persons");
    EXPECT_NOUN(morph, "chief", "chief chiefs");
    EXPECT_NOUN(morph, "thief", "thief thieves");
    EXPECT_NOUN(morph, "child", "child children");
    EXPECT_NOUN(morph, "crisis", "crisis crises");
    EXPECT_NOUN(morph, "hero", "hero heroes");
    EXPECT_NOUN(morph, "photo", "photo photos");
    EXPECT_NOUN(morph, "sheep", "sheep");
    EXPECT_NOUN(morph, "data", "data");          /* already a plural */
}

static void test_edges(void **state)
{
    (void)state;
    forms f = verb(morph, "");
    assert_int_equal(f.n, 0);
    f = noun(morph, "");
    assert_int_equal(f.n, 0);
    f = verb(NULL, "stop");   /* no data at all: rules */
    assert_true(has(&f, "stopped"));
    /* lemma need not be NUL-terminated */
    forms g = { 0 };
    dyad_morph_verb_forms(morph, "gives", 4, collect, &g);
    assert_true(has(&g, "gave"));
    assert_false(has(&g, "gived"));
    /* a long word is inflected without overflow, or left alone */
    char longw[400];
    memset(longw, 'b', sizeof longw - 1);
    longw[sizeof longw - 1] = 0;
    forms h = { 0 };
    dyad_morph_noun_forms(morph, longw, 40, collect, &h);
    assert_int_equal(h.n, 2);
}

static void test_load_errors(void **state)
{
    (void)state;
    char err[512], want[600];
    assert_null(dyad_morph_load("/nonexistent/wordnet", err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/wordnet"));

    write_str("verb.exc", "gave give\nbogus\n");
    assert_null(dyad_morph_load(tmpdir, err, sizeof err));
    snprintf(want, sizeof want, "%s/verb.exc:2: ", tmpdir);
    assert_memory_equal(err, want, strlen(want));

    write_str("verb.exc", "gave give\n");
    write_str("noun.exc", "men man\n\nchildren\x01 child\n");
    assert_null(dyad_morph_load(tmpdir, err, sizeof err));
    snprintf(want, sizeof want, "%s/noun.exc:3: ", tmpdir);
    assert_memory_equal(err, want, strlen(want));

    /* a truncated last line is fine when it has both fields */
    write_str("noun.exc", "men man\nchildren chi");
    dyad_morph *m = dyad_morph_load(tmpdir, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    EXPECT_NOUN(m, "chi", "chi children");
    EXPECT_VERB(m, "give", "give gives gave giving");
    dyad_morph_free(m);
    remove_files();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_irregular_verbs),
        cmocka_unit_test(test_regular_verbs),
        cmocka_unit_test(test_rules_without_wordnet),
        cmocka_unit_test(test_nouns),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_load_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
