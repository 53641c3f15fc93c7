#include "parser.h"

#include <stdlib.h>
#include <string.h>

/* Per-word parse state; index 0 is the root, 1..n the words; -1 is "none". */
typedef struct {
    int head, label;
    int lc1, lc2, rc1, rc2;  /* two leftmost and two rightmost children */
    int nl, nr;              /* left and right valency */
    uint64_t lset, rset;     /* label sets of the children */
    bool on_stack;
} pnode;

typedef struct {
    int n;
    pnode *nd;
    int *stack;
    int sp;
    int b;                   /* buffer front; n + 1 when empty */
} pstate;

enum { SHIFT = 0, REDUCE = 1, LEFT = 2 }; /* LEFT + l, then RIGHT = LEFT + L + l */
enum { A_NONE = 1, A_ROOT = 2 };

static void state_init(pstate *st, int n, pnode *nd, int *stack)
{
    st->n = n;
    st->nd = nd;
    st->stack = stack;
    memset(nd, 0, (size_t)(n + 1) * sizeof *nd);
    for (int i = 0; i <= n; i++) {
        nd[i].head = nd[i].lc1 = nd[i].lc2 = nd[i].rc1 = nd[i].rc2 = -1;
    }
    stack[0] = 0;
    nd[0].on_stack = true;
    st->sp = 1;
    st->b = 1;
}

static void add_arc(pstate *st, int h, int d, int label)
{
    pnode *H = &st->nd[h];
    st->nd[d].head = h;
    st->nd[d].label = label;
    if (d < h) {
        H->nl++;
        H->lset |= 1ULL << (label & 63);
        if (H->lc1 < 0 || d < H->lc1) { H->lc2 = H->lc1; H->lc1 = d; }
        else if (H->lc2 < 0 || d < H->lc2) H->lc2 = d;
    } else {
        H->nr++;
        H->rset |= 1ULL << (label & 63);
        if (H->rc1 < 0 || d > H->rc1) { H->rc2 = H->rc1; H->rc1 = d; }
        else if (H->rc2 < 0 || d > H->rc2) H->rc2 = d;
    }
}

/* Arc-eager moves. The root takes one child ("root"), and no other word
 * takes that label; once the buffer is empty a word without a head may be
 * popped (it is attached after parsing), so every run ends. */
static bool legal(const pstate *st, int cls, int L, int root_label)
{
    int s0 = st->stack[st->sp - 1];
    bool buf = st->b <= st->n;
    if (cls == SHIFT) return buf;
    if (cls == REDUCE) return s0 != 0 && (st->nd[s0].head >= 0 || !buf);
    if (!buf) return false;
    if (cls < LEFT + L) return s0 != 0 && st->nd[s0].head < 0 && cls - LEFT != root_label;
    int l = cls - LEFT - L;
    if (s0 == 0) return l == root_label && st->nd[0].nr == 0;
    return l != root_label;
}

static void apply(pstate *st, int cls, int L)
{
    if (cls == SHIFT) {
        st->nd[st->b].on_stack = true;
        st->stack[st->sp++] = st->b++;
    } else if (cls == REDUCE) {
        st->nd[st->stack[--st->sp]].on_stack = false;
    } else if (cls < LEFT + L) {
        int s0 = st->stack[--st->sp];
        st->nd[s0].on_stack = false;
        add_arc(st, st->b, s0, cls - LEFT);
    } else {
        add_arc(st, st->stack[st->sp - 1], st->b, cls - LEFT - L);
        st->nd[st->b].on_stack = true;
        st->stack[st->sp++] = st->b++;
    }
}

static int dist_bin(int d)
{
    if (d < 0) d = -d;
    return d < 5 ? d : d < 10 ? 5 : 6;
}

/* Zhang & Nivre (2011)'s feature templates, with the word below the stack
 * top and the words beside the stack top and the buffer front. */
static size_t features(const pstate *st, const nb_sent *s, int set, uint64_t *f)
{
    const pnode *nd = st->nd;
    int n = st->n;
    int s0 = st->stack[st->sp - 1];
    int s1 = st->sp >= 2 ? st->stack[st->sp - 2] : -1;
    int b0 = st->b <= n ? st->b : -1;
    int b1 = b0 >= 0 && b0 + 1 <= n ? b0 + 1 : -1;
    int b2 = b1 >= 0 && b1 + 1 <= n ? b1 + 1 : -1;
#define W(i) ((i) < 0 ? (uint64_t)A_NONE : (i) == 0 ? (uint64_t)A_ROOT : s->w[(i) - 1].hlow)
#define T(i) ((i) < 0 ? (uint64_t)1 : (i) == 0 ? (uint64_t)2 : (uint64_t)s->w[(i) - 1].tag + 3)
#define Lb(i) ((i) < 0 ? (uint64_t)1 : nd[i].head < 0 ? (uint64_t)2 : (uint64_t)nd[i].label + 3)
#define SUF(i) ((i) <= 0 ? (uint64_t)1 : s->w[(i) - 1].hsuf[2])
#define PRE(i) ((i) <= 0 ? (uint64_t)1 : s->w[(i) - 1].hpre5)
#define T1(i) ((i) <= 0 ? T(i) : (uint64_t)s->w[(i) - 1].jk1 + 3)
    int s0h = nd[s0].head, s0h2 = s0h > 0 ? nd[s0h].head : -1;
    int s0l = nd[s0].lc1, s0r = nd[s0].rc1, s0l2 = nd[s0].lc2, s0r2 = nd[s0].rc2;
    int b0l = b0 >= 0 ? nd[b0].lc1 : -1, b0l2 = b0 >= 0 ? nd[b0].lc2 : -1;
    uint64_t s0w = W(s0), s0t = T(s0), b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1);
    uint64_t b2w = W(b2), b2t = T(b2), s1w = W(s1), s1t = T(s1);
    uint64_t d = (uint64_t)(b0 >= 0 ? dist_bin(b0 - s0) : 7);
    uint64_t s0vl = (uint64_t)nd[s0].nl, s0vr = (uint64_t)nd[s0].nr, b0vl = b0 >= 0 ? (uint64_t)nd[b0].nl : 9;
    uint64_t s0sl = nd[s0].lset, s0sr = nd[s0].rset, b0sl = b0 >= 0 ? nd[b0].lset : 1;
    size_t k = 0;
#define F(a, b, c) f[k] = nb_feat(k + 1, (a), (b), (c)), k++
    /* single words */
    F(s0w, s0t, 0); F(s0w, 0, 0); F(s0t, 0, 0);
    F(b0w, b0t, 0); F(b0w, 0, 0); F(b0t, 0, 0);
    F(b1w, b1t, 0); F(b1w, 0, 0); F(b1t, 0, 0);
    F(b2w, b2t, 0); F(b2w, 0, 0); F(b2t, 0, 0);
    /* pairs */
    F(s0w * 31 + s0t, b0w * 31 + b0t, 0); F(s0w * 31 + s0t, b0w, 0); F(s0w, b0w * 31 + b0t, 0);
    F(s0w * 31 + s0t, b0t, 0); F(s0t, b0w * 31 + b0t, 0); F(s0w, b0w, 0); F(s0t, b0t, 0);
    F(b0t, b1t, 0);
    /* three words */
    F(b0t, b1t, b2t); F(s0t, b0t, b1t); F(T(s0h), s0t, b0t); F(s0t, T(s0l), b0t);
    F(s0t, T(s0r), b0t); F(s0t, b0t, T(b0l));
    /* distance */
    F(s0w, d, 0); F(s0t, d, 0); F(b0w, d, 0); F(b0t, d, 0); F(s0w, b0w, d); F(s0t, b0t, d);
    /* valency */
    F(s0w, s0vr, 0); F(s0t, s0vr, 0); F(s0w, s0vl, 0); F(s0t, s0vl, 0); F(b0w, b0vl, 0); F(b0t, b0vl, 0);
    /* heads and children */
    F(W(s0h), 0, 0); F(T(s0h), 0, 0); F(Lb(s0), 0, 0);
    F(W(s0l), 0, 0); F(T(s0l), 0, 0); F(Lb(s0l), 0, 0);
    F(W(s0r), 0, 0); F(T(s0r), 0, 0); F(Lb(s0r), 0, 0);
    F(W(b0l), 0, 0); F(T(b0l), 0, 0); F(Lb(b0l), 0, 0);
    /* third order */
    F(W(s0h2), 0, 0); F(T(s0h2), 0, 0); F(Lb(s0h), 0, 0);
    F(W(s0l2), 0, 0); F(T(s0l2), 0, 0); F(Lb(s0l2), 0, 0);
    F(W(s0r2), 0, 0); F(T(s0r2), 0, 0); F(Lb(s0r2), 0, 0);
    F(W(b0l2), 0, 0); F(T(b0l2), 0, 0); F(Lb(b0l2), 0, 0);
    F(s0t, T(s0l), T(s0l2)); F(s0t, T(s0r), T(s0r2)); F(s0t, T(s0h), T(s0h2)); F(b0t, T(b0l), T(b0l2));
    /* label sets */
    F(s0w, s0sr, 0); F(s0t, s0sr, 0); F(s0w, s0sl, 0); F(s0t, s0sl, 0); F(b0w, b0sl, 0); F(b0t, b0sl, 0);
    /* below the stack top, and the sentence around s0 and b0 */
    F(s1w, s1t, 0); F(s1t, s0t, 0); F(s1t, s0t, b0t); F(s1w, b0w, 0);
    int s0n = s0 > 0 && s0 < n ? s0 + 1 : -1, b0p = b0 > 1 ? b0 - 1 : -1;
    F(W(s0n), T(s0n), 0); F(s0t, T(s0n), b0t); F(W(b0p), T(b0p), 0); F(s0t, T(b0p), b0t);
    F(SUF(s0), b0t, 0); F(s0t, SUF(b0), 0); F(SUF(b0), b0t, 0);
    F(s0t, Lb(s0), b0t); F(s0t, Lb(s0l), b0t); F(s0t, Lb(s0r), b0t); F(b0t, Lb(b0l), s0t);
    F(Lb(s0), s0w, b0t);
    /* head-dependent pairs across the stack, and the buffer's second word */
    F(W(s0h), s0w, 0); F(T(s0h), s0t, b0w); F(W(s0h), b0w, 0); F(s0w, b1w, 0); F(s0t, b1w, b0t);
    F(s0t, Lb(s0), Lb(s0h)); F(s1t, Lb(s1), s0t); F(W(s0l), s0w, b0t); F(s0w, W(s0r), b0t);
    /* word beginnings: "attack", "attacked" and "attacks" share one */
    F(PRE(s0), b0t, 0); F(s0t, PRE(b0), 0); F(PRE(s0), PRE(b0), 0); F(PRE(b0), b1t, 0); F(PRE(s0h), s0t, 0);
    if (set >= 1) {
        /* the first tagging pass's tag beside the final one: where the two
         * passes disagree the tag is doubtful, and the parser learns how */
        F(T1(b0), b0t, s0t); F(T1(s0), s0t, b0t); F(T1(b1), b1t, b0t);
    }
#undef F
#undef W
#undef T
#undef Lb
#undef SUF
#undef PRE
#undef T1
    return k;
}

#define MAX_FEATS 128

/* The best-scoring legal move, the first in class order on ties. Legality
 * is decided once per kind of move (it depends on the label only through
 * the root label), not once per class. */
static int best_legal(const pstate *st, const int32_t *sc, int L, int root_label)
{
    int s0 = st->stack[st->sp - 1];
    bool buf = st->b <= st->n;
    int best = -1;
    int32_t top = INT32_MIN; /* sc[best], kept apart: reading it back made each step wait for the last */
#define CONSIDER(c) do { if (best < 0 || sc[c] > top) { best = (c); top = sc[c]; } } while (0)
    if (buf) CONSIDER(SHIFT);
    if (s0 != 0 && (st->nd[s0].head >= 0 || !buf)) CONSIDER(REDUCE);
    if (buf && s0 != 0 && st->nd[s0].head < 0)
        for (int l = 0; l < L; l++)
            if (l != root_label) CONSIDER(LEFT + l);
    if (buf && s0 == 0 && st->nd[0].nr == 0) CONSIDER(LEFT + L + root_label);
    if (buf && s0 != 0)
        for (int l = 0; l < L; l++)
            if (l != root_label) CONSIDER(LEFT + L + l);
#undef CONSIDER
    return best;
}

static bool terminal(const pstate *st) { return st->sp == 1 && st->b > st->n; }

/* Words left without a head go under the root word (or become it). */
static void finish(const nb_nlp *m, const pnode *nd, nb_sent *s)
{
    int n = (int)s->n, root = nd[0].rc1 > 0 ? nd[0].rc1 : -1;
    int dep = -2; /* looked up by name only when needed: most trees are whole */
    for (int i = 1; i <= n; i++) {
        nb_uword *w = &s->w[i - 1];
        if (nd[i].head >= 0) {
            w->head = nd[i].head;
            w->label = (uint16_t)nd[i].label;
        } else if (root < 0) {
            root = i;
            w->head = 0;
            w->label = (uint16_t)m->root_label;
        } else {
            if (dep == -2) dep = nb_nlp_label(m, "parataxis");
            w->head = root;
            w->label = (uint16_t)(dep >= 0 ? dep : 0);
        }
    }
}

void nb_parse_sentence(const nb_nlp *m, nb_sent *s)
{
    int n = (int)s->n;
    if (n == 0) return;
    if (n > NB_MAX_PARSE_WORDS) {
        /* too long to be a sentence: a chain, so the tree stays valid */
        int dep = nb_nlp_label(m, "dep");
        for (int i = 0; i < n; i++) {
            s->w[i].head = i;
            s->w[i].label = (uint16_t)(i == 0 ? m->root_label : dep >= 0 ? dep : 0);
        }
        return;
    }
    int L = m->n_labels, nc = nb_parse_classes(L);
    pnode nd[NB_MAX_PARSE_WORDS + 1];
    int stack[NB_MAX_PARSE_WORDS + 1];
    pstate st;
    state_init(&st, n, nd, stack);
    uint64_t f[MAX_FEATS];
    int32_t sc[NB_PMAX_CLASSES];
    while (!terminal(&st)) {
        /* a move that is the only legal one needs no scores: the pops
         * after the buffer is empty, the shift when only the root (which
         * has its child) is on the stack */
        int s0 = st.stack[st.sp - 1];
        if (st.b > n || (s0 == 0 && nd[0].nr > 0)) {
            apply(&st, st.b > n ? REDUCE : SHIFT, L);
            continue;
        }
        size_t nf = features(&st, s, m->features, f);
        memset(sc, 0, (size_t)nc * sizeof *sc);
        nb_pmodel_score(&m->parser, f, nf, sc);
        apply(&st, best_legal(&st, sc, L, m->root_label), L);
    }
    finish(m, nd, s);
}

/* Dynamic oracle (Goldberg & Nivre 2012): how many gold arcs that are still
 * reachable a move loses. */
typedef struct {
    int shift, reduce, left, right;
    int lgold, rgold;         /* the label a gold left/right arc needs, or -1 */
} costs;

static costs move_costs(const pstate *st, const nb_sent *s)
{
    const pnode *nd = st->nd;
    int n = st->n, s0 = st->stack[st->sp - 1], b = st->b;
    costs k = {0, 0, 0, 0, -1, -1};
#define GH(i) (s->w[(i) - 1].ghead)
    int s0deps = 0; /* gold dependents of s0 still in the buffer */
    if (s0 > 0)
        for (int d = b; d <= n; d++) s0deps += GH(d) == s0;
    k.reduce = s0deps + (s0 > 0 && nd[s0].head < 0 && GH(s0) >= b);
    if (s0 > 0) {
        int h = GH(s0);
        k.left = s0deps + (h >= b && h != b);
        if (b <= n && h == b) k.lgold = s->w[s0 - 1].glabel;
    }
    if (b <= n) {
        int hb = GH(b);
        int bdeps = 0; /* headless stack words whose gold head is b */
        for (int i = 0; i < st->sp; i++) {
            int x = st->stack[i];
            if (x > 0 && nd[x].head < 0 && GH(x) == b) bdeps++;
        }
        bool head_on_stack = nd[hb].on_stack;
        k.shift = bdeps + head_on_stack;
        k.right = bdeps + (hb != s0 && (head_on_stack || hb > b));
        if (hb == s0) k.rgold = s->w[b - 1].glabel;
    }
#undef GH
    return k;
}

static int cost(const costs *k, int cls, int L)
{
    if (cls == SHIFT) return k->shift;
    if (cls == REDUCE) return k->reduce;
    if (cls < LEFT + L) return k->left + (k->lgold >= 0 && cls - LEFT != k->lgold);
    return k->right + (k->rgold >= 0 && cls - LEFT - L != k->rgold);
}

static uint64_t rnd(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    return nb_fmix(z);
}

size_t nb_parse_train(nb_ptrain *t, const nb_nlp *m, nb_sent *s, bool explore, uint64_t *rng)
{
    int n = (int)s->n;
    if (n == 0 || n > NB_MAX_PARSE_WORDS) return 0;
    int L = m->n_labels, nc = nb_parse_classes(L);
    pnode *nd = nb_malloc((size_t)(n + 1) * sizeof *nd);
    int *stack = nb_malloc((size_t)(n + 1) * sizeof *stack);
    pstate st;
    state_init(&st, n, nd, stack);
    uint64_t f[MAX_FEATS];
    int32_t sc[NB_PMAX_CLASSES];
    size_t updates = 0;
    while (!terminal(&st)) {
        size_t nf = features(&st, s, m->features, f);
        memset(sc, 0, (size_t)nc * sizeof *sc);
        nb_ptrain_score(t, f, nf, sc);
        int pred = best_legal(&st, sc, L, m->root_label);
        costs mc = move_costs(&st, s);
        int pc = cost(&mc, pred, L), best_cost = 1 << 30, gold = -1;
        for (int c = 0; c < nc; c++) {
            if (!legal(&st, c, L, m->root_label)) continue;
            int k = cost(&mc, c, L);
            if (k < best_cost || (k == best_cost && sc[c] > sc[gold])) {
                best_cost = k;
                gold = c;
            }
        }
        if (pc > best_cost) {
            nb_ptrain_update(t, f, nf, gold, pred);
            updates++;
        }
        nb_ptrain_tick(t);
        apply(&st, explore && (rnd(rng) % 10) < 9 ? pred : gold, L);
    }
    free(nd);
    free(stack);
    return updates;
}

void nb_parse_oracle(const nb_nlp *m, nb_sent *s)
{
    int n = (int)s->n;
    if (n == 0 || n > NB_MAX_PARSE_WORDS) return;
    int L = m->n_labels, nc = nb_parse_classes(L);
    pnode *nd = nb_malloc((size_t)(n + 1) * sizeof *nd);
    int *stack = nb_malloc((size_t)(n + 1) * sizeof *stack);
    pstate st;
    state_init(&st, n, nd, stack);
    while (!terminal(&st)) {
        costs mc = move_costs(&st, s);
        int best = -1, bc = 1 << 30;
        for (int c = 0; c < nc; c++) {
            if (!legal(&st, c, L, m->root_label)) continue;
            int k = cost(&mc, c, L);
            if (k < bc) {
                bc = k;
                best = c;
            }
        }
        apply(&st, best, L);
    }
    finish(m, nd, s);
    free(nd);
    free(stack);
}

static bool projective_arc(const nb_sent *s, int d)
{
    int h = s->w[d - 1].ghead;
    if (h == 0) return true;
    int lo = d < h ? d : h, hi = d < h ? h : d;
    for (int k = lo + 1; k < hi; k++) {
        int a = k;
        while (a != 0 && a != h) a = s->w[a - 1].ghead;
        if (a != h) return false;
    }
    return true;
}

void nb_projectivize(nb_sent *s)
{
    int n = (int)s->n;
    for (int guard = 0; guard < 4 * n; guard++) {
        int worst = 0, span = 1 << 30;
        for (int d = 1; d <= n; d++) {
            if (projective_arc(s, d)) continue;
            int h = s->w[d - 1].ghead, len = d < h ? h - d : d - h;
            if (len < span) { span = len; worst = d; }
        }
        if (!worst) return;
        s->w[worst - 1].ghead = s->w[s->w[worst - 1].ghead - 1].ghead;
    }
}
