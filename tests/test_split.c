/* test_split.c - sentence splitting (abbreviations, quotes, layouts,
 * headlines, wrapped lines, the NB_MAX_SENTENCE cut) and tokenizing. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "split.h"

/* ---- sentences ------------------------------------------------------------ */

/* Splits text and returns the sentences joined by " | " (newlines inside a
 * sentence shown as "\n"); checks the invariants of every call on the way. */
static char *split_all(const char *text, size_t len, size_t *count, size_t *cuts)
{
    nb_buf out = {0};
    nb_buf_put(&out, "", 0);
    size_t pos = 0, n = 0, nc = 0, last_end = 0;
    nb_sentence s;
    while (nb_split_next(text, len, &pos, &s)) {
        assert_true(s.len > 0);
        assert_true(s.start >= last_end);
        assert_true(s.start + s.len <= len);
        assert_true(pos > s.start && pos <= len); /* always makes progress */
        /* Trimmed on both sides. */
        assert_true(text[s.start] != ' ' && text[s.start] != '\n' && text[s.start] != '\t');
        char e = text[s.start + s.len - 1];
        assert_true(e != ' ' && e != '\n' && e != '\t');
        /* Nothing but spaces between sentences. */
        for (size_t i = last_end; i < s.start; i++)
            assert_true(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\0');
        last_end = s.start + s.len;
        if (n++) nb_buf_puts(&out, " | ");
        nb_buf_put(&out, text + s.start, s.len);
        if (s.cut) nc++;
        assert_true(n < 100000);
    }
    assert_int_equal(pos, len);
    for (size_t i = last_end; i < len; i++)
        assert_true(text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\0');
    /* Once at the end, it stays there. */
    assert_false(nb_split_next(text, len, &pos, &s));
    assert_int_equal(pos, len);
    if (count) *count = n;
    if (cuts) *cuts = nc;
    return nb_buf_detach(&out);
}

static void splits(const char *text, const char *want)
{
    char *got = split_all(text, strlen(text), NULL, NULL);
    assert_string_equal(got, want);
    free(got);
}

static void test_empty(void **state)
{
    (void)state;
    splits("", "");
    splits("   \n\n \t ", "");
    splits("One", "One");
    splits("  One.  ", "One.");
    size_t pos = 0;
    nb_sentence s;
    assert_false(nb_split_next("", 0, &pos, &s));
    assert_int_equal(pos, 0);
}

static void test_abbreviations(void **state)
{
    (void)state;
    splits("The U.S. said on Jan. 5 that Gen. Soleimani was killed. He lived at No. 5 "
           "Street. Then it ended.",
           "The U.S. said on Jan. 5 that Gen. Soleimani was killed. | He lived at No. 5 "
           "Street. | Then it ended.");
    splits("Mr. Smith met Dr. Jones and Lt. Col. Brown. Sen. Graham and Gov. Abbott left.",
           "Mr. Smith met Dr. Jones and Lt. Col. Brown. | Sen. Graham and Gov. Abbott left.");
    splits("J. Smith left. Growth was 3.5 percent. The U.S.-led coalition moved.",
           "J. Smith left. | Growth was 3.5 percent. | The U.S.-led coalition moved.");
    splits("He met U.S. officials in Iraq. They left.", "He met U.S. officials in Iraq. | They left.");
    /* An acronym ends a sentence only before a typical sentence opener. */
    splits("Troops left the U.S. The next day it was quiet.",
           "Troops left the U.S. | The next day it was quiet.");
    splits("In the U.S. Iran has few friends.", "In the U.S. Iran has few friends.");
    splits("Troops left the U.S.", "Troops left the U.S.");
    splits("It was sent on Feb. 3 and Sept. 9 to Fort Worth.",
           "It was sent on Feb. 3 and Sept. 9 to Fort Worth.");
}

static void test_terminators(void **state)
{
    (void)state;
    splits("Did Iran attack? Yes! It did. 2019 was hard. 5 people died.",
           "Did Iran attack? | Yes! | It did. | 2019 was hard. | 5 people died.");
    splits("It ended. \xc3\x89tienne left.", "It ended. | \xc3\x89tienne left.");
    splits("It ended. (Then more.) Done.", "It ended. | (Then more.) | Done.");
    /* A lowercase word after a period is not a new sentence. */
    splits("It was approx. ten miles. Fine.", "It was approx. ten miles. | Fine.");
    splits("Wait... what happened?", "Wait... what happened?");
}

static void test_quotes(void **state)
{
    (void)state;
    /* ." ends the sentence and keeps the quote. */
    splits("He said \"stop.\" Then he left.", "He said \"stop.\" | Then he left.");
    splits("He said 'stop.' Then he left.", "He said 'stop.' | Then he left.");
    /* ," does not end anything. */
    splits("\"We will respond,\" Soleimani said. \"It is over.\" Then he left.",
           "\"We will respond,\" Soleimani said. | \"It is over.\" | Then he left.");
    /* ?" or !" followed by lowercase continues the sentence. */
    splits("\"Why?\" he asked. She said \"No!\" and ran. \"Go!\" The crowd ran.",
           "\"Why?\" he asked. | She said \"No!\" and ran. | \"Go!\" | The crowd ran.");
    splits("He said \"stop.\"", "He said \"stop.\"");
    splits("Iran (the country) won. It was (briefly.) Over.",
           "Iran (the country) won. | It was (briefly.) | Over.");
}

static const char *const ARTICLE_LINES[] = {
    "Iran funds Kataib Hezbollah, U.S. officials said on Jan. 5.",
    "Gen. Soleimani commanded the Quds Force.",
    "\"We condemn the attack,\" the ministry said.",
    "Did Iraq respond? It did not.",
};

static void test_layouts(void **state)
{
    (void)state;
    /* One paragraph per line and the whole body on one line give the same
     * sentences. */
    nb_buf lines = {0}, one = {0}, want = {0};
    for (size_t i = 0; i < 4; i++) {
        nb_buf_printf(&lines, "%s\n", ARTICLE_LINES[i]);
        nb_buf_printf(&one, "%s%s", i ? " " : "", ARTICLE_LINES[i]);
    }
    nb_buf_puts(&want, "Iran funds Kataib Hezbollah, U.S. officials said on Jan. 5. | "
                       "Gen. Soleimani commanded the Quds Force. | "
                       "\"We condemn the attack,\" the ministry said. | "
                       "Did Iraq respond? | It did not.");
    char *a = split_all(lines.data, lines.len, NULL, NULL);
    char *b = split_all(one.data, one.len, NULL, NULL);
    assert_string_equal(a, want.data);
    assert_string_equal(b, want.data);
    free(a);
    free(b);

    /* Blank lines and indentation between paragraphs change nothing. */
    nb_buf spaced = {0};
    for (size_t i = 0; i < 4; i++) nb_buf_printf(&spaced, "\n  \t%s  \n\n", ARTICLE_LINES[i]);
    char *c = split_all(spaced.data, spaced.len, NULL, NULL);
    assert_string_equal(c, want.data);
    free(c);
    nb_buf_free(&lines);
    nb_buf_free(&one);
    nb_buf_free(&want);
    nb_buf_free(&spaced);
}

static void test_headlines_and_wrapping(void **state)
{
    (void)state;
    /* A line without a period is a headline of its own. */
    splits("Iran blames U.S. for attack\nTehran said it would respond.",
           "Iran blames U.S. for attack | Tehran said it would respond.");
    splits("Headline One\nHeadline Two\n\"Quoted start.\"\n(Paren start.)",
           "Headline One | Headline Two | \"Quoted start.\" | (Paren start.)");
    splits("Iran blames Iraq\n\nfor everything", "Iran blames Iraq | for everything");
    /* A hard-wrapped line that continues in lowercase joins the sentence. */
    splits("The army of Iraq\nmoved into the city\n  at dawn. Then it ended.",
           "The army of Iraq\nmoved into the city\n  at dawn. | Then it ended.");
    splits("Iran attacked.\nand then more", "Iran attacked. | and then more");
}

static void test_max_sentence_words(void **state)
{
    (void)state;
    /* 20 000 bytes of words and no period: cut at word boundaries. */
    size_t len = 20000;
    char *t = nb_malloc(len + 1);
    for (size_t i = 0; i < len; i++) t[i] = (i % 7 == 6) ? ' ' : 'w';
    t[len] = '\0';
    size_t pos = 0, n = 0, covered = 0;
    nb_sentence s;
    while (nb_split_next(t, len, &pos, &s)) {
        assert_true(s.len <= NB_MAX_SENTENCE);
        size_t end = s.start + s.len;
        if (end < len) {
            assert_true(s.cut);
            assert_true(s.len > NB_MAX_SENTENCE / 2);
            assert_int_equal(t[end], ' '); /* ends before a space, not in a word */
        }
        covered += s.len;
        n++;
    }
    assert_int_equal(n, 6);
    assert_false(s.cut); /* the remainder ends normally */
    assert_int_equal(covered, len - (n - 1)); /* only the spaces at the cuts are lost */
    char *all = split_all(t, len, NULL, NULL);
    free(all);
    free(t);
}

static void test_max_sentence_unbroken(void **state)
{
    (void)state;
    /* No space at all: cut at exactly NB_MAX_SENTENCE bytes. */
    size_t len = 9000, n, cuts;
    char *t = nb_malloc(len + 1);
    memset(t, 'a', len);
    t[len] = '\0';
    char *all = split_all(t, len, &n, &cuts);
    assert_int_equal(n, 3);
    assert_int_equal(cuts, 2);
    assert_int_equal(strlen(all), len + 2 * 3);
    size_t pos = 0;
    nb_sentence s;
    assert_true(nb_split_next(t, len, &pos, &s));
    assert_int_equal(s.len, NB_MAX_SENTENCE);
    assert_true(s.cut);
    free(all);

    /* Two-byte characters: never cut inside a UTF-8 sequence. */
    for (size_t i = 0; i + 1 < len; i += 2) {
        t[i] = (char)0xc3;
        t[i + 1] = (char)0xa9;
    }
    pos = 0;
    size_t total = 0;
    while (nb_split_next(t, len, &pos, &s)) {
        assert_true(s.len <= NB_MAX_SENTENCE);
        assert_true(((unsigned char)t[s.start] & 0xC0) != 0x80);
        if (s.start + s.len < len) assert_true(((unsigned char)t[s.start + s.len] & 0xC0) != 0x80);
        total += s.len;
    }
    assert_int_equal(total, len);

    /* Three-byte characters with an odd alignment. */
    memset(t, 'x', len);
    for (size_t i = 1; i + 2 < len; i += 3) {
        t[i] = (char)0xe2;
        t[i + 1] = (char)0x82;
        t[i + 2] = (char)0xac;
    }
    pos = 0;
    total = 0;
    while (nb_split_next(t, len, &pos, &s)) {
        assert_true(((unsigned char)t[s.start] & 0xC0) != 0x80);
        if (s.start + s.len < len) assert_true(((unsigned char)t[s.start + s.len] & 0xC0) != 0x80);
        total += s.len;
    }
    assert_int_equal(total, len);
    free(t);
}

static void test_not_nul_terminated(void **state)
{
    (void)state;
    /* Only len bytes are read: the byte after them is never looked at. */
    const char text[] = "It ended. Then";
    char *buf = nb_malloc(9);
    memcpy(buf, text, 9); /* "It ended." with no terminator */
    size_t pos = 0;
    nb_sentence s;
    assert_true(nb_split_next(buf, 9, &pos, &s));
    assert_int_equal(s.start, 0);
    assert_int_equal(s.len, 9);
    assert_false(nb_split_next(buf, 9, &pos, &s));
    free(buf);
}

/* ---- tokens --------------------------------------------------------------- */

/* Tokenizes s and renders the tokens as "text/flags" joined by spaces, with
 * flags as letters: W word, C cap, U upper, N num, G glue, P punct. */
static char *toks(const char *s)
{
    nb_tok *t = NULL;
    size_t cap = 0;
    size_t n = nb_tokenize(s, strlen(s), &t, &cap);
    nb_buf out = {0};
    nb_buf_put(&out, "", 0);
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(t[i].len > 0);
        assert_true(t[i].start >= prev_end);
        assert_true(t[i].start + t[i].len <= strlen(s));
        /* GLUE exactly when no space precedes the token. */
        bool glued = i > 0 && t[i].start == prev_end;
        assert_int_equal(!!(t[i].flags & NB_TOK_GLUE), glued);
        prev_end = t[i].start + t[i].len;
        if (i) nb_buf_putc(&out, ' ');
        nb_buf_put(&out, s + t[i].start, t[i].len);
        nb_buf_putc(&out, '/');
        const char *letters = "WCUNGP";
        for (int b = 0; b < 6; b++)
            if (t[i].flags & (1u << b)) nb_buf_putc(&out, letters[b]);
    }
    assert_true(cap >= n);
    free(t);
    return nb_buf_detach(&out);
}

static void tokenizes(const char *s, const char *want)
{
    char *got = toks(s);
    assert_string_equal(got, want);
    free(got);
}

static void test_tokens_basic(void **state)
{
    (void)state;
    tokenizes("", "");
    tokenizes("   ", "");
    tokenizes("Iran funds groups.", "Iran/WC funds/W groups/W ./GP");
    tokenizes("  IRGC\tand\nIS  ", "IRGC/WCU and/W IS/WCU");
    tokenizes("A b", "A/WC b/W"); /* one letter is not UPPER */
    tokenizes("\xc3\x89tienne said", "\xc3\x89tienne/WC said/W");
    tokenizes("(Reuters) -", "(/P Reuters/WCG )/GP -/P");
}

static void test_tokens_possessive(void **state)
{
    (void)state;
    tokenizes("Iran's army", "Iran/WC 's/WG army/W");
    tokenizes("IRAN'S ARMY", "IRAN/WCU 'S/WG ARMY/WCU");
    tokenizes("Iran's.", "Iran/WC 's/WG ./GP");
    tokenizes("Hezbollah's, Iraq's", "Hezbollah/WC 's/WG ,/GP Iraq/WC 's/WG");
    /* Apostrophes inside names and contractions stay. */
    tokenizes("Kata'ib Hezbollah", "Kata'ib/WC Hezbollah/WC");
    tokenizes("Kata'ib's fighters", "Kata'ib/WC 's/WG fighters/W");
    tokenizes("isn't Qur'an", "isn't/W Qur'an/WC");
    tokenizes("Ma'sum said", "Ma'sum/WC said/W");
    /* A quoted word: the quotes are punctuation. */
    tokenizes("'Iran'", "'/P Iran/WCG '/GP");
}

static void test_tokens_hyphens_acronyms_numbers(void **state)
{
    (void)state;
    tokenizes("Iran-backed al-Quds", "Iran/WC -/GP backed/WG al/W -/GP Quds/WCG");
    tokenizes("U.S. forces", "U.S./WCU forces/W");
    tokenizes("the U.S.-led coalition", "the/W U.S./WCU -/GP led/WG coalition/W");
    tokenizes("U.N. and U.S.", "U.N./WCU and/W U.S./WCU");
    tokenizes("at 5 a.m. today", "at/W 5/WN a.m./W today/W");
    tokenizes("5,200 troops and 3.5 million", "5,200/WN troops/W and/W 3.5/WN million/W");
    tokenizes("1,000,000 dollars", "1,000,000/WN dollars/W");
    tokenizes("In 2019, 40 died.", "In/WC 2019/WN ,/GP 40/WN died/W ./GP");
    tokenizes("F-35 jets", "F/WC -/GP 35/WNG jets/W");
    tokenizes("3rd brigade", "3rd/WN brigade/W");
    tokenizes("Iran.Iraq", "Iran/WC ./GP Iraq/WCG");
    /* a non-ASCII letter may be a capital; the replacement character is none */
    tokenizes("\xc3\x89lys\xc3\xa9" "e \xef\xbf\xbd\xef\xbf\xbd", "\xc3\x89lys\xc3\xa9" "e/WC \xef\xbf\xbd\xef\xbf\xbd/W");
}

static void test_tokens_offsets_and_growth(void **state)
{
    (void)state;
    const char *s = "Iran's U.S. 5,200";
    nb_tok *t = NULL;
    size_t cap = 0;
    size_t n = nb_tokenize(s, strlen(s), &t, &cap);
    assert_int_equal(n, 4);
    assert_int_equal(t[0].start, 0);
    assert_int_equal(t[0].len, 4);
    assert_int_equal(t[1].start, 4);
    assert_int_equal(t[1].len, 2);
    assert_int_equal(t[2].start, 7);
    assert_int_equal(t[2].len, 4);
    assert_int_equal(t[3].start, 12);
    assert_int_equal(t[3].len, 5);

    /* The token array is reused and grown across calls. */
    nb_buf big = {0};
    for (int i = 0; i < 3000; i++) nb_buf_puts(&big, "Iran's ");
    size_t m = nb_tokenize(big.data, big.len, &t, &cap);
    assert_int_equal(m, 6000);
    assert_true(cap >= 6000);
    assert_int_equal(t[5999].start, 2999 * 7 + 4);
    n = nb_tokenize(s, 4, &t, &cap); /* only n bytes */
    assert_int_equal(n, 1);
    assert_int_equal(t[0].len, 4);
    nb_buf_free(&big);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_abbreviations),
        cmocka_unit_test(test_terminators),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_layouts),
        cmocka_unit_test(test_headlines_and_wrapping),
        cmocka_unit_test(test_max_sentence_words),
        cmocka_unit_test(test_max_sentence_unbroken),
        cmocka_unit_test(test_not_nul_terminated),
        cmocka_unit_test(test_tokens_basic),
        cmocka_unit_test(test_tokens_possessive),
        cmocka_unit_test(test_tokens_hyphens_acronyms_numbers),
        cmocka_unit_test(test_tokens_offsets_and_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
