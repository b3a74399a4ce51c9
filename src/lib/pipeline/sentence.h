/* sentence.h - split normalized text into sentences.
 *
 * Contract: sentences end at . ! ? (with any closing quotes or brackets) followed
 * by white space and a capital, digit, quote or the end of the text, and at blank
 * lines. A period after an abbreviation (Gen., Sen., Jan., U.S., initials) does
 * not end a sentence, unless a multi-dot abbreviation such as "U.S." is followed by
 * a word that usually starts one ("The", "He", ...). A leading dateline
 * ("BAKU, May 4 (Reuters) - ") is left out of the first sentence; its month and
 * day (and year, if given) are returned. Spans are trimmed of white space. */
#ifndef DYAD_SENTENCE_H
#define DYAD_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t off, len;
} dyad_span32;

typedef struct {
    dyad_span32 *s;
    size_t n, cap;
    int dateline_year, dateline_month, dateline_day; /* 0 when absent */
} dyad_sentences;

/* Returns the number of sentences, or -1 on allocation failure. */
long dyad_split_sentences(const char *text, size_t len, dyad_sentences *out);
void dyad_sentences_free(dyad_sentences *s);

/* Month name or abbreviation ("May", "Jan", "Sept", "january") -> 1..12, else 0. */
int dyad_month_from_name(const char *s, size_t len);

#endif
