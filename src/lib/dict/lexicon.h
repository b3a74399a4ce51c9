/* lexicon.h - interned words: lower-cased strings to dense ids.
 *
 * Every word the dictionaries mention gets an id; a token's lower-cased form is
 * looked up once, and all later matching compares integers. Open addressing,
 * read-only after loading (lookups are thread-safe). */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *pool;            /* all strings, NUL-separated */
    size_t pool_len, pool_cap;
    uint32_t *off;         /* id -> offset in pool */
    uint32_t *len;         /* id -> length */
    size_t n, cap;
    int32_t *slots;        /* hash slots: id or -1 */
    uint32_t *slot_hash;   /* the upper half of each slot's hash, checked before the string */
    size_t nslots;
} dyad_lexicon;

void dyad_lexicon_init(dyad_lexicon *lx);
void dyad_lexicon_free(dyad_lexicon *lx);
/* Returns the id of s (already lower-case), adding it if new; -1 on allocation failure. */
int32_t dyad_lexicon_add(dyad_lexicon *lx, const char *s, size_t len);
/* Returns the id of s (already lower-case) or -1. */
int32_t dyad_lexicon_find(const dyad_lexicon *lx, const char *s, size_t len);
/* The same with the string's dyad_hash already computed. */
int32_t dyad_lexicon_find_h(const dyad_lexicon *lx, const char *s, size_t len, uint64_t h);
const char *dyad_lexicon_str(const dyad_lexicon *lx, int32_t id);

#endif
