#!/bin/sh
# check_jobs.sh BIN - extraction threads: -j 4 writes the bytes -j 1 writes
# in every format, with the same messages (in the same order), counts and
# exit status, on seeds/ and tests/eval a, b, c, e with a copy, an empty
# file, a binary file and a netbuild output among them; also with
# --since/--until and with --store (first run and rerun). -j wants 0 or more.
set -u
BIN=${1:-./netbuild}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "check_jobs: $*" >&2; fail=1; }
OUTS="graphml gexf csv json html dot txt"
run() { # name args...: writes $t/name.* in every format, stderr and status
    n=$1; shift
    args=""
    for f in $OUTS; do args="$args -o $t/$n.$f"; done
    # shellcheck disable=SC2086
    "$BIN" --no-progress "$@" $args 2>"$t/$n.err"
    echo $? > "$t/$n.rc"
}
files() { # the files of a run: every output (CSV is two), then stderr and status
    for f in $OUTS; do
        if [ "$f" = csv ]; then echo nodes.csv edges.csv; else echo "$f"; fi
    done
    [ "${1:-}" = outputs ] || echo err rc
}
same() { # a b [outputs]: every file byte-identical (with outputs: the outputs only)
    for x in $(files "${3:-}"); do cmp -s "$t/$1.$x" "$t/$2.$x" || bad "$1.$x differs from $2.$x"; done
}

mkdir -p "$t/c/seeds" "$t/c/odd"
cp "$ROOT"/seeds/* "$t/c/seeds/"
for s in a b c e; do
    mkdir -p "$t/c/$s"
    cp "$ROOT"/tests/eval/$s/articles/* "$t/c/$s/"
done
cp "$ROOT"/tests/eval/a/articles/a01_sahel_mali.txt "$t/c/odd/copy.txt"
: > "$t/c/odd/empty.txt"
printf '\177ELF\001\002\000\000binary' > "$t/c/odd/prog.txt"
"$BIN" -q "$ROOT/seeds" -o "$t/c/odd/old.graphml" || bad "seeds run failed"

run j1 -j 1 "$t/c"
run j4 -j 4 "$t/c"
same j1 j4
[ "$(cat "$t/j1.rc")" = 1 ] || bad "exit status $(cat "$t/j1.rc"), not 1 (skipped files)"
grep -q "same text as" "$t/j4.err" || bad "no copy reported"
run d1 -j 1 --since 2023-06-01 "$t/c"
run d4 -j 4 --since 2023-06-01 "$t/c"
same d1 d4
# a store run says what it did to the store on stderr: outputs only
run s4 -j 4 "$t/c" --store "$t/s.db"
same j1 s4 outputs
run r4 -j 4 "$t/c" --store "$t/s.db"
same j1 r4 outputs
run z -j 0 "$t/c"
same j1 z
for bad_j in -1 x 1x 100000 ""; do
    "$BIN" -q -j "$bad_j" "$t/c" -o "$t/bad.graphml" 2>/dev/null
    [ $? = 2 ] || bad "-j '$bad_j' is not a usage error"
done
exit $fail
