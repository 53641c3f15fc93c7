/* nlp.h - the trained English model: tag and label tables, the tagger's and
 * the parser's perceptrons and the lemma tables, loaded from one versioned
 * file (data/en_ewt.nbm). nb_nlp_load fills a model the caller releases with
 * nb_nlp_free. */
#ifndef NB_NLP_H
#define NB_NLP_H

#include <stdbool.h>
#include <stddef.h>

#include "perceptron.h"
#include "syntax.h"
#include "util.h"

#define NB_NLP_MAGIC "netbuild-model"
#define NB_NLP_VERSION 5
#define NB_NLP_FILE "en_ewt.nbm"
/* Feature sets a model may be trained with (nb_nlp.features): 0, the
 * tagger's and parser's first ones; 1 adds longer affixes and wider
 * context to the tagger, and the first tagging pass's tags to the parser. */
#define NB_NLP_FEATURES_MAX 1

/* Lemmas: the treebank's (form, UPOS) -> lemma table, suffix rules learned
 * from it for unseen words, and the set of known lemmas that rules prefer. */
typedef struct {
    nb_map exact;        /* "UPOS\tform" -> index into lemma */
    char **lemma;
    size_t n_lemma;
    nb_map rules;        /* "XPOS\tsuffix" -> rule: strip count * 256 + index into add */
    char **add;
    size_t n_add;
    nb_map known;        /* lemmas seen in training -> 1 */
} nb_lemmas;

typedef struct {
    int features;          /* the feature set it was trained with (NB_NLP_FEATURES_MAX) */
    int n_tags;
    char **upos, **xpos;   /* per tag class */
    uint8_t *finite;       /* per tag class: 1 a finite or base verb, 2 a past participle; NULL in a model being trained */
    uint8_t *closed;       /* per tag class: 1 a closed class (ADP, DET, PRON, CCONJ, SCONJ, AUX, PART); NULL likewise */
    int n_labels;
    char **labels;         /* per label id; labels[root_label] is "root" */
    int root_label, punct_label;
    nb_pmodel tagger, tagger2, parser;  /* first and second tagging pass, parser */
    nb_lemmas lem;
    char *header;          /* the file's text header (provenance, licence) */
    void *map;             /* the file's bytes, which the perceptrons point into */
    size_t map_len;        /* bytes mapped at map (from mmap), at least the file's */
    bool mapped;           /* map came from mmap (else from malloc) */
} nb_nlp;

/* Loads the model at path. A missing, truncated, corrupt or foreign file
 * gives NB_ERR_INPUT (NB_ERR_IO when unreadable) and a message in err. */
nb_status nb_nlp_load(nb_nlp *m, const char *path, char *err, size_t errlen);
/* The same from bytes in memory (tests and the fuzz target). */
nb_status nb_nlp_load_mem(nb_nlp *m, const unsigned char *data, size_t n, char *err, size_t errlen);
/* Writes m to path with the given provenance lines in its header. */
nb_status nb_nlp_save(const nb_nlp *m, const char *path, const char *provenance);
void nb_nlp_free(nb_nlp *m);

/* Finds a label by name, or -1. */
int nb_nlp_label(const nb_nlp *m, const char *name);
/* Finds the tag class with this UPOS and XPOS ("PROPN", "NNP"), or -1. */
int nb_nlp_tag(const nb_nlp *m, const char *upos, const char *xpos);

/* Analyses s in place: feature atoms, tags, lemmas, and the dependency tree
 * when parse is true (else every head is -1). */
void nb_nlp_analyze(const nb_nlp *m, nb_sent *s, bool parse);

/* Stages, for training and tests. */
/* Feature atoms of every word, those of the feature set given. */
void nb_tag_atoms(nb_sent *s, int features);
/* With second, features of the tags already in s (a first pass) are added;
 * features is the model's feature set. */
size_t nb_tag_features(const nb_sent *s, size_t i, int p1, int p2, bool second, int features, uint64_t *out);
#define NB_TAG_MAX_FEATS 48
/* With m (NULL in training), the model's tables keep the tagger from
 * reading an article's noun or a known adjective as a verb (m->finite,
 * nb_lemmas_seen). */
void nb_tag_sentence(const nb_pmodel *tagger, nb_sent *s, bool second, int features, const nb_nlp *m);
/* Was form (n bytes, compared in lower case) seen in training as upos?
 * nb_lemmas_lemma: its lemma as that (the table's string), or NULL. */
bool nb_lemmas_seen(const nb_lemmas *L, const char *upos, const char *form, size_t n);
const char *nb_lemmas_lemma(const nb_lemmas *L, const char *upos, const char *form, size_t n);
void nb_lemmatize(const nb_nlp *m, nb_sent *s);
void nb_parse_sentence(const nb_nlp *m, nb_sent *s);

#endif
