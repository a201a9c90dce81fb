/* test_output.c — the line formats: TSV, Moses, JSON, beads, ladder. */
#include "tests.h"
#include "selaras/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A small document: a title, a 2-1 bead, an unaligned source sentence. */
static void make_doc(sl_doc *d)
{
    memset(d, 0, sizeof *d);
    d->name = strdup("doc1");
    d->nunits = 3;
    d->units = calloc(3, sizeof *d->units);
    d->units[0] = (sl_unit){ strdup("Judul"), strdup("Title"), SL_UNIT_TITLE, { 0, 1, 0, 1, 0, 1.0 } };
    d->units[1] = (sl_unit){ strdup("Satu.\tDua."), strdup("One \"and\"\ntwo."), SL_UNIT_SENTENCE,
                             { 0, 2, 0, 1, 0, 0.75 } };
    d->units[2] = (sl_unit){ strdup("Tiga."), NULL, SL_UNIT_SENTENCE, { 2, 1, 1, 0, 0, 0.9 } };
    d->nsent[0] = 3;
    d->nsent[1] = 1;
}

/* Writes d in format fmt to a string (static buffer). */
static const char *render(int fmt, int batch, double min_conf)
{
    static char buf[4096];
    sl_doc d;
    make_doc(&d);
    FILE *f = fmemopen(buf, sizeof buf, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    sl_writer w;
    memset(&w, 0, sizeof w);
    w.fmt = fmt;
    w.f[0] = f;
    w.tmx = (sl_tmx_opts){ { "id", "en" }, "1", 0, min_conf, 0 };
    w.batch = batch;
    CU_ASSERT_EQUAL(sl_write_begin(&w), 0);
    CU_ASSERT_EQUAL(sl_write_doc(&w, &d), 0);
    CU_ASSERT_EQUAL(sl_write_end(&w), 0);
    fclose(f);
    sl_doc_free(&d);
    return buf;
}

static void test_tsv(void)
{
    CU_ASSERT_STRING_EQUAL(render(SL_FMT_TSV, 0, 0),
                           "Judul\tTitle\t1.000\ttitle\n"
                           "Satu. Dua.\tOne \"and\" two.\t0.750\t2-1\n"
                           "Tiga.\t\t0.900\t1-0\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(render(SL_FMT_TSV, 1, 0), "\t2-1\tdoc1\n"));
    /* the floor drops the weak pair, never the unaligned listing */
    CU_ASSERT_PTR_NULL(strstr(render(SL_FMT_TSV, 0, 0.8), "2-1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(render(SL_FMT_TSV, 0, 0.8), "1-0"));
}

/* A record's catalogue metadata: TSV columns 5-10 when the writer is
 * told the input is records, JSON fields where the record has them. */
static void test_metadata(void)
{
    static char buf[4096];
    sl_doc d;
    make_doc(&d);
    d.rec.author = strdup("Sari Dewi");
    d.rec.faculty = strdup("Fakultas Hukum Universitas Indonesia");
    d.rec.year = strdup("2019");
    d.rec.collection = strdup("UI - Tesis Membership");
    for (int fmt = SL_FMT_TSV; fmt <= SL_FMT_JSON; fmt += SL_FMT_JSON - SL_FMT_TSV) {
        FILE *f = fmemopen(buf, sizeof buf, "w");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        sl_writer w;
        memset(&w, 0, sizeof w);
        w.fmt = fmt;
        w.f[0] = f;
        w.tmx = (sl_tmx_opts){ { "id", "en" }, "1", 0, 0, 0 };
        w.meta = 1;
        CU_ASSERT_EQUAL(sl_write_doc(&w, &d), 0);
        fclose(f);
        if (fmt == SL_FMT_TSV) {
            CU_ASSERT_PTR_NOT_NULL(strstr(buf, "Judul\tTitle\t1.000\ttitle\tdoc1\tSari Dewi\t"
                                              "Fakultas Hukum Universitas Indonesia\t2019\t"
                                              "UI - Tesis Membership\t\n"));
        } else {
            CU_ASSERT_PTR_NOT_NULL(strstr(buf, ",\"en\":\"Title\",\"author\":\"Sari Dewi\","
                                              "\"faculty\":\"Fakultas Hukum Universitas Indonesia\","
                                              "\"year\":\"2019\",\"collection\":\"UI - Tesis Membership\"}\n"));
        }
    }
    sl_doc_free(&d);
    /* without metadata the JSON object is as it was */
    CU_ASSERT_PTR_NOT_NULL(strstr(render(SL_FMT_JSON, 0, 0), "\"en\":\"Title\"}\n"));
}

/* Verbatim, a line format keeps runs of spaces; a tab or a line break
 * (with the blanks around it), which the format cannot hold, is one space. */
static void test_tsv_verbatim(void)
{
    sl_doc d;
    make_doc(&d);
    free(d.units[0].src);
    d.units[0].src = strdup("  Judul  yang\t panjang \n  sekali ");
    char buf[1024];
    FILE *f = fmemopen(buf, sizeof buf, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    sl_writer w;
    memset(&w, 0, sizeof w);
    w.fmt = SL_FMT_TSV;
    w.tmx = (sl_tmx_opts){ { "id", "en" }, "1", 0, 0, 1 };
    sl_write_units(&w, f, NULL, &d);
    fclose(f);
    CU_ASSERT_STRING_EQUAL(buf, "Judul  yang panjang sekali\tTitle\t1.000\ttitle\n"
                                "Satu. Dua.\tOne \"and\" two.\t0.750\t2-1\n"
                                "Tiga.\t\t0.900\t1-0\n");
    sl_doc_free(&d);
}

static void test_beads_and_ladder(void)
{
    CU_ASSERT_STRING_EQUAL(render(SL_FMT_BEADS, 0, 0), "[0,1]:[0]\n[2]:[]\n");
    CU_ASSERT_STRING_EQUAL(render(SL_FMT_LADDER, 0, 0), "0\t0\t0.750\n2\t1\t0.900\n3\t1\t1.000\n");
}

static void test_json(void)
{
    const char *j = render(SL_FMT_JSON, 0, 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(j, "{\"doc\":\"doc1\",\"unit\":\"sentence\",\"bead\":\"2-1\","
                                     "\"confidence\":0.750,\"id\":\"Satu.\\tDua.\","
                                     "\"en\":\"One \\\"and\\\"\\ntwo.\"}\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"en\":null}"));
}

static void test_moses(void)
{
    static char a[512], b[512];
    sl_doc d;
    make_doc(&d);
    FILE *fa = fmemopen(a, sizeof a, "w"), *fb = fmemopen(b, sizeof b, "w");
    CU_ASSERT_FATAL(fa && fb);
    sl_writer w;
    memset(&w, 0, sizeof w);
    w.fmt = SL_FMT_MOSES;
    w.f[0] = fa;
    w.f[1] = fb;
    w.tmx = (sl_tmx_opts){ { "id", "en" }, "1", 0, 0, 0 };
    CU_ASSERT_EQUAL(sl_write_doc(&w, &d), 0);
    fclose(fa);
    fclose(fb);
    CU_ASSERT_STRING_EQUAL(a, "Judul\nSatu. Dua.\n");
    CU_ASSERT_STRING_EQUAL(b, "Title\nOne \"and\" two.\n");
    sl_doc_free(&d);
}

static void test_format_names(void)
{
    CU_ASSERT_EQUAL(sl_format_parse("tmx"), SL_FMT_TMX);
    CU_ASSERT_EQUAL(sl_format_parse("ladder"), SL_FMT_LADDER);
    CU_ASSERT_EQUAL(sl_format_parse("xliff"), -1);
}

int test_output_register(void)
{
    CU_pSuite s = CU_add_suite("output", NULL, NULL);
    if (!s || !CU_add_test(s, "tsv", test_tsv) ||
        !CU_add_test(s, "tsv, verbatim", test_tsv_verbatim) ||
        !CU_add_test(s, "beads and ladder", test_beads_and_ladder) ||
        !CU_add_test(s, "json", test_json) ||
        !CU_add_test(s, "catalogue metadata", test_metadata) || !CU_add_test(s, "moses", test_moses) ||
        !CU_add_test(s, "format names", test_format_names))
        return -1;
    return 0;
}
