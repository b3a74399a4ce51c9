/* cache_admin.c - the cache folder's contents listed, cleared and pruned (cache.h):
 * `dyad cache info`, `dyad cache clear`, and the pruning after each save that
 * keeps the folder to one tables file per live dictionary folder. */
#define _XOPEN_SOURCE 700
#include "cache.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "paths.h"

static int has_prefix(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

static int ends_with(const char *s, const char *t)
{
    size_t n = strlen(s), k = strlen(t);
    return n >= k && !strcmp(s + n - k, t);
}

/* A temporary file of an interrupted save or conversion: NAME.XXXXXX. */
static int is_temp(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && strlen(dot) == 7 && (has_prefix(name, "dict-") || has_prefix(name, "key.") ||
                                       has_prefix(name, "petrarch-") || has_prefix(name, "tabari-"));
}

static dyad_cached_kind kind_of(const char *name)
{
    if (is_temp(name))
        return DYAD_CACHED_OTHER;
    if (has_prefix(name, "dict-") && ends_with(name, ".cache"))
        return DYAD_CACHED_TABLES;
    if (has_prefix(name, "petrarch-") || has_prefix(name, "tabari-"))
        return DYAD_CACHED_CONVERSION;
    if (!strcmp(name, "key"))
        return DYAD_CACHED_KEY;
    return DYAD_CACHED_OTHER;
}

static unsigned long long folder_bytes(const char *dir)
{
    unsigned long long n = 0;
    DIR *dp = opendir(dir);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        char p[2 * PATH_MAX];
        struct stat st;
        if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, de->d_name) >= sizeof p)
            continue;
        if (de->d_name[0] != '.' && lstat(p, &st) == 0 && S_ISREG(st.st_mode))
            n += (unsigned long long)st.st_size;
    }
    if (dp)
        closedir(dp);
    return n;
}

int dyad_cache_list(char *folder, size_t cap, dyad_cached_fn fn, void *ud, char *why, size_t whylen)
{
    int r = dyad_cache_dir(folder, cap, why, whylen);
    if (r <= 0)
        return r;
    DIR *dp = opendir(folder);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char p[2 * PATH_MAX], source[PATH_MAX];
        struct stat st;
        if ((size_t)snprintf(p, sizeof p, "%s/%s", folder, de->d_name) >= sizeof p ||
            lstat(p, &st) != 0)
            continue;
        dyad_cached it = {de->d_name, kind_of(de->d_name), (unsigned long long)st.st_size, "", 0};
        if (S_ISDIR(st.st_mode))
            it.bytes = folder_bytes(p);
        if (it.kind == DYAD_CACHED_TABLES && dyad_cache_peek(p, source, sizeof source, &it.current) == 0)
            it.source = source;
        fn(ud, &it);
    }
    if (dp)
        closedir(dp);
    return 1;
}

long dyad_cache_clear(char *folder, size_t cap, char *why, size_t whylen)
{
    int r = dyad_cache_dir(folder, cap, why, whylen);
    if (r <= 0)
        return r;
    long removed = 0;
    DIR *dp = opendir(folder);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        dyad_cached_kind k = kind_of(de->d_name);
        if (k == DYAD_CACHED_OTHER && !is_temp(de->d_name))
            continue;       /* not dyad's: left alone */
        char p[2 * PATH_MAX];
        struct stat st;
        if ((size_t)snprintf(p, sizeof p, "%s/%s", folder, de->d_name) >= sizeof p ||
            lstat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            dyad_remove_dir(p);
        else
            unlink(p);
        removed++;
    }
    if (dp)
        closedir(dp);
    return removed;
}

size_t dyad_cache_prune(const char *cache_path)
{
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%s", cache_path);
    char *slash = strrchr(folder, '/');
    if (!slash)
        return 0;
    *slash = 0;
    size_t removed = 0;
    time_t now = time(NULL);
    DIR *dp = opendir(folder);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        char p[2 * PATH_MAX], source[PATH_MAX];
        struct stat st;
        if ((size_t)snprintf(p, sizeof p, "%s/%s", folder, de->d_name) >= sizeof p ||
            lstat(p, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != getuid())
            continue;
        int drop = 0, current = 0;
        if (is_temp(de->d_name))
            drop = now - st.st_mtime > 3600;
        else if (kind_of(de->d_name) == DYAD_CACHED_TABLES && strcmp(p, cache_path) != 0) {
            struct stat ds;
            drop = dyad_cache_peek(p, source, sizeof source, &current) != 0 || !current ||
                   (source[0] && (stat(source, &ds) != 0 || !S_ISDIR(ds.st_mode)));
        }
        if (drop && unlink(p) == 0)
            removed++;
    }
    if (dp)
        closedir(dp);
    return removed;
}
