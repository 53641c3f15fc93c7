/* conllu.h - CoNLL-U: reading a treebank for training and evaluation, and
 * writing netbuild's own analysis (--conllu). A treebank owns its sentences
 * and the text their forms point into (nb_treebank_free). */
#ifndef NB_CONLLU_H
#define NB_CONLLU_H

#include <stdio.h>

#include "nlp.h"

typedef struct {
    nb_sent *s;
    size_t n, cap;
    char *text;          /* forms, lemmas and tags, NUL-separated */
    size_t text_len;
    /* per word, in sentence order: offsets into text of the gold strings */
    struct nb_tbword { uint32_t form, lemma, upos, xpos, deprel; } *wd;
    size_t n_words, wcap;
} nb_treebank;

/* Reads the words of a CoNLL-U file (multiword token lines and empty nodes
 * are skipped; their words are kept). Gold heads are read; gold tags and
 * labels are left for nb_treebank_index. */
nb_status nb_treebank_read(nb_treebank *tb, const char *path, char *err, size_t errlen);
void nb_treebank_free(nb_treebank *tb);
/* A gold string: nb_treebank_str(tb, tb->wd[k].upos) for the k-th word. */
static inline const char *nb_treebank_str(const nb_treebank *tb, uint32_t off) { return tb->text + off; }

/* Writes one analysed sentence as CoNLL-U. orig maps an offset of the text
 * the words were cut from to a byte offset in the input file; its end
 * offsets go in MISC as Offset=start:end. sent_id and the text line head
 * the sentence. When raw (the file's bytes) is given and a word's bytes
 * there are clean UTF-8, FORM is the word as the file spells it (curly
 * quotes and all); otherwise the cleaned form. */
typedef size_t (*nb_offset_fn)(void *ctx, size_t off);
void nb_conllu_write(nb_buf *out, const nb_nlp *m, const nb_sent *s, const char *sent_id,
                     const char *text, size_t text_len, nb_offset_fn orig, void *ctx,
                     const char *raw, size_t raw_len);

#endif
