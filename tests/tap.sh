# tests/tap.sh - sourced by the install, package and command-line tests: TAP-style
# "ok - NAME" / "not ok - NAME" lines and their counts; tap_end prints the counts
# and exits 1 when a check failed.
pass=0 failn=0
ok() { echo "ok - $1"; pass=$((pass + 1)); }
fail() { echo "not ok - $1"; [ -n "${2:-}" ] && sed 's/^/#   /' <<<"$2"; failn=$((failn + 1)); }
# check NAME COMMAND...: ok when the command succeeds, else its output is shown
check() { local name=$1; shift; if out=$("$@" 2>&1); then ok "$name"; else fail "$name" "$out"; fi; }
tap_end() { echo "$pass passed, $failn failed"; [ "$failn" -eq 0 ]; exit; }
