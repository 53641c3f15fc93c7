"""check.py - content checks for netbuild outputs, used by scripts/catalogue.sh
and scripts/faults.sh (run with /usr/bin/python3, which has networkx).

    check.py FILE...

Every file must be valid UTF-8 with no control characters other than newline
and tab, no C1 controls, no non-characters and no bidi controls. A .graphml
file must also read back with networkx with as many nodes and edges as it
declares, every node carrying a label. Prints one line per problem and exits
1 when there is any.
"""
import re
import sys

BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ufeff\u200b-\u200f"
                 "\u202a-\u202e\u2060\u2066-\u2069]")


def check(path):
    problems = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        return ["%s: invalid UTF-8 at byte %d" % (path, e.start)]
    if path.endswith(".csv"):
        # RFC 4180 records end in CRLF; a CR anywhere else is still wrong
        text = text.replace("\r\n", "\n")
    m = BAD.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        problems.append("%s:%d: forbidden character U+%04X" % (path, line, ord(m.group())))
    if path.endswith(".csv"):
        import csv
        import io
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
        if not rows or len({len(r) for r in rows}) != 1:
            problems.append("%s: CSV records of different widths" % path)
        elif rows[0][0] not in ("Id", "Source"):
            problems.append("%s: CSV header is not Gephi's (Id,... or Source,...)" % path)
    if path.endswith(".json"):
        import json
        import networkx
        try:
            d = json.loads(text)
            try:
                g = networkx.node_link_graph(d, edges="edges")
            except TypeError:
                g = networkx.node_link_graph(d, link="edges")
            if g.number_of_nodes() != len(d["nodes"]) or g.number_of_edges() != len(d["edges"]):
                problems.append("%s: networkx reads another graph than the file holds" % path)
        except Exception as e:  # noqa: BLE001 - any failure is the finding
            problems.append("%s: JSON does not read back: %s" % (path, e))
    if path.endswith(".html"):
        # netbuild's five script elements and nothing from elsewhere
        if text.count("</script") != 5 or "<script src" in text or "<link" in text:
            problems.append("%s: the report has foreign script or link elements" % path)
    if path.endswith(".graphml"):
        import networkx
        try:
            g = networkx.read_graphml(path)
        except Exception as e:  # noqa: BLE001 - any failure is the finding
            return problems + ["%s: networkx cannot read it: %s" % (path, e)]
        nodes = len(re.findall(r"<node ", text))
        edges = len(re.findall(r"<edge ", text))
        if g.number_of_nodes() != nodes or g.number_of_edges() != edges:
            problems.append("%s: networkx sees %d nodes, %d edges; file has %d, %d" % (
                path, g.number_of_nodes(), g.number_of_edges(), nodes, edges))
        if not g.is_directed():
            problems.append("%s: not a directed graph" % path)
        for n, d in g.nodes(data=True):
            if "label" not in d:
                problems.append("%s: node %s has no label" % (path, n))
                break
    return problems


def main():
    bad = []
    for p in sys.argv[1:]:
        bad += check(p)
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
