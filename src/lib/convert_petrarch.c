/* convert_petrarch.c - PETRARCH dictionaries to a dyad dictionary folder, and the
 * conversion machinery shared with convert_tabari.c (see convert.h). */
#include "convert.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util.h"

struct cv_set {
    char *name;                /* without '&' */
    char **raw; size_t n_raw, cap_raw;     /* members as written (converted to words) */
    char **mem; size_t n_mem, cap_mem;     /* members with nested sets expanded */
    int state;                 /* 0 raw, 1 expanding, 2 expanded */
    const char *file;
    long line;
};

/* ---- small helpers ---- */

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static int push_str(char ***arr, size_t *n, size_t *cap, const char *s)
{
    if (DYAD_GROW(*arr, *cap, *n + 1) < 0)
        return -1;
    char *d = xstrdup(s);
    if (!d)
        return -1;
    (*arr)[(*n)++] = d;
    return 0;
}

static int has_str(char **arr, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(arr[i], s))
            return 1;
    return 0;
}

static void free_strs(char **arr, size_t n)
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

void cv_warn(cv_ctx *c, const char *fmt, ...)
{
    c->warnings++;
    c->file_warnings++;
    if (!c->diag)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(c->diag, "%s:%ld: warning: ", c->file ? c->file : "?", c->line);
    vfprintf(c->diag, fmt, ap);
    fputc('\n', c->diag);
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

char **cv_read_lines(cv_ctx *c, const char *path, size_t *n, char **buf)
{
    size_t len;
    *buf = dyad_read_file(path, &len);
    *n = 0;
    if (!*buf) {
        cv_error(c, path, strerror(errno ? errno : EIO));
        return NULL;
    }
    /* NUL bytes end a line's text; CR alone ends a line too (old Mac files) */
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
    for (int i = 2; has_str(c->outnames, c->n_out, name); i++)
        snprintf(name, sizeof name, "%s_%d.%s", base, i, kind);
    if (push_str(&c->outnames, &c->n_out, &c->cap_out, name) < 0) {
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
    return has_str(c->codes, c->n_codes, code);
}

/* Converts an event code as written ("064", "032:033", "075A", "---"); writes the
 * dyad code (2-4 digits or "---") to out. Returns 0, or -1 when it cannot be used. */
static int event_code(cv_ctx *c, const char *raw, char out[8])
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
            if (event_code(c, t, first) < 0 || event_code(c, colon + 1, second) < 0)
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
    if (t[n]) {
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
    if (!known_code(c, out) && !has_str(c->extra, c->n_extra, out))
        push_str(&c->extra, &c->n_extra, &c->cap_extra, out);
    return 0;
}

/* ---- dates: YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD ---- */

static int mdays(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : d[m - 1];
}

static int parse_ymd(const char *s, size_t n, int *y, int *m, int *d)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return -1;
    if (n == 6) {
        *y = (s[0] - '0') * 10 + (s[1] - '0');
        *y += *y <= 30 ? 2000 : 1900;
        s += 2;
    } else if (n == 8) {
        *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        s += 4;
    } else {
        return -1;
    }
    *m = (s[0] - '0') * 10 + (s[1] - '0');
    *d = (s[2] - '0') * 10 + (s[3] - '0');
    if (*m < 1 || *m > 12 || *d < 1 || *d > mdays(*y, *m))
        return -1;
    return 0;
}

static void shift_day(int *y, int *m, int *d, int by)
{
    *d += by;
    if (*d < 1) {
        if (--*m < 1) {
            *m = 12;
            --*y;
        }
        *d = mdays(*y, *m);
    } else if (*d > mdays(*y, *m)) {
        *d = 1;
        if (++*m > 12) {
            *m = 1;
            ++*y;
        }
    }
}

/* "<D" -> "..D-1", ">D" -> "D+1..", "A-B" -> "A..B". Returns 0 and the range in out. */
static int date_range(const char *s, char *out, size_t cap)
{
    char buf[64];
    size_t k = 0;
    for (const char *p = s; *p && k + 1 < sizeof buf; p++)
        if (!isspace((unsigned char)*p))
            buf[k++] = *p;
    buf[k] = 0;
    int y, m, d, y2, m2, d2;
    if (buf[0] == '<' || buf[0] == '>') {
        if (parse_ymd(buf + 1, strlen(buf + 1), &y, &m, &d) < 0)
            return -1;
        shift_day(&y, &m, &d, buf[0] == '<' ? -1 : 1);
        if (buf[0] == '<')
            snprintf(out, cap, "..%04d-%02d-%02d", y, m, d);
        else
            snprintf(out, cap, "%04d-%02d-%02d..", y, m, d);
        return 0;
    }
    char *dash = strchr(buf, '-');
    if (!dash)
        return -1;
    *dash = 0;
    if (parse_ymd(buf, strlen(buf), &y, &m, &d) < 0 ||
        parse_ymd(dash + 1, strlen(dash + 1), &y2, &m2, &d2) < 0)
        return -1;
    if (y * 10000 + m * 100 + d > y2 * 10000 + m2 * 100 + d2)
        return -1;
    snprintf(out, cap, "%04d-%02d-%02d..%04d-%02d-%02d", y, m, d, y2, m2, d2);
    return 0;
}

/* ---- actors and agents ---- */

typedef struct {
    char **names; size_t n_names, cap_names;
    char **roles; size_t n_roles, cap_roles;   /* "CODE" or "CODE RANGE" */
    long line;
    int has_default;
    int active;
} cv_entry;

/* A name as dyad writes it: '_' and runs of blanks become one space, characters
 * dyad reserves dropped; actors keep a capital first letter, agents are lower case. */
static void name_text(cv_ctx *c, const char *raw, char *out, size_t cap, int agent)
{
    size_t k = 0;
    int sp = 0, dropped = 0;
    for (const char *p = raw; *p && k + 2 < cap; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '_' || isspace(ch)) {
            sp = k > 0;
            continue;
        }
        if (ch == '=' || ch == '|' || ch == '#' || ch == '~' || ch == '{' || ch == '}' ||
            ch == '[' || ch == ']') {
            dropped = 1;
            continue;
        }
        if (sp) {
            out[k++] = ' ';
            sp = 0;
        }
        out[k] = (char)(k == 0 && !agent ? toupper(ch) : tolower(ch));
        k++;
    }
    out[k] = 0;
    if (dropped)
        cv_warn(c, "name '%s': dropped characters dyad reserves", raw);
}

static int entry_add_name(cv_ctx *c, cv_entry *e, const char *raw, int agent)
{
    char nm[512];
    name_text(c, raw, nm, sizeof nm, agent);
    if (!*nm)
        return 0;
    if (has_str(e->names, e->n_names, nm))
        return 0;
    return push_str(&e->names, &e->n_names, &e->cap_names, nm);
}

/* An actor code as dyad takes it (3-15 capitals in blocks of 3). Returns 0 with
 * out set, 1 for a null code (---, ###, +++), -1 if unusable. */
static int actor_code(cv_ctx *c, const char *raw, char *out, size_t cap)
{
    char s[64];
    size_t k = 0;
    int slash = 0;
    for (const char *p = raw; *p && k + 1 < sizeof s; p++) {
        if (*p == '/') {
            slash = 1;
            break;
        }
        if (!isspace((unsigned char)*p))
            s[k++] = (char)toupper((unsigned char)*p);
    }
    s[k] = 0;
    if (!k || !strcmp(s, "###") || !strcmp(s, "+++"))
        return 1;
    if (!strcmp(s, "---")) {
        snprintf(out, cap, "---"); /* a null role: dyad reads it as "no actor then" */
        return 0;
    }
    if (slash)
        cv_warn(c, "code [%s]: several codes; kept the first, %s", raw, s);
    size_t j = 0;
    for (size_t i = 0; s[i]; i++)
        if (isalnum((unsigned char)s[i]))
            s[j++] = s[i];
    s[j] = 0;
    if (j < 3) {
        cv_warn(c, "actor code [%s] is too short for dyad; role dropped", raw);
        return -1;
    }
    if (j > 15) {
        cv_warn(c, "actor code %s is longer than 15 letters: written as %.15s", s, s);
        s[15] = 0;
    }
    snprintf(out, cap, "%s", s);
    return 0;
}

/* Parses the inside of one [...] group into the entry. */
static void entry_add_role(cv_ctx *c, cv_entry *e, char *in, int agent)
{
    char *s = cv_trim(in);
    if (agent) {
        int prefix = 0;
        char *t = strchr(s, '~');
        if (!t) {
            cv_warn(c, "agent code [%s] without '~'; taken as a suffix agent", s);
        } else if (t == s) {
            s++;
        } else {
            *t = 0;
            prefix = 1;
        }
        char code[64];
        int r = actor_code(c, s, code, sizeof code);
        if (r)
            return;
        if (prefix)
            cv_warn(c, "prefix agent [%s~]: dyad puts agent codes after the actor's", code);
        if (strlen(code) > 9 || strlen(code) % 3) {
            cv_warn(c, "agent code %s: dyad agents have one to three 3-letter roles; kept %.3s", code, code);
            code[3] = 0;
        }
        if (e->has_default) {
            cv_warn(c, "second agent code %s dropped", code);
            return;
        }
        e->has_default = 1;
        push_str(&e->roles, &e->n_roles, &e->cap_roles, code);
        return;
    }
    /* the code ends at white space or '<'/'>' (codes may hold digits: G77) */
    char *sp = s;
    while (*sp && !isspace((unsigned char)*sp) && *sp != '<' && *sp != '>')
        sp++;
    char codebuf[64];
    snprintf(codebuf, sizeof codebuf, "%.*s", (int)(sp - s), s);
    char *rest = cv_trim(sp);
    char code[64], range[64] = "";
    int dated = *rest != 0;
    if (dated && date_range(rest, range, sizeof range) < 0) {
        cv_warn(c, "bad date restriction '%s'; role dropped", rest);
        return;
    }
    int r = actor_code(c, codebuf, code, sizeof code);
    if (r == 1) {
        /* a null code: with dated roles an undated --- is what dyad does anyway */
        if (dated)
            cv_warn(c, "null code [%s] for %s: dyad has no null role; dropped (the entry's "
                    "other roles apply then)", codebuf, range);
        else
            push_str(&e->roles, &e->n_roles, &e->cap_roles, "---");
        return;
    }
    if (r < 0)
        return;
    char role[160];
    if (dated) {
        snprintf(role, sizeof role, "%s %s", code, range);
    } else {
        if (e->has_default) {
            cv_warn(c, "second undated code %s dropped (dyad has one default role)", code);
            return;
        }
        e->has_default = 1;
        snprintf(role, sizeof role, "%s", code);
    }
    push_str(&e->roles, &e->n_roles, &e->cap_roles, role);
}

static void entry_flush(cv_ctx *c, cv_entry *e, FILE *out)
{
    if (!e->active)
        return;
    long save = c->line;
    c->line = e->line;
    size_t real = 0, null = 0;
    for (size_t i = 0; i < e->n_roles; i++)
        if (!strcmp(e->roles[i], "---"))
            null++;
        else
            real++;
    if (e->n_names && !real) {
        cv_warn(c, "%s: %s; entry not written", e->names[0],
                null ? "null code ([---]/[###]/[+++]): dyad has no null actor" : "no usable code");
    } else if (e->n_names) {
        for (size_t i = 0; i < e->n_names; i++)
            fprintf(out, "%s%s", i ? " | " : "", e->names[i]);
        int one = real == 1 && e->has_default;
        for (size_t i = 0; i < e->n_roles; i++) {
            if (!strcmp(e->roles[i], "---"))
                continue;
            fprintf(out, one ? " = %s" : "\n    = %s", e->roles[i]);
        }
        fputc('\n', out);
    }
    free_strs(e->names, e->n_names);
    free_strs(e->roles, e->n_roles);
    memset(e, 0, sizeof *e);
    c->line = save;
}

/* Splits "NAME [A] [B]" into the name part and calls the role parser per group. */
static void parse_name_roles(cv_ctx *c, cv_entry *e, char *s, int agent, int add_name)
{
    char *br = strchr(s, '[');
    char *brace = strchr(s, '{');
    char *name_end = br;
    if (brace && (!br || brace < br))
        name_end = brace;
    char namebuf[512];
    snprintf(namebuf, sizeof namebuf, "%.*s", (int)(name_end ? (size_t)(name_end - s) : strlen(s)), s);
    char *nm = cv_trim(namebuf);
    if (add_name && *nm)
        entry_add_name(c, e, nm, agent);
    if (brace && (!br || brace < br)) {
        /* agent plurals: {} none, {A B} listed plural forms */
        char *close = strchr(brace, '}');
        if (close) {
            *close = 0;
            char *tok, *save = NULL;
            for (tok = strtok_r(brace + 1, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
                entry_add_name(c, e, tok, agent);
            s = close + 1;
            br = strchr(s, '[');
        }
    }
    while (br) {
        char *close = strchr(br, ']');
        if (!close) {
            cv_warn(c, "'[' without ']'");
            return;
        }
        *close = 0;
        entry_add_role(c, e, br + 1, agent);
        br = strchr(close + 1, '[');
    }
}

/* !MACRO! substitutions of PETRARCH agents files. */
typedef struct {
    char name[64];
    char **vals; size_t n, cap;
} cv_macro;

static void expand_macros(cv_ctx *c, const char *s, cv_macro *m, size_t nm, char ***out, size_t *n, size_t *cap, int depth)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 4) {
        push_str(out, n, cap, s);
        return;
    }
    size_t ml = (size_t)(b - a + 1);
    for (size_t i = 0; i < nm; i++)
        if (strlen(m[i].name) == ml && !strncmp(m[i].name, a, ml)) {
            for (size_t k = 0; k < m[i].n; k++) {
                size_t need = strlen(s) + strlen(m[i].vals[k]) + 1;
                char *t = malloc(need);
                if (!t)
                    return;
                snprintf(t, need, "%.*s%s%s", (int)(a - s), s, m[i].vals[k], b + 1);
                expand_macros(c, t, m, nm, out, n, cap, depth + 1);
                free(t);
            }
            return;
        }
    cv_warn(c, "undefined substitution %.*s; left as written", (int)ml, a);
    push_str(out, n, cap, s);
}

int cv_convert_actors(cv_ctx *c, const char *path, int agents)
{
    size_t n;
    char *buf;
    char **lines = cv_read_lines(c, path, &n, &buf);
    if (!lines)
        return -1;
    FILE *out = cv_open_out(c, path, agents ? "agents" : "actors");
    if (!out) {
        free(lines);
        free(buf);
        return -1;
    }
    c->file = path;
    cv_entry e;
    memset(&e, 0, sizeof e);
    cv_macro *mac = NULL;
    size_t nmac = 0, capmac = 0;
    int in_comment = 0, section = 0;
    for (size_t i = 0; i < n; i++) {
        c->line = (long)i + 1;
        char *raw = lines[i];
        /* <!-- ... --> comments, possibly over several lines */
        if (in_comment) {
            if (strstr(raw, "-->"))
                in_comment = 0;
            continue;
        }
        char *t0 = cv_trim(raw);
        if (!strncmp(t0, "<!", 2)) {
            if (!strstr(t0, "-->"))
                in_comment = 1;
            continue;
        }
        /* TABARI <NOUN>/<ADJECTIVE> sections: word classes dyad does not use */
        if (t0[0] == '<') {
            if (t0[1] == '/')
                section = 0;
            else {
                section = 1;
                cv_warn(c, "section %s: word classes have no dyad equivalent; skipped", t0);
            }
            continue;
        }
        if (section)
            continue;
        int indented = raw != t0;
        char *s = cv_trim(cv_strip_comment(t0, 1));
        if (!*s)
            continue;
        if (agents && s[0] == '!' && strchr(s, '=')) {
            char *eq = strchr(s, '=');
            *eq = 0;
            if (DYAD_GROW(mac, capmac, nmac + 1) < 0)
                break;
            cv_macro *m = &mac[nmac++];
            memset(m, 0, sizeof *m);
            snprintf(m->name, sizeof m->name, "%s", cv_trim(s));
            char *tok, *save = NULL;
            for (tok = strtok_r(eq + 1, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
                if (*cv_trim(tok))
                    push_str(&m->vals, &m->n, &m->cap, cv_trim(tok));
            continue;
        }
        if (s[0] == '[') {
            if (!e.active) {
                cv_warn(c, "code line without an entry above it");
                continue;
            }
            parse_name_roles(c, &e, s, agents, 0);
            continue;
        }
        if (s[0] == '+') {
            if (!e.active) {
                cv_warn(c, "synonym without an entry above it");
                continue;
            }
            parse_name_roles(c, &e, s + 1, agents, 1);
            continue;
        }
        (void)indented;
        entry_flush(c, &e, out);
        e.active = 1;
        e.line = c->line;
        if (agents && nmac && strchr(s, '!')) {
            char **ex = NULL;
            size_t nex = 0, capex = 0;
            char *br = strchr(s, '[');
            char *brace = strchr(s, '{');
            char *cut = (brace && (!br || brace < br)) ? brace : br;
            char namepart[512];
            snprintf(namepart, sizeof namepart, "%.*s", (int)(cut ? (size_t)(cut - s) : strlen(s)), s);
            expand_macros(c, cv_trim(namepart), mac, nmac, &ex, &nex, &capex, 0);
            for (size_t k = 0; k < nex; k++)
                entry_add_name(c, &e, ex[k], 1);
            free_strs(ex, nex);
            if (cut)
                parse_name_roles(c, &e, cut, agents, 0);
        } else {
            parse_name_roles(c, &e, s, agents, 1);
        }
    }
    entry_flush(c, &e, out);
    for (size_t i = 0; i < nmac; i++)
        free_strs(mac[i].vals, mac[i].n);
    free(mac);
    free(lines);
    free(buf);
    cv_file_done(c);
    return cv_close_out(c, out, path);
}

/* ---- discards ---- */

int cv_convert_discards(cv_ctx *c, const char *path)
{
    size_t n;
    char *buf;
    char **lines = cv_read_lines(c, path, &n, &buf);
    if (!lines)
        return -1;
    FILE *out = cv_open_out(c, path, "discards");
    if (!out) {
        free(lines);
        free(buf);
        return -1;
    }
    c->file = path;
    fputs("# phrase per line: discard the sentence; +phrase: discard the whole story\n", out);
    for (size_t i = 0; i < n; i++) {
        c->line = (long)i + 1;
        char *s = cv_trim(cv_strip_comment(lines[i], 1));
        if (!*s || s[0] == '<')
            continue;
        int story = *s == '+';
        if (story)
            s++;
        char nm[512];
        name_text(c, s, nm, sizeof nm, 1);
        if (*nm)
            fprintf(out, "%s%s\n", story ? "+" : "", nm);
    }
    free(lines);
    free(buf);
    cv_file_done(c);
    return cv_close_out(c, out, path);
}

/* ---- verbs ---- */

static cv_set *find_set(cv_ctx *c, const char *name, size_t len)
{
    for (size_t i = 0; i < c->n_sets; i++)
        if (strlen(c->sets[i].name) == len && !strncasecmp(c->sets[i].name, name, len))
            return &c->sets[i];
    return NULL;
}

/* Token kinds of a pattern after lexing. */
enum { TK_WORD, TK_SET, TK_VERB, TK_TARGET, TK_SOURCE, TK_COMPOUND, TK_SKIP, TK_LPAR, TK_RPAR,
       TK_LBRACE, TK_BAR, TK_RBRACE };

typedef struct {
    int kind;
    int joined;             /* written right after a '_' ("MOST_CERTAINLY"): no word between */
    char text[96];
} cv_tok;

/* Lexes PETRARCH/TABARI pattern or member text: '_' and blanks separate words. */
static size_t lex(cv_ctx *c, const char *s, cv_tok *tk, size_t cap)
{
    size_t n = 0;
    const char *p = s;
    int us = 0;
    while (*p && n < cap) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '_' || isspace(ch)) {
            us = ch == '_' && n > 0;
            p++;
            continue;
        }
        cv_tok *t = &tk[n];
        t->text[0] = 0;
        t->joined = us;
        us = 0;
        static const char SP[] = "*+$%^(){|}";
        static const int KK[] = {TK_VERB, TK_TARGET, TK_SOURCE, TK_COMPOUND, TK_SKIP, TK_LPAR,
                                 TK_RPAR, TK_LBRACE, TK_BAR, TK_RBRACE};
        const char *sp = strchr(SP, ch);
        if (sp) {
            t->kind = KK[sp - SP];
            n++;
            p++;
            continue;
        }
        if (ch == '&') {
            const char *q = p + 1;
            while (isalnum((unsigned char)*q) || *q == '_')
                q++;
            /* longest known set name that ends at a '_' boundary or the end */
            size_t best = 0;
            for (const char *e = q; e > p + 1; e--)
                if ((e == q || *e == '_') && find_set(c, p + 1, (size_t)(e - p - 1))) {
                    best = (size_t)(e - p - 1);
                    break;
                }
            if (!best) {
                const char *u = p + 1;
                while (u < q && *u != '_')
                    u++;
                best = (size_t)(u - p - 1);
            }
            t->kind = TK_SET;
            snprintf(t->text, sizeof t->text, "%.*s", (int)best, p + 1);
            p += 1 + best;
            n++;
            continue;
        }
        size_t k = 0;
        while (*p && *p != '_' && !isspace((unsigned char)*p) && !strchr(SP, *p) && *p != '&') {
            unsigned char w = (unsigned char)*p++;
            if (isalnum(w) || w == '\'' || w == '-' || w == '.' || w >= 0x80) {
                if (k + 1 < sizeof t->text)
                    t->text[k++] = (char)tolower(w);
            }
        }
        t->text[k] = 0;
        if (k) {
            t->kind = TK_WORD;
            n++;
        }
    }
    return n;
}

/* Expands { a | b } groups: calls emit for each alternative sequence (at most max). */
typedef void (*seq_fn)(void *ud, const cv_tok *tk, size_t n);

static int expand_groups(const cv_tok *tk, size_t n, seq_fn fn, void *ud, int *budget)
{
    size_t open = n;
    for (size_t i = 0; i < n; i++)
        if (tk[i].kind == TK_LBRACE) {
            open = i;
            break;
        }
    if (open == n) {
        if (*budget <= 0)
            return -1;
        --*budget;
        fn(ud, tk, n);
        return 0;
    }
    size_t close = n;
    int depth = 0;
    for (size_t i = open; i < n; i++) {
        if (tk[i].kind == TK_LBRACE)
            depth++;
        else if (tk[i].kind == TK_RBRACE && --depth == 0) {
            close = i;
            break;
        }
    }
    cv_tok *tmp = malloc(sizeof *tmp * (n + 1));
    if (!tmp)
        return -1;
    int rc = 0;
    size_t a = open + 1;
    depth = 0;
    for (size_t i = open + 1; i <= close && i <= n; i++) {
        int end = i == close || i == n;
        if (!end && tk[i].kind == TK_LBRACE)
            depth++;
        if (!end && tk[i].kind == TK_RBRACE)
            depth--;
        if (end || (tk[i].kind == TK_BAR && depth == 0)) {
            size_t m = 0;
            for (size_t j = 0; j < open; j++)
                tmp[m++] = tk[j];
            for (size_t j = a; j < i; j++)
                tmp[m++] = tk[j];
            for (size_t j = close + 1; j < n; j++)
                tmp[m++] = tk[j];
            if (expand_groups(tmp, m, fn, ud, budget) < 0)
                rc = -1;
            a = i + 1;
        }
    }
    free(tmp);
    return rc;
}

/* Set members: nested sets expanded. */
typedef struct {
    cv_ctx *c;
    char ***out;
    size_t *n, *cap;
    int depth;
} member_ctx;

static void expand_set(cv_ctx *c, cv_set *s, int depth);

static void member_seq(void *ud, const cv_tok *tk, size_t n)
{
    member_ctx *m = ud;
    /* cartesian product over nested sets */
    char **acc = NULL;
    size_t na = 0, capa = 0;
    push_str(&acc, &na, &capa, "");
    for (size_t i = 0; i < n; i++) {
        char **next = NULL;
        size_t nn = 0, capn = 0;
        const char *alts_one[1];
        char **alts = NULL;
        size_t nalt = 0;
        if (tk[i].kind == TK_WORD) {
            alts_one[0] = tk[i].text;
            alts = (char **)alts_one;
            nalt = 1;
        } else if (tk[i].kind == TK_SET) {
            cv_set *s = find_set(m->c, tk[i].text, strlen(tk[i].text));
            if (!s) {
                cv_warn(m->c, "undefined synonym set &%s in a set member; member dropped", tk[i].text);
                free_strs(acc, na);
                return;
            }
            expand_set(m->c, s, m->depth + 1);
            alts = s->mem;
            nalt = s->n_mem;
        } else {
            continue; /* $ and other marks inside members: ignored */
        }
        for (size_t a = 0; a < na && nn < 256; a++)
            for (size_t b = 0; b < nalt && nn < 256; b++) {
                char t[512];
                snprintf(t, sizeof t, "%s%s%s", acc[a], *acc[a] ? " " : "", alts[b]);
                push_str(&next, &nn, &capn, t);
            }
        free_strs(acc, na);
        acc = next;
        na = nn;
        capa = capn;
    }
    for (size_t a = 0; a < na; a++)
        if (*acc[a] && !has_str(*m->out, *m->n, acc[a]))
            push_str(m->out, m->n, m->cap, acc[a]);
    free_strs(acc, na);
}

static void expand_set(cv_ctx *c, cv_set *s, int depth)
{
    if (s->state == 2)
        return;
    if (s->state == 1 || depth > 8) {
        cv_warn(c, "synonym set &%s contains itself; inner reference dropped", s->name);
        return;
    }
    s->state = 1;
    const char *sf = c->file;
    long sl = c->line;
    c->file = s->file;
    c->line = s->line;
    for (size_t i = 0; i < s->n_raw; i++) {
        cv_tok tk[64];
        size_t n = lex(c, s->raw[i], tk, 64);
        member_ctx m = {c, &s->mem, &s->n_mem, &s->cap_mem, depth};
        int budget = 64;
        if (expand_groups(tk, n, member_seq, &m, &budget) < 0)
            cv_warn(c, "member %s of &%s has too many alternatives; some dropped", s->raw[i], s->name);
    }
    c->file = sf;
    c->line = sl;
    s->state = 2;
}

/* ---- verb blocks ---- */

typedef struct {
    char lemma[96];            /* verb word, lower case */
    char particles[160];       /* words after it ("" none) */
    char code[8];              /* own code, "" = the block's */
    long line;
} cv_verb;

typedef struct {
    char text[512];
    char code[8];
    long line;
} cv_pat;

typedef struct {
    char code[8];
    long line;
    int skip;                  /* the block's code is unusable */
    cv_verb *verbs; size_t n_verbs, cap_verbs;
    cv_pat *pats; size_t n_pats, cap_pats;
} cv_block;

typedef struct {
    cv_ctx *c;
    cv_block *b;
    const char *code;
    int warned[16];
} pat_ctx;

static void pattern_seq(void *ud, const cv_tok *tk, size_t n)
{
    pat_ctx *pc = ud;
    cv_ctx *c = pc->c;
    char out[512];
    size_t k = 0;
    int nt = 0, ns = 0, nv = 0, elems = 0;
    size_t last = (size_t)-1; /* the token written last */
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const char *add = NULL;
        char setbuf[100];
        switch (tk[i].kind) {
        case TK_WORD:
            add = tk[i].text;
            break;
        case TK_SET:
            if (!find_set(c, tk[i].text, strlen(tk[i].text))) {
                if (!pc->warned[0]++)
                    cv_warn(c, "undefined synonym set &%s; pattern skipped", tk[i].text);
                return;
            }
            snprintf(setbuf, sizeof setbuf, "&%s", find_set(c, tk[i].text, strlen(tk[i].text))->name);
            add = setbuf;
            break;
        case TK_VERB:
            if (nv++) {
                if (!pc->warned[1]++)
                    cv_warn(c, "second '*' in a pattern dropped");
                continue;
            }
            add = "*";
            break;
        case TK_TARGET:
            if (nt++) {
                if (!pc->warned[2]++)
                    cv_warn(c, "second '+' in a pattern dropped");
                continue;
            }
            add = "+";
            break;
        case TK_SOURCE:
            if (ns++) {
                if (!pc->warned[3]++)
                    cv_warn(c, "second '$' in a pattern dropped");
                continue;
            }
            add = "$";
            break;
        case TK_COMPOUND:
            add = "%"; /* the subject is a compound */
            break;
        case TK_SKIP:
            if (!pc->warned[5]++)
                cv_warn(c, "'^' (skip a noun phrase) dropped: dyad lets words lie between elements");
            continue;
        case TK_LPAR:
        case TK_RPAR:
            if (!pc->warned[6]++)
                cv_warn(c, "'( )' (phrase grouping) dropped; the words inside kept");
            continue;
        default:
            if (!pc->warned[7]++)
                cv_warn(c, "stray '{', '|' or '}' dropped");
            continue;
        }
        size_t al = strlen(add);
        if (k + al + 2 >= sizeof out) {
            cv_warn(c, "pattern too long; cut");
            break;
        }
        /* PETRARCH's '_' (closed connector: no word between) is dyad's joined
         * elements; TABARI's '_' only joins the words of a phrase */
        if (k)
            out[k++] = tk[i].joined && !c->tabari && last + 1 == i ? '_' : ' ';
        memcpy(out + k, add, al + 1);
        k += al;
        elems++;
        last = i;
    }
    if (!elems || (nv == 1 && elems == 1)) {
        /* a bare '*' left (from "% *" and the like) would match every use of the verb */
        if (!pc->warned[8]++ && (elems == 0 || strcmp(pc->code, pc->b->code)))
            cv_warn(c, "pattern has nothing but the verb left after conversion; skipped");
        return;
    }
    cv_block *b = pc->b;
    for (size_t i = 0; i < b->n_pats; i++)
        if (!strcmp(b->pats[i].text, out) && !strcmp(b->pats[i].code, pc->code))
            return;
    if (DYAD_GROW(b->pats, b->cap_pats, b->n_pats + 1) < 0)
        return;
    cv_pat *p = &b->pats[b->n_pats++];
    snprintf(p->text, sizeof p->text, "%s", out);
    snprintf(p->code, sizeof p->code, "%s", pc->code);
    p->line = c->line;
}

/* "- pattern [code] # comment" (the '-' already removed). */
static void block_pattern(cv_ctx *c, cv_block *b, char *s)
{
    char *br = strrchr(s, '[');
    char *close = br ? strchr(br, ']') : NULL;
    if (!br || !close) {
        cv_warn(c, "pattern without [code]; skipped");
        return;
    }
    *close = 0;
    *br = 0;
    char code[8];
    if (event_code(c, br + 1, code) < 0)
        return;
    cv_tok tk[128];
    size_t n = lex(c, s, tk, 128);
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        groups += tk[i].kind == TK_LBRACE;
    if (groups)
        cv_warn(c, "'{ | }' alternatives written as separate patterns");
    pat_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.c = c;
    pc.b = b;
    pc.code = code;
    int budget = 32;
    if (expand_groups(tk, n, pattern_seq, &pc, &budget) < 0)
        cv_warn(c, "more than 32 alternatives; the rest dropped");
}

/* A verb line: "WORD {forms} [code]", "+MULTI_+WORD {...} [code]", TABARI "WORD WORD [code]". */
static void block_verb(cv_ctx *c, cv_block *b, char *s)
{
    char own[8] = "";
    char *br = strchr(s, '[');
    if (br) {
        char *close = strchr(br, ']');
        if (close)
            *close = 0;
        *br = 0;
        if (event_code(c, br + 1, own) < 0)
            return;
    }
    char *brace = strchr(s, '{');
    if (brace)
        *brace = 0; /* listed forms: dyad generates inflections itself */
    /* the verb word: the one after '+' in a multi-word form, else the first */
    char words[16][96];
    int nw = 0, vi = 0, plus = 0;
    const char *p = s;
    while (*p && nw < 16) {
        while (*p == '_' || isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        int this_plus = 0;
        if (*p == '+') {
            this_plus = 1;
            p++;
        }
        size_t k = 0;
        while (*p && *p != '_' && !isspace((unsigned char)*p)) {
            unsigned char ch = (unsigned char)*p++;
            if ((isalnum(ch) || ch == '\'' || ch == '-' || ch == '.' || ch >= 0x80) && k + 1 < 96)
                words[nw][k++] = (char)tolower(ch);
        }
        words[nw][k] = 0;
        if (!k)
            continue;
        if (this_plus) {
            vi = nw;
            plus = 1;
        }
        nw++;
    }
    (void)plus;
    if (!nw) {
        cv_warn(c, "verb line with no word; skipped");
        return;
    }
    if (vi > 0) {
        cv_warn(c, "multi-word verb with words before the verb ('%s ... %s'): dyad's verb lines "
                "cannot say that; verb dropped", words[0], words[vi]);
        return;
    }
    if (DYAD_GROW(b->verbs, b->cap_verbs, b->n_verbs + 1) < 0)
        return;
    cv_verb *v = &b->verbs[b->n_verbs++];
    memset(v, 0, sizeof *v);
    snprintf(v->lemma, sizeof v->lemma, "%s", words[0]);
    size_t k = 0;
    for (int i = 1; i < nw; i++)
        k += (size_t)snprintf(v->particles + k, sizeof v->particles - k, "%s%s", k ? " " : "", words[i]);
    snprintf(v->code, sizeof v->code, "%s", own);
    v->line = c->line;
}

static void write_pats(FILE *f, const cv_block *b)
{
    for (size_t i = 0; i < b->n_pats; i++)
        fprintf(f, "    %s = %s\n", b->pats[i].text, b->pats[i].code);
}

/* "say" coded as a statement (01x) reports what it governs: dyad's ~say (the
 * reported event is coded, the statement only when nothing else is) */
static int reporting(const char *lemma, const char *code)
{
    return !strcmp(lemma, "say") && code[0] == '0' && code[1] == '1';
}

static void block_flush(cv_ctx *c, cv_block *b)
{
    FILE *f = c->verbs_out;
    long save = c->line;
    if (b->n_verbs == 0) {
        if (b->n_pats) {
            c->line = b->line;
            cv_warn(c, "verb block without verbs: %zu patterns dropped", b->n_pats);
        }
    }
    /* verbs that take the block's code share a line; each verb with its own code
     * gets its own line; the patterns go under each */
    int first_line = 1, says = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < b->n_verbs; i++) {
            cv_verb *v = &b->verbs[i];
            int own = v->code[0] != 0;
            if ((pass == 0) == own)
                continue;
            char key[300];
            snprintf(key, sizeof key, "%s%s%s", v->lemma, v->particles[0] ? " " : "", v->particles);
            c->line = v->line;
            if (has_str(c->lemmas, c->n_lemmas, key)) {
                cv_warn(c, "verb '%s' already has a verb line; this one and its patterns dropped", key);
                continue;
            }
            if (b->skip && !own) {
                cv_warn(c, "verb '%s' has no usable code; dropped", key);
                continue;
            }
            push_str(&c->lemmas, &c->n_lemmas, &c->cap_lemmas, key);
            if (pass == 0) {
                fprintf(f, first_line ? "verb %s" : " | %s", key);
                first_line = 0;
                says |= !strcmp(key, "say");
            } else {
                fprintf(f, "verb %s = %s%s\n", key, v->code, reporting(key, v->code) ? " ~say" : "");
                write_pats(f, b);
            }
        }
        if (pass == 0 && !first_line) {
            fprintf(f, " = %s%s\n", b->code, reporting(says ? "say" : "", b->code) ? " ~say" : "");
            write_pats(f, b);
        }
    }
    free(b->verbs);
    free(b->pats);
    memset(b, 0, sizeof *b);
    c->line = save;
}

static void write_sets(cv_ctx *c)
{
    for (size_t i = 0; i < c->n_sets; i++)
        expand_set(c, &c->sets[i], 0);
    for (size_t i = 0; i < c->n_sets; i++) {
        cv_set *s = &c->sets[i];
        fprintf(c->verbs_out, "&%s =", s->name);
        for (size_t k = 0; k < s->n_mem; k++)
            fprintf(c->verbs_out, "%s %s", k ? " |" : "", s->mem[k]);
        fputc('\n', c->verbs_out);
    }
}

static void set_start(cv_ctx *c, const char *raw, cv_set **cur)
{
    char name[96];
    size_t k = 0;
    for (const char *p = raw + 1; *p && !isspace((unsigned char)*p) && k + 1 < sizeof name; p++)
        if (isalnum((unsigned char)*p) || *p == '_')
            name[k++] = (char)toupper((unsigned char)*p);
    name[k] = 0;
    *cur = NULL;
    if (!k) {
        cv_warn(c, "synonym set without a name; skipped");
        return;
    }
    if (find_set(c, name, k)) {
        cv_warn(c, "synonym set &%s defined twice; the second is merged into the first", name);
        *cur = find_set(c, name, k);
        return;
    }
    if (DYAD_GROW(c->sets, c->cap_sets, c->n_sets + 1) < 0)
        return;
    cv_set *s = &c->sets[c->n_sets++];
    memset(s, 0, sizeof *s);
    s->name = xstrdup(name);
    s->file = c->file;
    s->line = c->line;
    *cur = s;
}

int cv_convert_verbs(cv_ctx *c, const char *path)
{
    size_t n;
    char *buf;
    char **lines = cv_read_lines(c, path, &n, &buf);
    if (!lines)
        return -1;
    FILE *out = cv_open_out(c, path, "verbs");
    if (!out) {
        free(lines);
        free(buf);
        return -1;
    }
    c->verbs_out = out;
    c->file = path;
    /* pass 1: synonym sets (PETRARCH: "&NAME" then "+member" lines anywhere;
     * TABARI: inside <SYNSETS>) */
    int in_comment = 0, tab_sets = 0;
    cv_set *cur = NULL;
    for (size_t i = 0; i < n; i++) {
        c->line = (long)i + 1;
        char *t = cv_trim(lines[i]);
        if (in_comment) {
            if (strstr(t, "-->"))
                in_comment = 0;
            continue;
        }
        if (!strncmp(t, "<!", 2)) {
            in_comment = !strstr(t, "-->");
            continue;
        }
        if (!strncasecmp(t, "<SYNSETS>", 9)) {
            tab_sets = 1;
            continue;
        }
        if (!strncasecmp(t, "</SYNSETS>", 10)) {
            tab_sets = 0;
            cur = NULL;
            continue;
        }
        char tmp[1024];
        snprintf(tmp, sizeof tmp, "%s", t);
        char *s = cv_trim(cv_strip_comment(tmp, c->tabari));
        if (!*s)
            continue;
        if (s[0] == '&' && (!c->tabari || tab_sets)) {
            set_start(c, s, &cur);
            continue;
        }
        if (s[0] == '+' && cur) {
            push_str(&cur->raw, &cur->n_raw, &cur->cap_raw, cv_trim(s + 1));
            continue;
        }
        cur = NULL;
    }
    write_sets(c);
    c->file = path;
    /* pass 2: verbs */
    cv_block b;
    memset(&b, 0, sizeof b);
    int have_block = 0, in_sets = 0, skip_section = 0;
    in_comment = 0;
    for (size_t i = 0; i < n; i++) {
        c->line = (long)i + 1;
        char *t = cv_trim(lines[i]);
        if (in_comment) {
            if (strstr(t, "-->"))
                in_comment = 0;
            continue;
        }
        if (!strncmp(t, "<!", 2)) {
            in_comment = !strstr(t, "-->");
            continue;
        }
        cv_strip_comment(t, c->tabari);
        char *s = cv_trim(t);
        if (!*s)
            continue;
        if (s[0] == '<') {
            if (!strncasecmp(s, "<SYNSETS>", 9) || !strncasecmp(s, "</SYNSETS>", 10))
                continue;
            if (s[1] == '/') {
                skip_section = 0;
            } else {
                skip_section = 1;
                cv_warn(c, "section %s has no dyad equivalent; skipped", s);
            }
            continue;
        }
        if (skip_section)
            continue;
        if (s[0] == '&') {
            in_sets = 1;
            continue;
        }
        if (s[0] == '+' && in_sets)
            continue;
        in_sets = 0;
        if (!c->tabari && !strncmp(s, "---", 3) && s[3] != ']') {
            /* --- NAME [code] --- */
            if (have_block)
                block_flush(c, &b);
            have_block = 1;
            b.line = c->line;
            char *br = strchr(s, '[');
            char *close = br ? strchr(br, ']') : NULL;
            if (!br || !close) {
                cv_warn(c, "verb block header without [code]; taken as ---");
                strcpy(b.code, "---");
            } else {
                *close = 0;
                if (event_code(c, br + 1, b.code) < 0)
                    b.skip = 1;
                if (strchr(close + 1, '['))
                    cv_warn(c, "verb block header with several codes; the first one used");
            }
            continue;
        }
        if (s[0] == '-') {
            if (!have_block) {
                cv_warn(c, "pattern without a verb above it; skipped");
                continue;
            }
            block_pattern(c, &b, s + 1);
            continue;
        }
        if (s[0] == '{') {
            continue; /* TABARI irregular forms: dyad generates inflections */
        }
        if (c->tabari) {
            /* each TABARI verb line starts its own block */
            if (have_block)
                block_flush(c, &b);
            have_block = 1;
            b.line = c->line;
            char *br = strchr(s, '[');
            if (!br) {
                cv_warn(c, "verb without [code]; taken as ---");
                strcpy(b.code, "---");
            } else {
                char *close = strchr(br, ']');
                if (close)
                    *close = 0;
                *br = 0;
                if (event_code(c, br + 1, b.code) < 0)
                    b.skip = 1;
            }
            block_verb(c, &b, s);
            continue;
        }
        if (!have_block) {
            cv_warn(c, "verb outside a '--- VERB [code] ---' block; skipped");
            continue;
        }
        block_verb(c, &b, s);
    }
    if (have_block)
        block_flush(c, &b);
    free(lines);
    free(buf);
    cv_file_done(c);
    c->verbs_out = NULL;
    return cv_close_out(c, out, path);
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
            push_str(&c->codes, &c->n_codes, &c->cap_codes, cv_trim(p));
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
    free_strs(c->codes, c->n_codes);
    free_strs(c->extra, c->n_extra);
    free_strs(c->lemmas, c->n_lemmas);
    free_strs(c->outnames, c->n_out);
    for (size_t i = 0; i < c->n_sets; i++) {
        free(c->sets[i].name);
        free_strs(c->sets[i].raw, c->sets[i].n_raw);
        free_strs(c->sets[i].mem, c->sets[i].n_mem);
    }
    free(c->sets);
    return c->failed ? -1 : 0;
}

/* ---- PETRARCH ---- */

/* Finds name next to the ini or in ../dictionaries/; writes the path to out. */
static int resolve(const char *ini, const char *name, char *out, size_t cap)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", ini);
    char *sl = strrchr(dir, '/');
    if (sl)
        *sl = 0;
    else
        strcpy(dir, ".");
    const char *fmt[] = {"%s/%s", "%s/../dictionaries/%s", "%s/dictionaries/%s"};
    struct stat st;
    for (int i = 0; i < 3; i++) {
        snprintf(out, cap, fmt[i], dir, name);
        if (stat(out, &st) == 0)
            return 0;
    }
    snprintf(out, cap, "%s/%s", dir, name);
    return -1;
}

/* PETRARCH's coding conventions, for dyad's engine (dict/README.md, "Options"):
 * a future keeps the verb's own code, negation is left to the patterns, an
 * event needs both a source and a target unless the ini's [Options] says not,
 * and a verb's that-clause is part of its clause (its actors are targets). */
static void write_options(cv_ctx *c, const char *src, int require_dyad, const char *ontology)
{
    FILE *f = cv_open_out(c, src, "options");
    if (!f)
        return;
    fprintf(f, "future = plain\nnegation = %s\nrequire_dyad = %s\nthat_clause = object\n",
            ontology ? "recode" : "code", require_dyad ? "yes" : "no");
    if (ontology) {
        fprintf(f, "# negated verbs, as UniversalPetrarch's ontology %s re-codes them\n", ontology);
        cv_pico_negations(c, ontology, f);
    }
    cv_close_out(c, f, "options");
}

int dyad_convert_petrarch_ex(const char *config_ini_or_NULL, const char *verbs,
                             const char *actors[], int n_actors, const char *agents,
                             const char *discards, const char *outdir, const char *codes_file,
                             FILE *diag, size_t *warnings)
{
    return dyad_convert_petrarch_pico(config_ini_or_NULL, verbs, actors, n_actors, agents, discards,
                                      NULL, outdir, codes_file, diag, warnings);
}

int dyad_convert_petrarch_pico(const char *config_ini_or_NULL, const char *verbs,
                               const char *actors[], int n_actors, const char *agents,
                               const char *discards, const char *ontology, const char *outdir,
                               const char *codes_file, FILE *diag, size_t *warnings)
{
    cv_ctx c;
    if (warnings)
        *warnings = 0;
    if (cv_begin(&c, outdir, codes_file, diag) < 0) {
        cv_finish(&c, warnings);
        return -1;
    }
    enum { MAXF = 64 };
    char ini_verbs[4096] = "", ini_agents[4096] = "", ini_disc[4096] = "", ini_onto[4096] = "";
    static const int PATHLEN = 4096;
    char (*ini_actors)[4096] = NULL;
    int n_ini_actors = 0, require_dyad = 1; /* PETRARCH's default */
    if (config_ini_or_NULL) {
        size_t n;
        char *buf;
        char **lines = cv_read_lines(&c, config_ini_or_NULL, &n, &buf);
        if (!lines) {
            cv_finish(&c, warnings);
            return -1;
        }
        ini_actors = calloc(MAXF, sizeof *ini_actors);
        int in_dict = 0, in_opts = 0;
        c.file = config_ini_or_NULL;
        for (size_t i = 0; i < n && ini_actors; i++) {
            c.line = (long)i + 1;
            char *s = cv_trim(lines[i]);
            if (*s == '#' || *s == ';' || !*s)
                continue;
            if (*s == '[') {
                in_dict = !strncasecmp(s, "[Dictionaries]", 14);
                in_opts = !strncasecmp(s, "[Options]", 9);
                continue;
            }
            char *eq = strchr(s, '=');
            if (!(in_dict || in_opts) || !eq)
                continue;
            *eq = 0;
            char *key = cv_trim(s), *val = cv_trim(eq + 1);
            if (in_opts) {
                if (!strcmp(key, "require_dyad"))
                    require_dyad = strncasecmp(cv_strip_comment(val, 0), "false", 5) != 0;
                continue;
            }
            char path[4096];
            if (!strcmp(key, "verbfile_name") || !strcmp(key, "agentfile_name") ||
                !strcmp(key, "discardfile_name") || !strcmp(key, "internal_coding_ontology_filename")) {
                if (resolve(config_ini_or_NULL, val, path, sizeof path) < 0)
                    cv_warn(&c, "%s: %s not found next to the ini or in dictionaries/", key, val);
                char *dst = key[0] == 'v' ? ini_verbs : key[0] == 'a' ? ini_agents
                          : key[0] == 'd' ? ini_disc : ini_onto;
                snprintf(dst, (size_t)PATHLEN, "%s", path);
            } else if (!strcmp(key, "actorfile_list")) {
                char *tok, *save = NULL;
                for (tok = strtok_r(val, ",", &save); tok && n_ini_actors < MAXF;
                     tok = strtok_r(NULL, ",", &save)) {
                    if (!*cv_trim(tok))
                        continue;
                    if (resolve(config_ini_or_NULL, cv_trim(tok), path, sizeof path) < 0)
                        cv_warn(&c, "actorfile_list: %s not found", cv_trim(tok));
                    snprintf(ini_actors[n_ini_actors++], (size_t)PATHLEN, "%s", path);
                }
            } else if (!strcmp(key, "issuefile_name")) {
                cv_warn(&c, "issue coding (%s) has no dyad equivalent; not converted", val);
            }
        }
        free(lines);
        free(buf);
        cv_file_done(&c);
    }
    if (!verbs && ini_verbs[0])
        verbs = ini_verbs;
    if (!agents && ini_agents[0])
        agents = ini_agents;
    if (!discards && ini_disc[0])
        discards = ini_disc;
    if (!ontology && ini_onto[0])
        ontology = ini_onto;
    if (verbs)
        cv_convert_verbs(&c, verbs);
    if (n_actors > 0) {
        for (int i = 0; i < n_actors; i++)
            if (actors[i])
                cv_convert_actors(&c, actors[i], 0);
    } else {
        for (int i = 0; i < n_ini_actors; i++)
            cv_convert_actors(&c, ini_actors[i], 0);
    }
    if (agents)
        cv_convert_actors(&c, agents, 1);
    if (discards)
        cv_convert_discards(&c, discards);
    write_options(&c, "petrarch", require_dyad, ontology);
    free(ini_actors);
    return cv_finish(&c, warnings);
}

int dyad_convert_petrarch(const char *config_ini_or_NULL, const char *verbs, const char *actors[],
                          int n_actors, const char *agents, const char *discards,
                          const char *outdir, FILE *diag, size_t *warnings)
{
    return dyad_convert_petrarch_ex(config_ini_or_NULL, verbs, actors, n_actors, agents, discards,
                                    outdir, NULL, diag, warnings);
}
