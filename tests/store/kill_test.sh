#!/usr/bin/env bash
# kill_test.sh DYAD BACKEND... - kill -9 during a large ingest, then run it again: the store
# must be consistent after every kill (every event's num_mentions matches its mention rows;
# readers could query all along) and, once the re-run completes, hold exactly what an
# uninterrupted run stores. Input: the first 1,500 Reuters documents (coded on the way).
# Backends: sqlite, pg (under with_pg.sh).
set -uo pipefail
DYAD=$(realpath "$1"); shift
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
REUTERS="$ROOT/../shared/reference/corpus/reuters21578.jsonl"
[ -r "$REUTERS" ] || { echo "kill_test.sh: FAILED: $REUTERS not readable" >&2; exit 1; }
TMP=$(mktemp -d /tmp/dyad-kill.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export DYAD_DICT="$ROOT/dict"
head -n 1500 "$REUTERS" > "$TMP/in.jsonl"
failed=0; n=0

new_db() {
    n=$((n + 1))
    if [ "$1" = sqlite ]; then DB="$TMP/k$n.db"; else
        psql "$DYAD_PG_ADMIN" -qc "CREATE DATABASE dyadkill$n" >/dev/null || return 1
        DB="postgresql://$DYAD_PG_USER@/dyadkill$n?host=$DYAD_PG_HOST&port=$DYAD_PG_PORT"
    fi
}
ingest() { "$DYAD" ingest -q --batch 100 --db "$DB" "$TMP/in.jsonl"; }
# what a user sees: every event with its evidence (ids aside), and the monthly counts
snapshot() {
    "$DYAD" query --db "$DB" --mentions --csv | cut -d, -f2- | sort
    "$DYAD" query --db "$DB" --by month --csv
}
stored_mentions() {   # the events' num_mentions added up (sentences may hold line breaks: no wc -l)
    "$DYAD" query --db "$DB" --by year --csv | awk -F, 'NR > 1 {s += $3} END {print s + 0}'
}
consistent() {  # "ok", or what is wrong
    "$DYAD" query --db "$DB" --mentions --csv | python3 -c '
import csv, sys, collections
rows = list(csv.DictReader(sys.stdin))
seen = collections.Counter(r["event_id"] for r in rows)
want = {r["event_id"]: int(r["num_mentions"]) for r in rows}
bad = [e for e in want if want[e] != seen[e]]
print("ok" if not bad else "%d events whose num_mentions differ from their mentions" % len(bad))'
}

for backend in "$@"; do
    new_db "$backend" || { echo "FAIL [$backend] cannot create a database"; failed=1; continue; }
    start=$(date +%s.%N)
    ingest
    full=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
    snapshot > "$TMP/ref.txt"
    events=$(grep -c . "$TMP/ref.txt")
    total=$(stored_mentions)
    for frac in 0.2 0.5 0.8; do
        new_db "$backend" || { failed=1; continue; }
        "$DYAD" ingest -q --db "$DB" --events /dev/null   # the schema, for the readers
        "$DYAD" ingest -q --batch 100 --db "$DB" "$TMP/in.jsonl" & pid=$!   # (not the function: kill the process itself)
        # readers poll the store while the ingest writes, and the ingest is killed once
        # about frac of the mentions are in
        want=$(awk -v f="$frac" -v t="$total" 'BEGIN {printf "%d", f * t}')
        stored=0
        while kill -0 "$pid" 2>/dev/null; do
            if ! stored=$(stored_mentions 2> "$TMP/reader.err"); then
                echo "FAIL [$backend] a query during the ingest failed: $(cat "$TMP/reader.err")"; failed=1
            fi
            [ "$stored" -ge "$want" ] && break
            sleep 0.05
        done
        kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
        state=$(consistent)
        stored=$(stored_mentions)
        printf '[%s] killed at %s of %s mentions stored: %s\n' "$backend" "$stored" "$total" "$state"
        [ "$state" = ok ] || { echo "FAIL [$backend] inconsistent after kill -9: $state"; failed=1; }
        [ "$stored" -lt "$total" ] || echo "[$backend] (the ingest had finished before the kill)"
        ingest   # the same command again completes it
        snapshot > "$TMP/after.txt"
        if ! cmp -s "$TMP/ref.txt" "$TMP/after.txt"; then
            echo "FAIL [$backend] after a kill at $stored mentions and a re-run the store differs from an uninterrupted run:"
            diff "$TMP/ref.txt" "$TMP/after.txt" | head -5; failed=1
        fi
    done
    echo "[$backend] kill -9 test: uninterrupted run ${full}s, $events lines of query output compared after each kill"
done
[ "$failed" = 0 ] && echo "kill test: passed on: $*" || { echo "kill test: FAILED"; exit 1; }
