/* split.h - the split stage: sentences (aware of abbreviations, quotes and
 * one-paragraph-per-line or all-on-one-line layouts) and word tokens. */
#ifndef NB_SPLIT_H
#define NB_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Longest sentence handed to extraction; longer runs are cut at a space and
 * counted, so one 10 MB "sentence" cannot stall the pipeline. */
#define NB_MAX_SENTENCE 4000

typedef struct {
    size_t start, len;  /* byte range in the cleaned text */
    bool cut;           /* ended early at NB_MAX_SENTENCE */
} nb_sentence;

/* Finds the next sentence in text[*pos..len), trimming spaces. Returns false
 * at the end of the text. Advances *pos. */
bool nb_split_next(const char *text, size_t len, size_t *pos, nb_sentence *out);

enum {
    NB_TOK_WORD = 1 << 0,   /* letters or digits */
    NB_TOK_CAP = 1 << 1,    /* starts with an uppercase ASCII letter or non-ASCII */
    NB_TOK_UPPER = 1 << 2,  /* two or more letters, all uppercase */
    NB_TOK_NUM = 1 << 3,    /* starts with a digit */
    NB_TOK_GLUE = 1 << 4,   /* no space before it */
    NB_TOK_PUNCT = 1 << 5   /* a punctuation character */
};

typedef struct {
    uint32_t start, len;   /* byte range in the sentence */
    uint32_t flags;
} nb_tok;

/* Tokenizes s[0..n) into *toks (grown as needed; the caller frees it).
 * Possessive "'s" and hyphens become tokens of their own. Returns the count. */
size_t nb_tokenize(const char *s, size_t n, nb_tok **toks, size_t *cap);

#endif
