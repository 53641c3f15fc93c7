"""check_formats.py - reads netbuild's GEXF, CSV and JSON back as their users
would, and checks that they describe the same network as the GraphML.

    check_formats.py DIR [NAME]

DIR holds NAME.graphml, NAME.gexf, NAME.nodes.csv, NAME.edges.csv and
NAME.json (NAME defaults to "net"). The GEXF is read with networkx when
networkx reads GEXF 1.3 (3.0 and later), else with ElementTree; the JSON with
networkx.node_link_graph (any version); the CSV with the csv module. Prints
one line per problem and exits 1 when there is any.
"""
import csv
import json
import os
import sys
import xml.etree.ElementTree as ET

import networkx as nx

problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def main():
    d = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else "net"
    path = lambda ext: os.path.join(d, name + ext)  # noqa: E731
    g = nx.read_graphml(path(".graphml"))
    nodes = {n: a for n, a in g.nodes(data=True)}
    edges = {(s, t, a["relation"]): a for s, t, a in g.edges(data=True)}
    check(len(edges) == g.number_of_edges(), "graphml: two edges with one relation between one pair")

    # GEXF: relations as edge kinds, so parallel relations stay apart
    major = int(nx.__version__.split(".")[0])
    if major >= 3:
        x = nx.read_gexf(path(".gexf"))
        check(x.is_directed() and x.is_multigraph(), "gexf: networkx does not read a directed multigraph")
        check(x.number_of_nodes() == len(nodes), "gexf: %d nodes, graphml %d" % (x.number_of_nodes(), len(nodes)))
        check(x.number_of_edges() == len(edges), "gexf: %d edges, graphml %d" % (x.number_of_edges(), len(edges)))
        for s, t, a in x.edges(data=True):
            check((s, t, a["relation"]) in edges, "gexf: edge %s -%s-> %s not in graphml" % (s, a["relation"], t))
            check(a.get("label") == a["relation"], "gexf: edge label is not the relation")
        for n, a in x.nodes(data=True):
            check(a.get("label") == nodes[n]["label"], "gexf: node %s label differs" % n)
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    root = ET.parse(path(".gexf")).getroot()
    xe = root.findall(".//g:edges/g:edge", ns)
    check(len(xe) == len(edges), "gexf (xml): %d edges, graphml %d" % (len(xe), len(edges)))
    kinds = {(e.get("source"), e.get("target"), e.get("kind")) for e in xe}
    check(kinds == set(edges), "gexf (xml): edge kinds do not match graphml relations")
    # support (what a funds edge gives): the GraphML's value, on the same edges only
    sup = {k: a["support"] for k, a in edges.items() if "support" in a}
    check(all(k[2] == "funds" for k in sup), "graphml: support on an edge that is not funds")
    xsup = {}
    for e in xe:
        for v in e.findall("g:attvalues/g:attvalue", ns):
            if v.get("for") == "support":
                xsup[(e.get("source"), e.get("target"), e.get("kind"))] = v.get("value")
    check(xsup == sup, "gexf: support differs from graphml")
    for n in root.findall(".//g:nodes/g:node", ns):
        for tag in ("color", "position", "size"):
            check(n.find("viz:" + tag, ns) is not None, "gexf: node %s has no viz:%s" % (n.get("id"), tag))

    # JSON: node-link, read back by networkx unchanged
    doc = json.load(open(path(".json"), encoding="utf-8"))
    try:
        h = nx.node_link_graph(doc, edges="edges")
    except TypeError:  # networkx before 3.4 calls the key "link"
        h = nx.node_link_graph(doc, link="edges")
    check(h.is_directed() and h.is_multigraph(), "json: not a directed multigraph")
    check(h.number_of_nodes() == len(nodes) and h.number_of_edges() == len(edges),
          "json: %d nodes %d edges, graphml %d %d" % (h.number_of_nodes(), h.number_of_edges(), len(nodes), len(edges)))
    for n in doc["nodes"]:
        a = dict(n)
        nid = a.pop("id")
        check(h.nodes[nid] == a, "json: node %s changed on reading" % nid)
        check(a["label"] == nodes[nid]["label"], "json: node %s label differs from graphml" % nid)
    for e in doc["edges"]:
        a = dict(e)
        s, t, k = a.pop("source"), a.pop("target"), a.pop("key")
        check(h.edges[s, t, k] == a, "json: edge %s changed on reading" % e["id"])
        check((s, t, k) in edges, "json: edge %s not in graphml" % e["id"])
        ev = a["evidence"]
        check(isinstance(ev, list) and all(set(x) >= {"article", "offset", "sentence", "pattern"} for x in ev),
              "json: edge %s evidence is not an array of {article, offset, sentence, pattern}" % e["id"])
        check(len(ev) == int(edges[(s, t, k)]["evidence_count"]), "json: edge %s evidence count differs" % e["id"])
        check(a.get("support") == sup.get((s, t, k)), "json: edge %s support differs from graphml" % e["id"])

    # CSV: Gephi's spreadsheet headers, RFC 4180
    with open(path(".nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    check(rows and rows[0][:2] == ["Id", "Label"], "csv: nodes header is not Id,Label,...")
    check(all(len(r) == len(rows[0]) for r in rows), "csv: nodes rows of different lengths")
    # a text cell that a spreadsheet would take for a formula starts with '
    guard = lambda s: "'" + s if s[:1] in ("=", "+", "-", "@") else s  # noqa: E731
    check({r[0]: r[1] for r in rows[1:]} == {n: guard(a["label"]) for n, a in nodes.items()},
          "csv: node ids or labels differ from graphml")
    with open(path(".edges.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    check(rows and rows[0][:5] == ["Source", "Target", "Type", "Kind", "Weight"],
          "csv: edges header is not Source,Target,Type,Kind,Weight,...")
    check(all(len(r) == len(rows[0]) for r in rows), "csv: edge rows of different lengths")
    check({(r[0], r[1], r[3]) for r in rows[1:]} == set(edges) and len(rows) - 1 == len(edges),
          "csv: edges differ from graphml")
    col = rows[0].index("support") if rows and "support" in rows[0] else None
    check(col is not None, "csv: edges have no support column")
    if col is not None:
        check({(r[0], r[1], r[3]): r[col] for r in rows[1:] if r[col]} == sup, "csv: support differs from graphml")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
