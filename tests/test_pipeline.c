/* test_pipeline.c - nb_pipeline_file's handling of what it is handed: a
 * FIFO in place of the scanned file, NUL padding, byte-identical copies,
 * netbuild's own outputs and provenance escaping; nb_pipeline_files on
 * threads against one thread. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline.h"

typedef struct {
    char dir[64];
    nb_pipeline p;
    nb_buf log;
} fixture;

static void on_report(void *ctx, const char *path, const char *reason)
{
    fixture *f = ctx;
    const char *base = strrchr(path, '/');
    nb_buf_printf(&f->log, "%s: %s\n", base ? base + 1 : path, reason);
}

static int setup(void **state)
{
    fixture *f = nb_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/nb_test_pipeline_XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
    nb_pipeline_init(&f->p);
    f->p.report = on_report;
    f->p.report_ctx = f;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    nb_pipeline_free(&f->p);
    nb_buf_free(&f->log);
    free(f);
    return rc == 0 ? 0 : -1;
}

static char *put(const fixture *f, const char *name, const char *data, size_t n)
{
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/%s", f->dir, name);
    FILE *fp = fopen(b.data, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    fclose(fp);
    return nb_buf_detach(&b);
}

/* A FIFO with no writer (a file swapped after the scan) is refused at once,
 * not waited on. */
static void test_fifo_refused(void **state)
{
    fixture *f = *state;
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/swapped.txt", f->dir);
    assert_int_equal(mkfifo(b.data, 0644), 0);
    alarm(10); /* a blocking open would hang the test: fail it instead */
    assert_int_equal(nb_pipeline_file(&f->p, b.data, "swapped.txt"), NB_ERR_INPUT);
    alarm(0);
    assert_int_equal(f->p.skipped, 1);
    assert_int_equal(f->p.read, 0);
    assert_string_equal(f->log.data, "swapped.txt: not a regular file (FIFO)\n");
    nb_buf_free(&b);
}

static void test_nul_padding(void **state)
{
    fixture *f = *state;
    size_t n = 22 + 10000 + 30;
    char *data = nb_calloc(1, n);
    memcpy(data, "Iran funds Hezbollah. ", 22);
    memcpy(data + 22 + 10000, "Russia funds Wagner Group now.", 30);
    char *path = put(f, "pad.txt", data, n);
    assert_int_equal(nb_pipeline_file(&f->p, path, "pad.txt"), NB_OK);
    assert_int_equal(f->p.read, 1);
    assert_int_equal(f->p.truncated, 1);
    assert_int_equal(f->p.bytes, 22);
    assert_non_null(strstr(f->log.data, "pad.txt: NUL padding from byte 22 on"));
    /* only NULs: nothing to read */
    memset(data, 0, n);
    char *zero = put(f, "zero.txt", data, n);
    assert_int_equal(nb_pipeline_file(&f->p, zero, "zero.txt"), NB_ERR_INPUT);
    assert_int_equal(f->p.skipped, 1);
    free(zero);
    free(path);
    free(data);
}

static void test_copies_and_outputs(void **state)
{
    fixture *f = *state;
    const char *text = "Iran funds Hezbollah.\n";
    char *a = put(f, "a.txt", text, strlen(text));
    char *b = put(f, "b;@].txt", text, strlen(text));
    const char *explain = "Iran --funds--> Hezbollah  (1 mention in 1 article)\n    a.txt @ byte 0\n";
    char *e = put(f, "notes.txt", explain, strlen(explain));
    nb_buf err = {0};
    assert_int_equal(nb_dict_load(&f->p.dict, getenv("NB_DICT") ? getenv("NB_DICT") : "data/actors.csv", &err), NB_OK);
    nb_buf_free(&err);
    assert_int_equal(nb_pipeline_file(&f->p, a, "a.txt"), NB_OK);
    assert_int_equal(nb_pipeline_file(&f->p, b, "b;@].txt"), NB_OK);
    assert_int_equal(nb_pipeline_file(&f->p, e, "notes.txt"), NB_OK);
    assert_int_equal(f->p.read, 1);
    assert_int_equal(f->p.duplicates, 1);
    assert_int_equal(f->p.own_outputs, 1);
    assert_int_equal(f->p.net.n_articles, 1);
    assert_string_equal(f->p.net.copies[0], "b%3B%40%5D.txt");
    assert_int_equal(f->p.net.n_edges, 1);
    assert_int_equal(f->p.net.edges[0].weight, 1);
    free(a);
    free(b);
    free(e);
}

/* nb_pipeline_files on 3 threads: the network, reports and counts of one
 * thread, with names that later articles resolve against earlier ones, a
 * copy, an empty and a binary file among the articles. */
static void test_threads_same(void **state)
{
    fixture *f = *state;
    static const char *const texts[] = {
        "Commander Tavrek Ozundalo said the Kelvari Liberation Front attacked Miravon.\n",
        "Ozundalo condemned the Kelvari Liberation Front. Iran funds Hezbollah.\n",
        "Iran funds Hezbollah.\n",
        "",
        "\177ELF\001\002binary",
        "The Kelvari Liberation Front funds the Dostavan Brigade, Tavrek Ozundallo said.\n",
        "Iran funds Hezbollah.\n",
        "Dostavan Brigade fighters attacked the Kelvari Liberation Front.\n",
    };
    size_t n = sizeof texts / sizeof texts[0];
    nb_input_list list = {0};
    for (size_t i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "t%zu.txt", i);
        nb_grow(&list.items, &list.cap, list.n + 1, sizeof *list.items);
        list.items[list.n].path = put(f, name, texts[i], strlen(texts[i]));
        list.items[list.n++].relpath = nb_strdup(name);
    }
    nb_buf err = {0};
    const char *dict = getenv("NB_DICT") ? getenv("NB_DICT") : "data/actors.csv";
    fixture g = {0};
    nb_pipeline_init(&g.p);
    g.p.report = on_report;
    g.p.report_ctx = &g;
    assert_int_equal(nb_dict_load(&f->p.dict, dict, &err), NB_OK);
    assert_int_equal(nb_dict_load(&g.p.dict, dict, &err), NB_OK);
    nb_pipeline_files(&f->p, &list, 1, NULL, NULL);
    nb_pipeline_files(&g.p, &list, 3, NULL, NULL);
    assert_string_equal(f->log.data, g.log.data);
    assert_int_equal(f->p.read, 5);
    assert_int_equal(f->p.duplicates, 1);
    assert_int_equal(f->p.skipped, 2);
    assert_int_equal(g.p.read, f->p.read);
    assert_int_equal(g.p.duplicates, f->p.duplicates);
    assert_int_equal(g.p.skipped, f->p.skipped);
    assert_true(f->p.names.n > 0); /* the articles met in the name table */
    assert_int_equal(g.p.names.n, f->p.names.n);
    assert_int_equal(g.p.net.n_nodes, f->p.net.n_nodes);
    assert_int_equal(g.p.net.n_edges, f->p.net.n_edges);
    for (size_t i = 0; i < f->p.net.n_nodes; i++)
        assert_string_equal(g.p.net.nodes[i].label, f->p.net.nodes[i].label);
    for (size_t i = 0; i < f->p.net.n_edges; i++) {
        assert_int_equal(g.p.net.edges[i].src, f->p.net.edges[i].src);
        assert_int_equal(g.p.net.edges[i].dst, f->p.net.edges[i].dst);
        assert_int_equal(g.p.net.edges[i].weight, f->p.net.edges[i].weight);
    }
    nb_pipeline_free(&g.p);
    nb_buf_free(&g.log);
    nb_buf_free(&err);
    nb_input_list_free(&list);
}

static void test_provenance(void **state)
{
    (void)state;
    char *s = nb_provenance("x/a;b@c[d]e|f%g.txt");
    assert_string_equal(s, "x/a%3Bb%40c%5Bd%5De%7Cf%25g.txt");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fifo_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_padding, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copies_and_outputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_provenance, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads_same, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
