/* test_pipeline.c — whole records through splitters and aligner: the ten
 * sample records against the ground truth in samples/README.md, and the
 * seed record against the seed gold sentences. */
#include "tests.h"
#include "selaras/pipeline.h"
#include "selaras/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sl_pipe *pipe_;
static const sl_lexicon *lex;

static int init(void)
{
    sl_error err;
    lex = test_lexicon();
    sl_pipe_opts o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.align);
    pipe_ = sl_pipe_new(&o, lex, &err);
    return pipe_ ? 0 : -1;
}

static int clean(void)
{
    sl_pipe_free(pipe_);
    return 0;
}

static int run_record(const char *path, sl_doc *d)
{
    sl_text t;
    sl_error err;
    if (sl_text_load(path, NULL, &t, &err))
        return -1;
    int rc = sl_pipe_record(pipe_, NULL, path, t.data, t.len, d, &err);
    sl_text_free(&t);
    return rc;
}

/* The sentence beads of d in the README's notation: 1-based, "+" joining,
 * "0" for an empty side: "1-1 2-2 5-5+6 6-0". */
static void notation(const sl_doc *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t u = 0; u < d->nunits; u++) {
        const sl_bead *b = &d->units[u].bead;
        if (d->units[u].kind != SL_UNIT_SENTENCE)
            continue;
        if (o)
            o += (size_t)snprintf(out + o, cap - o, " ");
        if (!b->ni)
            o += (size_t)snprintf(out + o, cap - o, "0");
        for (size_t i = 0; i < b->ni; i++)
            o += (size_t)snprintf(out + o, cap - o, "%s%zu", i ? "+" : "", b->i0 + i + 1);
        o += (size_t)snprintf(out + o, cap - o, "-");
        if (!b->nj)
            o += (size_t)snprintf(out + o, cap - o, "0");
        for (size_t j = 0; j < b->nj; j++)
            o += (size_t)snprintf(out + o, cap - o, "%s%zu", j ? "+" : "", b->j0 + j + 1);
    }
}

static void test_samples(void)
{
    FILE *f = fopen("../samples/README.md", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[2048];
    int records = 0, right = 0;
    while (fgets(line, sizeof line, f)) {
        /* "- `001_law`: 1-1 2-2 ..." */
        char name[128], want[1024];
        if (sscanf(line, "- `%127[^`]`: %1023[^\n]", name, want) != 2)
            continue;
        char path[512], got[1024];
        snprintf(path, sizeof path, "../samples/%s.txt", name);
        sl_doc d;
        CU_ASSERT_EQUAL_FATAL(run_record(path, &d), SL_OK);
        notation(&d, got, sizeof got);
        records++;
        if (strcmp(got, want) == 0)
            right++;
        else
            printf("\n  %s\n    want %s\n    got  %s", name, want, got);
        CU_ASSERT(d.nunits > 0 && d.units[0].kind == SL_UNIT_TITLE);
        sl_doc_free(&d);
    }
    fclose(f);
    CU_ASSERT_EQUAL(records, 10);
    CU_ASSERT_EQUAL(right, records);
}

/* The seed: a title unit and 11 sentence units, each pairing the gold
 * sentences of ../shared/data/align/seed line by line. */
static void test_seed(void)
{
    const char *rec = test_shared_path("seeds/000_6b2a9478b39344eb.txt");
    const char *ids = test_data_path("align/seed/seed.id.sent");
    const char *ens = test_data_path("align/seed/seed.en.sent");
    if (!rec || !ids || !ens) {
        printf("\n  (skipped: ../shared not present)");
        return;
    }
    sl_doc d;
    CU_ASSERT_EQUAL_FATAL(run_record(rec, &d), SL_OK);
    CU_ASSERT_EQUAL_FATAL(d.nunits, 12);
    CU_ASSERT_EQUAL(d.units[0].kind, SL_UNIT_TITLE);
    CU_ASSERT_STRING_EQUAL(d.units[0].tgt, "City diplomacy implementation on Indonesia's foreign policy");
    FILE *fi = fopen(ids, "r"), *fe = fopen(ens, "r");
    CU_ASSERT_FATAL(fi && fe);
    char a[4096], b[4096];
    for (size_t u = 1; u < d.nunits; u++) {
        CU_ASSERT_FATAL(fgets(a, sizeof a, fi) && fgets(b, sizeof b, fe));
        a[strcspn(a, "\n")] = b[strcspn(b, "\n")] = '\0';
        CU_ASSERT_EQUAL(d.units[u].bead.ni, 1);
        CU_ASSERT_EQUAL(d.units[u].bead.nj, 1);
        CU_ASSERT_STRING_EQUAL(d.units[u].src, a);
        CU_ASSERT_STRING_EQUAL(d.units[u].tgt, b);
    }
    fclose(fi);
    fclose(fe);
    sl_doc_free(&d);
}

static void test_pair(void)
{
    const char *id = "Penelitian ini dilakukan di Bogor pada 2021. Hasilnya 87,5% responden puas.";
    const char *en = "This research was conducted in Bogor in 2021. As a result 87.5% of respondents were satisfied.";
    sl_doc d;
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pipe_, NULL, "pair", id, strlen(id), en, strlen(en), &d, &err),
                          SL_OK);
    CU_ASSERT_EQUAL(d.nunits, 2);
    CU_ASSERT_EQUAL(d.nsent[0], 2);
    CU_ASSERT_STRING_EQUAL(d.units[1].src, "Hasilnya 87,5% responden puas.");
    sl_doc_free(&d);
}

/* Headings and keyword labels both sides have in the same order anchor the
 * alignment: a pre-split heading line is a 1-1 unit of its own and no unit
 * reaches across it, even where one side left sentences untranslated. */
static void test_anchors(void)
{
    const char *id = "Pendahuluan\n"
                     "Banjir rob merendam pesisir utara Jawa setiap tahun.\n"
                     "Pemerintah daerah telah membangun tanggul sepanjang 12 kilometer.\n"
                     "Namun penurunan muka tanah terus berlangsung.\n"
                     "Metode Penelitian\n"
                     "Data elevasi diukur dengan GPS di 40 titik.\n"
                     "Laju penurunan dihitung per tahun.\n"
                     "Kata kunci: banjir rob, penurunan tanah\n";
    const char *en = "Introduction\n"
                     "Tidal floods inundate the northern coast of Java every year.\n"
                     "Methods\n"
                     "Elevation data were measured with GPS at 40 points.\n"
                     "The subsidence rate was computed per year.\n"
                     "Keywords: tidal flood, land subsidence\n";
    sl_pipe_opts o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.align);
    o.presplit = 1;
    sl_error err;
    sl_pipe *pp = sl_pipe_new(&o, lex, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pp);
    sl_doc d;
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pp, NULL, "p", id, strlen(id), en, strlen(en), &d, &err), SL_OK);
    int heading = 0, label = 0;
    for (size_t u = 0; u < d.nunits; u++) {
        const sl_bead *b = &d.units[u].bead;
        /* lines 4 (ID) and 2 (EN) are the methods headings */
        int before_i = b->ni && b->i0 + b->ni <= 4, after_i = b->ni && b->i0 > 4;
        int before_j = b->nj && b->j0 + b->nj <= 2, after_j = b->nj && b->j0 > 2;
        CU_ASSERT(!(before_i && after_j) && !(after_i && before_j));
        CU_ASSERT(!b->ni || b->i0 + b->ni <= 4 || b->i0 >= 4);
        CU_ASSERT(!b->nj || b->j0 + b->nj <= 2 || b->j0 >= 2);
        if (b->ni == 1 && b->i0 == 4 && b->nj == 1 && b->j0 == 2 && b->conf == 1.0)
            heading++;
        if (b->ni == 1 && b->i0 == 7 && b->nj == 1 && b->j0 == 5)
            label++;
    }
    CU_ASSERT_EQUAL(heading, 1);
    CU_ASSERT_EQUAL(label, 1);
    sl_doc_free(&d);

    /* a heading on one side only anchors nothing: it is a line like any other */
    const char *en2 = "Tidal floods inundate the northern coast of Java every year.\n"
                      "Methods\n"
                      "Elevation data were measured with GPS at 40 points.\n"
                      "The subsidence rate was computed per year.\n";
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pp, NULL, "p", id, strlen(id), en2, strlen(en2), &d, &err), SL_OK);
    size_t lines = 0;
    for (size_t u = 0; u < d.nunits; u++)
        lines += d.units[u].bead.nj;
    CU_ASSERT_EQUAL(lines, 4);
    sl_doc_free(&d);
    sl_pipe_free(pp);

    /* split text: the label lines pair as a keywords unit, headings are not units */
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pipe_, NULL, "r", id, strlen(id), en, strlen(en), &d, &err), SL_OK);
    size_t kw = 0, sentences = 0;
    for (size_t u = 0; u < d.nunits; u++) {
        if (d.units[u].kind == SL_UNIT_KEYWORDS) {
            kw++;
            CU_ASSERT_STRING_EQUAL(d.units[u].tgt, "Keywords: tidal flood, land subsidence");
        } else {
            sentences += d.units[u].bead.ni;
            CU_ASSERT_PTR_NULL(strstr(d.units[u].src ? d.units[u].src : "", "Metode"));
        }
    }
    CU_ASSERT_EQUAL(kw, 1);
    CU_ASSERT_EQUAL(sentences, 5);
    sl_doc_free(&d);
}

/* A record with one abstract cannot be aligned: SL_EMISSING, which a
 * batch skips, naming the language that is missing. */
static void test_one_abstract(void)
{
    const char *rec = "Judul = Title / A\n\nABSTRACT\n\nThis research was conducted in Bogor "
                      "and the data were analysed qualitatively.\n";
    sl_doc d;
    sl_error err;
    CU_ASSERT_EQUAL(sl_pipe_record(pipe_, NULL, "r1", rec, strlen(rec), &d, &err), SL_EMISSING);
    CU_ASSERT_STRING_EQUAL(err.file, "r1");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "no Indonesian abstract"));
    CU_ASSERT_PTR_NULL(d.units); /* nothing to free */
    CU_ASSERT_EQUAL(sl_pipe_record(pipe_, NULL, "r2", "x = / y\n", 8, &d, &err), SL_EMISSING);
}

int test_pipeline_register(void)
{
    CU_pSuite s = CU_add_suite("pipeline", init, clean);
    if (!s || !CU_add_test(s, "sample records", test_samples) ||
        !CU_add_test(s, "seed record", test_seed) || !CU_add_test(s, "text pair", test_pair) ||
        !CU_add_test(s, "headings and labels anchor", test_anchors) ||
        !CU_add_test(s, "a record with one abstract", test_one_abstract))
        return -1;
    return 0;
}
