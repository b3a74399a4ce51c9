/* progress.c - a one-line progress report on stderr for `dyad code`. */
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, int enabled, long long total_bytes)
{
    memset(p, 0, sizeof *p);
    p->on = enabled;
    p->total = total_bytes;
    p->t0 = now();
    p->last = p->t0 - 1; /* the first update draws */
}

static void fmt_secs(char *buf, size_t n, double s)
{
    long t = (long)(s + 0.5);
    if (t >= 3600)
        snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(buf, n, "%ld:%02ld", t / 60, t % 60);
}

void progress_update(progress *p, size_t docs, size_t sentences, size_t events, long long bytes_done)
{
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < 0.25)
        return;
    p->last = t;
    double el = t - p->t0;
    char line[256], e[32], eta[64] = "";
    fmt_secs(e, sizeof e, el);
    if (p->total > 0 && bytes_done >= 0) {
        double frac = (double)bytes_done / (double)p->total;
        if (frac > 1)
            frac = 1;
        if (frac > 0) {
            char r[32];
            fmt_secs(r, sizeof r, el / frac - el);
            snprintf(eta, sizeof eta, ", %.0f%%, ETA %s", frac * 100, r);
        }
    }
    int n = snprintf(line, sizeof line, "dyad: %zu docs (%.0f/s), %zu sentences (%.0f/s), %zu events, %s elapsed%s",
                     docs, el > 0 ? (double)docs / el : 0.0, sentences,
                     el > 0 ? (double)sentences / el : 0.0, events, e, eta);
    if (n < 0)
        return;
    if (n >= (int)sizeof line)
        n = (int)sizeof line - 1;
    /* pad over the end of a longer previous line */
    int pad = p->width > n ? p->width - n : 0;
    fprintf(stderr, "\r%s%*s", line, pad, "");
    p->width = n;
}

void progress_end(progress *p)
{
    if (!p->on || !p->width)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    p->width = 0;
}

long long progress_input_size(char **files, int nfiles)
{
    long long total = 0;
    for (int i = 0; i < nfiles; i++) {
        struct stat st;
        int rc = strcmp(files[i], "-") ? stat(files[i], &st) : fstat(STDIN_FILENO, &st);
        if (rc != 0 || !S_ISREG(st.st_mode))
            return -1;
        total += (long long)st.st_size;
    }
    return total;
}
