#include "pipeline.h"
#include "repair.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dates.h"
#include "lexicon.h"
#include "relations.h"
#include "split.h"
#include "text.h"
#include "conllu.h"
#include "udtok.h"

void nb_pipeline_init(nb_pipeline *p)
{
    memset(p, 0, sizeof *p);
    nb_dict_init(&p->dict);
    nb_network_init(&p->net);
}

void nb_pipeline_free(nb_pipeline *p)
{
    for (size_t i = 0; i < p->n_sources; i++) free(p->sources[i]);
    free(p->sources);
    nb_map_free(&p->seen);
    nb_dict_free(&p->dict);
    nb_names_free(&p->names);
    nb_network_free(&p->net);
    nb_memo_free(p->memo);
    p->memo = NULL;
}

static void report(nb_pipeline *p, const char *path, const char *reason)
{
    if (p->report) p->report(p->report_ctx, path, reason);
}

/* A name as the network keeps it (model.h): valid UTF-8 without control
 * characters, on one line, single-spaced and trimmed. A name found in the
 * text may span a line break ("C'a\n al-I"); that must not reach a label. */
static char *clean_name(const char *s)
{
    char *t = nb_text_sanitize(s, strlen(s));
    size_t o = 0;
    for (size_t i = 0; t[i]; i++)
        if (t[i] != ' ' || (o > 0 && t[o - 1] != ' ')) t[o++] = t[i];
    while (o > 0 && t[o - 1] == ' ') o--;
    t[o] = '\0';
    return t;
}

char *nb_provenance(const char *relpath)
{
    nb_buf b = {0};
    nb_buf_put(&b, "", 0);
    for (const char *c = relpath; *c; c++) {
        if (strchr("%;@[]|", *c)) nb_buf_printf(&b, "%%%02X", (unsigned char)*c);
        else nb_buf_putc(&b, *c);
    }
    return nb_buf_detach(&b);
}

/* Binary files (images, executables) are skipped: they are not articles. */
static bool looks_binary(const unsigned char *s, size_t n)
{
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) return false;
    if (n >= 4 && (!memcmp(s, "\x7f" "ELF", 4) || !memcmp(s, "\x89PNG", 4) ||
                   !memcmp(s, "%PDF", 4) || !memcmp(s, "GIF8", 4) || !memcmp(s, "PK\x03\x04", 4)))
        return true;
    if (n >= 3 && !memcmp(s, "\xFF\xD8\xFF", 3)) return true;
    size_t m = n < 8192 ? n : 8192, ctl = 0;
    for (size_t i = 0; i < m; i++)
        if (s[i] == 0 || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f'))
            ctl++;
    return m > 0 && ctl * 10 > m; /* over 10% control bytes */
}

/* ---- syntax: the UD analysis of sentences that can hold a relation ---- */

typedef struct {
    nb_sent us;
    nb_word *words;
    size_t wcap;
    nb_buf path;
    int *ent_of;           /* per word: the entity whose mention holds it, or -1 */
    bool ent_ok;           /* ent_of is this sentence's (words_to_entities ran) */
    size_t ent_cap;
    nb_tree_rel *trel;     /* the tree patterns' relations in this sentence */
    size_t n_trel, trel_cap;
    nb_memo *memo;         /* the thread's analyses of sentences seen before, or NULL */
    nb_repair_labels rl;   /* the repairs' labels, looked up for rl_model */
    const nb_nlp *rl_model;
    nb_buf key;            /* this sentence's memo key */
    struct memo_ent *ent;  /* its memo entry, or NULL */
} syn;

static void syn_free(syn *y)
{
    nb_sent_free(&y->us);
    free(y->words);
    nb_buf_free(&y->path);
    free(y->ent_of);
    free(y->trel);
    nb_buf_free(&y->key);
}

/* ---- memo: the analyses of sentences seen before ----
 * News repeats itself (wire copy in many outlets, a site's boilerplate):
 * on the benchmark corpus a third of the sentences tagged are ones tagged
 * before. Tagging, lemmatizing and parsing are pure functions of the
 * sentence's text and of the tags its names fix, so an extraction thread
 * keeps what it computed under those, and copies it back instead of
 * computing it again: the same analysis, the same output. */
#define MEMO_BYTES ((size_t)16 << 20) /* per pipeline (thread); when full it starts over */

typedef struct {
    uint16_t tag, tag1, label; /* tag1: the first tagging pass's, which the parser reads */
    int32_t head;
    uint32_t lemma;
} memo_word;

typedef struct memo_ent {
    uint64_t h;
    char *key;
    size_t klen, n, lemlen;
    bool parsed;
    uint64_t psig;         /* which words the parse read as names (names_sig) */
    memo_word *w;
    char *lemmas;
} memo_ent;

struct nb_memo {
    memo_ent **slot; /* open addressing on h */
    size_t cap, len, bytes;
};

static void memo_clear(nb_memo *m)
{
    for (size_t i = 0; i < m->cap; i++) {
        memo_ent *e = m->slot[i];
        if (!e) continue;
        free(e->key);
        free(e->w);
        free(e->lemmas);
        free(e);
    }
    free(m->slot);
    memset(m, 0, sizeof *m);
}

void nb_memo_free(nb_memo *m)
{
    if (!m) return;
    memo_clear(m);
    free(m);
}

static size_t memo_home(const nb_memo *m, uint64_t h, const char *key, size_t klen)
{
    size_t i = (size_t)h & (m->cap - 1);
    for (memo_ent *e; (e = m->slot[i]) != NULL; i = (i + 1) & (m->cap - 1))
        if (e->h == h && e->klen == klen && !memcmp(e->key, key, klen)) break;
    return i;
}

/* The entry of key, or a new one holding s's tags and lemmas. */
static memo_ent *memo_get(nb_memo *m, const char *key, size_t klen, bool *found)
{
    uint64_t h = nb_hash(key, klen);
    *found = false;
    if (m->cap) {
        memo_ent *e = m->slot[memo_home(m, h, key, klen)];
        if (e) {
            *found = true;
            return e;
        }
    }
    if (m->bytes > MEMO_BYTES) memo_clear(m);
    if ((m->len + 1) * 2 > m->cap) {
        nb_memo old = *m;
        m->cap = old.cap ? old.cap * 2 : 1024;
        m->slot = nb_calloc(m->cap, sizeof *m->slot);
        for (size_t i = 0; i < old.cap; i++)
            if (old.slot[i]) m->slot[memo_home(m, old.slot[i]->h, old.slot[i]->key, old.slot[i]->klen)] = old.slot[i];
        free(old.slot);
    }
    memo_ent *e = nb_calloc(1, sizeof *e);
    e->h = h;
    e->key = nb_malloc(klen ? klen : 1);
    memcpy(e->key, key, klen);
    e->klen = klen;
    m->slot[memo_home(m, h, key, klen)] = e;
    m->len++;
    m->bytes += sizeof *e + klen;
    return e;
}

static void memo_save(nb_memo *m, memo_ent *e, const nb_sent *s)
{
    e->n = s->n;
    e->w = nb_malloc((s->n ? s->n : 1) * sizeof *e->w);
    for (size_t i = 0; i < s->n; i++)
        e->w[i] = (memo_word){s->w[i].tag, s->w[i].jk1, s->w[i].label, s->w[i].head, s->w[i].lemma};
    e->lemlen = s->lemmas.len;
    e->lemmas = nb_malloc(e->lemlen ? e->lemlen : 1);
    if (e->lemlen) memcpy(e->lemmas, s->lemmas.data, e->lemlen);
    m->bytes += s->n * sizeof *e->w + e->lemlen;
}

/* Copies e back into s (its words, in the same text, already added). */
static void memo_load(const memo_ent *e, nb_sent *s, bool parse, int features)
{
    nb_buf_clear(&s->lemmas);
    nb_buf_put(&s->lemmas, e->lemmas, e->lemlen);
    for (size_t i = 0; i < s->n; i++) {
        nb_uword *w = &s->w[i];
        w->tag = e->w[i].tag;
        w->jk1 = e->w[i].tag1;
        w->lemma = e->w[i].lemma;
        /* unparsed, as nb_nlp_analyze leaves a sentence it only tags */
        w->head = parse ? e->w[i].head : -1;
        w->label = parse ? e->w[i].label : 0;
    }
    /* the parser's features read the atoms */
    nb_tag_atoms(s, features);
}

/* The entity entity e was declared another name of, followed to the end. */
static int root_of(const nb_article_actors *aa, int e)
{
    while (aa->ents[e].alias_of >= 0) e = aa->ents[e].alias_of;
    return e;
}

/* The side of a judge given as out[0] (its entity, or -1) and out[1] (a
 * state its words name, or -1); the judge's root in *judge. A person's side
 * is the country their words name ("China's spokesperson X") or the one the
 * article gave them; a minister or head of state the article gave no
 * country holds office in the state it is about ("Foreign Minister X"). */
/* The judge and the state its words name given in out (roots, or -1). */
static void judge_ents(const nb_article_actors *aa, const int *out, int max, int *judge, int *named)
{
    *judge = max > 0 && out[0] >= 0 && (size_t)out[0] < aa->n_ents ? root_of(aa, out[0]) : -1;
    *named = max > 1 && out[1] >= 0 && (size_t)out[1] < aa->n_ents ? root_of(aa, out[1]) : -1;
}

static int judge_side(const nb_article_actors *aa, const int *out, int max, int *judge)
{
    int not, named, side = -1;
    judge_ents(aa, out, max, &not, &named);
    if (named >= 0 && aa->ents[named].kind == NB_KIND_COUNTRY) side = named;
    else if (not >= 0 && aa->ents[not].kind == NB_KIND_PERSON && aa->ents[not].country >= 0)
        side = root_of(aa, aa->ents[not].country);
    else if (not >= 0 && aa->ents[not].kind == NB_KIND_PERSON &&
             (aa->ents[not].roles & (NB_ROLE_MINISTER | NB_ROLE_HEAD_OF_STATE)))
        side = nb_actors_home_state(aa);
    *judge = not;
    return side;
}

static int recall(void *ud, int kind, const char *word, int *out, int max)
{
    if (kind == NB_RECALL_DEED) return nb_relations_recall_deed(ud, word, out, max);
    if (kind == NB_RECALL_AUTHOR) {
        const nb_article_actors *aa = ud;
        int not = -1, side = judge_side(aa, out, max, &not);
        /* word: the text's own forms ("@issued:report", the noun's verb),
         * '|', the forms of criticising: who issued the text, else whoever
         * condemned the rejecter (or its side) lately, else the speaker of
         * the latest sentence that judged */
        const char *bar = strchr(word, '|');
        char own[512];
        size_t ol = bar ? (size_t)(bar - word) : strlen(word);
        if (ol >= sizeof own) ol = sizeof own - 1;
        memcpy(own, word, ol);
        own[ol] = '\0';
        if (nb_relations_recall_author(aa, own, not, side, false, out, max)) return 1;
        size_t ring = aa->n_critics < 8 ? aa->n_critics : 8;
        for (size_t k = 1; k <= ring && not >= 0; k++) {
            const int *cr = aa->critics[(aa->n_critics - k) % 8];
            /* (roots now: a description named since is its name) */
            int c0 = root_of(aa, cr[0]), c1 = root_of(aa, cr[1]);
            if ((c1 == not || (side >= 0 && c1 == side)) && c0 != not && c0 != side) {
                out[0] = c0;
                return 1;
            }
        }
        return bar ? nb_relations_recall_author(aa, bar + 1, not, side, true, out, max) : 0;
    }
    if (kind == NB_RECALL_OWNER) {
        int o = max > 0 ? nb_actors_owner(ud, out[0]) : -1;
        if (o < 0) return 0;
        out[0] = o;
        return 1;
    }
    if (kind == NB_RECALL_GENERIC) {
        const nb_article_actors *aa = ud;
        return max > 0 && out[0] >= 0 && (size_t)out[0] < aa->n_ents && aa->ents[out[0]].kind == NB_KIND_GROUP;
    }
    if (kind == NB_RECALL_STATE || kind == NB_RECALL_BODY) {
        const nb_article_actors *aa = ud;
        if (max <= 0 || out[0] < 0 || (size_t)out[0] >= aa->n_ents) return 0;
        nb_kind k = aa->ents[root_of(aa, out[0])].kind;
        return k == NB_KIND_COUNTRY || (kind == NB_RECALL_BODY && k == NB_KIND_ORG);
    }
    if (kind == NB_RECALL_HOME) {
        const nb_article_actors *aa = ud;
        int h = max > 0 ? nb_actors_home_state(aa) : -1;
        /* (never the judge's own state: the state itself, or one of its
         * office-holders, a minister, head of state, spokesperson or envoy,
         * of the state its words name, else of the one the article gave
         * it, else of the article's own; a domestic critic may judge it) */
        int not, named;
        judge_ents(aa, out, max, &not, &named);
        bool office = not >= 0 && aa->ents[not].kind == NB_KIND_PERSON &&
                      (aa->ents[not].roles & (NB_ROLE_MINISTER | NB_ROLE_HEAD_OF_STATE | NB_ROLE_SPOKES | NB_ROLE_EMBASSY));
        int own = !office                                                 ? -1
                  : named >= 0 && aa->ents[named].kind == NB_KIND_COUNTRY ? named
                  : aa->ents[not].country >= 0                            ? root_of(aa, aa->ents[not].country)
                                                                          : h;
        if (h < 0 || h == not || h == own) return 0;
        out[0] = h;
        return 1;
    }
    if (kind == NB_RECALL_OPENER) {
        /* (out[0], out[1]: the judge and the state its words name; none of
         * its side, nor a person of its state) */
        const nb_article_actors *aa = ud;
        int o = max > 0 ? nb_actors_prev_opener(aa) : -1;
        if (o < 0) return 0;
        o = root_of(aa, o);
        int not = -1, side = max > 1 ? judge_side(aa, out, max, &not) : -1;
        const nb_entity *oe = &aa->ents[o];
        int oc = oe->kind == NB_KIND_PERSON && oe->country >= 0 ? root_of(aa, oe->country) : -1;
        if (o == not || (side >= 0 && (o == side || oc == side))) return 0;
        if (not >= 0 && aa->ents[not].kind == NB_KIND_PERSON && aa->ents[not].org >= 0 && root_of(aa, aa->ents[not].org) == o)
            return 0;
        out[0] = o;
        return 1;
    }
    if (kind == NB_RECALL_KIND) return nb_relations_told_kind(ud, word);
    if (kind == NB_RECALL_STRUCK) return nb_relations_recall_struck(ud, word, out, max);
    if (kind == NB_RECALL_AUTHORS) return nb_relations_recall_authors(ud, word, out, max);
    return nb_relations_recall_attack(ud, word, out, max);
}

/* How a sentence stands to a quotation: QUOTE_STARTS when it opens one at
 * its start, QUOTE_CLOSES when it holds a closing mark ("'Russia is a
 * terrorist state. It must be punished,' X said" splits after "state.": the
 * first sentence only starts the quote). A straight mark cannot tell
 * opening from closing: one that is not at the start counts as closing. */
enum { QUOTE_STARTS = 1, QUOTE_CLOSES = 2 };
static int quote_shape(const char *t, size_t n)
{
    size_t i = 0;
    while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) i++;
    bool opens = (i < n && t[i] == '"') || (i + 3 <= n && !memcmp(t + i, "\xe2\x80\x9c", 3));
    size_t straight = 0;
    bool curly_close = false;
    for (size_t k = i; k < n; k++) {
        if (t[k] == '"') straight++;
        if (k + 3 <= n && !memcmp(t + k, "\xe2\x80\x9d", 3)) curly_close = true;
    }
    bool closes = curly_close || (opens && t[i] == '"' ? straight >= 2 : straight >= 1);
    return (opens ? QUOTE_STARTS : 0) | (closes ? QUOTE_CLOSES : 0);
}

/* One actor and a word that may judge: a quote's first sentence worth
 * parsing for the speaker its last one names. */
static bool quote_candidate(const nb_patterns *P, const nb_item *items, size_t ni)
{
    bool actor = false, judge = false;
    for (size_t i = 0; i < ni; i++) {
        if (items[i].ent >= 0) actor = true;
        else if ((items[i].flags & NB_IT_WORD) && items[i].w &&
                 (nb_patterns_cue_form(P, items[i].w, strlen(items[i].w)) & NB_FORM_NEG))
            judge = true;
    }
    return actor && judge;
}

/* The speaker a closing quote mark is attributed to, read off the words
 * ("...,\" X said", "...,\" said X", "...,\" X told reporters"), or -1: no
 * parse needed for a sentence that is only an attribution. */
static int attributed_to(const nb_item *items, size_t ni)
{
    static const char *const SAID[] = {"said", "says", "told", "added", "wrote", "stated", "insisted", NULL};
    size_t q = ni;
    for (size_t i = 0; i < ni; i++)
        if ((items[i].flags & NB_IT_PUNCT) && items[i].w &&
            (!strcmp(items[i].w, "\"") || !strcmp(items[i].w, "\xe2\x80\x9d")))
            q = i;
    if (q == ni) return -1;
    size_t k = q + 1;
    if (k < ni && items[k].w && !strcmp(items[k].w, ",")) k++;
    if (k + 1 < ni && items[k].ent >= 0 && !(items[k].flags & NB_IT_MOD) && items[k + 1].w &&
        nb_lex_in(items[k + 1].w, strlen(items[k + 1].w), SAID))
        return items[k].ent;
    if (k + 1 < ni && items[k].w && nb_lex_in(items[k].w, strlen(items[k].w), SAID) && items[k + 1].ent >= 0 &&
        !(items[k + 1].flags & NB_IT_MOD))
        return items[k + 1].ent;
    return -1;
}

/* Worth parsing: two entities and a word that may be a cue, or a speech
 * verb with a word that may judge. The entities are counted first: a
 * sentence without one (most) needs no word looked up, and the lookups
 * stop once the answer is yes. */
static bool tree_candidate(const nb_patterns *P, const nb_item *items, size_t ni, const char *text,
                           const nb_tok *toks)
{
    int e0 = -1;
    bool two = false;
    for (size_t i = 0; i < ni; i++) {
        if (items[i].ent < 0) continue;
        if (e0 < 0) e0 = items[i].ent;
        else if (items[i].ent != e0) two = true;
    }
    if (e0 < 0) return false;
    /* one actor is enough when the article's memory names the other */
    unsigned kinds = 0, enough = two ? NB_FORM_CUE : NB_FORM_ALONE;
    for (size_t i = 0; i < ni; i++) {
        const nb_item *it = &items[i];
        if (it->ent >= 0 && it->t1 > it->t0) {
            /* (an actor's last word counts only as a judging one: "the
             * gunmen belonged to X") */
            const nb_tok *h = &toks[it->t1 - 1];
            /* (all of it when the mention is a description standing for
             * an actor: "identified the attackers as members of X") */
            kinds |= nb_patterns_cue_form(P, text + h->start, h->len) & ((it->flags & NB_IT_PRON) ? ~0u : NB_FORM_NEG);
            /* (and a title the name took in, as a cue: "ASIO Director Mike
             * Burgess") */
            if (it->t1 > it->t0 + 1) {
                const nb_tok *f = &toks[it->t0];
                kinds |= nb_patterns_cue_form(P, text + f->start, f->len) & NB_FORM_CUE;
            }
        }
        if (it->ent >= 0 || !(it->flags & NB_IT_WORD) || !it->w) continue;
        kinds |= nb_patterns_cue_form(P, it->w, strlen(it->w));
        if ((kinds & enough) || (kinds & (NB_FORM_SAY | NB_FORM_NEG)) == (NB_FORM_SAY | NB_FORM_NEG)) return true;
    }
    return false;
}

/* Each parsed word gets the entity of the actor mention that holds it
 * whole; "Iran-backed" as one word stays no one's. */
static void words_to_entities(syn *y, const nb_item *items, size_t ni, const nb_tok *toks)
{
    nb_grow(&y->ent_of, &y->ent_cap, y->us.n + 1, sizeof *y->ent_of);
    y->n_trel = 0;
    y->ent_ok = true;
    for (size_t i = 0; i < y->us.n; i++) y->ent_of[i] = -1;
    for (size_t k = 0; k < ni; k++) {
        const nb_item *it = &items[k];
        /* "Iran-backed" is the surface rules' (the word is not the actor) */
        if (it->ent < 0 || it->t1 <= it->t0 || (it->flags & (NB_IT_BACKED | NB_IT_LED))) continue;
        uint32_t a = toks[it->t0].start, b = toks[it->t1 - 1].start + toks[it->t1 - 1].len;
        for (size_t i = 0; i < y->us.n; i++) {
            const nb_uword *w = &y->us.w[i];
            if (w->start >= a && w->start + w->len <= b && y->ent_of[i] < 0)
                y->ent_of[i] = (it->flags & NB_IT_MOD) ? NB_TREE_ADJ(it->ent) : it->ent;
        }
    }
}

/* Prepositions of news that EWT never or once has ("alongside", "amid",
 * "alias"), which the tagger guesses as adverbs or names: before a word
 * (or a quoted one: 'alias "Pipo"'), they are ADP. */
static void fix_prep_tags(const nb_nlp *m, nb_sent *s)
{
    static const char *const PREP[] = {"alongside", "amid", "amidst", "alias", NULL};
    int t = nb_nlp_tag(m, "ADP", "IN");
    if (t < 0) return;
    for (size_t i = 0; i + 1 < s->n; i++) {
        const nb_uword *w = &s->w[i];
        const nb_uword *nx = &s->w[i + 1];
        bool quote = nx->len > 0 && (nx->form[0] == '"' || (nx->len == 3 && !memcmp(nx->form, "\xe2\x80\x9c", 3)));
        if (w->fixed || w->len > 9 || nx->len == 0 || (ispunct((unsigned char)nx->form[0]) && !quote)) continue;
        char low[10];
        for (size_t k = 0; k < w->len; k++) low[k] = nb_lower(w->form[k]);
        for (size_t k = 0; PREP[k]; k++)
            if (strlen(PREP[k]) == w->len && !memcmp(low, PREP[k], w->len)) s->w[i].fixed = (uint16_t)(t + 1);
    }
}

/* "secretary-general", "director-general", "attorney-general": the title
 * the treebank splits at the hyphen is two nouns, the head last (the
 * tagger read "secretary - general" as adjectives and the sentence fell
 * apart). */
static void fix_general_tags(const nb_nlp *m, nb_sent *s)
{
    static const char *const FIRST[] = {"secretary", "director", "attorney", "inspector", "governor", "solicitor",
                                        "auditor", "surgeon", "consul", "vicar", NULL};
    int nn = nb_nlp_tag(m, "NOUN", "NN");
    if (nn < 0) return;
    for (size_t i = 0; i + 2 < s->n; i++) {
        const nb_uword *a = &s->w[i], *h = &s->w[i + 1], *g = &s->w[i + 2];
        if (h->len != 1 || h->form[0] != '-' || a->start + a->len != h->start || h->start + 1 != g->start) continue;
        if (g->len != 7 || nb_lower(g->form[0]) != 'g' || strncmp(g->form + 1, "eneral", 6)) continue;
        char low[16];
        if (a->len >= sizeof low) continue;
        for (size_t k = 0; k < a->len; k++) low[k] = nb_lower(a->form[k]);
        low[a->len] = '\0';
        bool first = false;
        for (size_t k = 0; FIRST[k] && !first; k++) first = !strcmp(low, FIRST[k]);
        if (!first || a->fixed || g->fixed) continue;
        s->w[i].fixed = (uint16_t)(nn + 1);
        s->w[i + 2].fixed = (uint16_t)(nn + 1);
    }
}

/* Is u "and" or "or"? */
static bool conjunction(const nb_uword *u)
{
    return (u->len == 3 && !memcmp(u->form, "and", 3)) || (u->len == 2 && !memcmp(u->form, "or", 2));
}

/* "Iran armed and trained Hezbollah", "Iran funded and armed Hamas": the
 * tagger reads "armed" beside a past-tense verb as an adjective ("armed
 * groups"); an -ed adjective coordinated with a past-tense verb is one too
 * (VBD), and its lemma is the verb's. */
static void fix_coordinated_participles(const nb_nlp *m, nb_sent *s)
{
    int vbd = nb_nlp_tag(m, "VERB", "VBD");
    if (vbd < 0) return;
    bool changed = false;
    for (size_t i = 0; i < s->n; i++) {
        nb_uword *w = &s->w[i];
        if (strcmp(m->upos[w->tag], "ADJ") || w->len < 4 || memcmp(w->form + w->len - 2, "ed", 2)) continue;
        const nb_uword *nx = i + 2 < s->n ? &s->w[i + 1] : NULL, *pv = i >= 2 ? &s->w[i - 1] : NULL;
        bool coord = nx && conjunction(nx);
        bool after = coord && !strcmp(m->xpos[s->w[i + 2].tag], "VBD");
        /* ("Iran armed and trained Hezbollah": both read as participles
         * after a name, which is their subject, not their noun) */
        bool named = coord && !after && i > 0 && !strcmp(m->upos[s->w[i - 1].tag], "PROPN") &&
                     !strcmp(m->xpos[s->w[i + 2].tag], "VBN");
        if (named) {
            s->w[i + 2].tag = (uint16_t)vbd;
            after = true;
        }
        /* ("funded, armed and trained": a list's comma too) */
        bool before = pv && (conjunction(pv) || (pv->len == 1 && pv->form[0] == ',')) &&
                      !strcmp(m->xpos[s->w[i - 2].tag], "VBD");
        if (!after && !before) continue;
        w->tag = (uint16_t)vbd;
        changed = true;
    }
    if (changed) nb_lemmatize(m, s);
}

/* Is form[0..n) one of the words of label? */
static bool word_in(const char *label, const char *form, size_t n)
{
    for (const char *p = label; *p; p++) {
        if ((p == label || p[-1] == ' ' || p[-1] == '-') && !strncmp(p, form, n) &&
            (p[n] == '\0' || p[n] == ' ' || p[n] == '-'))
            return true;
    }
    return false;
}

/* Capitalised words inside a name the actor layer found are proper nouns:
 * the tagger is told so ("Mohamed Hamdan Dagalo addressed" is no verb). */
static void fix_name_tags(const nb_nlp *m, syn *y, const nb_item *items, size_t ni, const nb_tok *toks,
                          const nb_article_actors *aa)
{
    int t = nb_nlp_tag(m, "PROPN", "NNP"), nn = nb_nlp_tag(m, "NOUN", "NN"), nns = nb_nlp_tag(m, "NOUN", "NNS");
    if (t < 0) return;
    for (size_t k = 0; k < ni; k++) {
        const nb_item *it = &items[k];
        if (it->ent < 0 || it->t1 <= it->t0 || (it->flags & (NB_IT_BACKED | NB_IT_LED | NB_IT_MOD | NB_IT_PRON)))
            continue;
        uint32_t a = toks[it->t0].start, b = toks[it->t1 - 1].start + toks[it->t1 - 1].len;
        for (size_t i = 0; i < y->us.n; i++) {
            nb_uword *w = &y->us.w[i];
            /* only the name's own words: "Russian" before "President" is
             * an adjective, though it stands for Russia */
            if (!(w->start >= a && w->start + w->len <= b && w->len && isupper((unsigned char)w->form[0]))) continue;
            /* (or a one-word form it was met under: "Hemedti" for Mohamed Hamdan Dagalo) */
            const nb_entity *e = &aa->ents[it->ent];
            bool in = word_in(e->label, w->form, w->len);
            /* (and a person's title inside the mention: "PSNI Chief Constable
             * Jon Boutcher" is no adjective) */
            /* (as the noun it is: the parser reads it as it reads the lower case) */
            /* (only right after an organisation's name: "ELN Commander X";
             * a rank alone, "Army spokesman General X", stays the name's) */
            bool after_org = k > 0 && items[k - 1].ent >= 0 && items[k - 1].t1 == it->t0 &&
                             aa->ents[items[k - 1].ent].kind == NB_KIND_ORG;
            if (!in && after_org && e->kind == NB_KIND_PERSON && w->len < 24 && nn >= 0) {
                char low[24];
                for (size_t q = 0; q < w->len; q++) low[q] = nb_lower(w->form[q]);
                if (nb_lex_in(low, w->len, NB_LEX_TITLE)) {
                    w->fixed = (uint16_t)(nn + 1);
                    continue;
                }
            }
            for (size_t f = 0; f < e->n_forms && !in && (e->kind == NB_KIND_PERSON || e->kind == NB_KIND_ORG); f++)
                in = strlen(e->forms[f]) == w->len && !memcmp(e->forms[f], w->form, w->len);
            if (in) w->fixed = (uint16_t)(t + 1);
        }
        /* the lower-case head closing a mention after an acronym is a noun:
         * "JNIM fighters stormed" ("fighters" is no verb) */
        const nb_tok *lt = &toks[it->t1 - 1];
        bool acronym = it->t1 - it->t0 == 2 && (toks[it->t0].flags & NB_TOK_UPPER);
        for (size_t i = 0; i < y->us.n && nns >= 0 && nn >= 0 && acronym; i++) {
            nb_uword *w = &y->us.w[i];
            if (w->start != lt->start || w->len != lt->len || !w->len || !islower((unsigned char)w->form[0]))
                continue;
            w->fixed = (uint16_t)((w->form[w->len - 1] == 's' ? nns : nn) + 1);
        }
    }
}

static bool poss_word(const nb_uword *w)
{
    return (w->len == 2 && !memcmp(w->form, "'s", 2)) || (w->len == 1 && w->form[0] == '\'') ||
           (w->len == 4 && !memcmp(w->form, "\xe2\x80\x99s", 4)) || (w->len == 3 && !memcmp(w->form, "\xe2\x80\x99", 3));
}

/* Parses s with each long name (one that holds a small word, or declares
 * an acronym in brackets after it) read as its last word, the acronym
 * dropped: the treebank has few such names, and "the Democratic Renewal
 * Party (DRP) leader X" or "the National Council for the Safeguard of the
 * Homeland" mislead the parser inside and around them. The name's other
 * words hang from its last (flat), the acronym as an apposition. */
static void parse_names_whole(const nb_nlp *m, nb_sent *s, const int *ent_of)
{
    size_t n = s->n;
    int flat = nb_nlp_label(m, "flat"), appos = nb_nlp_label(m, "appos");
    int *owner = nb_malloc((n ? n : 1) * sizeof *owner); /* -1: kept, else the kept word it hangs from */
    size_t *orig = nb_malloc((n ? n : 1) * sizeof *orig), nk = 0;
    for (size_t i = 0; i < n; i++) owner[i] = -1;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        if (ent_of[i] >= 0 && !poss_word(&s->w[i]))
            while (j < n && ent_of[j] == ent_of[i] && !poss_word(&s->w[j])) j++;
        /* a title stays a word of its own: "President Paul Kagame" is the
         * role noun and the name, which role patterns read */
        size_t a = i;
        for (size_t k = i; k < j; k++) {
            char low[32];
            size_t len = s->w[k].len < sizeof low ? s->w[k].len : 0;
            for (size_t q = 0; q < len; q++) low[q] = nb_lower(s->w[k].form[q]);
            if (!len || !nb_lex_in(low, len, NB_LEX_TITLE)) break;
            a = k + 1; /* the leading titles: "Chief of Staff General X" */
        }
        /* only names that hold a small word ("Council for the Safeguard of
         * the Homeland") or declare an acronym: a plain "William Ruto" the
         * parser reads well as it is */
        /* (and the small words of French, Spanish and Portuguese names,
         * which the tagger takes for anything: "Observatoire Béninois des
         * Droits Humains") */
        static const char *const SMALL[] = {"of", "for", "the", "and", "in", "on", "to", "des", "de", "du", "la",
                                            "le", "les", "del", "los", "las", "el", "da", "do", "dos", "das",
                                            "et", "pour", "por", "para", "y", NULL};
        bool inner = false, proper = j > a && isupper((unsigned char)s->w[a].form[0]) &&
                                     isupper((unsigned char)s->w[j - 1].form[0]);
        for (size_t k = a + 1; k + 1 < j && proper; k++) {
            const nb_uword *w = &s->w[k];
            if (!w->len || isupper((unsigned char)w->form[0]) || (w->len == 1 && w->form[0] == '-')) continue;
            /* (a person's "al-", "bin", "de" is no small word of a title) */
            /* ("Tehrik-i-Taliban", "Lashkar-e-Taiba": a small word between
             * hyphens, which the tagger takes for a pronoun or a letter) */
            bool infix = s->w[k - 1].len == 1 && s->w[k - 1].form[0] == '-' && !s->w[k - 1].space_after &&
                         !w->space_after && s->w[k + 1].len == 1 && s->w[k + 1].form[0] == '-';
            if (nb_lex_in(w->form, w->len, SMALL) || infix) inner = true;
            else if (!nb_lex_in(w->form, w->len, NB_LEX_CONNECT)) proper = false; /* "its coast guard" */
        }
        inner = inner && proper;
        bool acronym = proper && ent_of[i] >= 0 && j + 2 < n && s->w[j].len == 1 && s->w[j].form[0] == '(' &&
                       ent_of[j + 1] == ent_of[i] && s->w[j + 2].len == 1 && s->w[j + 2].form[0] == ')';
        if (j > a + 1 && (inner || acronym))
            for (size_t k = a; k + 1 < j; k++) owner[k] = (int)(j - 1);
        /* "(DRP)" after the name */
        if (acronym) {
            owner[j] = owner[j + 1] = owner[j + 2] = (int)(j - 1);
            j += 3;
        }
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        if (owner[i] < 0) orig[nk++] = i;
    if (nk == n || flat < 0 || appos < 0) {
        nb_parse_sentence(m, s);
    } else {
        nb_sent r = {0};
        r.w = nb_malloc(nk * sizeof *r.w);
        r.n = r.cap = nk;
        r.lemmas = s->lemmas; /* borrowed: the parser reads no lemma */
        for (size_t k = 0; k < nk; k++) r.w[k] = s->w[orig[k]];
        nb_parse_sentence(m, &r);
        for (size_t k = 0; k < nk; k++) {
            s->w[orig[k]].head = r.w[k].head ? (int32_t)orig[r.w[k].head - 1] + 1 : 0;
            s->w[orig[k]].label = r.w[k].label;
        }
        for (size_t i = 0; i < n; i++) {
            if (owner[i] < 0) continue;
            s->w[i].head = owner[i] + 1;
            bool bracket = s->w[i].len == 1 && (s->w[i].form[0] == '(' || s->w[i].form[0] == ')');
            bool acronym = i > 0 && s->w[i - 1].len == 1 && s->w[i - 1].form[0] == '(';
            s->w[i].label = (uint16_t)(bracket ? m->punct_label : acronym ? appos : flat);
        }
        free(r.w);
    }
    free(owner);
    free(orig);
}

/* What parse_names_whole reads of ent_of: which words are names, and which
 * belong with the word one or two before. */
static uint64_t names_sig(const syn *y)
{
    if (!y->ent_ok) return 0;
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < y->us.n; i++) {
        const int *e = y->ent_of;
        unsigned bits = (e[i] >= 0) | (i > 0 && e[i] == e[i - 1]) << 1 | (i > 1 && e[i] == e[i - 2]) << 2;
        h = (h ^ bits) * 1099511628211u;
    }
    return h;
}

/* Parses the tagged sentence, or copies its memo's parse. */
static void syn_parse(const nb_nlp *m, syn *y)
{
    memo_ent *e = y->ent;
    uint64_t sig = names_sig(y);
    if (e && e->parsed && e->psig == sig) {
        for (size_t i = 0; i < y->us.n; i++) {
            y->us.w[i].head = e->w[i].head;
            y->us.w[i].label = e->w[i].label;
        }
        return;
    }
    if (y->ent_ok) parse_names_whole(m, &y->us, y->ent_of);
    else nb_parse_sentence(m, &y->us);
    if (y->rl_model != m) {
        nb_repair_labels_init(m, &y->rl);
        y->rl_model = m;
    }
    nb_repair_tree(m, &y->rl, &y->us, y->ent_ok ? y->ent_of : NULL);
    if (!e) return;
    for (size_t i = 0; i < y->us.n; i++) {
        e->w[i].head = y->us.w[i].head;
        e->w[i].label = y->us.w[i].label;
    }
    e->parsed = true;
    e->psig = sig;
}

/* Tokenizes, tags and (with parse) parses s[0..len); with items, the names
 * among them are tagged as such first. */
static void syn_analyze(const nb_nlp *m, syn *y, const char *s, size_t len, bool parse, const nb_item *items,
                        size_t ni, const nb_tok *toks, const nb_article_actors *aa)
{
    size_t nw = nb_udtok(s, len, &y->words, &y->wcap);
    nb_sent_clear(&y->us);
    y->ent_ok = false;
    for (size_t i = 0; i < nw; i++) {
        nb_uword *w = nb_sent_add(&y->us, s + y->words[i].start, y->words[i].start, y->words[i].len);
        w->mwt = y->words[i].mwt;
        w->space_after = y->words[i].space_after;
    }
    if (items) fix_name_tags(m, y, items, ni, toks, aa);
    fix_prep_tags(m, &y->us);
    fix_general_tags(m, &y->us);
    y->ent = NULL;
    if (!y->memo) { /* (the same parse and repairs as with a memo) */
        nb_nlp_analyze(m, &y->us, false);
        fix_coordinated_participles(m, &y->us);
        if (parse) syn_parse(m, y);
        return;
    }
    /* the key: the text, then each word's fixed tag */
    nb_buf_clear(&y->key);
    nb_buf_put(&y->key, s, len);
    for (size_t i = 0; i < y->us.n; i++) {
        char f[2] = {(char)(y->us.w[i].fixed & 0xff), (char)(y->us.w[i].fixed >> 8)};
        nb_buf_put(&y->key, f, 2);
    }
    bool found;
    y->ent = memo_get(y->memo, y->key.data, y->key.len, &found);
    if (!found) {
        nb_nlp_analyze(m, &y->us, false);
        fix_coordinated_participles(m, &y->us);
        memo_save(y->memo, y->ent, &y->us);
    } else {
        memo_load(y->ent, &y->us, false, m->features);
    }
    if (parse) syn_parse(m, y);
}

static bool outside(const nb_uword *w, uint32_t a, uint32_t b) { return w->start + w->len <= a || w->start >= b; }

/* The word heading bytes [a, b) of the sentence: the first one in the span
 * whose own head lies outside it. */
static int span_head(const nb_sent *s, uint32_t a, uint32_t b)
{
    int first = -1;
    for (size_t i = 0; i < s->n; i++) {
        const nb_uword *w = &s->w[i];
        if (outside(w, a, b)) continue;
        if (first < 0) first = (int)i;
        if (w->head <= 0 || outside(&s->w[w->head - 1], a, b)) return (int)i;
    }
    return first;
}

/* "Hamas <-nsubj- attack -obj-> Israel": up from the source's head word to
 * the lowest common ancestor, then down to the target's, lemmas between and
 * the mentions as written at the ends. */
static void dep_path(const nb_nlp *m, const nb_sent *s, int a, int b, const char *sa, size_t na,
                     const char *sb, size_t nbytes, nb_buf *out)
{
    nb_buf_clear(out);
    if (a < 0 || b < 0 || a == b || s->w[a].head < 0) return;
    int lca = -1, depth_a = 0;
    for (int x = a; x >= 0 && depth_a <= (int)s->n; x = s->w[x].head - 1, depth_a++) {
        for (int y = b, d = 0; y >= 0 && d <= (int)s->n; y = s->w[y].head - 1, d++)
            if (y == x) {
                lca = x;
                break;
            }
        if (lca >= 0) break;
    }
    if (lca < 0) return;
    nb_buf_put(out, sa, na);
    for (int x = a; x != lca; x = s->w[x].head - 1) {
        int h = s->w[x].head - 1;
        nb_buf_printf(out, " <-%s- ", m->labels[s->w[x].label]);
        if (h == b) nb_buf_put(out, sb, nbytes);
        else nb_buf_puts(out, nb_sent_lemma(s, (size_t)h));
    }
    /* down from the ancestor: collect b's chain, print it reversed */
    int chain[64], n = 0;
    for (int y = b; y != lca; y = s->w[y].head - 1) {
        if (n == 64) { /* a path this deep explains nothing */
            nb_buf_clear(out);
            return;
        }
        chain[n++] = y;
    }
    for (int k = n - 1; k >= 0; k--) {
        nb_buf_printf(out, " -%s-> ", m->labels[s->w[chain[k]].label]);
        if (k == 0) nb_buf_put(out, sb, nbytes);
        else nb_buf_puts(out, nb_sent_lemma(s, (size_t)chain[k]));
    }
}

/* The byte span of an entity's first mention among the sentence's items. */
static bool mention_span(const nb_item *items, size_t ni, const nb_tok *toks, int ent, uint32_t *a, uint32_t *b)
{
    for (size_t i = 0; i < ni; i++) {
        if (items[i].ent != ent || items[i].t1 <= items[i].t0) continue;
        *a = toks[items[i].t0].start;
        *b = toks[items[i].t1 - 1].start + toks[items[i].t1 - 1].len;
        return true;
    }
    return false;
}

bool nb_pipeline_left_out(nb_pipeline *p, const char *date)
{
    if (!p->since && !p->until) return false;
    if (*date && (!p->since || strcmp(date, p->since) >= 0) && (!p->until || strcmp(date, p->until) <= 0))
        return false;
    p->out_of_range++;
    p->undated += !*date;
    return true;
}

/* path: where the article's path date is read (the path as given, which
 * may hold dated folders above the input folder). */
/* Do entities a and b end as one node (a relation between them is none)? */
static bool same_root(const nb_article_actors *aa, int a, int b) { return root_of(aa, a) == root_of(aa, b); }

/* Is entity a an unnamed group ("gunmen"), not one a dictionary names
 * with kind group? */
static bool unnamed_group(const nb_article_actors *aa, int a)
{
    const nb_entity *e = &aa->ents[root_of(aa, a)];
    return e->kind == NB_KIND_GROUP && e->dict < 0;
}

nb_status nb_pipeline_extract(nb_pipeline *p, const char *path, const char *relpath, const char *raw, size_t n,
                              nb_record *rec, bool *left_out)
{
    memset(rec, 0, sizeof *rec);
    *left_out = false;
    if (looks_binary((const unsigned char *)raw, n)) {
        report(p, relpath, "binary file, not text");
        p->skipped++;
        return NB_ERR_INPUT;
    }
    nb_clean c;
    nb_clean_text(&c, raw, n);
    /* The date is read from the decoded head of the article, not the
     * cleaned text: cleaning blanks header lines as boilerplate. */
    char date[NB_DATE_LEN + 1];
    size_t head_len, head_bad, raw_head = n - c.start < 2 * NB_DATE_BYTES ? n - c.start : 2 * NB_DATE_BYTES;
    char *head = nb_text_decode(raw + c.start, raw_head, c.encoding, &head_len, &head_bad);
    nb_date_from from = nb_read_date(head, head_len, path, date);
    free(head);
    memcpy(rec->date, date, sizeof rec->date);
    rec->date_from = (int)from;
    /* --since/--until: an article outside, or without a date, is left out
     * (counted, not read further) */
    if (nb_pipeline_left_out(p, date)) {
        nb_clean_free(&c);
        *left_out = true;
        return NB_OK;
    }
    rec->invalid_bytes = c.invalid_bytes;
    rec->bytes = n;

    nb_article_actors aa;
    nb_actors_begin(&aa, p->shared ? &p->shared->dict : &p->dict, &p->names);
    aa.log = &rec->names;
    aa.base = p->shared ? &p->shared->names : NULL;
    aa.base_lock = p->names_lock;
    if (c.dateline[0]) nb_actors_dateline(&aa, c.dateline);
    nb_tok *toks = NULL;
    size_t tcap = 0, icap = 0, n_found = 0, fcap = 0;
    nb_item *items = NULL;
    nb_found *found = NULL;
    nb_buf words = {0};
    size_t pos = 0;
    nb_sentence s;
    size_t cut = 0;
    /* Relations are kept with their sentence until the article ends, when
     * every entity has its final name; the sentence text is copied once. */
    typedef struct {
        size_t first, count, offset;
        char *text;
    } sent_rec;
    if (p->nlp && !p->no_memo && !p->memo) p->memo = nb_calloc(1, sizeof *p->memo);
    syn y = {.memo = p->memo};
    char **paths = NULL; /* per found relation: its dependency path, or NULL */
    size_t pcap = 0;
    sent_rec *recs = NULL;
    size_t n_recs = 0, rcap = 0;
    int q_ents[8]; /* what a quote's first sentence judged, till its speaker is named */
    size_t q_n = 0, q_start = 0, q_end = 0;
    bool in_quote = false; /* a quote opened in an earlier sentence goes on */
    int last_spk[8];       /* who the last sentence's quote was attributed to */
    size_t last_nspk = 0, last_start = 0;
    while (nb_split_next(c.text, c.len, &pos, &s)) {
        if (s.len == 0) continue;
        rec->sentences++;
        if (s.cut) cut++;
        size_t nt = nb_tokenize(c.text + s.start, s.len, &toks, &tcap);
        size_t ni = nb_actors_items(&aa, c.text + s.start, toks, nt, &items, &icap, &words);
        size_t before = n_found;
        if (!p->no_surface) nb_relations_find(&aa, items, ni, &found, &n_found, &fcap);
        size_t surface_end = n_found;
        bool analyzed = false, parsed = false;
        /* Sentences with two actors and a cue word are tagged; those whose
         * tags, lemmas and entities the tree patterns could match are parsed
         * and read through them. A quote's first sentence, judged, waits for
         * the speaker its last one names (within the paragraph). */
        int qs = p->nlp && p->pat ? quote_shape(c.text + s.start, s.len) : 0;
        if (in_quote && memchr(c.text + q_end, '\n', s.start > q_end ? s.start - q_end : 0)) in_quote = false;
        if (!in_quote) q_n = 0;
        if (qs & QUOTE_STARTS) q_n = 0; /* (what an unclosed quote judged is no part of a new one) */
        if (qs == QUOTE_STARTS) {
            in_quote = true;
            q_start = s.start;
        }
        /* (its first sentence, or one inside it: "'A. B. C,' X said") */
        bool quote_part = in_quote && !(qs & QUOTE_CLOSES) && q_n < 8 && quote_candidate(p->pat, items, ni);
        bool quote_last = (qs & QUOTE_CLOSES) && q_n;
        /* a whole quote right after one its speaker was named for: "'...,' X
         * said. 'It must be punished.'" */
        bool quote_more = qs == (QUOTE_STARTS | QUOTE_CLOSES) && last_nspk && !quote_last &&
                          quote_candidate(p->pat, items, ni);
        if (in_quote) q_end = s.start + s.len;
        int spk[8];
        size_t nspk = 0;
        if (p->nlp && p->pat &&
            (tree_candidate(p->pat, items, ni, c.text + s.start, toks) || quote_part || quote_last || quote_more)) {
            syn_analyze(p->nlp, &y, c.text + s.start, s.len, false, items, ni, toks, &aa);
            analyzed = true;
            words_to_entities(&y, items, ni, toks);
        }
        if (analyzed && (quote_part || quote_last || quote_more ||
                         nb_patterns_need_parse(p->pat, p->nlp, &y.us, y.ent_of, recall, &aa))) {
            syn_parse(p->nlp, &y);
            parsed = true;
            rec->parsed++;
            size_t nt0 = 0;
            nb_patterns_find(p->pat, p->nlp, &y.us, y.ent_of, recall, &aa, &y.trel, &nt0, &y.trel_cap);
            if (quote_part)
                q_n += nb_patterns_quote_judged(p->pat, p->nlp, &y.us, y.ent_of, recall, &aa, q_ents + q_n, 8 - q_n);
            if (quote_more) {
                q_n = nb_patterns_quote_judged(p->pat, p->nlp, &y.us, y.ent_of, recall, &aa, q_ents, 8);
                memcpy(spk, last_spk, last_nspk * sizeof *spk);
                nspk = last_nspk;
                q_start = last_start;
            } else if (qs & QUOTE_CLOSES) {
                nspk = nb_patterns_quote_speakers(p->pat, p->nlp, &y.us, y.ent_of, recall, &aa, spk, 8);
            }
            if (p->tree_debug)
                for (size_t i = 0; i < y.us.n; i++)
                    fprintf(stderr, "%zu\t%.*s\t%s\t%d\t%s\t%d\n", i + 1, (int)y.us.w[i].len, y.us.w[i].form,
                            p->nlp->upos[y.us.w[i].tag], y.us.w[i].head, p->nlp->labels[y.us.w[i].label], y.ent_of[i]);
            y.n_trel = nt0;
            for (size_t k = 0; k < nt0; k++) {
                nb_tree_rel *t = &y.trel[k];
                if (t->dst < 0) { /* an attack on no actor: its authors are remembered */
                    /* (unless the sentence states an attack by them: "X
                     * attacked Y, killing dozens" is one event) */
                    bool told = false;
                    for (size_t j = 0; j < nt0 && !told; j++)
                        told = y.trel[j].dst >= 0 && y.trel[j].src == t->src && y.trel[j].rel == NB_REL_ATTACKED;
                    for (size_t j = before; j < surface_end && !told; j++)
                        told = found[j].src == t->src && found[j].rel == NB_REL_ATTACKED;
                    /* (nor a generic group's: "rebels" is too vague an
                     * author for a later "condemned the ambush") */
                    if (!told && aa.ents[t->src].kind != NB_KIND_GROUP &&
                        nb_relations_attack_word(nb_sent_lemma(&y.us, (size_t)t->cue)))
                        nb_relations_note_unstated(&aa, &t->src, 1, nb_sent_lemma(&y.us, (size_t)t->cue));
                    continue;
                }
                /* "shelled Stepanakert", "attacked Mirebalais": towns are
                 * shelled, actors attacked; an unknown name here is a place */
                const nb_entity *de = &aa.ents[t->dst];
                /* (a name guessed a person with nothing to show for it is
                 * as unknown: "besieged El Fasher") */
                bool guessed = de->kind == NB_KIND_PERSON && de->dict < 0 && !de->roles && de->org < 0;
                const char *cl = nb_patterns_lemma(p->pat, p->nlp, &y.us, (size_t)t->cue);
                if (t->rel == NB_REL_ATTACKED && (de->kind == NB_KIND_UNKNOWN || guessed) && !nb_label_acronym(de->label) &&
                    ((!strchr(de->label, ' ') && !guessed) || nb_patterns_place_cue(p->pat, cl)))
                    continue;
                /* "controls Goma", "controls eastern Libya": territory is
                 * held, not commanded (as the surface rules read it) */
                if (t->rel == NB_REL_COMMANDS && (de->kind == NB_KIND_UNKNOWN || de->kind == NB_KIND_COUNTRY || guessed) &&
                    (!strcmp(cl, "control") || !strcmp(cl, "hold")))
                    continue;
                bool dup = false;
                for (size_t j = before; j < n_found && !dup; j++) {
                    dup = found[j].src == t->src && found[j].dst == t->dst && found[j].rel == t->rel;
                    if (dup && !found[j].support) found[j].support = t->support;
                    /* ("armed and trained Y": each cue says what is given) */
                    else if (dup && t->support && strcmp(found[j].support, t->support))
                        found[j].also |= nb_support_bit(t->support);
                }
                /* (struck by the event its own word names, even when the
                 * surface reading found the triple too; all of the
                 * sentence's are noted on the latest below as well) */
                if (dup && t->rel == NB_REL_ATTACKED)
                    nb_relations_note_struck(&aa, t->src, t->dst, nb_sent_lemma(&y.us, (size_t)t->cue));
                if (dup) continue;
                if (t->rel == NB_REL_ATTACKED) {
                    nb_relations_note_attack(&aa, &t->src, 1, nb_sent_lemma(&y.us, (size_t)t->cue));
                    nb_relations_note_struck(&aa, t->src, t->dst, nb_sent_lemma(&y.us, (size_t)t->cue));
                }
                nb_grow(&found, &fcap, n_found + 1, sizeof *found);
                found[n_found++] = (nb_found){t->src, t->dst, t->rel, t->rule, t->support, 0};
            }
        }
        /* the speakers of a quote judge what its first sentence judged (the
         * evidence then starts with that sentence) */
        size_t ev_start = s.start;
        for (size_t a = 0; a < nspk; a++)
            for (size_t b = 0; b < q_n; b++) {
                bool dup = spk[a] == q_ents[b];
                for (size_t j = before; j < n_found && !dup; j++)
                    dup = found[j].src == spk[a] && found[j].dst == q_ents[b] && found[j].rel == NB_REL_CONDEMNS;
                if (dup) continue;
                nb_grow(&found, &fcap, n_found + 1, sizeof *found);
                found[n_found++] = (nb_found){spk[a], q_ents[b], NB_REL_CONDEMNS, "tree:quote-speech", NULL, 0};
                ev_start = q_start;
            }
        /* (the speakers a quote closed here named, for a whole quote next;
         * an attribution the tree did not read, off its words) */
        last_nspk = 0;
        if ((qs & QUOTE_CLOSES) && !quote_more) {
            int who = nspk ? -1 : attributed_to(items, ni);
            if (nspk) {
                memcpy(last_spk, spk, nspk * sizeof *spk);
                last_nspk = nspk;
            } else if (who >= 0) {
                last_spk[0] = who;
                last_nspk = 1;
            }
            last_start = s.start;
        }
        if (qs & QUOTE_CLOSES) {
            in_quote = false;
            q_n = 0;
        }
        /* the other nouns the parsed sentence names its attacks by ("killed
         * three soldiers in an ambush"; not a verb of another clause's
         * attack: "bombed a hotel and ambushed troops") */
        for (size_t k = 0; parsed && k < y.us.n; k++)
            if (!strcmp(p->nlp->upos[y.us.w[k].tag], "NOUN")) nb_relations_note_word(&aa, nb_sent_lemma(&y.us, k));
        /* what each attack struck, for a later "X claimed the attack" */
        for (size_t k = before; k < n_found; k++) {
            if (found[k].rel == NB_REL_ATTACKED && found[k].dst >= 0) nb_relations_note_struck(&aa, found[k].src, found[k].dst, NULL);
            if (found[k].rel == NB_REL_CONDEMNS && found[k].src >= 0 && found[k].dst >= 0) {
                int *cr = aa.critics[aa.n_critics++ % 8];
                cr[0] = root_of(&aa, found[k].src);
                cr[1] = root_of(&aa, found[k].dst);
            }
        }
        nb_grow(&paths, &pcap, n_found + 1, sizeof *paths);
        for (size_t k = before; k < n_found; k++) paths[k] = NULL;
        for (size_t k = surface_end; k < n_found; k++) {
            for (size_t j = 0; j < y.n_trel; j++) {
                nb_tree_rel *t = &y.trel[j];
                if (t->src != found[k].src || t->dst != found[k].dst || t->rel != found[k].rel) continue;
                const char *st = c.text + s.start;
                const nb_uword *a = &y.us.w[t->wsrc], *b = &y.us.w[t->wdst];
                dep_path(p->nlp, &y.us, t->wsrc, t->wdst, st + a->start, a->len, st + b->start, b->len, &y.path);
                if (y.path.len) paths[k] = nb_strdup(y.path.data);
                break;
            }
        }
        /* The sentences that yield relations are tagged and parsed, when the
         * run shows their tree paths (the explain text): extraction does not
         * read the trees yet, and parsing would cost most of a run. */
        if (p->nlp && p->syntax && surface_end > before) {
            if (!analyzed) {
                syn_analyze(p->nlp, &y, c.text + s.start, s.len, false, items, ni, toks, &aa);
                words_to_entities(&y, items, ni, toks);
            }
            if (!parsed) {
                syn_parse(p->nlp, &y);
                rec->parsed++;
            }
            for (size_t k = before; k < surface_end; k++) {
                uint32_t a0, a1, b0, b1;
                if (!mention_span(items, ni, toks, found[k].src, &a0, &a1) ||
                    !mention_span(items, ni, toks, found[k].dst, &b0, &b1))
                    continue;
                const char *st = c.text + s.start;
                dep_path(p->nlp, &y.us, span_head(&y.us, a0, a1), span_head(&y.us, b0, b1), st + a0, a1 - a0,
                         st + b0, b1 - b0, &y.path);
                if (y.path.len) paths[k] = nb_strdup(y.path.data);
            }
        }
        if (n_found > before) {
            nb_grow(&recs, &rcap, n_recs + 1, sizeof *recs);
            recs[n_recs].first = before;
            recs[n_recs].count = n_found - before;
            recs[n_recs].offset = nb_clean_orig_offset(&c, ev_start);
            recs[n_recs].text = nb_text_sanitize(c.text + ev_start, s.start + s.len - ev_start);
            n_recs++;
        }
        /* who did what, for an act a later sentence judges ("the expulsions") */
        if (p->pat) {
            /* (a sentence with a word of negative judgment or a relation's
             * cue: its speaker may be the critic a later rejection answers) */
            bool judging = false;
            for (size_t k = 0; k < ni && !judging; k++)
                judging = (items[k].flags & NB_IT_WORD) && items[k].w &&
                          (nb_patterns_cue_form(p->pat, items[k].w, strlen(items[k].w)) & (NB_FORM_NEG | NB_FORM_ALONE));
            nb_relations_note_deeds(&aa, items, ni, judging);
        }
        /* (the tree knows an accusation's accuser better than the actor
         * nearest before the verb: "X said the missiles were Iranian, and
         * accused Tehran") */
        for (size_t k = 0; p->pat && parsed && k < y.n_trel; k++) {
            const nb_tree_rel *t = &y.trel[k];
            if (t->rel != NB_REL_CONDEMNS || t->src < 0 || t->cue < 0 || t->cue >= (int)y.us.n) continue;
            const nb_uword *cw = &y.us.w[t->cue];
            nb_relations_deed_doer(&aa, cw->form, cw->len, t->src);
        }
    }
    rec->cut = cut;
    nb_actors_fold_generic(&aa);
    /* Entities become the nodes they will be, relations the edges. */
    rec->n_ents = aa.n_ents;
    rec->ents = nb_calloc(aa.n_ents ? aa.n_ents : 1, sizeof *rec->ents);
    for (size_t i = 0; i < aa.n_ents; i++) {
        nb_entity *e = &aa.ents[i];
        nb_rec_ent *re = &rec->ents[i];
        size_t root = i;
        while (aa.ents[root].alias_of >= 0) root = (size_t)aa.ents[root].alias_of;
        re->label = clean_name(aa.ents[root].label);
        re->kind = aa.ents[root].kind;
        /* (a generic group folded into a name is no name of it: "rebels") */
        bool generic = e->kind == NB_KIND_GROUP && aa.ents[root].kind != NB_KIND_GROUP;
        if (root != i && !generic) re->alias = clean_name(e->label);
        re->mentions = e->mentions;
        re->n_forms = generic ? 0 : e->n_forms;
        re->forms = nb_malloc((e->n_forms ? e->n_forms : 1) * sizeof *re->forms);
        for (size_t k = 0; k < re->n_forms; k++) re->forms[k] = clean_name(e->forms[k]);
    }
    rec->n_sents = n_recs;
    rec->sents = nb_malloc((n_recs ? n_recs : 1) * sizeof *rec->sents);
    /* (a relation with "both sides" is one with each side: two at most) */
    rec->rels = nb_malloc((n_found ? 2 * n_found : 1) * sizeof *rec->rels);
    for (size_t r = 0; r < n_recs; r++) {
        rec->sents[r] = (nb_rec_sent){recs[r].offset, recs[r].text};
        for (size_t k = recs[r].first; k < recs[r].first + recs[r].count; k++) {
            nb_found *f = &found[k];
            if (same_root(&aa, f->src, f->dst)) {
                free(paths[k]); /* (a path no edge takes) */
                continue;
            }
            unsigned bit = f->rel == NB_REL_FUNDS ? nb_support_bit(f->support) | f->also : 0;
            if (f->rel == NB_REL_FUNDS && !bit) bit = NB_SUPPORT_UNSPECIFIED;
            const nb_entity *ps = &aa.ents[f->src], *pd = &aa.ents[f->dst];
            if (ps->pair[0] >= 0 && pd->pair[0] >= 0) { /* both ends "both sides": none */
                free(paths[k]);
                continue;
            }
            const nb_entity *pe = ps->pair[0] >= 0 ? ps : pd->pair[0] >= 0 ? pd : NULL;
            int given = 0;
            for (int side = 0; side < (pe ? 2 : 1); side++) {
                int src = f->src, dst = f->dst;
                if (pe == ps) src = pe->pair[side];
                else if (pe == pd) dst = pe->pair[side];
                if (same_root(&aa, src, dst)) continue;
                /* (an unnamed group is no actor of the network: one "gunmen"
                 * node would join unrelated attacks in every article) */
                if (!p->unnamed && (unnamed_group(&aa, src) || unnamed_group(&aa, dst))) continue;
                /* (nor is a description no name came to: "a payments company") */
                if (aa.ents[root_of(&aa, src)].described || aa.ents[root_of(&aa, dst)].described) continue;
                rec->rels[rec->n_rels++] = (nb_rec_rel){(uint32_t)src, (uint32_t)dst, f->rel, (uint32_t)r, bit,
                                                        nb_strdup(f->rule ? f->rule : ""),
                                                        given++ ? (paths[k] ? nb_strdup(paths[k]) : NULL) : paths[k]};
            }
            if (!given) free(paths[k]);
        }
    }
    free(recs);
    free(paths);
    syn_free(&y);
    free(found);
    free(items);
    free(toks);
    nb_buf_free(&words);
    nb_actors_end(&aa);
    nb_clean_free(&c);
    return NB_OK;
}


void nb_record_free(nb_record *r)
{
    for (size_t i = 0; i < r->n_ents; i++) {
        free(r->ents[i].label);
        free(r->ents[i].alias);
        for (size_t k = 0; k < r->ents[i].n_forms; k++) free(r->ents[i].forms[k]);
        free(r->ents[i].forms);
    }
    free(r->ents);
    for (size_t i = 0; i < r->n_rels; i++) {
        free(r->rels[i].rule);
        free(r->rels[i].path);
    }
    free(r->rels);
    for (size_t i = 0; i < r->n_sents; i++) free(r->sents[i].text);
    free(r->sents);
    nb_name_log_free(&r->names);
    memset(r, 0, sizeof *r);
}

size_t nb_pipeline_merge(nb_pipeline *p, const char *relpath, const nb_record *rec)
{
    if (rec->invalid_bytes) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu invalid UTF-8 sequence(s) replaced", rec->invalid_bytes);
        report(p, relpath, msg);
        p->invalid_bytes += rec->invalid_bytes;
    }
    if (rec->cut) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu overlong sentence(s) cut at %d bytes", rec->cut, NB_MAX_SENTENCE);
        report(p, relpath, msg);
        p->cut_sentences += rec->cut;
    }
    p->undated += !*rec->date;
    p->no_year += rec->date_from == NB_DATE_NO_YEAR;
    p->read++;
    p->bytes += rec->bytes;
    p->sentences += rec->sentences;
    p->parsed += rec->parsed;
    char *prov = nb_provenance(relpath);
    size_t art = nb_network_add_article(&p->net, prov);
    free(prov);
    nb_network_article_date(&p->net, art, rec->date, rec->date_from);
    size_t *node = nb_malloc((rec->n_ents ? rec->n_ents : 1) * sizeof *node);
    for (size_t i = 0; i < rec->n_ents; i++) {
        const nb_rec_ent *e = &rec->ents[i];
        node[i] = nb_network_node(&p->net, e->label, e->kind);
        if (e->alias) nb_network_alias(&p->net, node[i], e->alias);
        p->net.nodes[node[i]].mentions += e->mentions;
        for (size_t k = 0; k < e->n_forms; k++) nb_network_alias(&p->net, node[i], e->forms[k]);
    }
    for (size_t k = 0; k < rec->n_rels; k++) {
        const nb_rec_rel *f = &rec->rels[k];
        const nb_rec_sent *s = &rec->sents[f->sent];
        nb_network_add(&p->net, node[f->src], f->rel, node[f->dst], art, s->offset, s->text, f->rule, f->path);
        if (f->rel == NB_REL_FUNDS) nb_network_support(&p->net, node[f->src], f->rel, node[f->dst], f->support);
        p->relations[f->rel]++;
    }
    free(node);
    return art;
}

/* Extracts and merges at once: a run without a store. */
static nb_status pipeline_text(nb_pipeline *p, const char *path, const char *relpath, const char *raw, size_t n)
{
    nb_record rec;
    bool left_out;
    nb_status st = nb_pipeline_extract(p, path, relpath, raw, n, &rec, &left_out);
    if (st == NB_OK && !left_out) nb_pipeline_merge(p, relpath, &rec);
    nb_record_free(&rec);
    return st;
}

nb_status nb_pipeline_text(nb_pipeline *p, const char *relpath, const char *raw, size_t n)
{
    return pipeline_text(p, relpath, relpath, raw, n);
}

/* A run of NUL bytes this long ends an article: a file that is text at the
 * start and padding after it (a preallocated or sparse file) keeps its text
 * and is not read to the end. */
#define NB_NUL_RUN 4096

typedef struct {
    size_t nul_at;   /* where NUL padding starts, SIZE_MAX when there is none */
    bool big;        /* stopped at NB_MAX_ARTICLE */
    mode_t mode;     /* the file type, when it is not a regular file */
} read_info;

/* Reads the article at path into data. Opens without blocking and checks
 * the open file itself, so that a file swapped for a FIFO or a device
 * after the scan is refused rather than waited on for ever. Returns 0, an
 * errno, or -1 when the file is not a regular file (info->mode says what). */
static int slurp(const char *path, nb_buf *data, read_info *info)
{
    memset(info, 0, sizeof *info);
    info->nul_at = SIZE_MAX;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return errno ? errno : EIO;
    struct stat st;
    int ret = 0;
    if (fstat(fd, &st) != 0) {
        ret = errno ? errno : EIO;
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        info->mode = st.st_mode;
        ret = -1;
        goto cleanup;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    char buf[65536];
    size_t run = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ret = errno ? errno : EIO;
            goto cleanup;
        }
        if (n == 0) break;
        if (data->len + (size_t)n > NB_MAX_ARTICLE) {
            info->big = true;
            break;
        }
        for (ssize_t i = 0; i < n; i++) {
            run = buf[i] ? 0 : run + 1;
            if (run == NB_NUL_RUN) {
                nb_buf_put(data, buf, (size_t)i + 1);
                info->nul_at = data->len - NB_NUL_RUN;
                data->len = info->nul_at;
                goto cleanup;
            }
        }
        nb_buf_put(data, buf, (size_t)n);
    }
cleanup:
    if (data->data) data->data[data->len] = '\0';
    close(fd);
    return ret;
}

/* True when the text is one of netbuild's own outputs, known by its first
 * line: DOT's "digraph netbuild {", GraphML's XML declaration followed by
 * <graphml, or an explain edge line "A --funds--> B  (1 mention in 1 article)". */
static bool own_output(const char *s, size_t n)
{
    size_t m = n < 1024 ? n : 1024;
    if (m >= 18 && !memcmp(s, "digraph netbuild {", 18)) return true;
    if (m >= 5 && !memcmp(s, "<?xml", 5)) {
        for (size_t i = 0; i + 8 <= m; i++)
            if (!memcmp(s + i, "<graphml", 8)) return true;
    }
    const char *nl = memchr(s, '\n', m);
    size_t line = nl ? (size_t)(nl - s) : m;
    char first[1025];
    memcpy(first, s, line);
    first[line] = '\0';
    bool rel = false;
    for (int r = 0; r < NB_REL_COUNT; r++) {
        char arrow[32];
        snprintf(arrow, sizeof arrow, " --%s--> ", nb_rel_name((nb_rel)r));
        rel |= strstr(first, arrow) != NULL;
    }
    return rel && strstr(first, "  (") && strstr(first, " mention") && line > 9 &&
           (!strcmp(first + line - 9, " article)") || !strcmp(first + line - 10, " articles)"));
}

static void kind_reason(mode_t mode, char *out, size_t n)
{
    snprintf(out, n, "not a regular file (%s)",
             S_ISFIFO(mode) ? "FIFO" : S_ISCHR(mode) || S_ISBLK(mode) ? "device" : S_ISDIR(mode) ? "folder" : "socket");
}

/* Reads the article at path into data: an unreadable, non-regular, empty
 * or all-NUL file is reported, counted and NB_ERR_INPUT; a cut (size, NUL
 * padding) is reported. */
static nb_status read_article(nb_pipeline *p, const char *path, nb_buf *data)
{
    read_info info;
    int err = slurp(path, data, &info);
    if (err) {
        char why[64];
        if (err < 0) kind_reason(info.mode, why, sizeof why);
        report(p, path, err < 0 ? why : strerror(err));
        p->skipped++;
        return NB_ERR_INPUT;
    }
    if (info.big) {
        report(p, path, "article larger than 256 MiB: only the first 256 MiB were read");
        p->truncated++;
    }
    if (info.nul_at != SIZE_MAX) {
        char why[128];
        snprintf(why, sizeof why, "NUL padding from byte %zu on: only the %zu byte(s) of text before it were read",
                 info.nul_at, info.nul_at);
        if (data->len) report(p, path, why);
        p->truncated += data->len > 0;
    }
    if (data->len == 0) {
        report(p, path, info.nul_at != SIZE_MAX ? "only NUL bytes, not text" : "empty file");
        p->skipped++;
        return NB_ERR_INPUT;
    }
    return NB_OK;
}

nb_status nb_pipeline_read(nb_pipeline *p, const char *path, nb_buf *data, bool *own)
{
    *own = false;
    nb_status st = read_article(p, path, data);
    if (st == NB_OK && own_output(data->data, data->len)) {
        report(p, path, "netbuild output (by its first line), not an article: ignored");
        p->own_outputs++;
        *own = true;
    }
    return st;
}

void nb_pipeline_content_key(const char *data, size_t n, nb_buf *key)
{
    nb_buf_clear(key);
    nb_buf_printf(key, "%016" PRIx64 ":%zu", nb_hash(data, n), n);
}

bool nb_pipeline_copy(nb_pipeline *p, const char *key, const char *path, const char *relpath, const char *data,
                      size_t n)
{
    size_t art;
    if (!nb_map_get(&p->seen, key, &art) || art >= p->n_sources) return false;
    if (data) {
        nb_buf earlier = {0};
        read_info again;
        bool same = slurp(p->sources[art], &earlier, &again) == 0 && earlier.len == n && !memcmp(earlier.data, data, n);
        nb_buf_free(&earlier);
        if (!same) return false;
    }
    char *esc = nb_provenance(relpath);
    nb_network_article_copy(&p->net, art, esc);
    free(esc);
    nb_buf why = {0};
    nb_buf_printf(&why, "same text as %s: counted once", p->sources[art]);
    report(p, path, why.data);
    nb_buf_free(&why);
    p->duplicates++;
    return true;
}

void nb_pipeline_seen(nb_pipeline *p, const char *key, size_t art, const char *path)
{
    nb_grow(&p->sources, &p->cap_sources, art + 1, sizeof *p->sources);
    for (; p->n_sources < art; p->n_sources++) p->sources[p->n_sources] = NULL;
    p->sources[art] = nb_strdup(path);
    p->n_sources = art + 1;
    nb_map_put(&p->seen, key, art);
}

nb_status nb_pipeline_file(nb_pipeline *p, const char *path, const char *relpath)
{
    nb_buf data = {0}, key = {0};
    bool own;
    nb_status st = nb_pipeline_read(p, path, &data, &own);
    if (st != NB_OK || own) goto cleanup;
    /* Byte-identical articles (wire copies under other names) count once;
     * a hash match is confirmed byte by byte against the earlier file. */
    nb_pipeline_content_key(data.data, data.len, &key);
    if (nb_pipeline_copy(p, key.data, path, relpath, data.data, data.len)) goto cleanup;
    size_t before = p->net.n_articles;
    st = pipeline_text(p, path, relpath, data.data, data.len);
    if (st == NB_OK && p->net.n_articles > before) /* read, not left out by --since/--until */
        nb_pipeline_seen(p, key.data, p->net.n_articles - 1, path);
cleanup:
    nb_buf_free(&data);
    nb_buf_free(&key);
    return st;
}

/* ---- extraction threads (-j) ------------------------------------------
 * Threads read articles, make their content keys and extract them ahead of
 * time, each against the name table as merged so far (read under a lock)
 * plus the article's own names. The calling thread then takes the articles
 * in input order as a run without threads would: the reports and counts
 * the threads recorded, the copy check, and the article's name log
 * replayed against the table. A lookup that answers otherwise now (an
 * article merged meanwhile added the name) means the article is extracted
 * again, against the table as it is; an article whose lookups all answer
 * the same is extracted the same (as --store relies on), so the output
 * does not depend on -j. */

typedef struct {
    char *path, *reason;
} job_msg;

/* What one step (reading, extracting) of one article reported and counted. */
typedef struct {
    job_msg *msgs;
    size_t n, cap;
    size_t skipped, truncated, own_outputs, out_of_range, undated;
} job_log;

typedef struct {
    size_t item;        /* index into the list */
    bool done;          /* the thread is through with it (under the mutex) */
    bool extracted;     /* else not extracted: a copy of an article merged before */
    bool own, left_out;
    nb_status read_st, ext_st;
    nb_buf data, key;
    nb_record rec;
    job_log read_log, ext_log;
} job;

typedef struct {
    nb_ahead *a;
    nb_pipeline w;      /* the thread's view of the pipeline (see shared) */
    job_log *log;       /* where its reports go now */
    pthread_t tid;
    double cpu;         /* its CPU seconds, when it ends (for make bench) */
} worker;

struct nb_ahead {
    nb_pipeline *p;
    const nb_input_list *list;
    const bool *want;   /* the items to take, NULL: all */
    bool skip_copies;   /* no extraction for an item whose key p->seen has */
    job *slots;         /* the k-th item taken is in slot k % n_slots */
    size_t n_slots;
    size_t next;        /* the next item to look at */
    size_t taken;       /* items taken by the threads */
    size_t released;    /* items the caller is through with */
    pthread_mutex_t mu, names_lock;
    pthread_cond_t work, done;
    worker *wks;        /* jobs threads, then the caller's view */
    size_t started;
    size_t again;       /* articles extracted again in input order */
    double cpu0;        /* the caller's CPU seconds at the start */
};

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void job_report(void *ctx, const char *path, const char *reason)
{
    job_log *l = ((worker *)ctx)->log;
    nb_grow(&l->msgs, &l->cap, l->n + 1, sizeof *l->msgs);
    l->msgs[l->n++] = (job_msg){nb_strdup(path), nb_strdup(reason)};
}

static void log_free(job_log *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->msgs[i].path);
        free(l->msgs[i].reason);
    }
    free(l->msgs);
    memset(l, 0, sizeof *l);
}

/* Starts a step: the view's counters count it alone. */
static void step_begin(worker *wk, job_log *l)
{
    nb_pipeline *w = &wk->w;
    wk->log = l;
    w->skipped = w->truncated = w->own_outputs = w->out_of_range = w->undated = 0;
}

static void step_end(worker *wk)
{
    nb_pipeline *w = &wk->w;
    job_log *l = wk->log;
    l->skipped = w->skipped;
    l->truncated = w->truncated;
    l->own_outputs = w->own_outputs;
    l->out_of_range = w->out_of_range;
    l->undated = w->undated;
}

/* Reports and counts a step in p as if p had taken it. */
static void log_replay(nb_pipeline *p, const job_log *l)
{
    for (size_t i = 0; i < l->n; i++) report(p, l->msgs[i].path, l->msgs[i].reason);
    p->skipped += l->skipped;
    p->truncated += l->truncated;
    p->own_outputs += l->own_outputs;
    p->out_of_range += l->out_of_range;
    p->undated += l->undated;
}

static void worker_init(worker *wk, nb_ahead *a)
{
    nb_pipeline *p = a->p, *w = &wk->w;
    memset(wk, 0, sizeof *wk);
    wk->a = a;
    w->shared = p;
    w->names_lock = &a->names_lock;
    w->nlp = p->nlp;
    w->syntax = p->syntax;
    w->pat = p->pat;
    w->no_surface = p->no_surface;
    w->since = p->since;
    w->until = p->until;
    w->report = job_report;
    w->report_ctx = wk;
}

static nb_status view_extract(worker *wk, job_log *l, const char *path, const char *relpath, const char *data,
                              size_t n, nb_record *rec, bool *left_out)
{
    step_begin(wk, l);
    nb_status st = nb_pipeline_extract(&wk->w, path, relpath, data, n, rec, left_out);
    step_end(wk);
    nb_names_free(&wk->w.names); /* the article's own names: in its log now */
    return st;
}

static void job_run(worker *wk, job *j)
{
    nb_ahead *a = wk->a;
    const nb_input *it = &a->list->items[j->item];
    step_begin(wk, &j->read_log);
    j->read_st = nb_pipeline_read(&wk->w, it->path, &j->data, &j->own);
    step_end(wk);
    if (j->read_st != NB_OK || j->own) return;
    nb_pipeline_content_key(j->data.data, j->data.len, &j->key);
    if (a->skip_copies) {
        /* a copy of an article already merged is not extracted (as in a
         * run without threads), unless it turns out not to be one */
        pthread_mutex_lock(&a->names_lock);
        bool copy = nb_map_get(&a->p->seen, j->key.data, NULL);
        pthread_mutex_unlock(&a->names_lock);
        if (copy) return;
    }
    j->ext_st = view_extract(wk, &j->ext_log, it->path, it->relpath, j->data.data, j->data.len, &j->rec, &j->left_out);
    j->extracted = true;
}

static void job_clear(job *j)
{
    nb_buf_free(&j->data);
    nb_buf_free(&j->key);
    nb_record_free(&j->rec);
    log_free(&j->read_log);
    log_free(&j->ext_log);
    memset(j, 0, sizeof *j);
}

static void *worker_main(void *arg)
{
    worker *wk = arg;
    nb_ahead *a = wk->a;
    size_t n = a->list->n;
    for (;;) {
        pthread_mutex_lock(&a->mu);
        /* a bounded window: never more than n_slots articles in memory */
        while (a->next < n && a->taken >= a->released + a->n_slots) pthread_cond_wait(&a->work, &a->mu);
        while (a->next < n && a->want && !a->want[a->next]) a->next++;
        if (a->next >= n) {
            pthread_mutex_unlock(&a->mu);
            break;
        }
        job *j = &a->slots[a->taken++ % a->n_slots];
        j->item = a->next++;
        pthread_mutex_unlock(&a->mu);
        job_run(wk, j);
        pthread_mutex_lock(&a->mu);
        j->done = true;
        pthread_cond_broadcast(&a->done);
        pthread_mutex_unlock(&a->mu);
    }
    nb_lex_thread_free();
    wk->cpu = thread_cpu();
    return NULL;
}

nb_ahead *nb_ahead_start(nb_pipeline *p, const nb_input_list *list, const bool *want, unsigned jobs,
                         bool skip_copies)
{
    nb_ahead *a = nb_calloc(1, sizeof *a);
    a->cpu0 = thread_cpu();
    a->p = p;
    a->list = list;
    a->want = want;
    a->skip_copies = skip_copies;
    a->n_slots = 2 * (size_t)jobs + 2;
    a->slots = nb_calloc(a->n_slots, sizeof *a->slots);
    pthread_mutex_init(&a->mu, NULL);
    pthread_mutex_init(&a->names_lock, NULL);
    pthread_cond_init(&a->work, NULL);
    pthread_cond_init(&a->done, NULL);
    a->wks = nb_calloc((size_t)jobs + 1, sizeof *a->wks);
    worker_init(&a->wks[jobs], a);
    for (unsigned t = 0; t < jobs; t++) {
        worker_init(&a->wks[t], a);
        if (pthread_create(&a->wks[t].tid, NULL, worker_main, &a->wks[t]) != 0) break;
        a->started++;
    }
    /* the caller's view: extracts again, and stands in when no thread starts */
    if (a->started < jobs) {
        a->wks[a->started] = a->wks[jobs];
        a->wks[a->started].w.report_ctx = &a->wks[a->started];
    }
    return a;
}

static worker *own_view(nb_ahead *a) { return &a->wks[a->started]; }

/* The job of item i (wanted, asked for in increasing order), once done. */
static job *job_of(nb_ahead *a, size_t i)
{
    job *j = &a->slots[a->released % a->n_slots];
    pthread_mutex_lock(&a->mu);
    if (!a->started && a->taken == a->released) {
        /* no thread could start: this one takes its turn */
        while (a->next < a->list->n && a->want && !a->want[a->next]) a->next++;
        a->taken++;
        j->item = a->next++;
        pthread_mutex_unlock(&a->mu);
        job_run(own_view(a), j);
        pthread_mutex_lock(&a->mu);
        j->done = true;
    }
    while (!j->done) pthread_cond_wait(&a->done, &a->mu);
    pthread_mutex_unlock(&a->mu);
    if (j->item != i) abort(); /* the caller skipped a wanted item */
    return j;
}

nb_status nb_ahead_read(nb_ahead *a, size_t i, nb_buf *data, nb_buf *key, bool *own)
{
    job *j = job_of(a, i);
    log_replay(a->p, &j->read_log);
    *own = j->own;
    nb_buf t = *data;
    *data = j->data;
    j->data = t;
    nb_buf_clear(&j->data);
    if (key) {
        nb_buf_clear(key);
        if (j->key.data) nb_buf_puts(key, j->key.data);
    }
    return j->read_st;
}

bool nb_ahead_replay(nb_ahead *a, const nb_name_log *log)
{
    pthread_mutex_lock(&a->names_lock);
    bool same = nb_names_replay(&a->p->names, log);
    pthread_mutex_unlock(&a->names_lock);
    return same;
}

nb_status nb_ahead_extract(nb_ahead *a, size_t i, const char *path, const char *relpath, const char *data,
                           size_t n, nb_record *rec, bool *left_out)
{
    job *j = i != SIZE_MAX ? job_of(a, i) : NULL;
    nb_status st;
    if (j && j->extracted) {
        log_replay(a->p, &j->ext_log);
        st = j->ext_st;
        *left_out = j->left_out;
        *rec = j->rec;
        memset(&j->rec, 0, sizeof j->rec);
    } else {
        job_log l = {0};
        st = view_extract(own_view(a), &l, path, relpath, data, n, rec, left_out);
        log_replay(a->p, &l);
        log_free(&l);
    }
    if (st != NB_OK || *left_out || nb_ahead_replay(a, &rec->names)) return st;
    /* Only this thread adds to the table, so the article now sees it as a
     * run without threads would; names never make a report, so the
     * reports of this second extraction are those already made. */
    nb_record_free(rec);
    job_log again = {0};
    st = view_extract(own_view(a), &again, path, relpath, data, n, rec, left_out);
    log_free(&again);
    if (st != NB_OK || *left_out || !nb_ahead_replay(a, &rec->names))
        abort(); /* cannot be: the table did not change in between */
    a->again++;
    return st;
}

void nb_ahead_next(nb_ahead *a, size_t i)
{
    job_clear(job_of(a, i));
    pthread_mutex_lock(&a->mu);
    a->released++;
    pthread_cond_broadcast(&a->work);
    pthread_mutex_unlock(&a->mu);
}

void nb_ahead_end(nb_ahead *a)
{
    if (!a) return;
    pthread_mutex_lock(&a->mu);
    a->next = a->list->n; /* the threads take no more */
    pthread_cond_broadcast(&a->work);
    pthread_mutex_unlock(&a->mu);
    for (size_t t = 0; t < a->started; t++) pthread_join(a->wks[t].tid, NULL);
    for (size_t k = 0; k < a->n_slots; k++) job_clear(&a->slots[k]);
    /* make bench reads how the work was shared: what the threads did, and
     * what stayed with the caller (merging, articles extracted again) */
    if (getenv("NB_BENCH_TIMES")) {
        fprintf(stderr, "netbuild: %zu threads (CPU", a->started);
        for (size_t t = 0; t < a->started; t++) fprintf(stderr, " %.2f s", a->wks[t].cpu);
        fprintf(stderr, "), the merging thread %.2f s meanwhile, %zu article(s) extracted again in input order\n",
                thread_cpu() - a->cpu0, a->again);
    }
    nb_names_free(&own_view(a)->w.names);
    for (size_t t = 0; t <= a->started; t++) nb_memo_free(a->wks[t].w.memo); /* the threads' and the caller's */
    free(a->wks);
    free(a->slots);
    pthread_mutex_destroy(&a->mu);
    pthread_mutex_destroy(&a->names_lock);
    pthread_cond_destroy(&a->work);
    pthread_cond_destroy(&a->done);
    free(a);
}

/* Takes item i in input order, as nb_pipeline_file does. */
static void ahead_file(nb_ahead *a, size_t i)
{
    nb_pipeline *p = a->p;
    const nb_input *it = &a->list->items[i];
    nb_buf data = {0}, key = {0};
    bool own, left_out;
    nb_record rec;
    nb_status st = nb_ahead_read(a, i, &data, &key, &own);
    if (st != NB_OK || own) goto cleanup;
    if (nb_pipeline_copy(p, key.data, it->path, it->relpath, data.data, data.len)) goto cleanup;
    st = nb_ahead_extract(a, i, it->path, it->relpath, data.data, data.len, &rec, &left_out);
    if (st == NB_OK && !left_out) {
        size_t art = nb_pipeline_merge(p, it->relpath, &rec);
        pthread_mutex_lock(&a->names_lock); /* the threads read seen */
        nb_pipeline_seen(p, key.data, art, it->path);
        pthread_mutex_unlock(&a->names_lock);
    }
    nb_record_free(&rec);
cleanup:
    nb_ahead_next(a, i);
    nb_buf_free(&data);
    nb_buf_free(&key);
}

void nb_pipeline_files(nb_pipeline *p, const nb_input_list *list, unsigned jobs, void (*each)(void *ctx), void *ctx)
{
    /* the tree debug lines of two articles would interleave */
    if (jobs <= 1 || list->n <= 1 || p->tree_debug) {
        for (size_t i = 0; i < list->n; i++) {
            nb_pipeline_file(p, list->items[i].path, list->items[i].relpath);
            if (each) each(ctx);
        }
        return;
    }
    nb_ahead *a = nb_ahead_start(p, list, NULL, jobs, true);
    for (size_t i = 0; i < list->n; i++) {
        ahead_file(a, i);
        if (each) each(ctx);
    }
    nb_ahead_end(a);
}

typedef struct {
    nb_clean *c;
    size_t base;
} offset_ctx;

static size_t file_offset(void *ctx, size_t off)
{
    offset_ctx *o = ctx;
    return nb_clean_orig_offset(o->c, o->base + off);
}

nb_status nb_pipeline_conllu(nb_pipeline *p, const char *path, const char *relpath, nb_buf *out)
{
    nb_buf data = {0};
    nb_status st = read_article(p, path, &data);
    if (st != NB_OK) goto cleanup;
    if (looks_binary((const unsigned char *)data.data, data.len)) {
        report(p, relpath, "binary file, not text");
        p->skipped++;
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    nb_clean c;
    nb_clean_text(&c, data.data, data.len);
    p->read++;
    p->bytes += data.len;
    char *safe = nb_text_sanitize(relpath, strlen(relpath));
    nb_buf_printf(out, "# newdoc id = %s\n", safe);
    syn y = {0};
    nb_buf id = {0};
    size_t pos = 0, k = 0;
    nb_sentence s;
    while (nb_split_next(c.text, c.len, &pos, &s)) {
        if (s.len == 0) continue;
        p->sentences++;
        syn_analyze(p->nlp, &y, c.text + s.start, s.len, true, NULL, 0, NULL, NULL);
        if (y.us.n == 0) continue;
        p->parsed++;
        nb_buf_clear(&id);
        nb_buf_printf(&id, "%s#%zu", safe, ++k);
        offset_ctx oc = {&c, s.start};
        /* FORM as the file spells it, when the file is UTF-8 */
        nb_conllu_write(out, p->nlp, &y.us, id.data, c.text + s.start, s.len, file_offset, &oc,
                        c.encoding == 0 ? data.data : NULL, data.len);
    }
    nb_buf_free(&id);
    syn_free(&y);
    free(safe);
    nb_clean_free(&c);
cleanup:
    nb_buf_free(&data);
    return st;
}
