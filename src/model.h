/* model.h - the one network model every stage fills and every writer reads,
 * the way cmark's renderers all walk one node tree. Writers never re-read
 * articles: everything they print lives here. */
#ifndef NB_MODEL_H
#define NB_MODEL_H

#include <stddef.h>

#include "util.h"

typedef enum {
    NB_KIND_UNKNOWN = 0,
    NB_KIND_PERSON,
    NB_KIND_ORG,
    NB_KIND_COUNTRY,
    NB_KIND_GROUP,
    NB_KIND_COUNT
} nb_kind;

typedef enum {
    NB_REL_FUNDS = 0,
    NB_REL_COMMANDS,
    NB_REL_CONDEMNS,
    NB_REL_ATTACKED,
    NB_REL_COUNT
} nb_rel;

/* Length of an ISO date "YYYY-MM-DD". */
#define NB_DATE_LEN 10

/* An article's date and where it was read (an nb_date_from of dates.h);
 * iso is "" when the article has none. All zero: never looked for, and
 * writers take the date in the article's path (networks built by hand). */
typedef struct {
    char iso[NB_DATE_LEN + 1];
    unsigned char from;
} nb_article_date;

/* Maximum evidence sentences kept per edge: memory stays bounded by the
 * graph, not by the corpus. */
#define NB_MAX_EVIDENCE 5

/* "person", "organization", "country", "group", "unknown". */
const char *nb_kind_name(nb_kind k);
/* Returns the kind for a name (case-insensitive, "org" accepted), or -1. */
int nb_kind_parse(const char *s);
/* "funds", "commands", "condemns", "attacked". */
const char *nb_rel_name(nb_rel r);

/* What a funds edge gives, from its cues: bits, written as names joined by
 * ';' in a fixed order. */
enum {
    NB_SUPPORT_MONEY = 1 << 0,
    NB_SUPPORT_WEAPONS = 1 << 1,
    NB_SUPPORT_TRAINING = 1 << 2,
    NB_SUPPORT_TROOPS = 1 << 3,
    NB_SUPPORT_POLITICAL = 1 << 4,
    NB_SUPPORT_UNSPECIFIED = 1 << 5,
    NB_SUPPORT_KINDS = 6
};
/* The bits a name or a ";"-separated list stands for ("money",
 * "money;weapons"), or 0. */
unsigned nb_support_bit(const char *name);
/* Writes mask as "money;weapons" into out, which must hold 64 bytes. */
void nb_support_format(unsigned mask, char out[64]);

/* Metrics computed by analyze.c; all finite. */
typedef struct {
    double in_degree, out_degree, degree;
    double w_in_degree, w_out_degree;
    double betweenness, pagerank, hub, authority, harmonic;
    long weak_component, strong_component, community;
    double x, y;
} nb_metrics;

typedef struct {
    char *label;       /* canonical name: valid UTF-8, no control characters */
    nb_kind kind;
    char **aliases;    /* surface forms seen, sorted, unique, label excluded */
    size_t n_aliases, cap_aliases;
    long mentions;     /* how often the actor was mentioned in all articles */
    nb_metrics m;
} nb_node;

typedef struct {
    size_t article;    /* index into nb_network.articles */
    size_t offset;     /* byte offset of the sentence in the original file */
    char *sentence;    /* cleaned sentence text */
    char *rule;        /* name of the pattern that fired */
    char *path;        /* dependency path from source to target ("" when unparsed) */
} nb_evidence;

typedef struct {
    size_t src, dst;   /* node indices */
    nb_rel rel;
    long weight;       /* number of mentions */
    size_t *articles;  /* article indices, sorted, unique */
    size_t n_articles, cap_articles;
    nb_evidence ev[NB_MAX_EVIDENCE];
    size_t n_ev;
    unsigned support;  /* funds: NB_SUPPORT_* bits of every mention */
} nb_edge;

/* The network owns every string and array reachable from it; free it with
 * nb_network_free. After nb_network_finish, nodes are sorted by label and
 * edges by (source label, relation, target label). */
typedef struct {
    char **articles;   /* article paths relative to their input folder */
    size_t n_articles, cap_articles;
    char **copies;     /* per article: NULL, or the ';'-joined paths of byte-identical copies */
    size_t cap_copies;
    nb_article_date *dates; /* per article (grown with articles), all zero until set */
    size_t cap_dates;
    nb_node *nodes;
    size_t n_nodes, cap_nodes;
    nb_edge *edges;
    size_t n_edges, cap_edges;
    /* How analyze.c computed betweenness, closeness and the layout
     * ("exact", "sampled-128", "none"; "fruchterman-reingold",
     * "fruchterman-reingold-grid-50"):
     * static strings, NULL before the analysis. */
    const char *betweenness_method, *closeness_method, *layout_method;
    nb_map node_index; /* label key -> node index */
    nb_map edge_index; /* "src\trel\tdst" -> edge index */
} nb_network;

void nb_network_init(nb_network *net);
void nb_network_free(nb_network *net);

/* Registers an article path (copied) and returns its index. */
size_t nb_network_add_article(nb_network *net, const char *relpath);

/* Sets the date of an article (iso "" when undated; from is an
 * nb_date_from of dates.h); iso is copied. */
void nb_network_article_date(nb_network *net, size_t article, const char *iso, int from);

/* Records path as a byte-identical copy of article (kept in provenance, not
 * counted again). */
void nb_network_article_copy(nb_network *net, size_t article, const char *path);

/* Returns the node for label, creating it with kind when new. A known kind
 * replaces NB_KIND_UNKNOWN on an existing node. label is copied. */
size_t nb_network_node(nb_network *net, const char *label, nb_kind kind);

/* Records an alias surface form for a node (copied; ignored when equal to
 * the label or already present). */
void nb_network_alias(nb_network *net, size_t node, const char *alias);

/* Adds one mention of (src, rel, dst) with its evidence (strings copied;
 * rule and path may be NULL). Self-loops are ignored. */
void nb_network_add(nb_network *net, size_t src, nb_rel rel, size_t dst,
                    size_t article, size_t offset, const char *sentence,
                    const char *rule, const char *path);

/* Adds support bits to the (src, rel, dst) edge, which must exist. */
void nb_network_support(nb_network *net, size_t src, nb_rel rel, size_t dst, unsigned mask);

/* Merges node `from` into node `into` (edges, aliases, mentions). Only valid
 * before nb_network_finish. */
void nb_network_merge(nb_network *net, size_t into, size_t from);

/* Drops merged-away and (when drop_isolated) edge-less nodes, then sorts
 * nodes and edges deterministically. */
void nb_network_finish(nb_network *net, bool drop_isolated);

#endif
