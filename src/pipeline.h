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

/* Largest article read; the rest of a larger file is skipped and reported. */
#define NB_MAX_ARTICLE ((size_t)256 << 20)

typedef struct {
    nb_dict dict;
    nb_names names;
    nb_network net;
    const nb_nlp *nlp;     /* tagger and parser (borrowed), or NULL: no syntax */
    bool syntax;           /* parse the sentences that yield relations (for --explain's paths) */
    const nb_patterns *pat; /* tree patterns (borrowed), or NULL: surface rules only */
    bool no_surface;       /* developers: the tree patterns alone (NB_NO_SURFACE) */
    bool tree_debug;       /* developers: each parsed candidate on stderr (NB_TREE_DEBUG) */
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

/* The name an article has in provenance: its relpath with '%', ';', '@',
 * '[', ']' and '|' percent-encoded (%25, %3B, %40, %5B, %5D, %7C), so that
 * the ';'-separated articles list and "path@offset [rule]: sentence"
 * evidence stay unambiguous. The caller frees it. */
char *nb_provenance(const char *relpath);

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
