/* dict.h - dyad's dictionaries in memory: actors, agents, verbs, synonym sets, codes.
 *
 * Contract: dyad_dict_load reads every *.actors, *.agents, *.verbs and *.codes file
 * of a folder (format: dict/README.md), reporting each problem as
 * "file:line: message" through the diagnostics callback. Names are tokenized like
 * text and kept in a word trie (longest match); verb forms and noun plurals are
 * generated with the morph module. Read-only after loading. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "morph.h"
#include "token.h"

typedef enum { AK_STATE = 0, AK_ORG, AK_PERSON, AK_REF, AK_AGENT, AK_DISCARD } dyad_actor_kind;
/* AK_DISCARD entries (from *.discards) carry ref = 1 for a story-level discard. */
typedef enum { REF_PERSON = 1, REF_STATE, REF_ORG, REF_ANY } dyad_ref_kind;

typedef struct {
    int32_t from, to;       /* yyyymmdd, inclusive; 0 = open */
    char code[16];
} dyad_role;

typedef struct {
    uint32_t role_first, role_n;
    uint8_t kind;           /* dyad_actor_kind */
    uint8_t ref;            /* dyad_ref_kind for AK_REF; REF_ORG on an AK_PERSON: a body
                             * with dated roles (orgs*, groups* files), never a "he" */
    uint16_t file;
    uint32_t line;
    uint32_t name_off;      /* first name, in the dict's string pool */
} dyad_entry;

enum { PEL_WORD = 1, PEL_SET, PEL_TARGET, PEL_SOURCE, PEL_VERB, PEL_COMPOUND };

typedef struct {
    uint8_t kind;
    uint8_t adj;            /* written joined to the element before ("most_certainly"):
                             * matches right after it, no word between */
    int32_t id;             /* PEL_WORD: lemma word id; PEL_SET: set index */
} dyad_pel;

typedef struct {
    char code[8];           /* "---" for none */
    char code2[8];          /* "a:b" linked pair: the target's act back to the source, or "" */
    uint64_t need[4];       /* bloom bits of the words this pattern requires */
    uint32_t el_first, el_n;
    uint16_t file;
    uint32_t line;
    uint32_t text_off;      /* the pattern as written, in the string pool */
} dyad_pattern;

enum { VF_NONE = 0, VF_SAY, VF_INTENT, VF_THREAT, VF_REFUSE, VF_ASPECT, VF_APPEAL, VF_DEMAND, VF_NEGATE, VF_COUNT };

typedef struct {
    char code[8];
    char code2[8];          /* "a:b" linked pair on the verb line, or "" */
    uint8_t flag;           /* VF_* */
    uint32_t pat_first, pat_n;
    uint16_t file;
    uint32_t line;
    int32_t lemma;          /* word id of the lemma's first word */
    int32_t next;           /* next verb block sharing a form with this one, or -1 */
    uint8_t multiword;      /* lemma had particle words ("carry out") */
    uint32_t particles_off; /* those words, in the string pool (0: none) */
    char mw_code[8];        /* the code the verb line gives a multi-word lemma */
} dyad_verb;

typedef struct {
    uint32_t first, n;      /* member word ids: members[first..first+n) as runs */
} dyad_set_member;

typedef struct {
    uint32_t name_off;
    uint64_t bloom[4];          /* bloom bits of the members' first words */
    uint32_t mem_first, mem_n;  /* into set_members */
    uint16_t file;
    uint32_t line;
} dyad_set;

typedef struct {
    char code[8];
    double goldstein;
    int quad;
    uint32_t name_off;
    char negated[8];        /* negation = recode: the code of the negated verb ("---": none), or "" */
} dyad_code_info;

/* Coding conventions a folder's *.options file asks for (dict/README.md). */
typedef struct {
    uint8_t future_plain;   /* future = plain: "will attack" keeps the verb's own code */
    uint8_t negation_code;  /* negation = code: a negated verb is coded like any other */
    int8_t require_dyad;    /* require_dyad = yes|no: 1, 0; -1 when not said */
    uint8_t that_object;    /* that_clause = object: a verb's that-clause is part of its clause */
    uint8_t negation_recode; /* negation = recode: a negated verb's code through the codes' negated */
    uint8_t null_dashes;    /* null_actor = ---: a missing actor is "---", an agent with no
                             * country "---AGENT" (PETRARCH's output) */
    uint8_t several_each;   /* several_codes = each: an actor coded "FRO/BIL/SAM" yields one
                             * event per code (PETRARCH-1); else the joined code is written */
    uint8_t passive_active; /* agentless_passive = active: a passive with no by-agent is coded
                             * as if active, its subject the source (PETRARCH-1) */
    uint8_t late_target;    /* late_target = yes: a verb with no target in its clause takes the
                             * first actor of a subordinate clause after it (PETRARCH-1) */
    uint8_t stacked_agents; /* stacked_agents = yes: every agent that starts inside a matched agent
                             * adds its code too, a prefix agent's in front ("human rights
                             * activists in Kenya": HGM~, SGM~ -> SGMHGMKEN; PETRARCH-1) */
    uint8_t relevance_all;  /* relevance = all: every candidate event is kept (other coders'
                             * conventions); by default only political events (relevance.h) */
    uint8_t reserved[5];
} dyad_dict_opts;

/* name-trie terminal flags */
enum { NF_CAP = 1, NF_ALLCAPS = 2 };

typedef struct {
    dyad_lexicon lex;
    /* per word id */
    int32_t *word_lemma;    /* base form of an inflected dictionary word, else -1 */
    int32_t *word_verb;     /* verb block of this form, else -1 */
    uint16_t *word_class;   /* function-word classes (word_class.h) */
    uint8_t *root_child;    /* does some name start with this word? (after finalize) */
    size_t word_cap;

    /* name trie: node 0 is the root */
    uint64_t *edge_key;     /* (node << 32) | word, open addressing */
    int32_t *edge_child;
    size_t edge_slots, edge_n;
    int32_t *node_entry;    /* entry index or -1 */
    uint8_t *node_flags;    /* NF_* of the name that ends here */
    size_t node_n, node_cap;

    dyad_entry *entries; size_t n_entries, cap_entries;
    dyad_role *roles; size_t n_roles, cap_roles;
    dyad_verb *verbs; size_t n_verbs, cap_verbs;
    dyad_pattern *pats; size_t n_pats, cap_pats;
    dyad_pel *pels; size_t n_pels, cap_pels;
    dyad_set *sets; size_t n_sets, cap_sets;
    dyad_set_member *members; size_t n_members, cap_members;
    int32_t *member_words; size_t n_member_words, cap_member_words;
    dyad_code_info *codes; size_t n_codes, cap_codes;

    char *pool; size_t pool_len, pool_cap;     /* names, patterns as written */
    char **files; size_t n_files, cap_files;   /* file paths, for messages */

    size_t n_names;         /* names added to the trie */
    size_t names_written[AK_DISCARD + 1]; /* names as the files write them, by kind */
    size_t n_story_discards;
    dyad_dict_opts opts;
} dyad_dict;

/* Diagnostics: severity 'E' (error) or 'W' (warning), message "file:line: text". */
typedef void (*dyad_diag_fn)(void *ud, char severity, const char *msg);

typedef struct {
    size_t errors, warnings;
} dyad_dict_counts;

/* Loads dir into d. Returns 0 when there were no errors. */
int dyad_dict_load(dyad_dict *d, const char *dir, const dyad_morph *morph,
                   dyad_diag_fn diag, void *ud, dyad_dict_counts *counts);
void dyad_dict_free(dyad_dict *d);

/* Interns a word (lower-cased) and returns its id, -1 on allocation failure. */
int32_t dyad_dict_intern(dyad_dict *d, const char *s, size_t len);

/* Bloom bit of a word id, for quick rejection of patterns. */
static inline void dyad_bloom_set(uint64_t b[4], int32_t w)
{
    uint32_t h = (uint32_t)w * 2654435761u >> 24;
    b[h >> 6] |= 1ull << (h & 63);
}

static inline int dyad_bloom_has(const uint64_t b[4], int32_t w)
{
    uint32_t h = (uint32_t)w * 2654435761u >> 24;
    return (b[h >> 6] >> (h & 63)) & 1;
}

/* Trie step: child of node for word, or -1. */
int32_t dyad_dict_child(const dyad_dict *d, int32_t node, int32_t word);

/* The role code of entry e on date ymd (0 = unknown date: the default role, else
 * the latest dated one). Returns NULL if the entry has no role on that date. */
const char *dyad_dict_role(const dyad_dict *d, const dyad_entry *e, int32_t ymd);

const dyad_code_info *dyad_dict_code(const dyad_dict *d, const char *code);
const char *dyad_dict_str(const dyad_dict *d, uint32_t off);

static inline int32_t dyad_dict_lemma(const dyad_dict *d, int32_t word)
{
    return (word >= 0 && d->word_lemma[word] >= 0) ? d->word_lemma[word] : word;
}

#endif
