#include "dict.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

void nb_dict_init(nb_dict *d) { memset(d, 0, sizeof *d); }

void nb_dict_free(nb_dict *d)
{
    for (size_t i = 0; i < d->n; i++) free(d->entries[i].name);
    free(d->entries);
    nb_map_free(&d->alias);
    nb_map_free(&d->skeleton);
    nb_map_free(&d->prefix);
    memset(d, 0, sizeof *d);
}

void nb_name_key(const char *name, size_t n, nb_buf *out)
{
    nb_buf_clear(out);
    nb_buf_put(out, "", 0);
    bool gap = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (isalnum(c) || c >= 0x80) {
            if (gap && out->len) nb_buf_putc(out, ' ');
            gap = false;
            nb_buf_putc(out, (char)tolower(c));
        } else if (c == '.' || c == '\'') {
            /* "U.S." -> "us", "Kata'ib" -> "kataib" */
        } else {
            gap = true;
        }
    }
}

static bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

void nb_name_skeleton(const char *key, nb_buf *out)
{
    nb_buf_clear(out);
    nb_buf_put(out, "", 0);
    const char *p = key;
    while (*p) {
        const char *w = p;
        while (*p && *p != ' ') p++;
        size_t wn = (size_t)(p - w);
        while (*p == ' ') p++;
        if ((wn == 2 && (strncmp(w, "al", 2) == 0 || strncmp(w, "el", 2) == 0 ||
                         strncmp(w, "ad", 2) == 0)) ||
            (wn == 3 && strncmp(w, "the", 3) == 0))
            continue;
        if (out->len) nb_buf_putc(out, ' ');
        char prev = 0;
        for (size_t i = 0; i < wn; i++) {
            char c = w[i];
            char nx = i + 1 < wn ? w[i + 1] : 0;
            if (c == 'g' && nx == 'h') { c = 'q'; i++; }
            else if (c == 'k' && nx == 'h') { c = 'k'; i++; }
            else if (c == 'p' && nx == 'h') { c = 'f'; i++; }
            else if (c == 'd' && nx == 'h') { c = 'd'; i++; }
            else if (c == 'c' && nx != 'h') c = 'k';
            if (c == 'e' || c == 'y') c = 'i';
            else if (c == 'o' || c == 'w') c = 'u';
            /* A run of vowels keeps its first; a doubled letter counts once. */
            if (c == prev || (vowel(c) && vowel(prev))) continue;
            nb_buf_putc(out, c);
            prev = c;
        }
    }
}

size_t nb_edit_distance(const char *a, const char *b, size_t max)
{
    size_t n = strlen(a), m = strlen(b);
    if ((n > m ? n - m : m - n) > max) return max + 1;
    if (n > 64 || m > 64) return strcmp(a, b) == 0 ? 0 : max + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= n; i++) d[i][0] = i;
    for (size_t j = 0; j <= m; j++) d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m] > max ? max + 1 : d[n][m];
}

size_t nb_dict_add(nb_dict *d, const char *name, nb_kind kind)
{
    nb_buf key = {0};
    nb_name_key(name, strlen(name), &key);
    size_t val;
    if (key.len && nb_map_get(&d->alias, key.data, &val) &&
        strcmp(d->entries[val >> 2].name, name) == 0) {
        nb_buf_free(&key);
        return val >> 2;
    }
    nb_grow(&d->entries, &d->cap, d->n + 1, sizeof *d->entries);
    d->entries[d->n].name = nb_strdup(name);
    d->entries[d->n].kind = kind;
    d->entries[d->n].organ = false;
    size_t e = d->n++;
    nb_buf_free(&key);
    nb_dict_add_alias(d, e, name, 0);
    return e;
}

static bool short_caps(const char *s)
{
    size_t letters = 0;
    for (const char *p = s; *p; p++) {
        if (islower((unsigned char)*p)) return false;
        if (isalpha((unsigned char)*p)) letters++;
    }
    return letters > 0 && letters <= 4;
}

/* Does alias key (normalized) name a part of the organisation called name,
 * by holding the name's first word and more ("Hamas political bureau")? */
static bool sub_body(const char *name, const char *key)
{
    nb_buf nk = {0};
    nb_name_key(name, strlen(name), &nk);
    bool sub = false;
    if (nk.len && strcmp(nk.data, key)) {
        const char *sp = strchr(nk.data, ' ');
        size_t n = sp ? (size_t)(sp - nk.data) : nk.len;
        for (const char *p = key; *p && !sub; p++)
            if ((p == key || p[-1] == ' ') && !strncmp(p, nk.data, n) && (p[n] == ' ' || p[n] == '\0')) sub = true;
    }
    nb_buf_free(&nk);
    return sub;
}

bool nb_dict_add_alias(nb_dict *d, size_t e, const char *alias, unsigned flags)
{
    nb_buf key = {0}, sk = {0};
    nb_name_key(alias, strlen(alias), &key);
    bool ok = true;
    if (key.len == 0) goto cleanup;
    if (short_caps(alias)) flags |= NB_ALIAS_UPPER;
    size_t words = 1;
    for (size_t i = 0; i < key.len; i++) words += key.data[i] == ' ';
    size_t val;
    if (nb_map_get(&d->alias, key.data, &val) && (val >> 2) != e) {
        ok = false;
        goto cleanup;
    }
    if (words > d->max_tokens) d->max_tokens = words;
    nb_map_put(&d->alias, key.data, e << 2 | flags);
    if (d->entries[e].kind == NB_KIND_ORG && !sub_body(d->entries[e].name, key.data)) {
        static const char *const ORGAN[] = {"intelligence", "security service", "security agency", "police",
                                            "coast guard", "bureau", "directorate", NULL};
        for (size_t q = 0; ORGAN[q]; q++) {
            const char *hit = strstr(key.data, ORGAN[q]);
            size_t n = strlen(ORGAN[q]);
            /* (whole words only) */
            if (hit && (hit == key.data || hit[-1] == ' ') && (hit[n] == '\0' || hit[n] == ' '))
                d->entries[e].organ = true;
        }
    }
    for (size_t i = 0; i <= key.len; i++) {
        if (i == key.len || key.data[i] == ' ') {
            char c = key.data[i];
            key.data[i] = '\0';
            nb_map_put(&d->prefix, key.data, 1);
            key.data[i] = c;
        }
    }
    /* Skeletons only for names long enough not to collide by chance. */
    if (!(flags & (NB_ALIAS_DEMONYM | NB_ALIAS_UPPER))) {
        nb_name_skeleton(key.data, &sk);
        if (sk.len >= 5) {
            if (nb_map_get(&d->skeleton, sk.data, &val) && val != e)
                nb_map_put(&d->skeleton, sk.data, SIZE_MAX);
            else nb_map_put(&d->skeleton, sk.data, e);
        }
    }
cleanup:
    nb_buf_free(&key);
    nb_buf_free(&sk);
    return ok;
}

bool nb_dict_get(const nb_dict *d, const char *key, size_t *entry, unsigned *flags)
{
    size_t val;
    if (!nb_map_get(&d->alias, key, &val)) return false;
    *entry = val >> 2;
    *flags = (unsigned)(val & 3);
    return true;
}

static void warn(const nb_dict *d, const char *msg)
{
    if (d->warn) d->warn(d->warn_ctx, msg);
}

/* ---- CSV loading ------------------------------------------------------- */

typedef struct {
    nb_dict *d;
    const char *path;
    nb_buf *err;
    char *field[4];
    size_t nfield;
    size_t line;      /* current record's first line */
    size_t nl;        /* newlines consumed so far */
    bool header_done, failed;
} loader;

static void fail(loader *L, size_t col, const char *msg)
{
    if (L->failed) return;
    L->failed = true;
    nb_buf_clear(L->err);
    nb_buf_printf(L->err, "%s:%zu:%zu: %s", L->path, L->line, col, msg);
}

static void on_field(void *s, size_t len, void *data)
{
    loader *L = data;
    if (L->nfield < 4) {
        L->field[L->nfield] = nb_text_sanitize(s ? s : "", s ? len : 0);
    }
    L->nfield++;
}

/* Words that are never a name on their own: as an alias each would turn
 * every sentence into a mention. An all-caps acronym ("IS", "WHO", "US")
 * matches only in capitals and is allowed. */
static const char *const STOP_WORDS[] = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
    "with", "from", "as", "into", "onto", "over", "under", "after", "before", "about",
    "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "do",
    "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "it", "its", "he", "him", "his", "she", "her", "hers", "they", "them", "their",
    "we", "us", "our", "you", "your", "i", "me", "my", "this", "that", "these", "those",
    "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "not", "no",
    "yes", "if", "then", "than", "so", "also", "there", "here", "said", "says", "say",
    "told", "tells", "reported", "according", "mr", "mrs", "ms", "new", "one", NULL};

static bool stop_word(const char *alias)
{
    if (short_caps(alias)) return false;
    nb_buf key = {0};
    nb_name_key(alias, strlen(alias), &key);
    bool hit = false;
    for (size_t i = 0; STOP_WORDS[i] && !hit; i++) hit = !strcmp(key.data, STOP_WORDS[i]);
    nb_buf_free(&key);
    return hit;
}

static void fail_stop(loader *L, size_t col, const char *what, const char *word)
{
    nb_buf msg = {0};
    nb_buf_printf(&msg, "%s \"%s\" is a common word, not a name (it would match nearly every sentence)", what, word);
    fail(L, col, msg.data);
    nb_buf_free(&msg);
}

static void add_list(loader *L, size_t e, const char *list, unsigned flags, size_t col)
{
    const char *p = list;
    while (*p) {
        const char *q = strchr(p, '|');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        while (n && *p == ' ') { p++; n--; }
        while (n && p[n - 1] == ' ') n--;
        if (n) {
            char *a = nb_strndup(p, n);
            if (stop_word(a)) fail_stop(L, col, flags & NB_ALIAS_DEMONYM ? "demonym" : "alias", a);
            else if (!nb_dict_add_alias(L->d, e, a, flags)) {
                nb_buf msg = {0};
                nb_buf_printf(&msg, "alias \"%s\" already names another actor", a);
                fail(L, col, msg.data);
                nb_buf_free(&msg);
            }
            free(a);
        }
        if (!q) break;
        p = q + 1;
    }
}

/* Drops leading and trailing spaces in place (controls are spaces by now). */
static char *trim(char *s)
{
    size_t a = strspn(s, " "), z = strlen(s);
    while (z > a && s[z - 1] == ' ') z--;
    memmove(s, s + a, z - a);
    s[z - a] = '\0';
    return s;
}

static void on_record(int term, void *data)
{
    (void)term;
    loader *L = data;
    size_t nf = L->nfield;
    L->nfield = 0;
    if (!L->failed) {
        if (!L->header_done) {
            L->header_done = true;
            if (nf < 3 || nf > 4 || strcmp(L->field[0], "name") != 0)
                fail(L, 1, "header must be name,kind,aliases[,demonyms]");
        } else if (nf < 3 || nf > 4) {
            fail(L, 1, nf < 3 ? "too few columns (want name,kind,aliases[,demonyms])"
                              : "too many columns (want name,kind,aliases[,demonyms])");
        } else if (trim(L->field[0])[0] == '\0') {
            fail(L, 1, "empty actor name");
        } else {
            int k = nb_kind_parse(L->field[1]);
            if (k < 0 || k == NB_KIND_UNKNOWN) {
                fail(L, 2, "kind must be person, organization, country or group");
            } else if (stop_word(L->field[0])) {
                fail_stop(L, 1, "name", L->field[0]);
            } else {
                /* The first kind given for a name stays; a different one
                 * later (often a second file) is reported. */
                nb_buf key = {0};
                nb_name_key(L->field[0], strlen(L->field[0]), &key);
                size_t val;
                if (key.len && nb_map_get(&L->d->alias, key.data, &val) &&
                    !strcmp(L->d->entries[val >> 2].name, L->field[0]) &&
                    L->d->entries[val >> 2].kind != (nb_kind)k) {
                    nb_buf msg = {0};
                    nb_buf_printf(&msg, "%s:%zu:2: \"%s\" is already of kind %s (an earlier line or file); kind %s ignored",
                                  L->path, L->line, L->field[0], nb_kind_name(L->d->entries[val >> 2].kind),
                                  nb_kind_name((nb_kind)k));
                    warn(L->d, msg.data);
                    nb_buf_free(&msg);
                }
                nb_buf_free(&key);
                size_t e = nb_dict_add(L->d, L->field[0], (nb_kind)k);
                add_list(L, e, L->field[2], 0, 3);
                if (nf == 4) add_list(L, e, L->field[3], NB_ALIAS_DEMONYM, 4);
            }
        }
    }
    for (size_t i = 0; i < 4 && i < nf; i++) {
        free(L->field[i]);
        L->field[i] = NULL;
    }
}

/* Largest dictionary read: the bundled one is under 1 MiB. */
#define NB_MAX_DICT ((size_t)64 << 20)

/* Reads the whole file, refusing folders, FIFOs and devices (a FIFO would
 * block a plain open for ever). Returns 0 or an errno; EISDIR and EFTYPE-ish
 * cases get their own wording in *why. */
static int read_dict(const char *path, nb_buf *data, const char **why)
{
    *why = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return errno ? errno : EIO;
    struct stat st;
    int ret = 0;
    if (fstat(fd, &st) != 0) {
        ret = errno ? errno : EIO;
        goto cleanup;
    }
    if (S_ISDIR(st.st_mode)) {
        *why = "is a folder: -a wants a CSV file (name,kind,aliases[,demonyms])";
        ret = EISDIR;
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = "not a regular file: -a wants a CSV file (name,kind,aliases[,demonyms])";
        ret = EINVAL;
        goto cleanup;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ret = errno ? errno : EIO;
            goto cleanup;
        }
        if (n == 0) break;
        if (data->len + (size_t)n > NB_MAX_DICT) {
            *why = "larger than 64 MiB: not an actor dictionary";
            ret = EFBIG;
            goto cleanup;
        }
        nb_buf_put(data, buf, (size_t)n);
    }
cleanup:
    close(fd);
    return ret;
}

/* The 1-based line of byte offset off. */
static size_t line_of(const char *s, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++) line += s[i] == '\n';
    return line;
}

/* The first line holding invalid UTF-8, 0 when there is none. */
static size_t first_bad_line(const char *s, size_t n)
{
    size_t line = 1;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (s + i)) + 1 : n - i, out, bad;
        free(nb_text_decode(s + i, len, 0, &out, &bad));
        if (bad) return line;
        i += len;
        line++;
    }
    return 0;
}

nb_status nb_dict_load(nb_dict *d, const char *path, nb_buf *err)
{
    nb_status st = NB_OK;
    struct csv_parser p;
    loader L = {0};
    L.d = d;
    L.path = path;
    L.err = err;
    L.line = 1;
    bool parser = false;
    nb_buf raw = {0}, msg = {0};
    char *text = NULL;
    const char *why;
    int rerr = read_dict(path, &raw, &why);
    if (rerr) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: %s", path, why ? why : strerror(rerr));
        st = NB_ERR_IO;
        goto cleanup;
    }
    /* Spreadsheets save CSV as UTF-8 with a BOM, UTF-16 with a BOM, or their
     * local code page: all become UTF-8 here, and a guess is reported. */
    const char *s = raw.data ? raw.data : "";
    size_t n = raw.len, len = n, bad = 0;
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        text = nb_text_decode(s + 2, n - 2, u[0] == 0xFF ? 1 : 2, &len, &bad);
        if (bad) {
            nb_buf_printf(&msg, "%s: %zu invalid UTF-16 sequence(s) replaced with U+FFFD", path, bad);
            warn(d, msg.data);
        }
    } else {
        if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) s += 3, n -= 3;
        const char *nul = memchr(s, '\0', n);
        if (nul) {
            /* UTF-16 without a BOM has a NUL in every other byte of ASCII
             * text, always at the same parity; a binary file has them
             * anywhere. */
            size_t zeros[2] = {0, 0}, m = n < 512 ? n : 512;
            for (size_t i = 0; i < m; i++) zeros[i & 1] += s[i] == '\0';
            bool utf16 = (zeros[0] * 5 > m * 2 && zeros[1] * 20 < m) || (zeros[1] * 5 > m * 2 && zeros[0] * 20 < m);
            L.line = line_of(s, (size_t)(nul - s));
            fail(&L, 1, utf16 ? "UTF-16 without a byte order mark: save it as UTF-8 (or UTF-16 with a BOM)"
                              : "NUL byte: a binary file, not a CSV dictionary");
            st = NB_ERR_INPUT;
            goto cleanup;
        }
        /* Invalid bytes become U+FFFD (on_field), with a warning that names
         * the first line: Latin-1 from a spreadsheet is the usual cause. */
        size_t line = first_bad_line(s, n);
        if (line) {
            nb_buf_printf(&msg, "%s:%zu: invalid UTF-8%s replaced with U+FFFD; save the file as UTF-8", path,
                          line, nb_text_latin1(s, n) ? " (Latin-1?)" : "");
            warn(d, msg.data);
        }
        text = nb_strndup(s, n);
        len = n;
    }
    /* CSV_STRICT_FINI: a quote still open at the end is an error, not a
     * field that swallowed the rest of the file. */
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        st = NB_ERR_IO;
        goto cleanup;
    }
    parser = true;
    /* A header without commas but with semicolons (or tabs) is a European
     * spreadsheet's CSV: its separator is used. */
    size_t hlen = strcspn(text, "\n");
    if (!memchr(text, ',', hlen)) {
        if (memchr(text, ';', hlen)) csv_set_delim(&p, ';');
        else if (memchr(text, '\t', hlen)) csv_set_delim(&p, '\t');
    }
    /* Feed line by line so errors can name the line they are on. */
    for (size_t i = 0; i < len && !L.failed;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t ln = nl ? (size_t)(nl - (text + i)) + 1 : len - i;
        if (csv_parse(&p, text + i, ln, on_field, on_record, &L) != ln) {
            nb_buf m = {0};
            if (csv_error(&p) == CSV_EPARSE)
                nb_buf_puts(&m, "misplaced quote (quote the whole field and double the quotes in it)");
            else nb_buf_printf(&m, "%s", csv_strerror(csv_error(&p)));
            /* the column is the field being parsed */
            fail(&L, csv_error(&p) == CSV_EPARSE ? L.nfield + 1 : 0, m.data);
            nb_buf_free(&m);
            break;
        }
        i += ln;
        if (nl) L.nl++;
        if (p.status == 0 && p.pstate == 0 && p.entry_pos == 0) L.line = L.nl + 1;
    }
    if (!L.failed && csv_fini(&p, on_field, on_record, &L) != 0)
        fail(&L, L.nfield + 1, "unterminated quoted field");
    if (!L.failed && !L.header_done) fail(&L, 1, "empty dictionary (no header)");
    if (L.failed) st = NB_ERR_INPUT;
cleanup:
    for (size_t i = 0; i < 4; i++) free(L.field[i]);
    if (parser) csv_free(&p);
    free(text);
    nb_buf_free(&raw);
    nb_buf_free(&msg);
    return st;
}
