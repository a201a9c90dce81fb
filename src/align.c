/* align.c — the aligner: dynamic programming over beads.
 *
 * A bead's cost is a sum of negative log-probabilities:
 *   prior     -log P(bead type), e.g. 1-1 far likelier than 2-2;
 *   length    Gale & Church (1993): delta = (l2 - c*l1) / sqrt(s2*l1)
 *             in characters, cost -log 2(1 - Phi(|delta|));
 *   lexical   a binomial log-likelihood ratio over the bead's content
 *             tokens: each is matched (lexicon, cognate, number, name) with
 *             probability mt in a translation and mr in a random pair.
 * c, s2, mt and mr are estimated on the document itself: a first pass with
 * estimates from the diagonal, then a second pass with estimates from the
 * beads the first pass found. Deletions (1-0, 0-1) pay their prior only, so
 * a sentence is left unaligned exactly when every pairing looks random. */
#include "selaras/align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct sl_aligner {
    sl_align_opts o;
    sl_featcfg *feat;
    double c0; /* prior length ratio target/source */
};

void sl_align_opts_default(sl_align_opts *o)
{
    memset(o, 0, sizeof *o);
    o->src_lang = "id";
    o->tgt_lang = "en";
    o->max_side = 3;
}

sl_aligner *sl_aligner_new(const sl_align_opts *o, const sl_lexicon *lex, sl_error *err)
{
    sl_aligner *a = calloc(1, sizeof *a);
    if (!a) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    a->o = *o;
    if (a->o.max_side < 1 || a->o.max_side > 4) {
        sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "bead width must be 1 to 4, not %d",
                     a->o.max_side);
        free(a);
        return NULL;
    }
    a->feat = sl_featcfg_new(o->src_lang, o->tgt_lang, lex, err);
    if (!a->feat) {
        free(a);
        return NULL;
    }
    /* Indonesian runs longer than English: 0.93 English characters per
     * Indonesian one on the UD PUD and PANL gold pairs. Other pairs start
     * from 1; the document's own ratio soon dominates either way. */
    int id_en = (strcmp(o->src_lang, "id") == 0 || strcmp(o->src_lang, "indonesian") == 0) &&
                (strcmp(o->tgt_lang, "en") == 0 || strcmp(o->tgt_lang, "english") == 0);
    a->c0 = id_en ? 0.93 : 1.0;
    return a;
}

void sl_aligner_free(sl_aligner *a)
{
    if (!a)
        return;
    sl_featcfg_free(a->feat);
    free(a);
}

void sl_beads_free(sl_beads *b)
{
    if (!b)
        return;
    free(b->v);
    memset(b, 0, sizeof *b);
}

/* ---- the model -------------------------------------------------------- */

enum { MAXW = 4 };

typedef struct {
    double *d;          /* cost to reach (i, j) */
    unsigned char *bk;  /* bead type taken: a * 8 + b */
    size_t *lo, *hi;    /* band of row i: j in [lo, hi] */
    size_t *off;        /* start of row i in d/bk */
} dp_t;

typedef struct {
    const sl_docfeat *f;
    size_t ns, nt;
    double c, s2;        /* length ratio and variance per character */
    double mt, mr;       /* match rates: translation (per token), chance (per token pair) */
    double prior[MAXW + 1][MAXW + 1]; /* -log P(type) */
    size_t *cs[2];       /* prefix sums of characters */
    double *ts[2];       /* prefix sums of content token weights */
    int maxw;
    /* Token matches of each bead, by its end cell in the band and its type:
     * the same bead is scored by both passes and the confidences, and
     * matching is most of the work. NULL past 64 M entries (256 MB, some
     * 20,000 sentence pairs at the default band): memory stays linear. */
    float *kc;
    const dp_t *dp;
} model_t;

/* Matches of source [i0,i0+a) with target [j0,j0+b), through the cache. */
static double matches(const model_t *m, size_t i0, int a, size_t j0, int b)
{
    const dp_t *p = m->dp;
    size_t i = i0 + (size_t)a, j = j0 + (size_t)b;
    float *slot = NULL;
    if (m->kc && j >= p->lo[i] && j <= p->hi[i]) {
        size_t w = (size_t)m->maxw + 1;
        slot = &m->kc[(p->off[i] + j - p->lo[i]) * w * w + (size_t)a * w + (size_t)b];
        if (*slot >= 0)
            return *slot;
    }
    double k = sl_feat_matches(m->f, i0, (size_t)a, j0, (size_t)b);
    if (slot)
        *slot = (float)k;
    return k;
}

/* Bead priors: the share of each type in the pooled ID-EN gold of UD PUD,
 * PANL and TED (4,862 beads), rounded; the wider types, absent there, get
 * the 2-2 rate scaled down. */
static void set_priors(model_t *m)
{
    for (int a = 0; a <= MAXW; a++)
        for (int b = 0; b <= MAXW; b++)
            m->prior[a][b] = INFINITY;
    double p11 = 0.87, p10 = 0.03, p21 = 0.028, p22 = 0.015, p31 = 0.002;
    m->prior[1][1] = -log(p11);
    m->prior[1][0] = m->prior[0][1] = -log(p10);
    m->prior[2][1] = m->prior[1][2] = -log(p21);
    m->prior[2][2] = -log(p22);
    for (int a = 1; a <= m->maxw; a++)
        for (int b = 1; b <= m->maxw; b++)
            if (m->prior[a][b] == INFINITY && a + b <= m->maxw + 1)
                m->prior[a][b] = -log(p31 / (a + b - 3));
    for (int a = 0; a <= MAXW; a++)
        for (int b = 0; b <= MAXW; b++)
            if (a > m->maxw || b > m->maxw)
                m->prior[a][b] = INFINITY;
}

/* mt: chance that a token of a translation finds its counterpart; r: chance
 * that two unrelated tokens match by accident (a shared number or name, a
 * lexicon hub such as "orang"). */
static void set_rates(model_t *m, double mt, double r)
{
    if (r < 1e-5) r = 1e-5;
    if (r > 0.05) r = 0.05;
    if (mt < 0.05) mt = 0.05;
    if (mt > 0.95) mt = 0.95;
    m->mt = mt;
    m->mr = r;
}

/* Log-likelihood ratio, translation versus chance, of k of a side's n
 * tokens finding a match among the other side's n_other tokens. Chance
 * grows with n_other: a 2-2 bead offers each token twice the partners of a
 * 1-1 bead, so its accidental matches are worth less. */
static double side_llr(const model_t *m, double k, double n, double n_other)
{
    double pr = 1 - pow(1 - m->mr, n_other);
    double pt = m->mt + (1 - m->mt) * pr;
    if (pr < 1e-9) pr = 1e-9;
    if (pt > 1 - 1e-9) pt = 1 - 1e-9;
    return k * log(pt / pr) + (n - k) * log((1 - pt) / (1 - pr));
}

static double len_cost(const model_t *m, double l1, double l2)
{
    double mean = (l1 + l2 / m->c) / 2;
    if (mean < 1)
        mean = 1;
    double d = (l2 - m->c * l1) / sqrt(m->s2 * mean);
    /* two-sided tail of the normal; floor keeps the cost finite */
    double p = erfc(fabs(d) / sqrt(2.0));
    if (p < 1e-30)
        p = 1e-30;
    return -log(p);
}

/* Cost of source [i0,i0+a) with target [j0,j0+b). */
static double bead_cost(const model_t *m, size_t i0, int a, size_t j0, int b)
{
    double cost = m->prior[a][b];
    if (a == 0 || b == 0)
        return cost;
    double l1 = (double)(m->cs[0][i0 + a] - m->cs[0][i0]);
    double l2 = (double)(m->cs[1][j0 + b] - m->cs[1][j0]);
    cost += len_cost(m, l1, l2);
    double na = (double)(m->ts[0][i0 + a] - m->ts[0][i0]);
    double nb = (double)(m->ts[1][j0 + b] - m->ts[1][j0]);
    double k = matches(m, i0, a, j0, b);
    cost -= (side_llr(m, k, na, nb) + side_llr(m, k, nb, na)) / 2;
    return cost;
}

/* ---- dynamic programming --------------------------------------------- */


static void dp_free(dp_t *p)
{
    free(p->d); free(p->bk); free(p->lo); free(p->hi); free(p->off);
}

static int dp_band(dp_t *p, size_t ns, size_t nt, size_t w)
{
    p->lo = malloc((ns + 1) * sizeof *p->lo);
    p->hi = malloc((ns + 1) * sizeof *p->hi);
    p->off = malloc((ns + 2) * sizeof *p->off);
    if (!p->lo || !p->hi || !p->off)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i <= ns; i++) {
        size_t c = ns ? (size_t)((double)i * (double)nt / (double)ns + 0.5) : 0;
        p->lo[i] = c > w ? c - w : 0;
        p->hi[i] = c + w < nt ? c + w : nt;
        p->off[i] = total;
        total += p->hi[i] - p->lo[i] + 1;
    }
    p->off[ns + 1] = total;
    p->d = malloc(total * sizeof *p->d);
    p->bk = malloc(total);
    return p->d && p->bk ? 0 : -1;
}

static double *cell(const dp_t *p, size_t i, size_t j)
{
    if (j < p->lo[i] || j > p->hi[i])
        return NULL;
    return &p->d[p->off[i] + j - p->lo[i]];
}

static int run_dp(const model_t *m, dp_t *p, sl_beads *out)
{
    size_t ns = m->ns, nt = m->nt;
    for (size_t i = 0; i <= ns; i++)
        for (size_t j = p->lo[i]; j <= p->hi[i]; j++) {
            size_t at = p->off[i] + j - p->lo[i];
            double best = i == 0 && j == 0 ? 0 : INFINITY;
            unsigned char bk = 0;
            for (int a = 0; a <= m->maxw && (size_t)a <= i; a++)
                for (int b = 0; b <= m->maxw && (size_t)b <= j; b++) {
                    if (m->prior[a][b] == INFINITY)
                        continue;
                    const double *prev = cell(p, i - (size_t)a, j - (size_t)b);
                    if (!prev || *prev == INFINITY)
                        continue;
                    double c = *prev + bead_cost(m, i - (size_t)a, a, j - (size_t)b, b);
                    if (c < best) {
                        best = c;
                        bk = (unsigned char)(a * 8 + b);
                    }
                }
            p->d[at] = best;
            p->bk[at] = bk;
        }
    /* trace back from (ns, nt) */
    out->n = 0;
    size_t i = ns, j = nt, count = 0;
    if (!cell(p, ns, nt) || *cell(p, ns, nt) == INFINITY)
        return -2;
    while (i > 0 || j > 0) {
        unsigned char bk = p->bk[p->off[i] + j - p->lo[i]];
        i -= bk / 8;
        j -= bk % 8;
        count++;
    }
    if (count > out->cap) {
        sl_bead *v = realloc(out->v, count * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        out->cap = count;
    }
    out->n = count;
    i = ns;
    j = nt;
    while (i > 0 || j > 0) {
        size_t at = p->off[i] + j - p->lo[i];
        int a = p->bk[at] / 8, b = p->bk[at] % 8;
        sl_bead *bd = &out->v[--count];
        bd->i0 = i - (size_t)a;
        bd->ni = (size_t)a;
        bd->j0 = j - (size_t)b;
        bd->nj = (size_t)b;
        bd->cost = p->d[at] - *cell(p, i - (size_t)a, j - (size_t)b);
        i -= (size_t)a;
        j -= (size_t)b;
    }
    return 0;
}

/* ---- estimation ------------------------------------------------------- */

/* Match rates on the diagonal (mostly translations) and off it (mostly
 * not), shrunk towards typical values so that tiny documents stay sane. */
static void estimate_initial(model_t *m)
{
    double kt = 0, nt_ = 0, kr = 0, pr = 0;
    for (size_t i = 0; i < m->ns; i++) {
        size_t jd = (size_t)((double)i * (double)m->nt / (double)m->ns);
        double na = (double)(m->ts[0][i + 1] - m->ts[0][i]);
        for (size_t j = jd > 3 ? jd - 3 : 0; j < m->nt && j <= jd + 3; j++) {
            double nb = (double)(m->ts[1][j + 1] - m->ts[1][j]);
            double k = matches(m, i, 1, j, 1);
            if (j == jd) { kt += k; nt_ += (na + nb) / 2; }
            else { kr += k; pr += na * nb; }
        }
    }
    /* priors: 0.002 accidental matches per token pair, 40% of a
     * translation's tokens matched, worth 2000 pairs and 20 tokens */
    double r = (kr + 0.002 * 2000) / (pr + 2000);
    set_rates(m, (kt + 0.4 * 20) / (nt_ + 20), r);
}

/* Characters on each side of a bead. */
static void lengths(const model_t *m, const sl_bead *bd, double *l1, double *l2)
{
    *l1 = (double)(m->cs[0][bd->i0 + bd->ni] - m->cs[0][bd->i0]);
    *l2 = (double)(m->cs[1][bd->j0 + bd->nj] - m->cs[1][bd->j0]);
}

/* Re-estimates c, s2, mt and mr from the 1-1 beads of a first pass. */
static void estimate_from(model_t *m, const sl_beads *b)
{
    double kt = 0, nt_ = 0, l1s = 0, l2s = 0, dev = 0, cnt = 0;
    for (size_t x = 0; x < b->n; x++) {
        const sl_bead *bd = &b->v[x];
        if (bd->ni != 1 || bd->nj != 1)
            continue;
        double l1, l2;
        lengths(m, bd, &l1, &l2);
        l1s += l1;
        l2s += l2;
        kt += matches(m, bd->i0, 1, bd->j0, 1);
        nt_ += ((double)(m->ts[0][bd->i0 + 1] - m->ts[0][bd->i0]) +
                (double)(m->ts[1][bd->j0 + 1] - m->ts[1][bd->j0])) / 2;
        cnt++;
    }
    if (cnt == 0)
        return;
    double c = (l2s + m->c * 300) / (l1s + 300);
    for (size_t x = 0; x < b->n; x++) {
        const sl_bead *bd = &b->v[x];
        if (bd->ni != 1 || bd->nj != 1)
            continue;
        double l1, l2;
        lengths(m, bd, &l1, &l2);
        double mean = (l1 + l2 / c) / 2;
        if (mean >= 1)
            dev += (l2 - c * l1) * (l2 - c * l1) / mean;
    }
    m->c = c;
    /* 3.0: the pooled variance per character of the ID-EN dev gold */
    m->s2 = (dev + 3.0 * 10) / (cnt + 10);
    set_rates(m, (kt + m->mt * 20) / (nt_ + 20), m->mr);
}

/* Confidence that a bead is right, from its own evidence with even prior
 * odds: the logistic of its length and lexical log-likelihood ratios (the
 * type prior left out, so a pair the path forced through with no shared
 * words scores low even though deleting both would cost more). For an
 * unaligned sentence: one minus the best such score of pairing it with a
 * neighbour. */
static double evidence(const model_t *m, size_t i0, int a, size_t j0, int b)
{
    double e = m->prior[a][b] - bead_cost(m, i0, a, j0, b);
    return 1.0 / (1.0 + exp(-e));
}

static void confidences(const model_t *m, sl_beads *b)
{
    for (size_t x = 0; x < b->n; x++) {
        sl_bead *bd = &b->v[x];
        if (bd->ni && bd->nj) {
            bd->conf = evidence(m, bd->i0, (int)bd->ni, bd->j0, (int)bd->nj);
            continue;
        }
        int side = bd->ni ? 0 : 1;
        size_t k = side == 0 ? bd->i0 : bd->j0, other = side == 0 ? m->nt : m->ns;
        size_t near = side == 0 ? bd->j0 : bd->i0;
        double best = 0;
        for (size_t y = near > 2 ? near - 2 : 0; y < other && y <= near + 2; y++) {
            double c = side == 0 ? evidence(m, k, 1, y, 1) : evidence(m, y, 1, k, 1);
            if (c > best)
                best = c;
        }
        bd->conf = 1.0 - best;
    }
}

int sl_align(const sl_aligner *al, const sl_span *src, size_t ns, const sl_span *tgt, size_t nt,
             sl_beads *out, sl_error *err)
{
    sl_docfeat f;
    model_t m = { 0 };
    dp_t p = { 0 };
    int rc = SL_OK;
    out->n = 0;
    if (ns == 0 && nt == 0)
        return SL_OK;
    if (sl_feat_extract(al->feat, src, ns, tgt, nt, &f, err))
        return err ? err->code : SL_ENOMEM;
    m.f = &f;
    m.ns = ns;
    m.nt = nt;
    m.maxw = al->o.max_side;
    set_priors(&m);
    for (int s = 0; s < 2; s++) {
        size_t n = s ? nt : ns;
        m.cs[s] = malloc((n + 1) * sizeof *m.cs[s]);
        m.ts[s] = malloc((n + 1) * sizeof *m.ts[s]);
        if (!m.cs[s] || !m.ts[s])
            goto nomem;
        m.cs[s][0] = m.ts[s][0] = 0;
        for (size_t i = 0; i < n; i++) {
            m.cs[s][i + 1] = m.cs[s][i] + f.sent[s][i].chars;
            m.ts[s][i + 1] = m.ts[s][i] + f.sent[s][i].weight;
        }
    }
    /* The ratio of the totals estimates c only when the two sides hold
     * about as many sentences; otherwise start from the prior and let the
     * 1-1 beads of the first pass correct it. */
    double S = (double)m.cs[0][ns], T = (double)m.cs[1][nt];
    size_t big = ns > nt ? ns : nt, small = ns > nt ? nt : ns;
    m.c = small * 5 >= big * 4 ? (T + al->c0 * 300) / (S + 300) : al->c0;
    m.s2 = 3.0;
    /* the whole matrix for documents, a band around the diagonal for long
     * inputs so that memory stays linear */
    size_t w = al->o.band > 0 ? (size_t)al->o.band : 0;
    if (w == 0)
        w = (ns + 1) * (nt + 1) <= (1u << 22) ? (ns > nt ? ns : nt)
            : 100 + (ns > nt ? ns - nt : nt - ns);
    if (dp_band(&p, ns, nt, w))
        goto nomem;
    m.dp = &p;
    size_t ncache = p.off[ns + 1] * (size_t)(m.maxw + 1) * (size_t)(m.maxw + 1);
    if (ncache <= (1u << 26) && (m.kc = malloc(ncache * sizeof *m.kc)))
        for (size_t x = 0; x < ncache; x++)
            m.kc[x] = -1.0f;
    if (ns && nt)
        estimate_initial(&m);
    else
        set_rates(&m, 0.4, 0.002);

    for (int pass = 0; pass < 2; pass++) {
        int r = run_dp(&m, &p, out);
        if (r == -1)
            goto nomem;
        if (r == -2) {
            rc = sl_error_set(err, SL_EINTERNAL, NULL, 0, -1, "no alignment path in the band");
            goto cleanup;
        }
        if (pass == 0)
            estimate_from(&m, out);
    }
    confidences(&m, out);
    goto cleanup;
nomem:
    rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
cleanup:
    dp_free(&p);
    free(m.kc);
    for (int s = 0; s < 2; s++) {
        free(m.cs[s]);
        free(m.ts[s]);
    }
    sl_docfeat_free(&f);
    return rc;
}
