/* test_segeval.c — boundary scoring on small hand-made gold. */
#include "tests.h"
#include "selaras/segeval.h"

#include <string.h>

static int score(const char *gold, const char *pred, sl_segeval *e)
{
    sl_error err;
    return sl_segeval_text(gold, strlen(gold), pred, strlen(pred), e, &err);
}

static void test_exact(void)
{
    sl_segeval e;
    CU_ASSERT_EQUAL_FATAL(score("A b.\nC d.\n\nE.\n", "A b.\nC d.\n\nE.\n", &e), SL_OK);
    CU_ASSERT_EQUAL(e.tp, 1);
    CU_ASSERT_EQUAL(e.fp, 0);
    CU_ASSERT_EQUAL(e.fn, 0);
    CU_ASSERT_EQUAL(e.paras, 2);
    CU_ASSERT_EQUAL(e.paras_exact, 2);
    CU_ASSERT_DOUBLE_EQUAL(sl_segeval_f1(&e), 1.0, 1e-12);
}

static void test_missed_and_extra(void)
{
    sl_segeval e;
    /* gold: "policy.Ultimately" is two sentences; prediction misses it and
     * adds a wrong split after "Dr." */
    const char *gold = "Ada policy.\nUltimately x.\n\nDr. Budi ada.\n";
    const char *pred = "Ada policy.Ultimately x.\n\nDr.\nBudi ada.\n";
    CU_ASSERT_EQUAL_FATAL(score(gold, pred, &e), SL_OK);
    CU_ASSERT_EQUAL(e.tp, 0);
    CU_ASSERT_EQUAL(e.fn, 1);
    CU_ASSERT_EQUAL(e.fp, 1);
    CU_ASSERT_EQUAL(e.paras_exact, 0);
    CU_ASSERT_DOUBLE_EQUAL(sl_segeval_precision(&e), 0.0, 1e-12);
}

static void test_paragraph_layout_ignored(void)
{
    /* the same sentences laid out in other paragraphs: boundaries are
     * counted on the text, so only real starts matter */
    sl_segeval e;
    CU_ASSERT_EQUAL_FATAL(score("A.\nB.\nC.\n", "A.\n\nB.\nC.\n", &e), SL_OK);
    CU_ASSERT_EQUAL(e.tp, 2);
    CU_ASSERT_EQUAL(e.fp, 0);
}

static void test_text_mismatch(void)
{
    sl_segeval e;
    CU_ASSERT_EQUAL(score("A b.\n", "A c d.\n", &e), SL_EINPUT);
}

int test_segeval_register(void)
{
    CU_pSuite s = CU_add_suite("segeval", NULL, NULL);
    if (!s || !CU_add_test(s, "exact", test_exact) ||
        !CU_add_test(s, "missed and extra", test_missed_and_extra) ||
        !CU_add_test(s, "paragraph layout", test_paragraph_layout_ignored) ||
        !CU_add_test(s, "text mismatch", test_text_mismatch))
        return -1;
    return 0;
}
