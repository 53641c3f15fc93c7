/* patterns.c - the tree pattern engine. A cue word (found by lemma in the
 * cue lexicon) anchors each pattern; a path of dependency steps leads from
 * it to the source and another to the target; the words reached denote
 * entities through the mentions they head, their modifiers and their
 * conjuncts. Blocking (negation, modals, conditions, governing verbs of
 * denial, threat or plan, questions) is read from the cue's scope in the
 * tree, with the word classes the patterns file declares. */
#include "patterns.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { POS_VERB, POS_EVENT, POS_ROLE, POS_SAY, POS_ANY };
static const char *const POS_NAMES[] = {"VERB", "EVENT", "ROLE", "SAY", "ANY"};

typedef struct {
    char *lemma;          /* head lemma */
    char **extra;         /* further lemmas that must hang from the head */
    int n_extra;
    int pos;
    nb_rel rel;
    char *support;        /* NULL unless funds */
    char *cases;          /* ",at,on," or NULL */
    int next;             /* next entry with the same head lemma, or -1 */
} cue;

/* Special step labels. */
enum { L_SUBJ = -2, L_SELF = -3, L_ANY = -4 };
/* Case conditions. */
enum { C_NONE, C_CUE, C_LIST };

typedef struct {
    bool up;
    int label;            /* label id or L_* */
    int case_mode;
    char *cases;          /* C_LIST: ",of,for," */
    int lemma_class;      /* class the reached word's lemma must be in, or -1 */
    bool not_class;       /* "{-CLASS}": must not be in it */
    int without;          /* "!label": the reached word has no child with it, or -1 */
} step;

#define MAX_STEPS 8
#define MAX_ALTS 6
typedef struct {
    step st[MAX_STEPS];
    int n;
} path;

typedef struct {
    char *id;
    int pos;
    int rel;              /* -1: the cue's */
    int cue_class;        /* CUE{CLASS}: only cues with their lemma in it, else -1 */
    path src[MAX_ALTS], dst[MAX_ALTS];
    int n_src, n_dst;
    bool struck;          /* target "struck": with none in the sentence, the ones the attack it names struck */
} pattern;

struct nb_patterns {
    cue *cues;
    size_t n_cues, cap_cues;
    nb_map by_lemma;      /* head lemma -> first cue */
    nb_map classes;       /* class name -> id */
    nb_map members;       /* "id\tlemma" -> 1 */
    int n_classes;
    pattern *pats;
    size_t n_pats, cap_pats;
    nb_map forms;         /* inflected cue forms -> 1 */
    nb_map verb_forms;    /* regular inflections of the verb cues -> the cue */
    nb_map deverbal;      /* act noun -> index in dv_forms */
    char **dv_forms;      /* comma-separated verb forms stating the act */
    size_t n_dv;
    nb_map negative;      /* evaluative word -> strength */
    nb_map negative_pos;  /* evaluative word -> the parts of speech it judges in (NEG_* bits) */
    bool have_negative;
    /* label ids the engine itself needs */
    int l_case, l_conj, l_xcomp, l_ccomp, l_advcl, l_acl, l_relcl, l_aux, l_auxpass, l_advmod, l_mark,
        l_nsubj, l_nsubjpass, l_nsubj_outer, l_compound, l_amod, l_poss, l_appos, l_obj, l_parataxis, l_cop, l_det,
        l_nmod, l_obl, l_flat, l_punct, l_cc, l_expl, l_agent;
    /* word classes the engine itself needs */
    int k_neg, k_modal, k_cond, k_block_gov, k_xcomp_ok, k_hedge, k_block_noun, k_proxy, k_proxy_of, k_relpron,
        k_say, k_praise_block, k_place_verb, k_future, k_nonviolent, k_carry_scope, k_scope_verb, k_utterance, k_issue, k_state_site, k_seat, k_populace, k_allegiance, k_named_kind, k_named_as, k_oppose, k_sup_weapons, k_sup_money, k_sup_training, k_sup_troops, k_protest, k_speaks_for, k_part, k_civil, k_harm, k_own_deed, k_blame, k_victim, k_private,
        k_act, k_dismay, k_transparent, k_equate, k_presuppose, k_will, k_perpetrate, k_instigate, k_instigate_crime, k_crime, k_assailant, k_believe, k_collective, k_accusation, k_hallmark, k_abuse, k_human, k_process, k_plunder, k_arms, k_past_role, k_own_op, k_leave, k_state_process, k_authored, k_discredit, k_wrong, k_subunit, k_mastermind, k_blame_on, k_instance, k_of_doer, k_crime_body, k_stranded, k_answerable;
};

/* ---- small helpers ---- */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

static int class_id(nb_patterns *P, const char *name, bool create)
{
    size_t v;
    if (nb_map_get(&P->classes, name, &v)) return (int)v;
    if (!create) return -1;
    nb_map_put(&P->classes, name, (size_t)P->n_classes);
    return P->n_classes++;
}

/* The members key "k<TAB>lemma" in key[96], as "%d\t%s" would write it
 * (by hand: in_class runs for most words of every parsed sentence, and
 * printf was a tenth of its cost). false when it does not fit. */
static bool member_key(char key[96], int k, const char *lemma)
{
    char digits[12];
    size_t nd = 0, n = strlen(lemma);
    unsigned u = (unsigned)k;
    do digits[nd++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (nd + 1 + n >= 96) return false;
    for (size_t i = 0; i < nd; i++) key[i] = digits[nd - 1 - i];
    key[nd] = '\t';
    memcpy(key + nd + 1, lemma, n + 1);
    return true;
}

static bool in_class(const nb_patterns *P, int k, const char *lemma)
{
    char key[96];
    return k >= 0 && member_key(key, k, lemma) && nb_map_get(&P->members, key, NULL);
}

/* A cue's lemma in class k: a multiword cue by its words joined with ' '
 * ("claim responsibility", written claim_responsibility in the class). */
static bool cue_in_class(const nb_patterns *P, int k, const cue *q)
{
    if (!q->n_extra) return in_class(P, k, q->lemma);
    char w[80];
    size_t n = (size_t)snprintf(w, sizeof w, "%s", q->lemma);
    for (int i = 0; i < q->n_extra && n < sizeof w; i++) n += (size_t)snprintf(w + n, sizeof w - n, " %s", q->extra[i]);
    return n < sizeof w && in_class(P, k, w);
}

static void add_member(nb_patterns *P, int k, const char *lemma)
{
    char key[96];
    if (k >= 0 && member_key(key, k, lemma)) nb_map_put(&P->members, key, 1);
}

/* ",a,b," from "a,b" so that membership is one strstr. */
static char *comma_set(const char *list)
{
    nb_buf b = {0};
    nb_buf_putc(&b, ',');
    for (const char *c = list; *c; c++) nb_buf_putc(&b, *c == ' ' ? ',' : *c);
    nb_buf_putc(&b, ',');
    return nb_buf_detach(&b);
}

static bool in_set(const char *set, const char *w)
{
    if (!set) return false;
    size_t n = strlen(w);
    for (const char *p = set; (p = strstr(p, w)); p++)
        if (p[-1] == ',' && p[n] == ',') return true;
    return false;
}

static int rel_of(const char *s)
{
    for (int r = 0; r < NB_REL_COUNT; r++)
        if (!strcmp(s, nb_rel_name((nb_rel)r))) return r;
    return -1;
}

static int pos_of(const char *s)
{
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, POS_NAMES[i])) return i;
    return -1;
}

/* ---- inflected forms, for choosing the sentences worth parsing ---- */

static bool vowel(char c) { return strchr("aeiou", c) != NULL; }

static void put_mask(nb_map *m, const char *form, unsigned kind)
{
    size_t have = 0;
    nb_map_get(m, form, &have);
    nb_map_put(m, form, have | kind);
}

static void put_form(nb_patterns *P, const char *stem, const char *suffix, unsigned kind)
{
    char buf[96];
    int n = snprintf(buf, sizeof buf, "%s%s", stem, suffix);
    if (n > 0 && (size_t)n < sizeof buf) put_mask(&P->forms, buf, kind);
}

/* Regular English inflections, generously: an extra form costs a parse
 * now and then, a missing one loses a relation. */
static void add_forms(nb_patterns *P, const char *lemma, unsigned kind)
{
    size_t n = strlen(lemma);
    if (n == 0 || n > 60) return;
    char stem[96];
    memcpy(stem, lemma, n + 1);
    put_form(P, stem, "", kind);
    put_form(P, stem, "s", kind);
    put_form(P, stem, "es", kind);
    put_form(P, stem, "ed", kind);
    put_form(P, stem, "d", kind);
    put_form(P, stem, "ing", kind);
    put_form(P, stem, "er", kind);
    put_form(P, stem, "ers", kind);
    char last = stem[n - 1];
    /* "gunman", "militiaman": plural in -men */
    if (n > 3 && !strcmp(stem + n - 3, "man")) {
        stem[n - 2] = 'e';
        put_form(P, stem, "", kind);
        stem[n - 2] = 'a';
    }
    if (last == 'e') {
        stem[n - 1] = '\0';
        put_form(P, stem, "ing", kind);
        stem[n - 1] = 'e';
    }
    if (last == 'y' && n > 1 && !vowel(stem[n - 2])) {
        stem[n - 1] = '\0';
        put_form(P, stem, "ies", kind);
        put_form(P, stem, "ied", kind);
        stem[n - 1] = 'y';
    }
    if (n > 2 && !vowel(last) && vowel(stem[n - 2]) && !vowel(stem[n - 3]) && !strchr("wxy", last)) {
        char dbl[2] = {last, '\0'};
        char s2[100];
        snprintf(s2, sizeof s2, "%s%s", stem, dbl);
        put_form(P, s2, "ed", kind);
        put_form(P, s2, "ing", kind);
        put_form(P, s2, "er", kind);
    }
}

/* The verb cue's own regular inflections, for a lemmatizer that errs on
 * words the treebank lacks ("blamed" read as "blam", "strafed" as "straf"). */
static void put_verb_form(nb_patterns *P, const char *stem, const char *suffix, size_t cue)
{
    char buf[96];
    size_t have;
    int n = snprintf(buf, sizeof buf, "%s%s", stem, suffix);
    if (n > 0 && (size_t)n < sizeof buf && !nb_map_get(&P->verb_forms, buf, &have)) nb_map_put(&P->verb_forms, buf, cue);
}

static void add_verb_forms(nb_patterns *P, const char *lemma, size_t cue)
{
    size_t n = strlen(lemma);
    if (n < 3 || n > 60) return;
    char stem[96];
    memcpy(stem, lemma, n + 1);
    char last = stem[n - 1];
    put_verb_form(P, stem, last == 'e' ? "s" : (strchr("sxz", last) || (n > 1 && last == 'h' && strchr("sc", stem[n - 2])) ? "es" : "s"), cue);
    put_verb_form(P, stem, last == 'e' ? "d" : "ed", cue);
    if (last == 'e') {
        stem[n - 1] = '\0';
        put_verb_form(P, stem, "ing", cue);
    } else if (last == 'y' && !vowel(stem[n - 2])) {
        stem[n - 1] = '\0';
        put_verb_form(P, stem, "ied", cue);
        put_verb_form(P, stem, "ies", cue);
        stem[n - 1] = 'y';
        put_verb_form(P, stem, "ing", cue);
    } else {
        put_verb_form(P, stem, "ing", cue);
    }
}

unsigned nb_patterns_cue_form(const nb_patterns *P, const char *w, size_t n)
{
    char buf[96];
    size_t v = 0;
    if (n == 0 || n >= sizeof buf) return 0;
    for (size_t i = 0; i < n; i++) buf[i] = nb_lower(w[i]);
    buf[n] = '\0';
    if (nb_map_get(&P->forms, buf, &v)) return (unsigned)v;
    /* "secretary-general": the tagger reads its parts as words, so may the cues */
    unsigned kinds = 0;
    for (char *part = buf, *end; strchr(buf, '-') && part; part = end ? end + 1 : NULL) {
        end = strchr(part, '-');
        if (end) *end = '\0';
        if (*part && nb_map_get(&P->forms, part, &v)) kinds |= (unsigned)v;
    }
    return kinds;
}

bool nb_patterns_place_cue(const nb_patterns *P, const char *lemma)
{
    return in_class(P, P->k_place_verb, lemma);
}

/* ---- loading ---- */

static nb_status open_lines(const char *path, FILE **f, nb_buf *err)
{
    *f = fopen(path, "r");
    if (!*f) {
        nb_buf_printf(err, "%s: %s", path, strerror(errno));
        return NB_ERR_IO;
    }
    return NB_OK;
}

/* Splits line at tabs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    for (int i = 0; i < n; i++) f[i] = trim(f[i]);
    return n;
}

#define PREPS ",at,on,against,with,of,for,to,from,into,over,upon,toward,towards,in,de,"

/* The syntactic head of a multiword cue, as UD attaches it: a verb's first
 * word ("carry out strike on"), the predicate after a copula ("be in charge
 * of"), a noun's last word ("air strike") or the word before an inner
 * preposition ("commander in chief"). */
static int multiword_head(char **w, int nw, int pos)
{
    int k = nw;
    if (nw > 1 && in_set(PREPS, w[nw - 1])) k--;
    if (pos == POS_VERB || pos == POS_SAY) {
        if (strcmp(w[0], "be") || k < 2) return 0;
        for (int i = 1; i < k; i++)
            if (!in_set(PREPS, w[i])) return i;
        return 0;
    }
    for (int i = 1; i < k; i++)
        if (in_set(PREPS, w[i])) return i - 1;
    /* (a title's postpositive "general" modifies the noun before it: UD
     * hangs "general" from "secretary" in "secretary general") */
    if (k >= 2 && !strcmp(w[k - 1], "general")) return k - 2;
    return k - 1;
}

static nb_status load_cues(nb_patterns *P, const char *path, nb_buf *err)
{
    FILE *f;
    nb_status st = open_lines(path, &f, err);
    if (st != NB_OK) return st;
    char line[1024];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *l = trim(line);
        if (*l == '#' || *l == '\0') continue;
        char *fl[6];
        int nf = split_tabs(l, fl, 6);
        int pos = nf >= 3 ? pos_of(fl[1]) : -1;
        int rel = nf >= 3 ? rel_of(fl[2]) : -1;
        if (nf < 3 || pos < 0 || pos == POS_ANY || (pos != POS_SAY && rel < 0) || !*fl[0]) {
            nb_buf_printf(err, "%s:%d: want lemma, VERB|EVENT|ROLE|SAY, relation", path, lineno);
            st = NB_ERR_INPUT;
            break;
        }
        nb_grow(&P->cues, &P->cap_cues, P->n_cues + 1, sizeof *P->cues);
        cue *c = &P->cues[P->n_cues];
        memset(c, 0, sizeof *c);
        c->pos = pos;
        c->rel = rel < 0 ? NB_REL_CONDEMNS : (nb_rel)rel;
        /* Multiword cues in natural order: the other words must hang from
         * the head; a final preposition marks the target. */
        char *words[8];
        int nw = 0;
        for (char *tok = strtok(fl[0], " "); tok && nw < 8; tok = strtok(NULL, " ")) words[nw++] = tok;
        if (nw == 0) continue;
        int hd = multiword_head(words, nw, pos);
        c->lemma = nb_strdup(words[hd]);
        const char *cases = nf >= 5 && strcmp(fl[4], "-") && *fl[4] ? fl[4] : NULL;
        nb_buf cb = {0};
        if (cases) nb_buf_puts(&cb, cases);
        for (int i = 0; i < nw; i++) {
            if (i == hd) continue;
            bool prep = i == nw - 1 && nw > 1 &&
                        in_set(",at,on,against,with,of,for,to,from,into,over,upon,toward,towards,", words[i]);
            if (prep) {
                if (cb.len) nb_buf_putc(&cb, ',');
                nb_buf_puts(&cb, words[i]);
                /* (a verb and its preposition alone, "slam into", "fire
                 * on": the preposition must be there too, or the cue would
                 * be the bare verb, "slammed the Philippines") */
                if (nw > 2) continue;
            }
            c->extra = nb_realloc(c->extra, ((size_t)c->n_extra + 1) * sizeof *c->extra);
            c->extra[c->n_extra++] = nb_strdup(words[i]);
        }
        if (cb.len) c->cases = comma_set(cb.data);
        nb_buf_free(&cb);
        if (nf >= 4 && strcmp(fl[3], "-") && *fl[3] && c->rel == NB_REL_FUNDS) c->support = nb_strdup(fl[3]);
        size_t first;
        c->next = nb_map_get(&P->by_lemma, c->lemma, &first) ? (int)first : -1;
        nb_map_put(&P->by_lemma, c->lemma, P->n_cues);
        unsigned kind = c->pos == POS_SAY ? NB_FORM_SAY : NB_FORM_CUE;
        /* "X condemned the strikes": the attackers come from the article */
        if (c->pos == POS_VERB && c->rel == NB_REL_CONDEMNS && !c->n_extra) kind |= NB_FORM_ALONE;
        /* "X ambushed a patrol": the authors of an attack on no actor are
         * remembered for what later condemns it */
        /* (and "the gunmen belonged to X": the attack told before is the
         * one X did) */
        if (c->rel == NB_REL_ATTACKED && !c->n_extra) kind |= NB_FORM_ALONE;
        add_forms(P, c->lemma, kind);
        if (c->pos == POS_VERB) add_verb_forms(P, c->lemma, P->n_cues);
        P->n_cues++;
    }
    fclose(f);
    return st;
}

static int label_id(const nb_nlp *m, const char *name)
{
    if (!strcmp(name, "subj")) return L_SUBJ;
    if (!strcmp(name, "self")) return L_SELF;
    if (!strcmp(name, "*")) return L_ANY;
    return nb_nlp_label(m, name);
}

/* "^acl", "nmod/$", "obl/by,from", "^obj{LIGHT}", "subj", "^obl/as!obj" */
static bool parse_step(nb_patterns *P, const nb_nlp *m, char *s, step *st)
{
    memset(st, 0, sizeof *st);
    st->lemma_class = -1;
    st->without = -1;
    char *bang = strchr(s, '!');
    if (bang) {
        *bang = '\0';
        st->without = nb_nlp_label(m, bang + 1);
        if (st->without < 0) return false;
    }
    if (*s == '^') {
        st->up = true;
        s++;
    }
    char *brace = strchr(s, '{');
    if (brace) {
        char *end = strchr(brace, '}');
        if (!end) return false;
        *end = '\0';
        st->not_class = brace[1] == '-';
        st->lemma_class = class_id(P, brace + 1 + st->not_class, true);
        *brace = '\0';
    }
    char *slash = strchr(s, '/');
    if (slash) {
        *slash = '\0';
        if (!strcmp(slash + 1, "$")) {
            st->case_mode = C_CUE;
        } else {
            st->case_mode = C_LIST;
            st->cases = comma_set(slash + 1);
        }
    }
    st->label = label_id(m, s);
    return st->label != -1;
}

static bool parse_path(nb_patterns *P, const nb_nlp *m, char *s, path *p)
{
    p->n = 0;
    for (char *tok = strtok_r(s, ".", &s); tok; tok = strtok_r(NULL, ".", &s)) {
        if (p->n == MAX_STEPS || !parse_step(P, m, tok, &p->st[p->n])) return false;
        p->n++;
    }
    return p->n > 0;
}

static bool parse_alts(nb_patterns *P, const nb_nlp *m, char *s, path *alts, int *n)
{
    *n = 0;
    char *save;
    for (char *tok = strtok_r(s, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        if (*n == MAX_ALTS || !parse_path(P, m, tok, &alts[*n])) return false;
        (*n)++;
    }
    return *n > 0;
}

static nb_status load_patterns(nb_patterns *P, const nb_nlp *m, const char *path, nb_buf *err)
{
    FILE *f;
    nb_status st = open_lines(path, &f, err);
    if (st != NB_OK) return st;
    char line[2048];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *l = trim(line);
        if (*l == '#' || *l == '\0') continue;
        if (*l == '@') { /* @CLASS word word ... */
            char *save;
            char *name = strtok_r(l + 1, " \t", &save);
            int k = class_id(P, name, true);
            for (char *w = strtok_r(NULL, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
                for (char *c = w; *c; c++)
                    if (*c == '_') *c = ' ';
                add_member(P, k, w);
            }
            continue;
        }
        /* id  cue[:relation]  source-paths  target-paths */
        char *fl[4];
        int nf = 0;
        char *save;
        for (char *tok = strtok_r(l, " \t", &save); tok && nf < 4; tok = strtok_r(NULL, " \t", &save)) fl[nf++] = tok;
        nb_grow(&P->pats, &P->cap_pats, P->n_pats + 1, sizeof *P->pats);
        pattern *pt = &P->pats[P->n_pats];
        memset(pt, 0, sizeof *pt);
        pt->rel = -1;
        pt->cue_class = -1;
        bool ok = nf == 4;
        if (ok) {
            char *brace = strchr(fl[1], '{');
            if (brace) {
                char *end = strchr(brace, '}');
                ok = end && end[1] == '\0';
                if (ok) {
                    *end = '\0';
                    pt->cue_class = class_id(P, brace + 1, true);
                    *brace = '\0';
                }
            }
        }
        if (ok) {
            char *colon = strchr(fl[1], ':');
            if (colon) {
                *colon = '\0';
                pt->rel = rel_of(colon + 1);
                ok = pt->rel >= 0;
            }
            pt->pos = pos_of(fl[1]);
            ok = ok && pt->pos >= 0;
        }
        if (ok) {
            nb_buf idb = {0};
            nb_buf_printf(&idb, "tree:%s", fl[0]); /* tells tree edges from surface rules in --explain */
            pt->id = nb_buf_detach(&idb);
            /* ("struck" alone or as the last alternative: the article's memory) */
            size_t dl = strlen(fl[3]);
            if (!strcmp(fl[3], "struck")) {
                pt->struck = true;
                fl[3][0] = '\0';
            } else if (dl > 7 && !strcmp(fl[3] + dl - 7, "|struck")) {
                pt->struck = true;
                fl[3][dl - 7] = '\0';
            }
            ok = parse_alts(P, m, fl[2], pt->src, &pt->n_src) && (!fl[3][0] || parse_alts(P, m, fl[3], pt->dst, &pt->n_dst));
        }
        if (!ok) {
            free(pt->id);
            nb_buf_printf(err, "%s:%d: want: id CUE[:relation] source-path target-path (labels the model knows)",
                          path, lineno);
            st = NB_ERR_INPUT;
            break;
        }
        P->n_pats++;
    }
    fclose(f);
    return st;
}

/* The part of speech a negative word judges in: "offensive" as an
 * adjective (rude), not the noun (a military offensive). */
enum { NEG_NOUN = 1, NEG_OTHER = 2, NEG_ANY = 3 };
static size_t neg_pos_bit(const char *pos) { return !strcmp(pos, "NOUN") ? NEG_NOUN : NEG_OTHER; }

/* An optional data file: absent is fine (*f NULL, NB_OK); any other
 * failure to open it (out of memory, no permission) is an error, never
 * a quietly smaller analysis. */
static nb_status open_optional(const char *path, FILE **f, nb_buf *err)
{
    *f = fopen(path, "r");
    if (*f || errno == ENOENT) return NB_OK;
    nb_buf_printf(err, "%s: %s", path, strerror(errno));
    return NB_ERR_IO;
}

/* Closes a data file read to its end, reporting a read error. */
static nb_status close_read(FILE *f, const char *path, nb_buf *err)
{
    bool bad = ferror(f);
    if (fclose(f) != 0) bad = true;
    if (!bad) return NB_OK;
    nb_buf_printf(err, "%s: read error", path);
    return NB_ERR_IO;
}

static nb_status load_negative(nb_patterns *P, const char *path, nb_buf *err)
{
    FILE *f;
    nb_status st = open_optional(path, &f, err); /* optional: no evaluative speech without it */
    if (!f) return st;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char *l = trim(line);
        if (*l == '#' || *l == '\0') continue;
        char *fl[4];
        int nf = split_tabs(l, fl, 4);
        long strength = nf >= 3 ? strtol(fl[2], NULL, 10) : 1;
        for (char *c = fl[0]; *c; c++) *c = nb_lower(*c);
        size_t have = 0, v = strength > 0 ? (size_t)strength : 1;
        /* one strength per lemma: the strongest of its parts of speech */
        if (!nb_map_get(&P->negative, fl[0], &have) || have < v) nb_map_put(&P->negative, fl[0], v);
        size_t bits = 0, bit = nf >= 2 ? neg_pos_bit(fl[1]) : NEG_ANY;
        nb_map_get(&P->negative_pos, fl[0], &bits);
        nb_map_put(&P->negative_pos, fl[0], bits | bit);
        add_forms(P, fl[0], NB_FORM_NEG);
    }
    st = close_read(f, path, err);
    P->have_negative = st == NB_OK;
    return st;
}

nb_status nb_patterns_load_deverbal(nb_patterns *P, const char *path, nb_buf *err)
{
    FILE *f;
    nb_status st = open_optional(path, &f, err);
    if (!f) return st;
    char line[4096];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        char *l = trim(line);
        if (*l == '#' || *l == '\0') continue;
        char *fl[3];
        if (split_tabs(l, fl, 3) < 2 || nb_map_get(&P->deverbal, fl[0], NULL)) continue;
        nb_grow(&P->dv_forms, &cap, P->n_dv + 1, sizeof *P->dv_forms);
        P->dv_forms[P->n_dv] = nb_strdup(fl[1]);
        nb_map_put(&P->deverbal, fl[0], P->n_dv++);
    }
    return close_read(f, path, err);
}

/* The irregular forms of the verb cues ("lent", "slew"), from cue_forms.tsv
 * beside the cue file when it is there (make cues writes it from WordNet's
 * verb.exc): the treebank's table lacks most of them. */
static nb_status load_cue_forms(nb_patterns *P, const char *cues_path, nb_buf *err)
{
    const char *slash = strrchr(cues_path, '/');
    nb_buf path = {0};
    if (slash) nb_buf_put(&path, cues_path, (size_t)(slash - cues_path) + 1);
    nb_buf_puts(&path, "cue_forms.tsv");
    FILE *f;
    nb_status st = open_optional(path.data, &f, err);
    if (st != NB_OK || !f) {
        nb_buf_free(&path);
        return st;
    }
    char line[256];
    bool tail = false; /* the rest of a line longer than the buffer: skipped */
    while (fgets(line, sizeof line, f)) {
        bool whole = strchr(line, '\n') != NULL || feof(f);
        bool skip = tail;
        tail = !whole;
        if (skip || !whole) continue;
        char *l = trim(line), *fl[2];
        if (*l == '#' || *l == '\0' || split_tabs(l, fl, 2) != 2) continue;
        size_t ci;
        if (!nb_map_get(&P->by_lemma, fl[1], &ci)) continue;
        for (int qi = (int)ci; qi >= 0; qi = P->cues[qi].next)
            if (P->cues[qi].pos == POS_VERB) {
                put_mask(&P->forms, fl[0], NB_FORM_CUE);
                if (!nb_map_get(&P->verb_forms, fl[0], NULL)) nb_map_put(&P->verb_forms, fl[0], (size_t)qi);
                break;
            }
    }
    st = close_read(f, path.data, err);
    nb_buf_free(&path);
    return st;
}

/* Every lemma the treebank table maps a form to, for irregular forms. */
static void add_table_forms(nb_patterns *P, const nb_nlp *m)
{
    const nb_map *ex = &m->lem.exact;
    for (size_t i = 0; i < ex->cap; i++) {
        size_t v;
        const char *key = nb_map_slot(ex, i, &v);
        if (!key) continue;
        const char *tab = strchr(key, '\t');
        if (!tab || v >= m->lem.n_lemma) continue;
        const char *lemma = m->lem.lemma[v];
        unsigned kind = (nb_map_get(&P->by_lemma, lemma, NULL) ? NB_FORM_CUE : 0) |
                        (in_class(P, P->k_say, lemma) ? NB_FORM_SAY : 0) |
                        (nb_map_get(&P->negative, lemma, NULL) || in_class(P, P->k_victim, lemma) ||
                                 in_class(P, P->k_dismay, lemma) || in_class(P, P->k_blame, lemma) ||
                                 in_class(P, P->k_abuse, lemma) || in_class(P, P->k_process, lemma) ||
                                 in_class(P, P->k_plunder, lemma)
                             ? NB_FORM_NEG
                             : 0);
        if (kind) {
            char buf[96];
            size_t n = strlen(tab + 1);
            if (n >= sizeof buf) continue;
            for (size_t k = 0; k <= n; k++) buf[k] = nb_lower(tab[1 + k]);
            put_mask(&P->forms, buf, kind);
        }
        /* a cue with a prefix on an irregular stem ("retook": "re" + "took",
         * as the lemmatizer reads it) */
        static const char *const PREFIX[] = {"over", "out", "re", "counter", NULL};
        for (size_t p = 0; PREFIX[p]; p++) {
            char lb[96], fb[96];
            size_t pl = strlen(PREFIX[p]), ln = strlen(lemma), fn = strlen(tab + 1);
            if (pl + ln >= sizeof lb || pl + fn >= sizeof fb) continue;
            memcpy(lb, PREFIX[p], pl);
            memcpy(lb + pl, lemma, ln + 1);
            if (!nb_map_get(&P->by_lemma, lb, NULL)) continue;
            memcpy(fb, PREFIX[p], pl);
            for (size_t k = 0; k <= fn; k++) fb[pl + k] = nb_lower(tab[1 + k]);
            put_mask(&P->forms, fb, NB_FORM_CUE);
        }
    }
}

nb_status nb_patterns_load(nb_patterns **out, const nb_nlp *m, const char *patterns_path, const char *cues_path,
                           const char *negative_path, nb_buf *err)
{
    nb_patterns *P = nb_calloc(1, sizeof *P);
    nb_status st = load_cues(P, cues_path, err);
    if (st == NB_OK) st = load_patterns(P, m, patterns_path, err);
    if (st == NB_OK && negative_path) st = load_negative(P, negative_path, err);
    if (st != NB_OK) {
        nb_patterns_free(P);
        *out = NULL;
        return st;
    }
#define L(f, name) P->f = nb_nlp_label(m, name)
    L(l_case, "case"); L(l_conj, "conj"); L(l_xcomp, "xcomp"); L(l_ccomp, "ccomp"); L(l_advcl, "advcl");
    L(l_acl, "acl"); L(l_relcl, "acl:relcl"); L(l_aux, "aux"); L(l_auxpass, "aux:pass"); L(l_advmod, "advmod");
    L(l_mark, "mark"); L(l_nsubj, "nsubj"); L(l_nsubjpass, "nsubj:pass"); L(l_nsubj_outer, "nsubj:outer"); L(l_compound, "compound");
    L(l_amod, "amod"); L(l_poss, "nmod:poss"); L(l_appos, "appos"); L(l_obj, "obj");
    L(l_parataxis, "parataxis"); L(l_cop, "cop"); L(l_det, "det"); L(l_nmod, "nmod"); L(l_obl, "obl");
    L(l_flat, "flat"); L(l_punct, "punct"); L(l_cc, "cc"); L(l_expl, "expl"); L(l_agent, "obl:agent");
#undef L
#define K(f, name) P->f = class_id(P, name, true)
    K(k_neg, "NEG"); K(k_modal, "MODAL"); K(k_cond, "COND"); K(k_block_gov, "BLOCK_GOV");
    K(k_xcomp_ok, "XCOMP_OK"); K(k_hedge, "HEDGE"); K(k_block_noun, "BLOCK_NOUN"); K(k_proxy, "PROXY"); K(k_proxy_of, "PROXY_OF");
    K(k_relpron, "RELPRON"); K(k_say, "SAY"); K(k_praise_block, "NOT_NEGATIVE");
    K(k_place_verb, "PLACE_VERB"); K(k_future, "FUTURE"); K(k_nonviolent, "NONVIOLENT"); K(k_carry_scope, "CARRY_SCOPE"); K(k_scope_verb, "SCOPE_VERB"); K(k_utterance, "UTTERANCE"); K(k_issue, "ISSUE"); K(k_state_site, "STATE_SITE"); K(k_seat, "SEAT"); K(k_populace, "POPULACE"); K(k_allegiance, "ALLEGIANCE"); K(k_named_kind, "NAMED_KIND"); K(k_protest, "PROTEST"); K(k_speaks_for, "SPEAKS_FOR"); K(k_part, "PART"); K(k_civil, "CIVIL"); K(k_harm, "HARM"); K(k_own_deed, "OWN_DEED"); K(k_blame, "BLAME"); K(k_private, "PRIVATE");
    K(k_victim, "VICTIM"); K(k_act, "ACT"); K(k_dismay, "DISMAY"); K(k_transparent, "TRANSPARENT"); K(k_equate, "EQUATE");
    K(k_presuppose, "PRESUPPOSE"); K(k_will, "WILL"); K(k_named_as, "NAMED_AS"); K(k_oppose, "OPPOSE");
    K(k_perpetrate, "PERPETRATE"); K(k_instigate, "INSTIGATE"); K(k_instigate_crime, "INSTIGATE_CRIME"); K(k_crime, "CRIME"); K(k_wrong, "WRONG"); K(k_assailant, "ASSAILANT"); K(k_believe, "BELIEVE"); K(k_collective, "COLLECTIVE"); K(k_accusation, "ACCUSATION"); K(k_hallmark, "HALLMARK"); K(k_abuse, "ABUSE"); K(k_past_role, "PAST_ROLE"); K(k_own_op, "OWN_OP"); K(k_leave, "LEAVE"); K(k_state_process, "STATE_PROCESS"); K(k_authored, "AUTHORED"); K(k_discredit, "DISCREDIT"); K(k_human, "HUMAN"); K(k_process, "WITHOUT_PROCESS"); K(k_plunder, "PLUNDER"); K(k_arms, "ARMS"); K(k_subunit, "SUBUNIT"); K(k_mastermind, "MASTERMIND"); K(k_blame_on, "BLAME_ON"); K(k_instance, "INSTANCE"); K(k_of_doer, "OF_DOER"); K(k_crime_body, "CRIME_BODY"); K(k_stranded, "STRANDED"); K(k_answerable, "ANSWERABLE");
    K(k_sup_weapons, "SUPPORT_WEAPONS"); K(k_sup_money, "SUPPORT_MONEY"); K(k_sup_training, "SUPPORT_TRAINING"); K(k_sup_troops, "SUPPORT_TROOPS");
#undef K
    /* speech verbs open sentences to evaluative-speech patterns */
    for (size_t i = 0; i < P->members.cap; i++) {
        const char *key = nb_map_slot(&P->members, i, NULL);
        if (!key) continue;
        const char *tab = strchr(key, '\t');
        if (tab && atoi(key) == P->k_say) add_forms(P, tab + 1, NB_FORM_SAY);
        /* dismay and victims judge like a negative word ("alarmed by the
         * strikes", "'a strike on children,' X said") */
        /* (and blame: "said X was responsible for the unrest") */
        /* (and an attack's doers: "said the gunmen belonged to X") */
        if (tab && (atoi(key) == P->k_dismay || atoi(key) == P->k_victim || atoi(key) == P->k_blame ||
                    atoi(key) == P->k_assailant || atoi(key) == P->k_abuse || atoi(key) == P->k_plunder))
            add_forms(P, tab + 1, NB_FORM_NEG);
    }
    add_table_forms(P, m);
    st = load_cue_forms(P, cues_path, err);
    if (st != NB_OK) {
        nb_patterns_free(P);
        *out = NULL;
        return st;
    }
    *out = P;
    return NB_OK;
}

void nb_patterns_free(nb_patterns *P)
{
    if (!P) return;
    for (size_t i = 0; i < P->n_cues; i++) {
        cue *c = &P->cues[i];
        free(c->lemma);
        for (int k = 0; k < c->n_extra; k++) free(c->extra[k]);
        free(c->extra);
        free(c->support);
        free(c->cases);
    }
    free(P->cues);
    for (size_t i = 0; i < P->n_pats; i++) {
        pattern *pt = &P->pats[i];
        free(pt->id);
        for (int a = 0; a < pt->n_src; a++)
            for (int k = 0; k < pt->src[a].n; k++) free(pt->src[a].st[k].cases);
        for (int a = 0; a < pt->n_dst; a++)
            for (int k = 0; k < pt->dst[a].n; k++) free(pt->dst[a].st[k].cases);
    }
    free(P->pats);
    nb_map_free(&P->by_lemma);
    nb_map_free(&P->classes);
    nb_map_free(&P->members);
    nb_map_free(&P->forms);
    nb_map_free(&P->verb_forms);
    nb_map_free(&P->negative);
    nb_map_free(&P->negative_pos);
    nb_map_free(&P->deverbal);
    for (size_t i = 0; i < P->n_dv; i++) free(P->dv_forms[i]);
    free(P->dv_forms);
    free(P);
}

/* ---- matching ---- */

#define MAX_HITS 16

typedef struct {
    const nb_patterns *P;
    const nb_nlp *m;
    const nb_sent *s;
    int *ent_of;          /* a copy: quotes give first persons their speaker */
    nb_recall_fn recall;
    void *ud;
    char *lc;             /* lemmas in lower case ("Chief" as a PROPN is a chief) */
    size_t *lc_at;
    int *kids;            /* children of word i: kids[first[i] .. first[i + 1]) */
    int *first;
    bool question;
    int cur_rel;          /* the relation being read, -1 in speech: sites count for attacks only */
} ctx;

static bool attack_cue(const ctx *c, int w, int pos);

/* Is lemma a one-word cue of relation rel (or any, -1) with part of speech
 * pos? (The first word of a multiword cue is none: "lie" is no "lie in
 * wait".) */
static bool has_cue(const nb_patterns *P, const char *lemma, int rel, int pos)
{
    size_t hv;
    if (!nb_map_get(&P->by_lemma, lemma, &hv)) return false;
    for (int qi = (int)hv; qi >= 0; qi = P->cues[qi].next)
        if ((rel < 0 || (int)P->cues[qi].rel == rel) && P->cues[qi].pos == pos && !P->cues[qi].n_extra) return true;
    return false;
}

/* Is lemma a noun naming an act of condemnation ("criticism"), of funding
 * ("funding", "backing")? */
static bool condemn_noun(const nb_patterns *P, const char *lemma) { return has_cue(P, lemma, NB_REL_CONDEMNS, POS_EVENT); }
static bool funds_noun(const nb_patterns *P, const char *lemma) { return has_cue(P, lemma, NB_REL_FUNDS, POS_EVENT); }

static const char *lem(const ctx *c, int i) { return c->lc + c->lc_at[i]; }
static int lab(const ctx *c, int i) { return c->s->w[i].label; }
static int head(const ctx *c, int i) { return c->s->w[i].head - 1; }
static const char *xpos(const ctx *c, int i) { return c->m->xpos[c->s->w[i].tag]; }
static const char *upos(const ctx *c, int i) { return c->m->upos[c->s->w[i].tag]; }

/* Is the word's form (in lower case) in class k? */
static bool form_in(const ctx *c, int i, int k)
{
    char buf[64];
    size_t n = c->s->w[i].len;
    if (n >= sizeof buf) return false;
    for (size_t j = 0; j < n; j++) buf[j] = nb_lower(c->s->w[i].form[j]);
    buf[n] = '\0';
    return in_class(c->P, k, buf);
}

/* Is the word's form, in lower case, w? ("commanding" in "commanding
 * officer" has the lemma "command") */
static bool form_is(const ctx *c, int i, const char *w)
{
    size_t n = c->s->w[i].len;
    for (size_t j = 0; j < n; j++)
        if (!w[j] || nb_lower(c->s->w[i].form[j]) != w[j]) return false;
    return w[n] == '\0';
}

/* A child of i with label l whose lemma is in class k (k < 0: any). */
static int child_in(const ctx *c, int i, int l, int k)
{
    for (int j = c->first[i]; j < c->first[i + 1]; j++) {
        int d = c->kids[j];
        if ((l < 0 || lab(c, d) == l) && (k < 0 || in_class(c->P, k, lem(c, d)))) return d;
    }
    return -1;
}

static bool case_is(const ctx *c, int w, const char *lemma)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if (lab(c, d) == c->P->l_case && !strcmp(lem(c, d), lemma)) return true;
    }
    return false;
}

static bool case_ok(const ctx *c, int w, const step *st, const cue *q)
{
    if (st->case_mode == C_NONE) return true;
    const char *set = st->case_mode == C_CUE ? q->cases : st->cases;
    if (!set) return false;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if ((lab(c, d) == c->P->l_case || lab(c, d) == c->P->l_mark) && in_set(set, lem(c, d))) return true;
    }
    return false;
}

/* The subject of a verb, inherited through xcomp, conj, an -ing adverbial
 * clause or an -ing participle modifying a noun ("forces shelling X"). */
static int subjects(const ctx *c, int v, int *out, int max)
{
    for (int depth = 0; depth < 4 && v >= 0; depth++) {
        int n = 0;
        /* ", killing 12 militants" read with a subject before the comma: a
         * participle with no auxiliary has none of its own */
        bool bare_ing = !strcmp(xpos(c, v), "VBG") && child_in(c, v, c->P->l_aux, -1) < 0;
        for (int j = c->first[v]; j < c->first[v + 1] && n < max; j++) {
            int d = c->kids[j];
            if (lab(c, d) != c->P->l_nsubj) continue;
            bool comma = false;
            for (int x = d + 1; x < v && bare_ing && !comma; x++)
                comma = c->s->w[x].len == 1 && c->s->w[x].form[0] == ',';
            if (!comma) out[n++] = d;
        }
        /* one subject per verb in UD: of two, the nearer one ("NATO
         * Secretary-General X condemned" misread as two subjects) */
        if (n > 1) {
            out[0] = out[n - 1];
            n = 1;
        }
        if (n) return n;
        int l = lab(c, v), h = head(c, v);
        if (h < 0) return 0;
        if (l == c->P->l_xcomp || l == c->P->l_conj) {
            /* "X was chosen to lead Y": the passive subject controls the
             * complement */
            int sp = l == c->P->l_xcomp ? child_in(c, h, c->P->l_nsubjpass, -1) : -1;
            if (sp >= 0 && child_in(c, h, c->P->l_nsubj, -1) < 0) {
                out[0] = sp;
                return 1;
            }
            v = h;
        } else if (l == c->P->l_advcl && !strcmp(xpos(c, v), "VBG")) {
            /* "accused X of attacking", "thanked X for funding": the object
             * is the subject; "by killing": the head's subject */
            int mk = child_in(c, v, c->P->l_mark, -1);
            if (mk < 0) mk = child_in(c, v, c->P->l_case, -1);
            int ob = child_in(c, h, c->P->l_obj, -1);
            if (ob < 0) ob = child_in(c, h, c->P->l_nsubjpass, -1);
            if (mk >= 0 && ob >= 0 && (!strcmp(lem(c, mk), "of") || !strcmp(lem(c, mk), "for"))) {
                out[0] = ob;
                return 1;
            }
            v = h;
        } else if (l == c->P->l_advcl && c->cur_rel == NB_REL_CONDEMNS && !strcmp(xpos(c, v), "VB") &&
                   in_class(c->P, c->P->k_protest, lem(c, v)) &&
                   child_in(c, v, c->P->l_mark, -1) >= 0 && !strcmp(lem(c, child_in(c, v, c->P->l_mark, -1)), "to")) {
            /* "summoned Y's envoy to protest against Z": a protest is made by
             * the act it is the purpose of (an attack purposed is only planned) */
            v = h;
        } else if (l == c->P->l_acl && !strcmp(xpos(c, v), "VBG") && !strcmp(upos(c, h), "NOUN")) {
            /* ", killing 12 militants" after a noun is the clause's result,
             * not the noun's deed: the subject of the verb above */
            if (v > 0 && c->s->w[v - 1].len == 1 && c->s->w[v - 1].form[0] == ',') {
                int x = h;
                while (x >= 0 && strcmp(upos(c, x), "VERB")) x = head(c, x);
                if (x < 0) return 0;
                v = x;
                continue;
            }
            /* "issued a statement condemning X", "in a letter accusing X":
             * the author of the text, the subject of the verb it hangs on */
            int hl = lab(c, h), hh = head(c, h);
            if (in_class(c->P, c->P->k_utterance, lem(c, h)) && hh >= 0 && !strcmp(upos(c, hh), "VERB") &&
                ((hl == c->P->l_obj && in_class(c->P, c->P->k_issue, lem(c, hh))) ||
                 (hl == c->P->l_obl && case_is(c, h, "in")))) {
                v = hh;
                continue;
            }
            out[0] = h;
            return 1;
        } else {
            return 0;
        }
    }
    return 0;
}

/* A conjunct d of w that is an apposition the parser misread: the only
 * conjunct, after a comma, with no "and" ("Iran's Guards chief, Esmail
 * Ghaani"); "Iran, Syria and Hezbollah" stays a list. */
static bool appos_like(const ctx *c, int w, int d)
{
    const nb_patterns *P = c->P;
    if (lab(c, d) != P->l_conj || d < 1 || c->s->w[d].head - 1 != w) return false;
    int comma = -1;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int x = c->kids[j];
        if (lab(c, x) == P->l_conj && x != d) return false;
    }
    if (child_in(c, d, P->l_cc, -1) >= 0) return false;
    for (int x = w + 1; x < d && comma < 0; x++)
        if (c->s->w[x].len == 1 && c->s->w[x].form[0] == ',') comma = x;
    return comma >= 0;
}

/* A subject or object that has a preposition ("positions around El Fasher
 * were shelled" read with El Fasher as subject) is a misparse: skip it. */
static bool misparsed_core(const ctx *c, int d)
{
    const nb_patterns *P = c->P;
    int l = lab(c, d);
    if (l != P->l_nsubj && l != P->l_nsubjpass && l != P->l_obj) return false;
    for (int j = c->first[d]; j < c->first[d + 1]; j++) {
        int x = c->kids[j];
        if (lab(c, x) == P->l_case && x < d && strcmp(upos(c, x), "PART")) return true;
    }
    return false;
}

/* Are verbs a < b side by side, with only "and", "or" or commas between? */
static bool side_by_side(const ctx *c, int a, int b)
{
    for (int x = a + 1; x < b; x++) {
        const nb_uword *u = &c->s->w[x];
        /* (a list's other verb too: "funded, armed and trained Y") */
        bool verb = lab(c, x) == c->P->l_conj && (!strcmp(upos(c, x), "VERB") || !strcmp(upos(c, x), "ADJ")) &&
                    child_in(c, x, c->P->l_obj, -1) < 0;
        if (!((u->len == 1 && u->form[0] == ',') || (u->len == 3 && !memcmp(u->form, "and", 3)) ||
              (u->len == 2 && !memcmp(u->form, "or", 2)) || verb))
            return false;
    }
    return b > a;
}

/* Is w excluded by "neither ... nor" ("condemned neither Russia nor
 * Ukraine"): a "neither" or "nor" of its own? */
static bool neither_nor(const ctx *c, int w)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        const char *l = lem(c, c->kids[j]);
        if (!strcmp(l, "neither") || !strcmp(l, "nor")) return true;
    }
    return false;
}

/* Does the relative clause w follow its noun h, as one with no pronoun
 * must ("a move Petro criticised"; not "fighters of executing civilians
 * ..., accusations the government rejects", the clause misattached)? A
 * clause with a relative pronoun may stand further off. */
static bool relcl_adjacent(const ctx *c, int w, int h)
{
    int lo = w, stack[64], sp = 0;
    stack[sp++] = w;
    while (sp) {
        int x = stack[--sp];
        if (x < lo) lo = x;
        for (int j = c->first[x]; j < c->first[x + 1]; j++) {
            int d = c->kids[j];
            if (in_class(c->P, c->P->k_relpron, lem(c, d)) && lab(c, d) != c->P->l_det) return true;
            if (sp < 64) stack[sp++] = d;
        }
    }
    /* (a preposition left behind is the gap's: "the country Wagner fought
     * for in Ukraine", "the country Hezbollah fought in"; its object is
     * not the verb's) */
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if (d == w + 1 && (!strcmp(upos(c, d), "ADP") || (lab(c, d) == c->P->l_advmod && !strcmp(upos(c, d), "ADV") &&
                                                          in_class(c->P, c->P->k_stranded, lem(c, d)))))
            return false;
    }
    if (w + 2 < (int)c->s->n && !strcmp(upos(c, w + 1), "ADP") && !strcmp(upos(c, w + 2), "ADP")) return false;
    if (w + 1 < (int)c->s->n && in_class(c->P, c->P->k_stranded, lem(c, w + 1)) &&
        (w + 2 >= (int)c->s->n || !strcmp(upos(c, w + 2), "PUNCT") || !strcmp(upos(c, w + 2), "ADP")))
        return false;
    /* (a word or two of the noun's own may come between: "the force in
     * Mali Russia funds") */
    if (lo <= h || lo - h - 1 == 0) return true;
    if (lo - h - 1 > 2) return false;
    for (int k = h + 1; k < lo; k++) {
        int up = k;
        for (int d = 0; d < 4 && up >= 0 && up != h; d++) up = head(c, up);
        if (up != h) return false;
    }
    return true;
}

/* Does lemma l pass step st's class test ("{CLASS}", "{-CLASS}", none)? */
static bool class_ok(const ctx *c, const step *st, const char *l)
{
    return st->lemma_class < 0 || in_class(c->P, st->lemma_class, l) != st->not_class;
}

static void walk(const ctx *c, const path *p, int k, int w, const cue *q, int *hits, int *n)
{
    if (k == p->n) {
        for (int i = 0; i < *n; i++)
            if (hits[i] == w) return;
        if (*n < MAX_HITS) hits[(*n)++] = w;
        return;
    }
    const step *st = &p->st[k];
    if (st->label == L_SELF) {
        /* "self/in{CLASS}": the cue itself carries the preposition and has
         * its lemma in CLASS ("in command of") */
        if (!case_ok(c, w, st, q)) return;
        if (!class_ok(c, st, lem(c, w))) return;
        /* "self!nsubj:pass": the cue has no such child */
        if (st->without >= 0 && child_in(c, w, st->without, -1) >= 0) return;
        walk(c, p, k + 1, w, q, hits, n);
        return;
    }
    if (st->label == L_SUBJ) {
        int subj[MAX_HITS];
        int ns = subjects(c, w, subj, MAX_HITS);
        for (int i = 0; i < ns; i++) walk(c, p, k + 1, subj[i], q, hits, n);
        return;
    }
    if (st->up) {
        int h = head(c, w);
        if (h < 0 || (st->label != L_ANY && lab(c, w) != st->label)) return;
        if (lab(c, w) == c->P->l_relcl && !relcl_adjacent(c, w, h)) return;
        if (!class_ok(c, st, lem(c, h))) return;
        /* "^obl/as!obj": no object before the word climbed from ("named X
         * as head": the object is what "as" describes; "As head, X ordered
         * the advance": the subject) */
        if (st->without >= 0) {
            int o = child_in(c, h, st->without, -1);
            if (o >= 0 && o < w) return;
        }
        /* "^obl/as": the word climbed from carries the preposition */
        if (!case_ok(c, w, st, q)) return;
        walk(c, p, k + 1, h, q, hits, n);
        return;
    }
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if (st->label != L_ANY && lab(c, d) != st->label && !(st->label == c->P->l_appos && appos_like(c, w, d)))
            continue;
        if (!class_ok(c, st, lem(c, d))) continue;
        if (st->without >= 0 && child_in(c, d, st->without, -1) >= 0) continue;
        if (neither_nor(c, d)) continue;
        if (!case_ok(c, d, st, q)) continue;
        if (misparsed_core(c, d)) continue;
        /* ("led by X, according to prosecutors" read with the source as
         * the agent: a report's source is no one's agent) */
        if (st->label == c->P->l_agent && (case_is(c, d, "according") || case_is(c, d, "accord"))) continue;
        walk(c, p, k + 1, d, q, hits, n);
    }
    /* "armed and trained Hezbollah": a verb conjoined before its head's
     * object, with none of its own, shares it */
    /* (and one before a conjunct that has it: "armed and trained the army") */
    /* (verbs side by side, only "and", "or" or a comma between: not "fired
     * on X and accused Y", "were firing but could not stop them") */
    if (k == 0 && st->label == c->P->l_obj && !strcmp(upos(c, w), "VERB") && child_in(c, w, c->P->l_obj, -1) < 0) {
        int h = lab(c, w) == c->P->l_conj ? head(c, w) : -1;
        int o = h >= 0 && h < w && side_by_side(c, h, w) ? child_in(c, h, c->P->l_obj, -1) : -1;
        /* (on a later conjunct: its own, or its head's when w is one) */
        for (int g = 0; g < 2 && o < 0; g++) {
            int x = g ? h : w;
            for (int j = x >= 0 ? c->first[x] : 0; x >= 0 && j < c->first[x + 1] && o < 0; j++) {
                int d = c->kids[j];
                if (d > w && lab(c, d) == c->P->l_conj && !strcmp(upos(c, d), "VERB") && side_by_side(c, w, d))
                    o = child_in(c, d, c->P->l_obj, -1);
            }
        }
        if (o > w && !misparsed_core(c, o) && class_ok(c, st, lem(c, o)))
            walk(c, p, k + 1, o, q, hits, n);
    }
}

static int ent_at(const ctx *c, int w) { return c->ent_of[w] >= -1 ? c->ent_of[w] : -2 - c->ent_of[w]; }
static bool adjectival(const ctx *c, int w) { return c->ent_of[w] < -1; }

static void push_ent(int e, int w, int *ents, int *ws, int *n)
{
    if (e < 0) return;
    for (int i = 0; i < *n; i++)
        if (ents[i] == e) return;
    if (*n < MAX_HITS) {
        ws[*n] = w;
        ents[(*n)++] = e;
    }
}

/* The entities a word stands for: its mention; a relative pronoun's
 * antecedent; a force or target named by its owner ("Iranian forces",
 * "Hezbollah positions", "Russia's army"); an apposition; and the same for
 * each conjunct. */
static void denote_at(const ctx *c, int w, int *ents, int *ws, int *n, int depth, bool proxy, bool conj);

/* "Islamic State leader Abu Bakr": a name w followed by a role noun whose
 * apposition or flat child names someone else. Returns that word, or -1. */
static int title_holder(const ctx *c, int w)
{
    int r = w + 1;
    size_t hv;
    /* (a name that modifies the role noun is the organisation: "TTP commander X") */
    if ((size_t)r >= c->s->n || head(c, w) == r || strcmp(upos(c, r), "NOUN") ||
        !nb_map_get(&c->P->by_lemma, lem(c, r), &hv))
        return -1;
    bool role = false;
    for (int qi = (int)hv; qi >= 0 && !role; qi = c->P->cues[qi].next) role = c->P->cues[qi].pos == POS_ROLE;
    if (!role) return -1;
    for (int j = c->first[r]; j < c->first[r + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        if ((l == c->P->l_appos || l == c->P->l_flat) && d > r && ent_at(c, d) >= 0 && ent_at(c, d) != ent_at(c, w))
            return d;
    }
    return -1;
}

/* Does the phrase headed by w open right after the name at h, past its
 * comma or bracket ("X, an armed group"), as an apposition does? (The
 * parser also hangs phrases far away on a name.) */
static bool next_to_name(const ctx *c, int h, int w)
{
    int start = w;
    for (int j = c->first[w]; j < c->first[w + 1]; j++)
        if (c->kids[j] < start && strcmp(upos(c, c->kids[j]), "PUNCT")) start = c->kids[j];
    if (h >= start) return false;
    bool comma = false;
    for (int x = h + 1; x < start; x++) {
        if (ent_at(c, x) == ent_at(c, h) && !comma) continue;
        if (strcmp(upos(c, x), "PUNCT")) return false;
        comma |= c->s->w[x].len == 1 && c->s->w[x].form[0] == ',';
    }
    return comma;
}

/* Does a comma of w's own open its phrase ("..., a move X called
 * illegal" read as an oblique with no preposition)? */
static bool comma_before(const ctx *c, int w)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if (d < w && c->s->w[d].len == 1 && c->s->w[d].form[0] == ',') return true;
    }
    return false;
}

/* Is d a place phrase ("in X", "near X")? */
static bool located(const ctx *c, int d)
{
    return case_is(c, d, "in") || case_is(c, d, "near") || case_is(c, d, "across") || case_is(c, d, "throughout");
}

/* The state a place phrase names: the place's own entity, or its owner
 * ("in Russia's Krasnodar region", "in the Ecuadorean city of Machala"). */
static void place_state_at(const ctx *c, int d, int *ents, int *ws, int *n, int depth)
{
    int before = *n;
    if (ent_at(c, d) >= 0) push_ent(ent_at(c, d), d, ents, ws, n);
    for (int k = c->first[d]; k < c->first[d + 1] && *n == before; k++) {
        int e = c->kids[k], l = lab(c, e);
        if (ent_at(c, e) >= 0 && (l == c->P->l_compound || l == c->P->l_amod || l == c->P->l_poss))
            push_ent(ent_at(c, e), e, ents, ws, n);
    }
    /* "near the town of Nasir in South Sudan's Upper Nile state": a place
     * named by the place it lies in */
    for (int k = c->first[d]; k < c->first[d + 1] && *n == before && depth < 3; k++) {
        int e = c->kids[k];
        if (lab(c, e) == c->P->l_nmod && e > d && located(c, e)) place_state_at(c, e, ents, ws, n, depth + 1);
    }
}

static void place_state(const ctx *c, int d, int *ents, int *ws, int *n) { place_state_at(c, d, ents, ws, n, 0); }

/* Is conjunct d of w part of a coordination: it, or a conjunct of w after
 * it, has its "and"/"or" ("A, B and C")? A conjunct with none is a misparse
 * ("X, who has ruled Y, relies on Moscow" read with Moscow as X's conjunct). */
static bool listed(const ctx *c, int w, int d)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int k = c->kids[j];
        if (k >= d && lab(c, k) == c->P->l_conj && child_in(c, k, c->P->l_cc, -1) >= 0) return true;
    }
    return false;
}

/* The word holding the entity of "the X militia", "the Transformers party":
 * an organisation noun with no entity of its own stands for the name
 * compounded with it (w itself when it has one; -1 if neither). */
static int named_word(const ctx *c, int w)
{
    if (w < 0 || ent_at(c, w) >= 0) return w;
    if (!in_class(c->P, c->P->k_named_kind, lem(c, w))) return -1;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        /* (not a demonym: "the Georgian Dream party" is not Georgia's) */
        if (d < w && lab(c, d) == c->P->l_compound && c->ent_of[d] >= 0) return d;
    }
    return -1;
}

static void denote(const ctx *c, int w, int *ents, int *ws, int *n, int depth, bool proxy)
{
    denote_at(c, w, ents, ws, n, depth, proxy, true);
}

/* conj: spread over the word's conjuncts too */
static void denote_at(const ctx *c, int w, int *ents, int *ws, int *n, int depth, bool proxy, bool conj)
{
    if (w < 0 || depth > 4) return;
    const nb_patterns *P = c->P;
    int titled = ent_at(c, w) >= 0 ? title_holder(c, w) : -1;
    if (titled >= 0) {
        /* "the killing of Islamic State leader Abu Bakr al-Baghdadi" read
         * with the group as the head: the person is meant */
        push_ent(ent_at(c, titled), titled, ents, ws, n);
    } else if (ent_at(c, w) >= 0) {
        /* "insurgents loyal to the Islamic State": a common noun's group
         * acts for the one it is loyal to (@ALLEGIANCE) */
        int before = *n;
        for (int j = c->first[w]; j < c->first[w + 1] && proxy && !strcmp(upos(c, w), "NOUN"); j++) {
            int a = c->kids[j];
            if ((lab(c, a) != P->l_amod && lab(c, a) != P->l_acl) || !in_class(P, P->k_allegiance, lem(c, a))) continue;
            for (int k = c->first[a]; k < c->first[a + 1]; k++) {
                int d = c->kids[k];
                if ((lab(c, d) == P->l_obl || lab(c, d) == P->l_nmod) && (case_is(c, d, "to") || case_is(c, d, "with")))
                    denote(c, d, ents, ws, n, depth + 1, proxy);
            }
        }
        /* "Kataib Hezbollah, an Iraqi militia backed by X": a generic group
         * in apposition to a name is that name */
        int g[1] = {ent_at(c, w)};
        if (*n == before && c->recall && lab(c, w) == P->l_appos && head(c, w) >= 0 && ent_at(c, head(c, w)) >= 0 &&
            !strcmp(upos(c, w), "NOUN") && next_to_name(c, head(c, w), w) && c->recall(c->ud, NB_RECALL_GENERIC, NULL, g, 1)) {
            int hg[1] = {ent_at(c, head(c, w))};
            if (!c->recall(c->ud, NB_RECALL_GENERIC, NULL, hg, 1)) push_ent(hg[0], head(c, w), ents, ws, n);
        }
        if (*n == before) push_ent(ent_at(c, w), w, ents, ws, n);
    } else if (in_class(P, P->k_relpron, lem(c, w))) {
        int h = head(c, w);
        /* "X, whose leader Y lives in exile": the relative clause is the
         * possessed noun's clause, or the clause it is the subject of */
        for (int up = 0; up < 2 && h >= 0 && lab(c, w) == P->l_poss && lab(c, h) != P->l_relcl; up++) h = head(c, h);
        if (h >= 0 && lab(c, h) == P->l_relcl) {
            /* "X, pro-government militias that Y armed": the apposition's anchor */
            int a = head(c, h);
            /* (a conjunct without "and" is an apposition the parser misread) */
            bool appos = a >= 0 && (lab(c, a) == P->l_appos || (lab(c, a) == P->l_conj && child_in(c, a, P->l_cc, -1) < 0));
            int before = *n;
            /* ("a strike on a base in Jordan that killed": a site does not
             * act, nor does the state where it stands) */
            bool site = lab(c, w) == P->l_nsubj && in_class(P, P->k_state_site, lem(c, a));
            if (appos && head(c, a) >= 0) denote_at(c, head(c, a), ents, ws, n, depth + 1, proxy, false);
            if (*n == before && !site) denote(c, a, ents, ws, n, depth + 1, proxy);
        }
    } else {
        /* an apposition names the referent ("the commander, X"); failing
         * that, the owner of a force or target */
        int before = *n;
        int nw = named_word(c, w);
        if (nw >= 0) push_ent(ent_at(c, nw), nw, ents, ws, n);
        /* "a commander known as X", "a man nicknamed X": the name given */
        for (int j = c->first[w]; j < c->first[w + 1] && *n == before; j++) {
            int a = c->kids[j];
            if (lab(c, a) != P->l_acl || a < w || !in_class(P, P->k_named_as, lem(c, a))) continue;
            for (int k = c->first[a]; k < c->first[a + 1]; k++) {
                int d = c->kids[k], l = lab(c, d);
                /* (or a kind the name is compounded with: "known as the Red Dragon group") */
                if (ent_at(c, d) < 0 && named_word(c, d) >= 0) d = named_word(c, d);
                if (ent_at(c, d) >= 0 && d > a && (l == P->l_xcomp || l == P->l_obj || (l == P->l_obl && case_is(c, c->kids[k], "as"))))
                    push_ent(ent_at(c, d), d, ents, ws, n);
            }
        }
        /* "bankrolled part of the Rwandan deployment": a share stands for
         * what it is a share of */
        if (*n == before && in_class(P, P->k_part, lem(c, w))) {
            int of = child_in(c, w, P->l_nmod, -1);
            if (of >= 0 && case_is(c, of, "of")) denote(c, of, ents, ws, n, depth + 1, proxy);
            /* ("Comando Vermelho's operations", "its political branch") */
            else if (child_in(c, w, P->l_poss, -1) >= 0) denote(c, child_in(c, w, P->l_poss, -1), ents, ws, n, depth + 1, proxy);
            /* ("one of the largest separatist militias" names no one) */
            int kept = before;
            for (int k = before; k < *n; k++) {
                int g[1] = {ents[k]};
                if (c->recall && c->recall(c->ud, NB_RECALL_GENERIC, NULL, g, 1)) continue;
                ents[kept] = ents[k];
                ws[kept++] = ws[k];
            }
            *n = kept;
        }
        for (int j = c->first[w]; j < c->first[w + 1]; j++) {
            int d = c->kids[j];
            /* ("both sides - the army and the ADF -": with its conjuncts) */
            if (lab(c, d) == P->l_appos && ent_at(c, d) >= 0) denote(c, d, ents, ws, n, depth + 1, proxy);
        }
        /* "Sinaloa Gov. Ruben Rocha Moya" read as one name headed by the
         * place: the person named in it */
        for (int j = c->first[w]; j < c->first[w + 1] && *n == before && !strcmp(upos(c, w), "PROPN"); j++) {
            int d = c->kids[j];
            if (d > w && lab(c, d) == P->l_flat && ent_at(c, d) >= 0) push_ent(ent_at(c, d), d, ents, ws, n);
        }
        /* "other Druze leaders, including X, criticised": a set stands for
         * the named members it includes: a plural noun, not a force
         * ("Iraqi forces, including militias" are the state's) nor a thing
         * ("air support as forces, including militias, regrouped") */
        bool set = !strcmp(xpos(c, w), "NNS") && !in_class(P, P->k_proxy, lem(c, w));
        for (int j = c->first[w]; j < c->first[w + 1] && *n == before && set; j++) {
            int d = c->kids[j];
            if (d > w && lab(c, d) == P->l_nmod && ent_at(c, d) >= 0 && (case_is(c, d, "including") || case_is(c, d, "include") || case_is(c, d, "such")))
                denote(c, d, ents, ws, n, depth + 1, proxy);
        }
        /* "the TTP, an umbrella of Islamist groups headed by Y": the members
         * of a collective in apposition to a name, read for the collective */
        if (*n == before && lab(c, w) == P->l_nmod && case_is(c, w, "of") && head(c, w) >= 0) {
            int u = head(c, w);
            if (lab(c, u) == P->l_appos && in_class(P, P->k_collective, lem(c, u)) && head(c, u) >= 0 &&
                ent_at(c, head(c, u)) >= 0 && next_to_name(c, head(c, u), u))
                push_ent(ent_at(c, head(c, u)), head(c, u), ents, ws, n);
        }
        /* "X, an armed group headed by Y": the description in apposition
         * to a name stands for it */
        /* ("the Cutlass Hill gang, a group led by Y": the name in the
         * compound of a proxy noun, as "the X gang" stands for X) */
        int hn = head(c, w), he = hn >= 0 ? ent_at(c, hn) : -1;
        bool next = he >= 0 && next_to_name(c, hn, w);
        if (he < 0 && hn >= 0 && hn + 2 < w && !strcmp(upos(c, hn), "NOUN") && in_class(P, P->k_proxy, lem(c, hn)) &&
            c->s->w[hn + 1].len == 1 && c->s->w[hn + 1].form[0] == ',') {
            for (int j = c->first[hn]; j < c->first[hn + 1] && he < 0; j++)
                if (lab(c, c->kids[j]) == P->l_compound && c->kids[j] < hn) he = ent_at(c, c->kids[j]);
            next = he >= 0;
        }
        if (*n == before && lab(c, w) == P->l_appos && he >= 0 && !strcmp(upos(c, w), "NOUN") && next)
            push_ent(he, hn, ents, ws, n);
        /* ("condemned the government in Kyiv" read with "in Kyiv" on the verb) */
        if (*n == before && proxy && in_class(P, P->k_seat, lem(c, w)) && w + 2 < (int)c->s->n &&
            lab(c, w + 1) == P->l_case && !strcmp(lem(c, w + 1), "in") && head(c, w + 1) >= 0) {
            int d = head(c, w + 1);
            if (ent_at(c, d) >= 0 && lab(c, d) == P->l_obl && head(c, d) == head(c, w)) push_ent(ent_at(c, d), d, ents, ws, n);
        }
        /* "infrastructure belonging to Hamas", "a vessel owned by X": what
         * belongs to an actor stands for it (as its forces and sites do) */
        for (int j = c->first[w]; j < c->first[w + 1] && *n == before && proxy; j++) {
            int a = c->kids[j];
            if (lab(c, a) != P->l_acl || a < w || (strcmp(lem(c, a), "belong") && strcmp(lem(c, a), "own"))) continue;
            for (int k = c->first[a]; k < c->first[a + 1]; k++) {
                int d = c->kids[k];
                if ((lab(c, d) == P->l_obl && case_is(c, d, "to") && !strcmp(lem(c, a), "belong")) ||
                    (lab(c, d) == P->l_agent && !strcmp(lem(c, a), "own")))
                    denote(c, d, ents, ws, n, depth + 1, proxy);
            }
        }
        /* "the armed wing of Hamas", "Hamas's armed wing", "the Toronto
         * chapter of Amnesty International": a body's branch stands for the
         * body (@SUBUNIT), named after "of"/"from", as its possessor, or
         * compounded with it; a place compounded only says where it is */
        if (*n == before && in_class(P, P->k_subunit, lem(c, w))) {
            int of = -1, poss = -1;
            for (int j = c->first[w]; j < c->first[w + 1]; j++) {
                int d = c->kids[j], l = lab(c, d);
                if (l == P->l_nmod && d > w && of < 0 && (case_is(c, d, "of") || case_is(c, d, "from"))) of = d;
                if (l == P->l_poss && poss < 0) poss = d;
            }
            if (of >= 0) denote(c, of, ents, ws, n, depth + 1, proxy);
            if (*n == before && poss >= 0) denote(c, poss, ents, ws, n, depth + 1, proxy);
            for (int j = c->first[w]; j < c->first[w + 1] && *n == before && of < 0 && poss < 0 && c->recall; j++) {
                int d = c->kids[j], o[1] = {ent_at(c, d)}, st[1] = {ent_at(c, d)};
                if (lab(c, d) == P->l_compound && d < w && o[0] >= 0 && c->recall(c->ud, NB_RECALL_BODY, NULL, o, 1) &&
                    !c->recall(c->ud, NB_RECALL_STATE, NULL, st, 1))
                    push_ent(ent_at(c, d), d, ents, ws, n);
            }
        }
        /* ("the army's Second Army Region": a unit's own name, unknown,
         * that goes on past the force's noun is no proxy of the owner) */
        bool own_name = false;
        if (!strcmp(upos(c, w), "PROPN"))
            for (int j = c->first[w]; j < c->first[w + 1]; j++)
                own_name |= lab(c, c->kids[j]) == P->l_flat && c->kids[j] > w && !in_class(P, P->k_proxy, lem(c, c->kids[j]));
        bool of_only = in_class(P, P->k_proxy_of, lem(c, w));
        if (*n == before && proxy && !own_name && (of_only || in_class(P, P->k_proxy, lem(c, w)))) {
            /* ("the funding of Hezbollah": an act's "of" names what it is
             * done to, not its owner, as "fighters of X" does) */
            bool act = attack_cue(c, w, POS_EVENT) || condemn_noun(P, lem(c, w)) || funds_noun(P, lem(c, w));
            for (int j = c->first[w]; j < c->first[w + 1]; j++) {
                int d = c->kids[j], l = lab(c, d);
                /* "fighters of X", "gunmen from X": the preposition right after
                 * the word (not "units south of Tripoli") */
                /* "the government in Mogadishu": a seat of power in a place
                 * (@SEAT), not troops stationed there */
                bool of = !act && l == P->l_nmod && w + 1 < (int)c->s->n && lab(c, w + 1) == P->l_case &&
                          head(c, w + 1) == d &&
                          (case_is(c, d, "from") || case_is(c, d, "of") ||
                           (case_is(c, d, "in") && in_class(P, P->k_seat, lem(c, w))) ||
                           /* "a spokesman for the Pentagon" */
                           (case_is(c, d, "for") && in_class(P, P->k_speaks_for, lem(c, w))));
                if (of && named_word(c, d) >= 0 && ent_at(c, d) < 0) d = named_word(c, d);
                /* ("the Italian mafia", "a Mexican cartel": a nationality, @CRIME_BODY) */
                if (l == P->l_amod && adjectival(c, d) && in_class(P, P->k_crime_body, lem(c, w))) continue;
                if (ent_at(c, d) >= 0 && ((!of_only && (l == P->l_compound || l == P->l_amod || l == P->l_poss)) || of)) {
                    /* "Hemedti's forces", "our aircraft" said by a minister:
                     * a person's forces are those of what they command */
                    int o[1] = {ent_at(c, d)};
                    if (l == P->l_poss && c->recall && c->recall(c->ud, NB_RECALL_OWNER, NULL, o, 1)) push_ent(o[0], d, ents, ws, n);
                    else push_ent(ent_at(c, d), d, ents, ws, n);
                    /* ("troops from Kenya, Uganda and Ethiopia": each owner) */
                    for (int k = c->first[d]; of && k < c->first[d + 1]; k++)
                        if (lab(c, c->kids[k]) == P->l_conj && ent_at(c, c->kids[k]) >= 0)
                            push_ent(ent_at(c, c->kids[k]), c->kids[k], ents, ws, n);
                } else if (of && ent_at(c, d) < 0 && !strcmp(upos(c, d), "NOUN") && depth < 3) {
                    /* "the home of Hamas leader Ismail Haniyeh": the owner
                     * named in apposition to a noun, as denote reads it (a
                     * force's own owner too: "commandos of the CRPF's CoBRA
                     * unit") */
                    denote(c, d, ents, ws, n, depth + 1, in_class(P, P->k_proxy, lem(c, d)));
                }
            }
        }
        /* "a military base in Colombia's Arauca province", "a prison in the
         * Ecuadorean city of Machala": a state's site with no owner named is
         * the state where it stands */
        /* (not a site its modifier gives to a non-state body: "Kurdish
         * militia positions in northern Syria") */
        bool civil_site = false;
        for (int j = c->first[w]; j < c->first[w + 1]; j++) {
            int d = c->kids[j];
            if ((lab(c, d) == P->l_compound || lab(c, d) == P->l_amod) && d < w && in_class(P, P->k_civil, lem(c, d)))
                civil_site = true;
        }
        if (*n == before && proxy && !civil_site && c->cur_rel == NB_REL_ATTACKED &&
            in_class(P, P->k_state_site, lem(c, w))) {
            /* (or "struck a refinery in Russia" with "in Russia" on the verb,
             * after its object) */
            /* (or "set fire to a depot in Russia": an oblique site the same) */
            int hv = lab(c, w) == P->l_obj || lab(c, w) == P->l_obl ? head(c, w) : -1;
            bool own = false;
            for (int j = c->first[w]; j < c->first[w + 1]; j++)
                own |= lab(c, c->kids[j]) == P->l_nmod && located(c, c->kids[j]);
            int x = own || hv < 0 ? w : hv;
            for (int j = c->first[x]; j < c->first[x + 1] && *n == before; j++) {
                int d = c->kids[j];
                if (lab(c, d) == (x == w ? P->l_nmod : P->l_obl) && d > w && located(c, d)) place_state(c, d, ents, ws, n);
            }
            /* ("an Ecuadorean prison": the state its demonym names) */
            for (int j = c->first[w]; j < c->first[w + 1] && *n == before; j++) {
                int d = c->kids[j];
                if ((lab(c, d) == P->l_amod || lab(c, d) == P->l_compound) && d < w && adjectival(c, d))
                    push_ent(ent_at(c, d), d, ents, ws, n);
            }
            /* ("attacked the Eravur police station with a car bomb": a police
             * site no state or place is named for, in a sentence that names
             * no other state, is the article's state's; not "a police station
             * in Culiacan" in a report from Washington) */
            bool police = false, placed = false;
            for (int j = c->first[w]; j < c->first[w + 1]; j++) {
                int d = c->kids[j];
                police |= lab(c, d) == P->l_compound && d < w && !strcmp(lem(c, d), "police");
                placed |= lab(c, d) == P->l_nmod && d > w && located(c, d) && !strcmp(upos(c, d), "PROPN");
            }
            for (int j = hv >= 0 ? c->first[hv] : 0; hv >= 0 && j < c->first[hv + 1]; j++)
                placed |= lab(c, c->kids[j]) == P->l_obl && c->kids[j] > w && located(c, c->kids[j]) &&
                          !strcmp(upos(c, c->kids[j]), "PROPN");
            int got[2] = {-1, -1};
            if (*n == before && police && !placed && c->recall && c->recall(c->ud, NB_RECALL_HOME, NULL, got, 2)) {
                bool other = false;
                for (int k = 0; k < (int)c->s->n && !other; k++) {
                    int st[1] = {ent_at(c, k)};
                    other = st[0] >= 0 && st[0] != got[0] && c->recall(c->ud, NB_RECALL_STATE, NULL, st, 1);
                }
                if (!other) push_ent(got[0], w, ents, ws, n);
            }
        }
    }
    /* a role's holder is named: conjuncts of a name, not of any word */
    if (!conj || (!proxy && ent_at(c, w) < 0)) return;
    for (int j = c->first[w]; j < c->first[w + 1]; j++)
        if (lab(c, c->kids[j]) == P->l_conj && listed(c, w, c->kids[j]))
            denote(c, c->kids[j], ents, ws, n, depth + 1, proxy);
}

/* Does w carry a condition clause ("..., if the talks fail")? */
static bool cond_clause(const ctx *c, int w)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++)
        if (lab(c, c->kids[j]) == c->P->l_advcl && child_in(c, c->kids[j], c->P->l_mark, c->P->k_cond) >= 0) return true;
    return false;
}

/* Is the cue at v asserted? Negation, a modal, a condition or a hedge on it
 * or on the verbs it hangs from through xcomp, ccomp and conj; a governing
 * verb of denial, threat, plan or demand; a noun of threat or plan. */
/* Is word w a role noun of the cue lexicon ("leader", "head")? */
static bool role_word(const ctx *c, int w)
{
    size_t hv;
    if (!nb_map_get(&c->P->by_lemma, lem(c, w), &hv)) return false;
    for (int qi = (int)hv; qi >= 0; qi = c->P->cues[qi].next)
        if (c->P->cues[qi].pos == POS_ROLE && !c->P->cues[qi].n_extra) return true;
    return false;
}

/* Is "on" Y said of the deed x that word h governs ("blamed the raid on
 * Y": on h, or parsed on the noun)? */
static bool blamed_on(const ctx *c, int h, int x)
{
    for (int j = c->first[h]; j < c->first[h + 1]; j++)
        if (lab(c, c->kids[j]) == c->P->l_obl && case_is(c, c->kids[j], "on")) return true;
    for (int j = c->first[x]; j < c->first[x + 1]; j++)
        if (lab(c, c->kids[j]) == c->P->l_nmod && case_is(c, c->kids[j], "on")) return true;
    return false;
}

static bool blocked(const ctx *c, int v)
{
    const nb_patterns *P = c->P;
    if (c->question) return true;
    int x = v, skip_neg = -1; /* ("not only one of ... but": no negation) */
    for (int depth = 0; depth < 6 && x >= 0; depth++) {
        for (int j = c->first[x]; j < c->first[x + 1]; j++) {
            int d = c->kids[j];
            if (d != skip_neg && lab(c, d) == P->l_advmod && in_class(P, P->k_neg, lem(c, d))) return true;
        }
        if (child_in(c, x, P->l_det, P->k_neg) >= 0 || child_in(c, x, P->l_det, P->k_hedge) >= 0) return true;
        /* "no longer" */
        for (int j = c->first[x]; j < c->first[x + 1]; j++)
            if (lab(c, c->kids[j]) == P->l_advmod && child_in(c, c->kids[j], P->l_advmod, P->k_neg) >= 0) return true;
        if (child_in(c, x, -1, P->k_neg) >= 0 && depth == 0) return true;
        /* "will continue to arm X": continuing presupposes the act goes on
         * now; not "could continue", nor "if ..., will continue" */
        int md = child_in(c, x, P->l_aux, P->k_modal);
        bool goes_on = depth > 0 && in_class(P, P->k_presuppose, lem(c, x)) && md >= 0 &&
                       in_class(P, P->k_will, lem(c, md));
        if (goes_on && (cond_clause(c, x) || cond_clause(c, v))) return true;
        if (!goes_on && md >= 0) return true;
        if (!goes_on && child_in(c, x, P->l_auxpass, P->k_modal) >= 0) return true;
        if (child_in(c, x, P->l_mark, P->k_cond) >= 0) return true;
        if (child_in(c, x, P->l_amod, P->k_hedge) >= 0) return true;
        if (child_in(c, x, P->l_advmod, P->k_hedge) >= 0) return true;
        /* "remains unproven" */
        if (depth > 0 && child_in(c, x, P->l_xcomp, P->k_hedge) >= 0) return true;
        /* "to attack" outside a control verb: a purpose or a plan */
        int l = lab(c, x), h = head(c, x);
        if (h < 0) return false;
        if ((l == P->l_nsubj || l == P->l_nsubjpass) && strcmp(upos(c, x), "VERB")) {
            /* "any support for X would ...": the predicate's modality */
            x = h;
            continue;
        }
        if (l == P->l_xcomp) {
            if (!in_class(P, P->k_xcomp_ok, lem(c, h))) return true;
            /* "is going to hit": a future, not an act; matched by word form */
            if (form_in(c, h, P->k_future)) return true;
            x = h;
        } else if (l == P->l_nmod && x == v && in_class(P, P->k_part, lem(c, h))) {
            /* "is not one of Hamas's backers": the share's scope is the role's
             * (not "not only one of ... but also") */
            int ng = child_in(c, h, P->l_advmod, P->k_neg);
            if (ng >= 0 && ng + 1 < (int)c->s->n && !strcmp(lem(c, ng + 1), "only")) skip_neg = ng;
            x = h;
        } else if (l == P->l_ccomp || l == P->l_parataxis) {
            if (in_class(P, P->k_block_gov, lem(c, h))) return true;
            /* "accusations that it armed": the content of a claim */
            if (in_class(P, P->k_block_noun, lem(c, h))) return true;
            /* "did not say that": the report is negated too */
            x = h;
        } else if (l == P->l_conj) {
            /* (a finite conjunct is a deed of its own: "dismissed the
             * accusations and mocked Lithuania") */
            bool finite = !strcmp(xpos(c, x), "VBD") || !strcmp(xpos(c, x), "VBZ") || !strcmp(xpos(c, x), "VBP");
            x = h;
            /* the first conjunct's own negation does not reach this one */
            if (in_class(P, P->k_block_gov, lem(c, x)) && !finite) return true;
            l = lab(c, x);
            h = head(c, x);
            if (h < 0) return false;
            if (l == P->l_xcomp && !in_class(P, P->k_xcomp_ok, lem(c, h))) return true;
            if ((l == P->l_ccomp || l == P->l_obj) && in_class(P, P->k_block_gov, lem(c, h))) return true;
            return false;
        } else if (l == P->l_obj && !strcmp(upos(c, h), "VERB") && !in_class(P, P->k_block_gov, lem(c, h))) {
            /* "did not launch strikes": the light verb's scope is the noun's */
            x = h;
        } else if (l == P->l_obl && x == v && case_is(c, x, "as") && role_word(c, x)) {
            /* "As leader of Y, X ordered ...": the role is what X is, not
             * what X orders, threatens or denies; after the verb it is the
             * verb's ("will never accept X as leader", "would serve as head") */
            if (x < h) return false;
            x = h;
        } else if (l == P->l_advcl && !strcmp(xpos(c, x), "VBG") && child_in(c, x, P->l_mark, -1) < 0 &&
                   child_in(c, x, P->l_aux, -1) < 0 && x > 0 && c->s->w[x - 1].len == 1 &&
                   c->s->w[x - 1].form[0] == ',' && x > h &&
                   (!in_class(P, P->k_block_gov, lem(c, h)) ||
                    (child_in(c, h, P->l_obj, -1) >= 0 && child_in(c, h, P->l_xcomp, -1) < 0 &&
                     child_in(c, h, P->l_ccomp, -1) < 0))) {
            /* "pressed its offensive, bombing X": a participle after a comma
             * states a deed of its own; only the head's modality reaches it
             * (not under "threatened to ...", "refused to ...") */
            x = h;
            if (child_in(c, x, P->l_advmod, P->k_neg) >= 0 || child_in(c, x, -1, P->k_neg) >= 0) return true;
        } else if (l == P->l_obj && !strcmp(upos(c, h), "VERB") &&
                   (in_class(P, P->k_own_deed, lem(c, h)) || (in_class(P, P->k_blame_on, lem(c, h)) && blamed_on(c, h, x)))) {
            /* "X claimed the attack": the deed owned is the verb's scope,
             * as "claimed that ..." is not; so is the deed "blamed on" Y,
             * told done (not "blamed Y for the attacks", a claim) */
            x = h;
        } else if (l == P->l_obj || l == P->l_nmod || l == P->l_obl || l == P->l_advcl || l == P->l_acl) {
            /* "threatened an attack", "plans for an invasion", "denied attacking" */
            if (in_class(P, P->k_block_gov, lem(c, h)) || in_class(P, P->k_block_noun, lem(c, h))) return true;
            /* "does not rely on Iranian money", "no longer remained in
             * command", "did not respond with strikes": the noun states
             * what the verb says of the subject */
            if (l == P->l_obl && (in_class(P, P->k_scope_verb, lem(c, h)) || case_is(c, x, "with") || case_is(c, x, "in"))) {
                x = h;
                continue;
            }
            /* "did not claim responsibility for the attack": the noun's scope is its verb's */
            if (l == P->l_nmod && in_class(P, P->k_carry_scope, lem(c, h))) {
                /* (its verb, "claimed", is no claim of the speaker's here) */
                x = lab(c, h) == P->l_obj && head(c, h) >= 0 ? head(c, h) : h;
                continue;
            }
            /* a participle clause shares its head's scope: "accused X of
             * violating the truce by killing ..." */
            if ((l == P->l_advcl || l == P->l_acl) && !strcmp(xpos(c, x), "VBG") && strcmp(upos(c, h), "NOUN")) {
                x = h;
                continue;
            }
            /* "a video purporting to show Israeli jets bombing X": a
             * participle on an object shares the scope of the verb that
             * governs the object */
            if (l == P->l_acl && !strcmp(xpos(c, x), "VBG") && !strcmp(upos(c, h), "NOUN") && head(c, h) >= 0 &&
                lab(c, h) == P->l_obj && !strcmp(upos(c, head(c, h)), "VERB")) {
                x = head(c, h);
                continue;
            }
            if (child_in(c, x, P->l_mark, -1) >= 0 && strcmp(xpos(c, x), "VBG") &&
                child_in(c, x, P->l_mark, P->k_cond) < 0) {
                /* "to attack" as a purpose: not done yet */
                int mk = child_in(c, x, P->l_mark, -1);
                /* (a protest is made by the act it is the purpose of:
                 * "summoned the envoy to protest") */
                if (!strcmp(lem(c, mk), "to") && l == P->l_advcl && in_class(P, P->k_protest, lem(c, x))) {
                    x = h;
                    continue;
                }
                if (!strcmp(lem(c, mk), "to")) return true;
            }
            return false;
        } else {
            return false;
        }
    }
    return false;
}

/* Extra words of a multiword cue must hang from its head; an attack
 * verb's instrument must not be a non-violent one ("targeted Iran with
 * sanctions", "hit Beijing with tariffs"). */
static bool extras_ok(const ctx *c, int v, const cue *q)
{
    if (q->rel == NB_REL_ATTACKED)
        for (int j = c->first[v]; j < c->first[v + 1]; j++) {
            int d = c->kids[j];
            if (in_class(c->P, c->P->k_nonviolent, lem(c, d)) && (case_is(c, d, "with") || lab(c, d) == c->P->l_obj))
                return false;
        }
    for (int k = 0; k < q->n_extra; k++) {
        bool found = false;
        for (int j = c->first[v]; j < c->first[v + 1] && !found; j++) {
            int d = c->kids[j];
            if (!strcmp(lem(c, d), q->extra[k]) || form_is(c, d, q->extra[k])) found = true;
            /* "lodged a strong protest": one level further for modifiers */
            for (int j2 = c->first[d]; j2 < c->first[d + 1] && !found; j2++)
                if (!strcmp(lem(c, c->kids[j2]), q->extra[k]) || form_is(c, c->kids[j2], q->extra[k])) found = true;
        }
        if (!found) return false;
    }
    return true;
}

/* Does tag class t fit a cue of class pos? (Tags alone: the parse is not
 * needed, so nb_patterns_need_parse asks it too.) */
static bool tag_fits(const nb_nlp *m, int t, int pos)
{
    const char *u = m->upos[t];
    switch (pos) {
    case POS_VERB: return !strcmp(u, "VERB") || (!strcmp(u, "ADJ") && !strcmp(m->xpos[t], "VBN"));
    case POS_EVENT:
    case POS_ROLE: return !strcmp(u, "NOUN") || !strcmp(u, "PROPN");
    default: return false;
    }
}

static bool pos_fits(const ctx *c, int v, int pos) { return tag_fits(c->m, c->s->w[v].tag, pos); }

/* A cue's part of speech at tag t; a copular verb cue ("be critical of",
 * "be in charge of") has its adjective or noun for head, as UD hangs the
 * copula from the predicate. */
static bool cue_fits(const nb_nlp *m, int t, const cue *q)
{
    if (tag_fits(m, t, q->pos)) return true;
    return q->pos == POS_VERB && q->n_extra && !strcmp(q->extra[0], "be") &&
           (!strcmp(m->upos[t], "ADJ") || !strcmp(m->upos[t], "NOUN"));
}

static void emit(nb_tree_rel **out, size_t *n_out, size_t *cap, size_t from, int src, int dst, nb_rel rel,
                 const char *rule, const char *support, int cue, int ws, int wd)
{
    /* (dst -1: an attack's authors with no actor struck, see run_cue) */
    if (src == dst || src < 0 || dst < -1) return;
    /* (the same funding again with another kind of support is kept: "armed
     * and trained Y" gives weapons and training, merged by the pipeline) */
    /* (and a condemnation by another cue word is kept: the pipeline keeps
     * one edge, the article's memory each deed, "imposed sanctions on X,
     * accusing it of ..." for a later "X rejected the allegations") */
    for (size_t i = from; i < *n_out; i++)
        if ((*out)[i].src == src && (*out)[i].dst == dst && (*out)[i].rel == rel &&
            !(support && (*out)[i].support && strcmp(support, (*out)[i].support)) &&
            !(rel == NB_REL_CONDEMNS && cue >= 0 && (*out)[i].cue >= 0 && (*out)[i].cue != cue))
            return;
    nb_grow(out, cap, *n_out + 1, sizeof **out);
    (*out)[(*n_out)++] = (nb_tree_rel){src, dst, rel, rule, support, cue, ws, wd};
}

/* The agents of an attack word that names no actor itself ("condemned the
 * strikes" with "Israeli strikes"): its attacked-pattern sources. */
static void event_agents(const ctx *c, int w, int *ents, int *ws, int *n);
static bool attack_cue(const ctx *c, int w, int pos);
static void recalled_agents(const ctx *c, int w, int *ents, int *ws, int *n);
static void judged(const ctx *c, int w, int *ents, int *ws, int *n);

/* Does the event word say whose act it is, even with no actor ("its
 * strikes", "Russian strikes", "strikes by unknown gunmen")? Then the
 * article's memory must not answer for it. */
static bool agents_named(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        if (l == P->l_poss || l == P->l_amod || l == P->l_compound) {
            /* (a capital no actor's opening a sentence or quote is no name:
             * "'Merciless attacks on shelters ...'") */
            bool opening = d == 0 || !strcmp(upos(c, d - 1), "PUNCT");
            if (ent_at(c, d) >= 0 || !strcmp(upos(c, d), "PRON") || (!strcmp(upos(c, d), "PROPN") && !opening))
                return true;
            /* "the Iranian attack", even when the name is not known */
            /* (not a capital that only opens the sentence or a quote: "'Indiscriminate attacks ...'") */
            if (!strcmp(upos(c, d), "ADJ") && c->s->w[d].len && isupper((unsigned char)c->s->w[d].form[0]) && d > 0 &&
                strcmp(upos(c, d - 1), "PUNCT"))
                return true;
        }
        if (l == P->l_nmod && case_is(c, d, "by")) return true;
    }
    return false;
}

/* The support bit a word of goods names ("drones": weapons), or 0. */
static unsigned goods_kind(const ctx *c, int g)
{
    const nb_patterns *P = c->P;
    const char *l = lem(c, g);
    if (in_class(P, P->k_sup_weapons, l)) return NB_SUPPORT_WEAPONS;
    if (in_class(P, P->k_sup_money, l)) return NB_SUPPORT_MONEY;
    if (in_class(P, P->k_sup_training, l)) return NB_SUPPORT_TRAINING;
    if (in_class(P, P->k_sup_troops, l)) return NB_SUPPORT_TROOPS;
    return 0;
}

/* A giving cue's support, read from the goods given: its object ("supplied
 * drones to"), "with" phrase ("supplied X with drones"), passive subject
 * ("drones were delivered"), the noun it describes ("drones supplied by
 * X"), or for a noun, its "of" phrase or compound ("the supply of drones",
 * "arms deliveries"), with each goods word's conjuncts ("vehicles, salaries
 * and training": weapons, money and training). NULL when no goods say it. */
static const char *goods_support(const ctx *c, int v)
{
    /* the names of every set of the four kinds, in nb_support_format's order */
    static const char *const SETS[16] = {
        NULL, "money", "weapons", "money;weapons", "training", "money;training", "weapons;training",
        "money;weapons;training", "troops", "money;troops", "weapons;troops", "money;weapons;troops",
        "training;troops", "money;training;troops", "weapons;training;troops", "money;weapons;training;troops"};
    const nb_patterns *P = c->P;
    int cand[16], nc = 0;
    for (int j = c->first[v]; j < c->first[v + 1] && nc < 12; j++) {
        int d = c->kids[j], l = lab(c, d);
        /* ("provided training to": the tagger may read the -ing noun as a verb) */
        if (l == P->l_obj || l == P->l_nsubjpass || l == P->l_xcomp || (l == P->l_obl && case_is(c, d, "with")) ||
            (l == P->l_nmod && case_is(c, d, "of")) || (l == P->l_compound && d < v))
            cand[nc++] = d;
    }
    if ((lab(c, v) == P->l_acl || lab(c, v) == P->l_relcl) && head(c, v) >= 0) cand[nc++] = head(c, v);
    unsigned mask = 0;
    for (int i = 0; i < nc; i++) {
        mask |= goods_kind(c, cand[i]);
        for (int j = c->first[cand[i]]; j < c->first[cand[i] + 1]; j++)
            if (lab(c, c->kids[j]) == P->l_conj) mask |= goods_kind(c, c->kids[j]);
    }
    return SETS[mask & 15];
}

/* Does event word e mean one attack already told: a definite or possessed
 * noun with no word that makes it another ("the ambush", "Saturday's raid",
 * not "similar attacks", "an assault", "previous attacks")? */
static bool specific_event(const ctx *c, int e)
{
    static const char *const OTHER[] = {"similar", "previous", "past", "other", "earlier", "several", "such", "many",
                                        "recent", "further", "future", "new", "more", "some", "any", NULL};
    bool definite = false;
    /* ("blamed the ambush on X": "on" X is whom it is blamed on) */
    bool blamed = lab(c, e) == c->P->l_obj && head(c, e) >= 0 && in_class(c->P, c->P->k_blame_on, lem(c, head(c, e)));
    for (int j = c->first[e]; j < c->first[e + 1]; j++) {
        int d = c->kids[j];
        const char *l = lem(c, d);
        if (blamed && lab(c, d) == c->P->l_nmod && case_is(c, d, "on")) continue;
        for (int k = 0; OTHER[k]; k++)
            if (!strcmp(l, OTHER[k])) return false;
        /* ("the March 2024 attack on the Crocus City Hall", "the offensive
         * that toppled Assad": an attack told here, not the one before) */
        if (!strcmp(upos(c, d), "NUM") || (!strcmp(upos(c, d), "PROPN") && lab(c, d) != c->P->l_poss) ||
            lab(c, d) == c->P->l_relcl || lab(c, d) == c->P->l_acl ||
            (lab(c, d) == c->P->l_nmod && (case_is(c, d, "on") || case_is(c, d, "against"))))
            return false;
        if (lab(c, d) == c->P->l_poss) definite = true;
        if (!strcmp(upos(c, d), "DET") &&
            (!strcmp(l, "the") || !strcmp(l, "this") || !strcmp(l, "that") || !strcmp(l, "these") || !strcmp(l, "those")))
            definite = true;
    }
    return definite;
}

/* A claim's "for" phrase naming an attack, on w with label l, or -1. */
static int for_attack(const ctx *c, int w, int l)
{
    for (int j = w >= 0 ? c->first[w] : 0; w >= 0 && j < c->first[w + 1]; j++)
        if (lab(c, c->kids[j]) == l && case_is(c, c->kids[j], "for") && attack_cue(c, c->kids[j], POS_EVENT))
            return c->kids[j];
    return -1;
}

/* The actors struck by the attack cue v (an attack word, or a claim with
 * its "for" phrase, on the verb or on "responsibility") names, into de:
 * the one attack the article reported ("the ambush", "Saturday's raid";
 * not "similar attacks", "an assault in 2023"), and only one no state
 * carried out unless it is one of the sources se (a claim or a leader
 * names an insurgent attack's authors, not the reprisal's). */
static void recalled_struck(const ctx *c, int v, const cue *q, const int *se, int nse, int *de, int *dew, int *nde)
{
    const nb_patterns *P = c->P;
    int e = q->pos == POS_EVENT ? v : for_attack(c, v, P->l_obl);
    if (e < 0) e = for_attack(c, child_in(c, v, P->l_obj, -1), P->l_nmod);
    if (e >= 0 && !specific_event(c, e)) return;
    const char *ew = e >= 0 ? lem(c, e) : "attack";
    /* "the bombing was planned by X" names an attack of its own kind the
     * article told, not its main event of another ("raided a base") */
    if (q->pos == POS_EVENT && head(c, v) >= 0 && in_class(P, P->k_mastermind, lem(c, head(c, v))) &&
        !c->recall(c->ud, NB_RECALL_KIND, ew, NULL, 0))
        return;
    /* "blamed the attack on X", "the attackers belonged to X": an attack
     * whose doers the article left unnamed ("gunmen"), not one it gave to
     * someone ("Hezbollah fired rockets ... Israel blamed the attack on
     * Iran"); and blame laid on a state is one side's claim */
    bool blamed = q->pos == POS_EVENT && head(c, v) >= 0 && in_class(P, P->k_blame_on, lem(c, head(c, v)));
    bool unnamed_only = blamed || q->pos == POS_ROLE;
    int by[MAX_HITS], nb = c->recall(c->ud, NB_RECALL_AUTHORS, ew, by, MAX_HITS);
    for (int i = 0; i < nb; i++) {
        int g[1] = {by[i]}, h[1] = {by[i]};
        bool same = false;
        for (int k = 0; k < nse && !same; k++) same = se[k] == by[i];
        if (same) continue;
        if (c->recall(c->ud, NB_RECALL_STATE, NULL, g, 1)) return;
        if (unnamed_only && !c->recall(c->ud, NB_RECALL_GENERIC, NULL, h, 1)) return;
    }
    if (!nb) return;
    for (int k = 0; k < nse && blamed; k++) {
        int g[1] = {se[k]};
        if (c->recall(c->ud, NB_RECALL_STATE, NULL, g, 1)) return;
    }
    int got[MAX_HITS], k = c->recall(c->ud, NB_RECALL_STRUCK, ew, got, MAX_HITS);
    for (int i = 0; i < k; i++) push_ent(got[i], v, de, dew, nde);
}

static void run_cue(const ctx *c, int v, const cue *q, nb_tree_rel **out, size_t *n_out, size_t *cap, size_t from,
                    bool agents_only, int *aents, int *aws, int *na)
{
    const nb_patterns *P = c->P;
    /* "Kenya's former president X", "the late leader of Y": a role no
     * longer held states no relation (@PAST_ROLE) */
    if (q->pos == POS_ROLE && child_in(c, v, P->l_amod, P->k_past_role) >= 0) return;
    /* ("Former Kenyan President X": the modifier parsed elsewhere, a few
     * words of the same name phrase before the role) */
    if (q->pos == POS_ROLE)
        for (int k = v - 1; k >= 0 && k >= v - 4; k--) {
            const char *u = upos(c, k);
            if (in_class(P, P->k_past_role, lem(c, k))) return;
            if (strcmp(u, "PROPN") && strcmp(u, "ADJ") && strcmp(u, "NOUN") && strcmp(u, "DET")) break;
        }
    /* "ordered the ambassador to leave the country": an expulsion (@LEAVE) */
    /* (the parser may hang "to leave" on the object: "ordered two
     * diplomats to leave") */
    int ov = q->rel == NB_REL_COMMANDS && q->pos == POS_VERB ? child_in(c, v, P->l_obj, -1) : -1;
    if (q->rel == NB_REL_COMMANDS && q->pos == POS_VERB &&
        (child_in(c, v, P->l_xcomp, P->k_leave) >= 0 || child_in(c, v, P->l_advcl, P->k_leave) >= 0 ||
         (ov >= 0 && child_in(c, ov, P->l_acl, P->k_leave) >= 0)))
        return;
    /* a cue in a pattern's cue class ("received arms from") takes only the
     * patterns naming that class; a multiword cue on the same head ("send
     * troops to") is a cue of its own and keeps the general patterns */
    bool special = false, stated = false;
    int ae[MAX_HITS], aw[MAX_HITS], nae = 0; /* sources found, for an attack with no actor struck */
    const char *ae_pat = NULL; /* the pattern that found the first of them (a local: threads share this code) */
    /* (a class of verbs restricts the verb: "transfer" the noun keeps the
     * patterns of nouns) */
    for (size_t pi = 0; pi < P->n_pats && !special; pi++) {
        const pattern *pt = &P->pats[pi];
        special = pt->cue_class >= 0 && pt->pos == q->pos && (pt->rel < 0 || pt->rel == (int)q->rel) &&
                  cue_in_class(P, pt->cue_class, q);
    }
    /* "supplied drones": the goods say what support a cue of no kind gives */
    const char *support = q->support;
    if (q->rel == NB_REL_FUNDS && (!support || !strcmp(support, "unspecified"))) {
        const char *g = goods_support(c, v);
        if (g) support = g;
    }
    for (size_t pi = 0; pi < P->n_pats; pi++) {
        const pattern *pt = &P->pats[pi];
        if (pt->pos != q->pos || (pt->rel >= 0 && pt->rel != (int)q->rel)) continue;
        if (pt->cue_class >= 0 ? !cue_in_class(P, pt->cue_class, q) : special) continue;
        int sw[MAX_HITS], dw[MAX_HITS], ns = 0, nd = 0;
        for (int a = 0; a < pt->n_src; a++) walk(c, &pt->src[a], 0, v, q, sw, &ns);
        if (!ns) continue;
        int se[MAX_HITS], sew[MAX_HITS], nse = 0;
        /* a role is held by a person named, not by "officers" of a force */
        for (int i = 0; i < ns; i++) {
            /* ("the attackers were former members of X", "had once belonged
             * to X": a tie no longer held, @PAST_ROLE on the word between) */
            int hb = q->pos == POS_ROLE && q->rel == NB_REL_ATTACKED ? head(c, sw[i]) : -1;
            if (hb >= 0 && hb != v &&
                (child_in(c, hb, P->l_amod, P->k_past_role) >= 0 || child_in(c, hb, P->l_advmod, P->k_past_role) >= 0))
                continue;
            denote(c, sw[i], se, sew, &nse, 0, q->pos != POS_ROLE);
        }
        /* a role of command is held by a person, not by an organisation or a
         * state a misparse hangs there ("the PKK's armed wing, the HPG";
         * "under U.N. and U.S. sanctions") */
        if (q->pos == POS_ROLE && q->rel == NB_REL_COMMANDS && c->recall) {
            int kept = 0;
            for (int i = 0; i < nse; i++) {
                int b[1] = {se[i]};
                if (c->recall(c->ud, NB_RECALL_BODY, NULL, b, 1)) continue;
                se[kept] = se[i];
                sew[kept++] = sew[i];
            }
            nse = kept;
        }
        /* "a Moroccan drone strike destroyed a convoy": an attack as the
         * subject of an attack stands for its authors */
        for (int i = 0; i < ns && !nse && !agents_only && q->rel == NB_REL_ATTACKED; i++)
            if (attack_cue(c, sw[i], POS_EVENT)) event_agents(c, sw[i], se, sew, &nse);
        if (!nse) continue;
        if (agents_only) {
            for (int i = 0; i < nse; i++) push_ent(se[i], sew[i], aents, aws, na);
            continue;
        }
        for (int a = 0; a < pt->n_dst; a++) walk(c, &pt->dst[a], 0, v, q, dw, &nd);
        int de[MAX_HITS], dew[MAX_HITS], nde = 0;
        for (int i = 0; i < nd; i++) {
            /* "a Hamas bomber", "the cartel's gunmen": the side an attacker
             * is on, not whom it attacked (that is "of" or "on") */
            if (q->pos == POS_ROLE && q->rel == NB_REL_ATTACKED && head(c, dw[i]) == v &&
                (lab(c, dw[i]) == P->l_compound || lab(c, dw[i]) == P->l_amod || lab(c, dw[i]) == P->l_poss))
                continue;
            /* condemning an act condemns its authors: "condemned the
             * strikes", "the RSF's actions" */
            if (q->rel == NB_REL_CONDEMNS) judged(c, dw[i], de, dew, &nde);
            else denote(c, dw[i], de, dew, &nde, 0, true);
        }
        /* "the ambush was led by X", "X claimed responsibility": with no
         * actor struck named here, the ones the attack meant struck */
        if (!nde && pt->struck && c->recall) recalled_struck(c, v, q, se, nse, de, dew, &nde);
        /* ("X, the minister responsible for Northern Ireland": a portfolio
         * of places commands no one; only a body, @ANSWERABLE) */
        if (q->pos == POS_ROLE && in_class(P, P->k_answerable, q->lemma) && c->recall) {
            int kept = 0;
            for (int k = 0; k < nde; k++) {
                int b[1] = {de[k]}, st[1] = {de[k]};
                if (!c->recall(c->ud, NB_RECALL_BODY, NULL, b, 1) || c->recall(c->ud, NB_RECALL_STATE, NULL, st, 1)) continue;
                de[kept] = de[k];
                dew[kept++] = dew[k];
            }
            nde = kept;
        }
        /* "Iran's Revolutionary Guards chief": the compound names what is
         * led, the possessor only whose it is */
        bool compound_org = false;
        for (int k = 0; k < nde && q->pos == POS_ROLE; k++)
            if (head(c, dew[k]) == v && lab(c, dew[k]) == P->l_compound && !adjectival(c, dew[k])) compound_org = true;
        /* "Venezuela's opposition leader", "the Kenyan opposition leader": a
         * body of the country's people, not its state (@CIVIL), is what is
         * led; the country only where */
        for (int j = c->first[v]; j < c->first[v + 1] && q->pos == POS_ROLE && !compound_org; j++) {
            int k = c->kids[j];
            if (k < v && lab(c, k) == P->l_compound && !strcmp(upos(c, k), "NOUN") && ent_at(c, k) < 0 &&
                in_class(P, P->k_civil, lem(c, k)))
                compound_org = true;
        }
        for (int i = 0; i < nse; i++)
            for (int k = 0; k < nde; k++)
                /* "the Kenyan police commander": a nationality, not the force led */
                /* (a people's support is sympathy, no funding: "the Chinese people support ...") */
                if (!(q->pos == POS_ROLE && adjectival(c, dew[k])) &&
                    !(q->rel == NB_REL_FUNDS && in_class(P, P->k_populace, lem(c, sew[i]))) &&
                    !(compound_org && head(c, dew[k]) == v && lab(c, dew[k]) == P->l_poss)) {
                    emit(out, n_out, cap, from, se[i], de[k], q->rel, pt->id, support, v, sew[i], dew[k]);
                    stated = true;
                }
        /* (not a modifier: "Washington condemn attack" in a headline, "the
         * Mafa killing" name no author reliably without a target) */
        /* (a claim of no attack word names no attack of its own) */
        for (int i = 0; i < nse && pt->n_dst > 0; i++)
            if (lab(c, sew[i]) != P->l_amod && lab(c, sew[i]) != P->l_compound) {
                if (!nae) ae_pat = pt->id;
                push_ent(se[i], sew[i], ae, aw, &nae);
            }
    }
    /* "X ambushed a patrol, killing six soldiers", "attacks by X": an attack
     * on no actor still has its authors, whom "condemned the ambush" or
     * "this was a cowardly act" later means (an entry with no target, read
     * by the article's memory only) */
    if (!agents_only && !stated && c->recall && q->rel == NB_REL_ATTACKED)
        for (int i = 0; i < nae; i++) emit(out, n_out, cap, from, ae[i], -1, q->rel, ae_pat, NULL, v, aw[i], -1);
}

/* An attack word with no agent here: the article's memory of who did it. */
static void recalled_agents(const ctx *c, int w, int *ents, int *ws, int *n)
{
    size_t hv;
    if (!c->recall || !nb_map_get(&c->P->by_lemma, lem(c, w), &hv)) return;
    for (int qi = (int)hv; qi >= 0; qi = c->P->cues[qi].next) {
        const cue *q = &c->P->cues[qi];
        if (q->rel != NB_REL_ATTACKED || q->pos != POS_EVENT || !pos_fits(c, w, q->pos)) continue;
        int got[MAX_HITS], k = c->recall(c->ud, NB_RECALL_ATTACK, lem(c, w), got, MAX_HITS);
        for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
        return;
    }
}

static void event_agents(const ctx *c, int w, int *ents, int *ws, int *n)
{
    size_t hv;
    if (!nb_map_get(&c->P->by_lemma, lem(c, w), &hv)) return;
    for (int qi = (int)hv; qi >= 0; qi = c->P->cues[qi].next) {
        const cue *q = &c->P->cues[qi];
        if (q->rel != NB_REL_ATTACKED || !pos_fits(c, w, q->pos)) continue;
        run_cue(c, w, q, NULL, NULL, NULL, 0, true, ents, ws, n);
    }
}

/* ---- evaluative speech ---- */

/* Strength of a word's negative judgment (0: none), from data/negative.tsv. */
/* "was seriously undermining peace" with the -ing form tagged an
 * adjective, or "provoking" lemmatized "provok": the judgment of its verb
 * (undermin(e)), in *v. */
static bool ing_negative(const nb_patterns *P, const char *form, size_t len, size_t *v)
{
    char b[40];
    size_t cut = len >= 6 && !memcmp(form + len - 3, "ing", 3) ? 3 : len >= 5 && !memcmp(form + len - 2, "ed", 2) ? 2 : 0;
    if (!cut || len >= sizeof b - 1) return false;
    size_t n = len - cut;
    for (size_t i = 0; i < n; i++) b[i] = nb_lower(form[i]);
    b[n] = '\0';
    if (nb_map_get(&P->negative, b, v)) return true;
    b[n] = 'e';
    b[n + 1] = '\0';
    return nb_map_get(&P->negative, b, v);
}

/* A participle a judgment names as an adjective: "called the trial deeply
 * flawed" (the tagger's VERB, lemma "flaw"; the lexicon's ADJ "flawed"). */
static bool participle_negative(const ctx *c, int w, size_t *v)
{
    const nb_uword *u = &c->s->w[w];
    char b[40];
    if (u->len < 4 || u->len >= sizeof b || memcmp(u->form + u->len - 2, "ed", 2) || lab(c, w) != c->P->l_xcomp)
        return false;
    for (size_t i = 0; i < u->len; i++) b[i] = nb_lower(u->form[i]);
    b[u->len] = '\0';
    return nb_map_get(&c->P->negative, b, v);
}

static int negative_at(const ctx *c, int w)
{
    size_t v = 0;
    if (!c->P->have_negative) return 0;
    if (!nb_map_get(&c->P->negative, lem(c, w), &v) &&
        ((strcmp(upos(c, w), "ADJ") && strcmp(upos(c, w), "VERB")) ||
         (!ing_negative(c->P, c->s->w[w].form, c->s->w[w].len, &v) && !participle_negative(c, w, &v))))
        return 0;
    /* (an act noun of a word that judges only as another part of speech:
     * "preparing a new offensive") */
    size_t bits = NEG_ANY;
    if (nb_map_get(&c->P->negative_pos, lem(c, w), &bits) && !(bits & NEG_NOUN) && attack_cue(c, w, POS_EVENT))
        return 0;
    /* "had fired on": a verb naming an act is the cue patterns' job, not a
     * judgment (a one-word cue: "lie" is no "lie in wait") */
    if (!strcmp(upos(c, w), "VERB") && has_cue(c->P, lem(c, w), -1, POS_VERB)) return 0;
    return (int)v;
}

/* Is w a cue of the attacked relation as a verb (pos POS_VERB, upos VERB)
 * or as a noun naming the act (POS_EVENT, NOUN)? */
static bool attack_cue(const ctx *c, int w, int pos)
{
    size_t hv;
    if (strcmp(upos(c, w), pos == POS_VERB ? "VERB" : "NOUN") || !nb_map_get(&c->P->by_lemma, lem(c, w), &hv))
        return false;
    for (int qi = (int)hv; qi >= 0; qi = c->P->cues[qi].next)
        if (c->P->cues[qi].pos == pos && c->P->cues[qi].rel == NB_REL_ATTACKED && !c->P->cues[qi].n_extra) return true;
    return false;
}

/* Is w an attack noun whose "of" phrase is its doer, not its target ("the
 * aggression of the Assam Police", "the attacks of the militia"; not "the
 * bombing of the station", @OF_DOER)? */
static bool of_is_doer(const ctx *c, int w)
{
    /* (a list, not the nouns' cases: "the murder of X", "the blockade of
     * Qatar" take their victim after "of") */
    return !strcmp(upos(c, w), "NOUN") && in_class(c->P, c->P->k_of_doer, lem(c, w));
}

static bool negated(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    return child_in(c, w, P->l_advmod, P->k_neg) >= 0 || child_in(c, w, P->l_det, P->k_neg) >= 0 ||
           child_in(c, w, -1, P->k_neg) >= 0;
}

/* What a dismay word is felt at: "alarmed by / at / over the strikes". */
static int dismay_cause(const ctx *c, int r)
{
    for (int j = c->first[r]; j < c->first[r + 1]; j++) {
        int d = c->kids[j];
        if ((lab(c, d) == c->P->l_obl || lab(c, d) == c->P->l_agent || lab(c, d) == c->P->l_nmod) &&
            (case_is(c, d, "by") || case_is(c, d, "at") || case_is(c, d, "over") || case_is(c, d, "about")))
            return d;
    }
    return -1;
}

/* Does w name victims ("civilians", "dozens of civilians"), not "no civilians"? */
static bool victim(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    if (negated(c, w)) return false;
    if (in_class(P, P->k_victim, lem(c, w))) return true;
    /* "residential areas", "civilian targets" */
    if (child_in(c, w, P->l_amod, P->k_victim) >= 0) return true;
    int d = child_in(c, w, P->l_nmod, P->k_victim);
    return d >= 0 && case_is(c, d, "of");
}

#define SPEECH_MIN 2
#define LABEL_MIN 4 /* a noun modifier's strength that labels ("terrorist") */

/* Are the words at w a speaker's bad name for those they stand for: "these
 * criminals", "the criminal structures", "terrorists"? */
static bool bad_named(const ctx *c, int w)
{
    /* (strong words only: "needy", "bereaved" families are pitied, not named badly) */
    if (negated(c, w) || ent_at(c, w) >= 0) return false;
    if (negative_at(c, w) >= 3) return true;
    return child_in(c, w, c->P->l_amod, -1) >= 0 && negative_at(c, child_in(c, w, c->P->l_amod, -1)) >= 3;
}

/* Is r a funding verb whose receivers the speaker names badly: "X arms
 * terrorists", "these criminals are financed by X"? (the funder is judged) */
static bool funds_bad(const ctx *c, int r)
{
    const nb_patterns *P = c->P;
    if (strcmp(upos(c, r), "VERB") || !has_cue(P, lem(c, r), NB_REL_FUNDS, POS_VERB)) return false;
    int o = child_in(c, r, P->l_obj, -1);
    if (o < 0) o = child_in(c, r, P->l_nsubjpass, -1);
    /* ("financed, armed and sheltered by X": the first conjunct's subject) */
    if (o < 0 && lab(c, r) == P->l_conj && head(c, r) >= 0) o = child_in(c, head(c, r), P->l_nsubjpass, -1);
    return o >= 0 && bad_named(c, o);
}
/* Does w lay a harm at its subject's door: "responsible for the killings",
 * "bears responsibility for the massacre", "to blame for the violence"?
 * (a word of class BLAME with an attack, a judged harm or a harm (@HARM:
 * "the unrest") after "for") */
/* Has w a "for" phrase naming an attack, a judged act or a harm? */
static bool for_harm(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        if ((l == P->l_obl || l == P->l_nmod) && case_is(c, d, "for") &&
            (attack_cue(c, d, POS_EVENT) || negative_at(c, d) >= SPEECH_MIN || in_class(P, P->k_harm, lem(c, d))))
            return true;
    }
    return false;
}

static bool blames(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    if (!in_class(P, P->k_blame, lem(c, w)) || negated(c, w)) return false;
    if (for_harm(c, w)) return true;
    /* ("bore responsibility for the killings" with "for" on the verb) */
    if (lab(c, w) == P->l_obj && head(c, w) >= 0 && !negated(c, head(c, w)) && for_harm(c, head(c, w))) return true;
    /* "blame" with a "to": "is to blame for", the verb hangs from "is" */
    for (int j = c->first[w]; j < c->first[w + 1]; j++)
        if (lab(c, c->kids[j]) == P->l_xcomp && blames(c, c->kids[j])) return true;
    return false;
}

/* Is verb r against its object: a condemnation cue, or @OPPOSE ("fight",
 * "prevent", "investigate")? Its negative object is no deed of its subject. */
static bool opposes(const ctx *c, int r)
{
    return in_class(c->P, c->P->k_oppose, lem(c, r)) || has_cue(c->P, lem(c, r), NB_REL_CONDEMNS, POS_VERB);
}

/* Does the predicate r judge its subject badly? r itself ("illegal",
 * "a crime", "is defying"), a conjoined predicate ("dangerous and illegal"),
 * a modifier of a nominal predicate ("a criminal act") or of a verb
 * ("flagrantly"), or a verb's object ("committing a crime"). */
static bool judges(const ctx *c, int r)
{
    const nb_patterns *P = c->P;
    if (negated(c, r) || child_in(c, r, P->l_aux, P->k_modal) >= 0 || child_in(c, r, P->l_mark, P->k_cond) >= 0)
        return false;
    if (negative_at(c, r) >= SPEECH_MIN) return true;
    /* "said Y was responsible for the killings", "Y bore responsibility for them" */
    if (blames(c, r)) return true;
    int bo = strcmp(upos(c, r), "VERB") ? -1 : child_in(c, r, P->l_obj, -1);
    if (bo >= 0 && blames(c, bo)) return true;
    /* "one of the most violent militias": a part is judged as what it is
     * a part of (and an instance, "a pattern of Iranian terror", as what
     * it is one of) */
    if (in_class(P, P->k_part, lem(c, r)) || in_class(P, P->k_instance, lem(c, r))) {
        int of = child_in(c, r, P->l_nmod, -1);
        if (of >= 0 && case_is(c, of, "of") && judges(c, of)) return true;
    }
    if (funds_bad(c, r)) return true;
    /* "said al-Shabaab was behind the attack": an attack laid at its subject's door */
    if (case_is(c, r, "behind") && attack_cue(c, r, POS_EVENT)) return true;
    /* "said it was alarmed by the strikes": dismay at an act (judged_subject) */
    if (in_class(P, P->k_dismay, lem(c, r)) && dismay_cause(c, r) >= 0) return true;
    /* "said the strikes had killed civilians": violence a speaker reports
     * against those a war must spare is an accusation of its authors */
    if (attack_cue(c, r, POS_VERB)) {
        int o = child_in(c, r, P->l_obj, -1), sp = child_in(c, r, P->l_nsubjpass, -1);
        if ((o >= 0 && victim(c, o)) || (sp >= 0 && victim(c, sp))) return true;
    }
    /* "said soldiers had tortured detainees", "executed 20 men": abuse of
     * people a speaker reports is an accusation of its authors */
    if (in_class(P, P->k_abuse, lem(c, r)) && !strcmp(upos(c, r), "VERB")) {
        int o = child_in(c, r, P->l_obj, -1);
        if (o >= 0 && (victim(c, o) || in_class(P, P->k_human, lem(c, o)))) return true;
    }
    /* "Rwanda is looting our wealth", "they plundered the town": taking by
     * force a speaker reports is an accusation of who took (@PLUNDER) */
    if (in_class(P, P->k_plunder, lem(c, r)) && !strcmp(upos(c, r), "VERB")) return true;
    /* "detained 40 herders without charge", "killed without trial": an act
     * done without the law's process (@WITHOUT_PROCESS) */
    if (!strcmp(upos(c, r), "VERB"))
        for (int j = c->first[r]; j < c->first[r + 1]; j++) {
            int d = c->kids[j];
            if (lab(c, d) == P->l_obl && case_is(c, d, "without") && in_class(P, P->k_process, lem(c, d))) return true;
        }
    /* "'This was a deliberate strike on children,' X said" */
    if (attack_cue(c, r, POS_EVENT))
        for (int j = c->first[r]; j < c->first[r + 1]; j++) {
            int d = c->kids[j];
            /* ("documented the killing of 12 civilians by soldiers") */
            if (lab(c, d) == P->l_nmod && (case_is(c, d, "on") || case_is(c, d, "against") || case_is(c, d, "of")) &&
                victim(c, d))
                return true;
        }
    for (int j = c->first[r]; j < c->first[r + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        if (negated(c, d)) continue;
        if ((l == P->l_conj || l == P->l_amod || l == P->l_advmod) && negative_at(c, d) >= SPEECH_MIN) return true;
        /* ("a terrorist group": only the strongest labels as a noun
         * modifier; "a crime scene", "a genocide site" judge no one) */
        if (l == P->l_compound && d < r && negative_at(c, d) >= LABEL_MIN) return true;
        /* "the strikes risked undermining the truce", "threaten to wreck it" */
        if (l == P->l_xcomp && !strcmp(upos(c, r), "VERB") && !strcmp(upos(c, d), "VERB") &&
            negative_at(c, d) >= SPEECH_MIN)
            return true;
        /* "used social media to incite one community": a deed's purpose */
        if (l == P->l_advcl && !strcmp(upos(c, r), "VERB") && !strcmp(upos(c, d), "VERB") && d > r &&
            child_in(c, d, P->l_mark, -1) >= 0 && !strcmp(lem(c, child_in(c, d, P->l_mark, -1)), "to") &&
            negative_at(c, d) >= SPEECH_MIN)
            return true;
        /* "an act of aggression", "a move of provocation": the act is what its complement names;
         * "the principal sponsor of terrorism": a doer's role in a strong wrong */
        if (l == P->l_nmod && case_is(c, d, "of") &&
            ((in_class(P, P->k_act, lem(c, r)) && negative_at(c, d) >= SPEECH_MIN) ||
             (role_word(c, r) && negative_at(c, d) >= 3)))
            return true;
        /* "Russia is using aircraft to shield the fleet, an unacceptable
         * violation": a judging noun appended to the clause after a comma */
        if ((l == P->l_appos || l == P->l_parataxis) && d > r && !strcmp(upos(c, r), "VERB") &&
            !strcmp(upos(c, d), "NOUN") && comma_before(c, d) && !attack_cue(c, d, POS_EVENT)) {
            if (negative_at(c, d) >= SPEECH_MIN) return true;
            /* (its adjective only on an act noun: "a reckless move", not "a
             * dangerous journey") */
            for (int k = c->first[d]; k < c->first[d + 1] && in_class(P, P->k_act, lem(c, d)); k++) {
                int e = c->kids[k];
                if (lab(c, e) == P->l_amod && e < d && !negated(c, e) && negative_at(c, e) >= SPEECH_MIN) return true;
            }
        }
        /* "amounts to a war crime", "is tantamount to aggression" */
        if ((l == P->l_obl || l == P->l_nmod) && in_class(P, P->k_equate, lem(c, r)) && case_is(c, d, "to") &&
            negative_at(c, d) >= SPEECH_MIN)
            return true;
        /* (not a verb against its object: "condemns terrorism", "fights corruption") */
        if (l == P->l_obj && !strcmp(upos(c, r), "VERB") && !opposes(c, r)) {
            if (negative_at(c, d) >= SPEECH_MIN) return true;
            /* "committing a grave crime", "waging a war of aggression"; "used
             * social media to incite" (the purpose read as the object's) */
            for (int k = c->first[d]; k < c->first[d + 1]; k++) {
                int e = c->kids[k];
                if ((lab(c, e) == P->l_amod || lab(c, e) == P->l_nmod) && !negated(c, e) &&
                    negative_at(c, e) >= SPEECH_MIN)
                    return true;
                int mk = lab(c, e) == P->l_acl && !strcmp(upos(c, e), "VERB") ? child_in(c, e, P->l_mark, -1) : -1;
                if (mk >= 0 && !strcmp(lem(c, mk), "to") && !negated(c, e) && negative_at(c, e) >= SPEECH_MIN) return true;
            }
        }
    }
    return false;
}

/* "X banned Y. Z denounced the move": a definite act noun (@ACT) with no
 * owner of its own is the deed of the sentence before, its first doer's. */
static void act_doer(const ctx *c, int w, int *ents, int *ws, int *n)
{
    const nb_patterns *P = c->P;
    if (!c->recall || ent_at(c, w) >= 0 || strcmp(upos(c, w), "NOUN") || !in_class(P, P->k_act, lem(c, w))) return;
    /* (an accusation is the accuser's, whom the deed memory must name: the
     * sentence before may be anyone's) */
    if (in_class(P, P->k_accusation, lem(c, w))) return;
    int det = child_in(c, w, P->l_det, -1);
    if (det < 0 || (strcmp(lem(c, det), "the") && strcmp(lem(c, det), "this") && strcmp(lem(c, det), "that"))) return;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int l = lab(c, c->kids[j]);
        if (l == P->l_poss || l == P->l_nmod || l == P->l_acl || l == P->l_relcl || l == P->l_compound) return;
    }
    int got[MAX_HITS], k = c->recall(c->ud, NB_RECALL_DEED, "", got, MAX_HITS);
    for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
}

/* The verb forms of accusing, which state what any accusation noun names
 * ("accusing him of X. Y dismissed the allegations"). */
static const char ACCUSING[] = "accuse,accused,accuses,accusing,allege,alleged,alleges,alleging,"
                               "charge,charged,charges,charging,blame,blamed,blames,blaming,";

/* Does text w name its source: "the report of the panel", "the findings
 * by investigators", "criticism from rights groups" ("as cheap politics"
 * is what it is called)? */
static bool authored_by(const ctx *c, int w)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if (lab(c, d) == c->P->l_nmod &&
            (case_is(c, d, "of") || case_is(c, d, "by") || case_is(c, d, "from") || case_is(c, d, "in")))
            return true;
    }
    return false;
}

/* Is text w itself what is judged: the object of a verb of condemning or
 * of calling it something ("rejected the criticism", "called the report
 * biased"), or a judged subject ("said the report was biased")? Not the
 * cause of dismay ("concerned by the reports" of fighting). */
static bool text_judged(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    int v = head(c, w);
    if (v < 0) return false;
    /* ("said the report was biased": a predicate that denies its truth) */
    if (lab(c, w) == P->l_nsubj) return in_class(P, P->k_discredit, lem(c, v));
    if (lab(c, w) != P->l_obj || strcmp(upos(c, v), "VERB") || in_class(P, P->k_dismay, lem(c, v))) return false;
    /* ("called the findings a fabrication", not "shocking") */
    int x = child_in(c, v, P->l_xcomp, -1);
    if (x >= 0) return in_class(P, P->k_discredit, lem(c, x));
    return has_cue(P, lem(c, v), NB_REL_CONDEMNS, POS_VERB);
}

/* The verb forms whose doer, in the latest sentence that judges, is the
 * author of a criticism no one issued ("X said the trial was flawed. Y
 * rejected the criticism"). */
static const char SPEAKING[] = "criticised,criticized,criticises,criticizes,accused,accuses,alleged,alleges,"
                               "condemned,condemns,denounced,denounces,blamed,blames,said,says";
/* (the deed memory gives a text's issuing the form NB_ISSUED_TEXT ":" and
 * the text's noun: "published a report", "@issued:report") */

/* Is lemma l a demonstrative ("this", "these", ...)? */
static bool demonstrative(const char *l)
{
    return !strcmp(l, "this") || !strcmp(l, "that") || !strcmp(l, "these") || !strcmp(l, "those");
}

/* The subject of verb v (-1 for none) in got[0], and in got[1] the state
 * its own words name ("China's foreign ministry spokesperson Mao Ning"), or
 * -1: who judges, for its side (the pipeline's judge_side). */
static void judge_of(const ctx *c, int v, int *got)
{
    int sb[MAX_HITS], nsb = v >= 0 ? subjects(c, v, sb, MAX_HITS) : 0;
    got[0] = nsb > 0 ? ent_at(c, sb[0]) : -1;
    got[1] = -1;
    for (int x = 0; nsb > 0 && x < sb[0] && got[1] < 0; x++) {
        int e = ent_at(c, x), up = x;
        for (int d = 0; d < 4 && up >= 0 && up != sb[0]; d++) up = head(c, up);
        if (up == sb[0] && e >= 0 && e != got[0]) got[1] = e;
    }
}

/* The actors a judged word stands for: named, or the authors of the attack
 * it names ("said the strikes were unacceptable"). */
static void judged(const ctx *c, int w, int *ents, int *ws, int *n)
{
    const nb_patterns *P0 = c->P;
    int before = *n;
    /* "a step that X condemned": the relative pronoun is the act it
     * stands for */
    if (in_class(P0, P0->k_relpron, lem(c, w)) && head(c, w) >= 0 && lab(c, head(c, w)) == P0->l_relcl &&
        head(c, head(c, w)) >= 0 && in_class(P0, P0->k_act, lem(c, head(c, head(c, w)))))
        w = head(c, head(c, w));
    /* "the use of aerial bombardment": what is used is judged */
    int of = in_class(c->P, c->P->k_transparent, lem(c, w)) ? child_in(c, w, c->P->l_nmod, -1) : -1;
    if (of >= 0 && case_is(c, of, "of") && ent_at(c, w) < 0) {
        /* ("the use of force by Kenyan police", "the Nigerian army's use of
         * force": the user is judged) */
        for (int j = c->first[w]; j < c->first[w + 1]; j++) {
            int d = c->kids[j], l = lab(c, d);
            if (l == P0->l_nmod && case_is(c, d, "by")) denote(c, d, ents, ws, n, 0, true);
            if (l == P0->l_poss && d < w) denote(c, d, ents, ws, n, 0, true);
        }
        if (*n > before) return;
        w = of;
    }
    /* "condemned what he called a cowardly massacre": the act named */
    bool called = false;
    if (!strcmp(lem(c, w), "what") && !strcmp(upos(c, w), "PRON")) {
        int v = child_in(c, w, P0->l_relcl, -1);
        int named = v >= 0 ? child_in(c, v, P0->l_xcomp, -1) : -1;
        if (v >= 0 && named < 0) named = child_in(c, v, P0->l_obj, -1);
        if (named > w) {
            w = named;
            called = true;
        }
    }
    /* "What Russia is doing is genocide": a free relative judged is its
     * clause's doer */
    if (!strcmp(lem(c, w), "what") && !strcmp(upos(c, w), "PRON")) {
        int v = child_in(c, w, P0->l_relcl, -1);
        if (v >= 0 && child_in(c, v, P0->l_obj, -1) < 0) {
            int sb[MAX_HITS], nsb = subjects(c, v, sb, MAX_HITS);
            for (int i = 0; i < nsb; i++) denote(c, sb[i], ents, ws, n, 0, true);
            if (*n > before) return;
        }
    }
    denote(c, w, ents, ws, n, 0, true);
    if (*n == before) event_agents(c, w, ents, ws, n);
    if (*n == before && !agents_named(c, w)) recalled_agents(c, w, ents, ws, n);
    if (*n > before) return;
    /* "condemned what he called a flagrant violation of Lebanese
     * sovereignty": a wrong named so, with no author, is the article's
     * attack (the sovereignty's owner is its victim) */
    if (called && c->recall && negative_at(c, w) >= SPEECH_MIN && !strcmp(upos(c, w), "NOUN")) {
        int got[MAX_HITS], k = c->recall(c->ud, NB_RECALL_ATTACK, "attack", got, MAX_HITS);
        for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
        if (*n > before) return;
    }
    /* "the Serbian blockade", "Iran's decision": the owner of the act (a
     * private body's demonym is only its nationality: "a Cambodian
     * business conglomerate", @PRIVATE) */
    const nb_patterns *P = c->P;
    bool nationality = in_class(P, P->k_private, lem(c, w));
    /* (a state's own bank or broadcaster is the state's: "the Russian
     * central bank", "the Iranian state broadcaster") */
    for (int j = c->first[w]; j < c->first[w + 1] && nationality; j++) {
        const char *ml = lem(c, c->kids[j]);
        if (!strcmp(ml, "central") || !strcmp(ml, "state") || !strcmp(ml, "state-run") ||
            !strcmp(ml, "state-owned") || !strcmp(ml, "national"))
            nationality = false;
    }
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        if (l == P->l_poss || ((l == P->l_amod || l == P->l_compound) && !nationality))
            push_ent(ent_at(c, d), d, ents, ws, n);
        /* ("the U.S. arms sale": the owner one compound further) */
        if (l == P->l_compound && ent_at(c, d) < 0)
            for (int k = c->first[d]; k < c->first[d + 1]; k++) {
                int e = c->kids[k], le = lab(c, e);
                if (le == P->l_poss || le == P->l_amod || le == P->l_compound) push_ent(ent_at(c, e), e, ents, ws, n);
            }
    }
    /* "the sanctions by the EU", "the sanctions imposed by the EU": the
     * act's author */
    /* (not an act merely turned down: "rejected the deal signed by X",
     * "rejected suggestions by lawmakers"; nor the judgment itself: "moves
     * criticized by the EU") */
    int gv = head(c, w);
    bool refused = gv >= 0 && in_class(P, P->k_oppose, lem(c, gv));
    for (int j = c->first[w]; j < c->first[w + 1] && *n == before && !refused; j++) {
        int d = c->kids[j], l = lab(c, d);
        if (l == P->l_nmod && (case_is(c, d, "by") || (case_is(c, d, "of") && of_is_doer(c, w))))
            denote(c, d, ents, ws, n, 0, true);
        /* (a verb that is a cue only with words it lacks here counts:
         * "impose" is one only in "impose sanctions on") */
        if (l == P->l_acl && d > w && !strcmp(upos(c, d), "VERB") && !has_cue(P, lem(c, d), -1, POS_VERB) &&
            !in_class(P, P->k_say, lem(c, d)))
            for (int k = c->first[d]; k < c->first[d + 1]; k++) {
                int e = c->kids[k];
                if (lab(c, e) == P->l_agent || (lab(c, e) == P->l_obl && case_is(c, e, "by")))
                    denote(c, e, ents, ws, n, 0, true);
            }
    }
    if (*n > before) return;
    /* "Y annexed the regions, a step X called illegal": an act noun in
     * apposition to a clause (or to its object) is the clause's subject's */
    /* (the parser hangs such a noun after a comma as appos, parataxis or a
     * conjunct with no "and": "..., a move X called illegal", "..., moves
     * criticised by X") */
    int wl = lab(c, w);
    bool appended = wl == P->l_appos || wl == P->l_parataxis ||
                    (wl == P->l_nmod && head(c, w) >= 0 && !strcmp(upos(c, head(c, w)), "PUNCT")) ||
                    (wl == P->l_conj && child_in(c, w, P->l_cc, -1) < 0 && w > 0 && lem(c, w - 1)[0] == ',') ||
                    (wl == P->l_obl && child_in(c, w, P->l_case, -1) < 0 && comma_before(c, w));
    int cl = appended && in_class(P, P->k_act, lem(c, w)) && ent_at(c, w) < 0 ? head(c, w) : -1;
    /* (a noun the parser hung from the final full stop belongs to its root) */
    if (cl >= 0 && !strcmp(upos(c, cl), "PUNCT")) cl = head(c, cl);
    /* (or to a noun inside the clause's object: "banned the use of the
     * dinar, moves criticised by X") */
    /* (or an oblique's: "closed the crossings on Friday, a step X condemned") */
    for (int up = 0; up < 3 && cl >= 0 && strcmp(upos(c, cl), "VERB") &&
                     (lab(c, cl) == P->l_obj || lab(c, cl) == P->l_nmod || lab(c, cl) == P->l_obl);
         up++)
        cl = head(c, cl);
    if (*n == before && cl >= 0 && !strcmp(upos(c, cl), "VERB")) {
        /* ("X was accused by Y of ..., an allegation X dismissed": the
         * passive clause's doer is its agent) */
        int ag = child_in(c, cl, P->l_agent, -1);
        if (ag >= 0 && child_in(c, cl, P->l_nsubjpass, -1) >= 0) {
            denote(c, ag, ents, ws, n, 0, true);
        } else {
            int sb[MAX_HITS], nsb = subjects(c, cl, sb, MAX_HITS);
            for (int i = 0; i < nsb; i++) denote(c, sb[i], ents, ws, n, 0, true);
        }
    }
    /* "'This was a cowardly act,' the minister said": a demonstrative that
     * names no one is the article's attack */
    const char *l = lem(c, w);
    /* ("'These are not fighters, these are killers,' X said": the plural too) */
    if (*n == before && c->recall && ent_at(c, w) < 0 && demonstrative(l) &&
        (!strcmp(upos(c, w), "PRON") || !strcmp(upos(c, w), "DET"))) {
        int got[MAX_HITS], k = c->recall(c->ud, NB_RECALL_ATTACK, "attack", got, MAX_HITS);
        for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
    }
    /* "Chile expelled 135 prisoners. Peru said the expulsions were illegal":
     * a definite act noun with no doer of its own is the act an earlier
     * sentence stated, done by whoever it named doing it (attacks have
     * their own memory, which knows the struck from the strikers) */
    size_t dv = 0;
    bool deverbal = nb_map_get(&c->P->deverbal, l, &dv), accusation = in_class(c->P, c->P->k_accusation, l);
    int det = child_in(c, w, c->P->l_det, -1);
    /* (its determiner: "the", "this", "these" point back; "that" and
     * "those" too, for the acts below that allow them) */
    const char *dl = det >= 0 ? lem(c, det) : "";
    bool near = !strcmp(dl, "the") || !strcmp(dl, "this") || !strcmp(dl, "these");
    bool unowned = c->recall && ent_at(c, w) < 0 && !strcmp(upos(c, w), "NOUN") && !agents_named(c, w);
    /* "HRW called the trial flawed. The ministry rejected the criticism": a
     * text with no author of its own is its issuer's, else the rejecter's
     * latest critic's, else the latest judging speaker's, never the
     * rejecter's side (NB_RECALL_AUTHOR; before the deed memory, whose
     * "report" may be anyone's) */
    if (*n == before && unowned && near && in_class(c->P, c->P->k_authored, l) &&
        child_in(c, w, c->P->l_poss, -1) < 0 && !authored_by(c, w) && text_judged(c, w)) {
        int got[MAX_HITS], k = 0, v = head(c, w);
        while (v >= 0 && strcmp(upos(c, v), "VERB") && k++ < 2) v = head(c, v);
        judge_of(c, v, got);
        /* (its own verb's doer first, "published a report", then its
         * critics': "own forms|other forms") */
        /* (a statement is what someone said; the noun's own verb forms, not
         * the noun itself: "the report", "read the report" issue nothing) */
        bool said = !strcmp(l, "statement");
        char forms[sizeof SPEAKING + 480];
        size_t fl = (size_t)snprintf(forms, sizeof forms, "%s:%.24s%s", NB_ISSUED_TEXT, l, said ? ",said,says,told" : "");
        size_t ln = strlen(l);
        for (const char *p = deverbal ? c->P->dv_forms[dv] : ""; *p && fl + 40 < sizeof forms - sizeof SPEAKING;) {
            const char *e = strchr(p, ',');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            bool noun = (n == ln && !strncmp(p, l, n)) || (n == ln + 1 && !strncmp(p, l, ln) && p[ln] == 's');
            if (!noun && n < 32) fl += (size_t)snprintf(forms + fl, sizeof forms - fl, ",%.*s", (int)n, p);
            p += n + (e != NULL);
        }
        snprintf(forms + fl, sizeof forms - fl, "|%s", SPEAKING);
        k = c->recall(c->ud, NB_RECALL_AUTHOR, forms, got, MAX_HITS);
        for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
    }
    if (*n == before && unowned && (near || demonstrative(dl)) && !attack_cue(c, w, POS_EVENT) &&
        (!condemn_noun(c->P, l) || accusation) && (deverbal || accusation)) {
        /* (an accusation too: "Y rejected the accusations" condemns the accuser) */
        const char *forms = deverbal ? c->P->dv_forms[dv] : "";
        /* ("X arrested Y, accusing him of Z. Y dismissed the allegations":
         * any verb of accusing states an accusation, whatever its noun) */
        char any[sizeof ACCUSING + 384];
        if (accusation && strlen(forms) < sizeof any - sizeof ACCUSING) {
            snprintf(any, sizeof any, "%s%s", ACCUSING, forms);
            forms = any;
        }
        int got[MAX_HITS], k = c->recall(c->ud, NB_RECALL_DEED, forms, got, MAX_HITS);
        for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
    }
    if (*n == before) act_doer(c, w, ents, ws, n);
    /* "Rights groups criticised the trial": an act of police or courts whose
     * doer no sentence named is the state's the article is about */
    if (*n == before && unowned && (near || !strcmp(dl, "those")) && in_class(c->P, c->P->k_state_process, l)) {
        /* (the judge is given, as for a text's author: no state's own
         * minister or envoy judges its arrests so, "Foreign Minister X called
         * the arrests propaganda" is about another state's) */
        int got[MAX_HITS], k = 0, v = head(c, w);
        while (v >= 0 && strcmp(upos(c, v), "VERB") && k++ < 2) v = head(c, v);
        judge_of(c, v, got);
        k = c->recall(c->ud, NB_RECALL_HOME, NULL, got, MAX_HITS);
        for (int i = 0; i < k; i++) push_ent(got[i], w, ents, ws, n);
    }
}

/* Is speech verb v the attribution after its quote ("'...,' X said"),
 * attached to the quote's head as parataxis, or as conj after a quote mark? */
static bool attribution(const ctx *c, int v)
{
    const nb_patterns *P = c->P;
    int h = head(c, v);
    if (h < 0 || h > v) return false;
    if (lab(c, v) == P->l_parataxis) return true;
    /* after the closing quote mark the parser may hang the verb as a
     * conjunct or, misled, as a clause modifying the quote's head */
    int l = lab(c, v);
    if (l != P->l_conj && l != P->l_relcl && l != P->l_acl && l != P->l_advcl) return false;
    for (int x = h + 1; x < v; x++) {
        const nb_uword *w = &c->s->w[x];
        if ((w->len == 1 && w->form[0] == '"') || (w->len == 3 && !memcmp(w->form, "\xe2\x80\x9d", 3))) return true;
    }
    return false;
}

/* The speaker of speech verb v: its subject; after a quote with none, the
 * noun between the closing quote mark and v that the parser hung elsewhere
 * ("'...,' the minister X wrote" read with X as the quote's nmod). */
/* Is v an -ing adverbial of a clause that a speech verb reports ("Y said
 * X fired shells, calling it a provocation")? Then v is the speaker's. */
static bool reported_act(const ctx *c, int v)
{
    int h = head(c, v);
    if (lab(c, v) != c->P->l_advcl || strcmp(xpos(c, v), "VBG") || h < 0 || lab(c, h) != c->P->l_ccomp) return false;
    int g = head(c, h);
    return g >= 0 && in_class(c->P, c->P->k_say, lem(c, g)) && !strcmp(upos(c, g), "VERB");
}

static int speaker_words(const ctx *c, int v, int *out, int max)
{
    if (reported_act(c, v)) return subjects(c, head(c, head(c, v)), out, max);
    int n = subjects(c, v, out, max);
    if (n || !attribution(c, v)) return n;
    int q = v - 1;
    while (q > 0 && !(c->s->w[q].len == 1 && c->s->w[q].form[0] == '"') &&
           !(c->s->w[q].len == 3 && !memcmp(c->s->w[q].form, "\xe2\x80\x9d", 3)))
        q--;
    for (int x = q + 1; x < v; x++) {
        int h = head(c, x);
        if ((h <= q || h >= v) && h != v && (!strcmp(upos(c, x), "NOUN") || !strcmp(upos(c, x), "PROPN"))) {
            out[0] = x;
            return 1;
        }
    }
    return 0;
}

/* Marks the first-person words of w's subtree as the speaker's ("'I
 * command the RSF,' Dagalo said"; "our forces"). */
/* ("'We targeted the carrier,' Houthi spokesman Yahya Saree said": a plural
 * first person is the body the speaker speaks for, group) */
static void first_persons(ctx *c, int w, int speaker, int group, int depth)
{
    if (depth > 40) return;
    const char *l = lem(c, w);
    bool plural = !strcmp(l, "we") || !strcmp(l, "our") || !strcmp(l, "us");
    /* ("'The gang attacked our officers,' the police chief said": "our" of
     * a person whose body is unknown is no one's, not the person's; group
     * -2 says so) */
    if (c->ent_of[w] == -1 && !strcmp(upos(c, w), "PRON") &&
        (!strcmp(l, "i") || !strcmp(l, "my") || !strcmp(l, "me") || plural) && !(!strcmp(l, "our") && group == -2))
        c->ent_of[w] = plural && group >= 0 ? group : speaker;
    for (int j = c->first[w]; j < c->first[w + 1]; j++) first_persons(c, c->kids[j], speaker, group, depth + 1);
}

/* Speaker identification (the first sieve of Lee et al. 2013): a speech
 * verb's one named subject owns the first persons of what it reports. */
static void speakers(ctx *c, int v)
{
    const nb_patterns *P = c->P;
    int subj[MAX_HITS], ns = speaker_words(c, v, subj, MAX_HITS);
    int se[MAX_HITS], sew[MAX_HITS], nse = 0;
    for (int i = 0; i < ns; i++) denote(c, subj[i], se, sew, &nse, 0, true);
    if (nse != 1) return;
    /* (a person's organisation: NB_RECALL_OWNER, for a spokesman the body he speaks for) */
    int group[1] = {se[0]}, body[1] = {se[0]};
    if (!c->recall || !c->recall(c->ud, NB_RECALL_OWNER, NULL, group, 1))
        group[0] = c->recall && !c->recall(c->ud, NB_RECALL_BODY, NULL, body, 1) ? -2 : -1;
    for (int j = c->first[v]; j < c->first[v + 1]; j++) {
        int d = c->kids[j];
        if (lab(c, d) == P->l_ccomp || lab(c, d) == P->l_parataxis) first_persons(c, d, se[0], group[0], 0);
    }
    int h = head(c, v);
    if (attribution(c, v)) {
        /* the quote is the head: all of it but the attribution */
        for (int j = c->first[h]; j < c->first[h + 1]; j++)
            if (c->kids[j] != v) first_persons(c, c->kids[j], se[0], group[0], 0);
        if (c->ent_of[h] == -1) first_persons(c, h, se[0], group[0], 40);
    }
}

/* Is the speech act itself negated, modal or asked? After a quote ("'...
 * will not go unanswered,' X said") the verb hangs from the quote, whose
 * negation is the content's, not the speaker's. */
static bool speech_blocked(const ctx *c, int v)
{
    const nb_patterns *P = c->P;
    if (!attribution(c, v)) return blocked(c, v);
    return c->question || negated(c, v) || child_in(c, v, P->l_aux, P->k_modal) >= 0;
}

/* The word a reported predicate p judges: its subject, or the agent of a
 * passive whose subject is a victim ("civilians were killed by its jets"). */
static int judged_subject(const ctx *c, int p)
{
    const nb_patterns *P = c->P;
    if (in_class(P, P->k_dismay, lem(c, p)) && dismay_cause(c, p) >= 0) return dismay_cause(c, p);
    int sb = child_in(c, p, P->l_nsubj, -1);
    if (sb >= 0) return sb;
    /* "Y was to blame for ...": the subject of a clausal predicate */
    if (P->l_nsubj_outer >= 0 && (sb = child_in(c, p, P->l_nsubj_outer, -1)) >= 0) return sb;
    sb = child_in(c, p, P->l_nsubjpass, -1);
    int ag = child_in(c, p, P->l_agent, -1);
    if (sb >= 0 && ag >= 0 && victim(c, sb) && attack_cue(c, p, POS_VERB)) return ag;
    /* "these criminals are financed, armed and sheltered by X": the funder
     * (the agent on the verb or on its last conjunct) */
    if (sb >= 0 && funds_bad(c, p)) {
        if (ag >= 0) return ag;
        /* (a funding verb's: not "... and were defeated by Y") */
        for (int j = c->first[p]; j < c->first[p + 1]; j++)
            if (lab(c, c->kids[j]) == P->l_conj && has_cue(P, lem(c, c->kids[j]), NB_REL_FUNDS, POS_VERB) &&
                (ag = child_in(c, c->kids[j], P->l_agent, -1)) >= 0)
                return ag;
    }
    return sb;
}

/* Speaker condemns the actor a reported judgment is about: "X said the
 * strikes were unacceptable", "'... a crime,' X said", "X called the raid
 * a violation", "X described Y as reckless". */
/* "these cowardly acts", "this heinous crime", "such barbaric attacks" in
 * what a speaker says: a demonstrative act judged in its own words means
 * the article's attack, whatever the clause around it asserts (the
 * judgment is attributive: "this heinous crime will not go unpunished").
 * Returns the word, searched down the clause of r, or -1. */
static int judged_demonstrative(const ctx *c, int r, int depth)
{
    const nb_patterns *P = c->P;
    if (r < 0 || depth > 5) return -1;
    if (!strcmp(upos(c, r), "NOUN") && ent_at(c, r) < 0) {
        int det = child_in(c, r, P->l_det, -1);
        const char *dl = det >= 0 ? lem(c, det) : "";
        bool demo = !strcmp(dl, "this") || !strcmp(dl, "these") || !strcmp(dl, "such");
        if (!demo)
            for (int j = c->first[r]; j < c->first[r + 1] && !demo; j++)
                demo = lab(c, c->kids[j]) == P->l_amod && !strcmp(lem(c, c->kids[j]), "such");
        /* ("these attacks" alone reports; "these cowardly attacks" judges) */
        bool bad = negative_at(c, r) >= SPEECH_MIN && !attack_cue(c, r, POS_EVENT);
        for (int j = c->first[r]; j < c->first[r + 1] && !bad; j++)
            bad = lab(c, c->kids[j]) == P->l_amod && negative_at(c, c->kids[j]) >= SPEECH_MIN;
        if (demo && bad) return r;
    }
    for (int j = c->first[r]; j < c->first[r + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        /* not into what another speaker says, nor a condition */
        if (((l == P->l_ccomp || l == P->l_parataxis) && in_class(P, P->k_say, lem(c, r))) ||
            child_in(c, d, P->l_mark, P->k_cond) >= 0)
            continue;
        int got = judged_demonstrative(c, d, depth + 1);
        if (got >= 0) return got;
    }
    return -1;
}

static void attributed_doers(const ctx *c, int p, int *ents, int *ws, int *n, int depth);
/* Does judgment w name whose wrong it is or whom it harmed: an actor in
 * its phrase, a doer after "by", or an owner after "of" ("a failure of the
 * international community"; "a violation of our sovereignty" names only
 * the speaker's own)? */
static bool names_own_parties(const ctx *c, int w)
{
    const nb_patterns *P = c->P;
    /* (in its nominal dependents: not the attribution hung from it, "...
     * violation,' X said") */
    for (int x = 0; x < (int)c->s->n; x++) {
        int up = x, below = x;
        for (int d = 0; d < 6 && up >= 0 && up != w; d++) {
            below = up;
            up = head(c, up);
        }
        int l = lab(c, below);
        if (up == w && x != w && ent_at(c, x) >= 0 && strcmp(upos(c, x), "PRON") &&
            (l == P->l_nmod || l == P->l_amod || l == P->l_compound || l == P->l_poss || l == P->l_appos))
            return true;
    }
    /* ("a violation of international law" names the law broken, not whose
     * the wrong is) */
    static const char *const BREACH[] = {"violation", "breach", "attack", "assault", "affront", "insult",
                                         "abuse", "contravention", "infringement", NULL};
    bool breach = false;
    for (int b = 0; BREACH[b] && !breach; b++) breach = !strcmp(lem(c, w), BREACH[b]);
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if (lab(c, d) != P->l_nmod || d < w) continue;
        if (case_is(c, d, "by")) return true;
        if (case_is(c, d, "of") && !breach) {
            int ps = child_in(c, d, P->l_poss, -1);
            if (ps < 0 || (strcmp(lem(c, ps), "we") && strcmp(lem(c, ps), "our") && strcmp(lem(c, ps), "I") &&
                           strcmp(lem(c, ps), "my")))
                return true;
        }
    }
    return false;
}

static bool owned_by(const ctx *c, int w, int e, int sw);

/* Has w an "as" phrase ("described the killing as unverified")? */
static bool has_as(const ctx *c, int w)
{
    for (int j = c->first[w]; j < c->first[w + 1]; j++) {
        int d = c->kids[j];
        if ((lab(c, d) == c->P->l_obl || lab(c, d) == c->P->l_nmod || lab(c, d) == c->P->l_advcl) && case_is(c, d, "as"))
            return true;
    }
    return false;
}

static void speech(const ctx *c, int v, nb_tree_rel **out, size_t *n_out, size_t *cap, size_t from)
{
    const nb_patterns *P = c->P;
    int subj[MAX_HITS], ns = speaker_words(c, v, subj, MAX_HITS);
    int se[MAX_HITS], sew[MAX_HITS], nse = 0;
    for (int i = 0; i < ns; i++) denote(c, subj[i], se, sew, &nse, 0, true);
    if (!nse) return;
    /* (evaluated word, predicate) pairs */
    int ew[8], pr[8], np = 0;
    int ob = child_in(c, v, P->l_obj, -1);
    /* "a move X described as illegal": a relative clause's object is the
     * noun it modifies */
    int gap = ob;
    bool rel = (lab(c, v) == P->l_relcl || lab(c, v) == P->l_acl) && head(c, v) >= 0 && head(c, v) < v;
    if (gap < 0 && rel) gap = head(c, v);
    /* "X condemned the strike, calling it a violation": "it" is the
     * object of the clause the -ing adverbial hangs from */
    if (gap >= 0 && gap == ob && !strcmp(lem(c, ob), "it") && lab(c, v) == P->l_advcl && head(c, v) >= 0) {
        int o = child_in(c, head(c, v), P->l_obj, -1);
        /* ("Y said X fired shells, calling it a provocation": the act
         * reported, whose doer is judged) */
        int k = child_in(c, head(c, v), P->l_ccomp, -1), h = head(c, v);
        if (reported_act(c, v) && judged_subject(c, h) >= 0) gap = judged_subject(c, h);
        /* ("said (in a statement) that its patrol had been fired on by
         * Israeli troops, calling it a violation": a passive act's doer is
         * its agent) */
        int act = reported_act(c, v) ? h : k;
        for (int j = c->first[h]; j < c->first[h + 1] && act < 0; j++) {
            int d = c->kids[j];
            if (lab(c, d) == P->l_obl && in_class(P, P->k_utterance, lem(c, d))) act = child_in(c, d, P->l_acl, -1);
        }
        if (act >= 0 && child_in(c, act, P->l_nsubjpass, -1) >= 0 && attack_cue(c, act, POS_VERB)) {
            int ag = child_in(c, act, P->l_agent, -1);
            for (int j = c->first[act]; j < c->first[act + 1] && ag < 0; j++)
                if (lab(c, c->kids[j]) == P->l_obl && case_is(c, c->kids[j], "by")) ag = c->kids[j];
            if (ag >= 0) gap = ag;
        }
        else if (o >= 0 && o < v && !strcmp(upos(c, o), "NOUN")) gap = o;
        else if (o < 0 && k >= 0 && k < v && judged_subject(c, k) >= 0) gap = judged_subject(c, k);
    }
    /* "a move X called a violation": a relative clause whose one object is
     * no relative pronoun and that has no other predicate gaps its head */
    if (ob >= 0 && rel && !in_class(P, P->k_relpron, lem(c, ob)) && child_in(c, v, P->l_xcomp, -1) < 0 &&
        ent_at(c, ob) < 0)
        gap = head(c, v);
    for (int j = c->first[v]; j < c->first[v + 1] && np < 8; j++) {
        int d = c->kids[j], l = lab(c, d);
        /* "said in a statement that drones had attacked a school": the
         * statement's content clause is what was said */
        if (l == P->l_obl && in_class(P, P->k_utterance, lem(c, d)))
            for (int k = c->first[d]; k < c->first[d + 1] && np < 8; k++) {
                int a = c->kids[k];
                int mk = lab(c, a) == P->l_acl ? child_in(c, a, P->l_mark, -1) : -1;
                int js = mk >= 0 && !strcmp(lem(c, mk), "that") ? judged_subject(c, a) : -1;
                if (js >= 0) {
                    ew[np] = js;
                    pr[np++] = a;
                }
            }
        /* "said A and that B": a second content clause, conjoined to the
         * first, or misread as the speech verb's own conjunct */
        int mk = l == P->l_conj && d > v ? child_in(c, d, P->l_mark, -1) : -1;
        bool second = mk >= 0 && !strcmp(lem(c, mk), "that");
        if (l == P->l_ccomp || l == P->l_parataxis || second) {
            int sb = judged_subject(c, d);
            /* "said the government's response had been inadequate" parsed
             * with the clause's subject as the verb's object */
            if (sb < 0 && ob >= 0 && ob < d && !second) sb = ob;
            /* "a decision X said was unlawful": the relative clause's gap */
            if (sb < 0 && rel && gap >= 0 && l == P->l_ccomp) sb = gap;
            if (sb >= 0) { ew[np] = sb; pr[np++] = d; }
            for (int k = c->first[d]; l == P->l_ccomp && k < c->first[d + 1] && np < 8; k++) {
                int e = c->kids[k], sb2 = lab(c, e) == P->l_conj ? judged_subject(c, e) : -1;
                if (sb2 >= 0 && sb2 != sb) { ew[np] = sb2; pr[np++] = e; }
            }
        } else if ((l == P->l_xcomp || (l == P->l_obj && ob >= 0 && d > ob && d != ob)) && gap >= 0) {
            /* "called the raid a crime" (its predicate also read as a second object) */
            ew[np] = gap; pr[np++] = d;
        } else if (l == P->l_obj && ob == d && gap == ob && attack_cue(c, d, POS_EVENT) && judges(c, d) &&
                   child_in(c, v, P->l_xcomp, -1) < 0 && !has_as(c, v) && !has_as(c, d)) {
            /* "documented the killing of civilians by soldiers": a reported
             * attack on those a war must spare, whose doer is judged */
            ew[np] = d; pr[np++] = d;
        } else if (l == P->l_obj && ob == d && gap != ob && gap >= 0) {
            /* "a move X called a violation": in a relative clause on the
             * judged noun, the object read is the predicate */
            ew[np] = gap; pr[np++] = d;
        } else if (l == P->l_obl && gap >= 0 &&
                   (case_is(c, d, "as") || (d > 0 && head(c, d - 1) == d && !strcmp(lem(c, d - 1), "as")))) {
            /* ("as" read as an adverb of the adjective: "described as reckless") */
            /* "described the move as reckless" */
            ew[np] = gap; pr[np++] = d;
        }
    }
    /* (the same with "as reckless" hung from the object) */
    for (int j = ob >= 0 ? c->first[ob] : 0; ob >= 0 && j < c->first[ob + 1] && np < 8; j++)
        if (lab(c, c->kids[j]) == P->l_nmod && case_is(c, c->kids[j], "as")) { ew[np] = ob; pr[np++] = c->kids[j]; }
    /* "'... a crime,' the minister said": the quote is the head */
    int h = head(c, v);
    /* "'... null and void,' Khawaja Asif, X's minister, said" parsed with
     * the speaker as the root: the quote is the speaker's clausal child */
    if (ns == 1 && h == subj[0] && child_in(c, h, P->l_ccomp, -1) >= 0 && child_in(c, h, P->l_ccomp, -1) < h)
        h = child_in(c, h, P->l_ccomp, -1);
    if (attribution(c, v) && np < 8) {
        int sb = judged_subject(c, h);
        if (sb >= 0) { ew[np] = sb; pr[np++] = h; }
    }
    /* "'Those who think they can cow Kenya through these cowardly acts will
     * be disappointed,' X said": the authors of the article's attack */
    for (int k = 0; k < np && c->recall; k++) {
        int dw = judged_demonstrative(c, pr[k], 0);
        if (dw < 0) continue;
        int got[MAX_HITS], kk = c->recall(c->ud, NB_RECALL_ATTACK, "attack", got, MAX_HITS);
        for (int i = 0; i < nse; i++)
            for (int t = 0; t < kk; t++)
                emit(out, n_out, cap, from, se[i], got[t], NB_REL_CONDEMNS, "tree:speech", NULL, dw, sew[i], dw);
    }
    /* "'Russia is using aircraft to shield its fleet. This is an
     * unacceptable violation,' X said": "this", judged, is what the
     * sentence before did, whose opening actor did it */
    for (int k = 0; k < np && c->recall; k++) {
        int sb = child_in(c, pr[k], P->l_nsubj, -1);
        if (sb < 0 || sb > pr[k] || strcmp(upos(c, sb), "PRON") || c->s->w[sb].len != 4 ||
            (strncasecmp(c->s->w[sb].form, "this", 4) && strncasecmp(c->s->w[sb].form, "that", 4)) ||
            negated(c, pr[k]) || !judges(c, pr[k]) || names_own_parties(c, pr[k]))
            continue;
        /* (never the speaker's own side: the opener is asked for with the
         * speaker and the state its words name, judge_of) */
        for (int i = 0; i < nse; i++) {
            int got[2];
            judge_of(c, v, got);
            got[0] = se[i];
            int kk = c->recall(c->ud, NB_RECALL_OPENER, NULL, got, 2);
            for (int t = 0; t < kk; t++)
                if (got[t] != se[i] && !owned_by(c, sb, se[i], sew[i]))
                    emit(out, n_out, cap, from, se[i], got[t], NB_REL_CONDEMNS, "tree:speech", NULL, pr[k], sew[i], sb);
        }
    }
    for (int k = 0; k < np; k++) {
        int ad[MAX_HITS], adw[MAX_HITS], nad = 0;
        attributed_doers(c, pr[k], ad, adw, &nad, 0);
        for (int i = 0; i < nse; i++)
            for (int t = 0; t < nad; t++)
                if (ad[t] != se[i] && !owned_by(c, adw[t], se[i], sew[i]))
                    emit(out, n_out, cap, from, se[i], ad[t], NB_REL_CONDEMNS, "tree:speech", NULL, pr[k], sew[i], adw[t]);
        if (nad) continue;
        if (!judges(c, pr[k])) {
            /* "India's reckless aggression will not go unanswered": the
             * judgment is in the subject itself, whatever the predicate */
            /* (not "if there was a U.S. aggression": a condition, an existential) */
            if (child_in(c, pr[k], P->l_mark, P->k_cond) >= 0 || child_in(c, pr[k], P->l_expl, -1) >= 0) continue;
            bool bad = negative_at(c, ew[k]) >= SPEECH_MIN && !strcmp(upos(c, ew[k]), "NOUN");
            for (int j = c->first[ew[k]]; j < c->first[ew[k] + 1] && !bad; j++)
                if (lab(c, c->kids[j]) == P->l_amod && negative_at(c, c->kids[j]) >= SPEECH_MIN) bad = true;
            if (!bad) continue;
            int de[MAX_HITS], dew[MAX_HITS], nde = 0;
            for (int j = c->first[ew[k]]; j < c->first[ew[k] + 1]; j++) {
                int d = c->kids[j], l = lab(c, d);
                if (l == P->l_poss || l == P->l_amod || l == P->l_compound) push_ent(ent_at(c, d), d, de, dew, &nde);
            }
            for (int i = 0; i < nse; i++)
                for (int t = 0; t < nde; t++)
                    emit(out, n_out, cap, from, se[i], de[t], NB_REL_CONDEMNS, "tree:speech", NULL, ew[k], sew[i], dew[t]);
            continue;
        }
        int de[MAX_HITS], dew[MAX_HITS], nde = 0;
        /* "called it an act of pure terrorism": "it" named as an act is the
         * article's attack, not the organisation the pronoun would mean */
        if (!strcmp(lem(c, ew[k]), "it") && c->recall &&
            (in_class(P, P->k_act, lem(c, pr[k])) || attack_cue(c, pr[k], POS_EVENT))) {
            int got[MAX_HITS], kk = c->recall(c->ud, NB_RECALL_ATTACK, "attack", got, MAX_HITS);
            for (int i = 0; i < kk; i++) push_ent(got[i], ew[k], de, dew, &nde);
        } else {
            judged(c, ew[k], de, dew, &nde);
        }
        /* "'This decision is null and void,' X said of India's move", "...
         * X said after Y dismissed the army chief": what the speech is
         * about, or answers, names the judged actor */
        /* (the "after" clause also read as the judgment's: "said the decision
         * was illegal after Iran closed the border") */
        for (int pass = 0; pass < 2 && !nde; pass++) {
            int x = pass ? pr[k] : v;
            for (int j = c->first[x]; j < c->first[x + 1] && !nde; j++) {
                int d = c->kids[j];
                if (!pass && lab(c, d) == P->l_obl &&
                    (case_is(c, d, "of") || case_is(c, d, "about") || case_is(c, d, "after")))
                    judged(c, d, de, dew, &nde);
                int mk = lab(c, d) == P->l_advcl ? child_in(c, d, P->l_mark, -1) : -1;
                if (mk >= 0 && !strcmp(lem(c, mk), "after")) {
                    int sb[MAX_HITS], nsb = subjects(c, d, sb, MAX_HITS);
                    for (int i = 0; i < nsb; i++) denote(c, sb[i], de, dew, &nde, 0, true);
                }
            }
        }
        /* "said the strike was a war crime committed by Y": the doer the
         * judgment itself names */
        /* (or with "by" on the judgment: "described the arrests as an act
         * of revenge by Y") */
        for (int j = c->first[pr[k]]; j < c->first[pr[k] + 1] && !nde; j++) {
            int a = c->kids[j];
            if ((lab(c, a) == P->l_nmod || lab(c, a) == P->l_agent) && case_is(c, a, "by") && a > pr[k])
                denote(c, a, de, dew, &nde, 0, true);
        }
        for (int j = c->first[pr[k]]; j < c->first[pr[k] + 1] && !nde; j++) {
            int a = c->kids[j];
            if (lab(c, a) != P->l_acl || !in_class(P, P->k_perpetrate, lem(c, a))) continue;
            for (int q = c->first[a]; q < c->first[a + 1]; q++) {
                int g = c->kids[q];
                if (lab(c, g) == P->l_agent || (lab(c, g) == P->l_obl && case_is(c, g, "by")))
                    denote(c, g, de, dew, &nde, 0, true);
            }
        }
        /* "said the attack was Iranian terrorism", "... part of a pattern of
         * Russian aggression": the owner a judging noun names, down a few
         * "of" phrases */
        /* (not a possessor ranked by the judgment, the victim: "Britain's
         * worst atrocity"; nor the speaker's own side) */
        for (int x = pr[k], depth = 0; x >= 0 && depth < 4 && !nde; depth++) {
            bool ranked = false;
            for (int j = c->first[x]; j < c->first[x + 1]; j++)
                ranked |= lab(c, c->kids[j]) == P->l_amod && !strcmp(xpos(c, c->kids[j]), "JJS");
            if (!strcmp(upos(c, x), "NOUN") && negative_at(c, x) >= SPEECH_MIN)
                for (int j = c->first[x]; j < c->first[x + 1]; j++) {
                    int d = c->kids[j], l = lab(c, d), e = ent_at(c, d);
                    if (d > x || !(l == P->l_amod || l == P->l_poss || l == P->l_compound) || e < 0 ||
                        (l == P->l_poss && ranked))
                        continue;
                    bool own = false;
                    for (int i = 0; i < nse && !own; i++) {
                        int o[1] = {se[i]};
                        own = e == se[i] || owned_by(c, d, se[i], sew[i]) ||
                              (c->recall && c->recall(c->ud, NB_RECALL_OWNER, NULL, o, 1) && o[0] == e);
                    }
                    if (!own) push_ent(e, d, de, dew, &nde);
                }
            int nx = -1;
            for (int j = c->first[x]; j < c->first[x + 1] && nx < 0; j++)
                if (lab(c, c->kids[j]) == P->l_nmod && case_is(c, c->kids[j], "of")) nx = c->kids[j];
            x = nx;
        }
        for (int i = 0; i < nse; i++)
            for (int t = 0; t < nde; t++)
                emit(out, n_out, cap, from, se[i], de[t], NB_REL_CONDEMNS, "tree:speech", NULL, pr[k], sew[i], dew[t]);
    }
}

/* Is word w owned by the speaker: entity e, or an actor named in the
 * speaker's phrase at word sw ("the group's Fateh Squad" said by "X, a
 * spokesman for the BLA"; "our fighters")? A claim of one's own, no blame. */
static bool owned_by(const ctx *c, int w, int e, int sw)
{
    for (int up = 0; up < 3 && w >= 0; up++, w = head(c, w))
        for (int j = c->first[w]; j < c->first[w + 1]; j++) {
            int d = c->kids[j];
            if (lab(c, d) != c->P->l_poss) continue;
            int pe = ent_at(c, d);
            if (pe == e || !strcmp(lem(c, d), "we") || !strcmp(lem(c, d), "our")) return true;
            /* ("the group's": the group the statement speaks for, unresolved) */
            if (pe < 0 && in_class(c->P, c->P->k_named_kind, lem(c, d))) return true;
            for (int x = 0; x < (int)c->s->n && pe >= 0 && sw >= 0; x++) {
                if (ent_at(c, x) != pe) continue;
                int y = x;
                for (int k = 0; k < 8 && y >= 0 && y != sw; k++) y = head(c, y);
                if (y == sw) return true;
            }
        }
    return false;
}

/* Who a reported clause p says did an attack ("the assault had been
 * carried out by the ADF", "the gunmen belonged to Los Chapitos"): naming
 * the authors of a harm is blaming them. */
static void attributed_doers(const ctx *c, int p, int *ents, int *ws, int *n, int depth)
{
    const nb_patterns *P = c->P;
    if (p < 0 || negated(c, p) || child_in(c, p, P->l_aux, P->k_modal) >= 0 || child_in(c, p, P->l_mark, P->k_cond) >= 0)
        return;
    int sp = child_in(c, p, P->l_nsubjpass, -1), sa = child_in(c, p, P->l_nsubj, -1);
    /* ("the operation was ordered by the army chief": a force's own word
     * for its act, no blame: @OWN_OP) */
    if (sp >= 0 &&
        (in_class(P, P->k_perpetrate, lem(c, p)) || in_class(P, P->k_instigate, lem(c, p)) ||
         (in_class(P, P->k_instigate_crime, lem(c, p)) && in_class(P, P->k_crime, lem(c, sp)))) &&
        !in_class(P, P->k_own_op, lem(c, sp)) &&
        (attack_cue(c, sp, POS_EVENT) || in_class(P, P->k_harm, lem(c, sp)))) {
        for (int j = c->first[p]; j < c->first[p + 1]; j++)
            if (lab(c, c->kids[j]) == P->l_agent || (lab(c, c->kids[j]) == P->l_obl && case_is(c, c->kids[j], "by")))
                denote(c, c->kids[j], ents, ws, n, 0, true);
    } else if (sa >= 0 && child_in(c, p, P->l_obj, -1) >= 0 &&
               ((in_class(P, P->k_instigate, lem(c, p)) &&
                 (in_class(P, P->k_wrong, lem(c, child_in(c, p, P->l_obj, -1))) ||
                  attack_cue(c, child_in(c, p, P->l_obj, -1), POS_EVENT))) ||
                (in_class(P, P->k_instigate_crime, lem(c, p)) && in_class(P, P->k_crime, lem(c, child_in(c, p, P->l_obj, -1)))))) {
        /* "said X had orchestrated the ambush", "said Y financed the plot" */
        denote(c, sa, ents, ws, n, 0, true);
    } else if (sa >= 0 && !strcmp(lem(c, p), "bear") && (attack_cue(c, sa, POS_EVENT) || in_class(P, P->k_harm, lem(c, sa)))) {
        /* "said the attack bore all the hallmarks of the rebel coalition" */
        int o = child_in(c, p, P->l_obj, -1);
        int of = o >= 0 && in_class(P, P->k_hallmark, lem(c, o)) ? child_in(c, o, P->l_nmod, -1) : -1;
        if (of >= 0 && case_is(c, of, "of")) denote(c, of, ents, ws, n, 0, true);
    } else if (sa >= 0 && !strcmp(lem(c, p), "belong") && in_class(P, P->k_assailant, lem(c, sa))) {
        for (int j = c->first[p]; j < c->first[p + 1]; j++)
            if (lab(c, c->kids[j]) == P->l_obl && case_is(c, c->kids[j], "to")) denote(c, c->kids[j], ents, ws, n, 0, true);
    } else if (in_class(P, P->k_say, lem(c, p)) || in_class(P, P->k_believe, lem(c, p))) {
        /* ("said investigators believed the gunmen belonged to X") */
        int q = child_in(c, p, P->l_ccomp, -1);
        if (q >= 0 && depth < 3) attributed_doers(c, q, ents, ws, n, depth + 1);
    }
}

/* Adds e to the distinct entities seen; true once there are two. */
static bool another(int e, int *e0)
{
    if (e < 0 || e == *e0) return false;
    if (*e0 < 0) {
        *e0 = e;
        return false;
    }
    return true;
}

/* Word i's lemma, or the verb cue whose regular inflection its form is
 * when the lemmatizer misread it ("blamed" lemmatized "blam"). */
const char *nb_patterns_lemma(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, size_t i)
{
    const char *l = nb_sent_lemma(s, i);
    size_t hv, ci;
    char fb[96];
    if (m->xpos[s->w[i].tag][0] == 'V' && s->w[i].len < sizeof fb && !nb_map_get(&P->by_lemma, l, &hv)) {
        for (size_t k = 0; k < s->w[i].len; k++) fb[k] = nb_lower(s->w[i].form[k]);
        fb[s->w[i].len] = '\0';
        if (nb_map_get(&P->verb_forms, fb, &ci)) l = P->cues[ci].lemma;
    }
    return l;
}

bool nb_patterns_need_parse(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                            nb_recall_fn recall, void *ud)
{
    bool say = false, judge = false, cued = false, two = false, act = false, attack = false, accused = false,
         process = false, authored = false;
    int e0 = -1, n_deed = 0;
    size_t deed[8];
    char lc[96];
    for (size_t i = 0; i < s->n; i++) {
        int t = s->w[i].tag;
        /* emit() wants two entities: the words' own, or those the
         * article's memory gives an attack word or "this"/"that" */
        if (another(ent_of[i] >= -1 ? ent_of[i] : -2 - ent_of[i], &e0)) two = true;
        /* the flags only ever turn true (recall reads, never writes): once
         * they say yes, the words left cannot say no */
        if (two && (cued || (say && judge))) return true;
        const char *l = nb_patterns_lemma(P, m, s, i);
        size_t n = strlen(l), hv, v;
        if (n >= sizeof lc) return true; /* not looked up here: parse, to be safe */
        for (size_t k = 0; k <= n; k++) lc[k] = nb_lower(l[k]);
        const char *recalled = NULL;
        if (ent_of[i] == -1 && demonstrative(lc) &&
            (!strcmp(m->upos[t], "PRON") || !strcmp(m->upos[t], "DET")))
            recalled = "attack";
        /* run_cue: a cue lemma in a fitting part of speech */
        if (nb_map_get(&P->by_lemma, lc, &hv)) {
            judge = true; /* an attack cue may be what a speaker judges */
            for (int qi = (int)hv; qi >= 0; qi = P->cues[qi].next) {
                const cue *q = &P->cues[qi];
                if (q->pos == POS_SAY || !cue_fits(m, t, q)) continue;
                cued = true;
                if (q->rel == NB_REL_ATTACKED && q->pos == POS_EVENT) recalled = lc;
                /* ("the attackers belonged to X": the attack told before) */
                if (q->rel == NB_REL_ATTACKED && q->pos == POS_ROLE && !recalled && in_class(P, P->k_assailant, lc))
                    recalled = "attack";
                if (q->rel == NB_REL_ATTACKED && q->pos != POS_ROLE) attack = true;
            }
        }
        if (recalled && recall && !two) {
            int got[MAX_HITS], k = recall(ud, NB_RECALL_ATTACK, recalled, got, MAX_HITS);
            for (int j = 0; j < k; j++)
                if (another(got[j], &e0)) two = true;
            /* ("This is unacceptable": what the sentence before's opener did) */
            got[0] = got[1] = -1;
            if (!two && !strcmp(m->upos[t], "PRON") && (k = recall(ud, NB_RECALL_OPENER, NULL, got, 1)) > 0 &&
                another(got[0], &e0))
                two = true;
        }
        /* an act noun an earlier sentence stated with its doer (judged):
         * asked last, only if nothing else is missing */
        size_t dv;
        if (recall && !recalled && n_deed < 8 && ent_of[i] == -1 && !strcmp(m->upos[t], "NOUN") &&
            nb_map_get(&P->deverbal, lc, &dv))
            deed[n_deed++] = dv;
        /* (or a generic act noun, the deed of the sentence before: act_doer) */
        if (recall && !recalled && ent_of[i] == -1 && !strcmp(m->upos[t], "NOUN") && in_class(P, P->k_act, lc))
            act = true;
        /* (or an accusation, any verb of accusing's: judged) */
        if (recall && !recalled && ent_of[i] == -1 && !strcmp(m->upos[t], "NOUN") && in_class(P, P->k_accusation, lc))
            accused = true;
        /* (or a text, the latest speaker's: judged) */
        if (recall && !recalled && ent_of[i] == -1 && !strcmp(m->upos[t], "NOUN") && in_class(P, P->k_authored, lc))
            authored = true;
        /* (or an act of police or courts, the home state's: judged) */
        if (recall && !recalled && ent_of[i] == -1 && !strcmp(m->upos[t], "NOUN") &&
            in_class(P, P->k_state_process, lc))
            process = true;
        /* speech: a speech verb, and a word that judges (judges(), the
         * judged subject's negative_at) */
        /* (a flag already set is not looked up again) */
        if (!say && !strcmp(m->upos[t], "VERB") && in_class(P, P->k_say, lc)) say = true;
        if (!judge && ((P->have_negative && (nb_map_get(&P->negative, lc, &v) ||
                                             ((!strcmp(m->upos[t], "ADJ") || !strcmp(m->upos[t], "VERB")) &&
                                              ing_negative(P, s->w[i].form, s->w[i].len, &v))) &&
                        v >= SPEECH_MIN) ||
                       in_class(P, P->k_dismay, lc) || in_class(P, P->k_blame, lc) || in_class(P, P->k_assailant, lc) ||
                       in_class(P, P->k_abuse, lc) || in_class(P, P->k_process, lc) || in_class(P, P->k_plunder, lc)))
            judge = true;
    }
    if (!two && (cued || (say && judge)))
        for (int d = 0; d < n_deed && !two; d++) {
            int got[MAX_HITS], k = recall(ud, NB_RECALL_DEED, P->dv_forms[deed[d]], got, MAX_HITS);
            for (int j = 0; j < k; j++)
                if (another(got[j], &e0)) two = true;
        }
    if (!two && accused && (cued || (say && judge))) {
        int got[MAX_HITS], k = recall(ud, NB_RECALL_DEED, ACCUSING, got, MAX_HITS);
        for (int j = 0; j < k; j++)
            if (another(got[j], &e0)) two = true;
    }
    if (!two && act && (cued || (say && judge))) {
        int got[MAX_HITS], k = recall(ud, NB_RECALL_DEED, "", got, MAX_HITS);
        for (int j = 0; j < k; j++)
            if (another(got[j], &e0)) two = true;
    }
    if (!two && authored && (cued || (say && judge))) {
        /* (whose text it is depends on the rejecter, which the tree names:
         * parse) */
        two = true;
    }
    if (!two && process && (cued || (say && judge))) {
        int got[MAX_HITS] = {-1, -1}, k = recall(ud, NB_RECALL_HOME, NULL, got, MAX_HITS);
        for (int j = 0; j < k; j++)
            if (another(got[j], &e0)) two = true;
    }
    /* (an attack by one actor on none: parsed for its authors, whom a later
     * "condemned the killings" means: "Fighters from X swept through three
     * villages, killing 30 people") */
    if (!two && attack && e0 >= 0 && recall) return true;
    return two && (cued || (say && judge));
}

/* Is attack verb v given a reason, "for" or "over" with a possessive or
 * an -ing verb ("attacked France for its interference", "for backing X")? */
/* Is a force, weapon or site (@ARMS) verb v's subject or object? */
static bool armed_act(const ctx *c, int v)
{
    int sb[MAX_HITS], ns = subjects(c, v, sb, MAX_HITS), ob = child_in(c, v, c->P->l_obj, -1);
    for (int i = 0; i < ns; i++)
        if (in_class(c->P, c->P->k_arms, lem(c, sb[i]))) return true;
    return ob >= 0 && in_class(c->P, c->P->k_arms, lem(c, ob));
}

static bool verbal_reason(const ctx *c, int v)
{
    const nb_patterns *P = c->P;
    if (strcmp(lem(c, v), "attack") && strcmp(lem(c, v), "assail")) return false;
    for (int j = c->first[v]; j < c->first[v + 1]; j++) {
        int d = c->kids[j], l = lab(c, d);
        if (l == P->l_obl && (case_is(c, d, "for") || case_is(c, d, "over")) && child_in(c, d, P->l_poss, -1) >= 0)
            return true;
        if (l == P->l_advcl && !strcmp(xpos(c, d), "VBG") &&
            (child_in(c, d, P->l_mark, -1) >= 0 && !strcmp(lem(c, child_in(c, d, P->l_mark, -1)), "for")))
            return true;
        /* "attacked Israel in a speech", "verbally attacked", "attacked X,
         * calling him a war criminal": words */
        /* ("in their post": a military post, not words) */
        if (l == P->l_obl && case_is(c, d, "in") && in_class(P, P->k_utterance, lem(c, d)) &&
            child_in(c, d, P->l_poss, -1) < 0)
            return true;
        if (l == P->l_advmod && (!strcmp(lem(c, d), "verbally") || !strcmp(lem(c, d), "publicly"))) return true;
        /* ("Israeli forces attacked Hamas, calling the group ...": arms
         * still, by forces) */
        if (l == P->l_advcl && !strcmp(xpos(c, d), "VBG") && !armed_act(c, v) &&
            (!strcmp(lem(c, d), "call") || !strcmp(lem(c, d), "describe") || !strcmp(lem(c, d), "accuse") ||
             !strcmp(lem(c, d), "brand")))
            return true;
    }
    return false;
}

/* For a verb that is both an attack cue and a condemnation cue ("blast",
 * "savage"): 2 when a force, weapon or site (@ARMS) is its subject or object
 * ("jets blasted Hezbollah positions": arms), 1 otherwise ("Trump blasted
 * China": words), 0 for any other verb. */
static int two_senses(const ctx *c, int v)
{
    if (!has_cue(c->P, lem(c, v), NB_REL_ATTACKED, POS_VERB) || !has_cue(c->P, lem(c, v), NB_REL_CONDEMNS, POS_VERB))
        return 0;
    return armed_act(c, v) ? 2 : 1;
}

/* "According to the UN, the RSF has killed thousands of civilians": the
 * source after "according to" speaks the clause it hangs on, and judges its
 * subject as a speaker would. */
static void according_speech(const ctx *c, nb_tree_rel **out, size_t *n_out, size_t *cap, size_t from)
{
    const nb_patterns *P = c->P;
    if (c->question) return;
    for (int x = 0; x < (int)c->s->n; x++) {
        if (lab(c, x) != P->l_obl || !case_is(c, x, "accord")) continue;
        int pr = head(c, x);
        if (pr < 0 || !judges(c, pr)) continue;
        int se[MAX_HITS], sew[MAX_HITS], nse = 0;
        denote(c, x, se, sew, &nse, 0, true);
        int sb = judged_subject(c, pr);
        if (!nse || sb < 0) continue;
        int de[MAX_HITS], dew[MAX_HITS], nde = 0;
        judged(c, sb, de, dew, &nde);
        for (int i = 0; i < nse; i++)
            for (int t = 0; t < nde; t++)
                emit(out, n_out, cap, from, se[i], de[t], NB_REL_CONDEMNS, "tree:speech", NULL, pr, sew[i], dew[t]);
    }
}

/* The matching context over parsed sentence s (n > 0 words); ctx_free
 * releases what it allocates. */
static ctx ctx_make(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of, nb_recall_fn recall,
                    void *ud)
{
    size_t n = s->n;
    ctx c = {P, m, s, nb_malloc(n * sizeof(int)), recall, ud, NULL, nb_malloc(n * sizeof(size_t)),
             nb_malloc(n * sizeof(int)), nb_calloc(n + 2, sizeof(int)), false, -1};
    memcpy(c.ent_of, ent_of, n * sizeof(int));
    size_t total = 0;
    /* a verb whose lemma is no cue but whose form is a cue's regular
     * inflection ("blamed" lemmatized "blam") takes the cue's lemma */
    const char **lp = nb_malloc(n * sizeof *lp);
    for (size_t i = 0; i < n; i++) {
        const char *l = nb_patterns_lemma(P, m, s, i);
        lp[i] = l;
        total += strlen(l) + 1;
    }
    c.lc = nb_malloc(total);
    total = 0;
    for (size_t i = 0; i < n; i++) {
        const char *l = lp[i];
        c.lc_at[i] = total;
        for (size_t k = 0; l[k]; k++) c.lc[total++] = nb_lower(l[k]);
        c.lc[total++] = '\0';
    }
    free(lp);
    /* children in CSR form, in word order */
    for (size_t i = 0; i < n; i++)
        if (s->w[i].head > 0) c.first[s->w[i].head]++;
    for (size_t i = 1; i <= n + 1; i++) c.first[i] += c.first[i - 1];
    int *fill = nb_calloc(n + 1, sizeof(int));
    for (size_t i = 0; i < n; i++) {
        int h = s->w[i].head - 1;
        if (h >= 0) c.kids[c.first[h] + fill[h]++] = (int)i;
    }
    free(fill);
    for (size_t i = n; i-- > 0;) {
        if (s->w[i].label == P->l_punct) {
            if (s->w[i].len == 1 && s->w[i].form[0] == '?') c.question = true;
            continue;
        }
        break;
    }
    return c;
}

static void ctx_free(ctx *c)
{
    free(c->kids);
    free(c->first);
    free(c->ent_of);
    free(c->lc);
    free(c->lc_at);
}

size_t nb_patterns_find(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                        nb_recall_fn recall, void *ud, nb_tree_rel **out, size_t *n_out, size_t *cap)
{
    size_t n = s->n, from = *n_out;
    if (n == 0) return *n_out;
    ctx c = ctx_make(P, m, s, ent_of, recall, ud);
    /* (the part of speech first: it rules out most words without a lookup) */
    for (size_t v = 0; v < n; v++)
        if (!strcmp(upos(&c, (int)v), "VERB") && in_class(P, P->k_say, lem(&c, (int)v))) speakers(&c, (int)v);
    according_speech(&c, out, n_out, cap, from);
    for (size_t v = 0; v < n; v++) {
        size_t hv;
        if (!strcmp(upos(&c, (int)v), "VERB") && in_class(P, P->k_say, lem(&c, (int)v)) && !speech_blocked(&c, (int)v))
            speech(&c, (int)v, out, n_out, cap, from);
        if (!nb_map_get(&P->by_lemma, lem(&c, (int)v), &hv)) continue;
        for (int qi = (int)hv; qi >= 0; qi = P->cues[qi].next) {
            const cue *q = &P->cues[qi];
            if (q->pos == POS_SAY || !cue_fits(c.m, c.s->w[v].tag, q) || !extras_ok(&c, (int)v, q)) continue;
            if (blocked(&c, (int)v)) break;
            /* "attacked France for its interference": words, not arms (the
             * surface rules read it as condemnation) */
            if (q->rel == NB_REL_ATTACKED && q->pos == POS_VERB && verbal_reason(&c, (int)v)) {
                int sb[MAX_HITS], se[MAX_HITS], sew[MAX_HITS], nse = 0, de[MAX_HITS], dew[MAX_HITS], nde = 0;
                int nsb = subjects(&c, (int)v, sb, MAX_HITS), ob = child_in(&c, (int)v, P->l_obj, -1);
                for (int i = 0; i < nsb; i++) denote(&c, sb[i], se, sew, &nse, 0, true);
                if (ob >= 0) judged(&c, ob, de, dew, &nde);
                for (int i = 0; i < nse; i++)
                    for (int t = 0; t < nde; t++)
                        emit(out, n_out, cap, from, se[i], de[t], NB_REL_CONDEMNS, "tree:verbal-attack", NULL, (int)v, sew[i], dew[t]);
                continue;
            }
            /* "Trump blasted China", "jets blasted Hezbollah positions": one
             * sense of a verb that is both kinds of cue */
            if (q->pos == POS_VERB && (q->rel == NB_REL_ATTACKED || q->rel == NB_REL_CONDEMNS)) {
                int sense = two_senses(&c, (int)v);
                if ((sense == 1 && q->rel == NB_REL_ATTACKED) || (sense == 2 && q->rel == NB_REL_CONDEMNS)) continue;
            }
            c.cur_rel = (int)q->rel;
            run_cue(&c, (int)v, q, out, n_out, cap, from, false, NULL, NULL, NULL);
            c.cur_rel = -1;
        }
    }
    ctx_free(&c);
    return *n_out;
}

size_t nb_patterns_quote_judged(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                                nb_recall_fn recall, void *ud, int *ents, size_t max)
{
    if (s->n == 0) return 0;
    ctx c = ctx_make(P, m, s, ent_of, recall, ud);
    int de[MAX_HITS], dew[MAX_HITS], nde = 0;
    int r = -1;
    for (size_t i = 0; i < s->n && r < 0; i++)
        if (s->w[i].head == 0) r = (int)i;
    bool say = false;
    for (size_t v = 0; v < s->n && !say; v++)
        say = !strcmp(upos(&c, (int)v), "VERB") && in_class(P, P->k_say, lem(&c, (int)v));
    /* (a clause of its own, judging its subject: not a question, nor one
     * that reports another's speech) */
    if (r >= 0 && !say && !c.question && judges(&c, r)) {
        int sb = judged_subject(&c, r);
        /* (a name, not "this" or "it": what a pronoun in a quote means
         * the quote's own words tell, not the article's last attack) */
        if (sb >= 0 && strcmp(upos(&c, sb), "PRON") && strcmp(upos(&c, sb), "DET")) judged(&c, sb, de, dew, &nde);
    }
    ctx_free(&c);
    size_t k = 0;
    for (int i = 0; i < nde && k < max; i++) ents[k++] = de[i];
    return k;
}

size_t nb_patterns_quote_speakers(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                                  nb_recall_fn recall, void *ud, int *ents, size_t max)
{
    if (s->n == 0) return 0;
    ctx c = ctx_make(P, m, s, ent_of, recall, ud);
    int se[MAX_HITS], sew[MAX_HITS], nse = 0;
    for (size_t v = 0; v < s->n && !nse; v++) {
        if (strcmp(upos(&c, (int)v), "VERB") || !in_class(P, P->k_say, lem(&c, (int)v)) || speech_blocked(&c, (int)v))
            continue;
        /* (after the closing quote mark, however the parser hung it) */
        bool after = false;
        for (size_t x = 0; x < v && !after; x++) {
            const nb_uword *w = &s->w[x];
            after = (w->len == 1 && w->form[0] == '"') || (w->len == 3 && !memcmp(w->form, "\xe2\x80\x9d", 3));
        }
        if (!after) continue;
        int subj[MAX_HITS], ns = speaker_words(&c, (int)v, subj, MAX_HITS);
        for (int i = 0; i < ns; i++) denote(&c, subj[i], se, sew, &nse, 0, true);
    }
    ctx_free(&c);
    size_t k = 0;
    for (int i = 0; i < nse && k < max; i++) ents[k++] = se[i];
    return k;
}
