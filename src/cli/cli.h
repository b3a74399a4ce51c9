/* cli.h - what the dyad commands share: options and coder loading. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "dict_source.h"
#include "dyad.h"

typedef struct {
    const char *date, *dict;
    int input, format, quiet;
    int threads;               /* --threads N; 0: not given (one per online core) */
    int require_dyad;          /* --require-dyad: only events with source and target */
    int unknown_actors;        /* --unknown-actors: list unmatched actor-like names */
    int plover;                /* --ontology plover: each event's PLOVER type and mode too */
    int with_docs;             /* --with-docs: a {"dyad_doc": {...}} line before each document's events */
    /* Where the JSON lines go instead of stdout (dyad ingest): called with whole lines, in
     * input order, from one thread; non-zero stops the run. NULL: stdout. */
    int (*sink)(void *ud, const char *buf, size_t len);
    void *sink_ud;
    size_t max_bytes;
    char **files;
    int nfiles;
} options;

/* Parses the options of code and explain; o->files must be freed. Returns 0,
 * or -1 after a message on stderr. */
int parse_opts(int argc, char **argv, options *o);
/* The same for command cmd ("explain"): an unknown option is compared with cmd's help. */
int parse_cmd_opts(const char *cmd, int argc, char **argv, options *o);

/* The dictionary folder when --dict is not given: $DYAD_DICT, else dict/ beside the
 * executable, else the installed share folder; NULL after a message naming every
 * place it looked when there is none. buf holds the path found. */
const char *default_dict(char *buf, size_t cap);

/* --dict (or the default folder) resolved: a PETRARCH .ini or TABARI .project is
 * converted (dict_source.h) with dyad's own cameo.codes, found beside the default
 * dictionary. Returns 0, or -1 after a message on stderr. The caller calls
 * dyad_dict_source_done once the coders are made. */
int cli_dict_source(const char *dict, int quiet, dyad_dict_source *src);

/* Loads the coder with o->dict; prints a message and returns NULL on failure. */
dyad_coder *load_coder(const options *o);

/* "s" unless n is 1: "%zu document%s", n, plural(n) */
static inline const char *plural(size_t n) { return n == 1 ? "" : "s"; }

int cmd_code(int argc, char **argv);
/* Runs `dyad code` with parsed options (the coder loaded from o); the exit status. */
int code_run(const options *o);
int cmd_ingest(int argc, char **argv);    /* dyad ingest (cmd_ingest.c) */
int cmd_query(int argc, char **argv);     /* dyad query (cmd_query.c) */
int cmd_export(int argc, char **argv);    /* dyad export (cmd_export.c) */
int cmd_convert(int argc, char **argv);   /* dyad dict convert (cmd_convert.c) */
int cmd_eval(int argc, char **argv);      /* dyad eval (cmd_eval.c) */
int cmd_report(int argc, char **argv);    /* dyad report (cmd_report.c) */

/* The level a gold file's events are given at (eval_level.c): 2 when every code has
 * two digits (roots), 4 when its actors are text spans or absent (codes only), 0 when
 * actors are CAMEO codes (full events); why gets a one-line description. */
int gold_level(const char *path, char *why, size_t cap);
int cmd_cache(int argc, char **argv);     /* dyad cache info|clear (cmd_cache.c) */

/* --unknown-actors: counts names by text; thread-safe. */
typedef struct unknown_tally unknown_tally;
unknown_tally *unknown_new(void);
void unknown_add(void *ud, const char *phrase, size_t len); /* a dyad_unknown_fn */
void unknown_print(unknown_tally *u, FILE *out, size_t most);
void unknown_free(unknown_tally *u);

#endif
