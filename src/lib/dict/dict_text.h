/* dict_text.h - a dictionary file's bytes checked before they are parsed.
 *
 * Every reader of dictionary files (dict.c for dyad's folders, tabari_dict.c for
 * TABARI files, the converters' cv_read_lines) calls dyad_dict_text_check on the
 * whole file first, so that what a line-by-line parser would silently cut or
 * garble becomes a "file:line" message:
 *   - a UTF-16 byte-order mark (the file is UTF-16: fatal, line 1);
 *   - a NUL byte (fatal for dyad's own folders: the file is binary or damaged;
 *     for the other coders' files, where old dictionaries have stray NULs, a
 *     warning: the line's text ends there, as those readers always took it);
 *   - invalid UTF-8 on a line (not fatal: one message per line);
 *   - a line longer than max_line bytes (not fatal: the reader keeps what its
 *     buffers hold and says so).
 * Lines end at LF, CR LF or a lone CR (old Mac files), as the readers take them.
 * Reading stops at the first fatal issue. No global state. */
#ifndef DYAD_DICT_TEXT_H
#define DYAD_DICT_TEXT_H

#include <stddef.h>

/* Called per issue: its 1-based line, whether it is fatal, a message without the
 * file name ("invalid UTF-8 at byte 12"). */
typedef void (*dyad_text_issue_fn)(void *ud, long line, int fatal, const char *msg);

/* Checks buf[0..len); max_line 0: no line limit; nul_fatal: whether a NUL byte
 * refuses the file. Returns 1 when a fatal issue was reported (the caller refuses
 * the file), else 0. */
int dyad_dict_text_check(const char *buf, size_t len, size_t max_line, int nul_fatal,
                         dyad_text_issue_fn fn, void *ud);

#endif
