/* train_main.c - netbuild-train: trains the tagger, lemmatizer and parser
 * on a UD treebank (`make model`) and scores a model on gold CoNLL-U
 * (`make eval-parser`). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "train.h"

#define EWT_CREDIT                                                                                    \
    "data: Universal Dependencies English Web Treebank (UD_English-EWT 2.16), (c) 2013-2021 The Board of " \
    "Trustees of The Leland Stanford Junior University\n"                                              \
    "licence: CC BY-SA 4.0; this model is derived from the treebank and shared under the same licence\n"

static void usage(FILE *fp)
{
    fputs("Usage: netbuild-train [OPTIONS] -o MODEL TRAIN.conllu\n"
          "       netbuild-train --eval MODEL GOLD.conllu... [--min-upos P --min-uas P --min-las P]\n"
          "Options: --dev FILE  --tag-iters N  --parse-iters N  --parse-models N  --folds K  --seed N\n"
          "         --min-weight N  --parse-min-weight N  --min-updates N  --tag-min-updates N\n"
          "         --max-sentences N  --threads N  --features N\n"
          "         --credit TEXT\n",
          fp);
}

static uint64_t file_sum(const char *path)
{
    FILE *fp = fopen(path, "rb");
    uint64_t h = 1469598103934665603ULL;
    if (!fp) return 0;
    int c;
    while ((c = getc(fp)) != EOF) h = (h ^ (unsigned char)c) * 1099511628211ULL;
    fclose(fp);
    return h;
}

static int eval_main(int argc, char **argv)
{
    const char *model = NULL;
    double min_upos = 0, min_uas = 0, min_las = 0;
    int prune = 0;
    const char *save = NULL;
    const char *files[64];
    int nf = 0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--min-upos") && i + 1 < argc) min_upos = atof(argv[++i]);
        else if (!strcmp(argv[i], "--min-uas") && i + 1 < argc) min_uas = atof(argv[++i]);
        else if (!strcmp(argv[i], "--min-las") && i + 1 < argc) min_las = atof(argv[++i]);
        else if (!strcmp(argv[i], "--prune") && i + 1 < argc) prune = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--save") && i + 1 < argc) save = argv[++i];
        else if (!model) model = argv[i];
        else if (nf < 64) files[nf++] = argv[i];
    }
    if (!model || nf == 0) {
        usage(stderr);
        return 2;
    }
    nb_nlp m;
    char err[256];
    nb_status st = nb_nlp_load(&m, model, err, sizeof err);
    if (st != NB_OK) {
        fprintf(stderr, "netbuild-train: %s: %s\n", model, err);
        return 4;
    }
    if (prune > 0) {
        /* what a smaller model would score: weights below prune dropped */
        nb_pmodel t, p;
        nb_pmodel_prune(&m.tagger, &t, prune);
        nb_pmodel_prune(&m.parser, &p, prune);
        nb_pmodel_free(&m.tagger);
        nb_pmodel_free(&m.parser);
        m.tagger = t;
        m.parser = p;
        fprintf(stderr, "pruned below %d: tagger %zu features, parser %zu features (%zu run bytes)\n", prune,
                m.tagger.n_feats, m.parser.n_feats, m.parser.n_runs);
        if (save && nb_nlp_save(&m, save, "training: pruned copy\n") != NB_OK) return 3;
    }
    fprintf(stderr, "model %s: tagger %zu+%zu features (%zu+%zu run bytes, %zu+%zu slots), parser %zu features (%zu run bytes, %zu dense rows, %zu slots)\n",
            model, m.tagger.n_feats, m.tagger2.n_feats, m.tagger.n_runs, m.tagger2.n_runs, m.tagger.n_slots,
            m.tagger2.n_slots, m.parser.n_feats, m.parser.n_runs, m.parser.n_dense, m.parser.n_slots);
    int rc = 0;
    for (int i = 0; i < nf; i++) {
        nb_treebank tb;
        if (nb_treebank_read(&tb, files[i], err, sizeof err) != NB_OK) {
            fprintf(stderr, "netbuild-train: %s\n", err);
            rc = 3;
            continue;
        }
        nb_eval_counts c;
        nb_eval_treebank(&m, &tb, &c);
        if (getenv("NB_EVAL_DUMP")) {
            /* the analysis itself, for error studies: one line a word */
            FILE *fp = fopen(getenv("NB_EVAL_DUMP"), "w");
            size_t k = 0;
            for (size_t si = 0; fp && si < tb.n; si++, fputc('\n', fp))
                for (size_t j = 0; j < tb.s[si].n; j++, k++) {
                    const nb_uword *w = &tb.s[si].w[j];
                    fprintf(fp, "%zu\t%.*s\t%s\t%s\t%d\t%s\t%s\t%d\t%s\n", j + 1, (int)w->len, w->form,
                            m.upos[w->tag], nb_treebank_str(&tb, tb.wd[k].upos), w->head, m.labels[w->label],
                            nb_treebank_str(&tb, tb.wd[k].deprel), w->ghead, m.xpos[w->tag]);
                }
            if (fp) fclose(fp);
        }
        double sec = c.seconds;
        double w = c.words ? (double)c.words : 1;
        double upos = 100 * c.upos / w, uas = 100 * c.uas / w, las = 100 * c.las / w;
        const char *base = strrchr(files[i], '/');
        printf("%-24s words %6zu  UPOS %.2f%%  XPOS %.2f%%  lemma %.2f%%  UAS %.2f%%  LAS %.2f%%  "
               "(%.0f words/s tagged and parsed, CPU time)\n",
               base ? base + 1 : files[i], c.words, upos, 100 * c.xpos / w, 100 * c.lemma / w, uas, las,
               sec > 0 ? (double)c.words / sec : 0.0);
        if (upos < min_upos || uas < min_uas || las < min_las) {
            printf("  below the bar (UPOS >= %.1f, UAS >= %.1f, LAS >= %.1f)\n", min_upos, min_uas, min_las);
            rc = 1;
        }
        nb_treebank_free(&tb);
    }
    nb_nlp_free(&m);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "--eval")) return eval_main(argc - 2, argv + 2);
    /* make model's choices: one parser, the first feature set (the model
     * the extraction patterns were written against). --features 1
     * --parse-models 3 --min-updates 3 --parse-min-weight 40 scores higher
     * (README) */
    nb_train_opts o = {.tag_iters = 8, .parse_iters = 11, .parse_models = 1, .folds = 4, .seed = 1, .threads = 2,
                       .min_weight = 1, .min_updates = 4, .tag_min_updates = 2};
    const char *out = NULL, *train = NULL, *dev = NULL, *credit = EWT_CREDIT;
    size_t max_sent = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-o") && v) out = argv[++i];
        else if (!strcmp(a, "--dev") && v) dev = argv[++i];
        else if (!strcmp(a, "--tag-iters") && v) o.tag_iters = atoi(argv[++i]);
        else if (!strcmp(a, "--parse-iters") && v) o.parse_iters = atoi(argv[++i]);
        else if (!strcmp(a, "--parse-models") && v) o.parse_models = atoi(argv[++i]);
        else if (!strcmp(a, "--folds") && v) o.folds = atoi(argv[++i]);
        else if (!strcmp(a, "--threads") && v) o.threads = atoi(argv[++i]);
        else if (!strcmp(a, "--features") && v) o.features = atoi(argv[++i]);
        else if (!strcmp(a, "--seed") && v) o.seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--min-weight") && v) o.min_weight = atoi(argv[++i]);
        else if (!strcmp(a, "--parse-min-weight") && v) o.parse_min_weight = atoi(argv[++i]);
        else if (!strcmp(a, "--min-updates") && v) o.min_updates = (uint32_t)atoi(argv[++i]);
        else if (!strcmp(a, "--tag-min-updates") && v) o.tag_min_updates = (uint32_t)atoi(argv[++i]);
        else if (!strcmp(a, "--max-sentences") && v) max_sent = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(a, "--credit") && v) credit = argv[++i];
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] != '-' && !train) train = a;
        else {
            usage(stderr);
            return 2;
        }
    }
    if (o.features < 0 || o.features > NB_NLP_FEATURES_MAX) {
        fprintf(stderr, "netbuild-train: --features takes 0 to %d\n", NB_NLP_FEATURES_MAX);
        return 2;
    }
    if (!out || !train) {
        usage(stderr);
        return 2;
    }
    char err[256];
    nb_treebank tb, dv;
    if (nb_treebank_read(&tb, train, err, sizeof err) != NB_OK) {
        fprintf(stderr, "netbuild-train: %s\n", err);
        return 3;
    }
    if (max_sent && max_sent < tb.n) {
        size_t words = 0;
        for (size_t i = max_sent; i < tb.n; i++) nb_sent_free(&tb.s[i]);
        for (size_t i = 0; i < max_sent; i++) words += tb.s[i].n;
        tb.n = max_sent;
        tb.n_words = words;
    }
    if (dev) {
        if (nb_treebank_read(&dv, dev, err, sizeof err) != NB_OK) {
            fprintf(stderr, "netbuild-train: %s\n", err);
            nb_treebank_free(&tb);
            return 3;
        }
        o.dev = &dv;
    }
    o.log = stderr;
    nb_nlp m;
    nb_train(&m, &tb, &o);
    nb_buf prov = {0};
    const char *base = strrchr(train, '/');
    char summed[48] = "";
    if (o.parse_models > 1) snprintf(summed, sizeof summed, " x %d parsers summed", o.parse_models);
    nb_buf_printf(&prov, "training: %s (%zu sentences, %zu words, fnv1a64 %016llx); tagger %d iterations, "
                         "parser %d%s, %d folds, seed %llu, min weight %d (parser %d), min updates %u (tagger %u), "
                         "feature set %d\n%s",
                  base ? base + 1 : train, tb.n, tb.n_words, (unsigned long long)file_sum(train), o.tag_iters,
                  o.parse_iters, summed, o.folds, (unsigned long long)o.seed, o.min_weight,
                  o.parse_min_weight > o.min_weight ? o.parse_min_weight : o.min_weight, o.min_updates, o.tag_min_updates,
                  o.features, credit);
    nb_status st = nb_nlp_save(&m, out, prov.data);
    if (st != NB_OK) fprintf(stderr, "netbuild-train: cannot write %s\n", out);
    fprintf(stderr, "model: %d tag classes, %d labels, tagger %zu features, parser %zu features (%zu run bytes)\n",
            m.n_tags, m.n_labels, m.tagger.n_feats, m.parser.n_feats, m.parser.n_runs);
    nb_buf_free(&prov);
    nb_nlp_free(&m);
    nb_treebank_free(&tb);
    if (dev) nb_treebank_free(&dv);
    return st == NB_OK ? 0 : 3;
}
