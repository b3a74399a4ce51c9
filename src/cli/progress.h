/* progress.h - a one-line progress report on stderr for `dyad code`.
 *
 * Shown only when enabled (stderr is a terminal, stdout is not, no --quiet); redrawn in
 * place with \r at most about 4 times a second; cleared by progress_end so that
 * the run summary starts on a clean line. */
#ifndef DYAD_PROGRESS_H
#define DYAD_PROGRESS_H

#include <stddef.h>

typedef struct {
    int on;
    double t0, last;           /* start, last redraw (monotonic seconds) */
    long long total;           /* input bytes, or -1 if not known */
    int width;                 /* length of the line on screen */
} progress;

/* total_bytes: size of all input when known (regular files), else -1. */
void progress_init(progress *p, int enabled, long long total_bytes);
/* Redraws if ~0.25 s passed since the last redraw. bytes_done < 0: not known. */
void progress_update(progress *p, size_t docs, size_t sentences, size_t events, long long bytes_done);
/* Erases the line. */
void progress_end(progress *p);

/* Total size of the files ("-": stdin) if all are regular files, else -1. */
long long progress_input_size(char **files, int nfiles);

#endif
