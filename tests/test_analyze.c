#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analyze.h"

/* Every metric of every node must be finite and within its natural range. */
static void check_sane(const nb_network *net)
{
    long n = (long)net->n_nodes;
    double pr_sum = 0;
    for (size_t i = 0; i < net->n_nodes; i++) {
        const nb_metrics *m = &net->nodes[i].m;
        const double vals[] = {m->in_degree,  m->out_degree,  m->degree,   m->w_in_degree,
                               m->w_out_degree, m->betweenness, m->pagerank, m->hub,
                               m->authority, m->harmonic,    m->x,        m->y};
        for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) assert_true(isfinite(vals[k]));
        assert_true(m->x >= -1000.001 && m->x <= 1000.001);
        assert_true(m->y >= -1000.001 && m->y <= 1000.001);
        assert_true(m->pagerank >= 0 && m->pagerank <= 1.0 + 1e-9);
        assert_true(m->hub >= 0 && m->hub <= 1.0 + 1e-9);
        assert_true(m->authority >= 0 && m->authority <= 1.0 + 1e-9);
        assert_true(m->harmonic >= 0 && m->harmonic <= 1.0 + 1e-9);
        assert_true(m->degree == m->in_degree + m->out_degree);
        assert_in_range(m->weak_component, 0, n - 1);
        assert_in_range(m->strong_component, 0, n - 1);
        assert_in_range(m->community, 0, n - 1);
        pr_sum += m->pagerank;
    }
    if (n > 0) {
        assert_true(fabs(pr_sum - 1.0) < 1e-6);
        /* Ids are renumbered by first node, so node 0 always starts at 0. */
        assert_int_equal(net->nodes[0].m.weak_component, 0);
        assert_int_equal(net->nodes[0].m.strong_component, 0);
        assert_int_equal(net->nodes[0].m.community, 0);
    }
    /* Weighted degrees add up to the total edge weight from both sides. */
    double w = 0, win = 0, wout = 0, din = 0;
    for (size_t i = 0; i < net->n_edges; i++) w += (double)net->edges[i].weight;
    for (size_t i = 0; i < net->n_nodes; i++) {
        win += net->nodes[i].m.w_in_degree;
        wout += net->nodes[i].m.w_out_degree;
        din += net->nodes[i].m.in_degree;
    }
    assert_true(fabs(win - w) < 1e-9 && fabs(wout - w) < 1e-9);
    assert_true(fabs(din - (double)net->n_edges) < 1e-9);
}

static const nb_metrics *node_m(const nb_network *net, const char *label)
{
    size_t idx = 0;
    assert_true(nb_map_get(&net->node_index, label, &idx));
    return &net->nodes[idx].m;
}

static void test_empty(void **state)
{
    nb_network net;
    nb_test_network(&net, NULL, 0, NULL, 0);
    assert_int_equal(nb_analyze(&net, 1), NB_OK);
    assert_int_equal(net.n_nodes, 0);
    nb_network_free(&net);
}

static void test_one_node(void **state)
{
    const char *labels[] = {"Alone"};
    nb_network net;
    nb_test_network(&net, labels, 1, NULL, 0);
    assert_int_equal(nb_analyze(&net, 1), NB_OK);
    check_sane(&net);
    const nb_metrics *m = &net.nodes[0].m;
    assert_true(fabs(m->pagerank - 1.0) < 1e-9);
    assert_true(m->x == 0 && m->y == 0);
    assert_true(m->hub == 0 && m->authority == 0);
    nb_network_free(&net);
}

static void test_isolated_only(void **state)
{
    const char *labels[] = {"A", "B", "C"};
    nb_network net;
    nb_test_network(&net, labels, 3, NULL, 0);
    assert_int_equal(nb_analyze(&net, 7), NB_OK);
    check_sane(&net);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(net.nodes[i].m.weak_component, (long)i);
        assert_int_equal(net.nodes[i].m.community, (long)i);
    }
    nb_network_free(&net);
}

static void test_star(void **state)
{
    const char *labels[] = {"Hub", "Leaf1", "Leaf2", "Leaf3", "Leaf4", "Lonely"};
    const nb_test_edge edges[] = {
        {"Hub", NB_REL_FUNDS, "Leaf1", 3},
        {"Hub", NB_REL_FUNDS, "Leaf2", 1},
        {"Hub", NB_REL_COMMANDS, "Leaf3", 2},
        {"Hub", NB_REL_ATTACKED, "Leaf4", 1},
        /* Same pair, another relation: a separate edge. */
        {"Hub", NB_REL_CONDEMNS, "Leaf4", 1},
    };
    nb_network net;
    nb_test_network(&net, labels, 6, edges, 5);
    assert_int_equal(net.n_edges, 5);
    assert_int_equal(nb_analyze(&net, 42), NB_OK);
    check_sane(&net);

    const nb_metrics *hub = node_m(&net, "Hub");
    assert_true(hub->out_degree == 5 && hub->in_degree == 0);
    assert_true(hub->w_out_degree == 8);
    assert_true(hub->hub > 0.99);
    assert_true(node_m(&net, "Leaf4")->in_degree == 2);
    assert_true(node_m(&net, "Leaf1")->authority > 0.5);
    /* Leaves receive all the rank; the source only the teleport share. */
    assert_true(node_m(&net, "Leaf1")->pagerank > hub->pagerank);
    /* An out-star has no directed paths of length 2. */
    assert_true(hub->betweenness == 0);

    const nb_metrics *lonely = node_m(&net, "Lonely");
    assert_true(lonely->weak_component != hub->weak_component);
    assert_true(lonely->community != hub->community);
    assert_true(lonely->harmonic == 0);
    for (const char *const *l = labels; l < labels + 5; l++)
        assert_int_equal(node_m(&net, *l)->weak_component, hub->weak_component);
    /* Acyclic: every node is its own strong component. */
    for (size_t i = 0; i < net.n_nodes; i++)
        for (size_t j = i + 1; j < net.n_nodes; j++)
            assert_true(net.nodes[i].m.strong_component != net.nodes[j].m.strong_component);
    nb_network_free(&net);
}

/* A graph found by fuzz_article on which ARPACK stops with "No shifts
 * could be applied" in igraph 0.10.2's hub and authority scores: the
 * analysis must still succeed, with scores from the fallback. */
static void test_arpack_no_shifts(void **state)
{
    const char *labels[] = {"Abu Mahdi al-Muhandis", "League", "Qassem Soleimani", "Republican",
                            "United States", "\xc3\xb0"};
    const nb_test_edge edges[] = {
        {"Abu Mahdi al-Muhandis", NB_REL_CONDEMNS, "\xc3\xb0", 1},
        {"League", NB_REL_CONDEMNS, "United States", 1},
        {"Qassem Soleimani", NB_REL_CONDEMNS, "\xc3\xb0", 1},
        {"United States", NB_REL_ATTACKED, "Abu Mahdi al-Muhandis", 1},
        {"United States", NB_REL_ATTACKED, "Qassem Soleimani", 1},
        {"\xc3\xb0", NB_REL_ATTACKED, "Republican", 1},
    };
    nb_network net;
    nb_test_network(&net, labels, 6, edges, 6);
    /* igraph's cleanup stack holds 100 entries: a failure that left its
     * temporaries there would abort within ten runs */
    for (int run = 0; run < 20; run++) assert_int_equal(nb_analyze(&net, 42), NB_OK);
    check_sane(&net);
    /* United States points at the two nodes that point on: the top hub */
    const nb_metrics *us = node_m(&net, "United States");
    for (size_t i = 0; i < net.n_nodes; i++) assert_true(net.nodes[i].m.hub <= us->hub + 1e-9);
    assert_true(us->hub > 0.99);
    assert_true(node_m(&net, "Republican")->hub == 0);
    nb_network_free(&net);
}

static void test_cycle(void **state)
{
    const char *labels[] = {"A", "B", "C", "D"};
    const nb_test_edge edges[] = {
        {"A", NB_REL_FUNDS, "B", 1},
        {"B", NB_REL_FUNDS, "C", 1},
        {"C", NB_REL_FUNDS, "D", 1},
        {"D", NB_REL_FUNDS, "A", 1},
    };
    nb_network net;
    nb_test_network(&net, labels, 4, edges, 4);
    assert_int_equal(nb_analyze(&net, 3), NB_OK);
    check_sane(&net);
    for (size_t i = 0; i < 4; i++) {
        const nb_metrics *m = &net.nodes[i].m;
        assert_true(fabs(m->pagerank - 0.25) < 1e-6);
        assert_int_equal(m->strong_component, 0);
        assert_int_equal(m->weak_component, 0);
        assert_true(m->in_degree == 1 && m->out_degree == 1);
        assert_true(fabs(m->betweenness - 3.0) < 1e-9);
    }
    nb_network_free(&net);
}

/* Two triangles joined by one edge: Louvain must find both. */
static void test_communities(void **state)
{
    const char *labels[] = {"A1", "A2", "A3", "B1", "B2", "B3"};
    const nb_test_edge edges[] = {
        {"A1", NB_REL_FUNDS, "A2", 4}, {"A2", NB_REL_FUNDS, "A3", 4},
        {"A3", NB_REL_FUNDS, "A1", 4}, {"B1", NB_REL_ATTACKED, "B2", 4},
        {"B2", NB_REL_ATTACKED, "B3", 4}, {"B3", NB_REL_ATTACKED, "B1", 4},
        {"A1", NB_REL_CONDEMNS, "B1", 1},
    };
    nb_network net;
    nb_test_network(&net, labels, 6, edges, 7);
    assert_int_equal(nb_analyze(&net, 5), NB_OK);
    check_sane(&net);
    long ca = node_m(&net, "A1")->community, cb = node_m(&net, "B1")->community;
    assert_true(ca != cb);
    assert_int_equal(node_m(&net, "A2")->community, ca);
    assert_int_equal(node_m(&net, "A3")->community, ca);
    assert_int_equal(node_m(&net, "B2")->community, cb);
    assert_int_equal(node_m(&net, "B3")->community, cb);
    nb_network_free(&net);
}

static void test_deterministic(void **state)
{
    const char *labels[] = {"Iran", "Hezbollah", "Israel", "UN", "Hamas", "Qatar", "Idle"};
    const nb_test_edge edges[] = {
        {"Iran", NB_REL_FUNDS, "Hezbollah", 5}, {"Iran", NB_REL_FUNDS, "Hamas", 2},
        {"Qatar", NB_REL_FUNDS, "Hamas", 3},    {"Hezbollah", NB_REL_ATTACKED, "Israel", 4},
        {"Israel", NB_REL_ATTACKED, "Hamas", 6}, {"UN", NB_REL_CONDEMNS, "Israel", 1},
        {"UN", NB_REL_CONDEMNS, "Hamas", 1},    {"Hamas", NB_REL_ATTACKED, "Israel", 2},
    };
    nb_network a, b;
    nb_test_network(&a, labels, 7, edges, 8);
    nb_test_network(&b, labels, 7, edges, 8);
    assert_int_equal(nb_analyze(&a, 99), NB_OK);
    /* Unrelated igraph RNG use in between must not change the result. */
    assert_int_equal(nb_analyze(&b, 12345), NB_OK);
    assert_int_equal(nb_analyze(&b, 99), NB_OK);
    check_sane(&a);
    for (size_t i = 0; i < a.n_nodes; i++)
        assert_memory_equal(&a.nodes[i].m, &b.nodes[i].m, sizeof a.nodes[i].m);
    nb_network_free(&a);
    nb_network_free(&b);
}

/* A network of n nodes and m pseudo-random edges (a fixed sequence). */
static void random_network(nb_network *net, size_t n, size_t m)
{
    nb_network_init(net);
    size_t art = nb_network_add_article(net, "a.txt");
    char label[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(label, sizeof label, "Actor %04zu", i);
        nb_network_node(net, label, NB_KIND_PERSON);
    }
    unsigned long x = 12345;
    for (size_t e = 0; e < m; e++) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        size_t s = (x >> 33) % n, d = (x >> 13) % n;
        /* every third edge goes to a low index: hubs, as in news networks */
        if (e % 3 == 0) d = d % 8;
        if (s != d) nb_network_add(net, s, (nb_rel)(e % NB_REL_COUNT), d, art, e, "s", "r", NULL);
    }
    nb_network_finish(net, false);
}

/* Above the threshold betweenness and closeness are sampled from 128
 * pivots: with fewer nodes every node is a pivot and the estimate is the
 * exact value; with more it stays close, and the same for a seed. */
static void test_budget(void **state)
{
    nb_network ex, ap, ap2, none;
    random_network(&ex, 100, 300);
    random_network(&ap, 100, 300);
    assert_int_equal(nb_analyze_with(&ex, 42, NB_METRICS_AUTO, 0, NULL), NB_OK);
    assert_string_equal(ex.betweenness_method, "exact");
    assert_string_equal(ex.layout_method, "fruchterman-reingold");
    nb_analyze_times t;
    assert_int_equal(nb_analyze_with(&ap, 42, NB_METRICS_AUTO, 50, &t), NB_OK);
    assert_string_equal(ap.betweenness_method, "sampled-128");
    assert_string_equal(ap.closeness_method, "sampled-128");
    assert_string_equal(ap.layout_method, "fruchterman-reingold-grid-50");
    check_sane(&ap);
    for (size_t i = 0; i < ex.n_nodes; i++) {
        assert_true(fabs(ex.nodes[i].m.betweenness - ap.nodes[i].m.betweenness) < 1e-6);
        assert_true(fabs(ex.nodes[i].m.harmonic - ap.nodes[i].m.harmonic) < 1e-9);
        assert_true(ex.nodes[i].m.pagerank == ap.nodes[i].m.pagerank);
        assert_int_equal(ex.nodes[i].m.community, ap.nodes[i].m.community);
    }
    nb_network_free(&ex);
    nb_network_free(&ap);

    random_network(&ex, 1000, 3000);
    random_network(&ap, 1000, 3000);
    random_network(&ap2, 1000, 3000);
    random_network(&none, 1000, 3000);
    assert_int_equal(nb_analyze_with(&ex, 7, NB_METRICS_EXACT, 0, NULL), NB_OK);
    assert_int_equal(nb_analyze_with(&ap, 7, NB_METRICS_APPROX, 0, NULL), NB_OK);
    assert_int_equal(nb_analyze_with(&ap2, 7, NB_METRICS_APPROX, 0, NULL), NB_OK);
    assert_int_equal(nb_analyze_with(&none, 7, NB_METRICS_NONE, 0, NULL), NB_OK);
    assert_string_equal(none.betweenness_method, "none");
    check_sane(&ap);
    double err = 0, bmax_ex = 0, bmax_ap = 0;
    size_t top = 0;
    for (size_t i = 0; i < ex.n_nodes; i++) {
        /* the sampled values repeat exactly (PageRank may differ in the
         * last bits between runs; outputs print six decimals) */
        assert_true(ap.nodes[i].m.betweenness == ap2.nodes[i].m.betweenness);
        assert_true(ap.nodes[i].m.harmonic == ap2.nodes[i].m.harmonic);
        assert_true(none.nodes[i].m.betweenness == 0 && none.nodes[i].m.harmonic == 0);
        if (ex.nodes[i].m.harmonic > 0)
            err += fabs(ap.nodes[i].m.harmonic - ex.nodes[i].m.harmonic) / ex.nodes[i].m.harmonic;
        if (ex.nodes[i].m.betweenness > bmax_ex) {
            bmax_ex = ex.nodes[i].m.betweenness;
            top = i;
        }
        if (ap.nodes[i].m.betweenness > bmax_ap) bmax_ap = ap.nodes[i].m.betweenness;
    }
    assert_true(err / (double)ex.n_nodes < 0.1);
    /* the most central node stays among the most central */
    assert_true(ap.nodes[top].m.betweenness > 0.5 * bmax_ap);
    assert_true(fabs(bmax_ap - bmax_ex) < 0.5 * bmax_ex);
    nb_network_free(&ex);
    nb_network_free(&ap);
    nb_network_free(&ap2);
    nb_network_free(&none);
}

/* Support names: one name or a ';' list reads back as the bits it was
 * written from; unknown names add nothing. */
static void test_support_names(void **state)
{
    (void)state;
    assert_int_equal(nb_support_bit("weapons"), NB_SUPPORT_WEAPONS);
    assert_int_equal(nb_support_bit("money;weapons;training"),
                     NB_SUPPORT_MONEY | NB_SUPPORT_WEAPONS | NB_SUPPORT_TRAINING);
    assert_int_equal(nb_support_bit("money;jewels"), NB_SUPPORT_MONEY);
    assert_int_equal(nb_support_bit(""), 0);
    assert_int_equal(nb_support_bit(NULL), 0);
    char out[64];
    nb_support_format(NB_SUPPORT_MONEY | NB_SUPPORT_TROOPS, out);
    assert_string_equal(out, "money;troops");
    assert_int_equal(nb_support_bit(out), NB_SUPPORT_MONEY | NB_SUPPORT_TROOPS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),         cmocka_unit_test(test_one_node),
        cmocka_unit_test(test_isolated_only), cmocka_unit_test(test_star),
        cmocka_unit_test(test_cycle),         cmocka_unit_test(test_communities),
        cmocka_unit_test(test_arpack_no_shifts),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_budget),
        cmocka_unit_test(test_support_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
