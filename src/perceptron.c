#include "perceptron.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

/* A key's home is the first slot of a bucket of NB_PBUCKET (one cache
 * line), its low 32 bits scaled to the number of buckets. */
static inline size_t home(uint64_t key, size_t n_slots)
{
    return (size_t)(((key & 0xffffffffu) * (uint64_t)(n_slots / NB_PBUCKET)) >> 32) * NB_PBUCKET;
}
static inline size_t next(size_t i, size_t n) { return i + 1 == n ? 0 : i + 1; }

/* The slot holding key, or NULL. Slots fill each bucket from its start, so
 * a key is in its home bucket before the first empty slot, or, when the
 * bucket is full, further on. The whole bucket is compared without
 * branches: which slot matches is unpredictable, a mispredicted branch
 * per probe cost more than the compares. */
static inline const nb_pslot *lookup(const nb_pmodel *m, uint64_t key)
{
    uint32_t fp = nb_pfp(key);
    size_t i = home(key, m->n_slots);
    for (;;) {
        const nb_pslot *b = m->slots + i;
        unsigned hit, empty;
#if defined(__GNUC__) && defined(__x86_64__)
        /* the eight fingerprints side by side in two vectors (SSE2) */
        __m128i k = _mm_set1_epi32((int)fp), z = _mm_setzero_si128();
        const __m128i *v = (const __m128i *)(const void *)b;
        __m128 lo = _mm_shuffle_ps(_mm_castsi128_ps(_mm_loadu_si128(v)), _mm_castsi128_ps(_mm_loadu_si128(v + 1)),
                                   _MM_SHUFFLE(2, 0, 2, 0));
        __m128 hi = _mm_shuffle_ps(_mm_castsi128_ps(_mm_loadu_si128(v + 2)), _mm_castsi128_ps(_mm_loadu_si128(v + 3)),
                                   _MM_SHUFFLE(2, 0, 2, 0));
        __m128i a = _mm_castps_si128(lo), c = _mm_castps_si128(hi);
        hit = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, k))) |
              (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(c, k))) << 4;
        empty = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(a, z))) |
                (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(c, z))) << 4;
#else
        hit = empty = 0;
        for (unsigned j = 0; j < NB_PBUCKET; j++) {
            hit |= (unsigned)(b[j].fp == fp) << j;
            empty |= (unsigned)(b[j].fp == 0) << j;
        }
#endif
        if (hit) return b + __builtin_ctz(hit);
        if (empty) return NULL;
        i = i + NB_PBUCKET == m->n_slots ? 0 : i + NB_PBUCKET;
    }
}

static inline size_t slot_of(uint64_t key, size_t mask) { return (size_t)key & mask; }

/* Scoring is memory-bound: every feature is a cache miss in a table of
 * megabytes. So the lookups run in passes, asking the Bloom filter, then
 * prefetching the slots, then the runs and rows, and only then adding, so
 * the misses overlap. A batch holds all of a parser move's features: two
 * batches of 64 were a few percent slower. */
#define BATCH 128

/* The filter's word for a fingerprint, and the three bits it sets there
 * (one word a key: one cache line read). */
static inline size_t bloom_word(uint32_t fp, unsigned shift) { return (size_t)((uint64_t)(uint32_t)(fp * 0x9E3779B1u) >> shift); }
static inline uint64_t bloom_bits(uint32_t fp)
{
    uint32_t h = fp * 0x85EBCA77u;
    return 1ULL << (h >> 26) | 1ULL << ((h >> 20) & 63) | 1ULL << ((h >> 14) & 63);
}

void nb_pmodel_index(nb_pmodel *m)
{
    /* about 8 to 16 bits a feature: fewer let too many absent features
     * through, more fall out of cache (EWT dev, tag and parse speed) */
    size_t words = 1;
    unsigned shift = 32;
    while (words * 64 < m->n_feats * 8 && shift > 0) {
        words *= 2;
        shift--;
    }
    uint64_t *b = nb_zalloc64(words * sizeof *b);
    for (size_t i = 0; i < m->n_slots; i++)
        if (m->slots[i].fp) b[bloom_word(m->slots[i].fp, shift)] |= bloom_bits(m->slots[i].fp);
    free(m->own_bloom);
    m->own_bloom = b;
    m->bloom = b;
    m->bloom_shift = shift;
}

/* Adds the dense rows to acc eight classes at a time, all rows for one
 * step before the next, so that the eight sums stay in registers and the
 * compiler turns each step into vector widenings and adds. */
static void add_rows(int32_t *restrict acc, const int16_t *const *rows, size_t nd, size_t stride)
{
    for (size_t c = 0; c < stride; c += 8) {
        int32_t v[8];
        for (size_t j = 0; j < 8; j++) v[j] = acc[c + j];
        for (size_t r = 0; r < nd; r++)
            for (size_t j = 0; j < 8; j++) v[j] += rows[r][c + j];
        for (size_t j = 0; j < 8; j++) acc[c + j] = v[j];
    }
}

#if defined(__GNUC__) && defined(__x86_64__)
/* The same with AVX2, chosen at run time (the build targets the x86-64
 * baseline): one 256-bit register holds the eight sums, and each row's
 * eight weights are widened and added in one step. */
__attribute__((target("avx2"))) static void add_rows_avx2(int32_t *restrict acc, const int16_t *const *rows,
                                                          size_t nd, size_t stride)
{
    for (size_t c = 0; c < stride; c += 8) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(acc + c));
        for (size_t r = 0; r < nd; r++)
            v = _mm256_add_epi32(v, _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)(const void *)(rows[r] + c))));
        _mm256_storeu_si256((__m256i *)(void *)(acc + c), v);
    }
}
#define HAVE_AVX2_ROWS 1
#endif

static void add_dense(int32_t *restrict acc, const int16_t *const *rows, size_t nd, size_t stride)
{
#ifdef HAVE_AVX2_ROWS
    static _Thread_local int avx2 = -1; /* per thread: no race between extraction threads */
    if (avx2 < 0) avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
    if (avx2) {
        add_rows_avx2(acc, rows, nd, stride);
        return;
    }
#endif
    add_rows(acc, rows, nd, stride);
}

/* The weights a slot holds itself (NB_PINLINE). */
static inline int32_t inline_pair_weight(uint32_t off)
{
    return (int32_t)(off & 0x7fff) - (int32_t)((off & 0x4000) << 1);
}

static inline void add_inline(int32_t *scores, uint32_t off)
{
    if (off & NB_PPAIR) {
        int32_t w = inline_pair_weight(off);
        scores[(off >> 22) & 0x7f] += w;
        scores[(off >> 15) & 0x7f] -= w;
    } else {
        scores[(off >> 16) & 0xff] += (int16_t)(off & 0xffff);
    }
}

void nb_pmodel_score(const nb_pmodel *m, const uint64_t *feats, size_t n, int32_t *scores)
{
    if (!m->slots) return;
    size_t stride = nb_pstride(m->n_classes);
    int32_t acc[NB_PMAX_CLASSES];
    bool any_dense = false;
    const uint8_t *runs[BATCH];
    const int16_t *rows[BATCH];
    uint64_t keep[BATCH];
    for (size_t base = 0; base < n; base += BATCH) {
        size_t cnt = n - base < BATCH ? n - base : BATCH, nr = 0, nd = 0, nk = 0;
        const uint64_t *fb = feats + base;
        if (m->bloom) {
            /* a fingerprint no slot holds is a feature lookup would not
             * find: it is dropped before its slots are read */
            for (size_t f = 0; f < cnt; f++) __builtin_prefetch(&m->bloom[bloom_word(nb_pfp(fb[f]), m->bloom_shift)]);
            for (size_t f = 0; f < cnt; f++) {
                uint32_t fp = nb_pfp(fb[f]);
                uint64_t want = bloom_bits(fp);
                if ((m->bloom[bloom_word(fp, m->bloom_shift)] & want) != want) continue;
                __builtin_prefetch(&m->slots[home(fb[f], m->n_slots)]);
                keep[nk++] = fb[f];
            }
            fb = keep;
        } else {
            for (size_t f = 0; f < cnt; f++) __builtin_prefetch(&m->slots[home(fb[f], m->n_slots)]);
            nk = cnt;
        }
        for (size_t f = 0; f < nk; f++) {
            const nb_pslot *slot = lookup(m, fb[f]);
            if (!slot) continue;
            uint32_t off = slot->off;
            if ((off & (NB_PDENSE | NB_PINLINE)) == NB_PINLINE) {
                add_inline(scores, off);
            } else if (off & NB_PDENSE) {
                const int16_t *row = m->dense + (size_t)(off & ~NB_PDENSE) * stride;
                for (size_t b = 0; b < stride * sizeof *row; b += 64) __builtin_prefetch((const char *)row + b);
                __builtin_prefetch(row + stride - 1);
                rows[nd++] = row;
            } else {
                const uint8_t *p = m->runs + off;
                __builtin_prefetch(p);
                __builtin_prefetch(p + 63); /* the second line of a run under 64 bytes */
                runs[nr++] = p;
            }
        }
        for (size_t r = 0; r < nr; r++) {
            /* the weights are 16-bit little-endian, as the tables are
             * used in place, at any byte address */
            const uint8_t *p = runs[r];
            size_t c = p[0];
            const uint8_t *cls = p + 1, *w = p + 1 + c;
            for (size_t k = 0; k < c; k++) {
                int16_t x;
                memcpy(&x, w + 2 * k, 2);
                scores[cls[k]] += x;
            }
        }
        if (nd && !any_dense) {
            memset(acc, 0, stride * sizeof *acc);
            any_dense = true;
        }
        add_dense(acc, rows, nd, stride);
    }
    if (any_dense)
        for (int c = 0; c < m->n_classes; c++) scores[c] += acc[c];
}

static inline int32_t pair_weight(uint32_t p) { return (int32_t)(p >> 8) - (1 << 23); }

/* Whether a feature of count weights is a dense row: when the row takes no
 * more than about twice the bytes of its run (the frequent features have
 * many classes, and the rows cost little memory in all). */
static bool make_dense(int n_classes, uint32_t count)
{
    return count > NB_PRUN_COUNT || nb_pstride(n_classes) <= 2 * (1 + (count + 1) / 2 + count);
}

/* Whether the pairs p[0..count) fit in a slot (NB_PINLINE); if so, *off
 * is the slot's offset field. */
static bool make_inline(int n_classes, const uint32_t *p, uint32_t count, uint32_t *off)
{
    if (count == 1) {
        *off = NB_PINLINE | (p[0] & 0xff) << 16 | ((uint32_t)pair_weight(p[0]) & 0xffff);
        return true;
    }
    if (count != 2 || n_classes > 128) return false;
    int32_t a = pair_weight(p[0]), b = pair_weight(p[1]);
    if (a != -b || a < -0x4000 || a >= 0x4000) return false;
    *off = NB_PINLINE | NB_PPAIR | (p[0] & 0x7f) << 22 | (p[1] & 0x7f) << 15 | ((uint32_t)a & 0x7fff);
    return true;
}

/* Stores the pairs p[0..count) at slot i of the tables being built. */
static void put_feature(nb_pslot *slot, uint8_t *runs, size_t *nr, int16_t *dense, size_t *nd, int n_classes,
                        const uint32_t *p, uint32_t count)
{
    if (make_inline(n_classes, p, count, &slot->off)) return;
    if (make_dense(n_classes, count)) {
        int16_t *row = dense + *nd * nb_pstride(n_classes);
        for (uint32_t k = 0; k < count; k++) row[p[k] & 0xff] = (int16_t)pair_weight(p[k]);
        slot->off = NB_PDENSE | (uint32_t)(*nd)++;
        return;
    }
    uint8_t *r = runs + *nr;
    slot->off = (uint32_t)*nr;
    r[0] = (uint8_t)count;
    for (uint32_t k = 0; k < count; k++) {
        uint16_t w = (uint16_t)pair_weight(p[k]);
        r[1 + k] = (uint8_t)(p[k] & 0xff);
        r[1 + count + 2 * k] = (uint8_t)w;
        r[2 + count + 2 * k] = (uint8_t)(w >> 8);
    }
    *nr += nb_prun_len(count);
}

static void tables_alloc(nb_pmodel *m, int n_classes, size_t n_slots, size_t n_runs, size_t n_dense)
{
    memset(m, 0, sizeof *m);
    m->n_classes = n_classes;
    m->n_slots = n_slots;
    /* buckets start on cache lines */
    m->own_slots = nb_zalloc64(n_slots * sizeof(nb_pslot));
    m->own_runs = nb_calloc(n_runs ? n_runs : 1, 1);
    m->own_dense = nb_calloc((n_dense ? n_dense : 1) * nb_pstride(n_classes), sizeof(int16_t));
    m->slots = m->own_slots;
    m->runs = m->own_runs;
    m->dense = m->own_dense;
}

void nb_pmodel_build(nb_pmodel *m, int n_classes, const uint64_t *keys, const uint32_t *counts,
                     size_t n_feats, const uint32_t *pairs)
{
    size_t cap = (n_feats + n_feats / 3) / NB_PBUCKET * NB_PBUCKET + 2 * NB_PBUCKET; /* load at most 3/4 */
    size_t n_runs = 0, n_dense = 0;
    for (size_t f = 0, src = 0; f < n_feats; src += counts[f++]) {
        uint32_t off;
        if (make_inline(n_classes, pairs + src, counts[f], &off)) continue;
        if (make_dense(n_classes, counts[f])) n_dense++;
        else n_runs += nb_prun_len(counts[f]);
    }
    tables_alloc(m, n_classes, cap, n_runs, n_dense);
    nb_pslot *slots = m->own_slots;
    size_t nr = 0, nd = 0, src = 0;
    for (size_t f = 0; f < n_feats; f++) {
        uint32_t fp = nb_pfp(keys[f]);
        size_t i = home(keys[f], cap);
        while (slots[i].fp && slots[i].fp != fp) i = next(i, cap);
        if (!slots[i].fp) { /* else two features share 64 bits of hash: keep the first */
            slots[i].fp = fp;
            put_feature(&slots[i], m->own_runs, &nr, m->own_dense, &nd, n_classes, pairs + src, counts[f]);
            m->n_feats++;
        }
        src += counts[f];
    }
    m->n_runs = nr;
    m->n_dense = nd;
}

bool nb_pmodel_valid(const nb_pmodel *m)
{
    /* One pass over the runs marks where they start and checks classes;
     * one pass over the slots checks they point at run starts or rows. Both
     * are sequential, so a large model is checked at memory speed. */
    if (m->n_slots % NB_PBUCKET) return false;
    uint8_t *start = nb_calloc(m->n_runs / 8 + 1, 1);
    bool ok = true;
    size_t u = 0;
    while (ok && u < m->n_runs) {
        size_t c = m->runs[u], len = nb_prun_len(c);
        if (c == 0 || c > NB_PRUN_COUNT || len > m->n_runs - u) {
            ok = false;
            break;
        }
        start[u / 8] |= (uint8_t)(1u << (u % 8));
        const uint8_t *cls = m->runs + u + 1;
        for (size_t k = 0; k < c; k++)
            if (cls[k] >= m->n_classes) ok = false;
        u += len;
    }
    /* a row's padding must be zero: it is added like the rest */
    size_t stride = nb_pstride(m->n_classes);
    for (size_t r = 0; ok && r < m->n_dense; r++)
        for (size_t c = (size_t)m->n_classes; c < stride; c++)
            if (m->dense[r * stride + c]) ok = false;
    bool empty = false;
    for (size_t i = 0; ok && i < m->n_slots; i++) {
        if (!m->slots[i].fp) {
            empty = true;
            continue;
        }
        size_t off = m->slots[i].off;
        if ((off & (NB_PDENSE | NB_PINLINE)) == NB_PINLINE) {
            size_t a = off & NB_PPAIR ? (off >> 22) & 0x7f : (off >> 16) & 0xff, b = (off >> 15) & 0x7f;
            if (a >= (size_t)m->n_classes || ((off & NB_PPAIR) && b >= (size_t)m->n_classes)) ok = false;
        } else if (off & NB_PDENSE) {
            if ((off & ~(size_t)NB_PDENSE) >= m->n_dense) ok = false;
        } else if (off >= m->n_runs || !(start[off / 8] & (1u << (off % 8)))) {
            ok = false;
        }
    }
    free(start);
    return ok && empty;
}

/* A slot's pairs (weight + 2^23 above the class), from its run or its row;
 * returns the count. */
static uint32_t slot_pairs(const nb_pmodel *m, size_t i, uint32_t *out)
{
    uint32_t off = m->slots[i].off, n = 0;
    if ((off & (NB_PDENSE | NB_PINLINE)) == NB_PINLINE) {
        if (!(off & NB_PPAIR)) {
            out[0] = ((uint32_t)((int16_t)(off & 0xffff) + (1 << 23)) << 8) | ((off >> 16) & 0xff);
            return 1;
        }
        int32_t w = inline_pair_weight(off);
        out[0] = ((uint32_t)(w + (1 << 23)) << 8) | ((off >> 22) & 0x7f);
        out[1] = ((uint32_t)(-w + (1 << 23)) << 8) | ((off >> 15) & 0x7f);
        return 2;
    }
    if (off & NB_PDENSE) {
        const int16_t *row = m->dense + (size_t)(off & ~NB_PDENSE) * nb_pstride(m->n_classes);
        for (int c = 0; c < m->n_classes; c++)
            if (row[c]) out[n++] = ((uint32_t)(row[c] + (1 << 23)) << 8) | (uint32_t)c;
        return n;
    }
    const uint8_t *p = m->runs + off, *cls = p + 1, *w = p + 1 + p[0];
    for (; n < p[0]; n++) {
        int32_t v = (int16_t)(w[2 * n] | w[2 * n + 1] << 8);
        out[n] = ((uint32_t)(v + (1 << 23)) << 8) | cls[n];
    }
    return n;
}

void nb_pmodel_prune(const nb_pmodel *in, nb_pmodel *out, int32_t min_abs)
{
    /* gather the kept pairs per slot, then rebuild with the same slots: a
     * pruned table keeps every position (the full keys are not stored) */
    size_t stride = nb_pstride(in->n_classes);
    uint32_t *pairs = nb_malloc((in->n_runs + in->n_dense * stride + 1) * sizeof *pairs);
    size_t *at = nb_malloc((in->n_slots + 1) * sizeof *at);
    size_t np = 0, n_runs = 0, n_dense = 0;
    for (size_t i = 0; i < in->n_slots; i++) {
        at[i] = np;
        if (!in->slots[i].fp) continue;
        uint32_t n = slot_pairs(in, i, pairs + np);
        for (uint32_t k = 0; k < n; k++) {
            int32_t w = pair_weight(pairs[at[i] + k]);
            if ((w < 0 ? -w : w) >= min_abs) pairs[np++] = pairs[at[i] + k];
        }
        uint32_t off;
        if (np == at[i] || make_inline(in->n_classes, pairs + at[i], (uint32_t)(np - at[i]), &off)) continue;
        if (make_dense(in->n_classes, (uint32_t)(np - at[i]))) n_dense++;
        else n_runs += nb_prun_len(np - at[i]);
    }
    at[in->n_slots] = np;
    tables_alloc(out, in->n_classes, in->n_slots, n_runs, n_dense);
    nb_pslot *slots = out->own_slots;
    size_t nr = 0, nd = 0;
    for (size_t i = 0; i < in->n_slots; i++) {
        size_t end = i + 1 < in->n_slots ? at[i + 1] : np;
        if (!in->slots[i].fp || end == at[i]) continue;
        slots[i].fp = in->slots[i].fp;
        put_feature(&slots[i], out->own_runs, &nr, out->own_dense, &nd, in->n_classes, pairs + at[i],
                    (uint32_t)(end - at[i]));
        out->n_feats++;
    }
    out->n_runs = nr;
    out->n_dense = nd;
    free(pairs);
    free(at);
}

void nb_pmodel_free(nb_pmodel *m)
{
    free(m->own_slots);
    free(m->own_runs);
    free(m->own_dense);
    free(m->own_bloom);
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
    int shares;        /* how many trainers' sums it holds (nb_ptrain_add) */
};

nb_ptrain *nb_ptrain_new(int n_classes)
{
    nb_ptrain *t = nb_calloc(1, sizeof *t);
    t->n_classes = n_classes;
    t->mask = (1u << 16) - 1;
    t->slots = nb_calloc(t->mask + 1, sizeof *t->slots);
    t->clock = 1;
    t->shares = 1;
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

void nb_ptrain_add(nb_ptrain *a, const nb_ptrain *b)
{
    for (size_t i = 0; i < b->n; i++) {
        const tfeat *g = &b->f[i];
        tfeat *f = insert(a, g->key);
        f->updates = f->updates > UINT32_MAX - g->updates ? UINT32_MAX : f->updates + g->updates;
        for (uint32_t j = 0; j < g->n; j++) {
            bump(a, f, g->e[j].c, 0);
            uint32_t k = 0;
            while (f->e[k].c != g->e[j].c) k++;
            f->e[k].w += g->e[j].w;
            f->e[k].u += g->e[j].u;
        }
    }
    a->shares += b->shares;
}

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
        if (f->updates < min_updates * (uint32_t)t->shares) continue;
        for (uint32_t j = 0; j < f->n; j++) {
            /* 100 * (w - u / C), rounded to nearest, in integers only */
            int64_t num = ((int64_t)f->e[j].w * C - f->e[j].u) * 100;
            int64_t D = C * t->shares;
            int64_t v = num >= 0 ? (num + D / 2) / D : -((-num + D / 2) / D);
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
