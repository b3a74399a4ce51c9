# dyad - build, test, benchmark. `make demo` and `make test` do all the set-up.
CC      ?= cc
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Iinclude $(LIB_DIRS:%=-I%) -Isrc/cli
LDLIBS  += -ljansson -lsodium -lutf8proc -lpthread -lm
# the library's folders (src/lib/*/README.md says what flows in and out of each)
LIB_DIRS = src/lib src/lib/pipeline src/lib/dict src/lib/tabari src/lib/convert
# Debian packages: to build and run dyad (DEB_PKGS, `make deps`), and only to test it
# (TEST_DEB_PKGS, `make test-deps`). Plain `make` never installs anything.
DEB_PKGS = build-essential libjansson-dev libsodium-dev libutf8proc-dev liblingua-en-tagger-perl wordnet-base iso-codes
TEST_DEB_PKGS = clang libcmocka-dev python3 time parallel

LIB_SRC  := $(wildcard $(LIB_DIRS:%=%/*.c))
LIB_HDR  := $(wildcard $(LIB_DIRS:%=%/*.h))
CLI_SRC  := $(wildcard src/cli/*.c)
BUILD    ?= build
LIB_OBJ  := $(LIB_SRC:src/lib/%.c=$(BUILD)/lib/%.o)
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o)

# --- dyad report (src/report/): its objects join the command line's; the page's style
# sheet and scripts (src/report/assets/) become C strings in $(BUILD)/report/assets.c.
REPORT_SRC    := $(wildcard src/report/*.c)
REPORT_ASSETS := src/report/assets/guard.js src/report/assets/report.css src/report/assets/report.js
REPORT_OBJ    := $(REPORT_SRC:src/report/%.c=$(BUILD)/report/%.o) $(BUILD)/report/assets.o
CLI_OBJ       += $(REPORT_OBJ)
override CFLAGS += -Isrc/report -Isrc/store
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DYAD     := $(BUILD)/bin/dyad

.PHONY: all deps demo test unit sentences badinput bench eval clean sanitize

all: depcheck $(DYAD) bin/dyad

# Packages: `make` only checks (and says which `make deps` would install); `make
# deps` and `make test-deps` install what is missing, explicitly, printing the
# packages and apt-get's output (as root; a user runs them with sudo).
define missing_pkgs
$(shell for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)
endef
define install_pkgs
	@missing="$(strip $(call missing_pkgs,$(1)))"; \
	if [ -z "$$missing" ]; then echo "$@: all installed: $(1)"; \
	elif [ "$$(id -u)" != 0 ]; then echo "$@: missing: $$missing; run: sudo make $@" >&2; exit 1; \
	else echo "$@: installing: $$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; fi
endef
# A test target's own check: the test-only packages it needs, else an error naming them.
define require_pkgs
	@missing="$(strip $(call missing_pkgs,$(1)))"; \
	if [ -n "$$missing" ]; then echo "make $@: missing Debian packages: $$missing (make test-deps installs them)" >&2; exit 1; fi
endef
.PHONY: depcheck test-deps
depcheck:
	@missing="$(strip $(call missing_pkgs,$(DEB_PKGS)))"; \
	if [ -n "$$missing" ]; then echo "make: missing Debian packages: $$missing (make deps installs them)" >&2; exit 1; fi
deps:
	$(call install_pkgs,$(DEB_PKGS))
test-deps:
	$(call install_pkgs,$(TEST_DEB_PKGS))

$(BUILD)/lib/%.o: src/lib/%.c $(LIB_HDR) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -c $< -o $@

# The cache's build id (src/lib/dict/cache.c) changes whenever any library source does:
# it is a hash of the sources (not of the clock), passed as DYAD_SOURCE_ID.
$(BUILD)/lib/dict/cache.o: $(filter-out src/lib/dict/cache.c,$(LIB_SRC))
$(BUILD)/lib/dict/cache.o: CFLAGS += -DDYAD_SOURCE_ID='"$(shell cat $(sort $(LIB_SRC) $(LIB_HDR)) include/dyad.h | cksum | tr ' ' -)"'

$(BUILD)/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h) $(LIB_HDR) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# The archive is made anew (rm first): a module renamed or removed must not stay in
# it, with its old symbols, from an earlier build.
$(BUILD)/libdyad.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@rm -f $@
	ar rcs $@ $^

$(DYAD): $(CLI_OBJ) $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

bin/dyad: $(DYAD)
	@mkdir -p bin lib
	cp $(DYAD) bin/dyad.tmp && mv bin/dyad.tmp bin/dyad
	cp $(BUILD)/libdyad.a lib/libdyad.a

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdyad.a $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ)) $(BUILD)/libdyad.a $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

clean:
	rm -rf build bin lib

# The libraries libdyad.a needs (python/setup.py links the extension with them).
.PHONY: print-ldlibs
print-ldlibs:
	@echo $(LDLIBS)

$(BUILD)/tests/check_sentences: tests/check_sentences.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

# dyad's own test set: every sentence must code as expected
sentences: $(BUILD)/tests/check_sentences
	$(BUILD)/tests/check_sentences dict tests/sentences/*.jsonl

# Each stage of dyad's pipeline at its own boundary (tests/check_stages.c): tags,
# re-tags, actors, verb groups, candidates and events of tests/stages/sentences.tsv
# against tests/stages/golden/; a change in one stage shows as a diff in its file.
# `make stages-update` rewrites the golden files (review the diff before committing).
.PHONY: stages stages-update
$(BUILD)/tests/check_stages: tests/check_stages.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

stages: $(BUILD)/tests/check_stages
	@rm -rf $(BUILD)/stages && mkdir -p $(BUILD)/stages
	$(BUILD)/tests/check_stages dict tests/stages/sentences.tsv $(BUILD)/stages
	diff -r -u tests/stages/golden $(BUILD)/stages && echo "stages: every stage as in tests/stages/golden"

stages-update: $(BUILD)/tests/check_stages
	@mkdir -p tests/stages/golden
	$(BUILD)/tests/check_stages dict tests/stages/sentences.tsv tests/stages/golden

# Bad input: invalid UTF-8, NUL bytes, empty and huge files, missing files, malformed JSON
badinput: $(DYAD)
	bash tests/bad_input.sh $(DYAD)

# Everything a change must pass: unit tests, dyad's own sentences, bad input,
# clean builds under gcc and clang.
test:
	$(MAKE) --no-print-directory deps test-deps
	$(MAKE) all
	$(MAKE) --no-print-directory --output-sync=target test-runs
	$(MAKE) store-test
	$(MAKE) report-test
	$(MAKE) python-test
	@echo "make test: all passed"

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize:
	$(MAKE) BUILD=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" build-san/bin/dyad build-san/tests/check_sentences $(UNIT_SRC:tests/unit/%.c=build-san/tests/%)
	$(MAKE) --no-print-directory --output-sync=target san-run

# Codes the bundled example articles and prints their events.
demo:
	$(MAKE) --no-print-directory deps
	$(MAKE) all
	@echo "== bin/dyad code --format tsv examples/articles.jsonl  (columns: doc, date, source, target, code, verb)"
	@bin/dyad code --format tsv examples/articles.jsonl | cut -f1,3,5,6,7,12
	@echo "== bin/dyad ingest examples/articles.jsonl  (into the default store: \$$DYAD_DB, else dyad.db here)"
	@bin/dyad ingest examples/articles.jsonl
	@echo "== bin/dyad query --by dyad --limit 8  (top dyads)"
	@bin/dyad query --by dyad --limit 8
	@echo "== bin/dyad query --by month  (events by month)"
	@bin/dyad query --by month
	@echo "== bin/dyad report -o report.html  (the store's HTML report: open it in a browser)"
	@bin/dyad report -o report.html

# Speed on real news text: sentences/s, MB/s, peak RSS, start-up.
bench: all
	@echo "== gold texts (../shared/reference/gold), 50 MB"
	bash bench/bench.sh bin/dyad 50 gold
	@echo "== news: the Reuters corpus and the gold texts, 200 MB"
	bash bench/bench.sh bin/dyad 200 news
	$(MAKE) bench-store

# Accuracy on the reference gold files, scored by ../shared/tools/score.py.
GOLD = ../shared/reference/gold
eval: all
	@mkdir -p build/eval
	@bin/dyad code -q $(GOLD)/cameo_codebook_examples.jsonl > build/eval/codebook.jsonl
	@printf "codebook examples, roots: "; python3 ../shared/tools/score.py gold $(GOLD)/cameo_codebook_examples.jsonl build/eval/codebook.jsonl --roots-only | tail -1
	@printf "codebook examples, codes: "; python3 ../shared/tools/score.py gold $(GOLD)/cameo_codebook_examples.jsonl build/eval/codebook.jsonl --codes-only | tail -1
	@bin/dyad code -q $(GOLD)/conflibert_cameo200.jsonl > build/eval/conflibert.jsonl
	@printf "conflibert 200, roots:    "; python3 ../shared/tools/score.py gold $(GOLD)/conflibert_cameo200.jsonl build/eval/conflibert.jsonl --roots-only | tail -1

# The field's validation suites (PETRARCH-1, UniversalPetrarch, TABARI, Phoenix) with
# their own dictionaries; fails when one falls below its floor (tests/validate.sh).
.PHONY: validate
validate: all
	bash tests/validate.sh bin/dyad

# Sentences the coder does not get right yet: reported, not failing.
pending: $(BUILD)/tests/check_sentences
	-$(BUILD)/tests/check_sentences dict tests/sentences/pending/*.jsonl

# Fuzzing (libFuzzer + ASan + UBSan; tests/fuzz/). `make fuzz` builds the seven
# harnesses and runs each for FUZZ_SECONDS; `make fuzz-smoke` runs each for 10 s.
# The library and CLI readers are built into build-fuzz/ with the same sanitizers.
# New corpus entries go to build-fuzz/corpus/NAME (the seeds in tests/fuzz/corpus
# are only read), crashes to build-fuzz/artifacts/, logs to build-fuzz/logs/.
# FUZZ_SKIP_KNOWN=1 skips inputs that hit bugs already reported (tests/fuzz/known.h,
# reproducers in tests/fuzz/crashes/), to look for new ones past them.
FUZZ_SECONDS  ?= 60
FUZZ_SKIP_KNOWN ?= 0
FUZZ_NAMES    := text dict input code cache petrarch tabari
FUZZ_CFLAGS    = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_DEB_PKGS  = libclang-rt-14-dev
FUZZ_BINS     := $(FUZZ_NAMES:%=build-fuzz/fuzz/fuzz_%)
FUZZ_OPTS_text  = -max_len=4096
FUZZ_OPTS_dict  = -max_len=8192 -dict=tests/fuzz/dict.dict
FUZZ_OPTS_input = -max_len=8192 -dict=tests/fuzz/input.dict
FUZZ_OPTS_code  = -max_len=4096 -timeout=30
FUZZ_OPTS_cache = -max_len=4096 -timeout=30
FUZZ_OPTS_petrarch = -max_len=16384 -timeout=30
FUZZ_OPTS_tabari = -max_len=16384 -timeout=30

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-deps
fuzz-deps:
	$(call install_pkgs,$(FUZZ_DEB_PKGS))

FUZZ_CLI_OBJ = $(BUILD)/cli/input.o $(BUILD)/cli/input_xml.o $(BUILD)/cli/doc_config.o $(BUILD)/cli/json_fast.o $(BUILD)/cli/output.o

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/known.h tests/fuzz/fuzz_convert.h $(BUILD)/libdyad.a $(FUZZ_CLI_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined -DDICT_DIR='"$(CURDIR)/dict"' -o $@ $< \
	  $(FUZZ_CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

fuzz-build:
	@missing="$(strip $(call missing_pkgs,$(FUZZ_DEB_PKGS)))"; \
	if [ -n "$$missing" ]; then echo "make: missing: $$missing (make fuzz-deps installs it)" >&2; exit 1; fi
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" $(FUZZ_BINS)

fuzz: fuzz-build
	@mkdir -p build-fuzz/logs build-fuzz/artifacts; failed=""; \
	for n in $(FUZZ_NAMES); do \
	  mkdir -p build-fuzz/corpus/$$n; \
	  opts="$(FUZZ_OPTS_text)"; \
	  case $$n in dict) opts="$(FUZZ_OPTS_dict)";; input) opts="$(FUZZ_OPTS_input)";; code) opts="$(FUZZ_OPTS_code)";; \
    cache) opts="$(FUZZ_OPTS_cache)";; petrarch) opts="$(FUZZ_OPTS_petrarch)";; tabari) opts="$(FUZZ_OPTS_tabari)";; esac; \
	  echo "== fuzz_$$n for $(FUZZ_SECONDS) s (log: build-fuzz/logs/$$n.log)"; \
	  if UBSAN_OPTIONS=print_stacktrace=1 DYAD_FUZZ_SKIP_KNOWN=$(FUZZ_SKIP_KNOWN) build-fuzz/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	       -artifact_prefix=build-fuzz/artifacts/$$n- $$opts \
	       build-fuzz/corpus/$$n tests/fuzz/corpus/$$n > build-fuzz/logs/$$n.log 2>&1; then \
	    grep -E '^#[0-9]+' build-fuzz/logs/$$n.log | tail -1; \
	    grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' build-fuzz/logs/$$n.log; \
	  else \
	    echo "fuzz_$$n FAILED:"; grep -E 'ERROR|SUMMARY|invariant|Test unit written' build-fuzz/logs/$$n.log | head -20; \
	    failed="$$failed $$n"; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi; echo "fuzz: all passed"

# fuzz-smoke: the harnesses built once, then run side by side, one per job slot
# (each `fuzz-smoke-NAME` is `make fuzz` for that harness alone), output kept per run.
fuzz-smoke: fuzz-build
	$(MAKE) --no-print-directory --output-sync=target $(FUZZ_NAMES:%=fuzz-smoke-%)
fuzz-smoke-%:
	$(MAKE) --no-print-directory fuzz FUZZ_NAMES=$* FUZZ_SECONDS=10 FUZZ_SKIP_KNOWN=$(FUZZ_SKIP_KNOWN)

# Limits (issue 15): 1 GiB documents skipped while streaming with peak RSS under
# 64 MB; strict option numbers.
.PHONY: limits
limits: $(DYAD)
	bash tests/limits.sh $(DYAD)

# Clean ends (issue 15): SIGINT/SIGTERM, write errors, the summary counting what was written.
.PHONY: ends
ends: $(DYAD)
	bash tests/ends.sh $(DYAD)

# Threads and streaming: `dyad code` gives the same output with --threads 1/2/4,
# under GNU parallel --pipe -k and from a pipe on stdin; the progress line.
.PHONY: threads
threads: $(DYAD)
	bash tests/threads.sh $(DYAD)

# Accuracy audit on Reuters-21578 (issue 10): codes the corpus, samples AUDIT_N events
# with AUDIT_SEED, joins them with the judged files of tests/audit/ (rules: RULES.md) and
# prints precision, categories, unjudged events and event rates by Reuters topic.
# AUDIT_TEXT=1 prints each unjudged event's sentence for the judge (never commit it).
AUDIT_N    ?= 200
AUDIT_SEED ?= 2026
AUDIT_TEXT ?= 0
CORPUS      = ../shared/reference/corpus
.PHONY: audit audit-test
audit: all
	python3 tools/audit.py --dyad bin/dyad --corpus $(CORPUS)/reuters21578.jsonl --sgm $(CORPUS)/reuters21578 \
	  --judged tests/audit --seed $(AUDIT_SEED) --n $(AUDIT_N) $(if $(filter 1,$(AUDIT_TEXT)),--show-text)

# The audit tool's own tests (Wilson interval, judged-file reader, topic groups).
audit-test:
	python3 tests/audit/test_audit.py

# No silent role errors (issue 14): the document date from the text, the once-per-run
# warning when there is none, and explain's lines on dated roles.
.PHONY: nodate
nodate: $(DYAD)
	bash tests/no_date.sh $(DYAD)
# ---- event store (issue 11): src/store/ (SQLite by default, PostgreSQL through libpq),
# built into libdyad.a; `dyad ingest`, `dyad query`, `dyad export` in src/cli/.
STORE_SRC := $(wildcard src/store/*.c)
STORE_OBJ := $(STORE_SRC:src/store/%.c=$(BUILD)/store/%.o)
override CFLAGS += -Isrc/store -I/usr/include/postgresql
LDLIBS   += -lsqlite3 -lpq
DEB_PKGS += libsqlite3-dev libpq-dev

$(BUILD)/store/%.o: src/store/%.c $(wildcard src/store/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -c $< -o $@

$(BUILD)/libdyad.a: $(STORE_OBJ)
$(CLI_OBJ): $(wildcard src/store/*.h)

# The store's test suite (tests/store/), every test on SQLite and on a throw-away PostgreSQL
# server (tests/store/with_pg.sh; the Debian postgresql package is installed for it), the
# CAMEO->PLOVER table against the PLOVER crosswalk, and the kill -9 test.
STORE_TEST_PKGS = postgresql
.PHONY: store-test
TEST_DEB_PKGS += $(STORE_TEST_PKGS)
store-test: $(DYAD)
	$(call require_pkgs,$(STORE_TEST_PKGS))
	python3 tests/store/plover_check.py $(DYAD) ../shared/reference/PLOVER/CAMEO2PLOVER-2021.txt docs/plover.md \
	  dict/cameo.codes ../shared/reference/cameo/cameo_codes.tsv
	bash tests/store/with_pg.sh bash -c 'bash tests/store/store_tests.sh $(DYAD) sqlite pg && \
	  bash tests/store/kill_test.sh $(DYAD) sqlite pg'

# The store's figures (bench/store_bench.sh): ingest rates with and without coding, size per
# million events, dyad-month and country-year counts over BENCH_EVENTS (10 million) generated
# events, on SQLite and on a throw-away PostgreSQL server. Takes several minutes.
.PHONY: bench-store
bench-store: all
	$(call require_pkgs,$(STORE_TEST_PKGS))
	bash tests/store/with_pg.sh bash bench/store_bench.sh bin/dyad sqlite pg

# Python: the `dyad` package (python/: a C extension over include/dyad.h linked with
# build/libdyad.a) built and installed with pip into a temporary virtual environment
# over Debian's Python (/usr/bin/python3, --system-site-packages, no network), then
# its pytest suite (tests/python/): events equal to `dyad code`'s, threads and the GIL,
# bad input, to_frame, a Dask LocalCluster over the Reuters corpus, the streaming mapper,
# the example plot. The extension is also compiled with clang (-Wall -Wextra -Werror).
PYTHON       ?= /usr/bin/python3
PY_DEB_PKGS   = python3-dev python3-venv python3-pip python3-setuptools python3-wheel python3-pytest \
                python3-pandas python3-dask python3-distributed python3-matplotlib
PY_INCLUDE    = $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null)
TEST_DEB_PKGS += $(PY_DEB_PKGS)
.PHONY: python-deps python-check python-test python-clang
python-deps:
	$(call install_pkgs,$(PY_DEB_PKGS))
python-check:
	$(call require_pkgs,$(PY_DEB_PKGS))

python-clang: python-check
	clang -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -fsyntax-only -Iinclude -I$(PY_INCLUDE) \
	  python/src/dyad/_dyad.c python/src/dyad/_events.c

# The shell lines that make a throw-away venv ($$venv) and install the package into it.
PY_VENV = set -e; venv=$$(mktemp -d /tmp/dyad-pyvenv.XXXXXX); trap 'rm -rf "$$venv"' EXIT; \
	$(PYTHON) -m venv --system-site-packages "$$venv"; \
	echo "== pip install --no-build-isolation ./python  (into $$venv)"; \
	"$$venv/bin/python" -m pip install -q --no-index --no-build-isolation ./python; \
	rm -rf python/build

python-test: python-check $(BUILD)/libdyad.a bin/dyad python-clang
	@$(PY_VENV); \
	cd tests/python && DYAD_BIN=$(CURDIR)/bin/dyad "$$venv/bin/python" -m pytest -q -p no:cacheprovider

# Python figures (bench/python_bench.py): events/s through Coder.code_many against
# `dyad code` on the Reuters corpus, and a Dask LocalCluster (2 workers) against one process.
.PHONY: python-bench
python-bench: python-check $(BUILD)/libdyad.a bin/dyad
	@$(PY_VENV); \
	DYAD_BIN=$(CURDIR)/bin/dyad "$$venv/bin/python" bench/python_bench.py
# --- dyad report: objects, the assets as C strings ('?' escaped: no trigraphs), the test
# in headless Chromium and the 1-million-event measurement.
$(BUILD)/report/%.o: src/report/%.c $(wildcard src/report/*.h) src/store/store.h include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/report/assets.c: $(REPORT_ASSETS)
	@mkdir -p $(dir $@)
	@{ echo '#include "report_int.h"'; for f in $(REPORT_ASSETS); do \
	  echo "const char rp_asset_$$(basename $$f | tr '.-' '__')[] ="; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	  echo ";"; done; } > $@.tmp && mv $@.tmp $@

$(BUILD)/report/assets.o: $(BUILD)/report/assets.c src/report/report_int.h
	$(CC) $(CFLAGS) -c $< -o $@

# Headless Chromium for the report's test (not needed to build or to write reports).
REPORT_TEST_PKGS = chromium
TEST_DEB_PKGS += $(REPORT_TEST_PKGS)
.PHONY: report-deps report-check report-test report-bench demo-report report-screenshot
report-deps:
	$(call install_pkgs,$(REPORT_TEST_PKGS))
report-check:
	$(call require_pkgs,$(REPORT_TEST_PKGS))

# The report test (tests/report.sh) on SQLite, and on PostgreSQL too when its server is
# installed (tests/store/with_pg.sh runs a throw-away one).
report-test: report-check $(DYAD)
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  bash tests/store/with_pg.sh bash tests/report.sh $(DYAD); \
	else bash tests/report.sh $(DYAD); fi

# A report of a generated store of REPORT_BENCH_EVENTS events (default 1 million): its
# size and the time to first render in headless Chromium (bench/report_bench.sh).
REPORT_BENCH_EVENTS ?= 1000000
report-bench: report-check $(DYAD)
	bash bench/report_bench.sh $(DYAD) $(REPORT_BENCH_EVENTS)

# The demo's report.html alone: the bundled example articles ingested into the default
# store (dyad.db; ingesting is idempotent) and reported (`make demo` does it too).
demo-report: all
	bin/dyad ingest examples/articles.jsonl
	bin/dyad report -o report.html
	@echo "== report.html: the example articles' report (open it in a browser)"

# docs/report.png, the README's picture of the demo's report.html (headless Chromium).
report-screenshot: demo-report report-check
	@mkdir -p docs; profile=$$(mktemp -d); \
	chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --user-data-dir=$$profile --hide-scrollbars \
	  --force-device-scale-factor=0.75 --screenshot=$(CURDIR)/docs/report.png --window-size=1400,2300 file://$(CURDIR)/report.html 2>/dev/null; \
	rm -rf $$profile; ls -l docs/report.png

# ---------------------------------------------------------------- install (issue 14)
# `make install PREFIX=/usr DESTDIR=/tmp/stage` installs the binary, libdyad (static,
# and shared with its soname), dyad.h, dyad.pc, the dictionaries under
# $(PREFIX)/share/dyad/dict, the man pages dyad(1) and dyad-dict(5) and the bash
# completion; `make uninstall` (same PREFIX/DESTDIR) removes them. The share folder is
# compiled into the binary and the library as the last place to look for dictionaries,
# so the objects that hold it are rebuilt when PREFIX changes (build/prefix.stamp).
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
COMPLETIONDIR ?= $(DATADIR)/bash-completion/completions
INSTALL    ?= install
VERSION    := $(shell sed -n 's/^\#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)
SOMAJOR    := $(firstword $(subst ., ,$(VERSION)))
SONAME     := libdyad.so.$(SOMAJOR)
# the share folder is compiled into the two objects that use it (a seeded build folder,
# as tests/install.sh makes from build/, then rebuilds only those when PREFIX changes)
DICT_DIR_OBJ := $(BUILD)/cli/opts.o $(BUILD)/lib/coder.o
$(DICT_DIR_OBJ): override CFLAGS += -DDYAD_DICT_DIR='"$(PREFIX)/share/dyad/dict"'

# rewritten only when PREFIX changes, so that a changed PREFIX rebuilds the objects
PREFIX_STAMP := $(BUILD)/prefix.stamp
$(shell mkdir -p $(BUILD) && { [ "$$(cat $(PREFIX_STAMP) 2>/dev/null)" = "$(PREFIX)" ] || echo "$(PREFIX)" > $(PREFIX_STAMP); })
$(DICT_DIR_OBJ): $(PREFIX_STAMP)

$(BUILD)/libdyad.so.$(VERSION): $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $(LIB_OBJ) $(LDLIBS)

$(BUILD)/dyad.pc: dist/dyad.pc.in $(PREFIX_STAMP)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' -e 's|@LIBS_PRIVATE@|$(strip $(LDLIBS))|' $< > $@

.PHONY: install uninstall shared
shared: $(BUILD)/libdyad.so.$(VERSION)

install: $(DYAD) $(BUILD)/libdyad.a $(BUILD)/libdyad.so.$(VERSION) $(BUILD)/dyad.pc
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(DATADIR)/dyad/dict $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(COMPLETIONDIR)
	$(INSTALL) -m 755 $(DYAD) $(DESTDIR)$(BINDIR)/dyad
	$(INSTALL) -m 644 $(BUILD)/libdyad.a $(DESTDIR)$(LIBDIR)/libdyad.a
	$(INSTALL) -m 644 $(BUILD)/libdyad.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libdyad.so.$(VERSION)
	ln -sf libdyad.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so
	$(INSTALL) -m 644 include/dyad.h $(DESTDIR)$(INCLUDEDIR)/dyad.h
	$(INSTALL) -m 644 $(BUILD)/dyad.pc $(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc
	$(INSTALL) -m 644 dict/* $(DESTDIR)$(DATADIR)/dyad/dict/
	$(INSTALL) -m 644 dist/dyad.1 $(DESTDIR)$(MANDIR)/man1/dyad.1
	$(INSTALL) -m 644 dist/dyad-dict.5 $(DESTDIR)$(MANDIR)/man5/dyad-dict.5
	$(INSTALL) -m 644 dist/dyad.bash-completion $(DESTDIR)$(COMPLETIONDIR)/dyad

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dyad $(DESTDIR)$(LIBDIR)/libdyad.a $(DESTDIR)$(LIBDIR)/libdyad.so \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so.$(VERSION) \
	  $(DESTDIR)$(INCLUDEDIR)/dyad.h $(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc \
	  $(DESTDIR)$(MANDIR)/man1/dyad.1 $(DESTDIR)$(MANDIR)/man5/dyad-dict.5 $(DESTDIR)$(COMPLETIONDIR)/dyad
	rm -rf $(DESTDIR)$(DATADIR)/dyad

# Parallel by default: JOBS jobs (default one per core; `make JOBS=1` for a serial
# run), set by the top-level make only (GNU make 4.3 does not show a command-line -j
# to the makefile, so JOBS is the knob); sub-makes share its job slots. When a package
# of DEB_PKGS is missing, the run stays serial so that `deps` installs it before
# anything compiles.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ifeq ($(MAKELEVEL),0)
MAKEFLAGS += -j$(JOBS)
endif
ifneq ($(shell dpkg -s $(DEB_PKGS) >/dev/null 2>&1 || echo missing),)
.NOTPARALLEL:
endif

# ---------------------------------------------------------------- install and package tests (issue 14)
# `make install-test`: tests/install.sh (make install into a staging folder, the
# installed binary, man pages, completion, C and C++ programs through pkg-config).
# `make deb-test`: tests/deb.sh (dpkg-buildpackage, lintian, apt-get install ./*.deb,
# use, purge; root). `make install-test-deps` installs what those two need with apt-get.
INSTALL_TEST_DEB_PKGS = debhelper lintian dpkg-dev fakeroot pkgconf g++ man-db binutils
.PHONY: install-test deb-test install-test-deps
install-test-deps:
	$(call install_pkgs,$(INSTALL_TEST_DEB_PKGS))

install-test:
	bash tests/install.sh

deb-test:
	bash tests/deb.sh

# The command line a newcomer meets: --help on every command, suggestions, stdin
# sniffing, eval's gold level, plurals, the dictionary lookup (tests/cli.sh).
.PHONY: cli
cli: $(DYAD)
	bash tests/cli.sh $(DYAD)

# The runs of `make sanitize`, as separate targets so that they share the cores: the
# cache test (the longest, many dictionary loads under ASan) starts first, the rest
# run beside it; --output-sync keeps each run's output together.
SAN_UNIT_RUNS := $(patsubst %,san-unit-%,$(sort test_cache $(UNIT_SRC:tests/unit/%.c=%)))
.PHONY: san-run san-sentences san-badinput san-threads san-cli san-nodate san-limits san-ends $(SAN_UNIT_RUNS)
san-run: san-unit-test_cache $(filter-out san-unit-test_cache,$(SAN_UNIT_RUNS)) san-sentences san-badinput san-threads san-nodate san-limits san-ends san-cli
$(SAN_UNIT_RUNS): san-unit-%:
	build-san/tests/$*
san-sentences:
	build-san/tests/check_sentences dict tests/sentences/*.jsonl
san-badinput:
	bash tests/bad_input.sh build-san/bin/dyad
san-threads:
	bash tests/threads.sh build-san/bin/dyad
san-cli:
	bash tests/cli.sh build-san/bin/dyad
san-nodate:
	bash tests/no_date.sh build-san/bin/dyad
san-limits:
	DYAD_SANITIZED=1 bash tests/limits.sh build-san/bin/dyad
san-ends:
	DYAD_SANITIZED=1 bash tests/ends.sh build-san/bin/dyad

# The runs of `make test` after the build, as separate targets so that they share the
# cores (--output-sync keeps each one's output together); the clang build among them.
.PHONY: test-runs clang-build
test-runs: clang-build unit sentences stages badinput threads nodate limits ends cli
clang-build:
	$(MAKE) CC=clang BUILD=build-clang build-clang/bin/dyad build-clang/tests/check_sentences >/dev/null
