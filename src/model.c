#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const KIND_NAMES[NB_KIND_COUNT] = {
    "unknown", "person", "organization", "country", "group"};
static const char *const REL_NAMES[NB_REL_COUNT] = {
    "funds", "commands", "condemns", "attacked"};

const char *nb_kind_name(nb_kind k)
{
    return (k >= 0 && k < NB_KIND_COUNT) ? KIND_NAMES[k] : "unknown";
}

int nb_kind_parse(const char *s)
{
    for (int k = 0; k < NB_KIND_COUNT; k++)
        if (strcasecmp(s, KIND_NAMES[k]) == 0) return k;
    if (strcasecmp(s, "org") == 0) return NB_KIND_ORG;
    return -1;
}

const char *nb_rel_name(nb_rel r)
{
    return (r >= 0 && r < NB_REL_COUNT) ? REL_NAMES[r] : "unknown";
}

static const char *const SUPPORT_NAMES[NB_SUPPORT_KINDS] = {"money", "weapons", "training", "troops",
                                                             "political", "unspecified"};

unsigned nb_support_bit(const char *name)
{
    unsigned mask = 0;
    while (name && *name) {
        size_t n = strcspn(name, ";");
        for (int k = 0; k < NB_SUPPORT_KINDS; k++)
            if (strlen(SUPPORT_NAMES[k]) == n && !strncmp(name, SUPPORT_NAMES[k], n)) mask |= 1u << k;
        name += n + (name[n] == ';');
    }
    return mask;
}

void nb_support_format(unsigned mask, char out[64])
{
    size_t n = 0;
    out[0] = '\0';
    for (int k = 0; k < NB_SUPPORT_KINDS; k++) {
        if (!(mask & (1u << k))) continue;
        n += (size_t)snprintf(out + n, 64 - n, "%s%s", n ? ";" : "", SUPPORT_NAMES[k]);
    }
}

void nb_network_init(nb_network *net) { memset(net, 0, sizeof *net); }

static void free_edge(nb_edge *e)
{
    free(e->articles);
    for (size_t i = 0; i < e->n_ev; i++) {
        free(e->ev[i].sentence);
        free(e->ev[i].rule);
        free(e->ev[i].path);
    }
}

static void free_node(nb_node *n)
{
    free(n->label);
    for (size_t i = 0; i < n->n_aliases; i++) free(n->aliases[i]);
    free(n->aliases);
}

void nb_network_free(nb_network *net)
{
    for (size_t i = 0; i < net->n_articles; i++) free(net->articles[i]);
    free(net->articles);
    for (size_t i = 0; net->copies && i < net->n_articles; i++) free(net->copies[i]);
    free(net->copies);
    free(net->dates);
    for (size_t i = 0; i < net->n_nodes; i++) free_node(&net->nodes[i]);
    free(net->nodes);
    for (size_t i = 0; i < net->n_edges; i++) free_edge(&net->edges[i]);
    free(net->edges);
    nb_map_free(&net->node_index);
    nb_map_free(&net->edge_index);
    memset(net, 0, sizeof *net);
}

size_t nb_network_add_article(nb_network *net, const char *relpath)
{
    nb_grow(&net->articles, &net->cap_articles, net->n_articles + 1, sizeof(char *));
    net->articles[net->n_articles] = nb_strdup(relpath);
    if (net->copies) {
        nb_grow(&net->copies, &net->cap_copies, net->n_articles + 1, sizeof(char *));
        net->copies[net->n_articles] = NULL;
    }
    nb_grow(&net->dates, &net->cap_dates, net->n_articles + 1, sizeof *net->dates);
    memset(&net->dates[net->n_articles], 0, sizeof *net->dates);
    return net->n_articles++;
}

void nb_network_article_date(nb_network *net, size_t article, const char *iso, int from)
{
    if (article >= net->n_articles) return;
    nb_article_date *d = &net->dates[article];
    memset(d, 0, sizeof *d);
    snprintf(d->iso, sizeof d->iso, "%.*s", NB_DATE_LEN, iso);
    d->from = (unsigned char)from;
}

void nb_network_article_copy(nb_network *net, size_t article, const char *path)
{
    if (article >= net->n_articles) return;
    if (!net->copies) {
        nb_grow(&net->copies, &net->cap_copies, net->n_articles, sizeof(char *));
        memset(net->copies, 0, net->cap_copies * sizeof(char *));
    }
    nb_buf b = {0};
    if (net->copies[article]) nb_buf_printf(&b, "%s;", net->copies[article]);
    nb_buf_puts(&b, path);
    free(net->copies[article]);
    net->copies[article] = nb_buf_detach(&b);
}

size_t nb_network_node(nb_network *net, const char *label, nb_kind kind)
{
    size_t idx;
    if (nb_map_get(&net->node_index, label, &idx)) {
        if (net->nodes[idx].kind == NB_KIND_UNKNOWN) net->nodes[idx].kind = kind;
        return idx;
    }
    nb_grow(&net->nodes, &net->cap_nodes, net->n_nodes + 1, sizeof(nb_node));
    nb_node *n = &net->nodes[net->n_nodes];
    memset(n, 0, sizeof *n);
    n->label = nb_strdup(label);
    n->kind = kind;
    nb_map_put(&net->node_index, label, net->n_nodes);
    return net->n_nodes++;
}

void nb_network_alias(nb_network *net, size_t node, const char *alias)
{
    nb_node *n = &net->nodes[node];
    if (!alias[0] || strcmp(alias, n->label) == 0) return;
    /* Aliases stay sorted so lookup is a binary search and output is stable. */
    size_t lo = 0, hi = n->n_aliases;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(n->aliases[mid], alias);
        if (c == 0) return;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    nb_grow(&n->aliases, &n->cap_aliases, n->n_aliases + 1, sizeof(char *));
    memmove(&n->aliases[lo + 1], &n->aliases[lo], (n->n_aliases - lo) * sizeof(char *));
    n->aliases[lo] = nb_strdup(alias);
    n->n_aliases++;
}

static void edge_key(nb_buf *b, size_t src, nb_rel rel, size_t dst)
{
    nb_buf_clear(b);
    nb_buf_printf(b, "%zu\t%d\t%zu", src, (int)rel, dst);
}

static void add_article(nb_edge *e, size_t article)
{
    size_t lo = 0, hi = e->n_articles;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e->articles[mid] == article) return;
        if (e->articles[mid] < article) lo = mid + 1;
        else hi = mid;
    }
    nb_grow(&e->articles, &e->cap_articles, e->n_articles + 1, sizeof(size_t));
    memmove(&e->articles[lo + 1], &e->articles[lo], (e->n_articles - lo) * sizeof(size_t));
    e->articles[lo] = article;
    e->n_articles++;
}

static size_t find_or_add_edge(nb_network *net, size_t src, nb_rel rel, size_t dst)
{
    nb_buf key = {0};
    edge_key(&key, src, rel, dst);
    size_t idx;
    if (!nb_map_get(&net->edge_index, key.data, &idx)) {
        nb_grow(&net->edges, &net->cap_edges, net->n_edges + 1, sizeof(nb_edge));
        idx = net->n_edges++;
        nb_edge *e = &net->edges[idx];
        memset(e, 0, sizeof *e);
        e->src = src;
        e->dst = dst;
        e->rel = rel;
        nb_map_put(&net->edge_index, key.data, idx);
    }
    nb_buf_free(&key);
    return idx;
}

void nb_network_add(nb_network *net, size_t src, nb_rel rel, size_t dst,
                    size_t article, size_t offset, const char *sentence,
                    const char *rule, const char *path)
{
    if (src == dst) return;
    size_t idx = find_or_add_edge(net, src, rel, dst); /* may move net->edges */
    nb_edge *e = &net->edges[idx];
    e->weight++;
    add_article(e, article);
    if (e->n_ev < NB_MAX_EVIDENCE) {
        nb_evidence *ev = &e->ev[e->n_ev++];
        ev->article = article;
        ev->offset = offset;
        ev->sentence = nb_strdup(sentence);
        ev->rule = nb_strdup(rule ? rule : "");
        ev->path = nb_strdup(path ? path : "");
    }
}

void nb_network_support(nb_network *net, size_t src, nb_rel rel, size_t dst, unsigned mask)
{
    if (src == dst) return;
    net->edges[find_or_add_edge(net, src, rel, dst)].support |= mask;
}

void nb_network_merge(nb_network *net, size_t into, size_t from)
{
    if (into == from) return;
    nb_node *a = &net->nodes[into], *b = &net->nodes[from];
    if (b->mentions < 0) return; /* already merged */
    a->mentions += b->mentions;
    if (a->kind == NB_KIND_UNKNOWN) a->kind = b->kind;
    nb_network_alias(net, into, b->label);
    for (size_t i = 0; i < b->n_aliases; i++) nb_network_alias(net, into, b->aliases[i]);
    b->mentions = -1; /* tombstone: dropped by nb_network_finish */
    nb_map_put(&net->node_index, b->label, into);
    /* Re-home every edge touching `from`; edges that collide are folded. */
    size_t n = net->n_edges;
    for (size_t i = 0; i < n; i++) {
        nb_edge *e = &net->edges[i];
        if (e->weight == 0 || (e->src != from && e->dst != from)) continue;
        size_t s = e->src == from ? into : e->src;
        size_t d = e->dst == from ? into : e->dst;
        nb_edge moved = *e;
        memset(e, 0, sizeof *e); /* weight 0 marks a dead edge */
        if (s == d) {
            free_edge(&moved);
            continue;
        }
        size_t ti = find_or_add_edge(net, s, moved.rel, d); /* may move net->edges */
        nb_edge *t = &net->edges[ti];
        t->weight += moved.weight;
        t->support |= moved.support;
        for (size_t k = 0; k < moved.n_articles; k++) add_article(t, moved.articles[k]);
        for (size_t k = 0; k < moved.n_ev; k++) {
            if (t->n_ev < NB_MAX_EVIDENCE) {
                t->ev[t->n_ev++] = moved.ev[k];
            } else {
                free(moved.ev[k].sentence);
                free(moved.ev[k].rule);
                free(moved.ev[k].path);
            }
        }
        moved.n_ev = 0;
        free_edge(&moved);
    }
}



static int cmp_node(const void *a, const void *b)
{
    const nb_node *x = a, *y = b;
    int c = strcmp(x->label, y->label);
    return c ? c : (int)x->kind - (int)y->kind;
}

static int cmp_ev(const void *a, const void *b)
{
    const nb_evidence *x = a, *y = b;
    if (x->article != y->article) return x->article < y->article ? -1 : 1;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    /* a total order: qsort may fall back to an unstable sort (glibc's,
     * when its buffer cannot be allocated), so no two may tie */
    int c = strcmp(x->rule, y->rule);
    if (!c) c = strcmp(x->path ? x->path : "", y->path ? y->path : "");
    if (!c) c = strcmp(x->sentence ? x->sentence : "", y->sentence ? y->sentence : "");
    return c;
}

static int cmp_edge(const void *a, const void *b)
{
    const nb_edge *x = a, *y = b;
    if (x->src != y->src) return x->src < y->src ? -1 : 1;
    if (x->rel != y->rel) return (int)x->rel - (int)y->rel;
    if (x->dst != y->dst) return x->dst < y->dst ? -1 : 1;
    return 0;
}

void nb_network_finish(nb_network *net, bool drop_isolated)
{
    size_t n = net->n_nodes;
    bool *used = nb_calloc(n, sizeof *used);
    /* Drop dead edges first so isolation is judged on live ones. */
    size_t ne = 0;
    for (size_t i = 0; i < net->n_edges; i++) {
        nb_edge *e = &net->edges[i];
        if (e->weight == 0) {
            free_edge(e);
            continue;
        }
        used[e->src] = used[e->dst] = true;
        net->edges[ne++] = *e;
    }
    net->n_edges = ne;

    /* Sort surviving nodes by label, remembering where each one went. */
    size_t *order = nb_malloc((n ? n : 1) * sizeof *order);
    size_t keep = 0;
    nb_node *nodes = nb_malloc((n ? n : 1) * sizeof *nodes);
    for (size_t i = 0; i < n; i++) {
        nb_node *nd = &net->nodes[i];
        if (nd->mentions < 0 || (drop_isolated && !used[i])) {
            free_node(nd);
            order[i] = SIZE_MAX;
            continue;
        }
        nd->m.community = (long)i; /* stash the old index through the sort */
        nodes[keep++] = *nd;
    }
    if (keep) qsort(nodes, keep, sizeof *nodes, cmp_node);
    for (size_t i = 0; i < keep; i++) {
        order[(size_t)nodes[i].m.community] = i;
        nodes[i].m.community = 0;
    }
    free(net->nodes);
    net->nodes = nodes;
    net->n_nodes = net->cap_nodes = keep;
    if (keep == 0) net->cap_nodes = n ? n : 1;

    for (size_t i = 0; i < net->n_edges; i++) {
        nb_edge *e = &net->edges[i];
        e->src = order[e->src];
        e->dst = order[e->dst];
        if (e->n_ev) qsort(e->ev, e->n_ev, sizeof e->ev[0], cmp_ev);
    }

    if (net->n_edges) qsort(net->edges, net->n_edges, sizeof *net->edges, cmp_edge);


    nb_map_free(&net->node_index);
    nb_map_free(&net->edge_index);
    for (size_t i = 0; i < net->n_nodes; i++) nb_map_put(&net->node_index, net->nodes[i].label, i);
    nb_buf key = {0};
    for (size_t i = 0; i < net->n_edges; i++) {
        edge_key(&key, net->edges[i].src, net->edges[i].rel, net->edges[i].dst);
        nb_map_put(&net->edge_index, key.data, i);
    }
    nb_buf_free(&key);
    free(order);
    free(used);
}
