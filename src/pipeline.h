/* pipeline.h - runs one article through clean, split, actors and relations
 * and adds what it finds to the network. Articles stream through one at a
 * time; only the network grows with the corpus. */
#ifndef NB_PIPELINE_H
#define NB_PIPELINE_H

#include "actors.h"
#include "dict.h"
#include "model.h"
#include "nlp.h"
#include "patterns.h"
#include "scan.h"
#include "dates.h"

/* Largest article read; the rest of a larger file is skipped and reported. */
#define NB_MAX_ARTICLE ((size_t)256 << 20)

/* What one article yields before it meets the others: its entities as
 * nodes will name them, its relations with their evidence, and the log of
 * its uses of the cross-article name table (nb_name_log), against which it
 * was extracted. Extraction makes it; nb_pipeline_merge adds it to the
 * network. Every string is owned by the record (nb_record_free). */
typedef struct {
    char *label;          /* the node: its label (of the alias root) and kind */
    nb_kind kind;
    char *alias;          /* the entity's own label when it is another's alias, else NULL */
    long mentions;
    char **forms;         /* surface forms, cleaned */
    size_t n_forms;
} nb_rec_ent;

typedef struct {
    uint32_t src, dst;    /* indices into ents */
    nb_rel rel;
    uint32_t sent;        /* index into sents */
    unsigned support;     /* funds: nb_support_bit of what is given, else 0 */
    char *rule;
    char *path;           /* dependency path, or NULL */
} nb_rec_rel;

typedef struct {
    size_t offset;        /* byte offset in the file */
    char *text;           /* the sentence, sanitized */
} nb_rec_sent;

typedef struct {
    char date[NB_DATE_LEN + 1];  /* "YYYY-MM-DD", "" when undated */
    int date_from;           /* nb_date_from */
    size_t bytes, sentences, cut, parsed, invalid_bytes;
    nb_rec_ent *ents;
    size_t n_ents;
    nb_rec_rel *rels;
    size_t n_rels;
    nb_rec_sent *sents;
    size_t n_sents;
    nb_name_log names;
} nb_record;

void nb_record_free(nb_record *r);

/* The analyses of sentences already tagged and parsed (one per thread). */
typedef struct nb_memo nb_memo;
void nb_memo_free(nb_memo *m);

typedef struct nb_pipeline {
    nb_dict dict;
    nb_names names;
    nb_network net;
    const nb_nlp *nlp;     /* tagger and parser (borrowed), or NULL: no syntax */
    bool syntax;           /* parse the sentences that yield relations (for --explain's paths) */
    const nb_patterns *pat; /* tree patterns (borrowed), or NULL: surface rules only */
    bool no_surface;       /* developers: the tree patterns alone (NB_NO_SURFACE) */
    bool tree_debug;       /* developers: each parsed candidate on stderr (NB_TREE_DEBUG) */
    bool no_memo;          /* tests: analyse every sentence afresh, not from the memo */
    bool unnamed;          /* keep the edges of unnamed groups ("gunmen", "Iraqi militias") */
    nb_report_fn report;   /* problems with one article: path and reason */
    void *report_ctx;
    /* counters for the summary */
    size_t read, skipped, bytes, sentences, cut_sentences, invalid_bytes, truncated;
    size_t parsed;       /* sentences tagged and parsed */
    size_t duplicates;   /* files byte-identical to an earlier article */
    size_t own_outputs;  /* files that turned out to be netbuild outputs */
    size_t relations[NB_REL_COUNT];
    /* dates (dates.h): with since or until ("YYYY-MM-DD", borrowed), an
     * article dated outside them or undated is left out and counted in
     * out_of_range; undated counts articles without a date (read or left
     * out), no_year those read whose dateline had no year and no path date */
    const char *since, *until;
    size_t out_of_range, undated, no_year;
    /* byte-identical articles: content key -> article index, and the path
     * each article was read from, to confirm a match byte by byte */
    nb_map seen;
    char **sources;
    size_t n_sources, cap_sources;
    /* An extraction thread's view (nb_pipeline_files): the pipeline whose
     * dictionary it reads and whose name table it looks names up in first,
     * under names_lock; names then holds one article's own names. */
    const struct nb_pipeline *shared;
    pthread_mutex_t *names_lock;
    nb_memo *memo;         /* sentences analysed before (pipeline.c), made on first use */
} nb_pipeline;

/* Initialises p with an empty dictionary and network. */
void nb_pipeline_init(nb_pipeline *p);
void nb_pipeline_free(nb_pipeline *p);

/* Reads the article at path (named relpath in the output) and adds its
 * relations. A file that cannot be read, is not a regular file when opened,
 * or is not text, is reported, counted in p->skipped and returns
 * NB_ERR_INPUT; the run goes on. Text ends at the first run of 4096 NUL
 * bytes (reported). A netbuild output (known by its first line) is
 * reported and counted in p->own_outputs, a file byte-identical to an
 * earlier article in p->duplicates (its path joins that article's
 * provenance); both return NB_OK without adding anything. The article's
 * date (dates.h) is read from its first lines, else from path. */
nb_status nb_pipeline_file(nb_pipeline *p, const char *path, const char *relpath);

/* Runs the files of list through p in input order, as nb_pipeline_file on
 * each would, and calls each(ctx) after each file. With jobs > 1, that many
 * threads read and extract articles ahead (at most 2 * jobs + 2 at a time),
 * while this thread reports, merges and resolves cross-article names in
 * input order: the network, reports and counts are the same for any jobs. */
void nb_pipeline_files(nb_pipeline *p, const nb_input_list *list, unsigned jobs, void (*each)(void *ctx), void *ctx);

/* Extraction threads for a caller that takes the articles itself, in
 * input order (store.h). nb_ahead_start starts jobs threads that read, key
 * and extract the items of list marked in want (NULL: all), at most
 * 2 * jobs + 2 ahead of the caller; with skip_copies, an item whose key
 * p->seen already has is not extracted (then p->seen is only written under
 * the threads' lock, as nb_pipeline_files does). While they run, p->names
 * must change only through nb_ahead_replay and nb_ahead_extract. */
typedef struct nb_ahead nb_ahead;
nb_ahead *nb_ahead_start(nb_pipeline *p, const nb_input_list *list, const bool *want, unsigned jobs,
                         bool skip_copies);
/* Item i (marked in want; items are asked for in increasing order): its
 * reading reported and counted in p as nb_pipeline_read would, its bytes
 * in *data and its content key in *key (when not NULL). */
nb_status nb_ahead_read(nb_ahead *a, size_t i, nb_buf *data, nb_buf *key, bool *own);
/* nb_pipeline_extract of data on p (reports and counts; the article's
 * names join p->names), with item i's record when its names still hold,
 * else extracted now (i == SIZE_MAX: not an item taken ahead). */
nb_status nb_ahead_extract(nb_ahead *a, size_t i, const char *path, const char *relpath, const char *data,
                           size_t n, nb_record *rec, bool *left_out);
/* nb_names_replay on p->names, under the threads' lock. */
bool nb_ahead_replay(nb_ahead *a, const nb_name_log *log);
/* The caller is through with item i (marked in want): the threads go on. */
void nb_ahead_next(nb_ahead *a, size_t i);
/* Stops the threads and frees a (NULL: nothing). */
void nb_ahead_end(nb_ahead *a);

/* The steps of nb_pipeline_file, for a run with a store (store.h):
 * nb_pipeline_read reads the file at path into data (reporting and
 * counting a file that cannot be read, NB_ERR_INPUT, or one of netbuild's
 * outputs, *own); nb_pipeline_content_key makes the key byte-identical
 * articles share; nb_pipeline_copy, when an earlier article has that key
 * (confirmed byte by byte when data is given), records relpath as its copy,
 * reports and counts it and returns true; nb_pipeline_seen notes that
 * article art, read from path, has key. */
nb_status nb_pipeline_read(nb_pipeline *p, const char *path, nb_buf *data, bool *own);
void nb_pipeline_content_key(const char *data, size_t n, nb_buf *key);
bool nb_pipeline_copy(nb_pipeline *p, const char *key, const char *path, const char *relpath, const char *data,
                      size_t n);
void nb_pipeline_seen(nb_pipeline *p, const char *key, size_t art, const char *path);

/* The name an article has in provenance: its relpath with '%', ';', '@',
 * '[', ']' and '|' percent-encoded (%25, %3B, %40, %5B, %5D, %7C), so that
 * the ';'-separated articles list and "path@offset [rule]: sentence"
 * evidence stay unambiguous. The caller frees it. */
char *nb_provenance(const char *relpath);

/* Extracts the article raw[0..n) named relpath (its path date read from
 * path) into *rec, using and growing p->names (and counting nothing).
 * Returns NB_ERR_INPUT when the bytes are not text (reported, counted in
 * p->skipped), NB_OK with *left_out set when --since/--until leave it out
 * (counted; *rec then holds only its date and date_from, and p->names is
 * untouched). The caller frees rec with nb_record_free. */
nb_status nb_pipeline_extract(nb_pipeline *p, const char *path, const char *relpath, const char *raw, size_t n,
                              nb_record *rec, bool *left_out);

/* Adds an extracted article to the network as article number
 * p->net.n_articles, named relpath in provenance, and counts it; its
 * problems (invalid bytes, cut sentences) are reported again under relpath.
 * Does not touch p->names (see nb_names_replay). Returns the article index. */
size_t nb_pipeline_merge(nb_pipeline *p, const char *relpath, const nb_record *rec);

/* True when p->since/p->until leave out an article dated date ("" when
 * undated), which is then counted in out_of_range (and undated). */
bool nb_pipeline_left_out(nb_pipeline *p, const char *date);

/* Processes raw article bytes already in memory (used by tests and
 * fuzzers; the path date is read from relpath). Returns NB_ERR_INPUT when
 * the bytes are not text; an article left out by p->since/p->until returns
 * NB_OK and adds nothing, not even the article. */
nb_status nb_pipeline_text(nb_pipeline *p, const char *relpath, const char *raw, size_t n);

/* Writes the analysis of every sentence of the article at path (tokens,
 * lemmas, tags, tree, file byte offsets) as CoNLL-U to out. Needs p->nlp.
 * Unreadable or binary files are reported and skipped as in a run. */
nb_status nb_pipeline_conllu(nb_pipeline *p, const char *path, const char *relpath, nb_buf *out);

#endif
