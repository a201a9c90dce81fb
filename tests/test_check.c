/* test_check.c — `selaras check`: each kind of finding on small documents
 * written for these tests, through the library (aligned with their
 * sentences kept) and through the program; then the seeded-fault figures
 * on the shared data (bench/faults.c writes the faults, bench/faults.sh
 * runs check on them): recall per kind, false alarms on clean documents,
 * and the gold deletions of panl-dev. */
#include "tests.h"
#include "selaras/check.h"
#include "selaras/pipeline.h"
#include "selaras/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Files of this run: /tmp/selaras_check_test.PID*, so that runs side by
 * side do not meet. */
static char tmpbase[64];

static const char *tmp(const char *suffix)
{
    static char buf[8][256];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, sizeof buf[0], "%s%s", tmpbase, suffix);
    return b;
}

/* Six sentence pairs; ID[k] translates EN[k]. */
static const char *const ID[] = {
    "Penelitian ini menganalisis pengaruh suku bunga terhadap inflasi di Indonesia pada periode 2010 sampai 2020.",
    "Data sekunder diperoleh dari laporan tahunan bank sentral dan lembaga statistik nasional.",
    "Metode yang digunakan adalah regresi linear berganda dengan uji asumsi klasik.",
    "Hasil penelitian menunjukkan bahwa suku bunga berpengaruh signifikan terhadap inflasi dengan koefisien 0,45.",
    "Kadar glukosa darah diukur sebelum dan sesudah intervensi selama 12 minggu.",
    "Wawancara mendalam dilakukan dengan 15 guru sekolah dasar di Yogyakarta.",
};
static const char *const EN[] = {
    "This study analyses the effect of interest rates on inflation in Indonesia in the period 2010 to 2020.",
    "Secondary data were obtained from the annual reports of the central bank and the national statistics agency.",
    "The method used is multiple linear regression with classical assumption tests.",
    "The results show that the interest rate has a significant effect on inflation with a coefficient of 0.45.",
    "Blood glucose levels were measured before and after the intervention for 12 weeks.",
    "In-depth interviews were conducted with 15 primary school teachers in Yogyakarta.",
};
#define N 6

static sl_pipe *pipe_;
static sl_checker *chk;
static sl_pipe_opts po;

static int init(void)
{
    sl_error err;
    snprintf(tmpbase, sizeof tmpbase, "/tmp/selaras_check_test.%ld", (long)getpid());
    memset(&po, 0, sizeof po);
    sl_align_opts_default(&po.align);
    po.keep_sentences = 1;
    po.presplit = 1;
    sl_check_opts co;
    sl_check_opts_default(&co);
    pipe_ = sl_pipe_new(&po, test_lexicon(), &err);
    chk = pipe_ ? sl_checker_new(&co, &po, test_lexicon(), &err) : NULL;
    return chk ? 0 : -1;
}

static int clean(void)
{
    sl_checker_free(chk);
    sl_pipe_free(pipe_);
    return 0;
}

static char *join(const char *const *s, size_t n)
{
    size_t len = 1;
    for (size_t k = 0; k < n; k++)
        len += strlen(s[k]) + 1;
    char *t = malloc(len);
    t[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        strcat(t, s[k]);
        strcat(t, "\n");
    }
    return t;
}

/* Checks a document of one sentence a line on each side, with checker c. */
static int check_with(const sl_checker *c, const char *const *id, size_t ni, const char *const *en,
                      size_t ne, sl_report *r)
{
    char *a = join(id, ni), *b = join(en, ne);
    sl_doc d;
    sl_error err;
    int rc = sl_pipe_pair(pipe_, NULL, "doc", a, strlen(a), b, strlen(b), &d, &err);
    free(a);
    free(b);
    CU_ASSERT_EQUAL_FATAL(rc, SL_OK);
    CU_ASSERT_EQUAL(d.nsent[0], ni);
    CU_ASSERT_EQUAL(d.nsent[1], ne);
    rc = sl_check_doc(c, &d, r, &err);
    sl_doc_free(&d);
    CU_ASSERT_EQUAL_FATAL(rc, SL_OK);
    return rc;
}

static void check_pair(const char *const *id, size_t ni, const char *const *en, size_t ne,
                       sl_report *r)
{
    check_with(chk, id, ni, en, ne, r);
}

/* The findings of kind k, printed when want is not met. */
static size_t count(const sl_report *r, int kind)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n; k++)
        n += r->f[k].kind == kind;
    return n;
}

/* The finding of kind about Indonesian sentence i and English sentence j
 * (1-based; 0: that side must be empty), or NULL (and the report printed). */
static const sl_finding *find(const sl_report *r, int kind, size_t i, size_t j)
{
    for (size_t k = 0; k < r->n; k++) {
        const sl_finding *f = &r->f[k];
        if (f->kind != kind)
            continue;
        int id_ok = i ? f->nid >= 1 && f->id[0] == i : f->nid == 0;
        int en_ok = j ? f->nen >= 1 && f->en[0] == j : f->nen == 0;
        if (id_ok && en_ok)
            return f;
    }
    printf("\n  no %s finding for id %zu en %zu among:", sl_finding_kind_name(kind), i, j);
    for (size_t k = 0; k < r->n; k++)
        printf("\n    %s id %zu en %zu: %s", sl_finding_kind_name(r->f[k].kind),
               r->f[k].nid ? r->f[k].id[0] : 0, r->f[k].nen ? r->f[k].en[0] : 0,
               r->f[k].message);
    return NULL;
}

static void test_complete(void)
{
    sl_report r;
    check_pair(ID, N, EN, N, &r);
    CU_ASSERT_EQUAL(r.n, 0);
    CU_ASSERT_EQUAL(r.verdict, -1);
    CU_ASSERT_STRING_EQUAL(sl_verdict_name(r.verdict), "complete");
    CU_ASSERT_EQUAL(r.nsent[0], N);
    CU_ASSERT_EQUAL(r.nsent[1], N);
    CU_ASSERT_DOUBLE_EQUAL(r.coverage, 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(r.coverage_chars, 1.0, 1e-9);
    CU_ASSERT_EQUAL(r.merged, 0);
    CU_ASSERT_STRING_EQUAL(r.doc, "doc");
    sl_report_free(&r);
}

static void test_missing(void)
{
    /* the translation of Indonesian sentence 3 deleted */
    const char *en[] = { EN[0], EN[1], EN[3], EN[4], EN[5] };
    sl_report r;
    check_pair(ID, N, en, 5, &r);
    const sl_finding *f = find(&r, SL_F_MISSING, 3, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, SL_SEV_ERROR);
    CU_ASSERT_EQUAL(f->nid, 1);
    CU_ASSERT_STRING_EQUAL(f->id_text, ID[2]);
    CU_ASSERT_PTR_NULL(f->en_text);
    CU_ASSERT_EQUAL(count(&r, SL_F_MISSING), 1);
    CU_ASSERT_EQUAL(count(&r, SL_F_ADDED), 0);
    CU_ASSERT_EQUAL(r.verdict, SL_SEV_ERROR);
    CU_ASSERT_DOUBLE_EQUAL(r.coverage, 5.0 / 6.0, 1e-9);
    CU_ASSERT(r.coverage_chars < 1.0 && r.coverage_chars > 0.8);
    sl_report_free(&r);

    /* the first and the last Indonesian sentences without English */
    const char *en2[] = { EN[1], EN[2], EN[3], EN[4] };
    check_pair(ID, N, en2, 4, &r);
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_MISSING, 1, 0));
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_MISSING, 6, 0));
    CU_ASSERT_EQUAL(count(&r, SL_F_MISSING), 2);
    sl_report_free(&r);
}

static void test_added(void)
{
    /* an English sentence with no Indonesian inserted as sentence 5 */
    const char *en[] = { EN[0], EN[1], EN[2], EN[3],
                         "Rice productivity increased sharply after the application of drip "
                         "irrigation in the dry season.",
                         EN[4], EN[5] };
    sl_report r;
    check_pair(ID, N, en, 7, &r);
    const sl_finding *f = find(&r, SL_F_ADDED, 0, 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, SL_SEV_WARNING);
    CU_ASSERT_STRING_EQUAL(f->en_text, en[4]);
    CU_ASSERT_EQUAL(count(&r, SL_F_ADDED), 1);
    CU_ASSERT_EQUAL(count(&r, SL_F_MISSING), 0);
    CU_ASSERT_EQUAL(r.verdict, SL_SEV_WARNING); /* added text alone is a warning */
    CU_ASSERT_DOUBLE_EQUAL(r.coverage, 1.0, 1e-9);
    sl_report_free(&r);

    /* an Indonesian sentence deleted: its English one is added text */
    const char *id[] = { ID[0], ID[2], ID[3], ID[4], ID[5] };
    check_pair(id, 5, EN, N, &r);
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_ADDED, 0, 2));
    CU_ASSERT_EQUAL(count(&r, SL_F_ADDED), 1);
    sl_report_free(&r);
}

static void test_untranslated(void)
{
    /* English sentence 2 left as the Indonesian: the same text on both
     * sides; English sentence 5 is Indonesian text of its own, with no
     * counterpart */
    const char *en[] = { EN[0], ID[1], EN[2], EN[3],
                         "Para petani di desa itu menanam padi dua kali dalam setahun sejak "
                         "irigasi dibangun.",
                         EN[5] };
    sl_report r;
    check_pair(ID, N, en, N, &r);
    const sl_finding *f = find(&r, SL_F_UNTRANSLATED, 2, 2);
    CU_ASSERT_PTR_NOT_NULL(f);
    if (f)
        CU_ASSERT_EQUAL(f->severity, SL_SEV_ERROR);
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_UNTRANSLATED, 0, 5));
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_MISSING, 5, 0)); /* its own is gone */
    CU_ASSERT_EQUAL(r.verdict, SL_SEV_ERROR);
    sl_report_free(&r);

    /* an Indonesian sentence that reads as English */
    const char *id[] = { ID[0], ID[1], EN[2], ID[3], ID[4], ID[5] };
    check_pair(id, N, EN, N, &r);
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_UNTRANSLATED, 3, 3));
    sl_report_free(&r);

    /* the two texts swapped: one finding for the whole, none per sentence */
    check_pair(EN, N, ID, N, &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_UNTRANSLATED), 1);
    f = find(&r, SL_F_UNTRANSLATED, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "swapped"));
    sl_report_free(&r);

    /* the English text is the Indonesian one again: left untranslated */
    check_pair(ID, N, ID, N, &r);
    f = find(&r, SL_F_UNTRANSLATED, 0, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "English text as a whole reads as Indonesian"));
    sl_report_free(&r);
}

static void test_numbers(void)
{
    /* 12 weeks became 21 weeks */
    const char *en[] = { EN[0], EN[1], EN[2], EN[3],
                         "Blood glucose levels were measured before and after the intervention "
                         "for 21 weeks.",
                         EN[5] };
    sl_report r;
    check_pair(ID, N, en, N, &r);
    const sl_finding *f = find(&r, SL_F_NUMBER, 5, 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, SL_SEV_ERROR);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "12"));
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "21"));
    CU_ASSERT_EQUAL(count(&r, SL_F_NUMBER), 1);
    sl_report_free(&r);

    /* a decimal: 0,45 against 0.54 */
    const char *en2[] = { EN[0], EN[1], EN[2],
                          "The results show that the interest rate has a significant effect on "
                          "inflation with a coefficient of 0.54.",
                          EN[4], EN[5] };
    check_pair(ID, N, en2, N, &r);
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_NUMBER, 4, 4));
    CU_ASSERT_EQUAL(count(&r, SL_F_NUMBER), 1);
    sl_report_free(&r);

    /* the same numbers written each language's way: no finding */
    const char *id3[] = {
        "Sebanyak 1.250 responden dari sembilan desa mengisi kuesioner pada tahun 2021.",
        "Tingkat partisipasi mencapai 87,5% dengan rata-rata skor 3,5.",
        "Pengukuran dilakukan pada pukul 07.00 setiap hari selama tiga minggu.",
        "Biaya program mencapai Rp1.500.000,00 per rumah tangga.",
    };
    const char *en3[] = {
        "A total of 1,250 respondents from nine villages completed the questionnaire in 2021.",
        "The participation rate reached 87.5% with an average score of 3.5.",
        "Measurements were taken at 7:00 a.m. every day for three weeks.",
        "The programme cost IDR 1,500,000.00 per household.",
    };
    check_pair(id3, 4, en3, 4, &r);
    if (count(&r, SL_F_NUMBER))
        find(&r, -1, 0, 0); /* prints them */
    CU_ASSERT_EQUAL(count(&r, SL_F_NUMBER), 0);
    sl_report_free(&r);
}

static void test_names(void)
{
    const char *id[] = { ID[0],
                         "Data sekunder diperoleh dari Badan Pusat Statistik (BPS), OJK dan "
                         "laporan tahunan bank sentral.",
                         ID[2] };
    const char *en[] = { EN[0],
                         "Secondary data were obtained from Statistics Indonesia and the annual "
                         "reports of the central bank.",
                         EN[2] };
    sl_report r;
    check_pair(id, 3, en, 3, &r);
    const sl_finding *f = find(&r, SL_F_NAME, 2, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->severity, SL_SEV_WARNING);
    /* BPS is written out ("Statistics Indonesia"); OJK is missing */
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "OJK"));
    CU_ASSERT_PTR_NULL(strstr(f->message, "BPS"));
    CU_ASSERT_EQUAL(r.verdict, SL_SEV_WARNING);
    sl_report_free(&r);

    /* acronyms the English writes out, in either direction */
    const char *id4[] = { "Penelitian ini menelaah UU No. 11 Tahun 2020 tentang Cipta Kerja.",
                          "Sampel terdiri atas 120 siswa SMP di Kota Bogor.",
                          "Harga rata-rata mencapai Rp 5.000 per kilogram." };
    const char *en4[] = { "This study examines Law No. 11 of 2020 on Job Creation.",
                          "The sample consisted of 120 junior high school students in Bogor City.",
                          "The average price reached IDR 5,000 per kilogram." };
    check_pair(id4, 3, en4, 3, &r);
    if (count(&r, SL_F_NAME))
        find(&r, -1, 0, 0); /* prints them */
    CU_ASSERT_EQUAL(count(&r, SL_F_NAME), 0);
    sl_report_free(&r);
    /* ... but not when the words are missing too */
    const char *en5[] = { "This study examines regulation No. 11 of 2020 on Job Creation.",
                          "The sample consisted of 120 students in Bogor City.",
                          "The average price reached 5,000 per kilogram." };
    check_pair(id4, 3, en5, 3, &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_NAME), 2); /* UU, SMP */
    sl_report_free(&r);

    /* an acronym the English renders as its own (NPD as DPN) in every
     * sentence, one against one, a Roman numeral, a plural and a dotted
     * acronym are no findings; a second acronym on one side still is */
    const char *id2[] = { "Pasien dengan NPD dirawat di ruang VIII selama tiga minggu.",
                          "Gejala NPD membaik setelah terapi kelompok.",
                          "Semua URL dan data AS diperiksa ulang oleh tim KIA.",
                          "Program KIA dan BPJS menanggung biaya persalinan." };
    const char *en2[] = { "Patients with DPN were treated in ward VIII for three weeks.",
                          "DPN symptoms improved after group therapy.",
                          "All URLs and U.S. data were checked again by the MCH team.",
                          "The MCH programme covers the cost of delivery." };
    check_pair(id2, 4, en2, 4, &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_NAME), 1);
    f = find(&r, SL_F_NAME, 4, 4);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(f->message, "BPJS"));
    sl_report_free(&r);
}

static void test_merge_split(void)
{
    /* English sentence 3 translates Indonesian 3 and 4; Indonesian 5 is
     * translated by English 4 and 5 */
    const char *en[] = { EN[0], EN[1],
                         "The method used is multiple linear regression with classical "
                         "assumption tests, and the results show that the interest rate has a "
                         "significant effect on inflation with a coefficient of 0.45.",
                         "Blood glucose levels were measured before the intervention.",
                         "They were measured again after it, 12 weeks later.", EN[5] };
    sl_report r;
    check_pair(ID, N, en, N, &r);
    const sl_finding *m = find(&r, SL_F_MERGE, 3, 3);
    CU_ASSERT_PTR_NOT_NULL(m);
    if (m) {
        CU_ASSERT_EQUAL(m->severity, SL_SEV_INFO);
        CU_ASSERT_EQUAL(m->nid, 2);
        CU_ASSERT_EQUAL(m->id[1], 4);
    }
    const sl_finding *s = find(&r, SL_F_SPLIT, 5, 4);
    CU_ASSERT_PTR_NOT_NULL(s);
    if (s) {
        CU_ASSERT_EQUAL(s->nen, 2);
        CU_ASSERT_EQUAL(s->en[1], 5);
    }
    CU_ASSERT_EQUAL(count(&r, SL_F_MISSING), 0);
    CU_ASSERT_EQUAL(count(&r, SL_F_ADDED), 0);
    CU_ASSERT(r.verdict <= SL_SEV_INFO); /* a merge is no fault */
    CU_ASSERT_EQUAL(r.merged, 2); /* Indonesian 3 and 4: no CAT tool match */
    char buf[4096];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    sl_report_text(f, &r, SL_SEV_ERROR);
    sl_report_json(f, &r, SL_SEV_ERROR);
    fclose(f);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, " in confident units, 2 sharing a unit with another (no "
                                       "exact match in a CAT tool); 0 errors"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, ",\"info\":2,\"id_merged\":2}\n"));
    sl_report_free(&r);
}

static void test_weak(void)
{
    /* every unit is below a floor over 1, none below 0 */
    sl_check_opts co;
    sl_check_opts_default(&co);
    CU_ASSERT_DOUBLE_EQUAL(co.weak, 0.5, 1e-9);
    sl_error err;
    co.weak = 1.5;
    sl_checker *hi = sl_checker_new(&co, &po, test_lexicon(), &err);
    co.weak = 0;
    sl_checker *lo = sl_checker_new(&co, &po, test_lexicon(), &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hi);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lo);
    sl_report r;
    check_with(hi, ID, 3, EN, 3, &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_WEAK), 3);
    CU_ASSERT_PTR_NOT_NULL(find(&r, SL_F_WEAK, 2, 2));
    CU_ASSERT_DOUBLE_EQUAL(r.coverage, 0.0, 1e-9);
    CU_ASSERT_EQUAL(r.verdict, SL_SEV_WARNING);
    sl_report_free(&r);
    check_with(lo, ID, 3, EN, 3, &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_WEAK), 0);
    CU_ASSERT_DOUBLE_EQUAL(r.coverage, 1.0, 1e-9);
    sl_report_free(&r);
    sl_checker_free(hi);
    sl_checker_free(lo);
}

/* A catalogue record of ID/EN [0, 4) with the keyword lines and the English
 * abstract given (NULL: none). */
static char *record(const char *kw_id, const char *kw_en, int with_en, const char *title)
{
    static char buf[8192];
    size_t o = 0;
    o += (size_t)snprintf(buf + o, sizeof buf - o,
                          "\n\n%s / Budi Santoso\n\nBudi Santoso, author\n\n"
                          "Deskripsi Lengkap: <https://lib.ui.ac.id/detail?id=20001234&lokasi=lokal>"
                          "\n\nAbstrak\n\nABSTRAK\n\n%s %s %s %s\n\n",
                          title, ID[0], ID[1], ID[2], ID[3]);
    if (kw_id)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "Kata kunci: %s\n\n", kw_id);
    if (with_en) {
        o += (size_t)snprintf(buf + o, sizeof buf - o, "<hr />\n\nABSTRACT\n\n%s %s %s %s\n\n",
                              EN[0], EN[1], EN[2], EN[3]);
        if (kw_en)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "Keywords: %s\n", kw_en);
    }
    return buf;
}

static const char *const TITLE =
    "Pengaruh suku bunga terhadap inflasi = The effect of interest rates on inflation";

/* Aligns a record and checks it: the report of sl_check_doc, or of
 * sl_check_missing when the pipeline says an abstract is missing. */
static int check_record(const char *text, sl_report *r)
{
    sl_doc d;
    sl_error err, e2;
    int rc = sl_pipe_record(pipe_, NULL, "rec", text, strlen(text), &d, &err);
    if (rc == SL_EMISSING) {
        CU_ASSERT_EQUAL(sl_check_missing(chk, "rec", &err, r, &e2), SL_OK);
        return rc;
    }
    CU_ASSERT_EQUAL_FATAL(rc, SL_OK);
    CU_ASSERT_EQUAL(sl_check_doc(chk, &d, r, &e2), SL_OK);
    sl_doc_free(&d);
    return rc;
}

static void test_keywords(void)
{
    sl_report r;
    check_record(record("suku bunga; inflasi; regresi linear", "interest rate; inflation; linear "
                        "regression", 1, TITLE),
                 &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_KEYWORDS), 0);
    CU_ASSERT_EQUAL(count(&r, SL_F_ABSTRACT), 0);
    CU_ASSERT_EQUAL(r.nsent[0], 4);
    sl_report_free(&r);

    /* one English keyword swapped for an unrelated word */
    check_record(record("suku bunga; inflasi; regresi linear", "interest rate; saxophone; linear "
                        "regression", 1, TITLE),
                 &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_KEYWORDS), 2);
    int named[2] = { 0, 0 };
    for (size_t k = 0; k < r.n; k++)
        if (r.f[k].kind == SL_F_KEYWORDS) {
            CU_ASSERT_EQUAL(r.f[k].severity, SL_SEV_WARNING);
            named[0] |= r.f[k].id_text && strcmp(r.f[k].id_text, "inflasi") == 0;
            named[1] |= r.f[k].en_text && strcmp(r.f[k].en_text, "saxophone") == 0;
        }
    CU_ASSERT(named[0] && named[1]);
    sl_report_free(&r);

    /* lists of different lengths; keywords on one side only */
    check_record(record("suku bunga; inflasi; regresi linear", "interest rate; inflation", 1,
                        TITLE),
                 &r);
    CU_ASSERT(count(&r, SL_F_KEYWORDS) >= 1);
    int lengths = 0;
    for (size_t k = 0; k < r.n; k++)
        lengths |= r.f[k].kind == SL_F_KEYWORDS && strstr(r.f[k].message, "3 Indonesian") &&
                   strstr(r.f[k].message, "2 English");
    CU_ASSERT(lengths);
    sl_report_free(&r);
    check_record(record("suku bunga; inflasi", NULL, 1, TITLE), &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_KEYWORDS), 1);
    sl_report_free(&r);
}

static void test_abstract(void)
{
    sl_report r;
    /* no English abstract: one error, and nothing aligned */
    CU_ASSERT_EQUAL(check_record(record("suku bunga; inflasi", NULL, 0, TITLE), &r), SL_EMISSING);
    CU_ASSERT_EQUAL(r.n, 1);
    if (r.n) {
        CU_ASSERT_EQUAL(r.f[0].kind, SL_F_ABSTRACT);
        CU_ASSERT_EQUAL(r.f[0].severity, SL_SEV_ERROR);
        CU_ASSERT_PTR_NOT_NULL(strstr(r.f[0].message, "English"));
    }
    CU_ASSERT_EQUAL(r.verdict, SL_SEV_ERROR);
    CU_ASSERT_STRING_EQUAL(r.doc, "rec");
    sl_report_free(&r);

    /* both abstracts, but the title in Indonesian only */
    check_record(record(NULL, NULL, 1, "Pengaruh suku bunga terhadap inflasi"), &r);
    CU_ASSERT_EQUAL(count(&r, SL_F_ABSTRACT), 1);
    for (size_t k = 0; k < r.n; k++)
        if (r.f[k].kind == SL_F_ABSTRACT)
            CU_ASSERT_PTR_NOT_NULL(strstr(r.f[k].message, "English title"));
    sl_report_free(&r);
}

static void test_names_of_things(void)
{
    static const char *const want[] = { "missing", "added", "untranslated", "number", "name",
                                        "weak", "merge", "split", "keywords", "abstract" };
    for (int k = 0; k < SL_F_NKINDS; k++)
        CU_ASSERT_STRING_EQUAL(sl_finding_kind_name(k), want[k]);
    CU_ASSERT_STRING_EQUAL(sl_finding_kind_name(SL_F_NKINDS), "?");
    CU_ASSERT_STRING_EQUAL(sl_severity_name(SL_SEV_ERROR), "error");
    CU_ASSERT_STRING_EQUAL(sl_severity_name(SL_SEV_WARNING), "warning");
    CU_ASSERT_STRING_EQUAL(sl_severity_name(SL_SEV_INFO), "info");
    CU_ASSERT_STRING_EQUAL(sl_verdict_name(SL_SEV_ERROR), "errors");
    CU_ASSERT_STRING_EQUAL(sl_verdict_name(SL_SEV_WARNING), "warnings");
    CU_ASSERT_STRING_EQUAL(sl_verdict_name(-1), "complete");
}

/* ---- through the program ------------------------------------------------ */

static void write_lines(const char *path, const char *const *s, size_t n)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s\n", s[k]);
    fclose(f);
}

static int run(const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s check %s >%s 2>%s", test_bin(), args, tmp(".out"), tmp(".err"));
    return test_run(cmd);
}

/* Runs a command made of fmt, where each %s is this run's file base. */
static int sh(const char *fmt)
{
    char cmd[2048];
    size_t o = 0;
    for (const char *p = fmt; *p && o + 80 < sizeof cmd; p++)
        if (p[0] == '%' && p[1] == 's') {
            o += (size_t)snprintf(cmd + o, sizeof cmd - o, "%s", tmpbase);
            p++;
        } else {
            cmd[o++] = *p;
        }
    cmd[o] = '\0';
    return test_run(cmd);
}

static void test_cli(void)
{
    const char *en[] = { EN[0], EN[1], EN[3], EN[4], EN[5] };
    write_lines(tmp(".id"), ID, N);
    write_lines(tmp(".en"), EN, N);
    write_lines(tmp(".cut.en"), en, 5);
    /* complete: exit 0; a missing sentence: exit 1 unless --fail-on never */
    char args[1024];
    snprintf(args, sizeof args, "--presplit %s %s", tmp(".id"), tmp(".en"));
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT_EQUAL(sh("grep -q complete %s.out"), 0);
    snprintf(args, sizeof args, "--presplit --json %s %s", tmp(".id"), tmp(".cut.en"));
    CU_ASSERT_EQUAL(run(args), 1);
    CU_ASSERT_EQUAL(sh("grep -q '\"kind\":\"missing\",\"severity\":\"error\",\"id\":\\[3\\],"
                       "\"en\":\\[\\]' %s.out"),
                    0);
    CU_ASSERT_EQUAL(sh("grep -q '\"kind\":\"summary\",\"verdict\":\"errors\"' %s.out"), 0);
    snprintf(args, sizeof args, "--presplit --fail-on never %s %s", tmp(".id"), tmp(".cut.en"));
    CU_ASSERT_EQUAL(run(args), 0);
    snprintf(args, sizeof args, "--presplit --show error --fail-on warning %s %s", tmp(".id"),
             tmp(".cut.en"));
    CU_ASSERT_EQUAL(run(args), 1);
    snprintf(args, sizeof args, "--fail-on sometimes %s %s", tmp(".id"), tmp(".en"));
    CU_ASSERT_EQUAL(run(args), 2);
    snprintf(args, sizeof args, "--weak 2 %s %s", tmp(".id"), tmp(".en"));
    CU_ASSERT_EQUAL(run(args), 2);
    /* a record without its English abstract is a finding, not bad input */
    FILE *f = fopen(tmp(".rec.txt"), "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(record("suku bunga; inflasi", NULL, 0, TITLE), f);
    fclose(f);
    snprintf(args, sizeof args, "--json %s", tmp(".rec.txt"));
    CU_ASSERT_EQUAL(run(args), 1);
    CU_ASSERT_EQUAL(sh("grep -q '\"kind\":\"abstract\"' %s.out"), 0);
    sh("rm -f %s.id %s.en %s.cut.en %s.rec.txt %s.out %s.err");
}

/* ---- seeded faults -------------------------------------------------------- */

/* Runs bench/faults.sh on the shared data and checks the figures the issue
 * asks for: recall >= 0.95 for each kind of seeded fault (at least 200 of
 * each), clean documents with an error <= 2 %. On panl-dev, the gold
 * deletions reported as missing or added text and the missing/added
 * findings on sentences the gold aligns are printed; the issue sets them no
 * level, so the floors here (recall 0.95, false alarms on 2 % of the
 * aligned sentences) only keep them from falling. */
static void test_seeded_faults(void)
{
    const char *data = test_shared_path("data");
    if (!data || !test_data_path("align/pud") || !test_data_path("align/panl-dev")) {
        printf("\n  (skipped seeded faults: ../shared/data not present)");
        return;
    }
    const char *gen = getenv("SELARAS_FAULTS");
    if (!gen)
        gen = "../build/selaras-faults";
    struct stat st;
    if (stat(gen, &st) != 0) {
        printf("\n  (skipped seeded faults: %s not built; `make test` builds it)", gen);
        return;
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "rm -rf %s.faults && SELARAS_DATA=%s sh ../bench/faults.sh %s %s %s.faults "
             ">%s.faults.txt 2>&1",
             tmpbase, data, test_bin(), gen, tmpbase, tmpbase);
    int rc = test_run(cmd);
    if (rc != 0)
        sh("cat %s.faults.txt");
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    FILE *f = fopen(tmp(".faults/figures.tsv"), "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[512];
    int kinds = 0, sets = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        char what[32], name[32];
        size_t a, b, c, d2, e, g;
        double x, y;
        if (sscanf(line, "fault\t%31s\t%zu\t%zu\t%lf", name, &a, &b, &x) == 4) {
            printf("\n  seeded %-13s %4zu faults, %4zu found: recall %.3f (min 0.95)", name, a, b,
                   x);
            CU_ASSERT(a >= 200);
            CU_ASSERT(x >= 0.95);
            failed |= a < 200 || x < 0.95;
            kinds++;
        } else if (sscanf(line, "alarms\t%31s\t%zu\t%zu\t%lf", what, &a, &b, &x) == 4) {
            printf("\n  clean documents with an error: %zu of %zu (%.2f%%, max 2%%)", b, a,
                   100 * x);
            CU_ASSERT(a >= 400);
            CU_ASSERT(x <= 0.02);
            failed |= x > 0.02;
        } else if (sscanf(line, "gold\t%31s\t%zu\t%zu\t%lf\t%zu\t%zu\t%lf\t%zu\t%zu", name, &a, &b,
                          &x, &c, &d2, &y, &e, &g) == 9) {
            printf("\n  %-8s gold deletions reported: %zu of %zu (recall %.3f); false alarms on "
                   "aligned sentences: %zu of %zu (%.2f%%) in %zu of %zu documents",
                   name, b, a, x, d2, c, 100 * y, e, g);
            if (strcmp(name, "panl-dev") == 0) {
                CU_ASSERT(a >= 200);
                CU_ASSERT(x >= 0.95);
                CU_ASSERT(y <= 0.02);
                failed |= x < 0.95 || y > 0.02;
            }
            sets++;
        }
    }
    fclose(f);
    CU_ASSERT_EQUAL(kinds, 7);
    CU_ASSERT_EQUAL(sets, 2);
    if (failed) {
        printf("\n  (every fault not reported: %s.faults/misses.txt; the first:)\n", tmpbase);
        sh("grep -v '^panl-dev\\|^ted-dev' %s.faults/misses.txt | head -20");
    } else {
        sh("rm -rf %s.faults %s.faults.txt");
    }
}

int test_check_register(void)
{
    CU_pSuite s = CU_add_suite("check", init, clean);
    if (!s || !CU_add_test(s, "complete", test_complete) ||
        !CU_add_test(s, "missing", test_missing) || !CU_add_test(s, "added", test_added) ||
        !CU_add_test(s, "untranslated", test_untranslated) ||
        !CU_add_test(s, "numbers", test_numbers) || !CU_add_test(s, "names", test_names) ||
        !CU_add_test(s, "merge and split", test_merge_split) ||
        !CU_add_test(s, "weak units", test_weak) || !CU_add_test(s, "keywords", test_keywords) ||
        !CU_add_test(s, "missing abstract", test_abstract) ||
        !CU_add_test(s, "names of kinds", test_names_of_things) ||
        !CU_add_test(s, "the program", test_cli) ||
        !CU_add_test(s, "seeded faults", test_seeded_faults))
        return -1;
    return 0;
}
