#include "udtok.h"

#include <string.h>

#include "util.h"

/* ---- characters ------------------------------------------------------------ */

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* Length of the UTF-8 sequence at s[i] and its code point; a stray or cut
 * sequence counts as one byte (U+FFFD), so scans never run past n. */
static size_t u8(const unsigned char *s, size_t n, size_t i, uint32_t *cp)
{
    unsigned char c = s[i];
    size_t len;
    uint32_t v;
    if (c < 0x80) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { len = 2; v = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; v = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; v = c & 0x07; }
    else { *cp = 0xFFFD; return 1; }
    if (len > n - i) { *cp = 0xFFFD; return 1; }
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i + k] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Non-ASCII punctuation and symbols (they become tokens of their own);
 * every other code point is a letter, so "Bogotá" and Arabic words hold. */
static bool punct_cp(uint32_t c)
{
    if (c >= 0xA0 && c <= 0xBF)
        return c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 && c != 0xBA;
    return c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
           (c >= 0x20A0 && c <= 0x20CF) || c == 0x2122 || (c >= 0x2190 && c <= 0x2BFF) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65) || c == 0x060C || c == 0x061B || c == 0x061F ||
           (c >= 0x066A && c <= 0x066D) || c == 0x06D4 || (c >= 0x1F000 && c <= 0x1FAFF) ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

typedef struct {
    const unsigned char *s;
    size_t n;
    nb_word **w;
    size_t *cap;
    size_t count;
    bool full;    /* NB_UDTOK_MAX reached: drop the rest */
    bool squote;  /* a single quote opened a quotation: "s'" may close it */
} tk;

/* Bytes of whitespace at i (ASCII or a no-break space), 0 if none. */
static size_t space_at(const tk *t, size_t i)
{
    unsigned char c = t->s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (c == 0xC2 && i + 1 < t->n && t->s[i + 1] == 0xA0) return 2;
    return 0;
}

/* Bytes of the letter or digit at i (< end), 0 when it is not one. */
static size_t alnum_at(const tk *t, size_t i, size_t end)
{
    if (i >= end) return 0;
    unsigned char c = t->s[i];
    if (c < 0x80) return (is_alpha(c) || is_digit(c)) ? 1 : 0;
    uint32_t cp;
    size_t len = u8(t->s, end, i, &cp);
    return punct_cp(cp) ? 0 : len;
}

/* Bytes of the apostrophe at i: ' ` or U+2019 (left unfolded by some
 * sources), 0 if none. */
static size_t apos_at(const tk *t, size_t i, size_t end)
{
    if (i >= end) return 0;
    if (t->s[i] == '\'' || t->s[i] == '`') return 1;
    if (t->s[i] == 0xC2 && end - i >= 2 && t->s[i + 1] == 0xB4) return 2; /* I´m */
    if (t->s[i] == 0xE2 && end - i >= 3 && t->s[i + 1] == 0x80 && t->s[i + 2] == 0x99) return 3;
    return 0;
}

/* ---- output ---------------------------------------------------------------- */

/* Emits the k words that end at cuts[0..k) and begin at b (one multiword
 * token when mwt); all or nothing at the word limit. */
static void emit(tk *t, size_t b, const size_t *cuts, size_t k, bool mwt)
{
    if (t->full || t->count + k > NB_UDTOK_MAX) {
        t->full = true;
        return;
    }
    nb_grow(t->w, t->cap, t->count + k, sizeof **t->w);
    for (size_t j = 0; j < k; j++) {
        nb_word *w = &(*t->w)[t->count++];
        w->start = (uint32_t)b;
        w->len = (uint32_t)(cuts[j] - b);
        w->mwt = (uint16_t)(j == 0 && mwt && k > 1 ? k : 0);
        w->space_after = false;
        b = cuts[j];
    }
}

static void emit1(tk *t, size_t b, size_t e) { emit(t, b, &e, 1, false); }

/* ---- word lists ------------------------------------------------------------ */

static bool eq_ci(const unsigned char *w, size_t n, const char *lit)
{
    size_t i = 0;
    for (; i < n && lit[i]; i++)
        if (nb_lower((char)w[i]) != nb_lower(lit[i])) return false;
    return i == n && !lit[i];
}

/* Abbreviations that keep their period inside a sentence (from EWT and news
 * usage). Exact case, or all capitals in a headline. */
static const char *const ABBREV[] = {
    "Dr", "Mr", "Mrs", "Ms", "Messrs", "Mmes", "St", "Sts", "Inc", "Corp", "Co", "Ltd", "Bros",
    "Jr", "Sr", "Prof", "prof", "Drs", "Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cpt", "Cmdr",
    "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon",
    "Pres", "Supt", "Atty", "Insp", "Mt", "Ft", "Ave", "Blvd", "Rd", "Hwy", "Dept", "Univ",
    "Assn", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "etc",
    "ect", "vs", "eg", "ie", "al", "et", "cf", "viz", "approx", "ext", "Ext", "fig", "Fig",
    "pp", "vol", "Vol", "lb", "lbs", "oz", "ft", "yrs", "mins", "min", "hrs", "est", "Est",
    "ca", "esp", "rep", "rec", "dom", "info", "eve", "st", "co", "lv", "Attn", "Spec", "Para",
    "Conf", "Sec", "Sc", "Ph", "Fax", "Mob", "Arrv", "arrv", "Ont", "Que", "La", "Va", "Calif",
    "Fla", "Ariz", "Colo", "Conn", "Mich", "Minn", "Tenn", "Okla", "Wis", "Ky", "Md", "Mo",
    "Nev", "Penn", "Tex", "Ga", "Ala", "Ark", "Kan", "Neb", "Ore", "Ph.D", "No", "Nos", "no",
    "nos", "Op", "Esq", "PVT", "PS", "ps", NULL};

static bool abbrev(const tk *t, size_t b, size_t e)
{
    const unsigned char *w = t->s + b;
    size_t n = e - b;
    if (n == 1) return is_alpha(w[0]); /* initials "J." */
    /* Single letters joined by periods: U.S, p.m, e.g, a.k.a */
    bool dotted = n >= 3;
    for (size_t i = 0; i < n && dotted; i++)
        dotted = (i % 2 == 0) ? is_alpha(w[i]) : w[i] == '.';
    if (dotted && n % 2 == 1) return true;
    if (n > 6) return false;
    bool caps = true;
    for (size_t i = 0; i < n; i++)
        if (!is_upper(w[i])) caps = false;
    for (size_t k = 0; ABBREV[k]; k++) {
        const char *a = ABBREV[k];
        if (strlen(a) != n) continue;
        if (memcmp(a, w, n) == 0) return true;
        if (caps && n > 1 && eq_ci(w, n, a) && !is_upper((unsigned char)a[1])) return true;
    }
    return false;
}

/* Clitic spellings without apostrophe that EWT splits, with the length of
 * the first word (and of the second for three-word "dunno"). */
static const struct { const char *w; unsigned char a, b; } FUSED[] = {
    {"cannot", 3, 0}, {"gonna", 3, 0}, {"wanna", 3, 0}, {"gotta", 3, 0}, {"outta", 3, 0},
    {"wana", 3, 0}, {"sorta", 4, 0}, {"dunno", 2, 3}, {"dont", 2, 0}, {"didnt", 3, 0},
    {"doesnt", 4, 0}, {"wont", 2, 0}, {"cant", 2, 0}, {"isnt", 2, 0}, {"wasnt", 3, 0},
    {"werent", 4, 0}, {"arent", 3, 0}, {"couldnt", 5, 0}, {"wouldnt", 5, 0},
    {"shouldnt", 6, 0}, {"hasnt", 3, 0}, {"havent", 4, 0}, {"hadnt", 3, 0}, {"aint", 2, 0},
    {"arnt", 2, 0}, {"im", 1, 0}, {"ive", 1, 0}, {"thats", 4, 0}, {"whats", 4, 0},
    {"lets", 3, 0}, {"hes", 2, 0}, {"theres", 5, 0}, {"heres", 4, 0}, {"elses", 4, 0},
    {"youre", 3, 0}, {"theyre", 4, 0}, {"youll", 3, 0}, {"itll", 2, 0}, {NULL, 0, 0}};

/* Prefixes whose hyphen EWT keeps inside the word (e-mail, non-stop). */
static const char *const PREFIX[] = {
    "e", "non", "anti", "re", "pre", "mid", "co", "post", "over", "pro", "multi", "ex",
    "semi", "sub", "cross", "neo", "counter", "psycho", "un", "socio", "intra", "inter",
    "extra", "micro", "mis", "vice", "wi", "arch", "macro", "mega", "ultra", "quasi",
    "pseudo", NULL};

/* Letters after a number that are a unit of their own (7:30PM, 35mm, 65k),
 * in lower case; the capitalised ones count in capitals too ("10MM" and
 * "3G" stay whole, as in EWT). */
static const char *const UNIT[] = {
    "am", "pm", "a.m", "p.m", "k", "m", "mm", "cm", "km", "kg", "mg", "gb", "mb", "kb", "tb",
    "ghz", "mhz", "hz", "lb", "lbs", "oz", "ft", "mph", "kph", "hr", "hrs", "min", "mins",
    "yr", "yrs", "ml", "bn", "mn", "AM", "PM", "K", "GB", "MB", "KB", "TB", "GHz", "MHz", NULL};

static bool in_list(const unsigned char *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (strlen(list[k]) == n && memcmp(w, list[k], n) == 0) return true;
    return false;
}

static bool in_list_ci(const unsigned char *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (eq_ci(w, n, list[k])) return true;
    return false;
}

/* ---- words ----------------------------------------------------------------- */

static bool month(const unsigned char *w)
{
    static const char *const M[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                     "aug", "sep", "oct", "nov", "dec", NULL};
    return in_list_ci(w, 3, M);
}

/* Whether a run of digit groups joined by hyphens from i is one token:
 * phone numbers (713-853-3989, 345-9945, 3-5297), ZIP+4 and dates are,
 * ranges (5-10, 1969-1970) are not. Sets *end past the run. */
static bool number_chain(const tk *t, size_t i, size_t ce, size_t *end)
{
    size_t groups = 0, first = 0, second = 0, maxlen = 0;
    for (;;) {
        size_t g = i;
        while (i < ce && is_digit(t->s[i])) i++;
        size_t len = i - g;
        if (groups == 0) first = len;
        if (groups == 1) second = len;
        if (len > maxlen) maxlen = len;
        groups++;
        if (i + 1 < ce && t->s[i] == '-' && is_digit(t->s[i + 1])) i++;
        else break;
    }
    *end = i;
    if (groups >= 3) return maxlen > 1;
    return second == 4 && (first == 1 || first == 3 || first == 5);
}

/* Scans a word core from i: letters and digits with the joiners EWT keeps
 * inside (3.5, 1,000, 10:30, 9/11, U.S, google.com, PG&E, don't, e-mail,
 * phone numbers). Returns its end. */
static size_t scan_core(const tk *t, size_t i, size_t ce)
{
    const unsigned char *s = t->s;
    size_t b = i, seg = i;
    /* A period between lower-case letters makes a host or newsgroup name,
     * whose hyphens stay (alt.animals.open-forum). */
    bool host = false;
    while (i < ce) {
        size_t a = alnum_at(t, i, ce);
        if (a) { i += a; continue; }
        unsigned char c = s[i];
        unsigned char p = s[i - 1]; /* i > b: a core starts with a letter or digit */
        size_t nx = i + 1;
        bool nal = alnum_at(t, nx, ce) > 0;
        bool ndig = nx < ce && is_digit(s[nx]);
        if (c == '.' && nal) {
            /* "J.Aron", "Inc.One": the abbreviation ends here. */
            if (nx + 1 < ce && is_upper(s[nx]) && s[nx + 1] >= 'a' && s[nx + 1] <= 'z' &&
                abbrev(t, b, i))
                break;
            host = host || (p >= 'a' && p <= 'z' && s[nx] >= 'a' && s[nx] <= 'z');
            i = nx;
            continue;
        }
        if (c == ',' && is_digit(p) && ndig) {
            size_t d = nx;
            while (d < ce && is_digit(s[d])) d++;
            if (d - nx > 3) break; /* "May 11,2000" */
            i = nx;                /* 1,000 and 7,5 */
            continue;
        }
        if ((c == ':' || c == '/') && is_digit(p) && ndig) { i = nx; continue; }
        if (c == '/' && i - b == 1 && is_alpha(p) && nx < ce && is_alpha(s[nx]) &&
            !alnum_at(t, nx + 1, ce)) { /* b/c, w/o */
            i = nx;
            continue;
        }
        if (c == '/' && i - b == 1 && (p | 32) == 'w' && !alnum_at(t, nx, ce)) return nx; /* w/ */
        if (c == '&' && is_upper(p) && nx < ce && is_upper(s[nx])) { i = nx; continue; }
        if (c == '_' && nal) { i = nx; continue; }
        size_t ap = apos_at(t, i, ce);
        if (ap && alnum_at(t, i + ap, ce) && !is_digit(s[i + ap])) {
            i += ap; /* don't, O'Brien, Qa'ida */
            continue;
        }
        if (c == '-' && nal) {
            bool digits = true;
            for (size_t k = seg; k < i && digits; k++) digits = is_digit(s[k]);
            size_t end;
            if (digits && i - seg <= 2 && ce - nx >= 5 && s[nx + 3] == '-' &&
                is_digit(s[nx + 4]) && month(s + nx)) {
                i = nx + 4; /* 01-Feb-02 */
                while (i < ce && is_digit(s[i])) i++;
                seg = i;
                continue;
            }
            if (digits && ndig) {
                if (!number_chain(t, seg, ce, &end)) break;
                i = end;
                seg = i;
                continue;
            }
            /* Prefixes (e-mail), and host or newsgroup names (alt.animals.open-forum). */
            if (in_list_ci(s + seg, i - seg, PREFIX) || host) {
                i = nx;
                seg = nx;
                continue;
            }
        }
        break;
    }
    return i;
}

/* Splits the core [b, e) into words: number + unit, clitics as multiword
 * tokens. Fills cuts (word ends) and returns how many; *mwt says whether
 * they form one multiword token. */
static size_t split_core(const tk *t, size_t b, size_t e, size_t cuts[3], bool *mwt)
{
    const unsigned char *s = t->s;
    size_t n = e - b;
    *mwt = false;
    if (is_digit(s[b])) {
        size_t k = b;
        while (k < e && (is_digit(s[k]) || s[k] == '.' || s[k] == ',' || s[k] == ':' ||
                         s[k] == '/'))
            k++;
        size_t l = k;
        while (l < e && is_upper(s[l])) l++;
        /* Units split off (35mm, 300USD); "5th", "1990s", "3G" stay whole. */
        if (k < e && k > b && is_alpha(s[k]) &&
            (in_list(s + k, e - k, UNIT) || (l == e && e - k >= 3))) {
            cuts[0] = k;
            cuts[1] = e;
            return 2;
        }
    }
    /* Apostrophe clitics: the last apostrophe in the core. */
    for (size_t k = e; k > b + 1;) {
        k--;
        size_t ap = apos_at(t, k, e);
        if (!ap) continue;
        const unsigned char *x = s + k + ap;
        size_t xl = e - k - ap;
        if (eq_ci(x, xl, "t") && (s[k - 1] | 32) == 'n' && k - 1 > b) {
            cuts[0] = k - 1;
            cuts[1] = e;
            *mwt = true;
            return 2;
        }
        bool num = true;
        for (size_t d = b; d < k && num; d++) num = is_digit(s[d]);
        if (eq_ci(x, xl, "s") && num) break; /* the 1970's */
        if (eq_ci(x, xl, "s") || eq_ci(x, xl, "m") || eq_ci(x, xl, "d") || eq_ci(x, xl, "re") ||
            eq_ci(x, xl, "ve") || eq_ci(x, xl, "ll")) {
            cuts[0] = k;
            cuts[1] = e;
            *mwt = true;
            return 2;
        }
        break;
    }
    if (eq_ci(s + b, n, "alot")) { /* EWT: a + lot, two tokens */
        cuts[0] = b + 1;
        cuts[1] = e;
        return 2;
    }
    if (n <= 8) {
        bool lower = false;
        for (size_t k = b; k < e; k++)
            if (s[k] >= 'a' && s[k] <= 'z') lower = true;
        for (size_t k = 0; FUSED[k].w && (lower || n > 2); k++) {
            if (!eq_ci(s + b, n, FUSED[k].w)) continue;
            size_t c = 0;
            cuts[c++] = b + FUSED[k].a;
            if (FUSED[k].b) cuts[c++] = b + FUSED[k].b;
            cuts[c++] = e;
            *mwt = true;
            return c;
        }
    }
    cuts[0] = e;
    return 1;
}

/* True when only whitespace follows i in the sentence. */
static bool at_end(const tk *t, size_t i)
{
    while (i < t->n) {
        size_t sp = space_at(t, i);
        if (!sp) return false;
        i += sp;
    }
    return true;
}

/* Emits the word starting at b (core scanned from i) with its clitics and
 * an abbreviation's period. Returns where scanning goes on. */
static size_t word(tk *t, size_t b, size_t i, size_t ce)
{
    const unsigned char *s = t->s;
    size_t e = scan_core(t, i, ce);
    if (e < ce && s[e] == '!' && eq_ci(s + b, e - b, "yahoo")) e++; /* the brand keeps its "!" */
    size_t cuts[4];
    bool mwt;
    size_t k = split_core(t, b, e, cuts, &mwt);
    size_t last = k > 1 ? cuts[k - 2] : b;
    size_t ap = apos_at(t, e, ce);
    if (k == 1 && e - b >= 2 && (s[e - 1] | 32) == 's' && ap && s[e] != '`' &&
        !alnum_at(t, e + ap, ce) && !t->squote) {
        /* Plural possessive "Jones'" (not the end of a 'quotation'). */
        cuts[0] = e;
        cuts[1] = e + ap;
        emit(t, b, cuts, 2, true);
        return e + ap;
    }
    /* "U.S.." is U.S. + . but "etc..." is etc + ... */
    bool ellipsis = e + 2 < ce && s[e + 1] == '.' && s[e + 2] == '.';
    if (e < ce && s[e] == '.' && !ellipsis && !at_end(t, e + 1) &&
        !mwt && abbrev(t, last, e)) {
        bool no = e - last == 2 && (s[last] | 32) == 'n' && (s[last + 1] | 32) == 'o';
        size_t j = e + 1;
        while (j < t->n && space_at(t, j)) j += space_at(t, j);
        if (!no || (j > e + 1 && j < t->n && is_digit(s[j]))) cuts[k - 1] = ++e;
    }
    emit(t, b, cuts, k, mwt);
    return e;
}

/* ---- punctuation ----------------------------------------------------------- */

static const char *const EMOTICON[] = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":'(", ":)", ":(", ";)", ":D", ":P", ":p", ":O",
    ":o", "=)", "(:", "^_^", "<3", ";D", ";P", ";p", NULL};

/* Length of the emoticon at i, else 0; ":D" and "<3" only when no letter or
 * digit follows ("NOTE:Do" is not one). */
static size_t emoticon(const tk *t, size_t i, size_t ce)
{
    for (size_t k = 0; EMOTICON[k]; k++) {
        size_t len = strlen(EMOTICON[k]);
        if (len > ce - i || memcmp(t->s + i, EMOTICON[k], len) != 0) continue;
        unsigned char last = (unsigned char)EMOTICON[k][len - 1];
        if ((is_alpha(last) || is_digit(last)) && alnum_at(t, i + len, ce)) continue;
        return len;
    }
    return 0;
}

/* Where a URL or email starting at i ends (trailing punctuation left out),
 * or 0 if none starts here. at is the chunk's first "x@y" position. */
static size_t url_end(const tk *t, size_t i, size_t ce, size_t email_start)
{
    const unsigned char *s = t->s;
    size_t r = ce - i;
    bool url = (r > 7 && eq_ci(s + i, 7, "http://")) || (r > 8 && eq_ci(s + i, 8, "https://")) ||
               (r > 6 && eq_ci(s + i, 6, "ftp://")) || (r > 4 && eq_ci(s + i, 4, "www.")) ||
               (r > 7 && eq_ci(s + i, 7, "mailto:"));
    if (!url && i != email_start) return 0;
    size_t e = ce;
    while (e > i + 1 && strchr(".,;:!?)]}>\"'", s[e - 1])) e--;
    return e;
}

/* The start of the email address in [cs, ce) (local part, '@', domain), or
 * SIZE_MAX; found once per chunk so scanning stays linear. */
static size_t find_email(const tk *t, size_t cs, size_t ce)
{
    const unsigned char *s = t->s;
    const void *at = memchr(s + cs, '@', ce - cs);
    if (!at) return SIZE_MAX;
    size_t a = (size_t)((const unsigned char *)at - s);
    if (a == cs || !alnum_at(t, a + 1, ce)) return SIZE_MAX;
    size_t b = a;
    while (b > cs && (is_alpha(s[b - 1]) || is_digit(s[b - 1]) || strchr("._%+-", s[b - 1])))
        b--;
    while (b < a && !is_alpha(s[b]) && !is_digit(s[b])) b++;
    return b < a ? b : SIZE_MAX;
}

/* Tokenizes the chunk [i, ce) between whitespace. */
static void chunk(tk *t, size_t i, size_t ce)
{
    const unsigned char *s = t->s;
    size_t cs = i, email = find_email(t, cs, ce);
    while (i < ce && !t->full) {
        size_t e = url_end(t, i, ce, email);
        if (e) {
            emit1(t, i, e);
            i = e;
            continue;
        }
        unsigned char c = s[i];
        size_t nx = i + 1;
        if (alnum_at(t, i, ce)) {
            i = word(t, i, i, ce);
            continue;
        }
        /* +44 and .04 at the start of a chunk. */
        if ((c == '+' || c == '.') && i == cs && nx < ce && is_digit(s[nx])) {
            i = word(t, i, nx, ce);
            continue;
        }
        /* @handles and #hashtags ("#1" is # + 1 in EWT). */
        if ((c == '@' || c == '#') && alnum_at(t, nx, ce) && !is_digit(s[nx])) {
            size_t j = nx;
            for (size_t a; (a = alnum_at(t, j, ce)) || (j < ce && s[j] == '_') ||
                           (j + 1 < ce && s[j] == '.' && alnum_at(t, j + 1, ce));)
                j += a ? a : 1;
            emit1(t, i, j);
            i = j;
            continue;
        }
        size_t ap = apos_at(t, i, ce);
        if (ap) { /* 'em, '72 */
            size_t j = i + ap;
            size_t k = j;
            while (k < ce && is_digit(s[k])) k++;
            bool year = k - j == 2 && !alnum_at(t, k, ce);
            bool em = ce - j >= 2 && eq_ci(s + j, 2, "em") && !alnum_at(t, j + 2, ce);
            if (year || em) {
                emit1(t, i, year ? k : j + 2);
                i = year ? k : j + 2;
                continue;
            }
        }
        size_t m = emoticon(t, i, ce);
        if (m) {
            emit1(t, i, i + m);
            i += m;
            continue;
        }
        if (c < 0x80) {
            /* A run of one character ("...", "--") is one token, and so is a
             * run of . ! ? (".?", "?!.") that holds no ".." (EWT: "... ?"). */
            size_t j = nx;
            bool mark = c == '!' || c == '?' || (c == '.' && !(nx < ce && s[nx] == '.'));
            if (mark) {
                while (j < ce && (s[j] == '!' || s[j] == '?' ||
                                  (s[j] == '.' && !(j + 1 < ce && s[j + 1] == '.'))))
                    j++;
            } else {
                while (j < ce && s[j] == c) j++;
                if ((c == ':' || c == ',') && j == nx && j < ce && s[j] == '?') j++; /* ":?" */
            }
            emit1(t, i, j);
            /* An opening single quote: "s'" before its close is no possessive. */
            if (c == '\'' && j == nx) t->squote = i == cs && alnum_at(t, j, ce);
            i = j;
            continue;
        }
        uint32_t cp;
        size_t len = u8(s, ce, i, &cp);
        emit1(t, i, i + len);
        if (cp == 0x2018 || cp == 0x2019) t->squote = cp == 0x2018 || (i == cs && alnum_at(t, i + len, ce));
        i += len;
    }
}

size_t nb_udtok(const char *s, size_t n, nb_word **words, size_t *cap)
{
    if (n > UINT32_MAX) n = UINT32_MAX;
    tk t = {.s = (const unsigned char *)s, .n = n, .w = words, .cap = cap};
    size_t i = 0;
    while (i < n && !t.full) {
        size_t sp = space_at(&t, i);
        if (sp) {
            i += sp;
            continue;
        }
        size_t ce = i;
        while (ce < n && !space_at(&t, ce)) ce++;
        chunk(&t, i, ce);
        i = ce;
    }
    for (size_t k = 0; k < t.count; k++) {
        size_t end = (size_t)(*words)[k].start + (*words)[k].len;
        (*words)[k].space_after = end < n && space_at(&t, end);
    }
    return t.count;
}
