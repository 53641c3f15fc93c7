#include "relations.h"
#include "patterns.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

typedef struct {
    nb_article_actors *aa;
    const nb_item *it;
    int n;
    nb_found **out;
    size_t *n_out, *cap;
    bool question;
} rctx;

/* ---- word classes ------------------------------------------------------- */

typedef struct {
    const char *w;
    nb_rel rel;
    char form; /* 'p' present, 'd' past (also participle), 'n' participle only, 'b' base */
} trigger;

static const trigger TRIGGERS[] = {
    {"backs", NB_REL_FUNDS, 'p'}, {"back", NB_REL_FUNDS, 'b'}, {"backed", NB_REL_FUNDS, 'd'},
    {"supports", NB_REL_FUNDS, 'p'}, {"support", NB_REL_FUNDS, 'b'},
    {"supported", NB_REL_FUNDS, 'd'}, {"funds", NB_REL_FUNDS, 'p'}, {"fund", NB_REL_FUNDS, 'b'},
    {"funded", NB_REL_FUNDS, 'd'}, {"finances", NB_REL_FUNDS, 'p'},
    {"financed", NB_REL_FUNDS, 'd'}, {"finance", NB_REL_FUNDS, 'b'}, {"arms", NB_REL_FUNDS, 'p'},
    {"armed", NB_REL_FUNDS, 'd'}, {"trains", NB_REL_FUNDS, 'p'}, {"trained", NB_REL_FUNDS, 'd'},
    {"train", NB_REL_FUNDS, 'b'}, {"sponsors", NB_REL_FUNDS, 'p'},
    {"sponsored", NB_REL_FUNDS, 'd'}, {"equips", NB_REL_FUNDS, 'p'},
    {"equipped", NB_REL_FUNDS, 'd'}, {"equip", NB_REL_FUNDS, 'b'}, {"arm", NB_REL_FUNDS, 'b'},
    {"sponsor", NB_REL_FUNDS, 'b'}, {"bankrolls", NB_REL_FUNDS, 'p'},
    {"bankrolled", NB_REL_FUNDS, 'd'}, {"bankroll", NB_REL_FUNDS, 'b'},
    {"leads", NB_REL_COMMANDS, 'p'}, {"lead", NB_REL_COMMANDS, 'b'},
    {"led", NB_REL_COMMANDS, 'd'}, {"heads", NB_REL_COMMANDS, 'p'},
    {"headed", NB_REL_COMMANDS, 'd'}, {"commands", NB_REL_COMMANDS, 'p'},
    {"commanded", NB_REL_COMMANDS, 'd'}, {"command", NB_REL_COMMANDS, 'b'},
    {"ordered", NB_REL_COMMANDS, 'd'}, {"orders", NB_REL_COMMANDS, 'p'},
    {"instructed", NB_REL_COMMANDS, 'd'}, {"instructs", NB_REL_COMMANDS, 'p'},
    {"directs", NB_REL_COMMANDS, 'p'}, {"directed", NB_REL_COMMANDS, 'd'},
    {"controls", NB_REL_COMMANDS, 'p'}, {"controlled", NB_REL_COMMANDS, 'd'},
    {"founded", NB_REL_COMMANDS, 'd'}, {"oversees", NB_REL_COMMANDS, 'p'},
    {"oversaw", NB_REL_COMMANDS, 'd'},
    {"condemns", NB_REL_CONDEMNS, 'p'}, {"condemn", NB_REL_CONDEMNS, 'b'},
    {"condemned", NB_REL_CONDEMNS, 'd'}, {"denounces", NB_REL_CONDEMNS, 'p'},
    {"denounce", NB_REL_CONDEMNS, 'b'}, {"denounced", NB_REL_CONDEMNS, 'd'},
    {"blames", NB_REL_CONDEMNS, 'p'}, {"blame", NB_REL_CONDEMNS, 'b'},
    {"blamed", NB_REL_CONDEMNS, 'd'}, {"accuses", NB_REL_CONDEMNS, 'p'},
    {"accuse", NB_REL_CONDEMNS, 'b'}, {"accused", NB_REL_CONDEMNS, 'd'},
    {"criticizes", NB_REL_CONDEMNS, 'p'}, {"criticized", NB_REL_CONDEMNS, 'd'},
    {"criticize", NB_REL_CONDEMNS, 'b'}, {"criticises", NB_REL_CONDEMNS, 'p'},
    {"criticised", NB_REL_CONDEMNS, 'd'}, {"criticise", NB_REL_CONDEMNS, 'b'},
    {"slams", NB_REL_CONDEMNS, 'p'}, {"slammed", NB_REL_CONDEMNS, 'd'},
    {"decries", NB_REL_CONDEMNS, 'p'}, {"decried", NB_REL_CONDEMNS, 'd'},
    {"censured", NB_REL_CONDEMNS, 'd'}, {"rebuked", NB_REL_CONDEMNS, 'd'},
    {"lambasted", NB_REL_CONDEMNS, 'd'}, {"deplored", NB_REL_CONDEMNS, 'd'},
    {"deplores", NB_REL_CONDEMNS, 'p'}, {"castigated", NB_REL_CONDEMNS, 'd'},
    {"attacks", NB_REL_ATTACKED, 'p'}, {"attack", NB_REL_ATTACKED, 'b'},
    {"attacked", NB_REL_ATTACKED, 'd'}, {"struck", NB_REL_ATTACKED, 'd'},
    {"strikes", NB_REL_ATTACKED, 'p'}, {"kills", NB_REL_ATTACKED, 'p'},
    {"killed", NB_REL_ATTACKED, 'd'}, {"kill", NB_REL_ATTACKED, 'b'},
    {"bombed", NB_REL_ATTACKED, 'd'}, {"bombs", NB_REL_ATTACKED, 'p'},
    {"shelled", NB_REL_ATTACKED, 'd'}, {"shells", NB_REL_ATTACKED, 'p'},
    {"raided", NB_REL_ATTACKED, 'd'}, {"targeted", NB_REL_ATTACKED, 'd'},
    {"targets", NB_REL_ATTACKED, 'p'}, {"targetted", NB_REL_ATTACKED, 'd'},
    {"assassinated", NB_REL_ATTACKED, 'd'}, {"ambushed", NB_REL_ATTACKED, 'd'},
    {"invaded", NB_REL_ATTACKED, 'd'}, {"stormed", NB_REL_ATTACKED, 'd'},
    {"shot", NB_REL_ATTACKED, 'd'}, {"massacred", NB_REL_ATTACKED, 'd'},
    {"bombarded", NB_REL_ATTACKED, 'd'}, {"pounded", NB_REL_ATTACKED, 'd'},
    {"hit", NB_REL_ATTACKED, 'n'}, {"executed", NB_REL_ATTACKED, 'n'},
    {"overran", NB_REL_ATTACKED, 'd'}, {"overrun", NB_REL_ATTACKED, 'n'},
    {"captured", NB_REL_ATTACKED, 'd'}, {"shelling", NB_REL_ATTACKED, 'n'},
    {NULL, NB_REL_FUNDS, 0}};

static nb_map trigger_index;
/* built once, whichever extraction thread asks first */
static pthread_once_t trigger_once = PTHREAD_ONCE_INIT;

static void free_triggers(void) { nb_map_free(&trigger_index); }

static void init_triggers(void)
{
    atexit(free_triggers);
    for (size_t i = 0; TRIGGERS[i].w; i++) nb_map_put(&trigger_index, TRIGGERS[i].w, i);
}

static const trigger *find_trigger(const char *w)
{
    pthread_once(&trigger_once, init_triggers);
    size_t i;
    return nb_map_get(&trigger_index, w, &i) ? &TRIGGERS[i] : NULL;
}

static const char *const NEG[] = {"not", "never", "no", "neither", "nor", "without",
                                  "cannot", "hardly", NULL};
static const char *const MODAL[] = {"would", "could", "might", "may", "should", "will", "shall",
                                    "can", "must", "'d", "'ll", "wo", "ca", NULL};
/* Words that put what follows in their clause outside what happened. */
static const char *const INTENT[] = {
    "vow", "vows", "vowed", "vowing", "threaten", "threatens", "threatened", "threatening",
    "threat", "threats", "warn", "warns", "warned", "warning", "plan", "plans", "planned",
    "planning", "intend", "intends", "intended", "pledge", "pledged", "pledges", "promise",
    "promised", "promises", "urge", "urged", "urges", "urging", "demand", "demanded",
    "demands", "demanding", "want", "wants", "wanted", "seek", "seeks", "sought", "deny",
    "denied", "denies", "denying", "denial", "reject", "rejected", "rejects", "refuse",
    "refused", "refuses", "dismissed", "if", "unless", "whether", "ready", "prepared",
    "preparing", "expected", "likely", "fear", "fears", "feared", "possible", "potential",
    "alleged", "allegedly", "allegations", "speculation", "rumours", "rumors", "unclear",
    "hypothetical", "retaliate", "revenge", "avenge", "calls", "consider", "considering",
    "mulling", "weighing", "aims", "aim", "hope", "hopes", "hoped", "asked", "ask", "asks",
    "ordered", "told", "tell", "instructed", "push", "pushed", "pressing", "pressed",
    "attempt", "attempted", "tried", "try", "trying", "sought", "seeking", "accused",
    "blamed", "blame", "accuses", "accuse", "blames", "claims", "claimed", "claiming",
    "suspected", "neither", "nor", "risk", "risks", "prospect", "danger", "possibility",
    "scenario", NULL};
static const char *const ADVERB[] = {
    "also", "reportedly", "allegedly", "strongly", "repeatedly", "formerly", "previously",
    "later", "then", "recently", "already", "now", "still", "once", "publicly", "openly",
    "directly", "jointly", "briefly", "swiftly", "sharply", "roundly", "firmly",
    "vehemently", "fiercely", "heavily", "effectively", "secretly", "covertly",
    "successfully", "apparently", "just", "further", "subsequently", "again", "first",
    "long", "currently", "has", "have", "had", "having", "is", "are", "was", "were",
    "been", "be", "being", "did", "does", "do", "both", "all", "each", "together", "since",
    "long", "jointly", NULL};
static const char *const DET[] = {
    "the", "a", "an", "its", "their", "his", "her", "our", "some", "several", "two", "three",
    "four", "five", "six", "many", "dozens", "hundreds", "thousands", "various", "other",
    "all", "both", "these", "those", "this", "that", "another", "multiple", "numerous",
    "at", "least", "more", "than", NULL};
static const char *const QUANT[] = {
    "dozens", "hundreds", "thousands", "scores", "some", "many", "several", "one", "two",
    "three", "four", "five", "most", "all", "members", "fighters", "remnants", "elements",
    "units", "supporters", "militants", "troops", "soldiers", "forces", "positions", "bases",
    "headquarters", "camps", "hideouts", "strongholds", "wing", "branch", "arm", "leadership",
    "cells", "convoy", "commanders", "leaders", "officials", "group", "band", "unit",
    "training", "salaries", "deployment", "gathering", "meeting", "column", "contingent",
    "detachment", "squad", "hideouts", NULL};
static const char *const PREP[] = {
    "of", "in", "on", "at", "from", "with", "by", "for", "against", "between", "to", "into",
    "about", "like", "including", "near", "over", "under", "during", "after", "before",
    "among", "toward", "towards", "through", "across", "via", "despite", "amid", "than",
    "as", "unlike", "alongside", "behind", "beyond", "inside", "outside", "within",
    "around", "upon", "without", "since", "per", NULL};
static const char *const BOUNDARY[] = {
    ";", ":", "\"", "(", ")", "?", "!", ".", "[", "]", "that", "but", "while", "whereas",
    "although", "though", "because", "when", "where", "if", "unless", "whether", "after",
    "before", "until", "so", "since", "amid", "saying", "adding", "according", NULL};
static const char *const RELPRON[] = {"who", "which", "that", "whom", "whose", NULL};
static const char *const ROLE_ADJ[] = {
    "top", "senior", "military", "supreme", "overall", "former", "current", "new", "late",
    "political", "spiritual", "powerful", "de", "facto", "longtime", "long-time",
    "then", "veteran", "field", "operational", "founding", "influential", "prominent",
    "notorious", "shadowy", "elusive", "main", "chief", "regional", "local", "acting",
    "expeditionary", "elite", "overseas", "feared", "slain", "late", "self-styled", "bureau",
    "wing", "deputy", "army", "militia", "rebel", "operations", "intelligence", "security",
    "group", "movement", "'s", NULL};
static const char *const EVAL[] = {
    "unacceptable", "violation", "violations", "blatant", "aggression", "crime", "crimes",
    "criminal", "illegal", "terrorism", "terrorist", "outrageous", "cowardly", "heinous",
    "barbaric", "vicious", "brutal", "unjustified", "counterproductive", "reckless",
    "provocation", "provocative", "breach", "outrage", "atrocity", "unlawful",
    "irresponsible", "condemnable", "despicable", "treacherous", "savage", "illegitimate",
    "inhumane", "horrific", "abhorrent", "deplorable", "unprovoked", "shameful", "massacre",
    "genocide", "barbarity", "slaughter", "terror", "war", "stab", "carnage", NULL};
static const char *const SPEECH[] = {
    "said", "says", "called", "calls", "described", "describes", "termed", "branded",
    "labelled", "labeled", "calling", "describing", "denouncing", NULL};
static const char *const SAY[] = {"said", "says", "say", "told", "added", "stated", "announced",
                                  "insisted", "argued", "wrote", NULL};
static const char *const LIGHT[] = {
    "carried", "launched", "conducted", "staged", "mounted", "executed", "unleashed",
    "launches", "conducts", "carries", "stepped", NULL};
static const char *const STOPV[] = {
    "suspend", "suspended", "suspending", "cease", "ceased", "stop", "stopped", "halt",
    "halted", "end", "ended", "avoid", "avoided", "prevent", "prevented", "foiled", "foil",
    "thwarted", "thwart", "repelled", "repel", "denied", "deny", "role", "responsibility",
    NULL};
static const char *const EVENT_MOD[] = {
    "drone", "air", "missile", "rocket", "artillery", "mortar", "suicide", "car", "same",
    "deadly", "latest", "recent", "overnight", "retaliatory", "weekend", "weekend's",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "precision", "surprise", "cross-border", "ground", "naval", "military", "aerial",
    "targeted", "fresh", "new", "major", "massive", "large-scale", "coordinated",
    "early", "morning", "night", "deadliest", "bloody", "twin", "series", NULL};
static const char *const EVENT_HEAD[] = {
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
    "bombing", "bombings", "killing", "killings", "assassination", "shelling", "offensive",
    "assault", "assaults", "ambush", "invasion", "incursion", "bombardment", "barrage",
    "onslaught", "operation", "murder", "fire", "gunfire", "shellfire", "escalation",
    "aggression", "massacre", "atrocities", NULL};

static bool w_in(const rctx *r, int i, const char *const *list)
{
    if (i < 0 || i >= r->n) return false;
    const nb_item *it = &r->it[i];
    if (!(it->flags & (NB_IT_WORD | NB_IT_PUNCT)) || (it->flags & NB_IT_ACTOR)) return false;
    return nb_lex_in(it->w, strlen(it->w), list);
}
static bool w_is(const rctx *r, int i, const char *w)
{
    if (i < 0 || i >= r->n) return false;
    const nb_item *it = &r->it[i];
    return !(it->flags & NB_IT_ACTOR) && strcmp(it->w, w) == 0;
}
/* A dash between words, not the hyphen of "military-ruled". */
static bool dash(const rctx *r, int i)
{
    return w_is(r, i, "-") && !(r->it[i].flags & NB_IT_INWORD);
}
static bool actor(const rctx *r, int i)
{
    return i >= 0 && i < r->n && (r->it[i].flags & NB_IT_ACTOR) && r->it[i].ent >= 0;
}
/* An actor that can head a noun phrase (not "American" in "American jets"). */
static bool head_actor(const rctx *r, int i)
{
    return actor(r, i) && !(r->it[i].flags & NB_IT_MOD);
}
static nb_kind kind_of(const rctx *r, int i) { return r->aa->ents[r->it[i].ent].kind; }
static bool person_like(const rctx *r, int i)
{
    if (!head_actor(r, i)) return false;
    nb_kind k = kind_of(r, i);
    return k == NB_KIND_PERSON || k == NB_KIND_UNKNOWN;
}

static bool ends_nt(const rctx *r, int i)
{
    if (i < 0 || i >= r->n || (r->it[i].flags & NB_IT_ACTOR)) return false;
    size_t l = strlen(r->it[i].w);
    return l > 3 && strcmp(r->it[i].w + l - 3, "n't") == 0;
}
static bool adverb(const rctx *r, int i)
{
    if (w_in(r, i, ADVERB)) return true;
    if (i < 0 || i >= r->n || (r->it[i].flags & (NB_IT_ACTOR | NB_IT_PUNCT))) return false;
    size_t l = strlen(r->it[i].w);
    return l > 4 && strcmp(r->it[i].w + l - 2, "ly") == 0 && strcmp(r->it[i].w, "only") != 0;
}

static void emit(rctx *r, int src, nb_rel rel, int dst, const char *rule)
{
    if (src < 0 || dst < 0 || src == dst) return;
    for (size_t k = 0; k < *r->n_out; k++) {
        nb_found *f = &(*r->out)[k];
        if (f->src == src && f->dst == dst && f->rel == rel) return;
    }
    nb_grow(r->out, r->cap, *r->n_out + 1, sizeof **r->out);
    nb_found *f = &(*r->out)[(*r->n_out)++];
    f->src = src;
    f->dst = dst;
    f->rel = rel;
    f->rule = rule;
    f->support = NULL;
    f->also = 0;
}

/* Every source in src[0..ns) to every target in dst[0..nd). */
static void emit_pairs(rctx *r, const int *src, int ns, nb_rel rel, const int *dst, int nd,
                       const char *rule)
{
    for (int s = 0; s < ns; s++)
        for (int d = 0; d < nd; d++) emit(r, src[s], rel, dst[d], rule);
}

static bool be_aux(const rctx *r, int i)
{
    static const char *const BE[] = {"is", "are", "was", "were", "been", "being", "be", "get",
                                     "got", "gets", NULL};
    return w_in(r, i, BE);
}


/* ---- attack events ------------------------------------------------------ */

/* The family of an attack word, so "the strikes" finds who struck and
 * "the killing" who killed. */
static char attack_family(const char *w)
{
    static const struct {
        const char *prefix;
        char f;
    } F[] = {{"strik", 's'}, {"struck", 's'}, {"airstrik", 's'}, {"attack", 'a'},
             {"bomb", 'b'}, {"kill", 'k'}, {"assassinat", 'k'}, {"murder", 'k'},
             {"shell", 'h'}, {"raid", 'r'}, {"ambush", 'm'}, {"offensive", 'o'},
             {"assault", 'o'}, {"storm", 'o'}, {"inva", 'o'}, {"incursion", 'o'},
             /* (an intrusion and torture are kinds of their own: "condemned
              * the cyberattack" is no earlier raid) */
             {"cyber", 'c'}, {"tortur", 't'}, {"massacr", 'k'},
             /* (a counterattack is the other side's) */
             {"counter", 'n'}};
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++)
        if (strncmp(w, F[i].prefix, strlen(F[i].prefix)) == 0) return F[i].f;
    return 'x';
}

/* Does w name an attack of a known family ("strike", "killing"), not one
 * that only the words around it make an attack ("set", "hit")? */
bool nb_relations_attack_word(const char *w) { return attack_family(w) != 'x'; }

/* An attack stated with no actor struck ("X ambushed a patrol") is kept
 * under its family's capital letter: recalled only when the article states
 * no attack of that kind with an actor struck. */
static void remember(nb_article_actors *aa, const int *ents, int n, char f)
{
    if (n <= 0) return;
    if (aa->n_events) {
        nb_attack_event *last = &aa->events[(aa->n_events - 1) % 8];
        /* the same clause's attackers, one at a time */
        if (last->family == f && last->n == 1 && n == 1 && last->ents[0] == ents[0]) return;
    }
    nb_attack_event *e = &aa->events[aa->n_events++ % 8];
    e->n = 0;
    e->n_struck = 0;
    e->family = f;
    e->sent = aa->sentence;
    memset(e->aka, 0, sizeof e->aka);
    for (int i = 0; i < n && e->n < 4; i++) e->ents[e->n++] = ents[i];
    if (!aa->first_event.n && islower((unsigned char)f)) aa->first_event = *e;
}

/* Records that ents[0..n) carried out an attack named by word w. */
void nb_relations_note_attack(nb_article_actors *aa, const int *ents, int n, const char *w)
{
    remember(aa, ents, n, attack_family(w));
}

void nb_relations_note_unstated(nb_article_actors *aa, const int *ents, int n, const char *w)
{
    remember(aa, ents, n, (char)toupper((unsigned char)attack_family(w)));
}

/* The attackers of the latest reported attack of the same family as event
 * word w ("the strikes": who struck), else of the article's first attack,
 * its main event; with none stated on an actor, the same among the attacks
 * on no actor (the latest of the family, else the earliest remembered).
 * Returns their count in out. */
/* named: an event of generic attackers gives way to the earliest with
 * named ones (who did it); else the event itself (what it struck). */
static const nb_attack_event *pick_event(const nb_article_actors *aa, const char *w, bool named)
{
    if (!aa->n_events) return NULL;
    char f = attack_family(w), uf = (char)toupper((unsigned char)f);
    /* (an intrusion or torture is no other attack, not the main event) */
    bool own_kind = f == 'c' || f == 't';
    const nb_attack_event *pick = aa->first_event.n && !own_kind ? &aa->first_event : NULL;
    size_t ring = aa->n_events < 8 ? aa->n_events : 8, lim = ring;
    /* "condemned the attack": the generic word names the article's main event */
    if (f == 'a') lim = 0;
    for (size_t k = 1; k <= lim && (pick || own_kind); k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (e->family == f) {
            pick = e;
            break;
        }
    }
    for (size_t k = 1; k <= ring && !pick && f != 'a'; k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (e->family == uf) pick = e;
    }
    for (size_t k = ring; k >= 1 && !pick && !own_kind; k--) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (isupper((unsigned char)e->family)) pick = e;
    }
    if (!pick) return NULL;
    /* "rebels attack army base" in a headline, "Rebels of the 3R attacked"
     * after it: generic attackers stand for the named ones of the earliest
     * attack that has some */
    bool generic = named;
    for (int i = 0; i < pick->n && generic; i++) generic = aa->ents[pick->ents[i]].kind == NB_KIND_GROUP;
    for (size_t k = ring; k >= 1 && generic; k--) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        bool named = false;
        for (int i = 0; i < e->n && !named; i++) named = aa->ents[e->ents[i]].kind != NB_KIND_GROUP;
        if (named && islower((unsigned char)e->family)) {
            pick = e;
            generic = false;
        }
    }
    return pick;
}

/* The attackers (struck: the actors struck) of the event pick, into out. */
static int event_ents(const nb_attack_event *pick, bool struck, int *out, int max)
{
    int n = 0, have = !pick ? 0 : struck ? pick->n_struck : pick->n;
    for (int i = 0; i < have && n < max; i++) out[n++] = struck ? pick->struck[i] : pick->ents[i];
    return n;
}

int nb_relations_recall_attack(const nb_article_actors *aa, const char *w, int *out, int max)
{
    return event_ents(pick_event(aa, w, true), false, out, max);
}

int nb_relations_recall_authors(const nb_article_actors *aa, const char *w, int *out, int max)
{
    return event_ents(pick_event(aa, w, false), false, out, max);
}

int nb_relations_told_kind(const nb_article_actors *aa, const char *w)
{
    char f = attack_family(w);
    if (f == 'x') return 0;
    size_t ring = aa->n_events < 8 ? aa->n_events : 8;
    for (size_t k = 1; k <= ring; k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (!e->n_struck) continue;
        /* (a told "attack" may be named by its kind later: "the strike") */
        if (e->family == f || (e->family == 'a' && f != 'n') || (f == 'a' && islower((unsigned char)e->family)) ||
            memchr(e->aka, f, sizeof e->aka))
            return 1;
    }
    return 0;
}

void nb_relations_note_word(nb_article_actors *aa, const char *w)
{
    char f = w ? attack_family(w) : 'x';
    size_t ring = aa->n_events < 8 ? aa->n_events : 8;
    for (size_t k = 1; k <= ring && f != 'x'; k++) {
        nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (e->sent != aa->sentence || e->family == f || memchr(e->aka, f, sizeof e->aka)) continue;
        char *slot = memchr(e->aka, 0, sizeof e->aka);
        if (slot) *slot = f;
    }
}

int nb_relations_recall_struck(const nb_article_actors *aa, const char *w, int *out, int max)
{
    const nb_attack_event *pick = pick_event(aa, w, false);
    /* (an event that struck no one, told in a sentence whose other attack
     * it names by a noun: "killed three soldiers in an ambush" noted the
     * killing's victims, and "the ambush" is that killing) */
    size_t ring = aa->n_events < 8 ? aa->n_events : 8;
    for (size_t k = 1; pick && !pick->n_struck && k <= ring; k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (e != pick && e->sent == pick->sent && e->n_struck && memchr(e->aka, pick->family, sizeof e->aka)) pick = e;
    }
    return event_ents(pick, true, out, max);
}

/* Adds dst to what the latest attack by src struck (and to the article's
 * main attack, when src carried it out). */
static void add_struck(nb_attack_event *e, int dst)
{
    for (int i = 0; i < e->n_struck; i++)
        if (e->struck[i] == dst) return;
    if (e->n_struck < 4) e->struck[e->n_struck++] = dst;
}

static bool by(const nb_attack_event *e, int src)
{
    for (int i = 0; i < e->n; i++)
        if (e->ents[i] == src) return true;
    return false;
}

void nb_relations_note_struck(nb_article_actors *aa, int src, int dst, const char *w)
{
    size_t ring = aa->n_events < 8 ? aa->n_events : 8;
    /* "X ambushed Y, killing members of Z": each attack word's own event
     * (the ambush struck Y), when one of its family by src is remembered */
    char f = w ? attack_family(w) : 'x';
    bool fam = false;
    for (size_t k = 1; k <= ring && f != 'x'; k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        fam |= by(e, src) && e->family == f;
    }
    /* (with no word, as the surface reading notes: nothing more when an
     * attack of this sentence by src has dst already, each word's own event
     * took its victim in the tree's reading; else the latest attack of the
     * sentence by src that struck no one yet, "X ambushed Y, killing
     * members of Z" told in two readings) */
    bool fresh = false, noted = false;
    for (size_t k = 1; k <= ring && !w; k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (!by(e, src) || e->sent != aa->sentence) continue;
        for (int i = 0; i < e->n_struck; i++) noted |= e->struck[i] == dst;
    }
    if (noted) {
        if (by(&aa->first_event, src)) add_struck(&aa->first_event, dst);
        return;
    }
    for (size_t k = 1; k <= ring && !w && !fresh; k++) {
        const nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        fresh = by(e, src) && e->sent == aa->sentence && !e->n_struck && islower((unsigned char)e->family);
    }
    for (size_t k = 1; k <= ring; k++) {
        nb_attack_event *e = &aa->events[(aa->n_events - k) % 8];
        if (by(e, src) && (!fam || e->family == f) &&
            (!fresh || (e->sent == aa->sentence && !e->n_struck && islower((unsigned char)e->family)))) {
            add_struck(e, dst);
            break;
        }
    }
    if (by(&aa->first_event, src)) add_struck(&aa->first_event, dst);
}

static uint32_t word_hash(const char *w, size_t n) { return (uint32_t)nb_hash(w, n); }

/* Is item i the closing mark of a quotation: a double quote after a comma
 * or stop ('...,"'), not the end of a quoted name ('"X" said')? */
static bool quotation_end(const nb_item *items, size_t i)
{
    static const char *const MARK[] = {"\"", "\xe2\x80\x9d", "''", NULL};
    static const char *const STOP[] = {",", ".", "?", "!", NULL};
    return i > 0 && items[i].w && items[i - 1].w && nb_lex_in(items[i].w, strlen(items[i].w), MARK) &&
           nb_lex_in(items[i - 1].w, strlen(items[i - 1].w), STOP);
}

void nb_relations_note_deeds(nb_article_actors *aa, const nb_item *items, size_t ni, bool judging)
{
    /* (a name after a preposition is no doer: "police in Chile arrested") */
    static const char *const PREP[] = {"in", "of", "from", "to", "with", "at", "by", "against", "on", "near",
                                       "for", "about", "over", "into", "between", "and", "or", NULL};
    static const char *const DENY[] = {"deny", "denies", "denied", "denying", NULL};
    nb_deed_sent *d = &aa->deeds[aa->n_deeds++ % 8];
    d->n = 0;
    d->reactive = false;
    d->judging = judging;
    int agent = -1, outer = -1;
    bool relative = false; /* inside ", which ...,": its actors do not do the outer verb */
    const char *prev = NULL;
    for (size_t i = 0; i < ni && d->n < 64; i++) {
        const nb_item *it = &items[i];
        if (it->w && prev && !strcmp(prev, ",") && (!strcmp(it->w, "which") || !strcmp(it->w, "who"))) {
            relative = true;
            outer = agent;
        } else if (relative && it->w && !strcmp(it->w, ",")) {
            relative = false;
            agent = outer;
        }
        if ((it->flags & NB_IT_ACTOR) && it->ent >= 0 && !(it->flags & NB_IT_MOD)) {
            bool after_prep = false;
            for (size_t k = 0; prev && PREP[k] && !after_prep; k++) after_prep = !strcmp(prev, PREP[k]);
            if (!after_prep) agent = it->ent;
            prev = NULL;
            continue;
        }
        if (!it->w) continue;
        /* (the actors inside a quotation do not do what follows it: "'...
         * for Venezuela,' a spokesperson said") */
        if (quotation_end(items, i)) agent = -1;
        prev = it->w;
        /* (a denial too, "The UAE has denied arming the group"; not a
         * rejection, which "Egypt condemned the decision" may judge) */
        if (nb_lex_in(it->w, strlen(it->w), SAY) || nb_lex_in(it->w, strlen(it->w), SPEECH) ||
            nb_lex_in(it->w, strlen(it->w), DENY))
            d->reactive = true;
        const trigger *tg = find_trigger(it->w);
        if (tg && tg->rel == NB_REL_CONDEMNS) d->reactive = true;
        /* ("'...,' said senator X": a speech verb right after a quotation's
         * end, a comma or stop inside the closing mark, is the actor's that
         * follows it; not after a quoted name, 'a group calling itself "X"
         * said', nor "a report, however, said the TTP continued") */
        int doer = agent;
        if (i > 0 && quotation_end(items, i - 1) && (it->flags & NB_IT_WORD) && nb_lex_in(it->w, strlen(it->w), SAY)) {
            size_t q = i + 1; /* (past a title: "said senator X") */
            while (q < ni && q < i + 3 && items[q].w && (items[q].flags & NB_IT_WORD) &&
                   nb_lex_in(items[q].w, strlen(items[q].w), NB_LEX_TITLE))
                q++;
            if (q < ni && (items[q].flags & NB_IT_ACTOR) && items[q].ent >= 0 && !(items[q].flags & NB_IT_MOD))
                doer = items[q].ent;
        }
        if (doer >= 0 && (it->flags & NB_IT_WORD)) {
            d->h[d->n] = word_hash(it->w, strlen(it->w));
            d->ent[d->n++] = doer;
            /* ("published a report", "issued a statement": a text issued,
             * noted apart, as "released 20 prisoners" issues none) */
            static const char *const ISSUE[] = {"published", "issued", "released", "presented", NULL};
            static const char *const TEXT[] = {"report", "reports", "statement", "statements", "study", "findings",
                                               "assessment", "communique", NULL};
            const char *text = NULL;
            for (size_t q = i + 1; q < ni && q < i + 4 && !text && nb_lex_in(it->w, strlen(it->w), ISSUE); q++)
                if (items[q].w && nb_lex_in(items[q].w, strlen(items[q].w), TEXT)) text = items[q].w;
            if (text && d->n < 64) {
                /* ("@issued:report": which text, singular) */
                char tag[64];
                size_t tl = strlen(text);
                if (tl > 1 && text[tl - 1] == 's') tl--;
                int n = snprintf(tag, sizeof tag, "%s:%.*s", NB_ISSUED_TEXT, (int)tl, text);
                d->h[d->n] = word_hash(tag, (size_t)n);
                d->ent[d->n++] = doer;
            }
        }
    }
}

void nb_relations_deed_doer(nb_article_actors *aa, const char *form, size_t len, int ent)
{
    if (!aa->n_deeds || len == 0 || len >= 64) return;
    char low[64];
    for (size_t k = 0; k < len; k++) low[k] = nb_lower(form[k]);
    uint32_t h = word_hash(low, len);
    nb_deed_sent *d = &aa->deeds[(aa->n_deeds - 1) % 8];
    for (int i = 0; i < d->n; i++)
        if (d->h[i] == h) d->ent[i] = ent;
}

/* The hashes of the comma-separated forms (at most 32) into fh: their count. */
static int form_hashes(const char *forms, uint32_t *fh)
{
    int nf = 0;
    for (const char *p = forms; *p && nf < 32;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        fh[nf++] = word_hash(p, n);
        p += n + (e != NULL);
    }
    return nf;
}

int nb_relations_recall_deed(const nb_article_actors *aa, const char *forms, int *out, int max)
{
    /* no forms: the doer in the sentence just before ("X banned Y. Z
     * denounced the move.") */
    if (!*forms) {
        /* (past the reactions to it: "X ruled. Y called the ruling cruel. Z
         * deplored the decision") */
        size_t ring = aa->n_deeds < 2 ? aa->n_deeds : 2;
        for (size_t k = 1; k <= ring && max > 0; k++) {
            const nb_deed_sent *d = &aa->deeds[(aa->n_deeds - k) % 8];
            if (d->reactive) continue;
            if (!d->n) return 0;
            out[0] = d->ent[0];
            return 1;
        }
        return 0;
    }
    uint32_t fh[32];
    int nf = form_hashes(forms, fh);
    size_t ring = aa->n_deeds < 8 ? aa->n_deeds : 8;
    for (size_t k = 1; k <= ring; k++) {
        const nb_deed_sent *d = &aa->deeds[(aa->n_deeds - k) % 8];
        for (int i = 0; i < d->n; i++)
            for (int f = 0; f < nf; f++)
                if (d->h[i] == fh[f] && max > 0) {
                    out[0] = d->ent[i];
                    return 1;
                }
    }
    return 0;
}

int nb_relations_recall_author(const nb_article_actors *aa, const char *forms, int not_ent, int not_side,
                               bool judging, int *out, int max)
{
    uint32_t fh[32];
    int nf = form_hashes(forms, fh);
    bool seen_judging = false;
    size_t ring = aa->n_deeds < 8 ? aa->n_deeds : 8;
    for (size_t k = 1; k <= ring && max > 0; k++) {
        const nb_deed_sent *d = &aa->deeds[(aa->n_deeds - k) % 8];
        if (judging && !d->judging) continue;
        /* (the criticism is the latest judging sentence's: no older one's
         * speaker answers for it) */
        if (judging && k > 1 && seen_judging) break;
        seen_judging = seen_judging || (judging && d->judging);
        for (int i = 0; i < d->n; i++) {
            int e = d->ent[i];
            while (e >= 0 && aa->ents[e].alias_of >= 0) e = aa->ents[e].alias_of;
            if (e < 0 || e == not_ent || e == not_side) continue;
            /* (nor the rejecter's own people: "Army spokesman X said ...") */
            int ec = aa->ents[e].kind == NB_KIND_PERSON ? aa->ents[e].country : -1;
            while (ec >= 0 && aa->ents[ec].alias_of >= 0) ec = aa->ents[ec].alias_of;
            if (ec >= 0 && (ec == not_ent || ec == not_side)) continue;
            for (int f = 0; f < nf; f++)
                if (d->h[i] == fh[f]) {
                    out[0] = d->ent[i];
                    return 1;
                }
        }
    }
    return 0;
}

/* ---- blocking ---------------------------------------------------------- */

static bool ing(const rctx *r, int i)
{
    if (i < 0 || i >= r->n) return false;
    size_t l = strlen(r->it[i].w);
    return l > 4 && strcmp(r->it[i].w + l - 3, "ing") == 0;
}

/* True when something before v in its sentence part says the event did not
 * (or not yet) happen: an intent, denial or conditional word, or for verbs
 * a negation or modal in the verb group. */
static bool blocked(const rctx *r, int v, bool verb)
{
    if (r->question) return true;
    int i = v - 1;
    /* a factual clause: "has threatened to pull out since Boko Haram killed" */
    static const char *const FACTUAL[] = {"since", "after", "because", "when", "while", "whereas",
                                          "although", "though", "amid", "but", NULL};
    for (; i >= 0; i--) {
        if (w_in(r, i, FACTUAL)) break;
        /* "Hamas denied that ... and called the strike a massacre" */
        if (verb && i == v - 1 && w_is(r, i, "and") && !ing(r, v)) break;
        if (w_in(r, i, INTENT)) return true;
        if (w_is(r, i, ";") || w_is(r, i, ".") || w_is(r, i, "\"") || w_is(r, i, "whose") ||
            w_is(r, i, "who") || w_is(r, i, "which"))
            break;
    }
    if (!verb) return false;
    /* verb group: back over adverbs, auxiliaries, negations and modals */
    for (i = v - 1; i >= 0 && v - i <= 6; i--) {
        if (w_in(r, i, NEG) || w_in(r, i, MODAL) || ends_nt(r, i)) return true;
        if (w_is(r, i, "to")) return true; /* infinitive: purpose or plan */
        /* "would keep providing", "will continue supplying" */
        static const char *const ASPECT[] = {"keep", "continue", "start", "begin", "resume", "stop",
                                             NULL};
        if (!adverb(r, i) && !w_in(r, i, ASPECT)) break;
    }
    return false;
}

/* ---- noun phrases ------------------------------------------------------ */

/* The attacker named in an event noun phrase ending at event item e: "US
 * airstrikes", "Israel's attack", "the American airstrike". */
/* An unknown one-word name is a place more often than an actor ("the
 * Kissufim attack", "the Abqaiq strike"): it names no attacker. */
static bool place_like(const rctx *r, int i)
{
    return actor(r, i) && kind_of(r, i) == NB_KIND_UNKNOWN && !strchr(r->aa->ents[r->it[i].ent].label, ' ');
}

static int event_attacker(const rctx *r, int e)
{
    int i = e - 1;
    while (i >= 0 && (w_in(r, i, EVENT_MOD) || w_in(r, i, EVENT_HEAD) || w_is(r, i, "-") ||
                      w_is(r, i, "air"))) i--;
    if (actor(r, i) && kind_of(r, i) != NB_KIND_PERSON && !place_like(r, i)) return r->it[i].ent;
    /* "the attack on Y by X" */
    for (int k = e + 1; k < r->n && k <= e + 8; k++) {
        if (w_in(r, k, BOUNDARY) || w_is(r, k, ",") || be_aux(r, k) || find_trigger(r->it[k].w)) break;
        if (w_is(r, k, "by") && head_actor(r, k + 1)) return r->it[k + 1].ent;
    }
    return -1;
}

static bool is_event(const rctx *r, int i) { return w_in(r, i, EVENT_HEAD); }


static bool is_number(const rctx *r, int i)
{
    return i >= 0 && i < r->n && !(r->it[i].flags & NB_IT_ACTOR) && r->it[i].w[0] >= '0' &&
           r->it[i].w[0] <= '9';
}

/* A plain lowercase word that may be an adjective inside a noun phrase. */
static bool adjective_like(const rctx *r, int i)
{
    if (i < 0 || i >= r->n) return false;
    const nb_item *it = &r->it[i];
    if (it->flags & (NB_IT_ACTOR | NB_IT_PUNCT | NB_IT_CAP)) return false;
    return !w_in(r, i, PREP) && !w_in(r, i, BOUNDARY) && !w_in(r, i, RELPRON) &&
           !w_in(r, i, DET) && !w_in(r, i, NEG) && !w_in(r, i, MODAL) &&
           !find_trigger(it->w) && !w_in(r, i, EVENT_HEAD) && !be_aux(r, i) &&
           strcmp(it->w, "and") && strcmp(it->w, "or");
}

/* From an actor at k, moves to the head of "Hezbollah commanders Fuad Shukr",
 * "Islamic State leader Abu Bakr al-Baghdadi", "Daesh leader, Abu Khadija". */
static int role_head(const rctx *r, int k)
{
    int m = k + 1;
    while (m < r->n && m < k + 4 && (w_in(r, m, ROLE_ADJ) || w_in(r, m, NB_LEX_ROLE)) &&
           !actor(r, m))
        m++;
    if (m == k + 1 || !w_in(r, m - 1, NB_LEX_ROLE)) {
        /* "veteran Tuareg militant Iyad Ag Ghaly", "Hamas official Basem Naim" */
        static const char *const PERSON_NOUN[] = {
            "militant", "jihadist", "cleric", "warlord", "fighter", "rebel", "politician",
            "official", "officer", "activist", "lawmaker", "strongman", "preacher",
            "ideologue", "operative", "envoy", "diplomat", "negotiator", "general",
            /* "Nobel laureate Muhammad Yunus": the modifier is no actor of the phrase */
            "laureate", "billionaire", "businessman", "businesswoman", "tycoon", "journalist",
            "lawyer", NULL};
        m = k + 1;
        if (w_in(r, m, PERSON_NOUN) && head_actor(r, m + 1) &&
            (kind_of(r, m + 1) == NB_KIND_PERSON || kind_of(r, m + 1) == NB_KIND_UNKNOWN) &&
            kind_of(r, k) != NB_KIND_PERSON)
            return m + 1;
        return k;
    }
    if (w_is(r, m, ",")) m++;
    if (head_actor(r, m)) {
        nb_kind kd = kind_of(r, m);
        if (kd == NB_KIND_PERSON || kd == NB_KIND_UNKNOWN) return m;
    }
    return k;
}

/* A comma at k continues a list ("Iran, Russia and China") rather than
 * closing the phrase ("the Russian state, Vladimir Putin said"). */
static bool list_goes_on(const rctx *r, int k)
{
    int m = k + 1;
    if (w_in(r, m, DET)) m++;
    if (!actor(r, m)) return false;
    return w_is(r, m + 1, ",") || w_is(r, m + 1, "and") || w_is(r, m + 1, "or");
}

static const char *const OBJ_PRON[] = {"it", "them", "him", "her", "this", "that", NULL};

/* Collects the head actors of a coordinated noun phrase starting at i:
 * "Soleimani and Abu Mahdi al-Muhandis", "Iran, Russia and China", "14
 * Pakistani soldiers", "fighters of the TTP". poss_head lets "Iran's
 * actions" stand for Iran. Returns the index after the phrase, or -1. */
static int np_actors(const rctx *r, int i, int *ents, int *n_ents, int max, bool poss_head)
{
    *n_ents = 0;
    int k = i;
    /* the phrase is a verb's object: "and B attacked" after it is a clause
     * of its own, not a coordinated subject */
    int b = i - 1;
    while (b >= 0 && w_in(r, b, DET)) b--;
    bool object = b >= 0 && !actor(r, b) && r->it[b].w && find_trigger(r->it[b].w);
    for (;;) {
        int skipped = 0;
        for (;;) {
            if (skipped < 4 && (w_in(r, k, DET) || adverb(r, k) || is_number(r, k))) {
                k++;
                skipped++;
            } else if (w_in(r, k, QUANT) && w_is(r, k + 1, "of")) {
                k += 2;
            } else if (adjective_like(r, k) && w_in(r, k + 1, QUANT) && w_is(r, k + 2, "of")) {
                k += 3; /* "suspected hideouts of the TTP" */
            } else if (skipped && w_is(r, k, "of") && (w_in(r, k - 1, DET) || is_number(r, k - 1))) {
                k++; /* "thousands of Somali commandos" */
            } else {
                break;
            }
        }
        /* "forces loyal to the GNU" */
        static const char *const LOYAL_HEAD[] = {"forces", "fighters", "troops", "militias", "units",
                                                 "gunmen", "militiamen", "soldiers", NULL};
        if (w_in(r, k, LOYAL_HEAD) && w_is(r, k + 1, "loyal") && w_is(r, k + 2, "to")) {
            k += 3;
            if (w_in(r, k, DET)) k++;
        }
        /* "the Leh-based 14 Corps": where a body is based names no actor */
        while (actor(r, k) && k + 3 < r->n && w_is(r, k + 1, "-") && w_is(r, k + 2, "based")) k += 3;
        while (k < r->n && !actor(r, k) && (r->it[k].flags & NB_IT_CAP) && w_in(r, k, NB_LEX_TITLE) &&
               skipped++ < 8)
            k++; /* "backs President Bashar al-Assad" */
        /* up to three adjectives when an actor follows: "suspected TTP hideouts",
         * "veteran Tuareg militant Iyad Ag Ghaly" */
        if (!actor(r, k)) {
            int m = k;
            while (m < r->n && m < k + 3 && !actor(r, m) &&
                   (adjective_like(r, m) || w_in(r, m, NB_LEX_ETHNIC)))
                m++;
            if (m > k && actor(r, m)) k = m;
        }
        /* "accused Afghan President Ashraf Ghani": a demonym before a
         * person's title is where the person is from */
        if (actor(r, k) && kind_of(r, k) == NB_KIND_COUNTRY && actor(r, k + 1) && kind_of(r, k + 1) == NB_KIND_PERSON &&
            !(r->it[k].flags & NB_IT_POSS))
            k++;
        /* "Iran's Quds Force", "Iranian-backed Kataib Hezbollah"; but "the
         * military's Western Command headquarters" is the military's */
        while (actor(r, k) && (r->it[k].flags & (NB_IT_POSS | NB_IT_MOD)) && actor(r, k + 1) &&
               !((r->it[k].flags & NB_IT_POSS) && r->aa->ents[r->it[k + 1].ent].dict < 0 &&
                 w_in(r, k + 2, NB_LEX_FACILITY)))
            k++;
        while (actor(r, k) && (r->it[k].flags & (NB_IT_MOD | NB_IT_BACKED)) &&
               k + 1 < r->n && !(r->it[k + 1].flags & NB_IT_PUNCT) && !actor(r, k + 1) &&
               actor(r, k + 2))
            k += 2; /* "Iranian-backed Iraqi militia" */
        if (!actor(r, k)) break;
        if ((r->it[k].flags & NB_IT_MOD) || (r->it[k].flags & NB_IT_BACKED)) break;
        k = role_head(r, k);
        /* "the Toronto chapter of Amnesty International": a branch is the
         * body's after "of", and a place compounded with it only says
         * where it is ("the Toronto chapter" names no actor) */
        /* ("the Kabul branch of the Afghan central bank": the state a
         * demonym after "of" names; "the Kyiv cell tower": no branch) */
        static const char *const SUBUNIT[] = {"chapter", "chapters", "branch", "branches", "wing", "wings",
                                              "cell", "cells", "section", "sections", NULL};
        static const char *const AFTER_SUB[] = {"said", "says", "was", "is", "has", "had", "and", "in", "on",
                                                "at", "which", "that", "who", NULL};
        if (w_in(r, k + 1, SUBUNIT) && !(r->it[k].flags & NB_IT_POSS)) {
            if (w_is(r, k + 2, "of") || w_is(r, k + 2, "from")) {
                int m = k + 3;
                while (m < r->n && m < k + 7 && !actor(r, m) && !(r->it[m].flags & NB_IT_PUNCT)) m++;
                if (actor(r, m) && (r->it[m].flags & NB_IT_MOD) && kind_of(r, m) == NB_KIND_COUNTRY) {
                    if (*n_ents < max) ents[(*n_ents)++] = r->it[m].ent;
                    return m + 1;
                }
                if (!head_actor(r, m)) break;
                k = m;
            } else if (kind_of(r, k) != NB_KIND_ORG &&
                       (k + 2 >= r->n || (r->it[k + 2].flags & NB_IT_PUNCT) || w_in(r, k + 2, AFTER_SUB))) {
                break;
            }
        }
        /* "gunmen from ISWAP", "militants of al-Shabaab": the named group */
        if (kind_of(r, k) == NB_KIND_GROUP &&
            (w_is(r, k + 1, "from") || w_is(r, k + 1, "of") ||
             (w_is(r, k + 1, "loyal") && w_is(r, k + 2, "to")))) {
            int m = w_is(r, k + 1, "loyal") ? k + 3 : k + 2;
            while (w_in(r, m, DET) && m < k + 4) m++;
            if (head_actor(r, m) && kind_of(r, m) == NB_KIND_ORG) k = m;
        }
        if (r->it[k].flags & NB_IT_POSS) {
            /* "Iran's actions": the possessor only where the relation allows */
            if (actor(r, k + 1)) {
                k++;
                continue;
            }
            /* "Ethiopia's ruling Prosperity Party", "Iran's powerful
             * Revolutionary Guards": the organisation after one modifier */
            static const char *const ORG_MODS[] = {"ruling", "governing", "main", "largest", "biggest",
                                                   "powerful", "feared", "elite", "own", NULL};
            if (w_in(r, k + 1, ORG_MODS) && actor(r, k + 2) && !(r->it[k + 2].flags & NB_IT_PRON) &&
                kind_of(r, k + 2) == NB_KIND_ORG) {
                k += 2;
                continue;
            }
            static const char *const ORGANS[] = {"government", "forces", "regime", "army",
                                                 "troops", "militia", "administration", "fighters",
                                                 "men", "loyalists", "wing", "branch", "arm",
                                                 "operations", "units", "division", "guard",
                                                 "guards", "military", "navy", NULL};
            /* "the LNA's ground forces", "Hamas's armed wing" */
            if (!poss_head && !w_in(r, k + 1, ORGANS) &&
                !((adjective_like(r, k + 1) || w_is(r, k + 1, "armed")) && w_in(r, k + 2, ORGANS)))
                break;
            static const char *const PERSONS[] = {
                "general", "generals", "commander", "commanders", "leader", "leaders", "chief",
                "scientist", "scientists", "son", "brother", "envoy", "spokesman", "deputy",
                "founder", "head", "minister", "officer", "adviser", "advisor", "one", NULL};
            int m = k + 1;
            while (m < r->n && m < k + 4 && adjective_like(r, m) && !w_in(r, m, PERSONS)) m++;
            if (w_in(r, m, PERSONS)) break; /* "killed one of Tehran's top generals" */
        }
        /* "killed hundreds of Morsi supporters": people who side with the
         * actor, or are near it, are not the actor */
        static const char *const NEAR[] = {"supporter", "supporters", "follower", "followers", "sympathiser",
                                           "sympathisers", "sympathizer", "sympathizers", "relative",
                                           "relatives", "family", "families", "lawyer", "lawyers", "voter",
                                           "voters", "fans", "critic", "critics", "opponent", "opponents",
                                           "victims", NULL};
        if (!(r->it[k].flags & NB_IT_POSS) && w_in(r, k + 1, NEAR)) break;
        if (*n_ents < max) ents[(*n_ents)++] = r->it[k].ent;
        k++;
        if (r->it[k - 1].flags & NB_IT_POSS) {
            if (k < r->n && !(r->it[k].flags & NB_IT_PUNCT) && !actor(r, k)) k++;
        }
        /* "China, Myanmar's largest neighbour, and Russia": past an apposition */
        if (w_is(r, k, ",") && !list_goes_on(r, k)) {
            int m = k + 1;
            while (m < r->n && m < k + 8 && !w_is(r, m, ",") && !w_in(r, m, BOUNDARY) &&
                   !be_aux(r, m) && !(find_trigger(r->it[m].w) && !actor(r, m)))
                m++;
            if (m > k + 1 && w_is(r, m, ",") && (w_is(r, m + 1, "and") || w_is(r, m + 1, "or")) &&
                actor(r, m + 2))
                k = m + 1;
        }
        /* coordination or inclusion */
        if (w_is(r, k, "and") || w_is(r, k, "or") ||
            (w_is(r, k, ",") && list_goes_on(r, k)) ||
            w_is(r, k, "including") || (w_is(r, k, "such") && w_is(r, k + 1, "as"))) {
            int save = k;
            k += w_is(r, k, "such") ? 2 : 1;
            if (w_is(r, k, "and")) k++;
            int m = k;
            while (m < r->n && (w_in(r, m, DET) || is_number(r, m))) m++;
            /* "al-Sisi, Egypt's president, condemned": a phrase closed by a
             * comma that no list goes on after is an apposition */
            if (w_is(r, save, ",")) {
                int q = m;
                while (q < r->n && q < m + 8 && !w_is(r, q, ",") && !w_in(r, q, BOUNDARY) &&
                       !w_is(r, q, "and") && !w_is(r, q, "or") && !find_trigger(r->it[q].w))
                    q++;
                if (q > m && w_is(r, q, ",") && !w_is(r, q + 1, "and") && !w_is(r, q + 1, "or") &&
                    !actor(r, q + 1) && !w_in(r, q + 1, DET) && !adjective_like(r, q + 1)) {
                    k = save;
                    break;
                }
            }
            /* "attacked El Fasher, and Sudan condemned the assault": an actor
             * with a verb after it opens a clause of its own */
            bool clause = object && actor(r, m) && m + 1 < r->n && !actor(r, m + 1) &&
                          (be_aux(r, m + 1) || w_in(r, m + 1, SAY) || w_in(r, m + 1, SPEECH) ||
                           ((find_trigger(r->it[m + 1].w) || w_in(r, m + 2, DET) || w_in(r, m + 2, OBJ_PRON)) &&
                            !(r->it[m + 1].flags & (NB_IT_PUNCT | NB_IT_CAP)) && r->it[m + 1].w &&
                            strlen(r->it[m + 1].w) > 3 &&
                            !strcmp(r->it[m + 1].w + strlen(r->it[m + 1].w) - 2, "ed")));
            if (!clause && (actor(r, m) || (adjective_like(r, m) && actor(r, m + 1)))) continue;
            k = save;
        }
        break;
    }
    return *n_ents ? k : -1;
}

/* The item after "of"/"on" that heads the phrase: skips determiners,
 * possessors and adjectives ("the Guard's expeditionary Quds Force"). */
static int phrase_head(const rctx *r, int i, int span)
{
    int last = -1;
    for (int k = i; k < r->n && k < i + span; k++) {
        if (w_in(r, k, BOUNDARY) || w_is(r, k, ",") || w_is(r, k, "and")) break;
        if (actor(r, k) && !(r->it[k].flags & NB_IT_MOD)) {
            /* "the Qassam Brigades' Khan Younis battalion": a place names the
             * unit, the possessor is the actor */
            static const char *const UNIT[] = {"battalion", "brigade", "unit", "branch", "wing",
                                               "cell", "division", "regiment", "company",
                                               "chapter", "office", "bureau", "sector", NULL};
            if (last >= 0 && (kind_of(r, k) == NB_KIND_UNKNOWN || kind_of(r, k) == NB_KIND_PERSON) &&
                w_in(r, k + 1, UNIT))
                return last;
            last = role_head(r, k);
            if (!(r->it[last].flags & NB_IT_POSS)) break;
            k = last;
        }
        if (k > i && w_in(r, k, PREP)) break;
    }
    if (last >= 0 && (r->it[last].flags & NB_IT_POSS)) {
        /* "head of Hamas's political bureau" is Hamas's; "one of Tehran's
         * generals" is no Tehran */
        static const char *const PART[] = {"bureau", "wing", "council", "branch", "office",
                                           "leadership", "shura", "command", "politburo", NULL};
        static const char *const PART_ADJ[] = {"political", "military", "armed", "leadership",
                                               "consultative", "central", "executive", NULL};
        int m = last + 1;
        while (m < r->n && m < last + 3 && w_in(r, m, PART_ADJ)) m++;
        return w_in(r, m, PART) ? last : -1;
    }
    return last;
}

/* ---- subjects ---------------------------------------------------------- */

/* True when actor item a sits inside a prepositional phrase ("in Iraq",
 * "between the US and Iran", "like Iran and Hezbollah"). */
static bool in_pp(const rctx *r, int a)
{
    int i = a - 1;
    /* a comma joins a list only when the list goes on or ends with "and":
     * "In Gaza, Rafa Salama was killed" is no list */
    bool list = (w_is(r, a + 1, ",") && list_goes_on(r, a + 1)) || w_is(r, a + 1, "and") ||
                w_is(r, a + 1, "or");
    for (;;) {
        while (i >= 0 && (w_in(r, i, DET) || (actor(r, i) && (r->it[i].flags & (NB_IT_MOD | NB_IT_POSS)))))
            i--;
        /* walk back over a coordination: "the US and Iran" */
        if ((w_is(r, i, "and") || w_is(r, i, "or") || (w_is(r, i, ",") && list)) && actor(r, i - 1)) {
            list = true;
            i -= 2;
            continue;
        }
        break;
    }
    if (w_is(r, i, "of") && (w_in(r, i - 1, QUANT) || is_number(r, i - 1))) return false;
    /* "Forces loyal to the GNU shelled", "Drones operated by the LNA struck":
     * the owner acts */
    static const char *const OPERATED[] = {"operated", "flown", "piloted", "manned", "launched",
                                           "fired", "deployed", "sent", NULL};
    if ((w_is(r, i, "to") && w_is(r, i - 1, "loyal")) || (w_is(r, i, "by") && w_in(r, i - 1, OPERATED)))
        return false;
    /* "since Boko Haram killed": a conjunction opens the subject's clause */
    static const char *const CONJ[] = {"since", "after", "before", "until", "as", NULL};
    if (w_in(r, i, CONJ)) return false;
    if (w_in(r, i, PREP)) return true;
    /* one adjective between: "in neighboring Iraq" */
    if (i >= 1 && !(r->it[i].flags & (NB_IT_ACTOR | NB_IT_PUNCT)) && !(r->it[i].flags & NB_IT_CAP) &&
        w_in(r, i - 1, PREP) && !find_trigger(r->it[i].w))
        return true;
    return false;
}

/* A comma at c closes a parenthetical (", an Iranian proxy,", ", which
 * ... ,", ", also backed by Iran,"): returns the opening comma or -1. */
static int paren_open(const rctx *r, int c)
{
    bool crossed = false; /* a clause word: only a relative clause may hold one */
    for (int i = c - 1; i >= 0 && c - i < 40; i--) {
        if (w_in(r, i, BOUNDARY) && !w_is(r, i, "that")) {
            if (r->it[i].flags & NB_IT_PUNCT) return -1;
            crossed = true;
        }
        if (w_is(r, i, ",") || dash(r, i)) {
            int f = i + 1;
            if (w_in(r, f, RELPRON) || w_is(r, f, "whose")) return i;
            if (crossed) return -1;
            if (w_is(r, f, "a") || w_is(r, f, "an") ||
                w_is(r, f, "the") || w_is(r, f, "also") || w_is(r, f, "who") ||
                (f < r->n && !(r->it[f].flags & NB_IT_ACTOR) && strlen(r->it[f].w) > 3 &&
                 (strcmp(r->it[f].w + strlen(r->it[f].w) - 2, "ed") == 0)) ||
                (f < r->n && (r->it[f].flags & NB_IT_ACTOR) && f + 1 < c && head_actor(r, f) &&
                 w_in(r, f + 1, ROLE_ADJ)))
                return i;
            /* a parenthetical title: ", the commander of X," */
            return -1;
        }
    }
    return -1;
}

/* The antecedent of a relative pronoun at rp: an actor, or the attacker
 * of an event noun phrase ("the US airstrike that killed"). */
static int antecedent(const rctx *r, int rp)
{
    int a = rp - 1;
    if (w_is(r, a, ",")) a--;
    /* "Wazalendo fighters, pro-government militias that Kinshasa armed":
     * the generic noun restates the named group before it */
    if (head_actor(r, a) && kind_of(r, a) == NB_KIND_GROUP) {
        int c = a - 1; /* "pro-government" */
        while (c >= 0 && c > a - 5 && (adjective_like(r, c) || (w_is(r, c, "-") && !dash(r, c)))) c--;
        if (w_is(r, c, ",") && head_actor(r, c - 1) && kind_of(r, c - 1) == NB_KIND_ORG)
            return r->it[c - 1].ent;
    }
    /* "a drone attack in Jordan that killed": the event, not the place */
    if (head_actor(r, a) && (w_is(r, a - 1, "in") || w_is(r, a - 1, "near")) && is_event(r, a - 2))
        return event_attacker(r, a - 2);
    /* "a drone strike on a base in Jordan that killed": the place is no
     * antecedent; the event further back is, if any */
    if (head_actor(r, a) && (w_is(r, a - 1, "in") || w_is(r, a - 1, "near") || w_is(r, a - 1, "at")) &&
        kind_of(r, a) == NB_KIND_COUNTRY) {
        for (int k = a - 2; k >= 0 && k > a - 8; k--) {
            if (w_in(r, k, BOUNDARY) || w_is(r, k, ",") || actor(r, k)) break;
            if (is_event(r, k)) return event_attacker(r, k);
        }
        return -1;
    }
    if (head_actor(r, a)) return r->it[a].ent;
    if (is_event(r, a)) return event_attacker(r, a);
    /* "Saddam Haftar, the field marshal's son, who commands": past the
     * apposition to the name */
    if (w_is(r, rp - 1, ",")) {
        for (int k = a - 1; k >= 1 && k > a - 8; k--) {
            if (w_in(r, k, BOUNDARY) || find_trigger(r->it[k].w) || be_aux(r, k)) break;
            if (w_is(r, k, ",")) {
                if (w_in(r, k + 1, DET) && person_like(r, k - 1)) return r->it[k - 1].ent;
                break;
            }
        }
    }
    return -1;
}

/* True when the words before the comma at c hold a verb, so ", and" joins
 * clauses ("Deif was the target, and Salama was killed") rather than the
 * items of a list ("China, Myanmar's largest neighbour, and Russia"). */
static bool clause_before(const rctx *r, int c)
{
    for (int k = c - 1; k >= 0 && k > c - 12; k--) {
        if (w_in(r, k, BOUNDARY)) break;
        if (be_aux(r, k) || w_is(r, k, "has") || w_is(r, k, "have") || w_is(r, k, "had") ||
            (find_trigger(r->it[k].w) && !(r->it[k].flags & NB_IT_ACTOR)))
            return true;
    }
    return false;
}

/* Finds the subject(s) of the verb at v. *relobj receives the antecedent of
 * an object relative ("which he founded"), or -1. Returns the count. */
static int subjects_x(const rctx *r, int v, int *subj, int max, int *relobj, bool vp);

static int find_subjects(const rctx *r, int v, int *subj, int max, int *relobj)
{
    return subjects_x(r, v, subj, max, relobj, false);
}

/* vp: v is the "and" of coordinated verb phrases ("who helped coordinate
 * militias and was killed"), whose subject is the first phrase's subject. */
static int subjects_x(const rctx *r, int v, int *subj, int max, int *relobj, bool vp)
{
    *relobj = -1;
    int n = 0, first = -1;
    int i = v - 1;
    while (i >= 0) {
        if (w_is(r, i, ")")) { /* "(ISWAP)": a bracket is no clause boundary */
            int o = i - 1;
            while (o >= 0 && o > i - 12 && !w_is(r, o, "(")) o--;
            if (w_is(r, o, "(")) {
                i = o - 1;
                continue;
            }
        }
        if (w_is(r, i, ",") || dash(r, i)) {
            int o = paren_open(r, i);
            if (o >= 0 && first < 0) {
                i = o - 1;
                continue;
            }
            i--;
            continue;
        }
        if (w_in(r, i, RELPRON)) {
            int a = antecedent(r, i);
            if (first < 0 || (vp && a >= 0)) {
                n = 0;
                if (a >= 0 && n < max) subj[n++] = a;
                for (int k = i + 1; k < v; k++) {
                    if (w_is(r, k, "like") && actor(r, k + 1)) {
                        int ents[8], ne = 0;
                        np_actors(r, k + 1, ents, &ne, 8, false);
                        for (int e = 0; e < ne && n < max; e++) subj[n++] = ents[e];
                    }
                }
                return n;
            }
            /* object relative only when the subject follows the pronoun:
             * "Kataib Hezbollah, which he founded" */
            int f = i + 1;
            while (f < first && w_in(r, f, DET)) f++;
            if (f == first) *relobj = a;
            break;
        }
        /* "X said NATO allies would keep providing": the speaker is no subject */
        if (w_in(r, i, SAY)) break;
        /* "has since supplied": an adverb, not a clause */
        if (w_in(r, i, BOUNDARY) &&
            !(w_is(r, i, "since") && (w_is(r, i - 1, "has") || w_is(r, i - 1, "have") ||
                                      w_is(r, i - 1, "had"))))
            break;
        /* ", and Rafa Salama was killed": a new clause opens before its subject */
        if ((w_is(r, i, "and") || w_is(r, i, "but")) && first >= 0 && w_is(r, i - 1, ",") &&
            clause_before(r, i - 1))
            break;
        if ((w_is(r, i, "and") || w_is(r, i, "but")) && first < 0) {
            /* "and was killed": the verb shares the earlier subject */
            int dummy;
            return subjects_x(r, i, subj, max, &dummy, true);
        }
        /* "According to Amnesty International, the militia was armed by
         * X": a report's source is no subject */
        if (head_actor(r, i) && i >= 2 && w_is(r, i - 1, "to") && w_is(r, i - 2, "according")) break;
        if (head_actor(r, i) && !in_pp(r, i)) {
            /* In "Hezbollah leader Nasrallah", "U.S. Secretary of State Mike
             * Pompeo" and "Quds Force's Soleimani" the last actor is the head. */
            int m = i + 1, lim = i + 6;
            /* "Nationalist Movement Party (MHP) leader X": past the acronym */
            if (w_is(r, m, "(") && m + 2 < r->n && w_is(r, m + 2, ")")) {
                m += 3;
                lim += 3;
            }
            while (m < r->n && m < lim && !actor(r, m) &&
                   (w_in(r, m, NB_LEX_ROLE) || w_in(r, m, NB_LEX_TITLE) || w_in(r, m, ROLE_ADJ) ||
                    (adjective_like(r, m) && m < i + 3) || /* "EU foreign policy chief X" */
                    (w_is(r, m, ",") && m > i + 1) ||
                    ((r->it[i].flags & NB_IT_POSS) && !(r->it[m].flags & NB_IT_PUNCT) &&
                     !find_trigger(r->it[m].w) && !be_aux(r, m))))
                m++;
            bool compound = actor(r, m) && m < v;
            if (!compound) first = i;
        }
        i--;
    }
    if (first < 0) return 0;
    /* "which like Iran had long backed Assad": the comparison shares the verb */
    for (int k = first + 1; k < v && !w_is(r, k, ","); k++) {
        if (w_is(r, k, "like") && actor(r, k + 1) && n < max) {
            int ents[8], ne = 0;
            np_actors(r, k + 1, ents, &ne, 8, false);
            for (int e = 0; e < ne && n < max; e++) subj[n++] = ents[e];
        }
    }
    /* "Iraqi and U.S. forces": a demonym coordinated with the subject */
    if (w_is(r, first - 1, "and") && actor(r, first - 2) && (r->it[first - 2].flags & NB_IT_MOD) &&
        kind_of(r, first - 2) == NB_KIND_COUNTRY && n < max)
        subj[n++] = r->it[first - 2].ent;
    /* coordination to the left of the leftmost subject is handled by
     * collecting the subject phrase forwards */
    int ents[8], ne = 0;
    np_actors(r, first, ents, &ne, 8, true);
    if (ne == 0) ents[ne++] = r->it[first].ent;
    for (int k = 0; k < ne && n < max; k++) subj[n++] = ents[k];
    return n;
}

/* ---- patterns ---------------------------------------------------------- */


/* Objects of an active verb, with event nouns resolved to their attacker
 * when the relation is about the event ("condemned the strikes"). */
static int find_objects(rctx *r, int v, nb_rel rel, int *obj, int max)
{
    int k = v + 1;
    while (k < r->n && adverb(r, k)) k++;
    while ((w_is(r, k, ",") || w_is(r, k, "and")) && k + 1 < r->n && find_trigger(r->it[k + 1].w) &&
           !(r->it[k + 1].flags & NB_IT_ACTOR))
        k += 2;
    if (w_is(r, k, "and")) k++;
    if (w_is(r, k, "each") || w_is(r, k, "one") || w_is(r, k, "other") || w_is(r, k - 1, "each"))
        return 0; /* "struck each other" */
    /* "condemned what it called a \"large-scale aggression\"" */
    if (rel == NB_REL_CONDEMNS && w_is(r, k, "what") &&
        (actor(r, k + 1) || w_is(r, k + 1, "it") || w_is(r, k + 1, "they")) &&
        (w_is(r, k + 2, "called") || w_is(r, k + 2, "described") || w_is(r, k + 2, "termed")))
        k += w_is(r, k + 3, "as") ? 4 : 3;
    int n = 0;
    int end = np_actors(r, k, obj, &n, max, rel == NB_REL_CONDEMNS || rel == NB_REL_ATTACKED);
    if (n == 0 && rel == NB_REL_ATTACKED) {
        /* "hit 85 targets used by Kataib Hezbollah", "sites belonging to the IRGC" */
        for (int a = k; a < r->n && a < k + 10; a++) {
            if (w_in(r, a, BOUNDARY) || w_is(r, a, ",")) break;
            /* "85 targets in Iraq and Syria used by": places on the way */
            if (actor(r, a) && !(kind_of(r, a) == NB_KIND_COUNTRY && in_pp(r, a))) break;
            static const char *const OWNED[] = {"used", "operated", "run", "controlled", "held",
                                                "occupied", "belonging", "linked", "manned", NULL};
            if (w_in(r, a, OWNED) && (w_is(r, a + 1, "by") || w_is(r, a + 1, "to"))) {
                end = np_actors(r, a + 2, obj, &n, max, true);
                break;
            }
        }
    }
    if (n == 0 && rel == NB_REL_ATTACKED) {
        /* "killed 17 farmers and four members of the CJTF" */
        int a = k;
        while (a < r->n && a < k + 4 && (w_in(r, a, DET) || is_number(r, a))) a++;
        while (a < r->n && a < k + 8 && !w_is(r, a, "and") && !w_in(r, a, BOUNDARY) &&
               !w_is(r, a, ",") && !actor(r, a) && !find_trigger(r->it[a].w) && !w_in(r, a, PREP))
            a++;
        if (a > k && w_is(r, a, "and") && (w_in(r, a + 1, DET) || is_number(r, a + 1)))
            end = np_actors(r, a + 1, obj, &n, max, true);
    }
    if (n > 0) {
        /* "condemned U.S. airstrikes on X": the target is the attacker */
        if (rel == NB_REL_CONDEMNS && end < r->n && is_event(r, end)) {
            /* "condemned the Mafa killings": a place, not the attacker */
            if (n == 1 && r->aa->ents[obj[0]].kind == NB_KIND_UNKNOWN)
                n = nb_relations_recall_attack(r->aa, r->it[end].w, obj, max);
            return n;
        }
        if (rel == NB_REL_ATTACKED && end < r->n && is_event(r, end)) return 0;
        return n;
    }
    if (rel == NB_REL_CONDEMNS) {
        /* "condemned the strikes", "condemned the American attack on ..." */
        int e = k, quotes = 0;
        while (e < r->n && e < k + 5 + quotes && !is_event(r, e) && !w_in(r, e, PREP) &&
               (!w_in(r, e, BOUNDARY) || w_is(r, e, "\"")) && !w_is(r, e, ","))
            quotes += w_is(r, e++, "\""); /* "condemned the \"horrific\" attack" */
        if (is_event(r, e)) {
            int a = event_attacker(r, e);
            if (a >= 0 && n < max) obj[n++] = a;
            else if (a < 0 && !actor(r, e - 1)) n = nb_relations_recall_attack(r->aa, r->it[e].w, obj, max);
        }
    }
    return n;
}

static const char *rule_name(nb_rel rel, const char *kind)
{
    (void)rel;
    return kind;
}

static bool verb_of_hold(const rctx *r, int v)
{
    static const char *const HOLD[] = {"controls", "controlled", "control", "controlling", "holds", "held", "hold",
                                       "holding", NULL};
    return w_in(r, v, HOLD);
}

/* Is attack verb v ("attacked", "assailed") said of words: a reason after
 * it, "for" or "over" with a possessive or an -ing verb ("for its
 * interference", "over its trade policy", "for backing X"); "in a speech";
 * "verbally"; or a judging participle after a comma ("calling him ...")? */
static bool verbal_attack(const rctx *r, int v)
{
    static const char *const VERBAL[] = {"attacked", "attacks", "attack", "attacking", "assailed", "assails",
                                         "assail", "assailing", NULL};
    static const char *const POSS[] = {"its", "his", "her", "their", NULL};
    /* (and "in a speech", "verbally attacked", "attacked X, calling him ...":
     * words too, as the tree's verbal_reason reads them) */
    static const char *const SAID_IN[] = {"speech", "statement", "interview", "address", "tweet", "letter",
                                          "video", "message", "op-ed", "column", NULL};
    static const char *const SAYING[] = {"calling", "describing", "accusing", "branding", NULL};
    /* (not by forces: "Israeli forces attacked Hamas, calling the group ...") */
    static const char *const ARMS[] = {"forces", "troops", "soldiers", "fighters", "militants", "jets", "warplanes",
                                       "drones", "artillery", "gunmen", NULL};
    /* (an utterance with an article or a person's possessive: not "in
     * their post", a military post) */
    static const char *const DET_SAID[] = {"a", "an", "the", "his", "her", NULL};
    if (!w_in(r, v, VERBAL)) return false;
    if (v > 0 && (w_is(r, v - 1, "verbally") || w_is(r, v - 1, "publicly"))) return true;
    bool armed = v > 0 && w_in(r, v - 1, ARMS);
    for (int k = v + 1; k < r->n && k < v + 10; k++) {
        if (w_is(r, k, ",") && w_in(r, k + 1, SAYING) && !armed) return true;
        if (w_is(r, k, "in") && w_in(r, k + 1, DET_SAID) && (w_in(r, k + 2, SAID_IN) || w_in(r, k + 3, SAID_IN)))
            return true;
        if (w_in(r, k, BOUNDARY) || w_is(r, k, ",")) return false;
        if (!w_is(r, k, "for") && !w_is(r, k, "over")) continue;
        int q = k + 1;
        if (w_in(r, q, POSS) || (actor(r, q) && (r->it[q].flags & NB_IT_POSS)) || ing(r, q) ||
            (w_is(r, q, "allegedly") && ing(r, q + 1)))
            return true;
        return false;
    }
    return false;
}

/* "targeted X with sanctions", "hit Y with tariffs": an attack verb whose
 * instrument is no weapon (the tree's class NONVIOLENT, read by word here) */
static const char *const NONVIOLENT_WITH[] = {
    "sanctions", "sanction", "tariffs", "tariff", "embargo", "embargoes", "measures", "penalties",
    "restrictions", "fines", "lawsuit", "lawsuits", "bans", "ban", "boycott", "criticism",
    "accusations", "questions", NULL};

static bool nonviolent_instrument(const rctx *r, int v)
{
    for (int k = v + 1; k < r->n && k < v + 10; k++) {
        if (w_in(r, k, BOUNDARY) || w_is(r, k, ",")) return false;
        if (!w_is(r, k, "with")) continue;
        for (int j = k + 1; j < r->n && j < k + 5; j++) {
            if (w_in(r, j, NONVIOLENT_WITH)) return true;
            if (w_is(r, j, ",") || w_is(r, j, "on") || w_is(r, j, "of")) break;
        }
        return false;
    }
    return false;
}

static void verb_pattern(rctx *r, int v, const trigger *tg)
{
    const nb_item *it = &r->it[v];
    (void)it;
    if (tg->rel == NB_REL_ATTACKED && nonviolent_instrument(r, v)) return;
    /* "ordered 12 embassy employees to leave the country": an expulsion,
     * no command of those expelled */
    if (tg->rel == NB_REL_COMMANDS) {
        static const char *const LEAVE[] = {"leave", "depart", "quit", "exit", NULL};
        for (int k = v + 1; k < r->n && k < v + 10 && !(r->it[k].flags & NB_IT_PUNCT); k++)
            if (w_is(r, k, "to") && w_in(r, k + 1, LEAVE)) return;
    }
    int subj[8], obj[8], relobj;
    /* passive: "was killed by X", "Hezbollah, also backed by Iran" */
    int b = v - 1;
    while (b >= 0 && adverb(r, b) && !be_aux(r, b)) b--;
    int after = v + 1;
    while (after < r->n && adverb(r, after)) after++; /* "funded entirely by" */
    /* "funded and trained by Iran": the participles share the agent */
    if (w_is(r, after, "and") && after + 2 < r->n && find_trigger(r->it[after + 1].w) &&
        w_is(r, after + 2, "by"))
        after += 2;
    bool by = w_is(r, after, "by");
    bool in_event = (w_is(r, after, "in") || w_is(r, after, "during")) && !by;
    bool passive = (tg->form == 'd' || tg->form == 'n') &&
                   (be_aux(r, b) ||
                    ((w_is(r, b, ",") || head_actor(r, b) || w_is(r, b, "and")) && (by || in_event)));
    /* "a direct hit", "the hit": a noun */
    if (tg->form == 'n' && !passive &&
        (v == 0 || w_in(r, v - 1, DET) || w_in(r, v - 1, PREP) || w_is(r, v - 1, "direct")))
        return;
    /* "the armed wing", "a targeted killing": an adjective */
    if (!passive && tg->form == 'd' && w_in(r, v - 1, DET) && !w_is(r, v - 1, "that")) return;
    /* reduced relative: "HTS, an al Qaeda offshoot led by al-Golani", "the
     * Boko Haram faction led by Bakura Doro" */
    if (!passive && by && tg->form == 'd' && adjective_like(r, v - 1)) {
        if (blocked(r, v, true)) return;
        int agents[8], na = 0;
        np_actors(r, after + 1, agents, &na, 8, true);
        int d = v - 1, held = -1;
        while (d >= 0 && v - d <= 8 && !w_in(r, d, DET) && !w_in(r, d, BOUNDARY) &&
               !w_is(r, d, ",") && !find_trigger(r->it[d].w)) {
            if (head_actor(r, d) && held < 0) held = d;
            else if (!actor(r, d) && !adjective_like(r, d) && !is_number(r, d)) return;
            d--;
        }
        int target = -1;
        if (w_in(r, d, DET) && w_is(r, d - 1, ",") && head_actor(r, d - 2)) target = d - 2;
        else if (w_in(r, d, DET) && held >= 0) target = held;
        if (target < 0) return;
        for (int a = 0; a < na; a++) emit(r, agents[a], tg->rel, r->it[target].ent, "reduced-relative");
        if (tg->rel == NB_REL_ATTACKED) nb_relations_note_attack(r->aa, agents, na, r->it[v].w);
        return;
    }
    if (passive) {
        if (blocked(r, v, true)) return;
        /* "they suspect the killing was ordered by X": an event is the
         * passive's subject, no actor before it (the tree reads it) */
        int p = b;
        while (p >= 0 && (be_aux(r, p) || w_is(r, p, "has") || w_is(r, p, "have") || w_is(r, p, "had") ||
                          adverb(r, p)))
            p--;
        /* (an actor's own event, named by its adjective or an armed
         * group's name, is its subject: "the Houthi attacks were funded by
         * Iran"; not another name, which may be the target or the place:
         * "the Kyiv strikes were ordered by X") */
        int o = p - 1;
        while (o >= 0 && o > p - 4 && (adjective_like(r, o) || is_number(r, o)) && !actor(r, o)) o--;
        bool own = o >= 0 && actor(r, o) && !(o > 0 && w_is(r, o - 1, "-")) &&
                   ((r->it[o].flags & NB_IT_MOD) || (kind_of(r, o) == NB_KIND_ORG && r->aa->ents[r->it[o].ent].armed));
        if (p < b && p >= 0 && !actor(r, p) && is_event(r, p) && !own) return;
        int agents[8], na = 0;
        if (by) {
            np_actors(r, after + 1, agents, &na, 8, true);
            if (na == 0) {
                int e = after + 1;
                while (e < r->n && e < after + 6 && !is_event(r, e) && !w_in(r, e, BOUNDARY)) e++;
                if (is_event(r, e)) {
                    int a = event_attacker(r, e);
                    if (a >= 0) agents[na++] = a;
                }
            }
        } else if (in_event) {
            int e = after + 1;
            while (e < r->n && e < after + 6 && !is_event(r, e) && !w_in(r, e, BOUNDARY) &&
                   !w_is(r, e, ","))
                e++;
            if (is_event(r, e) && tg->rel == NB_REL_ATTACKED) {
                int a = event_attacker(r, e);
                if (a >= 0) agents[na++] = a;
                else if (w_is(r, e - 1, "the") || w_is(r, e - 1, "same"))
                    na = nb_relations_recall_attack(r->aa, r->it[e].w, agents, 8); /* "killed in the strike" */
            }
        }
        if (na == 0) return;
        int ns;
        if (head_actor(r, b) && !be_aux(r, b)) {
            subj[0] = r->it[b].ent; /* "at war with the army led by al-Burhan" */
            ns = 1;
            /* "Kataib Hezbollah, an Iraqi militia backed by X": a generic
             * group in apposition to a name is that name */
            if (kind_of(r, b) == NB_KIND_GROUP) {
                int d = b - 1;
                while (d >= 0 && b - d <= 5 && (w_in(r, d, DET) || adjective_like(r, d) ||
                                                 (actor(r, d) && (r->it[d].flags & NB_IT_MOD))))
                    d--;
                if (d < b - 1 && w_is(r, d, ",") && head_actor(r, d - 1) && kind_of(r, d - 1) != NB_KIND_GROUP)
                    subj[0] = r->it[d - 1].ent;
            }
        } else {
            ns = find_subjects(r, b >= 0 ? b + 1 : v, subj, 8, &relobj);
        }
        if (tg->rel == NB_REL_COMMANDS && (!strcmp(r->it[v].w, "controlled") || !strcmp(r->it[v].w, "held"))) {
            /* "a city controlled by the army": places are held, not commanded */
            int kept = 0;
            for (int s = 0; s < ns; s++)
                if (r->aa->ents[subj[s]].kind != NB_KIND_UNKNOWN) subj[kept++] = subj[s];
            ns = kept;
        }
        for (int s = 0; s < ns; s++)
            for (int a = 0; a < na; a++) emit(r, agents[a], tg->rel, subj[s], "passive");
        if (tg->rel == NB_REL_ATTACKED) nb_relations_note_attack(r->aa, agents, na, r->it[v].w);
        return;
    }
    /* gerunds and bare participles are no finite verbs */
    /* present and base forms double as nouns ("the strikes"): a verb here
     * follows its subject, a relative pronoun or an adverb */
    if ((tg->form == 'b' || tg->form == 'p') && !head_actor(r, v - 1) && !w_in(r, v - 1, RELPRON) &&
        !(adverb(r, v - 1) && head_actor(r, v - 2)) &&
        !((w_is(r, v - 1, ",") || w_is(r, v - 1, "and")) && v >= 2 && find_trigger(r->it[v - 2].w) &&
          !(r->it[v - 2].flags & NB_IT_ACTOR)))
        return;
    if (blocked(r, v, true)) return;
    int ns = find_subjects(r, v, subj, 8, &relobj);
    if (ns == 0 && tg->rel == NB_REL_ATTACKED) {
        /* "An Israeli strike killed X", "Saudi-led coalition airstrikes hit",
         * "A U.S. drone strike on a car in eastern Baghdad killed X" */
        for (int e = v - 1; e >= 0 && e > v - 16; e--) {
            if (w_in(r, e, BOUNDARY) || w_is(r, e, ",") || (find_trigger(r->it[e].w) && !actor(r, e) && !is_event(r, e)))
                break;
            if (is_event(r, e)) {
                int a = event_attacker(r, e);
                if (a >= 0) {
                    subj[ns++] = a;
                    break;
                }
            }
        }
    }
    if (ns == 0) return;
    /* an object relative's verb has its object before it ("X, which Rwanda
     * funds, attacked Goma": not Goma) */
    int no = relobj >= 0 ? 0 : find_objects(r, v, tg->rel, obj, 8);
    static const char *const PLACE_VERBS[] = {"captured", "overran", "controls", "controlled",
                                              "shelled", "bombed", "pounded", "bombarded", "shells",
                                              "bombs", "raided", "stormed", "invaded", NULL};
    if (w_in(r, v, PLACE_VERBS) || tg->rel == NB_REL_ATTACKED) {
        /* "captured Paletwa", "shelled Stepanakert": towns are taken or
         * shelled, actors attacked; an unknown name here is a place */
        int kept = 0;
        for (int o = 0; o < no; o++) {
            const nb_entity *oe = &r->aa->ents[obj[o]];
            /* any attack on a lone unknown word ("attacked Mirebalais"); to a
             * verb of places, also a name an Arabic article opens that was
             * guessed a person ("shelled El Fasher", not "captured Olivier Dubois") */
            bool guessed = oe->kind == NB_KIND_PERSON && oe->dict < 0 && !oe->roles && oe->org < 0 &&
                           (!strncmp(oe->label, "El ", 3) || !strncmp(oe->label, "Al ", 3));
            bool place = ((oe->kind == NB_KIND_UNKNOWN && (w_in(r, v, PLACE_VERBS) || !strchr(oe->label, ' '))) ||
                          (guessed && w_in(r, v, PLACE_VERBS))) &&
                         !nb_label_acronym(oe->label);
            if (!place) obj[kept++] = obj[o];
        }
        no = kept;
    }
    const char *rule = "active";
    if (no == 0 && relobj >= 0) {
        obj[no++] = relobj;
        rule = "relative-object";
    }
    if (tg->rel == NB_REL_COMMANDS && verb_of_hold(r, v)) {
        /* "controls eastern Libya", "holds the Congolese town of Goma":
         * territory is held; a body (a militia, a ministry) is commanded */
        int kept = 0;
        for (int o = 0; o < no; o++) {
            nb_kind k = r->aa->ents[obj[o]].kind;
            if (k != NB_KIND_COUNTRY && k != NB_KIND_UNKNOWN) obj[kept++] = obj[o];
        }
        no = kept;
    }
    if (no == 0 && tg->rel == NB_REL_COMMANDS) return;
    if (tg->rel == NB_REL_ATTACKED && verbal_attack(r, v)) {
        /* "attacked France for its interference": words, not arms */
        for (int s = 0; s < ns; s++)
            for (int o = 0; o < no; o++) emit(r, subj[s], NB_REL_CONDEMNS, obj[o], "verbal-attack");
        return;
    }
    for (int s = 0; s < ns; s++)
        for (int o = 0; o < no; o++) emit(r, subj[s], tg->rel, obj[o], rule_name(tg->rel, rule));
    if (tg->rel == NB_REL_ATTACKED) {
        nb_relations_note_attack(r->aa, subj, ns, r->it[v].w);
        /* "killed 16 soldiers in an ambush": the ambush is theirs too */
        for (int k = v + 1; k < r->n && k < v + 12; k++) {
            if (w_in(r, k, BOUNDARY) || w_is(r, k, ",")) break;
            if (w_is(r, k, "in") && w_in(r, k + 1, DET)) {
                int e = k + 2;
                while (e < r->n && e < k + 5 && w_in(r, e, EVENT_MOD)) e++;
                if (is_event(r, e)) nb_relations_note_attack(r->aa, subj, ns, r->it[e].w);
                break;
            }
        }
    }
}

/* "carried out airstrikes ... against X", "launched attacks on X" */
static void light_verb(rctx *r, int v)
{
    int k = v + 1;
    if (w_is(r, k, "out")) k++;
    /* "launched one of its most intense air attacks on" */
    if (w_is(r, k, "one") && w_is(r, k + 1, "of")) k += 2;
    if (w_is(r, k, "its") || w_is(r, k, "their")) k++;
    int e = k;
    while (e < r->n && e < k + 4 && !is_event(r, e) && !w_in(r, e, BOUNDARY)) e++;
    if (!is_event(r, e) || blocked(r, v, true)) return;
    int subj[8], relobj;
    int ns = find_subjects(r, v, subj, 8, &relobj);
    if (ns == 0) return;
    nb_relations_note_attack(r->aa, subj, ns, r->it[e].w);
    for (int p = e + 1; p < r->n && p < e + 8; p++) {
        if (w_in(r, p, BOUNDARY) && !w_is(r, p, "after")) break;
        if (w_is(r, p, "on") || w_is(r, p, "against") || w_is(r, p, "targeting") || w_is(r, p, "at")) {
            int obj[8], no = 0;
            np_actors(r, p + 1, obj, &no, 8, true);
            for (int s = 0; s < ns; s++)
                for (int o = 0; o < no; o++) emit(r, subj[s], NB_REL_ATTACKED, obj[o], "light-verb");
            if (no) return;
        }
    }
}

/* "fired a ballistic missile at the Israeli city of Eilat", "troops fired
 * on its peacekeepers" */
static void fire_at(rctx *r, int v)
{
    static const char *const WEAPON[] = {
        "missile", "missiles", "rocket", "rockets", "drone", "drones", "shells", "shell",
        "mortars", "mortar", "rounds", "salvo", "salvos", "barrage", "projectiles", "projectile",
        "ballistic", "cruise", "anti-ship", "explosive", "artillery", "tear", "gas", "live",
        "ammunition", "bullets", "shots", "warning", "volley", "torpedo", "grenades", NULL};
    int k = v + 1;
    while (k < r->n && k < v + 8 && !w_is(r, k, "at") &&
           (w_in(r, k, DET) || w_in(r, k, WEAPON) || is_number(r, k) || w_is(r, k, "-") ||
            (w_is(r, k, "of") && (w_in(r, k - 1, DET) || is_number(r, k - 1)))))
        k++; /* "fired dozens of rockets at" */
    if (!w_is(r, k, "at") && !w_is(r, k, "on") && !w_is(r, k, "towards") && !w_is(r, k, "toward") &&
        !w_is(r, k, "into"))
        return;
    if (blocked(r, v, true)) return;
    int obj[8], no = 0;
    np_actors(r, k + 1, obj, &no, 8, true);
    if (no == 0) return;
    int subj[8], relobj;
    int ns = find_subjects(r, v, subj, 8, &relobj);
    emit_pairs(r, subj, ns, NB_REL_ATTACKED, obj, no, "fired-at");
    nb_relations_note_attack(r->aa, subj, ns, "attack");
}

/* "Iran, Hezbollah's main backer", "China and Russia are the junta's main
 * arms suppliers" */
static void backer_noun(rctx *r, int k)
{
    int y = k - 1;
    static const char *const ADJ[] = {"main", "largest", "biggest", "key", "chief", "top", "major",
                                      "principal", "primary", "military", "financial", "arms",
                                      "weapons", "and", "longtime", "long-time", "staunchest",
                                      "closest", "most", "important", "only", "sole", NULL};
    while (y >= 0 && y > k - 7 && w_in(r, y, ADJ)) y--;
    if (!actor(r, y) || !(r->it[y].flags & NB_IT_POSS)) return;
    int i = y - 1;
    while (i >= 0 && w_in(r, i, DET)) i--;
    int subj[8], ns = 0, relobj;
    if (w_is(r, i, ",") && head_actor(r, i - 1)) {
        subj[ns++] = r->it[i - 1].ent; /* apposition */
    } else if (be_aux(r, i) || w_is(r, i, "remains") || w_is(r, i, "became")) {
        int j = i - 1;
        while (j >= 0 && adverb(r, j)) j--;
        if (w_in(r, j, NEG) || ends_nt(r, j) || w_in(r, j, MODAL) || blocked(r, i, false)) return;
        ns = find_subjects(r, i, subj, 8, &relobj);
    }
    for (int s = 0; s < ns; s++) emit(r, subj[s], NB_REL_FUNDS, r->it[y].ent, "backer-noun");
}

/* True when the clause after a nominal event says it is not real: "a
 * Russian attack on NATO was unlikely", "Iran's backing of the Houthis
 * remains unproven". */
static bool hedged_after(const rctx *r, int e)
{
    static const char *const UNREAL[] = {
        "unlikely", "likely", "possible", "imminent", "would", "could", "might", "may", "will",
        "feared", "expected", "looms", "looming", "unproven", "unconfirmed", "disputed",
        "denied", "denies", "alleged", "unclear", "hypothetical", "rumoured", "rumored", NULL};
    for (int k = e + 1; k < r->n && k < e + 10; k++) {
        if (w_is(r, k, ";") || w_is(r, k, ".") || w_is(r, k, ",") || w_in(r, k, RELPRON)) break;
        if (w_in(r, k, UNREAL)) return true;
    }
    return false;
}

/* "US airstrikes on X", "the US killing of X", "Israel's attack on X" */
static void nominal_attack(rctx *r, int e)
{
    if (blocked(r, e, false)) return;
    int d = e - 1;
    while (d >= 0 && (w_in(r, d, EVENT_MOD) || w_in(r, d, EVENT_HEAD) || actor(r, d))) d--;
    if (w_is(r, d, "any") || w_is(r, d, "no") || w_is(r, d, "possible") ||
        w_is(r, d, "potential") || w_is(r, d, "future") || w_is(r, d, "further") ||
        w_in(r, d, STOPV) || w_in(r, d - 1, STOPV) || w_in(r, d - 2, STOPV))
        return;
    if (hedged_after(r, e)) return;
    int a = event_attacker(r, e);
    if (a < 0) return;
    nb_relations_note_attack(r->aa, &a, 1, r->it[e].w);
    const char *w = r->it[e].w;
    bool of_ok = !strcmp(w, "killing") || !strcmp(w, "killings") || !strcmp(w, "assassination") ||
                 !strcmp(w, "murder") || !strcmp(w, "bombing") || !strcmp(w, "shelling") ||
                 !strcmp(w, "bombardment") || !strcmp(w, "targeting");
    int p = e + 1;
    if (w_is(r, p, "on") || w_is(r, p, "against") || w_is(r, p, "targeting") ||
        (of_ok && w_is(r, p, "of"))) {
        int obj[8], no = 0;
        np_actors(r, p + 1, obj, &no, 8, true);
        if (no == 0) {
            int h = phrase_head(r, p + 1, 6);
            if (h >= 0) obj[no++] = r->it[h].ent;
        }
        for (int o = 0; o < no; o++) emit(r, a, NB_REL_ATTACKED, obj[o], "nominal");
    }
}

/* "Rwanda's support for M23", "Iranian backing of the Houthis", "Iran's
 * funding of Hamas" */
static void nominal_funds(rctx *r, int k)
{
    int a = k - 1;
    while (a >= 0 && (w_in(r, a, ROLE_ADJ) || w_is(r, a, "military") || w_is(r, a, "financial") ||
                      w_is(r, a, "continued") || w_is(r, a, "longstanding")))
        a--;
    if (!actor(r, a) || !(r->it[a].flags & (NB_IT_POSS | NB_IT_MOD))) return;
    if (!w_is(r, k + 1, "for") && !w_is(r, k + 1, "of") && !w_is(r, k + 1, "to")) return;
    if (blocked(r, k, false) || hedged_after(r, k)) return;
    int obj[8], no = 0;
    np_actors(r, k + 2, obj, &no, 8, false);
    for (int o = 0; o < no; o++) emit(r, r->it[a].ent, NB_REL_FUNDS, obj[o], "nominal-funds");
}

static const char *const AID[] = {
    "weapons", "arms", "funding", "funds", "money", "training", "support", "backing",
    "financing", "drones", "missiles", "ammunition", "equipment", "aid", "military",
    "financial", "logistical", "cash", "rockets", "helicopters", "tanks", "vehicles",
    "armoured", "armored", "artillery", "shells", "rifles", "guns", "fuel", "intelligence",
    "assistance", "advisers", "advisors", "instructors", "fighters", "mercenaries", "jets",
    "aircraft", "munitions", "explosives", "components", "parts", "air", "defence",
    "defense", "systems", "launchers", "salaries", "loans", "grants", "millions", "billions",
    "lethal", "heavy", "light", "small", "advanced", "attack", "combat", "ballistic",
    "anti-tank", "anti-aircraft", "cruise", "long-range", "and", ",", "package", "packages",
    "million", "billion", "$", "euros", "dollars", "pounds", "worth", "tranche", "new",
    "further", "additional", "humanitarian", "security", "budget", "salaries", "wages", NULL};

/* Counts the aid words of the phrase from i ("counter-terrorism training",
 * "$300 million military aid package"), over at most span items; *end
 * receives the item after it. to_target: the phrase ends before "to X", so
 * an actor, a hyphen or a "$" ends or continues it as there. */
static int aid_words(const rctx *r, int i, int span, bool to_target, int *end)
{
    int m = i, aid = 0;
    while (m < r->n && m < i + span && !w_in(r, m, BOUNDARY) && !w_in(r, m, PREP) &&
           !(to_target && actor(r, m)) &&
           !((r->it[m].flags & NB_IT_PUNCT) && !w_is(r, m, ",") &&
             !(to_target && (w_is(r, m, "-") || w_is(r, m, "$")))))
        aid += w_in(r, m++, AID);
    *end = m;
    return aid;
}

/* "supplied Bamako with attack helicopters", "has provided Hamas with money",
 * "sent weapons and fighters to the Houthis" */
static void give(rctx *r, int v)
{
    if (blocked(r, v, true)) return;
    /* "sanctioned two Iranian commanders for supplying drones to Russia":
     * a gerund after "for"/"of" is its object's deed, the tree's to read */
    if (v > 0 && (w_is(r, v - 1, "for") || w_is(r, v - 1, "of")) && r->it[v].w) {
        size_t n = strlen(r->it[v].w);
        if (n > 4 && !strcmp(r->it[v].w + n - 3, "ing")) return;
    }
    int obj[8], no = 0, k = v + 1;
    while (k < r->n && adverb(r, k)) k++;
    int end = np_actors(r, k, obj, &no, 8, false);
    int w = w_is(r, k, "the") ? k + 1 : k;
    int m0 = end;
    /* "delivered Javelin anti-tank missiles to X": an unknown name before
     * aid words and "to" is the goods' make, not the receiver */
    if (no == 1 && r->aa->ents[obj[0]].kind == NB_KIND_UNKNOWN && aid_words(r, end, 6, true, &m0) > 0 &&
        (w_is(r, m0, "to") || w_is(r, m0, "for"))) {
        no = 0;
        np_actors(r, m0 + 1, obj, &no, 8, false);
        if (no == 0) return;
    } else if (no > 0 && (w_is(r, w, "salaries") || w_is(r, w, "wages"))) {
        /* "pays the salaries of Somali soldiers" */
    } else if (no > 0) {
        if (!w_is(r, end, "with")) return;
        /* "with fighter jets", "with Chinese-made drones": some aid word follows */
        int m;
        if (aid_words(r, end + 1, 6, false, &m) == 0) return;
    } else {
        /* "provided counter-terrorism training to Mozambican marines" */
        int m;
        int aid = aid_words(r, k, 8, true, &m);
        bool wages = w_is(r, m, "of") && (w_is(r, m - 1, "salaries") || w_is(r, m - 1, "wages"));
        if (aid == 0 || !(w_is(r, m, "to") || w_is(r, m, "for") || wages)) return;
        np_actors(r, m + 1, obj, &no, 8, false);
        if (no == 0) return;
    }
    int subj[8], relobj;
    int ns = find_subjects(r, v, subj, 8, &relobj);
    emit_pairs(r, subj, ns, NB_REL_FUNDS, obj, no, "supplies");
}

/* "X, the commander of Y", "X is a senior commander of Y", "X - Head of Y",
 * "the leader of Y, X" */
static void role_of(rctx *r, int k)
{
    if (!w_is(r, k + 1, "of")) return;
    if (w_is(r, k - 1, "deputy") || w_is(r, k - 1, "former") == false) { /* former roles count */ }
    int y = phrase_head(r, k + 2, 8);
    if (y < 0) return;
    int i = k - 1;
    while (i >= 0 && (w_in(r, i, ROLE_ADJ) || w_in(r, i, DET))) i--;
    if (w_is(r, i, "assistant")) return;
    /* "was named head of", "was appointed commander of": a copula */
    static const char *const APPOINT[] = {"named", "appointed", "elected", "chosen", "installed",
                                          "made", NULL};
    if (w_in(r, i, APPOINT) && be_aux(r, i - 1)) i--;
    int x = -1;
    if (w_is(r, i, ",") || dash(r, i) || w_is(r, i, "(")) {
        if (head_actor(r, i - 1)) x = i - 1;
    } else if (be_aux(r, i) || w_is(r, i, "became") || w_is(r, i, "remains") ||
               w_is(r, i, "as")) {
        int j = i - 1;
        while (j >= 0 && adverb(r, j)) j--;
        if (w_in(r, j, NEG) || ends_nt(r, j) || w_in(r, j, MODAL)) return;
        if (w_is(r, i, "as") && j >= 1) {
            /* "would serve as", "hopes to emerge as", "denied acting as":
             * the verb before "as" carries the modality */
            int b = j - 1;
            while (b >= 0 && adverb(r, b)) b--;
            if (w_in(r, b, NEG) || ends_nt(r, b) || w_in(r, b, MODAL) || w_in(r, b, INTENT)) return;
            if (w_is(r, b, "to") && (w_in(r, b - 1, INTENT) || w_in(r, b - 1, NEG))) return;
        }
        if (w_in(r, j, RELPRON)) {
            int a = antecedent(r, j);
            if (a >= 0) emit(r, a, NB_REL_COMMANDS, r->it[y].ent, "copula-role");
            return;
        }
        int subj[8], relobj;
        int ns = find_subjects(r, i, subj, 8, &relobj);
        for (int s = 0; s < ns; s++) {
            nb_kind kd = r->aa->ents[subj[s]].kind;
            if (kd == NB_KIND_PERSON || kd == NB_KIND_UNKNOWN)
                emit(r, subj[s], NB_REL_COMMANDS, r->it[y].ent, "copula-role");
        }
        return;
    } else {
        /* "the leader of Y, X" */
        int after = y + 1;
        if (w_is(r, after, ",") && head_actor(r, after + 1) &&
            kind_of(r, after + 1) == NB_KIND_PERSON)
            x = after + 1;
    }
    if (x < 0) return;
    nb_kind kd = kind_of(r, x);
    if (kd != NB_KIND_PERSON && kd != NB_KIND_UNKNOWN) return;
    emit(r, r->it[x].ent, NB_REL_COMMANDS, r->it[y].ent, "appositive-role");
}

/* "Hezbollah leader Hassan Nasrallah", "Iran's Revolutionary Guards Chief,
 * Esmail Ghaani", "Iraqi militia commander Qais al-Khazali" */
static void role_compound(rctx *r, int k)
{
    if (w_is(r, k + 1, "of")) return;
    /* "the Taliban's chief spokesman": a title, not the group's chief */
    static const char *const NOT_LEADER[] = {
        "spokesman", "spokeswoman", "spokesperson", "negotiator", "prosecutor", "economist",
        "correspondent", "adviser", "advisor", "strategist", "engineer", "scientist", "whip",
        "justice", "analyst", "diplomat", "envoy", "medical", "rabbi", "mufti", "editor", NULL};
    if (w_in(r, k + 1, NOT_LEADER)) return;
    /* "Former Hamas leader X", "the late Hamas commander X": a role no
     * longer held (as @PAST_ROLE for the tree) */
    static const char *const PAST[] = {"former", "late", "erstwhile", "onetime", "ex", NULL};
    for (int b = k - 1; b >= 0 && b >= k - 4; b--)
        if (w_in(r, b, PAST)) return;
    int y = k - 1;
    while (y >= 0 && y > k - 4 && (w_in(r, y, ROLE_ADJ) || (adjective_like(r, y) && !w_in(r, y, NB_LEX_ROLE))))
        y--;
    int yent = -1;
    if (w_is(r, y, "whose")) {
        yent = antecedent(r, y); /* "Harakat al-Nujaba, whose leader Akram al-Kaabi" */
    } else if (actor(r, y) && (!(r->it[y].flags & NB_IT_PRON) || (r->it[y].flags & NB_IT_POSS))) {
        nb_kind yk = kind_of(r, y);
        /* a country counts only through its forces: "Sudanese army chief" */
        const char *last = r->it[y].w;
        (void)last;
        if (yk == NB_KIND_ORG || yk == NB_KIND_GROUP) yent = r->it[y].ent;
        else if (yk == NB_KIND_COUNTRY && (r->aa->ents[r->it[y].ent].roles & NB_ROLE_ARMY) &&
                 r->it[y].t1 - r->it[y].t0 >= 2)
            yent = r->it[y].ent;
    }
    if (yent < 0) return;
    int x = k + 1;
    if (w_is(r, x, ",")) x++;
    while (x < r->n && x < k + 5 && !actor(r, x) && (r->it[x].flags & NB_IT_CAP) &&
           w_in(r, x, NB_LEX_TITLE))
        x++; /* "army chief, Field Marshal Asim Munir" */
    if (person_like(r, x)) {
        emit(r, r->it[x].ent, NB_REL_COMMANDS, yent, "compound-role");
        return;
    }
    /* "Zemene Kassie, one of Fano's most prominent commanders" */
    if (w_is(r, y - 1, "of") && w_is(r, y - 2, "one") && w_is(r, y - 3, ",") && person_like(r, y - 4)) {
        emit(r, r->it[y - 4].ent, NB_REL_COMMANDS, yent, "appositive-role");
        return;
    }
    /* "Hemedti, the RSF commander, said" */
    int d = y - 1;
    while (d >= 0 && w_in(r, d, DET)) d--;
    if ((w_is(r, d, ",") || dash(r, d)) && person_like(r, d - 1) && !w_is(r, y - 1, "of"))
        emit(r, r->it[d - 1].ent, NB_REL_COMMANDS, yent, "appositive-role");
}

/* "Hemedti, whose Rapid Support Forces control Darfur" */
static void whose_org(rctx *r, int k)
{
    if (!w_is(r, k - 1, ",") || !person_like(r, k - 2) || kind_of(r, k - 2) != NB_KIND_PERSON) return;
    int m = k + 1;
    while (m < r->n && m < k + 4 && (w_in(r, m, ROLE_ADJ) || adjective_like(r, m)) && !actor(r, m)) m++;
    if (!head_actor(r, m) || kind_of(r, m) != NB_KIND_ORG) return;
    /* "whose Hezbollah allies", "whose Hamas captors": not his own group */
    static const char *const OTHERS[] = {"allies", "ally", "fighters", "members", "supporters",
                                         "captors", "rivals", "enemies", "backers", "officials",
                                         "leaders", "commanders", "counterparts", "hosts", NULL};
    if (w_in(r, m + 1, OTHERS)) return;
    emit(r, r->it[k - 2].ent, NB_REL_COMMANDS, r->it[m].ent, "whose");
}

/* "Iraqi Prime Minister Adel Abdul Mahdi", "U.S. President Donald Trump" */
static void head_of_state(rctx *r, int p)
{
    const nb_item *it = &r->it[p];
    nb_entity *e = &r->aa->ents[it->ent];
    if (e->kind != NB_KIND_PERSON || (it->flags & NB_IT_PRON)) return;
    /* The title words sit between a country item and the person. */
    int c = p - 1;
    bool head = false;
    while (c >= 0 && !(r->it[c].flags & NB_IT_ACTOR) && (r->it[c].flags & NB_IT_CAP) && p - c <= 4) {
        const char *w = r->it[c].w;
        if (!strcmp(w, "president") || !strcmp(w, "prime") || !strcmp(w, "premier") ||
            !strcmp(w, "king") || !strcmp(w, "emir") || !strcmp(w, "chancellor") ||
            !strcmp(w, "supreme"))
            head = true;
        c--;
    }
    if (!head || !actor(r, c) || kind_of(r, c) != NB_KIND_COUNTRY) return;
    if (!(r->it[c].flags & (NB_IT_MOD | NB_IT_POSS)) && !(r->it[c].t1 == it->t0 - 1 || true)) return;
    emit(r, it->ent, NB_REL_COMMANDS, r->it[c].ent, "title");
}

/* "Iran-backed militias", "the Iranian-backed Kataib Hezbollah" */
static void backed_compound(rctx *r, int b)
{
    for (int k = b + 1; k < r->n && k <= b + 4; k++) {
        if ((r->it[k].flags & NB_IT_PUNCT) || w_in(r, k, PREP) || w_in(r, k, BOUNDARY)) return;
        if (head_actor(r, k)) {
            nb_rel rel = (r->it[b].flags & NB_IT_LED) ? NB_REL_COMMANDS : NB_REL_FUNDS;
            emit(r, r->it[b].ent, rel, r->it[k].ent, "compound-backed");
            return;
        }
        if (find_trigger(r->it[k].w) && !(r->it[k].flags & NB_IT_ACTOR)) return;
    }
}

/* "X said the strikes were unacceptable", "X called the airstrikes a
 * blatant attack on Iraqi sovereignty" */
static void speech(rctx *r, int v)
{
    int e = -1;
    for (int k = v + 1; k < r->n && k < v + 8; k++) {
        if (w_is(r, k, ";") || w_is(r, k, ".")) return;
        if (is_event(r, k)) {
            e = k;
            break;
        }
    }
    if (e < 0) return;
    bool eval = false;
    for (int k = e + 1; k < r->n && k < e + 14; k++) {
        if (w_is(r, k, ";") || w_is(r, k, ".")) break;
        if (w_in(r, k, EVAL) || (w_is(r, k, "act") && w_is(r, k + 1, "of"))) eval = true;
    }
    if (!eval || blocked(r, v, true)) return;
    int att[4], na = 0;
    att[0] = event_attacker(r, e);
    if (att[0] >= 0) na = 1;
    else if (!actor(r, e - 1) || place_like(r, e - 1)) na = nb_relations_recall_attack(r->aa, r->it[e].w, att, 4);
    if (na == 0) return;
    int subj[8], relobj;
    int ns = find_subjects(r, v, subj, 8, &relobj);
    for (int s = 0; s < ns; s++)
        for (int a = 0; a < na; a++) emit(r, subj[s], NB_REL_CONDEMNS, att[a], "reported-speech");
}

static const char *const GIVE[] = {
    "supplied", "supplies", "supply", "provided", "provides", "provide", "sent", "sends", "send",
    "delivered", "delivers", "deliver", "gave", "gives", "give", "shipped", "ships", "smuggled",
    "smuggles", "transferred", "sold", "sells", "sell", "furnished", "furnishes", "supplying",
    "providing", "announced", "approved", "unveiled", "granted", "allocated", "disbursed",
    "donated", "pays", "paid", "pay", NULL};
static const char *const BACKER[] = {"backer", "backers", "supplier", "suppliers", "sponsor",
                                     "sponsors", "financier", "financiers", "patron", "benefactor",
                                     "paymaster", NULL};
/* Words the loop below reacts to besides those lists. */
static const char *const CUES[] = {
    "support", "backing", "funding", "sponsorship", "financing", "arming",
    "hit", "whose", ",", "fired", "fires", "launched", NULL};

static nb_map cue_index;
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static void free_cues(void) { nb_map_free(&cue_index); }

static void init_cues(void)
{
    atexit(free_cues);
    const char *const *lists[] = {NB_LEX_ROLE, LIGHT, EVENT_HEAD, SPEECH, GIVE, BACKER, CUES};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t i = 0; lists[l][i]; i++) nb_map_put(&cue_index, lists[l][i], 1);
    for (size_t i = 0; TRIGGERS[i].w; i++) nb_map_put(&cue_index, TRIGGERS[i].w, 1);
}

/* True when some pattern starts at word w: one lookup saves a dozen for
 * the most common words ("the", "of", "said"). */
static bool cue(const char *w)
{
    pthread_once(&cue_once, init_cues);
    return nb_map_get(&cue_index, w, NULL);
}

/* "Haftar's Libyan National Army", "Machar's SPLM-IO": a person's
 * possessive on an organisation's name is its leader's. */
static void owner_leader(rctx *r, int i)
{
    const nb_item *it = &r->it[i];
    if (it->ent < 0 || (it->flags & (NB_IT_PRON | NB_IT_MOD)) || r->aa->ents[it->ent].kind != NB_KIND_PERSON) return;
    int j = i + 1;
    if (!(it->flags & NB_IT_POSS)) {
        if (!w_is(r, j, "'s") && !w_is(r, j, "\xe2\x80\x99s")) return;
        j++;
    }
    if (j >= r->n || !(r->it[j].flags & NB_IT_ACTOR) || r->it[j].ent < 0 ||
        (r->it[j].flags & (NB_IT_PRON | NB_IT_MOD | NB_IT_POSS)))
        return;
    int org = r->it[j].ent;
    while (r->aa->ents[org].alias_of >= 0) org = r->aa->ents[org].alias_of;
    if (r->aa->ents[org].kind != NB_KIND_ORG) return;
    emit(r, it->ent, NB_REL_COMMANDS, org, "poss-leader");
}

size_t nb_relations_find(nb_article_actors *aa, const nb_item *items, size_t n_items,
                         nb_found **out, size_t *n_out, size_t *cap)
{
    size_t start = *n_out;
    rctx r = {aa, items, (int)n_items, out, n_out, cap, false};
    for (int i = (int)n_items - 1; i >= 0; i--) {
        if (items[i].flags & NB_IT_ACTOR) break;
        if (w_is(&r, i, "?")) r.question = true;
        if (!(items[i].flags & NB_IT_PUNCT) && !w_is(&r, i, "\"")) break;
    }
    for (int i = 0; i < r.n; i++) {
        const nb_item *it = &items[i];
        if (it->flags & NB_IT_ACTOR) {
            if (it->flags & (NB_IT_BACKED | NB_IT_LED)) backed_compound(&r, i);
            else head_of_state(&r, i);
            owner_leader(&r, i);
            continue;
        }
        if (!cue(it->w)) continue;
        const trigger *tg = find_trigger(it->w);
        /* ("whose Islamist-led forces": "led" glued by its hyphen is an
         * adjective's part, no verb; "the military-backed X" names its backer) */
        /* (an actor before it leads: "the IRGC-commanded Kataib Hezbollah") */
        if (tg && tg->rel == NB_REL_COMMANDS && i > 1 && w_is(&r, i - 1, "-") && !dash(&r, i - 1) && !actor(&r, i - 2))
            tg = NULL;
        if (tg) verb_pattern(&r, i, tg);
        if (w_in(&r, i, NB_LEX_ROLE)) {
            role_of(&r, i);
            role_compound(&r, i);
        }
        if (w_in(&r, i, LIGHT)) light_verb(&r, i);
        if (is_event(&r, i)) nominal_attack(&r, i);
        if (w_in(&r, i, SPEECH)) speech(&r, i);
        if (w_is(&r, i, "support") || w_is(&r, i, "backing") || w_is(&r, i, "funding") ||
            w_is(&r, i, "sponsorship") || w_is(&r, i, "financing") || w_is(&r, i, "arming"))
            nominal_funds(&r, i);
        if (w_in(&r, i, GIVE)) give(&r, i);
        if (w_is(&r, i, "whose")) whose_org(&r, i);
        if (w_is(&r, i, "fired") || w_is(&r, i, "fires") || w_is(&r, i, "launched")) fire_at(&r, i);
        if (w_in(&r, i, BACKER)) backer_noun(&r, i);
    }
    (void)start;
    return *n_out;
}
