/* _events.c - see _events.h. */
#include "_events.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ev_sink_init(ev_sink *s)
{
    memset(s, 0, sizeof *s);
    s->last_doc = (size_t)-1;
    s->last_sent = -1;
}

void ev_sink_free(ev_sink *s)
{
    free(s->recs);
    free(s->arena);
    ev_sink_init(s);
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 64;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2 / elem)
            return -1;
        ncap *= 2;
    }
    void *np = realloc(*p, ncap * elem);
    if (!np)
        return -1;
    *p = np;
    *cap = ncap;
    return 0;
}

int ev_sink_add(void *ud, const dyad_event *ev)
{
    ev_sink *s = ud;
    if (grow((void **)&s->recs, &s->cap, s->n + 1, sizeof *s->recs)) {
        s->oom = 1;
        return 1;
    }
    ev_record *r = &s->recs[s->n];
    r->ev = *ev;
    r->ev.doc_id = NULL;
    r->ev.text = NULL;
    r->doc = s->doc;
    size_t tlen = ev->text ? ev->text_len : 0;
    if (s->n > 0 && s->last_doc == s->doc && s->last_sent == ev->sent) {
        r->text_off = s->recs[s->n - 1].text_off;   /* the same sentence: stored once */
        r->text_len = s->recs[s->n - 1].text_len;
    } else {
        if (grow((void **)&s->arena, &s->acap, s->alen + tlen + 1, 1)) {
            s->oom = 1;
            return 1;
        }
        if (tlen)
            memcpy(s->arena + s->alen, ev->text, tlen);
        r->text_off = s->alen;
        r->text_len = tlen;
        s->alen += tlen;
        s->last_doc = s->doc;
        s->last_sent = ev->sent;
    }
    s->n++;
    return 0;
}

/* ---------------------------------------------------------------- dicts */

enum {
    K_DOC, K_SENT, K_DATE, K_PREC, K_SOURCE, K_TARGET, K_CODE, K_ROOT, K_QUAD, K_GOLDSTEIN,
    K_SOURCE_TEXT, K_VERB_TEXT, K_TARGET_TEXT, K_SOURCE_SPAN, K_VERB_SPAN, K_TARGET_SPAN,
    K_AMOUNT, K_VALUE, K_CURRENCY, K_TEXT, K_DAY, K_MONTH, K_YEAR, NKEYS
};

static const char *const key_names[NKEYS] = {
    "doc", "sent", "date", "date_precision", "source", "target", "code", "root", "quad_class",
    "goldstein", "source_text", "verb_text", "target_text", "source_span", "verb_span",
    "target_span", "amount", "value", "currency", "text", "day", "month", "year",
};

/* Interned once when the module loads, read-only afterwards. */
static PyObject *keys[NKEYS];

int ev_keys_init(void)
{
    for (int i = 0; i < NKEYS; i++)
        if (!keys[i] && !(keys[i] = PyUnicode_InternFromString(key_names[i])))
            return -1;
    return 0;
}

/* The date's precision as output.c reads it: stated, else from the fields present. */
static dyad_precision precision_of(const dyad_date *d)
{
    if (d->year == 0)
        return DYAD_PREC_NONE;
    if (d->precision != DYAD_PREC_NONE)
        return d->precision;
    return d->month ? (d->day ? DYAD_PREC_DAY : DYAD_PREC_MONTH) : DYAD_PREC_YEAR;
}

/* "YYYY-MM-DD", "YYYY-MM", "YYYY" or None, and the precision's name or None. */
static int put_date(PyObject *d, const dyad_date *date)
{
    dyad_precision p = precision_of(date);
    char buf[64];
    PyObject *v = NULL, *prec = NULL;
    switch (p) {
    case DYAD_PREC_DAY:
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", date->year, date->month, date->day);
        prec = keys[K_DAY];
        break;
    case DYAD_PREC_MONTH:
        snprintf(buf, sizeof buf, "%04d-%02d", date->year, date->month);
        prec = keys[K_MONTH];
        break;
    case DYAD_PREC_YEAR:
        snprintf(buf, sizeof buf, "%04d", date->year);
        prec = keys[K_YEAR];
        break;
    default:
        break;
    }
    if (prec) {
        if (!(v = PyUnicode_FromString(buf)))
            return -1;
    } else {
        v = Py_NewRef(Py_None);
    }
    int rc = PyDict_SetItem(d, keys[K_DATE], v);
    Py_DECREF(v);
    if (rc == 0)
        rc = PyDict_SetItem(d, keys[K_PREC], prec ? prec : Py_None);
    return rc;
}

/* Sets d[key] to v and drops the reference to v; -1 if v is NULL or the set fails. */
static int set_new(PyObject *d, int key, PyObject *v)
{
    if (!v)
        return -1;
    int rc = PyDict_SetItem(d, keys[key], v);
    Py_DECREF(v);
    return rc;
}

static PyObject *fixed_str(const char *s, size_t cap)
{
    const char *z = memchr(s, 0, cap);
    return PyUnicode_DecodeUTF8(s, z ? (Py_ssize_t)(z - s) : (Py_ssize_t)cap, "replace");
}

static PyObject *number_or_none(double v)
{
    if (!isfinite(v))
        return Py_NewRef(Py_None);
    return PyFloat_FromDouble(v == 0 ? 0.0 : v);
}

/* The span's words, clamped to the sentence ("" when none). */
static PyObject *span_text(dyad_span sp, const char *text, size_t text_len)
{
    if (sp.len == 0 || sp.off >= text_len)
        return PyUnicode_FromStringAndSize("", 0);
    size_t l = sp.len;
    if (l > text_len - sp.off)
        l = text_len - sp.off;
    return PyUnicode_DecodeUTF8(text + sp.off, (Py_ssize_t)l, "replace");
}

/* [start, end] or None. */
static PyObject *span_range(dyad_span sp)
{
    if (sp.len == 0)
        return Py_NewRef(Py_None);
    return Py_BuildValue("[kk]", (unsigned long)sp.off, (unsigned long)sp.off + sp.len);
}

/* source_text, verb_text, target_text, then the three spans: the JSON line's order. */
static int put_spans(PyObject *d, const dyad_event *ev, const char *text, size_t text_len)
{
    const dyad_span spans[3] = {ev->source_span, ev->verb_span, ev->target_span};
    for (int i = 0; i < 3; i++)
        if (set_new(d, K_SOURCE_TEXT + i, span_text(spans[i], text, text_len)))
            return -1;
    for (int i = 0; i < 3; i++)
        if (set_new(d, K_SOURCE_SPAN + i, span_range(spans[i])))
            return -1;
    return 0;
}

static int put_amount(PyObject *d, const dyad_event *ev)
{
    PyObject *a = PyDict_New();
    if (!a)
        return -1;
    size_t cl = strnlen(ev->currency, sizeof ev->currency);
    if (set_new(a, K_VALUE, number_or_none(ev->amount)) ||
        set_new(a, K_CURRENCY, cl ? fixed_str(ev->currency, sizeof ev->currency) : Py_NewRef(Py_None))) {
        Py_DECREF(a);
        return -1;
    }
    return set_new(d, K_AMOUNT, a);
}

/* One event as a dict; sentence is the sentence's str (shared by its events). */
static PyObject *event_dict(const ev_record *r, const char *text, PyObject *doc_id, PyObject *sentence)
{
    const dyad_event *ev = &r->ev;
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    if (PyDict_SetItem(d, keys[K_DOC], doc_id) || set_new(d, K_SENT, PyLong_FromLong(ev->sent)) ||
        put_date(d, &ev->date) ||
        set_new(d, K_SOURCE, fixed_str(ev->source, sizeof ev->source)) ||
        set_new(d, K_TARGET, fixed_str(ev->target, sizeof ev->target)) ||
        set_new(d, K_CODE, fixed_str(ev->code, sizeof ev->code)) ||
        set_new(d, K_ROOT, fixed_str(ev->root, sizeof ev->root)) ||
        set_new(d, K_QUAD, PyLong_FromLong(ev->quad_class)) ||
        set_new(d, K_GOLDSTEIN, number_or_none(ev->goldstein)) ||
        put_spans(d, ev, text, r->text_len) ||
        (ev->has_amount && put_amount(d, ev)) || PyDict_SetItem(d, keys[K_TEXT], sentence)) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

int ev_sink_to_lists(const ev_sink *s, PyObject *const *lists, PyObject *const *ids, size_t ndocs)
{
    PyObject *sentence = NULL;
    for (size_t i = 0; i < s->n; i++) {
        const ev_record *r = &s->recs[i];
        if (r->doc >= ndocs) {
            PyErr_SetString(PyExc_SystemError, "dyad: event of an unknown document");
            Py_XDECREF(sentence);
            return -1;
        }
        const char *text = s->arena + r->text_off;
        if (!sentence || r->text_off != s->recs[i - 1].text_off || r->text_len != s->recs[i - 1].text_len) {
            Py_XDECREF(sentence);
            sentence = PyUnicode_DecodeUTF8(text, (Py_ssize_t)r->text_len, "replace");
            if (!sentence)
                return -1;
        }
        PyObject *d = event_dict(r, text, ids[r->doc], sentence);
        if (!d || PyList_Append(lists[r->doc], d)) {
            Py_XDECREF(d);
            Py_DECREF(sentence);
            return -1;
        }
        Py_DECREF(d);
    }
    Py_XDECREF(sentence);
    return 0;
}
