/* ini_dict.c - `--dict PETR_config.ini`: a PETRARCH configuration used directly as the
 * dictionary. Its dictionaries are converted (src/lib/convert.h) into a folder in the
 * cache directory named after the ini's real path; files whose converted text is
 * unchanged are left alone, so the compiled cache of that folder stays valid. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "convert.h"

static int is_ini(const char *p)
{
    size_t n = strlen(p);
    struct stat st;
    return n > 4 && !strcmp(p + n - 4, ".ini") && stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int same_file(const char *a, const char *b)
{
    FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
    int same = x && y;
    while (same) {
        int c = getc(x), d = getc(y);
        if (c != d)
            same = 0;
        if (c == EOF || d == EOF)
            break;
    }
    if (x)
        fclose(x);
    if (y)
        fclose(y);
    return same;
}

static int mkdirs(char *p)
{
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            if (mkdir(p, 0755) != 0 && errno != EEXIST)
                return -1;
            *s = '/';
        }
    return mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

const char *dict_from_ini(const char *dict, char *buf, size_t cap)
{
    if (!dict || !is_ini(dict))
        return dict;
    char real[PATH_MAX];
    if (!realpath(dict, real))
        return dict;
    uint64_t h = 1469598103934665603ull;   /* FNV-1a of the path */
    for (const char *s = real; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    const char *env = getenv("DYAD_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char base[PATH_MAX];
    if (env && *env)
        snprintf(base, sizeof base, "%s", env);
    else if (xdg && *xdg)
        snprintf(base, sizeof base, "%s/dyad", xdg);
    else if (home && *home)
        snprintf(base, sizeof base, "%s/.cache/dyad", home);
    else
        snprintf(base, sizeof base, "/tmp/dyad-%ld", (long)getuid());
    char tmp[PATH_MAX + 64];
    snprintf(buf, cap, "%s/petrarch-%016llx", base, (unsigned long long)h);
    snprintf(tmp, sizeof tmp, "%s.new%ld", buf, (long)getpid());
    if (mkdirs(base) < 0 || mkdirs(tmp) < 0) {
        fprintf(stderr, "dyad: %s: cannot make a folder for the converted dictionaries\n", base);
        return NULL;
    }
    size_t warnings = 0;
    FILE *devnull = fopen("/dev/null", "w");
    int rc = dyad_convert_petrarch(real, NULL, NULL, 0, NULL, NULL, tmp, devnull, &warnings);
    if (devnull)
        fclose(devnull);
    if (rc == 0 && mkdirs(buf) < 0)
        rc = -1;
    DIR *dp = opendir(tmp);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (de->d_name[0] == '.')
            continue;
        char from[PATH_MAX + 320], to[PATH_MAX + 320];
        snprintf(from, sizeof from, "%s/%s", tmp, de->d_name);
        snprintf(to, sizeof to, "%s/%s", buf, de->d_name);
        if (rc != 0 || same_file(from, to))
            remove(from);
        else if (rename(from, to) != 0)
            rc = -1;
    }
    if (dp)
        closedir(dp);
    rmdir(tmp);
    if (rc != 0) {
        fprintf(stderr, "dyad: %s: cannot convert its dictionaries (see dyad dict convert --from petrarch)\n",
                dict);
        return NULL;
    }
    return buf;
}
