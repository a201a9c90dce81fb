/* test_langrun.c — language runs: a block holding both abstracts is cut
 * where the language changes, and only there. */
#include "tests.h"
#include "selaras/langrun.h"

#include <stdlib.h>
#include <string.h>

static sl_langid *lid;

static int init(void)
{
    sl_error err;
    lid = sl_langid_new("id", "en", &err);
    return lid ? 0 : -1;
}

static int clean(void)
{
    sl_langid_free(lid);
    return 0;
}

static const char ID_[] =
    "Penelitian ini bertujuan untuk menganalisis pengaruh kebijakan fiskal terhadap "
    "pertumbuhan ekonomi daerah. Data yang digunakan adalah data panel dari 34 provinsi "
    "selama sepuluh tahun.";
static const char EN_[] =
    "This study aims to analyse the effect of fiscal policy on regional economic growth. "
    "The data used are panel data from 34 provinces over ten years.";

/* Cuts text; checks the runs' texts and languages ("" ends the list). */
static void expect(const char *text, int hint, const char *const *want, const int *lang)
{
    sl_langrun *r;
    size_t n, k = 0;
    CU_ASSERT_EQUAL_FATAL(sl_langrun_cut(lid, text, strlen(text), hint, &r, &n), 0);
    while (want[k][0])
        k++;
    CU_ASSERT_EQUAL(n, k);
    for (size_t i = 0; i < n && i < k; i++) {
        CU_ASSERT_EQUAL(r[i].len, strlen(want[i]));
        CU_ASSERT_EQUAL(strncmp(text + r[i].off, want[i], r[i].len), 0);
        CU_ASSERT_EQUAL(r[i].lang, lang[i]);
    }
    free(r);
}

static void test_one_language(void)
{
    const char *const one[] = { ID_, "" };
    const int l0[] = { 0 };
    expect(ID_, -1, one, l0);
    const char *const en[] = { EN_, "" };
    const int l1[] = { 1 };
    expect(EN_, 0, en, l1);
}

/* the separators catalogue pages put between the two: a line break, dots
 * glued or spaced, a space only; either order */
static void test_switch(void)
{
    const char *const want[] = { ID_, EN_, "" }, *const back[] = { EN_, ID_, "" };
    const int l01[] = { 0, 1 }, l10[] = { 1, 0 };
    const char *const seps[] = { "\n", " ......", "\n......", " ", "\xE2\x80\xA6\xE2\x80\xA6 ",
                                 "......", NULL };
    char text[1024];
    for (int k = 0; seps[k]; k++) {
        snprintf(text, sizeof text, "%s%s%s", ID_, seps[k], EN_);
        expect(text, -1, want, l01);
        expect(text, 0, want, l01);
        snprintf(text, sizeof text, "%s%s%s", EN_, seps[k], ID_);
        expect(text, -1, back, l10);
    }
    /* glued at a sentence end: "tahun.This", "2021.This" */
    snprintf(text, sizeof text, "%s%s", ID_, EN_);
    expect(text, -1, want, l01);
    char id2[512];
    snprintf(id2, sizeof id2, "%s Data dikumpulkan pada tahun 2021.", ID_);
    const char *const want2[] = { id2, EN_, "" };
    snprintf(text, sizeof text, "%s%s", id2, EN_);
    expect(text, -1, want2, l01);
}

/* one English sentence quoted inside Indonesian stays with it */
static void test_quotation_stays(void)
{
    char text[1024];
    snprintf(text, sizeof text,
             "%s \"Growth is not the same as development for the people of the regions.\" "
             "Oleh karena itu, kebijakan fiskal perlu diarahkan pada belanja modal di daerah.",
             ID_);
    const char *const one[] = { text, "" };
    const int l0[] = { 0 };
    expect(text, -1, one, l0);
}

/* paragraphs on single line breaks inside each language: one cut */
static void test_paragraph_lines(void)
{
    char text[2048], a[1024], b[1024];
    snprintf(a, sizeof a, "%s\nHasil estimasi menunjukkan bahwa belanja modal berpengaruh positif.", ID_);
    snprintf(b, sizeof b, "%s\nThe estimation results show that capital expenditure has a positive effect.", EN_);
    snprintf(text, sizeof text, "%s\n%s", a, b);
    const char *const want[] = { a, b, "" };
    const int l01[] = { 0, 1 };
    expect(text, -1, want, l01);
}

static void test_unclear(void)
{
    /* names and numbers: one run, the hint's language */
    const char *t = "Jakarta 2020 UNESCO";
    const char *const one[] = { t, "" };
    const int lh[] = { 1 };
    expect(t, 1, one, lh);
    /* no profiles: the text stays whole */
    sl_langrun *r;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(sl_langrun_cut(NULL, ID_, strlen(ID_), -1, &r, &n), 0);
    CU_ASSERT(n == 1 && r[0].off == 0 && r[0].len == strlen(ID_) && r[0].lang == -1);
    free(r);
}

static void test_dots(void)
{
    CU_ASSERT_EQUAL(sl_langrun_dots("a....b", 6, 1), 4);
    CU_ASSERT_EQUAL(sl_langrun_dots("a...b", 5, 1), 0);
    CU_ASSERT_EQUAL(sl_langrun_dots("\xE2\x80\xA6\xE2\x80\xA6", 6, 0), 6);
    CU_ASSERT_EQUAL(sl_langrun_dots("\xE2\x80\xA6.", 4, 0), 4);
    CU_ASSERT_EQUAL(sl_langrun_dots("\xE2\x80\xA6", 3, 0), 0);
}

int test_langrun_register(void)
{
    CU_pSuite s = CU_add_suite("langrun", init, clean);
    if (!s || !CU_add_test(s, "one language", test_one_language) ||
        !CU_add_test(s, "a switch after any separator", test_switch) ||
        !CU_add_test(s, "a quotation stays", test_quotation_stays) ||
        !CU_add_test(s, "paragraphs on single line breaks", test_paragraph_lines) ||
        !CU_add_test(s, "too little to tell", test_unclear) ||
        !CU_add_test(s, "dot runs", test_dots))
        return -1;
    return 0;
}
