#!/usr/bin/env python3
"""check_conllu.py CONLLU ARTICLE_DIR_OR_FILE - checks netbuild --conllu output: ten columns, ids in
order, heads inside the sentence, one root, no cycle, a known relation, and every word's Offset=a:b
naming bytes of its article that spell its FORM (UTF-8 articles). Exit 1 with a message on the first
problem."""
import os, sys

def fail(msg):
    sys.exit("check_conllu: " + msg)

def main():
    path, src = sys.argv[1], sys.argv[2]
    docs = {}
    if os.path.isdir(src):
        for r, _, fs in os.walk(src):
            for f in fs:
                full = os.path.join(r, f)
                docs[os.path.relpath(full, src)] = open(full, "rb").read()
    else:
        docs[os.path.basename(src)] = open(src, "rb").read()
    doc, sent, n_sent = None, [], 0
    def close():
        nonlocal sent, n_sent
        if not sent:
            return
        n_sent += 1
        ids = [int(c[0]) for c in sent if "-" not in c[0]]
        if ids != list(range(1, len(ids) + 1)):
            fail("ids out of order: %s" % ids[:20])
        heads = {int(c[0]): int(c[6]) for c in sent if "-" not in c[0]}
        if sum(1 for h in heads.values() if h == 0) != 1:
            fail("sentence without exactly one root")
        for i, h in heads.items():
            if h < 0 or h > len(ids) or h == i:
                fail("head %d of word %d out of range" % (h, i))
            seen, a = 0, h
            while a != 0:
                a = heads[a]
                seen += 1
                if seen > len(ids):
                    fail("cycle through word %d" % i)
        sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc id = "):
            close()
            doc = line[len("# newdoc id = "):]
            continue
        if not line:
            close()
            continue
        if line.startswith("#"):
            continue
        c = line.split("\t")
        if len(c) != 10:
            fail("not ten columns: %r" % line)
        if "-" not in c[0] and c[7] in ("", "_"):
            fail("no relation: %r" % line)
        misc = dict(kv.split("=", 1) for kv in c[9].split("|") if "=" in kv)
        if "Offset" not in misc:
            fail("no Offset: %r" % line)
        a, b = map(int, misc["Offset"].split(":"))
        raw = docs.get(doc)
        if raw is None:
            fail("unknown document %r" % doc)
        if not (0 <= a < b <= len(raw)):
            fail("offset %d:%d outside %s" % (a, b, doc))
        if raw[a:b].decode("utf-8", "replace") != c[1] and "-" not in c[0]:
            # a word inside a multiword token spells part of it; the cleaned form may differ
            # from the file only where the file is not clean UTF-8
            try:
                raw[a:b].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                if c[1] not in raw[a:b].decode("utf-8"):
                    fail("form %r is not at %d:%d (%r)" % (c[1], a, b, raw[a:b]))
        sent.append(c)
    close()
    if n_sent == 0:
        fail("no sentence")
    print("check_conllu: %d sentences ok" % n_sent)

main()
