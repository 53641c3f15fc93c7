/* train.h - training the model of nlp.h from UD treebanks, and scoring a
 * model against one: tag and label tables, a jackknifed tagger, lemma tables
 * and the parser. Everything is integer and seeded: the same treebank and
 * options give a byte-identical model. The model filled by nb_train is the
 * caller's (nb_nlp_free). */
#ifndef NB_TRAIN_H
#define NB_TRAIN_H

#include <stdio.h>

#include "conllu.h"
#include "nlp.h"

typedef struct {
    int tag_iters, parse_iters;
    int parse_models;       /* parsers trained apart and summed (0 or 1: one) */
    int folds;              /* jackknife folds for the parser's training tags (0: gold tags) */
    uint64_t seed;
    int features;           /* the feature set (nlp.h's NB_NLP_FEATURES_MAX) */
    int threads;            /* taggers and parsers trained at once (0 or 1: one at a time); same bytes */
    int32_t min_weight;     /* averaged weights below this (scaled by 100) are dropped */
    int32_t parse_min_weight; /* the same for the parser, when larger: of summed parsers, the
                                 weights that only one of them gave a rare feature */
    uint32_t min_updates;   /* parser features updated fewer times are dropped */
    uint32_t tag_min_updates; /* the same for the tagger */
    nb_treebank *dev;       /* scored after each parser iteration when not NULL */
    FILE *log;              /* progress, or NULL */
} nb_train_opts;

void nb_train(nb_nlp *m, nb_treebank *train, const nb_train_opts *o);

typedef struct {
    size_t words, upos, xpos, lemma, uas, las;
    double seconds;         /* CPU time of the analysis alone (not of the counting) */
} nb_eval_counts;

/* Tags and parses tb's gold words with m and counts what matches the gold
 * (LAS on the universal part of the relation, as the CoNLL 2018 task). */
void nb_eval_treebank(const nb_nlp *m, nb_treebank *tb, nb_eval_counts *c);

#endif
