/* test_tagger.c - the HMM part-of-speech tagger and its data loader. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tagger.h"

static dyad_tagger *tagger;   /* loaded once from the Debian data, read-only */

/* ---------------------------------------------------------------- helpers */

/* Tokens of a sentence whose tokens are separated by single spaces: a lone
 * non-alphanumeric character is TOK_PUNCT, a run of digits TOK_NUMBER. */
static size_t split(const char *s, dyad_token *tok, size_t cap)
{
    size_t n = 0, i = 0, len = strlen(s);
    while (i < len && n < cap) {
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        dyad_token *t = &tok[n];
        memset(t, 0, sizeof *t);
        t->off = (uint32_t)i;
        t->len = (uint32_t)(j - i);
        t->word = -1;
        int digits = 1, alnum = 0;
        for (size_t k = i; k < j; k++) {
            digits &= s[k] >= '0' && s[k] <= '9';
            alnum |= (s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'z') ||
                     (s[k] >= 'A' && s[k] <= 'Z');
        }
        t->kind = digits ? TOK_NUMBER : !alnum ? TOK_PUNCT : TOK_WORD;
        if (s[i] >= 'A' && s[i] <= 'Z')
            t->flags |= TOKF_CAP;
        if (n == 0)
            t->flags |= TOKF_SENT_START;
        n++;
        i = j + 1;
    }
    return n;
}

typedef struct {
    dyad_token tok[256];
    size_t n;
    const char *text;
} tagged;

static void tag(const char *s, tagged *out)
{
    dyad_tagger_work w = { 0 };
    out->text = s;
    out->n = split(s, out->tok, 256);
    assert_int_equal(dyad_tagger_tag(tagger, s, out->tok, out->n, &w), 0);
    dyad_tagger_work_free(&w);
}

/* The tag of the first token spelled word. */
static dyad_tag tag_of(const tagged *t, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < t->n; i++)
        if (t->tok[i].len == n && memcmp(t->text + t->tok[i].off, word, n) == 0)
            return (dyad_tag)t->tok[i].tag;
    fail_msg("no token '%s'", word);
    return TAG_NONE;
}

#define assert_tag(t, word, expected)                                                     \
    do {                                                                                  \
        dyad_tag got_ = tag_of((t), (word));                                             \
        if (got_ != (expected))                                                          \
            fail_msg("'%s': got %s, expected %s", (word), dyad_tag_name(got_),            \
                     dyad_tag_name(expected));                                            \
    } while (0)

/* ---------------------------------------------------------------- fixtures */

static char tmpdir[] = "/tmp/dyad_test_tagger_XXXXXX";

static void write_file(const char *name, const char *data, size_t n)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static void write_str(const char *name, const char *s) { write_file(name, s, strlen(s)); }

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    char *b = malloc((size_t)n);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Copies one of the real data files into the temp dir. */
static void copy_real(const char *name)
{
    char p[512];
    size_t n;
    snprintf(p, sizeof p, "%s/%s", DYAD_TAGGER_DEFAULT_DIR, name);
    char *b = read_all(p, &n);
    write_file(name, b, n);
    free(b);
}

/* A good small model in the temp dir. */
static void write_small_model(void)
{
    write_str("words.yml", "--- #YAML:1.0\n"
                           "\"the\": { det: 100 }\n"
                           "dog: { nn: 10, vb: 1 }\n"
                           "barks: { vbz: 5, nns: 1 }\n"
                           "cats: { nns: 50 }\n"
                           "\".\": { pp: 50 }\n");
    copy_real("unknown.yml");
    copy_real("tags.yml");
}

static int setup(void **state)
{
    (void)state;
    char err[512];
    tagger = dyad_tagger_load(DYAD_TAGGER_DEFAULT_DIR, err, sizeof err);
    if (!tagger) {
        fprintf(stderr, "load: %s\n", err);
        return -1;
    }
    if (!mkdtemp(tmpdir))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    dyad_tagger_free(tagger);
    const char *names[] = { "words.yml", "tags.yml", "unknown.yml" };
    char p[512];
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", tmpdir, names[i]);
        unlink(p);
    }
    rmdir(tmpdir);
    return 0;
}

/* Loads the temp dir; expects failure with an error that starts with
 * "<dir>/<file>:<line>: ". */
static void expect_load_error(const char *file, int line)
{
    char err[512], want[600];
    memset(err, 0, sizeof err);
    dyad_tagger *t = dyad_tagger_load(tmpdir, err, sizeof err);
    if (t) {
        dyad_tagger_free(t);
        fail_msg("loaded a bad %s", file);
    }
    snprintf(want, sizeof want, "%s/%s:%d: ", tmpdir, file, line);
    if (strncmp(err, want, strlen(want)) != 0)
        fail_msg("error '%s', expected it to start with '%s'", err, want);
    assert_true(strlen(err) > strlen(want));   /* and a message follows */
}

/* ---------------------------------------------------------------- tests */

static void test_tag_names(void **state)
{
    (void)state;
    assert_string_equal(dyad_tag_name(TAG_NONE), "");
    assert_string_equal(dyad_tag_name(TAG_NN), "NN");
    assert_string_equal(dyad_tag_name(TAG_VBD), "VBD");
    assert_string_equal(dyad_tag_name(TAG_PRPS), "PRPS");
    assert_string_equal(dyad_tag_name((dyad_tag)200), "");
    assert_int_equal(dyad_tag_from_lingua("nn", 2), TAG_NN);
    assert_int_equal(dyad_tag_from_lingua("det", 3), TAG_DT);
    assert_int_equal(dyad_tag_from_lingua("wps", 3), TAG_WPS);
    assert_int_equal(dyad_tag_from_lingua("pp", 2), TAG_PP);
    assert_int_equal(dyad_tag_from_lingua("nnsx", 3), TAG_NNS);   /* length counts */
    assert_int_equal(dyad_tag_from_lingua("xx", 2), TAG_NONE);
    assert_int_equal(dyad_tag_from_lingua("", 0), TAG_NONE);
    for (int t = 1; t < TAG_COUNT; t++) {
        char low[8];
        const char *n = dyad_tag_name((dyad_tag)t);
        size_t k = strlen(n);
        assert_true(k > 0 && k < sizeof low);
        for (size_t i = 0; i <= k; i++)
            low[i] = (char)(n[i] >= 'A' && n[i] <= 'Z' ? n[i] + 32 : n[i]);
        assert_int_equal(dyad_tag_from_lingua(low, k), t);
    }
}

static void test_attacked(void **state)
{
    (void)state;
    tagged t;
    tag("Russia attacked Georgia .", &t);
    assert_tag(&t, "Russia", TAG_NNP);
    assert_tag(&t, "attacked", TAG_VBD);
    assert_tag(&t, "Georgia", TAG_NNP);
    assert_tag(&t, ".", TAG_PP);
}

static void test_talks(void **state)
{
    (void)state;
    tagged t;
    tag("Armenia held talks with Azerbaijan on Tuesday .", &t);
    assert_tag(&t, "held", TAG_VBD);
    assert_tag(&t, "talks", TAG_NNS);
    assert_tag(&t, "with", TAG_IN);
    tag("The talks were held in Baku .", &t);
    assert_tag(&t, "The", TAG_DT);
    assert_tag(&t, "talks", TAG_NNS);
    assert_tag(&t, "were", TAG_VBD);
    assert_tag(&t, "held", TAG_VBN);
    assert_tag(&t, "Baku", TAG_NNP);   /* unknown, capitalized mid-sentence */
}

static void test_unknown_verb(void **state)
{
    (void)state;
    tagged t;
    tag("NATO commended Azerbaijan for its troops .", &t);
    assert_tag(&t, "NATO", TAG_NNP);
    assert_tag(&t, "commended", TAG_VBD);   /* not in words.yml: the -ed- class */
    assert_tag(&t, "its", TAG_PRPS);
    assert_tag(&t, "troops", TAG_NNS);
}

static void test_numbers_and_start(void **state)
{
    (void)state;
    tagged t;
    tag("Police arrested 12 protesters on Monday .", &t);
    assert_tag(&t, "Police", TAG_NNS);     /* sentence start: case folded in */
    assert_tag(&t, "arrested", TAG_VBD);   /* words.yml has only vbn */
    assert_tag(&t, "12", TAG_CD);
    assert_tag(&t, "protesters", TAG_NNS);
    assert_tag(&t, "Monday", TAG_NNP);
    tag("US and British activists staged a protest .", &t);
    assert_tag(&t, "US", TAG_NNP);        /* an acronym is not folded to "us" */
    tag("Five people were arrested after the protest .", &t);
    assert_tag(&t, "arrested", TAG_VBN);
}

static void test_said(void **state)
{
    (void)state;
    tagged t;
    tag("He said the attack was a mistake .", &t);
    assert_tag(&t, "He", TAG_PRP);
    assert_tag(&t, "said", TAG_VBD);
    assert_tag(&t, "the", TAG_DT);
    assert_tag(&t, "attack", TAG_NN);
    assert_tag(&t, "was", TAG_VBD);
    assert_tag(&t, "mistake", TAG_NN);
}

static void test_punctuation(void **state)
{
    (void)state;
    tagged t;
    tag("\" We will not negotiate ( now ) ; terrorists $ , \" the president said !", &t);
    assert_int_equal(t.tok[0].tag, TAG_PPL);   /* opening quote: start of text */
    assert_tag(&t, "will", TAG_MD);
    assert_tag(&t, "negotiate", TAG_VB);
    assert_tag(&t, "(", TAG_LRB);
    assert_tag(&t, ")", TAG_RRB);
    assert_tag(&t, ";", TAG_PPS);
    assert_tag(&t, "$", TAG_PPD);
    assert_tag(&t, ",", TAG_PPC);
    assert_tag(&t, "!", TAG_PP);
    /* the second quote follows a space too: both are opening by position, but a
     * quote glued to a word closes */
    const char *s = "\"No,\" he said.";
    dyad_token tok[6] = {
        { .off = 0, .len = 1, .kind = TOK_PUNCT }, { .off = 1, .len = 2, .kind = TOK_WORD },
        { .off = 3, .len = 1, .kind = TOK_PUNCT }, { .off = 4, .len = 1, .kind = TOK_PUNCT },
        { .off = 6, .len = 2, .kind = TOK_WORD },  { .off = 9, .len = 4, .kind = TOK_WORD },
    };
    dyad_tagger_work w = { 0 };
    assert_int_equal(dyad_tagger_tag(tagger, s, tok, 6, &w), 0);
    assert_int_equal(tok[0].tag, TAG_PPL);
    assert_int_equal(tok[2].tag, TAG_PPC);
    assert_int_equal(tok[3].tag, TAG_PPR);
    assert_int_equal(tok[4].tag, TAG_PRP);
    assert_int_equal(tok[5].tag, TAG_VBD);
    dyad_tagger_work_free(&w);
}

static void test_unknown_shapes(void **state)
{
    (void)state;
    tagged t;
    tag("the blorfations of the zorbing blarkly quoxed the wuggle-style plinth", &t);
    assert_tag(&t, "blorfations", TAG_NNS);
    assert_tag(&t, "blarkly", TAG_RB);
    tag("the OSCE monitors said", &t);
    assert_tag(&t, "OSCE", TAG_NNP);     /* -abr- */
    tag("the 21st century", &t);
    assert_tag(&t, "21st", TAG_JJ);
    tag("in the 1990s", &t);
    assert_tag(&t, "1990s", TAG_NNS);
    /* TOK_MONEY is CD whatever its text */
    dyad_token tok[3];
    size_t n = split("pledged $4.2_million aid", tok, 3);
    tok[1].kind = TOK_MONEY;
    dyad_tagger_work w = { 0 };
    assert_int_equal(dyad_tagger_tag(tagger, "pledged $4.2_million aid", tok, n, &w), 0);
    assert_int_equal(tok[1].tag, TAG_CD);
    dyad_tagger_work_free(&w);
}

static void test_edges(void **state)
{
    (void)state;
    dyad_tagger_work w = { 0 };
    assert_int_equal(dyad_tagger_tag(tagger, "", NULL, 0, &w), 0);
    tagged t;
    tag("Hello", &t);
    assert_int_not_equal(t.tok[0].tag, TAG_NONE);
    /* a long sentence grows the work buffer, which is then reused */
    size_t words = 3000;
    char *s = malloc(words * 8 + 1);
    dyad_token *tok = malloc(words * 2 * sizeof *tok);
    assert_non_null(s);
    assert_non_null(tok);
    s[0] = 0;
    for (size_t i = 0; i < words / 3; i++)
        strcat(s, i ? " the dog barks" : "the dog barks");
    size_t n = split(s, tok, words * 2);
    assert_int_equal(n, words);
    assert_int_equal(dyad_tagger_tag(tagger, s, tok, n, &w), 0);
    size_t cap = w.cap;
    for (size_t i = 0; i < n; i++)
        assert_int_not_equal(tok[i].tag, TAG_NONE);
    assert_int_equal(tok[n - 3].tag, TAG_DT);
    assert_int_equal(dyad_tagger_tag(tagger, s, tok, 5, &w), 0);
    assert_int_equal(w.cap, cap);
    dyad_tagger_work_free(&w);
    assert_null(w.buf);
    free(s);
    free(tok);
}

typedef struct {
    const char *s;
    uint8_t tags[64];
    int ok;
} job;

static void *tag_many(void *arg)
{
    job *j = arg;
    dyad_token tok[64];
    dyad_tagger_work w = { 0 };
    j->ok = 1;
    for (int r = 0; r < 2000; r++) {
        size_t n = split(j->s, tok, 64);
        if (dyad_tagger_tag(tagger, j->s, tok, n, &w) != 0)
            j->ok = 0;
        for (size_t i = 0; i < n; i++) {
            if (r == 0)
                j->tags[i] = tok[i].tag;
            else if (j->tags[i] != tok[i].tag)
                j->ok = 0;
        }
    }
    dyad_tagger_work_free(&w);
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    job a = { .s = "Rebels seized the town after heavy fighting , officials said ." };
    job b = { .s = "Turkey threatened to cut diplomatic ties with Israel ." };
    pthread_t ta, tb;
    assert_int_equal(pthread_create(&ta, NULL, tag_many, &a), 0);
    assert_int_equal(pthread_create(&tb, NULL, tag_many, &b), 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    assert_true(a.ok);
    assert_true(b.ok);
    assert_int_equal(a.tags[1], TAG_VBD);   /* seized */
    assert_int_equal(b.tags[1], TAG_VBD);   /* threatened */
    assert_int_equal(b.tags[2], TAG_TO);
    assert_int_equal(b.tags[3], TAG_VB);    /* cut */
}

static void test_small_model(void **state)
{
    (void)state;
    char err[512];
    write_small_model();
    dyad_tagger *t = dyad_tagger_load(tmpdir, err, sizeof err);
    if (!t)
        fail_msg("%s", err);
    const char *s = "the dog barks .";
    dyad_token tok[4];
    size_t n = split(s, tok, 4);
    dyad_tagger_work w = { 0 };
    assert_int_equal(dyad_tagger_tag(t, s, tok, n, &w), 0);
    assert_int_equal(tok[0].tag, TAG_DT);
    assert_int_equal(tok[1].tag, TAG_NN);
    assert_int_equal(tok[2].tag, TAG_VBZ);
    assert_int_equal(tok[3].tag, TAG_PP);
    dyad_tagger_work_free(&w);
    dyad_tagger_free(t);
}

static void test_corrupt_words(void **state)
{
    (void)state;
    static const struct { const char *text; int line; } bad[] = {
        { "--- #YAML:1.0\ndog: { nn: 10 }\n\"cat\": { nn: 1\n", 3 },         /* truncated */
        { "dog: { nn: 10 }\ncat: { xx: 1 }\n", 2 },                          /* unknown tag */
        { "dog: { nn: 10 }\ncat: { nn: }\n", 2 },                            /* no number */
        { "dog: { nn: -1 }\n", 1 },                                          /* negative */
        { "dog: { nn: 1, nn: 2 }\n", 1 },                                    /* tag twice */
        { "dog: { nn: 1 }\ndog: { vb: 2 }\n", 2 },                           /* key twice */
        { "dog { nn: 1 }\n", 1 },                                            /* no colon */
        { "\"dog: { nn: 1 }\n", 1 },                                         /* open quote */
        { "dog: nn: 1\n", 1 },                                               /* no brace */
        { "dog: { nn: 1 } extra\n", 1 },
        { "dog: { nn: 0 }\n", 1 },                                           /* no count */
        { "dog: { nn: 1e999 }\n", 1 },
        { "\n\n# only comments\n", 3 },                                      /* no entries */
        { "", 1 },
        { "dog: { nn: 1 }\n\"\": { nn: 1 }\n", 2 },                          /* empty key */
    };
    write_small_model();
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_str("words.yml", bad[i].text);
        expect_load_error("words.yml", bad[i].line);
    }
    write_file("words.yml", "dog: { nn: 1 }\nc\0t: { nn: 1 }\n", 30);
    expect_load_error("words.yml", 2);
}

static void test_truncated_real_file(void **state)
{
    (void)state;
    char p[512], err[512];
    size_t n;
    snprintf(p, sizeof p, "%s/words.yml", DYAD_TAGGER_DEFAULT_DIR);
    char *b = read_all(p, &n);
    copy_real("tags.yml");
    copy_real("unknown.yml");
    /* cut at many places: it either loads (cut at a line end) or names the line */
    for (size_t cut = 7; cut < n; cut = cut * 3 + 101) {
        write_file("words.yml", b, cut);
        int line = 1;
        for (size_t i = 0; i < cut; i++)
            line += b[i] == '\n';
        dyad_tagger *t = dyad_tagger_load(tmpdir, err, sizeof err);
        if (t) {
            dyad_tagger_free(t);
            assert_true(b[cut - 1] == '\n' || b[cut] == '\n');
        } else {
            expect_load_error("words.yml", line);
        }
    }
    /* garbage bytes in the middle */
    memcpy(b + n / 2, "\xff\x01{{::}}", 8);
    write_file("words.yml", b, n);
    int line = 1;
    for (size_t i = 0; i < n / 2; i++)
        line += b[i] == '\n';
    expect_load_error("words.yml", line);
    free(b);
}

static void test_corrupt_tags_and_unknown(void **state)
{
    (void)state;
    write_small_model();
    write_str("tags.yml", "--- #YAML:1.0\npp: { det: 0.5, nn: 1.5 }\n");
    expect_load_error("tags.yml", 2);
    write_str("tags.yml", "nn: { det: 0.5 }\n");     /* no sentence-start row */
    expect_load_error("tags.yml", 1);
    write_str("tags.yml", "pp: { det: 0.5 }\nzz: { nn: 0.1 }\n");
    expect_load_error("tags.yml", 2);
    copy_real("tags.yml");
    write_str("unknown.yml", "\"-cap-\": { nnp: 900 }\n");   /* no -unknown- */
    expect_load_error("unknown.yml", 1);
    write_str("unknown.yml", "\"-unknown-\": { nn: 875, jj: 195 \n");
    expect_load_error("unknown.yml", 1);
    /* a missing file */
    char p[512], err[512];
    snprintf(p, sizeof p, "%s/unknown.yml", tmpdir);
    unlink(p);
    assert_null(dyad_tagger_load(tmpdir, err, sizeof err));
    assert_non_null(strstr(err, "unknown.yml"));
    /* a tiny error buffer is not overrun */
    char small[8] = "xxxxxxx";
    assert_null(dyad_tagger_load(tmpdir, small, 4));
    assert_int_equal(small[3], 0);
    assert_int_equal(small[4], 'x');
    assert_null(dyad_tagger_load(tmpdir, NULL, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_names),
        cmocka_unit_test(test_attacked),
        cmocka_unit_test(test_talks),
        cmocka_unit_test(test_unknown_verb),
        cmocka_unit_test(test_numbers_and_start),
        cmocka_unit_test(test_said),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_unknown_shapes),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_small_model),
        cmocka_unit_test(test_corrupt_words),
        cmocka_unit_test(test_truncated_real_file),
        cmocka_unit_test(test_corrupt_tags_and_unknown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
