#include "conllu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static uint32_t keep(nb_buf *t, const char *s, size_t n)
{
    uint32_t off = (uint32_t)t->len;
    nb_buf_put(t, s, n);
    nb_buf_putc(t, '\0');
    return off;
}

nb_status nb_treebank_read(nb_treebank *tb, const char *path, char *err, size_t errlen)
{
    memset(tb, 0, sizeof *tb);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NB_ERR_IO;
    }
    nb_buf text = {0};
    char *line = NULL;
    size_t lcap = 0, lineno = 0;
    ssize_t len;
    bool open = false;
    nb_status st = NB_OK;
    while ((len = getline(&line, &lcap, fp)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len == 0) {
            open = false;
            continue;
        }
        if (line[0] == '#') continue;
        char *col[10];
        int nc = 0;
        char *p = line;
        while (nc < 10) {
            col[nc++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nc != 10) {
            snprintf(err, errlen, "%s:%zu: expected 10 columns", path, lineno);
            st = NB_ERR_INPUT;
            break;
        }
        if (strchr(col[0], '-') || strchr(col[0], '.')) continue;
        if (!open) {
            nb_grow(&tb->s, &tb->cap, tb->n + 1, sizeof *tb->s);
            memset(&tb->s[tb->n], 0, sizeof tb->s[tb->n]);
            tb->n++;
            open = true;
        }
        nb_sent *s = &tb->s[tb->n - 1];
        size_t flen = strlen(col[1]);
        uint32_t fo = keep(&text, col[1], flen);
        nb_uword *w = nb_sent_add(s, NULL, fo, (uint32_t)flen);
        w->ghead = (int32_t)strtol(col[6], NULL, 10);
        if (w->ghead < 0 || w->ghead > 100000) w->ghead = 0;
        w->space_after = !strstr(col[9], "SpaceAfter=No");
        nb_grow(&tb->wd, &tb->wcap, tb->n_words + 1, sizeof *tb->wd);
        struct nb_tbword *g = &tb->wd[tb->n_words];
        g->form = fo;
        g->lemma = keep(&text, col[2], strlen(col[2]));
        g->upos = keep(&text, col[3], strlen(col[3]));
        g->xpos = keep(&text, col[4], strlen(col[4]));
        g->deprel = keep(&text, col[7], strlen(col[7]));
        tb->n_words++;
    }
    free(line);
    fclose(fp);
    tb->text_len = text.len;
    tb->text = nb_buf_detach(&text);
    /* forms point into the final text */
    for (size_t i = 0; i < tb->n; i++)
        for (size_t j = 0; j < tb->s[i].n; j++) tb->s[i].w[j].form = tb->text + tb->s[i].w[j].start;
    if (st != NB_OK) nb_treebank_free(tb);
    return st;
}

void nb_treebank_free(nb_treebank *tb)
{
    for (size_t i = 0; i < tb->n; i++) nb_sent_free(&tb->s[i]);
    free(tb->s);
    free(tb->text);
    free(tb->wd);
    memset(tb, 0, sizeof *tb);
}

/* CoNLL-U fields may hold no tab, newline or space-only value. */
static void field(nb_buf *out, const char *s, size_t n)
{
    if (n == 0) {
        nb_buf_putc(out, '_');
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        nb_buf_putc(out, (c == '\t' || c == '\n' || c == '\r' || c == ' ') ? '_' : c);
    }
}

/* True when p[0..n) is valid UTF-8 with no control character or space. */
static bool clean_utf8(const unsigned char *p, size_t n)
{
    if (n == 0) return false;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > n || (len == 2 && c < 0xC2)) return false;
        if (len == 1 && (c <= 0x20 || c == 0x7F)) return false;
        for (size_t k = 1; k < len; k++)
            if ((p[i + k] & 0xC0) != 0x80) return false;
        if (len == 2 && c == 0xC2 && p[i + 1] < 0xA0) return false; /* C1 controls */
        i += len;
    }
    return true;
}

/* The word's FORM: the file's own bytes when they are clean. */
static void form(nb_buf *out, const char *clean, size_t n, const char *raw, size_t raw_len, size_t a, size_t b)
{
    if (raw && a < b && b <= raw_len && b - a <= 4 * n + 8 && clean_utf8((const unsigned char *)raw + a, b - a))
        nb_buf_put(out, raw + a, b - a);
    else
        field(out, clean, n);
}

void nb_conllu_write(nb_buf *out, const nb_nlp *m, const nb_sent *s, const char *sent_id,
                     const char *text, size_t text_len, nb_offset_fn orig, void *ctx,
                     const char *raw, size_t raw_len)
{
    nb_buf_printf(out, "# sent_id = %s\n# text = ", sent_id);
    for (size_t i = 0; i < text_len; i++) {
        char c = text[i];
        nb_buf_putc(out, (c == '\n' || c == '\r' || c == '\t') ? ' ' : c);
    }
    nb_buf_putc(out, '\n');
    for (size_t i = 0; i < s->n; i++) {
        const nb_uword *w = &s->w[i];
        if (w->mwt >= 2 && i + w->mwt <= s->n) {
            const nb_uword *e = &s->w[i + w->mwt - 1];
            size_t a = w->start, b = e->start + e->len;
            size_t oa = orig(ctx, a), ob = orig(ctx, b);
            nb_buf_printf(out, "%zu-%zu\t", i + 1, i + w->mwt);
            form(out, text + a, b - a, raw, raw_len, oa, ob);
            nb_buf_printf(out, "\t_\t_\t_\t_\t_\t_\t_\tOffset=%zu:%zu%s\n", oa, ob,
                          e->space_after ? "" : "|SpaceAfter=No");
        }
        size_t oa = orig(ctx, w->start), ob = orig(ctx, w->start + w->len);
        nb_buf_printf(out, "%zu\t", i + 1);
        form(out, w->form, w->len, raw, raw_len, oa, ob);
        nb_buf_putc(out, '\t');
        const char *lem = nb_sent_lemma(s, i);
        field(out, lem, strlen(lem));
        nb_buf_printf(out, "\t%s\t%s\t_\t", m->upos[w->tag], m->xpos[w->tag]);
        if (w->head >= 0)
            nb_buf_printf(out, "%d\t%s", w->head, m->labels[w->label]);
        else
            nb_buf_puts(out, "_\t_");
        nb_buf_printf(out, "\t_\tOffset=%zu:%zu%s\n", oa, ob, w->space_after ? "" : "|SpaceAfter=No");
    }
    nb_buf_putc(out, '\n');
}
