/* aligneval.c — bead files and strict/lax precision, recall and F1. */
#include "selaras/aligneval.h"

#include <stdlib.h>
#include <string.h>

static int push_index(size_t **v, size_t *n, size_t x)
{
    size_t *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        return -1;
    nv[(*n)++] = x;
    *v = nv;
    return 0;
}

/* Parses "[a,b,...]" at *p; returns 0, or -1 on a syntax error. */
static int parse_list(const char **p, const char *end, size_t **v, size_t *n)
{
    const char *s = *p;
    while (s < end && (*s == ' ' || *s == '\t')) s++;
    if (s >= end || *s != '[')
        return -1;
    s++;
    while (s < end && *s == ' ') s++;
    if (s < end && *s == ']') {
        *p = s + 1;
        return 0;
    }
    for (;;) {
        while (s < end && *s == ' ') s++;
        if (s >= end || *s < '0' || *s > '9')
            return -1;
        size_t x = 0;
        while (s < end && *s >= '0' && *s <= '9') {
            if (x > ((size_t)-1) / 10 - 10)
                return -1;
            x = x * 10 + (size_t)(*s++ - '0');
        }
        if (push_index(v, n, x))
            return -2;
        while (s < end && *s == ' ') s++;
        if (s < end && *s == ',') { s++; continue; }
        if (s < end && *s == ']') { *p = s + 1; return 0; }
        return -1;
    }
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

int sl_ebeads_parse(const char *text, size_t len, const char *name, sl_ebeads *out,
                    sl_error *err)
{
    memset(out, 0, sizeof *out);
    long line = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        const char *s = p;
        p = nl ? nl + 1 : end;
        const char *t = le;
        while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r')) t--;
        if (t == s)
            continue;
        if (out->n == out->cap) {
            size_t nc = out->cap ? out->cap * 2 : 64;
            sl_ebead *v = realloc(out->v, nc * sizeof *v);
            if (!v) goto nomem;
            out->v = v;
            out->cap = nc;
        }
        sl_ebead *b = &out->v[out->n++];
        memset(b, 0, sizeof *b);
        int r = parse_list(&s, t, &b->src, &b->nsrc);
        while (r == 0 && s < t && *s == ' ') s++;
        if (r == 0 && (s >= t || *s++ != ':'))
            r = -1;
        if (r == 0)
            r = parse_list(&s, t, &b->tgt, &b->ntgt);
        /* further tab- or space-separated columns (sentence ids) are ignored */
        if (r == 0 && s != t && *s != ' ' && *s != '\t')
            r = -1;
        if (r == -2) goto nomem;
        if (r < 0) {
            sl_ebeads_free(out);
            return sl_error_set(err, SL_EINPUT, name, line, (long long)(s - text),
                                "malformed bead (expected [i,j]:[k])");
        }
        if (b->nsrc)
            qsort(b->src, b->nsrc, sizeof *b->src, cmp_size);
        if (b->ntgt)
            qsort(b->tgt, b->ntgt, sizeof *b->tgt, cmp_size);
    }
    return SL_OK;
nomem:
    sl_ebeads_free(out);
    return sl_error_set(err, SL_ENOMEM, name, line, -1, "out of memory");
}

void sl_ebeads_free(sl_ebeads *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->v[i].src);
        free(b->v[i].tgt);
    }
    free(b->v);
    memset(b, 0, sizeof *b);
}

static int same(const sl_ebead *a, const sl_ebead *b)
{
    return a->nsrc == b->nsrc && a->ntgt == b->ntgt &&
           (a->nsrc == 0 || memcmp(a->src, b->src, a->nsrc * sizeof *a->src) == 0) &&
           (a->ntgt == 0 || memcmp(a->tgt, b->tgt, a->ntgt * sizeof *a->tgt) == 0);
}

static int intersects(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    for (size_t x = 0; x < na; x++)
        for (size_t y = 0; y < nb; y++)
            if (a[x] == b[y])
                return 1;
    return 0;
}

/* Counts test beads that are strictly / laxly right against gold. Only
 * beads passing keep() take part on either side. */
static void precision(const sl_ebeads *gold, const sl_ebeads *test, int drop_empty_side,
                      size_t *strict, size_t *lax, size_t *total)
{
    for (size_t t = 0; t < test->n; t++) {
        const sl_ebead *tb = &test->v[t];
        if (tb->nsrc == 0 && tb->ntgt == 0)
            continue;
        if (drop_empty_side && (tb->nsrc == 0 || tb->ntgt == 0))
            continue;
        (*total)++;
        int s = 0, l = 0;
        for (size_t g = 0; g < gold->n && !s; g++) {
            const sl_ebead *gb = &gold->v[g];
            if (drop_empty_side && (gb->nsrc == 0 || gb->ntgt == 0))
                continue;
            if (same(tb, gb))
                s = l = 1;
            else if (intersects(tb->src, tb->nsrc, gb->src, gb->nsrc) &&
                     intersects(tb->tgt, tb->ntgt, gb->tgt, gb->ntgt))
                l = 1;
        }
        *strict += (size_t)s;
        *lax += (size_t)l;
    }
}

void sl_aligneval_add(sl_aligneval *acc, const sl_ebeads *gold, const sl_ebeads *test)
{
    precision(gold, test, 0, &acc->p_strict, &acc->p_lax, &acc->p_total);
    precision(test, gold, 1, &acc->r_strict, &acc->r_lax, &acc->r_total);
}

void sl_aligneval_prf(const sl_aligneval *e, int lax, double *p, double *r, double *f1)
{
    size_t ph = lax ? e->p_lax : e->p_strict, rh = lax ? e->r_lax : e->r_strict;
    *p = e->p_total ? (double)ph / (double)e->p_total : 0.0;
    *r = e->r_total ? (double)rh / (double)e->r_total : 0.0;
    *f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}
