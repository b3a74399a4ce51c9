/* cmd_cache.c - `dyad cache info` and `dyad cache clear`: what dyad keeps in its
 * cache folder (README "The cache"), listed or removed. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cache.h"
#include "cli.h"

typedef struct {
    unsigned long long bytes;
    size_t n;
} totals;

static void show(void *ud, const dyad_cached *it)
{
    totals *t = ud;
    static const char *const KIND[] = {"tables", "conversion", "key", "other"};
    t->bytes += it->bytes;
    t->n++;
    printf("%-10s %10llu  %s", KIND[it->kind], it->bytes, it->name);
    if (it->kind == DYAD_CACHED_TABLES)
        printf("  (%s%s%s)", it->current ? "this build" : "another build or format: pruned at the next save",
               it->source[0] ? ", from " : "", it->source);
    putchar('\n');
}

int cmd_cache(int argc, char **argv)
{
    if (argc != 1 || (strcmp(argv[0], "info") != 0 && strcmp(argv[0], "clear") != 0)) {
        fprintf(stderr, "dyad: usage: dyad cache info|clear\n");
        return 2;
    }
    char folder[PATH_MAX], why[320] = "";
    if (!strcmp(argv[0], "clear")) {
        long n = dyad_cache_clear(folder, sizeof folder, why, sizeof why);
        if (n < 0) {
            fprintf(stderr, "dyad: cache: %s\n", why);
            return 1;
        }
        if (n == 0 && !why[0] && !folder[0])
            printf("no cache folder (DYAD_CACHE_DIR, XDG_CACHE_HOME and HOME unset)\n");
        else
            printf("%s: %ld entr%s removed\n", folder, n, n == 1 ? "y" : "ies");
        return 0;
    }
    totals t = {0, 0};
    folder[0] = 0;
    int r = dyad_cache_list(folder, sizeof folder, show, &t, why, sizeof why);
    if (r < 0) {
        fprintf(stderr, "dyad: cache: %s\n", why);
        return 1;
    }
    if (r == 0) {
        printf("no cache folder (DYAD_CACHE_DIR, XDG_CACHE_HOME and HOME unset): dyad works from memory\n");
        return 0;
    }
    printf("%s: %zu entr%s, %llu bytes\n", folder, t.n, t.n == 1 ? "y" : "ies", t.bytes);
    return 0;
}
