#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "text.h"
#include "writers.h"

/* Article paths are file names: they may hold control characters, escape
 * sequences or invalid UTF-8, which must not reach a terminal or the file. */
static void put_clean(nb_sink *out, const char *s)
{
    char *safe = nb_text_sanitize(s, strlen(s));
    nb_sink_puts(out, safe);
    free(safe);
}

nb_status nb_write_explain(const nb_network *net, nb_sink *out)
{
    for (size_t i = 0; i < net->n_edges; i++) {
        const nb_edge *e = &net->edges[i];
        nb_sink_puts(out, net->nodes[e->src].label);
        nb_sink_printf(out, " --%s--> ", nb_rel_name(e->rel));
        nb_sink_puts(out, net->nodes[e->dst].label);
        nb_sink_printf(out, "  (%ld mention%s in %zu article%s)\n", e->weight,
                       e->weight == 1 ? "" : "s", e->n_articles, e->n_articles == 1 ? "" : "s");
        if (e->support) {
            char sup[64];
            nb_support_format(e->support, sup);
            nb_sink_printf(out, "    support: %s\n", sup);
        }
        char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
        nb_edge_seen(net, e, first, last);
        if (*first) nb_sink_printf(out, "    seen: %s to %s\n", first, last);
        for (size_t k = 0; k < e->n_ev; k++) {
            const nb_evidence *ev = &e->ev[k];
            nb_sink_puts(out, "    ");
            put_clean(out, net->articles[ev->article]);
            char buf[NB_DATE_LEN + 1];
            const char *date = nb_net_article_date(net, ev->article, buf);
            nb_sink_printf(out, " @ byte %zu  [%s]%s%s\n", ev->offset, ev->rule, *date ? "  dated " : "", date);
            /* the tree path is what a parse-based rule matched: show it */
            if (ev->path && *ev->path) {
                nb_sink_puts(out, "      path: ");
                nb_sink_puts(out, ev->path);
                nb_sink_puts(out, "\n");
            }
            nb_sink_puts(out, "      \"");
            nb_sink_puts(out, ev->sentence);
            nb_sink_puts(out, "\"\n");
        }
        if (e->weight > (long)e->n_ev)
            nb_sink_printf(out, "    ... %ld more mention(s)\n", e->weight - (long)e->n_ev);
    }
    if (out->fp && !out->err && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return out->err ? NB_ERR_IO : NB_OK;
}
