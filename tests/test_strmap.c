/* test_strmap.c — interning: dense ids, lookups, growth. */
#include "tests.h"
#include "selaras/strmap.h"

#include <stdio.h>
#include <string.h>

static void test_intern(void)
{
    sl_strmap *m = sl_strmap_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(sl_strmap_intern(m, "kota", 4), 0);
    CU_ASSERT_EQUAL(sl_strmap_intern(m, "city", 4), 1);
    CU_ASSERT_EQUAL(sl_strmap_intern(m, "kota", 4), 0);
    CU_ASSERT_EQUAL(sl_strmap_get(m, "city", 4), 1);
    CU_ASSERT_EQUAL(sl_strmap_get(m, "cit", 3), -1);
    CU_ASSERT_EQUAL(sl_strmap_get(m, "kotak", 5), -1);
    CU_ASSERT_STRING_EQUAL(sl_strmap_key(m, 1), "city");
    CU_ASSERT_EQUAL(sl_strmap_size(m), 2);
    sl_strmap_free(m);
    sl_strmap_free(NULL);
}

static void test_growth(void)
{
    sl_strmap *m = sl_strmap_new();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    char k[32];
    for (int i = 0; i < 50000; i++) {
        int n = snprintf(k, sizeof k, "w%d", i);
        CU_ASSERT_EQUAL_FATAL(sl_strmap_intern(m, k, (size_t)n), i);
    }
    int ok = 1;
    for (int i = 0; i < 50000; i++) {
        int n = snprintf(k, sizeof k, "w%d", i);
        ok &= sl_strmap_get(m, k, (size_t)n) == i;
        ok &= strcmp(sl_strmap_key(m, i), k) == 0;
    }
    CU_ASSERT(ok);
    sl_strmap_free(m);
}

int test_strmap_register(void)
{
    CU_pSuite s = CU_add_suite("strmap", NULL, NULL);
    if (!s || !CU_add_test(s, "intern", test_intern) || !CU_add_test(s, "growth", test_growth))
        return -1;
    return 0;
}
