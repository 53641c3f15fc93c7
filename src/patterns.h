/* patterns.h - relations read from the dependency tree. Three data files
 * drive it: the cue lexicon (data/cues.tsv: lemma, POS class, relation,
 * kind of support, target prepositions), the tree patterns (data/patterns:
 * a path from the cue to the source and one to the target, plus the word
 * classes that block an edge) and the negative-evaluation lexicon
 * (data/negative.tsv) for criticism voiced without a condemn word. One
 * engine runs every pattern. nb_patterns_load fills a set the caller
 * releases with nb_patterns_free. */
#ifndef NB_PATTERNS_H
#define NB_PATTERNS_H

#include "model.h"
#include "nlp.h"
#include "util.h"

typedef struct nb_patterns nb_patterns;

/* One relation the tree states: entities as given in ent_of, the pattern
 * that matched, and the word ids of the cue and both ends (0-based). With a
 * recall function, dst (and wdst) -1 marks the authors of an attack on no
 * actor, for the article's memory of attacks: no relation. */
typedef struct {
    int src, dst;
    nb_rel rel;
    const char *rule;     /* the pattern's id: lives as long as the set */
    const char *support;  /* funds: "money", "weapons"...; else NULL */
    int cue, wsrc, wdst;
} nb_tree_rel;

/* Loads the three files (negative may be NULL or missing: no evaluative
 * speech then). Label names in patterns are checked against m's labels.
 * On failure returns NB_ERR_INPUT/NB_ERR_IO with a message in err. */
nb_status nb_patterns_load(nb_patterns **out, const nb_nlp *m, const char *patterns_path,
                           const char *cues_path, const char *negative_path, nb_buf *err);
void nb_patterns_free(nb_patterns *P);

/* What a word form (any case) may be an inflection of, as NB_FORM_* bits
 * (0: nothing): only sentences with a cue, or a speech verb and a judging
 * word, are tagged and parsed. */
#define NB_FORM_CUE 1u /* a relation cue's form */
#define NB_FORM_SAY 2u /* a speech verb's */
#define NB_FORM_NEG 4u /* a negative judgment's */
#define NB_FORM_ALONE 8u /* a cue that needs one named actor only ("X condemned the strikes") */
unsigned nb_patterns_cue_form(const nb_patterns *P, const char *w, size_t n);

/* Is lemma a verb that takes places as well as actors ("shelled X"), so that
 * an unknown name it governs is taken for a town (class PLACE_VERB)? */
/* Word i's lemma as the patterns read it: the lemmatizer's, or the verb
 * cue whose regular inflection the word is ("blamed" misread "blam"). The
 * string belongs to s or to P. */
const char *nb_patterns_lemma(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, size_t i);

bool nb_patterns_place_cue(const nb_patterns *P, const char *lemma);

/* An entity named by an adjective ("Kenyan"): it owns forces and acts, but
 * is no role-holder's organisation. ent_of carries it encoded. */
#define NB_TREE_ADJ(e) (-2 - (e))

/* Finds the relations in the parsed sentence s. ent_of[i] is the entity a
 * word belongs to, NB_TREE_ADJ(entity) for an adjectival one, -1 for none. Appends to *out (grown; the caller frees
 * it) and returns the new count. */
/* Who carried out the attack an event word with no agent in its sentence
 * refers to ("condemned the raids"): fills out (up to max) and returns the
 * count. The caller's article memory answers; NULL: nobody. */
/* With NB_RECALL_DEED, word is instead the comma-separated verb forms that
 * state an act a noun names ("expelled,expels,..." for "the expulsions"):
 * who did it, as the article stated it last. */
/* With NB_RECALL_GENERIC, out[0] holds an entity: 1 if it is a generic
 * group ("Iraqi militias"), else 0. With NB_RECALL_OWNER, out[0] holds a
 * person, replaced by whose forces they command (nb_actors_owner): 1, or
 * 0 if none. */
/* With NB_RECALL_BODY, out[0] holds an entity: 1 if it is an organisation
 * or a country (no one who holds a role), else 0. */
/* With NB_RECALL_STRUCK, word is an event word as for NB_RECALL_ATTACK:
 * the actors that attack struck. */
/* With NB_RECALL_STATE, out[0] holds an entity: 1 if it is a country.
 * NB_RECALL_AUTHORS: who carried out the very attack NB_RECALL_STRUCK
 * reads (generic attackers as they are). NB_RECALL_OPENER: the actor the
 * sentence before opened with, if one did. NB_RECALL_HOME: the country the
 * article is about (nb_actors_home_state), if one is. For both, out[0] and
 * out[1] hold the judge and a state its words name (or -1): never the
 * judge's own side. NB_RECALL_AUTHOR:
 * word is "OWN|OTHER": OWN the comma-separated forms that issue the text
 * itself ("@issued:report", the noun's verb), OTHER those of criticising; out[0]
 * holds the rejecter (or -1), whom and whose side the author is not, and
 * out[1] an entity the rejecter's words named, or -1 ("China's
 * spokesperson X"). */
/* The form the deed memory notes for a text issued, with ":" and the text's
 * noun ("published a report": "@issued:report"), which NB_RECALL_AUTHOR's
 * OWN forms name. */
#define NB_ISSUED_TEXT "@issued"
/* NB_RECALL_KIND: 1 if the article told an attack of event word's own kind
 * ("the bombing": a bombing; "the attack": any), else 0. */
enum { NB_RECALL_ATTACK, NB_RECALL_DEED, NB_RECALL_GENERIC, NB_RECALL_OWNER, NB_RECALL_BODY, NB_RECALL_STRUCK, NB_RECALL_STATE,
       NB_RECALL_AUTHORS, NB_RECALL_HOME, NB_RECALL_AUTHOR, NB_RECALL_OPENER, NB_RECALL_KIND };
typedef int (*nb_recall_fn)(void *ud, int kind, const char *word, int *out, int max);

/* Loads the act nouns and their verb forms (data/deverbal.tsv: noun TAB
 * forms), for judged acts whose doer an earlier sentence named. A missing
 * file is no error: such acts stay unattributed. */
nb_status nb_patterns_load_deverbal(nb_patterns *P, const char *path, nb_buf *err);

size_t nb_patterns_find(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                        nb_recall_fn recall, void *ud, nb_tree_rel **out, size_t *n_out, size_t *cap);

/* A quote over several sentences, attributed in its last ("'Russia is a
 * terrorist state. It must be punished,' X said"): nb_patterns_quote_judged
 * gives the actors the root clause of parsed s (a sentence of the quote
 * with no speech verb) judges badly, nb_patterns_quote_speakers the
 * speakers of the attribution in parsed s. Each writes at most max
 * entities to ents and returns how many. */
size_t nb_patterns_quote_judged(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                                nb_recall_fn recall, void *ud, int *ents, size_t max);
size_t nb_patterns_quote_speakers(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                                  nb_recall_fn recall, void *ud, int *ents, size_t max);

/* Could nb_patterns_find emit anything from s once parsed? s is tagged and
 * lemmatized, not yet parsed; ent_of and recall as there. A relation needs
 * two entities (the words' own or recalled ones) and a cue lemma whose part
 * of speech fits, or a speech verb and a word that judges. false: the
 * parse, the costliest step of a run, would find nothing, so it is skipped. */
bool nb_patterns_need_parse(const nb_patterns *P, const nb_nlp *m, const nb_sent *s, const int *ent_of,
                            nb_recall_fn recall, void *ud);

#endif
