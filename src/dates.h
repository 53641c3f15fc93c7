/* dates.h - the date an article was published, as writers need it for
 * first_seen, last_seen and GEXF spells, and --since/--until to choose
 * articles. The pipeline reads it once per article (nb_read_date) and
 * the model keeps it (nb_network.dates); writers never re-read articles.
 *
 * Precedence: a date the article states in its first lines (a header line
 * that holds a date and nothing else, or a dateline "CITY, Jan 12 (Reuters)
 * -") wins over a date in its path: the text says when it was published,
 * the path only where an archive filed it. A date later in the body ("the
 * war began on 3 January 2020") is never the article's date. */
#ifndef NB_DATES_H
#define NB_DATES_H

#include <stdbool.h>

#include "model.h"
#include "util.h"

/* Where an article's date came from (nb_article_date.from). */
typedef enum {
    NB_DATE_UNREAD = 0,  /* never looked for: writers use the path's date */
    NB_DATE_NONE,        /* no date in the first lines nor in the path */
    NB_DATE_NO_YEAR,     /* a dateline without a year, and no path date to take it from: undated */
    NB_DATE_PATH,        /* from the path */
    NB_DATE_TEXT,        /* from a header line or a dateline with its year */
    NB_DATE_TEXT_PATH_YEAR /* a dateline's month and day, the year that puts it nearest the path's date */
} nb_date_from;

/* How many non-blank lines, and bytes, at the start of an article may hold
 * its header date or dateline. */
#define NB_DATE_LINES 12
#define NB_DATE_BYTES 4096

/* Finds a date in a path: "2024/01/03/" (folders), "2024-01-03" or
 * "2024_01_03" anywhere, or "20240103" as a whole name part. The date must
 * exist in the calendar (years 1900-2199). Writes "YYYY-MM-DD" and a NUL to
 * out and returns true; returns false and leaves out "" when there is none. */
bool nb_path_date(const char *path, char out[NB_DATE_LEN + 1]);

/* Reads the date an article states in its first lines (NB_DATE_LINES
 * non-blank lines within NB_DATE_BYTES): a header line that is a date and
 * nothing else but a label ("Date:", "Published"), weekday, time and time
 * zone ("Fri, 17 May 2019 - 09:07 GMT", "Updated 10:14 PM GMT+3, February
 * 8, 2024", "2020-01-03"), each part of a line cut at '|' or a middle dot
 * counting as a line; or a dateline, a place, a date and an agency before a
 * dash ("BAMAKO, Sept 3 (Reuters) - ..."). Dates are "3 January 2020",
 * "January 3, 2020", "Jan. 3", "3rd of January", "2020-01-03" or
 * "2020/01/03"; "03/01/2020" is ambiguous (day or month first) and never
 * read. The first line that holds one wins. On a date with its year, writes
 * "YYYY-MM-DD" to out and returns NB_DATE_TEXT. A date without a year
 * writes "0000-MM-DD" and returns NB_DATE_NO_YEAR. Else out is "" and the
 * return NB_DATE_NONE. text need not be NUL-terminated. */
nb_date_from nb_text_date(const char *text, size_t len, char out[NB_DATE_LEN + 1]);

/* The date of the article text (len bytes) read from path: the text's own
 * date, else the path's (see the precedence above). A dateline without a
 * year takes the year that puts its month and day nearest the path's date
 * (so "Dec 31" under a 2020/01/02 path is 2019-12-31), and with no path
 * date the article is undated (NB_DATE_NO_YEAR): a year is never guessed.
 * Writes "YYYY-MM-DD" or "" to out and returns where it came from. */
nb_date_from nb_read_date(const char *text, size_t len, const char *path, char out[NB_DATE_LEN + 1]);

/* The date of article i of net as writers show it ("" when undated): the
 * stored one, or for an article never read for a date its path's. */
const char *nb_net_article_date(const nb_network *net, size_t i, char buf[NB_DATE_LEN + 1]);

/* How many of net's articles have no date. */
size_t nb_net_undated(const nb_network *net);

/* The distinct dates of an edge's articles, sorted, as
 * consecutive NB_DATE_LEN-byte strings in out (cleared first; NUL-terminated).
 * A byte-identical copy adds its path's date when the article's date is
 * not its text's (the same text states the same date). Returns how many; 0
 * when no article of the edge is dated. */
size_t nb_edge_dates(const nb_network *net, const nb_edge *e, nb_buf *out);

/* first_seen and last_seen of an edge: "" when no article is dated. */
void nb_edge_seen(const nb_network *net, const nb_edge *e, char first[NB_DATE_LEN + 1],
                  char last[NB_DATE_LEN + 1]);

#endif
