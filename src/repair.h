/* repair.h - repairs of a parsed sentence's tree (repair.c). */
#ifndef NB_REPAIR_H
#define NB_REPAIR_H

#include "nlp.h"

/* The dependency labels the repairs rewrite, as m numbers them (-1 where
 * the model lacks one): looked up once per model, not per sentence. */
typedef struct {
    int l_acl;
    int l_acl_relcl;
    int l_advcl;
    int l_advcl_relcl;
    int l_advmod;
    int l_amod;
    int l_appos;
    int l_aux;
    int l_aux_pass;
    int l_case;
    int l_cc;
    int l_ccomp;
    int l_compound;
    int l_conj;
    int l_cop;
    int l_det;
    int l_expl;
    int l_fixed;
    int l_flat;
    int l_iobj;
    int l_mark;
    int l_nmod;
    int l_nmod_desc;
    int l_nmod_poss;
    int l_nsubj;
    int l_nsubj_outer;
    int l_nsubj_pass;
    int l_obj;
    int l_obl;
    int l_obl_agent;
    int l_parataxis;
    int l_punct;
    int l_xcomp;
} nb_repair_labels;

void nb_repair_labels_init(const nb_nlp *m, nb_repair_labels *R);

/* Rewrites heads and labels of s's tree where the parser left a shape no
 * grammatical tree has; R comes from nb_repair_labels_init(m); ent_of (per
 * word, the entity whose name holds it, -1 for none) may be NULL. Nothing
 * is allocated. */
void nb_repair_tree(const nb_nlp *m, const nb_repair_labels *R, nb_sent *s, const int *ent_of);

#endif
