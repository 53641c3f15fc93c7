/* actors.h - the actors stage: finds actor mentions in a sentence (the
 * dictionary, unknown proper names, demonyms, generic groups, pronouns and
 * definite descriptions) and keeps the per-article entity table that
 * coreference resolves against. */
#ifndef NB_ACTORS_H
#define NB_ACTORS_H

#include <pthread.h>

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
    NB_ROLE_ARMY = 1 << 7,          /* "Sudan's army": "the army" refers back */
    NB_ROLE_MINISTRY = 1 << 8       /* "Russia's foreign ministry": "the ministry" refers back */
};

typedef struct {
    char *label;         /* canonical label (dictionary name or cleaned name) */
    char *key;           /* normalized label */
    char *skel;          /* skeleton of the label */
    char *surname;       /* skeleton of the last word, for persons */
    nb_kind kind;
    int dict;            /* dictionary entry or -1 */
    bool organ;          /* the dictionary's state organ (nb_dict_entry.organ) */
    uint32_t roles;      /* NB_ROLE_* */
    int country;         /* entity of an affiliated country, or -1 */
    char *group_head;    /* generic groups: "militias", "protesters"... */
    char *noun;          /* organisation noun it was named after ("the naval
                          * mission Aspides"): "the mission" refers back */
    size_t last_seen;    /* mention clock of the latest mention */
    size_t last_sent;    /* sentence of the latest mention, counted from 1 */
    size_t first_sent;   /* sentence it was first mentioned in */
    bool described;      /* an organisation described before it is named ("a
                          * Chinese cybersecurity company"): an actor only
                          * once folded into the name (alias_of) */
    size_t sent_rank;    /* order of its first mention within that sentence */
    int alias_of;        /* entity this one was declared another name of, or -1 */
    int org;             /* persons: the organisation a title or apposition says they lead, or -1 */
    bool quoted;         /* its latest mention was inside a quotation */
    int pair[2];         /* "both sides": the two parties it stands for, else -1 */
    int armed;           /* organisations: times the article called it an armed
                          * group ("M23 rebels", "fighters of X", "X, a rebel
                          * group"): "the rebels" refers back to it */
    long mentions;
    char **forms;        /* surface forms seen */
    size_t n_forms, cap_forms;
} nb_entity;

/* A multimap from strings to ints: per key a chain of values, newest
 * first, so that a lookup touches one key's values, never all of them. */
typedef struct {
    nb_map heads;        /* key -> its newest node */
    int *vals;
    size_t *next;        /* node -> older node of the same key, SIZE_MAX at the end */
    size_t n, cap;
} nb_multimap;

/* Names seen across articles, so later articles reuse the first spelling.
 * Only names with a skeleton of 4 bytes or more are kept: no lookup can
 * return a shorter one, so "G7" is not stored again in every article. */
typedef struct {
    nb_map by_skel;      /* skeleton -> index into labels */
    nb_map by_surname;   /* surname skeleton -> index, SIZE_MAX if ambiguous */
    char **labels;
    char **skels;        /* skeleton of each label */
    nb_kind *kinds;
    size_t n, cap;
    /* SymSpell deletion neighbourhoods of the skeletons of 8 to 64 bytes
     * (the ones the one-edit match reads): the hash of a skeleton and of
     * each one-byte deletion of it -> chain of label indices, newest first.
     * Two skeletons within one edit (substitution, insertion, deletion,
     * adjacent swap) share one of these keys. */
    uint64_t *del_keys;  /* open addressing; 0 is an empty slot */
    uint32_t *del_heads; /* per slot: newest node */
    size_t del_cap, del_len;
    uint32_t *node_label;
    uint32_t *node_next; /* UINT32_MAX ends a chain */
    size_t n_nodes, cap_nodes;
} nb_names;

/* One use an article made of the cross-article name table: a lookup and
 * what it returned, or an addition. An article's log lets a stored article
 * be checked against, and replayed into, the table of another run (store.h):
 * an article whose lookups all return the same is extracted the same. */
typedef struct {
    bool add;
    bool one_word;       /* lookup: one word (a surname may match) */
    nb_kind kind;        /* lookup: the kind found; add: the kind added */
    char *sk;            /* the skeleton looked up or added */
    char *label;         /* lookup: the label found, NULL for none; add: the label */
    char *surname;       /* add: a person's surname skeleton to map, or NULL */
} nb_name_event;

/* An article's events in order; the owner frees it with nb_name_log_free. */
typedef struct {
    nb_name_event *ev;
    size_t n, cap;
} nb_name_log;

/* A sentence's words (hashed) with the actor named before each. */
typedef struct {
    uint32_t h[64];
    int ent[64];
    int n;
    bool reactive; /* it reports speech or a condemnation: a reaction, no deed to judge */
    bool judging;  /* it holds a word of negative judgment: its speaker may be a critic */
} nb_deed_sent;

/* An attack the article reported, for "condemned the strikes" later on. */
typedef struct {
    int ents[4];         /* attackers */
    int n;
    char family;         /* 's' strike, 'a' attack, 'k' killing... (relations.c) */
    int struck[4];       /* the actors struck, as later sentences may leave unsaid */
    int n_struck;
    size_t sent;         /* the sentence that told it */
    char aka[4];         /* other families its sentence named it by ("killed ... in an ambush") */
} nb_attack_event;

typedef struct {
    const nb_dict *dict;
    nb_names *names;
    nb_name_log *log;    /* when set, every use of names is appended here (borrowed) */
    /* An extraction thread's view (pipeline.c): names holds only this
     * article's own names, and lookups read base, then names, as one table
     * (base_lock held while base is read: another thread adds to it).
     * The log, replayed in input order, tells whether the answers hold. */
    const nb_names *base;
    pthread_mutex_t *base_lock;
    nb_entity *ents;
    size_t n_ents, cap_ents;
    size_t clock;
    size_t sentence;     /* current sentence, counted from 1 */
    int dateline_entry;  /* the dictionary entry of the dateline's country, or -1 */
    size_t rank;         /* mentions so far in the current sentence */
    nb_attack_event events[8]; /* the latest attacks, a ring: newest at (n_events - 1) % 8 */
    size_t n_events;
    nb_attack_event first_event; /* the article's first attack: its main event, often */
    /* The words of the latest sentences, each with the actor named before it
     * (a ring of sentences: newest at (n_deeds - 1) % 8), for "the
     * expulsions" later: who "expelled" (relations.c) */
    nb_deed_sent deeds[8];
    size_t n_deeds;
    /* The latest condemnations (source, target), a ring: newest at
     * (n_critics - 1) % 8; "Y rejected the criticism" is Y's critic's */
    int critics[8][2];
    size_t n_critics;
    /* The state whose ministry the article named last, and the sentence
     * (0: none): "the ministry" (a ministry of no state: -1) */
    int ministry_ent;
    size_t ministry_sent;
    /* The actor that opened the last two sentences ("Russia is using
     * aircraft ...": its subject, for a "This is unacceptable" after it),
     * -1 for none: [0] the sentence before the latest, [1] the latest. */
    int opener[2];
    nb_map declared;     /* "(SNA)" after a name: name key -> entity, over the dictionary */
    int pair[2];         /* the latest two parties named together ("X and Y"), and */
    size_t pair_sent;    /* ... the sentence they were named in (0: none) */
    nb_map places;       /* unknown names seen alone after "in", "near"...: the article's places */
    /* Indices over ents[0, n_indexed), filled just before a lookup (a group
     * gets its group_head after it is made): the first entity with a key,
     * a skeleton or a label, and the entities by surname ("s"), by the
     * leading ("p") and trailing ("t") words of their skeleton, and by the
     * capitals of their label ("a"). Kinds and aliases change during the
     * article, so lookups filter on those. */
    nb_map first_key, first_skel, first_label;
    nb_multimap parts;
    size_t n_indexed;
} nb_article_actors;

void nb_names_free(nb_names *names);

void nb_name_log_free(nb_name_log *log);
/* Appends an event; the strings are copied (NULL stays NULL). */
void nb_name_log_push(nb_name_log *log, bool add, bool one_word, nb_kind kind, const char *sk,
                      const char *label, const char *surname);

/* The name an unknown name with skeleton sk resolves to across articles:
 * the same skeleton, else (one_word) the same surname, else the first name
 * within one edit. Returns its index or SIZE_MAX. */
size_t nb_names_lookup(const nb_names *names, const char *sk, size_t sk_len, bool one_word);

/* Adds a new name with its skeleton and (persons of several words) its
 * surname skeleton, or NULL: nb_names_add plus the maps. */
void nb_names_insert(nb_names *names, const char *label, nb_kind kind, const char *sk, size_t sk_len,
                     const char *surname);

/* Replays log into names: checks that each lookup returns what it returned
 * when the article was extracted (with the article's own additions before
 * it), then applies the additions. Returns false, leaving names as it was,
 * when a lookup differs: the article must be extracted again. */
bool nb_names_replay(nb_names *names, const nb_name_log *log);

/* Adds a name seen in an article: its label (copied), kind and skeleton sk
 * (sk_len bytes, copied; see nb_name_skeleton). Returns its index. The
 * caller maps the skeleton and surname to it (by_skel, by_surname). */
size_t nb_names_add(nb_names *names, const char *label, nb_kind kind, const char *sk, size_t sk_len);

/* The index of the first name (the lowest) whose skeleton has 8 to 64
 * bytes and is within one edit of sk (nb_edit_distance <= 1), which a scan
 * of every name in order would find, or SIZE_MAX. Compares at most 64
 * candidates, so a flood of near-identical names costs a bounded time
 * (and may then miss a match). */
size_t nb_names_near(const nb_names *names, const char *sk, size_t sk_len);

/* Starts an article. dict and names are borrowed and must outlive aa. */
/* Whose forces a person commands: the organisation they lead, else the
 * country they serve as head of state, minister, officer or spokesperson
 * ("our aircraft" said by Israel's defence minister); -1 if none. */
int nb_actors_owner(const nb_article_actors *aa, int person);
/* The country the article is about: named at least twice and clearly more
 * than any other (two in a dispute are no guess), or -1. */
int nb_actors_home_state(const nb_article_actors *aa);
/* The actor that opened the sentence before the current one, or -1. */
int nb_actors_prev_opener(const nb_article_actors *aa);

void nb_actors_begin(nb_article_actors *aa, const nb_dict *dict, nb_names *names);
/* Notes the country the article's dateline names ("KABUL (Reuters) -",
 * "SAN JOSE, Costa Rica -"): the place a story is filed from is the state
 * an unqualified "the government" most likely means. */
void nb_actors_dateline(nb_article_actors *aa, const char *place);
/* Folds the article's generic armed groups into the armed organisation it
 * named (call at the article's end, before entities become nodes). */
void nb_actors_fold_generic(nb_article_actors *aa);
/* Frees the article's entities. */
void nb_actors_end(nb_article_actors *aa);

/* Turns the tokens of sentence s into items (grown in *items; the caller
 * frees it) and returns their count. words receives the lowercase word
 * strings the items point into; the caller owns and frees it. */
size_t nb_actors_items(nb_article_actors *aa, const char *s, const nb_tok *toks, size_t n_toks,
                       nb_item **items, size_t *cap, nb_buf *words);

#endif
