/* token.h - tokens of one sentence: byte spans into the sentence text.
 *
 * Contract: dyad_tokenize splits a normalized UTF-8 sentence into tokens.
 * "U.S." and "Nagorno-Karabakh" are one token; "Armenia's" is "Armenia" + "'s";
 * "$4.2 million" is one TOK_MONEY token carrying its value; "2008" is TOK_NUMBER
 * with TOKF_YEAR. Tokens never copy text. */
#ifndef DYAD_TOKEN_H
#define DYAD_TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum {
    TOK_WORD = 0,
    TOK_NUMBER,
    TOK_MONEY,
    TOK_PUNCT,
    TOK_SYMBOL
} dyad_tok_kind;

enum {
    TOKF_CAP = 1,       /* first letter upper-case */
    TOKF_ALLCAPS = 2,   /* every letter upper-case (and at least one letter) */
    TOKF_YEAR = 4,      /* a number 1900..2099 */
    TOKF_HYPHEN = 8,    /* contains a hyphen */
    TOKF_SENT_START = 16
};

enum {
    TAGF_HINT = 1,      /* tagrec holds the lower-cased form's record (NULL: none) */
    TAGF_EXACT = 2,     /* the tagger knows another spelling in capitals: look it up too */
    TAGF_LOWER = 4,     /* with TAGF_HINT: the token has no capital letter */
    TAGF_TITLE = 8      /* with TAGF_EXACT: tagrec_exact holds the record of the token as
                         * written (NULL: none), a capital and then lower case ("The") */
};

/* Part-of-speech tags (Penn Treebank, as Lingua::EN::Tagger names them). */
typedef enum {
    TAG_NONE = 0,
    TAG_CC, TAG_CD, TAG_DT, TAG_EX, TAG_FW, TAG_IN, TAG_JJ, TAG_JJR, TAG_JJS,
    TAG_LRB, TAG_LS, TAG_MD, TAG_NN, TAG_NNP, TAG_NNPS, TAG_NNS, TAG_PDT, TAG_POS,
    TAG_PP,   /* sentence-final . ! ? */
    TAG_PPC,  /* , */
    TAG_PPD,  /* $ */
    TAG_PPL,  /* opening quote */
    TAG_PPR,  /* closing quote */
    TAG_PPS,  /* : ; -- ... */
    TAG_PRP, TAG_PRPS, TAG_RB, TAG_RBR, TAG_RBS, TAG_RP, TAG_RRB, TAG_SYM, TAG_TO,
    TAG_UH, TAG_VB, TAG_VBD, TAG_VBG, TAG_VBN, TAG_VBP, TAG_VBZ, TAG_WDT, TAG_WP,
    TAG_WPS, TAG_WRB,
    TAG_COUNT
} dyad_tag;

const char *dyad_tag_name(dyad_tag tag);          /* "NN", "VBD", ... ("" for TAG_NONE) */
dyad_tag dyad_tag_from_lingua(const char *s, size_t len); /* "nn" -> TAG_NN; TAG_NONE if unknown */

typedef struct {
    uint32_t off, len;  /* bytes in the sentence text */
    uint8_t kind;       /* dyad_tok_kind */
    uint8_t flags;      /* TOKF_* */
    uint8_t tag;        /* dyad_tag, set by the tagger */
    uint8_t tagflags;   /* TAGF_*: what the coder already knows for the tagger */
    int32_t word;       /* lexicon id of the lower-cased form; -1 if not in the lexicon */
    /* What the dictionary's per-word tables say of word, copied onto the token once
     * by the coder, so that the stages read the token and not tables far apart in
     * memory (dict.h): */
    int32_t lemma;      /* dyad_dict_lemma(word); -1 when word is -1 */
    int32_t verb;       /* word_verb[word]: verb block of this form, or -1 */
    int32_t name_node;  /* the name trie's node for the word as a name's first word, or -1 */
    uint16_t wclass;    /* word_class[word]: function-word classes (word_class.h), or 0 */
    const void *tagrec; /* the tagger's record of the lower-cased form, when tagflags says so */
    const void *tagrec_exact; /* the record of the token as written, when tagflags says so */
    double value;       /* TOK_NUMBER / TOK_MONEY: the amount (4.2 million -> 4200000) */
    char currency[4];   /* TOK_MONEY: ISO 4217 code */
} dyad_token;

typedef struct {
    dyad_token *tok;
    size_t n, cap;
} dyad_tokens;

/* Tokenizes text[0..len); appends to out (which is reset first). Returns the count,
 * or -1 on allocation failure. */
long dyad_tokenize(const char *text, size_t len, dyad_tokens *out);
void dyad_tokens_free(dyad_tokens *t);

/* Penn Treebank tag families. */
static inline int dyad_tag_is_noun(int tag)
{
    return tag == TAG_NN || tag == TAG_NNS || tag == TAG_NNP || tag == TAG_NNPS;
}

static inline int dyad_tag_is_verb(int tag) /* any verb form or a modal */
{
    return tag == TAG_VB || tag == TAG_VBD || tag == TAG_VBG || tag == TAG_VBN || tag == TAG_VBP ||
           tag == TAG_VBZ || tag == TAG_MD;
}

/* Is token t (spanning text) the word w, ignoring ASCII case? w is lower case.
 * Most calls are decided by the first letter (word lists are walked for every
 * token), the rest by the length: inline, so that strlen(w) of a literal is a
 * constant. */
static inline int dyad_tok_is(const char *text, const dyad_token *t, const char *w)
{
    const char *s = text + t->off;
    if (t->len) {
        char c0 = s[0];
        if (c0 >= 'A' && c0 <= 'Z')
            c0 = (char)(c0 + 32);
        if (c0 != w[0])
            return 0;
    }
    if (t->len != strlen(w))
        return 0;
    for (uint32_t i = 0; i < t->len; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[i])
            return 0;
    }
    return 1;
}

/* Is token t one of the words (lower case, NULL-terminated)? */
static inline int dyad_tok_in(const char *text, const dyad_token *t, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (dyad_tok_is(text, t, words[i]))
            return 1;
    return 0;
}

#endif
