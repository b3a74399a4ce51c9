/* check_sentences - runs dyad's own test set (the files under tests/sentences)
 * libdyad and compares every record's events with the expected ones: the set of
 * (source, target, code), and the date, precision and amount where the record
 * names them. Prints each failure and a closing "N passed, N failed" line; exits
 * 1 if any record fails. usage: check_sentences DICT_DIR FILE.jsonl... */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

typedef struct {
    dyad_event ev[64];
    int n;
} got_events;

static int collect(void *ud, const dyad_event *ev)
{
    got_events *g = ud;
    if (g->n < 64)
        g->ev[g->n++] = *ev;
    return 0;
}

static const char *str(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

static void fmt_date(const dyad_date *d, char *buf, size_t cap)
{
    if (!d->year)
        snprintf(buf, cap, "null");
    else if (d->precision == DYAD_PREC_YEAR)
        snprintf(buf, cap, "%04d", d->year);
    else if (d->precision == DYAD_PREC_MONTH)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
}

/* Checks one record; returns 1 if it passes, printing why it does not. */
static int check(const dyad_coder *c, dyad_work *w, json_t *rec, const char *file, int line)
{
    got_events got = {.n = 0};
    const char *text = str(rec, "text");
    dyad_doc doc = {str(rec, "id"), json_string_value(json_object_get(rec, "date")), text, strlen(text), NULL,
                    json_string_value(json_object_get(rec, "title"))};
    dyad_code(c, w, &doc, collect, &got, NULL);
    json_t *exp = json_object_get(rec, "events");
    size_t ne = json_array_size(exp);
    int ok = 1, matched[64] = {0};
    char why[2048] = "";
    size_t wl = 0;
    for (size_t i = 0; i < ne; i++) {
        json_t *e = json_array_get(exp, i);
        int found = -1;
        for (int k = 0; k < got.n; k++)
            if (!strcmp(got.ev[k].source, str(e, "source")) && !strcmp(got.ev[k].target, str(e, "target")) &&
                !strcmp(got.ev[k].code, str(e, "code")))
                found = k;
        if (found < 0) {
            ok = 0;
            wl += (size_t)snprintf(why + wl, sizeof why - wl, "\n    missing  %s %s %s", str(e, "source"),
                                   str(e, "code"), str(e, "target"));
            continue;
        }
        matched[found] = 1;
        const dyad_event *g = &got.ev[found];
        json_t *jd = json_object_get(e, "date");
        if (jd) {
            char d[32];
            const char *want = json_is_null(jd) ? "null" : str(e, "date"); /* null: no date */
            fmt_date(&g->date, d, sizeof d);
            if (strcmp(d, want) != 0) {
                ok = 0;
                wl += (size_t)snprintf(why + wl, sizeof why - wl, "\n    date     %s, expected %s", d, want);
            }
        }
        json_t *am = json_object_get(e, "amount");
        if (am) {
            double v = json_number_value(json_object_get(am, "value"));
            const char *cur = str(am, "currency");
            if (!g->has_amount || g->amount < v * 0.999 || g->amount > v * 1.001 || strcmp(g->currency, cur)) {
                ok = 0;
                wl += (size_t)snprintf(why + wl, sizeof why - wl, "\n    amount   %.0f %s, expected %.0f %s",
                                       g->has_amount ? g->amount : 0, g->currency, v, cur);
            }
        }
    }
    for (int k = 0; k < got.n; k++)
        if (!matched[k]) {
            ok = 0;
            wl += (size_t)snprintf(why + wl, sizeof why - wl, "\n    extra    %s %s %s",
                                   got.ev[k].source[0] ? got.ev[k].source : "-", got.ev[k].code,
                                   got.ev[k].target[0] ? got.ev[k].target : "-");
        }
    if (!ok)
        printf("FAIL %s:%d %s: %s%s\n", file, line, str(rec, "id"), text, why);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: check_sentences DICT_DIR FILE.jsonl...\n");
        return 2;
    }
    char err[1024];
    dyad_options opt = dyad_default_options();
    opt.dict_dir = argv[1];
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    if (!c) {
        fprintf(stderr, "check_sentences: %s\n", err);
        return 2;
    }
    dyad_work *w = dyad_work_new();
    int pass = 0, fail = 0;
    for (int f = 2; f < argc; f++) {
        FILE *fp = fopen(argv[f], "r");
        if (!fp) {
            fprintf(stderr, "check_sentences: %s: cannot open\n", argv[f]);
            fail++;
            continue;
        }
        char *line = NULL;
        size_t cap = 0;
        int ln = 0;
        while (getline(&line, &cap, fp) > 0) {
            ln++;
            json_error_t je;
            json_t *rec = json_loads(line, 0, &je);
            if (!rec) {
                printf("FAIL %s:%d: malformed JSON: %s\n", argv[f], ln, je.text);
                fail++;
                continue;
            }
            if (check(c, w, rec, argv[f], ln))
                pass++;
            else
                fail++;
            json_decref(rec);
        }
        free(line);
        fclose(fp);
    }
    dyad_work_free(w);
    dyad_coder_free(c);
    printf("%d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
