#!/usr/bin/env bash
# bench/store_bench.sh DYAD BACKEND... - the event store's figures, for each BACKEND (sqlite;
# pg under tests/store/with_pg.sh, which sets DYAD_PG_ADMIN):
#   1. ingest rate with coding included: the Reuters corpus (19,043 documents) coded and
#      stored by `dyad ingest`, in events (mentions) per second;
#   2. ingest rate of the same events pre-coded (`dyad code --with-docs` output);
#   3. the store's size per million events: the Reuters store (documents, mentions with
#      their sentences and full-text index) per million mentions, and the generated store
#      (events and their indexes only) per million events;
#   4. BENCH_EVENTS (default 10,000,000) generated events (`dyad ingest --generate`), then
#      a dyad-month count (`query --dyad USA:AZE --by month`), a country-year count for one
#      country (`query --actor AZE --by year`), each run once to warm the caches and then
#      timed (best of 3), and the country-year panel of every source country (`query --by
#      source-year`, a scan of every event), timed once.
# The 10M store takes a few minutes to generate: run it once or twice, not in `make test`.
set -uo pipefail
DYAD=$(realpath "$1"); shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REUTERS=$ROOT/../shared/reference/corpus/reuters21578.jsonl
N=${BENCH_EVENTS:-10000000}
TMP=${BENCH_TMP:-$(mktemp -d /tmp/dyad-store-bench.XXXXXX)}
trap 'rm -rf "$TMP"' EXIT
export DYAD_DICT=$ROOT/dict
n=0

new_db() {
    n=$((n + 1))
    if [ "$BACKEND" = sqlite ]; then DB="$TMP/b$n.db"; else
        psql "$DYAD_PG_ADMIN" -qc "CREATE DATABASE dyadbench$n" >/dev/null || exit 1
        DB="postgresql://$DYAD_PG_USER@/dyadbench$n?host=$DYAD_PG_HOST&port=$DYAD_PG_PORT"
    fi
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.3f", b - a}'; }
mentions() { "$DYAD" query --db "$DB" --by year --csv | awk -F, 'NR > 1 {s += $3} END {print s + 0}'; }
size_bytes() {
    if [ "$BACKEND" = sqlite ]; then
        "$DYAD" query --db "$DB" --limit 1 >/dev/null   # a checkpoint-free read; then the files' size
        du -cb "$DB" "$DB-wal" 2>/dev/null | tail -1 | cut -f1
    else
        # dyad's tables with their indexes and TOAST (not the empty database's own catalogs)
        psql "$DB" -Atc "SELECT sum(pg_total_relation_size(t::regclass)) FROM unnest(ARRAY['documents', 'events', 'mentions', 'dyad_meta']) t"
    fi
}
best_of_3() {   # best_of_3 ARGS...: warm once, then the best of three runs, in seconds
    "$DYAD" query --db "$DB" "$@" > "$TMP/q.out"
    local best=999 t s
    for _ in 1 2 3; do
        s=$(now); "$DYAD" query --db "$DB" "$@" > /dev/null; t=$(since "$s")
        best=$(awk -v a="$best" -v b="$t" 'BEGIN {print (b < a) ? b : a}')
    done
    echo "$best"
}

"$DYAD" code -q --with-docs "$REUTERS" > "$TMP/precoded.jsonl"
for BACKEND in "$@"; do
    echo "== $BACKEND"
    new_db; s=$(now)
    /usr/bin/time -f "%U %S" -o "$TMP/cpu" "$DYAD" ingest -q --db "$DB" "$REUTERS"; t=$(since "$s"); m=$(mentions)
    echo "ingest with coding (Reuters, 19043 documents): $m events in ${t}s = $(awk -v m="$m" -v t="$t" 'BEGIN {printf "%d", m / t}') events/s"
    echo "  (CPU time of the ingest, all threads: $(awk '{print $1 + $2}' "$TMP/cpu")s)"
    bytes=$(size_bytes)
    echo "size with documents, mentions, sentences and full-text index: $(awk -v b="$bytes" -v m="$m" 'BEGIN {printf "%.0f MB per million mentions", b / m}')"
    new_db; s=$(now)
    /usr/bin/time -f "%U %S" -o "$TMP/cpu" "$DYAD" ingest -q --db "$DB" "$TMP/precoded.jsonl"; t=$(since "$s"); m=$(mentions)
    echo "ingest of pre-coded events: $m events in ${t}s = $(awk -v m="$m" -v t="$t" 'BEGIN {printf "%d", m / t}') events/s"
    echo "  (CPU time of the ingest: $(awk '{print $1 + $2}' "$TMP/cpu")s)"

    new_db; s=$(now)
    "$DYAD" ingest -q --db "$DB" --generate "$N" || exit 1
    echo "generated $N events in $(since "$s")s"
    bytes=$(size_bytes)
    echo "size of generated events with their indexes: $(awk -v b="$bytes" -v n="$N" 'BEGIN {printf "%.0f MB per million events", b / n}')"
    echo "dyad-month count (--dyad USA:AZE --by month), warm: $(best_of_3 --dyad USA:AZE --by month)s ($(($(wc -l < "$TMP/q.out") - 1)) months)"
    echo "country-year count (--actor AZE --by year), warm: $(best_of_3 --actor AZE --by year)s ($(($(wc -l < "$TMP/q.out") - 1)) years)"
    s=$(now); "$DYAD" query --db "$DB" --by source-year --csv > "$TMP/q.out"
    echo "country-year panel of every source country (--by source-year, a full scan), one run: $(since "$s")s ($(($(wc -l < "$TMP/q.out") - 1)) rows)"
done
