#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

size_t dyad_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if ((c & 0xe0) == 0xc0) {
        need = 2, v = c & 0x1f, min = 0x80;
    } else if ((c & 0xf0) == 0xe0) {
        need = 3, v = c & 0x0f, min = 0x800;
    } else if ((c & 0xf8) == 0xf0) {
        need = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
        return 0;
    *cp = v;
    return need;
}

static const char *fold(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0x00b4: case 0x0060:
        return "'";
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
        return "-";
    case 0x2014: case 0x2015:
        return "--";
    case 0x2026:
        return "...";
    case 0x00a0: case 0x2002: case 0x2003: case 0x2009: case 0x200a: case 0x202f: case 0x3000:
        return " ";
    case 0x200b: case 0xfeff: case 0x00ad:
        return "";
    default:
        return NULL;
    }
}

enum { KEEP, DROP, SPACE, ASCII, COMBINING };

/* What becomes of a code point fold() leaves alone (utf8proc's character data):
 * format characters (bidi marks and overrides, ZWJ and ZWNJ, word joiner: Unicode
 * category Cf), variation selectors and emoji skin-tone modifiers are dropped, so
 * that "Rus<ZWJ>sia" is Russia; other symbols (emoji, category So) become a
 * space, so that an emoji glued to a name leaves the name alone; full-width Latin
 * letters, digits and punctuation (U+FF01..U+FF5E) become ASCII; combining marks
 * are kept and composed afterwards (NFC). */
static int classify(uint32_t cp)
{
    if (cp >= 0xff01 && cp <= 0xff5e)
        return ASCII;
    if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) ||
        (cp >= 0x1f3fb && cp <= 0x1f3ff))
        return DROP;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_CF:
        return DROP;
    case UTF8PROC_CATEGORY_SO:
        return SPACE;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return COMBINING;
    default:
        return KEEP;
    }
}

/* Canonical composition (NFC) of out, when it holds combining marks: "Co" U+0302
 * "te" becomes "Côte", as dictionaries write it. */
static int compose(dyad_text *out)
{
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out->buf, (utf8proc_ssize_t)out->len,
                                      &res, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? -1 : 0;  /* (out is valid UTF-8) */
    if ((size_t)n <= out->len) {
        memcpy(out->buf, res, (size_t)n);
        out->len = (size_t)n;
        out->buf[n] = 0;
    }
    free(res);
    return 0;
}

/* Bytes copied as they are: printable ASCII, newline and tab. */
static int plain_byte(unsigned char c) { return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t'; }

long dyad_normalize(const char *src, size_t len, dyad_text *out)
{
    const unsigned char *s = (const unsigned char *)src;
    long bad = 0;
    int combining = 0;
    out->len = 0;
    if (DYAD_GROW(out->buf, out->cap, len + len / 2 + 8) < 0)
        return -1;
    size_t i = 0;
    while (i < len) {
        /* a run of bytes that stay as they are (most of a text) is copied in one go */
        size_t run = i + dyad_ascii_blocks(s + i, len - i, 0x7f, 0x7f);
        while (run < len && plain_byte(s[run]))
            run++;
        /* worst case an output step writes 3 bytes per input byte */
        if (DYAD_GROW(out->buf, out->cap, out->len + (run - i) + 8) < 0)
            return -1;
        if (run > i) {
            memcpy(out->buf + out->len, s + i, run - i);
            out->len += run - i;
            i = run;
            if (i == len)
                break;
        }
        char *o = out->buf + out->len;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '\n' || c == '\t' || c >= 0x20)
                *o = (c == 0x7f) ? ' ' : (char)c;
            else
                *o = ' ';
            out->len++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = dyad_utf8_decode(s + i, len - i, &cp);
        if (!k) {
            memcpy(o, "\xef\xbf\xbd", 3);
            out->len += 3;
            bad++;
            i++;
            continue;
        }
        const char *f = fold(cp);
        int what = f || cp < 0xa0 ? KEEP : classify(cp);
        if (f) {
            size_t fl = strlen(f);
            memcpy(o, f, fl);
            out->len += fl;
        } else if ((cp >= 0x80 && cp < 0xa0) || what == SPACE) {
            *o = ' ';
            out->len++;
        } else if (what == ASCII) {
            *o = (char)(cp - 0xfee0);
            out->len++;
        } else if (what != DROP) {
            combining |= what == COMBINING;
            memcpy(o, s + i, k);
            out->len += k;
        }
        i += k;
    }
    out->buf[out->len] = 0;
    if (combining && compose(out) < 0)
        return -1;
    return bad;
}

void dyad_text_free(dyad_text *t)
{
    free(t->buf);
    t->buf = NULL;
    t->len = t->cap = 0;
}
