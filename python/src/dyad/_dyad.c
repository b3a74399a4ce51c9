/* _dyad.c - the C extension under the `dyad` Python package: libdyad's coder as a
 * Python type, over the public header include/dyad.h only.
 *
 * _dyad.Coder(dict_dir, tagger_dir=None, wordnet_dir=None, require_dyad=-1) loads a
 * dictionary once; it is read-only afterwards and shared by any number of Python
 * threads. Each call borrows a dyad_work (scratch space) from the object's pool, taken
 * and given back while holding the GIL, and codes with the GIL released, so threads
 * code in parallel. Coder.code_batch(docs, max_doc_bytes) codes a list of documents
 * (id, date, text, options) in one GIL-free stretch and returns one result tuple per
 * document (see code_batch's doc string). The Python layer (dyad/__init__.py) builds
 * the documented API on it. Errors: _dyad.DictionaryError carries libdyad's
 * "file:line: message". */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "_events.h"
#include "dyad.h"

static PyObject *DyadError;       /* dyad.Error */
static PyObject *DictionaryError; /* dyad.DictionaryError(Error) */

enum { POOL_MAX = 64 };

typedef struct {
    PyObject_HEAD
    dyad_coder *coder;
    dyad_work *pool[POOL_MAX];  /* idle work objects; touched only with the GIL held */
    int npool;
} CoderObject;

/* ---------------------------------------------------------------- work pool */

static dyad_work *work_take(CoderObject *self)
{
    if (self->npool > 0)
        return self->pool[--self->npool];
    dyad_work *w = dyad_work_new();
    if (!w)
        PyErr_NoMemory();
    return w;
}

static void work_give(CoderObject *self, dyad_work *w)
{
    if (self->npool < POOL_MAX)
        self->pool[self->npool++] = w;
    else
        dyad_work_free(w);
}

/* ---------------------------------------------------------------- Coder type */

static void Coder_dealloc(CoderObject *self)
{
    while (self->npool > 0)
        dyad_work_free(self->pool[--self->npool]);
    if (self->coder)
        dyad_coder_free(self->coder);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Coder_init(CoderObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"dict_dir", "tagger_dir", "wordnet_dir", "require_dyad", NULL};
    const char *dict_dir = NULL, *tagger_dir = NULL, *wordnet_dir = NULL;
    int require_dyad = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "z|zzi", kwlist, &dict_dir, &tagger_dir,
                                     &wordnet_dir, &require_dyad))
        return -1;
    if (self->coder) {
        PyErr_SetString(DyadError, "Coder is already loaded");
        return -1;
    }
    dyad_options opt = dyad_default_options();
    opt.dict_dir = dict_dir;
    opt.tagger_dir = tagger_dir;
    opt.wordnet_dir = wordnet_dir;
    opt.require_dyad = require_dyad;
    char err[1024] = "";
    dyad_coder *c;
    Py_BEGIN_ALLOW_THREADS
    c = dyad_coder_new(&opt, err, sizeof err);
    Py_END_ALLOW_THREADS
    if (!c) {
        PyErr_SetString(DictionaryError, err[0] ? err : "the dictionary could not be loaded");
        return -1;
    }
    self->coder = c;
    return 0;
}

static int coder_ready(CoderObject *self)
{
    if (self->coder)
        return 1;
    PyErr_SetString(DyadError, "Coder was not initialised");
    return 0;
}

/* ---------------------------------------------------------------- documents */

enum { SKIP_NONE = 0, SKIP_EMPTY, SKIP_TOO_LARGE, SKIP_BINARY };

typedef struct {
    const char *id, *date, *text, *options, *title;
    Py_ssize_t text_len;
    int skip;                 /* SKIP_*: not coded, as `dyad code` skips it */
    size_t detail;            /* SKIP_BINARY: the NUL's offset; SKIP_TOO_LARGE: the size */
    int rc;                   /* dyad_code's result */
    dyad_doc_stats st;
} batch_doc;

/* UTF-8 of a str, or NULL (None) when allow_none; NUL bytes refused. */
static int utf8_arg(PyObject *o, const char *what, int allow_none, const char **out)
{
    if (o == Py_None && allow_none) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "document %s must be a str%s, not %.80s", what,
                     allow_none ? " or None" : "", Py_TYPE(o)->tp_name);
        return -1;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (!s)
        return -1;
    if ((size_t)n != strlen(s)) {
        PyErr_Format(PyExc_ValueError, "document %s contains a NUL character", what);
        return -1;
    }
    *out = s;
    return 0;
}

/* The text's bytes: a str's UTF-8 (lone surrogates, as from surrogateescape, become the
 * original bytes, which libdyad replaces and counts like any invalid UTF-8) or bytes. */
static int text_arg(PyObject *o, PyObject *keep, const char **s, Py_ssize_t *n)
{
    if (PyBytes_Check(o))
        return PyBytes_AsStringAndSize(o, (char **)s, n);
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "document text must be str or bytes, not %.80s",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    *s = PyUnicode_AsUTF8AndSize(o, n);
    if (*s)
        return 0;
    PyErr_Clear();
    PyObject *b = PyUnicode_AsEncodedString(o, "utf-8", "surrogateescape");
    if (!b || PyList_Append(keep, b)) {
        Py_XDECREF(b);
        return -1;
    }
    Py_DECREF(b);
    return PyBytes_AsStringAndSize(b, (char **)s, n);
}

/* Reads docs[i] = (id, date, text, options[, title]) into d; keep holds made objects
 * alive. The title (a headline) is the story's context for roles, as in `dyad code`. */
static int read_doc(PyObject *item, batch_doc *d, PyObject *keep)
{
    if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) < 4 || PyTuple_GET_SIZE(item) > 5) {
        PyErr_SetString(PyExc_TypeError, "code_batch: each document is a tuple (id, date, text, options[, title])");
        return -1;
    }
    d->title = NULL;
    if (PyTuple_GET_SIZE(item) == 5 && utf8_arg(PyTuple_GET_ITEM(item, 4), "title", 1, &d->title))
        return -1;
    if (utf8_arg(PyTuple_GET_ITEM(item, 0), "id", 0, &d->id) ||
        utf8_arg(PyTuple_GET_ITEM(item, 1), "date", 1, &d->date) ||
        text_arg(PyTuple_GET_ITEM(item, 2), keep, &d->text, &d->text_len) ||
        utf8_arg(PyTuple_GET_ITEM(item, 3), "options", 1, &d->options))
        return -1;
    return 0;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\n\r\f\v", s[i]) || !s[i])
            return 0;
    return 1;
}

/* The checks `dyad code` makes before coding a document (src/cli/input.c). */
static void check_doc(batch_doc *d, size_t max_bytes)
{
    size_t n = (size_t)d->text_len;
    const char *nul = memchr(d->text, 0, n);
    if (max_bytes && n > max_bytes) {
        d->skip = SKIP_TOO_LARGE;
        d->detail = n;
    } else if (nul) {
        d->skip = SKIP_BINARY;
        d->detail = (size_t)(nul - d->text);
    } else if (is_blank(d->text, n)) {
        d->skip = SKIP_EMPTY;
    }
}

/* Codes the batch into sink; runs without the GIL. */
static void code_docs(const dyad_coder *c, dyad_work *w, batch_doc *docs, size_t n,
                      size_t max_bytes, ev_sink *sink)
{
    for (size_t i = 0; i < n && !sink->oom; i++) {
        batch_doc *d = &docs[i];
        check_doc(d, max_bytes);
        if (d->skip)
            continue;
        dyad_doc dd;
        memset(&dd, 0, sizeof dd);
        dd.id = d->id;
        dd.date = d->date;
        dd.text = d->text;
        dd.text_len = (size_t)d->text_len;
        dd.title = d->title;
        sink->doc = i;
        dyad_work_set_options(w, d->options);
        d->rc = dyad_code(c, w, &dd, ev_sink_add, sink, &d->st);
        dyad_work_set_options(w, NULL);
    }
}

/* (events or None, skip kind or None, skip detail or None, sentences, long_sentences,
 *  invalid_bytes, bad_date, discarded_sentences, discarded) */
static PyObject *doc_result(const batch_doc *d, size_t max_bytes, PyObject *events)
{
    static const char *const kinds[] = {NULL, "empty", "too large", "binary"};
    char detail[96] = "";
    if (d->skip == SKIP_TOO_LARGE)
        snprintf(detail, sizeof detail, "(%zu bytes, limit %zu)", d->detail, max_bytes);
    else if (d->skip == SKIP_BINARY)
        snprintf(detail, sizeof detail, "(NUL byte at offset %zu)", d->detail);
    const dyad_doc_stats *st = &d->st;
    return Py_BuildValue("(OzznnnInI)", d->skip ? Py_None : events, kinds[d->skip],
                         detail[0] ? detail : NULL, (Py_ssize_t)st->sentences,
                         (Py_ssize_t)st->long_sentences, (Py_ssize_t)st->invalid_bytes,
                         (unsigned)(st->bad_date != 0), (Py_ssize_t)st->discarded_sentences,
                         (unsigned)(st->discarded != 0));
}

/* Turns the coded batch into its list of result tuples. */
static PyObject *batch_results(PyObject *seq, const batch_doc *docs, size_t n, size_t max_bytes,
                               const ev_sink *sink)
{
    PyObject **lists = PyMem_Calloc(n ? n : 1, sizeof *lists);
    PyObject **ids = PyMem_Calloc(n ? n : 1, sizeof *ids);
    PyObject *out = NULL;
    if (!lists || !ids) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        ids[i] = PyTuple_GET_ITEM(PySequence_Fast_GET_ITEM(seq, (Py_ssize_t)i), 0);
        if (!(lists[i] = PyList_New(0)))
            goto done;
    }
    if (ev_sink_to_lists(sink, lists, ids, n))
        goto done;
    if (!(out = PyList_New((Py_ssize_t)n)))
        goto done;
    for (size_t i = 0; i < n; i++) {
        PyObject *r = doc_result(&docs[i], max_bytes, lists[i]);
        if (!r) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, (Py_ssize_t)i, r);
    }
done:
    for (size_t i = 0; lists && i < n; i++)
        Py_XDECREF(lists[i]);
    PyMem_Free(lists);
    PyMem_Free(ids);
    return out;
}

static PyObject *Coder_code_batch(CoderObject *self, PyObject *args)
{
    PyObject *docs_arg;
    Py_ssize_t max_bytes = 16 << 20;
    if (!PyArg_ParseTuple(args, "O|n", &docs_arg, &max_bytes) || !coder_ready(self))
        return NULL;
    PyObject *seq = PySequence_Fast(docs_arg, "code_batch: docs must be a sequence");
    if (!seq)
        return NULL;
    size_t n = (size_t)PySequence_Fast_GET_SIZE(seq);
    PyObject *keep = PyList_New(0), *out = NULL;
    batch_doc *docs = PyMem_Calloc(n ? n : 1, sizeof *docs);
    dyad_work *w = NULL;
    ev_sink sink;
    ev_sink_init(&sink);
    if (!keep || !docs) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (read_doc(PySequence_Fast_GET_ITEM(seq, (Py_ssize_t)i), &docs[i], keep))
            goto done;
    if (!(w = work_take(self)))
        goto done;
    size_t mb = max_bytes > 0 ? (size_t)max_bytes : 0;
    Py_BEGIN_ALLOW_THREADS
    code_docs(self->coder, w, docs, n, mb, &sink);
    Py_END_ALLOW_THREADS
    work_give(self, w);
    for (size_t i = 0; i < n && !sink.oom; i++)
        if (docs[i].rc != 0)
            sink.oom = 1;
    if (sink.oom) {
        PyErr_NoMemory();
        goto done;
    }
    out = batch_results(seq, docs, n, mb, &sink);
done:
    ev_sink_free(&sink);
    PyMem_Free(docs);
    Py_XDECREF(keep);
    Py_DECREF(seq);
    return out;
}

/* explain(id, date, text) -> (account, events) */
static PyObject *Coder_explain(CoderObject *self, PyObject *args)
{
    PyObject *item;
    if (!PyArg_ParseTuple(args, "O!", &PyTuple_Type, &item) || !coder_ready(self))
        return NULL;
    PyObject *keep = PyList_New(0), *out = NULL, *events = NULL;
    batch_doc d;
    memset(&d, 0, sizeof d);
    ev_sink sink;
    ev_sink_init(&sink);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = NULL;
    dyad_work *w = NULL;
    if (!keep || read_doc(item, &d, keep) || !(w = work_take(self)))
        goto done;
    if (!(mem = open_memstream(&buf, &len))) {
        PyErr_NoMemory();
        goto done;
    }
    dyad_doc dd;
    memset(&dd, 0, sizeof dd);
    dd.id = d.id;
    dd.date = d.date;
    dd.text = d.text;
    dd.text_len = (size_t)d.text_len;
    dd.title = d.title;
    Py_BEGIN_ALLOW_THREADS
    dyad_work_set_options(w, d.options);
    d.rc = dyad_explain(self->coder, w, &dd, mem, ev_sink_add, &sink, &d.st);
    dyad_work_set_options(w, NULL);
    fclose(mem);
    Py_END_ALLOW_THREADS
    mem = NULL;
    if (d.rc != 0 || sink.oom || !buf) {
        PyErr_NoMemory();
        goto done;
    }
    PyObject *id = PyTuple_GET_ITEM(item, 0);
    if (!(events = PyList_New(0)) || ev_sink_to_lists(&sink, &events, &id, 1))
        goto done;
    out = Py_BuildValue("(NO)", PyUnicode_DecodeUTF8(buf, (Py_ssize_t)len, "replace"), events);
done:
    if (w)
        work_give(self, w);
    if (mem)
        fclose(mem);
    free(buf);
    ev_sink_free(&sink);
    Py_XDECREF(events);
    Py_XDECREF(keep);
    return out;
}

static PyObject *Coder_from_cache(CoderObject *self, void *closure)
{
    (void)closure;
    if (!coder_ready(self))
        return NULL;
    return PyBool_FromLong(dyad_coder_from_cache(self->coder));
}

static PyObject *Coder_warnings(CoderObject *self, void *closure)
{
    (void)closure;
    if (!coder_ready(self))
        return NULL;
    return PyLong_FromSize_t(dyad_coder_warnings(self->coder));
}

static PyMethodDef Coder_methods[] = {
    {"code_batch", (PyCFunction)Coder_code_batch, METH_VARARGS,
     "code_batch(docs, max_doc_bytes=16 MiB) -> list of results, one per document.\n"
     "docs: a sequence of (id: str, date: str|None, text: str|bytes, options: str|None).\n"
     "A result is (events: list of dicts, or None when skipped, skip kind ('empty', 'too\n"
     "large', 'binary') or None, skip detail or None, sentences, long sentences, invalid\n"
     "UTF-8 bytes replaced, bad date (0/1), discarded sentences, discarded story (0/1)).\n"
     "The GIL is released while coding."},
    {"explain", (PyCFunction)Coder_explain, METH_VARARGS,
     "explain((id, date, text, options)) -> (account of every stage: str, events)"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Coder_getset[] = {
    {"from_cache", (getter)Coder_from_cache, NULL, "tables came from the compiled cache", NULL},
    {"warnings", (getter)Coder_warnings, NULL, "warnings the dictionary loaded with", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject CoderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dyad._dyad.Coder",
    .tp_basicsize = sizeof(CoderObject),
    .tp_dealloc = (destructor)Coder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Coder(dict_dir, tagger_dir=None, wordnet_dir=None, require_dyad=-1): loaded "
              "dictionaries, shareable by threads",
    .tp_methods = Coder_methods,
    .tp_getset = Coder_getset,
    .tp_init = (initproc)Coder_init,
    .tp_new = PyType_GenericNew,
};

/* ---------------------------------------------------------------- module */

static PyObject *mod_parse_date(PyObject *mod, PyObject *arg)
{
    (void)mod;
    Py_ssize_t n;
    const char *s = PyUnicode_Check(arg) ? PyUnicode_AsUTF8AndSize(arg, &n) : NULL;
    if (!s) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "parse_date: want a str");
        return NULL;
    }
    dyad_date d;
    if (dyad_parse_date(s, (size_t)n, &d) != 0)
        return PyErr_Format(PyExc_ValueError, "date '%U': want YYYY-MM-DD or YYYYMMDD", arg);
    return Py_BuildValue("(iii)", d.year, d.month, d.day);
}

static PyMethodDef module_methods[] = {
    {"parse_date", mod_parse_date, METH_O,
     "parse_date('YYYY-MM-DD' or 'YYYYMMDD') -> (year, month, day); ValueError if unreadable"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef dyad_module = {
    PyModuleDef_HEAD_INIT, "_dyad", "libdyad, the CAMEO event coder (see the dyad package)",
    -1, module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__dyad(void)
{
    if (ev_keys_init() || PyType_Ready(&CoderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&dyad_module);
    if (!m)
        return NULL;
    DyadError = PyErr_NewExceptionWithDoc("dyad.Error", "an error from libdyad", NULL, NULL);
    DictionaryError = PyErr_NewExceptionWithDoc(
        "dyad.DictionaryError", "a dictionary, tagger or WordNet file could not be loaded "
        "(the message is libdyad's 'file:line: message')", DyadError, NULL);
    if (!DyadError || !DictionaryError || PyModule_AddObjectRef(m, "Error", DyadError) ||
        PyModule_AddObjectRef(m, "DictionaryError", DictionaryError) ||
        PyModule_AddObjectRef(m, "Coder", (PyObject *)&CoderType) ||
        PyModule_AddStringConstant(m, "VERSION", DYAD_VERSION)) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
