/* test_nlp.c - the perceptron, the model file, training determinism, the
 * lemmatizer, the parser's transitions and trees, and CoNLL-U output. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conllu.h"
#include "lemma.h"
#include "nlp.h"
#include "parser.h"
#include "perceptron.h"
#include "train.h"

#define FIXTURE "tests/fixtures/mini.conllu"
#define SHIPPED "data/" NB_NLP_FILE

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    nb_buf b = {0};
    char buf[65536];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, fp)) > 0) nb_buf_put(&b, buf, k);
    fclose(fp);
    *n = b.len;
    return (unsigned char *)b.data;
}

static void test_perceptron_learns_and_freezes(void **state)
{
    (void)state;
    nb_ptrain *t = nb_ptrain_new(3);
    uint64_t a[2] = {nb_feat(1, 10, 0, 0), nb_feat(2, 0, 0, 0)};
    uint64_t b[2] = {nb_feat(1, 20, 0, 0), nb_feat(2, 0, 0, 0)};
    /* class 1 goes with a, class 2 with b */
    for (int it = 0; it < 10; it++) {
        int32_t s[3] = {0};
        nb_ptrain_score(t, a, 2, s);
        int g = s[1] > s[0] && s[1] >= s[2] ? 1 : s[2] > s[0] ? 2 : 0;
        nb_ptrain_update(t, a, 2, 1, g);
        nb_ptrain_tick(t);
        memset(s, 0, sizeof s);
        nb_ptrain_score(t, b, 2, s);
        g = s[1] > s[0] && s[1] >= s[2] ? 1 : s[2] > s[0] ? 2 : 0;
        nb_ptrain_update(t, b, 2, 2, g);
        nb_ptrain_tick(t);
    }
    nb_pmodel m;
    nb_ptrain_freeze(t, &m, 1, 1);
    assert_true(nb_pmodel_valid(&m));
    int32_t s[3] = {0};
    nb_pmodel_score(&m, a, 2, s);
    assert_true(s[1] > s[0] && s[1] > s[2]);
    memset(s, 0, sizeof s);
    nb_pmodel_score(&m, b, 2, s);
    assert_true(s[2] > s[0] && s[2] > s[1]);
    /* an unknown feature adds nothing */
    uint64_t u = nb_feat(9, 9, 9, 9);
    memset(s, 0, sizeof s);
    nb_pmodel_score(&m, &u, 1, s);
    assert_int_equal(s[0] | s[1] | s[2], 0);
    nb_pmodel_free(&m);
    nb_ptrain_free(t);
}

/* Every way a feature's weights are stored (in its slot: one weight, or two
 * opposite ones; a run; a dense row) scores the weights it was given, and a
 * pruned copy keeps them. */
static void test_perceptron_encodings(void **state)
{
    (void)state;
    enum { NC = 100 };
    /* weight w for class c, packed as nb_pmodel_build takes it */
#define PAIR(w, c) (((uint32_t)((w) + (1 << 23)) << 8) | (uint32_t)(c))
    static const int32_t want[][4] = {
        {7, -1234, 0, 0},   /* one weight: in the slot */
        {3, 50, 9, -50},    /* two opposite: in the slot */
        {3, 50, 9, -49},    /* two, not opposite: a run */
        {3, 300, 9, -2},    /* a run */
        {5, -32767, 6, 32767}, /* the ends of the weights */
    };
    size_t nk = sizeof want / sizeof want[0];
    uint64_t keys[8];
    uint32_t counts[8], pairs[128];
    size_t np = 0;
    for (size_t i = 0; i < nk; i++) keys[i] = nb_feat(100 + i, 0, 0, 0);
    /* sorted by key, as a frozen trainer gives them */
    for (size_t i = 0; i < nk; i++)
        for (size_t j = i + 1; j < nk; j++)
            if (keys[j] < keys[i]) {
                uint64_t t = keys[i];
                keys[i] = keys[j];
                keys[j] = t;
            }
    for (size_t i = 0; i < nk; i++) {
        size_t w = 0;
        while (keys[i] != nb_feat(100 + w, 0, 0, 0)) w++;
        counts[i] = want[w][1] && want[w][3] ? 2 : 1;
        pairs[np++] = PAIR(want[w][1], want[w][0]);
        if (counts[i] == 2) pairs[np++] = PAIR(want[w][3], want[w][2]);
    }
    /* and a feature with a weight for every class: a dense row */
    keys[nk] = UINT64_MAX;
    counts[nk] = NC;
    for (int c = 0; c < NC; c++) pairs[np++] = PAIR(c - 50 ? c - 50 : 1, c);
#undef PAIR
    nb_pmodel m, p;
    nb_pmodel_build(&m, NC, keys, counts, nk + 1, pairs);
    assert_true(nb_pmodel_valid(&m));
    assert_int_equal(m.n_feats, nk + 1);
    assert_int_equal(m.n_dense, 1);
    nb_pmodel_prune(&m, &p, 1);
    assert_true(nb_pmodel_valid(&p));
    for (int pass = 0; pass < 2; pass++) {
        const nb_pmodel *t = pass ? &p : &m;
        for (size_t w = 0; w < nk; w++) {
            int32_t sc[NC] = {0};
            uint64_t k = nb_feat(100 + w, 0, 0, 0);
            nb_pmodel_score(t, &k, 1, sc);
            for (int c = 0; c < NC; c++) {
                int32_t e = c == want[w][0] ? want[w][1] : c == want[w][2] && want[w][3] ? want[w][3] : 0;
                assert_int_equal(sc[c], e);
            }
        }
        int32_t sc[NC] = {0};
        uint64_t k = UINT64_MAX;
        nb_pmodel_score(t, &k, 1, sc);
        for (int c = 0; c < NC; c++) assert_int_equal(sc[c], c - 50 ? c - 50 : 1);
    }
    nb_pmodel_free(&m);
    nb_pmodel_free(&p);
}

/* Two trainers with the same updates, summed, freeze to the weights of
 * either alone (the sum keeps the mean); one with other updates moves them. */
static void test_perceptron_sum_is_the_mean(void **state)
{
    (void)state;
    nb_ptrain *t[3];
    uint64_t a[2] = {nb_feat(1, 10, 0, 0), nb_feat(2, 0, 0, 0)};
    for (int k = 0; k < 3; k++) {
        t[k] = nb_ptrain_new(3);
        for (int it = 0; it < 5; it++) {
            nb_ptrain_update(t[k], a, 2, k == 2 ? 2 : 1, 0);
            nb_ptrain_tick(t[k]);
        }
    }
    nb_pmodel one, two, three;
    nb_ptrain_freeze(t[0], &one, 1, 1);
    nb_ptrain_add(t[1], t[0]);
    nb_ptrain_freeze(t[1], &two, 1, 1);
    int32_t s1[3] = {0}, s2[3] = {0}, s3[3] = {0};
    nb_pmodel_score(&one, a, 2, s1);
    nb_pmodel_score(&two, a, 2, s2);
    assert_memory_equal(s1, s2, sizeof s1);
    nb_ptrain_add(t[1], t[2]);
    nb_ptrain_freeze(t[1], &three, 1, 1);
    nb_pmodel_score(&three, a, 2, s3);
    assert_true(s3[1] > 0 && s3[2] > 0 && s3[1] > s3[2] && s3[1] < s1[1]);
    nb_pmodel_free(&one);
    nb_pmodel_free(&two);
    nb_pmodel_free(&three);
    for (int k = 0; k < 3; k++) nb_ptrain_free(t[k]);
}

static nb_status train_fixture_threads(nb_nlp *m, uint64_t seed, int folds, int threads)
{
    char err[256];
    nb_treebank tb;
    nb_status st = nb_treebank_read(&tb, FIXTURE, err, sizeof err);
    if (st != NB_OK) return st;
    /* with jackknifed tags, two parsers summed, as make model does */
    nb_train_opts o = {.tag_iters = 4, .parse_iters = 15, .parse_models = folds ? 2 : 1, .folds = folds, .seed = seed,
                       .threads = threads, .min_weight = 1, .min_updates = 1, .tag_min_updates = 1};
    nb_train(m, &tb, &o);
    nb_treebank_free(&tb);
    return NB_OK;
}

static nb_status train_fixture(nb_nlp *m, uint64_t seed, int folds) { return train_fixture_threads(m, seed, folds, 1); }

/* The same data and options give the same bytes, on one thread or two (the
 * taggers and parsers trained at once); the file loads back. */
static void test_training_is_deterministic(void **state)
{
    (void)state;
    char p1[] = "/tmp/nb-test-model-XXXXXX", p2[] = "/tmp/nb-test-model-XXXXXX";
    int f1 = mkstemp(p1), f2 = mkstemp(p2);
    assert_true(f1 >= 0 && f2 >= 0);
    close(f1);
    close(f2);
    for (int k = 0; k < 2; k++) {
        nb_nlp m;
        assert_int_equal(train_fixture_threads(&m, 7, 2, k ? 2 : 1), NB_OK); /* jackknifed tags too */
        assert_int_equal(nb_nlp_save(&m, k ? p2 : p1, "training: fixture\n"), NB_OK);
        nb_nlp_free(&m);
    }
    size_t n1, n2;
    unsigned char *a = slurp(p1, &n1), *b = slurp(p2, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    assert_memory_equal(a, NB_NLP_MAGIC, strlen(NB_NLP_MAGIC));

    /* loaded back, a model trained on gold tags fits its own training data */
    nb_nlp m;
    char err[256];
    assert_int_equal(nb_nlp_load(&m, p1, err, sizeof err), NB_OK);
    nb_nlp_free(&m);
    assert_int_equal(train_fixture(&m, 7, 0), NB_OK);
    assert_int_equal(nb_nlp_save(&m, p1, "training: fixture\n"), NB_OK);
    nb_nlp_free(&m);
    assert_int_equal(nb_nlp_load(&m, p1, err, sizeof err), NB_OK);
    nb_treebank tb;
    assert_int_equal(nb_treebank_read(&tb, FIXTURE, err, sizeof err), NB_OK);
    nb_eval_counts c;
    nb_eval_treebank(&m, &tb, &c);
    assert_true(c.words > 50);
    if (c.upos * 10 < c.words * 9 || c.uas * 10 < c.words * 8)
        fail_msg("on its own training data: %zu words, UPOS %zu, UAS %zu", c.words, c.upos, c.uas);
    nb_treebank_free(&tb);
    nb_nlp_free(&m);
    free(a);
    free(b);
    unlink(p1);
    unlink(p2);
}

/* Truncated, corrupt, foreign, empty and missing files are refused with a
 * message, never a crash. */
static void test_bad_model_files(void **state)
{
    (void)state;
    nb_nlp m;
    char err[256];
    assert_int_equal(train_fixture(&m, 3, 0), NB_OK);
    char path[] = "/tmp/nb-test-model-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(nb_nlp_save(&m, path, "training: fixture\n"), NB_OK);
    nb_nlp_free(&m);
    size_t n;
    unsigned char *good = slurp(path, &n);
    assert_int_equal(nb_nlp_load_mem(&m, good, n, err, sizeof err), NB_OK);
    nb_nlp_free(&m);
    /* every truncation */
    for (size_t k = 0; k < n; k += (k < 400 ? 1 : 97)) {
        err[0] = '\0';
        assert_int_equal(nb_nlp_load_mem(&m, good, k, err, sizeof err), NB_ERR_INPUT);
        assert_true(strlen(err) > 0);
    }
    /* a flipped byte anywhere */
    unsigned char *bad = malloc(n);
    for (size_t k = 0; k < n; k += 13) {
        memcpy(bad, good, n);
        bad[k] ^= 0x5a;
        nb_status st = nb_nlp_load_mem(&m, bad, n, err, sizeof err);
        if (st == NB_OK) nb_nlp_free(&m); /* a header space or digit case may still read */
        else assert_int_equal(st, NB_ERR_INPUT);
    }
    free(bad);
    const char *foreign = "PK\x03\x04 this is a zip file, not a model\n\n";
    assert_int_equal(nb_nlp_load_mem(&m, (const unsigned char *)foreign, strlen(foreign), err, sizeof err),
                     NB_ERR_INPUT);
    assert_non_null(strstr(err, "not a netbuild model"));
    const char *future = NB_NLP_MAGIC " 99\npayload: 0 bytes, checksum 0\n\n";
    assert_int_equal(nb_nlp_load_mem(&m, (const unsigned char *)future, strlen(future), err, sizeof err),
                     NB_ERR_INPUT);
    assert_non_null(strstr(err, "version"));
    assert_int_equal(nb_nlp_load_mem(&m, (const unsigned char *)"", 0, err, sizeof err), NB_ERR_INPUT);
    assert_int_equal(nb_nlp_load(&m, "/nonexistent/model.nbm", err, sizeof err), NB_ERR_IO);
    assert_int_equal(nb_nlp_load(&m, "/tmp", err, sizeof err), NB_ERR_INPUT);
    free(good);
    unlink(path);
}

static bool projective(const nb_sent *s)
{
    for (size_t d = 1; d <= s->n; d++) {
        int h = s->w[d - 1].ghead;
        if (h == 0) continue;
        size_t lo = d < (size_t)h ? d : (size_t)h, hi = d < (size_t)h ? (size_t)h : d;
        for (size_t k = lo + 1; k < hi; k++) {
            int a = (int)k;
            while (a != 0 && a != h) a = s->w[a - 1].ghead;
            if (a != h) return false;
        }
    }
    return true;
}

static void test_projectivize(void **state)
{
    (void)state;
    char err[256];
    nb_treebank tb;
    assert_int_equal(nb_treebank_read(&tb, FIXTURE, err, sizeof err), NB_OK);
    assert_int_equal(tb.n, 9);
    nb_sent *s = &tb.s[8];
    assert_false(projective(s));
    nb_projectivize(s);
    assert_true(projective(s));
    /* the crossing arc was lifted to the head's head; the rest is unchanged */
    assert_int_equal(s->w[2].ghead, 4);
    assert_int_equal(s->w[0].ghead, 4);
    for (size_t i = 0; i < 8; i++) {
        int32_t before[16];
        for (size_t j = 0; j < tb.s[i].n; j++) before[j] = tb.s[i].w[j].ghead;
        nb_projectivize(&tb.s[i]);
        for (size_t j = 0; j < tb.s[i].n; j++) assert_int_equal(before[j], tb.s[i].w[j].ghead);
    }
    nb_treebank_free(&tb);
}

/* The oracle's moves rebuild every projective gold tree of the fixture,
 * the lifted one included, with its labels. */
static void test_transitions_rebuild_gold(void **state)
{
    (void)state;
    nb_nlp m;
    char err[256];
    assert_int_equal(train_fixture(&m, 5, 0), NB_OK);
    nb_treebank tb;
    assert_int_equal(nb_treebank_read(&tb, FIXTURE, err, sizeof err), NB_OK);
    for (size_t i = 0; i < tb.n; i++) {
        nb_sent *s = &tb.s[i];
        size_t k0 = 0;
        for (size_t j = 0; j < i; j++) k0 += tb.s[j].n;
        for (size_t j = 0; j < s->n; j++) {
            s->w[j].glabel = (uint16_t)nb_nlp_label(&m, nb_treebank_str(&tb, tb.wd[k0 + j].deprel));
        }
        nb_projectivize(s);
        nb_parse_oracle(&m, s);
        for (size_t j = 0; j < s->n; j++) {
            assert_int_equal(s->w[j].head, s->w[j].ghead);
            assert_int_equal(s->w[j].label, s->w[j].glabel);
        }
    }
    nb_treebank_free(&tb);
    nb_nlp_free(&m);
}

/* A tree: one root, every head in range, no cycle. */
static void assert_tree(const nb_sent *s)
{
    size_t roots = 0;
    for (size_t i = 0; i < s->n; i++) {
        int h = s->w[i].head;
        assert_true(h >= 0 && (size_t)h <= s->n && (size_t)h != i + 1);
        roots += h == 0;
        size_t steps = 0;
        for (int a = h; a != 0; a = s->w[a - 1].head) assert_true(++steps <= s->n);
    }
    assert_int_equal(roots, 1);
}

static bool shipped(nb_nlp *m)
{
    char err[256];
    if (nb_nlp_load(m, SHIPPED, err, sizeof err) == NB_OK) return true;
    fail_msg("%s: %s", SHIPPED, err);
    return false;
}

static void analyse(const nb_nlp *m, nb_sent *s, const char *text)
{
    nb_sent_clear(s);
    size_t i = 0, n = strlen(text);
    while (i < n) {
        while (i < n && text[i] == ' ') i++;
        size_t j = i;
        while (j < n && text[j] != ' ') j++;
        if (j > i) nb_sent_add(s, text + i, (uint32_t)i, (uint32_t)(j - i));
        i = j;
    }
    nb_nlp_analyze(m, s, true);
}

/* The tagging rules of the shipped model: no finite verb after an article,
 * no verb from a known adjective or an -ous word, no adverb from a known
 * noun; a model in training (no rule tables) tags without them. */
static void test_tagging_rules(void **state)
{
    (void)state;
    nb_nlp m;
    nb_sent s = {0};
    if (shipped(&m)) {
        analyse(&m, &s, "The raid by Israel drew criticism .");
        assert_string_equal(m.upos[s.w[1].tag], "NOUN");
        analyse(&m, &s, "Insurgents loyal to the group attacked a post .");
        assert_string_not_equal(m.upos[s.w[1].tag], "VERB");
        analyse(&m, &s, "\" Murderous attacks are a crime , \" he said .");
        assert_string_not_equal(m.upos[s.w[1].tag], "VERB");
        analyse(&m, &s, "The United States , Kosovo 's closest ally , sent missiles .");
        assert_string_not_equal(m.upos[s.w[7].tag], "ADV");
        nb_nlp_free(&m);
    }
    assert_int_equal(train_fixture(&m, 5, 0), NB_OK);
    assert_null(m.finite);
    analyse(&m, &s, "The raid by Israel drew criticism .");
    assert_tree(&s);
    nb_sent_free(&s);
    nb_nlp_free(&m);
}

static void test_shipped_model_trees(void **state)
{
    (void)state;
    nb_nlp m;
    if (!shipped(&m)) return;
    nb_sent s = {0};
    analyse(&m, &s, "Rebels attacked the army base in the north on Sunday , killing ten soldiers .");
    assert_tree(&s);
    /* attacked is the root, Rebels its subject, base its object */
    assert_int_equal(s.w[1].head, 0);
    assert_int_equal(s.w[0].head, 2);
    assert_string_equal(m.labels[s.w[0].label], "nsubj");
    assert_int_equal(s.w[4].head, 2);
    assert_string_equal(m.labels[s.w[4].label], "obj");
    assert_string_equal(m.upos[s.w[1].tag], "VERB");
    assert_string_equal(m.xpos[s.w[1].tag], "VBD");
    assert_string_equal(m.xpos[s.w[11].tag], "VBG");
    /* random word salad, one word, and a sentence too long to parse */
    const char *vocab[] = {"the", "of", ",", "Iran", "said", "attack", "(", ")", "and", "who", "5", "--", "x"};
    uint64_t r = 42;
    char buf[4096];
    for (int k = 0; k < 200; k++) {
        size_t o = 0, len = 1 + (size_t)(k % 60);
        for (size_t i = 0; i < len; i++) {
            r = r * 6364136223846793005ULL + 1442695040888963407ULL;
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s ", vocab[(r >> 33) % 13]);
        }
        analyse(&m, &s, buf);
        assert_tree(&s);
    }
    nb_buf big = {0};
    for (int i = 0; i < NB_MAX_PARSE_WORDS + 50; i++) nb_buf_puts(&big, "word ");
    analyse(&m, &s, big.data);
    assert_tree(&s);
    nb_buf_free(&big);
    analyse(&m, &s, "Hello");
    assert_tree(&s);
    analyse(&m, &s, "");
    assert_int_equal(s.n, 0);
    nb_sent_free(&s);
    nb_nlp_free(&m);
}

/* Cue lookups go by lemma: every form of a verb reaches one entry. */
static void test_lemmas(void **state)
{
    (void)state;
    nb_nlp m;
    if (!shipped(&m)) return;
    nb_sent s = {0};
    static const struct {
        const char *text;
        size_t word;
        const char *lemma;
    } cases[] = {
        {"They condemned the strikes .", 1, "condemn"},
        {"He is condemning the strikes .", 2, "condemn"},
        {"She condemns the strikes .", 1, "condemn"},
        {"The strikes killed many .", 1, "strike"},
        {"Rebels struck the base .", 1, "strike"},
        {"Iran funds the militias .", 3, "militia"},
        {"Iran was funding the militias .", 2, "fund"},
        {"The army has bombarded the town .", 3, "bombard"},
        {"Russia supplied drones .", 1, "supply"},
        {"The rebels were shelling villages .", 3, "shell"},
        {"He led the group .", 1, "lead"},
        {"Gunmen ambushed a convoy .", 1, "ambush"},
        {"Officials lambasted the decision .", 1, "lambaste"},
        {"Iran 's leaders said so .", 2, "leader"},
        {"They were criticising the move .", 2, "criticise"},
        /* a prefixed irregular verb; a demonym is no other demonym */
        {"Fighters outfought the army .", 1, "outfight"},
        {"They rebuilt the bridge .", 1, "rebuild"},
        {"Militants have overrun the base .", 2, "overrun"},
        {"Hamas has relied on Iran .", 2, "rely"},
        {"Hamas relies on Iran .", 1, "rely"},
        {"The Sudanese army said so .", 1, "sudanese"},
        {"The Congolese government said so .", 1, "congolese"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        analyse(&m, &s, cases[i].text);
        if (strcmp(nb_sent_lemma(&s, cases[i].word), cases[i].lemma))
            fail_msg("'%s': word %zu has lemma '%s', want '%s'", cases[i].text, cases[i].word,
                     nb_sent_lemma(&s, cases[i].word), cases[i].lemma);
    }
    nb_sent_free(&s);
    nb_nlp_free(&m);
}

static size_t identity(void *ctx, size_t off)
{
    (void)ctx;
    return off + 100;
}

static void test_conllu_output(void **state)
{
    (void)state;
    nb_nlp m;
    if (!shipped(&m)) return;
    nb_sent s = {0};
    const char *text = "Iran 's proxies struck .";
    analyse(&m, &s, text);
    s.w[0].mwt = 2;
    s.w[0].space_after = false;
    nb_buf out = {0};
    nb_conllu_write(&out, &m, &s, "doc#1", text, strlen(text), identity, NULL, NULL, 0);
    /* every token line has ten columns and file offsets in MISC */
    size_t lines = 0;
    for (char *line = strtok(out.data, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#') continue;
        size_t tabs = 0;
        for (char *c = line; *c; c++) tabs += *c == '\t';
        assert_int_equal(tabs, 9);
        assert_non_null(strstr(line, "Offset="));
        lines++;
    }
    assert_int_equal(lines, 6); /* a multiword line and five words */
    nb_buf_free(&out);
    nb_sent_free(&s);
    nb_nlp_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_perceptron_learns_and_freezes),
        cmocka_unit_test(test_perceptron_sum_is_the_mean),
        cmocka_unit_test(test_perceptron_encodings),
        cmocka_unit_test(test_training_is_deterministic),
        cmocka_unit_test(test_bad_model_files),
        cmocka_unit_test(test_projectivize),
        cmocka_unit_test(test_transitions_rebuild_gold),
        cmocka_unit_test(test_shipped_model_trees),
        cmocka_unit_test(test_tagging_rules),
        cmocka_unit_test(test_lemmas),
        cmocka_unit_test(test_conllu_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
