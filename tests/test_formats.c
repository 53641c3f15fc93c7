/* test_formats.c - the GEXF, CSV, JSON and HTML writers over hostile
 * labels, paths and sentences, an empty network, dated articles and a full
 * disk; and the dates found in article paths. */
#include "testutil.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "dates.h"
#include "sink.h"
#include "writers.h"

#define RNG "../shared/schemas/gexf-1.3/gexf.rng"

static const char *const NASTY[] = {
    "Quote\"Back\\slash\\",
    "<Tag> & Co's </script>",
    "=HYPERLINK(\"http://x\";\"y\"), comma",
    "Line\nbreak\r\ttab",
    "Ctrl\x01\x07\x1b[31m\x7f bytes",
    "Bad \xff\xfe utf8 \xc3( \xe2\x82",
    "\xc3\x9c" "berstra\xc3\x9f" "e \xe2\x9c\x93 \xe2\x80\xa8 sep",
    "-minus @at +plus",
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
        {NASTY[0], NB_REL_ATTACKED, NASTY[1], 2}, {NASTY[6], NB_REL_CONDEMNS, NASTY[7], 1},
    };
    nb_test_network(net, NASTY, N_NASTY, edges, sizeof edges / sizeof edges[0]);
    free(net->articles[0]);
    net->articles[0] = nb_strdup("news/<a&b>\"q\"\n\x01\xff,;.txt");
    nb_edge *e = &net->edges[0];
    free(e->ev[0].sentence);
    e->ev[0].sentence = nb_strdup("It said \"no\" </script><b>&amp;</b> \\ \x03\xc0\xaf, end.");
    free(e->ev[0].rule);
    e->ev[0].rule = nb_strdup("rule]<&>");
}

static int setup(void **state)
{
    fixture *f = nb_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/nb_test_formats_XXXXXX");
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

static nb_status html_writer(const nb_network *net, nb_sink *out)
{
    const char *paths[] = {"in/bad\x1b[31m.bin"};
    const char *why[] = {"binary file </script>, skipped"};
    nb_run_info run = {3, 1, 0, paths, why, 1, 0};
    return nb_write_html(net, &run, out);
}

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
    nb_buf_printf(&cmd, fmt, path, path);
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

/* No control byte but newline (and, in CSV, the CR of CRLF) may appear. */
static void assert_clean_bytes(const char *data, size_t len, bool crlf)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\r' && crlf) {
            assert_true(i + 1 < len && data[i + 1] == '\n');
            continue;
        }
        assert_true(c == '\n' || (c >= 0x20 && c != 0x7f));
    }
}

static bool have_schema(void) { return access(RNG, R_OK) == 0; }

static void test_gexf_valid(void **state)
{
    fixture *f = *state;
    char *path = write_file(f, &f->net, nb_write_gexf, "net.gexf");
    assert_int_equal(run("xmllint --noout '%s'", path), 0);
    if (have_schema()) assert_int_equal(run("xmllint --noout --relaxng " RNG " '%s' 2>/dev/null", path), 0);
    size_t len;
    char *x = slurp(path, &len);
    assert_clean_bytes(x, len, false);
    assert_non_null(strstr(x, "<gexf xmlns=\"http://gexf.net/1.3\""));
    assert_non_null(strstr(x, "version=\"1.3\""));
    assert_non_null(strstr(x, "defaultedgetype=\"directed\""));
    assert_non_null(strstr(x, "mode=\"static\""));
    /* two relations between one pair stay two edges, kept apart by kind */
    const nb_edge *funds = NULL, *attacked = NULL;
    for (size_t i = 0; i < f->net.n_edges; i++) {
        const nb_edge *e = &f->net.edges[i];
        if (!strcmp(f->net.nodes[e->src].label, NASTY[0]) && !strcmp(f->net.nodes[e->dst].label, NASTY[1])) {
            if (e->rel == NB_REL_FUNDS) funds = e;
            if (e->rel == NB_REL_ATTACKED) attacked = e;
        }
    }
    assert_non_null(funds);
    assert_non_null(attacked);
    char want[128];
    snprintf(want, sizeof want, "source=\"n%zu\" target=\"n%zu\" type=\"directed\" kind=\"funds\"", funds->src,
             funds->dst);
    assert_non_null(strstr(x, want));
    snprintf(want, sizeof want, "source=\"n%zu\" target=\"n%zu\" type=\"directed\" kind=\"attacked\"",
             attacked->src, attacked->dst);
    assert_non_null(strstr(x, want));
    assert_non_null(strstr(x, "<viz:color r=\""));
    assert_non_null(strstr(x, "<viz:position x=\""));
    assert_non_null(strstr(x, "<viz:size value=\""));
    assert_non_null(strstr(x, "&lt;Tag&gt; &amp; Co&apos;s &lt;/script&gt;"));
    assert_null(strstr(x, "<spells>")); /* no date anywhere */
    assert_null(strstr(x, "e-0"));
    assert_null(strstr(x, "nan"));
    free(x);
    free(path);
}

static void test_path_dates(void **state)
{
    (void)state;
    char d[NB_DATE_LEN + 1];
    assert_true(nb_path_date("reuters/2024/01/03/story.txt", d));
    assert_string_equal(d, "2024-01-03");
    assert_true(nb_path_date("2024-01-03-name.txt", d));
    assert_string_equal(d, "2024-01-03");
    assert_true(nb_path_date("wire_2019_05_17.txt", d));
    assert_string_equal(d, "2019-05-17");
    assert_true(nb_path_date("afp/20200103.txt", d));
    assert_string_equal(d, "2020-01-03");
    assert_true(nb_path_date("2020-02-29.txt", d)); /* a leap day */
    /* no date: hashes, ids, impossible days, longer digit runs */
    assert_false(nb_path_date("004_22da139905a9a463.txt", d));
    assert_string_equal(d, "");
    assert_false(nb_path_date("2019-02-29.txt", d));
    assert_false(nb_path_date("2024-13-01.txt", d));
    assert_false(nb_path_date("id120240103.txt", d));
    assert_false(nb_path_date("x20240103y.txt", d));
    assert_false(nb_path_date("12024-01-03.txt", d));
    assert_false(nb_path_date("", d));
}

/* Dated articles: first_seen and last_seen in every format, GEXF spells;
 * and the support of a funds edge, as the GraphML writes it. */
static void test_dated(void **state)
{
    fixture *f = *state;
    nb_network net;
    const char *labels[] = {"Alpha", "Beta"};
    const nb_test_edge edges[] = {{"Alpha", NB_REL_FUNDS, "Beta", 3}};
    nb_test_network(&net, labels, 2, edges, 1);
    free(net.articles[0]);
    net.articles[0] = nb_strdup("wire/2024/01/03/a.txt");
    free(net.articles[1]);
    net.articles[1] = nb_strdup("wire/2023-12-30-b.txt");
    net.copies = nb_calloc(net.n_articles, sizeof *net.copies);
    net.copies[0] = nb_strdup("mirror/2024-02-01-a.txt;mirror/undated.txt");
    net.edges[0].support = NB_SUPPORT_MONEY | NB_SUPPORT_WEAPONS;
    assert_int_equal(nb_analyze(&net, 1), NB_OK);
    char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
    nb_edge_seen(&net, &net.edges[0], first, last);
    assert_string_equal(first, "2023-12-30");
    assert_string_equal(last, "2024-02-01");

    char *g = write_file(f, &net, nb_write_gexf, "dated.gexf");
    if (have_schema()) assert_int_equal(run("xmllint --noout --relaxng " RNG " '%s' 2>/dev/null", g), 0);
    size_t len;
    char *x = slurp(g, &len);
    assert_non_null(strstr(x, "mode=\"dynamic\" timeformat=\"date\""));
    assert_non_null(strstr(x, "<spell start=\"2023-12-30\" end=\"2023-12-30\"/>"));
    assert_non_null(strstr(x, "<spell start=\"2024-01-03\" end=\"2024-01-03\"/>"));
    assert_non_null(strstr(x, "<spell start=\"2024-02-01\" end=\"2024-02-01\"/>"));
    assert_non_null(strstr(x, "<attvalue for=\"first_seen\" value=\"2023-12-30\"/>"));
    assert_non_null(strstr(x, "<attribute id=\"support\" title=\"support\" type=\"string\"/>"));
    assert_non_null(strstr(x, "<attvalue for=\"support\" value=\"money;weapons\"/>"));
    free(x);
    char *j = write_file(f, &net, nb_write_json, "dated.json");
    x = slurp(j, &len);
    assert_non_null(strstr(x, "\"first_seen\": \"2023-12-30\", \"last_seen\": \"2024-02-01\""));
    assert_non_null(strstr(x, "\"date\": \"2024-01-03\""));
    assert_non_null(strstr(x, "\"weight\": 3, \"support\": \"money;weapons\""));
    free(x);
    char *c = write_file(f, &net, nb_write_csv_edges, "dated.edges.csv");
    x = slurp(c, &len);
    assert_non_null(strstr(x, "\"2023-12-30\",\"2024-02-01\"\r\n"));
    assert_non_null(strstr(x, ",\"support\",\"articles\","));
    assert_non_null(strstr(x, "\"Beta\",\"money;weapons\","));
    free(x);
    free(g);
    free(j);
    free(c);
    nb_network_free(&net);
}

/* libcsv reads the CSV back: one record per node or edge plus the header,
 * every record as wide as the header. */
typedef struct {
    size_t fields, records, width;
    bool ragged;
    char first[8][64];
} csv_count;

static void on_field(void *s, size_t n, void *data)
{
    csv_count *c = data;
    if (c->records == 1 && c->fields < 8) {
        size_t k = n < 63 ? n : 63;
        memcpy(c->first[c->fields], s, k);
        c->first[c->fields][k] = '\0';
    }
    c->fields++;
}

static void on_record(int ch, void *data)
{
    (void)ch;
    csv_count *c = data;
    if (c->records == 0) c->width = c->fields;
    else if (c->fields != c->width) c->ragged = true;
    c->records++;
    c->fields = 0;
}

static csv_count parse_csv(const char *path)
{
    size_t len;
    char *data = slurp(path, &len);
    struct csv_parser p;
    assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
    csv_count c = {0};
    assert_int_equal(csv_parse(&p, data, len, on_field, on_record, &c), len);
    assert_int_equal(csv_fini(&p, on_field, on_record, &c), 0);
    csv_free(&p);
    assert_clean_bytes(data, len, true);
    free(data);
    return c;
}

static void test_csv_libcsv(void **state)
{
    fixture *f = *state;
    char *n = write_file(f, &f->net, nb_write_csv_nodes, "net.nodes.csv");
    char *e = write_file(f, &f->net, nb_write_csv_edges, "net.edges.csv");
    csv_count cn = parse_csv(n), ce = parse_csv(e);
    assert_int_equal(cn.records, f->net.n_nodes + 1);
    assert_int_equal(ce.records, f->net.n_edges + 1);
    assert_false(cn.ragged);
    assert_false(ce.ragged);
    assert_int_equal(cn.width, 22);
    assert_int_equal(ce.width, 15); /* 14 columns and support */
    size_t len;
    char *x = slurp(n, &len);
    assert_true(!strncmp(x, "\"Id\",\"Label\",\"kind\"", 19));
    /* a cell a spreadsheet would run as a formula is text */
    assert_non_null(strstr(x, "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\"), comma\""));
    assert_non_null(strstr(x, "\"'-minus @at +plus\""));
    free(x);
    x = slurp(e, &len);
    assert_true(!strncmp(x, "\"Source\",\"Target\",\"Type\",\"Kind\",\"Weight\"", 40));
    free(x);
    if (system("python3 -c 'import csv' >/dev/null 2>&1") == 0)
        assert_int_equal(run("python3 -c 'import csv, sys; r = list(csv.reader(open(sys.argv[1], newline=\"\", "
                             "encoding=\"utf-8\"), strict=True)); assert len({len(x) for x in r}) == 1' '%s' '%s'",
                             e),
                         0);
    free(n);
    free(e);
}

static void test_json_valid(void **state)
{
    fixture *f = *state;
    char *path = write_file(f, &f->net, nb_write_json, "net.json");
    size_t len;
    char *x = slurp(path, &len);
    assert_clean_bytes(x, len, false);
    assert_null(strstr(x, "</")); /* safe inside an HTML script element */
    assert_null(strstr(x, "\xe2\x80\xa8"));
    assert_non_null(strstr(x, "\"evidence\": [{\"article\": "));
    free(x);
    if (system("python3 -c 'import networkx' >/dev/null 2>&1") == 0)
        assert_int_equal(run("python3 -c 'import json, sys, networkx as nx\n"
                             "d = json.load(open(sys.argv[1]))\n"
                             "try:\n g = nx.node_link_graph(d, edges=\"edges\")\n"
                             "except TypeError:\n g = nx.node_link_graph(d, link=\"edges\")\n"
                             "assert g.is_directed() and g.is_multigraph()\n"
                             "assert g.number_of_nodes() == len(d[\"nodes\"]) and g.number_of_edges() == len(d[\"edges\"])\n"
                             "for e in d[\"edges\"]:\n"
                             " a = dict(e); s, t, k = a.pop(\"source\"), a.pop(\"target\"), a.pop(\"key\")\n"
                             " assert g.edges[s, t, k] == a\n"
                             " assert all(set(v) >= {\"article\", \"offset\", \"sentence\", \"pattern\"} for v in a[\"evidence\"])\n"
                             "' '%s' '%s'",
                             path),
                         0);
    free(path);
}

static void test_html(void **state)
{
    fixture *f = *state;
    char *path = write_file(f, &f->net, html_writer, "net.html");
    size_t len;
    char *x = slurp(path, &len);
    assert_clean_bytes(x, len, false);
    assert_true(!strncmp(x, "<!DOCTYPE html>\n<!-- netbuild report", 36));
    assert_non_null(strstr(x, "Content-Security-Policy\" content=\"default-src 'none'"));
    /* one file: no script, style or image is loaded from anywhere */
    assert_null(strstr(x, "<script src"));
    assert_null(strstr(x, "<link"));
    assert_null(strstr(x, "<img"));
    /* the library's own non-ASCII text is escaped: its U+200B is gone */
    assert_null(strstr(x, "\xe2\x80\x8b"));
    assert_non_null(strstr(x, "join(\"\\u200b\")"));
    /* the only closing script tags are netbuild's own five */
    size_t closes = 0;
    for (const char *p = x; (p = strstr(p, "</script")); p++) closes++;
    assert_int_equal(closes, 5);
    assert_non_null(strstr(x, "binary file \\u003c/script\\u003e, skipped"));
    free(x);
    free(path);
}

static void test_empty_network(void **state)
{
    fixture *f = *state;
    nb_network net;
    nb_test_network(&net, NULL, 0, NULL, 0);
    assert_int_equal(nb_analyze(&net, 1), NB_OK);
    char *g = write_file(f, &net, nb_write_gexf, "empty.gexf");
    if (have_schema()) assert_int_equal(run("xmllint --noout --relaxng " RNG " '%s' 2>/dev/null", g), 0);
    char *j = write_file(f, &net, nb_write_json, "empty.json");
    assert_int_equal(run("python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); "
                         "assert d[\"nodes\"] == [] and d[\"edges\"] == []' '%s' '%s'",
                         j),
                     0);
    char *n = write_file(f, &net, nb_write_csv_nodes, "empty.nodes.csv");
    csv_count c = parse_csv(n);
    assert_int_equal(c.records, 1);
    char *h = write_file(f, &net, html_writer, "empty.html");
    free(g);
    free(j);
    free(n);
    free(h);
    nb_network_free(&net);
}

static void test_deterministic(void **state)
{
    fixture *f = *state;
    nb_network other;
    build_nasty(&other);
    assert_int_equal(nb_analyze(&other, 1), NB_OK);
    writer_fn fns[] = {nb_write_gexf, nb_write_json, nb_write_csv_nodes, nb_write_csv_edges, html_writer};
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
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

static void test_full_disk(void **state)
{
    fixture *f = *state;
    if (access("/dev/full", W_OK) != 0) skip();
    writer_fn fns[] = {nb_write_gexf, nb_write_json, nb_write_csv_nodes, nb_write_csv_edges, html_writer};
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        nb_sink s;
        assert_int_equal(nb_sink_open(&s, "/dev/full"), NB_OK);
        assert_int_equal(fns[k](&f->net, &s), NB_ERR_IO);
        assert_int_equal(nb_sink_close(&s), NB_ERR_IO);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gexf_valid), cmocka_unit_test(test_path_dates),
        cmocka_unit_test(test_dated),      cmocka_unit_test(test_csv_libcsv),
        cmocka_unit_test(test_json_valid), cmocka_unit_test(test_html),
        cmocka_unit_test(test_empty_network), cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_full_disk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
