#include "scan.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    walker w = {list, report, ctx, NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (stat(paths[i], &sb) != 0) {
            if (report) report(ctx, paths[i], strerror(errno));
            st = NB_ERR_IO;
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            visit(&w, paths[i], "");
        } else {
            const char *base = strrchr(paths[i], '/');
            visit(&w, paths[i], base ? base + 1 : paths[i]);
        }
    }
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
