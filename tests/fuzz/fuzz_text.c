/* fuzz_text.c - libFuzzer harness: dyad_normalize -> dyad_split_sentences ->
 * dyad_tokenize on each sentence, checking the contracts of text.h, sentence.h
 * and token.h:
 *   - the normalized text is valid UTF-8, NUL-terminated, and holds no control
 *     character other than newline and tab;
 *   - every sentence span lies inside the text, is non-empty, trimmed, and the
 *     spans are increasing and non-overlapping;
 *   - every token span lies inside its sentence, is non-empty, and the tokens are
 *     increasing and non-overlapping; the count returned equals tokens.n;
 *   - the date found in the text (doc_date.h) is none, or a real day, month or
 *     year of 1900-2100 with a source, and its lead words lie inside the text.
 * Built by `make fuzz` (see the Makefile). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "doc_date.h"
#include "sentence.h"
#include "text.h"
#include "token.h"

#include "known.h"

#define CHECK(cond, ...)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "fuzz_text: invariant failed: %s: ", #cond);        \
            fprintf(stderr, __VA_ARGS__);                                       \
            fprintf(stderr, "\n");                                              \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* Strict UTF-8 check (no overlongs, surrogates or code points over U+10FFFF).
 * Returns the offset of the first bad byte, or len when valid. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t need;
        uint32_t v, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            need = 2, v = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            need = 3, v = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            need = 4, v = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (len - i < need)
            return i;
        for (size_t k = 1; k < need; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return i;
            v = (v << 6) | (s[i + k] & 0x3f);
        }
        if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
            return i;
        i += need;
    }
    return len;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The document date found in the text (no date given). */
static void check_doc_date(const dyad_text *text, const dyad_sentences *sents, dyad_tokens *toks)
{
    dyad_doc_date dd;
    CHECK(dyad_doc_date_find(NULL, text->buf, sents, toks, &dd) == 0, "allocation failure");
    const dyad_date *d = &dd.date;
    CHECK((d->year == 0) == (dd.source == DYAD_DATE_NONE), "year %d, source %d", d->year, dd.source);
    CHECK((d->year == 0) == (d->precision == DYAD_PREC_NONE), "year %d, precision %d", d->year,
          d->precision);
    if (!d->year)
        return;
    CHECK(d->year >= 1900 && d->year <= 2100, "year %d", d->year);
    CHECK(d->precision == (d->day ? DYAD_PREC_DAY : d->month ? DYAD_PREC_MONTH : DYAD_PREC_YEAR),
          "precision %d for %d-%d-%d", d->precision, d->year, d->month, d->day);
    CHECK(d->month >= 0 && d->month <= 12 && (d->month || !d->day), "month %d day %d", d->month, d->day);
    if (d->day) {
        int y, m, dd2;
        dyad_civil_from_days(dyad_days_from_civil(d->year, d->month, d->day), &y, &m, &dd2);
        CHECK(y == d->year && m == d->month && dd2 == d->day, "no such day %d-%d-%d", d->year,
              d->month, d->day);
    }
    CHECK((uint64_t)dd.lead_off + dd.lead_len <= text->len, "lead words [%u,+%u) outside %zu",
          dd.lead_off, dd.lead_len, text->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dyad_text text;
    static dyad_sentences sents;
    static dyad_tokens toks;

    /* Keep one document below the coder's practical sizes; libFuzzer's -max_len
     * bounds it anyway. */
    if (size > (1u << 20))
        return 0;

    long bad = dyad_normalize((const char *)data, size, &text);
    CHECK(bad >= 0, "allocation failure on %zu bytes", size);
    CHECK((size_t)bad <= size, "%ld invalid bytes in %zu", bad, size);
    CHECK(text.buf != NULL && text.len < text.cap, "len %zu cap %zu", text.len, text.cap);
    CHECK(text.buf[text.len] == 0, "normalized text not NUL-terminated");
    size_t u = utf8_check((const unsigned char *)text.buf, text.len);
    CHECK(u == text.len, "invalid UTF-8 at offset %zu of %zu", u, text.len);
    for (size_t i = 0; i < text.len; i++) {
        unsigned char c = (unsigned char)text.buf[i];
        CHECK(c >= 0x20 || c == '\n' || c == '\t', "control byte 0x%02x at %zu", c, i);
        CHECK(c != 0x7f, "DEL at %zu", i);
    }
    /* Each input byte yields at most 3 output bytes (U+FFFD or "..." for 3). */
    CHECK(text.len <= 3 * size, "output %zu bytes from %zu", text.len, size);

    int skip_tokens = 0;

    long ns = dyad_split_sentences(text.buf, text.len, &sents);
    CHECK(ns >= 0, "allocation failure");
    CHECK((size_t)ns == sents.n, "returned %ld, n %zu", ns, sents.n);
    CHECK(sents.dateline_month >= 0 && sents.dateline_month <= 12, "month %d", sents.dateline_month);
    CHECK(sents.dateline_day >= 0 && sents.dateline_day <= 31, "day %d", sents.dateline_day);
    CHECK(sents.dateline_year == 0 || (sents.dateline_year >= 1900 && sents.dateline_year < 2100),
          "year %d", sents.dateline_year);

    uint64_t prev_end = 0;
    for (size_t si = 0; si < sents.n; si++) {
        uint64_t off = sents.s[si].off, len = sents.s[si].len;
        CHECK(len > 0, "sentence %zu is empty", si);
        CHECK(off + len <= text.len, "sentence %zu [%llu,+%llu) outside text of %zu", si,
              (unsigned long long)off, (unsigned long long)len, text.len);
        CHECK(off >= prev_end, "sentence %zu starts at %llu before the previous end %llu", si,
              (unsigned long long)off, (unsigned long long)prev_end);
        prev_end = off + len;
        const char *s = text.buf + off;
        CHECK(!is_space((unsigned char)s[0]) && !is_space((unsigned char)s[len - 1]),
              "sentence %zu not trimmed", si);

        if (skip_tokens)
            continue;
        long nt = dyad_tokenize(s, (size_t)len, &toks);
        CHECK(nt >= 0, "allocation failure");
        CHECK((size_t)nt == toks.n, "returned %ld, n %zu", nt, toks.n);
        uint64_t tend = 0;
        for (size_t ti = 0; ti < toks.n; ti++) {
            const dyad_token *t = &toks.tok[ti];
            CHECK(t->len > 0, "sentence %zu token %zu is empty (off %u)", si, ti, t->off);
            CHECK((uint64_t)t->off + t->len <= len, "sentence %zu token %zu [%u,+%u) outside %llu",
                  si, ti, t->off, t->len, (unsigned long long)len);
            CHECK(t->off >= tend, "sentence %zu token %zu at %u overlaps previous end %llu", si, ti,
                  t->off, (unsigned long long)tend);
            CHECK(t->kind <= TOK_SYMBOL, "token kind %u", t->kind);
            CHECK(t->word == -1, "tokenizer set a lexicon id");
            tend = (uint64_t)t->off + t->len;
            /* a token never starts with white space */
            CHECK(!is_space((unsigned char)s[t->off]), "token %zu starts with a space", ti);
        }
    }
    check_doc_date(&text, &sents, &toks);
    return 0;
}
