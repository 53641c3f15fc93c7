/* util.h - allocation wrappers, growable buffers and string helpers shared by
 * every stage. Allocation failure aborts (redis' zmalloc style): a tool that
 * builds a graph has no useful way to continue without memory. */
#ifndef NB_UTIL_H
#define NB_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Status codes returned by every fallible function. */
typedef enum {
    NB_OK = 0,
    NB_ERR_INPUT = 1,   /* bad input data (article, dictionary) */
    NB_ERR_IO = 2,      /* read or write failure */
    NB_ERR_USAGE = 3,   /* bad options */
    NB_ERR_GRAPH = 4    /* igraph failure */
} nb_status;

/* Abort with a message on out-of-memory; never return NULL. */
void *nb_malloc(size_t n);
void *nb_calloc(size_t n, size_t size);
void *nb_realloc(void *p, size_t n);
/* n zeroed bytes on a cache line boundary (freed with free). */
void *nb_zalloc64(size_t n);
/* Returns a copy of s (or of its first n bytes) that the caller frees. */
char *nb_strdup(const char *s);
char *nb_strndup(const char *s, size_t n);

/* Grows *items (element size esz) so that it holds at least need elements. */
void nb_grow(void *items, size_t *cap, size_t need, size_t esz);

/* A growable byte buffer, always NUL-terminated when len > 0 or after puts.
 * The owner frees it with nb_buf_free. */
typedef struct {
    char *data;
    size_t len, cap;
} nb_buf;

void nb_buf_put(nb_buf *b, const char *s, size_t n);
void nb_buf_puts(nb_buf *b, const char *s);
/* Inline: keys and names are built a byte at a time, and the call with its
 * growth check was a few percent of a run. */
static inline void nb_buf_putc(nb_buf *b, char c)
{
    if (b->len + 2 > b->cap) {
        nb_buf_put(b, &c, 1);
        return;
    }
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
void nb_buf_printf(nb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void nb_buf_clear(nb_buf *b);
/* Returns the contents as a C string the caller owns and leaves b empty. */
char *nb_buf_detach(nb_buf *b);
void nb_buf_free(nb_buf *b);

/* A string -> size_t hash map. Keys are copied and owned by the map. Each
 * slot keeps its key's hash (never 0; 0 marks an empty slot) in an array of
 * its own, so a probe compares integers in a few cache lines; a hit then
 * reads one entry, which holds the key's first NB_MAP_HEAD bytes beside the
 * value and follows the key only when it is longer (the maps of names and
 * lemmas are megabytes: each array read used to be a cache miss). */
#define NB_MAP_HEAD 16
typedef struct {
    char head[NB_MAP_HEAD]; /* the key's first bytes, zero-padded */
    char *key;
    size_t val;
} nb_mslot;

typedef struct {
    uint32_t *hashes;
    nb_mslot *slots;
    size_t cap, len;
} nb_map;

/* Returns true and sets *val when key is present. */
bool nb_map_get(const nb_map *m, const char *key, size_t *val);
/* The same for the n bytes at key (no NUL needed: a word in its text). */
bool nb_map_get_n(const nb_map *m, const char *key, size_t n, size_t *val);
/* Inserts or overwrites key. */
void nb_map_put(nb_map *m, const char *key, size_t val);
/* Slot i (below cap) of the table: its key and value, or NULL when empty.
 * Slots are visited in an order fixed by the keys and their insertion. */
const char *nb_map_slot(const nb_map *m, size_t i, size_t *val);
void nb_map_free(nb_map *m);

uint64_t nb_hash(const char *s, size_t n);

/* Formats a finite double in a fixed, locale-free format ("%.6g" style with
 * NaN and Inf mapped to 0) into out, which must hold 32 bytes. */
void nb_fmt_double(char out[32], double v);

/* Case-folds an ASCII byte. */
static inline char nb_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

/* Is label an acronym-like name ("M23", "ADF", "3R": capitals and digits
 * only, two or more): no place is written so. */
bool nb_label_acronym(const char *label);

#endif
