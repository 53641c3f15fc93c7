# lib.sh - helpers for the bad-input catalogue; sourced by
# scripts/catalogue.sh, which runs every case function in a subshell whose
# working folder is the case's own mktemp folder $W (inputs in in/, outputs
# in out/). A case records problems with fail; the runner then validates
# every output left in out/ (xmllint, dot, igraph read-back, networkx and the
# character checks of check.py) and looks for leftover temporary files.
#
# Set by the runner: NB (netbuild, absolute), ROOT (repository), FIX (the
# fixtures of fixtures.sh), READBACK (compiled readback.c), PY (python3 with
# networkx), W (this case's folder).

fail() { printf '%s\n' "$*" >> "$W/.fail"; }
skip() { printf '%s\n' "$*" > "$W/.skip"; }
note() {
    if [ -s "$W/.note" ]; then printf '; %s' "$*" >> "$W/.note"; else printf '%s' "$*" > "$W/.note"; fi
}
is_root() { [ "$(id -u)" -eq 0 ]; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# One line of stderr, for messages.
err_head() { head -c 240 "$W/err" | tr '\n\033' '|?'; }

# nb ARGS...: runs netbuild with a time limit; sets RC, stdout in $W/stdout,
# stderr in $W/err. A sanitizer report always fails the case.
# With NB_VALGRIND=1 netbuild runs under valgrind (memcheck, leaks), and a
# report fails the case; AS (set by as_nobody) runs it as another user.
nb() {
    vg=""
    [ "${NB_VALGRIND:-0}" = 1 ] &&
        vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
    # shellcheck disable=SC2086 # AS and vg are command prefixes
    NETBUILD_DATA="$ROOT/data" timeout -k 5 "${NB_TIMEOUT:-600}" ${AS:-} $vg "$NB" "$@" \
        > "$W/stdout" 2> "$W/err"
    RC=$?
    [ "$RC" -eq 124 ] && fail "timed out after ${NB_TIMEOUT:-600} s: netbuild $*"
    if grep -Eq 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error:' "$W/err"; then
        fail "sanitizer: $(grep -m1 -E 'ERROR: |runtime error:' "$W/err" | head -c 200)"
    fi
    if [ -n "$vg" ] && { [ "$RC" -eq 99 ] || grep -Eq '^==[0-9]+== ' "$W/err"; }; then
        fail "valgrind: $(grep -m1 -E '^==[0-9]+== [A-Z]' "$W/err" | head -c 200)"
    fi
    return 0
}

# as_nobody: later nb calls run as user nobody when the tests run as root,
# who can read a mode-000 file; the case folder is opened up for it. Returns
# non-zero (and marks the case skipped) when that is impossible.
as_nobody() {
    is_root || return 0
    if ! command -v setpriv > /dev/null 2>&1; then
        skip "running as root without setpriv: mode 000 is readable"
        return 1
    fi
    chmod 755 "$TMPD" "$W" "$W/in"
    chmod 777 "$W/out"
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
    # A checkout in a folder nobody cannot enter (/root): nobody runs copies
    # of netbuild and its data (dictionary, model).
    # shellcheck disable=SC2086
    if ! $AS sh -c 'test -x "$1" && test -r "$2"' sh "$NB" "$ROOT/data/actors.csv" 2> /dev/null; then
        mkdir -p "$W/nb/data"
        cp "$NB" "$W/nb/netbuild"
        cp "$ROOT/data/actors.csv" "$ROOT/data/en_ewt.nbm" "$ROOT/data/patterns" "$ROOT/data/cues.tsv" "$ROOT/data/negative.tsv" "$W/nb/data/" 2>/dev/null || true
        chmod -R a+rX "$W/nb"
        NB=$W/nb/netbuild
        ROOT=$W/nb
    fi
}

expect_rc() {
    for c in "$@"; do [ "$RC" -eq "$c" ] && return 0; done
    fail "exit $RC, want $*: $(err_head)"
}

# expect_err TEXT: stderr contains TEXT (fixed string).
expect_err() { grep -Fq -- "$1" "$W/err" || fail "stderr lacks '$1': $(err_head)"; }
# expect_err_re ERE: stderr matches the extended regular expression.
expect_err_re() { grep -Eq -- "$1" "$W/err" || fail "stderr does not match /$1/: $(err_head)"; }
expect_no_err() { ! grep -Fq -- "$1" "$W/err" || fail "stderr has '$1'"; }

count() { grep -c -- "$1" "$2" 2>/dev/null || true; }
nodes_of() { count '<node ' "$1"; }
edges_of() { count '<edge ' "$1"; }

# expect_edges FILE.graphml N: exactly N edges (">=N" for a minimum).
expect_edges() {
    [ -f "$1" ] || { fail "$1 was not written"; return; }
    n=$(edges_of "$1")
    case $2 in
    '>='*) [ "$n" -ge "${2#>=}" ] || fail "$1: $n edges, want $2" ;;
    *) [ "$n" -eq "$2" ] || fail "$1: $n edges, want $2" ;;
    esac
}
expect_nodes() {
    [ -f "$1" ] || { fail "$1 was not written"; return; }
    n=$(nodes_of "$1")
    [ "$n" -eq "$2" ] || fail "$1: $n nodes, want $2"
}

# expect_in FILE TEXT / expect_not_in FILE TEXT (fixed strings)
expect_in() { grep -Fq -- "$2" "$1" 2>/dev/null || fail "$1 lacks '$2'"; }
expect_not_in() { ! grep -Fq -- "$2" "$1" 2>/dev/null || fail "$1 contains '$2'"; }
expect_absent() { for f in "$@"; do [ ! -e "$f" ] || fail "$f exists but should not"; done; }
expect_same() { cmp -s "$1" "$2" || fail "$2 changed (differs from $1)"; }

# no_temp DIR...: no temporary output file is left behind.
no_temp() {
    left=$(find "$@" -name '*.tmp*' 2>/dev/null | head -n 3 | tr '\n' ' ')
    [ -z "$left" ] || fail "temporary file left: $left"
}

# check_out FILE...: every file is a valid netbuild output for its kind.
check_out() {
    for f in "$@"; do
        [ -f "$f" ] || { fail "$f was not written"; continue; }
        case $f in
        *.graphml)
            if ! xmllint --noout "$f" > "$W/.xl" 2>&1; then
                # libxml2 refuses text nodes over 10 MB unless told --huge:
                # the articles of an edge seen in a million files are one.
                if grep -q 'huge text node' "$W/.xl" && xmllint --huge --noout "$f" > "$W/.xl" 2>&1; then
                    note "${f##*/} needs xmllint --huge (text node over 10 MB)"
                else
                    fail "xmllint: $f: $(head -c 200 "$W/.xl" | tr '\n' '|')"
                fi
            fi
            "$READBACK" "$f" "$(nodes_of "$f")" "$(edges_of "$f")" > "$W/.rb" 2>&1 ||
                fail "igraph: $(head -c 200 "$W/.rb" | tr '\n' '|')"
            ;;
        *.dot | *.gv)
            dot -Tsvg -o /dev/null "$f" > "$W/.dt" 2>&1 || fail "dot: $f: $(head -c 200 "$W/.dt" | tr '\n' '|')"
            ;;
        *.gexf)
            # the GEXF 1.3 RELAX NG schema, where shared/ has it
            rng=$ROOT/../shared/schemas/gexf-1.3/gexf.rng
            if [ -f "$rng" ]; then
                xmllint --noout --huge --relaxng "$rng" "$f" > "$W/.xl" 2>&1 ||
                    fail "gexf schema: $f: $(grep -v validates "$W/.xl" | head -c 200 | tr '\n' '|')"
            else
                xmllint --noout --huge "$f" > "$W/.xl" 2>&1 || fail "xmllint: $f: $(head -c 200 "$W/.xl" | tr '\n' '|')"
            fi
            ;;
        esac
    done
    "$PY" "$ROOT/tests/catalogue/check.py" "$@" > "$W/.py" 2>&1 ||
        fail "check.py: $(head -c 300 "$W/.py" | tr '\n' '|')"
}

# try_tmpfs DIR SIZE [ro]: mounts a tmpfs (root only); the runner unmounts it.
try_tmpfs() {
    is_root || return 1
    mkdir -p "$1"
    mount -t tmpfs -o "size=$2${3:+,$3}" nbcat "$1" 2>/dev/null || return 1
    printf '%s\n' "$1" >> "$W/.mounts"
}

# rel_txt N: N-th copy of a short article with two relations.
article() { printf 'Iran funds Hezbollah. The United States condemned Iran. Article %s.\n' "$1"; }
