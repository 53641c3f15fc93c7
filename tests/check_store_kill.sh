#!/bin/sh
# check_store_kill.sh BIN [TRIALS] - crash safety of --store: TRIALS times
# (10 by default; NB_KILL_TRIALS=100 in scripts/test.sh for the full count),
# a --store run is killed with SIGKILL at a random point (during the first
# run over an empty store on odd trials, a rerun with changed files on even
# ones); the next run must open the store, complete, and write the bytes of
# a full run without a store, and the store must pass integrity_check.
set -u
BIN=${1:-./netbuild}
TRIALS=${2:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "check_store_kill: $*" >&2; fail=1; }
# many short generated articles, so that most of a run is extraction and
# writes (where a kill matters), and real ones in a folder
/usr/bin/python3 "$ROOT/tests/gen_corpus.py" "$t/g" 300 300 > /dev/null
mv "$t/g/in" "$t/c"
mkdir -p "$t/c/sub"
cp "$ROOT"/tests/eval/a/articles/* "$ROOT"/seeds/* "$t/c/sub/"
A="-a $t/g/actors.csv"
"$BIN" -q $A "$t/c" -o "$t/full.graphml" -o "$t/full.txt" || { echo "check_store_kill: full run failed" >&2; exit 1; }
# how long a first run takes, in ms: kills land within it
s=$(date +%s%N)
"$BIN" -q $A "$t/c" --store "$t/probe.db" -o "$t/probe.graphml" || bad "probe run failed"
ms=$(( ($(date +%s%N) - s) / 1000000 + 1 ))
rnd() { od -An -N4 -tu4 /dev/urandom | tr -d ' '; }
i=1
while [ "$i" -le "$TRIALS" ]; do
    if [ $((i % 2)) -eq 1 ]; then rm -f "$t/s.db" "$t/s.db-wal" "$t/s.db-shm"
    else touch "$t/c/sub/"* ; fi  # new mtimes: every file is read and hashed again
    delay=$(( $(rnd) % ms ))
    "$BIN" -q $A "$t/c" --store "$t/s.db" -o "$t/k.graphml" 2>/dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if ! "$BIN" -q $A "$t/c" --store "$t/s.db" -o "$t/r.graphml" -o "$t/r.txt" 2>"$t/r.err"; then
        bad "trial $i (killed after ${delay} ms): rerun failed: $(cat "$t/r.err")"
    elif ! cmp -s "$t/full.graphml" "$t/r.graphml" || ! cmp -s "$t/full.txt" "$t/r.txt"; then
        bad "trial $i (killed after ${delay} ms): output differs from a full run"
    fi
    sqlite3 "$t/s.db" "PRAGMA integrity_check" 2>&1 | grep -qx ok || bad "trial $i: integrity_check failed"
    i=$((i + 1))
done
exit $fail
