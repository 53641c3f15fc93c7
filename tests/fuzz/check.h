/* check.h - invariants the fuzz targets assert on a network and on what the
 * writers print from it. Every violation prints what and where, then calls
 * abort() so that libFuzzer saves the input as a crash.
 *
 * Network (model.h): labels and aliases are valid UTF-8 without control
 * characters, nothing points out of range, nodes and edges are sorted,
 * evidence offsets fall inside the article, metrics are finite.
 * Output: valid UTF-8 with no control characters other than newline and tab
 * (no C1 controls, non-characters, BOM, zero-width or bidi controls either);
 * GraphML and GEXF tags balance and every '&' starts an entity; DOT quotes,
 * escapes, braces and brackets balance; JSON parses (RFC 8259); CSV parses
 * with libcsv's strict parser, every record as wide as Gephi's header, CRLF
 * line ends; the HTML report has netbuild's five script elements and valid
 * JSON data in them; node and edge counts match the network. */
#ifndef NB_FUZZ_CHECK_H
#define NB_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Prints what went wrong (with the bytes around `at` when buf is given) and
 * aborts, so that libFuzzer keeps the input. */
void chk_fail(const char *what, const char *buf, size_t len, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 5, 6), noreturn));

/* buf is valid UTF-8 with no forbidden character; newline and tab are
 * allowed only when lines is true. */
void chk_clean(const char *what, const char *buf, size_t len, bool lines);
/* s is clean, on one line, and (unless allow_empty) not blank. */
void chk_str(const char *what, const char *s, bool allow_empty);

/* Network invariants; evidence offsets must be below article_bytes unless it
 * is 0. */
void chk_network(const nb_network *net, size_t article_bytes);
/* Every metric is finite. */
void chk_metrics(const nb_network *net);
void chk_graphml(const char *buf, size_t len, const nb_network *net);
void chk_dot(const char *buf, size_t len, const nb_network *net);
void chk_explain(const char *buf, size_t len, const nb_network *net);
void chk_gexf(const char *buf, size_t len, const nb_network *net);
void chk_json(const char *buf, size_t len, const nb_network *net);
/* rows: records expected besides the header, whose first field is first. */
void chk_csv(const char *buf, size_t len, size_t rows, const char *first);
void chk_html(const char *buf, size_t len, const nb_network *net);

/* chk_network, nb_analyze, chk_metrics, then every writer into memory and
 * its check. */
void chk_all(nb_network *net, size_t article_bytes);

/* A temporary file for a target that rewrites it for every input, in
 * memory when possible ($TMPDIR, else /dev/shm, else /tmp): its path goes
 * to path (size bytes); exits when it cannot be made. Returns its fd. */
int chk_tmpfile(const char *name, char *path, size_t size);

#endif
