/* test_util.c - allocation wrappers, nb_grow, nb_buf, nb_map, nb_hash and
 * nb_fmt_double. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void test_alloc(void **state)
{
    (void)state;
    /* Zero-size requests still return usable, freeable pointers. */
    void *p = nb_malloc(0);
    assert_non_null(p);
    free(p);
    unsigned char *z = nb_calloc(0, 0);
    assert_non_null(z);
    free(z);

    z = nb_calloc(16, 4);
    for (size_t i = 0; i < 64; i++) assert_int_equal(z[i], 0);
    memcpy(z, "0123456789", 10);
    z = nb_realloc(z, 4096);
    assert_memory_equal(z, "0123456789", 10);
    z = nb_realloc(z, 0);
    assert_non_null(z);
    free(z);
}

static void test_strdup(void **state)
{
    (void)state;
    char *s = nb_strdup("");
    assert_string_equal(s, "");
    free(s);
    s = nb_strdup("Kata'ib Hezbollah");
    assert_string_equal(s, "Kata'ib Hezbollah");
    free(s);
    /* strndup copies exactly n bytes, stops at nothing, always terminates. */
    s = nb_strndup("abcdef", 3);
    assert_string_equal(s, "abc");
    free(s);
    s = nb_strndup("a\0b", 3);
    assert_memory_equal(s, "a\0b", 4);
    free(s);
    s = nb_strndup("xyz", 0);
    assert_string_equal(s, "");
    free(s);
}

static void test_grow(void **state)
{
    (void)state;
    int *items = NULL;
    size_t cap = 0;
    nb_grow(&items, &cap, 0, sizeof *items); /* nothing needed: untouched */
    assert_null(items);
    assert_int_equal(cap, 0);

    nb_grow(&items, &cap, 1, sizeof *items);
    assert_non_null(items);
    assert_int_equal(cap, 8);
    for (int i = 0; i < 8; i++) items[i] = i;

    int *before = items;
    nb_grow(&items, &cap, 8, sizeof *items); /* fits: no realloc */
    assert_ptr_equal(items, before);
    assert_int_equal(cap, 8);

    nb_grow(&items, &cap, 9, sizeof *items); /* doubles */
    assert_int_equal(cap, 16);
    nb_grow(&items, &cap, 1000, sizeof *items);
    assert_int_equal(cap, 1024);
    for (int i = 0; i < 8; i++) assert_int_equal(items[i], i);
    items[999] = 999;
    free(items);

    /* Large elements. */
    struct big { char b[1000]; } *bigs = NULL;
    size_t bcap = 0;
    nb_grow(&bigs, &bcap, 3, sizeof *bigs);
    assert_true(bcap >= 3);
    memset(bigs, 'x', 3 * sizeof *bigs);
    free(bigs);
}

static void test_buf_basic(void **state)
{
    (void)state;
    nb_buf b = {0};
    /* An empty put still yields a valid empty C string. */
    nb_buf_put(&b, "", 0);
    assert_non_null(b.data);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");

    nb_buf_puts(&b, "Iran");
    nb_buf_putc(&b, ' ');
    nb_buf_put(&b, "Iraq and more", 4);
    assert_int_equal(b.len, 9);
    assert_string_equal(b.data, "Iran Iraq");
    assert_true(b.cap > b.len);

    /* Embedded NUL bytes are kept and counted. */
    nb_buf_put(&b, "\0x", 2);
    assert_int_equal(b.len, 11);
    assert_memory_equal(b.data, "Iran Iraq\0x", 12);

    nb_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    nb_buf_puts(&b, "again");
    assert_string_equal(b.data, "again");

    nb_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    nb_buf_free(&b); /* twice is harmless */

    nb_buf_clear(&b); /* on an empty buffer: no crash */
    assert_null(b.data);
}

static void test_buf_growth(void **state)
{
    (void)state;
    nb_buf b = {0};
    nb_buf_puts(&b, "ab");
    /* Appending a long run forces several reallocations. */
    for (int i = 0; i < 2000; i++) nb_buf_putc(&b, (char)('a' + i % 26));
    assert_int_equal(b.len, 2002);
    assert_int_equal(strlen(b.data), 2002);
    assert_int_equal(b.data[2], 'a');
    assert_int_equal(b.data[2001], (char)('a' + 1999 % 26));
    nb_buf_free(&b);
}

static void test_buf_printf(void **state)
{
    (void)state;
    nb_buf b = {0};
    nb_buf_printf(&b, "%s", "");
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    assert_int_equal(b.len, 0);

    nb_buf_printf(&b, "%d-%s-%zu", 42, "x", (size_t)7);
    nb_buf_printf(&b, "|%c", 'z');
    assert_string_equal(b.data, "42-x-7|z");
    assert_int_equal(b.len, 8);

    /* Output longer than any initial capacity. */
    nb_buf big = {0};
    nb_buf_printf(&big, "%5000s", "end");
    assert_int_equal(big.len, 5000);
    assert_int_equal(strlen(big.data), 5000);
    assert_string_equal(big.data + 4997, "end");
    nb_buf_free(&big);
    nb_buf_free(&b);
}

static void test_buf_detach(void **state)
{
    (void)state;
    nb_buf b = {0};
    char *s = nb_buf_detach(&b); /* never used: still a valid string */
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);

    nb_buf_puts(&b, "owned");
    s = nb_buf_detach(&b);
    assert_string_equal(s, "owned");
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    free(s);

    nb_buf_puts(&b, "reuse");
    assert_string_equal(b.data, "reuse");
    nb_buf_free(&b);
}

static void test_map_basic(void **state)
{
    (void)state;
    nb_map m = {0};
    size_t v = 123;
    assert_false(nb_map_get(&m, "missing", &v));
    assert_int_equal(v, 123);

    char key[16];
    strcpy(key, "iran");
    nb_map_put(&m, key, 1);
    strcpy(key, "iraq"); /* the map copied the first key */
    nb_map_put(&m, key, 2);
    nb_map_put(&m, "", 3);
    assert_int_equal(m.len, 3);

    assert_true(nb_map_get(&m, "iran", &v));
    assert_int_equal(v, 1);
    assert_true(nb_map_get(&m, "iraq", &v));
    assert_int_equal(v, 2);
    assert_true(nb_map_get(&m, "", &v));
    assert_int_equal(v, 3);
    assert_true(nb_map_get(&m, "iran", NULL));
    assert_false(nb_map_get(&m, "Iran", NULL)); /* case-sensitive */
    assert_false(nb_map_get(&m, "ira", NULL));

    nb_map_put(&m, "iran", 10); /* overwrite keeps one key */
    assert_int_equal(m.len, 3);
    assert_true(nb_map_get(&m, "iran", &v));
    assert_int_equal(v, 10);

    nb_map_put(&m, "big", SIZE_MAX);
    assert_true(nb_map_get(&m, "big", &v));
    assert_int_equal(v, SIZE_MAX);

    nb_map_free(&m);
    assert_int_equal(m.len, 0);
    assert_int_equal(m.cap, 0);
    assert_null(m.slots);
    assert_false(nb_map_get(&m, "iran", NULL));
    nb_map_free(&m); /* twice is harmless */
}

static void test_map_many(void **state)
{
    (void)state;
    nb_map m = {0};
    char key[32];
    const size_t N = 5000;
    for (size_t i = 0; i < N; i++) {
        snprintf(key, sizeof key, "key-%zu", i);
        nb_map_put(&m, key, i * 3);
    }
    assert_int_equal(m.len, N);
    /* Load factor stays at most one half, capacity a power of two. */
    assert_true(m.cap >= 2 * m.len);
    assert_int_equal(m.cap & (m.cap - 1), 0);
    for (size_t i = 0; i < N; i++) {
        size_t v;
        snprintf(key, sizeof key, "key-%zu", i);
        assert_true(nb_map_get(&m, key, &v));
        assert_int_equal(v, i * 3);
    }
    for (size_t i = 0; i < N; i += 7) {
        snprintf(key, sizeof key, "key-%zu", i);
        nb_map_put(&m, key, 1);
    }
    assert_int_equal(m.len, N);
    for (size_t i = 0; i < N; i++) {
        size_t v;
        snprintf(key, sizeof key, "key-%zu", i);
        assert_true(nb_map_get(&m, key, &v));
        assert_int_equal(v, i % 7 == 0 ? 1 : i * 3);
    }
    snprintf(key, sizeof key, "key-%zu", N);
    assert_false(nb_map_get(&m, key, NULL));
    nb_map_free(&m);
}

/* Keys of every length around the eight-byte steps of the map's hash, and
 * keys that differ only in their last byte or past the eighth: each finds
 * its own value, and a prefix or extension of a key is not found. */
static void test_map_lengths(void **state)
{
    (void)state;
    nb_map m = {0};
    char key[48];
    for (size_t n = 0; n < 40; n++) {
        for (char c = 'a'; c <= 'c'; c++) {
            memset(key, 'k', n);
            if (n) key[n - 1] = c;
            key[n] = '\0';
            nb_map_put(&m, key, n * 10 + (size_t)(c - 'a'));
        }
    }
    assert_int_equal(m.len, 1 + 39 * 3);
    for (size_t n = 1; n < 40; n++) {
        for (char c = 'a'; c <= 'c'; c++) {
            size_t v = 0;
            memset(key, 'k', n);
            key[n - 1] = c;
            key[n] = '\0';
            assert_true(nb_map_get(&m, key, &v));
            assert_int_equal(v, n * 10 + (size_t)(c - 'a'));
        }
        memset(key, 'k', n);
        key[n - 1] = 'z';
        key[n] = '\0';
        assert_false(nb_map_get(&m, key, NULL));
    }
    /* by length: a word inside its text, no NUL after it */
    size_t v = 0;
    assert_true(nb_map_get_n(&m, "kkka and more", 4, &v));
    assert_int_equal(v, 40);
    assert_false(nb_map_get_n(&m, "kkka", 3, NULL)); /* "kkk" was never put */
    assert_false(nb_map_get_n(&m, "kk\0a", 4, NULL)); /* a NUL inside is no key's */
    /* nor is a short key's zero padding, up to eight bytes and past them */
    nb_map_put(&m, "ab", 5);
    assert_false(nb_map_get_n(&m, "ab\0", 3, NULL));
    assert_false(nb_map_get_n(&m, "ab\0\0\0\0\0\0xyz", 11, NULL));
    assert_true(nb_map_get_n(&m, "abc", 2, &v));
    assert_int_equal(v, 5);
    nb_map_put(&m, "abcdefghij", 6);
    assert_false(nb_map_get_n(&m, "abcdefghij\0", 11, NULL));
    assert_false(nb_map_get_n(&m, "abcdefghij\0\0\0\0\0\0\0", 17, NULL));
    assert_true(nb_map_get_n(&m, "abcdefghijk", 10, &v));
    assert_int_equal(v, 6);
    assert_true(nb_map_get_n(&m, "", 0, &v));
    assert_int_equal(v, 2); /* the empty key, put last with 'c' */
    /* an embedded difference past the first eight bytes */
    nb_map_put(&m, "0123456789abcdefX", 7);
    assert_false(nb_map_get(&m, "0123456789abcdefY", NULL));
    assert_false(nb_map_get(&m, "0123456789abcdef", NULL));
    assert_false(nb_map_get(&m, "0123456789abcdefXY", NULL));
    nb_map_free(&m);
}

static void test_hash(void **state)
{
    (void)state;
    /* FNV-1a 64-bit reference values. */
    assert_true(nb_hash("", 0) == 0xcbf29ce484222325ULL);
    assert_true(nb_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(nb_hash("foobar", 6) == 0x85944171f73967e8ULL);
    /* Only n bytes count, embedded NULs included. */
    assert_true(nb_hash("foobarXYZ", 6) == nb_hash("foobar", 6));
    assert_true(nb_hash("a\0b", 3) != nb_hash("a", 1));
    assert_true(nb_hash("ab", 2) != nb_hash("ba", 2));
}

static void fmt(double v, const char *want)
{
    char out[32];
    memset(out, 'Z', sizeof out);
    nb_fmt_double(out, v);
    assert_non_null(memchr(out, '\0', sizeof out));
    assert_string_equal(out, want);
}

static void test_label_acronym(void **state)
{
    (void)state;
    assert_true(nb_label_acronym("M23"));
    assert_true(nb_label_acronym("ADF"));
    assert_true(nb_label_acronym("3R"));
    assert_false(nb_label_acronym("Goma"));
    assert_false(nb_label_acronym("El Fasher"));
    assert_false(nb_label_acronym("X"));
    assert_false(nb_label_acronym(""));
}

static void test_fmt_double(void **state)
{
    (void)state;
    fmt(0.0, "0.000000");
    fmt(-0.0, "0.000000");
    fmt(1.0, "1.000000");
    fmt(1.5, "1.500000");
    fmt(-2.25, "-2.250000");
    fmt(0.1234564, "0.123456");
    fmt(0.1234567, "0.123457");
    fmt(123456.5, "123456.500000");
    fmt(1e-7, "0.000000");
    fmt(NAN, "0.000000");
    fmt(-NAN, "0.000000");
    fmt(INFINITY, "0.000000");
    fmt(-INFINITY, "0.000000");
    /* Large values stay in fixed notation, no exponent. */
    fmt(1e15, "1000000000000000");
    fmt(-2e15, "-2000000000000000");
    fmt(123456789012345.0, "123456789012345.000000");
    /* Tiny negatives (igraph hub scores like -1e-17) print as zero, not as
     * "-0.000000". */
    fmt(-1e-17, "0.000000");
    fmt(-4e-7, "0.000000");
    fmt(-6e-7, "-0.000001");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc),        cmocka_unit_test(test_strdup),
        cmocka_unit_test(test_grow),         cmocka_unit_test(test_buf_basic),
        cmocka_unit_test(test_buf_growth), cmocka_unit_test(test_buf_printf),
        cmocka_unit_test(test_buf_detach),   cmocka_unit_test(test_map_basic),
        cmocka_unit_test(test_map_many),     cmocka_unit_test(test_map_lengths), cmocka_unit_test(test_hash),
        cmocka_unit_test(test_fmt_double),   cmocka_unit_test(test_label_acronym),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
