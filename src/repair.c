/* repair.c - undoing the parser's misparses whose shape no grammatical tree
 * has (a subject with a preposition, a clause hung from a noun after it, a
 * name split in two...). Each repair is a local rewrite of heads and labels
 * that leaves correct trees alone; see nb_repair_tree. */
#include "repair.h"

#include <string.h>

#include "lexicon.h"
#include "util.h"

/* Does word c hang, however deep, under word a? (At most n steps up: a
 * cycle left by a half-done repair ends the walk.) */
static bool under(const nb_sent *s, size_t c, size_t a)
{
    int32_t h = s->w[c].head;
    for (size_t up = 0; h > 0 && h != (int32_t)a + 1 && up < s->n; up++) h = s->w[h - 1].head;
    return h == (int32_t)a + 1;
}

/* The head word of the name word w is in: up through the words of the
 * same entity (a few steps: names are short). */
static size_t name_head(const nb_sent *s, const int *ent_of, size_t w)
{
    for (int steps = 0; steps < 8; steps++) {
        int32_t up = s->w[w].head;
        if (up <= 0 || ent_of[up - 1] != ent_of[w]) break;
        w = (size_t)up - 1;
    }
    return w;
}

/* Is word i tagged u (a UPOS)? */
static bool upos_is(const nb_nlp *m, const nb_sent *s, size_t i, const char *u) { return !strcmp(m->upos[s->w[i].tag], u); }

/* The first word of w's phrase, punctuation left out (w itself when none
 * comes before it). */
static size_t phrase_first(const nb_nlp *m, const nb_sent *s, size_t w)
{
    for (size_t k = 0; k < w; k++)
        if (under(s, k, w) && !upos_is(m, s, k, "PUNCT")) return k;
    return w;
}

/* "Vietnam on Monday lodged a protest": the treebank has few subjects
 * parted from their verb by a time, so the parser hangs the verb from the
 * name as parataxis. A finite verb with no subject, after a root noun with
 * only its own modifiers between, takes that noun as subject. */
static void repair_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, nsubjpass = R->l_nsubj_pass,
        parataxis = R->l_parataxis, expl = R->l_expl;
    if (nsubj < 0 || parataxis < 0) return;
    for (size_t r = 0; r < s->n; r++) {
        const char *ru = m->upos[s->w[r].tag];
        if (s->w[r].head != 0 || (strcmp(ru, "PROPN") && strcmp(ru, "NOUN"))) continue;
        for (size_t v = r + 1; v < s->n; v++) {
            nb_uword *vw = &s->w[v];
            const char *vx = m->xpos[vw->tag];
            if (vw->head != (int32_t)r + 1 || vw->label != parataxis || strcmp(m->upos[vw->tag], "VERB") ||
                (strcmp(vx, "VBD") && strcmp(vx, "VBZ") && strcmp(vx, "VBP")))
                continue;
            bool ok = true;
            for (size_t x = 0; x < s->n && ok; x++)
                if (s->w[x].head == (int32_t)v + 1 &&
                    (s->w[x].label == nsubj || s->w[x].label == nsubjpass || s->w[x].label == expl))
                    ok = false; /* it has a subject of its own */
            /* between them, only words of the name or of the verb's
             * modifiers ("on Monday"), no clause or punctuation */
            for (size_t x = r + 1; x < v && ok; x++) {
                const char *xu = m->upos[s->w[x].tag];
                int32_t h = s->w[x].head;
                ok = strcmp(xu, "PUNCT") && strcmp(xu, "VERB") && strcmp(xu, "AUX") && h >= (int32_t)r + 1 &&
                     h <= (int32_t)v + 1;
                /* ("One militia leader, who gave his name as X, said ...": a
                 * relative clause or apposition of the noun between commas) */
                size_t k = x;
                for (int up = 0; up < 40 && s->w[k].head > 0 && s->w[k].head != (int32_t)r + 1; up++)
                    k = (size_t)s->w[k].head - 1;
                if (!ok && s->w[k].head == (int32_t)r + 1 && k > r && k < v &&
                    (s->w[k].label == R->l_acl_relcl || s->w[k].label == R->l_appos) &&
                    s->w[v - 1].len == 1 && s->w[v - 1].form[0] == ',' && s->w[r + 1].len == 1 && s->w[r + 1].form[0] == ',')
                    ok = true;
                if (!ok && x + 1 == v && s->w[x].len == 1 && s->w[x].form[0] == ',') ok = true;
            }
            if (!ok) continue;
            vw->head = 0;
            vw->label = (uint16_t)m->root_label;
            for (size_t x = v + 1; x < s->n; x++)
                if (s->w[x].head == (int32_t)r + 1) s->w[x].head = (int32_t)v + 1;
            s->w[r].head = (int32_t)v + 1;
            s->w[r].label = (uint16_t)nsubj;
            return;
        }
    }
}

/* "Russia, which like Iran backs Assad": a subject never takes a
 * preposition, so a "subject" with one is an oblique the parser mislabelled;
 * a relative pronoun it left as a second object is then the subject. */
static void repair_case_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, obl = R->l_obl, obj = R->l_obj,
        casel = R->l_case;
    if (nsubj < 0 || obl < 0 || obj < 0 || casel < 0) return;
    for (size_t i = 0; i < s->n; i++) {
        if (s->w[i].label != nsubj || s->w[i].head <= 0) continue;
        bool prep = false;
        for (size_t c = 0; c < i && !prep; c++)
            prep = s->w[c].head == (int32_t)i + 1 && s->w[c].label == casel && !strcmp(m->upos[s->w[c].tag], "ADP");
        if (!prep) continue;
        int32_t v = s->w[i].head;
        s->w[i].label = (uint16_t)obl;
        size_t rel = s->n;
        bool later_obj = false;
        for (size_t x = 0; x < s->n; x++) {
            if (s->w[x].head != v) continue;
            if (s->w[x].label == nsubj) rel = s->n + 1; /* it has a true subject */
            if (s->w[x].label == obj && x + 1 < (size_t)v && rel == s->n &&
                (!strcmp(m->xpos[s->w[x].tag], "WDT") || !strcmp(m->xpos[s->w[x].tag], "WP")))
                rel = x;
            if (s->w[x].label == obj && x + 1 > (size_t)v) later_obj = true;
        }
        if (rel < s->n && later_obj) s->w[rel].label = (uint16_t)nsubj;
    }
}

/* "the killing of Revolutionary Guards Chief Qassem Soleimani", "keeps
 * troops in northeast Syria": a caseless name hung past the nominal just
 * before it, with a preposition of its own, is the rest of that phrase,
 * split off by the parser: the name takes the phrase's place, and the
 * nominal becomes its compound. */
static void repair_split_name(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nmod = R->l_nmod, obl = R->l_obl, obj = R->l_obj,
        casel = R->l_case, det = R->l_det, compound = R->l_compound;
    if (nmod < 0 || obl < 0 || obj < 0 || casel < 0 || det < 0 || compound < 0) return;
    for (size_t j = 1; j < s->n; j++) {
        if ((s->w[j].label != nmod && s->w[j].label != obj) || strcmp(m->upos[s->w[j].tag], "PROPN")) continue;
        size_t lo = j; /* leftmost word of j's subtree */
        bool has_case = false;
        for (size_t c = 0; c < j; c++) {
            if (s->w[c].head == (int32_t)j + 1 && s->w[c].label == casel) has_case = true;
            if (under(s, c, j) && c < lo) lo = c;
        }
        if (has_case || lo == 0) continue;
        /* the prepositional nominal whose phrase the word before ends */
        size_t i = lo - 1;
        bool found = false;
        for (size_t up = 0; up < s->n && !found; up++) {
            const char *iu = m->upos[s->w[i].tag];
            bool nominal = (!strcmp(iu, "NOUN") || !strcmp(iu, "PROPN")) &&
                           (s->w[i].label == nmod || s->w[i].label == obl);
            bool cased = false;
            for (size_t c = 0; c < i && nominal; c++)
                if (s->w[c].head == (int32_t)i + 1 && s->w[c].label == casel) cased = true;
            if (nominal && cased) found = true;
            else if (s->w[i].head <= 0 || s->w[i].head > (int32_t)lo) break;
            else i = (size_t)s->w[i].head - 1;
        }
        /* j's arc must pass over the phrase: its head before the nominal */
        if (!found || s->w[j].head <= 0 || s->w[j].head > (int32_t)i + 1) continue;
        for (size_t c = 0; c < i; c++)
            if (s->w[c].head == (int32_t)i + 1 && (s->w[c].label == casel || s->w[c].label == det))
                s->w[c].head = (int32_t)j + 1;
        s->w[j].head = s->w[i].head;
        s->w[j].label = s->w[i].label;
        s->w[i].head = (int32_t)j + 1;
        s->w[i].label = (uint16_t)compound;
    }
}

/* "Moussa Faki Mahamat, chairman of the African Union Commission,
 * condemned": a compound takes no apposition, so a name hung as compound
 * from the noun after its apposition has the apposition's last noun split
 * off: that noun rejoins the apposition, the name takes its place. */
static void repair_appos_compound(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int compound = R->l_compound, appos = R->l_appos, casel = R->l_case,
        det = R->l_det;
    if (compound < 0 || appos < 0 || casel < 0 || det < 0) return;
    for (size_t x = 0; x + 2 < s->n; x++) {
        if (s->w[x].label != compound || s->w[x].head <= (int32_t)x + 1) continue;
        size_t h = (size_t)s->w[x].head - 1, a = s->n;
        for (size_t c = x + 1; c < h && a == s->n; c++)
            if (s->w[c].head == (int32_t)x + 1 && s->w[c].label == appos) a = c;
        if (a == s->n || strcmp(m->upos[s->w[h].tag], "PROPN")) continue;
        /* the noun just before h, inside the apposition */
        size_t u = h - 1;
        const char *uu = m->upos[s->w[u].tag];
        if (strcmp(uu, "PROPN") && strcmp(uu, "NOUN")) continue;
        /* (not the apposition itself, "X, a Y Z": leave that) */
        if (u == a || !under(s, u, a)) continue;
        for (size_t c = 0; c < u; c++)
            if (s->w[c].head == (int32_t)u + 1 && (s->w[c].label == casel || s->w[c].label == det))
                s->w[c].head = (int32_t)h + 1;
        s->w[x].head = s->w[h].head;
        s->w[x].label = s->w[h].label;
        s->w[h].head = s->w[u].head;
        s->w[h].label = s->w[u].label;
        s->w[u].head = (int32_t)h + 1;
        s->w[u].label = (uint16_t)compound;
        for (size_t c = 0; c < s->n; c++) /* what hung from h is the name's */
            if (c != u && c != x && s->w[c].head == (int32_t)h + 1 && c > h) s->w[c].head = (int32_t)x + 1;
    }
}

/* '"These terrorists used a mine," X told AFP': a noun standing as a
 * clause (ccomp, parataxis, root) with no copula is no predicate; a past
 * verb with an object hung from it as a reduced relative is the clause's
 * verb, and the noun its subject. */
static void repair_noun_clause(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int ccomp = R->l_ccomp, parataxis = R->l_parataxis, acl = R->l_acl,
        cop = R->l_cop, obj = R->l_obj, nsubj = R->l_nsubj;
    if (ccomp < 0 || parataxis < 0 || acl < 0 || cop < 0 || obj < 0 || nsubj < 0) return;
    for (size_t n = 0; n < s->n; n++) {
        nb_uword *nw = &s->w[n];
        if ((nw->label != ccomp && nw->label != parataxis && nw->head != 0) ||
            (strcmp(m->upos[nw->tag], "NOUN") && strcmp(m->upos[nw->tag], "PROPN")))
            continue;
        size_t v = s->n;
        bool bad = false;
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head != (int32_t)n + 1) continue;
            if (s->w[c].label == cop || s->w[c].label == nsubj) bad = true;
            if (s->w[c].label == acl && c > n && v == s->n &&
                (!strcmp(m->xpos[s->w[c].tag], "VBD") || !strcmp(m->xpos[s->w[c].tag], "VBN")))
                v = c;
        }
        if (bad || v == s->n) continue;
        bool has_obj = false;
        /* (or a target after a preposition: "gunmen sniped at AU troops") */
        for (size_t c = v + 1; c < s->n && !has_obj; c++)
            has_obj = s->w[c].head == (int32_t)v + 1 &&
                      (s->w[c].label == obj || (s->w[c].label == R->l_obl && v + 1 < s->n && s->w[v + 1].label == R->l_case &&
                                                s->w[v + 1].head == (int32_t)c + 1));
        /* (a root noun has no verb at all: its past participle is it) */
        if (!has_obj && nw->head != 0) continue;
        s->w[v].head = nw->head;
        s->w[v].label = nw->label;
        for (size_t c = v + 1; c < s->n; c++)
            if (s->w[c].head == (int32_t)n + 1) s->w[c].head = (int32_t)v + 1;
        nw->head = (int32_t)v + 1;
        nw->label = (uint16_t)nsubj;
    }
}

/* '"...," the head of the mission, Nicholas Haysom, said': a relative
 * clause with no relative word, hung from an apposition to the quote, whose
 * subject is a name in commas after the noun, is the attribution: the noun
 * is the subject, the name its apposition. */
static void repair_attribution(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, appos = R->l_appos, nsubj = R->l_nsubj,
        parataxis = R->l_parataxis;
    if (relcl < 0 || appos < 0 || nsubj < 0 || parataxis < 0) return;
    for (size_t v = 2; v < s->n; v++) {
        nb_uword *vw = &s->w[v];
        if (vw->label != relcl || vw->head <= 0 || vw->head > (int32_t)v) continue;
        size_t n = (size_t)vw->head - 1, sb = s->n;
        if (s->w[n].label != appos && s->w[n].label != parataxis) continue;
        bool relword = false;
        for (size_t c = 0; c < v; c++) {
            if (s->w[c].head != (int32_t)v + 1) continue;
            const char *cx = m->xpos[s->w[c].tag];
            if (!strcmp(cx, "WDT") || !strcmp(cx, "WP") || !strcmp(cx, "WP$") || !strcmp(cx, "IN")) relword = true;
            if (s->w[c].label == nsubj && c > n && c > 0 && s->w[c - 1].len == 1 && s->w[c - 1].form[0] == ',') sb = c;
        }
        if (relword || sb == s->n || strcmp(m->upos[s->w[sb].tag], "PROPN")) continue;
        vw->head = s->w[n].head;
        vw->label = (uint16_t)parataxis;
        s->w[n].head = (int32_t)v + 1;
        s->w[n].label = (uint16_t)nsubj;
        s->w[sb].head = (int32_t)n + 1;
        s->w[sb].label = (uint16_t)appos;
    }
}

/* "described as a threat": "as" before a bare nominal, with no verb,
 * copula or subject, is its preposition (UD case, obl), not a clause's
 * marker. */
static void repair_as_nominal(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int advcl = R->l_advcl, mark = R->l_mark, casel = R->l_case,
        obl = R->l_obl, cop = R->l_cop, nsubj = R->l_nsubj;
    if (advcl < 0 || mark < 0 || casel < 0 || obl < 0 || cop < 0 || nsubj < 0) return;
    for (size_t a = 0; a < s->n; a++) {
        if (s->w[a].label != mark || s->w[a].head <= (int32_t)a + 1 || s->w[a].len != 2 ||
            nb_lower(s->w[a].form[0]) != 'a' || nb_lower(s->w[a].form[1]) != 's')
            continue;
        size_t h = (size_t)s->w[a].head - 1;
        const char *hu = m->upos[s->w[h].tag];
        if (s->w[h].label != advcl || (strcmp(hu, "NOUN") && strcmp(hu, "PROPN") && strcmp(hu, "ADJ"))) continue;
        bool clause = false;
        for (size_t c = 0; c < s->n && !clause; c++)
            clause = s->w[c].head == (int32_t)h + 1 && (s->w[c].label == cop || s->w[c].label == nsubj);
        if (clause) continue;
        s->w[a].label = (uint16_t)casel;
        s->w[h].label = (uint16_t)obl;
    }
}

/* "The United States ... delivered missiles last year, a move X
 * described as a threat": a parataxis after the verb belongs to the verb,
 * not to its subject before it. */
static void repair_subject_parataxis(const nb_repair_labels *R, nb_sent *s)
{
    int parataxis = R->l_parataxis, nsubj = R->l_nsubj;
    if (parataxis < 0 || nsubj < 0) return;
    for (size_t p = 0; p < s->n; p++) {
        int32_t n = s->w[p].head;
        if (s->w[p].label != parataxis || n <= 0 || n > (int32_t)p) continue;
        int32_t v = s->w[n - 1].head;
        if (s->w[n - 1].label != nsubj || v <= n || v > (int32_t)p) continue;
        s->w[p].head = v;
    }
}

/* "commanded by X, according to U.S. officials": an agent is marked by
 * "by"; an oblique the parser called an agent without it is a plain one. */
static void repair_agent(const nb_repair_labels *R, nb_sent *s)
{
    int agent = R->l_obl_agent, obl = R->l_obl, casel = R->l_case;
    if (agent < 0 || obl < 0 || casel < 0) return;
    for (size_t a = 0; a < s->n; a++) {
        if (s->w[a].label != agent) continue;
        bool by = false;
        for (size_t c = 0; c < a && !by; c++)
            by = s->w[c].head == (int32_t)a + 1 && s->w[c].label == casel && s->w[c].len == 2 &&
                 nb_lower(s->w[c].form[0]) == 'b' && nb_lower(s->w[c].form[1]) == 'y';
        if (!by) s->w[a].label = (uint16_t)obl;
    }
}

/* "Pakistani-administered Kashmir": a participle joined by a hyphen to the
 * word before modifies the noun after it, even when the parser read it as
 * a clause's verb with the noun as object. */
static void repair_hyphen_participle(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int amod = R->l_amod, obj = R->l_obj;
    if (amod < 0 || obj < 0) return;
    for (size_t v = 2; v + 1 < s->n; v++) {
        nb_uword *vw = &s->w[v];
        if (strcmp(m->xpos[vw->tag], "VBN") || vw->label == amod) continue;
        const nb_uword *h = &s->w[v - 1], *b = &s->w[v - 2];
        if (h->len != 1 || h->form[0] != '-' || b->space_after || h->space_after) continue;
        size_t n = v + 1;
        if (s->w[n].head != (int32_t)v + 1 || s->w[n].label != obj) continue;
        s->w[n].head = vw->head;
        s->w[n].label = vw->label;
        for (size_t c = 0; c < s->n; c++) /* what follows the noun is the noun's */
            if (c > n && s->w[c].head == (int32_t)v + 1) s->w[c].head = (int32_t)n + 1;
        vw->head = (int32_t)n + 1;
        vw->label = (uint16_t)amod;
    }
}

/* "Insurgents loyal to the Islamic State attacked a post": an adjective
 * or participle with a subject but no copula or auxiliary is no predicate; a finite verb after it with
 * no subject of its own is the sentence's verb, the adjective a modifier
 * of the noun. */
static void repair_adj_root(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, cop = R->l_cop, amod = R->l_amod,
        parataxis = R->l_parataxis, conj = R->l_conj;
    if (nsubj < 0 || cop < 0 || amod < 0 || parataxis < 0 || conj < 0) return;
    for (size_t r = 1; r < s->n; r++) {
        /* (or a participle: "Militants allied with X ambushed") */
        const char *rx = m->xpos[s->w[r].tag];
        bool past = !strcmp(rx, "VBD");
        if (s->w[r].head != 0 || (strcmp(m->upos[s->w[r].tag], "ADJ") && strcmp(rx, "VBN") && !past)) continue;
        size_t n = s->n, v = s->n;
        bool copula = false;
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head != (int32_t)r + 1) continue;
            if (s->w[c].label == cop || s->w[c].label == R->l_aux ||
                s->w[c].label == R->l_aux_pass)
                copula = true;
            if (s->w[c].label == nsubj && c < r) n = c;
            const char *cx = m->xpos[s->w[c].tag];
            if (c > r && v == s->n && (s->w[c].label == parataxis || s->w[c].label == conj) &&
                (!strcmp(cx, "VBD") || !strcmp(cx, "VBZ") || !strcmp(cx, "VBP")))
                v = c;
        }
        if (copula || n == s->n || v == s->n) return;
        for (size_t c = r + 1; c < v && past; c++) /* ("lodged a protest": a verb with an object) */
            if (s->w[c].head == (int32_t)r + 1 && s->w[c].label == R->l_obj) return;
        /* (a past verb, with nothing but its own phrase before the next:
         * "allied with X ambushed", not "X allied with Y, then ambushed") */
        for (size_t c = r + 1; c < v && past; c++)
            if (!strcmp(m->upos[s->w[c].tag], "PUNCT") && s->w[c].head == (int32_t)r + 1) return;
        for (size_t c = 0; c < s->n; c++)
            if (s->w[c].head == (int32_t)v + 1 &&
                (s->w[c].label == nsubj || s->w[c].label == R->l_cc || c < v))
                return; /* a clause of its own, or with words of its own before it */
        s->w[v].head = 0;
        s->w[v].label = (uint16_t)m->root_label;
        for (size_t c = v + 1; c < s->n; c++)
            if (s->w[c].head == (int32_t)r + 1) s->w[c].head = (int32_t)v + 1;
        s->w[n].head = (int32_t)v + 1;
        s->w[r].head = (int32_t)n + 1;
        s->w[r].label = (uint16_t)amod;
        return;
    }
}

/* Is w one of the lower-case words in list (compared ignoring case)? */
static bool word_is(const nb_uword *w, const char *const *list)
{
    for (size_t k = 0; list[k]; k++) {
        size_t n = strlen(list[k]);
        bool eq = n == w->len;
        for (size_t i = 0; i < n && eq; i++) eq = nb_lower(w->form[i]) == list[k][i];
        if (eq) return true;
    }
    return false;
}

/* '"...," Secretary of State Marco Rubio wrote' read with the speaker as an
 * apposition of the quote and the verb as its conjunct: a conjunct verb
 * with no "and" and no subject, right after an apposition, takes it as its
 * subject and stands beside the quote. */
static void repair_conj_speaker(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, appos = R->l_appos, nsubj = R->l_nsubj,
        cc = R->l_cc, parataxis = R->l_parataxis;
    if (conj < 0 || appos < 0 || nsubj < 0 || cc < 0 || parataxis < 0) return;
    for (size_t v = 1; v < s->n; v++) {
        if (s->w[v].label != conj || strcmp(m->upos[s->w[v].tag], "VERB") || s->w[v].head <= 0) continue;
        int32_t h = s->w[v].head;
        bool own = false;
        for (size_t c = 0; c < s->n && !own; c++)
            own = s->w[c].head == (int32_t)v + 1 && (s->w[c].label == cc || s->w[c].label == nsubj);
        if (own) continue;
        /* the apposition whose phrase ends right before v */
        size_t sp = s->n;
        for (size_t c = 0; c < v; c++)
            if (s->w[c].head == h && s->w[c].label == appos) sp = c;
        if (sp == s->n) continue;
        bool adjacent = true;
        for (size_t x = sp + 1; x < v && adjacent; x++) {
            adjacent = under(s, x, sp);
        }
        bool named = false; /* a person or body named in it */
        for (size_t x = sp; x < v && !named; x++) named = !strcmp(m->upos[s->w[x].tag], "PROPN");
        if (!adjacent || !named) continue;
        s->w[sp].head = (int32_t)v + 1;
        s->w[sp].label = (uint16_t)nsubj;
        s->w[v].label = (uint16_t)parataxis;
    }
}

/* "Secretary of State Marco Rubio" read as "Secretary of [State Marco
 * Rubio]": where the object of a title's "of" ends in a name that the
 * words before it are no part of, the name is the head, the title its
 * description (nmod:desc), and the words before the name the title's. */
static void repair_title_name(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int nmod = R->l_nmod, desc = R->l_nmod_desc, casel = R->l_case,
        compound = R->l_compound;
    if (!ent_of || nmod < 0 || desc < 0 || casel < 0 || compound < 0) return;
    for (size_t x = 2; x < s->n; x++) {
        if (s->w[x].label != nmod || ent_of[x] < 0 || s->w[x].head <= 0 || s->w[x].head > (int32_t)x) continue;
        size_t t = (size_t)s->w[x].head - 1, k = x - 1;
        if (strcmp(m->upos[s->w[t].tag], "PROPN") || ent_of[t] >= 0) continue; /* a capitalised title */
        if (s->w[k].head != (int32_t)x + 1 || s->w[k].label != compound || ent_of[k] == ent_of[x] ||
            strcmp(m->upos[s->w[k].tag], "PROPN") || k == 0 || s->w[k - 1].label != casel ||
            s->w[k - 1].head != (int32_t)x + 1)
            continue;
        s->w[k - 1].head = (int32_t)k + 1; /* "of State" */
        s->w[k].head = (int32_t)t + 1;
        s->w[k].label = (uint16_t)nmod;
        s->w[x].head = s->w[t].head;
        s->w[x].label = s->w[t].label;
        s->w[t].head = (int32_t)x + 1;
        s->w[t].label = (uint16_t)desc;
        for (size_t c = 0; c < t; c++) /* what opened the title's phrase opens the name's */
            if (s->w[c].head == (int32_t)t + 1 && strcmp(m->upos[s->w[c].tag], "PROPN")) s->w[c].head = (int32_t)x + 1;
    }
}

/* '"The killings amount to crimes," said X, a researcher' read with the
 * quote's noun as the verb's subject and the speaker as parataxis: a name
 * right after the verb, past a closing quote, is the inverted subject and
 * the quote the verb's complement. */
static void repair_inverted_speaker(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, parataxis = R->l_parataxis, ccomp = R->l_ccomp;
    if (nsubj < 0 || parataxis < 0 || ccomp < 0) return;
    for (size_t v = 1; v + 1 < s->n; v++) {
        size_t p = v + 1;
        if (strcmp(m->upos[s->w[v].tag], "VERB") || s->w[p].head != (int32_t)v + 1 || s->w[p].label != parataxis ||
            strcmp(m->upos[s->w[p].tag], "PROPN"))
            continue;
        const nb_uword *q = &s->w[v - 1]; /* the closing quote just before the verb */
        bool quote = (q->len == 1 && (q->form[0] == '"' || q->form[0] == '\'')) ||
                     (q->len == 3 && !memcmp(q->form, "\xe2\x80\x9d", 3));
        if (!quote) continue;
        size_t n = s->n;
        for (size_t c = 0; c < v; c++)
            if (s->w[c].head == (int32_t)v + 1 && s->w[c].label == nsubj) n = c;
        if (n == s->n) continue;
        s->w[n].label = (uint16_t)ccomp;
        s->w[p].label = (uint16_t)nsubj;
    }
}

/* "JNIM, led in Mali by commander X, has expanded its grip" read with the
 * participle as the root and the finite verb as its parataxis: a root
 * participle with no auxiliary of its own, between a subject's comma and a
 * comma before a verb with an auxiliary and no subject, is the subject's
 * reduced relative; the later verb is the root, with the subject and what
 * followed its comma. */
static void repair_participle_root(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, acl = R->l_acl, aux = R->l_aux, auxpass = R->l_aux_pass,
        parataxis = R->l_parataxis, conj = R->l_conj, ccomp = R->l_ccomp;
    if (nsubj < 0 || acl < 0 || aux < 0 || auxpass < 0 || parataxis < 0) return;
    for (size_t v = 2; v + 2 < s->n; v++) {
        /* (a participle read as a past tense too: the parse made it finite) */
        if (s->w[v].head != 0 || (strcmp(m->xpos[s->w[v].tag], "VBN") && strcmp(m->xpos[s->w[v].tag], "VBD")) ||
            s->w[v - 1].len != 1 ||
            s->w[v - 1].form[0] != ',')
            continue;
        size_t subj = s->n, x = s->n;
        bool own_aux = false;
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head != (int32_t)v + 1) continue;
            if (c < v && s->w[c].label == nsubj) subj = c;
            if (s->w[c].label == aux || s->w[c].label == auxpass) own_aux = true;
            if (c > v && x == s->n && strcmp(m->upos[s->w[c].tag], "PUNCT") &&
                (s->w[c].label == parataxis || s->w[c].label == conj || s->w[c].label == ccomp) &&
                !strcmp(m->upos[s->w[c].tag], "VERB"))
                x = c;
        }
        if (subj == s->n || x == s->n || own_aux || subj + 1 != v - 1) continue;
        /* the later verb: its own auxiliary, no subject, a comma before its phrase */
        bool x_aux = false, x_subj = false;
        size_t x_first = x;
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head != (int32_t)x + 1) continue;
            if (s->w[c].label == aux) x_aux = true;
            if (s->w[c].label == nsubj) x_subj = true;
            if (c < x_first) x_first = c;
        }
        size_t comma = x_first;
        if (comma > 0 && !(s->w[comma].len == 1 && s->w[comma].form[0] == ',')) comma--;
        if (!x_aux || x_subj || !(s->w[comma].len == 1 && s->w[comma].form[0] == ',')) continue;
        s->w[x].head = 0;
        s->w[x].label = (uint16_t)m->root_label;
        s->w[subj].head = (int32_t)x + 1;
        s->w[subj].label = (uint16_t)nsubj;
        s->w[v].head = (int32_t)subj + 1;
        s->w[v].label = (uint16_t)acl;
        for (size_t c = comma; c < s->n; c++) /* what came after the comma is the new root's */
            if (s->w[c].head == (int32_t)v + 1 && c != x) s->w[c].head = (int32_t)x + 1;
        if (s->w[comma].head == (int32_t)x + 1 && comma < x_first) s->w[comma].head = (int32_t)v + 1;
        break;
    }
}

/* "led by commander Jafar Dicko" read with the title and the name as two
 * obliques of the verb: the name is the oblique, with the title's
 * preposition, and the title describes it (nmod:desc, as a title before a
 * name is read elsewhere). */
static void repair_title_sibling(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int casel = R->l_case, desc = R->l_nmod_desc;
    if (!ent_of || casel < 0 || desc < 0) return;
    for (size_t t = 1; t + 1 < s->n; t++) {
        if (ent_of[t] >= 0 || ent_of[t + 1] < 0 || strcmp(m->upos[s->w[t].tag], "NOUN") || s->w[t].head <= 0) continue;
        size_t h = name_head(s, ent_of, t + 1);
        if (s->w[h].head != s->w[t].head) continue;
        size_t cs = s->n;
        for (size_t c = 0; c < t; c++)
            if (s->w[c].head == (int32_t)t + 1 && s->w[c].label == casel) cs = c;
        if (cs == s->n) continue;
        s->w[h].label = s->w[t].label;
        s->w[t].head = (int32_t)h + 1;
        s->w[t].label = (uint16_t)desc;
        for (size_t c = 0; c < t; c++) /* what opened the title's phrase opens the name's */
            if (s->w[c].head == (int32_t)t + 1) s->w[c].head = (int32_t)h + 1;
    }
}

/* "accused neighbouring Rwanda of arming", "the government of neighbouring
 * Sudan" read with the participle as a verb and the name as its object:
 * participles that only ever describe the noun after them (the treebank
 * tags them VERB) are its modifier, and the noun takes their place. */
static void repair_attributive_participle(const nb_repair_labels *R, nb_sent *s)
{
    int amod = R->l_amod, obj = R->l_obj, xcomp = R->l_xcomp, acl = R->l_acl, advcl = R->l_advcl,
        nmod = R->l_nmod, obl = R->l_obl, mark = R->l_mark, casel = R->l_case;
    if (amod < 0 || obj < 0 || xcomp < 0 || acl < 0 || advcl < 0 || nmod < 0 || obl < 0 || mark < 0 || casel < 0) return;
    static const char *const ATTRIBUTIVE[] = {"neighbouring", "neighboring", NULL};
    for (size_t v = 0; v + 1 < s->n; v++) {
        if (!word_is(&s->w[v], ATTRIBUTIVE) || s->w[v].head <= 0) continue;
        size_t o = s->n;
        for (size_t c = v + 1; c < s->n && o == s->n; c++)
            if (s->w[c].head == (int32_t)v + 1 && s->w[c].label == obj) o = c;
        if (o == s->n) continue;
        int l = s->w[v].label;
        int nl = l == xcomp ? obj : l == acl ? nmod : l == advcl ? obl : l;
        s->w[o].head = s->w[v].head;
        s->w[o].label = (uint16_t)nl;
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head != (int32_t)v + 1 || c == o) continue;
            s->w[c].head = (int32_t)o + 1;
            if (c < v && s->w[c].label == mark) s->w[c].label = (uint16_t)casel; /* "of" */
            else if (c > o) s->w[c].head = s->w[o].head; /* "of arming": the clause's */
        }
        s->w[v].head = (int32_t)o + 1;
        s->w[v].label = (uint16_t)amod;
    }
}

/* "an act Prime Minister X blamed on Y" read with the name as the noun's
 * apposition and the relative clause with no subject: a name right before
 * a subjectless relative clause of the same noun is the clause's subject. */
static void repair_relcl_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, appos = R->l_appos, nsubj = R->l_nsubj, flat = R->l_flat;
    if (relcl < 0 || appos < 0 || nsubj < 0) return;
    for (size_t v = 2; v < s->n; v++) {
        if (s->w[v].label != relcl || s->w[v].head <= 0 || !upos_is(m, s, v, "VERB")) continue;
        size_t n = (size_t)s->w[v].head - 1, a = s->n;
        if (n >= v) continue;
        bool subj = false;
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head == (int32_t)v + 1 && (s->w[c].label == nsubj || s->w[c].label == R->l_nsubj_pass)) subj = true;
            if (s->w[c].head == (int32_t)n + 1 && s->w[c].label == appos && c > n && c < v && upos_is(m, s, c, "PROPN"))
                a = c;
        }
        if (subj || a == s->n) continue;
        /* the name runs up to the verb: its own words, flat or compound, end right before it */
        size_t end = a;
        for (size_t c = a + 1; c < v; c++)
            if (s->w[c].head == (int32_t)a + 1 && (s->w[c].label == flat || upos_is(m, s, c, "PROPN"))) end = c;
        if (end + 1 != v) continue;
        s->w[a].head = (int32_t)v + 1;
        s->w[a].label = (uint16_t)nsubj;
    }
}

/* "The CJNG, headed by X, alias "El Mencho," supplied ..." read with the
 * alias as the verb's subject: the name after "alias" is an apposition of
 * the name before it; the verb's subject is then the other one it had. */
static void repair_alias(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int appos = R->l_appos, nsubj = R->l_nsubj, outer = R->l_nsubj_outer,
        casel = R->l_case;
    if (appos < 0 || nsubj < 0 || casel < 0) return;
    static const char *const ALIAS[] = {"alias", "aka", NULL};
    for (size_t a = 1; a + 1 < s->n; a++) {
        if (!word_is(&s->w[a], ALIAS)) continue;
        size_t n = a + 1;
        while (n < s->n && !strcmp(m->upos[s->w[n].tag], "PUNCT")) n++;
        size_t b = a; /* the name before: the last proper noun before "alias" */
        while (b > 0 && strcmp(m->upos[s->w[b - 1].tag], "PROPN")) b--;
        if (n >= s->n || b == 0 || strcmp(m->upos[s->w[n].tag], "PROPN")) continue;
        b--;
        while (s->w[b].head > 0 && s->w[b].head - 1 < (int32_t)b && s->w[s->w[b].head - 1].label == R->l_flat)
            b = (size_t)s->w[b].head - 1;
        /* the head of the name before, through its own flat parts */
        while (s->w[b].head > 0 && (size_t)s->w[b].head - 1 > b && (size_t)s->w[b].head - 1 < a &&
               !strcmp(m->upos[s->w[s->w[b].head - 1].tag], "PROPN"))
            b = (size_t)s->w[b].head - 1;
        int32_t v = s->w[n].head;
        bool was_subj = s->w[n].label == nsubj;
        s->w[n].head = (int32_t)b + 1;
        s->w[n].label = (uint16_t)appos;
        s->w[a].head = (int32_t)n + 1;
        s->w[a].label = (uint16_t)casel;
        for (size_t c = 0; c < s->n && was_subj && outer >= 0; c++)
            if (s->w[c].head == v && s->w[c].label == outer) s->w[c].label = (uint16_t)nsubj;
    }
}

/* "led by a commander known as Abu X, a Jordanian" read with "as" and the
 * name hung from the clause: the name after "known as" is the participle's
 * oblique, "as" its case (the treebank's reading of "known as"). */
static void repair_known_as(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int obl = R->l_obl, casel = R->l_case;
    if (!ent_of || obl < 0 || casel < 0) return;
    static const char *const KNOWN[] = {"known", NULL}, *const AS[] = {"as", NULL};
    for (size_t k = 0; k + 2 < s->n; k++) {
        if (!word_is(&s->w[k], KNOWN) || !word_is(&s->w[k + 1], AS) || strcmp(m->xpos[s->w[k].tag], "VBN")) continue;
        size_t d = k + 2;
        while (d < s->n && !strcmp(m->upos[s->w[d].tag], "PUNCT")) d++; /* an opening quote */
        if (d >= s->n || ent_of[d] < 0) continue;
        d = name_head(s, ent_of, d);
        if (s->w[d].head == (int32_t)k + 1 || under(s, k, d)) continue;
        s->w[d].head = (int32_t)k + 1;
        s->w[d].label = (uint16_t)obl;
        s->w[k + 1].head = (int32_t)d + 1;
        s->w[k + 1].label = (uint16_t)casel;
    }
}

/* "X was shot dead ... after saying he had been threatened by Y" with "by Y"
 * on "shot": an agent belongs to the nearest passive verb before it that
 * has none. */
static void repair_agent_nearest(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int agent = R->l_obl_agent, obl = R->l_obl, auxpass = R->l_aux_pass,
        casel = R->l_case;
    if (agent < 0 || obl < 0 || auxpass < 0 || casel < 0) return;
    static const char *const BY[] = {"by", NULL};
    for (size_t a = 2; a < s->n; a++) {
        if ((s->w[a].label != agent && s->w[a].label != obl) || s->w[a].head <= 0 || s->w[a].head > (int32_t)a) continue;
        bool by = false;
        for (size_t c = 0; c < a && !by; c++)
            by = s->w[c].head == (int32_t)a + 1 && s->w[c].label == casel && word_is(&s->w[c], BY);
        if (!by) continue;
        size_t v = (size_t)s->w[a].head - 1, w = s->n;
        for (size_t x = a; x-- > v + 1 && w == s->n;) {
            if (strcmp(m->xpos[s->w[x].tag], "VBN")) continue;
            bool passive = false, has_agent = false;
            for (size_t c = 0; c < s->n; c++) {
                if (s->w[c].head != (int32_t)x + 1) continue;
                if (s->w[c].label == auxpass) passive = true;
                if (s->w[c].label == agent) has_agent = true;
            }
            if (passive && !has_agent) w = x;
        }
        if (w == s->n) continue;
        s->w[a].head = (int32_t)w + 1;
        s->w[a].label = (uint16_t)agent;
    }
}

/* "X, a son of the jailed drug lord and a leader of the cartel": a
 * conjunct goes with the noun its determiner matches: "a leader" with "a
 * son", not with "the ... lord" it was hung from. */
static void repair_parallel_conj(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, nmod = R->l_nmod, det = R->l_det;
    if (conj < 0 || nmod < 0 || det < 0) return;
    static const char *const INDEF[] = {"a", "an", NULL};
    for (size_t c = 1; c < s->n; c++) {
        if (s->w[c].label != conj || s->w[c].head <= 0 || strcmp(m->upos[s->w[c].tag], "NOUN")) continue;
        size_t h = (size_t)s->w[c].head - 1;
        if (s->w[h].label != nmod || s->w[h].head <= 0 || h > c) continue;
        size_t g = (size_t)s->w[h].head - 1;
        if (strcmp(m->upos[s->w[g].tag], "NOUN") || g > h) continue;
        int dc = -1, dh = -1, dg = -1;
        for (size_t x = 0; x < s->n; x++) {
            if (s->w[x].label != det) continue;
            if (s->w[x].head == (int32_t)c + 1) dc = (int)x;
            if (s->w[x].head == (int32_t)h + 1) dh = (int)x;
            if (s->w[x].head == (int32_t)g + 1) dg = (int)x;
        }
        if (dc < 0 || dg < 0 || !word_is(&s->w[dc], INDEF) || !word_is(&s->w[dg], INDEF) ||
            (dh >= 0 && word_is(&s->w[dh], INDEF)))
            continue;
        s->w[c].head = (int32_t)g + 1;
    }
}

/* 'called the shooting "a serious violation"' read with the predicate as
 * an apposition of the object: an indefinite noun right after the object,
 * with no comma, is the verb's second complement (xcomp), as "call X a Y". */
static void repair_object_predicate(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int appos = R->l_appos, obj = R->l_obj, xcomp = R->l_xcomp,
        det = R->l_det;
    if (appos < 0 || obj < 0 || xcomp < 0 || det < 0) return;
    static const char *const INDEF[] = {"a", "an", NULL};
    for (size_t a = 1; a < s->n; a++) {
        if (s->w[a].label != appos || s->w[a].head <= 0 || strcmp(m->upos[s->w[a].tag], "NOUN")) continue;
        size_t o = (size_t)s->w[a].head - 1;
        if (o > a || s->w[o].label != obj || s->w[o].head <= 0) continue;
        bool indef = false, comma = false;
        for (size_t c = o + 1; c < a; c++) {
            if (s->w[c].head == (int32_t)a + 1 && s->w[c].label == det && word_is(&s->w[c], INDEF)) indef = true;
            if (s->w[c].len == 1 && s->w[c].form[0] == ',') comma = true;
        }
        if (!indef || comma) continue;
        s->w[a].head = s->w[o].head;
        s->w[a].label = (uint16_t)xcomp;
    }
}

/* "Suspected Maoist rebels detonated": a verb has one subject; of two
 * side by side, the first is a modifier of the second; of a name and a
 * noun phrase in commas after it, the second is an apposition. */
static void repair_double_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, compound = R->l_compound, appos = R->l_appos;
    if (nsubj < 0 || compound < 0) return;
    for (size_t a = 0; a + 1 < s->n; a++) {
        /* (passive subjects too: "X, 52, the founder of Y, was arrested") */
        if (s->w[a].label != nsubj && (R->l_nsubj_pass < 0 || s->w[a].label != R->l_nsubj_pass)) continue;
        for (size_t b = a + 1; b < s->n; b++) {
            if (s->w[b].label != s->w[a].label || s->w[b].head != s->w[a].head) continue;
            /* every word between belongs to b's phrase */
            bool inside = true;
            for (size_t x = a + 1; x < b && inside; x++) {
                inside = under(s, x, b);
            }
            if (inside) {
                s->w[a].head = (int32_t)b + 1;
                s->w[a].label = (uint16_t)compound;
                break;
            }
            /* "Iran's mission to the United Nations rejected": a preposition
             * and determiner between make the second a's modifier */
            static const char *const PREP[] = {"to", "of", "for", "from", "in", "at", "with", NULL};
            if (b >= a + 2 && word_is(&s->w[a + 1], PREP) && R->l_nmod >= 0 && R->l_case >= 0 && R->l_det >= 0) {
                bool small = true;
                for (size_t x = a + 2; x < b && small; x++) small = upos_is(m, s, x, "DET");
                if (small) {
                    s->w[b].head = (int32_t)a + 1;
                    s->w[b].label = (uint16_t)R->l_nmod;
                    s->w[a + 1].head = (int32_t)b + 1;
                    s->w[a + 1].label = (uint16_t)R->l_case;
                    for (size_t x = a + 2; x < b; x++) {
                        s->w[x].head = (int32_t)b + 1;
                        s->w[x].label = (uint16_t)R->l_det;
                    }
                    break;
                }
            }
            /* "Patrick Pouyanne, TotalEnergies' chief executive, said": in
             * commas after the first, the second is its apposition */
            size_t lo = b, hi = b; /* b's phrase, its punctuation left out */
            for (size_t x = 0; x < s->n; x++) {
                if (!under(s, x, b) || upos_is(m, s, x, "PUNCT")) continue;
                if (x < lo) lo = x;
                if (x > hi) hi = x;
            }
            bool comma_lo = lo > a + 1 && s->w[lo - 1].len == 1 && s->w[lo - 1].form[0] == ',';
            bool comma_hi = hi + 1 < s->n && s->w[hi + 1].len == 1 && s->w[hi + 1].form[0] == ',';
            /* (or a title: "The KMT chairman, Cheng Li-wun, said") */
            if (appos >= 0 && comma_lo && comma_hi &&
                (upos_is(m, s, a, "PROPN") || (upos_is(m, s, a, "NOUN") && upos_is(m, s, b, "PROPN")))) {
                bool a_phrase = true; /* the words before the comma are a's */
                /* (within it: "X, 52, the founder") */
                for (size_t x = a + 1; x + 1 < lo && a_phrase; x++) a_phrase = under(s, x, a);
                if (a_phrase) {
                    s->w[b].head = (int32_t)a + 1;
                    s->w[b].label = (uint16_t)appos;
                }
            } else if (appos >= 0 && comma_lo && comma_hi && upos_is(m, s, a, "NOUN") && upos_is(m, s, b, "NOUN") &&
                       lo >= 3) {
                /* "Hundreds of fighters from the X (XY), al-Qaeda's affiliate
                 * in the Sahel, stormed": the apposition is of the name that
                 * ends a's phrase */
                size_t x = lo - 2;
                while (x > a && upos_is(m, s, x, "PUNCT")) x--;
                for (int up = 0; up < 8 && s->w[x].head > (int32_t)a + 1 && s->w[x].head < (int32_t)lo &&
                                 (s->w[x].label == R->l_flat || s->w[x].label == appos || upos_is(m, s, x, "PUNCT"));
                     up++)
                    x = (size_t)s->w[x].head - 1;
                if (x > a && under(s, x, a) && upos_is(m, s, x, "PROPN")) {
                    s->w[b].head = (int32_t)x + 1;
                    s->w[b].label = (uint16_t)appos;
                }
            }
            break;
        }
    }
}

/* "the leader of Los Lobos, who ... ." with "of Los Lobos" hung from the
 * full stop: punctuation heads nothing but punctuation; the phrase's last
 * noun or name child takes its place (nmod under a noun, obl under a verb),
 * the mark goes to the sentence's root. */
static void repair_punct_head(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nmod = R->l_nmod, obl = R->l_obl, punct = R->l_punct,
        casel = R->l_case, parataxis = R->l_parataxis;
    if (nmod < 0 || obl < 0 || punct < 0 || casel < 0 || parataxis < 0) return;
    size_t root = s->n;
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].head == 0) root = i;
    for (size_t p = 0; p < s->n && root < s->n; p++) {
        if (strcmp(m->upos[s->w[p].tag], "PUNCT") || s->w[p].head <= 0) continue;
        size_t n = s->n;
        bool cased = false;
        for (size_t c = 0; c < p; c++) {
            if (s->w[c].head != (int32_t)p + 1) continue;
            const char *cu = m->upos[s->w[c].tag];
            if (!strcmp(cu, "NOUN") || !strcmp(cu, "PROPN")) n = c;
            if (s->w[c].label == casel) cased = true;
        }
        /* ("said the RSF had killed dozens." with the clause under the full
         * stop: the clause goes where the stop hung, keeping its label) */
        bool clause = false;
        if (n == s->n)
            for (size_t c = 0; c < p && n == s->n; c++)
                if (s->w[c].head == (int32_t)p + 1 && !strcmp(m->upos[s->w[c].tag], "VERB")) {
                    n = c;
                    clause = true;
                }
        if (n == s->n) continue;
        size_t h = (size_t)s->w[p].head - 1;
        for (size_t c = 0; c < s->n; c++)
            if (c != n && s->w[c].head == (int32_t)p + 1 && strcmp(m->upos[s->w[c].tag], "PUNCT")) {
                s->w[c].head = (int32_t)n + 1;
                /* (a determiner to the noun right after it) */
                if (clause && c + 1 < s->n && !strcmp(m->upos[s->w[c].tag], "DET") &&
                    (!strcmp(m->upos[s->w[c + 1].tag], "NOUN") || !strcmp(m->upos[s->w[c + 1].tag], "PROPN")))
                    s->w[c].head = (int32_t)c + 2;
            }
        if (clause) {
            s->w[n].head = (int32_t)h + 1;
            if (p != root) {
                s->w[p].head = (int32_t)root + 1;
                s->w[p].label = (uint16_t)punct;
            }
            continue;
        }
        s->w[n].head = (int32_t)h + 1;
        /* (with no preposition, "..., a decision X described as illegal."
         * stands beside the clause) */
        s->w[n].label = (uint16_t)(!cased ? parataxis : !strcmp(m->upos[s->w[h].tag], "VERB") ? obl : nmod);
        if (p != root) {
            s->w[p].head = (int32_t)root + 1;
            s->w[p].label = (uint16_t)punct;
        }
    }
}

/* '"This was a cowardly act against young men," X told reporters in Tel
 * Aviv' read with "told" and "young men" both under "Aviv": a clause with
 * a subject hangs from no noun after it. The clause goes beside the root,
 * the noun under it (its compound's preposition its own), and the noun
 * before the clause back where the noun hung. */
static void repair_clause_under_noun(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, parataxis = R->l_parataxis, obl = R->l_obl,
        casel = R->l_case, compound = R->l_compound;
    if (nsubj < 0 || parataxis < 0 || obl < 0 || casel < 0 || compound < 0) return;
    size_t root = s->n;
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].head == 0) root = i;
    for (size_t v = 1; v < s->n && root < s->n; v++) {
        if (strcmp(m->upos[s->w[v].tag], "VERB") || s->w[v].head <= (int32_t)v + 1) continue;
        size_t h = (size_t)s->w[v].head - 1;
        const char *hu = m->upos[s->w[h].tag];
        if ((strcmp(hu, "NOUN") && strcmp(hu, "PROPN")) || s->w[h].head <= 0 || s->w[h].head - 1 != (int32_t)root ||
            root > v)
            continue;
        size_t sb = s->n, lo = v;
        for (size_t c = 0; c < v; c++) {
            if (s->w[c].head == (int32_t)v + 1 && s->w[c].label == nsubj) sb = c;
            if (under(s, c, v) && c < lo) lo = c;
        }
        if (sb == s->n) continue;
        /* the noun before the clause that hung from h: back to h's place */
        size_t n0 = s->n;
        for (size_t c = 0; c < lo; c++) {
            const char *cu = m->upos[s->w[c].tag];
            if (s->w[c].head == (int32_t)h + 1 && (!strcmp(cu, "NOUN") || !strcmp(cu, "PROPN"))) n0 = c;
        }
        if (n0 < s->n) {
            for (size_t c = 0; c < lo; c++)
                if (c != n0 && s->w[c].head == (int32_t)h + 1) s->w[c].head = (int32_t)n0 + 1;
            s->w[n0].head = s->w[h].head;
            s->w[n0].label = s->w[h].label;
        }
        s->w[v].head = (int32_t)root + 1;
        s->w[v].label = (uint16_t)parataxis;
        s->w[h].head = (int32_t)v + 1;
        s->w[h].label = (uint16_t)obl;
        for (size_t c = v + 1; c < h; c++) /* "in" on "Tel" of "Tel Aviv" */
            if (s->w[c].label == casel && s->w[c].head > (int32_t)c + 1 && s->w[c].head <= (int32_t)h + 1 &&
                s->w[s->w[c].head - 1].label == compound)
                s->w[c].head = (int32_t)h + 1;
    }
}


/* '"This annexation is null and void," X said' read with the quote as an
 * adjective of the speaker: a word with a copula or a subject is a clause,
 * which no amod is; a finite verb is none either ("Peru on Monday lodged a
 * protest ... after its coast guard seized boats" read with "lodged" as an
 * adjective of Peru): the verb is the sentence's, the root's clause its
 * adverbial one. */
static void repair_clause_amod(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int amod = R->l_amod, cop = R->l_cop, nsubj = R->l_nsubj,
        ccomp = R->l_ccomp, advcl = R->l_advcl, obl = R->l_obl,
        casel = R->l_case, mark = R->l_mark;
    if (amod < 0 || cop < 0 || nsubj < 0 || ccomp < 0 || advcl < 0 || obl < 0 || casel < 0 || mark < 0) return;
    for (size_t a = 0; a < s->n; a++) {
        if (s->w[a].label != amod || s->w[a].head <= 0) continue;
        size_t h = (size_t)s->w[a].head - 1;
        bool clause = false;
        for (size_t c = 0; c < s->n && !clause; c++)
            clause = s->w[c].head == (int32_t)a + 1 && (s->w[c].label == cop || s->w[c].label == nsubj);
        if (clause && h > a) {
            s->w[a].label = (uint16_t)ccomp;
            continue;
        }
        const char *ax = m->xpos[s->w[a].tag];
        if (strcmp(ax, "VBD") || h > a || s->w[h].label != nsubj || s->w[h].head <= (int32_t)a + 1) continue;
        /* (with an object: a participle modifying a noun takes none, "militants allied with X") */
        bool has_obj = false;
        for (size_t c = a + 1; c < s->n && !has_obj; c++)
            has_obj = s->w[c].head == (int32_t)a + 1 && s->w[c].label == R->l_obj;
        if (!has_obj) continue;
        size_t r = (size_t)s->w[h].head - 1; /* the verb that took the noun as subject */
        if (s->w[r].head != 0) continue;
        s->w[a].head = 0;
        s->w[a].label = (uint16_t)m->root_label;
        s->w[h].head = (int32_t)a + 1;
        s->w[r].head = (int32_t)a + 1;
        s->w[r].label = (uint16_t)advcl;
        for (size_t c = r + 1; c < s->n; c++) /* the sentence's punctuation */
            if (s->w[c].head == (int32_t)r + 1 && !strcmp(m->upos[s->w[c].tag], "PUNCT")) s->w[c].head = (int32_t)a + 1;
        /* "after its coast guard seized": the last oblique before the clause
         * is its subject, its preposition the clause's marker */
        bool subj = false;
        for (size_t c = 0; c < r; c++) subj |= s->w[c].head == (int32_t)r + 1 && s->w[c].label == nsubj;
        size_t o = r;
        for (size_t c = a + 1; c < r; c++)
            if (s->w[c].head == (int32_t)a + 1 && s->w[c].label == obl) o = c;
        /* (with no such clause, "X detonated a mine ..., police said":
         * the root's clause stands beside the verb) */
        s->w[r].label = (uint16_t)R->l_parataxis;
        if (subj || o == r) continue;
        static const char *const SUB[] = {"after", "before", "since", "until", "because", "while", "when", "once", NULL};
        for (size_t c = a + 1; c < o; c++)
            if (s->w[c].head == (int32_t)o + 1 && s->w[c].label == casel && word_is(&s->w[c], SUB)) {
                bool clause_word = false;
                for (size_t x = c + 1; x < o; x++) clause_word |= !strcmp(m->upos[s->w[x].tag], "VERB");
                if (clause_word) break;
                s->w[r].label = (uint16_t)advcl;
                s->w[c].head = (int32_t)r + 1;
                s->w[c].label = (uint16_t)mark;
                s->w[o].head = (int32_t)r + 1;
                s->w[o].label = (uint16_t)nsubj;
                break;
            }
    }
}

/* 'a move X described as "reckless"' read with "as" and the adjective
 * adrift (parataxis of the sentence): the adjective is the verb's oblique
 * just before "as", "as" its preposition. */
static void repair_as_adrift(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int casel = R->l_case, mark = R->l_mark, fixed = R->l_fixed,
        obl = R->l_obl, advmod = R->l_advmod;
    if (casel < 0 || mark < 0 || fixed < 0 || obl < 0 || advmod < 0) return;
    for (size_t a = 1; a + 1 < s->n; a++) {
        nb_uword *aw = &s->w[a];
        if (aw->len != 2 || nb_lower(aw->form[0]) != 'a' || nb_lower(aw->form[1]) != 's' || aw->label == casel ||
            aw->label == mark || aw->label == fixed || aw->label == advmod)
            continue;
        size_t j = a + 1;
        while (j < s->n && !strcmp(m->upos[s->w[j].tag], "PUNCT")) j++;
        if (j >= s->n || strcmp(m->upos[s->w[j].tag], "ADJ")) continue;
        if (strcmp(m->upos[s->w[a - 1].tag], "VERB")) continue; /* "described as" */
        s->w[j].head = (int32_t)a; /* the verb: word a - 1, numbered a */
        s->w[j].label = (uint16_t)obl;
        aw->head = (int32_t)j + 1;
        aw->label = (uint16_t)casel;
        for (size_t c = j + 1; c < s->n; c++)
            if (s->w[c].head == (int32_t)a + 1) s->w[c].head = (int32_t)j + 1;
    }
}

/* "X said its forces, backed by Y, had repelled rebel attacks and inflicted
 * heavy losses" read with "had repelled" and "inflicted" as adjectives of the
 * nouns after them: a verb with an auxiliary, or with "and" before it, is no
 * adjective. The noun is its object; the first such verb is the complement
 * of the speech verb before it, whose object was its subject; the one after
 * "and" is its conjunct. */
static void repair_verb_amod(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int amod = R->l_amod, aux = R->l_aux, cc = R->l_cc,
        obj = R->l_obj, ccomp = R->l_ccomp, nsubj = R->l_nsubj,
        conj = R->l_conj;
    if (amod < 0 || aux < 0 || cc < 0 || obj < 0 || ccomp < 0 || nsubj < 0 || conj < 0) return;
    size_t first = s->n; /* the clause's verb, once repaired */
    for (size_t v = 1; v + 1 < s->n; v++) {
        if (s->w[v].label != amod || strcmp(m->upos[s->w[v].tag], "VERB") || s->w[v].head <= (int32_t)v + 1) continue;
        bool has_aux = false, has_cc = false;
        for (size_t c = 0; c < v; c++) {
            if (s->w[c].head != (int32_t)v + 1) continue;
            if (s->w[c].label == aux) has_aux = true;
            if (s->w[c].label == cc) has_cc = true;
        }
        size_t n = (size_t)s->w[v].head - 1;
        if (has_aux && first == s->n) {
            /* the speech verb before, whose object ends right before */
            size_t g = s->n, o = s->n;
            for (size_t x = v; x-- > 0 && g == s->n;)
                if (!strcmp(m->upos[s->w[x].tag], "VERB") && s->w[x].label != amod && x + 1 < v) {
                    for (size_t c = x + 1; c < v; c++)
                        if (s->w[c].head == (int32_t)x + 1 && s->w[c].label == obj) o = c;
                    if (o < s->n) g = x;
                }
            if (g == s->n) continue;
            for (size_t c = 0; c < s->n; c++) /* n's clause role goes: n is the object */
                if (s->w[c].head == (int32_t)n + 1 && c > n && s->w[c].label == conj) s->w[c].head = (int32_t)v + 1;
            s->w[v].head = (int32_t)g + 1;
            s->w[v].label = (uint16_t)ccomp;
            s->w[n].head = (int32_t)v + 1;
            s->w[n].label = (uint16_t)obj;
            s->w[o].head = (int32_t)v + 1;
            s->w[o].label = (uint16_t)nsubj;
            first = v;
        } else if (has_cc && first < s->n && v > first) {
            int32_t old = s->w[n].head;
            s->w[v].head = (int32_t)first + 1;
            s->w[v].label = (uint16_t)conj;
            s->w[n].head = (int32_t)v + 1;
            s->w[n].label = (uint16_t)obj;
            for (size_t c = 0; c < s->n; c++) /* what hung from the noun's old place */
                if (old > 0 && s->w[c].head == (int32_t)n + 1 && c > n && s->w[c].label == nsubj) s->w[c].head = old;
        }
    }
}

/* "has battled Los Zetas across the state": a verb the treebank rarely
 * saw with an object gets the name after it as parataxis. A noun right
 * after a verb with no object, with no punctuation, verb or subject of its
 * own, is the verb's object (parataxis is set off by punctuation). */
static void repair_parataxis_object(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int parataxis = R->l_parataxis, obj = R->l_obj, nsubj = R->l_nsubj, cop = R->l_cop;
    if (parataxis < 0 || obj < 0 || nsubj < 0) return;
    for (size_t n = 1; n < s->n; n++) {
        nb_uword *w = &s->w[n];
        const char *u = m->upos[w->tag];
        if (w->label != parataxis || w->head <= 0 || (strcmp(u, "PROPN") && strcmp(u, "NOUN"))) continue;
        size_t v = (size_t)w->head - 1;
        if (v >= n || strcmp(m->upos[s->w[v].tag], "VERB")) continue;
        /* the noun's own words (its determiner, its name) may stand between */
        bool ok = true;
        for (size_t x = v + 1; x < n && ok; x++) ok = s->w[x].head == (int32_t)n + 1 && strcmp(m->upos[s->w[x].tag], "PUNCT");
        for (size_t x = 0; x < s->n && ok; x++) {
            int32_t h = s->w[x].head;
            uint16_t l = s->w[x].label;
            if (h == (int32_t)v + 1 && l == obj) ok = false;
            if (h == (int32_t)n + 1 && (l == nsubj || l == cop || !strcmp(m->upos[s->w[x].tag], "VERB") ||
                                        !strcmp(m->upos[s->w[x].tag], "AUX")))
                ok = false;
        }
        if (!ok) continue;
        w->label = (uint16_t)obj;
    }
}

/* "accused both sides, the army and the RSF, of war crimes" read with
 * "army" as a conjunct of the verb: a noun conjunct of a verb, right after
 * the verb's object and a comma, with no subject or verb of its own, is an
 * apposition of the object (with no comma, a conjunct of it). */
static void repair_verb_conj_noun(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, obj = R->l_obj, appos = R->l_appos, nsubj = R->l_nsubj, cop = R->l_cop;
    if (conj < 0 || obj < 0 || appos < 0 || nsubj < 0) return;
    for (size_t n = 1; n < s->n; n++) {
        nb_uword *w = &s->w[n];
        const char *u = m->upos[w->tag];
        if (w->label != conj || w->head <= 0 || (strcmp(u, "PROPN") && strcmp(u, "NOUN"))) continue;
        size_t v = (size_t)w->head - 1;
        if (v >= n || strcmp(m->upos[s->w[v].tag], "VERB")) continue;
        int o = -1;
        bool ok = true;
        for (size_t x = 0; x < s->n && ok; x++) {
            int32_t h = s->w[x].head;
            if (h == (int32_t)v + 1 && s->w[x].label == obj && x < n) o = (int)x;
            if (h == (int32_t)n + 1 && (s->w[x].label == nsubj || s->w[x].label == cop ||
                                        !strcmp(m->upos[s->w[x].tag], "VERB") || !strcmp(m->upos[s->w[x].tag], "AUX")))
                ok = false;
        }
        if (!ok || o < 0) continue;
        /* between the object's last word and the noun: a comma, and the
         * noun's own words */
        size_t end = (size_t)o;
        for (size_t x = (size_t)o + 1; x < n; x++) {
            size_t a = x;
            for (int k = 0; k < 8 && a != (size_t)o && s->w[a].head > 0; k++) a = (size_t)s->w[a].head - 1;
            if (a == (size_t)o) end = x;
        }
        bool comma = false;
        for (size_t x = end + 1; x < n && ok; x++) {
            if (s->w[x].len == 1 && s->w[x].form[0] == ',') comma = true;
            else ok = s->w[x].head == (int32_t)n + 1;
        }
        if (!ok || !comma) continue;
        w->head = o + 1;
        w->label = (uint16_t)appos;
    }
}

/* "The RSF attacked El Fasher and Sudan condemned the assault": the parser
 * reads the name after "and" as a second object and leaves the next verb
 * with no subject. A finite conjunct verb with no subject, right after a
 * noun conjunct inside the first verb's clause, takes that noun as subject. */
static void repair_conj_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, nsubj = R->l_nsubj, nsubjpass = R->l_nsubj_pass, flat = R->l_flat,
        compound = R->l_compound, cc = R->l_cc;
    if (conj < 0 || nsubj < 0 || cc < 0) return;
    for (size_t v = 2; v < s->n; v++) {
        nb_uword *vw = &s->w[v];
        const char *vx = m->xpos[vw->tag];
        if (vw->label != conj || vw->head <= 0 || strcmp(m->upos[vw->tag], "VERB") ||
            (strcmp(vx, "VBD") && strcmp(vx, "VBZ") && strcmp(vx, "VBP")))
            continue;
        size_t top = (size_t)vw->head - 1;
        bool subj = false;
        for (size_t x = 0; x < s->n && !subj; x++)
            subj = s->w[x].head == (int32_t)v + 1 && (s->w[x].label == nsubj || s->w[x].label == nsubjpass);
        if (subj) continue;
        size_t n = v - 1; /* the noun phrase's head: past the words of a name */
        while (s->w[n].head > 0 && (size_t)s->w[n].head - 1 < n && (s->w[n].label == flat || s->w[n].label == compound))
            n = (size_t)s->w[n].head - 1;
        const char *nu = m->upos[s->w[n].tag];
        if (s->w[n].label != conj || (strcmp(nu, "PROPN") && strcmp(nu, "NOUN"))) continue;
        /* the noun's conjunct hangs (within a few steps) from the first verb */
        size_t a = n;
        int k = 0;
        while (k++ < 6 && s->w[a].head > 0 && (size_t)s->w[a].head - 1 != top) a = (size_t)s->w[a].head - 1;
        if (s->w[a].head <= 0 || (size_t)s->w[a].head - 1 != top || a == n) continue;
        for (size_t x = 0; x < n; x++) /* its "and" joins the clauses now */
            if (s->w[x].head == (int32_t)n + 1 && s->w[x].label == cc) s->w[x].head = (int32_t)v + 1;
        s->w[n].head = (int32_t)v + 1;
        s->w[n].label = (uint16_t)nsubj;
    }
}

/* Does every word reach the root, with one root? */
static bool is_tree(const nb_sent *s)
{
    int roots = 0;
    for (size_t i = 0; i < s->n; i++) {
        int32_t h = s->w[i].head;
        if (h < 0 || h > (int32_t)s->n || h == (int32_t)i + 1) return false;
        roots += h == 0;
        size_t steps = 0;
        while (h > 0 && steps++ <= s->n) h = s->w[h - 1].head;
        if (h != 0) return false;
    }
    return roots == 1;
}

/* Hangs word d from word h with label l, unless that leaves no tree. */
static void attach_if_tree(nb_sent *s, size_t d, size_t h, int l)
{
    int32_t old = s->w[d].head;
    uint16_t ol = s->w[d].label;
    s->w[d].head = (int32_t)h + 1;
    s->w[d].label = (uint16_t)l;
    if (!is_tree(s)) {
        s->w[d].head = old;
        s->w[d].label = ol;
    }
}


/* Does word i open with an ASCII capital (a name's words, titles too, whatever their tags)? */
static bool capitalised(const nb_sent *s, size_t i) { return s->w[i].len > 0 && s->w[i].form[0] >= 'A' && s->w[i].form[0] <= 'Z'; }

/* "FACT, whose leader Mahamat Mahdi Ali lives in exile, said ...": the
 * treebank has few such clauses and the parser scatters them. Rebuilt: the
 * possessed noun is the clause verb's subject (a name after it its
 * apposition), the clause hangs from the antecedent, and the antecedent is
 * the subject of the verb after the closing comma. Undone if the result is
 * not a tree. */
static void repair_whose(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, nsubj = R->l_nsubj, nsubjpass = R->l_nsubj_pass, appos = R->l_appos,
        poss = R->l_nmod_poss, flat = R->l_flat, auxpass = R->l_aux_pass, amod = R->l_amod;
    if (relcl < 0 || nsubj < 0 || appos < 0 || poss < 0 || flat < 0) return;
    static const char *const WHOSE[] = {"whose", NULL};
    for (size_t i = 2; i + 3 < s->n; i++) {
        if (!word_is(&s->w[i], WHOSE) || s->w[i - 1].len != 1 || s->w[i - 1].form[0] != ',') continue;
        size_t a = i - 2; /* the antecedent: the head of the phrase before the comma */
        while (s->w[a].head > (int32_t)a + 1 && s->w[a].head < (int32_t)i) a = (size_t)s->w[a].head - 1;
        /* ("the Front for Change and Concord in Chad, whose leader": a
         * place after "in" or "from" is where the antecedent is, not it) */
        if (s->w[a].label == R->l_nmod && s->w[a].head > 0 && s->w[a].head < (int32_t)a + 1 && a > 0 &&
            s->w[a - 1].head == (int32_t)a + 1 && s->w[a - 1].label == R->l_case &&
            ((s->w[a - 1].len == 2 && !memcmp(s->w[a - 1].form, "in", 2)) ||
             (s->w[a - 1].len == 4 && !memcmp(s->w[a - 1].form, "from", 4))))
            a = (size_t)s->w[a].head - 1;
        if (!upos_is(m, s, a, "PROPN") && !upos_is(m, s, a, "NOUN")) continue;
        size_t n = i + 1;
        while (n < s->n && upos_is(m, s, n, "ADJ")) n++;
        if (n >= s->n || !upos_is(m, s, n, "NOUN")) continue;
        /* ("whose inspector general X": the title's "general" is the noun's) */
        static const char *const GENERAL[] = {"general", NULL};
        size_t tail = n + 1 < s->n && word_is(&s->w[n + 1], GENERAL) ? n + 1 : n;
        size_t k = tail + 1, e = k; /* a name after the noun: k..e */
        /* ("whose leader, Luckson Elan, joined": the name in commas) */
        bool commas = k + 1 < s->n && s->w[k].len == 1 && s->w[k].form[0] == ',' && capitalised(s, k + 1);
        if (commas) e = ++k;
        /* ("whose commander is X": the name is the predicate, with its copula) */
        bool cop = k + 1 < s->n && upos_is(m, s, k, "AUX") && capitalised(s, k + 1) && R->l_cop >= 0;
        if (cop) e = ++k;
        while (e < s->n && capitalised(s, e)) e++;
        bool comma_after = commas && e < s->n && s->w[e].len == 1 && s->w[e].form[0] == ',';
        size_t v = cop ? k : e + comma_after, c = 0;
        while (!cop && v < s->n && !upos_is(m, s, v, "VERB") && !(s->w[v].len == 1 && s->w[v].form[0] == ',')) v++;
        if (v >= s->n || (!cop && !upos_is(m, s, v, "VERB"))) continue;
        for (c = v + 1; c < s->n && !(s->w[c].len == 1 && s->w[c].form[0] == ','); c++) {}
        /* (no closing comma: the clause runs to the end, with no main verb
         * after it to fix: "..., the Gran Grif gang, whose leader, X,
         * joined the coalition.") */
        bool to_end = c >= s->n;
        if (to_end) c = s->n - 1;
        size_t mv = c + 1;
        while (mv < s->n && !upos_is(m, s, mv, "VERB")) mv++;
        if (!to_end && mv >= s->n) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        bool root_inside = false;
        for (size_t x = 0; x < s->n; x++) {
            int32_t h = s->w[x].head;
            if (h == 0 && x >= i && x <= c) root_inside = true;
            /* a word outside the clause that hangs inside it moves to the main verb */
            if (!to_end && h > (int32_t)i && h <= (int32_t)c + 1 && (x < i || x > c) && x != mv) s->w[x].head = (int32_t)mv + 1;
            /* and a clause word hanging outside it, to the clause verb */
            if (x > i && x <= c && x != v && (h <= (int32_t)i || h > (int32_t)c + 1) && (!to_end || h != 0))
                s->w[x].head = (int32_t)v + 1;
        }
        if (to_end && root_inside) {
            memcpy(s->w, saved, s->n * sizeof *saved);
            continue;
        }
        if (!to_end &&
            (root_inside || s->w[mv].head == 0 || (s->w[mv].head > (int32_t)i && s->w[mv].head <= (int32_t)c + 1))) {
            for (size_t x = 0; x < s->n; x++) /* the old root's place */
                if (s->w[x].head == 0) s->w[x].head = (int32_t)mv + 1;
            s->w[mv].head = 0;
            s->w[mv].label = (uint16_t)m->root_label;
        }
        s->w[i].head = (int32_t)n + 1;
        s->w[i].label = (uint16_t)poss;
        for (size_t x = i + 1; x <= tail; x++) {
            if (x == n) continue;
            s->w[x].head = (int32_t)n + 1;
            s->w[x].label = (uint16_t)amod;
        }
        bool pass = false;
        for (size_t x = 0; x < s->n; x++) pass |= s->w[x].head == (int32_t)v + 1 && s->w[x].label == auxpass;
        s->w[n].head = (int32_t)v + 1;
        s->w[n].label = (uint16_t)(pass && nsubjpass >= 0 ? nsubjpass : nsubj);
        if (cop) {
            s->w[k - 1].head = (int32_t)v + 1;
            s->w[k - 1].label = (uint16_t)R->l_cop;
        } else if (e > k) {
            s->w[k].head = (int32_t)n + 1;
            s->w[k].label = (uint16_t)appos;
        }
        if (e > k) {
            for (size_t x = k + 1; x < e; x++) {
                s->w[x].head = (int32_t)k + 1;
                s->w[x].label = (uint16_t)flat;
            }
        }
        s->w[v].head = (int32_t)a + 1;
        s->w[v].label = (uint16_t)relcl;
        if (commas) { /* the name's commas are its punctuation */
            s->w[k - 1].head = (int32_t)k + 1;
            s->w[k - 1].label = (uint16_t)R->l_punct;
            if (comma_after) {
                s->w[e].head = (int32_t)k + 1;
                s->w[e].label = (uint16_t)R->l_punct;
            }
        }
        bool subj = false;
        for (size_t x = 0; x < s->n && !to_end; x++)
            subj |= s->w[x].head == (int32_t)mv + 1 && (s->w[x].label == nsubj || s->w[x].label == nsubjpass);
        if (!to_end && (s->w[a].head == 0 || (size_t)s->w[a].head - 1 == mv || !subj)) {
            if (!subj) {
                s->w[a].head = (int32_t)mv + 1;
                s->w[a].label = (uint16_t)nsubj;
            }
        }
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "ambushed a convoy carrying soldiers, killing five": an -ing clause after
 * a comma hung from a participle that modifies a noun is the deed of the
 * clause the noun belongs to, not of the noun's modifier. */
static void repair_ing_adrift(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int advcl = R->l_advcl, acl = R->l_acl;
    if (advcl < 0 || acl < 0) return;
    for (size_t k = 2; k < s->n; k++) {
        nb_uword *w = &s->w[k];
        if (w->label != advcl || w->head <= 0 || strcmp(m->xpos[w->tag], "VBG")) continue;
        if (s->w[k - 1].len != 1 || s->w[k - 1].form[0] != ',') continue;
        size_t h = (size_t)w->head - 1;
        if (h >= k || s->w[h].label != acl || s->w[h].head <= 0) continue;
        const char *hx = m->xpos[s->w[h].tag];
        if (strcmp(hx, "VBG") && strcmp(hx, "VBN")) continue;
        size_t n = (size_t)s->w[h].head - 1;
        if (s->w[n].head <= 0) continue;
        size_t v = (size_t)s->w[n].head - 1;
        if (strcmp(m->upos[s->w[v].tag], "VERB") || v >= k) continue;
        w->head = (int32_t)v + 1;
    }
}

/* "Pakistan condemned the attacks by the Pakistani Taliban" read with "by
 * the Taliban" on the verb: an active verb (a subject, no passive
 * auxiliary) has no agent, so a "by" phrase right after its noun object is
 * the object's. */
static void repair_active_by(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int obl = R->l_obl, obj = R->l_obj, nsubj = R->l_nsubj, auxpass = R->l_aux_pass, nmod = R->l_nmod, casel = R->l_case;
    if (obl < 0 || obj < 0 || nsubj < 0 || nmod < 0 || casel < 0) return;
    static const char *const BY[] = {"by", NULL};
    for (size_t b = 1; b < s->n; b++) {
        nb_uword *w = &s->w[b];
        if (w->label != obl || w->head <= 0 || (!upos_is(m, s, b, "PROPN") && !upos_is(m, s, b, "NOUN"))) continue;
        size_t v = (size_t)w->head - 1, cs = SIZE_MAX, o = SIZE_MAX;
        bool subj = false, pass = false;
        for (size_t x = 0; x < s->n; x++) {
            int32_t h = s->w[x].head;
            if (h == (int32_t)b + 1 && s->w[x].label == casel && word_is(&s->w[x], BY)) cs = x;
            if (h != (int32_t)v + 1) continue;
            subj |= s->w[x].label == nsubj;
            pass |= s->w[x].label == auxpass;
            if (s->w[x].label == obj && x < b && upos_is(m, s, x, "NOUN")) o = x;
        }
        if (cs == SIZE_MAX || !subj || pass || o == SIZE_MAX || v > o) continue;
        /* right after the object: only the object's words between */
        bool next = true;
        for (size_t x = o + 1; x < cs && next; x++) next = s->w[x].head == (int32_t)o + 1;
        if (!next) continue;
        w->head = (int32_t)o + 1;
        w->label = (uint16_t)nmod;
    }
}

/* "Polisario Secretary-General Brahim Ghali, who ..." read with the title's
 * hyphen splitting the phrase (the treebank splits hyphens, and has few
 * hyphenated titles): a run of capitalised words holding a hyphen, right
 * before a name, is the name's compounds; the name takes the run's place
 * in the tree. Undone unless a tree. */
static void repair_title_run(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int compound = R->l_compound, flat = R->l_flat, punct = R->l_punct;
    if (!ent_of || compound < 0 || flat < 0 || punct < 0 || s->n > NB_MAX_PARSE_WORDS) return;
/* (a hyphen glued to both neighbours: "Secretary-General", not a dateline's " - ") */
#define HYPH(x)                                                                                                \
    (s->w[x].len == 1 && s->w[x].form[0] == '-' && x > 0 && x + 1 < s->n &&                                  \
     s->w[x - 1].start + s->w[x - 1].len == s->w[x].start && s->w[x].start + 1 == s->w[x + 1].start)
    for (size_t s0 = 2; s0 < s->n; s0++) {
        if (ent_of[s0] < 0 || ent_of[s0 - 1] == ent_of[s0] || !capitalised(s, s0)) continue;
        size_t e = s0 + 1;
        while (e < s->n && ent_of[e] == ent_of[s0]) e++;
        size_t r0 = s0;
        bool hy = false;
        while (r0 > 0 && (capitalised(s, r0 - 1) || (HYPH(r0 - 1) && r0 >= 2 && capitalised(s, r0 - 2)))) {
            hy |= HYPH(r0 - 1);
            r0--;
        }
        if (!hy || r0 == s0) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        memcpy(saved, s->w, s->n * sizeof *saved);
        /* the run's head: the word whose head lies outside it */
        int32_t H = 0;
        uint16_t L = (uint16_t)m->root_label;
        for (size_t x = r0; x < e; x++)
            if (s->w[x].head <= (int32_t)r0 || s->w[x].head > (int32_t)e) {
                H = s->w[x].head;
                L = s->w[x].label;
                break;
            }
        for (size_t x = 0; x < s->n; x++)
            if ((x < r0 || x >= e) && s->w[x].head > (int32_t)r0 && s->w[x].head <= (int32_t)e) s->w[x].head = (int32_t)s0 + 1;
        for (size_t x = r0; x < e; x++) {
            if (x == s0) continue;
            s->w[x].head = (int32_t)s0 + 1;
            s->w[x].label = (uint16_t)(x < s0 ? (HYPH(x) ? punct : compound) : flat);
        }
        s->w[s0].head = H;
        s->w[s0].label = L;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
#undef HYPH
}

/* "In a rebuke to Washington, India bought Russian oil": the subject after
 * a fronted phrase read as that phrase's apposition. An apposition right
 * before a finite verb that has no subject is the verb's subject. */
static void repair_fronted_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int appos = R->l_appos, nsubj = R->l_nsubj, nsubjpass = R->l_nsubj_pass;
    if (appos < 0 || nsubj < 0) return;
    for (size_t a = 1; a + 1 < s->n; a++) {
        if (s->w[a].label != appos || s->w[a].head <= 0 || (size_t)s->w[a].head - 1 >= a) continue;
        if (!upos_is(m, s, a, "PROPN") && !upos_is(m, s, a, "NOUN")) continue;
        size_t end = a; /* the apposition's last word */
        for (size_t x = a + 1; x < s->n; x++) {
            size_t h = x;
            for (int k = 0; k < 6 && s->w[h].head > 0 && h != a; k++) h = (size_t)s->w[h].head - 1;
            if (h == a) end = x;
            else break;
        }
        size_t v = end + 1;
        if (v >= s->n || !upos_is(m, s, v, "VERB")) continue;
        const char *vx = m->xpos[s->w[v].tag];
        if (strcmp(vx, "VBD") && strcmp(vx, "VBZ") && strcmp(vx, "VBP")) continue;
        bool subj = false;
        for (size_t x = 0; x < s->n && !subj; x++)
            subj = s->w[x].head == (int32_t)v + 1 && (s->w[x].label == nsubj || s->w[x].label == nsubjpass);
        /* (the phrase it hung from hangs from the verb: a fronted phrase) */
        size_t h = (size_t)s->w[a].head - 1;
        while (s->w[h].head > 0 && (size_t)s->w[h].head - 1 != v && (size_t)s->w[h].head - 1 < a) h = (size_t)s->w[h].head - 1;
        if (subj || s->w[h].head != (int32_t)v + 1) continue;
        s->w[a].head = (int32_t)v + 1;
        s->w[a].label = (uint16_t)nsubj;
    }
}

/* "Belarusian leader Alexander Lukashenko dismissed ..." read with the
 * title as the root and the sentence as its parataxis: a root noun right
 * before the name that is the subject of its parataxis verb is the name's
 * title, and the verb the root. */
static void repair_title_root(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int parataxis = R->l_parataxis, nsubj = R->l_nsubj, compound = R->l_compound;
    if (parataxis < 0 || nsubj < 0 || compound < 0) return;
    for (size_t n = 0; n + 2 < s->n; n++) {
        if (s->w[n].head != 0 || !upos_is(m, s, n, "NOUN")) continue;
        size_t p = n + 1;
        if (!upos_is(m, s, p, "PROPN") || s->w[p].label != nsubj || s->w[p].head <= 0) continue;
        size_t v = (size_t)s->w[p].head - 1;
        if (v <= p || s->w[v].head != (int32_t)n + 1 || s->w[v].label != parataxis || !upos_is(m, s, v, "VERB")) continue;
        s->w[v].head = 0;
        s->w[v].label = (uint16_t)m->root_label;
        for (size_t x = n + 1; x < s->n; x++) /* what hung from the title after it */
            if (s->w[x].head == (int32_t)n + 1) s->w[x].head = (int32_t)v + 1;
        s->w[n].head = (int32_t)p + 1;
        s->w[n].label = (uint16_t)compound;
        return;
    }
}

/* "dismissed the accusations as a provocation and mocked Lithuania" read
 * with "mocked" as an adverbial clause marked by "as", the predicate noun
 * its complement: a finite verb with its own "and" is a conjunct; a noun
 * between the "as" and that "and" is the first verb's "as" phrase. */
static void repair_advcl_and(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int advcl = R->l_advcl, conj = R->l_conj, cc = R->l_cc, mark = R->l_mark, obl = R->l_obl, casel = R->l_case;
    if (advcl < 0 || conj < 0 || cc < 0 || mark < 0 || obl < 0 || casel < 0) return;
    static const char *const AS[] = {"as", NULL};
    for (size_t v = 2; v < s->n; v++) {
        if (s->w[v].label != advcl || s->w[v].head <= 0 || !upos_is(m, s, v, "VERB")) continue;
        const char *vx = m->xpos[s->w[v].tag];
        if (strcmp(vx, "VBD") && strcmp(vx, "VBZ") && strcmp(vx, "VBP")) continue;
        size_t h = (size_t)s->w[v].head - 1, c0 = s->n, mk = s->n;
        for (size_t x = h + 1; x < v; x++) {
            if (s->w[x].head != (int32_t)v + 1) continue;
            if (s->w[x].label == cc) c0 = x;
            if (s->w[x].label == mark && word_is(&s->w[x], AS)) mk = x;
        }
        if (c0 == s->n || h >= v) continue;
        s->w[v].label = (uint16_t)conj;
        if (mk == s->n) continue;
        /* the noun after "as", before the "and" */
        for (size_t x = mk + 1; x < c0; x++) {
            if (s->w[x].head != (int32_t)v + 1 || (!upos_is(m, s, x, "NOUN") && !upos_is(m, s, x, "PROPN"))) continue;
            s->w[x].head = (int32_t)h + 1;
            s->w[x].label = (uint16_t)obl;
            s->w[mk].head = (int32_t)x + 1;
            s->w[mk].label = (uint16_t)casel;
            break;
        }
    }
}

/* '"The detention is intolerable and must end now," X said' read with the
 * predicate "intolerable" as the subject of "end": a word with its copula
 * is a predicate, never a subject; the verb after its "and" is its
 * conjunct, and it takes the verb's place. */
static void repair_predicate_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int nsubj = R->l_nsubj, cop = R->l_cop, conj = R->l_conj, cc = R->l_cc;
    if (nsubj < 0 || cop < 0 || conj < 0 || cc < 0) return;
    for (size_t w = 1; w + 2 < s->n; w++) {
        if (s->w[w].label != nsubj || s->w[w].head <= 0) continue;
        size_t v = (size_t)s->w[w].head - 1;
        if (v <= w || !upos_is(m, s, v, "VERB")) continue;
        bool has_cop = false, and_between = false;
        for (size_t x = 0; x < s->n; x++) {
            if (s->w[x].head == (int32_t)w + 1 && s->w[x].label == cop) has_cop = true;
            if (x > w && x < v && s->w[x].label == cc && s->w[x].head > (int32_t)w && s->w[x].head <= (int32_t)v + 1)
                and_between = true;
        }
        if (!has_cop || !and_between) continue;
        s->w[w].head = s->w[v].head;
        s->w[w].label = s->w[v].label;
        s->w[v].head = (int32_t)w + 1;
        s->w[v].label = (uint16_t)conj;
        /* the clause's punctuation and the verbs beside it (the speaker's
         * "said") go with the predicate */
        for (size_t x = v + 1; x < s->n; x++)
            if (s->w[x].head == (int32_t)v + 1 &&
                (!strcmp(m->upos[s->w[x].tag], "PUNCT") || !strcmp(m->upos[s->w[x].tag], "VERB")))
                s->w[x].head = (int32_t)w + 1;
        for (size_t x = 0; x < w; x++)
            if (s->w[x].head == (int32_t)v + 1 && !strcmp(m->upos[s->w[x].tag], "PUNCT")) s->w[x].head = (int32_t)w + 1;
    }
}

/* '"This decree is null and void," opposition leader X said after Y
 * dismissed ...' read with the quote as a complement of "leader" and the
 * "after" clause as a complement of "said": a clausal complement hangs
 * from a verb (the first above a noun it was put on), and a clause with a
 * temporal or causal conjunction is adverbial. */
static void repair_ccomp_heads(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int ccomp = R->l_ccomp, advcl = R->l_advcl, mark = R->l_mark;
    if (ccomp < 0 || advcl < 0 || mark < 0) return;
    static const char *const ADV_MARK[] = {"after", "before", "when", "while", "since", "because", "although", "though",
                                           "until", "unless", "once", NULL};
    for (size_t c = 0; c < s->n; c++) {
        if (s->w[c].label != ccomp || s->w[c].head <= 0) continue;
        size_t h = (size_t)s->w[c].head - 1;
        if (upos_is(m, s, h, "NOUN") || upos_is(m, s, h, "PROPN")) {
            size_t v = h;
            for (int k = 0; k < 6 && s->w[v].head > 0 && !upos_is(m, s, v, "VERB"); k++) v = (size_t)s->w[v].head - 1;
            if (upos_is(m, s, v, "VERB") && v != c) s->w[c].head = (int32_t)v + 1;
        }
        for (size_t x = 0; x < c; x++)
            if (s->w[x].head == (int32_t)c + 1 && s->w[x].label == mark && word_is(&s->w[x], ADV_MARK)) {
                s->w[c].label = (uint16_t)advcl;
                break;
            }
    }
}

/* "Azerbaijan closed the corridor, a move Armenian envoy X called illegal"
 * read with the verb as the first clause's conjunct and the act noun its
 * oblique: after a comma, "a move" (an act noun with its article) that
 * hangs from a verb after it is an apposition of the clause, and the
 * verb its relative clause. */
static void repair_act_apposition(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, parataxis = R->l_parataxis, det = R->l_det;
    if (relcl < 0 || parataxis < 0 || det < 0) return;
    static const char *const ACT[] = {"move", "step", "decision", "action", "measure", "act", "moves", "steps",
                                      "decisions", "actions", "measures", NULL};
    static const char *const ART[] = {"a", "an", NULL};
    for (size_t n = 2; n + 2 < s->n; n++) {
        if (!word_is(&s->w[n], ACT) || !word_is(&s->w[n - 1], ART) || s->w[n - 2].len != 1 || s->w[n - 2].form[0] != ',')
            continue;
        if (s->w[n].head <= (int32_t)n + 1) continue; /* it hangs from a word after it */
        size_t v = (size_t)s->w[n].head - 1;
        if (!upos_is(m, s, v, "VERB") || s->w[v].head <= 0 || (size_t)s->w[v].head - 1 >= n - 2) continue;
        size_t h = (size_t)s->w[v].head - 1; /* the first clause's verb */
        s->w[n].head = (int32_t)h + 1;
        s->w[n].label = (uint16_t)parataxis;
        s->w[v].head = (int32_t)n + 1;
        s->w[v].label = (uint16_t)relcl;
        s->w[n - 1].head = (int32_t)n + 1;
        s->w[n - 1].label = (uint16_t)det;
    }
}

/* "the attack on the USS Carney, an American destroyer, was": a noun
 * phrase between commas right after a name, read as a conjunct of a word
 * further back with no "and" or "or", is the name's apposition. */
static void repair_conj_appos(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, appos = R->l_appos, cc = R->l_cc, det = R->l_det;
    if (conj < 0 || appos < 0 || cc < 0 || det < 0) return;
    for (size_t d = 3; d + 1 < s->n; d++) {
        if (s->w[d].label != conj || s->w[d].head <= 0 || (size_t)s->w[d].head - 1 >= d || !upos_is(m, s, d, "NOUN"))
            continue;
        bool has_cc = false;
        size_t first = d; /* the phrase's first word: its determiner */
        for (size_t k = 0; k < s->n; k++)
            if (s->w[k].head == (int32_t)d + 1) {
                if (s->w[k].label == cc) has_cc = true;
                if (k < first && s->w[k].label != R->l_punct) first = k;
            }
        if (has_cc || first < 2 || s->w[first].label != det || s->w[first - 1].len != 1 || s->w[first - 1].form[0] != ',')
            continue;
        size_t x = first - 2; /* the name before the comma */
        if (!upos_is(m, s, x, "PROPN") || x + 1 == (size_t)s->w[d].head) continue;
        /* (the phrase closes with a comma or the sentence's end) */
        size_t end = d + 1;
        if (end < s->n && !(s->w[end].len == 1 && (s->w[end].form[0] == ',' || s->w[end].form[0] == '.'))) continue;
        attach_if_tree(s, d, x, appos);
    }
}

/* "headed by a former union organiser, Wilfredo Choque Mamani.": a name
 * after a comma and a common noun, read as a conjunct of a word further
 * back with no coordinator in the list, is that noun's apposition (the
 * name's next words, read as conjuncts too, are its flat parts). */
static void repair_name_appos(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, appos = R->l_appos, cc = R->l_cc, flat = R->l_flat;
    if (conj < 0 || appos < 0 || cc < 0 || flat < 0) return;
    for (size_t d = 3; d < s->n; d++) {
        int32_t h = s->w[d].head;
        if (s->w[d].label != conj || h <= 0 || (size_t)h - 1 >= d || !upos_is(m, s, d, "PROPN")) continue;
        /* no coordinator for the head's conjuncts: no list */
        bool has_cc = false;
        for (size_t k = 0; k < s->n && !has_cc; k++) {
            if (s->w[k].label == cc && (s->w[k].head == (int32_t)d + 1 || s->w[k].head == h)) has_cc = true;
            /* (a list of names or nouns: a conjoined verb is no list of them) */
            if (s->w[k].label == conj && s->w[k].head == h && (upos_is(m, s, k, "PROPN") || upos_is(m, s, k, "NOUN")))
                for (size_t q = 0; q < s->n && !has_cc; q++)
                    has_cc = s->w[q].head == (int32_t)k + 1 && s->w[q].label == cc;
        }
        if (has_cc) continue;
        size_t first = phrase_first(m, s, d);
        if (first < 2 || s->w[first - 1].len != 1 || s->w[first - 1].form[0] != ',') continue;
        size_t x = first - 2; /* the common noun before the comma */
        if (!upos_is(m, s, x, "NOUN") || x + 1 == (size_t)h || x + 1 < (size_t)h) continue;
        /* the name's later words, hung as conjuncts of the same head */
        size_t end = d + 1;
        while (end < s->n && s->w[end].head == h && s->w[end].label == conj && upos_is(m, s, end, "PROPN")) end++;
        if (end < s->n && !(s->w[end].len == 1 && (s->w[end].form[0] == ',' || s->w[end].form[0] == '.'))) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[d].head = (int32_t)x + 1;
        s->w[d].label = (uint16_t)appos;
        for (size_t k = d + 1; k < end; k++) {
            s->w[k].head = (int32_t)d + 1;
            s->w[k].label = (uint16_t)flat;
        }
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "X said the gendarmes came to kill and accused them of firing", "X said
 * Moscow was behaving as an empire, accusing Russian officials of ...": a
 * verb conjoined to the reported clause, with no subject of its own, whose
 * object is that clause's subject again (a pronoun that is no reflexive,
 * or the same actor) is the speaker's act, conjoined to the speech verb. */
static void repair_conj_out_of_ccomp(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    static const char *const SPEECH[] = {"said", "says", "saying", "told", "telling", "added", "stated", NULL};
    static const char *const PRON[] = {"them", NULL};
    if (R->l_conj < 0 || R->l_ccomp < 0 || R->l_obj < 0 || R->l_nsubj < 0) return;
    for (size_t d = 2; d < s->n; d++) {
        int32_t c = s->w[d].head;
        if (s->w[d].label != R->l_conj || c <= 0 || (size_t)c - 1 >= d || !upos_is(m, s, d, "VERB")) continue;
        size_t cv = (size_t)c - 1;
        /* (through the clause's complements: "came to kill and accused them") */
        while (R->l_xcomp >= 0 && s->w[cv].label == R->l_xcomp && s->w[cv].head > 0) cv = (size_t)s->w[cv].head - 1;
        if (s->w[cv].head <= 0) continue;
        size_t v = (size_t)s->w[cv].head - 1;
        /* ("telling a meeting that Moscow was ...", the clause read as the
         * object's: a "that" clause on a speech verb's object) */
        if (s->w[cv].label == R->l_acl && s->w[v].label == R->l_obj && s->w[v].head > 0) {
            bool that = false;
            for (size_t k = 0; k < cv && !that; k++)
                that = s->w[k].head == (int32_t)cv + 1 && s->w[k].len == 4 && !memcmp(s->w[k].form, "that", 4);
            if (!that) continue;
            v = (size_t)s->w[v].head - 1;
        } else if (s->w[cv].label != R->l_ccomp) {
            continue;
        }
        if (!word_is(&s->w[v], SPEECH)) continue;
        size_t subj = SIZE_MAX, obj = SIZE_MAX;
        bool own_subj = false;
        for (size_t k = 0; k < s->n; k++) {
            if (s->w[k].head == (int32_t)d + 1 && (s->w[k].label == R->l_nsubj || s->w[k].label == R->l_nsubj_pass))
                own_subj = true;
            if (s->w[k].head == (int32_t)d + 1 && s->w[k].label == R->l_obj && obj == SIZE_MAX) obj = k;
            if (s->w[k].head == (int32_t)cv + 1 && s->w[k].label == R->l_nsubj && subj == SIZE_MAX) subj = k;
        }
        if (own_subj || obj == SIZE_MAX || subj == SIZE_MAX) continue;
        /* (only an act of speech, and only when the reported clause has no
         * object the pronoun could mean: "captured five traders and
         * beheaded them" is the clause's own) */
        static const char *const ACCUSE[] = {"accus", "blam", "critici", "condemn", "denounc", "charg", NULL};
        bool speech_act = false;
        for (size_t k = 0; ACCUSE[k] && !speech_act; k++)
            speech_act = s->w[d].len > strlen(ACCUSE[k]) && !memcmp(s->w[d].form, ACCUSE[k], strlen(ACCUSE[k]));
        bool clause_obj = false;
        for (size_t k = 0; k < s->n && !clause_obj; k++)
            clause_obj = s->w[k].label == R->l_obj && s->w[k].head > 0 && k != obj &&
                         ((size_t)s->w[k].head - 1 == cv || s->w[k].head == c);
        if (!speech_act || clause_obj) continue;
        /* ("them" after a plural subject; "came to the village and attacked it" is no case) */
        bool again = word_is(&s->w[obj], PRON) && !strcmp(m->xpos[s->w[subj].tag], "NNS");
        if (!again && ent_of) {
            /* (the object's phrase names the subject's actor: "Russian officials" after "Moscow") */
            int se = ent_of[subj];
            for (size_t k = 0; k < s->n && !again; k++)
                again = se >= 0 && under(s, k, obj) && ent_of[k] == se;
        }
        if (!again) continue;
        attach_if_tree(s, d, v, R->l_conj);
    }
}

/* "agents stabbed Khasan Bisultanov", read with the name an oblique with no
 * preposition (a shape UD gives only to bare time phrases, obl:unmarked):
 * the verb's object, when it has none and the phrase follows it at once. */
static void repair_bare_oblique(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_obl < 0 || R->l_obj < 0 || R->l_case < 0) return;
    for (size_t d = 1; d < s->n; d++) {
        int32_t h = s->w[d].head;
        if (s->w[d].label != R->l_obl || h <= 0 || (size_t)h - 1 >= d || !upos_is(m, s, (size_t)h - 1, "VERB")) continue;
        if (!upos_is(m, s, d, "PROPN") && !upos_is(m, s, d, "NOUN")) continue;
        bool cased = false, has_obj = false, adjacent = true;
        for (size_t k = 0; k < s->n; k++) {
            if (s->w[k].head == (int32_t)d + 1 && (s->w[k].label == R->l_case || s->w[k].label == R->l_mark)) cased = true;
            if (s->w[k].head == h && s->w[k].label == R->l_obj) has_obj = true;
        }
        /* (only the phrase's own words between the verb and its head noun) */
        for (size_t k = (size_t)h; k < d && adjacent; k++) adjacent = under(s, k, d);
        if (cased || has_obj || !adjacent) continue;
        attach_if_tree(s, d, (size_t)h - 1, R->l_obj);
    }
}

/* "The military, which refers to the TTP as "Fitna", has accused India":
 * "as" read as the main verb's marker and the name after it as a second
 * subject; the name is the oblique ("as" its case) of the verb before. */
static void repair_as_subject(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_nsubj < 0 || R->l_obl < 0 || R->l_case < 0 || R->l_mark < 0) return;
    for (size_t a = 2; a + 1 < s->n; a++) {
        if (s->w[a].len != 2 || memcmp(s->w[a].form, "as", 2) || s->w[a].label != R->l_mark) continue;
        int32_t h = s->w[a].head;
        size_t n = a + 1;
        while (n < s->n && upos_is(m, s, n, "PUNCT")) n++; /* an opening quote */
        if (n >= s->n || s->w[n].head != h || s->w[n].label != R->l_nsubj) continue;
        bool earlier = false; /* the verb's own subject, before "as" */
        for (size_t k = 0; k < a && !earlier; k++) earlier = s->w[k].head == h && s->w[k].label == R->l_nsubj;
        size_t v = a;
        while (v > 0 && !upos_is(m, s, v - 1, "VERB")) v--;
        if (!earlier || v == 0) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[n].head = (int32_t)v; /* the verb at v - 1 */
        s->w[n].label = (uint16_t)R->l_obl;
        s->w[a].head = (int32_t)n + 1;
        s->w[a].label = (uint16_t)R->l_case;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* Verbs that give their object a name: "called the hackers cowards",
 * "branded the trial a farce", "deemed the vote illegal". */
static const char *const NAMING[] = {"call", "calls", "called", "calling", "brand", "brands", "branded", "branding",
                                     "label", "labels", "labelled", "labeled", "term", "termed", "dub", "dubbed",
                                     "deem", "deems", "deemed", NULL};

/* "called the hackers cowards": the named thing read as a compound of the
 * name it is given, with a determiner of its own (no compound takes one),
 * is the verb's object, and the name its predicate. */
static void repair_naming_compound(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_compound < 0 || R->l_obj < 0 || R->l_det < 0 || R->l_xcomp < 0) return;
    for (size_t x = 2; x + 1 < s->n; x++) {
        int32_t y1 = s->w[x].head;
        if (s->w[x].label != R->l_compound || y1 <= 0 || (size_t)y1 - 1 <= x) continue;
        size_t y = (size_t)y1 - 1;
        if (s->w[y].label != R->l_obj || s->w[y].head <= 0 || !word_is(&s->w[(size_t)s->w[y].head - 1], NAMING))
            continue;
        bool det = false;
        for (size_t k = 0; k < x && !det; k++) det = s->w[k].head == (int32_t)x + 1 && s->w[k].label == R->l_det;
        if (!det || !upos_is(m, s, y, "NOUN")) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[x].head = s->w[y].head;
        s->w[x].label = (uint16_t)R->l_obj;
        s->w[y].label = (uint16_t)R->l_xcomp;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "called the trial deeply flawed" read with the participle as a clause of
 * its own: a participle right after a naming verb's object (past adverbs
 * and quote marks), with no subject or object of its own, is the name the
 * object is given. Is_tree holds: each word moves to an ancestor of its
 * old head. */
static void repair_naming_participle(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_obj < 0 || R->l_xcomp < 0 || R->l_advcl < 0 || R->l_conj < 0 || R->l_amod < 0) return;
    /* (and an adjective hung after the object as its modifier: 'called the
     * detentions "unjustified"', as English puts no modifier there) */
    for (size_t a = 3; a < s->n; a++) {
        int32_t o = s->w[a].head;
        if (s->w[a].label != R->l_amod || o <= 0 || (size_t)o - 1 >= a || s->w[(size_t)o - 1].label != R->l_obj ||
            s->w[(size_t)o - 1].head <= 0 || !word_is(&s->w[(size_t)s->w[(size_t)o - 1].head - 1], NAMING))
            continue;
        bool next = true; /* only quote marks between */
        for (size_t c = (size_t)o; c < a && next; c++) next = upos_is(m, s, c, "PUNCT") && s->w[c].form[0] != ',';
        if (!next) continue;
        s->w[a].head = s->w[(size_t)o - 1].head;
        s->w[a].label = (uint16_t)R->l_xcomp;
    }
    for (size_t p = 2; p < s->n; p++) {
        int32_t h = s->w[p].head;
        int l = s->w[p].label;
        if (h <= 0 || (size_t)h - 1 >= p || !upos_is(m, s, p, "VERB") || s->w[p].len < 4 ||
            memcmp(s->w[p].form + s->w[p].len - 2, "ed", 2) ||
            (l != R->l_advcl && l != R->l_conj && l != R->l_parataxis) ||
            !word_is(&s->w[(size_t)h - 1], NAMING))
            continue;
        size_t o = s->n, last = 0;
        bool own = false; /* a subject, object or linker of the participle's own */
        for (size_t c = 0; c < s->n; c++) {
            if (s->w[c].head == h && s->w[c].label == R->l_obj) o = c;
            /* (a clause coordinated after it is the naming verb's: "... flawed and urged a retrial") */
            if (s->w[c].head == (int32_t)p + 1 && !upos_is(m, s, c, "ADV") && !upos_is(m, s, c, "PUNCT") &&
                !(c > p && (s->w[c].label == R->l_conj || s->w[c].label == R->l_cc)))
                own = true;
        }
        if (o == s->n || o > p || own) continue;
        /* the object's phrase ends before the participle; adverbs and quote marks between */
        for (size_t c = o; c < p; c++) {
            size_t up = c;
            for (int k = 0; k < 64 && up != o && s->w[up].head > 0; k++) up = (size_t)s->w[up].head - 1;
            if (up == o) last = c;
        }
        bool gap = true;
        for (size_t c = last + 1; c < p && gap; c++)
            gap = upos_is(m, s, c, "ADV") || (upos_is(m, s, c, "PUNCT") && s->w[c].form[0] != ',' && s->w[c].form[0] != '.');
        if (!gap) continue;
        s->w[p].label = (uint16_t)R->l_xcomp;
    }
}

/* "A, B and C, who heads X": a relative clause hung from the first of a
 * list whose last conjunct ends right before its pronoun is the last
 * conjunct's (UD hangs a relative clause from the noun it follows). */
static void repair_relcl_last_conjunct(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const REL[] = {"who", "which", "whose", "whom", NULL};
    if (R->l_acl_relcl < 0 || R->l_conj < 0) return;
    for (size_t r = 2; r < s->n; r++) {
        int32_t h = s->w[r].head;
        if (s->w[r].label != R->l_acl_relcl || h <= 0 || (size_t)h - 1 >= r) continue;
        size_t last = SIZE_MAX; /* the head's last conjunct before the clause */
        for (size_t k = (size_t)h; k < r; k++)
            if (s->w[k].head == h && s->w[k].label == R->l_conj) last = k;
        if (last == SIZE_MAX) continue;
        /* the clause's first word: its pronoun, after a comma closing the last conjunct's phrase */
        size_t first = phrase_first(m, s, r);
        if (!word_is(&s->w[first], REL) || first < 2) continue;
        /* (not a plural verb: "France, Germany and Britain, which have all
         * condemned ..." is the whole list's) */
        static const char *const PLURAL[] = {"have", "are", "were", "do", "all", "both", "each", NULL};
        bool plural = false;
        for (size_t k = first + 1; k <= r && !plural; k++) plural = word_is(&s->w[k], PLURAL);
        if (plural) continue;
        size_t end = first - 1;
        if (upos_is(m, s, end, "PUNCT")) end--;
        if (end != last && !under(s, end, last)) continue;
        attach_if_tree(s, r, last, R->l_acl_relcl);
    }
}

/* "Volga Host had knowingly supplied infrastructure to X": the perfect's
 * "had" read as the main verb and the participle after an adverb as its
 * object's modifier; the participle is the verb, "had" its auxiliary. */
static void repair_perfect_aux(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const HAVE[] = {"had", "has", "have", "having", NULL};
    if (R->l_aux < 0 || R->l_amod < 0 || R->l_obj < 0) return;
    for (size_t h = 0; h + 2 < s->n; h++) {
        if (!word_is(&s->w[h], HAVE) || !upos_is(m, s, h, "VERB")) continue;
        size_t p = h + 1;
        while (p < s->n && upos_is(m, s, p, "ADV")) p++;
        if (p == h + 1 || p >= s->n || s->w[p].label != R->l_amod || s->w[p].head <= 0) continue;
        if (strcmp(m->xpos[s->w[p].tag], "VBN") && strcmp(m->xpos[s->w[p].tag], "VBD")) continue;
        size_t o = (size_t)s->w[p].head - 1;
        if (o <= p || s->w[o].label != R->l_obj || s->w[o].head != (int32_t)h + 1) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[p].head = s->w[h].head;
        s->w[p].label = s->w[h].label;
        for (size_t k = 0; k < s->n; k++)
            if (k != p && s->w[k].head == (int32_t)h + 1) s->w[k].head = (int32_t)p + 1;
        s->w[h].head = (int32_t)p + 1;
        s->w[h].label = (uint16_t)R->l_aux;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "Iran paid the Houthis $10 million": a name read as a compound of the
 * sum after it (with the sum's determiner) is the verb's second object,
 * the receiver. */
static void repair_dative_sum(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_iobj < 0 || R->l_compound < 0 || R->l_obj < 0 || R->l_det < 0) return;
    for (size_t w = 1; w + 1 < s->n; w++) {
        int32_t h = s->w[w].head;
        if (s->w[w].label != R->l_compound || h <= 0 || (size_t)h - 1 <= w || !upos_is(m, s, w, "PROPN")) continue;
        size_t sum = (size_t)h - 1;
        /* (up through the sum's number: "the Houthis 10 million dollars") */
        while (s->w[sum].head > 0 && (s->w[sum].label == R->l_compound || upos_is(m, s, sum, "NUM")) &&
               s->w[sum].label != R->l_obj)
            sum = (size_t)s->w[sum].head - 1;
        static const char *const MONEY[] = {"dollars", "euros", "pounds", "yuan", "rupees", "roubles", "rubles", NULL};
        /* (or any goods after a verb of giving: "gave the Houthis weapons") */
        static const char *const GIVE[] = {"give", "gives", "gave", "given", "giving", "hand", "hands", "handed",
                                           "send", "sends", "sent", "sell", "sells", "sold", "pay", "pays", "paid",
                                           "lend", "lends", "lent", NULL};
        if (s->w[sum].label != R->l_obj || s->w[sum].head <= 0) continue;
        size_t gv = (size_t)s->w[sum].head - 1;
        bool giving = word_is(&s->w[gv], GIVE) && upos_is(m, s, sum, "NOUN") && gv < w;
        for (size_t k = gv + 1; giving && k < w; k++) giving = upos_is(m, s, k, "DET"); /* the name right after the verb */
        if (!upos_is(m, s, sum, "SYM") && !word_is(&s->w[sum], MONEY) && !giving) continue;
        h = (int32_t)sum + 1;
        /* (the name's own words, then the sum's numbers) */
        bool name_only = true;
        for (size_t k = w + 1; k < sum && name_only; k++)
            name_only = under(s, k, w) || upos_is(m, s, k, "PUNCT") || upos_is(m, s, k, "NUM") || upos_is(m, s, k, "SYM");
        if (!name_only) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[w].head = s->w[sum].head;
        s->w[w].label = (uint16_t)R->l_iobj;
        for (size_t k = 0; k < w; k++) /* the name's determiner and compounds */
            if (s->w[k].head == h && (s->w[k].label == R->l_det || s->w[k].label == R->l_compound))
                s->w[k].head = (int32_t)w + 1;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "members of the Cutlass Hill gang, a group led by X": a noun phrase
 * after a comma and a noun, read as a clause of its own (parataxis of the
 * verb before), is that noun's apposition when nothing makes it a clause
 * (no subject, no copula). */
static void repair_parataxis_appos(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int para = R->l_parataxis, appos = R->l_appos, det = R->l_det;
    if (!ent_of || para < 0 || appos < 0 || det < 0 || R->l_nsubj < 0) return;
    for (size_t d = 3; d < s->n; d++) {
        /* (or an apposition of a verb, which no tree has) */
        if (s->w[d].head <= 0 || (size_t)s->w[d].head - 1 >= d || !upos_is(m, s, d, "NOUN")) continue;
        if (s->w[d].label != para && !(s->w[d].label == appos && upos_is(m, s, (size_t)s->w[d].head - 1, "VERB")))
            continue;
        /* (an organisation's noun: "an idea rejected by X", "an accusation
         * he dismissed" stand for the clause before, not the noun) */
        if (!word_is(&s->w[d], NB_LEX_ORG_HEAD)) continue;
        size_t first = d;
        bool clause = false;
        for (size_t k = 0; k < s->n; k++)
            if (s->w[k].head == (int32_t)d + 1) {
                if (s->w[k].label == R->l_nsubj || s->w[k].label == R->l_cop) clause = true;
                if (k < first && s->w[k].label != R->l_punct) first = k;
            }
        if (clause || first < 2 || s->w[first].label != det || s->w[first - 1].len != 1 || s->w[first - 1].form[0] != ',')
            continue;
        size_t x = first - 2; /* the noun before the comma */
        if (!upos_is(m, s, x, "NOUN") && !upos_is(m, s, x, "PROPN")) continue;
        /* (only a name's: "the Amazon Fund, a fund ...", "the X gang, a group ...") */
        bool named = ent_of[x] >= 0;
        for (size_t k = 0; k < x && !named; k++)
            if (s->w[k].head == (int32_t)x + 1 && s->w[k].label == R->l_compound && ent_of[k] >= 0) named = true;
        if (!named) continue;
        attach_if_tree(s, d, x, appos);
    }
}

/* "headed by a former union organiser, Wilfredo Choque Mamani": a name
 * after a comma and a common noun, read as a clause of its own, is the
 * noun's apposition; "led by the shaman and activist Davi Kopenawa": a
 * name hung from the noun before it with no preposition is too. */
static void repair_role_name(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int para = R->l_parataxis, appos = R->l_appos, nmod = R->l_nmod;
    if (!ent_of || para < 0 || appos < 0 || nmod < 0 || R->l_case < 0 || R->l_nsubj < 0) return;
    for (size_t d = 2; d < s->n; d++) {
        if (!upos_is(m, s, d, "PROPN") || ent_of[d] < 0 || s->w[d].head <= 0 || (size_t)s->w[d].head - 1 >= d) continue;
        size_t h = (size_t)s->w[d].head - 1;
        bool marked = false, first_word = true;
        for (size_t k = 0; k < s->n; k++)
            if (s->w[k].head == (int32_t)d + 1) {
                if (s->w[k].label == R->l_case || s->w[k].label == R->l_nsubj) marked = true;
                if (k < d && ent_of[k] != ent_of[d] && s->w[k].label != R->l_punct) first_word = false;
            }
        if (marked || !first_word) continue;
        size_t f = d; /* the name's first word */
        while (f > 0 && ent_of[f - 1] == ent_of[d]) f--;
        if (s->w[d].label == nmod && upos_is(m, s, h, "NOUN") && ent_of[h] < 0) {
            /* (right after the noun or its own words) */
            if (f == h + 1 || (f > h && under(s, f - 1, h))) attach_if_tree(s, d, h, appos);
        } else if (s->w[d].label == para && upos_is(m, s, h, "VERB")) {
            if (f < 2 || s->w[f - 1].len != 1 || s->w[f - 1].form[0] != ',') continue;
            size_t x = f - 2; /* the noun before the comma */
            if (!upos_is(m, s, x, "NOUN") || ent_of[x] >= 0 || !under(s, x, h)) continue;
            attach_if_tree(s, d, x, appos);
        }
    }
}

/* "called the militia violent" parsed as one noun phrase headed by the
 * adjective: the adjective is the object's predicate (xcomp) and the
 * noun before it the object, with the phrase's other words. */
static void repair_object_adjective(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int obj = R->l_obj, xcomp = R->l_xcomp, compound = R->l_compound;
    if (obj < 0 || xcomp < 0 || compound < 0) return;
    for (size_t a = 1; a < s->n; a++) {
        if (s->w[a].label != obj || !upos_is(m, s, a, "ADJ") || s->w[a].head <= 0) continue;
        size_t v = (size_t)s->w[a].head - 1;
        if (!upos_is(m, s, v, "VERB") || v > a) continue;
        /* the noun right before it, hung from it as a compound */
        size_t n = a - 1;
        if (s->w[n].head != (int32_t)a + 1 || s->w[n].label != compound ||
            (!upos_is(m, s, n, "NOUN") && !upos_is(m, s, n, "PROPN")))
            continue;
        for (size_t k = 0; k < n; k++)
            if (s->w[k].head == (int32_t)a + 1) s->w[k].head = (int32_t)n + 1;
        s->w[n].head = (int32_t)v + 1;
        s->w[n].label = (uint16_t)obj;
        s->w[a].label = (uint16_t)xcomp;
    }
}

/* "Dale Kittredge, 52, the founder of X, ordered ...": after a name's age
 * between commas the parser takes the description for the verb's subject
 * and hangs the verb from the name. The description is the name's
 * apposition, and the name the subject. */
static void repair_age_apposition(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int appos = R->l_appos, nsubj = R->l_nsubj;
    if (appos < 0 || nsubj < 0) return;
    for (size_t a = 2; a + 2 < s->n; a++) {
        /* ", 52 ," right after a name */
        if (!upos_is(m, s, a, "NUM") || s->w[a - 1].len != 1 || s->w[a - 1].form[0] != ',' || s->w[a + 1].len != 1 ||
            s->w[a + 1].form[0] != ',' || !upos_is(m, s, a - 2, "PROPN"))
            continue;
        size_t x = a - 2; /* the name's head: up through its own words */
        for (int up = 0; up < 4 && s->w[x].head > 0 && upos_is(m, s, (size_t)s->w[x].head - 1, "PROPN") &&
                         (size_t)s->w[x].head - 1 < a;
             up++)
            x = (size_t)s->w[x].head - 1;
        /* the description after it: a noun, the subject of a verb that
         * hangs from the name */
        size_t h = a + 2;
        while (h < s->n && (upos_is(m, s, h, "DET") || upos_is(m, s, h, "ADJ"))) h++;
        if (h >= s->n || !upos_is(m, s, h, "NOUN") || s->w[h].label != nsubj || s->w[h].head <= 0) continue;
        size_t v = (size_t)s->w[h].head - 1;
        if (v <= h) continue;
        /* (both the verb's subjects: the description is the name's) */
        if (s->w[x].head == (int32_t)v + 1 && s->w[x].label == nsubj) {
            attach_if_tree(s, h, x, appos);
            continue;
        }
        if (s->w[v].head != (int32_t)x + 1) continue;
        int32_t xh = s->w[x].head;
        uint16_t xl = s->w[x].label;
        s->w[v].head = xh;
        s->w[v].label = xl;
        s->w[x].head = (int32_t)v + 1;
        s->w[x].label = (uint16_t)nsubj;
        s->w[h].head = (int32_t)x + 1;
        s->w[h].label = (uint16_t)appos;
        if (!is_tree(s)) { /* (undo) */
            s->w[h].head = (int32_t)v + 1;
            s->w[h].label = (uint16_t)nsubj;
            s->w[x].head = xh;
            s->w[x].label = xl;
            s->w[v].head = (int32_t)x + 1;
        }
    }
}

/* "X, the secretary-general of the Polisario Front and president of the
 * SADR": a role noun read as a conjunct of the first role's organisation
 * is the first role's conjunct, and the "of" phrase after it its own. */
static void repair_role_conj(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, nmod = R->l_nmod;
    if (conj < 0 || nmod < 0) return;
    static const char *const ROLE2[] = {"president", "leader", "commander", "chief", "head", "founder", "chairman",
                                        "chairwoman", "chairperson", "director", "secretary", "emir", "spokesman",
                                        "spokeswoman", "coordinator", NULL};
    for (size_t d = 2; d + 2 < s->n; d++) {
        if (s->w[d].label != conj || !word_is(&s->w[d], ROLE2) || !upos_is(m, s, d, "NOUN")) continue;
        int32_t h1 = s->w[d].head;
        if (h1 <= 0 || (size_t)h1 - 1 >= d) continue;
        size_t h = (size_t)h1 - 1;
        if (!upos_is(m, s, h, "PROPN") || s->w[h].label != nmod || s->w[h].head <= 0) continue;
        size_t r = (size_t)s->w[h].head - 1; /* the first role noun */
        if (r >= h || !upos_is(m, s, r, "NOUN")) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[d].head = (int32_t)r + 1;
        for (size_t x = d + 1; x < s->n; x++)
            if (s->w[x].head == (int32_t)h + 1 && s->w[x].label == nmod) s->w[x].head = (int32_t)d + 1;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "has given Armenia rocket launchers", "sold Ukraine drones": after a
 * verb of giving, a name read as its object's compound is the verb's
 * indirect object (the receiver). */
static void repair_dative_name(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int compound = R->l_compound, obj = R->l_obj;
    int iobj = nb_nlp_label(m, "iobj");
    if (!ent_of || compound < 0 || obj < 0 || iobj < 0) return;
    static const char *const GIVE[] = {"given", "gave", "give", "gives", "giving", "sold", "sell", "sells", "selling",
                                       "handed", "hand", "hands", NULL};
    for (size_t v = 0; v + 2 < s->n; v++) {
        if (!word_is(&s->w[v], GIVE) || !upos_is(m, s, v, "VERB")) continue;
        size_t c = v + 1; /* the name right after the verb */
        if (ent_of[c] < 0 || !upos_is(m, s, c, "PROPN") || s->w[c].label != compound) continue;
        size_t e = c;
        while (e + 1 < s->n && ent_of[e + 1] == ent_of[c]) e++;
        size_t o = (size_t)s->w[c].head - 1; /* the object the name was hung on */
        if (s->w[c].head <= 0 || o <= e || s->w[o].label != obj || s->w[o].head != (int32_t)v + 1) continue;
        if (s->w[e].head != (int32_t)o + 1 && e != c) continue;
        size_t hd = s->w[e].head == (int32_t)o + 1 ? e : c; /* the name's head */
        s->w[hd].head = (int32_t)v + 1;
        s->w[hd].label = (uint16_t)iobj;
        for (size_t x = c; x <= e; x++)
            if (x != hd && s->w[x].head == (int32_t)o + 1) s->w[x].head = (int32_t)hd + 1;
    }
}

/* "supplied drones to the RSF last year": a name read as the compound of
 * a time noun its "last", "this" or "next" opens is the phrase's head, and
 * the time the clause's own ("last year" modifies the verb). */
static void repair_name_before_time(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    int compound = R->l_compound;
    int tmod = nb_nlp_label(m, "obl:unmarked");
    if (tmod < 0) tmod = nb_nlp_label(m, "obl:tmod");
    if (!ent_of || compound < 0 || tmod < 0) return;
    static const char *const TIME[] = {"year", "week", "month", "night", "weekend", "spring", "summer", "autumn",
                                       "fall", "winter", "decade", "morning", "evening", NULL};
    static const char *const WHEN[] = {"last", "this", "next", "earlier", "later", NULL};
    for (size_t t = 2; t < s->n; t++) {
        if (!word_is(&s->w[t], TIME) || !word_is(&s->w[t - 1], WHEN) || s->w[t].head <= 0) continue;
        size_t c = t - 2; /* the name's last word, right before "last" */
        if (ent_of[c] < 0 || !upos_is(m, s, c, "PROPN") || s->w[c].head != (int32_t)t + 1 || s->w[c].label != compound)
            continue;
        size_t v = (size_t)s->w[t].head - 1;
        if (!upos_is(m, s, v, "VERB") && !upos_is(m, s, v, "NOUN")) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[c].head = s->w[t].head;
        s->w[c].label = s->w[t].label;
        for (size_t x = 0; x < c; x++) /* its case, determiner and name words */
            if (s->w[x].head == (int32_t)t + 1) s->w[x].head = (int32_t)c + 1;
        s->w[t].head = upos_is(m, s, v, "VERB") ? (int32_t)v + 1 : s->w[t].head;
        s->w[t].label = (uint16_t)tmod;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* Hangs word w from word h (both 0-based) with label l. */
static void hang(nb_sent *s, size_t w, size_t h, int l)
{
    s->w[w].head = (int32_t)h + 1;
    s->w[w].label = (uint16_t)l;
}

/* "Azerbaijan closed the road, a decision X said was unlawful": the speech
 * verb's clause keeps its predicate ("was unlawful" hung elsewhere becomes
 * the verb's complement, its subject the act noun the relative clause
 * hangs from), and the act noun is the first clause's apposition. */
static void repair_act_said_predicate(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, parataxis = R->l_parataxis, ccomp = R->l_ccomp, cop = R->l_cop;
    if (relcl < 0 || parataxis < 0 || ccomp < 0 || cop < 0) return;
    static const char *const ACT[] = {"move", "step", "decision", "action", "measure", "act", "moves", "steps",
                                      "decisions", "actions", "measures", NULL};
    static const char *const ART[] = {"a", "an", NULL};
    static const char *const SAID[] = {"said", "says", NULL};
    static const char *const BE[] = {"was", "is", "were", "are", NULL};
    for (size_t n = 2; n + 4 < s->n; n++) {
        if (!word_is(&s->w[n], ACT) || !word_is(&s->w[n - 1], ART) || s->w[n - 2].len != 1 || s->w[n - 2].form[0] != ',')
            continue;
        size_t v = n + 1;
        while (v < s->n && v < n + 6 && !word_is(&s->w[v], SAID) && !upos_is(m, s, v, "VERB")) v++;
        if (v + 2 >= s->n || !word_is(&s->w[v], SAID) || !word_is(&s->w[v + 1], BE)) continue;
        size_t p = v + 2;
        while (p < s->n && upos_is(m, s, p, "ADV")) p++;
        if (p >= s->n || (!upos_is(m, s, p, "ADJ") && !upos_is(m, s, p, "NOUN")) || s->w[p].head == (int32_t)v + 1) continue;
        size_t h = 0; /* the first clause's verb: the sentence root before the comma */
        while (h < n - 2 && s->w[h].head != 0) h++;
        if (h >= n - 2 || !upos_is(m, s, h, "VERB")) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        for (size_t x = 0; x < s->n; x++) /* what hung from the predicate's old head inside it stays */
            if (x != p && s->w[x].head == (int32_t)p + 1 && x < v) s->w[x].head = (int32_t)v + 1;
        hang(s, n, h, parataxis);
        hang(s, v, n, relcl);
        hang(s, p, v, ccomp);
        hang(s, v + 1, p, cop);
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "..., a decision X described as reckless and dangerous" read with the
 * noun as the subject of "reckless" and the relative clause cut short: a
 * predicate after a relative clause's verb, with the noun the clause hangs
 * from as its subject, is the verb's complement ("as" its preposition),
 * and the noun takes the predicate's place. */
static void repair_relcl_predicate(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, nsubj = R->l_nsubj, obl = R->l_obl, xcomp = R->l_xcomp, casel = R->l_case;
    if (relcl < 0 || nsubj < 0 || obl < 0 || xcomp < 0 || casel < 0) return;
    static const char *const AS[] = {"as", NULL};
    for (size_t v = 1; v + 1 < s->n; v++) {
        if (s->w[v].label != relcl || s->w[v].head <= 0 || !upos_is(m, s, v, "VERB")) continue;
        size_t n = (size_t)s->w[v].head - 1;
        if (n >= v || s->w[n].label != nsubj || s->w[n].head <= (int32_t)v + 1) continue;
        size_t p = (size_t)s->w[n].head - 1; /* the predicate, after the verb */
        if (!upos_is(m, s, p, "ADJ") && !upos_is(m, s, p, "NOUN")) continue;
        bool cop = false;
        size_t as = s->n;
        for (size_t x = 0; x < s->n; x++) {
            if (s->w[x].head != (int32_t)p + 1) continue;
            if (s->w[x].label == R->l_cop) cop = true;
            if (x > v && x < p && word_is(&s->w[x], AS)) as = x;
        }
        if (cop) continue; /* "a decision that was reckless": a real predicate */
        s->w[n].head = s->w[p].head;
        s->w[n].label = s->w[p].label;
        s->w[p].head = (int32_t)v + 1;
        s->w[p].label = (uint16_t)(as < s->n ? obl : xcomp);
        if (as < s->n) s->w[as].label = (uint16_t)casel;
        for (size_t x = p + 1; x < s->n; x++) /* the predicate's closing punctuation goes with the noun */
            if (s->w[x].head == (int32_t)p + 1 && !strcmp(m->upos[s->w[x].tag], "PUNCT")) s->w[x].head = (int32_t)n + 1;
    }
}

/* "X told the council that the detentions must end, accusing the Houthis
 * of ...": a speaker's -ing verb after a comma (accusing, calling,
 * blaming...) hung from the reported clause is the speaker's, beside the
 * reporting verb. */
static void repair_speaker_ing(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int ccomp = R->l_ccomp, advcl = R->l_advcl, xcomp = R->l_xcomp;
    if (ccomp < 0 || advcl < 0 || xcomp < 0) return;
    static const char *const SPEAKER_ING[] = {"accusing", "calling", "blaming", "describing", "condemning", "denouncing",
                                              "adding", "saying", "warning", "urging", "branding", "labelling",
                                              "labeling", "terming", "criticising", "criticizing", NULL};
    for (size_t w = 2; w < s->n; w++) {
        if ((s->w[w].label != xcomp && s->w[w].label != advcl) || s->w[w].head <= 0) continue;
        if (s->w[w - 1].len != 1 || s->w[w - 1].form[0] != ',' || !word_is(&s->w[w], SPEAKER_ING)) continue;
        size_t h = (size_t)s->w[w].head - 1;
        if (s->w[h].label != ccomp || s->w[h].head <= 0) continue;
        size_t v = (size_t)s->w[h].head - 1;
        if (!upos_is(m, s, v, "VERB")) continue;
        s->w[w].head = (int32_t)v + 1;
        s->w[w].label = (uint16_t)advcl;
    }
}

void nb_repair_labels_init(const nb_nlp *m, nb_repair_labels *R)
{
    R->l_acl = nb_nlp_label(m, "acl");
    R->l_acl_relcl = nb_nlp_label(m, "acl:relcl");
    R->l_advcl = nb_nlp_label(m, "advcl");
    R->l_advcl_relcl = nb_nlp_label(m, "advcl:relcl");
    R->l_advmod = nb_nlp_label(m, "advmod");
    R->l_amod = nb_nlp_label(m, "amod");
    R->l_appos = nb_nlp_label(m, "appos");
    R->l_aux = nb_nlp_label(m, "aux");
    R->l_aux_pass = nb_nlp_label(m, "aux:pass");
    R->l_case = nb_nlp_label(m, "case");
    R->l_cc = nb_nlp_label(m, "cc");
    R->l_ccomp = nb_nlp_label(m, "ccomp");
    R->l_compound = nb_nlp_label(m, "compound");
    R->l_conj = nb_nlp_label(m, "conj");
    R->l_cop = nb_nlp_label(m, "cop");
    R->l_det = nb_nlp_label(m, "det");
    R->l_expl = nb_nlp_label(m, "expl");
    R->l_fixed = nb_nlp_label(m, "fixed");
    R->l_flat = nb_nlp_label(m, "flat");
    R->l_iobj = nb_nlp_label(m, "iobj");
    R->l_mark = nb_nlp_label(m, "mark");
    R->l_nmod = nb_nlp_label(m, "nmod");
    R->l_nmod_desc = nb_nlp_label(m, "nmod:desc");
    R->l_nmod_poss = nb_nlp_label(m, "nmod:poss");
    R->l_nsubj = nb_nlp_label(m, "nsubj");
    R->l_nsubj_outer = nb_nlp_label(m, "nsubj:outer");
    R->l_nsubj_pass = nb_nlp_label(m, "nsubj:pass");
    R->l_obj = nb_nlp_label(m, "obj");
    R->l_obl = nb_nlp_label(m, "obl");
    R->l_obl_agent = nb_nlp_label(m, "obl:agent");
    R->l_parataxis = nb_nlp_label(m, "parataxis");
    R->l_punct = nb_nlp_label(m, "punct");
    R->l_xcomp = nb_nlp_label(m, "xcomp");
}

/* "X, whom investigators describe as the leader of Y" read as a conjunct
 * of X: a clause that opens with a relative pronoun after a comma is a
 * relative clause of the word it hangs from. */
static void repair_relcl_conj(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const REL[] = {"who", "whom", "which", NULL};
    if (R->l_conj < 0 || R->l_acl_relcl < 0) return;
    for (size_t v = 2; v < s->n; v++) {
        int32_t h = s->w[v].head;
        if (s->w[v].label != R->l_conj || !upos_is(m, s, v, "VERB") || h <= 0 || h - 1 >= (int32_t)v) continue;
        size_t first = v; /* the clause's first word */
        for (size_t x = 0; x < v; x++)
            if (under(s, x, v) && !upos_is(m, s, x, "PUNCT")) {
                first = x;
                break;
            }
        if (first < 2 || !word_is(&s->w[first], REL) || s->w[first - 1].len != 1 || s->w[first - 1].form[0] != ',') continue;
        bool cc = false; /* ("X, and who ...": a conjunct after all) */
        for (size_t x = first; x < v; x++) cc |= upos_is(m, s, x, "CCONJ");
        if (!cc) s->w[v].label = (uint16_t)R->l_acl_relcl;
    }
}

/* "a step that X condemned" with "that" read as an unmarked oblique: a
 * relative pronoun with no preposition, in a relative clause whose verb
 * has no object, is that object. */
static void repair_relcl_object(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const REL[] = {"that", "which", "whom", NULL};
    if (R->l_obj < 0 || R->l_acl_relcl < 0 || R->l_obl < 0) return;
    for (size_t r = 0; r < s->n; r++) {
        int32_t v = s->w[r].head;
        if (v <= 0 || !word_is(&s->w[r], REL) || s->w[v - 1].label != R->l_acl_relcl || !upos_is(m, s, (size_t)v - 1, "VERB") ||
            (size_t)v - 1 <= r || strcmp(m->labels[s->w[r].label], "obl:unmarked"))
            continue;
        bool obj = false;
        for (size_t x = 0; x < s->n; x++) obj |= s->w[x].head == v && (s->w[x].label == R->l_obj || s->w[x].label == R->l_ccomp);
        if (!obj) s->w[r].label = (uint16_t)R->l_obj;
    }
}

/* "..., an action X called a violation" read with the noun as the name's
 * compound: the noun is the apposition, the clause after it its relative
 * clause. */
static void repair_act_compound(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const DET[] = {"a", "an", "the", "another", NULL};
    if (R->l_compound < 0 || R->l_acl_relcl < 0 || R->l_appos < 0 || R->l_nsubj < 0) return;
    for (size_t n = 2; n + 2 < s->n; n++) {
        size_t p = n + 1;
        if (s->w[n].label != R->l_compound || s->w[n].head != (int32_t)p + 1 || !upos_is(m, s, n, "NOUN") ||
            !upos_is(m, s, p, "PROPN") || s->w[p].label != R->l_nsubj || s->w[p].head <= (int32_t)p + 1)
            continue;
        if (!word_is(&s->w[n - 1], DET) || s->w[n - 2].len != 1 || s->w[n - 2].form[0] != ',') continue;
        size_t v = (size_t)s->w[p].head - 1;
        int32_t vh = s->w[v].head;
        if (!upos_is(m, s, v, "VERB") || vh <= 0 || vh > (int32_t)n) continue;
        s->w[n].head = vh;
        s->w[n].label = (uint16_t)R->l_appos;
        s->w[v].head = (int32_t)n + 1;
        s->w[v].label = (uint16_t)R->l_acl_relcl;
        if (s->w[n - 1].head != (int32_t)n + 1) s->w[n - 1].head = (int32_t)n + 1;
        s->w[n - 2].head = (int32_t)n + 1;
    }
}

/* "Rwanda, the M23's main sponsor, hosted talks" read with "hosted" as an
 * adjective of "talks": a finite past verb modifies no noun. It takes the
 * noun as its object and the noun's place in the tree; the noun's words
 * before it are the verb's, the nominal nearest its subject (or, "X, the
 * Y's sponsor,", the first, with the second its apposition). */
static void repair_finite_amod(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_amod < 0 || R->l_obj < 0 || R->l_nsubj < 0 || R->l_appos < 0) return;
    for (size_t v = 1; v + 1 < s->n; v++) {
        int32_t h1 = s->w[v].head;
        if (s->w[v].label != R->l_amod || strcmp(m->xpos[s->w[v].tag], "VBD") || h1 <= (int32_t)v + 1) continue;
        size_t h = (size_t)h1 - 1;
        /* (the noun in a clause's place: the root, a conjunct, a parataxis) */
        if (!upos_is(m, s, h, "NOUN") ||
            !(s->w[h].head == 0 || s->w[h].label == R->l_conj || s->w[h].label == R->l_parataxis))
            continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[v].head = s->w[h].head;
        s->w[v].label = s->w[h].head == 0 ? (uint16_t)m->root_label : s->w[h].label;
        s->w[h].head = (int32_t)v + 1;
        s->w[h].label = (uint16_t)R->l_obj;
        size_t a = s->n, b = s->n; /* the first and the nearest nominal before v */
        for (size_t x = 0; x < v; x++) {
            if (s->w[x].head != h1) continue;
            s->w[x].head = (int32_t)v + 1;
            if (upos_is(m, s, x, "NOUN") || upos_is(m, s, x, "PROPN")) {
                if (a == s->n) a = x;
                b = x;
            }
        }
        if (b < s->n) {
            bool pair = a < b && s->w[a + 1].len == 1 && s->w[a + 1].form[0] == ',' && s->w[v - 1].len == 1 &&
                        s->w[v - 1].form[0] == ',';
            size_t subj = pair ? a : b;
            s->w[subj].label = (uint16_t)R->l_nsubj;
            if (pair) {
                s->w[b].head = (int32_t)a + 1;
                s->w[b].label = (uint16_t)R->l_appos;
            }
        }
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "accused Afghan President Ashraf Ghani of abandoning the army" read with
 * the name as the subject of "abandoning": before "of" + -ing, the noun is
 * the object of the verb the clause hangs from. */
static void repair_accused_of(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const OF[] = {"of", "for", NULL};
    if (R->l_advcl < 0 || R->l_obj < 0 || R->l_nsubj < 0 || R->l_mark < 0) return;
    for (size_t a = 2; a < s->n; a++) {
        int32_t v1 = s->w[a].head;
        if (s->w[a].label != R->l_advcl || v1 <= 0 || v1 - 1 >= (int32_t)a || !upos_is(m, s, (size_t)v1 - 1, "VERB"))
            continue;
        size_t v = (size_t)v1 - 1, mk = s->n, sb = s->n;
        bool obj = false;
        for (size_t x = 0; x < s->n; x++) {
            if (s->w[x].head == (int32_t)a + 1 && s->w[x].label == R->l_mark && word_is(&s->w[x], OF)) mk = x;
            if (s->w[x].head == (int32_t)a + 1 && s->w[x].label == R->l_nsubj) sb = x;
            if (s->w[x].head == v1 && s->w[x].label == R->l_obj) obj = true;
        }
        if (obj || mk == s->n || sb == s->n || !(v < sb && sb < mk && mk + 1 == a)) continue;
        s->w[sb].head = v1;
        s->w[sb].label = (uint16_t)R->l_obj;
    }
}

/* "drones from Turkey, the United Arab Emirates and Iran" read with the
 * second name hung from the verb: a name after a comma that closes a list
 * ("and Iran" its conjunct) continues the list of the name before the comma. */
static void repair_list_conj(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_conj < 0 || R->l_cc < 0) return;
    for (size_t n = 3; n < s->n; n++) {
        if (!upos_is(m, s, n, "PROPN") || s->w[n].head <= 0) continue;
        int lab = s->w[n].label;
        if (lab != R->l_obl && lab != R->l_obj && lab != R->l_nmod) continue;
        /* (a phrase with a preposition of its own is none: "Rwanda, according
         * to the United States, the EU and ...") */
        bool cased = false;
        for (size_t x = 0; x < n && !cased; x++) cased = s->w[x].head == (int32_t)n + 1 && s->w[x].label == R->l_case;
        if (cased) continue;
        /* the phrase opens with ", (the)" right before the name's first word */
        size_t f = phrase_first(m, s, n);
        if (f > 0 && upos_is(m, s, f, "DET")) f++;
        size_t c = 0; /* the word after the comma, up to two words before f */
        for (size_t back = 0; back < 3 && back < f && !c; back++)
            if (s->w[f - back - 1].len == 1 && s->w[f - back - 1].form[0] == ',') c = f - back;
        if (c < 2 || !upos_is(m, s, c - 2, "PROPN")) continue;
        size_t p = c - 2; /* the name before the comma */
        while (s->w[p].head > 0 && s->w[p].label == R->l_flat) p = (size_t)s->w[p].head - 1;
        if (p >= n || !upos_is(m, s, p, "PROPN") || (size_t)s->w[n].head - 1 == p) continue;
        /* ... and "and Z" conjoined to it */
        bool closes = false;
        for (size_t x = n + 1; x < s->n && !closes; x++)
            closes = s->w[x].head == (int32_t)n + 1 && s->w[x].label == R->l_conj && x > 0 && upos_is(m, s, x, "PROPN");
        if (!closes) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        if (s->n > NB_MAX_PARSE_WORDS) return;
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[n].head = (int32_t)p + 1;
        s->w[n].label = (uint16_t)R->l_conj;
        s->w[c - 1].head = (int32_t)n + 1;
        /* (UD hangs every conjunct from the first) */
        for (size_t x = n + 1; x < s->n; x++)
            if (s->w[x].head == (int32_t)n + 1 && s->w[x].label == R->l_conj) s->w[x].head = (int32_t)p + 1;
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "known by his alias "El Tuerto", and is part of X": a preposition hung
 * from a noun after a comma-delimited stretch is the first nominal's after
 * it (a case word heads no clause away). Undone if not a tree. */
static void repair_case_across_comma(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_case < 0) return;
    for (size_t i = 0; i + 1 < s->n; i++) {
        int32_t h = s->w[i].head;
        if (s->w[i].label != R->l_case || h <= (int32_t)i + 2 || !upos_is(m, s, i, "ADP")) continue;
        /* (only "by": the agent's, which a wrong head makes another's; "alias" is repair_alias's) */
        if (s->w[i].len != 2 || memcmp(s->w[i].form, "by", 2)) continue;
        bool comma = false;
        for (size_t k = i + 1; k + 1 < (size_t)h && !comma; k++) comma = s->w[k].len == 1 && s->w[k].form[0] == ',';
        if (!comma) continue;
        size_t nn = i + 1;
        while (nn < (size_t)h - 1 && !upos_is(m, s, nn, "NOUN") && !upos_is(m, s, nn, "PROPN") && !upos_is(m, s, nn, "PRON") &&
               !(s->w[nn].len == 1 && s->w[nn].form[0] == ','))
            nn++;
        if (nn >= (size_t)h - 1 || (s->w[nn].len == 1 && s->w[nn].form[0] == ',')) continue;
        int32_t old = s->w[i].head;
        s->w[i].head = (int32_t)nn + 1;
        if (!is_tree(s)) s->w[i].head = old;
    }
}

/* Is word i a title word ("Chief", "Commander", "Constable")? */
static bool title_word(const nb_sent *s, size_t i)
{
    char low[32];
    if (!s->w[i].len || s->w[i].len >= sizeof low) return false;
    for (size_t q = 0; q < s->w[i].len; q++) low[q] = nb_lower(s->w[i].form[q]);
    return nb_lex_in(low, s->w[i].len, NB_LEX_TITLE);
}

/* "ELN Commander Antonio Garcia said", "PSNI Chief Constable Jon Boutcher
 * said": capitalised, an organisation's name, a title and a person's read
 * as one name headed by the organisation. Rebuilt as the lower-case title
 * is parsed: the person heads, the title is its nmod:desc, the
 * organisation the title's compound. Undone if not a tree. */
static void repair_org_title_person(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    (void)m;
    int flat = R->l_flat, compound = R->l_compound, desc = R->l_nmod_desc >= 0 ? R->l_nmod_desc : R->l_compound;
    if (!ent_of || flat < 0 || compound < 0 || s->n > NB_MAX_PARSE_WORDS) return;
    for (size_t r0 = 0; r0 + 3 < s->n; r0++) {
        if (ent_of[r0] < 0 || !capitalised(s, r0) || (r0 > 0 && ent_of[r0 - 1] == ent_of[r0])) continue;
        size_t b = r0 + 1;
        while (b < s->n && ent_of[b] == ent_of[r0] && capitalised(s, b)) b++;
        if (b >= s->n || ent_of[b] < 0 || ent_of[b] == ent_of[r0] || !title_word(s, b)) continue;
        size_t t = b, e = b;
        /* ("Secretary-General": a hyphen glued between title words is the title's) */
        while (t < s->n && ent_of[t] == ent_of[b] &&
               ((title_word(s, t) && capitalised(s, t)) ||
                (s->w[t].len == 1 && s->w[t].form[0] == '-' && t + 1 < s->n && !s->w[t].space_after &&
                 s->w[t - 1].start + s->w[t - 1].len == s->w[t].start && title_word(s, t + 1))))
            t++;
        e = t;
        while (e < s->n && ent_of[e] == ent_of[b]) e++;
        if (t >= e) continue;
        /* one subtree: a single word of the run hangs outside it */
        int32_t H = -1;
        uint16_t L = 0;
        int outside = 0;
        for (size_t x = r0; x < e; x++)
            if (s->w[x].head <= (int32_t)r0 || s->w[x].head > (int32_t)e) {
                outside++;
                H = s->w[x].head;
                L = s->w[x].label;
            }
        if (outside != 1) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        memcpy(saved, s->w, s->n * sizeof *saved);
        for (size_t x = 0; x < s->n; x++)
            if ((x < r0 || x >= e) && s->w[x].head > (int32_t)r0 && s->w[x].head <= (int32_t)e) s->w[x].head = (int32_t)t + 1;
        s->w[t].head = H;
        s->w[t].label = L;
        for (size_t x = t + 1; x < e; x++) {
            s->w[x].head = (int32_t)t + 1;
            s->w[x].label = (uint16_t)flat;
        }
        s->w[t - 1].head = (int32_t)t + 1;
        s->w[t - 1].label = (uint16_t)desc;
        for (size_t x = b; x + 1 < t; x++) {
            s->w[x].head = (int32_t)t;
            s->w[x].label = (uint16_t)compound;
        }
        s->w[b - 1].head = (int32_t)t;
        s->w[b - 1].label = (uint16_t)compound;
        for (size_t x = r0; x + 1 < b; x++) {
            s->w[x].head = (int32_t)b;
            s->w[x].label = (uint16_t)flat;
        }
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
        r0 = e - 1;
    }
}

/* "'Hamas has committed war crimes,' X said" read with "crimes" as a second
 * clause of "said": a bare noun (no subject, no copula of its own) hung as
 * ccomp right after a ccomp verb that has no object is that verb's object. */
static void repair_noun_ccomp(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int ccomp = R->l_ccomp, obj = R->l_obj, nsubj = R->l_nsubj, cop = R->l_cop;
    if (ccomp < 0 || obj < 0 || nsubj < 0 || cop < 0) return;
    for (size_t n = 1; n < s->n; n++) {
        if (s->w[n].label != ccomp || s->w[n].head <= 0 || !upos_is(m, s, n, "NOUN")) continue;
        int32_t h = s->w[n].head;
        bool own = false, verb_obj = false;
        size_t v = SIZE_MAX;
        for (size_t k = 0; k < s->n; k++) {
            if (s->w[k].head == (int32_t)n + 1 && (s->w[k].label == nsubj || s->w[k].label == cop)) own = true;
            /* the nearest ccomp verb before the noun, under the same head */
            if (k < n && s->w[k].head == h && s->w[k].label == ccomp && upos_is(m, s, k, "VERB")) v = k;
        }
        if (own || v == SIZE_MAX) continue;
        for (size_t k = 0; k < s->n; k++) verb_obj |= s->w[k].head == (int32_t)v + 1 && s->w[k].label == obj;
        /* (only the noun's own modifiers between the verb and it) */
        bool adjacent = true;
        for (size_t k = v + 1; k < n && adjacent; k++) adjacent = under(s, k, n);
        if (verb_obj || !adjacent) continue;
        s->w[n].head = (int32_t)v + 1;
        s->w[n].label = (uint16_t)obj;
    }
}

/* "..., saying Croatia had never accepted X and accusing Zagreb of Y": a
 * participle conjoined to a finite verb of the clause a participle reports
 * is that participle's conjunct (like forms coordinate), not a deed of the
 * reported clause's subject under its negation. */
static void repair_ing_conj(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int conj = R->l_conj, ccomp = R->l_ccomp;
    if (conj < 0 || ccomp < 0) return;
    for (size_t c = 2; c < s->n; c++) {
        if (s->w[c].label != conj || s->w[c].head <= 0 || strcmp(m->xpos[s->w[c].tag], "VBG")) continue;
        size_t h = (size_t)s->w[c].head - 1;
        if (h > c || !upos_is(m, s, h, "VERB") || !strcmp(m->xpos[s->w[h].tag], "VBG") || s->w[h].label != ccomp ||
            s->w[h].head <= 0)
            continue;
        size_t g = (size_t)s->w[h].head - 1;
        if (g > h || strcmp(m->xpos[s->w[g].tag], "VBG")) continue;
        /* (not a progressive of the reported clause: "had stormed the camp
         * and was shelling X" keeps its auxiliary and its subject) */
        bool own = false;
        for (size_t k = 0; k < s->n && !own; k++)
            own = s->w[k].head == (int32_t)c + 1 &&
                  (upos_is(m, s, k, "AUX") || s->w[k].label == R->l_nsubj || s->w[k].label == R->l_aux);
        if (own) continue;
        attach_if_tree(s, c, g, conj);
    }
}

/* "said the ELN had killed civilians" read with "the" as the object's
 * determiner (or a "that"), the clause as parataxis and its object as an
 * oblique: the parser's slip before a capitalised acronym. An article is
 * the determiner of the noun phrase right after it; a clause after a
 * speech verb with no punctuation between is its complement, and a bare
 * oblique of that clause's verb its object. */
static void repair_article_acronym(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int det = R->l_det, ccomp = R->l_ccomp, parataxis = R->l_parataxis, obl = R->l_obl, obj = R->l_obj,
        cas = R->l_case, cpd = R->l_compound, flat = R->l_flat, amod = R->l_amod;
    if (det < 0 || ccomp < 0 || parataxis < 0 || obl < 0 || obj < 0 || cas < 0 || cpd < 0 || flat < 0 || amod < 0) return;
    static const char *const ARTICLE[] = {"the", NULL};
    static const char *const SPEAK[] = {"said", "says", "told", "added", "stated", "alleged", "claimed", NULL};
    for (size_t d = 0; d + 2 < s->n; d++) {
        if (!word_is(&s->w[d], ARTICLE) || !upos_is(m, s, d, "DET") || !upos_is(m, s, d + 1, "PROPN")) continue;
        /* (only an acronym: "the RSF", "the ELN") */
        bool acro = s->w[d + 1].len >= 2;
        for (size_t k = 0; k < s->w[d + 1].len && acro; k++) acro = s->w[d + 1].form[k] >= 'A' && s->w[d + 1].form[k] <= 'Z';
        /* (not an acronym inside a hyphenated modifier: "the UAE-backed STC") */
        if (!acro || (s->w[d + 2].len == 1 && s->w[d + 2].form[0] == '-')) continue;
        /* (a determiner already on a noun of the same phrase, no verb between, stays) */
        if (s->w[d].head > (int32_t)d + 2 && s->w[d].label == det) {
            bool verb = false;
            for (size_t k = d + 1; k + 1 < (size_t)s->w[d].head && !verb; k++)
                verb = upos_is(m, s, k, "VERB") || upos_is(m, s, k, "AUX");
            if (!verb) continue;
        }
        size_t p = d + 1; /* the phrase's head */
        while (s->w[p].head > (int32_t)p + 1 && (s->w[p].label == cpd || s->w[p].label == flat || s->w[p].label == amod))
            p = (size_t)s->w[p].head - 1;
        if (s->w[d].head != (int32_t)p + 1 || s->w[d].label != det) attach_if_tree(s, d, p, det);
        /* the clause whose subject the phrase is */
        if (s->w[p].head <= 0) continue;
        size_t v = (size_t)s->w[p].head - 1, g = s->w[v].head > 0 ? (size_t)s->w[v].head - 1 : s->n;
        if (g >= d || s->w[v].label != parataxis || !upos_is(m, s, v, "VERB") || !word_is(&s->w[g], SPEAK)) continue;
        bool punct = false;
        for (size_t k = g + 1; k < d && !punct; k++) punct = upos_is(m, s, k, "PUNCT");
        if (punct) continue;
        s->w[v].label = (uint16_t)ccomp;
        for (size_t o = v + 1; o < s->n; o++) {
            if (s->w[o].head != (int32_t)v + 1 || s->w[o].label != obl) continue;
            bool has_case = false;
            for (size_t k = 0; k < s->n && !has_case; k++) has_case = s->w[k].head == (int32_t)o + 1 && s->w[k].label == cas;
            if (!has_case) s->w[o].label = (uint16_t)obj;
            break;
        }
    }
}

/* "The coalition, which brings together the G9 and its rival G-Pep, has
 * attacked X" read with the root a noun and "has attacked" a conjunct of
 * the relative clause whose subject is "rival": a nominal root whose
 * relative clause has a finite conjunct right after a comma is the
 * conjunct's subject; the conjunct's own subject joins the relative
 * clause's object. */
static void repair_relcl_main_verb(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int relcl = R->l_acl_relcl, conj = R->l_conj, nsubj = R->l_nsubj, obj = R->l_obj, cc = R->l_cc;
    if (relcl < 0 || conj < 0 || nsubj < 0 || obj < 0 || cc < 0 || s->n > NB_MAX_PARSE_WORDS) return;
    size_t root = s->n;
    for (size_t i = 0; i < s->n; i++)
        if (s->w[i].head == 0) root = i;
    if (root >= s->n || (!upos_is(m, s, root, "NOUN") && !upos_is(m, s, root, "PROPN"))) return;
    /* (a copular sentence's noun is its root by right) */
    for (size_t k = 0; k < s->n; k++)
        if (s->w[k].head == (int32_t)root + 1 && R->l_cop >= 0 && s->w[k].label == R->l_cop) return;
    for (size_t r = root + 1; r < s->n; r++) {
        if (s->w[r].head != (int32_t)root + 1 || s->w[r].label != relcl) continue;
        size_t o = s->n;
        for (size_t k = r + 1; k < s->n && o == s->n; k++)
            if (s->w[k].head == (int32_t)r + 1 && s->w[k].label == obj) o = k;
        for (size_t v = r + 1; v < s->n; v++) {
            if (s->w[v].head != (int32_t)r + 1 || s->w[v].label != conj || !upos_is(m, s, v, "VERB")) continue;
            size_t sb = s->n, c = s->n;
            for (size_t k = r + 1; k < v; k++) {
                if (s->w[k].head == (int32_t)v + 1 && s->w[k].label == nsubj) sb = k;
                if (s->w[k].head == (int32_t)v + 1 && s->w[k].label == cc) c = k;
            }
            /* (the subject set off by a comma just before the verb or its auxiliaries) */
            size_t q = v;
            while (q > 0 && upos_is(m, s, q - 1, "AUX")) q--;
            if (sb == s->n || o == s->n || sb < o || q == 0 || !upos_is(m, s, q - 1, "PUNCT") ||
                s->w[q - 1].len != 1 || s->w[q - 1].form[0] != ',')
                continue;
            nb_uword saved[NB_MAX_PARSE_WORDS];
            memcpy(saved, s->w, s->n * sizeof *saved);
            s->w[v].head = 0;
            s->w[v].label = (uint16_t)m->root_label;
            hang(s, root, v, nsubj);
            hang(s, sb, o, conj);
            if (c < s->n) hang(s, c, sb, cc);
            for (size_t k = 0; k < s->n; k++) /* what hung from the old root after the verb */
                if (k > v && s->w[k].head == (int32_t)root + 1) s->w[k].head = (int32_t)v + 1;
            if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
            return;
        }
    }
}

/* '"...," Foreign Minister X Y Z told reporters': a speech verb the parser
 * labelled punctuation (or advcl:relcl) after a long name is the clause
 * beside the quote, as UD hangs an attribution: parataxis. */
static void repair_verb_punct(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    if (R->l_punct < 0 || R->l_parataxis < 0) return;
    int advcl_relcl = R->l_advcl_relcl;
    static const char *const SAID[] = {"said", "says", "told", "added", "wrote", "stated", NULL};
    for (size_t v = 0; v < s->n; v++) {
        if (!upos_is(m, s, v, "VERB") || !word_is(&s->w[v], SAID)) continue;
        if (s->w[v].label == R->l_punct || (advcl_relcl >= 0 && s->w[v].label == advcl_relcl && s->w[v].head > 0 &&
                                            s->w[v].head < (int32_t)v + 1))
            s->w[v].label = (uint16_t)R->l_parataxis;
    }
}

/* "accused Ethiopia's ruling Prosperity Party of ...": after a possessive a
 * participle before a name is the name's modifier, not a verb taking the
 * name as its object and leaving the owner as the clause's object. The
 * name takes the owner's place; owner and participle hang from it. */
static void repair_poss_participle(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    int amod = R->l_amod, obj = R->l_obj, poss = R->l_nmod_poss, cpd = R->l_compound, flat = R->l_flat,
        acl = R->l_acl, advcl = R->l_advcl;
    if (amod < 0 || obj < 0 || poss < 0 || cpd < 0 || flat < 0 || acl < 0 || advcl < 0) return;
    for (size_t v = 2; v + 1 < s->n; v++) {
        const nb_uword *pw = &s->w[v - 1];
        bool pm = (pw->len == 2 && !memcmp(pw->form, "'s", 2)) || (pw->len == 4 && !memcmp(pw->form, "\xe2\x80\x99s", 4));
        if (!pm || strcmp(m->xpos[s->w[v].tag], "VBG") || pw->head <= 0 || (size_t)pw->head - 1 >= v - 1) continue;
        size_t o = (size_t)pw->head - 1;
        /* the name: the participle's object, a capitalised run right after it */
        size_t n = v + 1;
        while (n < s->n && capitalised(s, n) && s->w[n].head != (int32_t)v + 1) n++;
        if (n >= s->n || !capitalised(s, n) || s->w[n].head != (int32_t)v + 1 || s->w[n].label != obj) continue;
        bool run = true;
        for (size_t q = v + 1; q < n && run; q++)
            run = s->w[q].head == (int32_t)n + 1 && (s->w[q].label == cpd || s->w[q].label == flat);
        if (!run || s->w[o].head == (int32_t)v + 1 || s->n > NB_MAX_PARSE_WORDS) continue;
        nb_uword saved[NB_MAX_PARSE_WORDS];
        memcpy(saved, s->w, s->n * sizeof *saved);
        s->w[n].head = s->w[o].head; /* (the owner's place, the root's too) */
        s->w[n].label = s->w[o].label;
        hang(s, o, n, poss);
        hang(s, v, n, amod);
        /* the participle's other dependents ("of financing ...") are the name's */
        for (size_t q = 0; q < s->n; q++)
            if (q != n && s->w[q].head == (int32_t)v + 1) hang(s, q, n, s->w[q].label == advcl ? acl : s->w[q].label);
        if (!is_tree(s)) memcpy(s->w, saved, s->n * sizeof *saved);
    }
}

/* "said on Monday that X had ordered the attack" read with the clause as a
 * relative clause of "Monday": a clause hung from a verb's time or
 * occasion ("on Monday", "last year", "in a statement") whose "that" is a
 * complementizer (a mark, or an object or subject beside the clause's
 * own) is the verb's complement. */
static void repair_said_when_that(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s)
{
    static const char *const WHEN[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                       "day", "days", "week", "weekend", "month", "year", "night", "morning",
                                       "evening", "afternoon", "time", "statement", "interview", "briefing",
                                       "conference", "post", "report", "speech", "letter", "message", NULL};
    if (R->l_acl_relcl < 0 || R->l_ccomp < 0 || R->l_mark < 0) return;
    for (size_t v = 0; v < s->n; v++) {
        int32_t nh = s->w[v].head;
        if (s->w[v].label != R->l_acl_relcl || nh <= 0 || !upos_is(m, s, v, "VERB")) continue;
        size_t n = (size_t)nh - 1;
        /* (the time may hang from the occasion: "said in a report last
         * year that") */
        int32_t vh = s->w[n].head, up = (int32_t)n + 1;
        if (vh > 0 && !strncmp(m->labels[s->w[up - 1].label], "nmod", 4) && !strncmp(m->labels[s->w[vh - 1].label], "obl", 3)) {
            up = vh;
            vh = s->w[vh - 1].head;
        }
        if (vh <= 0 || !word_is(&s->w[n], WHEN) || strncmp(m->labels[s->w[up - 1].label], "obl", 3) ||
            !upos_is(m, s, (size_t)vh - 1, "VERB") || (size_t)vh - 1 > n)
            continue;
        /* "that", right after the time phrase, hung from the clause */
        size_t d = n + 1;
        while (d < v && under(s, d, n) && !under(s, d, v)) d++;
        if (d >= v || s->w[d].head != (int32_t)v + 1 || s->w[d].len != 4 || nb_lower(s->w[d].form[0]) != 't' ||
            nb_lower(s->w[d].form[1]) != 'h' || nb_lower(s->w[d].form[2]) != 'a' || nb_lower(s->w[d].form[3]) != 't')
            continue;
        /* (a speech verb's, "said", not another's: "spoke on the night that
         * drones struck Kyiv" is a relative clause; nor "the day that") */
        static const char *const SAID[] = {"said", "says", "told", "tells", "announced", "reported", "stated",
                                           "added", "wrote", "claimed", "warned", "alleged", "insisted", "noted",
                                           "confirmed", "argued", "acknowledged", "admitted", "revealed",
                                           "disclosed", "declared", "concluded", "found", NULL};
        static const char *const DEF[] = {"the", NULL};
        static const char *const TIME[] = {"day", "days", "week", "month", "year", "night", "morning", "evening",
                                           "afternoon", "time", NULL};
        bool definite = false, time = word_is(&s->w[n], TIME);
        for (size_t x = 0; x < n && time; x++)
            definite |= s->w[x].head == (int32_t)n + 1 && s->w[x].label == R->l_det && word_is(&s->w[x], DEF);
        if (!word_is(&s->w[vh - 1], SAID) || definite) continue;
        bool comp = s->w[d].label == R->l_mark, subj = false, more = false;
        for (size_t x = 0; x < s->n && !comp; x++) {
            if (x == d || s->w[x].head != (int32_t)v + 1) continue;
            comp = s->w[x].label == s->w[d].label && (s->w[d].label == R->l_obj || s->w[d].label == R->l_nsubj);
            subj |= s->w[x].label == R->l_nsubj;
            more |= s->w[x].label == R->l_xcomp || s->w[x].label == R->l_ccomp;
        }
        /* ("that ISKP continued to receive ...": a subject of its own and a
         * complement, "that" no object) */
        comp |= s->w[d].label == R->l_obj && subj && more;
        if (!comp) continue;
        s->w[v].head = vh;
        s->w[v].label = (uint16_t)R->l_ccomp;
        s->w[d].label = (uint16_t)R->l_mark;
    }
}

void nb_repair_tree(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of)
{
    repair_said_when_that(m, R, s);
    repair_verb_punct(m, R, s);
    repair_list_conj(m, R, s);
    repair_accused_of(m, R, s);
    repair_finite_amod(m, R, s);
    repair_relcl_conj(m, R, s);
    repair_relcl_object(m, R, s);
    repair_attributive_participle(R, s);
    repair_subject(m, R, s);
    repair_case_subject(m, R, s);
    repair_split_name(m, R, s);
    repair_appos_compound(m, R, s);
    repair_noun_clause(m, R, s);
    repair_attribution(m, R, s);
    repair_as_nominal(m, R, s);
    repair_subject_parataxis(R, s);
    repair_agent(R, s);
    repair_hyphen_participle(m, R, s);
    repair_adj_root(m, R, s);
    repair_clause_amod(m, R, s);
    repair_verb_amod(m, R, s);
    repair_as_adrift(m, R, s);
    repair_double_subject(m, R, s);
    repair_act_compound(m, R, s);
    repair_punct_head(m, R, s);
    repair_clause_under_noun(m, R, s);
    repair_object_predicate(m, R, s);
    repair_parataxis_object(m, R, s);
    repair_verb_conj_noun(m, R, s);
    repair_conj_subject(m, R, s);
    repair_whose(m, R, s);
    repair_ing_adrift(m, R, s);
    repair_active_by(m, R, s);
    repair_fronted_subject(m, R, s);
    repair_title_root(m, R, s);
    repair_advcl_and(m, R, s);
    repair_predicate_subject(m, R, s);
    repair_ccomp_heads(m, R, s);
    repair_noun_ccomp(m, R, s);
    repair_act_apposition(m, R, s);
    repair_act_said_predicate(m, R, s);
    repair_relcl_predicate(m, R, s);
    repair_speaker_ing(m, R, s);
    repair_conj_speaker(m, R, s);
    repair_inverted_speaker(m, R, s);
    repair_participle_root(m, R, s);
    repair_title_sibling(m, R, s, ent_of);
    repair_relcl_subject(m, R, s);
    repair_alias(m, R, s);
    repair_known_as(m, R, s, ent_of);
    repair_agent_nearest(m, R, s);
    repair_parallel_conj(m, R, s);
    repair_ing_conj(m, R, s);
    repair_title_name(m, R, s, ent_of);
    repair_title_run(m, R, s, ent_of);
    repair_org_title_person(m, R, s, ent_of);
    repair_case_across_comma(m, R, s);
    repair_conj_appos(m, R, s);
    repair_name_appos(m, R, s);
    repair_as_subject(m, R, s);
    repair_dative_sum(m, R, s);
    repair_perfect_aux(m, R, s);
    repair_relcl_last_conjunct(m, R, s);
    repair_naming_compound(m, R, s);
    repair_naming_participle(m, R, s);
    repair_bare_oblique(m, R, s);
    repair_parataxis_appos(m, R, s, ent_of);
    repair_conj_out_of_ccomp(m, R, s, ent_of);
    repair_age_apposition(m, R, s);
    repair_role_name(m, R, s, ent_of);
    repair_object_adjective(m, R, s);
    repair_role_conj(m, R, s);
    repair_dative_name(m, R, s, ent_of);
    repair_name_before_time(m, R, s, ent_of);
    repair_poss_participle(m, R, s);
    repair_article_acronym(m, R, s);
    repair_relcl_main_verb(m, R, s);
}
