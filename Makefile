# dyad - build, test, benchmark. `make demo` and `make test` do all the set-up.
CC      ?= cc
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Iinclude -Isrc/lib -Isrc/cli
LDLIBS  += -ljansson -lpthread -lm
DEB_PKGS = build-essential libjansson-dev libcmocka-dev liblingua-en-tagger-perl wordnet-base iso-codes python3 parallel

LIB_SRC  := $(wildcard src/lib/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
BUILD    ?= build
LIB_OBJ  := $(LIB_SRC:src/lib/%.c=$(BUILD)/lib/%.o)
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DYAD     := $(BUILD)/bin/dyad

.PHONY: all deps demo test unit sentences bench clean sanitize

all: deps $(DYAD) bin/dyad

# Installs the Debian packages dyad needs when one is missing (needs root or sudo).
deps:
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; fi

$(BUILD)/lib/%.o: src/lib/%.c $(wildcard src/lib/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fPIC -c $< -o $@

$(BUILD)/cli/%.o: src/cli/%.c $(wildcard src/cli/*.h) $(wildcard src/lib/*.h) include/dyad.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	ar rcs $@ $^

$(DYAD): $(CLI_OBJ) $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

bin/dyad: $(DYAD)
	@mkdir -p bin lib
	cp $(DYAD) bin/dyad
	cp $(BUILD)/libdyad.a lib/libdyad.a

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdyad.a $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJ)) $(BUILD)/libdyad.a $(LDLIBS) -lcmocka

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

clean:
	rm -rf build bin lib

$(BUILD)/tests/check_sentences: tests/check_sentences.c $(BUILD)/libdyad.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

# dyad's own test set: every sentence must code as expected
sentences: $(BUILD)/tests/check_sentences
	$(BUILD)/tests/check_sentences dict tests/sentences/*.jsonl
