/* test_fuzz.c — the inputs the fuzz targets (fuzz/) found a fault with,
 * each checked as its target checks it, so that the fault stays fixed. */
#include "tests.h"
#include "selaras/langid.h"
#include "selaras/record.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <string.h>

/* Parses a record as fuzz/record.c does: every field valid UTF-8. */
static void record_valid(const char *s, size_t n)
{
    sl_error err;
    sl_langid *lid = sl_langid_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lid);
    sl_text t;
    CU_ASSERT_EQUAL_FATAL(sl_text_from_mem(s, n, "fuzz", &t, &err), SL_OK);
    sl_record r;
    int rc = sl_record_parse(t.data, t.len, "fuzz", lid, &r, &err);
    CU_ASSERT(rc == SL_OK || rc == SL_EMISSING);
    for (int l = 0; rc == SL_OK && l < 2; l++) {
        const char *f[3] = { r.abstract[l], r.title[l], r.keywords[l] };
        for (int k = 0; k < 3; k++)
            if (f[k])
                CU_ASSERT_EQUAL(sl_utf8_valid_prefix(f[k], strlen(f[k])), strlen(f[k]));
    }
    sl_record_free(&r);
    sl_text_free(&t);
    sl_langid_free(lid);
}

/* fuzz/record: "u" and U+07E0, whose second byte is A0, the last byte of a
 * no-break space: the byte was read as one and the character cut in two. */
static void test_record_byte_a0(void)
{
    record_valid("u\xDF\xA0", 3);
    record_valid("Abstrak\n\nKata \xC3\xA0 dan \xDF\xA0 lagi.\n", 30);
    size_t adv;
    CU_ASSERT_EQUAL(sl_utf8_decode("\xA0", 1, &adv), 0xFFFD);
    CU_ASSERT_EQUAL(adv, 1);
    CU_ASSERT_EQUAL(sl_utf8_space_len("\xDF\xA0", 2, 1), 0);
    CU_ASSERT_EQUAL(sl_utf8_space_len("x\xC2\xA0", 3, 1), 2);
}

/* fuzz/record: an abstract ending in a word, an ellipsis and a full stop
 * ("... on S\u2026."): cutting the run of marks kept one byte of the
 * ellipsis as if it were a full stop. */
static void test_record_ellipsis_end(void)
{
    static const char rec[] = "Judul = Title / Penulis\n\nABSTRAK\n\nPenelitian ini menelaah "
                              "Peraturan No. 3 tentang S\xE2\x80\xA6.\n\nABSTRACT\n\nThis study "
                              "examines Regulation No. 3 of 2014 on S\xE2\x80\xA6.\n";
    record_valid(rec, sizeof rec - 1);
}

/* fuzz/split_id, split_en: a paragraph that opens with a symbol and a mark
 * glued to a word ("\u20BC.M", the manat sign): the character before the
 * symbol was looked for before the start of the text. Each sentence must
 * be a span of the text (ASan and UBSan stop at the read). */
static void test_split_mark_first(void)
{
    static const char *const texts[] = { "\xE2\x82\xBC.M #ue", "\xEF\xBB\xBF \xE2\x82\xBC.M ue",
                                         "x.M", "\xE2\x80\xBC.M", ".M", "!?A b. c" };
    for (int l = 0; l < 4; l++) {
        sl_error err;
        sl_seg *seg = sl_seg_new(l & 1 ? "en" : "id", NULL, &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
        for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
            sl_sents s;
            memset(&s, 0, sizeof s);
            CU_ASSERT_EQUAL_FATAL(sl_seg_split(seg, texts[k], strlen(texts[k]),
                                               l & 2 ? SL_SEG_LINES : 0, &s, &err),
                                  SL_OK);
            CU_ASSERT(s.n >= 1);
            for (size_t i = 0; i < s.n; i++)
                CU_ASSERT(s.v[i].len > 0 && s.v[i].off + s.v[i].len <= s.text_len);
            sl_sents_free(&s);
        }
        sl_seg_free(seg);
    }
}

int test_fuzz_register(void)
{
    CU_pSuite s = CU_add_suite("fuzz regressions", NULL, NULL);
    if (!s || !CU_add_test(s, "record: a character ending in byte A0", test_record_byte_a0) ||
        !CU_add_test(s, "record: an abstract ending in an ellipsis and a stop",
                     test_record_ellipsis_end) ||
        !CU_add_test(s, "split: a paragraph opening with glued marks", test_split_mark_first))
        return -1;
    return 0;
}
