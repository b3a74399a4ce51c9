/* coder.c - the pipeline: text -> sentences -> tokens -> tags -> actors -> verb
 * groups -> events -> dates -> the caller's callback. Owns nothing global: the
 * coder is read-only, the work object holds one thread's buffers. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actor.h"
#include "coder_int.h"
#include "cache.h"
#include "date.h"
#include "dict.h"
#include "doc_date.h"
#include "dict_source.h"
#include "dyad.h"
#include "event.h"
#include "explain.h"
#include "morph.h"
#include "pair.h"
#include "phrase.h"
#include "pronoun_ref.h"
#include "record.h"
#include "relevance.h"
#include "target.h"
#include "noun_event.h"
#include "retag.h"
#include "self_target.h"
#include "sentence.h"
#include "tabari.h"
#include "tabari_doc.h"
#include "tagger.h"
#include "text.h"
#include "token.h"
#include "unknown_actor.h"
#include "util.h"
#include "word_class.h"

#ifndef DYAD_DICT_DIR
#define DYAD_DICT_DIR "/usr/local/share/dyad/dict"
#endif

#define MAX_TOKENS 250
/* work buffers larger than these are freed after the document (trim_work) */
#define TRIM_TEXT_BYTES (1u << 20)
#define TRIM_ITEMS 16384

typedef struct coder_engine coder_engine;
/* The seam between the engines: what dyad_code, dyad_explain and
 * dyad_work_follow ask of the engine the dictionary folder selects. */
struct coder_engine {
    int (*code)(const dyad_coder *c, dyad_work *w, const dyad_doc *doc, FILE *explain,
                dyad_event_fn fn, void *ud, dyad_doc_stats *st);
    int (*follow)(const dyad_coder *c, dyad_work *w, const dyad_doc *prev);
};

static const coder_engine DYAD_ENGINE, TABARI_ENGINE;   /* the engines, defined below */

struct dyad_coder {
    dyad_dict dict;
    dyad_morph *morph;
    dyad_tagger *tagger;
    /* per word id of the dictionary's word table: the tagger's record of the word
     * (lower case) and whether the tagger also knows it spelled with capitals, so
     * that one lookup per token serves both the dictionary and the tagger */
    const void **word_tag;
    uint8_t *word_caps;
    size_t n_words;
    int require_dyad;
    dyad_cache *cache;      /* the tables were loaded from this cache file (it owns them) */
    char cache_note[320];   /* why a cache folder or file was refused or rebuilt, or "" */
    dyad_tabari *tabari;    /* the folder has *.tabari files: code the TABARI way */
    const coder_engine *engine; /* DYAD_ENGINE or TABARI_ENGINE */
    size_t warnings;        /* the dictionary's load warnings */
};

typedef struct {
    dyad_coder *c;
    int oom;
} words_ctx;

static void add_tagger_word(void *ud, const char *s, size_t n)
{
    words_ctx *x = ud;
    char low[64];
    if (n > sizeof low)
        return;
    int caps = 0;
    for (size_t i = 0; i < n; i++)
        caps |= s[i] >= 'A' && s[i] <= 'Z';
    size_t l = dyad_lower(low, sizeof low, s, n);
    int32_t id = dyad_dict_intern(&x->c->dict, low, l);
    if (id < 0) {
        x->oom = 1;
        return;
    }
    if ((size_t)id >= x->c->n_words) {
        size_t cap = x->c->n_words ? x->c->n_words : 1024;
        while (cap <= (size_t)id)
            cap *= 2;
        uint8_t *nc = realloc(x->c->word_caps, cap);
        if (!nc) {
            x->oom = 1;
            return;
        }
        memset(nc + x->c->n_words, 0, cap - x->c->n_words);
        x->c->word_caps = nc;
        x->c->n_words = cap;
    }
    if (caps)
        x->c->word_caps[id] = 1;
}

/* Gives every word the tagger knows an id in the dictionary's word table. */
static int join_words(dyad_coder *c)
{
    words_ctx x = {c, 0};
    dyad_tagger_each_word(c->tagger, add_tagger_word, &x);
    size_t n = c->dict.lex.n;
    if (x.oom)
        return -1;
    uint8_t *nc = realloc(c->word_caps, n ? n : 1);
    if (!nc)
        return -1;
    if (n > c->n_words)
        memset(nc + c->n_words, 0, n - c->n_words);
    c->word_caps = nc;
    c->n_words = n;
    c->word_tag = calloc(n ? n : 1, sizeof *c->word_tag);
    if (!c->word_tag)
        return -1;
    for (size_t i = 0; i < n; i++)
        c->word_tag[i] = dyad_tagger_find(c->tagger, dyad_lexicon_str(&c->dict.lex, (int32_t)i),
                                          c->dict.lex.len[i]);
    return 0;
}

/* The thread's cache of frequent words: lower-cased form -> everything tokens_of
 * learns from the coder's tables, so that a frequent word touches neither the big
 * word table nor word_tag and word_caps. Direct-mapped; a miss overwrites. */
#define WORD_CACHE 4096
#define WORD_CACHE_LEN 16   /* longer words are looked up every time */

typedef struct {
    char s[WORD_CACHE_LEN];
    int32_t id, lemma, verb, name_node; /* what the token gets (token.h) */
    uint16_t wclass;
    uint8_t len;            /* 0: empty */
    uint8_t tagflags;       /* TAGF_* for the token, but TAGF_LOWER */
    uint8_t set_tag;        /* tagflags and tagrec apply (else the token keeps its own) */
    uint8_t title_known;    /* tagrec_title is set (looked up when first needed) */
    const void *tagrec;
    const void *tagrec_title; /* the record of the word spelled with a capital first
                               * letter ("The"), or NULL */
} word_cache_entry;

struct dyad_work {
    word_cache_entry wcache[WORD_CACHE]; /* frequent words, per thread */
    dyad_text text;
    dyad_sentences sents;
    dyad_tokens toks;
    dyad_tagger_work tw;
    dyad_mentions ms;
    dyad_vgroups vgs;
    dyad_cands cands;
    dyad_actor_memory mem;
    dyad_story story;       /* the relevance stage's memory of the document */
    dyad_unknown_fn unknown;
    void *unknown_ud;
    dyad_records records;   /* the document's events, handed out once it is coded */
    dyad_doc_options options; /* the next documents' options (dyad_work_set_doc_options) */
    dyad_tabari_work tabari; /* the TABARI engine's own state */
};

void dyad_work_set_doc_options(dyad_work *w, const dyad_doc_options *options)
{
    w->options.require_dyad = options ? options->require_dyad : -1;
    w->options.engine_lines = options ? options->engine_lines : NULL;
}

void dyad_work_set_options(dyad_work *w, const char *options)
{
    dyad_doc_options_read(options, &w->options);
}

void dyad_doc_options_read(const char *lines, dyad_doc_options *out)
{
    out->require_dyad = -1;
    out->engine_lines = lines;
    for (const char *p = lines; p && *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 12 && !strncmp(p, "require_dyad", 12)) {
            const char *v = p + 12;
            while (*v == ' ' || *v == '=' || *v == '\t')
                v++;
            out->require_dyad = *v == 'y' || *v == 'Y' || *v == 't' || *v == 'T' || *v == '1';
            return;
        }
        p = e ? e + 1 : p + len;
    }
}

/* Does an event need both a source and a target? The document's option, else
 * the coder's, else the dictionary's. */
/* The options in force for doc: its own, else the work object's. */
static const dyad_doc_options *doc_options(const dyad_work *w, const dyad_doc *doc)
{
    return doc && doc->options ? doc->options : &w->options;
}

static int require_dyad(const dyad_coder *c, const dyad_doc_options *o)
{
    if (o->require_dyad >= 0)
        return o->require_dyad;
    return c->require_dyad >= 0 ? c->require_dyad : c->dict.opts.require_dyad > 0;
}

void dyad_work_set_unknown(dyad_work *w, dyad_unknown_fn fn, void *ud)
{
    w->unknown = fn;
    w->unknown_ud = ud;
}

dyad_options dyad_default_options(void)
{
    dyad_options o;
    o.dict_dir = NULL;
    o.tagger_dir = NULL;
    o.wordnet_dir = NULL;
    o.require_dyad = -1;
    return o;
}

static const char *dict_dir_of(const dyad_options *opt)
{
    if (opt && opt->dict_dir)
        return opt->dict_dir;
    const char *env = getenv("DYAD_DICT");
    return env && *env ? env : DYAD_DICT_DIR;
}

typedef struct {
    char *err;
    size_t errlen;
    FILE *out;
    int have_err;
} diag_ctx;

static void diag_cb(void *ud, char sev, const char *msg)
{
    diag_ctx *c = ud;
    if (c->out)
        fprintf(c->out, "%s: %s\n", sev == 'E' ? "error" : "warning", msg);
    if (sev == 'E' && !c->have_err) {
        dyad_errf(c->err, c->errlen, "%s", msg);
        c->have_err = 1;
    }
}

static dyad_coder *coder_new(const dyad_options *opt, char *err, size_t errlen)
{
    dyad_coder *c = calloc(1, sizeof *c);
    if (!c) {
        dyad_errf(err, errlen, "out of memory");
        return NULL;
    }
    const char *wn = opt && opt->wordnet_dir ? opt->wordnet_dir : DYAD_WORDNET_DEFAULT_DIR;
    const char *tg = opt && opt->tagger_dir ? opt->tagger_dir : DYAD_TAGGER_DEFAULT_DIR;
    c->require_dyad = opt ? opt->require_dyad : -1;
    dyad_cache_loc loc;
    int cached = dyad_cache_locate(&loc, dict_dir_of(opt), tg, wn) == 0;
    dyad_copy_str(c->cache_note, sizeof c->cache_note, loc.note);
    if (cached) {
        dyad_cache_parts cp = {&c->dict, NULL, NULL, NULL, 0, 0};
        c->cache = dyad_cache_load(&loc, &cp);
        dyad_copy_str(c->cache_note, sizeof c->cache_note, loc.note);
        if (c->cache) {
            c->warnings = cp.warnings;
            c->tagger = cp.tagger;
            c->word_tag = cp.word_tag;
            c->word_caps = cp.word_caps;
            c->n_words = cp.n_words;
            dyad_cache_loc_free(&loc);
            return c;
        }
    }
    c->morph = dyad_morph_load(wn, err, errlen);
    if (!c->morph)
        goto fail;
    c->tagger = dyad_tagger_load(tg, err, errlen);
    if (!c->tagger)
        goto fail;
    diag_ctx dc = {err, errlen, NULL, 0};
    dyad_dict_counts counts;
    if (dyad_dict_load(&c->dict, dict_dir_of(opt), c->morph, diag_cb, &dc, &counts) != 0) {
        if (counts.errors > 1) {
            size_t l = strlen(err);
            dyad_errf(err + l, errlen - l, " (and %zu more errors; see dyad dict check)",
                      counts.errors - 1);
        }
        goto fail;
    }
    c->warnings = counts.warnings;
    if (dyad_word_classes_register(&c->dict) < 0 || join_words(c) < 0) {
        dyad_errf(err, errlen, "out of memory");
        goto fail;
    }
    if (cached) {   /* best effort: no cache folder, no cache */
        dyad_cache_parts cp = {&c->dict, c->tagger, c->word_tag, c->word_caps, c->n_words, c->warnings};
        dyad_cache_save(&loc, &cp);
        dyad_cache_loc_free(&loc);
    }
    return c;
fail:
    if (cached)
        dyad_cache_loc_free(&loc);
    dyad_coder_free(c);
    return NULL;
}

/* A folder with *.tabari files (tabari.h) is also loaded into TABARI tables; a
 * TABARI .project file or a PETRARCH .ini is converted into a folder first
 * (dict_source.h). */
dyad_coder *dyad_coder_new(const dyad_options *opt, char *err, size_t errlen)
{
    dyad_dict_source src;
    dyad_options o2 = opt ? *opt : dyad_default_options();
    if (access(dict_dir_of(opt), F_OK) != 0) {
        const char *env = getenv("DYAD_DICT");
        int builtin = !(opt && opt->dict_dir) && !(env && *env);
        dyad_errf(err, errlen, "%s%s: no such dictionary folder%s", dict_dir_of(opt),
                  builtin ? " (the built-in default)" : opt && opt->dict_dir ? "" : " (from $DYAD_DICT)",
                  builtin ? "; set DYAD_DICT or dyad_options.dict_dir" : "");
        return NULL;
    }
    if (dyad_dict_source_resolve(dict_dir_of(opt), NULL, &src, err, errlen) != 0)
        return NULL;
    o2.dict_dir = src.dir;
    size_t conv_warnings = src.warnings;
    dyad_coder *c = coder_new(&o2, err, errlen);
    if (c && !c->cache_note[0])
        dyad_copy_str(c->cache_note, sizeof c->cache_note, src.note);
    if (c)
        c->tabari = dyad_tabari_load(dict_dir_of(&o2), NULL, err, errlen);
    dyad_dict_source_done(&src);
    if (!c)
        return NULL;
    if (!c->tabari && err[0]) {
        dyad_coder_free(c);
        return NULL;
    }
    c->warnings += conv_warnings + (c->tabari ? c->tabari->warnings : 0);
    c->engine = c->tabari ? &TABARI_ENGINE : &DYAD_ENGINE;
    return c;
}

size_t dyad_coder_warnings(const dyad_coder *c) { return c ? c->warnings : 0; }

int dyad_coder_from_cache(const dyad_coder *c) { return c && c->cache; }

const char *dyad_coder_cache_note(const dyad_coder *c) { return c ? c->cache_note : ""; }

void dyad_coder_free(dyad_coder *c)
{
    if (!c)
        return;
    if (c->cache) {
        dyad_cache_free(c->cache, &c->dict);   /* word_caps lives in it */
    } else {
        dyad_dict_free(&c->dict);
        free(c->word_caps);
    }
    free(c->word_tag);
    if (c->morph)
        dyad_morph_free(c->morph);
    if (c->tagger)
        dyad_tagger_free(c->tagger);
    dyad_tabari_free(c->tabari);
    free(c);
}

dyad_work *dyad_work_new(void)
{
    dyad_work *w = calloc(1, sizeof(dyad_work));
    if (w)
        w->options.require_dyad = -1;
    return w;
}

void dyad_work_free(dyad_work *w)
{
    if (!w)
        return;
    dyad_text_free(&w->text);
    dyad_sentences_free(&w->sents);
    dyad_tokens_free(&w->toks);
    dyad_tagger_work_free(&w->tw);
    free(w->ms.m);
    free(w->vgs.g);
    free(w->cands.c);
    free(w->records.ev);
    dyad_tabari_work_free(&w->tabari);
    free(w);
}

/* The tagger's record of word wd spelled with a capital first letter, or NULL. */
static const void *title_record(const dyad_coder *c, int32_t wd)
{
    char title[64];
    size_t l = c->dict.lex.len[wd];
    if (l == 0 || l > sizeof title)
        return NULL;
    memcpy(title, dyad_lexicon_str(&c->dict.lex, wd), l);
    if (title[0] >= 'a' && title[0] <= 'z')
        title[0] = (char)(title[0] - 32);
    return dyad_tagger_find(c->tagger, title, l);
}

/* What the coder's tables say of word id wd (-1: not in the word table) for a
 * token of kind kind: fills the cache entry but its string. */
static void word_info(const dyad_coder *c, int32_t wd, int kind, word_cache_entry *e)
{
    const dyad_dict *d = &c->dict;
    e->id = wd;
    e->lemma = dyad_dict_lemma(d, wd);
    e->verb = wd >= 0 ? d->word_verb[wd] : -1;
    e->wclass = wd >= 0 ? d->word_class[wd] : 0;
    e->name_node = wd >= 0 && d->root_child[wd] ? dyad_dict_child(d, 0, wd) : -1;
    e->set_tag = 0;
    e->tagrec = NULL;
    e->tagrec_title = NULL;
    e->title_known = 0;
    e->tagflags = 0;
    if (wd >= 0 && (size_t)wd < c->n_words) {
        e->tagrec = c->word_tag[wd];
        e->tagflags = (uint8_t)(TAGF_HINT | (c->word_caps[wd] ? TAGF_EXACT : 0));
        e->set_tag = 1;
    } else if (wd < 0 && kind == TOK_WORD) {
        e->tagflags = TAGF_HINT; /* the tagger knows no spelling of it */
        e->set_tag = 1;
    }
}

/* Asks the CPU to start loading *p: the tagger reads every token's record only
 * after the whole sentence is tokenized, and the records are spread over
 * megabytes, so loading them now overlaps those cache misses. */
static inline void prefetch(const void *p)
{
#if defined(__GNUC__)
    if (p)
        __builtin_prefetch(p);
#else
    (void)p;
#endif
}

/* The thread's cache entry for the lower-cased word low[0..l) (cache hash fh),
 * filled from the word table on a miss. When what a token of this kind gets
 * differs from the entry (a miss on a long word, a number spelled like an unknown
 * word), that is written to *own and returned instead. */
static word_cache_entry *word_entry(const dyad_coder *c, dyad_work *w, const char *low,
                                          size_t l, uint32_t fh, int kind, word_cache_entry *own)
{
    word_cache_entry *ce = &w->wcache[(fh ^ (fh >> 16)) & (WORD_CACHE - 1)];
    if (ce->len == l && l > 0 && memcmp(ce->s, low, l) == 0) {
        if (ce->id < 0 && kind != TOK_WORD) {
            word_info(c, -1, kind, own);    /* the entry was filled for a word */
            return own;
        }
        return ce;
    }
    int32_t wd = dyad_lexicon_find_h(&c->dict.lex, low, l, dyad_hash(low, l));
    if (l == 0 || l > WORD_CACHE_LEN) {
        word_info(c, wd, kind, own);
        return own;
    }
    word_info(c, wd, TOK_WORD, ce);
    memcpy(ce->s, low, l);
    ce->len = (uint8_t)l;
    if (wd < 0 && kind != TOK_WORD) {
        word_info(c, -1, kind, own);
        return own;
    }
    return ce;
}

/* Tokenizes one sentence and looks every token up in the word table. */
static long tokens_of(const dyad_coder *c, dyad_work *w, const char *s, size_t slen)
{
    long nt = dyad_tokenize(s, slen, &w->toks);
    if (nt < 0 || nt > MAX_TOKENS)
        return nt;
    dyad_token *tok = w->toks.tok;
    for (long i = 0; i < nt; i++) {
        char low[64];
        size_t l = tok[i].len;
        if (l > sizeof low)
            continue;
        /* lower-case the token and hash it for the cache in one pass (FNV-1a); the
         * word table's own hash is computed only on a cache miss */
        const char *src = s + tok[i].off;
        uint32_t fh = 2166136261u;
        int caps = 0, later_caps = 0;
        for (size_t k = 0; k < l; k++) {
            unsigned char ch = (unsigned char)src[k];
            if (ch >= 'A' && ch <= 'Z') {
                ch = (unsigned char)(ch + 32);
                caps = 1;
                later_caps |= k > 0;
            }
            low[k] = (char)ch;
            fh = (fh ^ ch) * 16777619u;
        }
        word_cache_entry own;
        word_cache_entry *e = word_entry(c, w, low, l, fh, tok[i].kind, &own);
        tok[i].word = e->id;
        tok[i].lemma = e->lemma;
        tok[i].verb = e->verb;
        tok[i].wclass = e->wclass;
        tok[i].name_node = e->name_node;
        if (e->set_tag) {
            tok[i].tagrec = e->tagrec;
            tok[i].tagflags = (uint8_t)(e->tagflags | (caps ? 0 : TAGF_LOWER));
            prefetch(e->tagrec);
            if ((e->tagflags & TAGF_EXACT) && caps && !later_caps) {
                /* "The": the record of the spelling as written, kept in the cache */
                if (!e->title_known) {
                    e->tagrec_title = title_record(c, e->id);
                    e->title_known = 1;
                }
                tok[i].tagrec_exact = e->tagrec_title;
                tok[i].tagflags |= TAGF_TITLE;
                prefetch(e->tagrec_title);
            }
        }
    }
    return nt;
}

/* The document's date: its own, else one its text gives (doc_date.h), kept in st
 * with its source; a date that cannot be read is counted in st and left out. */
static int doc_date(dyad_work *w, const dyad_doc *doc, FILE *ex, dyad_doc_stats *st)
{
    dyad_doc_date dd;
    if (dyad_doc_date_find(doc->date, w->text.buf, &w->sents, &w->toks, &dd) < 0)
        return -1;
    st->bad_date = dd.bad_date;
    st->date = dd.date;
    st->date_source = dd.source;
    if (ex)
        dyad_explain_doc_date(ex, w->text.buf, &w->sents, &dd);
    return 0;
}

const dyad_dict *dyad_coder_dict(const dyad_coder *c) { return &c->dict; }

long dyad_coder_tag_sentence(const dyad_coder *c, dyad_work *w, const char *s, size_t len,
                             dyad_token **tok)
{
    long nt = tokens_of(c, w, s, len);
    *tok = w->toks.tok;
    if (nt < 0 || nt > MAX_TOKENS)
        return nt;
    return dyad_tagger_tag(c->tagger, s, w->toks.tok, (size_t)nt, &w->tw) < 0 ? -1 : nt;
}

/* What code_sentence tells the document loop. */
enum { SENT_CODED = 0, SENT_STORY_DISCARDED = 1 };

/* One sentence through dyad's stages: tokens -> tags -> re-tags -> actors -> verb
 * groups -> candidate events -> records. Returns SENT_*, or -1 on error. */
static int code_sentence(const dyad_coder *c, dyad_work *w, dyad_record_sentence *rs, int32_t ymd,
                         FILE *ex, dyad_doc_stats *st)
{
    const dyad_dict *d = &c->dict;
    const char *s = rs->text;
    if (ex)
        fprintf(ex, "sentence %d: %.*s\n", rs->sent, (int)rs->len, s);
    dyad_token *tok;
    long nt = dyad_coder_tag_sentence(c, w, s, rs->len, &tok);
    if (nt < 0)
        return -1;
    if (nt > MAX_TOKENS) {
        st->long_sentences++;
        if (ex)
            fprintf(ex, "  %ld tokens: over the limit of %d, not coded\n", nt, MAX_TOKENS);
        return SENT_CODED;
    }
    size_t n = (size_t)nt;
    if (dyad_find_actors(d, s, tok, n, ymd, &w->mem, &w->ms) < 0 ||
        (!d->opts.relevance_all && dyad_target_pair_mentions(s, tok, n, &w->story, &w->ms) < 0))
        return -1;
    if (!d->opts.relevance_all)
        dyad_target_act_nouns(s, tok, n, &w->ms);
    if (!ymd)
        st->undated_roles += dyad_undated_roles(d, &w->ms);
    dyad_retag(d, s, tok, n, &w->ms);
    if (dyad_find_verbs(d, s, tok, n, &w->ms, &w->vgs) < 0)
        return -1;
    if (ex)
        dyad_explain_sentence(ex, &c->dict, s, tok, n, &w->ms, &w->vgs, st);
    if (w->ms.discard >= 0) {
        int story = d->entries[w->ms.discard].ref != 0;
        if (ex)
            dyad_explain_discard(ex, d, w->ms.discard, story);
        if (story)
            return SENT_STORY_DISCARDED;
        st->discarded_sentences++;
        return SENT_CODED;
    }
    if (w->unknown)
        dyad_report_unknown_actors(s, tok, n, &w->ms, &w->vgs, w->unknown, w->unknown_ud);
    if (dyad_find_events(d, s, tok, n, &w->ms, &w->vgs, ex, &w->cands) < 0)
        return -1;
    if (!d->opts.relevance_all) {
        dyad_keep_relevant(d, s, tok, n, &w->ms, &w->vgs, ex, &w->story, &w->cands);
        dyad_pair_drop_own_organ(&w->ms, &w->cands);   /* pair.h: after the targets are final */
        dyad_drop_self_target(s, tok, n, &w->ms, &w->cands);
    }
    /* events named by nouns, in a sentence whose verbs name none (dyad's own
     * conventions only: converted folders keep their coders') */
    if (!d->opts.relevance_all && w->cands.n == 0 &&
        dyad_find_noun_events(s, tok, n, &w->ms, ex, &w->cands) < 0)
        return -1;
    if (!d->opts.relevance_all &&
        dyad_find_meeting_nouns(s, tok, n, &w->ms, ex, &w->cands) < 0)
        return -1;
    if (w->cands.has_main) {
        const dyad_mention *main_subj = w->cands.main_subject >= 0 ? &w->ms.m[w->cands.main_subject] : NULL;
        dyad_actor_memory_subject(&w->mem, main_subj,
                                  main_subj && dyad_person_like(d, s, tok, main_subj));
    }
    rs->tok = tok;
    return dyad_records_add(d, rs, &w->cands, ex, &w->records, &st->events);
}

/* The story's context (actor.h, dyad_actor_context): the country of the dateline,
 * then of the headline, which wins. */
static int story_context(const dyad_coder *c, dyad_work *w, const dyad_doc *doc, int32_t ymd,
                         FILE *ex)
{
    const char *part[2] = {w->text.buf, doc->title};
    size_t len[2] = {w->sents.n ? w->sents.s[0].off : 0, doc->title ? strnlen(doc->title, 400) : 0};
    static const char *const NAME[2] = {"dateline", "headline"};
    for (int i = 0; i < 2; i++) {
        if (!len[i])
            continue;
        dyad_token *tok;
        long nt = dyad_coder_tag_sentence(c, w, part[i], len[i], &tok);
        if (nt < 0)
            return -1;
        if (nt > MAX_TOKENS)
            continue;
        int r = dyad_actor_context(&c->dict, part[i], tok, (size_t)nt, ymd, &w->mem, &w->ms);
        if (r < 0)
            return -1;
        if (r && ex)
            fprintf(ex, "story context: %s (the %s)\n", w->mem.state, NAME[i]);
    }
    return 0;
}

/* dyad's own engine: the document's sentences in order, then its events to fn. */
static int code_with_dyad(const dyad_coder *c, dyad_work *w, const dyad_doc *doc, FILE *ex,
                          dyad_event_fn fn, void *ud, dyad_doc_stats *st)
{
    dyad_doc_stats local;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    long bad = dyad_normalize(doc->text, doc->text_len, &w->text);
    if (bad < 0)
        return -1;
    st->invalid_bytes = (size_t)bad;
    if (dyad_split_sentences(w->text.buf, w->text.len, &w->sents) < 0)
        return -1;
    if (doc_date(w, doc, ex, st) < 0)
        return -1;
    dyad_record_sentence rs = {doc->id, 0, NULL, 0, NULL, &w->ms, &w->vgs, st->date,
                               require_dyad(c, doc_options(w, doc))};
    int32_t ymd = dyad_role_ymd(&st->date);
    dyad_actor_memory_reset(&w->mem);
    dyad_story_reset(&w->story);
    if (!c->dict.opts.relevance_all && story_context(c, w, doc, ymd, ex) < 0)
        return -1;
    w->records.n = 0;
    for (size_t si = 0; si < w->sents.n; si++) {
        rs.sent = (int)si;
        rs.text = w->text.buf + w->sents.s[si].off;
        rs.len = w->sents.s[si].len;
        st->sentences++;
        int r = code_sentence(c, w, &rs, ymd, ex, st);
        if (r < 0)
            return -1;
        if (r == SENT_STORY_DISCARDED) {   /* a story-level discard phrase voids the story */
            st->discarded = 1;
            st->events = 0;
            st->undated_roles = 0;   /* no events, no role to warn about */
            st->sentences = w->sents.n;
            w->records.n = 0;
            return 0;
        }
    }
    for (size_t i = 0; i < w->records.n; i++)
        if (fn && fn(ud, &w->records.ev[i]))
            return -1;
    return 0;
}

/* dyad's own engine carries nothing from one document to the next. */
static int follow_with_dyad(const dyad_coder *c, dyad_work *w, const dyad_doc *prev)
{
    (void)c, (void)w, (void)prev;
    return 0;
}

/* The TABARI engine (tabari/): its tables in the coder, its state in the work
 * object; dyad's code table gives its events' Goldstein weights. */
static int code_with_tabari(const dyad_coder *c, dyad_work *w, const dyad_doc *doc, FILE *ex,
                            dyad_event_fn fn, void *ud, dyad_doc_stats *st)
{
    if (ex)   /* TABARI mode keeps the document's own date (no date from the text) */
        fprintf(ex, "document date: %s\n", doc->date && *doc->date ? doc->date : "none");
    return dyad_tabari_code_doc(c->tabari, &c->dict, &w->tabari, doc, doc_options(w, doc)->engine_lines, ex,
                                fn, ud, st);
}

static int follow_with_tabari(const dyad_coder *c, dyad_work *w, const dyad_doc *prev)
{
    return dyad_tabari_follow(c->tabari, &w->tabari, prev, doc_options(w, prev)->engine_lines);
}

static const coder_engine DYAD_ENGINE = {code_with_dyad, follow_with_dyad};
static const coder_engine TABARI_ENGINE = {code_with_tabari, follow_with_tabari};

int dyad_work_follow(const dyad_coder *c, dyad_work *w, const dyad_doc *prev)
{
    return c->engine->follow(c, w, prev);
}

/* After an unusually large document, gives back the buffers it grew, so that a
 * thread's memory follows the document at hand, not the largest one it ever
 * coded (the buffers are reused, and so keep their size, otherwise). */
static void trim_work(dyad_work *w)
{
    if (w->text.cap > TRIM_TEXT_BYTES)
        dyad_text_free(&w->text);
    if (w->sents.cap > TRIM_ITEMS)
        dyad_sentences_free(&w->sents);
    if (w->toks.cap > TRIM_ITEMS)
        dyad_tokens_free(&w->toks);
    if (w->records.cap > TRIM_ITEMS) {
        free(w->records.ev);
        w->records.ev = NULL;
        w->records.n = w->records.cap = 0;
    }
    if (w->tabari.text.cap > TRIM_TEXT_BYTES)
        dyad_text_free(&w->tabari.text);
    if (w->tabari.sents.cap > TRIM_ITEMS)
        dyad_sentences_free(&w->tabari.sents);
}

int dyad_code(const dyad_coder *c, dyad_work *w, const dyad_doc *doc, dyad_event_fn fn, void *ud,
              dyad_doc_stats *st)
{
    int r = c->engine->code(c, w, doc, NULL, fn, ud, st);
    trim_work(w);
    return r;
}

int dyad_explain(const dyad_coder *c, dyad_work *w, const dyad_doc *doc, FILE *out,
                 dyad_event_fn fn, void *ud, dyad_doc_stats *st)
{
    int r = c->engine->code(c, w, doc, out, fn, ud, st);
    trim_work(w);
    return r;
}
