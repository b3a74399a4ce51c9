/* dyad.h - the public interface of libdyad, a CAMEO event coder for English news text.
 *
 * A dyad_coder holds loaded dictionaries and models; it is read-only once made and
 * may be shared by several threads. Each thread codes with its own dyad_work
 * (scratch space reused from call to call). Events are handed to a callback; the
 * strings they point to live until the callback returns. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

typedef struct dyad_coder dyad_coder;
typedef struct dyad_work dyad_work;

typedef struct {
    const char *dict_dir;    /* dyad dictionary folder, or a TABARI .project file (converted
                              * on the fly); NULL: DYAD_DICT or the built-in path */
    const char *tagger_dir;  /* Lingua::EN::Tagger data; NULL: the Debian path */
    const char *wordnet_dir; /* WordNet exception lists; NULL: the Debian path */
    int require_dyad;        /* 1: emit only events with both a source and a target; 0: also
                              * one-sided ones; -1 (default): as the dictionary's *.options
                              * file says, else 0 */
} dyad_options;

dyad_options dyad_default_options(void);

/* Loads dictionaries and models. On failure returns NULL and writes a one-line
 * message ("file:line: message") into err. The dictionary's warnings are not
 * reported here: dyad_coder_warnings counts them, dyad_dict_check lists them. */
dyad_coder *dyad_coder_new(const dyad_options *opt, char *err, size_t errlen);
void dyad_coder_free(dyad_coder *coder);

/* Whether the coder's tables came from the compiled cache (1) or were loaded from
 * the dictionary, tagger and WordNet files (0). dyad_coder_new keeps one cache file
 * per dictionary folder in $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else
 * $HOME/.cache/dyad, used only while every file it was built from is unchanged;
 * DYAD_NO_CACHE=1 turns it off. */
int dyad_coder_from_cache(const dyad_coder *coder);

/* Why the cache was not used, or "" : a cache folder or file refused (owned by
 * another user, writable by group or others, not a regular file) or a damaged
 * cache file rebuilt. The coder works either way; a CLI shows it as a warning. */
const char *dyad_coder_cache_note(const dyad_coder *coder);

/* The warnings loading the dictionary gave (dyad dict check lists them). */
size_t dyad_coder_warnings(const dyad_coder *coder);

dyad_work *dyad_work_new(void);
void dyad_work_free(dyad_work *work);

typedef enum { DYAD_PREC_NONE = 0, DYAD_PREC_YEAR, DYAD_PREC_MONTH, DYAD_PREC_DAY } dyad_precision;

typedef struct {
    int year, month, day;      /* year 0: no date */
    dyad_precision precision;
} dyad_date;

typedef struct {
    uint32_t off, len;         /* byte span inside the sentence; len 0: none */
} dyad_span;

typedef struct {
    const char *doc_id;
    int sent;                  /* sentence index in the document, from 0 */
    const char *text;          /* the sentence (normalized UTF-8), not NUL-terminated */
    size_t text_len;
    dyad_date date;
    char source[32], target[32]; /* CAMEO actor codes; "" when unknown */
    char code[8];              /* CAMEO event code with its leading zero, e.g. "0231" */
    char root[3];
    int quad_class;
    double goldstein;
    dyad_span source_span, verb_span, target_span;
    int has_amount;
    double amount;             /* e.g. 3000000 */
    char currency[4];          /* ISO 4217, e.g. "USD" */
} dyad_event;

/* Options of one document (a JSONL document's "config"), over the coder's. */
typedef struct {
    int require_dyad;          /* 1: only events with a source and a target; 0: also
                                * one-sided ones; -1: as the coder says (dyad_options) */
    const char *engine_lines;  /* TABARI .options commands ("SET: CODE ALL", "DEFAULT:
                                * ...", "FORWARD: ..."), one a line, applied after the
                                * dictionary's in TABARI mode; NULL: none */
} dyad_doc_options;

typedef struct {
    const char *id;
    const char *date;          /* YYYYMMDD or YYYY-MM-DD, or NULL */
    const char *text;
    size_t text_len;
    const dyad_doc_options *options; /* this document's options; NULL: the work object's
                                      * (dyad_work_set_doc_options), else the coder's */
    const char *title;         /* the headline (NUL-terminated UTF-8), or NULL: its country
                                * is the story's context for roles ("officials" -> its GOV) */
} dyad_doc;

/* Where a document's date came from (dyad_doc_stats.date_source). */
typedef enum {
    DYAD_DATE_NONE = 0,        /* none: people's dated roles fall back to the entry's
                                * undated role, else its latest dated one */
    DYAD_DATE_GIVEN,           /* the document's own date (dyad_doc.date) */
    DYAD_DATE_DATELINE,        /* a dateline with a year: "TBILISI, Aug 8, 2008 (Reuters) -" */
    DYAD_DATE_DATELINE_LEAD,   /* a dateline's month and day ("MOSCOW, March 3 -"), the
                                * year from a date in the lead */
    DYAD_DATE_LEAD             /* a date in the lead: "on Aug. 11, 2008" (day), "in May
                                * 2019" (month), "in 2008" (year) */
} dyad_date_source;

/* "none", "document", "dateline", "dateline and lead", "lead". */
const char *dyad_date_source_name(dyad_date_source source);

typedef struct {
    size_t sentences;
    size_t events;
    size_t invalid_bytes;      /* invalid UTF-8 bytes replaced by U+FFFD */
    size_t long_sentences;     /* sentences over the token limit, not coded */
    int bad_date;              /* the document's date could not be read */
    size_t discarded_sentences; /* sentences voided by a discard phrase */
    int discarded;             /* the whole story was voided by a discard phrase */
    dyad_date date;            /* the document's date as used (year 0: none) */
    dyad_date_source date_source; /* where it came from */
    size_t undated_roles;      /* actor mentions with dated roles coded with no date (each
                                * took its undated or latest role): --date or a "date"
                                * field would fix them */
} dyad_doc_stats;

/* Return non-zero from the callback to stop coding the document. */
typedef int (*dyad_event_fn)(void *ud, const dyad_event *ev);

/* Called for every proper-noun phrase that looks like an actor (a run of
 * capitalized proper nouns next to a verb the dictionary knows) but matched no
 * dictionary entry: what a dictionary author may want to add. */
typedef void (*dyad_unknown_fn)(void *ud, const char *phrase, size_t len);
void dyad_work_set_unknown(dyad_work *work, dyad_unknown_fn fn, void *ud);

/* The options of the documents coded with this work object from now on (NULL:
 * none, every field as the coder says); copied. */
void dyad_work_set_doc_options(dyad_work *work, const dyad_doc_options *options);

/* The same from option lines ("\n"-separated, NULL: none; a JSONL "config"),
 * read by dyad_doc_options_read. The string must live while it is in use. */
void dyad_work_set_options(dyad_work *work, const char *options);

/* Reads option lines into *out (out->engine_lines = lines): require_dyad from the
 * first line "require_dyad = V" (1 when V starts with y, t or 1, else 0), -1
 * when there is none. */
void dyad_doc_options_read(const char *lines, dyad_doc_options *out);

/* Documents coded one after another with the same work object form a stream:
 * an engine may carry context from one document to the next (TABARI's FORWARD:
 * a leading pronoun stands for the previous record's first actor). A caller that
 * cuts a stream into pieces coded by different work objects (threads) calls this
 * at the start of each piece with the document just before the piece (NULL: the
 * stream starts here), under the options that document was coded with, so that
 * the output does not depend on where the stream was cut. Emits nothing. Returns
 * 0, or -1 when out of memory. */
int dyad_work_follow(const dyad_coder *coder, dyad_work *work, const dyad_doc *previous);

/* Codes one document. Returns 0, or -1 if the callback stopped it. */
int dyad_code(const dyad_coder *coder, dyad_work *work, const dyad_doc *doc,
              dyad_event_fn fn, void *ud, dyad_doc_stats *stats);

/* Like dyad_code, and writes a human-readable account of every stage to out. */
int dyad_explain(const dyad_coder *coder, dyad_work *work, const dyad_doc *doc,
                 FILE *out, dyad_event_fn fn, void *ud, dyad_doc_stats *stats);

/* Loads the dictionary folder dir alone and writes every problem to out as
 * "file:line: error|warning: message". Returns the number of errors (0: valid). */
size_t dyad_dict_check(const char *dir, const dyad_options *opt, FILE *out, size_t *warnings);

/* Loads the dictionary folder dir and writes counts to out: entries per kind and
 * per file, people with dated roles, ISO 3166-1 countries covered (checked against
 * Debian's iso-codes when installed), agents, verb lemmas and patterns, patterns
 * per CAMEO code, and the codes that no verb or pattern produces. Returns the
 * number of dictionary errors (0 when it loaded). */
size_t dyad_dict_stats(const char *dir, const dyad_options *opt, FILE *out);

/* Parses "YYYYMMDD" or "YYYY-MM-DD" (len bytes); returns 0 on success. */
int dyad_parse_date(const char *s, size_t len, dyad_date *out);

#ifdef __cplusplus
}
#endif

#endif
