/* cmd_convert.c - `dyad dict convert`: PETRARCH or TABARI dictionaries into a dyad
 * dictionary folder (src/lib/convert.h), then a check of the result.
 *
 *   dyad dict convert --from petrarch CONFIG.ini OUTDIR
 *   dyad dict convert --from petrarch --verbs F --actors F [--actors F...] --agents F [--discards F] OUTDIR
 *   dyad dict convert --from tabari PROJECT OUTDIR
 *   dyad dict convert --from tabari --verbs F --actors F [--agents F] [--options F] OUTDIR
 * Options: --codes FILE (dyad's cameo.codes to copy; default: the bundled dict's),
 * --ontology FILE (UniversalPetrarch's internal coding ontology: negated verbs re-coded),
 * --dialect petrarch1|petrarch2|up (whose coding conventions the options file holds;
 * default: up with an ontology, else petrarch2), --quiet (no per-line warnings, only the counts).
 *
 * argv holds the arguments after "dict convert". */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "help.h"
#include "convert.h"
#include "dyad.h"

int cmd_convert(int argc, char **argv);

static void convert_usage(FILE *f)
{
    fputs("usage: dyad dict convert --from petrarch CONFIG.ini OUTDIR\n"
          "       dyad dict convert --from petrarch --verbs F --actors F [--actors F]... --agents F [--discards F] OUTDIR\n"
          "       dyad dict convert --from tabari PROJECT OUTDIR\n"
          "       dyad dict convert --from tabari --verbs F --actors F [--agents F] [--options F] OUTDIR\n"
          "options: --codes FILE  dyad's cameo.codes to copy (default: the bundled dict's)\n"
          "         --ontology F  UniversalPetrarch's internal coding ontology: negated verbs\n"
          "                       re-coded through it (PETRARCH only)\n"
          "         --dialect D   petrarch1, petrarch2 or up: whose coding conventions the\n"
          "                       folder's options follow (default: up with --ontology,\n"
          "                       else petrarch2; PETRARCH only)\n"
          "         --quiet       print only the counts, not each warning\n",
          f);
}

int cmd_convert(int argc, char **argv)
{
    const char *from = NULL, *verbs = NULL, *agents = NULL, *discards = NULL, *codes = NULL;
    const char *ontology = NULL, *dialect = NULL;
    const char *options = NULL;
    const char **actors = calloc((size_t)argc + 1, sizeof *actors);
    const char *pos[2] = {NULL, NULL};
    int n_actors = 0, n_pos = 0, quiet = 0;
    if (!actors)
        return 2;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "--from"))
            dst = &from;
        else if (!strcmp(a, "--verbs"))
            dst = &verbs;
        else if (!strcmp(a, "--agents"))
            dst = &agents;
        else if (!strcmp(a, "--discards"))
            dst = &discards;
        else if (!strcmp(a, "--codes"))
            dst = &codes;
        else if (!strcmp(a, "--ontology"))
            dst = &ontology;
        else if (!strcmp(a, "--dialect"))
            dst = &dialect;
        else if (!strcmp(a, "--options"))
            dst = &options;
        else if (!strcmp(a, "--actors"))
            dst = &actors[n_actors++];
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
            continue;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            convert_usage(stdout);
            free(actors);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            help_unknown_option("dict convert", a);
            free(actors);
            return 2;
        } else {
            if (n_pos == 2) {
                fprintf(stderr, "dyad: dict convert: too many arguments\n");
                free(actors);
                return 2;
            }
            pos[n_pos++] = a;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "dyad: dict convert: %s needs a value\n", a);
            free(actors);
            return 2;
        }
        *dst = argv[++i];
    }
    int petr = from && !strcmp(from, "petrarch"), tab = from && !strcmp(from, "tabari");
    if (!petr && !tab) {
        fprintf(stderr, "dyad: dict convert: --from petrarch or --from tabari is required\n");
        convert_usage(stderr);
        free(actors);
        return 2;
    }
    if (n_pos == 0 || (n_pos == 1 && !verbs && !n_actors && !agents)) {
        fprintf(stderr, "dyad: dict convert: give %s and OUTDIR, or the files with --verbs/--actors/--agents\n",
                petr ? "CONFIG.ini" : "PROJECT");
        free(actors);
        return 2;
    }
    const char *config = n_pos == 2 ? pos[0] : NULL;
    const char *outdir = pos[n_pos - 1];
    if (tab && n_actors > 1) {
        fprintf(stderr, "dyad: dict convert: TABARI takes one --actors file\n");
        free(actors);
        return 2;
    }
    char buf[PATH_MAX + 32], codesbuf[PATH_MAX + 64];
    if (!codes) {
        const char *dict = default_dict(buf, sizeof buf);
        if (!dict) {
            free(actors);
            return 1;
        }
        snprintf(codesbuf, sizeof codesbuf, "%s/cameo.codes", dict);
        codes = codesbuf;
    }
    FILE *diag = stderr;
    FILE *null = NULL;
    if (quiet) {
        null = fopen("/dev/null", "w");
        diag = null ? null : stderr;
    }
    size_t warnings = 0;
    dyad_convert_opts co = {petr ? DYAD_FROM_PETRARCH : DYAD_FROM_TABARI, config, verbs, actors,
                            n_actors, agents, discards, ontology, dialect, options, codes};
    int rc = dyad_convert(&co, outdir, diag, &warnings);
    free(actors);
    printf("converted into %s: %zu warning%s (approximations and skipped lines)%s\n", outdir, warnings, plural(warnings),
           rc < 0 ? "; errors above" : "");
    if (tab && rc == 0)
        printf("%s: the TABARI files are kept as *.tabari: dyad codes this folder the TABARI way "
               "(delete them to use dyad's own parser)\n", outdir);
    if (rc < 0) {
        if (null)
            fclose(null);
        return 1;
    }
    size_t w2 = 0;
    fflush(stdout);
    size_t errors = dyad_dict_check(outdir, NULL, null ? null : stdout, &w2);
    if (null)
        fclose(null);
    printf("%s: %zu error%s, %zu warning%s when loaded\n", outdir, errors, plural(errors), w2, plural(w2));
    return errors ? 1 : 0;
}
