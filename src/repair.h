/* repair.h - repairs of a parsed sentence's tree (repair.c). */
#ifndef NB_REPAIR_H
#define NB_REPAIR_H

#include "nlp.h"

/* Rewrites heads and labels of s's tree where the parser left a shape no
 * grammatical tree has; ent_of (per word, the entity whose name holds it,
 * -1 for none) may be NULL. Nothing is allocated. */
void nb_repair_tree(const nb_nlp *m, nb_sent *s, const int *ent_of);

#endif
