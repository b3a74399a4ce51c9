/* cmd_export.c - `dyad export --format F [filters]`: the store's events in the field's
 * layouts (export.h); `dyad export --plover-table [FILE]`: the CAMEO -> PLOVER mapping of
 * every code listed in FILE (first field of each line, '#' comments; default: the
 * dictionary's cameo.codes). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "help.h"
#include "export.h"
#include "plover.h"
#include "store_cli.h"

/* CAMEO code labels from a dictionary's cameo.codes: "code<TAB>weight<TAB>quad<TAB>name". */
typedef struct {
    char **code, **name;
    size_t n;
} code_names;

static void names_load(code_names *c, const char *path)
{
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = 0;
        char *t1 = strchr(line, '\t'), *name = t1;
        for (int k = 0; k < 2 && name; k++)
            name = strchr(name + 1, '\t');
        if (!t1 || !name)
            continue;
        *t1 = 0;
        char **nc = realloc(c->code, (c->n + 1) * sizeof *nc), **nn = realloc(c->name, (c->n + 1) * sizeof *nn);
        if (nc)
            c->code = nc;
        if (nn)
            c->name = nn;
        if (!nc || !nn)
            break;
        c->code[c->n] = strdup(line);
        c->name[c->n++] = strdup(name + 1);
    }
    fclose(f);
}

static const char *names_get(void *ud, const char *code)
{
    code_names *c = ud;
    for (size_t i = 0; i < c->n; i++)
        if (c->code[i] && !strcmp(c->code[i], code))
            return c->name[i];
    return NULL;
}

static void names_free(code_names *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->code[i]);
        free(c->name[i]);
    }
    free(c->code);
    free(c->name);
}

/* code<TAB>event<TAB>mode<TAB>reason for every code of the file. */
static int plover_table(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dyad: %s: cannot open\n", path);
        return 1;
    }
    char line[512];
    long ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\t \r\n")] = 0;
        if (ln == 1 && !strcmp(line, "code"))
            continue; /* a TSV header */
        dyad_plover p = dyad_plover_of(line);
        printf("%s\t%s\t%s\t%s\n", line, p.event ? p.event : "", p.mode ? p.mode : "", p.reason ? p.reason : "");
    }
    fclose(f);
    return 0;
}

int cmd_export(int argc, char **argv)
{
    dyad_query q;
    memset(&q, 0, sizeof q);
    const char *db = NULL, *dict = NULL;
    int fmt = -1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int used = store_filter_opt(&q, &db, a, v);
        if (used < 0)
            return 2;
        if (used) {
            i += used - 1;
        } else if (!strcmp(a, "--plover-table")) {
            if (v)
                return plover_table(v);
            char buf[PATH_MAX + 32], path[PATH_MAX + 64];
            const char *dir = default_dict(buf, sizeof buf);
            if (!dir)
                return 1;   /* default_dict said where it looked */
            snprintf(path, sizeof path, "%s/cameo.codes", dir);
            return plover_table(path);
        } else if (!strcmp(a, "--format") && v) {
            if ((fmt = export_format_parse(v)) < 0) {
                fprintf(stderr, "dyad: export: --format %s: want gdelt1, gdelt2, icews, phoenix, plover, csv or jsonl\n", v);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--dict") && v) {
            dict = v;
            i++;
        } else {    /* (--help is answered by main.c from help.c's table) */
            help_unknown_option("export", a);
            return 2;
        }
    }
    if (fmt < 0) {
        fprintf(stderr, "dyad: export: --format is required; see dyad help export\n");
        return 2;
    }
    char err[512], buf[PATH_MAX + 32], path[PATH_MAX + 64];
    dyad_store *st = dyad_store_open(db, 1, err, sizeof err);
    if (!st) {
        fprintf(stderr, "dyad: %s: %s\n", store_display_name(db), err);
        return 1;
    }
    code_names names;
    const char *dir = dict ? dict : default_dict(buf, sizeof buf);
    snprintf(path, sizeof path, "%s/cameo.codes", dir ? dir : ".");
    names_load(&names, path);
    export_names en = {names_get, &names};
    export_stats stats;
    int rc = dyad_export(st, &q, (export_format)fmt, stdout, &en, &stats, err, sizeof err);
    dyad_store_close(st);
    names_free(&names);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "dyad: export: write error\n");
        return 1;
    }
    if (rc != 0) {
        fprintf(stderr, "dyad: export: %s\n", err);
        return 1;
    }
    if (stats.unmapped)
        fprintf(stderr, "dyad: export: %zu events left out: their CAMEO codes (roots 01, 02) have no PLOVER type\n",
                stats.unmapped);
    return 0;
}
