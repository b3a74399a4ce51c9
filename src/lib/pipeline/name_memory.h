/* name_memory.h - people (and bodies) a document names in full once, then by
 * surname (or head word) alone.
 *
 * News names a person in full once, with a title ("Treasury Secretary James
 * Baker", "British Trade Secretary Paul Channon"), then by the surname alone
 * ("Baker said", "Channon told Japan"). The memory is per document: it lives in
 * the document's actor memory (actor.h), is emptied with it, and holds no state
 * of its own beyond it.
 *
 * Contract:
 * - dyad_names_learn reads a sentence's mentions after the actor stage: a person
 *   the dictionary names with a first name and a surname ("James Baker" ->
 *   USAGOV on the document's date), or a country and a title right before a
 *   proper name the dictionary lacks ("U.S. Trade Representative Clayton Yeutter"
 *   -> USAGOV: the title's code), is remembered under the surname with its code.
 *   A body the dictionary names in two words or more that end in a head word
 *   (Commission, Community, Fund, Council, Parliament, Assembly, Organisation,
 *   Agency, Alliance, Court: "European Community", "EC Commission") is
 *   remembered under that head word the same way.
 *   A surname that comes with two codes, or that another full name in the
 *   document also ends with ("Howard Baker" beside "James Baker"), is ambiguous
 *   and is never recalled.
 * - dyad_names_recall codes a surname standing alone in a later sentence (not
 *   inside a longer proper name, not after another first name; "Mr Baker" is
 *   fine) as that person: a new mention with the remembered code and entry, in
 *   text order, joined to a compound next to it ("Baker and Miyazawa"); a title
 *   with the surname ("Secretary Baker", read as a title before an unknown name)
 *   takes the person's code too. A head word is recalled only right after
 *   "the" ("the Commission said", "accused the Fund"); "Federal Trade
 *   Commission" beside "European Commission" makes it ambiguous.
 * Works only when the options do not say relevance = all (other coders' suites
 * keep their coders' ways). At most DYAD_NAMES_MAX names per document: the
 * later ones are not remembered. */
#ifndef DYAD_NAME_MEMORY_H
#define DYAD_NAME_MEMORY_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "token.h"

#define DYAD_NAMES_MAX 48
#define DYAD_NAME_LEN 24

typedef struct {
    char surname[DYAD_NAME_LEN];  /* as written ("Baker") */
    char first[DYAD_NAME_LEN];    /* the word before it in the full name ("James"), "" if none */
    char code[32];                /* "" for a full name that resolved to no actor */
    int32_t entry;                /* the person's dictionary entry, -1 for a title's person */
    uint8_t ambiguous;            /* two people or two codes: never recalled */
} dyad_known_name;

typedef struct {
    dyad_known_name k[DYAD_NAMES_MAX];
    size_t n;
} dyad_name_memory;

struct dyad_mentions;   /* actor.h */

void dyad_names_reset(dyad_name_memory *nm);

/* Remembers the full names of one sentence's mentions (and the unknown full
 * names that make a surname ambiguous). */
void dyad_names_learn(dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                      size_t n, const struct dyad_mentions *ms);

/* Adds the mentions of surnames standing alone. Returns how many mentions it
 * added or recoded, -1 on allocation failure. */
long dyad_names_recall(const dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                       size_t n, struct dyad_mentions *ms);

/* Is the one-word person match tok[i] (a surname the dictionary knows: "Peres")
 * someone else's: right after a given name or an initial that no dictionary name
 * covers (prev_matched: a match ends right before it; not an honorific, a title,
 * weekday or month, nor a word of the person's dictionary name before its last:
 * "Mario Branco Peres" is not Shimon Peres), or a surname the document named
 * earlier in full as a person the dictionary lacks, before naming the dictionary's
 * person by it ("Peres said" in the same story)? Only for a person the
 * dictionary names with a given name (name: its first name, "Shimon Peres"). */
int dyad_names_other_person(const dyad_name_memory *nm, const char *text, const dyad_token *tok, uint32_t i,
                            int prev_matched, const char *name);

#endif
