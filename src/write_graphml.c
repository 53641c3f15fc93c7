#include "writers.h"

#include <errno.h>
#include <stdio.h>

#include "dates.h"

/* Key ids equal attr.name so that Gephi, which matches its viz properties
 * (label, x, y, size, color, weight) by either, picks them up; only the edge
 * label needs another id, and "edgelabel" is the one Gephi knows. */
typedef struct {
    const char *id, *domain, *name, *type;
} key_def;

static const key_def KEYS[] = {
    {"label", "node", "label", "string"},
    {"kind", "node", "kind", "string"},
    {"aliases", "node", "aliases", "string"},
    {"mentions", "node", "mentions", "long"},
    {"in_degree", "node", "in_degree", "double"},
    {"out_degree", "node", "out_degree", "double"},
    {"degree", "node", "degree", "double"},
    {"weighted_in_degree", "node", "weighted_in_degree", "double"},
    {"weighted_out_degree", "node", "weighted_out_degree", "double"},
    {"betweenness", "node", "betweenness", "double"},
    {"pagerank", "node", "pagerank", "double"},
    {"hub", "node", "hub", "double"},
    {"authority", "node", "authority", "double"},
    {"harmonic", "node", "harmonic", "double"},
    {"weak_component", "node", "weak_component", "long"},
    {"strong_component", "node", "strong_component", "long"},
    {"community", "node", "community", "long"},
    {"x", "node", "x", "double"},
    {"y", "node", "y", "double"},
    {"size", "node", "size", "double"},
    {"color", "node", "color", "string"},
    {"relation", "edge", "relation", "string"},
    {"edgelabel", "edge", "label", "string"},
    {"weight", "edge", "weight", "double"},
    {"support", "edge", "support", "string"},
    {"articles", "edge", "articles", "string"},
    {"evidence", "edge", "evidence", "string"},
    {"evidence_count", "edge", "evidence_count", "int"},
    /* the earliest and latest article dates (dates.h), absent when undated */
    {"first_seen", "edge", "first_seen", "string"},
    {"last_seen", "edge", "last_seen", "string"},
    {"undated_articles", "graph", "undated_articles", "long"},
    /* how analyze.c computed them: exact, or sampled on a large graph */
    {"betweenness_method", "graph", "betweenness_method", "string"},
    {"closeness_method", "graph", "closeness_method", "string"},
    {"layout_method", "graph", "layout_method", "string"},
};

static void data_str(nb_sink *out, const char *key, const char *val)
{
    nb_sink_printf(out, "      <data key=\"%s\">", key);
    nb_sink_xml(out, val);
    nb_sink_puts(out, "</data>\n");
}

static void data_double(nb_sink *out, const char *key, double val)
{
    char num[32];
    nb_fmt_double(num, val);
    nb_sink_printf(out, "      <data key=\"%s\">%s</data>\n", key, num);
}

static void data_long(nb_sink *out, const char *key, long val)
{
    nb_sink_printf(out, "      <data key=\"%s\">%ld</data>\n", key, val);
}

static const char *article_path(const nb_network *net, size_t i)
{
    return i < net->n_articles ? net->articles[i] : "?";
}

static void write_node(const nb_network *net, size_t i, double max_pr, nb_sink *out)
{
    const nb_node *nd = &net->nodes[i];
    const nb_metrics *m = &nd->m;
    nb_sink_printf(out, "    <node id=\"n%zu\">\n", i);
    data_str(out, "label", nd->label);
    data_str(out, "kind", nb_kind_name(nd->kind));
    nb_sink_puts(out, "      <data key=\"aliases\">");
    for (size_t a = 0; a < nd->n_aliases; a++) {
        if (a) nb_sink_puts(out, "; ");
        nb_sink_xml(out, nd->aliases[a]);
    }
    nb_sink_puts(out, "</data>\n");
    data_long(out, "mentions", nd->mentions);
    data_double(out, "in_degree", m->in_degree);
    data_double(out, "out_degree", m->out_degree);
    data_double(out, "degree", m->degree);
    data_double(out, "weighted_in_degree", m->w_in_degree);
    data_double(out, "weighted_out_degree", m->w_out_degree);
    data_double(out, "betweenness", m->betweenness);
    data_double(out, "pagerank", m->pagerank);
    data_double(out, "hub", m->hub);
    data_double(out, "authority", m->authority);
    data_double(out, "harmonic", m->harmonic);
    data_long(out, "weak_component", m->weak_component);
    data_long(out, "strong_component", m->strong_component);
    data_long(out, "community", m->community);
    data_double(out, "x", m->x);
    data_double(out, "y", m->y);
    data_double(out, "size", max_pr > 0 ? 10.0 + 90.0 * m->pagerank / max_pr : 10.0);
    data_str(out, "color", nb_kind_color(nd->kind));
    nb_sink_puts(out, "    </node>\n");
}

static void write_edge(const nb_network *net, size_t i, nb_sink *out)
{
    const nb_edge *e = &net->edges[i];
    nb_sink_printf(out, "    <edge id=\"e%zu\" source=\"n%zu\" target=\"n%zu\">\n", i, e->src,
                   e->dst);
    data_str(out, "relation", nb_rel_name(e->rel));
    data_str(out, "edgelabel", nb_rel_name(e->rel));
    data_double(out, "weight", (double)e->weight);
    if (e->support) {
        char sup[64];
        nb_support_format(e->support, sup);
        data_str(out, "support", sup);
    }
    nb_sink_puts(out, "      <data key=\"articles\">");
    for (size_t a = 0; a < e->n_articles; a++) {
        if (a) nb_sink_puts(out, ";");
        nb_sink_xml(out, article_path(net, e->articles[a]));
        /* byte-identical copies: counted once, listed all */
        const char *c = net->copies && e->articles[a] < net->n_articles ? net->copies[e->articles[a]] : NULL;
        if (c) {
            nb_sink_puts(out, ";");
            nb_sink_xml(out, c);
        }
    }
    nb_sink_puts(out, "</data>\n");
    nb_sink_puts(out, "      <data key=\"evidence\">");
    for (size_t k = 0; k < e->n_ev; k++) {
        const nb_evidence *ev = &e->ev[k];
        if (k) nb_sink_puts(out, " || ");
        nb_sink_xml(out, article_path(net, ev->article));
        nb_sink_printf(out, "@%zu [", ev->offset);
        nb_sink_xml(out, ev->rule ? ev->rule : "");
        nb_sink_puts(out, "]: ");
        nb_sink_xml(out, ev->sentence ? ev->sentence : "");
    }
    nb_sink_puts(out, "</data>\n");
    data_long(out, "evidence_count", (long)e->n_ev);
    char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
    nb_edge_seen(net, e, first, last);
    if (*first) {
        data_str(out, "first_seen", first);
        data_str(out, "last_seen", last);
    }
    nb_sink_puts(out, "    </edge>\n");
}

nb_status nb_write_graphml(const nb_network *net, nb_sink *out)
{
    double max_pr = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].m.pagerank > max_pr) max_pr = net->nodes[i].m.pagerank;

    nb_sink_puts(out,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                 "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                 "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++)
        nb_sink_printf(out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                       KEYS[k].id, KEYS[k].domain, KEYS[k].name, KEYS[k].type);
    nb_sink_puts(out, "  <graph id=\"G\" edgedefault=\"directed\">\n");
    /* Graph data comes before the nodes, as the GraphML schema orders it. */
    const char *methods[3][2] = {{"betweenness_method", net->betweenness_method},
                                 {"closeness_method", net->closeness_method},
                                 {"layout_method", net->layout_method}};
    for (size_t k = 0; k < 3; k++)
        if (methods[k][1]) {
            nb_sink_printf(out, "    <data key=\"%s\">", methods[k][0]);
            nb_sink_xml(out, methods[k][1]);
            nb_sink_puts(out, "</data>\n");
        }
    nb_sink_printf(out, "    <data key=\"undated_articles\">%zu</data>\n", nb_net_undated(net));
    for (size_t i = 0; i < net->n_nodes; i++) write_node(net, i, max_pr, out);
    for (size_t i = 0; i < net->n_edges; i++) write_edge(net, i, out);
    nb_sink_puts(out, "  </graph>\n</graphml>\n");

    /* Flushing here reports a full disk to the caller now rather than only
     * at nb_sink_close. */
    if (!out->err && out->fp && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return (out->err || !out->fp) ? NB_ERR_IO : NB_OK;
}
