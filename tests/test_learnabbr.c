/* test_learnabbr.c — abbreviations learned from the input: a type seen
 * with its period before lower-case words and numbers is learned and keeps
 * its sentence; a word that ends sentences is not; the lists win; a unit
 * that ends a sentence before a word written lower-case elsewhere splits;
 * too little text learns nothing. */
#include "tests.h"
#include "selaras/learnabbr.h"
#include "selaras/segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sentences of an invented English abstract collection: "Thm." before
 * numbers and lower-case words, "Fig." (listed) likewise, "sample." only
 * at sentence ends (and "sample" mid-sentence), "kWh" after numbers,
 * mid-sentence and at a sentence end before "Output" ("output" is written
 * in lower case mid-sentence). */
static const char *const SENT[] = {
    "By Thm. %d the estimator converges for every design.",
    "The bound of Thm. %d holds whenever the loss is convex.",
    "We restate Thm. %d and prove it by induction on the depth.",
    "The variance is smaller in a larger sample.",
    "Each method was tested on the same sample.",
    "The sample size was %d in every arm of the trial.",
    "The results in Fig. %d show a steady decline.",
    "A typical house used %d kWh per month in the dry season.",
    "The panels produced %d kWh. Output fell by half in the rainy months.",
    "The output of each panel was logged every hour.",
    "These findings suggest that the reform lowered the cost of compliance.",
    "Most respondents found the new procedure easier to follow.",
    "Our analysis draws on panel data from %d districts.",
    "The model was validated on two public collections.",
};
enum { NSENT = sizeof SENT / sizeof *SENT };

/* About n words of paragraphs, one a line, of four sentences each. */
static char *corpus(size_t words)
{
    size_t cap = words * 12 + 1024, len = 0, w = 0;
    char *t = malloc(cap);
    unsigned seed = 7;
    while (w < words) {
        for (int k = 0; k < 4; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *s = SENT[(seed >> 16) % NSENT];
            len += (size_t)snprintf(t + len, cap - len, "%s", k ? " " : "");
            const char *d = strstr(s, "%d");
            if (d)
                len += (size_t)snprintf(t + len, cap - len, "%.*s%d%s", (int)(d - s), s,
                                        2 + (int)((seed >> 8) % 40), d + 2);
            else
                len += (size_t)snprintf(t + len, cap - len, "%s", s);
            for (const char *q = s; *q; q++)
                w += *q == ' ';
            w++;
        }
        t[len++] = '\n';
    }
    t[len] = '\0';
    return t;
}

static const sl_learnabbr_item *find_item(const sl_learnabbr *l, const char *type)
{
    for (size_t i = 0; i < sl_learnabbr_count(l); i++)
        if (strcmp(sl_learnabbr_get(l, i)->type, type) == 0)
            return sl_learnabbr_get(l, i);
    return NULL;
}

/* Splits text with seg; returns the sentences joined by '|'. */
static char *split(const sl_seg *seg, const char *text)
{
    sl_sents s;
    sl_error err;
    memset(&s, 0, sizeof s);
    static char out[4096];
    out[0] = '\0';
    if (sl_seg_split(seg, text, strlen(text), 0, &s, &err) == SL_OK)
        for (size_t i = 0; i < s.n; i++)
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s%.*s", i ? "|" : "",
                     (int)s.v[i].len, s.text + s.v[i].off);
    sl_sents_free(&s);
    return out;
}

static sl_learnabbr *learned(sl_seg *seg, const char *text)
{
    sl_error err;
    sl_learnabbr *l = sl_learnabbr_new(seg, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_EQUAL(sl_learnabbr_add(l, text, strlen(text), 1, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_learnabbr_finish(l, NULL, &err), SL_OK);
    return l;
}

static void test_learns_and_keeps(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("en", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    char *text = corpus(4000);
    sl_learnabbr *l = learned(seg, text);
    CU_ASSERT(sl_learnabbr_active(l));
    CU_ASSERT(sl_learnabbr_words(l) >= 4000);
    /* "Thm." before numbers: learned, in either case */
    const sl_learnabbr_item *thm = find_item(l, "thm");
    CU_ASSERT_PTR_NOT_NULL_FATAL(thm);
    CU_ASSERT(thm->learned);
    CU_ASSERT(thm->digit > 0 && thm->without == 0 && thm->end == 0);
    CU_ASSERT(thm->confidence > 0.8);
    CU_ASSERT(sl_learnabbr_is_abbr(l, "Thm", 3));
    CU_ASSERT(sl_learnabbr_is_abbr(l, "THM", 3));
    /* "sample." ends sentences and occurs without a period: not learned */
    const sl_learnabbr_item *sample = find_item(l, "sample");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sample);
    CU_ASSERT(!sample->learned);
    CU_ASSERT(sample->without > 0);
    CU_ASSERT(!sl_learnabbr_is_abbr(l, "sample", 6));
    /* the splitter keeps "Thm. 4" only with the learned set */
    const char *t = "As shown in Thm. 4 the rate is optimal. The proof is short.";
    CU_ASSERT_STRING_EQUAL(split(seg, t),
                           "As shown in Thm.|4 the rate is optimal.|The proof is short.");
    sl_seg_set_learned(seg, l);
    CU_ASSERT_PTR_EQUAL(sl_seg_learned(seg), l);
    CU_ASSERT_STRING_EQUAL(split(seg, t),
                           "As shown in Thm. 4 the rate is optimal.|The proof is short.");
    /* a learned abbreviation still ends a sentence before a word that the
     * input writes in lower case mid-sentence */
    CU_ASSERT_STRING_EQUAL(split(seg, "We use Thm. The model is exact."),
                           "We use Thm.|The model is exact.");
    sl_seg_set_learned(seg, NULL);
    sl_learnabbr_free(l);
    free(text);
    sl_seg_free(seg);
}

static void test_lists_win(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("en", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    char *text = corpus(4000);
    int before = sl_seg_abbr_class(seg, "Fig", 3);
    CU_ASSERT_EQUAL(before, SL_ABBR_NUMBER);
    sl_learnabbr *l = learned(seg, text);
    /* "Fig" is listed: never a candidate, never learned, class unchanged */
    CU_ASSERT_PTR_NULL(find_item(l, "fig"));
    CU_ASSERT(!sl_learnabbr_is_abbr(l, "Fig", 3));
    sl_seg_set_learned(seg, l);
    CU_ASSERT_EQUAL(sl_seg_abbr_class(seg, "Fig", 3), before);
    /* [number]: no break before a number, a break before a capital */
    CU_ASSERT_STRING_EQUAL(split(seg, "See Fig. 2 for the trend. Results are in Fig. The end."),
                           "See Fig. 2 for the trend.|Results are in Fig.|The end.");
    sl_seg_set_learned(seg, NULL);
    sl_learnabbr_free(l);
    free(text);
    sl_seg_free(seg);
}

static void test_unit_at_end(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("en", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    char *text = corpus(4000);
    sl_learnabbr *l = learned(seg, text);
    /* "kWh" follows numbers and is written without a period mid-sentence:
     * not learned, so its period ends the sentence */
    const sl_learnabbr_item *kwh = find_item(l, "kwh");
    CU_ASSERT_PTR_NOT_NULL_FATAL(kwh);
    CU_ASSERT(!kwh->learned);
    CU_ASSERT(kwh->after_num == kwh->with);
    /* "Output" is written in lower case mid-sentence, never capitalised there */
    CU_ASSERT(sl_learnabbr_starts(l, "Output", 6));
    CU_ASSERT(!sl_learnabbr_starts(l, "Thm", 3));
    sl_seg_set_learned(seg, l);
    CU_ASSERT_STRING_EQUAL(split(seg, "The roof produced 40 kWh. Output was logged."),
                           "The roof produced 40 kWh.|Output was logged.");
    sl_seg_set_learned(seg, NULL);
    sl_learnabbr_free(l);
    free(text);
    sl_seg_free(seg);
}

static void test_too_little(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("en", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    char *text = corpus(300);
    sl_learnabbr *l = learned(seg, text);
    CU_ASSERT(!sl_learnabbr_active(l));
    CU_ASSERT(sl_learnabbr_words(l) < SL_LEARNABBR_MIN_WORDS);
    CU_ASSERT(!sl_learnabbr_is_abbr(l, "Thm", 3));
    for (size_t i = 0; i < sl_learnabbr_count(l); i++)
        CU_ASSERT(!sl_learnabbr_get(l, i)->learned);
    sl_learnabbr_free(l);
    /* the same text with the thresholds lowered does learn */
    sl_learnabbr_opts o;
    sl_learnabbr_opts_default(&o);
    o.min_words = o.min_periods = 0;
    l = sl_learnabbr_new(seg, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_EQUAL(sl_learnabbr_add(l, text, strlen(text), 1, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_learnabbr_finish(l, &o, &err), SL_OK);
    CU_ASSERT(sl_learnabbr_active(l));
    CU_ASSERT(sl_learnabbr_is_abbr(l, "Thm", 3));
    /* added after finishing: refused */
    CU_ASSERT_EQUAL(sl_learnabbr_add(l, text, strlen(text), 1, &err), SL_EUSAGE);
    sl_learnabbr_free(l);
    free(text);
    sl_seg_free(seg);
}

/* A text with no period-final word (found by fuzzing: the empty list of
 * candidates was sorted through a null pointer, which UBSan stops). */
static void test_no_candidates(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("id", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    sl_learnabbr_opts o;
    sl_learnabbr_opts_default(&o);
    o.min_words = o.min_periods = 0;
    static const char *const texts[] = { "", "tanpa titik sama sekali", "12. 3.", "." };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        sl_learnabbr *l = sl_learnabbr_new(seg, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(l);
        CU_ASSERT_EQUAL(sl_learnabbr_add(l, texts[k], strlen(texts[k]), 0, &err), SL_OK);
        CU_ASSERT_EQUAL(sl_learnabbr_finish(l, &o, &err), SL_OK);
        CU_ASSERT_EQUAL(sl_learnabbr_count(l), 0);
        CU_ASSERT_PTR_NULL(sl_learnabbr_get(l, 0));
        sl_learnabbr_free(l);
    }
    sl_seg_free(seg);
}

/* A number in brackets after a period opens an enumerated sentence as often
 * as it follows an abbreviation: "kasus. (3)" teaches nothing. */
static void test_bracketed_number(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("id", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    char text[16384];
    size_t o = 0;
    for (int k = 0; k < 60 && o + 200 < sizeof text; k++)
        o += (size_t)snprintf(text + o, sizeof text - o,
                              "Metode yang digunakan adalah pendekatan kasus. (%d) Data "
                              "dianalisis secara kualitatif.\n", k + 1);
    sl_learnabbr_opts opts;
    sl_learnabbr_opts_default(&opts);
    opts.min_words = opts.min_periods = 0;
    sl_learnabbr *l = sl_learnabbr_new(seg, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_EQUAL(sl_learnabbr_add(l, text, o, 1, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_learnabbr_finish(l, &opts, &err), SL_OK);
    CU_ASSERT(!sl_learnabbr_is_abbr(l, "kasus", 5));
    sl_learnabbr_free(l);
    sl_seg_free(seg);
}

/* A text repeated many times is no more evidence than the text once. */
static void test_repeated(void)
{
    sl_error err;
    sl_seg *seg = sl_seg_new("en", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    const char *one = "The index was built at the Dept of Pol. Grants came from Wld. Bank.\n";
    size_t n = strlen(one), times = 400;
    char *text = malloc(n * times + 1);
    for (size_t k = 0; k < times; k++)
        memcpy(text + k * n, one, n);
    text[n * times] = '\0';
    sl_learnabbr *l = learned(seg, text);
    CU_ASSERT(sl_learnabbr_active(l));
    CU_ASSERT(!sl_learnabbr_is_abbr(l, "Pol", 3));
    const sl_learnabbr_item *pol = find_item(l, "pol");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pol);
    CU_ASSERT_EQUAL(pol->contexts, 1);
    sl_learnabbr_free(l);
    free(text);
    sl_seg_free(seg);
}

int test_learnabbr_register(void)
{
    CU_pSuite s = CU_add_suite("learnabbr", NULL, NULL);
    if (!s || !CU_add_test(s, "learns and keeps", test_learns_and_keeps) ||
        !CU_add_test(s, "lists win", test_lists_win) ||
        !CU_add_test(s, "unit at a sentence end", test_unit_at_end) ||
        !CU_add_test(s, "too little text", test_too_little) ||
        !CU_add_test(s, "no candidates", test_no_candidates) ||
        !CU_add_test(s, "a bracketed number after the period", test_bracketed_number) ||
        !CU_add_test(s, "repeated text", test_repeated))
        return -1;
    return 0;
}
