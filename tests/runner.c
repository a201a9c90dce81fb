/* runner.c — runs every CUnit suite; exits non-zero on any failure. */
#include "tests.h"
#include "selaras/lexicon.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* ../shared (beside the repository), or $SELARAS_SHARED; tests run in tests/ */
const char *test_shared_path(const char *rel)
{
    static char buf[8][1024];
    static int k;
    const char *root = getenv("SELARAS_SHARED");
    if (!root)
        root = "../../shared";
    char *b = buf[k++ % 8];
    snprintf(b, sizeof buf[0], "%s/%s", root, rel);
    struct stat st;
    return stat(b, &st) == 0 ? b : NULL;
}

const char *test_data_path(const char *rel)
{
    char r[1024];
    snprintf(r, sizeof r, "data/%s", rel);
    return test_shared_path(r);
}

int test_run(const char *cmd)
{
    int st = system(cmd);
    if (st == -1 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

static sl_lexicon *lex; /* loaded once for every suite that aligns */
static int lex_tried;

const sl_lexicon *test_lexicon(void)
{
    if (!lex_tried++) {
        sl_error err;
        int missing;
        lex = sl_lexicon_load_default(NULL, "id", "en", &missing, &err);
        if (lex && missing)
            printf("\n  (FreeDict missing: the built-in core lexicon only)");
    }
    return lex;
}

const char *test_bin(void)
{
    const char *b = getenv("SELARAS_BIN");
    return b ? b : "../build/selaras";
}

int main(void)
{
    /* scratch files live in the checkout's build directory, so that test
     * runs of two checkouts never share a path, ... */
    mkdir("../build", 0777);
    mkdir("../build/tmp", 0777);
    /* ... and two runs in one checkout (a sanitizer build beside the plain
     * one) take turns: the second waits for the first's lock */
    int lock = open("../build/tmp/.lock", O_RDWR | O_CREAT, 0666);
    if (lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0) {
        fprintf(stderr, "another test run uses ../build/tmp: waiting for it\n");
        flock(lock, LOCK_EX);
    }
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    int (*suites[])(void) = {
        test_text_register, test_strmap_register, test_segment_register,
        test_segeval_register, test_words_register, test_lexicon_register,
        test_features_register,
        test_align_register, test_aligneval_register, test_record_register,
        test_tmx_register, test_pipeline_register, test_srx_register, test_langid_register, test_input_register,
        test_output_register, test_rules_register, test_cli_register, test_learn_register,
        test_learnabbr_register,
        test_check_register,
        test_html_register, test_glossary_register, test_langrun_register, test_meta_register,
        test_page_register, test_leverage_register, test_fuzz_register,
        test_badinput_register,
    };
    for (size_t i = 0; i < sizeof suites / sizeof *suites; i++)
        if (suites[i]() != 0) {
            fprintf(stderr, "cannot register suite %zu: %s\n", i, CU_get_error_msg());
            CU_cleanup_registry();
            return 2;
        }
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    sl_lexicon_free(lex);
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    printf("\n%u tests run, %s\n", run, failed ? "FAILURES" : "all passed");
    return failed || run == 0 ? 1 : 0;
}
