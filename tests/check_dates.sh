#!/bin/sh
# check_dates.sh - end to end: article dates read from header lines,
# datelines and paths reach every format (first_seen, last_seen, GEXF
# spells, evidence dates), undated articles are counted, and --since/--until
# choose articles by the same dates.
#
#   sh tests/check_dates.sh [path/to/netbuild]
set -eu
BIN=${1:-./netbuild}
PY=${NB_PYTHON:-/usr/bin/python3}
RNG=${NB_GEXF_RNG:-../shared/schemas/gexf-1.3/gexf.rng}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "check_dates: $*" >&2; exit 1; }

mkdir -p "$t/in/2024/05/01" "$t/in/2021/01/15" "$t/in/plain"
# a header date wins over the path's
printf 'Iran funds Hezbollah\nPublished: 2020-01-03\n\nIran funds Hezbollah.\n' > "$t/in/2024/05/01/a.txt"
# a dateline without a year takes the path's nearest
printf 'BEIRUT, Jan 12 (Reuters) - Iran funds Hezbollah. The United States condemned Iran.\n' > "$t/in/2021/01/15/b.txt"
# a date deep in the body is not the article's
printf 'Iran funds Hezbollah\n\nThe United States condemned Iran.\nThe war began on 3 January 2019.\n' > "$t/in/plain/c.txt"
# a dateline without a year and no path date: undated, never guessed
printf 'BEIRUT, Jan 12 (Reuters) - The United States condemned Iran.\n' > "$t/in/plain/d.txt"

"$BIN" "$t/in" -o "$t/o.json" -o "$t/o.gexf" -o "$t/o.graphml" -o "$t/o.csv" > /dev/null 2> "$t/err" ||
    fail "run failed: $(cat "$t/err")"
grep -q "2 article(s) without a date" "$t/err" || fail "undated not reported: $(cat "$t/err")"
xmllint --noout --relaxng "$RNG" "$t/o.gexf" 2> /dev/null || fail "gexf does not validate"
"$PY" - "$t" << 'EOF' || fail "dates in the outputs"
import csv, json, sys, xml.etree.ElementTree as ET
t = sys.argv[1]
d = json.load(open(t + "/o.json"))
names = {n["id"]: n["label"] for n in d["nodes"]}
edges = {(names[e["source"]], e["relation"], names[e["target"]]): e for e in d["edges"]}
funds = edges[("Iran", "funds", "Hezbollah")]
cond = edges[("United States", "condemns", "Iran")]
assert (funds["first_seen"], funds["last_seen"]) == ("2020-01-03", "2021-01-12"), funds
assert (cond["first_seen"], cond["last_seen"]) == ("2021-01-12", "2021-01-12"), cond
dates = {ev["article"].split("/")[-1]: ev.get("date") for e in d["edges"] for ev in e["evidence"]}
assert dates["a.txt"] == "2020-01-03" and dates["b.txt"] == "2021-01-12", dates
assert dates.get("c.txt") is None and dates.get("d.txt") is None, dates
assert d["graph"]["undated_articles"] == 2, d["graph"]
# GraphML and CSV agree
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
g = ET.parse(t + "/o.graphml").getroot()
seen = sorted(x.text for x in g.iter("{%s}data" % ns["g"]) if x.get("key") == "first_seen")
assert seen == ["2020-01-03", "2021-01-12"], seen
rows = list(csv.DictReader(open(t + "/o.edges.csv")))
assert sorted((r["first_seen"], r["last_seen"]) for r in rows) == [("2020-01-03", "2021-01-12"), ("2021-01-12", "2021-01-12")], rows
# GEXF: one spell per article date
x = ET.parse(t + "/o.gexf").getroot()
spells = sorted(s.get("start") for s in x.iter("{http://gexf.net/1.3}spell"))
assert spells == ["2020-01-03", "2021-01-12", "2021-01-12"], spells
EOF

# --since/--until go by the same dates: only b.txt is in 2021
"$BIN" "$t/in" --since 2021-01-01 --until 2021-12-31 -o "$t/s.json" > /dev/null 2> "$t/err" ||
    fail "--since run failed: $(cat "$t/err")"
grep -q "3 article(s) outside --since/--until left out (2 of them without a date)" "$t/err" ||
    fail "left-out articles not reported: $(cat "$t/err")"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
arts = sorted({a.split("/")[-1] for e in d["edges"] for a in e["articles"]})
assert arts == ["b.txt"], arts
' "$t/s.json" || fail "--since kept the wrong articles"
# the header date, not the path's 2024, is what --since reads
rc=0
"$BIN" "$t/in" --since 2024-01-01 -o "$t/n.json" > /dev/null 2> "$t/err" || rc=$?
[ "$rc" -ne 0 ] && grep -q "4 article(s) outside" "$t/err" && [ ! -e "$t/n.json" ] ||
    fail "a.txt was taken by its path date (exit $rc): $(cat "$t/err")"
echo "check_dates: ok"
