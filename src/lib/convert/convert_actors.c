/* convert_actors.c - PETRARCH and TABARI actors, agents and discard files to dyad's
 * *.actors, *.agents and *.discards (convert.h): names with their [CODE date] roles,
 * synonyms, !MACRO! substitutions and plural forms of agents, discard phrases. */
#include "convert.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

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
    int over;           /* past DYAD_CONVERT_MAX_NAMES: reported, the rest ignored */
} cv_entry;

/* A name as dyad writes it: '_' and runs of blanks become one space, characters
 * dyad reserves dropped; actors keep a capital first letter (a leading article
 * excepted), agents are lower case. */
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
    /* "THE_SHIRE" matches "the Shire" too: the article in lower case, so the case
     * rule (a capital first letter) falls on no word */
    if (!agent && k > 4 && memcmp(out, "The ", 4) == 0) {
        out[0] = 't';
        out[4] = (char)toupper((unsigned char)out[4]);
    }
    if (dropped)
        cv_warn(c, "name '%s': dropped characters dyad reserves", raw);
}

static int entry_add_name(cv_ctx *c, cv_entry *e, const char *raw, int agent)
{
    if (e->over)
        return 0;
    if (e->n_names >= DYAD_CONVERT_MAX_NAMES) {   /* and the duplicate check stays cheap */
        cv_line_error(c, "entry %s: more than %d names and synonyms (limit DYAD_CONVERT_MAX_NAMES)",
                      e->names[0], DYAD_CONVERT_MAX_NAMES);
        e->over = 1;
        return 0;
    }
    char nm[512];
    name_text(c, raw, nm, sizeof nm, agent);
    if (!*nm)
        return 0;
    if (cv_has_str(e->names, e->n_names, nm))
        return 0;
    return cv_push_str(&e->names, &e->n_names, &e->cap_names, nm);
}

/* "FRO/BIL/SAM": an actor with several codes, written joined (dict/README.md; the
 * options file's several_codes says how events write it). Returns -1 when a part is
 * under 3 letters or the whole over 15. */
static int joined_codes(const char *raw, char *out, size_t cap)
{
    char s[64];
    size_t k = 0, part = 0;
    for (const char *p = raw; *p && k + 1 < sizeof s; p++) {
        if (*p == '/') {
            if (part < 3)
                return -1;
            s[k++] = '/';
            part = 0;
        } else if (isalnum((unsigned char)*p)) {
            s[k++] = (char)toupper((unsigned char)*p);
            part++;
        }
    }
    s[k] = 0;
    if (part < 3 || k > 15)
        return -1;
    snprintf(out, cap, "%s", s);
    return 0;
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
    if (slash && joined_codes(raw, out, cap) == 0)
        return 0;
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
        if (strlen(code) > 9 || strlen(code) % 3) {
            cv_warn(c, "agent code %s: dyad agents have one to three 3-letter roles; kept %.3s", code, code);
            code[3] = 0;
        }
        if (prefix) /* [NGO~]: "MSF Arnor" is NGOARN (dict/README.md, prefix agents) */
            strcat(code, "~");
        if (e->has_default) {
            cv_warn(c, "second agent code %s dropped", code);
            return;
        }
        e->has_default = 1;
        cv_push_str(&e->roles, &e->n_roles, &e->cap_roles, code);
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
            cv_push_str(&e->roles, &e->n_roles, &e->cap_roles, "---");
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
    cv_push_str(&e->roles, &e->n_roles, &e->cap_roles, role);
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
    cv_free_strs(e->names, e->n_names);
    cv_free_strs(e->roles, e->n_roles);
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

/* Expands the !MACRO!s of s into out: at most DYAD_CONVERT_MAX_MACRO names (past
 * that, an error and -1, at once: the work stays linear in the output). */
static int expand_macros(cv_ctx *c, const char *s, cv_macro *m, size_t nm, char ***out, size_t *n, size_t *cap, int depth)
{
    const char *a = strchr(s, '!');
    const char *b = a ? strchr(a + 1, '!') : NULL;
    if (!a || !b || depth > 4) {
        if (*n >= DYAD_CONVERT_MAX_MACRO) {
            cv_line_error(c, "its !MACRO!s make more than %d names (limit DYAD_CONVERT_MAX_MACRO)",
                          DYAD_CONVERT_MAX_MACRO);
            return -1;
        }
        cv_push_str(out, n, cap, s);
        return 0;
    }
    size_t ml = (size_t)(b - a + 1);
    for (size_t i = 0; i < nm; i++)
        if (strlen(m[i].name) == ml && !strncmp(m[i].name, a, ml)) {
            for (size_t k = 0; k < m[i].n; k++) {
                size_t need = strlen(s) + strlen(m[i].vals[k]) + 1;
                char *t = malloc(need);
                if (!t)
                    return -1;
                snprintf(t, need, "%.*s%s%s", (int)(a - s), s, m[i].vals[k], b + 1);
                int rc = expand_macros(c, t, m, nm, out, n, cap, depth + 1);
                free(t);
                if (rc < 0)
                    return -1;
            }
            return 0;
        }
    cv_warn(c, "undefined substitution %.*s; left as written", (int)ml, a);
    cv_push_str(out, n, cap, s);
    return 0;
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
                    cv_push_str(&m->vals, &m->n, &m->cap, cv_trim(tok));
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
            cv_free_strs(ex, nex);
            if (cut)
                parse_name_roles(c, &e, cut, agents, 0);
        } else {
            parse_name_roles(c, &e, s, agents, 1);
        }
    }
    entry_flush(c, &e, out);
    for (size_t i = 0; i < nmac; i++)
        cv_free_strs(mac[i].vals, mac[i].n);
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

