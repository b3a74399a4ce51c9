"""dyad.Store: the event store (`dyad ingest`, `dyad query`, `dyad export`) from Python.

    store = dyad.Store("events.db")               # SQLite file, or "postgresql://user@host/db"
    store.ingest("docs.jsonl")                    # files, coded by dyad
    store.ingest(docs)                            # or documents (dicts / str) from Python
    store.ingest(coder.code_many(docs), events=True)   # or events coded in Python
    df = store.query(actor="RUS", by="month")     # a pandas DataFrame
    store.export("gdelt2", "events.tsv", from_date="2022-01-01")

It runs the built `dyad` program (subprocess), so it behaves exactly as those commands do;
the program is dyad= (a path), else $DYAD_BIN, else the bin/dyad of the checkout the
package was built from, else `dyad` on PATH. A failure raises StoreError with the
command's message."""
import io
import json
import os
import shutil
import subprocess

from ._dyad import Error


class StoreError(Error):
    """A `dyad ingest/query/export` run failed; the message is the command's."""


def dyad_program():
    """The `dyad` program the store commands run."""
    env = os.environ.get("DYAD_BIN")
    if env:
        return env
    try:
        from ._build_info import CHECKOUT_BIN
    except ImportError:
        CHECKOUT_BIN = None
    if CHECKOUT_BIN and os.access(CHECKOUT_BIN, os.X_OK):
        return CHECKOUT_BIN
    found = shutil.which("dyad")
    if not found:
        raise StoreError("the dyad program was not found (set DYAD_BIN or give dyad=)")
    return found


FILTERS = {"actor": "--actor", "source": "--source", "target": "--target", "code": "--code",
           "root": "--root", "quad": "--quad", "from_date": "--from", "to_date": "--to",
           "doc": "--doc", "text": "--text", "limit": "--limit"}


def _filter_args(filters):
    args = []
    for key, value in filters.items():
        if value is None or value is False:
            continue
        if key == "dyad":
            a, b = value.split(":", 1) if isinstance(value, str) else value
            args += ["--dyad", f"{a}:{b}"]
        elif key == "undirected":
            args.append("--undirected")
        elif key in FILTERS:
            if hasattr(value, "strftime"):
                value = value.strftime("%Y-%m-%d")
            args += [FILTERS[key], str(value)]
        else:
            raise TypeError(f"unknown filter {key!r} (want one of {', '.join(sorted(FILTERS))}, dyad, undirected)")
    return args


def _doc_line(doc):
    if isinstance(doc, bytes):
        doc = doc.decode("utf-8", "surrogateescape")
    if isinstance(doc, str):
        doc = {"text": doc}
    return json.dumps(doc, ensure_ascii=False)


class Store:
    """An event store: url is a SQLite path (default: $DYAD_DB, else dyad.db in the current
    folder, as the commands) or a postgresql:// URL."""

    def __init__(self, url=None, dyad=None):
        self.url = os.fspath(url) if url is not None else None
        self.program = dyad or dyad_program()

    def __repr__(self):
        return f"dyad.Store({self.url!r})"

    def _run(self, cmd, args, stdin=None):
        argv = [self.program, cmd] + (["--db", self.url] if self.url else []) + args
        r = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        err = r.stderr.decode("utf-8", "replace")
        if r.returncode != 0:
            lines = [l for l in err.splitlines() if l.strip()]
            raise StoreError(lines[-1] if lines else f"dyad {cmd}: exit status {r.returncode}")
        return r.stdout, err

    def ingest(self, source, *, events=False, dedup="day", dict=None, date=None, threads=None):
        """Stores documents (coded on the way) or, with events=True, events. source: a path,
        a list of paths, or an iterable of documents (str or dicts with "text", "id",
        "date") or of event dicts (Coder.code's). Returns the command's summary lines."""
        args = ["--dedup", dedup]
        if events:
            args.append("--events")
        if dict:
            args += ["--dict", os.fspath(dict)]
        if date:
            args += ["--date", date.strftime("%Y-%m-%d") if hasattr(date, "strftime") else str(date)]
        if threads:
            args += ["--threads", str(int(threads))]
        stdin = None
        if isinstance(source, (str, os.PathLike)):
            args.append(os.fspath(source))
        elif isinstance(source, (list, tuple)) and source and all(isinstance(s, os.PathLike) or
                                                                  (isinstance(s, str) and os.path.exists(s))
                                                                  for s in source):
            args += [os.fspath(s) for s in source]
        else:
            buf = io.StringIO()
            for item in source:
                buf.write(json.dumps(item, ensure_ascii=False) if events else _doc_line(item))
                buf.write("\n")
            stdin = buf.getvalue().encode("utf-8", "surrogateescape")
            args.append("-")
        _, err = self._run("ingest", args, stdin)
        return [l for l in err.splitlines() if l.startswith("dyad: ") and "warning" not in l]

    def query(self, by=None, mentions=False, **filters):
        """Events (or, with by= day|week|month|year|dyad|source|target|code|root, counts)
        as a pandas DataFrame; filters: actor, source, target, dyad ("A:B"), undirected,
        code, root, quad, from_date, to_date, doc, text, limit."""
        import pandas as pd

        args = ["--json"] + _filter_args(filters)
        if by:
            args += ["--by", by]
        if mentions:
            args.append("--mentions")
        out, _ = self._run("query", args)
        rows = [json.loads(line) for line in out.decode("utf-8").splitlines() if line.strip()]
        df = pd.DataFrame.from_records(rows)
        for col in ("source", "target", "code", "root"):
            if col in df:
                df[col] = df[col].astype("category")
        if "quad_class" in df:
            df["quad_class"] = df["quad_class"].astype("int8")
        if "event_date" in df:
            df["date"] = pd.to_datetime(df["event_date"].map(_day_or_none), format="%Y-%m-%d", errors="coerce")
        return df

    def export(self, format, path=None, **filters):
        """The matching events in a field format (gdelt1, gdelt2, icews, phoenix, plover,
        csv, jsonl): written to path, or returned as a str when path is None."""
        out, _ = self._run("export", ["--format", format] + _filter_args(filters))
        if path is None:
            return out.decode("utf-8", "replace")
        with open(path, "wb") as f:
            f.write(out)
        return path


def _day_or_none(d):
    return d if isinstance(d, str) and len(d) == 10 else None
