#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int dyad_grow(void **arr, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * sz);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

uint64_t dyad_hash(const void *data, size_t len)
{
    /* eight bytes at a time, then a final avalanche (splitmix64's mixer) */
    const unsigned char *p = data;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)len * 0xff51afd7ed558ccdULL);
    while (len >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
        p += 8;
        len -= 8;
    }
    uint64_t v = 0;
    memcpy(&v, p, len);
    h = (h ^ v) * 0x94d049bb133111ebULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    return h;
}

void dyad_errf(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

char *dyad_read_file_max(const char *path, size_t max, size_t *len, const char **why)
{
    const char *reason = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        goto done;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (max && n > max) {
            reason = "file too large";
            break;
        }
        if (got == 0) {
            if (ferror(f))
                reason = "read error";
            break;
        }
    }
    if (!buf)
        reason = "out of memory";
    fclose(f);
    if (reason) {
        free(buf);
        goto done;
    }
    buf[n] = 0;
    if (len)
        *len = n;
    return buf;
done:
    if (why)
        *why = reason;
    return NULL;
}

char *dyad_read_file(const char *path, size_t *len) { return dyad_read_file_max(path, 0, len, NULL); }

size_t dyad_copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = 0;
    while (n + 1 < cap && src[n]) {
        dst[n] = src[n];
        n++;
    }
    dst[n] = 0;
    return n;
}

size_t dyad_lower(char *dst, size_t cap, const char *src, size_t len)
{
    if (len > cap)
        len = cap;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        dst[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    return len;
}
