/* text.h - the clean stage: turns raw article bytes into valid UTF-8 text
 * without control characters, folds typographic punctuation to ASCII and
 * drops scraped boilerplate lines, keeping a map back to original offsets. */
#ifndef NB_TEXT_H
#define NB_TEXT_H

#include <stddef.h>

#include "util.h"

/* Returns a newly allocated copy of s[0..n) that is valid UTF-8 with no
 * control characters (invalid bytes become U+FFFD, controls and bidi marks
 * become spaces or vanish). The caller frees it. */
char *nb_text_sanitize(const char *s, size_t n);

/* One segment of the cleaned-to-original offset map: clean offset k at or
 * after `clean` (and before the next segment) is file byte
 * orig + (k - clean) * scale. */
typedef struct {
    size_t clean, orig, scale;
} nb_offmap_pt;

typedef struct {
    char *text;          /* cleaned text, NUL-terminated */
    size_t len;
    nb_offmap_pt *map;   /* checkpoints sorted by clean offset */
    size_t n_map, cap_map;
    size_t invalid_bytes;   /* invalid UTF-8 sequences replaced */
    size_t nul_bytes;       /* NUL bytes seen */
    size_t dropped_lines;   /* boilerplate lines removed */
    int encoding;           /* 0 UTF-8, 1 UTF-16LE, 2 UTF-16BE, 3 Latin-1 (Windows-1252) */
} nb_clean;

/* Cleans raw bytes into c (which the caller releases with nb_clean_free).
 * Handles a BOM, UTF-16 with a BOM, CRLF, curly quotes and dashes, and
 * Latin-1 input (guessed when most non-ASCII bytes are invalid UTF-8). */
void nb_clean_text(nb_clean *c, const char *raw, size_t n);

/* Maps an offset in c->text back to the byte offset in the original file,
 * whatever its encoding. */
size_t nb_clean_orig_offset(const nb_clean *c, size_t clean_off);

void nb_clean_free(nb_clean *c);

#endif
