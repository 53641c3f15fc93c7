#!/bin/sh
# check_report.sh - loads a netbuild HTML report in headless Chromium, as a
# reader's browser would, and checks that it works:
#   - the page's script ran to the end (body data-nb-state="ready") with no
#     error (no data-nb-errors on <html>, no "Uncaught" in the console log);
#   - an edge, opened as a tap on it opens it (#edge=ID runs the same
#     handler), shows its evidence sentences (li.ev) in the info panel;
#   - a screenshot is not blank (many colours, not one background).
#
#   sh tests/check_report.sh REPORT.html EDGE_ID SCREENSHOT.png
#
# Exits 0 when all hold, 1 with a message otherwise, 77 when there is no
# Chromium (Debian package chromium).
set -u
html=$1 edge=$2 shot=$3
CHROME=${NB_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$CHROME" ] || { echo "check_report: no chromium" >&2; exit 77; }
case $html in /*) ;; *) html=$(pwd)/$html ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# --virtual-time-budget lets the page's scripts finish before the dump;
# root needs --no-sandbox; the profile folder keeps runs apart.
run() {
    timeout 180 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/profile" \
        --enable-logging=stderr --v=0 --virtual-time-budget=15000 --window-size=1400,900 "$@" 2>>"$tmp/log"
}
run --dump-dom "file://$html#edge=$edge" > "$tmp/dom.html"
fail=0
grep -q 'data-nb-state="ready"' "$tmp/dom.html" || { echo "check_report: the page's script did not finish"; fail=1; }
if grep -q 'data-nb-errors=' "$tmp/dom.html" || grep -Eq 'Uncaught|CONSOLE[:(][0-9]+\)?\].*[Ee]rror' "$tmp/log"; then
    echo "check_report: script errors: $(grep -Em3 'Uncaught|CONSOLE' "$tmp/log" | tr '\n' '|')"
    fail=1
fi
grep -q "id=\"info\" data-shown=\"$edge\"" "$tmp/dom.html" || { echo "check_report: edge $edge did not open"; fail=1; }
grep -q '<li class="ev"><q>' "$tmp/dom.html" || { echo "check_report: no evidence sentence shown"; fail=1; }
grep -q '<mark class="src">' "$tmp/dom.html" || { echo "check_report: the source actor is not highlighted"; fail=1; }
run --screenshot="$shot" "file://$html" > /dev/null
/usr/bin/python3 - "$shot" <<'PY' || fail=1
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IHDR":
        w = struct.unpack(">I", data[pos + 8:pos + 12])[0]
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
# pixels other than the two commonest byte values: a blank page has almost none
counts = sorted((raw.count(bytes([b])) for b in range(256)), reverse=True)
other = 1 - (counts[0] + counts[1]) / len(raw)
if other < 0.01:
    print("check_report: the screenshot is blank (%.4f of bytes not background)" % other)
    sys.exit(1)
PY
exit $fail
