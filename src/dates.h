/* dates.h - the date an article was published, as writers need it for
 * first_seen, last_seen and GEXF spells. Writers never re-read articles, so
 * the date comes from what the model keeps: the article's path (and the
 * paths of its byte-identical copies). */
#ifndef NB_DATES_H
#define NB_DATES_H

#include <stdbool.h>

#include "model.h"
#include "util.h"

/* Length of an ISO date "YYYY-MM-DD". */
#define NB_DATE_LEN 10

/* Finds a date in a path: "2024/01/03/" (folders), "2024-01-03" or
 * "2024_01_03" anywhere, or "20240103" as a whole name part. The date must
 * exist in the calendar (years 1900-2199). Writes "YYYY-MM-DD" and a NUL to
 * out and returns true; returns false and leaves out "" when there is none. */
bool nb_path_date(const char *path, char out[NB_DATE_LEN + 1]);

/* The distinct dates of an edge's articles (and their copies), sorted, as
 * consecutive NB_DATE_LEN-byte strings in out (cleared first; NUL-terminated).
 * Returns how many; 0 when no article of the edge is dated. */
size_t nb_edge_dates(const nb_network *net, const nb_edge *e, nb_buf *out);

/* first_seen and last_seen of an edge: "" when no article is dated. */
void nb_edge_seen(const nb_network *net, const nb_edge *e, char first[NB_DATE_LEN + 1],
                  char last[NB_DATE_LEN + 1]);

#endif
