/* fuzz_dict.c - libFuzzer target: the input bytes are a CSV actor
 * dictionary, loaded with nb_dict_load on top of a small fixed dictionary.
 * The load must succeed, or fail with NB_ERR_INPUT and a message of the form
 * "FILE:LINE:COLUMN: reason" (LINE inside the file, COLUMN >= 1, the reason
 * clean text). Then a small article made of the dictionary's names goes
 * through the pipeline, the analysis and every writer, checked by check.h.
 * Built and run by scripts/fuzz.sh. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "pipeline.h"
#include "util.h"

static char g_path[4096];
static int g_fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void remove_file(void) { unlink(g_path); }

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* in memory when possible: the file is rewritten for every input */
    g_fd = chk_tmpfile("dict", g_path, sizeof g_path);
    atexit(remove_file);
    return 0;
}

static void base_dict(nb_dict *d)
{
    size_t e = nb_dict_add(d, "Iran", NB_KIND_COUNTRY);
    nb_dict_add_alias(d, e, "Tehran", 0);
    nb_dict_add_alias(d, e, "Iranian", NB_ALIAS_DEMONYM);
    e = nb_dict_add(d, "Hezbollah", NB_KIND_GROUP);
    nb_dict_add_alias(d, e, "Hizbullah", 0);
    e = nb_dict_add(d, "United States", NB_KIND_COUNTRY);
    nb_dict_add_alias(d, e, "US", 0);
}

/* Checks "PATH:LINE:COLUMN: reason". */
static void check_error(const char *msg, const uint8_t *data, size_t size)
{
    size_t plen = strlen(g_path), mlen = strlen(msg);
    if (strncmp(msg, g_path, plen) != 0 || msg[plen] != ':')
        chk_fail("dictionary error", msg, mlen, 0, "does not start with the file name");
    const char *p = msg + plen + 1;
    char *end;
    errno = 0;
    unsigned long line = strtoul(p, &end, 10);
    if (end == p || *end != ':' || errno) chk_fail("dictionary error", msg, mlen, (size_t)(p - msg), "no line");
    p = end + 1;
    unsigned long col = strtoul(p, &end, 10);
    if (end == p || *end != ':' || end[1] != ' ' || !end[2])
        chk_fail("dictionary error", msg, mlen, (size_t)(p - msg), "no column or reason");
    size_t lines = 1;
    for (size_t i = 0; i < size; i++) lines += data[i] == '\n';
    if (line < 1 || line > lines)
        chk_fail("dictionary error", msg, mlen, 0, "line %lu outside a %zu-line file", line, lines);
    if (col < 1) chk_fail("dictionary error", msg, mlen, 0, "column %lu", col);
    chk_clean("dictionary error", end + 2, strlen(end + 2), false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (ftruncate(g_fd, 0) != 0 || pwrite(g_fd, data, size, 0) != (ssize_t)size) abort();
    nb_pipeline p;
    nb_pipeline_init(&p);
    base_dict(&p.dict);
    size_t base = p.dict.n;
    nb_buf err = {0};
    nb_status st = nb_dict_load(&p.dict, g_path, &err);
    if (st == NB_ERR_INPUT) check_error(err.data ? err.data : "", data, size);
    else if (st != NB_OK) chk_fail("nb_dict_load", err.data, err.len, 0, "status %d", (int)st);
    nb_buf_free(&err);
    for (size_t i = 0; i < p.dict.n; i++) {
        chk_str("dictionary name", p.dict.entries[i].name, false);
        if (p.dict.entries[i].kind <= NB_KIND_UNKNOWN || p.dict.entries[i].kind >= NB_KIND_COUNT)
            chk_fail("dictionary kind", NULL, 0, i, "kind %d", (int)p.dict.entries[i].kind);
    }
    /* Nothing new was loaded: the article below would be the same each time. */
    if (p.dict.n == base) {
        nb_pipeline_free(&p);
        return 0;
    }
    /* An article naming the newest actors (and the base ones). Names are
     * cut to 120 bytes (at a character boundary) so that a huge field does
     * not turn this into a slow article fuzzer. */
    nb_buf art = {0};
    char *name[4];
    for (size_t k = 0; k < 4; k++) {
        size_t i = p.dict.n > base + k ? p.dict.n - 1 - k : k % base;
        const char *nm = p.dict.entries[i].name;
        size_t n = strlen(nm);
        if (n > 120) {
            n = 120;
            while (n > 0 && ((unsigned char)nm[n] & 0xC0) == 0x80) n--;
        }
        name[k] = nb_strndup(nm, n);
    }
    nb_buf_printf(&art,
                  "%s funds %s. %s attacked %s on Monday. The %s government condemned %s.\n"
                  "%s, the leader of %s, commands %s. %s's forces attacked Hezbollah.\n",
                  name[0], name[1], name[2], name[3], name[0], name[2], name[1], name[3], name[0],
                  name[2]);
    for (size_t k = 0; k < 4; k++) free(name[k]);
    nb_pipeline_text(&p, "dict.txt", art.data, art.len);
    nb_network_finish(&p.net, (size & 1) == 0);
    chk_all(&p.net, art.len);
    nb_buf_free(&art);
    nb_pipeline_free(&p);
    return 0;
}
