/* morph.c - English verb forms and noun plurals.
 *
 * WordNet's exception lists map inflected forms to base forms ("gave give"); they
 * are inverted at load time into base -> forms records, kept in a byte pool and
 * found through an open-addressing table. Everything else is spelling rules.
 *
 * Verbs. The lemma, then:
 *   -s    regular (try -> tries, go -> goes, push -> pushes), except be and have,
 *         whose WordNet forms ("is", "has") are the 3rd person;
 *   past  every WordNet form that is not an -ing or -s form ("gave", "given",
 *         "beaten", "was"); the regular -ed only when WordNet lists no such form
 *         (so "give" has no "gived", while "stopped" is both). A WordNet form that is
 *         just the doubled spelling (stop -> stopped, travel -> travelled) is
 *         emitted but does not suppress the regular form. Verbs whose past is the
 *         lemma itself (hit, cut, put, set: WordNet lists only "hitting") get no
 *         -ed, nor do a few WordNet does not list (cost, hurt, spread...);
 *   -ing  the WordNet one when listed ("dying"), else regular.
 * Doubling: monosyllables ending consonant-vowel-consonant (stop, plan, ban) and
 * a list of stressed-final-syllable verbs (refer, commit, control...); -ic takes
 * a k (panicked).
 *
 * Nouns. The noun, then WordNet's plurals when it lists any ("men", "thieves"),
 * else: nothing for a few invariant nouns (sheep, series, police), person ->
 * people and persons, -man -> -men (spokesman), and the regular plural (armies,
 * boxes, troops). A noun WordNet lists as a plural (data, men) gets no plural. */
#include "morph.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAXWORD 255         /* longest word kept from a file */
#define GEN_MAX 200         /* longest lemma inflected by rule */
#define MAX_FILE (64u << 20)

typedef struct {
    uint32_t hash, off;     /* off: record offset + 1; 0 = empty */
} slot;

/* Record: uint8 klen, uint8 nforms, key bytes, then per form uint8 len + bytes. */
typedef struct {
    slot *slots;
    uint32_t mask;
    unsigned char *pool;
    size_t pool_len;
} table;

struct dyad_morph {
    table verb, noun;
};

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

static const unsigned char *table_find(const table *t, const char *s, size_t n)
{
    if (!t->slots || n > MAXWORD)
        return NULL;
    uint32_t h = hash_bytes(s, n);
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        const slot *sl = &t->slots[i];
        if (!sl->off)
            return NULL;
        if (sl->hash == h) {
            const unsigned char *r = t->pool + sl->off - 1;
            if (r[0] == n && memcmp(r + 2, s, n) == 0)
                return r;
        }
    }
}

/* ---- loading ------------------------------------------------------------------ */

typedef struct {
    const char *base, *form;
    uint8_t blen, flen;
    uint32_t order;
} pair;

static void fail(char *err, size_t errlen, const char *path, unsigned line, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    int k = snprintf(err, errlen, "%s:%u: ", path, line);
    if (k < 0 || (size_t)k >= errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
    va_end(ap);
}

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    size_t n = x->blen < y->blen ? x->blen : y->blen;
    int c = memcmp(x->base, y->base, n);
    if (c)
        return c;
    if (x->blen != y->blen)
        return x->blen < y->blen ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void table_free(table *t)
{
    free(t->slots);
    free(t->pool);
    memset(t, 0, sizeof *t);
}

/* Reads path into *out (NUL-terminated). Returns 1, 0 if the file does not exist,
 * -1 on error. */
static int slurp(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
    const char *why;
    char *buf = dyad_read_file_max(path, MAX_FILE, len, &why);
    if (!buf) {
        if (!why && errno == ENOENT)
            return 0;
        if (why)
            fail(err, errlen, path, 0, "%s", why);
        else
            fail(err, errlen, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    *out = buf;
    return 1;
}

/* Loads one exception list. mark_forms: also enter each inflected form that is
 * not a base, with no forms, so that it can be recognized as inflected. */
static int load_exc(table *t, const char *dir, const char *file, int mark_forms,
                    char *err, size_t errlen)
{
    char path[4096];
    int k = snprintf(path, sizeof path, "%s/%s", dir, file);
    if (k < 0 || (size_t)k >= sizeof path) {
        fail(err, errlen, file, 0, "path too long");
        return -1;
    }
    char *buf;
    size_t len;
    int r = slurp(path, &buf, &len, err, errlen);
    if (r <= 0)
        return r;
    /* pass 1: the (base, form) pairs, pointing into buf */
    size_t np = 0, cap = 1024;
    pair *pairs = malloc(cap * sizeof *pairs);
    unsigned line = 0;
    const char *p = buf, *end = buf + len;
    int rc = -1;
    if (!pairs) {
        fail(err, errlen, path, 0, "out of memory");
        goto out;
    }
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q)
            q = end;
        line++;
        const char *e = q;
        while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        const char *fld[16];
        size_t flen[16];
        int nf = 0;
        for (const char *s = p; s < e;) {
            while (s < e && (*s == ' ' || *s == '\t'))
                s++;
            if (s >= e)
                break;
            const char *w = s;
            while (s < e && *s != ' ' && *s != '\t') {
                if ((unsigned char)*s < 0x20 || *s == 0x7f) {
                    fail(err, errlen, path, line, "control character in line");
                    goto out;
                }
                s++;
            }
            if (nf == 16) {
                fail(err, errlen, path, line, "more than 16 fields");
                goto out;
            }
            if ((size_t)(s - w) > MAXWORD) {
                fail(err, errlen, path, line, "word longer than %d bytes", MAXWORD);
                goto out;
            }
            fld[nf] = w;
            flen[nf++] = (size_t)(s - w);
        }
        if (nf == 1) {
            fail(err, errlen, path, line, "expected 'inflected base [base...]'");
            goto out;
        }
        for (int i = 1; i < nf; i++) {
            if (np == cap) {
                pair *nb = realloc(pairs, cap * 2 * sizeof *pairs);
                if (!nb) {
                    fail(err, errlen, path, line, "out of memory");
                    goto out;
                }
                pairs = nb;
                cap *= 2;
            }
            pairs[np] = (pair){ fld[i], fld[0], (uint8_t)flen[i], (uint8_t)flen[0],
                                (uint32_t)np };
            np++;
        }
        p = q + 1;
    }
    /* pass 2: group by base into records */
    qsort(pairs, np, sizeof *pairs, cmp_pair);
    size_t pool_cap = 16;
    for (size_t i = 0; i < np; i++)
        pool_cap += 2u + pairs[i].blen + 1u + pairs[i].flen + (mark_forms ? 2u + pairs[i].flen : 0);
    uint32_t scap = 16;
    while (scap < 4 * np + 2)
        scap *= 2;
    t->pool = malloc(pool_cap);
    t->slots = calloc(scap, sizeof *t->slots);
    if (!t->pool || !t->slots) {
        fail(err, errlen, path, 0, "out of memory");
        goto out;
    }
    t->mask = scap - 1;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        unsigned char *rec = t->pool + t->pool_len;
        rec[0] = pairs[i].blen;
        memcpy(rec + 2, pairs[i].base, pairs[i].blen);
        size_t o = 2u + pairs[i].blen;
        int nforms = 0;
        for (; j < np && pairs[j].blen == pairs[i].blen &&
               memcmp(pairs[j].base, pairs[i].base, pairs[i].blen) == 0; j++) {
            if (nforms == 255)
                continue;
            rec[o] = pairs[j].flen;
            memcpy(rec + o + 1, pairs[j].form, pairs[j].flen);
            o += 1u + pairs[j].flen;
            nforms++;
        }
        rec[1] = (unsigned char)nforms;
        uint32_t h = hash_bytes(pairs[i].base, pairs[i].blen);
        uint32_t s = h & t->mask;
        while (t->slots[s].off)
            s = (s + 1) & t->mask;
        t->slots[s].hash = h;
        t->slots[s].off = (uint32_t)t->pool_len + 1;
        t->pool_len += o;
        i = j;
    }
    for (size_t i = 0; mark_forms && i < np; i++) {
        const char *f = pairs[i].form;
        size_t fl = pairs[i].flen;
        if (table_find(t, f, fl))
            continue;
        unsigned char *rec = t->pool + t->pool_len;
        rec[0] = (unsigned char)fl;
        rec[1] = 0;
        memcpy(rec + 2, f, fl);
        uint32_t h = hash_bytes(f, fl);
        uint32_t s = h & t->mask;
        while (t->slots[s].off)
            s = (s + 1) & t->mask;
        t->slots[s].hash = h;
        t->slots[s].off = (uint32_t)t->pool_len + 1;
        t->pool_len += 2u + fl;
    }
    rc = 0;
out:
    free(pairs);
    free(buf);
    return rc;
}

void dyad_morph_free(dyad_morph *m)
{
    if (!m)
        return;
    table_free(&m->verb);
    table_free(&m->noun);
    free(m);
}

dyad_morph *dyad_morph_load(const char *dir, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = 0;
    if (!dir)
        dir = DYAD_WORDNET_DEFAULT_DIR;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fail(err, errlen, dir, 0, "not a directory");
        return NULL;
    }
    dyad_morph *m = calloc(1, sizeof *m);
    if (!m) {
        fail(err, errlen, dir, 0, "out of memory");
        return NULL;
    }
    if (load_exc(&m->verb, dir, "verb.exc", 0, err, errlen) < 0 ||
        load_exc(&m->noun, dir, "noun.exc", 1, err, errlen) < 0) {
        dyad_morph_free(m);
        return NULL;
    }
    return m;
}

/* ---- generation --------------------------------------------------------------- */

#define MAXFORMS 48

typedef struct {
    dyad_form_fn fn;
    void *ud;
    int n;
    const char *seen[MAXFORMS];
    size_t seen_len[MAXFORMS];
    char store[MAXFORMS][GEN_MAX + 8];
} emitter;

/* Calls fn unless the form was already given. */
static void emit(emitter *e, const char *s, size_t n)
{
    for (int i = 0; i < e->n; i++)
        if (e->seen_len[i] == n && memcmp(e->seen[i], s, n) == 0)
            return;
    if (e->n < MAXFORMS) {
        e->seen[e->n] = s;      /* s stays valid: lemma, pool or e->store */
        e->seen_len[e->n] = n;
        e->n++;
    }
    e->fn(e->ud, s, n);
}

/* Builds stem[0..keep) + suffix in a store slot and emits it. */
static void emit_suffix(emitter *e, const char *s, size_t keep, const char *suf)
{
    size_t k = strlen(suf);
    if (e->n >= MAXFORMS || keep > GEN_MAX)
        return;
    char *b = e->store[e->n];
    memcpy(b, s, keep);
    memcpy(b + keep, suf, k);
    emit(e, b, keep + k);
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static int ends(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static int in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return 1;
    return 0;
}

/* Verbs stressed on a final consonant-vowel-consonant syllable. */
static const char *const double_list[] = {
    "abet", "abhor", "acquit", "admit", "allot", "annul", "commit", "compel", "concur",
    "confer", "control", "defer", "deter", "dispel", "emit", "enrol", "equip", "excel",
    "expel", "extol", "forbid", "handicap", "impel", "incur", "infer", "kidnap",
    "occur", "omit", "outwit", "patrol", "permit", "prefer", "propel", "rebel",
    "recur", "refer", "regret", "remit", "repel", "submit", "transfer", "transmit",
    "unwrap", "worship", NULL
};

/* Doubles the final consonant before -ed / -ing? */
static int doubles(const char *s, size_t n)
{
    if (n < 2)
        return 0;
    char last = s[n - 1], prev = s[n - 2];
    if (is_vowel(last) || last == 'w' || last == 'x' || last == 'y' ||
        !(last >= 'a' && last <= 'z'))
        return 0;
    if (in_list(double_list, s, n))
        return 1;
    if (!is_vowel(prev) || (n >= 3 && is_vowel(s[n - 3]) && !(s[n - 3] == 'u' && n >= 4 && s[n - 4] == 'q')))
        return 0;
    /* one syllable: a single vowel group ('u' after 'q' is not a vowel) */
    int groups = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int v = is_vowel(s[i]) && !(s[i] == 'u' && i > 0 && s[i - 1] == 'q');
        if (v && !in)
            groups++;
        in = v;
    }
    return groups == 1 && n >= 3;
}

static int cons_y(const char *s, size_t n)
{
    return n >= 2 && s[n - 1] == 'y' && !is_vowel(s[n - 2]);
}

/* -s / -es / -ies; o_es: consonant + o takes -es (goes, vetoes), as verbs do */
static void regular_s(emitter *e, const char *s, size_t n, int o_es)
{
    if (cons_y(s, n))
        emit_suffix(e, s, n - 1, "ies");
    else if (ends(s, n, "s") || ends(s, n, "x") || ends(s, n, "z") || ends(s, n, "ch") ||
             ends(s, n, "sh") || (o_es && n >= 2 && s[n - 1] == 'o' && !is_vowel(s[n - 2])))
        emit_suffix(e, s, n, "es");
    else
        emit_suffix(e, s, n, "s");
}

static void regular_ed(emitter *e, const char *s, size_t n)
{
    if (ends(s, n, "e"))
        emit_suffix(e, s, n, "d");
    else if (cons_y(s, n))
        emit_suffix(e, s, n - 1, "ied");
    else if (n >= 4 && ends(s, n, "ic"))
        emit_suffix(e, s, n, "ked");      /* panicked, trafficked */
    else if (doubles(s, n)) {
        char suf[4] = { s[n - 1], 'e', 'd', 0 };
        emit_suffix(e, s, n, suf);
    } else
        emit_suffix(e, s, n, "ed");
}

static void regular_ing(emitter *e, const char *s, size_t n)
{
    if (ends(s, n, "ie"))
        emit_suffix(e, s, n - 2, "ying");
    else if (n > 2 && s[n - 1] == 'e' && !ends(s, n, "ee") && !ends(s, n, "ye") &&
             !ends(s, n, "oe"))
        emit_suffix(e, s, n - 1, "ing");
    else if (n >= 4 && ends(s, n, "ic"))
        emit_suffix(e, s, n, "king");
    else if (doubles(s, n)) {
        char suf[5] = { s[n - 1], 'i', 'n', 'g', 0 };
        emit_suffix(e, s, n, suf);
    } else
        emit_suffix(e, s, n, "ing");
}

/* lemma + its last letter + suf, e.g. stop + p + "ed" */
static int is_doubled(const char *lemma, size_t n, const unsigned char *f, size_t fl,
                      const char *suf)
{
    size_t k = strlen(suf);
    return n > 0 && fl == n + 1 + k && memcmp(f, lemma, n) == 0 &&
           f[n] == (unsigned char)lemma[n - 1] && memcmp(f + n + 1, suf, k) == 0;
}

/* Verbs whose past is the lemma and that WordNet does not mark. */
static const char *const zero_past[] = {
    "broadcast", "burst", "cast", "cost", "forecast", "hurt", "read", "spread",
    "thrust", "upset", NULL
};

void dyad_morph_verb_forms(const dyad_morph *m, const char *lemma, size_t len,
                           dyad_form_fn fn, void *ud)
{
    if (!lemma || len == 0)
        return;
    emitter e;
    e.fn = fn;
    e.ud = ud;
    e.n = 0;
    emit(&e, lemma, len);
    if (len > GEN_MAX)
        return;
    const unsigned char *rec = m ? table_find(&m->verb, lemma, len) : NULL;
    int wn_past = 0, wn_ing = 0, wn_dbl_ing = 0, wn_dbl_ed = 0;
    int no_s = (len == 2 && memcmp(lemma, "be", 2) == 0) ||
               (len == 4 && memcmp(lemma, "have", 4) == 0);
    if (rec) {
        const unsigned char *f = rec + 2 + rec[0];
        for (int i = 0; i < rec[1]; f += 1 + f[0], i++) {
            const unsigned char *w = f + 1;
            size_t fl = f[0];
            if (is_doubled(lemma, len, w, fl, "ing")) {
                wn_dbl_ing = 1;     /* hitting, travelling: spelling only */
            } else if (fl >= 3 && memcmp(w + fl - 3, "ing", 3) == 0) {
                wn_ing = 1;
            } else if (is_doubled(lemma, len, w, fl, "ed")) {
                wn_dbl_ed = 1;
            } else if (fl == 0 || w[fl - 1] != 's') {
                wn_past = 1;
            }
        }
    }
    if (!no_s)
        regular_s(&e, lemma, len, 1);
    if (rec) {
        const unsigned char *f = rec + 2 + rec[0];
        for (int i = 0; i < rec[1]; f += 1 + f[0], i++)
            emit(&e, (const char *)f + 1, f[0]);
    }
    char last = lemma[len - 1];
    int zero = in_list(zero_past, lemma, len) ||
               (wn_dbl_ing && !wn_dbl_ed && !wn_past && (last == 't' || last == 'd'));
    if (!wn_past && !zero)
        regular_ed(&e, lemma, len);
    if (!wn_ing)
        regular_ing(&e, lemma, len);
}

/* Nouns whose plural is the noun (or that are plural already). */
static const char *const invariant[] = {
    "aircraft", "corps", "deer", "fish", "headquarters", "means", "moose", "news",
    "offspring", "personnel", "police", "series", "sheep", "species", "swine", NULL
};

static const char *const man_not_men[] = {
    "caiman", "cayman", "desman", "dolman", "german", "human", "ottoman", "roman",
    "shaman", "talisman", "walkman", NULL
};

void dyad_morph_noun_forms(const dyad_morph *m, const char *noun, size_t len,
                           dyad_form_fn fn, void *ud)
{
    if (!noun || len == 0)
        return;
    emitter e;
    e.fn = fn;
    e.ud = ud;
    e.n = 0;
    emit(&e, noun, len);
    if (len > GEN_MAX)
        return;
    const unsigned char *rec = m ? table_find(&m->noun, noun, len) : NULL;
    if (rec && rec[1] == 0)
        return;     /* already a plural WordNet lists (data, media, men) */
    if (rec) {
        int irregular = 0;
        const unsigned char *f = rec + 2 + rec[0];
        for (int i = 0; i < rec[1]; f += 1 + f[0], i++) {
            emit(&e, (const char *)f + 1, f[0]);
            irregular |= !is_doubled(noun, len, f + 1, f[0], "es") &&   /* busses */
                         !(f[0] == len && memcmp(f + 1, noun, len) == 0); /* gas gas */
        }
        if (irregular)
            return;
    }
    if (in_list(invariant, noun, len))
        return;
    if (len == 6 && memcmp(noun, "person", 6) == 0) {
        emit(&e, "people", 6);
        emit_suffix(&e, noun, len, "s");
        return;
    }
    if (ends(noun, len, "man") && !in_list(man_not_men, noun, len)) {
        emit_suffix(&e, noun, len - 2, "en");
        return;
    }
    regular_s(&e, noun, len, 0);
}
