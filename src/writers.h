/* writers.h - renderers that print an analysed nb_network into a sink. They
 * only write: the caller opens the sink before and closes it after, so a
 * failed write never replaces an existing file. Output is byte-identical for
 * identical networks. */
#ifndef NB_WRITERS_H
#define NB_WRITERS_H

#include "model.h"
#include "sink.h"
#include "util.h"

/* Writes net as GraphML (directed; node ids n0.., edge ids e0.. in model
 * order; labels, kinds, aliases, mentions, every metric and Gephi's x, y,
 * size and color; per edge the relation, weight, articles and evidence).
 * net is only read; out stays owned by the caller. Returns NB_ERR_IO when
 * out has recorded a write error (checked after a flush), else NB_OK. */
nb_status nb_write_graphml(const nb_network *net, nb_sink *out);

/* Writes net as a Graphviz digraph that dot, neato and sfdp all render:
 * nodes filled by kind and sized by PageRank, edges coloured and styled by
 * relation, plus a legend cluster. net is only read; out stays owned by the
 * caller. Returns NB_ERR_IO when out has recorded a write error (checked
 * after a flush), else NB_OK. */
nb_status nb_write_dot(const nb_network *net, nb_sink *out);

/* Writes net as readable text for auditing: every edge with its weight,
 * articles, and each evidence sentence with its article, byte offset and
 * the rule that fired. net is only read; out stays owned by the caller.
 * Returns NB_ERR_IO when out has recorded a write error, else NB_OK. */
nb_status nb_write_explain(const nb_network *net, nb_sink *out);

/* Writes net as GEXF 1.3 for Gephi: directed edges whose `kind` is the
 * relation, so that two relations between one pair stay two edges; the
 * GraphML's node and edge attributes plus viz:color, viz:position and
 * viz:size; edge first_seen and last_seen, and one spell per article date so
 * that Gephi's timeline plays the network. Returns NB_ERR_IO when out has
 * recorded a write error, else NB_OK. */
nb_status nb_write_gexf(const nb_network *net, nb_sink *out);

/* Write the two halves of the CSV output, RFC 4180 through libcsv, with
 * Gephi's spreadsheet headers: nodes (Id,Label,...) and edges
 * (Source,Target,Type,Kind,Weight,...). Same return as above. */
nb_status nb_write_csv_nodes(const nb_network *net, nb_sink *out);
nb_status nb_write_csv_edges(const nb_network *net, nb_sink *out);

/* Writes net as a node-link JSON document that networkx.node_link_graph
 * reads as a directed multigraph (edge key = relation); every edge's
 * evidence is an array of {article, offset, sentence, pattern}. Same return
 * as above. */
nb_status nb_write_json(const nb_network *net, nb_sink *out);

/* Writes s as a JSON string (quoted; made valid UTF-8 without control
 * characters; '<', '>' and '&' escaped so that it may sit in HTML). */
void nb_json_str(nb_sink *out, const char *s);

/* What the HTML report says about the run beyond the network: articles
 * read, files skipped and why, articles left out by --since/--until.
 * Arrays are borrowed. */
typedef struct {
    size_t read, duplicates, own_outputs;
    const char *const *skip_paths, *const *skip_reasons;
    size_t n_skips;
    size_t out_of_range;
} nb_run_info;

/* Writes a self-contained HTML report: embedded cytoscape.js, the graph at
 * its computed layout, filters, search, evidence on click, a side panel of
 * metrics and the run's summary (run may be NULL). Nothing in it fetches
 * from the network. Same return as above. */
nb_status nb_write_html(const nb_network *net, const nb_run_info *run, nb_sink *out);

/* Fill colour "#RRGGBB" of a node kind, shared by both writers so GraphML
 * (Gephi) and DOT drawings agree. Returns a static string. */
static inline const char *nb_kind_color(nb_kind k)
{
    /* Okabe-Ito colours: distinguishable with the common colour-vision
     * deficiencies. */
    switch (k) {
    case NB_KIND_COUNTRY: return "#0072B2";
    case NB_KIND_ORG: return "#E69F00";
    case NB_KIND_PERSON: return "#009E73";
    case NB_KIND_GROUP: return "#CC79A7";
    default: return "#999999";
    }
}

/* Line colour "#RRGGBB" of a relation, the DOT drawing's, so that every
 * format draws a relation alike. */
static inline const char *nb_rel_color(nb_rel r)
{
    switch (r) {
    case NB_REL_FUNDS: return "#1B9E77";
    case NB_REL_COMMANDS: return "#2F5DB8";
    case NB_REL_CONDEMNS: return "#E66101";
    case NB_REL_ATTACKED: return "#D7191C";
    default: return "#999999";
    }
}

/* Node size from PageRank, as the GraphML's `size`: 10 to 100, the largest
 * PageRank getting 100. */
static inline double nb_node_size(double pagerank, double max_pr)
{
    return max_pr > 0 ? 10.0 + 90.0 * pagerank / max_pr : 10.0;
}

#endif
