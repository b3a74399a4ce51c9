#!/usr/bin/env bash
# store_tests.sh DYAD BACKEND... - the store's test suite over the command line; every test
# runs on every BACKEND given: sqlite (a file in a temporary folder) and pg (a database
# created for the test on the server of with_pg.sh, which sets DYAD_PG_ADMIN).
# Known answers are those of fixture.jsonl (5 documents, 11 mentions, 9 events after
# deduplication by day, publishers Reuters twice, AP twice, one without).
set -uo pipefail
DYAD=$(realpath "$1"); shift
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FIX="$HERE/fixture.jsonl"
TMP=$(mktemp -d /tmp/dyad-store-tests.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export DYAD_DICT="$ROOT/dict"
fails=0; passes=0; dbn=0; BACKEND=""; TEST=""

new_db() {   # sets DB to a fresh store URL for the current backend
    dbn=$((dbn + 1))
    if [ "$BACKEND" = sqlite ]; then
        DB="$TMP/t${dbn}_$BASHPID.db"
    else
        psql "$DYAD_PG_ADMIN" -qc "CREATE DATABASE dyadt${dbn}_$BASHPID" >/dev/null || { echo "cannot create a database" >&2; return 1; }
        DB="postgresql://$DYAD_PG_USER@/dyadt${dbn}_$BASHPID?host=$DYAD_PG_HOST&port=$DYAD_PG_PORT"
    fi
}
check() {    # check WHAT ACTUAL EXPECTED
    if [ "$2" == "$3" ]; then passes=$((passes + 1)); else
        fails=$((fails + 1))
        printf 'FAIL [%s] %s: %s\n--- got:\n%s\n--- expected:\n%s\n' "$BACKEND" "$TEST" "$1" "$2" "$3"
    fi
}
q() { "$DYAD" query --db "$DB" "$@"; }
count() { q --csv "$@" | tail -n +2 | wc -l; }
ingest() { "$DYAD" ingest -q --db "$DB" "$@"; }

# ---------------------------------------------------------------- the tests

test_dedup_counts() {   # one event from three documents and two publishers
    ingest "$FIX"
    check "events" "$(count)" 9
    check "mentions" "$(q --mentions --csv | tail -n +2 | wc -l)" 11
    check "ARM->AZE 190: date, counts, first and last seen" \
        "$(q --dyad ARM:AZE --code 190 --csv | cut -d, -f2- | tail -1)" \
        "2020-09-27,ARM,AZE,190,19,4,-10.0,3,2,3,2020-10-01,2020-10-03"
    check "one publisher, one document" "$(q --dyad AZE:ARM --code 190 --csv | cut -d, -f9-11 | tail -1)" "1,1,1"
    check "no publisher: the document is its own source" "$(q --code 071 --csv | cut -d, -f9-13 | tail -1)" \
        "1,1,1,2021-03-15,2021-03-15"
}

test_idempotent_reingest() {
    ingest "$FIX"
    local before; before=$(q --mentions --csv | cut -d, -f2-)
    ingest "$FIX"
    check "same events and mentions after a second ingest" "$(q --mentions --csv | cut -d, -f2-)" "$before"
    ingest "$FIX" "$FIX"   # twice in one run: the second copy adds to the first
    check "twice in one run, then again: the first copy replaces" "$(count --code 190 --source ARM --csv)" 1
    ingest "$FIX"
    check "a clean re-run restores" "$(q --mentions --csv | cut -d, -f2-)" "$before"
    # d3 again without its ARM->AZE mention: that event loses a document, not a publisher
    grep -v '"doc": "d3", "sent": 0' "$FIX" > "$TMP/d3.jsonl"
    grep -E '"id": "d3"|"doc": "d3"' "$TMP/d3.jsonl" > "$TMP/d3only.jsonl"
    ingest "$TMP/d3only.jsonl"
    check "re-ingested d3 replaces its mentions" \
        "$(q --dyad ARM:AZE --code 190 --csv | cut -d, -f9-13 | tail -1)" "2,2,2,2020-10-01,2020-10-02"
    check "events still 9" "$(count)" 9
}

test_dedup_none() {
    ingest --dedup none "$FIX"
    check "every mention its own event" "$(count)" 11
    check "each with one mention" "$(q --by year --csv | cut -d, -f1-3)" "$(printf 'period,events,mentions\n2020,7,7\n2021,4,4')"
}

test_filters() {
    ingest "$FIX"
    check "--actor AZE (prefix, either side)" "$(count --actor AZE)" 7
    check "--source ARM" "$(count --source ARM)" 2
    check "--target AZE" "$(count --target AZE)" 4
    check "--dyad ARM:AZE" "$(count --dyad ARM:AZE)" 2
    check "--dyad ARM:AZE --undirected" "$(count --dyad ARM:AZE --undirected)" 4
    check "--code 190" "$(count --code 190)" 2
    check "--root 05" "$(count --root 05)" 3
    check "--quad 1" "$(count --quad 1)" 4
    check "--quad 4" "$(count --quad 4)" 3
    check "--from/--to (days)" "$(count --from 2020-10-01 --to 2020-12-31)" 3
    check "--from only" "$(count --from 2021-01-01)" 2
    check "--to only" "$(count --to 20200930)" 2
    check "--doc d2" "$(count --doc d2)" 2
    check "--text arrested" "$(q --text arrested --csv | cut -d, -f3-5 | tail -1)" "ARMGOV,AZEMIL,173"
    check "--text praised (two events)" "$(count --text praised)" 2
    check "--text two words, both needed" "$(count --text 'economic aid')" 1
    check "--text no match" "$(count --text zebra)" 0
    check "filters combine" "$(count --actor AZE --quad 4 --from 2020-09-01 --to 2020-09-30)" 2
    check "--limit" "$(count --limit 3)" 3
}

test_aggregations() {
    ingest "$FIX"
    check "--by month" "$(q --by month --csv)" "$(printf '%s\n' \
        'period,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4' \
        '2020-09,2,4,-20.00,-10.00,0,0,0,2' '2020-10,3,3,1.80,0.60,2,0,0,1' \
        '2021-03,2,2,9.30,4.65,1,1,0,0' '2021-06,1,1,3.50,3.50,1,0,0,0' 'undated,1,1,-2.00,-2.00,0,0,1,0')"
    check "--by year" "$(q --by year --csv)" "$(printf '%s\n' \
        'period,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4' \
        '2020,5,7,-18.20,-3.64,2,0,0,3' '2021,4,4,10.80,2.70,2,1,1,0')"
    check "--by week (Monday)" "$(q --by week --csv | cut -d, -f1,2)" "$(printf '%s\n' period,events \
        2020-09-21,2 2020-09-28,2 2020-10-05,1 2021-03-15,1 2021-05-31,1 undated,2)"
    check "--by day" "$(q --by day --csv | cut -d, -f1,2 | head -3)" "$(printf '%s\n' period,events 2020-09-27,2 2020-10-01,1)"
    check "--by dyad, filtered" "$(q --by dyad --actor ARM --csv --limit 2 | cut -d, -f1,2)" \
        "$(printf '%s\n' dyad,events 'AZE->ARM,2' 'ARM->AZE,1')"
    check "--by year --dyad undirected" "$(q --by year --dyad AZE:ARM --undirected --csv | cut -d, -f1-4)" \
        "$(printf '%s\n' period,events,mentions,goldstein_sum 2020,3,5,-25.00 2021,1,1,-2.00)"
}

test_output_formats() {
    ingest "$FIX"
    check "--mentions: the evidence of an event" "$(q --dyad ARM:AZE --code 190 --mentions --csv | cut -d, -f14,15)" \
        "$(printf '%s\n' doc_id,sent d1,0 d2,0 d3,0)"
    check "--json --mentions: one object per event" "$(q --code 190 --mentions --json | python3 -c '
import json,sys
for l in sys.stdin: o=json.loads(l); print(o["source"], o["num_mentions"], len(o["mentions"]))')" "$(printf 'ARM 3 3\nAZE 1 1')"
    check "--tsv" "$(q --code 173 --tsv | cut -f3,4 | tail -1)" "$(printf 'ARMGOV\tAZEMIL')"
    check "table" "$(q --code 173 | tail -1 | awk '{print $3, $4, $5}')" "ARMGOV AZEMIL 173"
    check "table --mentions" "$(q --code 173 --mentions | tail -1)" \
        "    d2#1: The Armenian government arrested Azerbaijani soldiers on Friday."
}

test_export_gdelt() {
    ingest "$FIX"
    "$DYAD" export --db "$DB" --format gdelt1 > "$TMP/g1.tsv"
    check "gdelt1: 58 columns on every row" "$(awk -F'\t' '{print NF}' "$TMP/g1.tsv" | sort -u)" 58
    python3 "$HERE/read_gdelt.py" "$TMP/g1.tsv" > "$TMP/g1.read"
    check "gdelt1: read back" "$(head -3 "$TMP/g1.read")" "$(printf '%s\n' \
        'rows 9' '2020-09-27 ARM AZE 190 19 quad 4 goldstein -10.0 mentions 3 sources 2 articles 3 root-event 1 url http://example.org/r/1' \
        '2020-09-27 AZE ARM 190 19 quad 4 goldstein -10.0 mentions 1 sources 1 articles 1 root-event 0 url http://example.org/r/1')"
    "$DYAD" export --db "$DB" --format gdelt2 > "$TMP/g2.tsv"
    check "gdelt2: 61 columns" "$(awk -F'\t' '{print NF}' "$TMP/g2.tsv" | sort -u)" 61
    check "gdelt2: DATEADDED has a time" "$(cut -f60 "$TMP/g2.tsv" | grep -cE '^[0-9]{14}$')" 9
    check "gdelt1: actor parts" "$(grep -P '\tARMGOV\t' "$TMP/g1.tsv" | cut -f6,8,13,16,18,23)" "$(printf 'ARMGOV\tARM\tGOV\tAZEMIL\tAZE\tMIL')"
    check "gdelt1: partial dates leave SQLDATE empty" "$(grep -P '\tRUS\t' "$TMP/g1.tsv" | cut -f2-4)" "$(printf '\t202103\t2021')"
}

test_export_other() {
    ingest "$FIX"
    check "icews: header + 9 rows of 20" "$("$DYAD" export --db "$DB" --format icews | awk -F'\t' '{print NF}' | sort | uniq -c | awk '{print $1, $2}')" "10 20"
    check "icews: names, sectors, story" "$("$DYAD" export --db "$DB" --format icews --code 173 | tail -1 | cut -f2-4,6-7,12-14)" \
        "$(printf '2020-10-02\tThe Armenian government\tGOV\tArrest, detain, or charge with legal action\t173\td2\t1\tAP')"
    check "phoenix: 26 columns" "$("$DYAD" export --db "$DB" --format phoenix | awk -F'\t' '{print NF}' | sort -u)" 26
    check "phoenix: sentence ids, urls, sources of the merged event" \
        "$("$DYAD" export --db "$DB" --format phoenix --dyad ARM:AZE --code 190 | cut -f16,24-26)" \
        "$(printf '4\td1_0;d2_0;d3_0\thttp://example.org/ap/2;http://example.org/r/1;http://example.org/r/3\tAP;Reuters')"
    check "plover" "$("$DYAD" export --db "$DB" --format plover --root 19 2>/dev/null | python3 -c '
import json,sys
for l in sys.stdin: o=json.loads(l); print(o["actor"][0]["code"], o["recipient"][0]["code"], o["event"][0], o["cameo"])')" \
        "$(printf 'ARM AZE ASSAULT 190\nAZE ARM ASSAULT 190')"
    check "csv: header + 9" "$("$DYAD" export --db "$DB" --format csv | wc -l)" 10
    # jsonl round trip: a new store from the export holds the same events
    "$DYAD" export --db "$DB" --format jsonl > "$TMP/rt.jsonl"
    local before; before=$(q --csv | cut -d, -f2-)
    new_db; ingest "$TMP/rt.jsonl"
    check "jsonl round trip" "$(q --csv | cut -d, -f2-)" "$before"
}

test_coding_ingest() {   # documents coded on the way, on two threads, then again
    "$DYAD" ingest -q --threads 2 --db "$DB" "$ROOT/examples/articles.jsonl"
    local n; n=$("$DYAD" code -q "$ROOT/examples/articles.jsonl" | wc -l)
    check "as many mentions as dyad code's events" "$(q --mentions --csv | tail -n +2 | wc -l)" "$n"
    local before; before=$(q --mentions --csv | cut -d, -f2-)
    "$DYAD" ingest -q --threads 1 --db "$DB" "$ROOT/examples/articles.jsonl"
    check "re-ingest leaves no duplicates" "$(q --mentions --csv | cut -d, -f2-)" "$before"
    check "document titles kept" "$(q --doc georgia_russia_2008 --limit 1 --csv | tail -n +2 | wc -l)" 1
}

test_bad_input() {
    printf '{"doc":"x","code":"190","source":"A","target":"B","date":"2020-01-01"}\nnot json\n[1]\n{"foo":1}\n' > "$TMP/bad.jsonl"
    local err; err=$("$DYAD" ingest --db "$DB" "$TMP/bad.jsonl" 2>&1 >/dev/null)
    check "malformed line reported with file:line" "$(grep -c "bad.jsonl:2: malformed JSON" <<<"$err")" 1
    check "non-object reported" "$(grep -c "bad.jsonl:3: not a JSON object" <<<"$err")" 1
    check "unknown object reported" "$(grep -c "bad.jsonl:4: neither an event" <<<"$err")" 1
    check "the good line stored" "$(count)" 1
    check "unknown filter value" "$("$DYAD" query --db "$DB" --quad 7 2>&1; echo "rc=$?")" "$(printf 'dyad: --quad 7: want 1, 2, 3 or 4\nrc=2')"
    check "bad --dyad" "$("$DYAD" query --db "$DB" --dyad USA 2>&1 | head -1)" "dyad: --dyad USA: want SOURCE:TARGET, e.g. USA:AZE"
    check "bad --from" "$("$DYAD" query --db "$DB" --from 2020-13-45 2>&1)" "dyad: query: --from 2020-13-45: want YYYY-MM-DD"
}

test_schema_version() {
    ingest "$FIX"
    if [ "$BACKEND" = sqlite ]; then
        python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE dyad_meta SET value='99'\"); c.commit()" "$DB"
    else
        psql "$DB" -qc "UPDATE dyad_meta SET value='99'" >/dev/null
    fi
    check "a newer schema is refused" "$("$DYAD" query --db "$DB" 2>&1 | sed 's/^.*: the store/the store/')" \
        "the store has schema version 99, newer than this dyad's 2"
    check "and not written to" "$("$DYAD" ingest -q --db "$DB" "$FIX" 2>&1 | sed 's/^.*: the store/the store/')" \
        "the store has schema version 99, newer than this dyad's 2"
}

sql() {   # one value from the store's own SQL (the test's view, not dyad's)
    if [ "$BACKEND" = sqlite ]; then
        python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$DB" "$1"
    else
        psql "$DB" -Atc "$1"
    fi
}

test_migration() {   # a version-1 store is brought to version 2 when opened for writing
    DYAD_STORE_SCHEMA=1 "$DYAD" ingest -q --db "$DB" "$FIX"
    check "version 1" "$(sql "SELECT value FROM dyad_meta WHERE key = 'schema_version'")" 1
    check "version 1 answers" "$(count --actor AZE)" 7
    "$DYAD" query --db "$DB" --limit 1 >/dev/null
    check "reading does not migrate" "$(sql "SELECT value FROM dyad_meta WHERE key = 'schema_version'")" 1
    "$DYAD" ingest -q --db "$DB" --events /dev/null
    check "version 2" "$(sql "SELECT value FROM dyad_meta WHERE key = 'schema_version'")" 2
    check "same answers after the migration" "$(count --actor AZE)" 7
    local def
    if [ "$BACKEND" = sqlite ]; then def=$(sql "SELECT sql FROM sqlite_master WHERE name = 'ix_events_source'")
    else def=$(sql "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_source'"); fi
    check "the actor indexes cover the counts now" "$(grep -c 'goldstein, num_mentions' <<<"$def")" 1
    check "the country-year panel" "$(q --by source-year --csv | head -3)" "$(printf '%s\n' \
        'source-year,events,mentions,goldstein_sum,goldstein_mean,quad1,quad2,quad3,quad4' \
        'ARM 2020,2,4,-15.00,-7.50,0,0,0,2' 'AZE 2020,1,1,-10.00,-10.00,0,0,0,1')"
}

test_explain_indexes() {   # on 20,000 generated events the planner picks the indexes
    "$DYAD" ingest -q --db "$DB" --generate 20000
    check "generated" "$(q --by year --csv | tail -n +2 | cut -d, -f2 | awk "{s += \$1} END {print s}")" 20000
    local plan
    plan=$(q --explain --dyad USA:AZE --by month)
    check "dyad-month uses an actor index" "$(grep -cE 'ix_events_(source|target)' <<<"$plan")" 1
    plan=$(q --explain --actor AZE --by year)
    check "--actor uses both actor indexes" "$(grep -oE 'ix_events_(source|target)' <<<"$plan" | sort -u | tr '\n' ' ')" \
        "ix_events_source ix_events_target "
    plan=$(q --explain --from 2001-01-01 --to 2001-01-31)
    check "a date range uses ix_events_day" "$(grep -c ix_events_day <<<"$plan")" 1
    if [ "$BACKEND" = sqlite ]; then   # (the generated store has no mentions for PostgreSQL to plan with)
        plan=$(q --explain --doc d1)
        check "--doc uses ix_mentions_doc" "$(grep -c ix_mentions_doc <<<"$plan")" 1
    fi
}

# ---------------------------------------------------------------- runner
TESTS=$(declare -F | awk '{print $3}' | grep '^test_')
for BACKEND in "$@"; do
    if [ "$BACKEND" = pg ] && [ -z "${DYAD_PG_ADMIN:-}" ]; then
        echo "store_tests.sh: FAILED: the pg backend needs DYAD_PG_ADMIN (run under tests/store/with_pg.sh)" >&2
        exit 1
    fi
    for TEST in $TESTS; do
        before=$fails
        new_db || { echo 1 >> "$TMP/fails"; continue; }
        ( cd "$TMP" && "$TEST" ) > "$TMP/out" 2>&1
        # the subshell's counts are lost: count from its output
        f=$(grep -c '^FAIL' "$TMP/out"); p=$(grep -c '^ok' "$TMP/out")
        cat "$TMP/out" | grep -v '^ok' || true
        echo "$f" >> "$TMP/fails"
        printf '%-4s [%s] %s\n' "$([ "$f" = 0 ] && echo ok || echo FAIL)" "$BACKEND" "$TEST"
    done
done
total=$(awk "{s += \$1} END {print s + 0}" "$TMP/fails")
if [ "$total" != 0 ]; then echo "store tests: $total checks FAILED"; exit 1; fi
echo "store tests: all passed on: $*"
