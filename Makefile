# dyad - build, test, benchmark. `make demo` and `make test` do all the set-up.
CC      ?= cc
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Iinclude $(LIB_DIRS:%=-I%) -Isrc/cli
LDLIBS  += -ljansson -lpthread -lm
# the library's folders (src/lib/*/README.md says what flows in and out of each)
LIB_DIRS = src/lib src/lib/pipeline src/lib/dict src/lib/tabari src/lib/convert
DEB_PKGS = build-essential clang libjansson-dev libcmocka-dev liblingua-en-tagger-perl wordnet-base iso-codes python3 time parallel

LIB_SRC  := $(wildcard $(LIB_DIRS:%=%/*.c))
LIB_HDR  := $(wildcard $(LIB_DIRS:%=%/*.h))
CLI_SRC  := $(wildcard src/cli/*.c)
BUILD    ?= build
LIB_OBJ  := $(LIB_SRC:src/lib/%.c=$(BUILD)/lib/%.o)
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DYAD     := $(BUILD)/bin/dyad

.PHONY: all deps demo test unit sentences badinput bench eval clean sanitize

all: deps $(DYAD) bin/dyad

# Installs the Debian packages dyad needs when one is missing (needs root or sudo).
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; fi

$(BUILD)/lib/%.o: src/lib/%.c $(LIB_HDR) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -c $< -o $@

# The cache's build id (src/lib/dict/cache.c) changes whenever any library source does.
$(BUILD)/lib/dict/cache.o: $(filter-out src/lib/dict/cache.c,$(LIB_SRC))

$(BUILD)/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h) $(LIB_HDR) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
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
test: deps
	$(MAKE) all
	$(MAKE) unit
	$(MAKE) sentences
	$(MAKE) stages
	$(MAKE) badinput
	$(MAKE) threads
	$(MAKE) CC=clang BUILD=build-clang build-clang/bin/dyad build-clang/tests/check_sentences >/dev/null
	@echo "make test: all passed"

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize: deps
	$(MAKE) BUILD=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" build-san/bin/dyad build-san/tests/check_sentences $(UNIT_SRC:tests/unit/%.c=build-san/tests/%)
	@set -e; for t in $(UNIT_SRC:tests/unit/%.c=build-san/tests/%); do $$t; done
	build-san/tests/check_sentences dict tests/sentences/*.jsonl
	bash tests/bad_input.sh build-san/bin/dyad
	bash tests/threads.sh build-san/bin/dyad

# Codes the bundled example articles and prints their events.
demo: all
	@echo "== bin/dyad code --format tsv examples/articles.jsonl  (columns: doc, date, source, target, code, verb)"
	@bin/dyad code --format tsv examples/articles.jsonl | cut -f1,3,5,6,7,12

# Speed on real news text: sentences/s, MB/s, peak RSS, start-up.
bench: all
	@echo "== gold texts (../shared/reference/gold), 50 MB"
	bash bench/bench.sh bin/dyad 50 gold
	@echo "== news: the Reuters corpus and the gold texts, 200 MB"
	bash bench/bench.sh bin/dyad 200 news

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

# Fuzzing (libFuzzer + ASan + UBSan; tests/fuzz/). `make fuzz` builds the four
# harnesses and runs each for FUZZ_SECONDS; `make fuzz-smoke` runs each for 10 s.
# The library and CLI readers are built into build-fuzz/ with the same sanitizers.
# New corpus entries go to build-fuzz/corpus/NAME (the seeds in tests/fuzz/corpus
# are only read), crashes to build-fuzz/artifacts/, logs to build-fuzz/logs/.
# FUZZ_SKIP_KNOWN=1 skips inputs that hit bugs already reported (tests/fuzz/known.h,
# reproducers in tests/fuzz/crashes/), to look for new ones past them.
FUZZ_SECONDS  ?= 60
FUZZ_SKIP_KNOWN ?= 0
FUZZ_NAMES    := text dict input code
FUZZ_CFLAGS    = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_DEB_PKGS  = libclang-rt-14-dev
FUZZ_BINS     := $(FUZZ_NAMES:%=build-fuzz/fuzz/fuzz_%)
FUZZ_OPTS_text  = -max_len=4096
FUZZ_OPTS_dict  = -max_len=8192 -dict=tests/fuzz/dict.dict
FUZZ_OPTS_input = -max_len=8192 -dict=tests/fuzz/input.dict
FUZZ_OPTS_code  = -max_len=4096 -timeout=30

.PHONY: fuzz fuzz-smoke fuzz-build

FUZZ_CLI_OBJ = $(BUILD)/cli/input.o $(BUILD)/cli/doc_config.o $(BUILD)/cli/json_fast.o $(BUILD)/cli/output.o

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/known.h $(BUILD)/libdyad.a $(FUZZ_CLI_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined -DDICT_DIR='"$(CURDIR)/dict"' -o $@ $< \
	  $(FUZZ_CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

fuzz-build:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PKGS) $(FUZZ_DEB_PKGS)"
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" $(FUZZ_BINS)

fuzz: fuzz-build
	@mkdir -p build-fuzz/logs build-fuzz/artifacts; failed=""; \
	for n in $(FUZZ_NAMES); do \
	  mkdir -p build-fuzz/corpus/$$n; \
	  opts="$(FUZZ_OPTS_text)"; \
	  case $$n in dict) opts="$(FUZZ_OPTS_dict)";; input) opts="$(FUZZ_OPTS_input)";; code) opts="$(FUZZ_OPTS_code)";; esac; \
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

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=10 FUZZ_SKIP_KNOWN=$(FUZZ_SKIP_KNOWN)

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
