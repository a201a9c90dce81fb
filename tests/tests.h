/* tests.h — the suites of the CUnit runner, one per module. */
#ifndef SELARAS_TESTS_H
#define SELARAS_TESTS_H

#include <CUnit/CUnit.h>

/* Each adds its suite to the registry; returns 0 or -1 on a CUnit error. */
int test_text_register(void);
int test_strmap_register(void);
int test_segment_register(void);
int test_segeval_register(void);
int test_words_register(void);
int test_lexicon_register(void);
int test_features_register(void);
int test_align_register(void);
int test_aligneval_register(void);
int test_record_register(void);
int test_tmx_register(void);
int test_pipeline_register(void);
int test_srx_register(void);
int test_langid_register(void);
int test_input_register(void);
int test_output_register(void);
int test_rules_register(void);
int test_cli_register(void);
int test_learn_register(void);
int test_learnabbr_register(void);
int test_check_register(void);
int test_html_register(void);
int test_glossary_register(void);
int test_langrun_register(void);
int test_meta_register(void);
int test_page_register(void);
int test_leverage_register(void);
int test_fuzz_register(void);
int test_badinput_register(void);

/* Path of a file under ../shared (../shared/data), or NULL when absent. */
const char *test_shared_path(const char *rel);
const char *test_data_path(const char *rel);

/* Runs a shell command; returns its exit status (-1 when it did not run). */
int test_run(const char *cmd);

/* The default lexicon (FreeDict and the built-in core), loaded once and
 * shared by the suites; NULL when it cannot be built. */
struct sl_lexicon;
const struct sl_lexicon *test_lexicon(void);

/* Path of the selaras binary under test. */
const char *test_bin(void);

#endif
