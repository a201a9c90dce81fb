/* test_input.c — document sources: directories, JSON Lines, one record. */
#include "tests.h"
#include "selaras/input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR_ "../build/tmp/input"

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
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 1), 1);
    CU_ASSERT_STRING_EQUAL(it[0].name, "a");
    CU_ASSERT_STRING_EQUAL(it[0].path, DIR_ "/a.txt");
    CU_ASSERT_EQUAL(it[0].kind, SL_ITEM_RECORD);
    CU_ASSERT_EQUAL(it[0].status, SL_OK);
    sl_item_free(&it[0]);
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 4), 1);
    CU_ASSERT_STRING_EQUAL(it[0].name, "b");
    CU_ASSERT(it[0].t[0].len == 1 && it[0].t[0].data[0] == 'B');
    sl_item_free(&it[0]);
    CU_ASSERT_EQUAL(sl_input_next(in, it, 4), 0);
    sl_input_close(in);
}

/* sl_input_next, then each item decoded as a worker thread would. */
static size_t next_decoded(sl_input *in, sl_item *it, size_t max)
{
    size_t n = sl_input_next(in, it, max);
    for (size_t k = 0; k < n; k++)
        sl_item_prepare(&it[k]);
    return n;
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
    CU_ASSERT_EQUAL_FATAL(next_decoded(in, it, 4), 2);
    CU_ASSERT_STRING_EQUAL(it[0].name, "d1");
    CU_ASSERT_EQUAL(it[0].kind, SL_ITEM_PAIR);
    CU_ASSERT(it[0].t[1].len == 4 && memcmp(it[0].t[1].data, "One.", 4) == 0);
    CU_ASSERT_STRING_EQUAL(it[1].name, "line 3"); /* no "doc": named by its line */
    CU_ASSERT_EQUAL(it[1].line, 3);
    CU_ASSERT(it[1].t[0].len == 7 && memcmp(it[1].t[0].data, "Dua \xC3\xA9.", 7) == 0);
    sl_item_free(&it[0]);
    sl_item_free(&it[1]);
    sl_input_close(in);
}

/* A bad line comes back as an item of its own, between the good ones. */
static void expect_bad(const char *bad, long col, const char *msg)
{
    char content[512];
    snprintf(content, sizeof content,
             "{\"doc\":\"a\",\"id\":\"Satu.\",\"en\":\"One.\"}\n%s\n"
             "{\"doc\":\"c\",\"id\":\"Tiga.\",\"en\":\"Three.\"}\n", bad);
    put(DIR_ "/bad.jsonl", content);
    sl_error err;
    sl_error_clear(&err);
    sl_input *in = sl_input_open(DIR_ "/bad.jsonl", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    CU_ASSERT_EQUAL_FATAL(next_decoded(in, it, 4), 3);
    CU_ASSERT(it[0].status == SL_OK && strcmp(it[0].name, "a") == 0);
    CU_ASSERT(it[2].status == SL_OK && strcmp(it[2].name, "c") == 0);
    CU_ASSERT_EQUAL(it[1].status, SL_EINPUT);
    CU_ASSERT_EQUAL(it[1].err.code, SL_EINPUT);
    CU_ASSERT_EQUAL(it[1].err.line, 2);
    CU_ASSERT_EQUAL(it[1].err.column, col);
    CU_ASSERT_EQUAL(it[1].line, 2);
    CU_ASSERT_PTR_NULL(it[1].name);
    CU_ASSERT_STRING_EQUAL(it[1].err.file, DIR_ "/bad.jsonl");
    CU_ASSERT_PTR_NOT_NULL(strstr(it[1].err.msg, msg));
    char where[256];
    CU_ASSERT_STRING_EQUAL(sl_item_where(&it[1], where, sizeof where), DIR_ "/bad.jsonl:2");
    for (int k = 0; k < 3; k++)
        sl_item_free(&it[k]);
    CU_ASSERT_EQUAL(sl_input_next(in, it, 4), 0);
    sl_input_close(in);
}

static void test_jsonl_errors(void)
{
    expect_bad("{\"id\":\"Dua.\"", 12, "invalid JSON");
    expect_bad("{\"id\":\"Dua.\"}", 0, "\"id\" and \"en\"");
    expect_bad("{\"id\":\"x\",\"en\":3}", 0, "must be a string or an array");
    expect_bad("{\"id\":[\"x\"],\"en\":\"y\"}", 0, "both be strings or both be arrays");
    expect_bad("{\"id\":[\"x\",2],\"en\":[\"y\"]}", 0, "\"id\"[1] must be a string");
    expect_bad("{\"id\":\"a\\u0000b\",\"en\":\"x\"}", 16, "NUL");
}

/* A chunk with a bad line keeps the good lines before it, and the next
 * chunk goes on after it. */
static void test_jsonl_chunks(void)
{
    FILE *f = fopen(DIR_ "/chunks.jsonl", "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int k = 0; k < 10; k++)
        fprintf(f, k == 4 ? "{broken\n" : "{\"doc\":\"d%d\",\"id\":\"Satu.\",\"en\":\"One.\"}\n", k);
    fclose(f);
    sl_error err;
    sl_input *in = sl_input_open(DIR_ "/chunks.jsonl", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[6];
    int good = 0, bad = 0;
    size_t n;
    while ((n = next_decoded(in, it, 6)) > 0)
        for (size_t k = 0; k < n; k++) {
            if (it[k].status) {
                bad++;
                CU_ASSERT_EQUAL(it[k].line, 5);
            } else {
                good++;
            }
            sl_item_free(&it[k]);
        }
    CU_ASSERT_EQUAL(good, 9);
    CU_ASSERT_EQUAL(bad, 1);
    sl_input_close(in);
}

/* A record file that cannot be read is an item with its status, and the
 * directory goes on. */
static void test_bad_record_file(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " DIR_ " && mkdir -p " DIR_), 0);
    put(DIR_ "/a.txt", "A");
    put(DIR_ "/b.txt", "B \xff");
    put(DIR_ "/c.txt", "C");
    sl_error err;
    sl_input *in = sl_input_open(DIR_, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 4), 3);
    CU_ASSERT_EQUAL(it[0].status, SL_OK);
    CU_ASSERT_EQUAL(it[1].status, SL_EINPUT);
    CU_ASSERT_STRING_EQUAL(it[1].err.file, DIR_ "/b.txt");
    CU_ASSERT_STRING_EQUAL(it[1].path, DIR_ "/b.txt");
    CU_ASSERT(it[2].status == SL_OK && strcmp(it[2].name, "c") == 0);
    for (int k = 0; k < 3; k++)
        sl_item_free(&it[k]);
    sl_input_close(in);
    /* a pair of files, one missing */
    sl_item_load_pair(&it[0], "a", DIR_ "/a.txt", DIR_ "/nonexistent.txt", 0, NULL);
    CU_ASSERT_EQUAL(it[0].status, SL_EIO);
    CU_ASSERT_STRING_EQUAL(it[0].err.file, DIR_ "/nonexistent.txt");
    sl_item_free(&it[0]);
    sl_item_load_pair(&it[0], "a", DIR_ "/a.txt", DIR_ "/c.txt", 1, NULL);
    CU_ASSERT(it[0].status == SL_OK && it[0].kind == SL_ITEM_PAIR && it[0].t[1].data[0] == 'C');
    CU_ASSERT(it[0].presplit && strcmp(it[0].name, "a") == 0);
    sl_item_free(&it[0]);
}

/* Segment arrays: one segment per line, a line break inside a segment
 * made a space so segments stay one per line. */
static void test_jsonl_arrays(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("mkdir -p " DIR_), 0);
    put(DIR_ "/arrays.jsonl",
        "{\"doc\":\"p\",\"id\":[\"Satu.\",\"Dua\\nbaris.\"],\"en\":[\"One.\"]}\n"
        "{\"doc\":\"q\",\"id\":\"Tiga.\",\"en\":\"Three.\"}\n");
    sl_error err;
    sl_input *in = sl_input_open(DIR_ "/arrays.jsonl", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    CU_ASSERT_EQUAL_FATAL(next_decoded(in, it, 4), 2);
    CU_ASSERT_EQUAL(it[0].status, SL_OK);
    CU_ASSERT(it[0].presplit);
    CU_ASSERT(it[0].t[0].len == 17 && memcmp(it[0].t[0].data, "Satu.\nDua baris.\n", 17) == 0);
    CU_ASSERT(it[0].t[1].len == 5 && memcmp(it[0].t[1].data, "One.\n", 5) == 0);
    CU_ASSERT(!it[1].presplit); /* strings stay running text */
    unsigned long long done, total;
    sl_input_progress(in, &done, &total);
    CU_ASSERT(done > 0 && done == total);
    for (int k = 0; k < 2; k++)
        sl_item_free(&it[k]);
    sl_input_close(in);
    /* the same file read with SL_INPUT_PRESPLIT: strings are lines too */
    in = sl_input_open(DIR_ "/arrays.jsonl", SL_INPUT_PRESPLIT, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    CU_ASSERT_EQUAL_FATAL(next_decoded(in, it, 4), 2);
    CU_ASSERT(it[0].presplit && it[1].presplit);
    for (int k = 0; k < 2; k++)
        sl_item_free(&it[k]);
    sl_input_close(in);
}

/* A directory of NAME.id / NAME.en pairs beside records; an English file
 * without its Indonesian one is reported, in name order. */
static void test_dir_pairs(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " DIR_ "/pairs && mkdir -p " DIR_ "/pairs"), 0);
    put(DIR_ "/pairs/a.id", "Satu.\nDua.\n");
    put(DIR_ "/pairs/a.en", "One.\nTwo.\n");
    put(DIR_ "/pairs/b.en", "Lonely.\n");
    put(DIR_ "/pairs/c.txt", "Judul = Title / A\nABSTRAK\nSatu.\nABSTRACT\nOne.\n");
    put(DIR_ "/pairs/notes.md", "not a document\n");
    sl_error err;
    sl_input *in = sl_input_open(DIR_ "/pairs", SL_INPUT_PRESPLIT, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[8];
    CU_ASSERT_EQUAL_FATAL(next_decoded(in, it, 8), 3);
    CU_ASSERT(it[0].status == SL_OK && it[0].kind == SL_ITEM_PAIR && it[0].presplit);
    CU_ASSERT_STRING_EQUAL(it[0].name, "a");
    CU_ASSERT(it[0].t[1].len == 10 && memcmp(it[0].t[1].data, "One.\nTwo.\n", 10) == 0);
    CU_ASSERT_EQUAL(it[1].status, SL_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(it[1].err.msg, "without its Indonesian"));
    CU_ASSERT(it[2].status == SL_OK && it[2].kind == SL_ITEM_RECORD);
    CU_ASSERT_STRING_EQUAL(it[2].name, "c");
    for (int k = 0; k < 3; k++)
        sl_item_free(&it[k]);
    sl_input_close(in);
}

/* A page of several records (a result list copied whole) gives each as a
 * document, NAME#K at its line; a directory's pages too, in place. */
static void test_page(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " DIR_ " && mkdir -p " DIR_), 0);
    const char *page = "Hasil Pencarian\n"
                       "Sari Dewi\n\"Teks satu. Text one.\"\n"
                       "Depok: Fakultas Hukum Universitas Indonesia, 2019\n"
                       "UI - Tesis Membership  Universitas Indonesia Library\n"
                       "Budi Santoso\n\"Teks dua. Text two.\"\n"
                       "UI - Skripsi Membership  Universitas Indonesia Library\n"
                       "cover\nCitra Lestari\n\"Teks tiga. Text three.\"\n";
    put(DIR_ "/a.txt", "one record");
    put(DIR_ "/b.txt", page);
    put(DIR_ "/c.txt", "another record");
    sl_error err;
    sl_input *in = sl_input_open(DIR_ "/b.txt", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item it[4];
    /* two at a time: the page's records keep their order across chunks */
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 2), 2);
    CU_ASSERT_STRING_EQUAL(it[0].name, "b#1");
    CU_ASSERT_STRING_EQUAL(it[1].name, "b#2");
    CU_ASSERT_EQUAL(it[0].line, 1);
    CU_ASSERT_EQUAL(it[1].line, 6);
    CU_ASSERT_STRING_EQUAL(it[1].path, DIR_ "/b.txt");
    CU_ASSERT(it[1].kind == SL_ITEM_RECORD && it[1].status == SL_OK);
    CU_ASSERT(it[1].t[0].len > 12 && memcmp(it[1].t[0].data, "Budi Santoso", 12) == 0);
    char where[256];
    CU_ASSERT_STRING_EQUAL(sl_item_where(&it[1], where, sizeof where), DIR_ "/b.txt:6");
    sl_item_free(&it[0]);
    sl_item_free(&it[1]);
    CU_ASSERT_EQUAL_FATAL(sl_input_next(in, it, 4), 1);
    CU_ASSERT_STRING_EQUAL(it[0].name, "b#3");
    CU_ASSERT_EQUAL(it[0].line, 9);
    sl_item_free(&it[0]);
    CU_ASSERT_EQUAL(sl_input_next(in, it, 4), 0);
    sl_input_close(in);
    CU_ASSERT(sl_input_several(DIR_ "/b.txt", 0));
    CU_ASSERT(!sl_input_several(DIR_ "/a.txt", 0));
    CU_ASSERT(sl_input_several(DIR_, 0));
    CU_ASSERT(!sl_input_several("-", 0));
    /* in a directory */
    in = sl_input_open(DIR_, 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    const char *const names[] = { "a", "b#1", "b#2", "b#3", "c" };
    size_t got = 0, n;
    while ((n = sl_input_next(in, it, 3)))
        for (size_t k = 0; k < n; k++, got++) {
            CU_ASSERT(got < 5 && strcmp(it[k].name, names[got]) == 0);
            sl_item_free(&it[k]);
        }
    CU_ASSERT_EQUAL(got, 5);
    /* a page left half read is freed with the input */
    CU_ASSERT_EQUAL(sl_input_next(in, it, 1), 0);
    sl_input_close(in);
    in = sl_input_open(DIR_ "/b.txt", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    CU_ASSERT_EQUAL(sl_input_next(in, it, 1), 1);
    sl_item_free(&it[0]);
    sl_input_close(in);
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
        !CU_add_test(s, "jsonl: a bad line loses no good one", test_jsonl_chunks) ||
        !CU_add_test(s, "unreadable record file", test_bad_record_file) ||
        !CU_add_test(s, "jsonl: arrays of segments", test_jsonl_arrays) ||
        !CU_add_test(s, "directory of NAME.id, NAME.en pairs", test_dir_pairs) ||
        !CU_add_test(s, "a page of several records", test_page) ||
        !CU_add_test(s, "missing", test_missing))
        return -1;
    return 0;
}
