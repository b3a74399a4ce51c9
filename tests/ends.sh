#!/usr/bin/env bash
# tests/ends.sh [DYAD] -- clean ends of `dyad code` (issue 15.6):
#  - SIGINT / SIGTERM in the middle of a slow pipe, with --threads 1 and 2: exit
#    status 128+signal, every output line whole JSON, the summary printed and its
#    event count equal to the lines written, read = coded + skipped;
#  - a write error (stdout is /dev/full): exit status 1, "write error", and the
#    summary counts no event as written.
# Prints ok/not ok per check; exits 1 on any failure.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${1:-$ROOT/bin/dyad}
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export DYAD_CACHE_DIR=$T/cache
FAILED=0; PASSED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
bad() { FAILED=$((FAILED + 1)); echo "not ok - $1"; sed 's/^/#   /' "$T/err" | tail -4; }

slow_docs() {
    for i in $(seq 1 1500); do
        echo '{"id":"d'"$i"'","text":"Russia invaded Georgia. France condemned Russia."}'
        sleep 0.02
    done
}

# summary_ok FILE LINES: "N events" of the summary equals LINES; read = coded + skipped
summary_ok() {
    python3 - "$1" "$2" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
m = re.search(r"(\d+) documents read, (\d+) coded, (\d+) skipped.*?; (\d+) events", s)
sys.exit(0 if m and int(m.group(4)) == int(sys.argv[2]) and
         int(m.group(1)) == int(m.group(2)) + int(m.group(3)) else 1)
PY
}

for sig in INT TERM; do
    for th in 1 2; do
        name="SIG$sig, --threads $th"
        # (env --default-signal: a shell's background job starts with SIGINT
        # ignored, which dyad then rightly leaves ignored)
        slow_docs | env --default-signal=INT "$DYAD" code --threads "$th" - >"$T/out" 2>"$T/err" &
        pid=$!
        # signal once events flow (the handler is in place by then; a slow start,
        # e.g. under ASan, must not meet the default action)
        for _ in $(seq 600); do [ -s "$T/out" ] && break; sleep 0.1; done
        sleep 0.5
        kill -"$sig" "$pid" 2>/dev/null
        wait "$pid"; rc=$?
        want=$((128 + $(kill -l "$sig")))
        lines=$(wc -l <"$T/out")
        if [ "$rc" -ne "$want" ]; then bad "$name: exit status $rc, want $want"; continue; fi
        if ! python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/out" 2>/dev/null ||
           { [ -s "$T/out" ] && [ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" != '\n' ]; }; then
            bad "$name: a partial line"; continue
        fi
        if [ "$lines" -lt 2 ]; then bad "$name: nothing written before the signal"; continue; fi
        if ! summary_ok "$T/err" "$lines"; then bad "$name: the summary does not match $lines lines"; continue; fi
        ok "$name: exit $rc, $lines whole lines, summary matches"
    done
done

for th in 1 2; do
    name="write error (/dev/full), --threads $th"
    for i in $(seq 1 50); do echo '{"id":"d'"$i"'","text":"Russia invaded Georgia."}'; done >"$T/in.jsonl"
    "$DYAD" code --threads "$th" "$T/in.jsonl" >/dev/full 2>"$T/err"; rc=$?
    if [ "$rc" -eq 1 ] && grep -q "write error" "$T/err" && summary_ok "$T/err" 0 &&
       grep -q "50 events coded but not written" "$T/err"; then
        ok "$name: exit 1, 0 events written, 50 coded but not written"
    else
        bad "$name: exit $rc"
    fi
done
INI=$ROOT/../shared/reference/petrarch2/petrarch2/data/config/PETR_config.ini
if [ -f "$INI" ] && [ "${DYAD_SANITIZED:-0}" != 1 ]; then   # (slow under ASan; covered by make test)
    (cd / && echo "Russia invaded Georgia." | "$DYAD" code --input text --dict "$INI" - >"$T/out" 2>"$T/err")
    rc=$?
    if [ $rc -eq 0 ] && grep -q '"source":"RUS"' "$T/out"; then ok "--dict PETR_config.ini from /: coded"
    else bad "--dict PETR_config.ini from /: exit $rc"; fi
fi
echo "$PASSED passed, $FAILED failed"
[ $FAILED -eq 0 ]
