/* test_actors.c - the cross-article name index: the one-edit lookup finds
 * what a scan of every name in order found before it, and short names are
 * not stored again in every article. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "lexicon.h"
#include "pipeline.h"

/* What resolve_name did before the index: every name in order, the first
 * with a skeleton of 8 bytes or more within one edit. */
static size_t scan_near(const nb_names *nm, const char *sk)
{
    if (strlen(sk) < 8) return SIZE_MAX;
    for (size_t i = 0; i < nm->n; i++)
        if (strlen(nm->skels[i]) >= 8 && nb_edit_distance(nm->skels[i], sk, 1) <= 1) return i;
    return SIZE_MAX;
}

static uint64_t rng_state = 88172645463325252ULL;
static unsigned next_rand(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state >> 11);
}

/* A skeleton-like string: lowercase letters with a space now and then. */
static void random_skel(char *out, size_t len)
{
    static const char A[] = "abdiklmnrstu ";
    for (size_t i = 0; i < len; i++) out[i] = A[next_rand() % (sizeof A - 1)];
    out[len] = '\0';
}

/* One random edit: substitution, insertion, deletion or adjacent swap. */
static void mutate(char *s)
{
    size_t n = strlen(s), k = next_rand() % n;
    switch (next_rand() % 4) {
    case 0: s[k] = (char)('a' + next_rand() % 26); break;
    case 1:
        memmove(s + k + 1, s + k, n - k + 1);
        s[k] = (char)('a' + next_rand() % 26);
        break;
    case 2: memmove(s + k, s + k + 1, n - k); break;
    default:
        if (k + 1 < n) {
            char t = s[k];
            s[k] = s[k + 1];
            s[k + 1] = t;
        }
    }
}

static void test_near_equals_scan(void **state)
{
    (void)state;
    nb_names nm = {0};
    char buf[80];
    /* Families of one-edit variants, so that several names match one query
     * and the lowest index must win. */
    for (size_t i = 0; i < 3000; i++) {
        if (i % 4 && nm.n) {
            strcpy(buf, nm.skels[next_rand() % nm.n]);
            if (strlen(buf) < 70) mutate(buf);
        } else {
            random_skel(buf, 5 + next_rand() % 62);
        }
        nb_names_add(&nm, buf, NB_KIND_PERSON, buf, strlen(buf));
    }
    size_t hits = 0;
    for (size_t q = 0; q < 20000; q++) {
        if (q % 2) {
            strcpy(buf, nm.skels[next_rand() % nm.n]);
            if (strlen(buf) < 70) mutate(buf);
            if (q % 3 == 0 && strlen(buf) < 70) mutate(buf); /* two edits: mostly no match */
        } else {
            random_skel(buf, 1 + next_rand() % 70);
        }
        size_t want = scan_near(&nm, buf), got = nb_names_near(&nm, buf, strlen(buf));
        /* Longer than 64 bytes, nb_edit_distance only tells equal strings,
         * and an equal skeleton is found by by_skel before this lookup. */
        if (strlen(buf) > 64 && want != SIZE_MAX && !strcmp(nm.skels[want], buf)) want = SIZE_MAX;
        if (want != got) fail_msg("\"%s\": index %zu, scan %zu", buf, got, want);
        hits += got != SIZE_MAX;
    }
    assert_true(hits > 5000); /* the test exercises matches, not only misses */
    nb_names_free(&nm);
}

/* A flood of names one edit apart: a lookup compares a bounded number. */
static void test_near_bounded(void **state)
{
    (void)state;
    nb_names nm = {0};
    char buf[32];
    for (size_t i = 0; i < 20000; i++) {
        snprintf(buf, sizeof buf, "kalashnikuv%c%c", 'a' + (int)(i % 26), 'a' + (int)(i / 26 % 26));
        nb_names_add(&nm, buf, NB_KIND_PERSON, buf, strlen(buf));
    }
    /* every name is within one edit of this one; the first still wins */
    assert_int_equal(nb_names_near(&nm, "kalashnikuvaa", 13), 0);
    assert_true(nb_names_near(&nm, "kalashnikuvzz", 13) != SIZE_MAX);
    nb_names_free(&nm);
}

static nb_status article(nb_pipeline *p, const char *path, const char *text)
{
    return nb_pipeline_text(p, path, text, strlen(text));
}

static size_t node_named(const nb_network *net, const char *label)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (!strcmp(net->nodes[i].label, label)) return i;
    return SIZE_MAX;
}

static void test_pipeline_names(void **state)
{
    (void)state;
    nb_pipeline p;
    nb_pipeline_init(&p);
    assert_int_equal(article(&p, "a.txt", "Residents said the fighting lasted for hours.\n"
                                          "Witnesses said Abdulrahman Mohammedein commands the Tarawin "
                                          "Brigade, which attacked the Kassala Front.\n"),
                     NB_OK);
    size_t names = p.names.n;
    /* a one-letter slip in a later article is the same actor */
    assert_int_equal(article(&p, "b.txt", "Officials said Abdulrahman Mohamedein commands the Kassala Front.\n"),
                     NB_OK);
    /* short names are not stored again in every article */
    for (int i = 0; i < 20; i++) {
        char path[32], text[128];
        snprintf(path, sizeof path, "k%02d.txt", i);
        snprintf(text, sizeof text, "Witnesses said Kim condemned the Tarawin Brigade (copy %d).\n", i);
        assert_int_equal(article(&p, path, text), NB_OK);
    }
    assert_int_equal(p.names.n, names);
    nb_network_finish(&p.net, true);
    assert_true(node_named(&p.net, "Abdulrahman Mohammedein") != SIZE_MAX);
    assert_int_equal(node_named(&p.net, "Abdulrahman Mohamedein"), SIZE_MAX);
    nb_pipeline_free(&p);
}

/* The description nouns ("the alliance", "the bloc") name organisations by
 * their dictionary names: each must be an organisation there, under that
 * very name, or the description finds nothing. */
static void test_org_nouns_in_dictionary(void **state)
{
    (void)state;
    nb_dict d;
    nb_dict_init(&d);
    nb_buf err = {0};
    assert_int_equal(nb_dict_load(&d, "data/actors.csv", &err), NB_OK);
    assert_true(nb_lex_org_noun_count() > 0);
    for (size_t i = 0; i < nb_lex_org_noun_count(); i++) {
        const char *name = nb_lex_org_noun_name(i);
        nb_buf key = {0};
        nb_name_key(name, strlen(name), &key);
        size_t e;
        unsigned fl;
        if (!nb_dict_get(&d, key.data, &e, &fl) || strcmp(d.entries[e].name, name) ||
            d.entries[e].kind != NB_KIND_ORG)
            fail_msg("'%s' is no organisation of that name in data/actors.csv", name);
        nb_buf_free(&key);
    }
    assert_true(nb_lex_org_noun("NATO", "alliance"));
    assert_false(nb_lex_org_noun("NATO", "bloc"));
    nb_buf_free(&err);
    nb_dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_near_equals_scan),
        cmocka_unit_test(test_near_bounded),
        cmocka_unit_test(test_pipeline_names),
        cmocka_unit_test(test_org_nouns_in_dictionary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
