#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void dyad_lexicon_init(dyad_lexicon *lx) { memset(lx, 0, sizeof *lx); }

void dyad_lexicon_free(dyad_lexicon *lx)
{
    free(lx->pool);
    free(lx->off);
    free(lx->len);
    free(lx->slots);
    free(lx->slot_hash);
    memset(lx, 0, sizeof *lx);
}

static int rehash(dyad_lexicon *lx, size_t nslots)
{
    int32_t *s = malloc(nslots * sizeof *s);
    uint32_t *sh = malloc(nslots * sizeof *sh);
    if (!s || !sh) {
        free(s);
        free(sh);
        return -1;
    }
    memset(s, 0xff, nslots * sizeof *s);
    for (size_t id = 0; id < lx->n; id++) {
        uint64_t h = dyad_hash(lx->pool + lx->off[id], lx->len[id]);
        size_t i = h & (nslots - 1);
        while (s[i] >= 0)
            i = (i + 1) & (nslots - 1);
        s[i] = (int32_t)id;
        sh[i] = (uint32_t)(h >> 32);
    }
    free(lx->slots);
    free(lx->slot_hash);
    lx->slots = s;
    lx->slot_hash = sh;
    lx->nslots = nslots;
    return 0;
}

int32_t dyad_lexicon_find(const dyad_lexicon *lx, const char *s, size_t len)
{
    return dyad_lexicon_find_h(lx, s, len, dyad_hash(s, len));
}

int32_t dyad_lexicon_find_h(const dyad_lexicon *lx, const char *s, size_t len, uint64_t h)
{
    if (!lx->nslots)
        return -1;
    uint32_t top = (uint32_t)(h >> 32);
    size_t i = h & (lx->nslots - 1);
    for (;;) {
        int32_t id = lx->slots[i];
        if (id < 0)
            return -1;
        if (lx->slot_hash[i] == top && lx->len[id] == len &&
            memcmp(lx->pool + lx->off[id], s, len) == 0)
            return id;
        i = (i + 1) & (lx->nslots - 1);
    }
}

int32_t dyad_lexicon_add(dyad_lexicon *lx, const char *s, size_t len)
{
    int32_t id = dyad_lexicon_find(lx, s, len);
    if (id >= 0)
        return id;
    if ((lx->n + 1) * 2 > lx->nslots && rehash(lx, lx->nslots ? lx->nslots * 2 : 1024) < 0)
        return -1;
    size_t old_cap = lx->cap;
    if (DYAD_GROW(lx->off, lx->cap, lx->n + 1) < 0)
        return -1;
    if (lx->cap != old_cap) { /* only when off grew: a realloc per word is O(n^2) under ASan */
        uint32_t *nl = realloc(lx->len, lx->cap * sizeof *nl);
        if (!nl) {
            lx->cap = old_cap;
            return -1;
        }
        lx->len = nl;
    }
    if (DYAD_GROW(lx->pool, lx->pool_cap, lx->pool_len + len + 1) < 0)
        return -1;
    memcpy(lx->pool + lx->pool_len, s, len);
    lx->pool[lx->pool_len + len] = 0;
    id = (int32_t)lx->n++;
    lx->off[id] = (uint32_t)lx->pool_len;
    lx->len[id] = (uint32_t)len;
    lx->pool_len += len + 1;
    uint64_t h = dyad_hash(s, len);
    size_t i = h & (lx->nslots - 1);
    while (lx->slots[i] >= 0)
        i = (i + 1) & (lx->nslots - 1);
    lx->slots[i] = id;
    lx->slot_hash[i] = (uint32_t)(h >> 32);
    return id;
}

const char *dyad_lexicon_str(const dyad_lexicon *lx, int32_t id)
{
    return (id >= 0 && (size_t)id < lx->n) ? lx->pool + lx->off[id] : "";
}
