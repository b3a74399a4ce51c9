"""dyad.to_frame: typed columns."""
import pandas as pd
from pandas.api.types import is_categorical_dtype, is_datetime64_any_dtype

import dyad
from conftest import ARTICLES, REUTERS, cli_events, read_jsonl


def test_to_frame_dtypes(coder):
    events = list(coder.code_many(read_jsonl(ARTICLES)))
    df = dyad.to_frame(events)
    assert len(df) == len(events) > 20
    assert list(df.columns) == dyad._frame.COLUMNS
    assert is_datetime64_any_dtype(df["date"])
    for col in ("date_precision", "source", "target", "code", "root", "currency"):
        assert is_categorical_dtype(df[col]), col
    assert df["quad_class"].dtype == "int8" and df["sent"].dtype == "int32"
    assert df["goldstein"].dtype == "float64" and df["amount"].dtype == "float64"
    assert df["code"].iloc[0] == events[0]["code"] and df["code"].iloc[0].startswith("0")
    assert df["date"].iloc[0] == pd.Timestamp(events[0]["date"])
    assert set(df["quad_class"]) <= {1, 2, 3, 4}


def test_to_frame_partial_dates_and_amounts(coder):
    evs = coder.code("Russia invaded Georgia in 2008.", date="2010-01-01")
    evs += coder.code("The United States pledged $3 million in aid to Sudan.", date="2023-06-01")
    df = dyad.to_frame(evs)
    year = df[df["date_precision"] == "year"]
    assert len(year) and (year["date"] == pd.Timestamp("2008-01-01")).all()
    if any("amount" in e for e in evs):
        assert df["amount"].max() == 3000000.0 and "USD" in set(df["currency"].dropna())


def test_to_frame_of_cli_json_and_empty():
    df = dyad.to_frame(cli_events(ARTICLES))
    assert is_datetime64_any_dtype(df["date"]) and len(df) > 20
    empty = dyad.to_frame([])
    assert len(empty) == 0 and list(empty.columns) == dyad._frame.COLUMNS
    assert is_datetime64_any_dtype(empty["date"])


def test_to_frame_undated():
    ev = {"doc": "x", "sent": 0, "date": None, "date_precision": None, "source": "RUS",
          "target": "GEO", "code": "190", "root": "19", "quad_class": 4, "goldstein": -10,
          "source_text": "", "verb_text": "", "target_text": "", "source_span": None,
          "verb_span": None, "target_span": None, "text": "x"}
    df = dyad.to_frame([ev])
    assert pd.isna(df["date"].iloc[0]) and pd.isna(df["amount"].iloc[0])
