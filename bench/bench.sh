#!/usr/bin/env bash
# bench/bench.sh [DYAD] [MB] [gold|news] -- throughput benchmark of `dyad code`.
#
# Builds (and caches) bench/data/bench.jsonl (gold) or bench/data/news.jsonl
# (news), a JSONL input of at least MB megabytes (MiB, default 50) made of the
# id/date/text of every record of the gold files ../shared/reference/gold/*.jsonl
# and, for news, of the Reuters corpus ../shared/reference/corpus/*.jsonl,
# repeated with unique ids until the size is reached.  The file is rebuilt only when missing or smaller than
# requested.  Then times `DYAD code --quiet FILE > /dev/null` (1 warm-up run,
# 3 timed runs, best one reported), measures start-up time (dictionary loading)
# on a one-document input, compares with `wc -w` on the same file, and (news) checks
# peak RSS for the input piped once and ten times over (STREAM_X).
#
# Environment: GOLD_DIR overrides the gold folder; STREAM_X the stream repeats (0: off).
# Needs bash >= 5 (EPOCHREALTIME), python3 (data generation only) and, for
# peak RSS, GNU time as /usr/bin/time (Debian package `time`).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${1:-$ROOT/bin/dyad}
MB=${2:-50}
MIX=${3:-gold}
GOLD_DIR=${GOLD_DIR:-$ROOT/../shared/reference/gold}
CORPUS_DIR=${CORPUS_DIR:-$ROOT/../shared/reference/corpus}
DATA_DIR=$ROOT/bench/data
case $MIX in
    gold) DATA=$DATA_DIR/bench.jsonl ;;
    news) DATA=$DATA_DIR/news.jsonl ;;
    *) echo "bench: the mix is gold or news, got '$MIX'" >&2; exit 1 ;;
esac
ONE=$DATA_DIR/one.jsonl
RUNS=3

die() { echo "bench: $*" >&2; exit 1; }

case $MB in ''|*[!0-9]*) die "MB must be a positive integer, got '$MB'";; esac
[ "$MB" -gt 0 ] || die "MB must be positive"
[ -x "$DYAD" ] || die "$DYAD: not an executable (run make first)"
[ -n "${EPOCHREALTIME:-}" ] || die "bash >= 5 needed (EPOCHREALTIME)"
command -v python3 >/dev/null || die "python3 needed to build the bench data"

mkdir -p "$DATA_DIR"
want_bytes=$((MB * 1048576))

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# ---- input data ------------------------------------------------------------
have_bytes=0
[ -f "$DATA" ] && have_bytes=$(wc -c < "$DATA")
if [ "$have_bytes" -lt "$want_bytes" ]; then
    shopt -s nullglob
    gold=("$GOLD_DIR"/*.jsonl)
    [ "$MIX" = news ] && gold+=("$CORPUS_DIR"/*.jsonl)
    shopt -u nullglob
    [ ${#gold[@]} -gt 0 ] || die "no gold files in $GOLD_DIR"
    echo "bench: building $DATA (>= $MB MB) from ${#gold[@]} gold files..." >&2
    python3 - "$DATA.tmp" "$want_bytes" "${gold[@]}" <<'EOF'
import json, sys
out, want, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
recs = []
for f in files:
    with open(f, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            text = d.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            recs.append((str(d.get("id", n)), d.get("date"), text))
if not recs:
    sys.exit("bench: no texts in the gold files")
size, rep = 0, 0
with open(out, "w", encoding="utf-8") as fh:
    while size < want:
        for i, (rid, date, text) in enumerate(recs):
            line = json.dumps({"id": "r%d-%d-%s" % (rep, i, rid),
                               "date": date, "text": text},
                              ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
        rep += 1
EOF
    mv "$DATA.tmp" "$DATA"
fi
if [ ! -s "$ONE" ]; then
    printf '%s\n' '{"id":"one","date":"2020-01-01","text":"Russia attacked Georgia on Monday."}' > "$ONE"
fi

bytes=$(wc -c < "$DATA")
lines=$(wc -l < "$DATA")

# ---- helpers ---------------------------------------------------------------
now_us() { local t=${EPOCHREALTIME/[.,]/}; echo $((10#$t)); }

HAVE_GNU_TIME=0
command -v /usr/bin/time >/dev/null 2>&1 && HAVE_GNU_TIME=1

# run_timed CMD...: runs CMD (stdout to /dev/null); sets ELAPSED_US and RSS_KB
# (RSS_KB empty without GNU time).  Fails the bench if CMD fails.
run_timed() {
    local t0 t1 rc=0
    RSS_KB=
    if [ $HAVE_GNU_TIME = 1 ]; then
        t0=$(now_us)
        /usr/bin/time -f '%e %M' -o "$TMP/time" "$@" > /dev/null 2> "$TMP/err" || rc=$?
        t1=$(now_us)
        RSS_KB=$(awk 'END { print $2 }' "$TMP/time")
    else
        t0=$(now_us)
        "$@" > /dev/null 2> "$TMP/err" || rc=$?
        t1=$(now_us)
    fi
    ELAPSED_US=$((t1 - t0))
    if [ $rc -ne 0 ]; then
        cat "$TMP/err" >&2
        die "command failed with status $rc: $*"
    fi
}

# ---- dyad throughput -------------------------------------------------------
# Warm-up run; it is the one non-quiet run, whose summary gives the counts.
"$DYAD" code "$DATA" > /dev/null 2> "$TMP/summary" || {
    cat "$TMP/summary" >&2; die "warm-up run of $DYAD failed"; }
summary=$(grep '^dyad: [0-9]* documents read' "$TMP/summary" | tail -n 1) ||
    die "no run summary from $DYAD"
docs=$(sed -n 's/^dyad: \([0-9]*\) documents read.*/\1/p' <<<"$summary")
sentences=$(sed -n 's/^[^;]*; \([0-9]*\) sentences (.*/\1/p' <<<"$summary")
events=$(sed -n 's/^[^;]*;[^;]*; \([0-9]*\) events.*/\1/p' <<<"$summary")
[ -n "$sentences" ] || die "cannot parse sentence count from: $summary"

# best_of N CMD...: runs CMD N times; BEST_US is the fastest, PEAK_KB the peak RSS.
best_of() {
    local n=$1
    shift
    BEST_US=
    PEAK_KB=0
    for _ in $(seq "$n"); do
        run_timed "$@"
        if [ -z "$BEST_US" ] || [ "$ELAPSED_US" -lt "$BEST_US" ]; then BEST_US=$ELAPSED_US; fi
        if [ -n "${RSS_KB:-}" ] && [ "$RSS_KB" -gt "$PEAK_KB" ]; then PEAK_KB=$RSS_KB; fi
    done
}

best_of "$RUNS" "$DYAD" code --quiet --threads 1 "$DATA"
best_us=$BEST_US peak_kb=$PEAK_KB
best_of "$RUNS" "$DYAD" code --quiet --threads 2 "$DATA"
best2_us=$BEST_US peak2_kb=$PEAK_KB

# ---- start-up (dictionary loading) -----------------------------------------
best_of 5 "$DYAD" code --quiet "$ONE"
startup_us=$BEST_US

# ---- wc -w baseline --------------------------------------------------------
wc -w "$DATA" > /dev/null
best_of "$RUNS" wc -w "$DATA"
wc_us=$BEST_US

# ---- memory on a long stream -------------------------------------------------
# Peak RSS with the default threads for the input once and STREAM_X times through a
# pipe (STREAM_X=10 turns the 200 MB news input into a 2 GB stream): memory must
# stay flat however long the input. STREAM_X=0 skips it; it is on for news only.
STREAM_X=${STREAM_X:-$([ "$MIX" = news ] && echo 10 || echo 0)}
stream_line=
if [ "$STREAM_X" -gt 0 ] && [ $HAVE_GNU_TIME = 1 ]; then
    /usr/bin/time -f '%M' -o "$TMP/rss1" "$DYAD" code --quiet - < "$DATA" > /dev/null 2>&1 ||
        die "stream run failed"
    for _ in $(seq "$STREAM_X"); do cat "$DATA"; done |
        /usr/bin/time -f '%M' -o "$TMP/rssx" "$DYAD" code --quiet - > /dev/null 2>&1 ||
        die "long stream run failed"
    rss1=$(tail -n 1 "$TMP/rss1") rssx=$(tail -n 1 "$TMP/rssx")
    stream_line=$(awk -v a="$rss1" -v b="$rssx" -v x="$STREAM_X" -v mb="$bytes" 'BEGIN {
        printf "stream RSS:     %.1f MB for %.0f MB, %.1f MB for %.2f GB piped (default threads): %+.1f%%",
            a / 1024, mb / 1048576, b / 1024, x * mb / 1073741824, (b - a) * 100 / a }')
fi

# ---- report ----------------------------------------------------------------
if [ $HAVE_GNU_TIME = 1 ]; then
    rss_mb=$(awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }')
    rss2_mb=$(awk -v k="$peak2_kb" 'BEGIN { printf "%.1f", k / 1024 }')
else
    rss_mb=n/a
    rss2_mb=n/a
fi
awk -v bytes="$bytes" -v lines="$lines" -v docs="$docs" -v sent="$sentences" \
    -v events="$events" -v best="$best_us" -v best2="$best2_us" -v start="$startup_us" \
    -v rss2="$rss2_mb" -v stream="$stream_line" \
    -v wc="$wc_us" -v rss="$rss_mb" -v dyad="$DYAD" -v data="$DATA" -v runs="$RUNS" '
BEGIN {
    mb = bytes / 1048576; s = best / 1e6; w = wc / 1e6
    printf "dyad:           %s\n", dyad
    printf "input:          %s (%.1f MB, %d lines)\n", data, mb, lines
    printf "documents:      %d\n", docs
    printf "sentences:      %d\n", sent
    printf "events:         %d\n", events
    s2 = best2 / 1e6
    printf "1 thread:       %.3f s (best of %d), %.0f sentences/s, %.2f MB/s, peak RSS %s MB\n", s, runs, sent / s, mb / s, rss
    printf "2 threads:      %.3f s (best of %d), %.0f sentences/s, %.2f MB/s, peak RSS %s MB\n", s2, runs, sent / s2, mb / s2, rss2
    printf "speed-up:       %.2fx with 2 threads\n", (s2 > 0 ? s / s2 : 0)
    printf "startup:        %.1f ms (one-line document, best of 5)\n", start / 1000
    printf "wc -w:          %.3f s (best of %d)\n", w, runs
    printf "dyad/wc ratio:  %.1f\n", (w > 0 ? s / w : 0)
    if (stream != "") printf "%s\n", stream
    printf "BENCH sentences_per_s=%.0f mb_per_s=%.2f speedup_2_threads=%.2f peak_rss_mb=%s startup_ms=%.1f\n",
        sent / s, mb / s, (s2 > 0 ? s / s2 : 0), rss, start / 1000
}'
