/* word_class.h - function-word classes in the dictionary's word table.
 *
 * In: a loaded dictionary. Out: its word_class table (dict.h) with a bit per
 * class set on the function words the verb-group stage (phrase.h) and the
 * re-tagging pass (retag.h) look for: forms of be and get, auxiliaries, negation,
 * future modals, subordinating and coordinating words, "that", relative
 * pronouns, clause stops. Tokens carry their word's classes (token.h: wclass).
 * Registered once after loading, before the tables are shared or cached. */
#ifndef DYAD_WORD_CLASS_H
#define DYAD_WORD_CLASS_H

#include "dict.h"

enum {
    WC_BE = 1,              /* be, is, was, get, got ...: passive auxiliaries */
    WC_NEG = 2,             /* not, n't, never, no */
    WC_FUT = 4,             /* will, would, shall, 'll */
    WC_SUBORD = 8,          /* that, which, because, if, after, ...: opens a clause */
    WC_COORD = 16,          /* and, but, or, then, also */
    WC_THAT = 32,
    WC_WH = 64,             /* which, who */
    WC_STOP = 128,          /* ; : -- */
    WC_AUXTO = 256,         /* going, is, has ... before "to": "is to", "going to" */
    WC_AS = 512,
    WC_TEMPORAL = 1024,     /* after, before, since, until */
    WC_COMMA = 2048,
    WC_AUX = 4096,          /* auxiliaries: a verb group goes on after these */
    WC_CONTRAST = 8192      /* while, whereas */
};

/* Returns 0, or -1 when out of memory. */
int dyad_word_classes_register(dyad_dict *d);

#endif
