/* util.h - small shared helpers: growable arrays, hashing, errors, file reading. */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Grows *arr (element size sz) so that it holds at least need elements. */
int dyad_grow(void **arr, size_t *cap, size_t need, size_t sz);
#define DYAD_GROW(arr, cap, need) \
    ((need) <= (cap) ? 0 : dyad_grow((void **)&(arr), &(cap), (need), sizeof(*(arr))))

uint64_t dyad_hash(const void *data, size_t len);

/* snprintf into err (if not NULL). */
void dyad_errf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reads a whole file; returns a NUL-terminated malloc'd buffer or NULL (errno set). */
char *dyad_read_file(const char *path, size_t *len);

/* Copies the string src into dst (cap bytes, cap > 0), truncated as snprintf(dst,
 * cap, "%s", src) would, without printf's cost. Returns the length copied. */
size_t dyad_copy_str(char *dst, size_t cap, const char *src);

/* ASCII lower-casing into dst (cap bytes); returns length written (truncated at cap). */
size_t dyad_lower(char *dst, size_t cap, const char *src, size_t len);

/* Date as an integer yyyymmdd; 0 = none. */
static inline int32_t dyad_ymd(int y, int m, int d) { return y * 10000 + m * 100 + d; }

#endif
