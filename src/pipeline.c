#include "pipeline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "relations.h"
#include "split.h"
#include "text.h"

void nb_pipeline_init(nb_pipeline *p)
{
    memset(p, 0, sizeof *p);
    nb_dict_init(&p->dict);
    nb_network_init(&p->net);
}

void nb_pipeline_free(nb_pipeline *p)
{
    nb_dict_free(&p->dict);
    nb_names_free(&p->names);
    nb_network_free(&p->net);
}

static void report(nb_pipeline *p, const char *path, const char *reason)
{
    if (p->report) p->report(p->report_ctx, path, reason);
}

/* A name as the network keeps it (model.h): valid UTF-8 without control
 * characters, on one line, single-spaced and trimmed. A name found in the
 * text may span a line break ("C'a\n al-I"); that must not reach a label. */
static char *clean_name(const char *s)
{
    char *t = nb_text_sanitize(s, strlen(s));
    size_t o = 0;
    for (size_t i = 0; t[i]; i++)
        if (t[i] != ' ' || (o > 0 && t[o - 1] != ' ')) t[o++] = t[i];
    while (o > 0 && t[o - 1] == ' ') o--;
    t[o] = '\0';
    return t;
}

/* Binary files (images, executables) are skipped: they are not articles. */
static bool looks_binary(const unsigned char *s, size_t n)
{
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) return false;
    if (n >= 4 && (!memcmp(s, "\x7f" "ELF", 4) || !memcmp(s, "\x89PNG", 4) ||
                   !memcmp(s, "%PDF", 4) || !memcmp(s, "GIF8", 4) || !memcmp(s, "PK\x03\x04", 4)))
        return true;
    if (n >= 3 && !memcmp(s, "\xFF\xD8\xFF", 3)) return true;
    size_t m = n < 8192 ? n : 8192, ctl = 0;
    for (size_t i = 0; i < m; i++)
        if (s[i] == 0 || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f'))
            ctl++;
    return m > 0 && ctl * 10 > m; /* over 10% control bytes */
}

nb_status nb_pipeline_text(nb_pipeline *p, const char *relpath, const char *raw, size_t n)
{
    if (looks_binary((const unsigned char *)raw, n)) {
        report(p, relpath, "binary file, not text");
        p->skipped++;
        return NB_ERR_INPUT;
    }
    nb_clean c;
    nb_clean_text(&c, raw, n);
    if (c.invalid_bytes) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu invalid UTF-8 sequence(s) replaced", c.invalid_bytes);
        report(p, relpath, msg);
        p->invalid_bytes += c.invalid_bytes;
    }
    size_t art = nb_network_add_article(&p->net, relpath);
    p->read++;
    p->bytes += n;

    nb_article_actors aa;
    nb_actors_begin(&aa, &p->dict, &p->names);
    nb_tok *toks = NULL;
    size_t tcap = 0, icap = 0, n_found = 0, fcap = 0;
    nb_item *items = NULL;
    nb_found *found = NULL;
    nb_buf words = {0};
    size_t pos = 0;
    nb_sentence s;
    size_t cut = 0;
    /* Relations are kept with their sentence until the article ends, when
     * every entity has its final name; the sentence text is copied once. */
    typedef struct {
        size_t first, count, offset;
        char *text;
    } sent_rec;
    sent_rec *recs = NULL;
    size_t n_recs = 0, rcap = 0;
    while (nb_split_next(c.text, c.len, &pos, &s)) {
        if (s.len == 0) continue;
        p->sentences++;
        if (s.cut) cut++;
        size_t nt = nb_tokenize(c.text + s.start, s.len, &toks, &tcap);
        size_t ni = nb_actors_items(&aa, c.text + s.start, toks, nt, &items, &icap, &words);
        size_t before = n_found;
        nb_relations_find(&aa, items, ni, &found, &n_found, &fcap);
        if (n_found > before) {
            nb_grow(&recs, &rcap, n_recs + 1, sizeof *recs);
            recs[n_recs].first = before;
            recs[n_recs].count = n_found - before;
            recs[n_recs].offset = nb_clean_orig_offset(&c, s.start);
            recs[n_recs].text = nb_text_sanitize(c.text + s.start, s.len);
            n_recs++;
        }
    }
    if (cut) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu overlong sentence(s) cut at %d bytes", cut, NB_MAX_SENTENCE);
        report(p, relpath, msg);
        p->cut_sentences += cut;
    }
    /* Entities become nodes; relations become edges. */
    size_t *node = nb_malloc((aa.n_ents ? aa.n_ents : 1) * sizeof *node);
    for (size_t i = 0; i < aa.n_ents; i++) {
        nb_entity *e = &aa.ents[i];
        size_t root = i;
        while (aa.ents[root].alias_of >= 0) root = (size_t)aa.ents[root].alias_of;
        char *label = clean_name(aa.ents[root].label);
        node[i] = nb_network_node(&p->net, label, aa.ents[root].kind);
        free(label);
        if (root != i) {
            char *a = clean_name(e->label);
            nb_network_alias(&p->net, node[i], a);
            free(a);
        }
        p->net.nodes[node[i]].mentions += e->mentions;
        for (size_t k = 0; k < e->n_forms; k++) {
            char *f = clean_name(e->forms[k]);
            nb_network_alias(&p->net, node[i], f);
            free(f);
        }
    }
    for (size_t r = 0; r < n_recs; r++) {
        for (size_t k = recs[r].first; k < recs[r].first + recs[r].count; k++) {
            nb_found *f = &found[k];
            nb_network_add(&p->net, node[f->src], f->rel, node[f->dst], art, recs[r].offset,
                           recs[r].text, f->rule);
            p->relations[f->rel]++;
        }
        free(recs[r].text);
    }
    free(recs);
    free(node);
    free(found);
    free(items);
    free(toks);
    nb_buf_free(&words);
    nb_actors_end(&aa);
    nb_clean_free(&c);
    return NB_OK;
}

nb_status nb_pipeline_file(nb_pipeline *p, const char *path, const char *relpath)
{
    nb_status st = NB_OK;
    nb_buf data = {0};
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        report(p, path, strerror(errno));
        p->skipped++;
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    char buf[65536];
    size_t n;
    bool big = false;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        if (data.len + n > NB_MAX_ARTICLE) {
            big = true;
            break;
        }
        nb_buf_put(&data, buf, n);
    }
    if (ferror(fp)) {
        report(p, path, strerror(errno ? errno : EIO));
        p->skipped++;
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    if (big) {
        report(p, path, "article larger than 256 MiB: only the first 256 MiB were read");
        p->truncated++;
    }
    if (data.len == 0) {
        report(p, path, "empty file");
        p->skipped++;
        st = NB_ERR_INPUT;
        goto cleanup;
    }
    st = nb_pipeline_text(p, relpath, data.data, data.len);
cleanup:
    if (fp) fclose(fp);
    nb_buf_free(&data);
    return st;
}
