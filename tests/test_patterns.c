/* test_patterns.c - the tree pattern engine: loading the pattern language
 * and the cue lexicon (errors name the file and line), inflected cue forms,
 * and relations read from parsed sentences with their blocking. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "patterns.h"
#include "repair.h"
#include "udtok.h"

static nb_nlp nlp;

static char *write_tmp(const char *text)
{
    char *path = nb_strdup("/tmp/nb_patterns_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static const char *CUES = "attack\tVERB\tattacked\t-\t-\tt\n"
                          "fund\tVERB\tfunds\tmoney\t-\tt\n"
                          "point finger at\tVERB\tcondemns\t-\t-\tt\n"
                          "leader\tROLE\tcommands\t-\tof\tt\n";
static const char *PATS = "active VERB subj obj|obl/$|obj.nmod/$\n"
                          "passive VERB obl:agent nsubj:pass\n"
                          "role-appos ROLE ^appos nmod/$\n"
                          "@NEG not never\n@MODAL would could will\n@COND if\n@RELPRON who which\n"
                          "@XCOMP_OK continue\n@BLOCK_GOV deny threaten\n";

static nb_patterns *load(const char *pats, const char *cues, nb_buf *err)
{
    char *pp = write_tmp(pats), *cp = write_tmp(cues);
    nb_patterns *P = NULL;
    nb_patterns_load(&P, &nlp, pp, cp, NULL, err);
    unlink(pp);
    unlink(cp);
    free(pp);
    free(cp);
    return P;
}

static void test_load_errors(void **state)
{
    (void)state;
    nb_buf err = {0};
    assert_null(load("bad VERB nosuchlabel obj\n", CUES, &err));
    assert_non_null(strstr(err.data, ":1:"));
    nb_buf_clear(&err);
    assert_null(load("x NOUNISH subj obj\n", CUES, &err));
    nb_buf_clear(&err);
    assert_null(load(PATS, "attack\tVERB\tpunches\n", &err));
    assert_non_null(strstr(err.data, ":1:"));
    nb_buf_clear(&err);
    nb_patterns *P = NULL;
    assert_int_equal(nb_patterns_load(&P, &nlp, "/nonexistent/patterns", "/nonexistent/cues", NULL, &err),
                     NB_ERR_IO);
    assert_null(P);
    /* the optional word lists: absent is no error, unreadable is (a folder
     * where the file should be: it opens, but reading fails) */
    char *pp = write_tmp(PATS), *cp = write_tmp(CUES);
    nb_buf_clear(&err);
    assert_int_equal(nb_patterns_load(&P, &nlp, pp, cp, "/nonexistent/negative.tsv", &err), NB_OK);
    assert_int_equal(nb_patterns_load_deverbal(P, "/nonexistent/deverbal.tsv", &err), NB_OK);
    assert_int_equal(nb_patterns_load_deverbal(P, "/tmp", &err), NB_ERR_IO);
    nb_patterns_free(P);
    P = NULL;
    assert_int_equal(nb_patterns_load(&P, &nlp, pp, cp, "/tmp", &err), NB_ERR_IO);
    assert_null(P);
    unlink(pp);
    unlink(cp);
    free(pp);
    free(cp);
    nb_buf_free(&err);
}

static void test_forms(void **state)
{
    (void)state;
    nb_buf err = {0};
    nb_patterns *P = load(PATS, CUES, &err);
    assert_non_null(P);
    assert_true(nb_patterns_cue_form(P, "attacked", 8));
    assert_true(nb_patterns_cue_form(P, "Attacking", 9));
    assert_true(nb_patterns_cue_form(P, "funds", 5));
    assert_true(nb_patterns_cue_form(P, "leaders", 7));
    assert_true(nb_patterns_cue_form(P, "pointed", 7));
    assert_false(nb_patterns_cue_form(P, "praised", 7));
    nb_patterns_free(P);
    nb_buf_free(&err);
}

/* Parses text; words whose form starts with a capital get an entity each
 * (the same name, the same entity). Returns "S rel D" lines. */
static int *analyze(const char *text, nb_sent *s, bool parse)
{
    nb_word *words = NULL;
    size_t wcap = 0;
    size_t nw = nb_udtok(text, strlen(text), &words, &wcap);
    for (size_t i = 0; i < nw; i++) nb_sent_add(s, text + words[i].start, words[i].start, words[i].len);
    free(words);
    /* the capitalised words stand for names (below), tagged as the
     * pipeline tags a recognised name's words */
    int propn = -1;
    for (int t = 0; t < nlp.n_tags && propn < 0; t++)
        if (!strcmp(nlp.upos[t], "PROPN") && !strcmp(nlp.xpos[t], "NNP")) propn = t;
    for (size_t i = 1; i < s->n && propn >= 0; i++)
        if (s->w[i].form[0] >= 'A' && s->w[i].form[0] <= 'Z') s->w[i].fixed = (uint16_t)(propn + 1);
    nb_nlp_analyze(&nlp, s, parse);
    nb_repair_labels rl;
    nb_repair_labels_init(&nlp, &rl);
    if (parse) nb_repair_tree(&nlp, &rl, s, NULL); /* the pipeline's tree */
    int *ent = calloc(s->n + 1, sizeof *ent);
    for (size_t i = 0; i < s->n; i++) {
        ent[i] = -1;
        if (s->w[i].form[0] >= 'A' && s->w[i].form[0] <= 'Z' && i > 0) ent[i] = s->w[i].form[0] - 'A';
    }
    return ent;
}

static char *run(nb_patterns *P, const char *text)
{
    nb_sent s = {0};
    int *ent = analyze(text, &s, true);
    nb_tree_rel *out = NULL;
    size_t n = 0, cap = 0;
    /* the pipeline skips the parse when this says no: never for a
     * sentence the patterns find a relation in */
    bool need = nb_patterns_need_parse(P, &nlp, &s, ent, NULL, NULL);
    nb_patterns_find(P, &nlp, &s, ent, NULL, NULL, &out, &n, &cap);
    if (n && !need) print_message("%s\n  has relations, but need_parse said no\n", text);
    assert_true(need || !n);
    nb_buf b = {0};
    nb_buf_puts(&b, "");
    for (size_t k = 0; k < n; k++)
        nb_buf_printf(&b, "%c %s %c;", 'A' + out[k].src, nb_rel_name(out[k].rel), 'A' + out[k].dst);
    free(out);
    free(ent);
    nb_sent_free(&s);
    return nb_buf_detach(&b);
}

static void expect(nb_patterns *P, const char *text, const char *want)
{
    char *got = run(P, text);
    if (strcmp(got, want)) print_message("%s\n  got '%s', want '%s'\n", text, got, want);
    assert_string_equal(got, want);
    free(got);
}

static void test_sentences(void **state)
{
    (void)state;
    nb_buf err = {0};
    nb_patterns *P = load(PATS, CUES, &err);
    assert_non_null(P);
    expect(P, "Then Iran attacked Kuwait on Monday.", "I attacked K;");
    expect(P, "Then Kuwait was attacked by Iran on Monday.", "I attacked K;");
    expect(P, "Then Iran and Syria attacked Kuwait.", "I attacked K;S attacked K;");
    expect(P, "Then Iran did not attack Kuwait.", "");
    expect(P, "Then Iran would attack Kuwait.", "");
    expect(P, "Then Iran denied that it attacked Kuwait.", "");
    expect(P, "Then Iran threatened to attack Kuwait.", "");
    expect(P, "Then Iran continued to attack Kuwait.", "I attacked K;");
    expect(P, "If Iran attacks Kuwait, prices will rise.", "");
    expect(P, "Did Iran attack Kuwait?", "");
    expect(P, "Then Iran funds Hamas.", "I funds H;");
    expect(P, "Then Nasser, the leader of Hamas, spoke.", "N commands H;");
    expect(P, "Then Oman pointed the finger at Kuwait.", "O condemns K;");
    expect(P, "Then Oman pointed at Kuwait.", "");
    nb_patterns_free(P);
    nb_buf_free(&err);
}

/* Does text (tagged only, entities as in run) want a parse? */
static bool need(nb_patterns *P, const char *text, nb_recall_fn recall)
{
    nb_sent s = {0};
    int *ent = analyze(text, &s, false);
    bool r = nb_patterns_need_parse(P, &nlp, &s, ent, recall, NULL);
    free(ent);
    nb_sent_free(&s);
    return r;
}

/* A recall that names entity 25 ('Z') for any attack word. */
static int recall_z(void *ud, int kind, const char *lemma, int *out, int max)
{
    (void)ud;
    (void)lemma;
    if (max < 1 || kind != NB_RECALL_ATTACK) return 0;
    out[0] = 25;
    return 1;
}

static void test_need_parse(void **state)
{
    (void)state;
    nb_buf err = {0};
    nb_patterns *P = NULL;
    assert_int_equal(nb_patterns_load(&P, &nlp, "data/patterns", "data/cues.tsv", "data/negative.tsv", &err), NB_OK);
    assert_true(need(P, "Then Iran attacked Kuwait on Monday.", NULL));
    assert_true(need(P, "Then Oman said the move by Iran was illegal.", NULL));
    /* two actors, no cue in a part of speech that fits */
    assert_false(need(P, "Then Iran and Kuwait met on Monday.", NULL));
    assert_false(need(P, "Then Oman said Iran was ready.", NULL));
    /* a cue, but one actor */
    assert_false(need(P, "Then Iran attacked the town.", NULL));
    /* one actor and an attack word the article's memory gives authors to */
    assert_false(need(P, "Then Iran condemned the strikes.", NULL));
    assert_true(need(P, "Then Iran condemned the strikes.", recall_z));
    nb_patterns_free(P);
    nb_buf_free(&err);
}

/* The shipped patterns and lexicons, through the tree alone: one case per
 * construction, with its negatives. */
static void test_data(void **state)
{
    (void)state;
    nb_buf err = {0};
    nb_patterns *P = NULL;
    assert_int_equal(nb_patterns_load(&P, &nlp, "data/patterns", "data/cues.tsv", "data/negative.tsv", &err), NB_OK);
    /* a title before the name, read as nmod:desc ("Hezbollah chief Naim Qassem") */
    expect(P, "Then Hamas chief Nasser condemned Oman.", "N commands H;N condemns O;");
    expect(P, "Then Hamas leader Nasser did not condemn Oman.", "N commands H;");
    /* the receiver is the subject, the giver after "from" */
    expect(P, "Then Hamas received weapons and money from Iran.", "I funds H;");
    expect(P, "Then Hamas receives money, weapons and training from Iran.", "I funds H;");
    expect(P, "Then Hamas received a delegation from Iran.", "");
    expect(P, "Then Hamas denied receiving weapons from Iran.", "");
    expect(P, "Then Hamas may receive weapons from Iran.", "");
    expect(P, "Did Hamas receive weapons from Iran?", "");
    /* "target" is an attack verb, unless its instrument is not violent */
    expect(P, "Then Hamas targeted Israel with rockets.", "H attacked I;");
    expect(P, "Then Oman was targeted by Iran in the strike.", "I attacked O;");
    expect(P, "Then Oman targeted Iran with new sanctions.", "");
    expect(P, "Then Hamas threatened to target Israel.", "");
    /* nominal: the possessor acts, the goods between act and receiver */
    expect(P, "Then Iran's supply of drones to Russia was documented.", "I funds R;");
    expect(P, "Then Iran's delivery of missiles to Russia began.", "I funds R;");
    expect(P, "Then Iran's planned delivery of missiles to Russia was cancelled.", "");
    expect(P, "Then Nasser's command of Hamas went unchallenged.", "N commands H;");
    /* "claimed responsibility for the attack on Y"; the claim's scope reaches the attack */
    expect(P, "Then Hamas claimed responsibility for the attack on Israel.", "H attacked I;");
    expect(P, "Then Hamas did not claim responsibility for the attack on Israel.", "");
    expect(P, "Then Hamas denied responsibility for the attack on Israel.", "");
    /* "claimed the attack on Y": a deed owned, asserted as the claim is */
    expect(P, "Then Hamas claimed the attack on Israel.", "H attacked I;");
    expect(P, "Then Hamas did not claim the attack on Israel.", "");
    expect(P, "Then Hamas claimed that Israel attacked Oman.", "");
    /* "X remains Y's chief paymaster" */
    expect(P, "Then Iran remains Hamas's chief paymaster.", "I funds H;");
    /* evaluative speech: the judgment in the object's modifier, and a
     * judgment with no actor of its own about what the speaker answers */
    expect(P, "Then Oman said Iran was waging a war of aggression.", "O condemns I;");
    expect(P, "Then Oman said Iran was waging a war of liberation.", "");
    expect(P, "Then Oman said the decision was illegal after Iran closed the border.", "O condemns I;");
    expect(P, "Then Oman said the decision was wise after Iran closed the border.", "");
    /* blame laid for a harm, in reported speech or with "held ... responsible" */
    expect(P, "Then Oman said Iran was responsible for the killings.", "O condemns I;");
    expect(P, "Then Oman said Iran was not responsible for the killings.", "");
    expect(P, "Then Oman said Iran was responsible for the ceasefire.", "");
    expect(P, "Then Oman held Iran responsible for the bombing.", "O condemns I;");
    expect(P, "Then Oman held talks with Iran.", "");
    /* condemning an act condemns its owner */
    expect(P, "Then Oman strongly condemned Iran's actions in the south.", "O condemns I;");
    expect(P, "Then Oman condemned the killing of Iran's general.", "");
    expect(P, "Then Oman did not condemn Iran's decision.", "");
    /* a state's site with no owner named: the state where it stands, for attacks only */
    expect(P, "Then Hamas attacked a military base in Oman on Tuesday.", "H attacked O;");
    expect(P, "Then Iran runs a military base in Oman.", "");
    /* "fighters of X": the preposition right after the word */
    expect(P, "Then fighters of Hamas attacked Oman.", "H attacked O;");
    /* the attribution after a quote, however the parser hangs it */
    expect(P, "\"Iran's actions in the south are a clear violation of the accords,\" the foreign minister Oman wrote on Sunday, adding that more would follow.", "O condemns I;");
    expect(P, "\"Iran's actions in the south are a welcome step towards the accords,\" the foreign minister Oman wrote on Sunday, adding that more would follow.", "");
    /* a cue verb the lemmatizer gets wrong ("blamed" as "blam") is known by its form */
    expect(P, "Then Oman blamed the bombing on Iran.", "O condemns I;");
    expect(P, "Then Oman has not blamed the bombing on Iran.", "");
    /* an act noun appended to a clause stands for the clause's subject */
    expect(P, "Then Iran closed the border, a decision Oman described as illegal.", "O condemns I;");
    expect(P, "Then Iran closed the border, a decision Oman described as wise.", "");
    expect(P, "Then Iran closed the border, a step criticised by Oman.", "O condemns I;");
    nb_patterns_free(P);
    nb_buf_free(&err);
}

int main(void)
{
    char why[256];
    if (nb_nlp_load(&nlp, "data/en_ewt.nbm", why, sizeof why) != NB_OK) {
        fprintf(stderr, "data/en_ewt.nbm: %s\n", why);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_data),
        cmocka_unit_test(test_need_parse),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    nb_nlp_free(&nlp);
    return rc;
}
