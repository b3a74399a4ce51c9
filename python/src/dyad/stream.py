"""A streaming mapper: JSON lines of documents on stdin, events as JSON lines on stdout.

    python3 -m dyad.stream [--dict DIR] [--date YYYY-MM-DD] [--threads N] [--require-dyad]

For Hadoop Streaming (-mapper 'python3 -m dyad.stream') and Spark's RDD.pipe where the
workers have Python and the dyad package; it reads what `dyad code -` reads (documents
with "id", "date", "text"; lines that are not JSON objects are skipped and counted) and
writes the events of `dyad code` (the same fields; numbers as Python writes them). The
run summary goes to stderr as `dyad code` writes it, unless --quiet."""
import argparse
import json
import logging
import sys

from ._coder import Coder
from ._dyad import Error


def _documents(lines, bad):
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            bad.append((lineno, "empty"))
            continue
        try:
            doc = json.loads(line)
        except ValueError:
            bad.append((lineno, "malformed JSON"))
            continue
        if not isinstance(doc, dict):
            bad.append((lineno, "malformed JSON"))
            continue
        if doc.get("id") in (None, ""):
            doc["id"] = f"-:{lineno}"          # as `dyad code -` names documents without one
        yield doc


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m dyad.stream", description=__doc__.split("\n")[0])
    ap.add_argument("--dict")
    ap.add_argument("--date")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--require-dyad", action="store_true")
    ap.add_argument("--quiet", "-q", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(format="dyad: warning: %(message)s", level=logging.ERROR if args.quiet else logging.WARNING)
    try:
        coder = Coder(args.dict, require_dyad=True if args.require_dyad else None)
    except Error as e:
        print(f"dyad: {e}", file=sys.stderr)
        return 1
    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="surrogateescape", newline="\n", closefd=False)
    bad = []
    stream = coder.code_many(_documents(stdin, bad), threads=args.threads, date=args.date)
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="replace", closefd=False)
    for ev in stream:
        out.write(json.dumps(ev, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
    out.flush()
    for lineno, reason in bad:
        logging.getLogger("dyad").warning("-:%d: %s, skipped", lineno, reason)
        stream.stats.read += 1
        stream.stats.skipped[reason] = stream.stats.skipped.get(reason, 0) + 1
    if not args.quiet:
        print(f"dyad: {stream.stats}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
