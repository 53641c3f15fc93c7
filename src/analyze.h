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
 * layout are identical across runs. Betweenness and closeness are exact up
 * to NB_EXACT_NODES nodes and sampled above (see nb_analyze_with). The
 * network keeps owning everything;
 * nothing is allocated for the caller. Returns NB_OK, or NB_ERR_GRAPH when
 * igraph fails (the metrics are then all zero). Every value is finite. */
nb_status nb_analyze(nb_network *net, unsigned long seed);

/* How betweenness and harmonic closeness are computed (both O(V*E) when
 * exact, hours on a million edges): */
typedef enum {
    NB_METRICS_AUTO = 0, /* exact up to exact_nodes nodes, sampled above */
    NB_METRICS_EXACT,
    NB_METRICS_APPROX,   /* estimated from NB_PIVOTS sources drawn with the seed */
    NB_METRICS_NONE      /* not computed: written as 0 */
} nb_metrics_mode;

#define NB_EXACT_NODES 5000
#define NB_PIVOTS 128

/* Seconds spent in each step of the last nb_analyze_with call, for make
 * bench (every step also runs when the caller passes no times). */
typedef struct {
    double build, degrees, betweenness, pagerank, hubs, closeness, components, louvain, layout;
} nb_analyze_times;

/* nb_analyze with a size budget: mode as above, exact_nodes the AUTO
 * threshold (0: NB_EXACT_NODES). Above the threshold the layout is
 * Fruchterman-Reingold on a grid with 50 iterations instead of 500. PageRank, hubs, components and Louvain
 * are always exact. The methods used are recorded in net (static
 * strings). times may be NULL; it is filled when not. */
nb_status nb_analyze_with(nb_network *net, unsigned long seed, nb_metrics_mode mode,
                          size_t exact_nodes, nb_analyze_times *times);

#endif
