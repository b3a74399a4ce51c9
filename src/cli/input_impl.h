/* input_impl.h - what the readers of input.c and input_xml.c share (not for
 * other callers: input.h is the contract). */
#ifndef DYAD_INPUT_IMPL_H
#define DYAD_INPUT_IMPL_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "input.h"

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

    /* JSONL: the current line in lbuf (at most line_limit bytes are kept) */
    char *lbuf;
    size_t lcap;
    size_t line_limit;
    long long consumed;        /* bytes of the file taken from rbuf so far */
    json_t *root;              /* current document's JSON, kept for its strings */
    char *fbuf;                /* the fast path's decoded strings (json_fast.h) */
    size_t fcap;

    /* XML: unconsumed input in xbuf[xpos..xlen) */
    char *xbuf;
    size_t xlen, xpos, xcap;
    int xeof;
    int xerr;                  /* errno of a read/allocation error, or 0 */
    long xline;                /* line number at xbuf[xpos] */
    int xover;                 /* the current element passed line_limit (dropped) */

    char *owned[MAX_OWNED];    /* allocations backing the current document */
    int nowned;
    char numbuf[2][40];        /* number ids / dates */
};

/* A skipped document: reported ("file:line: reason detail, skipped") and counted. */
void in_skip(input_reader *r, long line, int reason, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A read error ends the input and counts as one unreadable document. */
void in_read_error(input_reader *r, long line, int err);
/* Frees what the previous document pointed to. */
void in_release(input_reader *r);
/* p (malloc'd) owned by the current document; returns p. */
char *in_own(input_reader *r, char *p);
char *in_own_dup(input_reader *r, const char *s, size_t n);
int in_is_ws(unsigned char c);
/* "FILE:LINE" id for documents that have none. */
char *in_fallback_id(input_reader *r, long line);
void in_doc_clear(input_doc *doc, input_reader *r, long line);
/* Size, NUL bytes and blank text, common to all kinds: 1 if the document may be
 * handed out, 0 if it was skipped. */
int in_check_text(input_reader *r, long line, const char *text, size_t len);
/* A file starting with a UTF-16 byte-order mark (s: its first n bytes): reported
 * once as skipped ("convert it to UTF-8") and the input ended. 1 if so, else 0. */
int in_utf16(input_reader *r, long line, const char *s, size_t n);
/* The next PETRARCH XML <Sentence> (input_xml.c). */
int next_xml(input_reader *r, input_doc *doc);

#endif
