#!/usr/bin/env bash
# tests/bad_input.sh [DYAD] -- robustness of `dyad code` against bad input.
#
# Each case runs dyad in a temporary folder and checks the exit status, that
# dyad did not crash (status < 128, no sanitizer report, no timeout), that the
# stderr message names the file (and line), and that the run summary adds up
# (documents read = coded + skipped, and the skipped breakdown sums to skipped).
# Prints `ok - ...` / `not ok - ...` per check and `N passed, N failed`;
# exits 1 on any failure.  Needs python3 (for UTF-8, JSON and CSV checks).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${1:-$ROOT/bin/dyad}
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac
TIMEOUT=${TIMEOUT:-120}

if [ ! -x "$DYAD" ]; then
    echo "bad_input: $DYAD: not an executable (run make first)" >&2
    exit 1
fi
command -v python3 >/dev/null || { echo "bad_input: python3 needed" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() {
    FAILED=$((FAILED + 1)); echo "not ok - $1"
    if [ -n "${2:-}" ]; then printf '%s\n' "$2" | head -n 8 | sed 's/^/#   /'; fi
}
# check DESC CMD...: pass if CMD succeeds
check() { local d=$1; shift; if "$@"; then pass "$d"; else fail "$d" "$(ctx)"; fi; }

CUR=          # name of the last run, for diagnostics
ctx() { [ -n "$CUR" ] && { echo "exit status $RC; stderr:"; cat "$T/$CUR.err"; }; true; }

# run NAME STDIN ARG...: runs `DYAD ARG...` in $T, stdout in $T/NAME.out,
# stderr in $T/NAME.err; STDIN empty = /dev/null, else a file piped through
# cat.  Sets RC and SECS (elapsed seconds, integer).
RC=0
SECS=0
run() {
    local name=$1 in=$2; shift 2
    local t0=$SECONDS
    CUR=$name
    set +e
    if [ -z "$in" ]; then
        (cd "$T" && timeout "$TIMEOUT" "$DYAD" "$@" < /dev/null > "$name.out" 2> "$name.err")
        RC=$?
    else
        (cd "$T" && cat "$in" | timeout "$TIMEOUT" "$DYAD" "$@" > "$name.out" 2> "$name.err")
        RC=$?
    fi
    set -e
    SECS=$((SECONDS - t0))
}

# ---- predicates on the last run ---------------------------------------------
err_has() { grep -Eq -- "$1" "$T/$CUR.err"; }
no_crash() {
    [ "$RC" -lt 128 ] && [ "$RC" -ne 124 ] &&
        ! grep -Eq 'Sanitizer|runtime error:|Segmentation|Aborted|core dumped' "$T/$CUR.err"
}
summary() { grep -E '^dyad: [0-9]+ documents* read' "$T/$CUR.err" | tail -n 1; }
# sum_field WORD: the number before WORD in the summary line
sum_field() { summary | sed -n "s/.*[^0-9]\([0-9][0-9]*\) $1.*/\1/p; s/^dyad: \([0-9][0-9]*\) $1.*/\1/p" | head -n 1; }
counts_add_up() {
    local s r c k b
    s=$(summary); [ -n "$s" ] || return 1
    r=$(sed -n 's/^dyad: \([0-9]*\) documents* read.*/\1/p' <<<"$s")
    c=$(sed -n 's/.*read, \([0-9]*\) coded.*/\1/p' <<<"$s")
    k=$(sed -n 's/.*coded, \([0-9]*\) skipped.*/\1/p' <<<"$s")
    [ -n "$r" ] && [ -n "$c" ] && [ -n "$k" ] && [ "$r" -eq $((c + k)) ] || return 1
    # breakdown "(1 malformed JSON, 2 binary)" must sum to skipped
    b=$(sed -n 's/.*skipped (\([^)]*\)).*/\1/p' <<<"$s" | tr ',' '\n' | awk '{ n += $1 } END { print n + 0 }')
    [ "$k" -eq 0 ] && ! grep -q 'skipped (' <<<"$s" && return 0
    [ "$b" -eq "$k" ]
}
summary_is() {  # READ CODED SKIPPED
    local s; s=$(summary)
    grep -Eq "^dyad: $1 documents* read, $2 coded, $3 skipped" <<<"$s"
}
too_long_at_least() { local n; n=$(summary | sed -n 's/.*(\([0-9]*\) too long).*/\1/p'); [ -n "$n" ] && [ "$n" -ge "$1" ]; }
events() { grep -c . "$T/$CUR.out" || true; }
events_are() { [ "$(events)" -eq "$1" ]; }
events_at_least() { [ "$(events)" -ge "$1" ]; }
has_doc() { grep -q "\"doc\":\"$1\"" "$T/$CUR.out"; }
stdout_valid_utf8() { python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' < "$T/$CUR.out" 2>/dev/null; }
stdout_valid_jsonl() {
    python3 -c '
import json, sys
for line in sys.stdin.buffer:
    json.loads(line.decode("utf-8"))' < "$T/$CUR.out" 2>/dev/null
}
status_is() { [ "$RC" -eq "$1" ]; }

# common CASE STATUS: exit status, no crash, summary present and adding up
common() {
    check "$1: exit status $2" status_is "$2"
    check "$1: no crash (status < 128, no sanitizer report, no timeout)" no_crash
    check "$1: summary counts add up (read = coded + skipped)" counts_add_up
}

# ---- input files ---------------------------------------------------------------
cd "$T"
G1='{"id":"g1","date":"2020-01-01","text":"Russia attacked Georgia on Monday."}'
G2='{"id":"g2","date":"2020-01-02","text":"France criticized Germany."}'
G3='{"id":"g3","date":"2020-01-03","text":"Israel accused Iran."}'
printf 'Russia attacked Georgia \xff\xfe on Monday.' > bad_utf8.txt
printf '{"id":"u1","date":"2020-01-01","text":"Russia attacked Georgia \xff on Monday."}\n' > bad_utf8.jsonl
printf '%s\n{"id":"n2","date":"2020-01-01","text":"Russia \000 attacked Georgia."}\n%s\n' "$G1" "$G3" > nul.jsonl
printf 'Russia attacked \000 Georgia.' > nul.txt
printf 'France criticized Germany.\n' > good.txt
: > empty.txt
yes 'word ' | tr -d '\n' | head -c 52428800 > big.txt || true
{ printf '{"id":"big","date":"2020-01-01","text":"'; cat big.txt; printf '"}\n%s\n' "$G1"; } > big.jsonl
printf '%s\n%s\n%s\n' "$G1" "$G2" "$G3" > docs.jsonl
cat > mixed.jsonl <<EOF
$G1
not json
$G2
{"id":"x","text":"abc
{"id":"z","date":"2020-01-01","text":"Russia attacked Georgia."} xyz

{"id":"y","date":"2020-01-01"}
[1,2]
$G3
EOF
printf '%s\n{"id":"d2","date":"yesterday","text":"France criticized Germany."}\n' "$G1" > date.jsonl
cat > fmt.jsonl <<'EOF'
{"id":"f1","date":"2020-01-01","text":"Russia attacked Georgia, the ministry said."}
{"id":"f2","date":"2020-01-02","text":"Israel accused Iran of \"terrorism\" on Tuesday."}
{"id":"f3","date":"2020-01-03","text":"France criticized Germany.\tGermany denied it."}
{"id":"f4","date":"2020-01-04","text":"Nothing happened here."}
EOF
cd - > /dev/null

# ---- 1. invalid UTF-8 -----------------------------------------------------------
run utf8_txt "" code --date 2020-01-06 bad_utf8.txt
common "invalid UTF-8 (text)" 0
check "invalid UTF-8 (text): warning 'bad_utf8.txt:1: 2 invalid UTF-8 bytes replaced'" \
    err_has '^dyad: warning: bad_utf8\.txt:1: 2 invalid UTF-8 bytes replaced'
check "invalid UTF-8 (text): 1 read, 1 coded, 0 skipped" summary_is 1 1 0
check "invalid UTF-8 (text): coded (1 event)" events_are 1
check "invalid UTF-8 (text): output is valid UTF-8" stdout_valid_utf8

run utf8_jsonl "" code bad_utf8.jsonl
common "invalid UTF-8 (JSONL)" 0
check "invalid UTF-8 (JSONL): warning 'bad_utf8.jsonl:1: 1 invalid UTF-8 byte replaced'" \
    err_has '^dyad: warning: bad_utf8\.jsonl:1: 1 invalid UTF-8 byte replaced'
check "invalid UTF-8 (JSONL): coded (1 event)" events_are 1
check "invalid UTF-8 (JSONL): output is valid UTF-8 JSON lines" stdout_valid_jsonl

# ---- 2. NUL bytes -----------------------------------------------------------------
run nul_jsonl "" code nul.jsonl
common "NUL in JSONL" 0
check "NUL in JSONL: warning names nul.jsonl:2 with NUL/binary, skipped" \
    err_has '^dyad: warning: nul\.jsonl:2: .*(NUL|nul|binary).*skipped'
check "NUL in JSONL: 3 read, 2 coded, 1 skipped" summary_is 3 2 1
check "NUL in JSONL: document g1 coded" has_doc g1
check "NUL in JSONL: document g3 coded" has_doc g3
check "NUL in JSONL: document n2 not coded" eval '! has_doc n2'

run nul_txt "" code --date 2020-01-01 nul.txt good.txt
common "NUL in text file" 0
check "NUL in text file: warning names nul.txt:1 with NUL/binary, skipped" \
    err_has '^dyad: warning: nul\.txt:1: .*(NUL|nul|binary).*skipped'
check "NUL in text file: 2 read, 1 coded, 1 skipped" summary_is 2 1 1
check "NUL in text file: the other file (good.txt) coded" has_doc good.txt
check "NUL in text file: nul.txt not coded" eval '! has_doc nul.txt'

# ---- 3. empty file -----------------------------------------------------------------
run empty "" code empty.txt
common "empty file" 0
check "empty file: warning names empty.txt, empty" err_has '^dyad: warning: empty\.txt(:1)?: .*empty'
check "empty file: 1 read, 0 coded, 1 skipped" summary_is 1 0 1
check "empty file: (1 empty) in summary" err_has 'skipped \(1 empty\)'
check "empty file: no events" events_are 0

# ---- 4. 50 MB single line ----------------------------------------------------------
run big_txt "" code big.txt
common "50 MB text line" 0
check "50 MB text line: warning 'big.txt:1: too large', skipped" \
    err_has '^dyad: warning: big\.txt:1: .*too large.*skipped'
check "50 MB text line: 1 read, 0 coded, 1 skipped" summary_is 1 0 1
check "50 MB text line: done within 30 s (took ${SECS} s)" [ "$SECS" -le 30 ]

run big_jsonl "" code big.jsonl
common "50 MB JSONL text" 0
check "50 MB JSONL text: warning 'big.jsonl:1: too large', skipped" \
    err_has '^dyad: warning: big\.jsonl:1: .*too large.*skipped'
check "50 MB JSONL text: 2 read, 1 coded, 1 skipped" summary_is 2 1 1
check "50 MB JSONL text: next line (g1) coded" has_doc g1
check "50 MB JSONL text: done within 30 s (took ${SECS} s)" [ "$SECS" -le 30 ]

run big_txt_limit "" code --max-doc-bytes 60000000 big.txt
common "50 MB text, --max-doc-bytes 60000000" 0
check "50 MB text, --max-doc-bytes 60000000: 1 read, 1 coded, 0 skipped" summary_is 1 1 0
check "50 MB text, --max-doc-bytes 60000000: >= 1 sentence too long" too_long_at_least 1
check "50 MB text, --max-doc-bytes 60000000: no events" events_are 0
check "50 MB text, --max-doc-bytes 60000000: done within 60 s (took ${SECS} s)" [ "$SECS" -le 60 ]

# ---- 5. missing file -----------------------------------------------------------------
run missing "" code --date 2020-01-01 docs.jsonl missing.jsonl good.txt
common "missing file" 1
check "missing file: one-line message naming missing.jsonl" \
    eval '[ "$(grep -c "missing\.jsonl" "$T/missing.err")" -eq 1 ] && err_has "^dyad: .*missing\.jsonl"'
check "missing file: files before it coded (g1, g2, g3)" eval 'has_doc g1 && has_doc g2 && has_doc g3'
check "missing file: file after it coded (good.txt)" has_doc good.txt
check "missing file: summary counts it (5 read, 4 coded, 1 skipped)" summary_is 5 4 1

# ---- 6. malformed JSON lines -----------------------------------------------------------
run mixed "" code mixed.jsonl
common "malformed JSON" 0
for n in 2 4 5; do
    check "malformed JSON: line $n named as mixed.jsonl:$n (malformed), skipped" \
        err_has "^dyad: warning: mixed\.jsonl:$n: .*malformed.*skipped"
done
for n in 7 8; do
    check "malformed JSON: line $n (no text) named as mixed.jsonl:$n, skipped" \
        err_has "^dyad: warning: mixed\.jsonl:$n: .*skipped"
done
check "malformed JSON: good lines coded (g1, g2, g3)" eval 'has_doc g1 && has_doc g2 && has_doc g3'
check "malformed JSON: 3 coded, 5 skipped" summary_is 8 3 5
check "malformed JSON: (3 malformed JSON) in summary" err_has '3 malformed JSON'

# ---- 7. unreadable date ------------------------------------------------------------------
run date "" code date.jsonl
common "unreadable date" 0
check "unreadable date: warning names date.jsonl:2 and the date" \
    err_has "^dyad: warning: date\.jsonl:2: .*date.*yesterday|^dyad: warning: date\.jsonl:2: .*yesterday.*date"
check "unreadable date: 2 read, 2 coded, 0 skipped" summary_is 2 2 0
check "unreadable date: document d2 still coded" has_doc d2

# ---- 8. stdin ------------------------------------------------------------------------------
run stdin_file "" code docs.jsonl
common "stdin (file run)" 0
run stdin_pipe "$T/docs.jsonl" code -
common "stdin (cat | dyad code -)" 0
check "stdin: events present" events_at_least 1
check "stdin: same events as from the file" cmp -s "$T/stdin_file.out" "$T/stdin_pipe.out"
check "stdin: same summary as from the file" \
    eval '[ "$(grep "documents* read" "$T/stdin_file.err")" = "$(grep "documents* read" "$T/stdin_pipe.err")" ]'

# ---- 9. TSV and CSV ------------------------------------------------------------------------
run fmt_jsonl "" code fmt.jsonl
common "formats (jsonl)" 0
NJ=$(events)
check "formats: JSONL has events ($NJ)" [ "$NJ" -ge 2 ]
check "formats: JSONL output is valid JSON lines" stdout_valid_jsonl

run fmt_tsv "" code --format tsv fmt.jsonl
common "formats (tsv)" 0
check "formats: TSV = header + one line per event ($NJ)" [ "$(events)" -eq $((NJ + 1)) ]
check "formats: TSV header starts with 'doc<TAB>'" eval 'head -n 1 "$T/fmt_tsv.out" | grep -q "^doc	"'
check "formats: TSV lines all have the header's field count" \
    eval '[ "$(awk -F"\t" "{ print NF }" "$T/fmt_tsv.out" | sort -u | wc -l)" -eq 1 ]'

run fmt_csv "" code --format csv fmt.jsonl
common "formats (csv)" 0
check "formats: CSV = header + one line per event ($NJ)" [ "$(events)" -eq $((NJ + 1)) ]
csv_ok() { python3 -c "$@" 2>&1 | sed 's/^/#   /'; return "${PIPESTATUS[0]}"; }
check "formats: CSV parses as header + $NJ records of equal width" csv_ok '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows and rows[0][0] == "doc", rows[:1]
assert len(rows) == int(sys.argv[2]) + 1, len(rows)
assert len({len(r) for r in rows}) == 1, {len(r) for r in rows}
' "$T/fmt_csv.out" "$NJ"

# ---- result ------------------------------------------------------------------------------------
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
