#include "json_fast.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const unsigned char *p, *end;
    char *out;          /* decoded strings */
    size_t olen, ocap;
} scanner;

static void ws(scanner *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
        s->p++;
}

static int hex4(const unsigned char *p, unsigned *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

/* Length of the valid UTF-8 sequence at p, or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    uint32_t v, min;
    if (c < 0xc2 || c > 0xf4)
        return 0;
    if (c < 0xe0)
        n = 2, v = c & 0x1f, min = 0x80;
    else if (c < 0xf0)
        n = 3, v = c & 0x0f, min = 0x800;
    else
        n = 4, v = c & 0x07, min = 0x10000;
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    return n;
}

static void put_utf8(scanner *s, uint32_t v)
{
    char *o = s->out + s->olen;
    if (v < 0x80) {
        o[0] = (char)v;
        s->olen += 1;
    } else if (v < 0x800) {
        o[0] = (char)(0xc0 | (v >> 6));
        o[1] = (char)(0x80 | (v & 0x3f));
        s->olen += 2;
    } else if (v < 0x10000) {
        o[0] = (char)(0xe0 | (v >> 12));
        o[1] = (char)(0x80 | ((v >> 6) & 0x3f));
        o[2] = (char)(0x80 | (v & 0x3f));
        s->olen += 3;
    } else {
        o[0] = (char)(0xf0 | (v >> 18));
        o[1] = (char)(0x80 | ((v >> 12) & 0x3f));
        o[2] = (char)(0x80 | ((v >> 6) & 0x3f));
        o[3] = (char)(0x80 | (v & 0x3f));
        s->olen += 4;
    }
}

/* Bytes a string copies as they are: printable ASCII but the quote and backslash. */
static int plain_byte(unsigned c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

/* A string at s->p ('"'); decoded into out when keep. Returns its offset in out
 * (or 0 when not kept), -1 when invalid or holding a NUL. */
static long string(scanner *s, int keep, size_t *len)
{
    s->p++;
    long at = (long)s->olen;
    while (s->p < s->end) {
        /* a run of plain bytes (most of a news text) is copied in one go */
        const unsigned char *run = s->p;
        run += dyad_ascii_blocks(run, (size_t)(s->end - run), '"', '\\');
        while (run < s->end && plain_byte(*run))
            run++;
        if (run > s->p) {
            if (keep) {
                memcpy(s->out + s->olen, s->p, (size_t)(run - s->p));
                s->olen += (size_t)(run - s->p);
            }
            s->p = run;
            if (s->p == s->end)
                break;
        }
        unsigned c = *s->p;
        if (c == '"') {
            s->p++;
            if (keep) {
                *len = s->olen - (size_t)at;
                s->out[s->olen++] = 0;
                if (memchr(s->out + at, 0, *len))
                    return -1;
            }
            return keep ? at : 0;
        }
        if (c < 0x20)
            return -1;
        if (c == '\\') {
            if (s->end - s->p < 2)
                return -1;
            unsigned e = s->p[1], v;
            s->p += 2;
            switch (e) {
            case '"': case '\\': case '/': v = e; break;
            case 'b': v = '\b'; break;
            case 'f': v = '\f'; break;
            case 'n': v = '\n'; break;
            case 'r': v = '\r'; break;
            case 't': v = '\t'; break;
            case 'u':
                if (s->end - s->p < 4 || !hex4(s->p, &v))
                    return -1;
                s->p += 4;
                if (v >= 0xd800 && v <= 0xdbff) {
                    unsigned lo;
                    if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' || !hex4(s->p + 2, &lo) ||
                        lo < 0xdc00 || lo > 0xdfff)
                        return -1;
                    s->p += 6;
                    v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
                } else if (v >= 0xdc00 && v <= 0xdfff) {
                    return -1;
                }
                if (v == 0)
                    return -1; /* \u0000: let jansson's path decide */
                break;
            default:
                return -1;
            }
            if (keep)
                put_utf8(s, v);
            continue;
        }
        size_t k = 1;
        if (c >= 0x80 && !(k = utf8_len(s->p, s->end)))
            return -1;
        if (keep) {
            memcpy(s->out + s->olen, s->p, k);
            s->olen += k;
        }
        s->p += k;
    }
    return -1;
}

/* A number; *integer says whether it has no fraction or exponent. */
static int number(scanner *s, int *integer, const unsigned char **start)
{
    *start = s->p;
    *integer = 1;
    if (s->p < s->end && *s->p == '-')
        s->p++;
    if (s->p >= s->end)
        return 0;
    if (*s->p == '0') {
        s->p++;
    } else if (*s->p >= '1' && *s->p <= '9') {
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    } else {
        return 0;
    }
    if (s->p < s->end && *s->p == '.') {
        *integer = 0;
        s->p++;
        if (s->p >= s->end || *s->p < '0' || *s->p > '9')
            return 0;
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    }
    if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
        *integer = 0;
        s->p++;
        if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
            s->p++;
        if (s->p >= s->end || *s->p < '0' || *s->p > '9')
            return 0;
        while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
            s->p++;
    }
    return 1;
}

static int literal(scanner *s, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
        return 0;
    s->p += n;
    return 1;
}

/* Any value, not kept. */
static int skip_value(scanner *s, int depth)
{
    if (depth > 32 || s->p >= s->end)
        return 0;
    size_t len;
    switch (*s->p) {
    case '"':
        return string(s, 0, &len) >= 0;
    case '{':
    case '[': {
        int obj = *s->p == '{';
        s->p++;
        ws(s);
        if (s->p < s->end && *s->p == (obj ? '}' : ']')) {
            s->p++;
            return 1;
        }
        for (;;) {
            if (obj) {
                if (s->p >= s->end || *s->p != '"' || string(s, 0, &len) < 0)
                    return 0;
                ws(s);
                if (s->p >= s->end || *s->p != ':')
                    return 0;
                s->p++;
                ws(s);
            }
            if (!skip_value(s, depth + 1))
                return 0;
            ws(s);
            if (s->p < s->end && *s->p == ',') {
                s->p++;
                ws(s);
                continue;
            }
            if (s->p < s->end && *s->p == (obj ? '}' : ']')) {
                s->p++;
                return 1;
            }
            return 0;
        }
    }
    case 't': return literal(s, "true");
    case 'f': return literal(s, "false");
    case 'n': return literal(s, "null");
    default: {
        int integer;
        const unsigned char *st;
        return number(s, &integer, &st);
    }
    }
}

enum { F_ID, F_DATE, F_TEXT, F_TITLE, F_SOURCE, F_URL, F_N };
static const char *const KEYS[F_N] = {"id", "date", "text", "title", "source", "url"};
static const size_t KEYLEN[F_N] = {2, 4, 4, 5, 6, 3};

int json_fast_doc(const char *line, size_t n, char **buf, size_t *cap, json_fast_fields *out)
{
    /* decoded strings never outgrow the line, plus a NUL per value */
    size_t need = n + 64;
    if (*cap < need) {
        char *nb = realloc(*buf, need);
        if (!nb)
            return 0;
        *buf = nb;
        *cap = need;
    }
    scanner s = {(const unsigned char *)line, (const unsigned char *)line + n, *buf, 0, *cap};
    long at[F_N];
    size_t len[F_N];
    int kind[F_N]; /* 0 absent, 1 string, 2 integer, 3 other */
    for (int k = 0; k < F_N; k++)
        kind[k] = 0, at[k] = -1, len[k] = 0;
    ws(&s);
    if (s.p >= s.end || *s.p != '{')
        return 0;
    s.p++;
    ws(&s);
    if (s.p < s.end && *s.p == '}') {
        s.p++;
    } else {
        for (;;) {
            if (s.p >= s.end || *s.p != '"')
                return 0;
            size_t kl;
            long ko = string(&s, 1, &kl);
            if (ko < 0)
                return 0;
            int which = -1;
            for (int k = 0; k < F_N; k++)
                if (KEYLEN[k] == kl && memcmp(s.out + ko, KEYS[k], kl) == 0)
                    which = k;
            s.olen = (size_t)ko; /* the key itself is not kept */
            ws(&s);
            if (s.p >= s.end || *s.p != ':')
                return 0;
            s.p++;
            ws(&s);
            if (s.p >= s.end)
                return 0;
            if (which >= 0 && *s.p == '"') {
                long vo = string(&s, 1, &len[which]);
                if (vo < 0)
                    return 0;
                at[which] = vo;
                kind[which] = 1;
            } else if (which >= 0 && (*s.p == '-' || (*s.p >= '0' && *s.p <= '9'))) {
                int integer;
                const unsigned char *st;
                if (!number(&s, &integer, &st) || !integer || s.p - st > 18)
                    return 0; /* reals and huge numbers: jansson's formatting */
                at[which] = (long)s.olen;
                len[which] = (size_t)(s.p - st);
                memcpy(s.out + s.olen, st, len[which]);
                s.olen += len[which];
                s.out[s.olen++] = 0;
                if (len[which] == 2 && st[0] == '-' && st[1] == '0')
                    return 0;
                kind[which] = 2;
            } else {
                if (!skip_value(&s, 1))
                    return 0;
                if (which >= 0)
                    kind[which] = 3, at[which] = -1;
            }
            ws(&s);
            if (s.p < s.end && *s.p == ',') {
                s.p++;
                ws(&s);
                continue;
            }
            if (s.p < s.end && *s.p == '}') {
                s.p++;
                break;
            }
            return 0;
        }
    }
    ws(&s);
    if (s.p != s.end)
        return 0; /* trailing data */
    if (kind[F_TEXT] != 1)
        return 0; /* no string text: jansson's path words the skip */
    const char *o = s.out;
    out->text = o + at[F_TEXT];
    out->text_len = len[F_TEXT];
    /* id and date: strings (not empty) or integers, as jansson's path takes them */
    out->id = (kind[F_ID] == 1 && len[F_ID]) || kind[F_ID] == 2 ? o + at[F_ID] : NULL;
    out->date = (kind[F_DATE] == 1 && len[F_DATE]) || kind[F_DATE] == 2 ? o + at[F_DATE] : NULL;
    out->title = kind[F_TITLE] == 1 ? o + at[F_TITLE] : NULL;
    out->source = kind[F_SOURCE] == 1 ? o + at[F_SOURCE] : NULL;
    out->url = kind[F_URL] == 1 ? o + at[F_URL] : NULL;
    return 1;
}
