#include "text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Decodes one UTF-8 sequence at s[0..n). Returns its length and sets *cp, or
 * returns 0 for an invalid, overlong, surrogate or out-of-range sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) { len = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; v = c & 0x07; min = 0x10000; }
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

static void put_cp(nb_buf *b, uint32_t cp)
{
    char o[4];
    if (cp < 0x80) {
        nb_buf_putc(b, (char)cp);
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        nb_buf_put(b, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        nb_buf_put(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        nb_buf_put(b, o, 4);
    }
}

/* Code points that must never reach an output file: XML 1.0 forbids C0/C1
 * controls and non-characters; bidi controls let a label display reversed. */
static bool invisible(uint32_t cp)
{
    return (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2060 || cp == 0x061C ||
           (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

char *nb_text_sanitize(const char *s, size_t n)
{
    nb_buf b = {0};
    nb_buf_put(&b, "", 0);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(u + i, n - i, &cp);
        if (len == 0) {
            put_cp(&b, 0xFFFD);
            i++;
            continue;
        }
        if (cp < 0x20) {
            /* Newlines and tabs inside one attribute value become spaces. */
            if (b.len && b.data[b.len - 1] != ' ') nb_buf_putc(&b, ' ');
        } else if (!invisible(cp)) {
            nb_buf_put(&b, s + i, len);
        }
        i += len;
    }
    return nb_buf_detach(&b);
}

/* ---- cleaning ---------------------------------------------------------- */

/* ASCII replacements for typographic characters, so later stages match
 * quotes, apostrophes and dashes with one byte. */
static const char *fold(uint32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4:
    case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: case 0x3000:
    case 0x2007: case 0x2008: case 0x200A: return " ";
    default: return NULL;
    }
}

/* Windows-1252's characters for 0x80-0x9F, which scraped "Latin-1" text
 * almost always means (curly quotes, dashes); 0 where it has none. */
static const uint16_t CP1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

enum { ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_LATIN1 };

/* Decodes one character of s[0..n) (n > 0) in the given encoding. Returns
 * the bytes it takes and sets *cp, U+FFFD (with *bad set) when invalid. */
static size_t decode(int enc, const unsigned char *s, size_t n, uint32_t *cp, bool *bad)
{
    *bad = false;
    if (enc == ENC_LATIN1) {
        *cp = s[0] >= 0x80 && s[0] <= 0x9F && CP1252[s[0] - 0x80] ? CP1252[s[0] - 0x80] : s[0];
        return 1;
    }
    if (enc == ENC_UTF8) {
        size_t len = utf8_decode(s, n, cp);
        if (len) return len;
        *cp = 0xFFFD;
        *bad = true;
        return 1;
    }
    bool le = enc == ENC_UTF16LE;
    if (n < 2) { /* an odd byte at the end */
        *cp = 0xFFFD;
        *bad = true;
        return 1;
    }
    uint32_t w = le ? (uint32_t)(s[0] | (s[1] << 8)) : (uint32_t)((s[0] << 8) | s[1]);
    if (w >= 0xD800 && w <= 0xDBFF && n >= 4) {
        uint32_t w2 = le ? (uint32_t)(s[2] | (s[3] << 8)) : (uint32_t)((s[2] << 8) | s[3]);
        if (w2 >= 0xDC00 && w2 <= 0xDFFF) {
            *cp = 0x10000 + ((w - 0xD800) << 10) + (w2 - 0xDC00);
            return 4;
        }
    }
    if (w >= 0xD800 && w <= 0xDFFF) {
        *bad = true;
        w = 0xFFFD;
    }
    *cp = w;
    return 2;
}

static bool looks_latin1(const unsigned char *s, size_t n);

char *nb_text_decode(const char *raw, size_t n, int enc, size_t *len, size_t *invalid)
{
    nb_buf b = {0};
    nb_buf_put(&b, "", 0);
    const unsigned char *u = (const unsigned char *)raw;
    *invalid = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        bool bad;
        i += decode(enc, u + i, n - i, &cp, &bad);
        *invalid += bad;
        put_cp(&b, cp);
    }
    *len = b.len;
    return nb_buf_detach(&b);
}

bool nb_text_latin1(const char *raw, size_t n) { return looks_latin1((const unsigned char *)raw, n); }

static uint32_t cp_at(int enc, const unsigned char *s, size_t n)
{
    uint32_t cp;
    bool bad;
    decode(enc, s, n, &cp, &bad);
    return cp;
}

/* Latin-1 is guessed when invalid sequences outnumber valid multi-byte ones:
 * real UTF-8 text almost never contains an invalid byte. */
static bool looks_latin1(const unsigned char *s, size_t n)
{
    size_t bad = 0, good = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (len) {
            good++;
            i += len;
        } else {
            bad++;
            i++;
        }
    }
    return bad > 0 && bad > good;
}

/* Does the list hold w[0..n), ignoring case? The first letters are
 * compared first: every line and word of an article asks, and the lengths
 * of fifty entries cost a measurable share of cleaning. */
static bool in_list_ci(const char *w, size_t n, const char *const *list)
{
    int first = n ? tolower((unsigned char)w[0]) : 0;
    for (size_t i = 0; list[i]; i++)
        if (tolower((unsigned char)list[i][0]) == first && strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
            return true;
    return false;
}

static bool line_is(const char *s, size_t n, const char *const *list)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == ':' || s[n - 1] == '.')) n--;
    while (n && *s == ' ') { s++; n--; }
    return in_list_ci(s, n, list);
}

static bool starts_with_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && strncasecmp(s, p, k) == 0;
}

static const char *const NAV_LINES[] = {
    "previous article", "next article", "previous post", "next post", "related posts",
    "related articles", "related", "related stories", "leave a comment", "leave a reply",
    "comments", "comment", "share", "share this", "share this article", "total", "search",
    "read more", "be social", "source link", "advertisement", "subscribe", "sign up",
    "click here", "follow us", "print", "email", "tweet", "whatsapp", "facebook", "twitter",
    "menu", "home", "skip to content", "more", "you may also like", "recommended",
    "trending", "most read", "popular", "tags", "topics", "by", "photo", "video", "watch",
    "listen", "loading", "close", "cookies", "accept", NULL};

/* Markers after which a page holds only links and comment forms. */
static const char *const TAIL_LINES[] = {
    "previous article", "next article", "related posts", "related articles", "leave a comment",
    "leave a reply", "you may also like", "read more", "source link", "more from", NULL};

static bool month_or_day(const char *w, size_t n)
{
    static const char *const names[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "gmt", "utc", NULL};
    return in_list_ci(w, n, names);
}

/* A short line of dates, times and punctuation: a dateline or timestamp. */
static bool is_dateline(const char *s, size_t n)
{
    size_t words = 0, dates = 0, digits = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i])) i++;
        size_t st = i;
        while (i < n && isalnum((unsigned char)s[i])) i++;
        if (i == st) break;
        words++;
        if (isdigit((unsigned char)s[st])) digits++;
        else if (month_or_day(s + st, i - st)) dates++;
    }
    return words > 0 && words <= 8 && dates > 0 && dates + digits == words;
}

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) return true;
    return false;
}

/* Blanks a line in place (spaces keep every later offset valid). */
static void blank(char *s, size_t n)
{
    memset(s, ' ', n);
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool a = isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
        if (a && !in) w++;
        in = a;
    }
    return w;
}

/* Length of a dateline prefix such as "CAIRO - 17 May 2019:", "Dubai:" or
 * "SULAIMANI (ESTA) -" at the start of a paragraph, or 0. */
static size_t dateline_prefix(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    bool caps = true;
    while (i < n && words < 4) {
        size_t st = i;
        /* "PORT-AU-PRINCE": hyphens join the words of a capitalised city */
        while (i < n && (isalpha((unsigned char)s[i]) || s[i] == '.' ||
                         (s[i] == '-' && i > st && i + 1 < n && isupper((unsigned char)s[i + 1]) &&
                          isupper((unsigned char)s[i - 1])))) {
            if (islower((unsigned char)s[i])) caps = false;
            i++;
        }
        if (i == st) break;
        words++;
        if (i < n && s[i] == ' ' && i + 1 < n && isupper((unsigned char)s[i + 1]) && words < 3) {
            i++;
            continue;
        }
        /* "DUBAI/ADEN, Jan 12 (Reuters) -": two cities */
        if (caps && i + 1 < n && s[i] == '/' && isupper((unsigned char)s[i + 1]) && words < 3) {
            i++;
            continue;
        }
        break;
    }
    if (words == 0 || i < 3) return 0;
    size_t j = i;
    /* "KYIV, Ukraine (AP) -": a capitalised place after the city */
    if (caps && j + 2 < n && s[j] == ',' && s[j + 1] == ' ' && isupper((unsigned char)s[j + 2])) {
        size_t k = j + 2;
        /* the place may also be a date: "DUBAI, Jan 12 (Reuters) -" */
        while (k < n && k < j + 40) {
            /* the next word after a space or ", " must open with a capital or a digit */
            size_t w = s[k] == ' ' ? k + 1 : s[k] == ',' && k + 1 < n && s[k + 1] == ' ' ? k + 2 : 0;
            if (w && w < n && (isupper((unsigned char)s[w]) || isdigit((unsigned char)s[w]))) k = w;
            else if (isalnum((unsigned char)s[k]) || s[k] == '.') k++;
            else break;
        }
        size_t q = k;
        while (q < n && s[q] == ' ') q++;
        /* ("SAN JOSE, Costa Rica - ": the place closed by the dash alone) */
        if (q < n && (s[q] == '(' || (s[q] == '-' && q > k))) j = k;
    }
    while (j < n && s[j] == ' ') j++;
    if (j < n && s[j] == '(') { /* news agency: "(ESTA)", "(Reuters)" */
        size_t k = j + 1;
        while (k < n && k < j + 30 && s[k] != ')') k++;
        if (k >= n || s[k] != ')') return 0;
        j = k + 1;
        while (j < n && s[j] == ' ') j++;
        caps = true;
    }
    if (j < n && s[j] == ':' && (words == 1 || caps)) return j + 1;
    if (!caps || j >= n || s[j] != '-') return 0;
    /* "U.S.-backed forces": a hyphen glued to the next word joins a compound */
    if (j + 1 < n && isalpha((unsigned char)s[j + 1]) && j > 0 && s[j - 1] != ' ') return 0;
    j++;
    /* "CAIRO - 17 May 2019:" carries a date up to the colon. */
    size_t k = j;
    while (k < n && k < j + 24 && s[k] != ':' && s[k] != '.') k++;
    if (k < n && s[k] == ':' && is_dateline(s + j, k - j)) return k + 1;
    return j;
}

/* Drops scraped boilerplate: navigation lines, lone numbers, bylines and
 * datelines, photo credits, and every repeat of an earlier line. */
static void drop_boilerplate(nb_clean *c)
{
    char *t = c->text;
    size_t n = c->len;
    nb_map seen = {0};
    bool tail = false;
    for (size_t ls = 0; ls < n;) {
        size_t le = ls;
        while (le < n && t[le] != '\n') le++;
        char *s = t + ls;
        size_t len = le - ls;
        while (len && s[len - 1] == ' ') len--;
        size_t lead = 0;
        while (lead < len && s[lead] == ' ') lead++;
        const char *body = s + lead;
        size_t blen = len - lead;
        bool drop = false;
        if (blen == 0) {
            ls = le + 1;
            continue;
        }
        size_t words = count_words(body, blen);
        if (tail) {
            drop = true;
        } else if (line_is(body, blen, TAIL_LINES) && ls > n / 3) {
            tail = true;
            drop = true;
        } else if (line_is(body, blen, NAV_LINES) || words == 0) {
            drop = true;
        } else if (!has_letter(body, blen)) {
            drop = true; /* "1,234", "12:30", "-" */
        } else if (words == 1 && !memchr(body, '.', blen)) {
            drop = true; /* lone number, "search", a stray word */
        } else if (is_dateline(body, blen)) {
            drop = true;
        } else if ((starts_with_ci(body, blen, "by ") && words <= 5 && !memchr(body, '.', blen)) ||
                   starts_with_ci(body, blen, "your email address") ||
                   starts_with_ci(body, blen, "required fields") ||
                   starts_with_ci(body, blen, "photo:") || starts_with_ci(body, blen, "image:") ||
                   starts_with_ci(body, blen, "copyright") || starts_with_ci(body, blen, "(c) ") ||
                   starts_with_ci(body, blen, "all rights reserved")) {
            drop = true;
        } else {
            char *key = nb_strndup(body, blen);
            if (nb_map_get(&seen, key, NULL)) drop = true; /* repeated caption or title */
            else nb_map_put(&seen, key, 1);
            free(key);
        }
        if (drop) {
            blank(s, len);
            c->dropped_lines++;
        } else {
            size_t d = dateline_prefix(body, blen);
            /* (kept for the actor stage: the place a story is filed from) */
            if (d && !c->dateline[0]) {
                size_t k = d < sizeof c->dateline ? d : sizeof c->dateline - 1;
                memcpy(c->dateline, body, k);
                c->dateline[k] = '\0';
            }
            if (d && d < blen) {
                blank((char *)body, d);
            } else if (d) { /* the whole line is a dateline */
                blank(s, len);
                c->dropped_lines++;
            }
        }
        ls = le + 1;
    }
    nb_map_free(&seen);
}

/* Cleans the character at u[i] (of n bytes) into out and returns how many
 * bytes it takes. Counts what it replaces into c when c is not NULL. This is
 * the one definition of the per-character transform: the offset mapping
 * replays it to find where a cleaned offset came from. */
static size_t clean_char(int enc, const unsigned char *u, size_t n, size_t i, nb_buf *out, nb_clean *c)
{
    uint32_t cp;
    bool bad;
    size_t len = decode(enc, u + i, n - i, &cp, &bad);
    if (bad && c) c->invalid_bytes++;
    if (cp == '\r') {
        if (!(i + len < n && cp_at(enc, u + i + len, n - i - len) == '\n')) nb_buf_putc(out, '\n');
    } else if (cp == '\n') {
        nb_buf_putc(out, '\n');
    } else if (cp == 0) {
        if (c) c->nul_bytes++;
        nb_buf_putc(out, ' ');
    } else if (cp < 0x20) {
        nb_buf_putc(out, ' ');
    } else if (fold(cp)) {
        nb_buf_puts(out, fold(cp));
    } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        nb_buf_putc(out, '\n');
    } else if (invisible(cp)) {
        /* dropped */
    } else if (enc == ENC_UTF8 && !bad) {
        nb_buf_put(out, (const char *)u + i, len);
    } else {
        put_cp(out, cp);
    }
    return len;
}

/* Printable ASCII bytes from u[i] on (UTF-8 and Latin-1 copy them as they
 * are), at most max. */
static size_t ascii_run(int enc, const unsigned char *u, size_t n, size_t i, size_t max)
{
    if (enc != ENC_UTF8 && enc != ENC_LATIN1) return 0;
    size_t k = i;
    while (k < n && k - i < max && u[k] >= 0x20 && u[k] < 0x7F) k++;
    return k - i;
}

void nb_clean_text(nb_clean *c, const char *raw, size_t n)
{
    memset(c, 0, sizeof *c);
    const unsigned char *u = (const unsigned char *)raw;
    size_t i = 0;
    int enc = ENC_UTF8;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        enc = u[0] == 0xFF ? ENC_UTF16LE : ENC_UTF16BE;
        i = 2;
    } else if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        i = 3;
    } else if (looks_latin1(u, n)) {
        enc = ENC_LATIN1;
    }
    c->encoding = enc;
    c->raw = u;
    c->raw_len = n;
    c->start = c->cur_orig = i;

    nb_buf out = {0};
    nb_buf_put(&out, "", 0);
    while (i < n) {
        size_t run = ascii_run(enc, u, n, i, SIZE_MAX);
        if (run) {
            nb_buf_put(&out, (const char *)u + i, run);
            i += run;
        } else {
            i += clean_char(enc, u, n, i, &out, c);
        }
    }
    c->len = out.len;
    c->text = nb_buf_detach(&out);
    drop_boilerplate(c);
}

/* Replays the transform from a cursor, which only moves forward while the
 * offsets asked for grow (as a pipeline asks them, sentence by sentence). */
size_t nb_clean_orig_offset(nb_clean *c, size_t clean_off)
{
    if (!c->raw) return clean_off;
    if (clean_off < c->cur_clean) {
        c->cur_clean = 0;
        c->cur_orig = c->start;
    }
    nb_buf one = {0};
    while (c->cur_orig < c->raw_len) {
        size_t run = ascii_run(c->encoding, c->raw, c->raw_len, c->cur_orig, clean_off - c->cur_clean);
        if (run) {
            c->cur_clean += run;
            c->cur_orig += run;
            continue;
        }
        nb_buf_clear(&one);
        size_t len = clean_char(c->encoding, c->raw, c->raw_len, c->cur_orig, &one, NULL);
        /* an offset inside a character's output maps to its first byte;
         * characters that vanish are stepped over */
        if (one.len && c->cur_clean + one.len > clean_off) break;
        c->cur_clean += one.len;
        c->cur_orig += len;
    }
    nb_buf_free(&one);
    return c->cur_orig;
}

void nb_clean_free(nb_clean *c)
{
    free(c->text);
    memset(c, 0, sizeof *c);
}
