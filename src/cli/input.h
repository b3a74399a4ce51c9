/* input.h - documents from files: plain text, JSON lines, PETRARCH XML.
 *
 * A reader yields one document at a time. Every document read is either handed
 * to the caller or skipped with a reason; skips are printed as one-line warnings
 * "file:line: reason" on stderr and counted, so that read = handed + skipped.
 * "-" means standard input. */
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H

#include <stddef.h>
#include <stdio.h>

typedef enum { INPUT_AUTO = 0, INPUT_TEXT, INPUT_JSONL, INPUT_PETRARCH_XML } input_kind;

/* Parses "text", "jsonl", "petrarch-xml"; returns -1 if unknown. */
int input_kind_parse(const char *s);

typedef struct {
    const char *file;  /* as given on the command line ("-" for stdin) */
    long line;         /* line where the document starts, from 1 */
    char *id;          /* NUL-terminated; JSON "id" (string or number), XML id, or file name */
    char *date;        /* as given (YYYYMMDD / YYYY-MM-DD), or NULL */
    char *text;        /* NUL-terminated, text_len bytes; may hold invalid UTF-8 */
    size_t text_len;
    char *title, *source, *url; /* optional, NULL if absent */
    char *options;     /* JSONL "config": option lines joined with "\n" (a list, for
                        * TABARI-mode dictionaries; {"require_dyad": ...} becomes
                        * "require_dyad = yes|no"), or NULL */
} input_doc;

enum { SKIP_EMPTY, SKIP_BAD_JSON, SKIP_NO_TEXT, SKIP_TOO_LARGE, SKIP_BINARY, SKIP_UNREADABLE, SKIP_KINDS };
const char *input_skip_name(int reason); /* "empty", "malformed JSON", ... */

typedef struct {
    size_t read;                 /* documents seen (handed + skipped) */
    size_t skipped[SKIP_KINDS];
} input_counts;

typedef struct input_reader input_reader;

/* Opens path; kind INPUT_AUTO picks by extension (.jsonl/.json/.ndjson -> JSONL,
 * .xml -> PETRARCH XML, else text; stdin defaults to JSONL). default_date applies
 * to documents without one (may be NULL). max_bytes bounds one document (larger
 * ones are skipped as "too large"). Returns NULL and prints "file: message" on
 * stderr if the file cannot be opened. */
input_reader *input_open(const char *path, input_kind kind, const char *default_date,
                         size_t max_bytes, input_counts *counts);

/* Returns 1 and fills doc (valid until the next call), or 0 at end of input.
 * Skipped documents are reported and counted internally, never returned. A read
 * error ends the input with a message and is counted as a skipped document; a
 * read interrupted by a signal (EINTR) ends it quietly (the caller stops). */
int input_next(input_reader *r, input_doc *doc);
void input_close(input_reader *r);
/* Bytes of the file read so far (read-ahead included), or -1 if not known
 * (a pipe). For progress reports; call from the thread that reads. */
long long input_tell(input_reader *r);

#endif
