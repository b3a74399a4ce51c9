"""Events from Python equal `dyad code`'s; the Coder's API."""
import glob
import os

import pytest

import dyad
from conftest import ARTICLES, GOLD, ROOT, canon, cli_events, read_jsonl

GOLD_FILES = sorted(glob.glob(os.path.join(GOLD, "*.jsonl")))


def test_gold_files_are_there():
    assert len(GOLD_FILES) >= 10


@pytest.mark.parametrize("path", GOLD_FILES, ids=os.path.basename)
def test_gold_events_equal_cli(coder, path):
    docs = read_jsonl(path)
    py = [canon(e) for e in coder.code_many(docs, threads=1)]
    cli = [canon(e) for e in cli_events(path, "--threads", "1")]
    assert py == cli


def test_reuters_events_equal_cli(coder, reuters_docs, reuters_cli):
    py = [canon(e) for e in coder.code_many(reuters_docs, threads=2)]
    assert len(py) > 3000   # the whole corpus: thousands of events (7,481 in early December 2026, 5,345 after the issue-10 rules)
    assert py == [canon(e) for e in reuters_cli]


def test_code_one_document(coder):
    evs = coder.code("Russia invaded Georgia in 2008 and bombed Tbilisi.", date="2008-08-10", doc_id="x")
    assert evs and all(e["source"] == "RUS" and e["target"] == "GEO" for e in evs)
    assert all(e["root"] == "19" and e["code"].startswith("19") for e in evs)
    e = evs[0]
    assert e["doc"] == "x" and e["sent"] == 0
    assert e["date"] == "2008" and e["date_precision"] == "year"
    assert e["quad_class"] == 4 and isinstance(e["goldstein"], float)
    assert e["source_text"] == "Russia" and e["source_span"] == [0, 6]
    assert e["text"] == "Russia invaded Georgia in 2008 and bombed Tbilisi."
    assert list(e)[:4] == ["doc", "sent", "date", "date_precision"] and list(e)[-1] == "text"


def test_code_equals_code_many_and_dates(coder):
    text = "Azerbaijan's president met the NATO secretary general on Monday."
    import datetime
    a = coder.code(text, date="2019-05-08", doc_id="d")
    b = coder.code(text, date=datetime.date(2019, 5, 8), doc_id="d")
    c = list(coder.code_many([{"id": "d", "date": "20190508", "text": text}], threads=1))
    assert a == b == c and a
    assert a[0]["date"] == "2019-05-06"       # "on Monday" before Wednesday 8 May


def test_examples_equal_cli(coder):
    py = [canon(e) for e in coder.code_many(read_jsonl(ARTICLES))]
    assert py == [canon(e) for e in cli_events(ARTICLES)]


def test_require_dyad():
    docs = read_jsonl(os.path.join(GOLD, "conflibert_cameo200.jsonl"))
    strict = dyad.Coder(os.path.join(ROOT, "dict"), require_dyad=True)
    py = [canon(e) for e in strict.code_many(docs)]
    assert py == [canon(e) for e in cli_events(os.path.join(GOLD, "conflibert_cameo200.jsonl"), "--require-dyad")]
    assert all(e["source"] and e["target"] for e in strict.code_many(docs))


def test_explain(coder):
    text = coder.explain("Russia invaded Georgia.")
    assert "sentence 0" in text and "RUS" in text and "GEO" in text
    with pytest.raises(dyad.InputError, match="NUL byte at offset 6"):
        coder.explain("Russia\0 invaded Georgia.")


def test_stats_add_up(coder):
    docs = read_jsonl(ARTICLES) + ["", {"id": "no-text"}]
    stream = coder.code_many(docs)
    events = list(stream)
    s = stream.stats
    assert s.read == len(docs) == s.coded + s.skipped_total
    assert s.skipped == {"empty": 1, "no text": 1}
    assert s.events == len(events) and s.sentences >= 25
    assert "documents read" in str(s)


def test_default_dict(monkeypatch, tmp_path):
    monkeypatch.setenv("DYAD_DICT", str(tmp_path / "nowhere"))
    assert dyad.default_dict() == str(tmp_path / "nowhere")
    with pytest.raises(dyad.DictionaryError):
        dyad.Coder()
    monkeypatch.delenv("DYAD_DICT")
    assert os.path.isdir(dyad.default_dict())
    assert dyad.Coder().code("Russia invaded Georgia.", date="2008-08-10")


def test_broken_dictionary_error_names_file_and_line(tmp_path):
    d = tmp_path / "dict"
    d.mkdir()
    for f in os.listdir(os.path.join(ROOT, "dict")):
        src = os.path.join(ROOT, "dict", f)
        if os.path.isfile(src):
            (d / f).write_bytes(open(src, "rb").read())
    with open(d / "cameo.verbs", "a", encoding="utf-8") as f:
        f.write("\n[[[ this is not a verb entry\n")
    with pytest.raises(dyad.DictionaryError) as e:
        dyad.Coder(str(d))
    assert "cameo.verbs:" in str(e.value)
    assert isinstance(e.value, dyad.Error)


def test_cameo_tables():
    c = dyad.cameo.codes
    assert len(c) > 300
    assert c["190"].quad_class == 4 and c["190"].goldstein == -10.0 and c["190"].root == "19"
    assert c["051"].quad_class == 1 and c["051"].goldstein == 3.4
    assert dyad.cameo.roots["19"].name == "FIGHT"
    assert len(dyad.cameo.roots) == 20
    assert dyad.cameo.QUAD_CLASSES[4] == "Material conflict"
    f = dyad.cameo.frame()
    assert len(f) == len(c) and set(f.columns) >= {"code", "name", "goldstein", "quad_class"}
