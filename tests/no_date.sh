#!/usr/bin/env bash
# tests/no_date.sh [DYAD] -- no silent role errors (issue 14).
#
# Without a document date, dyad takes the date from the text (a dateline, a date in
# the lead), else `dyad code` warns once per run (on any thread count, even with
# --quiet) that actors with dated roles took their undated or latest role; --date or
# a "date" field silences it. `dyad explain` says where the document's date came
# from and, under each actor with dated roles, which role was chosen and why.
# Prints `ok - ...` / `not ok - ...` per check and `N passed, N failed`; exits 1 on
# any failure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DYAD=${1:-$ROOT/bin/dyad}
case $DYAD in /*) ;; *) DYAD=$PWD/$DYAD ;; esac
[ -x "$DYAD" ] || { echo "no_date: $DYAD: not an executable (run make first)" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "not ok - $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | head -n 12 | sed 's/^/#   /'; }
# has DESC FILE TEXT: FILE holds TEXT (a fixed string)
has() { if grep -qF -- "$3" "$2"; then pass "$1"; else fail "$1" "$(cat "$2")"; fi; }
# hasnt DESC FILE TEXT: FILE does not hold TEXT
hasnt() { if grep -qF -- "$3" "$2"; then fail "$1" "$(cat "$2")"; else pass "$1"; fi; }
# count_is DESC FILE TEXT N: TEXT is on exactly N lines of FILE
count_is() {
    local n; n=$(grep -cF -- "$3" "$2" || true)
    if [ "$n" = "$4" ]; then pass "$1"; else fail "$1 (found $n, want $4)" "$(cat "$2")"; fi
}

SAAK='Georgian President Mikheil Saakashvili accused Russia of invading his country.'
# two undated documents with a person of dated roles, one dated by its dateline,
# one with a "date" field, one undated with no person
cat > "$T/docs.jsonl" <<EOF
{"id": "undated-1", "text": "$SAAK"}
{"id": "dateline", "text": "TBILISI, Aug 8, 2008 (Reuters) - $SAAK"}
{"id": "dated", "date": "2008-08-10", "text": "$SAAK"}
{"id": "undated-2", "text": "Tbilisi, Georgia -- $SAAK Saakashvili appealed to NATO for help."}
{"id": "no-person", "text": "Russia invaded Georgia."}
EOF

# -- the warning: once per run, whatever the thread count, even with --quiet
for run in "t1:--threads 1" "t2:--threads 2" "q:--quiet --threads 2"; do
    name=${run%%:*}
    # shellcheck disable=SC2086
    "$DYAD" code ${run#*:} "$T/docs.jsonl" > "$T/$name.out" 2> "$T/$name.err"
    count_is "warning printed once ($name)" "$T/$name.err" "warning: 2 documents had no date" 1
    has "warning counts the mentions ($name)" "$T/$name.err" "3 mentions of actors with dated roles took the undated or latest role"
    has "warning names the fix ($name)" "$T/$name.err" 'give --date YYYY-MM-DD or a "date" field'
done
hasnt "--quiet: no summary" "$T/q.err" "documents read"
cmp -s "$T/t1.out" "$T/t2.out" && pass "same events on 1 and 2 threads" || fail "same events on 1 and 2 threads"

# -- the events: the fallback role undated, the right one when a date is known
python3 - "$T/t1.out" > "$T/roles.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    print(e["doc"], e["source"], e["target"], e["code"], e["date"])
PY
has "undated: the undated role, no date" "$T/roles.txt" "undated-1 GEOOPP RUS 112 None"
has "dateline with a year: its date and role" "$T/roles.txt" "dateline GEOGOV RUS 112 2008-08-08"
has "date field: its date and role" "$T/roles.txt" "dated GEOGOV RUS 112 2008-08-10"

# -- no warning when every document has a date, or no actor has dated roles
"$DYAD" code --date 2008-08-10 "$T/docs.jsonl" > /dev/null 2> "$T/date.err"
hasnt "--date: no warning" "$T/date.err" "had no date"
printf '%s\n' '{"id": "a", "text": "Russia invaded Georgia."}' > "$T/plain.jsonl"
"$DYAD" code "$T/plain.jsonl" > /dev/null 2> "$T/plain.err"
hasnt "no dated roles: no warning" "$T/plain.err" "had no date"

# -- a plain-text file: the dateline's day, the year from the lead
printf 'MOSCOW, March 3 - %s Russia invaded Georgia in 2008.\n' "$SAAK" > "$T/story.txt"
"$DYAD" code "$T/story.txt" > "$T/story.out" 2> "$T/story.err"
has "text file dated by dateline and lead" "$T/story.out" '"date":"2008-03-03","date_precision":"day","source":"GEOGOV"'
hasnt "text file dated: no warning" "$T/story.err" "had no date"

# -- explain: the document's date and each dated role, with why
"$DYAD" explain "$SAAK" > "$T/ex1.txt" 2>&1
has "explain: no document date" "$T/ex1.txt" 'document date: none (no "date" field or --date'
has "explain: the undated role and why" "$T/ex1.txt" "    dated role: GEOOPP (no date: the undated role"
"$DYAD" explain "TBILISI, Aug 8, 2008 (Reuters) - $SAAK" > "$T/ex2.txt" 2>&1
has "explain: date from the dateline" "$T/ex2.txt" 'document date: 2008-08-08 (day), from the dateline "TBILISI, Aug 8, 2008 (Reuters) -"'
has "explain: the role covering the date" "$T/ex2.txt" "    dated role: GEOGOV (2004-01-25..2013-11-17 covers 2008-08-08; the document's date, from the dateline)"
"$DYAD" explain --date 2020-01-01 "$SAAK" > "$T/ex3.txt" 2>&1
has "explain: a given date" "$T/ex3.txt" "document date: 2020-01-01 (day), the document's date"
has "explain: no dated role covers it" "$T/ex3.txt" "    dated role: GEOOPP (no dated role covers 2020-01-01: the undated role; the document's date, given)"
"$DYAD" explain "Russia invaded Georgia in 2008. $SAAK" > "$T/ex4.txt" 2>&1
has "explain: a year in the lead" "$T/ex4.txt" 'document date: 2008 (year), from "in 2008" in the lead'
has "explain: a year taken as 1 July" "$T/ex4.txt" "covers 2008, taken as 2008-07-01; the document's date, from the lead)"
hasnt "explain: no role line for a country" "$T/ex4.txt" "dated role: RUS"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
