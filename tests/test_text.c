/* test_text.c - nb_text_sanitize and the clean stage: encodings (BOM,
 * UTF-16, Latin-1 guess), line ends, typographic folding, control and
 * invalid bytes, bidi marks, boilerplate dropping and the offset map. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* True when s[0..n) is valid UTF-8 (no overlongs, surrogates or values
 * above U+10FFFF). */
static bool valid_utf8(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        size_t len;
        uint32_t cp, min;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (i + len > n) return false;
        for (size_t k = 1; k < len; k++) {
            if ((u[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

/* ---- nb_text_sanitize ----------------------------------------------------- */

static void sanitizes(const char *in, size_t n, const char *want)
{
    char *got = nb_text_sanitize(in, n);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_true(valid_utf8(got, strlen(got)));
    for (const char *p = got; *p; p++) assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
    free(got);
}
#define SAN(lit, want) sanitizes(lit, sizeof(lit) - 1, want)

static void test_sanitize(void **state)
{
    (void)state;
    SAN("", "");
    SAN("Plain ASCII, kept as is.", "Plain ASCII, kept as is.");
    /* Valid 2-, 3- and 4-byte sequences pass through. */
    SAN("\xc3\x9c" "ber \xe2\x82\xac \xf0\x9f\x98\x80 \xd8\xb3\xd9\x84\xd9\x8a\xd9\x85\xd8\xa7\xd9\x86\xd9\x8a",
        "\xc3\x9c" "ber \xe2\x82\xac \xf0\x9f\x98\x80 \xd8\xb3\xd9\x84\xd9\x8a\xd9\x85\xd8\xa7\xd9\x86\xd9\x8a");
    /* Controls become one space; none at the start. */
    SAN("a\tb\nc\r\nd", "a b c d");
    SAN("\x01\x02lead", "lead");
    SAN("trail\x01", "trail ");
    SAN("nul\0mid", "nul mid");
    SAN("x \x1b[31m y", "x [31m y");
    /* DEL and C1 controls vanish. */
    SAN("a\x7f" "b\xc2\x80" "c\xc2\x9f" "d", "abcd");
    /* Invalid bytes become U+FFFD, one per byte. */
    SAN("bad\xff", "bad\xef\xbf\xbd");
    SAN("\xc3(", "\xef\xbf\xbd(");
    SAN("\xe2\x82", "\xef\xbf\xbd\xef\xbf\xbd");       /* truncated at the end */
    SAN("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");       /* overlong '/' */
    SAN("\xe0\x80\xaf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* overlong, 3 bytes */
    SAN("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* surrogate D800 */
    SAN("\xed\xbf\xbf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* surrogate DFFF */
    SAN("\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* > 10FFFF */
    SAN("\xf8\x88\x80\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    SAN("\x80", "\xef\xbf\xbd");
    /* Edges of the valid range are kept. */
    SAN("\xed\x9f\xbf \xee\x80\x80 \xf4\x8f\xbf\xbd", "\xed\x9f\xbf \xee\x80\x80 \xf4\x8f\xbf\xbd");
    /* Bidi controls, zero-width characters, BOM and non-characters vanish. */
    SAN("Ira\xe2\x80\x8fn", "Iran");
    SAN("a\xe2\x80\xae" "b\xe2\x80\xac" "c\xe2\x81\xa6" "d\xe2\x81\xa9" "e\xd8\x9c" "f", "abcdef");
    SAN("zw\xe2\x80\x8b" "sp\xe2\x81\xa0" "x\xef\xbb\xbf" "y", "zwspxy");
    SAN("n\xef\xbf\xbe" "c\xef\xbf\xbf" "h\xef\xb7\x90" "a\xf0\x9f\xbf\xbe" "r", "nchar");
    /* Only n bytes are read. */
    sanitizes("Iran and Iraq", 4, "Iran");
}

/* ---- nb_clean_text: helpers ----------------------------------------------- */

static void clean(nb_clean *c, const char *raw, size_t n)
{
    nb_clean_text(c, raw, n);
    assert_non_null(c->text);
    assert_int_equal(strlen(c->text), c->len);
    assert_true(valid_utf8(c->text, c->len));
    /* No control characters except newlines survive. */
    for (size_t i = 0; i < c->len; i++) {
        unsigned char ch = (unsigned char)c->text[i];
        assert_true(ch == '\n' || (ch >= 0x20 && ch != 0x7f));
    }
    /* Every cleaned offset maps into the input, in order. */
    size_t prev = 0;
    for (size_t i = 0; i <= c->len; i++) {
        size_t o = nb_clean_orig_offset(c, i);
        if (o < prev || o > n) fail_msg("clean offset %zu maps to %zu (previous %zu, input %zu)", i, o, prev, n);
        prev = o;
    }
}

/* Every ASCII letter or digit of the cleaned text maps back to the same
 * character in the raw input, in whatever encoding it was read. */
static void assert_map_ok(nb_clean *c, const char *raw, size_t n)
{
    for (size_t i = 0; i < c->len; i++) {
        unsigned char ch = (unsigned char)c->text[i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
            continue;
        size_t o = nb_clean_orig_offset(c, i);
        bool same;
        if (c->encoding == 1) same = o + 1 < n && raw[o] == (char)ch && raw[o + 1] == 0;
        else if (c->encoding == 2) same = o + 1 < n && raw[o] == 0 && raw[o + 1] == (char)ch;
        else same = o < n && raw[o] == (char)ch;
        if (!same) fail_msg("clean offset %zu ('%c') maps to raw %zu (of %zu)", i, ch, o, n);
    }
    assert_int_equal(nb_clean_orig_offset(c, c->len), n);
}

static void cleans(const char *raw, size_t n, const char *want)
{
    nb_clean c;
    clean(&c, raw, n);
    assert_string_equal(c.text, want);
    assert_map_ok(&c, raw, n);
    nb_clean_free(&c);
}
#define CLEANS(lit, want) cleans(lit, sizeof(lit) - 1, want)

/* ---- encodings ------------------------------------------------------------ */

static void test_empty(void **state)
{
    (void)state;
    nb_clean c;
    clean(&c, "", 0);
    assert_string_equal(c.text, "");
    assert_int_equal(c.len, 0);
    assert_int_equal(c.encoding, 0);
    assert_int_equal(nb_clean_orig_offset(&c, 0), 0);
    nb_clean_free(&c);
    assert_null(c.text);
    assert_int_equal(c.len, 0);
}

static void test_bom(void **state)
{
    (void)state;
    const char raw[] = "\xEF\xBB\xBFIran funds the group.\n";
    nb_clean c;
    clean(&c, raw, sizeof raw - 1);
    assert_int_equal(c.encoding, 0);
    assert_string_equal(c.text, "Iran funds the group.\n");
    assert_int_equal(nb_clean_orig_offset(&c, 0), 3);
    assert_int_equal(nb_clean_orig_offset(&c, 5), 8);
    assert_map_ok(&c, raw, sizeof raw - 1);
    nb_clean_free(&c);
    /* A BOM alone. */
    CLEANS("\xEF\xBB\xBF", "");
    /* A BOM in the middle of the text is dropped too. */
    CLEANS("Iran \xEF\xBB\xBF" "funds the group.", "Iran funds the group.");
}

static void test_utf16(void **state)
{
    (void)state;
    /* "Iran’s army said." then CRLF, little-endian with a BOM. */
    const char le[] = "\xFF\xFE" "I\0r\0a\0n\0\x19\x20s\0 \0a\0r\0m\0y\0 \0s\0a\0i\0d\0.\0\r\0\n\0";
    nb_clean c;
    clean(&c, le, sizeof le - 1);
    assert_int_equal(c.encoding, 1);
    assert_string_equal(c.text, "Iran's army said.\n");
    assert_int_equal(c.invalid_bytes, 0);
    assert_map_ok(&c, le, sizeof le - 1);
    assert_int_equal(nb_clean_orig_offset(&c, 5), 12); /* "s" after the U+2019 */
    nb_clean_free(&c);

    /* Big-endian with a surrogate pair (U+1F600) and an em dash. */
    const char be[] = "\xFE\xFF" "\0H\0i\0 \xD8\x3D\xDE\x00\0 \x20\x14\0 \0o\0k\0.";
    clean(&c, be, sizeof be - 1);
    assert_int_equal(c.encoding, 2);
    assert_string_equal(c.text, "Hi \xf0\x9f\x98\x80 - ok.");
    assert_map_ok(&c, be, sizeof be - 1);
    nb_clean_free(&c);

    /* A lone surrogate becomes U+FFFD and is counted. */
    const char bad[] = "\xFF\xFE" "I\0r\0a\0n\0 \0\x00\xD8 \0s\0a\0i\0d\0 \0n\0o\0.\0";
    clean(&c, bad, sizeof bad - 1);
    assert_int_equal(c.encoding, 1);
    assert_string_equal(c.text, "Iran \xef\xbf\xbd said no.");
    assert_int_equal(c.invalid_bytes, 1);
    nb_clean_free(&c);

    /* A low surrogate first, then a high one at the very end. */
    const char bad2[] = "\xFF\xFE" "\x00\xDC" "O\0k\0 \0i\0t\0 \0i\0s\0.\0\x00\xD8";
    clean(&c, bad2, sizeof bad2 - 1);
    assert_string_equal(c.text, "\xef\xbf\xbdOk it is.\xef\xbf\xbd");
    assert_int_equal(c.invalid_bytes, 2);
    assert_map_ok(&c, bad2, sizeof bad2 - 1);
    nb_clean_free(&c);

    /* An odd byte at the end is invalid, and offsets still reach the end. */
    const char odd[] = "\xFF\xFE" "O\0k\0.\0X";
    clean(&c, odd, sizeof odd - 1);
    assert_string_equal(c.text, "Ok.\xef\xbf\xbd");
    assert_int_equal(c.invalid_bytes, 1);
    assert_map_ok(&c, odd, sizeof odd - 1);
    assert_int_equal(nb_clean_orig_offset(&c, 4), 8); /* inside U+FFFD: the odd byte */
    nb_clean_free(&c);

    /* NUL code units count as NUL bytes and become spaces. */
    const char nul[] = "\xFF\xFE" "A\0\0\0B\0 \0c\0d\0.\0";
    clean(&c, nul, sizeof nul - 1);
    assert_string_equal(c.text, "A B cd.");
    assert_int_equal(c.nul_bytes, 1);
    nb_clean_free(&c);
}

static void test_latin1(void **state)
{
    (void)state;
    /* Mostly invalid UTF-8: read as Latin-1. */
    nb_clean c;
    const char raw[] = "Caf\xe9 owners in M\xfcnchen said the na\xefve plan failed.\n";
    clean(&c, raw, sizeof raw - 1);
    assert_int_equal(c.encoding, 3);
    assert_string_equal(c.text, "Caf\xc3\xa9 owners in M\xc3\xbcnchen said the na\xc3\xafve plan failed.\n");
    assert_int_equal(c.invalid_bytes, 0);
    assert_map_ok(&c, raw, sizeof raw - 1);
    nb_clean_free(&c);

    /* An offset inside the output of one character maps to its first byte:
     * "é" is 2 bytes for 1, "..." 3 for 1. */
    const char e[] = "Caf\xe9 said\x85";
    clean(&c, e, sizeof e - 1);
    assert_int_equal(c.encoding, 3);
    assert_string_equal(c.text, "Caf\xc3\xa9 said...");
    assert_int_equal(nb_clean_orig_offset(&c, 4), 3);
    assert_int_equal(nb_clean_orig_offset(&c, 5), 4);
    assert_int_equal(nb_clean_orig_offset(&c, 10), 9);
    assert_int_equal(nb_clean_orig_offset(&c, 12), 9);
    assert_int_equal(nb_clean_orig_offset(&c, 13), 10);
    assert_int_equal(nb_clean_orig_offset(&c, 3), 3); /* asked out of order */
    nb_clean_free(&c);

    /* Bytes 0x80-0x9F are read as Windows-1252: curly quotes, dashes, the
     * ellipsis and the euro sign, not C1 controls. */
    const char w[] = "\x93Iran\x92s \x80 aid\x94 \x96 the caf\xe9 said\x85 then\x81 left.";
    clean(&c, w, sizeof w - 1);
    assert_int_equal(c.encoding, 3);
    assert_string_equal(c.text, "\"Iran's \xe2\x82\xac aid\" - the caf\xc3\xa9 said... then left.");
    assert_map_ok(&c, w, sizeof w - 1);
    nb_clean_free(&c);

    /* Latin-1 typographic characters fold like their Unicode twins. */
    const char q[] = "\xabNon\xbb, said the caf\xe9 owner\xb4s wife \xa0today.";
    clean(&c, q, sizeof q - 1);
    assert_int_equal(c.encoding, 3);
    assert_string_equal(c.text, "\"Non\", said the caf\xc3\xa9 owner's wife  today.");
    nb_clean_free(&c);

    /* Real UTF-8 with one stray byte stays UTF-8. */
    const char mixed[] = "Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9 and a bad \xff byte here.\n";
    clean(&c, mixed, sizeof mixed - 1);
    assert_int_equal(c.encoding, 0);
    assert_int_equal(c.invalid_bytes, 1);
    assert_string_equal(c.text, "Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9 and a bad \xef\xbf\xbd byte here.\n");
    assert_map_ok(&c, mixed, sizeof mixed - 1);
    nb_clean_free(&c);

    /* Pure ASCII is UTF-8. */
    clean(&c, "Iran said no.", 13);
    assert_int_equal(c.encoding, 0);
    nb_clean_free(&c);
}

/* ---- characters ----------------------------------------------------------- */

static void test_line_ends(void **state)
{
    (void)state;
    const char raw[] = "Line one is here.\r\nLine two is here.\rLine three is here.\r\n";
    nb_clean c;
    clean(&c, raw, sizeof raw - 1);
    assert_string_equal(c.text, "Line one is here.\nLine two is here.\nLine three is here.\n");
    assert_map_ok(&c, raw, sizeof raw - 1);
    assert_int_equal(nb_clean_orig_offset(&c, 17), 18); /* the LF of the CRLF */
    assert_int_equal(nb_clean_orig_offset(&c, 18), 19);
    assert_int_equal(nb_clean_orig_offset(&c, 35), 36); /* the lone CR */
    assert_int_equal(nb_clean_orig_offset(&c, 36), 37);
    nb_clean_free(&c);
    /* Unicode line and paragraph separators and NEL are line breaks. */
    CLEANS("Iran left the talks.\xe2\x80\xa8Iraq stayed there.\xe2\x80\xa9Syria said "
           "nothing.\xc2\x85" "Egypt also left.",
           "Iran left the talks.\nIraq stayed there.\nSyria said nothing.\nEgypt also left.");
    CLEANS("Iran left the talks.\r\r\nIraq stayed.", "Iran left the talks.\n\nIraq stayed.");
}

static void test_typography(void **state)
{
    (void)state;
    CLEANS("\xe2\x80\x9cWe will respond,\xe2\x80\x9d said Iran\xe2\x80\x99s envoy.",
           "\"We will respond,\" said Iran's envoy.");
    CLEANS("\xe2\x80\x98Kata\xca\xbcib\xe2\x80\x99 \xe2\x80\x9eGut\xe2\x80\x9f and \xc2\xabnon\xc2\xbb said.",
           "'Kata'ib' \"Gut\" and \"non\" said.");
    CLEANS("Iran \xe2\x80\x94 and Iraq \xe2\x80\x93 said \xe2\x88\x92" "5 and pro\xe2\x80\x90US things.",
           "Iran - and Iraq - said -5 and pro-US things.");
    CLEANS("He paused\xe2\x80\xa6 then spoke at length.", "He paused... then spoke at length.");
    CLEANS("Iran\xc2\xa0said\xe2\x80\x89it\xe2\x80\xafwas\xe3\x80\x80over now.",
           "Iran said it was over now.");
}

static void test_controls(void **state)
{
    (void)state;
    nb_clean c;
    const char raw[] = "Iran\0said\0\0things\x01" "and\x1b more\tstuff \x7f" "here.";
    clean(&c, raw, sizeof raw - 1);
    assert_string_equal(c.text, "Iran said  things and  more stuff here.");
    assert_int_equal(c.nul_bytes, 3);
    assert_map_ok(&c, raw, sizeof raw - 1);
    nb_clean_free(&c);
    /* C1 controls vanish. */
    CLEANS("Caf\xc3\xa9 \xc2\x9b owners \xc2\x80 said it was over.", "Caf\xc3\xa9  owners  said it was over.");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* Enough valid multi-byte text (12 characters against 11 bad bytes) to
     * stay UTF-8. */
    const char raw[] = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 Iran \xc0\xaf said \xed\xa0\x80 "
                       "that \xf4\x90\x80\x80 it \xe2\x82 was over \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9.";
    nb_clean c;
    clean(&c, raw, sizeof raw - 1);
    assert_int_equal(c.encoding, 0);
    const char *fffd = "\xef\xbf\xbd";
    nb_buf want = {0};
    nb_buf_printf(&want, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 Iran %s%s said %s%s%s that "
                         "%s%s%s%s it %s%s was over \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9.",
                  fffd, fffd, fffd, fffd, fffd, fffd, fffd, fffd, fffd, fffd, fffd);
    assert_string_equal(c.text, want.data);
    assert_int_equal(c.invalid_bytes, 11);
    assert_map_ok(&c, raw, sizeof raw - 1);
    nb_buf_free(&want);
    nb_clean_free(&c);
}

static void test_bidi(void **state)
{
    (void)state;
    const char raw[] = "Ira\xe2\x80\x8fn said \xe2\x80\xae" "evil\xe2\x80\xac things and "
                       "\xe2\x81\xa6Iraq\xe2\x81\xa9 zero\xe2\x80\x8bwidth\xe2\x80\x8d here.";
    nb_clean c;
    clean(&c, raw, sizeof raw - 1);
    assert_string_equal(c.text, "Iran said evil things and Iraq zerowidth here.");
    assert_map_ok(&c, raw, sizeof raw - 1);
    nb_clean_free(&c);
}

static void test_offsets(void **state)
{
    (void)state;
    /* Every kind of length change in one text: shrink (curly quote), grow
     * (invalid byte), drop (bidi), CRLF, and a BOM in front. */
    const char raw[] = "\xEF\xBB\xBF\xe2\x80\x9cIran\xe2\x80\x9d said\r\nIraq \xc3\xa9\xc3\xa9\xc3\xa9 "
                       "\xff owns \xe2\x80\x8fSyria \xe2\x80\x94 and Egypt.";
    nb_clean c;
    clean(&c, raw, sizeof raw - 1);
    assert_string_equal(c.text, "\"Iran\" said\nIraq \xc3\xa9\xc3\xa9\xc3\xa9 \xef\xbf\xbd owns Syria - and Egypt.");
    assert_map_ok(&c, raw, sizeof raw - 1);
    /* Folded punctuation maps to the start of its sequence. */
    assert_int_equal(nb_clean_orig_offset(&c, 0), 3);
    assert_int_equal(nb_clean_orig_offset(&c, 5), 10);
    const char *dash = strstr(c.text, " - ");
    assert_non_null(dash);
    size_t o = nb_clean_orig_offset(&c, (size_t)(dash - c.text) + 1);
    assert_memory_equal(raw + o, "\xe2\x80\x94", 3);
    /* The end of the text maps to the end of the file. */
    assert_int_equal(nb_clean_orig_offset(&c, c.len), sizeof raw - 1);
    nb_clean_free(&c);
}

/* ---- boilerplate ---------------------------------------------------------- */

/* Cleans raw and checks that exactly the lines marked in keep[] survive
 * (dropped lines turn into spaces, so every offset stays valid). */
static void lines_kept(const char *const *lines, size_t n, const bool *keep, size_t dropped)
{
    nb_buf raw = {0}, want = {0};
    for (size_t i = 0; i < n; i++) {
        nb_buf_printf(&raw, "%s\n", lines[i]);
        if (keep[i]) nb_buf_printf(&want, "%s\n", lines[i]);
        else {
            for (size_t k = 0; k < strlen(lines[i]); k++) nb_buf_putc(&want, ' ');
            nb_buf_putc(&want, '\n');
        }
    }
    nb_clean c;
    clean(&c, raw.data, raw.len);
    assert_map_ok(&c, raw.data, raw.len);
    /* Compare, free, then assert: a failure leaks nothing under ASan. */
    bool same = strcmp(c.text, want.data) == 0;
    if (!same) print_error("cleaned:\n[%s]\nwanted:\n[%s]\n", c.text, want.data);
    size_t got_dropped = c.dropped_lines;
    nb_clean_free(&c);
    nb_buf_free(&raw);
    nb_buf_free(&want);
    assert_true(same);
    assert_int_equal(got_dropped, dropped);
}

static void test_navigation(void **state)
{
    (void)state;
    const char *lines[] = {
        "Iran funds Kataib Hezbollah, officials said.",
        "Share",
        "  Read more  ",
        "Comments:",
        "Advertisement",
        "Skip to content",
        "Related",
        "FACEBOOK",
        "Tweet.",
        "***",
        "Iraq condemned the attack on Tuesday.",
        "You may also like",
    };
    const bool keep[] = {true, false, false, false, false, false, false, false, false, false, true, false};
    lines_kept(lines, 12, keep, 10);
}

static void test_tail(void **state)
{
    (void)state;
    /* After a tail marker past the first third, only links follow. */
    const char *lines[] = {
        "Iran funds Kataib Hezbollah, officials said on Monday.",
        "Gen. Soleimani commanded the Quds Force for two decades.",
        "Iraq condemned the attack on the embassy in Baghdad.",
        "Related Articles:",
        "Iran attacks tanker in the Gulf of Oman, U.S. says",
        "Hezbollah funds schools in south Lebanon",
    };
    const bool keep[] = {true, true, true, false, false, false};
    lines_kept(lines, 6, keep, 3);

    /* A marker at the very top is only a navigation line. */
    const char *top[] = {
        "Related articles",
        "Iran funds Kataib Hezbollah, officials said on Monday.",
        "Gen. Soleimani commanded the Quds Force for two decades.",
        "Iraq condemned the attack on the embassy in Baghdad.",
    };
    const bool keep_top[] = {false, true, true, true};
    lines_kept(top, 4, keep_top, 1);
}

static void test_repeats(void **state)
{
    (void)state;
    const char *lines[] = {
        "Iraqi soldiers at the border crossing in 2019.",
        "Iran funds Kataib Hezbollah, officials said.",
        "Iraqi soldiers at the border crossing in 2019.",
        "Iraq condemned the attack.",
        "   Iraqi soldiers at the border crossing in 2019.   ",
    };
    const bool keep[] = {true, true, false, true, false};
    lines_kept(lines, 5, keep, 2);
}

static void test_numbers_and_dates(void **state)
{
    (void)state;
    const char *lines[] = {
        "Iran funds Kataib Hezbollah, officials said.",
        "42",
        "May 17, 2019",
        "Sunday 17 May 2019 12:30 GMT",
        "Updated",
        "Iraq condemned the attack.",
        "Jan. 5, 2020",
    };
    const bool keep[] = {true, false, false, false, false, true, false};
    lines_kept(lines, 7, keep, 5);
}

static void test_bylines(void **state)
{
    (void)state;
    const char *lines[] = {
        "By John Smith",
        "BY REUTERS STAFF",
        "By Ali Hashem, Al-Monitor",
        "Iran funds Kataib Hezbollah, officials said.",
        "By Monday the army had left the city.",
        "Photo: AFP",
        "Image: Getty Images / Some Photographer",
        "Copyright 2019 The Associated Press",
        "All rights reserved",
        "(c) 2019 Reuters",
        "Your email address will not be published.",
        "Required fields are marked *",
        "Iraq condemned the attack.",
    };
    const bool keep[] = {false, false, false, true, true,  false, false,
                         false, false, false, false, false, true};
    lines_kept(lines, 13, keep, 10);
}

/* Cleans one paragraph and returns its text with leading blanks removed,
 * after checking that the blanked prefix is only spaces. */
static void paragraph(const char *raw, const char *want_rest)
{
    nb_clean c;
    clean(&c, raw, strlen(raw));
    assert_int_equal(c.len, strlen(raw)); /* blanked, not removed */
    size_t k = 0;
    while (k < c.len && c.text[k] == ' ') k++;
    assert_string_equal(c.text + k, want_rest);
    assert_map_ok(&c, raw, strlen(raw));
    nb_clean_free(&c);
}

static void test_dateline_prefix(void **state)
{
    (void)state;
    paragraph("CAIRO - 17 May 2019: Egypt said it would help.", "Egypt said it would help.");
    paragraph("Dubai: The UAE condemned the attack.", "The UAE condemned the attack.");
    paragraph("WASHINGTON (Reuters) - The U.S. said no.", "The U.S. said no.");
    paragraph("SULAIMANI (ESTA) - Kurdish forces moved in.", "Kurdish forces moved in.");
    paragraph("NEW YORK - The UN met on Monday.", "The UN met on Monday.");
    paragraph("BAGHDAD: Iraq said no to the plan.", "Iraq said no to the plan.");
    /* Not datelines: a subject with "said:", a sentence with a dash. */
    paragraph("Soleimani said: we will win the war.", "Soleimani said: we will win the war.");
    paragraph("Iran funds Kataib Hezbollah - officials said.", "Iran funds Kataib Hezbollah - officials said.");
    paragraph("The United States condemned the attack.", "The United States condemned the attack.");
    /* a hyphen glued to the next word joins a compound */
    paragraph("U.S.-backed forces took the dam.", "U.S.-backed forces took the dam.");
}

/* A dateline alone on its line is boilerplate like any other dateline. */
static void test_dateline_own_line(void **state)
{
    (void)state;
    const char *lines[] = {
        "CAIRO - 17 May 2019:",
        "Egypt said it would help.",
    };
    const bool keep[] = {false, true};
    lines_kept(lines, 2, keep, 1);
}

/* A lone number is dropped even with thousands separators (share and
 * comment counters). */
static void test_lone_number_separators(void **state)
{
    (void)state;
    const char *lines[] = {
        "Iran funds Kataib Hezbollah, officials said.",
        "1,234",
        "Iraq condemned the attack.",
    };
    const bool keep[] = {true, false, true};
    lines_kept(lines, 3, keep, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_latin1),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_typography),
        cmocka_unit_test(test_controls),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_bidi),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_navigation),
        cmocka_unit_test(test_tail),
        cmocka_unit_test(test_repeats),
        cmocka_unit_test(test_numbers_and_dates),
        cmocka_unit_test(test_bylines),
        cmocka_unit_test(test_dateline_prefix),
        cmocka_unit_test(test_dateline_own_line),
        cmocka_unit_test(test_lone_number_separators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
