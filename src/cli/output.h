/* output.h - events as JSON lines, TSV or CSV.
 *
 * JSON lines: one object per event with doc, sent, date, date_precision, source,
 * target, code, root, quad_class, goldstein, source_text, verb_text, target_text,
 * source_span, verb_span, target_span ([start, end) byte offsets in the sentence),
 * amount ({"value", "currency"}, only when known) and text. TSV and CSV carry the
 * same fields as columns after a header line (spans as start:end, amount as two
 * columns). Strings are escaped for their format; output is valid UTF-8. */
#ifndef DYAD_OUTPUT_H
#define DYAD_OUTPUT_H

#include <stdio.h>
#include "dyad.h"

typedef enum { OUTPUT_JSONL = 0, OUTPUT_TSV, OUTPUT_CSV } output_format;

int output_format_parse(const char *s); /* "jsonl", "tsv", "csv"; -1 if unknown */

/* A formatted number remembered by the writer (see number_text in output.c). */
#define OUTPUT_NUMBER_MEMO 16
typedef struct {
    unsigned long long bits;
    int used;
    char text[40];
} output_number;

typedef struct {
    FILE *out;
    output_format format;
    int header_done;
    char *buf;          /* scratch for one record; in memory mode, the records so far */
    size_t cap;
    size_t held;        /* memory mode: bytes of records held in buf[0..held) */
    size_t first_cap;   /* the buffer's first size */
    output_number numbers[OUTPUT_NUMBER_MEMO];
    int plover;         /* --ontology plover: add plover_event and plover_mode (plover.h) */
} output_writer;

void output_init(output_writer *w, FILE *out, output_format format);
/* Memory mode: records accumulate in w->buf[0..w->held) instead of being
 * written; the caller writes them out and sets held back to 0. No TSV/CSV
 * header is written in this mode (see output_header). The buffer starts at
 * OUTPUT_MEM_FIRST_CAP bytes, large enough for glibc to map it on its own (see
 * the mallopt in cmd_code.c), so that freeing it gives the memory back. */
#define OUTPUT_MEM_FIRST_CAP (256 * 1024)
void output_init_mem(output_writer *w, output_format format);
/* Writes the TSV/CSV header line now if it is due (not yet written, delimited
 * format), as output_event would before its first record; returns 0 or -1. */
int output_header(output_writer *w);
/* Writes one event; returns 0, or -1 on a write error. */
int output_event(output_writer *w, const dyad_event *ev);
/* Writes a document record (JSON lines only; --with-docs):
 * {"dyad_doc":{"id":...,"date":...,"title":...,"source":...,"url":...}}, absent fields
 * null. Returns 0, or -1 on a write error. */
int output_doc(output_writer *w, const char *id, const char *date, const char *title,
               const char *source, const char *url);
void output_free(output_writer *w);

#endif
