"""Shared set-up of the Python tests (run by `make python-test`, which installs the dyad
package into a temporary virtual environment and runs pytest with its interpreter).

DYAD_BIN: the `dyad` binary the events are compared with (default: bin/dyad of the
checkout). The reference data is read from ../shared/reference by path."""
import json
import os
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DYAD_BIN = os.environ.get("DYAD_BIN") or os.path.join(ROOT, "bin", "dyad")
REFERENCE = os.path.join(ROOT, "..", "shared", "reference")
GOLD = os.path.join(REFERENCE, "gold")
REUTERS = os.path.join(REFERENCE, "corpus", "reuters21578.jsonl")
ARTICLES = os.path.join(ROOT, "examples", "articles.jsonl")


def canon(ev):
    """An event with its numbers as floats (JSON writes -10 for -10.0) as a sorted JSON
    string: equal events give equal strings."""
    ev = dict(ev)
    if isinstance(ev.get("goldstein"), int):
        ev["goldstein"] = float(ev["goldstein"])
    if ev.get("amount") and isinstance(ev["amount"].get("value"), int):
        ev["amount"] = dict(ev["amount"], value=float(ev["amount"]["value"]))
    return json.dumps(ev, sort_keys=True, ensure_ascii=False)


def cli_events(path, *args):
    """The events of one `dyad code` run over path, parsed."""
    out = subprocess.run([DYAD_BIN, "code", "--quiet", *args, path], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines()]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def coder():
    import dyad
    return dyad.Coder(os.path.join(ROOT, "dict"))


@pytest.fixture(scope="session")
def reuters_docs():
    return read_jsonl(REUTERS)


@pytest.fixture(scope="session")
def reuters_cli():
    return cli_events(REUTERS)
