/* inject.c - an LD_PRELOAD shim that makes netbuild's system calls fail on
 * purpose, in the style of jq's tests/inject_errors.c. Used by
 * scripts/faults.sh; build with
 *
 *     cc -shared -fPIC -O1 -o inject.so tests/faults/inject.c -ldl
 *
 * Output faults hit only files opened for writing whose path ends with
 * $INJECT_SUFFIX (the sink's temporary files, ".nb.tmpXXXXXX.EXT", keep the
 * extension) or holds it before ".tmp": reading articles and dictionaries
 * is never affected, even data/actors.csv under INJECT_SUFFIX=.csv.
 *
 *   INJECT_SUFFIX=.graphml  which output files are watched
 *   INJECT_WRITE=N          the N-th write-type call on a watched file fails:
 *                           fwrite, fputs, fputc, putc, (v)fprintf, fflush,
 *                           fsync, fdatasync, fclose, write (counted together)
 *   INJECT_RENAME=N         the N-th rename() onto a watched path fails
 *   INJECT_ERRNO=ENOSPC     or EIO: the errno of a failed call
 *   INJECT_STICKY=1         every call after the N-th fails too (a full disk)
 *   INJECT_SIGNAL=S         with INJECT_WRITE=N: the N-th call raises signal
 *                           S (Ctrl-C, kill, a closed terminal mid-write)
 *                           instead of failing
 *   INJECT_ALLOC=N          the N-th malloc/calloc/realloc after main()
 *                           starts returns NULL (ENOMEM)
 *   INJECT_COUNTS=FILE      at exit, write "writes W renames R allocs A" -
 *                           how many calls there were, to choose N
 *   INJECT_TRACE=FILE       at exit, write one line per allocation: its
 *                           index and the object that asked for it (the
 *                           executable, libcsv, libigraph, libc...), so that
 *                           faults can be spread over every caller
 *   INJECT_VERBOSE=1        say on stderr which call was made to fail
 *
 * Allocation counting starts in main() (through __libc_start_main), so that
 * the dynamic loader and library constructors are left alone. An ASan
 * build's allocator cannot be interposed: for one, build the shim with
 * -DINJECT_NO_ALLOC (write and rename faults only) and run with
 * ASAN_OPTIONS=verify_asan_link_order=0 (gcc's shared ASan runtime). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* ---- configuration --------------------------------------------------------- */

static const char *suffix;
static long fail_write, fail_rename, fail_alloc;
static int fail_errno = ENOSPC;
static bool sticky, verbose;
static int kill_signal;
static const char *counts_file;
static const char *trace_file;

/* Allocation trace: the loaded objects' address ranges (taken when main
 * starts) and, per allocation, the index of the object that called. */
#define MAX_OBJ 64
#define MAX_TRACE (1 << 22)
static struct {
    uintptr_t lo, hi;
    char name[96];
} objs[MAX_OBJ];
static int n_objs;
static unsigned char *trace;
static long n_trace;

static long n_writes, n_renames, n_allocs;
static volatile int in_main;

#define MAX_FD 4096
static unsigned char watched[MAX_FD];

/* ---- the real functions ---------------------------------------------------- */

/* dlsym may allocate before the real allocator is known: those requests are
 * served from a small static arena that free() then ignores. */
static int resolving;
#ifndef INJECT_NO_ALLOC
static char arena[1 << 16];
static size_t arena_used;

static void *arena_alloc(size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (arena_used + n > sizeof arena) return NULL;
    void *p = arena + arena_used;
    arena_used += n;
    return p;
}

static bool in_arena(const void *p)
{
    return (const char *)p >= arena && (const char *)p < arena + sizeof arena;
}
#endif

#define REAL(name) real_##name
#define RESOLVE(name)                                                  \
    do {                                                               \
        if (!REAL(name)) {                                             \
            resolving++;                                               \
            *(void **)&REAL(name) = dlsym(RTLD_NEXT, #name);           \
            resolving--;                                               \
        }                                                              \
    } while (0)

#ifndef INJECT_NO_ALLOC
static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
#endif
static FILE *(*real_fopen)(const char *, const char *);
static FILE *(*real_fopen64)(const char *, const char *);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_creat)(const char *, mode_t);
static int (*real_mkstemp)(char *);
static int (*real_mkstemp64)(char *);
static int (*real_mkostemp)(char *, int);
static int (*real_mkstemps)(char *, int);
static int (*real_close)(int);
static size_t (*real_fwrite)(const void *, size_t, size_t, FILE *);
static int (*real_fputs)(const char *, FILE *);
static int (*real_fputc)(int, FILE *);
static int (*real_putc)(int, FILE *);
static int (*real_vfprintf)(FILE *, const char *, va_list);
static int (*real___vfprintf_chk)(FILE *, int, const char *, va_list);
static int (*real_fflush)(FILE *);
static int (*real_fclose)(FILE *);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_rename)(const char *, const char *);
static int (*real___libc_start_main)(int (*)(int, char **, char **), int, char **, void (*)(void),
                                     void (*)(void), void (*)(void), void *);

static long env_long(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? strtol(v, NULL, 10) : 0;
}

static void write_trace(void)
{
    if (!trace_file || !trace) return;
    FILE *fp = fopen(trace_file, "w");
    if (!fp) return;
    for (long i = 0; i < n_trace; i++)
        fprintf(fp, "%ld %s\n", i + 1, trace[i] < n_objs ? objs[trace[i]].name : "?");
    fclose(fp);
}

static void write_counts(void)
{
    if (!counts_file) return;
    RESOLVE(fopen);
    RESOLVE(fclose);
    RESOLVE(vfprintf);
    FILE *fp = real_fopen(counts_file, "w");
    if (!fp) return;
    fprintf(fp, "writes %ld renames %ld allocs %ld\n", n_writes, n_renames, n_allocs);
    real_fclose(fp);
}

__attribute__((constructor)) static void init(void)
{
    suffix = getenv("INJECT_SUFFIX");
    if (suffix && !*suffix) suffix = NULL;
    fail_write = env_long("INJECT_WRITE");
    fail_rename = env_long("INJECT_RENAME");
    fail_alloc = env_long("INJECT_ALLOC");
    sticky = env_long("INJECT_STICKY") != 0;
    kill_signal = (int)env_long("INJECT_SIGNAL");
    verbose = env_long("INJECT_VERBOSE") != 0;
    const char *e = getenv("INJECT_ERRNO");
    if (e && !strcmp(e, "EIO")) fail_errno = EIO;
    counts_file = getenv("INJECT_COUNTS");
    if (counts_file && !*counts_file) counts_file = NULL;
    if (counts_file) atexit(write_counts);
    trace_file = getenv("INJECT_TRACE");
    if (trace_file && !*trace_file) trace_file = NULL;
    if (trace_file) atexit(write_trace);
}

#ifndef INJECT_NO_ALLOC
static int add_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    if (n_objs >= MAX_OBJ) return 1;
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD) continue;
        uintptr_t a = info->dlpi_addr + ph->p_vaddr;
        if (a < lo) lo = a;
        if (a + ph->p_memsz > hi) hi = a + ph->p_memsz;
    }
    if (lo >= hi) return 0;
    const char *name = info->dlpi_name && *info->dlpi_name ? info->dlpi_name : "executable";
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    /* "libigraph.so.3" -> "libigraph" */
    size_t n = strcspn(base, ".");
    if (n == 0 || n >= sizeof objs[0].name) n = strlen(base);
    if (n >= sizeof objs[0].name) n = sizeof objs[0].name - 1;
    objs[n_objs].lo = lo;
    objs[n_objs].hi = hi;
    memcpy(objs[n_objs].name, base, n);
    objs[n_objs].name[n] = '\0';
    n_objs++;
    return 0;
}

static void note_caller(long n, const void *caller)
{
    if (!trace || n < 1 || n > MAX_TRACE) return;
    unsigned char k = (unsigned char)n_objs; /* unknown */
    for (int i = 0; i < n_objs; i++) {
        if ((uintptr_t)caller >= objs[i].lo && (uintptr_t)caller < objs[i].hi) {
            k = (unsigned char)i;
            break;
        }
    }
    trace[n - 1] = k;
    if (n > n_trace) n_trace = n;
}
#endif

/* ---- watched files --------------------------------------------------------- */

static bool matches(const char *path)
{
    if (!suffix || !path) return false;
    size_t n = strlen(path), s = strlen(suffix);
    if (n >= s && !strcmp(path + n - s, suffix)) return true;
    /* the sink's temporary file: OUT.tmpXXXXXX */
    const char *p = strstr(path, suffix);
    while (p) {
        if (!strncmp(p + s, ".tmp", 4)) return true;
        p = strstr(p + 1, suffix);
    }
    return false;
}

static void watch(int fd, const char *path)
{
    if (fd >= 0 && fd < MAX_FD) watched[fd] = matches(path);
}

static bool is_watched_fd(int fd) { return fd >= 0 && fd < MAX_FD && watched[fd]; }

static bool is_watched(FILE *fp)
{
    return fp && fp != stdin && fp != stdout && fp != stderr && is_watched_fd(fileno(fp));
}

static void say(const char *what, long n)
{
    if (!verbose) return;
    char msg[160];
    int len = snprintf(msg, sizeof msg, "inject: %s #%ld fails (%s)\n", what, n,
                       fail_errno == EIO ? "EIO" : "ENOSPC");
    RESOLVE(write);
    if (len > 0) (void)!real_write(2, msg, (size_t)len);
}

/* Counts one write-type call on a watched file; true when it must fail. */
static bool write_fails(const char *what)
{
    long n = __atomic_add_fetch(&n_writes, 1, __ATOMIC_RELAXED);
    if (kill_signal > 0) {
        if (n == fail_write) raise(kill_signal);
        return false;
    }
    if (fail_write > 0 && (n == fail_write || (sticky && n > fail_write))) {
        say(what, n);
        errno = fail_errno;
        return true;
    }
    return false;
}

/* ---- allocation ------------------------------------------------------------- */
#ifndef INJECT_NO_ALLOC

static bool alloc_fails(const void *caller)
{
    if (!in_main || resolving) return false;
    long n = __atomic_add_fetch(&n_allocs, 1, __ATOMIC_RELAXED);
    note_caller(n, caller);
    if (fail_alloc > 0 && n == fail_alloc) {
        say("allocation", n);
        errno = ENOMEM;
        return true;
    }
    return false;
}

void *malloc(size_t n)
{
    if (resolving && !real_malloc) return arena_alloc(n);
    RESOLVE(malloc);
    if (!real_malloc) return arena_alloc(n);
    if (alloc_fails(__builtin_return_address(0))) return NULL;
    return real_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    if (resolving && !real_calloc) return arena_alloc(n * size); /* arena is zeroed */
    RESOLVE(calloc);
    if (!real_calloc) return arena_alloc(n * size);
    if (alloc_fails(__builtin_return_address(0))) return NULL;
    return real_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    if (in_arena(p)) {
        /* move out of the arena; the old size is unknown but bounded */
        size_t room = (size_t)(arena + sizeof arena - (const char *)p);
        void *q = malloc(n);
        if (q) memcpy(q, p, n < room ? n : room);
        return q;
    }
    if (resolving && !real_realloc) return arena_alloc(n);
    RESOLVE(realloc);
    if (alloc_fails(__builtin_return_address(0))) return NULL;
    return real_realloc(p, n);
}

void free(void *p)
{
    if (!p || in_arena(p)) return;
    RESOLVE(free);
    real_free(p);
}

#endif /* INJECT_NO_ALLOC */

/* ---- main ------------------------------------------------------------------------ */

static int (*app_main)(int, char **, char **);

static int main_wrapper(int argc, char **argv, char **envp)
{
#ifndef INJECT_NO_ALLOC
    if (trace_file) {
        dl_iterate_phdr(add_object, NULL);
        RESOLVE(malloc);
        trace = real_malloc(MAX_TRACE);
    }
#endif
    in_main = 1;
    return app_main(argc, argv, envp);
}

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
                      void (*init_fn)(void), void (*fini)(void), void (*rtld_fini)(void),
                      void *stack_end)
{
    RESOLVE(__libc_start_main);
    app_main = main;
    return real___libc_start_main(main_wrapper, argc, argv, init_fn, fini, rtld_fini, stack_end);
}

/* ---- opening and closing ------------------------------------------------------------ */

/* Only files opened for writing are watched: an input that happens to end
 * with the suffix (the actor dictionary, data/actors.csv) is never failed. */
static const char *for_writing(const char *path, int flags)
{
    return (flags & O_ACCMODE) != O_RDONLY ? path : NULL;
}

static const char *mode_writes(const char *path, const char *mode)
{
    return mode && strpbrk(mode, "wa+") ? path : NULL;
}

FILE *fopen(const char *path, const char *mode)
{
    RESOLVE(fopen);
    FILE *fp = real_fopen(path, mode);
    if (fp) watch(fileno(fp), mode_writes(path, mode));
    return fp;
}

FILE *fopen64(const char *path, const char *mode)
{
    RESOLVE(fopen64);
    FILE *fp = real_fopen64(path, mode);
    if (fp) watch(fileno(fp), mode_writes(path, mode));
    return fp;
}

static mode_t mode_arg(int flags, va_list ap)
{
    return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t m = mode_arg(flags, ap);
    va_end(ap);
    RESOLVE(open);
    int fd = real_open(path, flags, m);
    watch(fd, for_writing(path, flags));
    return fd;
}

int open64(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t m = mode_arg(flags, ap);
    va_end(ap);
    RESOLVE(open64);
    int fd = real_open64(path, flags, m);
    watch(fd, for_writing(path, flags));
    return fd;
}

int openat(int dir, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t m = mode_arg(flags, ap);
    va_end(ap);
    RESOLVE(openat);
    int fd = real_openat(dir, path, flags, m);
    watch(fd, for_writing(path, flags));
    return fd;
}

int creat(const char *path, mode_t m)
{
    RESOLVE(creat);
    int fd = real_creat(path, m);
    watch(fd, path);
    return fd;
}

int mkstemp(char *tmpl)
{
    RESOLVE(mkstemp);
    int fd = real_mkstemp(tmpl);
    watch(fd, tmpl);
    return fd;
}

int mkstemp64(char *tmpl)
{
    RESOLVE(mkstemp64);
    int fd = real_mkstemp64(tmpl);
    watch(fd, tmpl);
    return fd;
}

int mkostemp(char *tmpl, int flags)
{
    RESOLVE(mkostemp);
    int fd = real_mkostemp(tmpl, flags);
    watch(fd, tmpl);
    return fd;
}

int mkstemps(char *tmpl, int len)
{
    RESOLVE(mkstemps);
    int fd = real_mkstemps(tmpl, len);
    watch(fd, tmpl);
    return fd;
}

int close(int fd)
{
    RESOLVE(close);
    bool w = is_watched_fd(fd);
    if (fd >= 0 && fd < MAX_FD) watched[fd] = 0;
    int rc = real_close(fd);
    if (w && rc == 0 && write_fails("close")) return -1;
    return rc;
}

/* A failing fclose still closes the stream, as a real one does. */
int fclose(FILE *fp)
{
    RESOLVE(fclose);
    bool w = is_watched(fp);
    if (w) watched[fileno(fp)] = 0;
    int rc = real_fclose(fp);
    if (w && rc == 0 && write_fails("fclose")) return EOF;
    return rc;
}

/* ---- writing ----------------------------------------------------------------------------- */

size_t fwrite(const void *p, size_t size, size_t n, FILE *fp)
{
    RESOLVE(fwrite);
    if (is_watched(fp) && write_fails("fwrite")) return 0;
    return real_fwrite(p, size, n, fp);
}

int fputs(const char *s, FILE *fp)
{
    RESOLVE(fputs);
    if (is_watched(fp) && write_fails("fputs")) return EOF;
    return real_fputs(s, fp);
}

int fputc(int c, FILE *fp)
{
    RESOLVE(fputc);
    if (is_watched(fp) && write_fails("fputc")) return EOF;
    return real_fputc(c, fp);
}

int putc(int c, FILE *fp)
{
    RESOLVE(putc);
    if (is_watched(fp) && write_fails("putc")) return EOF;
    return real_putc(c, fp);
}

int vfprintf(FILE *fp, const char *fmt, va_list ap)
{
    RESOLVE(vfprintf);
    if (is_watched(fp) && write_fails("vfprintf")) return -1;
    return real_vfprintf(fp, fmt, ap);
}

int fprintf(FILE *fp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vfprintf(fp, fmt, ap);
    va_end(ap);
    return rc;
}

int __vfprintf_chk(FILE *fp, int flag, const char *fmt, va_list ap)
{
    RESOLVE(__vfprintf_chk);
    if (is_watched(fp) && write_fails("vfprintf")) return -1;
    return real___vfprintf_chk(fp, flag, fmt, ap);
}

int __fprintf_chk(FILE *fp, int flag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = __vfprintf_chk(fp, flag, fmt, ap);
    va_end(ap);
    return rc;
}

int fflush(FILE *fp)
{
    RESOLVE(fflush);
    if (is_watched(fp) && write_fails("fflush")) return EOF;
    return real_fflush(fp);
}

int fsync(int fd)
{
    RESOLVE(fsync);
    if (is_watched_fd(fd) && write_fails("fsync")) return -1;
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    RESOLVE(fdatasync);
    if (is_watched_fd(fd) && write_fails("fdatasync")) return -1;
    return real_fdatasync(fd);
}

ssize_t write(int fd, const void *p, size_t n)
{
    RESOLVE(write);
    if (is_watched_fd(fd) && write_fails("write")) return -1;
    return real_write(fd, p, n);
}

int rename(const char *from, const char *to)
{
    RESOLVE(rename);
    if (matches(to)) {
        long n = __atomic_add_fetch(&n_renames, 1, __ATOMIC_RELAXED);
        if (fail_rename > 0 && (n == fail_rename || (sticky && n > fail_rename))) {
            say("rename", n);
            errno = fail_errno;
            return -1;
        }
    }
    return real_rename(from, to);
}
