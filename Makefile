# Khabar - one Makefile. `make` builds build/khabar and the library;
# `make test` runs every test; `make check` is what CI runs (warnings as
# errors, the test suite plain and under ASan+UBSan); `make bench`.

CC      ?= cc
B       ?= build
OPT     ?= -O2 -g
SAN     ?=
WERROR  ?=
XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
XML_LIBS   := $(shell pkg-config --libs libxml-2.0 2>/dev/null || echo -lxml2)
WARN    = -Wall -Wextra -Wshadow -Wconversion -Wno-sign-conversion \
          -Wmissing-prototypes -Wstrict-prototypes -Wvla $(WERROR)
CPPFLAGS = -Iinclude -DKB_BUILDING -D_POSIX_C_SOURCE=200809L \
          -DKB_DATADIR='"$(abspath data)"'
CFLAGS  = -std=c11 $(OPT) $(WARN) $(SAN) -fvisibility=hidden -fPIC $(XML_CFLAGS)
LDLIBS  = $(XML_LIBS) -lm -lpthread

LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_RUN := $(FUZZ_SRC:fuzz/%.c=$(B)/fuzz/%)
VALIDATION := tests/data/validation/PETR.UnitTest.records.xml

.PHONY: all test check asan fuzz bench clean gen tools model unit-tests fuzz-corpus \
        validation cases valgrind gazetteer

all: $(B)/khabar $(B)/libkhabar.a $(B)/libkhabar.so

$(B)/%.o: %.c include/khabar.h $(wildcard src/*/*.h) $(wildcard cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libkhabar.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libkhabar.so: $(LIB_OBJ)
	$(CC) $(SAN) -shared -o $@ $^ $(LDLIBS)

CLI_OBJ := $(patsubst %.c,$(B)/%.o,$(sort $(wildcard cli/*.c)))
$(B)/khabar: $(CLI_OBJ) $(B)/libkhabar.a
	$(CC) $(SAN) -o $@ $^ $(LDLIBS)

$(B)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(B)/libkhabar.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -fvisibility=default -o $@ $< \
	    $(B)/libkhabar.a $(LDLIBS)

$(B)/fuzz/%: fuzz/%.c fuzz/standalone.c $(B)/libkhabar.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -o $@ $< fuzz/standalone.c \
	    $(B)/libkhabar.a $(LDLIBS)

unit-tests: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; $$t; done

# Every fuzz target runs over its seed corpus as a plain test.
fuzz-corpus: $(FUZZ_RUN)
	@set -e; for f in $(FUZZ_RUN); do n=$$(basename $$f); n=$${n#fuzz_}; \
	    echo "== $$f fuzz/corpus/$$n"; $$f fuzz/corpus/$$n; done

# The PETRARCH validation suite; fails if fewer records pass than recorded.
validation: $(B)/khabar
	$(B)/khabar validate $(VALIDATION) \
	    --min-pass $$(cat tests/data/validation/min-pass) > $(B)/validation.out \
	    || { cat $(B)/validation.out; exit 1; }
	@tail -n 1 $(B)/validation.out
	$(B)/khabar validate $(VALIDATION) --parse own \
	    --min-pass $$(cat tests/data/validation/min-pass-own) > $(B)/validation-own.out \
	    || { cat $(B)/validation-own.out; exit 1; }
	@echo "own parses: $$(tail -n 1 $(B)/validation-own.out)"

# Coder rule cases: small validation files with their own dictionaries.
cases: $(B)/khabar
	@set -e; for c in tests/cases/*.xml; do [ -e "$$c" ] || continue; \
	    $(B)/khabar validate "$$c" > $(B)/case.out || \
	    { echo "FAIL $$c"; cat $(B)/case.out; exit 1; }; \
	    echo "ok $$c: $$(tail -n 1 $(B)/case.out)"; done
	@sh tests/cli.sh $(B)/khabar

test: all unit-tests fuzz-corpus validation cases

asan:
	$(MAKE) B=build/asan OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    test

valgrind: $(B)/khabar
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 -q $(B)/khabar validate $(VALIDATION) \
	    --min-pass $$(cat tests/data/validation/min-pass) > /dev/null
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 -q $(B)/khabar code data/examples/sample.xml \
	    > /dev/null 2>&1
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 -q $(B)/khabar code --date 2019-11-24 \
	    tests/text/sample-article.txt > /dev/null 2>&1
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 -q $(B)/khabar actors --unknown --min 1 -j 2 \
	    --date 2019-11-24 tests/text/sample-article.txt \
	    tests/data/articles/news.html > /dev/null 2>&1
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --error-exitcode=9 -q $(B)/khabar code --format gdelt-mentions \
	    tests/data/articles/articles.jsonl > /dev/null 2>&1 || \
	    [ $$? -ne 9 ]
	@echo "valgrind: no errors, no leaks"

check:
	$(MAKE) WERROR=-Werror test
	$(MAKE) WERROR=-Werror asan
	$(MAKE) valgrind

# libFuzzer builds (clang) in build/libfuzzer/bin; run one as, e.g.,
#   build/libfuzzer/bin/fuzz_text fuzz/corpus/text -runs=1000000
FUZZ_B := build/libfuzzer
fuzz:
	$(MAKE) B=$(FUZZ_B) CC=clang OPT="-O1 -g" \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined" $(FUZZ_B)/libkhabar.a
	@mkdir -p $(FUZZ_B)/bin
	@set -e; for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	    clang $(CPPFLAGS) -Isrc -O1 -g $(XML_CFLAGS) \
	      -fsanitize=fuzzer,address,undefined -o $(FUZZ_B)/bin/$$n $$f \
	      $(FUZZ_B)/libkhabar.a $(LDLIBS); echo built $(FUZZ_B)/bin/$$n; done

bench: $(B)/khabar $(B)/bench/bench $(B)/bench/corpus
	sh bench/run.sh $(B)

$(B)/bench/corpus: bench/corpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -o $@ $<

$(B)/bench/bench: bench/bench.c $(B)/libkhabar.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -o $@ $< $(B)/libkhabar.a $(LDLIBS)

# Tools (not part of the library): training, evaluation.
TOOLS := $(B)/train $(B)/eval $(B)/eval_tok $(B)/gazetteer
$(B)/%: tools/%.c $(B)/libkhabar.a
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) -o $@ $< $(B)/libkhabar.a $(LDLIBS)
tools: $(TOOLS)

# The gazetteer: compiles GeoNames (cities500, admin1/admin2 names), the
# country list and data/geo/supplement.tsv into data/geo/khabar-geo.bin
# (needs ../shared/data and the Debian package festlex-poslex); the same
# bytes every run. data/geo/README.md has the sources and licenses.
GEONAMES ?= ../shared/data
gazetteer: $(B)/gazetteer
	$(B)/gazetteer --geonames $(GEONAMES)/geonames \
	    --countries $(GEONAMES)/countries/countries.tsv \
	    --supplement data/geo/supplement.tsv \
	    --stopwords data/geo/stopwords.txt --lexicon $(POSLEX) \
	    --alt-min-pop 20000 --out data/geo/khabar-geo.bin --check

# The NLP model: trains the tagger and parser on UD English EWT (needs
# ../shared/data/ud and the Debian package festlex-poslex) and writes
# data/model/khabar-en.model; the same bytes every run.
UD ?= ../shared/data/ud
POSLEX ?= /usr/share/festival/dicts/wsj.wp39.poslexR
model: $(B)/train
	@test -f $(UD)/en_ewt-ud-train.conllu || \
	    { echo "model: $(UD)/en_ewt-ud-train.conllu not found (set UD=...)"; exit 1; }
	$(B)/train --train $(UD)/en_ewt-ud-train.conllu \
	    --dev $(UD)/en_ewt-ud-dev.conllu --out data/model/khabar-en.model \
	    --seed 1 --lexicon $(POSLEX)

# Regenerates src/code/cameo_data.c from data/cameo (test_cameo checks that
# the compiled tables agree with the data files).
gen:
	sh tools/gen_cameo.sh

clean:
	rm -rf build
