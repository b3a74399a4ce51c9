/* tabari.h - TABARI-compatible coding, selected by the dictionary.
 *
 * Contract: a dictionary folder that holds *.tabari files (written by `dyad dict
 * convert --from tabari`; format: dict/README.md) is coded the way TABARI 0.8
 * codes: sparse parsing of the whole record as one text, TABARI stems and
 * endings, verb patterns matched around the verb (upper part backwards from the
 * verb, lower part forwards), default source and target searches, parsed and
 * coded compounds, pronoun coreference, comma-delimited clause elimination,
 * conjunction-delimited clauses, passive voice, null/discard/complex codes,
 * subordinate (?), dominant (!) and paired (a:b) codes, and the .options
 * commands that change coding (COMPLEX:, DEFAULT:, COMMA:, SET: CODE BY ...,
 * SET: MINIMUM WORDS, SET: CONVERT AGENTS, SET: TIME SHIFT, FORWARD:). Option
 * lines given for the document (dyad_work_set_options) are applied after the
 * dictionary's. Like TABARI, a record of more than 128 words is not coded and a
 * longer text is cut at 1024 characters.
 *
 * tabari_dict.c loads the tables; tabari_code.c codes. No global state; the
 * loaded tables are read-only. */
#ifndef DYAD_TABARI_H
#define DYAD_TABARI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dyad.h"

/* ---- dictionary ---- */

enum { TE_WORD = 1, TE_SRC, TE_TGT, TE_CMP, TE_SKIP, TE_VERB };

typedef struct {
    uint8_t kind;           /* TE_* */
    uint8_t exact;          /* word ended in '_' (or '='): no stem match */
    uint8_t noend;          /* '=': not even regular endings */
    uint8_t adj;            /* the next element must follow immediately */
    char *w;                /* TE_WORD: upper-case word */
} tb_el;

typedef struct {
    tb_el *el;
    size_t n;
} tb_seq;

/* A code as TABARI writes it: "064", "032:033", "023?", "031!", "---", "###", "+++". */
typedef struct {
    char a[16], b[16];      /* b: the reverse event of a paired code, or "" */
    uint8_t null, discard, complex, sub, dom;
} tb_code;

typedef struct {
    int32_t from, to;       /* yyyymmdd, 0 = open */
    tb_code code;
    char codes[8][16];      /* a coded compound "A/B/C" */
    int ncodes;
} tb_role;

typedef struct {
    tb_seq phrase;
    tb_role *roles;
    size_t nroles;
    uint8_t agent;          /* from the agents file: code has '~' */
    uint8_t noun, adj;      /* <NOUN>/<ADJECTIVE> entries */
    uint8_t time;           /* a <TIME> phrase (its ### or +++ code; with SET: TIME SHIFT) */
    long line;
} tb_actor;

typedef struct {
    tb_seq pat;             /* elements, one of them TE_VERB */
    size_t len;             /* TABARI's length: characters of the fixed text */
    tb_code code;
    long order;
} tb_pattern;

typedef struct {
    tb_seq *forms;          /* the root and its irregular forms */
    size_t nforms;
    tb_code code;
    tb_pattern *pats;       /* sorted: longest first, then file order */
    size_t npats;
    long line;
} tb_verb;

typedef struct {
    char name[48];
    tb_seq *members;
    size_t n;
} tb_synset;

typedef struct {
    int code_by;            /* 0 clause, 1 sentence, 2 all */
    int time_shift;
    int min_words;
    int convert_agents;
    int cx_verbs, cx_conj, cx_actors, cx_noactprior, cx_noverb;
    int comma_off, cmin, cmax, emin, emax, bmin, bmax;
    int def_on, def_src_prior, def_tgt_after;
    char def_src[32], def_tgt[32];
    int fwd_on;             /* FORWARD: fmt (not OFF) */
    char fwd_fmt[32];       /* ^ skipped, * any character, N story, S sentence */
} tb_options;

/* FORWARD: memory from one record to the next (one per dyad_work). */
typedef struct {
    char story[32];
    long sent;
    char code[32];          /* the record's first actor ("" for none) */
} tb_forward;

/* The first words of all actor phrases and verb forms, sorted: a token's
 * candidates are the entries whose first word is a prefix of it. */
typedef struct {
    const char *w;
    uint32_t idx, form;     /* actor or verb index; the verb's form */
    uint8_t verb;
} tb_ix;

typedef struct dyad_tabari {
    tb_actor *actors; size_t n_actors;      /* actors, agents, nouns, adjectives */
    tb_verb *verbs; size_t n_verbs;
    tb_ix *ix; size_t n_ix;
    tb_synset *sets; size_t n_sets;
    tb_options opt;
    size_t warnings;
} dyad_tabari;

/* Loads every *.tabari file of dir. Returns NULL with err[0] == 0 when dir has
 * none, NULL with a "file:line: message" in err on error. Warnings (lines that
 * were skipped) are counted in ->warnings and, with diag, written there as
 * "warning: file:line: message". */
dyad_tabari *dyad_tabari_load(const char *dir, FILE *diag, char *err, size_t errlen);
void dyad_tabari_free(dyad_tabari *t);

/* Applies one .options command line to o (unknown commands are ignored). */
void dyad_tabari_option(tb_options *o, const char *line);
void dyad_tabari_default_options(tb_options *o);

/* Parses "A_B C~_D" dictionary text into elements; returns 0 or -1. */
int dyad_tabari_parse_seq(const char *text, tb_seq *out, const dyad_tabari *t, int pattern);

/* ---- coding ---- */

/* TABARI's record limits: more words are not coded (a longer document is coded
 * sentence by sentence, coder.c), more characters are cut off. */
#define DYAD_TABARI_MAX_WORDS 128
#define DYAD_TABARI_MAX_CHARS 1024

/* Codes one document the TABARI way; the whole text is one record. fwd (may be
 * NULL) carries FORWARD: pronoun references from the previous record when the
 * record ids say it is the next sentence of the same story. */
int dyad_tabari_code(const dyad_tabari *t, const dyad_doc *doc, const char *options, tb_forward *fwd,
                     FILE *explain, dyad_event_fn fn, void *ud, dyad_doc_stats *st);

#endif
