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
    size_t max_bytes;
    char **files;
    int nfiles;
} options;

/* Parses the options of code and explain; o->files must be freed. Returns 0,
 * or -1 after a message on stderr. */
int parse_opts(int argc, char **argv, options *o);

/* The dictionary folder: $DYAD_DICT, else dict/ near the executable. */
const char *default_dict(char *buf, size_t cap);

/* --dict (or the default folder) resolved: a PETRARCH .ini or TABARI .project is
 * converted (dict_source.h) with dyad's own cameo.codes, found beside the default
 * dictionary. Returns 0, or -1 after a message on stderr. The caller calls
 * dyad_dict_source_done once the coders are made. */
int cli_dict_source(const char *dict, int quiet, dyad_dict_source *src);

/* Loads the coder with o->dict; prints a message and returns NULL on failure. */
dyad_coder *load_coder(const options *o);

int cmd_code(int argc, char **argv);
int cmd_convert(int argc, char **argv);   /* dyad dict convert (cmd_convert.c) */
int cmd_eval(int argc, char **argv);      /* dyad eval (cmd_eval.c) */
int cmd_cache(int argc, char **argv);     /* dyad cache info|clear (cmd_cache.c) */

/* --unknown-actors: counts names by text; thread-safe. */
typedef struct unknown_tally unknown_tally;
unknown_tally *unknown_new(void);
void unknown_add(void *ud, const char *phrase, size_t len); /* a dyad_unknown_fn */
void unknown_print(unknown_tally *u, FILE *out, size_t most);
void unknown_free(unknown_tally *u);

#endif
