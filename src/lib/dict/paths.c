/* paths.c - the cache folder and the trust checks on what is read back (paths.h). */
#define _XOPEN_SOURCE 700 /* realpath, mkdtemp */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int dyad_private_stat(const struct stat *st, const char *path, char *why, size_t whylen)
{
    if (st->st_uid != getuid() && st->st_uid != 0) {
        dyad_errf(why, whylen, "%s is owned by uid %ld, not by you: not trusted", path,
                  (long)st->st_uid);
        return -1;
    }
    if (st->st_mode & (S_IWGRP | S_IWOTH)) {
        dyad_errf(why, whylen, "%s is writable by group or others (mode %03o): not trusted",
                  path, (unsigned)(st->st_mode & 0777));
        return -1;
    }
    return 0;
}

int dyad_open_private(const char *path, struct stat *st, char *why, size_t whylen)
{
    if (why && whylen)
        why[0] = 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            dyad_errf(why, whylen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        dyad_errf(why, whylen, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    if (dyad_private_stat(st, path, why, whylen) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* mkdir -p with mode 0700 for what it creates; then the last folder is checked
 * (lstat: a symbolic link at the last step is refused). */
static int private_folder(char *path, char *why, size_t whylen)
{
    for (char *s = path + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        int r = mkdir(path, 0700);
        *s = '/';
        if (r != 0 && errno != EEXIST) {
            dyad_errf(why, whylen, "%s: cannot make the cache folder: %s", path, strerror(errno));
            return -1;
        }
    }
    if (mkdir(path, 0700) != 0 && errno != EEXIST) {
        dyad_errf(why, whylen, "%s: cannot make the cache folder: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        dyad_errf(why, whylen, "%s: not a folder", path);
        return -1;
    }
    return dyad_private_stat(&st, path, why, whylen);
}

static int fits(char *out, size_t cap, const char *a, const char *b)
{
    int n = snprintf(out, cap, "%s%s", a, b);
    return n >= 0 && (size_t)n < cap;
}

int dyad_cache_dir(char *out, size_t cap, char *why, size_t whylen)
{
    const char *e;
    int ok;
    if ((e = getenv("DYAD_CACHE_DIR")) && *e)
        ok = fits(out, cap, e, "");
    else if ((e = getenv("XDG_CACHE_HOME")) && *e == '/')
        ok = fits(out, cap, e, "/dyad");
    else if ((e = getenv("HOME")) && *e)
        ok = fits(out, cap, e, "/.cache/dyad");
    else
        return 0;
    if (!ok) {
        dyad_errf(why, whylen, "the cache folder's path is too long");
        return -1;
    }
    size_t l = strlen(out);
    while (l > 1 && out[l - 1] == '/')
        out[--l] = 0;
    return private_folder(out, why, whylen) == 0 ? 1 : -1;
}

int dyad_cache_subdir(const char *name, char *out, size_t cap, char *why, size_t whylen)
{
    char base[PATH_MAX];
    int r = dyad_cache_dir(base, sizeof base, why, whylen);
    if (r <= 0)
        return r;
    int n = snprintf(out, cap, "%s/%s", base, name);
    if (n < 0 || (size_t)n >= cap) {
        dyad_errf(why, whylen, "%s/%s: path too long", base, name);
        return -1;
    }
    return private_folder(out, why, whylen) == 0 ? 1 : -1;
}

int dyad_temp_dir(char *out, size_t cap, char *why, size_t whylen)
{
    const char *t = getenv("TMPDIR");
    int n = snprintf(out, cap, "%s/dyad-XXXXXX", t && *t == '/' ? t : "/tmp");
    if (n < 0 || (size_t)n >= cap || !mkdtemp(out)) {
        dyad_errf(why, whylen, "cannot make a temporary folder: %s", strerror(errno));
        return -1;
    }
    return 0;
}

void dyad_remove_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char p[PATH_MAX + 260];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        unlink(p);
    }
    if (dp)
        closedir(dp);
    rmdir(dir);
}

int dyad_path_name(char *out, size_t cap, const char *prefix, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return -1;
    int n = snprintf(out, cap, "%s-%016llx", prefix,
                     (unsigned long long)dyad_hash(real, strlen(real)));
    return n >= 0 && (size_t)n < cap ? 0 : -1;
}
