/* align.h — sentence alignment by dynamic programming over beads. */
#ifndef SELARAS_ALIGN_H
#define SELARAS_ALIGN_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/features.h"
#include "selaras/lexicon.h"

/* Source sentences [i0, i0+ni) are the translation of target sentences
 * [j0, j0+nj); ni or nj is 0 for an unaligned sentence. conf in [0,1]. */
typedef struct sl_bead {
    size_t i0, ni, j0, nj;
    double cost; /* the bead's share of the path cost (lower is better) */
    double conf;
} sl_bead;

typedef struct sl_beads {
    sl_bead *v;
    size_t n, cap;
} sl_beads;

typedef struct sl_align_opts {
    const char *src_lang, *tgt_lang; /* Snowball names or ISO codes: "id", "en" */
    int max_side;  /* widest side of a bead: 2 gives 2-1, 1-2, 2-2; 3 adds 3-1, 1-3 */
    int band;      /* half-width of the search band around the path found at
                    * the coarser level, in sentences (0: automatic) */
    int segment;   /* rows per independently aligned segment of a long text
                    * (0: automatic; segments run in parallel) */
    int threads;   /* threads for the segments of one long text (0: OpenMP's
                    * default; inside a parallel batch, one) */
    /* Called now and then while a long text is aligned (one call at a
     * time, from any thread): done of total steps. NULL: not called. */
    void (*progress)(void *ctx, size_t done, size_t total);
    void *progress_ctx;
} sl_align_opts;

/* Fills o with the defaults: id -> en, max_side 3, automatic band. */
void sl_align_opts_default(sl_align_opts *o);

/* An aligner: options, language resources and a borrowed lexicon (NULL:
 * length, numbers, cognates and names only). Read-only once built: one
 * aligner may serve any number of threads at once. */
typedef struct sl_aligner sl_aligner;
sl_aligner *sl_aligner_new(const sl_align_opts *o, const sl_lexicon *lex, sl_error *err);
void sl_aligner_free(sl_aligner *a);

/* Scratch for one thread: the word-type cache and the working memory of
 * the dynamic programming, reused from document to document so that a
 * batch allocates almost nothing per document. */
typedef struct sl_align_ws sl_align_ws;
sl_align_ws *sl_align_ws_new(const sl_aligner *a, sl_error *err);
void sl_align_ws_free(sl_align_ws *w);

/* Aligns ns source with nt target sentences. out is zero-initialised by the
 * caller (or a previous result, reused) and freed with sl_beads_free. Beads
 * cover both sides in order; either side may be empty. ws is the calling
 * thread's scratch (NULL: a temporary one).
 *
 * Cost: linear in the input. Documents up to some 120 sentences a side are
 * aligned over the whole matrix; longer ones inside a band that follows the
 * path found on block-averaged lengths at coarser levels, widened where the
 * path touches its edge. */
int sl_align_with(const sl_aligner *a, sl_align_ws *ws, const sl_span *src, size_t ns,
                  const sl_span *tgt, size_t nt, sl_beads *out, sl_error *err);
int sl_align(const sl_aligner *a, const sl_span *src, size_t ns, const sl_span *tgt, size_t nt,
             sl_beads *out, sl_error *err);
void sl_beads_free(sl_beads *b);

#endif
