"""dyad.Store over `dyad ingest`, `dyad query`, `dyad export` (SQLite)."""
import collections
import os

import pytest

import dyad
from conftest import ARTICLES, DYAD_BIN, ROOT, read_jsonl


@pytest.fixture()
def store(tmp_path):
    return dyad.Store(str(tmp_path / "events.db"), dyad=DYAD_BIN)


def test_ingest_documents_then_query(store, coder):
    docs = read_jsonl(ARTICLES)
    summary = store.ingest(docs, dict=os.path.join(ROOT, "dict"))
    assert any("4 documents" in line for line in summary)
    events = store.query()
    coded = list(coder.code_many(docs))
    distinct = {(e["date"], e["source"], e["target"], e["code"]) for e in coded}   # --dedup day
    assert len(events) == len(distinct)
    assert {"event_id", "event_date", "source", "target", "code", "num_mentions"} <= set(events.columns)
    assert str(events["code"].dtype) == "category" and str(events["date"].dtype).startswith("datetime64")
    by_month = store.query(by="month").set_index("period")["events"].to_dict()
    assert by_month == dict(collections.Counter(date[:7] for date, *_ in distinct))
    rus = store.query(actor="RUS")
    assert len(rus) and all(s.startswith("RUS") or t.startswith("RUS")
                            for s, t in zip(rus["source"], rus["target"]))
    assert len(store.query(quad=4, from_date="2022-01-01", to_date="2022-12-31")) > 0
    m = store.query(mentions=True, limit=3)
    assert len(m) == 3 and isinstance(m["mentions"].iloc[0], list)


def test_ingest_python_events_and_export(store, coder):
    coded = list(coder.code_many(read_jsonl(ARTICLES)))
    store.ingest(coded, events=True, dedup="none")
    df = store.query()
    assert len(df) == len(coded)
    gdelt = store.export("gdelt1")
    lines = gdelt.splitlines()
    assert len(lines) == len(coded) and all(len(l.split("\t")) == 58 for l in lines)
    jsonl = store.export("jsonl", doc="ukraine_invasion_2022")
    assert "ukraine_invasion_2022" in jsonl


def test_ingest_file_path(store):
    store.ingest(ARTICLES, dict=os.path.join(ROOT, "dict"))
    assert len(store.query(doc="azerbaijan_nato_2019")) > 0


def test_store_errors(tmp_path):
    bad = dyad.Store(str(tmp_path / "no" / "such" / "dir" / "x.db"), dyad=DYAD_BIN)
    with pytest.raises(dyad.StoreError):
        bad.query()
    good = dyad.Store(str(tmp_path / "e.db"), dyad=DYAD_BIN)
    with pytest.raises(dyad.StoreError, match="quad|--quad"):
        good.query(quad=9)
    with pytest.raises(TypeError):
        good.query(colour="red")
