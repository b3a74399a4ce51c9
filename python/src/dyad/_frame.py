"""dyad.to_frame: events as a pandas DataFrame with typed columns."""

# The columns of `dyad code --format tsv`, in its order.
COLUMNS = ["doc", "sent", "date", "date_precision", "source", "target", "code", "root",
           "quad_class", "goldstein", "source_text", "verb_text", "target_text",
           "source_span", "verb_span", "target_span", "amount", "currency", "text"]

CATEGORICAL = ["date_precision", "source", "target", "code", "root", "currency"]


def _period_start(date):
    """'2008' -> '2008-01-01', '2008-08' -> '2008-08-01' (the precision column says which)."""
    if not date:
        return None
    return date + ("-01-01" if len(date) == 4 else "-01" if len(date) == 7 else "")


def to_frame(events):
    """A pandas DataFrame of events (dicts from Coder.code / code_many, or JSON lines of
    `dyad code` parsed), one row each, with the columns of `dyad code --format tsv`:
    date as datetime64 (the first day of its month or year when date_precision says
    so; NaT without a date), date_precision, source, target, code, root and currency as
    categoricals, sent and quad_class as small integers, goldstein and amount as
    float64 (amount NaN when none), spans as (start, end) tuples or None."""
    import pandas as pd

    rows = []
    for ev in events:
        amount = ev.get("amount") or {}
        row = {k: ev.get(k) for k in COLUMNS}
        row["amount"] = amount.get("value")
        row["currency"] = amount.get("currency")
        for k in ("source_span", "verb_span", "target_span"):
            row[k] = tuple(row[k]) if row[k] is not None else None
        rows.append(row)
    df = pd.DataFrame.from_records(rows, columns=COLUMNS)
    df["doc"] = df["doc"].astype(object)
    df["sent"] = pd.to_numeric(df["sent"]).astype("int32")
    df["date"] = pd.to_datetime(df["date"].map(_period_start), format="%Y-%m-%d", errors="coerce")
    df["quad_class"] = pd.to_numeric(df["quad_class"]).astype("int8")
    df["goldstein"] = pd.to_numeric(df["goldstein"]).astype("float64")
    df["amount"] = pd.to_numeric(df["amount"]).astype("float64")
    for k in CATEGORICAL:
        df[k] = df[k].astype("category")
    return df
