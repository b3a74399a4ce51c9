/* tagger.c - bigram HMM part-of-speech tagger over Lingua::EN::Tagger's data.
 *
 * Model. words.yml gives count(word, tag); tag totals are summed from it, and the
 * emission score of a known word is log(count(word, tag) / count(tag)). Unknown
 * words are put in a class by their shape (unknown.yml gives P(tag | class)); their
 * score is log(P(tag | class) / P(tag)), which differs from log P(word | tag) only
 * by a factor that is the same for every tag of the word and so cannot change the
 * best path. tags.yml gives P(next tag | tag); a sentence starts after "pp" (a
 * sentence end), as in the Perl module. Viterbi runs over each token's candidate
 * tags only.
 *
 * Lexicon layout. Every word is one record in a byte pool: a header, its emission
 * scores, its tags and its key bytes. An open-addressing table of (hash, offset)
 * pairs finds a record with, usually, two cache misses and no allocation. */
#include "tagger_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tag names ------------------------------------------------------------ */

static const char *const tag_names[TAG_COUNT] = {
    [TAG_NONE] = "", [TAG_CC] = "CC", [TAG_CD] = "CD", [TAG_DT] = "DT", [TAG_EX] = "EX",
    [TAG_FW] = "FW", [TAG_IN] = "IN", [TAG_JJ] = "JJ", [TAG_JJR] = "JJR",
    [TAG_JJS] = "JJS", [TAG_LRB] = "LRB", [TAG_LS] = "LS", [TAG_MD] = "MD",
    [TAG_NN] = "NN", [TAG_NNP] = "NNP", [TAG_NNPS] = "NNPS", [TAG_NNS] = "NNS",
    [TAG_PDT] = "PDT", [TAG_POS] = "POS", [TAG_PP] = "PP", [TAG_PPC] = "PPC",
    [TAG_PPD] = "PPD", [TAG_PPL] = "PPL", [TAG_PPR] = "PPR", [TAG_PPS] = "PPS",
    [TAG_PRP] = "PRP", [TAG_PRPS] = "PRPS", [TAG_RB] = "RB", [TAG_RBR] = "RBR",
    [TAG_RBS] = "RBS", [TAG_RP] = "RP", [TAG_RRB] = "RRB", [TAG_SYM] = "SYM",
    [TAG_TO] = "TO", [TAG_UH] = "UH", [TAG_VB] = "VB", [TAG_VBD] = "VBD",
    [TAG_VBG] = "VBG", [TAG_VBN] = "VBN", [TAG_VBP] = "VBP", [TAG_VBZ] = "VBZ",
    [TAG_WDT] = "WDT", [TAG_WP] = "WP", [TAG_WPS] = "WPS", [TAG_WRB] = "WRB",
};

const char *dyad_tag_name(dyad_tag tag)
{
    if ((unsigned)tag >= TAG_COUNT || !tag_names[tag])
        return "";
    return tag_names[tag];
}

static int lower_ascii(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* Lingua names are the lower-cased names above, except "det" for DT. */
dyad_tag dyad_tag_from_lingua(const char *s, size_t len)
{
    char b[5];
    if (!s || len == 0 || len > 4)
        return TAG_NONE;
    for (size_t i = 0; i < len; i++)
        b[i] = (char)lower_ascii((unsigned char)s[i]);
    b[len] = 0;
    if (strcmp(b, "det") == 0)
        return TAG_DT;
    for (int t = 1; t < TAG_COUNT; t++) {
        const char *n = tag_names[t];
        size_t i = 0;
        while (i < len && n[i] && lower_ascii((unsigned char)n[i]) == b[i])
            i++;
        if (i == len && n[i] == 0)
            return (dyad_tag)t;
    }
    return TAG_NONE;
}


/* ---- tagging ---------------------------------------------------------------- */

typedef struct {
    uint8_t n;
    uint8_t tag[MAXC];
    uint8_t bp[MAXC];
    float sc[MAXC];
} vpos;

/* A token's candidate tags and their emission scores, read where they are: in a
 * lexicon record, an unknown-word class or the caller's scratch cands (no copy). */
typedef struct {
    int n;
    const uint8_t *tag;
    const float *emit;
} cand_view;

static cand_view view_of(const cands *c) { return (cand_view){c->n, c->tag, c->emit}; }
static cand_view view_rec(const lexrec *r) { return (cand_view){r->n, rec_tags(r), r->emit}; }

static cand_view set_one(cands *c, dyad_tag tag)
{
    c->n = 1;
    c->tag[0] = (uint8_t)tag;
    c->emit[0] = 0;
    return view_of(c);
}

static void from_rec(cands *c, const lexrec *r)
{
    c->n = r->n;
    memcpy(c->tag, rec_tags(r), r->n);
    memcpy(c->emit, r->emit, r->n * sizeof(float));
}

/* Adds r's scores to c (log of the sum of the probabilities). */
static void merge_rec(cands *c, const lexrec *r)
{
    const uint8_t *tags = rec_tags(r);
    for (int k = 0; k < r->n; k++) {
        int j = 0;
        while (j < c->n && c->tag[j] != tags[k])
            j++;
        if (j < c->n) {
            float a = c->emit[j], b = r->emit[k], m = a > b ? a : b;
            c->emit[j] = m + logf(expf(a - m) + expf(b - m));
        } else if (c->n < MAXC) {
            c->tag[c->n] = tags[k];
            c->emit[c->n] = r->emit[k];
            c->n++;
        }
    }
}

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static int ends_with(const char *s, size_t n, const char *suf, size_t k)
{
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Tag of a punctuation mark by its text; TAG_NONE when the lexicon should decide. */
static dyad_tag punct_tag(const char *text, const char *s, size_t n, uint32_t off)
{
    int opening = off == 0 || text[off - 1] == ' ' || text[off - 1] == '\t' ||
                  text[off - 1] == '\n' || text[off - 1] == '(' || text[off - 1] == '[';
    if (n == 1) {
        switch (s[0]) {
        case ',': return TAG_PPC;
        case '.': case '!': case '?': return TAG_PP;
        case '(': case '[': case '{': return TAG_LRB;
        case ')': case ']': case '}': return TAG_RRB;
        case '$': return TAG_PPD;
        case ':': case ';': case '-': return TAG_PPS;
        case '`': return TAG_PPL;
        case '"': return opening ? TAG_PPL : TAG_PPR;
        case '\'': return opening ? TAG_PPL : TAG_NONE;
        default: return TAG_NONE;
        }
    }
    if ((n == 2 && memcmp(s, "--", 2) == 0) || (n == 3 && memcmp(s, "...", 3) == 0))
        return TAG_PPS;
    if (n == 2 && memcmp(s, "``", 2) == 0)
        return TAG_PPL;
    if (n == 2 && memcmp(s, "''", 2) == 0)
        return TAG_PPR;
    if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
        switch ((unsigned char)s[2]) {
        case 0x93: case 0x94: case 0xA6: return TAG_PPS;      /* – — … */
        case 0x9C: case 0x98: return TAG_PPL;                 /* “ ‘ */
        case 0x9D: return TAG_PPR;                            /* ” */
        case 0x99: return opening ? TAG_PPL : TAG_PPR;        /* ’ */
        default: return TAG_NONE;
        }
    }
    return TAG_NONE;
}

/* Looks s up as written, then lower-cased. */
static const lexrec *lookup_word(const dyad_tagger *t, const char *s, size_t n,
                                 const lexrec **lower_out)
{
    const lexrec *r = lookup(t, s, n);
    *lower_out = NULL;
    if (n > LOOKUP_MAX)
        return r;
    char buf[LOOKUP_MAX];
    uint32_t h = 2166136261u;
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (is_upper(ch)) {
            ch = (unsigned char)(ch + 32);
            changed = 1;
        }
        buf[i] = (char)ch;
        h = (h ^ ch) * 16777619u;
    }
    if (changed)
        *lower_out = lookup_h(t, buf, n, h ? h : 1);
    return r;
}

/* Unknown-word class from the shape of the word. */
static int word_class(const dyad_tagger *t, const char *s, size_t n, int cap)
{
    int letters = 0, upper = 0, lower = 0, other = 0, hyphen = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (is_upper(ch))
            upper++, letters++;
        else if (is_lower(ch) || ch >= 0x80)
            lower += is_lower(ch), letters++;
        else if (ch == '-' && i > 0 && i + 1 < n)
            hyphen = 1;
        else if (ch != '.' && ch != '\'')
            other++;
    }
    if (letters == 0)
        return UNK_SYM;
    if (upper >= 2 && lower == 0 && other == 0)
        return UNK_ABR;
    if (cap)
        return UNK_CAP;
    if (hyphen) {
        const char *h = memchr(s, '-', n), *last = h;
        while (h) {
            last = h;
            h = memchr(h + 1, '-', n - (size_t)(h + 1 - s));
        }
        const lexrec *lo, *r = lookup_word(t, last + 1, n - (size_t)(last + 1 - s), &lo);
        if ((r && r->has_jj) || (lo && lo->has_jj))
            return UNK_HYP_ADJ;
        return UNK_HYP;
    }
    if (ends_with(s, n, "ing", 3))
        return UNK_ING;
    if (ends_with(s, n, "s", 1))
        return UNK_S;
    if (ends_with(s, n, "tion", 4))
        return UNK_TION;
    if (ends_with(s, n, "ly", 2))
        return UNK_LY;
    if (ends_with(s, n, "ed", 2))
        return UNK_ED;
    return UNK_UNKNOWN;
}

static cand_view token_cands(const dyad_tagger *t, const char *text, const dyad_token *tk,
                             int first, cands *c)
{
    cand_view v;
    const char *s = text + tk->off;
    size_t n = tk->len;
    if (tk->kind == TOK_NUMBER || tk->kind == TOK_MONEY)
        return set_one(c, TAG_CD);
    if (n == 0)
        return view_of(&t->unk[UNK_UNKNOWN]);
    if (tk->kind == TOK_PUNCT || tk->kind == TOK_SYMBOL) {
        dyad_tag p = punct_tag(text, s, n, tk->off);
        if (p != TAG_NONE)
            return set_one(c, p);
        const lexrec *r = lookup(t, s, n);
        return r ? view_rec(r) : set_one(c, TAG_SYM);
    }
    char nb[LOOKUP_MAX];
    if (n >= 3 && n <= LOOKUP_MAX && (unsigned char)s[0] == 0xE2 &&
        (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x99) {
        nb[0] = '\'';                         /* ’s -> 's */
        memcpy(nb + 1, s + 3, n - 3);
        s = nb;
        n -= 2;
    }
    const lexrec *lo, *r;
    if ((tk->tagflags & TAGF_HINT) && s == text + tk->off) {
        /* the caller looked up the lower-cased form already, and says whether the
         * token has capitals */
        if (tk->tagflags & TAGF_LOWER) {
            r = tk->tagrec;
            lo = NULL;
        } else {
            lo = tk->tagrec;
            if (!(tk->tagflags & TAGF_EXACT))
                r = NULL;
            else if (tk->tagflags & TAGF_TITLE)
                r = tk->tagrec_exact;
            else
                r = lookup(t, s, n);
        }
    } else {
        r = lookup_word(t, s, n, &lo);
    }
    int cap = is_upper((unsigned char)s[0]) || (tk->flags & TOKF_CAP);
    int title = cap && !(tk->flags & TOKF_ALLCAPS);   /* "Police", not "US" */
    for (size_t i = 1; i < n && title; i++)
        title = !is_upper((unsigned char)s[i]);
    if (r && lo && first && title) {
        from_rec(c, lo);    /* sentence start: either case may be meant */
        merge_rec(c, r);
        return view_of(c);
    }
    if (r || lo)
        return view_rec(r ? r : lo);
    if (is_digit((unsigned char)s[0])) {
        size_t i = 0, rest = 0;
        int hy = 0;
        while (i < n && is_digit((unsigned char)s[i]))
            i++;
        for (size_t k = i; k < n; k++) {
            unsigned char ch = (unsigned char)s[k];
            hy |= ch == '-';
            rest += !(is_digit(ch) || ch == '.' || ch == ',' || ch == ':' || ch == '/' ||
                      ch == '-');
        }
        if (rest == 0) {
            v = set_one(c, TAG_CD);                     /* 1,200  3:30  1-0 */
        } else if (i + 2 == n && (ends_with(s, n, "st", 2) || ends_with(s, n, "nd", 2) ||
                                  ends_with(s, n, "rd", 2) || ends_with(s, n, "th", 2)) &&
                   (r = lookup(t, "*ORD*", 5)) != NULL) {
            v = view_rec(r);                            /* 21st */
        } else if (hy) {
            v = view_of(&t->unk[word_class(t, s, n, 0)]);  /* 12-year-old */
        } else if (i + 1 == n && s[i] == 's') {
            v = set_one(c, TAG_NNS);                    /* 1990s */
        } else {
            v = set_one(c, TAG_CD);
        }
        return v;
    }
    /* an unknown -ed word after "U.S." is a past form, not a name: "the U.S.
     * Criticised" (first == 2 there) */
    if (first == 2 && n > 4 && ends_with(s, n, "ed", 2))
        cap = 0;
    return view_of(&t->unk[word_class(t, s, n, cap)]);
}

const void *dyad_tagger_find(const dyad_tagger *t, const char *s, size_t n) { return lookup(t, s, n); }

void dyad_tagger_each_word(const dyad_tagger *t, void (*fn)(void *ud, const char *s, size_t n),
                           void *ud)
{
    for (uint32_t i = 0; i <= t->mask; i++)
        if (t->slots[i].off) {
            const lexrec *r = rec_at(t, t->slots[i].off - 1);
            fn(ud, rec_key(r), r->klen);
        }
}

/* A dotted abbreviation of capitals, "U.S.", "U.K.": Reuters writes the word after it
 * with a capital ("the U.S. Hopes", "U.S. Pressure"), so that word may be either case,
 * as at a sentence start. */
static int dotted_capitals(const char *text, const dyad_token *tk)
{
    if (tk->kind != TOK_WORD || tk->len < 4 || text[tk->off + tk->len - 1] != '.')
        return 0;
    for (size_t i = 0; i < tk->len; i++) {
        char ch = text[tk->off + i];
        if (!(i % 2 ? ch == '.' : is_upper((unsigned char)ch)))
            return 0;
    }
    return 1;
}

int dyad_tagger_tag(const dyad_tagger *t, const char *text, dyad_token *tok, size_t n,
                    dyad_tagger_work *w)
{
    if (n == 0)
        return 0;
    if (n > SIZE_MAX / sizeof(vpos))
        goto oom;
    if (w->cap < n * sizeof(vpos)) {
        size_t cap = w->cap * 2 > n * sizeof(vpos) ? w->cap * 2 : n * sizeof(vpos);
        void *nb = realloc(w->buf, cap);
        if (!nb)
            goto oom;
        w->buf = nb;
        w->cap = cap;
    }
    vpos *v = w->buf;
    int first = 1;
    cands scratch;
    for (size_t i = 0; i < n; i++) {
        const dyad_token *tk = &tok[i];
        int f = (first || (tk->flags & TOKF_SENT_START)) ? 1
                : (i > 0 && dotted_capitals(text, &tok[i - 1])) ? 2 : 0;
        cand_view c = token_cands(t, text, tk, f, &scratch);
        if (tk->kind == TOK_WORD || tk->kind == TOK_NUMBER || tk->kind == TOK_MONEY)
            first = 0;
        vpos *p = &v[i];
        p->n = c.n;
        memcpy(p->tag, c.tag, c.n);
        float best_all = -INFINITY;
        if (i == 0) {
            for (int j = 0; j < c.n; j++) {
                p->sc[j] = t->trans[TAG_PP][c.tag[j]] + c.emit[j];
                p->bp[j] = 0;
                if (p->sc[j] > best_all)
                    best_all = p->sc[j];
            }
        } else {
            const vpos *q = &v[i - 1];
            for (int j = 0; j < c.n; j++) {
                int tj = c.tag[j], bk = 0;
                float best = q->sc[0] + t->trans[q->tag[0]][tj];
                for (int k = 1; k < q->n; k++) {
                    float s = q->sc[k] + t->trans[q->tag[k]][tj];
                    if (s > best) {
                        best = s;
                        bk = k;
                    }
                }
                p->sc[j] = best + c.emit[j];
                p->bp[j] = (uint8_t)bk;
                if (p->sc[j] > best_all)
                    best_all = p->sc[j];
            }
        }
        for (int j = 0; j < c.n; j++)   /* keep the scores near 0 */
            p->sc[j] -= best_all;
    }
    int j = 0;
    for (int k = 1; k < v[n - 1].n; k++)
        if (v[n - 1].sc[k] > v[n - 1].sc[j])
            j = k;
    for (size_t i = n; i-- > 0;) {
        tok[i].tag = v[i].tag[j];
        j = v[i].bp[j];
    }
    return 0;
oom:
    for (size_t i = 0; i < n; i++)
        tok[i].tag = TAG_NONE;
    return -1;
}

void dyad_tagger_work_free(dyad_tagger_work *w)
{
    if (!w)
        return;
    free(w->buf);
    w->buf = NULL;
    w->cap = 0;
}
