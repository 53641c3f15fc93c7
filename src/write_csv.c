#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "text.h"
#include "writers.h"

/* Records end in CRLF, as RFC 4180 says; fields are quoted by libcsv
 * (csv_fwrite quotes every field and doubles its quotes), never by hand. */
#define CSV_EOL "\r\n"

static const char *article_path(const nb_network *net, size_t i)
{
    return i < net->n_articles ? net->articles[i] : "?";
}

/* One field: first made safe (valid UTF-8, no control characters, so no
 * line break inside a record), then quoted by libcsv. A text cell that
 * starts with = + - or @ is a formula to a spreadsheet (a hostile actor
 * name or file name could run one): such a cell gets a leading apostrophe,
 * which spreadsheets hide and read as "this is text". */
static void field(nb_sink *out, const char *s, bool text, bool first)
{
    if (out->err || !out->fp) return;
    if (!first) nb_sink_write(out, ",", 1);
    char *safe = nb_text_sanitize(s, strlen(s));
    const char *val = safe;
    char *guarded = NULL;
    if (text && safe[0] && strchr("=+-@", safe[0])) {
        size_t n = strlen(safe);
        guarded = nb_malloc(n + 2);
        guarded[0] = '\'';
        memcpy(guarded + 1, safe, n + 1);
        val = guarded;
    }
    if (!out->err && csv_fwrite(out->fp, val, strlen(val)) != 0) out->err = errno ? errno : EIO;
    free(guarded);
    free(safe);
}

static void field_double(nb_sink *out, double v)
{
    char num[32];
    nb_fmt_double(num, v);
    field(out, num, false, false);
}

static void field_long(nb_sink *out, long v)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", v);
    field(out, num, false, false);
}

static void header(nb_sink *out, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) field(out, names[i], false, i == 0);
    nb_sink_puts(out, CSV_EOL);
}

static nb_status finish(nb_sink *out)
{
    if (!out->err && out->fp && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return (out->err || !out->fp) ? NB_ERR_IO : NB_OK;
}

/* Gephi's spreadsheet import knows Id and Label; the rest are the
 * GraphML's attribute names. */
static const char *const NODE_COLS[] = {
    "Id", "Label", "kind", "aliases", "mentions", "in_degree", "out_degree", "degree",
    "weighted_in_degree", "weighted_out_degree", "betweenness", "pagerank", "hub", "authority",
    "harmonic", "weak_component", "strong_component", "community", "x", "y", "size", "color",
};

nb_status nb_write_csv_nodes(const nb_network *net, nb_sink *out)
{
    double max_pr = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].m.pagerank > max_pr) max_pr = net->nodes[i].m.pagerank;
    header(out, NODE_COLS, sizeof NODE_COLS / sizeof NODE_COLS[0]);
    nb_buf b = {0};
    for (size_t i = 0; i < net->n_nodes; i++) {
        const nb_node *nd = &net->nodes[i];
        const nb_metrics *m = &nd->m;
        char id[32];
        snprintf(id, sizeof id, "n%zu", i);
        field(out, id, false, true);
        field(out, nd->label, true, false);
        field(out, nb_kind_name(nd->kind), false, false);
        nb_buf_clear(&b);
        nb_buf_put(&b, "", 0);
        for (size_t a = 0; a < nd->n_aliases; a++) {
            if (a) nb_buf_puts(&b, "; ");
            nb_buf_puts(&b, nd->aliases[a]);
        }
        field(out, b.data, true, false);
        field_long(out, nd->mentions);
        field_double(out, m->in_degree);
        field_double(out, m->out_degree);
        field_double(out, m->degree);
        field_double(out, m->w_in_degree);
        field_double(out, m->w_out_degree);
        field_double(out, m->betweenness);
        field_double(out, m->pagerank);
        field_double(out, m->hub);
        field_double(out, m->authority);
        field_double(out, m->harmonic);
        field_long(out, m->weak_component);
        field_long(out, m->strong_component);
        field_long(out, m->community);
        field_double(out, m->x);
        field_double(out, m->y);
        field_double(out, nb_node_size(m->pagerank, max_pr));
        field(out, nb_kind_color(nd->kind), false, false);
        nb_sink_puts(out, CSV_EOL);
    }
    nb_buf_free(&b);
    return finish(out);
}

/* Source, Target, Type, Kind, Weight, Id and Label are Gephi's edge
 * columns: Kind keeps two relations between one pair apart. */
static const char *const EDGE_COLS[] = {
    "Source", "Target", "Type", "Kind", "Weight", "Id", "Label", "source_label", "target_label",
    "support", "articles", "evidence", "evidence_count", "first_seen", "last_seen",
};

nb_status nb_write_csv_edges(const nb_network *net, nb_sink *out)
{
    header(out, EDGE_COLS, sizeof EDGE_COLS / sizeof EDGE_COLS[0]);
    nb_buf b = {0};
    for (size_t i = 0; i < net->n_edges; i++) {
        const nb_edge *e = &net->edges[i];
        char id[32];
        snprintf(id, sizeof id, "n%zu", e->src);
        field(out, id, false, true);
        snprintf(id, sizeof id, "n%zu", e->dst);
        field(out, id, false, false);
        field(out, "Directed", false, false);
        field(out, nb_rel_name(e->rel), false, false);
        field_long(out, e->weight);
        snprintf(id, sizeof id, "e%zu", i);
        field(out, id, false, false);
        field(out, nb_rel_name(e->rel), false, false);
        field(out, net->nodes[e->src].label, true, false);
        field(out, net->nodes[e->dst].label, true, false);
        /* what a funds edge gives, as in the GraphML; empty on other edges */
        char sup[64];
        nb_support_format(e->support, sup);
        field(out, sup, false, false);
        nb_buf_clear(&b);
        nb_buf_put(&b, "", 0);
        for (size_t a = 0; a < e->n_articles; a++) {
            if (a) nb_buf_puts(&b, ";");
            nb_buf_puts(&b, article_path(net, e->articles[a]));
            const char *c = net->copies && e->articles[a] < net->n_articles ? net->copies[e->articles[a]] : NULL;
            if (c) {
                nb_buf_puts(&b, ";");
                nb_buf_puts(&b, c);
            }
        }
        field(out, b.data, true, false);
        nb_buf_clear(&b);
        nb_buf_put(&b, "", 0);
        for (size_t k = 0; k < e->n_ev; k++) {
            const nb_evidence *ev = &e->ev[k];
            if (k) nb_buf_puts(&b, " || ");
            nb_buf_printf(&b, "%s@%zu [%s]: %s", article_path(net, ev->article), ev->offset,
                          ev->rule ? ev->rule : "", ev->sentence ? ev->sentence : "");
        }
        field(out, b.data, true, false);
        field_long(out, (long)e->n_ev);
        char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
        nb_edge_seen(net, e, first, last);
        field(out, first, false, false);
        field(out, last, false, false);
        nb_sink_puts(out, CSV_EOL);
    }
    nb_buf_free(&b);
    return finish(out);
}
