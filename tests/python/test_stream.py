"""The streaming mapper (Hadoop Streaming, Spark RDD.pipe) over splits of the input
gives the events of one process over the whole input."""
import json
import os
import subprocess
import sys

from conftest import DYAD_BIN, REUTERS, ROOT, canon


def _splits(path, n):
    """The file cut into n pieces at line ends, as Hadoop's TextInputFormat splits."""
    data = open(path, "rb").read()
    cuts = [0]
    for k in range(1, n):
        at = data.index(b"\n", len(data) * k // n) + 1
        cuts.append(at)
    cuts.append(len(data))
    return [data[a:b] for a, b in zip(cuts, cuts[1:])]


def _run(cmd, data):
    return subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          check=True)


def test_python_mapper_over_splits_equals_one_process(reuters_cli):
    cmd = [sys.executable, "-m", "dyad.stream", "--quiet", "--dict", os.path.join(ROOT, "dict")]
    events = []
    for piece in _splits(REUTERS, 4):
        out = _run(cmd, piece).stdout.decode("utf-8")
        events += [canon(json.loads(line)) for line in out.splitlines()]
    assert len(events) > 3000   # the whole corpus: thousands of events (7,481 in early December 2026, 5,345 after the issue-10 rules)
    assert events == [canon(e) for e in reuters_cli]


def test_cli_mapper_over_splits_equals_one_process():
    cmd = [DYAD_BIN, "code", "--quiet", "--threads", "1", "--dict", os.path.join(ROOT, "dict"), "-"]
    pieces = _splits(REUTERS, 5)
    whole = _run(cmd, b"".join(pieces)).stdout
    assert whole.count(b"\n") > 3000   # the whole corpus: thousands of events (7,481 in early December 2026, 5,345 after the issue-10 rules)
    assert b"".join(_run(cmd, p).stdout for p in pieces) == whole


def test_python_mapper_bad_lines_counted():
    cmd = [sys.executable, "-m", "dyad.stream", "--dict", os.path.join(ROOT, "dict")]
    data = (b'{"id": "a", "date": "20080810", "text": "Russia invaded Georgia."}\n'
            b'not json\n\n[1, 2]\n{"id": "b", "text": "NATO\\u0000 praised Baku."}\n'
            b'{"text": "Russia bombed Tbilisi \xff."}\n')
    r = _run(cmd, data)
    evs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert {e["doc"] for e in evs} == {"a", "-:6"}
    err = r.stderr.decode()
    assert "-:2: malformed JSON, skipped" in err and "-:4: malformed JSON" in err
    assert "6 documents read, 2 coded, 4 skipped" in err
    assert "1 invalid UTF-8 bytes replaced" in err


def test_python_mapper_missing_dictionary(tmp_path):
    r = subprocess.run([sys.executable, "-m", "dyad.stream", "--dict", str(tmp_path / "none")],
                       input=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert r.returncode == 1
    lines = r.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dyad: ") and "none" in lines[0]
