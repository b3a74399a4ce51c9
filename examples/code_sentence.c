/* code_sentence.c - code one sentence with libdyad; builds as C and as C++:
 *   cc code_sentence.c $(pkg-config --cflags --libs dyad) -o code_sentence */
#include <dyad.h>
#include <stdio.h>
#include <string.h>

static int print_event(void *ud, const dyad_event *ev)
{
    (void)ud;
    printf("%s %s %s (%.*s)\n", ev->source, ev->code, ev->target, (int)ev->text_len, ev->text);
    return 0;
}

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "Russia invaded Georgia.";
    char err[512];
    dyad_options opt = dyad_default_options(); /* dictionaries: $DYAD_DICT, else the installed */
    dyad_coder *coder = dyad_coder_new(&opt, err, sizeof err);
    if (!coder) {
        fprintf(stderr, "dyad: %s\n", err);
        return 1;
    }
    dyad_work *work = dyad_work_new();
    dyad_doc doc = {"example", "2008-08-10", text, strlen(text), NULL, NULL};
    dyad_code(coder, work, &doc, print_event, NULL, NULL);
    dyad_work_free(work);
    dyad_coder_free(coder);
    return 0;
}
