/* date.h - the date of an event from the words of its clause.
 *
 * Contract: dyad_find_date looks in tokens [a, b) for an explicit date and
 * resolves it against the document date: "in 2008", "from 2016 to 2017" (year),
 * "in May 2019", "last month" (month), "on May 4", "May 4, 2019", "on Monday",
 * "yesterday" (day), "last year" (year). Month-day dates without a year take the
 * document's year, or the year before when that would put them after the
 * document. Returns 1 and fills *out when the clause gives a date; 0 leaves *out. */
#ifndef DYAD_DATE_H
#define DYAD_DATE_H

#include <stddef.h>

#include "dyad.h"
#include "token.h"

int dyad_find_date(const char *text, const dyad_token *tok, size_t a, size_t b,
                   const dyad_date *doc_date, dyad_date *out);

/* The token's value when it is a number from lo to hi, else 0. */
int dyad_tok_small_int(const char *text, const dyad_token *t, int lo, int hi);

/* Is the token a day of the week? */
int dyad_is_weekday(const char *text, const dyad_token *t);

/* A day named between a subject and its verb: "today", "yesterday", "Friday". */
int dyad_is_day_word(const char *text, const dyad_token *t);

/* Days since 1970-01-01 and back (proleptic Gregorian). */
long dyad_days_from_civil(int y, int m, int d);
void dyad_civil_from_days(long z, int *y, int *m, int *d);

#endif
