/* test_rules.c — built-in language data, codes and stop words; errors. */
#include "tests.h"
#include "selaras/error.h"
#include "selaras/rules.h"

#include <string.h>

static void test_codes(void)
{
    char b[32];
    CU_ASSERT_STRING_EQUAL(sl_lang_code("indonesian", b, sizeof b), "id");
    CU_ASSERT_STRING_EQUAL(sl_lang_code("IND", b, sizeof b), "id");
    CU_ASSERT_STRING_EQUAL(sl_lang_code("en", b, sizeof b), "en");
    CU_ASSERT_STRING_EQUAL(sl_lang_code("Swahili", b, sizeof b), "swahili");
}

static void test_stopwords(void)
{
    sl_strmap *id = sl_stopwords_new("indonesian"), *xx = sl_stopwords_new("xx");
    CU_ASSERT_FATAL(id && xx);
    CU_ASSERT(sl_strmap_get(id, "yang", 4) >= 0);
    CU_ASSERT(sl_strmap_get(id, "penelitian", 10) < 0);
    CU_ASSERT(sl_strmap_get(id, "[stopwords]", 11) < 0); /* headers are not words */
    CU_ASSERT_EQUAL(sl_strmap_size(xx), 0);
    sl_strmap_free(id);
    sl_strmap_free(xx);
    CU_ASSERT_PTR_NOT_NULL(sl_rules_builtin("id"));
    CU_ASSERT_PTR_NULL(sl_rules_builtin("no-such-file"));
}

/* A section's items, and only its own: comments and blank lines skipped,
 * the next header ends it. */
static void test_sections(void)
{
    static const char text[] = "# top\n[a]\none\n\n# c\ntwo words  \n[b]\nthree\n";
    const char *p = sl_rules_section(text, "a"), *w;
    size_t n;
    CU_ASSERT_FATAL(p != NULL);
    CU_ASSERT_FATAL(sl_rules_section_item(&p, &w, &n));
    CU_ASSERT(n == 3 && strncmp(w, "one", 3) == 0);
    CU_ASSERT_FATAL(sl_rules_section_item(&p, &w, &n));
    CU_ASSERT(n == 9 && strncmp(w, "two words", 9) == 0);
    CU_ASSERT_FALSE(sl_rules_section_item(&p, &w, &n));
    p = sl_rules_section(text, "b");
    CU_ASSERT(sl_rules_section_item(&p, &w, &n) && n == 5);
    CU_ASSERT_FALSE(sl_rules_section_item(&p, &w, &n));
    CU_ASSERT_PTR_NULL(sl_rules_section(text, "c"));
    CU_ASSERT_PTR_NULL(sl_rules_section(text, "")); /* no "[]" header */
    /* a line that starts with an item: its length; a letter after it, none */
    const char *a = sl_rules_section(text, "a");
    CU_ASSERT_EQUAL(sl_rules_section_prefix(a, "ONE: text", 9), 3);
    CU_ASSERT_EQUAL(sl_rules_section_prefix(a, "Two words", 9), 9);
    CU_ASSERT_EQUAL(sl_rules_section_prefix(a, "onerous", 7), 0);
    CU_ASSERT_EQUAL(sl_rules_section_prefix(a, "three", 5), 0); /* section b's */
    CU_ASSERT_EQUAL(sl_rules_section_prefix(NULL, "one", 3), 0);
    /* the record parser's words are there */
    p = sl_rules_section(sl_rules_builtin("record"), "keywords id");
    CU_ASSERT(sl_rules_section_item(&p, &w, &n) && n == 10 && strncmp(w, "kata kunci", n) == 0);
}

static void test_error_format(void)
{
    sl_error e;
    char buf[1400];
    sl_error_clear(&e);
    CU_ASSERT_EQUAL(e.offset, -1);
    CU_ASSERT_EQUAL(sl_error_set(&e, SL_EINPUT, "a.txt", 3, 42, "bad %s", "thing"), SL_EINPUT);
    CU_ASSERT_STRING_EQUAL(sl_error_format(&e, buf, sizeof buf), "a.txt:3: bad thing (byte 42)");
    e.column = 21;
    CU_ASSERT_STRING_EQUAL(sl_error_format(&e, buf, sizeof buf), "a.txt:3:21: bad thing (byte 42)");
    sl_error_set(&e, SL_EIO, "b.txt", 0, -1, "gone"); /* column unknown again */
    CU_ASSERT_STRING_EQUAL(sl_error_format(&e, buf, sizeof buf), "b.txt: gone");
    CU_ASSERT_EQUAL(sl_error_set(NULL, SL_ENOMEM, NULL, 0, -1, "x"), SL_ENOMEM);
}

int test_rules_register(void)
{
    CU_pSuite s = CU_add_suite("rules and errors", NULL, NULL);
    if (!s || !CU_add_test(s, "language codes", test_codes) ||
        !CU_add_test(s, "stop words", test_stopwords) ||
        !CU_add_test(s, "sections of a rule file", test_sections) ||
        !CU_add_test(s, "error records", test_error_format))
        return -1;
    return 0;
}
