/* check.c - the invariants of check.h. Compiled without coverage
 * instrumentation (but with ASan and UBSan) so that libFuzzer spends its
 * time on netbuild, not on the checker. */
#include "check.h"

#include <csv.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "model.h"
#include "sink.h"
#include "writers.h"

void chk_fail(const char *what, const char *buf, size_t len, size_t at, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "\n==== invariant violated in %s at byte %zu: ", what, at);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (buf) {
        size_t from = at > 120 ? at - 120 : 0, to = at + 120 < len ? at + 120 : len;
        fprintf(stderr, "context: ");
        for (size_t i = from; i < to; i++) {
            unsigned char c = (unsigned char)buf[i];
            if (i == at) fputs("\xE2\x9F\xA6HERE\xE2\x9F\xA7", stderr);
            if (c >= 0x20 && c < 0x7F) fputc(c, stderr);
            else fprintf(stderr, "\\x%02X", c);
        }
        fputc('\n', stderr);
    }
    abort();
}

/* Decodes one strict UTF-8 sequence; returns its length or 0 when invalid. */
static size_t chk_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

static bool chk_forbidden(uint32_t cp, bool lines)
{
    if (cp == '\n' || cp == '\t') return !lines;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || (cp & 0xFFFE) == 0xFFFE ||
           (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2060 ||
           cp == 0x061C;
}

/* Valid UTF-8 without forbidden characters; newline and tab only when lines. */
void chk_clean(const char *what, const char *buf, size_t len, bool lines)
{
    const unsigned char *u = (const unsigned char *)buf;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = chk_utf8(u + i, len - i, &cp);
        if (n == 0) chk_fail(what, buf, len, i, "invalid UTF-8 byte 0x%02X", u[i]);
        if (chk_forbidden(cp, lines)) chk_fail(what, buf, len, i, "forbidden character U+%04X", cp);
        i += n;
    }
}

void chk_str(const char *what, const char *s, bool allow_empty)
{
    if (!s) chk_fail(what, NULL, 0, 0, "NULL string");
    chk_clean(what, s, strlen(s), false);
    if (!allow_empty && s[strspn(s, " ")] == '\0')
        chk_fail(what, s, strlen(s), 0, "empty or blank string \"%s\"", s);
}

/* ---- the network --------------------------------------------------------- */

void chk_network(const nb_network *net, size_t article_bytes)
{
    for (size_t i = 0; i < net->n_nodes; i++) {
        const nb_node *nd = &net->nodes[i];
        chk_str("node label", nd->label, false);
        size_t ll = strlen(nd->label);
        if (nd->label[0] == ' ' || nd->label[ll - 1] == ' ')
            chk_fail("node label", nd->label, ll, 0, "leading or trailing space in \"%s\"", nd->label);
        if (i && strcmp(net->nodes[i - 1].label, nd->label) > 0)
            chk_fail("nodes", NULL, 0, i, "not sorted: \"%s\" before \"%s\"", net->nodes[i - 1].label,
                     nd->label);
        if (nd->kind < 0 || nd->kind >= NB_KIND_COUNT)
            chk_fail("node kind", NULL, 0, i, "kind %d", (int)nd->kind);
        if (nd->mentions < 0) chk_fail("node", NULL, 0, i, "merged node survived finish");
        for (size_t a = 0; a < nd->n_aliases; a++) {
            chk_str("node alias", nd->aliases[a], false);
            if (a && strcmp(nd->aliases[a - 1], nd->aliases[a]) >= 0)
                chk_fail("node aliases", NULL, 0, a, "not sorted and unique: \"%s\", \"%s\"",
                         nd->aliases[a - 1], nd->aliases[a]);
            if (!strcmp(nd->aliases[a], nd->label))
                chk_fail("node aliases", NULL, 0, a, "alias equals the label \"%s\"", nd->label);
        }
    }
    for (size_t i = 0; i < net->n_edges; i++) {
        const nb_edge *e = &net->edges[i];
        if (e->src >= net->n_nodes || e->dst >= net->n_nodes)
            chk_fail("edge", NULL, 0, i, "node index out of range (%zu, %zu of %zu)", e->src, e->dst,
                     net->n_nodes);
        if (e->src == e->dst) chk_fail("edge", NULL, 0, i, "self-loop on \"%s\"", net->nodes[e->src].label);
        if (e->rel < 0 || e->rel >= NB_REL_COUNT) chk_fail("edge", NULL, 0, i, "relation %d", (int)e->rel);
        if (e->weight < 1) chk_fail("edge", NULL, 0, i, "weight %ld", e->weight);
        if (e->n_articles < 1) chk_fail("edge", NULL, 0, i, "no article");
        for (size_t a = 0; a < e->n_articles; a++) {
            if (e->articles[a] >= net->n_articles)
                chk_fail("edge articles", NULL, 0, i, "article %zu of %zu", e->articles[a], net->n_articles);
            if (a && e->articles[a - 1] >= e->articles[a])
                chk_fail("edge articles", NULL, 0, i, "not sorted and unique");
        }
        if (e->n_ev < 1 || e->n_ev > NB_MAX_EVIDENCE || (long)e->n_ev > e->weight)
            chk_fail("edge evidence", NULL, 0, i, "%zu evidence for weight %ld", e->n_ev, e->weight);
        for (size_t k = 0; k < e->n_ev; k++) {
            const nb_evidence *ev = &e->ev[k];
            chk_str("evidence sentence", ev->sentence, false);
            chk_str("evidence rule", ev->rule, false);
            if (ev->article >= net->n_articles)
                chk_fail("evidence", NULL, 0, i, "article %zu of %zu", ev->article, net->n_articles);
            if (article_bytes && ev->offset >= article_bytes)
                chk_fail("evidence", NULL, 0, i, "offset %zu outside the %zu-byte article", ev->offset,
                         article_bytes);
        }
        if (i) {
            const nb_edge *p = &net->edges[i - 1];
            int c = p->src != e->src ? (p->src < e->src ? -1 : 1)
                    : p->rel != e->rel ? (p->rel < e->rel ? -1 : 1)
                    : p->dst != e->dst ? (p->dst < e->dst ? -1 : 1) : 0;
            if (c >= 0) chk_fail("edges", NULL, 0, i, "not sorted and unique");
        }
    }
}

void chk_metrics(const nb_network *net)
{
    for (size_t i = 0; i < net->n_nodes; i++) {
        const nb_metrics *m = &net->nodes[i].m;
        const double v[] = {m->in_degree, m->out_degree, m->degree, m->w_in_degree, m->w_out_degree,
                            m->betweenness, m->pagerank, m->hub, m->authority, m->harmonic, m->x, m->y};
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
            if (!isfinite(v[k])) chk_fail("metrics", NULL, 0, i, "metric %zu is not finite", k);
    }
}

/* memmem is a GNU extension: the first n bytes of needle in hay, or NULL. */
static const char *find(const char *hay, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; n <= len && i <= len - n; i++)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, n)) return hay + i;
    return NULL;
}

/* ---- XML: GraphML and GEXF ------------------------------------------------------ */

/* Well-formed XML as netbuild writes it (one declaration, one root, tags
 * balanced, only the five entities); counts <node> and <edge> elements. */
static void chk_xml(const char *what, const char *buf, size_t len, const nb_network *net)
{
    chk_clean(what, buf, len, true);
    enum { MAXD = 16 };
    char stack[MAXD][32];
    int depth = 0;
    size_t nodes = 0, edges = 0;
    bool seen_root = false;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (c == '&') {
            static const char *const ENT[] = {"&lt;", "&gt;", "&amp;", "&quot;", "&apos;"};
            bool ok = false;
            for (size_t k = 0; k < 5 && !ok; k++)
                ok = len - i >= strlen(ENT[k]) && !memcmp(buf + i, ENT[k], strlen(ENT[k]));
            if (!ok) chk_fail(what, buf, len, i, "bare '&'");
            continue;
        }
        if (c == '>') chk_fail(what, buf, len, i, "bare '>' in text");
        if (c != '<') continue;
        size_t start = i;
        if (len - i >= 5 && !memcmp(buf + i, "<?xml", 5)) {
            if (i != 0) chk_fail(what, buf, len, i, "XML declaration not at the start");
            const char *q = memchr(buf + i, '>', len - i);
            if (!q || q[-1] != '?') chk_fail(what, buf, len, i, "unterminated declaration");
            i = (size_t)(q - buf);
            continue;
        }
        bool closing = i + 1 < len && buf[i + 1] == '/';
        size_t n0 = i + 1 + closing, n1 = n0;
        while (n1 < len && (buf[n1] == '_' || buf[n1] == ':' || buf[n1] == '.' || buf[n1] == '-' ||
                            (buf[n1] >= 'a' && buf[n1] <= 'z') || (buf[n1] >= 'A' && buf[n1] <= 'Z') ||
                            (buf[n1] >= '0' && buf[n1] <= '9')))
            n1++;
        size_t nlen = n1 - n0;
        if (nlen == 0 || nlen >= sizeof stack[0]) chk_fail(what, buf, len, i, "bad tag name");
        /* attributes: name="value" with no '<' and only entities after '&' */
        size_t k = n1;
        bool self = false;
        for (;;) {
            if (k >= len) chk_fail(what, buf, len, start, "unterminated tag");
            char d = buf[k];
            if (d == '"') {
                size_t e = k + 1;
                while (e < len && buf[e] != '"') {
                    if (buf[e] == '<') chk_fail(what, buf, len, e, "'<' inside an attribute value");
                    if (buf[e] == '&' && !(len - e >= 4 && (!memcmp(buf + e, "&lt;", 4) ||
                                                           !memcmp(buf + e, "&gt;", 4))) &&
                        !(len - e >= 5 && !memcmp(buf + e, "&amp;", 5)) &&
                        !(len - e >= 6 && (!memcmp(buf + e, "&quot;", 6) || !memcmp(buf + e, "&apos;", 6))))
                        chk_fail(what, buf, len, e, "bare '&' inside an attribute value");
                    e++;
                }
                if (e >= len) chk_fail(what, buf, len, k, "unterminated attribute value");
                k = e + 1;
                continue;
            }
            if (d == '<') chk_fail(what, buf, len, k, "'<' inside a tag");
            if (d == '/' && k + 1 < len && buf[k + 1] == '>') {
                self = true;
                k++;
                break;
            }
            if (d == '>') break;
            k++;
        }
        if (closing) {
            if (self) chk_fail(what, buf, len, start, "'</.../>'");
            if (depth == 0) chk_fail(what, buf, len, start, "closing tag with nothing open");
            depth--;
            if (strlen(stack[depth]) != nlen || memcmp(stack[depth], buf + n0, nlen))
                chk_fail(what, buf, len, start, "closing tag does not match <%s>", stack[depth]);
            if (depth == 0 && len - (k + 1) != 1) chk_fail(what, buf, len, k, "content after the root");
        } else {
            if (depth == 0 && seen_root) chk_fail(what, buf, len, start, "second root element");
            seen_root = true;
            if (nlen == 4 && !memcmp(buf + n0, "node", 4)) nodes++;
            if (nlen == 4 && !memcmp(buf + n0, "edge", 4)) edges++;
            if (!self) {
                if (depth == MAXD) chk_fail(what, buf, len, start, "nesting deeper than %d", MAXD);
                memcpy(stack[depth], buf + n0, nlen);
                stack[depth][nlen] = '\0';
                depth++;
            }
        }
        i = k;
    }
    if (depth != 0) chk_fail(what, buf, len, len, "%d element(s) left open", depth);
    if (!seen_root) chk_fail(what, buf, len, 0, "no root element");
    if (nodes != net->n_nodes || edges != net->n_edges)
        chk_fail(what, buf, len, 0, "%zu nodes, %zu edges; the network has %zu, %zu", nodes, edges,
                 net->n_nodes, net->n_edges);
}

void chk_graphml(const char *buf, size_t len, const nb_network *net) { chk_xml("GraphML", buf, len, net); }

void chk_gexf(const char *buf, size_t len, const nb_network *net)
{
    chk_xml("GEXF", buf, len, net);
    static const char NS[] = "xmlns=\"http://gexf.net/1.3\"";
    if (!find(buf, len, NS, sizeof NS - 1)) chk_fail("GEXF", buf, len, 0, "not in the GEXF 1.3 namespace");
}

/* ---- JSON ------------------------------------------------------------------ */

typedef struct {
    const char *what, *buf;
    size_t len, i;
    long nodes, edges; /* elements of the top-level "nodes" and "edges" arrays, -1 if absent */
} json_rd;

static void js_space(json_rd *r)
{
    while (r->i < r->len && strchr(" \t\n\r", r->buf[r->i]) && r->buf[r->i]) r->i++;
}

static void js_expect(json_rd *r, char c)
{
    js_space(r);
    if (r->i >= r->len || r->buf[r->i] != c) chk_fail(r->what, r->buf, r->len, r->i, "expected '%c'", c);
    r->i++;
}

/* A string (RFC 8259: escapes, no raw control character); returns where
 * its contents start and sets *n to their raw length. */
static size_t js_string(json_rd *r, size_t *n)
{
    js_expect(r, '"');
    size_t start = r->i;
    for (;;) {
        if (r->i >= r->len) chk_fail(r->what, r->buf, r->len, start, "unterminated string");
        unsigned char c = (unsigned char)r->buf[r->i];
        if (c == '"') break;
        if (c < 0x20) chk_fail(r->what, r->buf, r->len, r->i, "raw control character in a string");
        if (c == '\\') {
            if (r->i + 1 >= r->len) chk_fail(r->what, r->buf, r->len, r->i, "unterminated escape");
            char e = r->buf[r->i + 1];
            if (e == 'u') {
                for (int k = 2; k < 6; k++)
                    if (r->i + (size_t)k >= r->len || !strchr("0123456789abcdefABCDEF", r->buf[r->i + (size_t)k]) ||
                        !r->buf[r->i + (size_t)k])
                        chk_fail(r->what, r->buf, r->len, r->i, "bad \\u escape");
                r->i += 6;
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || !e) chk_fail(r->what, r->buf, r->len, r->i, "bad escape");
            r->i += 2;
            continue;
        }
        r->i++;
    }
    *n = r->i - start;
    r->i++;
    return start;
}

static void js_value(json_rd *r, int depth, int count);

/* Opens an array or object; false when it closes at once ("[]", "{}"). */
static bool js_open(json_rd *r, char open, char close)
{
    js_expect(r, open);
    js_space(r);
    if (r->i < r->len && r->buf[r->i] == close) {
        r->i++;
        return false;
    }
    return true;
}

/* After a member: true on ',', false after the closing bracket. */
static bool js_more(json_rd *r, char close)
{
    js_space(r);
    if (r->i < r->len && r->buf[r->i] == ',') {
        r->i++;
        return true;
    }
    js_expect(r, close);
    return false;
}

/* count: 1 to count the elements of this array in r->nodes, 2 in r->edges */
static void js_array(json_rd *r, int depth, int count)
{
    long n = 0;
    if (js_open(r, '[', ']')) do {
            js_value(r, depth + 1, 0);
            n++;
        } while (js_more(r, ']'));
    if (count == 1) r->nodes = n;
    if (count == 2) r->edges = n;
}

static void js_object(json_rd *r, int depth)
{
    if (js_open(r, '{', '}')) do {
            size_t n, k = js_string(r, &n);
            js_expect(r, ':');
            int count = 0;
            if (depth == 0 && n == 5 && !memcmp(r->buf + k, "nodes", 5)) count = 1;
            if (depth == 0 && n == 5 && !memcmp(r->buf + k, "edges", 5)) count = 2;
            js_value(r, depth + 1, count);
        } while (js_more(r, '}'));
}

static void js_value(json_rd *r, int depth, int count)
{
    if (depth > 32) chk_fail(r->what, r->buf, r->len, r->i, "nesting deeper than 32");
    js_space(r);
    if (r->i >= r->len) chk_fail(r->what, r->buf, r->len, r->i, "value expected");
    char c = r->buf[r->i];
    size_t n;
    if (c == '{') js_object(r, depth);
    else if (c == '[') js_array(r, depth, count);
    else if (c == '"') js_string(r, &n);
    else if (r->len - r->i >= 4 && (!memcmp(r->buf + r->i, "true", 4) || !memcmp(r->buf + r->i, "null", 4)))
        r->i += 4;
    else if (r->len - r->i >= 5 && !memcmp(r->buf + r->i, "false", 5)) r->i += 5;
    else {
        /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
        size_t s = r->i, d;
        if (r->i < r->len && r->buf[r->i] == '-') r->i++;
        d = r->i;
        while (r->i < r->len && r->buf[r->i] >= '0' && r->buf[r->i] <= '9') r->i++;
        if (r->i == d || (r->buf[d] == '0' && r->i - d > 1)) chk_fail(r->what, r->buf, r->len, s, "bad number");
        if (r->i < r->len && r->buf[r->i] == '.') {
            d = ++r->i;
            while (r->i < r->len && r->buf[r->i] >= '0' && r->buf[r->i] <= '9') r->i++;
            if (r->i == d) chk_fail(r->what, r->buf, r->len, s, "bad fraction");
        }
        if (r->i < r->len && (r->buf[r->i] == 'e' || r->buf[r->i] == 'E')) {
            r->i++;
            if (r->i < r->len && (r->buf[r->i] == '+' || r->buf[r->i] == '-')) r->i++;
            d = r->i;
            while (r->i < r->len && r->buf[r->i] >= '0' && r->buf[r->i] <= '9') r->i++;
            if (r->i == d) chk_fail(r->what, r->buf, r->len, s, "bad exponent");
        }
    }
}

/* One JSON document filling buf[0, len) but for white space; returns the
 * sizes of its top-level "nodes" and "edges" arrays (-1 when absent). */
static void chk_json_doc(const char *what, const char *buf, size_t len, long *nodes, long *edges)
{
    json_rd r = {what, buf, len, 0, -1, -1};
    js_value(&r, 0, 0);
    js_space(&r);
    if (r.i != len) chk_fail(what, buf, len, r.i, "content after the document");
    *nodes = r.nodes;
    *edges = r.edges;
}

void chk_json(const char *buf, size_t len, const nb_network *net)
{
    chk_clean("JSON", buf, len, true);
    long nodes, edges;
    chk_json_doc("JSON", buf, len, &nodes, &edges);
    if (nodes != (long)net->n_nodes || edges != (long)net->n_edges)
        chk_fail("JSON", buf, len, 0, "%ld nodes, %ld edges; the network has %zu, %zu", nodes, edges, net->n_nodes,
                 net->n_edges);
}

/* ---- CSV ------------------------------------------------------------------- */

typedef struct {
    size_t fields, records, width;
    const char *what, *buf;
    size_t len;
} csv_count;

static void csv_field(void *s, size_t n, void *ud)
{
    (void)s;
    (void)n;
    ((csv_count *)ud)->fields++;
}

static void csv_record(int c, void *ud)
{
    (void)c;
    csv_count *k = ud;
    if (k->records == 0) k->width = k->fields;
    else if (k->fields != k->width)
        chk_fail(k->what, k->buf, k->len, 0, "record %zu has %zu fields, the header %zu", k->records, k->fields,
                 k->width);
    k->records++;
    k->fields = 0;
}

/* RFC 4180 through libcsv's strict parser: every record as wide as the
 * header, which is Gephi's (first = "Id" or "Source"), one record per node
 * or edge; CRLF line ends, and no other control character. */
void chk_csv(const char *buf, size_t len, size_t rows, const char *first)
{
    const char *what = "CSV";
    char *lf = malloc(len + 1);
    if (!lf) abort();
    size_t m = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\r') {
            if (i + 1 >= len || buf[i + 1] != '\n') chk_fail(what, buf, len, i, "CR without LF");
            continue;
        }
        if (buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r')) chk_fail(what, buf, len, i, "LF without CR");
        lf[m++] = buf[i];
    }
    chk_clean(what, lf, m, true);
    free(lf);
    size_t hl = strlen(first) + 2;
    char *head = malloc(hl + 1);
    if (!head) abort();
    snprintf(head, hl + 1, "\"%s\"", first);
    if (len < hl || memcmp(buf, head, hl)) chk_fail(what, buf, len, 0, "header does not start with %s", head);
    free(head);
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) abort();
    csv_count k = {0, 0, 0, what, buf, len};
    if (csv_parse(&p, buf, len, csv_field, csv_record, &k) != len)
        chk_fail(what, buf, len, 0, "libcsv: %s", csv_strerror(csv_error(&p)));
    if (csv_fini(&p, csv_field, csv_record, &k) != 0) chk_fail(what, buf, len, len, "libcsv: unterminated field");
    csv_free(&p);
    if (k.records != rows + 1) chk_fail(what, buf, len, 0, "%zu records, want %zu and the header", k.records, rows);
}

/* ---- HTML ------------------------------------------------------------------ */

/* The report: its frame, exactly netbuild's five script elements, and the
 * two JSON documents in them valid, with the network's counts. The
 * embedded library is the same bytes every time and is not re-checked. */
void chk_html(const char *buf, size_t len, const nb_network *net)
{
    const char *what = "HTML";
    static const char HEAD[] = "<!DOCTYPE html>\n", TAIL[] = "</html>\n";
    if (len < sizeof HEAD || memcmp(buf, HEAD, sizeof HEAD - 1)) chk_fail(what, buf, len, 0, "bad start");
    if (len < sizeof TAIL || memcmp(buf + len - (sizeof TAIL - 1), TAIL, sizeof TAIL - 1))
        chk_fail(what, buf, len, len, "does not end with </html>");
    size_t scripts = 0;
    for (const char *q = buf; (q = find(q, len - (size_t)(q - buf), "</script", 8)); q += 8) scripts++;
    if (scripts != 5) chk_fail(what, buf, len, 0, "%zu script elements, want 5", scripts);
    static const char *const OPEN[2] = {"<script type=\"application/json\" id=\"nb-data\">\n",
                                        "<script type=\"application/json\" id=\"nb-run\">"};
    for (int k = 0; k < 2; k++) {
        const char *a = find(buf, len, OPEN[k], strlen(OPEN[k]));
        if (!a) chk_fail(what, buf, len, 0, "no %s element", k ? "nb-run" : "nb-data");
        a += strlen(OPEN[k]);
        const char *b = find(a, len - (size_t)(a - buf), "</script>", 9);
        if (!b) chk_fail(what, buf, len, (size_t)(a - buf), "unterminated JSON element");
        size_t n = (size_t)(b - a);
        /* the JSON writer escapes '<': nothing in the data can close the element */
        if (memchr(a, '<', n)) chk_fail(what, buf, len, (size_t)(a - buf), "'<' inside the data");
        if (k == 0) chk_json(a, n, net);
        else {
            long x, y;
            chk_clean(what, a, n, true);
            chk_json_doc("HTML run summary", a, n, &x, &y);
        }
    }
}

/* ---- DOT ------------------------------------------------------------------- */

void chk_dot(const char *buf, size_t len, const nb_network *net)
{
    const char *what = "DOT";
    chk_clean(what, buf, len, true);
    static const char HEAD[] = "digraph netbuild {\n";
    if (len < sizeof HEAD || memcmp(buf, HEAD, sizeof HEAD - 1)) chk_fail(what, buf, len, 0, "bad header");
    if (len < 2 || memcmp(buf + len - 2, "}\n", 2)) chk_fail(what, buf, len, len, "does not end with '}'");
    int braces = 0, brackets = 0;
    size_t node_stmts = 0, edge_stmts = 0, piece = 0;
    bool line_start = true;
    for (size_t i = 0; i < len; i++) {
        char c = buf[i];
        if (c == '"') {
            size_t s = i++;
            piece = 0;
            for (; i < len && buf[i] != '"'; i++) {
                if (buf[i] == '\n') chk_fail(what, buf, len, i, "newline inside a string");
                if (buf[i] == '\\') {
                    if (i + 1 >= len || (buf[i + 1] != '"' && buf[i + 1] != '\\'))
                        chk_fail(what, buf, len, i, "backslash that escapes neither '\"' nor '\\'");
                    i++;
                    piece++;
                }
                if (++piece >= 16000) chk_fail(what, buf, len, s, "string piece too long for Graphviz");
            }
            if (i >= len) chk_fail(what, buf, len, s, "unterminated string");
            line_start = false;
            continue;
        }
        if (line_start && len - i > 3 && !memcmp(buf + i, "  \"n", 4)) {
            /* "  \"nX\" [" is a node, "  \"nX\" -> " an edge */
            const char *q = memchr(buf + i + 4, '"', len - i - 4);
            if (q && (size_t)(q - buf) + 3 < len) {
                if (!memcmp(q + 1, " [", 2)) node_stmts++;
                else if (!memcmp(q + 1, " -", 2)) edge_stmts++;
            }
        }
        line_start = c == '\n';
        if (c == '{') braces++;
        else if (c == '}') braces--;
        else if (c == '[') brackets++;
        else if (c == ']') brackets--;
        if (braces < 0 || brackets < 0 || brackets > 1) chk_fail(what, buf, len, i, "unbalanced '%c'", c);
    }
    if (braces != 0 || brackets != 0) chk_fail(what, buf, len, len, "unbalanced braces or brackets");
    if (node_stmts != net->n_nodes || edge_stmts != net->n_edges)
        chk_fail(what, buf, len, 0, "%zu node and %zu edge statements; the network has %zu, %zu",
                 node_stmts, edge_stmts, net->n_nodes, net->n_edges);
}

/* ---- explain ----------------------------------------------------------------- */

void chk_explain(const char *buf, size_t len, const nb_network *net)
{
    chk_clean("explain", buf, len, true);
    if (len && buf[len - 1] != '\n') chk_fail("explain", buf, len, len, "last line unterminated");
    size_t heads = 0;
    for (size_t i = 0; i < len; i++)
        if ((i == 0 || buf[i - 1] == '\n') && buf[i] != ' ' && buf[i] != '\n') heads++;
    if (heads != net->n_edges)
        chk_fail("explain", buf, len, 0, "%zu edge lines for %zu edges", heads, net->n_edges);
}

/* ---- all writers ------------------------------------------------------------- */

typedef nb_status (*chk_writer)(const nb_network *, nb_sink *);

static char *chk_render(const nb_network *net, chk_writer w, size_t *len)
{
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    if (!fp) abort();
    nb_sink s;
    nb_sink_wrap(&s, fp);
    nb_status st = w(net, &s);
    if (st != NB_OK || nb_sink_close(&s) != NB_OK) chk_fail("writer", NULL, 0, 0, "status %d", (int)st);
    fclose(fp);
    return buf;
}

static nb_status html_writer(const nb_network *net, nb_sink *out) { return nb_write_html(net, NULL, out); }
static void chk_csv_nodes(const char *buf, size_t len, const nb_network *net)
{
    chk_csv(buf, len, net->n_nodes, "Id");
}
static void chk_csv_edges(const char *buf, size_t len, const nb_network *net)
{
    chk_csv(buf, len, net->n_edges, "Source");
}

/* Checks the network, analyses it, checks the metrics and every writer. */
void chk_all(nb_network *net, size_t article_bytes)
{
    static const struct {
        chk_writer write;
        void (*check)(const char *, size_t, const nb_network *);
    } W[] = {
        {nb_write_graphml, chk_graphml},     {nb_write_dot, chk_dot},   {nb_write_explain, chk_explain},
        {nb_write_gexf, chk_gexf},           {nb_write_json, chk_json}, {nb_write_csv_nodes, chk_csv_nodes},
        {nb_write_csv_edges, chk_csv_edges}, {html_writer, chk_html},
    };
    chk_network(net, article_bytes);
    if (nb_analyze(net, 42) != NB_OK) chk_fail("nb_analyze", NULL, 0, 0, "failed");
    chk_metrics(net);
    for (size_t k = 0; k < sizeof W / sizeof W[0]; k++) {
        size_t len;
        char *out = chk_render(net, W[k].write, &len);
        W[k].check(out, len, net);
        free(out);
    }
}

int chk_tmpfile(const char *name, char *path, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(path, size, "%s/nb-fuzz-%s-XXXXXX", tmp, name);
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("fuzz: mkstemp");
        exit(1);
    }
    return fd;
}
