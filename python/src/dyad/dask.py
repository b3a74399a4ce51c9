"""Coding on a Dask cluster: bags of documents and data frames of texts.

    import dask.bag as db, dyad.dask
    docs = db.read_text("docs/*.jsonl", blocksize="4MB").map(json.loads)
    events = dyad.dask.code_bag(docs)             # a bag of event dicts
    events.map(json.dumps).to_textfiles("events/*.jsonl")
    frame = dyad.dask.code_dataframe(ddf, "text", "date", id_col="id")   # a Dask DataFrame

Each partition is coded on a worker with a Coder made once per worker process (kept in
this module, keyed by its arguments), so a dictionary is loaded once per process
however many partitions the process codes. The workers need the dyad package and the
dictionary folder at the same path (or dict= pointing where it is on them)."""
import threading

from ._coder import Coder
from ._frame import COLUMNS, to_frame

_coders = {}
_coders_lock = threading.Lock()


def worker_coder(dict=None, require_dyad=None):
    """The Coder of this process for these arguments, made on first use."""
    key = (dict, require_dyad)
    with _coders_lock:
        coder = _coders.get(key)
        if coder is None:
            coder = _coders[key] = Coder(dict, require_dyad=require_dyad)
    return coder


def _code_partition(docs, dict, require_dyad, threads, date):
    coder = worker_coder(dict, require_dyad)
    return list(coder.code_many(docs, threads=threads, date=date))


def code_bag(bag, dict=None, require_dyad=None, threads=1, date=None):
    """A dask.bag of event dicts from a bag of documents (str texts or dicts with
    "text" and optional "id", "date", as Coder.code_many takes). Give documents an
    "id": a str document is named by its position within its partition. threads: coding
    threads per partition (1 when each worker runs a task per core)."""
    return bag.map_partitions(_code_partition, dict, require_dyad, threads, date)


def _frame_partition(pdf, text_col, date_col, id_col, dict, require_dyad, threads):
    coder = worker_coder(dict, require_dyad)
    texts = pdf[text_col].tolist()
    dates = pdf[date_col].tolist() if date_col else [None] * len(texts)
    ids = pdf[id_col].tolist() if id_col else [str(i) for i in pdf.index]
    docs = [{"id": i, "date": d, "text": t} for i, d, t in zip(ids, dates, texts)]
    return to_frame(coder.code_many(docs, threads=threads))


def code_dataframe(ddf, text_col="text", date_col=None, id_col=None, dict=None,
                   require_dyad=None, threads=1):
    """A Dask DataFrame of events (the columns and dtypes of dyad.to_frame) from a Dask
    DataFrame with one document per row: its text in text_col, its date (a str, or a
    datetime) in date_col, its id in id_col (default: the row's index label)."""
    meta = to_frame([])
    return ddf.map_partitions(_frame_partition, text_col, date_col, id_col, dict, require_dyad,
                              threads, meta=meta, enforce_metadata=False)


__all__ = ["code_bag", "code_dataframe", "worker_coder", "COLUMNS"]
