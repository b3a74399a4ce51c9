/* Unit tests of the early pipeline stages: normalize, sentences, tokens, dates,
 * dictionary errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "dict.h"
#include "dyad.h"
#include "sentence.h"
#include "text.h"
#include "token.h"

static void test_normalize(void **state)
{
    (void)state;
    dyad_text t = {0};
    const char in[] = "\xe2\x80\x9cNATO\xe2\x80\x9d \xe2\x80\x94 it\xe2\x80\x99s \xff ok";
    long bad = dyad_normalize(in, sizeof in - 1, &t);
    assert_int_equal(bad, 1);
    assert_string_equal(t.buf, "\"NATO\" -- it's \xef\xbf\xbd ok");
    dyad_text_free(&t);
}

static void test_sentences(void **state)
{
    (void)state;
    const char *s = "BAKU, May 4 (Reuters) - Gen. Smith met U.S. officials. The talks ended. "
                    "Sen. Jones said 4.5 percent.";
    dyad_sentences ss = {0};
    assert_int_equal(dyad_split_sentences(s, strlen(s), &ss), 3);
    assert_int_equal(ss.dateline_month, 5);
    assert_int_equal(ss.dateline_day, 4);
    assert_memory_equal(s + ss.s[0].off, "Gen. Smith met U.S. officials.", ss.s[0].len);
    assert_memory_equal(s + ss.s[2].off, "Sen. Jones", 10);
    dyad_sentences_free(&ss);
}

static void test_tokens(void **state)
{
    (void)state;
    const char *s = "Armenia's army got $4.2 million from the U.S. in 2016-2017.";
    dyad_tokens t = {0};
    long n = dyad_tokenize(s, strlen(s), &t);
    assert_int_equal(n, 13);
    assert_int_equal(t.tok[1].len, 2); /* 's */
    assert_int_equal(t.tok[4].kind, TOK_MONEY);
    assert_true(t.tok[4].value > 4199999 && t.tok[4].value < 4200001);
    assert_string_equal(t.tok[4].currency, "USD");
    assert_int_equal(t.tok[7].len, 4); /* U.S. */
    assert_true(t.tok[9].flags & TOKF_YEAR);
    dyad_tokens_free(&t);
}

/* Found by fuzzing: "n't" followed by a non-ASCII byte once made an endless run
 * of empty tokens. */
static void test_tokens_clitic_nonascii(void **state)
{
    (void)state;
    const char *cases[] = {"n't\xc3\xa9", "Sudan didn't\xff", "n't", "didn't"};
    for (size_t c = 0; c < 4; c++) {
        dyad_tokens t = {0};
        size_t len = strlen(cases[c]);
        long n = dyad_tokenize(cases[c], len, &t);
        assert_true(n >= 1 && (size_t)n <= len);
        for (long i = 0; i < n; i++)
            assert_true(t.tok[i].len > 0);
        dyad_tokens_free(&t);
    }
}

static void test_dates(void **state)
{
    (void)state;
    dyad_date doc, out;
    assert_int_equal(dyad_parse_date("2021-05-04", 10, &doc), 0); /* a Tuesday */
    assert_int_equal(dyad_parse_date("20210230", 8, &out), -1);
    const char *cases[][2] = {{"They met on Monday .", "2021-05-03"},
                              {"They met in 2008 .", "2008"},
                              {"They met last month .", "2021-04"},
                              {"They met on May 9 .", "2020-05-09"},
                              {"They met yesterday .", "2021-05-03"}};
    /* found by fuzzing: a huge day number once overflowed an int */
    {
        dyad_tokens t = {0};
        const char *s = "Azerbaijan attacked Armenia on May 99999999999 .";
        long n = dyad_tokenize(s, strlen(s), &t);
        memset(&out, 0, sizeof out);
        dyad_find_date(s, t.tok, 0, (size_t)n, &doc, &out);
        assert_true(out.day >= 0 && out.day <= 31);
        dyad_tokens_free(&t);
    }
    for (size_t i = 0; i < 5; i++) {
        dyad_tokens t = {0};
        const char *s = cases[i][0];
        long n = dyad_tokenize(s, strlen(s), &t);
        memset(&out, 0, sizeof out);
        assert_int_equal(dyad_find_date(s, t.tok, 0, (size_t)n, &doc, &out), 1);
        char buf[16];
        if (out.precision == DYAD_PREC_YEAR)
            snprintf(buf, sizeof buf, "%04d", out.year);
        else if (out.precision == DYAD_PREC_MONTH)
            snprintf(buf, sizeof buf, "%04d-%02d", out.year, out.month);
        else
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", out.year, out.month, out.day);
        assert_string_equal(buf, cases[i][1]);
        dyad_tokens_free(&t);
    }
}

static void test_dict_errors(void **state)
{
    (void)state;
    char dir[] = "/tmp/dyad_dict_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/bad.actors", dir);
    FILE *f = fopen(path, "w");
    fputs("Azerbaijan = AZE\nNowhere = az\nBiden = USAGOV 2021-01-20..2019\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/bad.verbs", dir);
    f = fopen(path, "w");
    fputs("verb attack = 190\n    &NOPE on + = 190\n", f);
    fclose(f);
    FILE *out = tmpfile();
    size_t warnings = 0;
    size_t errors = dyad_dict_check(dir, NULL, out, &warnings);
    assert_int_equal(errors, 5); /* two bad roles leave two entries with no role */
    rewind(out);
    char buf[4096] = "";
    assert_true(fread(buf, 1, sizeof buf - 1, out) > 0);
    fclose(out);
    assert_non_null(strstr(buf, "bad.actors:2: bad actor code 'az'"));
    assert_non_null(strstr(buf, "bad.actors:3: date range"));
    assert_non_null(strstr(buf, "bad.verbs:2: undefined synonym set &NOPE"));
    remove(path);
    snprintf(path, sizeof path, "%s/bad.actors", dir);
    remove(path);
    rmdir(dir);
}

static int count_events(void *ud, const dyad_event *ev)
{
    (void)ev;
    ++*(int *)ud;
    return 0;
}

/* A discard phrase voids its sentence; with '+' the whole story. */
static void test_discards(void **state)
{
    (void)state;
    dyad_options opt = dyad_default_options();
    opt.dict_dir = "dict";
    char err[512];
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    assert_non_null(c);
    dyad_work *w = dyad_work_new();
    const char *plain = "Russia attacked Georgia. France condemned Russia.";
    const char *sentence = "Russia attacked Georgia. The goalkeeper condemned Russia.";
    const char *story = "Russia attacked Georgia. The World Cup opened in Qatar.";
    int n = 0;
    dyad_doc_stats st;
    dyad_doc d1 = {"a", "2008-08-08", plain, strlen(plain), NULL, NULL};
    dyad_code(c, w, &d1, count_events, &n, &st);
    assert_int_equal(n, 2);
    n = 0;
    dyad_doc d2 = {"b", "2008-08-08", sentence, strlen(sentence), NULL, NULL};
    dyad_code(c, w, &d2, count_events, &n, &st);
    assert_int_equal(n, 1);
    assert_int_equal(st.discarded_sentences, 1);
    n = 0;
    dyad_doc d3 = {"c", "2008-08-08", story, strlen(story), NULL, NULL};
    dyad_code(c, w, &d3, count_events, &n, &st);
    assert_int_equal(n, 0);
    assert_int_equal(st.discarded, 1);
    dyad_work_free(w);
    dyad_coder_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize), cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_tokens), cmocka_unit_test(test_tokens_clitic_nonascii),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_dict_errors), cmocka_unit_test(test_discards),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
