/* test_scan.c - input expansion: recursive walk in sorted byte order, hidden
 * entries, relpaths, single files, and special entries (dangling links,
 * link loops, FIFOs) reported through the callback and skipped. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"

typedef struct {
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = nb_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/nb_test_scan_XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static char *join(const char *dir, const char *rel)
{
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/%s", dir, rel);
    return nb_buf_detach(&b);
}

static void mkfile(const char *dir, const char *rel)
{
    char *p = join(dir, rel);
    FILE *fp = fopen(p, "w");
    assert_non_null(fp);
    fputs("Iran said things.\n", fp);
    fclose(fp);
    free(p);
}

static void mkdir_in(const char *dir, const char *rel)
{
    char *p = join(dir, rel);
    assert_int_equal(mkdir(p, 0755), 0);
    free(p);
}

static void symlink_in(const char *dir, const char *target, const char *rel)
{
    char *p = join(dir, rel);
    assert_int_equal(symlink(target, p), 0);
    free(p);
}

/* Every report the scanner makes, in order. */
typedef struct {
    nb_buf log; /* "path\treason\n" lines */
    size_t n;
} reports;

static void on_report(void *ctx, const char *path, const char *reason)
{
    reports *r = ctx;
    nb_buf_printf(&r->log, "%s\t%s\n", path, reason);
    r->n++;
}

static void assert_list(const nb_input_list *list, const char *root, const char *const *rels,
                        size_t n)
{
    assert_int_equal(list->n, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(list->items[i].relpath, rels[i]);
        if (root) {
            char *want = join(root, rels[i]);
            assert_string_equal(list->items[i].path, want);
            free(want);
        }
    }
}

static void build_tree(const char *d)
{
    mkfile(d, "b.txt");
    mkfile(d, "a.txt");
    mkfile(d, "B.txt");
    mkfile(d, "a b.txt");
    mkfile(d, "\xc3\xa9t\xc3\xa9.txt");
    mkfile(d, ".hidden.txt");
    mkdir_in(d, ".git");
    mkfile(d, ".git/config");
    mkdir_in(d, "sub");
    mkfile(d, "sub/z.txt");
    mkfile(d, "sub/c.txt");
    mkfile(d, "sub/.DS_Store");
    mkdir_in(d, "sub/deeper");
    mkfile(d, "sub/deeper/x.txt");
    mkdir_in(d, "sub/deeper/deepest");
    mkfile(d, "sub/deeper/deepest/y.txt");
    mkdir_in(d, "empty");
}

static const char *const TREE[] = {
    "B.txt", "a b.txt", "a.txt", "b.txt", "sub/c.txt", "sub/deeper/deepest/y.txt",
    "sub/deeper/x.txt", "sub/z.txt", "\xc3\xa9t\xc3\xa9.txt",
};
#define N_TREE (sizeof TREE / sizeof TREE[0])

static void test_tree(void **state)
{
    fixture *f = *state;
    build_tree(f->dir);
    nb_input_list list = {0};
    reports r = {{0}, 0};
    const char *paths[] = {f->dir};
    assert_int_equal(nb_scan(paths, 1, &list, on_report, &r), NB_OK);
    assert_list(&list, f->dir, TREE, N_TREE);
    assert_int_equal(list.skipped, 0);
    assert_int_equal(r.n, 0);
    /* The listed paths really are the files. */
    for (size_t i = 0; i < list.n; i++) assert_int_equal(access(list.items[i].path, R_OK), 0);
    nb_input_list_free(&list);
    assert_int_equal(list.n, 0);
    assert_null(list.items);
    nb_buf_free(&r.log);
}

static void test_trailing_slash(void **state)
{
    fixture *f = *state;
    build_tree(f->dir);
    nb_buf root = {0};
    nb_buf_printf(&root, "%s/", f->dir);
    nb_input_list list = {0};
    const char *paths[] = {root.data};
    assert_int_equal(nb_scan(paths, 1, &list, NULL, NULL), NB_OK);
    /* No doubled slash: the paths are the same as without the slash. */
    assert_list(&list, f->dir, TREE, N_TREE);
    nb_input_list_free(&list);
    nb_buf_free(&root);
}

static void test_single_file(void **state)
{
    fixture *f = *state;
    build_tree(f->dir);
    char *file = join(f->dir, "sub/deeper/x.txt");
    nb_input_list list = {0};
    const char *paths[] = {file};
    assert_int_equal(nb_scan(paths, 1, &list, NULL, NULL), NB_OK);
    assert_int_equal(list.n, 1);
    assert_string_equal(list.items[0].path, file);
    assert_string_equal(list.items[0].relpath, "x.txt");
    nb_input_list_free(&list);
    free(file);

    /* A hidden file named explicitly is read; a bare relative name keeps
     * itself as relpath. */
    int cwd = open(".", O_RDONLY);
    assert_true(cwd >= 0);
    assert_int_equal(chdir(f->dir), 0);
    const char *rel[] = {".hidden.txt", "a.txt"};
    nb_status st = nb_scan(rel, 2, &list, NULL, NULL);
    assert_int_equal(fchdir(cwd), 0);
    close(cwd);
    assert_int_equal(st, NB_OK);
    const char *want[] = {".hidden.txt", "a.txt"};
    assert_list(&list, NULL, want, 2);
    assert_string_equal(list.items[0].path, ".hidden.txt");
    nb_input_list_free(&list);
}

static void test_several_inputs(void **state)
{
    fixture *f = *state;
    build_tree(f->dir);
    char *sub = join(f->dir, "sub");
    char *a = join(f->dir, "a.txt");
    char *missing = join(f->dir, "missing");
    nb_input_list list = {0};
    reports r = {{0}, 0};
    /* Inputs keep their command-line order; a missing one is reported, the
     * others are still scanned, and the result says NB_ERR_IO. With several
     * inputs, each relpath starts with the input it was found under. */
    const char *paths[] = {sub, missing, a};
    assert_int_equal(nb_scan(paths, 3, &list, on_report, &r), NB_ERR_IO);
    char *w0 = join(sub, "c.txt"), *w1 = join(sub, "deeper/deepest/y.txt"),
         *w2 = join(sub, "deeper/x.txt"), *w3 = join(sub, "z.txt");
    const char *want[] = {w0, w1, w2, w3, a};
    assert_list(&list, NULL, want, 5);
    free(w0);
    free(w1);
    free(w2);
    free(w3);
    char *c = join(sub, "c.txt");
    assert_string_equal(list.items[0].path, c);
    free(c);
    assert_string_equal(list.items[4].path, a);
    assert_int_equal(r.n, 1);
    nb_buf want_log = {0};
    nb_buf_printf(&want_log, "%s\t%s\n", missing, strerror(ENOENT));
    assert_string_equal(r.log.data, want_log.data);
    nb_buf_free(&want_log);

    /* nb_scan appends to a list that already has items; a file already
     * listed is a duplicate, read once. */
    const char *again[] = {a};
    assert_int_equal(nb_scan(again, 1, &list, NULL, NULL), NB_OK);
    assert_int_equal(list.n, 5);
    assert_int_equal(list.duplicates, 1);
    char *b = join(f->dir, "b.txt");
    const char *more[] = {b};
    assert_int_equal(nb_scan(more, 1, &list, NULL, NULL), NB_OK);
    assert_int_equal(list.n, 6);
    assert_string_equal(list.items[5].relpath, "b.txt");
    free(b);

    nb_input_list_free(&list);
    nb_buf_free(&r.log);
    free(sub);
    free(a);
    free(missing);
}

static void test_specials(void **state)
{
    fixture *f = *state;
    const char *d = f->dir;
    mkfile(d, "good.txt");
    symlink_in(d, "good.txt", "filelink");      /* followed: a regular file */
    symlink_in(d, "nowhere.txt", "dangling");   /* target missing */
    symlink_in(d, "self", "self");              /* ELOOP */
    symlink_in(d, ".", "loop");                 /* back to the folder itself */
    mkdir_in(d, "sub");
    symlink_in(d, "..", "sub/up");              /* back to an ancestor */
    mkfile(d, "sub/inner.txt");
    char *fifo = join(d, "fifo");
    assert_int_equal(mkfifo(fifo, 0644), 0);

    nb_input_list list = {0};
    reports r = {{0}, 0};
    const char *paths[] = {d};
    assert_int_equal(nb_scan(paths, 1, &list, on_report, &r), NB_OK);
    /* The link and its target are one file, read once (first name wins). */
    const char *want[] = {"filelink", "sub/inner.txt"};
    assert_list(&list, d, want, 2);
    assert_int_equal(list.skipped, 5);
    assert_int_equal(list.duplicates, 1);
    assert_int_equal(r.n, 6);

    nb_buf log = {0};
    nb_buf_printf(&log, "%s/dangling\tdangling symbolic link\n", d);
    nb_buf_printf(&log, "%s/fifo\tnot a regular file (FIFO)\n", d);
    nb_buf_printf(&log, "%s/good.txt\tsame file as %s/filelink: read once\n", d, d);
    nb_buf_printf(&log, "%s/loop\tsymbolic link loop\n", d);
    nb_buf_printf(&log, "%s/self\tsymbolic link loop\n", d);
    nb_buf_printf(&log, "%s/sub/up\tsymbolic link loop\n", d);
    assert_string_equal(r.log.data, log.data);
    nb_buf_free(&log);
    nb_input_list_free(&list);

    /* Without a callback the entries are still skipped and counted. */
    assert_int_equal(nb_scan(paths, 1, &list, NULL, NULL), NB_OK);
    assert_int_equal(list.n, 2);
    assert_int_equal(list.skipped, 5);
    nb_input_list_free(&list);

    /* A dangling link named on the command line is an input error. */
    char *dangling = join(d, "dangling");
    const char *bad[] = {dangling};
    nb_buf_clear(&r.log);
    r.n = 0;
    assert_int_equal(nb_scan(bad, 1, &list, on_report, &r), NB_ERR_IO);
    assert_int_equal(list.n, 0);
    assert_int_equal(r.n, 1);
    nb_input_list_free(&list);

    free(dangling);
    free(fifo);
    nb_buf_free(&r.log);
}

static void test_empty(void **state)
{
    fixture *f = *state;
    nb_input_list list = {0};
    const char *paths[] = {f->dir};
    assert_int_equal(nb_scan(paths, 1, &list, NULL, NULL), NB_OK);
    assert_int_equal(list.n, 0);
    assert_int_equal(nb_scan(NULL, 0, &list, NULL, NULL), NB_OK);
    nb_input_list_free(&list);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_tree, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trailing_slash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_single_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_several_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_specials, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
