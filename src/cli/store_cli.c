/* store_cli.c - helpers of the store's commands: a string set, the store's display name. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_cli.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int seen_grow(seen_set *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    char **slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slot[i])
            continue;
        size_t j = hash_str(s->slot[i]) & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = s->slot[i];
    }
    free(s->slot);
    s->slot = slot;
    s->cap = cap;
    return 0;
}

int seen_add(seen_set *s, const char *key)
{
    if ((s->n + 1) * 2 > s->cap && seen_grow(s) != 0)
        return -1;
    size_t j = hash_str(key) & (s->cap - 1);
    while (s->slot[j]) {
        if (!strcmp(s->slot[j], key))
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    if (!(s->slot[j] = strdup(key)))
        return -1;
    s->n++;
    return 1;
}

void seen_free(seen_set *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slot[i]);
    free(s->slot);
    memset(s, 0, sizeof *s);
}

const char *store_display_name(const char *url)
{
    static _Thread_local char buf[512];
    if (!url || !*url) {
        url = getenv("DYAD_DB");
        if (!url || !*url)
            return "dyad.db";
    }
    const char *scheme = strstr(url, "://"), *at = strchr(url, '@');
    if (!scheme || !at || at < scheme)
        return url;
    const char *colon = memchr(scheme + 3, ':', (size_t)(at - scheme - 3));
    if (!colon)
        return url;
    snprintf(buf, sizeof buf, "%.*s:***%s", (int)(colon - url), url, at);
    return buf;
}

static int one_cell(void *ud, int ncol, const char *const *v)
{
    char **out = ud;
    snprintf(out[0], (size_t)(uintptr_t)out[1], "%s", ncol > 0 && v[0] ? v[0] : "");
    return 1;
}

int store_count(dyad_store *st, const char *table, char *out, size_t cap, char *err, size_t errlen)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    char *ud[2] = {out, (char *)(uintptr_t)cap};
    return dyad_store_select(st, sql, NULL, 0, one_cell, ud, err, errlen);
}


int store_filter_opt(dyad_query *q, const char **db, const char *a, const char *v)
{
    if (!strcmp(a, "--undirected")) {
        q->undirected = 1;
        return 1;
    }
    static const char *const valued[] = {"--db", "--actor", "--source", "--target", "--dyad", "--code",
                                         "--root", "--quad", "--from", "--to", "--doc", "--text",
                                         "--limit", NULL};
    int k = -1;
    for (int i = 0; valued[i]; i++)
        if (!strcmp(a, valued[i]))
            k = i;
    if (k < 0)
        return 0;
    if (!v) {
        fprintf(stderr, "dyad: %s needs a value\n", a);
        return -1;
    }
    const char **slot[] = {db, &q->actor, &q->source, &q->target, NULL, &q->code, &q->root, NULL,
                           &q->from, &q->to, &q->doc, &q->text, NULL};
    if (slot[k]) {
        *slot[k] = v;
    } else if (!strcmp(a, "--dyad")) {
        const char *colon = strchr(v, ':');
        if (!colon || colon == v || !colon[1]) {
            fprintf(stderr, "dyad: --dyad %s: want SOURCE:TARGET, e.g. USA:AZE\n", v);
            return -1;
        }
        static _Thread_local char a_part[64];
        snprintf(a_part, sizeof a_part, "%.*s", (int)(colon - v), v);
        q->dyad_a = a_part;
        q->dyad_b = colon + 1;
    } else {
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || end == v || n < 1 || (k == 7 && n > 4)) {
            fprintf(stderr, "dyad: %s %s: want %s\n", a, v, k == 7 ? "1, 2, 3 or 4" : "a positive number");
            return -1;
        }
        if (k == 7)
            q->quad = (int)n;
        else
            q->limit = n;
    }
    return 2;
}
