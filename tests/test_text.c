/* test_text.c — loading text: UTF-8 validation, BOM, CRLF, errors. */
#include "tests.h"
#include "selaras/text.h"

#include <stdio.h>
#include <string.h>

static void load_mem(const char *s, size_t n, int want_rc, const char *want)
{
    sl_text t;
    sl_error err;
    sl_error_clear(&err);
    int rc = sl_text_from_mem(s, n, "mem", &t, &err);
    CU_ASSERT_EQUAL(rc, want_rc);
    if (rc == SL_OK) {
        CU_ASSERT_EQUAL(t.len, strlen(want));
        CU_ASSERT(t.len == strlen(want) && memcmp(t.data, want, t.len) == 0);
    } else {
        CU_ASSERT_PTR_NULL(t.data);
    }
    sl_text_free(&t);
}

static void test_plain(void) { load_mem("abc\ndef", 7, SL_OK, "abc\ndef"); }
static void test_bom(void) { load_mem("\xEF\xBB\xBFKata", 7, SL_OK, "Kata"); }
/* CRLF stays (readers trim the CR as whitespace); a lone CR becomes LF */
static void test_crlf(void)
{
    load_mem("a\r\nb\r\n", 6, SL_OK, "a\r\nb\r\n");
    load_mem("a\r\nb\rc\r", 7, SL_OK, "a\r\nb\nc\n");
}
static void test_empty(void) { load_mem("", 0, SL_EINPUT, NULL); }
static void test_multibyte(void)
{
    const char *s = "caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D \xF0\x9F\x98\x80";
    load_mem(s, strlen(s), SL_OK, s);
}

static void expect_error_at(const char *s, size_t n, long line, long long off)
{
    sl_text t;
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_text_from_mem(s, n, "f.txt", &t, &err), SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_EQUAL(err.offset, off);
    CU_ASSERT_STRING_EQUAL(err.file, "f.txt");
}

static void test_invalid_utf8(void)
{
    expect_error_at("ok\nba\xFF", 6, 2, 5);         /* stray byte */
    expect_error_at("\xC0\xAF", 2, 1, 0);           /* overlong '/' */
    expect_error_at("ab\xED\xA0\x80", 5, 1, 2);     /* surrogate */
    expect_error_at("x\xE2\x80", 3, 1, 1);          /* truncated */
    expect_error_at("\xF4\x90\x80\x80", 4, 1, 0);   /* past U+10FFFF */
}

static void test_nul(void) { expect_error_at("a\nb\0c", 5, 2, 3); }

static void test_missing_file(void)
{
    sl_text t;
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_text_load("/nonexistent/x.txt", NULL, &t, &err), SL_EIO);
    CU_ASSERT_STRING_EQUAL(err.file, "/nonexistent/x.txt");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "No such file"));
}

static void test_load_file(void)
{
    const char *path = "../build/tmp/text.txt";
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("\xEF\xBB\xBFsatu\r\ndua\r\n", f);
    fclose(f);
    sl_text t;
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_text_load(path, NULL, &t, &err), SL_OK);
    CU_ASSERT(t.len == 11 && memcmp(t.data, "satu\r\ndua\r\n", 11) == 0);
    sl_text_free(&t);
    remove(path);
}

static void test_space_len(void)
{
    const char *s = "a\xC2\xA0" "b\xE2\x80\x83" "c d";
    size_t n = strlen(s);
    CU_ASSERT_EQUAL(sl_utf8_space_len(s, n, 0), 0);
    CU_ASSERT_EQUAL(sl_utf8_space_len(s, n, 1), 2); /* NBSP */
    CU_ASSERT_EQUAL(sl_utf8_space_len(s, n, 4), 3); /* EM SPACE */
    CU_ASSERT_EQUAL(sl_utf8_space_len(s, n, 8), 1);
}

int test_text_register(void)
{
    CU_pSuite s = CU_add_suite("text", NULL, NULL);
    if (!s) return -1;
    if (!CU_add_test(s, "plain", test_plain) || !CU_add_test(s, "bom", test_bom) ||
        !CU_add_test(s, "crlf", test_crlf) || !CU_add_test(s, "empty", test_empty) ||
        !CU_add_test(s, "multibyte", test_multibyte) ||
        !CU_add_test(s, "invalid utf8", test_invalid_utf8) || !CU_add_test(s, "nul", test_nul) ||
        !CU_add_test(s, "missing file", test_missing_file) ||
        !CU_add_test(s, "load file", test_load_file) ||
        !CU_add_test(s, "space len", test_space_len))
        return -1;
    return 0;
}
