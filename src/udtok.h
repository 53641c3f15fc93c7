/* udtok.h - tokens the Universal Dependencies way (English EWT conventions),
 * for the tagger and parser. */
#ifndef NB_UDTOK_H
#define NB_UDTOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Most words nb_udtok returns for one sentence. Every word takes at least
 * one byte, so a sentence of up to NB_UDTOK_MAX bytes (split.h cuts them at
 * 4000) is never truncated; past the limit the rest of the text is dropped,
 * never half a multiword token. */
#define NB_UDTOK_MAX 4096

typedef struct {
    uint32_t start, len;   /* the word's bytes in the sentence text s (always a substring of s) */
    uint16_t mwt;          /* on the first word of a multiword token (e.g. "don't" -> do + n't,
                            * "Iran's" -> Iran + 's): the number of words in it (>= 2); 0 otherwise */
    bool space_after;      /* whitespace follows the word in s (false inside a multiword token and
                            * before glued punctuation) */
} nb_word;

/* Splits the sentence s[0..n) into words (grown in *words, *cap; the caller
 * frees *words) and returns the count. Never fails; at most NB_UDTOK_MAX
 * words, text beyond them is dropped. Texts longer than 4 GiB are cut to
 * fit the 32-bit offsets. Follows UD English EWT: punctuation split off,
 * clitics ('s n't 're 'm 'll 've 'd, can't, cannot, gonna, dont) as
 * multiword tokens, hyphenated compounds split except after prefixes
 * (e-mail, non-, anti-, ...), phone numbers, abbreviations, numbers, URLs
 * and emails kept whole; a sentence-final abbreviation gives up its
 * period ("in the U.S." -> U.S + .), as EWT does. */
size_t nb_udtok(const char *s, size_t n, nb_word **words, size_t *cap);

#endif
