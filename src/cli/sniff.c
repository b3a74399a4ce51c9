/* sniff.c - the kind of input on stdin (sniff.h). The bytes read to decide are
 * given back through a glibc cookie stream (fopencookie) that reads them first and
 * then file descriptor 0; glibc lets a program assign stdin. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "sniff.h"

#define SNIFF_MAX 65536   /* blank bytes read at most before deciding */

typedef struct {
    char *head;           /* the bytes read to decide */
    size_t len, pos;
    off_t offset;         /* bytes handed out so far */
} sniffed;

static ssize_t sniffed_read(void *cookie, char *buf, size_t size)
{
    sniffed *s = cookie;
    ssize_t n;
    if (s->pos < s->len) {
        n = (ssize_t)(size < s->len - s->pos ? size : s->len - s->pos);
        memcpy(buf, s->head + s->pos, (size_t)n);
        s->pos += (size_t)n;
    } else {
        do
            n = read(STDIN_FILENO, buf, size);
        while (n < 0 && errno == EINTR);
    }
    if (n > 0)
        s->offset += n;
    return n;
}

/* only the position (ftello), for progress reports */
static int sniffed_seek(void *cookie, off64_t *pos, int whence)
{
    sniffed *s = cookie;
    if (whence != SEEK_CUR || *pos != 0) {
        errno = ESPIPE;
        return -1;
    }
    *pos = s->offset;
    return 0;
}

static int sniffed_close(void *cookie)
{
    sniffed *s = cookie;
    free(s->head);
    free(s);
    return 0;
}

/* The kind told by the bytes read; *decided 0 while more are needed. */
static input_kind kind_of(const char *p, size_t len, int eof, int *decided)
{
    size_t i = 0;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len && strchr(" \t\r\n\f\v", p[i]) && p[i])
        i++;
    *decided = 1;
    if (i == len) {
        *decided = eof || len >= SNIFF_MAX;
        return INPUT_JSONL;
    }
    if (p[i] == '{')
        return INPUT_JSONL;
    if (p[i] != '<')
        return INPUT_TEXT;
    if (i + 1 == len && !eof) {
        *decided = 0;
        return INPUT_TEXT;
    }
    char c = i + 1 < len ? p[i + 1] : 0;
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '?' || c == '!' ? INPUT_PETRARCH_XML
                                                                                    : INPUT_TEXT;
}

input_kind sniff_stdin(FILE *note, sniff_state *st)
{
    st->real = st->sniffed = NULL;
    static const char *const names[] = {"", "plain text", "JSON lines", "PETRARCH XML"};
    sniffed *s = calloc(1, sizeof *s);
    char *head = malloc(SNIFF_MAX);
    input_kind kind = INPUT_JSONL;
    int decided = 0, eof = 0;
    while (s && head && !decided) {
        ssize_t n = read(STDIN_FILENO, head + s->len, SNIFF_MAX - s->len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            eof = 1;   /* a read error shows again when the reader reads */
        else
            s->len += (size_t)n;
        kind = kind_of(head, s->len, eof, &decided);
    }
    cookie_io_functions_t io = {sniffed_read, NULL, sniffed_seek, sniffed_close};
    FILE *f = s && head ? fopencookie(s, "r", io) : NULL;
    if (!f) {
        fprintf(stderr, "dyad: stdin: %s\n", strerror(ENOMEM));
        free(head);
        free(s);
        return INPUT_JSONL;
    }
    s->head = head;
    st->real = stdin;
    st->sniffed = f;
    stdin = f;
    if (note)
        fprintf(note, "dyad: stdin: reading %s (from its first bytes; --input text|jsonl|petrarch-xml "
                      "to choose)\n", names[kind]);
    return kind;
}

void sniff_end(sniff_state *st)
{
    if (!st->sniffed)
        return;
    fclose(st->sniffed);
    stdin = st->real;
    st->sniffed = NULL;
}
