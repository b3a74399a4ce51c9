#!/usr/bin/env bash
# tests/cli.sh DYAD - the first minutes of a newcomer: `--help`/`-h` on every command
# (with examples, exit 0), `dyad help COMMAND`, unknown options and commands answered
# with the nearest one (exit 2), the input kind of stdin sniffed and said in one stderr
# line (and --input obeyed), `dyad eval` scoring at the level its gold file holds,
# plurals in messages, and the dictionary lookup naming every place it looked.
set -uo pipefail
DYAD=${1:-build/bin/dyad}
DYAD=$(cd "$(dirname "$DYAD")" && pwd)/$(basename "$DYAD")
cd "$(dirname "$0")/.."
T=$(mktemp -d /tmp/dyad-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/tap.sh

# --- help on every command
for cmd in code explain "dict check" "dict stats" "dict convert" eval ingest query export report "cache info" "cache clear" version help; do
    for flag in --help -h; do
        # shellcheck disable=SC2086
        "$DYAD" $cmd $flag > "$T/h.out" 2> "$T/h.err"; rc=$?
        check "dyad $cmd $flag: exit 0, usage, examples, nothing on stderr" \
            bash -c "[ $rc -eq 0 ] && grep -q '^usage: dyad $cmd' '$T/h.out' && grep -q '^examples:' '$T/h.out' && [ ! -s '$T/h.err' ]"
    done
    # shellcheck disable=SC2086
    check "dyad help $cmd = dyad $cmd --help" bash -c "cmp -s <('$DYAD' help $cmd) <('$DYAD' $cmd --help)"
done
check "dyad help lists every command" bash -c \
    "out=\$('$DYAD' help); for c in code explain 'dict check' 'dict stats' 'dict convert' eval ingest query export report 'cache info' 'cache clear' version; do grep -q \"  \$c \" <<<\"\$out\" || exit 1; done"
check "dyad code -h is help, not a file named -h" bash -c "'$DYAD' code -h | grep -q -- '--threads N'"
"$DYAD" > "$T/none.out" 2> "$T/none.err"; rc=$?
check "dyad (no command): the list on stderr, exit 2" bash -c "[ $rc -eq 2 ] && grep -q '^commands:' '$T/none.err' && [ ! -s '$T/none.out' ]"

# --- unknown options and commands
unknown() { # NAME EXPECTED-REGEX ARGS...
    local name=$1 want=$2; shift 2
    "$DYAD" "$@" > /dev/null 2> "$T/u.err" < /dev/null; local rc=$?
    if [ $rc -eq 2 ] && grep -Eq "$want" "$T/u.err"; then ok "$name"; else fail "$name" "exit $rc: $(cat "$T/u.err")"; fi
}
unknown "code --thread: suggests --threads" 'unknown option --thread \(did you mean --threads\?\)' code --thread 2
unknown "code --requre-dyad: suggests --require-dyad" 'did you mean --require-dyad\?' code --requre-dyad
unknown "explain --dat: suggests --date" 'explain: unknown option --dat \(did you mean --date\?\)' explain --dat x
unknown "eval --roots: suggests --roots-only" 'eval: unknown option --roots \(did you mean --roots-only\?\)' eval --roots g.jsonl
unknown "dict convert --verb: suggests --verbs" 'did you mean --verbs\?' dict convert --verb x y
unknown "code --zzzzzzzz: no suggestion, points to help" 'unknown option --zzzzzzzz; see dyad help code' code --zzzzzzzz
unknown "exlpain: suggests explain" "unknown command 'exlpain' \(did you mean 'explain'\?\)" exlpain

# --- stdin sniffing
echo '{"id":"j1","date":"20080810","text":"Russia invaded Georgia."}' > "$T/in.jsonl"
printf '<Sentences>\n<Sentence date="20080810" id="x1"><Text>Russia invaded Georgia.</Text></Sentence>\n</Sentences>\n' > "$T/in.xml"
printf 'Russia invaded Georgia.\n' > "$T/in.txt"
sniff() { # NAME FILE KIND-WORDS DOC-ID [ARGS...]
    local name=$1 file=$2 kind=$3 doc=$4; shift 4
    "$DYAD" code --date 2008-08-10 "$@" < "$file" > "$T/s.out" 2> "$T/s.err"
    if [ "$(grep -c 'stdin: reading' "$T/s.err")" -eq 1 ] && grep -q "stdin: reading $kind (" "$T/s.err" &&
        grep -q "\"doc\":\"$doc\".*\"source\":\"RUS\"" "$T/s.out"; then
        ok "$name"
    else
        fail "$name" "$(cat "$T/s.err" "$T/s.out")"
    fi
}
sniff "stdin JSON lines: sniffed, said once, coded" "$T/in.jsonl" "JSON lines" j1
sniff "stdin PETRARCH XML: sniffed, said once, coded" "$T/in.xml" "PETRARCH XML" x1
sniff "stdin text: sniffed, said once, coded" "$T/in.txt" "plain text" -
printf '\xef\xbb\xbf\n\n  {"id":"b1","date":"20080810","text":"Russia invaded Georgia."}\n' > "$T/bom.jsonl"
sniff "stdin JSON lines after a BOM and blank lines" "$T/bom.jsonl" "JSON lines" b1
check "stdin piped (not a file): sniffed the same" bash -c \
    "cat '$T/in.txt' | '$DYAD' code --date 2008-08-10 2>&1 >/dev/null | grep -q 'reading plain text'"
check "stdin: --input jsonl is obeyed (no sniffing line; text is malformed JSON)" bash -c \
    "'$DYAD' code --input jsonl < '$T/in.txt' 2>&1 >/dev/null | grep -v 'stdin: reading' | grep -q 'malformed JSON'"
check "stdin: --quiet says nothing" bash -c "[ -z \"\$('$DYAD' code -q --date 2008-08-10 < '$T/in.txt' 2>&1 >/dev/null)\" ]"
check "stdin: events the same as from the file" bash -c \
    "cmp -s <('$DYAD' code -q < '$T/in.jsonl') <('$DYAD' code -q '$T/in.jsonl')"

# --- eval: the level of the gold file
cat > "$T/roots.jsonl" <<'G'
{"id":"r1","date":"20080810","text":"Russia invaded Georgia.","events":[{"source":"Russia","target":"Georgia","code":"19"}]}
G
cat > "$T/codes.jsonl" <<'G'
{"id":"c1","date":"20080810","text":"Russia invaded Georgia.","events":[{"source":"the Russians","target":"","code":"190"}]}
G
cat > "$T/full.jsonl" <<'G'
{"id":"f1","date":"20080810","text":"Russia invaded Georgia.","events":[{"source":"RUS","target":"GEO","code":"190"}]}
G
level() { # NAME GOLD LEVEL EXACT [ARGS...]
    local name=$1 gold=$2 lvl=$3 exact=$4; shift 4
    "$DYAD" eval "$gold" "$@" > "$T/e.out" 2>&1
    if head -n 1 "$T/e.out" | grep -q "^level: $lvl " && grep -q "^exact sentence match $exact" "$T/e.out"; then
        ok "$name"
    else
        fail "$name" "$(cat "$T/e.out")"
    fi
}
level "eval: two-digit codes and text spans scored as roots (exact 1/1)" "$T/roots.jsonl" roots 1/1
level "eval: text-span actors scored as codes (exact 1/1)" "$T/codes.jsonl" codes 1/1
level "eval: CAMEO actor codes scored in full (exact 1/1)" "$T/full.jsonl" full 1/1
check "eval: --full on a roots gold gives exact 0/1, no level line" bash -c \
    "out=\$('$DYAD' eval '$T/roots.jsonl' --full 2>&1); ! grep -q '^level:' <<<\"\$out\" && grep -q '^exact sentence match 0/1' <<<\"\$out\""

# --- plurals, dictionary lookup
check "summary: 1 document, 1 sentence, 1 event" bash -c \
    "'$DYAD' code '$T/in.jsonl' 2>&1 >/dev/null | grep -q '^dyad: 1 document read, 1 coded, 0 skipped; 1 sentence (0 too long); 1 event (0 without a date)'"
mkdir -p "$T/lone"
cp "$DYAD" "$T/lone/dyad"
check "a lone binary names every place it looked, --dict and DYAD_DICT" bash -c \
    "env -u DYAD_DICT '$T/lone/dyad' code '$T/in.jsonl' 2>&1 >/dev/null | grep -q \"no dictionary folder found: --dict not given, \\\$DYAD_DICT not set, none at $T/lone/../dict, $T/lone/../../dict, $T/lone/../share/dyad/dict, .*/share/dyad/dict; give one with --dict DIR or DYAD_DICT=DIR\""
DYAD_DICT=$T/none "$DYAD" code "$T/in.jsonl" > /dev/null 2> "$T/nodict.err"; rc=$?
check "DYAD_DICT naming no folder: said so, exit 1" bash -c \
    "[ $rc -eq 1 ] && grep -q 'DYAD_DICT=$T/none: no such dictionary folder' '$T/nodict.err'"

tap_end
