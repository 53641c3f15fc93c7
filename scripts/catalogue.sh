#!/bin/sh
# catalogue.sh - runs the bad-input catalogue of tests/catalogue/ against a
# netbuild binary and prints one TAP-style line per case, then "N passed,
# M failed". Exits non-zero when any case fails.
#
#   sh scripts/catalogue.sh [path/to/netbuild]      (default ./netbuild)
#
# Every case builds its inputs at run time in its own mktemp folder, checks
# netbuild's exit code and stderr, and validates every output it produced
# with xmllint, dot -Tsvg, an igraph read-back (tests/catalogue/readback.c,
# compiled here) and networkx (tests/catalogue/check.py, /usr/bin/python3).
#
# Environment:
#   NB_JOBS=2          cases run in parallel (the slow ones start first)
#   NB_MANY=20000      files in the many-tiny-files case (1000000 locally)
#   NB_ONLY="a b"      run only these cases (names as in tests/catalogue/cases.sh)
#   NB_TIMEOUT=600     seconds allowed for one netbuild run
#   NB_KEEP=1          keep the case folders (printed on stderr)
#   NB_PYTHON          python3 with networkx (default /usr/bin/python3)
#
# Cases that need root (a tmpfs for a full disk, a read-only mount) fall back
# or report "# SKIP" without it; skipped cases count as passed.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CAT=$ROOT/tests/catalogue

# ---- worker: run one case ----------------------------------------------------
if [ "${1:-}" = "--case" ]; then
    name=$2
    . "$CAT/lib.sh"
    . "$CAT/cases.sh"
    W=$(mktemp -d "$TMPD/$name.XXXXXX")
    mkdir "$W/in" "$W/out"
    export W
    (cd "$W" && "c_$name") > "$W/.log" 2>&1
    if [ -f "$W/.mounts" ]; then
        # innermost first
        sort -r "$W/.mounts" | while read -r m; do
            umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
        done
    fi
    if [ ! -f "$W/.skip" ]; then
        outs=$(find "$W/out" -type f \( -name '*.graphml' -o -name '*.dot' -o -name '*.txt' -o -name '*.gexf' \
            -o -name '*.csv' -o -name '*.json' -o -name '*.html' \) | sort)
        # shellcheck disable=SC2086 # our own output names have no spaces
        [ -n "$outs" ] && check_out $outs
        no_temp "$W/out" "$W/in"
        grep -qE ': not found|[Ss]yntax error|bad substitution' "$W/.log" &&
            fail "case script error: $(head -c 200 "$W/.log" | tr '\n' '|')"
    fi
    {
        if [ -s "$W/.fail" ]; then
            printf 'not ok: %s' "$(head -n 1 "$W/.fail")"
            n=$(wc -l < "$W/.fail")
            [ "$n" -gt 1 ] && printf ' (+%d more)' $((n - 1))
            printf '\n'
        elif [ -f "$W/.skip" ]; then
            printf 'skip: %s\n' "$(cat "$W/.skip")"
        else
            printf 'ok\n'
        fi
        [ -f "$W/.note" ] && cat "$W/.note"
    } > "$RES/$name"
    if [ -n "${NB_KEEP:-}" ]; then
        echo "catalogue: $name kept in $W" >&2
    else
        chmod -R u+rwX "$W" 2>/dev/null
        rm -rf "$W" 2>/dev/null || true
    fi
    exit 0
fi

# ---- driver ---------------------------------------------------------------------
NB=${1:-./netbuild}
case $NB in /*) ;; *) NB=$(pwd)/$NB ;; esac
if [ ! -x "$NB" ]; then
    echo "catalogue: $NB is not an executable (run make first)" >&2
    exit 2
fi
PY=${NB_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
for tool in xmllint dot timeout cc; do
    command -v "$tool" > /dev/null 2>&1 || { echo "catalogue: $tool is missing" >&2; exit 2; }
done
"$PY" -c 'import networkx' 2> /dev/null || { echo "catalogue: $PY has no networkx" >&2; exit 2; }

TMPD=$(mktemp -d "${TMPDIR:-/tmp}/nbcat.XXXXXX")
cleanup() {
    grep -h . "$TMPD"/*/.mounts 2> /dev/null | sort -r | while read -r m; do
        umount "$m" 2> /dev/null || umount -l "$m" 2> /dev/null || true
    done
    [ -n "${NB_KEEP:-}" ] || { chmod -R u+rwX "$TMPD" 2> /dev/null; rm -rf "$TMPD"; }
}
trap cleanup EXIT
trap 'exit 130' INT TERM

READBACK=${NB_READBACK:-$TMPD/readback}
if [ ! -x "$READBACK" ]; then
    IGCFLAGS=$(pkg-config --cflags igraph 2> /dev/null || echo -I/usr/include/igraph)
    IGLIBS=$(pkg-config --libs igraph 2> /dev/null || echo -ligraph)
    # shellcheck disable=SC2086
    if ! cc -std=c11 -O1 $IGCFLAGS "$CAT/readback.c" -o "$READBACK" $IGLIBS -lm; then
        echo "catalogue: cannot compile $CAT/readback.c" >&2
        exit 2
    fi
fi

FIX=$TMPD/fixtures
sh "$CAT/fixtures.sh" "$FIX" || { echo "catalogue: fixtures.sh failed" >&2; exit 2; }
RES=$TMPD/results
mkdir "$RES"
export NB ROOT FIX READBACK PY RES TMPD

. "$CAT/cases.sh"
selected=""
for c in $CASES; do
    if [ -n "${NB_ONLY:-}" ]; then
        case " $NB_ONLY " in *" $c "*) ;; *) continue ;; esac
    fi
    selected="$selected $c"
done
order=""
for c in $HEAVY; do case " $selected " in *" $c "*) order="$order $c" ;; esac; done
for c in $selected; do case " $HEAVY " in *" $c "*) ;; *) order="$order $c" ;; esac; done

# shellcheck disable=SC2086
printf '%s\n' $order | xargs -n 1 -P "${NB_JOBS:-2}" sh "$0" --case

passed=0
failed=0
i=0
for c in $selected; do
    i=$((i + 1))
    extra=""
    if [ -f "$RES/$c" ]; then
        status=$(head -n 1 "$RES/$c")
        info=$(sed -n 2p "$RES/$c")
        [ -n "$info" ] && extra=" ($info)"
    else
        status="not ok: the case did not report"
    fi
    case $status in
    ok) echo "ok $i - $c$extra"; passed=$((passed + 1)) ;;
    skip:*) echo "ok $i - $c # SKIP${status#skip:}"; passed=$((passed + 1)) ;;
    *) echo "not ok $i - $c$extra: ${status#not ok: }"; failed=$((failed + 1)) ;;
    esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
