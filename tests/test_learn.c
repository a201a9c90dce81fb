/* test_learn.c — the learned lexicon: IBM Model 1 finds the word pairs of
 * a small invented corpus, in both directions, and nothing of too little
 * data; the CLI learns from a first alignment and writes the table. */
#include "tests.h"
#include "selaras/learn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Ten content words and their translations: sentences draw three to five
 * of them, the English in another order, with some function words. */
static const char *const IDW[] = { "rumah", "kucing", "pohon", "sungai", "gunung",
                                   "buku", "petani", "sawah", "hujan", "jalan" };
static const char *const ENW[] = { "house", "cat", "tree", "river", "mountain",
                                   "book", "farmer", "field", "rain", "road" };
enum { NW = 10 };

static unsigned long long seed = 12345;
static unsigned next(void)
{
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(seed >> 33);
}

static void corpus(sl_learner *l, int pairs)
{
    char id[256], en[256];
    for (int k = 0; k < pairs; k++) {
        int n = 3 + (int)(next() % 3), pick[5];
        for (int x = 0; x < n; x++)
            pick[x] = (int)(next() % NW);
        snprintf(id, sizeof id, "Di");
        snprintf(en, sizeof en, "The");
        for (int x = 0; x < n; x++) {
            strcat(id, " ");
            strcat(id, IDW[pick[x]]);
            strcat(en, " ");
            strcat(en, ENW[pick[n - 1 - x]]); /* reversed order */
        }
        sl_error err;
        CU_ASSERT_EQUAL(sl_learner_add(l, id, strlen(id), en, strlen(en), &err), SL_OK);
    }
}

/* The learned table as text. */
static char *table(const sl_learner *l)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sl_learner_save(l, f);
    fclose(f);
    return buf;
}

static void test_finds_the_pairs(void)
{
    sl_error err;
    sl_featcfg *cfg = sl_featcfg_new("id", "en", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    sl_learner *l = sl_learner_new(cfg, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    corpus(l, 400);
    CU_ASSERT_EQUAL(sl_learner_pairs(l), 400);
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    sl_learn_opts o;
    sl_learn_opts_default(&o);
    size_t added = 0;
    CU_ASSERT_EQUAL_FATAL(sl_learner_train(l, &o, lex, &added, &err), SL_OK);
    char *t = table(l);
    int right = 0;
    for (int k = 0; k < NW; k++) {
        char want[64];
        snprintf(want, sizeof want, "\n%s\t%s\t", IDW[k], ENW[k]);
        right += strstr(t, want) != NULL;
    }
    CU_ASSERT_EQUAL(right, NW);
    CU_ASSERT_EQUAL(added, NW); /* and nothing else */
    /* the pairs are in the lexicon, stemmed as the aligner looks them up */
    const char *const *tr;
    CU_ASSERT_EQUAL(sl_lexicon_lookup(lex, "kucing", 6, &tr), 1);
    CU_ASSERT_STRING_EQUAL(tr[0], "cat");
    free(t);
    /* a lexicon that knows a word keeps its own translation of it */
    sl_lexicon *known = sl_lexicon_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(known);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(known, "kucing\tfeline\n", 14, NULL, SL_LEX_TSV, &err),
                    SL_OK);
    CU_ASSERT_EQUAL(sl_learner_train(l, &o, known, &added, &err), SL_OK);
    CU_ASSERT_EQUAL(added, NW - 1);
    CU_ASSERT_EQUAL(sl_lexicon_lookup(known, "kucing", 6, &tr), 1);
    CU_ASSERT_STRING_EQUAL(tr[0], "felin"); /* stemmed as every target word */
    sl_lexicon_free(known);
    sl_lexicon_free(lex);
    sl_learner_free(l);
    sl_featcfg_free(cfg);
}

static void test_too_little_data(void)
{
    sl_error err;
    sl_featcfg *cfg = sl_featcfg_new("id", "en", NULL, &err);
    sl_learner *l = sl_learner_new(cfg, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    corpus(l, 20);
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    sl_learn_opts o;
    sl_learn_opts_default(&o);
    size_t added = 7;
    CU_ASSERT_EQUAL(sl_learner_train(l, &o, lex, &added, &err), SL_OK);
    CU_ASSERT_EQUAL(added, 0);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 0);
    sl_lexicon_free(lex);
    sl_learner_free(l);
    sl_featcfg_free(cfg);
}

/* The CLI: learning on the ten samples (twice over: a hundred pairs are
 * the least it learns from) without a dictionary writes a table that
 * --lexicon reads back. */
static void test_cli_learn(void)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "%s align --no-lexicon --learn --save-lexicon ../build/tmp/learn.tsv -o "
             "../build/tmp/learn.tmx --records ../samples ../samples 2>/dev/null && "
             "test $(grep -vc '^#' ../build/tmp/learn.tsv) -gt 20 && "
             "grep -q 'p(target|source)' ../build/tmp/learn.tsv && "
             "%s align --lexicon ../build/tmp/learn.tsv -o ../build/tmp/learn2.tmx "
             "../samples/001_law.txt",
             test_bin(), test_bin());
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    /* stdin cannot be read twice */
    snprintf(cmd, sizeof cmd, "%s align --learn - < ../samples/001_law.txt >/dev/null 2>&1",
             test_bin());
    CU_ASSERT_EQUAL(test_run(cmd), 2);
    remove("../build/tmp/learn.tsv");
    remove("../build/tmp/learn.tmx");
    remove("../build/tmp/learn2.tmx");
}

int test_learn_register(void)
{
    CU_pSuite s = CU_add_suite("learn", NULL, NULL);
    if (!s || !CU_add_test(s, "finds the word pairs", test_finds_the_pairs) ||
        !CU_add_test(s, "too little data", test_too_little_data) ||
        !CU_add_test(s, "align --learn", test_cli_learn))
        return -1;
    return 0;
}
