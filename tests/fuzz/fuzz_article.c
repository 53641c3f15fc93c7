/* fuzz_article.c - libFuzzer target: the input bytes are one article. They
 * go through nb_pipeline_text with the bundled dictionary (loaded once), then
 * nb_network_finish, nb_analyze and every writer (GraphML, DOT, explain,
 * GEXF, JSON, CSV, HTML) into memory; check.h asserts the network invariants and that every output is
 * well formed, and aborts on a violation.
 *
 * The dictionary is $NB_FUZZ_DICT, else $NETBUILD_DATA/actors.csv, else
 * data/actors.csv relative to the working folder; the tagger and parser
 * model comes from the same folder, and sentences that yield a relation are
 * parsed as in a run with --explain. Built and run by scripts/fuzz.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pipeline.h"
#include "text.h"

static nb_dict g_dict;
static nb_nlp g_nlp;
static nb_patterns *g_pat;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    nb_buf path = {0}, err = {0};
    const char *env = getenv("NB_FUZZ_DICT");
    const char *data = getenv("NETBUILD_DATA");
    if (env && *env) nb_buf_puts(&path, env);
    else if (data && *data) nb_buf_printf(&path, "%s/actors.csv", data);
    else nb_buf_puts(&path, "data/actors.csv");
    nb_dict_init(&g_dict);
    if (nb_dict_load(&g_dict, path.data, &err) != NB_OK) {
        fprintf(stderr, "fuzz_article: cannot load the dictionary: %s\n", err.data);
        exit(1);
    }
    const char *dir = data && *data ? data : "data";
    nb_buf_clear(&path);
    nb_buf_printf(&path, "%s/" NB_NLP_FILE, dir);
    char why[256];
    if (nb_nlp_load(&g_nlp, path.data, why, sizeof why) != NB_OK) {
        fprintf(stderr, "fuzz_article: cannot load the model %s: %s\n", path.data, why);
        exit(1);
    }
    /* the tree patterns and their lexicons, as a run loads them */
    nb_buf pp = {0}, cp = {0}, np = {0};
    nb_buf_printf(&pp, "%s/patterns", dir);
    nb_buf_printf(&cp, "%s/cues.tsv", dir);
    nb_buf_printf(&np, "%s/negative.tsv", dir);
    nb_buf_clear(&err);
    if (nb_patterns_load(&g_pat, &g_nlp, pp.data, cp.data, np.data, &err) != NB_OK) {
        fprintf(stderr, "fuzz_article: cannot load the patterns: %s\n", err.data);
        exit(1);
    }
    nb_buf_free(&pp);
    nb_buf_free(&cp);
    nb_buf_free(&np);
    nb_buf_free(&path);
    nb_buf_free(&err);
    return 0;
}

/* Every evidence offset is where its sentence starts in the article's own
 * bytes: an ASCII letter or digit that opens the sentence is found there, in
 * whatever encoding the article was read. */
static void chk_offsets(const nb_network *net, const uint8_t *data, size_t size)
{
    nb_clean c;
    nb_clean_text(&c, (const char *)data, size);
    int enc = c.encoding;
    /* the whole map: in order, inside the article */
    for (size_t k = 0, prev = 0; k <= c.len; k++) {
        size_t o = nb_clean_orig_offset(&c, k);
        if (o < prev || o > size)
            chk_fail("offset map", (const char *)data, size, 0, "clean %zu -> %zu after %zu", k, o, prev);
        prev = o;
    }
    nb_clean_free(&c);
    for (size_t i = 0; i < net->n_edges; i++) {
        const nb_edge *e = &net->edges[i];
        for (size_t k = 0; k < e->n_ev; k++) {
            size_t o = e->ev[k].offset;
            unsigned char ch = (unsigned char)e->ev[k].sentence[0];
            if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
                continue;
            bool ok = enc == 1   ? o + 1 < size && data[o] == ch && data[o + 1] == 0
                      : enc == 2 ? o + 1 < size && data[o] == 0 && data[o + 1] == ch
                                 : o < size && data[o] == ch;
            if (!ok)
                chk_fail("evidence offset", (const char *)data, size, o < size ? o : 0,
                         "'%c' (encoding %d) is not at byte %zu", ch, enc, o);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_dict_free(&p.dict);
    p.dict = g_dict; /* borrowed: the pipeline only reads it */
    p.nlp = &g_nlp;
    p.pat = g_pat;
    p.syntax = true;
    nb_pipeline_text(&p, "fuzz.txt", (const char *)data, size);
    /* keep isolated actors on odd sizes, so both finish modes run */
    nb_network_finish(&p.net, (size & 1) == 0);
    chk_all(&p.net, size);
    chk_offsets(&p.net, data, size);
    nb_dict_init(&p.dict); /* give the dictionary back before freeing */
    nb_pipeline_free(&p);
    return 0;
}
