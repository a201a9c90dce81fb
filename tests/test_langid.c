/* test_langid.c — telling Indonesian from English by stop words. */
#include "tests.h"
#include "selaras/langid.h"

#include <string.h>

static void test_guess(void)
{
    sl_error err;
    sl_langid *l = sl_langid_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    const char *id = "Penelitian ini dilakukan dengan metode kualitatif yang didukung oleh data.";
    const char *en = "This research was carried out with a qualitative method that is supported by data.";
    int margin;
    CU_ASSERT_EQUAL(sl_langid_guess(l, id, strlen(id), &margin), 0);
    CU_ASSERT(margin > 0);
    CU_ASSERT_EQUAL(sl_langid_guess(l, en, strlen(en), &margin), 1);
    CU_ASSERT(margin < 0);
    /* too little to tell: names and numbers, or a two-word fragment */
    CU_ASSERT_EQUAL(sl_langid_guess(l, "Jakarta 2020 UNESCO", 19, NULL), -1);
    CU_ASSERT_EQUAL(sl_langid_guess(l, "dan the", 7, NULL), -1);
    /* the order of the profiles decides the numbers */
    sl_langid *r = sl_langid_new("english", "indonesian", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(sl_langid_guess(r, id, strlen(id), NULL), 1);
    sl_langid_free(r);
    sl_langid_free(l);
}

/* word shapes tell a sentence with few stop words, and its words merged */
static void test_score(void)
{
    sl_error err;
    sl_langid *l = sl_langid_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    double s[2];
    const char *id = "Pemerintahan kabupaten menggunakan kebijakannya sendiri.";
    sl_langid_score(l, id, strlen(id), s);
    CU_ASSERT(s[0] > s[1] && s[0] >= 2);
    const char *en = "Communities reported stronger relationships afterwards.";
    sl_langid_score(l, en, strlen(en), s);
    CU_ASSERT(s[1] > s[0] && s[1] >= 1.5);
    /* capitalised words are names, the same in both languages */
    sl_langid_score(l, "Thailand Bekasi", 15, s);
    CU_ASSERT(s[0] == 0 && s[1] == 0);
    /* stop words count one each */
    sl_langid_score(l, "yang dan the of", 15, s);
    CU_ASSERT(s[0] == 2 && s[1] == 2);
    sl_langid_score(NULL, "the", 3, s);
    CU_ASSERT(s[0] == 0 && s[1] == 0);
    sl_langid_free(l);
}

static void test_unknown(void)
{
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_langid_new("id", "xx", &err));
    CU_ASSERT_EQUAL(err.code, SL_EUSAGE);
}

int test_langid_register(void)
{
    CU_pSuite s = CU_add_suite("langid", NULL, NULL);
    if (!s || !CU_add_test(s, "guess", test_guess) ||
        !CU_add_test(s, "score with word shapes", test_score) || !CU_add_test(s, "unknown", test_unknown))
        return -1;
    return 0;
}
