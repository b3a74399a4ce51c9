/* convert.h - converts PETRARCH and TABARI dictionaries into a dyad dictionary folder.
 *
 * Contract: each converter reads the other coder's files and writes, into outdir
 * (created if missing), files that dyad's ordinary loader reads (dict/README.md):
 *   NAME.actors   one per actors file       NAME.agents   the agents file
 *   NAME.verbs    synonym sets and verbs     NAME.discards the discard list (PETRARCH)
 *   cameo.codes   a copy of dyad's code table
 *   extra.codes   codes the source uses that cameo.codes lacks (Goldstein and quad class
 *                 of their root, else 0.0 and the quad of the root's range)
 * NAME is the input file's base name without ".txt" and without a trailing
 * ".actors"/".agents"/".verbs"/".discards".
 *
 * The .discards format: one phrase per line, "+phrase" discards the whole story,
 * "#" starts a comment; words are separated by single spaces.
 *
 * Every problem and every approximation (something dyad's format cannot say, kept
 * as the closest meaning) is written to diag as "file:line: warning: message" and
 * counted in *warnings; after each input file a line "file: N warnings" (or
 * "file: converted") follows. Unreadable input or unwritable output is an error
 * ("file: error: message") and makes the call return -1; otherwise 0.
 *
 * codes_file: dyad's cameo.codes to copy; NULL looks for $DYAD_DICT/cameo.codes,
 * dict/cameo.codes and ../dict/cameo.codes. No global state; diag may be NULL. */
#ifndef DYAD_CONVERT_H
#define DYAD_CONVERT_H

#include <stddef.h>
#include <stdio.h>

typedef enum { DYAD_FROM_PETRARCH = 1, DYAD_FROM_TABARI = 2 } dyad_convert_from;

/* What to convert. Unused fields NULL / 0. */
typedef struct {
    dyad_convert_from from;
    /* PETRARCH: a PETR_config.ini; its [Dictionaries] names (verbfile_name,
     * actorfile_list, agentfile_name, discardfile_name,
     * internal_coding_ontology_filename) are looked for next to it and in a sibling
     * "dictionaries" folder. TABARI: a .project file (<actorsfile>, <verbsfile>,
     * <agentsfile>, <optionsfile>; names relative to the project's folder). Files
     * given explicitly below take precedence over the config's. */
    const char *config;
    const char *verbs;
    const char *const *actors;  /* n_actors files (TABARI: the first only) */
    int n_actors;
    const char *agents;
    const char *discards;       /* PETRARCH only */
    /* PETRARCH only: UniversalPetrarch's internal coding ontology (PICO): negated
     * verbs are re-coded through it (convert_pico.c; the options file then says
     * negation = recode) */
    const char *ontology;
    /* PETRARCH only: whose coding conventions the options file holds: "petrarch1"
     * (PETRARCH-1: also agentless_passive = active, late_target = yes), "petrarch2"
     * (PETRARCH-2, Phoenix) or "up" (UniversalPetrarch: several codes joined);
     * NULL: "up" when an ontology is given, else "petrarch2". An unknown dialect is
     * an error. */
    const char *dialect;
    /* TABARI only: a .options file. Besides the dyad files, the TABARI files are kept
     * in outdir as NAME.KIND.tabari ("# tabari KIND" first), which make dyad code the
     * folder the TABARI way (src/lib/tabari.h, dict/README.md). */
    const char *options;
    const char *codes_file;     /* dyad's cameo.codes to copy (NULL: see above) */
} dyad_convert_opts;

/* Limits on what one dictionary line or entry may expand into (README "Limits").
 * Expansion stops at the limit, so conversion time stays linear in the input; past
 * one, the conversion fails with "file:line: error: ... (limit N)". */
#define DYAD_CONVERT_MAX_PATTERNS 32    /* patterns one verb pattern's { | } groups make */
#define DYAD_CONVERT_MAX_MEMBERS 64     /* members one synonym-set line's { | } groups make */
#define DYAD_CONVERT_MAX_MACRO 1024     /* names one agent line's !MACRO!s make */
#define DYAD_CONVERT_MAX_NAMES 4096     /* names and synonyms of one actor or agent entry */

/* The one entry point: converts what o names into outdir. */
int dyad_convert(const dyad_convert_opts *o, const char *outdir, FILE *diag, size_t *warnings);

/* ---- shared by the converters (convert_common.c, convert_actors.c, convert_verbs.c,
 * convert_petrarch.c, convert_tabari.c, convert_pico.c; not for callers) ---- */

typedef struct cv_set cv_set;
typedef struct cv_str cv_str;

typedef struct {
    FILE *diag;
    size_t warnings, file_warnings;
    int failed;
    const char *file;          /* input file being read */
    long line;
    int tabari;                /* TABARI conventions (stems, ';' comments) */
    char **codes; size_t n_codes, cap_codes;       /* known CAMEO codes (cameo.codes) */
    char **extra; size_t n_extra, cap_extra;       /* codes to add to extra.codes */
    cv_set *sets; size_t n_sets, cap_sets;         /* synonym sets of the verbs file */
    char **lemmas; size_t n_lemmas, cap_lemmas;    /* verb lemmas already written */
    char **outnames; size_t n_out, cap_out;        /* output file names used */
    const char *outdir;
    FILE *verbs_out;
} cv_ctx;

void cv_warn(cv_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cv_error(cv_ctx *c, const char *what, const char *msg);
/* An error at the current file:line (the conversion fails). */
void cv_line_error(cv_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cv_begin(cv_ctx *c, const char *outdir, const char *codes_file, FILE *diag);
int cv_finish(cv_ctx *c, size_t *warnings);
void cv_file_done(cv_ctx *c);
/* Strings: a copy (NULL when out of memory); appending a copy to an array (-1 when
 * out of memory); membership; freeing an array and its strings. */
char *cv_strdup(const char *s);
int cv_push_str(char ***arr, size_t *n, size_t *cap, const char *s);
int cv_has_str(char **arr, size_t n, const char *s);
void cv_free_strs(char **arr, size_t n);
/* Converts an event code as written ("064", "032:033", "075A", "---"); writes the
 * dyad code (2-4 digits or "---") to out. Returns 0, or -1 when it cannot be used. */
int cv_event_code(cv_ctx *c, const char *raw, char out[8]);
/* The two converters behind dyad_convert (convert_petrarch.c, convert_tabari.c). */
int cv_petrarch(const dyad_convert_opts *o, const char *outdir, FILE *diag, size_t *warnings);
int cv_tabari(const dyad_convert_opts *o, const char *outdir, FILE *diag, size_t *warnings);
/* Frees the synonym sets (convert_verbs.c). */
void cv_free_sets(cv_ctx *c);
/* Reads a file into lines (CR stripped); returns NULL on error (reported). */
char **cv_read_lines(cv_ctx *c, const char *path, size_t *n, char **buf);
/* Opens outdir/BASE.kind for a source file; NULL on error (reported). */
FILE *cv_open_out(cv_ctx *c, const char *src, const char *kind);
int cv_close_out(cv_ctx *c, FILE *f, const char *what);
/* Strips a trailing comment ('#', and ';' for TABARI-style files); returns s. */
char *cv_strip_comment(char *s, int semicolon);
char *cv_trim(char *s);
/* Actors/agents: converts a whole file. */
int cv_convert_actors(cv_ctx *c, const char *path, int agents);
/* Verbs: converts a whole file (PETRARCH blocks or TABARI verb lines). */
int cv_convert_verbs(cv_ctx *c, const char *path);
int cv_convert_discards(cv_ctx *c, const char *path);
/* UniversalPetrarch's ontology: "negated CODE = CODE" lines for the options file. */
int cv_pico_negations(cv_ctx *c, const char *path, FILE *out);

#endif
