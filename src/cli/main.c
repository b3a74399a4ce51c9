/* main.c - the dyad command line: code (cmd_code.c), explain, dict check, help (help.c). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "help.h"
#include "dyad.h"
#include "input.h"
#include "output.h"

typedef struct {
    output_writer *w;
    size_t undated;
    int write_error;
} emit_ctx;

static int cmd_explain(int argc, char **argv)
{
    options o;
    if (parse_cmd_opts("explain", argc, argv, &o) < 0) {
        free(o.files);
        return 2;
    }
    if (!o.nfiles) {
        fprintf(stderr, "dyad: explain needs a text (or - for stdin); see dyad help explain\n");
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
    dyad_doc doc = {"explain", o.date, text, len, NULL, NULL};
    dyad_doc_stats st;
    output_writer ow;
    output_init(&ow, stdout, OUTPUT_JSONL);
    emit_ctx ec = {&ow, 0, 0};
    dyad_explain(c, w, &doc, stdout, NULL, &ec, &st);
    printf("%zu sentence%s, %zu event%s\n", st.sentences, plural(st.sentences), st.events, plural(st.events));
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
        help_print("dict", stderr);
        return 2;
    }
    char buf[PATH_MAX + 32];
    const char *dir = argc > 1 ? argv[1] : default_dict(buf, sizeof buf);
    if (!dir)
        return 1;
    if (!strcmp(argv[0], "stats"))
        return dyad_dict_stats(dir, NULL, stdout) ? 1 : 0;
    size_t warnings = 0;
    size_t errors = dyad_dict_check(dir, NULL, stdout, &warnings);
    printf("%s: %zu error%s, %zu warning%s\n", dir, errors, plural(errors), warnings, plural(warnings));
    return errors ? 1 : 0;
}

/* `dyad help [COMMAND [SUBCOMMAND]]` and `dyad COMMAND [SUBCOMMAND] ... --help|-h` */
static int help_command(int argc, char **argv)
{
    char name[64] = "";
    if (argc > 0 && (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")))
        return help_print("help", stdout) ? 2 : 0;   /* dyad help --help */
    if (argc > 0)
        snprintf(name, sizeof name, "%s%s%s", argv[0], argc > 1 && argv[1][0] != '-' ? " " : "",
                 argc > 1 && argv[1][0] != '-' ? argv[1] : "");
    return help_print(name, stdout) ? 2 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        help_print(NULL, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h"))
        return help_command(argc - 2, argv + 2);
    if (help_wanted(argc - 2, argv + 2))
        return help_command(argc - 1, argv + 1);
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 2, argv + 2);
    if (!strcmp(cmd, "explain"))
        return cmd_explain(argc - 2, argv + 2);
    if (!strcmp(cmd, "dict"))
        return cmd_dict(argc - 2, argv + 2);
    if (!strcmp(cmd, "eval"))
        return cmd_eval(argc - 2, argv + 2);
    if (!strcmp(cmd, "ingest"))
        return cmd_ingest(argc - 2, argv + 2);
    if (!strcmp(cmd, "query"))
        return cmd_query(argc - 2, argv + 2);
    if (!strcmp(cmd, "export"))
        return cmd_export(argc - 2, argv + 2);
    if (!strcmp(cmd, "report"))
        return cmd_report(argc - 2, argv + 2);
    if (!strcmp(cmd, "cache"))
        return cmd_cache(argc - 2, argv + 2);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    help_print(cmd, stderr);   /* not a command: names the nearest one */
    return 2;
}
