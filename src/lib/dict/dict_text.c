/* dict_text.c - a dictionary file's bytes checked before parsing (dict_text.h). */
#include "dict_text.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int dyad_dict_text_check(const char *buf, size_t len, size_t max_line, int nul_fatal,
                         dyad_text_issue_fn fn, void *ud)
{
    const unsigned char *s = (const unsigned char *)buf;
    char msg[128];
    if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
        fn(ud, 1, 1, "UTF-16 (byte-order mark): dictionaries are UTF-8; convert the file "
                     "(iconv -f UTF-16 -t UTF-8)");
        return 1;
    }
    long line = 1;
    size_t start = 0;   /* of the current line */
    int bad_utf8 = 0;   /* reported on this line already */
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c == '\n' || (c == '\r' && (i + 1 == len || s[i + 1] != '\n'))) {
            if (max_line && i - start > max_line) {
                snprintf(msg, sizeof msg, "line of %zu bytes, over the %zu-byte limit: cut",
                         i - start, max_line);
                fn(ud, line, 0, msg);
            }
            line++;
            start = ++i;
            bad_utf8 = 0;
            continue;
        }
        if (c == 0) {
            snprintf(msg, sizeof msg, "NUL byte at byte %zu of the line: %s", i - start + 1,
                     nul_fatal ? "not a text file" : "the line's text ends there");
            fn(ud, line, nul_fatal, msg);
            if (nul_fatal)
                return 1;
        }
        uint32_t cp;
        size_t k = c < 0x80 ? 1 : dyad_utf8_decode(s + i, len - i, &cp);
        if (!k) {
            if (!bad_utf8) {
                snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu of the line", i - start + 1);
                fn(ud, line, 0, msg);
            }
            bad_utf8 = 1;
            k = 1;
        }
        i += k;
    }
    if (max_line && len - start > max_line) {
        snprintf(msg, sizeof msg, "line of %zu bytes, over the %zu-byte limit: cut", len - start,
                 max_line);
        fn(ud, line, 0, msg);
    }
    return 0;
}
