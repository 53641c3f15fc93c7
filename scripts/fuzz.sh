#!/bin/sh
# fuzz.sh - builds the libFuzzer targets of tests/fuzz/ with ASan and UBSan
# and runs each for a while:
#
#   sh scripts/fuzz.sh [SECONDS]        (default 30 per target)
#
# Targets: fuzz_article (the bytes are one article, tagged and parsed with
# the shipped model), fuzz_dict (the bytes are a CSV actor dictionary) and
# fuzz_model (the bytes are a model file), fuzz_store (the bytes are a --store
# file, opened, queried and merged). The targets run at the same time.
# Everything goes to build-fuzz/: objects, binaries, the seed and grown
# corpora (corpus/article, corpus/dict, corpus/model), logs, and crash
# reproducers (crashes/). Seeds come from seeds/*.txt, tests/eval articles,
# the sentence table, slices of data/actors.csv, the catalogue fixtures
# (tests/catalogue/fixtures.sh) and small models trained on
# tests/fixtures/mini.conllu, and small stores of seed articles.
#
# Environment: CLANG (default clang-14, else clang), FUZZ_ARGS (extra libFuzzer
# flags, e.g. "-fork=1 -ignore_crashes=1" to go on past a known crash),
# FUZZ_TARGETS (default "fuzz_article fuzz_dict fuzz_model fuzz_store"), FUZZ_SRC (the sources to
# build, default src; a patched copy lets a run look past a known bug),
# FUZZ_BUILD_ONLY=1, FUZZ_OUT (default build-fuzz), FUZZ_SANITIZE (default
# "address,undefined"; "undefined" alone runs about three times faster, for
# long runs, with the output checks of tests/fuzz/check.c still on),
# FUZZ_CFLAGS (extra compile flags, e.g. "-fno-sanitize-coverage=trace-cmp",
# which drops comparison tracing for speed once the corpus is mature).
# Reproduce a crash: build-fuzz/fuzz_article build-fuzz/crashes/fuzz_article-crash-...
set -eu

SECS=${1:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${FUZZ_OUT:-build-fuzz}
CLANG=${CLANG:-$(command -v clang-14 || command -v clang)}
TARGETS=${FUZZ_TARGETS:-fuzz_article fuzz_dict fuzz_model fuzz_store}

IGCFLAGS=$(pkg-config --cflags igraph 2>/dev/null || echo -I/usr/include/igraph)
IGLIBS=$(pkg-config --libs igraph 2>/dev/null || echo -ligraph)
SRC=${FUZZ_SRC:-src}
SAN=${FUZZ_SANITIZE:-address,undefined}
# Coverage feedback is for the modules that read input; the writers and the
# analysis run on every input (and check.c asserts their output) but are not
# instrumented: libFuzzer's per-input cost grows with the instrumented code.
# (dates.c reads the article's first lines, so it is instrumented.)
NOCOV=${FUZZ_NOCOV-sink write_graphml write_dot write_explain write_gexf write_csv write_json write_html analyze}
CFLAGS="-g -O2 -fsanitize=fuzzer,$SAN -fno-sanitize-recover=all -fno-omit-frame-pointer
        -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -pthread -Wall -Wextra -I$SRC -I$OUT/gen $IGCFLAGS
        -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
        ${FUZZ_CFLAGS:-}"

# ---- build ---------------------------------------------------------------------
mkdir -p "$OUT/obj" "$OUT/crashes" "$OUT/gen"
# the HTML report's embedded assets, as the Makefile makes them
sh scripts/embed.sh NB_ASSET_CYTOSCAPE=third_party/cytoscape/cytoscape.min.js \
    NB_ASSET_APP=src/report/app.js NB_ASSET_CSS=src/report/report.css > "$OUT/gen/report_assets.h"
echo "fuzz: building with $CLANG"
objs=""
pids=""
rm -f "$OUT"/obj/*.o
for src in "$SRC"/*.c; do
    case $(basename "$src") in main.c | train_main.c) continue ;; esac
    m=$(basename "$src" .c)
    o=$OUT/obj/$m.o
    flags=$CFLAGS
    # writers and analysis: sanitized, not coverage-instrumented (see above)
    case " $NOCOV " in *" $m "*) flags=$(echo "$CFLAGS" | sed 's/-fsanitize=fuzzer,/-fsanitize=/') ;; esac
    # shellcheck disable=SC2086
    "$CLANG" $flags -c "$src" -o "$o" &
    pids="$pids $!"
    objs="$objs $o"
done
for p in $pids; do wait "$p" || { echo "fuzz: compilation failed" >&2; exit 2; }; done
# the checker: sanitized but not coverage-instrumented
# shellcheck disable=SC2086
"$CLANG" $(echo "$CFLAGS" | sed 's/-fsanitize=fuzzer,/-fsanitize=/') -c tests/fuzz/check.c -o "$OUT/obj/check.o"
for t in $TARGETS; do
    # shellcheck disable=SC2086
    "$CLANG" $CFLAGS "tests/fuzz/$t.c" "$OUT/obj/check.o" $objs -o "$OUT/$t" $IGLIBS -lcsv -lsqlite3 -lm
done
[ -n "${FUZZ_BUILD_ONLY:-}" ] && exit 0

# ---- seed corpora ---------------------------------------------------------------
FIX=$OUT/fixtures
rm -rf "$FIX"
sh tests/catalogue/fixtures.sh "$FIX"
A=$OUT/corpus/article
D=$OUT/corpus/dict
mkdir -p "$A" "$D"
cp seeds/*.txt "$A/"
for f in tests/eval/*/articles/*.txt; do [ -f "$f" ] && cp "$f" "$A/eval-${f##*/}"; done
for f in "$FIX"/*.txt "$FIX"/*.bin "$FIX"/header.*; do cp "$f" "$A/fixture-${f##*/}"; done
if [ -f tests/sentences.txt ]; then
    # one seed per sentence-table input ("> text" lines)
    awk -v dir="$A" '/^> / { f = sprintf("%s/sentence-%03d.txt", dir, ++n); print substr($0, 3) > f; close(f) }' \
        tests/sentences.txt
fi
header=$(head -n 1 data/actors.csv)
lines=$(wc -l < data/actors.csv)
for start in 2 40 120 250 400 550 700 $((lines - 15)); do
    { echo "$header"; sed -n "${start},$((start + 15))p" data/actors.csv; } > "$D/actors-$start.csv"
done
for f in "$FIX"/*.csv; do cp "$f" "$D/fixture-${f##*/}"; done

# ---- run --------------------------------------------------------------------------
# models: small ones trained on the fixture treebank (the loader's checksum
# is not checked in fuzz builds, so mutations reach the tables)
M=$OUT/corpus/model
mkdir -p "$M"
make -s build/netbuild-train >/dev/null
build/netbuild-train --tag-iters 2 --parse-iters 2 --folds 0 --max-sentences 3 -o "$M/tiny.nbm" \
    tests/fixtures/mini.conllu 2>/dev/null
build/netbuild-train --tag-iters 3 --parse-iters 3 --folds 2 --min-updates 2 -o "$M/small.nbm" \
    tests/fixtures/mini.conllu 2>/dev/null

# stores: one and two short seed articles (a plain --store run is part 1/1)
S=$OUT/corpus/store
mkdir -p "$S"
case " $TARGETS " in *" fuzz_store "*)
    make -s netbuild >/dev/null
    rm -rf "$OUT/store-in" && mkdir -p "$OUT/store-in"
    printf 'Iran funds Hezbollah.\nHezbollah attacked Israel on 3 May 2024.\n' > "$OUT/store-in/a.txt"
    printf 'The United States condemned Iran. Hassan Nasrallah commands Hezbollah.\n' > "$OUT/store-in/b.txt"
    for k in 1 2; do
        rm -f "$S/seed-$k.db"
        (cd "$OUT" && NETBUILD_DATA="$ROOT/data" "$ROOT/netbuild" -q store-in/a.txt $([ $k = 2 ] && echo store-in/b.txt) \
            --store "$ROOT/$S/seed-$k.db" -o store-seed.graphml) || true
        rm -f "$S/seed-$k.db-wal" "$S/seed-$k.db-shm"
    done ;;
esac

corpus_of() { case $1 in fuzz_dict) echo "$D" ;; fuzz_model) echo "$M" ;; fuzz_store) echo "$S" ;; *) echo "$A" ;; esac; }
dict_of() { case $1 in fuzz_dict) echo tests/fuzz/dict.dict ;; fuzz_model) echo tests/fuzz/model.dict ;; fuzz_store) echo tests/fuzz/store.dict ;; *) echo tests/fuzz/article.dict ;; esac; }
len_of() { case $1 in fuzz_model | fuzz_store) echo 131072 ;; *) echo 65536 ;; esac; }

echo "fuzz: running $TARGETS for $SECS s each (in parallel)"
stamp=$OUT/.run-start
: > "$stamp"
pids=""
for t in $TARGETS; do
    # shellcheck disable=SC2086
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} NETBUILD_DATA="$ROOT/data" \
        "$OUT/$t" -max_len="$(len_of "$t")" -max_total_time="$SECS" -print_final_stats=1 \
        -timeout=25 -rss_limit_mb=4096 -dict="$(dict_of "$t")" \
        -artifact_prefix="$OUT/crashes/$t-" ${FUZZ_ARGS:-} "$(corpus_of "$t")" \
        > "$OUT/$t.log" 2>&1 &
    pids="$pids $!"
done
status=0
for p in $pids; do wait "$p" || status=1; done

total=0
for t in $TARGETS; do
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$t.log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$OUT/$t.log" | tail -n 1)
    if [ -z "$n" ]; then
        # -fork mode prints "#EXECS: cov: ... exec/s RATE ..." instead
        n=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$OUT/$t.log" | tail -n 1)
        rate=$(sed -n 's/^#[0-9]*: cov:.* exec\/s \([0-9]*\).*/\1/p' "$OUT/$t.log" | tail -n 1)
    fi
    cov=$(grep -o 'cov: [0-9]*' "$OUT/$t.log" | tail -n 1)
    echo "fuzz: $t: ${n:-?} executions, ${rate:-?}/s, $cov, corpus $(ls "$(corpus_of "$t")" | wc -l) files"
    total=$((total + ${n:-0}))
    new=$(find "$OUT/crashes" -name "$t-*" -newer "$stamp" | wc -l)
    if [ "$new" -gt 0 ] || grep -q '^==[0-9]*==ERROR\|invariant violated\|deadly signal' "$OUT/$t.log"; then
        echo "fuzz: $t FOUND $new CRASH(ES) - see $OUT/$t.log and $OUT/crashes/:"
        grep 'invariant violated\|^SUMMARY' "$OUT/$t.log" | sort | uniq -c | sort -rn | head -n 5 | sed 's/^/    /'
        status=1
    fi
done
echo "fuzz: $total executions in total"
exit $status
