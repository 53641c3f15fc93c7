/* test_udtok.c - UD (English EWT) tokenization: punctuation, clitics and
 * multiword tokens, hyphens, abbreviations, numbers, URLs, emoticons, and
 * robustness on empty, huge and odd input. */
/* cmocka's own prerequisites, as in testutil.h; that header is not needed
 * here and would tie this test to the network model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "udtok.h"
#include "util.h"

/* Checks the invariants every result must keep: words in order, inside s,
 * not overlapping, free of whitespace, multiword tokens contiguous, and
 * space_after telling the truth. */
static void check_words(const char *s, size_t n, const nb_word *w, size_t k)
{
    assert_true(k <= NB_UDTOK_MAX);
    size_t prev = 0, mwt_left = 0;
    for (size_t i = 0; i < k; i++) {
        assert_true(w[i].len > 0);
        assert_true(w[i].start >= prev);
        assert_true((size_t)w[i].start + w[i].len <= n);
        for (size_t j = w[i].start; j < w[i].start + w[i].len; j++)
            assert_false(s[j] == ' ' || s[j] == '\t' || s[j] == '\n');
        size_t end = (size_t)w[i].start + w[i].len;
        bool sp = end < n && (s[end] == ' ' || s[end] == '\t' || s[end] == '\n' ||
                              s[end] == '\r' || s[end] == '\v' || s[end] == '\f' ||
                              ((unsigned char)s[end] == 0xC2 && end + 1 < n &&
                               (unsigned char)s[end + 1] == 0xA0));
        assert_int_equal(w[i].space_after, sp);
        if (mwt_left) {
            assert_int_equal(w[i].mwt, 0);
            assert_int_equal(w[i].start, prev); /* glued to the previous word */
            mwt_left--;
        } else if (w[i].mwt) {
            assert_true(w[i].mwt >= 2 && i + w[i].mwt <= k);
            mwt_left = w[i].mwt - 1u;
        }
        if (mwt_left) assert_false(w[i].space_after);
        prev = end;
    }
    assert_int_equal(mwt_left, 0);
}

/* Tokenizes s and renders the words joined by spaces, the words of a
 * multiword token as "[do n't]". */
static char *render(const char *s, size_t n)
{
    nb_word *w = NULL;
    size_t cap = 0;
    size_t k = nb_udtok(s, n, &w, &cap);
    check_words(s, n, w, k);
    nb_buf out = {0};
    nb_buf_put(&out, "", 0);
    for (size_t i = 0, left = 0; i < k; i++) {
        if (i) nb_buf_putc(&out, ' ');
        if (w[i].mwt) {
            nb_buf_putc(&out, '[');
            left = w[i].mwt;
        }
        nb_buf_put(&out, s + w[i].start, w[i].len);
        if (left && --left == 0) nb_buf_putc(&out, ']');
    }
    free(w);
    return nb_buf_detach(&out);
}

typedef struct {
    const char *in, *want;
} tcase;

static void run_table(const tcase *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = render(t[i].in, strlen(t[i].in));
        if (strcmp(got, t[i].want) != 0) fprintf(stderr, "input: %s\n", t[i].in);
        assert_string_equal(got, t[i].want);
        free(got);
    }
}

#define TABLE(t) run_table(t, sizeof t / sizeof t[0])

static void test_punctuation(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"Hello, world.", "Hello , world ."},
        {"\"Yes,\" he said (twice)!", "\" Yes , \" he said ( twice ) !"},
        {"Wait... what?!", "Wait ... what ?!"},
        {"Really?? No!!!", "Really ?? No !!!"},
        {"so -- anyway --- fine", "so -- anyway --- fine"},
        {"downtown...?", "downtown ... ?"},
        {"Great :) see you ;-) :D", "Great :) see you ;-) :D"},
        {"NOTE:Deadline", "NOTE : Deadline"},
        {"[x]; {y}: z", "[ x ] ; { y } : z"},
        {"<<file.doc>>", "<< file.doc >>"},
        {"'hello'", "' hello '"},
    };
    TABLE(t);
}

static void test_clitics(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"I don't know.", "I [do n't] know ."},
        {"We can't and won't.", "We [ca n't] and [wo n't] ."},
        {"You cannot go, I'm gonna stay.", "You [can not] go , [I 'm] [gon na] stay ."},
        {"they're, we've, you'll, she'd", "[they 're] , [we 've] , [you 'll] , [she 'd]"},
        {"Iran's oil and the FBI's role", "[Iran 's] oil and the [FBI 's] role"},
        {"It's HERE, ISN'T IT", "[It 's] HERE , [IS N'T] IT"},
        {"i dont care, im sure u cant", "i [do nt] care , [i m] sure u [ca nt]"},
        {"wanna gotta dunno", "[wan na] [got ta] [du n no]"},
        {"the Joneses' house, dogs' toys", "the [Joneses '] house , [dogs '] toys"},
        {"he said 'old boys' club", "he said ' old boys ' club"},
        {"O'Brien's rock'n'roll", "[O'Brien 's] rock'n'roll"},
        {"in the 1970's", "in the 1970's"},
        {"tell 'em in '72", "tell 'em in '72"},
        {"don\xe2\x80\x99t", "[do n\xe2\x80\x99t]"},
        {"IM me", "IM me"},
    };
    TABLE(t);
}

static void test_hyphens(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"a well-known, so-called state-of-the-art plan", "a well - known , so - called state - of - the - art plan"},
        {"e-mail non-stop anti-war re-elect pre-war co-workers", "e-mail non-stop anti-war re-elect pre-war co-workers"},
        {"al-Qaeda and Bush-Cheney", "al - Qaeda and Bush - Cheney"},
        {"call 713-853-3989 or 345-9945 or 1-800-991-9019", "call 713-853-3989 or 345-9945 or 1-800-991-9019"},
        {"in 1969-1970, 5-10 times", "in 1969 - 1970 , 5 - 10 times"},
        {"on 2024-01-03 and 01-Feb-02", "on 2024-01-03 and 01-Feb-02"},
        {"the U.S.-led force", "the U.S. - led force"},
        {"a 10-week, $5-million deal", "a 10 - week , $ 5 - million deal"},
    };
    TABLE(t);
}

static void test_abbreviations(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"Dr. Smith and Mr. Jones of Acme Inc. met at 3 p.m. today.",
         "Dr. Smith and Mr. Jones of Acme Inc. met at 3 p.m. today ."},
        {"J. Smith, e.g. him, i.e. no one", "J. Smith , e.g. him , i.e. no one"},
        {"They live in the U.S.", "They live in the U.S ."},
        {"The U.S. said so.", "The U.S. said so ."},
        {"fruit, nuts, etc.", "fruit , nuts , etc ."},
        {"No. 5 and no. I left. Then", "No. 5 and no . I left . Then"},
        {"ACME CORP. SAYS", "ACME CORP. SAYS"},
        {"met J.Aron there", "met J. Aron there"},
        {"in the U.S.. Then", "in the U.S. . Then"},
    };
    TABLE(t);
}

static void test_numbers(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"It cost $5, or $1,000.50 (5%).", "It cost $ 5 , or $ 1,000.50 ( 5 % ) ."},
        {"at 10:30, 7:30PM or 9am", "at 10:30 , 7:30 PM or 9 am"},
        {"3.5 times on 16/11/2004 and 9/11", "3.5 times on 16/11/2004 and 9/11"},
        {"the 5th, 21st and 1990s", "the 5th , 21st and 1990s"},
        {"a 35mm lens, 65k miles, 300USD", "a 35 mm lens , 65 k miles , 300 USD"},
        {"dial +44 20 or .04", "dial +44 20 or .04"},
        {"May 11,2000", "May 11 , 2000"},
        {"#1 and #tag, @user", "# 1 and #tag , @user"},
    };
    TABLE(t);
}

static void test_urls_emails(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"See http://www.example.com/a-b?x=1&y=2.", "See http://www.example.com/a-b?x=1&y=2 ."},
        {"(www.juancole.com)", "( www.juancole.com )"},
        {"mail bob.smith@enron.com, or <x@y.org>", "mail bob.smith@enron.com , or < x@y.org >"},
        {"visit whitehouse.gov or alt.animals.open-forum", "visit whitehouse.gov or alt.animals.open-forum"},
        {"AT&T and PG&E's rates w/o tax", "AT&T and [PG&E 's] rates w/o tax"},
    };
    TABLE(t);
}

static void test_non_ascii(void **state)
{
    (void)state;
    static const tcase t[] = {
        {"Iyad Ag Ghaly left Bogot\xc3\xa1.", "Iyad Ag Ghaly left Bogot\xc3\xa1 ."},
        {"\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 yes", "\xe2\x80\x9c Quoted \xe2\x80\x9d \xe2\x80\x94 yes"},
        {"\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd8\xb9\xd8\xaf\xd8\xa9\xd8\x8c ok",
         "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd8\xb9\xd8\xaf\xd8\xa9 \xd8\x8c ok"},
        {"\xe5\x8c\x97\xe4\xba\xac\xe3\x80\x82", "\xe5\x8c\x97\xe4\xba\xac \xe3\x80\x82"},
        {"costs \xe2\x82\xac" "16bn", "costs \xe2\x82\xac 16 bn"},
    };
    TABLE(t);
}

static void test_space_after(void **state)
{
    (void)state;
    const char *s = "I don't, really.\tOK";
    nb_word *w = NULL;
    size_t cap = 0;
    size_t k = nb_udtok(s, strlen(s), &w, &cap);
    check_words(s, strlen(s), w, k);
    assert_int_equal(k, 7); /* I do n't , really . OK */
    static const bool sp[] = {true, false, false, true, false, true, false};
    static const uint16_t mwt[] = {0, 2, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < k; i++) {
        assert_int_equal(w[i].space_after, sp[i]);
        assert_int_equal(w[i].mwt, mwt[i]);
    }
    assert_int_equal(w[1].start, 2);
    assert_int_equal(w[1].len, 2);
    assert_int_equal(w[2].start, 4);
    assert_int_equal(w[2].len, 3);
    free(w);
}

static void test_empty_and_spaces(void **state)
{
    (void)state;
    nb_word *w = NULL;
    size_t cap = 0;
    assert_int_equal(nb_udtok("", 0, &w, &cap), 0);
    assert_int_equal(nb_udtok(" \t\n  \r ", 7, &w, &cap), 0);
    assert_int_equal(nb_udtok("\xc2\xa0", 2, &w, &cap), 0); /* a lone no-break space */
    free(w);
    char *got = render("  spaced   out  ", 16);
    assert_string_equal(got, "spaced out");
    free(got);
}

/* Feeds bytes that are not text: stray continuation bytes, cut sequences
 * at the very end, NULs, control bytes, lone punctuation of every kind. */
static void test_odd_bytes(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "\x80\x81\xbf", "abc\xe2\x80", "\xf0\x9f", "x\xc3", "'", "''", "s'", "n't", "'s",
        "-", "--a", "a-", "1-", "1-2-", "U.", "U.S", ".", "..", "@", "#", "+", "$",
        "http://", "www.", "a@", "@b", "x@y", "\x01\x02\x7f", "a\0b", "::)", ":", "J.",
        "e-", "01-Feb-", "1,", "1,2345", ",,,", "alot", "Yahoo!", "'em", "'7", "\xe2\x80\x99",
        "dogs\xe2\x80", "can\xe2\x80\x99", "\xc2", "w/", "b/c", "A&", "&B", "__", "a_",
    };
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        size_t n = strlen(odd[i]);
        if (strcmp(odd[i], "a\0b") == 0) n = 3;
        /* Exact-size heap copies, so ASan catches any read past the end. */
        char *copy = malloc(n ? n : 1);
        memcpy(copy, odd[i], n);
        for (size_t cut = 0; cut <= n; cut++) free(render(copy, cut));
        free(copy);
    }
}

static void test_long_inputs(void **state)
{
    (void)state;
    /* One 10,000-byte word stays one word. */
    size_t n = 10000;
    char *s = malloc(n);
    memset(s, 'a', n);
    nb_word *w = NULL;
    size_t cap = 0;
    assert_int_equal(nb_udtok(s, n, &w, &cap), 1);
    assert_int_equal(w[0].start, 0);
    assert_int_equal(w[0].len, n);
    /* A long phone-like run, a long dotted run and long punctuation stay
     * linear and inside bounds. */
    for (size_t i = 0; i < n; i++) s[i] = (i % 2) ? '-' : '1';
    check_words(s, n, w, nb_udtok(s, n, &w, &cap));
    for (size_t i = 0; i < n; i++) s[i] = (i % 2) ? '.' : 'a';
    check_words(s, n, w, nb_udtok(s, n, &w, &cap));
    memset(s, '!', n);
    assert_int_equal(nb_udtok(s, n, &w, &cap), 1);
    for (size_t i = 0; i < n; i++) s[i] = "x'y-z.1,2:3/A&B_c@d#e"[i % 21];
    check_words(s, n, w, nb_udtok(s, n, &w, &cap));
    free(s);
    free(w);
}

static void test_word_limit(void **state)
{
    (void)state;
    /* 3 * NB_UDTOK_MAX words: the limit holds, the kept words come first,
     * and a multiword token is never cut in two. */
    size_t words = 3 * NB_UDTOK_MAX;
    nb_buf b = {0};
    for (size_t i = 0; i < words; i++) nb_buf_puts(&b, i % 3 ? "x " : "don't ");
    nb_word *w = NULL;
    size_t cap = 0;
    size_t k = nb_udtok(b.data, b.len, &w, &cap);
    assert_true(k <= NB_UDTOK_MAX && k >= NB_UDTOK_MAX - 1);
    check_words(b.data, b.len, w, k);
    assert_int_equal(w[0].mwt, 2);
    free(w);
    nb_buf_free(&b);
}

/* Pseudo-random bytes from a fixed seed: no crash, invariants hold. */
static void test_random_bytes(void **state)
{
    (void)state;
    uint32_t x = 12345;
    static const char alphabet[] = "aZ9 .,'-/:@#&_!?$%()\"`+\xc3\xa9\xe2\x80\x99\x80";
    char buf[64];
    for (int round = 0; round < 20000; round++) {
        size_t n = (size_t)(round % 64);
        for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        char *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        free(render(copy, n));
        free(copy);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_urls_emails),
        cmocka_unit_test(test_non_ascii),
        cmocka_unit_test(test_space_after),
        cmocka_unit_test(test_empty_and_spaces),
        cmocka_unit_test(test_odd_bytes),
        cmocka_unit_test(test_long_inputs),
        cmocka_unit_test(test_word_limit),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
