/* pattern.h - the pattern match: a verb group's code from its verb's patterns.
 *
 * In: a verb group (phrase.h) whose head is a dictionary verb, the sentence's
 * tokens and mentions (actor.h), the start of the verb's subject, and a bloom
 * filter of the sentence's lemmas (a quick rejection of patterns whose words are
 * absent). Out: the code of the pattern that matches the most elements (upper
 * part backwards from the verb, lower part forwards within the clause; `$`, `+`
 * and `%` bind mentions, `&SET` members and `_` joins match words), else the
 * verb block's own code; the mentions the pattern bound. Pure: reads only. */
#ifndef DYAD_PATTERN_H
#define DYAD_PATTERN_H

#include <stdint.h>

#include "actor.h"
#include "dict.h"
#include "phrase.h"
#include "token.h"

typedef struct {
    char code[8];
    char code2[8];          /* the linked pair's second code, or "" */
    int32_t pattern;        /* the pattern matched, -1 for the verb's own code */
    int32_t src, tgt;       /* mentions bound by `$` and `+`, or -1 */
    int32_t comp;           /* '%' matched: the compound subject, the target when none other */
    int inverse;            /* the pattern names the source (`$`): the subject is the target */
    int explicit_tgt;       /* the pattern names the target */
    uint32_t match_end;     /* where the pattern's match ends */
} dyad_verb_code;

/* The code of group g (subject starting at token lo); returns 0 if the verb is
 * no event (no code, or the null code "---"). */
int dyad_verb_code_of(const dyad_dict *d, const dyad_token *tok, const dyad_mentions *ms,
                      const dyad_vgroup *g, uint32_t lo, const uint64_t bloom[4], dyad_verb_code *vc);

#endif
