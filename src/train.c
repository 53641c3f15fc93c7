#include "train.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lemma.h"
#include "parser.h"

static int find_or_add(char ***names, int *n, const char *name)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp((*names)[i], name)) return i;
    *names = nb_realloc(*names, (size_t)(*n + 1) * sizeof **names);
    (*names)[*n] = nb_strdup(name);
    return (*n)++;
}

static int find_tag(const nb_nlp *m, const char *u, const char *x)
{
    for (int i = 0; i < m->n_tags; i++)
        if (!strcmp(m->upos[i], u) && !strcmp(m->xpos[i], x)) return i;
    return -1;
}

/* Tag classes and labels in order of first appearance in the training data. */
static void build_tables(nb_nlp *m, const nb_treebank *tb)
{
    for (size_t k = 0; k < tb->n_words; k++) {
        const char *u = nb_treebank_str(tb, tb->wd[k].upos), *x = nb_treebank_str(tb, tb->wd[k].xpos);
        if (find_tag(m, u, x) < 0 && m->n_tags < NB_PMAX_CLASSES) {
            m->upos = nb_realloc(m->upos, (size_t)(m->n_tags + 1) * sizeof *m->upos);
            m->xpos = nb_realloc(m->xpos, (size_t)(m->n_tags + 1) * sizeof *m->xpos);
            m->upos[m->n_tags] = nb_strdup(u);
            m->xpos[m->n_tags] = nb_strdup(x);
            m->n_tags++;
        }
        if (m->n_labels < 63) find_or_add(&m->labels, &m->n_labels, nb_treebank_str(tb, tb->wd[k].deprel));
    }
    m->root_label = find_or_add(&m->labels, &m->n_labels, "root");
    m->punct_label = find_or_add(&m->labels, &m->n_labels, "punct");
}

/* Gold tag and label ids of every word (0xFFFF when the tables lack them). */
static void index_gold(const nb_nlp *m, nb_treebank *tb)
{
    size_t k = 0;
    for (size_t i = 0; i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++, k++) {
            nb_uword *w = &tb->s[i].w[j];
            int t = find_tag(m, nb_treebank_str(tb, tb->wd[k].upos), nb_treebank_str(tb, tb->wd[k].xpos));
            int l = nb_nlp_label(m, nb_treebank_str(tb, tb->wd[k].deprel));
            w->gtag = (uint16_t)(t < 0 ? 0xFFFF : t);
            w->glabel = (uint16_t)(l < 0 ? 0xFFFF : l);
            if (w->ghead > (int32_t)tb->s[i].n) w->ghead = 0;
        }
}

static uint64_t rnd(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    return nb_fmix(z);
}

static void shuffle(size_t *a, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rnd(rng) % i);
        size_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* Trains a tagger on the sentences whose index % folds != skip (all when
 * skip < 0), with its own predictions as the tag history. */
static void train_tagger(nb_pmodel *out, int n_tags, nb_treebank *tb, int folds, int skip, int iters,
                         uint64_t seed, int32_t min_weight, uint32_t min_updates, bool second)
{
    nb_ptrain *t = nb_ptrain_new(n_tags);
    size_t *order = nb_malloc((tb->n ? tb->n : 1) * sizeof *order), n = 0;
    for (size_t i = 0; i < tb->n; i++)
        if (skip < 0 || (int)(i % (size_t)folds) != skip) order[n++] = i;
    uint64_t rng = seed;
    uint64_t f[NB_TAG_MAX_FEATS];
    int32_t sc[NB_PMAX_CLASSES];
    for (int it = 0; it < iters; it++) {
        shuffle(order, n, &rng);
        for (size_t k = 0; k < n; k++) {
            nb_sent *s = &tb->s[order[k]];
            int p1 = -1, p2 = -1;
            for (size_t i = 0; i < s->n; i++) {
                size_t nf = nb_tag_features(s, i, p1, p2, second, f);
                memset(sc, 0, (size_t)n_tags * sizeof *sc);
                nb_ptrain_score(t, f, nf, sc);
                int guess = 0;
                for (int c = 1; c < n_tags; c++)
                    if (sc[c] > sc[guess]) guess = c;
                int truth = s->w[i].gtag < n_tags ? s->w[i].gtag : guess;
                nb_ptrain_update(t, f, nf, truth, guess);
                nb_ptrain_tick(t);
                p2 = p1;
                p1 = guess;
            }
        }
    }
    nb_ptrain_freeze(t, out, min_weight, min_updates);
    nb_ptrain_free(t);
    free(order);
}

static void learn_lemmas(nb_nlp *m, const nb_treebank *tb)
{
    size_t n = tb->n_words;
    const char **u = nb_malloc((n ? n : 1) * sizeof *u), **x = nb_malloc((n ? n : 1) * sizeof *x);
    const char **f = nb_malloc((n ? n : 1) * sizeof *f), **l = nb_malloc((n ? n : 1) * sizeof *l);
    for (size_t k = 0; k < n; k++) {
        u[k] = nb_treebank_str(tb, tb->wd[k].upos);
        x[k] = nb_treebank_str(tb, tb->wd[k].xpos);
        f[k] = nb_treebank_str(tb, tb->wd[k].form);
        l[k] = nb_treebank_str(tb, tb->wd[k].lemma);
    }
    nb_lemmas_learn(&m->lem, u, x, f, l, n);
    free(u);
    free(x);
    free(f);
    free(l);
}

static void report(const nb_nlp *m, nb_treebank *dev, FILE *log, const char *what)
{
    if (!dev || !log) return;
    nb_eval_counts c;
    nb_eval_treebank(m, dev, &c);
    double w = c.words ? (double)c.words : 1;
    fprintf(log, "%s: dev UPOS %.2f%% XPOS %.2f%% lemma %.2f%% UAS %.2f%% LAS %.2f%%\n", what,
            100 * c.upos / w, 100 * c.xpos / w, 100 * c.lemma / w, 100 * c.uas / w, 100 * c.las / w);
    fflush(log);
}

/* NB_TRAIN_TAGS (below): the tagging stage of an earlier run, or false. */
static bool reuse_tags(nb_nlp *m, nb_treebank *tb, const char *prefix)
{
    char path[512], err[256];
    snprintf(path, sizeof path, "%s.tags", prefix);
    FILE *fp = fopen(path, "rb");
    if (!fp) return false;
    for (size_t i = 0; i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++) {
            uint16_t t;
            if (fread(&t, sizeof t, 1, fp) != 1) t = tb->s[i].w[j].gtag;
            tb->s[i].w[j].tag = t;
        }
    fclose(fp);
    static nb_nlp old; /* its mapping stays alive: the taggers point into it */
    snprintf(path, sizeof path, "%s.nbm", prefix);
    if (nb_nlp_load(&old, path, err, sizeof err) != NB_OK) return false;
    m->tagger = old.tagger;
    m->tagger2 = old.tagger2;
    memset(&old.tagger, 0, sizeof old.tagger);
    memset(&old.tagger2, 0, sizeof old.tagger2);
    return true;
}

static void save_tags(const nb_treebank *tb, const char *prefix)
{
    char path[512];
    snprintf(path, sizeof path, "%s.tags", prefix);
    FILE *fp = fopen(path, "wb");
    for (size_t i = 0; fp && i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++) fwrite(&tb->s[i].w[j].tag, sizeof(uint16_t), 1, fp);
    if (fp) fclose(fp);
}

/* Trains parser number j of o->parse_models (its own shuffles) on tb. */
static nb_ptrain *train_parser(const nb_nlp *m, nb_treebank *tb, const nb_train_opts *o, int j)
{
    nb_ptrain *t = nb_ptrain_new(nb_parse_classes(m->n_labels));
    size_t *order = nb_malloc((tb->n ? tb->n : 1) * sizeof *order);
    for (size_t i = 0; i < tb->n; i++) order[i] = i;
    uint64_t rng = (o->seed ^ 0x5eed) + 7919 * (uint64_t)j;
    nb_nlp probe = *m; /* scored on dev with the weights so far */
    memset(&probe.parser, 0, sizeof probe.parser);
    for (int it = 0; it < o->parse_iters; it++) {
        shuffle(order, tb->n, &rng);
        size_t upd = 0;
        for (size_t k = 0; k < tb->n; k++) upd += nb_parse_train(t, m, &tb->s[order[k]], it > 0, &rng);
        if (o->log) fprintf(o->log, "parser %d iteration %d: %zu updates\n", j + 1, it + 1, upd);
        if (o->dev && o->log && (it + 1 == o->parse_iters || getenv("NB_TRAIN_EVERY"))) {
            nb_ptrain_freeze(t, &probe.parser, o->min_weight, o->min_updates);
            char what[64];
            snprintf(what, sizeof what, "parser %d iteration %d", j + 1, it + 1);
            report(&probe, o->dev, o->log, what);
            nb_pmodel_free(&probe.parser);
        }
    }
    free(order);
    return t;
}

void nb_train(nb_nlp *m, nb_treebank *tb, const nb_train_opts *o)
{
    memset(m, 0, sizeof *m);
    build_tables(m, tb);
    index_gold(m, tb);
    if (o->dev) index_gold(m, o->dev);
    for (size_t i = 0; i < tb->n; i++) nb_tag_atoms(&tb->s[i]);
    learn_lemmas(m, tb);

    /* For parser experiments: NB_TRAIN_TAGS=PREFIX reuses the tagging stage
     * of an earlier run (PREFIX.nbm's taggers, PREFIX.tags's held-out tags)
     * instead of spending minutes to rebuild the same thing. */
    const char *cache = getenv("NB_TRAIN_TAGS");
    if (cache && reuse_tags(m, tb, cache)) goto parser;
    /* Jackknifing: each fold is tagged by passes trained on the others, so
     * the second pass and the parser learn from tags as wrong as they will
     * be at run time. */
    int folds = o->folds > 1 ? o->folds : 0;
    for (int k = 0; k < folds; k++) {
        nb_pmodel tg;
        train_tagger(&tg, m->n_tags, tb, folds, k, o->tag_iters, o->seed + (uint64_t)k, o->min_weight, o->tag_min_updates, false);
        for (size_t i = (size_t)k; i < tb->n; i += (size_t)folds) {
            nb_tag_sentence(&tg, &tb->s[i], false);
            for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].jk1 = tb->s[i].w[j].tag;
        }
        nb_pmodel_free(&tg);
    }
    if (!folds)
        for (size_t i = 0; i < tb->n; i++)
            for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].jk1 = tb->s[i].w[j].gtag;
    train_tagger(&m->tagger, m->n_tags, tb, 1, -1, o->tag_iters, o->seed, o->min_weight, o->tag_min_updates, false);
    if (o->log) fprintf(o->log, "first tagging pass trained\n");
    for (int k = 0; k < folds; k++) {
        for (size_t i = 0; i < tb->n; i++)
            for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].tag = tb->s[i].w[j].jk1;
        nb_pmodel tg;
        train_tagger(&tg, m->n_tags, tb, folds, k, o->tag_iters, o->seed + 100 + (uint64_t)k, o->min_weight, o->tag_min_updates, true);
        for (size_t i = (size_t)k; i < tb->n; i += (size_t)folds) {
            nb_tag_sentence(&tg, &tb->s[i], true);
            for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].jk2 = tb->s[i].w[j].tag;
        }
        nb_pmodel_free(&tg);
    }
    for (size_t i = 0; i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].tag = tb->s[i].w[j].jk1;
    train_tagger(&m->tagger2, m->n_tags, tb, 1, -1, o->tag_iters, o->seed + 100, o->min_weight, o->tag_min_updates, true);
    for (size_t i = 0; i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++)
            tb->s[i].w[j].tag = folds ? tb->s[i].w[j].jk2 : tb->s[i].w[j].gtag;
    if (cache) save_tags(tb, cache);
parser:
    report(m, o->dev, o->log, "tagger");

    for (size_t i = 0; i < tb->n; i++) nb_projectivize(&tb->s[i]);
    /* Several parsers, each on its own order of the sentences (so its own
     * explored states), summed: a sum of linear models scores as the mean
     * of their scores, an ensemble at the size and speed of one model. */
    int models = o->parse_models > 1 ? o->parse_models : 1;
    nb_ptrain *t = train_parser(m, tb, o, 0);
    for (int j = 1; j < models; j++) {
        nb_ptrain *one = train_parser(m, tb, o, j);
        nb_ptrain_add(t, one);
        nb_ptrain_free(one);
        if (o->dev && o->log) {
            nb_pmodel_free(&m->parser);
            nb_ptrain_freeze(t, &m->parser, o->min_weight, o->min_updates);
            char what[64];
            snprintf(what, sizeof what, "%d parsers", j + 1);
            report(m, o->dev, o->log, what);
        }
    }
    if (getenv("NB_TRAIN_SWEEP") && o->dev && o->log) {
        /* how much the rare features are worth: score several cut-offs */
        for (uint32_t k = 1; k <= 8; k *= 2) {
            nb_pmodel_free(&m->parser);
            nb_ptrain_freeze(t, &m->parser, o->min_weight, k);
            char what[64];
            snprintf(what, sizeof what, "min updates %u, %zu features, %zu words", k, m->parser.n_feats,
                     m->parser.n_runs);
            report(m, o->dev, o->log, what);
        }
    }
    nb_pmodel_free(&m->parser);
    nb_ptrain_freeze(t, &m->parser, o->min_weight, o->min_updates);
    nb_ptrain_free(t);
}

static const char *universal(const char *rel, size_t *n)
{
    const char *c = strchr(rel, ':');
    *n = c ? (size_t)(c - rel) : strlen(rel);
    return rel;
}

void nb_eval_treebank(const nb_nlp *m, nb_treebank *tb, nb_eval_counts *c)
{
    memset(c, 0, sizeof *c);
    /* all sentences first, so that the clock sees tagging and parsing only */
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (size_t i = 0; i < tb->n; i++) nb_nlp_analyze(m, &tb->s[i], true);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    c->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    size_t k = 0;
    for (size_t i = 0; i < tb->n; i++) {
        nb_sent *s = &tb->s[i];
        for (size_t j = 0; j < s->n; j++, k++) {
            const nb_uword *w = &s->w[j];
            c->words++;
            c->upos += !strcmp(m->upos[w->tag], nb_treebank_str(tb, tb->wd[k].upos));
            c->xpos += !strcmp(m->xpos[w->tag], nb_treebank_str(tb, tb->wd[k].xpos));
            c->lemma += !strcmp(nb_sent_lemma(s, j), nb_treebank_str(tb, tb->wd[k].lemma));
            if (w->head == w->ghead) {
                c->uas++;
                size_t a, b;
                const char *p = universal(m->labels[w->label], &a);
                const char *g = universal(nb_treebank_str(tb, tb->wd[k].deprel), &b);
                c->las += a == b && !memcmp(p, g, a);
            }
        }
    }
}
