/* test_sentences.c - the table-driven sentence cases of tests/sentences.txt,
 * in the spirit of cmark's spec tests: each case is a sentence (or a short
 * passage) with the relations it must yield ('='), may yield ('~'), or
 * "none". Anything else extracted fails the case. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "dict.h"
#include "patterns.h"
#include "pipeline.h"
#include "relations.h"
#include "split.h"
#include "text.h"

typedef struct {
    char *src, *dst;
    nb_rel rel;
    bool required;
    char *support; /* funds: "weapons", "money;weapons"... when the case names it */
} expect;

typedef struct {
    int line;
    char *text;
    expect *ex;
    size_t n_ex, cap_ex;
    bool none;
    char *gap;  /* "! reason": a known gap, reported and skipped while it fails */
} tcase;

static nb_dict dict;
static nb_nlp nlp;
static bool nlp_ok;
static nb_patterns *pat;
static const char *table_path = "tests/sentences.txt";

/* Canonical key of an expected name: a dictionary alias maps to its actor. */
static char *canon(const char *name)
{
    nb_buf key = {0};
    nb_name_key(name, strlen(name), &key);
    size_t e;
    unsigned fl;
    if (nb_dict_get(&dict, key.data, &e, &fl)) {
        nb_name_key(dict.entries[e].name, strlen(dict.entries[e].name), &key);
    } else {
        nb_buf sk = {0};
        nb_name_skeleton(key.data, &sk);
        size_t ent;
        if (nb_map_get(&dict.skeleton, sk.data, &ent) && ent != SIZE_MAX)
            nb_name_key(dict.entries[ent].name, strlen(dict.entries[ent].name), &key);
        nb_buf_free(&sk);
    }
    return nb_buf_detach(&key);
}

static bool same_actor(const char *label, const char *expected)
{
    char *a = canon(label), *b = canon(expected);
    nb_buf sa = {0}, sb = {0};
    nb_name_skeleton(a, &sa);
    nb_name_skeleton(b, &sb);
    bool eq = !strcmp(a, b) || !strcmp(sa.data, sb.data);
    free(a);
    free(b);
    nb_buf_free(&sa);
    nb_buf_free(&sb);
    return eq;
}

static int parse_rel(const char *s)
{
    for (int r = 0; r < NB_REL_COUNT; r++)
        if (!strcmp(s, nb_rel_name((nb_rel)r))) return r;
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Runs one case through the whole pipeline (surface rules and tree
 * patterns) and returns a description of what went wrong, or NULL. */
static char *run_case(const tcase *tc)
{
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_dict_free(&p.dict);
    p.dict = dict; /* borrowed: handed back before the pipeline is freed */
    p.nlp = nlp_ok ? &nlp : NULL;
    p.pat = pat;
    p.no_surface = pat && getenv("NB_NO_SURFACE");
    p.syntax = true;
    p.unnamed = true; /* (the table states what is extracted, unnamed groups too) */
    nb_buf msg = {0};
    nb_pipeline_text(&p, "case.txt", tc->text, strlen(tc->text));
    nb_network_finish(&p.net, true);
    bool *used = calloc(tc->n_ex + 1, sizeof *used);
    for (size_t k = 0; k < p.net.n_edges; k++) {
        const nb_edge *e = &p.net.edges[k];
        const char *src = p.net.nodes[e->src].label, *dst = p.net.nodes[e->dst].label;
        bool ok = false;
        for (size_t x = 0; x < tc->n_ex; x++) {
            const expect *ex = &tc->ex[x];
            if (ex->rel == e->rel && same_actor(src, ex->src) && same_actor(dst, ex->dst)) {
                used[x] = true;
                ok = true;
                char sup[64];
                nb_support_format(e->support, sup);
                if (ex->support && strcmp(sup, ex->support))
                    nb_buf_printf(&msg, "  support:    %s | %s | %s is '%s', not '%s'\n", src, nb_rel_name(e->rel), dst,
                                  sup, ex->support);
            }
        }
        if (!ok) nb_buf_printf(&msg, "  unexpected: %s | %s | %s [%s]\n", src, nb_rel_name(e->rel), dst,
                               e->n_ev ? e->ev[0].rule : "");
    }
    for (size_t x = 0; x < tc->n_ex; x++)
        if (tc->ex[x].required && !used[x])
            nb_buf_printf(&msg, "  missing:    %s | %s | %s\n", tc->ex[x].src, nb_rel_name(tc->ex[x].rel),
                          tc->ex[x].dst);
    free(used);
    nb_dict_init(&p.dict);
    nb_pipeline_free(&p);
    return msg.len ? nb_buf_detach(&msg) : NULL;
}

static void test_case(void **state)
{
    const tcase *tc = *state;
    char *err = run_case(tc);
    if (err && tc->gap) {
        print_message("%s:%d: known gap (%s)\n%s", table_path, tc->line, tc->gap, err);
        free(err);
        skip();
    }
    if (err) {
        print_message("%s:%d: %s\n%s", table_path, tc->line, tc->text, err);
        free(err);
        fail();
    }
    if (tc->gap) print_message("%s:%d: known gap now passes: drop its '!' line\n", table_path, tc->line);
}

static tcase *all_cases;
static size_t n_all;

/* Every case twice (the second copy a byte longer, so that it is no copy of
 * the file), on one pipeline; the edges of a run with the memo of analysed
 * sentences (whose second copies come from it) as those of one without. */
static char *memo_run(bool no_memo)
{
    nb_pipeline p;
    nb_pipeline_init(&p);
    nb_dict_free(&p.dict);
    p.dict = dict;
    p.nlp = &nlp;
    p.pat = pat;
    p.syntax = true;
    p.no_memo = no_memo;
    nb_buf text = {0}, out = {0};
    for (size_t i = 0; i < n_all; i++)
        for (int copy = 0; copy < 2; copy++) {
            nb_buf_clear(&text);
            nb_buf_printf(&text, "%s%s", all_cases[i].text, copy ? "\n" : "");
            nb_pipeline_text(&p, copy ? "b.txt" : "a.txt", text.data, text.len);
        }
    nb_network_finish(&p.net, true);
    nb_buf_puts(&out, "");
    for (size_t k = 0; k < p.net.n_edges; k++) {
        const nb_edge *e = &p.net.edges[k];
        nb_buf_printf(&out, "%s|%s|%s|%ld|%s\n", p.net.nodes[e->src].label, nb_rel_name(e->rel),
                      p.net.nodes[e->dst].label, e->weight, e->n_ev ? e->ev[0].rule : "");
    }
    nb_buf_free(&text);
    nb_dict_init(&p.dict);
    nb_pipeline_free(&p);
    return nb_buf_detach(&out);
}

static void test_memo(void **state)
{
    (void)state;
    char *with = memo_run(false), *without = memo_run(true);
    assert_true(strlen(with) > 0);
    assert_string_equal(with, without);
    free(with);
    free(without);
}

static tcase *load(const char *path, size_t *n_cases)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(1);
    }
    tcase *cases = NULL;
    size_t n = 0, cap = 0;
    char line[8192];
    int ln = 0;
    tcase *cur = NULL;
    while (fgets(line, sizeof line, fp)) {
        ln++;
        char *l = trim(line);
        if (!*l || *l == '#') {
            if (!*l) cur = NULL;
            continue;
        }
        if (*l == '>') {
            nb_grow(&cases, &cap, n + 1, sizeof *cases);
            cur = &cases[n++];
            memset(cur, 0, sizeof *cur);
            cur->line = ln;
            cur->text = nb_strdup(trim(l + 1));
            continue;
        }
        if (cur && *l == '!') {
            free(cur->gap);
            cur->gap = nb_strdup(trim(l + 1));
            continue;
        }
        if (!cur || (*l != '=' && *l != '~')) {
            fprintf(stderr, "%s:%d: unexpected line\n", path, ln);
            exit(1);
        }
        bool req = *l == '=';
        char *body = trim(l + 1);
        if (!strcmp(body, "none")) {
            cur->none = true;
            continue;
        }
        char *p1 = strchr(body, '|');
        char *p2 = p1 ? strchr(p1 + 1, '|') : NULL;
        if (!p2) {
            fprintf(stderr, "%s:%d: want 'Source | relation | Target'\n", path, ln);
            exit(1);
        }
        char *p3 = strchr(p2 + 1, '|'); /* an optional fourth field: the support */
        if (p3) *p3 = '\0';
        *p1 = *p2 = '\0';
        int rel = parse_rel(trim(p1 + 1));
        if (rel < 0) {
            fprintf(stderr, "%s:%d: unknown relation\n", path, ln);
            exit(1);
        }
        nb_grow(&cur->ex, &cur->cap_ex, cur->n_ex + 1, sizeof *cur->ex);
        expect *x = &cur->ex[cur->n_ex++];
        x->src = nb_strdup(trim(body));
        x->dst = nb_strdup(trim(p2 + 1));
        x->rel = (nb_rel)rel;
        x->required = req;
        x->support = p3 ? nb_strdup(trim(p3 + 1)) : NULL;
    }
    fclose(fp);
    *n_cases = n;
    return cases;
}

int main(int argc, char **argv)
{
    if (argc > 1) table_path = argv[1];
    const char *dict_path = getenv("NB_DICT") ? getenv("NB_DICT") : "data/actors.csv";
    nb_dict_init(&dict);
    nb_buf err = {0};
    if (nb_dict_load(&dict, dict_path, &err) != NB_OK) {
        fprintf(stderr, "%s\n", err.data);
        return 1;
    }
    /* the model and the tree patterns, unless NB_NO_TREE asks for the
     * surface rules alone (to compare the two) */
    char why[256];
    nlp_ok = nb_nlp_load(&nlp, "data/en_ewt.nbm", why, sizeof why) == NB_OK;
    if (!nlp_ok) {
        fprintf(stderr, "data/en_ewt.nbm: %s\n", why);
        return 1;
    }
    if (!getenv("NB_NO_TREE")) {
        nb_buf_clear(&err);
        const char *cues = getenv("NB_CUES") ? getenv("NB_CUES") : "data/cues.tsv";
        if (nb_patterns_load(&pat, &nlp, "data/patterns", cues, "data/negative.tsv", &err) != NB_OK ||
            nb_patterns_load_deverbal(pat, "data/deverbal.tsv", &err) != NB_OK) {
            fprintf(stderr, "%s\n", err.data);
            return 1;
        }
    }
    nb_buf_free(&err);
    size_t n = 0;
    tcase *cases = load(table_path, &n);
    struct CMUnitTest *tests = calloc(n + 1, sizeof *tests);
    char **names = calloc(n + 1, sizeof *names);
    for (size_t i = 0; i < n; i++) {
        nb_buf nm = {0};
        nb_buf_printf(&nm, "line %d%s", cases[i].line, cases[i].none ? " (negative)" : "");
        names[i] = nb_buf_detach(&nm);
        tests[i].name = names[i];
        tests[i].test_func = test_case;
        tests[i].initial_state = &cases[i];
    }
    /* (on the main table only: eval.sh counts the paraphrase table's cases) */
    all_cases = cases;
    n_all = n;
    bool memo = argc <= 1;
    if (memo) {
        tests[n].name = "memo: the same edges as without it";
        tests[n].test_func = test_memo;
    }
    int failed = _cmocka_run_group_tests("sentences", tests, n + memo, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
        free(cases[i].text);
        free(cases[i].gap);
        for (size_t k = 0; k < cases[i].n_ex; k++) {
            free(cases[i].ex[k].src);
            free(cases[i].ex[k].dst);
            free(cases[i].ex[k].support);
        }
        free(cases[i].ex);
    }
    free(names);
    free(tests);
    free(cases);
    nb_dict_free(&dict);
    nb_patterns_free(pat);
    nb_nlp_free(&nlp);
    return failed ? 1 : 0;
}
