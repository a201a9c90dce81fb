/* segeval.c — boundary precision/recall over non-space character offsets. */
#include "selaras/segeval.h"
#include "selaras/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t *start;     /* non-space offset of each sentence start */
    unsigned char *pstart; /* 1 when the sentence opens a paragraph */
    size_t n, cap;
    size_t total;      /* non-space characters */
    long bad_line;
} sents_t;

static int parse(const char *s, size_t len, sents_t *out)
{
    size_t nonspace = 0;
    int new_para = 1;
    long line = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len;
        size_t count = 0;
        line++;
        for (size_t k = i; k < e;) {
            size_t w = sl_utf8_space_len(s, e, k);
            if (w) { k += w; continue; }
            count++;
            size_t adv;
            sl_utf8_decode(s + k, e - k, &adv);
            k += adv ? adv : 1;
        }
        if (count == 0) {
            new_para = 1;
        } else {
            if (out->n == out->cap) {
                size_t nc = out->cap ? out->cap * 2 : 256;
                size_t *st = realloc(out->start, nc * sizeof *st);
                if (!st) return -1;
                out->start = st;
                unsigned char *ps = realloc(out->pstart, nc);
                if (!ps) return -1;
                out->pstart = ps;
                out->cap = nc;
            }
            out->start[out->n] = nonspace;
            out->pstart[out->n] = (unsigned char)new_para;
            out->n++;
            new_para = 0;
            nonspace += count;
        }
        i = e + 1;
    }
    out->total = nonspace;
    return 0;
}

static int has(const size_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && v[lo] == x;
}

int sl_segeval_text(const char *gold, size_t glen, const char *pred, size_t plen,
                    sl_segeval *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    sents_t g = { 0 }, p = { 0 };
    int rc = SL_OK;
    if (parse(gold, glen, &g) || parse(pred, plen, &p)) {
        rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        goto cleanup;
    }
    if (g.total != p.total) {
        rc = sl_error_set(err, SL_EINPUT, NULL, 0, -1,
                          "gold and prediction differ in text: %zu vs %zu non-space characters",
                          g.total, p.total);
        goto cleanup;
    }
    /* starts are increasing in both lists, so membership is a binary search */
    size_t *gp = malloc((g.n + 1) * sizeof *gp), ngp = 0;
    if (!gp) {
        rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < g.n; i++)
        if (g.pstart[i])
            gp[ngp++] = g.start[i];
    for (size_t i = 0; i < g.n; i++)
        if (!g.pstart[i]) {
            if (has(p.start, p.n, g.start[i])) out->tp++;
            else out->fn++;
        }
    for (size_t i = 0; i < p.n; i++)
        if (p.start[i] != 0 && !has(gp, ngp, p.start[i]) && !has(g.start, g.n, p.start[i]))
            out->fp++;
    /* paragraph k is exact when the predicted starts inside it are the gold ones */
    size_t pi = 0;
    for (size_t k = 0; k < ngp; k++) {
        size_t lo = gp[k], hi = k + 1 < ngp ? gp[k + 1] : g.total + 1;
        size_t gcount = 0, pcount = 0;
        int ok = 1;
        for (size_t i = 0; i < g.n; i++)
            if (g.start[i] > lo && g.start[i] < hi) {
                gcount++;
                ok &= has(p.start, p.n, g.start[i]);
            }
        while (pi < p.n && p.start[pi] <= lo) pi++;
        for (size_t i = pi; i < p.n && p.start[i] < hi; i++)
            pcount++;
        out->paras++;
        out->paras_exact += ok && gcount == pcount;
    }
    free(gp);
cleanup:
    free(g.start); free(g.pstart);
    free(p.start); free(p.pstart);
    return rc;
}

double sl_segeval_precision(const sl_segeval *e)
{
    return e->tp + e->fp ? (double)e->tp / (double)(e->tp + e->fp) : 1.0;
}
double sl_segeval_recall(const sl_segeval *e)
{
    return e->tp + e->fn ? (double)e->tp / (double)(e->tp + e->fn) : 1.0;
}
double sl_segeval_f1(const sl_segeval *e)
{
    double p = sl_segeval_precision(e), r = sl_segeval_recall(e);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
