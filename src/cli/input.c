/* input.c - documents from files: plain text, JSON lines, PETRARCH XML.
 *
 * Readers hand out one document at a time; everything a document points to is
 * owned by the reader and lives until the next input_next() call. Every skipped
 * document is reported on stderr as "dyad: warning: FILE:LINE: REASON, skipped"
 * and counted, so counts->read == handed + sum(counts->skipped). */
#include "input.h"
#include "doc_config.h"
#include "input_impl.h"
#include "json_fast.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

void in_skip(input_reader *r, long line, int reason, const char *fmt, ...)
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
void in_read_error(input_reader *r, long line, int err)
{
    if (err == EINTR) {     /* a stop signal (cmd_code.c): the input ends here */
        r->done = 1;
        return;
    }
    fprintf(stderr, "dyad: %s: read error: %s\n", r->path, strerror(err ? err : EIO));
    r->counts->read++;
    r->counts->skipped[SKIP_UNREADABLE]++;
    r->done = 1;
    (void)line;
}

void in_release(input_reader *r)
{
    for (int i = 0; i < r->nowned; i++) free(r->owned[i]);
    r->nowned = 0;
    if (r->root) {
        json_decref(r->root);
        r->root = NULL;
    }
}


char *in_own(input_reader *r, char *p)
{
    if (p && r->nowned < MAX_OWNED) r->owned[r->nowned++] = p;
    return p;
}

char *in_own_dup(input_reader *r, const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return in_own(r, p);
}

int in_is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!in_is_ws((unsigned char)s[i])) return 0;
    return 1;
}

/* "FILE:LINE" id for documents that have none. */
char *in_fallback_id(input_reader *r, long line)
{
    size_t n = strlen(r->path) + 24;
    char *p = malloc(n);
    if (!p) return NULL;
    snprintf(p, n, "%s:%ld", r->path, line);
    return in_own(r, p);
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

void in_doc_clear(input_doc *doc, input_reader *r, long line)
{
    memset(doc, 0, sizeof *doc);
    doc->file = r->path;
    doc->line = line;
}

/* Checks size and NUL bytes common to all kinds; returns 1 if the document may
 * be handed out, 0 if it was skipped. */
int in_check_text(input_reader *r, long line, const char *text, size_t len)
{
    if (r->max_bytes && len > r->max_bytes) {
        in_skip(r, line, SKIP_TOO_LARGE, "(%zu bytes, limit %zu)", len, r->max_bytes);
        return 0;
    }
    const char *nul = memchr(text, 0, len);
    if (nul) {
        in_skip(r, line, SKIP_BINARY, "(NUL byte at offset %zu)", (size_t)(nul - text));
        return 0;
    }
    if (is_blank(text, len)) {
        in_skip(r, line, SKIP_EMPTY, NULL);
        return 0;
    }
    return 1;
}

int in_utf16(input_reader *r, long line, const char *s, size_t n)
{
    if (n < 2 || !((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF')))
        return 0;
    in_skip(r, line, SKIP_BINARY, "(UTF-16 with a byte-order mark: dyad reads UTF-8; convert it "
            "first, e.g. iconv -f UTF-16 -t UTF-8)");
    r->done = 1;    /* the rest of the file is UTF-16 too: one document skipped */
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
    return in_own(r, o);
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
    if (max_bytes)
        r->line_limit = max_bytes <= (SIZE_MAX - 65536) / 2 ? max_bytes * 2 + 65536 : SIZE_MAX;
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
    in_release(r);
    if (r->f && !r->is_stdin) fclose(r->f);
    free(r->lbuf);
    free(r->fbuf);
    free(r->xbuf);
    free(r);
}

long long input_tell(input_reader *r)
{
    if (!r || !r->f) return -1;
    if (r->kind == INPUT_JSONL)
        return r->is_stdin ? -1 : r->consumed;
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
        in_read_error(r, 1, ENOMEM);
        return 0;
    }
    for (;;) {
        if (len == cap) {
            if (r->max_bytes && len > r->max_bytes) break; /* already known too large */
            size_t ncap = cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                in_read_error(r, 1, ENOMEM);
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
        in_read_error(r, 1, e);
        return 0;
    }
    buf[len] = 0;
    in_own(r, buf);
    char *text = buf;
    if (in_utf16(r, 1, text, len))
        return 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { /* byte-order mark */
        text += 3;
        len -= 3;
    }
    if (r->max_bytes && len > r->max_bytes) {
        in_skip(r, 1, SKIP_TOO_LARGE, "(over %zu bytes)", r->max_bytes);
        return 0;
    }
    if (!in_check_text(r, 1, text, len)) return 0;
    in_doc_clear(doc, r, 1);
    doc->id = in_own_dup(r, base_name(r->path), strlen(base_name(r->path)));
    doc->date = (char *)r->default_date;
    doc->text = text;
    doc->text_len = len;
    if (!doc->id) {
        in_read_error(r, 1, ENOMEM);
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

enum { LINE_FIRST_CAP = 65536 };

/* Appends c to the line unless it is over r->line_limit (*over set then); 0, or -1
 * when out of memory. */
static int line_put(input_reader *r, size_t len, int c, int *over)
{
    if (*over)
        return 0;
    if (r->line_limit && len >= r->line_limit) {
        *over = 1;
        return 0;
    }
    if (len + 2 > r->lcap) {
        size_t cap = r->lcap ? r->lcap * 2 : LINE_FIRST_CAP;
        if (r->line_limit && cap > r->line_limit + 2)
            cap = r->line_limit + 2;
        char *nb = realloc(r->lbuf, cap);
        if (!nb) {
            errno = ENOMEM;
            return -1;
        }
        r->lbuf = nb;
        r->lcap = cap;
    }
    r->lbuf[len] = (char)c;
    return 0;
}

/* The next line (its newline kept) into r->lbuf, *n its length as read. A line
 * longer than r->line_limit is read to its end but not kept (*over set): memory
 * stays within the limit whatever the input. Bytes come through stdio one at a
 * time (getc_unlocked), which returns as soon as a line is complete even on a
 * slow pipe. Returns 0, or -1 at the end of input (errno set on a read error). */
static int read_line(input_reader *r, size_t *n, int *over)
{
    size_t len = 0, total = 0;
    int c;
    *over = 0;
    while ((c = getc_unlocked(r->f)) != EOF) {
        total++;
        if (line_put(r, len, c, over) < 0)
            return -1;
        if (!*over)
            len++;
        if (c == '\n')
            break;
    }
    r->consumed += (long long)total;
    if (total == 0 || (c == EOF && ferror(r->f)))
        return -1;
    if (!*over)
        r->lbuf[len] = 0;
    *n = total;
    return 0;
}

static int next_jsonl(input_reader *r, input_doc *doc)
{
    for (;;) {
        errno = 0;
        size_t n;
        int over;
        if (read_line(r, &n, &over) < 0) {
            if (ferror(r->f) || errno) in_read_error(r, r->line + 1, errno);
            r->done = 1;
            return 0;
        }
        long line = ++r->line;
        /* A document's text is at most max_bytes; its line (JSON escapes, other
         * fields) at most twice that and 64 KiB: longer lines are skipped while
         * streaming, never held whole. */
        if (over) {
            in_skip(r, line, SKIP_TOO_LARGE, "(%zu-byte line, limit %zu)", n, r->line_limit);
            continue;
        }
        char *s = r->lbuf;
        if (line == 1 && in_utf16(r, line, s, n))
            return 0;
        if (line == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
            s += 3;
            n -= 3;
        }
        if (is_blank(s, n)) continue;
        const char *nul = memchr(s, 0, n);
        if (nul) {
            in_skip(r, line, SKIP_BINARY, "(NUL byte at offset %zu)", (size_t)(nul - s));
            continue;
        }

        json_fast_fields ff;
        /* a "config" (per-document coder options) is read the slow way */
        int has_config = 0;
        for (size_t k = 0; k + 8 <= n && !has_config; k++)
            has_config = s[k] == '"' && !memcmp(s + k, "\"config\"", 8);
        if (!has_config && json_fast_doc(s, n, &r->fbuf, &r->fcap, &ff)) {
            /* the common case, without building a JSON tree */
            in_release(r);
            if (!in_check_text(r, line, ff.text, ff.text_len)) continue;
            in_doc_clear(doc, r, line);
            doc->text = (char *)ff.text;
            doc->text_len = ff.text_len;
            doc->id = ff.id ? (char *)ff.id : in_fallback_id(r, line);
            doc->date = ff.date ? (char *)ff.date : (char *)r->default_date;
            doc->title = (char *)ff.title;
            doc->source = (char *)ff.source;
            doc->url = (char *)ff.url;
            if (!doc->id) {
                in_read_error(r, line, ENOMEM);
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
            in_skip(r, line, SKIP_BAD_JSON, "(%s)", err.text);
            continue;
        }
        in_release(r);
        r->root = root;
        json_t *t = json_is_object(root) ? json_object_get(root, "text") : NULL;
        if (!json_is_string(t)) {
            in_skip(r, line, SKIP_NO_TEXT, NULL);
            continue;
        }
        const char *text = json_string_value(t);
        size_t tlen = json_string_length(t);
        if (smuggled) {
            text = utf8_unsmuggle(r, text, &tlen);
            if (!text) {
                in_read_error(r, line, ENOMEM);
                return 0;
            }
        }
        if (!in_check_text(r, line, text, tlen)) continue;

        in_doc_clear(doc, r, line);
        doc->text = (char *)text;
        doc->text_len = tlen;
        doc->id = json_scalar_text(r, json_object_get(root, "id"), r->numbuf[0], sizeof r->numbuf[0], smuggled);
        if (!doc->id) doc->id = in_fallback_id(r, line);
        doc->date = json_scalar_text(r, json_object_get(root, "date"), r->numbuf[1], sizeof r->numbuf[1], smuggled);
        if (!doc->date) doc->date = (char *)r->default_date;
        doc->title = json_opt_string(r, root, "title", smuggled);
        doc->source = json_opt_string(r, root, "source", smuggled);
        doc->url = json_opt_string(r, root, "url", smuggled);
        doc->options = in_own(r, doc_config_lines(json_object_get(root, "config")));
        if (!doc->id) {
            in_read_error(r, line, ENOMEM);
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
    in_release(r);
    switch (r->kind) {
    case INPUT_TEXT: return next_text(r, doc);
    case INPUT_JSONL: return next_jsonl(r, doc);
    case INPUT_PETRARCH_XML: return next_xml(r, doc);
    default: r->done = 1; return 0;
    }
}
