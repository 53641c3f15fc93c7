#include "train.h"

#include <pthread.h>
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

/* Tag classes and labels in order of first appearance in the training data. */
static void build_tables(nb_nlp *m, const nb_treebank *tb)
{
    for (size_t k = 0; k < tb->n_words; k++) {
        const char *u = nb_treebank_str(tb, tb->wd[k].upos), *x = nb_treebank_str(tb, tb->wd[k].xpos);
        if (nb_nlp_tag(m, u, x) < 0 && m->n_tags < NB_PMAX_CLASSES) {
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
            int t = nb_nlp_tag(m, nb_treebank_str(tb, tb->wd[k].upos), nb_treebank_str(tb, tb->wd[k].xpos));
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

/* Independent jobs (one tagger or one parser each) run on a few threads:
 * each writes only its own result, and the results are combined in job
 * order afterwards, so the model is the same bytes whatever the number of
 * threads or the order the jobs finish in. */
typedef struct {
    void (*fn)(void *job);
    char *jobs;
    size_t size, n, next;
    pthread_mutex_t mu;
} job_queue;

static void *worker(void *arg)
{
    job_queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        size_t i = q->next < q->n ? q->next++ : q->n;
        pthread_mutex_unlock(&q->mu);
        if (i == q->n) return NULL;
        q->fn(q->jobs + i * q->size);
    }
}

static void run_jobs(void (*fn)(void *), void *jobs, size_t size, size_t n, int threads)
{
    job_queue q = {fn, jobs, size, n, 0, PTHREAD_MUTEX_INITIALIZER};
    pthread_t tid[16];
    int nt = threads < 1 ? 1 : threads > 16 ? 16 : threads, started = 0;
    if ((size_t)nt > n) nt = (int)n;
    for (int i = 1; i < nt; i++)
        if (pthread_create(&tid[started], NULL, worker, &q) == 0) started++;
    worker(&q); /* this thread works too; with no helper it does every job */
    for (int i = 0; i < started; i++) pthread_join(tid[i], NULL);
    pthread_mutex_destroy(&q.mu);
}

/* Trains a tagger on the sentences whose index % folds != skip (all when
 * skip < 0), with its own predictions as the tag history. */
static void train_tagger(nb_pmodel *out, int n_tags, nb_treebank *tb, int folds, int skip, int iters,
                         uint64_t seed, int32_t min_weight, uint32_t min_updates, bool second, int features)
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
                size_t nf = nb_tag_features(s, i, p1, p2, second, features, f);
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

/* One tagger to train (train_tagger's arguments and its result). */
typedef struct {
    nb_pmodel out;
    int n_tags;
    nb_treebank *tb;
    int folds, skip, iters;
    uint64_t seed;
    int32_t min_weight;
    uint32_t min_updates;
    bool second;
    int features;
} tag_job;

static void tag_job_run(void *arg)
{
    tag_job *j = arg;
    train_tagger(&j->out, j->n_tags, j->tb, j->folds, j->skip, j->iters, j->seed, j->min_weight, j->min_updates,
                 j->second, j->features);
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
            uint16_t t[2];
            if (fread(t, sizeof t, 1, fp) != 1) t[0] = t[1] = tb->s[i].w[j].gtag;
            tb->s[i].w[j].tag = t[0];
            tb->s[i].w[j].jk1 = t[1];
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
        for (size_t j = 0; j < tb->s[i].n; j++) {
            uint16_t t[2] = {tb->s[i].w[j].tag, tb->s[i].w[j].jk1};
            fwrite(t, sizeof t, 1, fp);
        }
    if (fp) fclose(fp);
}

/* The parser's cut-off for small averaged weights (its own, else the
 * tagger's). */
static int32_t parse_min_weight(const nb_train_opts *o)
{
    return o->parse_min_weight > o->min_weight ? o->parse_min_weight : o->min_weight;
}

/* Trains parser number j of o->parse_models (its own shuffles) on tb. With
 * probe (one thread: the dev sentences are not shared), scores it on dev
 * after its last iteration, or each with NB_TRAIN_EVERY. */
static nb_ptrain *train_parser(const nb_nlp *m, nb_treebank *tb, const nb_train_opts *o, int j, bool probe_dev)
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
        if (probe_dev && o->dev && o->log && (it + 1 == o->parse_iters || getenv("NB_TRAIN_EVERY"))) {
            nb_ptrain_freeze(t, &probe.parser, parse_min_weight(o), o->min_updates);
            char what[64];
            snprintf(what, sizeof what, "parser %d iteration %d", j + 1, it + 1);
            report(&probe, o->dev, o->log, what);
            nb_pmodel_free(&probe.parser);
        }
    }
    free(order);
    return t;
}

typedef struct {
    const nb_nlp *m;
    nb_treebank *tb;
    const nb_train_opts *o;
    int j;
    bool probe;
    nb_ptrain *out;
} parse_job;

static void parse_job_run(void *arg)
{
    parse_job *p = arg;
    p->out = train_parser(p->m, p->tb, p->o, p->j, p->probe);
}

void nb_train(nb_nlp *m, nb_treebank *tb, const nb_train_opts *o)
{
    memset(m, 0, sizeof *m);
    m->features = o->features;
    build_tables(m, tb);
    index_gold(m, tb);
    if (o->dev) index_gold(m, o->dev);
    for (size_t i = 0; i < tb->n; i++) nb_tag_atoms(&tb->s[i], o->features);
    learn_lemmas(m, tb);

    /* For parser experiments: NB_TRAIN_TAGS=PREFIX reuses the tagging stage
     * of an earlier run (PREFIX.nbm's taggers, PREFIX.tags's held-out tags, final and first pass)
     * instead of spending minutes to rebuild the same thing. */
    const char *cache = getenv("NB_TRAIN_TAGS");
    if (cache && reuse_tags(m, tb, cache)) goto parser;
    /* Jackknifing: each fold is tagged by passes trained on the others, so
     * the second pass and the parser learn from tags as wrong as they will
     * be at run time. */
    int folds = o->folds > 1 ? o->folds : 0;
    /* Each pass: the taggers of the folds and the one on all sentences are
     * trained at once (they only read the treebank), then each fold is
     * tagged by its own. */
    tag_job *jobs = nb_calloc((size_t)folds + 1, sizeof *jobs);
    for (int pass = 0; pass < 2; pass++) {
        bool second = pass == 1;
        if (second) /* the second pass learns from the first's held-out tags */
            for (size_t i = 0; i < tb->n; i++)
                for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].tag = tb->s[i].w[j].jk1;
        for (int k = 0; k <= folds; k++)
            jobs[k] = (tag_job){.n_tags = m->n_tags, .tb = tb, .folds = k < folds ? folds : 1, .skip = k < folds ? k : -1,
                                .iters = o->tag_iters, .seed = o->seed + (second ? 100 : 0) + (uint64_t)(k < folds ? k : 0),
                                .min_weight = o->min_weight, .min_updates = o->tag_min_updates, .second = second,
                                .features = o->features};
        run_jobs(tag_job_run, jobs, sizeof *jobs, (size_t)folds + 1, o->threads);
        for (int k = 0; k < folds; k++) {
            for (size_t i = (size_t)k; i < tb->n; i += (size_t)folds) {
                nb_tag_sentence(&jobs[k].out, &tb->s[i], second, o->features, NULL);
                for (size_t j = 0; j < tb->s[i].n; j++) {
                    if (second) tb->s[i].w[j].jk2 = tb->s[i].w[j].tag;
                    else tb->s[i].w[j].jk1 = tb->s[i].w[j].tag;
                }
            }
            nb_pmodel_free(&jobs[k].out);
        }
        if (second) m->tagger2 = jobs[folds].out;
        else m->tagger = jobs[folds].out;
        if (!folds)
            for (size_t i = 0; i < tb->n; i++)
                for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].jk1 = tb->s[i].w[j].gtag;
        if (o->log) fprintf(o->log, "%s tagging pass trained\n", second ? "second" : "first");
    }
    free(jobs);
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
    int threads = o->threads > 1 ? o->threads : 1;
    parse_job *pj = nb_calloc((size_t)models, sizeof *pj);
    for (int j = 0; j < models; j++) pj[j] = (parse_job){m, tb, o, j, threads == 1, NULL};
    run_jobs(parse_job_run, pj, sizeof *pj, (size_t)models, threads);
    nb_ptrain *t = pj[0].out;
    for (int j = 1; j < models; j++) { /* summed in order: the same bytes whichever finished first */
        nb_ptrain_add(t, pj[j].out);
        nb_ptrain_free(pj[j].out);
        if (o->dev && o->log) {
            nb_pmodel_free(&m->parser);
            nb_ptrain_freeze(t, &m->parser, parse_min_weight(o), o->min_updates);
            char what[64];
            snprintf(what, sizeof what, "%d parsers", j + 1);
            report(m, o->dev, o->log, what);
        }
    }
    free(pj);
    if (getenv("NB_TRAIN_SWEEP") && o->dev && o->log) {
        /* how much the rare features are worth: score several cut-offs */
        for (uint32_t k = 1; k <= 8; k *= 2) {
            nb_pmodel_free(&m->parser);
            nb_ptrain_freeze(t, &m->parser, parse_min_weight(o), k);
            char what[64];
            snprintf(what, sizeof what, "min updates %u, %zu features, %zu words", k, m->parser.n_feats,
                     m->parser.n_runs);
            report(m, o->dev, o->log, what);
        }
    }
    const char *grid = getenv("NB_TRAIN_GRID"), *gout = getenv("NB_TRAIN_GRID_OUT");
    for (const char *g = grid; g && gout && *g;) {
        /* for choosing the cut-offs on dev: NB_TRAIN_GRID="U:W,U:W" writes
         * the model frozen with min updates U and min weight W to
         * NB_TRAIN_GRID_OUT.uU.wW.nbm (not a make model step) */
        unsigned u = 0;
        int w = 0, used = 0;
        if (sscanf(g, "%u:%d%n", &u, &w, &used) != 2) break;
        g += used + (g[used] == ',');
        nb_pmodel_free(&m->parser);
        nb_ptrain_freeze(t, &m->parser, w, u);
        char path[512];
        snprintf(path, sizeof path, "%s.u%u.w%d.nbm", gout, u, w);
        nb_nlp_save(m, path, "training: grid\n");
        if (o->log) fprintf(o->log, "grid: %s, parser %zu features, %zu run bytes\n", path, m->parser.n_feats, m->parser.n_runs);
    }
    nb_pmodel_free(&m->parser);
    nb_ptrain_freeze(t, &m->parser, parse_min_weight(o), o->min_updates);
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
