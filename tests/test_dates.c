/* test_dates.c - the date an article states in its first lines (header
 * lines and datelines, with the dates that must not be read), its
 * precedence over the path's date, the year of a dateline without one, and
 * the dates an edge gets from its articles. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "dates.h"

typedef struct {
    const char *text;
    const char *want; /* "" when no date; "0000-MM-DD" for a date without a year */
} text_case;

/* The first lines of an article and the date read from them. */
static const text_case CASES[] = {
    /* header lines: a date alone, with a label, weekday, time, zone */
    {"Quds Force chief speaks\n\nFri, 17 May 2019 - 09:07 GMT\n\nBody.", "2019-05-17"},
    {"Title\nJanuary 3, 2020\n\nTEHRAN - Iran said...", "2020-01-03"},
    {"2020-01-03\nIran said it would respond.", "2020-01-03"},
    {"Title\n3 January 2020\nBody", "2020-01-03"},
    {"Title\nDate: 2019-12-31T23:10:00Z\n", "2019-12-31"},
    {"Title\nLast updated: Friday, 17 May 2019\n", "2019-05-17"},
    {"Title\nUpdated 10:14 PM GMT+3, February 8, 2024\n", "2024-02-08"},
    {"Title\nPublished 4:37 AM EDT, May 16, 2023\n", "2023-05-16"},
    {"Title\nDecember 3, 2024 5:52 PM GMT \xc2\xb7 Updated 3 hours ago\n", "2024-12-03"},
    {"Title\nBy Jane Roe | Sept. 3, 2024\n", "2024-09-03"},
    {"Title\nPosted on 3rd of January 2020 at 10:00 a.m.\n", "2020-01-03"},
    {"Title\nFri May 17 10:00:00 UTC 2019\n", "2019-05-17"},
    {"Title\n2020/01/03 +0000\n", "2020-01-03"},
    {"Title\n\xc2\xa0 Monday,\xc2\xa0" "29 February 2016\n", "2016-02-29"},
    {"Title\r\nJan. 3, 2020\r\nBody", "2020-01-03"},
    /* datelines */
    {"Militants kill soldiers\n\nBAMAKO, Sept 3 (Reuters) - Islamist militants killed...", "0000-09-03"},
    {"GOMA, Democratic Republic of Congo, Dec 11 (Reuters) - Rwanda-backed M23...", "0000-12-11"},
    {"Jan 12 (Reuters) - U.S. and British warplanes struck...", "0000-01-12"},
    {"ISLAMABAD, Dec. 25 (AP) \xe2\x80\x94 Pakistani warplanes bombed...", "0000-12-25"},
    {"LONDON, 3 January 2020 \xe2\x80\x93 Britain condemned the attack.", "2020-01-03"},
    {"DUBAI/ADEN, January 12, 2024 -- The strikes began.", "2024-01-12"},
    /* a full date wins over an earlier one without a year */
    {"BEIRUT, Nov 24 (Reuters) - Israel struck.\nPublished: 2025-11-24\n", "2025-11-24"},
    /* not the article's date */
    {"Title\nThe war began on 3 January 2020 when militias attacked.\n", ""},
    {"Iran says the strike on January 3, 2020 was an act of war\n", ""},
    {"Smoke rises over Beirut, Lebanon, November 23, 2025. REUTERS/Stringer\n", ""},
    {"On Friday, 3 January 2020 - the day of the strike - Iran vowed revenge.", ""},
    {"SULAIMANI (ESTA) \xe2\x80\x94 Iran has instructed its Shia allies", ""},
    {"Title\n03/01/2020\n", ""},                 /* day or month first: ambiguous */
    {"Title\nMay 2019\n", ""},                   /* no day */
    {"Title\n31 February 2020\n", ""},           /* no such day */
    {"Title\n29 February 2019\n", ""},           /* not a leap year */
    {"Title\n2020-13-03\n", ""},
    {"Title\n12020-01-03\n", ""},
    {"Title\nMay 3 be the day\n", ""},
    {"Title\nIran may 3 times\n", ""},
    {"Title\nSeptember 11 attacks remembered\n", ""},
    {"Title\n10:14 PM GMT\n", ""},
    {"Title\nPage 3 of 12\n", ""},
    {"", ""},
    /* only the first lines: a date line after twelve non-blank lines is body */
    {"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\nJanuary 3, 2020\n", ""},
    {"1\n\n\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nJanuary 3, 2020\n", "2020-01-03"},
};

static void test_text_dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        char d[NB_DATE_LEN + 1];
        nb_date_from from = nb_text_date(CASES[i].text, strlen(CASES[i].text), d);
        const char *want = CASES[i].want;
        nb_date_from want_from = !*want ? NB_DATE_NONE : !strncmp(want, "0000", 4) ? NB_DATE_NO_YEAR : NB_DATE_TEXT;
        if (strcmp(d, want) || from != want_from)
            fail_msg("case %zu \"%.50s\": got \"%s\" (%d), want \"%s\" (%d)", i, CASES[i].text, d, (int)from, want,
                     (int)want_from);
    }
}

/* Only the first NB_DATE_BYTES bytes: a date line after a long first line
 * is not read, and text without a NUL after it is read within its length. */
static void test_text_bounds(void **state)
{
    (void)state;
    char d[NB_DATE_LEN + 1];
    size_t n = NB_DATE_BYTES + 40;
    char *t = malloc(n);
    memset(t, 'x', n);
    memcpy(t + NB_DATE_BYTES - 5, "\n2020-01-03\n", 12);
    assert_int_equal(nb_text_date(t, n, d), NB_DATE_NONE);
    memcpy(t, "2020-01-03\n", 11);
    assert_int_equal(nb_text_date(t, 10, d), NB_DATE_TEXT);
    assert_string_equal(d, "2020-01-03");
    assert_int_equal(nb_text_date(t, 9, d), NB_DATE_NONE);
    free(t);
}

typedef struct {
    const char *text, *path, *want;
    nb_date_from from;
} read_case;

static const read_case READS[] = {
    /* the text wins over the path */
    {"Title\nJanuary 3, 2020\n", "2024/05/01/a.txt", "2020-01-03", NB_DATE_TEXT},
    {"Title\nBody only.\n", "2024/05/01/a.txt", "2024-05-01", NB_DATE_PATH},
    {"Title\nBody only.\n", "news/a.txt", "", NB_DATE_NONE},
    /* a dateline's year from the path: the nearest one */
    {"BAMAKO, Sept 3 (Reuters) - Militants attacked.", "2024-09-04-mali.txt", "2024-09-03", NB_DATE_TEXT_PATH_YEAR},
    {"BAMAKO, Dec 31 (Reuters) - Militants attacked.", "2020/01/02/mali.txt", "2019-12-31", NB_DATE_TEXT_PATH_YEAR},
    {"BAMAKO, Jan 2 (Reuters) - Militants attacked.", "2019/12/30/mali.txt", "2020-01-02", NB_DATE_TEXT_PATH_YEAR},
    {"BAMAKO, Feb 29 (Reuters) - Militants attacked.", "2021/03/01/mali.txt", "2020-02-29", NB_DATE_TEXT_PATH_YEAR},
    /* and none without one: the year is never guessed */
    {"BAMAKO, Sept 3 (Reuters) - Militants attacked.", "news/mali.txt", "", NB_DATE_NO_YEAR},
};

static void test_read_date(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof READS / sizeof READS[0]; i++) {
        char d[NB_DATE_LEN + 1];
        nb_date_from from = nb_read_date(READS[i].text, strlen(READS[i].text), READS[i].path, d);
        if (strcmp(d, READS[i].want) || from != READS[i].from)
            fail_msg("read case %zu (%s): got \"%s\" (%d), want \"%s\" (%d)", i, READS[i].path, d, (int)from,
                     READS[i].want, (int)READS[i].from);
    }
}

/* An edge's dates: stored article dates first, the path's for an article
 * never read for one; copies add their path's date unless the text dated
 * the article (same text, same date). */
static void test_edge_dates(void **state)
{
    (void)state;
    nb_network net;
    const nb_test_edge edges[] = {{"Alpha", NB_REL_FUNDS, "Beta", 2}};
    nb_test_network(&net, NULL, 0, edges, 1);
    nb_network_article_date(&net, 0, "2019-05-17", NB_DATE_TEXT);
    nb_network_article_copy(&net, 0, "mirror/2024-02-01-a.txt");
    free(net.articles[1]);
    net.articles[1] = nb_strdup("wire/2023-12-30-b.txt"); /* never read: the path's date */
    char first[NB_DATE_LEN + 1], last[NB_DATE_LEN + 1];
    nb_edge_seen(&net, &net.edges[0], first, last);
    assert_string_equal(first, "2019-05-17");
    assert_string_equal(last, "2023-12-30");
    assert_int_equal(nb_net_undated(&net), 0);
    /* undated once read: the path no longer counts */
    nb_network_article_date(&net, 1, "", NB_DATE_NONE);
    nb_edge_seen(&net, &net.edges[0], first, last);
    assert_string_equal(first, "2019-05-17");
    assert_string_equal(last, "2019-05-17");
    assert_int_equal(nb_net_undated(&net), 1);
    /* a path-dated article's copies add their own dates */
    nb_network_article_date(&net, 0, "2024-01-03", NB_DATE_PATH);
    nb_buf d = {0};
    assert_int_equal(nb_edge_dates(&net, &net.edges[0], &d), 2);
    assert_string_equal(d.data, "2024-01-032024-02-01");
    nb_buf_free(&d);
    nb_network_free(&net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_dates),
        cmocka_unit_test(test_text_bounds),
        cmocka_unit_test(test_read_date),
        cmocka_unit_test(test_edge_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
