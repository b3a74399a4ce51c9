/* phrase.h - verb groups and their clauses.
 *
 * Contract: dyad_find_verbs groups verbal tokens (modals, auxiliaries, adverbs
 * such as "not", the main verb) into verb groups and marks, for each: its main
 * verb, voice (passive: a form of be/get + past participle), negation, future
 * (will, would, shall, is to, going to), whether it is a to-infinitive or a
 * gerund governed by an earlier verb ("urged Russia *to withdraw*", "accused
 * Russia *of attacking*"), whether it is coordinated with the previous verb
 * ("invaded Georgia *and bombed* Tbilisi"), and the extent of its clause: the
 * tokens after the verb up to the next finite verb, a subordinating word or
 * a semicolon, where its objects and prepositional phrases are sought. */
#ifndef DYAD_PHRASE_H
#define DYAD_PHRASE_H

#include <stdint.h>

#include "actor.h"
#include "dict.h"
#include "token.h"

typedef struct {
    uint32_t start, end;     /* tokens of the group */
    uint32_t head;           /* main verb */
    uint32_t scope_end;      /* clause ends before this token */
    int32_t verb;            /* dictionary verb block of the head, -1 if none */
    int32_t governor;        /* group that governs this one, -1 */
    int32_t coord;           /* previous group this one is coordinated with, -1 */
    uint8_t passive, negated, future, to_inf, gerund, finite;
    uint8_t subordinate;     /* in a relative or adverbial clause (which, because, after...) */
    uint8_t reduced;         /* participle with no auxiliary after a finite verb: a modifier */
    uint8_t adjacent;        /* to-infinitive right after its governor ("promised to send") */
    uint8_t conditional;     /* in an if / unless / until clause */
    uint8_t obligation;      /* must, should, ought to, has to */
    int32_t comp_of;         /* "demanded that X withdraw": the group whose that-clause this is, -1 */
} dyad_vgroup;

typedef struct {
    dyad_vgroup *g;
    size_t n, cap;
} dyad_vgroups;

/* Fills out with the sentence's verb groups, in order; returns their count or -1
 * when out of memory. Reads the tokens' tags after the re-tagging pass (retag.h)
 * and their function-word classes (word_class.h); tokens inside a mention are no
 * verbs. In three steps: grouping (tokens, head, features), linking (governor,
 * coordination), clause (subordinate, conditional, comp_of, scope_end). */
long dyad_find_verbs(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                     const dyad_mentions *ms, dyad_vgroups *out);


#endif
