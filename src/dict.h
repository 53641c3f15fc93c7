/* dict.h - the actor dictionary: canonical names, kinds, aliases and
 * demonyms read from CSV (libcsv), plus the name keys used to merge
 * spelling variants ("Soleimani"/"Suleimani") into one actor. */
#ifndef NB_DICT_H
#define NB_DICT_H

#include <stdbool.h>
#include "model.h"
#include "util.h"

typedef struct {
    char *name;
    nb_kind kind;
    /* an organisation a state runs (an intelligence agency, a police force,
     * a coast guard), by the words of its name or aliases: never what "the
     * group" or "the party" means */
    bool organ;
} nb_dict_entry;

/* Flags stored with each alias key. */
enum {
    NB_ALIAS_DEMONYM = 1,  /* adjectival or plural demonym of a country */
    NB_ALIAS_UPPER = 2     /* short all-caps acronym: matches only in capitals */
};

typedef struct {
    nb_dict_entry *entries;
    size_t n, cap;
    nb_map alias;      /* normalized alias -> entry index << 2 | flags */
    nb_map skeleton;   /* name skeleton -> entry index, SIZE_MAX when ambiguous */
    nb_map prefix;     /* every leading run of words of an alias, for early exit */
    size_t max_tokens; /* longest alias, in words */
    /* Called with "file:line: message" for problems that do not stop the
     * load (a guessed encoding, a kind changed by a later file); may be NULL. */
    void (*warn)(void *ctx, const char *msg);
    void *warn_ctx;
} nb_dict;

void nb_dict_init(nb_dict *d);
void nb_dict_free(nb_dict *d);

/* Loads a CSV file (header "name,kind,aliases[,demonyms]", aliases and
 * demonyms separated by '|') into d; later files extend earlier ones and
 * may add aliases to an existing name. UTF-8 (with or without a BOM),
 * UTF-16 with a BOM and Latin-1 (guessed, reported through d->warn) are
 * read; a header without commas but with ';' or tabs sets the separator.
 * On a malformed file (also an alias or name that is a common word such as
 * "The" or "said") returns NB_ERR_INPUT and writes "file:line:column:
 * reason" into err; a file that cannot be read (or is a folder) NB_ERR_IO. */
nb_status nb_dict_load(nb_dict *d, const char *path, nb_buf *err);

/* Adds one actor (used by the loader and by tests). Returns the entry. */
size_t nb_dict_add(nb_dict *d, const char *name, nb_kind kind);
/* Adds an alias for entry e with NB_ALIAS_* flags; returns false when the
 * alias already names a different entry (the first one wins). */
bool nb_dict_add_alias(nb_dict *d, size_t e, const char *alias, unsigned flags);

/* Looks up a normalized key; sets *entry and *flags. */
bool nb_dict_get(const nb_dict *d, const char *key, size_t *entry, unsigned *flags);

/* Writes the normalized key of a name into out: lowercase ASCII letters and
 * digits, words joined by one space, dots, apostrophes and hyphens dropped. */
void nb_name_key(const char *name, size_t n, nb_buf *out);

/* Writes the spelling-variant skeleton of a normalized key into out:
 * "al" particles dropped, vowels and doubled letters folded, so that
 * transliterations of one name meet ("suleimani" and "soleimani"). */
void nb_name_skeleton(const char *key, nb_buf *out);

/* Damerau-Levenshtein distance capped at max+1. */
size_t nb_edit_distance(const char *a, const char *b, size_t max);

#endif
