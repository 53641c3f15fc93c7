#!/bin/sh
# check_store.sh BIN - the --store paths against plain runs: an incremental
# rerun (unchanged, then files added, changed, removed, renamed) and a merge
# of 4 shards made with GNU parallel give the bytes of a full run, also with
# --since/--until; netbuild query lists a run's evidence; corrupt, foreign
# and newer-schema stores are refused with one line and exit 4, damaged rows
# are repaired or refused, never a crash.
# Killing runs at random points is tests/check_store_kill.sh.
set -u
BIN=${1:-./netbuild}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "check_store: $*" >&2; fail=1; }
OUTS="graphml txt json gexf html"
run() { # name args...: writes $t/name.* in every format
    n=$1; shift
    args=""
    for f in $OUTS; do args="$args -o $t/$n.$f"; done
    # shellcheck disable=SC2086
    "$BIN" -q "$@" $args 2>"$t/$n.err"
}
same() { # a b: every format byte-identical
    for f in $OUTS; do cmp -s "$t/$1.$f" "$t/$2.$f" || bad "$1.$f differs from $2.$f"; done
}
counts() { grep -o '[0-9]* new, [0-9]* changed, [0-9]* unchanged, [0-9]* removed' "$1"; }

# a corpus with folders and a byte-identical copy (provenance, duplicates)
mkdir -p "$t/c/sub" "$t/c/z"
cp "$ROOT"/tests/eval/a/articles/* "$t/c/"
cp "$ROOT"/tests/eval/c/articles/* "$t/c/sub/"
cp "$ROOT"/seeds/* "$t/c/z/"
cp "$ROOT"/tests/eval/a/articles/a01_sahel_mali.txt "$t/c/z/copy.txt"

run full "$t/c" || bad "full run failed"
run s1 "$t/c" --store "$t/s.db" || bad "first --store run failed"
same full s1
"$BIN" "$t/c" --store "$t/s.db" -o "$t/s2.graphml" 2>"$t/s2.log"
[ "$(counts "$t/s2.log")" = "0 new, 0 changed, $(($(find "$t/c" -type f | wc -l))) unchanged, 0 removed" ] ||
    bad "unchanged rerun counts: $(counts "$t/s2.log")"
cmp -s "$t/full.graphml" "$t/s2.graphml" || bad "unchanged rerun differs"

# add, change, remove, touch without change, and the original of the copy gone
cp "$ROOT"/tests/eval/b/articles/b01*.txt "$t/c/sub/new1.txt"
printf 'Hamas condemned Israel.\n' >> "$t/c/sub/$(ls "$t/c/sub" | head -n 1)"
rm "$t/c/a01_sahel_mali.txt"
touch -d '2001-01-01' "$t/c/z/$(ls "$t/c/z" | head -n 1)"
run full2 "$t/c"
"$BIN" "$t/c" --store "$t/s.db" -o "$t/inc.graphml" 2>"$t/inc.log"
[ "$(counts "$t/inc.log")" = "1 new, 1 changed, $(($(find "$t/c" -type f | wc -l) - 2)) unchanged, 1 removed" ] ||
    bad "incremental counts: $(counts "$t/inc.log")"
run inc "$t/c" --store "$t/s.db"
same full2 inc

# other dictionaries: every record is extracted again, same bytes
printf 'name,kind,aliases\nMali,organization,\n' > "$t/extra.csv"
run full3 -a "$t/extra.csv" "$t/c"
"$BIN" -a "$t/extra.csv" "$t/c" --store "$t/s.db" -o "$t/v.graphml" 2>"$t/v.log"
grep -q "(0 unchanged extracted again)" "$t/v.log" && bad "dictionary change did not recompute: $(grep store "$t/v.log")"
cmp -s "$t/full3.graphml" "$t/v.graphml" || bad "run after a dictionary change differs"

# shards: 4 parts with GNU parallel, merged, equal a single run
if command -v parallel > /dev/null 2>&1; then
    (cd "$t" && parallel --will-cite -j 2 "$BIN" shard -q c --part '{}/4' --store "shard-{}.db" ::: 1 2 3 4) ||
        bad "parallel shards failed"
    (cd "$t" && "$BIN" -q c $(for f in $OUTS; do printf -- '-o single.%s ' "$f"; done)) || bad "single run failed"
    (cd "$t" && "$BIN" merge -q shard-1.db shard-2.db shard-3.db shard-4.db \
        $(for f in $OUTS; do printf -- '-o merged.%s ' "$f"; done)) || bad "merge failed"
    same single merged
    (cd "$t" && "$BIN" merge -q shard-1.db shard-2.db shard-3.db -o m3.graphml 2>"$t/m3.err"; [ $? -eq 2 ]) ||
        bad "merge of 3 of 4 parts not refused"
else
    echo "check_store: no GNU parallel: shard test skipped" >&2
fi

# --since/--until with a store and with merge: the bytes of the same run
# without a store, whether the store was made with or without them. Dated
# folders give the dates; a copy of a left-out article, dated within by its
# own path, is an article of its own, as in a run without a store.
mkdir -p "$t/d/2023/05/01" "$t/d/2024/02/10" "$t/d/2024/06/20" "$t/d/plain"
cp "$ROOT"/seeds/* "$t/d/2023/05/01/"
cp "$ROOT"/tests/eval/a/articles/* "$t/d/2024/02/10/"
cp "$ROOT"/tests/eval/c/articles/* "$t/d/2024/06/20/"
cp "$ROOT"/tests/eval/b/articles/b01*.txt "$t/d/plain/"
cp "$t/d/2023/05/01/$(ls "$t/d/2023/05/01" | head -n 1)" "$t/d/2024/02/10/zz-copy.txt"
W="--since 2024-01-01 --until 2024-03-31"
# shellcheck disable=SC2086
run dfull "$t/d" $W || bad "--since run failed"
run dall "$t/d" || bad "run over d failed"
# shellcheck disable=SC2086
run dw1 "$t/d" $W --store "$t/d.db" || bad "--since run with a store failed"
cp "$t/d.db" "$t/q.db" # for netbuild query below
run dw2 "$t/d" --store "$t/d.db" || bad "run without --since on its store failed"
same dfull dw1
same dall dw2
rm -f "$t"/d.db*
# shellcheck disable=SC2086
{ run dw4 "$t/d" --store "$t/d.db" && run dw5 "$t/d" $W --store "$t/d.db"; } || bad "--since rerun failed"
same dall dw4
same dfull dw5
for k in 1 2 3; do "$BIN" shard -q "$t/d" --part "$k/3" --store "$t/dsh$k.db" || bad "shard $k of d failed"; done
# shellcheck disable=SC2086
"$BIN" merge -q "$t/dsh1.db" "$t/dsh2.db" "$t/dsh3.db" $W \
    $(for f in $OUTS; do printf -- '-o %s/dm.%s ' "$t" "$f"; done) || bad "merge with --since failed"
same dfull dm
"$BIN" shard -q "$t/d" --part 1/3 --store "$t/dx.db" --since 2024-01-01 2>/dev/null; [ $? -eq 2 ] ||
    bad "shard with --since not refused"
"$BIN" --conllu "$t/d" --store "$t/dx.db" > /dev/null 2>&1; [ $? -eq 2 ] || bad "--conllu with --store not refused"

# netbuild query: the evidence a run's network holds, from the store alone
# (the relations of an actor, any case, either way; one relation between
# dates), sorted; 1 when nothing matched, 2 on usage errors, 4 for a file
# that is not a store
# shellcheck disable=SC2086
"$BIN" query --store "$t/q.db" --relation attacked $W > "$t/q-attacked.tsv" || bad "query --relation: exit $?"
"$BIN" query --store "$t/d.db" --actor hezbollah > "$t/q-a1.tsv" || bad "query --actor hezbollah: exit $?"
"$BIN" query --store "$t/d.db" --actor 'UNITED states' > "$t/q-a2.tsv" || bad "query --actor 'UNITED states': exit $?"
/usr/bin/python3 - "$t" <<'PY' || bad "query lines differ from the run's evidence"
import json, sys
t = sys.argv[1]
def evidence(path, keep):
    d = json.load(open(path))
    names = {n["id"]: n["label"] for n in d["nodes"]}
    return sorted((v.get("date", ""), names[e["source"]], e["relation"], names[e["target"]], v["article"],
                   v["offset"], v["sentence"]) for e in d["edges"] for v in e["evidence"]
                  if keep(names[e["source"]], e["relation"], names[e["target"]]))
def query(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    assert lines[0] == "date\tsource\trelation\ttarget\tarticle\toffset\tsentence" and lines[-1] == "", lines[0]
    rows = [l.split("\t") for l in lines[1:-1]]
    rows = [(r[0], r[1], r[2], r[3], r[4], int(r[5]), r[6]) for r in rows]
    assert rows == sorted(rows), path + ": not sorted"
    return rows
for path, net, keep in (
        ("q-attacked.tsv", "dfull.json", lambda s, r, d: r == "attacked"),
        ("q-a1.tsv", "dall.json", lambda s, r, d: "hezbollah" in (s.lower(), d.lower())),
        ("q-a2.tsv", "dall.json", lambda s, r, d: "united states" in (s.lower(), d.lower()))):
    want, got = evidence(t + "/" + net, keep), query(t + "/" + path)
    assert want and got == want, (path, len(got), len(want))
PY
"$BIN" query --store "$t/d.db" --actor 'Nobody At All' > "$t/q-none.tsv"; rc=$?
[ "$rc" -eq 1 ] && [ "$(wc -l < "$t/q-none.tsv")" -eq 1 ] || bad "query with no match: exit $rc"
for args in "--actor x" "--store $t/d.db" "--store $t/d.db --relation bombed" "--store $t/d.db --actor x $t/d" \
    "--store $t/d.db --actor x -o $t/x.graphml" "--store $t/d.db --actor x --since 2024-02-01 --until 2024-01-01"; do
    # shellcheck disable=SC2086
    "$BIN" query $args > /dev/null 2>&1; rc=$?
    [ "$rc" -eq 2 ] || bad "query $args: exit $rc, not 2"
done
head -c 4096 /dev/zero | tr '\0' 'x' > "$t/notastore.db"
"$BIN" query --store "$t/notastore.db" --actor x > /dev/null 2>"$t/q4.err"; rc=$?
[ "$rc" -eq 4 ] && [ "$(wc -l < "$t/q4.err")" -eq 1 ] || bad "query of a file that is not a store: exit $rc"

# refused stores: one line, exit 4, never a crash
exp4() { # name file
    "$BIN" "$t/c" --store "$2" -o "$t/r.graphml" 2>"$t/$1.err"
    rc=$?
    [ "$rc" -eq 4 ] || bad "$1: exit $rc, not 4"
    [ "$(wc -l < "$t/$1.err")" -eq 1 ] || bad "$1: not one line: $(cat "$t/$1.err")"
}
head -c 4096 /dev/urandom > "$t/random.db"
exp4 random "$t/random.db"
cp "$t/s.db" "$t/trunc.db"
sz=$(wc -c < "$t/trunc.db")
head -c $((sz / 2)) "$t/s.db" > "$t/trunc.db"
"$BIN" "$t/c" --store "$t/trunc.db" -o "$t/r.graphml" 2>"$t/trunc.err"
rc=$?
# a cut store is either refused (4) or, when the cut left whole pages, read and completed
[ "$rc" -eq 4 ] || [ "$rc" -eq 0 ] || bad "truncated store: exit $rc"
cp "$t/s.db" "$t/newer.db"
sqlite3 "$t/newer.db" "PRAGMA user_version=99" || bad "sqlite3 failed"
exp4 newer "$t/newer.db"
grep -q "newer" "$t/newer.err" || bad "newer schema message: $(cat "$t/newer.err")"
sqlite3 "$t/foreign.db" "CREATE TABLE t(x); INSERT INTO t VALUES(1);"
exp4 foreign "$t/foreign.db"
sqlite3 "$t/foreign2.db" "CREATE TABLE article(x); PRAGMA user_version=1;"
exp4 foreign-version "$t/foreign2.db"
cp "$t/s.db" "$t/notables.db"
sqlite3 "$t/notables.db" "DROP TABLE article" || bad "sqlite3 failed"
exp4 no-article-table "$t/notables.db"

# damaged stores and rows, over a small corpus (seeds/ and a copy) so that
# they stay quick under ASan: its store, and its 2 shards
mkdir "$t/m"
cp "$ROOT"/seeds/* "$t/m/"
cp "$t/m/$(ls "$t/m" | head -n 1)" "$t/m/zz-copy.txt"
"$BIN" -q "$t/m" -o "$t/mfull.graphml" 2>/dev/null || bad "run over m failed"
"$BIN" -q "$t/m" --store "$t/m.db" -o "$t/m0.graphml" 2>/dev/null || bad "--store run over m failed"
cmp -s "$t/m0.graphml" "$t/mfull.graphml" || bad "--store run over m differs"
for k in 1 2; do "$BIN" shard -q "$t/m" --part "$k/2" --store "$t/mp$k.db" 2>/dev/null || bad "shard $k of m failed"; done

# damaged stores (seeded, so a failure can be replayed): cut at several
# lengths, random bytes (also behind a real SQLite header), pages
# overwritten in the middle. Each is refused (4, one line) or, when SQLite
# still reads it whole, completed with the bytes of a full run; never a
# crash, never another status.
/usr/bin/python3 - "$t/m.db" "$t/dmg" <<'PY'
import os, random, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
db = open(src, "rb").read()
rng = random.Random(14)
cases = {}
for n in (100, 4097, len(db) // 3, len(db) - 4096, len(db) - 1):
    cases["cut-%d" % n] = db[:n]
for n in (100, 4096):
    cases["random-%d" % n] = bytes(rng.getrandbits(8) for _ in range(n))
cases["header-random"] = db[:100] + bytes(rng.getrandbits(8) for _ in range(len(db) - 100))
for k in range(3):
    at = rng.randrange(4096, len(db) - 512)
    cases["overwritten-%d" % k] = db[:at] + bytes(rng.getrandbits(8) for _ in range(512)) + db[at + 512:]
for name, data in cases.items():
    with open(os.path.join(out, name + ".db"), "wb") as f:
        f.write(data)
PY
for f in "$t"/dmg/*.db; do
    n=$(basename "$f" .db)
    "$BIN" "$t/m" --store "$f" -o "$t/dmg/$n.graphml" 2>"$t/dmg/$n.err"
    rc=$?
    case $rc in
        4) [ "$(wc -l < "$t/dmg/$n.err")" -eq 1 ] || bad "$n: not one line: $(cat "$t/dmg/$n.err")" ;;
        0) cmp -s "$t/dmg/$n.graphml" "$t/mfull.graphml" || bad "$n: read, but the output differs" ;;
        *) bad "$n: exit $rc: $(tail -n 3 "$t/dmg/$n.err")" ;;
    esac
done

# malformed rows written with plain sqlite3 (a NULL relpath, out-of-range
# positions, a record of random bytes, a record cut short, invalid UTF-8 in
# the text columns): a --store run repairs them and writes a full run's
# bytes; a merge refuses rows it cannot place (4, one line) and extracts an
# unreadable record again from its source.
rows() { # name sql: a copy of m.db changed by sql, run over m
    cp "$t/m.db" "$t/$1.db"
    sqlite3 "$t/$1.db" "$2" || bad "$1: sqlite3 failed"
    "$BIN" -q "$t/m" --store "$t/$1.db" -o "$t/$1.graphml" 2>"$t/$1.err" || bad "$1: exit $?: $(cat "$t/$1.err")"
    cmp -s "$t/$1.graphml" "$t/mfull.graphml" || bad "$1: output differs from a full run"
}
rows null-relpath "INSERT INTO article VALUES(NULL, 'x', 0, 1, 1, 'h', '', NULL)"
rows pos "UPDATE article SET pos = -5 WHERE rowid % 2 = 0; UPDATE article SET pos = 1000000000000 WHERE rowid % 2 = 1"
rows random-record "UPDATE article SET record = randomblob(300) WHERE record IS NOT NULL"
rows cut-record "UPDATE article SET record = substr(record, 1, length(record) / 2) WHERE record IS NOT NULL"
rows record-text "UPDATE article SET record = CAST(record AS TEXT) WHERE record IS NOT NULL"
rows hash "UPDATE article SET hash = 'zz'"
rows hash-size "UPDATE article SET hash = (SELECT min(hash) FROM article)"
rows utf8 "UPDATE article SET relpath = relpath || CAST(X'FFFE' AS TEXT), source = CAST(X'C0AF' AS TEXT), hash = CAST(X'FF' AS TEXT), date = CAST(X'80' AS TEXT)"
mrg() { # name sql expected-status: shard 2 of m changed by sql, merged
    cp "$t/mp1.db" "$t/mq1.db"
    cp "$t/mp2.db" "$t/mq2.db"
    sqlite3 "$t/mq2.db" "$2" || bad "$1: sqlite3 failed"
    "$BIN" merge -q "$t/mq1.db" "$t/mq2.db" -o "$t/$1.graphml" 2>"$t/$1.err"
    rc=$?
    [ "$rc" -eq "$3" ] || bad "merge $1: exit $rc, not $3: $(cat "$t/$1.err")"
    if [ "$3" -eq 4 ]; then [ "$(wc -l < "$t/$1.err")" -eq 1 ] || bad "merge $1: not one line: $(cat "$t/$1.err")"
    elif [ "$1" = m-utf8 ]; then xmllint --noout "$t/$1.graphml" 2>/dev/null || bad "merge $1: invalid GraphML"
    else cmp -s "$t/$1.graphml" "$t/mfull.graphml" || bad "merge $1: output differs from a single run"; fi
}
mrg m-null-relpath "INSERT INTO article VALUES(NULL, 'x', 0, 1, 1, 'h', '', NULL)" 4
mrg m-pos-big "UPDATE article SET pos = 1000000000000 WHERE rowid = (SELECT min(rowid) FROM article)" 4
mrg m-pos-negative "UPDATE article SET pos = -1 WHERE rowid = (SELECT min(rowid) FROM article)" 4
mrg m-pos-twice "UPDATE article SET pos = (SELECT min(pos) FROM article)" 4
mrg m-pos-text "UPDATE article SET pos = 'x' WHERE rowid = (SELECT min(rowid) FROM article)" 4
mrg m-hash "UPDATE article SET hash = 'zz' WHERE rowid = (SELECT min(rowid) FROM article)" 4
mrg m-random-record "UPDATE article SET record = randomblob(300) WHERE record IS NOT NULL" 0
mrg m-utf8 "UPDATE article SET relpath = relpath || CAST(X'FFFE3C26' AS TEXT)" 0

# four processes on one store: each waits for its turn or fails with a
# clear line; at least one completes, and what completes is right
pids=""
for k in 1 2 3 4; do
    "$BIN" "$t/c" --store "$t/s.db" -o "$t/p$k.graphml" 2>"$t/p$k.err" &
    pids="$pids $!"
done
k=0
done_ok=0
for pid in $pids; do
    k=$((k + 1))
    if wait "$pid"; then
        done_ok=1
        cmp -s "$t/p$k.graphml" "$t/full2.graphml" || bad "concurrent run $k differs"
    else
        grep -q "in use by another netbuild" "$t/p$k.err" || bad "concurrent run $k: $(cat "$t/p$k.err")"
    fi
done
[ "$done_ok" -eq 1 ] || bad "none of four concurrent runs completed"
sqlite3 "$t/s.db" "PRAGMA integrity_check" | grep -qx ok || bad "store corrupt after concurrent runs"
# a turn held past the wait (here by flock(1)): one clear line, not a hang
if command -v flock > /dev/null 2>&1; then
    flock "$t/s.db" sleep 8 &
    hold=$!
    sleep 1
    "$BIN" "$t/c" --store "$t/s.db" -o "$t/held.graphml" 2>"$t/held.err"
    rc=$?
    [ "$rc" -ne 0 ] && [ "$(wc -l < "$t/held.err")" -eq 1 ] && grep -q "in use by another netbuild" "$t/held.err" ||
        bad "store held by another process: exit $rc: $(cat "$t/held.err")"
    [ -e "$t/held.graphml" ] && bad "store held by another process: output written"
    wait $hold
fi

exit $fail
