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
        char date[NB_DATE_LEN + 1];
        if (nb_path_date(net->articles[i], date)) nb_buf_put(out, date, NB_DATE_LEN);
        if (net->copies && net->copies[i]) add_dates(out, net->copies[i]);
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
