#include "perceptron.h"

#include <stdlib.h>
#include <string.h>

static inline size_t home(uint64_t key, size_t n) { return (size_t)(((key & 0xffffffffu) * (uint64_t)n) >> 32); }
static inline size_t next(size_t i, size_t n) { return i + 1 == n ? 0 : i + 1; }
static inline size_t slot_of(uint64_t key, size_t mask) { return (size_t)key & mask; }

/* Scoring is memory-bound: every feature is a cache miss in a table of
 * megabytes. So the lookups run in three passes, prefetching the slots,
 * then the runs, and only then adding, so the misses overlap. */
#define BATCH 64

void nb_pmodel_score(const nb_pmodel *m, const uint64_t *feats, size_t n, int32_t *scores)
{
    if (!m->slots) return;
    const uint32_t *runs[BATCH];
    for (size_t base = 0; base < n; base += BATCH) {
        size_t cnt = n - base < BATCH ? n - base : BATCH, nr = 0;
        for (size_t f = 0; f < cnt; f++) __builtin_prefetch(&m->slots[home(feats[base + f], m->n_slots)]);
        for (size_t f = 0; f < cnt; f++) {
            uint64_t key = feats[base + f];
            uint32_t fp = nb_pfp(key);
            size_t i = home(key, m->n_slots);
            while (m->slots[i].fp && m->slots[i].fp != fp) i = next(i, m->n_slots);
            if (!m->slots[i].fp) continue;
            runs[nr] = m->words + m->slots[i].off;
            __builtin_prefetch(runs[nr]);
            nr++;
        }
        for (size_t r = 0; r < nr; r++) {
            const uint32_t *p = runs[r], *e = p + 1 + *p;
            for (p++; p < e; p++) scores[*p & 0xff] += (int32_t)(*p >> 8) - (1 << 23);
        }
    }
}

void nb_pmodel_build(nb_pmodel *m, int n_classes, const uint64_t *keys, const uint32_t *counts,
                     size_t n_feats, const uint32_t *pairs)
{
    memset(m, 0, sizeof *m);
    m->n_classes = n_classes;
    size_t cap = n_feats + n_feats / 3 + 16; /* load at most 3/4 */
    m->n_slots = cap;
    nb_pslot *slots = nb_calloc(cap, sizeof *slots);
    size_t total = 0;
    for (size_t f = 0; f < n_feats; f++) total += 1 + counts[f];
    uint32_t *words = nb_malloc((total ? total : 1) * sizeof *words);
    size_t w = 0, src = 0;
    for (size_t f = 0; f < n_feats; f++) {
        uint32_t fp = nb_pfp(keys[f]);
        size_t i = home(keys[f], cap);
        while (slots[i].fp && slots[i].fp != fp) i = next(i, cap);
        if (slots[i].fp) { /* two features share 64 bits of hash: keep the first */
            src += counts[f];
            continue;
        }
        slots[i].fp = fp;
        slots[i].off = (uint32_t)w;
        words[w++] = counts[f];
        for (uint32_t k = 0; k < counts[f]; k++) words[w++] = pairs[src++];
        m->n_feats++;
    }
    m->slots = slots;
    m->words = words;
    m->n_words = w;
    m->own_slots = slots;
    m->own_words = words;
}

bool nb_pmodel_valid(const nb_pmodel *m)
{
    /* One pass over the words marks where runs start and checks classes;
     * one pass over the slots checks they point at run starts. Both are
     * sequential, so a large model is checked at memory speed. */
    uint8_t *start = nb_calloc(m->n_words / 8 + 1, 1);
    bool ok = true;
    size_t w = 0;
    while (ok && w < m->n_words) {
        uint32_t c = m->words[w];
        if (c > m->n_words - w - 1) {
            ok = false;
            break;
        }
        start[w / 8] |= (uint8_t)(1u << (w % 8));
        for (size_t k = w + 1; k <= w + c; k++)
            if ((m->words[k] & 0xff) >= (uint32_t)m->n_classes) ok = false;
        w += 1 + (size_t)c;
    }
    bool empty = false;
    for (size_t i = 0; ok && i < m->n_slots; i++) {
        if (!m->slots[i].fp) {
            empty = true;
            continue;
        }
        size_t off = m->slots[i].off;
        if (off >= m->n_words || !(start[off / 8] & (1u << (off % 8)))) ok = false;
    }
    free(start);
    return ok && empty;
}

void nb_pmodel_prune(const nb_pmodel *in, nb_pmodel *out, int32_t min_abs)
{
    /* gather (full key, run) per slot; the key's low bits are the home slot
     * only up to probing, so the full key is rebuilt from fp and position */
    uint64_t *keys = nb_malloc((in->n_feats ? in->n_feats : 1) * sizeof *keys);
    uint32_t *counts = nb_malloc((in->n_feats ? in->n_feats : 1) * sizeof *counts);
    uint32_t *pairs = nb_malloc((in->n_words ? in->n_words : 1) * sizeof *pairs);
    size_t nf = 0, np = 0;
    (void)keys;
    for (size_t i = 0; i < in->n_slots; i++) {
        if (!in->slots[i].fp) continue;
        const uint32_t *p = in->words + in->slots[i].off;
        size_t first = np;
        for (uint32_t k = 1; k <= p[0]; k++) {
            int32_t w = (int32_t)(p[k] >> 8) - (1 << 23);
            if ((w < 0 ? -w : w) >= min_abs) pairs[np++] = p[k];
        }
        if (np == first) continue;
        counts[nf] = (uint32_t)(np - first);
        keys[nf++] = i;
    }
    /* rebuild with the same slots: a pruned table keeps every position */
    nb_pslot *slots = nb_calloc(in->n_slots, sizeof *slots);
    uint32_t *words = nb_malloc((np + nf + 1) * sizeof *words);
    size_t w = 0, src = 0;
    for (size_t f = 0; f < nf; f++) {
        size_t i = (size_t)keys[f];
        slots[i].fp = in->slots[i].fp;
        slots[i].off = (uint32_t)w;
        words[w++] = counts[f];
        for (uint32_t k = 0; k < counts[f]; k++) words[w++] = pairs[src++];
    }
    memset(out, 0, sizeof *out);
    out->n_classes = in->n_classes;
    out->n_slots = in->n_slots;
    out->slots = slots;
    out->words = words;
    out->n_words = w;
    out->n_feats = nf;
    out->own_slots = slots;
    out->own_words = words;
    free(keys);
    free(counts);
    free(pairs);
}

void nb_pmodel_free(nb_pmodel *m)
{
    free(m->own_slots);
    free(m->own_words);
    memset(m, 0, sizeof *m);
}

/* Training: each feature keeps a short list of the classes it was updated
 * for, with the weight and the sum of clock * update (averaging by Daume's
 * trick: average = w - u / clock). */
typedef struct {
    int32_t w;
    uint16_t c;
    int64_t u;
} tentry;

typedef struct {
    uint64_t key;
    uint32_t n, cap;
    uint32_t updates;   /* how often the feature took part in an update */
    tentry *e;
} tfeat;

struct nb_ptrain {
    int n_classes;
    tfeat *f;
    size_t n, cap;
    uint32_t *slots;   /* index + 1 into f, 0 empty */
    size_t mask;
    int64_t clock;
};

nb_ptrain *nb_ptrain_new(int n_classes)
{
    nb_ptrain *t = nb_calloc(1, sizeof *t);
    t->n_classes = n_classes;
    t->mask = (1u << 16) - 1;
    t->slots = nb_calloc(t->mask + 1, sizeof *t->slots);
    t->clock = 1;
    return t;
}

void nb_ptrain_free(nb_ptrain *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) free(t->f[i].e);
    free(t->f);
    free(t->slots);
    free(t);
}

static tfeat *find(const nb_ptrain *t, uint64_t k)
{
    size_t i = slot_of(k, t->mask);
    while (t->slots[i]) {
        tfeat *f = &t->f[t->slots[i] - 1];
        if (f->key == k) return f;
        i = (i + 1) & t->mask;
    }
    return NULL;
}

static tfeat *insert(nb_ptrain *t, uint64_t k)
{
    tfeat *f = find(t, k);
    if (f) return f;
    if ((t->n + 1) * 2 > t->mask) {
        size_t cap = (t->mask + 1) * 2;
        free(t->slots);
        t->slots = nb_calloc(cap, sizeof *t->slots);
        t->mask = cap - 1;
        for (size_t j = 0; j < t->n; j++) {
            size_t i = slot_of(t->f[j].key, t->mask);
            while (t->slots[i]) i = (i + 1) & t->mask;
            t->slots[i] = (uint32_t)(j + 1);
        }
    }
    nb_grow(&t->f, &t->cap, t->n + 1, sizeof *t->f);
    f = &t->f[t->n];
    memset(f, 0, sizeof *f);
    f->key = k;
    size_t i = slot_of(k, t->mask);
    while (t->slots[i]) i = (i + 1) & t->mask;
    t->slots[i] = (uint32_t)(++t->n);
    return f;
}

void nb_ptrain_score(const nb_ptrain *t, const uint64_t *feats, size_t n, int32_t *scores)
{
    for (size_t i = 0; i < n; i++) {
        const tfeat *f = find(t, feats[i]);
        if (!f) continue;
        for (uint32_t j = 0; j < f->n; j++) scores[f->e[j].c] += f->e[j].w;
    }
}

static void bump(nb_ptrain *t, tfeat *f, int c, int d)
{
    uint32_t j = 0;
    while (j < f->n && f->e[j].c != c) j++;
    if (j == f->n) {
        if (f->n == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 2;
            f->e = nb_realloc(f->e, f->cap * sizeof *f->e);
        }
        f->e[f->n++] = (tentry){0, (uint16_t)c, 0};
    }
    f->e[j].w += d;
    f->e[j].u += t->clock * d;
}

void nb_ptrain_update(nb_ptrain *t, const uint64_t *feats, size_t n, int truth, int guess)
{
    if (truth == guess) return;
    for (size_t i = 0; i < n; i++) {
        tfeat *f = insert(t, feats[i]);
        if (f->updates < UINT32_MAX) f->updates++;
        bump(t, f, truth, 1);
        bump(t, f, guess, -1);
    }
}

void nb_ptrain_tick(nb_ptrain *t) { t->clock++; }

static int cmp_key(const void *a, const void *b)
{
    uint64_t x = (*(const tfeat *const *)a)->key, y = (*(const tfeat *const *)b)->key;
    return x < y ? -1 : x > y;
}

static int cmp_class(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a & 0xff, y = *(const uint32_t *)b & 0xff;
    return x < y ? -1 : x > y;
}

void nb_ptrain_freeze(const nb_ptrain *t, nb_pmodel *m, int32_t min_abs, uint32_t min_updates)
{
    /* Sorted by key, classes ascending: the same training gives the same bytes. */
    const tfeat **order = nb_malloc((t->n ? t->n : 1) * sizeof *order);
    for (size_t i = 0; i < t->n; i++) order[i] = &t->f[i];
    qsort(order, t->n, sizeof *order, cmp_key);
    uint64_t *keys = nb_malloc((t->n ? t->n : 1) * sizeof *keys);
    uint32_t *counts = nb_malloc((t->n ? t->n : 1) * sizeof *counts);
    uint32_t *pairs = NULL;
    size_t np = 0, pcap = 0, nf = 0;
    int64_t C = t->clock;
    for (size_t i = 0; i < t->n; i++) {
        const tfeat *f = order[i];
        size_t first = np;
        if (f->updates < min_updates) continue;
        for (uint32_t j = 0; j < f->n; j++) {
            /* 100 * (w - u / C), rounded to nearest, in integers only */
            int64_t num = ((int64_t)f->e[j].w * C - f->e[j].u) * 100;
            int64_t v = num >= 0 ? (num + C / 2) / C : -((-num + C / 2) / C);
            if (v > NB_PWEIGHT_MAX) v = NB_PWEIGHT_MAX;
            if (v < -NB_PWEIGHT_MAX) v = -NB_PWEIGHT_MAX;
            if (v == 0 || (v < 0 ? -v : v) < min_abs) continue;
            nb_grow(&pairs, &pcap, np + 1, sizeof *pairs);
            pairs[np++] = ((uint32_t)(v + (1 << 23)) << 8) | f->e[j].c;
        }
        if (np == first) continue;
        qsort(pairs + first, np - first, sizeof *pairs, cmp_class);
        keys[nf] = f->key;
        counts[nf] = (uint32_t)(np - first);
        nf++;
    }
    nb_pmodel_build(m, t->n_classes, keys, counts, nf, pairs);
    free(pairs);
    free(keys);
    free(counts);
    free(order);
}
