/* tagger_int.h - the tagger's model as its two files share it: tagger_load.c
 * reads Lingua::EN::Tagger's data (and the compiled cache) into it, tagger.c tags
 * with it. Not part of tagger.h's contract. */
#ifndef DYAD_TAGGER_INT_H
#define DYAD_TAGGER_INT_H

#include <stdint.h>
#include <string.h>

#include "tagger.h"

#define MAXC 24            /* candidate tags kept per token (the data has at most 9) */
#define MAXKEY 1024        /* longest key accepted in a data file */
#define LOOKUP_MAX 128     /* longest token looked up in a lower-cased copy */
#define TRANS_FLOOR 1e-7   /* probability of a transition tags.yml does not list */
#define MAX_FILE (256u << 20)


enum { UNK_ABR, UNK_CAP, UNK_ED, UNK_HYP, UNK_HYP_ADJ, UNK_ING, UNK_LY, UNK_S,
       UNK_SYM, UNK_TION, UNK_UNKNOWN, UNK_N };

typedef struct {
    uint8_t n;
    uint8_t tag[MAXC];
    float emit[MAXC];
} cands;

typedef struct {
    uint32_t hash, off;     /* off: record offset + 1; 0 = empty slot */
} slot;

/* A record in the pool (4-byte aligned): header, float emit[n], uint8 tag[n], key. */
typedef struct {
    uint16_t klen;
    uint8_t n;
    uint8_t has_jj;
    float emit[];
} lexrec;

struct dyad_tagger {
    float trans[TAG_COUNT][TAG_COUNT];  /* log P(column | row) */
    slot *slots;
    uint32_t mask;
    uint32_t nwords;
    unsigned char *pool;
    size_t pool_len, pool_cap;
    cands unk[UNK_N];
    double tag_total[TAG_COUNT];
    double grand_total;
    uint64_t rows_seen;                 /* tags.yml rows read (loading only) */
    int borrowed;                       /* slots and pool belong to a cache file */
};

static inline uint32_t hash_bytes(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h ? h : 1;
}

static inline const lexrec *rec_at(const dyad_tagger *t, uint32_t off)
{
    return (const lexrec *)(const void *)(t->pool + off);
}

static inline const uint8_t *rec_tags(const lexrec *r) { return (const uint8_t *)(r->emit + r->n); }
static inline const char *rec_key(const lexrec *r) { return (const char *)(rec_tags(r) + r->n); }

static inline const lexrec *lookup_h(const dyad_tagger *t, const char *s, size_t n, uint32_t h)
{
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        const slot *sl = &t->slots[i];
        if (!sl->off)
            return NULL;
        if (sl->hash == h) {
            const lexrec *r = rec_at(t, sl->off - 1);
            if (r->klen == n && memcmp(rec_key(r), s, n) == 0)
                return r;
        }
    }
}

static inline const lexrec *lookup(const dyad_tagger *t, const char *s, size_t n)
{
    return lookup_h(t, s, n, hash_bytes((const unsigned char *)s, n));
}

#endif
