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
#include <unistd.h>

#include "analyze.h"
#include "nlp.h"
#include "pipeline.h"
#include "scan.h"
#include "sink.h"
#include "text.h"
#include "writers.h"

#define NB_VERSION "0.1.0"

enum { EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_IO = 3, EXIT_DATA = 4 };

typedef enum { FMT_AUTO, FMT_GRAPHML, FMT_DOT, FMT_EXPLAIN } fmt;

typedef struct {
    const char *path;
    fmt format;
} output;

static void usage(FILE *fp)
{
    fputs("Usage: netbuild [OPTIONS] INPUT... -o OUTPUT [-o OUTPUT...]\n"
          "Builds a network of who funds, commands, condemns and attacked whom from\n"
          "news articles (plain-text files; folders are read recursively).\n"
          "\n"
          "Options:\n"
          "  -o, --output FILE     write the network to FILE; the format comes from the\n"
          "                        extension (.graphml, .dot/.gv, .txt; any case) or\n"
          "                        --format. Repeat for several outputs. '-' writes to\n"
          "                        stdout (GraphML unless --format says otherwise).\n"
          "  -f, --format FMT      graphml, dot or explain, for the next -o\n"
          "      --explain         print every edge with its evidence and tree path to stdout\n"
          "      --conllu          print the analysis of every sentence (tokens, lemmas,\n"
          "                        tags, dependency tree, byte offsets) as CoNLL-U\n"
          "      --model FILE      use another tagger and parser model (data/en_ewt.nbm)\n"
          "  -a, --actors FILE     add a user dictionary (CSV: name,kind,aliases[,demonyms])\n"
          "      --no-default-actors  do not load the bundled dictionary\n"
          "      --all-actors      keep actors that take part in no relation\n"
          "      --seed N          random seed for communities and layout (default 42)\n"
          "      --metrics M       betweenness and closeness: exact, approx (sampled),\n"
          "                        none, or N: exact up to N nodes, approx above (5000)\n"
          "  -q, --quiet           no summary on stderr\n"
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
          "the model is malformed.\n",
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

static const char *fmt_name(fmt f)
{
    return f == FMT_DOT ? "dot" : f == FMT_EXPLAIN ? "explain" : "graphml";
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
            say(o->path, "unknown output format (extensions: .graphml, .dot or .gv, .txt for the explain "
                         "text; or --format graphml|dot|explain before -o)");
            return false;
        }
        if (explain && is_stdout(o->path)) {
            say(o->path, "is stdout, where --explain prints: two formats would mix (write one to a file)");
            return false;
        }
    }
    return true;
}

static void on_report(void *ctx, const char *path, const char *reason)
{
    (void)ctx;
    char *safe = nb_text_sanitize(reason, strlen(reason));
    say(path, "%s", safe);
    free(safe);
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

static nb_status write_one(const nb_network *net, const output *o)
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

int main(int argc, char **argv)
{
    int rc = 0;
    output *outs = nb_calloc((size_t)argc + 1, sizeof *outs);
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
    fmt next = FMT_AUTO;
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_input_list list = {0};
    char *defdict = NULL;
    nb_buf err = {0};

    bool opts_done = false;
    for (int i = 1; i < argc; i++) {
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
        if (a[1] != '-' && a[2] != '\0' && strchr("ofa", a[1])) {
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
                      !strcmp(name, "--seed") || !strcmp(name, "--model") || !strcmp(name, "--metrics");
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
                    !strcmp(name, "--explain") || !strcmp(name, "--all-actors") ||
                    !strcmp(name, "--no-default-actors") || !strcmp(name, "--conllu");
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
            if (!strcasecmp(val, "graphml")) next = FMT_GRAPHML;
            else if (!strcasecmp(val, "dot")) next = FMT_DOT;
            else if (!strcasecmp(val, "explain")) next = FMT_EXPLAIN;
            else {
                char *safe = nb_text_sanitize(val, strlen(val));
                fprintf(stderr, "netbuild: unknown format '%s' (graphml, dot, explain)\n", safe);
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
    if (conllu && (n_out || explain)) {
        fprintf(stderr, "netbuild: --conllu writes CoNLL-U to stdout and takes no -o or --explain\n");
        rc = EXIT_USAGE;
        goto cleanup;
    }
    if (n_in == 0 || (n_out == 0 && !explain && !conllu)) {
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
        char *np = default_data("negative.tsv");
        nb_buf perr = {0};
        st = getenv("NB_NO_TREE") ? NB_OK : nb_patterns_load(&pat, &nlp, pp, cp, np, &perr);
        free(pp);
        free(cp);
        free(np);
        if (st != NB_OK) {
            say_dict(perr.data);
            nb_buf_free(&perr);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
        nb_buf_free(&perr);
        p.pat = pat;
        p.syntax = explain;
        for (size_t k = 0; k < n_out; k++) p.syntax |= outs[k].format == FMT_EXPLAIN;
    }

    nb_status scan = nb_scan(inputs, n_in, &list, on_report, NULL);
    for (size_t i = 0; i < list.n; i++) {
        for (size_t k = 0; k < n_out; k++) {
            if (same_file(list.items[i].path, outs[k].path)) {
                say(outs[k].path, "output would overwrite an input article");
                rc = EXIT_USAGE;
                goto cleanup;
            }
        }
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
    for (size_t i = 0; i < list.n; i++) nb_pipeline_file(&p, list.items[i].path, list.items[i].relpath);

    if (p.read == 0) {
        /* Nothing to show: an empty graph would only replace good old outputs. */
        if (!quiet) summary(&p, &p.net, &list);
        fprintf(stderr, "netbuild: no article could be read: nothing written, old outputs kept\n");
        rc = scan != NB_OK ? EXIT_IO : EXIT_SKIPPED;
        goto cleanup;
    }
    nb_network_finish(&p.net, !all_actors);
    if (nb_analyze_with(&p.net, seed, metrics, exact_nodes, NULL) != NB_OK) {
        fprintf(stderr, "netbuild: network analysis failed; metrics are written as 0\n");
        rc = EXIT_IO;
    }
    for (size_t i = 0; i < n_out; i++)
        if (write_one(&p.net, &outs[i]) != NB_OK) rc = EXIT_IO;
    if (explain) {
        output o = {"-", FMT_EXPLAIN};
        if (write_one(&p.net, &o) != NB_OK) rc = EXIT_IO;
    }
    if (!quiet) summary(&p, &p.net, &list);
    if (rc == 0 && scan != NB_OK) rc = EXIT_IO;
    if (rc == 0 && (p.skipped || list.skipped)) rc = EXIT_SKIPPED;
cleanup:
    nb_buf_free(&err);
    free(defdict);
    free(defmodel);
    nb_patterns_free(pat);
    if (nlp_loaded) nb_nlp_free(&nlp);
    nb_input_list_free(&list);
    nb_pipeline_free(&p);
    free(outs);
    free(inputs);
    free(dicts);
    return rc;
}
