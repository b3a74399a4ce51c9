/* tagger_load.c - the tagger's model from Lingua::EN::Tagger's YAML files
 * (words.yml, unknown.yml, tags.yml), and to and from the compiled cache (see
 * tagger.c for the model and the lexicon layout). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger_int.h"
#include "util.h"

static const char *const unk_names[UNK_N] = {
    "-abr-", "-cap-", "-ed-", "-hyp-", "-hyp-adj-", "-ing-", "-ly-", "-s-",
    "-sym-", "-tion-", "-unknown-",
};


/* ---- a YAML subset: `key: { tag: number, tag: number }` per line ----------- */

typedef struct {
    const char *path;
    unsigned line;
    char *err;
    size_t errlen;
} ctx;

static void fail(ctx *c, const char *fmt, ...)
{
    if (!c->err || c->errlen == 0)
        return;
    int k = snprintf(c->err, c->errlen, "%s:%u: ", c->path, c->line);
    if (k < 0 || (size_t)k >= c->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + k, c->errlen - (size_t)k, fmt, ap);
    va_end(ap);
}

static int is_lower_ascii(unsigned char c) { return c >= 'a' && c <= 'z'; }

typedef struct {
    const char *key;
    size_t klen;
    int n;
    uint8_t tag[TAG_COUNT];
    double val[TAG_COUNT];
} yline;

static int is_space(int c) { return c == ' ' || c == '\t'; }

static const char *skip_sp(const char *p, const char *e)
{
    while (p < e && is_space((unsigned char)*p))
        p++;
    return p;
}

/* Parses a non-negative decimal number; returns the end, or NULL. Locale-free. */
static const char *parse_num(const char *p, const char *e, double *out)
{
    double m = 0;
    int nd = 0, fd = 0, ex = 0, eneg = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        m = m * 10 + (*p++ - '0');
        nd++;
    }
    if (p < e && *p == '.') {
        p++;
        while (p < e && *p >= '0' && *p <= '9') {
            m = m * 10 + (*p++ - '0');
            nd++;
            fd++;
        }
    }
    if (nd == 0)
        return NULL;
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p >= e || *p < '0' || *p > '9')
            return NULL;
        while (p < e && *p >= '0' && *p <= '9') {
            if (ex < 10000)
                ex = ex * 10 + (*p - '0');
            p++;
        }
    }
    double v = m * pow(10.0, (double)((eneg ? -ex : ex) - fd));
    if (!isfinite(v))
        return NULL;
    *out = v;
    return p;
}

/* Returns 1 for an entry, 0 for a line to skip, -1 on error (reported). */
static int parse_line(ctx *c, const char *p, const char *e, yline *y)
{
    while (e > p && (is_space((unsigned char)e[-1]) || e[-1] == '\r'))
        e--;
    if (p == e || *p == '#' || (e - p >= 3 && memcmp(p, "---", 3) == 0))
        return 0;
    if (memchr(p, 0, (size_t)(e - p))) {
        fail(c, "NUL byte in line");
        return -1;
    }
    if (*p == '"') {
        const char *q = memchr(p + 1, '"', (size_t)(e - p - 1));
        if (!q) {
            fail(c, "unterminated quoted key");
            return -1;
        }
        y->key = p + 1;
        y->klen = (size_t)(q - p - 1);
        p = q + 1;
        if (p >= e || *p != ':') {
            fail(c, "expected ':' after key");
            return -1;
        }
        p++;
    } else {
        const char *q = p;
        while (q < e && !(*q == ':' && (q + 1 == e || is_space((unsigned char)q[1]))))
            q++;
        if (q >= e) {
            fail(c, "expected 'key: { tag: number, ... }'");
            return -1;
        }
        y->key = p;
        y->klen = (size_t)(q - p);
        p = q + 1;
    }
    if (y->klen == 0) {
        fail(c, "empty key");
        return -1;
    }
    if (y->klen > MAXKEY) {
        fail(c, "key longer than %d bytes", MAXKEY);
        return -1;
    }
    p = skip_sp(p, e);
    if (p >= e || *p != '{') {
        fail(c, "expected '{' after key");
        return -1;
    }
    p = skip_sp(p + 1, e);
    y->n = 0;
    uint64_t seen = 0;
    for (;;) {
        const char *name = p;
        while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            p++;
        if (p == name) {
            fail(c, p >= e ? "line ends inside '{ ... }'" : "expected a tag name");
            return -1;
        }
        dyad_tag tag = dyad_tag_from_lingua(name, (size_t)(p - name));
        if (tag == TAG_NONE) {
            fail(c, "unknown tag '%.*s'", (int)(p - name > 16 ? 16 : p - name), name);
            return -1;
        }
        if (seen & ((uint64_t)1 << tag)) {
            fail(c, "tag '%.*s' given twice", (int)(p - name), name);
            return -1;
        }
        seen |= (uint64_t)1 << tag;
        if (p >= e || *p != ':') {
            fail(c, "expected ':' after tag name");
            return -1;
        }
        p = skip_sp(p + 1, e);
        double v;
        const char *q = parse_num(p, e, &v);
        if (!q) {
            fail(c, "expected a non-negative number");
            return -1;
        }
        p = skip_sp(q, e);
        y->tag[y->n] = (uint8_t)tag;
        y->val[y->n] = v;
        y->n++;
        if (p < e && *p == ',') {
            p = skip_sp(p + 1, e);
            continue;
        }
        if (p < e && *p == '}') {
            p = skip_sp(p + 1, e);
            break;
        }
        fail(c, p >= e ? "line ends inside '{ ... }'" : "expected ',' or '}'");
        return -1;
    }
    if (p != e) {
        fail(c, "unexpected text after '}'");
        return -1;
    }
    return 1;
}

static char *slurp(ctx *c, size_t *len)
{
    const char *why;
    char *buf = dyad_read_file_max(c->path, MAX_FILE, len, &why);
    if (!buf) {
        if (why)
            fail(c, "%s", why);
        else
            fail(c, "cannot open: %s", strerror(errno));
    }
    return buf;
}

typedef int (*line_fn)(dyad_tagger *t, ctx *c, const yline *y);

/* Reads path line by line; calls fn for each entry. Returns the number of entries,
 * or -1 (error reported). */
static long each_line(dyad_tagger *t, ctx *c, line_fn fn, size_t *nlines)
{
    size_t len;
    char *buf = slurp(c, &len);
    if (!buf)
        return -1;
    if (nlines) {
        size_t k = 1;
        for (const char *q = buf; (q = memchr(q, '\n', len - (size_t)(q - buf))); q++)
            k++;
        *nlines = k;
    }
    if (fn == NULL) {   /* only counting */
        free(buf);
        return 0;
    }
    long count = 0;
    const char *p = buf, *end = buf + len;
    c->line = 0;
    yline y;
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q)
            q = end;
        c->line++;
        int r = parse_line(c, p, q, &y);
        if (r < 0 || (r > 0 && fn(t, c, &y) < 0)) {
            free(buf);
            return -1;
        }
        count += r;
        p = q + 1;
    }
    free(buf);
    if (count == 0) {
        c->line = c->line ? c->line : 1;
        fail(c, "no entries");
        return -1;
    }
    return count;
}

/* ---- loading ---------------------------------------------------------------- */

/* A regular past form ("arrested") is both VBD and VBN in English, but the
 * training counts often saw only one of the two: "arrested" has only vbn, so
 * "Police arrested 12 protesters" could never get VBD. For a lower-case word in
 * -ed that has exactly one of the two, the other is added with 30% of its count
 * (at least 1). */
static void complete_ed(yline *y)
{
    if (y->klen < 4 || y->key[y->klen - 1] != 'd' || y->key[y->klen - 2] != 'e')
        return;
    for (size_t i = 0; i < y->klen; i++)
        if (!is_lower_ascii((unsigned char)y->key[i]))
            return;
    int vbd = -1, vbn = -1;
    for (int i = 0; i < y->n; i++) {
        if (y->tag[i] == TAG_VBD)
            vbd = i;
        if (y->tag[i] == TAG_VBN)
            vbn = i;
    }
    if ((vbd < 0) == (vbn < 0) || y->n >= TAG_COUNT)
        return;
    double have = y->val[vbd >= 0 ? vbd : vbn] * 0.3;
    y->tag[y->n] = vbd >= 0 ? TAG_VBN : TAG_VBD;
    y->val[y->n] = have > 1 ? have : 1;
    y->n++;
}

static int add_word(dyad_tagger *t, ctx *c, const yline *y0)
{
    yline ycopy;
    const yline *y = y0;
    if (y0->klen >= 4 && y0->key[y0->klen - 1] == 'd' && y0->key[y0->klen - 2] == 'e') {
        ycopy = *y0;
        complete_ed(&ycopy);
        y = &ycopy;
    }
    uint32_t h = hash_bytes((const unsigned char *)y->key, y->klen);
    if (lookup_h(t, y->key, y->klen, h)) {
        fail(c, "duplicate key '%.*s'", (int)(y->klen > 40 ? 40 : y->klen), y->key);
        return -1;
    }
    int n = 0;
    for (int i = 0; i < y->n; i++)
        n += y->val[i] > 0;
    if (n == 0) {
        fail(c, "no positive count");
        return -1;
    }
    if (n > MAXC)
        n = MAXC;
    if ((size_t)t->nwords + 1 > (size_t)t->mask / 2) {
        fail(c, "too many entries");   /* the table was sized from the line count */
        return -1;
    }
    size_t need = sizeof(lexrec) + (size_t)n * (sizeof(float) + 1) + y->klen;
    need = (need + 3) & ~(size_t)3;
    if (t->pool_len + need > t->pool_cap) {
        size_t cap = t->pool_cap ? t->pool_cap * 2 : 1 << 20;
        while (cap < t->pool_len + need)
            cap *= 2;
        if (cap > 0xffffffffu) {
            fail(c, "lexicon too large");
            return -1;
        }
        unsigned char *np = realloc(t->pool, cap);
        if (!np) {
            fail(c, "out of memory");
            return -1;
        }
        t->pool = np;
        t->pool_cap = cap;
    }
    uint32_t off = (uint32_t)t->pool_len;
    lexrec *r = (lexrec *)(void *)(t->pool + off);
    r->klen = (uint16_t)y->klen;
    r->n = (uint8_t)n;
    r->has_jj = 0;
    uint8_t *tags = (uint8_t *)(r->emit + n);
    int k = 0;
    for (int i = 0; i < y->n && k < n; i++) {
        if (y->val[i] <= 0)
            continue;
        r->emit[k] = (float)y->val[i];         /* a count until finish_words() */
        tags[k] = y->tag[i];
        r->has_jj |= y->tag[i] == TAG_JJ;
        t->tag_total[y->tag[i]] += y->val[i];
        t->grand_total += y->val[i];
        k++;
    }
    memcpy(tags + n, y->key, y->klen);
    t->pool_len += need;
    uint32_t i = h & t->mask;
    while (t->slots[i].off)
        i = (i + 1) & t->mask;
    t->slots[i].hash = h;
    t->slots[i].off = off + 1;
    t->nwords++;
    return 0;
}

static double log_total(const dyad_tagger *t, int tag)
{
    double v = t->tag_total[tag];
    return log(v > 0 ? v : 1.0);
}

static void finish_words(dyad_tagger *t)
{
    for (uint32_t i = 0; i <= t->mask; i++) {
        if (!t->slots[i].off)
            continue;
        lexrec *r = (lexrec *)(void *)(t->pool + t->slots[i].off - 1);
        const uint8_t *tags = rec_tags(r);
        for (int k = 0; k < r->n; k++)
            r->emit[k] = (float)(log(r->emit[k]) - log_total(t, tags[k]));
    }
}

static int add_unknown(dyad_tagger *t, ctx *c, const yline *y)
{
    int cls = -1;
    for (int i = 0; i < UNK_N; i++)
        if (strlen(unk_names[i]) == y->klen && memcmp(unk_names[i], y->key, y->klen) == 0)
            cls = i;
    if (cls < 0)
        return 0;   /* a class this tagger does not use */
    cands *u = &t->unk[cls];
    if (u->n) {
        fail(c, "duplicate class '%s'", unk_names[cls]);
        return -1;
    }
    double sum = 0;
    for (int i = 0; i < y->n; i++)
        sum += y->val[i];
    if (!(sum > 0)) {
        fail(c, "no positive count");
        return -1;
    }
    double lg = log(t->grand_total > 0 ? t->grand_total : 1.0);
    for (int i = 0; i < y->n && u->n < MAXC; i++) {
        if (y->val[i] <= 0)
            continue;
        /* log(P(tag | class) / P(tag)) */
        u->tag[u->n] = y->tag[i];
        u->emit[u->n] = (float)(log(y->val[i] / sum) - (log_total(t, y->tag[i]) - lg));
        u->n++;
    }
    return 0;
}

static int add_trans(dyad_tagger *t, ctx *c, const yline *y)
{
    dyad_tag from = dyad_tag_from_lingua(y->key, y->klen);
    if (from == TAG_NONE) {
        fail(c, "unknown tag '%.*s'", (int)(y->klen > 16 ? 16 : y->klen), y->key);
        return -1;
    }
    float *row = t->trans[from];
    if (t->rows_seen & ((uint64_t)1 << from)) {
        fail(c, "duplicate row '%.*s'", (int)y->klen, y->key);
        return -1;
    }
    t->rows_seen |= (uint64_t)1 << from;
    for (int i = 0; i < y->n; i++) {
        if (y->val[i] > 1) {
            fail(c, "probability above 1");
            return -1;
        }
        if (y->val[i] > 0)
            row[y->tag[i]] = (float)log(y->val[i]);
    }
    return 0;
}

void dyad_tagger_free(dyad_tagger *t)
{
    if (!t)
        return;
    if (!t->borrowed) {
        free(t->slots);
        free(t->pool);
    }
    free(t);
}

static int join_path(char *out, size_t cap, const char *dir, const char *file)
{
    int k = snprintf(out, cap, "%s/%s", dir, file);
    return k < 0 || (size_t)k >= cap ? -1 : 0;
}

dyad_tagger *dyad_tagger_load(const char *dir, char *err, size_t errlen)
{
    char path[4096];
    ctx c = { path, 0, err, errlen };
    if (err && errlen)
        err[0] = 0;
    if (!dir)
        dir = DYAD_TAGGER_DEFAULT_DIR;
    dyad_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        if (err && errlen)
            snprintf(err, errlen, "%s:0: out of memory", dir);
        return NULL;
    }
    const char *files[3] = { "words.yml", "unknown.yml", "tags.yml" };
    for (int f = 0; f < 3; f++) {
        if (join_path(path, sizeof path, dir, files[f]) < 0) {
            c.path = files[f];
            fail(&c, "path too long");
            goto bad;
        }
        c.line = 0;
        if (f == 0) {
            size_t nlines;
            if (each_line(t, &c, NULL, &nlines) < 0)
                goto bad;
            uint32_t cap = 16;
            while (cap < 2 * nlines + 2 && cap < (1u << 30))
                cap *= 2;
            t->slots = calloc(cap, sizeof *t->slots);
            if (!t->slots) {
                fail(&c, "out of memory");
                goto bad;
            }
            t->mask = cap - 1;
            if (each_line(t, &c, add_word, NULL) < 0)
                goto bad;
            finish_words(t);
        } else if (f == 1) {
            if (each_line(t, &c, add_unknown, NULL) < 0)
                goto bad;
            if (t->unk[UNK_UNKNOWN].n == 0) {
                fail(&c, "no class '-unknown-'");
                goto bad;
            }
        } else {
            for (int a = 0; a < TAG_COUNT; a++)
                for (int b = 0; b < TAG_COUNT; b++)
                    t->trans[a][b] = NAN;
            if (each_line(t, &c, add_trans, NULL) < 0)
                goto bad;
            if (!(t->rows_seen & ((uint64_t)1 << TAG_PP))) {
                fail(&c, "no row for 'pp' (the sentence start)");
                goto bad;
            }
        }
    }
    /* rows and cells never given get the floor */
    float floor_lp = (float)log(TRANS_FLOOR);
    for (int a = 0; a < TAG_COUNT; a++)
        for (int b = 0; b < TAG_COUNT; b++)
            if (isnan(t->trans[a][b]))
                t->trans[a][b] = floor_lp;
    /* classes unknown.yml lacks fall back to -unknown-, -sym- to SYM */
    for (int i = 0; i < UNK_N; i++)
        if (t->unk[i].n == 0) {
            if (i == UNK_SYM) {
                t->unk[i].n = 1;
                t->unk[i].tag[0] = TAG_SYM;
                t->unk[i].emit[0] = 0;
            } else {
                t->unk[i] = t->unk[UNK_UNKNOWN];
            }
        }
    return t;
bad:
    dyad_tagger_free(t);
    return NULL;
}


/* ---- the compiled cache (cache.c) ---------------------------------------------- */

/* The head is the struct itself with its two pointers cleared: a new pointer in
 * it must be handled in export and import before this size is updated. */
#if UINTPTR_MAX == 0xffffffffffffffffu
_Static_assert(sizeof(dyad_tagger) == 9896, "struct dyad_tagger changed: update the cache functions");
#endif

size_t dyad_tagger_head_size(void) { return sizeof(dyad_tagger); }

void dyad_tagger_export(const dyad_tagger *t, void *head, dyad_tagger_table *slots,
                        dyad_tagger_table *pool)
{
    dyad_tagger h = *t;
    h.slots = NULL;
    h.pool = NULL;
    h.pool_cap = 0;
    h.rows_seen = 0;
    h.borrowed = 0;
    memcpy(head, &h, sizeof h);
    slots->p = t->slots;
    slots->len = ((size_t)t->mask + 1) * sizeof(slot);
    pool->p = t->pool;
    pool->len = t->pool_len;
}

static int cands_ok(const cands *c)
{
    if (c->n > MAXC)
        return 0;
    for (int i = 0; i < c->n; i++)
        if (c->tag[i] >= TAG_COUNT)
            return 0;
    return 1;
}

/* Walks the pool record by record (they lie end to end), checking each and marking
 * where each starts; returns the bitmap (one bit per 4 bytes) or NULL. */
static uint64_t *walk_pool(const dyad_tagger *t, uint32_t *nrec)
{
    size_t words = t->pool_len / 4 / 64 + 1;
    uint64_t *starts = calloc(words, sizeof *starts);
    if (!starts)
        return NULL;
    size_t o = 0;
    *nrec = 0;
    while (o < t->pool_len) {
        if (t->pool_len - o < sizeof(lexrec))
            goto bad;
        const lexrec *r = rec_at(t, (uint32_t)o);
        size_t need = sizeof(lexrec) + (size_t)r->n * (sizeof(float) + 1) + r->klen;
        need = (need + 3) & ~(size_t)3;
        if (r->n == 0 || r->n > MAXC || need > t->pool_len - o)
            goto bad;
        const uint8_t *tags = rec_tags(r);
        for (int k = 0; k < r->n; k++)
            if (tags[k] >= TAG_COUNT)
                goto bad;
        starts[o / 4 / 64] |= (uint64_t)1 << (o / 4 % 64);
        (*nrec)++;
        o += need;
    }
    return starts;
bad:
    free(starts);
    return NULL;
}

/* off (+1; 0 = none) names the start of a record */
static int rec_start(const dyad_tagger *t, const uint64_t *starts, uint32_t off)
{
    size_t o = (size_t)off - 1;
    return off && o < t->pool_len && !(o & 3) && ((starts[o / 4 / 64] >> (o / 4 % 64)) & 1);
}

dyad_tagger *dyad_tagger_import(const void *head, size_t head_len, dyad_tagger_table slots,
                                dyad_tagger_table pool, const uint32_t *recs, size_t n_recs)
{
    if (head_len != sizeof(dyad_tagger))
        return NULL;
    dyad_tagger *t = malloc(sizeof *t);
    if (!t)
        return NULL;
    memcpy(t, head, sizeof *t);
    t->slots = (slot *)(uintptr_t)slots.p;
    t->pool = (unsigned char *)(uintptr_t)pool.p;
    t->pool_cap = pool.len;
    t->borrowed = 1;
    uint64_t *starts = NULL;
    size_t nslots = (size_t)t->mask + 1;
    if (nslots < 2 || (nslots & t->mask) || t->mask > 0xffffffffu / 2 ||
        slots.len != nslots * sizeof(slot) || pool.len != t->pool_len || pool.len > 0xffffffffu ||
        ((uintptr_t)slots.p & 7) || ((uintptr_t)pool.p & 7) || t->nwords >= nslots)
        goto bad;
    for (int i = 0; i < UNK_N; i++)
        if (!cands_ok(&t->unk[i]))
            goto bad;
    uint32_t nrec;
    starts = walk_pool(t, &nrec);
    if (!starts || nrec != t->nwords)
        goto bad;
    /* every used slot names a record; probing needs an empty slot */
    uint32_t used = 0;
    for (size_t i = 0; i < nslots; i++) {
        uint32_t off = t->slots[i].off;
        if (!off)
            continue;
        used++;
        if (!rec_start(t, starts, off))
            goto bad;
    }
    if (used != t->nwords)
        goto bad;
    for (size_t i = 0; i < n_recs; i++)
        if (recs[i] && !rec_start(t, starts, recs[i]))
            goto bad;
    free(starts);
    return t;
bad:
    free(starts);
    free(t);
    return NULL;
}

uint32_t dyad_tagger_rec_offset(const dyad_tagger *t, const void *rec)
{
    return rec ? (uint32_t)((const unsigned char *)rec - t->pool) + 1 : 0;
}

const void *dyad_tagger_rec_from_offset(const dyad_tagger *t, uint32_t off)
{
    if (!off || off > t->pool_len)
        return NULL;
    return rec_at(t, off - 1);
}
