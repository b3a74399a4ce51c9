/* dict_source.c - a --dict argument resolved to a dictionary folder (dict_source.h). */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include "dict_source.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert.h"
#include "paths.h"
#include "util.h"

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n > t && !strcmp(s + n - t, tail);
}

static int same_file(const char *a, const char *b)
{
    size_t la, lb;
    char *x = dyad_read_file(a, &la), *y = dyad_read_file(b, &lb);
    int same = x && y && la == lb && !memcmp(x, y, la);
    free(x);
    free(y);
    return same;
}

/* Moves the files of from whose text differs from to's into to; removes from. */
static int move_changed(const char *from, const char *to)
{
    int rc = 0;
    DIR *dp = opendir(from);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char a[2 * PATH_MAX], b[2 * PATH_MAX];
        snprintf(a, sizeof a, "%s/%s", from, de->d_name);
        snprintf(b, sizeof b, "%s/%s", to, de->d_name);
        if (!same_file(a, b) && rename(a, b) != 0)
            rc = -1;
    }
    if (dp)
        closedir(dp);
    dyad_remove_dir(from);
    return dp ? rc : -1;
}

/* The converter's first error line, else a general message. */
static void first_error(const char *msgs, const char *given, char *err, size_t errlen)
{
    const char *e = msgs ? strstr(msgs, ": error: ") : NULL;
    const char *ls = e;
    while (ls && ls > msgs && ls[-1] != '\n')
        ls--;
    if (e)
        dyad_errf(err, errlen, "%.*s", (int)strcspn(ls, "\n"), ls);
    else
        dyad_errf(err, errlen, "%s: cannot convert its dictionaries", given);
}

static int convert_into(dyad_convert_opts *o, const char *outdir, size_t *warnings, char *err,
                        size_t errlen)
{
    char *msgs = NULL;
    size_t msglen = 0;
    FILE *diag = open_memstream(&msgs, &msglen);
    int rc = dyad_convert(o, outdir, diag, warnings);
    if (diag)
        fclose(diag);
    if (rc < 0)
        first_error(msgs, o->config, err, errlen);
    free(msgs);
    return rc < 0 ? -1 : 0;
}

int dyad_dict_source_resolve(const char *given, const char *codes_file, dyad_dict_source *src,
                             char *err, size_t errlen)
{
    memset(src, 0, sizeof *src);
    struct stat st;
    int ini = ends_with(given, ".ini"), project = ends_with(given, ".project");
    if ((!ini && !project) || stat(given, &st) != 0 || !S_ISREG(st.st_mode)) {
        dyad_copy_str(src->dir, sizeof src->dir, given);
        return 0;
    }
    char real[PATH_MAX], name[64];
    if (!realpath(given, real) ||
        dyad_path_name(name, sizeof name, ini ? "petrarch" : "tabari", real) != 0) {
        dyad_errf(err, errlen, "%s: %s", given, strerror(errno));
        return -1;
    }
    dyad_convert_opts o = {0};
    o.from = ini ? DYAD_FROM_PETRARCH : DYAD_FROM_TABARI;
    o.config = real;
    o.codes_file = codes_file;
    int have = dyad_cache_subdir(name, src->dir, sizeof src->dir, src->note, sizeof src->note);
    if (have <= 0) {    /* no private cache folder: a fresh one of our own */
        if (dyad_temp_dir(src->dir, sizeof src->dir, err, errlen) != 0)
            return -1;
        src->temp = 1;
        if (convert_into(&o, src->dir, &src->warnings, err, errlen) == 0)
            return 0;
        dyad_dict_source_done(src);
        return -1;
    }
    char fresh[sizeof src->dir + 16];
    snprintf(fresh, sizeof fresh, "%s.XXXXXX", src->dir);
    if (!mkdtemp(fresh)) {
        dyad_errf(err, errlen, "%s: %s", fresh, strerror(errno));
        return -1;
    }
    if (convert_into(&o, fresh, &src->warnings, err, errlen) != 0) {
        dyad_remove_dir(fresh);
        return -1;
    }
    if (move_changed(fresh, src->dir) != 0) {
        dyad_errf(err, errlen, "%s: cannot write the converted dictionaries", src->dir);
        return -1;
    }
    return 0;
}

void dyad_dict_source_done(dyad_dict_source *src)
{
    if (src->temp)
        dyad_remove_dir(src->dir);
    src->temp = 0;
}
