/* main.c - the dyad command line: code (cmd_code.c), explain, dict check. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "dyad.h"
#include "input.h"
#include "output.h"

static void usage(FILE *f)
{
    fputs("usage: dyad <command> [options]\n"
          "\n"
          "commands:\n"
          "  code [options] [FILE...]     code documents into CAMEO events (FILE - or none: stdin)\n"
          "  explain [options] TEXT|-     show every coding step for a text\n"
          "  dict check [DIR]             validate a dictionary folder\n"
          "  dict stats [DIR]             count a dictionary folder's entries, patterns per code\n"
          "  dict convert --from petrarch|tabari ... OUTDIR   convert PETRARCH/TABARI dictionaries\n"
          "  eval GOLD.jsonl [--dict DIR] [--misses]   code a gold file and score it\n"
          "  cache info|clear             list or remove what dyad keeps in its cache folder\n"
          "  version                      print the version\n"
          "\n"
          "options of code and explain:\n"
          "  --date YYYY-MM-DD           date of documents that have none\n"
          "  --input text|jsonl|petrarch-xml   input kind (default: by file extension)\n"
          "  --format jsonl|tsv|csv      output format of code (default jsonl)\n"
          "  --dict DIR                  dictionary folder (default: $DYAD_DICT or the bundled dict/)\n"
          "  --max-doc-bytes N           skip larger documents (default 16777216)\n"
          "  --threads N                 code with N threads (default: one per online core);\n"
          "                              the output is the same for every N\n"
          "  --require-dyad              only events with both a source and a target\n"
          "  --unknown-actors            list, after the summary, proper names that stood where\n"
          "                              actors stand but matched no dictionary entry\n"
          "  --quiet                     no run summary and no progress line\n",
          f);
}

typedef struct {
    output_writer *w;
    size_t undated;
    int write_error;
} emit_ctx;

static int cmd_explain(int argc, char **argv)
{
    options o;
    if (parse_opts(argc, argv, &o) < 0)
        return 2;
    if (!o.nfiles) {
        fprintf(stderr, "dyad: explain needs a text (or - for stdin)\n");
        free(o.files);
        return 2;
    }
    char *text = NULL;
    size_t len = 0;
    if (!strcmp(o.files[0], "-")) {
        size_t cap = 0;
        int ch;
        while ((ch = getchar()) != EOF) {
            if (len + 2 > cap) {
                cap = cap ? cap * 2 : 4096;
                text = realloc(text, cap);
            }
            text[len++] = (char)ch;
        }
        if (!text)
            text = calloc(1, 1);
    } else {
        /* the words given, joined by spaces */
        for (int i = 0; i < o.nfiles; i++) {
            size_t l = strlen(o.files[i]);
            text = realloc(text, len + l + 2);
            memcpy(text + len, o.files[i], l);
            len += l;
            text[len++] = ' ';
        }
    }
    dyad_coder *c = load_coder(&o);
    if (!c) {
        free(text);
        free(o.files);
        return 1;
    }
    dyad_work *w = dyad_work_new();
    dyad_doc doc = {"explain", o.date, text, len};
    dyad_doc_stats st;
    output_writer ow;
    output_init(&ow, stdout, OUTPUT_JSONL);
    emit_ctx ec = {&ow, 0, 0};
    printf("document date: %s\n", o.date ? o.date : "(none)");
    dyad_explain(c, w, &doc, stdout, NULL, &ec, &st);
    printf("%zu sentences, %zu events\n", st.sentences, st.events);
    output_free(&ow);
    dyad_work_free(w);
    dyad_coder_free(c);
    free(text);
    free(o.files);
    return 0;
}

static int cmd_dict(int argc, char **argv)
{
    if (argc >= 1 && !strcmp(argv[0], "convert"))
        return cmd_convert(argc - 1, argv + 1);
    if (argc < 1 || (strcmp(argv[0], "check") != 0 && strcmp(argv[0], "stats") != 0)) {
        fprintf(stderr, "dyad: usage: dyad dict check|stats [DIR] | dyad dict convert ...\n");
        return 2;
    }
    char buf[PATH_MAX + 32];
    const char *dir = argc > 1 ? argv[1] : default_dict(buf, sizeof buf);
    if (!strcmp(argv[0], "stats"))
        return dyad_dict_stats(dir, NULL, stdout) ? 1 : 0;
    size_t warnings = 0;
    size_t errors = dyad_dict_check(dir, NULL, stdout, &warnings);
    printf("%s: %zu errors, %zu warnings\n", dir, errors, warnings);
    return errors ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 2, argv + 2);
    if (!strcmp(cmd, "explain"))
        return cmd_explain(argc - 2, argv + 2);
    if (!strcmp(cmd, "dict"))
        return cmd_dict(argc - 2, argv + 2);
    if (!strcmp(cmd, "eval"))
        return cmd_eval(argc - 2, argv + 2);
    if (!strcmp(cmd, "cache"))
        return cmd_cache(argc - 2, argv + 2);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
