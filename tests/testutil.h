/* testutil.h - shared by every cmocka test: the includes cmocka needs, in
 * the order it needs them, and a builder for small networks. */
#ifndef NB_TESTUTIL_H
#define NB_TESTUTIL_H

/* cmocka.h uses va_list, size_t, jmp_buf and uintmax_t without including
 * their headers itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>

#include "model.h"

/* One relation for nb_test_network: src rel dst, reported `times` times. */
typedef struct {
    const char *src;
    nb_rel rel;
    const char *dst;
    long times;
} nb_test_edge;

/* Builds a finished network in net (initialised here; the caller frees it
 * with nb_network_free). Nodes are created from labels[0..n_labels), kinds
 * cycling through every nb_kind, each with one alias "<label> alias" and
 * mentions = index + 1; then every edge of edges[0..n_edges) is added
 * `times` times, alternating between two articles. Labels named by edges
 * but missing from labels are created as unknown. Isolated nodes are kept. */
static inline void nb_test_network(nb_network *net, const char *const *labels, size_t n_labels,
                                   const nb_test_edge *edges, size_t n_edges)
{
    nb_network_init(net);
    size_t art[2];
    art[0] = nb_network_add_article(net, "news/a.txt");
    art[1] = nb_network_add_article(net, "news/b.txt");
    for (size_t i = 0; i < n_labels; i++) {
        size_t id = nb_network_node(net, labels[i], (nb_kind)(i % NB_KIND_COUNT));
        nb_buf alias = {0};
        nb_buf_printf(&alias, "%s alias", labels[i]);
        nb_network_alias(net, id, alias.data);
        nb_buf_free(&alias);
        net->nodes[id].mentions = (long)i + 1;
    }
    for (size_t i = 0; i < n_edges; i++) {
        size_t s = nb_network_node(net, edges[i].src, NB_KIND_UNKNOWN);
        size_t d = nb_network_node(net, edges[i].dst, NB_KIND_UNKNOWN);
        for (long t = 0; t < edges[i].times; t++)
            nb_network_add(net, s, edges[i].rel, d, art[t % 2], (size_t)(100 * i + (size_t)t),
                           "Someone did something to someone.", "test-rule", NULL);
    }
    nb_network_finish(net, false);
}

#endif
