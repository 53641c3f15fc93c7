/* main.c - parses options and dispatches: scan, pipeline, network, analyze,
 * writers. Exit codes are documented in usage() and the README. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "dates.h"
#include "nlp.h"
#include "pipeline.h"
#include "scan.h"
#include "sink.h"
#include "store.h"
#include "text.h"
#include "writers.h"

#define NB_VERSION "0.1.0"
/* -j: more threads than this only cost memory (each holds an article) */
#define NB_MAX_JOBS 256

enum { EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_IO = 3, EXIT_DATA = 4 };

/* FMT_CSV names what the user asked for; it becomes two outputs, the node
 * list and the edge list, before anything is checked or written. */
typedef enum {
    FMT_AUTO, FMT_GRAPHML, FMT_DOT, FMT_EXPLAIN, FMT_GEXF, FMT_CSV, FMT_JSON, FMT_HTML,
    FMT_CSV_NODES, FMT_CSV_EDGES
} fmt;

typedef struct {
    const char *path;
    fmt format;
    char *owned;   /* path, when netbuild made it (the two CSV files) */
} output;

static void usage(FILE *fp)
{
    fputs("Usage: netbuild [OPTIONS] INPUT... -o OUTPUT [-o OUTPUT...]\n"
          "       netbuild shard [OPTIONS] INPUT... --store SHARD.db [--part K/N]\n"
          "       netbuild merge [OPTIONS] SHARD.db... -o OUTPUT [-o OUTPUT...]\n"
          "       netbuild query --store FILE [--actor NAME] [--relation REL]\n"
          "                      [--since DATE] [--until DATE]\n"
          "Builds a network of who funds, commands, condemns and attacked whom from\n"
          "news articles (plain-text files; folders are read recursively).\n"
          "\n"
          "Options:\n"
          "  -o, --output FILE     write the network to FILE; the format comes from the\n"
          "                        extension (any case) or --format:\n"
          "                          .graphml  GraphML (Gephi, Cytoscape, igraph, networkx)\n"
          "                          .gexf     GEXF 1.3 (Gephi; relations as edge kinds,\n"
          "                                    dates as spells for the timeline)\n"
          "                          .csv      two files: -o net.csv writes net.nodes.csv\n"
          "                                    and net.edges.csv (Gephi spreadsheet import)\n"
          "                          .json     node-link JSON (networkx.node_link_graph)\n"
          "                          .html     a self-contained report for the browser\n"
          "                          .dot/.gv  Graphviz; .txt the explain text\n"
          "                        Repeat for several outputs. '-' writes to stdout\n"
          "                        (GraphML unless --format says otherwise).\n"
          "  -f, --format FMT      graphml, gexf, csv, json, html, dot or explain, for the\n"
          "                        next -o\n"
          "      --explain         print every edge with its evidence and tree path to stdout\n"
          "      --conllu          print the analysis of every sentence (tokens, lemmas,\n"
          "                        tags, dependency tree, byte offsets) as CoNLL-U\n"
          "      --model FILE      use another tagger and parser model (data/en_ewt.nbm)\n"
          "  -a, --actors FILE     add a user dictionary (CSV: name,kind,aliases[,demonyms])\n"
          "      --no-default-actors  do not load the bundled dictionary\n"
          "      --all-actors      keep actors that take part in no relation\n"
          "      --unnamed         keep the relations of unnamed groups (\"gunmen\",\n"
          "                        \"Iraqi militias\"), left out by default: one such\n"
          "                        node would join unrelated events\n"
          "  -j, --jobs N          read and extract articles on N threads (default 0: one\n"
          "                        per online CPU); the output is the same for every N\n"
          "      --seed N          random seed for communities and layout (default 42)\n"
          "      --metrics M       betweenness and closeness: exact, approx (sampled),\n"
          "                        none, or N: exact up to N nodes, approx above (5000)\n"
          "      --since DATE      read only articles dated DATE (YYYY-MM-DD) or later\n"
          "      --until DATE      read only articles dated DATE or earlier; with either,\n"
          "                        articles without a date are left out and counted.\n"
          "                        A date in an article's first lines (header or\n"
          "                        dateline) wins over one in its path\n",
          fp);
    /* two strings: C11 compilers need only take 4095 bytes in one */
    fputs("      --store FILE      keep each article's results in FILE (SQLite): a rerun\n"
          "                        reads only new and changed articles, drops deleted\n"
          "                        ones and reuses the rest; the output is the same\n"
          "                        (also with --since/--until; not with --conllu)\n"
          "      --part K/N        shard: extract only every Nth article of INPUT...,\n"
          "                        from the Kth on, into --store (all shards get the\n"
          "                        same INPUT...); merge then builds the network of\n"
          "                        all of them, as one run over INPUT... would\n"
          "                        (--since/--until go to merge, not to shard)\n"
          "      --actor NAME      query: the relations of NAME, either way (its label,\n"
          "                        an alias or a form an article used; any case)\n"
          "      --relation REL    query: only funds, commands, condemns or attacked.\n"
          "                        query prints tab-separated lines with a header:\n"
          "                        date, source, relation, target, article, byte\n"
          "                        offset, sentence, sorted by date then names;\n"
          "                        exit 0 when some matched, 1 when none did\n"
          "      --progress        show a progress line on stderr even when it is not a\n"
          "                        terminal\n"
          "      --no-progress     never show it (default: only on a terminal)\n"
          "  -q, --quiet           no summary and no progress on stderr\n"
          "  -h, --help            show this help\n"
          "  -V, --version         show the version\n"
          "  --                    end of options: every later argument is an input\n"
          "Values may also be given as --output=FILE, -oFILE, --seed=N.\n"
          "\n"
          "Outputs are checked before any article is read, written only when at least\n"
          "one article was read, and replaced atomically (links followed, mode kept).\n"
          "\n"
          "Exit status: 0 success; 1 some inputs were skipped, or no article could be\n"
          "read (reported on stderr; with no article nothing is written); 2 usage error;\n"
          "3 an input or output could not be read or written; 4 an actor dictionary or\n"
          "the model is malformed, or --store is not a netbuild store, is corrupt or\n"
          "has a newer schema. query: 0 some relations matched, 1 none did.\n",
          fp);
}

/* A file name may hold escape sequences or newlines: every path a message
 * names is printed clean. */
static void say(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const char *path, const char *fmt, ...)
{
    char *safe = nb_text_sanitize(path, strlen(path));
    fprintf(stderr, "netbuild: %s: ", safe);
    free(safe);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static const char *const FMT_NAMES[] = {
    [FMT_AUTO] = "graphml", [FMT_GRAPHML] = "graphml", [FMT_DOT] = "dot",
    [FMT_EXPLAIN] = "explain", [FMT_GEXF] = "gexf", [FMT_CSV] = "csv",
    [FMT_JSON] = "json", [FMT_HTML] = "html", [FMT_CSV_NODES] = "csv", [FMT_CSV_EDGES] = "csv",
};

static const char *fmt_name(fmt f) { return FMT_NAMES[f]; }

/* The format a --format value names, or FMT_AUTO when none. */
static fmt fmt_parse(const char *s)
{
    for (int f = FMT_GRAPHML; f <= FMT_HTML; f++)
        if (!strcasecmp(s, FMT_NAMES[f])) return (fmt)f;
    return FMT_AUTO;
}

/* The format an output's extension names, matched in any case: FMT_AUTO for
 * a name without extension, -1 for an extension netbuild does not write. */
static int ext_format(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return FMT_AUTO;
    if (!strcasecmp(dot, ".graphml")) return FMT_GRAPHML;
    if (!strcasecmp(dot, ".dot") || !strcasecmp(dot, ".gv")) return FMT_DOT;
    if (!strcasecmp(dot, ".txt")) return FMT_EXPLAIN;
    if (!strcasecmp(dot, ".gexf")) return FMT_GEXF;
    if (!strcasecmp(dot, ".csv")) return FMT_CSV;
    if (!strcasecmp(dot, ".json")) return FMT_JSON;
    if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm")) return FMT_HTML;
    return -1;
}

/* True when path is this process's stdout: "-", /dev/stdout and its
 * spellings, or the very file stdout was redirected to. */
static bool is_stdout(const char *path)
{
    if (!strcmp(path, "-")) return true;
    struct stat a, b;
    return fstat(STDOUT_FILENO, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/* Settles each output's format before anything is read: an extension that
 * names no format, a --format that contradicts the extension, or a --format
 * that no -o follows is a usage error rather than a surprise. */
static bool settle_formats(output *outs, size_t n_out, fmt pending, bool explain)
{
    if (pending != FMT_AUTO) {
        fprintf(stderr, "netbuild: --format %s applies to no output: put it before the -o it is for\n",
                fmt_name(pending));
        return false;
    }
    for (size_t i = 0; i < n_out; i++) {
        output *o = &outs[i];
        int ef = strcmp(o->path, "-") ? ext_format(o->path) : FMT_AUTO;
        if (o->format != FMT_AUTO) {
            if (ef > FMT_AUTO && ef != (int)o->format) {
                say(o->path, "--format %s contradicts the extension, which means %s", fmt_name(o->format),
                    fmt_name((fmt)ef));
                return false;
            }
        } else if (ef > FMT_AUTO) {
            o->format = (fmt)ef;
        } else if (!strcmp(o->path, "-") || nb_sink_is_stream(o->path)) {
            o->format = FMT_GRAPHML;
        } else {
            say(o->path, "unknown output format (extensions: .graphml, .gexf, .csv, .json, .html, .dot or "
                         ".gv, .txt for the explain text; or --format "
                         "graphml|gexf|csv|json|html|dot|explain before -o)");
            return false;
        }
        if (o->format == FMT_CSV && (!strcmp(o->path, "-") || nb_sink_is_stream(o->path))) {
            say(o->path, "CSV is two files (nodes and edges): give a file name such as net.csv");
            return false;
        }
        if (explain && is_stdout(o->path)) {
            say(o->path, "is stdout, where --explain prints: two formats would mix (write one to a file)");
            return false;
        }
    }
    return true;
}

/* The files a run skipped and why, for the HTML report's summary. */
typedef struct {
    char **paths, **reasons;
    size_t n, cap;
} report_log;

static report_log reports;

/* ---- progress ---------------------------------------------------------- *
 * One line on stderr, redrawn in place at most ten times a second: files
 * done of total, MB/s, elapsed time and ETA. Messages about single files
 * first clear it, so they never land in the middle of the bar. */
typedef struct {
    bool on, drawn;
    size_t done, total;
    double bytes_total, t0, last;
} progress;

static progress prog;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void hms(char *out, size_t n, double s)
{
    long t = s > 0 && s < 1e7 ? (long)(s + 0.5) : 0;
    if (t >= 3600) snprintf(out, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else snprintf(out, n, "%ld:%02ld", t / 60, t % 60);
}

static void progress_clear(void)
{
    if (prog.drawn) fputs("\r\033[K", stderr);
    prog.drawn = false;
}

static void progress_draw(double bytes, bool force)
{
    if (!prog.on) return;
    double t = now_s();
    if (!force && t - prog.last < 0.1) return;
    prog.last = t;
    double el = t - prog.t0, mb = bytes / 1e6;
    double rate = el > 0.05 ? mb / el : 0;
    char e[32], eta[32] = "-";
    hms(e, sizeof e, el);
    double left = prog.bytes_total - bytes;
    if (rate > 0 && left > 0) hms(eta, sizeof eta, left / 1e6 / rate);
    else if (left <= 0) snprintf(eta, sizeof eta, "0:00");
    int pct = prog.bytes_total > 0 ? (int)(100.0 * bytes / prog.bytes_total) : 0;
    if (pct > 100) pct = 100;
    char barbuf[21];
    for (int i = 0; i < 20; i++) barbuf[i] = i < pct / 5 ? '#' : '.';
    barbuf[20] = '\0';
    fprintf(stderr, "\r\033[Knetbuild: [%s] %3d%%  %zu/%zu files  %.1f MB/s  %s elapsed  ETA %s", barbuf,
            pct, prog.done, prog.total, rate, e, eta);
    fflush(stderr);
    prog.drawn = true;
}

/* After each article, in input order (nb_pipeline_files). */
static void progress_step(void *ctx)
{
    const nb_pipeline *p = ctx;
    prog.done++;
    progress_draw((double)p->bytes, prog.done == prog.total);
}

static void on_report(void *ctx, const char *path, const char *reason)
{
    (void)ctx;
    progress_clear();
    char *safe = nb_text_sanitize(reason, strlen(reason));
    say(path, "%s", safe);
    free(safe);
    nb_grow(&reports.paths, &reports.cap, reports.n + 1, sizeof(char *));
    /* same capacity for both arrays */
    size_t cap = reports.cap;
    reports.reasons = nb_realloc(reports.reasons, cap * sizeof(char *));
    reports.paths[reports.n] = nb_strdup(path);
    reports.reasons[reports.n++] = nb_strdup(reason);
}

/* A bundled data file: in $NETBUILD_DATA, the installed data folder, or
 * data/ beside the executable (a build tree). */
static char *default_data(const char *name)
{
    const char *env = getenv("NETBUILD_DATA");
    nb_buf b = {0};
    if (env && *env) {
        nb_buf_printf(&b, "%s/%s", env, name);
        return nb_buf_detach(&b);
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            nb_buf_printf(&b, "%s/data/%s", exe, name);
            if (access(b.data, R_OK) == 0) return nb_buf_detach(&b);
            nb_buf_clear(&b);
            nb_buf_printf(&b, "%s/../data/%s", exe, name);
            if (access(b.data, R_OK) == 0) return nb_buf_detach(&b);
            nb_buf_clear(&b);
            /* An installed binary, PREFIX/bin/netbuild, finds PREFIX/share:
             * the prefix given to make install need not be the one the
             * binary was built with. */
            nb_buf_printf(&b, "%s/../share/netbuild/%s", exe, name);
            if (access(b.data, R_OK) == 0) return nb_buf_detach(&b);
            nb_buf_clear(&b);
        }
    }
    nb_buf_printf(&b, "%s/%s", NB_DATADIR, name);
    return nb_buf_detach(&b);
}

/* Dictionary messages start with the file's name: printed clean too. */
static void say_dict(const char *msg)
{
    char *safe = nb_text_sanitize(msg, strlen(msg));
    fprintf(stderr, "netbuild: %s\n", safe);
    free(safe);
}

static void on_dict_warn(void *ctx, const char *msg)
{
    (void)ctx;
    say_dict(msg);
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino && S_ISREG(sa.st_mode);
}

/* The absolute path an output will have, also when it does not exist yet
 * (its folder resolved), so "out.dot" and "./out.dot" compare equal. */
static char *out_key(const char *path)
{
    char *r = realpath(path, NULL);
    if (r) return r;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? nb_strndup(path, (size_t)(slash - path) + 1) : nb_strdup(".");
    char *rd = realpath(dir, NULL);
    free(dir);
    if (!rd) return nb_strdup(path);
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/%s", rd, slash ? slash + 1 : path);
    free(rd);
    return nb_buf_detach(&b);
}

static bool same_output(const char *a, const char *b)
{
    if (!strcmp(a, b) || same_file(a, b) || (is_stdout(a) && is_stdout(b))) return true;
    if (!strcmp(a, "-") || !strcmp(b, "-")) return false;
    char *ka = out_key(a), *kb = out_key(b);
    bool same = !strcmp(ka, kb);
    free(ka);
    free(kb);
    return same;
}

static nb_status write_one(const nb_network *net, const output *o, const nb_run_info *run)
{
    nb_sink s;
    nb_status st;
    bool std = !strcmp(o->path, "-");
    if (std) nb_sink_wrap(&s, stdout);
    else if ((st = nb_sink_open(&s, o->path)) != NB_OK) {
        say(o->path, "cannot write: %s", strerror(s.err));
        return st;
    }
    switch (o->format) {
    case FMT_DOT: st = nb_write_dot(net, &s); break;
    case FMT_EXPLAIN: st = nb_write_explain(net, &s); break;
    case FMT_GEXF: st = nb_write_gexf(net, &s); break;
    case FMT_CSV_NODES: st = nb_write_csv_nodes(net, &s); break;
    case FMT_CSV_EDGES: st = nb_write_csv_edges(net, &s); break;
    case FMT_JSON: st = nb_write_json(net, &s); break;
    case FMT_HTML: st = nb_write_html(net, run, &s); break;
    default: st = nb_write_graphml(net, &s); break;
    }
    if (st != NB_OK) {
        int err = s.err;
        if (!std) nb_sink_abort(&s);
        say(o->path, "write failed: %s", strerror(err ? err : EIO));
        return NB_ERR_IO;
    }
    st = nb_sink_close(&s);
    if (st != NB_OK)
        say(o->path, "write failed: %s", strerror(s.err ? s.err : EIO));
    return st;
}

static void summary(const nb_pipeline *p, const nb_network *net, const nb_input_list *list)
{
    fprintf(stderr, "netbuild: %zu article(s) read, %zu skipped, %.1f KB, %zu sentences",
            p->read, p->skipped + list->skipped, (double)p->bytes / 1024.0, p->sentences);
    if (p->parsed) fprintf(stderr, " (%zu parsed for tree paths)", p->parsed);
    size_t dups = p->duplicates + list->duplicates, own = p->own_outputs + list->own_outputs;
    if (dups) fprintf(stderr, ", %zu duplicate(s) counted once", dups);
    if (own) fprintf(stderr, ", %zu netbuild output(s) ignored", own);
    fputc('\n', stderr);
    size_t per[NB_REL_COUNT] = {0};
    for (size_t i = 0; i < net->n_edges; i++) per[net->edges[i].rel]++;
    fprintf(stderr, "netbuild: %zu actors, %zu edges (funds %zu, commands %zu, condemns %zu, attacked %zu)\n",
            net->n_nodes, net->n_edges, per[0], per[1], per[2], per[3]);
    if (net->betweenness_method && strcmp(net->betweenness_method, "exact") != 0)
        fprintf(stderr, "netbuild: betweenness and closeness %s (--metrics), layout %s\n",
                net->betweenness_method, net->layout_method);
    /* top five by PageRank, ties by label order */
    size_t top[5];
    size_t nt = 0;
    for (size_t i = 0; i < net->n_nodes; i++) {
        size_t k = nt < 5 ? nt++ : 5;
        if (k == 5) {
            if (net->nodes[i].m.pagerank <= net->nodes[top[4]].m.pagerank) continue;
            k = 4;
        }
        top[k] = i;
        while (k > 0 && net->nodes[top[k]].m.pagerank > net->nodes[top[k - 1]].m.pagerank) {
            size_t t = top[k];
            top[k] = top[k - 1];
            top[k - 1] = t;
            k--;
        }
    }
    if (nt) {
        fprintf(stderr, "netbuild: top actors by PageRank:");
        for (size_t i = 0; i < nt; i++)
            fprintf(stderr, "%s %s (%.3f)", i ? "," : "", net->nodes[top[i]].label,
                    net->nodes[top[i]].m.pagerank);
        fputc('\n', stderr);
    }
}

/* netbuild query: relations and their evidence straight from a store, with
 * no extraction and no network. Returns the exit status. */
static int query(const char *store_path, const char *actor, const char *relation, const char *since,
                 const char *until, bool extra)
{
    nb_store_query_spec q = {actor, -1, since, until};
    nb_store *s = NULL;
    nb_buf out = {0}, err = {0};
    int rc = EXIT_USAGE;
    for (int r = 0; relation && r < NB_REL_COUNT; r++)
        if (!strcmp(relation, nb_rel_name((nb_rel)r))) q.relation = r;
    if (!store_path || (!actor && !relation) || extra) {
        fprintf(stderr, "netbuild: query takes --store FILE and --actor NAME and/or --relation REL (and "
                        "--since, --until), no inputs or outputs\n");
        goto cleanup;
    }
    if (relation && q.relation < 0) {
        fprintf(stderr, "netbuild: --relation wants funds, commands, condemns or attacked\n");
        goto cleanup;
    }
    if (since && until && strcmp(since, until) > 0) {
        fprintf(stderr, "netbuild: --since %s is after --until %s\n", since, until);
        goto cleanup;
    }
    size_t hits = 0, unreadable = 0;
    nb_status st = nb_store_open(&s, store_path, true, &err);
    if (st == NB_OK) st = nb_store_query(s, &q, &out, &hits, &unreadable, &err);
    if (st != NB_OK) {
        say_dict(err.data);
        rc = st == NB_ERR_INPUT ? EXIT_DATA : EXIT_IO;
        goto cleanup;
    }
    if (unreadable)
        say(store_path, "%zu stored record(s) could not be read and were left out (a --store run extracts them "
                        "again)", unreadable);
    rc = fwrite(out.data, 1, out.len, stdout) == out.len && fflush(stdout) == 0 ? (hits ? 0 : EXIT_SKIPPED) : EXIT_IO;
cleanup:
    nb_store_close(s);
    nb_buf_free(&out);
    nb_buf_free(&err);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0;
    /* twice the arguments: each CSV output becomes two files */
    output *outs = nb_calloc(2 * (size_t)argc + 2, sizeof *outs);
    const char **inputs = nb_calloc((size_t)argc + 1, sizeof *inputs);
    const char **dicts = nb_calloc((size_t)argc + 1, sizeof *dicts);
    size_t n_out = 0, n_in = 0, n_dict = 0;
    bool quiet = false, explain = false, no_default = false, all_actors = false, conllu = false;
    const char *model_path = NULL;
    char *defmodel = NULL;
    nb_nlp nlp = {0};
    bool nlp_loaded = false;
    nb_patterns *pat = NULL;
    unsigned long seed = 42;
    nb_metrics_mode metrics = NB_METRICS_AUTO;
    size_t exact_nodes = NB_EXACT_NODES;
    const char *since = NULL, *until = NULL;
    const char *store_path = NULL;
    unsigned part = 1, parts = 1;
    unsigned jobs = 0; /* -j: 0 is one thread per online CPU */
    /* netbuild shard ... / netbuild merge ...: a subcommand first */
    enum { RUN, SHARD, MERGE, QUERY } mode = RUN;
    const char *actor = NULL, *relation = NULL;
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "shard")) mode = SHARD, first = 2;
    else if (argc > 1 && !strcmp(argv[1], "merge")) mode = MERGE, first = 2;
    else if (argc > 1 && !strcmp(argv[1], "query")) mode = QUERY, first = 2;
    nb_store *store = NULL;
    nb_store **shards = NULL;
    char *versions = NULL;
    nb_store_counts counts = {0};
    int progress_opt = -1; /* -1: on a terminal; 0 never; 1 always */
    fmt next = FMT_AUTO;
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_input_list list = {0};
    char *defdict = NULL;
    nb_buf err = {0};

    bool opts_done = false;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (opts_done || a[0] != '-' || a[1] == '\0') {
            inputs[n_in++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            opts_done = true;
            continue;
        }
        /* GNU styles: --name=VALUE, and -oVALUE for the short valued options. */
        char name[32];
        const char *val = NULL, *eq = a[1] == '-' ? strchr(a, '=') : NULL;
        size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
        if (a[1] != '-' && a[2] != '\0' && strchr("ofaj", a[1])) {
            nlen = 2;
            val = a + 2;
        } else if (eq) {
            val = eq + 1;
        }
        if (nlen >= sizeof name) nlen = sizeof name - 1;
        memcpy(name, a, nlen);
        name[nlen] = '\0';
        bool valued = !strcmp(name, "-o") || !strcmp(name, "--output") || !strcmp(name, "-f") ||
                      !strcmp(name, "--format") || !strcmp(name, "-a") || !strcmp(name, "--actors") ||
                      !strcmp(name, "--seed") || !strcmp(name, "--model") || !strcmp(name, "--metrics") ||
                      !strcmp(name, "--since") || !strcmp(name, "--until") || !strcmp(name, "--store") ||
                      !strcmp(name, "--part") || !strcmp(name, "--actor") || !strcmp(name, "--relation") ||
                      !strcmp(name, "-j") || !strcmp(name, "--jobs");
        if (valued && !val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "netbuild: %s needs a value\n", name);
                rc = EXIT_USAGE;
                goto cleanup;
            }
            val = argv[++i];
        }
        bool flag = !strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "-V") ||
                    !strcmp(name, "--version") || !strcmp(name, "-q") || !strcmp(name, "--quiet") ||
                    !strcmp(name, "--explain") || !strcmp(name, "--all-actors") || !strcmp(name, "--unnamed") ||
                    !strcmp(name, "--no-default-actors") || !strcmp(name, "--conllu") ||
                    !strcmp(name, "--progress") || !strcmp(name, "--no-progress");
        if (flag && val) {
            fprintf(stderr, "netbuild: %s takes no value\n", name);
            rc = EXIT_USAGE;
            goto cleanup;
        }
        if (!strcmp(name, "-h") || !strcmp(name, "--help")) {
            usage(stdout);
            goto cleanup;
        } else if (!strcmp(name, "-V") || !strcmp(name, "--version")) {
            printf("netbuild %s\n", NB_VERSION);
            goto cleanup;
        } else if (!strcmp(name, "-q") || !strcmp(name, "--quiet")) {
            quiet = true;
        } else if (!strcmp(name, "--explain")) {
            explain = true;
        } else if (!strcmp(name, "--conllu")) {
            conllu = true;
        } else if (!strcmp(name, "--model")) {
            model_path = val;
        } else if (!strcmp(name, "--all-actors")) {
            all_actors = true;
        } else if (!strcmp(name, "--unnamed")) {
            p.unnamed = true;
        } else if (!strcmp(name, "--progress")) {
            progress_opt = 1;
        } else if (!strcmp(name, "--no-progress")) {
            progress_opt = 0;
        } else if (!strcmp(name, "--since") || !strcmp(name, "--until")) {
            /* the whole value must be one calendar date */
            char d[NB_DATE_LEN + 1];
            if (strlen(val) != NB_DATE_LEN || !nb_path_date(val, d) || strcmp(d, val) || val[4] != '-') {
                fprintf(stderr, "netbuild: %s wants a date as YYYY-MM-DD\n", name);
                rc = EXIT_USAGE;
                goto cleanup;
            }
            if (name[2] == 's') since = val;
            else until = val;
        } else if (!strcmp(name, "--store")) {
            store_path = val;
        } else if (!strcmp(name, "--actor") && mode == QUERY) {
            actor = val;
        } else if (!strcmp(name, "--relation") && mode == QUERY) {
            relation = val;
        } else if (!strcmp(name, "--part")) {
            char tail;
            if (sscanf(val, "%u/%u%c", &part, &parts, &tail) != 2 || part < 1 || part > parts) {
                fprintf(stderr, "netbuild: --part wants K/N with 1 <= K <= N\n");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        } else if (!strcmp(name, "--no-default-actors")) {
            no_default = true;
        } else if (!strcmp(name, "-o") || !strcmp(name, "--output")) {
            if (!*val) {
                fprintf(stderr, "netbuild: %s needs a file name\n", name);
                rc = EXIT_USAGE;
                goto cleanup;
            }
            outs[n_out].path = val;
            outs[n_out++].format = next;
            next = FMT_AUTO;
        } else if (!strcmp(name, "-f") || !strcmp(name, "--format")) {
            next = fmt_parse(val);
            if (next == FMT_AUTO) {
                char *safe = nb_text_sanitize(val, strlen(val));
                fprintf(stderr, "netbuild: unknown format '%s' (graphml, gexf, csv, json, html, dot, explain)\n",
                        safe);
                free(safe);
                rc = EXIT_USAGE;
                goto cleanup;
            }
        } else if (!strcmp(name, "--seed")) {
            /* strtoul would take "-1" as ULONG_MAX: digits only. */
            char *end;
            errno = 0;
            seed = strtoul(val, &end, 10);
            if (errno || *end || *val < '0' || *val > '9') {
                fprintf(stderr, "netbuild: --seed wants a non-negative integer\n");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        } else if (!strcmp(name, "-j") || !strcmp(name, "--jobs")) {
            char *end;
            errno = 0;
            unsigned long j = strtoul(val, &end, 10);
            if (errno || *end || *val < '0' || *val > '9' || j > NB_MAX_JOBS) {
                fprintf(stderr, "netbuild: %s wants a number of threads from 0 to %d (0: one per CPU)\n", name,
                        NB_MAX_JOBS);
                rc = EXIT_USAGE;
                goto cleanup;
            }
            jobs = (unsigned)j;
        } else if (!strcmp(name, "--metrics")) {
            char *end;
            errno = 0;
            if (!strcmp(val, "exact")) metrics = NB_METRICS_EXACT;
            else if (!strcmp(val, "approx")) metrics = NB_METRICS_APPROX;
            else if (!strcmp(val, "none")) metrics = NB_METRICS_NONE;
            else if ((exact_nodes = strtoul(val, &end, 10)) > 0 && !errno && !*end && *val >= '0' &&
                     *val <= '9')
                metrics = NB_METRICS_AUTO;
            else {
                fprintf(stderr, "netbuild: --metrics wants exact, approx, none or a node count\n");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        } else if (!strcmp(name, "-a") || !strcmp(name, "--actors")) {
            dicts[n_dict++] = val;
        } else {
            char *safe = nb_text_sanitize(a, strlen(a));
            fprintf(stderr, "netbuild: unknown option '%s' (try --help)\n", safe);
            free(safe);
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    if (mode == QUERY) {
        rc = query(store_path, actor, relation, since, until, n_in || n_out || explain || conllu || parts > 1);
        goto cleanup;
    }
    if (conllu && (n_out || explain)) {
        fprintf(stderr, "netbuild: --conllu writes CoNLL-U to stdout and takes no -o or --explain\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    /* --conllu prints an analysis, not a network: there is nothing to keep */
    if ((store_path || mode != RUN) && conllu) {
        fprintf(stderr, "netbuild: --conllu reads the articles themselves and takes no --store, shard or merge\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    /* a shard keeps every article; the dates choose at merge */
    if (mode == SHARD && (since || until)) {
        fprintf(stderr, "netbuild: shard extracts every article: give --since/--until to merge\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (parts > 1 && mode != SHARD) {
        fprintf(stderr, "netbuild: --part is for netbuild shard\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (mode == SHARD && (!store_path || n_out || explain)) {
        fprintf(stderr, "netbuild: shard writes to --store FILE and takes no -o or --explain\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (mode == MERGE && store_path) {
        fprintf(stderr, "netbuild: merge reads the shard stores given as inputs and takes no --store\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (n_in == 0 || (n_out == 0 && !explain && !conllu && mode != SHARD)) {
        fprintf(stderr, n_in == 0 ? "netbuild: no input given\n" : "netbuild: no output given (-o FILE or --explain)\n");
        usage(stderr);
        rc = EXIT_USAGE;
        goto cleanup;
    }
    for (size_t i = 0; i < n_out; i++) {
        for (size_t k = 0; k < i; k++) {
            if (same_output(outs[i].path, outs[k].path)) {
                say(outs[i].path, "named twice as output");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        }
    }

    /* Dictionaries: the bundled one first, then the user's in order. */
    if (!no_default) defdict = default_data("actors.csv");
    for (size_t k = 0; k < n_out; k++) {
        bool hit = defdict && same_file(defdict, outs[k].path);
        for (size_t i = 0; i < n_dict && !hit; i++) hit = same_file(dicts[i], outs[k].path);
        if (hit) {
            say(outs[k].path, "output would overwrite an actor dictionary");
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    if (!settle_formats(outs, n_out, next, explain)) {
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (since && until && strcmp(since, until) > 0) {
        fprintf(stderr, "netbuild: --since %s is after --until %s\n", since, until);
        rc = EXIT_USAGE;
        goto cleanup;
    }
    /* -o net.csv is net.nodes.csv and net.edges.csv: from here on they are
     * two outputs, checked and written like any other. */
    for (size_t i = n_out; i-- > 0;) {
        if (outs[i].format != FMT_CSV) continue;
        const char *path = outs[i].path;
        size_t len = strlen(path);
        if (len >= 4 && !strcasecmp(path + len - 4, ".csv")) len -= 4;
        /* -o net.nodes.csv means the same pair as -o net.csv */
        if (len >= 6 && (!strncasecmp(path + len - 6, ".nodes", 6) || !strncasecmp(path + len - 6, ".edges", 6)))
            len -= 6;
        memmove(&outs[i + 2], &outs[i + 1], (n_out - i - 1) * sizeof *outs);
        n_out++;
        nb_buf b = {0};
        nb_buf_printf(&b, "%.*s.nodes.csv", (int)len, path);
        outs[i] = (output){NULL, FMT_CSV_NODES, nb_buf_detach(&b)};
        nb_buf_printf(&b, "%.*s.edges.csv", (int)len, path);
        outs[i + 1] = (output){NULL, FMT_CSV_EDGES, nb_buf_detach(&b)};
        outs[i].path = outs[i].owned;
        outs[i + 1].path = outs[i + 1].owned;
    }
    for (size_t i = 0; i < n_out; i++) {
        if (outs[i].format != FMT_CSV_NODES && outs[i].format != FMT_CSV_EDGES) continue;
        for (size_t k = 0; k < n_out; k++) {
            if (k != i && same_output(outs[i].path, outs[k].path)) {
                say(outs[i].path, "named twice as output (a .csv output writes it)");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        }
        bool hit = defdict && same_file(defdict, outs[i].path);
        for (size_t d = 0; d < n_dict && !hit; d++) hit = same_file(dicts[d], outs[i].path);
        if (hit) {
            say(outs[i].path, "output would overwrite an actor dictionary");
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    /* Every output is checked before the corpus is read: a typo in -o must
     * not cost a whole run. */
    for (size_t k = 0; k < n_out; k++) {
        if (strcmp(outs[k].path, "-") && nb_sink_check(outs[k].path, &err) != NB_OK) {
            say(outs[k].path, "%s", err.data);
            rc = EXIT_IO;
            goto cleanup;
        }
    }
    p.dict.warn = on_dict_warn;
    if (!no_default) {
        nb_status st = nb_dict_load(&p.dict, defdict, &err);
        if (st != NB_OK) {
            say_dict(err.data);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
    }
    for (size_t i = 0; i < n_dict; i++) {
        nb_status st = nb_dict_load(&p.dict, dicts[i], &err);
        if (st != NB_OK) {
            say_dict(err.data);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
    }

    /* The tagger and parser: the explain text shows each relation's tree path. */
    if (!model_path) model_path = defmodel = default_data(NB_NLP_FILE);
    {
        char why[256];
        nb_status st = nb_nlp_load(&nlp, model_path, why, sizeof why);
        if (st != NB_OK) {
            say(model_path, "cannot load the model: %s", why);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
        nlp_loaded = true;
        p.nlp = &nlp;
        /* the tree patterns and their lexicons sit next to the model */
        char *pp = default_data("patterns"), *cp = getenv("NB_CUES") ? nb_strdup(getenv("NB_CUES")) : default_data("cues.tsv");
        char *np = default_data("negative.tsv"), *dp = default_data("deverbal.tsv");
        nb_buf perr = {0};
        if (store_path || mode != RUN) {
            /* what produced a stored record: any change recomputes them all */
            const char **vp = nb_calloc(n_dict + 7, sizeof *vp);
            size_t nv = 0;
            vp[nv++] = defdict;
            for (size_t i = 0; i < n_dict; i++) vp[nv++] = dicts[i];
            vp[nv++] = model_path;
            vp[nv++] = pp;
            vp[nv++] = cp;
            vp[nv++] = np;
            vp[nv++] = dp;
            /* (and the cue forms beside the cues, which patterns.c reads) */
            const char *slash = strrchr(cp, '/');
            nb_buf fp = {0};
            if (slash) nb_buf_put(&fp, cp, (size_t)(slash - cp) + 1);
            nb_buf_puts(&fp, "cue_forms.tsv");
            vp[nv++] = fp.data;
            char sw[96];
            /* (--unnamed changes what a record holds: stored ones made
             * without it lack the unnamed groups' relations) */
            snprintf(sw, sizeof sw, "surface=%d tree=%d unnamed=%d", getenv("NB_NO_SURFACE") == NULL,
                     getenv("NB_NO_TREE") == NULL, p.unnamed);
            versions = nb_store_versions(vp, nv, sw);
            nb_buf_free(&fp);
            free(vp);
        }
        st = getenv("NB_NO_TREE") ? NB_OK : nb_patterns_load(&pat, &nlp, pp, cp, np, &perr);
        if (st == NB_OK && pat) st = nb_patterns_load_deverbal(pat, dp, &perr);
        free(pp);
        free(cp);
        free(np);
        free(dp);
        if (st != NB_OK) {
            say_dict(perr.data);
            nb_buf_free(&perr);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
        nb_buf_free(&perr);
        p.pat = pat;
        /* switches for comparing the two extraction paths (README, Developing) */
        p.no_surface = pat && getenv("NB_NO_SURFACE");
        p.tree_debug = getenv("NB_TREE_DEBUG") != NULL;
        p.syntax = explain;
        for (size_t k = 0; k < n_out; k++) p.syntax |= outs[k].format == FMT_EXPLAIN;
        /* a stored record holds the tree paths whatever this run writes */
        if (versions) p.syntax = true;
    }
    for (size_t k = 0; store_path && k < n_out; k++) {
        if (same_output(store_path, outs[k].path)) {
            say(outs[k].path, "output would overwrite the --store file");
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    /* --since and --until go by each article's date (dates.h), known once
     * its first lines are read, or stored: the pipeline leaves out, and
     * counts, an article dated outside them or undated. */
    p.since = since;
    p.until = until;
    if (mode == MERGE) {
        shards = nb_calloc(n_in, sizeof *shards);
        for (size_t i = 0; i < n_in; i++) {
            nb_status st = nb_store_open(&shards[i], inputs[i], true, &err);
            if (st != NB_OK) {
                say_dict(err.data);
                rc = st == NB_ERR_INPUT ? EXIT_DATA : EXIT_IO;
                goto cleanup;
            }
        }
        p.report = on_report;
        nb_status st = nb_store_merge(shards, n_in, &p, versions, &err);
        if (st != NB_OK) {
            say_dict(err.data);
            rc = st == NB_ERR_USAGE ? EXIT_USAGE : st == NB_ERR_INPUT ? EXIT_DATA : EXIT_IO;
            goto cleanup;
        }
    }

    nb_status scan = mode == MERGE ? NB_OK : nb_scan(inputs, n_in, &list, on_report, NULL);
    for (size_t i = 0; i < list.n; i++) {
        for (size_t k = 0; k < n_out; k++) {
            if (same_file(list.items[i].path, outs[k].path)) {
                say(outs[k].path, "output would overwrite an input article");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        }
    }
    /* The store and its WAL files may sit among the inputs: never articles. */
    if (store_path) {
        static const char *const SUFFIX[] = {"", "-wal", "-shm", "-journal"};
        size_t o = 0;
        for (size_t i = 0; i < list.n; i++) {
            bool mine = false;
            for (size_t k = 0; k < 4 && !mine; k++) {
                nb_buf b = {0};
                nb_buf_printf(&b, "%s%s", store_path, SUFFIX[k]);
                mine = same_file(list.items[i].path, b.data);
                nb_buf_free(&b);
            }
            if (mine) {
                free(list.items[i].path);
                free(list.items[i].relpath);
            } else {
                list.items[o++] = list.items[i];
            }
        }
        list.n = o;
    }
    p.report = on_report;
    if (conllu) {
        /* one article at a time, so memory stays bounded on big corpora */
        nb_sink so;
        nb_sink_wrap(&so, stdout);
        nb_buf cb = {0};
        for (size_t i = 0; i < list.n; i++) {
            nb_buf_clear(&cb);
            nb_pipeline_conllu(&p, list.items[i].path, list.items[i].relpath, &cb);
            nb_sink_write(&so, cb.data ? cb.data : "", cb.len);
        }
        nb_buf_free(&cb);
        if (nb_sink_close(&so) != NB_OK) {
            fprintf(stderr, "netbuild: stdout: write failed: %s\n", strerror(so.err ? so.err : EIO));
            rc = EXIT_IO;
        }
        if (!quiet)
            fprintf(stderr, "netbuild: %zu article(s) read, %zu skipped, %zu sentences parsed\n", p.read,
                    p.skipped + list.skipped, p.parsed);
        if (rc == 0 && scan != NB_OK) rc = EXIT_IO;
        if (rc == 0 && (p.skipped || list.skipped || p.read == 0)) rc = EXIT_SKIPPED;
        goto cleanup;
    }
    prog.on = !quiet && (progress_opt == 1 || (progress_opt == -1 && isatty(STDERR_FILENO)));
    if (prog.on) {
        for (size_t i = 0; i < list.n; i++) {
            struct stat st;
            if (stat(list.items[i].path, &st) == 0 && S_ISREG(st.st_mode)) prog.bytes_total += (double)st.st_size;
        }
        prog.total = list.n;
        prog.t0 = prog.last = now_s();
    }
    if (jobs == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n < 1 ? 1 : n > NB_MAX_JOBS ? NB_MAX_JOBS : (unsigned)n;
    }
    if (store_path) {
        nb_status st = nb_store_open(&store, store_path, false, &err);
        if (st == NB_OK)
            st = nb_store_run(store, &p, &list, inputs, n_in, versions, part, parts, jobs, &counts, &err);
        if (st != NB_OK) {
            say_dict(err.data);
            rc = st == NB_ERR_INPUT ? EXIT_DATA : EXIT_IO;
            goto cleanup;
        }
        if (!quiet)
            fprintf(stderr, "netbuild: store %s: %zu new, %zu changed, %zu unchanged, %zu removed (%zu unchanged "
                            "extracted again)\n", store_path, counts.fresh, counts.changed, counts.unchanged,
                    counts.removed, counts.recomputed);
        if (mode == SHARD) {
            if (rc == 0 && scan != NB_OK) rc = EXIT_IO;
            if (rc == 0 && (p.skipped || list.skipped)) rc = EXIT_SKIPPED;
            goto cleanup;
        }
    } else if (mode == RUN) {
        nb_pipeline_files(&p, &list, jobs, progress_step, &p);
    }
    progress_clear();
    if (!quiet && p.out_of_range)
        fprintf(stderr, "netbuild: %zu article(s) outside --since/--until left out (%zu of them without a date)\n",
                p.out_of_range, p.undated);
    else if (!quiet && p.undated)
        fprintf(stderr, "netbuild: %zu article(s) without a date in their first lines or path%s: no first_seen, "
                        "last_seen or timeline for their edges\n", p.undated,
                p.no_year ? " (a dateline without a year counts as undated when the path has no date)" : "");

    if (p.read == 0) {
        /* Nothing to show: an empty graph would only replace good old outputs. */
        if (!quiet) summary(&p, &p.net, &list);
        fprintf(stderr, p.out_of_range ? "netbuild: no article dated within --since/--until: nothing written, old "
                                         "outputs kept\n"
                                       : "netbuild: no article could be read: nothing written, old outputs kept\n");
        rc = scan != NB_OK ? EXIT_IO : EXIT_SKIPPED;
        goto cleanup;
    }
    nb_network_finish(&p.net, !all_actors);
    double t_an = prog.on ? now_s() : 0;
    if (prog.on) {
        fprintf(stderr, "netbuild: analysing %zu actors, %zu edges (centralities, components, communities, "
                        "layout)...", p.net.n_nodes, p.net.n_edges);
        fflush(stderr);
        prog.drawn = true;
    }
    nb_status an = nb_analyze_with(&p.net, seed, metrics, exact_nodes, NULL);
    if (prog.on) {
        char e[32];
        hms(e, sizeof e, now_s() - t_an);
        progress_clear();
        fprintf(stderr, "netbuild: analysed %zu actors, %zu edges in %s\n", p.net.n_nodes, p.net.n_edges, e);
    }
    if (an != NB_OK) {
        fprintf(stderr, "netbuild: network analysis failed; metrics are written as 0\n");
        rc = EXIT_IO;
    }
    nb_run_info run = {p.read, p.duplicates + list.duplicates, p.own_outputs + list.own_outputs,
                       (const char *const *)reports.paths, (const char *const *)reports.reasons, reports.n,
                       p.out_of_range};
    for (size_t i = 0; i < n_out; i++)
        if (write_one(&p.net, &outs[i], &run) != NB_OK) rc = EXIT_IO;
    if (explain) {
        output o = {"-", FMT_EXPLAIN, NULL};
        if (write_one(&p.net, &o, &run) != NB_OK) rc = EXIT_IO;
    }
    if (!quiet) summary(&p, &p.net, &list);
    if (rc == 0 && scan != NB_OK) rc = EXIT_IO;
    if (rc == 0 && (p.skipped || list.skipped)) rc = EXIT_SKIPPED;
cleanup:
    nb_store_close(store);
    for (size_t i = 0; shards && i < n_in; i++) nb_store_close(shards[i]);
    free(shards);
    free(versions);
    nb_buf_free(&err);
    free(defdict);
    free(defmodel);
    nb_patterns_free(pat);
    if (nlp_loaded) nb_nlp_free(&nlp);
    nb_input_list_free(&list);
    nb_pipeline_free(&p);
    for (size_t i = 0; i < n_out; i++) free(outs[i].owned);
    for (size_t i = 0; i < reports.n; i++) {
        free(reports.paths[i]);
        free(reports.reasons[i]);
    }
    free(reports.paths);
    free(reports.reasons);
    free(outs);
    free(inputs);
    free(dicts);
    return rc;
}
