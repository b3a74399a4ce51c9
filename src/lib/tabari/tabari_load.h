/* tabari_load.h - shared by the files that load a TABARI-mode folder
 * (tabari_dict.c: files, actors, codes, the index; tabari_verbs.c: verbs and
 * patterns; tabari_options.c: .options commands). Not part of tabari.h. */
#ifndef DYAD_TABARI_LOAD_H
#define DYAD_TABARI_LOAD_H

#include <stdio.h>

#include "tabari.h"

#define MAX_EXPAND 256      /* alternatives a `{ | }` pattern may expand into */

/* One load: the tables being filled and where warnings and errors go. */
typedef struct {
    dyad_tabari *t;
    FILE *diag;
    const char *file;
    long line;
    char *err;
    size_t errlen;
    long order;
} ld_ctx;

void tbd_warn(ld_ctx *x, const char *msg);           /* "warning: file:line: msg" to diag */
char *tbd_trim(char *s);                             /* spaces off both ends */
void tbd_upcase(char *s);
void tbd_free_seq(tb_seq *q);
void tbd_parse_code(const char *s, tb_code *c);      /* "064", "032:033", "023?", "---" ... */
int tbd_add_actor(ld_ctx *x, const char *name, const tb_role *roles, size_t nroles, int agent,
                  int noun, int adj);
size_t tbd_split_codes(char *line, char **name, tb_role *roles, size_t cap, ld_ctx *x);
/* Line i of a file: LN_TEXT (its text in *ts), LN_SKIP (blank or comment), LN_END (~~FINISH). */
enum { LN_TEXT, LN_SKIP, LN_END };
int tbd_body_line(ld_ctx *x, char **lines, size_t i, char **ts);
int tbd_load_verbs(ld_ctx *x, char **lines, size_t nl); /* a .verbs file's lines */

#endif
