/* eval_level.c - what a gold file holds, so that `dyad eval` scores at that level
 * (cli.h: gold_level). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* An actor given as text ("Russian government", "Nawaz"), not as a code ("USAGOV",
 * "---GOV", "~MIL", "FRO/BIL/SAM", "\"THE MINISTRY OF MAGIC\""): it has a lower-case letter */
static int is_text_span(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return 1;
    return 0;
}

typedef struct {
    size_t codes, short_codes;        /* event codes; of them two digits long */
    size_t actors, spans;             /* non-empty sources/targets; of them text spans */
} gold_counts;

static void count_event(json_t *e, gold_counts *n)
{
    json_t *code = json_object_get(e, "code");
    char buf[32] = "";
    if (json_is_integer(code))
        snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(code));
    else if (json_is_string(code))
        snprintf(buf, sizeof buf, "%s", json_string_value(code));
    if (buf[0]) {
        n->codes++;
        n->short_codes += strlen(buf) <= 2;
    }
    static const char *const roles[] = {"source", "target"};
    for (int r = 0; r < 2; r++) {
        const char *a = json_string_value(json_object_get(e, roles[r]));
        if (a && *a) {
            n->actors++;
            n->spans += is_text_span(a);
        }
    }
}

int gold_level(const char *path, char *why, size_t cap)
{
    FILE *fp = fopen(path, "r");
    gold_counts n = {0, 0, 0, 0};
    char *line = NULL;
    size_t lcap = 0;
    while (fp && getline(&line, &lcap, fp) > 0) {
        json_t *rec = json_loads(line, 0, NULL);
        json_t *evs = json_object_get(rec, "events");
        for (size_t i = 0; i < json_array_size(evs); i++)
            count_event(json_array_get(evs, i), &n);
        json_decref(rec);
    }
    free(line);
    if (fp)
        fclose(fp);
    int spans = n.actors && 2 * n.spans > n.actors;  /* most actors given as text */
    const char *actors = !n.actors ? "no actors" : spans ? "actors as text spans" : "CAMEO actor codes";
    if (n.codes && n.short_codes == n.codes) {
        snprintf(why, cap, "roots (two-digit codes, %s): sets of roots scored, as --roots-only", actors);
        return 2;
    }
    if (spans || !n.actors) {
        snprintf(why, cap, "codes (%s): sets of codes scored, as --codes-only", actors);
        return 4;
    }
    snprintf(why, cap, "full (CAMEO actor codes and event codes): events scored with their actors");
    return 0;
}
