/* fuzz_store.c - libFuzzer target: the input bytes are a store file (an
 * SQLite database). Opening it read-only must succeed or fail with
 * NB_ERR_INPUT or NB_ERR_IO and one clean line; a store that opens is
 * queried (every relation) and merged as a one-part shard with the versions
 * it records, into a network checked by check.h with every writer. Records
 * that no longer decode are extracted again from their source path (the
 * seed stores' relative sources name nothing from the folder the fuzzer
 * runs in). The corpus starts from small stores made by scripts/fuzz.sh. Built and run by
 * scripts/fuzz.sh. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "store.h"

static char g_path[4096];
static int g_fd = -1;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* SQLite's side files of the last input would otherwise meet the next one */
static void remove_side_files(void)
{
    char side[4200];
    snprintf(side, sizeof side, "%s-wal", g_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", g_path);
    unlink(side);
}

static void remove_files(void)
{
    remove_side_files();
    unlink(g_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    g_fd = chk_tmpfile("store", g_path, sizeof g_path);
    atexit(remove_files);
    return 0;
}

/* The versions line the store records, read with SQLite directly. */
static char *stored_versions(void)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    char *v = NULL;
    if (sqlite3_open_v2(g_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='versions'", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
        v = nb_strdup((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(db);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    remove_side_files();
    if (ftruncate(g_fd, 0) != 0 || pwrite(g_fd, data, size, 0) != (ssize_t)size) abort();
    nb_store *s = NULL;
    nb_buf err = {0}, out = {0};
    nb_status st = nb_store_open(&s, g_path, true, &err);
    if (st != NB_OK) {
        if (st != NB_ERR_INPUT && st != NB_ERR_IO) chk_fail("nb_store_open", err.data, err.len, 0, "status %d", st);
        chk_str("store error", err.data ? err.data : "", false);
        nb_buf_free(&err);
        return 0;
    }
    size_t hits, unreadable;
    nb_store_query_spec q = {NULL, -1, NULL, NULL};
    st = nb_store_query(s, &q, &out, &hits, &unreadable, &err);
    if (st == NB_OK) {
        chk_clean("query output", out.data, out.len, true);
        size_t lines = 0;
        for (size_t i = 0; i < out.len; i++) lines += out.data[i] == '\n';
        if (lines != hits + 1) chk_fail("query output", out.data, out.len, 0, "%zu lines for %zu hits", lines, hits);
    } else {
        chk_str("query error", err.data ? err.data : "", false);
    }
    char *versions = stored_versions();
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_buf_clear(&err);
    st = nb_store_merge(&s, 1, &p, versions ? versions : "", &err);
    if (st == NB_OK) {
        nb_network_finish(&p.net, (size & 1) == 0);
        chk_all(&p.net, 0);
    } else {
        chk_str("merge error", err.data ? err.data : "", false);
    }
    nb_pipeline_free(&p);
    free(versions);
    nb_store_close(s);
    nb_buf_free(&err);
    nb_buf_free(&out);
    return 0;
}
