/* main.c - parses options and dispatches: scan, pipeline, network, analyze,
 * writers. Exit codes are documented in usage() and the README. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
          "                        extension (.graphml, .dot/.gv, .txt) or --format.\n"
          "                        Repeat for several outputs. '-' writes to stdout.\n"
          "  -f, --format FMT      graphml, dot or explain, for the next -o\n"
          "      --explain         print every edge with its evidence and tree path to stdout\n"
          "      --conllu          print the analysis of every sentence (tokens, lemmas,\n"
          "                        tags, dependency tree, byte offsets) as CoNLL-U\n"
          "      --model FILE      use another tagger and parser model (data/en_ewt.nbm)\n"
          "  -a, --actors FILE     add a user dictionary (CSV: name,kind,aliases[,demonyms])\n"
          "      --no-default-actors  do not load the bundled dictionary\n"
          "      --all-actors      keep actors that take part in no relation\n"
          "      --seed N          random seed for communities and layout (default 42)\n"
          "  -q, --quiet           no summary on stderr\n"
          "  -h, --help            show this help\n"
          "  -V, --version         show the version\n"
          "\n"
          "Exit status: 0 success; 1 some inputs were skipped (reported on stderr);\n"
          "2 usage error; 3 an input or output could not be read or written;\n"
          "4 an actor dictionary or the model is malformed.\n",
          fp);
}

static fmt format_of(const output *o)
{
    if (o->format != FMT_AUTO) return o->format;
    const char *dot = strrchr(o->path, '.');
    if (dot && (!strcmp(dot, ".dot") || !strcmp(dot, ".gv"))) return FMT_DOT;
    if (dot && !strcmp(dot, ".txt")) return FMT_EXPLAIN;
    return FMT_GRAPHML;
}

static void on_report(void *ctx, const char *path, const char *reason)
{
    (void)ctx;
    /* A file name may hold escape sequences or newlines: print it clean. */
    char *safe = nb_text_sanitize(path, strlen(path));
    fprintf(stderr, "netbuild: %s: %s\n", safe, reason);
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
    if (!strcmp(a, b) || same_file(a, b)) return true;
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
        fprintf(stderr, "netbuild: %s: cannot write: %s\n", o->path, strerror(s.err));
        return st;
    }
    switch (format_of(o)) {
    case FMT_DOT: st = nb_write_dot(net, &s); break;
    case FMT_EXPLAIN: st = nb_write_explain(net, &s); break;
    default: st = nb_write_graphml(net, &s); break;
    }
    if (st != NB_OK) {
        int err = s.err;
        if (!std) nb_sink_abort(&s);
        fprintf(stderr, "netbuild: %s: write failed: %s\n", o->path, strerror(err ? err : EIO));
        return NB_ERR_IO;
    }
    st = nb_sink_close(&s);
    if (st != NB_OK)
        fprintf(stderr, "netbuild: %s: write failed: %s\n", o->path, strerror(s.err ? s.err : EIO));
    return st;
}

static void summary(const nb_pipeline *p, const nb_network *net, size_t scan_skipped)
{
    fprintf(stderr, "netbuild: %zu article(s) read, %zu skipped, %.1f KB, %zu sentences (%zu tagged, %zu parsed)\n",
            p->read, p->skipped + scan_skipped, (double)p->bytes / 1024.0, p->sentences, p->tagged, p->parsed);
    size_t per[NB_REL_COUNT] = {0};
    for (size_t i = 0; i < net->n_edges; i++) per[net->edges[i].rel]++;
    fprintf(stderr, "netbuild: %zu actors, %zu edges (funds %zu, commands %zu, condemns %zu, attacked %zu)\n",
            net->n_nodes, net->n_edges, per[0], per[1], per[2], per[3]);
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
    char *defmodel = NULL, *cues = NULL;
    nb_nlp nlp = {0};
    bool nlp_loaded = false;
    unsigned long seed = 42;
    fmt next = FMT_AUTO;
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_input_list list = {0};
    char *defdict = NULL;
    nb_buf err = {0};

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            goto cleanup;
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("netbuild %s\n", NB_VERSION);
            goto cleanup;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = true;
        } else if (!strcmp(a, "--explain")) {
            explain = true;
        } else if (!strcmp(a, "--conllu")) {
            conllu = true;
        } else if (!strcmp(a, "--model")) {
            if (!val) {
                fprintf(stderr, "netbuild: %s needs a value\n", a);
                rc = EXIT_USAGE;
                goto cleanup;
            }
            model_path = argv[++i];
        } else if (!strcmp(a, "--all-actors")) {
            all_actors = true;
        } else if (!strcmp(a, "--no-default-actors")) {
            no_default = true;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "-f") ||
                   !strcmp(a, "--format") || !strcmp(a, "-a") || !strcmp(a, "--actors") ||
                   !strcmp(a, "--seed")) {
            if (!val) {
                fprintf(stderr, "netbuild: %s needs a value\n", a);
                rc = EXIT_USAGE;
                goto cleanup;
            }
            i++;
            if (a[1] == 'o' || !strcmp(a, "--output")) {
                outs[n_out].path = val;
                outs[n_out++].format = next;
                next = FMT_AUTO;
            } else if (a[1] == 'f' || !strcmp(a, "--format")) {
                if (!strcmp(val, "graphml")) next = FMT_GRAPHML;
                else if (!strcmp(val, "dot")) next = FMT_DOT;
                else if (!strcmp(val, "explain")) next = FMT_EXPLAIN;
                else {
                    fprintf(stderr, "netbuild: unknown format '%s' (graphml, dot, explain)\n", val);
                    rc = EXIT_USAGE;
                    goto cleanup;
                }
            } else if (!strcmp(a, "--seed")) {
                char *end;
                errno = 0;
                seed = strtoul(val, &end, 10);
                if (errno || *end || !*val) {
                    fprintf(stderr, "netbuild: --seed wants a number\n");
                    rc = EXIT_USAGE;
                    goto cleanup;
                }
            } else {
                dicts[n_dict++] = val;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "netbuild: unknown option '%s' (try --help)\n", a);
            rc = EXIT_USAGE;
            goto cleanup;
        } else {
            inputs[n_in++] = a;
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
                fprintf(stderr, "netbuild: %s: named twice as output\n", outs[i].path);
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
            fprintf(stderr, "netbuild: %s: output would overwrite an actor dictionary\n", outs[k].path);
            rc = EXIT_USAGE;
            goto cleanup;
        }
    }
    if (!no_default) {
        nb_status st = nb_dict_load(&p.dict, defdict, &err);
        if (st != NB_OK) {
            fprintf(stderr, "netbuild: %s\n", err.data);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
    }
    for (size_t i = 0; i < n_dict; i++) {
        nb_status st = nb_dict_load(&p.dict, dicts[i], &err);
        if (st != NB_OK) {
            fprintf(stderr, "netbuild: %s\n", err.data);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
    }

    /* The tagger and parser, and the cue lemmas that decide what is parsed. */
    if (!model_path) model_path = defmodel = default_data(NB_NLP_FILE);
    {
        char why[256];
        nb_status st = nb_nlp_load(&nlp, model_path, why, sizeof why);
        if (st != NB_OK) {
            char *safe = nb_text_sanitize(model_path, strlen(model_path));
            fprintf(stderr, "netbuild: %s: cannot load the model: %s\n", safe, why);
            free(safe);
            rc = st == NB_ERR_IO ? EXIT_IO : EXIT_DATA;
            goto cleanup;
        }
        nlp_loaded = true;
        p.nlp = &nlp;
        cues = default_data("cues.tsv");
        if (nb_pipeline_load_cues(&p, cues) != NB_OK) {
            fprintf(stderr, "netbuild: %s: cannot read the cue lemmas: %s\n", cues, strerror(errno));
            rc = EXIT_IO;
            goto cleanup;
        }
    }

    nb_status scan = nb_scan(inputs, n_in, &list, on_report, NULL);
    for (size_t i = 0; i < list.n; i++) {
        for (size_t k = 0; k < n_out; k++) {
            if (same_file(list.items[i].path, outs[k].path)) {
                fprintf(stderr, "netbuild: %s: output would overwrite an input article\n", outs[k].path);
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
        if (rc == 0 && (p.skipped || list.skipped)) rc = EXIT_SKIPPED;
        goto cleanup;
    }
    for (size_t i = 0; i < list.n; i++) nb_pipeline_file(&p, list.items[i].path, list.items[i].relpath);

    nb_network_finish(&p.net, !all_actors);
    if (nb_analyze(&p.net, seed) != NB_OK) {
        fprintf(stderr, "netbuild: network analysis failed; metrics are written as 0\n");
        rc = EXIT_IO;
    }
    for (size_t i = 0; i < n_out; i++)
        if (write_one(&p.net, &outs[i]) != NB_OK) rc = EXIT_IO;
    if (explain) {
        output o = {"-", FMT_EXPLAIN};
        if (write_one(&p.net, &o) != NB_OK) rc = EXIT_IO;
    }
    if (!quiet) summary(&p, &p.net, list.skipped);
    if (rc == 0 && scan != NB_OK) rc = EXIT_IO;
    if (rc == 0 && (p.skipped || list.skipped)) rc = EXIT_SKIPPED;
    if (rc == 0 && p.read == 0) {
        fprintf(stderr, "netbuild: no article could be read\n");
        rc = EXIT_SKIPPED;
    }
cleanup:
    nb_buf_free(&err);
    free(defdict);
    free(defmodel);
    free(cues);
    if (nlp_loaded) nb_nlp_free(&nlp);
    nb_input_list_free(&list);
    nb_pipeline_free(&p);
    free(outs);
    free(inputs);
    free(dicts);
    return rc;
}
