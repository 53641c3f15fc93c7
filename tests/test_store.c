/* test_store.c - the store: records survive encoding, cut or altered
 * record bytes are refused (never a crash), stores that are random bytes,
 * foreign or of a newer schema are refused, and the name-table log replays
 * what an article saw. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

static const char ARTICLE[] =
    "Iran funds Hezbollah, officials said on Monday.\n\n"
    "Hezbollah attacked Israel. Abu Mohammed al-Jawlani commanded Hayat Tahrir al-Sham.\n"
    "The United States condemned the attack by Hezbollah.\n";

/* A pipeline with the bundled dictionary, when the test runs in the tree. */
static void pipeline(nb_pipeline *p)
{
    nb_pipeline_init(p);
    nb_buf err = {0};
    if (access("data/actors.csv", R_OK) == 0) assert_int_equal(nb_dict_load(&p->dict, "data/actors.csv", &err), NB_OK);
    nb_buf_free(&err);
}

static void extract(nb_pipeline *p, const char *name, const char *text, nb_record *rec)
{
    bool left_out;
    assert_int_equal(nb_pipeline_extract(p, name, name, text, strlen(text), rec, &left_out), NB_OK);
    assert_false(left_out);
}

static void test_roundtrip(void **state)
{
    (void)state;
    nb_pipeline p;
    pipeline(&p);
    nb_record rec, back;
    extract(&p, "2024/03/a.txt", ARTICLE, &rec);
    assert_true(rec.n_rels > 0);
    nb_buf a = {0}, b = {0};
    nb_record_encode(&rec, &a);
    assert_int_equal(nb_record_decode((const unsigned char *)a.data, a.len, &back), NB_OK);
    nb_record_encode(&back, &b);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_string_equal(back.date, rec.date);
    assert_int_equal(back.n_ents, rec.n_ents);
    /* merging the decoded record builds what the original builds */
    nb_pipeline q;
    pipeline(&q);
    nb_pipeline_merge(&p, "a.txt", &rec);
    nb_pipeline_merge(&q, "a.txt", &back);
    assert_int_equal(p.net.n_nodes, q.net.n_nodes);
    assert_int_equal(p.net.n_edges, q.net.n_edges);
    nb_record_free(&rec);
    nb_record_free(&back);
    nb_buf_free(&a);
    nb_buf_free(&b);
    nb_pipeline_free(&p);
    nb_pipeline_free(&q);
}

/* Every cut of a record and every single-byte change is decoded or
 * refused, never read out of bounds (ASan watches). */
static void test_damaged_records(void **state)
{
    (void)state;
    nb_pipeline p;
    pipeline(&p);
    nb_record rec, back;
    extract(&p, "a.txt", ARTICLE, &rec);
    nb_buf a = {0};
    nb_record_encode(&rec, &a);
    for (size_t n = 0; n < a.len; n++) {
        unsigned char *cut = nb_malloc(n ? n : 1);
        memcpy(cut, a.data, n);
        assert_int_equal(nb_record_decode(cut, n, &back), NB_ERR_INPUT);
        free(cut);
    }
    unsigned char *alt = nb_malloc(a.len);
    for (size_t i = 0; i < a.len; i++) {
        memcpy(alt, a.data, a.len);
        alt[i] ^= 0xA5;
        if (nb_record_decode(alt, a.len, &back) == NB_OK) nb_record_free(&back);
    }
    free(alt);
    assert_int_equal(nb_record_decode(NULL, 0, &back), NB_ERR_INPUT);
    nb_record_free(&rec);
    nb_buf_free(&a);
    nb_pipeline_free(&p);
}

/* nb_record_decode's verdict on rec's bytes. */
static nb_status decoded(const nb_record *rec)
{
    nb_buf a = {0};
    nb_record back;
    nb_record_encode(rec, &a);
    nb_status st = nb_record_decode((const unsigned char *)a.data, a.len, &back);
    if (st == NB_OK) nb_record_free(&back);
    nb_buf_free(&a);
    return st;
}

/* A record whose strings are not clean UTF-8, whose date is no date or whose
 * evidence lies past the article's end is refused: it is extracted again
 * rather than written out. */
static void test_malformed_fields(void **state)
{
    (void)state;
    nb_pipeline p;
    pipeline(&p);
    nb_record rec;
    extract(&p, "2024/03/a.txt", ARTICLE, &rec);
    assert_true(rec.n_ents > 0 && rec.n_sents > 0);
    char *label = rec.ents[0].label;
    /* invalid UTF-8, an overlong '/', a surrogate, past U+10FFFF, a control
     * (found by fuzz_store), a bidi override */
    char bad[][16] = {"Iran\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "United\x04States",
                      "Iran\xe2\x80\xae"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rec.ents[0].label = bad[i];
        assert_int_equal(decoded(&rec), NB_ERR_INPUT);
    }
    rec.ents[0].label = label;
    char date[sizeof rec.date];
    memcpy(date, rec.date, sizeof date);
    memcpy(rec.date, "2024-1x-01", sizeof rec.date);
    assert_int_equal(decoded(&rec), NB_ERR_INPUT);
    memcpy(rec.date, date, sizeof date);
    size_t off = rec.sents[0].offset;
    rec.sents[0].offset = rec.bytes + 1;
    assert_int_equal(decoded(&rec), NB_ERR_INPUT);
    rec.sents[0].offset = off;
    assert_int_equal(decoded(&rec), NB_OK);
    nb_record_free(&rec);
    nb_pipeline_free(&p);
}

/* A log replays into a fresh table; a table where an earlier article
 * named someone first fails the replay. */
static void test_names_replay(void **state)
{
    (void)state;
    nb_names a = {0}, b = {0};
    nb_name_log log = {0};
    nb_name_log_push(&log, false, false, NB_KIND_UNKNOWN, "zorbltfrnt", NULL, NULL);
    nb_name_log_push(&log, true, false, NB_KIND_ORG, "zorbltfrnt", "Zorblat Front", NULL);
    nb_name_log_push(&log, false, false, NB_KIND_ORG, "zorbltfrnt", "Zorblat Front", NULL);
    assert_true(nb_names_replay(&a, &log));
    assert_int_equal(a.n, 1);
    nb_names_insert(&b, "Zorblatt Front", NB_KIND_ORG, "zorbltfrnt", 10, NULL);
    assert_false(nb_names_replay(&b, &log));
    assert_int_equal(b.n, 1); /* a replay that fails adds nothing */
    /* a one-edit neighbour introduced by the article itself is found as
     * it was during extraction */
    nb_name_log own = {0};
    nb_name_log_push(&own, true, false, NB_KIND_PERSON, "mhmmddfxx", "Mohammed Deifxx", NULL);
    nb_name_log_push(&own, false, false, NB_KIND_PERSON, "mhmmddfx", "Mohammed Deifxx", NULL);
    assert_true(nb_names_replay(&a, &own));
    assert_int_equal(a.n, 2);
    nb_name_log_free(&own);
    nb_name_log_free(&log);
    nb_names_free(&a);
    nb_names_free(&b);
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void test_refused_stores(void **state)
{
    (void)state;
    char dir[] = "/tmp/nb_test_store_XXXXXX", path[128];
    assert_non_null(mkdtemp(dir));
    nb_buf err = {0};
    nb_store *s;
    /* random bytes */
    unsigned char junk[8192];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof junk; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        junk[i] = (unsigned char)x;
    }
    snprintf(path, sizeof path, "%s/random.db", dir);
    write_file(path, junk, sizeof junk);
    assert_int_equal(nb_store_open(&s, path, false, &err), NB_ERR_INPUT);
    assert_null(s);
    assert_non_null(strstr(err.data, "not a netbuild store"));
    /* a new store, then the same with a newer schema */
    snprintf(path, sizeof path, "%s/new.db", dir);
    assert_int_equal(nb_store_open(&s, path, false, &err), NB_OK);
    nb_store_close(s);
    assert_int_equal(nb_store_open(&s, path, true, &err), NB_OK);
    nb_store_close(s);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "sqlite3 %s 'PRAGMA user_version=7' 2>/dev/null", path);
    if (system(cmd) == 0) {
        assert_int_equal(nb_store_open(&s, path, false, &err), NB_ERR_INPUT);
        assert_non_null(strstr(err.data, "newer"));
    }
    /* the first half of a store's header */
    snprintf(path, sizeof path, "%s/half.db", dir);
    write_file(path, "SQLite format 3\0\x10\0\x01\x01", 20);
    assert_int_equal(nb_store_open(&s, path, false, &err), NB_ERR_INPUT);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    nb_buf_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_damaged_records),
        cmocka_unit_test(test_malformed_fields),
        cmocka_unit_test(test_names_replay),
        cmocka_unit_test(test_refused_stores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
