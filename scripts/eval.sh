#!/bin/sh
# eval.sh - extraction accuracy: runs netbuild on each gold set and scores it
# with the shared scorer (../shared/eval/score.py, outside this repository).
#
#   sh scripts/eval.sh [-v]
#
# Sets: seeds/ against ../shared/eval/seeds-gold, and tests/eval/{a,b,c}:
# articles written for netbuild (conflicts in the Sahel, Sudan, DRC, Yemen,
# Myanmar, Lebanon, Iraq, Syria, Ukraine, Somalia, Gaza, Lake Chad, Libya,
# Pakistan, Ethiopia, Mozambique, Haiti, Karabakh) with gold actors and
# relations in the scorer's format. The extractor was tuned while reading
# their errors, so they measure regressions, not generalisation: write a
# fresh set for that. Not part of make test (the scorer is not in the repo).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SCORE=${SCORE:-../shared/eval/score.py}
if [ ! -f "$SCORE" ]; then
    echo "eval: no scorer at $SCORE (set SCORE=path/to/score.py)" >&2
    exit 2
fi
[ -x ./netbuild ] || make -s netbuild
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { # name articles gold
    ./netbuild -q "$2" -o "$out/$1.graphml" || true
    printf '%-6s ' "$1"
    if [ "${1:-}" ] && [ "${VERBOSE:-}" ]; then
        python3 "$SCORE" "$3" "$out/$1.graphml" -v
    else
        python3 "$SCORE" "$3" "$out/$1.graphml" | grep '^all'
    fi
}
[ "${1:-}" = -v ] && VERBOSE=1
[ -d ../shared/eval/seeds-gold ] && run seeds seeds ../shared/eval/seeds-gold
for d in tests/eval/*/; do
    n=$(basename "$d")
    # A blind set is scored once, when the work it measures is done: until
    # then it is named in tests/eval/BLIND and skipped (NB_BLIND=1 scores it).
    if grep -qx "$n" tests/eval/BLIND 2>/dev/null && [ "${NB_BLIND:-0}" != 1 ]; then
        printf '%-6s blind: not scored yet (tests/eval/BLIND)\n' "$n"
        continue
    fi
    run "$n" "$d/articles" "$d"
done
# The paraphrase table (tests/paraphrases.txt): one fact in many
# constructions, plus negatives. Not in make test: it measures coverage, and
# most families still have members the extractor misses.
if [ -f tests/paraphrases.txt ]; then
    make -s build/test_sentences >/dev/null
    build/test_sentences tests/paraphrases.txt 2>&1 | awk '
        /^\[       OK \]/ {ok++} /^\[  FAILED  \] line/ {bad[$NF] = 1}
        END {n = 0; for (k in bad) n++; printf "paraphrases  %d of %d cases pass\n", ok, ok + n}'
fi
