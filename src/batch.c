/* batch.c — the batch driver: read a chunk, align it in parallel, hand
 * the documents back in order.
 *
 * Each thread keeps one pipeline scratch (the word-type cache and the
 * aligner's working memory) for the whole run, so a document costs almost
 * no allocation beyond its own results; the pipeline and the lexicon are
 * shared read-only. Documents take very different times (a long one can
 * hold a thread for a while), hence the dynamic schedule; the order of the
 * output comes from the chunk, not from the threads.
 *
 * The work that must stay in order (handing documents back, writing them,
 * reading the next ones) is a pipeline stage of its own: while the threads
 * align chunk k, one of them first hands back chunk k-1 and reads chunk
 * k+1, then joins the others. Three chunks are in flight, so memory stays
 * bounded, and almost nothing is left to run on one thread alone. */
#include "selaras/batch.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

/* One chunk of documents and what became of them. */
typedef struct {
    sl_item *items;
    sl_doc *docs;
    sl_error *errs;
    int *rcs;
    unsigned char *mine; /* in this shard: aligned and handed back */
    void **data;
    size_t n, base;      /* items, and the input position of the first */
} chunk_t;

static int chunk_new(chunk_t *c, size_t size)
{
    memset(c, 0, sizeof *c);
    c->items = calloc(size, sizeof *c->items);
    c->docs = calloc(size, sizeof *c->docs);
    c->errs = calloc(size, sizeof *c->errs);
    c->rcs = calloc(size, sizeof *c->rcs);
    c->mine = calloc(size, 1);
    c->data = calloc(size, sizeof *c->data);
    return c->items && c->docs && c->errs && c->rcs && c->mine && c->data ? 0 : -1;
}

/* Frees what the chunk's documents hold; the chunk is empty again. */
static void chunk_clear(chunk_t *c, const sl_batch_cb *cb)
{
    for (size_t k = 0; k < c->n; k++) {
        if (c->data[k] && cb->release)
            cb->release(cb->ctx, c->data[k]);
        c->data[k] = NULL;
        if (c->mine[k] && !c->rcs[k])
            sl_doc_free(&c->docs[k]);
        sl_item_free(&c->items[k]);
    }
    c->n = 0;
}

static void chunk_free(chunk_t *c)
{
    free(c->items);
    free(c->docs);
    free(c->errs);
    free(c->rcs);
    free(c->mine);
    free(c->data);
}

/* Reads the next chunk; 0 at the end. */
static size_t chunk_read(chunk_t *c, const sl_batch_opts *o, const sl_batch_cb *cb,
                         size_t size, size_t *index)
{
    c->n = cb->next(cb->ctx, c->items, size);
    c->base = *index;
    *index += c->n;
    for (size_t k = 0; k < c->n; k++) {
        c->mine[k] = !o->shard_n || (c->base + k) % o->shard_n == o->shard_k - 1;
        c->rcs[k] = 0;
    }
    return c->n;
}

/* Hands an aligned chunk back in order; returns the run's status. */
static int chunk_take(chunk_t *c, const sl_batch_cb *cb)
{
    int rc = 0;
    for (size_t k = 0; k < c->n && rc == 0; k++) {
        if (!c->mine[k])
            continue;
        rc = cb->take(cb->ctx, c->base + k, &c->items[k], c->rcs[k],
                      c->rcs[k] ? NULL : &c->docs[k], &c->errs[k], c->data[k]);
        c->data[k] = NULL;
    }
    if (rc == 0 && cb->chunk_done)
        rc = cb->chunk_done(cb->ctx);
    chunk_clear(c, cb);
    return rc;
}

static void align_one(const sl_pipe *p, sl_pipe_ws *ws, const sl_batch_cb *cb, chunk_t *c,
                      size_t k)
{
    if (!c->mine[k])
        return;
    sl_error_clear(&c->errs[k]);
    c->rcs[k] = sl_pipe_item(p, ws, &c->items[k], &c->docs[k], &c->errs[k]);
    c->data[k] = !c->rcs[k] && cb->render ? cb->render(cb->ctx, &c->items[k], &c->docs[k]) : NULL;
}

int sl_batch_run(const sl_pipe *p, const sl_batch_opts *o, const sl_batch_cb *cb, sl_error *err)
{
    size_t size = o->chunk ? o->chunk : 256, index = 0;
    int nth = o->threads > 0 ? o->threads : omp_get_max_threads();
    chunk_t ring[3];
    int made = 0, rc = 0;
    sl_pipe_ws **ws = calloc((size_t)nth, sizeof *ws);
    for (; made < 3; made++)
        if (chunk_new(&ring[made], size))
            goto nomem;
    if (!ws)
        goto nomem;
    for (int t = 0; t < nth; t++)
        if (!(ws[t] = sl_pipe_ws_new(p, err)))
            goto nomem;
    /* ring[0] is aligned while ring[1] (the chunk before) is handed back
     * and ring[2] (the next) is read */
    chunk_t *cur = &ring[0], *prev = &ring[1], *next = &ring[2];
    chunk_read(cur, o, cb, size, &index);
    while (cur->n > 0 && rc == 0) {
        int stop = 0, one = cur->n == 1 && prev->n == 0;
        if (one) {
            /* a single document gets every thread for itself (a long text
             * is aligned in parallel segments) */
            align_one(p, ws[0], cb, cur, 0);
            chunk_read(next, o, cb, size, &index);
        } else {
#pragma omp parallel num_threads(nth)
            {
#pragma omp single nowait
                {
                    if (prev->n)
                        stop = chunk_take(prev, cb);
                    if (!stop)
                        chunk_read(next, o, cb, size, &index);
                }
#pragma omp for schedule(dynamic, 1) nowait
                for (size_t k = 0; k < cur->n; k++)
                    align_one(p, ws[omp_get_thread_num()], cb, cur, k);
            }
        }
        rc = stop;
        chunk_t *t = prev;
        prev = cur;
        cur = next;
        next = t;
    }
    if (rc == 0 && prev->n)
        rc = chunk_take(prev, cb);
    goto done;
nomem:
    rc = -1;
    sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
done:
    for (int k = 0; k < made; k++) {
        chunk_clear(&ring[k], cb);
        chunk_free(&ring[k]);
    }
    for (int t = 0; ws && t < nth; t++)
        sl_pipe_ws_free(ws[t]);
    free(ws);
    return rc;
}
