#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

#define NB_STORE_APP_ID 0x4E425354 /* "NBST" */
/* How long a process waits for another one's lock before giving up. */
#define NB_STORE_BUSY_MS 5000

struct nb_store {
    sqlite3 *db;
    char *path;
    bool read_only;
    int turn_fd; /* holds the flock() turn; -1 when none was taken */
};

/* ---- record codec ------------------------------------------------------- */

static void put_u(nb_buf *b, uint64_t v)
{
    do {
        unsigned char c = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v) c |= 0x80;
        nb_buf_putc(b, (char)c);
    } while (v);
}

/* A string with a presence bit: length + 1, 0 for NULL. */
static void put_s(nb_buf *b, const char *s)
{
    if (!s) {
        put_u(b, 0);
        return;
    }
    size_t n = strlen(s);
    put_u(b, (uint64_t)n + 1);
    nb_buf_put(b, s, n);
}

void nb_record_encode(const nb_record *r, nb_buf *out)
{
    nb_buf_put(out, "NBR1", 4);
    put_s(out, r->date);
    put_u(out, (uint64_t)r->date_from);
    put_u(out, r->bytes);
    put_u(out, r->sentences);
    put_u(out, r->cut);
    put_u(out, r->parsed);
    put_u(out, r->invalid_bytes);
    put_u(out, r->n_ents);
    for (size_t i = 0; i < r->n_ents; i++) {
        const nb_rec_ent *e = &r->ents[i];
        put_s(out, e->label);
        put_u(out, (uint64_t)e->kind);
        put_s(out, e->alias);
        put_u(out, (uint64_t)e->mentions);
        put_u(out, e->n_forms);
        for (size_t k = 0; k < e->n_forms; k++) put_s(out, e->forms[k]);
    }
    put_u(out, r->n_sents);
    for (size_t i = 0; i < r->n_sents; i++) {
        put_u(out, r->sents[i].offset);
        put_s(out, r->sents[i].text);
    }
    put_u(out, r->n_rels);
    for (size_t i = 0; i < r->n_rels; i++) {
        const nb_rec_rel *f = &r->rels[i];
        put_u(out, f->src);
        put_u(out, f->dst);
        put_u(out, (uint64_t)f->rel);
        put_u(out, f->sent);
        put_u(out, f->support);
        put_s(out, f->rule);
        put_s(out, f->path);
    }
    put_u(out, r->names.n);
    for (size_t i = 0; i < r->names.n; i++) {
        const nb_name_event *e = &r->names.ev[i];
        put_u(out, (uint64_t)e->add | (uint64_t)e->one_word << 1);
        put_u(out, (uint64_t)e->kind);
        put_s(out, e->sk);
        put_s(out, e->label);
        put_s(out, e->surname);
    }
}

typedef struct {
    const unsigned char *p, *end;
    bool bad;
} reader;

static uint64_t get_u(reader *rd)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (rd->p >= rd->end) break;
        unsigned char c = *rd->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) return v;
    }
    rd->bad = true;
    return 0;
}

/* A count of items each at least min_bytes long: never more than the bytes
 * left, so a corrupt count cannot ask for a huge allocation. */
static size_t get_n(reader *rd, size_t min_bytes)
{
    uint64_t v = get_u(rd);
    if (v > (uint64_t)(rd->end - rd->p) / min_bytes) {
        rd->bad = true;
        return 0;
    }
    return (size_t)v;
}

/* Well-formed UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF). */
static bool utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        if (!len || len > n - i) return false;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xc0) != 0x80) return false;
        if ((c == 0xe0 && s[i + 1] < 0xa0) || (c == 0xed && s[i + 1] > 0x9f) || (c == 0xf0 && s[i + 1] < 0x90) ||
            (c == 0xf4 && s[i + 1] > 0x8f))
            return false;
        i += len;
    }
    return true;
}

/* Text as netbuild writes it into a record (nb_text_sanitize leaves it as
 * it is: no controls, bidi marks and the like); printable ASCII is taken
 * without a copy. */
static bool clean_ok(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 0x20 && s[i] < 0x7f) i++;
    if (i == n) return true;
    if (!utf8_ok(s, n)) return false;
    char *safe = nb_text_sanitize((const char *)s, n);
    bool same = strlen(safe) == n && !memcmp(safe, s, n);
    free(safe);
    return same;
}

/* NULL for an absent string (and on error, with rd->bad set when need). */
static char *get_s(reader *rd, bool need)
{
    uint64_t v = get_u(rd);
    if (rd->bad || v == 0) {
        if (need) rd->bad = true;
        return NULL;
    }
    v--;
    if (v > (uint64_t)(rd->end - rd->p) || memchr(rd->p, 0, (size_t)v) || !clean_ok(rd->p, (size_t)v)) {
        rd->bad = true;
        return NULL;
    }
    char *s = nb_strndup((const char *)rd->p, (size_t)v);
    rd->p += v;
    return s;
}

/* "" or YYYY-MM-DD: the date is compared with --since/--until as text. */
static bool date_ok(const char *d)
{
    if (!*d) return true;
    if (strlen(d) != NB_DATE_LEN) return false;
    for (int i = 0; i < NB_DATE_LEN; i++)
        if (i == 4 || i == 7 ? d[i] != '-' : d[i] < '0' || d[i] > '9') return false;
    return true;
}

nb_status nb_record_decode(const unsigned char *data, size_t n, nb_record *r)
{
    memset(r, 0, sizeof *r);
    if (!data || n < 4 || memcmp(data, "NBR1", 4)) return NB_ERR_INPUT;
    reader rd = {data + 4, data + n, false};
    char *date = get_s(&rd, true);
    if (date && date_ok(date)) memcpy(r->date, date, strlen(date) + 1);
    else rd.bad = true;
    free(date);
    uint64_t from = get_u(&rd);
    if (from > NB_DATE_TEXT_PATH_YEAR) rd.bad = true;
    r->date_from = (int)from;
    r->bytes = get_u(&rd);
    r->sentences = get_u(&rd);
    r->cut = get_u(&rd);
    r->parsed = get_u(&rd);
    r->invalid_bytes = get_u(&rd);
    size_t ne = get_n(&rd, 5);
    r->ents = nb_calloc(ne ? ne : 1, sizeof *r->ents);
    for (size_t i = 0; i < ne && !rd.bad; i++, r->n_ents++) {
        nb_rec_ent *e = &r->ents[i];
        e->label = get_s(&rd, true);
        uint64_t kind = get_u(&rd);
        e->kind = (nb_kind)kind;
        if (kind >= NB_KIND_COUNT) rd.bad = true;
        e->alias = get_s(&rd, false);
        e->mentions = (long)get_u(&rd);
        size_t nf = get_n(&rd, 1);
        e->forms = nb_calloc(nf ? nf : 1, sizeof *e->forms);
        for (size_t k = 0; k < nf && !rd.bad; k++, e->n_forms++) e->forms[k] = get_s(&rd, true);
    }
    size_t ns = get_n(&rd, 2);
    r->sents = nb_calloc(ns ? ns : 1, sizeof *r->sents);
    for (size_t i = 0; i < ns && !rd.bad; i++, r->n_sents++) {
        r->sents[i].offset = get_u(&rd);
        r->sents[i].text = get_s(&rd, true);
        if (r->sents[i].offset > r->bytes) rd.bad = true; /* evidence points into the article */
    }
    size_t nr = get_n(&rd, 7);
    r->rels = nb_calloc(nr ? nr : 1, sizeof *r->rels);
    for (size_t i = 0; i < nr && !rd.bad; i++, r->n_rels++) {
        nb_rec_rel *f = &r->rels[i];
        uint64_t src = get_u(&rd), dst = get_u(&rd), rel = get_u(&rd), sent = get_u(&rd);
        f->support = (unsigned)get_u(&rd);
        f->rule = get_s(&rd, true);
        f->path = get_s(&rd, false);
        if (src >= r->n_ents || dst >= r->n_ents || rel >= NB_REL_COUNT || sent >= r->n_sents) rd.bad = true;
        f->src = (uint32_t)src;
        f->dst = (uint32_t)dst;
        f->rel = (nb_rel)rel;
        f->sent = (uint32_t)sent;
    }
    size_t nn = get_n(&rd, 5);
    for (size_t i = 0; i < nn && !rd.bad; i++) {
        uint64_t fl = get_u(&rd), kind = get_u(&rd);
        char *sk = get_s(&rd, true), *label = get_s(&rd, false), *sn = get_s(&rd, false);
        if (kind >= NB_KIND_COUNT || ((fl & 1) && !label)) rd.bad = true;
        if (!rd.bad) nb_name_log_push(&r->names, fl & 1, fl & 2, (nb_kind)kind, sk, label, sn);
        free(sk);
        free(label);
        free(sn);
    }
    if (rd.bad || rd.p != rd.end) {
        nb_record_free(r);
        return NB_ERR_INPUT;
    }
    return NB_OK;
}

/* ---- the SQLite file ---------------------------------------------------- */

static const char SCHEMA_V1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE article(relpath TEXT PRIMARY KEY, source TEXT NOT NULL, pos INTEGER NOT NULL,"
    " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, date TEXT NOT NULL, record BLOB);"
    "CREATE INDEX article_pos ON article(pos);";

/* Migrations: MIGRATIONS[v] takes a store from schema v to v + 1 (index 0
 * makes a new one). A future schema 2 appends its ALTERs here. */
static const char *const MIGRATIONS[] = {SCHEMA_V1};

/* SQLite's message, made clean: it may quote a corrupt file's schema text,
 * which must not reach a terminal as raw bytes. */
static void put_errmsg(nb_buf *err, sqlite3 *db)
{
    const char *m = db ? sqlite3_errmsg(db) : "out of memory";
    char *safe = nb_text_sanitize(m, strlen(m));
    nb_buf_puts(err, safe);
    free(safe);
}

/* What a run that did not get its turn says, from SQLite's lock or ours. */
static const char IN_USE[] = "the store is in use by another netbuild process (locked); try again when it ends";

static void db_error(nb_store *s, nb_buf *err, const char *what)
{
    nb_buf_clear(err);
    int code = sqlite3_errcode(s->db);
    nb_buf_printf(err, "%s: %s: ", s->path, what);
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        nb_buf_puts(err, IN_USE);
    else put_errmsg(err, s->db);
}

static bool exec(nb_store *s, const char *sql, nb_buf *err)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK) return true;
    db_error(s, err, "cannot update the store");
    return false;
}

/* Reads one integer from a one-row query; false on error. */
static bool query_int(nb_store *s, const char *sql, long long *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return false;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW;
}

/* SQLITE_CORRUPT and SQLITE_NOTADB mean the file is not a store; anything
 * else (a lock, I/O) is the environment's. */
static nb_status open_error(nb_store *s, nb_buf *err, const char *what)
{
    int code = sqlite3_errcode(s->db);
    bool corrupt = code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    nb_buf_clear(err);
    if (corrupt) {
        nb_buf_printf(err, "%s: not a netbuild store, or a corrupt one (", s->path);
        put_errmsg(err, s->db);
        nb_buf_putc(err, ')');
    } else {
        db_error(s, err, what);
    }
    return corrupt ? NB_ERR_INPUT : NB_ERR_IO;
}

/* The tables and columns of schema NB_STORE_SCHEMA are there. */
static bool has_tables(nb_store *s)
{
    static const char *const Q[] = {
        "SELECT relpath, source, pos, size, mtime_ns, hash, date, record FROM article LIMIT 0",
        "SELECT key, value FROM meta LIMIT 0"};
    for (size_t i = 0; i < sizeof Q / sizeof *Q; i++) {
        sqlite3_stmt *q;
        int rc = sqlite3_prepare_v2(s->db, Q[i], -1, &q, NULL);
        sqlite3_finalize(q);
        if (rc != SQLITE_OK) return false;
    }
    return true;
}

/* netbuild processes take turns on a store with flock() on the file itself,
 * before SQLite opens it: two writers that both opened the file can each hold
 * the shared lock the other's exclusive (WAL) lock waits for, and both time
 * out. False when another process keeps its turn for NB_STORE_BUSY_MS. */
static bool take_turn(nb_store *s, const char *path)
{
    s->turn_fd = open(path, s->read_only ? O_RDONLY : O_RDWR | O_CREAT, 0666);
    if (s->turn_fd < 0) return true; /* sqlite3_open_v2 says why */
    for (long waited = 0;; waited += 20) {
        if (!flock(s->turn_fd, (s->read_only ? LOCK_SH : LOCK_EX) | LOCK_NB)) return true;
        if (errno != EWOULDBLOCK && errno != EINTR) return true; /* no flock() here: SQLite's locks only */
        if (waited >= NB_STORE_BUSY_MS) return false;
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

nb_status nb_store_open(nb_store **out, const char *path, bool read_only, nb_buf *err)
{
    nb_store *s = nb_calloc(1, sizeof *s);
    nb_status st = NB_ERR_IO;
    long long ver = 0, app = 0, tables = 0;
    s->path = nb_text_sanitize(path, strlen(path));
    s->read_only = read_only;
    s->turn_fd = -1;
    if (!take_turn(s, path)) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: %s", s->path, IN_USE);
        goto cleanup;
    }
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: cannot open the store: ", s->path);
        put_errmsg(err, s->db);
        goto cleanup;
    }
    sqlite3_busy_timeout(s->db, NB_STORE_BUSY_MS);
    if (!query_int(s, "PRAGMA user_version", &ver) || !query_int(s, "PRAGMA application_id", &app) ||
        !query_int(s, "SELECT count(*) FROM sqlite_master", &tables)) {
        st = open_error(s, err, "cannot read the store");
        goto cleanup;
    }
    if (ver > NB_STORE_SCHEMA && app == NB_STORE_APP_ID) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: store schema %lld is newer than this netbuild's (%d): use a newer netbuild", s->path,
                      ver, NB_STORE_SCHEMA);
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    if ((tables > 0 || ver > 0) && app != NB_STORE_APP_ID) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: an SQLite file that is not a netbuild store (unknown schema): refused", s->path);
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    /* A truncated or overwritten store is found here, before it is used. */
    {
        sqlite3_stmt *q;
        bool ok = sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &q, NULL) == SQLITE_OK &&
                  sqlite3_step(q) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(q, 0), "ok");
        if (!ok) {
            int code = sqlite3_errcode(s->db);
            if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
                sqlite3_finalize(q);
                st = open_error(s, err, "cannot read the store");
                goto cleanup;
            }
            nb_buf_clear(err);
            nb_buf_printf(err, "%s: corrupt store (integrity check failed): remove it and run again", s->path);
            sqlite3_finalize(q);
            st = NB_ERR_INPUT;
            goto cleanup;
        }
        sqlite3_finalize(q);
    }
    if (!read_only) {
        /* WAL: a killed run leaves the last committed article; exclusive
         * locking: a second process waits, then fails with a clear line. */
        if (!exec(s, "PRAGMA journal_mode=WAL", err) || !exec(s, "PRAGMA locking_mode=EXCLUSIVE", err) ||
            !exec(s, "PRAGMA synchronous=NORMAL", err) || !exec(s, "BEGIN IMMEDIATE", err))
            goto cleanup;
        for (long long v = ver; v < NB_STORE_SCHEMA; v++) {
            if (!exec(s, MIGRATIONS[v], err)) goto cleanup;
        }
        nb_buf q = {0};
        nb_buf_printf(&q, "PRAGMA application_id=%d; PRAGMA user_version=%d; COMMIT", NB_STORE_APP_ID, NB_STORE_SCHEMA);
        bool ok = exec(s, q.data, err);
        nb_buf_free(&q);
        if (!ok) goto cleanup;
    } else if (ver != NB_STORE_SCHEMA) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: not a netbuild store (empty)", s->path);
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    /* the right numbers over other tables (changed outside netbuild) */
    if (!has_tables(s)) {
        nb_buf_clear(err);
        nb_buf_printf(err, "%s: not a netbuild store: its tables are not those of schema %d: refused", s->path,
                      NB_STORE_SCHEMA);
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    *out = s;
    return NB_OK;
cleanup:
    nb_store_close(s);
    *out = NULL;
    return st;
}

void nb_store_close(nb_store *s)
{
    if (!s) return;
    sqlite3_close(s->db);
    /* after SQLite's close: closing any descriptor of the file drops the
     * process's fcntl() locks on it, SQLite's included */
    if (s->turn_fd >= 0) close(s->turn_fd);
    free(s->path);
    free(s);
}

static char *meta_get(nb_store *s, const char *key)
{
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key=?", -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) v = nb_strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

static bool meta_put(nb_store *s, const char *key, const char *value, nb_buf *err)
{
    sqlite3_stmt *st;
    bool ok = sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", -1, &st, NULL) ==
              SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
    }
    if (!ok) db_error(s, err, "cannot update the store");
    return ok;
}

/* ---- versions ----------------------------------------------------------- */

static void hash_path(const char *path, nb_buf *out, int depth)
{
    struct stat stt;
    if (stat(path, &stt) != 0) {
        nb_buf_printf(out, "-");
        return;
    }
    if (S_ISDIR(stt.st_mode) && depth < 4) {
        struct dirent **ents = NULL;
        int n = scandir(path, &ents, NULL, alphasort);
        for (int i = 0; i < n; i++) {
            if (ents[i]->d_name[0] != '.') {
                nb_buf sub = {0};
                nb_buf_printf(&sub, "%s/%s", path, ents[i]->d_name);
                nb_buf_printf(out, "%s=", ents[i]->d_name);
                hash_path(sub.data, out, depth + 1);
                nb_buf_putc(out, ',');
                nb_buf_free(&sub);
            }
            free(ents[i]);
        }
        free(ents);
        return;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        nb_buf_printf(out, "-");
        return;
    }
    uint64_t h = 14695981039346656037ULL; /* FNV-1a over the whole file */
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        for (size_t i = 0; i < n; i++) {
            h ^= buf[i];
            h *= 1099511628211ULL;
        }
    fclose(f);
    nb_buf_printf(out, "%016" PRIx64, h);
}

char *nb_store_versions(const char *const *paths, size_t n, const char *switches)
{
    nb_buf all = {0}, v = {0};
    for (size_t i = 0; i < n; i++) {
        if (!paths[i]) continue;
        hash_path(paths[i], &all, 0);
        nb_buf_putc(&all, ';');
    }
    /* one hash of the whole, so the line stays short */
    nb_buf_printf(&v, "record=1 data=%016" PRIx64 " %s", nb_hash(all.data ? all.data : "", all.len), switches);
    nb_buf_free(&all);
    return nb_buf_detach(&v);
}

/* ---- runs --------------------------------------------------------------- */

/* A run that merges articles in catalogue order. */
typedef struct {
    nb_pipeline *p;
    nb_ahead *ahead;     /* extraction threads (-j), or NULL */
    size_t item;         /* the article's item taken ahead by them, else SIZE_MAX */
} runner;

/* Takes one article file in catalogue order: as a copy of an earlier one,
 * from its stored record when it still fits the name table, else extracted
 * anew from data (read from path when data->len is 0), encoded into enc.
 * Returns 1 extracted anew, 0 reused or a copy (*copy), 2 left out by
 * --since/--until (counted; its names never meet the table, as in a run
 * without a store), -1 not an article (reported and counted by the
 * pipeline). date receives the article's. */
static int take(runner *r, const char *path, const char *relpath, const char *key, const void *blob, size_t blob_n,
                nb_buf *data, nb_buf *enc, bool *copy, char date[NB_DATE_LEN + 1])
{
    nb_pipeline *p = r->p;
    nb_record rec;
    int ret = 0;
    *copy = nb_pipeline_copy(p, key, path, relpath, NULL, 0);
    if (*copy) return 0;
    bool ok = blob && nb_record_decode(blob, blob_n, &rec) == NB_OK;
    if (ok && nb_pipeline_left_out(p, rec.date)) {
        memcpy(date, rec.date, sizeof rec.date);
        nb_record_free(&rec);
        return 2;
    }
    if (ok && !(r->ahead ? nb_ahead_replay(r->ahead, &rec.names) : nb_names_replay(&p->names, &rec.names))) {
        nb_record_free(&rec);
        ok = false;
    }
    if (!ok) {
        bool own = false;
        if (!data->len && (nb_pipeline_read(p, path, data, &own) != NB_OK || own)) return -1;
        bool left_out;
        nb_status st = r->ahead ? nb_ahead_extract(r->ahead, r->item, path, relpath, data->data, data->len, &rec, &left_out)
                                : nb_pipeline_extract(p, path, relpath, data->data, data->len, &rec, &left_out);
        if (st != NB_OK) return -1;
        if (left_out) {
            memcpy(date, rec.date, sizeof rec.date);
            nb_record_free(&rec);
            return 2;
        }
        nb_buf_clear(enc);
        nb_record_encode(&rec, enc);
        ret = 1;
    }
    memcpy(date, rec.date, sizeof rec.date);
    size_t art = nb_pipeline_merge(p, relpath, &rec);
    nb_pipeline_seen(p, key, art, path);
    nb_record_free(&rec);
    return ret;
}

typedef struct {
    bool found;
    char *source, *hash;
    long long size, mtime, pos;
} row;

/* A column's text, "" for NULL: a row written outside netbuild may hold
 * NULLs where netbuild never writes one. */
static const char *col_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? (const char *)t : "";
}

/* A stored content key as nb_pipeline_content_key writes it for size bytes:
 * one changed outside netbuild would make articles copies of each other. */
static bool hash_fits(const char *hash, long long size)
{
    char tail[32];
    if (strlen(hash) < 18 || strspn(hash, "0123456789abcdef") != 16 || hash[16] != ':') return false;
    snprintf(tail, sizeof tail, "%lld", size);
    return !strcmp(hash + 17, tail);
}

static void row_free(row *w)
{
    free(w->source);
    free(w->hash);
    memset(w, 0, sizeof *w);
}

static long long mtime_ns(const struct stat *st) { return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec; }

/* The size (-2 when it cannot be read) and mtime of the file at path. */
static void file_stat(const char *path, long long *size, long long *mt)
{
    struct stat stt;
    *size = -2;
    *mt = 0;
    if (stat(path, &stt) == 0) {
        *size = (long long)stt.st_size;
        *mt = mtime_ns(&stt);
    }
}

/* The article row of relpath into *w (w->found), with get left on it (its
 * record readable) until the next reset. Returns sqlite3_step's code. */
static int row_get(sqlite3_stmt *get, const char *relpath, row *w)
{
    memset(w, 0, sizeof *w);
    sqlite3_reset(get);
    sqlite3_bind_text(get, 1, relpath, -1, SQLITE_STATIC);
    int rc = sqlite3_step(get);
    if (rc == SQLITE_ROW) {
        w->found = true;
        w->source = nb_strdup(col_text(get, 0));
        w->size = sqlite3_column_int64(get, 1);
        w->mtime = sqlite3_column_int64(get, 2);
        w->hash = nb_strdup(col_text(get, 3));
        w->pos = sqlite3_column_int64(get, 5);
    }
    return rc;
}

/* Unchanged by its size and mtime: the file need not be read. The path
 * matters too: an article's date may come from it. */
static bool same_by_stat(const row *w, const char *path, long long size, long long mt)
{
    return w->found && !strcmp(w->source, path) && w->size == size && w->mtime == mt && hash_fits(w->hash, size);
}

/* With jobs > 1, threads read and extract ahead the articles this run
 * will read (want, list->n long), in catalogue order. NULL when there are
 * fewer than two. */
static nb_ahead *start_ahead(nb_pipeline *p, const nb_input_list *list, sqlite3_stmt *get, unsigned part,
                             unsigned parts, unsigned jobs, bool **want)
{
    *want = NULL;
    if (jobs <= 1) return NULL;
    bool *wt = nb_calloc(list->n + 1, sizeof *wt);
    size_t n = 0;
    for (size_t i = 0; i < list->n; i++) {
        if (parts > 1 && i % parts != part - 1) continue;
        long long size, mt;
        row w;
        file_stat(list->items[i].path, &size, &mt);
        row_get(get, list->items[i].relpath, &w);
        wt[i] = !same_by_stat(&w, list->items[i].path, size, mt);
        n += wt[i];
        row_free(&w);
    }
    sqlite3_reset(get);
    if (n < 2) {
        free(wt);
        return NULL;
    }
    *want = wt;
    return nb_ahead_start(p, list, wt, jobs, false);
}

nb_status nb_store_run(nb_store *s, nb_pipeline *p, const nb_input_list *list, const char *const *inputs,
                       size_t n_inputs, const char *versions, unsigned part, unsigned parts, unsigned jobs,
                       nb_store_counts *c, nb_buf *err)
{
    nb_status st = NB_ERR_IO;
    runner r = {p, NULL, SIZE_MAX};
    bool *want = NULL;
    sqlite3_stmt *get = NULL, *put = NULL, *touch = NULL, *del = NULL;
    nb_buf data = {0}, key = {0}, enc = {0}, inp = {0}, tmp = {0};
    nb_map listed = {0};
    memset(c, 0, sizeof *c);
    char *old = meta_get(s, "versions");
    bool reset = !old || strcmp(old, versions) != 0;
    free(old);
    for (size_t i = 0; i < n_inputs; i++) nb_buf_printf(&inp, "%s\n", inputs[i]);
    nb_buf_printf(&tmp, "%zu", list->n);
    if (!exec(s, "BEGIN", err)) goto cleanup;
    /* the rule: other dictionaries, model or patterns recompute every article */
    if (reset && !exec(s, "UPDATE article SET record=NULL, size=-1", err)) goto cleanup;
    if (!meta_put(s, "versions", versions, err) || !meta_put(s, "inputs", inp.data ? inp.data : "", err) ||
        !meta_put(s, "items", tmp.data, err))
        goto cleanup;
    nb_buf_clear(&tmp);
    nb_buf_printf(&tmp, "%u/%u", part, parts);
    if (!meta_put(s, "part", tmp.data, err) || !exec(s, "COMMIT", err)) goto cleanup;
    if (sqlite3_prepare_v2(s->db, "SELECT source, size, mtime_ns, hash, record, pos FROM article WHERE relpath=?", -1, &get,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO article(relpath, source, pos, size, mtime_ns, hash, date, record) "
                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, &put, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "UPDATE article SET pos=?, size=?, mtime_ns=?, source=? WHERE relpath=?", -1, &touch,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "DELETE FROM article WHERE rowid=?", -1, &del, NULL) != SQLITE_OK) {
        db_error(s, err, "cannot read the store");
        goto cleanup;
    }
    r.ahead = start_ahead(p, list, get, part, parts, jobs, &want);
    for (size_t i = 0; i < list->n; i++) {
        if (parts > 1 && i % parts != part - 1) continue;
        const nb_input *it = &list->items[i];
        long long size, mt;
        file_stat(it->path, &size, &mt);
        row w;
        const void *blob = NULL;
        size_t blob_n = 0;
        /* taken ahead: released when this loop is through with it; its
         * record is used only with the bytes the thread read */
        size_t ahead_i = r.ahead && want[i] ? i : SIZE_MAX;
        r.item = SIZE_MAX;
        int rc = row_get(get, it->relpath, &w);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            db_error(s, err, "cannot read the store");
            goto cleanup;
        }
        nb_buf_clear(&data);
        nb_buf_clear(&key);
        bool same_src = w.found && !strcmp(w.source, it->path);
        bool unchanged = same_by_stat(&w, it->path, size, mt);
        if (unchanged) {
            nb_buf_puts(&key, w.hash);
        } else {
            bool own;
            r.item = ahead_i;
            nb_status rs = ahead_i != SIZE_MAX ? nb_ahead_read(r.ahead, i, &data, NULL, &own)
                                               : nb_pipeline_read(p, it->path, &data, &own);
            if (rs != NB_OK || own) {
                row_free(&w);
                if (ahead_i != SIZE_MAX) nb_ahead_next(r.ahead, i);
                continue; /* not an article: its row, if any, goes below */
            }
            nb_pipeline_content_key(data.data, data.len, &key);
            unchanged = same_src && !strcmp(w.hash, key.data);
        }
        if (unchanged && rc == SQLITE_ROW && sqlite3_column_type(get, 4) == SQLITE_BLOB) {
            blob = sqlite3_column_blob(get, 4);
            blob_n = (size_t)sqlite3_column_bytes(get, 4);
        }
        bool copy;
        char date[NB_DATE_LEN + 1] = "";
        int got = take(&r, it->path, it->relpath, key.data, blob, blob_n, &data, &enc, &copy, date);
        sqlite3_reset(get); /* blob no longer needed */
        if (ahead_i != SIZE_MAX) nb_ahead_next(r.ahead, i);
        if (got < 0) {
            row_free(&w);
            continue;
        }
        nb_map_put(&listed, it->relpath, 1);
        if (!w.found) c->fresh++;
        else if (!unchanged) c->changed++;
        else c->unchanged++;
        if (unchanged && got == 1) c->recomputed++;
        /* One statement, so one transaction, an article: a killed run keeps
         * whole articles. A reused row is only touched when it moved. */
        if (got == 1 || ((copy || got == 2) && (!w.found || !unchanged))) {
            sqlite3_reset(put);
            sqlite3_bind_text(put, 1, it->relpath, -1, SQLITE_STATIC);
            sqlite3_bind_text(put, 2, it->path, -1, SQLITE_STATIC);
            sqlite3_bind_int64(put, 3, (long long)i);
            sqlite3_bind_int64(put, 4, size);
            sqlite3_bind_int64(put, 5, mt);
            sqlite3_bind_text(put, 6, key.data, -1, SQLITE_STATIC);
            sqlite3_bind_text(put, 7, date, -1, SQLITE_STATIC);
            if (got == 1) sqlite3_bind_blob(put, 8, enc.data, (int)enc.len, SQLITE_STATIC);
            else sqlite3_bind_null(put, 8);
            if (sqlite3_step(put) != SQLITE_DONE) {
                db_error(s, err, "cannot write the store");
                row_free(&w);
                goto cleanup;
            }
        } else if (w.pos != (long long)i || w.size != size || w.mtime != mt) {
            sqlite3_reset(touch);
            sqlite3_bind_int64(touch, 1, (long long)i);
            sqlite3_bind_int64(touch, 2, size);
            sqlite3_bind_int64(touch, 3, mt);
            sqlite3_bind_text(touch, 4, it->path, -1, SQLITE_STATIC);
            sqlite3_bind_text(touch, 5, it->relpath, -1, SQLITE_STATIC);
            if (sqlite3_step(touch) != SQLITE_DONE) {
                db_error(s, err, "cannot write the store");
                row_free(&w);
                goto cleanup;
            }
        }
        row_free(&w);
    }
    nb_ahead_end(r.ahead);
    r.ahead = NULL;
    /* files no longer listed (or no longer articles): their rows go */
    {
        sqlite3_stmt *all;
        if (sqlite3_prepare_v2(s->db, "SELECT rowid, relpath FROM article ORDER BY relpath", -1, &all, NULL) !=
            SQLITE_OK) {
            db_error(s, err, "cannot read the store");
            goto cleanup;
        }
        /* by rowid: a row with a NULL relpath (written outside netbuild) goes too */
        long long *gone = NULL;
        size_t n_gone = 0, cap_gone = 0;
        while (sqlite3_step(all) == SQLITE_ROW) {
            const char *rp = (const char *)sqlite3_column_text(all, 1);
            if (rp && nb_map_get(&listed, rp, NULL)) continue;
            nb_grow(&gone, &cap_gone, n_gone + 1, sizeof *gone);
            gone[n_gone++] = sqlite3_column_int64(all, 0);
        }
        sqlite3_finalize(all);
        bool ok = exec(s, "BEGIN", err);
        for (size_t i = 0; i < n_gone; i++) {
            sqlite3_reset(del);
            sqlite3_bind_int64(del, 1, gone[i]);
            if (ok && sqlite3_step(del) != SQLITE_DONE) {
                db_error(s, err, "cannot write the store");
                ok = false;
            }
        }
        free(gone);
        if (ok) ok = exec(s, "COMMIT", err);
        else sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        if (!ok) goto cleanup;
        c->removed = n_gone;
    }
    st = NB_OK;
cleanup:
    nb_ahead_end(r.ahead);
    free(want);
    sqlite3_finalize(get);
    sqlite3_finalize(put);
    sqlite3_finalize(touch);
    sqlite3_finalize(del);
    nb_map_free(&listed);
    nb_buf_free(&data);
    nb_buf_free(&key);
    nb_buf_free(&enc);
    nb_buf_free(&inp);
    nb_buf_free(&tmp);
    return st;
}

typedef struct {
    char *relpath, *source, *hash;
    long long pos;
    size_t shard;
} mrow;

static int mrow_cmp(const void *a, const void *b)
{
    const mrow *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Shards fit together when they were made over the same inputs with the
 * same versions, and hold parts 1..N once each. */
static nb_status check_shards(nb_store *const *shards, size_t n, const char *versions, long long *n_items, nb_buf *err)
{
    nb_status st = NB_ERR_USAGE;
    char *inputs0 = NULL, *items0 = NULL;
    bool *have = NULL;
    unsigned parts0 = 0;
    for (size_t i = 0; i < n; i++) {
        char *v = meta_get(shards[i], "versions"), *in = meta_get(shards[i], "inputs");
        char *items = meta_get(shards[i], "items"), *part = meta_get(shards[i], "part");
        unsigned k = 0, parts = 0;
        bool ok = v && in && items && part && sscanf(part, "%u/%u", &k, &parts) == 2 && k >= 1 && k <= parts;
        nb_buf_clear(err);
        if (!ok) nb_buf_printf(err, "%s: no finished shard run in this store", shards[i]->path);
        else if (strcmp(v, versions))
            nb_buf_printf(err, "%s: made with other dictionaries, model or patterns: extract it again", shards[i]->path);
        else if (i > 0 && (strcmp(in, inputs0) || strcmp(items, items0) || parts != parts0))
            nb_buf_printf(err, "%s: made over other inputs or another number of parts than %s", shards[i]->path,
                          shards[0]->path);
        else if (i > 0 && have[k - 1])
            nb_buf_printf(err, "%s: part %u/%u is given twice", shards[i]->path, k, parts);
        else {
            if (i == 0) {
                inputs0 = nb_strdup(in);
                items0 = nb_strdup(items);
                *n_items = strtoll(items, NULL, 10);
                parts0 = parts;
                have = nb_calloc(parts, sizeof *have);
            }
            have[k - 1] = true;
        }
        free(v);
        free(in);
        free(items);
        free(part);
        if (err->len) goto cleanup;
    }
    for (unsigned k = 0; k < parts0; k++)
        if (!have[k]) {
            nb_buf_clear(err);
            nb_buf_printf(err, "part %u/%u is missing: merge needs every shard", k + 1, parts0);
            goto cleanup;
        }
    st = NB_OK;
cleanup:
    free(inputs0);
    free(items0);
    free(have);
    return st;
}

nb_status nb_store_merge(nb_store *const *shards, size_t n, nb_pipeline *p, const char *versions, nb_buf *err)
{
    long long n_items = 0;
    nb_status st = check_shards(shards, n, versions, &n_items, err);
    runner r = {p, NULL, SIZE_MAX};
    mrow *rows = NULL;
    size_t n_rows = 0, cap = 0;
    sqlite3_stmt **get = nb_calloc(n ? n : 1, sizeof *get);
    nb_buf data = {0}, enc = {0};
    if (st != NB_OK) goto cleanup;
    st = NB_ERR_IO;
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(shards[i]->db, "SELECT relpath, source, pos, hash, size FROM article", -1, &q, NULL) !=
                SQLITE_OK ||
            sqlite3_prepare_v2(shards[i]->db, "SELECT record FROM article WHERE relpath=?", -1, &get[i], NULL) !=
                SQLITE_OK) {
            db_error(shards[i], err, "cannot read the store");
            goto cleanup;
        }
        while (sqlite3_step(q) == SQLITE_ROW) {
            long long pos = sqlite3_column_int64(q, 2);
            /* rows changed outside netbuild: refused, never guessed at */
            if (sqlite3_column_type(q, 0) != SQLITE_TEXT || sqlite3_column_type(q, 1) != SQLITE_TEXT ||
                sqlite3_column_type(q, 3) != SQLITE_TEXT || sqlite3_column_type(q, 2) != SQLITE_INTEGER || pos < 0 ||
                pos >= n_items || !hash_fits(col_text(q, 3), sqlite3_column_int64(q, 4))) {
                nb_buf_clear(err);
                nb_buf_printf(err, "%s: corrupt store (an article row with a missing or out-of-range field): remove it "
                                   "and extract the shard again", shards[i]->path);
                sqlite3_finalize(q);
                st = NB_ERR_INPUT;
                goto cleanup;
            }
            nb_grow(&rows, &cap, n_rows + 1, sizeof *rows);
            rows[n_rows++] = (mrow){nb_strdup(col_text(q, 0)), nb_strdup(col_text(q, 1)), nb_strdup(col_text(q, 3)),
                                    pos, i};
        }
        sqlite3_finalize(q);
    }
    /* the catalogue's order: the order one run over all inputs reads them */
    if (n_rows) qsort(rows, n_rows, sizeof *rows, mrow_cmp); /* rows is NULL for empty shards */
    for (size_t i = 1; i < n_rows; i++)
        if (rows[i].pos == rows[i - 1].pos) {
            nb_buf_clear(err);
            nb_buf_printf(err, "%s: corrupt store (two articles at catalogue position %lld): remove it and extract the "
                               "shard again", shards[rows[i].shard]->path, rows[i].pos);
            st = NB_ERR_INPUT;
            goto cleanup;
        }
    for (size_t i = 0; i < n_rows; i++) {
        mrow *w = &rows[i];
        sqlite3_stmt *g = get[w->shard];
        sqlite3_reset(g);
        sqlite3_bind_text(g, 1, w->relpath, -1, SQLITE_STATIC);
        const void *blob = NULL;
        size_t blob_n = 0;
        if (sqlite3_step(g) == SQLITE_ROW && sqlite3_column_type(g, 0) == SQLITE_BLOB) {
            blob = sqlite3_column_blob(g, 0);
            blob_n = (size_t)sqlite3_column_bytes(g, 0);
        }
        bool copy;
        char date[NB_DATE_LEN + 1];
        nb_buf_clear(&data);
        /* a record that no longer fits is extracted again from its source */
        (void)take(&r, w->source, w->relpath, w->hash, blob, blob_n, &data, &enc, &copy, date);
        sqlite3_reset(g);
    }
    st = NB_OK;
cleanup:
    for (size_t i = 0; i < n_rows; i++) {
        free(rows[i].relpath);
        free(rows[i].source);
        free(rows[i].hash);
    }
    free(rows);
    for (size_t i = 0; i < n; i++) sqlite3_finalize(get[i]);
    free(get);
    nb_buf_free(&data);
    nb_buf_free(&enc);
    return st;
}

/* ---- queries ------------------------------------------------------------ */

/* One line of a query: date, source, relation, target, article, then the
 * byte offset, then the sentence (f[5]); sorted in that order. */
typedef struct {
    char *f[6];
    uint64_t offset;
} hit;

static int hit_cmp(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    int c = 0;
    for (int i = 0; i < 5 && !c; i++) c = strcmp(x->f[i], y->f[i]);
    if (!c) c = x->offset < y->offset ? -1 : x->offset > y->offset;
    if (!c) c = strcmp(x->f[5], y->f[5]);
    return c;
}

/* One field of a tab-separated line: clean text with no tab or newline. */
static char *field(const char *s)
{
    char *f = nb_text_sanitize(s, strlen(s));
    for (char *c = f; *c; c++)
        if (*c == '\t' || *c == '\n' || *c == '\r') *c = ' ';
    return f;
}

/* The entity's label, the label it is an alias of, or one of its forms. */
static bool names(const nb_rec_ent *e, const char *name)
{
    if (!strcasecmp(e->label, name) || (e->alias && !strcasecmp(e->alias, name))) return true;
    for (size_t k = 0; k < e->n_forms; k++)
        if (!strcasecmp(e->forms[k], name)) return true;
    return false;
}

nb_status nb_store_query(nb_store *s, const nb_store_query_spec *q, nb_buf *out, size_t *n_hits, size_t *unreadable,
                         nb_buf *err)
{
    nb_status st = NB_ERR_IO;
    sqlite3_stmt *all = NULL;
    hit *hits = NULL;
    size_t n = 0, cap = 0;
    nb_map seen = {0};
    *n_hits = *unreadable = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT relpath, record, hash FROM article WHERE record IS NOT NULL ORDER BY pos, relpath",
                           -1, &all, NULL) != SQLITE_OK) {
        db_error(s, err, "cannot read the store");
        goto cleanup;
    }
    int rc;
    while ((rc = sqlite3_step(all)) == SQLITE_ROW) {
        nb_record rec;
        const char *rp = col_text(all, 0);
        if (sqlite3_column_type(all, 1) != SQLITE_BLOB ||
            nb_record_decode(sqlite3_column_blob(all, 1), (size_t)sqlite3_column_bytes(all, 1), &rec) != NB_OK) {
            (*unreadable)++;
            continue;
        }
        /* as --since/--until in a run: an undated article is left out */
        bool in = (!q->since && !q->until) || (*rec.date && (!q->since || strcmp(rec.date, q->since) >= 0) &&
                                               (!q->until || strcmp(rec.date, q->until) <= 0));
        /* a copy of an earlier article within the dates counts once, as in a
         * run (its record is there when a --since run made it an article) */
        if (in && nb_map_get(&seen, col_text(all, 2), NULL)) in = false;
        else if (in) nb_map_put(&seen, col_text(all, 2), 1);
        for (size_t i = 0; in && i < rec.n_rels; i++) {
            const nb_rec_rel *f = &rec.rels[i];
            if ((q->relation >= 0 && (int)f->rel != q->relation) ||
                (q->actor && !names(&rec.ents[f->src], q->actor) && !names(&rec.ents[f->dst], q->actor)))
                continue;
            nb_grow(&hits, &cap, n + 1, sizeof *hits);
            hits[n++] = (hit){{field(rec.date), field(rec.ents[f->src].label), field(nb_rel_name(f->rel)),
                               field(rec.ents[f->dst].label), field(rp), field(rec.sents[f->sent].text)},
                              rec.sents[f->sent].offset};
        }
        nb_record_free(&rec);
    }
    if (rc != SQLITE_DONE) {
        db_error(s, err, "cannot read the store");
        goto cleanup;
    }
    if (n) qsort(hits, n, sizeof *hits, hit_cmp); /* hits is NULL when nothing matched */
    nb_buf_puts(out, "date\tsource\trelation\ttarget\tarticle\toffset\tsentence\n");
    for (size_t i = 0; i < n; i++)
        nb_buf_printf(out, "%s\t%s\t%s\t%s\t%s\t%" PRIu64 "\t%s\n", hits[i].f[0], hits[i].f[1], hits[i].f[2],
                      hits[i].f[3], hits[i].f[4], hits[i].offset, hits[i].f[5]);
    *n_hits = n;
    st = NB_OK;
cleanup:
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 6; k++) free(hits[i].f[k]);
    free(hits);
    nb_map_free(&seen);
    sqlite3_finalize(all);
    return st;
}
