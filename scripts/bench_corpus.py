#!/usr/bin/python3
"""Corpora for `make bench` (scripts/bench.sh), generated at run time.

  bench_corpus.py real OUT MB        realistic corpus: the articles of seeds/ and
                                     tests/eval/a, b, c (never d, the blind set)
                                     with their people and organisations renamed
                                     from a large generated pool, in 10 MB chunk
                                     folders OUT/c000, OUT/c001... so that the
                                     first k chunks are the corpus at 10k MB
  bench_corpus.py names OUT          5,000 articles naming 20,000 distinct actors
  bench_corpus.py random OUT MB      one file of random mixed-case words

Everything is drawn from fixed seeds: the same bytes on every run."""
import glob
import os
import random
import re
import sys

ONSET = ["b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
         "br", "dr", "kh", "sh", "tr", "gr", "zh", "ch", "th", "q"]
VOWEL = ["a", "e", "i", "o", "u", "ai", "ou", "ia"]
CODA = ["", "", "", "n", "r", "l", "m", "s", "k", "t"]
ORG_HEAD = ["Brigade", "Front", "Movement", "Army", "Battalion", "Alliance", "Forces",
            "Council", "Militia", "Party"]


def word(rng, syll):
    return "".join(rng.choice(ONSET) + rng.choice(VOWEL) + rng.choice(CODA)
                   for _ in range(syll)).capitalize()


def pool(n_people, n_orgs, seed=7):
    """Distinct generated names: 'Given Family' people and 'Word Word Head'
    organisations."""
    rng = random.Random(seed)
    given = sorted({word(rng, rng.choice((2, 2, 3))) for _ in range(4000)})
    people, seen = [], set()
    while len(people) < n_people:
        name = "%s %s" % (rng.choice(given), word(rng, rng.choice((2, 3, 3, 4))))
        if name not in seen:
            seen.add(name)
            people.append(name)
    orgs = []
    while len(orgs) < n_orgs:
        name = "%s %s %s" % (word(rng, 2), word(rng, rng.choice((2, 3))), rng.choice(ORG_HEAD))
        if name not in seen:
            seen.add(name)
            orgs.append(name)
    return people, orgs


def gold_names():
    """Person and organisation names of the gold sets a, b, c: the spans the
    realistic corpus renames (capitalised, not acronyms)."""
    names = {}
    for f in sorted(glob.glob("tests/eval/[abc]/actors.tsv")):
        for line in open(f, encoding="utf-8"):
            if line.startswith("#") or line.startswith("actor\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or cols[1] not in ("person", "organization"):
                continue
            actor = (cols[1], cols[0])
            for alias in cols[2].split("|"):
                if len(alias) >= 4 and alias[0].isupper() and not alias.isupper() \
                        and alias not in names:
                    names[alias] = (actor, len(alias.split()) == 1 and cols[1] == "person")
    return names


def real(out, mb):
    texts = [open(f, encoding="utf-8").read() for f in
             sorted(glob.glob("seeds/*.txt")) + sorted(glob.glob("tests/eval/[abc]/articles/*.txt"))]
    names = gold_names()
    rx = re.compile(r"\b(%s)\b" % "|".join(re.escape(a) for a in
                                           sorted(names, key=lambda a: (-len(a), a))))
    people, orgs = pool(150000, 40000)
    # each article split once into literal text and the names to rename
    split = []
    for t in texts:
        parts, last = [], 0
        for m in rx.finditer(t):
            parts.append((t[last:m.start()], m.group(1)))
            last = m.end()
        parts.append((t[last:], None))
        split.append(parts)
    total, i, chunk = 0, 0, -1
    limit = mb * 1048576
    while total < limit:
        if total >= (chunk + 1) * 10 * 1048576:
            chunk += 1
        rng = random.Random(i)
        picked = {}

        def rename(alias):
            actor, surname = names[alias]
            if actor not in picked:
                # half the picks from a popular head, half from the whole
                # pool: names recur across articles and the graph keeps growing
                if actor[0] == "person":
                    k = rng.randrange(3000) if rng.random() < 0.5 else rng.randrange(len(people))
                    picked[actor] = people[k]
                else:
                    k = rng.randrange(800) if rng.random() < 0.5 else rng.randrange(len(orgs))
                    picked[actor] = orgs[k]
            name = picked[actor]
            return name.split()[-1] if surname else name

        text = "".join(lit + (rename(alias) if alias else "") for lit, alias in split[i % len(texts)])
        # a line of its own makes every copy a distinct article
        data = (text + "\n(Copy %d of the bench corpus.)\n" % i).encode("utf-8")
        sub = os.path.join(out, "c%03d" % chunk, "d%03d" % ((i // 1000) % 1000))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "a%06d.txt" % i), "wb") as f:
            f.write(data)
        total += len(data)
        i += 1
    print("corpus real: %d articles, %.1f MB, %d chunks of 10 MB" % (i, total / 1048576, chunk + 1))


TEMPLATES = [
    "{A} condemned the attack by the {O} on {C}.",
    "Fighters of the {O} attacked positions held by the {P} near the town of {T}.",
    "{A}, a commander of the {O}, said the group had been funded by {B}.",
    "{B} ordered the {O} to withdraw from {T}, officials said.",
    "The {P} accused {A} of arming the {O}.",
    "{C} commands the {P}, according to residents of {T}.",
    "On Monday {A} met {B} in {T} to discuss the ceasefire.",
    "Witnesses said gunmen loyal to {C} killed {B} on the road to {T}.",
]


def names_corpus(out):
    people, orgs = pool(14000, 6000, seed=11)
    actors = people + orgs
    assert len(set(actors)) == 20000
    rng = random.Random(13)
    towns = [word(rng, 3) for _ in range(500)]
    order = list(range(len(actors)))
    rng.shuffle(order)
    total = 0
    for i in range(5000):
        # every actor is named at least once; some again in later articles
        own = [actors[order[(4 * i + k) % len(order)]] for k in range(4)]
        extra = [rng.choice(actors) for _ in range(2)]
        ppl = [a for a in own + extra if a in people] or [rng.choice(people)]
        org = [a for a in own + extra if a not in people] or [rng.choice(orgs)]
        lines = []
        for t in rng.choices(TEMPLATES, k=12):
            lines.append(t.format(A=rng.choice(ppl), B=rng.choice(ppl), C=rng.choice(ppl),
                                  O=rng.choice(org), P=rng.choice(org), T=rng.choice(towns)))
        data = (" ".join(lines) + "\n").encode()
        sub = os.path.join(out, "d%02d" % (i // 1000))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "n%05d.txt" % i), "wb") as f:
            f.write(data)
        total += len(data)
    print("corpus names: 5000 articles, 20000 distinct actors, %.1f MB" % (total / 1048576))


def random_text(out, mb):
    rng = random.Random(17)
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    parts, total, n = [], 0, 0
    while total < mb * 1048576:
        w = "".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
        n += 1
        sep = ". " if n % 17 == 0 else ("\n" if n % 101 == 0 else " ")
        parts.append(w + sep)
        total += len(w) + len(sep)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "random.txt"), "w") as f:
        f.write("".join(parts))
    print("corpus random: 1 file, %.1f MB of random mixed-case words" % (total / 1048576))


if __name__ == "__main__":
    mode, out = sys.argv[1], sys.argv[2]
    if mode == "real":
        real(out, int(sys.argv[3]))
    elif mode == "names":
        names_corpus(out)
    elif mode == "random":
        random_text(out, int(sys.argv[3]))
    else:
        sys.exit("bench_corpus.py: unknown corpus " + mode)
