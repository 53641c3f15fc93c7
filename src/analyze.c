#include "analyze.h"

#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Work vectors, kept in arrays so that cleanup can destroy exactly the ones
 * that were initialised, in any failure order. */
enum {
    V_WEIGHT,      /* per directed edge */
    V_STR_IN,
    V_STR_OUT,
    V_BETWEEN,
    V_PAGERANK,
    V_HUB,
    V_AUTH,
    V_HARMONIC,
    V_UWEIGHT,     /* per collapsed undirected edge */
    V_COUNT
};

enum {
    I_EDGES,       /* directed edge list, 2 entries per edge */
    I_DEG_IN,
    I_DEG_OUT,
    I_WEAK,
    I_STRONG,
    I_UEDGES,      /* collapsed undirected edge list */
    I_COMMUNITY,
    I_COUNT
};

/* An undirected pair with its summed weight, used to collapse parallel and
 * antiparallel edges before Louvain. */
typedef struct {
    igraph_integer_t a, b;
    double w;
} pair;

static int cmp_pair(const void *x, const void *y)
{
    const pair *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    return 0;
}

#define NB_STR_(x) #x
#define NB_STR(x) NB_STR_(x)

static double or_zero(double v) { return isfinite(v) ? v : 0.0; }

/* igraph numbers components and communities in an order that depends on its
 * internals; renumbering by first appearance over the label-sorted nodes
 * makes the ids depend only on the network. */
static void renumber(igraph_vector_int_t *memb)
{
    igraph_integer_t n = igraph_vector_int_size(memb), max = -1;
    for (igraph_integer_t i = 0; i < n; i++)
        if (VECTOR(*memb)[i] > max) max = VECTOR(*memb)[i];
    if (max < 0) return;
    igraph_integer_t *map = nb_malloc((size_t)(max + 1) * sizeof *map);
    for (igraph_integer_t i = 0; i <= max; i++) map[i] = -1;
    igraph_integer_t next = 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        igraph_integer_t old = VECTOR(*memb)[i];
        if (old < 0) continue;
        if (map[old] < 0) map[old] = next++;
        VECTOR(*memb)[i] = map[old];
    }
    free(map);
}

/* Builds the undirected simple graph Louvain and the layout run on: one edge
 * per unordered pair, weighted by the sum of the directed edges' weights. */
static igraph_error_t collapse(const nb_network *net, igraph_vector_int_t *uedges,
                               igraph_vector_t *uweights)
{
    size_t m = net->n_edges, k = 0;
    pair *pairs = nb_malloc((m ? m : 1) * sizeof *pairs);
    for (size_t i = 0; i < m; i++) {
        const nb_edge *e = &net->edges[i];
        igraph_integer_t s = (igraph_integer_t)e->src, d = (igraph_integer_t)e->dst;
        pairs[i].a = s < d ? s : d;
        pairs[i].b = s < d ? d : s;
        pairs[i].w = (double)e->weight;
    }
    qsort(pairs, m, sizeof *pairs, cmp_pair);
    for (size_t i = 0; i < m; i++) {
        if (k > 0 && pairs[k - 1].a == pairs[i].a && pairs[k - 1].b == pairs[i].b)
            pairs[k - 1].w += pairs[i].w;
        else
            pairs[k++] = pairs[i];
    }
    igraph_error_t rc = igraph_vector_int_resize(uedges, (igraph_integer_t)(2 * k));
    if (rc == IGRAPH_SUCCESS) rc = igraph_vector_resize(uweights, (igraph_integer_t)k);
    if (rc == IGRAPH_SUCCESS) {
        for (size_t i = 0; i < k; i++) {
            VECTOR(*uedges)[2 * i] = pairs[i].a;
            VECTOR(*uedges)[2 * i + 1] = pairs[i].b;
            /* A zero weight would make Louvain divide by zero. */
            VECTOR(*uweights)[i] = pairs[i].w > 0 ? pairs[i].w : 1.0;
        }
    }
    free(pairs);
    return rc;
}

/* Centres the layout on the origin and scales it uniformly (keeping the
 * aspect ratio) so the farthest coordinate lands on +-1000. */
static void store_layout(nb_network *net, const igraph_matrix_t *xy)
{
    size_t n = net->n_nodes;
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double x = or_zero(MATRIX(*xy, (igraph_integer_t)i, 0));
        double y = or_zero(MATRIX(*xy, (igraph_integer_t)i, 1));
        minx = fmin(minx, x);
        maxx = fmax(maxx, x);
        miny = fmin(miny, y);
        maxy = fmax(maxy, y);
    }
    double cx = (minx + maxx) / 2, cy = (miny + maxy) / 2;
    double half = fmax(maxx - minx, maxy - miny) / 2;
    double scale = half > 1e-12 ? 1000.0 / half : 0.0;
    for (size_t i = 0; i < n; i++) {
        nb_metrics *m = &net->nodes[i].m;
        m->x = or_zero((or_zero(MATRIX(*xy, (igraph_integer_t)i, 0)) - cx) * scale);
        m->y = or_zero((or_zero(MATRIX(*xy, (igraph_integer_t)i, 1)) - cy) * scale);
    }
}

/* igraph errors come back as return codes (after igraph frees its own
 * temporaries) instead of aborting the whole tool - except running out of
 * memory: igraph's unwinding after a failed allocation is not reliable
 * (igraph 0.10.2 crashes inside igraph_community_multilevel), and netbuild
 * stops on out-of-memory everywhere else too (util.h). */
static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    if (err == IGRAPH_ENOMEM) {
        fprintf(stderr, "netbuild: out of memory in igraph (%s:%d: %s)\n", file, line, reason);
        abort();
    }
    igraph_error_handler_printignore(reason, file, line, err);
}

/* Like on_igraph_error, without the message: for calls with a fallback. */
static void quiet_igraph_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    if (err == IGRAPH_ENOMEM) on_igraph_error(reason, file, line, err);
    else igraph_error_handler_ignore(reason, file, line, err); /* frees igraph's temporaries */
}

/* The weight igraph gets for edge e (see nb_analyze). */
static double edge_weight(const nb_network *net, size_t e)
{
    return net->edges[e].weight > 0 ? (double)net->edges[e].weight : 1.0;
}

/* Hub and authority scores by power iteration from a uniform start, scaled
 * to a maximum of 1 like igraph's: a = A'h, h = Aa, with mention weights. */
static igraph_error_t hub_power(const nb_network *net, igraph_vector_t *hub, igraph_vector_t *auth)
{
    size_t n = net->n_nodes;
    IGRAPH_CHECK(igraph_vector_resize(hub, (igraph_integer_t)n));
    IGRAPH_CHECK(igraph_vector_resize(auth, (igraph_integer_t)n));
    double *next = nb_malloc(n * sizeof *next);
    igraph_vector_fill(hub, 1.0);
    for (int it = 0; it < 1000; it++) {
        igraph_vector_null(auth);
        for (size_t e = 0; e < net->n_edges; e++)
            VECTOR(*auth)[net->edges[e].dst] += edge_weight(net, e) * VECTOR(*hub)[net->edges[e].src];
        double amax = igraph_vector_max(auth);
        if (!(amax > 0)) break;
        igraph_vector_scale(auth, 1.0 / amax);
        memset(next, 0, n * sizeof *next);
        for (size_t e = 0; e < net->n_edges; e++)
            next[net->edges[e].src] += edge_weight(net, e) * VECTOR(*auth)[net->edges[e].dst];
        double hmax = 0, change = 0;
        for (size_t i = 0; i < n; i++) hmax = next[i] > hmax ? next[i] : hmax;
        if (!(hmax > 0)) break;
        for (size_t i = 0; i < n; i++) {
            double h = next[i] / hmax;
            change = fmax(change, fabs(h - VECTOR(*hub)[i]));
            VECTOR(*hub)[i] = h;
        }
        if (change < 1e-12) break;
    }
    free(next);
    return IGRAPH_SUCCESS;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* min(n, NB_PIVOTS) distinct nodes drawn with igraph's RNG seeded by seed
 * (a partial Fisher-Yates shuffle), sorted: the same pivots every run. */
static igraph_error_t draw_pivots(size_t n, unsigned long seed, igraph_vector_int_t *piv)
{
    size_t k = n < NB_PIVOTS ? n : NB_PIVOTS;
    IGRAPH_CHECK(igraph_vector_int_resize(piv, (igraph_integer_t)k));
    igraph_integer_t *all = nb_malloc((n ? n : 1) * sizeof *all);
    for (size_t i = 0; i < n; i++) all[i] = (igraph_integer_t)i;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    for (size_t i = 0; i < k; i++) {
        size_t j = i + (size_t)igraph_rng_get_integer(igraph_rng_default(), 0, (igraph_integer_t)(n - 1 - i));
        igraph_integer_t t = all[i];
        all[i] = all[j];
        all[j] = t;
        VECTOR(*piv)[i] = all[i];
    }
    free(all);
    igraph_vector_int_sort(piv);
    return IGRAPH_SUCCESS;
}

/* Betweenness estimated from the shortest paths that start at the pivots,
 * scaled by n/k (Brandes and Pich 2007): unbiased, k single-source passes
 * instead of n. */
static igraph_error_t betweenness_sampled(const igraph_t *g, const igraph_vector_int_t *piv,
                                          igraph_vector_t *res)
{
    igraph_integer_t n = igraph_vcount(g), k = igraph_vector_int_size(piv);
    IGRAPH_CHECK(igraph_betweenness_subset(g, res, igraph_vss_all(), IGRAPH_DIRECTED,
                                           igraph_vss_vector(piv), igraph_vss_all(), NULL));
    if (k > 0) igraph_vector_scale(res, (double)n / (double)k);
    return IGRAPH_SUCCESS;
}

/* Normalised harmonic closeness (directions ignored, as the exact one is
 * computed) estimated as each node's mean of 1/distance to the pivots other
 * than itself: one breadth-first search per pivot. */
static igraph_error_t harmonic_sampled(const nb_network *net, const igraph_vector_int_t *piv,
                                       igraph_vector_t *res)
{
    size_t n = net->n_nodes, m = net->n_edges, k = (size_t)igraph_vector_int_size(piv);
    IGRAPH_CHECK(igraph_vector_resize(res, (igraph_integer_t)n));
    igraph_vector_null(res);
    size_t *off = nb_calloc(n + 1, sizeof *off);
    size_t *adj = nb_malloc((m ? 2 * m : 1) * sizeof *adj);
    for (size_t e = 0; e < m; e++) {
        off[net->edges[e].src + 1]++;
        off[net->edges[e].dst + 1]++;
    }
    for (size_t i = 0; i < n; i++) off[i + 1] += off[i];
    size_t *fill = nb_malloc((n ? n : 1) * sizeof *fill);
    memcpy(fill, off, n * sizeof *fill);
    for (size_t e = 0; e < m; e++) {
        adj[fill[net->edges[e].src]++] = net->edges[e].dst;
        adj[fill[net->edges[e].dst]++] = net->edges[e].src;
    }
    free(fill);
    long *dist = nb_malloc((n ? n : 1) * sizeof *dist);
    size_t *queue = nb_malloc((n ? n : 1) * sizeof *queue);
    bool *is_pivot = nb_calloc(n ? n : 1, sizeof *is_pivot);
    for (size_t i = 0; i < n; i++) dist[i] = -1;
    for (size_t p = 0; p < k; p++) {
        size_t src = (size_t)VECTOR(*piv)[p], head = 0, tail = 0;
        is_pivot[src] = true;
        dist[src] = 0;
        queue[tail++] = src;
        while (head < tail) {
            size_t u = queue[head++];
            if (u != src) VECTOR(*res)[(igraph_integer_t)u] += 1.0 / (double)dist[u];
            for (size_t a = off[u]; a < off[u + 1]; a++)
                if (dist[adj[a]] < 0) {
                    dist[adj[a]] = dist[u] + 1;
                    queue[tail++] = adj[a];
                }
        }
        for (size_t q = 0; q < tail; q++) dist[queue[q]] = -1;
    }
    for (size_t i = 0; i < n; i++) {
        size_t others = k - (is_pivot[i] ? 1 : 0);
        VECTOR(*res)[(igraph_integer_t)i] = others ? VECTOR(*res)[(igraph_integer_t)i] / (double)others : 0.0;
    }
    free(is_pivot);
    free(queue);
    free(dist);
    free(adj);
    free(off);
    return IGRAPH_SUCCESS;
}

nb_status nb_analyze(nb_network *net, unsigned long seed)
{
    return nb_analyze_with(net, seed, NB_METRICS_AUTO, 0, NULL);
}

nb_status nb_analyze_with(nb_network *net, unsigned long seed, nb_metrics_mode mode,
                          size_t exact_nodes, nb_analyze_times *times)
{
    nb_status st = NB_ERR_GRAPH;
    igraph_vector_t v[V_COUNT];
    igraph_vector_int_t iv[I_COUNT];
    size_t nv = 0, niv = 0;
    igraph_t g, ug;
    igraph_matrix_t xy;
    igraph_vector_int_t piv;
    bool have_piv = false;
    bool have_g = false, have_ug = false, have_xy = false;
    size_t n = net->n_nodes, m = net->n_edges;
    nb_analyze_times t = {0};
    double t0 = now(), t1;
    /* Above the threshold exact betweenness and closeness would take hours
     * and FR's 500 iterations minutes: sample them, and lay out in 50. */
    bool big = n > (exact_nodes ? exact_nodes : NB_EXACT_NODES);
    if (mode == NB_METRICS_AUTO) mode = big ? NB_METRICS_APPROX : NB_METRICS_EXACT;
    static const char *const METHOD[] = {"exact", "exact", "sampled-" NB_STR(NB_PIVOTS), "none"};
    net->betweenness_method = net->closeness_method = METHOD[mode];
    net->layout_method = big ? "fruchterman-reingold-grid-50" : "fruchterman-reingold";

    /* Metrics left untouched by a failure must still be finite. */
    for (size_t i = 0; i < n; i++) memset(&net->nodes[i].m, 0, sizeof net->nodes[i].m);
    if (n == 0) {
        st = NB_OK;
        goto cleanup;
    }
    if (n > (size_t)IGRAPH_INTEGER_MAX / 2 || m > (size_t)IGRAPH_INTEGER_MAX / 2) goto cleanup;

    igraph_set_error_handler(on_igraph_error);

    for (; nv < V_COUNT; nv++)
        if (igraph_vector_init(&v[nv], 0) != IGRAPH_SUCCESS) goto cleanup;
    for (; niv < I_COUNT; niv++)
        if (igraph_vector_int_init(&iv[niv], 0) != IGRAPH_SUCCESS) goto cleanup;
    if (igraph_matrix_init(&xy, 0, 0) != IGRAPH_SUCCESS) goto cleanup;
    have_xy = true;
    if (igraph_vector_int_init(&piv, 0) != IGRAPH_SUCCESS) goto cleanup;
    have_piv = true;

    if (igraph_vector_int_resize(&iv[I_EDGES], (igraph_integer_t)(2 * m)) != IGRAPH_SUCCESS ||
        igraph_vector_resize(&v[V_WEIGHT], (igraph_integer_t)m) != IGRAPH_SUCCESS)
        goto cleanup;
    for (size_t i = 0; i < m; i++) {
        VECTOR(iv[I_EDGES])[2 * i] = (igraph_integer_t)net->edges[i].src;
        VECTOR(iv[I_EDGES])[2 * i + 1] = (igraph_integer_t)net->edges[i].dst;
        VECTOR(v[V_WEIGHT])[i] = edge_weight(net, i);
    }
    /* Parallel edges with different relations stay separate: each relation
     * is its own tie for degrees, PageRank and hub scores. */
    if (igraph_create(&g, &iv[I_EDGES], (igraph_integer_t)n, IGRAPH_DIRECTED) != IGRAPH_SUCCESS)
        goto cleanup;
    have_g = true;

    t1 = now();
    t.build = t1 - t0;
    t0 = t1;

    if (igraph_degree(&g, &iv[I_DEG_IN], igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS) ||
        igraph_degree(&g, &iv[I_DEG_OUT], igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS) ||
        igraph_strength(&g, &v[V_STR_IN], igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, &v[V_WEIGHT]) ||
        igraph_strength(&g, &v[V_STR_OUT], igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS, &v[V_WEIGHT]))
        goto cleanup;
    t1 = now();
    t.degrees = t1 - t0;
    t0 = t1;
    /* Unweighted: weights count mentions, not distances. */
    if (mode == NB_METRICS_APPROX) {
        if (draw_pivots(n, seed, &piv) || betweenness_sampled(&g, &piv, &v[V_BETWEEN])) goto cleanup;
    } else if (mode == NB_METRICS_EXACT) {
        if (igraph_betweenness(&g, &v[V_BETWEEN], igraph_vss_all(), IGRAPH_DIRECTED, NULL))
            goto cleanup;
    } else if (igraph_vector_resize(&v[V_BETWEEN], (igraph_integer_t)n)) {
        goto cleanup;
    } else {
        igraph_vector_null(&v[V_BETWEEN]);
    }
    t1 = now();
    t.betweenness = t1 - t0;
    t0 = t1;
    if (igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &v[V_PAGERANK], NULL, igraph_vss_all(),
                        IGRAPH_DIRECTED, 0.85, &v[V_WEIGHT], NULL))
        goto cleanup;
    t1 = now();
    t.pagerank = t1 - t0;
    t0 = t1;
    /* Hub scores are undefined without edges (igraph would return NaN or
     * fail); they stay 0. ARPACK draws its start vector from igraph's RNG,
     * hence the seed. */
    if (m > 0) {
        igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
        /* ARPACK in igraph 0.10.2 gives up on some small graphs ("No shifts
         * could be applied"): power iteration gives the same scores there. */
        igraph_set_error_handler(quiet_igraph_error);
        igraph_error_t hs = igraph_hub_and_authority_scores(&g, &v[V_HUB], &v[V_AUTH], NULL, true,
                                                            &v[V_WEIGHT], NULL);
        igraph_set_error_handler(on_igraph_error);
        if (hs != IGRAPH_SUCCESS && hub_power(net, &v[V_HUB], &v[V_AUTH]) != IGRAPH_SUCCESS)
            goto cleanup;
    }
    t1 = now();
    t.hubs = t1 - t0;
    t0 = t1;
    if (mode == NB_METRICS_APPROX) {
        if (harmonic_sampled(net, &piv, &v[V_HARMONIC])) goto cleanup;
    } else if (mode == NB_METRICS_EXACT) {
        if (igraph_harmonic_centrality(&g, &v[V_HARMONIC], igraph_vss_all(), IGRAPH_ALL, NULL, true))
            goto cleanup;
    } else if (igraph_vector_resize(&v[V_HARMONIC], (igraph_integer_t)n)) {
        goto cleanup;
    } else {
        igraph_vector_null(&v[V_HARMONIC]);
    }
    t1 = now();
    t.closeness = t1 - t0;
    t0 = t1;
    if (igraph_connected_components(&g, &iv[I_WEAK], NULL, NULL, IGRAPH_WEAK) ||
        igraph_connected_components(&g, &iv[I_STRONG], NULL, NULL, IGRAPH_STRONG))
        goto cleanup;
    renumber(&iv[I_WEAK]);
    renumber(&iv[I_STRONG]);

    t1 = now();
    t.components = t1 - t0;
    t0 = t1;
    /* Louvain needs an undirected graph, and parallel edges would count a
     * pair once per relation instead of by total weight. */
    if (collapse(net, &iv[I_UEDGES], &v[V_UWEIGHT]) != IGRAPH_SUCCESS) goto cleanup;
    if (igraph_create(&ug, &iv[I_UEDGES], (igraph_integer_t)n, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        goto cleanup;
    have_ug = true;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    if (igraph_community_multilevel(&ug, &v[V_UWEIGHT], 1.0, &iv[I_COMMUNITY], NULL, NULL))
        goto cleanup;
    renumber(&iv[I_COMMUNITY]);

    t1 = now();
    t.louvain = t1 - t0;
    t0 = t1;

    /* Unweighted layout: a few heavily reported pairs would otherwise
     * collapse onto single points. */
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    /* Above the threshold: fewer iterations on a grid (DrL took minutes
     * on 20,000 nodes in igraph 0.10.2). */
    if (igraph_layout_fruchterman_reingold(&ug, &xy, false, big ? 50 : 500, sqrt((double)n),
                                           big ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_AUTOGRID, NULL,
                                           NULL, NULL, NULL, NULL))
        goto cleanup;
    t.layout = now() - t0;
    if (igraph_matrix_nrow(&xy) != (igraph_integer_t)n || igraph_matrix_ncol(&xy) != 2)
        goto cleanup;

    for (size_t i = 0; i < n; i++) {
        nb_metrics *mt = &net->nodes[i].m;
        igraph_integer_t k = (igraph_integer_t)i;
        mt->in_degree = (double)VECTOR(iv[I_DEG_IN])[k];
        mt->out_degree = (double)VECTOR(iv[I_DEG_OUT])[k];
        mt->degree = mt->in_degree + mt->out_degree;
        mt->w_in_degree = or_zero(VECTOR(v[V_STR_IN])[k]);
        mt->w_out_degree = or_zero(VECTOR(v[V_STR_OUT])[k]);
        mt->betweenness = or_zero(VECTOR(v[V_BETWEEN])[k]);
        mt->pagerank = or_zero(VECTOR(v[V_PAGERANK])[k]);
        if (m > 0) {
            mt->hub = or_zero(VECTOR(v[V_HUB])[k]);
            mt->authority = or_zero(VECTOR(v[V_AUTH])[k]);
        }
        mt->harmonic = or_zero(VECTOR(v[V_HARMONIC])[k]);
        mt->weak_component = (long)VECTOR(iv[I_WEAK])[k];
        mt->strong_component = (long)VECTOR(iv[I_STRONG])[k];
        mt->community = (long)VECTOR(iv[I_COMMUNITY])[k];
    }
    store_layout(net, &xy);
    if (times) *times = t;
    /* make bench splits a run's time with this; never part of an output */
    if (getenv("NB_BENCH_TIMES"))
        fprintf(stderr, "netbuild: analysis %.2f s (betweenness %.2f, closeness %.2f, louvain %.2f, layout %.2f)\n",
                t.build + t.degrees + t.betweenness + t.pagerank + t.hubs + t.closeness + t.components +
                    t.louvain + t.layout,
                t.betweenness, t.closeness, t.louvain, t.layout);
    st = NB_OK;

cleanup:
    if (st != NB_OK)
        for (size_t i = 0; i < n; i++) memset(&net->nodes[i].m, 0, sizeof net->nodes[i].m);
    if (have_piv) igraph_vector_int_destroy(&piv);
    if (have_xy) igraph_matrix_destroy(&xy);
    if (have_ug) igraph_destroy(&ug);
    if (have_g) igraph_destroy(&g);
    while (niv > 0) igraph_vector_int_destroy(&iv[--niv]);
    while (nv > 0) igraph_vector_destroy(&v[--nv]);
    return st;
}
