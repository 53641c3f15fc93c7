#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "writers.h"

/* Attribute ids equal their titles, and both equal the GraphML's key names,
 * so a Gephi user sees the same columns whichever file was opened. The node
 * label, the edge label and weight and Gephi's x, y, size and color are not
 * attributes here: GEXF has a place of its own for each. */
typedef struct {
    const char *id, *type;
} attr_def;

static const attr_def NODE_ATTRS[] = {
    {"kind", "string"},          {"aliases", "string"},
    {"mentions", "long"},        {"in_degree", "double"},
    {"out_degree", "double"},    {"degree", "double"},
    {"weighted_in_degree", "double"}, {"weighted_out_degree", "double"},
    {"betweenness", "double"},   {"pagerank", "double"},
    {"hub", "double"},           {"authority", "double"},
    {"harmonic", "double"},      {"weak_component", "long"},
    {"strong_component", "long"}, {"community", "long"},
};

static const attr_def EDGE_ATTRS[] = {
    {"relation", "string"},   {"support", "string"},     {"articles", "string"},    {"evidence", "string"},
    {"evidence_count", "integer"}, {"first_seen", "string"}, {"last_seen", "string"},
};

static const char *article_path(const nb_network *net, size_t i)
{
    return i < net->n_articles ? net->articles[i] : "?";
}

static void att_str(nb_sink *out, const char *id, const char *val)
{
    nb_sink_printf(out, "          <attvalue for=\"%s\" value=\"", id);
    nb_sink_xml(out, val);
    nb_sink_puts(out, "\"/>\n");
}

static void att_double(nb_sink *out, const char *id, double v)
{
    char num[32];
    nb_fmt_double(num, v);
    nb_sink_printf(out, "          <attvalue for=\"%s\" value=\"%s\"/>\n", id, num);
}

static void att_long(nb_sink *out, const char *id, long v)
{
    nb_sink_printf(out, "          <attvalue for=\"%s\" value=\"%ld\"/>\n", id, v);
}

/* viz:color wants r, g, b channels; the shared palette is "#RRGGBB". */
static void viz_color(nb_sink *out, const char *hex, const char *indent)
{
    unsigned r = 0, g = 0, b = 0;
    if (sscanf(hex, "#%2x%2x%2x", &r, &g, &b) != 3) r = g = b = 153;
    nb_sink_printf(out, "%s<viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", indent, r, g, b);
}

static void write_node(const nb_network *net, size_t i, double max_pr, nb_sink *out)
{
    const nb_node *nd = &net->nodes[i];
    const nb_metrics *m = &nd->m;
    nb_sink_printf(out, "      <node id=\"n%zu\" label=\"", i);
    nb_sink_xml(out, nd->label);
    nb_sink_puts(out, "\">\n        <attvalues>\n");
    att_str(out, "kind", nb_kind_name(nd->kind));
    nb_buf al = {0};
    nb_buf_put(&al, "", 0);
    for (size_t a = 0; a < nd->n_aliases; a++) {
        if (a) nb_buf_puts(&al, "; ");
        nb_buf_puts(&al, nd->aliases[a]);
    }
    att_str(out, "aliases", al.data);
    nb_buf_free(&al);
    att_long(out, "mentions", nd->mentions);
    att_double(out, "in_degree", m->in_degree);
    att_double(out, "out_degree", m->out_degree);
    att_double(out, "degree", m->degree);
    att_double(out, "weighted_in_degree", m->w_in_degree);
    att_double(out, "weighted_out_degree", m->w_out_degree);
    att_double(out, "betweenness", m->betweenness);
    att_double(out, "pagerank", m->pagerank);
    att_double(out, "hub", m->hub);
    att_double(out, "authority", m->authority);
    att_double(out, "harmonic", m->harmonic);
    att_long(out, "weak_component", m->weak_component);
    att_long(out, "strong_component", m->strong_component);
    att_long(out, "community", m->community);
    nb_sink_puts(out, "        </attvalues>\n");
    viz_color(out, nb_kind_color(nd->kind), "        ");
    char x[32], y[32], size[32];
    nb_fmt_double(x, m->x);
    nb_fmt_double(y, m->y);
    nb_fmt_double(size, nb_node_size(m->pagerank, max_pr));
    nb_sink_printf(out, "        <viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/>\n", x, y);
    nb_sink_printf(out, "        <viz:size value=\"%s\"/>\n", size);
    nb_sink_puts(out, "      </node>\n");
}

static void write_edge(const nb_network *net, size_t i, nb_buf *dates, nb_sink *out)
{
    const nb_edge *e = &net->edges[i];
    const char *rel = nb_rel_name(e->rel);
    char w[32];
    nb_fmt_double(w, (double)e->weight);
    nb_sink_printf(out,
                   "      <edge id=\"e%zu\" source=\"n%zu\" target=\"n%zu\" type=\"directed\" "
                   "kind=\"%s\" label=\"%s\" weight=\"%s\">\n        <attvalues>\n",
                   i, e->src, e->dst, rel, rel, w);
    att_str(out, "relation", rel);
    /* what a funds edge gives, as in the GraphML: only when it is known */
    if (e->support) {
        char sup[64];
        nb_support_format(e->support, sup);
        att_str(out, "support", sup);
    }
    nb_sink_puts(out, "          <attvalue for=\"articles\" value=\"");
    for (size_t a = 0; a < e->n_articles; a++) {
        if (a) nb_sink_puts(out, ";");
        nb_sink_xml(out, article_path(net, e->articles[a]));
        /* byte-identical copies: counted once, listed all, as in the GraphML */
        const char *c = net->copies && e->articles[a] < net->n_articles ? net->copies[e->articles[a]] : NULL;
        if (c) {
            nb_sink_puts(out, ";");
            nb_sink_xml(out, c);
        }
    }
    nb_sink_puts(out, "\"/>\n");
    nb_sink_puts(out, "          <attvalue for=\"evidence\" value=\"");
    for (size_t k = 0; k < e->n_ev; k++) {
        const nb_evidence *ev = &e->ev[k];
        if (k) nb_sink_puts(out, " || ");
        nb_sink_xml(out, article_path(net, ev->article));
        nb_sink_printf(out, "@%zu [", ev->offset);
        nb_sink_xml(out, ev->rule ? ev->rule : "");
        nb_sink_puts(out, "]: ");
        nb_sink_xml(out, ev->sentence ? ev->sentence : "");
    }
    nb_sink_puts(out, "\"/>\n");
    att_long(out, "evidence_count", (long)e->n_ev);
    size_t nd = nb_edge_dates(net, e, dates);
    char first[NB_DATE_LEN + 1] = "", last[NB_DATE_LEN + 1] = "";
    if (nd) {
        memcpy(first, dates->data, NB_DATE_LEN);
        memcpy(last, dates->data + (nd - 1) * NB_DATE_LEN, NB_DATE_LEN);
        first[NB_DATE_LEN] = last[NB_DATE_LEN] = '\0';
    }
    att_str(out, "first_seen", first);
    att_str(out, "last_seen", last);
    nb_sink_puts(out, "        </attvalues>\n");
    /* One spell per day the edge was reported on: Gephi's timeline shows
     * the edge on those days. An undated edge has no spell and so is always
     * shown. */
    if (nd) {
        nb_sink_puts(out, "        <spells>\n");
        for (size_t k = 0; k < nd; k++) {
            const char *d = dates->data + k * NB_DATE_LEN;
            nb_sink_printf(out, "          <spell start=\"%.*s\" end=\"%.*s\"/>\n", NB_DATE_LEN, d,
                           NB_DATE_LEN, d);
        }
        nb_sink_puts(out, "        </spells>\n");
    }
    viz_color(out, nb_rel_color(e->rel), "        ");
    nb_sink_puts(out, "      </edge>\n");
}

static void write_attrs(nb_sink *out, const char *cls, const attr_def *defs, size_t n)
{
    nb_sink_printf(out, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (size_t k = 0; k < n; k++)
        nb_sink_printf(out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", defs[k].id,
                       defs[k].id, defs[k].type);
    nb_sink_puts(out, "    </attributes>\n");
}

nb_status nb_write_gexf(const nb_network *net, nb_sink *out)
{
    double max_pr = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].m.pagerank > max_pr) max_pr = net->nodes[i].m.pagerank;
    /* The graph is dynamic only when some edge is dated: a static file is
     * what Gephi opens without asking about time. */
    bool dated = false;
    nb_buf dates = {0};
    for (size_t i = 0; i < net->n_edges && !dated; i++) dated = nb_edge_dates(net, &net->edges[i], &dates) > 0;

    nb_sink_puts(out,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
                 "version=\"1.3\">\n"
                 "  <meta>\n"
                 "    <creator>netbuild</creator>\n"
                 "    <description>Actor network: who funds, commands, condemns and attacked whom, "
                 "with evidence</description>\n"
                 "  </meta>\n");
    if (dated)
        nb_sink_puts(out, "  <graph defaultedgetype=\"directed\" idtype=\"string\" mode=\"dynamic\" "
                          "timeformat=\"date\">\n");
    else
        nb_sink_puts(out, "  <graph defaultedgetype=\"directed\" idtype=\"string\" mode=\"static\">\n");
    write_attrs(out, "node", NODE_ATTRS, sizeof NODE_ATTRS / sizeof NODE_ATTRS[0]);
    write_attrs(out, "edge", EDGE_ATTRS, sizeof EDGE_ATTRS / sizeof EDGE_ATTRS[0]);
    nb_sink_printf(out, "    <nodes count=\"%zu\">\n", net->n_nodes);
    for (size_t i = 0; i < net->n_nodes; i++) write_node(net, i, max_pr, out);
    nb_sink_printf(out, "    </nodes>\n    <edges count=\"%zu\">\n", net->n_edges);
    for (size_t i = 0; i < net->n_edges; i++) write_edge(net, i, &dates, out);
    nb_sink_puts(out, "    </edges>\n  </graph>\n</gexf>\n");
    nb_buf_free(&dates);

    /* Flushing here reports a full disk to the caller now rather than only
     * at nb_sink_close. */
    if (!out->err && out->fp && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return (out->err || !out->fp) ? NB_ERR_IO : NB_OK;
}
