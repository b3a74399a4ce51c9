/* tabari_project.c - a TABARI .project file given where a dictionary folder is
 * expected: converted into a folder of its own (see tabari.h). */
#include "tabari.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert.h"

static int mkdir_p(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        int rc = mkdir(path, 0755);
        *p = '/';
        if (rc < 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(path, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

int dyad_tabari_project_dir(const char *path, char *dir, size_t cap, size_t *warnings, char *err,
                            size_t errlen)
{
    struct stat st;
    *warnings = 0;
    if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    char real[PATH_MAX], cwd[PATH_MAX];
    if (path[0] == '/')
        snprintf(real, sizeof real, "%s", path);
    else if (getcwd(cwd, sizeof cwd))
        snprintf(real, sizeof real, "%.2000s/%.2000s", cwd, path);
    else {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    uint64_t h = 1469598103934665603ull;    /* FNV-1a of the real path */
    for (const char *p = real; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    const char *e;
    char base[PATH_MAX];
    if ((e = getenv("DYAD_CACHE_DIR")) && *e)
        snprintf(base, sizeof base, "%s", e);
    else if ((e = getenv("XDG_CACHE_HOME")) && *e)
        snprintf(base, sizeof base, "%s/dyad", e);
    else if ((e = getenv("HOME")) && *e)
        snprintf(base, sizeof base, "%s/.cache/dyad", e);
    else
        snprintf(base, sizeof base, "%s", (e = getenv("TMPDIR")) && *e ? e : "/tmp");
    int n = snprintf(dir, cap, "%s/tabari-%016llx", base, (unsigned long long)h);
    if (n < 0 || (size_t)n >= cap || mkdir_p(dir) < 0) {
        snprintf(err, errlen, "%s: cannot make a folder for the converted dictionary", path);
        return -1;
    }
    char *msgs = NULL;
    size_t msglen = 0;
    FILE *diag = open_memstream(&msgs, &msglen);
    int rc = dyad_convert_tabari(real, NULL, NULL, NULL, dir, diag, warnings);
    if (diag)
        fclose(diag);
    if (rc < 0) {
        /* the converter's first error ("file: error: message") */
        const char *e = msgs ? strstr(msgs, ": error: ") : NULL;
        const char *ls = e;
        while (ls && ls > msgs && ls[-1] != '\n')
            ls--;
        if (e) {
            size_t n = strcspn(ls, "\n");
            snprintf(err, errlen, "%.*s", (int)n, ls);
        } else {
            snprintf(err, errlen, "%s: conversion failed", path);
        }
    }
    free(msgs);
    return rc < 0 ? -1 : 1;
}
