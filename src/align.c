/* align.c — the aligner: dynamic programming over beads.
 *
 * A bead's cost is a sum of negative log-probabilities:
 *   prior     -log P(bead type), e.g. 1-1 far likelier than 2-2;
 *   length    Gale & Church (1993): delta = (l2 - c*l1) / sqrt(s2*l1)
 *             in characters, cost -log 2(1 - Phi(|delta|));
 *   lexical   a binomial log-likelihood ratio over the bead's content
 *             tokens: each is matched (lexicon, cognate, number, name) with
 *             probability mt in a translation and mr in a random pair.
 * c, s2, mt and mr are estimated on the document itself: a first pass with
 * estimates from the diagonal, then a second pass with estimates from the
 * beads the first pass found. Deletions (1-0, 0-1) pay their prior only, so
 * a sentence is left unaligned exactly when every pairing looks random.
 *
 * Cost of the search. A document (up to FULL_CELLS cells) is searched over
 * the whole matrix. A longer text is searched inside a band that follows
 * the path, found coarse to fine as Vecalign does: blocks of F^L sentences
 * are aligned on their lengths over the whole (small) block matrix, the
 * path is projected one level down and refined inside a window around it,
 * and so on down to sentences, where both passes of the full model run
 * inside the band. Wherever a path comes near the band's edge the band is
 * widened there and that part searched again, so a large omission off the
 * diagonal costs time, never the answer. A band of half-width w makes
 * every level O(n w): the whole search is linear in the text.
 *
 * Parallel inside one text: the band is cut into segments at anchor
 * points (a cell between two confident 1-1 beads of the first pass) and
 * the segments are searched by different threads. The cuts do not depend
 * on the number of threads, so neither do the results. */
#include "selaras/align.h"
#include "grow.h"
#include "coarse.h"
#include "match.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAXW = 4,            /* widest bead side the options allow */
    NTYPES = (MAXW + 1) * (MAXW + 1), /* at most this many bead types */
    PRUNE = 20,          /* beads that much costlier than the best count for nothing */
    FULL_CELLS = 16384,  /* whole matrix up to here (some 127 x 127) */
    AUTO_W = 10,         /* band half-width at the sentence level */
    AUTO_SEG = 4096,     /* rows per segment */
    MARGIN = 2,          /* a path this close to a band edge widens it */
    MAX_WIDEN = 6,
    LT_SCALE = 256,      /* length-cost table: steps per unit of delta */
    LT_N = 12 * LT_SCALE,
};

struct sl_aligner {
    sl_align_opts o;
    sl_featcfg *feat;
    double c0; /* prior length ratio target/source */
    /* -log(2(1 - Phi(d))) at d = k / LT_SCALE, floored at 1e-30 */
    double lt[LT_N + 2];
};

void sl_align_opts_default(sl_align_opts *o)
{
    memset(o, 0, sizeof *o);
    o->src_lang = "id";
    o->tgt_lang = "en";
    o->max_side = 3;
}

sl_aligner *sl_aligner_new(const sl_align_opts *o, const sl_lexicon *lex, sl_error *err)
{
    sl_aligner *a = calloc(1, sizeof *a);
    if (!a) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    a->o = *o;
    if (a->o.max_side < 1 || a->o.max_side > MAXW) {
        sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "bead width must be 1 to 4, not %d",
                     a->o.max_side);
        free(a);
        return NULL;
    }
    if (a->o.band < 0 || a->o.segment < 0 || a->o.threads < 0) {
        sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "band, segment and threads must not be negative");
        free(a);
        return NULL;
    }
    a->feat = sl_featcfg_new(o->src_lang, o->tgt_lang, lex, err);
    if (!a->feat) {
        free(a);
        return NULL;
    }
    /* Indonesian runs longer than English: 0.93 English characters per
     * Indonesian one on the UD PUD and PANL gold pairs. Other pairs start
     * from 1; the document's own ratio soon dominates either way. */
    int id_en = (strcmp(o->src_lang, "id") == 0 || strcmp(o->src_lang, "indonesian") == 0) &&
                (strcmp(o->tgt_lang, "en") == 0 || strcmp(o->tgt_lang, "english") == 0);
    a->c0 = id_en ? 0.93 : 1.0;
    for (int k = 0; k <= LT_N + 1; k++) {
        double p = erfc((double)k / LT_SCALE / sqrt(2.0));
        a->lt[k] = -log(p < 1e-30 ? 1e-30 : p);
    }
    return a;
}

void sl_aligner_free(sl_aligner *a)
{
    if (!a)
        return;
    sl_featcfg_free(a->feat);
    free(a);
}

void sl_beads_free(sl_beads *b)
{
    if (!b)
        return;
    free(b->v);
    memset(b, 0, sizeof *b);
}


/* ---- the model -------------------------------------------------------- */

typedef struct {
    const sl_aligner *al;
    const sl_docfeat *f;
    size_t ns, nt;
    int maxw;
    double c, s2;  /* length ratio and variance per character */
    double mt, mr; /* match rates: translation (per token), chance (per token pair) */
    double prior[MAXW + 1][MAXW + 1]; /* -log P(type) */
    int slot[MAXW + 1][MAXW + 1];     /* the type's place among those with a
                                       * prior (-1: none), and their number */
    int ntypes;
    size_t *cs[2]; /* prefix sums of characters */
    double *ts[2]; /* prefix sums of content token weights */
} model_t;

/* Bead priors: the share of each type in the pooled ID-EN gold of UD PUD,
 * PANL and TED (4,862 beads), rounded; the wider types, absent there, get
 * the 2-2 rate scaled down. */
static void set_priors(model_t *m)
{
    for (int a = 0; a <= MAXW; a++)
        for (int b = 0; b <= MAXW; b++)
            m->prior[a][b] = INFINITY;
    double p11 = 0.87, p10 = 0.03, p21 = 0.028, p22 = 0.015, p31 = 0.002;
    m->prior[1][1] = -log(p11);
    m->prior[1][0] = m->prior[0][1] = -log(p10);
    m->prior[2][1] = m->prior[1][2] = -log(p21);
    m->prior[2][2] = -log(p22);
    for (int a = 1; a <= m->maxw; a++)
        for (int b = 1; b <= m->maxw; b++)
            if (m->prior[a][b] == INFINITY && a + b <= m->maxw + 1)
                m->prior[a][b] = -log(p31 / (a + b - 3));
    for (int a = 0; a <= MAXW; a++)
        for (int b = 0; b <= MAXW; b++)
            if (a > m->maxw || b > m->maxw)
                m->prior[a][b] = INFINITY;
    m->ntypes = 0;
    for (int a = 0; a <= MAXW; a++)
        for (int b = 0; b <= MAXW; b++)
            m->slot[a][b] = m->prior[a][b] == INFINITY ? -1 : m->ntypes++;
}

/* mt: chance that a token of a translation finds its counterpart; r: chance
 * that two unrelated tokens match by accident (a shared number or name, a
 * lexicon hub such as "orang"). */
static void set_rates(model_t *m, double mt, double r)
{
    if (r < 1e-5) r = 1e-5;
    if (r > 0.05) r = 0.05;
    if (mt < 0.05) mt = 0.05;
    if (mt > 0.95) mt = 0.95;
    m->mt = mt;
    m->mr = r;
}

/* The binomial log-likelihood ratio, translation versus chance, of k of a
 * side's n tokens finding a match among the other side's tokens (total
 * weight n_other) is k*A + (n-k)*B. Chance grows with n_other: a 2-2 bead
 * offers each token twice the partners of a 1-1 bead, so its accidental
 * matches are worth less. */
static void lex_ab(const model_t *m, double n_other, double *A, double *B)
{
    double pr = 1 - pow(1 - m->mr, n_other);
    double pt = m->mt + (1 - m->mt) * pr;
    if (pr < 1e-9) pr = 1e-9;
    if (pt > 1 - 1e-9) pt = 1 - 1e-9;
    *A = log(pt / pr);
    *B = log((1 - pt) / (1 - pr));
}

/* -log of the two-sided normal tail of delta, from the table. */
static double len_cost(const model_t *m, double l1, double l2)
{
    double mean = (l1 + l2 / m->c) / 2;
    if (mean < 1)
        mean = 1;
    double x = fabs(l2 - m->c * l1) / sqrt(m->s2 * mean) * LT_SCALE;
    const double *lt = m->al->lt;
    if (x >= LT_N)
        return lt[LT_N];
    int k = (int)x;
    return lt[k] + (x - k) * (lt[k + 1] - lt[k]);
}

/* ---- segments: the DP between two cells of the band ----------------- */


/* A piece of the search, from cell (ia, ja) to cell (ib, jb), and what it
 * found: its beads, their matches and their own costs. */
typedef struct {
    size_t ia, ja, ib, jb;
    sl_beads b;
    double *k, *own;
    size_t kcap, owncap;
    int rc;
} seg_t;

/* One thread's working memory for segments. */
typedef struct {
    double *d;
    unsigned char *bk;
    size_t cap_d, cap_bk;
    size_t *lo, *hi, *off, *c0, *c1;
    size_t cap_rows;
    double *tabS, *tabT; /* lex_ab of source and target ranges: (A, B) pairs */
    size_t cap_s, cap_t;
    size_t sa, ta;       /* first row and column the tables start at */
    sl_matchrows mr;     /* the segment's match rows */
    int mr_valid;        /* mr holds rows of the current document */
    int mr_full;         /* ... all of them, over every column */
    sl_matchrows aux;    /* one-off rows for cells off the band */
    double *bc;          /* last pass: every bead's cost, by end cell and type */
    double *F, *G;       /* soft-min forward and backward costs of the cells */
    size_t cap_bc, cap_F, cap_G;
} segws_t;

static void segws_free(segws_t *w)
{
    free(w->d);
    free(w->bk);
    free(w->lo);
    free(w->hi);
    free(w->off);
    free(w->c0);
    free(w->c1);
    free(w->tabS);
    free(w->tabT);
    free(w->bc);
    free(w->F);
    free(w->G);
    sl_matchrows_free(&w->mr);
    sl_matchrows_free(&w->aux);
    memset(w, 0, sizeof *w);
}

struct sl_align_ws {
    sl_vocab *voc;
    segws_t *seg;
    int nseg;
};

sl_align_ws *sl_align_ws_new(const sl_aligner *a, sl_error *err)
{
    sl_align_ws *w = calloc(1, sizeof *w);
    if (!w || !(w->voc = sl_vocab_new(a->feat, err))) {
        free(w);
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    return w;
}

void sl_align_ws_free(sl_align_ws *w)
{
    if (!w)
        return;
    sl_vocab_free(w->voc);
    for (int k = 0; k < w->nseg; k++)
        segws_free(&w->seg[k]);
    free(w->seg);
    free(w);
}

/* Room for R rows in every per-row array. */
static int rows_reserve(segws_t *w, size_t R)
{
    if (R <= w->cap_rows)
        return 0;
    size_t cap = R * 2;
    size_t **arrays[] = { &w->lo, &w->hi, &w->off, &w->c0, &w->c1 };
    for (size_t k = 0; k < sizeof arrays / sizeof *arrays; k++) {
        size_t *p = realloc(*arrays[k], cap * sizeof *p);
        if (!p)
            return -1;
        *arrays[k] = p;
    }
    w->cap_rows = cap;
    return 0;
}

/* Matches of an arbitrary bead, whether or not the band holds it. */
static double aux_matches(const model_t *m, segws_t *w, size_t i0, size_t a, size_t j0, size_t b)
{
    if (!a || !b)
        return 0;
    size_t c0[MAXW], c1[MAXW];
    for (size_t r = 0; r < a; r++) {
        c0[r] = j0;
        c1[r] = j0 + b;
    }
    if (sl_match_rows(&w->aux, m->f, i0, a, c0, c1))
        return -1;
    return sl_match_bead(&w->aux, m->f, i0, a, j0, b);
}

/* The 1-1 matches of source sentence i with target sentence j: from the
 * match rows when they hold the cell, else computed on the side. */
static double pair_k(const model_t *m, segws_t *w, size_t i, size_t j)
{
    const sl_matchrows *r = &w->mr;
    if (w->mr_valid && i >= r->i0 && i < r->i0 + r->n && j >= r->c0[i - r->i0] &&
        j < r->c1[i - r->i0])
        return sl_match_k11(r, i, j);
    return aux_matches(m, w, i, 1, j, 1);
}

/* A document small enough to search whole: its match rows, every source
 * sentence against every target one, built once for the estimates, both
 * passes and the confidences. */
static int full_rows(const model_t *m, segws_t *w)
{
    size_t ns = m->ns, nt = m->nt;
    if (rows_reserve(w, ns + 1))
        return -1;
    for (size_t r = 0; r < ns; r++) {
        w->c0[r] = 0;
        w->c1[r] = nt;
    }
    if (sl_match_rows(&w->mr, m->f, 0, ns, w->c0, w->c1))
        return -1;
    w->mr_valid = w->mr_full = 1;
    return 0;
}

/* The cost of a bead given its matches k; the lexical terms come from the
 * segment's tables when they hold the ranges. */
static double cost_k(const model_t *m, const segws_t *w, size_t i0, int a, size_t j0, int b,
                     double k, int tables)
{
    double cost = m->prior[a][b];
    if (a == 0 || b == 0)
        return cost;
    double l1 = (double)(m->cs[0][i0 + a] - m->cs[0][i0]);
    double l2 = (double)(m->cs[1][j0 + b] - m->cs[1][j0]);
    cost += len_cost(m, l1, l2);
    double na = m->ts[0][i0 + a] - m->ts[0][i0];
    double nb = m->ts[1][j0 + b] - m->ts[1][j0];
    double As, Bs, At, Bt;
    if (tables) {
        const double *s = &w->tabS[((i0 - w->sa) * (MAXW + 1) + (size_t)a) * 2];
        const double *t = &w->tabT[((j0 - w->ta) * (MAXW + 1) + (size_t)b) * 2];
        As = s[0], Bs = s[1], At = t[0], Bt = t[1];
    } else {
        lex_ab(m, na, &As, &Bs);
        lex_ab(m, nb, &At, &Bt);
    }
    /* the source side's tokens against the target's, and the other way */
    cost -= ((k * At + (na - k) * Bt) + (k * As + (nb - k) * Bs)) / 2;
    return cost;
}

/* Confidence that a bead is right, from its own evidence with even prior
 * odds: the logistic of its length and lexical log-likelihood ratios (the
 * type prior left out, so a pair the path was forced through with no shared
 * words scores low even though deleting both would cost more). */
static double conf_of(const model_t *m, int a, int b, double own)
{
    double e = m->prior[a][b] - own;
    return 1.0 / (1.0 + exp(-e));
}

static int seg_push(seg_t *s, size_t i0, size_t a, size_t j0, size_t b, double cost)
{
    if (s->b.n == s->b.cap) {
        size_t nc = s->b.cap ? s->b.cap * 2 : 64;
        sl_bead *v = realloc(s->b.v, nc * sizeof *v);
        if (!v)
            return -1;
        s->b.v = v;
        s->b.cap = nc;
    }
    if (sl_grow(&s->k, &s->kcap, s->b.n + 1, sizeof *s->k) ||
        sl_grow(&s->own, &s->owncap, s->b.n + 1, sizeof *s->own))
        return -1;
    s->b.v[s->b.n++] = (sl_bead){ i0, a, j0, b, cost, 0 };
    return 0;
}

/* Costs added as probabilities: -log sum exp(-v[k]), terms more than
 * PRUNE above the least left out (they change nothing in a double). */
static double softmin(const double *v, int n)
{
    double lo = INFINITY;
    for (int k = 0; k < n; k++)
        if (v[k] < lo)
            lo = v[k];
    if (lo == INFINITY)
        return INFINITY;
    double sum = 0;
    for (int k = 0; k < n; k++)
        if (v[k] - lo < PRUNE)
            sum += exp(lo - v[k]);
    return lo - log(sum);
}

/* Each bead's confidence: the probability, under the model, that the
 * alignment holds the bead, summed over every path through the segment's
 * band (forward-backward over the lattice of the last pass, in costs:
 * F(cell) sums the paths from the start, G(cell) those to the end). Given
 * the segment's ends, which are anchors a long text's path all but surely
 * runs through, or a whole document's corners. */
static void posteriors(const model_t *m, segws_t *w, seg_t *s, size_t R, int maxw)
{
    size_t ja = s->ja, total = w->off[R - 1] + w->hi[R - 1] - w->lo[R - 1] + 1;
    if (sl_grow(&w->F, &w->cap_F, total, sizeof *w->F) ||
        sl_grow(&w->G, &w->cap_G, total, sizeof *w->G)) {
        for (size_t x = 0; x < s->b.n; x++) /* no memory: the bead's own evidence */
            s->b.v[x].conf = conf_of(m, (int)s->b.v[x].ni, (int)s->b.v[x].nj, s->own[x]);
        return;
    }
    double v[NTYPES + 1];
#define AT(r, j) (w->off[r] + (j) - w->lo[r])
    for (size_t r = 0; r < R; r++)
        for (size_t j = w->lo[r]; j <= w->hi[r]; j++) {
            const double *bc = &w->bc[AT(r, j) * (size_t)m->ntypes];
            int n = 0;
            if (r == 0 && j == ja)
                v[n++] = 0;
            for (int a = 0; a <= maxw && (size_t)a <= r; a++)
                for (int b = 0; b <= maxw && (size_t)b <= j; b++) {
                    if (m->slot[a][b] < 0)
                        continue;
                    double c = bc[m->slot[a][b]];
                    size_t pr = r - (size_t)a, pj = j - (size_t)b;
                    if (c != INFINITY && pj >= w->lo[pr] && pj <= w->hi[pr])
                        v[n++] = w->F[AT(pr, pj)] + c;
                }
            w->F[AT(r, j)] = softmin(v, n);
        }
    for (size_t r = R; r-- > 0;)
        for (size_t j = w->hi[r] + 1; j-- > w->lo[r];) {
            int n = 0;
            if (r == R - 1 && j == s->jb)
                v[n++] = 0;
            for (int a = 0; a <= maxw && r + (size_t)a < R; a++)
                for (int b = 0; b <= maxw; b++) {
                    size_t qr = r + (size_t)a, qj = j + (size_t)b;
                    if (m->slot[a][b] < 0 || qj < w->lo[qr] || qj > w->hi[qr])
                        continue;
                    double c = w->bc[AT(qr, qj) * (size_t)m->ntypes + (size_t)m->slot[a][b]];
                    if (c != INFINITY)
                        v[n++] = c + w->G[AT(qr, qj)];
                }
            w->G[AT(r, j)] = softmin(v, n);
        }
    double Z = w->F[AT(R - 1, s->jb)];
    for (size_t x = 0; x < s->b.n; x++) {
        sl_bead *bd = &s->b.v[x];
        size_t r0 = bd->i0 - s->ia, r1 = r0 + bd->ni, j1 = bd->j0 + bd->nj;
        double c = w->bc[AT(r1, j1) * (size_t)m->ntypes + (size_t)m->slot[bd->ni][bd->nj]];
        double p = exp(-(w->F[AT(r0, bd->j0)] + c + w->G[AT(r1, j1)] - Z));
        bd->conf = p > 1 ? 1 : p;
    }
#undef AT
}

/* Searches one segment inside band (its rows strictly between ia and ib
 * may be widened). pass 2 also sets confidences. */
static int seg_run(const model_t *m, segws_t *w, sl_band *band, seg_t *s, int last, int widen_w)
{
    const sl_docfeat *f = m->f;
    size_t ia = s->ia, ib = s->ib, ja = s->ja, jb = s->jb, R = ib - ia + 1;
    /* the first pass only estimates the model and guides the second:
     * beads up to 2-2 are enough for that */
    int maxw = last ? m->maxw : (m->maxw < 2 ? m->maxw : 2);
    for (int round = 0;; round++) {
        s->b.n = 0;
        if (rows_reserve(w, R + 1))
            return -1;
        size_t total = 0;
        for (size_t r = 0; r < R; r++) {
            size_t i = ia + r;
            size_t lo = band->lo[i] > ja ? band->lo[i] : ja;
            size_t hi = band->hi[i] < jb ? band->hi[i] : jb;
            if (r == 0)
                lo = ja;
            if (r == R - 1 && hi < jb)
                hi = jb;
            if (hi < lo)
                hi = lo;
            w->lo[r] = lo;
            w->hi[r] = hi;
            w->off[r] = total;
            total += hi - lo + 1;
        }
        if (sl_grow(&w->d, &w->cap_d, total, sizeof *w->d) || sl_grow(&w->bk, &w->cap_bk, total, 1))
            return -1;
        /* the last pass keeps every bead's cost for the posteriors */
        if (last && sl_grow(&w->bc, &w->cap_bc, total * (size_t)m->ntypes, sizeof *w->bc))
            return -1;
        /* each source sentence's columns: those of the beads ending in the
         * next maxw rows (a whole document has them all already) */
        int whole = w->mr_full && ia == 0 && ib == m->ns && ja == 0 && jb == m->nt;
        for (size_t r = 0; r + 1 < R && !whole; r++) {
            size_t c0 = (size_t)-1, c1 = 0;
            for (size_t q = r + 1; q < R && q <= r + (size_t)maxw; q++) {
                size_t lo = w->lo[q] > (size_t)maxw ? w->lo[q] - (size_t)maxw : 0;
                if (lo < ja)
                    lo = ja;
                if (lo < c0)
                    c0 = lo;
                if (w->hi[q] > c1)
                    c1 = w->hi[q];
            }
            w->c0[r] = c0;
            w->c1[r] = c1 > c0 ? c1 : c0;
        }
        if (!whole) {
            w->mr_full = 0;
            if (sl_match_rows(&w->mr, f, ia, R - 1, w->c0, w->c1))
                return -1;
        }
        w->mr_valid = 1;
        /* lexical terms of every range a bead of the segment can cover */
        w->sa = ia;
        w->ta = ja;
        size_t ncols = jb - ja + 1;
        if (sl_grow(&w->tabS, &w->cap_s, R * (MAXW + 1) * 2, sizeof *w->tabS) ||
            sl_grow(&w->tabT, &w->cap_t, ncols * (MAXW + 1) * 2, sizeof *w->tabT))
            return -1;
        for (size_t i = ia; i < ib; i++)
            for (int a = 1; a <= maxw && i + (size_t)a <= ib; a++) {
                double *t = &w->tabS[((i - ia) * (MAXW + 1) + (size_t)a) * 2];
                lex_ab(m, m->ts[0][i + (size_t)a] - m->ts[0][i], &t[0], &t[1]);
            }
        for (size_t j = ja; j < jb; j++)
            for (int b = 1; b <= maxw && j + (size_t)b <= jb; b++) {
                double *t = &w->tabT[((j - ja) * (MAXW + 1) + (size_t)b) * 2];
                lex_ab(m, m->ts[1][j + (size_t)b] - m->ts[1][j], &t[0], &t[1]);
            }
        /* the DP. A bead's matches are at most the sum of its sentence
         * pairs' 1-1 matches, and its cost falls as its matches grow: when
         * even that bound cannot beat the best bead so far, the exact
         * (greedy one-to-one) matching is not needed. */
        for (size_t r = 0; r < R; r++) {
            size_t i = ia + r;
            for (size_t j = w->lo[r]; j <= w->hi[r]; j++) {
                double best = r == 0 && j == ja ? 0 : INFINITY;
                unsigned char bk = 0;
                double *bc = last ? &w->bc[(w->off[r] + j - w->lo[r]) * (size_t)m->ntypes] : NULL;
                if (bc)
                    for (int t = 0; t < m->ntypes; t++)
                        bc[t] = INFINITY;
                for (int a = 0; a <= maxw && (size_t)a <= r; a++) {
                    size_t pr = r - (size_t)a;
                    for (int b = 0; b <= maxw && (size_t)b <= j; b++) {
                        if (m->prior[a][b] == INFINITY)
                            continue;
                        size_t pj = j - (size_t)b;
                        if (pj < w->lo[pr] || pj > w->hi[pr])
                            continue;
                        double prev = w->d[w->off[pr] + pj - w->lo[pr]];
                        if (prev == INFINITY)
                            continue;
                        size_t i0 = i - (size_t)a;
                        double k = 0;
                        if (a == 1 && b == 1) {
                            k = sl_match_k11(&w->mr, i0, pj);
                        } else if (a && b) {
                            double ub = 0;
                            for (size_t x = 0; x < (size_t)a; x++)
                                for (size_t y = 0; y < (size_t)b; y++)
                                    ub += sl_match_k11(&w->mr, i0 + x, pj + y);
                            /* the last pass keeps what the posteriors need:
                             * beads within PRUNE of the best (e^-PRUNE is
                             * nothing next to the best path's weight) */
                            if (prev + cost_k(m, w, i0, a, pj, b, ub, 1) >= best + (bc ? PRUNE : 0))
                                continue;
                            if ((k = sl_match_bead(&w->mr, f, i0, (size_t)a, pj, (size_t)b)) < 0)
                                return -1;
                        }
                        double own = cost_k(m, w, i0, a, pj, b, k, 1), c = prev + own;
                        if (bc)
                            bc[m->slot[a][b]] = own;
                        if (c < best) {
                            best = c;
                            bk = (unsigned char)(a * 8 + b);
                        }
                    }
                }
                w->d[w->off[r] + j - w->lo[r]] = best;
                w->bk[w->off[r] + j - w->lo[r]] = bk;
            }
        }
        double end = w->d[w->off[R - 1] + jb - w->lo[R - 1]];
        if (end == INFINITY)
            return -2;
        /* trace back, then put the beads in order */
        size_t r = R - 1, j = jb;
        int touched = 0;
        while (r > 0 || j > ja) {
            size_t at = w->off[r] + j - w->lo[r];
            int a = w->bk[at] / 8, b = w->bk[at] % 8;
            size_t i = ia + r;
            /* a path close to an edge the band put there (not a segment
             * end nor the matrix edge) may have been pushed by it */
            if (r > 0 && r < R - 1 &&
                ((band->lo[i] > ja && j < band->lo[i] + MARGIN) ||
                 (band->hi[i] < jb && j + MARGIN > band->hi[i])))
                touched = 1;
            size_t pr = r - (size_t)a, pj = j - (size_t)b;
            double cost = w->d[at] - w->d[w->off[pr] + pj - w->lo[pr]];
            if (seg_push(s, ia + pr, (size_t)a, pj, (size_t)b, cost))
                return -1;
            r = pr;
            j = pj;
        }
        for (size_t x = 0, y = s->b.n ? s->b.n - 1 : 0; x < y; x++, y--) {
            sl_bead t = s->b.v[x];
            s->b.v[x] = s->b.v[y];
            s->b.v[y] = t;
        }
        if (touched && widen_w > 0 && round < MAX_WIDEN) {
            /* widen the rows inside the segment around where the path ran
             * along an edge, twice as far each round */
            size_t ext = (size_t)widen_w << (round + 1);
            for (size_t x = 0; x < s->b.n; x++) {
                const sl_bead *bd = &s->b.v[x];
                size_t i = bd->i0 + bd->ni, jj = bd->j0 + bd->nj;
                if (i <= ia || i >= ib)
                    continue;
                if (!((band->lo[i] > ja && jj < band->lo[i] + MARGIN) ||
                      (band->hi[i] < jb && jj + MARGIN > band->hi[i])))
                    continue;
                size_t r0 = i > ia + 2 * ext ? i - 2 * ext : ia + 1;
                size_t r1 = i + 2 * ext < ib ? i + 2 * ext : ib - 1;
                for (size_t q = r0; q <= r1; q++) {
                    band->lo[q] = band->lo[q] > ext ? band->lo[q] - ext : 0;
                    band->hi[q] = band->hi[q] + ext < m->nt ? band->hi[q] + ext : m->nt;
                }
            }
            continue;
        }
        break;
    }
    /* each bead's matches and own cost: for the estimates and confidences */
    for (size_t x = 0; x < s->b.n; x++) {
        sl_bead *bd = &s->b.v[x];
        double k = 0;
        if (bd->ni && bd->nj &&
            (k = sl_match_bead(&w->mr, f, bd->i0, bd->ni, bd->j0, bd->nj)) < 0)
            return -1;
        s->k[x] = k;
        s->own[x] = cost_k(m, w, bd->i0, (int)bd->ni, bd->j0, (int)bd->nj, k, 1);
    }
    if (!last)
        return 0;
    posteriors(m, w, s, R, maxw);
    return 0;
}

/* ---- estimation ------------------------------------------------------- */

/* Match rates on the path (mostly translations) and off it (mostly not),
 * shrunk towards typical values so that tiny documents stay sane. A
 * document is taken to run along the diagonal: the cells there count as
 * translations, those 1 to 3 off it as not. A long text's path is the
 * coarse one (centre[i] the column of row i), right to within a sentence
 * or two: the best cell within 2 of it counts as the translation, and
 * cells 4 to 6 off it, surely off the path, as chance. */
static int estimate_initial(model_t *m, segws_t *w, const size_t *centre)
{
    double kt = 0, nt_ = 0, kr = 0, pr = 0;
    /* a long text is sampled: 20,000 rows tell the rates well enough */
    size_t step = m->ns > 20000 ? m->ns / 20000 : 1;
    size_t near = centre ? 2 : 0, f0 = centre ? 4 : 1, f1 = centre ? 6 : 3;
    for (size_t i = 0; i < m->ns; i += step) {
        size_t jd = centre ? centre[i] : (size_t)((double)i * (double)m->nt / (double)m->ns);
        double na = m->ts[0][i + 1] - m->ts[0][i];
        size_t c0 = jd > f1 ? jd - f1 : 0, c1 = jd + f1 + 1 < m->nt ? jd + f1 + 1 : m->nt;
        if (c0 >= c1)
            continue;
        if (!w->mr_full && sl_match_rows(&w->aux, m->f, i, 1, &c0, &c1))
            return -1;
        double best = -1, bestn = 0;
        for (size_t j = c0; j < c1; j++) {
            size_t dist = j > jd ? j - jd : jd - j;
            double nb = m->ts[1][j + 1] - m->ts[1][j];
            double k = w->mr_full ? sl_match_k11(&w->mr, i, j)
                                  : sl_match_bead(&w->aux, m->f, i, 1, j, 1);
            if (k < 0)
                return -1;
            if (dist <= near) {
                if (k > best) {
                    best = k;
                    bestn = (na + nb) / 2;
                }
            } else if (dist >= f0) {
                kr += k;
                pr += na * nb;
            }
        }
        if (best >= 0) {
            kt += best;
            nt_ += bestn;
        }
    }
    /* priors: 0.002 accidental matches per token pair, 40% of a
     * translation's tokens matched, worth 2000 pairs and 20 tokens */
    double r = (kr + 0.002 * 2000) / (pr + 2000);
    set_rates(m, (kt + 0.4 * 20) / (nt_ + 20), r);
    return 0;
}

/* Re-estimates c, s2, mt and mr from the 1-1 beads of a first pass. */
static int estimate_from(model_t *m, segws_t *w, const sl_beads *b, const double *k)
{
    double kt = 0, nt_ = 0, l1s = 0, l2s = 0, dev = 0, cnt = 0;
    for (size_t x = 0; x < b->n; x++) {
        const sl_bead *bd = &b->v[x];
        if (bd->ni != 1 || bd->nj != 1)
            continue;
        l1s += (double)(m->cs[0][bd->i0 + 1] - m->cs[0][bd->i0]);
        l2s += (double)(m->cs[1][bd->j0 + 1] - m->cs[1][bd->j0]);
        kt += k[x];
        nt_ += ((m->ts[0][bd->i0 + 1] - m->ts[0][bd->i0]) +
                (m->ts[1][bd->j0 + 1] - m->ts[1][bd->j0])) / 2;
        cnt++;
    }
    if (cnt == 0)
        return 0;
    double c = (l2s + m->c * 300) / (l1s + 300);
    for (size_t x = 0; x < b->n; x++) {
        const sl_bead *bd = &b->v[x];
        if (bd->ni != 1 || bd->nj != 1)
            continue;
        double l1 = (double)(m->cs[0][bd->i0 + 1] - m->cs[0][bd->i0]);
        double l2 = (double)(m->cs[1][bd->j0 + 1] - m->cs[1][bd->j0]);
        double mean = (l1 + l2 / c) / 2;
        if (mean >= 1)
            dev += (l2 - c * l1) * (l2 - c * l1) / mean;
    }
    m->c = c;
    /* 3.0: the pooled variance per character of the ID-EN dev gold */
    m->s2 = (dev + 3.0 * 10) / (cnt + 10);
    /* chance matches: each 1-1 bead's source sentence against the target
     * sentences 2 and 3 away from its own (a long text sampled) */
    double kr = 0, pr = 0;
    size_t step = b->n > 20000 ? b->n / 20000 : 1;
    for (size_t x = 0; x < b->n; x += step) {
        const sl_bead *bd = &b->v[x];
        if (bd->ni != 1 || bd->nj != 1)
            continue;
        double na = m->ts[0][bd->i0 + 1] - m->ts[0][bd->i0];
        size_t c0 = bd->j0 > 3 ? bd->j0 - 3 : 0, c1 = bd->j0 + 4 < m->nt ? bd->j0 + 4 : m->nt;
        for (size_t j = c0; j < c1; j++) {
            if (j + 1 >= bd->j0 && j <= bd->j0 + 1)
                continue;
            double kk = pair_k(m, w, bd->i0, j);
            if (kk < 0)
                return -1;
            kr += kk;
            pr += na * (m->ts[1][j + 1] - m->ts[1][j]);
        }
    }
    double mr = (kr + 0.002 * 2000) / (pr + 2000);
    set_rates(m, (kt + m->mt * 20) / (nt_ + 20), mr);
    return 0;
}

/* ---- passes ----------------------------------------------------------- */

static void segs_free(seg_t *s, size_t n)
{
    for (size_t x = 0; x < n; x++) {
        free(s[x].b.v);
        free(s[x].k);
        free(s[x].own);
    }
    free(s);
}

/* Runs the segments cut at the given cells (cut[0] = (0,0) ... cut[n] =
 * (ns,nt)) in parallel and joins their beads, matches and own costs. */
static int run_pass(const model_t *m, sl_align_ws *ws, sl_band *band, const size_t *ci,
                    const size_t *cj, size_t ncut, int last, int widen_w, sl_beads *out,
                    double **k_out, double **own_out, int threads)
{
    /* progress counts rows, a pass a time: the first pass is the first
     * half of the work */
    const sl_align_opts *o = &m->al->o;
    size_t done = last ? m->ns : 0, steps = 2 * m->ns;
    size_t nseg = ncut - 1;
    seg_t *s = calloc(nseg, sizeof *s);
    if (!s)
        return -1;
    for (size_t x = 0; x < nseg; x++) {
        s[x].ia = ci[x];
        s[x].ja = cj[x];
        s[x].ib = ci[x + 1];
        s[x].jb = cj[x + 1];
    }
    int nth = nseg > 1 ? (threads > 0 ? threads : omp_get_max_threads()) : 1;
    if (omp_in_parallel())
        nth = 1;
    if (nth > (int)nseg)
        nth = (int)nseg;
    if (nth > ws->nseg) {
        segws_t *g = realloc(ws->seg, (size_t)nth * sizeof *g);
        if (!g) {
            segs_free(s, nseg);
            return -1;
        }
        memset(g + ws->nseg, 0, (size_t)(nth - ws->nseg) * sizeof *g);
        ws->seg = g;
        ws->nseg = nth;
    }
#pragma omp parallel for schedule(dynamic, 1) num_threads(nth)
    for (size_t x = 0; x < nseg; x++) {
        s[x].rc = seg_run(m, &ws->seg[omp_get_thread_num()], band, &s[x], last, widen_w);
        if (o->progress && widen_w > 0) {
#pragma omp critical(sl_align_progress)
            {
                done += s[x].ib - s[x].ia;
                o->progress(o->progress_ctx, done, steps);
            }
        }
    }
    int rc = 0;
    size_t total = 0;
    for (size_t x = 0; x < nseg; x++) {
        if (s[x].rc && !rc)
            rc = s[x].rc;
        total += s[x].b.n;
    }
    double *k = NULL, *own = NULL;
    if (!rc && (sl_grow(&out->v, &out->cap, total, sizeof *out->v) ||
                !(k = malloc((total + 1) * sizeof *k)) || !(own = malloc((total + 1) * sizeof *own))))
        rc = -1;
    if (!rc) {
        out->n = 0;
        for (size_t x = 0; x < nseg; x++) {
            memcpy(out->v + out->n, s[x].b.v, s[x].b.n * sizeof *out->v);
            memcpy(k + out->n, s[x].k, s[x].b.n * sizeof *k);
            memcpy(own + out->n, s[x].own, s[x].b.n * sizeof *own);
            out->n += s[x].b.n;
        }
    }
    *k_out = k;
    *own_out = own;
    segs_free(s, nseg);
    return rc;
}

/* Anchors of the second pass: a cell between two 1-1 beads of the first
 * pass that are each confident on their own evidence (above 0.99), so the
 * second pass's path all but surely runs through it too. */
static int anchors(const model_t *m, const sl_beads *b, const double *own, size_t seg, sl_path *c)
{
    if (sl_path_push(c, 0, 0))
        return -1;
    size_t next = seg;
    for (size_t x = 0; x + 1 < b->n; x++) {
        const sl_bead *u = &b->v[x], *v = &b->v[x + 1];
        size_t i = u->i0 + u->ni;
        if (i < next || i + seg / 4 > m->ns)
            continue;
        if (u->ni == 1 && u->nj == 1 && v->ni == 1 && v->nj == 1 &&
            conf_of(m, 1, 1, own[x]) > 0.99 && conf_of(m, 1, 1, own[x + 1]) > 0.99) {
            if (sl_path_push(c, i, u->j0 + u->nj))
                return -1;
            next = i + seg;
        }
    }
    return sl_path_push(c, m->ns, m->nt);
}

int sl_align_with(const sl_aligner *al, sl_align_ws *ws, const sl_span *src, size_t ns,
                  const sl_span *tgt, size_t nt, sl_beads *out, sl_error *err)
{
    sl_docfeat f;
    model_t m = { 0 };
    sl_band band = { 0 };
    sl_path centre = { 0 };
    sl_path cuts = { 0 };
    double *k = NULL, *own = NULL;
    sl_align_ws *tmp = NULL;
    int rc = SL_OK;
    out->n = 0;
    if (ns == 0 && nt == 0)
        return SL_OK;
    if (!ws && !(ws = tmp = sl_align_ws_new(al, err)))
        return SL_ENOMEM;
    if (sl_feat_extract(al->feat, ws->voc, src, ns, tgt, nt, &f, err)) {
        sl_align_ws_free(tmp);
        return err ? err->code : SL_ENOMEM;
    }
    m.al = al;
    m.f = &f;
    m.ns = ns;
    m.nt = nt;
    m.maxw = al->o.max_side;
    set_priors(&m);
    for (int s = 0; s < 2; s++) {
        size_t n = s ? nt : ns;
        m.cs[s] = malloc((n + 1) * sizeof *m.cs[s]);
        m.ts[s] = malloc((n + 1) * sizeof *m.ts[s]);
        if (!m.cs[s] || !m.ts[s])
            goto nomem;
        m.cs[s][0] = 0;
        m.ts[s][0] = 0;
        for (size_t i = 0; i < n; i++) {
            m.cs[s][i + 1] = m.cs[s][i] + f.sent[s][i].chars;
            m.ts[s][i + 1] = m.ts[s][i] + f.sent[s][i].weight;
        }
    }
    /* The ratio of the totals estimates c only when the two sides hold
     * about as many sentences; otherwise start from the prior and let the
     * 1-1 beads of the first pass correct it. */
    double S = (double)m.cs[0][ns], T = (double)m.cs[1][nt];
    size_t big = ns > nt ? ns : nt, small = ns > nt ? nt : ns;
    m.c = small * 5 >= big * 4 ? (T + al->c0 * 300) / (S + 300) : al->c0;
    m.s2 = 3.0;
    int full = (ns + 1) * (nt + 1) <= FULL_CELLS;
    size_t w = al->o.band > 0 ? (size_t)al->o.band : AUTO_W;
    size_t seg = al->o.segment > 0 ? (size_t)al->o.segment : AUTO_SEG;
    if (!ws->nseg) {
        if (!(ws->seg = calloc(1, sizeof *ws->seg)))
            goto nomem;
        ws->nseg = 1;
    }
    for (int x = 0; x < ws->nseg; x++)
        ws->seg[x].mr_valid = ws->seg[x].mr_full = 0;
    if (full && ns && nt && full_rows(&m, &ws->seg[0]))
        goto nomem;
    size_t *cj = NULL;
    if (full) {
        band.n = ns + 1;
        band.lo = calloc(ns + 1, sizeof *band.lo);
        band.hi = malloc((ns + 1) * sizeof *band.hi);
        if (!band.lo || !band.hi)
            goto nomem;
        for (size_t i = 0; i <= ns; i++)
            band.hi[i] = nt;
        if (sl_path_push(&cuts, 0, 0) || sl_path_push(&cuts, ns, nt))
            goto nomem;
    } else {
        if (sl_coarse_path(&f, &centre) || sl_band_around(&band, &centre, ns, nt, w))
            goto nomem;
        /* the column of each row on the coarse path, for the first
         * estimates and the first pass's cuts */
        cj = malloc((ns + 1) * sizeof *cj);
        if (!cj)
            goto nomem;
        for (size_t x = 0; x + 1 < centre.n; x++)
            for (size_t i = centre.i[x]; i <= centre.i[x + 1]; i++)
                cj[i] = centre.i[x + 1] > centre.i[x]
                            ? centre.j[x] + (centre.j[x + 1] - centre.j[x]) * (i - centre.i[x]) /
                                                (centre.i[x + 1] - centre.i[x])
                            : centre.j[x];
        cj[ns] = nt;
        if (sl_path_push(&cuts, 0, 0))
            goto nomem;
        for (size_t i = seg; i + seg / 4 <= ns; i += seg)
            if (sl_path_push(&cuts, i, cj[i]))
                goto nomem;
        if (sl_path_push(&cuts, ns, nt))
            goto nomem;
    }
    if (ns && nt) {
        if (estimate_initial(&m, &ws->seg[0], cj))
            goto nomem;
    } else {
        set_rates(&m, 0.4, 0.002);
    }
    free(cj);

    int threads = al->o.threads;
    int r = run_pass(&m, ws, &band, cuts.i, cuts.j, cuts.n, 0, full ? 0 : (int)w, out, &k, &own,
                     threads);
    if (r == -2)
        goto nopath;
    if (r)
        goto nomem;
    if (estimate_from(&m, &ws->seg[0], out, k))
        goto nomem;
    free(k);
    k = NULL;
    cuts.n = 0;
    if (full) {
        if (sl_path_push(&cuts, 0, 0) || sl_path_push(&cuts, ns, nt))
            goto nomem;
    } else {
        /* the second pass searches around the first pass's path */
        sl_band_free(&band);
        centre.n = 0;
        if (sl_path_push(&centre, 0, 0))
            goto nomem;
        for (size_t x = 0; x < out->n; x++)
            if (sl_path_push(&centre, out->v[x].i0 + out->v[x].ni, out->v[x].j0 + out->v[x].nj))
                goto nomem;
        if (sl_band_around(&band, &centre, ns, nt, w) || anchors(&m, out, own, seg, &cuts))
            goto nomem;
    }
    free(own);
    own = NULL;
    r = run_pass(&m, ws, &band, cuts.i, cuts.j, cuts.n, 1, full ? 0 : (int)w, out, &k, &own,
                 threads);
    if (r == -2)
        goto nopath;
    if (r)
        goto nomem;
    goto cleanup;
nopath:
    rc = sl_error_set(err, SL_EINTERNAL, NULL, 0, -1, "no alignment path in the band");
    goto cleanup;
nomem:
    rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
cleanup:
    sl_band_free(&band);
    free(centre.i);
    free(centre.j);
    free(cuts.i);
    free(cuts.j);
    free(k);
    free(own);
    for (int s = 0; s < 2; s++) {
        free(m.cs[s]);
        free(m.ts[s]);
    }
    sl_docfeat_free(&f);
    sl_align_ws_free(tmp);
    return rc;
}

int sl_align(const sl_aligner *a, const sl_span *src, size_t ns, const sl_span *tgt, size_t nt,
             sl_beads *out, sl_error *err)
{
    return sl_align_with(a, NULL, src, ns, tgt, nt, out, err);
}
