#!/usr/bin/env bash
# tests/install.sh - `make install DESTDIR=$T PREFIX=/usr`, then the installed files
# used as a user would: the binary run from another folder with an empty HOME codes a
# document with the installed dictionaries; both man pages render; the bash
# completion loads; a C and a C++ program built with pkg-config link (shared and
# static) and code a sentence; `make uninstall` leaves nothing behind.
set -uo pipefail
cd "$(dirname "$0")/.."
T=$(mktemp -d /tmp/dyad-install-XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/tap.sh

D=$T/root
mkdir -p "$T/home" "$T/work"
# build-install starts as a copy of the checkout's build (same sources and flags, times
# kept), so that make rebuilds only the two objects that hold PREFIX and relinks
if [ -d build/lib ] && [ ! -e build-install ]; then
    mkdir build-install && cp -a build/lib build/cli build/store build/report build-install/ 2>/dev/null || rm -rf build-install
fi
if ! make --no-print-directory install DESTDIR="$D" PREFIX=/usr BUILD=build-install > "$T/install.log" 2>&1; then
    fail "make install DESTDIR PREFIX=/usr" "$(tail -n 20 "$T/install.log")"
    tap_end
fi
ok "make install DESTDIR PREFIX=/usr"
for f in usr/bin/dyad usr/lib/libdyad.a usr/lib/libdyad.so usr/lib/pkgconfig/dyad.pc usr/include/dyad.h \
         usr/share/dyad/dict/cameo.verbs usr/share/man/man1/dyad.1 usr/share/man/man5/dyad-dict.5 \
         usr/share/bash-completion/completions/dyad; do
    [ -e "$D/$f" ] || fail "installed: /$f"
done
check "the shared library has its soname" \
    bash -c "objdump -p '$D/usr/lib/libdyad.so' | grep -q 'SONAME *libdyad.so.[0-9]'"

# the installed binary, from another folder, empty HOME, no DYAD_* variables
run() { (cd "$T/work" && env -u DYAD_DICT -u DYAD_CACHE_DIR -u XDG_CACHE_HOME HOME="$T/home" "$@"); }
run "$D/usr/bin/dyad" code --date 2008-08-10 "$OLDPWD/examples/georgia_russia_2008.txt" > "$T/events" 2> "$T/err"
check "installed dyad codes a document with the installed dictionaries" \
    bash -c "grep -q '\"source\":\"RUS\"' '$T/events'"
check "installed dyad: run summary" grep -q 'documents* read, 1 coded' "$T/err"
run bash -c "echo 'Russia invaded Georgia.' | '$D/usr/bin/dyad' code --date 2008-08-10" > "$T/stdin.out" 2> "$T/stdin.err"
check "installed dyad: text on stdin sniffed and coded" \
    bash -c "grep -q 'reading plain text' '$T/stdin.err' && grep -q '\"code\":\"19' '$T/stdin.out'"
check "installed dyad help code" run "$D/usr/bin/dyad" help code
# a copied binary with no dictionaries beside it names every place it looked
cp "$D/usr/bin/dyad" "$T/work/dyad"
run ./dyad code --date 2008-08-10 "$OLDPWD/examples/georgia_russia_2008.txt" > /dev/null 2> "$T/nodict.err"
check "a lone binary names every place it looked for dictionaries" \
    bash -c "grep -q 'no dictionary folder found' '$T/nodict.err' && grep -q '$T/work/../dict' '$T/nodict.err' \
             && grep -q '/usr/share/dyad/dict' '$T/nodict.err' && grep -q 'DYAD_DICT' '$T/nodict.err' && grep -q -- '--dict' '$T/nodict.err'"

if command -v man >/dev/null; then
    check "man -l dyad.1 renders" bash -c "MANWIDTH=80 man -l '$D/usr/share/man/man1/dyad.1' 2>&1 | grep -q 'EXIT STATUS'"
    check "man -l dyad-dict.5 renders" bash -c "MANWIDTH=80 man -l '$D/usr/share/man/man5/dyad-dict.5' 2>&1 | grep -q 'FILE KINDS'"
    check "man pages: no groff warnings" \
        bash -c "! { LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$D/usr/share/man/man1/dyad.1' '$D/usr/share/man/man5/dyad-dict.5' 2>&1 >/dev/null | grep .; }"
else
    fail "man is installed (package man-db)"
fi
check "bash completion completes commands" \
    bash -c "source '$D/usr/share/bash-completion/completions/dyad'; COMP_WORDS=(dyad co); COMP_CWORD=1; _dyad; [ \"\${COMPREPLY[*]}\" = code ]"

# C and C++ programs through pkg-config, against the staged tree
export PKG_CONFIG_PATH=$D/usr/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$D
cflags=$(pkg-config --cflags dyad) libs=$(pkg-config --libs dyad) static=$(pkg-config --static --libs dyad)
program() { # NAME COMPILER-AND-FLAGS... : builds examples/code_sentence.c and runs it
    local name=$1; shift
    if ! "$@" > "$T/$name.cc.log" 2>&1; then fail "$name: builds with pkg-config" "$(cat "$T/$name.cc.log")"; return; fi
    ok "$name: builds with pkg-config"
    run env LD_LIBRARY_PATH="$D/usr/lib" DYAD_DICT="$D/usr/share/dyad/dict" "$T/$name" > "$T/$name.out" 2>&1
    check "$name: codes a sentence" grep -q '^RUS 19[0-9]* GEO' "$T/$name.out"
}
program c-shared cc -std=c11 -Wall -Wextra -Werror examples/code_sentence.c $cflags $libs -o "$T/c-shared"
program cxx-shared c++ -Wall -Wextra -Werror -x c++ examples/code_sentence.c -x none $cflags $libs -o "$T/cxx-shared"
program c-static cc -std=c11 -static-libgcc examples/code_sentence.c $cflags -Wl,-Bstatic -ldyad -Wl,-Bdynamic \
    $(pkg-config --static --libs-only-other --libs-only-l dyad | sed 's/-ldyad//') -L"$D/usr/lib" -o "$T/c-static"
check "pkg-config --static adds jansson, pthread, m" bash -c "grep -q -- -ljansson <<<'$static' && grep -q -- -lm <<<'$static'"

make --no-print-directory uninstall DESTDIR="$D" PREFIX=/usr BUILD=build-install > "$T/uninstall.log" 2>&1
left=$(find "$D" -type f -o -type l)
if [ -z "$left" ]; then ok "make uninstall removes every file"; else fail "make uninstall removes every file" "$left"; fi

tap_end
