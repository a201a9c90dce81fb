/* test_input.c — document sources: directories, JSON Lines, one record. */
#include "tests.h"
#include "selaras/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR_ "/tmp/selaras_test_input"

static void put(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(s, f);
    fclose(f);
}

static void test_directory(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " DIR_ " && mkdir -p " DIR_), 0);
    put(DIR_ "/b.txt", "B");
    put(DIR_ "/a.txt", "A");
    put(DIR_ "/notes.md", "not a record");
    put(DIR_ "/.hidden.txt", "hidden");
    sl_error err;
    sl_input *in = sl_input_open(DIR_, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    /* one at a time: chunks keep their order */
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 1, &err), 1);
    CU_ASSERT_STRING_EQUAL(it[0].name, "a");
    CU_ASSERT_EQUAL(it[0].kind, SL_ITEM_RECORD);
    sl_item_free(&it[0]);
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 4, &err), 1);
    CU_ASSERT_STRING_EQUAL(it[0].name, "b");
    CU_ASSERT(it[0].t[0].len == 1 && it[0].t[0].data[0] == 'B');
    sl_item_free(&it[0]);
    CU_ASSERT_EQUAL(sl_input_next(in, it, 4, &err), 0);
    sl_input_close(in);
}

static void test_jsonl(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("mkdir -p " DIR_), 0);
    put(DIR_ "/batch.jsonl", "{\"doc\":\"d1\",\"id\":\"Satu.\",\"en\":\"One.\"}\n\n"
                             "{\"id\":\"Dua \\u00e9.\",\"en\":\"Two.\"}\n");
    sl_error err;
    sl_input *in = sl_input_open(DIR_ "/batch.jsonl", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 4, &err), 2);
    CU_ASSERT_STRING_EQUAL(it[0].name, "d1");
    CU_ASSERT_EQUAL(it[0].kind, SL_ITEM_PAIR);
    CU_ASSERT(it[0].t[1].len == 4 && memcmp(it[0].t[1].data, "One.", 4) == 0);
    CU_ASSERT_STRING_EQUAL(it[1].name, "line 3"); /* no "doc": named by its line */
    CU_ASSERT(it[1].t[0].len == 7 && memcmp(it[1].t[0].data, "Dua \xC3\xA9.", 7) == 0);
    sl_item_free(&it[0]);
    sl_item_free(&it[1]);
    sl_input_close(in);
}

static void expect_bad(const char *content, long line, const char *msg)
{
    put(DIR_ "/bad.jsonl", content);
    sl_error err;
    sl_error_clear(&err);
    sl_input *in = sl_input_open(DIR_ "/bad.jsonl", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    CU_ASSERT_EQUAL(sl_input_next(in, it, 4, &err), -1);
    CU_ASSERT_EQUAL(err.code, SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_STRING_EQUAL(err.file, DIR_ "/bad.jsonl");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, msg));
    sl_input_close(in);
}

static void test_jsonl_errors(void)
{
    const char *ok = "{\"id\":\"Satu.\",\"en\":\"One.\"}\n";
    char buf[256];
    snprintf(buf, sizeof buf, "%s{\"id\":\"Dua.\"\n", ok);
    expect_bad(buf, 2, "JSON");
    snprintf(buf, sizeof buf, "%s%s{\"id\":\"Tiga.\"}\n", ok, ok);
    expect_bad(buf, 3, "\"id\" and \"en\"");
    snprintf(buf, sizeof buf, "{\"id\":\"x\",\"en\":3}\n");
    expect_bad(buf, 1, "must be a string");
    snprintf(buf, sizeof buf, "{\"id\":\"a\\u0000b\",\"en\":\"x\"}\n");
    expect_bad(buf, 1, "NUL");
}

static void test_missing(void)
{
    sl_error err;
    CU_ASSERT_PTR_NULL(sl_input_open("/nonexistent/records", 0, &err));
    CU_ASSERT_EQUAL(err.code, SL_EIO);
}

int test_input_register(void)
{
    CU_pSuite s = CU_add_suite("input", NULL, NULL);
    if (!s || !CU_add_test(s, "directory", test_directory) || !CU_add_test(s, "jsonl", test_jsonl) ||
        !CU_add_test(s, "jsonl errors", test_jsonl_errors) ||
        !CU_add_test(s, "missing", test_missing))
        return -1;
    return 0;
}
