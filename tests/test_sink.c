/* test_sink.c - atomic output: temp file + rename, abort, error paths
 * (/dev/full, file size limit, missing folder), and XML/DOT escaping. */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sink.h"

typedef struct {
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = nb_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/nb_test_sink_XXXXXX");
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

static char *path_in(const fixture *f, const char *name)
{
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/%s", f->dir, name);
    return nb_buf_detach(&b);
}

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    nb_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) nb_buf_put(&b, chunk, n);
    fclose(fp);
    return nb_buf_detach(&b);
}

static void spit(const char *path, const char *data)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(data, fp);
    assert_int_equal(fclose(fp), 0);
}

/* Number of entries in dir whose name contains needle. */
static size_t count_entries(const char *dir, const char *needle)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && strstr(de->d_name, needle)) n++;
    closedir(d);
    return n;
}

static void test_write_rename(void **state)
{
    fixture *f = *state;
    char *path = path_in(f, "net.graphml");
    mode_t old_mask = umask(022);
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, path), NB_OK);
    assert_int_equal(s.err, 0);
    /* While writing, only the temporary file exists, beside the target. */
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(count_entries(f->dir, NB_SINK_TMP_PREFIX), 1);
    assert_int_equal(count_entries(f->dir, ".graphml"), 1); /* the temporary keeps the extension */

    nb_sink_puts(&s, "<graph>");
    nb_sink_write(&s, "\n", 1);
    nb_sink_write(&s, "ignored", 0);
    nb_sink_printf(&s, "%d %s %.2f\n", 42, "edges", 0.5);
    nb_sink_puts(&s, "");
    assert_int_equal(nb_sink_close(&s), NB_OK);
    umask(old_mask);

    char *got = slurp(path);
    assert_non_null(got);
    assert_string_equal(got, "<graph>\n42 edges 0.50\n");
    free(got);
    assert_int_equal(count_entries(f->dir, ".tmp"), 0);
    assert_int_equal(count_entries(f->dir, ""), 1);
    /* Outputs are ordinary files: 0666 minus the umask, not mkstemp's 0600. */
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    free(path);
}

static void test_replace_existing(void **state)
{
    fixture *f = *state;
    char *path = path_in(f, "net.dot");
    spit(path, "OLD CONTENT\n");
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, path), NB_OK);
    nb_sink_puts(&s, "digraph {}\n");
    /* The old file stays whole until close. */
    char *got = slurp(path);
    assert_string_equal(got, "OLD CONTENT\n");
    free(got);
    assert_int_equal(nb_sink_close(&s), NB_OK);
    got = slurp(path);
    assert_string_equal(got, "digraph {}\n");
    free(got);
    assert_int_equal(count_entries(f->dir, ".tmp"), 0);
    free(path);
}

static void test_large_output(void **state)
{
    fixture *f = *state;
    char *path = path_in(f, "big.txt");
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, path), NB_OK);
    char line[64];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(line, sizeof line, "line %05d\n", i);
        nb_sink_write(&s, line, (size_t)n);
    }
    assert_int_equal(nb_sink_close(&s), NB_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, 20000 * 11);
    free(path);
}

static void test_abort(void **state)
{
    fixture *f = *state;
    char *old = path_in(f, "old.graphml");
    char *fresh = path_in(f, "fresh.graphml");
    spit(old, "KEEP ME\n");

    nb_sink s;
    assert_int_equal(nb_sink_open(&s, old), NB_OK);
    nb_sink_puts(&s, "half-written <graph");
    nb_sink_abort(&s);
    char *got = slurp(old);
    assert_string_equal(got, "KEEP ME\n");
    free(got);

    assert_int_equal(nb_sink_open(&s, fresh), NB_OK);
    nb_sink_puts(&s, "partial");
    nb_sink_abort(&s);
    assert_int_equal(access(fresh, F_OK), -1);

    /* An aborted sink that never wrote anything leaves nothing either. */
    assert_int_equal(nb_sink_open(&s, fresh), NB_OK);
    nb_sink_abort(&s);
    assert_int_equal(access(fresh, F_OK), -1);

    assert_int_equal(count_entries(f->dir, ".tmp"), 0);
    assert_int_equal(count_entries(f->dir, ""), 1);
    free(old);
    free(fresh);
}

static void test_open_missing_dir(void **state)
{
    fixture *f = *state;
    char *path = path_in(f, "no/such/dir/out.graphml");
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, path), NB_ERR_IO);
    assert_int_equal(s.err, ENOENT);
    assert_null(s.fp);
    /* The failed sink owns nothing (LeakSanitizer checks), and closing or
     * aborting it anyway is harmless. */
    assert_int_equal(nb_sink_close(&s), NB_ERR_IO);
    assert_int_equal(nb_sink_open(&s, path), NB_ERR_IO);
    nb_sink_abort(&s);
    assert_int_equal(nb_sink_open(&s, path), NB_ERR_IO);
    free(path);
}

static void test_dev_full(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK) != 0) skip();
    size_t before = count_entries("/dev", "full.tmp");

    /* A small write fails only at the final flush. */
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, "/dev/full"), NB_OK);
    assert_null(s.tmp_path); /* a device is written in place, never renamed */
    nb_sink_puts(&s, "<graph/>\n");
    assert_int_equal(nb_sink_close(&s), NB_ERR_IO);
    assert_int_equal(s.err, ENOSPC);

    /* A large one fails while writing; the error is sticky. */
    assert_int_equal(nb_sink_open(&s, "/dev/full"), NB_OK);
    char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 64; i++) nb_sink_write(&s, chunk, sizeof chunk);
    assert_int_equal(s.err, ENOSPC);
    nb_sink_printf(&s, "%s", "more");
    nb_sink_xml(&s, "more");
    nb_sink_dot(&s, "more");
    assert_int_equal(s.err, ENOSPC);
    assert_int_equal(nb_sink_close(&s), NB_ERR_IO);
    assert_int_equal(s.err, ENOSPC);

    /* No temporary file was left beside the device. */
    assert_int_equal(count_entries("/dev", "full.tmp"), before);
}

/* A regular file that hits the file size limit behaves like a full disk:
 * NB_ERR_IO, the temporary file is removed and the old file is intact. */
static void test_file_too_big(void **state)
{
    fixture *f = *state;
    char *old = path_in(f, "old.dot");
    char *fresh = path_in(f, "fresh.dot");
    spit(old, "OLD\n");
    struct rlimit saved, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
    void (*saved_sig)(int) = signal(SIGXFSZ, SIG_IGN);
    lim = saved;
    lim.rlim_cur = 8192;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);

    char chunk[1000];
    memset(chunk, 'y', sizeof chunk);
    const char *targets[] = {old, fresh};
    nb_status st[2];
    int err[2];
    for (int k = 0; k < 2; k++) {
        nb_sink s;
        assert_int_equal(nb_sink_open(&s, targets[k]), NB_OK);
        for (int i = 0; i < 100; i++) nb_sink_write(&s, chunk, sizeof chunk);
        st[k] = nb_sink_close(&s);
        err[k] = s.err;
    }
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &saved), 0);
    signal(SIGXFSZ, saved_sig);

    for (int k = 0; k < 2; k++) {
        assert_int_equal(st[k], NB_ERR_IO);
        assert_int_equal(err[k], EFBIG);
    }
    char *got = slurp(old);
    assert_string_equal(got, "OLD\n");
    free(got);
    assert_int_equal(access(fresh, F_OK), -1);
    assert_int_equal(count_entries(f->dir, ".tmp"), 0);
    free(old);
    free(fresh);
}

/* Runs fn(sink, in) over a memory stream and returns what it wrote. */
static char *capture(void (*fn)(nb_sink *, const char *), const char *in)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    assert_non_null(mem);
    nb_sink s;
    nb_sink_wrap(&s, mem);
    fn(&s, in);
    assert_int_equal(nb_sink_close(&s), NB_OK);
    /* A borrowed FILE stays open: writing to it still works. */
    assert_true(fputc('|', mem) == '|');
    assert_int_equal(fclose(mem), 0);
    assert_true(len >= 1 && data[len - 1] == '|');
    data[len - 1] = '\0';
    return data;
}

static void expect(void (*fn)(nb_sink *, const char *), const char *in, const char *want)
{
    char *got = capture(fn, in);
    assert_string_equal(got, want);
    free(got);
}

static void test_xml_escape(void **state)
{
    (void)state;
    expect(nb_sink_xml, "", "");
    expect(nb_sink_xml, "Kata'ib Hezbollah", "Kata&apos;ib Hezbollah");
    expect(nb_sink_xml, "<a href=\"x\">A & B</a>",
           "&lt;a href=&quot;x&quot;&gt;A &amp; B&lt;/a&gt;");
    expect(nb_sink_xml, "&amp;", "&amp;amp;");
    expect(nb_sink_xml, "<<>>", "&lt;&lt;&gt;&gt;");
    /* Controls become one space; DEL and C1 controls vanish. */
    expect(nb_sink_xml, "line\nbreak\r\n\ttab", "line break tab");
    expect(nb_sink_xml, "a\x01\x1b" "b\x7f" "c\xc2\x85" "d", "a bcd");
    /* Invalid UTF-8 becomes U+FFFD; valid multi-byte text is kept. */
    expect(nb_sink_xml, "bad\xff!", "bad\xef\xbf\xbd!");
    expect(nb_sink_xml, "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");
    expect(nb_sink_xml, "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    expect(nb_sink_xml, "\xc3\x9c" "ber & \xe2\x9c\x93", "\xc3\x9c" "ber &amp; \xe2\x9c\x93");
    /* Bidi overrides and non-characters never reach the file. */
    expect(nb_sink_xml, "abc\xe2\x80\xae" "def\xe2\x80\xac\xef\xbf\xbe", "abcdef");
}

static void test_dot_escape(void **state)
{
    (void)state;
    expect(nb_sink_dot, "", "");
    expect(nb_sink_dot, "plain label", "plain label");
    expect(nb_sink_dot, "say \"hi\"", "say \\\"hi\\\"");
    expect(nb_sink_dot, "back\\slash\\", "back\\\\slash\\\\");
    expect(nb_sink_dot, "\\N \\G \\l", "\\\\N \\\\G \\\\l");
    expect(nb_sink_dot, "\"\\\"", "\\\"\\\\\\\"");
    /* DOT's own syntax inside quotes needs no escaping. */
    expect(nb_sink_dot, "{x} -> [y]; <b>", "{x} -> [y]; <b>");
    expect(nb_sink_dot, "two\nlines\x01", "two lines ");
    expect(nb_sink_dot, "bad\xfe", "bad\xef\xbf\xbd");
}

static void test_borrowed_error(void **state)
{
    fixture *f = *state;
    char *path = path_in(f, "readonly.txt");
    spit(path, "x");
    FILE *ro = fopen(path, "r");
    assert_non_null(ro);
    nb_sink s;
    nb_sink_wrap(&s, ro);
    assert_true(s.borrowed);
    /* Large enough that stdio must hand it to write(2), which fails. */
    char chunk[70000];
    memset(chunk, 'z', sizeof chunk);
    nb_sink_write(&s, chunk, sizeof chunk);
    assert_int_not_equal(s.err, 0);
    assert_int_equal(nb_sink_close(&s), NB_ERR_IO);
    /* The FILE still belongs to us: closing it must not be a double close. */
    fclose(ro);
    free(path);
}

/* A replaced file keeps its mode; a link keeps pointing at its target, which
 * gets the new content; a read-only file is refused; a 254-byte name fits. */
static void test_replace_semantics(void **state)
{
    fixture *f = *state;
    char *path = path_in(f, "private.dot");
    spit(path, "OLD\n");
    chmod(path, 0640);
    nb_sink s;
    assert_int_equal(nb_sink_open(&s, path), NB_OK);
    nb_sink_puts(&s, "NEW\n");
    assert_int_equal(nb_sink_close(&s), NB_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);

    char *link = path_in(f, "link.dot");
    assert_int_equal(symlink("private.dot", link), 0);
    assert_int_equal(nb_sink_open(&s, link), NB_OK);
    nb_sink_puts(&s, "VIA LINK\n");
    assert_int_equal(nb_sink_close(&s), NB_OK);
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *got = slurp(path);
    assert_string_equal(got, "VIA LINK\n");
    free(got);

    chmod(path, 0444);
    nb_buf why = {0};
    assert_int_equal(nb_sink_check(path, &why), NB_ERR_IO);
    assert_non_null(strstr(why.data, "read-only"));
    assert_int_equal(nb_sink_open(&s, path), NB_ERR_IO);
    assert_int_equal(s.err, EACCES);
    got = slurp(path);
    assert_string_equal(got, "VIA LINK\n");
    free(got);

    char name[255];
    memset(name, 'n', 254 - 8);
    memcpy(name + 254 - 8, ".graphml", 9);
    char *longp = path_in(f, name);
    assert_int_equal(nb_sink_check(longp, &why), NB_OK);
    assert_int_equal(nb_sink_open(&s, longp), NB_OK);
    nb_sink_puts(&s, "x\n");
    assert_int_equal(nb_sink_close(&s), NB_OK);
    assert_int_equal(access(longp, F_OK), 0);
    assert_int_equal(count_entries(f->dir, ".tmp"), 0);
    nb_buf_free(&why);
    free(longp);
    free(link);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_rename, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_existing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_output, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abort, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_missing_dir, setup, teardown),
        cmocka_unit_test(test_dev_full),
        cmocka_unit_test_setup_teardown(test_file_too_big, setup, teardown),
        cmocka_unit_test(test_xml_escape),
        cmocka_unit_test(test_dot_escape),
        cmocka_unit_test_setup_teardown(test_borrowed_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replace_semantics, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
