/* input.c - documents from files: plain text, JSON lines, PETRARCH XML.
 *
 * Readers hand out one document at a time; everything a document points to is
 * owned by the reader and lives until the next input_next() call. Every skipped
 * document is reported on stderr as "dyad: warning: FILE:LINE: REASON, skipped"
 * and counted, so counts->read == handed + sum(counts->skipped). */
#include "input.h"
#include "doc_config.h"
#include "json_fast.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define MAX_OWNED 16

struct input_reader {
    const char *path;
    FILE *f;
    int is_stdin;
    input_kind kind;
    const char *default_date;
    size_t max_bytes;          /* 0: no limit */
    input_counts *counts;
    int done;
    long line;                 /* JSONL: lines read so far */

    /* JSONL */
    char *lbuf;
    size_t lcap;
    json_t *root;              /* current document's JSON, kept for its strings */
    char *fbuf;                /* the fast path's decoded strings (json_fast.h) */
    size_t fcap;

    /* XML: unconsumed input in xbuf[xpos..xlen) */
    char *xbuf;
    size_t xlen, xpos, xcap;
    int xeof;
    int xerr;                  /* errno of a read/allocation error, or 0 */
    long xline;                /* line number at xbuf[xpos] */

    char *owned[MAX_OWNED];    /* allocations backing the current document */
    int nowned;
    char numbuf[2][40];        /* number ids / dates */
};

/* ---------------------------------------------------------------- helpers */

int input_kind_parse(const char *s)
{
    if (!s) return -1;
    if (!strcmp(s, "auto")) return INPUT_AUTO;
    if (!strcmp(s, "text")) return INPUT_TEXT;
    if (!strcmp(s, "jsonl")) return INPUT_JSONL;
    if (!strcmp(s, "petrarch-xml")) return INPUT_PETRARCH_XML;
    return -1;
}

const char *input_skip_name(int reason)
{
    static const char *const names[SKIP_KINDS] = {
        [SKIP_EMPTY] = "empty",
        [SKIP_BAD_JSON] = "malformed JSON",
        [SKIP_NO_TEXT] = "no text",
        [SKIP_TOO_LARGE] = "too large",
        [SKIP_BINARY] = "binary",
        [SKIP_UNREADABLE] = "unreadable",
    };
    if (reason < 0 || reason >= SKIP_KINDS) return "unknown";
    return names[reason];
}

static void skip(input_reader *r, long line, int reason, const char *fmt, ...)
{
    char detail[512];
    detail[0] = 0;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(detail, sizeof detail, fmt, ap);
        va_end(ap);
    }
    fprintf(stderr, "dyad: warning: %s:%ld: %s%s%s, skipped\n", r->path, line,
            input_skip_name(reason), detail[0] ? " " : "", detail);
    r->counts->read++;
    r->counts->skipped[reason]++;
}

/* A read error ends the input and counts as one unreadable document. */
static void read_error(input_reader *r, long line, int err)
{
    fprintf(stderr, "dyad: %s: read error: %s\n", r->path, strerror(err ? err : EIO));
    r->counts->read++;
    r->counts->skipped[SKIP_UNREADABLE]++;
    r->done = 1;
    (void)line;
}

static void release(input_reader *r)
{
    for (int i = 0; i < r->nowned; i++) free(r->owned[i]);
    r->nowned = 0;
    if (r->root) {
        json_decref(r->root);
        r->root = NULL;
    }
}

static char *own(input_reader *r, char *p);

static char *own(input_reader *r, char *p)
{
    if (p && r->nowned < MAX_OWNED) r->owned[r->nowned++] = p;
    return p;
}

static char *own_dup(input_reader *r, const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return own(r, p);
}

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_ws((unsigned char)s[i])) return 0;
    return 1;
}

/* "FILE:LINE" id for documents that have none. */
static char *fallback_id(input_reader *r, long line)
{
    size_t n = strlen(r->path) + 24;
    char *p = malloc(n);
    if (!p) return NULL;
    snprintf(p, n, "%s:%ld", r->path, line);
    return own(r, p);
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static void doc_clear(input_doc *doc, input_reader *r, long line)
{
    memset(doc, 0, sizeof *doc);
    doc->file = r->path;
    doc->line = line;
}

/* Checks size and NUL bytes common to all kinds; returns 1 if the document may
 * be handed out, 0 if it was skipped. */
static int check_text(input_reader *r, long line, const char *text, size_t len)
{
    if (r->max_bytes && len > r->max_bytes) {
        skip(r, line, SKIP_TOO_LARGE, "(%zu bytes, limit %zu)", len, r->max_bytes);
        return 0;
    }
    const char *nul = memchr(text, 0, len);
    if (nul) {
        skip(r, line, SKIP_BINARY, "(NUL byte at offset %zu)", (size_t)(nul - text));
        return 0;
    }
    if (is_blank(text, len)) {
        skip(r, line, SKIP_EMPTY, NULL);
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- UTF-8 */

/* Length of the valid UTF-8 sequence at s (n bytes available), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;   /* overlong */
        if (c == 0xED && s[1] >= 0xA0) return 0;  /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;   /* overlong */
        if (c == 0xF4 && s[1] >= 0x90) return 0;  /* > U+10FFFF */
        return 4;
    }
    return 0;
}

static int utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) { i++; continue; }
        size_t k = utf8_seq(p + i, n - i);
        if (!k) return 0;
        i += k;
    }
    return 1;
}

/* jansson rejects invalid UTF-8, but invalid bytes are the library's business
 * (it replaces and counts them). So each invalid byte b (always >= 0x80) is
 * smuggled through the parser as the private-use code point U+10FF00+b, i.e.
 * F4 8F (BE|BF) xx, and restored afterwards. If the line already holds such code
 * points (it never does in practice), invalid bytes become U+FFFD instead. */
static char *utf8_smuggle(const char *s, size_t n, size_t *outn, int *reversible)
{
    const unsigned char *p = (const unsigned char *)s;
    *reversible = 1;
    for (size_t i = 0; i + 2 < n; i++)
        if (p[i] == 0xF4 && p[i + 1] == 0x8F && (p[i + 2] == 0xBE || p[i + 2] == 0xBF)) *reversible = 0;
    if (n > (SIZE_MAX - 1) / 4) return NULL;
    unsigned char *o = malloc(4 * n + 1), *q = o;
    if (!o) return NULL;
    size_t i = 0;
    while (i < n) {
        size_t k = p[i] < 0x80 ? 1 : utf8_seq(p + i, n - i);
        if (k) {
            memcpy(q, p + i, k);
            q += k;
            i += k;
            continue;
        }
        if (*reversible) {
            *q++ = 0xF4;
            *q++ = 0x8F;
            *q++ = (unsigned char)(0xBC | (p[i] >> 6));
            *q++ = (unsigned char)(0x80 | (p[i] & 0x3F));
        } else {
            *q++ = 0xEF;
            *q++ = 0xBF;
            *q++ = 0xBD;
        }
        i++;
    }
    *q = 0;
    *outn = (size_t)(q - o);
    return (char *)o;
}

/* Restores smuggled bytes into a fresh owned copy of s; *n is updated. */
static char *utf8_unsmuggle(input_reader *r, const char *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    char *o = malloc(*n + 1);
    if (!o) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < *n;) {
        if (i + 3 < *n && p[i] == 0xF4 && p[i + 1] == 0x8F && (p[i + 2] == 0xBE || p[i + 2] == 0xBF)) {
            o[j++] = (char)(((p[i + 2] & 0x03) << 6) | (p[i + 3] & 0x3F));
            i += 4;
        } else {
            o[j++] = (char)p[i++];
        }
    }
    o[j] = 0;
    *n = j;
    return own(r, o);
}

/* ---------------------------------------------------------------- open/close */

input_reader *input_open(const char *path, input_kind kind, const char *default_date,
                         size_t max_bytes, input_counts *counts)
{
    static input_counts dummy;
    input_reader *r = calloc(1, sizeof *r);
    if (!r) {
        fprintf(stderr, "dyad: %s: %s\n", path, strerror(ENOMEM));
        return NULL;
    }
    r->path = path;
    r->default_date = (default_date && *default_date) ? default_date : NULL;
    r->max_bytes = max_bytes;
    r->counts = counts ? counts : &dummy;
    r->xline = 1;
    if (!strcmp(path, "-")) {
        r->f = stdin;
        r->is_stdin = 1;
    } else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            fprintf(stderr, "dyad: %s: %s\n", path, strerror(errno));
            free(r);
            return NULL;
        }
        struct stat st;
        if (fstat(fileno(r->f), &st) == 0 && S_ISDIR(st.st_mode)) {
            fprintf(stderr, "dyad: %s: %s\n", path, strerror(EISDIR));
            fclose(r->f);
            free(r);
            return NULL;
        }
    }
    if (kind == INPUT_AUTO) {
        const char *b = base_name(path), *dot = strrchr(b, '.');
        if (r->is_stdin) kind = INPUT_JSONL;
        else if (dot && (!strcasecmp(dot, ".jsonl") || !strcasecmp(dot, ".json") || !strcasecmp(dot, ".ndjson")))
            kind = INPUT_JSONL;
        else if (dot && !strcasecmp(dot, ".xml")) kind = INPUT_PETRARCH_XML;
        else kind = INPUT_TEXT;
    }
    r->kind = kind;
    return r;
}

void input_close(input_reader *r)
{
    if (!r) return;
    release(r);
    if (r->f && !r->is_stdin) fclose(r->f);
    free(r->lbuf);
    free(r->fbuf);
    free(r->xbuf);
    free(r);
}

long long input_tell(input_reader *r)
{
    if (!r || !r->f) return -1;
    off_t pos = ftello(r->f);
    return pos < 0 ? -1 : (long long)pos;
}

/* ---------------------------------------------------------------- plain text */

static int next_text(input_reader *r, input_doc *doc)
{
    r->done = 1;
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        read_error(r, 1, ENOMEM);
        return 0;
    }
    for (;;) {
        if (len == cap) {
            if (r->max_bytes && len > r->max_bytes) break; /* already known too large */
            size_t ncap = cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                read_error(r, 1, ENOMEM);
                return 0;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, r->f);
        len += got;
        if (got == 0) break;
    }
    if (ferror(r->f)) {
        int e = errno;
        free(buf);
        read_error(r, 1, e);
        return 0;
    }
    buf[len] = 0;
    own(r, buf);
    char *text = buf;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { /* byte-order mark */
        text += 3;
        len -= 3;
    }
    if (r->max_bytes && len > r->max_bytes) {
        skip(r, 1, SKIP_TOO_LARGE, "(over %zu bytes)", r->max_bytes);
        return 0;
    }
    if (!check_text(r, 1, text, len)) return 0;
    doc_clear(doc, r, 1);
    doc->id = own_dup(r, base_name(r->path), strlen(base_name(r->path)));
    doc->date = (char *)r->default_date;
    doc->text = text;
    doc->text_len = len;
    if (!doc->id) {
        read_error(r, 1, ENOMEM);
        return 0;
    }
    r->counts->read++;
    return 1;
}

/* ---------------------------------------------------------------- JSON lines */

static void format_real(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.15g", v);
    if (strtod(buf, NULL) != v) snprintf(buf, n, "%.17g", v);
}

/* String form of an id/date value: strings as they are, numbers as text. */
static char *json_scalar_text(input_reader *r, json_t *v, char *numbuf, size_t n, int smuggled)
{
    if (json_is_string(v)) {
        size_t len = json_string_length(v);
        if (len == 0) return NULL;
        const char *s = json_string_value(v);
        if (memchr(s, 0, len)) return NULL;
        if (smuggled) return utf8_unsmuggle(r, s, &len);
        return (char *)s;
    }
    if (json_is_integer(v)) {
        snprintf(numbuf, n, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return numbuf;
    }
    if (json_is_real(v)) {
        format_real(numbuf, n, json_real_value(v));
        return numbuf;
    }
    return NULL;
}

static char *json_opt_string(input_reader *r, json_t *obj, const char *key, int smuggled)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v)) return NULL;
    size_t len = json_string_length(v);
    const char *s = json_string_value(v);
    if (memchr(s, 0, len)) return NULL;
    if (smuggled) return utf8_unsmuggle(r, s, &len);
    return (char *)s;
}

static int next_jsonl(input_reader *r, input_doc *doc)
{
    for (;;) {
        errno = 0;
        ssize_t got = getline(&r->lbuf, &r->lcap, r->f);
        if (got < 0) {
            if (ferror(r->f) || !feof(r->f)) read_error(r, r->line + 1, errno);
            r->done = 1;
            return 0;
        }
        long line = ++r->line;
        char *s = r->lbuf;
        size_t n = (size_t)got;
        if (line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
            s += 3;
            n -= 3;
        }
        if (is_blank(s, n)) continue;

        /* A document's text is at most max_bytes; its JSON escaping can grow it at
         * most sixfold, so lines beyond that are skipped without parsing. */
        if (r->max_bytes) {
            size_t lim = r->max_bytes <= (SIZE_MAX - 65536) / 6 ? r->max_bytes * 6 + 65536 : SIZE_MAX;
            if (n > lim) {
                skip(r, line, SKIP_TOO_LARGE, "(%zu-byte line, limit %zu)", n, r->max_bytes);
                continue;
            }
        }
        const char *nul = memchr(s, 0, n);
        if (nul) {
            skip(r, line, SKIP_BINARY, "(NUL byte at offset %zu)", (size_t)(nul - s));
            continue;
        }

        json_fast_fields ff;
        /* a "config" (per-document coder options) is read the slow way */
        int has_config = 0;
        for (size_t k = 0; k + 8 <= n && !has_config; k++)
            has_config = s[k] == '"' && !memcmp(s + k, "\"config\"", 8);
        if (!has_config && json_fast_doc(s, n, &r->fbuf, &r->fcap, &ff)) {
            /* the common case, without building a JSON tree */
            release(r);
            if (!check_text(r, line, ff.text, ff.text_len)) continue;
            doc_clear(doc, r, line);
            doc->text = (char *)ff.text;
            doc->text_len = ff.text_len;
            doc->id = ff.id ? (char *)ff.id : fallback_id(r, line);
            doc->date = ff.date ? (char *)ff.date : (char *)r->default_date;
            doc->title = (char *)ff.title;
            doc->source = (char *)ff.source;
            doc->url = (char *)ff.url;
            if (!doc->id) {
                read_error(r, line, ENOMEM);
                return 0;
            }
            r->counts->read++;
            return 1;
        }

        json_error_t err;
        int smuggled = 0;
        json_t *root = json_loadb(s, n, JSON_ALLOW_NUL, &err);
        if (!root && !utf8_valid(s, n)) {
            size_t mn;
            int reversible;
            char *m = utf8_smuggle(s, n, &mn, &reversible);
            if (m) {
                root = json_loadb(m, mn, JSON_ALLOW_NUL, &err);
                smuggled = reversible;
                free(m);
            }
        }
        if (!root) {
            skip(r, line, SKIP_BAD_JSON, "(%s)", err.text);
            continue;
        }
        release(r);
        r->root = root;
        json_t *t = json_is_object(root) ? json_object_get(root, "text") : NULL;
        if (!json_is_string(t)) {
            skip(r, line, SKIP_NO_TEXT, NULL);
            continue;
        }
        const char *text = json_string_value(t);
        size_t tlen = json_string_length(t);
        if (smuggled) {
            text = utf8_unsmuggle(r, text, &tlen);
            if (!text) {
                read_error(r, line, ENOMEM);
                return 0;
            }
        }
        if (!check_text(r, line, text, tlen)) continue;

        doc_clear(doc, r, line);
        doc->text = (char *)text;
        doc->text_len = tlen;
        doc->id = json_scalar_text(r, json_object_get(root, "id"), r->numbuf[0], sizeof r->numbuf[0], smuggled);
        if (!doc->id) doc->id = fallback_id(r, line);
        doc->date = json_scalar_text(r, json_object_get(root, "date"), r->numbuf[1], sizeof r->numbuf[1], smuggled);
        if (!doc->date) doc->date = (char *)r->default_date;
        doc->title = json_opt_string(r, root, "title", smuggled);
        doc->source = json_opt_string(r, root, "source", smuggled);
        doc->url = json_opt_string(r, root, "url", smuggled);
        doc->options = own(r, doc_config_lines(json_object_get(root, "config")));
        if (!doc->id) {
            read_error(r, line, ENOMEM);
            return 0;
        }
        r->counts->read++;
        return 1;
    }
}

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
    if (r->xcap - r->xlen < 65536) {
        size_t ncap = r->xcap ? r->xcap * 2 : 262144;
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
        if (!xml_fill(r)) return (size_t)-1;
    }
}

static void xml_advance(input_reader *r, size_t to)
{
    for (size_t i = r->xpos; i < to; i++)
        if (r->xbuf[i] == '\n') r->xline++;
    r->xpos = to;
}

static int name_end(char c) { return is_ws((unsigned char)c) || c == '>' || c == '/'; }

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
        if (collapse && is_ws((unsigned char)c)) {
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
                if (collapse && is_ws((unsigned char)s[t])) pending_space = 1;
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
    return own(r, o);
}

/* Value of attribute name in the start tag tag[0..n), decoded; NULL if absent. */
static char *xml_attr(input_reader *r, const char *tag, size_t n, const char *name)
{
    size_t nl = strlen(name), i = 0;
    while (i < n && !name_end(tag[i])) i++; /* element name */
    while (i < n) {
        while (i < n && (is_ws((unsigned char)tag[i]) || tag[i] == '/')) i++;
        size_t a = i;
        while (i < n && tag[i] != '=' && !name_end(tag[i])) i++;
        size_t alen = i - a;
        while (i < n && is_ws((unsigned char)tag[i])) i++;
        if (i >= n || tag[i] != '=') {
            if (i < n && tag[i] == '>') break;
            if (alen == 0) i++;
            continue;
        }
        i++;
        while (i < n && is_ws((unsigned char)tag[i])) i++;
        size_t v, vlen;
        if (i < n && (tag[i] == '"' || tag[i] == '\'')) {
            char q = tag[i++];
            v = i;
            while (i < n && tag[i] != q) i++;
            vlen = i - v;
            if (i < n) i++;
        } else {
            v = i;
            while (i < n && !is_ws((unsigned char)tag[i]) && tag[i] != '>') i++;
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

static int next_xml(input_reader *r, input_doc *doc)
{
    for (;;) {
        size_t lt = xml_find(r, 0, "<");
        if (lt == (size_t)-1) {
            if (r->xerr) read_error(r, r->xline, r->xerr);
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
        for (;;) {
            gt = tag_end(r->xbuf + r->xpos, r->xlen - r->xpos);
            if (gt != (size_t)-1 || !xml_fill(r)) break;
        }
        if (gt == (size_t)-1) {
            skip(r, line, SKIP_NO_TEXT, "(unterminated <Sentence> tag)");
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
                skip(r, line, SKIP_NO_TEXT, "(unterminated <Sentence> element)");
                xml_advance(r, r->xlen);
                r->done = 1;
                return 0;
            }
            const char *close = memchr(r->xbuf + e, '>', r->xlen - e);
            next = close ? (size_t)(close - r->xbuf) + 1 : r->xlen;
            body = stag_len;
            body_end = e - r->xpos;
        }
        release(r);
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
            skip(r, line, SKIP_NO_TEXT, "(<Sentence> without <Text>)");
            continue;
        }
        size_t len;
        char *text = xml_decode(r, tstart, tn, 1, &len);
        xml_advance(r, next);
        if (!text) {
            read_error(r, line, ENOMEM);
            return 0;
        }
        if (!check_text(r, line, text, len)) continue;
        doc_clear(doc, r, line);
        doc->id = id ? id : fallback_id(r, line);
        doc->date = date ? date : (char *)r->default_date;
        doc->source = src;
        doc->text = text;
        doc->text_len = len;
        if (!doc->id) {
            read_error(r, line, ENOMEM);
            return 0;
        }
        r->counts->read++;
        return 1;
    }
}

/* ---------------------------------------------------------------- dispatch */

int input_next(input_reader *r, input_doc *doc)
{
    if (!r || r->done) return 0;
    release(r);
    switch (r->kind) {
    case INPUT_TEXT: return next_text(r, doc);
    case INPUT_JSONL: return next_jsonl(r, doc);
    case INPUT_PETRARCH_XML: return next_xml(r, doc);
    default: r->done = 1; return 0;
    }
}
