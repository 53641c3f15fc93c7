/* fuzz_model.c - libFuzzer target: the input bytes are a model file. Loading
 * must succeed or fail with NB_ERR_INPUT and a message, never crash or read
 * outside the bytes; a model that loads must tag, lemmatize and parse a few
 * sentences into valid trees. The corpus starts from small models trained by
 * scripts/fuzz.sh. Built and run by scripts/fuzz.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "nlp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_one(const nb_nlp *m, const char *text)
{
    nb_sent s = {0};
    size_t i = 0, n = strlen(text);
    while (i < n) {
        size_t j = i;
        while (j < n && text[j] != ' ') j++;
        nb_sent_add(&s, text + i, (uint32_t)i, (uint32_t)(j - i));
        i = j + 1;
    }
    nb_nlp_analyze(m, &s, true);
    size_t roots = 0;
    for (size_t k = 0; k < s.n; k++) {
        int h = s.w[k].head;
        if (h < 0 || (size_t)h > s.n || s.w[k].tag >= m->n_tags || s.w[k].label >= m->n_labels) abort();
        roots += h == 0;
        (void)nb_sent_lemma(&s, k);
    }
    if (s.n && roots != 1) abort();
    nb_sent_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nb_nlp m;
    char err[256];
    err[0] = '\0';
    nb_status st = nb_nlp_load_mem(&m, data, size, err, sizeof err);
    if (st != NB_OK) {
        if (st != NB_ERR_INPUT || !err[0]) abort();
        return 0;
    }
    parse_one(&m, "Rebels attacked the town on Sunday , killing ten soldiers .");
    parse_one(&m, "Iran 's leader condemned the strikes");
    nb_nlp_free(&m);
    return 0;
}
