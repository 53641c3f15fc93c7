#include "sink.h"

#include <errno.h>
#include <fcntl.h>
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

nb_status nb_sink_open(nb_sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device or FIFO (/dev/stdout, /dev/full) cannot be replaced by a
         * rename: write straight to it and let its errors surface. */
        s->fp = fopen(path, "w");
        if (!s->fp) {
            s->err = errno ? errno : EIO;
            return NB_ERR_IO;
        }
        s->path = nb_strdup(path);
        return NB_OK;
    }
    s->path = nb_strdup(path);
    nb_buf b = {0};
    nb_buf_printf(&b, "%s.tmpXXXXXX", path);
    s->tmp_path = nb_buf_detach(&b);
    /* No fatal signal between creating the file and listing it. */
    guard_signals();
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < sizeof FATAL / sizeof FATAL[0]; i++) sigaddset(&block, FATAL[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    int fd = mkstemp(s->tmp_path);
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
    /* mkstemp creates 0600; outputs are ordinary user files. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
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
