"""gen_corpus.py - writes a synthetic corpus with a dictionary of invented
organisations, for tests that need a big graph (the HTML report at 2,000
actors). Deterministic: the same arguments give the same files.

    gen_corpus.py DIR ACTORS ARTICLES

Writes DIR/actors.csv and DIR/in/aNNNN.txt, each article twelve sentences
"The X funds|commands|condemned|attacked the Y on Monday."
"""
import os
import random
import sys

d, n_actors, n_articles = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(1)
syl = ["ka", "ro", "mi", "tu", "ze", "la", "vo", "ni", "sa", "de", "ru", "po", "ha", "gi", "bel", "dor",
       "fen", "kas", "lum", "mar", "nor", "pel", "quin", "ras", "sol", "tav", "ur", "vel", "wen", "yar"]
kinds = ["Brigade", "Front", "Movement", "Battalion", "Council", "Legion"]
names = set()
while len(names) < n_actors:
    names.add("".join(rng.choice(syl) for _ in range(3)).capitalize() + " " + rng.choice(kinds))
names = sorted(names)
os.makedirs(os.path.join(d, "in"), exist_ok=True)
with open(os.path.join(d, "actors.csv"), "w", encoding="utf-8") as f:
    f.write("name,kind,aliases,demonyms\n")
    for n in names:
        f.write("%s,organization,,\n" % n)
verbs = ["funds", "commands", "condemned", "attacked"]
for a in range(n_articles):
    with open(os.path.join(d, "in", "a%04d.txt" % a), "w", encoding="utf-8") as f:
        f.write("Report %d\n\n" % a)
        for _ in range(12):
            x, y = rng.sample(names, 2)
            f.write("The %s %s the %s on Monday. " % (x, rng.choice(verbs), y))
