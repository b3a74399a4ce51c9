/* tabari_int.h - what tabari_parse.c (words, actors, compounds, clauses of one
 * record) and tabari_code.c (patterns, sources and targets, events) share. Not
 * for other callers; see tabari.h. */
#ifndef DYAD_TABARI_INT_H
#define DYAD_TABARI_INT_H

#include <stdint.h>
#include <stdio.h>

#include "tabari.h"

#define MAX_TOK 160
#define MAX_UNIT 64
#define MAX_EV 64

enum { T_NULL = 0, T_LITR, T_ACTOR, T_AGENT, T_VERB, T_NOUN, T_ADJ, T_DET, T_PRON, T_CONJ, T_COMMA,
       T_BY, T_AUX, T_VOID, T_LIST };

typedef struct {
    char w[64];
    uint8_t cap, type, absorbed;
    int32_t ent;            /* actor or verb index at a phrase's first token */
    int32_t end;            /* phrase end (exclusive) at its first token */
    int32_t unit;           /* unit of an actor/agent/pronoun token, -1 */
} ttok;

typedef struct {
    int32_t start, end;     /* tokens */
    char codes[8][32];
    int ncodes;
    int32_t group;          /* first unit of its compound, or itself */
    int32_t ref;            /* a pronoun: the unit it stands for, else -1 */
    uint8_t they;           /* THEY/THEM/THEIR: stands for the whole compound */
    char base[32];          /* the actor's own code, before agents */
} tunit;

typedef struct {
    const dyad_tabari *t;
    tb_options o;
    int32_t ymd;
    ttok tok[MAX_TOK];
    int n;
    int allcaps;
    int final_stop;         /* the text ends in a full stop: its last comma clause may go */
    tunit u[MAX_UNIT];
    int nu;
    int discard, complex;
    char fwd_code[32];      /* FORWARD: the previous record's first actor, or "" */
    FILE *ex;
} tctx;

typedef struct {
    char src[32], tgt[32], code[16];
} tev;

int tb_filter_text(tctx *c, const char *s, size_t len);
void tb_drop_comma_clauses(tctx *c);
int tb_usable(const tctx *c, int i);
/* Does token text tok match element e? last: a phrase's final word; kind 0
 * pattern word, 1 actor/noun, 2 verb (which regular endings apply) */
int tb_word_match(const tb_el *e, const char *tok, int last, int kind);
int tb_is_word(const char *w, const char *const *list);
void tb_classify(tctx *c);
int tb_actor_token(const tctx *c, int i);
void tb_make_units(tctx *c);
void tb_compounds(tctx *c);
void tb_pronouns(tctx *c);
void tb_sort_units(tctx *c);
/* the units (compound members) a unit stands for; returns their number */
int tb_members(const tctx *c, int u, int *out);
/* the code compared when a target must differ from the source */
const char *tb_key(const tctx *c, int u);

#endif
