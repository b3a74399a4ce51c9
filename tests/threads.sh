#!/usr/bin/env bash
# tests/threads.sh [DYAD] -- `dyad code` gives the same output however it is run:
# with --threads 1, 2, 4 (byte for byte, JSONL, TSV and CSV, summary line too),
# split by GNU parallel --pipe -k into several processes, and reading a pipe
# on stdin instead of a file. Also: no progress line when stderr is not a
# terminal, and a progress line (cleared before the summary) when it is.
#
# Input: the first $DOCS (default 3000) documents of
# ../shared/reference/corpus/reuters21578.jsonl (CORPUS overrides).
# Prints `ok - ...` / `not ok - ...` per check and `N passed, N failed`;
# exits 1 on any failure. Needs GNU parallel (Debian package `parallel`) for
# the parallel checks (skipped, and counted as failed, without it).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${1:-$ROOT/bin/dyad}
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac
CORPUS=${CORPUS:-$ROOT/../shared/reference/corpus/reuters21578.jsonl}
DOCS=${DOCS:-3000}

[ -x "$DYAD" ] || { echo "threads: $DYAD: not an executable (run make first)" >&2; exit 1; }
[ -r "$CORPUS" ] || { echo "threads: $CORPUS: not readable" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# a snapshot of the dictionaries, so that every run codes with the same ones
cp -r "${DYAD_DICT:-$ROOT/dict}" "$T/dict"
export DYAD_DICT=$T/dict

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() {
    FAILED=$((FAILED + 1)); echo "not ok - $1"
    if [ -n "${2:-}" ]; then printf '%s\n' "$2" | head -n 8 | sed 's/^/#   /'; fi
}
# same DESC A B: files A and B are byte for byte the same (and A is not empty
# unless EMPTY_OK=1)
same() {
    if ! cmp -s "$2" "$3"; then
        fail "$1" "$(cmp "$2" "$3" 2>&1; diff "$2" "$3" 2>/dev/null | head -n 4)"
    elif [ "${EMPTY_OK:-0}" != 1 ] && [ ! -s "$2" ]; then
        fail "$1" "$2 is empty"
    else
        pass "$1"
    fi
}
summary() { grep -E '^dyad: [0-9]+ documents read' "$1" | tail -n 1; }

head -n "$DOCS" "$CORPUS" > "$T/in.jsonl"
# the same documents plus bad ones: malformed JSON, invalid UTF-8, a bad date,
# an empty line, a document without text
{
    head -n 700 "$T/in.jsonl"
    printf '{"id":"bad-json", "text": \n'
    printf '{"id":"bad-utf8","date":"2020-01-01","text":"Russia attacked Georgia \xff on Monday."}\n'
    printf '{"id":"bad-date","date":"2020-13-45","text":"France criticized Germany."}\n'
    printf '\n{"id":"no-text","date":"2020-01-01"}\n'
    printf '{"id":"undated","text":"Israel accused Iran."}\n'
    tail -n +701 "$T/in.jsonl"
} > "$T/mixed.jsonl"

# ---- (a) thread-count independence ------------------------------------------
for fmt in jsonl tsv csv; do
    for n in 1 2 4; do
        "$DYAD" code --format "$fmt" --threads "$n" "$T/in.jsonl" > "$T/a.$fmt.$n" 2> "$T/a.$fmt.$n.err"
        echo $? > "$T/a.$fmt.$n.rc"
    done
    for n in 2 4; do
        same "$fmt: --threads $n output = --threads 1 output" "$T/a.$fmt.1" "$T/a.$fmt.$n"
        same "$fmt: --threads $n exit status and stderr = --threads 1" "$T/a.$fmt.1.err" "$T/a.$fmt.$n.err"
    done
done
n1=$(grep -c . "$T/a.jsonl.1")
ev=$(summary "$T/a.jsonl.1.err" | sed -n 's/.* \([0-9]*\) events.*/\1/p')
if [ -n "$ev" ] && [ "$ev" -eq "$n1" ] && [ "$n1" -gt 100 ]; then
    pass "jsonl: summary event count ($ev) = lines of output"
else
    fail "jsonl: summary event count ($ev) = lines of output ($n1)"
fi
# default thread count (one per online core) and more threads than batches
"$DYAD" code --quiet "$T/in.jsonl" > "$T/a.default"
same "--threads default output = --threads 1 output" "$T/a.jsonl.1" "$T/a.default"
"$DYAD" code --quiet --threads 16 "$T/in.jsonl" > "$T/a.16"
same "--threads 16 output = --threads 1 output" "$T/a.jsonl.1" "$T/a.16"

# bad documents, several files, a missing file: same output, same summary,
# same warnings (in any order), same exit status
for n in 1 3; do
    "$DYAD" code --threads "$n" "$T/mixed.jsonl" "$T/missing.jsonl" "$T/in.jsonl" \
        > "$T/m.$n" 2> "$T/m.$n.err"
    echo $? > "$T/m.$n.rc"
    summary "$T/m.$n.err" > "$T/m.$n.sum"
    grep -v '^dyad: [0-9]* documents read' "$T/m.$n.err" | sort > "$T/m.$n.warn"
done
same "bad input, 3 files: --threads 3 output = --threads 1" "$T/m.1" "$T/m.3"
same "bad input, 3 files: --threads 3 summary = --threads 1" "$T/m.1.sum" "$T/m.3.sum"
same "bad input, 3 files: --threads 3 warnings = --threads 1 (sorted)" "$T/m.1.warn" "$T/m.3.warn"
same "bad input, 3 files: --threads 3 exit status = --threads 1" "$T/m.1.rc" "$T/m.3.rc"
if grep -q 'bad-utf8.*invalid UTF-8\|invalid UTF-8' "$T/m.3.warn" && grep -q "unreadable date" "$T/m.3.warn" &&
    grep -q "missing.jsonl" "$T/m.3.warn"; then
    pass "bad input: --threads 3 prints the document warnings"
else
    fail "bad input: --threads 3 prints the document warnings" "$(cat "$T/m.3.warn")"
fi

# no documents at all
: > "$T/empty.jsonl"
for n in 1 4; do
    "$DYAD" code --format tsv --threads "$n" "$T/empty.jsonl" > "$T/e.$n" 2> "$T/e.$n.err"
done
EMPTY_OK=1 same "empty input: --threads 4 output (none) = --threads 1" "$T/e.1" "$T/e.4"
EMPTY_OK=1 same "empty input: --threads 4 stderr = --threads 1" "$T/e.1.err" "$T/e.4.err"

# ---- (b) GNU parallel --pipe -k ---------------------------------------------
if command -v parallel >/dev/null 2>&1; then
    "$DYAD" code --quiet --threads 1 "$T/in.jsonl" > "$T/p.one"
    parallel --will-cite --pipe -k --block 200k "$DYAD" code --quiet - < "$T/in.jsonl" > "$T/p.par" 2> "$T/p.err"
    same "parallel --pipe -k --block 200k: same events as one process" "$T/p.one" "$T/p.par"
    parallel --will-cite --pipe -k --block 1M "$DYAD" code --quiet --threads 1 - < "$T/in.jsonl" > "$T/p.par1" 2> "$T/p.err"
    same "parallel --pipe -k --block 1M, --threads 1: same events as one process" "$T/p.one" "$T/p.par1"
else
    fail "GNU parallel not installed (Debian package parallel)"
fi

# ---- (c) stdin streaming ----------------------------------------------------
cat "$T/in.jsonl" | "$DYAD" code --quiet - > "$T/s.pipe"
same "cat f.jsonl | dyad code - = dyad code f.jsonl" "$T/a.jsonl.1" "$T/s.pipe"
cat "$T/in.jsonl" | "$DYAD" code --quiet --threads 1 > "$T/s.pipe1"
same "cat f.jsonl | dyad code --threads 1 (no file) = dyad code f.jsonl" "$T/a.jsonl.1" "$T/s.pipe1"
"$DYAD" code --quiet --threads 2 - < "$T/in.jsonl" > "$T/s.redir"
same "dyad code - < f.jsonl = dyad code f.jsonl" "$T/a.jsonl.1" "$T/s.redir"

# ---- progress line ----------------------------------------------------------
if grep -q $'\r' "$T/a.jsonl.2.err" "$T/m.3.err"; then
    fail "no progress line when stderr is not a terminal"
else
    pass "no progress line when stderr is not a terminal"
fi
if command -v script >/dev/null 2>&1; then
    # stderr on a pseudo-terminal; stdout to a file; enough work for a redraw
    SHELL=/bin/sh script -qec "'$DYAD' code --threads 2 '$T/in.jsonl' '$T/in.jsonl' > '$T/t.out'" /dev/null \
        > "$T/t.tty" 2>&1 < /dev/null
    if grep -q 'docs (.*/s), .* sentences (.*/s), .* events, .* elapsed' "$T/t.tty" &&
        grep -q 'ETA' "$T/t.tty" && grep -q $'\r *\r*dyad: [0-9]* documents read' "$T/t.tty"; then
        pass "progress line on a terminal (rate, events, elapsed, ETA), cleared before the summary"
    else
        fail "progress line on a terminal (rate, events, elapsed, ETA), cleared before the summary" \
            "$(tr '\r' '\n' < "$T/t.tty" | tail -n 4)"
    fi
    SHELL=/bin/sh script -qec "'$DYAD' code --quiet '$T/in.jsonl' > /dev/null" /dev/null > "$T/q.tty" 2>&1 < /dev/null
    if [ -s "$T/q.tty" ]; then
        fail "no progress line with --quiet on a terminal" "$(tr '\r' '\n' < "$T/q.tty" | head -n 3)"
    else
        pass "no progress line with --quiet on a terminal"
    fi
    # stdout and stderr both on the terminal: the events are shown, no progress line
    SHELL=/bin/sh script -qec "'$DYAD' code --threads 2 '$T/in.jsonl' '$T/in.jsonl'" /dev/null > "$T/o.tty" 2>&1 < /dev/null
    if grep -q 'elapsed' "$T/o.tty"; then
        fail "no progress line when the events go to the terminal"
    else
        pass "no progress line when the events go to the terminal"
    fi
fi

# ---- write error: status 1, a message, and the counts still add up -----------
if [ -w /dev/full ]; then
    "$DYAD" code --threads 2 "$T/in.jsonl" > /dev/full 2> "$T/full.err"
    rc=$?
    s=$(summary "$T/full.err")
    r=$(sed -n 's/^dyad: \([0-9]*\) documents read, \([0-9]*\) coded, \([0-9]*\) skipped.*/\1 \2 \3/p' <<<"$s")
    if [ $rc -eq 1 ] && grep -q 'write error' "$T/full.err" && [ -n "$r" ] &&
        awk '{ exit !($1 == $2 + $3) }' <<<"$r"; then
        pass "--threads 2 > /dev/full: status 1, write error, read = coded + skipped"
    else
        fail "--threads 2 > /dev/full: status 1, write error, read = coded + skipped" "status $rc; $(cat "$T/full.err")"
    fi
fi

# ---- bad --threads ------------------------------------------------------------
for bad in 0 -1 x 2x; do
    "$DYAD" code --threads "$bad" "$T/in.jsonl" > /dev/null 2> "$T/bad.err"
    rc=$?
    if [ $rc -eq 2 ] && grep -q -- '--threads' "$T/bad.err"; then
        pass "--threads $bad is refused (status 2)"
    else
        fail "--threads $bad is refused (status 2)" "status $rc; $(cat "$T/bad.err")"
    fi
done

# ---- TABARI FORWARD: memory across a batch boundary ----------------------------
# The TABARI validation records FRWD-001-001 and FRWD-001-002 (a leading "He"
# that stands for the previous record's first actor, FOR) are put on either side
# of the threads' first batch boundary (256 documents): every --threads value
# must give the --threads 1 output, with the pronoun forwarded.
REF=${REF:-$ROOT/../shared/reference}
TBV=$REF/gold/tabari_validate.jsonl
if [ -r "$TBV" ] && [ -r "$REF/TABARI-Code/Validate.project" ]; then
    DYAD_CACHE_DIR=$T/cache "$DYAD" dict convert --from tabari "$REF/TABARI-Code/Validate.project" \
        "$T/tabari" > /dev/null 2>&1
    { head -n 430 "$TBV" | tail -n 254; sed -n 431,480p "$TBV"; } > "$T/fwd.jsonl"
    for n in 1 2 4; do
        DYAD_CACHE_DIR=$T/cache "$DYAD" code -q --threads $n --dict "$T/tabari" "$T/fwd.jsonl" \
            > "$T/fwd.$n.jsonl" 2> /dev/null
    done
    same "TABARI FORWARD across a batch boundary: --threads 2 = --threads 1" "$T/fwd.1.jsonl" "$T/fwd.2.jsonl"
    same "TABARI FORWARD across a batch boundary: --threads 4 = --threads 1" "$T/fwd.1.jsonl" "$T/fwd.4.jsonl"
    if grep -q '"doc":"FRWD-001-002".*"source":"FOR"' "$T/fwd.2.jsonl"; then
        pass "TABARI FORWARD: the pronoun after the boundary stands for FOR (--threads 2)"
    else
        fail "TABARI FORWARD: the pronoun after the boundary stands for FOR (--threads 2)" \
            "$(grep FRWD-001-002 "$T/fwd.2.jsonl")"
    fi
else
    fail "TABARI FORWARD across a batch boundary" "$TBV or Validate.project missing"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
