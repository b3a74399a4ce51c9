/* tabari_doc.h - the TABARI engine as the coder sees it: one document in, its
 * events out, with the engine's own per-thread state.
 *
 * In: a document, the dictionary's TABARI tables (tabari.h, read-only, shared by
 * threads), dyad's code table for Goldstein weights and quad classes (dict.h),
 * the document's option lines. Out: events through the callback, in order, and
 * the document's counts. A document of at most DYAD_TABARI_MAX_WORDS words is one
 * TABARI record; a longer one is split into sentences (sentence.h), each a record.
 * The state carries TABARI's FORWARD: memory from one record to the next
 * (tabari_follow: the same memory for a stream cut into pieces). */
#ifndef DYAD_TABARI_DOC_H
#define DYAD_TABARI_DOC_H

#include <stdio.h>

#include "dict.h"
#include "dyad.h"
#include "sentence.h"
#include "tabari.h"
#include "text.h"

/* One thread's state of the TABARI engine (zeroed: ready). */
typedef struct {
    dyad_text text;
    dyad_sentences sents;
    tb_forward fwd;         /* FORWARD: from one document to the next */
} dyad_tabari_work;

int dyad_tabari_code_doc(const dyad_tabari *t, const dyad_dict *codes, dyad_tabari_work *tw,
                         const dyad_doc *doc, const char *options, FILE *explain,
                         dyad_event_fn fn, void *ud, dyad_doc_stats *st);

/* The FORWARD: memory as it is after coding prev (NULL: none), whatever came
 * before: the memory after a record depends on that record alone, and a
 * document coded sentence by sentence (longer than a record) leaves none. */
int dyad_tabari_follow(const dyad_tabari *t, dyad_tabari_work *tw, const dyad_doc *prev,
                       const char *options);

void dyad_tabari_work_free(dyad_tabari_work *tw);

#endif
