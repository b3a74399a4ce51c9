/* fuzz_convert.h - what the converter harnesses (fuzz_petrarch.c, fuzz_tabari.c)
 * share: a fresh temporary folder per input, the input split into files, removal. */
#ifndef DYAD_FUZZ_CONVERT_H
#define DYAD_FUZZ_CONVERT_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char fz_dir[64];
static FILE *fz_devnull;    /* the converters' messages */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_devnull = fopen("/dev/null", "w");
    return fz_devnull ? 0 : 1;
}

static void fz_path(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", fz_dir, name); }

static void fz_write(const char *name, const char *head, const uint8_t *data, size_t size)
{
    char p[128];
    fz_path(p, sizeof p, name);
    FILE *f = fopen(p, "wb");
    if (!f)
        abort();
    if (head)
        fputs(head, f);
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

/* Removes a folder's files (one level of subfolders) and the folder. */
static void fz_remove(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    while (dp && (de = readdir(dp))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            fz_remove(p);
        else
            unlink(p);
    }
    if (dp)
        closedir(dp);
    rmdir(dir);
}

static void fz_setup(const char *what)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(fz_dir, sizeof fz_dir, "%s/dyad-fuzz-%s-XXXXXX",
             tmp && *tmp && strlen(tmp) < 24 ? tmp : "/tmp", what);
    if (!mkdtemp(fz_dir))
        abort();
}

/* Splits data at NUL bytes into at most n parts (the last takes the rest). */
static size_t fz_split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len, size_t n)
{
    size_t k = 0, at = 0;
    while (k + 1 < n) {
        const uint8_t *nul = memchr(data + at, 0, size - at);
        if (!nul)
            break;
        part[k] = data + at;
        len[k] = (size_t)(nul - (data + at));
        at += len[k] + 1;
        k++;
    }
    part[k] = data + at;
    len[k] = size - at;
    for (size_t i = k + 1; i < n; i++) {
        part[i] = data;
        len[i] = 0;
    }
    return k + 1;
}

#endif
