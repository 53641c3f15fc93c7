/* lemma.h - learning the lemma tables of nb_nlp from a treebank; nb_lemmatize
 * (nlp.h) applies them. The tables belong to the nb_lemmas that holds them
 * (nb_lemmas_free). */
#ifndef NB_LEMMA_H
#define NB_LEMMA_H

#include "nlp.h"

/* Learns from n treebank words given as parallel string arrays. */
void nb_lemmas_learn(nb_lemmas *L, const char *const *upos, const char *const *xpos,
                     const char *const *form, const char *const *lemma, size_t n);
void nb_lemmas_free(nb_lemmas *L);

#endif
