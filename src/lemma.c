/* lemma.c - lemmas the treebank's way: a (UPOS, form) -> lemma table read
 * from the training data, and for unseen words suffix rewrite rules learned
 * per PTB tag (longest known suffix first), preferring a result that is a
 * lemma the treebank knows ("condemning" -> "condemn", not "condemne"). */
#include "lemma.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SUFFIX 5

static void key_of(nb_buf *b, const char *tag, const char *form, size_t n, bool lower)
{
    nb_buf_clear(b);
    nb_buf_puts(b, tag);
    nb_buf_putc(b, '\t');
    nb_buf_put(b, form, n);
    if (lower)
        for (size_t i = b->len - n; i < b->len; i++) b->data[i] = nb_lower(b->data[i]);
}

/* Lookups by the key's length: the table is asked for most words of
 * every tagged sentence. */
static bool get_key(const nb_map *m, const nb_buf *key, size_t *v) { return nb_map_get_n(m, key->data, key->len, v); }

static bool cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

static bool is_propn(const char *upos) { return !strcmp(upos, "PROPN"); }

const char *nb_lemmas_lemma(const nb_lemmas *L, const char *upos, const char *form, size_t n)
{
    char buf[80];
    size_t ul = strlen(upos);
    if (ul + 1 + n >= sizeof buf) return NULL;
    memcpy(buf, upos, ul);
    buf[ul] = '\t';
    for (size_t i = 0; i < n; i++) buf[ul + 1 + i] = nb_lower(form[i]);
    buf[ul + 1 + n] = '\0';
    size_t v;
    return nb_map_get(&L->exact, buf, &v) && v < L->n_lemma ? L->lemma[v] : NULL;
}

bool nb_lemmas_seen(const nb_lemmas *L, const char *upos, const char *form, size_t n)
{
    return nb_lemmas_lemma(L, upos, form, n) != NULL;
}

void nb_lemmatize(const nb_nlp *m, nb_sent *s)
{
    const nb_lemmas *L = &m->lem;
    nb_buf_clear(&s->lemmas);
    nb_buf key = {0}, cand = {0};
    for (size_t i = 0; i < s->n; i++) {
        nb_uword *w = &s->w[i];
        const char *upos = m->upos[w->tag], *xpos = m->xpos[w->tag];
        bool propn = is_propn(upos);
        w->lemma = (uint32_t)s->lemmas.len;
        size_t v;
        key_of(&key, upos, w->form, w->len, !propn);
        if (get_key(&L->exact, &key, &v)) {
            nb_buf_puts(&s->lemmas, L->lemma[v]);
            nb_buf_putc(&s->lemmas, '\0');
            continue;
        }
        bool lower = !propn;
        /* proper nouns keep their form, except plurals ("Americans") */
        if (propn && strcmp(xpos, "NNPS")) {
            nb_buf_put(&s->lemmas, w->form, w->len);
            nb_buf_putc(&s->lemmas, '\0');
            continue;
        }
        /* a verb with a prefix, irregular in its stem: "overran" is "over"
         * and "ran", "rebuilt" "re" and "built" */
        if (!propn && xpos[0] == 'V') {
            static const char *const PREFIX[] = {"over", "out", "under", "re", "with", "fore", "mis", "up",
                                                 "counter", NULL};
            bool hit = false;
            for (size_t p = 0; PREFIX[p] && !hit; p++) {
                size_t pl = strlen(PREFIX[p]);
                if (w->len < pl + 3) continue;
                bool same = true;
                for (size_t k = 0; k < pl && same; k++) same = nb_lower(w->form[k]) == PREFIX[p][k];
                if (!same) continue;
                key_of(&key, upos, w->form + pl, w->len - pl, true);
                if (!get_key(&L->exact, &key, &v)) continue;
                /* "relied" is "rely" + "ed", not "re" + "lied": a stem that
                 * is its lemma plus a regular ending is left to the rules */
                const char *lem = L->lemma[v];
                size_t ll = strlen(lem), sl = w->len - pl;
                bool regular = ll < sl && !strncmp(lem, key.data + (key.len - sl), ll) &&
                               (w->form[w->len - 1] == 'd' || w->form[w->len - 1] == 's' ||
                                (sl >= 3 && !strncmp(w->form + w->len - 3, "ing", 3)));
                if (regular) continue;
                nb_buf_puts(&s->lemmas, PREFIX[p]);
                nb_buf_puts(&s->lemmas, L->lemma[v]);
                nb_buf_putc(&s->lemmas, '\0');
                hit = true;
            }
            if (hit) continue;
        }
        bool done = false;
        size_t first = SIZE_MAX;
        size_t maxl = w->len < MAX_SUFFIX ? w->len : MAX_SUFFIX;
        for (size_t l = maxl + 1; l-- > 0 && !done;) {
            if (l > 0 && cont(w->form[w->len - l])) continue; /* never split a UTF-8 character */
            key_of(&key, xpos, w->form + w->len - l, l, lower);
            if (!get_key(&L->rules, &key, &v)) continue;
            size_t strip = v >> 8, add = v & 0xff ? (v & 0xff) - 1 : SIZE_MAX;
            if (strip > w->len || (strip < w->len && cont(w->form[w->len - strip]))) continue;
            /* a rule that rewrites more than the suffix it was found under
             * came from one word ("japanese" -> "Japanese"), not a pattern:
             * "Sudanese" must not become "Japanese" */
            if (l > 0 && strip > l) continue;
            nb_buf_clear(&cand);
            for (size_t k = 0; k < w->len - strip; k++)
                nb_buf_putc(&cand, lower ? nb_lower(w->form[k]) : w->form[k]);
            if (add != SIZE_MAX && add < L->n_add) nb_buf_puts(&cand, L->add[add]);
            nb_buf_putc(&cand, '\0');
            size_t one;
            if (first == SIZE_MAX) {
                first = s->lemmas.len;
                nb_buf_put(&s->lemmas, cand.data, cand.len);
                if (nb_map_get(&L->known, cand.data, &one)) done = true;
            } else if (nb_map_get(&L->known, cand.data, &one)) {
                s->lemmas.len = first;
                nb_buf_put(&s->lemmas, cand.data, cand.len);
                done = true;
            }
        }
        if (first == SIZE_MAX) {
            for (size_t k = 0; k < w->len; k++) nb_buf_putc(&s->lemmas, lower ? nb_lower(w->form[k]) : w->form[k]);
            nb_buf_putc(&s->lemmas, '\0');
        } else if (!done && xpos[0] == 'V') {
            /* "rammed", "jamming": an unknown stem ending in a doubled
             * consonant an -ed or -ing doubled is the verb's single one */
            char *st = s->lemmas.data + first;
            size_t sl = strlen(st);
            bool ending = (w->len > 4 && !memcmp(w->form + w->len - 2, "ed", 2)) ||
                          (w->len > 5 && !memcmp(w->form + w->len - 3, "ing", 3));
            if (ending && sl >= 3 && st[sl - 1] == st[sl - 2] && !strchr("aeioulsz", st[sl - 1])) {
                st[sl - 1] = '\0';
                s->lemmas.len--;
            }
        }
    }
    nb_buf_free(&key);
    nb_buf_free(&cand);
}

void nb_lemmas_free(nb_lemmas *L)
{
    nb_map_free(&L->exact);
    nb_map_free(&L->rules);
    nb_map_free(&L->known);
    for (size_t i = 0; i < L->n_lemma; i++) free(L->lemma[i]);
    for (size_t i = 0; i < L->n_add; i++) free(L->add[i]);
    free(L->lemma);
    free(L->add);
    memset(L, 0, sizeof *L);
}

/* Learning. Counts go through sorted arrays, so ties break the same way on
 * every machine. */
typedef struct {
    char *key, *val;
    size_t count;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->val, y->val);
}

static void count_add(nb_map *idx, kv **arr, size_t *n, size_t *cap, const char *key, const char *val)
{
    nb_buf b = {0};
    nb_buf_puts(&b, key);
    nb_buf_putc(&b, '\x1f');
    nb_buf_puts(&b, val);
    size_t v;
    if (nb_map_get(idx, b.data, &v)) {
        (*arr)[v].count++;
    } else {
        nb_grow(arr, cap, *n + 1, sizeof **arr);
        (*arr)[*n] = (kv){nb_strdup(key), nb_strdup(val), 1};
        nb_map_put(idx, b.data, (*n)++);
    }
    nb_buf_free(&b);
}

static size_t intern(nb_lemmas *L, nb_map *addidx, const char *a)
{
    size_t v;
    if (nb_map_get(addidx, a, &v)) return v;
    L->add = nb_realloc(L->add, (L->n_add + 1) * sizeof *L->add);
    L->add[L->n_add] = nb_strdup(a);
    nb_map_put(addidx, a, L->n_add);
    return L->n_add++;
}

void nb_lemmas_learn(nb_lemmas *L, const char *const *upos, const char *const *xpos,
                     const char *const *form, const char *const *lemma, size_t n)
{
    memset(L, 0, sizeof *L);
    nb_map ei = {0}, ri = {0}, types = {0}, addidx = {0};
    kv *ex = NULL, *ru = NULL;
    size_t nex = 0, cex = 0, nru = 0, cru = 0;
    nb_buf key = {0}, lf = {0}, rule = {0};
    for (size_t i = 0; i < n; i++) {
        bool propn = is_propn(upos[i]);
        size_t fl = strlen(form[i]);
        key_of(&key, upos[i], form[i], fl, !propn);
        count_add(&ei, &ex, &nex, &cex, key.data, lemma[i]);
        size_t one;
        if (!nb_map_get(&L->known, lemma[i], &one)) nb_map_put(&L->known, lemma[i], 1);
        /* rules from word types, so frequent words do not drown the pattern */
        nb_buf_clear(&lf);
        nb_buf_puts(&lf, xpos[i]);
        nb_buf_putc(&lf, '\t');
        nb_buf_puts(&lf, form[i]);
        nb_buf_putc(&lf, '\t');
        nb_buf_puts(&lf, lemma[i]);
        if (nb_map_get(&types, lf.data, &one)) continue;
        nb_map_put(&types, lf.data, 1);
        char *f = nb_strdup(form[i]);
        if (!propn)
            for (char *p = f; *p; p++) *p = nb_lower(*p);
        const char *m = lemma[i];
        size_t p = 0;
        while (f[p] && m[p] && f[p] == m[p]) p++;
        nb_buf_clear(&rule);
        nb_buf_printf(&rule, "%zu\t%s", fl - p, m + p);
        size_t maxl = fl < MAX_SUFFIX ? fl : MAX_SUFFIX;
        for (size_t l = 0; l <= maxl; l++) {
            if (l < fl && cont(f[fl - l])) continue;
            key_of(&key, xpos[i], f + fl - l, l, false);
            count_add(&ri, &ru, &nru, &cru, key.data, rule.data);
        }
        free(f);
    }
    qsort(ex, nex, sizeof *ex, cmp_kv);
    for (size_t i = 0; i < nex; i++) {
        if (i > 0 && !strcmp(ex[i].key, ex[i - 1].key)) continue;
        L->lemma = nb_realloc(L->lemma, (L->n_lemma + 1) * sizeof *L->lemma);
        L->lemma[L->n_lemma] = nb_strdup(ex[i].val);
        nb_map_put(&L->exact, ex[i].key, L->n_lemma++);
    }
    qsort(ru, nru, sizeof *ru, cmp_kv);
    for (size_t i = 0; i < nru; i++) {
        if (i > 0 && !strcmp(ru[i].key, ru[i - 1].key)) continue;
        const char *tab = strchr(ru[i].key, '\t');
        size_t suffix = strlen(tab + 1);
        /* a long suffix seen once is a word, not a pattern */
        if (suffix > 2 && ru[i].count < 2) continue;
        char *sep = strchr(ru[i].val, '\t');
        size_t strip = (size_t)strtoul(ru[i].val, NULL, 10);
        if (strip > 255) continue;
        const char *add = sep + 1;
        size_t a = *add ? intern(L, &addidx, add) + 1 : 0;
        if (a > 255) continue;
        nb_map_put(&L->rules, ru[i].key, strip << 8 | a);
    }
    for (size_t i = 0; i < nex; i++) { free(ex[i].key); free(ex[i].val); }
    for (size_t i = 0; i < nru; i++) { free(ru[i].key); free(ru[i].val); }
    free(ex);
    free(ru);
    nb_map_free(&ei);
    nb_map_free(&ri);
    nb_map_free(&types);
    nb_map_free(&addidx);
    nb_buf_free(&key);
    nb_buf_free(&lf);
    nb_buf_free(&rule);
}
