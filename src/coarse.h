/* coarse.h — where the alignment path of a long text runs, found coarse to
 * fine on blocks of sentences, so that the sentence-level search can keep
 * to a narrow band around it. */
#ifndef SELARAS_COARSE_H
#define SELARAS_COARSE_H

#include <stddef.h>
#include "selaras/features.h"

/* A monotone path of cells from (0,0) to (n1,n2). */
typedef struct sl_path {
    size_t *i, *j;
    size_t n, cap;
} sl_path;

int sl_path_push(sl_path *p, size_t i, size_t j);
void sl_path_free(sl_path *p);

/* A band of a matrix: target columns [lo[i], hi[i]] of row i, rows 0..n-1. */
typedef struct sl_band {
    size_t *lo, *hi;
    size_t n;
} sl_band;

/* The band of half-width w around path p in a matrix of n1+1 rows and
 * n2+1 columns: each row spans the columns the path, drawn straight
 * between its cells, takes there, w more on each side. 0 or -1 (memory). */
int sl_band_around(sl_band *b, const sl_path *p, size_t n1, size_t n2, size_t w);
void sl_band_free(sl_band *b);

/* The path of the alignment of f's sentences, to within a few sentences:
 * blocks of 4^L sentences are compared by their content (sketches of their
 * match keys, by cosine), aligned over the whole block matrix at the
 * coarsest level and inside a window around the projected path at each
 * finer level, down to blocks of four sentences (or single sentences when
 * the sentence matrix is small enough to search whole). out (empty)
 * receives the path in sentence cells. Returns 0, or -1 when out of
 * memory. */
int sl_coarse_path(const sl_docfeat *f, sl_path *out);

#endif
