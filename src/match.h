/* match.h — which tokens of a source sentence match which tokens of the
 * target sentences near it, found through the target index of the
 * document's features and kept row by row for the aligner's band.
 *
 * A bead's lexical evidence is then a greedy one-to-one matching over the
 * edges of its sentence pairs: O(edges) per bead, where comparing every
 * token with every token would be O(tokens^2). */
#ifndef SELARAS_MATCH_H
#define SELARAS_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include "selaras/features.h"

/* The widest target side of a bead that sl_match_bead scores. */
enum { SL_MATCH_MAXB = 8 };

/* Source token x matches target token y. */
typedef struct {
    uint32_t x, y;
} sl_edge;

/* Edges for source sentences [i0, i0+n), sentence i against target
 * sentences [c0[i-i0], c1[i-i0]): the edges of the pair (i, j) are
 * e[cell[at + j - c0] .. cell[at + j - c0 + 1]) with at = row[i - i0],
 * sorted by x then y, without duplicates. Reused from call to call. */
typedef struct sl_matchrows {
    size_t i0, n;
    size_t *c0, *c1, *row;
    size_t *cell;
    sl_edge *e;
    size_t ncell, ne;
    size_t cap_rows, cap_cell, cap_e, cap_tmp;
    sl_edge *tmp;   /* scratch: one row's edges before sorting */
    uint32_t *tcol; /* and their columns */
    size_t cap_tcol;
    /* greedy matching: target tokens taken by the bead being scored */
    uint32_t *stamp;
    size_t cap_stamp, ybase;
    uint32_t gen;
    /* the 1-1 matches of each cell: k11[row[r] - r + column offset] */
    double *k11;
    size_t cap_k11;
    /* per key: where its postings search stopped in this call (valid when
     * cgen[key] == seq) */
    uint32_t *cur, *cgen, seq;
    size_t cap_cur;
} sl_matchrows;

/* Builds the rows; c0/c1 give each row's columns (n entries each).
 * Returns 0, or -1 when out of memory. */
int sl_match_rows(sl_matchrows *m, const sl_docfeat *f, size_t i0, size_t n, const size_t *c0,
                  const size_t *c1);

/* Weighted one-to-one matches of the bead source [i0, i0+a), target
 * [j0, j0+b), as sl_feat_matches defines them. Every row of the bead must
 * be in m and cover columns [j0, j0+b), and b <= SL_MATCH_MAXB. Returns -1
 * when out of memory. */
double sl_match_bead(sl_matchrows *m, const sl_docfeat *f, size_t i0, size_t a, size_t j0,
                     size_t b);

/* The 1-1 matches of source sentence i with target sentence j (in m). */
static inline double sl_match_k11(const sl_matchrows *m, size_t i, size_t j)
{
    size_t r = i - m->i0;
    return m->k11[m->row[r] + (j - m->c0[r])];
}

void sl_matchrows_free(sl_matchrows *m);

#endif
