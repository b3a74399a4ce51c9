/* json_fast.h - a fast path for reading the common JSON line.
 *
 * Contract: json_fast_doc validates a whole line as a JSON object, checking
 * every value (strings with their escapes and UTF-8, numbers, literals, nested
 * arrays and objects), and picks out the string or integer values of the keys a
 * document needs. It returns 1 only when it is sure; anything unusual (invalid
 * JSON, invalid UTF-8, a NUL in a value, a real number for an id, deep nesting,
 * a top level that is no object, no string "text") returns 0, and the caller then
 * reads the line with jansson, which decides the same way and words the errors.
 * Decoded strings live in *buf (grown as needed) until the next call. */
#ifndef DYAD_JSON_FAST_H
#define DYAD_JSON_FAST_H

#include <stddef.h>

typedef struct {
    const char *id, *date, *text, *title, *source, *url; /* NUL-terminated, or NULL */
    size_t text_len;
} json_fast_fields;

int json_fast_doc(const char *line, size_t n, char **buf, size_t *cap, json_fast_fields *out);

#endif
