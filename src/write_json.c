#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "text.h"
#include "writers.h"

static const char *article_path(const nb_network *net, size_t i)
{
    return i < net->n_articles ? net->articles[i] : "?";
}

/* A JSON string. The text is made safe first (valid UTF-8, no control
 * characters); '<', '>' and '&' are escaped too, and so are U+2028 and
 * U+2029, so that the same document can sit inside an HTML <script> (the
 * report embeds it) without "</script>" ever appearing in it. */
void nb_json_str(nb_sink *out, const char *s)
{
    char *safe = nb_text_sanitize(s, strlen(s));
    nb_sink_write(out, "\"", 1);
    const char *p = safe, *run = safe;
    for (; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '"': rep = "\\\""; break;
        case '\\': rep = "\\\\"; break;
        case '<': rep = "\\u003c"; break;
        case '>': rep = "\\u003e"; break;
        case '&': rep = "\\u0026"; break;
        case '\t': rep = "\\t"; break;
        case '\n': rep = "\\n"; break;
        case '\xe2':
            if (p[1] == '\x80' && (p[2] == '\xa8' || p[2] == '\xa9')) {
                nb_sink_write(out, run, (size_t)(p - run));
                nb_sink_puts(out, p[2] == '\xa8' ? "\\u2028" : "\\u2029");
                p += 2;
                run = p + 1;
            }
            break;
        default: break;
        }
        if (rep) {
            nb_sink_write(out, run, (size_t)(p - run));
            nb_sink_puts(out, rep);
            run = p + 1;
        }
    }
    nb_sink_write(out, run, (size_t)(p - run));
    nb_sink_write(out, "\"", 1);
    free(safe);
}

static void key_str(nb_sink *out, const char *key, const char *val)
{
    nb_sink_printf(out, ", \"%s\": ", key);
    nb_json_str(out, val);
}

static void key_double(nb_sink *out, const char *key, double v)
{
    char num[32];
    nb_fmt_double(num, v);
    nb_sink_printf(out, ", \"%s\": %s", key, num);
}

static void key_long(nb_sink *out, const char *key, long v)
{
    nb_sink_printf(out, ", \"%s\": %ld", key, v);
}

/* A date, or null when none is known: null says "unknown" where "" would
 * look like a value. */
static void key_date(nb_sink *out, const char *key, const char *date)
{
    if (*date) nb_sink_printf(out, ", \"%s\": \"%s\"", key, date);
    else nb_sink_printf(out, ", \"%s\": null", key);
}

static void write_node(const nb_network *net, size_t i, double max_pr, nb_sink *out)
{
    const nb_node *nd = &net->nodes[i];
    const nb_metrics *m = &nd->m;
    nb_sink_printf(out, "    {\"id\": \"n%zu\"", i);
    key_str(out, "label", nd->label);
    key_str(out, "kind", nb_kind_name(nd->kind));
    nb_sink_puts(out, ", \"aliases\": [");
    for (size_t a = 0; a < nd->n_aliases; a++) {
        if (a) nb_sink_puts(out, ", ");
        nb_json_str(out, nd->aliases[a]);
    }
    nb_sink_puts(out, "]");
    key_long(out, "mentions", nd->mentions);
    key_double(out, "in_degree", m->in_degree);
    key_double(out, "out_degree", m->out_degree);
    key_double(out, "degree", m->degree);
    key_double(out, "weighted_in_degree", m->w_in_degree);
    key_double(out, "weighted_out_degree", m->w_out_degree);
    key_double(out, "betweenness", m->betweenness);
    key_double(out, "pagerank", m->pagerank);
    key_double(out, "hub", m->hub);
    key_double(out, "authority", m->authority);
    key_double(out, "harmonic", m->harmonic);
    key_long(out, "weak_component", m->weak_component);
    key_long(out, "strong_component", m->strong_component);
    key_long(out, "community", m->community);
    key_double(out, "x", m->x);
    key_double(out, "y", m->y);
    key_double(out, "size", nb_node_size(m->pagerank, max_pr));
    key_str(out, "color", nb_kind_color(nd->kind));
    nb_sink_puts(out, "}");
}

static void write_edge(const nb_network *net, size_t i, nb_sink *out)
{
    const nb_edge *e = &net->edges[i];
    /* key = relation: networkx keeps two relations between one pair as two
     * edges of its MultiDiGraph, and the key is unique per pair. */
    nb_sink_printf(out, "    {\"source\": \"n%zu\", \"target\": \"n%zu\", \"key\": \"%s\", \"id\": \"e%zu\"",
                   e->src, e->dst, nb_rel_name(e->rel), i);
    key_str(out, "relation", nb_rel_name(e->rel));
    key_long(out, "weight", e->weight);
    /* what a funds edge gives, as in the GraphML: only when it is known */
    if (e->support) {
        char sup[64];
        nb_support_format(e->support, sup);
        key_str(out, "support", sup);
    }
    nb_sink_puts(out, ", \"articles\": [");
    bool any = false;
    for (size_t a = 0; a < e->n_articles; a++) {
        if (any) nb_sink_puts(out, ", ");
        nb_json_str(out, article_path(net, e->articles[a]));
        any = true;
        /* copies are ';'-joined in the model; here each is an item */
        const char *c = net->copies && e->articles[a] < net->n_articles ? net->copies[e->articles[a]] : NULL;
        while (c && *c) {
            const char *semi = strchr(c, ';');
            size_t len = semi ? (size_t)(semi - c) : strlen(c);
            char *one = nb_strndup(c, len);
            nb_sink_puts(out, ", ");
            nb_json_str(out, one);
            free(one);
            c += len + (semi ? 1 : 0);
        }
    }
    nb_sink_puts(out, "], \"evidence\": [");
    for (size_t k = 0; k < e->n_ev; k++) {
        const nb_evidence *ev = &e->ev[k];
        char buf[NB_DATE_LEN + 1];
        const char *date = nb_net_article_date(net, ev->article, buf);
        nb_sink_puts(out, k ? ", {\"article\": " : "{\"article\": ");
        nb_json_str(out, article_path(net, ev->article));
        nb_sink_printf(out, ", \"offset\": %zu", ev->offset);
        key_str(out, "sentence", ev->sentence ? ev->sentence : "");
        key_str(out, "pattern", ev->rule ? ev->rule : "");
        key_date(out, "date", date);
        nb_sink_puts(out, "}");
    }
    nb_sink_puts(out, "]");
    key_long(out, "evidence_count", (long)e->n_ev);
    char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
    nb_edge_seen(net, e, first, last);
    key_date(out, "first_seen", first);
    key_date(out, "last_seen", last);
    nb_sink_puts(out, "}");
}

nb_status nb_write_json(const nb_network *net, nb_sink *out)
{
    double max_pr = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].m.pagerank > max_pr) max_pr = net->nodes[i].m.pagerank;
    /* "edges" is the key networkx 3.4 and later read by default; older
     * versions read it with node_link_graph(d, attrs={"link": "edges"}). */
    nb_sink_printf(out,
                   "{\"directed\": true, \"multigraph\": true, \"graph\": {\"generator\": \"netbuild\", "
                   "\"articles\": %zu, \"undated_articles\": %zu},\n  \"nodes\": [\n",
                   net->n_articles, nb_net_undated(net));
    for (size_t i = 0; i < net->n_nodes; i++) {
        write_node(net, i, max_pr, out);
        nb_sink_puts(out, i + 1 < net->n_nodes ? ",\n" : "\n");
    }
    nb_sink_puts(out, "  ],\n  \"edges\": [\n");
    for (size_t i = 0; i < net->n_edges; i++) {
        write_edge(net, i, out);
        nb_sink_puts(out, i + 1 < net->n_edges ? ",\n" : "\n");
    }
    nb_sink_puts(out, "  ]\n}\n");
    if (!out->err && out->fp && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return (out->err || !out->fp) ? NB_ERR_IO : NB_OK;
}
