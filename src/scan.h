/* scan.h - the scan stage: expands input paths (files and folders, walked
 * recursively in sorted byte order) into the list of articles to read. */
#ifndef NB_SCAN_H
#define NB_SCAN_H

#include "util.h"

typedef struct {
    char *path;     /* path to open */
    char *relpath;  /* path relative to its input folder (basename for a file) */
} nb_input;

typedef struct {
    nb_input *items;
    size_t n, cap;
    size_t skipped;  /* entries reported and skipped (dangling links, FIFOs...) */
    size_t duplicates;   /* paths to a file already listed (same device and inode) */
    size_t own_outputs;  /* netbuild's own outputs and temporary files, ignored */
} nb_input_list;

/* Called for every entry that is skipped, with the path and a reason. */
typedef void (*nb_report_fn)(void *ctx, const char *path, const char *reason);

/* Appends the articles under each of the n paths to list. Hidden entries
 * (leading '.') inside folders are ignored; devices, FIFOs, sockets,
 * dangling links and link loops are reported and skipped; so are "-"
 * (stdin is not read), netbuild's own outputs and temporary files (counted
 * in own_outputs) and second paths to a file already listed (same device
 * and inode, counted in duplicates). With several paths, relpath starts
 * with the path it was found under. Returns NB_ERR_IO
 * when an input path itself does not exist or cannot be read, NB_OK
 * otherwise. The caller frees the list with nb_input_list_free. */
nb_status nb_scan(const char *const *paths, size_t n, nb_input_list *list,
                  nb_report_fn report, void *ctx);

void nb_input_list_free(nb_input_list *list);

#endif
