/* test_align.c — the aligner on small documents written for these tests:
 * every bead type, empty and lopsided sides, swapped order, identical
 * inputs, a long banded input and concurrent use. */
#include "tests.h"
#include "selaras/align.h"
#include "../src/match.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parallel sentences from several fields; ID[k] translates EN[k]. */
static const char *const ID[] = {
    "Penelitian ini menganalisis pengaruh suku bunga terhadap inflasi di Indonesia pada periode 2010 sampai 2020.",
    "Data sekunder diperoleh dari Bank Indonesia dan Badan Pusat Statistik.",
    "Metode yang digunakan adalah regresi linear berganda dengan uji asumsi klasik.",
    "Hasil penelitian menunjukkan bahwa suku bunga berpengaruh signifikan terhadap inflasi dengan koefisien 0,45.",
    "Sebanyak 120 pasien diabetes melitus tipe 2 di Rumah Sakit Umum Daerah Malang menjadi responden.",
    "Kadar glukosa darah diukur sebelum dan sesudah intervensi selama 12 minggu.",
    "Rata-rata kadar glukosa turun dari 210 mg/dL menjadi 156 mg/dL.",
    "Sistem informasi geografis digunakan untuk memetakan risiko banjir di Kabupaten Bandung.",
    "Model jaringan saraf tiruan mencapai akurasi 92,3% pada data uji.",
    "Pasal 33 UUD 1945 menjadi dasar hukum penguasaan sumber daya alam oleh negara.",
    "Wawancara mendalam dilakukan dengan 15 guru sekolah dasar di Yogyakarta.",
    "Produktivitas padi meningkat sebesar 18% setelah penerapan irigasi tetes.",
};
static const char *const EN[] = {
    "This study analyses the effect of interest rates on inflation in Indonesia in the period 2010 to 2020.",
    "Secondary data were obtained from Bank Indonesia and Statistics Indonesia.",
    "The method used is multiple linear regression with classical assumption tests.",
    "The results show that the interest rate has a significant effect on inflation with a coefficient of 0.45.",
    "A total of 120 patients with type 2 diabetes mellitus at the Malang Regional General Hospital were respondents.",
    "Blood glucose levels were measured before and after the intervention for 12 weeks.",
    "The mean glucose level fell from 210 mg/dL to 156 mg/dL.",
    "A geographic information system was used to map flood risk in Bandung Regency.",
    "The artificial neural network model achieved an accuracy of 92.3% on the test data.",
    "Article 33 of the 1945 Constitution is the legal basis for state control of natural resources.",
    "In-depth interviews were conducted with 15 primary school teachers in Yogyakarta.",
    "Rice productivity increased by 18% after the application of drip irrigation.",
};
#define N (sizeof ID / sizeof *ID)

static sl_aligner *al;
static const sl_lexicon *lex;

static int init(void)
{
    sl_error err;
    lex = test_lexicon();
    sl_align_opts o;
    sl_align_opts_default(&o);
    al = sl_aligner_new(&o, lex, &err);
    return al ? 0 : -1;
}

static int clean(void)
{
    sl_aligner_free(al);
    return 0;
}

/* A document built from pieces: each piece is a list of ID indices and a
 * list of EN indices whose text is joined into one sentence per side. */
typedef struct {
    sl_span src[64], tgt[64];
    char buf[2][64][1024];
    size_t ns, nt;
} doc_t;

static void add(doc_t *d, int side, const int *idx, int n)
{
    char *b = d->buf[side][side ? d->nt : d->ns];
    b[0] = '\0';
    for (int k = 0; k < n; k++) {
        if (k)
            strcat(b, " ");
        strcat(b, side ? EN[idx[k]] : ID[idx[k]]);
    }
    sl_span *sp = side ? &d->tgt[d->nt++] : &d->src[d->ns++];
    sp->s = b;
    sp->len = strlen(b);
}

/* Formats beads as "i-j i-j ..." with "+" joining a side's indices and "_"
 * for an empty side, e.g. "0-0 1+2-1 3-_". */
static const char *fmt(const sl_beads *b)
{
    static char out[4096];
    size_t o = 0;
    for (size_t k = 0; k < b->n; k++) {
        const sl_bead *x = &b->v[k];
        if (k) out[o++] = ' ';
        if (x->ni == 0) out[o++] = '_';
        for (size_t i = 0; i < x->ni; i++)
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%zu", i ? "+" : "", x->i0 + i);
        out[o++] = '-';
        if (x->nj == 0) out[o++] = '_';
        for (size_t j = 0; j < x->nj; j++)
            o += (size_t)snprintf(out + o, sizeof out - o, "%s%zu", j ? "+" : "", x->j0 + j);
    }
    out[o] = '\0';
    return out;
}

static void expect(const doc_t *d, const char *want)
{
    sl_beads b = { 0 };
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_align(al, d->src, d->ns, d->tgt, d->nt, &b, &err), SL_OK);
    const char *got = fmt(&b);
    if (strcmp(got, want) != 0)
        printf("\n  want %s\n  got  %s", want, got);
    CU_ASSERT_STRING_EQUAL(got, want);
    for (size_t k = 0; k < b.n; k++)
        CU_ASSERT(b.v[k].conf >= 0.0 && b.v[k].conf <= 1.0);
    sl_beads_free(&b);
}

#define ONE(...) ((const int[]){ __VA_ARGS__ }), (int)(sizeof((const int[]){ __VA_ARGS__ }) / sizeof(int))

static void test_one_to_one(void)
{
    doc_t d = { 0 };
    for (int k = 0; k < 6; k++) {
        add(&d, 0, ONE(k));
        add(&d, 1, ONE(k));
    }
    expect(&d, "0-0 1-1 2-2 3-3 4-4 5-5");
}

static void test_deletion_and_insertion(void)
{
    doc_t d = { 0 };
    /* ID 2 has no English; EN 4 (from sentence 9) has no Indonesian */
    int src[] = { 0, 1, 2, 3, 4, 5 }, tgt[] = { 0, 1, 3, 4, 9, 5 };
    for (int k = 0; k < 6; k++) add(&d, 0, ONE(src[k]));
    for (int k = 0; k < 6; k++) add(&d, 1, ONE(tgt[k]));
    expect(&d, "0-0 1-1 2-_ 3-2 4-3 _-4 5-5");
}

static void test_merges(void)
{
    doc_t d = { 0 };
    /* 2-1: EN joins ID 1 and 2; 1-2: ID joins EN 4 and 5; 2-2 crossing */
    for (int k = 0; k < 8; k++) add(&d, 0, ONE(k));
    add(&d, 0, ONE(8, 9)); /* ID 8 holds two sentences */
    add(&d, 0, ONE(10));
    add(&d, 1, ONE(0));
    add(&d, 1, ONE(1, 2));
    for (int k = 3; k < 8; k++) add(&d, 1, ONE(k));
    add(&d, 1, ONE(8));
    add(&d, 1, ONE(9));
    add(&d, 1, ONE(10));
    expect(&d, "0-0 1+2-1 3-2 4-3 5-4 6-5 7-6 8-7+8 9-9");
}

static void test_two_two(void)
{
    doc_t d = { 0 };
    /* ID: [0] [1+2(first half)] ... built as 2-2: ID 1 = "1 2a", ID 2 = "2b 3"
     * is hard to write; instead EN splits the same two sentences differently:
     * ID (1)(2+3) against EN (1+2)(3). */
    add(&d, 0, ONE(0));
    add(&d, 0, ONE(1));
    add(&d, 0, ONE(2, 3));
    add(&d, 0, ONE(4));
    add(&d, 1, ONE(0));
    add(&d, 1, ONE(1, 2));
    add(&d, 1, ONE(3));
    add(&d, 1, ONE(4));
    expect(&d, "0-0 1+2-1+2 3-3");
}

static void test_three_one(void)
{
    doc_t d = { 0 };
    add(&d, 0, ONE(0));
    add(&d, 0, ONE(4));
    add(&d, 0, ONE(5));
    add(&d, 0, ONE(6));
    add(&d, 0, ONE(7));
    add(&d, 1, ONE(0));
    add(&d, 1, ONE(4, 5, 6));
    add(&d, 1, ONE(7));
    expect(&d, "0-0 1+2+3-1 4-2");
}

static void test_empty_side(void)
{
    doc_t d = { 0 };
    add(&d, 1, ONE(0));
    add(&d, 1, ONE(1));
    expect(&d, "_-0 _-1");
    doc_t e = { 0 };
    add(&e, 0, ONE(3));
    expect(&e, "0-_");
}

static void test_lopsided(void)
{
    doc_t d = { 0 };
    /* one Indonesian sentence against eight English ones */
    add(&d, 0, ONE(6));
    for (int k = 0; k < 8; k++) add(&d, 1, ONE(k));
    expect(&d, "_-0 _-1 _-2 _-3 _-4 _-5 0-6 _-7");
}

static void test_swapped(void)
{
    doc_t d = { 0 };
    add(&d, 0, ONE(4));
    add(&d, 0, ONE(9));
    add(&d, 1, ONE(9));
    add(&d, 1, ONE(4));
    /* no monotone alignment pairs both 1-1: the best one is a 2-2 bead
     * holding both translations, or one true pair with the other two
     * sentences left out; never 4 paired with 9 */
    sl_beads b = { 0 };
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_align(al, d.src, d.ns, d.tgt, d.nt, &b, &err), SL_OK);
    const char *got = fmt(&b);
    int ok = strcmp(got, "0+1-0+1") == 0 || strcmp(got, "0-_ 1-0 _-1") == 0 ||
             strcmp(got, "_-0 0-1 1-_") == 0;
    if (!ok)
        printf("\n  swapped: got %s", got);
    CU_ASSERT(ok);
    sl_beads_free(&b);
}

static void test_identical(void)
{
    sl_align_opts o;
    sl_align_opts_default(&o);
    o.src_lang = "en";
    sl_error err;
    sl_aligner *same = sl_aligner_new(&o, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(same);
    sl_span v[N];
    for (size_t k = 0; k < N; k++)
        v[k] = (sl_span){ EN[k], strlen(EN[k]) };
    sl_beads b = { 0 };
    CU_ASSERT_EQUAL_FATAL(sl_align(same, v, N, v, N, &b, &err), SL_OK);
    CU_ASSERT_EQUAL(b.n, N);
    for (size_t k = 0; k < b.n; k++) {
        CU_ASSERT(b.v[k].i0 == k && b.v[k].j0 == k && b.v[k].ni == 1 && b.v[k].nj == 1);
        CU_ASSERT(b.v[k].conf > 0.99);
    }
    sl_beads_free(&b);
    sl_aligner_free(same);
}

/* A long synthetic bitext: numbers make each pair unique. Exercises the
 * band (memory linear in the input) and checks the path stays exact. */
static void test_long_banded(void)
{
    enum { M = 3000 };
    sl_span *s = malloc(M * sizeof *s), *t = malloc(M * sizeof *t);
    char (*bs)[96] = malloc(M * sizeof *bs), (*bt)[96] = malloc(M * sizeof *bt);
    CU_ASSERT_FATAL(s && t && bs && bt);
    for (int k = 0; k < M; k++) {
        int a = (k * 7919) % 10007, c = (k * 104729) % 100003;
        snprintf(bs[k], sizeof bs[k], "Sampel %d diambil dari desa nomor %d pada tahun %d.", a, c, 1900 + k % 120);
        snprintf(bt[k], sizeof bt[k], "Sample %d was taken from village number %d in %d.", a, c, 1900 + k % 120);
        s[k] = (sl_span){ bs[k], strlen(bs[k]) };
        t[k] = (sl_span){ bt[k], strlen(bt[k]) };
    }
    sl_align_opts o;
    sl_align_opts_default(&o);
    o.band = 30;
    sl_error err;
    sl_aligner *a = sl_aligner_new(&o, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    sl_beads b = { 0 };
    /* drop one target sentence so the path must leave the diagonal */
    memmove(&t[1500], &t[1501], (M - 1501) * sizeof *t);
    CU_ASSERT_EQUAL_FATAL(sl_align(a, s, M, t, M - 1, &b, &err), SL_OK);
    size_t right = 0;
    for (size_t k = 0; k < b.n; k++) {
        const sl_bead *x = &b.v[k];
        if (x->ni == 1 && x->nj == 1 && x->j0 == (x->i0 < 1500 ? x->i0 : x->i0 - 1))
            right++;
        if (x->ni == 1 && x->nj == 0)
            CU_ASSERT_EQUAL(x->i0, 1500);
    }
    CU_ASSERT_EQUAL(right, M - 1);
    sl_beads_free(&b);
    sl_aligner_free(a);
    free(s); free(t); free(bs); free(bt);
}

/* One aligner, many threads: the same answer in each. */
static void test_threads(void)
{
    doc_t d = { 0 };
    for (int k = 0; k < 12; k++) {
        add(&d, 0, ONE(k));
        if (k != 7) add(&d, 1, ONE(k));
    }
    char want[4096];
    sl_beads b = { 0 };
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_align(al, d.src, d.ns, d.tgt, d.nt, &b, &err), SL_OK);
    snprintf(want, sizeof want, "%s", fmt(&b));
    sl_beads_free(&b);
    int bad = 0;
#pragma omp parallel for num_threads(4) reduction(+ : bad)
    for (int r = 0; r < 64; r++) {
        sl_beads mine = { 0 };
        sl_error e;
        if (sl_align(al, d.src, d.ns, d.tgt, d.nt, &mine, &e) != SL_OK || mine.n != 11 + 1)
            bad++;
        sl_beads_free(&mine);
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(want, "7-_"));
}

static void test_bad_options(void)
{
    sl_align_opts o;
    sl_align_opts_default(&o);
    o.max_side = 9;
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_aligner_new(&o, NULL, &err));
    CU_ASSERT_EQUAL(err.code, SL_EUSAGE);
}



/* ---- the linear-time engine ------------------------------------------- */

/* A long synthetic bitext: sentence k says its numbers in both languages,
 * so every pair is unique and the right path is known. */
typedef struct {
    sl_span *s, *t;
    char (*bs)[112], (*bt)[112];
    size_t ns, nt;
} bitext_t;

static void bitext_make(bitext_t *b, size_t n)
{
    b->s = malloc(n * sizeof *b->s);
    b->t = malloc(n * sizeof *b->t);
    b->bs = malloc(n * sizeof *b->bs);
    b->bt = malloc(n * sizeof *b->bt);
    CU_ASSERT_FATAL(b->s && b->t && b->bs && b->bt);
    for (size_t k = 0; k < n; k++) {
        unsigned a = (unsigned)(k * 7919 % 10007), c = (unsigned)(k * 104729 % 100003);
        snprintf(b->bs[k], sizeof b->bs[k], "Sampel %u diambil dari desa nomor %u pada tahun %u.",
                 a, c, 1900 + (unsigned)(k % 120));
        snprintf(b->bt[k], sizeof b->bt[k], "Sample %u was taken from village number %u in %u.", a,
                 c, 1900 + (unsigned)(k % 120));
        b->s[k] = (sl_span){ b->bs[k], strlen(b->bs[k]) };
        b->t[k] = (sl_span){ b->bt[k], strlen(b->bt[k]) };
    }
    b->ns = b->nt = n;
}

/* Removes target sentences [from, from+count). */
static void bitext_cut(bitext_t *b, size_t from, size_t count)
{
    memmove(&b->t[from], &b->t[from + count], (b->nt - from - count) * sizeof *b->t);
    b->nt -= count;
}

static void bitext_free(bitext_t *b)
{
    free(b->s);
    free(b->t);
    free(b->bs);
    free(b->bt);
}

static sl_aligner *plain_aligner(int segment)
{
    sl_align_opts o;
    sl_align_opts_default(&o);
    o.segment = segment;
    sl_error err;
    sl_aligner *a = sl_aligner_new(&o, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL(a);
    return a;
}

/* A large omission far from the diagonal: the band follows the path (no
 * "no path in the band"), and every sentence lands right. */
static void test_large_omission(void)
{
    bitext_t b;
    bitext_make(&b, 4000);
    bitext_cut(&b, 1500, 600);
    sl_aligner *a = plain_aligner(0);
    sl_beads out = { 0 };
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_align(a, b.s, b.ns, b.t, b.nt, &out, &err), SL_OK);
    size_t right = 0, dropped = 0;
    for (size_t k = 0; k < out.n; k++) {
        const sl_bead *x = &out.v[k];
        if (x->ni == 1 && x->nj == 1 && x->j0 == (x->i0 < 1500 ? x->i0 : x->i0 - 600))
            right++;
        if (x->ni == 1 && x->nj == 0 && x->i0 >= 1500 && x->i0 < 2100)
            dropped++;
    }
    CU_ASSERT_EQUAL(right, 3400);
    CU_ASSERT_EQUAL(dropped, 600);
    CU_ASSERT_EQUAL(out.n, 4000);
    sl_beads_free(&out);
    sl_aligner_free(a);
    bitext_free(&b);
}

/* Segments cut at anchors and searched apart join into exactly the path
 * of one search over the whole band: the same beads. (The first pass,
 * which only estimates the model, is cut at points of the coarse path, so
 * its estimates, and the confidences with them, may differ in the last
 * digits with the segment size, a constant: never with the threads.) */
static void test_segments_join_exactly(void)
{
    bitext_t b;
    bitext_make(&b, 6000);
    for (size_t k = 0; k < 40; k++) /* scattered omissions */
        bitext_cut(&b, 100 + k * 140, 1 + k % 3);
    sl_aligner *one = plain_aligner(1 << 30), *many = plain_aligner(300);
    sl_beads x = { 0 }, y = { 0 };
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_align(one, b.s, b.ns, b.t, b.nt, &x, &err), SL_OK);
    CU_ASSERT_EQUAL_FATAL(sl_align(many, b.s, b.ns, b.t, b.nt, &y, &err), SL_OK);
    CU_ASSERT_EQUAL_FATAL(x.n, y.n);
    size_t same = 0;
    double most = 0;
    for (size_t k = 0; k < x.n; k++) {
        same += x.v[k].i0 == y.v[k].i0 && x.v[k].ni == y.v[k].ni && x.v[k].j0 == y.v[k].j0 &&
                x.v[k].nj == y.v[k].nj;
        if (fabs(x.v[k].conf - y.v[k].conf) > most)
            most = fabs(x.v[k].conf - y.v[k].conf);
    }
    CU_ASSERT_EQUAL(same, x.n);
    printf("\n  most a confidence moved: %.2g", most);
    CU_ASSERT(most < 1e-3);
    sl_beads_free(&x);
    sl_beads_free(&y);
    sl_aligner_free(one);
    sl_aligner_free(many);
    bitext_free(&b);
}

/* Degenerate inputs finish, in bounded memory, with a sensible answer:
 * 20,000 lines against 5, one line 10,000 times, a 2 MB line. */
static void test_degenerate_inputs(void)
{
    bitext_t b;
    bitext_make(&b, 20000);
    sl_aligner *a = plain_aligner(0);
    sl_beads out = { 0 };
    sl_error err;
    /* the 5 target lines translate source lines 10000..10004 */
    CU_ASSERT_EQUAL_FATAL(sl_align(a, b.s, 20000, b.t + 10000, 5, &out, &err), SL_OK);
    size_t pairs = 0;
    for (size_t k = 0; k < out.n; k++)
        if (out.v[k].ni == 1 && out.v[k].nj == 1 && out.v[k].i0 == 10000 + out.v[k].j0)
            pairs++;
    CU_ASSERT_EQUAL(pairs, 5);
    /* one line repeated */
    for (size_t k = 0; k < 10000; k++) {
        b.s[k] = b.s[0];
        b.t[k] = b.t[0];
    }
    CU_ASSERT_EQUAL_FATAL(sl_align(a, b.s, 10000, b.t, 10000, &out, &err), SL_OK);
    CU_ASSERT_EQUAL(out.n, 10000);
    /* an over-long line: its first words stand for it */
    size_t big = 2u << 20;
    char *ls = malloc(big + 1), *lt = malloc(big + 1);
    CU_ASSERT_FATAL(ls && lt);
    for (size_t k = 0; k < big; k++) {
        ls[k] = "kata desa sampel "[k % 17];
        lt[k] = "word village sample "[k % 20];
    }
    sl_span sa = { ls, big }, ta = { lt, big };
    CU_ASSERT_EQUAL(sl_align(a, &sa, 1, &ta, 1, &out, &err), SL_OK);
    CU_ASSERT(out.n >= 1 && out.n <= 2);
    free(ls);
    free(lt);
    sl_beads_free(&out);
    sl_aligner_free(a);
    bitext_free(&b);
}

/* The aligner's matching (edges from the target index, greedy over them)
 * gives the numbers of the plain quadratic definition, for every bead. */
static void test_matches_as_defined(void)
{
    sl_error err;
    sl_featcfg *cfg = sl_featcfg_new("id", "en", lex, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    sl_span s[N], t[N];
    for (size_t k = 0; k < N; k++) {
        s[k] = (sl_span){ ID[k], strlen(ID[k]) };
        t[k] = (sl_span){ EN[(k * 5) % N], strlen(EN[(k * 5) % N]) }; /* shuffled */
    }
    sl_docfeat f;
    CU_ASSERT_EQUAL_FATAL(sl_feat_extract(cfg, NULL, s, N, t, N, &f, &err), SL_OK);
    sl_matchrows m = { 0 };
    size_t c0[N], c1[N];
    for (size_t k = 0; k < N; k++) {
        c0[k] = 0;
        c1[k] = N;
    }
    CU_ASSERT_EQUAL_FATAL(sl_match_rows(&m, &f, 0, N, c0, c1), 0);
    int bad = 0, nonzero = 0;
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j++)
            for (size_t a = 1; a <= 3 && i + a <= N; a++)
                for (size_t b = 1; b <= 3 && j + b <= N; b++) {
                    double fast = sl_match_bead(&m, &f, i, a, j, b);
                    double slow = sl_feat_matches(&f, i, a, j, b);
                    bad += fast < slow - 1e-12 || fast > slow + 1e-12;
                    nonzero += slow > 0;
                }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(nonzero > 100);
    sl_matchrows_free(&m);
    sl_docfeat_free(&f);
    sl_featcfg_free(cfg);
}

/* ---- the figures on the gold sets of ../shared/data/align -------------- */

#include "selaras/aligneval.h"
#include "selaras/text.h"

/* Aligns one gold document pair (one sentence per line) and adds its
 * score; returns 0, or -1 when a file is missing. */
/* The confidences of a set's beads, by tenths, and whether each was right. */
static struct {
    double n[10], conf[10], ok[10];
    int low11;
} calib;

static int score_pair(const char *src, const char *tgt, const char *gold, sl_aligneval *acc)
{
    sl_text ts, tt, tg;
    sl_error err;
    if (sl_text_load(src, NULL, &ts, &err))
        return -1;
    if (sl_text_load(tgt, NULL, &tt, &err)) {
        sl_text_free(&ts);
        return -1;
    }
    if (sl_text_load(gold, NULL, &tg, &err)) {
        sl_text_free(&ts);
        sl_text_free(&tt);
        return -1;
    }
    sl_span v[2][256];
    size_t n[2] = { 0, 0 };
    const sl_text *side[2] = { &ts, &tt };
    for (int s = 0; s < 2; s++) {
        const char *p = side[s]->data, *end = p + side[s]->len;
        while (p < end && n[s] < 256) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *e = nl ? nl : end;
            if (e > p)
                v[s][n[s]++] = (sl_span){ p, (size_t)(e - p) };
            p = nl ? nl + 1 : end;
        }
    }
    sl_beads b = { 0 };
    sl_ebeads g, t = { 0 };
    int rc = sl_align(al, v[0], n[0], v[1], n[1], &b, &err);
    CU_ASSERT_EQUAL(rc, SL_OK);
    if (rc == SL_OK && sl_ebeads_parse(tg.data, tg.len, gold, &g, &err) == SL_OK) {
        t.v = calloc(b.n + 1, sizeof *t.v);
        for (size_t k = 0; t.v && k < b.n; k++) {
            sl_ebead *e = &t.v[t.n++];
            e->nsrc = b.v[k].ni;
            e->ntgt = b.v[k].nj;
            e->src = malloc((e->nsrc + 1) * sizeof *e->src);
            e->tgt = malloc((e->ntgt + 1) * sizeof *e->tgt);
            for (size_t i = 0; e->src && i < e->nsrc; i++) e->src[i] = b.v[k].i0 + i;
            for (size_t j = 0; e->tgt && j < e->ntgt; j++) e->tgt[j] = b.v[k].j0 + j;
        }
        sl_aligneval_add(acc, &g, &t);
        /* calibration: is each bead, with its confidence, a gold bead? */
        for (size_t k = 0; k < t.n; k++) {
            int ok = 0;
            for (size_t x = 0; x < g.n && !ok; x++)
                ok = g.v[x].nsrc == t.v[k].nsrc && g.v[x].ntgt == t.v[k].ntgt &&
                     (!g.v[x].nsrc || g.v[x].src[0] == t.v[k].src[0]) &&
                     (!g.v[x].ntgt || g.v[x].tgt[0] == t.v[k].tgt[0]);
            double c = b.v[k].conf;
            int bin = c >= 1 ? 9 : (int)(c * 10);
            calib.n[bin]++;
            calib.conf[bin] += c;
            calib.ok[bin] += ok;
            calib.low11 += ok && b.v[k].ni == 1 && b.v[k].nj == 1 && c < 0.5;
        }
        sl_ebeads_free(&g);
        sl_ebeads_free(&t);
    }
    sl_beads_free(&b);
    sl_text_free(&ts);
    sl_text_free(&tt);
    sl_text_free(&tg);
    return 0;
}

/* Expected calibration error over 10 bins: the confidences are
 * probabilities, so in each bin the share of right beads should match the
 * mean confidence. */
static double ece(void)
{
    double all = 0, e = 0;
    for (int k = 0; k < 10; k++)
        all += calib.n[k];
    for (int k = 0; k < 10; k++)
        if (calib.n[k] > 0)
            e += calib.n[k] / all * fabs(calib.ok[k] / calib.n[k] - calib.conf[k] / calib.n[k]);
    return e;
}

/* Strict F1 over a set: dir holds NNNN.src/.tgt/.gold (or, for pud,
 * sent/X.id, sent/X.en and gold/X.gold). */
static void check_set(const char *set, double min)
{
    const char *dir = test_data_path(set);
    if (!dir) {
        printf("\n  (skipped %s: ../shared/data not present)", set);
        return;
    }
    if (!lex)
        printf("\n  (FreeDict not installed: %s scored without a lexicon)", set);
    sl_aligneval acc;
    memset(&acc, 0, sizeof acc);
    memset(&calib, 0, sizeof calib);
    char s[2048], t[2048], g[2048];
    int docs = 0;
    if (strstr(set, "pud")) {
        char list[1024];
        snprintf(list, sizeof list, "%s/documents.tsv", dir);
        FILE *f = fopen(list, "r");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        char line[256];
        while (fgets(line, sizeof line, f)) {
            char *tab = strchr(line, '\t');
            if (!tab || strncmp(line, "doc_id", 6) == 0)
                continue;
            *tab = '\0';
            snprintf(s, sizeof s, "%s/sent/%s.id", dir, line);
            snprintf(t, sizeof t, "%s/sent/%s.en", dir, line);
            snprintf(g, sizeof g, "%s/gold/%s.gold", dir, line);
            docs += score_pair(s, t, g, &acc) == 0;
        }
        fclose(f);
    } else if (strstr(set, "seed")) {
        snprintf(s, sizeof s, "%s/seed.id.sent", dir);
        snprintf(t, sizeof t, "%s/seed.en.sent", dir);
        snprintf(g, sizeof g, "%s/seed.gold", dir);
        docs += score_pair(s, t, g, &acc) == 0;
    } else {
        for (int k = 0; k < 10000; k++) {
            snprintf(s, sizeof s, "%s/%04d.src", dir, k);
            snprintf(t, sizeof t, "%s/%04d.tgt", dir, k);
            snprintf(g, sizeof g, "%s/%04d.gold", dir, k);
            if (score_pair(s, t, g, &acc) != 0)
                break;
            docs++;
        }
    }
    double p, r, f1;
    sl_aligneval_prf(&acc, 0, &p, &r, &f1);
    printf("\n  %-14s %4d docs  strict P %.4f R %.4f F1 %.4f (min %.3f)  ECE %.3f, right 1-1 "
           "below 0.5: %d",
           set, docs, p, r, f1, min, ece(), calib.low11);
    CU_ASSERT(docs > 0);
    CU_ASSERT(f1 >= min);
    CU_ASSERT(ece() <= 0.05);
}

static void test_gold_figures(void)
{
    /* without FreeDict the lexicon-free figures apply */
    check_set("align/seed", 1.0);
    check_set("align/pud", lex ? 0.995 : 0.99);
    check_set("align/panl-dev", lex ? 0.975 : 0.92);
    check_set("align/ted-dev", lex ? 0.985 : 0.94);
}

int test_align_register(void)
{
    CU_pSuite s = CU_add_suite("align", init, clean);
    if (!s || !CU_add_test(s, "1-1", test_one_to_one) ||
        !CU_add_test(s, "1-0 and 0-1", test_deletion_and_insertion) ||
        !CU_add_test(s, "2-1 and 1-2", test_merges) || !CU_add_test(s, "2-2", test_two_two) ||
        !CU_add_test(s, "3-1", test_three_one) || !CU_add_test(s, "empty side", test_empty_side) ||
        !CU_add_test(s, "one side much longer", test_lopsided) ||
        !CU_add_test(s, "swapped order", test_swapped) ||
        !CU_add_test(s, "identical inputs", test_identical) ||
        !CU_add_test(s, "long input in a band", test_long_banded) ||
        !CU_add_test(s, "a large omission off the diagonal", test_large_omission) ||
        !CU_add_test(s, "segments join exactly", test_segments_join_exactly) ||
        !CU_add_test(s, "degenerate inputs", test_degenerate_inputs) ||
        !CU_add_test(s, "matches as defined", test_matches_as_defined) ||
        !CU_add_test(s, "threads", test_threads) ||
        !CU_add_test(s, "bad options", test_bad_options) ||
        !CU_add_test(s, "gold figures", test_gold_figures))
        return -1;
    return 0;
}
