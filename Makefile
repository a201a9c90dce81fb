# selaras — Indonesian–English sentence splitting, alignment and TMX.
# GNU Make. `make run` sets up and runs on samples/, `make test` runs every test.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
# A sanitizer build has a folder of its own: `make test SANITIZE=address,undefined`
# builds into build-address-undefined/, leaving build/ as it was.
comma     := ,
ifdef SANITIZE
BUILD     ?= build-$(subst $(comma),-,$(SANITIZE))
endif
BUILD     ?= build
CC        ?= cc
PKGS      := libpcre2-8 cunit jansson libxml-2.0
DEB_PKGS  := build-essential pkg-config libpcre2-dev libcunit1-dev libstemmer-dev \
             zlib1g-dev dict-freedict-eng-ind libxml2-utils libxml2-dev libjansson-dev unzip \
             parallel tidy mandoc

WARN      := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
             -Wpointer-arith -Wcast-qual -Wwrite-strings -Wformat=2 -Wvla
ifdef WERROR
WARN      += -Werror
endif
OPT       ?= -O2 -g
CFLAGS    ?=
CPPFLAGS  += -Iinclude -I$(BUILD) -D_POSIX_C_SOURCE=200809L
ALL_CFLAGS = -std=c11 $(OPT) $(WARN) -fopenmp -MMD -MP $(CFLAGS) \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS    += $(shell pkg-config --libs libpcre2-8 jansson 2>/dev/null) -lstemmer -lz -lm -fopenmp
# A sanitizer's finding stops the program, so that a test fails on it.
ifdef SANITIZE
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS    += -fsanitize=$(SANITIZE)
endif

LIB_SRC   := $(filter-out src/main.c src/cli_%.c,$(wildcard src/*.c))
CLI_SRC   := src/main.c $(wildcard src/cli_*.c)
RULES     := $(wildcard src/rules/*.txt)
LIB_OBJ   := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/rules_data.o
CLI_OBJ   := $(CLI_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC  := $(wildcard tests/test_*.c) tests/runner.c
TEST_OBJ  := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
LIB       := $(BUILD)/libselaras.a
BIN       := $(BUILD)/selaras
TEST_BIN  := $(BUILD)/selaras-tests

.PHONY: all deps run test bench faults install clean fuzz fuzz-build fuzz-bins tsan
all: $(BIN)

# Installs the Debian packages the build and tests need, when some are missing
# and we are root; otherwise prints the exact command and stops.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "selaras: installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "selaras: missing packages; run as root:"; \
	    echo "  apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The version lives here only: --version and the TMX header read it.
$(BUILD)/cli_help.o: CPPFLAGS += -DSL_VERSION='"$(VERSION)"'
$(BUILD)/cli_help.o: Makefile

# Language rule files are compiled into the binary as C strings so that a
# linguist edits plain text and the installed tool needs no data directory.
$(BUILD)/rules_data.c: $(RULES) Makefile | $(BUILD)
	@{ echo '/* generated from the files in src/rules — do not edit */'; \
	   echo '#include <stddef.h>'; \
	   echo '#include <string.h>'; \
	   echo '#include "selaras/rules.h"'; \
	   for f in $(RULES); do \
	     n=$$(basename $$f .txt | tr -c 'a-zA-Z0-9\n' '_'); \
	     echo "static const char r_$$n[] ="; \
	     sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	     echo ';'; \
	   done; \
	   echo 'const char *sl_rules_builtin(const char *name) {'; \
	   for f in $(RULES); do \
	     b=$$(basename $$f .txt); n=$$(echo $$b | tr -c 'a-zA-Z0-9\n' '_'); \
	     echo "  if (strcmp(name, \"$$b\") == 0) return r_$$n;"; \
	   done; \
	   echo '  return NULL;'; echo '}'; } > $@

$(BUILD)/rules_data.o: $(BUILD)/rules_data.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%.o: tests/%.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The tests link the commands too (not main): they read the option tables.
$(TEST_BIN): $(TEST_OBJ) $(LIB) $(BIN)
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(filter-out $(BUILD)/main.o,$(CLI_OBJ)) $(LIB) $(LDLIBS) $(shell pkg-config --libs cunit libxml-2.0 2>/dev/null || echo -lcunit -lxml2)

$(BUILD):
	@mkdir -p $(BUILD)/tests

run: deps
	@$(MAKE) --no-print-directory all
	@sh samples/run.sh $(BIN)

test: deps
	@$(MAKE) --no-print-directory $(TEST_BIN) $(FAULTS)
	@cd tests && SELARAS_BIN=../$(BIN) SELARAS_FAULTS=../$(FAULTS) ../$(TEST_BIN)

# Seeded faults for `selaras check` (bench/faults.c): the generator and
# scorer, and the figures on the shared data (`make faults`).
FAULTS := $(BUILD)/selaras-faults
$(FAULTS): bench/faults.c $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

faults: all $(FAULTS)
	@sh bench/faults.sh $(BIN) $(FAULTS)

# Fuzzing with libFuzzer (Debian's clang): the library built with the
# fuzzer's coverage and ASan/UBSan into build-fuzz/, one program per target
# in fuzz/, each run for FUZZ_TIME seconds from a seed corpus made of
# samples/ and fuzz/corpus/; a crash, leak or timeout fails the run and
# leaves its input in build-fuzz/crashes/. FUZZ_TARGETS picks some;
# FUZZ_RUNS=N runs each N executions instead of FUZZ_TIME seconds.
FUZZ_BUILD   := build-fuzz
FUZZ_TIME    ?= 60
FUZZ_TARGETS ?= $(patsubst fuzz/%.c,%,$(wildcard fuzz/*.c))
FUZZ_DEB_PKGS := clang libclang-rt-14-dev libomp-14-dev
FUZZ_FLAGS   := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

fuzz-build:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PKGS) $(FUZZ_DEB_PKGS)"
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang OPT="-O1 -g" \
	  SANITIZE=fuzzer-no-link,address,undefined fuzz-bins FUZZ_TARGETS="$(FUZZ_TARGETS)"

fuzz-bins: $(FUZZ_TARGETS:%=$(BUILD)/fuzz-%)

$(BUILD)/fuzz-%: fuzz/%.c $(wildcard fuzz/*.h) $(LIB)
	$(CC) $(CPPFLAGS) -std=c11 $(OPT) $(WARN) -fopenmp $(FUZZ_FLAGS) \
	  $(shell pkg-config --cflags libxml-2.0) -o $@ $< $(LIB) $(LDLIBS) \
	  $(shell pkg-config --libs libxml-2.0)

fuzz: fuzz-build
	@FUZZ_RUNS="$(FUZZ_RUNS)" sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_TIME) $(FUZZ_TARGETS)

# ThreadSanitizer over the parallel paths (tests/tsan.sh says why clang and
# LLVM's OpenMP runtime, not GCC's libgomp).
TSAN_BUILD := build-tsan
tsan:
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(DEB_PKGS) $(FUZZ_DEB_PKGS)"
	@$(MAKE) --no-print-directory BUILD=$(TSAN_BUILD) CC=clang OPT="-O1 -g" SANITIZE=thread all
	@sh tests/tsan.sh $(TSAN_BUILD)/selaras

# Benchmarks (never part of `make test`): BENCH_SIZES=small for a quick run,
# BENCH_OUT=FILE to keep the table; see bench/README.md. The package time
# gives CPU time and peak RSS (without it bench/run.sh measures wall time).
BENCH_GEN := $(BUILD)/bench-gen
$(BENCH_GEN): bench/gen.c | $(BUILD)
	$(CC) -std=c11 $(OPT) $(WARN) $(CFLAGS) -o $@ $<

bench: deps
	@[ -x /usr/bin/time ] || $(MAKE) --no-print-directory deps DEB_PKGS=time || \
	  echo "selaras: without /usr/bin/time: no CPU time or peak RSS"
	@$(MAKE) --no-print-directory all $(BENCH_GEN)
	@sh bench/run.sh $(BIN) $(BENCH_GEN)

# The program, the library and its headers, the manual (selaras.1, mdoc)
# and the bash completion (selaras.bash).
MANDIR    ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/selaras \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/selaras
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libselaras.a
	install -m 644 include/selaras/*.h $(DESTDIR)$(PREFIX)/include/selaras/
	install -m 644 selaras.1 $(DESTDIR)$(MANDIR)/man1/selaras.1
	install -m 644 selaras.bash $(DESTDIR)$(BASHCOMPDIR)/selaras

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD) $(TSAN_BUILD) build-address-undefined

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d)
