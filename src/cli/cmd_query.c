/* cmd_query.c - `dyad query`: events, their evidence, or counts by period or actor, from the
 * store (query.h builds the SQL), as an aligned table, CSV, TSV or JSON lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "help.h"
#include "rows_out.h"
#include "store_cli.h"

int cmd_query(int argc, char **argv)
{
    dyad_query q;
    memset(&q, 0, sizeof q);
    const char *db = NULL;
    rows_format fmt = ROWS_TABLE;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int used = store_filter_opt(&q, &db, a, v);
        if (used < 0)
            return 2;
        if (used) {
            i += used - 1;
        } else if (!strcmp(a, "--by") && v) {
            q.by = v;
            i++;
        } else if (!strcmp(a, "--mentions")) {
            q.mentions = 1;
        } else if (!strcmp(a, "--explain")) {
            q.explain = 1;
            fmt = ROWS_TSV;
        } else if (!strcmp(a, "--csv") || !strcmp(a, "--tsv") || !strcmp(a, "--json")) {
            fmt = a[2] == 'c' ? ROWS_CSV : a[2] == 't' ? ROWS_TSV : ROWS_JSON;
        } else {    /* (--help is answered by main.c from help.c's table) */
            help_unknown_option("query", a);
            return 2;
        }
    }
    char err[512];
    if (dyad_query_check(&q, err, sizeof err) != 0) {
        fprintf(stderr, "dyad: query: %s\n", err);
        return 2;
    }
    dyad_store *st = dyad_store_open(db, 1, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: %s: %s\n", store_display_name(db), err);
        return 1;
    }
    rows_out r;
    rows_init(&r, stdout, fmt, dyad_query_columns(&q), q.mentions && !q.explain ? 13 : 0);
    int rc = dyad_query_run(st, &q, rows_add, &r, err, sizeof err);
    int wrc = rows_finish(&r);
    dyad_store_close(st);
    if (rc != 0) {
        fprintf(stderr, "dyad: query: %s\n", err);
        return 1;
    }
    if (wrc != 0) {
        fprintf(stderr, "dyad: query: write error\n");
        return 1;
    }
    return 0;
}
