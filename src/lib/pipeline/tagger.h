/* tagger.h - part-of-speech tagging with a bigram hidden Markov model.
 *
 * The model is Lingua::EN::Tagger's data (Debian package liblingua-en-tagger-perl):
 * words.yml (word -> tag counts), tags.yml (tag -> next-tag probabilities) and
 * unknown.yml (classes of unknown words), loaded at run time. Viterbi decoding
 * considers only the tags a word can have (its counts, or its unknown-word class),
 * so tagging costs a few operations per token. A tagger is read-only once loaded
 * and can be shared by threads; each thread passes its own dyad_tagger_work. */
#ifndef DYAD_TAGGER_H
#define DYAD_TAGGER_H

#include "token.h"

#define DYAD_TAGGER_DEFAULT_DIR "/usr/share/perl5/Lingua/EN/Tagger"

typedef struct dyad_tagger dyad_tagger;

typedef struct {
    void *buf;          /* scratch reused between calls; grows as needed */
    size_t cap;
} dyad_tagger_work;

/* Loads the three files from dir. On error returns NULL and writes
 * "file:line: message" into err. */
dyad_tagger *dyad_tagger_load(const char *dir, char *err, size_t errlen);
void dyad_tagger_free(dyad_tagger *t);

/* Sets tok[i].tag for the n tokens of one sentence (spans into text).
 * Returns 0, or -1 on allocation failure (tags then left TAG_NONE). */
int dyad_tagger_tag(const dyad_tagger *t, const char *text, dyad_token *tok, size_t n,
                    dyad_tagger_work *w);
void dyad_tagger_work_free(dyad_tagger_work *w);

/* The tagger's record for a word spelled exactly so (NULL if unknown): what a
 * caller may pass in dyad_token.tagrec to save the tagger a lookup. */
const void *dyad_tagger_find(const dyad_tagger *t, const char *s, size_t n);

/* Calls fn for every word the model knows, as spelled in its data. */
void dyad_tagger_each_word(const dyad_tagger *t, void (*fn)(void *ud, const char *s, size_t n),
                           void *ud);

/* ---- for the compiled cache (cache.c) ----
 * A tagger is a fixed-size head (dyad_tagger_head_size() bytes, no pointers in it)
 * plus two tables: its hash slots and its record pool. */
typedef struct {
    const void *p;
    size_t len;
} dyad_tagger_table;

size_t dyad_tagger_head_size(void);
/* Writes t's head into head and points slots and pool at t's tables. */
void dyad_tagger_export(const dyad_tagger *t, void *head, dyad_tagger_table *slots,
                        dyad_tagger_table *pool);
/* A tagger over exported parts. The tables are borrowed, not copied: they must be
 * 8-byte aligned and outlive the tagger (dyad_tagger_free leaves them alone).
 * Returns NULL when the parts are inconsistent: every record and slot is checked,
 * and so are the n_recs record offsets in recs (see below) the caller will follow. */
dyad_tagger *dyad_tagger_import(const void *head, size_t head_len, dyad_tagger_table slots,
                                dyad_tagger_table pool, const uint32_t *recs, size_t n_recs);
/* A record from dyad_tagger_find as an offset into the pool (+1; 0 = NULL), and back. */
uint32_t dyad_tagger_rec_offset(const dyad_tagger *t, const void *rec);
const void *dyad_tagger_rec_from_offset(const dyad_tagger *t, uint32_t off);

#endif
