/* input_xml.c - PETRARCH XML input: <Sentence> elements read while streaming
 * (input.h; the reader's state in input_impl.h). */
#include "input_impl.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- PETRARCH XML */

/* Reads more input into xbuf; returns the number of bytes added (0 at EOF). */
static size_t xml_fill(input_reader *r)
{
    if (r->xeof) return 0;
    if (r->xpos > 0 && r->xpos >= r->xlen / 2) { /* compact */
        memmove(r->xbuf, r->xbuf + r->xpos, r->xlen - r->xpos);
        r->xlen -= r->xpos;
        r->xpos = 0;
    }
    /* the buffer grows to the limit and a little more, no further: xml_find drops
     * what lies beyond the limit */
    if (r->xcap - r->xlen < 65536 && r->xpos > 0) {
        memmove(r->xbuf, r->xbuf + r->xpos, r->xlen - r->xpos);
        r->xlen -= r->xpos;
        r->xpos = 0;
    }
    if (r->xcap - r->xlen < 65536) {
        size_t ncap = r->xcap ? r->xcap * 2 : 262144;
        if (r->line_limit && ncap > r->line_limit + 262144)
            ncap = r->xcap + 262144;
        char *nb = realloc(r->xbuf, ncap + 1);
        if (!nb) {
            r->xeof = 1;
            r->xerr = ENOMEM;
            return 0;
        }
        r->xbuf = nb;
        r->xcap = ncap;
    }
    errno = 0;
    size_t got = fread(r->xbuf + r->xlen, 1, r->xcap - r->xlen, r->f);
    r->xlen += got;
    r->xbuf[r->xlen] = 0;
    if (got == 0) {
        r->xeof = 1;
        if (ferror(r->f)) r->xerr = errno ? errno : EIO;
    }
    return got;
}

static size_t find_bytes(const char *h, size_t hn, const char *needle)
{
    size_t nn = strlen(needle);
    if (hn < nn) return (size_t)-1;
    const char *p = h, *end = h + hn - nn + 1;
    while (p < end && (p = memchr(p, needle[0], (size_t)(end - p)))) {
        if (!memcmp(p, needle, nn)) return (size_t)(p - h);
        p++;
    }
    return (size_t)-1;
}

static void xml_advance(input_reader *r, size_t to)
{
    const char *p = r->xbuf + r->xpos, *end = r->xbuf + to;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
        r->xline++;
        p++;
    }
    r->xpos = to;
}

/* Finds needle at or after xbuf[from], reading more as needed; returns its
 * offset in xbuf (which may have moved) or -1 at EOF. from is relative to xpos. */
static size_t xml_find(input_reader *r, size_t from, const char *needle)
{
    size_t nn = strlen(needle);
    for (;;) {
        size_t start = r->xpos + from;
        if (start < r->xlen) {
            size_t k = find_bytes(r->xbuf + start, r->xlen - start, needle);
            if (k != (size_t)-1) return start + k;
            /* keep the last nn-1 bytes: the needle may straddle the boundary */
            size_t avail = r->xlen - start;
            if (avail >= nn) from += avail - nn + 1;
        }
        /* more than the limit without the needle: what lies before is dropped
         * while streaming (the element, if any, is too large) */
        if (r->line_limit && r->xlen - r->xpos > r->line_limit && r->xlen - r->xpos > nn) {
            size_t keep = r->xlen - nn, d = keep - r->xpos;
            xml_advance(r, keep);
            from = from > d ? from - d : 0;
            r->xover = 1;
        }
        if (!xml_fill(r)) return (size_t)-1;
    }
}


static int name_end(char c) { return in_is_ws((unsigned char)c) || c == '>' || c == '/'; }

/* Decodes one entity at s (pointing at '&', n bytes available) into out;
 * returns bytes consumed, or 0 if it is not a known entity. */
static size_t decode_entity(const char *s, size_t n, char *out, size_t *outn)
{
    static const struct { const char *name; char c; } named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t k = strlen(named[i].name);
        if (n >= k && !memcmp(s, named[i].name, k)) {
            out[0] = named[i].c;
            *outn = 1;
            return k;
        }
    }
    if (n < 4 || s[1] != '#') return 0;
    size_t i = 2;
    int hex = 0;
    if (s[i] == 'x' || s[i] == 'X') {
        hex = 1;
        i++;
    }
    unsigned long cp = 0;
    size_t digits = 0;
    for (; i < n && digits < 8; i++, digits++) {
        char c = s[i];
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else break;
        cp = cp * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (!digits || i >= n || s[i] != ';') return 0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        *outn = 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        *outn = 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        *outn = 3;
    } else {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        *outn = 4;
    }
    return i + 1;
}

/* Decodes XML character data: entities, CDATA sections; other tags dropped.
 * With collapse, runs of whitespace become one space and the ends are trimmed
 * (line breaks in PETRARCH's Text are layout, not content). */
static char *xml_decode(input_reader *r, const char *s, size_t n, int collapse, size_t *outn)
{
    char *o = malloc(n + 1);
    if (!o) return NULL;
    size_t j = 0, i = 0;
    int pending_space = 0;
#define PUT(ch)                                                   \
    do {                                                          \
        if (pending_space && j > 0) o[j++] = ' ';                 \
        pending_space = 0;                                        \
        o[j++] = (ch);                                            \
    } while (0)
    while (i < n) {
        char c = s[i];
        if (collapse && in_is_ws((unsigned char)c)) {
            pending_space = 1;
            i++;
        } else if (c == '&') {
            char tmp[4];
            size_t tn = 0, k = decode_entity(s + i, n - i, tmp, &tn);
            if (k) {
                for (size_t t = 0; t < tn; t++) PUT(tmp[t]);
                i += k;
            } else {
                PUT('&');
                i++;
            }
        } else if (c == '<' && n - i >= 9 && !memcmp(s + i, "<![CDATA[", 9)) {
            size_t k = find_bytes(s + i + 9, n - i - 9, "]]>");
            size_t end = k == (size_t)-1 ? n : i + 9 + k;
            for (size_t t = i + 9; t < end; t++) {
                if (collapse && in_is_ws((unsigned char)s[t])) pending_space = 1;
                else PUT(s[t]);
            }
            i = k == (size_t)-1 ? n : end + 3;
        } else if (c == '<') {
            const char *gt = memchr(s + i, '>', n - i);
            i = gt ? (size_t)(gt - s) + 1 : n;
        } else {
            PUT(c);
            i++;
        }
    }
#undef PUT
    o[j] = 0;
    *outn = j;
    return in_own(r, o);
}

/* Value of attribute name in the start tag tag[0..n), decoded; NULL if absent. */
static char *xml_attr(input_reader *r, const char *tag, size_t n, const char *name)
{
    size_t nl = strlen(name), i = 0;
    while (i < n && !name_end(tag[i])) i++; /* element name */
    while (i < n) {
        while (i < n && (in_is_ws((unsigned char)tag[i]) || tag[i] == '/')) i++;
        size_t a = i;
        while (i < n && tag[i] != '=' && !name_end(tag[i])) i++;
        size_t alen = i - a;
        while (i < n && in_is_ws((unsigned char)tag[i])) i++;
        if (i >= n || tag[i] != '=') {
            if (i < n && tag[i] == '>') break;
            if (alen == 0) i++;
            continue;
        }
        i++;
        while (i < n && in_is_ws((unsigned char)tag[i])) i++;
        size_t v, vlen;
        if (i < n && (tag[i] == '"' || tag[i] == '\'')) {
            char q = tag[i++];
            v = i;
            while (i < n && tag[i] != q) i++;
            vlen = i - v;
            if (i < n) i++;
        } else {
            v = i;
            while (i < n && !in_is_ws((unsigned char)tag[i]) && tag[i] != '>') i++;
            vlen = i - v;
        }
        if (alen == nl && !memcmp(tag + a, name, nl)) {
            size_t dn;
            char *d = xml_decode(r, tag + v, vlen, 0, &dn);
            /* an empty value, or one holding a NUL byte (&#0; or a raw NUL), is as
             * good as none: the caller falls back to FILE:LINE for the id */
            if (d && (dn == 0 || memchr(d, 0, dn))) return NULL;
            return d;
        }
    }
    return NULL;
}

/* End of the start tag beginning at s (quotes respected); returns offset of '>'
 * or -1. */
static size_t tag_end(const char *s, size_t n)
{
    char q = 0;
    for (size_t i = 1; i < n; i++) {
        if (q) {
            if (s[i] == q) q = 0;
        } else if (s[i] == '"' || s[i] == '\'') {
            q = s[i];
        } else if (s[i] == '>') {
            return i;
        }
    }
    return (size_t)-1;
}

int next_xml(input_reader *r, input_doc *doc)
{
    if (r->xline == 1 && r->xpos == 0) {
        while (r->xlen < 2 && xml_fill(r)) {}
        if (in_utf16(r, 1, r->xbuf ? r->xbuf : "", r->xlen))
            return 0;
    }
    for (;;) {
        size_t lt = xml_find(r, 0, "<");
        if (lt == (size_t)-1) {
            if (r->xerr) in_read_error(r, r->xline, r->xerr);
            r->done = 1;
            return 0;
        }
        xml_advance(r, lt);
        /* make sure enough bytes are there to recognize the tag */
        while (r->xlen - r->xpos < 10 && xml_fill(r)) {}
        const char *p = r->xbuf + r->xpos;
        size_t avail = r->xlen - r->xpos;
        if (avail >= 4 && !memcmp(p, "<!--", 4)) {
            size_t e = xml_find(r, 4, "-->");
            if (e == (size_t)-1) {
                r->done = 1;
                return 0;
            }
            xml_advance(r, e + 3);
            continue;
        }
        if (!(avail >= 10 && !memcmp(p, "<Sentence", 9) && name_end(p[9]))) {
            xml_advance(r, r->xpos + 1);
            continue;
        }

        /* A Sentence element: find its end. */
        long line = r->xline;
        size_t gt;
        r->xover = 0;
        for (;;) {
            gt = tag_end(r->xbuf + r->xpos, r->xlen - r->xpos);
            if (gt != (size_t)-1 || r->xover || !xml_fill(r)) break;
            r->xover = r->line_limit && r->xlen - r->xpos > r->line_limit;
        }
        if (r->xover) {
            in_skip(r, line, SKIP_TOO_LARGE, "(<Sentence> tag over %zu bytes)", r->line_limit);
            xml_advance(r, r->xpos + 1);
            continue;
        }
        if (gt == (size_t)-1) {
            in_skip(r, line, SKIP_NO_TEXT, "(unterminated <Sentence> tag)");
            xml_advance(r, r->xlen);
            r->done = 1;
            return 0;
        }
        size_t stag_len = gt + 1, body, body_end, next;
        int self_closing = r->xbuf[r->xpos + gt - 1] == '/';
        if (self_closing) {
            body = body_end = stag_len;
            next = r->xpos + stag_len;
        } else {
            size_t e = xml_find(r, stag_len, "</Sentence");
            if (e == (size_t)-1) {
                in_skip(r, line, SKIP_NO_TEXT, "(unterminated <Sentence> element)");
                xml_advance(r, r->xlen);
                r->done = 1;
                return 0;
            }
            const char *close = memchr(r->xbuf + e, '>', r->xlen - e);
            next = close ? (size_t)(close - r->xbuf) + 1 : r->xlen;
            body = stag_len;
            body_end = e - r->xpos;
        }
        if (r->xover) {
            xml_advance(r, next);
            in_skip(r, line, SKIP_TOO_LARGE, "(<Sentence> element over %zu bytes)", r->line_limit);
            continue;
        }
        in_release(r);
        const char *blk = r->xbuf + r->xpos;
        char *id = xml_attr(r, blk, stag_len, "id");
        char *date = xml_attr(r, blk, stag_len, "date");
        char *src = xml_attr(r, blk, stag_len, "source");

        /* <Text> inside the body */
        const char *b = blk + body;
        size_t bn = body_end - body, tpos = (size_t)-1, off = 0;
        while (off < bn) {
            size_t k = find_bytes(b + off, bn - off, "<Text");
            if (k == (size_t)-1) break;
            if (off + k + 5 < bn && name_end(b[off + k + 5])) {
                tpos = off + k;
                break;
            }
            off += k + 5;
        }
        const char *tstart = NULL;
        size_t tn = 0;
        if (tpos != (size_t)-1) {
            size_t tg = tag_end(b + tpos, bn - tpos);
            if (tg != (size_t)-1 && b[tpos + tg - 1] != '/') {
                tstart = b + tpos + tg + 1;
                size_t rest = bn - (tpos + tg + 1);
                size_t ce = find_bytes(tstart, rest, "</Text");
                tn = ce == (size_t)-1 ? rest : ce;
            } else if (tg != (size_t)-1) {
                tstart = b + tpos + tg; /* <Text/>: empty */
                tn = 0;
            }
        }
        if (!tstart) {
            xml_advance(r, next);
            in_skip(r, line, SKIP_NO_TEXT, "(<Sentence> without <Text>)");
            continue;
        }
        size_t len;
        char *text = xml_decode(r, tstart, tn, 1, &len);
        xml_advance(r, next);
        if (!text) {
            in_read_error(r, line, ENOMEM);
            return 0;
        }
        if (!in_check_text(r, line, text, len)) continue;
        in_doc_clear(doc, r, line);
        doc->id = id ? id : in_fallback_id(r, line);
        doc->date = date ? date : (char *)r->default_date;
        doc->source = src;
        doc->text = text;
        doc->text_len = len;
        if (!doc->id) {
            in_read_error(r, line, ENOMEM);
            return 0;
        }
        r->counts->read++;
        return 1;
    }
}

