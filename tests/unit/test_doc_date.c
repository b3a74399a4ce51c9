/* Unit tests of the document date (doc_date.h): the document's own date, a
 * dateline, a dateline with the lead's year, a date in the lead, nothing; and the
 * explain line on how a dated role was chosen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_date.h"
#include "dyad.h"
#include "sentence.h"
#include "token.h"

/* The date dyad_doc_date_find gives text (with the document's own date given). */
static dyad_doc_date find(const char *given, const char *text)
{
    dyad_sentences ss = {0};
    dyad_tokens toks = {0};
    dyad_doc_date dd;
    assert_true(dyad_split_sentences(text, strlen(text), &ss) >= 0);
    assert_int_equal(dyad_doc_date_find(given, text, &ss, &toks, &dd), 0);
    dyad_sentences_free(&ss);
    dyad_tokens_free(&toks);
    return dd;
}

static void assert_date(const dyad_doc_date *dd, int y, int m, int d, dyad_precision p,
                        dyad_date_source src)
{
    assert_int_equal(dd->date.year, y);
    assert_int_equal(dd->date.month, m);
    assert_int_equal(dd->date.day, d);
    assert_int_equal(dd->date.precision, p);
    assert_int_equal(dd->source, src);
}

/* The lead's words the date came from. */
static void assert_lead(const dyad_doc_date *dd, const char *text, const char *words)
{
    assert_int_equal(dd->lead_len, strlen(words));
    assert_memory_equal(text + dd->lead_off, words, dd->lead_len);
}

static void test_given_date_wins(void **state)
{
    (void)state;
    const char *t = "TBILISI, Aug 8, 2008 (Reuters) - Russia invaded Georgia in 2008.";
    dyad_doc_date dd = find("2008-08-10", t);
    assert_date(&dd, 2008, 8, 10, DYAD_PREC_DAY, DYAD_DATE_GIVEN);
    assert_int_equal(dd.bad_date, 0);
    dd = find("20080810", t);
    assert_date(&dd, 2008, 8, 10, DYAD_PREC_DAY, DYAD_DATE_GIVEN);
}

static void test_unreadable_given_date(void **state)
{
    (void)state;
    dyad_doc_date dd = find("2008-13-45", "TBILISI, Aug 8, 2008 (Reuters) - Russia invaded Georgia.");
    assert_int_equal(dd.bad_date, 1);
    assert_date(&dd, 2008, 8, 8, DYAD_PREC_DAY, DYAD_DATE_DATELINE);
    dd = find("", "Russia invaded Georgia.");
    assert_int_equal(dd.bad_date, 0);
    assert_date(&dd, 0, 0, 0, DYAD_PREC_NONE, DYAD_DATE_NONE);
}

static void test_dateline_with_year(void **state)
{
    (void)state;
    dyad_doc_date dd = find(NULL, "TBILISI, Aug 8, 2008 (Reuters) - Russian troops entered Georgia in 2007.");
    assert_date(&dd, 2008, 8, 8, DYAD_PREC_DAY, DYAD_DATE_DATELINE);
    assert_int_equal(dd.lead_len, 0);
}

/* A document date found in the text: where, what, and the lead's words it came from
 * ("" when the dateline alone gave it). */
typedef struct {
    const char *text;
    int y, m, d;
    dyad_precision p;
    dyad_date_source src;
    const char *words;
} text_case;

static const text_case TEXT_CASES[] = {
    /* a dateline's day, the year from the lead's first or second sentence */
    {"MOSCOW, March 3 - Russia said on Monday it would hold a vote in 2008. Officials confirmed it.",
     2008, 3, 3, DYAD_PREC_DAY, DYAD_DATE_DATELINE_LEAD, "in 2008"},
    {"MOSCOW, March 3 - Russia said it would hold a vote. It was set for May 4, 2008.",
     2008, 3, 3, DYAD_PREC_DAY, DYAD_DATE_DATELINE_LEAD, "May 4, 2008"},
    /* the dateline's day in the year that puts it closest to the lead's date */
    {"KYIV, Jan 3 - Talks that began on Dec. 30, 2008, ended without a deal.",
     2009, 1, 3, DYAD_PREC_DAY, DYAD_DATE_DATELINE_LEAD, "Dec. 30, 2008"},
    /* Feb 29 does not exist in 2023: the lead's year alone */
    {"KYIV, Feb 29 - Russia fired missiles at Kyiv in 2023.", 2023, 0, 0, DYAD_PREC_YEAR,
     DYAD_DATE_LEAD, "in 2023"},
    /* full dates in the lead, after a weekday, day first */
    {"On Monday, Aug. 11, 2008, Russian tanks entered Gori.", 2008, 8, 11, DYAD_PREC_DAY,
     DYAD_DATE_LEAD, "Aug. 11, 2008"},
    {"Hamas attacked Israel on 7 October 2023, Israeli officials said.", 2023, 10, 7, DYAD_PREC_DAY,
     DYAD_DATE_LEAD, "7 October 2023"},
    /* a full date beats a year found before it */
    {"The treaty of 1997 was broken in 2014. Russia annexed Crimea on March 18, 2014.", 2014, 3, 18,
     DYAD_PREC_DAY, DYAD_DATE_LEAD, "March 18, 2014"},
    {"Armenia and Azerbaijan held talks in May 2019 in Vienna.", 2019, 5, 0, DYAD_PREC_MONTH,
     DYAD_DATE_LEAD, "May 2019"},
    /* the latest year named after "in" */
    {"Russia, which fought Georgia in 2008, invaded Ukraine in 2022.", 2022, 0, 0, DYAD_PREC_YEAR,
     DYAD_DATE_LEAD, "in 2022"},
};

static void test_dates_from_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof TEXT_CASES / sizeof *TEXT_CASES; i++) {
        const text_case *c = &TEXT_CASES[i];
        dyad_doc_date dd = find(NULL, c->text);
        assert_date(&dd, c->y, c->m, c->d, c->p, c->src);
        assert_lead(&dd, c->text, c->words);
    }
}

/* What gives no document date: a weekday alone, a month and day alone, "since"
 * and "by" years, a year after the lead. */
static void test_no_date(void **state)
{
    (void)state;
    const char *none[] = {
        "Russian troops occupied Gori on Wednesday after six days of fighting.",
        "TBILISI, Aug 14 (Reuters) - Russian troops occupied Gori on Wednesday.",
        "Georgia has not seen such fighting since 1994, and wants peace by 2030.",
        "Russia invaded Georgia on Aug. 8. Tanks crossed the border. The war ended in 2008.",
        "",
    };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        dyad_doc_date dd = find(NULL, none[i]);
        assert_date(&dd, 0, 0, 0, DYAD_PREC_NONE, DYAD_DATE_NONE);
    }
}

static void test_role_ymd(void **state)
{
    (void)state;
    dyad_date none = {0, 0, 0, DYAD_PREC_NONE}, year = {2008, 0, 0, DYAD_PREC_YEAR},
              month = {2019, 5, 0, DYAD_PREC_MONTH}, day = {2008, 8, 14, DYAD_PREC_DAY};
    assert_int_equal(dyad_role_ymd(&none), 0);
    assert_int_equal(dyad_role_ymd(&year), 20080701);
    assert_int_equal(dyad_role_ymd(&month), 20190515);
    assert_int_equal(dyad_role_ymd(&day), 20080814);
    assert_string_equal(dyad_date_source_name(DYAD_DATE_NONE), "none");
    assert_string_equal(dyad_date_source_name(DYAD_DATE_DATELINE_LEAD), "dateline and lead");
}

/* The explain line of an entry: GEOGOV 2004-01-25..2013-11-17; UKRGOV
 * 2015-05-30..2016-11-07; GEOOPP (undated), or without its undated role. */
static char *explain_role(int with_undated, const dyad_date *date, dyad_date_source src)
{
    dyad_role roles[3] = {{20040125, 20131117, "GEOGOV"}, {20150530, 20161107, "UKRGOV"}, {0, 0, "GEOOPP"}};
    dyad_dict d;
    memset(&d, 0, sizeof d);
    d.roles = roles;
    dyad_entry e;
    memset(&e, 0, sizeof e);
    e.role_n = with_undated ? 3 : 2;
    e.kind = AK_PERSON;
    assert_true(dyad_entry_has_dated_roles(&d, &e));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    dyad_explain_role(f, &d, &e, date, src);
    fclose(f);
    return buf;
}

/* explain_role's line holds want. */
static void expect_role(int with_undated, dyad_date date, dyad_date_source src, const char *want)
{
    char *s = explain_role(with_undated, &date, src);
    if (!strstr(s, want))
        fail_msg("got: %swant: %s", s, want);
    free(s);
}

static void test_explain_role(void **state)
{
    (void)state;
    dyad_date none = {0, 0, 0, DYAD_PREC_NONE}, day = {2008, 8, 14, DYAD_PREC_DAY},
              year = {2016, 0, 0, DYAD_PREC_YEAR}, late = {2020, 1, 1, DYAD_PREC_DAY};
    expect_role(1, none, DYAD_DATE_NONE, "dated role: GEOOPP (no date: the undated role");
    expect_role(0, none, DYAD_DATE_NONE, "dated role: UKRGOV (no date: latest role, from 2015-05-30");
    expect_role(1, day, DYAD_DATE_DATELINE,
                "dated role: GEOGOV (2004-01-25..2013-11-17 covers 2008-08-14; the document's date, from the dateline)");
    expect_role(1, year, DYAD_DATE_LEAD,
                "dated role: UKRGOV (2015-05-30..2016-11-07 covers 2016, taken as 2016-07-01");
    expect_role(1, late, DYAD_DATE_GIVEN,
                "dated role: GEOOPP (no dated role covers 2020-01-01: the undated role; the document's date, given)");
    expect_role(0, late, DYAD_DATE_GIVEN, "dated role: none (no dated role covers 2020-01-01: not an actor then");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_given_date_wins),
        cmocka_unit_test(test_unreadable_given_date),
        cmocka_unit_test(test_dateline_with_year),
        cmocka_unit_test(test_dates_from_text),
        cmocka_unit_test(test_no_date),
        cmocka_unit_test(test_role_ymd),
        cmocka_unit_test(test_explain_role),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
