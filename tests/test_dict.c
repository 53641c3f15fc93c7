/* test_dict.c - name keys, spelling skeletons, edit distance, and the CSV
 * dictionary loader with its file:line:column error messages. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"

/* ---- name keys and skeletons -------------------------------------------- */

static void key_is(const char *name, const char *want)
{
    nb_buf out = {0};
    nb_name_key(name, strlen(name), &out);
    assert_non_null(out.data);
    assert_string_equal(out.data, want);
    assert_int_equal(out.len, strlen(want));
    nb_buf_free(&out);
}

static void test_name_key(void **state)
{
    (void)state;
    key_is("Iran", "iran");
    key_is("U.S.", "us");
    key_is("U.S.-led", "us led");
    key_is("Kata'ib Hezbollah", "kataib hezbollah");
    key_is("Abu Mahdi al-Muhandis", "abu mahdi al muhandis");
    key_is("  Islamic   Revolutionary\tGuard  Corps ", "islamic revolutionary guard corps");
    key_is("--Iran--", "iran");
    key_is("F-35", "f 35");
    key_is("", "");
    key_is("...", "");
    key_is("-- , --", "");
    /* Non-ASCII bytes are kept as they are. */
    key_is("\xc3\x9c" "ber Stra\xc3\x9f" "e", "\xc3\x9c" "ber stra\xc3\x9f" "e");

    /* Only n bytes are read, and the buffer is reset first. */
    nb_buf out = {0};
    nb_buf_puts(&out, "stale");
    nb_name_key("Iraq and more", 4, &out);
    assert_string_equal(out.data, "iraq");
    nb_buf_free(&out);
}

static char *skel(const char *name)
{
    nb_buf key = {0}, sk = {0};
    nb_name_key(name, strlen(name), &key);
    nb_name_skeleton(key.data, &sk);
    nb_buf_free(&key);
    return nb_buf_detach(&sk);
}

static void same_skel(const char *a, const char *b, bool same)
{
    char *x = skel(a), *y = skel(b);
    if (same && strcmp(x, y) != 0) fail_msg("\"%s\" (%s) and \"%s\" (%s) should meet", a, x, b, y);
    if (!same && strcmp(x, y) == 0) fail_msg("\"%s\" and \"%s\" should differ (%s)", a, b, x);
    free(x);
    free(y);
}

static void test_skeleton(void **state)
{
    (void)state;
    same_skel("Soleimani", "Suleimani", true);
    same_skel("Qassem Soleimani", "Qasem Suleimani", true);
    same_skel("Qassem Soleimani", "Ghassem Soleimani", true);
    same_skel("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes", true);
    same_skel("Muhandis", "Mohandes", true);
    same_skel("Qaani", "Ghaani", true);
    same_skel("Esmail Qaani", "Esmail Ghaani", true);
    same_skel("Zelensky", "Zelenskyy", true);
    same_skel("Zelensky", "Zelenskiy", true);
    same_skel("Zelenskyy", "Zelenskiy", true);
    same_skel("Volodymyr Zelensky", "Volodymyr Zelenskyy", true);
    same_skel("Hezbollah", "Hizbollah", true);
    /* "al"/"el"/"ad"/"the" particles are dropped. */
    same_skel("Abu Mahdi al-Muhandis", "Abu Mahdi Muhandis", true);
    same_skel("The Quds Force", "Quds Force", true);

    /* Different people stay apart. */
    same_skel("Hassan", "Hussein", false);
    same_skel("Hassan Nasrallah", "Hussein Nasrallah", false);
    same_skel("Soleimani", "Salami", false);
    same_skel("Iran", "Iraq", false);

    char *s = skel("Soleimani");
    assert_string_equal(s, "sulimani");
    free(s);
    s = skel("Zelenskyy");
    assert_string_equal(s, "zilinski");
    free(s);
    s = skel("al");
    assert_string_equal(s, "");
    free(s);

    /* The output buffer is reset first. */
    nb_buf out = {0};
    nb_buf_puts(&out, "stale");
    nb_name_skeleton("", &out);
    assert_string_equal(out.data, "");
    nb_buf_free(&out);
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(nb_edit_distance("", "", 3), 0);
    assert_int_equal(nb_edit_distance("iran", "iran", 0), 0);
    assert_int_equal(nb_edit_distance("iran", "iraq", 2), 1);
    assert_int_equal(nb_edit_distance("", "abc", 5), 3);
    assert_int_equal(nb_edit_distance("abc", "", 5), 3);
    assert_int_equal(nb_edit_distance("kitten", "sitting", 5), 3);
    assert_int_equal(nb_edit_distance("soleimani", "suleimani", 2), 1);
    assert_int_equal(nb_edit_distance("zelensky", "zelenskyy", 2), 1);
    /* A transposition costs one (Damerau). */
    assert_int_equal(nb_edit_distance("ab", "ba", 2), 1);
    assert_int_equal(nb_edit_distance("hezbollah", "hezbolalh", 2), 1);
    /* Capped at max + 1. */
    assert_int_equal(nb_edit_distance("kitten", "sitting", 2), 3);
    assert_int_equal(nb_edit_distance("kitten", "sitting", 1), 2);
    assert_int_equal(nb_edit_distance("abcdef", "uvwxyz", 0), 1);
    assert_int_equal(nb_edit_distance("a", "abcdefgh", 2), 3);
    /* Symmetric. */
    assert_int_equal(nb_edit_distance("hassan", "hussein", 9), nb_edit_distance("hussein", "hassan", 9));

    /* The longest names it computes exactly, and very long equal names. */
    char a[65], b[65];
    memset(a, 'a', 64);
    a[64] = '\0';
    memcpy(b, a, sizeof a);
    b[10] = 'b';
    assert_int_equal(nb_edit_distance(a, b, 3), 1);
    char la[200], lb[200];
    memset(la, 'x', 199);
    la[199] = '\0';
    memcpy(lb, la, sizeof la);
    assert_int_equal(nb_edit_distance(la, lb, 2), 0);
}

static void test_add_and_get(void **state)
{
    (void)state;
    nb_dict d;
    nb_dict_init(&d);
    size_t iran = nb_dict_add(&d, "Iran", NB_KIND_COUNTRY);
    size_t irgc = nb_dict_add(&d, "IRGC", NB_KIND_ORG);
    assert_int_equal(nb_dict_add(&d, "Iran", NB_KIND_PERSON), iran); /* same name */
    assert_int_equal(d.n, 2);
    assert_int_equal(d.entries[iran].kind, NB_KIND_COUNTRY);

    size_t e;
    unsigned fl;
    assert_true(nb_dict_get(&d, "iran", &e, &fl));
    assert_int_equal(e, iran);
    assert_int_equal(fl, 0);
    assert_true(nb_dict_get(&d, "irgc", &e, &fl));
    assert_int_equal(e, irgc);
    assert_int_equal(fl, NB_ALIAS_UPPER); /* short all-caps acronym */
    assert_false(nb_dict_get(&d, "Iran", &e, &fl)); /* keys are normalized */

    assert_true(nb_dict_add_alias(&d, iran, "Islamic Republic", 0));
    assert_true(nb_dict_add_alias(&d, iran, "Iranian", NB_ALIAS_DEMONYM));
    assert_true(nb_dict_add_alias(&d, iran, "Islamic  Republic!", 0)); /* same key, same entry */
    assert_true(nb_dict_add_alias(&d, iran, "...", 0));                /* empty key: ignored */
    assert_false(nb_dict_add_alias(&d, irgc, "Islamic Republic", 0)); /* first one wins */
    assert_true(nb_dict_get(&d, "islamic republic", &e, &fl));
    assert_int_equal(e, iran);
    assert_true(nb_dict_get(&d, "iranian", &e, &fl));
    assert_int_equal(fl, NB_ALIAS_DEMONYM);
    assert_true(nb_dict_add_alias(&d, irgc, "Revolutionary Guard Corps of Iran", 0));
    assert_int_equal(d.max_tokens, 5);

    /* Skeletons: spelling variants of a long name find their entry. */
    size_t sol = nb_dict_add(&d, "Qassem Soleimani", NB_KIND_PERSON);
    nb_buf key = {0}, sk = {0};
    nb_name_key("Qasem Suleimani", 15, &key);
    nb_name_skeleton(key.data, &sk);
    size_t v;
    assert_true(nb_map_get(&d.skeleton, sk.data, &v));
    assert_int_equal(v, sol);
    nb_buf_free(&key);
    nb_buf_free(&sk);
    nb_dict_free(&d);
    assert_int_equal(d.n, 0);
}

/* ---- CSV loading --------------------------------------------------------- */

typedef struct {
    char dir[64];
    char path[128];
    nb_dict d;
    nb_buf err;
} fixture;

static int setup(void **state)
{
    fixture *f = nb_calloc(1, sizeof *f);
    strcpy(f->dir, "/tmp/nb_test_dict_XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
    snprintf(f->path, sizeof f->path, "%s/actors.csv", f->dir);
    nb_dict_init(&f->d);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    nb_dict_free(&f->d);
    nb_buf_free(&f->err);
    free(f);
    return rc == 0 ? 0 : -1;
}

static nb_status load(fixture *f, const char *csv)
{
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    fwrite(csv, 1, strlen(csv), fp);
    assert_int_equal(fclose(fp), 0);
    return nb_dict_load(&f->d, f->path, &f->err);
}

static size_t lookup(const fixture *f, const char *key, unsigned *flags)
{
    size_t e;
    unsigned fl;
    if (!nb_dict_get(&f->d, key, &e, &fl)) fail_msg("no alias key \"%s\"", key);
    if (flags) *flags = fl;
    return e;
}

/* The error must read "<path>:<line>:<col>: <reason>". */
static void assert_err(const fixture *f, size_t line, size_t col, const char *reason)
{
    nb_buf want = {0};
    nb_buf_printf(&want, "%s:%zu:%zu: %s", f->path, line, col, reason);
    assert_non_null(f->err.data);
    assert_string_equal(f->err.data, want.data);
    nb_buf_free(&want);
}

static void test_load_good(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\n"
                             "Qassem Soleimani,person,Soleimani|Suleimani| Qasem Soleimani \n"
                             "IRGC,org,Revolutionary Guards|Sepah\n"
                             "Iran,country,\n"
                             "\n"
                             "Kataib Hezbollah,group,KH\n"),
                     NB_OK);
    assert_int_equal(f->d.n, 4);
    assert_string_equal(f->d.entries[0].name, "Qassem Soleimani");
    assert_int_equal(f->d.entries[0].kind, NB_KIND_PERSON);
    assert_int_equal(f->d.entries[1].kind, NB_KIND_ORG);
    assert_int_equal(f->d.entries[2].kind, NB_KIND_COUNTRY);
    assert_int_equal(f->d.entries[3].kind, NB_KIND_GROUP);
    assert_int_equal(lookup(f, "qassem soleimani", NULL), 0);
    assert_int_equal(lookup(f, "soleimani", NULL), 0);
    assert_int_equal(lookup(f, "suleimani", NULL), 0);
    assert_int_equal(lookup(f, "qasem soleimani", NULL), 0); /* alias trimmed */
    assert_int_equal(lookup(f, "sepah", NULL), 1);
    assert_int_equal(lookup(f, "iran", NULL), 2);
    unsigned fl;
    assert_int_equal(lookup(f, "kh", &fl), 3);
    assert_int_equal(fl, NB_ALIAS_UPPER);
    assert_int_equal(f->d.max_tokens, 2);

    /* A second file extends the first, including existing names. */
    assert_int_equal(load(f, "name,kind,aliases\nIran,country,Islamic Republic of Iran\n"
                             "Iraq,country,\n"),
                     NB_OK);
    assert_int_equal(f->d.n, 5);
    assert_int_equal(lookup(f, "islamic republic of iran", NULL), 2);
    assert_int_equal(lookup(f, "iraq", NULL), 4);
    assert_int_equal(f->d.max_tokens, 4);
}

static void test_load_four_columns(void **state)
{
    fixture *f = *state;
    /* BOM, CRLF, quoted fields with commas, doubled quotes and newlines. */
    assert_int_equal(load(f, "\xEF\xBB\xBFname,kind,aliases,demonyms\r\n"
                             "Iran,country,Islamic Republic,Iranian|Iranians\r\n"
                             "\"Hezbollah, Lebanon\",group,\"Hizbullah|Party of \"\"God\"\"\",\r\n"
                             "Iraq,country,\"Republic\nof Iraq\",Iraqi\r\n"
                             "Hamas,group,,\r\n"),
                     NB_OK);
    assert_int_equal(f->d.n, 4);
    assert_string_equal(f->d.entries[1].name, "Hezbollah, Lebanon");
    unsigned fl;
    assert_int_equal(lookup(f, "islamic republic", &fl), 0);
    assert_int_equal(fl, 0);
    assert_int_equal(lookup(f, "iranian", &fl), 0);
    assert_int_equal(fl, NB_ALIAS_DEMONYM);
    assert_int_equal(lookup(f, "iranians", &fl), 0);
    assert_int_equal(fl, NB_ALIAS_DEMONYM);
    assert_int_equal(lookup(f, "hezbollah lebanon", NULL), 1);
    assert_int_equal(lookup(f, "party of god", NULL), 1);
    assert_int_equal(lookup(f, "hizbullah", NULL), 1);
    assert_int_equal(lookup(f, "republic of iraq", NULL), 2); /* newline: a word gap */
    assert_int_equal(lookup(f, "iraqi", &fl), 2);
    assert_int_equal(fl, NB_ALIAS_DEMONYM);
    assert_int_equal(lookup(f, "hamas", NULL), 3);

    /* Three-column files and four-column files mix. */
    assert_int_equal(load(f, "name,kind,aliases\nSyria,country,Damascus\n"), NB_OK);
    assert_int_equal(lookup(f, "damascus", NULL), 4);
}

static void test_load_sanitizes(void **state)
{
    fixture *f = *state;
    /* Names come out valid UTF-8 without controls. */
    assert_int_equal(load(f, "name,kind,aliases\nBad\xff" "Name,person,A\x01" "lias\n"), NB_OK);
    assert_int_equal(f->d.n, 1);
    assert_string_equal(f->d.entries[0].name, "Bad\xef\xbf\xbdName");
    assert_int_equal(lookup(f, "a lias", NULL), 0);
}

static void test_load_duplicate_alias(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\n"
                             "Iran,country,Tehran|Persia\n"
                             "Iraq,country,Baghdad|Tehran\n"),
                     NB_ERR_INPUT);
    assert_err(f, 3, 3, "alias \"Tehran\" already names another actor");

    /* In the demonym column the column number says so; lines count from the
     * record start across quoted newlines. */
    nb_dict_free(&f->d);
    nb_dict_init(&f->d);
    assert_int_equal(load(f, "name,kind,aliases,demonyms\n"
                             "Iran,country,\"Persia|\nTehran\",Iranian\n"
                             "\n"
                             "Iraq,country,Baghdad,\"Iraqi|Iranian\"\n"),
                     NB_ERR_INPUT);
    assert_err(f, 5, 4, "alias \"Iranian\" already names another actor");
}

static void test_load_unterminated_quote(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\n"
                             "Iran,country,\"Tehran|Persia\n"
                             "Iraq,country,Baghdad\n"),
                     NB_ERR_INPUT);
    assert_non_null(f->err.data);
    nb_buf want = {0};
    nb_buf_printf(&want, "%s:2:", f->path);
    assert_true(strncmp(f->err.data, want.data, want.len) == 0);
    assert_non_null(strstr(f->err.data, "unterminated quoted field"));
    nb_buf_free(&want);
}

static void test_load_stray_quote(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\nIran,country,x\nIraq,country,Bagh\"dad\n"),
                     NB_ERR_INPUT);
    nb_buf want = {0};
    nb_buf_printf(&want, "%s:3:", f->path);
    assert_non_null(f->err.data);
    assert_true(strncmp(f->err.data, want.data, want.len) == 0);
    nb_buf_free(&want);
}

static void test_load_column_count(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\nIran,country,x\nIraq,country\n"), NB_ERR_INPUT);
    assert_err(f, 3, 1, "too few columns (want name,kind,aliases[,demonyms])");

    nb_buf_clear(&f->err);
    assert_int_equal(load(f, "name,kind,aliases\nIran,country,x,y,z\n"), NB_ERR_INPUT);
    assert_err(f, 2, 1, "too many columns (want name,kind,aliases[,demonyms])");

    nb_buf_clear(&f->err);
    assert_int_equal(load(f, "name,kind\nIran,country\n"), NB_ERR_INPUT);
    assert_err(f, 1, 1, "header must be name,kind,aliases[,demonyms]");

    nb_buf_clear(&f->err);
    assert_int_equal(load(f, "actor,kind,aliases\nIran,country,x\n"), NB_ERR_INPUT);
    assert_err(f, 1, 1, "header must be name,kind,aliases[,demonyms]");

    nb_buf_clear(&f->err);
    assert_int_equal(load(f, ""), NB_ERR_INPUT);
    assert_err(f, 1, 1, "empty dictionary (no header)");
}

static void test_load_empty_name(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\nIran,country,\n\n,country,Nowhere\n"), NB_ERR_INPUT);
    assert_err(f, 4, 1, "empty actor name");
}

static void test_load_bad_kind(void **state)
{
    fixture *f = *state;
    assert_int_equal(load(f, "name,kind,aliases\nIran,country,\nR2-D2,robot,\n"), NB_ERR_INPUT);
    assert_err(f, 3, 2, "kind must be person, organization, country or group");

    /* "unknown" is a kind of the model but not of the dictionary. */
    nb_buf_clear(&f->err);
    assert_int_equal(load(f, "name,kind,aliases\nSomeone,unknown,\n"), NB_ERR_INPUT);
    assert_err(f, 2, 2, "kind must be person, organization, country or group");

    /* Kinds are case-insensitive; "org" is accepted. */
    nb_dict_free(&f->d);
    nb_dict_init(&f->d);
    assert_int_equal(load(f, "name,kind,aliases\nA Person,PERSON,\nSome Org,Org,\n"), NB_OK);
    assert_int_equal(f->d.entries[0].kind, NB_KIND_PERSON);
    assert_int_equal(f->d.entries[1].kind, NB_KIND_ORG);
}

static void test_load_missing_file(void **state)
{
    fixture *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/missing.csv", f->dir);
    assert_int_equal(nb_dict_load(&f->d, path, &f->err), NB_ERR_IO);
    nb_buf want = {0};
    nb_buf_printf(&want, "%s: No such file or directory", path);
    assert_string_equal(f->err.data, want.data);
    nb_buf_free(&want);
    assert_int_equal(f->d.n, 0);

    /* A folder is not a dictionary either. */
    nb_buf_clear(&f->err);
    assert_int_not_equal(nb_dict_load(&f->d, f->dir, &f->err), NB_OK);
    assert_non_null(f->err.data);
    assert_true(strncmp(f->err.data, f->dir, strlen(f->dir)) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_key),
        cmocka_unit_test(test_skeleton),
        cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_add_and_get),
        cmocka_unit_test_setup_teardown(test_load_good, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_four_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_sanitizes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_duplicate_alias, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_unterminated_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_stray_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_column_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_empty_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_bad_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_missing_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
