/* nlp.c - the model file and the analysis of one sentence. The file is a
 * text header (magic, version, provenance, licence, payload size and
 * checksum, then an empty line) followed by a little-endian binary payload,
 * so that `head` tells a user what a model is, and every field is checked
 * before it is trusted. */
#include "nlp.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lemma.h"
#include "parser.h"
#include "sink.h"

void nb_sent_clear(nb_sent *s)
{
    s->n = 0;
    nb_buf_clear(&s->lemmas);
}

void nb_sent_free(nb_sent *s)
{
    free(s->w);
    nb_buf_free(&s->lemmas);
    memset(s, 0, sizeof *s);
}

nb_uword *nb_sent_add(nb_sent *s, const char *form, uint32_t start, uint32_t len)
{
    nb_grow(&s->w, &s->cap, s->n + 1, sizeof *s->w);
    nb_uword *w = &s->w[s->n++];
    memset(w, 0, sizeof *w);
    w->form = form;
    w->start = start;
    w->len = len;
    w->head = -1;
    w->space_after = true;
    return w;
}

int nb_nlp_label(const nb_nlp *m, const char *name)
{
    for (int i = 0; i < m->n_labels; i++)
        if (!strcmp(m->labels[i], name)) return i;
    return -1;
}

int nb_nlp_tag(const nb_nlp *m, const char *upos, const char *xpos)
{
    for (int i = 0; i < m->n_tags; i++)
        if (!strcmp(m->upos[i], upos) && !strcmp(m->xpos[i], xpos)) return i;
    return -1;
}

void nb_nlp_analyze(const nb_nlp *m, nb_sent *s, bool parse)
{
    nb_tag_atoms(s, m->features);
    nb_tag_sentence(&m->tagger, s, false, m->features, m);
    for (size_t i = 0; i < s->n; i++) s->w[i].jk1 = s->w[i].tag; /* the parser reads the first pass's tags too */
    nb_tag_sentence(&m->tagger2, s, true, m->features, m);
    nb_lemmatize(m, s);
    if (parse) {
        nb_parse_sentence(m, s);
    } else {
        for (size_t i = 0; i < s->n; i++) s->w[i].head = -1;
    }
}

void nb_nlp_free(nb_nlp *m)
{
    for (int i = 0; i < m->n_tags; i++) {
        free(m->upos[i]);
        free(m->xpos[i]);
    }
    free(m->upos);
    free(m->xpos);
    free(m->finite);
    free(m->closed);
    for (int i = 0; i < m->n_labels; i++) free(m->labels[i]);
    free(m->labels);
    nb_pmodel_free(&m->tagger);
    nb_pmodel_free(&m->tagger2);
    nb_pmodel_free(&m->parser);
    nb_lemmas_free(&m->lem);
    free(m->header);
    if (m->mapped) munmap(m->map, m->map_len);
    else free(m->map);
    memset(m, 0, sizeof *m);
}

/* A checksum against damage, not an attacker: eight bytes at a time, so a
 * 20 MB model is checked in milliseconds. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--) w = w << 8 | p[i + (size_t)k];
        h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    for (; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

/* ---- writing ---- */

static void put_u32(nb_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    nb_buf_put(b, (const char *)c, 4);
}

static void put_u64(nb_buf *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

static void put_str(nb_buf *b, const char *s)
{
    size_t n = strlen(s);
    put_u32(b, (uint32_t)n);
    nb_buf_put(b, s, n);
}

static void pad8(nb_buf *b)
{
    while (b->len % 8) nb_buf_putc(b, '\0');
}

static void pad64(nb_buf *b)
{
    while (b->len % 64) nb_buf_putc(b, '\0');
}

static void put_u16(nb_buf *b, uint16_t v)
{
    unsigned char c[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
    nb_buf_put(b, (const char *)c, 2);
}

/* The tables as they are in memory: slots (on a cache line, as the payload
 * is in the file), runs, then dense rows, each 8-byte aligned. */
static void put_pmodel(nb_buf *b, const nb_pmodel *m)
{
    pad8(b);
    put_u32(b, (uint32_t)m->n_classes);
    put_u32(b, 0);
    put_u64(b, m->n_slots);
    put_u64(b, m->n_runs);
    put_u64(b, m->n_feats);
    put_u64(b, m->n_dense);
    pad64(b);
    for (size_t i = 0; i < m->n_slots; i++) {
        put_u32(b, m->slots[i].fp);
        put_u32(b, m->slots[i].off);
    }
    /* runs are bytes (their weights little-endian): written as they lie */
    nb_buf_put(b, (const char *)m->runs, m->n_runs);
    pad8(b);
    size_t nd = m->n_dense * nb_pstride(m->n_classes);
    for (size_t i = 0; i < nd; i++) put_u16(b, (uint16_t)m->dense[i]);
    pad8(b);
}

/* nb_map keys in sorted order, so the file does not depend on hash layout. */
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static const char **sorted_keys(const nb_map *m, size_t *n)
{
    const char **k = nb_malloc((m->len ? m->len : 1) * sizeof *k);
    size_t j = 0;
    for (size_t i = 0; i < m->cap; i++) {
        const char *key = nb_map_slot(m, i, NULL);
        if (key) k[j++] = key;
    }
    qsort(k, j, sizeof *k, cmp_str);
    *n = j;
    return k;
}

static void put_map(nb_buf *b, const nb_map *m, char **vals)
{
    size_t n;
    const char **k = sorted_keys(m, &n);
    put_u32(b, (uint32_t)n);
    for (size_t i = 0; i < n; i++) {
        size_t v = 0;
        nb_map_get(m, k[i], &v);
        put_str(b, k[i]);
        if (vals) put_str(b, vals[v]);
        else put_u32(b, (uint32_t)v);
    }
    free(k);
}

nb_status nb_nlp_save(const nb_nlp *m, const char *path, const char *provenance)
{
    nb_buf pay = {0}, out = {0};
    put_u32(&pay, (uint32_t)m->features);
    put_u32(&pay, (uint32_t)m->n_tags);
    for (int i = 0; i < m->n_tags; i++) {
        put_str(&pay, m->upos[i]);
        put_str(&pay, m->xpos[i]);
    }
    put_u32(&pay, (uint32_t)m->n_labels);
    for (int i = 0; i < m->n_labels; i++) put_str(&pay, m->labels[i]);
    put_map(&pay, &m->lem.exact, m->lem.lemma);
    put_u32(&pay, (uint32_t)m->lem.n_add);
    for (size_t i = 0; i < m->lem.n_add; i++) put_str(&pay, m->lem.add[i]);
    put_map(&pay, &m->lem.rules, NULL);
    put_map(&pay, &m->lem.known, NULL);
    put_pmodel(&pay, &m->tagger);
    put_pmodel(&pay, &m->tagger2);
    put_pmodel(&pay, &m->parser);
    nb_buf_printf(&out, "%s %d\n%s", NB_NLP_MAGIC, NB_NLP_VERSION, provenance);
    nb_buf_printf(&out, "payload: %zu bytes, checksum %016llx", pay.len,
                  (unsigned long long)checksum((const unsigned char *)pay.data, pay.len));
    /* spaces so that the payload starts on a cache line in the mapped file:
     * the tables in it are used in place */
    while ((out.len + 2) % 64) nb_buf_putc(&out, ' ');
    nb_buf_puts(&out, "\n\n");
    nb_buf_put(&out, pay.data, pay.len);
    nb_sink sk;
    nb_status st = nb_sink_open(&sk, path);
    if (st == NB_OK) {
        nb_sink_write(&sk, out.data, out.len);
        st = nb_sink_close(&sk);
    }
    nb_buf_free(&pay);
    nb_buf_free(&out);
    return st;
}

/* ---- reading: every count and length is checked against what is left ---- */

typedef struct {
    const unsigned char *p, *end;
    bool bad;
} rd;

static uint32_t get_u32(rd *r)
{
    if (r->bad || r->end - r->p < 4) {
        r->bad = true;
        return 0;
    }
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

static uint64_t get_u64(rd *r)
{
    uint64_t lo = get_u32(r);
    return lo | (uint64_t)get_u32(r) << 32;
}

/* A count of items at least min_size bytes each must fit in what is left. */
static uint32_t get_count(rd *r, size_t min_size)
{
    uint32_t n = get_u32(r);
    if (!r->bad && (size_t)(r->end - r->p) / (min_size ? min_size : 1) < n) r->bad = true;
    return r->bad ? 0 : n;
}

static char *get_str(rd *r)
{
    uint32_t n = get_count(r, 1);
    if (r->bad || memchr(r->p, '\0', n)) {
        r->bad = true;
        return nb_strdup("");
    }
    char *s = nb_strndup((const char *)r->p, n);
    r->p += n;
    return s;
}

static void skip_to(rd *r, const unsigned char *base, size_t align)
{
    while (!r->bad && (size_t)(r->p - base) % align) {
        if (r->p >= r->end || *r->p) r->bad = true;
        else r->p++;
    }
}

/* Points m into the payload; nothing is copied. */
static void get_pmodel(rd *r, const unsigned char *base, nb_pmodel *m)
{
    skip_to(r, base, 8);
    uint32_t nc = get_u32(r);
    get_u32(r);
    uint64_t cap = get_u64(r), nr = get_u64(r), nf = get_u64(r), nd = get_u64(r);
    skip_to(r, base, 64);
    uint64_t left = (uint64_t)(r->end - r->p);
    if (r->bad || nc == 0 || nc > NB_PMAX_CLASSES || cap < 2 || cap > UINT32_MAX || nf >= cap ||
        cap > left / 8 || nr > left - cap * 8 || nr >= NB_PINLINE || nd >= NB_PDENSE) {
        r->bad = true;
        return;
    }
    m->n_classes = (int)nc;
    m->n_slots = (size_t)cap;
    m->slots = (const nb_pslot *)(const void *)r->p;
    r->p += cap * 8;
    m->runs = r->p;
    r->p += nr;
    m->n_runs = (size_t)nr;
    m->n_feats = (size_t)nf;
    skip_to(r, base, 8);
    uint64_t stride = nb_pstride((int)nc);
    if (r->bad || nd > (uint64_t)(r->end - r->p) / (stride * 2)) {
        r->bad = true;
        return;
    }
    m->dense = (const int16_t *)(const void *)r->p;
    m->n_dense = (size_t)nd;
    r->p += nd * stride * 2;
    skip_to(r, base, 8);
    if (!nb_pmodel_valid(m)) r->bad = true;
    else nb_pmodel_index(m);
}

static void get_map(rd *r, nb_map *m, char ***vals, size_t *n_vals)
{
    uint32_t n = get_count(r, vals ? 8 : 8);
    if (vals) *vals = nb_calloc(n ? n : 1, sizeof **vals);
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        char *k = get_str(r);
        size_t dummy;
        if (nb_map_get(m, k, &dummy)) r->bad = true;
        if (vals) {
            (*vals)[i] = get_str(r);
            (*n_vals)++;
            nb_map_put(m, k, i);
        } else {
            nb_map_put(m, k, get_u32(r));
        }
        free(k);
    }
}

static nb_status parse(nb_nlp *m, const unsigned char *data, size_t n, char *err, size_t errlen)
{
    /* header: text lines up to an empty line */
    const unsigned char *end = data + n, *p = data;
    const unsigned char *blank = NULL;
    for (const unsigned char *q = data; q + 1 < end && q < data + 65536; q++)
        if (q[0] == '\n' && q[1] == '\n') {
            blank = q;
            break;
        }
    char magic[64];
    snprintf(magic, sizeof magic, "%s ", NB_NLP_MAGIC);
    if (n < strlen(magic) || memcmp(data, magic, strlen(magic)) != 0) {
        snprintf(err, errlen, "not a netbuild model (no '%s' header)", NB_NLP_MAGIC);
        return NB_ERR_INPUT;
    }
    /* the bytes are not NUL-terminated: read the version from a copy */
    char vbuf[16] = {0};
    size_t vl = n - strlen(magic) < sizeof vbuf - 1 ? n - strlen(magic) : sizeof vbuf - 1;
    memcpy(vbuf, data + strlen(magic), vl);
    int version = atoi(vbuf);
    if (version != NB_NLP_VERSION) {
        snprintf(err, errlen, "model version %d, this netbuild reads version %d", version, NB_NLP_VERSION);
        return NB_ERR_INPUT;
    }
    if (!blank) {
        snprintf(err, errlen, "model header has no end");
        return NB_ERR_INPUT;
    }
    m->header = nb_strndup((const char *)data, (size_t)(blank - data) + 1);
    const char *pl = strstr(m->header, "\npayload: ");
    unsigned long long size = 0, sum = 0;
    if (!pl || sscanf(pl, "\npayload: %llu bytes, checksum %llx", &size, &sum) != 2) {
        snprintf(err, errlen, "model header has no payload line");
        return NB_ERR_INPUT;
    }
    p = blank + 2;
    /* the tables are used in place: the header pads the payload to 8 bytes */
    if ((uintptr_t)p % 8 != 0) {
        snprintf(err, errlen, "model is malformed (payload not 8-byte aligned: the header was edited)");
        return NB_ERR_INPUT;
    }
    if ((unsigned long long)(end - p) != size) {
        snprintf(err, errlen, "model is %s: payload of %zu bytes, header says %llu",
                 (unsigned long long)(end - p) < size ? "truncated" : "too long", (size_t)(end - p), size);
        return NB_ERR_INPUT;
    }
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    /* (fuzz builds skip it, so that mutations reach the tables) */
    if (checksum(p, (size_t)(end - p)) != sum) {
        snprintf(err, errlen, "model is corrupt (checksum mismatch)");
        return NB_ERR_INPUT;
    }
#else
    (void)sum;
#endif
    rd r = {p, end, false};
    uint32_t features = get_u32(&r);
    if (features > NB_NLP_FEATURES_MAX) r.bad = true;
    m->features = (int)features;
    m->n_tags = (int)get_count(&r, 8);
    if (m->n_tags <= 0 || m->n_tags > NB_PMAX_CLASSES) r.bad = true;
    if (!r.bad) {
        m->upos = nb_calloc((size_t)m->n_tags, sizeof *m->upos);
        m->xpos = nb_calloc((size_t)m->n_tags, sizeof *m->xpos);
        m->finite = nb_calloc((size_t)m->n_tags, sizeof *m->finite);
        m->closed = nb_calloc((size_t)m->n_tags, sizeof *m->closed);
        for (int i = 0; i < m->n_tags; i++) {
            m->upos[i] = get_str(&r);
            m->xpos[i] = get_str(&r);
            /* (in EWT train, 30 of 13,356 words after an article, mostly typos) */
            static const char *const FIN[] = {"VB", "VBP", "VBZ", "VBD", "MD"};
            for (size_t k = 0; k < sizeof FIN / sizeof *FIN; k++)
                if (m->xpos[i] && !strcmp(m->xpos[i], FIN[k])) m->finite[i] = 1;
            if (m->xpos[i] && !strcmp(m->xpos[i], "VBN")) m->finite[i] = 2;
            static const char *const CLOSED[] = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"};
            for (size_t k = 0; k < sizeof CLOSED / sizeof *CLOSED; k++)
                if (m->upos[i] && !strcmp(m->upos[i], CLOSED[k])) m->closed[i] = 1;
        }
    } else {
        m->n_tags = 0;
    }
    int nl = (int)get_count(&r, 4);
    if (nl <= 0 || nl > 63) r.bad = true;
    if (!r.bad) {
        m->n_labels = nl;
        m->labels = nb_calloc((size_t)nl, sizeof *m->labels);
        for (int i = 0; i < nl; i++) m->labels[i] = get_str(&r);
    }
    get_map(&r, &m->lem.exact, &m->lem.lemma, &m->lem.n_lemma);
    uint32_t na = get_count(&r, 4);
    m->lem.add = nb_calloc(na ? na : 1, sizeof *m->lem.add);
    for (uint32_t i = 0; i < na && !r.bad; i++) m->lem.add[m->lem.n_add++] = get_str(&r);
    get_map(&r, &m->lem.rules, NULL, NULL);
    get_map(&r, &m->lem.known, NULL, NULL);
    get_pmodel(&r, p, &m->tagger);
    get_pmodel(&r, p, &m->tagger2);
    get_pmodel(&r, p, &m->parser);
    if (!r.bad && r.p != r.end) r.bad = true;
    if (!r.bad) {
        m->root_label = nb_nlp_label(m, "root");
        m->punct_label = nb_nlp_label(m, "punct");
        if (m->root_label < 0 || m->tagger.n_classes != m->n_tags || m->tagger2.n_classes != m->n_tags ||
            m->parser.n_classes != nb_parse_classes(m->n_labels))
            r.bad = true;
    }
    if (r.bad) {
        snprintf(err, errlen, "model is malformed (inconsistent tables)");
        return NB_ERR_INPUT;
    }
    return NB_OK;
}

nb_status nb_nlp_load_mem(nb_nlp *m, const unsigned char *data, size_t n, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    /* a private copy, on a cache line like a mapped file, outliving data */
    m->map = nb_zalloc64(n);
    memcpy(m->map, data, n);
    m->map_len = n;
    nb_status st = parse(m, m->map, n, err, errlen);
    if (st != NB_OK) nb_nlp_free(m);
    return st;
}

nb_status nb_nlp_load(nb_nlp *m, const char *path, char *err, size_t errlen)
{
    memset(m, 0, sizeof *m);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        if (fd >= 0) close(fd);
        return NB_ERR_IO;
    }
    if (!S_ISREG(sb.st_mode) || sb.st_size <= 0) {
        close(fd);
        snprintf(err, errlen, S_ISREG(sb.st_mode) ? "empty file" : "not a regular file");
        return NB_ERR_INPUT;
    }
    size_t size = (size_t)sb.st_size, cap = size;
    void *map = MAP_FAILED;
    int e = 0;
#ifdef MADV_HUGEPAGE
    /* Scoring looks up features all over tables of megabytes: with 4 KB
     * pages nearly every lookup also misses the TLB. The file is read into
     * memory that asks for 2 MB pages instead (a few milliseconds), where
     * the kernel gives them; else it is mapped as it is, below. */
    const size_t huge = 2u << 20;
    cap = (size + huge - 1) & ~(huge - 1);
    char *raw = mmap(NULL, cap + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw != MAP_FAILED) {
        /* only whole 2 MB-aligned ranges get large pages: trim to one */
        char *at = (char *)(((uintptr_t)raw + huge - 1) & ~(uintptr_t)(huge - 1));
        if (at > raw) munmap(raw, (size_t)(at - raw));
        if (at + cap < raw + cap + huge) munmap(at + cap, (size_t)(raw + cap + huge - (at + cap)));
        map = at;
        madvise(map, cap, MADV_HUGEPAGE);
        size_t got = 0;
        ssize_t k = 1;
        while (got < size && (k = read(fd, (char *)map + got, size - got)) > 0) got += (size_t)k;
        e = errno;
        if (got < size) {
            munmap(map, cap);
            close(fd);
            snprintf(err, errlen, "%s", k < 0 ? strerror(e) : "file shrank while read");
            return k < 0 ? NB_ERR_IO : NB_ERR_INPUT;
        }
    }
#endif
    if (map == MAP_FAILED) {
        /* mapped read-only: the tables are used in place and shared by
         * every netbuild running on the machine */
        cap = size;
        map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        e = errno;
    }
    close(fd);
    if (map == MAP_FAILED) {
        snprintf(err, errlen, "%s", strerror(e));
        return NB_ERR_IO;
    }
    m->map = map;
    m->map_len = cap;
    m->mapped = true;
    nb_status st = parse(m, map, size, err, errlen);
    if (st != NB_OK) nb_nlp_free(m);
    return st;
}
