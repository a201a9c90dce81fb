/* coarse.c — the path of a long alignment, coarse to fine.
 *
 * Vecalign (Thompson & Koehn 2019) aligns block-averaged sentence
 * embeddings at a coarse level, projects the path one level down and
 * refines it inside a narrow window, recursively. Block lengths alone do
 * not work for this: sums of 64 sentence lengths are all alike. So a block
 * here is described by what it says: a sketch of its match keys (the
 * stems, translations, names and numbers the aligner itself compares),
 * hashed with random signs into SK dimensions, weighted as the aligner
 * weighs tokens, and centred on the document's mean so that the words
 * every block shares do not count. Two blocks that translate each other
 * share keys, so their sketches point the same way; two unrelated blocks
 * are near orthogonal. A bead of blocks costs its type's prior plus
 * KAPPA (1 - cosine) per block. */
#include "coarse.h"
#include "grow.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    SK = 64,              /* sketch dimensions */
    F = 4,                /* each level's blocks hold F of the next level's */
    COARSE_CELLS = 65536, /* the coarsest level's block matrix at most */
    W = 4,                /* window half-width at each finer level, in blocks */
    MARGIN = 2,           /* a path this close to the window's edge widens it */
    MAX_WIDEN = 6,
};

/* Cost per block of (1 - cosine), and of a block left out (as if it were
 * paired with a block a little worse than an unrelated one). */
static const double KAPPA = 20.0, DEL = 1.1;
/* -log P(type) of the aligner's priors: 1-1, 1-0, 2-1, 2-2 */
static const double P11 = 0.1393, P10 = 3.5066, P21 = 3.5755, P22 = 4.1997;

int sl_path_push(sl_path *p, size_t i, size_t j)
{
    size_t cap = p->cap;
    if (sl_grow(&p->i, &cap, p->n + 1, sizeof *p->i) ||
        sl_grow(&p->j, &p->cap, p->n + 1, sizeof *p->j))
        return -1;
    p->i[p->n] = i;
    p->j[p->n] = j;
    p->n++;
    return 0;
}

void sl_path_free(sl_path *p)
{
    free(p->i);
    free(p->j);
    memset(p, 0, sizeof *p);
}

/* ---- sketches ------------------------------------------------------------ */

/* Adds sentence i of side s into v. A token's weight is spread over its
 * keys (a word with ten translations is not ten times the evidence). */
static void add_sentence(const sl_docfeat *f, int s, size_t i, float *v)
{
    const sl_sentfeat *sf = &f->sent[s][i];
    for (size_t t = sf->tok0; t < sf->tok0 + sf->ntok; t++) {
        uint32_t ty = f->type[s][t];
        uint32_t k0 = f->koff[s][ty], k1 = f->koff[s][ty + 1];
        if (k1 == k0)
            continue;
        float w = (float)(f->tw[s][ty] / sqrt((double)(k1 - k0)));
        for (uint32_t q = k0; q < k1; q++) {
            uint32_t h = f->key[s][q] * 2654435761u;
            h ^= h >> 15;
            h *= 0x85ebca6bu;
            h ^= h >> 13;
            v[h % SK] += (h >> 20) & 1 ? w : -w;
        }
    }
}

/* One side at one level: n blocks, each a centred sketch stored as 16-bit
 * integers times its own scale (a million lines' finest level then takes
 * 64 MB, not 128), and its norm. */
typedef struct {
    int16_t *q;
    float *scale;
    double *norm;
    size_t n;
} level_t;

static void level_free(level_t *l)
{
    free(l->q);
    free(l->scale);
    free(l->norm);
    memset(l, 0, sizeof *l);
}

static int level_alloc(level_t *l, size_t n)
{
    l->n = n;
    l->q = calloc(n * SK + 1, sizeof *l->q);
    l->scale = calloc(n + 1, sizeof *l->scale);
    l->norm = calloc(n + 1, sizeof *l->norm);
    return l->q && l->scale && l->norm ? 0 : -1;
}

static double dot(const float *a, const float *b)
{
    /* independent partial sums let the compiler vectorise */
    float s[8] = { 0 };
    for (int k = 0; k < SK; k += 8)
        for (int x = 0; x < 8; x++)
            s[x] += a[k + x] * b[k + x];
    return (double)((s[0] + s[1]) + (s[2] + s[3])) + (double)((s[4] + s[5]) + (s[6] + s[7]));
}

static void put(level_t *l, size_t b, const float *v)
{
    float mx = 0;
    for (int k = 0; k < SK; k++)
        if (fabsf(v[k]) > mx)
            mx = fabsf(v[k]);
    float sc = mx > 0 ? mx / 32767.0f : 1.0f;
    for (int k = 0; k < SK; k++)
        l->q[b * SK + k] = (int16_t)lrintf(v[k] / sc);
    l->scale[b] = sc;
    float w[SK];
    for (int k = 0; k < SK; k++)
        w[k] = (float)l->q[b * SK + k] * sc;
    l->norm[b] = sqrt(dot(w, w));
}

/* Adds block b of l into v. */
static void get(const level_t *l, size_t b, float *v)
{
    for (int k = 0; k < SK; k++)
        v[k] += (float)l->q[b * SK + k] * l->scale[b];
}

/* Sketches of blocks of B sentences of side s, centred: the mean
 * sentence sketch of the side times the block's sentences is taken off. */
static int level_direct(const sl_docfeat *f, int s, size_t B, level_t *l)
{
    size_t n = f->nsent[s];
    if (level_alloc(l, (n + B - 1) / B))
        return -1;
    double mu[SK] = { 0 };
    for (size_t b = 0; b < l->n; b++) {
        float v[SK] = { 0 };
        size_t e = (b + 1) * B < n ? (b + 1) * B : n;
        for (size_t i = b * B; i < e; i++)
            add_sentence(f, s, i, v);
        for (int k = 0; k < SK; k++)
            mu[k] += v[k];
        put(l, b, v);
    }
    for (int k = 0; k < SK; k++)
        mu[k] /= (double)(n ? n : 1);
    for (size_t b = 0; b < l->n; b++) {
        float v[SK] = { 0 };
        size_t e = (b + 1) * B < n ? (b + 1) * B : n;
        get(l, b, v);
        for (int k = 0; k < SK; k++)
            v[k] -= (float)((double)(e - b * B) * mu[k]);
        put(l, b, v);
    }
    return 0;
}

/* The next level up: F blocks summed (the centring adds up too). */
static int level_up(const level_t *lo, level_t *hi)
{
    if (level_alloc(hi, (lo->n + F - 1) / F))
        return -1;
    for (size_t b = 0; b < hi->n; b++) {
        float v[SK] = { 0 };
        for (size_t x = b * F; x < lo->n && x < (b + 1) * F; x++)
            get(lo, x, v);
        put(hi, b, v);
    }
    return 0;
}

/* ---- the search at one level ------------------------------------------- */

/* The dot product of block a of la with block b of lb. */
static double dotq(const level_t *la, size_t a, const level_t *lb, size_t b)
{
    const int16_t *x = la->q + a * SK, *y = lb->q + b * SK;
    float s[8] = { 0 };
    for (int k = 0; k < SK; k += 8)
        for (int z = 0; z < 8; z++)
            s[z] += (float)x[k + z] * (float)y[k + z];
    double d = (double)((s[0] + s[1]) + (s[2] + s[3])) + (double)((s[4] + s[5]) + (s[6] + s[7]));
    return d * la->scale[a] * lb->scale[b];
}

/* Norm of the sum of blocks b and b+1 (adj: their dot product). */
static double norm2(const level_t *l, size_t b)
{
    double n = l->norm[b] * l->norm[b] + l->norm[b + 1] * l->norm[b + 1] + 2 * dotq(l, b, l, b + 1);
    return n > 0 ? sqrt(n) : 0;
}

/* A bead of a source and b target blocks, given the dot products of its
 * block pairs (dd[x][y]: source block x, target block y of the bead) and
 * the norms of its two sides. */
static double bead_cost(size_t a, size_t b, double dd[2][2], double nu, double nv)
{
    if (a == 0 || b == 0)
        return P10 + KAPPA * 0.5 * DEL;
    double prior = a == 1 && b == 1 ? P11 : a == 2 && b == 2 ? P22 : P21;
    double num = 0;
    for (size_t x = 0; x < a; x++)
        for (size_t y = 0; y < b; y++)
            num += dd[x][y];
    double cosv = nu > 0 && nv > 0 ? num / (nu * nv) : 0;
    return prior + KAPPA * (double)(a + b) / 2 * (1 - cosv);
}

/* Aligns the blocks of L1 and L2 inside band (widened where the path comes
 * near its edge) and returns the path of cells in p. */
static int level_dp(const level_t *L1, const level_t *L2, sl_band *bd, sl_path *p)
{
    static const int types[][2] = { { 1, 1 }, { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 }, { 2, 2 } };
    size_t n1 = L1->n, n2 = L2->n;
    size_t *off = malloc((n1 + 2) * sizeof *off), cap = 0;
    double *d = NULL, *dots = NULL;
    unsigned char *bk = NULL;
    int rc = -1;
    if (!off)
        return -1;
    for (int round = 0;; round++) {
        size_t total = 0;
        for (size_t i = 0; i <= n1; i++) {
            off[i] = total;
            total += bd->hi[i] - bd->lo[i] + 1;
        }
        free(d);
        free(bk);
        d = malloc(total * sizeof *d);
        bk = malloc(total);
        if (!d || !bk)
            goto out;
        for (size_t i = 0; i <= n1; i++) {
            /* the dot products this row's beads need: source blocks i-1
             * and i-2 against the target blocks its cells reach back to */
            size_t c0 = bd->lo[i] > 2 ? bd->lo[i] - 2 : 0, c1 = bd->hi[i];
            if (sl_grow(&dots, &cap, 2 * (c1 - c0 + 1), sizeof *dots))
                goto out;
            double *D1 = dots, *D2 = dots + (c1 - c0 + 1);
            for (size_t jj = c0; jj < c1; jj++) {
                D1[jj - c0] = i >= 1 ? dotq(L1, i - 1, L2, jj) : 0;
                D2[jj - c0] = i >= 2 ? dotq(L1, i - 2, L2, jj) : 0;
            }
            double nu1 = i >= 1 ? L1->norm[i - 1] : 0, nu2 = i >= 2 ? norm2(L1, i - 2) : 0;
            for (size_t j = bd->lo[i]; j <= bd->hi[i]; j++) {
                double best = i == 0 && j == 0 ? 0 : INFINITY;
                unsigned char how = 0;
                for (int t = 0; t < 6; t++) {
                    size_t a = (size_t)types[t][0], b = (size_t)types[t][1];
                    if (a > i || b > j)
                        continue;
                    size_t pi = i - a, pj = j - b;
                    if (pj < bd->lo[pi] || pj > bd->hi[pi])
                        continue;
                    double c = d[off[pi] + pj - bd->lo[pi]];
                    if (c == INFINITY)
                        continue;
                    double dd[2][2] = { { 0, 0 }, { 0, 0 } }, nv = 0;
                    if (a && b) {
                        /* dd[x][y]: source block pi+x, target block pj+y */
                        for (size_t x = 0; x < a; x++)
                            for (size_t y = 0; y < b; y++)
                                dd[x][y] = (a - x == 1 ? D1 : D2)[pj + y - c0];
                        nv = b == 1 ? L2->norm[pj] : norm2(L2, pj);
                    }
                    c += bead_cost(a, b, dd, a == 1 ? nu1 : nu2, nv);
                    if (c < best) {
                        best = c;
                        how = (unsigned char)t;
                    }
                }
                d[off[i] + j - bd->lo[i]] = best;
                bk[off[i] + j - bd->lo[i]] = how;
            }
        }
        if (d[off[n1] + n2 - bd->lo[n1]] == INFINITY)
            goto out;
        p->n = 0;
        size_t i = n1, j = n2;
        int touched = 0;
        for (;;) {
            if (sl_path_push(p, i, j))
                goto out;
            if ((bd->lo[i] > 0 && j < bd->lo[i] + MARGIN) || (bd->hi[i] < n2 && j + MARGIN > bd->hi[i]))
                touched = 1;
            if (i == 0 && j == 0)
                break;
            int t = bk[off[i] + j - bd->lo[i]];
            i -= (size_t)types[t][0];
            j -= (size_t)types[t][1];
        }
        for (size_t x = 0, y = p->n - 1; x < y; x++, y--) {
            size_t ti = p->i[x], tj = p->j[x];
            p->i[x] = p->i[y];
            p->j[x] = p->j[y];
            p->i[y] = ti;
            p->j[y] = tj;
        }
        if (!touched || round >= MAX_WIDEN)
            break;
        /* widen around every place the path came near the edge, twice as
         * far each round, and search again */
        size_t ext = (size_t)W << (round + 1);
        for (size_t x = 0; x < p->n; x++) {
            size_t pi = p->i[x], pj = p->j[x];
            if (!((bd->lo[pi] > 0 && pj < bd->lo[pi] + MARGIN) ||
                  (bd->hi[pi] < n2 && pj + MARGIN > bd->hi[pi])))
                continue;
            size_t r0 = pi > 2 * ext ? pi - 2 * ext : 0, r1 = pi + 2 * ext < n1 ? pi + 2 * ext : n1;
            for (size_t q = r0; q <= r1; q++) {
                bd->lo[q] = bd->lo[q] > ext ? bd->lo[q] - ext : 0;
                bd->hi[q] = bd->hi[q] + ext < n2 ? bd->hi[q] + ext : n2;
            }
        }
    }
    rc = 0;
out:
    free(off);
    free(d);
    free(dots);
    free(bk);
    return rc;
}

int sl_band_around(sl_band *bd, const sl_path *p, size_t n1, size_t n2, size_t w)
{
    bd->n = n1 + 1;
    bd->lo = malloc(bd->n * sizeof *bd->lo);
    bd->hi = malloc(bd->n * sizeof *bd->hi);
    if (!bd->lo || !bd->hi)
        return -1;
    for (size_t i = 0; i <= n1; i++) {
        bd->lo[i] = (size_t)-1;
        bd->hi[i] = 0;
    }
    for (size_t x = 0; x < p->n; x++) {
        size_t i0 = p->i[x], j0 = p->j[x];
        size_t i1 = x + 1 < p->n ? p->i[x + 1] : i0, j1 = x + 1 < p->n ? p->j[x + 1] : j0;
        for (size_t i = i0; i <= i1; i++) {
            size_t ja = j0, jb = j1;
            if (i1 > i0) {
                ja = j0 + (j1 - j0) * (i - i0) / (i1 - i0);
                jb = j0 + ((j1 - j0) * (i - i0) + (i1 - i0) - 1) / (i1 - i0);
            }
            if (ja < bd->lo[i]) bd->lo[i] = ja;
            if (jb > bd->hi[i]) bd->hi[i] = jb;
        }
    }
    for (size_t i = 0; i <= n1; i++) {
        bd->lo[i] = bd->lo[i] > w ? bd->lo[i] - w : 0;
        bd->hi[i] = bd->hi[i] + w < n2 ? bd->hi[i] + w : n2;
    }
    bd->lo[0] = 0;
    bd->hi[n1] = n2;
    return 0;
}

void sl_band_free(sl_band *b)
{
    free(b->lo);
    free(b->hi);
    memset(b, 0, sizeof *b);
}

int sl_coarse_path(const sl_docfeat *f, sl_path *out)
{
    size_t ns = f->nsent[0], nt = f->nsent[1];
    int top = 0;
    for (size_t B = 1; ((ns + B - 1) / B + 1) * ((nt + B - 1) / B + 1) > COARSE_CELLS; B *= F)
        top++;
    int bottom = top == 0 ? 0 : 1;
    int nlev = top - bottom + 1;
    level_t *L[2];
    L[0] = calloc((size_t)nlev, sizeof *L[0]);
    L[1] = calloc((size_t)nlev, sizeof *L[1]);
    sl_band bd = { 0 };
    sl_path p = { 0 };
    int rc = -1;
    if (!L[0] || !L[1])
        goto out;
    size_t B0 = bottom ? F : 1;
    for (int s = 0; s < 2; s++) {
        if (level_direct(f, s, B0, &L[s][0]))
            goto out;
        for (int l = 1; l < nlev; l++)
            if (level_up(&L[s][l - 1], &L[s][l]))
                goto out;
    }
    for (int l = nlev - 1; l >= 0; l--) {
        size_t n1 = L[0][l].n, n2 = L[1][l].n;
        sl_band_free(&bd);
        if (l == nlev - 1) {
            /* the coarsest level: the whole block matrix */
            bd.n = n1 + 1;
            bd.lo = calloc(bd.n, sizeof *bd.lo);
            bd.hi = malloc(bd.n * sizeof *bd.hi);
            if (!bd.lo || !bd.hi)
                goto out;
            for (size_t i = 0; i <= n1; i++)
                bd.hi[i] = n2;
        } else {
            for (size_t x = 0; x < p.n; x++) {
                p.i[x] = p.i[x] * F < n1 ? p.i[x] * F : n1;
                p.j[x] = p.j[x] * F < n2 ? p.j[x] * F : n2;
            }
            if (sl_band_around(&bd, &p, n1, n2, W))
                goto out;
        }
        if (level_dp(&L[0][l], &L[1][l], &bd, &p))
            goto out;
    }
    /* from blocks of B0 sentences to sentences */
    for (size_t x = 0; x < p.n; x++) {
        p.i[x] = p.i[x] * B0 < ns ? p.i[x] * B0 : ns;
        p.j[x] = p.j[x] * B0 < nt ? p.j[x] * B0 : nt;
    }
    *out = p;
    memset(&p, 0, sizeof p);
    rc = 0;
out:
    for (int s = 0; s < 2; s++) {
        for (int l = 0; L[s] && l < nlev; l++)
            level_free(&L[s][l]);
        free(L[s]);
    }
    sl_band_free(&bd);
    sl_path_free(&p);
    return rc;
}
