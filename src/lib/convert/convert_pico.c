/* convert_pico.c - UniversalPetrarch's internal coding ontology (PICO) as a table of
 * negated codes for dyad's engine (dict/README.md, "Options": negation = recode).
 *
 * The ontology file gives each CAMEO code a number, "CODE:VALUE#comment", VALUE a
 * sum of signed hexadecimal terms ("-0xFFFF+0x0070"); further '#'-separated values
 * are alternatives and are not used. UniversalPetrarch codes a negated verb whose
 * code is at most 200 by subtracting 0xFFFF from the code's value (a code not in
 * the table: its root's "XX0") and reading the result back as a code (the last code
 * of the file with that value; 0x30A0 is 138, "want to attack"); a value with no code
 * is no event. Codes above 200 keep their code when negated.
 *
 * cv_pico_negations writes one "negated CODE = CODE" line (or "= ---") for each
 * code of dyad's table that the rule applies to. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"

typedef struct {
    char code[8];
    long value;
} pico_row;

/* "-0xFFFF+0x2040+0x300" -> its sum; returns 0 when the text is no such sum. */
static int pico_value(const char *s, long *out)
{
    long sum = 0;
    int terms = 0;
    while (*s && !isspace((unsigned char)*s)) {
        int sign = 1;
        if (*s == '+' || *s == '-')
            sign = *s++ == '-' ? -1 : 1;
        char *end;
        long v = strtol(s, &end, 16);
        if (end == s)
            return 0;
        sum += sign * v;
        terms++;
        s = end;
    }
    *out = sum;
    return terms > 0;
}

static const pico_row *pico_find(const pico_row *t, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(t[i].code, code))
            return &t[i];
    return NULL;
}

/* The code a value reads back as, or NULL. */
static const char *pico_code(const pico_row *t, size_t n, long v)
{
    for (size_t i = n; i-- > 0;)
        if (t[i].value == v)
            return t[i].code;
    return v == 0x30A0 ? "138" : NULL;
}

int cv_pico_negations(cv_ctx *c, const char *path, FILE *out)
{
    size_t n;
    char *buf;
    char **lines = cv_read_lines(c, path, &n, &buf);
    if (!lines)
        return -1;
    pico_row *t = calloc(n + 1, sizeof *t);
    size_t nt = 0;
    c->file = path;
    for (size_t i = 0; t && i < n; i++) {
        c->line = (long)i + 1;
        char *s = cv_trim(lines[i]);
        if (!*s || *s == '#')
            continue;
        char *colon = strchr(s, ':'), *hash = strchr(s, '#');
        if (!colon || (hash && hash < colon)) {
            cv_warn(c, "expected CODE:VALUE; line skipped");
            continue;
        }
        *colon = 0;
        if (hash)
            *hash = 0;
        char *code = cv_trim(s);
        long v;
        if (strlen(code) >= sizeof t[nt].code || !strcmp(code, "---"))
            continue;
        if (!pico_value(cv_trim(colon + 1), &v)) {
            cv_warn(c, "value of %s is no sum of hexadecimal numbers; skipped", code);
            continue;
        }
        snprintf(t[nt].code, sizeof t[nt].code, "%s", code);
        t[nt++].value = v;
    }
    free(lines);
    free(buf);
    if (!t) {
        cv_error(c, path, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < c->n_codes; i++) {
        const char *code = c->codes[i];
        size_t l = strlen(code);
        if (l != 3 || strspn(code, "0123456789") != l || atoi(code) > 200)
            continue;
        const pico_row *r = pico_find(t, nt, code);
        if (!r) {
            char root[4] = {code[0], code[1], '0', 0};
            r = pico_find(t, nt, root);
        }
        if (!r)
            continue;
        const char *neg = pico_code(t, nt, r->value - 0xFFFF);
        fprintf(out, "negated %s = %s\n", code, neg ? neg : "---");
    }
    free(t);
    cv_file_done(c);
    return 0;
}
