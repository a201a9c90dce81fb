/* test_features.c — match keys: numbers, cognates, names, stop words, lexicon,
 * words as the lexicon reads them. */
#include "tests.h"
#include "selaras/features.h"

#include <stdio.h>
#include <string.h>

static sl_featcfg *plain; /* no lexicon */

static int init(void)
{
    sl_error err;
    plain = sl_featcfg_new("id", "en", NULL, &err);
    return plain ? 0 : -1;
}

static int clean(void)
{
    sl_featcfg_free(plain);
    return 0;
}

/* Weighted matches of one Indonesian and one English sentence, and the
 * token counts of each (stop words are not tokens). */
static double match1(const sl_featcfg *cfg, const char *id, const char *en, size_t *nid,
                     size_t *nen)
{
    sl_span a = { id, strlen(id) }, b = { en, strlen(en) };
    sl_docfeat f;
    sl_error err;
    if (sl_feat_extract(cfg, NULL, &a, 1, &b, 1, &f, &err) != SL_OK)
        return -1;
    double m = sl_feat_matches(&f, 0, 1, 0, 1);
    if (nid) *nid = f.sent[0][0].ntok;
    if (nen) *nen = f.sent[1][0].ntok;
    sl_docfeat_free(&f);
    return m;
}

static void test_numbers(void)
{
    /* decimal comma and thousands dots against their English forms */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "3,5", "3.5", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "1.000.000", "1,000,000", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "Rp208,34", "Rp208.34", NULL, NULL), 2.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "87,5%", "87.5%", NULL, NULL), 1.0, 1e-9);
    /* a changed number does not match */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "30.000", "33,000", NULL, NULL), 0.0, 1e-9);
}

static void test_cognates(void)
{
    const char *pairs[][2] = {
        { "diplomasi", "diplomacy" },     { "implementasi", "implementation" },
        { "kualitatif", "qualitative" },  { "koordinasi", "coordination" },
        { "strategis", "strategic" },     { "universitas", "university" },
        { "teknologi", "technology" },    { "fotosintesis", "photosynthesis" },
    };
    for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
        double m = match1(plain, pairs[k][0], pairs[k][1], NULL, NULL);
        if (m != 1.0)
            printf("\n  cognate %s ~ %s: %.2f", pairs[k][0], pairs[k][1], m);
        CU_ASSERT_DOUBLE_EQUAL(m, 1.0, 1e-9);
    }
    /* unrelated words share no key */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "kebijakan", "policy", NULL, NULL), 0.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "penelitian", "research", NULL, NULL), 0.0, 1e-9);
}

static void test_names_and_stopwords(void)
{
    size_t nid, nen;
    double m = match1(plain, "Kementerian di Jakarta dan Surabaya yang", "the Ministry in Jakarta and Surabaya which",
                      &nid, &nen);
    CU_ASSERT_DOUBLE_EQUAL(m, 2.0, 1e-9); /* Jakarta, Surabaya */
    CU_ASSERT_EQUAL(nid, 3);              /* di, dan, yang are stop words */
    CU_ASSERT_EQUAL(nen, 3);              /* the, in, and, which */
    /* a question mark is a cue of its own */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "Mengapa?", "Why?", NULL, NULL), 1.0, 1e-9);
}

static void test_one_to_one(void)
{
    /* one "2019" cannot pay for two */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "2019 2019", "2019", NULL, NULL), 1.0, 1e-9);
}

static void test_tsv_lexicon(void)
{
    const char *path = "../build/tmp/feat.tsv";
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("pemerintah\tgovernment\npenelitian\tresearch\n", f);
    fclose(f);
    sl_error err;
    sl_lexicon *lex = sl_lexicon_load(path, SL_LEX_TSV, "id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    sl_featcfg *cfg = sl_featcfg_new("id", "en", lex, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    /* stemming lets inflected forms meet */
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "pemerintahan", "governments", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "penelitian", "research", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "pemerintahan", "governments", NULL, NULL), 0.0, 1e-9);
    sl_featcfg_free(cfg);
    sl_lexicon_free(lex);
    remove(path);
}

/* Words as words.h defines them: a hyphen before digits, U+2011, accents
 * precomposed, decomposed or left out, the typographic apostrophe and a
 * reduplication all give the key the other side has. */
static void test_word_keys(void)
{
    size_t nid, nen;
    /* the word covid and the number 19 on both sides */
    double m = match1(plain, "covid-19", "COVID\xE2\x80\x91" "19", &nid, &nen);
    CU_ASSERT_DOUBLE_EQUAL(m, 2.0, 1e-9);
    CU_ASSERT_EQUAL(nid, 2);
    CU_ASSERT_EQUAL(nen, 2);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "Covid", "COVID-19", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "cafe\xCC\x81", "caf\xC3\xA9", &nid, &nen), 1.0, 1e-9);
    CU_ASSERT_EQUAL(nid, 1); /* the accent is part of the word, no token of its own */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "cafe", "Caf\xC3\xA9", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "Ole ole", "Ol\xC3\xA9 ol\xC3\xA9", NULL, NULL), 2.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "lalu\xE2\x80\x90lintas", "lalu-lintas", &nid, NULL), 1.0,
                           1e-9); /* U+2010 */
    CU_ASSERT_EQUAL(nid, 1);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "one\xE2\x80\x99s", "one's", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "Kupu-kupu", "kupu", NULL, NULL), 1.0, 1e-9);
    /* a hyphen with no letter after it joins nothing */
    CU_ASSERT_DOUBLE_EQUAL(match1(plain, "kupu-", "kupu-kupu", &nid, NULL), 1.0, 1e-9);
    CU_ASSERT_EQUAL(nid, 1);
}

/* A lexicon entry and the text it is meant for meet however either is
 * written: the loader and the aligner share one word key (words.h). */
static void test_lexicon_words(void)
{
    const char *path = "../build/tmp/feat_words.tsv";
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("kafe\tcafe\xCC\x81\n"                    /* a combining accent */
          "penyakit\tCOVID\xE2\x80\x91" "19\n"      /* U+2011 */
          "wabah\tcovid-19\n"
          "kupu-kupu\tbutterfly\n"
          "milik\tone\xE2\x80\x99s\n"               /* U+2019 */
          "20\ttwenty\n",
          f);
    fclose(f);
    sl_error err;
    sl_lexicon *lex = sl_lexicon_load(path, SL_LEX_TSV, "id", "en", &err);
    remove(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    sl_featcfg *cfg = sl_featcfg_new("id", "en", lex, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    const char *cafes[] = { "caf\xC3\xA9", "CAF\xC3\x89", "cafe", "cafe\xCC\x81" };
    for (size_t k = 0; k < sizeof cafes / sizeof *cafes; k++) {
        CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "kafe", cafes[k], NULL, NULL), 1.0, 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(match1(plain, "kafe", cafes[k], NULL, NULL), 0.0, 1e-9);
    }
    const char *covids[] = { "covid-19", "COVID-19", "COVID\xE2\x80\x91" "19", "Covid" };
    for (size_t k = 0; k < sizeof covids / sizeof *covids; k++) {
        CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "penyakit", covids[k], NULL, NULL), 1.0, 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "wabah", covids[k], NULL, NULL), 1.0, 1e-9);
        CU_ASSERT_DOUBLE_EQUAL(match1(plain, "wabah", covids[k], NULL, NULL), 0.0, 1e-9);
    }
    /* the reduplicated entry meets both forms, the text's plural too */
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "kupu", "butterfly", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "kupu-kupu", "butterflies", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "milik", "one's", NULL, NULL), 1.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "milik", "one\xE2\x80\x99s", NULL, NULL), 1.0, 1e-9);
    /* "20" is no word: the number meets only itself */
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "20", "twenty", NULL, NULL), 0.0, 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(match1(cfg, "20", "20", NULL, NULL), 1.0, 1e-9);
    sl_featcfg_free(cfg);
    sl_lexicon_free(lex);
}

static void test_weights(void)
{
    /* a word in every sentence weighs less than a word in one */
    const char *id[] = { "diplomasi kota Surabaya", "diplomasi kota Bandung" };
    const char *en[] = { "city diplomacy Surabaya", "city diplomacy Bandung" };
    sl_span a[2] = { { id[0], strlen(id[0]) }, { id[1], strlen(id[1]) } };
    sl_span b[2] = { { en[0], strlen(en[0]) }, { en[1], strlen(en[1]) } };
    sl_docfeat f;
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_feat_extract(plain, NULL, a, 2, b, 2, &f, &err), SL_OK);
    CU_ASSERT(sl_feat_weight(&f, 0, 0) < sl_feat_weight(&f, 0, 2)); /* diplomasi < Surabaya */
    CU_ASSERT(sl_feat_matches(&f, 0, 1, 0, 1) > sl_feat_matches(&f, 0, 1, 1, 1));
    sl_docfeat_free(&f);
}

static void test_unknown_language(void)
{
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_featcfg_new("id", "klingon", NULL, &err));
    CU_ASSERT_EQUAL(err.code, SL_EUSAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "klingon"));
}

int test_features_register(void)
{
    CU_pSuite s = CU_add_suite("features", init, clean);
    if (!s || !CU_add_test(s, "numbers", test_numbers) ||
        !CU_add_test(s, "cognates", test_cognates) ||
        !CU_add_test(s, "names and stop words", test_names_and_stopwords) ||
        !CU_add_test(s, "one to one", test_one_to_one) ||
        !CU_add_test(s, "lexicon", test_tsv_lexicon) || !CU_add_test(s, "word keys", test_word_keys) ||
        !CU_add_test(s, "lexicon words", test_lexicon_words) ||
        !CU_add_test(s, "weights", test_weights) ||
        !CU_add_test(s, "unknown language", test_unknown_language))
        return -1;
    return 0;
}
