/* tagger.c - a greedy left-to-right averaged-perceptron tagger (Collins 2002;
 * the feature set of Honnibal's "A good part-of-speech tagger in about 200
 * lines" with prefixes, shapes and word pairs added), run twice: the second
 * pass also sees the first pass's tags to the right. It predicts one class
 * per word that names both the UPOS and the PTB tag. */
#include <ctype.h>
#include <string.h>

#include "nlp.h"

enum { BOS = 1, EOS = 2 }; /* atoms for words beyond the sentence */

static uint64_t hlower(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        char c = nb_lower(s[i]);
        h = (h ^ (unsigned char)c) * 1099511628211ULL;
    }
    return nb_fmix(h ^ n);
}

static uint64_t hraw(const char *s, size_t n, uint64_t salt)
{
    uint64_t h = 1469598103934665603ULL ^ salt;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return nb_fmix(h ^ n);
}

/* Word shape: X for capitals, x lower, d digit, u other letters, other
 * bytes as they are, runs cut at three, so "Baghdad" and "Kabul" look alike. */
static uint64_t shape(const char *s, size_t n)
{
    char out[24];
    size_t o = 0, run = 0;
    for (size_t i = 0; i < n && o < sizeof out; i++) {
        unsigned char c = (unsigned char)s[i];
        char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd'
                 : c >= 0x80 ? 'u' : (char)c;
        if (c >= 0x80 && c < 0xC0) continue; /* continuation bytes */
        run = (o > 0 && out[o - 1] == k) ? run + 1 : 1;
        if (run <= 3) out[o++] = k;
    }
    return hraw(out, o, 7);
}

void nb_tag_atoms(nb_sent *s, int features)
{
    for (size_t i = 0; i < s->n; i++) {
        nb_uword *w = &s->w[i];
        const char *f = w->form;
        size_t n = w->len;
        w->hform = hraw(f, n, 1);
        w->hlow = hlower(f, n);
        for (size_t k = 0; k < 4; k++) {
            size_t m = k + 1 < n ? k + 1 : n;
            w->hsuf[k] = hlower(f + n - m, m) ^ (0x51 + k);
        }
        for (size_t k = 0; k < 3; k++) {
            size_t m = k + 1 < n ? k + 1 : n;
            w->hpre[k] = hlower(f, m) ^ (0x71 + k);
        }
        w->hshape = shape(f, n);
        w->hpre5 = hlower(f, n < 5 ? n : 5) ^ 0x75;
        if (features < 1) continue; /* the hashes cost a measurable share of tagging */
        w->hpre4 = hlower(f, n < 4 ? n : 4) ^ 0x74;
        w->hsuf5 = hlower(f + n - (n < 5 ? n : 5), n < 5 ? n : 5) ^ 0x55;
    }
}

size_t nb_tag_features(const nb_sent *s, size_t i, int p1, int p2, bool second, int features, uint64_t *out)
{
    const nb_uword *w = &s->w[i];
    uint64_t lm1 = i >= 1 ? s->w[i - 1].hlow : BOS, lm2 = i >= 2 ? s->w[i - 2].hlow : BOS;
    uint64_t lp1 = i + 1 < s->n ? s->w[i + 1].hlow : EOS, lp2 = i + 2 < s->n ? s->w[i + 2].hlow : EOS;
    uint64_t sm1 = i >= 1 ? s->w[i - 1].hsuf[2] : BOS, sp1 = i + 1 < s->n ? s->w[i + 1].hsuf[2] : EOS;
    uint64_t shm1 = i >= 1 ? s->w[i - 1].hshape : BOS, shp1 = i + 1 < s->n ? s->w[i + 1].hshape : EOS;
    uint64_t sp2 = i + 1 < s->n ? s->w[i + 1].hsuf[1] : EOS;
    uint64_t t1 = (uint64_t)p1 + 3, t2 = (uint64_t)p2 + 3;
    size_t k = 0;
    out[k++] = nb_feat(1, 0, 0, 0);
    out[k++] = nb_feat(2, w->hlow, 0, 0);
    out[k++] = nb_feat(3, w->hform, 0, 0);
    for (int j = 0; j < 4; j++) out[k++] = nb_feat(4 + (uint64_t)j, w->hsuf[j], 0, 0);
    for (int j = 0; j < 3; j++) out[k++] = nb_feat(8 + (uint64_t)j, w->hpre[j], 0, 0);
    out[k++] = nb_feat(11, w->hshape, 0, 0);
    out[k++] = nb_feat(12, t1, 0, 0);
    out[k++] = nb_feat(13, t2, 0, 0);
    out[k++] = nb_feat(14, t1, t2, 0);
    out[k++] = nb_feat(15, t1, w->hlow, 0);
    out[k++] = nb_feat(16, lm1, 0, 0);
    out[k++] = nb_feat(17, sm1, 0, 0);
    out[k++] = nb_feat(18, lm2, 0, 0);
    out[k++] = nb_feat(19, lp1, 0, 0);
    out[k++] = nb_feat(20, sp1, 0, 0);
    out[k++] = nb_feat(21, lp2, 0, 0);
    out[k++] = nb_feat(22, lm1, w->hlow, 0);
    out[k++] = nb_feat(23, w->hlow, lp1, 0);
    out[k++] = nb_feat(24, shp1, 0, 0);
    out[k++] = nb_feat(25, shm1, 0, 0);
    out[k++] = nb_feat(26, i == 0, w->hshape, 0);
    out[k++] = nb_feat(27, t1, w->hsuf[2], 0);
    out[k++] = nb_feat(28, lp1, lp2, 0);
    out[k++] = nb_feat(29, t1, lp1, 0);
    out[k++] = nb_feat(30, w->hsuf[2], sp2, 0);
    out[k++] = nb_feat(31, w->hshape, shp1, 0);
    out[k++] = nb_feat(32, lm1, w->hsuf[2], 0);
    if (features >= 1) {
        /* longer affixes (unknown words' endings: "-ation", "-ness"), both
         * neighbours at once, and the previous tag with this word's shape */
        out[k++] = nb_feat(33, w->hsuf5, 0, 0);
        out[k++] = nb_feat(34, w->hpre4, 0, 0);
        out[k++] = nb_feat(35, lm1, lp1, 0);
        out[k++] = nb_feat(36, t1, w->hshape, 0);
    }
    if (second) {
        /* the first pass's tags of this word and the two after it: the
         * right context a left-to-right tagger cannot see otherwise */
        uint64_t f0 = (uint64_t)w->tag + 3;
        uint64_t n1 = i + 1 < s->n ? (uint64_t)s->w[i + 1].tag + 3 : 1;
        uint64_t n2 = i + 2 < s->n ? (uint64_t)s->w[i + 2].tag + 3 : 1;
        out[k++] = nb_feat(40, f0, 0, 0);
        out[k++] = nb_feat(41, n1, 0, 0);
        out[k++] = nb_feat(42, n1, n2, 0);
        out[k++] = nb_feat(43, t1, n1, 0);
        out[k++] = nb_feat(44, f0, n1, 0);
        out[k++] = nb_feat(45, w->hlow, n1, 0);
        out[k++] = nb_feat(46, w->hlow, f0, 0);
        out[k++] = nb_feat(47, t1, f0, n1);
        out[k++] = nb_feat(48, w->hsuf[2], f0, 0);
        if (features >= 1) { /* the next word with its first-pass tag */
            out[k++] = nb_feat(49, lp1, n1, 0);
            out[k++] = nb_feat(50, w->hshape, f0, n1);
        }
    }
    return k;
}

/* Is word i an article ("the", "a", "an"), after which a finite verb is a
 * tagging error (the "the raid by X" read as a verb)? */
static bool article(const nb_uword *w)
{
    char b[4] = {0};
    if (w->len > 3) return false;
    for (uint32_t k = 0; k < w->len; k++) b[k] = nb_lower(w->form[k]);
    return !strcmp(b, "the") || !strcmp(b, "a") || !strcmp(b, "an");
}

/* Is the word shaped like a past participle (in EWT train, every one after
 * an article but "sworn" ends so)? */
static bool participle_shape(const nb_uword *w)
{
    static const char *const END[] = {"ed", "en", "wn", "rn", "ne"};
    if (w->len < 3) return false;
    char a = nb_lower(w->form[w->len - 2]), b = nb_lower(w->form[w->len - 1]);
    if (b == 't') return true;
    for (size_t k = 0; k < sizeof END / sizeof *END; k++)
        if (a == END[k][0] && b == END[k][1]) return true;
    return false;
}

/* Is w an -s form that training never had as a noun, of a stem it had as a
 * verb and never as a noun or adjective ("resides", "intensifies")? */
static bool verb_only_s(const nb_nlp *m, const nb_uword *w)
{
    char b[48];
    size_t n = w->len;
    if (n < 4 || n >= sizeof b || w->form[n - 1] != 's' || w->form[n - 2] == 's' || w->form[n - 2] == '\'') return false;
    if (nb_lemmas_seen(&m->lem, "NOUN", w->form, n) || nb_lemmas_seen(&m->lem, "PROPN", w->form, n)) return false;
    for (size_t k = 0; k < n; k++) b[k] = nb_lower(w->form[k]);
    /* stems: -ies -> -y, -es, -s */
    const char *stems[3];
    char s1[48], s2[48], s3[48];
    size_t ns = 0;
    if (n > 4 && !memcmp(b + n - 3, "ies", 3)) {
        memcpy(s1, b, n - 3);
        s1[n - 3] = 'y';
        s1[n - 2] = '\0';
        stems[ns++] = s1;
    }
    if (!memcmp(b + n - 2, "es", 2)) {
        memcpy(s2, b, n - 2);
        s2[n - 2] = '\0';
        stems[ns++] = s2;
    }
    memcpy(s3, b, n - 1);
    s3[n - 1] = '\0';
    stems[ns++] = s3;
    for (size_t k = 0; k < ns; k++) {
        size_t l = strlen(stems[k]);
        if (nb_lemmas_seen(&m->lem, "VERB", stems[k], l) && !nb_lemmas_seen(&m->lem, "NOUN", stems[k], l) &&
            !nb_lemmas_seen(&m->lem, "ADJ", stems[k], l))
            return true;
    }
    return false;
}

/* Is w an irregular past form of a training verb, with no -s or -ing
 * ("bore" of "bear", "led", "fled")? After a subject it is that verb, not
 * the noun it spells too ("ISWAP bore direct responsibility"). */
static bool irregular_past(const nb_nlp *m, const nb_uword *w)
{
    if (w->len < 3 || w->form[w->len - 1] == 's' || (w->len > 4 && !memcmp(w->form + w->len - 3, "ing", 3)) ||
        (w->len > 3 && !memcmp(w->form + w->len - 2, "ed", 2)))
        return false;
    const char *vl = nb_lemmas_lemma(&m->lem, "VERB", w->form, w->len);
    if (!vl) return false;
    if (strlen(vl) != w->len) return true;
    for (size_t k = 0; k < w->len; k++)
        if (vl[k] != nb_lower(w->form[k])) return true;
    return false;
}

/* Did training have w, or the stem of an -s form ("chairs"), as a verb? */
static bool seen_verb(const nb_nlp *m, const nb_uword *w)
{
    if (nb_lemmas_seen(&m->lem, "VERB", w->form, w->len)) return true;
    char b[48];
    size_t n = w->len;
    if (n < 4 || n >= sizeof b || nb_lower(w->form[n - 1]) != 's') return false;
    for (size_t k = 0; k < n; k++) b[k] = nb_lower(w->form[k]);
    if (nb_lemmas_seen(&m->lem, "VERB", b, n - 1)) return true;
    return n > 4 && b[n - 2] == 'e' && nb_lemmas_seen(&m->lem, "VERB", b, n - 2);
}

/* Does the name that ends at word i - 1 follow a relative pronoun ("which
 * Rashad al-Alimi chairs")? Then word i is the relative clause's verb. */
static bool after_relative_subject(const nb_nlp *m, const nb_sent *s, size_t i)
{
    size_t j = i;
    while (j > 0 && (!strcmp(m->upos[s->w[j - 1].tag], "PROPN") ||
                     (s->w[j - 1].len == 1 && s->w[j - 1].form[0] == '-')))
        j--;
    if (j == i || j == 0) return false;
    static const char *const REL[] = {"which", "whom", "that", NULL};
    const nb_uword *r = &s->w[j - 1];
    for (size_t k = 0; REL[k]; k++) {
        bool same = r->len == strlen(REL[k]);
        for (size_t q = 0; same && q < r->len; q++) same = nb_lower(r->form[q]) == REL[k][q];
        if (same) return true;
    }
    return false;
}

/* May word i take class c? Not a finite verb, or a participle not shaped
 * like one, after an article; not a verb when the word, not shaped like a
 * participle, was seen in training as an adjective and never as a verb or
 * noun ("loyal"). */
static bool allowed(const nb_nlp *m, const nb_sent *s, size_t i, int c)
{
    const nb_uword *w = &s->w[i];
    /* closed classes are closed: a word training never had as a
     * preposition, determiner, pronoun, conjunction, auxiliary or particle is none
     * ("overran" guessed a preposition) */
    if (m->closed && m->closed[c] && !nb_lemmas_seen(&m->lem, m->upos[c], w->form, w->len)) return false;
    if (m->finite && m->finite[c] && i > 0 && article(&s->w[i - 1]) &&
        (m->finite[c] == 1 || !participle_shape(w)))
        return false;
    /* a noun of training, never an adverb or adjective there, is no
     * adverb ("Kosovo's closest ally", for its -ly) */
    if (!strcmp(m->upos[c], "ADV") && nb_lemmas_seen(&m->lem, "NOUN", w->form, w->len) &&
        !nb_lemmas_seen(&m->lem, "ADV", w->form, w->len) && !nb_lemmas_seen(&m->lem, "ADJ", w->form, w->len))
        return false;
    /* a past form of training's verbs, never a noun or adjective there, is
     * no noun ("A Ukrainian drone struck a refinery"; in EWT test, dev and
     * PUD, 2 nouns in 71,000 words are such forms) */
    if (!strcmp(m->upos[c], "NOUN") && w->len > 2 && w->form[w->len - 1] != 's' &&
        !(w->len > 4 && !memcmp(w->form + w->len - 3, "ing", 3))) {
        const char *vl = nb_lemmas_lemma(&m->lem, "VERB", w->form, w->len);
        bool same = vl && strlen(vl) == w->len;
        for (size_t k = 0; same && k < w->len; k++) same = vl[k] == nb_lower(w->form[k]);
        if (vl && !same &&
            !nb_lemmas_seen(&m->lem, "NOUN", w->form, w->len) && !nb_lemmas_seen(&m->lem, "ADJ", w->form, w->len))
            return false;
    }
    /* a verb of training, never a noun or adjective there, right after a
     * name, pronoun or plural noun is that subject's verb, no compound
     * ("The Houthis receive weapons") */
    /* (and so is an -s form never a noun in training whose stem it had as
     * a verb only: "Ndayishimiye resides", "the fighting intensifies") */
    /* (nor a lower-case proper noun: "the Kivu Front bore responsibility") */
    bool lower = w->form[0] >= 'a' && w->form[0] <= 'z';
    /* (or after the comma closing a subject's relative clause: "X, who has
     * ruled since 1994, relies on Y") */
    bool comma = s->w[i - (i > 0)].len == 1 && s->w[i - (i > 0)].form[0] == ',' && i > 0;
    if ((!strcmp(m->upos[c], "NOUN") || (!strcmp(m->upos[c], "PROPN") && lower)) && i > 0 &&
        (!strcmp(m->upos[s->w[i - 1].tag], "PROPN") || !strcmp(m->xpos[s->w[i - 1].tag], "PRP") ||
         !strcmp(m->xpos[s->w[i - 1].tag], "NNS") || (comma && verb_only_s(m, w))) &&
        ((nb_lemmas_seen(&m->lem, "VERB", w->form, w->len) && !nb_lemmas_seen(&m->lem, "NOUN", w->form, w->len) &&
          !nb_lemmas_seen(&m->lem, "ADJ", w->form, w->len)) ||
         verb_only_s(m, w) || irregular_past(m, w)))
        return false;
    /* "the attack bore the hallmarks": an irregular past after a determiner's
     * singular noun is its verb, not a compound ("bore" the noun) */
    if (!strcmp(m->upos[c], "NOUN") && i > 1 && !strcmp(m->xpos[s->w[i - 1].tag], "NN") &&
        !strcmp(m->upos[s->w[i - 2].tag], "DET") && irregular_past(m, w))
        return false;
    /* "the council, which Rashad al-Alimi chairs,": after a relative
     * pronoun and a name, a word training had as a verb is the clause's verb */
    if ((!strcmp(m->upos[c], "NOUN") || (!strcmp(m->upos[c], "PROPN") && lower)) && i > 0 && seen_verb(m, w) &&
        after_relative_subject(m, s, i))
        return false;
    /* "Airstrikes by Israel on ...", "Clashes between ...": a sentence's
     * first word, capitalised only for its place, plural in shape, unknown
     * to training as a name and followed by a preposition is a common noun
     * (a name there the actor layer would have fixed) */
    if (!strcmp(m->upos[c], "PROPN") && i == 0 && !w->fixed && w->len > 4 && w->form[0] >= 'A' &&
        w->form[0] <= 'Z' && w->form[1] >= 'a' && w->form[1] <= 'z' && w->form[w->len - 1] == 's' &&
        w->form[w->len - 2] != 's' && w->form[w->len - 2] != '\'' && s->n > 1 &&
        !nb_lemmas_seen(&m->lem, "PROPN", w->form, w->len)) {
        static const char *const PREP[] = {"by", "on", "in", "against", "between", "across", "near", "at", "from",
                                           "over", "along", "targeting", NULL};
        const nb_uword *nx = &s->w[1];
        for (size_t k = 0; PREP[k]; k++)
            if (nx->len == strlen(PREP[k]) && !memcmp(nx->form, PREP[k], nx->len)) return false;
    }
    /* no verb ends in -less, -ous or -ful ("Reckless attacks ...") */
    if (!strcmp(m->upos[c], "VERB") && w->len >= 7 &&
        (!memcmp(w->form + w->len - 4, "less", 4) || !memcmp(w->form + w->len - 3, "ous", 3) ||
         !memcmp(w->form + w->len - 3, "ful", 3)))
        return false;
    /* (not a participle's shape: PUD has "educated", "inspiring" as verbs
     * where EWT had them as adjectives) */
    bool ing = w->len > 4 && !memcmp(w->form + w->len - 3, "ing", 3);
    if (!strcmp(m->upos[c], "VERB") && !participle_shape(w) && !ing &&
        nb_lemmas_seen(&m->lem, "ADJ", w->form, w->len) &&
        !nb_lemmas_seen(&m->lem, "VERB", w->form, w->len) && !nb_lemmas_seen(&m->lem, "NOUN", w->form, w->len))
        return false;
    return true;
}

static bool xpos_is(const nb_nlp *m, const nb_sent *s, size_t i, const char *x) { return !strcmp(m->xpos[s->w[i].tag], x); }

/* "Rebels of the 3R armed group attacked a base": a past form between two
 * nouns, with a finite verb right after the second, is the second noun's
 * adjective when training had it as one ("armed"), or the sentence would
 * have two finite verbs and no subject for the second. */
static void adjective_garden_path(const nb_nlp *m, nb_sent *s)
{
    int jj = nb_nlp_tag(m, "ADJ", "JJ");
    if (jj < 0) return;
    for (size_t i = 1; i + 1 < s->n; i++) {
        const nb_uword *w = &s->w[i];
        if (!xpos_is(m, s, i, "VBD") || !participle_shape(w) || !nb_lemmas_seen(&m->lem, "ADJ", w->form, w->len)) continue;
        const char *pu = m->upos[s->w[i - 1].tag], *nu = m->upos[s->w[i + 1].tag];
        if ((strcmp(pu, "NOUN") && strcmp(pu, "PROPN")) || strcmp(nu, "NOUN")) continue;
        /* (a participle there too, unless it opens a reduced relative: "armed
         * militias trained by X"); or the noun is a singular body of men,
         * which as a verb's object would need a determiner, whatever
         * follows ("the Meitei armed group Arambai Tenggol"; "Rwanda armed
         * militias" may be a verb) */
        bool by = i + 3 < s->n && s->w[i + 3].len == 2 && !memcmp(s->w[i + 3].form, "by", 2);
        static const char *const BODY[] = {"group", "wing", "faction", "militia", "movement", "gang", NULL};
        bool body = false;
        for (size_t k = 0; BODY[k] && !body; k++)
            body = s->w[i + 1].len == strlen(BODY[k]) && !memcmp(s->w[i + 1].form, BODY[k], s->w[i + 1].len);
        bool verb_after = i + 2 < s->n && (xpos_is(m, s, i + 2, "VBD") || xpos_is(m, s, i + 2, "VBZ") ||
                                           xpos_is(m, s, i + 2, "VBP") || (xpos_is(m, s, i + 2, "VBN") && !by));
        if (!body && !verb_after) continue;
        s->w[i].tag = (uint16_t)jj;
    }
}

/* "X called Y's reshuffle illegal", "called the militia violent": after a
 * verb of naming, a word that closes the object noun phrase right after
 * its noun, and that training saw as an adjective and never as a noun, is
 * the object's predicate (the tagger read "reshuffle illegal" as a
 * compound). */
static void object_predicate(const nb_nlp *m, nb_sent *s)
{
    int jj = nb_nlp_tag(m, "ADJ", "JJ");
    if (jj < 0) return;
    static const char *const NAMING[] = {"call", "deem", "declar", "brand", "label", "term", "consider", NULL};
    bool naming = false;
    for (size_t i = 0; i + 1 < s->n; i++) {
        const nb_uword *w = &s->w[i];
        if (m->upos[w->tag][0] == 'V') {
            naming = false;
            for (size_t k = 0; NAMING[k] && !naming; k++) {
                size_t n = strlen(NAMING[k]);
                naming = w->len >= n && !strncasecmp(w->form, NAMING[k], n);
            }
            continue;
        }
        if (!naming || i < 2 || !xpos_is(m, s, i, "NN")) continue;
        /* (the noun before it; the phrase ends with it) */
        if (strcmp(m->upos[s->w[i - 1].tag], "NOUN") && strcmp(m->upos[s->w[i - 1].tag], "PROPN")) continue;
        const nb_uword *nx = &s->w[i + 1];
        bool end = nx->len == 1 && strchr(".,;:\"", nx->form[0]);
        end = end || (nx->len == 3 && !strncmp(nx->form, "and", 3));
        if (!end || !nb_lemmas_seen(&m->lem, "ADJ", w->form, w->len) ||
            nb_lemmas_seen(&m->lem, "NOUN", w->form, w->len))
            continue;
        s->w[i].tag = (uint16_t)jj;
        naming = false;
    }
}

/* "Rwanda, the M23's main sponsor, hosted talks": a sentence with no
 * finite verb and no auxiliary, whose participle after an apposition's
 * closing comma takes an object, has that participle as its past verb. */
static void finite_after_apposition(const nb_nlp *m, nb_sent *s)
{
    int vbd = nb_nlp_tag(m, "VERB", "VBD");
    if (vbd < 0) return;
    size_t vbn = s->n, commas = 0;
    for (size_t i = 0; i < s->n; i++) {
        const char *x = m->xpos[s->w[i].tag];
        if (!strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP") || !strcmp(x, "MD") ||
            !strcmp(m->upos[s->w[i].tag], "AUX"))
            return;
        if (s->w[i].len == 1 && s->w[i].form[0] == ',') commas++;
        if (vbn == s->n && !strcmp(x, "VBN") && commas >= 2 && i > 0 && s->w[i - 1].len == 1 &&
            s->w[i - 1].form[0] == ',' && i + 1 < s->n && participle_shape(&s->w[i]))
            vbn = i;
    }
    if (vbn == s->n) return;
    const char *nu = m->upos[s->w[vbn + 1].tag];
    if (strcmp(nu, "NOUN") && strcmp(nu, "PROPN") && strcmp(nu, "DET") && strcmp(nu, "NUM") && strcmp(nu, "ADJ")) return;
    s->w[vbn].tag = (uint16_t)vbd;
}

/* "FACT, whose leader X lives in exile, said": a relative clause opened by
 * "whose" needs a finite verb before its closing comma; with none, an -s
 * word after its subject that training had as a verb is that verb. */
static void whose_clause_verb(const nb_nlp *m, nb_sent *s)
{
    int vbz = nb_nlp_tag(m, "VERB", "VBZ");
    if (vbz < 0) return;
    for (size_t i = 0; i + 3 < s->n; i++) {
        if (s->w[i].len != 5 || memcmp(s->w[i].form, "whose", 5)) continue;
        size_t cand = s->n;
        bool finite = false;
        size_t j = i + 1;
        for (; j < s->n && !(s->w[j].len == 1 && (s->w[j].form[0] == ',' || s->w[j].form[0] == '.')); j++) {
            const char *x = m->xpos[s->w[j].tag];
            if (!strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP") || !strcmp(x, "MD") ||
                !strcmp(m->upos[s->w[j].tag], "AUX"))
                finite = true;
            const nb_uword *w = &s->w[j];
            if (cand == s->n && j >= i + 2 && !strcmp(x, "NNS") && w->len > 2 && w->form[w->len - 1] == 's' &&
                islower((unsigned char)w->form[0]) && nb_lemmas_seen(&m->lem, "VERB", w->form, w->len)) {
                const char *pu = m->upos[s->w[j - 1].tag];
                const char *nu = j + 1 < s->n ? m->upos[s->w[j + 1].tag] : "PUNCT";
                if ((!strcmp(pu, "NOUN") || !strcmp(pu, "PROPN")) && strcmp(nu, "NOUN") && strcmp(nu, "PROPN")) cand = j;
            }
        }
        if (!finite && cand < s->n && j < s->n) s->w[cand].tag = (uint16_t)vbz;
        i = j;
    }
}

void nb_tag_sentence(const nb_pmodel *tagger, nb_sent *s, bool second, int features, const nb_nlp *m)
{
    uint64_t f[NB_TAG_MAX_FEATS];
    int32_t sc[NB_PMAX_CLASSES];
    int p1 = -1, p2 = -1;
    for (size_t i = 0; i < s->n; i++) {
        if (s->w[i].fixed) {
            /* a name the actor layer recognised: its tag is known */
            s->w[i].tag = (uint16_t)(s->w[i].fixed - 1);
            p2 = p1;
            p1 = s->w[i].tag;
            continue;
        }
        size_t nf = nb_tag_features(s, i, p1, p2, second, features, f);
        memset(sc, 0, (size_t)tagger->n_classes * sizeof *sc);
        nb_pmodel_score(tagger, f, nf, sc);
        /* the best score in a register: reading sc[best] back made each
         * step wait for the last */
        int best = 0;
        int32_t top = sc[0];
        for (int c = 1; c < tagger->n_classes; c++)
            if (sc[c] > top) {
                top = sc[c];
                best = c;
            }
        if (m && !allowed(m, s, i, best)) { /* the best class allowed, if any */
            int alt = -1;
            for (int c = 0; c < tagger->n_classes; c++)
                if ((alt < 0 || sc[c] > sc[alt]) && allowed(m, s, i, c)) alt = c;
            if (alt >= 0) best = alt;
        }
        s->w[i].tag = (uint16_t)best;
        p2 = p1;
        p1 = best;
    }
    if (m) adjective_garden_path(m, s);
    if (m) object_predicate(m, s);
    if (m) finite_after_apposition(m, s);
    if (m) whose_clause_verb(m, s);
}
