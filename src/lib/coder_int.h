/* coder_int.h - the coder's insides for the project's own tests: its
 * dictionary and one sentence's tagged tokens, so that each stage of dyad's
 * pipeline can be run and checked on its own (tests/check_stages.c). Not part
 * of the public interface (include/dyad.h). */
#ifndef DYAD_CODER_INT_H
#define DYAD_CODER_INT_H

#include "dict.h"
#include "dyad.h"
#include "token.h"

/* The dictionary the coder loaded (for a TABARI folder: the one loaded beside
 * its TABARI tables). */
const dyad_dict *dyad_coder_dict(const dyad_coder *c);

/* Tokenizes sentence s[0..len) and tags it (tagger.h) with the coder's tables,
 * into w's token buffer; *tok points at the tokens. Returns their number, -1
 * when out of memory; more than the coder's limit per sentence are not tagged. */
long dyad_coder_tag_sentence(const dyad_coder *c, dyad_work *w, const char *s, size_t len,
                             dyad_token **tok);

#endif
