/* match.c — match edges between nearby sentences, and greedy one-to-one
 * matching of a bead over them. */
#include "match.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

enum { PER_KEY = 64 };


/* The stamps of target tokens, room for n: new ones zeroed (no stamp) so
 * that a stale value never passes for the current generation. */
static int stamps(sl_matchrows *m, size_t n)
{
    size_t old = m->cap_stamp;
    if (sl_grow(&m->stamp, &m->cap_stamp, n, sizeof *m->stamp))
        return -1;
    if (m->cap_stamp > old)
        memset(m->stamp + old, 0, (m->cap_stamp - old) * sizeof *m->stamp);
    return 0;
}

/* First index in post[lo, hi) whose token is >= y. */
static size_t lower_bound(const uint32_t *post, size_t lo, size_t hi, uint32_t y)
{
    /* most keys are rare: a short scan beats halving */
    if (hi - lo <= 8) {
        while (lo < hi && post[lo] < y)
            lo++;
        return lo;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (post[mid] < y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static size_t tok_start(const sl_docfeat *f, size_t j)
{
    return j < f->nsent[1] ? f->sent[1][j].tok0 : f->ntok[1];
}

/* The target sentence in [c0, c1) holding token y. */
static size_t column(const sl_docfeat *f, size_t c0, size_t c1, uint32_t y)
{
    while (c1 - c0 > 1) { /* the last sentence starting at or before y */
        size_t mid = c0 + (c1 - c0) / 2;
        if (f->sent[1][mid].tok0 <= y)
            c0 = mid;
        else
            c1 = mid;
    }
    return c0;
}

/* Greedy one-to-one matching over edges e[a, b) of one sentence pair
 * (sorted by x, then y): each source token takes its first target token
 * not yet taken. */
static double greedy(sl_matchrows *m, const sl_docfeat *f, size_t a, size_t b)
{
    if (a == b)
        return 0;
    if (++m->gen == 0) {
        memset(m->stamp, 0, m->cap_stamp * sizeof *m->stamp);
        m->gen = 1;
    }
    double total = 0;
    for (size_t q = a; q < b;) {
        uint32_t x = m->e[q].x;
        int matched = 0;
        for (; q < b && m->e[q].x == x; q++) {
            uint32_t y = m->e[q].y;
            if (!matched && m->stamp[y - m->ybase] != m->gen) {
                m->stamp[y - m->ybase] = m->gen;
                total += (f->tw[0][f->type[0][x]] + f->tw[1][f->type[1][y]]) / 2;
                matched = 1;
            }
        }
    }
    return total;
}

/* Edges of source sentence i against target sentences [c0, c1), appended
 * to m->e with one cell boundary per column. */
static int one_row(sl_matchrows *m, const sl_docfeat *f, size_t i, size_t c0, size_t c1)
{
    size_t ncol = c1 > c0 ? c1 - c0 : 0;
    if (sl_grow(&m->cell, &m->cap_cell, m->ncell + ncol + 1, sizeof *m->cell))
        return -1;
    size_t *cell = m->cell + m->ncell;
    m->ncell += ncol + 1;
    for (size_t k = 0; k <= ncol; k++)
        cell[k] = 0;
    size_t nt = 0;
    m->ybase = tok_start(f, c0);
    if (stamps(m, tok_start(f, c1) - m->ybase + 1))
        return -1;
    if (ncol) {
        uint32_t ylo = (uint32_t)tok_start(f, c0), yhi = (uint32_t)tok_start(f, c1);
        const sl_sentfeat *s = &f->sent[0][i];
        for (size_t x = s->tok0; x < s->tok0 + s->ntok; x++) {
            uint32_t t = f->type[0][x];
            for (uint32_t q = f->koff[0][t]; q < f->koff[0][t + 1]; q++) {
                uint32_t k = f->key[0][q];
                size_t a = f->poff[k], b = f->poff[k + 1];
                if (a == b)
                    continue;
                /* rows come in order and their windows move right: start
                 * from where this key's last search ended */
                size_t p0;
                if (m->cgen[k] == m->seq) {
                    p0 = m->cur[k];
                    if (p0 > a && f->post[p0 - 1] >= ylo)
                        p0 = lower_bound(f->post, a, p0, ylo);
                    else
                        while (p0 < b && f->post[p0] < ylo)
                            p0++;
                } else {
                    p0 = lower_bound(f->post, a, b, ylo);
                    m->cgen[k] = m->seq;
                }
                m->cur[k] = (uint32_t)p0;
                /* a key that recurs hundreds of times near a token (only
                 * in degenerate text) offers its first PER_KEY targets:
                 * memory stays linear whatever the input */
                size_t stop = p0 + PER_KEY < b ? p0 + PER_KEY : b;
                for (size_t p = p0; p < stop && f->post[p] < yhi; p++) {
                    if (sl_grow(&m->tmp, &m->cap_tmp, nt + 1, sizeof *m->tmp) ||
                        sl_grow(&m->tcol, &m->cap_tcol, nt + 1, sizeof *m->tcol))
                        return -1;
                    m->tmp[nt++] = (sl_edge){ (uint32_t)x, f->post[p] };
                }
            }
        }
    }
    /* bucket by column (stable, so x stays in order), then sort each
     * token's targets and drop the duplicates that several shared keys
     * leave */
    if (sl_grow(&m->e, &m->cap_e, m->ne + nt, sizeof *m->e))
        return -1;
    for (size_t q = 0; q < nt; q++) {
        /* the edge's column, kept in x until it is placed */
        size_t j = column(f, c0, c1, m->tmp[q].y);
        m->tcol[q] = (uint32_t)(j - c0);
        cell[j - c0 + 1]++;
    }
    for (size_t k = 0; k < ncol; k++)
        cell[k + 1] += cell[k];
    sl_edge *e = m->e + m->ne;
    for (size_t q = 0; q < nt; q++)
        e[cell[m->tcol[q]]++] = m->tmp[q];
    for (size_t k = ncol; k > 0; k--)
        cell[k] = cell[k - 1];
    cell[0] = 0;
    size_t out = 0;
    for (size_t k = 0; k < ncol; k++) {
        size_t a = cell[k], b = cell[k + 1];
        cell[k] = out;
        for (size_t g = a; g < b;) {
            size_t h = g;
            while (h < b && e[h].x == e[g].x)
                h++;
            for (size_t u = g + 1; u < h; u++) { /* insertion sort by y */
                sl_edge v = e[u];
                size_t w = u;
                while (w > g && e[w - 1].y > v.y) {
                    e[w] = e[w - 1];
                    w--;
                }
                e[w] = v;
            }
            for (size_t u = g; u < h; u++)
                if (u == g || e[u].y != e[u - 1].y)
                    e[out++] = e[u];
            g = h;
        }
    }
    cell[ncol] = out;
    for (size_t k = 0; k <= ncol; k++)
        cell[k] += m->ne;
    m->ne += out;
    /* the 1-1 matches of each cell, the commonest bead, once */
    if (sl_grow(&m->k11, &m->cap_k11, m->ncell, sizeof *m->k11))
        return -1;
    double *k11 = m->k11 + (m->ncell - ncol - 1);
    for (size_t k = 0; k < ncol; k++)
        k11[k] = greedy(m, f, cell[k], cell[k + 1]);
    return 0;
}

int sl_match_rows(sl_matchrows *m, const sl_docfeat *f, size_t i0, size_t n, const size_t *c0,
                  const size_t *c1)
{
    if (f->nkeys > m->cap_cur) {
        size_t cap = f->nkeys * 2;
        uint32_t *a = realloc(m->cur, cap * sizeof *a);
        if (a)
            m->cur = a;
        uint32_t *b = a ? realloc(m->cgen, cap * sizeof *b) : NULL;
        if (!b)
            return -1;
        m->cgen = b;
        memset(m->cgen + m->cap_cur, 0, (cap - m->cap_cur) * sizeof *b);
        m->cap_cur = cap;
    }
    if (++m->seq == 0) {
        memset(m->cgen, 0, m->cap_cur * sizeof *m->cgen);
        m->seq = 1;
    }
    m->i0 = i0;
    m->n = 0;
    m->ncell = m->ne = 0;
    if (n + 1 > m->cap_rows) {
        size_t cap = (n + 1) * 2;
        size_t *a = realloc(m->c0, cap * sizeof *a);
        if (a)
            m->c0 = a;
        size_t *b = a ? realloc(m->c1, cap * sizeof *b) : NULL;
        if (b)
            m->c1 = b;
        size_t *c = b ? realloc(m->row, cap * sizeof *c) : NULL;
        if (!c)
            return -1;
        m->row = c;
        m->cap_rows = cap;
    }
    for (size_t r = 0; r < n; r++) {
        m->c0[r] = c0[r];
        m->c1[r] = c1[r] > c0[r] ? c1[r] : c0[r];
        m->row[r] = m->ncell;
        if (one_row(m, f, i0 + r, m->c0[r], m->c1[r]))
            return -1;
        m->n = r + 1;
    }
    return 0;
}

double sl_match_bead(sl_matchrows *m, const sl_docfeat *f, size_t i0, size_t a, size_t j0,
                     size_t b)
{
    if (a == 0 || b == 0)
        return 0;
    if (b > SL_MATCH_MAXB)
        return -1;
    size_t ybase = tok_start(f, j0), ny = tok_start(f, j0 + b) - ybase;
    if (a == 1 && b == 1)
        return sl_match_k11(m, i0, j0);
    if (stamps(m, ny + 1))
        return -1;
    if (++m->gen == 0) {
        memset(m->stamp, 0, m->cap_stamp * sizeof *m->stamp);
        m->gen = 1;
    }
    const double *tw0 = f->tw[0], *tw1 = f->tw[1];
    const uint32_t *ty0 = f->type[0], *ty1 = f->type[1];
    double total = 0;
    for (size_t r = 0; r < a; r++) {
        size_t row = i0 + r - m->i0;
        const size_t *cell = m->cell + m->row[row] + (j0 - m->c0[row]);
        size_t p[SL_MATCH_MAXB], e[SL_MATCH_MAXB];
        for (size_t t = 0; t < b; t++) {
            p[t] = cell[t];
            e[t] = cell[t + 1];
        }
        /* source tokens in order; each takes its first free target, the
         * columns (and so the targets) being in increasing order */
        for (;;) {
            uint32_t x = UINT32_MAX;
            for (size_t t = 0; t < b; t++)
                if (p[t] < e[t] && m->e[p[t]].x < x)
                    x = m->e[p[t]].x;
            if (x == UINT32_MAX)
                break;
            int matched = 0;
            for (size_t t = 0; t < b; t++)
                for (; p[t] < e[t] && m->e[p[t]].x == x; p[t]++) {
                    uint32_t y = m->e[p[t]].y;
                    if (!matched && m->stamp[y - ybase] != m->gen) {
                        m->stamp[y - ybase] = m->gen;
                        total += (tw0[ty0[x]] + tw1[ty1[y]]) / 2;
                        matched = 1;
                    }
                }
        }
    }
    return total;
}

void sl_matchrows_free(sl_matchrows *m)
{
    if (!m)
        return;
    free(m->c0);
    free(m->c1);
    free(m->row);
    free(m->cell);
    free(m->e);
    free(m->tmp);
    free(m->tcol);
    free(m->stamp);
    free(m->k11);
    free(m->cur);
    free(m->cgen);
    memset(m, 0, sizeof *m);
}
