#include "scan.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "sink.h"

/* Folders already on the current walk, to break symlink loops. */
typedef struct {
    dev_t dev;
    ino_t ino;
} dir_id;

typedef struct {
    nb_input_list *list;
    nb_report_fn report;
    void *ctx;
    dir_id *stack;
    size_t depth, cap;
    nb_map seen;  /* "dev:ino" of every listed file -> its index */
} walker;

static void add(nb_input_list *list, const char *path, const char *rel)
{
    nb_grow(&list->items, &list->cap, list->n + 1, sizeof *list->items);
    list->items[list->n].path = nb_strdup(path);
    list->items[list->n].relpath = nb_strdup(rel);
    list->n++;
}

static void skip(walker *w, const char *path, const char *reason)
{
    w->list->skipped++;
    if (w->report) w->report(w->ctx, path, reason);
}

/* Files netbuild writes: its output extensions, the sink's temporary files
 * (NB_SINK_TMP_PREFIX) and the OUT.tmpXXXXXX of earlier versions, which a
 * kill -9 leaves behind. Reading them back as articles would count every
 * edge again and invent new ones from the evidence text. */
static const char *own_output(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base && base[1] ? base + 1 : path;
    if (!strncmp(base, NB_SINK_TMP_PREFIX, strlen(NB_SINK_TMP_PREFIX)))
        return "netbuild temporary file, not an article: ignored";
    size_t n = strlen(base);
    if (n > 10 && !strncmp(base + n - 10, ".tmp", 4)) {
        bool alnum = true;
        for (size_t i = n - 6; i < n; i++) alnum &= isalnum((unsigned char)base[i]) != 0;
        if (alnum) return "netbuild temporary file, not an article: ignored";
    }
    const char *dot = strrchr(base, '.');
    if (dot && (!strcasecmp(dot, ".graphml") || !strcasecmp(dot, ".dot") || !strcasecmp(dot, ".gv") ||
                !strcasecmp(dot, ".gexf")))
        return "netbuild output (graph file), not an article: ignored";
    /* A report or JSON output holds every evidence sentence: read back, it
     * would count each relation again. Articles are plain text, so these
     * extensions are skipped by name (reported, like the others). */
    if (dot && (!strcasecmp(dot, ".json") || !strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm")))
        return "JSON or HTML file (netbuild writes these), not a plain-text article: ignored";
    /* the two halves of a CSV output (-o net.csv) */
    if (n > 10 && (!strcasecmp(base + n - 10, ".nodes.csv") || !strcasecmp(base + n - 10, ".edges.csv")))
        return "netbuild output (graph file), not an article: ignored";
    return NULL;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(walker *w, const char *dir, const char *rel);

static void visit(walker *w, const char *path, const char *rel)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        int err = errno; /* lstat below may change errno */
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            skip(w, path, err == ELOOP ? "symbolic link loop" : "dangling symbolic link");
        else skip(w, path, strerror(err));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        for (size_t i = 0; i < w->depth; i++) {
            if (w->stack[i].dev == st.st_dev && w->stack[i].ino == st.st_ino) {
                skip(w, path, "symbolic link loop");
                return;
            }
        }
        nb_grow(&w->stack, &w->cap, w->depth + 1, sizeof *w->stack);
        w->stack[w->depth].dev = st.st_dev;
        w->stack[w->depth].ino = st.st_ino;
        w->depth++;
        walk(w, path, rel);
        w->depth--;
    } else if (S_ISREG(st.st_mode)) {
        const char *own = own_output(path);
        if (own) {
            w->list->own_outputs++;
            if (w->report) w->report(w->ctx, path, own);
            return;
        }
        /* The same file under a second path (named twice, a folder and a
         * file in it, a symbolic or hard link) is read once. */
        char key[64];
        size_t first;
        snprintf(key, sizeof key, "%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
        if (nb_map_get(&w->seen, key, &first)) {
            w->list->duplicates++;
            if (w->report) {
                nb_buf why = {0};
                nb_buf_printf(&why, "same file as %s: read once", w->list->items[first].path);
                w->report(w->ctx, path, why.data);
                nb_buf_free(&why);
            }
            return;
        }
        nb_map_put(&w->seen, key, w->list->n);
        add(w->list, path, rel);
    } else {
        skip(w, path, S_ISFIFO(st.st_mode) ? "not a regular file (FIFO)"
                      : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "not a regular file (device)"
                      : "not a regular file");
    }
}

static void walk(walker *w, const char *dir, const char *rel)
{
    DIR *d = opendir(dir);
    if (!d) {
        skip(w, dir, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        nb_grow(&names, &cap, n + 1, sizeof *names);
        names[n++] = nb_strdup(de->d_name);
    }
    closedir(d);
    /* Sorted by bytes so every machine reads articles in the same order. */
    if (n) qsort(names, n, sizeof *names, cmp_name);
    nb_buf path = {0}, sub = {0};
    for (size_t i = 0; i < n; i++) {
        nb_buf_clear(&path);
        nb_buf_clear(&sub);
        nb_buf_printf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        if (rel[0]) nb_buf_printf(&sub, "%s/%s", rel, names[i]);
        else nb_buf_puts(&sub, names[i]);
        visit(w, path.data, sub.data);
        free(names[i]);
    }
    free(names);
    nb_buf_free(&path);
    nb_buf_free(&sub);
}

nb_status nb_scan(const char *const *paths, size_t n, nb_input_list *list,
                  nb_report_fn report, void *ctx)
{
    nb_status st = NB_OK;
    walker w = {list, report, ctx, NULL, 0, 0, {0}};
    for (size_t i = 0; i < list->n; i++) {
        char key[64];
        struct stat sb;
        if (stat(list->items[i].path, &sb) != 0) continue;
        snprintf(key, sizeof key, "%ju:%ju", (uintmax_t)sb.st_dev, (uintmax_t)sb.st_ino);
        nb_map_put(&w.seen, key, i);
    }
    nb_buf prefix = {0};
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (!strcmp(paths[i], "-")) {
            skip(&w, paths[i], "standard input is not read: give article files or folders");
            continue;
        }
        if (stat(paths[i], &sb) != 0) {
            if (report) report(ctx, paths[i], strerror(errno));
            st = NB_ERR_IO;
            continue;
        }
        /* Provenance names a file by its path under its input argument; with
         * several arguments, behind that argument, so that reuters/a.txt and
         * afp/a.txt stay apart. */
        nb_buf_clear(&prefix);
        nb_buf_puts(&prefix, paths[i]);
        while (prefix.len > 1 && prefix.data[prefix.len - 1] == '/') prefix.data[--prefix.len] = '\0';
        if (S_ISDIR(sb.st_mode)) {
            visit(&w, paths[i], n > 1 ? prefix.data : "");
        } else {
            const char *base = strrchr(paths[i], '/');
            visit(&w, paths[i], n > 1 ? prefix.data : base ? base + 1 : paths[i]);
        }
    }
    nb_buf_free(&prefix);
    nb_map_free(&w.seen);
    free(w.stack);
    return st;
}

void nb_input_list_free(nb_input_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].path);
        free(list->items[i].relpath);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
