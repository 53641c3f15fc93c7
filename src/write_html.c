#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "writers.h"

/* cytoscape.js (third_party/cytoscape), the report's script and its style,
 * embedded at build time by scripts/embed.sh. */
#include "report_assets.h"

/* Writes an embedded asset with every character outside ASCII as a \uXXXX
 * escape (a surrogate pair above U+FFFF). In cytoscape.js such characters
 * sit only in strings, regular expressions and comments, where the escape
 * means the same or is harmless, and the file then holds none of the
 * invisible characters (U+200B) that the project's output checks reject. */
static void put_ascii(nb_sink *out, const unsigned char *s, size_t n)
{
    size_t run = 0, i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        nb_sink_write(out, (const char *)s + run, i - run);
        unsigned cp = 0xFFFD;
        size_t len = 1;
        if ((s[i] & 0xE0) == 0xC0 && i + 1 < n) cp = (s[i] & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu), len = 2;
        else if ((s[i] & 0xF0) == 0xE0 && i + 2 < n)
            cp = (s[i] & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu), len = 3;
        else if ((s[i] & 0xF8) == 0xF0 && i + 3 < n)
            cp = (s[i] & 0x07u) << 18 | (s[i + 1] & 0x3Fu) << 12 | (s[i + 2] & 0x3Fu) << 6 | (s[i + 3] & 0x3Fu),
            len = 4;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            nb_sink_printf(out, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            nb_sink_printf(out, "\\u%04x", cp);
        }
        i += len;
        run = i;
    }
    nb_sink_write(out, (const char *)s + run, n - run);
}

/* The run's summary as JSON, for the side panel. */
static void write_run(const nb_network *net, const nb_run_info *run, nb_sink *out)
{
    nb_sink_printf(out,
                   "{\"read\": %zu, \"duplicates\": %zu, \"own_outputs\": %zu, \"undated\": %zu, "
                   "\"out_of_range\": %zu, \"skipped\": [",
                   run ? run->read : net->n_articles, run ? run->duplicates : 0, run ? run->own_outputs : 0,
                   nb_net_undated(net), run ? run->out_of_range : 0);
    for (size_t i = 0; run && i < run->n_skips; i++) {
        nb_sink_puts(out, i ? ", {\"path\": " : "{\"path\": ");
        nb_json_str(out, run->skip_paths[i]);
        nb_sink_puts(out, ", \"reason\": ");
        nb_json_str(out, run->skip_reasons[i]);
        nb_sink_puts(out, "}");
    }
    nb_sink_puts(out, "]}");
}

nb_status nb_write_html(const nb_network *net, const nb_run_info *run, nb_sink *out)
{
    /* The first line names the file as netbuild's; the policy forbids
     * every fetch (scripts and styles are inline, images only data:). */
    nb_sink_puts(out,
                 "<!DOCTYPE html>\n"
                 "<!-- netbuild report: actor network with evidence -->\n"
                 "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<title>netbuild report</title>\n<style>\n");
    put_ascii(out, NB_ASSET_CSS, sizeof NB_ASSET_CSS);
    /* Errors are counted from the start, so a failure in the library shows
     * in the page (data-nb-errors) and not only in a console. */
    nb_sink_puts(out,
                 "</style>\n<script>\n"
                 "window.addEventListener('error', function () {\n"
                 "  var d = document.documentElement;\n"
                 "  d.setAttribute('data-nb-errors', String(Number(d.getAttribute('data-nb-errors') || 0) + 1));\n"
                 "});\n"
                 "</script>\n</head>\n<body>\n"
                 "<div id=\"side\"><h1>Actor network</h1>\n"
                 "<input id=\"search\" type=\"search\" placeholder=\"Search an actor\" aria-label=\"Search an actor\">\n"
                 "<div id=\"results\"></div>\n<div id=\"panel\"></div>\n"
                 "<p class=\"muted\">Made by netbuild. Drawn with cytoscape.js (MIT licence, "
                 "embedded below with its notice).</p></div>\n"
                 "<div id=\"main\"><div id=\"bar\"></div><div id=\"cy\"></div><div id=\"info\"></div></div>\n"
                 "<script>\n");
    put_ascii(out, NB_ASSET_CYTOSCAPE, sizeof NB_ASSET_CYTOSCAPE);
    /* The data are JSON inside script elements: the JSON escapes '<', so no
     * label or sentence can close the element. */
    nb_sink_puts(out, "\n</script>\n<script type=\"application/json\" id=\"nb-data\">\n");
    nb_status st = nb_write_json(net, out);
    nb_sink_puts(out, "</script>\n<script type=\"application/json\" id=\"nb-run\">");
    write_run(net, run, out);
    nb_sink_puts(out, "</script>\n<script>\n");
    put_ascii(out, NB_ASSET_APP, sizeof NB_ASSET_APP);
    nb_sink_puts(out, "</script>\n</body>\n</html>\n");
    if (!out->err && out->fp && fflush(out->fp) != 0) out->err = errno ? errno : EIO;
    return (st != NB_OK || out->err || !out->fp) ? NB_ERR_IO : NB_OK;
}
