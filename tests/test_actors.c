/* test_actors.c - the cross-article name index: the one-edit lookup finds
 * what a scan of every name in order found before it, and short names are
 * not stored again in every article. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actors.h"
#include "lexicon.h"
#include "pipeline.h"
#include "relations.h"

/* What resolve_name did before the index: every name in order, the first
 * with a skeleton of 8 bytes or more within one edit. */
static size_t scan_near(const nb_names *nm, const char *sk)
{
    if (strlen(sk) < 8) return SIZE_MAX;
    for (size_t i = 0; i < nm->n; i++)
        if (strlen(nm->skels[i]) >= 8 && nb_edit_distance(nm->skels[i], sk, 1) <= 1) return i;
    return SIZE_MAX;
}

static uint64_t rng_state = 88172645463325252ULL;
static unsigned next_rand(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state >> 11);
}

/* A skeleton-like string: lowercase letters with a space now and then. */
static void random_skel(char *out, size_t len)
{
    static const char A[] = "abdiklmnrstu ";
    for (size_t i = 0; i < len; i++) out[i] = A[next_rand() % (sizeof A - 1)];
    out[len] = '\0';
}

/* One random edit: substitution, insertion, deletion or adjacent swap. */
static void mutate(char *s)
{
    size_t n = strlen(s), k = next_rand() % n;
    switch (next_rand() % 4) {
    case 0: s[k] = (char)('a' + next_rand() % 26); break;
    case 1:
        memmove(s + k + 1, s + k, n - k + 1);
        s[k] = (char)('a' + next_rand() % 26);
        break;
    case 2: memmove(s + k, s + k + 1, n - k); break;
    default:
        if (k + 1 < n) {
            char t = s[k];
            s[k] = s[k + 1];
            s[k + 1] = t;
        }
    }
}

static void test_near_equals_scan(void **state)
{
    (void)state;
    nb_names nm = {0};
    char buf[80];
    /* Families of one-edit variants, so that several names match one query
     * and the lowest index must win. */
    for (size_t i = 0; i < 3000; i++) {
        if (i % 4 && nm.n) {
            strcpy(buf, nm.skels[next_rand() % nm.n]);
            if (strlen(buf) < 70) mutate(buf);
        } else {
            random_skel(buf, 5 + next_rand() % 62);
        }
        nb_names_add(&nm, buf, NB_KIND_PERSON, buf, strlen(buf));
    }
    size_t hits = 0;
    for (size_t q = 0; q < 20000; q++) {
        if (q % 2) {
            strcpy(buf, nm.skels[next_rand() % nm.n]);
            if (strlen(buf) < 70) mutate(buf);
            if (q % 3 == 0 && strlen(buf) < 70) mutate(buf); /* two edits: mostly no match */
        } else {
            random_skel(buf, 1 + next_rand() % 70);
        }
        size_t want = scan_near(&nm, buf), got = nb_names_near(&nm, buf, strlen(buf));
        /* Longer than 64 bytes, nb_edit_distance only tells equal strings,
         * and an equal skeleton is found by by_skel before this lookup. */
        if (strlen(buf) > 64 && want != SIZE_MAX && !strcmp(nm.skels[want], buf)) want = SIZE_MAX;
        if (want != got) fail_msg("\"%s\": index %zu, scan %zu", buf, got, want);
        hits += got != SIZE_MAX;
    }
    assert_true(hits > 5000); /* the test exercises matches, not only misses */
    nb_names_free(&nm);
}

/* A flood of names one edit apart: a lookup compares a bounded number. */
static void test_near_bounded(void **state)
{
    (void)state;
    nb_names nm = {0};
    char buf[32];
    for (size_t i = 0; i < 20000; i++) {
        snprintf(buf, sizeof buf, "kalashnikuv%c%c", 'a' + (int)(i % 26), 'a' + (int)(i / 26 % 26));
        nb_names_add(&nm, buf, NB_KIND_PERSON, buf, strlen(buf));
    }
    /* every name is within one edit of this one; the first still wins */
    assert_int_equal(nb_names_near(&nm, "kalashnikuvaa", 13), 0);
    assert_true(nb_names_near(&nm, "kalashnikuvzz", 13) != SIZE_MAX);
    nb_names_free(&nm);
}

static nb_status article(nb_pipeline *p, const char *path, const char *text)
{
    return nb_pipeline_text(p, path, text, strlen(text));
}

static size_t node_named(const nb_network *net, const char *label)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (!strcmp(net->nodes[i].label, label)) return i;
    return SIZE_MAX;
}

static void test_pipeline_names(void **state)
{
    (void)state;
    nb_pipeline p;
    nb_pipeline_init(&p);
    assert_int_equal(article(&p, "a.txt", "Residents said the fighting lasted for hours.\n"
                                          "Witnesses said Abdulrahman Mohammedein commands the Tarawin "
                                          "Brigade, which attacked the Kassala Front.\n"),
                     NB_OK);
    size_t names = p.names.n;
    /* a one-letter slip in a later article is the same actor */
    assert_int_equal(article(&p, "b.txt", "Officials said Abdulrahman Mohamedein commands the Kassala Front.\n"),
                     NB_OK);
    /* short names are not stored again in every article */
    for (int i = 0; i < 20; i++) {
        char path[32], text[128];
        snprintf(path, sizeof path, "k%02d.txt", i);
        snprintf(text, sizeof text, "Witnesses said Kim condemned the Tarawin Brigade (copy %d).\n", i);
        assert_int_equal(article(&p, path, text), NB_OK);
    }
    assert_int_equal(p.names.n, names);
    nb_network_finish(&p.net, true);
    assert_true(node_named(&p.net, "Abdulrahman Mohammedein") != SIZE_MAX);
    assert_int_equal(node_named(&p.net, "Abdulrahman Mohamedein"), SIZE_MAX);
    nb_pipeline_free(&p);
}

/* The description nouns ("the alliance", "the bloc") name organisations by
 * their dictionary names: each must be an organisation there, under that
 * very name, or the description finds nothing. */
static void test_org_nouns_in_dictionary(void **state)
{
    (void)state;
    nb_dict d;
    nb_dict_init(&d);
    nb_buf err = {0};
    assert_int_equal(nb_dict_load(&d, "data/actors.csv", &err), NB_OK);
    assert_true(nb_lex_org_noun_count() > 0);
    for (size_t i = 0; i < nb_lex_org_noun_count(); i++) {
        const char *name = nb_lex_org_noun_name(i);
        nb_buf key = {0};
        nb_name_key(name, strlen(name), &key);
        size_t e;
        unsigned fl;
        if (!nb_dict_get(&d, key.data, &e, &fl) || strcmp(d.entries[e].name, name) ||
            d.entries[e].kind != NB_KIND_ORG)
            fail_msg("'%s' is no organisation of that name in data/actors.csv", name);
        nb_buf_free(&key);
    }
    assert_true(nb_lex_org_noun("NATO", "alliance"));
    assert_false(nb_lex_org_noun("NATO", "bloc"));
    nb_buf_free(&err);
    nb_dict_free(&d);
}

/* A small dictionary for the coreference cases: two states, a group. */
static void coref_dict(nb_dict *d)
{
    nb_dict_init(d);
    size_t e = nb_dict_add(d, "Somalia", NB_KIND_COUNTRY);
    nb_dict_add_alias(d, e, "Somali", NB_ALIAS_DEMONYM);
    nb_dict_add_alias(d, e, "Mogadishu", 0);
    e = nb_dict_add(d, "Kenya", NB_KIND_COUNTRY);
    nb_dict_add_alias(d, e, "Kenyan", NB_ALIAS_DEMONYM);
    e = nb_dict_add(d, "Uganda", NB_KIND_COUNTRY);
    nb_dict_add_alias(d, e, "Ugandan", NB_ALIAS_DEMONYM);
    nb_dict_add(d, "al-Shabaab", NB_KIND_ORG);
    nb_dict_add(d, "Human Rights Watch", NB_KIND_ORG);
}

/* Runs the actors stage over the sentences of text (split at '\n') and
 * returns the label of the actor item that covers the first token of the
 * last sentence spelled word (case-insensitive), or "" when that token is
 * no actor. The result is copied into out. */
static const char *actor_at(const nb_dict *d, const char *text, const char *word, char *out, size_t cap)
{
    nb_names names = {0};
    nb_article_actors aa;
    nb_actors_begin(&aa, d, &names);
    nb_tok *toks = NULL;
    size_t tcap = 0, icap = 0;
    nb_item *items = NULL;
    nb_buf words = {0};
    out[0] = '\0';
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        char *sent = nb_malloc(len + 1);
        memcpy(sent, s, len);
        sent[len] = '\0';
        size_t nt = nb_tokenize(sent, len, &toks, &tcap);
        size_t ni = nb_actors_items(&aa, sent, toks, nt, &items, &icap, &words);
        out[0] = '\0';
        bool found = false;
        for (size_t t = 0; t < nt && !found; t++) {
            if (toks[t].len != strlen(word) || strncasecmp(sent + toks[t].start, word, toks[t].len)) continue;
            found = true;
            for (size_t k = 0; k < ni; k++)
                if (items[k].t0 <= t && t < items[k].t1 && (items[k].flags & NB_IT_ACTOR) && items[k].ent >= 0) {
                    int en = items[k].ent;
                    while (aa.ents[en].alias_of >= 0) en = aa.ents[en].alias_of;
                    snprintf(out, cap, "%s", aa.ents[en].label);
                }
        }
        free(sent);
        s += len;
        if (*s) s++;
    }
    free(toks);
    free(items);
    nb_buf_free(&words);
    nb_actors_end(&aa);
    nb_names_free(&names);
    return out;
}

/* A coreference case: in text (sentences split at '\n'), the word of the
 * last sentence is the actor want ("" for none). */
typedef struct {
    const char *text, *word, *want;
} coref_case;

static void check_cases(const coref_case *C, size_t n, const char *intro)
{
    nb_dict d;
    coref_dict(&d);
    char out[128], text[512];
    for (size_t i = 0; i < n; i++) {
        snprintf(text, sizeof text, "%s%s", intro, C[i].text);
        if (strcmp(actor_at(&d, text, C[i].word, out, sizeof out), C[i].want))
            fail_msg("%s: '%s' is '%s', not '%s'", C[i].text, C[i].word, out, C[i].want);
    }
    nb_dict_free(&d);
}

/* Unnamed state forces ("soldiers", "troops", "an army patrol", "security
 * forces") are the state the article is about, unless they have an owner
 * of their own or two states are named as often. */
static void test_state_forces(void **state)
{
    (void)state;
    static const coref_case C[] = {
        {"Al-Shabaab fighters killed seven soldiers in an ambush.", "soldiers", "Somalia"},
        {"On Wednesday, troops ambushed a group of fighters.", "troops", "Somalia"},
        {"Gunmen attacked an army patrol near the town.", "army", "Somalia"},
        {"Gunmen overran a military base near the town.", "military", "Somalia"},
        {"Security forces raided the village.", "security", "Somalia"},
        /* the sentence names the owner: "on the Kenyan army" */
        {"Militants killed 16 soldiers in an attack on the Kenyan army.", "soldiers", "Kenya"},
        /* negatives: owned forces, names, other owners */
        {"Ugandan soldiers were killed.", "soldiers", "Uganda"},
        {"Rebel soldiers looted the town.", "soldiers", ""},
        /* "its soldiers" is the owner the possessive names, not the state */
        {"Al-Shabaab said its soldiers withdrew.", "soldiers", "al-Shabaab"},
        {"Troops from Kenya arrived.", "troops", ""},
        {"Former soldiers protested.", "soldiers", ""},
        {"Turkey runs its largest overseas military base there.", "military", ""},
    };
    check_cases(C, sizeof C / sizeof C[0], "Somalia's government met in Mogadishu on Monday.\n");
    /* a lead sentence that names no state, or two as often: no guess */
    static const coref_case LEAD[] = {
        {"Gunmen killed seven soldiers on Monday.", "soldiers", ""},
        {"Kenya and Uganda met on Monday.\nGunmen killed seven soldiers on the road.", "soldiers", ""},
    };
    check_cases(LEAD, sizeof LEAD / sizeof LEAD[0], "");
}

/* "the rebels", "the militants" refer to the armed organisation the article
 * named (the one named most), and stay a generic group when none is. */
static void test_armed_group(void **state)
{
    (void)state;
    static const coref_case C[] = {
        {"Al-Shabaab militants attacked a base.\nKenya accused the militants of taking money.", "militants",
         "al-Shabaab"},
        /* "X, a rebel group" calls X armed; a possessive "the rebels'" too */
        {"Al-Shabaab, a jihadist movement, met on Monday.\nKenya doubted the rebels' sincerity.", "rebels",
         "al-Shabaab"},
        /* the group named most, not the latest armed one */
        {"Al-Shabaab fighters met.\nAl-Shabaab spoke.\nTarawin rebels met.\nThe rebels left.", "rebels",
         "al-Shabaab"},
        /* negatives: no armed organisation named (an NGO is none), a count,
         * an owner named after */
        {"Human Rights Watch spoke on Monday.\nThe rebels left.", "rebels", "rebels"},
        /* "the Iran-backed rebels": the armed organisation, backed */
        {"Al-Shabaab fighters attacked a base.\nThe Kenya-backed rebels left.", "rebels", "al-Shabaab"},
        {"Human Rights Watch spoke.\nThe Kenya-backed rebels left.", "rebels", "rebels"},
        /* "X of Y" before a lower-case organisation noun is one name */
        {"Kenya spoke.\nLaith Balous heads the Men of Dignity movement.", "Men", "Men of Dignity"},
        /* the first word after a dateline is a sentence's first word */
        {"Kenya spoke.\nMOGADISHU (AFP) - Artillery shells hit a market.", "Artillery", ""},
        /* "the militia" is no rights group: the armed one before it, or none */
        {"Al-Shabaab fighters met.\nHuman Rights Watch spoke.\nThe militia left.", "militia", "al-Shabaab"},
        {"Human Rights Watch spoke on Monday.\nThe militia left.", "militia", ""},
        {"Al-Shabaab militants attacked a base.\nTwo of the militants were killed.", "militants", "militants"},
        {"Al-Shabaab militants attacked a base.\nThe rebels of the Tarawin Brigade left.", "rebels", "Tarawin Brigade"},
        /* a name that opens with a digit, typed an organisation by a
         * predicate nominative, is what "the rebels" and "it" mean */
        {"The 4K is a militia that emerged in 2019.\nIt attacked a base.", "It", "4K"},
        {"The 4K, an armed group, emerged in 2019.\nKenya accused the rebels of lying.", "rebels", "4K"},
        {"The 27th Front, a rebel faction, met.\nKenya accused the rebels of lying.", "rebels", "27th Front"},
        {"The 27th Front, a dissident faction, met.\nKenya accused the rebels of lying.", "rebels", "rebels"},
        /* an apposition retypes a guessed person: "Tarawin South Watch, an
         * independent monitoring group" is an organisation, and so is one
         * of "the most powerful of the separatist groups" */
        {"Tarawin South Watch, an independent monitoring group, met.\nIt attacked a base.", "It",
         "Tarawin South Watch"},
        {"It was a cell of the Barisan Kassala Nasional, the most powerful of the separatist groups fighting for "
         "autonomy.\nIt attacked a base.",
         "It", "Barisan Kassala Nasional"},
        /* "the New York-based group" is the organisation named before */
        {"Human Rights Watch spoke.\nThe New York-based group met.", "group", "Human Rights Watch"},
        {"Human Rights Watch spoke.\nThe New York-based group met.", "York", "Human Rights Watch"},
        /* a person described by a role stays one */
        {"Ahmed Farouk Hamid, a spokesman for the movement, met.\nIt attacked a base.", "It", ""},
        {"Ahmed Farouk Hamid, a member of the group, met.\nIt attacked a base.", "It", ""},
        /* a clause after a comma types nothing; a year is no name */
        {"Should the Tarawin attack Kalehe, the army would fail.\nIt attacked a base.", "It", ""},
        {"In 2019 the talks failed.", "2019", ""},
    };
    check_cases(C, sizeof C / sizeof C[0], "");
}

/* Pronouns agree in number and animacy, and one outside quotes does not
 * reach back into them: an actor named only inside a quotation is no
 * antecedent of the narrator's "it". */
static void test_pronoun_agreement(void **state)
{
    (void)state;
    static const coref_case C[] = {
        {"Al-Shabaab said it attacked a base.", "it", "al-Shabaab"},
        {"Al-Shabaab fired rockets on Monday.\nIt attacked a base on Tuesday.", "It", "al-Shabaab"},
        /* the quotation in between does not hide the earlier antecedent */
        {"Al-Shabaab fired rockets.\n\"We will respond,\" Ahmed Farouk said.\nIt attacked a base.", "It",
         "al-Shabaab"},
        /* negatives: the only agreeing antecedent is quoted (also across
         * two sentences of one quotation); "they" after one person */
        {"\"Al-Shabaab is a terrorist group,\" Ahmed Farouk said.\nIt attacked a base.", "It", ""},
        {"\xe2\x80\x9cKenya is lying.\nAl-Shabaab is strong,\xe2\x80\x9d Ahmed Farouk said.\nIt attacked a base.",
         "It", ""},
        {"Ahmed Farouk spoke on Monday.\nThey attacked a base.", "They", ""},
        /* inside the quotation, a quoted antecedent is fine */
        {"\"Al-Shabaab lies. It attacked a base,\" Ahmed Farouk said.", "It", "al-Shabaab"},
    };
    check_cases(C, sizeof C / sizeof C[0], "");
}

/* "the attackers" are who carried out the article's latest attack (one
 * actor), as the relations stage noted it; none noted, they stay words. */
static void test_attackers(void **state)
{
    (void)state;
    nb_dict d;
    coref_dict(&d);
    nb_names names = {0};
    nb_article_actors aa;
    nb_actors_begin(&aa, &d, &names);
    nb_tok *toks = NULL;
    size_t tcap = 0, icap = 0;
    nb_item *items = NULL;
    nb_buf words = {0};
    const char *s1 = "Kenya met on Monday.";
    size_t nt = nb_tokenize(s1, strlen(s1), &toks, &tcap);
    nb_actors_items(&aa, s1, toks, nt, &items, &icap, &words);
    const char *s2 = "Troops pursued the attackers.";
    nt = nb_tokenize(s2, strlen(s2), &toks, &tcap);
    size_t ni = nb_actors_items(&aa, s2, toks, nt, &items, &icap, &words);
    for (size_t k = 0; k < ni; k++) assert_false(!strcmp(items[k].w, "the") && (items[k].flags & NB_IT_ACTOR));
    /* al-Shabaab attacked: the relations stage notes it */
    const char *s3 = "Al-Shabaab attacked a base.";
    nt = nb_tokenize(s3, strlen(s3), &toks, &tcap);
    ni = nb_actors_items(&aa, s3, toks, nt, &items, &icap, &words);
    int shabaab = -1;
    for (size_t k = 0; k < ni; k++)
        if ((items[k].flags & NB_IT_ACTOR) && items[k].ent >= 0) shabaab = items[k].ent;
    assert_true(shabaab >= 0);
    aa.events[aa.n_events++ % 8] = (nb_attack_event){.ents = {shabaab}, .n = 1, .family = 'a'};
    nt = nb_tokenize(s2, strlen(s2), &toks, &tcap);
    ni = nb_actors_items(&aa, s2, toks, nt, &items, &icap, &words);
    bool found = false;
    for (size_t k = 0; k < ni; k++)
        if (!strcmp(items[k].w, "the") && (items[k].flags & NB_IT_ACTOR)) found = items[k].ent == shabaab;
    assert_true(found);
    free(toks);
    free(items);
    nb_buf_free(&words);
    nb_actors_end(&aa);
    nb_names_free(&names);
    nb_dict_free(&d);
}

/* What an attack struck is remembered with it: a later "X claimed the
 * ambush" recalls it; another attacker's attack keeps its own. */
static void test_struck(void **state)
{
    (void)state;
    nb_article_actors aa;
    nb_dict d;
    nb_dict_init(&d);
    nb_names names = {0};
    nb_actors_begin(&aa, &d, &names);
    /* (bare entities: the memory reads only their kinds) */
    aa.ents = calloc(10, sizeof *aa.ents);
    aa.n_ents = aa.cap_ents = 10;
    for (size_t i = 0; i < 10; i++) {
        aa.ents[i].alias_of = -1;
        aa.ents[i].kind = NB_KIND_ORG;
    }
    int gunmen = 3, army = 5, pakistan = 7, ttp = 9, got[4];
    aa.ents[gunmen].kind = NB_KIND_GROUP;
    aa.ents[army].kind = aa.ents[pakistan].kind = NB_KIND_COUNTRY;
    nb_relations_note_attack(&aa, &gunmen, 1, "ambushed");
    nb_relations_note_struck(&aa, gunmen, pakistan, NULL);
    nb_relations_note_struck(&aa, gunmen, pakistan, NULL); /* once only */
    nb_relations_note_attack(&aa, &army, 1, "strikes");
    nb_relations_note_struck(&aa, army, ttp, NULL);
    assert_int_equal(nb_relations_recall_struck(&aa, "ambush", got, 4), 1);
    assert_int_equal(got[0], pakistan);
    assert_int_equal(nb_relations_recall_struck(&aa, "strike", got, 4), 1);
    assert_int_equal(got[0], ttp);
    /* "the attack": the article's first, its main event */
    assert_int_equal(nb_relations_recall_struck(&aa, "attack", got, 4), 1);
    assert_int_equal(got[0], pakistan);
    nb_actors_end(&aa);
    nb_names_free(&names);
    nb_dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_near_equals_scan),
        cmocka_unit_test(test_near_bounded),
        cmocka_unit_test(test_pipeline_names),
        cmocka_unit_test(test_org_nouns_in_dictionary),
        cmocka_unit_test(test_state_forces),
        cmocka_unit_test(test_armed_group),
        cmocka_unit_test(test_pronoun_agreement),
        cmocka_unit_test(test_attackers),
        cmocka_unit_test(test_struck),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
