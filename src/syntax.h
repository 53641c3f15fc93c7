/* syntax.h - one sentence as the tagger, lemmatizer and parser see it:
 * words with byte offsets, a tag, a lemma and a head in a dependency tree.
 * nb_sent owns its arrays (nb_sent_free); forms point into text the caller
 * keeps alive while the sentence is used. */
#ifndef NB_SYNTAX_H
#define NB_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Longest sentence the parser takes, in words; a longer one is tagged and
 * its words attached in a chain (rare: scraped tables, lists). */
#define NB_MAX_PARSE_WORDS 400

typedef struct {
    const char *form;      /* len bytes, not NUL-terminated */
    uint32_t start, len;   /* the form's bytes in the text the sentence was cut from */
    uint16_t mwt;          /* first word of a multiword token: its number of words */
    bool space_after;
    /* feature atoms (tagger.c) */
    uint64_t hform, hlow, hsuf[4], hpre[3], hpre5, hshape, hsuf5, hpre4;
    /* analysis */
    uint16_t tag;          /* tag class: a UPOS + XPOS pair (nb_nlp tag table) */
    uint16_t fixed;        /* 1 + a tag the caller already knows (a name's NNP), or 0 */
    uint16_t label;        /* dependency relation (nb_nlp label table) */
    int32_t head;          /* 0 for the root, else 1-based word index */
    uint32_t lemma;        /* offset of the NUL-terminated lemma in nb_sent.lemmas */
    /* gold annotation, when read from a treebank, and training's held-out
     * tags; jk1 is also the first tagging pass's tag when analysed (the
     * parser reads it beside the final one) */
    uint16_t gtag, glabel, jk1, jk2;
    int32_t ghead;
} nb_uword;

typedef struct {
    nb_uword *w;           /* words 0..n-1 are word ids 1..n */
    size_t n, cap;
    nb_buf lemmas;
} nb_sent;

void nb_sent_clear(nb_sent *s);
void nb_sent_free(nb_sent *s);
/* Appends a word with its form; returns it (analysis fields zeroed). */
nb_uword *nb_sent_add(nb_sent *s, const char *form, uint32_t start, uint32_t len);
/* The lemma of word i (0-based). */
static inline const char *nb_sent_lemma(const nb_sent *s, size_t i)
{
    return s->lemmas.data ? s->lemmas.data + s->w[i].lemma : "";
}

#endif
