/* batch.c — the batch driver: read a chunk, align it in parallel, hand
 * the documents back in order.
 *
 * Each thread keeps one pipeline scratch (the word-type cache and the
 * aligner's working memory) for the whole run, so a document costs almost
 * no allocation beyond its own results; the pipeline and the lexicon are
 * shared read-only. Documents take very different times (a long one can
 * hold a thread for a while), hence the dynamic schedule; the order of the
 * output comes from the chunk, not from the threads. */
#include "selaras/batch.h"

#include <omp.h>
#include <stdlib.h>
#include <string.h>

int sl_batch_run(const sl_pipe *p, const sl_batch_opts *o, const sl_batch_cb *cb, sl_error *err)
{
    size_t chunk = o->chunk ? o->chunk : 256, index = 0;
    int nth = o->threads > 0 ? o->threads : omp_get_max_threads();
    sl_item *items = calloc(chunk, sizeof *items);
    sl_doc *docs = calloc(chunk, sizeof *docs);
    sl_error *errs = calloc(chunk, sizeof *errs);
    int *rcs = calloc(chunk, sizeof *rcs);
    unsigned char *mine = calloc(chunk, 1);
    void **data = calloc(chunk, sizeof *data);
    sl_pipe_ws **ws = calloc((size_t)nth, sizeof *ws);
    int rc = 0;
    if (!items || !docs || !errs || !rcs || !mine || !data || !ws)
        goto nomem;
    for (int t = 0; t < nth; t++)
        if (!(ws[t] = sl_pipe_ws_new(p, err)))
            goto nomem;
    size_t n;
    while (rc == 0 && (n = cb->next(cb->ctx, items, chunk)) > 0) {
        size_t base = index;
        index += n;
        for (size_t k = 0; k < n; k++)
            mine[k] = !o->shard_n || (base + k) % o->shard_n == o->shard_k - 1;
        /* a single document gets every thread for itself (a long text is
         * aligned in parallel segments) */
#pragma omp parallel for schedule(dynamic, 1) num_threads(nth) if (n > 1)
        for (size_t k = 0; k < n; k++) {
            if (!mine[k])
                continue;
            sl_error_clear(&errs[k]);
            rcs[k] = sl_pipe_item(p, ws[omp_get_thread_num()], &items[k], &docs[k], &errs[k]);
            data[k] = !rcs[k] && cb->render ? cb->render(cb->ctx, &items[k], &docs[k]) : NULL;
        }
        for (size_t k = 0; k < n; k++) {
            if (mine[k] && rc == 0) {
                rc = cb->take(cb->ctx, base + k, &items[k], rcs[k], rcs[k] ? NULL : &docs[k],
                              &errs[k], data[k]);
                data[k] = NULL;
            }
            if (data[k] && cb->release)
                cb->release(cb->ctx, data[k]);
            data[k] = NULL;
        }
        for (size_t k = 0; k < n; k++) {
            if (mine[k] && !rcs[k])
                sl_doc_free(&docs[k]);
            sl_item_free(&items[k]);
        }
        if (rc == 0 && cb->chunk_done)
            rc = cb->chunk_done(cb->ctx);
    }
    goto done;
nomem:
    rc = -1;
    sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
done:
    for (int t = 0; ws && t < nth; t++)
        sl_pipe_ws_free(ws[t]);
    free(ws);
    free(items);
    free(docs);
    free(errs);
    free(rcs);
    free(mine);
    free(data);
    return rc;
}
