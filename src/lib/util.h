/* util.h - small shared helpers: growable arrays, hashing, errors, file reading. */
#ifndef DYAD_UTIL_H
#define DYAD_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* The same with a bound: NULL also for a file of more than max bytes (0: no bound).
 * On failure *why (if not NULL) is "file too large", "read error" or "out of memory",
 * or NULL when the file could not be opened (errno says why). */
char *dyad_read_file_max(const char *path, size_t max, size_t *len, const char **why);

/* Copies the string src into dst (cap bytes, cap > 0), truncated as snprintf(dst,
 * cap, "%s", src) would, without printf's cost. Returns the length copied. */
size_t dyad_copy_str(char *dst, size_t cap, const char *src);

/* ASCII lower-casing into dst (cap bytes); returns length written (truncated at cap). */
size_t dyad_lower(char *dst, size_t cap, const char *src, size_t len);

/* Length of the longest prefix of s[0..n), in whole 8-byte blocks, made of bytes
 * 0x20..0x7f other than stop1 and stop2: lets a loop over plain ASCII text skip
 * ahead 8 bytes at a time; the caller goes on byte by byte from there. The test
 * is the classic "has a zero byte" bit trick, (x - 0x01..01) & ~x & 0x80..80,
 * which is non-zero exactly when some byte of x is zero; applied to x ^ stop
 * (a byte equal to stop) and, with 0x20 in place of 0x01, to bytes below 0x20. */
static inline size_t dyad_ascii_blocks(const unsigned char *s, size_t n, unsigned char stop1,
                                       unsigned char stop2)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t a = x ^ (ones * stop1), b = x ^ (ones * stop2);
        uint64_t special = (x | ((x - ones * 0x20) & ~x) | ((a - ones) & ~a) | ((b - ones) & ~b)) & high;
        if (special)
            break;
    }
    return i;
}

/* Date as an integer yyyymmdd; 0 = none. */
static inline int32_t dyad_ymd(int y, int m, int d) { return y * 10000 + m * 100 + d; }

#endif
