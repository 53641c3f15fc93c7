/* analyze.h - the analyse stage: network metrics and a layout computed with
 * igraph, stored on every node's nb_metrics for the writers to print. */
#ifndef NB_ANALYZE_H
#define NB_ANALYZE_H

#include "model.h"
#include "util.h"

/* Fills net->nodes[i].m for every node of a finished network (call after
 * nb_network_finish): degrees, weighted degrees, betweenness, PageRank, hub
 * and authority scores, harmonic closeness, weak and strong component ids,
 * Louvain community ids and a Fruchterman-Reingold layout scaled to about
 * [-1000, 1000]. seed drives igraph's RNG so that the communities and the
 * layout are identical across runs. The network keeps owning everything;
 * nothing is allocated for the caller. Returns NB_OK, or NB_ERR_GRAPH when
 * igraph fails (the metrics are then all zero). Every value is finite. */
nb_status nb_analyze(nb_network *net, unsigned long seed);

#endif
