/* text.h - the clean stage: turns raw article bytes into valid UTF-8 text
 * without control characters, folds typographic punctuation to ASCII and
 * drops scraped boilerplate lines; offsets in the cleaned text map back to
 * the original bytes. */
#ifndef NB_TEXT_H
#define NB_TEXT_H

#include <stddef.h>

#include "util.h"

/* Returns a newly allocated copy of s[0..n) that is valid UTF-8 with no
 * control characters (invalid bytes become U+FFFD, controls and bidi marks
 * become spaces or vanish). The caller frees it. */
char *nb_text_sanitize(const char *s, size_t n);

/* Decodes raw bytes in encoding enc (0 UTF-8, 1 UTF-16LE, 2 UTF-16BE, 3
 * Latin-1 read as Windows-1252) into UTF-8 and nothing else: line breaks
 * and controls stay. Invalid sequences become U+FFFD, counted in *invalid.
 * Sets *len; the caller frees the result. */
char *nb_text_decode(const char *raw, size_t n, int enc, size_t *len, size_t *invalid);
/* True when bytes that are not ASCII look like Latin-1 rather than UTF-8
 * (invalid sequences outnumber valid multi-byte ones). */
bool nb_text_latin1(const char *raw, size_t n);

typedef struct {
    char *text;          /* cleaned text, NUL-terminated */
    size_t len;
    size_t invalid_bytes;   /* invalid UTF-8 sequences replaced */
    size_t nul_bytes;       /* NUL bytes seen */
    size_t dropped_lines;   /* boilerplate lines removed */
    int encoding;           /* 0 UTF-8, 1 UTF-16LE, 2 UTF-16BE, 3 Latin-1 (Windows-1252) */
    char dateline[64];      /* the first dateline's text ("SAN JOSE, Costa Rica -"), or "" */
    /* for nb_clean_orig_offset: the caller's raw bytes (borrowed), where the
     * text starts in them, and a cursor */
    const unsigned char *raw;
    size_t raw_len, start, cur_clean, cur_orig;
} nb_clean;

/* Cleans raw bytes into c (which the caller releases with nb_clean_free; raw
 * stays the caller's and must outlive calls to nb_clean_orig_offset).
 * Handles a BOM, UTF-16 with a BOM, CRLF, curly quotes and dashes, and
 * Latin-1 input (guessed when most non-ASCII bytes are invalid UTF-8). */
void nb_clean_text(nb_clean *c, const char *raw, size_t n);

/* Maps an offset in c->text back to the byte offset in the original file,
 * whatever its encoding: the first byte of the character that produced it
 * (of the next visible one where characters were dropped). Fastest when
 * called with growing offsets. */
size_t nb_clean_orig_offset(nb_clean *c, size_t clean_off);

void nb_clean_free(nb_clean *c);

#endif
