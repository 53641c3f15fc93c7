#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

/* ---- temporary files and fatal signals ------------------------------------ *
 * An abort (out of memory), Ctrl-C or kill while an output is being written
 * would leave OUT.tmpXXXXXX behind: the temporary files being written are
 * listed here, and a handler for the fatal signals removes them (unlink is
 * async-signal-safe) before the signal takes its default course. SIGXFSZ is
 * ignored so that a file-size limit is a write error (EFBIG, exit 3). Signals
 * that already have a handler (a sanitizer's, the caller's) are left alone. */
#define NB_MAX_LIVE 8
static char *volatile live_tmp[NB_MAX_LIVE];

static void on_fatal(int sig)
{
    for (int i = 0; i < NB_MAX_LIVE; i++) {
        char *p = live_tmp[i];
        if (p) unlink(p);
    }
    /* SA_RESETHAND restored the default action; the signal is blocked until
     * the handler returns, then kills the process as it would have. */
    raise(sig);
}

static const int FATAL[] = {SIGABRT, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS};

static void guard_signals(void)
{
    static bool done;
    if (done) return;
    done = true;
    for (size_t i = 0; i < sizeof FATAL / sizeof FATAL[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(FATAL[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(FATAL[i], &sa, NULL);
    }
    struct sigaction old;
    if (sigaction(SIGXFSZ, NULL, &old) == 0 && old.sa_handler == SIG_DFL) signal(SIGXFSZ, SIG_IGN);
}

static void live_add(char *tmp)
{
    for (int i = 0; i < NB_MAX_LIVE; i++) {
        if (!live_tmp[i]) {
            live_tmp[i] = tmp;
            return;
        }
    }
}

static void live_remove(const char *tmp)
{
    for (int i = 0; i < NB_MAX_LIVE; i++)
        if (live_tmp[i] == tmp) live_tmp[i] = NULL;
}

/* The descriptor an output path stands for: /dev/stdout, /dev/stderr,
 * /dev/fd/N and /proc/self/fd/N are the process's own descriptors, written
 * through a dup so that a shell's redirection (and its offset or append
 * mode) is honoured. Returns -1 for any other path. */
static int fd_alias(const char *p)
{
    if (!strcmp(p, "/dev/stdout")) return 1;
    if (!strcmp(p, "/dev/stderr")) return 2;
    const char *num = NULL;
    if (!strncmp(p, "/dev/fd/", 8)) num = p + 8;
    else if (!strncmp(p, "/proc/self/fd/", 14)) num = p + 14;
    if (!num || *num < '0' || *num > '9') return -1;
    char *end;
    long n = strtol(num, &end, 10);
    return *end || n > 1000000 ? -1 : (int)n;
}

/* Follows symbolic links (also dangling ones) to the path that will really
 * be written, so that a link stays a link and its target gets the output.
 * Sets *fd to the descriptor the path names (fd_alias), or -1. */
static char *resolve(const char *path, int *fd)
{
    char *cur = nb_strdup(path);
    for (int hops = 0; hops < 40; hops++) {
        if ((*fd = fd_alias(cur)) >= 0) return cur;
        struct stat lst;
        if (lstat(cur, &lst) != 0 || !S_ISLNK(lst.st_mode)) return cur;
        char link[4096];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n <= 0) return cur;
        link[n] = '\0';
        nb_buf b = {0};
        const char *slash = strrchr(cur, '/');
        if (link[0] != '/' && slash) nb_buf_put(&b, cur, (size_t)(slash - cur) + 1);
        nb_buf_puts(&b, link);
        free(cur);
        cur = nb_buf_detach(&b);
    }
    return cur; /* a loop: opening it reports ELOOP */
}

bool nb_sink_is_stream(const char *path)
{
    int fd;
    char *target = resolve(path, &fd);
    struct stat st;
    bool stream = fd >= 0 || (stat(target, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
    free(target);
    return stream;
}

char *nb_sink_target(const char *path)
{
    int fd;
    return resolve(path, &fd);
}

/* The folder a regular output's temporary file goes in. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return nb_strdup(".");
    if (slash == path) return nb_strdup("/");
    return nb_strndup(path, (size_t)(slash - path));
}

static bool read_only(const struct stat *st) { return S_ISREG(st->st_mode) && !(st->st_mode & 0222); }

nb_status nb_sink_check(const char *path, nb_buf *why)
{
    nb_status ret = NB_OK;
    int fd, err = 0;
    char *target = resolve(path, &fd), *dir = NULL;
    struct stat st;
    nb_buf_clear(why);
    if (fd >= 0) {
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0) err = EBADF;
        else if ((fl & O_ACCMODE) == O_RDONLY) err = EBADF;
        goto cleanup;
    }
    if (stat(target, &st) == 0) {
        if (S_ISDIR(st.st_mode)) err = EISDIR;
        else if (read_only(&st)) nb_buf_printf(why, "read-only file (mode %04o), not replaced", (unsigned)(st.st_mode & 07777));
        else if (!S_ISREG(st.st_mode) && access(target, W_OK) != 0) err = errno;
        if (err || why->len || !S_ISREG(st.st_mode)) goto cleanup;
    } else if (errno != ENOENT) {
        err = errno;
        goto cleanup;
    }
    const char *base = strrchr(target, '/');
    if (strlen(base ? base + 1 : target) > NAME_MAX) {
        err = ENAMETOOLONG;
        goto cleanup;
    }
    bool exists = stat(target, &st) == 0;
    uid_t owner = st.st_uid;
    dir = dir_of(target);
    if (stat(dir, &st) != 0) err = errno;
    else if (!S_ISDIR(st.st_mode)) err = ENOTDIR;
    else if (access(dir, W_OK | X_OK) != 0) err = errno;
    /* In a sticky folder (/tmp) only the owner may replace a file. */
    else if (exists && (st.st_mode & S_ISVTX) && geteuid() != 0 && owner != geteuid() && st.st_uid != geteuid())
        err = EPERM;
    else {
        /* access() grants root everything: only creating a file shows that
         * the folder takes one (/proc, a read-only mount). The probe has
         * the temporary files' name, which a later run skips if a kill
         * leaves it behind. */
        nb_buf probe = {0};
        nb_buf_printf(&probe, "%s/.nb.tmpXXXXXX", dir);
        int pfd = mkstemp(probe.data);
        if (pfd < 0) {
            err = errno;
        } else {
            close(pfd);
            unlink(probe.data);
        }
        nb_buf_free(&probe);
    }
cleanup:
    if (err) nb_buf_printf(why, "cannot write: %s", strerror(err));
    if (why->len) ret = NB_ERR_IO;
    free(dir);
    free(target);
    return ret;
}

nb_status nb_sink_open(nb_sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    int fdn;
    char *target = resolve(path, &fdn);
    struct stat st;
    bool exists = fdn < 0 && stat(target, &st) == 0;
    if (fdn >= 0 || (exists && !S_ISREG(st.st_mode))) {
        /* A descriptor, device or FIFO (/dev/stdout, /dev/full) cannot be
         * replaced by a rename: write straight to it and let its errors
         * surface. */
        if (exists && S_ISDIR(st.st_mode)) errno = EISDIR;
        int fd = exists && S_ISDIR(st.st_mode) ? -1 : fdn >= 0 ? dup(fdn) : open(target, O_WRONLY | O_TRUNC | O_NOCTTY);
        s->fp = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!s->fp) {
            s->err = errno ? errno : EIO;
            if (fd >= 0) close(fd);
            free(target);
            return NB_ERR_IO;
        }
        s->path = target;
        return NB_OK;
    }
    if (exists && read_only(&st)) {
        /* cp refuses a file without write permission; so do we, even as root. */
        s->err = EACCES;
        free(target);
        return NB_ERR_IO;
    }
    s->path = target;
    /* A short hidden name beside the target: OUT.tmpXXXXXX would pass
     * NAME_MAX for a long OUT. The extension stays, so the file is still
     * recognisable (and skipped when read back as input). */
    const char *base = strrchr(target, '/');
    base = base ? base + 1 : target;
    const char *ext = strrchr(base, '.');
    if (!ext || ext == base || strlen(ext) > 16) ext = "";
    char *dir = dir_of(target);
    nb_buf b = {0};
    nb_buf_printf(&b, "%s/" NB_SINK_TMP_PREFIX "XXXXXX%s", dir, ext);
    free(dir);
    s->tmp_path = nb_buf_detach(&b);
    /* No fatal signal between creating the file and listing it. */
    guard_signals();
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < sizeof FATAL / sizeof FATAL[0]; i++) sigaddset(&block, FATAL[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemps(s->tmp_path, (int)strlen(ext));
    int mkstemp_errno = errno;
    if (fd >= 0) live_add(s->tmp_path);
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = mkstemp_errno;
    if (fd < 0) {
        s->err = errno ? errno : EIO;
        free(s->tmp_path);
        free(s->path);
        s->tmp_path = s->path = NULL;
        return NB_ERR_IO;
    }
    if (exists) {
        /* A replaced file keeps its mode (a 0640 file stays private) and, when
         * root can give it back, its owner. */
        (void)fchmod(fd, st.st_mode & 07777);
        if (geteuid() == 0 && (st.st_uid != 0 || st.st_gid != 0)) (void)!fchown(fd, st.st_uid, st.st_gid);
    } else {
        /* mkstemp creates 0600; a new output is an ordinary user file. */
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, 0666 & ~mask);
    }
    s->fp = fdopen(fd, "w");
    if (!s->fp) {
        s->err = errno ? errno : EIO;
        close(fd);
        unlink(s->tmp_path);
        live_remove(s->tmp_path);
        free(s->tmp_path);
        free(s->path);
        s->tmp_path = s->path = NULL;
        return NB_ERR_IO;
    }
    return NB_OK;
}

void nb_sink_wrap(nb_sink *s, FILE *fp)
{
    memset(s, 0, sizeof *s);
    s->fp = fp;
    s->borrowed = true;
}

void nb_sink_write(nb_sink *s, const char *data, size_t n)
{
    if (s->err || !s->fp || n == 0) return;
    if (fwrite(data, 1, n, s->fp) != n) s->err = errno ? errno : EIO;
}

void nb_sink_puts(nb_sink *s, const char *str) { nb_sink_write(s, str, strlen(str)); }

void nb_sink_printf(nb_sink *s, const char *fmt, ...)
{
    if (s->err || !s->fp) return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(s->fp, fmt, ap) < 0) s->err = errno ? errno : EIO;
    va_end(ap);
}

/* Both escapers first make the string safe (valid UTF-8, no controls), so a
 * writer cannot produce a file that xmllint or dot rejects. */
void nb_sink_xml(nb_sink *s, const char *str)
{
    char *safe = nb_text_sanitize(str, strlen(str));
    const char *p = safe, *run = safe;
    for (; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '&': rep = "&amp;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default: break;
        }
        if (rep) {
            nb_sink_write(s, run, (size_t)(p - run));
            nb_sink_puts(s, rep);
            run = p + 1;
        }
    }
    nb_sink_write(s, run, (size_t)(p - run));
    free(safe);
}

/* Graphviz before 2.44 rejects a quoted string of 16 KiB or more ("longer
 * than 16384?"); longer values are cut into pieces joined with DOT's '+'. */
#define NB_DOT_PIECE 8000

void nb_sink_dot(nb_sink *s, const char *str)
{
    char *safe = nb_text_sanitize(str, strlen(str));
    const char *p = safe, *run = safe;
    size_t piece = 0;
    for (; *p; p++) {
        /* split only between characters, never inside an escape */
        if (piece >= NB_DOT_PIECE && ((unsigned char)*p & 0xC0) != 0x80) {
            nb_sink_write(s, run, (size_t)(p - run));
            nb_sink_write(s, "\" + \"", 5);
            run = p;
            piece = 0;
        }
        piece++;
        if (*p == '"' || *p == '\\') {
            nb_sink_write(s, run, (size_t)(p - run));
            nb_sink_write(s, "\\", 1);
            run = p;
            piece++;
        }
    }
    nb_sink_write(s, run, (size_t)(p - run));
    free(safe);
}

static void discard(nb_sink *s)
{
    if (s->fp && !s->borrowed) fclose(s->fp);
    if (s->tmp_path) unlink(s->tmp_path);
    live_remove(s->tmp_path);
    free(s->path);
    free(s->tmp_path);
    s->fp = NULL;
    s->path = s->tmp_path = NULL;
}

void nb_sink_abort(nb_sink *s) { discard(s); }

nb_status nb_sink_close(nb_sink *s)
{
    if (s->borrowed) {
        if (!s->err && fflush(s->fp) != 0) s->err = errno ? errno : EIO;
        return s->err ? NB_ERR_IO : NB_OK;
    }
    if (!s->fp) {
        discard(s);
        return NB_ERR_IO;
    }
    if (!s->err && fflush(s->fp) != 0) s->err = errno ? errno : EIO;
    if (!s->err && s->tmp_path && fsync(fileno(s->fp)) != 0 && errno != EINVAL) s->err = errno;
    if (fclose(s->fp) != 0 && !s->err) s->err = errno ? errno : EIO;
    s->fp = NULL;
    if (!s->err && s->tmp_path && rename(s->tmp_path, s->path) != 0) s->err = errno ? errno : EIO;
    nb_status st = s->err ? NB_ERR_IO : NB_OK;
    discard(s);
    return st;
}
