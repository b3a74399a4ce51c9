/* main.c - the dyad command line: code, explain, dict check. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
          "  version                      print the version\n"
          "\n"
          "options of code and explain:\n"
          "  --date YYYY-MM-DD           date of documents that have none\n"
          "  --input text|jsonl|petrarch-xml   input kind (default: by file extension)\n"
          "  --format jsonl|tsv|csv      output format of code (default jsonl)\n"
          "  --dict DIR                  dictionary folder (default: $DYAD_DICT or the bundled dict/)\n"
          "  --max-doc-bytes N           skip larger documents (default 16777216)\n"
          "  --quiet                     no run summary\n",
          f);
}

static int isdir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --dict, else $DYAD_DICT, else dict/ next to the executable's folder. */
static const char *default_dict(char *buf, size_t cap)
{
    const char *env = getenv("DYAD_DICT");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        static const char *const rel[] = {"/../dict", "/../../dict", "/../share/dyad/dict"};
        for (size_t i = 0; i < 3; i++) {
            snprintf(buf, cap, "%s%s", exe, rel[i]);
            if (isdir(buf))
                return buf;
        }
    }
    return "dict";
}

typedef struct {
    const char *date, *dict;
    int input, format, quiet;
    size_t max_bytes;
    char **files;
    int nfiles;
} options;

static int parse_opts(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->max_bytes = 16u << 20;
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--date") || !strcmp(a, "--input") || !strcmp(a, "--format") ||
                   !strcmp(a, "--dict") || !strcmp(a, "--max-doc-bytes")) {
            if (!v) {
                fprintf(stderr, "dyad: %s needs a value\n", a);
                return -1;
            }
            i++;
            if (!strcmp(a, "--date")) {
                dyad_date d;
                if (dyad_parse_date(v, strlen(v), &d) != 0) {
                    fprintf(stderr, "dyad: --date %s: want YYYY-MM-DD or YYYYMMDD\n", v);
                    return -1;
                }
                o->date = v;
            } else if (!strcmp(a, "--input")) {
                if ((o->input = input_kind_parse(v)) < 0) {
                    fprintf(stderr, "dyad: --input %s: want text, jsonl or petrarch-xml\n", v);
                    return -1;
                }
            } else if (!strcmp(a, "--format")) {
                if ((o->format = output_format_parse(v)) < 0) {
                    fprintf(stderr, "dyad: --format %s: want jsonl, tsv or csv\n", v);
                    return -1;
                }
            } else if (!strcmp(a, "--dict")) {
                o->dict = v;
            } else {
                char *end;
                unsigned long long n = strtoull(v, &end, 10);
                if (*end || !n) {
                    fprintf(stderr, "dyad: --max-doc-bytes %s: want a positive number\n", v);
                    return -1;
                }
                o->max_bytes = (size_t)n;
            }
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "dyad: unknown option %s\n", a);
            return -1;
        } else {
            o->files[o->nfiles++] = argv[i];
        }
    }
    return 0;
}

static dyad_coder *load_coder(const options *o)
{
    char buf[PATH_MAX + 32], err[1024];
    dyad_options opt = dyad_default_options();
    opt.dict_dir = o->dict ? o->dict : default_dict(buf, sizeof buf);
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    if (!c)
        fprintf(stderr, "dyad: %s\n", err);
    return c;
}

typedef struct {
    output_writer *w;
    size_t undated;
    int write_error;
} emit_ctx;

static int emit(void *ud, const dyad_event *ev)
{
    emit_ctx *e = ud;
    if (!ev->date.year)
        e->undated++;
    if (output_event(e->w, ev) < 0) {
        e->write_error = 1;
        return 1;
    }
    return 0;
}

static int cmd_code(int argc, char **argv)
{
    options o;
    if (parse_opts(argc, argv, &o) < 0)
        return 2;
    dyad_coder *c = load_coder(&o);
    if (!c)
        return 1;
    dyad_work *w = dyad_work_new();
    output_writer ow;
    output_init(&ow, stdout, (output_format)o.format);
    emit_ctx ec = {&ow, 0, 0};
    input_counts counts;
    memset(&counts, 0, sizeof counts);
    size_t coded = 0, sentences = 0, events = 0, bad_bytes = 0, bad_docs = 0, long_sents = 0,
           bad_dates = 0, missing = 0;
    static char *stdin_only[] = {"-"};
    char **files = o.nfiles ? o.files : stdin_only;
    int nfiles = o.nfiles ? o.nfiles : 1;
    int status = 0;
    for (int f = 0; f < nfiles && !ec.write_error; f++) {
        input_reader *r = input_open(files[f], (input_kind)o.input, o.date, o.max_bytes, &counts);
        if (!r) {
            counts.read++;
            counts.skipped[SKIP_UNREADABLE]++;
            missing++;
            status = 1;
            continue;
        }
        input_doc doc;
        size_t read_before = counts.read;
        while (input_next(r, &doc) == 1) {
            dyad_doc dd = {doc.id, doc.date, doc.text, doc.text_len};
            dyad_doc_stats st;
            if (dyad_code(c, w, &dd, emit, &ec, &st) != 0 && !ec.write_error) {
                fprintf(stderr, "dyad: %s:%ld: out of memory\n", doc.file, doc.line);
                status = 1;
            }
            coded++;
            sentences += st.sentences;
            events += st.events;
            long_sents += st.long_sentences;
            if (st.invalid_bytes) {
                bad_bytes += st.invalid_bytes;
                bad_docs++;
                fprintf(stderr, "dyad: warning: %s:%ld: %zu invalid UTF-8 bytes replaced\n", doc.file,
                        doc.line, st.invalid_bytes);
            }
            if (st.bad_date) {
                bad_dates++;
                fprintf(stderr, "dyad: warning: %s:%ld: unreadable date '%s' ignored\n", doc.file,
                        doc.line, doc.date);
            }
            if (ec.write_error)
                break;
        }
        if (counts.read == read_before)
            fprintf(stderr, "dyad: warning: %s: no documents in this file\n", files[f]);
        input_close(r);
    }
    fflush(stdout);
    if (ec.write_error || ferror(stdout)) {
        fprintf(stderr, "dyad: write error: %s\n", strerror(errno));
        status = 1;
    }
    if (!o.quiet) {
        size_t skipped = 0;
        char reasons[512] = "";
        for (int k = 0; k < SKIP_KINDS; k++) {
            if (!counts.skipped[k])
                continue;
            skipped += counts.skipped[k];
            size_t l = strlen(reasons);
            snprintf(reasons + l, sizeof reasons - l, "%s%zu %s", l ? ", " : "", counts.skipped[k],
                     input_skip_name(k));
        }
        fprintf(stderr,
                "dyad: %zu documents read, %zu coded, %zu skipped%s%s%s; %zu sentences (%zu too long); "
                "%zu events (%zu without a date)",
                counts.read, coded, skipped, skipped ? " (" : "", reasons, skipped ? ")" : "",
                sentences, long_sents, events, ec.undated);
        if (bad_docs)
            fprintf(stderr, "; %zu invalid UTF-8 bytes replaced in %zu documents", bad_bytes, bad_docs);
        if (bad_dates)
            fprintf(stderr, "; %zu unreadable dates", bad_dates);
        fputc('\n', stderr);
    }
    (void)missing;
    output_free(&ow);
    dyad_work_free(w);
    dyad_coder_free(c);
    free(o.files);
    return status;
}

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
    if (argc < 1 || strcmp(argv[0], "check") != 0) {
        fprintf(stderr, "dyad: usage: dyad dict check [DIR]\n");
        return 2;
    }
    char buf[PATH_MAX + 32];
    const char *dir = argc > 1 ? argv[1] : default_dict(buf, sizeof buf);
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
