#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static bool valid_date(int y, int m, int d)
{
    static const int DAYS[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* A digit run must not continue on either side: "120240103" or a hash like
 * "0b3f20240103ab" is not a date. */
static bool bounded(const char *path, size_t at, size_t len)
{
    size_t end = at + len;
    bool left = at == 0 || !(path[at - 1] >= '0' && path[at - 1] <= '9');
    bool right = path[end] == '\0' || !(path[end] >= '0' && path[end] <= '9');
    return left && right;
}

bool nb_path_date(const char *path, char out[NB_DATE_LEN + 1])
{
    out[0] = '\0';
    size_t n = strlen(path);
    for (size_t i = 0; i + 8 <= n; i++) {
        const char *s = path + i;
        int y = -1, m = 0, d = 0;
        if (i + 10 <= n && is_digits(s, 4) && (s[4] == '/' || s[4] == '-' || s[4] == '_') &&
            s[7] == s[4] && is_digits(s + 5, 2) && is_digits(s + 8, 2) && bounded(path, i, 4) &&
            bounded(path, i + 8, 2)) {
            y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
        } else if (is_digits(s, 8) && bounded(path, i, 8)) {
            /* A bare 8-digit run must stand alone between separators, so
             * that an id like 004_22da1399 never reads as a date. */
            char l = i ? path[i - 1] : '/', r = path[i + 8];
            bool sep_l = l == '/' || l == '-' || l == '_' || l == '.';
            bool sep_r = r == '\0' || r == '/' || r == '-' || r == '_' || r == '.';
            if (sep_l && sep_r) y = num(s, 4), m = num(s + 4, 2), d = num(s + 6, 2);
        }
        if (y >= 0 && valid_date(y, m, d)) {
            snprintf(out, NB_DATE_LEN + 1, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
            return true;
        }
    }
    return false;
}


/* ---- dates stated in the text -------------------------------------------- */

typedef struct {
    int y, m, d; /* y 0: no year */
} ymd;

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Width of a space at i: ASCII blank or U+00A0, else 0. */
static size_t space_at(const char *s, size_t i, size_t n)
{
    if (i < n && (s[i] == ' ' || s[i] == '\t')) return 1;
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) return 2;
    return 0;
}

static size_t skip_space(const char *s, size_t i, size_t n)
{
    for (size_t w; (w = space_at(s, i, n));) i += w;
    return i;
}

static size_t word_len(const char *s, size_t i, size_t n)
{
    size_t k = i;
    while (k < n && is_alpha(s[k])) k++;
    return k - i;
}

/* The letters at i spell w (case-insensitive) and stop there. */
static bool word_is(const char *s, size_t i, size_t n, const char *w)
{
    size_t len = strlen(w);
    if (word_len(s, i, n) != len) return false;
    for (size_t k = 0; k < len; k++)
        if (lower(s[i + k]) != w[k]) return false;
    return true;
}

/* Calendar names: a full name or its first three letters, then an optional
 * '.' after a short form ("Jan.", "Sept."). Returns the end, or 0. */
static size_t name_at(const char *s, size_t i, size_t n, const char *const *names, const char *const *extra,
                      int count, int *which)
{
    size_t len = word_len(s, i, n);
    if (len < 3) return 0;
    for (int k = 0; k < count; k++) {
        bool full = word_is(s, i, n, names[k]);
        bool shortf = len == 3 && lower(s[i]) == names[k][0] && lower(s[i + 1]) == names[k][1] &&
                      lower(s[i + 2]) == names[k][2];
        bool other = extra[k][0] && word_is(s, i, n, extra[k]);
        if (!full && !shortf && !other) continue;
        *which = k;
        size_t e = i + len;
        if (!full && e < n && s[e] == '.') e++;
        return e;
    }
    return 0;
}

static const char *const MONTHS[12] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
static const char *const MONTHS_ALT[12] = {"", "", "", "", "", "", "", "", "sept", "", "", ""};
static const char *const WEEKDAYS[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
static const char *const WEEKDAYS_ALT[7] = {"", "tues", "", "thurs", "", "", ""};

static size_t month_at(const char *s, size_t i, size_t n, int *m)
{
    size_t e = name_at(s, i, n, MONTHS, MONTHS_ALT, 12, m);
    *m += 1;
    return e;
}

static size_t weekday_at(const char *s, size_t i, size_t n)
{
    int w;
    return name_at(s, i, n, WEEKDAYS, WEEKDAYS_ALT, 7, &w);
}

/* A day of the month: one or two digits, an optional ordinal suffix
 * ("3rd"), not part of a number or a time ("10:14"). */
static size_t day_at(const char *s, size_t i, size_t n, int *d)
{
    size_t k = i;
    while (k < n && is_digit(s[k]) && k - i < 3) k++;
    if (k == i || k - i > 2) return 0;
    if (k < n && (s[k] == ':' || s[k] == '.' || s[k] == '/') && k + 1 < n && is_digit(s[k + 1])) return 0;
    *d = num(s + i, k - i);
    if (k + 2 <= n && (word_is(s, k, n, "st") || word_is(s, k, n, "nd") || word_is(s, k, n, "rd") ||
                       word_is(s, k, n, "th")))
        k += 2;
    if (k < n && is_alpha(s[k])) return 0;
    return *d >= 1 && *d <= 31 ? k : 0;
}

/* A year: four digits standing alone (not a time, not a longer number). */
static size_t year_at(const char *s, size_t i, size_t n, int *y)
{
    if (i + 4 > n || !is_digits(s + i, 4)) return 0;
    size_t e = i + 4;
    if (e < n && (is_digit(s[e]) || is_alpha(s[e]) || (s[e] == ':' && e + 1 < n && is_digit(s[e + 1])))) return 0;
    *y = num(s + i, 4);
    return e;
}

/* The optional ", " or " " before a year; returns the year's end or 0. */
static size_t then_year(const char *s, size_t i, size_t n, int *y)
{
    size_t k = i;
    if (k < n && s[k] == ',') k++;
    size_t j = skip_space(s, k, n);
    if (j == k && k == i) return 0; /* "May 3" then "2019" needs a space between */
    return year_at(s, j, n, y);
}

/* A date starting at i: "2020-01-03" (or '/'; with an ISO time after 'T'),
 * "January 3[, 2020]", "3[rd] [of] January[,] [2020]". The year is
 * optional in the named forms (y = 0). Returns the end, or 0. */
static size_t date_at(const char *s, size_t i, size_t n, ymd *out)
{
    if (i > 0 && (is_digit(s[i - 1]) || is_alpha(s[i - 1]))) return 0;
    ymd r = {0, 0, 0};
    size_t e = 0;
    if (i + 10 <= n && is_digits(s + i, 4) && (s[i + 4] == '-' || s[i + 4] == '/') && s[i + 7] == s[i + 4] &&
        is_digits(s + i + 5, 2) && is_digits(s + i + 8, 2) && (i + 10 == n || !is_digit(s[i + 10]))) {
        r.y = num(s + i, 4), r.m = num(s + i + 5, 2), r.d = num(s + i + 8, 2);
        e = i + 10;
        if (e + 1 < n && s[e] == 'T' && is_digit(s[e + 1])) { /* 2020-01-03T10:00:00Z */
            e++;
            while (e < n && (is_digit(s[e]) || s[e] == ':' || s[e] == '.')) e++;
            if (e < n && s[e] == 'Z') e++;
        }
        if (e < n && (is_alpha(s[e]) || s[e] == s[i + 4])) return 0;
        return valid_date(r.y, r.m, r.d) ? (*out = r, e) : 0;
    }
    size_t k;
    if ((k = month_at(s, i, n, &r.m))) {
        size_t j = skip_space(s, k, n);
        if (j == k || !(e = day_at(s, j, n, &r.d))) return 0;
    } else if ((k = day_at(s, i, n, &r.d))) {
        size_t j = skip_space(s, k, n);
        if (j == k) return 0;
        if (word_is(s, j, n, "of")) {
            size_t j2 = skip_space(s, j + 2, n);
            if (j2 == j + 2) return 0;
            j = j2;
        }
        if (!(e = month_at(s, j, n, &r.m))) return 0;
    } else {
        return 0;
    }
    size_t ye = then_year(s, e, n, &r.y);
    if (ye) e = ye;
    else r.y = 0;
    if (!valid_date(r.y ? r.y : 2000, r.m, r.d)) return 0;
    *out = r;
    return e;
}

/* "10:14", "09:07:00", "4:37 PM", "5 p.m." is not taken (no colon). */
static size_t time_at(const char *s, size_t i, size_t n)
{
    size_t k = i;
    while (k < n && is_digit(s[k]) && k - i < 3) k++;
    if (k == i || k - i > 2 || k + 3 > n || s[k] != ':' || !is_digits(s + k + 1, 2)) return 0;
    k += 3;
    if (k + 3 <= n && s[k] == ':' && is_digits(s + k + 1, 2)) k += 3;
    return k < n && (is_digit(s[k]) || is_alpha(s[k])) ? 0 : k;
}

/* "AM", "pm", "a.m.", "P.M." */
static size_t ampm_at(const char *s, size_t i, size_t n)
{
    if (i + 2 <= n && (lower(s[i]) == 'a' || lower(s[i]) == 'p')) {
        if (lower(s[i + 1]) == 'm' && word_len(s, i, n) == 2) return i + 2;
        if (i + 4 <= n && s[i + 1] == '.' && lower(s[i + 2]) == 'm' && s[i + 3] == '.') return i + 4;
    }
    return 0;
}

/* A time zone: 1 to 5 capitals ("GMT", "EDT", "Z") with an optional offset
 * ("GMT+3", "UTC+05:30"), or a bare offset "+0000" / "-05:00". */
static size_t zone_at(const char *s, size_t i, size_t n)
{
    size_t k = i;
    while (k < n && s[k] >= 'A' && s[k] <= 'Z') k++;
    if (k - i > 5 || (k < n && is_alpha(s[k]))) return 0;
    bool letters = k > i;
    if (k < n && (s[k] == '+' || s[k] == '-' || (!letters && i > 0 && s[i - 1] == '-' && is_digit(s[k])))) {
        size_t j = k + (s[k] == '+' || s[k] == '-');
        size_t d = j;
        while (d < n && is_digit(s[d]) && d - j < 4) d++;
        if (d < n && s[d] == ':' && d - j == 2 && d + 3 <= n && is_digits(s + d + 1, 2)) d += 3;
        if (d > j && (letters || d - j >= 4)) k = d;
    }
    if (k == i || (k < n && (is_digit(s[k]) || is_alpha(s[k])))) return 0;
    return k;
}

/* Separators between the parts of a header date. */
static size_t sep_at(const char *s, size_t i, size_t n)
{
    size_t w = space_at(s, i, n);
    if (w) return w;
    if (i < n && strchr(",-/().;", s[i]) && s[i]) return 1;
    /* en and em dashes */
    if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        return 3;
    return 0;
}

/* s[i, n) is one date and nothing else but a weekday before it, times,
 * AM/PM, time zones, "at"/"on" and separators. A year after a date that
 * had none completes it ("Fri May 17 10:00:00 UTC 2019"). */
static bool date_only(const char *s, size_t i, size_t n, ymd *out)
{
    bool have = false, weekday = false;
    ymd r = {0, 0, 0};
    for (;;) {
        for (size_t w; (w = sep_at(s, i, n));) i += w;
        if (i >= n) break;
        size_t e;
        int y;
        if (!have && (e = date_at(s, i, n, &r))) have = true;
        else if (!have && !weekday && (e = weekday_at(s, i, n))) weekday = true;
        else if (have && !r.y && (e = year_at(s, i, n, &y)) && (i == 0 || !is_digit(s[i - 1])) &&
                 valid_date(y, r.m, r.d))
            r.y = y;
        else if ((e = time_at(s, i, n)) || (e = ampm_at(s, i, n)) || (e = zone_at(s, i, n))) {
        } else if (word_is(s, i, n, "at") || word_is(s, i, n, "on")) e = i + 2;
        else return false;
        i = e;
    }
    if (have) *out = r;
    return have;
}

/* A header part: a date alone, after a label of up to three words and a
 * colon ("Date:", "Last updated:"), or after one capitalised word
 * ("Published", "Updated"). */
static bool header_date(const char *s, size_t n, ymd *out)
{
    if (date_only(s, 0, n, out)) return true;
    size_t i = skip_space(s, 0, n);
    size_t first = i, first_len = word_len(s, i, n);
    for (int words = 0; words < 3; words++) {
        size_t w = word_len(s, i, n);
        if (!w) break;
        i = skip_space(s, i + w, n);
        if (i < n && s[i] == ':') return date_only(s, i + 1, n, out);
    }
    int m;
    if (first_len >= 2 && s[first] >= 'A' && s[first] <= 'Z' && !month_at(s, first, n, &m) &&
        !weekday_at(s, first, n))
        return date_only(s, first + first_len, n, out);
    return false;
}

/* Where a dateline's dash is: " - ", "--", an en or em dash. Returns its
 * start, or n. */
static size_t dash_at(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (s[i] == '-' && (s[i - 1] == ' ' || s[i - 1] == '-') && i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '-'))
            return s[i - 1] == '-' ? i - 1 : i;
        if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
            return i;
    }
    return n;
}

/* A dateline opening a line: [PLACE,] DATE [(AGENCY)] DASH. The place has
 * no digits and ends with a comma, and it starts with a word in capitals
 * ("BAMAKO", "DUBAI/ADEN") unless an agency follows the date: "On Friday, 3
 * January 2020 - the day..." is a sentence, not a dateline. */
static bool dateline(const char *s, size_t n, ymd *out)
{
    size_t lim = n < 160 ? n : 160;
    size_t h = dash_at(s, lim);
    if (h == lim) return false;
    while (h > 0 && space_at(s, h - 1, h)) h--;
    bool agency = false;
    if (h > 0 && s[h - 1] == ')') {
        size_t o = h - 1;
        while (o > 0 && s[o] != '(' && h - o < 40) o--;
        if (s[o] != '(') return false;
        for (size_t k = o; k < h; k++)
            if (is_digit(s[k])) return false;
        agency = true;
        h = o;
        while (h > 0 && space_at(s, h - 1, h)) h--;
    }
    for (size_t j = 0; j < h; j++) {
        if (j > 0 && s[j - 1] != ' ' && s[j - 1] != ',') continue;
        ymd r;
        size_t e = date_at(s, j, h, &r);
        if (e != h) continue;
        size_t p = j;
        while (p > 0 && space_at(s, p - 1, j)) p--;
        if (p == 0) return (*out = r, true);
        if (s[p - 1] != ',' || p > 100) return false;
        for (size_t k = 0; k < p; k++)
            if (is_digit(s[k])) return false;
        size_t caps = 0;
        while (caps < p && s[caps] >= 'A' && s[caps] <= 'Z') caps++;
        if (!agency && (caps < 2 || (caps < p && is_alpha(s[caps])))) return false;
        *out = r;
        return true;
    }
    return false;
}

/* A line of the header: each part between '|', a middle dot or a bullet. */
static bool line_date(const char *s, size_t n, ymd *out)
{
    if (n <= 160) {
        size_t a = 0;
        for (size_t i = 0; i <= n; i++) {
            size_t w = 0;
            if (i == n) w = 0;
            else if (s[i] == '|') w = 1;
            else if (i + 2 <= n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7) w = 2;
            else if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                     (unsigned char)s[i + 2] == 0xA2)
                w = 3;
            else continue;
            if (header_date(s + a, i - a, out)) return true;
            a = i + (w ? w : 1);
        }
    }
    return dateline(s, n, out);
}

static void format_ymd(const ymd *r, char out[NB_DATE_LEN + 1])
{
    snprintf(out, NB_DATE_LEN + 1, "%04u-%02u-%02u", (unsigned)r->y % 10000u, (unsigned)r->m % 100u,
             (unsigned)r->d % 100u);
}

nb_date_from nb_text_date(const char *text, size_t len, char out[NB_DATE_LEN + 1])
{
    out[0] = '\0';
    size_t lim = len < NB_DATE_BYTES ? len : NB_DATE_BYTES;
    bool have_partial = false;
    ymd partial = {0, 0, 0};
    size_t i = 0;
    for (int lines = 0; i < lim && lines < NB_DATE_LINES;) {
        size_t e = i;
        while (e < lim && text[e] != '\n' && text[e] != '\r') e++;
        size_t a = skip_space(text, i, e), b = e;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t')) b--;
        if (b > a) {
            lines++;
            ymd r;
            if (line_date(text + a, b - a, &r)) {
                if (r.y) {
                    format_ymd(&r, out);
                    return NB_DATE_TEXT;
                }
                if (!have_partial) partial = r, have_partial = true;
            }
        }
        i = e + 1;
    }
    if (!have_partial) return NB_DATE_NONE;
    format_ymd(&partial, out);
    return NB_DATE_NO_YEAR;
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

nb_date_from nb_read_date(const char *text, size_t len, const char *path, char out[NB_DATE_LEN + 1])
{
    char pd[NB_DATE_LEN + 1];
    nb_date_from from = nb_text_date(text, len, out);
    if (from == NB_DATE_TEXT) return from;
    bool in_path = nb_path_date(path, pd);
    if (from == NB_DATE_NO_YEAR) {
        int m = num(out + 5, 2), d = num(out + 8, 2);
        out[0] = '\0';
        if (!in_path) return NB_DATE_NO_YEAR;
        int py = num(pd, 4);
        long ref = days_from_civil(py, num(pd + 5, 2), num(pd + 8, 2)), best = -1;
        ymd r = {0, m, d};
        for (int y = py - 1; y <= py + 1; y++) {
            if (!valid_date(y, m, d)) continue;
            long dist = labs(days_from_civil(y, m, d) - ref);
            if (best < 0 || dist < best) best = dist, r.y = y;
        }
        if (!r.y) return NB_DATE_NO_YEAR;
        format_ymd(&r, out);
        return NB_DATE_TEXT_PATH_YEAR;
    }
    if (!in_path) return NB_DATE_NONE;
    memcpy(out, pd, NB_DATE_LEN + 1);
    return NB_DATE_PATH;
}

const char *nb_net_article_date(const nb_network *net, size_t i, char buf[NB_DATE_LEN + 1])
{
    buf[0] = '\0';
    if (i >= net->n_articles) return buf;
    if (net->dates && net->dates[i].from != NB_DATE_UNREAD) return net->dates[i].iso;
    nb_path_date(net->articles[i], buf);
    return buf;
}

size_t nb_net_undated(const nb_network *net)
{
    size_t n = 0;
    char buf[NB_DATE_LEN + 1];
    for (size_t i = 0; i < net->n_articles; i++) n += !*nb_net_article_date(net, i, buf);
    return n;
}

static int cmp_date(const void *a, const void *b) { return memcmp(a, b, NB_DATE_LEN); }

/* Adds the dates of one ';'-joined path list (copies) or one path. */
static void add_dates(nb_buf *out, const char *paths)
{
    const char *p = paths;
    while (*p) {
        const char *semi = strchr(p, ';');
        size_t len = semi ? (size_t)(semi - p) : strlen(p);
        char *one = nb_strndup(p, len);
        char date[NB_DATE_LEN + 1];
        if (nb_path_date(one, date)) nb_buf_put(out, date, NB_DATE_LEN);
        free(one);
        p += len;
        if (*p == ';') p++;
    }
}

size_t nb_edge_dates(const nb_network *net, const nb_edge *e, nb_buf *out)
{
    nb_buf_clear(out);
    for (size_t a = 0; a < e->n_articles; a++) {
        size_t i = e->articles[a];
        if (i >= net->n_articles) continue;
        char buf[NB_DATE_LEN + 1];
        const char *date = nb_net_article_date(net, i, buf);
        if (*date) nb_buf_put(out, date, NB_DATE_LEN);
        /* a copy has the same text, so the same text date; its path may differ */
        bool from_text = net->dates && (net->dates[i].from == NB_DATE_TEXT ||
                                         net->dates[i].from == NB_DATE_TEXT_PATH_YEAR);
        if (net->copies && net->copies[i] && !from_text) add_dates(out, net->copies[i]);
    }
    size_t n = out->len / NB_DATE_LEN;
    if (n == 0) {
        nb_buf_put(out, "", 0);
        return 0;
    }
    qsort(out->data, n, NB_DATE_LEN, cmp_date);
    size_t k = 1;
    for (size_t i = 1; i < n; i++) {
        if (memcmp(out->data + i * NB_DATE_LEN, out->data + (k - 1) * NB_DATE_LEN, NB_DATE_LEN))
            memmove(out->data + k++ * NB_DATE_LEN, out->data + i * NB_DATE_LEN, NB_DATE_LEN);
    }
    out->len = k * NB_DATE_LEN;
    out->data[out->len] = '\0';
    return k;
}

void nb_edge_seen(const nb_network *net, const nb_edge *e, char first[NB_DATE_LEN + 1],
                  char last[NB_DATE_LEN + 1])
{
    nb_buf d = {0};
    size_t n = nb_edge_dates(net, e, &d);
    first[0] = last[0] = '\0';
    if (n) {
        memcpy(first, d.data, NB_DATE_LEN);
        first[NB_DATE_LEN] = '\0';
        memcpy(last, d.data + (n - 1) * NB_DATE_LEN, NB_DATE_LEN);
        last[NB_DATE_LEN] = '\0';
    }
    nb_buf_free(&d);
}
