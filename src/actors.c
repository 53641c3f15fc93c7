#include "actors.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* ---- cross-article names ---------------------------------------------- */

void nb_names_free(nb_names *names)
{
    for (size_t i = 0; i < names->n; i++) {
        free(names->labels[i]);
        free(names->skels[i]);
    }
    free(names->labels);
    free(names->skels);
    free(names->kinds);
    nb_map_free(&names->by_skel);
    nb_map_free(&names->by_surname);
    free(names->del_keys);
    free(names->del_heads);
    free(names->node_label);
    free(names->node_next);
    memset(names, 0, sizeof *names);
}

/* The one-edit match reads skeletons of 8 bytes or more, and
 * nb_edit_distance compares longer ones than 64 bytes only for equality. */
#define NEAR_MIN 8
#define NEAR_MAX 64
/* At most this many candidates are compared per name: a flood of
 * near-identical names cannot make one lookup slow. */
#define NEAR_PROBES 64

/* FNV-1a of s without its byte at skip (skip >= n: the whole of s). */
static uint64_t del_hash(const char *s, size_t n, size_t skip)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        if (i == skip) continue;
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ? h : 1; /* 0 marks an empty slot */
}

static size_t del_slot(const nb_names *nm, uint64_t h)
{
    size_t i = (size_t)h & (nm->del_cap - 1);
    while (nm->del_keys[i] && nm->del_keys[i] != h) i = (i + 1) & (nm->del_cap - 1);
    return i;
}

static void del_add(nb_names *nm, uint64_t h, uint32_t label)
{
    if ((nm->del_len + 1) * 4 > nm->del_cap * 3) {
        uint64_t *ok = nm->del_keys;
        uint32_t *oh = nm->del_heads;
        size_t oc = nm->del_cap;
        nm->del_cap = oc ? oc * 2 : 1024;
        nm->del_keys = nb_calloc(nm->del_cap, sizeof *nm->del_keys);
        nm->del_heads = nb_malloc(nm->del_cap * sizeof *nm->del_heads);
        for (size_t i = 0; i < oc; i++) {
            if (!ok[i]) continue;
            size_t j = del_slot(nm, ok[i]);
            nm->del_keys[j] = ok[i];
            nm->del_heads[j] = oh[i];
        }
        free(ok);
        free(oh);
    }
    size_t i = del_slot(nm, h);
    uint32_t head = nm->del_keys[i] ? nm->del_heads[i] : UINT32_MAX;
    /* two deletions of one skeleton can collide: the label is there once */
    if (head != UINT32_MAX && nm->node_label[head] == label) return;
    size_t old = nm->cap_nodes;
    nb_grow(&nm->node_label, &nm->cap_nodes, nm->n_nodes + 1, sizeof *nm->node_label);
    if (nm->cap_nodes != old) nm->node_next = nb_realloc(nm->node_next, nm->cap_nodes * sizeof *nm->node_next);
    nm->node_label[nm->n_nodes] = label;
    nm->node_next[nm->n_nodes] = head;
    if (!nm->del_keys[i]) nm->del_len++;
    nm->del_keys[i] = h;
    nm->del_heads[i] = (uint32_t)nm->n_nodes++;
}

size_t nb_names_add(nb_names *nm, const char *label, nb_kind kind, const char *sk, size_t sk_len)
{
    size_t old = nm->cap;
    nb_grow(&nm->labels, &nm->cap, nm->n + 1, sizeof *nm->labels);
    if (nm->cap != old) {
        nm->kinds = nb_realloc(nm->kinds, nm->cap * sizeof *nm->kinds);
        nm->skels = nb_realloc(nm->skels, nm->cap * sizeof *nm->skels);
    }
    size_t idx = nm->n++;
    nm->labels[idx] = nb_strdup(label);
    nm->kinds[idx] = kind;
    nm->skels[idx] = nb_strndup(sk, sk_len);
    if (sk_len >= NEAR_MIN && sk_len <= NEAR_MAX && idx < UINT32_MAX) {
        del_add(nm, del_hash(sk, sk_len, SIZE_MAX), (uint32_t)idx);
        for (size_t k = 0; k < sk_len; k++)
            if (k == 0 || sk[k] != sk[k - 1]) /* deleting either of "ll" gives one string */
                del_add(nm, del_hash(sk, sk_len, k), (uint32_t)idx);
    }
    return idx;
}

/* Do a and b hold the same digits in the same order? "14 Corps" is one
 * edit from "10 Corps" but no spelling of it. */
static bool same_digits(const char *a, const char *b)
{
    for (;;) {
        while (*a && !isdigit((unsigned char)*a)) a++;
        while (*b && !isdigit((unsigned char)*b)) b++;
        if (*a != *b) return false;
        if (!*a) return true;
        a++;
        b++;
    }
}

size_t nb_names_near(const nb_names *nm, const char *sk, size_t sk_len)
{
    size_t best = SIZE_MAX, probes = 0;
    if (sk_len < NEAR_MIN || sk_len > NEAR_MAX || !nm->del_cap) return best;
    for (size_t k = SIZE_MAX;; k++) { /* SIZE_MAX: sk itself, then each deletion */
        if (k != SIZE_MAX && k >= sk_len) break;
        if (k != SIZE_MAX && k > 0 && sk[k] == sk[k - 1]) continue;
        uint64_t h = del_hash(sk, sk_len, k);
        size_t i = del_slot(nm, h);
        if (!nm->del_keys[i]) continue;
        for (uint32_t nd = nm->del_heads[i]; nd != UINT32_MAX; nd = nm->node_next[nd]) {
            size_t idx = nm->node_label[nd];
            if (idx >= best) continue;
            if (probes++ >= NEAR_PROBES) return best;
            if (nb_edit_distance(nm->skels[idx], sk, 1) <= 1 && same_digits(nm->skels[idx], sk)) best = idx;
        }
    }
    return best;
}

size_t nb_names_lookup(const nb_names *nm, const char *sk, size_t sk_len, bool one_word)
{
    size_t v;
    if ((sk_len >= 4 && nb_map_get(&nm->by_skel, sk, &v)) ||
        (one_word && sk_len >= 4 && nb_map_get(&nm->by_surname, sk, &v) && v != SIZE_MAX))
        return v;
    return nb_names_near(nm, sk, sk_len);
}

void nb_names_insert(nb_names *nm, const char *label, nb_kind kind, const char *sk, size_t sk_len,
                     const char *surname)
{
    size_t idx = nb_names_add(nm, label, kind, sk, sk_len), prev;
    nb_map_put(&nm->by_skel, sk, idx);
    if (surname && strlen(surname) >= 4) {
        /* a surname two people share resolves to neither */
        if (nb_map_get(&nm->by_surname, surname, &prev) && prev != idx) nb_map_put(&nm->by_surname, surname, SIZE_MAX);
        else nb_map_put(&nm->by_surname, surname, idx);
    }
}

void nb_name_log_push(nb_name_log *log, bool add, bool one_word, nb_kind kind, const char *sk,
                      const char *label, const char *surname)
{
    nb_grow(&log->ev, &log->cap, log->n + 1, sizeof *log->ev);
    log->ev[log->n++] = (nb_name_event){add, one_word, kind, nb_strdup(sk), label ? nb_strdup(label) : NULL,
                                        surname ? nb_strdup(surname) : NULL};
}

void nb_name_log_free(nb_name_log *log)
{
    for (size_t i = 0; i < log->n; i++) {
        free(log->ev[i].sk);
        free(log->ev[i].label);
        free(log->ev[i].surname);
    }
    free(log->ev);
    memset(log, 0, sizeof *log);
}

/* The one-edit match over a table holding a's names and then b's (b's
 * indices after a's), as nb_names_near over that table would answer: a
 * chain is read newest first, so b's nodes before a's. */
static size_t near2(const nb_names *a, const nb_names *b, const char *sk, size_t sk_len)
{
    size_t best = SIZE_MAX, probes = 0;
    if (sk_len < NEAR_MIN || sk_len > NEAR_MAX || (!a->del_cap && !b->del_cap)) return best;
    for (size_t k = SIZE_MAX;; k++) {
        if (k != SIZE_MAX && k >= sk_len) break;
        if (k != SIZE_MAX && k > 0 && sk[k] == sk[k - 1]) continue;
        uint64_t h = del_hash(sk, sk_len, k);
        for (int t = 1; t >= 0; t--) {
            const nb_names *nm = t ? b : a;
            size_t off = t ? a->n : 0;
            if (!nm->del_cap) continue;
            size_t i = del_slot(nm, h);
            if (!nm->del_keys[i]) continue;
            for (uint32_t nd = nm->del_heads[i]; nd != UINT32_MAX; nd = nm->node_next[nd]) {
                size_t idx = off + nm->node_label[nd];
                if (idx >= best) continue;
                if (probes++ >= NEAR_PROBES) return best;
                if (nb_edit_distance(nm->skels[nm->node_label[nd]], sk, 1) <= 1 &&
                    same_digits(nm->skels[nm->node_label[nd]], sk))
                    best = idx;
            }
        }
    }
    return best;
}

/* nb_names_lookup over a table holding a's names and then b's. */
static size_t lookup2(const nb_names *a, const nb_names *b, const char *sk, size_t sk_len, bool one_word)
{
    size_t va, vb;
    if (sk_len >= 4 && nb_map_get(&a->by_skel, sk, &va)) return va;
    if (sk_len >= 4 && nb_map_get(&b->by_skel, sk, &vb)) return a->n + vb;
    if (one_word && sk_len >= 4) {
        bool ha = nb_map_get(&a->by_surname, sk, &va), hb = nb_map_get(&b->by_surname, sk, &vb);
        /* a surname in both is two people's: ambiguous */
        if (ha && !hb && va != SIZE_MAX) return va;
        if (!ha && hb && vb != SIZE_MAX) return a->n + vb;
    }
    return near2(a, b, sk, sk_len);
}

bool nb_names_replay(nb_names *nm, const nb_name_log *log)
{
    /* The article's own names go to a side table first, so that a lookup
     * that differs leaves nm as it was. */
    nb_names own = {0};
    bool ok = true;
    for (size_t i = 0; i < log->n && ok; i++) {
        const nb_name_event *e = &log->ev[i];
        size_t sl = strlen(e->sk);
        if (e->add) {
            nb_names_insert(&own, e->label, e->kind, e->sk, sl, e->surname);
            continue;
        }
        size_t idx = lookup2(nm, &own, e->sk, sl, e->one_word);
        if ((idx == SIZE_MAX) != (e->label == NULL)) ok = false;
        else if (idx != SIZE_MAX) {
            const nb_names *t = idx < nm->n ? nm : &own;
            size_t j = idx < nm->n ? idx : idx - nm->n;
            ok = t->kinds[j] == e->kind && !strcmp(t->labels[j], e->label);
        }
    }
    nb_names_free(&own);
    for (size_t i = 0; i < log->n && ok; i++) {
        const nb_name_event *e = &log->ev[i];
        if (e->add) nb_names_insert(nm, e->label, e->kind, e->sk, strlen(e->sk), e->surname);
    }
    return ok;
}

/* ---- article entities -------------------------------------------------- */

void nb_actors_begin(nb_article_actors *aa, const nb_dict *dict, nb_names *names)
{
    memset(aa, 0, sizeof *aa);
    aa->dict = dict;
    aa->names = names;
    aa->dateline_entry = -1;
    aa->opener[0] = aa->opener[1] = -1;
}

void nb_actors_end(nb_article_actors *aa)
{
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *e = &aa->ents[i];
        free(e->label);
        free(e->key);
        free(e->skel);
        free(e->surname);
        free(e->group_head);
        free(e->noun);
        for (size_t k = 0; k < e->n_forms; k++) free(e->forms[k]);
        free(e->forms);
    }
    free(aa->ents);
    nb_map_free(&aa->declared);
    nb_map_free(&aa->places);
    nb_map_free(&aa->first_key);
    nb_map_free(&aa->first_skel);
    nb_map_free(&aa->first_label);
    nb_map_free(&aa->parts.heads);
    free(aa->parts.vals);
    free(aa->parts.next);
    memset(aa, 0, sizeof *aa);
}

static void multi_add(nb_multimap *m, const char *key, int val)
{
    size_t old = m->cap, head;
    nb_grow(&m->vals, &m->cap, m->n + 1, sizeof *m->vals);
    if (m->cap != old) m->next = nb_realloc(m->next, m->cap * sizeof *m->next);
    m->vals[m->n] = val;
    m->next[m->n] = nb_map_get(&m->heads, key, &head) ? head : SIZE_MAX;
    nb_map_put(&m->heads, key, m->n++);
}

/* The newest node of key's chain, or SIZE_MAX. */
static size_t multi_first(const nb_multimap *m, const char *key)
{
    size_t head;
    return nb_map_get(&m->heads, key, &head) ? head : SIZE_MAX;
}

static void put_first(nb_map *m, const char *key, size_t val)
{
    if (!nb_map_get(m, key, NULL)) nb_map_put(m, key, val);
}

/* Adds the entities made since the last call to the article's indices. */
static void index_entities(nb_article_actors *aa)
{
    nb_buf k = {0};
    for (; aa->n_indexed < aa->n_ents; aa->n_indexed++) {
        size_t i = aa->n_indexed;
        const nb_entity *e = &aa->ents[i];
        put_first(&aa->first_label, e->label, i);
        if (e->group_head) continue;
        put_first(&aa->first_key, e->key, i);
        put_first(&aa->first_skel, e->skel, i);
        if (strchr(e->key, ' ')) {
            nb_buf_clear(&k);
            nb_buf_printf(&k, "s%s", e->surname);
            multi_add(&aa->parts, k.data, (int)i);
            /* a person of three names or more also goes by the one before
             * the last ("Rocha" for Ruben Rocha Moya, "Guzman" for Joaquin
             * Guzman Loera: a first surname), when no particle */
            const char *last = strrchr(e->key, ' '), *prev = last;
            while (prev > e->key && prev[-1] != ' ') prev--;
            if (e->kind == NB_KIND_PERSON && prev > e->key && last - prev >= 4 &&
                !nb_lex_in(prev, (size_t)(last - prev), NB_LEX_CONNECT)) {
                nb_buf sn = {0};
                nb_buf_clear(&k);
                nb_buf_put(&k, prev, (size_t)(last - prev));
                nb_name_skeleton(k.data, &sn);
                nb_buf_clear(&k);
                nb_buf_printf(&k, "s%s", sn.data ? sn.data : "");
                if (sn.len >= 3) multi_add(&aa->parts, k.data, (int)i);
                nb_buf_free(&sn);
            }
            for (const char *sp = strchr(e->skel, ' '); sp; sp = strchr(sp + 1, ' ')) {
                nb_buf_clear(&k);
                nb_buf_putc(&k, 'p');
                nb_buf_put(&k, e->skel, (size_t)(sp - e->skel));
                multi_add(&aa->parts, k.data, (int)i);
                nb_buf_clear(&k);
                nb_buf_printf(&k, "t%s", sp + 1);
                multi_add(&aa->parts, k.data, (int)i);
            }
        }
        /* the capitals that start its words: the acronym that names it */
        nb_buf_clear(&k);
        nb_buf_putc(&k, 'a');
        for (const char *p = e->label; *p; p++)
            if ((p == e->label || p[-1] == ' ' || p[-1] == '-') && *p >= 'A' && *p <= 'Z')
                nb_buf_putc(&k, *p);
        if (k.len >= 3 && k.len <= 7) multi_add(&aa->parts, k.data, (int)i);
    }
    nb_buf_free(&k);
}

static void add_form(nb_entity *e, const char *s, size_t n)
{
    for (size_t i = 0; i < e->n_forms; i++)
        if (strlen(e->forms[i]) == n && memcmp(e->forms[i], s, n) == 0) return;
    if (e->n_forms >= 32) return; /* bounded: a name has few spellings */
    nb_grow(&e->forms, &e->cap_forms, e->n_forms + 1, sizeof *e->forms);
    e->forms[e->n_forms++] = nb_strndup(s, n);
}

static int new_entity(nb_article_actors *aa, const char *label, nb_kind kind, int dict)
{
    nb_grow(&aa->ents, &aa->cap_ents, aa->n_ents + 1, sizeof *aa->ents);
    nb_entity *e = &aa->ents[aa->n_ents];
    memset(e, 0, sizeof *e);
    e->label = nb_strdup(label);
    nb_buf k = {0}, sk = {0};
    nb_name_key(label, strlen(label), &k);
    nb_name_skeleton(k.data, &sk);
    e->key = nb_buf_detach(&k);
    e->skel = nb_buf_detach(&sk);
    const char *last = strrchr(e->key, ' ');
    nb_buf sn = {0};
    nb_name_skeleton(last ? last + 1 : e->key, &sn);
    e->surname = nb_buf_detach(&sn);
    e->kind = kind;
    e->dict = dict;
    e->organ = dict >= 0 && aa->dict->entries[dict].organ;
    e->country = -1;
    e->alias_of = -1;
    e->org = -1;
    e->pair[0] = e->pair[1] = -1;
    e->first_sent = aa->sentence;
    return (int)aa->n_ents++;
}

static int entity_for_dict(nb_article_actors *aa, size_t entry)
{
    for (size_t i = 0; i < aa->n_ents; i++) {
        if (aa->ents[i].dict != (int)entry) continue;
        int e = (int)i;
        while (aa->ents[e].alias_of >= 0) e = aa->ents[e].alias_of;
        return e;
    }
    const nb_dict_entry *de = &aa->dict->entries[entry];
    return new_entity(aa, de->name, de->kind, (int)entry);
}

void nb_actors_dateline(nb_article_actors *aa, const char *place)
{
    nb_buf key = {0}, tk = {0};
    const char *p = place;
    while (*p && *p != '(') {
        /* one comma-separated part: "SAN JOSE", "Costa Rica", "Dec 3" */
        nb_buf_clear(&key);
        while (*p && *p != ',' && *p != '(') {
            while (*p == ' ') p++;
            const char *w = p;
            while (*p && *p != ' ' && *p != ',' && *p != '(') p++;
            if (p == w || (p == w + 1 && *w == '-')) continue;
            nb_name_key(w, (size_t)(p - w), &tk);
            if (key.len) nb_buf_putc(&key, ' ');
            nb_buf_put(&key, tk.data, tk.len);
        }
        size_t e;
        unsigned fl;
        if (key.len && nb_dict_get(aa->dict, key.data, &e, &fl) && aa->dict->entries[e].kind == NB_KIND_COUNTRY)
            aa->dateline_entry = (int)e;
        if (*p == ',') p++;
    }
    nb_buf_free(&key);
    nb_buf_free(&tk);
}

static void touch(nb_article_actors *aa, int ent, const char *surface, size_t n)
{
    nb_entity *e = &aa->ents[ent];
    e->last_seen = ++aa->clock;
    if (e->last_sent != aa->sentence) {
        e->last_sent = aa->sentence;
        e->sent_rank = ++aa->rank;
    }
    e->mentions++;
    if (surface && n) add_form(e, surface, n);
}

/* A pronoun or description that resolved to ent: a mention of it for
 * centering (the next "it" prefers what this sentence talked about), not
 * a naming (mentions counts names). */
static void refer(nb_article_actors *aa, int ent)
{
    nb_entity *e = &aa->ents[ent];
    e->last_seen = ++aa->clock;
    if (e->last_sent != aa->sentence) {
        e->last_sent = aa->sentence;
        e->sent_rank = ++aa->rank;
    }
}

/* ---- token helpers ----------------------------------------------------- */

typedef struct {
    nb_article_actors *aa;
    const char *s;
    const nb_tok *t;
    size_t n;
    char **low;           /* lowercase copy of every token */
    nb_item *items;
    size_t n_items, *cap;
    bool headline;        /* title-case line: capitals carry no signal */
    bool *inq;            /* per token: inside a quotation */
    nb_buf *dm_key, *dm_word; /* dict_match's, kept for the sentence: it runs at every token */
} ctx;

/* Past the last token is the empty word: look-aheads at the end of a cut
 * article ("... the Russian") then simply fail to match. */
static const char *lw(const ctx *c, size_t i) { return i < c->n ? c->low[i] : ""; }
static size_t tlen(const ctx *c, size_t i) { return c->t[i].len; }
static bool is(const ctx *c, size_t i, const char *w)
{
    return i < c->n && strcmp(c->low[i], w) == 0;
}
static bool in(const ctx *c, size_t i, const char *const *list)
{
    return i < c->n && nb_lex_in(c->low[i], c->t[i].len, list);
}
static bool cap(const ctx *c, size_t i)
{
    return i < c->n && (c->t[i].flags & NB_TOK_CAP) && (c->t[i].flags & NB_TOK_WORD);
}
static bool hyphen(const ctx *c, size_t i)
{
    return i < c->n && c->t[i].len == 1 && c->s[c->t[i].start] == '-' &&
           (c->t[i].flags & NB_TOK_GLUE);
}

/* A lone apostrophe at k after a name ending in last == 's' is a plural
 * possessive ("TotalEnergies' chief"), not a closing quote. */
static bool plural_poss(const ctx *c, size_t k, char last)
{
    return last == 's' && is(c, k, "'") && (c->t[k].flags & NB_TOK_GLUE) &&
           !(k + 1 < c->n && (c->t[k + 1].flags & NB_TOK_GLUE));
}

static void push_item(ctx *c, size_t t0, size_t t1, uint32_t flags, int ent)
{
    nb_grow(&c->items, c->cap, c->n_items + 1, sizeof *c->items);
    nb_item *it = &c->items[c->n_items++];
    it->t0 = (uint32_t)t0;
    it->t1 = (uint32_t)t1;
    it->flags = flags;
    it->ent = ent;
    it->w = c->low[t0];
    /* a name says where the actor was last named; a pronoun inside a
     * quotation that found it does not move it there */
    if ((flags & NB_IT_ACTOR) && !(flags & NB_IT_PRON) && ent >= 0) c->aa->ents[ent].quoted = c->inq && c->inq[t0];
}

/* Is token k written in capitals: "US", "U.S.", "M23", "G7" (letters all
 * uppercase, digits and dots allowed)? */
static bool in_capitals(const ctx *c, size_t k)
{
    const char *p = c->s + c->t[k].start;
    bool upper = false;
    for (size_t j = 0; j < c->t[k].len; j++) {
        if (islower((unsigned char)p[j])) return false;
        upper |= isupper((unsigned char)p[j]) != 0;
    }
    return upper;
}

/* Has the word at k a capital after its first letter, among lower-case
 * ones ("LockBit", "KontraS", "McDonald": a name's spelling, not a
 * capitalised common word)? */
static bool camel(const ctx *c, size_t k)
{
    const char *w = c->s + c->t[k].start;
    size_t n = c->t[k].len;
    bool lower = false, inner = false;
    for (size_t q = 1; q < n; q++) {
        if (w[q] >= 'a' && w[q] <= 'z') lower = true;
        if (w[q] >= 'A' && w[q] <= 'Z') inner = true;
    }
    return n >= 4 && w[0] >= 'A' && w[0] <= 'Z' && lower && inner;
}

/* Longest dictionary match starting at token i; returns its end or i. */
static size_t dict_match(const ctx *c, size_t i, size_t *entry, unsigned *flags)
{
    const nb_dict *d = c->aa->dict;
    if (i >= c->n || !(c->t[i].flags & NB_TOK_WORD)) return i;
    nb_buf *key = c->dm_key, *tk = c->dm_word;
    nb_buf_clear(key);
    size_t best = i, words = 0;
    for (size_t j = i; j < c->n && words < d->max_tokens; j++) {
        if (hyphen(c, j) && j > i) continue;
        if (j > i && (c->t[j].flags & NB_TOK_GLUE) && c->t[j].len == 1 && c->s[c->t[j].start] == '\'')
            continue; /* "Kurdistan Workers' Party" */
        /* "Sudan People's Liberation Movement-North": a possessive inside a
         * name keys as the name does ("peoples"); anywhere else it ends it */
        bool poss_s = j > i && strcmp(c->low[j], "'s") == 0 && (c->t[j].flags & NB_TOK_GLUE);
        /* ("MS-13": a number glued on by a hyphen is the name's) */
        bool num = j > i + 1 && (c->t[j].flags & NB_TOK_NUM) && (c->t[j].flags & NB_TOK_GLUE) && hyphen(c, j - 1);
        if (!poss_s && !num && (!(c->t[j].flags & NB_TOK_WORD) || strcmp(c->low[j], "'s") == 0)) break;
        nb_name_key(c->s + c->t[j].start, c->t[j].len, tk);
        if (key->len && !poss_s) nb_buf_putc(key, ' ');
        nb_buf_put(key, tk->data, tk->len);
        words++;
        size_t e;
        unsigned fl;
        /* (a word its possessive completes is looked up with it: "People" + "'s") */
        bool poss_next = j > i && j + 1 < c->n && strcmp(c->low[j + 1], "'s") == 0 && (c->t[j + 1].flags & NB_TOK_GLUE);
        bool goes_on = nb_map_get(&d->prefix, key->data, NULL);
        if (!goes_on && !poss_next) break; /* no alias goes on */
        /* (a name does not end in its possessive: "Quds Force's" is no "Quds Forces") */
        if (goes_on && !poss_s && key->len && nb_dict_get(d, key->data, &e, &fl)) {
            /* Acronyms match only in capitals ("US", not "us"); other names
             * need a capital first letter unless written all in lowercase. */
            bool ok = true;
            if (fl & NB_ALIAS_UPPER) {
                for (size_t k = i; k <= j; k++)
                    if ((c->t[k].flags & NB_TOK_WORD) && !(c->t[k].flags & NB_TOK_NUM) && !in_capitals(c, k)) ok = false;
            } else if (!cap(c, i) && !(in(c, i, NB_LEX_CONNECT) && hyphen(c, i + 1) && cap(c, i + 2)) &&
                       !((is(c, i, "al") || is(c, i, "el")) && j > i && cap(c, i + 1))) {
                ok = false; /* "al-Shabaab", "al Qaeda" may start in lowercase */
            }
            if (ok) {
                best = j + 1;
                *entry = e;
                *flags = fl;
            }
        }
    }
    return best;
}

/* Multi-word organ phrases: "security forces", "armed forces", "air force",
 * "foreign ministry", "state media". Returns tokens consumed at i. */
static size_t organ_len(const ctx *c, size_t i, bool mods_ok)
{
    if (i >= c->n) return 0;
    size_t k = i;
    /* modifiers before a facility: "oil refineries", "army convoy",
     * "nuclear and military sites" (after "Saudi", "Israel's": after a bare
     * name the word is a verb, "China donated patrol boats") */
    for (size_t m = 1; m <= 3 && mods_ok; m++) {
        bool mods = true;
        for (size_t q = k; q < k + m; q++)
            if (q >= c->n || (in(c, q, NB_LEX_ORGAN) && !is(c, q, "military")) || in(c, q, NB_LEX_FACILITY) ||
                cap(c, q) || !(c->t[q].flags & NB_TOK_WORD) || nb_lex_group_head(lw(c, q), tlen(c, q)) ||
                (m == 3 && q == k + 1 && !is(c, q, "and")))
                mods = false;
        if (mods && in(c, k + m, NB_LEX_FACILITY)) return m + 1;
    }
    if (in(c, k, NB_LEX_ORGAN)) {
        k++;
        while (k < c->n && k < i + 3 &&
               (in(c, k, NB_LEX_ORGAN) || is(c, k, "forces") || is(c, k, "force") ||
                is(c, k, "ministry") || is(c, k, "media") || is(c, k, "services") ||
                is(c, k, "department") || is(c, k, "command")))
            k++;
        /* "military base(s)" and "Iraqi military base" are places, folded too. */
        while (k < c->n && in(c, k, NB_LEX_FACILITY)) k++;
        /* a modifier with no organ after it is none: "Iran armed Hezbollah",
         * "Russia's foreign and defence ministers" keeps its head */
        static const char *const MOD_ONLY[] = {"armed", "security", "defense", "defence", "foreign", "interior", NULL};
        while (k > i && in(c, k - 1, MOD_ONLY)) k--;
        return k - i;
    }
    if (in(c, k, NB_LEX_FACILITY)) return 1;
    return 0;
}

/* Skips group adjectives ("Shiite", "armed", "local") and returns the index
 * of a generic group noun after them, or SIZE_MAX. */
static size_t group_noun_at(const ctx *c, size_t i)
{
    size_t k = i;
    while (k < c->n && k < i + 3 && (in(c, k, NB_LEX_GROUP_ADJ) || hyphen(c, k)) &&
           !nb_lex_group_head(lw(c, k), tlen(c, k)))
        k++;
    if (k < c->n && nb_lex_group_head(lw(c, k), strlen(lw(c, k)))) return k;
    return SIZE_MAX;
}

/* After a group noun, "groups" / "factions" / "fighters" belong to it. */
static size_t group_tail(const ctx *c, size_t k)
{
    while (k < c->n && (is(c, k, "group") || is(c, k, "groups") || is(c, k, "factions") ||
                        is(c, k, "faction") || is(c, k, "fighters") || is(c, k, "members")))
        k++;
    return k;
}

static int group_entity(nb_article_actors *aa, const char *qual, const char *head)
{
    nb_buf label = {0};
    if (qual && qual[0]) nb_buf_printf(&label, "%s %s", qual, head);
    else nb_buf_puts(&label, head);
    int found = -1;
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *e = &aa->ents[i];
        if (!e->group_head || strcmp(e->group_head, head) != 0) continue;
        /* An unqualified "militias" is the qualified group named before. */
        if (strcmp(e->label, label.data) == 0 || !qual || !qual[0]) {
            if (found < 0 || aa->ents[i].last_seen > aa->ents[found].last_seen) found = (int)i;
        }
    }
    if (found < 0) {
        found = new_entity(aa, label.data, NB_KIND_GROUP, -1);
        aa->ents[found].group_head = nb_strdup(head);
    }
    nb_buf_free(&label);
    return found;
}

/* Most recent entity matching a predicate, for pronouns and descriptions. */
static int recent(nb_article_actors *aa, int kind_mask, uint32_t roles)
{
    int best = -1;
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *e = &aa->ents[i];
        if (!(kind_mask & (1 << e->kind))) continue;
        if (roles && !(e->roles & roles)) continue;
        if (best < 0 || e->last_seen > aa->ents[best].last_seen) best = (int)i;
    }
    return best;
}

/* True when word w (lowercase) is one of the words of label. */
static bool name_has(const char *label, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = label; *p; p++) {
        if (p != label && p[-1] != ' ' && p[-1] != '-') continue;
        size_t k = 0;
        while (k < n && p[k] && tolower((unsigned char)p[k]) == w[k]) k++;
        if (k == n && (p[k] == 0 || p[k] == ' ' || p[k] == '-')) return true;
    }
    return false;
}

/* The label or a written form has word w: "the mission" is the UNMISS
 * written "the U.N. Mission in South Sudan" */
static bool named_by(const nb_entity *e, const char *w)
{
    if (name_has(e->label, w)) return true;
    for (size_t k = 0; k < e->n_forms; k++)
        if (name_has(e->forms[k], w)) return true;
    return false;
}

/* The country "the army" belongs to: the latest named with its army
 * ("Sudan's army"), else the country the article names most (at least
 * twice), as reports on a civil war call its army just "the army". */
static int army_of(nb_article_actors *aa)
{
    int ent = recent(aa, 1 << NB_KIND_COUNTRY, NB_ROLE_ARMY);
    if (ent >= 0) return ent;
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *e = &aa->ents[i];
        if (e->kind != NB_KIND_COUNTRY || e->alias_of >= 0 || e->mentions < 2) continue;
        if (ent < 0 || e->mentions > aa->ents[ent].mentions) ent = (int)i;
    }
    return ent;
}

int nb_actors_prev_opener(const nb_article_actors *aa)
{
    return aa->opener[0];
}

int nb_actors_home_state(const nb_article_actors *aa)
{
    int best = -1;
    long second = 0;
    for (size_t i = 0; i < aa->n_ents; i++) {
        const nb_entity *e = &aa->ents[i];
        if (e->kind != NB_KIND_COUNTRY || e->alias_of >= 0) continue;
        if (best < 0 || e->mentions > aa->ents[best].mentions) {
            if (best >= 0) second = aa->ents[best].mentions;
            best = (int)i;
        } else if (e->mentions > second) {
            second = e->mentions;
        }
    }
    if (best < 0 || aa->ents[best].mentions < 2 || second * 3 > aa->ents[best].mentions * 2) return -1;
    return best;
}

/* The home state, unless this sentence is set in another state. */
static int home_state(const ctx *c)
{
    const nb_article_actors *aa = c->aa;
    int best = nb_actors_home_state(aa);
    if (best < 0) return -1;
    /* (a sentence set in another state, or its capital, may be about that
     * state's police: "In Port-au-Prince, police raided ...") */
    for (size_t q = 1; q < c->n; q++) {
        size_t e;
        unsigned f;
        size_t j = dict_match(c, q, &e, &f);
        if (j <= q) continue;
        if (aa->dict->entries[e].kind == NB_KIND_COUNTRY && is(c, q - 1, "in") &&
            (aa->ents[best].dict < 0 || (size_t)aa->ents[best].dict != e))
            return -1;
        q = j - 1;
    }
    return best;
}

/* The state a sentence opening "In Beijing, ..." is set in, or the one
 * named right after token i, before any punctuation ("a ministry spokesman
 * in Islamabad"): a country or capital after "in", or -1. */
static int place_state(const ctx *c, size_t i)
{
    size_t e, j;
    unsigned f;
    /* "In Beijing, ..." opening the sentence */
    if (is(c, 0, "in") && (j = dict_match(c, 1, &e, &f)) > 1 && j <= i && is(c, j, ",") &&
        c->aa->dict->entries[e].kind == NB_KIND_COUNTRY && !(f & NB_ALIAS_DEMONYM))
        return entity_for_dict(c->aa, e);
    /* (or right after the office, before any punctuation: "a ministry
     * spokesman in Islamabad") */
    for (size_t q = i + 1; q + 1 < c->n && q < i + 6 && !(c->t[q].flags & NB_TOK_PUNCT); q++)
        if (is(c, q, "in") && (j = dict_match(c, q + 1, &e, &f)) > q + 1 &&
            c->aa->dict->entries[e].kind == NB_KIND_COUNTRY && !(f & NB_ALIAS_DEMONYM))
            return entity_for_dict(c->aa, e);
    return -1;
}

/* A state's ministry named now: "the ministry" may mean it for a while. */
static void note_ministry(nb_article_actors *aa, int ent)
{
    aa->ents[ent].roles |= NB_ROLE_MINISTRY;
    aa->ministry_ent = ent;
    aa->ministry_sent = aa->sentence;
}

/* The first country the article named (its topic, as a lede names it
 * first), or -1. */
static int first_country(const nb_article_actors *aa)
{
    for (size_t i = 0; i < aa->n_ents; i++) {
        int e = (int)i;
        while (aa->ents[e].alias_of >= 0) e = aa->ents[e].alias_of;
        if (aa->ents[e].kind == NB_KIND_COUNTRY && aa->ents[i].mentions >= 1) return e;
    }
    return -1;
}

/* The state an unowned organ of state means: the army's ("the army"),
 * else the one country the article names most, if one leads. */
static int state_of(nb_article_actors *aa)
{
    int ent = army_of(aa);
    if (ent >= 0) return ent;
    int best = -1, second = 0;
    for (size_t i = 0; i < aa->n_ents; i++) {
        const nb_entity *e = &aa->ents[i];
        if (e->kind != NB_KIND_COUNTRY || e->alias_of >= 0 || e->mentions < 1) continue;
        if (best < 0 || e->mentions > aa->ents[best].mentions) {
            if (best >= 0) second = aa->ents[best].mentions;
            best = (int)i;
        } else if (e->mentions > second) {
            second = e->mentions;
        }
    }
    return best >= 0 && aa->ents[best].mentions > second ? best : -1;
}

/* The entity a pronoun most likely means (centering): the first named
 * earlier in this sentence, else the first-named one of the previous
 * sentence, else the latest. A pronoun outside quotes (outside) skips
 * actors last named inside one: "'Hamas is a terrorist group,' Netanyahu
 * said. It ..." has no antecedent that agrees. */
/* Is the last word of e's name, in lower case, one of heads? */
static bool last_word_in(const nb_entity *e, const char *const *heads)
{
    const char *sp = strrchr(e->label, ' ');
    const char *w = sp ? sp + 1 : e->label;
    char low[32];
    size_t n = strlen(w);
    if (n >= sizeof low) return false;
    for (size_t k = 0; k <= n; k++) low[k] = (char)tolower((unsigned char)w[k]);
    return nb_lex_in(low, n, heads);
}

/* A state's or states' body by the last word of its name ("European Union",
 * "United Nations", "Security Council"): never what "the group" means. */
static bool state_body(const nb_entity *e)
{
    static const char *const HEADS[] = {"union", "nations", "council", "court", "commission", "bank", "fund",
                                        "agency", "parliament", "assembly", "ministry", "office", "department",
                                        "government", "mission", "intelligence", "service", "guard", "police",
                                        "wing", "directorate", "bureau", NULL};
    /* ("Office of the UN High Commissioner for Human Rights": the UN's) */
    /* ("State Committee for National Security": a state's security organ) */
    return e->organ || last_word_in(e, HEADS) || !strncmp(e->label, "Office of ", 10) || strstr(e->label, "United Nations") ||
           strstr(e->label, "UN ") || strstr(e->label, "U.N. ") || !strncmp(e->label, "State ", 6) ||
           strstr(e->label, "National Security") || strstr(e->label, "State Security") ||
           strstr(e->label, "General Security") || strstr(e->label, "Public Security") ||
           strstr(e->label, "Military Intelligence") || strstr(e->label, "General Intelligence") ||
           strstr(e->label, "Intelligence Service") || strstr(e->label, "Intelligence Agency") ||
           /* ("National Directorate for Drug Control", "Bureau of Investigation") */
           strstr(e->label, "Directorate ") || strstr(e->label, "Ministry of ") || strstr(e->label, "Department of ") ||
           strstr(e->label, "Bureau of ") || strstr(e->label, "Agency for ");
}

/* Is e a business that "the company" (h: "company", "firm", "conglomerate")
 * can mean: a name a business's word ends ("Golden Meridian Group", "Qeshm
 * Fars Air") or a business noun it was called by? Known organisations have
 * their own nouns. */
static bool business_called(const nb_entity *e, const char *h)
{
    static const char *const BUSINESS[] = {"group", "holdings", "inc", "ltd", "co", "corp", "corporation",
                                           "technology", "technologies", "industries", "air", "airlines",
                                           "airways", "energy", "petroleum", "mining", "telecom", "systems",
                                           "capital", "ventures", "llc", "plc", NULL};
    if (strcmp(h, "company") && strcmp(h, "firm") && strcmp(h, "conglomerate")) return false;
    if (e->dict >= 0) return false;
    return last_word_in(e, BUSINESS) ||
           (e->noun && (!strcmp(e->noun, "company") || !strcmp(e->noun, "firm") || !strcmp(e->noun, "conglomerate")));
}

/* Nouns a business or a charity is called by in apposition ("the utility,
 * Vejle Vand Nord,"): a civil body, which the name takes as its noun. */
static const char *const CIVIL_NOUNS[] = {"utility", "company", "firm", "operator", "charity", "broadcaster",
                                          "newspaper", "insurer", NULL};

/* A civil body by the last word of its name ("Human Rights Watch", "Amnesty
 * International", "the International Committee of the Red Cross"): never
 * what "the militia" or "the faction" means. */
static bool civil_body(const nb_entity *e)
{
    static const char *const HEADS[] = {"watch", "international", "observatory", "foundation", "institute",
                                        "committee", "cross", "crescent", "borders", "frontières", "frontieres",
                                        "centre", "center", "society", "association", "federation", "university",
                                        "programme", "program", "company", "corporation", "exchange", NULL};
    /* (or one an apposition or a lead called so) */
    if (e->noun && (nb_lex_in(e->noun, strlen(e->noun), CIVIL_NOUNS) || !strcmp(e->noun, "conglomerate"))) return true;
    return last_word_in(e, HEADS);
}

/* Is e a political organisation that "the party" may mean though its name
 * has no "Party": "United National Movement", "African National Congress",
 * "Rally of Houphouetists ...", "Georgian Dream", named lately? */
static bool party_named(const nb_article_actors *aa, const nb_entity *e)
{
    static const char *const HEADS[] = {"movement", "congress", "front", "rally", "dream", NULL};
    /* (no armed movement, no body of states; named in this sentence or
     * the one before) */
    if (e->kind != NB_KIND_ORG || state_body(e) || e->armed || e->last_sent + 1 < aa->sentence) return false;
    if (last_word_in(e, HEADS)) return true;
    return !strncmp(e->label, "Rally ", 6) || !strncmp(e->label, "Movement ", 9) || !strncmp(e->label, "Congress ", 9);
}

/* avoid: 1 skips states' bodies, 2 civil bodies too; 4 prefers an armed
 * group to the latest name when none is in this or the last sentence */
static int salient_if(nb_article_actors *aa, int kind_mask, bool outside, int avoid)
{
    int here = -1, prev = -1, last = -1, last_armed = -1;
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *e = &aa->ents[i];
        if (!(kind_mask & (1 << e->kind)) || (outside && e->quoted)) continue;
        if ((avoid & 1) && state_body(e)) continue;
        if ((avoid & 2) && civil_body(e)) continue;
        /* the latest, as recent() finds it */
        if (last < 0 || e->last_seen > aa->ents[last].last_seen) last = (int)i;
        if (e->armed && e->alias_of < 0 && (last_armed < 0 || e->last_seen > aa->ents[last_armed].last_seen))
            last_armed = (int)i;
        if (e->alias_of >= 0 || !e->last_sent) continue;
        if (e->last_sent == aa->sentence) {
            /* the first named, usually the subject: "Mali has denounced the
             * bloc as a tool of France, and it accused Algeria" */
            if (here < 0 || e->sent_rank < aa->ents[here].sent_rank) here = (int)i;
        } else if (e->last_sent + 1 == aa->sentence) {
            if (prev < 0 || e->sent_rank < aa->ents[prev].sent_rank) prev = (int)i;
        }
    }
    if (here >= 0) return here;
    if (prev >= 0) return prev;
    /* (4: none in these two sentences, "the group" is the armed group
     * named before rather than a body named in passing) */
    if ((avoid & 4) && last_armed >= 0) return last_armed;
    return last;
}

static int salient(nb_article_actors *aa, int kind_mask, bool outside)
{
    return salient_if(aa, kind_mask, outside, 0);
}

#define K(k) (1 << (k))

static uint32_t title_roles(const char *w0)
{
    /* ("Gen.", "Col.": the abbreviation's dot is no part of the title) */
    char w[24];
    size_t n = strlen(w0);
    if (n >= sizeof w) return 0;
    memcpy(w, w0, n + 1);
    if (n > 1 && w[n - 1] == '.') w[n - 1] = '\0';
    if (!strcmp(w, "president") || !strcmp(w, "premier") || !strcmp(w, "king") ||
        !strcmp(w, "emir") || !strcmp(w, "chancellor") || !strcmp(w, "sultan"))
        return NB_ROLE_HEAD_OF_STATE;
    if (!strcmp(w, "prime")) return NB_ROLE_HEAD_OF_STATE;
    if (!strcmp(w, "general") || !strcmp(w, "gen") || !strcmp(w, "commander") ||
        !strcmp(w, "colonel") || !strcmp(w, "col") || !strcmp(w, "brigadier") ||
        !strcmp(w, "major") || !strcmp(w, "admiral") || !strcmp(w, "marshal"))
        return NB_ROLE_MILITARY;
    if (!strcmp(w, "ayatollah") || !strcmp(w, "cleric") || !strcmp(w, "imam") ||
        !strcmp(w, "sheikh") || !strcmp(w, "mullah"))
        return NB_ROLE_CLERIC;
    if (!strcmp(w, "minister") || !strcmp(w, "secretary")) return NB_ROLE_MINISTER;
    if (!strcmp(w, "leader") || !strcmp(w, "chief") || !strcmp(w, "head")) return NB_ROLE_LEADER;
    if (!strncmp(w, "spokes", 6)) return NB_ROLE_SPOKES;
    return 0;
}

/* Is the capitalised run [i,j) written in the tokens a plausible name? */
static bool name_token(const ctx *c, size_t k)
{
    /* "14 Corps", "3 Commando Brigade": a unit's number opens its name */
    /* (after "the" or an owner, not a count: "about 14 Division soldiers") */
    static const char *const UNIT[] = {"corps", "division", "brigade", "battalion", "regiment", "fleet", "squadron",
                                       NULL};
    static const char *const BEFORE[] = {"the", "'s", "based", "its", "his", "their", NULL};
    /* (or one word between: "the 3 Commando Brigade") */
    if (k > 0 && k + 1 < c->n && (c->t[k].flags & NB_TOK_NUM) && c->t[k].len <= 3 && cap(c, k + 1) &&
        (in(c, k + 1, UNIT) || (k + 2 < c->n && cap(c, k + 2) && in(c, k + 2, UNIT))) && in(c, k - 1, BEFORE)) {
        bool digits = true;
        for (size_t q = 0; q < c->t[k].len; q++) digits &= isdigit((unsigned char)c->s[c->t[k].start + q]) != 0;
        if (digits) return true;
    }
    if (k < c->n && (c->t[k].flags & NB_TOK_NUM) && (c->t[k].flags & NB_TOK_WORD)) {
        /* "the 3R", "the 33rd Front": a digit opens some armed groups'
         * names; a number, a year or "1990s" does not */
        const char *p = c->s + c->t[k].start;
        size_t n = c->t[k].len, upper = 0, lower = 0;
        for (size_t q = 0; q < n; q++) {
            upper += isupper((unsigned char)p[q]) != 0;
            lower += islower((unsigned char)p[q]) != 0;
        }
        bool ordinal = n >= 3 && lower == 2 &&
                       (!strcmp(c->low[k] + n - 2, "st") || !strcmp(c->low[k] + n - 2, "nd") ||
                        !strcmp(c->low[k] + n - 2, "rd") || !strcmp(c->low[k] + n - 2, "th"));
        return (upper && !lower && n <= 4) || (ordinal && cap(c, k + 1) && !(c->t[k + 1].flags & NB_TOK_NUM));
    }
    if (!cap(c, k)) return false;
    return true;
}

/* Resolves an unknown proper name to an entity: the article's own actors
 * (same key, same skeleton, or a surname / part of a longer name, or an
 * acronym: "RSF" for "Rapid Support Forces"), the dictionary's skeletons,
 * then names from earlier articles. */
/* The entity named by label in this article (the first one), else a new
 * one with kind. */
static int entity_with_label(nb_article_actors *aa, const char *label, nb_kind kind)
{
    size_t i;
    index_entities(aa);
    if (nb_map_get(&aa->first_label, label, &i)) return (int)i;
    return new_entity(aa, label, kind, -1);
}

/* The cross-article name sk resolves to, copied into *label (NULL for
 * none), and its kind: from aa->names alone, or from aa->base followed by
 * aa->names, read under the lock because the merging thread grows base. */
static void base_lookup(const nb_article_actors *aa, const char *sk, size_t sk_len, bool one_word, char **label,
                        nb_kind *kind)
{
    const nb_names *nm = aa->names;
    size_t idx;
    if (aa->base_lock) pthread_mutex_lock(aa->base_lock);
    if (aa->base) {
        idx = lookup2(aa->base, nm, sk, sk_len, one_word);
        if (idx != SIZE_MAX && idx < aa->base->n) nm = aa->base;
        else if (idx != SIZE_MAX) idx -= aa->base->n;
    } else {
        idx = nb_names_lookup(nm, sk, sk_len, one_word);
    }
    if (idx != SIZE_MAX) {
        *label = nb_strdup(nm->labels[idx]);
        *kind = nm->kinds[idx];
    }
    if (aa->base_lock) pthread_mutex_unlock(aa->base_lock);
}

/* Is w, in lower case, one of list? */
static bool trade_word(const char *w, const char *const *list)
{
    char low[16];
    size_t n = strlen(w);
    if (n >= sizeof low) return false;
    for (size_t k = 0; k < n; k++) low[k] = nb_lower(w[k]);
    return nb_lex_in(low, n, list);
}

/* The one organisation of the article whose name ends in head (any case),
 * or, with no head, is name and a trade noun ("Kairos Exchange"); -1 when
 * none or several fit. */
static int org_by_part(const nb_article_actors *aa, const char *name, size_t len, const char *head)
{
    static const char *const TRADE[] = {"exchange", "group", "company", "corporation", "corp", "holdings",
                                        "bank", "inc", "ltd", "limited", "airlines", "airways", NULL};
    int cand = -1;
    for (size_t i = 0; i < aa->n_ents; i++) {
        const nb_entity *e = &aa->ents[i];
        const char *sp = strrchr(e->label, ' ');
        if (e->kind != NB_KIND_ORG || e->alias_of >= 0 || !sp) continue;
        bool fits = head ? !strcasecmp(sp + 1, head)
                         : (size_t)(sp - e->label) == len && !strncmp(e->label, name, len) && trade_word(sp + 1, TRADE);
        if (!fits) continue;
        if (cand >= 0) return -1; /* two such names: neither */
        cand = (int)i;
    }
    return cand;
}

/* Heads an organisation's name is shortened to when it is named again
 * ("Congress", "the Front"); not those that name a kind of body on their
 * own ("Party", "Council": "the Security Council" is no "Council") */
static const char *const HEAD_ALONE[] = {"congress", "front", "movement", "alliance", "coalition", NULL};

static int resolve_name(ctx *c, const char *name, size_t len, nb_kind guess, bool sentence_start)
{
    nb_article_actors *aa = c->aa;
    const nb_dict *d = aa->dict;
    nb_buf key = {0}, sk = {0}, q = {0};
    nb_name_key(name, len, &key);
    nb_name_skeleton(key.data, &sk);
    int ent = -1;
    size_t words = 1, v;
    for (size_t i = 0; i < key.len; i++) words += key.data[i] == ' ';
    index_entities(aa);
    /* 1. this article: the first entity with the same key or skeleton */
    {
        size_t first = SIZE_MAX;
        if (nb_map_get(&aa->first_key, key.data, &v)) first = v;
        if (sk.len >= 4 && nb_map_get(&aa->first_skel, sk.data, &v) && v < first) first = v;
        if (first != SIZE_MAX) ent = (int)first;
    }
    /* (not a name the words around make an organisation's: "the Ferreira
     * clan" after "Nelson Ferreira") */
    if (ent < 0 && sk.len >= 3 && !(guess == NB_KIND_ORG && words == 1)) {
        /* Surname or leading part of a person named earlier in the article:
         * one name alone matches a surname, several the leading or trailing
         * words of a longer name. */
        int cand = -1;
        bool amb = false;
        size_t probes = 0;
        for (int pass = 0; pass < (words == 1 ? 1 : 2) && !amb; pass++) {
            nb_buf_clear(&q);
            nb_buf_putc(&q, words == 1 ? 's' : pass ? 't' : 'p');
            nb_buf_put(&q, sk.data, sk.len);
            for (size_t nd = multi_first(&aa->parts, q.data); nd != SIZE_MAX && !amb;
                 nd = aa->parts.next[nd]) {
                int i = aa->parts.vals[nd];
                nb_entity *e = &aa->ents[i];
                if (e->kind != NB_KIND_PERSON && e->kind != NB_KIND_UNKNOWN) continue;
                /* too many namesakes to tell apart: as good as ambiguous */
                if (cand >= 0 && cand != i) amb = true;
                if (++probes > NEAR_PROBES) amb = true;
                cand = i;
            }
        }
        if (cand >= 0 && !amb) ent = cand;
    }
    /* 1b. an acronym of an organisation named earlier: "AA" for "Arakan Army" */
    if (ent < 0 && words == 1 && len >= 2 && len <= 6) {
        bool caps = true;
        for (size_t i = 0; i < len; i++)
            if (name[i] < 'A' || name[i] > 'Z') caps = false;
        int cand = -1;
        if (caps) {
            nb_buf_clear(&q);
            nb_buf_putc(&q, 'a');
            nb_buf_put(&q, name, len);
            for (size_t nd = multi_first(&aa->parts, q.data); nd != SIZE_MAX; nd = aa->parts.next[nd]) {
                nb_entity *e = &aa->ents[aa->parts.vals[nd]];
                if (e->kind != NB_KIND_ORG || e->alias_of >= 0) continue;
                if (cand >= 0) {
                    cand = -2;
                    break;
                }
                cand = aa->parts.vals[nd];
            }
        }
        if (cand >= 0) ent = cand;
    }
    /* 1c. an organisation named earlier, by the head noun its name ends in
     * (strict head match): "Congress" after "the Indian National Congress";
     * 1d. or without the trade noun it ends in: "Kairos" after "Kairos
     * Exchange" */
    if (ent < 0 && words == 1 && nb_lex_in(key.data, key.len, HEAD_ALONE)) ent = org_by_part(aa, name, len, key.data);
    if (ent < 0) ent = org_by_part(aa, name, len, NULL);
    /* 2. the dictionary, by skeleton or by a one-letter slip */
    if (ent < 0 && sk.len >= 5) {
        size_t e;
        if (nb_map_get(&d->skeleton, sk.data, &e) && e != SIZE_MAX) ent = entity_for_dict(aa, e);
    }
    /* 3. names from earlier articles: the same skeleton or surname, else the
     * first name within one edit of it; an entity the article already has
     * under that label is reused */
    if (ent < 0 && aa->names) {
        char *label = NULL;
        nb_kind kind = NB_KIND_UNKNOWN;
        bool surname = words == 1 && guess != NB_KIND_ORG; /* (as above) */
        base_lookup(aa, sk.data ? sk.data : "", sk.len, surname, &label, &kind);
        if (aa->log) nb_name_log_push(aa->log, false, surname, kind, sk.data ? sk.data : "", label, NULL);
        if (label) ent = entity_with_label(aa, label, kind);
        free(label);
    }
    if (ent < 0 && !sentence_start) {
        char *label = nb_strndup(name, len);
        ent = new_entity(aa, label, guess, -1);
        free(label);
        /* Shorter skeletons are never looked up (above): not kept. */
        if (aa->names && sk.len >= 4) {
            const char *sn = words >= 2 && guess == NB_KIND_PERSON ? aa->ents[ent].surname : NULL;
            nb_names_insert(aa->names, aa->ents[ent].label, guess, sk.data, sk.len, sn);
            if (aa->log) nb_name_log_push(aa->log, true, false, guess, sk.data, aa->ents[ent].label, sn);
        }
    }
    if (ent >= 0 && aa->ents[ent].kind == NB_KIND_UNKNOWN && guess != NB_KIND_UNKNOWN)
        aa->ents[ent].kind = guess;
    nb_buf_free(&key);
    nb_buf_free(&sk);
    nb_buf_free(&q);
    return ent;
}

static bool common_given_name(const char *w)
{
    static const char *const names[] = {
        "mohammed", "mohammad", "muhammad", "mohamed", "ahmed", "ahmad", "ali", "hassan",
        "hussein", "hossein", "abdul", "abdel", "abd", "abu", "omar", "umar", "khalid",
        "khaled", "mahmoud", "mustafa", "mostafa", "ibrahim", "ismail", "esmail", "qassem",
        "qasem", "qais", "jamal", "adel", "adil", "yahya", "yusuf", "youssef", "salman",
        "faisal", "hamza", "hamid", "hadi", "haider", "nouri", "nuri", "muqtada", "sayyed",
        "john", "james", "michael", "david", "robert", "william", "mark", "mike", "joe",
        "donald", "george", "peter", "paul", "richard", "thomas", "anthony", "antony",
        "lloyd", "vladimir", "sergei", "sergey", "dmitry", "yevgeny", "alexei", "volodymyr",
        "olena", "andriy", "oleksandr", "emmanuel", "benjamin", "yoav", "naftali", "yair",
        "recep", "abdullah", "salah", "said", "saeed", "tariq", "imran", "nawaz", "shehbaz",
        "asim", "bilal", "idris", "musa", "ibrahim", "aminu", "amina", "fatima", "maryam",
        "sarah", "mary", "elizabeth", "anne", "jennifer", "erica", "linda", "susan", "karen",
        "nancy", "lisa", "laura", "maria", "ana", "jose", "juan", "carlos", "luis", "jean",
        "pierre", "francois", "olaf", "angela", "ursula", "boris", "keir", "rishi", "xi",
        "kim", "min", "aung", "abiy", "isaias", "paul", "felix", "yoweri", "william",
        "assimi", "ibrahim", "abdourahamane", "mahamat", "idriss", "bola", "muhammadu", NULL};
    return nb_lex_in(w, strlen(w), names);
}

/* Does the name ending before j end in a centre of a field of work ("the
 * Southern Poverty Law Center", "the Tlachinollan Human Rights Center") or
 * a denomination's church: an organisation, not a building? */
static bool institution_name(const ctx *c, size_t j)
{
    static const char *const CENTRE[] = {"center", "centre", NULL};
    static const char *const FIELD[] = {"law", "rights", "research", "studies", "study", "policy", "justice",
                                        "documentation", "legal", "peace", "information", "strategic", "democracy",
                                        "development", "monitoring", "advocacy", "victims", "victim", NULL};
    if (j >= 2 && in(c, j - 1, CENTRE) && in(c, j - 2, FIELD)) return true;
    /* "the Russian Orthodox Church", "the Coptic Church": a denomination's
     * church is its organisation, not a building */
    static const char *const CHURCH[] = {"church", NULL};
    static const char *const CREED[] = {"orthodox", "catholic", "anglican", "evangelical", "lutheran", "methodist",
                                        "presbyterian", "coptic", "protestant", "baptist", "pentecostal",
                                        "apostolic", "maronite", "episcopal", "adventist", NULL};
    return j >= 2 && in(c, j - 1, CHURCH) && in(c, j - 2, CREED);
}

/* Is token h "Rally" opening the name that starts at i (past a "The"),
 * with "for" or "of" after it: a party ("Rally for Culture and Democracy"),
 * not a meeting ("the Butler Rally")? */
static bool rally_head(const ctx *c, size_t i, size_t h)
{
    return is(c, h, "rally") && (h == i || (h == i + 1 && is(c, i, "the"))) && (is(c, h + 1, "for") || is(c, h + 1, "of"));
}

static nb_kind guess_kind(const ctx *c, size_t i, size_t j, bool titled)
{
    if (titled) return NB_KIND_PERSON;
    for (size_t k = i; k < j; k++)
        if (in(c, k, NB_LEX_ORG_HEAD) || rally_head(c, i, k)) return NB_KIND_ORG;
    if (institution_name(c, j)) return NB_KIND_ORG;
    /* "Transparency International (Georgia)": a body's name */
    for (size_t k = i + 1; k < j; k++)
        if (is(c, k, "international")) return NB_KIND_ORG;
    /* "the naval mission Aspides", "the armed group Lakurawa": named after
     * an organisation noun, an organisation */
    if (i > 0 && !cap(c, i - 1) && in(c, i - 1, NB_LEX_ORG_HEAD)) return NB_KIND_ORG;
    /* "the Cutlass Hill gang", "the Ekpa faction": a name before a
     * lowercase organisation noun names that organisation */
    static const char *const ORG_TAIL[] = {"gang", "gangs", "cartel", "militia", "faction", "clan", "group",
                                           "movement", "network", "outfit", "syndicate", "mafia", NULL};
    /* (one word before "group" or "movement" is as often a creed or a
     * people: "Islamist group", "Kurdish movement") */
    static const char *const CRIME_TAIL[] = {"gang", "gangs", "cartel", "syndicate", "mafia", "clan", NULL};
    if (j < c->n && !cap(c, j) && in(c, j, ORG_TAIL) && (j - i >= 2 || in(c, j, CRIME_TAIL))) return NB_KIND_ORG;
    /* "Los Lobos", "La Mayiza": a Spanish plural or feminine article opens a
     * gang's or faction's name, never a person's */
    static const char *const ART_ORG[] = {"los", "las", "la", NULL};
    if (j - i >= 2 && in(c, i, ART_ORG)) return NB_KIND_ORG;
    if (common_given_name(lw(c, i)) && j - i >= 2) return NB_KIND_PERSON;
    size_t words = 0;
    bool particle = false;
    for (size_t k = i; k < j; k++) {
        if (c->t[k].flags & NB_TOK_WORD) words++;
        if (in(c, k, NB_LEX_CONNECT)) particle = true;
    }
    if (words >= 2 && particle) return NB_KIND_PERSON;
    if (words == 2 || words == 3) return NB_KIND_PERSON;
    return NB_KIND_UNKNOWN;
}

/* ---- the scanner ------------------------------------------------------- */

/* Is the capitalised word at k a demonym ("Cambodian", "Chinese")? */
static bool demonym_at(const ctx *c, size_t k)
{
    size_t e;
    unsigned f;
    return dict_match(c, k, &e, &f) == k + 1 && (f & NB_ALIAS_DEMONYM);
}

/* Nouns of an organisation a wire lead describes before naming it. */
static const char *const DESCRIBED[] = {"company", "firm", "conglomerate", "group", NULL};

/* "a Cambodian business conglomerate and its chairman", "a hacking group
 * linked to China's intelligence service": at token i, an indefinite
 * description of an organisation that no name follows; its noun's token,
 * else i. *kind is what the name it stands for must be: the noun for a
 * business, "cyber" for a hacking group (an armed or a rights group is
 * named after as often as another is: no guess). */
static size_t described_org(const ctx *c, size_t i, const char **kind)
{
    static const char *const CYBER[] = {"hacking", "hacker", "cyber", "cyberespionage", "ransomware",
                                        "cybercrime", "espionage", NULL};
    if (!is(c, i, "a") && !is(c, i, "an")) return i;
    /* (not an apposition or a predicate: "X, an armed group headed by Y",
     * "X is a group", "described as a group") */
    if (i > 0 && (is(c, i - 1, ",") || is(c, i - 1, "is") || is(c, i - 1, "was") || is(c, i - 1, "as") ||
                  is(c, i - 1, "be") || is(c, i - 1, "became") || is(c, i - 1, "remains") || is(c, i - 1, "(")))
        return i;
    size_t h = i + 1;
    *kind = NULL;
    /* (modifiers: lower-case words, demonyms, "China-linked") */
    while (h < c->n && h < i + 5 && !in(c, h, DESCRIBED) && (c->t[h].flags & NB_TOK_WORD) &&
           !(c->t[h].flags & NB_TOK_NUM) && (!cap(c, h) || demonym_at(c, h))) {
        if (in(c, h, CYBER)) *kind = "cyber";
        h++;
    }
    if (h >= c->n || h == i + 1 || !in(c, h, DESCRIBED) || cap(c, h)) return i;
    if (!is(c, h, "group")) *kind = c->low[h];
    if (!*kind) return i;
    /* (a name follows: "a group, X", "a group called X"; or members: "a
     * group of villagers") */
    if (h + 1 < c->n && (cap(c, h + 1) || is(c, h + 1, "of") || is(c, h + 1, "called") || is(c, h + 1, "named") ||
                         is(c, h + 1, "known") || is(c, h + 1, "calling") ||
                         (is(c, h + 1, ",") && h + 2 < c->n && (cap(c, h + 2) || is(c, h + 2, "the")))))
        return i;
    return h;
}

static const char *const PARTICIPLE_FUNDS[] = {
    "backed", "supported", "funded", "sponsored", "armed", "trained", "financed", "equipped",
    "bankrolled", NULL};
static const char *const PARTICIPLE_OTHER[] = {
    "allied", "aligned", "linked", "based", "born", "made", "affiliated", "owned", "friendly",
    "leaning", "inspired", "brokered", "educated", "american", "iranian", NULL};
/* "Houthi-run ports", "Hezbollah-held villages": what is struck is theirs */
static const char *const PARTICIPLE_HELD[] = {"controlled", "held", "run", "dominated", "occupied",
                                              NULL};

/* "Lawyers for Human Rights", "Jamaicans for Justice": after a plural of
 * people (token j - 1), "for" and a cause (WordNet's cause.n.01 sense: a
 * goal pursued) go on with the name; the token after the cause, else 0. */
static size_t cause_end(const ctx *c, size_t j)
{
    static const char *const CAUSE[] = {"rights", "justice", "peace", "democracy", "freedom", "change", "truth",
                                        "liberty", "accountability", "equality", "reform", "dignity", NULL};
    if (j == 0 || !is(c, j, "for") || !cap(c, j - 1) || c->t[j - 1].len < 4 ||
        c->s[c->t[j - 1].start + c->t[j - 1].len - 1] != 's' || in(c, j - 1, NB_LEX_ORG_HEAD))
        return 0;
    size_t m = j + 1;
    while (m < c->n && m < j + 4 && cap(c, m) && !in(c, m, CAUSE)) m++;
    if (!(m < c->n && cap(c, m) && in(c, m, CAUSE))) return 0;
    /* ("... for Democracy and Peace": causes joined) */
    while (m + 2 < c->n && is(c, m + 1, "and") && cap(c, m + 2) && in(c, m + 2, CAUSE)) m += 2;
    return m + 1;
}

/* "... Georgia" closing "Transparency International Georgia": a country's
 * own name (no demonym) at j that ends the phrase; the token after it, or 0. */
static size_t branch_end(const ctx *c, size_t j)
{
    size_t e;
    unsigned f;
    if (j >= c->n) return 0;
    size_t dm = dict_match(c, j, &e, &f);
    if (dm <= j || c->aa->dict->entries[e].kind != NB_KIND_COUNTRY || (f & NB_ALIAS_DEMONYM) ||
        (c->t[j].flags & NB_TOK_GLUE) || cap(c, dm) || is(c, dm, "'s") ||
        (dm < c->n && (c->t[dm].flags & NB_TOK_GLUE) && !(c->t[dm].flags & NB_TOK_PUNCT)))
        return 0;
    return dm;
}

/* Tokens [i,end) as an organisation's own name that starts with a known
 * one's: pushed and true, unless it resolves to that one (ent) itself. */
static bool own_org(ctx *c, size_t i, size_t end, int ent)
{
    const char *name = c->s + c->t[i].start;
    size_t len = c->t[end - 1].start + c->t[end - 1].len - c->t[i].start;
    int e2 = resolve_name(c, name, len, NB_KIND_ORG, false);
    if (e2 < 0 || e2 == ent) return false;
    touch(c->aa, e2, name, len);
    push_item(c, i, end, NB_IT_ACTOR, e2);
    return true;
}

/* Handles one dictionary match of entry e over tokens [i,j). Returns the
 * token after everything consumed. */
static size_t on_dict(ctx *c, size_t i, size_t j, size_t entry, unsigned flags)
{
    nb_article_actors *aa = c->aa;
    const nb_dict_entry *de = &aa->dict->entries[entry];
    int ent = entity_for_dict(aa, entry);
    const char *surface = c->s + c->t[i].start;
    size_t slen = c->t[j - 1].start + c->t[j - 1].len - c->t[i].start;
    if (aa->declared.len) {
        nb_buf key = {0};
        size_t d;
        nb_name_key(surface, slen, &key);
        if (nb_map_get(&aa->declared, key.data, &d)) ent = (int)d;
        nb_buf_free(&key);
    }
    bool demonym = flags & NB_ALIAS_DEMONYM;
    /* "Sudan People's Liberation Movement-North", "SPLM-N": an organisation's
     * name with a branch glued on by a hyphen is the branch's own */
    if (de->kind == NB_KIND_ORG && !demonym && hyphen(c, j) && j + 1 < c->n && (c->t[j + 1].flags & NB_TOK_GLUE) &&
        cap(c, j + 1) && !hyphen(c, j + 2)) {
        /* (named as written: the dictionary's near match is the parent) */
        nb_buf lab = {0};
        nb_buf_put(&lab, surface, c->t[j + 1].start + c->t[j + 1].len - c->t[i].start);
        int e2 = entity_with_label(aa, lab.data, NB_KIND_ORG);
        touch(aa, e2, surface, lab.len);
        push_item(c, i, j + 2, NB_IT_ACTOR, e2);
        nb_buf_free(&lab);
        return j + 2;
    }
    /* "Somali-Americans", "Cameroonian-Americans": people of a heritage, not
     * the country the second demonym names */
    if (demonym && i >= 2 && hyphen(c, i - 1) && cap(c, i - 2)) {
        for (size_t k = i; k < j; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return j;
    }
    uint32_t fl = NB_IT_ACTOR;
    /* "the U.N. Support Mission in Libya": an organisation whose name starts
     * with another's is an actor of its own, not the UN */
    /* A country's name opens a movement's the same way ("Sudan People's
     * Liberation Movement-in-Opposition"); its own forces stay the country
     * ("Rwanda Defence Force"). */
    static const char *const INSURGENT[] = {"liberation", "revolutionary", "opposition", "alliance", "front",
                                            "movement", "resistance", "rebel", "rebels", "patriotic", "party",
                                            "communist", "union", "islamic", "free", "interim", "transitional",
                                            "administration", "congress", NULL};
    /* "Sahrawi People's Liberation Army": a people's demonym opens a name too */
    bool people_poss = demonym && is(c, j, "people") && is(c, j + 1, "'s") && cap(c, j + 2);
    /* "the Chinese People's Liberation Army": a demonym before a name of its
     * own country is that country */
    if (demonym && de->kind == NB_KIND_COUNTRY && j < c->n && cap(c, j)) {
        size_t m = j;
        while (m < c->n && m < j + 6 && (cap(c, m) || (is(c, m, "'s") && m > j))) m++;
        nb_buf key = {0};
        nb_name_key(c->s + c->t[j].start, c->t[m - 1].start + c->t[m - 1].len - c->t[j].start, &key);
        size_t e2;
        unsigned f2;
        bool own = nb_dict_get(aa->dict, key.data, &e2, &f2) && e2 == entry && !(f2 & NB_ALIAS_DEMONYM);
        nb_buf_free(&key);
        if (own) {
            touch(aa, ent, surface, c->t[m - 1].start + c->t[m - 1].len - c->t[i].start);
            push_item(c, i, m, NB_IT_ACTOR, ent);
            return m;
        }
    }
    bool country_org = de->kind == NB_KIND_COUNTRY && (!demonym || people_poss) && !is(c, j, "'s");
    /* "the Guatemalan Observatory for Justice", "the Sudanese Communist
     * Party": a demonym opens a civil or insurgent body's name (its state's
     * arms stay the state: "the Nigerian Air Force") */
    bool demonym_org = demonym && !people_poss && de->kind == NB_KIND_COUNTRY && (cap(c, j) || cause_end(c, j)) &&
                       !is(c, j, "'s");
    if ((de->kind == NB_KIND_ORG || country_org || demonym_org) && (!demonym || people_poss || demonym_org) &&
        !is(c, j, "'s")) {
        size_t k = j, head_end = 0, cause;
        bool insurgent = false;
        while (k < c->n && k < j + 6) {
            if (cap(c, k)) {
                if (in(c, k, NB_LEX_ORG_HEAD)) head_end = k + 1;
                if (in(c, k, INSURGENT)) insurgent = true;
            } else if ((cause = cause_end(c, k)) > 0) {
                /* "Zimbabwe Lawyers for Human Rights", "Jamaicans for Justice" */
                head_end = cause;
                insurgent = true;
                break;
            } else if (!(country_org && is(c, k, "'s") && cap(c, k + 1))) {
                break;
            }
            k++;
        }
        /* "the ruling Georgian Dream party": a political body's name that a
         * lower-case noun closes */
        static const char *const POLITY[] = {"party", "movement", "alliance", "coalition", "bloc", NULL};
        if (!head_end && demonym_org && k > j && k < c->n && in(c, k, POLITY)) {
            head_end = k;
            insurgent = true;
        }
        /* "the Armenian Apostolic Church": a denomination's church is no
         * organ of the state its demonym names */
        if (!head_end && demonym_org && k > j + 1 && institution_name(c, k)) {
            head_end = k;
            insurgent = true;
        }
        /* "-in-Opposition" */
        if (head_end && hyphen(c, head_end) && is(c, head_end + 1, "in") && hyphen(c, head_end + 2) &&
            cap(c, head_end + 3)) {
            if (in(c, head_end + 3, INSURGENT)) insurgent = true;
            head_end += 4;
        }
        /* "Iran Human Rights", "Chile Human Rights Watch": a monitor named
         * after the country it watches is not the state */
        static const char *const CIVIL[] = {"rights", "watch", "campaign", "observatory", "monitor",
                                            "initiative", "society", "foundation", "institute", "network",
                                            "association", "federation", "conference", NULL};
        if ((country_org || demonym_org) && !insurgent && head_end && in(c, head_end - 1, CIVIL)) insurgent = true;
        /* ("the Royal Solomon Islands Police Force", "Trinidad and Tobago
         * Police Service": a named police force is an actor of its own, as
         * GUIDELINES.md keeps named forces apart from their state) */
        for (size_t q = j; country_org && !demonym && !insurgent && head_end && q < head_end; q++)
            if (is(c, q, "police") || is(c, q, "constabulary")) insurgent = true;
        /* ("the Ethiopian Human Rights Commission": a rights body, whatever its head) */
        /* ("the Kenya National Commission on Human Rights": past its head too) */
        for (size_t q = j; (country_org || demonym_org) && !insurgent && head_end && q < head_end + 4 && q < c->n &&
                           (q < head_end || cap(c, q) || is(c, q, "on") || is(c, q, "of") || is(c, q, "for"));
             q++)
            if (is(c, q, "rights")) insurgent = true;
        /* ("the Djibouti League of Human Rights": the monitor's noun after "of") */
        if ((country_org || demonym_org) && !insurgent && head_end && is(c, head_end, "of") && cap(c, head_end + 1)) {
            size_t m = head_end + 1;
            while (m < c->n && m < head_end + 4 && cap(c, m)) m++;
            if (in(c, m - 1, CIVIL)) insurgent = true;
        }
        /* (a civil body's name goes on past "on"/"of": "the Kenya National
         * Commission on Human Rights") */
        if ((country_org || demonym_org) && insurgent && head_end &&
            (is(c, head_end, "on") || is(c, head_end, "of") || is(c, head_end, "for")) && cap(c, head_end + 1) &&
            !in(c, head_end + 1, NB_LEX_STOP_CAP)) {
            size_t m = head_end + 1;
            while (m < c->n && m < head_end + 5 && cap(c, m)) m++;
            head_end = m;
        }
        /* ("the Nepal Communist Party (Maoist Centre)": its bracketed qualifier) */
        if (head_end && insurgent && is(c, head_end, "(") && name_token(c, head_end + 1) &&
            !(c->t[head_end + 1].flags & NB_TOK_UPPER)) {
            size_t m = head_end + 1;
            while (m < c->n && m < head_end + 4 && (name_token(c, m) || hyphen(c, m) || is(c, m, "'s")) &&
                   !(c->t[m].flags & NB_TOK_UPPER))
                m++;
            if (is(c, m, ")")) head_end = m + 1;
        }
        /* "the Canadian Security Intelligence Service", "the Colombian
         * National Police": a named agency or police force after a demonym,
         * which the organ words do not cover, is an actor of its own (as
         * GUIDELINES.md keeps them apart from their state), not the state
         * and a remainder ("Service") taken for a name; the state's armed
         * forces and its ministries and offices ("the Chinese Commerce
         * Ministry") are the state, as before */
        static const char *const STATE_OFFICE[] = {"ministry", "office", "department", "embassy", "government",
                                                   "cabinet", "presidency", "administration", "council", NULL};
        if (demonym_org && !insurgent && head_end >= j + 2 && j + organ_len(c, j, true) < head_end &&
            !in(c, head_end - 1, STATE_OFFICE)) {
            bool police = false;
            for (size_t q = j; q < head_end; q++) police |= is(c, q, "police") || is(c, q, "constabulary");
            if ((police || !in(c, head_end - 1, NB_LEX_STATE_ARMS)) && own_org(c, i, head_end, ent)) return head_end;
        }
        if (demonym_org && !insurgent) head_end = 0;
        if (country_org && !insurgent) {
            /* "South Sudan People's Defence Forces", "Kosovo Security Force":
             * the state's own arms are the state; not another's ("NATO's
             * Kosovo Force") */
            /* ("the Paraguayan People's Army": a people's army a demonym
             * opens is an insurgent's; a state's is in the dictionary, "the
             * Korean People's Army") */
            if (head_end && people_poss) {
                if (own_org(c, i, head_end, ent)) return head_end;
            }
            if (head_end && !demonym && in(c, head_end - 1, NB_LEX_STATE_ARMS) && !(i > 0 && is(c, i - 1, "'s"))) {
                aa->ents[ent].roles |= NB_ROLE_ARMY;
                touch(aa, ent, surface, c->t[head_end - 1].start + c->t[head_end - 1].len - c->t[i].start);
                push_item(c, i, head_end, NB_IT_ACTOR, ent);
                return head_end;
            }
            head_end = 0;
        }
        if (head_end) {
            size_t end = head_end;
            if ((is(c, end, "in") || is(c, end, "for") || is(c, end, "of")) && cap(c, end + 1)) {
                size_t m = end + 1;
                while (m < c->n && m < end + 4 && cap(c, m)) m++;
                end = m;
            }
            if (own_org(c, i, end, ent)) return end;
        }
    }
    /* "Amnesty International Nigeria": an organisation's national branch is
     * an actor of its own, neither the organisation nor the country */
    if (de->kind == NB_KIND_ORG && !demonym && j < c->n && !is(c, j, "'s") && !(c->t[j].flags & NB_TOK_PUNCT)) {
        size_t e4;
        unsigned f4;
        size_t m = dict_match(c, j, &e4, &f4);
        if (m > j && !(f4 & NB_ALIAS_DEMONYM) && aa->dict->entries[e4].kind == NB_KIND_COUNTRY && !cap(c, m) &&
            !is(c, m, "'s") && !(c->t[j].flags & NB_TOK_GLUE)) {
            if (own_org(c, i, m, ent)) return m;
        }
    }
    /* "ethnic Albanians", "Kurdish people": a people, not the country; "four
     * ethnic Serb men" are a count of people, no actor at all */
    if (demonym && i >= 2 && is(c, i - 1, "ethnic") &&
        ((c->t[i - 2].flags & NB_TOK_NUM) || in(c, i - 2, NB_LEX_COUNT))) {
        push_item(c, i - 1, j, NB_IT_WORD, -1);
        return j;
    }
    /* "ethnic Armenian separatists" are the separatists, read below as
     * "Armenian separatists" are */
    if (demonym && (i > 0 && is(c, i - 1, "ethnic")) && group_noun_at(c, j) == SIZE_MAX) {
        char *q = nb_strndup(surface, slen);
        int ge = group_entity(aa, "ethnic", q);
        free(q);
        touch(aa, ge, c->s + c->t[i - 1].start, c->t[j - 1].start + c->t[j - 1].len - c->t[i - 1].start);
        push_item(c, i - 1, j, NB_IT_ACTOR, ge);
        return j;
    }
    if (demonym && j < c->n && is(c, j, "people")) {
        char *q = nb_strndup(surface, slen);
        int ge = group_entity(aa, q, "people");
        free(q);
        touch(aa, ge, surface, c->t[j].start + c->t[j].len - c->t[i].start);
        push_item(c, i, j + 1, NB_IT_ACTOR, ge);
        return j + 1;
    }

    /* "an al Qaeda affiliate", "an Islamic State offshoot": another
     * organisation, which the name only describes */
    static const char *const AFFILIATE[] = {"affiliate", "affiliates", "offshoot", "offshoots", "franchise",
                                            "splinter", NULL};
    if (j < c->n && in(c, j, AFFILIATE) && !cap(c, j) && de->kind == NB_KIND_ORG) {
        touch(aa, ent, surface, slen);
        push_item(c, i, j, NB_IT_ACTOR | NB_IT_MOD, ent);
        return j;
    }
    /* "Iran-backed", "U.S.-led", "Iranian-allied" */
    if (hyphen(c, j) && j + 1 < c->n) {
        if (in(c, j + 1, PARTICIPLE_FUNDS)) {
            touch(aa, ent, surface, slen);
            push_item(c, i, j + 2, NB_IT_ACTOR | NB_IT_BACKED | NB_IT_MOD, ent);
            return j + 2;
        }
        if (is(c, j + 1, "led")) {
            touch(aa, ent, surface, slen);
            size_t k = j + 2;
            /* "U.S.-led coalition" is the leading actor itself. */
            if (is(c, k, "coalition") || is(c, k, "forces") || is(c, k, "alliance") ||
                is(c, k, "operation") || is(c, k, "mission")) {
                push_item(c, i, k + 1, NB_IT_ACTOR, ent);
                return k + 1;
            }
            push_item(c, i, j + 2, NB_IT_ACTOR | NB_IT_LED | NB_IT_MOD, ent);
            return j + 2;
        }
        if (in(c, j + 1, PARTICIPLE_HELD)) {
            touch(aa, ent, surface, slen);
            push_item(c, i, j + 2, NB_IT_ACTOR, ent);
            return j + 2;
        }
        if (in(c, j + 1, PARTICIPLE_OTHER)) {
            push_item(c, i, j + 2, NB_IT_WORD, -1);
            return j + 2;
        }
    }
    size_t k = j;
    /* "Iran's", and "TotalEnergies' chief", "the Brigades' commander" */
    bool poss = is(c, k, "'s") || (slen > 1 && plural_poss(c, k, surface[slen - 1]));
    if (poss) k++;
    if (de->kind == NB_KIND_COUNTRY) {
        /* (the dictionary's match may hold the organ: "Chinese embassy") */
        for (size_t m = i + 1; m < j; m++) {
            if (is(c, m, "embassy")) aa->ents[ent].roles |= NB_ROLE_EMBASSY;
            if (is(c, m, "ministry")) note_ministry(aa, ent);
        }
        size_t g = group_noun_at(c, k);
        if (!poss && demonym && g != SIZE_MAX) {
            /* "Iraqi Shiite militias" -> the generic group "Iraqi militias" */
            char *q = nb_strndup(surface, slen);
            int ge = group_entity(aa, q, nb_lex_group_head(lw(c, g), strlen(lw(c, g))));
            free(q);
            size_t end = group_tail(c, g + 1);
            aa->ents[ge].country = ent;
            touch(aa, ge, surface, c->t[end - 1].start + c->t[end - 1].len - c->t[i].start);
            push_item(c, i, end, NB_IT_ACTOR, ge);
            return end;
        }
        size_t o = organ_len(c, k, demonym || poss);
        if (o) {
            /* "U.S. military", "Iran's Foreign Ministry", "Saudi pipelines" */
            for (size_t m = k; m < k + o; m++) {
                if (is(c, m, "embassy")) aa->ents[ent].roles |= NB_ROLE_EMBASSY;
                if (is(c, m, "ministry")) note_ministry(aa, ent);
                if (is(c, m, "army") || is(c, m, "military") || is(c, m, "junta") ||
                    is(c, m, "forces") || is(c, m, "troops"))
                    aa->ents[ent].roles |= NB_ROLE_ARMY;
            }
            touch(aa, ent, surface, c->t[k + o - 1].start + c->t[k + o - 1].len - c->t[i].start);
            push_item(c, i, k + o, NB_IT_ACTOR, ent);
            return k + o;
        }
        if (demonym && !poss) {
            size_t last = c->t[j - 1].start + c->t[j - 1].len;
            bool plural = last > 0 && c->s[last - 1] == 's' && !is(c, j, "'s");
            /* "Americans were killed" names the country; "American" modifies. */
            if (!plural) fl |= NB_IT_MOD;
        }
    } else if (!poss) {
        /* "Hezbollah fighters", "Kataib Hezbollah militia group" */
        size_t g = group_noun_at(c, k);
        if (g == k || (g != SIZE_MAX && g == k)) {
            size_t end = group_tail(c, g + 1);
            touch(aa, ent, surface, slen);
            push_item(c, i, end, NB_IT_ACTOR, ent);
            return end;
        }
        if (is(c, k, "group") || is(c, k, "movement") || is(c, k, "organisation") ||
            is(c, k, "organization") || is(c, k, "fighters") || is(c, k, "militants")) {
            /* "the Islamic Jihad movement": "the movement" means it later
             * ("group" follows too many names to tell them apart) */
            nb_entity *ne = &aa->ents[ent];
            if (ne->kind == NB_KIND_ORG && !ne->noun && (is(c, k, "movement") || is(c, k, "organisation") ||
                                                          is(c, k, "organization")))
                ne->noun = nb_strdup(lw(c, k));
            touch(aa, ent, surface, slen);
            push_item(c, i, k + 1, NB_IT_ACTOR, ent);
            return k + 1;
        }
    }
    if (de->kind == NB_KIND_COUNTRY) {
        for (size_t m = i; m < j; m++)
            if (is(c, m, "army") || is(c, m, "military") || is(c, m, "junta") || is(c, m, "forces"))
                aa->ents[ent].roles |= NB_ROLE_ARMY; /* "Sudanese army" as one alias */
    }
    if (poss) fl |= NB_IT_POSS;
    touch(aa, ent, surface, slen);
    push_item(c, i, k, fl, ent);
    return k;
}

/* Strips titles at the front of a capitalised run; records roles. */
static size_t strip_titles(const ctx *c, size_t i, size_t j, uint32_t *roles, bool *titled, bool *kept)
{
    /* ("Chief Executive John Lee": "executive" is a title after "chief"
     * only; an "Executive Council" is a name) */
    while (i < j && (in(c, i, NB_LEX_TITLE) || hyphen(c, i) ||
                     (is(c, i, "executive") && i > 0 && is(c, i - 1, "chief") && i + 1 < j) ||
                     (is(c, i, "officer") && i > 1 && is(c, i - 1, "executive") && is(c, i - 2, "chief") && i + 1 < j))) {
        /* ("Prince Group", "General Command": a title before an
         * organisation's head word, all the run has left, is its name) */
        /* (or before a word and a force's noun: "the General Security forces") */
        /* (an agency's word, not a person's name: "Colonel Mbaye militia") */
        static const char *const AGENCY[] = {"security", "intelligence", "investigation", "investigations", "staff",
                                             "protection", "defence", "defense", NULL};
        if (i + 2 == j &&
            (in(c, i + 1, NB_LEX_ORG_HEAD) || (j < c->n && !cap(c, j) && in(c, j, NB_LEX_ORG_HEAD) && in(c, i + 1, AGENCY))) &&
            !is(c, i, "the") && !is(c, i, "opposition") && !is(c, i, "former") && !is(c, i, "acting") &&
            !is(c, i, "deputy")) {
            if (kept) *kept = true;
            break;
        }
        *roles |= title_roles(lw(c, i));
        /* "The National Task Force ...": an article makes no person */
        if (!is(c, i, "the")) *titled = true;
        i++;
    }
    return i;
}

/* Member nouns among the organisation heads: "Fighters of X" are X's. */
static const char *const MEMBERS[] = {"fighters", "forces", "units", "unit", "revolutionaries", "mujahideen",
                                      "police", NULL};

/* A one-word name no list knows that came first ("Vucic orders police ..."
 * in a headline, "Amnesty said") and the one full name the article gave
 * later that it is a short form of: a person's surname or first name
 * ("Aleksandar Vucic", "Lai Ching-te"), an organisation's first word(s)
 * ("Amnesty International"). The short name becomes the full one's alias,
 * so what was said of either is said of one actor (a full name first is
 * resolve_name's). Two full names it fits: neither. */
static void fold_short_names(nb_article_actors *aa)
{
    index_entities(aa);
    /* (the full names this sentence introduced, each looked up by its last
     * and first word: no scan over every name seen) */
    int cand[8], cand_of[8], nc = 0;
    for (size_t q = aa->n_ents; q-- > 0 && aa->ents[q].first_sent == aa->sentence;) {
        const nb_entity *e = &aa->ents[q];
        if (e->alias_of >= 0 || e->group_head || e->described || !strchr(e->key, ' ') ||
            (e->kind != NB_KIND_PERSON && e->kind != NB_KIND_ORG))
            continue;
        char w[64];
        for (int side = 0; side < 2; side++) {
            const char *a = side ? strrchr(e->key, ' ') + 1 : e->key;
            size_t n = side ? strlen(a) : (size_t)(strchr(e->key, ' ') - e->key);
            if (n < 3 || n >= sizeof w) continue;
            memcpy(w, a, n);
            w[n] = '\0';
            size_t v;
            if (!nb_map_get(&aa->first_key, w, &v) || v == q) continue;
            const nb_entity *p = &aa->ents[v];
            if (p->alias_of >= 0 || p->dict >= 0 || p->group_head || p->described || p->first_sent > e->first_sent ||
                (p->kind != NB_KIND_UNKNOWN && p->kind != e->kind))
                continue;
            /* (a person by surname, or by the first word when nothing typed
             * the short name; an organisation by its first word, when the
             * short name was typed one: a bare word may be the place the
             * name starts with, "overran Sinjar" before "Sinjar Resistance
             * Units") */
            if (e->kind == NB_KIND_PERSON ? side == 0 && p->kind != NB_KIND_UNKNOWN : side == 1 || p->kind != NB_KIND_ORG)
                continue;
            int k = 0;
            while (k < nc && cand[k] != (int)v) k++;
            if (k < nc) {
                if (cand_of[k] != (int)q) cand_of[k] = -1; /* two full names fit it: neither */
            } else if (nc < 8) {
                cand[nc] = (int)v;
                cand_of[nc++] = (int)q;
            }
        }
    }
    for (int k = 0; k < nc; k++) {
        if (cand_of[k] < 0) continue;
        nb_entity *p = &aa->ents[cand[k]];
        p->alias_of = cand_of[k];
        if (p->kind == NB_KIND_UNKNOWN) p->kind = aa->ents[cand_of[k]].kind;
    }
}

static void make_alias(ctx *c, int from, int to);

/* Handles a capitalised run not in the dictionary. */
/* Is token k a short lower-case syllable that is no English word ("wun",
 * "un", "yeol")? */
static bool syllable(const ctx *c, size_t k)
{
    static const char *const WORDS[] = {"led", "run", "made", "held", "born", "back", "fed", "hit", "won", "set",
                                        "met", "cut", "up", "era", "type", "like", "free", "wide", "old", "new",
                                        "long", "only", "in", "out", "on", "off", "day", "way", "war", "army",
                                        "said", "rich", "poor", "rule", "bred", "sent", "paid", "kept", "left",
                                        "lead", "year", "time", NULL};
    const char *p = c->s + c->t[k].start;
    size_t n = c->t[k].len;
    if (n < 2 || n > 4) return false;
    for (size_t q = 0; q < n; q++)
        if (!islower((unsigned char)p[q])) return false;
    return !in(c, k, WORDS);
}

/* Is token k a plain number of one to five digits that is no year? */
static bool number_closes(const ctx *c, size_t k)
{
    if (k >= c->n || !(c->t[k].flags & NB_TOK_NUM)) return false;
    const char *p = c->s + c->t[k].start;
    size_t n = c->t[k].len;
    if (n == 0 || n > 5) return false;
    for (size_t q = 0; q < n; q++)
        if (!isdigit((unsigned char)p[q])) return false;
    return !(n == 4 && (!strncmp(p, "19", 2) || !strncmp(p, "20", 2)));
}

/* Do a person's titles and two names start at j, after an organisation's
 * name [i,j) that ends in its head noun ("Cyber Division Assistant Director
 * Laura Kessler")? Not after a force no word names: "National Police
 * Commissioner X" is the person and the title, of the home state's police. */
static bool titled_person_at(const ctx *c, size_t i, size_t j)
{
    static const char *const GENERIC[] = {"national", "federal", "state", "central", "general", "special",
                                          "regional", "provincial", "district", "local", "municipal",
                                          "city", "county", "border", "traffic", "riot", "the", "interior",
                                          "foreign", "home", "justice", "defence", "defense", "finance",
                                          "security", NULL};
    if (!in(c, j, NB_LEX_PERSON_TITLE) && !in(c, j, NB_LEX_TITLE)) return false;
    size_t k = j;
    while (k < c->n && k < j + 3 && (in(c, k, NB_LEX_PERSON_TITLE) || in(c, k, NB_LEX_TITLE))) k++;
    bool person_title = false, named = false;
    for (size_t q = j; q < k; q++) person_title |= in(c, q, NB_LEX_PERSON_TITLE);
    for (size_t q = i; q < j; q++) named |= !in(c, q, NB_LEX_ORG_HEAD) && !in(c, q, GENERIC);
    return person_title && named && name_token(c, k) && name_token(c, k + 1) && !in(c, k, NB_LEX_ORG_HEAD) &&
           !in(c, k + 1, NB_LEX_ORG_HEAD);
}

/* Words of names that many organisations share: "National Liberation Army"
 * after other name words is another's. */
static const char *const GENERIC_NAME[] = {"national", "liberation", "democratic", "revolutionary", "popular",
                                           "people's", "peoples", "patriotic", "united", "independence",
                                           "resistance", "islamic", "socialist", "communist", "federal", "free",
                                           "unity", "salvation", "defence", "defense", "democracy", "justice",
                                           "freedom", "equality", "progress", "development", "change", "the",
                                           "of", "for", "and", NULL};

static size_t on_name(ctx *c, size_t i, size_t sent_first)
{
    size_t j = i, cut;
    size_t e_dummy;
    unsigned f_dummy;
    /* after "Party of", "Office for": the name goes on through a known name
     * ("Communist Party of the Philippines", "Office for Kosovo and Metohija") */
    bool linked = false;
    size_t nick0 = 0, nick1 = 0; /* a quoted nickname inside: Joaquin "El Chapo" Guzman */
    /* "USS Carney", "HMS Diamond", "MV Galaxy Leader": a vessel, no actor
     * ("the American destroyer USS Carney": its owner is the one named) */
    static const char *const VESSEL[] = {"uss", "hms", "hmcs", "hmas", "ins", "mv", "mt", "rv", "fs", "ss", NULL};
    if (in(c, i, VESSEL) && (c->t[i].flags & NB_TOK_UPPER) && cap(c, i + 1)) {
        size_t k = i + 1;
        while (k < c->n && (cap(c, k) || (c->t[k].flags & NB_TOK_NUM))) k++;
        for (size_t q = i; q < k; q++) push_item(c, q, q + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return k;
    }
    /* "Operation Hilaac", "Operation Sindoor": a military operation, no
     * actor (one the dictionary names, "Operation Barkhane", is its state's);
     * "Typhoon Haiyan", "Hurricane Melissa", "Storm Daniel": a storm, none
     * either (what it strikes is struck by weather) */
    static const char *const NO_ACTOR[] = {"operation", "typhoon", "hurricane", "cyclone", "storm", "tropical", NULL};
    if (in(c, i, NO_ACTOR) && cap(c, i) && cap(c, i + 1) && dict_match(c, i, &e_dummy, &f_dummy) == i) {
        size_t k = i + 1;
        while (k < c->n && cap(c, k)) k++;
        for (size_t q = i; q < k; q++) push_item(c, q, q + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return k;
    }
    /* "NGOs", "MPs", "IDPs", "IEDs": an acronym's plural is a kind of thing
     * or people, no name */
    {
        const char *w = c->s + c->t[i].start;
        size_t n = c->t[i].len, k = 0;
        while (k < n && w[k] >= 'A' && w[k] <= 'Z') k++;
        if (k >= 2 && k <= 4 && k + 1 == n && w[k] == 's' && !cap(c, i + 1)) {
            push_item(c, i, i + 1, NB_IT_WORD | NB_IT_CAP, -1);
            return i + 1;
        }
    }
    /* "F-16", "MQ-9", "Su-25", "S-400": a weapon's designation, no name */
    if (c->t[i].len <= 3 && hyphen(c, i + 1) && i + 2 < c->n && (c->t[i + 2].flags & NB_TOK_NUM) &&
        (c->t[i + 2].flags & NB_TOK_GLUE)) {
        push_item(c, i, i + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return i + 1;
    }
    while (j < c->n) {
        if (j > i && !linked) {
            size_t dm = dict_match(c, j, &e_dummy, &f_dummy);
            /* (not a person's one-word alias inside a longer person's name:
             * "Abdel Ghani al-Kikli" is no Ashraf Ghani) */
            bool inner = dm == j + 1 && c->aa->dict->entries[e_dummy].kind == NB_KIND_PERSON &&
                         !in(c, i, NB_LEX_TITLE) && !in(c, i, NB_LEX_STOP_CAP) &&
                         (name_token(c, dm) || (in(c, dm, NB_LEX_CONNECT) && hyphen(c, dm + 1)));
            /* (nor an organisation's one-word name as a surname after a
             * given name: "Therese Wagner" is no Wagner Group) */
            static const char *const ORG_AFTER[] = {"fighters", "mercenaries", "forces", "troops", "militants",
                                                    "group", "members", "units", "leader", "chief", NULL};
            size_t q0 = i; /* (the name's first word past its titles) */
            while (q0 < j && in(c, q0, NB_LEX_TITLE)) q0++;
            /* (a person's own title, not "the" or "of": "the Jenin Hamas headquarters") */
            bool person = q0 < j && (common_given_name(lw(c, q0)) || (q0 > i && in(c, q0 - 1, NB_LEX_PERSON_TITLE)) ||
                                     (q0 == i && i > 0 && in(c, i - 1, NB_LEX_PERSON_TITLE)));
            if (dm == j + 1 && person && !(c->t[j].flags & NB_TOK_UPPER) && !in(c, q0, NB_LEX_STOP_CAP) &&
                c->aa->dict->entries[e_dummy].kind == NB_KIND_ORG && !is(c, dm, "'s") && !name_token(c, dm) &&
                !in(c, dm, ORG_AFTER))
                inner = true;
            /* ("Kachin National Liberation Army": a known organisation's
             * name of common words, ending in an organisation's head, after
             * unknown name words is a longer name of another) */
            bool longer = dm > j + 1 && c->aa->dict->entries[e_dummy].kind == NB_KIND_ORG &&
                          in(c, dm - 1, NB_LEX_ORG_HEAD) && !name_token(c, dm) && !hyphen(c, dm);
            bool own = false; /* (a word of its own before: not "The", not a title) */
            for (size_t q = i; q < j; q++)
                own |= q != sent_first && !in(c, q, NB_LEX_STOP_CAP) && !in(c, q, NB_LEX_TITLE) && name_token(c, q);
            longer = longer && own;
            for (size_t q = j; longer && q < dm; q++) longer = in(c, q, GENERIC_NAME) || in(c, q, NB_LEX_ORG_HEAD);
            if (longer) {
                j = dm;
                break;
            }
            /* "Transparency International Georgia", "Lawyers for Human Rights
             * Swaziland": a body's national branch is named with the country
             * after its head (as a known body's is: "Amnesty International
             * Nigeria") */
            /* "Ural Azerbaijani Congress": a name word before a demonym that
             * opens a body's name (capitalised words up to its head) */
            if (dm > j && (f_dummy & NB_ALIAS_DEMONYM) && c->aa->dict->entries[e_dummy].kind == NB_KIND_COUNTRY &&
                own && !in(c, j - 1, NB_LEX_ORG_HEAD)) {
                size_t m = dm, head_end = 0;
                while (m < c->n && m < dm + 4 && cap(c, m)) {
                    if (in(c, m, NB_LEX_ORG_HEAD)) head_end = m + 1;
                    m++;
                }
                /* (or a person's titles and name after the head: "Royal
                 * Canadian Mounted Police Commissioner X") */
                if (head_end && head_end < m && titled_person_at(c, i, head_end)) m = head_end;
                if (head_end && head_end == m) {
                    j = head_end;
                    break;
                }
            }
            if ((own || j >= i + 2) && (in(c, j - 1, NB_LEX_ORG_HEAD) || is(c, j - 1, "international")) &&
                (cut = branch_end(c, j)) > 0) {
                j = cut;
                break;
            }
            if (dm > j && !inner) break;
        }
        if (j > i && !nick1 && is(c, j, "\"") && name_token(c, j - 1) && !in(c, j - 1, NB_LEX_ORG_HEAD)) {
            size_t q = j + 1;
            /* (a hyphen inside it: "Bo-Mahlanya") */
            while (q < c->n && q < j + 6 &&
                   ((name_token(c, q) && !(c->t[q].flags & NB_TOK_PUNCT)) || (hyphen(c, q) && name_token(c, q + 1))))
                q++;
            if (q > j + 1 && is(c, q, "\"") && q + 1 < c->n && name_token(c, q + 1) &&
                !(c->t[q + 1].flags & NB_TOK_PUNCT) && !in(c, q + 1, NB_LEX_STOP_CAP) &&
                !in(c, q + 1, NB_LEX_ORG_HEAD)) {
                nick0 = j;
                nick1 = q;
                j = q + 1;
                continue;
            }
        }
        /* "Sinaloa Gov. Rubén Rocha Moya": a title's abbreviation ends
         * the name before it */
        if (j > i && in(c, j, NB_LEX_TITLE) && is(c, j + 1, ".") && name_token(c, j + 2)) break;
        /* "Cyber Division Assistant Director Laura Kessler": an organisation's
         * head noun, then a person's titles and two names: the titles start
         * the person's mention */
        if (j > i && in(c, j - 1, NB_LEX_ORG_HEAD) && titled_person_at(c, i, j)) break;
        /* "the Ombudsman's Office", "the Attorney General's Office": an
         * office named for its holder keeps the possessive */
        static const char *const OFFICE[] = {"office", "bureau", "secretariat", "chambers", NULL};
        if (j > i && is(c, j, "'s") && (c->t[j].flags & NB_TOK_GLUE) && cap(c, j + 1) && in(c, j + 1, OFFICE) &&
            !in(c, j - 1, NB_LEX_ORG_HEAD) && !is(c, j + 2, "of") && dict_match(c, i, &e_dummy, &f_dummy) == i) {
            j += 2;
            continue;
        }
        if (name_token(c, j)) {
            j++;
            continue;
        }
        /* "the Indigenous Tribal Leaders' Forum", "the Farmers' Union": a
         * plural possessive inside a name that goes on to its head */
        if (j > i && (c->t[j].flags & NB_TOK_GLUE) && c->t[j].len == 1 && c->s[c->t[j].start] == '\'' &&
            c->t[j - 1].len > 2 && c->s[c->t[j - 1].start + c->t[j - 1].len - 1] == 's' && cap(c, j + 1) &&
            name_token(c, j + 1)) {
            size_t h = j + 1;
            while (h < c->n && h < j + 4 && name_token(c, h) && !in(c, h, NB_LEX_ORG_HEAD)) h++;
            if (h < c->n && h < j + 4 && in(c, h, NB_LEX_ORG_HEAD)) {
                j++;
                continue;
            }
        }
        /* "Barrio 18", "Unit 29155": a number closing a name (not a date's
         * "Dec 3", a year, or "Within 48" opening a sentence) */
        if (j > i && j == i + 1 && i != sent_first && number_closes(c, j) && !in(c, i, NB_LEX_STOP_CAP) &&
            !in(c, i, NB_LEX_TITLE) && !name_token(c, j + 1) && !in(c, j + 1, NB_LEX_FACILITY) &&
            !in(c, j + 1, NB_LEX_PLACE_HEAD)) {
            j++;
            break;
        }
        /* an initial: "N. Biren Singh", "Abdullah A. Ahmed" */
        if (j > i && is(c, j, ".") && (c->t[j].flags & NB_TOK_GLUE) && c->t[j - 1].len == 1 &&
            isupper((unsigned char)c->s[c->t[j - 1].start]) && name_token(c, j + 1)) {
            j++;
            continue;
        }
        /* "Cheng Li-wun", "Kim Jong-un": a given name's lower-case syllable
         * after a hyphen, in a name of two words or more (not "US-led",
         * "Russian-made": English words) */
        if (j > i + 1 && hyphen(c, j) && name_token(c, j - 1) && j + 1 < c->n && (c->t[j + 1].flags & NB_TOK_GLUE) &&
            syllable(c, j + 1) && !hyphen(c, j + 2)) {
            j += 2;
            break;
        }
        /* particles and hyphens inside names: "Abu Mahdi al-Muhandis"
         * (not English "at", "as", "an" standing alone: "Researchers at X") */
        static const char *const ENGLISH[] = {"at", "as", "an", NULL};
        bool english = in(c, j, ENGLISH) && !hyphen(c, j + 1) && !(j > 0 && hyphen(c, j - 1));
        if (((in(c, j, NB_LEX_CONNECT) && !english) || hyphen(c, j)) && j + 1 < c->n &&
            (name_token(c, j + 1) || (hyphen(c, j + 1) && name_token(c, j + 2)) ||
             (in(c, j + 1, NB_LEX_CONNECT) && hyphen(c, j + 2)))) {
            j++;
            continue;
        }
        /* a Romance article after the particle: "Comandos de la Frontera",
         * "Cartel de los Soles" */
        static const char *const ROMANCE_DE[] = {"de", "del", "da", "di", NULL};
        static const char *const ROMANCE_ART[] = {"la", "las", "los", "le", "les", "lo", NULL};
        if (j > i && in(c, j, ROMANCE_DE) && in(c, j + 1, ROMANCE_ART) && name_token(c, j + 2)) {
            j += 2;
            continue;
        }
        /* "New People's Army", "the People's Defence Forces": a collective's
         * possessive inside a name that goes on to an organisation's head */
        if (j > i && (is(c, j, "'s") || is(c, j, "'")) && in(c, j - 1, NB_LEX_COLLECTIVE_POSS) &&
            name_token(c, j + 1)) {
            size_t k = j + 1;
            while (k < j + 5 && name_token(c, k) && !in(c, k, NB_LEX_ORG_HEAD)) k++;
            if (in(c, k, NB_LEX_ORG_HEAD)) {
                j++;
                continue;
            }
        }
        /* "Task Force to End Local Communist Armed Conflict", "Committee to
         * Protect Journalists": a purpose clause inside the name */
        if (is(c, j, "to") && j > i && in(c, j - 1, NB_LEX_ORG_HEAD) && name_token(c, j + 1) &&
            in(c, j + 1, NB_LEX_PURPOSE_VERB) && name_token(c, j + 2)) {
            linked = true;
            j++;
            continue;
        }
        /* ("Commission on Human Rights", "Council on Foreign Relations": a
         * deliberating body's topic; not "the Task Force on Lake Chad", "the
         * Army on Monday") */
        static const char *const TOPIC_HEADS[] = {"commission", "council", "committee", "conference", "centre",
                                                  "center", "institute", "forum", "board", "panel", NULL};
        if (is(c, j, "on") && j > i && in(c, j - 1, TOPIC_HEADS) && name_token(c, j + 1) &&
            !in(c, j + 1, NB_LEX_STOP_CAP) && name_token(c, j + 2) && !in(c, j + 2, NB_LEX_STOP_CAP)) {
            linked = true;
            j++;
            continue;
        }
        /* ("Fighters of the M23" opening a sentence are the M23's fighters) */
        /* (and "Rally" opening the name: "Rally for Culture and Democracy",
         * "Rally of Houphouetists ...", not "the Butler rally") */
        if ((is(c, j, "of") || is(c, j, "for")) && j > i &&
            (in(c, j - 1, NB_LEX_ORG_HEAD) || rally_head(c, i, j - 1)) &&
            !(j - 1 == i && i == sent_first && in(c, i, MEMBERS)) &&
            !(in(c, j - 1, MEMBERS) && dict_match(c, is(c, j + 1, "the") ? j + 2 : j + 1, &e_dummy, &f_dummy) >
                                           (is(c, j + 1, "the") ? j + 2 : j + 1))) {
            /* "Army of Islam", "Coalition of Patriots for Change", "Party of the Philippines" */
            /* (not a demonym's noun phrase: "the 4th Brigade of the Sudanese army") */
            size_t k = is(c, j + 1, "the") ? j + 2 : j + 1;
            size_t de;
            unsigned df;
            size_t dm = k < c->n ? dict_match(c, k, &de, &df) : k;
            bool state_np = dm > k && c->aa->dict->entries[de].kind == NB_KIND_COUNTRY && (df & NB_ALIAS_DEMONYM) &&
                            dm < c->n && !cap(c, dm) && (c->t[dm].flags & NB_TOK_WORD);
            /* (an alias with its noun: "Sudanese army") */
            state_np |= dm > k + 1 && c->aa->dict->entries[de].kind == NB_KIND_COUNTRY && !cap(c, dm - 1);
            if (name_token(c, k) && !state_np) {
                linked = true;
                j = k;
                continue;
            }
        }
        if (j > i && (cut = cause_end(c, j)) > 0) {
            j = cut;
            if ((cut = branch_end(c, j)) > 0) j = cut;
            break;
        }
        /* "the Men of Dignity movement", "the Sons of Liberty group": a
         * capitalised "X of Y" that a lower-case organisation noun follows */
        if (is(c, j, "of") && j > i && name_token(c, j + 1)) {
            size_t m = j + 1;
            while (m < c->n && m < j + 5 && name_token(c, m)) m++;
            if (m < c->n && !cap(c, m) && in(c, m, NB_LEX_ORG_HEAD) && !in(c, m, MEMBERS)) {
                linked = true;
                j++;
                continue;
            }
        }
        if (linked && (is(c, j, "for") || is(c, j, "of") || (is(c, j, "in") && is(c, j + 1, "the")) || is(c, j, "and")) &&
            j > i && name_token(c, j - 1)) {
            /* "Union for Peace in the Central African Republic", "Kosovo and
             * Metohija", "Council for the Safeguard of the Homeland"; not
             * "... Management in New Delhi", a place */
            size_t k = is(c, j + 1, "the") && !is(c, j, "and") ? j + 2 : j + 1;
            if (name_token(c, k)) {
                j = k;
                continue;
            }
        }
        break;
    }
    if (j == i) return i + 1;
    /* "the Communist Party of India (Maoist)", "SPLM-N (Agar)": a bracketed
     * word or two in capitals (no acronym) after an organisation's name is
     * the part that tells it from its namesakes */
    if (j > i + 1 && is(c, j, "(") && name_token(c, j + 1) && !(c->t[j + 1].flags & NB_TOK_UPPER) &&
        (in(c, j - 1, NB_LEX_ORG_HEAD) || hyphen(c, j - 2) || name_token(c, j - 1))) {
        size_t k = j + 1;
        while (k < c->n && k < j + 4 && (name_token(c, k) || hyphen(c, k) || is(c, k, "'s")) &&
               !(c->t[k].flags & NB_TOK_UPPER))
            k++;
        bool org = false;
        for (size_t q = i; q < j && !org; q++) org = in(c, q, NB_LEX_ORG_HEAD);
        if (org && is(c, k, ")") && !in(c, j + 1, NB_LEX_STOP_CAP)) j = k + 1;
    }
    uint32_t roles = 0;
    bool titled = false;
    bool kept = false; /* (a title before an organisation's head is its name) */
    size_t s0 = strip_titles(c, i, j, &roles, &titled, &kept);
    /* "Defence Council", "Reconnaissance General Bureau", "General Directorate
     * of X": title words before an organisation's head noun are its name */
    static const char *const NAME_TITLES[] = {"defence", "defense", "general", "security", "supreme", "state",
                                              "foreign", "interior", "finance", "information", "military", "field",
                                              NULL};
    bool name_titles = s0 > i;
    for (size_t k = i; k < s0 && name_titles; k++)
        name_titles = in(c, k, NAME_TITLES) || is(c, k, "the") || !in(c, k, NB_LEX_TITLE);
    /* ("State Committee for National Security", "Field Action Coordination
     * Cell": the head noun first or last) */
    name_titles = name_titles && s0 < j &&
                  ((in(c, s0, NB_LEX_ORG_HEAD) && (j - s0 == 1 || is(c, s0 + 1, "of") || is(c, s0 + 1, "for"))) ||
                   (j - s0 >= 2 && in(c, j - 1, NB_LEX_ORG_HEAD)));
    /* ("the Attorney General's Office": the titles name the office) */
    if (s0 > i && j >= i + 3 && is(c, j - 2, "'s")) name_titles = true;
    if (name_titles) {
        s0 = i;
        roles = 0;
        titled = false;
    }
    /* trailing hyphens or particles are not part of the name */
    while (j > s0 && (hyphen(c, j - 1) || in(c, j - 1, NB_LEX_CONNECT))) j--;
    if (s0 >= j) {
        push_item(c, i, j > i ? j : i + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return j > i ? j : i + 1;
    }
    /* "Sinaloa Governor Rubén Rocha Moya", "Security Secretary X", "Texas
     * Senator X", "Kasese Woman MP X", "Senate Majority Leader X": a place or portfolio before an office
     * noun is no actor; the name after it is */
    /* (not in an organisation's own name: "the Reconnaissance General Bureau") */
    if (!titled && !name_titles && !in(c, j - 1, NB_LEX_ORG_HEAD)) {
        static const char *const OFFICE[] = {"governor", "president", "minister", "mayor", "premier", "secretary",
                                             "commissioner", "adviser", "advisor", "spokesman", "spokeswoman",
                                             "spokesperson", "director", "ambassador", "envoy", "admiral",
                                             "general", "senator", "mp", "lawmaker", "legislator", "congressman",
                                             "congresswoman", "councillor", "councilor", "speaker", "leader",
                                             "chief", "commander", "chairman", "chairwoman", "chair", "founder",
                                             "ceo", "executive", "head", "coordinator", NULL};
        bool org_part = false;
        for (size_t k = s0; k + 1 < j && k < s0 + 3; k++) {
            if (in(c, k, NB_LEX_ORG_HEAD)) org_part = true;
            if (k == s0 || org_part || !in(c, k, OFFICE)) continue;
            uint32_t r2 = 0;
            bool t2 = false;
            size_t n0 = strip_titles(c, k, j, &r2, &t2, NULL);
            if (n0 >= j || in(c, n0, NB_LEX_STOP_CAP)) break;
            /* ... but an acronym there is the office's organisation:
             * "KPLC Director X", "IHR director X" */
            bool acro = k == i + 1 && c->t[i].len >= 2 && c->t[i].len <= 8 && (c->t[i].flags & NB_TOK_UPPER) &&
                        !in(c, i, NB_LEX_STOP_CAP);
            if (!(acro && own_org(c, i, k, -1)))
                for (size_t q = i; q < k; q++) push_item(c, q, q + 1, NB_IT_WORD | NB_IT_CAP, -1);
            i = k; /* the office stays in the mention, as titles do */
            s0 = n0;
            roles |= r2;
            titled = true;
            break;
        }
    }
    /* "On Saturday", "However Hemedti": a capitalised stop word opens the run;
     * an organisation's own adjective does not ("International Maritime
     * Organization", "Central Reserve Police Force") */
    static const char *const ORG_ADJ[] = {"international", "national", "central", "federal", "democratic",
                                          "islamic", "civil", "people", "arab", "world", "state", "new",
                                          /* "the Eastern War Front", "Southern Transitional Council" */
                                          "eastern", "western", "northern", "southern", "north", "south",
                                          "east", "west", "middle", "gulf", "war", "general", "government",
                                          "republic", "police", "defence", "defense", "security", "supreme",
                                          /* a creed's ("the Christian Council of Lesotho", "the Muslim
                                           * Council of Britain") */
                                          "christian", "muslim", "jewish", "sunni", "shia", "shiite", "catholic",
                                          "orthodox", "protestant", "evangelical", "anglican", "coptic",
                                          /* "the All People's Congress", "All Parties Hurriyat Conference" */
                                          "all", NULL};
    /* (an acronym ends an organisation's name too: "the New IRA") */
    bool acronym = c->t[j - 1].len >= 2;
    for (size_t k = 0; k < c->t[j - 1].len && acronym; k++) {
        char ch = c->s[c->t[j - 1].start + k];
        acronym = ch >= 'A' && ch <= 'Z';
    }
    bool org = name_titles || in(c, j - 1, NB_LEX_ORG_HEAD) || institution_name(c, j) || linked || (acronym && j - i == 2) ||
               rally_head(c, i, i + (size_t)is(c, i, "the"));
    /* (not a holder's word before his office's possessive: "the President's Office") */
    /* (not a title strip_titles kept as a name's: "the General Security forces") */
    while ((!kept || is(c, s0, "the")) && s0 < j && in(c, s0, NB_LEX_STOP_CAP) && s0 + 1 < j && !(org && in(c, s0, ORG_ADJ)) &&
           !is(c, s0 + 1, "'s"))
        s0++;
    /* "First Vice President Riek Machar": titles after the stop word too */
    if (s0 > i && s0 + 1 < j && !name_titles && !kept) s0 = strip_titles(c, s0, j - 1, &roles, &titled, NULL);
    /* A single stop word ("However") or a place ("Tahrir Square") is no actor. */
    bool single = j - s0 == 1;
    /* "Fighters of the National Liberation Army": the members are the
     * named group's, no actor of their own */
    if (single && in(c, s0, MEMBERS) && (is(c, j, "of") || is(c, j, "from"))) {
        for (size_t k = i; k < j; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return j;
    }
    /* "the Anglican Bishop of Kaduna", "the Catholic Archbishop, X": a
     * modifier and an office name no one; the name after it does */
    static const char *const OFFICE_END[] = {"bishop", "archbishop", "cardinal", "minister", "governor", "mayor",
                                             "spokesman", "spokeswoman", "ambassador", "envoy", "senator", NULL};
    /* (a creed's word stripped as a stop word counts: "the Catholic Archbishop") */
    size_t o0 = s0 > i && j - s0 == 1 ? s0 - 1 : s0;
    if (j - o0 == 2 && in(c, j - 1, OFFICE_END) && !in(c, o0, NB_LEX_ORG_HEAD)) {
        size_t e2;
        unsigned f2;
        if (dict_match(c, o0, &e2, &f2) <= o0) {
            for (size_t k = i; k < j; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
            return j;
        }
    }
    if (single && in(c, s0, NB_LEX_ETHNIC)) {
        /* "Tuareg separatists": a generic group; "Tuareg militant X": a word */
        for (size_t k = i; k < s0; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
        size_t g = group_noun_at(c, j);
        if (g == SIZE_MAX) {
            push_item(c, s0, j, NB_IT_WORD | NB_IT_CAP, -1);
            return j;
        }
        char *q = nb_strndup(c->s + c->t[s0].start, c->t[s0].len);
        int ge = group_entity(c->aa, q, nb_lex_group_head(lw(c, g), strlen(lw(c, g))));
        free(q);
        size_t end = group_tail(c, g + 1);
        touch(c->aa, ge, c->s + c->t[s0].start, c->t[end - 1].start + c->t[end - 1].len - c->t[s0].start);
        push_item(c, s0, end, NB_IT_ACTOR, ge);
        return end;
    }
    /* "the Royal Armed Forces" with no owner named: the army of the state
     * the article is about (a possessive owner was taken by on_dict) */
    {
        size_t a = s0 < j && is(c, s0, "royal") ? s0 + 1 : s0;
        if (j - a == 2 && is(c, a, "armed") && is(c, a + 1, "forces") && !is(c, j, "of") &&
            !(s0 > 0 && is(c, s0 - 1, "'s"))) {
            int army = army_of(c->aa);
            if (army >= 0) {
                for (size_t k = i; k < s0; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
                touch(c->aa, army, c->s + c->t[s0].start, c->t[j - 1].start + c->t[j - 1].len - c->t[s0].start);
                push_item(c, s0, j, NB_IT_ACTOR, army);
                return j;
            }
        }
    }
    /* "the province of Negros Oriental", "the city of Machala": a place */
    bool place = in(c, j - 1, NB_LEX_PLACE_HEAD) || (s0 >= 2 && is(c, s0 - 1, "of") && in(c, s0 - 2, NB_LEX_PLACE_HEAD));
    /* "the state capital Sittwe", "the port city Hodeidah": a place's noun
     * right before the name */
    static const char *const PLACE_NOUN[] = {"capital", "city", "town", "village", "port", "province", "district",
                                             "region", "county", "township", "governorate", "island", NULL};
    if (s0 > 0 && !cap(c, s0 - 1) && in(c, s0 - 1, PLACE_NOUN)) place = true;
    /* "Bayraktar drones", "Caesar howitzers": an unknown name before a
     * weapon's noun is its make, no actor (a known one's are its own:
     * "Hezbollah drones"; an organisation's or an acronym's too: "the
     * Zambezi Liberation Front drones", "RSF drones"); it is pushed as
     * words, as a place is */
    static const char *const WEAPON[] = {"drone", "drones", "missile", "missiles", "rocket", "rockets", "tank", "tanks",
                                         "jet", "jets", "rifle", "rifles", "howitzer", "howitzers", "launcher",
                                         "launchers", "helicopter", "helicopters", "warplanes", "aircraft", "shells",
                                         "munitions", "interceptors", NULL};
    if (j < c->n && !cap(c, j) && in(c, j, WEAPON) && !in(c, j - 1, NB_LEX_ORG_HEAD) &&
        !(c->t[s0].flags & NB_TOK_UPPER))
        place = true;
    /* "Mount Mghila", "Lake Chad", "Jebel Marra": a feature's word opens a place's name */
    static const char *const PLACE_FIRST[] = {"mount", "mt", "lake", "cape", "jebel", "jabal", "djebel", "wadi",
                                              "complexo", NULL};
    if (j > s0 + 1 && in(c, s0, PLACE_FIRST)) place = true;
    /* ... but "the 4th Army Region", "the Eastern Military District" are
     * commands: armies are organised by territory */
    static const char *const FORCE[] = {"army", "military", "naval", NULL};
    static const char *const AREA[] = {"region", "district", "zone", NULL};
    if (place && j >= s0 + 2 && in(c, j - 2, FORCE) && in(c, j - 1, AREA)) place = false;
    if (place && j >= s0 + 2 && institution_name(c, j)) place = false;
    /* continents and world regions ("Americas director", "across Africa") */
    {
        nb_buf rk = {0};
        nb_name_key(c->s + c->t[s0].start, c->t[j - 1].start + c->t[j - 1].len - c->t[s0].start, &rk);
        if (nb_lex_in(rk.data, rk.len, NB_LEX_REGION)) place = true;
        nb_buf_free(&rk);
    }
    /* "Odesa port", "the Jenin refugee camp", "Okhmatdyt children's hospital";
     * not "X said the state would...", "X last month": a compound ends at a
     * verb or a function word */
    static const char *const CLAUSE[] = {"the", "a", "an", "said", "says", "say", "told", "and", "or", "of", "in",
                                         "on", "at", "to", "for", "with", "by", "from", "was", "is", "were",
                                         "are", "has", "have", "had", "will", "would", "that", "last", "next",
                                         "this", "every", "each", "late", "early", NULL};
    for (size_t k = j; k < c->n && k < j + 3 && !place; k++) {
        if (cap(c, k) || (c->t[k].flags & NB_TOK_PUNCT) || in(c, k, CLAUSE)) break;
        if (c->t[k].len > 3 && c->low[k][c->t[k].len - 2] == 'e' && c->low[k][c->t[k].len - 1] == 'd') break;
        if (in(c, k, NB_LEX_PLACE_HEAD)) place = true;
    }
    /* A lone unknown name after "in", "near", "on"... is a place, not an actor. */
    static const char *const LOCATIVE[] = {"in", "near", "at", "on", "into", "from", "outside",
                                           "inside", "around", "across", "toward", "towards",
                                           "to", "over", "through", "of", NULL};
    /* (an acronym is no place: "agents of SEBIN") */
    bool locative = single && s0 > 0 && in(c, s0 - 1, LOCATIVE) && !common_given_name(lw(c, s0)) && !camel(c, s0) &&
                    !((c->t[s0].flags & NB_TOK_UPPER) && c->t[s0].len >= 3);
    /* "a police convoy in Khyber Pakhtunkhwa": a longer unknown name after a
     * word of place is a place too, unless it names an organisation, a
     * known person, or a person by a common given name or a possessive */
    static const char *const AT[] = {"in", "near", "inside", "outside", "around", "across", "into", "through", NULL};
    nb_kind gk = single || nick1 || s0 == 0 || titled || !in(c, s0 - 1, AT) ? NB_KIND_ORG : guess_kind(c, s0, j, false);
    if (gk == NB_KIND_UNKNOWN ||
        (gk == NB_KIND_PERSON && !common_given_name(lw(c, s0)) && !is(c, j, "'s") && !plural_poss(c, j, 's')))
        locative = true;
    if ((single && in(c, s0, NB_LEX_STOP_CAP)) || place || c->headline) {
        for (size_t k = i; k < j; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return j;
    }
    /* News agencies are sources, not actors. */
    nb_buf key = {0};
    nb_name_key(c->s + c->t[s0].start, c->t[j - 1].start + c->t[j - 1].len - c->t[s0].start, &key);
    bool agency = nb_lex_in(key.data, key.len, NB_LEX_AGENCY);
    nb_buf_free(&key);
    if (agency) {
        push_item(c, i, j, NB_IT_WORD | NB_IT_CAP, -1);
        return j;
    }
    /* A first word of a sentence is capitalised anyway: only a name we
     * already know may start there alone. */
    /* (an acronym is in capitals wherever it stands: "PUDEMO said") */
    /* (not a dateline's city: "BOGOTÁ, Colombia", "CULIACÁN (AFP) -") */
    /* (a wire flash, "URGENT", is a stop word) */
    bool start = single && s0 == sent_first &&
                 !((c->t[s0].flags & NB_TOK_UPPER) && c->t[s0].len >= 3 && j < c->n && !(c->t[j].flags & NB_TOK_PUNCT));
    /* (a word with a capital inside is a name anywhere: "LockBit", "KontraS") */
    if (start && camel(c, s0)) start = false;
    /* (unless an apposition says what it is: "Cristosal, a human rights
     * group, said"; not "Yesterday, a group of gunmen") */
    static const char *const OPENERS[] = {"elsewhere", "meanwhile", "earlier", "later", "instead", "still",
                                          "also", "however", "nevertheless", "yesterday", "today", "overall",
                                          "then", "now", "there", "here", "again", "afterwards", "afterward",
                                          "overnight", "tonight", "nonetheless", "moreover", "furthermore",
                                          "likewise", "besides", "thus", "hence", "otherwise", "indeed",
                                          "once", "sometimes", NULL};
    size_t sl = c->t[s0].len;
    if (start && is(c, j, ",") && (is(c, j + 1, "a") || is(c, j + 1, "an")) && !in(c, s0, OPENERS) &&
        !(sl > 3 && c->low[s0][sl - 2] == 'l' && c->low[s0][sl - 1] == 'y')) {
        size_t h = j + 2;
        while (h < c->n && h < j + 7 && !cap(c, h) && !(c->t[h].flags & NB_TOK_PUNCT) && !is(c, h, "that") &&
               !is(c, h, "which") && !is(c, h, "based") && !is(c, h, "of"))
            h++;
        if (h < c->n && h > j + 2 && !is(c, h, "of") && in(c, h - 1, NB_LEX_ORG_HEAD) && !cap(c, h - 1))
            start = false;
    }
    /* ("FACT, whose leader ... said": a relative clause of its own) */
    /* (not a plural common noun: "Mourners, who gathered ...") */
    static const char *const PLURAL_END[] = {"ers", "ors", "ents", "ants", "ists", "ians", "ees", "ies", NULL};
    bool plural_noun = false;
    for (size_t q = 0; PLURAL_END[q] && !plural_noun; q++) {
        size_t pl = strlen(PLURAL_END[q]);
        plural_noun = sl > pl + 1 && !strcmp(c->low[s0] + sl - pl, PLURAL_END[q]);
    }
    if (start && is(c, j, ",") && (is(c, j + 1, "whose") || is(c, j + 1, "who")) && !in(c, s0, OPENERS) &&
        !plural_noun)
        start = false;
    /* ("Kessler, director of the institute, said": a role's apposition) */
    static const char *const ROLE_OF[] = {"leader", "head", "chief", "commander", "founder", "chairman",
                                          "chairwoman", "chairperson", "chair", "director", "president",
                                          "secretary", "spokesman", "spokeswoman", "spokesperson",
                                          "coordinator", "member", NULL};
    /* (not an adverb: "Separately, head of the army X said") */
    if (start && is(c, j, ",") && !in(c, s0, OPENERS) && in(c, j + 1, ROLE_OF) && is(c, j + 2, "of") &&
        !(sl > 3 && c->low[s0][sl - 2] == 'l' && c->low[s0][sl - 1] == 'y'))
        start = false;
    /* ("Omonia's chairman, X": a possessive owning a role names a body) */
    if (start && is(c, j, "'s") && !in(c, s0, OPENERS) &&
        (in(c, j + 1, NB_LEX_ROLE) || (j + 2 < c->n && !cap(c, j + 1) && in(c, j + 2, NB_LEX_ROLE))))
        start = false;
    /* (so is the first word after a dateline: "KADUGLI (AFP) - Artillery shells") */
    if (single && s0 >= 2 && is(c, s0 - 2, ")") &&
        (is(c, s0 - 1, "-") || is(c, s0 - 1, "\xe2\x80\x94") || is(c, s0 - 1, "\xe2\x80\x93")))
        start = true;
    const char *name = c->s + c->t[s0].start;
    size_t len = c->t[j - 1].start + c->t[j - 1].len - c->t[s0].start;
    nb_buf whole = {0};
    bool nick = nick1 && nick0 > s0 && nick1 + 1 < j;
    if (nick) {
        /* the person is named without the nickname, which becomes another
         * name of theirs: "El Chapo" alone later means them */
        nb_buf_put(&whole, name, c->t[nick0 - 1].start + c->t[nick0 - 1].len - c->t[s0].start);
        nb_buf_putc(&whole, ' ');
        nb_buf_put(&whole, c->s + c->t[nick1 + 1].start, c->t[j - 1].start + c->t[j - 1].len - c->t[nick1 + 1].start);
        name = whole.data;
        len = whole.len;
    }
    /* "the Guard" after "the Islamic Revolutionary Guard Corps": one word of
     * the name of an organisation the article named stands for it (not an
     * organ of state: "the Army" is no "Arakan Army") */
    if (single && !nick && s0 > 0 && is(c, s0 - 1, "the") && !in(c, s0, NB_LEX_ORGAN) && !is(c, j, "of")) {
        int org = -1;
        /* (or its plural: "the Guards" for the Revolutionary Guard Corps) */
        char sing[48] = "";
        size_t sl = strlen(lw(c, s0));
        if (sl > 4 && sl < sizeof sing && lw(c, s0)[sl - 1] == 's' && lw(c, s0)[sl - 2] != 's') {
            memcpy(sing, lw(c, s0), sl - 1);
            sing[sl - 1] = '\0';
            /* (an organisation's own noun, not a people's: "the Tamils"
             * after the Liberation Tigers of Tamil Eelam) */
            if (!nb_lex_in(sing, sl - 1, NB_LEX_ORG_HEAD)) sing[0] = '\0';
        }
        for (size_t q = 0; q < c->aa->n_ents; q++) {
            const nb_entity *qe = &c->aa->ents[q];
            if (qe->kind != NB_KIND_ORG || qe->alias_of >= 0 || !qe->last_sent || !strchr(qe->label, ' ') ||
                !(named_by(qe, lw(c, s0)) || (sing[0] && named_by(qe, sing))))
                continue;
            if (org < 0 || qe->last_seen > c->aa->ents[org].last_seen) org = (int)q;
        }
        if (org >= 0) {
            nb_buf_free(&whole);
            refer(c->aa, org);
            push_item(c, i, j, NB_IT_ACTOR, org);
            return j;
        }
    }
    /* "the Foreign Ministry", "the Ministry of Defence": a ministry named
     * without its state is the state the article is about, as "the army"
     * and "the government" are (countries absorb their ministries) */
    bool ministry = !nick && j > s0 + 1 &&
                    (is(c, j - 1, "ministry") || (is(c, s0, "ministry") && is(c, s0 + 1, "of")));
    if (ministry) {
        int st = state_of(c->aa);
        if (st >= 0) {
            nb_buf_free(&whole);
            refer(c->aa, st);
            push_item(c, i, j, NB_IT_ACTOR, st);
            return j;
        }
    }
    /* "near Kissufim ... the Kissufim attack": a name the article used as a
     * place stays one, unless it is known */
    nb_buf pk = {0};
    size_t pv;
    if (single && !nick) nb_name_key(name, len, &pk);
    bool place_before = single && !nick && c->aa->places.len && nb_map_get(&c->aa->places, pk.data, &pv);
    /* "the Abqaiq attack", "the Bucha massacre": an unknown name between
     * "the" and an act names where it happened */
    static const char *const ACT[] = {"attack", "attacks", "bombing", "bombings", "massacre", "raid", "strike",
                                      "strikes", "shelling", "ambush", "explosion", "blast", NULL};
    bool site = single && s0 > 0 && is(c, s0 - 1, "the") && in(c, j, ACT);
    int ent = resolve_name(c, name, len, nick ? NB_KIND_PERSON : guess_kind(c, s0, j, titled),
                           start || locative || place_before || site);
    /* (only after a word of place: "of", "to", "from" also take owners and sides) */
    static const char *const WHERE[] = {"in", "near", "at", "inside", "outside", "around", "across", "into", "through", NULL};
    /* (and a name that ends its phrase: not "near Abkhaz boundary line") */
    static const char *const AFTER[] = {"on", "in", "at", "and", "or", "after", "before", "since", "as", "when",
                                        "where", "while", "last", "this", "which", "who", "to", "from", "for",
                                        "with", "by", "of", NULL};
    bool ends = j >= c->n || (c->t[j].flags & NB_TOK_PUNCT) || in(c, j, AFTER);
    if (ent < 0 && locative && ends && pk.len && in(c, s0 - 1, WHERE) && !nb_map_get(&c->aa->places, pk.data, &pv))
        nb_map_put(&c->aa->places, pk.data, 1);
    nb_buf_free(&pk);
    if (ent >= 0 && nick) {
        while (c->aa->ents[ent].alias_of >= 0) ent = c->aa->ents[ent].alias_of;
        nb_buf nk = {0}, nl = {0};
        nb_buf_put(&nl, c->s + c->t[nick0 + 1].start,
                   c->t[nick1 - 1].start + c->t[nick1 - 1].len - c->t[nick0 + 1].start);
        nb_name_key(nl.data, nl.len, &nk);
        index_entities(c->aa);
        size_t ne;
        int alias = nb_map_get(&c->aa->first_key, nk.data, &ne) ? (int)ne : -1;
        if (alias < 0 && c->aa->ents[ent].kind == NB_KIND_PERSON) alias = new_entity(c->aa, nl.data, NB_KIND_PERSON, -1);
        if (alias >= 0 && c->aa->ents[alias].kind == NB_KIND_PERSON) make_alias(c, alias, ent);
        nb_buf_free(&nk);
        nb_buf_free(&nl);
    }
    if (ent < 0) {
        nb_buf_free(&whole);
        for (size_t k = i; k < j; k++) push_item(c, k, k + 1, NB_IT_WORD | NB_IT_CAP, -1);
        return j;
    }
    while (c->aa->ents[ent].alias_of >= 0) ent = c->aa->ents[ent].alias_of;
    nb_entity *e = &c->aa->ents[ent];
    e->roles |= roles;
    if (titled && e->kind == NB_KIND_UNKNOWN) e->kind = NB_KIND_PERSON;
    if (e->kind == NB_KIND_ORG && !e->noun && s0 > 0 && !cap(c, s0 - 1) && in(c, s0 - 1, NB_LEX_ORG_HEAD))
        e->noun = nb_strdup(lw(c, s0 - 1));
    touch(c->aa, ent, name, len);
    uint32_t fl = NB_IT_ACTOR;
    size_t end = j;
    if (is(c, j, "'s") || plural_poss(c, j, name[len - 1])) {
        fl |= NB_IT_POSS; /* "Iran's", "TotalEnergies'" */
        end = j + 1;
    }
    push_item(c, i, end, fl, ent);
    nb_buf_free(&whole);
    return end;
}

/* A role of several tokens ("Secretary-General", "commander-in-chief",
 * "chief of staff"): its end, with *role set to the one-word form the
 * relations stage knows, or i. */
static size_t multiword_role(const ctx *c, size_t i, const char **role)
{
    static const struct {
        const char *w[5];
        const char *role;
    } R[] = {{{"secretary", "-", "general"}, "secretary-general"},
             {{"secretary", "general"}, "secretary-general"},
             {{"commander", "-", "in", "-", "chief"}, "commander-in-chief"},
             {{"commander", "in", "chief"}, "commander-in-chief"},
             {{"chief", "of", "staff"}, "chief of staff"},
             {{"chief", "-", "of", "-", "staff"}, "chief of staff"},
             /* shared and gendered chairs are the chairman the relations know */
             {{"co", "-", "chair"}, "chairman"},
             {{"co", "-", "chairman"}, "chairman"},
             {{"co", "-", "leader"}, "leader"},
             {{"co", "-", "founder"}, "founder"},
             {{"chairwoman"}, "chairman"},
             {{"chairperson"}, "chairman"}};
    for (size_t r = 0; r < sizeof R / sizeof R[0]; r++) {
        size_t k = 0;
        while (k < 5 && R[r].w[k] && is(c, i + k, R[r].w[k])) k++;
        if (k < 5 && R[r].w[k]) continue;
        *role = R[r].role;
        return i + k;
    }
    return i;
}

/* "its longtime leader", "the group's commander-in-chief": a possessor
 * followed by a role word, after up to three adjectives. */
static bool role_follows(const ctx *c, size_t k)
{
    static const char *const ADJ[] = {"longtime", "long-time", "top", "senior", "military",
                                      "overall", "new", "former", "political", "supreme",
                                      "founding", "elusive", "current", "late", "spiritual",
                                      "de", "facto", "self-styled", "slain", "deputy", "co", "-" /* "co-chair" */,
                                      "country", "regional", "executive", "managing", "vice", "national", NULL};
    static const char *const ROLE[] = {"leader", "commander", "chief", "head", "founder",
                                       "emir", "chairman", "secretary", "bureau", "leadership",
                                       "spokesman", "spokesperson", "office", "council",
                                       "statement", "media", "chair", "chairwoman", "chairperson",
                                       "director", "president", "coordinator", "boss", NULL};
    for (size_t m = k; m < c->n && m < k + 4; m++) {
        if (in(c, m, ROLE)) return true;
        if (!in(c, m, ADJ)) return false;
    }
    return false;
}

/* Does a patron of the owner follow at k ("the movement's main diplomatic
 * and military backer", "the group's sponsors")? */
static bool patron_follows(const ctx *c, size_t k)
{
    static const char *const ADJ[] = {"main", "key", "chief", "principal", "biggest", "largest", "top", "main",
                                      "military", "diplomatic", "financial", "political", "foreign", "and",
                                      "longtime", "long-time", "staunchest", "closest", NULL};
    static const char *const PATRON[] = {"backer", "backers", "sponsor", "sponsors", "patron", "patrons",
                                         "financier", "financiers", "supplier", "suppliers", "benefactor", NULL};
    for (size_t m = k; m < c->n && m < k + 6; m++) {
        if (in(c, m, PATRON)) return true;
        if (!in(c, m, ADJ)) return false;
    }
    return false;
}

/* Does a noun naming the owner's deed follow at k, past a few modifiers
 * ("its full-scale invasion of", "their support for", "its military aid
 * to")? The owner is then the actor the deed's patterns read. */
static bool deed_follows(const ctx *c, size_t k)
{
    static const char *const ADJ[] = {"full-scale", "full", "-", "scale", "military", "financial", "continued",
                                      "ongoing", "latest", "new", "unprovoked", "illegal", "brutal", "massive",
                                      "long", "long-standing", "political", "diplomatic", "covert", "open",
                                      "growing", "direct", "own", NULL};
    static const char *const DEED[] = {"support", "backing", "funding", "financing", "sponsorship", "invasion",
                                       "offensive", "occupation", "annexation", "aggression", "bombardment",
                                       "bombing", "shelling", "blockade", "incursion", "assault", "airstrikes",
                                       "strikes", "attacks", "attack", "war", "campaign", NULL};
    for (size_t m = k; m < c->n && m < k + 4; m++) {
        if (in(c, m, DEED)) return true;
        if (!in(c, m, ADJ)) return false;
    }
    return false;
}

/* Does an armed group's site follow at k, past a modifier or two ("its
 * positions", "their suspected hideouts")? */
static bool site_follows(const ctx *c, size_t k)
{
    static const char *const ADJ[] = {"military", "forward", "frontline", "front-line", "suspected", "alleged",
                                      "remaining", "last", "main", "fortified", "underground", "rear", NULL};
    static const char *const SITE[] = {"positions", "bases", "base", "camps", "camp", "hideouts", "hideout",
                                       "strongholds", "stronghold", "headquarters", "outposts", "outpost",
                                       "bunkers", "tunnels", "depots", "convoys", "convoy", "checkpoints",
                                       "training", NULL};
    for (size_t m = k; m < c->n && m < k + 3; m++) {
        if (in(c, m, SITE)) return !is(c, m, "training") || is(c, m + 1, "camps") || is(c, m + 1, "camp");
        if (!in(c, m, ADJ)) return false;
    }
    return false;
}

/* Is the possessive at i the owner of a site a verb of the clause acts on
 * ("struck its positions", "shelled their camps"): a site follows, and a
 * word before that is no preposition, conjunction or verb of saying? */
static bool object_site(const ctx *c, size_t i)
{
    static const char *const NOT_VERB[] = {"said", "says", "say", "told", "added", "that", "and", "or", "but", "while",
                                           "as", "of", "with", "from", "for", "to", "near", "in", "at", "on", "by",
                                           "into", "inside", "outside", "around", "against", "toward", "towards",
                                           "is", "are", "was", "were", "had", "has", "have", "all", "both", "when",
                                           "where", "after", "before", "since", "about", "over", "under", NULL};
    /* (in reported speech the speaker's own: "the army said the 4K had
     * attacked its base") */
    static const char *const SAID[] = {"said", "says", "say", "told", "added", "stated", "claimed", "reported",
                                       "announced", "accused", "alleged", "according", NULL};
    if (i == 0 || cap(c, i - 1) || (c->t[i - 1].flags & NB_TOK_PUNCT) || in(c, i - 1, NOT_VERB) || !site_follows(c, i + 1))
        return false;
    for (size_t k = 0; k < i; k++)
        if (in(c, k, SAID)) return false;
    return true;
}

/* The end of a law's name opening at token i ("the Prevention of
 * Terrorism Act", "the National Security Law", "the Geneva Conventions"):
 * capitalised words after "the", joined by "of", "on", "for", "against" or
 * "the", whose last is a law's noun; else i. */
static size_t law_name(const ctx *c, size_t i)
{
    static const char *const LAW[] = {"act", "acts", "law", "laws", "bill", "code", "convention", "conventions",
                                      "treaty", "accord", "accords", "agreement", "decree", "ordinance", "amendment",
                                      "protocol", "statute", "constitution", NULL};
    static const char *const JOIN[] = {"of", "on", "for", "the", "against", NULL};
    if (!cap(c, i) || (i > 0 && cap(c, i - 1))) return i;
    /* (after "the", inside the run or before it: "Speaker Mike Johnson on
     * the Ukraine Aid Bill" is a person's run) */
    size_t w0 = is(c, i, "the") ? i + 1 : i;
    if (w0 == i && !(i > 0 && is(c, i - 1, "the"))) return i;
    /* (not a run that opens with an actor, "Russia on the Minsk Agreement",
     * nor with a body's noun, "the Institute for the Rule of Law") */
    size_t e;
    unsigned f;
    static const char *const BODY[] = {"centre", "center", "commission", "society", "court", "tribunal", "school",
                                       "university", "academy", "department", "bureau", "directorate", NULL};
    if (dict_match(c, w0, &e, &f) > w0 || in(c, w0, NB_LEX_ORG_HEAD) || in(c, w0, BODY))
        return i;
    size_t last = i, q = i;
    while (q < c->n && q < i + 12) {
        if (cap(c, q)) {
            last = q++;
            continue;
        }
        /* ("Convention for the Renewal of ...": joining words in a row) */
        size_t r = q;
        while (r < c->n && r < q + 3 && in(c, r, JOIN)) r++;
        if (r == q || !cap(c, r)) break;
        q = r;
    }
    /* (a law named by one word is an actor's name as often: "Law" alone, no) */
    return last > i && in(c, last, LAW) ? last + 1 : i;
}

/* Words said, after a possessive: "his remarks", "her latest comments". */
static bool said_follows(const ctx *c, size_t k)
{
    static const char *const ADJ[] = {"latest", "recent", "new", "own", "public", "televised", NULL};
    static const char *const SAID[] = {"remarks", "remark", "comments", "comment", "statement", "statements", "words",
                                       "speech", "claims", "claim", "rhetoric", NULL};
    for (size_t m = k; m < c->n && m < k + 3; m++) {
        if (in(c, m, SAID)) return true;
        if (!in(c, m, ADJ)) return false;
    }
    return false;
}

/* Words before a noun that make a bare "army" someone else's or new. */
static const char *const ARTICLE_LIKE[] = {
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "whose", "this", "that",
    "new", "private", "rebel", "national", "own", "standing", "regular", "separatist", NULL};

static const char *const AGENTS[] = {
    "aircraft", "warplanes", "jets", "drones", "forces", "troops", "fighters", "militants",
    "gunmen", "soldiers", "artillery", "navy", "warships", "helicopters", "commandos",
    "peacekeepers", "positions", "bases", "base", "headquarters", "convoy", "patrol", "members",
    "commanders", "officials", "infrastructure", "facilities", "territory", "embassy", "ships", "vessels", NULL};
/* (and a kind of installation: "its energy infrastructure", "their military facilities") */
static const char *const AGENT_ADJ[] = {"own", "allied", "special", "ground", "naval", "energy", "military", "nuclear",
                                        "oil", "power", "critical", NULL};

static bool item_is(const ctx *c, size_t k, const char *w);

/* Titles and role nouns that make a person the head of an organisation. */
static const char *const PERSON_LEADS[] = {"leader", "commander", "chief", "head", "founder", "emir",
                                           "chairman", "boss", "ringleader", NULL};
/* What a person commands acts through: "Hemedti's forces", "his fighters". */
static const char *const PERSON_AGENTS[] = {"forces", "fighters", "troops", "militia", "militiamen", "men",
                                            "loyalists", "gunmen", "soldiers",
                                            /* "his government": what the person heads */
                                            "government", "regime", "administration", NULL};

/* The organisation (or, for a head of state, the country) a person's
 * forces belong to, or -1. */
static void person_orgs(ctx *c);

static int forces_of(const nb_article_actors *aa, int person)
{
    while (aa->ents[person].alias_of >= 0) person = aa->ents[person].alias_of;
    const nb_entity *e = &aa->ents[person];
    if (e->kind != NB_KIND_PERSON) return -1;
    int o = e->org;
    if (o < 0 && (e->roles & NB_ROLE_HEAD_OF_STATE)) o = e->country;
    while (o >= 0 && aa->ents[o].alias_of >= 0) o = aa->ents[o].alias_of;
    return o;
}

int nb_actors_owner(const nb_article_actors *aa, int person)
{
    if (person < 0 || (size_t)person >= aa->n_ents) return -1;
    while (aa->ents[person].alias_of >= 0) person = aa->ents[person].alias_of;
    const nb_entity *e = &aa->ents[person];
    if (e->kind != NB_KIND_PERSON) return -1;
    int o = e->org;
    if (o < 0 && (e->roles & (NB_ROLE_HEAD_OF_STATE | NB_ROLE_MINISTER | NB_ROLE_MILITARY | NB_ROLE_SPOKES)))
        o = e->country;
    while (o >= 0 && aa->ents[o].alias_of >= 0) o = aa->ents[o].alias_of;
    return o;
}

/* Plural nouns for the members of an armed group: "the rebels" refers to
 * the armed organisation the article named. */
static const char *const ARMED_HEADS[] = {"rebels", "insurgents", "militants", "guerrillas", "guerillas",
                                          "jihadists", "separatists", "fighters", "insurgency", NULL};
/* Adjectives that call an organisation armed: "X, a rebel group". */
static const char *const ARMED_ADJ[] = {"rebel", "militant", "armed", "insurgent", "jihadist", "separatist",
                                        "guerrilla", "paramilitary", "militia", "terrorist", "islamist",
                                        "extremist", "secessionist", NULL};

/* The armed organisation "the rebels" means: of those the article called
 * armed or reported attacking, the one it names most (the story's main
 * armed group; "the rebels" rarely means a side player), or -1. */
static int armed_org_n(const nb_article_actors *aa, int *count)
{
    int best = -1;
    *count = 0;
    for (size_t i = 0; i < aa->n_ents; i++) {
        const nb_entity *e = &aa->ents[i];
        if (e->kind != NB_KIND_ORG || e->alias_of >= 0 || !e->last_sent) continue;
        bool armed = e->armed > 0;
        size_t lim = aa->n_events < 8 ? aa->n_events : 8;
        for (size_t k = 0; k < lim && !armed; k++)
            for (int a = 0; a < aa->events[k].n; a++) armed |= aa->events[k].ents[a] == (int)i;
        *count += armed;
        if (armed && (best < 0 || e->mentions > aa->ents[best].mentions ||
                      (e->mentions == aa->ents[best].mentions && e->last_seen > aa->ents[best].last_seen)))
            best = (int)i;
    }
    return best;
}

static int armed_org(const nb_article_actors *aa)
{
    int n;
    return armed_org_n(aa, &n);
}

/* At the article's end, the generic armed group a lead named before any
 * organisation ("Armed rebels attacked a post ... The ministry blamed the
 * X") is the armed organisation the article went on to name: wire stories
 * describe first and name after (cataphora). A qualifier must be a word of
 * that name ("Kuki-Chin rebels", not "Karen rebels" for another group). */
static void fold_described(nb_article_actors *aa, bool final);

void nb_actors_fold_generic(nb_article_actors *aa)
{
    fold_described(aa, true);
    /* (only when the article named one: with two, either may be meant) */
    int n, ao = armed_org_n(aa, &n);
    if (ao < 0 || n != 1) return;
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *e = &aa->ents[i];
        if (e->kind != NB_KIND_GROUP || e->alias_of >= 0 || !e->group_head) continue;
        bool head = false;
        for (size_t k = 0; ARMED_HEADS[k] && !head; k++) head = !strcmp(e->group_head, ARMED_HEADS[k]);
        if (!head) continue;
        /* the qualifier: the label's words before the head */
        size_t ql = strlen(e->label) - strlen(e->group_head);
        bool fits = true;
        for (const char *w = e->label; fits && w < e->label + ql;) {
            const char *end = strchr(w, ' ');
            if (!end || end > e->label + ql) break;
            char word[64];
            size_t n = (size_t)(end - w) < sizeof word - 1 ? (size_t)(end - w) : sizeof word - 1;
            for (size_t k = 0; k < n; k++) word[k] = (char)tolower((unsigned char)w[k]);
            word[n] = 0;
            static const char *const PLAIN[] = {"armed", "the", "suspected", "islamist", "jihadist", NULL};
            bool plain = false;
            for (size_t k = 0; PLAIN[k] && !plain; k++) plain = !strcmp(word, PLAIN[k]);
            if (!plain && !name_has(aa->ents[ao].label, word)) fits = false;
            w = end + 1;
        }
        if (fits) e->alias_of = ao;
    }
}

/* The named organisation a description before it ("a Chinese cybersecurity
 * company", "a hacking group") stands for: the one organisation the article
 * introduced in the three sentences after it that the description fits (a
 * business for a company, neither a business nor a civil body nor an armed
 * one for a hacking group), not a state's body; two that fit are no
 * answer. Run after each sentence, so that what is said of the name later
 * is said of the description's actor; at the article's end (final) a
 * description still unnamed is no actor. */
static void fold_described(nb_article_actors *aa, bool final)
{
    for (size_t i = 0; i < aa->n_ents; i++) {
        nb_entity *p = &aa->ents[i];
        if (!p->described || p->alias_of >= 0) continue;
        const char *head = p->group_head;
        bool cyber = !strcmp(head, "cyber");
        int found = -1, fits_n = 0;
        for (size_t q = i + 1; q < aa->n_ents; q++) {
            nb_entity *e = &aa->ents[q];
            if (e->first_sent > p->first_sent + 3) break;
            /* (a business's name left untyped, "Sichuan Lanxin Technology";
             * a hacking group's code name, "APT44", "UNC3886") */
            bool code = strpbrk(e->label, "0123456789") && !strchr(e->label, ' ');
            bool unsure = e->kind == NB_KIND_UNKNOWN && (cyber ? code : strchr(e->label, ' ') != NULL);
            /* (or read as a person's though a business's word ends it:
             * "Prince Holding Group", "Huione Pay") */
            unsure |= !cyber && e->kind == NB_KIND_PERSON && !e->roles && e->org < 0 && business_called(e, "company");
            if (e->alias_of >= 0 || e->described || (e->kind != NB_KIND_ORG && !unsure) || state_body(e) ||
                e->first_sent <= p->first_sent)
                continue;
            bool fits = cyber ? !civil_body(e) && !business_called(e, "company") && !e->armed
                              : unsure || business_called(e, head);
            if (!fits) continue;
            if (found < 0) found = (int)q;
            fits_n++;
        }
        if (fits_n == 1) p->alias_of = found;
        if (!final) continue;
        /* (a description, no alias of the name; unnamed, a node with
         * --all-actors as generic groups are) */
        p->kind = NB_KIND_GROUP;
        if (p->alias_of < 0) {
            free(p->label);
            p->label = nb_strdup(cyber ? "hacking group" : head);
        } else if (aa->ents[p->alias_of].kind != NB_KIND_ORG) {
            /* (the name typed an organisation only now: "the group" in
             * between meant what it meant) */
            aa->ents[p->alias_of].kind = NB_KIND_ORG;
        }
    }
}

/* "police raided", "the authorities said": bare organs a state acts
 * through, but not a role's compound ("police chief X") */
static const char *const ORGAN_PLURAL[] = {"police", "authorities", "prosecutors", NULL};

/* Is the lower-case word at k shaped like a verb form ("ordered", "orders",
 * "accusing"), no owner of the noun after it ("health authorities")? */
static bool verb_like(const ctx *c, size_t k)
{
    size_t n = c->t[k].len;
    const char *w = c->low[k];
    if (cap(c, k) || hyphen(c, k) || n < 4) return false;
    return (w[n - 2] == 'e' && w[n - 1] == 'd') || (n > 5 && !strcmp(w + n - 3, "ing")) ||
           (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i');
}

/* Unnamed state forces at token i: "soldiers", "troops", "security forces",
 * "an army patrol", "a military base", "a government garrison". Returns
 * the end of the mention, or i when the words have an owner of their own
 * (a name, a demonym, a possessive, "rebel", "UN") or are a name's part. */
/* "police" before the title of the force's head: its end (i + 1), else i. */
static size_t police_title(const ctx *c, size_t i)
{
    static const char *const HEADS[] = {"commissioner", "chief", "director", "inspector-general", "commander", NULL};
    /* ("Police Inspector General X"; a bare inspector is a rank) */
    bool ig = is(c, i + 1, "inspector") && (is(c, i + 2, "general") || (is(c, i + 2, "-") && is(c, i + 3, "general")));
    if (!is(c, i, "police") || (!in(c, i + 1, HEADS) && !ig)) return i;
    /* (a name follows, or a comma before one: "police chief, X") */
    size_t k = i + 2;
    if (ig) k += is(c, k, "-") ? 2 : 1;
    else if (is(c, k, "-")) k += 2;
    if (is(c, k, ",")) k++;
    return k < c->n && cap(c, k) && !(c->t[k].flags & NB_TOK_PUNCT) ? i + 1 : i;
}

/* The police force the article named in this sentence or the one before:
 * an organisation whose name has "Police" or "Constabulary", or -1. */
static int police_org(const nb_article_actors *aa)
{
    int best = -1;
    for (size_t q = 0; q < aa->n_ents; q++) {
        const nb_entity *e = &aa->ents[q];
        /* (named in this sentence or the one before: not the article's only
         * force named earlier, as the sentences between may be set elsewhere,
         * "In New York, ... Police Commissioner X") */
        if (e->kind != NB_KIND_ORG || e->alias_of >= 0 || !e->last_sent || e->last_sent + 1 < aa->sentence) continue;
        if (!name_has(e->label, "police") && !name_has(e->label, "constabulary")) continue;
        if (best < 0 || e->last_seen > aa->ents[best].last_seen) best = (int)q;
    }
    return best;
}

static size_t state_forces(const ctx *c, size_t i)
{
    static const char *const MEN[] = {"soldiers", "troops", "servicemen", "policemen", "conscripts", "gendarmes",
                                      "commandos", "paratroopers", NULL};
    static const char *const ORGAN[] = {"army", "military", "government", NULL};
    static const char *const POST[] = {"patrol", "patrols", "post", "posts", "position", "positions", "base",
                                       "bases", "convoy", "convoys", "outpost", "outposts", "garrison",
                                       "garrisons", "checkpoint", "checkpoints", "barracks", "camp", "unit",
                                       "units", "vehicle", "vehicles", "truck", "trucks", NULL};
    /* words that give the forces another owner, or none that acts */
    static const char *const OTHER[] = {
        "rebel", "enemy", "foreign", "former", "ex", "child", "allied", "opposition", "militia", "insurgent",
        "mercenary", "private", "peacekeeping", "un", "u.n.", "his", "her", "its", "their", "our", "my",
        "your", "whose", "own", "'s", "'", "\xe2\x80\x99", "rival", "coalition", "international", "regional",
        "multinational", "african", "western", "european", "nato", "russian-backed", "dead", "fallen",
        "retired", "wounded", "injured", "captured", "kidnapped", "abducted", "missing", "deserting",
        "no", "toy", NULL};
    /* bare "police", "authorities": only after words that give them no
     * owner of their own ("Gaza health authorities", "Hamas-run
     * authorities", "the state police" are other bodies) */
    static const char *const BARE_BEFORE[] = {"the", "by", "and", "or", "with", "to", "from", "that", "of",
                                              "against", "as", "said", "says", "say", ",", "riot", "armed",
                                              "federal", "national", "military", "special", NULL};
    size_t end = i;
    if (in(c, i, MEN)) end = i + 1;
    /* (not "police chief", "the authorities of Somaliland"; but "accused the
     * police of brutality": "of" is a title word only in "Chief of Staff") */
    else if (in(c, i, ORGAN_PLURAL) && !in(c, i + 1, NB_LEX_ROLE) &&
             (!in(c, i + 1, NB_LEX_TITLE) || (is(c, i + 1, "of") && !cap(c, i + 2) && !is(c, i + 2, "the"))) &&
             (i == 0 || (c->t[i - 1].flags & NB_TOK_PUNCT) || in(c, i - 1, BARE_BEFORE) || verb_like(c, i - 1)) &&
             !(i >= 2 && is(c, i - 1, "the") && (cap(c, i - 2) || hyphen(c, i - 2))))
        end = i + 1;
    else if ((is(c, i, "security") || is(c, i, "special")) && is(c, i + 1, "forces")) end = i + 2;
    /* "the security services", "the intelligence services": the state's too */
    else if ((is(c, i, "security") || is(c, i, "intelligence")) && (is(c, i + 1, "services") || is(c, i + 1, "agencies")))
        end = i + 2;
    else if (in(c, i, ORGAN) && in(c, i + 1, POST) && !hyphen(c, i + 2) &&
             /* "an army patrol", not "its largest overseas military base" */
             (i == 0 || is(c, i - 1, "a") || is(c, i - 1, "an") || is(c, i - 1, "the") ||
              (c->t[i - 1].flags & NB_TOK_NUM) || in(c, i - 1, NB_LEX_COUNT)))
        end = i + 2;
    if (end == i) return i;
    /* a capital inside a sentence is a name's part ("Army Rangers") */
    if (cap(c, i) && i > 0 && !(c->t[i - 1].flags & NB_TOK_PUNCT)) return i;
    if (i > 0) {
        size_t p = i - 1;
        if (in(c, p, OTHER) || hyphen(c, p)) return i;
        /* "sent troops to X", "deployed 500 soldiers": the sender's own, not
         * the state the article is about (a number or "more" between) */
        static const char *const SENT[] = {"sent", "send", "sends", "sending", "deployed", "deploy", "deploys",
                                           "deploying", "dispatched", "dispatch", "dispatching", NULL};
        size_t q = p;
        while (q > 0 && q + 3 > i && ((c->t[q].flags & NB_TOK_NUM) || is(c, q, "more") || is(c, q, "additional")))
            q--;
        if (in(c, q, SENT)) return i;
        /* "KFOR troops", "Wagner soldiers": a name owns them */
        if (cap(c, p) && p > 0 && !(c->t[p - 1].flags & NB_TOK_PUNCT)) return i;
        /* "Somali soldiers": the demonym item just before */
        if (c->n_items && (c->items[c->n_items - 1].flags & NB_IT_ACTOR) && c->items[c->n_items - 1].t1 == i)
            return i;
    }
    /* "troops from Rwanda", "soldiers of the mission": owned after (bare
     * police or authorities only before "of" and a name, a determiner or a
     * number: "accused the police of brutality" is no owner) */
    static const char *const OWNER_WORD[] = {"the", "a", "an", "both", "several", "all", "many", "some", "two",
                                             "three", "its", "their", "his", "her", "neighbouring", "neighboring",
                                             "other", "each", "various", NULL};
    /* (an act after "of" owns no forces: "accused the security forces of
     * beating detainees") */
    if (is(c, end, "from") || hyphen(c, end) ||
        (is(c, end, "of") && (cap(c, end + 1) || in(c, end + 1, OWNER_WORD) ||
                              (end + 1 < c->n && (c->t[end + 1].flags & NB_TOK_NUM)))))
        return i;
    /* ("the authorities in Kyiv") */
    if (in(c, i, ORGAN_PLURAL) && is(c, end, "in")) return i;
    return end;
}

/* The state that unnamed forces before token k belong to: one the rest of
 * the sentence names with its forces ("killing 16 soldiers in an attack on
 * the Pakistani army"), else the country the article names most, when no
 * other country is named as often (two states at war: no guess). */
static int forces_state(ctx *c, size_t k)
{
    nb_article_actors *aa = c->aa;
    static const char *const OWNED[] = {"army", "military", "forces", "troops", "soldiers", "police", NULL};
    /* countries the sentence names: the lead sentence of a report
     * ("BOGOTA - ... killing four soldiers in Colombia's north") often
     * names its state only there */
    size_t fwd[8];
    long fwd_n[8];
    size_t n_fwd = 0;
    for (size_t q = 0; q < c->n; q++) {
        size_t e;
        unsigned f;
        size_t j = dict_match(c, q, &e, &f);
        if (j <= q) continue;
        if (aa->dict->entries[e].kind == NB_KIND_COUNTRY) {
            /* "the Pakistani army" may be one alias of Pakistan, or a
             * demonym and a noun; one named before counts again, as a
             * name inside another ("the Union for Peace in the Central
             * African Republic") was never counted */
            if (q >= k && (in(c, j, OWNED) || in(c, j - 1, OWNED))) return entity_for_dict(aa, e);
            size_t m = 0;
            while (m < n_fwd && fwd[m] != e) m++;
            if (m == n_fwd && n_fwd < 8) fwd[n_fwd] = e, fwd_n[n_fwd++] = 0;
            if (m < n_fwd) fwd_n[m]++;
        }
        q = j - 1;
    }
    /* mentions so far plus those ahead, per dictionary country (or entity) */
    long score[64];
    size_t who[64], n = 0;
    for (size_t i = 0; i < aa->n_ents && n < 64; i++) {
        const nb_entity *e = &aa->ents[i];
        if (e->kind != NB_KIND_COUNTRY || e->alias_of >= 0) continue;
        score[n] = e->mentions;
        for (size_t m = 0; m < n_fwd; m++)
            if (e->dict >= 0 && (size_t)e->dict == fwd[m]) score[n] += fwd_n[m], fwd_n[m] = 0;
        who[n++] = i;
    }
    for (size_t m = 0; m < n_fwd && n < 64; m++)
        if (fwd_n[m]) score[n] = fwd_n[m], who[n++] = SIZE_MAX - m;
    size_t best = SIZE_MAX, second = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (best == SIZE_MAX || score[i] > score[best]) second = best, best = i;
        else if (second == SIZE_MAX || score[i] > score[second]) second = i;
    }
    /* named once is no evidence beside another state; two states at war
     * are no guess */
    if (best == SIZE_MAX || (score[best] < 2 && second != SIZE_MAX)) return -1;
    if (second != SIZE_MAX && score[second] * 3 > score[best] * 2) return -1;
    if (who[best] > aa->n_ents) return entity_for_dict(aa, fwd[SIZE_MAX - who[best]]);
    return (int)who[best];
}

/* "the Iran-backed group" at i, the backer's name at kb, the noun ending
 * at end: the words, the backer (a modifier) and the earlier actor. */
static size_t push_backed(ctx *c, size_t i, size_t kb, size_t end, int backer, int ent)
{
    size_t k = end - 1, last = k - 3; /* "the Iran - backed group" */
    touch(c->aa, backer, c->s + c->t[kb].start, c->t[last].start + c->t[last].len - c->t[kb].start);
    push_item(c, i, i + 1, NB_IT_WORD | ((c->t[i].flags & NB_TOK_CAP) ? NB_IT_CAP : 0), -1);
    push_item(c, kb, k, NB_IT_ACTOR | NB_IT_BACKED | NB_IT_MOD, backer);
    push_item(c, k, end, NB_IT_ACTOR | NB_IT_PRON, ent);
    return end;
}

/* Pronouns and definite descriptions that stand for an earlier actor. */
/* The organisation whose name the lower-case words at k end ("the task
 * force" for the Joint Task Force), two words or more with one that is no
 * state organ's ("the security forces" is the state's), the latest named;
 * *end is the token after the words. -1 if none. */
static int name_tail_match(const ctx *c, size_t k, size_t *end)
{
    const nb_article_actors *aa = c->aa;
    size_t e = k;
    while (e < c->n && e < k + 3 && !cap(c, e) && (c->t[e].flags & NB_TOK_WORD) && !(c->t[e].flags & NB_TOK_NUM) &&
           !is(c, e, "'s"))
        e++;
    if (e - k < 2) return -1;
    /* the longest run of the words from k that ends a name */
    for (size_t stop = e; stop >= k + 2; stop--) {
        bool own = false;
        for (size_t q = k; q < stop; q++) own |= !in(c, q, NB_LEX_ORGAN) && !in(c, q, NB_LEX_STATE_ARMS);
        if (!own) continue;
        nb_buf tail = {0};
        for (size_t q = k; q < stop; q++) {
            if (q > k) nb_buf_putc(&tail, ' ');
            nb_buf_puts(&tail, c->low[q]);
        }
        int best = -1;
        for (size_t i = 0; i < aa->n_ents; i++) {
            const nb_entity *en = &aa->ents[i];
            if (en->kind != NB_KIND_ORG || en->alias_of >= 0 || !en->last_sent) continue;
            size_t ll = strlen(en->label);
            if (ll <= tail.len || en->label[ll - tail.len - 1] != ' ') continue;
            bool same = true;
            for (size_t q = 0; q < tail.len && same; q++)
                same = tolower((unsigned char)en->label[ll - tail.len + q]) == tail.data[q];
            if (same && (best < 0 || en->last_seen > aa->ents[best].last_seen)) best = (int)i;
        }
        nb_buf_free(&tail);
        if (best >= 0) {
            *end = stop;
            return best;
        }
    }
    return -1;
}

/* "both sides", "the two countries", "the warring parties": the two
 * parties the article named together last ("X and Y", "between X and Y"),
 * in this sentence or the two before; a group entity that stands for the
 * pair (pipeline.c gives each party the relation). Returns the token
 * after the words, or i. */
static size_t both_sides(ctx *c, size_t i)
{
    nb_article_actors *aa = c->aa;
    static const char *const SIDES[] = {"sides", "parties", "countries", "camps", "factions", "neighbours",
                                        "neighbors", "nations", "belligerents", "groups", NULL};
    size_t k = i;
    /* ("the groups" right after two named organisations: "Israel struck
     * Hamas and Islamic Jihad ... accused the groups of ...") */
    bool groups = is(c, i, "the") && is(c, i + 1, "groups");
    if (is(c, i, "both") || (is(c, i, "the") && (is(c, i + 1, "two") || is(c, i + 1, "warring")))) k = i + 1;
    else if (!groups) return i;
    if (is(c, i, "the")) k = groups ? i + 1 : i + 2;
    /* (not a place's sides: "both sides of the border") */
    if (!in(c, k, SIDES) || (is(c, k + 1, "of") && (is(c, k + 2, "the") || is(c, k + 2, "a") || is(c, k + 2, "this"))))
        return i;
    if (!aa->pair_sent || aa->pair_sent + 2 < aa->sentence || aa->pair[0] < 0 || aa->pair[1] < 0) return i;
    /* ("groups" are two organisations, never two states) */
    if (is(c, k, "groups") && (aa->ents[aa->pair[0]].kind != NB_KIND_ORG || aa->ents[aa->pair[1]].kind != NB_KIND_ORG))
        return i;
    /* one group entity per pair */
    int ge = -1;
    for (size_t q = 0; q < aa->n_ents && ge < 0; q++)
        if (aa->ents[q].pair[0] == aa->pair[0] && aa->ents[q].pair[1] == aa->pair[1]) ge = (int)q;
    if (ge < 0) {
        ge = new_entity(aa, "both sides", NB_KIND_GROUP, -1);
        aa->ents[ge].pair[0] = aa->pair[0];
        aa->ents[ge].pair[1] = aa->pair[1];
    }
    push_item(c, i, k + 1, NB_IT_ACTOR | NB_IT_PRON, ge);
    return k + 1;
}

/* Remembers the last two parties the sentence names together: "X and Y",
 * "between X and Y" (states and organisations, not people). */
static void note_pair(ctx *c)
{
    nb_article_actors *aa = c->aa;
    for (size_t m = 1; m + 1 < c->n_items; m++) {
        if (!item_is(c, m, "and")) continue;
        /* the actors on either side: "Sudan's army and the RSF" */
        size_t ka = m, kb = m + 1;
        while (ka > 0 && ka + 3 > m && !(c->items[ka - 1].flags & (NB_IT_ACTOR | NB_IT_PUNCT))) ka--;
        if (kb < c->n_items && item_is(c, kb, "the")) kb++;
        if (ka == 0 || kb >= c->n_items) continue;
        const nb_item *a = &c->items[ka - 1], *b = &c->items[kb];
        if (!(a->flags & NB_IT_ACTOR) || !(b->flags & NB_IT_ACTOR) || a->ent < 0 || b->ent < 0) continue;
        int x = a->ent, y = b->ent;
        while (aa->ents[x].alias_of >= 0) x = aa->ents[x].alias_of;
        while (aa->ents[y].alias_of >= 0) y = aa->ents[y].alias_of;
        if (x == y || aa->ents[x].pair[0] >= 0 || aa->ents[y].pair[0] >= 0) continue;
        nb_kind kx = aa->ents[x].kind, ky = aa->ents[y].kind;
        if (kx == NB_KIND_PERSON || ky == NB_KIND_PERSON || kx == NB_KIND_GROUP || ky == NB_KIND_GROUP) continue;
        aa->pair[0] = x < y ? x : y;
        aa->pair[1] = x < y ? y : x;
        aa->pair_sent = aa->sentence;
    }
}

/* Is e a name only guessed to be a person's, with nothing to show for it
 * (no dictionary entry, title, role or organisation, named once), so that
 * a description may type it? */
static bool guessed_person(const nb_entity *e)
{
    return e->kind == NB_KIND_PERSON && e->dict < 0 && !e->roles && e->org < 0 && e->mentions <= 1;
}

/* Singular nouns that make a name an organisation when it is one. */
static const char *const ORG_NOUNS[] = {"militia", "group", "movement", "faction", "organisation", "organization",
                                        "party", "gang", "cartel", "front", "army", "coalition", "alliance",
                                        "insurgency", "groups", "movements", "factions", "organisations",
                                        "organizations", NULL};

/* Nouns that make the name just before them an organisation ("the Foxtrot
 * network"), though "a network of hospitals" is no armed group. */
static const char *const TAIL_NOUNS[] = {"network", "syndicate", NULL};

/* Adjectives of crime between a gang's name and its noun ("the Foxtrot
 * criminal network", "the Sinaloa drug cartel"). */
static const char *const CRIME_ADJ[] = {"criminal", "crime", "drug", "drug-trafficking", "trafficking",
                                        "smuggling", "mafia", NULL};

/* "Hezbollah, an Iran-backed militia": an indefinite description in
 * apposition that names its backer describes the name before the comma, as
 * "the Iran-backed group" does */
static bool backed_appos(const ctx *c, size_t i)
{
    size_t e;
    unsigned f;
    if (!(is(c, i, "a") || is(c, i, "an")) || i < 2 || i + 1 >= c->n || !is(c, i - 1, ",") || !cap(c, i - 2))
        return false;
    size_t dm = dict_match(c, i + 1, &e, &f);
    return dm > i + 1 && hyphen(c, dm) && dm + 1 < c->n && in(c, dm + 1, PARTICIPLE_FUNDS);
}

/* "X imposed sanctions on Y, accusing it of ...": an object pronoun of a
 * participle after a comma is not the participle's subject, the sentence's
 * (binding), so when an actor of this sentence was found, a later one of it
 * that agrees (kinds) is meant, the latest. */
static int not_the_subject(const ctx *c, size_t i, int ent, int kinds)
{
    const nb_article_actors *aa = c->aa;
    if (ent < 0 || i == 0 || aa->ents[ent].last_sent != aa->sentence) return ent;
    /* (a participle after a comma, whose subject is the sentence's: not
     * "accused Ukraine of attacking it") */
    const char *v = lw(c, i - 1);
    size_t n = strlen(v);
    /* (or a verb coordinated after the subject's first: "X said ... and
     * accused them of ...") */
    bool ing = i >= 2 && is(c, i - 2, ",") && n >= 5 && !strcmp(v + n - 3, "ing");
    bool and_ed = i >= 2 && is(c, i - 2, "and") && n >= 5 && !strcmp(v + n - 2, "ed");
    if (!ing && !and_ed) return ent;
    /* (after "and", only when the antecedent found is the subject, the
     * sentence's first actor: "recruited the SDF and armed them" is the SDF) */
    if (and_ed && !ing && aa->ents[ent].sent_rank != 1) return ent;
    int other = -1;
    for (size_t q = 0; q < aa->n_ents; q++) {
        const nb_entity *e = &aa->ents[q];
        if ((int)q == ent || e->alias_of >= 0 || e->last_sent != aa->sentence || !(kinds & (1 << e->kind)) ||
            e->sent_rank < aa->ents[ent].sent_rank)
            continue;
        if (other < 0 || e->last_seen > aa->ents[other].last_seen) other = (int)q;
    }
    /* (none that agrees: after "and", still not the subject) */
    return other >= 0 ? other : and_ed ? -1 : ent;
}

/* "an embassy spokesperson", "a foreign ministry official": an office of
 * the state an earlier sentence named, as "the embassy" is */
static bool state_spokes(const ctx *c, size_t i)
{
    static const char *const SPOKES[] = {"spokesman", "spokeswoman", "spokesperson", "official", "officials",
                                         "statement", "source", "sources", NULL};
    static const char *const PORTFOLIO[] = {"foreign", "defence", "defense", "interior", NULL};
    if (!is(c, i, "a") && !is(c, i, "an")) return false;
    size_t k = i + 1 + (size_t)(i + 1 < c->n && in(c, i + 1, PORTFOLIO));
    return k + 1 < c->n && !cap(c, k) && (is(c, k, "embassy") || is(c, k, "ministry")) && in(c, k + 1, SPOKES);
}

static size_t on_reference(ctx *c, size_t i)
{
    nb_article_actors *aa = c->aa;
    const char *w = lw(c, i);
    int ent = -1, backer = -1, mask = 0;
    size_t end = i + 1, kb = 0;
    bool outside = !(c->inq && c->inq[i]);
    {
        size_t bs = both_sides(c, i);
        if (bs > i) return bs;
    }
    /* "Israel said it had...", "X said that they...": the reporting
     * verb's subject, when it agrees */
    int speaker = -1;
    const nb_item *speaker_item = NULL;
    {
        size_t k = c->n_items;
        /* "said on Monday that they": the day between is passed over */
        static const char *const WHEN[] = {"on", "monday", "tuesday", "wednesday", "thursday", "friday",
                                           "saturday", "sunday", "today", "yesterday", "late", "early", NULL};
        if (k && item_is(c, k - 1, "that")) k--;
        for (int q = 0; q < 2 && k > 2 && in(c, c->items[k - 1].t0, WHEN) && c->items[k - 1].t1 == c->items[k - 1].t0 + 1; q++)
            k--;
        if (k >= 2 && (item_is(c, k - 1, "said") || item_is(c, k - 1, "says") || item_is(c, k - 1, "added") ||
                       item_is(c, k - 1, "announced") || item_is(c, k - 1, "claimed") || item_is(c, k - 1, "insisted")) &&
            (c->items[k - 2].flags & NB_IT_ACTOR) && c->items[k - 2].ent >= 0) {
            speaker = c->items[k - 2].ent;
            speaker_item = &c->items[k - 2];
        }
        while (speaker >= 0 && aa->ents[speaker].alias_of >= 0) speaker = aa->ents[speaker].alias_of;
        /* "the task force said it had killed": a definite description no
         * actor is "it" itself, which then names no actor */
        if (speaker < 0 && k >= 3 && !strcmp(w, "it") && item_is(c, k - 1, "said") && !(c->items[k - 2].flags & NB_IT_ACTOR) &&
            !(c->items[k - 2].flags & NB_IT_PUNCT)) {
            static const char *const SPOKEN[] = {"statement", "report", "communique", "spokesman", "spokeswoman",
                                                 "spokesperson", "official", "source", "post", "video", "message",
                                                 "letter", "note", NULL};
            size_t q = k - 2;
            const char *hw = c->items[q].w;
            bool definite = false;
            for (size_t d = 0; d < 3 && q > 0 && !definite; d++, q--) {
                const nb_item *it = &c->items[q - 1];
                if (it->flags & (NB_IT_ACTOR | NB_IT_PUNCT)) break;
                definite = !strcmp(it->w, "the");
            }
            size_t hl = strlen(hw);
            if (definite && hl > 2 && hw[hl - 1] != 's' && !in(c, c->items[k - 2].t0, SPOKEN) && !(c->t[c->items[k - 2].t0].flags & NB_TOK_CAP))
                return i;
        }
    }
    /* "accused her of obstructing": "her" before no noun of its own is the
     * object pronoun, as "him" is */
    static const char *const AFTER_OBJ[] = {"of", "for", "over", "to", "with", "in", "on", "at", "from", "as",
                                            "and", "but", "or", "after", "before", "because", "since", "that",
                                            ",", ".", ";", ":", NULL};
    bool her_obj = !strcmp(w, "her") && (i + 1 >= c->n || in(c, i + 1, AFTER_OBJ));
    if (!strcmp(w, "he") || !strcmp(w, "she") || !strcmp(w, "him") || her_obj) {
        /* "attacked him": object pronouns agree with persons too */
        ent = salient(aa, K(NB_KIND_PERSON), outside);
        /* inside a quote, a person the quotes named lately before one
         * named outside them (the speaker says "I", not "he"):
         * "'... the military arm of Riek Machar,' X said. 'He gave them
         * weapons.'" */
        if (!outside) {
            int qp = -1;
            for (size_t q = 0; q < aa->n_ents; q++) {
                const nb_entity *e = &aa->ents[q];
                if (e->kind != NB_KIND_PERSON || e->alias_of >= 0 || !e->quoted || !e->last_sent ||
                    e->last_sent + 2 < aa->sentence)
                    continue;
                if (qp < 0 || e->last_seen > aa->ents[qp].last_seen) qp = (int)q;
            }
            if (qp >= 0) ent = qp;
        }
        /* ("X said he": a speaker of no known kind too, a headline's bare
         * surname, "Vucic orders police ...") */
        /* (not an acronym's: "KWADEC said he had been abducted") */
        if (speaker >= 0 &&
            (aa->ents[speaker].kind == NB_KIND_PERSON ||
             (aa->ents[speaker].kind == NB_KIND_UNKNOWN && !nb_label_acronym(aa->ents[speaker].label) &&
              !strchr(aa->ents[speaker].label, ' '))) &&
            strcmp(w, "him") && !her_obj)
            ent = speaker;
        /* (an object "her" is no subject of its own clause: "Putin condemned her") */
        if (her_obj) ent = not_the_subject(c, i, ent, K(NB_KIND_PERSON));
    } else if (!strcmp(w, "it")) {
        ent = salient(aa, K(NB_KIND_ORG) | K(NB_KIND_COUNTRY), outside);
        if (speaker >= 0 && (aa->ents[speaker].kind == NB_KIND_ORG || aa->ents[speaker].kind == NB_KIND_COUNTRY))
            ent = speaker;
        ent = not_the_subject(c, i, ent, K(NB_KIND_ORG) | K(NB_KIND_COUNTRY));
    } else if (!strcmp(w, "they")) {
        ent = salient(aa, K(NB_KIND_GROUP) | K(NB_KIND_ORG), outside);
        if (speaker >= 0 && (aa->ents[speaker].kind == NB_KIND_GROUP || aa->ents[speaker].kind == NB_KIND_ORG))
            ent = speaker;
        /* "Kosovo police said they": a country named by a plural organ */
        static const char *const PLURAL_ORGAN[] = {"police", "forces", "troops", "officials", "authorities",
                                                   "soldiers", "investigators", "prosecutors", NULL};
        if (speaker >= 0 && aa->ents[speaker].kind == NB_KIND_COUNTRY && speaker_item &&
            in(c, speaker_item->t1 - 1, PLURAL_ORGAN))
            ent = speaker;
    } else if (!strcmp(w, "them")) {
        /* "struck them" agrees as "they" does; not a part ("among them",
         * "two of them") nor persons named just before ("X and Y, accusing them") */
        static const char *const PART_OF[] = {"among", "of", "between", "including", NULL};
        int persons = 0;
        for (size_t k = 0; k < aa->n_ents; k++)
            persons += aa->ents[k].kind == NB_KIND_PERSON && aa->ents[k].last_sent == aa->sentence;
        if ((i > 0 && in(c, i - 1, PART_OF)) || persons >= 2) return i;
        ent = salient(aa, K(NB_KIND_GROUP) | K(NB_KIND_ORG), outside);
        ent = not_the_subject(c, i, ent, K(NB_KIND_GROUP) | K(NB_KIND_ORG));
    } else if ((i == 0 ||
                (!(c->t[i].flags & NB_TOK_CAP) && !is(c, i - 1, "'s") &&
                 (!in(c, i - 1, ARTICLE_LIKE) ||
                  /* "an army convoy", "the army post" */
                  ((is(c, i - 1, "a") || is(c, i - 1, "an") || is(c, i - 1, "the")) &&
                   in(c, i + 1, NB_LEX_FACILITY))))) &&
               (!strcmp(w, "army") ||
                /* "was killed by troops": an agent with no owner is the article's army */
                (!strcmp(w, "troops") && i > 0 && is(c, i - 1, "by")) ||
                (!strcmp(w, "government") && (is(c, i + 1, "forces") || is(c, i + 1, "troops"))))) {
        /* bare "army drones struck", "government forces shelled": the army
         * the article named ("Sudan's army") */
        ent = army_of(aa);
        if (ent < 0) return i;
        end = strcmp(w, "army") ? i + 2 : i + 1;
    } else if ((end = police_title(c, i)) > i) {
        /* "Police Commissioner X", "the police chief, X": the police force
         * the article named ("the Royal Solomon Islands Police Force") */
        ent = police_org(aa);
        if (ent < 0) return i;
    } else if ((end = state_forces(c, i)) > i) {
        /* "killing seven soldiers", "an army patrol", "security forces
         * raided": unnamed state forces are the state the article is about
         * (GUIDELINES: countries absorb their military and police) */
        /* (bare "police", "the authorities": only the country the article
         * is about, named twice, not one a place phrase names) */
        ent = in(c, i, ORGAN_PLURAL) ? home_state(c) : forces_state(c, end);
        if (ent < 0) return i;
    } else if ((!strcmp(w, "his") || !strcmp(w, "her")) && i + 1 < c->n && in(c, i + 1, PERSON_AGENTS)) {
        /* "his forces attacked": the organisation the person leads, or the
         * country they are head of */
        int p = salient(aa, K(NB_KIND_PERSON), outside);
        if (speaker >= 0 && aa->ents[speaker].kind == NB_KIND_PERSON) p = speaker;
        int o = p >= 0 ? forces_of(aa, p) : -1;
        if (o < 0 && p >= 0) {
            /* ("X, a Y commander, said his fighters": what X leads, said
             * earlier in this sentence) */
            person_orgs(c);
            o = forces_of(aa, p);
        }
        if (o < 0) return i;
        refer(aa, o);
        push_item(c, i, i + 2, NB_IT_ACTOR | NB_IT_PRON, o);
        return i + 2;
    } else if ((!strcmp(w, "his") || !strcmp(w, "her")) && i + 1 < c->n && said_follows(c, i + 1)) {
        /* "condemned his remarks": the person whose words are judged */
        int p = salient(aa, K(NB_KIND_PERSON), outside);
        if (speaker >= 0 && aa->ents[speaker].kind == NB_KIND_PERSON) p = speaker;
        if (p < 0) return i;
        refer(aa, p);
        push_item(c, i, i + 1, NB_IT_ACTOR | NB_IT_PRON | NB_IT_POSS, p);
        return i + 1;
    } else if ((!strcmp(w, "its") || !strcmp(w, "their")) && object_site(c, i)) {
        /* "Iran has struck its positions", "raided their hideouts": the
         * object's owner is not the sentence's own actor but an armed
         * organisation named lately */
        /* (an armed one, the latest of this sentence or the one before:
         * not the source that reported it, "The UN said M23 rebels ...") */
        for (size_t q = 0; q < aa->n_ents; q++) {
            const nb_entity *e = &aa->ents[q];
            if (e->kind != NB_KIND_ORG || e->alias_of >= 0 || !e->armed || e->last_sent + 1 < aa->sentence ||
                (outside && e->quoted))
                continue;
            if (ent < 0 || e->last_seen > aa->ents[ent].last_seen) ent = (int)q;
        }
        if (ent < 0) return i;
        refer(aa, ent);
        push_item(c, i, i + 1, NB_IT_ACTOR | NB_IT_PRON | NB_IT_POSS, ent);
        return i + 1;
    } else if ((!strcmp(w, "its") || !strcmp(w, "their")) && i + 1 < c->n &&
               (in(c, i + 1, AGENTS) || (i + 2 < c->n && in(c, i + 1, AGENT_ADJ) && in(c, i + 2, AGENTS)))) {
        /* "its aircraft had struck", "their fighters stormed": the owner acts */
        ent = salient(aa, K(NB_KIND_ORG) | K(NB_KIND_COUNTRY) | K(NB_KIND_GROUP), outside);
        if (ent < 0) return i;
        size_t e2 = in(c, i + 1, AGENTS) ? i + 2 : i + 3;
        refer(aa, ent);
        push_item(c, i, e2, NB_IT_ACTOR | NB_IT_PRON, ent);
        return e2;
    } else if ((!strcmp(w, "its") || !strcmp(w, "their")) && (role_follows(c, i + 1) || deed_follows(c, i + 1))) {
        /* ("its invasion of": a state's deed too; "its leader" is a group's) */
        int kinds = K(NB_KIND_GROUP) | K(NB_KIND_ORG) | (role_follows(c, i + 1) ? 0 : K(NB_KIND_COUNTRY));
        ent = salient(aa, kinds, outside);
        /* "criticised Washington over its support for X": the actor just
         * before "over" or "for" is the owner, not the sentence's subject */
        size_t ni = c->n_items;
        if (i >= 2 && (is(c, i - 1, "over") || is(c, i - 1, "for")) && ni >= 2 &&
            (c->items[ni - 2].flags & NB_IT_ACTOR) && c->items[ni - 2].ent >= 0 && c->items[ni - 2].t1 == i - 1 &&
            !(c->items[ni - 2].flags & NB_IT_MOD) && (kinds & K(aa->ents[c->items[ni - 2].ent].kind)))
            ent = c->items[ni - 2].ent;
        if (ent < 0) return i;
        refer(aa, ent);
        push_item(c, i, i + 1, NB_IT_ACTOR | NB_IT_PRON | NB_IT_POSS, ent);
        return i + 1;
    } else if ((!strcmp(w, "the") || backed_appos(c, i) || state_spokes(c, i) ||
                /* "this military", "that regime": the state's organ as "the" names it */
                ((!strcmp(w, "this") || !strcmp(w, "that")) && i + 1 < c->n &&
                 (is(c, i + 1, "military") || is(c, i + 1, "regime") || is(c, i + 1, "junta") ||
                  is(c, i + 1, "government") || is(c, i + 1, "army")))) &&
               i + 1 < c->n) {
        /* "the task force", "the national guard": the words that end an
         * organisation's name the article gave (head match), unless they
         * are a state's organ ("the security forces") */
        if (!strcmp(w, "the")) {
            size_t end;
            int hm = name_tail_match(c, i + 1, &end);
            if (hm >= 0) {
                refer(aa, hm);
                push_item(c, i, end, NB_IT_ACTOR | NB_IT_PRON, hm);
                return end;
            }
        }
        size_t k = i + 1;
        int country = -1, linked = -1;
        bool appos = false; /* a backed description in apposition to a name */
        size_t e2;
        unsigned f2;
        size_t dm = dict_match(c, k, &e2, &f2);
        kb = k;
        if (dm > k && hyphen(c, dm) && dm + 1 < c->n && in(c, dm + 1, PARTICIPLE_FUNDS)) {
            /* "the Iran-backed group" names an earlier group and its backer */
            backer = entity_for_dict(aa, e2);
            k = dm + 2;
            /* ("Rossiya Segodnya, a Kremlin-funded group": the description
             * types the name before the comma, if only guessed a person's) */
            size_t ni = c->n_items;
            if (ni >= 2 && item_is(c, ni - 1, ",") && (c->items[ni - 2].flags & NB_IT_ACTOR) &&
                !(c->items[ni - 2].flags & (NB_IT_PRON | NB_IT_MOD | NB_IT_POSS)) && c->items[ni - 2].ent >= 0) {
                appos = true;
                nb_entity *ae = &aa->ents[c->items[ni - 2].ent];
                /* (only an organisation's noun types it: "a Kremlin-backed
                 * politician" is a person) */
                size_t hq = k;
                while (hq < c->n && hq < k + 3 && !in(c, hq, ORG_NOUNS) && !in(c, hq, TAIL_NOUNS) &&
                       !(c->t[hq].flags & NB_TOK_PUNCT))
                    hq++;
                bool org_noun = hq < c->n && hq < k + 3 && (in(c, hq, ORG_NOUNS) || in(c, hq, TAIL_NOUNS));
                if (org_noun && ae->alias_of < 0 &&
                    (ae->kind == NB_KIND_UNKNOWN ||
                     guessed_person(ae)))
                    ae->kind = NB_KIND_ORG;
            }
        } else if (dm > k && hyphen(c, dm) && dm + 1 < c->n && in(c, dm + 1, PARTICIPLE_OTHER) &&
                   !is(c, dm + 1, "based") && !is(c, dm + 1, "born") && !is(c, dm + 1, "made") &&
                   !is(c, dm + 1, "owned") && !is(c, dm + 1, "educated")) {
            /* "the al-Qaeda-linked group", "the IS-affiliated faction": an
             * earlier group other than the one it is linked to */
            linked = entity_for_dict(aa, e2);
            k = dm + 2;
        } else if (dm > k && (f2 & NB_ALIAS_DEMONYM)) {
            country = entity_for_dict(aa, e2);
            k = dm;
        }
        /* "the New York-based group", "the London-based watchdog": where it
         * sits, not who it is */
        if (backer < 0 && linked < 0 && country < 0) {
            size_t q = dm > k ? dm : k;
            while (q < c->n && q < k + 4 && cap(c, q)) q++;
            if (q > k && hyphen(c, q) && is(c, q + 1, "based") && i + 1 == k) k = q + 2;
        }
        /* "the militant group", "the banned jihadist movement" */
        static const char *const GROUP_ADJ[] = {
            "militant", "armed", "jihadist", "islamist", "rebel", "insurgent", "separatist",
            "extremist", "terrorist", "paramilitary", "banned", "outlawed", "sunni", "shia",
            "shiite", "hardline", "radical", "secessionist", "independence", "liberation", "resistance",
            "nationalist", "communist", "maoist", "guerrilla", "interim", "transitional", "ruling",
            /* "the federal government", "the new government" */
            "federal", "central", "national", "new", "civilian",
            /* "the left-wing government", "the conservative government" */
            "conservative", "liberal", "socialist", "leftist", "populist", "incoming", "outgoing", NULL};
        /* ("the Iran-backed militant group" too) */
        size_t k_adj = k;
        static const char *const WING[] = {"left", "right", "far", "centre", "center", "hard", "ultra", NULL};
        static const char *const WING2[] = {"wing", "left", "right", "line", "nationalist", NULL};
        if (country < 0)
            for (size_t g = 0; g < 2; g++) {
                if (in(c, k, GROUP_ADJ)) k++;
                else if (in(c, k, WING) && hyphen(c, k + 1) && in(c, k + 2, WING2)) k += 3;
                else break;
            }
        /* (the state's adjectives only before a state's noun: "the federal
         * government", not "the new group") */
        static const char *const STATE_ADJ[] = {"federal", "central", "national", "new", "civilian", "conservative",
                                                "liberal", "socialist", "leftist", "populist", "incoming",
                                                "outgoing", "wing", "left", "right", "line", "nationalist", NULL};
        static const char *const STATE_NOUN[] = {"government", "regime", "army", "military", "state", "authorities",
                                                 "administration", NULL};
        if (k > k_adj && in(c, k - 1, STATE_ADJ) && !in(c, k, STATE_NOUN)) k = k_adj;
        /* ("a Kremlin-funded media group": a noun naming its field) */
        static const char *const FIELD_HEAD[] = {"group", "organisation", "organization", "movement",
                                                 "militia", "faction", "network", NULL};
        if ((backer >= 0 || linked >= 0) && appos && k + 1 < c->n && !cap(c, k) &&
            !(c->t[k].flags & NB_TOK_PUNCT) &&
            !in(c, k, FIELD_HEAD) && in(c, k + 1, FIELD_HEAD))
            k++;
        /* "the attackers", "the assailants": who carried out the attack the
         * article reported last, when one actor did */
        static const char *const ATTACKERS[] = {"attackers", "assailants", "perpetrators", "raiders",
                                                "ambushers", NULL};
        if (backer < 0 && linked < 0 && country < 0 && k == i + 1 && in(c, k, ATTACKERS) && aa->n_events) {
            const nb_attack_event *ev = &aa->events[(aa->n_events - 1) % 8];
            int who = ev->n == 1 ? ev->ents[0] : -1;
            while (who >= 0 && aa->ents[who].alias_of >= 0) who = aa->ents[who].alias_of;
            if (who < 0 || aa->ents[who].kind == NB_KIND_PERSON) return i;
            refer(aa, who);
            push_item(c, i, k + 1, NB_IT_ACTOR | NB_IT_PRON, who);
            return k + 1;
        }
        /* "the rebels", "the Islamist insurgents", "the rebels' sincerity":
         * the armed organisation the article named; none named yet, the
         * words stay a generic group ("the rebels of the X" name their own) */
        bool owner_after = (is(c, k + 1, "of") || is(c, k + 1, "from")) &&
                           (cap(c, k + 2) || (is(c, k + 2, "the") && cap(c, k + 3)));
        if (linked < 0 && in(c, k, ARMED_HEADS) && !owner_after &&
            !(i > 0 && (in(c, i - 1, NB_LEX_COUNT) || is(c, i - 1, "of")))) {
            int ao = armed_org(aa);
            if (ao < 0 || (country >= 0 && aa->ents[ao].country >= 0 && aa->ents[ao].country != country)) return i;
            /* "the Iran-backed rebels": the armed organisation, and its backer */
            if (backer >= 0) {
                if (ao == backer) return i;
                refer(aa, ao);
                return push_backed(c, i, kb, k + 1, backer, ao);
            }
            bool pp = is(c, k + 1, "'") || is(c, k + 1, "\xe2\x80\x99");
            refer(aa, ao);
            push_item(c, i, pp ? k + 2 : k + 1, NB_IT_ACTOR | NB_IT_PRON | (pp ? NB_IT_POSS : 0), ao);
            return pp ? k + 2 : k + 1;
        }
        /* "the (Iranian) foreign minister": a portfolio before the office */
        static const char *const PORTFOLIO[] = {"foreign", "defence", "defense", "interior", "finance",
                                                "information", NULL};
        if (in(c, k, PORTFOLIO) && (is(c, k + 1, "minister") || is(c, k + 1, "ministry"))) k++;
        if (backer < 0 && country < 0 && linked < 0) {
            /* "the country", "the kingdom", "the Gulf state", "the West
             * African nation": the salient country; not a place ("across
             * the country") */
            static const char *const REGION_ADJ[] = {
                "gulf", "west", "east", "north", "south", "central", "southern", "northern", "eastern",
                "western", "african", "asian", "arab", "island", "horn", "of", "africa", "neighbouring",
                "neighboring", "landlocked", "oil-rich", "war-torn", "tiny", "impoverished", "coastal",
                "himalayan", "balkan", "caribbean", "middle", "european", "latin", "american", "sahel",
                "sahelian", "nuclear-armed", "small", "large", "populous", "mineral-rich", "conflict-hit", NULL};
            static const char *const COUNTRY_NOUN[] = {"country", "nation", "kingdom", "emirate", NULL};
            static const char *const PLACE_PREP[] = {"in", "across", "into", "throughout", "around", "inside",
                                                     "outside", "within", "over", "at", "through", "of", NULL};
            size_t q = k;
            while (q < c->n && q < k + 4 && in(c, q, REGION_ADJ)) q++;
            bool head = in(c, q, COUNTRY_NOUN) ||
                        (is(c, q, "state") && q > k && (is(c, q - 1, "gulf") || is(c, q - 1, "arab")));
            if (head && (q == k || !is(c, q - 1, "of")) && !is(c, q + 1, "'s") && !is(c, q + 1, "of") &&
                !hyphen(c, q + 1) && !(i > 0 && in(c, i - 1, PLACE_PREP))) {
                int ce = salient(aa, K(NB_KIND_COUNTRY), false);
                if (ce < 0) return i;
                refer(aa, ce);
                push_item(c, i, q + 1, NB_IT_ACTOR | NB_IT_PRON, ce);
                return q + 1;
            }
        }
        const char *h = lw(c, k);
        uint32_t role = 0;
        /* organisation nouns that name no kind of actor by themselves */
        static const char *const HEAD_NOUNS[] = {"foundation", "institute", "commission", "committee",
                                                 "association", "federation", "society", "network",
                                                 "observatory", "centre", "center", "forum", "company",
                                                 "corporation", "administration", "directorate", "command",
                                                 "brigade", "battalion", "division", "regiment", "church", "firm",
                                                 "conglomerate", NULL};
        const char *head_noun = NULL;
        bool head_only = false;
        if (!strcmp(h, "militia") || !strcmp(h, "group") || !strcmp(h, "organization") ||
            !strcmp(h, "organisation") || !strcmp(h, "movement") || !strcmp(h, "faction") ||
            !strcmp(h, "gang") || !strcmp(h, "cartel") ||
            !strcmp(h, "alliance") || !strcmp(h, "coalition") || !strcmp(h, "mission") || !strcmp(h, "party") ||
            !strcmp(h, "bloc") || !strcmp(h, "agency") || !strcmp(h, "watchdog") || !strcmp(h, "council") ||
            !strcmp(h, "court") || !strcmp(h, "league") || !strcmp(h, "union")) {
            /* a named alliance, mission, party, bloc or agency, never a
             * generic group */
            bool named = strcmp(h, "militia") && strcmp(h, "group") && strcmp(h, "organization") &&
                         strcmp(h, "organisation") && strcmp(h, "movement") && strcmp(h, "faction") &&
                         strcmp(h, "gang") && strcmp(h, "cartel");
            /* "the Union for Peace in ...", "the Council of Europe": a name */
            if (cap(c, k) && (!strcmp(h, "bloc") || !strcmp(h, "agency") || !strcmp(h, "watchdog") ||
                              !strcmp(h, "council") || !strcmp(h, "court") || !strcmp(h, "league") ||
                              !strcmp(h, "union")))
                return i;
            mask = named ? K(NB_KIND_ORG) : K(NB_KIND_ORG) | K(NB_KIND_GROUP);
            if (named) head_noun = h;
        } else if (in(c, k, HEAD_NOUNS) && !cap(c, k)) {
            /* "the foundation's director", "the commission said": only an
             * organisation whose name has that noun (head match) */
            mask = K(NB_KIND_ORG);
            head_noun = h;
            head_only = true;
        } else if (!strcmp(h, "prime") && is(c, k + 1, "minister")) {
            mask = K(NB_KIND_PERSON);
            role = NB_ROLE_HEAD_OF_STATE;
            k++;
        } else if (!strcmp(h, "president") || !strcmp(h, "king") || !strcmp(h, "emir")) {
            mask = K(NB_KIND_PERSON);
            role = NB_ROLE_HEAD_OF_STATE;
        } else if (country >= 0 && (!strcmp(h, "leader") || !strcmp(h, "premier")) && !is(c, k + 1, "of") &&
                   !is(c, k + 1, "'s")) {
            /* "the Russian leader": a country's leader is its head of state
             * or government, named before with a title */
            mask = K(NB_KIND_PERSON);
            role = NB_ROLE_HEAD_OF_STATE;
        } else if (!strcmp(h, "general") || !strcmp(h, "commander") || !strcmp(h, "colonel")) {
            mask = K(NB_KIND_PERSON);
            role = NB_ROLE_MILITARY;
        } else if (!strcmp(h, "cleric") || !strcmp(h, "ayatollah")) {
            mask = K(NB_KIND_PERSON);
            role = NB_ROLE_CLERIC;
        } else if (!strcmp(h, "minister")) {
            mask = K(NB_KIND_PERSON);
            role = NB_ROLE_MINISTER;
        } else if (!strcmp(h, "army") || !strcmp(h, "junta") || !strcmp(h, "military") || !strcmp(h, "navy") ||
                   /* "the coast guard", "the air force": a state's service */
                   ((!strcmp(h, "coast") && is(c, k + 1, "guard")) || (!strcmp(h, "air") && is(c, k + 1, "force")))) {
            if (!strcmp(h, "coast") || !strcmp(h, "air")) h = lw(c, ++k);
            /* "the military escalation", "the military option": an adjective */
            static const char *const MIL_NOUN[] = {
                "escalation", "situation", "option", "options", "solution", "operation",
                "operations", "campaign", "offensive", "action", "intervention", "presence",
                "aid", "assistance", "support", "equipment", "hardware", "cooperation", "ties",
                "training", "exercise", "exercises", "drills", "court", "courts", "tribunal",
                "expert", "experts", "analyst", "analysts", "source", "sources", "activity",
                "activities", "capability", "capabilities", "power", "pressure", "threat",
                "victory", "defeat", "build-up", "buildup", "strategy", "spending", "budget",
                "service", "rule", "takeover", "coup", "personnel", "targets", "sites", NULL};
            if (!strcmp(h, "military") && in(c, k + 1, MIL_NOUN)) return i;
            mask = K(NB_KIND_COUNTRY);
            role = NB_ROLE_ARMY;
        } else if ((!strcmp(h, "government") || !strcmp(h, "regime") ||
                    /* "fighting the state since 1964"; not "the state capital",
                     * "the state of emergency" (a noun or "of" after it) */
                    (!strcmp(h, "state") && k == i + 1 && k + 1 < c->n &&
                     ((c->t[k + 1].flags & NB_TOK_PUNCT) || is(c, k + 1, "since") || is(c, k + 1, "for") ||
                      is(c, k + 1, "and") || is(c, k + 1, "has") || is(c, k + 1, "had") || is(c, k + 1, "is") ||
                      is(c, k + 1, "was") || is(c, k + 1, "to")))) &&
                   !is(c, k + 1, "forces") && !is(c, k + 1, "troops") && !(is(c, k + 1, "in") && cap(c, k + 2)) &&
                   !is(c, k + 1, "officials") && !is(c, k + 1, "body") && !in(c, k + 1, NB_LEX_FACILITY)) {
            /* "the government said", "the government's response": the
             * country the article is about, as "the army" is */
            mask = K(NB_KIND_COUNTRY);
            role = NB_ROLE_ARMY;
        } else if (!strcmp(h, "embassy")) {
            mask = K(NB_KIND_COUNTRY);
            role = NB_ROLE_EMBASSY;
        } else if (!strcmp(h, "ministry") && !cap(c, k)) {
            /* "the ministry", "the foreign ministry": the state whose
             * ministry the article named (else the one it is about) */
            mask = K(NB_KIND_COUNTRY);
            role = NB_ROLE_MINISTRY;
        } else if (!strcmp(h, "country") && is(c, k + 1, "'s")) {
            /* "the country's intelligence service": the country named before */
            mask = K(NB_KIND_COUNTRY);
        }
        /* "the group's commander", "the junta's arms suppliers" */
        /* "the group's fighters", "the country's forces": the owner acts */
        bool agents = k + 2 < c->n && (in(c, k + 2, AGENTS) || (in(c, k + 2, AGENT_ADJ) && in(c, k + 3, AGENTS)));
        bool poss = is(c, k + 1, "'s") && backer < 0 &&
                    (((mask == (K(NB_KIND_ORG) | K(NB_KIND_GROUP)) || mask == K(NB_KIND_ORG)) &&
                      (role_follows(c, k + 2) || agents || patron_follows(c, k + 2) || deed_follows(c, k + 2))) ||
                     role == NB_ROLE_ARMY || (mask == K(NB_KIND_COUNTRY) && !role));
        /* ("the government of Sudan" names its own owner; "accused the
         * government of ignoring warnings" does not) */
        /* (nor "accused the regime of murder": an owner is a name, perhaps
         * after a few words: "the government of neighbouring Venezuela", "of
         * his predecessor, Jair Bolsonaro") */
        bool of_owner = false;
        if (is(c, k + 1, "of")) {
            static const char *const STOP[] = {"in", "on", "at", "for", "against", "over", "by", "with", "from",
                                               "and", "or", "to", "during", "after", "before", NULL};
            /* (past a comma only after a possessive: "of his predecessor, X";
             * not "accused the regime of torture, Amnesty said") */
            bool poss_run = is(c, k + 2, "his") || is(c, k + 2, "her") || is(c, k + 2, "its") || is(c, k + 2, "their");
            size_t q = k + 2;
            while (q < c->n && q < k + 7 && !cap(c, q) && !in(c, q, STOP) &&
                   (poss_run || !(c->t[q].flags & NB_TOK_PUNCT)) &&
                   !(q == k + 2 && c->t[q].len > 4 && !memcmp(c->s + c->t[q].start + c->t[q].len - 3, "ing", 3) &&
                     !cap(c, q + 1)))
                q++;
            of_owner = q < c->n && q < k + 7 && cap(c, q);
        }
        if (!mask || of_owner || (is(c, k + 1, "'s") && !poss)) return i;
        /* "the Alliance Fleuve Congo", "the Group of Seven": a name */
        size_t e3;
        unsigned f3;
        if (cap(c, k) && (dict_match(c, k, &e3, &f3) > k || cap(c, k + 1))) return i;
        if (linked >= 0 && mask != (K(NB_KIND_ORG) | K(NB_KIND_GROUP))) return i;
        ent = role == NB_ROLE_ARMY ? army_of(aa) : recent(aa, mask, role);
        /* "the Cambodian military", "the Sudanese government": the country
         * the demonym names, not the latest one with an army */
        if (role == NB_ROLE_ARMY && country >= 0 && mask == K(NB_KIND_COUNTRY)) ent = country;
        /* ("the Chinese embassy", "the Russian foreign ministry": the
         * demonym's, which "the embassy" then means) */
        if ((role == NB_ROLE_EMBASSY || role == NB_ROLE_MINISTRY) && country >= 0) {
            ent = country;
            aa->ents[ent].roles |= role;
            if (role == NB_ROLE_MINISTRY) note_ministry(aa, ent);
        }
        if (role == NB_ROLE_MINISTRY && country < 0) {
            /* "In Beijing, the foreign ministry ...": the state the sentence
             * is set in; else the state whose ministry the article named
             * last, within four sentences (a ministry of no state, "Gaza's
             * health ministry", names none); else the state the sentence before opened with ("Syria's
             * government said ... The ministry condemned"); else the home
             * state, unless the sentence is set in another */
            int here = place_state(c, i);
            /* (a ministry named within four sentences) */
            bool named = aa->ministry_sent != 0 && aa->ministry_sent + 4 >= aa->sentence;
            ent = here >= 0 ? here : named ? aa->ministry_ent : -1;
            if (here < 0 && !named) {
                /* (the state the sentence before opened with, whose
                 * government spoke: not one named in passing here, "after
                 * talks in Washington") */
                for (size_t q = 0; q < aa->n_ents; q++) {
                    const nb_entity *qe = &aa->ents[q];
                    if (qe->kind != NB_KIND_COUNTRY || qe->alias_of >= 0 || qe->last_sent + 1 != aa->sentence) continue;
                    if (ent < 0 || qe->sent_rank < aa->ents[ent].sent_rank) ent = (int)q;
                }
                if (ent < 0) ent = home_state(c);
            }
            if (ent >= 0) note_ministry(aa, ent);
        }
        /* "the government": the country a wire story is filed from, else
         * the first it names, rather than the latest whose troops appeared */
        /* (so is "the regime", the state as its critics call it) */
        /* (and "the national army", "the federal army": the country's own) */
        bool national = k > i + 1 && (is(c, k - 1, "national") || is(c, k - 1, "federal"));
        if ((!strcmp(h, "government") || !strcmp(h, "regime") || !strcmp(h, "state") ||
             (national && role == NB_ROLE_ARMY)) &&
            !is(c, k + 1, "'s") && country < 0) {
            int top = aa->dateline_entry >= 0 ? entity_for_dict(aa, (size_t)aa->dateline_entry) : first_country(aa);
            /* ("KYIV - ... Zelensky accused the regime of terror": a regime is
             * its critics' word, never the speaker's own state) */
            if (top >= 0 && !strcmp(h, "regime"))
                for (size_t q = 0; q < aa->n_ents && top >= 0; q++) {
                    const nb_entity *qe = &aa->ents[q];
                    if (qe->alias_of >= 0 || qe->last_sent != aa->sentence) continue;
                    if ((int)q == top || (qe->kind == NB_KIND_PERSON && qe->country == top)) top = -1;
                }
            if (top >= 0) ent = top;
            else if (!strcmp(h, "regime")) return i;
        }
        /* "the country's rulers": the country the text is about (centering),
         * not the latest named in passing ("the French ambassador") */
        if (mask == K(NB_KIND_COUNTRY) && !role && is(c, k + 1, "'s")) {
            int sal = salient(aa, K(NB_KIND_COUNTRY), outside);
            if (sal >= 0) ent = sal;
        }
        /* "the party" is the latest organisation named a party, if any, or
         * called one ("the network" after "the Foxtrot criminal network") */
        if (head_noun) {
            int hm = -1;
            for (size_t q = 0; q < aa->n_ents; q++) {
                const nb_entity *qe = &aa->ents[q];
                if (qe->alias_of >= 0 || qe->kind != NB_KIND_ORG ||
                    !(named_by(qe, head_noun) || (qe->noun && !strcmp(qe->noun, head_noun)) ||
                      business_called(qe, head_noun)))
                    continue;
                if (hm < 0 || qe->last_seen > aa->ents[hm].last_seen) hm = (int)q;
            }
            if (hm >= 0) ent = hm;
            else if (head_only) return i;
        }
        /* "the group", "the movement": the organisation the text is about
         * (centering: the subject of this or the last sentence), not the
         * latest name in passing ("the military's Western Command") */
        if (mask == (K(NB_KIND_ORG) | K(NB_KIND_GROUP)) && !role) {
            /* ("the group" is no union of states: "the EU ... the group's
             * founder" means the armed group named before) */
            /* ("the militia" is no rights group either) */
            bool armed = !strcmp(h, "militia") || !strcmp(h, "faction") || !strcmp(h, "gang") || !strcmp(h, "cartel");
            /* ("the cartel", "the gang" is an organisation the article named,
             * never the gunmen) */
            bool org_only = !strcmp(h, "gang") || !strcmp(h, "cartel");
            int sal = salient_if(aa, org_only ? K(NB_KIND_ORG) : mask, outside, armed ? 3 : !strcmp(h, "group") ? 1 | 4 : 0);
            if (sal >= 0) ent = sal;
            /* (a state's or civil body is none of these: unless the article
             * called an organisation by the noun, below, the words name no one) */
            else if (!strcmp(h, "group") && ent >= 0 && state_body(&aa->ents[ent])) ent = -1;
            else if (armed && ent >= 0 && (state_body(&aa->ents[ent]) || civil_body(&aa->ents[ent]))) ent = -1;
        }
        if (linked >= 0) {
            ent = -1;
            for (size_t q = 0; q < aa->n_ents; q++) {
                const nb_entity *qe = &aa->ents[q];
                if ((int)q == linked || qe->alias_of >= 0 || !(mask & K(qe->kind)) || !qe->last_sent) continue;
                if (ent < 0 || qe->last_seen > aa->ents[ent].last_seen) ent = (int)q;
            }
        }
        if (country >= 0 && mask == K(NB_KIND_PERSON)) {
            /* "the Iranian minister": among the holders of the role, the
             * latest whose title named that country */
            int own = -1;
            for (size_t q = 0; q < aa->n_ents; q++) {
                const nb_entity *pe = &aa->ents[q];
                if (pe->kind != NB_KIND_PERSON || !(pe->roles & role) || pe->country != country) continue;
                if (own < 0 || pe->last_seen > aa->ents[own].last_seen) own = (int)q;
            }
            if (own >= 0) ent = own;
        }
        if (mask == (K(NB_KIND_ORG) | K(NB_KIND_GROUP)) && backer < 0 && linked < 0 && country < 0 && !poss) {
            /* appositive: "La Mayiza, the faction loyal to ...": the
             * name just before is what the description is; it keeps the
             * noun, so that "the faction" later means it again */
            size_t ni = c->n_items;
            /* a closing quote after the comma: "La Mayiza," the faction */
            if (ni >= 3 && item_is(c, ni - 2, ",") && (c->items[ni - 1].flags & NB_IT_PUNCT) &&
                (!strcmp(c->items[ni - 1].w, "\"") || !strcmp(c->items[ni - 1].w, "\xe2\x80\x9d") ||
                 !strcmp(c->items[ni - 1].w, "'") || !strcmp(c->items[ni - 1].w, "\xe2\x80\x99")))
                ni--;
            if (ni >= 2 && item_is(c, ni - 1, ",") && (c->items[ni - 2].flags & NB_IT_ACTOR) &&
                !(c->items[ni - 2].flags & (NB_IT_MOD | NB_IT_POSS | NB_IT_PRON)) && c->items[ni - 2].ent >= 0) {
                int ap = c->items[ni - 2].ent;
                while (aa->ents[ap].alias_of >= 0) ap = aa->ents[ap].alias_of;
                if (mask & K(aa->ents[ap].kind)) {
                    ent = ap;
                    if (!aa->ents[ap].noun && aa->ents[ap].kind == NB_KIND_ORG) aa->ents[ap].noun = nb_strdup(h);
                }
            } else {
                /* head match: an organisation the article called by that
                 * noun ("the faction" after "X, the faction ..."), or whose
                 * name has it ("the movement" after "the Taliban movement");
                 * "group" is in too many names to tell */
                int hm = -1;
                for (size_t q = 0; q < aa->n_ents; q++) {
                    const nb_entity *qe = &aa->ents[q];
                    if (qe->kind != NB_KIND_ORG || qe->alias_of >= 0 || !qe->last_sent) continue;
                    if (!(qe->noun && !strcmp(qe->noun, h)) && (!strcmp(h, "group") || !named_by(qe, h))) continue;
                    if (hm < 0 || qe->last_seen > aa->ents[hm].last_seen) hm = (int)q;
                }
                if (hm >= 0) ent = hm;
            }
        }
        if (mask == K(NB_KIND_ORG)) {
            /* "the alliance" is an Alliance named before, not any organisation */
            ent = -1;
            for (size_t q = 0; q < aa->n_ents; q++)
                if (aa->ents[q].kind == NB_KIND_ORG && aa->ents[q].alias_of < 0 &&
                    (named_by(&aa->ents[q], h) || (aa->ents[q].noun && !strcmp(aa->ents[q].noun, h)) ||
                     (aa->ents[q].dict >= 0 && nb_lex_org_noun(aa->ents[q].label, h)) ||
                     business_called(&aa->ents[q], h)) &&
                    (ent < 0 || aa->ents[q].last_seen > aa->ents[ent].last_seen))
                    ent = (int)q;
            /* (none named or called a party: a political organisation whose
             * name has another word for one) */
            int pn = -1;
            for (size_t q = 0; ent < 0 && !strcmp(h, "party") && q < aa->n_ents; q++)
                if (aa->ents[q].alias_of < 0 && party_named(aa, &aa->ents[q]) &&
                    (pn < 0 || aa->ents[q].last_seen > aa->ents[pn].last_seen))
                    pn = (int)q;
            if (ent < 0) ent = pn;
        }
        if (ent >= 0 && country >= 0 && aa->ents[ent].country >= 0 &&
            aa->ents[ent].country != country)
            ent = -1;
        /* ("According to Amnesty International, the militia attacked": an
         * armed body's noun is no rights group, whichever reading above
         * found one; a name ending in "Council" or "Union" may be armed) */
        if (ent >= 0 && (!strcmp(h, "militia") || !strcmp(h, "faction") || !strcmp(h, "gang") || !strcmp(h, "cartel")) &&
            civil_body(&aa->ents[ent]))
            ent = -1;
        end = k + 1;
        if (poss && ent >= 0) {
            refer(aa, ent);
            if (agents && !role_follows(c, k + 2)) {
                /* "the movement's fighters were struck": the owner acts and
                 * is acted on, as "its fighters" is */
                size_t e2 = in(c, k + 2, AGENTS) ? k + 3 : k + 4;
                push_item(c, i, e2, NB_IT_ACTOR | NB_IT_PRON, ent);
                return e2;
            }
            push_item(c, i, k + 2, NB_IT_ACTOR | NB_IT_PRON | NB_IT_POSS, ent);
            return k + 2;
        }
    }
    if (ent < 0 || ent == backer) return i;
    if (backer >= 0 && mask != (K(NB_KIND_ORG) | K(NB_KIND_GROUP))) return i;
    refer(aa, ent);
    if (backer >= 0) return push_backed(c, i, kb, end, backer, ent);
    push_item(c, i, end, NB_IT_ACTOR | NB_IT_PRON, ent);
    return end;
}

/* Applies a title such as "Iraqi Prime Minister" before a person: the
 * affiliation and the roles it names. */
static void note_titles(ctx *c, size_t item)
{
    nb_item *it = &c->items[item];
    if (it->ent < 0 || (it->flags & NB_IT_PRON)) return;
    nb_entity *e = &c->aa->ents[it->ent];
    if (e->kind != NB_KIND_PERSON && e->kind != NB_KIND_UNKNOWN) return;
    size_t first = it->t0;
    bool leads = false;
    for (size_t k = it->t0; k > 0 && k + 6 > it->t0; k--) {
        size_t t = k - 1;
        /* ("Gen. X": an abbreviation's dot) */
        if (t > 0 && is(c, t, ".") && (c->t[t].flags & NB_TOK_GLUE) && in(c, t - 1, NB_LEX_TITLE)) continue;
        if (!in(c, t, NB_LEX_TITLE)) break;
        e->roles |= title_roles(lw(c, t));
        leads |= in(c, t, PERSON_LEADS);
        first = t;
    }
    if (first == it->t0 || !item) return;
    /* the item just before the titles: "Russian President X", "Iran's
     * Foreign Minister X" (a country may have taken the title into its own
     * span: "U.S. President" before "Donald Trump"), "Hezbollah leader X" */
    size_t j = item - 1;
    while (j > 0 && c->items[j].t0 >= first) j--; /* the titles' own items */
    const nb_item *p = &c->items[j];
    if (!(p->t0 < first && p->t1 >= first && p->t1 <= it->t0 && (p->flags & NB_IT_ACTOR) && p->ent >= 0 &&
          !(p->flags & (NB_IT_PRON | NB_IT_BACKED | NB_IT_LED))))
        return;
    int ce = p->ent;
    while (c->aa->ents[ce].alias_of >= 0) ce = c->aa->ents[ce].alias_of;
    /* so that "the Russian president" later finds X and not another president */
    if (c->aa->ents[ce].kind == NB_KIND_COUNTRY && e->country < 0) e->country = ce;
    /* so that "X's forces", "his fighters" are the organisation's */
    /* (a spokesman's too: the body he speaks for, whose "we" he says) */
    if (c->aa->ents[ce].kind == NB_KIND_ORG && (leads || (e->roles & NB_ROLE_SPOKES)) && p->t1 == first) e->org = ce;
}

/* "X, the leader of Y", "X, the Y commander", "X, Y's founder": the
 * organisation person X leads. Then "X's forces" (a person with an
 * organisation, or a head of state with a country) is that organisation. */
static void person_orgs(ctx *c)
{
    nb_article_actors *aa = c->aa;
    static const char *const ADJ[] = {"the", "a", "an", "longtime", "long-time", "top", "senior", "military",
                                      "overall", "self-styled", "supreme", "founding", "elusive", "current",
                                      "de", "facto", "rebel", "militia", "former", NULL};
    for (size_t k = 0; k + 3 < c->n_items; k++) {
        const nb_item *x = &c->items[k];
        if (!(x->flags & NB_IT_ACTOR) || (x->flags & (NB_IT_PRON | NB_IT_POSS | NB_IT_MOD)) || x->ent < 0) continue;
        int pe = x->ent;
        while (aa->ents[pe].alias_of >= 0) pe = aa->ents[pe].alias_of;
        if (aa->ents[pe].kind != NB_KIND_PERSON || !item_is(c, k + 1, ",")) continue;
        {
            /* "X, Iran's foreign minister," / "X, the Russian president,":
             * the roles and the country a title before the name gives */
            size_t q = k + 2;
            if (item_is(c, q, "the")) q++;
            const nb_item *ci = q < c->n_items ? &c->items[q] : NULL;
            int ce = ci && (ci->flags & NB_IT_ACTOR) && !(ci->flags & (NB_IT_PRON | NB_IT_BACKED | NB_IT_LED))
                         ? ci->ent
                         : -1;
            while (ce >= 0 && aa->ents[ce].alias_of >= 0) ce = aa->ents[ce].alias_of;
            if (ce >= 0 && aa->ents[ce].kind == NB_KIND_COUNTRY) {
                /* the title's words, some of which the country's span may
                 * hold ("Iran's foreign" before "minister") */
                uint32_t r = 0;
                size_t t = ci->t0 + 1, titles = 0;
                while (t < ci->t1 && !in(c, t, NB_LEX_TITLE)) t++; /* "South Sudan's" */
                while (t < c->n && t < ci->t1 + 4 && in(c, t, NB_LEX_TITLE)) {
                    r |= title_roles(lw(c, t++));
                    titles++;
                }
                if (r && titles && t >= ci->t1 && (t >= c->n || (c->t[t].flags & NB_TOK_PUNCT))) {
                    aa->ents[pe].roles |= r;
                    if (aa->ents[pe].country < 0) aa->ents[pe].country = ce;
                }
            }
        }
        if (aa->ents[pe].org >= 0) continue;
        size_t m = k + 2;
        int org = -1;
        while (m < c->n_items && m < k + 6 && !(c->items[m].flags & NB_IT_ACTOR) && nb_lex_in(c->items[m].w, strlen(c->items[m].w), ADJ))
            m++;
        if (m < c->n_items && (c->items[m].flags & NB_IT_ACTOR) && !(c->items[m].flags & NB_IT_PRON) &&
            c->items[m].ent >= 0 && m + 1 < c->n_items && !(c->items[m + 1].flags & NB_IT_ACTOR) &&
            nb_lex_in(c->items[m + 1].w, strlen(c->items[m + 1].w), PERSON_LEADS)) {
            /* "X, the RSF commander", "X, Hezbollah's leader" */
            org = c->items[m].ent;
        } else if (m + 2 < c->n_items && !(c->items[m].flags & NB_IT_ACTOR) &&
                   nb_lex_in(c->items[m].w, strlen(c->items[m].w), PERSON_LEADS) && item_is(c, m + 1, "of")) {
            /* "X, the leader of (the) Y" */
            size_t q = m + 2;
            if (item_is(c, q, "the")) q++;
            if (q < c->n_items && (c->items[q].flags & NB_IT_ACTOR) && !(c->items[q].flags & (NB_IT_PRON | NB_IT_MOD)) &&
                c->items[q].ent >= 0)
                org = c->items[q].ent;
        }
        while (org >= 0 && aa->ents[org].alias_of >= 0) org = aa->ents[org].alias_of;
        if (org >= 0 && aa->ents[org].kind == NB_KIND_ORG) aa->ents[pe].org = org;
    }
    for (size_t k = 0; k + 1 < c->n_items; k++) {
        nb_item *x = &c->items[k];
        if (!(x->flags & NB_IT_ACTOR) || !(x->flags & NB_IT_POSS) || (x->flags & NB_IT_PRON) || x->ent < 0) continue;
        const nb_item *y = &c->items[k + 1];
        if ((y->flags & NB_IT_ACTOR) || y->t0 != x->t1 || y->t1 != y->t0 + 1 ||
            !nb_lex_in(y->w, strlen(y->w), PERSON_AGENTS))
            continue;
        int o = forces_of(aa, x->ent);
        if (o < 0) continue;
        x->ent = o;
        x->t1 = y->t1;
        x->flags = NB_IT_ACTOR | NB_IT_PRON;
        aa->ents[o].last_seen = ++aa->clock;
        memmove(&c->items[k + 1], &c->items[k + 2], (c->n_items - k - 2) * sizeof *c->items);
        c->n_items--;
    }
}

static bool item_is(const ctx *c, size_t k, const char *w)
{
    return k < c->n_items && !(c->items[k].flags & NB_IT_ACTOR) && !strcmp(c->items[k].w, w);
}

static bool item_in(const ctx *c, size_t k, const char *const *list)
{
    for (; *list; list++)
        if (item_is(c, k, *list)) return true;
    return false;
}

static void make_alias(ctx *c, int from, int to)
{
    nb_article_actors *aa = c->aa;
    while (aa->ents[to].alias_of >= 0) to = aa->ents[to].alias_of;
    if (from == to || aa->ents[from].kind == NB_KIND_COUNTRY) return;
    /* a dictionary actor keeps its identity: the other name folds into it */
    if (aa->ents[from].dict >= 0 && aa->ents[to].dict < 0) {
        int t = from;
        from = to;
        to = t;
    }
    if (aa->ents[from].dict >= 0) return; /* two known actors: trust the dictionary */
    aa->ents[from].alias_of = to;
    for (size_t k = 0; k < c->n_items; k++)
        if (c->items[k].ent == from) c->items[k].ent = to;
}

/* "X, known by his nom de guerre Y", "X, also known as Y", "Full Name
 * (ACRONYM)": the second name is the first actor. */
/* Do the letters of the acronym at token a follow the initials of the
 * words of [t0, t1), in order, skipping any word ("Syrian National Army"
 * for "SNA", "Islamic State West Africa Province" for "ISWAP")? */
static bool acronym_fits(const ctx *c, size_t t0, size_t t1, size_t a)
{
    const char *ac = lw(c, a);
    size_t n = strlen(ac), q = 0;
    for (size_t k = t0; k < t1 && q < n; k++) {
        const char *w = lw(c, k);
        if (!isalpha((unsigned char)w[0])) continue;
        if (w[0] == ac[q]) q++;
        /* "al-Shabaab", "Hay'at": a word's later parts may give letters too */
        for (const char *p = w + 1; *p && q < n; p++)
            if ((p[-1] == '-' || p[-1] == '\'') && *p == ac[q]) q++;
    }
    while (q < n && !isalpha((unsigned char)ac[q])) q++;
    return q == n;
}

/* The acronym item y stands, in this article, for the name item x. */
static void declare_acronym(ctx *c, const nb_item *x, nb_item *y)
{
    nb_buf key = {0};
    nb_name_key(c->s + c->t[y->t0].start, c->t[y->t0].len, &key);
    nb_map_put(&c->aa->declared, key.data, (size_t)x->ent);
    nb_buf_free(&key);
    y->ent = x->ent;
}

static void declared_aliases(ctx *c)
{
    for (size_t k = 0; k + 2 < c->n_items; k++) {
        nb_item *x = &c->items[k];
        if (!(x->flags & NB_IT_ACTOR) || (x->flags & (NB_IT_MOD | NB_IT_PRON)) || x->ent < 0) continue;
        if (item_is(c, k + 1, "(") && item_is(c, k + 3, ")") && (c->items[k + 2].flags & NB_IT_ACTOR) &&
            c->items[k + 2].ent >= 0) {
            nb_item *y = &c->items[k + 2];
            nb_entity *ye = &c->aa->ents[y->ent], *xe = &c->aa->ents[x->ent];
            if (ye->dict >= 0 && xe->dict >= 0 && ye->dict != xe->dict && !(y->flags & NB_IT_MOD) &&
                y->t1 - y->t0 == 1 && xe->kind == NB_KIND_ORG && ye->kind == NB_KIND_ORG &&
                !acronym_fits(c, x->t0, x->t1, y->t0)) {
                /* "the People's Defence Forces (HPG)": an acronym of another
                 * language than the name names the actor the name, a
                 * translation two actors share, is meant for here */
                x->ent = y->ent;
                continue;
            }
            if (ye->dict >= 0 && xe->dict >= 0 && ye->dict != xe->dict && !(y->flags & NB_IT_MOD) &&
                y->t1 - y->t0 == 1) {
                /* "Syrian National Army (SNA)": the article redefines the
                 * acronym the dictionary gives to another actor */
                declare_acronym(c, x, y);
                continue;
            }
            /* ("the Front for Change and Concord in Chad (FACT)": an
             * acronym after a country that closes an organisation's name
             * is the organisation's) */
            if (xe->kind == NB_KIND_COUNTRY && ye->dict < 0 && k >= 2 &&
                (item_is(c, k - 1, "in") || item_is(c, k - 1, "of")) && (c->items[k - 2].flags & NB_IT_ACTOR) &&
                c->items[k - 2].ent >= 0 && c->aa->ents[c->items[k - 2].ent].kind == NB_KIND_ORG &&
                !acronym_fits(c, x->t0, x->t1, y->t0)) {
                /* (whose name the bracket closes: an unknown organisation is
                 * named with the place) */
                int org = c->items[k - 2].ent;
                const nb_item *oi = &c->items[k - 2];
                if (c->aa->ents[org].dict < 0 && !(oi->flags & (NB_IT_MOD | NB_IT_POSS | NB_IT_PRON))) {
                    nb_buf lab = {0};
                    nb_buf_put(&lab, c->s + c->t[oi->t0].start, c->t[x->t1 - 1].start + c->t[x->t1 - 1].len - c->t[oi->t0].start);
                    int full = entity_with_label(c->aa, lab.data, NB_KIND_ORG);
                    nb_buf_free(&lab);
                    if (full != org) make_alias(c, org, full);
                    org = full;
                }
                make_alias(c, y->ent, org);
                continue;
            }
            if (ye->dict >= 0 && xe->dict < 0 && xe->kind == NB_KIND_ORG && ye->kind == NB_KIND_ORG &&
                !(y->flags & NB_IT_MOD) && y->t1 - y->t0 == 1 && x->t1 - x->t0 >= 2 &&
                acronym_fits(c, x->t0, x->t1, y->t0)) {
                /* "the Ambazonia Defence Forces (ADF)": a name the dictionary
                 * does not know, spelled out by the acronym it gives another
                 * actor (the Allied Democratic Forces), keeps it here */
                declare_acronym(c, x, y);
                continue;
            }
            make_alias(c, y->ent, x->ent);
            continue;
        }
        size_t m = k + 1;
        bool comma = item_is(c, m, ",");
        if (comma) m++;
        /* skip a short description in apposition: "X, senior commander
         * known by ..."; never a clause ("X's army was attacked by a
         * militant known as Y" names someone else) */
        static const char *const CLAUSE[] = {"was", "were", "is", "are", "be", "been", "has", "have", "had",
                                             "by", "who", "which", "that", "said", "says", NULL};
        while (comma && m < c->n_items && m < k + 6 && !(c->items[m].flags & (NB_IT_ACTOR | NB_IT_PUNCT)) &&
               !item_is(c, m, "known") && !item_in(c, m, CLAUSE))
            m++;
        if (item_is(c, m, "also") || item_is(c, m, "better") || item_is(c, m, "widely")) m++;
        if (!item_is(c, m, "known")) continue;
        m++;
        if (item_is(c, m, "as")) {
            m++;
        } else if (item_is(c, m, "by")) {
            m++;
            while (m < c->n_items && m < k + 14 && !(c->items[m].flags & NB_IT_ACTOR) &&
                   !(c->items[m].flags & NB_IT_PUNCT))
                m++;
        } else {
            continue;
        }
        if (m < c->n_items && (c->items[m].flags & NB_IT_ACTOR) && c->items[m].ent >= 0 &&
            !(c->items[m].flags & NB_IT_PRON)) {
            /* "senior commander known by his nom de guerre Abu Mahdi": when
             * the actor before is far, the described person is the later one */
            make_alias(c, c->items[m].ent, x->ent);
        }
    }
}

/* At k, "from"/"of" and an organisation's name: a known one, or capitals
 * that are an organisation's by their head ("the Los Lobos gang"). Returns
 * its entity or -1. */
static int members_of_org(ctx *c, size_t k)
{
    if (!is(c, k, "from") && !is(c, k, "of")) return -1;
    k += is(c, k + 1, "the") ? 2 : 1;
    size_t e;
    unsigned f;
    size_t m = dict_match(c, k, &e, &f);
    if (m > k)
        return c->aa->dict->entries[e].kind == NB_KIND_ORG && !(f & NB_ALIAS_DEMONYM) ? entity_for_dict(c->aa, e) : -1;
    if (!cap(c, k) && !name_token(c, k)) return -1;
    m = k;
    /* "the New People's Army": a possessive inside the name */
    while (m < c->n && m < k + 6 && (name_token(c, m) || (m > k && is(c, m, "'s") && name_token(c, m + 1)))) m++;
    /* "the Front for Change and Concord", "the Group to Support Islam and
     * Muslims": an organisation's head goes on through "for", "of", "to"
     * and "and", as on_name reads it */
    bool linked = false;
    for (int steps = 0; steps < 4 && m < c->n; steps++) {
        size_t q = m;
        if ((is(c, q, "for") || is(c, q, "of") || is(c, q, "to")) && (linked || in(c, q - 1, NB_LEX_ORG_HEAD)))
            q += is(c, q + 1, "the") ? 2 : 1;
        else if (linked && is(c, q, "and"))
            q++;
        else
            break;
        if (!name_token(c, q)) break;
        while (q < c->n && name_token(c, q)) q++;
        linked = true;
        m = q;
    }
    static const char *const ART_ORG[] = {"los", "las", "la", NULL};
    /* "rebels of the NPA": an acronym names an organisation */
    bool acronym = m == k + 1 && ((c->t[k].flags & NB_TOK_UPPER) || (c->t[k].flags & NB_TOK_NUM)) && c->t[k].len >= 2 &&
                   c->t[k].len <= 6;
    /* "rebels of the 3R armed group": the kind of group after an adjective */
    static const char *const ARMED_ADJ[] = {"armed", "rebel", "militant", "jihadist", "separatist", "islamist", NULL};
    bool kind_after = in(c, m, ARMED_ADJ) && in(c, m + 1, NB_LEX_ORG_HEAD);
    /* ("the Sunni militant group X": a sect's adjective is no name; the
     * name after the group's noun is the organisation's) */
    if (m == k + 1 && in(c, k, NB_LEX_GROUP_ADJ)) {
        size_t q = m;
        while (q < c->n && q < m + 3 && (in(c, q, ARMED_ADJ) || in(c, q, NB_LEX_GROUP_ADJ))) q++;
        if (!in(c, q, NB_LEX_ORG_HEAD) || cap(c, q)) return -1;
        q++;
        size_t e2;
        unsigned f2;
        size_t m2 = q < c->n ? dict_match(c, q, &e2, &f2) : q;
        if (m2 > q)
            return c->aa->dict->entries[e2].kind == NB_KIND_ORG && !(f2 & NB_ALIAS_DEMONYM) ? entity_for_dict(c->aa, e2) : -1;
        return -1;
    }
    if (!acronym && !kind_after && !linked && !in(c, m - 1, NB_LEX_ORG_HEAD) && !in(c, m, NB_LEX_ORG_HEAD) &&
        !(m - k >= 2 && in(c, k, ART_ORG)))
        return -1;
    /* the name as on_name will read it when it gets there */
    size_t s0 = k;
    bool poss = false;
    for (size_t q = k; q < m; q++) poss |= is(c, q, "'s");
    while (!poss && s0 + 1 < m && in(c, s0, NB_LEX_STOP_CAP)) s0++;
    return resolve_name(c, c->s + c->t[s0].start, c->t[m - 1].start + c->t[m - 1].len - c->t[s0].start, NB_KIND_ORG,
                        false);
}

/* Marks organisations the sentence calls armed: "M23 rebels", "rebels of
 * the NPA", "the rebel group X", "X, a separatist movement". */
static void note_armed(ctx *c)
{
    for (size_t k = 0; k < c->n_items; k++) {
        const nb_item *it = &c->items[k];
        if (!(it->flags & NB_IT_ACTOR) || (it->flags & (NB_IT_PRON | NB_IT_MOD)) || it->ent < 0) continue;
        int e = it->ent;
        while (c->aa->ents[e].alias_of >= 0) e = c->aa->ents[e].alias_of;
        size_t a = it->t0, b = it->t1;
        /* predicate nominative and apposition type an unknown name: "The 3R
         * is a largely Fulani militia", "X, an armed group," */
        nb_entity *ne = &c->aa->ents[e];
        if (ne->kind == NB_KIND_UNKNOWN ||
            /* a guessed person ("Deep South Watch, an independent monitoring
             * group") that no title or dictionary made one */
            guessed_person(ne)) {
            static const char *const AFTER[] = {"that", "which", "who", "of", "in", "based", "from", "led",
                                                "known", "founded", "active", "operating", "with", "and", "fighting",
                                                "seeking", "waging", "loyal", "linked", "allied", "backed", "opposed",
                                                /* ("... gang until police seized its servers") */
                                                "until", "since", "before", "after", "when", "but", NULL};
            /* "the Naparama militia", "the Zama armed group": a name that
             * an organisation noun heads is that organisation */
            size_t hn = (in(c, b, ARMED_ADJ) || in(c, b, CRIME_ADJ)) &&
                                (in(c, b + 1, ORG_NOUNS) || in(c, b + 1, TAIL_NOUNS))
                            ? b + 1
                            : b;
            /* (the article inside the mention when it opens the sentence:
             * "The Zoroba militia killed ..."; only a noun no place takes,
             * not "The Pokrovsk front", "The Kupiansk group") */
            static const char *const ARMED_BODY[] = {"militia", "gang", "gangs", "cartel", "clan", "syndicate",
                                                     "mafia", "faction", "network", NULL};
            if (((a > 0 && (is(c, a - 1, "the") || is(c, a - 1, "a"))) ||
                 (a + 1 < b && is(c, a, "the") && in(c, hn, ARMED_BODY))) &&
                hn < c->n &&
                (in(c, hn, ORG_NOUNS) || in(c, hn, TAIL_NOUNS)) &&
                !(c->t[hn].flags & NB_TOK_CAP) && !is(c, hn + 1, "'s") && ne->kind == NB_KIND_UNKNOWN)
                ne->kind = NB_KIND_ORG;
            size_t q = b;
            bool copula = is(c, q, "is") || is(c, q, "was");
            if (copula || is(c, q, ",")) q++;
            /* ("X was for years the world's most prolific gang", "X is now
             * the largest militia") */
            static const char *const ADV[] = {"also", "still", "now", "once", "long", "already", "then", NULL};
            if (copula && in(c, q, ADV)) q++;
            else if (copula && is(c, q, "for") && (is(c, q + 1, "years") || is(c, q + 1, "decades"))) q += 2;
            /* "X, a militia", "X is the group", "X, the most powerful of the
             * separatist groups"; not "Maiduguri, the army would", a clause
             * after a comma (the noun must end its phrase) */
            if (q > b && (is(c, q, "a") || is(c, q, "an") || is(c, q, "the"))) {
                static const char *const PART[] = {"most", "largest", "biggest", "strongest", "oldest", "main",
                                                   "one", "deadliest", NULL};
                size_t h = q + 1;
                while (h < c->n && h < q + 8 && !nb_lex_group_head(lw(c, h), strlen(lw(c, h))) &&
                       !in(c, h, ORG_NOUNS)) {
                    /* "a member of the group" is a person; "the most powerful
                     * of the separatist groups" is one of them */
                    static const char *const PREP[] = {"for", "in", "with", "at", "to", "from", "on", "by",
                                                       "within", "inside", NULL};
                    /* ("a Kremlin-funded media group": a compound's hyphen goes on) */
                    /* ("the world's most prolific ransomware gang": a possessive goes on) */
                    if ((is(c, h, "of") && !in(c, h - 1, PART) && !in(c, h - 2, PART)) || in(c, h, PREP) ||
                        ((c->t[h].flags & NB_TOK_PUNCT) && !hyphen(c, h) && !is(c, h, "'s"))) {
                        h = c->n; /* "a spokesman for the movement" is a person */
                        break;
                    }
                    h++;
                }
                /* the noun heads the phrase: "an army base" is no army */
                if (h < c->n && h < q + 8 && (h + 1 >= c->n || (c->t[h + 1].flags & NB_TOK_PUNCT) || in(c, h + 1, AFTER)))
                    ne->kind = NB_KIND_ORG;
            }
        }
        /* "a new alliance called Viv Ansanm", "a militia known as X": the
         * noun that names it, so that "the alliance" later means it */
        size_t nk = a >= 2 && (is(c, a - 1, "called") || is(c, a - 1, "named") || is(c, a - 1, "dubbed"))
                        ? a - 2
                    : a >= 3 && is(c, a - 1, "as") && is(c, a - 2, "known") ? a - 3
                                                                              : c->n;
        /* ("an alliance of Haitian gangs called X": the noun before "of") */
        for (size_t q = nk; nk < c->n && q > 0 && q + 4 > nk; q--)
            if (is(c, q, "of") && q > 0 && (in(c, q - 1, ORG_NOUNS) || in(c, q - 1, TAIL_NOUNS))) {
                nk = q - 1;
                break;
            }
        bool guessed = ne->kind == NB_KIND_UNKNOWN || guessed_person(ne);
        if (nk < c->n && !cap(c, nk) && (in(c, nk, ORG_NOUNS) || in(c, nk, TAIL_NOUNS)) &&
            c->low[nk][strlen(c->low[nk]) - 1] != 's' &&
            /* ("the group known as Salt Typhoon": a generic noun types no name) */
            (ne->kind == NB_KIND_ORG || (guessed && !is(c, nk, "group")))) {
            ne->kind = NB_KIND_ORG;
            if (!ne->noun) ne->noun = nb_strdup(c->low[nk]);
        }
        /* "a local vigilante group, the Mwaghavul Youth Vanguard", "the
         * banana workers' union, SITRAIBANA": the noun of the description
         * just before the name, so that "the group" later means it */
        static const char *const DESC_NOUNS[] = {"union", "association", "federation", "council", "committee",
                                                 "agency", "mission", "league", "bloc", "watchdog", NULL};
        size_t a0 = a > 0 && is(c, a - 1, "the") ? a - 1 : a; /* (", the Mwaghavul ...") */
        /* (an apposition: the name closed by a comma, bracket or the
         * sentence's end, not a clause's subject: "In a letter to the
         * council, X condemned ...") */
        bool closed = b >= c->n || is(c, b, ",") || is(c, b, ")") || is(c, b, ".") || is(c, b, "(");
        if (closed && a0 >= 3 && is(c, a0 - 1, ",") && !cap(c, a0 - 2) &&
            (in(c, a0 - 2, ORG_NOUNS) || in(c, a0 - 2, TAIL_NOUNS) || in(c, a0 - 2, DESC_NOUNS) ||
             in(c, a0 - 2, CIVIL_NOUNS)) &&
            c->low[a0 - 2][strlen(c->low[a0 - 2]) - 1] != 's') {
            size_t d = a0 - 2;
            while (d > 0 && d + 5 > a0 && !is(c, d - 1, "a") && !is(c, d - 1, "an") && !is(c, d - 1, "the") &&
                   !(c->t[d - 1].flags & NB_TOK_CAP) && (!(c->t[d - 1].flags & NB_TOK_PUNCT) || hyphen(c, d - 1) ||
                                                          is(c, d - 1, "'") || is(c, d - 1, "\xe2\x80\x99")))
                d--;
            /* (a person after the complement of another noun: "the head
             * of the mission, X" names the head; "the leaders of the
             * union, SITRAIBANA" the union) */
            if (d > 0 && (is(c, d - 1, "a") || is(c, d - 1, "an") || is(c, d - 1, "the")) &&
                !(d >= 2 && (is(c, d - 2, "of") || is(c, d - 2, "for")) && ne->kind == NB_KIND_PERSON)) {
                if (ne->kind == NB_KIND_UNKNOWN || guessed_person(ne)) ne->kind = NB_KIND_ORG;
                if (ne->kind == NB_KIND_ORG && !ne->noun) ne->noun = nb_strdup(c->low[a0 - 2]);
            }
        }
        if (c->aa->ents[e].kind != NB_KIND_ORG) continue;
        /* "the Polisario Front, a separatist movement,": the noun it was
         * called by, so that "the movement's backer" later means it */
        if (!ne->noun && is(c, b, ",") && (is(c, b + 1, "a") || is(c, b + 1, "an") || is(c, b + 1, "the"))) {
            size_t h = b + 2;
            while (h < c->n && h < b + 5 && !in(c, h, ORG_NOUNS) && !(c->t[h].flags & (NB_TOK_PUNCT | NB_TOK_CAP))) h++;
            if (h < c->n && h < b + 5 && in(c, h, ORG_NOUNS) && !(c->t[h].flags & NB_TOK_CAP) &&
                c->low[h][strlen(c->low[h]) - 1] != 's' && (h + 1 >= c->n || (c->t[h + 1].flags & NB_TOK_PUNCT)))
                ne->noun = nb_strdup(c->low[h]);
        }
        bool armed = in(c, a, ARMED_HEADS) || in(c, b - 1, ARMED_HEADS) || in(c, b, ARMED_HEADS) ||
                     is(c, b, "militia") || is(c, b, "militias") ||
                     (in(c, b, ARMED_ADJ) && in(c, b + 1, ORG_NOUNS)) ||
                     (a >= 2 && in(c, a - 2, ARMED_ADJ) &&
                      (is(c, a - 1, "group") || is(c, a - 1, "movement") || is(c, a - 1, "faction")));
        if (!armed && is(c, b, ",") && (is(c, b + 1, "a") || is(c, b + 1, "an") || is(c, b + 1, "the")))
            for (size_t q = b + 2; q < c->n && q < b + 6 && !armed; q++) armed = in(c, q, ARMED_ADJ);
        if (armed) c->aa->ents[e].armed++;
        /* "the 3R armed group", "the M23 rebel movement": the noun it was
         * called by, so that "the group" later means it */
        size_t nq = in(c, b, ARMED_ADJ) || in(c, b, CRIME_ADJ) ? b + 1 : b;
        if (!c->aa->ents[e].noun && (nq > b || (it->flags & NB_IT_ACTOR)) &&
            (in(c, nq, ORG_NOUNS) || in(c, nq, TAIL_NOUNS)) &&
            !(c->t[nq].flags & NB_TOK_CAP))
            c->aa->ents[e].noun = nb_strdup(c->low[nq]);
    }
}

/* Which tokens are inside a quotation. Curly quotes say which way they
 * go; a straight one glued to the word before closes, else opens. A close
 * with no open before it ends a quotation begun in an earlier sentence, an
 * open never closed runs on past this one: both mark the words between. */
static bool *quoted_tokens(const ctx *c)
{
    bool *q = nb_malloc((c->n ? c->n : 1) * sizeof *q);
    bool in_q = false, seen = false;
    for (size_t i = 0; i < c->n; i++) {
        const char *w = c->low[i];
        bool open = !strcmp(w, "\xe2\x80\x9c") || (!strcmp(w, "\"") && !(c->t[i].flags & NB_TOK_GLUE));
        bool close = !strcmp(w, "\xe2\x80\x9d") || (!strcmp(w, "\"") && (c->t[i].flags & NB_TOK_GLUE));
        if (close && !in_q && !seen)
            for (size_t k = 0; k < i; k++) q[k] = true; /* the end of an earlier quotation */
        if (open) in_q = true;
        if (close) in_q = false;
        seen |= open || close;
        q[i] = in_q || close;
    }
    return q;
}

static bool is_headline(const ctx *c)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (!(c->t[i].flags & NB_TOK_WORD) || (c->t[i].flags & NB_TOK_NUM)) continue;
        /* title case leaves only short function words lowercase ("of", "to",
         * "the"); a lowercase "is" or "led" is running text */
        static const char *const TITLE_LOW[] = {"a", "an", "the", "and", "but", "or", "for", "nor", "on", "at",
                                                "to", "by", "of", "in", "up", "as", "vs", "via", "per", "off",
                                                "out", "'s", NULL};
        if (c->t[i].len <= 3 && !(c->t[i].flags & NB_TOK_CAP) && in(c, i, TITLE_LOW)) continue;
        /* a lowercase word of five letters or more is no title case ("The
         * Kuki-Zo Council accused Chief Minister Biren Singh of bias"),
         * save the longer prepositions some styles keep low */
        static const char *const TITLE_LOW_LONG[] = {"about", "after", "under", "against", "between", "through",
                                                     "amid", "from", "with", "into", "over", "onto", "upon", NULL};
        if (c->t[i].len >= 5 && !(c->t[i].flags & NB_TOK_CAP) && !in(c, i, TITLE_LOW_LONG)) return false;
        words++;
        if (c->t[i].flags & NB_TOK_CAP) caps++;
    }
    return words >= 4 && caps * 10 >= words * 8;
}

/* The actor the sentence opens with (after quote marks, "The"), when it
 * opens as a doer, for a "This is unacceptable" after it; else -1. */
static int opener(const ctx *c)
{
    /* (a doer: not the subject of a speech verb, "X said ...", nor of a
     * passive, "X was attacked", nor a victim, "X lost three soldiers") */
    static const char *const NOT_DOER[] = {"said", "says", "say", "told", "announced", "reported", "was", "were",
                                           "is", "are", "has", "had", "have", "lost", "came", "suffered",
                                           "scrambled", "summoned", "condemned", NULL};
    for (size_t k = 0; k < c->n_items && k < 3; k++) {
        const nb_item *it = &c->items[k];
        if ((it->flags & NB_IT_PUNCT) || item_is(c, k, "the")) continue;
        bool doer = k + 1 < c->n_items && !item_in(c, k + 1, NOT_DOER);
        /* ("is now using", "has carried out": an active verb after all) */
        bool be = item_is(c, k + 1, "is") || item_is(c, k + 1, "are") || item_is(c, k + 1, "was") ||
                  item_is(c, k + 1, "were");
        for (size_t q = k + 2; !doer && be && q < c->n_items && q < k + 4 && c->items[q].w; q++) {
            size_t lq = strlen(c->items[q].w); /* (past an adverb: "is now using") */
            doer = lq > 4 && !strcmp(c->items[q].w + lq - 3, "ing");
        }
        if (!doer && k + 2 < c->n_items && (item_is(c, k + 1, "has") || item_is(c, k + 1, "have") || item_is(c, k + 1, "had")))
            doer = !item_is(c, k + 2, "been") && !item_is(c, k + 2, "lost") && !item_is(c, k + 2, "suffered") &&
                   !item_is(c, k + 2, "said") && !item_is(c, k + 2, "told");
        return doer && (it->flags & NB_IT_ACTOR) && it->ent >= 0 && !(it->flags & NB_IT_MOD) &&
                       c->aa->ents[it->ent].kind != NB_KIND_GROUP
                   ? it->ent
                   : -1;
    }
    return -1;
}

/* "Its jets struck three villages, the Israeli military said": in a
 * sentence that ends with its attribution, "its" and "their" before the
 * attribution's comma are the speaker's, named after them. */
static void speaker_cataphora(ctx *c)
{
    static const char *const SAID[] = {"said", "says", "added", "stated", "claimed", NULL};
    size_t n = c->n_items;
    while (n > 0 && (c->items[n - 1].flags & NB_IT_PUNCT)) n--;
    /* the attribution: ", [the] SPEAKER said [words]" or ", said SPEAKER" */
    size_t comma = SIZE_MAX, sp = SIZE_MAX;
    for (size_t k = n; k-- > 0 && k + 8 > n;) {
        if (item_is(c, k, ",")) {
            comma = k;
            break;
        }
    }
    if (comma == SIZE_MAX || comma < 2) return;
    for (size_t k = comma + 1; k < n && k < comma + 4; k++) {
        const nb_item *it = &c->items[k];
        if ((it->flags & NB_IT_ACTOR) && it->ent >= 0 && !(it->flags & (NB_IT_PRON | NB_IT_POSS | NB_IT_MOD))) {
            bool said = item_in(c, k + 1, SAID) || (k > comma + 1 && item_in(c, k - 1, SAID));
            if (said) sp = k;
            break;
        }
        if (!item_is(c, k, "the") && !item_in(c, k, SAID)) break;
    }
    if (sp == SIZE_MAX) return;
    int who = c->items[sp].ent;
    while (c->aa->ents[who].alias_of >= 0) who = c->aa->ents[who].alias_of;
    if (c->aa->ents[who].kind == NB_KIND_PERSON) return;
    /* (a quotation's own "its" is the quote's business) */
    for (size_t k = 0; k < comma; k++)
        if (c->items[k].w && (!strcmp(c->items[k].w, "\"") || !strcmp(c->items[k].w, "\xe2\x80\x9c"))) return;
    for (size_t k = 0; k < comma; k++) {
        nb_item *it = &c->items[k];
        if (!it->w || (strcmp(it->w, "its") && strcmp(it->w, "their"))) continue;
        if (it->t1 == it->t0 + 1) it->flags = NB_IT_ACTOR | NB_IT_PRON | NB_IT_POSS;
        else if (!(it->flags & NB_IT_PRON)) continue; /* ("its jets": the owner's mention) */
        it->ent = who;
    }
}

size_t nb_actors_items(nb_article_actors *aa, const char *s, const nb_tok *toks, size_t n_toks,
                       nb_item **items, size_t *capp, nb_buf *words)
{
    nb_buf dm_key = {0}, dm_word = {0};
    ctx c = {aa, s, toks, n_toks, NULL, *items, 0, capp, false, NULL, &dm_key, &dm_word};
    /* One lowercase copy of every token, NUL-separated, in `words`. */
    nb_buf_clear(words);
    size_t *offs = nb_malloc((n_toks ? n_toks : 1) * sizeof *offs);
    for (size_t i = 0; i < n_toks; i++) {
        offs[i] = words->len;
        nb_buf_put(words, s + toks[i].start, toks[i].len + 1); /* +1 reserves the NUL */
        char *w = words->data + offs[i];
        for (size_t k = 0; k < toks[i].len; k++) w[k] = nb_lower(w[k]);
        w[toks[i].len] = '\0';
    }
    c.low = nb_malloc((n_toks ? n_toks : 1) * sizeof *c.low);
    for (size_t i = 0; i < n_toks; i++) c.low[i] = words->data + offs[i];
    free(offs);
    c.headline = is_headline(&c);
    c.inq = quoted_tokens(&c);
    aa->sentence++;
    aa->rank = 0;

    size_t first = 0;
    for (size_t i = 0; i < n_toks;) {
        /* skip opening quotes and brackets when deciding the first word */
        if (i == first && (toks[i].flags & NB_TOK_PUNCT)) first++;
        /* "Gaza's health ministry": a ministry of no state, which a later
         * "the ministry" then means (so: nobody) */
        if (is(&c, i, "ministry") && c.n_items) {
            size_t q = c.n_items - 1;
            if (q > 0 && !(c.items[q].flags & NB_IT_ACTOR)) q--;
            const nb_item *it = &c.items[q];
            if ((it->flags & NB_IT_ACTOR) && (it->flags & NB_IT_POSS) && it->ent >= 0 && it->t1 + 2 >= i &&
                aa->ents[it->ent].kind != NB_KIND_COUNTRY) {
                aa->ministry_ent = -1;
                aa->ministry_sent = aa->sentence;
            }
        }
        const char *role = NULL;
        size_t rend = multiword_role(&c, i, &role);
        if (rend > i) {
            push_item(&c, i, rend, (toks[i].flags & NB_TOK_CAP) ? NB_IT_WORD | NB_IT_CAP : NB_IT_WORD, -1);
            c.items[c.n_items - 1].w = role;
            i = rend;
            continue;
        }
        /* "the Prevention of Terrorism Act", "the National Security Law": a
         * law's name names no actor, whatever words it is made of */
        size_t le = law_name(&c, i);
        if (le > i) {
            for (; i < le; i++)
                push_item(&c, i, i + 1, (toks[i].flags & NB_TOK_PUNCT) ? NB_IT_PUNCT : NB_IT_WORD | NB_IT_CAP, -1);
            continue;
        }
        size_t entry;
        unsigned fl;
        size_t j = dict_match(&c, i, &entry, &fl);
        /* ("Lao Cai", "Lao Dong": a short demonym before a name word no
         * list knows opens that name, not the state's mention) */
        size_t e2;
        unsigned f2;
        if (j == i + 1 && (fl & NB_ALIAS_DEMONYM) && toks[i].len <= 3 && j < c.n && name_token(&c, j) &&
            !(toks[j].flags & NB_TOK_UPPER) && !in(&c, j, NB_LEX_ORG_HEAD) && !in(&c, j, NB_LEX_TITLE) &&
            dict_match(&c, j, &e2, &f2) == j)
            j = i;
        /* ("Sultan Haitham bin Tariq" past the alias "Sultan Haitham": a
         * person's name goes on through a particle, one name) */
        if (j > i && aa->dict->entries[entry].kind == NB_KIND_PERSON && j + 1 < c.n &&
            (is(&c, j, "bin") || is(&c, j, "ibn") || is(&c, j, "bint")) && cap(&c, j + 1) &&
            dict_match(&c, j + 1, &e2, &f2) == j + 1) {
            j += 2;
            while (j < c.n && cap(&c, j) && !(toks[j].flags & NB_TOK_PUNCT) && dict_match(&c, j, &e2, &f2) == j) j++;
        }
        if (j > i) {
            i = on_dict(&c, i, j, entry, fl);
            continue;
        }
        size_t r = on_reference(&c, i);
        if (r > i) {
            i = r;
            continue;
        }
        size_t g = group_noun_at(&c, i);
        /* "Communist rebels of the New People's Army", "Islamist fighters
         * from X": a capitalised adjective before members of a named
         * organisation is no name of its own */
        if (g == SIZE_MAX && cap(&c, i) && !(toks[i].flags & NB_TOK_NUM) && !cap(&c, i + 1) &&
            (nb_lex_group_head(lw(&c, i + 1), strlen(lw(&c, i + 1))) || in(&c, i + 1, MEMBERS) ||
             in(&c, i + 1, ARMED_HEADS))) {
            size_t end = group_tail(&c, i + 2);
            int owner = members_of_org(&c, end);
            if (owner >= 0) {
                push_item(&c, i, i + 1, NB_IT_WORD | NB_IT_CAP, -1);
                touch(aa, owner, s + toks[i + 1].start, 0);
                push_item(&c, i + 1, end, NB_IT_ACTOR, owner);
                i = end;
                continue;
            }
        }
        if (((cap(&c, i) && !(toks[i].flags & NB_TOK_NUM)) || ((toks[i].flags & NB_TOK_NUM) && name_token(&c, i))) &&
            (g == SIZE_MAX || i != first)) {
            i = on_name(&c, i, first);
            continue;
        }
        /* "killing three militants", "several hundred gunmen": a count of
         * people, no actor */
        bool counted = g != SIZE_MAX && g == i && i > 0 && ((toks[i - 1].flags & NB_TOK_NUM) || in(&c, i - 1, NB_LEX_COUNT));
        /* "gunmen from the Los Lobos gang", "militants of Hezbollah": the
         * named organisation acting through its members, no generic group */
        int owner = g != SIZE_MAX && !counted ? members_of_org(&c, group_tail(&c, g + 1)) : -1;
        if (owner >= 0) {
            size_t end = group_tail(&c, g + 1);
            for (size_t k = i; k < g; k++) push_item(&c, k, k + 1, NB_IT_WORD, -1);
            touch(aa, owner, s + toks[g].start, 0);
            push_item(&c, g, end, NB_IT_ACTOR, owner);
            i = end;
            continue;
        }
        if (g != SIZE_MAX && !counted && (g > i || !is(&c, g, "militia")) &&
            strcmp(lw(&c, g), "factions") != 0 && strcmp(lw(&c, g), "proxies") != 0) {
            size_t end = group_tail(&c, g + 1);
            int ge = group_entity(aa, NULL, nb_lex_group_head(lw(&c, g), strlen(lw(&c, g))));
            touch(aa, ge, s + toks[g].start, toks[g].len);
            for (size_t k = i; k < g; k++) push_item(&c, k, k + 1, NB_IT_WORD, -1);
            push_item(&c, g, end, NB_IT_ACTOR, ge);
            i = end;
            continue;
        }
        const char *dkind = NULL;
        size_t dh = described_org(&c, i, &dkind);
        if (dh > i) {
            /* "imposed sanctions on a Cambodian business conglomerate": an
             * organisation described before it is named, an organisation
             * "it" and "them" may mean (folded into the name once one
             * comes, else no actor: fold_described); each description its
             * own, two companies are two */
            nb_buf label = {0};
            nb_buf_printf(&label, "%s (described)", dkind);
            int ge = new_entity(aa, label.data, NB_KIND_ORG, -1);
            nb_buf_free(&label);
            aa->ents[ge].group_head = nb_strdup(dkind); /* (what the name must be: fold_described) */
            aa->ents[ge].described = true;
            touch(aa, ge, s + toks[dh].start, 0);
            for (size_t k = i; k < dh; k++) push_item(&c, k, k + 1, NB_IT_WORD, -1);
            push_item(&c, dh, dh + 1, NB_IT_ACTOR, ge);
            i = dh + 1;
            continue;
        }
        uint32_t f = (toks[i].flags & NB_TOK_PUNCT) ? NB_IT_PUNCT : NB_IT_WORD;
        if (toks[i].flags & NB_TOK_CAP) f |= NB_IT_CAP;
        if (hyphen(&c, i) && i + 1 < n_toks && (toks[i + 1].flags & NB_TOK_GLUE)) f |= NB_IT_INWORD;
        push_item(&c, i, i + 1, f, -1);
        i++;
    }
    for (size_t k = 0; k < c.n_items; k++) note_titles(&c, k);
    note_armed(&c);
    person_orgs(&c);
    declared_aliases(&c);
    speaker_cataphora(&c);
    note_pair(&c);
    fold_described(aa, false);
    fold_short_names(aa);
    aa->opener[0] = aa->opener[1];
    aa->opener[1] = c.headline ? -1 : opener(&c);
    free(c.inq);
    free(c.low);
    nb_buf_free(&dm_key);
    nb_buf_free(&dm_word);
    *items = c.items;
    return c.n_items;
}
