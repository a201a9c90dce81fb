/* test_aligneval.c — bead files and strict/lax scoring on hand-made beads. */
#include "tests.h"
#include "selaras/aligneval.h"

#include <string.h>

static int parse(const char *s, sl_ebeads *b, sl_error *err)
{
    return sl_ebeads_parse(s, strlen(s), "beads.txt", b, err);
}

static void test_parse(void)
{
    sl_ebeads b;
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n\n[2,1]:[]\t# id\n[]:[1, 2]\r\n", &b, &err), SL_OK);
    CU_ASSERT_EQUAL_FATAL(b.n, 3);
    CU_ASSERT_EQUAL(b.v[1].nsrc, 2);
    CU_ASSERT_EQUAL(b.v[1].src[0], 1); /* sorted */
    CU_ASSERT_EQUAL(b.v[1].src[1], 2);
    CU_ASSERT_EQUAL(b.v[1].ntgt, 0);
    CU_ASSERT_EQUAL(b.v[2].nsrc, 0);
    CU_ASSERT_EQUAL(b.v[2].ntgt, 2);
    sl_ebeads_free(&b);
}

static void test_malformed(void)
{
    const char *bad[] = { "[0]:[0]\n[1]-[1]\n", "[0]:[0]\n[a]:[1]\n", "[0]:[0]\n[1:[1]\n",
                          "[0]:[0]\n[1]:[1]x\n" };
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        sl_ebeads b;
        sl_error err;
        sl_error_clear(&err);
        CU_ASSERT_EQUAL(parse(bad[k], &b, &err), SL_EINPUT);
        CU_ASSERT_EQUAL(err.line, 2);
        CU_ASSERT_STRING_EQUAL(err.file, "beads.txt");
    }
}

static void test_scores(void)
{
    sl_ebeads g, t;
    sl_error err;
    /* gold: 0-0, 1+2 merged into 1, 3 deleted, 4-2 */
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2]\n", &g, &err), SL_OK);
    /* test: 0-0 right; 1-1 and 2 deleted (lax hit, strict miss); 3 deleted
     * right; 4-2 right; an empty-on-both-sides bead is ignored */
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2]\n[]:[]\n", &t, &err),
                          SL_OK);
    sl_aligneval e;
    memset(&e, 0, sizeof e);
    sl_aligneval_add(&e, &g, &t);
    CU_ASSERT_EQUAL(e.p_total, 5);
    CU_ASSERT_EQUAL(e.p_strict, 3);
    CU_ASSERT_EQUAL(e.p_lax, 4);
    /* recall ignores beads with an empty side: gold 0-0, 1+2/1, 4-2 */
    CU_ASSERT_EQUAL(e.r_total, 3);
    CU_ASSERT_EQUAL(e.r_strict, 2);
    CU_ASSERT_EQUAL(e.r_lax, 3);
    double p, r, f;
    sl_aligneval_prf(&e, 0, &p, &r, &f);
    CU_ASSERT_DOUBLE_EQUAL(p, 0.6, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r, 2.0 / 3, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(f, 2 * 0.6 * (2.0 / 3) / (0.6 + 2.0 / 3), 1e-12);
    sl_aligneval_prf(&e, 1, &p, &r, &f);
    CU_ASSERT_DOUBLE_EQUAL(p, 0.8, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(r, 1.0, 1e-12);
    /* summing a second, perfect pair */
    sl_aligneval_add(&e, &g, &g);
    CU_ASSERT_EQUAL(e.p_total, 9);
    CU_ASSERT_EQUAL(e.p_strict, 7);
    sl_ebeads_free(&g);
    sl_ebeads_free(&t);
}

/* A batch: documents between blank lines are scored one against one, so
 * a bead never meets the gold of another document. */
static void test_batches(void)
{
    sl_ebeads g, t, r, short_;
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n[1]:[1]\n\n[0]:[0]\n\n[0,1]:[0]\n", &g, &err), SL_OK);
    CU_ASSERT_EQUAL(g.ndoc, 3);
    CU_ASSERT_EQUAL(g.n, 4);
    /* the same beads, documents swapped: right beads in the wrong document */
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n\n[0]:[0]\n[1]:[1]\n\n[0,1]:[0]\n\n", &t, &err),
                          SL_OK);
    CU_ASSERT_EQUAL(t.ndoc, 3); /* a blank line at the end counts for nothing */
    sl_aligneval e;
    memset(&e, 0, sizeof e);
    CU_ASSERT_EQUAL(sl_aligneval_add_docs(&e, &g, "g", &g, "g", &err), SL_OK);
    CU_ASSERT(e.p_strict == 4 && e.p_total == 4);
    memset(&e, 0, sizeof e);
    CU_ASSERT_EQUAL(sl_aligneval_add_docs(&e, &g, "g", &t, "t", &err), SL_OK);
    CU_ASSERT_EQUAL(e.p_total, 4);
    CU_ASSERT_EQUAL(e.p_strict, 3); /* all but [1]:[1], now in a document without it */
    /* an empty document keeps its place */
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n\n\n[0]:[0]\n", &r, &err), SL_OK);
    CU_ASSERT_EQUAL(r.ndoc, 3);
    CU_ASSERT_EQUAL_FATAL(parse("[0]:[0]\n", &short_, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_aligneval_add_docs(&e, &g, "g", &short_, "s", &err), SL_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "documents"));
    sl_ebeads_free(&g);
    sl_ebeads_free(&t);
    sl_ebeads_free(&r);
    sl_ebeads_free(&short_);
}

int test_aligneval_register(void)
{
    CU_pSuite s = CU_add_suite("aligneval", NULL, NULL);
    if (!s || !CU_add_test(s, "parse", test_parse) ||
        !CU_add_test(s, "malformed", test_malformed) || !CU_add_test(s, "scores", test_scores) ||
        !CU_add_test(s, "batches", test_batches))
        return -1;
    return 0;
}
