/* learn.c — IBM Model 1 on the confident pairs of a first alignment.
 *
 * Each direction is trained apart: p(e|g) for every word e of one side
 * given the words g of the other (plus an empty word, for words that
 * translate nothing). The co-occurring (g, e) pairs get dense ids once, and
 * every sentence pair keeps, for each (i, j), the id of (g_i, e_j): an EM
 * iteration is then a walk over arrays, its E-step split between
 * threads. A word pair joins the lexicon when
 * both directions find it likely and it was seen together often enough:
 * one direction alone pairs a rare word with whatever frequent word stood
 * beside it. */
#include "selaras/learn.h"
#include "grow.h"
#include "selaras/strmap.h"

#include <math.h>
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Sentence pairs kept for training: plenty to learn a corpus's common
 * vocabulary, and a bound on time and memory (some 60 MB). */
enum { MAX_PAIRS = 100000 };

typedef struct {
    uint32_t s, t;
    double pts, pst; /* p(t|s), p(s|t) */
} found_t;

struct sl_learner {
    sl_vocab *voc;
    sl_strmap *stem[2];  /* stems of each side -> id */
    char **word[2];      /* a surface word of each stem (for the saved table) */
    size_t wcap[2];
    uint32_t *tok;       /* every pair's stem ids: source, then target */
    size_t ntok, captok;
    size_t *off;         /* pair k: source [off[2k], off[2k+1]), target [.., off[2k+2]) */
    size_t npairs, capoff, seen;
    found_t *found;
    size_t nfound, capfound;
};

void sl_learn_opts_default(sl_learn_opts *o)
{
    memset(o, 0, sizeof *o);
    o->iterations = 5;
    o->threshold = 0.1;
    o->min_pairs = 100;
    o->min_count = 2;
}

sl_learner *sl_learner_new(const sl_featcfg *cfg, sl_error *err)
{
    sl_learner *l = calloc(1, sizeof *l);
    if (!l || !(l->voc = sl_vocab_new(cfg, err)) || !(l->stem[0] = sl_strmap_new()) ||
        !(l->stem[1] = sl_strmap_new())) {
        sl_learner_free(l);
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    return l;
}

void sl_learner_free(sl_learner *l)
{
    if (!l)
        return;
    sl_vocab_free(l->voc);
    for (int s = 0; s < 2; s++) {
        for (size_t k = 0; l->stem[s] && k < sl_strmap_size(l->stem[s]); k++)
            free(l->word[s][k]);
        free(l->word[s]);
        sl_strmap_free(l->stem[s]);
    }
    free(l->tok);
    free(l->off);
    free(l->found);
    free(l);
}

typedef struct {
    sl_learner *l;
    int side;
} add_ctx;

static int add_word(void *ctx, const char *w, size_t wl, const char *stem, size_t sl)
{
    add_ctx *c = ctx;
    sl_learner *l = c->l;
    size_t before = sl_strmap_size(l->stem[c->side]);
    long id = sl_strmap_intern(l->stem[c->side], stem, sl);
    if (id < 0 || sl_grow(&l->tok, &l->captok, l->ntok + 1, sizeof *l->tok))
        return -1;
    if ((size_t)id == before) { /* a new stem: remember a word that has it */
        if (sl_grow(&l->word[c->side], &l->wcap[c->side], before + 1, sizeof *l->word[0]))
            return -1;
        if (!(l->word[c->side][id] = malloc(wl + 1)))
            return -1;
        memcpy(l->word[c->side][id], w, wl);
        l->word[c->side][id][wl] = '\0';
    }
    l->tok[l->ntok++] = (uint32_t)id;
    return 0;
}

int sl_learner_add(sl_learner *l, const char *src, size_t slen, const char *tgt, size_t tlen,
                   sl_error *err)
{
    l->seen++;
    if (l->npairs >= MAX_PAIRS)
        return SL_OK;
    size_t mark = l->ntok;
    add_ctx c = { l, 0 };
    if (sl_grow(&l->off, &l->capoff, 2 * l->npairs + 3, sizeof *l->off))
        goto nomem;
    l->off[2 * l->npairs] = mark;
    if (sl_feat_words(l->voc, 0, src, slen, add_word, &c))
        goto nomem;
    l->off[2 * l->npairs + 1] = l->ntok;
    c.side = 1;
    if (sl_feat_words(l->voc, 1, tgt, tlen, add_word, &c))
        goto nomem;
    l->off[2 * l->npairs + 2] = l->ntok;
    if (l->off[2 * l->npairs + 1] == mark || l->ntok == l->off[2 * l->npairs + 1])
        l->ntok = mark; /* a side without content words teaches nothing */
    else
        l->npairs++;
    return SL_OK;
nomem:
    l->ntok = mark;
    return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
}

size_t sl_learner_pairs(const sl_learner *l) { return l->npairs; }

/* ---- one direction: p(e|g) ------------------------------------------- */

/* (g, e) pairs -> dense ids: open addressing over 64-bit keys. */
typedef struct {
    uint64_t *key; /* g + 1 (0: the empty word) << 32 | e; UINT64_MAX empty */
    uint32_t *id;
    size_t mask, n;
    uint64_t *byid;
} pairmap_t;

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    return x;
}

static long pm_get(pairmap_t *m, uint64_t k, int add)
{
    for (size_t i = mix(k) & m->mask;; i = (i + 1) & m->mask) {
        if (m->key[i] == k)
            return m->id[i];
        if (m->key[i] == UINT64_MAX) {
            if (!add)
                return -1;
            m->key[i] = k;
            m->id[i] = (uint32_t)m->n;
            m->byid[m->n] = k;
            return (long)m->n++;
        }
    }
}

typedef struct {
    pairmap_t map;
    uint32_t *cell; /* per pair, per (i, j): the id of (g_i, e_j), i = 0 the empty word */
    double *t;      /* p(e|g) by id */
    uint32_t *seen; /* sentence pairs the (g, e) pair was seen in */
} model1_t;

static void model1_free(model1_t *m)
{
    free(m->map.key);
    free(m->map.id);
    free(m->map.byid);
    free(m->cell);
    free(m->t);
    free(m->seen);
}

/* Trains p(e|g), g the tokens of side gs, e those of the other side. */
static int model1(const sl_learner *l, int gs, const sl_learn_opts *o, model1_t *m)
{
    size_t ncell = 0;
    for (size_t k = 0; k < l->npairs; k++) {
        size_t ns = l->off[2 * k + 1] - l->off[2 * k], nt = l->off[2 * k + 2] - l->off[2 * k + 1];
        ncell += (gs == 0 ? ns + 1 : nt + 1) * (gs == 0 ? nt : ns);
    }
    size_t slots = 1024;
    while (slots < ncell * 2)
        slots *= 2;
    m->map.key = malloc(slots * sizeof *m->map.key);
    m->map.id = malloc(slots * sizeof *m->map.id);
    m->map.byid = malloc((ncell + 1) * sizeof *m->map.byid);
    m->cell = malloc((ncell + 1) * sizeof *m->cell);
    if (!m->map.key || !m->map.id || !m->map.byid || !m->cell)
        return -1;
    memset(m->map.key, 0xFF, slots * sizeof *m->map.key);
    m->map.mask = slots - 1;
    m->map.n = 0;
    size_t c = 0;
    for (size_t k = 0; k < l->npairs; k++) {
        const uint32_t *s = l->tok + l->off[2 * k], *t = l->tok + l->off[2 * k + 1];
        size_t ns = (size_t)(t - s), nt = l->off[2 * k + 2] - l->off[2 * k + 1];
        const uint32_t *g = gs == 0 ? s : t, *e = gs == 0 ? t : s;
        size_t ng = gs == 0 ? ns : nt, ne = gs == 0 ? nt : ns;
        for (size_t i = 0; i <= ng; i++)
            for (size_t j = 0; j < ne; j++) {
                uint64_t key = (uint64_t)(i ? g[i - 1] + 1 : 0) << 32 | e[j];
                m->cell[c++] = (uint32_t)pm_get(&m->map, key, 1);
            }
    }
    size_t nid = m->map.n;
    m->t = malloc((nid + 1) * sizeof *m->t);
    m->seen = calloc(nid + 1, sizeof *m->seen);
    size_t ng_all = sl_strmap_size(l->stem[gs]) + 1;
    if (!m->t || !m->seen)
        return -1;
    /* how many sentence pairs saw each (g, e) together, once per pair */
    c = 0;
    uint32_t *last = malloc((nid + 1) * sizeof *last);
    if (!last)
        return -1;
    memset(last, 0xFF, (nid + 1) * sizeof *last);
    for (size_t k = 0; k < l->npairs; k++) {
        size_t ns = l->off[2 * k + 1] - l->off[2 * k], nt = l->off[2 * k + 2] - l->off[2 * k + 1];
        size_t n = (gs == 0 ? ns + 1 : nt + 1) * (gs == 0 ? nt : ns);
        for (size_t x = 0; x < n; x++, c++)
            if (last[m->cell[c]] != (uint32_t)k) {
                last[m->cell[c]] = (uint32_t)k;
                m->seen[m->cell[c]]++;
            }
    }
    free(last);
    for (size_t x = 0; x < nid; x++)
        m->t[x] = 1.0; /* uniform: the first E-step normalises it */
    int nth = o->threads > 0 ? o->threads : omp_get_max_threads();
    double *cnt = malloc((nid + ng_all) * sizeof *cnt), *tot = NULL;
    double *delta = malloc((ncell + 1) * sizeof *delta);
    size_t *start = malloc((l->npairs + 1) * sizeof *start);
    if (!cnt || !delta || !start) {
        free(cnt);
        free(delta);
        free(start);
        return -1;
    }
    tot = cnt + nid;
    /* where each pair's cells begin */
    c = 0;
    for (size_t k = 0; k < l->npairs; k++) {
        start[k] = c;
        size_t ns = l->off[2 * k + 1] - l->off[2 * k], nt = l->off[2 * k + 2] - l->off[2 * k + 1];
        c += (gs == 0 ? ns + 1 : nt + 1) * (gs == 0 ? nt : ns);
    }
    for (int it = 0; it < o->iterations; it++) {
        /* E-step: each cell's share of its target word, pairs in parallel;
         * the shares are then summed in cell order, so the counts (and the
         * lexicon) are the same for any number of threads */
#pragma omp parallel for schedule(dynamic, 256) num_threads(nth)
        for (size_t k = 0; k < l->npairs; k++) {
            size_t ns = l->off[2 * k + 1] - l->off[2 * k], nt = l->off[2 * k + 2] - l->off[2 * k + 1];
            size_t ng = gs == 0 ? ns : nt, ne = gs == 0 ? nt : ns;
            const uint32_t *cell = m->cell + start[k];
            double *dl = delta + start[k];
            for (size_t j = 0; j < ne; j++) {
                double z = 0;
                for (size_t i = 0; i <= ng; i++)
                    z += m->t[cell[i * ne + j]];
                for (size_t i = 0; i <= ng; i++)
                    dl[i * ne + j] = z > 0 ? m->t[cell[i * ne + j]] / z : 0;
            }
        }
        memset(cnt, 0, (nid + ng_all) * sizeof *cnt);
        for (size_t x = 0; x < ncell; x++)
            cnt[m->cell[x]] += delta[x];
        /* M-step: p(e|g) = count(g, e) / count(g) */
        for (size_t x = 0; x < nid; x++)
            tot[m->map.byid[x] >> 32] += cnt[x];
        for (size_t x = 0; x < nid; x++) {
            double tt = tot[m->map.byid[x] >> 32];
            m->t[x] = tt > 0 ? cnt[x] / tt : 0;
        }
    }
    free(cnt);
    free(delta);
    free(start);
    return 0;
}

static const sl_learner *sorting; /* qsort has no context argument */

static int cmp_found(const void *a, const void *b)
{
    const found_t *x = a, *y = b;
    if (x->s != y->s)
        return strcmp(sorting->word[0][x->s], sorting->word[0][y->s]) < 0 ? -1 : 1;
    if (x->pts != y->pts)
        return x->pts > y->pts ? -1 : 1;
    return x->t < y->t ? -1 : x->t > y->t;
}

int sl_learner_train(sl_learner *l, const sl_learn_opts *o, sl_lexicon *lex, size_t *added,
                     sl_error *err)
{
    *added = 0;
    l->nfound = 0;
    if (l->npairs < o->min_pairs)
        return SL_OK;
    model1_t fwd = { 0 }, bwd = { 0 };
    int rc = SL_OK;
    const char **ss = NULL, **ts = NULL;
    if (model1(l, 0, o, &fwd) || model1(l, 1, o, &bwd))
        goto nomem;
    for (size_t x = 0; x < fwd.map.n; x++) {
        uint64_t key = fwd.map.byid[x];
        uint32_t g = (uint32_t)(key >> 32), e = (uint32_t)key;
        if (g == 0 || fwd.t[x] < o->threshold || fwd.seen[x] < o->min_count)
            continue;
        /* the lexicon's own words keep their translations: learning fills
         * its gaps (a dictionary beats a few hundred sentence pairs) */
        const char *gs = sl_strmap_key(l->stem[0], (long)(g - 1));
        if (lex && sl_lexicon_lookup(lex, gs, strlen(gs), NULL) > 0)
            continue;
        long y = pm_get(&bwd.map, (uint64_t)(e + 1) << 32 | (g - 1), 0);
        if (y < 0 || bwd.t[y] < o->threshold)
            continue;
        if (sl_grow(&l->found, &l->capfound, l->nfound + 1, sizeof *l->found))
            goto nomem;
        l->found[l->nfound++] = (found_t){ g - 1, e, fwd.t[x], bwd.t[y] };
    }
    if (l->nfound) {
        sorting = l;
        qsort(l->found, l->nfound, sizeof *l->found, cmp_found);
    }
    ss = malloc((l->nfound + 1) * sizeof *ss);
    ts = malloc((l->nfound + 1) * sizeof *ts);
    if (!ss || !ts)
        goto nomem;
    for (size_t k = 0; k < l->nfound; k++) {
        ss[k] = sl_strmap_key(l->stem[0], (long)l->found[k].s);
        ts[k] = sl_strmap_key(l->stem[1], (long)l->found[k].t);
    }
    if (lex && (rc = sl_lexicon_add_stems(lex, ss, ts, l->nfound, err)))
        goto done;
    *added = l->nfound;
    goto done;
nomem:
    rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
done:
    free(ss);
    free(ts);
    model1_free(&fwd);
    model1_free(&bwd);
    return rc;
}

int sl_learner_save(const sl_learner *l, FILE *f)
{
    fputs("# learned by selaras (IBM Model 1 in both directions)\n"
          "# source\ttarget\tp(target|source)\tp(source|target)\n", f);
    for (size_t k = 0; k < l->nfound; k++) {
        const found_t *x = &l->found[k];
        fprintf(f, "%s\t%s\t%.4f\t%.4f\n", l->word[0][x->s], l->word[1][x->t], x->pts, x->pst);
    }
    return ferror(f) ? -1 : 0;
}
