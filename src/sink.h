/* sink.h - buffered output with a sticky error flag (checked once, at
 * nb_sink_close) that writes to a temporary file beside the target and
 * renames it into place only when everything succeeded. A failed run never
 * leaves a half-written file and never touches the old one. */
#ifndef NB_SINK_H
#define NB_SINK_H

#include <stdio.h>

#include "util.h"

typedef struct {
    char *path;      /* final path; NULL when writing to a borrowed FILE */
    char *tmp_path;  /* temporary path that is renamed to path */
    FILE *fp;
    int err;         /* first errno seen, 0 when all writes succeeded */
    bool borrowed;   /* fp belongs to the caller (stdout in tests) */
} nb_sink;

/* Temporary files are FOLDER/.nb.tmpXXXXXX plus the target's extension. */
#define NB_SINK_TMP_PREFIX ".nb.tmp"

/* Opens a sink that will replace path. Symbolic links are followed and the
 * target is replaced (the link stays); a regular file keeps its mode and,
 * under root, its owner. Descriptors (/dev/stdout, /dev/fd/N,
 * /proc/self/fd/N), devices and FIFOs are written directly, never renamed.
 * Returns NB_ERR_IO (with errno kept in sink->err) when the temporary file
 * cannot be created or the target is a read-only file (EACCES). */
nb_status nb_sink_open(nb_sink *s, const char *path);
/* Checks, before any work is done, what nb_sink_open and the final rename
 * would trip on: a missing or unwritable folder, a directory, a read-only
 * file, a name over NAME_MAX. Returns NB_ERR_IO with a reason in why
 * ("cannot write: No such file or directory"), NB_OK otherwise. */
nb_status nb_sink_check(const char *path, nb_buf *why);
/* True when path is written directly rather than replaced: a descriptor
 * (/dev/stdout, /dev/fd/N, /proc/self/fd/N), a device, a FIFO or a socket. */
bool nb_sink_is_stream(const char *path);
/* The path an output really writes to, symbolic links followed (the caller
 * frees it). */
char *nb_sink_target(const char *path);
/* Wraps a FILE the caller keeps owning (not closed by nb_sink_close). */
void nb_sink_wrap(nb_sink *s, FILE *fp);

void nb_sink_write(nb_sink *s, const char *data, size_t n);
void nb_sink_puts(nb_sink *s, const char *str);
void nb_sink_printf(nb_sink *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Writes str escaped for XML text and attribute values; invalid UTF-8 and
 * control characters never reach the output. */
void nb_sink_xml(nb_sink *s, const char *str);
/* Writes str escaped for the inside of a DOT double-quoted string. */
void nb_sink_dot(nb_sink *s, const char *str);

/* Flushes, fsyncs and renames into place. On any error the temporary file
 * is removed, the old file is left untouched, and NB_ERR_IO is returned with
 * the errno in s->err. Frees the sink's own memory either way. */
nb_status nb_sink_close(nb_sink *s);
/* Discards everything written and removes the temporary file. */
void nb_sink_abort(nb_sink *s);

#endif
