/* actors.h - the actors stage: finds actor mentions in a sentence (the
 * dictionary, unknown proper names, demonyms, generic groups, pronouns and
 * definite descriptions) and keeps the per-article entity table that
 * coreference resolves against. */
#ifndef NB_ACTORS_H
#define NB_ACTORS_H

#include "dict.h"
#include "model.h"
#include "split.h"

/* Item flags: what kind of unit an item is and how an actor is used. */
enum {
    NB_IT_ACTOR = 1 << 0,   /* refers to an entity */
    NB_IT_WORD = 1 << 1,
    NB_IT_PUNCT = 1 << 2,
    NB_IT_MOD = 1 << 3,     /* adjectival use: "the American airstrike" */
    NB_IT_POSS = 1 << 4,    /* followed by 's: "Iran's Quds Force" */
    NB_IT_BACKED = 1 << 5,  /* "Iran-backed" */
    NB_IT_PRON = 1 << 6,    /* resolved pronoun or definite description */
    NB_IT_CAP = 1 << 7,     /* word starts with a capital */
    NB_IT_LED = 1 << 8,     /* "U.S.-led" */
    NB_IT_INWORD = 1 << 9   /* a hyphen inside a word: "military-ruled" */
};

/* One unit of a sentence: a word, a punctuation mark or a whole actor
 * mention. Strings point into the sentence's own buffers. */
typedef struct {
    uint32_t t0, t1;     /* token range */
    uint32_t flags;
    int ent;             /* entity index in the article, or -1 */
    const char *w;       /* lowercase word (words and punctuation) */
} nb_item;

/* Role words seen with an entity, for definite descriptions and titles. */
enum {
    NB_ROLE_HEAD_OF_STATE = 1 << 0, /* president, prime minister, king... */
    NB_ROLE_MILITARY = 1 << 1,      /* general, commander, colonel */
    NB_ROLE_CLERIC = 1 << 2,
    NB_ROLE_MINISTER = 1 << 3,
    NB_ROLE_EMBASSY = 1 << 4,
    NB_ROLE_LEADER = 1 << 5,
    NB_ROLE_SPOKES = 1 << 6,
    NB_ROLE_ARMY = 1 << 7           /* "Sudan's army": "the army" refers back */
};

typedef struct {
    char *label;         /* canonical label (dictionary name or cleaned name) */
    char *key;           /* normalized label */
    char *skel;          /* skeleton of the label */
    char *surname;       /* skeleton of the last word, for persons */
    nb_kind kind;
    int dict;            /* dictionary entry or -1 */
    uint32_t roles;      /* NB_ROLE_* */
    int country;         /* entity of an affiliated country, or -1 */
    char *group_head;    /* generic groups: "militias", "protesters"... */
    size_t last_seen;    /* mention clock of the latest mention */
    size_t last_sent;    /* sentence of the latest mention, counted from 1 */
    size_t sent_rank;    /* order of its first mention within that sentence */
    int alias_of;        /* entity this one was declared another name of, or -1 */
    long mentions;
    char **forms;        /* surface forms seen */
    size_t n_forms, cap_forms;
} nb_entity;

/* Names seen across articles, so later articles reuse the first spelling. */
typedef struct {
    nb_map by_skel;      /* skeleton -> index into labels */
    nb_map by_surname;   /* surname skeleton -> index, SIZE_MAX if ambiguous */
    char **labels;
    nb_kind *kinds;
    size_t n, cap;
} nb_names;

/* An attack the article reported, for "condemned the strikes" later on. */
typedef struct {
    int ents[4];         /* attackers */
    int n;
    char family;         /* 's' strike, 'a' attack, 'k' killing... (relations.c) */
} nb_attack_event;

typedef struct {
    const nb_dict *dict;
    nb_names *names;
    nb_entity *ents;
    size_t n_ents, cap_ents;
    size_t clock;
    size_t sentence;     /* current sentence, counted from 1 */
    size_t rank;         /* mentions so far in the current sentence */
    nb_attack_event events[8]; /* the latest attacks, a ring: newest at (n_events - 1) % 8 */
    size_t n_events;
    nb_attack_event first_event; /* the article's first attack: its main event, often */
    nb_map declared;     /* "(SNA)" after a name: name key -> entity, over the dictionary */
} nb_article_actors;

void nb_names_free(nb_names *names);

/* Starts an article. dict and names are borrowed and must outlive aa. */
void nb_actors_begin(nb_article_actors *aa, const nb_dict *dict, nb_names *names);
/* Frees the article's entities. */
void nb_actors_end(nb_article_actors *aa);

/* Turns the tokens of sentence s into items (grown in *items; the caller
 * frees it) and returns their count. words receives the lowercase word
 * strings the items point into; the caller owns and frees it. */
size_t nb_actors_items(nb_article_actors *aa, const char *s, const nb_tok *toks, size_t n_toks,
                       nb_item **items, size_t *cap, nb_buf *words);

#endif
