/* actor.h - actors in a sentence: dictionary matches combined into mentions.
 *
 * Contract: dyad_find_actors matches the dictionary's names on the sentence's
 * tokens (longest match, case rule of dict/README.md), then combines them:
 * country + agent in either order ("Azerbaijani armed forces", "the army of
 * Azerbaijan", "Armenia's military" -> AZEMIL), agent + person ("President Biden"
 * -> the person's role on the date), back-references (he, it, the alliance) to the
 * latest actor of their kind in the document. Mentions joined by "and" or commas
 * share a group, so a compound yields one event per member. A role of the state
 * alone (GOV, MIL, COP, JUD, LEG, SPY) takes its country from the context unless
 * the options say relevance = all: a place right after "in" ("police in
 * Nairobi"), or, first in its sentence and not "a spokesman for ...", the
 * story's country (its headline's subject, else its dateline's; with neither,
 * the latest state named): in a story headed "MEXICO SIGNS ... WITH U.K.",
 * "Finance Minister X signed" is Mexican though Britain was named last. */
#ifndef DYAD_ACTOR_H
#define DYAD_ACTOR_H

#include <stdint.h>

#include "dict.h"
#include "name_memory.h"
#include "token.h"

typedef struct {
    uint32_t start, end;    /* tokens [start, end) */
    uint8_t kind;           /* dyad_actor_kind of the main entry */
    uint8_t is_ref;         /* came from a back-reference */
    uint8_t named;          /* an agent with a proper name not in the dictionary ("activist Joshua Wong") */
    uint8_t recalled;       /* a surname the document named in full before (name_memory.h) */
    int32_t entry;          /* main dictionary entry, -1 if none */
    int32_t agent;          /* agent entry combined in, -1 if none */
    int32_t group;          /* compound group (index of its first mention) */
    char code[32];
} dyad_mention;

typedef struct dyad_mentions {
    dyad_mention *m;
    size_t n, cap;
    int32_t discard;        /* a discard phrase in the sentence (a story-level one
                             * first): its entry, else -1 */
} dyad_mentions;

/* The document's memory for back-references: the latest actor of each kind. */
typedef struct {
    char person[32], state[32], org[32], any[32];
    int32_t person_entry, state_entry, org_entry, any_entry;
    /* The last sentence's main subject, which "it" and "they" stand for: its code
     * (agents too: "The company cut prices. It said ..."), or subject_unknown when
     * it was a noun phrase that is no actor. */
    char subject[32];
    int32_t subject_entry;
    uint8_t subject_unknown;
    uint8_t subject_person; /* it named one person (pronoun_ref.h): "he" may stand for it */
    dyad_name_memory names; /* people named in full, for their surnames alone */
    char story[4];          /* the headline's (else the dateline's) country, "" if none */
    char story_org[32];     /* the organization a headline names first ("EC MINISTERS ..."), "" if none */
} dyad_actor_memory;

void dyad_actor_memory_reset(dyad_actor_memory *mem);

/* Records the main subject of the sentence just coded (NULL: a noun phrase that is
 * no actor); person: it names one person (dyad_person_like). */
void dyad_actor_memory_subject(dyad_actor_memory *mem, const dyad_mention *subject, int person);

/* Finds the mentions of one sentence. ymd is the date roles are resolved at
 * (yyyymmdd, 0 if unknown). Updates mem with the sentence's actors. Returns the
 * number of mentions or -1 on allocation failure. */
long dyad_find_actors(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                      int32_t ymd, dyad_actor_memory *mem, dyad_mentions *out);

/* The story's context before its first sentence: the country a headline or a
 * dateline names ("AUSTRALIAN UNIONS LAUNCH STRIKES", "TBILISI, May 4 -") becomes
 * mem's latest state and the story's country (mem->story), which roles with no
 * country of their own take. Of a headline it is the subject's country, its
 * first actor with a state's code (a state, a state's agent, a person in office):
 * "CANADA VOWS TO FIGHT U.S. POTASH ACTION" is Canadian, not American. A
 * headline led by a body of states ("EC WARNS U.S. AND JAPAN") also sets
 * mem->story_org, whose code "Ministers" and "officials" first in a sentence of
 * the story take (EECGOV, not USAGOV). scratch
 * is overwritten. Returns 1 if a country was found, 0 if not, -1 on allocation
 * failure. */
int dyad_actor_context(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                       int32_t ymd, dyad_actor_memory *mem, dyad_mentions *scratch);

/* Index of the mention that starts at or covers token i, or -1. */
int dyad_mention_at(const dyad_mentions *ms, uint32_t i);

/* Index of the mention that starts exactly at token i, or -1 (mentions are in
 * text order). Inline: pattern matching asks it for every token it tries. */
static inline int dyad_mention_starting(const dyad_mentions *ms, uint32_t i)
{
    size_t lo = 0, hi = ms->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ms->m[mid].start < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < ms->n && ms->m[lo].start == i) ? (int)lo : -1;
}

#endif
