/* lexicon.h - the closed word lists extraction relies on: titles, role
 * nouns, group nouns, organ words, trigger verbs and function words. They
 * describe how news English is written, not any particular article. */
#ifndef NB_LEXICON_H
#define NB_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

/* True when w (lowercase, n bytes) is in the NULL-terminated list. */
bool nb_lex_in(const char *w, size_t n, const char *const *list);
/* Frees the calling thread's sets (nb_lex_in builds them per thread); a
 * thread other than the main one calls it before it ends. */
void nb_lex_thread_free(void);

extern const char *const NB_LEX_STOP_CAP[];    /* capitalised words that are no names */
extern const char *const NB_LEX_CONNECT[];     /* name particles: al, bin, abu... */
extern const char *const NB_LEX_TITLE[];       /* person titles before a name */
extern const char *const NB_LEX_PERSON_TITLE[]; /* those only a person holds ("minister", not "the", "of") */
extern const char *const NB_LEX_HEAD_STATE[];  /* titles that lead a country */
extern const char *const NB_LEX_ROLE[];        /* leader, commander, chief, head... */
extern const char *const NB_LEX_ORG_HEAD[];    /* Force, Brigade, Front, Party... */
extern const char *const NB_LEX_PLACE_HEAD[];  /* Square, Province, Zone... */
extern const char *const NB_LEX_ORGAN[];       /* government, military, embassy... */
extern const char *const NB_LEX_FACILITY[];    /* bases, targets, interests... */
extern const char *const NB_LEX_GROUP_ADJ[];   /* Shia, Sunni, armed, local... */
extern const char *const NB_LEX_AGENCY[];      /* news agencies: sources, not actors */
/* Ethnic and sectarian names: "Tuareg separatists" is a generic group, and
 * "Tuareg" alone no actor. */
extern const char *const NB_LEX_ETHNIC[];
extern const char *const NB_LEX_REGION[];      /* continents, world regions: places */
extern const char *const NB_LEX_COLLECTIVE_POSS[]; /* "People's", "Workers'" inside names */
extern const char *const NB_LEX_STATE_ARMS[];  /* a state's armed heads: Force, Army, Navy... */
extern const char *const NB_LEX_PURPOSE_VERB[]; /* "Task Force to End ...", "Committee to Protect ..." */
extern const char *const NB_LEX_COUNT[];       /* two, dozens, several: a count of people */
extern const char *const NB_LEX_EVENT[];       /* attack nouns: strikes, raid... */

/* Maps a generic group noun to its canonical plural ("militia" ->
 * "militias"), or NULL. */
const char *nb_lex_group_head(const char *w, size_t n);

/* True when the organisation with dictionary name `name` is called "the
 * <noun>" in running text ("the alliance" for NATO). */
bool nb_lex_org_noun(const char *name, const char *noun);
/* The table's organisations, by index (for tests: each is in the dictionary). */
size_t nb_lex_org_noun_count(void);
const char *nb_lex_org_noun_name(size_t i);

#endif
