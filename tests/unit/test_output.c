/* test_output.c - JSON lines, TSV and CSV writers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

static const char SENT[] = "Israel said \"no\" to Gaza,\tthen\nleft \\ \x01\x1f caf\xC3\xA9.";

static dyad_event make_event(void)
{
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.doc_id = "doc-\"1\"";
    ev.sent = 2;
    ev.text = SENT;
    ev.text_len = sizeof SENT - 1;
    ev.date = (dyad_date){2008, 8, 4, DYAD_PREC_DAY};
    strcpy(ev.source, "ISR");
    strcpy(ev.target, "PSE");
    strcpy(ev.code, "0231");
    strcpy(ev.root, "02");
    ev.quad_class = 1;
    ev.goldstein = 3.4;
    ev.source_span = (dyad_span){0, 6};  /* Israel */
    ev.verb_span = (dyad_span){7, 4};    /* said */
    ev.target_span = (dyad_span){0, 0};  /* none */
    return ev;
}

/* Runs one writer over events; returns the output (to free). */
static char *render(output_format fmt, const dyad_event *evs, int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    output_writer w;
    output_init(&w, f, fmt);
    for (int i = 0; i < n; i++) assert_int_equal(output_event(&w, &evs[i]), 0);
    output_free(&w);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* ---------------------------------------------------------------- JSON */

static void test_json_roundtrip(void **state)
{
    (void)state;
    dyad_event ev = make_event();
    char *out = render(OUTPUT_JSONL, &ev, 1);
    size_t n = strlen(out);
    assert_true(n > 0);
    assert_int_equal(out[n - 1], '\n');
    assert_null(memchr(out, '\n', n - 1)); /* one line */
    assert_null(strchr(out, '\t'));

    json_error_t err;
    json_t *o = json_loads(out, 0, &err);
    if (!o) fail_msg("output is not JSON: %s: %s", err.text, out);
    assert_true(json_is_object(o));
    assert_string_equal(json_string_value(json_object_get(o, "doc")), "doc-\"1\"");
    assert_int_equal(json_integer_value(json_object_get(o, "sent")), 2);
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2008-08-04");
    assert_string_equal(json_string_value(json_object_get(o, "date_precision")), "day");
    assert_string_equal(json_string_value(json_object_get(o, "source")), "ISR");
    assert_string_equal(json_string_value(json_object_get(o, "target")), "PSE");
    assert_string_equal(json_string_value(json_object_get(o, "code")), "0231");
    assert_string_equal(json_string_value(json_object_get(o, "root")), "02");
    assert_int_equal(json_integer_value(json_object_get(o, "quad_class")), 1);
    assert_true(json_real_value(json_object_get(o, "goldstein")) == 3.4);
    assert_string_equal(json_string_value(json_object_get(o, "source_text")), "Israel");
    assert_string_equal(json_string_value(json_object_get(o, "verb_text")), "said");
    assert_string_equal(json_string_value(json_object_get(o, "target_text")), "");
    json_t *sp = json_object_get(o, "source_span");
    assert_true(json_is_array(sp));
    assert_int_equal(json_array_size(sp), 2);
    assert_int_equal(json_integer_value(json_array_get(sp, 0)), 0);
    assert_int_equal(json_integer_value(json_array_get(sp, 1)), 6);
    assert_true(json_is_null(json_object_get(o, "target_span")));
    assert_null(json_object_get(o, "amount")); /* only when known */
    /* the sentence, with quotes, tab, newline, backslash and control bytes */
    json_t *t = json_object_get(o, "text");
    assert_int_equal(json_string_length(t), sizeof SENT - 1);
    assert_memory_equal(json_string_value(t), SENT, sizeof SENT - 1);
    assert_non_null(strstr(out, "\\u0001\\u001f"));
    assert_non_null(strstr(out, "\\t"));
    assert_non_null(strstr(out, "\\n"));

    /* keys in the documented order */
    static const char *const keys[] = {
        "doc", "sent", "date", "date_precision", "source", "target", "code", "root", "quad_class",
        "goldstein", "source_text", "verb_text", "target_text", "source_span", "verb_span",
        "target_span", "text",
    };
    const char *prev = out;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char k[40];
        snprintf(k, sizeof k, "\"%s\":", keys[i]);
        const char *at = strstr(prev, k);
        if (!at) fail_msg("key %s missing or out of order in %s", keys[i], out);
        prev = at;
    }
    assert_int_equal(json_object_size(o), sizeof keys / sizeof keys[0]);
    json_decref(o);
    free(out);
}

static void test_json_values(void **state)
{
    (void)state;
    dyad_event evs[3];
    evs[0] = make_event();
    evs[0].goldstein = -10;
    evs[0].has_amount = 1;
    evs[0].amount = 3000000;
    strcpy(evs[0].currency, "USD");
    evs[0].date = (dyad_date){2021, 5, 0, DYAD_PREC_MONTH};
    evs[1] = make_event();
    evs[1].date = (dyad_date){0, 0, 0, DYAD_PREC_NONE};
    evs[1].source_span = evs[1].verb_span = (dyad_span){0, 0};
    evs[1].goldstein = 0;
    evs[2] = make_event();
    evs[2].date = (dyad_date){1999, 0, 0, DYAD_PREC_YEAR};
    evs[2].goldstein = -0.5;
    evs[2].doc_id = "bad\xFFid"; /* invalid UTF-8 becomes U+FFFD */

    char *out = render(OUTPUT_JSONL, evs, 3);
    assert_non_null(strstr(out, "\"goldstein\":-10,"));
    assert_non_null(strstr(out, "\"amount\":{\"value\":3000000,\"currency\":\"USD\"},\"text\":"));
    assert_non_null(strstr(out, "\"date\":\"2021-05\",\"date_precision\":\"month\""));
    assert_non_null(strstr(out, "\"date\":null,\"date_precision\":null"));
    assert_non_null(strstr(out, "\"source_span\":null,\"verb_span\":null,\"target_span\":null"));
    assert_non_null(strstr(out, "\"goldstein\":0,"));
    assert_non_null(strstr(out, "\"date\":\"1999\",\"date_precision\":\"year\""));
    assert_non_null(strstr(out, "\"goldstein\":-0.5,"));
    assert_non_null(strstr(out, "{\"doc\":\"bad\xEF\xBF\xBDid\""));

    /* every line is a JSON object */
    int lines = 0;
    for (char *line = out, *nl; (nl = strchr(line, '\n')); line = nl + 1, lines++) {
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)(nl - line), 0, &err);
        if (!o) fail_msg("line %d: %s", lines + 1, err.text);
        if (lines == 0) {
            json_t *a = json_object_get(o, "amount");
            assert_true(json_number_value(json_object_get(a, "value")) == 3000000);
            assert_string_equal(json_string_value(json_object_get(a, "currency")), "USD");
        }
        json_decref(o);
    }
    assert_int_equal(lines, 3);
    free(out);
}

/* ---------------------------------------------------------------- TSV / CSV */

static size_t count_char(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += s[i] == c;
    return k;
}

static void test_tsv(void **state)
{
    (void)state;
    dyad_event evs[2] = {make_event(), make_event()};
    evs[1].has_amount = 1;
    evs[1].amount = 1.5e6;
    strcpy(evs[1].currency, "EUR");
    char *out = render(OUTPUT_TSV, evs, 2);
    const char *header = "doc\tsent\tdate\tdate_precision\tsource\ttarget\tcode\troot\tquad_class\tgoldstein\t"
                         "source_text\tverb_text\ttarget_text\tsource_span\tverb_span\ttarget_span\t"
                         "amount\tcurrency\ttext\n";
    assert_memory_equal(out, header, strlen(header));
    /* exactly three lines: tabs and newlines inside fields became spaces */
    assert_int_equal(count_char(out, strlen(out), '\n'), 3);
    char *row = out + strlen(header);
    char *end = strchr(row, '\n');
    assert_int_equal(count_char(row, (size_t)(end - row), '\t'), 18);
    const char *want = "doc-\"1\"\t2\t2008-08-04\tday\tISR\tPSE\t0231\t02\t1\t3.4\tIsrael\tsaid\t\t0:6\t7:11\t\t\t\t"
                       "Israel said \"no\" to Gaza, then left \\    caf\xC3\xA9.\n";
    assert_memory_equal(row, want, strlen(want));
    assert_non_null(strstr(end + 1, "\t1500000\tEUR\t"));
    free(out);
}

static void test_csv(void **state)
{
    (void)state;
    dyad_event ev = make_event();
    ev.doc_id = "a,b";
    char *out = render(OUTPUT_CSV, &ev, 1);
    const char *header = "doc,sent,date,date_precision,source,target,code,root,quad_class,goldstein,"
                         "source_text,verb_text,target_text,source_span,verb_span,target_span,"
                         "amount,currency,text\n";
    assert_memory_equal(out, header, strlen(header));
    const char *want = "\"a,b\",2,2008-08-04,day,ISR,PSE,0231,02,1,3.4,Israel,said,,0:6,7:11,,,,"
                       "\"Israel said \"\"no\"\" to Gaza,\tthen\nleft \\    caf\xC3\xA9.\"\n";
    assert_string_equal(out + strlen(header), want);
    free(out);

    /* the TSV header carries the same columns */
    char *tsv = render(OUTPUT_TSV, &ev, 1);
    char *h1 = strndup(tsv, (size_t)(strchr(tsv, '\n') - tsv));
    for (char *p = h1; *p; p++)
        if (*p == '\t') *p = ',';
    assert_memory_equal(h1, header, strlen(header) - 1);
    assert_int_equal(strlen(h1), strlen(header) - 1);
    free(h1);
    free(tsv);
}

static void test_write_error(void **state)
{
    (void)state;
    char path[] = "/tmp/dyad_test_output_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    FILE *f = fopen(path, "r"); /* not writable */
    assert_non_null(f);
    output_writer w;
    output_init(&w, f, OUTPUT_JSONL);
    dyad_event ev = make_event();
    assert_int_equal(output_event(&w, &ev), -1);
    output_free(&w);
    fclose(f);
    unlink(path);
}

static void test_format_parse(void **state)
{
    (void)state;
    assert_int_equal(output_format_parse("jsonl"), OUTPUT_JSONL);
    assert_int_equal(output_format_parse("tsv"), OUTPUT_TSV);
    assert_int_equal(output_format_parse("csv"), OUTPUT_CSV);
    assert_int_equal(output_format_parse("xml"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_roundtrip),
        cmocka_unit_test(test_json_values),
        cmocka_unit_test(test_tsv),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_format_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
