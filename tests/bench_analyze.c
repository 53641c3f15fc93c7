/* bench_analyze.c - make bench's big-graph case: a generated network of
 * NODES nodes and EDGES edges (heavy-tailed degrees, as news networks have:
 * half the endpoints copy an endpoint of an earlier edge), analysed with
 * nb_analyze_with; prints the seconds of each step.
 * usage: bench_analyze NODES EDGES [exact|approx|none|auto] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "model.h"

static unsigned long long state = 0x9E3779B97F4A7C15ULL;
static size_t next_rand(size_t n)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (size_t)(state % n);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_analyze NODES EDGES [exact|approx|none|auto]\n");
        return 2;
    }
    size_t nodes = strtoul(argv[1], NULL, 10), edges = strtoul(argv[2], NULL, 10);
    nb_metrics_mode mode = NB_METRICS_AUTO;
    if (argc > 3 && !strcmp(argv[3], "exact")) mode = NB_METRICS_EXACT;
    if (argc > 3 && !strcmp(argv[3], "approx")) mode = NB_METRICS_APPROX;
    if (argc > 3 && !strcmp(argv[3], "none")) mode = NB_METRICS_NONE;
    if (nodes < 2) return 2;
    double t0 = now();
    nb_network net;
    nb_network_init(&net);
    size_t art = nb_network_add_article(&net, "bench.txt");
    size_t *ids = malloc(nodes * sizeof *ids), *ends = malloc(2 * (edges ? edges : 1) * sizeof *ends);
    if (!ids || !ends) return 1;
    char label[32];
    for (size_t i = 0; i < nodes; i++) {
        snprintf(label, sizeof label, "Actor %07zu", i);
        ids[i] = nb_network_node(&net, label, (nb_kind)(i % NB_KIND_COUNT));
    }
    size_t n_ends = 0;
    for (size_t e = 0; e < edges; e++) {
        size_t s = n_ends && next_rand(2) ? ends[next_rand(n_ends)] : next_rand(nodes);
        size_t d = n_ends && next_rand(2) ? ends[next_rand(n_ends)] : next_rand(nodes);
        if (s == d) d = (d + 1) % nodes;
        ends[n_ends++] = s;
        ends[n_ends++] = d;
        nb_network_add(&net, ids[s], (nb_rel)next_rand(NB_REL_COUNT), ids[d], art, e, "bench", "bench", NULL);
    }
    nb_network_finish(&net, true);
    double t1 = now();
    printf("big graph: %zu nodes, %zu edges, built in %.1f s\n", net.n_nodes, net.n_edges, t1 - t0);
    nb_analyze_times t;
    nb_status st = nb_analyze_with(&net, 42, mode, 0, &t);
    double t2 = now();
    printf("big graph: analysed in %.1f s (betweenness %s, closeness %s, layout %s)%s\n", t2 - t1,
           net.betweenness_method, net.closeness_method, net.layout_method, st == NB_OK ? "" : " FAILED");
    printf("  igraph graph %.2f s, degrees %.2f s, betweenness %.2f s, pagerank %.2f s, hubs %.2f s,\n"
           "  closeness %.2f s, components %.2f s, louvain %.2f s, layout %.2f s\n",
           t.build, t.degrees, t.betweenness, t.pagerank, t.hubs, t.closeness, t.components, t.louvain,
           t.layout);
    nb_network_free(&net);
    free(ids);
    free(ends);
    return st == NB_OK ? 0 : 1;
}
