/* doc_date.h - the document's date: its own, else one its text gives; and how a
 * person's dated roles were chosen with it.
 *
 * Contract: dyad_doc_date_find takes the document's own date (dyad_doc.date) when
 * it is readable; else the first of these the text gives (source in brackets):
 *   - a dateline with a year, "TBILISI, Aug 8, 2008 (Reuters) -" (DATELINE, day);
 *   - a dateline's month and day, "MOSCOW, March 3 -", with a date in the lead
 *     (DATELINE_LEAD, day), in the year that puts the dateline's day nearest the
 *     lead's date ("Jan 3" over a lead's "Dec. 29, 2023" is 2024-01-03);
 *   - a date in the lead (LEAD): "on Aug. 11, 2008", "on Monday, Aug. 11, 2008",
 *     "7 October 2023" (day), "in May 2019" (month), else the latest "in 2008"
 *     (year). A weekday alone ("on Monday") names no day without a year and month,
 *     so it gives nothing; nor do "since 1994" or "by 2030".
 * The lead is the first DYAD_LEAD_SENTENCES sentences after the dateline. A date
 * found in the text carries its own precision (a year alone stays a year).
 * Without any, the source is DYAD_DATE_NONE and people's dated roles take the
 * entry's undated (default) role, else its latest dated one (dict.h).
 *
 * dyad_role_ymd gives the day roles are resolved at: the date itself, the 15th of
 * a month, 1 July of a year, 0 for none. */
#ifndef DYAD_DOC_DATE_H
#define DYAD_DOC_DATE_H

#include <stdint.h>
#include <stdio.h>

#include "actor.h"
#include "dict.h"
#include "dyad.h"
#include "sentence.h"
#include "token.h"

#define DYAD_LEAD_SENTENCES 2

typedef struct {
    dyad_date date;            /* year 0: none */
    dyad_date_source source;
    uint32_t lead_off, lead_len; /* the lead's words that gave the date or its year
                                  * (bytes of the document's text); len 0: none */
    int bad_date;              /* the document's own date could not be read */
} dyad_doc_date;

/* Finds the date of the document whose normalized text and sentences are given;
 * given is the document's own date (YYYYMMDD or YYYY-MM-DD, or NULL). toks is
 * scratch space. Returns 0, or -1 when out of memory. */
int dyad_doc_date_find(const char *given, const char *text, const dyad_sentences *sents,
                       dyad_tokens *toks, dyad_doc_date *out);

/* yyyymmdd the roles of people are resolved at for date d (0: no date). */
int32_t dyad_role_ymd(const dyad_date *d);

/* Does the entry have roles with dates? */
int dyad_entry_has_dated_roles(const dyad_dict *d, const dyad_entry *e);

/* The mentions (not back-references) whose entry has dated roles: on a sentence
 * coded without a date, those that took their undated or latest role. */
size_t dyad_undated_roles(const dyad_dict *d, const dyad_mentions *ms);

/* Does the role of e depend on the date ymd (0: none)? A person's dated roles do;
 * a state's (a countries file's entry with an undated role) only where a dated
 * role covers ymd: undated text names the present state. */
int dyad_role_depends_on_date(const dyad_dict *d, const dyad_entry *e, int32_t ymd);

/* The explain output's first line: the document's date and where it came from. */
void dyad_explain_doc_date(FILE *ex, const char *text, const dyad_sentences *sents,
                           const dyad_doc_date *dd);

/* The explain output's line under an actor whose entry has dated roles: the role
 * chosen and why (the date used and its source, or no date: which fallback). */
void dyad_explain_role(FILE *ex, const dyad_dict *d, const dyad_entry *e, const dyad_date *date,
                       dyad_date_source source);

#endif
