#include "testutil.h"

#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "sink.h"
#include "text.h"
#include "writers.h"

/* Labels that break naive XML or DOT output: quotes, backslashes, markup,
 * DOT syntax, line breaks, control bytes and invalid UTF-8. */
static const char *const NASTY[] = {
    "Quote\"Back\\slash\\",
    "<Tag> & Co's",
    "{Brace} -- dash; [x] -> y",
    "Line\nbreak\r\ttab",
    "Ctrl\x01\x07\x1b[31m\x7f bytes",
    "Bad \xff\xfe utf8 \xc3( \xe2\x82",
    "\xc3\x9c" "berstra\xc3\x9f" "e \xe2\x9c\x93",
    "\\N \\G \\l escapes",
    "",
};
#define N_NASTY (sizeof NASTY / sizeof NASTY[0])

typedef struct {
    char dir[64];
    nb_network net;
} fixture;

static void build_nasty(nb_network *net)
{
    const nb_test_edge edges[] = {
        {NASTY[0], NB_REL_FUNDS, NASTY[1], 3},    {NASTY[1], NB_REL_COMMANDS, NASTY[2], 1},
        {NASTY[2], NB_REL_CONDEMNS, NASTY[3], 2}, {NASTY[3], NB_REL_ATTACKED, NASTY[4], 7},
        {NASTY[4], NB_REL_FUNDS, NASTY[5], 1},    {NASTY[5], NB_REL_ATTACKED, NASTY[0], 1},
        {NASTY[0], NB_REL_ATTACKED, NASTY[1], 2}, {NASTY[6], NB_REL_CONDEMNS, NASTY[0], 1},
    };
    nb_test_network(net, NASTY, N_NASTY, edges, sizeof edges / sizeof edges[0]);
    /* Nasty article paths, rules and sentences too. */
    free(net->articles[0]);
    net->articles[0] = nb_strdup("news/<a&b>\"q\"\n\x01\xff.txt");
    nb_network_alias(net, 0, "alias -- with \"quotes\" & <tags>\x02\xfe");
    nb_edge *e = &net->edges[0];
    free(e->ev[0].sentence);
    e->ev[0].sentence = nb_strdup("It said \"no\" -- {x} <b>&amp;</b> \\ \x03\xc0\xaf end.");
    free(e->ev[0].rule);
    e->ev[0].rule = nb_strdup("rule]<&>");
}

static int setup(void **state)
{
    fixture *f = nb_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/nb_test_writers_XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
    build_nasty(&f->net);
    if (nb_analyze(&f->net, 1) != NB_OK) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0) return -1;
    nb_network_free(&f->net);
    free(f);
    return 0;
}

typedef nb_status (*writer_fn)(const nb_network *, nb_sink *);

/* Writes net with fn into dir/name through a real sink; returns the path,
 * which the caller frees. */
static char *write_file(const fixture *f, const nb_network *net, writer_fn fn, const char *name)
{
    nb_buf path = {0};
    nb_buf_printf(&path, "%s/%s", f->dir, name);
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, path.data), NB_OK);
    assert_int_equal(fn(net, &s), NB_OK);
    assert_int_equal(nb_sink_close(&s), NB_OK);
    return nb_buf_detach(&path);
}

static int run(const char *fmt, const char *path)
{
    nb_buf cmd = {0};
    nb_buf_printf(&cmd, fmt, path);
    int rc = system(cmd.data);
    nb_buf_free(&cmd);
    return rc;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    nb_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) nb_buf_put(&b, chunk, n);
    fclose(fp);
    *len = b.len;
    return nb_buf_detach(&b);
}

/* No control bytes other than newline may reach either format. */
static void assert_clean_bytes(const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        assert_true(c == '\n' || (c >= 0x20 && c != 0x7f));
    }
}

static void test_graphml_valid(void **state)
{
    fixture *f = *state;
    char *path = write_file(f, &f->net, nb_write_graphml, "net.graphml");
    assert_int_equal(run("xmllint --noout '%s'", path), 0);

    size_t len;
    char *xml = slurp(path, &len);
    assert_clean_bytes(xml, len);
    assert_non_null(strstr(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    assert_non_null(strstr(xml, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
    assert_non_null(strstr(xml, "<graph id=\"G\" edgedefault=\"directed\">"));
    assert_non_null(strstr(xml, "attr.name=\"evidence_count\" attr.type=\"int\""));
    assert_non_null(strstr(xml, "&lt;Tag&gt; &amp; Co&apos;s"));
    assert_non_null(strstr(xml, "<node id=\"n0\">"));
    assert_non_null(strstr(xml, "<edge id=\"e0\" source=\"n"));
    assert_null(strstr(xml, "e-0")); /* no exponent notation */
    assert_null(strstr(xml, "nan"));
    free(xml);

    /* igraph's own reader (with attributes) must accept every key type and
     * give the labels back exactly as sanitised. */
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_attribute_table_t *old = igraph_set_attribute_table(&igraph_cattribute_table);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    igraph_t g;
    assert_int_equal(igraph_read_graph_graphml(&g, fp, 0), IGRAPH_SUCCESS);
    fclose(fp);
    assert_int_equal(igraph_vcount(&g), (igraph_integer_t)f->net.n_nodes);
    assert_int_equal(igraph_ecount(&g), (igraph_integer_t)f->net.n_edges);
    assert_true(igraph_is_directed(&g));
    for (size_t i = 0; i < f->net.n_nodes; i++) {
        char *want = nb_text_sanitize(f->net.nodes[i].label, strlen(f->net.nodes[i].label));
        assert_string_equal(VAS(&g, "label", (igraph_integer_t)i), want);
        free(want);
        assert_true(VAN(&g, "mentions", (igraph_integer_t)i) ==
                    (double)f->net.nodes[i].mentions);
    }
    for (size_t i = 0; i < f->net.n_edges; i++) {
        igraph_integer_t from, to;
        assert_int_equal(igraph_edge(&g, (igraph_integer_t)i, &from, &to), IGRAPH_SUCCESS);
        assert_int_equal(from, (igraph_integer_t)f->net.edges[i].src);
        assert_int_equal(to, (igraph_integer_t)f->net.edges[i].dst);
        assert_string_equal(EAS(&g, "relation", (igraph_integer_t)i),
                            nb_rel_name(f->net.edges[i].rel));
        assert_true(EAN(&g, "weight", (igraph_integer_t)i) == (double)f->net.edges[i].weight);
    }
    igraph_destroy(&g);
    igraph_set_attribute_table(old);

    /* networkx is what most users' scripts read it with; checked when the
     * machine has it. */
    if (system("python3 -c 'import networkx' >/dev/null 2>&1") == 0)
        assert_int_equal(run("python3 -c 'import sys, networkx as nx; "
                             "g = nx.read_graphml(sys.argv[1]); "
                             "assert g.is_directed() and g.number_of_nodes() > 0; "
                             "assert all(\"pagerank\" in d for _, d in g.nodes(data=True))' '%s'",
                             path),
                         0);
    free(path);
}

static void test_dot_valid(void **state)
{
    fixture *f = *state;
    char *path = write_file(f, &f->net, nb_write_dot, "net.dot");
    assert_int_equal(run("dot -Tsvg -o /dev/null '%s'", path), 0);
    assert_int_equal(run("neato -Tsvg -o /dev/null '%s'", path), 0);
    assert_int_equal(run("sfdp -Tsvg -o /dev/null '%s' 2>/dev/null", path), 0);
    /* Graphviz reports syntax problems as warnings too: there must be none. */
    assert_int_equal(run("test -z \"$(dot -Tsvg -o /dev/null '%s' 2>&1)\"", path), 0);

    size_t len;
    char *dot = slurp(path, &len);
    assert_clean_bytes(dot, len);
    assert_non_null(strstr(dot, "digraph netbuild {\n"));
    /* the legend is one table node, so no layout engine can scatter it */
    assert_non_null(strstr(dot, "\"legend\" [shape=\"plaintext\""));
    assert_non_null(strstr(dot, "label=\"Quote\\\"Back\\\\slash\\\\\""));
    assert_non_null(strstr(dot, "label=\"\\\\N \\\\G \\\\l escapes\""));
    assert_null(strstr(dot, "e-0"));
    assert_null(strstr(dot, "nan"));
    free(dot);
    free(path);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    nb_network other;
    build_nasty(&other);
    assert_int_equal(nb_analyze(&other, 1), NB_OK);
    writer_fn fns[] = {nb_write_graphml, nb_write_dot};
    for (size_t k = 0; k < 2; k++) {
        char *a = write_file(f, &f->net, fns[k], "a.out");
        char *b = write_file(f, &other, fns[k], "b.out");
        size_t la, lb;
        char *da = slurp(a, &la), *db = slurp(b, &lb);
        assert_int_equal(la, lb);
        assert_memory_equal(da, db, la);
        free(da);
        free(db);
        free(a);
        free(b);
    }
    nb_network_free(&other);
}

static void test_empty_network(void **state)
{
    fixture *f = *state;
    nb_network net;
    nb_test_network(&net, NULL, 0, NULL, 0);
    assert_int_equal(nb_analyze(&net, 1), NB_OK);
    char *g = write_file(f, &net, nb_write_graphml, "empty.graphml");
    char *d = write_file(f, &net, nb_write_dot, "empty.dot");
    assert_int_equal(run("xmllint --noout '%s'", g), 0);
    assert_int_equal(run("dot -Tsvg -o /dev/null '%s'", d), 0);
    FILE *fp = fopen(g, "r");
    assert_non_null(fp);
    igraph_t gr;
    assert_int_equal(igraph_read_graph_graphml(&gr, fp, 0), IGRAPH_SUCCESS);
    fclose(fp);
    assert_int_equal(igraph_vcount(&gr), 0);
    igraph_destroy(&gr);
    free(g);
    free(d);
    nb_network_free(&net);
}

static void test_full_disk(void **state)
{
    fixture *f = *state;
    if (access("/dev/full", W_OK) != 0) skip();
    writer_fn fns[] = {nb_write_graphml, nb_write_dot};
    for (size_t k = 0; k < 2; k++) {
        nb_sink s;
        assert_int_equal(nb_sink_open(&s, "/dev/full"), NB_OK);
        assert_int_equal(fns[k](&f->net, &s), NB_ERR_IO);
        assert_int_equal(nb_sink_close(&s), NB_ERR_IO);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graphml_valid), cmocka_unit_test(test_dot_valid),
        cmocka_unit_test(test_deterministic), cmocka_unit_test(test_empty_network),
        cmocka_unit_test(test_full_disk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
