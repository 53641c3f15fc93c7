/* store.h - the store stage: per-article results kept in an SQLite file
 * (--store), so that a rerun reads only new and changed articles, and shards
 * extracted apart merge into the network a single run would build.
 *
 * Schema (version NB_STORE_SCHEMA, PRAGMA user_version; application_id
 * 0x4E425354 "NBST"), WAL mode:
 *   meta(key, value): "versions", the hashes of the dictionaries, model and
 *     patterns and the switches that shape extraction (any change: every
 *     article is extracted again); "inputs", the inputs as given, one a
 *     line; "items", the catalogue's length; "part", "K/N" for a shard.
 *   article(relpath PRIMARY KEY, source, pos, size, mtime_ns, hash, date,
 *     record): one row an article file. relpath is its name in the
 *     catalogue (provenance before escaping), source the path it was read
 *     from, pos its place in the catalogue (the order of a run), hash the
 *     content key (64-bit FNV-1a in hex, ':', size), record the extraction
 *     (nb_record_encode), NULL when the file was a copy of an earlier one
 *     or --since/--until left it out before it was ever extracted.
 * Files that are not articles (unreadable, binary, netbuild outputs) have
 * no row: they are looked at again on every run. */
#ifndef NB_STORE_H
#define NB_STORE_H

#include "pipeline.h"
#include "scan.h"
#include "util.h"

#define NB_STORE_SCHEMA 1

typedef struct nb_store nb_store;

/* What a run with a store did to its articles. */
typedef struct {
    size_t fresh, changed, unchanged, removed;
    size_t recomputed;   /* unchanged, extracted again (versions or earlier articles changed) */
} nb_store_counts;

/* Opens (read_only: for merge) or creates the store at path. Returns NB_OK,
 * NB_ERR_INPUT when the file is not a netbuild store, is corrupt or has a
 * newer schema, or NB_ERR_IO (cannot open, locked by another process); err
 * then holds one line. The caller closes *out with nb_store_close. */
nb_status nb_store_open(nb_store **out, const char *path, bool read_only, nb_buf *err);
void nb_store_close(nb_store *s);

/* The versions line (see above) a store made with these data files and
 * switches has: hashes of each file's bytes, folders read in sorted order.
 * paths may hold NULLs (skipped). The caller frees it. */
char *nb_store_versions(const char *const *paths, size_t n, const char *switches);

/* Runs the catalogue list through p with store s: with parts > 1 only the
 * articles at positions i % parts == part - 1 (a shard). Articles whose
 * size and mtime, else content, are unchanged reuse their record; the rest
 * are read and extracted, one transaction each; rows of files no longer
 * listed are removed. When versions differs from the store's, every record
 * is dropped first. inputs (n_inputs) are the run's inputs as given.
 * Returns NB_OK, or NB_ERR_IO with a line in err when the store cannot be
 * written. With jobs > 1, that many threads read and extract the articles
 * to read ahead (nb_ahead_start); the results are the same. */
nb_status nb_store_run(nb_store *s, nb_pipeline *p, const nb_input_list *list, const char *const *inputs,
                       size_t n_inputs, const char *versions, unsigned part, unsigned parts, unsigned jobs,
                       nb_store_counts *c, nb_buf *err);

/* Merges the shards (made by nb_store_run over the same inputs with the
 * same versions, parts 1..N once each) into p's network in catalogue order,
 * as one run over all of them would. Returns NB_OK, NB_ERR_USAGE when the
 * shards do not fit together, NB_ERR_IO (err holds one line). */
nb_status nb_store_merge(nb_store *const *shards, size_t n, nb_pipeline *p, const char *versions, nb_buf *err);

/* What netbuild query asks: relations naming actor (NULL: any), of one
 * relation (-1: any), in articles dated within since..until (NULL: open;
 * with either, undated articles are left out). */
typedef struct {
    const char *actor;
    int relation;
    const char *since, *until;
} nb_store_query_spec;

/* Appends to out a header and one tab-separated line per matching relation
 * with its evidence (date, source, relation, target, article, byte offset,
 * sentence), sorted. An actor matches its node label, the label it is an
 * alias of, or one of its surface forms, in any case. *n_hits counts the
 * lines, *unreadable the records that did not decode (left out). Returns
 * NB_OK or NB_ERR_IO (err holds one line). */
nb_status nb_store_query(nb_store *s, const nb_store_query_spec *q, nb_buf *out, size_t *n_hits, size_t *unreadable,
                         nb_buf *err);

/* The record's bytes in the store ("NBR1", then little-endian varints and
 * length-prefixed strings in the order of nb_record's fields). */
void nb_record_encode(const nb_record *r, nb_buf *out);
/* Decodes n bytes into *r (freed with nb_record_free). Returns NB_ERR_INPUT
 * for bytes that are not a whole, valid record (r is then empty). */
nb_status nb_record_decode(const unsigned char *data, size_t n, nb_record *r);

#endif
