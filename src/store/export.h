/* export.h - the store's events in the field's file layouts (../shared/reference/
 * output_formats.md): GDELT 1.0 (58 tab-separated columns, no header) and 2.0 (61), ICEWS
 * (20 named columns with a header), Phoenix (26 columns, no header), PLOVER (JSON lines with
 * event type and mode, plover.h), CSV (the events table with the first mention's evidence)
 * and dyad JSON lines (every mention as `dyad code --with-docs` writes it: ingesting it again
 * rebuilds the events). Fields dyad does not have (names, tone, geography, issues) are left
 * empty as those formats leave them; Geo_Type is 0 ("none").
 *
 * In: a store, the filters of query.h (events that match; their mentions for jsonl).
 * Out: lines on a FILE. */
#ifndef DYAD_EXPORT_H
#define DYAD_EXPORT_H

#include <stdio.h>

#include "query.h"

typedef enum {
    EXPORT_GDELT1, EXPORT_GDELT2, EXPORT_ICEWS, EXPORT_PHOENIX, EXPORT_PLOVER, EXPORT_CSV, EXPORT_JSONL
} export_format;

/* "gdelt1" ... "jsonl"; -1 if unknown. */
int export_format_parse(const char *s);

typedef struct {
    /* the CAMEO label of a code (ICEWS "Event Text"), or NULL; may be NULL */
    const char *(*code_name)(void *ud, const char *code);
    void *ud;
} export_names;

typedef struct {
    size_t rows;        /* lines written (not counting a header) */
    size_t unmapped;    /* plover: events whose CAMEO code has no PLOVER type, left out */
} export_stats;

/* s as a JSON string (quoted, escaped) on f; NULL as "". */
void export_json_string(FILE *f, const char *s);

int dyad_export(dyad_store *st, const dyad_query *q, export_format f, FILE *out, const export_names *names,
                export_stats *stats, char *err, size_t errlen);

#endif
