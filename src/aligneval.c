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
    size_t blanks = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line++;
        const char *s = p;
        p = nl ? nl + 1 : end;
        const char *t = le;
        while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r')) t--;
        if (t == s) {
            blanks++; /* a document separator, if a bead follows */
            continue;
        }
        /* the first bead opens document 0; each blank line before a bead
         * closes a document (empty ones too) */
        for (size_t k = out->n ? blanks : 1; k > 0; k--) {
            if (out->ndoc == out->doccap) {
                size_t nc = out->doccap ? out->doccap * 2 : 16;
                size_t *d = realloc(out->doc, nc * sizeof *d);
                if (!d) goto nomem;
                out->doc = d;
                out->doccap = nc;
            }
            out->doc[out->ndoc++] = out->n;
        }
        blanks = 0;
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
    free(b->doc);
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

/* For each sentence index of one side, the beads holding it (CSR), so that
 * scoring costs time linear in the beads, not quadratic. */
typedef struct {
    size_t *off, *bead;
    size_t n;
} index_t;

static int index_side(const sl_ebeads *b, int side, int drop_empty_side, index_t *ix)
{
    size_t n = 0;
    for (size_t x = 0; x < b->n; x++) {
        const sl_ebead *e = &b->v[x];
        const size_t *v = side ? e->tgt : e->src;
        size_t k = side ? e->ntgt : e->nsrc;
        for (size_t y = 0; y < k; y++)
            if (v[y] + 1 > n)
                n = v[y] + 1;
    }
    ix->n = n;
    ix->off = calloc(n + 2, sizeof *ix->off);
    if (!ix->off)
        return -1;
    size_t total = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t x = 0; x < b->n; x++) {
            const sl_ebead *e = &b->v[x];
            if (drop_empty_side && (e->nsrc == 0 || e->ntgt == 0))
                continue;
            const size_t *v = side ? e->tgt : e->src;
            size_t k = side ? e->ntgt : e->nsrc;
            for (size_t y = 0; y < k; y++) {
                if (pass == 0)
                    ix->off[v[y] + 2]++;
                else
                    ix->bead[ix->off[v[y] + 1]++] = x;
            }
        }
        if (pass == 0) {
            for (size_t i = 0; i < n; i++)
                ix->off[i + 2] += ix->off[i + 1];
            total = ix->off[n + 1];
            ix->bead = malloc((total + 1) * sizeof *ix->bead);
            if (!ix->bead)
                return -1;
        }
    }
    return 0;
}

/* Counts test beads that are strictly / laxly right against gold (beads
 * with an empty side left out of both when drop_empty_side). A lax hit
 * shares a sentence with a gold bead on both sides, so it is found among
 * the gold beads holding one of its source sentences. */
static int precision(const sl_ebeads *gold, const sl_ebeads *test, int drop_empty_side,
                     size_t *strict, size_t *lax, size_t *total)
{
    index_t ix[2] = { { 0 }, { 0 } };
    int rc = -1;
    if (index_side(gold, 0, drop_empty_side, &ix[0]) || index_side(gold, 1, drop_empty_side, &ix[1]))
        goto out;
    for (size_t t = 0; t < test->n; t++) {
        const sl_ebead *tb = &test->v[t];
        if (tb->nsrc == 0 && tb->ntgt == 0)
            continue;
        if (drop_empty_side && (tb->nsrc == 0 || tb->ntgt == 0))
            continue;
        (*total)++;
        int s = 0, l = 0;
        /* strict: a gold bead equal to it holds its first sentence */
        int side = tb->nsrc ? 0 : 1;
        size_t first = side ? tb->tgt[0] : tb->src[0];
        if (first < ix[side].n)
            for (size_t q = ix[side].off[first]; q < ix[side].off[first + 1] && !s; q++)
                if (same(tb, &gold->v[ix[side].bead[q]]))
                    s = l = 1;
        for (size_t y = 0; y < tb->nsrc && !l; y++) {
            size_t i = tb->src[y];
            if (i >= ix[0].n)
                continue;
            for (size_t q = ix[0].off[i]; q < ix[0].off[i + 1] && !l; q++) {
                const sl_ebead *gb = &gold->v[ix[0].bead[q]];
                if (intersects(tb->tgt, tb->ntgt, gb->tgt, gb->ntgt))
                    l = 1;
            }
        }
        *strict += (size_t)s;
        *lax += (size_t)l;
    }
    rc = 0;
out:
    for (int k = 0; k < 2; k++) {
        free(ix[k].off);
        free(ix[k].bead);
    }
    return rc;
}

int sl_aligneval_add(sl_aligneval *acc, const sl_ebeads *gold, const sl_ebeads *test)
{
    if (precision(gold, test, 0, &acc->p_strict, &acc->p_lax, &acc->p_total) ||
        precision(test, gold, 1, &acc->r_strict, &acc->r_lax, &acc->r_total))
        return -1;
    return 0;
}

void sl_aligneval_prf(const sl_aligneval *e, int lax, double *p, double *r, double *f1)
{
    size_t ph = lax ? e->p_lax : e->p_strict, rh = lax ? e->r_lax : e->r_strict;
    *p = e->p_total ? (double)ph / (double)e->p_total : 0.0;
    *r = e->r_total ? (double)rh / (double)e->r_total : 0.0;
    *f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

int sl_aligneval_add_docs(sl_aligneval *acc, const sl_ebeads *gold, const char *gname,
                          const sl_ebeads *test, const char *tname, sl_error *err)
{
    if (gold->ndoc != test->ndoc)
        return sl_error_set(err, SL_EINPUT, tname, 0, -1,
                            "%zu documents (blank lines between them), but %s has %zu",
                            test->ndoc, gname, gold->ndoc);
    for (size_t k = 0; k < gold->ndoc; k++) {
        /* views of one document of each: the beads stay where they are */
        sl_ebeads g = { 0 }, t = { 0 };
        g.v = gold->v + gold->doc[k];
        g.n = (k + 1 < gold->ndoc ? gold->doc[k + 1] : gold->n) - gold->doc[k];
        t.v = test->v + test->doc[k];
        t.n = (k + 1 < test->ndoc ? test->doc[k + 1] : test->n) - test->doc[k];
        if (sl_aligneval_add(acc, &g, &t))
            return sl_error_set(err, SL_ENOMEM, tname, 0, -1, "out of memory");
    }
    return SL_OK;
}
