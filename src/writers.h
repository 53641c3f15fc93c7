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

#endif
