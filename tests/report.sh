#!/usr/bin/env bash
# tests/report.sh DYAD - `dyad report` on a fixture store with known answers
# (tests/report/fixture.sql), each page opened in headless Chromium: no script error, no
# network request (the page's CSP blocks any and its guard records it), the expected
# counts read from the rendered DOM (tests/report/check_dom.py); a screenshot is saved in
# build/report-test/. A control page with an injected request and script error must be
# caught. Bad arguments and stores give one-line errors.
set -euo pipefail
DYAD=${1:-bin/dyad}
here=$(cd "$(dirname "$0")" && pwd)
out=${REPORT_TEST_DIR:-build/report-test}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CHROMIUM=${CHROMIUM:-chromium}
command -v "$CHROMIUM" >/dev/null || { echo "report test: $CHROMIUM not installed (make report-deps)"; exit 1; }
fail=0

chrome() {   # a fresh profile per run
    local profile
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}

# case NAME 'REPORT OPTIONS' CHECK...: writes the report, renders it, checks the DOM
case_() {
    local name=$1 opts=$2
    shift 2
    # shellcheck disable=SC2086
    "$DYAD" report --db "$db" $opts -o "$out/$name.html"
    chrome --virtual-time-budget=10000 --dump-dom "file://$(realpath "$out/$name.html")${FRAGMENT:-}" \
        > "$tmp/$name.dom"
    if python3 "$here/report/check_dom.py" "$tmp/$name.dom" "$@"; then
        echo "ok   report $name ($(($# + 3)) checks)"
    else
        echo "FAIL report $name"; fail=1
    fi
}

db=$tmp/fixture.db
python3 - "$db" "$here/report/fixture.sql" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1]); con.executescript(open(sys.argv[2]).read()); con.commit()
PY

all_cases() {   # all_cases PREFIX: every case on the store $db
local p=$1
# The whole store (the answers are in the comment at the top of fixture.sql).
case_ ${p}store '' id:n-events=12 id:n-mentions=17 id:n-docs=5 id:n-q1=6 id:n-q2=1 id:n-q3=2 \
    id:n-q4=3 id:goldstein-sum=0.3 id:n-undated=1 id:first-date=2020-09-27 \
    id:last-date=2021-01-05 attr:timeline-note:data-on-timeline=11 bucket:0=11 count:bucket=5 \
    count:edge=9 count:node=7 bar:codes-chart:0=057 bar:codes-chart:1=190 \
    bar:actors-chart:0=ARM bar:actors-chart:1=AZE bar:actors-chart:2=RUS rows=12 \
    attr:table-note:data-left-out=0 attr:shown:data-shown=12 count:ev=15 count:more=1 \
    cell:0:0=2021-01-05 cell:1:0=2021-01 cell:11:0='(undated)' cell:0:3='071 Provide economic aid' \
    cell:5:7='Azerbaijani jets bombed Armenian positions </script><b>despite</b> the truce. [d3, Reuters, 2020-10-15: Strikes continue <despite> "truce"]'
# A dyad: both directions on one time axis, by day (the events span under two months).
case_ ${p}dyad '--dyad arm:AZE' id:n-events=5 id:n-mentions=10 id:n-docs=3 bucket:0=2 bucket:1=3 \
    count:bucket=38 count:panel=2 count:edge=4 rows=5 bar:codes-chart:0=190 cell:0:0=2020-10-15
# An actor in a period: its counterparts.
case_ ${p}actor '--actor AZE --from 2020-10-01 --to 2020-12-31' id:n-events=3 bucket:0=3 \
    bar:actors-chart:0=ARM bar:actors-chart:1=RUS rows=3 cell:2:0=2020-10-10
# A CAMEO root, and a capped table with the note on what was left out.
case_ ${p}root '--root 19 --mentions 1' id:n-events=3 id:n-q4=3 rows=3 count:ev=3 count:more=2
case_ ${p}capped '--max-events 5' id:n-events=12 rows=5 attr:table-note:data-left-out=7 \
    cell:4:1=ARM cell:4:2=- count:ev=5 count:more=0
}
all_cases ''

# A table longer than the rows of the first paint (100): the rest follow, sorted and filtered
# with them. The fixture plus 150 events FRA -> DEU 036 on 2019-01-01 .. 2019-05-30.
cp "$db" "$tmp/long.db"
python3 - "$tmp/long.db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for i in range(150):
    d = "2019-%02d-%02d" % (1 + i // 30, 1 + i % 30)
    con.execute("INSERT INTO events VALUES (?, ?, ?, ?, 2019, 'FRA', 'DEU', '036', '03', 1, 4.0,"
                " 1, 1, 1, ?, ?)", (100 + i, d, int(d.replace("-", "")), int(d[:7].replace("-", "")), d, d))
con.commit()
PY
# Filters and order given in the URL (report.html#actor=RUS&sort=-6), as typed in the page.
FRAGMENT='#actor=rus&sort=-6' case_ filtered '' attr:shown:data-shown=3 visible:0:2=ARM \
    visible:0:3='057 Sign formal agreement' visible:1:2=AZE visible:2:3='036 Express intent to meet or negotiate'
FRAGMENT='#code=19&text=JETS' case_ filtered-text '' attr:shown:data-shown=1 visible:0:0=2020-10-15
db=$tmp/long.db case_ long '' id:n-events=162 rows=162 attr:shown:data-shown=162 cell:161:0='(undated)' \
    cell:11:0=2019-05-30 cell:11:1=FRA cell:161:1=USA
# An empty store: every part says it has nothing, without a script error.
python3 - "$tmp/empty.db" "$here/report/fixture.sql" <<'PY'
import sqlite3, sys
sql = open(sys.argv[2]).read()
con = sqlite3.connect(sys.argv[1]); con.executescript(sql[:sql.index("INSERT INTO documents")]); con.commit()
PY
db=$tmp/empty.db case_ empty '' id:n-events=0 id:n-docs=0 rows=0 count:bucket=0 count:edge=0 \
    attr:timeline-note:data-on-timeline=0 attr:shown:data-shown=0

chrome --screenshot="$(realpath "$out")/dyad.png" --window-size=1400,2400 \
    "file://$(realpath "$out/dyad.html")" >/dev/null
if [ "$(head -c 8 "$out/dyad.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
   [ "$(stat -c %s "$out/dyad.png")" -gt 20000 ]; then
    echo "ok   report screenshot $out/dyad.png"
else
    echo "FAIL report screenshot"; fail=1
fi

# Control: the guard must catch a request and a script error injected into a page.
sed 's|</body>|<img src="http://127.0.0.1:9/pixel.png"><script>notDefined();</script></body>|' \
    "$out/store.html" > "$tmp/control.html"
chrome --dump-dom "file://$tmp/control.html" > "$tmp/control.dom"
control=$(python3 "$here/report/check_dom.py" "$tmp/control.dom" \
       'errors~=blocked request: http://127.0.0.1:9/pixel.png (img-src)' \
       'errors~=script error: Uncaught ReferenceError: notDefined' || true)
if [ "$(echo "$control" | wc -l)" = 1 ] && [[ $control == *"element loads something: <img"* ]]; then
    echo "ok   report control: an injected request and script error are caught"
else
    echo "FAIL report control: $control"; fail=1
fi

# Bad arguments and stores: one-line errors, exit 2 (usage) or 1.
expect() {   # expect STATUS PATTERN ARGS...
    local want=$1 pattern=$2 rc=0
    shift 2
    "$DYAD" report "$@" -o "$tmp/bad.html" 2>"$tmp/err" || rc=$?
    if [ "$rc" = "$want" ] && [ "$(wc -l < "$tmp/err")" -le 2 ] && grep -q -- "$pattern" "$tmp/err" &&
       [ ! -e "$tmp/bad.html" ]; then
        echo "ok   report error: $pattern"
    else
        echo "FAIL report error: $* gave $rc: $(cat "$tmp/err")"; fail=1
    fi
}
expect 2 "takes A:B" --db "$db" --dyad ARM
expect 2 "not an actor code" --db "$db" --actor "A%B"
expect 2 "dates are" --db "$db" --from 2020/01/01
expect 2 "roots are" --db "$db" --root 21
expect 1 "report:" --db "$tmp/missing/none.db"
printf 'not a database at all\n' > "$tmp/junk.db"
expect 1 "report:" --db "$tmp/junk.db"

# The same pages from a PostgreSQL store (tests/store/with_pg.sh sets DYAD_PG_ADMIN).
if [ -n "${DYAD_PG_ADMIN:-}" ]; then
    PGOPTIONS='-c client_min_messages=warning' psql -q -X -v ON_ERROR_STOP=1 "$DYAD_PG_ADMIN" -c 'DROP DATABASE IF EXISTS dyad_report_test' \
        -c 'CREATE DATABASE dyad_report_test' >/dev/null
    db="postgresql://$DYAD_PG_USER@/dyad_report_test?host=$DYAD_PG_HOST&port=$DYAD_PG_PORT"
    psql -q -X -v ON_ERROR_STOP=1 "$db" -f "$here/report/fixture.sql" >/dev/null
    all_cases pg-
else
    echo "note: report not tested on PostgreSQL (run under tests/store/with_pg.sh)"
fi
exit $fail
