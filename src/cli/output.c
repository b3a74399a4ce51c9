/* output.c - events as JSON lines, TSV or CSV.
 *
 * Each record is built in w->buf and written with one fwrite. Strings are made
 * valid UTF-8 on the way out (invalid bytes, which can only come from ids such
 * as file names or XML attributes, become U+FFFD). */
#include "output.h"
#include "plover.h"
#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int output_format_parse(const char *s)
{
    if (!s) return -1;
    if (!strcmp(s, "jsonl")) return OUTPUT_JSONL;
    if (!strcmp(s, "tsv")) return OUTPUT_TSV;
    if (!strcmp(s, "csv")) return OUTPUT_CSV;
    return -1;
}

void output_init(output_writer *w, FILE *out, output_format format)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->format = format;
    w->first_cap = 4096;
}

void output_init_mem(output_writer *w, output_format format)
{
    memset(w, 0, sizeof *w);
    w->format = format;
    w->header_done = 1;
    w->first_cap = OUTPUT_MEM_FIRST_CAP;
}

void output_free(output_writer *w)
{
    free(w->buf);
    w->buf = NULL;
    w->cap = 0;
    w->held = 0;
}

/* ---------------------------------------------------------------- buffer */

typedef struct {
    output_writer *w;
    size_t len;
    int oom;
} obuf;

static int reserve(obuf *b, size_t more)
{
    if (b->oom) return -1;
    if (b->len + more <= b->w->cap) return 0;
    size_t ncap = b->w->cap ? b->w->cap : b->w->first_cap ? b->w->first_cap : 4096;
    while (ncap < b->len + more) {
        if (ncap > SIZE_MAX / 2) {
            b->oom = 1;
            return -1;
        }
        ncap *= 2;
    }
    char *nb = realloc(b->w->buf, ncap);
    if (!nb) {
        b->oom = 1;
        return -1;
    }
    b->w->buf = nb;
    b->w->cap = ncap;
    return 0;
}

static void put(obuf *b, const char *s, size_t n)
{
    if (reserve(b, n)) return;
    memcpy(b->w->buf + b->len, s, n);
    b->len += n;
}

/* inline: for a literal the strlen is a constant */
static inline void puts_(obuf *b, const char *s) { put(b, s, strlen(s)); }

static void putc_(obuf *b, char c)
{
    if (reserve(b, 1)) return;
    b->w->buf[b->len++] = c;
}

/* Length of the valid UTF-8 sequence at s (n bytes available), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;
        if (c == 0xED && s[1] >= 0xA0) return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] >= 0x90) return 0;
        return 4;
    }
    return 0;
}

enum { ESC_JSON, ESC_TSV, ESC_CSV };

/* Appends s[0..n) escaped for mode (without surrounding quotes). */
static void put_escaped(obuf *b, const char *s, size_t n, int mode)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    if (n > (SIZE_MAX - 64) / 6 || reserve(b, n + 16)) {
        b->oom = 1;
        return;
    }
    size_t i = 0;
    while (i < n) {
        /* copy a run of bytes that need no attention */
        size_t j = i;
        if (mode == ESC_JSON)
            j += dyad_ascii_blocks(p + j, n - j, '"', '\\');
        else if (mode == ESC_CSV)
            j += dyad_ascii_blocks(p + j, n - j, '"', '"');
        if (mode == ESC_JSON)
            while (j < n && p[j] >= 0x20 && p[j] < 0x80 && p[j] != '"' && p[j] != '\\') j++;
        else if (mode == ESC_TSV)
            while (j < n && p[j] >= 0x20 && p[j] < 0x80) j++;
        else
            while (j < n && p[j] >= 0x20 && p[j] < 0x80 && p[j] != '"') j++;
        if (j > i) {
            put(b, s + i, j - i);
            i = j;
            if (i >= n) break;
        }
        unsigned c = p[i];
        if (c >= 0x80) {
            size_t k = utf8_seq(p + i, n - i);
            if (k) put(b, s + i, k), i += k;
            else put(b, "\xEF\xBF\xBD", 3), i++;
            continue;
        }
        i++;
        if (mode == ESC_JSON) {
            switch (c) {
            case '"': puts_(b, "\\\""); break;
            case '\\': puts_(b, "\\\\"); break;
            case '\n': puts_(b, "\\n"); break;
            case '\r': puts_(b, "\\r"); break;
            case '\t': puts_(b, "\\t"); break;
            case '\b': puts_(b, "\\b"); break;
            case '\f': puts_(b, "\\f"); break;
            default: {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                put(b, u, 6);
            }
            }
        } else if (mode == ESC_TSV) {
            putc_(b, ' '); /* control characters (tab, newline, ...) */
        } else {
            if (c == '"') puts_(b, "\"\"");
            else if (c == '\n' || c == '\r' || c == '\t') putc_(b, (char)c); /* quoted */
            else putc_(b, ' ');
        }
    }
}

/* v in decimal, as "%lu" writes it. */
static void put_uint(obuf *b, unsigned long v)
{
    char t[24];
    size_t i = sizeof t;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(b, t + i, sizeof t - i);
}

/* v in decimal, as "%d" writes it. */
static void put_int(obuf *b, int v)
{
    if (v < 0) {
        putc_(b, '-');
        put_uint(b, 0ul - (unsigned long)(long)v);
    } else {
        put_uint(b, (unsigned long)v);
    }
}

static void json_string(obuf *b, const char *s, size_t n)
{
    putc_(b, '"');
    put_escaped(b, s, n, ESC_JSON);
    putc_(b, '"');
}

static int csv_needs_quotes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r') return 1;
    }
    return n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
}

/* One TSV/CSV field, preceded by a separator unless first. */
static void field(obuf *b, int csv, int first, const char *s, size_t n)
{
    if (!first) putc_(b, csv ? ',' : '\t');
    if (!csv) {
        put_escaped(b, s, n, ESC_TSV);
    } else if (csv_needs_quotes(s, n)) {
        putc_(b, '"');
        put_escaped(b, s, n, ESC_CSV);
        putc_(b, '"');
    } else {
        put_escaped(b, s, n, ESC_CSV);
    }
}

static void fieldz(obuf *b, int csv, const char *s) { field(b, csv, 0, s, strlen(s)); }

/* ---------------------------------------------------------------- values */

/* Shortest "%g" form that reads back as v: -10, 3.4, 3000000. */
static void fmt_number_uncached(char *buf, size_t n, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) { /* integers in full: 3000000, not 3e+06 */
        snprintf(buf, n, "%.0f", v);
        return;
    }
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) return;
    }
}

/* fmt_number_uncached through the writer's memo: the few Goldstein weights and amounts
 * recur in every batch, and formatting a double costs a few thousand instructions. */
static const char *number_text(output_writer *w, double v)
{
    if (v == 0) v = 0; /* no "-0" */
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    output_number *m = &w->numbers[(bits ^ (bits >> 29) ^ (bits >> 47)) % OUTPUT_NUMBER_MEMO];
    if (!m->used || m->bits != bits) {
        fmt_number_uncached(m->text, sizeof m->text, v);
        m->bits = bits;
        m->used = 1;
    }
    return m->text;
}

static dyad_precision precision_of(const dyad_date *d)
{
    if (d->year == 0) return DYAD_PREC_NONE;
    if (d->precision != DYAD_PREC_NONE) return d->precision;
    return d->month ? (d->day ? DYAD_PREC_DAY : DYAD_PREC_MONTH) : DYAD_PREC_YEAR;
}

static const char *precision_name(dyad_precision p)
{
    switch (p) {
    case DYAD_PREC_DAY: return "day";
    case DYAD_PREC_MONTH: return "month";
    case DYAD_PREC_YEAR: return "year";
    default: return NULL;
    }
}

/* Writes v as "%0*d" does for v >= 0; returns the length. */
static size_t fmt_padded(char *out, int v, int width)
{
    char t[16];
    size_t i = sizeof t;
    unsigned u = (unsigned)v;
    do {
        t[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (sizeof t - i < (size_t)width)
        t[--i] = '0';
    memcpy(out, t + i, sizeof t - i);
    return sizeof t - i;
}

/* Writes the date into buf ("" when none): YYYY-MM-DD, YYYY-MM or YYYY. */
static void fmt_date(char *buf, size_t n, const dyad_date *d)
{
    dyad_precision p = precision_of(d);
    if (p == DYAD_PREC_NONE) {
        buf[0] = 0;
        return;
    }
    if (d->year < 0 || d->month < 0 || d->day < 0 || n < 40) {   /* not from dyad; printf's way */
        switch (p) {
        case DYAD_PREC_DAY: snprintf(buf, n, "%04d-%02d-%02d", d->year, d->month, d->day); break;
        case DYAD_PREC_MONTH: snprintf(buf, n, "%04d-%02d", d->year, d->month); break;
        default: snprintf(buf, n, "%04d", d->year); break;
        }
        return;
    }
    size_t l = fmt_padded(buf, d->year, 4);
    if (p == DYAD_PREC_DAY || p == DYAD_PREC_MONTH) {
        buf[l++] = '-';
        l += fmt_padded(buf + l, d->month, 2);
    }
    if (p == DYAD_PREC_DAY) {
        buf[l++] = '-';
        l += fmt_padded(buf + l, d->day, 2);
    }
    buf[l] = 0;
}

/* The span's bytes, clamped to the sentence. */
static const char *span_text(const dyad_event *ev, dyad_span sp, size_t *len)
{
    if (sp.len == 0 || !ev->text || sp.off >= ev->text_len) {
        *len = 0;
        return "";
    }
    size_t l = sp.len;
    if (l > ev->text_len - sp.off) l = ev->text_len - sp.off;
    *len = l;
    return ev->text + sp.off;
}

static size_t cstrnlen(const char *s, size_t max)
{
    const char *z = memchr(s, 0, max);
    return z ? (size_t)(z - s) : max;
}

/* ---------------------------------------------------------------- records */

static inline void json_key(obuf *b, const char *key)
{
    putc_(b, ',');
    putc_(b, '"');
    puts_(b, key);
    puts_(b, "\":");
}

static void json_span(obuf *b, dyad_span sp)
{
    if (sp.len == 0) {
        puts_(b, "null");
        return;
    }
    putc_(b, '[');
    put_uint(b, (unsigned long)sp.off);
    putc_(b, ',');
    put_uint(b, (unsigned long)sp.off + sp.len);
    putc_(b, ']');
}

static void json_num(obuf *b, double v)
{
    if (!isfinite(v)) {
        puts_(b, "null");
        return;
    }
    puts_(b, number_text(b->w, v));
}

static void write_json(obuf *b, const dyad_event *ev)
{
    char t[64];
    const char *id = ev->doc_id ? ev->doc_id : "";
    puts_(b, "{\"doc\":");
    json_string(b, id, strlen(id));
    json_key(b, "sent");
    put_int(b, ev->sent);
    json_key(b, "date");
    fmt_date(t, sizeof t, &ev->date);
    if (t[0]) json_string(b, t, strlen(t));
    else puts_(b, "null");
    json_key(b, "date_precision");
    const char *pn = precision_name(precision_of(&ev->date));
    if (pn) json_string(b, pn, strlen(pn));
    else puts_(b, "null");
    json_key(b, "source");
    json_string(b, ev->source, cstrnlen(ev->source, sizeof ev->source));
    json_key(b, "target");
    json_string(b, ev->target, cstrnlen(ev->target, sizeof ev->target));
    json_key(b, "code");
    json_string(b, ev->code, cstrnlen(ev->code, sizeof ev->code));
    json_key(b, "root");
    json_string(b, ev->root, cstrnlen(ev->root, sizeof ev->root));
    json_key(b, "quad_class");
    put_int(b, ev->quad_class);
    json_key(b, "goldstein");
    json_num(b, ev->goldstein);

    static const char *const text_keys[3] = {"source_text", "verb_text", "target_text"};
    static const char *const span_keys[3] = {"source_span", "verb_span", "target_span"};
    const dyad_span spans[3] = {ev->source_span, ev->verb_span, ev->target_span};
    for (int i = 0; i < 3; i++) {
        size_t l;
        const char *s = span_text(ev, spans[i], &l);
        json_key(b, text_keys[i]);
        json_string(b, s, l);
    }
    for (int i = 0; i < 3; i++) {
        json_key(b, span_keys[i]);
        json_span(b, spans[i]);
    }
    if (ev->has_amount) {
        json_key(b, "amount");
        puts_(b, "{\"value\":");
        json_num(b, ev->amount);
        puts_(b, ",\"currency\":");
        size_t cl = cstrnlen(ev->currency, sizeof ev->currency);
        if (cl) json_string(b, ev->currency, cl);
        else puts_(b, "null");
        putc_(b, '}');
    }
    json_key(b, "text");
    json_string(b, ev->text ? ev->text : "", ev->text ? ev->text_len : 0);
    if (b->w->plover) {  /* --ontology plover: the code's PLOVER event type and mode */
        dyad_plover p = dyad_plover_of(ev->code);
        json_key(b, "plover_event");
        if (p.event) json_string(b, p.event, strlen(p.event));
        else puts_(b, "null");
        json_key(b, "plover_mode");
        if (p.event && *p.mode) json_string(b, p.mode, strlen(p.mode));
        else puts_(b, "null");
    }
    puts_(b, "}\n");
}

static const char *const columns[] = {
    "doc", "sent", "date", "date_precision", "source", "target", "code", "root",
    "quad_class", "goldstein", "source_text", "verb_text", "target_text",
    "source_span", "verb_span", "target_span", "amount", "currency", "text",
};

static void write_header(obuf *b, int csv)
{
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
        if (i) putc_(b, csv ? ',' : '\t');
        puts_(b, columns[i]);
    }
    if (b->w->plover) puts_(b, csv ? ",plover_event,plover_mode" : "\tplover_event\tplover_mode");
    putc_(b, '\n');
}

static void write_delimited(obuf *b, const dyad_event *ev, int csv)
{
    char t[64];
    const char *id = ev->doc_id ? ev->doc_id : "";
    field(b, csv, 1, id, strlen(id));
    snprintf(t, sizeof t, "%d", ev->sent);
    fieldz(b, csv, t);
    fmt_date(t, sizeof t, &ev->date);
    fieldz(b, csv, t);
    const char *pn = precision_name(precision_of(&ev->date));
    fieldz(b, csv, pn ? pn : "");
    field(b, csv, 0, ev->source, cstrnlen(ev->source, sizeof ev->source));
    field(b, csv, 0, ev->target, cstrnlen(ev->target, sizeof ev->target));
    field(b, csv, 0, ev->code, cstrnlen(ev->code, sizeof ev->code));
    field(b, csv, 0, ev->root, cstrnlen(ev->root, sizeof ev->root));
    snprintf(t, sizeof t, "%d", ev->quad_class);
    fieldz(b, csv, t);
    fieldz(b, csv, isfinite(ev->goldstein) ? number_text(b->w, ev->goldstein) : "");
    const dyad_span spans[3] = {ev->source_span, ev->verb_span, ev->target_span};
    for (int i = 0; i < 3; i++) {
        size_t l;
        const char *s = span_text(ev, spans[i], &l);
        field(b, csv, 0, s, l);
    }
    for (int i = 0; i < 3; i++) {
        if (spans[i].len)
            snprintf(t, sizeof t, "%lu:%lu", (unsigned long)spans[i].off,
                     (unsigned long)spans[i].off + spans[i].len);
        else
            t[0] = 0;
        fieldz(b, csv, t);
    }
    fieldz(b, csv, ev->has_amount && isfinite(ev->amount) ? number_text(b->w, ev->amount) : "");
    field(b, csv, 0, ev->has_amount ? ev->currency : "",
          ev->has_amount ? cstrnlen(ev->currency, sizeof ev->currency) : 0);
    field(b, csv, 0, ev->text ? ev->text : "", ev->text ? ev->text_len : 0);
    if (b->w->plover) {
        dyad_plover p = dyad_plover_of(ev->code);
        fieldz(b, csv, p.event ? p.event : "");
        fieldz(b, csv, p.mode ? p.mode : "");
    }
    putc_(b, '\n');
}

int output_header(output_writer *w)
{
    if (w->format == OUTPUT_JSONL || w->header_done || !w->out) return 0;
    obuf b = {w, 0, 0};
    write_header(&b, w->format == OUTPUT_CSV);
    w->header_done = 1;
    if (b.oom) return -1;
    if (fwrite(w->buf, 1, b.len, w->out) != b.len || ferror(w->out)) return -1;
    return 0;
}

/* The record built in b: kept (memory mode) or written. */
static int finish_record(output_writer *w, const obuf *b)
{
    if (b->oom) return -1;
    if (!w->out) {
        w->held = b->len;
        return 0;
    }
    if (fwrite(w->buf, 1, b->len, w->out) != b->len || ferror(w->out)) return -1;
    return 0;
}

int output_event(output_writer *w, const dyad_event *ev)
{
    obuf b = {w, w->out ? 0 : w->held, 0};
    if (w->format == OUTPUT_JSONL) {
        write_json(&b, ev);
    } else {
        int csv = w->format == OUTPUT_CSV;
        if (!w->header_done) {
            write_header(&b, csv);
            w->header_done = 1;
        }
        write_delimited(&b, ev, csv);
    }
    return finish_record(w, &b);
}

static void json_opt(obuf *b, const char *key, const char *s, int first)
{
    if (!first)
        putc_(b, ',');
    putc_(b, '"');
    puts_(b, key);
    puts_(b, "\":");
    if (s) json_string(b, s, strlen(s));
    else puts_(b, "null");
}

int output_doc(output_writer *w, const char *id, const char *date, const char *title,
               const char *source, const char *url)
{
    if (w->format != OUTPUT_JSONL) return 0;
    obuf b = {w, w->out ? 0 : w->held, 0};
    puts_(&b, "{\"dyad_doc\":{");
    json_opt(&b, "id", id ? id : "", 1);
    json_opt(&b, "date", date, 0);
    json_opt(&b, "title", title, 0);
    json_opt(&b, "source", source, 0);
    json_opt(&b, "url", url, 0);
    puts_(&b, "}}\n");
    return finish_record(w, &b);
}
