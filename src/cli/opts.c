/* opts.c - options of `dyad code` and `dyad explain`, and coder loading. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "help.h"
#include "input.h"
#include "output.h"

static int isdir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

#ifndef DYAD_DICT_DIR
#define DYAD_DICT_DIR "/usr/local/share/dyad/dict"   /* the Makefile sets $(PREFIX)/share/dyad/dict */
#endif

/* The dictionary folder when --dict is not given, looked for in this order:
 * $DYAD_DICT; beside the binary (bin/../dict, build/bin/../../dict, and an installed
 * PREFIX/bin/../share/dyad/dict); the share folder compiled in (DYAD_DICT_DIR). NULL,
 * after a message naming every place looked at, when none is a folder. */
/* The default dictionary folder; say: print where it looked when there is none. */
static const char *locate_dict(char *buf, size_t cap, int say)
{
    const char *env = getenv("DYAD_DICT");
    if (env && *env) {
        if (access(env, F_OK) == 0)
            return env;
        if (say)
            fprintf(stderr, "dyad: $DYAD_DICT=%s: no such dictionary folder\n", env);
        return NULL;
    }
    static const char *const rel[] = {"/../dict", "/../../dict", "/../share/dyad/dict"};
    char exe[PATH_MAX], looked[4 * PATH_MAX + 256] = "";
    size_t used = 0;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            snprintf(buf, cap, "%s%s", exe, rel[i]);
            if (isdir(buf))
                return buf;
            used += (size_t)snprintf(looked + used, sizeof looked - used, "%s, ", buf);
            if (used >= sizeof looked)
                used = sizeof looked - 1;
        }
    }
    if (isdir(DYAD_DICT_DIR)) {
        snprintf(buf, cap, "%s", DYAD_DICT_DIR);
        return buf;
    }
    if (say)
        fprintf(stderr, "dyad: no dictionary folder found: --dict not given, $DYAD_DICT not set, "
                        "none at %s%s; give one with --dict DIR or DYAD_DICT=DIR\n",
                looked, DYAD_DICT_DIR);
    return NULL;
}

const char *default_dict(char *buf, size_t cap)
{
    return locate_dict(buf, cap, 1);
}

/* A strict count: decimal digits only (no sign, space or suffix), from 1 to max.
 * Returns 0, or -1 for anything else (strtoull alone takes "-1" as a huge value). */
static int parse_count(const char *v, unsigned long long max, unsigned long long *out)
{
    unsigned long long n = 0;
    if (!*v)
        return -1;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        unsigned d = (unsigned)(*p - '0');
        if (n > (max - d) / 10)
            return -1;
        n = n * 10 + d;
    }
    if (n < 1)
        return -1;
    *out = n;
    return 0;
}

int parse_opts(int argc, char **argv, options *o)
{
    return parse_cmd_opts("code", argc, argv, o);
}

int parse_cmd_opts(const char *cmd, int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->max_bytes = 16u << 20;
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--require-dyad")) {
            o->require_dyad = 1;
        } else if (!strcmp(a, "--unknown-actors")) {
            o->unknown_actors = 1;
        } else if (!strcmp(a, "--with-docs")) {
            o->with_docs = 1;
        } else if (!strcmp(a, "--ontology")) {
            if (!v || (strcmp(v, "plover") != 0 && strcmp(v, "cameo") != 0)) {
                fprintf(stderr, "dyad: --ontology %s: want cameo or plover\n", v ? v : "(none)");
                return -1;
            }
            o->plover = !strcmp(v, "plover");
            i++;
        } else if (!strcmp(a, "--date") || !strcmp(a, "--input") || !strcmp(a, "--format") ||
                   !strcmp(a, "--dict") || !strcmp(a, "--max-doc-bytes") || !strcmp(a, "--threads")) {
            if (!v) {
                fprintf(stderr, "dyad: %s needs a value\n", a);
                return -1;
            }
            i++;
            if (!strcmp(a, "--date")) {
                dyad_date d;
                if (dyad_parse_date(v, strlen(v), &d) != 0) {
                    fprintf(stderr, "dyad: --date %s: want YYYY-MM-DD or YYYYMMDD\n", v);
                    return -1;
                }
                o->date = v;
            } else if (!strcmp(a, "--input")) {
                if ((o->input = input_kind_parse(v)) < 0) {
                    fprintf(stderr, "dyad: --input %s: want text, jsonl or petrarch-xml\n", v);
                    return -1;
                }
            } else if (!strcmp(a, "--format")) {
                if ((o->format = output_format_parse(v)) < 0) {
                    fprintf(stderr, "dyad: --format %s: want jsonl, tsv or csv\n", v);
                    return -1;
                }
            } else if (!strcmp(a, "--dict")) {
                o->dict = v;
            } else if (!strcmp(a, "--threads")) {
                unsigned long long n;
                if (parse_count(v, 1024, &n) != 0) {
                    fprintf(stderr, "dyad: --threads %s: want a number from 1 to 1024\n", v);
                    return -1;
                }
                o->threads = (int)n;
            } else {
                unsigned long long n;
                if (parse_count(v, (unsigned long long)SIZE_MAX / 4, &n) != 0) {
                    fprintf(stderr, "dyad: --max-doc-bytes %s: want a positive number of bytes\n", v);
                    return -1;
                }
                o->max_bytes = (size_t)n;
            }
        } else if (a[0] == '-' && a[1] == '-') {
            help_unknown_option(cmd, a);
            return -1;
        } else {
            o->files[o->nfiles++] = argv[i];
        }
    }
    return 0;
}

int cli_dict_source(const char *dict, int quiet, dyad_dict_source *src)
{
    char buf[PATH_MAX + 32], codes[PATH_MAX + 64], err[1024];
    const char *def = dict ? NULL : default_dict(buf, sizeof buf);
    if (!dict && !def)
        return -1;  /* default_dict said where it looked */
    if (dict)       /* a .ini or .project takes dyad's own codes, when a default folder is found */
        def = locate_dict(buf, sizeof buf, 0);
    if (def)
        snprintf(codes, sizeof codes, "%s/cameo.codes", def);
    if (dyad_dict_source_resolve(dict ? dict : def, def ? codes : NULL, src, err, sizeof err) != 0) {
        fprintf(stderr, "dyad: %s\n", err);
        return -1;
    }
    if (!quiet && src->note[0])
        fprintf(stderr, "dyad: cache: %s\n", src->note);
    return 0;
}

dyad_coder *load_coder(const options *o)
{
    char err[1024];
    dyad_options opt = dyad_default_options();
    dyad_dict_source src;
    if (cli_dict_source(o->dict, o->quiet, &src) != 0)
        return NULL;
    opt.dict_dir = src.dir;
    opt.require_dyad = o->require_dyad ? 1 : -1;
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    dyad_dict_source_done(&src);
    if (c && !o->quiet && dyad_coder_cache_note(c)[0] && strcmp(dyad_coder_cache_note(c), src.note))
        fprintf(stderr, "dyad: cache: %s\n", dyad_coder_cache_note(c));
    if (!c)
        fprintf(stderr, "dyad: %s\n", err);
    else if (dyad_coder_warnings(c))
        fprintf(stderr, "dyad: %s: dictionary loaded with %zu warning%s\n",
                o->dict ? o->dict : opt.dict_dir, dyad_coder_warnings(c), plural(dyad_coder_warnings(c)));
    return c;
}

