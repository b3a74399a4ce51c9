#!/usr/bin/env bash
# bench/report_bench.sh DYAD [N] - `dyad report` on a generated SQLite store of N events
# (default 1,000,000; one mention each, 40 countries with agents, CAMEO codes of
# dict/cameo.codes, dates over 2000-2023): for the whole store, a dyad and an actor it
# prints the time to write the report, its size, and the time to first render in
# headless Chromium (the page's own clock, from navigation start, when its script has drawn
# everything and when the next frame has been painted; and the wall time of a whole
# `chromium --dump-dom` run, browser start included).
# The store is made by `dyad ingest` (schema and indexes) and filled with SQL; it is kept
# in build/report-bench/ and reused while N is the same.
set -euo pipefail
DYAD=${1:-bin/dyad}
N=${2:-1000000}
dir=build/report-bench
db=$dir/store-$N.db
mkdir -p "$dir"
if [ ! -s "$db" ]; then
    rm -f "$db" "$db"-wal "$db"-shm
    echo '{"id":"seed","date":"2020-01-01","text":"Russia praised China."}' > "$dir/seed.jsonl"
    "$DYAD" ingest --db "$db" "$dir/seed.jsonl" >/dev/null 2>&1
    python3 - "$db" "$N" dict/cameo.codes <<'PY'
import sqlite3, sys, time
db, n, codes_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t0 = time.time()
con = sqlite3.connect(db)
codes = [l.rstrip("\n").split("\t") for l in open(codes_file) if l[0] != "#" and "\t" in l]
codes = [(c, g, q) for c, g, q, *_ in codes if len(c) >= 3 and g and q]
triggers = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'mentions'").fetchall()
fts = con.execute("SELECT 1 FROM sqlite_master WHERE name = 'mentions_fts'").fetchall()
for (sql,) in triggers:   # the full-text index is rebuilt once at the end
    con.execute("DROP TRIGGER " + sql.split()[2])
con.executescript("DELETE FROM mentions; DELETE FROM events; DELETE FROM documents;"
                  "CREATE TEMP TABLE codes(i INTEGER PRIMARY KEY, code, root, quad, g);"
                  "CREATE TEMP TABLE actors(i INTEGER PRIMARY KEY, code);")
con.executemany("INSERT INTO codes VALUES (?,?,?,?,?)",
                [(i, c, c[:2], int(q), float(g)) for i, (c, g, q) in enumerate(codes)])
countries = ("USA RUS CHN UKR ARM AZE GEO TUR IRN IRQ ISR PSE SYR EGY SDN ETH KEN NGA ZAF "
             "FRA DEU GBR ITA ESP POL IND PAK AFG JPN KOR PRK BRA MEX COL VEN CUB CAN AUS NZL SAU").split()
con.executemany("INSERT INTO actors VALUES (?,?)",
                [(i, c + s) for i, (c, s) in enumerate((c, s) for s in ("", "GOV", "MIL") for c in countries)])
nc, na = len(codes), 3 * len(countries)
con.execute("""
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?),
gen AS (SELECT i, date('2000-01-01', '+' || ((i * 7919) % 8766) || ' days') AS d,
               (i * 31) % ? AS s, (i * 17 + 1 + i / 97) % ? AS t, ((i * i) % 7919) % ? AS c FROM seq)
INSERT INTO events SELECT gen.i, d, CAST(replace(d, '-', '') AS INTEGER),
       CAST(substr(replace(d, '-', ''), 1, 6) AS INTEGER), CAST(substr(d, 1, 4) AS INTEGER),
       sa.code, ta.code, codes.code, codes.root, codes.quad, codes.g, 1 + gen.i % 4, 1 + gen.i % 2, 1 + gen.i % 3, d, d
FROM gen JOIN actors sa ON sa.i = gen.s JOIN actors ta ON ta.i = gen.t JOIN codes ON codes.i = gen.c""",
            (n, na, na, nc))
con.execute("""INSERT INTO documents SELECT 'doc' || (event_id / 5), MIN(event_date), 'Publisher ' || (event_id % 7),
               'https://example.org/' || (event_id / 5), 'Generated document ' || (event_id / 5), ''
               FROM events GROUP BY event_id / 5""")
con.execute("""INSERT INTO mentions(mention_id, event_id, doc_id, sent, sentence, source_text, verb_text, target_text)
               SELECT event_id, event_id, 'doc' || (event_id / 5), event_id % 5,
               'Generated sentence ' || event_id || ': ' || source || ' did ' || code || ' to ' || target || ' on ' || event_date || '.',
               source, code, target FROM events""")
if fts:
    con.execute("INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild')")
for (sql,) in triggers:
    con.execute(sql)
con.commit()
print("generated %d events in %.1f s" % (n, time.time() - t0))
PY
fi
echo "store: $db, $(du -m "$db" | cut -f1) MB"
chrome() {
    local profile
    profile=$(mktemp -d)
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" 2>/dev/null
    rm -rf "$profile"
}
for spec in "store:" "dyad:--dyad USA:RUS" "actor:--actor CHN --from 2010-01-01 --to 2019-12-31"; do
    name=${spec%%:*} opts=${spec#*:}
    out=$dir/$name.html
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    "$DYAD" report --db "$db" $opts -o "$out"
    made=$(( ($(date +%s%N) - start) / 1000000 ))
    chrome --dump-dom "file://$(realpath "$out")" > /dev/null   # warm the page cache
    start=$(date +%s%N)
    chrome --dump-dom "file://$(realpath "$out")" > "$dir/$name.dom"
    wall=$(( ($(date +%s%N) - start) / 1000000 ))
    rendered=$(grep -o 'data-rendered="[0-9]*"' "$dir/$name.dom" | grep -o '[0-9]*' || echo "?")
    errors=$(grep -c 'data-errors=""' "$dir/$name.dom" || true)
    events=$(grep -o 'id="n-events" data-value="[0-9]*' "$dir/$name.dom" | grep -o '[0-9]*$')
    painted=$(grep -o 'data-painted="[0-9]*' "$dir/$name.dom" | grep -o '[0-9]*$' || echo "?")
    printf '%-6s %-46s %8s events, written in %5d ms, %5s MB, drawn at %5s ms, painted at %5s ms, chromium run %5d ms%s\n' \
        "$name" "${opts:-(whole store)}" "$events" "$made" \
        "$(awk -v b="$(stat -c %s "$out")" 'BEGIN { printf "%.2f", b / 1048576 }')" \
        "$rendered" "$painted" "$wall" "$([ "$errors" = 1 ] || echo ', PAGE ERRORS')"
done
