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

/* What a file that is not UTF-8 text looks like, named in the message. */
static void expect_named(const char *s, size_t n, const char *want)
{
    sl_text t;
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_text_from_mem(s, n, "f.txt", &t, &err), SL_EINPUT);
    if (!strstr(err.msg, want))
        printf("\n  expected \"%s\" in \"%s\"", want, err.msg);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, want));
}

static void test_named(void)
{
    expect_named("\0\0\xFE\xFF\0\0\0K", 8, "looks like UTF-32BE, not UTF-8; convert it with: "
                                           "iconv -f UTF-32BE -t UTF-8 f.txt > f.txt.utf8");
    expect_named("K\0a\0t\0a\0 \0s\0a\0t\0u\0.\0", 20, "looks like UTF-16LE");
    expect_named("\0K\0a\0t\0a\0 \0s\0a\0t\0u\0.", 20, "looks like UTF-16BE");
    expect_named("\x1F\x8B\x08\0\0\0", 6, "gzip-compressed");
    expect_named("PK\3\4\x14\0", 6, "ZIP archive");
    expect_named("\xFF\xD8\xFF\xE0\0\x10", 6, "JPEG image");
    expect_named("GIF89a\x01\0\xff", 9, "GIF image");
    expect_named("Gr\xFC\xDF dari K\xF6ln.", 15, "Windows-1252 (Latin-1) text, not UTF-8 (byte "
                                                  "0xFC on line 1, byte 2)");
    /* one stray byte is a damaged UTF-8 file, not another encoding */
    expect_named("caf\xE9 ok", 7, "invalid UTF-8: 0xE9");
    /* a stray NUL in short text is just that */
    expect_named("a\nb\0c", 5, "NUL byte in text input");
}

/* --repair: one U+FFFD per maximal invalid part (as Unicode advises), and
 * where the first was. */
static void expect_repair(const char *s, size_t n, const char *want, size_t count)
{
    sl_text t;
    sl_error err;
    sl_text_opts o = { NULL, 1 };
    CU_ASSERT_EQUAL_FATAL(sl_text_from_mem_opts(s, n, "f.txt", &o, &t, &err), SL_OK);
    CU_ASSERT_EQUAL(t.repaired, count);
    CU_ASSERT(t.len == strlen(want) && memcmp(t.data, want, t.len) == 0);
    sl_text_free(&t);
}

#define R "\xEF\xBF\xBD"
static void test_repair(void)
{
    expect_repair("a\xE2\x82" "b", 4, "a" R "b", 1);        /* cut short */
    expect_repair("\xC0\xAF", 2, R R, 2);                   /* overlong */
    expect_repair("x\xED\xA0\x80y", 5, "x" R R R "y", 3);   /* surrogate */
    expect_repair("\xF4\x90\x80\x80", 4, R R R R, 4);       /* past U+10FFFF */
    expect_repair("\xF0\x9F\x98", 3, R, 1);                 /* cut off at the end */
    expect_repair("a\0b", 3, "a" R "b", 1);                 /* NUL */
    expect_repair("ok", 2, "ok", 0);
    sl_text t;
    sl_error err;
    sl_text_opts o = { NULL, 1 };
    CU_ASSERT_EQUAL_FATAL(sl_text_from_mem_opts("a\r\rb\xFFz\r", 7, "f.txt", &o, &t, &err), SL_OK);
    CU_ASSERT_EQUAL(t.repair_line, 3); /* CR-only lines count */
    CU_ASSERT_EQUAL(t.repair_at, 4);
    static const char want[] = "a\n\nb" R "z\n";
    CU_ASSERT(t.len == sizeof want - 1 && memcmp(t.data, want, t.len) == 0);
    sl_text_free(&t);
    /* UTF-16 is not "repaired" into noise */
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_text_from_mem_opts("\xFF\xFEK\0a\0", 6, "f.txt", &o, &t, &err), SL_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "UTF-16LE"));
}

/* --encoding: converted with iconv; a byte outside the encoding is an
 * error with its line and offset, or U+FFFD with repair. */
static void test_encoding(void)
{
    sl_text t;
    sl_error err;
    sl_text_opts o = { "ISO-8859-1", 0 };
    CU_ASSERT_EQUAL_FATAL(sl_text_from_mem_opts("caf\xE9\n", 5, "f.txt", &o, &t, &err), SL_OK);
    CU_ASSERT(t.len == 6 && memcmp(t.data, "caf\xC3\xA9\n", 6) == 0);
    sl_text_free(&t);
    o.encoding = "UTF-16LE"; /* a BOM converts to one, which is skipped */
    CU_ASSERT_EQUAL_FATAL(sl_text_from_mem_opts("\xFF\xFEK\0\xE9\0", 6, "f.txt", &o, &t, &err), SL_OK);
    CU_ASSERT(t.len == 3 && memcmp(t.data, "K\xC3\xA9", 3) == 0);
    sl_text_free(&t);
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_text_from_mem_opts("a\0\n\0b", 5, "f.txt", &o, &t, &err), SL_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "ends inside a UTF-16LE character"));
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(err.offset, 4);
    o.repair = 1;
    CU_ASSERT_EQUAL_FATAL(sl_text_from_mem_opts("a\0\n\0b", 5, "f.txt", &o, &t, &err), SL_OK);
    CU_ASSERT(t.len == 5 && memcmp(t.data, "a\n" R, 5) == 0);
    CU_ASSERT_EQUAL(t.repaired, 1);
    sl_text_free(&t);
    o.encoding = "NO-SUCH-CODE";
    CU_ASSERT_EQUAL(sl_text_from_mem_opts("x", 1, "f.txt", &o, &t, &err), SL_EUSAGE);
    CU_ASSERT_EQUAL(sl_text_encoding_check("NO-SUCH-CODE", &err), SL_EUSAGE);
    CU_ASSERT_EQUAL(sl_text_encoding_check("cp1252", &err), SL_OK);
    CU_ASSERT(sl_text_encoding_lines("CP1252") && sl_text_encoding_lines("UTF-8"));
    CU_ASSERT(!sl_text_encoding_lines("UTF-16LE") && !sl_text_encoding_lines("NO-SUCH-CODE"));
}
#undef R

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
        !CU_add_test(s, "space len", test_space_len) ||
        !CU_add_test(s, "other encodings and formats named", test_named) ||
        !CU_add_test(s, "--repair: U+FFFD per invalid part", test_repair) ||
        !CU_add_test(s, "--encoding: converted with iconv", test_encoding))
        return -1;
    return 0;
}
