/* test_cli.c — the selaras program end to end: bad input, exit codes, and
 * the segmentation figures on the gold data when ../shared/data is present. */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TMP "/tmp/selaras_cli_test"

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fwrite(s, 1, n, f);
    fclose(f);
}

/* Reads a whole small file into a static buffer. */
static const char *slurp(const char *path)
{
    static char buf[1 << 16];
    FILE *f = fopen(path, "rb");
    if (!f)
        return "";
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Runs `selaras ARGS`, stdout to TMP.out and stderr to TMP.err. */
static int run(const char *args)
{
    char cmd[4096];
    if (snprintf(cmd, sizeof cmd, "%s %s >" TMP ".out 2>" TMP ".err", test_bin(), args) >=
        (int)sizeof cmd)
        return -1;
    return test_run(cmd);
}

static void expect_bad_input(const char *content, size_t n, const char *want_in_err)
{
    write_file(TMP ".in", content, n);
    CU_ASSERT_EQUAL(run("split --lang id " TMP ".in"), 2);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
    const char *err = slurp(TMP ".err");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, TMP ".in"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want_in_err));
}

static void test_bad_input(void)
{
    expect_bad_input("Kalimat satu.\nDua \xFF.", 20, "byte 18");
    expect_bad_input("Kalimat satu.\0Dua.", 18, "byte 13");
    expect_bad_input("", 0, "empty");
    CU_ASSERT_EQUAL(run("split --lang id /nonexistent/abstrak.txt"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "/nonexistent/abstrak.txt"));
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
}

static void test_usage_errors(void)
{
    CU_ASSERT_EQUAL(run("split"), 2);
    CU_ASSERT_EQUAL(run("split --lang xx " TMP ".in"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "xx"));
    CU_ASSERT_EQUAL(run("no-such-command"), 2);
    CU_ASSERT_EQUAL(run("--help"), 0);
}

static void test_crlf_bom(void)
{
    const char in[] = "\xEF\xBB\xBFPenelitian ini kualitatif. Data dari\r\nwawancara.\r\n\r\nABSTRACT\r\n";
    write_file(TMP ".in", in, sizeof in - 1);
    CU_ASSERT_EQUAL(run("split --lang id " TMP ".in"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"),
                           "Penelitian ini kualitatif.\nData dari wawancara.\n\nABSTRACT\n\n");
}

static void test_stdin_and_output_file(void)
{
    write_file(TMP ".in", "Satu. Dua.", 10);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s split --lang id -o " TMP ".res - < " TMP ".in", test_bin());
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".res"), "Satu.\nDua.\n\n");
    remove(TMP ".res");
}

/* Boundary F1 on a gold set must reach the figure the project promises. */
static void check_f1(const char *set, const char *lang, const char *mode, const char *gold,
                     double min)
{
    const char *raw = test_data_path(set);
    const char *g = test_data_path(gold);
    if (!raw || !g) {
        printf("\n  (skipped %s: ../shared/data not present)", set);
        return;
    }
    char args[2048];
    snprintf(args, sizeof args, "split --lang %s %s -o " TMP ".pred %s", lang, mode, raw);
    CU_ASSERT_EQUAL_FATAL(run(args), 0);
    snprintf(args, sizeof args, "eval --segments %s " TMP ".pred", g);
    CU_ASSERT_EQUAL_FATAL(run(args), 0);
    const char *out = slurp(TMP ".out");
    const char *f = strstr(out, "F1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    double f1 = atof(f + 2);
    if (f1 < min)
        printf("\n  %s: F1 %.4f below %.4f", set, f1, min);
    CU_ASSERT(f1 >= min);
}

static void test_gold_figures(void)
{
    check_f1("seg/id_pud.raw.txt", "id", "--lines", "seg/id_pud.gold.txt", 0.995);
    check_f1("seg/en_pud.raw.txt", "en", "--lines", "seg/en_pud.gold.txt", 0.998);
    check_f1("seg/id_csui.raw.txt", "id", "--lines", "seg/id_csui.gold.txt", 0.975);
    check_f1("seg/id_gsd.raw.txt", "id", "--lines", "seg/id_gsd.gold.txt", 0.945);
    check_f1("seg/en_ewt.raw.txt", "en", "--lines", "seg/en_ewt.gold.txt", 0.83);
    check_f1("seg/abstract.raw.txt", "en", "", "seg/abstract.gold.txt", 1.0);
    check_f1("seg/abstract.raw.txt", "id", "", "seg/abstract.gold.txt", 1.0);
    check_f1("seg/abstract_block.raw.txt", "en", "", "seg/abstract.gold.txt", 1.0);
}

int test_cli_register(void)
{
    CU_pSuite s = CU_add_suite("cli", NULL, NULL);
    if (!s || !CU_add_test(s, "bad input", test_bad_input) ||
        !CU_add_test(s, "usage errors", test_usage_errors) ||
        !CU_add_test(s, "crlf and bom", test_crlf_bom) ||
        !CU_add_test(s, "stdin and -o", test_stdin_and_output_file) ||
        !CU_add_test(s, "gold figures", test_gold_figures))
        return -1;
    return 0;
}
