/* relations.h - the relations stage: finds funds / commands / condemns /
 * attacked between the actor items of one sentence, through the
 * constructions news uses (active, passive, appositive, relative clause,
 * nominal, compound, reported speech), and drops what did not happen
 * (negation, denial, modality, threats, questions). */
#ifndef NB_RELATIONS_H
#define NB_RELATIONS_H

#include "actors.h"

typedef struct {
    int src, dst;         /* article entities */
    nb_rel rel;
    const char *rule;     /* static string naming the pattern */
    const char *support;  /* funds: what is given ("money"...), NULL if unknown */
    unsigned also;        /* funds: nb_support_bit of what other cues of the sentence give */
} nb_found;

/* Appends the relations of one sentence to *out (grown; the caller frees it)
 * and returns the new count. aa supplies coreference state and is updated
 * (the latest attacker). Duplicates within the sentence are dropped. */
/* The article's attack memory: records that ents[0..n) carried out an attack
 * named by word w, and recalls (into out, up to max) who carried out the
 * latest attack of the same kind ("condemned the raids"), else the first. */
void nb_relations_note_attack(nb_article_actors *aa, const int *ents, int n, const char *w);
int nb_relations_recall_attack(const nb_article_actors *aa, const char *w, int *out, int max);
/* The actors struck by the attack event word w means (its own attackers:
 * nb_relations_recall_authors), as sentences stated them. */
int nb_relations_recall_authors(const nb_article_actors *aa, const char *w, int *out, int max);
int nb_relations_recall_struck(const nb_article_actors *aa, const char *w, int *out, int max);
/* 1 if an attack of event word w's kind was told with an actor struck, else
 * 0: one of its family, one its sentence named by w's kind as a noun ("killed
 * ... in an ambush"), any for the generic "attack", and a told generic
 * "attack" for any kind but a counterattack. */
int nb_relations_told_kind(const nb_article_actors *aa, const char *w);
/* Notes that the current sentence also names its attacks by word w (when w
 * is an attack word): "killed three soldiers in an ambush" told an ambush. */
void nb_relations_note_word(nb_article_actors *aa, const char *w);
/* Records that src's latest attack struck dst: its latest attack of attack
 * word w's family, if w is not NULL and one is remembered. */
void nb_relations_note_struck(nb_article_actors *aa, int src, int dst, const char *w);

/* Remembers the words of a sentence's items with the actor each follows
 * ("Chile expelled ...": "expelled" after Chile), for nb_relations_recall_deed. */
void nb_relations_note_deeds(nb_article_actors *aa, const nb_item *items, size_t ni, bool judging);

/* The doer of the verb form just noted in the latest sentence is ent (the
 * tree's reading of "X ... accused Y"). */
void nb_relations_deed_doer(nb_article_actors *aa, const char *form, size_t len, int ent);

/* Who did the act that one of the comma-separated verb forms states, in the
 * latest sentence that has one (forms "": the first doer of the sentence
 * just before): fills out (up to max), returns the count. */
int nb_relations_recall_deed(const nb_article_actors *aa, const char *forms, int *out, int max);
/* The same, passing over a doer whose root entity is not_ent or not_side,
 * or one who is their person (a person whose country is either); with
 * judging, only in sentences that judge or report a relation (judging of
 * nb_relations_note_deeds). */
int nb_relations_recall_author(const nb_article_actors *aa, const char *forms, int not_ent, int not_side,
                               bool judging, int *out, int max);
/* The same for an attack on no actor ("X ambushed a patrol"): recalled only
 * when no attack of its kind on an actor is remembered. */
void nb_relations_note_unstated(nb_article_actors *aa, const int *ents, int n, const char *w);
/* Is w a word of a known attack family (strike, attack, killing, raid...)? */
bool nb_relations_attack_word(const char *w);

size_t nb_relations_find(nb_article_actors *aa, const nb_item *items, size_t n_items,
                         nb_found **out, size_t *n_out, size_t *cap);

#endif
