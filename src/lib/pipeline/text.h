/* text.h - read and normalize: raw bytes to clean UTF-8.
 *
 * Contract: dyad_normalize copies src into out as valid UTF-8. Invalid byte
 * sequences become U+FFFD and are counted; typographic quotes fold to ASCII
 * (' and "), en and em dashes to "-" and "--", the ellipsis to "...", no-break and
 * other spaces to a plain space, carriage returns and other control characters
 * (except newline and tab) to a space. With utf8proc's character data: format
 * characters (bidi marks, ZWJ, ZWNJ, word joiner; category Cf), variation
 * selectors and skin-tone modifiers are removed; other symbols (emoji; So) become
 * a space; full-width Latin letters, digits and punctuation become ASCII; and text
 * with combining marks is composed (NFC), so that NFD "Côte" matches "Côte". */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *buf;
    size_t len, cap;
} dyad_text;

/* Returns the number of invalid bytes replaced, or -1 on allocation failure. */
long dyad_normalize(const char *src, size_t len, dyad_text *out);
void dyad_text_free(dyad_text *t);

/* Decodes one UTF-8 sequence at s (n bytes available) into *cp. Returns its
 * length, or 0 when invalid (overlong, surrogate, beyond U+10FFFF, truncated, a
 * stray continuation byte). */
size_t dyad_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
