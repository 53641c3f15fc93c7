#!/bin/sh
# faults.sh - fault injection: runs netbuild under tests/faults/inject.c (an
# LD_PRELOAD shim) with one failing call per run and checks that every
# failure is clean.
#
#   sh scripts/faults.sh [path/to/netbuild]          (default ./netbuild)
#
# Trials (input: two seed articles; outputs o.graphml and o.dot, which hold an
# older network before every run):
#   write  every write-type call on the GraphML output, then on the DOT one
#          (fwrite, fprintf, fflush, fsync, fclose...), failing with ENOSPC
#          and EIO in turn, plus "disk stays full" (sticky) runs;
#   rename the rename() of each output;
#   signal SIGTERM, SIGINT and SIGHUP raised at the first, a middle and the
#          last write call of each output;
#   alloc  every malloc/calloc/realloc made by a library (libcsv, libigraph,
#          libc's stdio...) and a sample of netbuild's own (the first ones,
#          an even spread, and the last ones, where the writers run).
# Expected: write and rename faults exit 3 with "write failed" on stderr; an
# allocation failure may abort with "out of memory" on stderr (SIGABRT, the
# documented behaviour), or exit 0 / 1 / 3 with a message; never another
# signal (a segfault). Always: no temporary file is left, and every output is
# either byte-identical to the older one or to a fault-free run's, or (after
# a reported problem) a complete valid file - never a partial one; the output
# whose write failed keeps its older content. A signal kills netbuild (status
# 128 + the signal) with the output being written old and the other one old
# or new.
#
# A segfault that gdb places inside igraph (or a library under it), after an
# allocation igraph itself asked for, is igraph's own out-of-memory handling
# (seen: igraph 0.10.2's igraph_inclist_init, under
# igraph_hub_and_authority_scores, hands an unchecked calloc(1, 24) to
# igraph_vector_int_init, which writes through the NULL):
# such trials are reported as "not ok ... # TODO upstream" and not counted
# as failures unless NB_STRICT=1.
#
# Prints a line per group and one per failing trial (NB_VERBOSE=1: one per
# trial), then "N passed, M failed" counting trials; exits non-zero on any
# failure. Environment: NB_JOBS (default 2), NB_ALLOC_SAMPLES (netbuild's own
# allocations tried, default 400), NB_ALLOC_TAIL (how many of the last
# allocations are all tried, default a quarter of the samples),
# NB_FAULT_INPUT (input paths, default two seed articles), NB_STRICT.
# An ASan build's allocator cannot be interposed: for one, the shim is built
# without allocation faults and only write and rename faults run.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)

# Runs netbuild on the input into DIR/o.graphml and DIR/o.dot, with extra
# environment assignments; stderr goes to DIR/err. Trials and the counting
# runs use folders with names of one length and the same older outputs in
# place, so that allocation indices line up between them.
run_in() { # DIR [VAR=VALUE...]
    dir=$1
    shift
    # Default dispositions: a suite started under nohup or in the background
    # would otherwise hand netbuild an ignored SIGHUP or SIGINT, which it keeps.
    # shellcheck disable=SC2086 # INPUT is a list of paths
    timeout 120 env --default-signal=HUP,INT,TERM NETBUILD_DATA="$ROOT/data" \
        ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
        "$@" "$NB" -q $INPUT -o "$dir/o.graphml" -o "$dir/o.dot" > /dev/null 2> "$dir/err"
}
prepare() { # DIR: a fresh folder holding the older outputs
    rm -rf "$1"
    mkdir "$1"
    cp "$TMPD/old.graphml" "$1/o.graphml"
    cp "$TMPD/old.dot" "$1/o.dot"
}

# ---- worker: one trial ---------------------------------------------------------
# --trial ID MODE SUFFIX N ERRNO STICKY
if [ "${1:-}" = "--trial" ]; then
    id=$2 mode=$3 sfx=$4 n=$5 eno=$6 sticky=$7
    D=$TMPD/t$(printf '%06d' "$id")
    prepare "$D"
    case $mode in
    write) set -- INJECT_SUFFIX="$sfx" INJECT_WRITE="$n" INJECT_ERRNO="$eno" INJECT_STICKY="$sticky" ;;
    rename) set -- INJECT_SUFFIX="$sfx" INJECT_RENAME="$n" INJECT_ERRNO="$eno" ;;
    alloc) set -- INJECT_ALLOC="$n" ;;
    signal) set -- INJECT_SUFFIX="$sfx" INJECT_WRITE="$n" INJECT_SIGNAL="$eno" ;;
    esac
    run_in "$D" LD_PRELOAD="$SHIM" "$@"
    rc=$?
    why=""
    known=""
    err1=$(head -c 200 "$D/err" | tr '\n' '|')
    same() { cmp -s "$1" "$2"; }
    # each output: old, or the reference (complete), or something else
    for o in graphml dot; do
        if same "$TMPD/old.$o" "$D/o.$o"; then eval "state_$o=old"
        elif same "$TMPD/ref.$o" "$D/o.$o"; then eval "state_$o=new"
        else eval "state_$o=other"; fi
    done
    left=$(find "$D" -name '*.tmp*' | head -n 1)
    [ -n "$left" ] && why="temporary file left: ${left##*/}"
    if [ -z "$why" ]; then
        case $mode in
        write | rename)
            failed=${sfx#.}
            other=graphml
            [ "$failed" = graphml ] && other=dot
            eval "sf=\$state_$failed so=\$state_$other"
            if [ "$rc" -ne 3 ]; then why="exit $rc, want 3: $err1"
            elif ! grep -q "o\.$failed: write failed: " "$D/err"; then why="no 'write failed' message: $err1"
            elif [ "$sf" != old ]; then why="o.$failed is $sf, want the old file untouched"
            elif [ "$so" != new ]; then why="o.$other is $so, want the new network"
            fi
            ;;
        signal)
            failed=${sfx#.}
            other=graphml
            [ "$failed" = graphml ] && other=dot
            eval "sf=\$state_$failed so=\$state_$other"
            if [ "$rc" -ne $((128 + eno)) ]; then why="exit $rc, want $((128 + eno)) (signal $eno): $err1"
            elif [ "$sf" != old ]; then why="o.$failed is $sf, want the old file untouched"
            elif [ "$so" = other ]; then why="o.$other is neither the old nor the new file"
            fi
            ;;
        alloc)
            if [ "$rc" -eq 134 ]; then
                grep -q "out of memory" "$D/err" || why="SIGABRT without 'out of memory': $err1"
            elif [ "$rc" -ge 128 ]; then
                why="killed by signal $((rc - 128)): $err1"
                owner=$(sed -n "${n}s/^[0-9]* //p" "$TMPD/trace" 2> /dev/null)
                if command -v gdb > /dev/null 2>&1; then
                    # where did it crash? (same environment, same allocation)
                    # shellcheck disable=SC2086
                    # no shell in between: it would take the injected fault itself
                    frame=$(env NETBUILD_DATA="$ROOT/data" gdb -q -batch -nx -ex "set startup-with-shell off" \
                        -ex "set environment LD_PRELOAD $SHIM" -ex "set environment INJECT_ALLOC $n" \
                        -ex run -ex "bt 1" --args "$NB" -q $INPUT -o "$D/o.graphml" -o "$D/o.dot" 2>&1 |
                        grep -m 1 '^#0')
                    why="$why at ${frame#\#0 }"
                    case $frame in
                    *" from "*libigraph* | *" from "*libarpack* | *" from "*libblas* | *" from "*liblapack* | *" from "*libglpk*)
                        [ "$owner" != executable ] && known="allocation $n by $owner" ;;
                    esac
                fi
            elif [ "$rc" -eq 0 ]; then
                [ "$state_graphml" = new ] && [ "$state_dot" = new ] ||
                    why="exit 0 but outputs are $state_graphml/$state_dot"
            elif [ "$rc" -eq 1 ] || [ "$rc" -eq 3 ]; then
                grep -qi "memory\|failed\|cannot" "$D/err" || why="exit $rc without a message"
                # A skipped article (exit 1) gives a smaller network, a failed
                # analysis (exit 3) zero metrics: complete files all the same.
                for o in graphml dot; do
                    eval "st=\$state_$o"
                    if [ "$st" = other ] && ! "$VALIDATE" "$D/o.$o" > /dev/null 2>&1; then
                        why="exit $rc and o.$o is neither old, new nor valid"
                    fi
                done
            else
                why="exit $rc: $err1"
            fi
            ;;
        esac
    fi
    if [ -n "$known" ] && [ -z "${NB_STRICT:-}" ]; then
        printf '%s (%s)\n' "$why" "$known" > "$RES/$id.known"
    elif [ -n "$why" ]; then
        printf '%s\n' "$why" > "$RES/$id.fail"
    else
        : > "$RES/$id.ok"
    fi
    rm -rf "$D"
    exit 0
fi

# ---- driver ------------------------------------------------------------------------
NB=${1:-./netbuild}
case $NB in /*) ;; *) NB=$(pwd)/$NB ;; esac
[ -x "$NB" ] || { echo "faults: $NB is not an executable (run make first)" >&2; exit 2; }
INPUT=${NB_FAULT_INPUT:-$(ls "$ROOT"/seeds/*.txt | head -n 2 | tr '\n' ' ')}
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/nbfaults.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT
trap 'exit 130' INT TERM
SHIM=$TMPD/inject.so
RES=$TMPD/results
VALIDATE=$TMPD/validate
mkdir "$RES"

# An ASan build's allocator cannot be interposed: its shim has no
# allocation faults (-DINJECT_NO_ALLOC).
asan=0
if nm -D "$NB" 2> /dev/null | grep -q __asan_init || ldd "$NB" 2> /dev/null | grep -q libasan; then
    asan=1
fi
noalloc=""
[ "$asan" -eq 1 ] && noalloc=-DINJECT_NO_ALLOC
# shellcheck disable=SC2086
if ! cc -shared -fPIC -O1 $noalloc -o "$SHIM" "$ROOT/tests/faults/inject.c" -ldl; then
    echo "faults: cannot build tests/faults/inject.c" >&2
    exit 2
fi
PY=${NB_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
# validates one output file: xmllint or dot, then check.py
cat > "$VALIDATE" << EOF
#!/bin/sh
case \$1 in
*.graphml) xmllint --noout "\$1" || exit 1 ;;
*.dot) dot -Tsvg -o /dev/null "\$1" || exit 1 ;;
esac
"$PY" "$ROOT/tests/catalogue/check.py" "\$1"
EOF
chmod +x "$VALIDATE"
export NB INPUT TMPD SHIM RES VALIDATE ROOT

# the older outputs (another input) and the reference (no fault)
env NETBUILD_DATA="$ROOT/data" "$NB" -q "$ROOT/seeds" -o "$TMPD/old.graphml" -o "$TMPD/old.dot" 2> /dev/null
C=$TMPD/t000000
prepare "$C"
run_in "$C" || { echo "faults: netbuild fails without faults: $(cat "$C/err")" >&2; exit 2; }
cp "$C/o.graphml" "$TMPD/ref.graphml"
cp "$C/o.dot" "$TMPD/ref.dot"
for f in "$TMPD/ref.graphml" "$TMPD/ref.dot"; do
    "$VALIDATE" "$f" || { echo "faults: the fault-free output $f is not valid" >&2; exit 2; }
done
cmp -s "$TMPD/old.graphml" "$TMPD/ref.graphml" && { echo "faults: old and new outputs must differ" >&2; exit 2; }

# how many calls there are (and who allocates what)
count() { # SUFFIX -> "writes W renames R allocs A"
    prepare "$C"
    run_in "$C" LD_PRELOAD="$SHIM" INJECT_SUFFIX="$1" INJECT_COUNTS="$TMPD/counts" INJECT_TRACE="$TMPD/trace"
    cat "$TMPD/counts" 2> /dev/null
}
cg=$(count .graphml)
cd_=$(count .dot)
rm -rf "$C"
Wg=$(echo "$cg" | awk '{print $2}')
Wd=$(echo "$cd_" | awk '{print $2}')
A=$(echo "$cg" | awk '{print $6}')
if [ -z "$Wg" ] || [ "${Wg:-0}" -eq 0 ] || [ "${Wd:-0}" -eq 0 ]; then
    echo "faults: the shim saw no output writes (is $NB dynamically linked?)" >&2
    exit 2
fi

# ---- trial list: ID MODE SUFFIX N ERRNO STICKY ---------------------------------------
LIST=$TMPD/list
: > "$LIST"
id=0
add() { id=$((id + 1)); echo "$id $*" >> "$LIST"; }
for sfx in .graphml .dot; do
    W=$Wg
    [ "$sfx" = .dot ] && W=$Wd
    n=1
    while [ "$n" -le "$W" ]; do
        if [ $((n % 2)) -eq 1 ]; then add write "$sfx" "$n" ENOSPC 0; else add write "$sfx" "$n" EIO 0; fi
        n=$((n + 1))
    done
    mid=$(((W + 1) / 2))
    for n in 1 "$mid" "$W"; do add write "$sfx" "$n" ENOSPC 1; done
    add rename "$sfx" 1 EIO 0
    for n in 1 "$mid" "$W"; do
        for sig in 15 2 1; do add signal "$sfx" "$n" "$sig" 0; done
    done
done
libs=""
if [ "$asan" -eq 0 ] && [ "${A:-0}" -gt 0 ]; then
    samples=${NB_ALLOC_SAMPLES:-400}
    tail_n=${NB_ALLOC_TAIL:-$((samples / 4))}
    head_n=$((samples / 8))
    spread=$((samples - tail_n - head_n))
    [ "$spread" -lt 1 ] && spread=1
    step=$((A / spread + 1))
    # the first calls, an even spread, the last calls (the writers), and
    # every call made from a library
    awk -v a="$A" -v h="$head_n" -v t="$tail_n" -v s="$step" -v trace="$TMPD/trace" 'BEGIN {
        for (i = 1; i <= h && i <= a; i++) seen[i] = 1
        for (i = h + 1; i <= a; i += s) seen[i] = 1
        for (i = a - t + 1; i <= a; i++) if (i > 0) seen[i] = 1
        while ((getline line < trace) > 0) {
            split(line, f, " ")
            if (f[2] != "executable") seen[f[1]] = 1
        }
        for (i in seen) print i
    }' | sort -n > "$TMPD/alloc"
    libs=$(awk '$2 != "executable" {print $2}' "$TMPD/trace" 2> /dev/null | sort | uniq -c |
        awk '{printf "%s%s %s", sep, $2, $1; sep = ", "}')
    while read -r n; do add alloc - "$n" - 0; done < "$TMPD/alloc"
fi

echo "# $NB: GraphML $Wg write calls, DOT $Wd, $A allocations; $id trials"
awk '{print $1, $2, $3, $4, $5, $6}' "$LIST" | xargs -n 6 -P "${NB_JOBS:-2}" sh "$0" --trial

# ---- report ----------------------------------------------------------------------------
passed=0
failed=0
known_n=0
k=0
describe() { awk -v i="$1" '$1 == i {print $2, $3, "#" $4, $5, ($6 ? "sticky" : "")}' "$LIST"; }
report_group() { # TITLE AWK-FILTER
    title=$1
    ids=$(awk "$2 {print \$1}" "$LIST")
    g_ok=0
    g_bad=0
    g_known=0
    for i in $ids; do
        if [ -f "$RES/$i.ok" ]; then
            g_ok=$((g_ok + 1))
            [ -n "${NB_VERBOSE:-}" ] && echo "ok - $title: $(describe "$i")"
        elif [ -f "$RES/$i.known" ]; then
            g_known=$((g_known + 1))
            echo "not ok - $title: $(describe "$i"): $(cat "$RES/$i.known") # TODO upstream"
        else
            g_bad=$((g_bad + 1))
            why=$(cat "$RES/$i.fail" 2> /dev/null || echo "trial did not report")
            echo "not ok - $title: $(describe "$i"): $why"
        fi
    done
    [ -z "$ids" ] && return
    k=$((k + 1))
    extra=""
    [ "$g_known" -gt 0 ] && extra=", $g_known known upstream"
    if [ "$g_bad" -eq 0 ]; then echo "ok $k - $title ($g_ok trials$extra)"
    else echo "not ok $k - $title ($g_bad of $((g_ok + g_bad + g_known)) trials failed$extra)"; fi
    passed=$((passed + g_ok))
    failed=$((failed + g_bad))
    known_n=$((known_n + g_known))
}
report_group "write faults on the GraphML output" '$2 == "write" && $3 == ".graphml" && $6 == 0'
report_group "write faults on the DOT output" '$2 == "write" && $3 == ".dot" && $6 == 0'
report_group "full disk from the N-th write on (sticky)" '$2 == "write" && $6 == 1'
report_group "rename faults" '$2 == "rename"'
report_group "SIGTERM, SIGINT, SIGHUP while writing" '$2 == "signal"'
if [ "$asan" -eq 1 ]; then
    echo "ok $((k + 1)) - allocation faults # SKIP an ASan build's allocator cannot be interposed"
else
    report_group "allocation faults (all $libs; $(($(wc -l < "$TMPD/alloc"))) of $A in all)" '$2 == "alloc"'
fi
[ "$known_n" -gt 0 ] && echo "# $known_n trial(s) crashed inside igraph after its own allocation failed (upstream; NB_STRICT=1 counts them)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
