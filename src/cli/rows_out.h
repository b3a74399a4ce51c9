/* rows_out.h - rows of named columns as an aligned table, CSV, TSV or JSON lines
 * (dyad query, dyad export csv). */
#ifndef DYAD_ROWS_OUT_H
#define DYAD_ROWS_OUT_H

#include <stdio.h>

typedef enum { ROWS_TABLE = 0, ROWS_CSV, ROWS_TSV, ROWS_JSON } rows_format;

typedef struct {
    FILE *out;
    rows_format format;
    const char *const *cols;  /* NULL-terminated */
    int ncol;
    int header_done;
    int group_from;           /* >0: columns from here on are a mention's; rows with the same
                               * first column are one event listing its mentions (table, JSON) */
    char *last_key;           /* the open group's key */
    int open_group;
    char ***rows;             /* table: every row, to size the columns */
    size_t nrows, cap;
    int error;
} rows_out;

void rows_init(rows_out *r, FILE *out, rows_format f, const char *const *cols, int group_from);
/* A dyad_store_row_fn (ud: rows_out); returns non-zero after a write error. */
int rows_add(void *ud, int ncol, const char *const *values);
/* Writes what is held (the table) and closes any open group; 0, or -1 after a write error. */
int rows_finish(rows_out *r);

#endif
