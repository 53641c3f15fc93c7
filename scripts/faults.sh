#!/bin/sh
# faults.sh - fault injection: runs netbuild under tests/faults/inject.c (an
# LD_PRELOAD shim) with one failing call per run and checks that every
# failure is clean.
#
#   sh scripts/faults.sh [path/to/netbuild]          (default ./netbuild)
#
# Trials (input: two seed articles; outputs o.graphml, o.dot, o.gexf, o.csv
# (o.nodes.csv and o.edges.csv), o.json and o.html, which hold an older
# network before every run):
#   write  every write-type call on the GraphML output, then on the DOT one
#          (fwrite, fprintf, fflush, fsync, fclose...), failing with ENOSPC
#          and EIO in turn; on the GEXF, CSV, JSON and HTML outputs a sample
#          of their calls (NB_WRITE_SAMPLES, default 16: the first four, the
#          last four - the flush, sync and close - and an even spread), since
#          they write through the same sink and its sticky error flag, and
#          libcsv alone makes one call per character (8,000 on two articles);
#          plus "disk stays full" (sticky) runs at the first, middle and last
#          call of every output;
#   rename the rename() of each output (both halves of the CSV);
#   signal SIGTERM, SIGINT and SIGHUP raised at the first, a middle and the
#          last write call of the GraphML and DOT outputs, and at a middle
#          one of the others;
#   alloc  every malloc/calloc/realloc made by a library (libcsv, libigraph,
#          libc's stdio...) and a sample of netbuild's own (the first ones,
#          an even spread, and the last ones, where the writers run);
#          every trial runs -j 1, so that a number names one allocation;
#   talloc -j 2: a spread of the allocations made while threads read and
#          extract (up to 2,000 before igraph's first), and every library
#          call among them (thread starts in ld.so and libc included).
# Expected: write and rename faults exit 3 with "write failed" on stderr,
# naming only outputs of the one that was failed (one CSV half, or both
# when the disk stays full); an output named keeps its older content, every
# other output is the new network. An allocation failure may abort with
# "out of memory" on stderr (SIGABRT, the documented behaviour), or exit 0
# / 1 / 3 with a message; never another signal (a segfault). Always: no
# temporary file is left, and every output is either byte-identical to the
# older one or to a fault-free run's, or (after a reported problem) a
# complete valid file - never a partial one. A signal kills netbuild
# (status 128 + the signal) with the output being written old and the
# others old or new.
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
# failure. Environment: NB_JOBS (default 2), NB_WRITE_SAMPLES (write calls
# tried on each of GEXF, CSV, JSON and HTML; "all" tries every one),
# NB_FAULT_SUFFIXES (the outputs to fault, default ".graphml .dot .gexf .csv
# .json .html"; NB_ALLOC_SAMPLES=0 leaves out allocation faults),
# NB_ALLOC_SAMPLES (netbuild's own
# allocations tried, default 400), NB_ALLOC_TAIL (how many of the last
# allocations are all tried, default a quarter of the samples),
# NB_FAULT_INPUT (input paths, default two seed articles), NB_STRICT.
# An ASan build's allocator cannot be interposed: for one, the shim is built
# without allocation faults and only write and rename faults run.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# every output, as a key and its file; -o o.csv writes o.nodes.csv and o.edges.csv
OUTS="graphml dot gexf nodes edges json html"
# file_of KEY sets f to the output's file name (no subshell: trials call it often)
file_of() { case $1 in nodes | edges) f="o.$1.csv" ;; *) f="o.$1" ;; esac; }
# the outputs a watched suffix covers
group_of() { case $1 in .csv) echo "nodes edges" ;; *) echo "${1#.}" ;; esac; }

# Runs netbuild on the input into DIR/o.graphml, o.dot, ... o.html, with extra
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
        "$@" "$NB" -j "${FAULT_J:-1}" -q $INPUT -o "$dir/o.graphml" -o "$dir/o.dot" -o "$dir/o.gexf" -o "$dir/o.csv" \
        -o "$dir/o.json" -o "$dir/o.html" > /dev/null 2> "$dir/err"
}
prepare() { # DIR: a fresh folder holding the older outputs
    rm -rf "$1"
    mkdir "$1"
    for o in $OUTS; do
        file_of "$o"
        cp "$TMPD/old/$f" "$1/"
    done
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
    talloc) set -- INJECT_ALLOC="$n" && FAULT_J=2 ;;
    signal) set -- INJECT_SUFFIX="$sfx" INJECT_WRITE="$n" INJECT_SIGNAL="$eno" ;;
    esac
    run_in "$D" LD_PRELOAD="$SHIM" "$@"
    rc=$?
    why=""
    known=""
    err1=$(head -c 200 "$D/err" | tr '\n' '|')
    same() { cmp -s "$1" "$2"; }
    # each output: old, or the reference (complete), or something else
    for o in $OUTS; do
        file_of "$o"
        if same "$TMPD/old/$f" "$D/$f"; then eval "state_$o=old"
        elif same "$TMPD/ref/$f" "$D/$f"; then eval "state_$o=new"
        else eval "state_$o=other"; fi
    done
    group=$(group_of "$sfx")
    left=$(find "$D" -name '*.tmp*' | head -n 1)
    [ -n "$left" ] && why="temporary file left: ${left##*/}"
    if [ -z "$why" ]; then
        case $mode in
        write | rename)
            named=""
            for o in $OUTS; do
                file_of "$o"
                grep -qF "$f: write failed: " "$D/err" && named="$named $o"
            done
            if [ "$rc" -ne 3 ]; then why="exit $rc, want 3: $err1"
            elif [ -z "$named" ]; then why="no 'write failed' message: $err1"
            fi
            for o in $OUTS; do
                [ -n "$why" ] && break
                file_of "$o"
                eval "st=\$state_$o"
                case " $named " in
                *" $o "*)
                    case " $group " in *" $o "*) ;; *) why="$f named as failed, but the fault was on $sfx" ;; esac
                    [ -z "$why" ] && [ "$st" != old ] && why="$f is $st, want the old file untouched" ;;
                *) [ "$st" != new ] && why="$f is $st, want the new network" ;;
                esac
            done
            ;;
        signal)
            old_in_group=0
            if [ "$rc" -ne $((128 + eno)) ]; then why="exit $rc, want $((128 + eno)) (signal $eno): $err1"; fi
            for o in $OUTS; do
                [ -n "$why" ] && break
                eval "st=\$state_$o"
                file_of "$o"
                [ "$st" = other ] && why="$f is neither the old nor the new file"
                case " $group " in *" $o "*) [ "$st" = old ] && old_in_group=1 ;; esac
            done
            [ -z "$why" ] && [ "$old_in_group" -eq 0 ] && why="the output being written ($sfx) was replaced"
            ;;
        alloc | talloc)
            if [ "$rc" -eq 134 ]; then
                grep -q "out of memory" "$D/err" || why="SIGABRT without 'out of memory': $err1"
            elif [ "$rc" -ge 128 ] && [ "$mode" = talloc ]; then
                why="killed by signal $((rc - 128)) (-j 2, before the analysis): $err1"
            elif [ "$rc" -ge 128 ]; then
                why="killed by signal $((rc - 128)): $err1"
                owner=$(sed -n "${n}s/^[0-9]* //p" "$TMPD/trace" 2> /dev/null)
                if command -v gdb > /dev/null 2>&1; then
                    # where did it crash? (same environment, same allocation)
                    # shellcheck disable=SC2086
                    # no shell in between: it would take the injected fault itself
                    frame=$(env NETBUILD_DATA="$ROOT/data" gdb -q -batch -nx -ex "set startup-with-shell off" \
                        -ex "set environment LD_PRELOAD $SHIM" -ex "set environment INJECT_ALLOC $n" \
                        -ex run -ex "bt 1" --args "$NB" -j 1 -q $INPUT -o "$D/o.graphml" -o "$D/o.dot" \
                        -o "$D/o.gexf" -o "$D/o.csv" -o "$D/o.json" -o "$D/o.html" 2>&1 |
                        grep -m 1 '^#0')
                    why="$why at ${frame#\#0 }"
                    case $frame in
                    *" from "*libigraph* | *" from "*libarpack* | *" from "*libblas* | *" from "*liblapack* | *" from "*libglpk*)
                        [ "$owner" != executable ] && known="allocation $n by $owner" ;;
                    esac
                fi
            elif [ "$rc" -eq 0 ]; then
                for o in $OUTS; do
                    eval "st=\$state_$o"
                    file_of "$o"
                    [ "$st" = new ] || why="exit 0 but $f is $st"
                done
            elif [ "$rc" -eq 1 ] || [ "$rc" -eq 3 ]; then
                grep -qi "memory\|failed\|cannot" "$D/err" || why="exit $rc without a message"
                # A skipped article (exit 1) gives a smaller network, a failed
                # analysis (exit 3) zero metrics: complete files all the same.
                for o in $OUTS; do
                    eval "st=\$state_$o"
                    file_of "$o"
                    if [ "$st" = other ] && ! "$VALIDATE" "$D/$f" > /dev/null 2>&1; then
                        why="exit $rc and $f is neither old, new nor valid"
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
# validates one output file: xmllint (the GEXF against its schema when it is
# there) or dot, then check.py (UTF-8, CSV, JSON through networkx, HTML)
RNG=${NB_GEXF_RNG:-$ROOT/../shared/schemas/gexf-1.3/gexf.rng}
[ -f "$RNG" ] && RNGOPT="--relaxng $RNG" || RNGOPT=""
cat > "$VALIDATE" << EOF
#!/bin/sh
case \$1 in
*.graphml) xmllint --noout "\$1" || exit 1 ;;
*.gexf) xmllint --noout $RNGOPT "\$1" 2> /dev/null || exit 1 ;;
*.dot) dot -Tsvg -o /dev/null "\$1" || exit 1 ;;
esac
"$PY" "$ROOT/tests/catalogue/check.py" "\$1"
EOF
chmod +x "$VALIDATE"
export NB INPUT TMPD SHIM RES VALIDATE ROOT

# the older outputs (another input) and the reference (no fault)
mkdir "$TMPD/old" "$TMPD/ref"
env NETBUILD_DATA="$ROOT/data" "$NB" -q "$ROOT/seeds" -o "$TMPD/old/o.graphml" -o "$TMPD/old/o.dot" \
    -o "$TMPD/old/o.gexf" -o "$TMPD/old/o.csv" -o "$TMPD/old/o.json" -o "$TMPD/old/o.html" 2> /dev/null
C=$TMPD/t000000
prepare "$C"
run_in "$C" || { echo "faults: netbuild fails without faults: $(cat "$C/err")" >&2; exit 2; }
for o in $OUTS; do
    file_of "$o"
    cp "$C/$f" "$TMPD/ref/$f"
    "$VALIDATE" "$TMPD/ref/$f" || { echo "faults: the fault-free output $f is not valid" >&2; exit 2; }
    cmp -s "$TMPD/old/$f" "$TMPD/ref/$f" && { echo "faults: old and new $f must differ" >&2; exit 2; }
done

# how many calls there are (and who allocates what)
count() { # SUFFIX -> "writes W renames R allocs A"
    prepare "$C"
    run_in "$C" LD_PRELOAD="$SHIM" INJECT_SUFFIX="$1" INJECT_COUNTS="$TMPD/counts" INJECT_TRACE="$TMPD/trace"
    cat "$TMPD/counts" 2> /dev/null
}
# On threads the allocations interleave, so their numbers change from run to
# run: every trial above runs -j 1, where a number names one allocation that
# gdb can find again; the threaded path has its own sample below.
tcount() {
    prepare "$C"
    FAULT_J=2 run_in "$C" LD_PRELOAD="$SHIM" INJECT_COUNTS="$TMPD/tcounts" INJECT_TRACE="$TMPD/ttrace"
}
SUFFIXES=${NB_FAULT_SUFFIXES:-.graphml .dot .gexf .csv .json .html}
for sfx in $SUFFIXES; do
    c=$(count "$sfx")
    w=$(echo "$c" | awk '{print $2}')
    r=$(echo "$c" | awk '{print $4}')
    if [ -z "$w" ] || [ "$w" -eq 0 ]; then
        echo "faults: the shim saw no writes on $sfx (is $NB dynamically linked?)" >&2
        exit 2
    fi
    eval "W_${sfx#.}=$w R_${sfx#.}=$r"
    A=$(echo "$c" | awk '{print $6}')
done
rm -rf "$C"

# ---- trial list: ID MODE SUFFIX N ERRNO STICKY ---------------------------------------
LIST=$TMPD/list
: > "$LIST"
id=0
add() { id=$((id + 1)); echo "$id $*" >> "$LIST"; }
# which write calls of W to fail: all for GraphML and DOT (and with
# NB_WRITE_SAMPLES=all), else the first four, the last four and an even
# spread between
write_calls() { # SUFFIX W
    k=${NB_WRITE_SAMPLES:-16}
    case $1 in .graphml | .dot) k=all ;; esac
    if [ "$k" = all ] || [ "$2" -le "$k" ]; then seq 1 "$2"; return; fi
    awk -v w="$2" -v k="$k" 'BEGIN {
        for (i = 1; i <= 4; i++) seen[i] = 1
        for (i = w - 3; i <= w; i++) seen[i] = 1
        for (j = 1; j <= k - 8; j++) seen[int(4 + j * (w - 8) / (k - 7))] = 1
        for (i in seen) print i
    }' | sort -n
}
for sfx in $SUFFIXES; do
    eval "W=\$W_${sfx#.} R=\$R_${sfx#.}"
    for n in $(write_calls "$sfx" "$W"); do
        if [ $((n % 2)) -eq 1 ]; then add write "$sfx" "$n" ENOSPC 0; else add write "$sfx" "$n" EIO 0; fi
    done
    mid=$(((W + 1) / 2))
    for n in 1 "$mid" "$W"; do add write "$sfx" "$n" ENOSPC 1; done
    for n in $(seq 1 "$R"); do add rename "$sfx" "$n" EIO 0; done
    # signals: at three points of GraphML and DOT, the middle of the others
    points="1 $mid $W"
    case $sfx in .graphml | .dot) ;; *) points=$mid ;; esac
    for n in $points; do
        for sig in 15 2 1; do add signal "$sfx" "$n" "$sig" 0; done
    done
done
libs=""
if [ "$asan" -eq 0 ] && [ "${A:-0}" -gt 0 ] && [ "${NB_ALLOC_SAMPLES:-400}" -gt 0 ]; then
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
    # -j 2: a spread of the allocations made while threads read and extract,
    # ending well before igraph's first (its own out-of-memory crashes are
    # upstream's and cannot be placed again when the numbers move)
    tcount
    ig=$(awk '$2 ~ /libigraph/ {print $1; exit}' "$TMPD/ttrace" 2> /dev/null)
    tn=${NB_TALLOC_SAMPLES:-60}
    if [ -n "$ig" ] && [ "$ig" -gt 4000 ] && [ "$tn" -gt 0 ]; then
        awk -v e="$((ig - 2000))" -v k="$tn" -v trace="$TMPD/ttrace" 'BEGIN {
            for (j = 0; j < k; j++) seen[1 + int(j * (e - 1) / k)] = 1
            while ((getline line < trace) > 0) {
                split(line, f, " ")
                if (f[1] < e && f[2] != "executable") seen[f[1]] = 1
            }
            for (i in seen) print i
        }' | sort -n > "$TMPD/talloc"
        while read -r n; do add talloc - "$n" - 0; done < "$TMPD/talloc"
    fi
    rm -rf "$C"
fi

echo "# $NB: write calls: GraphML ${W_graphml:--}, DOT ${W_dot:--}, GEXF ${W_gexf:--}, CSV ${W_csv:--}," \
    "JSON ${W_json:--}, HTML ${W_html:--} (sampled: ${NB_WRITE_SAMPLES:-16}); ${A:-?} allocations; $id trials"
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
report_group "write faults on the GEXF output" '$2 == "write" && $3 == ".gexf" && $6 == 0'
report_group "write faults on the CSV outputs (nodes and edges)" '$2 == "write" && $3 == ".csv" && $6 == 0'
report_group "write faults on the JSON output" '$2 == "write" && $3 == ".json" && $6 == 0'
report_group "write faults on the HTML output" '$2 == "write" && $3 == ".html" && $6 == 0'
report_group "full disk from the N-th write on (sticky)" '$2 == "write" && $6 == 1'
report_group "rename faults" '$2 == "rename"'
report_group "SIGTERM, SIGINT, SIGHUP while writing" '$2 == "signal"'
if [ "$asan" -eq 1 ]; then
    echo "ok $((k + 1)) - allocation faults # SKIP an ASan build's allocator cannot be interposed"
elif [ ! -f "$TMPD/alloc" ]; then
    echo "ok $((k + 1)) - allocation faults # SKIP NB_ALLOC_SAMPLES=0"
else
    report_group "allocation faults (all $libs; $(($(wc -l < "$TMPD/alloc"))) of $A in all)" '$2 == "alloc"'
    [ -f "$TMPD/talloc" ] &&
        report_group "allocation faults on 2 threads, while articles are read and extracted" '$2 == "talloc"'
fi
[ "$known_n" -gt 0 ] && echo "# $known_n trial(s) crashed inside igraph after its own allocation failed (upstream; NB_STRICT=1 counts them)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
