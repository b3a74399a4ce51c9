/* rows_out.c - rows as an aligned table, CSV (RFC 4180), TSV or JSON lines (see rows_out.h). */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "rows_out.h"

static const char *const numeric[] = {
    "event_id", "quad_class", "goldstein", "num_mentions", "num_sources", "num_docs", "sent", "events",
    "mentions", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4", NULL};

static int is_numeric(const char *col)
{
    for (int i = 0; numeric[i]; i++)
        if (!strcmp(col, numeric[i]))
            return 1;
    return 0;
}

void rows_init(rows_out *r, FILE *out, rows_format f, const char *const *cols, int group_from)
{
    memset(r, 0, sizeof *r);
    r->out = out;
    r->format = f;
    r->cols = cols;
    while (cols[r->ncol])
        r->ncol++;
    r->group_from = group_from;
}

static void json_fields(rows_out *r, const char *const *v, int from, int to)
{
    for (int i = from; i < to; i++) {
        if (i > from)
            fputc(',', r->out);
        export_json_string(r->out, r->cols[i]);
        fputc(':', r->out);
        if (!v[i])
            fputs("null", r->out);
        else if (is_numeric(r->cols[i]) && *v[i])
            fputs(v[i], r->out);
        else
            export_json_string(r->out, v[i]);
    }
}

static void delimited(rows_out *r, const char *const *v, int n)
{
    int csv = r->format == ROWS_CSV;
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(csv ? ',' : '\t', r->out);
        const char *s = v[i] ? v[i] : "";
        if (csv && strpbrk(s, ",\"\r\n")) {
            fputc('"', r->out);
            for (; *s; s++) {
                if (*s == '"')
                    fputc('"', r->out);
                fputc(*s, r->out);
            }
            fputc('"', r->out);
        } else if (!csv) {
            for (; *s; s++)   /* TSV: tabs and line breaks become spaces */
                fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, r->out);
        } else {
            fputs(s, r->out);
        }
    }
    fputc('\n', r->out);
}

static void close_group(rows_out *r)
{
    if (r->open_group && r->format == ROWS_JSON)
        fputs("]}\n", r->out);
    r->open_group = 0;
}

static int hold(rows_out *r, const char *const *v)
{
    if (r->nrows == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        char ***rows = realloc(r->rows, cap * sizeof *rows);
        if (!rows)
            return -1;
        r->rows = rows;
        r->cap = cap;
    }
    char **row = calloc((size_t)r->ncol, sizeof *row);
    if (!row)
        return -1;
    for (int i = 0; i < r->ncol; i++)
        row[i] = strdup(v[i] ? v[i] : "");
    r->rows[r->nrows++] = row;
    return 0;
}

int rows_add(void *ud, int ncol, const char *const *v)
{
    rows_out *r = ud;
    if (ncol < r->ncol)
        return 1;
    if (r->format == ROWS_TABLE)
        return hold(r, v) != 0 ? (r->error = 1) : 0;
    if (r->format != ROWS_JSON) {
        if (!r->header_done)
            delimited(r, r->cols, r->ncol);
        r->header_done = 1;
        delimited(r, v, r->ncol);
    } else if (!r->group_from) {
        fputc('{', r->out);
        json_fields(r, v, 0, r->ncol);
        fputs("}\n", r->out);
    } else {
        int same = r->open_group && r->last_key && v[0] && !strcmp(r->last_key, v[0]);
        if (!same) {
            close_group(r);
            fputc('{', r->out);
            json_fields(r, v, 0, r->group_from);
            fputs(",\"mentions\":[", r->out);
            free(r->last_key);
            r->last_key = strdup(v[0] ? v[0] : "");
            r->open_group = 1;
        } else {
            fputc(',', r->out);
        }
        fputc('{', r->out);
        json_fields(r, v, r->group_from, r->ncol);
        fputc('}', r->out);
    }
    if (ferror(r->out))
        r->error = 1;
    return r->error;
}

static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void table_cell(rows_out *r, int i, const char *s, const size_t *w)
{
    size_t pad = w[i] - width(s);
    if (i)
        fputs("  ", r->out);
    if (is_numeric(r->cols[i]))
        fprintf(r->out, "%*s%s", (int)pad, "", s);
    else
        fprintf(r->out, "%s%*s", s, i + 1 < (r->group_from ? r->group_from : r->ncol) ? (int)pad : 0, "");
}

static void write_table(rows_out *r)
{
    int shown = r->group_from ? r->group_from : r->ncol;
    size_t *w = calloc((size_t)shown, sizeof *w);
    if (!w) {
        r->error = 1;
        return;
    }
    for (int i = 0; i < shown; i++)
        w[i] = width(r->cols[i]);
    for (size_t k = 0; k < r->nrows; k++)
        for (int i = 0; i < shown; i++)
            if (width(r->rows[k][i]) > w[i])
                w[i] = width(r->rows[k][i]);
    for (int i = 0; i < shown; i++)
        table_cell(r, i, r->cols[i], w);
    fputc('\n', r->out);
    for (size_t k = 0; k < r->nrows; k++) {
        char **row = r->rows[k];
        int same = k && r->group_from && !strcmp(r->rows[k - 1][0], row[0]);
        if (!same) {
            for (int i = 0; i < shown; i++)
                table_cell(r, i, row[i], w);
            fputc('\n', r->out);
        }
        if (r->group_from) /* doc_id, sent, sentence */
            fprintf(r->out, "    %s#%s: %s\n", row[r->group_from], row[r->group_from + 1], row[r->group_from + 2]);
    }
    free(w);
}

int rows_finish(rows_out *r)
{
    if (r->format == ROWS_TABLE)
        write_table(r);
    else if (r->format != ROWS_JSON && !r->header_done)
        delimited(r, r->cols, r->ncol);
    close_group(r);
    for (size_t k = 0; k < r->nrows; k++) {
        for (int i = 0; i < r->ncol; i++)
            free(r->rows[k][i]);
        free(r->rows[k]);
    }
    free(r->rows);
    free(r->last_key);
    r->rows = NULL;
    r->last_key = NULL;
    if (fflush(r->out) != 0 || ferror(r->out))
        r->error = 1;
    return r->error ? -1 : 0;
}
