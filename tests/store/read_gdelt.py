#!/usr/bin/env python3
"""read_gdelt.py FILE - reads a GDELT 1.0 event file (58 tab-separated columns, no header,
as ../shared/reference/output_formats.md describes it) the way a GDELT user's script does:
by column position, codes kept as strings. Fails on a row with another column count or a
malformed field; prints the row count and one summary line per event."""
import sys

ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
         "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"]
COLUMNS = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
           + ["Actor1" + c for c in ACTOR] + ["Actor2" + c for c in ACTOR]
           + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
              "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
           + ["Actor1Geo_" + c for c in GEO] + ["Actor2Geo_" + c for c in GEO]
           + ["ActionGeo_" + c for c in GEO] + ["DATEADDED", "SOURCEURL"])
assert len(COLUMNS) == 58


def fail(line, msg):
    sys.exit(f"{sys.argv[1]}:{line}: {msg}")


rows = []
with open(sys.argv[1], encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 58:
            fail(n, f"{len(fields)} columns, not 58")
        r = dict(zip(COLUMNS, fields))
        int(r["GLOBALEVENTID"])
        if r["SQLDATE"] and (len(r["SQLDATE"]) != 8 or not r["SQLDATE"].isdigit()):
            fail(n, "SQLDATE is not YYYYMMDD")
        if r["SQLDATE"] and r["MonthYear"] != r["SQLDATE"][:6]:
            fail(n, "MonthYear does not match SQLDATE")
        if r["FractionDate"]:
            float(r["FractionDate"])
        if not r["EventCode"].startswith(r["EventRootCode"]) or not r["EventCode"].startswith(r["EventBaseCode"]):
            fail(n, "EventCode, EventBaseCode and EventRootCode disagree")
        if r["QuadClass"] not in "1234" or not -10 <= float(r["GoldsteinScale"]) <= 10:
            fail(n, "QuadClass or GoldsteinScale out of range")
        if r["IsRootEvent"] not in ("0", "1"):
            fail(n, "IsRootEvent is not 0 or 1")
        for g in ("Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type"):
            if r[g] not in "012345":
                fail(n, f"{g} is not a geo type")
        if len(r["DATEADDED"]) != 8 or not r["DATEADDED"].isdigit():
            fail(n, "DATEADDED is not YYYYMMDD")
        rows.append(r)

print("rows", len(rows))
for r in rows:
    d = r["SQLDATE"]
    date = f"{d[:4]}-{d[4:6]}-{d[6:]}" if d else r["MonthYear"] or r["Year"]
    print(date, r["Actor1Code"], r["Actor2Code"], r["EventCode"], r["EventRootCode"],
          "quad", r["QuadClass"], "goldstein", r["GoldsteinScale"], "mentions", r["NumMentions"],
          "sources", r["NumSources"], "articles", r["NumArticles"], "root-event", r["IsRootEvent"],
          "url", r["SOURCEURL"])
