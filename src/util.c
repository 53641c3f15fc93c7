#include "util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "netbuild: out of memory (%zu bytes)\n", n);
    abort();
}

void *nb_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *nb_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *nb_zalloc64(size_t n)
{
    size_t bytes = (n ? n + 63 : 64) / 64 * 64;
    void *p = aligned_alloc(64, bytes);
    if (!p) oom(bytes);
    memset(p, 0, bytes);
    return p;
}

void *nb_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *nb_strndup(const char *s, size_t n)
{
    char *d = nb_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *nb_strdup(const char *s) { return nb_strndup(s, strlen(s)); }

void nb_grow(void *items, size_t *cap, size_t need, size_t esz)
{
    if (need <= *cap) return;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / esz) oom(SIZE_MAX);
        nc *= 2;
    }
    void **pp = items;
    *pp = nb_realloc(*pp, nc * esz);
    *cap = nc;
}

void nb_buf_put(nb_buf *b, const char *s, size_t n)
{
    nb_grow(&b->data, &b->cap, b->len + n + 1, 1);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void nb_buf_puts(nb_buf *b, const char *s) { nb_buf_put(b, s, strlen(s)); }

void nb_buf_printf(nb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    nb_grow(&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void nb_buf_clear(nb_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

char *nb_buf_detach(nb_buf *b)
{
    char *s = b->data ? b->data : nb_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void nb_buf_free(nb_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

uint64_t nb_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The map's hash of key[0..n), eight bytes at a time (lookups are a fifth
 * of a run, most of them of short words): a multiply and a shift per word,
 * then a final mix so that the low bits, which pick the slot, depend on
 * every byte. Never 0. */
static uint32_t key_hash(const char *key, size_t n)
{
    const uint64_t K = 0x9E3779B97F4A7C15ULL;
    uint64_t h = n * K;
    for (; n >= 8; n -= 8, key += 8) {
        uint64_t w;
        memcpy(&w, key, 8);
        h = (h ^ w) * K;
        h ^= h >> 29;
    }
    if (n) {
        uint64_t w = 0;
        memcpy(&w, key, n);
        h = (h ^ w) * K;
        h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    return (uint32_t)h | 1u;
}

/* The first NB_MAP_HEAD bytes of key[0..n), zero-padded. */
static void key_head(const char *key, size_t n, char head[NB_MAP_HEAD])
{
    memset(head, 0, NB_MAP_HEAD);
    memcpy(head, key, n < NB_MAP_HEAD ? n : NB_MAP_HEAD);
}

/* Is slot e the n bytes at key (head: their key_head)? A stored key holds
 * no NUL, so with equal heads its length is n when head byte n-1 is not
 * zero (for n below NB_MAP_HEAD), and at least NB_MAP_HEAD when the last
 * head byte is not; a longer key compares its tail too. */
static bool key_eq(const nb_mslot *e, const char *key, size_t n, const char head[NB_MAP_HEAD])
{
    if (memcmp(e->head, head, NB_MAP_HEAD)) return false;
    if (n < NB_MAP_HEAD) return n == 0 || head[n - 1] != '\0';
    if (head[NB_MAP_HEAD - 1] == '\0') return false;
    const char *k = e->key + NB_MAP_HEAD;
    for (size_t j = NB_MAP_HEAD; j < n; j++, k++)
        if (*k != key[j] || *k == '\0') return false;
    return *k == '\0';
}

/* The slot holding key[0..n) (hash h), or the empty slot where it would go. */
static size_t slot(const nb_map *m, const char *key, size_t n, uint32_t h)
{
    char head[NB_MAP_HEAD];
    key_head(key, n, head);
    size_t i = h & (m->cap - 1);
    while (m->hashes[i] && (m->hashes[i] != h || !key_eq(&m->slots[i], key, n, head))) i = (i + 1) & (m->cap - 1);
    return i;
}

bool nb_map_get_n(const nb_map *m, const char *key, size_t n, size_t *val)
{
    if (!m->cap) return false;
    size_t i = slot(m, key, n, key_hash(key, n));
    if (!m->hashes[i]) return false;
    if (val) *val = m->slots[i].val;
    return true;
}

bool nb_map_get(const nb_map *m, const char *key, size_t *val) { return nb_map_get_n(m, key, strlen(key), val); }

void nb_map_put(nb_map *m, const char *key, size_t val)
{
    if ((m->len + 1) * 2 > m->cap) {
        nb_map old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->hashes = nb_calloc(m->cap, sizeof *m->hashes);
        m->slots = nb_calloc(m->cap, sizeof *m->slots);
        for (size_t i = 0; i < old.cap; i++) {
            if (!old.hashes[i]) continue;
            size_t j = old.hashes[i] & (m->cap - 1);
            while (m->hashes[j]) j = (j + 1) & (m->cap - 1);
            m->hashes[j] = old.hashes[i];
            m->slots[j] = old.slots[i];
        }
        free(old.hashes);
        free(old.slots);
    }
    size_t n = strlen(key);
    uint32_t h = key_hash(key, n);
    size_t i = slot(m, key, n, h);
    if (!m->hashes[i]) {
        m->hashes[i] = h;
        m->slots[i].key = nb_strdup(key);
        key_head(key, n, m->slots[i].head);
        m->len++;
    }
    m->slots[i].val = val;
}

const char *nb_map_slot(const nb_map *m, size_t i, size_t *val)
{
    if (i >= m->cap || !m->hashes[i]) return NULL;
    if (val) *val = m->slots[i].val;
    return m->slots[i].key;
}

void nb_map_free(nb_map *m)
{
    for (size_t i = 0; i < m->cap; i++) free(m->slots[i].key);
    free(m->hashes);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

void nb_fmt_double(char out[32], double v)
{
    if (!isfinite(v)) v = 0.0;
    if (v == 0.0) v = 0.0; /* folds -0 */
    /* Fixed notation only: DOT and some GraphML readers choke on exponents. */
    snprintf(out, 32, "%.6f", v);
    if (fabs(v) >= 1e15) snprintf(out, 32, "%.0f", v);
    /* A tiny negative rounds to "-0.000000": print it as zero too. */
    if (strcmp(out, "-0.000000") == 0) strcpy(out, "0.000000");
}

bool nb_label_acronym(const char *label)
{
    size_t n = 0;
    for (const char *p = label; *p; p++, n++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) return false;
    return n >= 2;
}
