/* report_int.h - what the report's modules share: the filter as SQL, and the data the
 * queries collect (a JSON object the page's script draws from). */
#ifndef DYAD_REPORT_INT_H
#define DYAD_REPORT_INT_H

#include <jansson.h>

#include "report.h"

#define RP_MAX_PARAMS 48

/* The WHERE clause of every events query (" WHERE 1=1 AND ...") and its parameters. */
typedef struct {
    char where[1024];
    const char *params[RP_MAX_PARAMS];
    int n;
    char patterns[4][40];    /* "CODE%" LIKE patterns the params point into */
} rp_filter;

void rp_filter_build(rp_filter *f, const dyad_report_opts *o);

/* Runs every query of the report; returns the data object (owned by the caller) or NULL
 * with a message in err. */
json_t *rp_collect(dyad_store *st, const dyad_report_opts *o, char *err, size_t errlen);

/* The CAMEO code table of codes_file ("code<TAB>goldstein<TAB>quad<TAB>name" lines) as an
 * object code -> name; an empty object when the file cannot be read. */
json_t *rp_code_names(const char *codes_file);

/* Writes the page for data (from rp_collect). Returns 0, or -1 on a write error. */
int rp_render(FILE *out, const dyad_report_opts *o, json_t *data);

/* The page's style sheet, script and error guard (src/report/assets/, made into C strings
 * at build time: $(BUILD)/report/assets.c). */
extern const char rp_asset_report_css[];
extern const char rp_asset_report_js[];
extern const char rp_asset_guard_js[];

#endif
