/* help.h - `dyad help [COMMAND]`, `dyad COMMAND --help|-h`, and the nearest option
 * for a mistyped one.
 *
 * Every command's help is one entry of the table in help.c: its name as typed
 * ("code", "dict check"), a synopsis, a one-line summary, its options (one per
 * line, each starting with the option: "  --dict DIR   ..."), and examples. The
 * options listed there are also the ones an unknown option is compared with, so a
 * new command needs only its entry (and its dispatch in main.c). */
#ifndef DYAD_HELP_H
#define DYAD_HELP_H

#include <stddef.h>
#include <stdio.h>

/* Writes the help of command cmd ("code", "dict convert", ...) to f; cmd NULL or
 * "" writes the list of commands. Returns 0, or -1 (after a message on stderr
 * naming the nearest command) when cmd is not a command. */
int help_print(const char *cmd, FILE *f);

/* 1 when argv[0..argc) holds --help or -h (before a lone "--"), else 0. */
int help_wanted(int argc, char **argv);

/* The option of cmd's help nearest to opt (edit distance at most a third of opt's
 * length, or 2), written to out; returns 1, or 0 when none is that near. */
int help_nearest_option(const char *cmd, const char *opt, char *out, size_t cap);

/* Prints "dyad: CMD: unknown option OPT (did you mean --X?); see dyad help CMD". */
void help_unknown_option(const char *cmd, const char *opt);

#endif
