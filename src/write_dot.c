#include "writers.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>

#include "dates.h"

/* How each relation is drawn; indexed by nb_rel. Colour and line style both
 * differ so that a greyscale print still tells the relations apart. */
typedef struct {
    const char *color, *style, *arrowhead;
    double pen_factor;
} rel_style;

static const rel_style REL_STYLES[NB_REL_COUNT] = {
    [NB_REL_FUNDS] = {"#1B9E77", "solid", "normal", 1.0},
    /* An explicit penwidth overrides "bold", so commands also get a thicker
     * pen to stay bold. */
    [NB_REL_COMMANDS] = {"#2F5DB8", "bold", "normal", 1.6},
    [NB_REL_CONDEMNS] = {"#E66101", "dashed", "open", 1.0},
    [NB_REL_ATTACKED] = {"#D7191C", "solid", "veevee", 1.0},
};

/* Articles named in an edge's tooltip. */
#define NB_DOT_TIP_ARTICLES 20

static const nb_kind LEGEND_KINDS[] = {NB_KIND_COUNTRY, NB_KIND_ORG, NB_KIND_PERSON,
                                       NB_KIND_GROUP, NB_KIND_UNKNOWN};

static const rel_style *style_of(nb_rel r)
{
    return (r >= 0 && r < NB_REL_COUNT) ? &REL_STYLES[r] : &REL_STYLES[NB_REL_FUNDS];
}

/* Prints name="value" with value already formatted as a number. */
static void attr_num(nb_sink *out, const char *name, double v)
{
    char num[32];
    nb_fmt_double(num, v);
    nb_sink_printf(out, ", %s=\"%s\"", name, num);
}

static void attr_str(nb_sink *out, const char *name, const char *v)
{
    nb_sink_printf(out, ", %s=\"", name);
    nb_sink_dot(out, v);
    nb_sink_puts(out, "\"");
}

static const char *article_path(const nb_network *net, size_t i)
{
    return i < net->n_articles ? net->articles[i] : "?";
}

static void write_node(const nb_network *net, size_t i, double max_pr, nb_sink *out)
{
    const nb_node *nd = &net->nodes[i];
    double share = max_pr > 0 ? nd->m.pagerank / max_pr : 0.0;
    char pr[32];
    nb_fmt_double(pr, nd->m.pagerank);

    nb_sink_printf(out, "  \"n%zu\" [label=\"", i);
    nb_sink_dot(out, nd->label);
    nb_sink_puts(out, "\"");
    nb_buf tip = {0};
    nb_buf_printf(&tip, "%s (%s), %ld mentions, pagerank %s", nd->label, nb_kind_name(nd->kind),
                  nd->mentions, pr);
    attr_str(out, "tooltip", tip.data);
    nb_buf_free(&tip);
    attr_str(out, "fillcolor", nb_kind_color(nd->kind));
    /* With fixedsize off these are minimums, so long names still fit. */
    attr_num(out, "width", 0.6 + 1.4 * share);
    attr_num(out, "height", 0.3 + 0.7 * share);
    attr_num(out, "fontsize", 10.0 + 8.0 * share);
    nb_sink_puts(out, "];\n");
}

static void write_edge(const nb_network *net, size_t i, nb_sink *out)
{
    const nb_edge *e = &net->edges[i];
    const rel_style *rs = style_of(e->rel);
    /* Log scale: one edge reported a hundred times must not hide the rest. */
    double pen = 1.0 + 1.5 * log((double)(e->weight > 1 ? e->weight : 1));
    if (pen > 8.0) pen = 8.0;

    nb_sink_printf(out, "  \"n%zu\" -> \"n%zu\" [label=\"", e->src, e->dst);
    nb_sink_dot(out, nb_rel_name(e->rel));
    nb_sink_puts(out, "\"");
    attr_str(out, "color", rs->color);
    attr_str(out, "fontcolor", rs->color);
    attr_str(out, "style", rs->style);
    attr_str(out, "arrowhead", rs->arrowhead);
    attr_num(out, "penwidth", pen * rs->pen_factor);
    if (e->support) {
        char sup[64];
        nb_support_format(e->support, sup);
        attr_str(out, "support", sup);
    }
    nb_buf tip = {0};
    nb_buf_printf(&tip, "%s %s %s (%ld): ", net->nodes[e->src].label, nb_rel_name(e->rel),
                  net->nodes[e->dst].label, e->weight);
    /* A tooltip names a few articles: an edge seen in a million files would
     * otherwise carry megabytes that dot parses in quadratic time (the
     * GraphML keeps the full list). */
    size_t shown = e->n_articles < NB_DOT_TIP_ARTICLES ? e->n_articles : NB_DOT_TIP_ARTICLES;
    for (size_t a = 0; a < shown; a++) {
        if (a) nb_buf_puts(&tip, "; ");
        nb_buf_puts(&tip, article_path(net, e->articles[a]));
    }
    if (e->n_articles > shown) nb_buf_printf(&tip, "; and %zu more", e->n_articles - shown);
    char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
    nb_edge_seen(net, e, first, last);
    if (*first) {
        nb_buf_printf(&tip, "; seen %s to %s", first, last);
        attr_str(out, "first_seen", first);
        attr_str(out, "last_seen", last);
    }
    attr_str(out, "tooltip", tip.data);
    nb_buf_free(&tip);
    nb_sink_puts(out, "];\n");
}

/* The legend is one node whose label is an HTML-like table: a single node
 * cannot fall apart, and with overlap=false neato and sfdp keep it clear of
 * the actors, as dot does. (A cluster of sample nodes was scattered by sfdp
 * and overlapped by neato, which ignore clusters.) Kinds are filled cells;
 * relations are their colour and a line drawn in characters: solid, bold,
 * dashed, and the arrowhead's shape. */
static void write_legend(nb_sink *out)
{
    static const char *const LINES[NB_REL_COUNT] = {
        [NB_REL_FUNDS] = "&#8212;&#8212;&#8212;&#9654;",
        [NB_REL_COMMANDS] = "<B>&#8212;&#8212;&#8212;&#9654;</B>",
        [NB_REL_CONDEMNS] = "- - - &#9655;",
        [NB_REL_ATTACKED] = "&#8212;&#8212;&#8212;&#9654;&#9654;",
    };
    nb_sink_puts(out,
                 "  \"legend\" [shape=\"plaintext\", style=\"solid\", fontsize=\"10\", label=<\n"
                 "    <TABLE BORDER=\"1\" COLOR=\"#888888\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
                 "CELLPADDING=\"3\" BGCOLOR=\"#FFFFFF\">\n"
                 "      <TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>\n");
    for (size_t k = 0; k < sizeof LEGEND_KINDS / sizeof LEGEND_KINDS[0]; k++)
        nb_sink_printf(out,
                       "      <TR><TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"#333333\" WIDTH=\"30\"> </TD>"
                       "<TD ALIGN=\"LEFT\">%s</TD></TR>\n",
                       nb_kind_color(LEGEND_KINDS[k]), nb_kind_name(LEGEND_KINDS[k]));
    for (int r = 0; r < NB_REL_COUNT; r++)
        nb_sink_printf(out,
                       "      <TR><TD><FONT COLOR=\"%s\">%s</FONT></TD>"
                       "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">%s</FONT></TD></TR>\n",
                       style_of((nb_rel)r)->color, LINES[r], style_of((nb_rel)r)->color, nb_rel_name((nb_rel)r));
    nb_sink_puts(out, "    </TABLE>>];\n");
}

nb_status nb_write_dot(const nb_network *net, nb_sink *out)
{
    double max_pr = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].m.pagerank > max_pr) max_pr = net->nodes[i].m.pagerank;

    nb_sink_puts(out,
                 "digraph netbuild {\n"
                 "  overlap=\"false\";\n"
                 "  splines=\"true\";\n"
                 "  outputorder=\"edgesfirst\";\n"
                 "  fontname=\"Helvetica\";\n"
                 "  node [shape=\"ellipse\", style=\"filled\", fontname=\"Helvetica\", "
                 "color=\"#333333\", penwidth=\"0.8\"];\n"
                 "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.8\"];\n");
    for (size_t i = 0; i < net->n_nodes; i++) write_node(net, i, max_pr, out);
    for (size_t i = 0; i < net->n_edges; i++) write_edge(net, i, out);
    write_legend(out);
    nb_sink_puts(out, "}\n");

    /* Flushing here reports a full disk to the caller now rather than only
     * at nb_sink_close. */
    if (!out->err && out->fp && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return (out->err || !out->fp) ? NB_ERR_IO : NB_OK;
}
