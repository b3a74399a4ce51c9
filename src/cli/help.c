/* help.c - the help of every command (one table) and option suggestions (help.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "help.h"
#include "store_cli.h"

typedef struct {
    const char *name;      /* as typed after "dyad": "code", "dict check" */
    const char *synopsis;  /* the arguments after the name */
    const char *summary;   /* one line */
    const char *options;   /* one option per line, "  --opt ARG   meaning"; "" if none */
    const char *examples;  /* command lines, one per line */
} command_help;

#define DICT_OPT "  --dict DIR             dictionary folder, TABARI .project or PETRARCH .ini\n" \
                 "                         (default: $DYAD_DICT, dict/ beside the binary, or the\n" \
                 "                         installed share/dyad/dict)\n"
#define HELP_OPT "  -h, --help             this help\n"

static const command_help commands[] = {
    {"code", "[options] [FILE...]",
     "code documents into CAMEO events, one JSON line (or TSV/CSV row) per event",
     "  --date YYYY-MM-DD      date of documents that carry none (or YYYYMMDD)\n"
     "  --input KIND           text, jsonl or petrarch-xml (default: by the file's\n"
     "                         extension; stdin: sniffed, and said on stderr)\n"
     "  --format FORMAT        jsonl, tsv or csv (default jsonl)\n"
     DICT_OPT
     "  --max-doc-bytes N      skip larger documents, with a reason (default 16777216)\n"
     "  --threads N            code with N threads (default: one per online core);\n"
     "                         the output is the same for every N\n"
     "  --require-dyad         only events with both a source and a target\n"
     "  --ontology plover      add each event's PLOVER event type and mode\n"
     "  --with-docs            a {\"dyad_doc\": ...} line before each document's events\n"
     "  --unknown-actors       after the summary, list proper names that stood where\n"
     "                         actors stand but matched no dictionary entry\n"
     "  -q, --quiet            no run summary, no progress line\n" HELP_OPT,
     "dyad code --date 2008-08-10 --input text story.txt\n"
     "echo '{\"id\":\"x\",\"date\":\"20080810\",\"text\":\"Russia invaded Georgia.\"}' | dyad code\n"
     "dyad code --format tsv --threads 2 docs.jsonl > events.tsv\n"
     "dyad code --dict mydict/ --unknown-actors docs.jsonl > /dev/null\n"},
    {"explain", "[options] TEXT...|-",
     "show every coding step for a text: sentences, tags, actors, verb patterns, events",
     "  --date YYYY-MM-DD      the document's date (dated roles are chosen by it)\n"
     DICT_OPT HELP_OPT,
     "dyad explain --date 2008-08-10 \"Russia invaded Georgia.\"\n"
     "echo \"The army shelled the town.\" | dyad explain -\n"},
    {"dict check", "[DIR]",
     "validate a dictionary folder: every problem as file:line: error|warning: message",
     HELP_OPT,
     "dyad dict check\n"
     "dyad dict check mydict/\n"},
    {"dict stats", "[DIR]",
     "count a dictionary folder's entries per kind and file, patterns per CAMEO code",
     HELP_OPT,
     "dyad dict stats\n"
     "dyad dict stats mydict/ | less\n"},
    {"dict convert", "--from petrarch|tabari (CONFIG|PROJECT | --verbs F --actors F ...) OUTDIR",
     "convert PETRARCH or TABARI dictionaries into a dyad dictionary folder",
     "  --from petrarch|tabari the source format (required)\n"
     "  --verbs F              verb dictionary\n"
     "  --actors F             actor dictionary (PETRARCH: may be repeated)\n"
     "  --agents F             agent dictionary\n"
     "  --discards F           discard list (PETRARCH)\n"
     "  --options F            TABARI .options file\n"
     "  --codes FILE           dyad's cameo.codes to copy (default: the dictionary's)\n"
     "  --ontology F           UniversalPetrarch's internal coding ontology (PETRARCH)\n"
     "  --dialect D            petrarch1, petrarch2 or up (PETRARCH; default: up with\n"
     "                         --ontology, else petrarch2)\n"
     "  -q, --quiet            print only the counts, not each warning\n" HELP_OPT,
     "dyad dict convert --from petrarch path/to/PETR_config.ini phoenix/\n"
     "dyad dict convert --from tabari --verbs X.verbs --actors X.actors --agents X.agents mydict/\n"},
    {"eval", "GOLD.jsonl [options]",
     "code a gold file's texts and score them: exact match, P/R/F1 on events and roots",
     DICT_OPT
     "  --full                 score actors and full codes even when the gold holds less\n"
     "  --codes-only           score only the sets of codes (four digits)\n"
     "  --roots-only           score only the sets of two-digit roots\n"
     "                         (default: the level the gold file holds, printed first)\n"
     "  --checked-only         skip records with \"evaluate\": false\n"
     "  --require-dyad         events need a source and a target (unless a record's\n"
     "                         \"config\" says otherwise)\n"
     "  --misses               print every record whose events differ\n"
     "  --by-category          exact match per record category\n"
     "  --min-exact X          exit 1 when exact match is below X (0 to 1)\n"
     "  --date YYYY-MM-DD      date of records that carry none\n" HELP_OPT,
     "dyad eval ../shared/reference/gold/conflibert_cameo200.jsonl\n"
     "dyad eval gold.jsonl --dict mydict/ --checked-only --misses\n"},
    {"ingest", "[--db URL] [--dedup day|none] [--events] [options of code] FILE...",
     "code documents (or load dyad event JSON lines) into the event store, deduplicated",
     "  --db URL               the store: a SQLite file (default $DYAD_DB, else dyad.db)\n"
     "                         or postgresql://user@host/dbname\n"
     "  --dedup day|none       one event per (date, source, target, code) (default day),\n"
     "                         or one per mention\n"
     "  --events               the files hold events (dyad code's JSON lines), not documents\n"
     "  --batch N              documents per transaction\n"
     "  --generate N           fill the store with N generated events (benchmarks)\n"
     "  --date, --input, --dict, --threads, --max-doc-bytes, --quiet: as for dyad code\n"
     HELP_OPT,
     "dyad ingest examples/articles.jsonl\n"
     "dyad code docs.jsonl > events.jsonl && dyad ingest --events events.jsonl\n"
     "dyad ingest --db postgresql://dyad@localhost/events docs.jsonl\n"},
    {"query", "[--db URL] [filters] [--by PERIOD|dyad|source|target|code|root] [format]",
     "events, their evidence sentences, or counts by period or actor, from the store",
     STORE_FILTER_HELP
     "  --by day|week|month|year|dyad|source|target|code|root|source-year\n"
     "                         counts, Goldstein sum and mean, counts by quad class\n"
     "  --mentions             each event's evidence sentences\n"
     "  --explain              the backend's plan for the query (the indexes it uses)\n"
     "  --csv, --tsv, --json   instead of an aligned table\n" HELP_OPT,
     "dyad query --dyad USA:AZE --quad 2 --from 2015-01-01 --by month\n"
     "dyad query --dyad ARM:AZE --undirected --from 2020-09-01 --to 2020-11-30 --by month\n"
     "dyad query --source NAT --root 05 --from 2021-01-01 --to 2021-12-31 --by target\n"
     "dyad query --text ceasefire --mentions --json\n"},
    {"export", "--format gdelt1|gdelt2|icews|phoenix|plover|csv|jsonl [filters]",
     "write the store's events in another dataset's column layout, on stdout",
     "  --format F             gdelt1 (58 columns), gdelt2, icews, phoenix, plover, csv,\n"
     "                         jsonl\n"
     STORE_FILTER_HELP
     "  --dict DIR             dictionary folder whose cameo.codes names the codes\n"
     "  --plover-table [CODES] the CAMEO -> PLOVER table, every code\n" HELP_OPT,
     "dyad export --format gdelt1 > events.export.CSV\n"
     "dyad export --format plover --actor AZE --from 2020-01-01 > aze.tsv\n"},
    {"report", "[--db URL] [--actor A | --dyad A:B] [--from D] [--to D] [--root R...] -o FILE",
     "write one self-contained HTML report (timeline, dyads, top codes, network, events)",
     "  --db URL               the store (default $DYAD_DB, else dyad.db)\n"
     "  --actor A              one actor (a prefix) and its counterparts\n"
     "  --dyad A:B             both directions of a dyad, on one time axis\n"
     "  --from D, --to D       the period, YYYY-MM-DD\n"
     "  --root R               only events of this CAMEO root (may be repeated)\n"
     "  --max-events N         rows of the events table (default 1000)\n"
     "  --mentions N           evidence sentences per event (default 3)\n"
     "  --dict DIR             dictionary folder whose cameo.codes names the codes\n"
     "  -o, --output FILE      the HTML file to write\n" HELP_OPT,
     "dyad report -o report.html\n"
     "dyad report --dyad ARM:AZE --from 2020-01-01 -o arm-aze.html\n"},
    {"cache info", "",
     "list what dyad keeps in its cache folder (compiled dictionaries, conversions)", HELP_OPT,
     "dyad cache info\n"},
    {"cache clear", "",
     "remove what dyad keeps in its cache folder (it is rebuilt when needed)", HELP_OPT,
     "dyad cache clear\n"},
    {"version", "", "print dyad's version", "", "dyad version\n"},
    {"help", "[COMMAND]", "print the list of commands, or one command's help", "",
     "dyad help code\n"
     "dyad help dict convert\n"},
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

static const command_help *find(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

/* Levenshtein distance, for names and options of up to 63 bytes */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la > 63 || lb > 63)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

static int close_enough(size_t d, const char *word)
{
    size_t limit = strlen(word) / 3;
    return d <= (limit < 2 ? 2 : limit);
}

static void print_one(const command_help *h, FILE *f)
{
    fprintf(f, "usage: dyad %s%s%s\n\n%s\n", h->name, h->synopsis[0] ? " " : "", h->synopsis,
            h->summary);
    if (h->options[0])
        fprintf(f, "\noptions:\n%s", h->options);
    fputs("\nexamples:\n", f);
    for (const char *e = h->examples; *e;) {
        size_t n = strcspn(e, "\n");
        fprintf(f, "  %.*s\n", (int)n, e);
        e += n + (e[n] == '\n');
    }
}

static void print_list(FILE *f)
{
    fputs("usage: dyad COMMAND [options]\n\ncommands:\n", f);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-14s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'dyad help COMMAND' or 'dyad COMMAND --help' shows a command's options and examples;\n"
          "'man dyad' has everything, 'man dyad-dict' the dictionary format.\n", f);
}

int help_print(const char *cmd, FILE *f)
{
    if (!cmd || !*cmd) {
        print_list(f);
        return 0;
    }
    const command_help *h = find(cmd);
    if (h) {
        print_one(h, f);
        return 0;
    }
    size_t len = strlen(cmd), shown = 0;
    for (size_t i = 0; i < N_COMMANDS; i++)     /* "dict": its subcommands */
        if (!strncmp(commands[i].name, cmd, len) && commands[i].name[len] == ' ') {
            fprintf(f, "usage: dyad %s %s\n", commands[i].name, commands[i].synopsis);
            shown++;
        }
    if (shown) {
        fprintf(f, "\n'dyad help %s SUBCOMMAND' shows one of them.\n", cmd);
        return 0;
    }
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < N_COMMANDS; i++) {
        size_t d = distance(cmd, commands[i].name);
        if (d < best_d) {
            best_d = d;
            best = commands[i].name;
        }
    }
    if (best && close_enough(best_d, cmd))
        fprintf(stderr, "dyad: unknown command '%s' (did you mean '%s'?); see dyad help\n", cmd, best);
    else
        fprintf(stderr, "dyad: unknown command '%s'; see dyad help\n", cmd);
    return -1;
}

int help_wanted(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            return 0;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return 1;
    }
    return 0;
}

int help_nearest_option(const char *cmd, const char *opt, char *out, size_t cap)
{
    const command_help *h = find(cmd);
    size_t best_d = (size_t)-1;
    char name[64];
    if (!h || !cap)
        return 0;
    out[0] = 0;
    for (const char *p = h->options; (p = strstr(p, "--")) != NULL;) {
        size_t n = 2;
        while (p[n] && !strchr(" \n,|", p[n]) && n < sizeof name - 1)
            n++;
        if (n > 2 && (p == h->options || p[-1] == ' ')) {
            memcpy(name, p, n);
            name[n] = 0;
            size_t d = strncmp(name, opt, strlen(opt)) ? distance(opt, name) : 1; /* a prefix: near */
            if (d < best_d) {
                best_d = d;
                snprintf(out, cap, "%s", name);
            }
        }
        p += n;
    }
    return out[0] && close_enough(best_d, opt);
}

void help_unknown_option(const char *cmd, const char *opt)
{
    char near[64];
    if (help_nearest_option(cmd, opt, near, sizeof near))
        fprintf(stderr, "dyad: %s: unknown option %s (did you mean %s?); see dyad help %s\n", cmd, opt,
                near, cmd);
    else
        fprintf(stderr, "dyad: %s: unknown option %s; see dyad help %s\n", cmd, opt, cmd);
}
