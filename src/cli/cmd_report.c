/* cmd_report.c - `dyad report [--db URL] [--actor A | --dyad A:B] [--from D] [--to D]
 * [--root R...] [--max-events N] [--mentions N] [--dict DIR] [-o FILE]`: writes the
 * self-contained HTML report of src/report/report.h (default file: report.html; "-o -"
 * writes to stdout). The file is written under a temporary name and renamed when done. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "report.h"

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "dyad: report: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fprintf(stderr, "usage: dyad report [--db URL] [--actor A | --dyad A:B] [--from D] [--to D]"
                    " [--root R...] [--max-events N] [--mentions N] [--dict DIR] [-o FILE]\n");
    return 2;
}

/* YYYY, YYYY-MM or YYYY-MM-DD */
static int valid_date(const char *s)
{
    static const char *const shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
    for (size_t i = 0; i < 3; i++) {
        const char *p = shapes[i], *q = s;
        while (*p && *q && (*p == 'd' ? isdigit((unsigned char)*q) : *p == *q))
            p++, q++;
        if (!*p && !*q)
            return 1;
    }
    return 0;
}

/* --root 19 --root 17,18: two-digit roots 01-20 */
static int add_roots(dyad_report_opts *o, char *list)
{
    for (char *r = strtok(list, ","); r; r = strtok(NULL, ",")) {
        int v = atoi(r);
        if (strlen(r) != 2 || !isdigit((unsigned char)r[0]) || !isdigit((unsigned char)r[1]) ||
            v < 1 || v > 20 || o->nroots == DYAD_REPORT_MAX_ROOTS)
            return -1;
        o->roots[o->nroots++] = r;
    }
    return 0;
}

/* The store as the header names it: a PostgreSQL URL without its password (user:PASSWORD@
 * or a query string that holds one). */
static void store_label(const char *url, const char *backend, char *buf, size_t cap)
{
    const char *scheme = url ? strstr(url, "://") : NULL;
    const char *at = scheme ? strchr(scheme, '@') : NULL;
    const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
    const char *query = scheme ? strchr(scheme, '?') : NULL;
    int keep = url ? (int)(query && strstr(query, "password") ? query - url : (int)strlen(url)) : 0;
    if (at && colon && colon < at && (!query || at < query))
        snprintf(buf, cap, "%.*s%.*s (%s)", (int)(colon - url), url, keep - (int)(at - url), at,
                 backend);
    else
        snprintf(buf, cap, "%.*s (%s)", url ? keep : 7, url ? url : "dyad.db", backend);
}

static long number(const char *s, long lo, long hi)
{
    char *end;
    long v = strtol(s, &end, 10);
    return (*s && !*end && v >= lo && v <= hi) ? v : -1;
}

/* What the options name besides the report's own settings; the codes live in it. */
typedef struct {
    const char *db, *outp, *dict;
    char dyad_buf[80], actor_buf[40];
} report_args;

static int parse(int argc, char **argv, dyad_report_opts *o, report_args *ra)
{
    char *dyad_buf = ra->dyad_buf, *actor_buf = ra->actor_buf, err[200];
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--db") || !strcmp(a, "--actor") || !strcmp(a, "--dyad") ||
            !strcmp(a, "--from") || !strcmp(a, "--to") || !strcmp(a, "--root") ||
            !strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--max-events") ||
            !strcmp(a, "--mentions") || !strcmp(a, "--dict")) {
            if (!v)
                return usage_error("missing value after", a);
            i++;
        } else {
            return usage_error("unknown argument", a);
        }
        if (!strcmp(a, "--db"))
            ra->db = v;
        else if (!strcmp(a, "-o") || !strcmp(a, "--output"))
            ra->outp = v;
        else if (!strcmp(a, "--dict"))
            ra->dict = v;
        else if (!strcmp(a, "--actor")) {
            snprintf(actor_buf, sizeof ra->actor_buf, "%s", v);
            if (dyad_report_check_actor(actor_buf, err, sizeof err) < 0)
                return usage_error(err, NULL);
            o->actor = actor_buf;
        } else if (!strcmp(a, "--dyad")) {
            snprintf(dyad_buf, sizeof ra->dyad_buf, "%s", v);
            char *colon = strchr(dyad_buf, ':');
            if (!colon)
                return usage_error("--dyad takes A:B, e.g. ARM:AZE", v);
            *colon = 0;
            if (dyad_report_check_actor(dyad_buf, err, sizeof err) < 0 ||
                dyad_report_check_actor(colon + 1, err, sizeof err) < 0)
                return usage_error(err, NULL);
            o->dyad_a = dyad_buf;
            o->dyad_b = colon + 1;
        } else if (!strcmp(a, "--from") || !strcmp(a, "--to")) {
            if (!valid_date(v))
                return usage_error("dates are YYYY, YYYY-MM or YYYY-MM-DD", v);
            *(a[2] == 'f' ? &o->from : &o->to) = v;
        } else if (!strcmp(a, "--root")) {
            if (add_roots(o, argv[i]) < 0)
                return usage_error("roots are two digits, 01 to 20", v);
        } else if (!strcmp(a, "--max-events")) {
            if ((o->max_events = number(v, 0, 1000000)) < 0)
                return usage_error("--max-events takes 0 to 1000000", v);
        } else if ((o->max_mentions = (int)number(v, 0, 100)) < 0) {
            return usage_error("--mentions takes 0 to 100", v);
        }
    }
    if (o->actor && o->dyad_a)
        return usage_error("give --actor or --dyad, not both", NULL);
    return 0;
}

int cmd_report(int argc, char **argv)
{
    dyad_report_opts o = dyad_report_default_opts();
    report_args ra = {NULL, "report.html", NULL, "", ""};
    int rc = parse(argc, argv, &o, &ra);
    if (rc)
        return rc;
    const char *db = ra.db, *outp = ra.outp, *dict = ra.dict;
    char err[512], label[512], codes[PATH_MAX + 16], dbuf[PATH_MAX], made[40];
    dyad_store *st = dyad_store_open(db, 1, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: report: %s\n", err);
        return 1;
    }
    store_label(db ? db : getenv("DYAD_DB"), dyad_store_backend(st), label, sizeof label);
    snprintf(codes, sizeof codes, "%s/cameo.codes", dict ? dict : default_dict(dbuf, sizeof dbuf));
    time_t now = time(NULL);
    struct tm tm;
    strftime(made, sizeof made, "%Y-%m-%d %H:%M UTC", gmtime_r(&now, &tm));
    o.store_label = label;
    o.codes_file = codes;
    o.made_at = made;
    char tmp[PATH_MAX];
    int to_stdout = !strcmp(outp, "-");
    snprintf(tmp, sizeof tmp, "%s.tmp", outp);
    FILE *out = to_stdout ? stdout : fopen(tmp, "w");
    if (!out) {
        fprintf(stderr, "dyad: report: %s: cannot write\n", tmp);
        dyad_store_close(st);
        return 1;
    }
    rc = dyad_report_write(st, &o, out, err, sizeof err);
    dyad_store_close(st);
    if (!to_stdout && (fclose(out) != 0 || rc < 0 || rename(tmp, outp) != 0)) {
        if (rc == 0)
            snprintf(err, sizeof err, "could not write the file");
        remove(tmp);
        rc = -1;
    }
    if (rc < 0) {
        fprintf(stderr, "dyad: report: %s: %s\n", outp, err);
        return 1;
    }
    return 0;
}
