/* convert_common.c - the conversion machinery every converter shares (convert.h):
 * diagnostics, reading input lines, naming and writing the output files, the CAMEO
 * code table (cameo.codes copied, unknown codes collected into extra.codes). */
#include "convert.h"
#include "dict_text.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util.h"

/* ---- small helpers ---- */

char *cv_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

int cv_push_str(char ***arr, size_t *n, size_t *cap, const char *s)
{
    if (DYAD_GROW(*arr, *cap, *n + 1) < 0)
        return -1;
    char *d = cv_strdup(s);
    if (!d)
        return -1;
    (*arr)[(*n)++] = d;
    return 0;
}

int cv_has_str(char **arr, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(arr[i], s))
            return 1;
    return 0;
}

void cv_free_strs(char **arr, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(arr[i]);
    free(arr);
}

char *cv_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    return s;
}

char *cv_strip_comment(char *s, int semicolon)
{
    int depth = 0; /* '#' inside [...] is a code ([###]) */
    for (char *p = s; *p; p++) {
        if (*p == '[')
            depth++;
        else if (*p == ']' && depth)
            depth--;
        else if (!depth && (*p == '#' || (semicolon && *p == ';'))) {
            *p = 0;
            break;
        }
    }
    return s;
}

/* "file:line: SEVERITY: message" on diag. */
static void say(cv_ctx *c, const char *severity, const char *fmt, va_list ap)
{
    if (!c->diag)
        return;
    fprintf(c->diag, "%s:%ld: %s: ", c->file ? c->file : "?", c->line, severity);
    vfprintf(c->diag, fmt, ap);
    fputc('\n', c->diag);
}

void cv_warn(cv_ctx *c, const char *fmt, ...)
{
    c->warnings++;
    c->file_warnings++;
    va_list ap;
    va_start(ap, fmt);
    say(c, "warning", fmt, ap);
    va_end(ap);
}

void cv_line_error(cv_ctx *c, const char *fmt, ...)
{
    c->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    say(c, "error", fmt, ap);
    va_end(ap);
}

void cv_error(cv_ctx *c, const char *what, const char *msg)
{
    c->failed = 1;
    if (c->diag)
        fprintf(c->diag, "%s: error: %s\n", what, msg);
}

void cv_file_done(cv_ctx *c)
{
    if (c->diag && c->file) {
        if (c->file_warnings)
            fprintf(c->diag, "%s: %zu warning%s\n", c->file, c->file_warnings,
                    c->file_warnings == 1 ? "" : "s");
        else
            fprintf(c->diag, "%s: converted\n", c->file);
    }
    c->file_warnings = 0;
    c->file = NULL;
    c->line = 0;
}

/* An issue of an input file's text (dict_text.h) at its line. */
static void text_issue(void *ud, long line, int fatal, const char *msg)
{
    cv_ctx *c = ud;
    long save = c->line;
    c->line = line;
    if (fatal)
        cv_line_error(c, "%s", msg);
    else
        cv_warn(c, "%s", msg);
    c->line = save;
}

char **cv_read_lines(cv_ctx *c, const char *path, size_t *n, char **buf)
{
    size_t len;
    *buf = dyad_read_file(path, &len);
    *n = 0;
    if (!*buf) {
        cv_error(c, path, strerror(errno ? errno : EIO));
        return NULL;
    }
    /* the text first (dict_text.h): UTF-16 or a NUL byte refuse the file, invalid
     * UTF-8 is a warning; CR alone ends a line too (old Mac files) */
    c->file = path;
    if (dyad_dict_text_check(*buf, len, 0, 0, text_issue, c)) {
        free(*buf);
        *buf = NULL;
        return NULL;
    }
    size_t cap = 0;
    char **lines = NULL;
    char *p = *buf, *end = *buf + len;
    while (p < end) {
        char *q = p;
        while (q < end && *q != '\n' && *q != '\r')
            q++;
        if (DYAD_GROW(lines, cap, *n + 1) < 0) {
            free(lines);
            free(*buf);
            *buf = NULL;
            cv_error(c, path, "out of memory");
            return NULL;
        }
        lines[(*n)++] = p;
        if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
            *q++ = 0;
        if (q < end)
            *q++ = 0;
        p = q;
    }
    if (!lines)
        lines = calloc(1, sizeof *lines);
    return lines;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

FILE *cv_open_out(cv_ctx *c, const char *src, const char *kind)
{
    char base[256];
    snprintf(base, sizeof base, "%s", base_name(src));
    static const char *const strip[] = {".txt", ".actors", ".agents", ".verbs", ".discards"};
    for (int k = 0; k < 5; k++)
        if (ends_with(base, strip[k]) && strlen(base) > strlen(strip[k]))
            base[strlen(base) - strlen(strip[k])] = 0;
    for (char *p = base; *p; p++)
        if (*p == ' ' || *p == '/')
            *p = '_';
    char name[320];
    snprintf(name, sizeof name, "%s.%s", base, kind);
    for (int i = 2; cv_has_str(c->outnames, c->n_out, name); i++)
        snprintf(name, sizeof name, "%s_%d.%s", base, i, kind);
    if (cv_push_str(&c->outnames, &c->n_out, &c->cap_out, name) < 0) {
        cv_error(c, name, "out of memory");
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", c->outdir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        cv_error(c, path, strerror(errno));
    else
        fprintf(f, "# converted by dyad dict convert from %s\n", src);
    return f;
}

int cv_close_out(cv_ctx *c, FILE *f, const char *what)
{
    if (!f)
        return -1;
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        cv_error(c, what, "write error");
        return -1;
    }
    return 0;
}

/* ---- codes ---- */

static int known_code(const cv_ctx *c, const char *code)
{
    return cv_has_str(c->codes, c->n_codes, code);
}

/* Converts an event code as written ("064", "032:033", "075A", "---"); writes the
 * dyad code (2-4 digits or "---") to out. Returns 0, or -1 when it cannot be used. */
int cv_event_code(cv_ctx *c, const char *raw, char out[8])
{
    char s[64];
    snprintf(s, sizeof s, "%s", raw);
    char *t = cv_trim(s);
    if (!strcmp(t, "---") || !*t) {
        strcpy(out, "---");
        return 0;
    }
    if (!strcmp(t, "###") || !strcmp(t, "+++")) {
        cv_warn(c, "code [%s] has no dyad equivalent; written as --- (no event)", t);
        strcpy(out, "---");
        return 0;
    }
    char *colon = strchr(t, ':');
    if (colon) {
        if (colon == t) {
            /* "[:173]": no code of its own, the second one */
            cv_warn(c, "code [%s]: taken as %s", t, colon + 1);
            t = cv_trim(colon + 1);
        } else {
            /* "[032:033]": a linked pair, written as dyad writes it */
            char first[16], second[16];
            *colon = 0;
            if (cv_event_code(c, t, first) < 0 || cv_event_code(c, colon + 1, second) < 0)
                return -1;
            if (!strcmp(second, "---")) {
                memcpy(out, first, 8);
                return 0;
            }
            char pair[40];
            snprintf(pair, sizeof pair, "%.15s:%.15s", first, second);
            if (strlen(pair) >= 8) {
                cv_warn(c, "transformation code [%s:%s]: kept only its first code", first, second);
                memcpy(out, first, 8);
                return 0;
            }
            memcpy(out, pair, strlen(pair) + 1);
            return 0;
        }
    }
    size_t n = 0;
    while (isdigit((unsigned char)t[n]))
        n++;
    if (n == 3 && isupper((unsigned char)t[3]) && !t[4]) {
        n = 4; /* "174K": a variant of 174 (PETRARCH's test dictionaries), kept */
    } else if (t[n]) {
        if (n >= 2 && n <= 4) {
            cv_warn(c, "code [%s]: dropped the trailing '%s'", t, t + n);
            t[n] = 0;
        } else {
            cv_warn(c, "code [%s] is not a CAMEO code; line skipped", t);
            return -1;
        }
    }
    if (n < 2 || n > 4) {
        cv_warn(c, "code [%s] is not 2 to 4 digits; line skipped", t);
        return -1;
    }
    memcpy(out, t, n + 1);
    if (!known_code(c, out) && !cv_has_str(c->extra, c->n_extra, out))
        cv_push_str(&c->extra, &c->n_extra, &c->cap_extra, out);
    return 0;
}

/* ---- the run: codes, output folder ---- */

static int copy_codes(cv_ctx *c, const char *codes_file)
{
    size_t len;
    char *buf = dyad_read_file(codes_file, &len);
    if (!buf) {
        cv_error(c, codes_file, "cannot read dyad's cameo.codes");
        return -1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo.codes", c->outdir);
    FILE *f = fopen(path, "w");
    if (!f) {
        free(buf);
        cv_error(c, path, strerror(errno));
        return -1;
    }
    fwrite(buf, 1, len, f);
    for (char *p = buf; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        char *tab = strchr(p, '\t');
        if (*p != '#' && tab) {
            *tab = 0;
            cv_push_str(&c->codes, &c->n_codes, &c->cap_codes, cv_trim(p));
        }
        p = nl ? nl + 1 : NULL;
    }
    free(buf);
    return cv_close_out(c, f, path);
}

int cv_begin(cv_ctx *c, const char *outdir, const char *codes_file, FILE *diag)
{
    memset(c, 0, sizeof *c);
    c->diag = diag;
    c->outdir = outdir;
    if (mkdir(outdir, 0777) < 0 && errno != EEXIST) {
        cv_error(c, outdir, strerror(errno));
        return -1;
    }
    char found[4096];
    if (!codes_file) {
        const char *env = getenv("DYAD_DICT");
        const char *cand[3] = {NULL, "dict/cameo.codes", "../dict/cameo.codes"};
        if (env && *env) {
            snprintf(found, sizeof found, "%s/cameo.codes", env);
            cand[0] = found;
        }
        for (int i = 0; i < 3 && !codes_file; i++) {
            struct stat st;
            if (cand[i] && stat(cand[i], &st) == 0)
                codes_file = cand[i];
        }
        if (!codes_file) {
            cv_error(c, "cameo.codes", "dyad's code table not found (set DYAD_DICT)");
            return -1;
        }
    }
    return copy_codes(c, codes_file);
}

static const char *quad_name(int q)
{
    static const char *const n[] = {"", "verbal cooperation", "material cooperation",
                                    "verbal conflict", "material conflict"};
    return q >= 1 && q <= 4 ? n[q] : "";
}

int cv_finish(cv_ctx *c, size_t *warnings)
{
    if (c->n_extra && !c->failed) {
        char path[4096];
        snprintf(path, sizeof path, "%s/extra.codes", c->outdir);
        FILE *f = fopen(path, "w");
        if (!f) {
            cv_error(c, path, strerror(errno));
        } else {
            fputs("# codes the converted dictionaries use that are not CAMEO codes; weight 0.0,\n"
                  "# quad class by the root (01-05 verbal coop., 06-08 material coop.,\n"
                  "# 09-13 verbal conflict, 14 and above material conflict)\n", f);
            for (size_t i = 0; i < c->n_extra; i++) {
                int root = (c->extra[i][0] - '0') * 10 + (c->extra[i][1] - '0');
                int q = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
                fprintf(f, "%s\t0.0\t%d\tconverted code (%s)\n", c->extra[i], q, quad_name(q));
            }
            cv_close_out(c, f, path);
        }
    }
    if (warnings)
        *warnings = c->warnings;
    cv_free_strs(c->codes, c->n_codes);
    cv_free_strs(c->extra, c->n_extra);
    cv_free_strs(c->lemmas, c->n_lemmas);
    cv_free_strs(c->outnames, c->n_out);
    cv_free_sets(c);
    return c->failed ? -1 : 0;
}

int dyad_convert(const dyad_convert_opts *o, const char *outdir, FILE *diag, size_t *warnings)
{
    if (o->from == DYAD_FROM_TABARI)
        return cv_tabari(o, outdir, diag, warnings);
    return cv_petrarch(o, outdir, diag, warnings);
}
