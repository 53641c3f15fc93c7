#include "lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Word lists are looked up for every token, so each gets a hash set the
 * first time it is used; the lists themselves stay readable arrays. The
 * sets are per thread: extraction threads (pipeline.c) build their own
 * rather than take a lock on every word. */
typedef struct {
    const char *const *list;
    nb_map set;
} lex_set;

static _Thread_local lex_set *sets;
static _Thread_local size_t n_sets, cap_sets;

/* Which set each list has, remembered by the list's address (direct-
 * mapped): scanning every set at each call made nb_lex_in a percent of a
 * run. It holds indexes, as sets grows and moves. */
#define RECENT 64
static _Thread_local size_t recent[RECENT]; /* index + 1 into sets, 0: none */

void nb_lex_thread_free(void)
{
    for (size_t i = 0; i < n_sets; i++) nb_map_free(&sets[i].set);
    free(sets);
    sets = NULL;
    n_sets = cap_sets = 0;
    memset(recent, 0, sizeof recent);
}

static pthread_once_t at_exit_once = PTHREAD_ONCE_INIT;

static void register_free(void) { atexit(nb_lex_thread_free); }

static size_t recent_at(const char *const *list) { return ((uintptr_t)list / sizeof *list) % RECENT; }

static const nb_map *set_of(const char *const *list)
{
    size_t r = recent[recent_at(list)];
    if (r && r <= n_sets && sets[r - 1].list == list) return &sets[r - 1].set;
    for (size_t i = 0; i < n_sets; i++)
        if (sets[i].list == list) {
            recent[recent_at(list)] = i + 1;
            return &sets[i].set;
        }
    if (n_sets == 0) pthread_once(&at_exit_once, register_free); /* at exit: the main thread's */
    nb_grow(&sets, &cap_sets, n_sets + 1, sizeof *sets);
    lex_set *ls = &sets[n_sets++];
    ls->list = list;
    memset(&ls->set, 0, sizeof ls->set);
    for (size_t i = 0; list[i]; i++) nb_map_put(&ls->set, list[i], 1);
    return &ls->set;
}

bool nb_lex_in(const char *w, size_t n, const char *const *list)
{
    return nb_map_get_n(set_of(list), w, n, NULL);
}

const char *const NB_LEX_STOP_CAP[] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or",
    "but", "however", "after", "before", "during", "since", "despite", "although", "though",
    "while", "when", "where", "as", "if", "this", "that", "these", "those", "there", "here",
    "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
    "your", "him", "them", "us", "me", "who", "what", "which", "why", "how", "now", "then",
    "also", "meanwhile", "earlier", "later", "today", "yesterday", "tomorrow", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "photo", "source", "sources", "image",
    "video", "read", "more", "previous", "next", "article", "related", "comments", "share",
    "total", "search", "click", "follow", "subscribe", "advertisement", "but", "so", "yet",
    "not", "no", "yes", "all", "some", "many", "most", "several", "both", "each", "every",
    "another", "other", "such", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "first", "second", "third", "last", "new", "old", "according",
    "citing", "amid", "among", "under", "over", "about", "against", "between", "through",
    "into", "without", "within", "until", "unless", "because", "whether", "once", "even",
    "just", "only", "still", "already", "again", "further", "further", "just", "do", "did",
    "does", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "could", "should", "can", "might", "must", "shall", "said", "says", "told", "asked",
    "reported", "gmt", "utc", "am", "pm", "breaking", "update", "updated", "exclusive",
    "urgent", "corrected", "refile",
    "analysis", "opinion", "editorial", "watch", "listen", "live", "god", "allah", "lord",
    "islamic", "muslim", "muslims", "christian", "christians", "jewish", "shia", "shiite",
    "catholic", "catholics", "orthodox", "protestant", "protestants", "evangelical", "anglican", "coptic",
    "sunni", "arab", "arabs", "kurdish", "western", "eastern", "northern", "southern",
    "north", "south", "east", "west", "central", "middle", "gulf", "region", "internet",
    "covid", "covid-19", "coronavirus", "christmas", "ramadan", "eid", "war", "world",
    "civil", "cold", "international", "national", "federal", "state", "republic",
    "democratic", "people", "government", "ministry", "army", "police", "parliament",
    "president", "minister", "general", "leader", "chief", "commander", "head", "prime",
    "secretary", "spokesman", "spokesperson", "spokeswoman", "official", "officials",
    "sheikh", "ayatollah", "grand", "senior", "top", "former", "deputy", "acting", NULL};

const char *const NB_LEX_CONNECT[] = {
    "al", "el", "bin", "ibn", "bint", "abu", "abd", "abdul", "de", "du", "da", "van", "von",
    "der", "ul", "ud", "ad", "as", "ash", "an", "ar", "at", "az", "wal", "wa",
    /* French, Spanish, Portuguese, Italian ("Observatoire Sahélien des Droits Humains") */
    "des", "del", "dos", "das", "di",
    /* their "and" between two capitals ("Estado Mayor de Bloques y Frentes") */
    "y", "et", NULL};

const char *const NB_LEX_TITLE[] = {
    "president", "prime", "minister", "vice", "general", "gen", "lt", "lieutenant",
    "major", "maj", "brigadier", "brig", "colonel", "col", "commander", "cmdr", "sheikh",
    "sheik", "grand", "ayatollah", "hojatoleslam", "cleric", "imam", "king", "queen",
    "crown", "prince", "princess", "emir", "sultan", "foreign", "defense", "defence",
    "interior", "secretary", "state", "chancellor", "senator", "sen", "rep",
    "representative", "mr", "mrs", "ms", "dr", "chief", "leader", "supreme", "spokesman",
    "spokesperson", "spokeswoman", "ambassador", "envoy", "mullah", "field", "marshal",
    "admiral", "adm", "rear", "captain", "capt", "lieutenant-general", "sergeant", "sgt",
    "governor", "gov", "mayor", "speaker", "premier", "head", "deputy", "senior", "top",
    "former", "acting", "military", "army", "staff", "of", "the", "militia", "rebel",
    "opposition", "cabinet", "finance", "information", "sayyed", "sayyid", "mohammed?",
    "judge", "justice", "pope", "patriarch", "bishop", "archbishop", "cardinal", "rabbi", "mufti", "professor",
    "catholicos", "reverend", "rev", "pastor",
    "prof", "analyst", "researcher", "journalist", "correspondent", "reporter",
    "activist", "lawmaker", "mp", "politician", "official", "gov.", "founder", "chairman",
    "director", "ceo", "inspector", "superintendent", "commissioner", "additional", "assistant",
    "chairwoman", "chairperson", "secretary-general", "commander-in-chief", "ombudsman", "ombudswoman",
    "prosecutor", "attorney", "congressman", "congresswoman", "legislator", "assemblyman",
    "assemblywoman", "constable", "councillor", "councilor", "councilman", "councilwoman", NULL};

const char *const NB_LEX_PERSON_TITLE[] = {
    "minister", "president", "general", "gen", "colonel", "col", "commander", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "secretary", "governor", "mayor", "senator", "mr", "mrs", "ms", "dr",
    "judge", "prosecutor", "lawmaker", "activist", "journalist", "chairman", "director", "sheikh", "lt", "capt",
    "maj", "brig", "sgt", "king", "queen", "prince", "emir", "commissioner", "superintendent", "inspector", NULL};

const char *const NB_LEX_HEAD_STATE[] = {
    "president", "prime minister", "premier", "king", "emir", "supreme leader",
    "chancellor", "sultan", "crown prince", NULL};

const char *const NB_LEX_ROLE[] = {
    "leader", "leaders", "commander", "chief", "head", "founder", "chairman", "emir",
    "boss", "commander-in-chief", "secretary-general", "chief of staff", "ringleader",
    "commanders", "chiefs", "heads", NULL};

const char *const NB_LEX_ORG_HEAD[] = {
    "force", "forces", "army", "brigade", "brigades", "front", "movement", "party",
    "council", "committee", "committees", "organization", "organisation", "group",
    "corps", "guard", "guards", "union", "agency", "ministry", "command", "battalion",
    "battalions", "division", "militia", "alliance", "coalition", "authority", "office",
    "foundation", "fund", "institute", "intelligence", "network", "federation", "association", "company", "bank",
    "exchange", "holdings", "corporation", "airlines", "airways", "industries",
    "league", "mission", "units", "unit", "regiment", "legion", "jihad", "taliban",
    "congress", "assembly", "parliament", "department", "service", "services", "police",
    "navy", "administration", "government", "tribunal", "court", "cartel", "gang",
    "resistance", "mujahideen", "fighters", "revolutionaries",
    /* administrative units and chambers (WordNet bureau.n.02, directorate.n.01,
     * house.n.03: "the House of Representatives", "Freedom House") */
    "bureau", "directorate", "secretariat", "house",
    /* standing bodies named a conference ("Tanzania Episcopal Conference",
     * "All Parties Hurriyat Conference") */
    "conference",
    /* a named cell ("Field Action Coordination Cell") */
    "cell", "forum",
    /* research and teaching bodies ("Centre for Strategic Studies",
     * "National Defence University") */
    "centre", "center", "university", "academy",
    /* rights groups and monitors ("Iran Human Rights", "Chile Human Rights
     * Watch", "the Syria Campaign") */
    "commission", "rights", "watch", "campaign", "observatory", "monitor", "initiative", "society",
    /* plural emblems that armed groups name themselves by ("Kashmir Tigers") */
    "tigers", "lions", "eagles", "falcons", "wolves", "panthers", "scorpions", "hawks", "knights",
    "guardians", "defenders", "partisans", "volunteers", "martyrs", "sons",
    /* heads of organisation names in other languages */
    "frente", "ejército", "ejercito", "fuerzas", "partido", "movimiento", "comando", "estado",
    "asociación", "asociacion", "associação", "associacao", "fundación", "fundacion", "comité", "comite",
    "consejo", "conseil", "federación", "federacion", "coordinadora", "colectivo", "organización",
    "organizacion", "mouvement", "parti", "rassemblement", "ligue", "liga",
    "dawlah", "dawla", "jemaah", "jamaat", "jamaah", "ansar", "harakat", "hizb", "tehreek",
    "tehrik", "lashkar", "jaish", "jaysh", "kataib", "saraya", "liwa", NULL};

const char *const NB_LEX_PLACE_HEAD[] = {
    "square", "province", "street", "zone", "city", "region", "valley", "river",
    "mountains", "mountain", "sea", "gulf", "airport", "base", "hospital", "university",
    "camp", "district", "governorate", "state", "county", "village", "town", "bridge",
    "road", "highway", "strait", "island", "islands", "desert", "border", "crossing",
    "port", "mosque", "church", "palace", "hotel", "stadium", "prison", "day", "week",
    "cathedral", "synagogue", "temple", "shrine", "monastery", "substation", "refinery",
    "month", "year", "ocean", "lake", "peninsula", "plain", "hills", "heights", "park",
    "avenue", "boulevard", "center", "centre", "market", "field", "oilfield", "territory",
    "neighbourhood", "neighborhood", "township", "commune", "municipality", "prefecture",
    "settlement", "quarter", NULL};

const char *const NB_LEX_ORGAN[] = {
    "government", "military", "army", "forces", "troops", "soldiers", "embassy",
    "officials", "official", "authorities", "ministry", "navy", "air force", "security",
    "armed", "warplanes", "jets", "aircraft", "drones", "police", "administration",
    "regime", "state media", "intelligence", "defense", "defence", "foreign",
    "state", "diplomats", "negotiators", "leadership", "cabinet", "parliament",
    "lawmakers", "consulate", "navy", "marines", "artillery", "warships", "coalition",
    "authority", "spokesman", "spokeswoman", "spokesperson", "interior", "mission",
    "delegation", "commanders", "generals", "side", "junta", "officers", "commandos",
    "special", "missiles", "missile", "rockets", "shells", "bombs", "fighter", "warplane",
    "tanks", "gunboats", "investigators", "prosecutors", "courts", "legislators",
    "envoy", "ministers", "president", "presidency", "security", "gunships", "helicopters",
    "units", "battalions", "brigades", "peacekeepers", "gendarmes", "sailors", "pilots",
    "conscripts", "servicemen", "bombers", "snipers", "gunners", NULL};

const char *const NB_LEX_FACILITY[] = {
    "base", "bases", "interests", "positions", "targets", "target", "facilities",
    "facility", "convoy", "convoys", "ships", "ship", "vessels", "vessel", "tankers",
    "tanker", "pipelines", "pipeline", "outposts", "outpost", "installations",
    "personnel", "patrol", "patrols", "checkpoint", "checkpoints", "headquarters",
    "compound", "airbase", "airbases", "warship", "embassy", "consulate", "presence",
    "territory", "soil", "assets", "barracks", "hideouts", "hideout", "camps", "refineries",
    "refinery", "depot", "depots", "airfield", "airfields", "infrastructure", "strongholds",
    "stronghold", "garrison", "garrisons", "frigate", "destroyer", "aircraft", "jet",
    "drone", "satellite", "capital", "city", "cities", "town", "towns", "village",
    "villages", "port", "ports", "airport", "airspace", "waters", "coast", "outskirts", "post",
    "posts", "site", "sites", NULL};

const char *const NB_LEX_GROUP_ADJ[] = {
    "shia", "shiite", "shi'ite", "sunni", "muslim", "christian", "armed", "local",
    "rival", "allied", "tribal", "islamist", "jihadist", "lawless", "paramilitary",
    "pro-government", "anti-government", "opposition", "rebel", "militia", "other",
    "various", "disparate", "powerful", "several", "some", "many", "hardline", "radical",
    "extremist", "heavily", "armed", NULL};

const char *const NB_LEX_AGENCY[] = {
    "reuters", "ap", "afp", "associated press", "agence france-presse", "bbc", "cnn",
    "al jazeera", "fars", "irna", "tasnim", "isna", "mehr", "xinhua", "tass", "ria novosti",
    "interfax", "anadolu", "bloomberg", "upi", "dpa", "efe", "ansa", "kyodo", "yonhap",
    "radiofarda", "radio farda", "the guardian", "guardian", "new york times",
    "washington post", "wall street journal", "the times", "al arabiya", "sky news",
    "fox news", "nbc", "abc", "cbs", "npr", "voa", "rferl", "twitter", "facebook", "x",
    "telegram", "youtube", "whatsapp", "instagram", "esta", "rudaw", "kurdistan24",
    "al-monitor", "the national", "gulf news", "times of israel", "haaretz", "egypt today",
    "long war journal", NULL};

const char *const NB_LEX_ETHNIC[] = {
    "tuareg", "tuaregs", "fulani", "peul", "hausa", "yoruba", "igbo", "dogon", "bambara",
    "songhai", "arab", "arabs", "druze", "alawite", "alawites", "pashtun", "baloch", "baluch",
    "hazara", "tajik", "uzbek", "rohingya", "rakhine", "kachin", "karen", "karenni", "shan",
    "chin", "amhara", "tigrayan", "oromo", "afar", "masalit", "zaghawa", "fur", "dinka",
    "nuer", "hutu", "tutsi", "banyamulenge", "lendu", "hema", "berber", "amazigh", "bedouin",
    "yazidi", "yezidi", "maasai", "kikuyu", "uyghur", "uighur", "chechen", "tatar",
    "kurmanji", "turkmen", "assyrian", "copt", "coptic", "maronite", "ismaili", "zaidi",
    "kanuri", "toubou", "tebu", "murle", "lou", "misseriya", "rizeigat", "beja",
    /* language communities: a people, not a country */
    "anglophone", "anglophones", "francophone", "francophones", "lusophone", "lusophones",
    "arabophone", "arabophones",
    /* creeds of armed politics: "a Maoist splinter group", "Islamist fighters"
     * (the plural, "the Maoists", is wire shorthand for a party: a name) */
    "maoist", "marxist", "leninist", "islamist", "jihadist", "salafist", "salafi", "anarchist", "neo-nazi",
    "royalist", "monarchist", "trotskyist", NULL};

const char *const NB_LEX_REGION[] = {
    "africa", "europe", "asia", "americas", "latin america", "south america", "north america",
    "central america", "middle east", "near east", "far east", "sahel", "maghreb", "balkans",
    "caucasus", "horn of africa", "west africa", "east africa", "southern africa",
    "north africa", "central asia", "south asia", "southeast asia", "east asia", "oceania",
    "caribbean", "scandinavia", "eurasia", NULL};

const char *const NB_LEX_COLLECTIVE_POSS[] = {
    "people", "peoples", "women", "workers", "martyrs", "youth", "patriots", "farmers",
    "nation", "nations", "lawyers", "journalists", "mothers", "veterans", "students", "teachers",
    "doctors", "victims", "families", "writers", "citizens", NULL};

const char *const NB_LEX_STATE_ARMS[] = {
    "force", "forces", "army", "navy", "guard", "guards", "corps", "police", "gendarmerie",
    NULL};

const char *const NB_LEX_PURPOSE_VERB[] = {
    "end", "protect", "restore", "defend", "combat", "counter", "fight", "save", "free",
    "liberate", "promote", "support", "prevent", "stop", "eradicate", "abolish", "unite",
    "reform", "rebuild", "preserve", "resist", NULL};

const char *const NB_LEX_COUNT[] = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens",
    "hundred", "hundreds", "thousand", "thousands", "scores", "several", NULL};

const char *const NB_LEX_EVENT[] = {
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
    "bombing", "bombings", "killing", "killings", "assassination", "shelling", "offensive",
    "assault", "assaults", "ambush", "invasion", "incursion", "bombardment", "barrage",
    "operation", "operations", "onslaught", "drone", "missile", "rocket", NULL};

const char *nb_lex_group_head(const char *w, size_t n)
{
    static const char *const map[][2] = {
        {"militia", "militias"}, {"militias", "militias"}, {"militiamen", "militias"},
        {"paramilitaries", "militias"}, {"protesters", "protesters"},
        {"protestors", "protesters"}, {"demonstrators", "protesters"},
        {"rebels", "rebels"}, {"insurgents", "rebels"}, {"militants", "militants"},
        {"jihadists", "militants"}, {"extremists", "militants"}, {"gunmen", "gunmen"},
        {"separatists", "separatists"}, {"settlers", "settlers"}, {"proxies", "proxies"},
        {"factions", "militias"}, {"pirates", "pirates"}, {"tribesmen", "tribesmen"},
        {"attackers", "attackers"}, {"assailants", "attackers"},
        {NULL, NULL}};
    for (size_t i = 0; map[i][0]; i++)
        if (strlen(map[i][0]) == n && memcmp(map[i][0], w, n) == 0) return map[i][1];
    return NULL;
}

/* What well-known organisations are called in a definite description ("the
 * alliance" for NATO, "the bloc" for the European Union, "the watchdog" for
 * the IAEA): dictionary name, then its description nouns. */
static const char *const ORG_NOUNS[][4] = {
    {"NATO", "alliance", NULL},
    {"European Union", "bloc", "union", NULL},
    {"African Union", "bloc", "union", NULL},
    {"ECOWAS", "bloc", NULL},
    {"ASEAN", "bloc", NULL},
    {"Alliance of Sahel States", "bloc", "confederation", NULL},
    {"Gulf Cooperation Council", "bloc", "council", NULL},
    {"Arab League", "bloc", "league", NULL},
    {"Southern African Development Community", "bloc", NULL},
    {"East African Community", "bloc", NULL},
    {"Shanghai Cooperation Organisation", "bloc", NULL},
    {"Organisation of Islamic Cooperation", "bloc", NULL},
    {"International Atomic Energy Agency", "agency", "watchdog", NULL},
    {"UNRWA", "agency", NULL},
    {"World Health Organization", "agency", NULL},
    {"United Nations Security Council", "council", NULL},
    {"International Criminal Court", "court", NULL},
    {"International Court of Justice", "court", NULL},
};

size_t nb_lex_org_noun_count(void) { return sizeof ORG_NOUNS / sizeof ORG_NOUNS[0]; }

const char *nb_lex_org_noun_name(size_t i) { return i < nb_lex_org_noun_count() ? ORG_NOUNS[i][0] : NULL; }

bool nb_lex_org_noun(const char *name, const char *noun)
{
    for (size_t i = 0; i < sizeof ORG_NOUNS / sizeof ORG_NOUNS[0]; i++) {
        if (strcmp(ORG_NOUNS[i][0], name)) continue;
        for (size_t k = 1; k < 4 && ORG_NOUNS[i][k]; k++)
            if (!strcmp(ORG_NOUNS[i][k], noun)) return true;
    }
    return false;
}
