/* test_model.c - the network model: nodes and kinds, aliases, edges with
 * weights, articles and capped evidence, merging, and finishing. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(nb_kind_name(NB_KIND_UNKNOWN), "unknown");
    assert_string_equal(nb_kind_name(NB_KIND_PERSON), "person");
    assert_string_equal(nb_kind_name(NB_KIND_ORG), "organization");
    assert_string_equal(nb_kind_name(NB_KIND_COUNTRY), "country");
    assert_string_equal(nb_kind_name(NB_KIND_GROUP), "group");
    assert_string_equal(nb_kind_name(NB_KIND_COUNT), "unknown");
    assert_string_equal(nb_kind_name((nb_kind)-1), "unknown");

    assert_int_equal(nb_kind_parse("person"), NB_KIND_PERSON);
    assert_int_equal(nb_kind_parse("Organization"), NB_KIND_ORG);
    assert_int_equal(nb_kind_parse("ORG"), NB_KIND_ORG);
    assert_int_equal(nb_kind_parse("country"), NB_KIND_COUNTRY);
    assert_int_equal(nb_kind_parse("GROUP"), NB_KIND_GROUP);
    assert_int_equal(nb_kind_parse("unknown"), NB_KIND_UNKNOWN);
    assert_int_equal(nb_kind_parse("robot"), -1);
    assert_int_equal(nb_kind_parse(""), -1);
    assert_int_equal(nb_kind_parse("persons"), -1);

    assert_string_equal(nb_rel_name(NB_REL_FUNDS), "funds");
    assert_string_equal(nb_rel_name(NB_REL_COMMANDS), "commands");
    assert_string_equal(nb_rel_name(NB_REL_CONDEMNS), "condemns");
    assert_string_equal(nb_rel_name(NB_REL_ATTACKED), "attacked");
    assert_string_equal(nb_rel_name(NB_REL_COUNT), "unknown");
}

static void test_articles(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    char path[32];
    for (size_t i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "news/%02zu.txt", i);
        assert_int_equal(nb_network_add_article(&net, path), i);
    }
    assert_int_equal(net.n_articles, 40);
    assert_string_equal(net.articles[0], "news/00.txt");
    assert_string_equal(net.articles[39], "news/39.txt");
    nb_network_free(&net);
    assert_int_equal(net.n_articles, 0);
    assert_null(net.articles);
}

static void test_node_kind(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    size_t a = nb_network_node(&net, "Iran", NB_KIND_UNKNOWN);
    size_t b = nb_network_node(&net, "Iraq", NB_KIND_COUNTRY);
    assert_int_not_equal(a, b);
    assert_int_equal(net.n_nodes, 2);
    assert_string_equal(net.nodes[a].label, "Iran");
    assert_int_equal(net.nodes[a].kind, NB_KIND_UNKNOWN);
    assert_int_equal(net.nodes[a].mentions, 0);
    assert_int_equal(net.nodes[a].n_aliases, 0);

    /* Same label: same node; a known kind replaces unknown... */
    assert_int_equal(nb_network_node(&net, "Iran", NB_KIND_COUNTRY), a);
    assert_int_equal(net.nodes[a].kind, NB_KIND_COUNTRY);
    /* ...but never replaces a known kind, and unknown never downgrades. */
    assert_int_equal(nb_network_node(&net, "Iran", NB_KIND_PERSON), a);
    assert_int_equal(net.nodes[a].kind, NB_KIND_COUNTRY);
    assert_int_equal(nb_network_node(&net, "Iraq", NB_KIND_UNKNOWN), b);
    assert_int_equal(net.nodes[b].kind, NB_KIND_COUNTRY);
    assert_int_equal(net.n_nodes, 2);

    /* Labels are case-sensitive and copied. */
    char label[16];
    strcpy(label, "iran");
    size_t c = nb_network_node(&net, label, NB_KIND_GROUP);
    strcpy(label, "XXXX");
    assert_int_not_equal(c, a);
    assert_string_equal(net.nodes[c].label, "iran");

    /* Many nodes: earlier indices stay valid across reallocations. */
    char name[32];
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "Actor %03d", i);
        assert_int_equal(nb_network_node(&net, name, NB_KIND_PERSON), (size_t)(3 + i));
    }
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof name, "Actor %03d", i);
        assert_int_equal(nb_network_node(&net, name, NB_KIND_UNKNOWN), (size_t)(3 + i));
        assert_string_equal(net.nodes[3 + i].label, name);
    }
    assert_string_equal(net.nodes[a].label, "Iran");
    nb_network_free(&net);
}

static void test_aliases(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    size_t n = nb_network_node(&net, "Qassem Soleimani", NB_KIND_PERSON);
    const char *adds[] = {"Soleimani", "Suleimani", "Qasem Soleimani", "Soleimani",
                          "Qassem Soleimani", "", "Gen. Soleimani", "Suleimani",
                          "Qasem Soleimani", "soleimani"};
    for (size_t i = 0; i < sizeof adds / sizeof adds[0]; i++) nb_network_alias(&net, n, adds[i]);
    const char *want[] = {"Gen. Soleimani", "Qasem Soleimani", "Soleimani", "Suleimani",
                          "soleimani"};
    assert_int_equal(net.nodes[n].n_aliases, 5);
    for (size_t i = 0; i < 5; i++) assert_string_equal(net.nodes[n].aliases[i], want[i]);

    /* Many aliases in reverse order end up sorted and unique. */
    size_t m = nb_network_node(&net, "X", NB_KIND_UNKNOWN);
    char a[64];
    for (int i = 99; i >= 0; i--) {
        snprintf(a, sizeof a, "x%02d", i);
        nb_network_alias(&net, m, a);
        nb_network_alias(&net, m, a);
    }
    assert_int_equal(net.nodes[m].n_aliases, 100);
    for (size_t i = 1; i < 100; i++)
        assert_true(strcmp(net.nodes[m].aliases[i - 1], net.nodes[m].aliases[i]) < 0);
    nb_network_free(&net);
}

static void add(nb_network *net, size_t s, nb_rel r, size_t d, size_t art, size_t off)
{
    char sent[64];
    snprintf(sent, sizeof sent, "sentence at %zu", off);
    nb_network_add(net, s, r, d, art, off, sent, "rule", NULL);
}

static size_t find_edge(const nb_network *net, size_t s, nb_rel r, size_t d)
{
    size_t hit = SIZE_MAX;
    for (size_t i = 0; i < net->n_edges; i++) {
        const nb_edge *e = &net->edges[i];
        if (e->weight > 0 && e->src == s && e->rel == r && e->dst == d) {
            assert_int_equal(hit, SIZE_MAX); /* at most one live edge per key */
            hit = i;
        }
    }
    return hit;
}

static void test_edges(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    for (int i = 0; i < 4; i++) {
        char p[64];
        snprintf(p, sizeof p, "a%d.txt", i);
        nb_network_add_article(&net, p);
    }
    size_t iran = nb_network_node(&net, "Iran", NB_KIND_COUNTRY);
    size_t kh = nb_network_node(&net, "Kataib Hezbollah", NB_KIND_GROUP);

    /* The very first add must work on an empty edge array. */
    nb_network_add(&net, iran, NB_REL_FUNDS, kh, 2, 10, "Iran funds KH.", NULL, NULL);
    assert_int_equal(net.n_edges, 1);
    assert_string_equal(net.edges[0].ev[0].rule, "");
    add(&net, iran, NB_REL_FUNDS, kh, 0, 20);
    add(&net, iran, NB_REL_FUNDS, kh, 2, 30);
    add(&net, iran, NB_REL_FUNDS, kh, 1, 40);
    assert_int_equal(net.n_edges, 1);
    nb_edge *e = &net.edges[0];
    assert_int_equal(e->src, iran);
    assert_int_equal(e->dst, kh);
    assert_int_equal(e->rel, NB_REL_FUNDS);
    assert_int_equal(e->weight, 4);
    assert_int_equal(e->n_articles, 3);
    assert_int_equal(e->articles[0], 0);
    assert_int_equal(e->articles[1], 1);
    assert_int_equal(e->articles[2], 2);
    assert_int_equal(e->n_ev, 4);
    assert_string_equal(e->ev[0].sentence, "Iran funds KH.");
    assert_int_equal(e->ev[0].offset, 10);
    assert_int_equal(e->ev[0].article, 2);

    /* Self-loops are ignored; other relation or direction is another edge. */
    add(&net, iran, NB_REL_ATTACKED, iran, 0, 1);
    assert_int_equal(net.n_edges, 1);
    add(&net, iran, NB_REL_CONDEMNS, kh, 0, 1);
    add(&net, kh, NB_REL_FUNDS, iran, 3, 1);
    assert_int_equal(net.n_edges, 3);
    assert_int_equal(net.edges[find_edge(&net, kh, NB_REL_FUNDS, iran)].weight, 1);

    /* Evidence is capped; weight and articles keep counting. */
    for (size_t i = 0; i < 3 * NB_MAX_EVIDENCE; i++) add(&net, kh, NB_REL_ATTACKED, iran, i % 4, 100 + i);
    nb_edge *big = &net.edges[find_edge(&net, kh, NB_REL_ATTACKED, iran)];
    assert_int_equal(big->weight, 3 * NB_MAX_EVIDENCE);
    assert_int_equal(big->n_ev, NB_MAX_EVIDENCE);
    assert_int_equal(big->n_articles, 4);
    for (size_t i = 0; i < NB_MAX_EVIDENCE; i++) assert_int_equal(big->ev[i].offset, 100 + i);

    /* Strings are copied. */
    char sent[32], rule[32];
    strcpy(sent, "Original sentence.");
    strcpy(rule, "orig-rule");
    nb_network_add(&net, kh, NB_REL_COMMANDS, iran, 0, 5, sent, rule, NULL);
    strcpy(sent, "clobbered");
    strcpy(rule, "clobbered");
    nb_edge *cmd = &net.edges[find_edge(&net, kh, NB_REL_COMMANDS, iran)];
    assert_string_equal(cmd->ev[0].sentence, "Original sentence.");
    assert_string_equal(cmd->ev[0].rule, "orig-rule");
    nb_network_free(&net);
}

static void test_many_edges(void **state)
{
    (void)state;
    /* Enough edges to reallocate the edge array many times while adding. */
    nb_network net;
    nb_network_init(&net);
    nb_network_add_article(&net, "a.txt");
    char name[64];
    enum { N = 40 };
    size_t ids[N];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "N%02d", i);
        ids[i] = nb_network_node(&net, name, NB_KIND_ORG);
    }
    for (int r = 0; r < 2; r++)
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                add(&net, ids[i], (nb_rel)((i + j) % NB_REL_COUNT), ids[j], 0, (size_t)(i * N + j));
    assert_int_equal(net.n_edges, N * (N - 1));
    for (size_t k = 0; k < net.n_edges; k++) {
        assert_int_equal(net.edges[k].weight, 2);
        assert_int_equal(net.edges[k].n_ev, 2);
        assert_int_equal(net.edges[k].n_articles, 1);
    }
    nb_network_finish(&net, true);
    assert_int_equal(net.n_nodes, N);
    assert_int_equal(net.n_edges, N * (N - 1));
    nb_network_free(&net);
}

static void test_merge(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    for (int i = 0; i < 3; i++) {
        char p[64];
        snprintf(p, sizeof p, "a%d.txt", i);
        nb_network_add_article(&net, p);
    }
    size_t a = nb_network_node(&net, "Soleimani", NB_KIND_UNKNOWN);
    size_t b = nb_network_node(&net, "Suleimani", NB_KIND_PERSON);
    size_t x = nb_network_node(&net, "Iraq", NB_KIND_COUNTRY);
    size_t y = nb_network_node(&net, "Quds Force", NB_KIND_ORG);
    net.nodes[a].mentions = 3;
    net.nodes[b].mentions = 4;
    nb_network_alias(&net, a, "Gen. Soleimani");
    nb_network_alias(&net, b, "Qasem Suleimani");
    nb_network_alias(&net, b, "Gen. Soleimani");

    add(&net, a, NB_REL_ATTACKED, x, 0, 1);
    add(&net, a, NB_REL_ATTACKED, x, 0, 2);
    add(&net, b, NB_REL_ATTACKED, x, 2, 3); /* folds into a->x */
    add(&net, b, NB_REL_ATTACKED, x, 1, 4);
    add(&net, b, NB_REL_ATTACKED, x, 1, 5);
    add(&net, x, NB_REL_CONDEMNS, b, 1, 6); /* re-homed to x->a */
    add(&net, b, NB_REL_COMMANDS, a, 0, 7); /* becomes a self-loop: dropped */
    add(&net, a, NB_REL_COMMANDS, b, 0, 8); /* likewise */
    add(&net, b, NB_REL_COMMANDS, y, 2, 9); /* re-homed to a->y */
    add(&net, x, NB_REL_FUNDS, y, 0, 10);   /* untouched */

    nb_network_merge(&net, a, b);
    assert_int_equal(net.nodes[a].mentions, 7);
    assert_true(net.nodes[b].mentions < 0);
    assert_int_equal(net.nodes[a].kind, NB_KIND_PERSON); /* unknown took b's kind */
    /* b's label and aliases became a's aliases: sorted, unique. */
    assert_int_equal(net.nodes[a].n_aliases, 3);
    assert_string_equal(net.nodes[a].aliases[0], "Gen. Soleimani");
    assert_string_equal(net.nodes[a].aliases[1], "Qasem Suleimani");
    assert_string_equal(net.nodes[a].aliases[2], "Suleimani");
    /* Looking b up by label now finds a. */
    assert_int_equal(nb_network_node(&net, "Suleimani", NB_KIND_UNKNOWN), a);

    /* Merging again, or into itself, changes nothing. */
    nb_network_merge(&net, a, b);
    nb_network_merge(&net, a, a);
    assert_int_equal(net.nodes[a].mentions, 7);

    size_t ax = find_edge(&net, a, NB_REL_ATTACKED, x);
    assert_int_not_equal(ax, SIZE_MAX);
    assert_int_equal(net.edges[ax].weight, 5);
    assert_int_equal(net.edges[ax].n_articles, 3);
    assert_int_equal(net.edges[ax].n_ev, 5);
    assert_int_equal(find_edge(&net, b, NB_REL_ATTACKED, x), SIZE_MAX);
    assert_int_equal(net.edges[find_edge(&net, x, NB_REL_CONDEMNS, a)].weight, 1);
    assert_int_equal(net.edges[find_edge(&net, a, NB_REL_COMMANDS, y)].weight, 1);
    assert_int_equal(net.edges[find_edge(&net, x, NB_REL_FUNDS, y)].weight, 1);
    assert_int_equal(find_edge(&net, a, NB_REL_COMMANDS, a), SIZE_MAX);

    /* After a merge, new mentions by label land on the merged node. */
    size_t again = nb_network_node(&net, "Suleimani", NB_KIND_UNKNOWN);
    add(&net, again, NB_REL_ATTACKED, x, 0, 11);
    assert_int_equal(net.edges[ax].weight, 6);

    nb_network_finish(&net, true);
    assert_int_equal(net.n_nodes, 3); /* Suleimani is gone */
    assert_string_equal(net.nodes[0].label, "Iraq");
    assert_string_equal(net.nodes[1].label, "Quds Force");
    assert_string_equal(net.nodes[2].label, "Soleimani");
    assert_int_equal(net.n_edges, 4);
    size_t iraq = 0, quds = 1, sol = 2;
    /* Sorted by (source label, relation, target label). */
    assert_int_equal(net.edges[0].src, iraq);
    assert_int_equal(net.edges[0].rel, NB_REL_FUNDS);
    assert_int_equal(net.edges[0].dst, quds);
    assert_int_equal(net.edges[1].src, iraq);
    assert_int_equal(net.edges[1].rel, NB_REL_CONDEMNS);
    assert_int_equal(net.edges[1].dst, sol);
    assert_int_equal(net.edges[2].src, sol);
    assert_int_equal(net.edges[2].rel, NB_REL_COMMANDS);
    assert_int_equal(net.edges[2].dst, quds);
    assert_int_equal(net.edges[3].src, sol);
    assert_int_equal(net.edges[3].rel, NB_REL_ATTACKED);
    assert_int_equal(net.edges[3].dst, iraq);
    assert_int_equal(net.edges[3].weight, 6);
    nb_network_free(&net);
}

static void test_merge_evidence_cap(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    nb_network_add_article(&net, "a.txt");
    size_t a = nb_network_node(&net, "A", NB_KIND_PERSON);
    size_t b = nb_network_node(&net, "B", NB_KIND_PERSON);
    size_t x = nb_network_node(&net, "X", NB_KIND_PERSON);
    for (size_t i = 0; i < 4; i++) add(&net, a, NB_REL_FUNDS, x, 0, i);
    for (size_t i = 0; i < 4; i++) add(&net, b, NB_REL_FUNDS, x, 0, 10 + i);
    /* And the same with both nodes as targets. */
    for (size_t i = 0; i < 4; i++) add(&net, x, NB_REL_FUNDS, b, 0, 20 + i);
    for (size_t i = 0; i < 4; i++) add(&net, x, NB_REL_FUNDS, a, 0, 30 + i);
    nb_network_merge(&net, a, b);
    nb_edge *e = &net.edges[find_edge(&net, a, NB_REL_FUNDS, x)];
    assert_int_equal(e->weight, 8);
    assert_int_equal(e->n_ev, NB_MAX_EVIDENCE);
    e = &net.edges[find_edge(&net, x, NB_REL_FUNDS, a)];
    assert_int_equal(e->weight, 8);
    assert_int_equal(e->n_ev, NB_MAX_EVIDENCE);
    nb_network_finish(&net, false);
    assert_int_equal(net.n_nodes, 2);
    assert_int_equal(net.n_edges, 2);
    nb_network_free(&net); /* ASan: no evidence string leaked or freed twice */
}

static void test_merge_chain(void **state)
{
    (void)state;
    /* c into b, then b into a: every edge ends on a. */
    nb_network net;
    nb_network_init(&net);
    nb_network_add_article(&net, "a.txt");
    size_t a = nb_network_node(&net, "A", NB_KIND_UNKNOWN);
    size_t b = nb_network_node(&net, "B", NB_KIND_UNKNOWN);
    size_t c = nb_network_node(&net, "C", NB_KIND_GROUP);
    size_t x = nb_network_node(&net, "X", NB_KIND_UNKNOWN);
    add(&net, c, NB_REL_ATTACKED, x, 0, 1);
    add(&net, b, NB_REL_ATTACKED, x, 0, 2);
    add(&net, x, NB_REL_ATTACKED, c, 0, 3);
    nb_network_merge(&net, b, c);
    nb_network_merge(&net, a, b);
    assert_int_equal(net.nodes[a].kind, NB_KIND_GROUP);
    assert_int_equal(net.nodes[a].n_aliases, 2);
    assert_int_equal(nb_network_node(&net, "B", NB_KIND_UNKNOWN), a);
    nb_network_finish(&net, true);
    assert_int_equal(net.n_nodes, 2);
    assert_string_equal(net.nodes[0].label, "A");
    assert_string_equal(net.nodes[1].label, "X");
    assert_int_equal(net.n_edges, 2);
    assert_int_equal(net.edges[0].src, 0);
    assert_int_equal(net.edges[0].weight, 2);
    assert_int_equal(net.edges[1].src, 1);
    assert_int_equal(net.edges[1].dst, 0);
    nb_network_free(&net);
}

static void test_finish_sorting(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    nb_network_add_article(&net, "a.txt");
    nb_network_add_article(&net, "b.txt");
    const char *labels[] = {"Zeta", "Alpha", "Mu", "Lonely", "Beta", "alpha", "Omega"};
    size_t id[7];
    for (size_t i = 0; i < 7; i++) id[i] = nb_network_node(&net, labels[i], NB_KIND_ORG);
    net.nodes[id[3]].mentions = 9; /* isolated but mentioned */
    nb_network_alias(&net, id[0], "Z");
    /* Evidence deliberately out of order. */
    nb_network_add(&net, id[0], NB_REL_FUNDS, id[1], 1, 50, "s1", "r-b", NULL);
    nb_network_add(&net, id[0], NB_REL_FUNDS, id[1], 0, 70, "s2", "r-a", NULL);
    nb_network_add(&net, id[0], NB_REL_FUNDS, id[1], 1, 10, "s3", "r-a", NULL);
    nb_network_add(&net, id[0], NB_REL_FUNDS, id[1], 1, 50, "s4", "r-a", NULL);
    nb_network_add(&net, id[2], NB_REL_ATTACKED, id[0], 0, 1, "s", "r", NULL);
    nb_network_add(&net, id[2], NB_REL_FUNDS, id[0], 0, 1, "s", "r", NULL);
    nb_network_add(&net, id[1], NB_REL_CONDEMNS, id[5], 0, 1, "s", "r", NULL);
    nb_network_add(&net, id[2], NB_REL_FUNDS, id[1], 0, 1, "s", "r", NULL);
    nb_network_add(&net, id[4], NB_REL_COMMANDS, id[2], 0, 1, "s", "r", NULL);

    nb_network_finish(&net, true);
    /* Lonely and Omega had no edges: dropped. Byte order: capitals first. */
    const char *want[] = {"Alpha", "Beta", "Mu", "Zeta", "alpha"};
    assert_int_equal(net.n_nodes, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(net.nodes[i].label, want[i]);
        size_t v;
        assert_true(nb_map_get(&net.node_index, want[i], &v));
        assert_int_equal(v, i);
    }
    assert_false(nb_map_get(&net.node_index, "Lonely", NULL));
    assert_int_equal(net.nodes[3].n_aliases, 1);
    assert_string_equal(net.nodes[3].aliases[0], "Z");

    /* Edges sorted by (source, relation, target) over the new indices. */
    assert_int_equal(net.n_edges, 6);
    for (size_t i = 1; i < net.n_edges; i++) {
        const nb_edge *p = &net.edges[i - 1], *q = &net.edges[i];
        int c = strcmp(net.nodes[p->src].label, net.nodes[q->src].label);
        if (c == 0) c = (int)p->rel - (int)q->rel;
        if (c == 0) c = strcmp(net.nodes[p->dst].label, net.nodes[q->dst].label);
        assert_true(c < 0);
    }
    assert_string_equal(net.nodes[net.edges[0].src].label, "Alpha");
    assert_int_equal(net.edges[0].rel, NB_REL_CONDEMNS);
    assert_string_equal(net.nodes[net.edges[0].dst].label, "alpha");

    /* Evidence sorted by (article, offset, rule). */
    const nb_edge *zf = &net.edges[net.n_edges - 1];
    assert_string_equal(net.nodes[zf->src].label, "Zeta");
    assert_int_equal(zf->n_ev, 4);
    assert_string_equal(zf->ev[0].sentence, "s2");
    assert_string_equal(zf->ev[1].sentence, "s3");
    assert_string_equal(zf->ev[2].sentence, "s4");
    assert_string_equal(zf->ev[3].sentence, "s1");

    /* The edge index is rebuilt for the new node indices. */
    for (size_t i = 0; i < net.n_edges; i++) {
        char key[64];
        snprintf(key, sizeof key, "%zu\t%d\t%zu", net.edges[i].src, (int)net.edges[i].rel,
                 net.edges[i].dst);
        size_t v;
        assert_true(nb_map_get(&net.edge_index, key, &v));
        assert_int_equal(v, i);
    }
    nb_network_free(&net);
}

static void test_finish_keep_isolated(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    nb_network_node(&net, "B", NB_KIND_PERSON);
    nb_network_node(&net, "A", NB_KIND_PERSON);
    size_t c = nb_network_node(&net, "C", NB_KIND_PERSON);
    size_t d = nb_network_node(&net, "D", NB_KIND_PERSON);
    nb_network_merge(&net, c, d); /* merged-away nodes go even when kept */
    nb_network_finish(&net, false);
    assert_int_equal(net.n_nodes, 3);
    assert_string_equal(net.nodes[0].label, "A");
    assert_string_equal(net.nodes[1].label, "B");
    assert_string_equal(net.nodes[2].label, "C");
    assert_int_equal(net.n_edges, 0);
    nb_network_free(&net);
}

static void test_finish_empty(void **state)
{
    (void)state;
    nb_network net;
    nb_network_init(&net);
    nb_network_finish(&net, true);
    assert_int_equal(net.n_nodes, 0);
    assert_int_equal(net.n_edges, 0);
    nb_network_free(&net);

    /* Nodes but no edges, all dropped. */
    nb_network_init(&net);
    nb_network_node(&net, "A", NB_KIND_PERSON);
    nb_network_node(&net, "B", NB_KIND_PERSON);
    nb_network_finish(&net, true);
    assert_int_equal(net.n_nodes, 0);
    /* The finished network can still grow. */
    size_t n = nb_network_node(&net, "C", NB_KIND_PERSON);
    assert_int_equal(n, 0);
    assert_string_equal(net.nodes[0].label, "C");
    nb_network_free(&net);
}

static void test_free_unfinished(void **state)
{
    (void)state;
    /* Freeing without finishing, with dead edges from a merge: no leaks. */
    nb_network net;
    nb_network_init(&net);
    nb_network_add_article(&net, "a.txt");
    size_t a = nb_network_node(&net, "A", NB_KIND_PERSON);
    size_t b = nb_network_node(&net, "B", NB_KIND_PERSON);
    size_t x = nb_network_node(&net, "X", NB_KIND_PERSON);
    nb_network_alias(&net, b, "Bee");
    add(&net, b, NB_REL_FUNDS, x, 0, 1);
    add(&net, a, NB_REL_FUNDS, b, 0, 2);
    nb_network_merge(&net, a, b);
    nb_network_free(&net);
    assert_int_equal(net.n_nodes, 0);
    assert_null(net.nodes);
}

static void test_testutil_network(void **state)
{
    (void)state;
    /* The shared helper builds the same networks the writer tests use. */
    const char *labels[] = {"B", "A", "Isolated"};
    const nb_test_edge edges[] = {{"A", NB_REL_FUNDS, "B", 3}, {"B", NB_REL_ATTACKED, "C", 1}};
    nb_network net;
    nb_test_network(&net, labels, 3, edges, 2);
    assert_int_equal(net.n_nodes, 4);
    assert_string_equal(net.nodes[0].label, "A");
    assert_string_equal(net.nodes[3].label, "Isolated");
    assert_int_equal(net.n_edges, 2);
    assert_int_equal(net.edges[0].weight, 3);
    assert_int_equal(net.edges[0].n_articles, 2);
    nb_network_free(&net);

    nb_test_network(&net, labels, 3, NULL, 0);
    assert_int_equal(net.n_nodes, 3);
    assert_int_equal(net.n_edges, 0);
    nb_network_free(&net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_articles),
        cmocka_unit_test(test_node_kind),
        cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_many_edges),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_merge_evidence_cap),
        cmocka_unit_test(test_merge_chain),
        cmocka_unit_test(test_finish_sorting),
        cmocka_unit_test(test_finish_keep_isolated),
        cmocka_unit_test(test_finish_empty),
        cmocka_unit_test(test_free_unfinished),
        cmocka_unit_test(test_testutil_network),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
