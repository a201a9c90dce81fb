/* batch.h — a corpus through the pipeline: documents read a chunk at a
 * time, aligned in parallel by threads that each keep their own scratch,
 * and handed back in input order, so that what comes out never depends on
 * the number of threads and memory stays bounded whatever the corpus size. */
#ifndef SELARAS_BATCH_H
#define SELARAS_BATCH_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/input.h"
#include "selaras/pipeline.h"

typedef struct sl_batch_opts {
    int threads;           /* 0: all cores */
    size_t chunk;          /* documents read and aligned at a time (0: 256) */
    size_t shard_k, shard_n; /* with n > 0, only documents k, k+n, k+2n, ...
                            * (1-based, counted over the whole input) */
} sl_batch_opts;

/* What the caller does with the documents. */
typedef struct sl_batch_cb {
    void *ctx;
    /* Reads up to max items into items; returns how many, 0 at the end. */
    size_t (*next)(void *ctx, sl_item *items, size_t max);
    /* Called in the worker thread right after a document is aligned (NULL:
     * nothing): for per-document work that needs no order, such as
     * formatting the output. Its result reaches take as data. */
    void *(*render)(void *ctx, const sl_item *it, const sl_doc *d);
    /* Frees a render result that take never got (the run stopped first). */
    void (*release)(void *ctx, void *data);
    /* One item, in input order: its document when rc is SL_OK, else its
     * error (an unreadable item, or the pipeline's failure); data is what
     * render made of it (NULL without render, on failure, or when render
     * itself failed); take owns it. index is its 0-based position in the
     * whole input. Returning nonzero stops the run with that value. */
    int (*take)(void *ctx, size_t index, const sl_item *it, int rc, const sl_doc *d,
                const sl_error *err, void *data);
    /* After each chunk (NULL: nothing); nonzero stops the run. */
    int (*chunk_done)(void *ctx);
} sl_batch_cb;

/* Runs every item cb->next gives through p. Returns 0 when all were taken,
 * the nonzero value take or chunk_done stopped with, or -1 with err set
 * when memory ran out. */
int sl_batch_run(const sl_pipe *p, const sl_batch_opts *o, const sl_batch_cb *cb, sl_error *err);

#endif
