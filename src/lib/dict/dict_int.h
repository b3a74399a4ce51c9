/* dict_int.h - shared by the dictionary loader's files (dict.c: folder, files,
 * storage, codes, options; dict_actors.c: actor, agent and discard lines;
 * dict_verbs.c: verb, pattern and synonym-set lines). Not part of dict.h's
 * contract. */
#ifndef DYAD_DICT_INT_H
#define DYAD_DICT_INT_H

#include "dict.h"
#include "token.h"

/* The state of one load: the dictionary being filled and where it reports. */
typedef struct {
    dyad_dict *d;
    const dyad_morph *morph;
    dyad_diag_fn diag;
    void *ud;
    dyad_dict_counts *counts;
    const char *file;
    uint16_t file_idx;
    long line;
    dyad_tokens toks;
    int oom;
    int quiet;              /* repeat of a line already reported */
} loader;

typedef struct {
    int32_t verb;           /* current verb block, or -1 */
    char particles[128];    /* words after the verb in a multi-word lemma ("carry out") */
} verb_state;

/* "file:line: message" to the diagnostics callback; sev 'E' or 'W' (counted). */
void dict_report(loader *L, char sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* storage (dict.c) */
uint32_t dict_pool_add(dyad_dict *d, const char *s, size_t len);   /* string -> pool offset */
int32_t dict_word_add(dyad_dict *d, const char *s, size_t len);    /* interned word id, -1: OOM */
void dict_lemma_join(dyad_dict *d, int32_t base, int32_t form);    /* form's lemma is base */
int32_t dict_child_add(dyad_dict *d, int32_t node, int32_t word);  /* name trie edge */
char *dict_trim(char *s);                                          /* spaces off both ends */

/* actor, agent and discard lines (dict_actors.c); *cur: the entry being read */
void dict_load_entry_line(loader *L, char *line, int agent, int people, int states, int32_t *cur);
void dict_check_entry_done(loader *L, int32_t cur);
void dict_load_discard_line(loader *L, char *t);

/* verb lines (dict_verbs.c) */
void dict_load_set_line(loader *L, char *s);
int dict_parse_code(loader *L, const char *s, char out[8]);
void dict_load_pattern(loader *L, int32_t v, char *s, const char *particles);
void dict_load_verb_line(loader *L, char *s, verb_state *st);

#endif
