/* doc_config.h - a JSONL document's "config", read one way for `dyad code`
 * (input.c) and `dyad eval` (cmd_eval.c).
 *
 * A "config" is either PETRARCH's per-record object {"require_dyad": V} (V a
 * boolean or a string; true when it starts with t, T, y, Y or 1), or TABARI's
 * array of .options command lines. Out: option lines for
 * dyad_work_set_options / dyad_doc_options_read ("require_dyad = yes|no" for
 * the object, the array's strings one a line), or NULL when there are none. */
#ifndef DYAD_DOC_CONFIG_H
#define DYAD_DOC_CONFIG_H

#include <jansson.h>

/* The option lines of cfg (malloc'd; the caller frees), or NULL. */
char *doc_config_lines(json_t *cfg);

#endif
