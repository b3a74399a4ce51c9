/* unknown.c - `dyad code --unknown-actors`: the proper names that stood where
 * actors stand but matched no dictionary entry, counted, most frequent first. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct {
    char *text;
    size_t count;
} name_count;

struct unknown_tally {
    pthread_mutex_t lock;
    name_count *slots;      /* open addressing on the text */
    size_t cap, n;
};

static size_t hash(const char *s, size_t len)
{
    size_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

unknown_tally *unknown_new(void)
{
    unknown_tally *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    pthread_mutex_init(&u->lock, NULL);
    u->cap = 1024;
    u->slots = calloc(u->cap, sizeof *u->slots);
    if (!u->slots) {
        free(u);
        return NULL;
    }
    return u;
}

static int grow(unknown_tally *u)
{
    size_t cap = u->cap * 2;
    name_count *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < u->cap; i++) {
        if (!u->slots[i].text)
            continue;
        size_t j = hash(u->slots[i].text, strlen(u->slots[i].text)) & (cap - 1);
        while (s[j].text)
            j = (j + 1) & (cap - 1);
        s[j] = u->slots[i];
    }
    free(u->slots);
    u->slots = s;
    u->cap = cap;
    return 0;
}

void unknown_add(void *ud, const char *phrase, size_t len)
{
    unknown_tally *u = ud;
    if (len > 200)
        return;
    pthread_mutex_lock(&u->lock);
    if ((u->n + 1) * 2 > u->cap && grow(u) < 0) {
        pthread_mutex_unlock(&u->lock);
        return;
    }
    size_t j = hash(phrase, len) & (u->cap - 1);
    while (u->slots[j].text &&
           !(strlen(u->slots[j].text) == len && memcmp(u->slots[j].text, phrase, len) == 0))
        j = (j + 1) & (u->cap - 1);
    if (!u->slots[j].text) {
        u->slots[j].text = strndup(phrase, len);
        if (u->slots[j].text)
            u->n++;
    }
    if (u->slots[j].text)
        u->slots[j].count++;
    pthread_mutex_unlock(&u->lock);
}

static int by_count(const void *a, const void *b)
{
    const name_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

void unknown_print(unknown_tally *u, FILE *out, size_t most)
{
    name_count *all = malloc((u->n ? u->n : 1) * sizeof *all);
    if (!all)
        return;
    size_t k = 0;
    for (size_t i = 0; i < u->cap; i++)
        if (u->slots[i].text)
            all[k++] = u->slots[i];
    qsort(all, k, sizeof *all, by_count);
    fprintf(out, "dyad: %zu name%s looked like actors but matched no dictionary entry%s\n", k, plural(k),
            k > most ? " (most frequent first)" : "");
    for (size_t i = 0; i < k && i < most; i++)
        fprintf(out, "%8zu  %s\n", all[i].count, all[i].text);
    free(all);
}

void unknown_free(unknown_tally *u)
{
    if (!u)
        return;
    for (size_t i = 0; i < u->cap; i++)
        free(u->slots[i].text);
    free(u->slots);
    pthread_mutex_destroy(&u->lock);
    free(u);
}
