/* parser.h - a greedy transition-based dependency parser: the arc-eager
 * system (Nivre 2003) with one child for the root, so that every sentence
 * gets one rooted tree, scored by an averaged perceptron over Zhang & Nivre
 * (2011)'s features and trained with Goldberg & Nivre's (2012) dynamic
 * oracle. */
#ifndef NB_PARSER_H
#define NB_PARSER_H

#include "nlp.h"

/* Transition classes: 0 shift, 1 reduce, 2 + l left-arc with label l,
 * 2 + L + l right-arc with label l, for L labels. */
static inline int nb_parse_classes(int n_labels) { return 2 + 2 * n_labels; }

/* Trains on one sentence whose ghead/glabel hold a projective gold tree and
 * whose tags are set. With explore, it follows its own prediction (when
 * *rng says so) to learn from its mistakes. Returns the number of updates. */
size_t nb_parse_train(nb_ptrain *t, const nb_nlp *m, nb_sent *s, bool explore, uint64_t *rng);

/* Parses s with the oracle's cheapest legal moves instead of the model:
 * for a projective gold tree (ghead, glabel) this rebuilds it exactly, which
 * checks the transition system and the oracle together. */
void nb_parse_oracle(const nb_nlp *m, nb_sent *s);

/* Lifts non-projective gold arcs to the head's head until the gold tree is
 * projective (the parser can only build projective trees). */
void nb_projectivize(nb_sent *s);

#endif
