/* test_input.c - readers for plain text, JSON lines and PETRARCH XML. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

/* read by path from ../shared (tests run from the project root); skipped when absent */
#define PETR_SAMPLE "../shared/reference/petrarch2/petrarch2/data/text/GigaWord.sample.PETR.xml"

/* ---------------------------------------------------------------- fixtures */

static char tmpdir[] = "/tmp/dyad_test_input_XXXXXX";
static char *paths[64];
static int npaths;

/* Writes n bytes into a fresh file named name (in the temp dir); returns its path. */
static const char *write_file(const char *name, const char *data, size_t n)
{
    char *p = malloc(strlen(tmpdir) + strlen(name) + 2);
    assert_non_null(p);
    sprintf(p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
    if (npaths < 64) paths[npaths++] = p;
    return p;
}

static const char *write_str(const char *name, const char *s) { return write_file(name, s, strlen(s)); }

/* stderr capture, to check the warnings */
static int saved_stderr = -1;
static FILE *errf;

static void capture_start(void)
{
    fflush(stderr);
    errf = tmpfile();
    assert_non_null(errf);
    saved_stderr = dup(2);
    dup2(fileno(errf), 2);
}

static char *capture_end(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    long n = ftell(errf);
    if (n < 0) n = 0;
    char *s = calloc(1, (size_t)n + 1);
    rewind(errf);
    size_t got = fread(s, 1, (size_t)n, errf);
    s[got] = 0;
    fclose(errf);
    return s;
}

typedef struct {
    int n;
    char *id[64], *date[64], *text[64], *title[64], *options[64];
    size_t len[64];
    long line[64];
} docs;

static void docs_free(docs *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->id[i]);
        free(d->date[i]);
        free(d->text[i]);
        free(d->title[i]);
        free(d->options[i]);
    }
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Reads every document of path; returns the stderr output (to free). */
static char *read_all(const char *path, input_kind kind, const char *def_date, size_t max,
                      input_counts *c, docs *d)
{
    memset(c, 0, sizeof *c);
    memset(d, 0, sizeof *d);
    capture_start();
    input_reader *r = input_open(path, kind, def_date, max, c);
    if (r) {
        input_doc doc;
        while (input_next(r, &doc)) {
            if (d->n < 64) {
                int i = d->n++;
                d->id[i] = dup_or_null(doc.id);
                d->date[i] = dup_or_null(doc.date);
                d->text[i] = malloc(doc.text_len + 1);
                memcpy(d->text[i], doc.text, doc.text_len + 1);
                d->len[i] = doc.text_len;
                d->title[i] = dup_or_null(doc.title);
                d->options[i] = dup_or_null(doc.options);
                d->line[i] = doc.line;
                assert_int_equal(strlen(doc.text), doc.text_len);
            }
        }
        input_close(r);
    }
    char *err = capture_end();
    if (r) {
        size_t skipped = 0;
        for (int k = 0; k < SKIP_KINDS; k++) skipped += c->skipped[k];
        assert_int_equal(c->read, (size_t)d->n + skipped); /* read = handed + skipped */
    }
    return err;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

/* ---------------------------------------------------------------- JSON lines */

static void test_jsonl_mixed(void **state)
{
    (void)state;
    const char *p = write_str("mixed.jsonl",
        "{\"id\":\"a\",\"date\":\"20080808\",\"text\":\"Israel attacked Gaza.\",\"title\":\"T\",\"extra\":[1,2]}\n"
        "{\"id\":\"b\",\"text\": \"broken\n"
        "{\"id\":42,\"date\":20210504,\"text\":\"Numeric id.\"}\n"
        "\n"
        "   \r\n"
        "{\"id\":\"c\",\"date\":\"2021-05-04\"}\n"
        "{\"id\":\"d\",\"text\":\"\"}\n"
        "{\"text\":\"No id here.\"}\n"
        "[1,2,3]\n"
        "{\"id\":\"e\",\"text\":5}\n"
        "{\"id\":1.5,\"text\":\"last line without newline\"}");
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_AUTO, "20000101", 1 << 20, &c, &d);

    assert_int_equal(d.n, 4);
    assert_string_equal(d.id[0], "a");
    assert_string_equal(d.date[0], "20080808");
    assert_string_equal(d.text[0], "Israel attacked Gaza.");
    assert_string_equal(d.title[0], "T");
    assert_int_equal(d.line[0], 1);

    assert_string_equal(d.id[1], "42"); /* numeric id: its text */
    assert_string_equal(d.date[1], "20210504");
    assert_null(d.title[1]);
    assert_int_equal(d.line[1], 3);

    assert_string_equal(d.text[2], "No id here.");
    char want[600];
    snprintf(want, sizeof want, "%s:8", p);
    assert_string_equal(d.id[2], want);         /* FILE:LINE */
    assert_string_equal(d.date[2], "20000101"); /* default date */

    assert_string_equal(d.id[3], "1.5");
    assert_int_equal(d.line[3], 11);

    /* blank lines are not documents: 11 lines, 2 blank -> 9 read */
    assert_int_equal(c.read, 9);
    assert_int_equal(c.skipped[SKIP_BAD_JSON], 1);
    assert_int_equal(c.skipped[SKIP_NO_TEXT], 3); /* no key, array, number text */
    assert_int_equal(c.skipped[SKIP_EMPTY], 1);

    snprintf(want, sizeof want, "dyad: warning: %s:2: malformed JSON (", p);
    assert_non_null(strstr(err, want));
    snprintf(want, sizeof want, "dyad: warning: %s:6: no text, skipped\n", p);
    assert_non_null(strstr(err, want));
    snprintf(want, sizeof want, "dyad: warning: %s:7: empty, skipped\n", p);
    assert_non_null(strstr(err, want));
    assert_int_equal(count_lines(err), 5); /* one line per skip */
    /* the malformed line's warning ends like the others */
    char *m = strstr(err, "malformed JSON (");
    char *eol = strchr(m, '\n');
    assert_true(eol - m > 20);
    assert_memory_equal(eol - 10, "), skipped", 10);
    free(err);
    docs_free(&d);
}

/* A record's "config": PETRARCH's {"require_dyad": ...} and TABARI's option lines
 * reach the coder as option lines. */
static void test_jsonl_config(void **state)
{
    (void)state;
    const char *p = write_str("config.jsonl",
        "{\"id\":\"a\",\"text\":\"x\",\"config\":{\"require_dyad\":\"false\",\"stop_on_error\":\"True\"}}\n"
        "{\"id\":\"b\",\"text\":\"x\",\"config\":{\"require_dyad\":true}}\n"
        "{\"id\":\"c\",\"text\":\"x\",\"config\":[\"SET: CODE ALL\",\"COMMA: 2 4\"]}\n"
        "{\"id\":\"d\",\"text\":\"x\"}\n");
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_AUTO, NULL, 1 << 20, &c, &d);
    assert_int_equal(d.n, 4);
    assert_string_equal(d.options[0], "require_dyad = no\n");
    assert_string_equal(d.options[1], "require_dyad = yes\n");
    assert_string_equal(d.options[2], "SET: CODE ALL\nCOMMA: 2 4\n");
    assert_null(d.options[3]);
    free(err);
    docs_free(&d);
}

static void test_jsonl_nul_and_utf8(void **state)
{
    (void)state;
    static const char data[] =
        "{\"id\":\"a\",\"text\":\"abc\\u0000def\"}\n"
        "{\"id\":\"b\",\"text\":\"raw\0nul\"}\n"
        "{\"id\":\"c\",\"text\":\"caf\xE9 \xC3\xA9t\xC3\xA9\"}\n";
    const char *p = write_file("nul.jsonl", data, sizeof data - 1);
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_JSONL, NULL, 1 << 20, &c, &d);
    assert_int_equal(c.read, 3);
    assert_int_equal(c.skipped[SKIP_BINARY], 2);
    assert_non_null(strstr(err, ":1: binary (NUL byte at offset 3), skipped"));
    assert_non_null(strstr(err, ":2: binary (NUL byte at offset 21), skipped"));
    /* invalid UTF-8 is passed through untouched for the library to count */
    assert_int_equal(d.n, 1);
    assert_string_equal(d.id[0], "c");
    assert_int_equal(d.len[0], 10);
    assert_memory_equal(d.text[0], "caf\xE9 \xC3\xA9t\xC3\xA9", 10);
    assert_null(d.date[0]);
    free(err);
    docs_free(&d);
}

static void test_jsonl_too_large(void **state)
{
    (void)state;
    size_t big = 3u << 20;
    const char *head = "{\"id\":\"big\",\"text\":\"";
    const char *tail = "\"}\n{\"id\":\"next\",\"text\":\"After the big one.\"}\n";
    size_t n = strlen(head) + big + strlen(tail);
    char *buf = malloc(n);
    memcpy(buf, head, strlen(head));
    memset(buf + strlen(head), 'x', big);
    memcpy(buf + strlen(head) + big, tail, strlen(tail));
    const char *p = write_file("big.jsonl", buf, n);

    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_JSONL, NULL, 1u << 20, &c, &d);
    assert_int_equal(c.read, 2);
    assert_int_equal(c.skipped[SKIP_TOO_LARGE], 1);
    assert_non_null(strstr(err, ":1: too large"));
    assert_int_equal(d.n, 1);
    assert_string_equal(d.id[0], "next");
    assert_int_equal(d.line[0], 2);
    free(err);
    docs_free(&d);

    /* the same line is read whole when the limit allows it */
    err = read_all(p, INPUT_JSONL, NULL, 4u << 20, &c, &d);
    assert_int_equal(d.n, 2);
    assert_int_equal(d.len[0], big);
    assert_int_equal(c.skipped[SKIP_TOO_LARGE], 0);
    free(err);
    docs_free(&d);

    /* text within the limit but escaped beyond it is still judged by its text */
    size_t m = 200000; /* 200 KB of "\n" escapes: 400 KB of JSON, 200 KB of text */
    char *esc = malloc(2 * m + 64);
    size_t k = (size_t)sprintf(esc, "{\"text\":\"");
    for (size_t i = 0; i < m; i++) esc[k++] = '\\', esc[k++] = 'n';
    esc[k++] = 'a';
    k += (size_t)sprintf(esc + k, "\"}\n");
    p = write_file("esc.jsonl", esc, k);
    err = read_all(p, INPUT_JSONL, NULL, 300000, &c, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.len[0], m + 1);
    free(err);
    docs_free(&d);
    free(esc);
    free(buf);
}

/* ---------------------------------------------------------------- plain text */

static void test_text_file(void **state)
{
    (void)state;
    const char *p = write_str("story.txt", "Israel attacked Gaza.\n\nHamas fired rockets.\n");
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_AUTO, "2008-08-08", 1 << 20, &c, &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.id[0], "story.txt");
    assert_string_equal(d.date[0], "2008-08-08");
    assert_string_equal(d.text[0], "Israel attacked Gaza.\n\nHamas fired rockets.\n");
    assert_int_equal(d.line[0], 1);
    assert_int_equal(c.read, 1);
    assert_string_equal(err, "");
    free(err);
    docs_free(&d);

    /* too large */
    err = read_all(p, INPUT_TEXT, NULL, 10, &c, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(c.skipped[SKIP_TOO_LARGE], 1);
    free(err);
    docs_free(&d);
}

static void test_text_empty(void **state)
{
    (void)state;
    const char *p = write_file("empty.txt", "", 0);
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_TEXT, NULL, 1 << 20, &c, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(c.read, 1);
    assert_int_equal(c.skipped[SKIP_EMPTY], 1);
    char want[600];
    snprintf(want, sizeof want, "dyad: warning: %s:1: empty, skipped\n", p);
    assert_string_equal(err, want);
    free(err);
    docs_free(&d);
}

static void test_text_nul(void **state)
{
    (void)state;
    const char *p = write_file("bin.txt", "hello\0world", 11);
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_TEXT, NULL, 1 << 20, &c, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(c.skipped[SKIP_BINARY], 1);
    assert_non_null(strstr(err, ":1: binary (NUL byte at offset 5), skipped\n"));
    free(err);
    docs_free(&d);
}

static void test_missing_file(void **state)
{
    (void)state;
    input_counts c = {0};
    capture_start();
    input_reader *r = input_open("/nonexistent/dir/none.jsonl", INPUT_AUTO, NULL, 1 << 20, &c);
    char *err = capture_end();
    assert_null(r);
    assert_string_equal(err, "dyad: /nonexistent/dir/none.jsonl: No such file or directory\n");
    assert_int_equal(c.read, 0);
    free(err);

    capture_start();
    r = input_open(tmpdir, INPUT_TEXT, NULL, 1 << 20, &c);
    err = capture_end();
    assert_null(r);
    assert_non_null(strstr(err, "Is a directory"));
    free(err);
}

static void test_kind_parse(void **state)
{
    (void)state;
    assert_int_equal(input_kind_parse("text"), INPUT_TEXT);
    assert_int_equal(input_kind_parse("jsonl"), INPUT_JSONL);
    assert_int_equal(input_kind_parse("petrarch-xml"), INPUT_PETRARCH_XML);
    assert_int_equal(input_kind_parse("yaml"), -1);
    assert_string_equal(input_skip_name(SKIP_BAD_JSON), "malformed JSON");
    assert_string_equal(input_skip_name(SKIP_TOO_LARGE), "too large");
    assert_string_equal(input_skip_name(SKIP_EMPTY), "empty");
}

/* ---------------------------------------------------------------- PETRARCH XML */

static void test_xml_entities(void **state)
{
    (void)state;
    const char *p = write_str("s.xml",
        "<!-- a comment with <Sentence id=\"fake\"><Text>no</Text></Sentence> inside -->\n"
        "<Sentences>\n"
        "<Sentence date = \"20080804\" id =\"AFP_1\" source = \"AFP\" sentence = \"True\">\n"
        "<Text>\n"
        "AT&amp;T said &lt;hello&gt; &quot;world&quot; &apos;x&apos; caf&#233; &#x41;&#66; \n"
        "next line. \n"
        "</Text>\n"
        "<Parse>\n"
        "( (S (NP (NNP AT&amp;T)) (VP (VBD said))) )\n"
        "</Parse>\n"
        "</Sentence>\n"
        "\n"
        "<Sentence date='20080805' id='B&amp;2'>\n"
        "<Parse>(S)</Parse>\n"
        "</Sentence>\n"
        "<Sentence id=\"C\"><Text><![CDATA[a < b & c]]></Text></Sentence>\n"
        "<Sentence id=\"D\"><Text>   </Text></Sentence>\n"
        "</Sentences>\n");
    input_counts c;
    docs d;
    char *err = read_all(p, INPUT_AUTO, "19990101", 1 << 20, &c, &d);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.id[0], "AFP_1");
    assert_string_equal(d.date[0], "20080804");
    assert_string_equal(d.text[0],
        "AT&T said <hello> \"world\" 'x' caf\xC3\xA9 AB next line.");
    assert_int_equal(d.line[0], 3);
    assert_string_equal(d.id[1], "C");
    assert_string_equal(d.date[1], "19990101");
    assert_string_equal(d.text[1], "a < b & c");
    assert_int_equal(d.line[1], 16);
    assert_int_equal(c.read, 4);
    assert_int_equal(c.skipped[SKIP_NO_TEXT], 1);
    assert_int_equal(c.skipped[SKIP_EMPTY], 1);
    assert_non_null(strstr(err, ":13: no text"));
    assert_non_null(strstr(err, ":17: empty, skipped"));
    free(err);
    docs_free(&d);
}

static void test_xml_petrarch_sample(void **state)
{
    (void)state;
    if (access(PETR_SAMPLE, R_OK) != 0) skip();
    input_counts c = {0};
    capture_start();
    input_reader *r = input_open(PETR_SAMPLE, INPUT_AUTO, NULL, 1 << 20, &c);
    assert_non_null(r);
    input_doc doc;
    int n = 0;
    while (input_next(r, &doc)) {
        if (n == 0) {
            assert_string_equal(doc.id, "AFP0808020625_4");
            assert_string_equal(doc.date, "20080804");
            assert_string_equal(doc.source, "AFP");
            const char *want = "The stopover came as the US leader prepared to attend the Beijing "
                               "Olympics, an event which will test his vow to keep politics out of the Games.";
            assert_string_equal(doc.text, want);
            assert_null(strchr(doc.text, '\n'));
            assert_null(strchr(doc.text, '('));
        }
        n++;
    }
    input_close(r);
    char *err = capture_end();
    /* 76 Sentence elements, 9 of them (TEST_1...) with an empty Text */
    assert_int_equal(n, 67);
    assert_int_equal(c.read, 76);
    assert_int_equal(c.skipped[SKIP_EMPTY], 9);
    assert_int_equal(count_lines(err), 9);
    free(err);
}

/* Many sentences: exercises refilling and compacting the read buffer. */
static void test_xml_stream(void **state)
{
    (void)state;
    size_t cap = 8u << 20, n = 0;
    char *buf = malloc(cap);
    n += (size_t)sprintf(buf + n, "<Sentences>\n");
    int count = 20000;
    for (int i = 0; i < count; i++)
        n += (size_t)sprintf(buf + n,
                             "<Sentence id=\"s%d\" date=\"20080808\">\n<Text>\nSentence number %d.\n</Text>\n"
                             "<Parse>(S (NP x) (VP y))</Parse>\n</Sentence>\n",
                             i, i);
    n += (size_t)sprintf(buf + n, "</Sentences>\n");
    const char *p = write_file("many.xml", buf, n);
    input_counts c = {0};
    input_reader *r = input_open(p, INPUT_PETRARCH_XML, NULL, 1 << 20, &c);
    assert_non_null(r);
    input_doc doc;
    int k = 0;
    char want[64];
    while (input_next(r, &doc)) {
        snprintf(want, sizeof want, "s%d", k);
        assert_string_equal(doc.id, want);
        snprintf(want, sizeof want, "Sentence number %d.", k);
        assert_string_equal(doc.text, want);
        assert_int_equal(doc.line, 2 + 6 * k);
        k++;
    }
    input_close(r);
    assert_int_equal(k, count);
    assert_int_equal(c.read, (size_t)count);
    free(buf);
}

/* ---------------------------------------------------------------- main */

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < npaths; i++) {
        unlink(paths[i]);
        free(paths[i]);
    }
    rmdir(tmpdir);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_mixed),
        cmocka_unit_test(test_jsonl_config),
        cmocka_unit_test(test_jsonl_nul_and_utf8),
        cmocka_unit_test(test_jsonl_too_large),
        cmocka_unit_test(test_text_file),
        cmocka_unit_test(test_text_empty),
        cmocka_unit_test(test_text_nul),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_kind_parse),
        cmocka_unit_test(test_xml_entities),
        cmocka_unit_test(test_xml_petrarch_sample),
        cmocka_unit_test(test_xml_stream),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
