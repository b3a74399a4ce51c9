/* sniff.h - what kind of input comes on stdin, told from its first bytes. */
#ifndef DYAD_SNIFF_H
#define DYAD_SNIFF_H

#include <stdio.h>

#include "input.h"

typedef struct {
    FILE *real, *sniffed;      /* stdin before, and the stream that replaced it */
} sniff_state;

/* Reads the start of standard input (up to its first non-blank bytes, after a UTF-8
 * byte order mark) and tells its kind: '{' JSON lines, '<' and a name PETRARCH XML,
 * else plain text; empty input is JSON lines. The bytes read stay in the input:
 * stdin is replaced by a stream that yields them and then the rest, until
 * sniff_end(st). When note is not NULL, one line on it says which kind and how to
 * choose another (--input). */
input_kind sniff_stdin(FILE *note, sniff_state *st);

/* Closes the replacing stream and gives stdin back; nothing when none was made. */
void sniff_end(sniff_state *st);

#endif
