/* test_page.c — a page of search results cut into its records. */
#include "tests.h"
#include "selaras/page.h"

#include <stdlib.h>
#include <string.h>

static const char PAGE[] =
    "Hasil Pencarian  ::  Simpan CSV :: Kembali\n"          /* 1 */
    "\n"
    "Ditemukan 3 dokumen yang sesuai dengan query\n"
    "cover\n"
    "Sari Dewi\n"                                          /* 5 */
    "\"Penelitian ini dilakukan di Bogor.\n"
    "\n"
    "This research was carried out in Bogor.\"\n"
    "Depok: Fakultas Teknik Universitas Indonesia, 2019\n"
    "T-Pdf\n"                                              /* 10 */
    "UI - Tesis Membership  Universitas Indonesia Library\n"
    "Budi Santoso\n"                                       /* 12: no cover line */
    "Depok: Fakultas Hukum Universitas Indonesia, 2004\n"
    "Artikel Jurnal  Universitas Indonesia Library\n"
    "cover\n"                                              /* 15 */
    "Abstrak :\n"
    "Teks abstrak. ......Abstract text.\n"
    "UI - Skripsi Membership  Universitas Indonesia Library\n"
    "Simpan CSV\n";

static void test_split(void)
{
    sl_page_rec *r;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(sl_page_split(PAGE, strlen(PAGE), &r, &n), 0);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    CU_ASSERT_EQUAL(r[0].off, 0); /* the page's framing goes with the first */
    CU_ASSERT_EQUAL(r[0].line, 1);
    CU_ASSERT_EQUAL(r[1].line, 12);
    CU_ASSERT_EQUAL(strncmp(PAGE + r[1].off, "Budi Santoso\n", 13), 0);
    CU_ASSERT_EQUAL(r[2].line, 15);
    CU_ASSERT_EQUAL(strncmp(PAGE + r[2].off, "cover\nAbstrak", 13), 0);
    /* the records cover the page, in order, and the last takes the footer */
    CU_ASSERT_EQUAL(r[0].off + r[0].len, r[1].off);
    CU_ASSERT_EQUAL(r[1].off + r[1].len, r[2].off);
    CU_ASSERT_EQUAL(r[2].off + r[2].len, strlen(PAGE));
    free(r);
}

/* entries with a format line only after the closing quote */
static void test_format_only(void)
{
    const char *page = "Sari Dewi\n\"Teks satu. Text one.\"\nT-Pdf\n"
                       "Budi Santoso\n\u201cTeks dua. Text two.\u201d\nS-Pdf\n"
                       "Citra Lestari\n\"Teks tiga. Text three.\"\n";
    sl_page_rec *r;
    size_t n;
    CU_ASSERT_EQUAL_FATAL(sl_page_split(page, strlen(page), &r, &n), 0);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    CU_ASSERT_EQUAL(r[1].line, 4);
    CU_ASSERT_EQUAL(r[2].line, 7);
    free(r);
}

/* a record of either layout alone is one record, the whole text */
static void test_single(void)
{
    const char *const texts[] = {
        "Judul = Title / Author\n\nAuthor, author\n\nABSTRAK\n\nTeks.\n\n<hr />\n\nABSTRACT\n\nText.\n",
        "cover\nSari Dewi\n\"Teks. Text.\"\nDepok: Fakultas Teknik Universitas Indonesia, 2019\n"
        "UI - Tesis Membership  Universitas Indonesia Library\nSimpan CSV\n",
        "Hasil Pencarian\n",
        "",
        NULL,
    };
    for (int k = 0; texts[k]; k++) {
        sl_page_rec *r;
        size_t n;
        CU_ASSERT_EQUAL_FATAL(sl_page_split(texts[k], strlen(texts[k]), &r, &n), 0);
        CU_ASSERT_EQUAL(n, 1);
        CU_ASSERT(r[0].off == 0 && r[0].len == strlen(texts[k]) && r[0].line == 1);
        free(r);
    }
}

int test_page_register(void)
{
    CU_pSuite s = CU_add_suite("page", NULL, NULL);
    if (!s || !CU_add_test(s, "a page of results", test_split) ||
        !CU_add_test(s, "format lines after the closing quote", test_format_only) ||
        !CU_add_test(s, "one record", test_single))
        return -1;
    return 0;
}
