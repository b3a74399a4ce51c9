/* tabari_doc.c - a document through the TABARI engine (tabari_doc.h). */
#include "tabari_doc.h"

#include <string.h>

/* TABARI-mode events get their Goldstein weight and quad class from the code table */
typedef struct {
    const dyad_dict *codes;
    dyad_event_fn fn;
    void *ud;
    int sent;
} tabari_cb;

static int tabari_event(void *ud, const dyad_event *ev)
{
    tabari_cb *t = ud;
    dyad_event e = *ev;
    e.sent = t->sent;
    const dyad_code_info *info = dyad_dict_code(t->codes, e.code);
    if (info) {
        e.goldstein = info->goldstein;
        e.quad_class = info->quad;
    }
    return t->fn ? t->fn(t->ud, &e) : 0;
}

static size_t count_words(const char *s, size_t len)
{
    size_t words = 0;
    for (size_t i = 0; i < len; i++)
        words += s[i] != ' ' && s[i] != '\n' && s[i] != '\t' &&
                 (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t');
    return words;
}

/* A document is one TABARI record, or, when longer than a record may be, each of
 * its sentences is. */
int dyad_tabari_code_doc(const dyad_tabari *t, const dyad_dict *codes, dyad_tabari_work *tw,
                         const dyad_doc *doc, const char *options, FILE *ex,
                         dyad_event_fn fn, void *ud, dyad_doc_stats *st)
{
    tabari_cb tc = {codes, fn, ud, 0};
    if (count_words(doc->text, doc->text_len) <= DYAD_TABARI_MAX_WORDS)
        return dyad_tabari_code(t, doc, options, &tw->fwd, ex, tabari_event, &tc, st);
    /* a document longer than a record is no record: it leaves no FORWARD memory */
    memset(&tw->fwd, 0, sizeof tw->fwd);
    dyad_doc_stats local, one;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    long bad = dyad_normalize(doc->text, doc->text_len, &tw->text);
    if (bad < 0 || dyad_split_sentences(tw->text.buf, tw->text.len, &tw->sents) < 0)
        return -1;
    st->invalid_bytes = (size_t)bad;
    for (size_t si = 0; si < tw->sents.n; si++) {
        dyad_doc sd = {doc->id, doc->date, tw->text.buf + tw->sents.s[si].off, tw->sents.s[si].len,
                       doc->options, NULL};
        tc.sent = (int)si;
        int rc = dyad_tabari_code(t, &sd, options, NULL, ex, tabari_event, &tc, &one);
        st->sentences++;
        st->events += one.events;
        st->bad_date |= one.bad_date;
        st->discarded_sentences += one.discarded != 0;
        if (rc < 0)
            return -1;
    }
    return 0;
}

int dyad_tabari_follow(const dyad_tabari *t, dyad_tabari_work *tw, const dyad_doc *prev,
                       const char *options)
{
    memset(&tw->fwd, 0, sizeof tw->fwd);
    if (!prev || count_words(prev->text, prev->text_len) > DYAD_TABARI_MAX_WORDS)
        return 0;
    dyad_doc_stats st;
    return dyad_tabari_code(t, prev, options, &tw->fwd, NULL, NULL, NULL, &st);
}

void dyad_tabari_work_free(dyad_tabari_work *tw)
{
    dyad_text_free(&tw->text);
    dyad_sentences_free(&tw->sents);
}
