#include "split.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }
static bool is_alpha8(char c) { return isalpha((unsigned char)c) || (unsigned char)c >= 0x80; }
static bool is_alnum8(char c) { return isalnum((unsigned char)c) || (unsigned char)c >= 0x80; }

static bool word_in(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0) return true;
    return false;
}

static const char *const ABBREV[] = {
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "brig", "mr", "mrs",
    "ms", "dr", "prof", "sen", "rep", "gov", "st", "jan", "feb", "apr", "aug", "sep",
    "sept", "oct", "nov", "dec", "jr", "sr", "vs", "inc", "ltd", "co", "corp", "dept",
    "approx", "ft", "mt", "gens", "pres", "rev", "hon", "fig", "al", "est", NULL};

/* Words that start a sentence after an acronym such as "U.S.". */
static const char *const STARTERS[] = {
    "the", "he", "she", "it", "they", "in", "on", "but", "a", "an", "this", "that",
    "we", "i", "his", "her", "its", "their", "after", "when", "while", "however",
    "meanwhile", "earlier", "later", "there", "some", "many", "officials", "both", NULL};

/* Decides whether the '.' at text[i] ends a sentence. */
static bool period_ends(const char *text, size_t len, size_t i)
{
    size_t ws = i;
    while (ws > 0 && (is_alnum8(text[ws - 1]) || text[ws - 1] == '.')) ws--;
    const char *w = text + ws;
    size_t wn = i - ws;
    size_t j = i + 1;
    while (j < len && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) j++;
    if (j < len && !is_space(text[j])) return false; /* "3.5", "U.S.-led" */
    while (j < len && (text[j] == ' ' || text[j] == '\t')) j++;
    if (j >= len || text[j] == '\n') return true;
    char next = text[j];
    size_t ne = j;
    while (ne < len && is_alnum8(text[ne])) ne++;
    if (wn == 1 && isupper((unsigned char)w[0])) return false; /* initial "J." */
    if (word_in(w, wn, ABBREV)) {
        if (wn == 2 && strncasecmp(w, "no", 2) == 0) return !isdigit((unsigned char)next);
        return false;
    }
    if (memchr(w, '.', wn)) /* acronym "U.S." */
        return isupper((unsigned char)next) && word_in(text + j, ne - j, STARTERS);
    if (strncasecmp(w, "no", 2) == 0 && wn == 2 && isdigit((unsigned char)next)) return false;
    return isupper((unsigned char)next) || isdigit((unsigned char)next) || next == '"' ||
           next == '\'' || next == '(' || next == '[' || (unsigned char)next >= 0x80;
}

bool nb_split_next(const char *text, size_t len, size_t *pos, nb_sentence *out)
{
    size_t i = *pos;
    while (i < len && (is_space(text[i]) || text[i] == '\0')) i++;
    if (i >= len) {
        *pos = len;
        return false;
    }
    size_t start = i, end = len;
    bool cut = false;
    for (; i < len; i++) {
        char c = text[i];
        if (i - start >= NB_MAX_SENTENCE) {
            size_t k = i;
            while (k > start + NB_MAX_SENTENCE / 2 && !is_space(text[k])) k--;
            if (k <= start + NB_MAX_SENTENCE / 2) k = i;
            /* Never cut inside a UTF-8 sequence. */
            while (k > start && ((unsigned char)text[k] & 0xC0) == 0x80) k--;
            end = k;
            cut = true;
            break;
        }
        if (c == '\n') {
            size_t j = i + 1;
            while (j < len && (text[j] == ' ' || text[j] == '\t')) j++;
            /* A wrapped line continues in lowercase; anything else is a break. */
            if (j >= len || text[j] == '\n' || !islower((unsigned char)text[j])) {
                end = i;
                break;
            }
        } else if (c == '!' || c == '?' || (c == '.' && period_ends(text, len, i))) {
            size_t j = i + 1;
            while (j < len && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) j++;
            if (c != '.') {
                if (j < len && !is_space(text[j])) continue;
                size_t k = j;
                while (k < len && text[k] == ' ') k++;
                if (k < len && islower((unsigned char)text[k])) continue; /* "?" he asked */
            }
            end = j;
            break;
        }
    }
    while (end > start && is_space(text[end - 1])) end--;
    out->start = start;
    out->len = end - start;
    out->cut = cut;
    *pos = end > start ? end : start + 1;
    if (*pos < i && !cut) *pos = end;
    return true;
}

static void push(nb_tok **toks, size_t *cap, size_t *n, size_t st, size_t len, uint32_t fl)
{
    nb_grow(toks, cap, *n + 1, sizeof **toks);
    (*toks)[*n].start = (uint32_t)st;
    (*toks)[*n].len = (uint32_t)len;
    (*toks)[*n].flags = fl;
    (*n)++;
}

size_t nb_tokenize(const char *s, size_t n, nb_tok **toks, size_t *cap)
{
    size_t count = 0;
    bool space = true;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (is_space(c)) {
            space = true;
            i++;
            continue;
        }
        uint32_t glue = space ? 0 : NB_TOK_GLUE;
        space = false;
        if (is_alnum8(c)) {
            size_t st = i;
            bool digit = isdigit((unsigned char)c);
            while (i < n) {
                if (is_alnum8(s[i])) {
                    i++;
                } else if (s[i] == '\'' && i + 1 < n && is_alpha8(s[i + 1]) &&
                           !(i + 2 <= n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
                             (i + 2 == n || !is_alnum8(s[i + 2])))) {
                    i++; /* Kata'ib, isn't; but not a possessive 's */
                } else if ((s[i] == '.' || s[i] == ',') && digit && i + 1 < n &&
                           isdigit((unsigned char)s[i + 1])) {
                    i++; /* 5,200 and 3.5 */
                } else if (s[i] == '.' && i + 1 < n && isalpha((unsigned char)s[i + 1]) &&
                           (i + 2 >= n || s[i + 2] == '.') && i - st <= 2) {
                    i += 2; /* U.S. / a.m.: single letters joined by dots */
                    if (i < n && s[i] == '.') i++;
                } else {
                    break;
                }
            }
            /* Keep the final dot of an acronym like "U.S." in the token. */
            size_t len = i - st;
            uint32_t fl = NB_TOK_WORD | glue;
            if (digit) fl |= NB_TOK_NUM;
            /* (a non-ASCII letter may be a capital: "Élysée"; the replacement
             * character that stands for invalid bytes is no letter) */
            bool replacement = st + 3 <= n && !memcmp(s + st, "\xef\xbf\xbd", 3);
            if (isupper((unsigned char)c) || ((unsigned char)c >= 0x80 && !replacement)) fl |= NB_TOK_CAP;
            size_t letters = 0, uppers = 0;
            for (size_t k = st; k < st + len; k++) {
                if (isalpha((unsigned char)s[k])) {
                    letters++;
                    if (isupper((unsigned char)s[k])) uppers++;
                }
            }
            if (letters >= 2 && letters == uppers) fl |= NB_TOK_UPPER;
            push(toks, cap, &count, st, len, fl);
            continue;
        }
        if (c == '\'' && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
            (i + 2 == n || !is_alnum8(s[i + 2])) && glue) {
            push(toks, cap, &count, i, 2, NB_TOK_WORD | NB_TOK_GLUE);
            i += 2;
            continue;
        }
        size_t clen = 1;
        if ((unsigned char)c >= 0x80) { /* non-ASCII punctuation: keep whole */
            while (i + clen < n && ((unsigned char)s[i + clen] & 0xC0) == 0x80) clen++;
        }
        push(toks, cap, &count, i, clen, NB_TOK_PUNCT | glue);
        i += clen;
    }
    return count;
}
