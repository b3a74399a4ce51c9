"""dyad.Coder: the Python face of libdyad's coder (see the package doc string)."""
import collections
import datetime
import logging
import os
import sys
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import _dyad
from ._dyad import Error

log = logging.getLogger("dyad")

MAX_DOC_BYTES = 16 << 20     # as `dyad code --max-doc-bytes`
BATCH_DOCS = 64              # documents coded per GIL-free call
BATCH_BYTES = 1 << 18        # ... or about this much text


class InputError(Error, ValueError):
    """A document that cannot be coded: binary (a NUL byte), too large, or an unreadable
    date given to Coder.code. (Coder.code_many skips such documents and counts them.)"""


def default_dict():
    """The dictionary folder used when none is given: $DYAD_DICT, else the dict/ folder
    of the checkout the package was built from, else an installed share/dyad/dict."""
    env = os.environ.get("DYAD_DICT")
    if env:
        return env
    try:
        from ._build_info import CHECKOUT_DICT
    except ImportError:
        CHECKOUT_DICT = None
    candidates = [CHECKOUT_DICT, os.path.join(sys.prefix, "share", "dyad", "dict"),
                  "/usr/local/share/dyad/dict", "/usr/share/dyad/dict"]
    for path in candidates:
        if path and os.path.isdir(path):
            return path
    return "dict"


@dataclass
class CodeStats:
    """What a code_many run did; read = coded + skipped, as in `dyad code`'s summary."""
    read: int = 0
    coded: int = 0
    skipped: dict = field(default_factory=dict)   # reason -> documents
    sentences: int = 0
    long_sentences: int = 0
    events: int = 0
    undated: int = 0
    invalid_bytes: int = 0
    invalid_docs: int = 0
    bad_dates: int = 0
    discarded_docs: int = 0
    discarded_sentences: int = 0

    @property
    def skipped_total(self):
        return sum(self.skipped.values())

    def __str__(self):
        reasons = ", ".join(f"{n} {k}" for k, n in self.skipped.items())
        s = (f"{self.read} documents read, {self.coded} coded, {self.skipped_total} skipped"
             f"{' (' + reasons + ')' if reasons else ''}; {self.sentences} sentences "
             f"({self.long_sentences} too long); {self.events} events ({self.undated} without a date)")
        if self.invalid_docs:
            s += f"; {self.invalid_bytes} invalid UTF-8 bytes replaced in {self.invalid_docs} documents"
        if self.bad_dates:
            s += f"; {self.bad_dates} unreadable dates"
        return s


def _date_text(value):
    """A document's date as libdyad reads it (YYYY-MM-DD or YYYYMMDD), or None."""
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "to_pydatetime"):                 # pandas.Timestamp
        return value.strftime("%Y-%m-%d")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value.replace("\0", "") or None
    return None


def _id_text(value):
    """A document id as `dyad code` reads JSON ids: strings and numbers, else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value and "\0" not in value:
        return value
    return None


def _options_text(config):
    """A JSON document's "config" as option lines (see `dyad code`'s reader)."""
    if isinstance(config, Mapping) and "require_dyad" in config:
        rd = config["require_dyad"]
        yes = rd is True or (isinstance(rd, str) and rd[:1] in ("t", "T", "y", "Y", "1"))
        return "require_dyad = yes\n" if yes else "require_dyad = no\n"
    if isinstance(config, (list, tuple)) and config:
        return "".join(line.replace("\0", "") + "\n" for line in config if isinstance(line, str))
    return None


class _Batch:
    __slots__ = ("docs", "positions", "skips", "nbytes")

    def __init__(self):
        self.docs = []        # (id, date, text, options, title) for _dyad
        self.positions = []   # the documents' positions in the input, from 1
        self.skips = []       # (position, reason) of documents without a text
        self.nbytes = 0


def _doc_tuple(item, pos, default_date):
    """(id, date, text, options, title) for item, or None when it has no text (skipped)."""
    if isinstance(item, (str, bytes)):
        return (str(pos), default_date, item, None, None)
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, (str, bytes)):
            return None
        date = _date_text(item.get("date")) or default_date
        title = item.get("title")
        return (_id_text(item.get("id")) or str(pos), date, text, _options_text(item.get("config")),
                title.replace("\0", "") if isinstance(title, str) else None)
    raise TypeError(f"document {pos}: want str, bytes or a dict with 'text', not {type(item).__name__}")


class EventStream:
    """The events of Coder.code_many in input order; .stats fills in as they are read."""

    def __init__(self, gen, stats):
        self._gen = gen
        self.stats = stats

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)

    def close(self):
        self._gen.close()


class Coder:
    """Loaded dictionaries; thread-safe, shareable by any number of threads.

    dict: a dyad dictionary folder or a TABARI .project file (default: default_dict()).
    require_dyad: True to keep only events with a source and a target, False for all,
    None (default) as the dictionary's options say. max_doc_bytes: larger documents are
    skipped (code_many) or refused (code). Raises DictionaryError("file:line: message")."""

    def __init__(self, dict=None, *, require_dyad=None, max_doc_bytes=MAX_DOC_BYTES,
                 tagger_dir=None, wordnet_dir=None):
        self.dict = os.fspath(dict) if dict is not None else default_dict()
        rd = -1 if require_dyad is None else int(bool(require_dyad))
        self.max_doc_bytes = int(max_doc_bytes)
        self._native = _dyad.Coder(self.dict, tagger_dir, wordnet_dir, rd)

    def __repr__(self):
        return f"dyad.Coder(dict={self.dict!r})"

    @property
    def from_cache(self):
        """True when the tables came from the compiled cache."""
        return self._native.from_cache

    @property
    def warnings(self):
        """How many warnings the dictionary loaded with (`dyad dict check` lists them)."""
        return self._native.warnings

    def _one(self, text, date, doc_id, options):
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
        if doc_id is not None and not isinstance(doc_id, str):
            raise TypeError(f"doc_id must be a str, not {type(doc_id).__name__}")
        d = _date_text(date)
        if date is not None:
            if d is None:
                raise TypeError(f"date must be a str, int or datetime.date, not {type(date).__name__}")
            try:
                _dyad.parse_date(d)
            except ValueError as e:
                raise InputError(str(e)) from None
        return (doc_id or "text", d, text, options)

    def code(self, text, date=None, doc_id=None, options=None):
        """The events of one document (str, or bytes in UTF-8), as a list of dicts with
        the fields of `dyad code`'s JSON lines. date: 'YYYY-MM-DD', 'YYYYMMDD' or a
        datetime.date, for relative dates ("on Monday"). Invalid UTF-8 is replaced as in
        the CLI; an empty text has no events; a NUL byte or a text over max_doc_bytes
        raises InputError, a wrong type TypeError. The GIL is released while coding."""
        doc = self._one(text, date, doc_id, options)
        (events, kind, detail, *_), = self._native.code_batch([doc], self.max_doc_bytes)
        if kind in ("binary", "too large"):
            raise InputError(f"document {doc[0]}: {kind} {detail}")
        return events or []

    def explain(self, text, date=None, doc_id=None):
        """A readable account of every coding stage for text (as `dyad explain`); refuses
        what code() refuses."""
        doc = self._one(text, date, doc_id or "explain", None)
        raw = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        nul = raw.find(b"\0")
        if nul >= 0:
            raise InputError(f"document {doc[0]}: binary (NUL byte at offset {nul})")
        if self.max_doc_bytes and len(raw) > self.max_doc_bytes:
            raise InputError(f"document {doc[0]}: too large ({len(raw)} bytes, limit {self.max_doc_bytes})")
        account, _ = self._native.explain(doc)
        return account

    def code_many(self, docs, threads=None, date=None):
        """Codes an iterable of documents, yielding events in input order.

        A document is a str or bytes (its id: its position from 1) or a dict with "text"
        and optional "id", "date" and "config" (a parsed JSON line of `dyad code`'s
        input). date applies to documents without one. threads: coding threads (default:
        one per CPU); the events are the same for every number. Documents without a
        text, empty, binary or too large are skipped, counted in .stats.skipped and
        logged on the "dyad" logger; an unreadable date is ignored and counted; a wrong
        item type raises TypeError. Returns an EventStream (an iterator with .stats)."""
        threads = int(threads or os.cpu_count() or 1)
        if threads < 1:
            raise ValueError("threads must be at least 1")
        stats = CodeStats()
        return EventStream(self._run(docs, threads, _date_text(date), stats), stats)

    def _batches(self, docs, default_date):
        batch = _Batch()
        for pos, item in enumerate(docs, 1):
            doc = _doc_tuple(item, pos, default_date)
            if doc is None:
                batch.skips.append((pos, "no text"))
                continue
            batch.docs.append(doc)
            batch.positions.append(pos)
            batch.nbytes += len(doc[2])
            if len(batch.docs) >= BATCH_DOCS or batch.nbytes >= BATCH_BYTES:
                yield batch
                batch = _Batch()
        if batch.docs or batch.skips:
            yield batch

    def _run(self, docs, threads, default_date, stats):
        batches = self._batches(docs, default_date)
        mb = self.max_doc_bytes
        if threads == 1:
            for b in batches:
                yield from _finish(b, self._native.code_batch(b.docs, mb), stats)
            return
        with ThreadPoolExecutor(threads, thread_name_prefix="dyad") as pool:
            pending = collections.deque()
            for b in batches:
                pending.append((b, pool.submit(self._native.code_batch, b.docs, mb)))
                if len(pending) >= 2 * threads:
                    b0, fut = pending.popleft()
                    yield from _finish(b0, fut.result(), stats)
            while pending:
                b0, fut = pending.popleft()
                yield from _finish(b0, fut.result(), stats)


def _skip(stats, pos, doc_id, reason, detail=None):
    stats.read += 1
    stats.skipped[reason] = stats.skipped.get(reason, 0) + 1
    where = f"document {pos}" + (f" ({doc_id})" if doc_id else "")
    log.warning("%s: %s%s, skipped", where, reason, f" {detail}" if detail else "")


def _finish(batch, results, stats):
    """Counts a coded batch into stats and yields its events."""
    for pos, reason in batch.skips:
        _skip(stats, pos, None, reason)
    for pos, doc, res in zip(batch.positions, batch.docs, results):
        events, kind, detail, sents, long_sents, bad_bytes, bad_date, disc_sents, disc = res
        if kind is not None:
            _skip(stats, pos, doc[0], kind, detail)
            continue
        stats.read += 1
        stats.coded += 1
        stats.sentences += sents
        stats.long_sentences += long_sents
        stats.events += len(events)
        stats.undated += sum(1 for e in events if e["date"] is None)
        stats.discarded_docs += disc
        stats.discarded_sentences += disc_sents
        if bad_bytes:
            stats.invalid_bytes += bad_bytes
            stats.invalid_docs += 1
            log.warning("document %d (%s): %d invalid UTF-8 bytes replaced", pos, doc[0], bad_bytes)
        if bad_date:
            stats.bad_dates += 1
            log.warning("document %d (%s): unreadable date %r ignored", pos, doc[0], doc[1])
        yield from events
