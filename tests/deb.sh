#!/usr/bin/env bash
# tests/deb.sh - the Debian packages: built from a copy of the tree with
# `dpkg-buildpackage -us -uc -b`, checked by lintian (no errors), installed with
# `apt-get install ./*.deb`, used (dyad code from another folder with an empty HOME;
# a C and a C++ program built with pkg-config against the installed files), and
# removed cleanly (purge leaves no file of theirs). Needs root and `make install-test-deps`.
set -uo pipefail
cd "$(dirname "$0")/.."
T=$(mktemp -d /tmp/dyad-deb-XXXXXX)
trap 'rm -rf "$T"' EXIT
. tests/tap.sh
APT=(apt-get -y -qq -o DPkg::Lock::Timeout=300)
export DEBIAN_FRONTEND=noninteractive

# the tree without build products, so that the build starts clean
mkdir -p "$T/src"
tar -c --exclude=./.git --exclude=./build --exclude='./build-*' --exclude=./bin --exclude=./lib \
    --exclude=./bench/data . | tar -x -C "$T/src"
if (cd "$T/src" && dpkg-buildpackage -us -uc -b -j"$(nproc)") > "$T/build.log" 2>&1; then
    ok "dpkg-buildpackage -us -uc -b"
else
    fail "dpkg-buildpackage -us -uc -b" "$(tail -n 30 "$T/build.log")"; tap_end
fi
for p in dyad libdyad0 libdyad-dev; do
    ls "$T"/${p}_*.deb > /dev/null 2>&1 || fail "package $p built"
done
check "dyad package: binary, dictionaries, man pages, completion" \
    bash -c "dpkg -c $T/dyad_*.deb | grep -q ' ./usr/bin/dyad$' && dpkg -c $T/dyad_*.deb | grep -q 'usr/share/dyad/dict/people.actors' \
             && dpkg -c $T/dyad_*.deb | grep -q 'man1/dyad.1' && dpkg -c $T/dyad_*.deb | grep -q 'completions/dyad'"
check "libdyad-dev package: header, static library, pkg-config file" \
    bash -c "dpkg -c $T/libdyad-dev_*.deb | grep -q 'include/dyad.h' && dpkg -c $T/libdyad-dev_*.deb | grep -q 'libdyad.a' \
             && dpkg -c $T/libdyad-dev_*.deb | grep -q 'pkgconfig/dyad.pc'"
lintian --tag-display-limit 0 "$T"/*.changes > "$T/lintian.log" 2>&1
lrc=$?
if [ "$lrc" -gt 1 ]; then
    fail "lintian ran (status $lrc)" "$(tail -n 20 "$T/lintian.log")"
elif grep -q '^E:' "$T/lintian.log"; then
    fail "lintian: no errors" "$(grep '^E:' "$T/lintian.log")"
else
    ok "lintian: no errors ($(grep -c '^W:' "$T/lintian.log") warnings)"
fi

if ! "${APT[@]}" install "$T"/dyad_*.deb "$T"/libdyad0_*.deb "$T"/libdyad-dev_*.deb > "$T/install.log" 2>&1; then
    fail "apt-get install ./*.deb" "$(tail -n 20 "$T/install.log")"; tap_end
fi
ok "apt-get install ./*.deb"
mkdir -p "$T/home" "$T/work"
run() { (cd "$T/work" && env -u DYAD_DICT -u DYAD_CACHE_DIR -u XDG_CACHE_HOME HOME="$T/home" "$@"); }
check "installed dyad codes a sentence with /usr/share/dyad/dict" \
    run bash -c "echo 'Russia invaded Georgia.' | /usr/bin/dyad code --date 2008-08-10 | grep -q '\"source\":\"RUS\"'"
check "man dyad finds the installed page" bash -c "MANWIDTH=80 man dyad 2>/dev/null | grep -q 'EXIT STATUS'"
src=$PWD/examples/code_sentence.c
check "C program built with pkg-config codes a sentence" run bash -c \
    "cc -std=c11 -Wall -Werror '$src' \$(pkg-config --cflags --libs dyad) -o prog_c && ./prog_c | grep -q '^RUS 19[0-9]* GEO'"
check "C++ program built with pkg-config codes a sentence" run bash -c \
    "c++ -Wall -Werror -x c++ '$src' -x none \$(pkg-config --cflags --libs dyad) -o prog_cxx && ./prog_cxx | grep -q '^RUS 19[0-9]* GEO'"

if "${APT[@]}" purge dyad libdyad0 libdyad-dev > "$T/remove.log" 2>&1; then
    ok "apt-get purge dyad libdyad0 libdyad-dev"
else
    fail "apt-get purge dyad libdyad0 libdyad-dev" "$(tail -n 20 "$T/remove.log")"
fi
check "removed cleanly: no dyad files left" \
    bash -c "! ls /usr/bin/dyad /usr/share/dyad /usr/include/dyad.h /usr/share/man/man1/dyad.1.gz 2>/dev/null | grep ."
tap_end
