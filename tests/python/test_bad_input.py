"""Bad input raises or is skipped as documented (dyad/_coder.py), never a crash."""
import logging

import pytest

import dyad

TEXT = "NATO commended Azerbaijan for its contribution. Russia invaded Georgia."


def test_invalid_utf8_bytes_replaced_and_counted(coder):
    bad = b"NATO commended Azerbaijan \xff\xfe for its contribution. Russia invaded Georgia \xc3."
    evs = coder.code(bad, date="2019-05-04")
    assert evs and all(isinstance(e["text"], str) for e in evs)
    stream = coder.code_many([bad, bad.decode("utf-8", "surrogateescape")], threads=1)
    assert len(list(stream)) == 2 * len(evs)
    assert stream.stats.invalid_bytes == 6 and stream.stats.invalid_docs == 2
    assert stream.stats.coded == 2


def test_nul_byte_raises_in_code_and_is_skipped_in_code_many(coder, caplog):
    with pytest.raises(dyad.InputError, match="NUL byte at offset 4"):
        coder.code("NATO\0 commended Azerbaijan.")
    with pytest.raises(ValueError):                      # InputError is a ValueError
        coder.code(b"\0\0\0binary")
    with caplog.at_level(logging.WARNING, logger="dyad"):
        stream = coder.code_many([TEXT, "NATO\0 praised Baku.", TEXT], threads=2)
        events = list(stream)
    assert stream.stats.skipped == {"binary": 1} and stream.stats.coded == 2
    assert len(events) == 2 * len(coder.code(TEXT))
    assert any("document 2" in r.getMessage() and "binary" in r.getMessage() for r in caplog.records)


def test_huge_documents(coder):
    huge = "Russia invaded Georgia. " * ((17 << 20) // 24)   # 17 MiB, over 16 MiB
    assert len(huge) > 16 << 20
    with pytest.raises(dyad.InputError, match="too large"):
        coder.code(huge)
    stream = coder.code_many([huge, TEXT])
    assert len(list(stream)) == len(coder.code(TEXT))
    assert stream.stats.skipped == {"too large": 1}
    small_limit = dyad.Coder(coder.dict, max_doc_bytes=100)
    with pytest.raises(dyad.InputError, match="limit 100"):
        small_limit.code(TEXT * 3)
    # a large document under the limit is coded: 2 MB, one event per sentence repeated
    big = "Russia invaded Georgia. " * 90000
    evs = coder.code(big, date="2008-08-10")
    assert len(evs) == 90000


def test_one_huge_sentence_without_full_stops(coder):
    words = " ".join(["Russia invaded Georgia and"] * 50000)
    evs = coder.code(words)             # sentences over the token limit are not coded
    assert isinstance(evs, list)
    stream = coder.code_many([words])
    list(stream)
    assert stream.stats.coded == 1 and stream.stats.long_sentences >= 1


def test_wrong_types(coder):
    for bad in (None, 42, 3.5, ["text"], {"text": "x"}, bytearray(b"x")):
        with pytest.raises(TypeError):
            coder.code(bad)
    with pytest.raises(TypeError):
        coder.code(TEXT, doc_id=7)
    with pytest.raises(TypeError):
        coder.code(TEXT, date=[2020])
    with pytest.raises(TypeError, match="document 2"):
        list(coder.code_many([TEXT, 42]))
    with pytest.raises(TypeError):
        coder._native.code_batch([("id", None, 5, None)])
    with pytest.raises(TypeError):
        coder._native.code_batch([("id", None)])
    with pytest.raises(TypeError):
        coder._native.code_batch(7)


def test_dicts_without_text_or_with_odd_fields(coder):
    docs = [{"id": 1, "text": TEXT}, {"id": "a"}, {"text": None}, {"text": 5},
            {"id": None, "date": 20080810, "text": TEXT}, {"id": "c", "date": "garbage", "text": TEXT}]
    stream = coder.code_many(docs, threads=1)
    events = list(stream)
    assert stream.stats.skipped == {"no text": 3}
    assert stream.stats.coded == 3 and stream.stats.bad_dates == 1
    assert {e["doc"] for e in events} == {"1", "5", "c"}


def test_bad_dates(coder):
    with pytest.raises(dyad.InputError, match="want YYYY-MM-DD"):
        coder.code(TEXT, date="2008-13-45")
    with pytest.raises(ValueError):
        coder.code(TEXT, date="yesterday")
    with pytest.raises(ValueError):
        dyad._dyad.parse_date("2023-02-29")
    assert dyad._dyad.parse_date("2024-02-29") == (2024, 2, 29)


def test_empty_and_blank(coder):
    assert coder.code("") == [] and coder.code(" \n\t ") == [] and coder.code(b"") == []
    stream = coder.code_many(["", "   "])
    assert list(stream) == [] and stream.stats.skipped == {"empty": 2}


def test_nul_in_id_and_control_characters(coder):
    with pytest.raises(ValueError):
        coder.code(TEXT, doc_id="a\0b")
    evs = list(coder.code_many([{"id": "a\0b", "text": TEXT}]))
    assert evs and evs[0]["doc"] == "1"                  # as `dyad code`: no usable id
    evs = coder.code("Russia\x01\x02 invaded\x7f Georgia\x1b.")
    assert isinstance(evs, list)


def test_binary_garbage_does_not_crash(coder):
    import random
    rnd = random.Random(13)
    blobs = [bytes(rnd.randrange(1, 256) for _ in range(rnd.randrange(1, 5000))) for _ in range(200)]
    stream = coder.code_many(blobs, threads=2)
    list(stream)
    assert stream.stats.read == 200 and stream.stats.coded + stream.stats.skipped_total == 200
