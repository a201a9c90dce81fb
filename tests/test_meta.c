/* test_meta.c — catalogue metadata lines told from abstract text. */
#include "tests.h"
#include "selaras/meta.h"

#include <string.h>

static int cls(const char *s)
{
    return sl_meta_class(s, strlen(s));
}

static void test_classes(void)
{
    CU_ASSERT_EQUAL(cls("cover"), SL_META_COVER);
    CU_ASSERT_EQUAL(cls("  Hasil Pencarian  ::  Simpan CSV :: Kembali"), SL_META_FRAME);
    CU_ASSERT_EQUAL(cls("Hasil Pencarian"), SL_META_FRAME);
    CU_ASSERT_EQUAL(cls("Ditemukan 205420 dokumen yang sesuai dengan query"), SL_META_FRAME);
    CU_ASSERT_EQUAL(cls("Depok: Fakultas Ekonomi dan Bisnis Universitas Indonesia, 2016"),
                    SL_META_PUBLISHER);
    CU_ASSERT_EQUAL(cls("Jakarta : Kencana Prenada Media Group, 2014."), SL_META_PUBLISHER);
    CU_ASSERT_EQUAL(cls("[Place of publication not identified]: Elsevier, [2019]"), SL_META_PUBLISHER);
    CU_ASSERT_EQUAL(cls("T-Pdf"), SL_META_FORMAT);
    CU_ASSERT_EQUAL(cls("AJ-Pdf"), SL_META_FORMAT);
    CU_ASSERT_EQUAL(cls("S68893"), SL_META_FORMAT);
    CU_ASSERT_EQUAL(cls("658.4 SIM m"), SL_META_FORMAT);
    CU_ASSERT_EQUAL(cls("UI - Tesis Membership  Universitas Indonesia Library"), SL_META_COLLECTION);
    CU_ASSERT_EQUAL(cls("UI - Skripsi Open Universitas Indonesia Library"), SL_META_COLLECTION);
    CU_ASSERT_EQUAL(cls("Buku Teks"), SL_META_COLLECTION);
    CU_ASSERT_EQUAL(cls("Artikel Jurnal  Universitas Indonesia Library"), SL_META_COLLECTION);
    CU_ASSERT_EQUAL(cls("T 28812"), SL_META_FORMAT);
    CU_ASSERT_EQUAL(cls("Depok: Fakultas Hukum Universitas Indonesia 2019"), SL_META_PUBLISHER);
    CU_ASSERT_EQUAL(cls("1 2 3 4 5 Berikutnya \xC2\xBB"), SL_META_FRAME);
    CU_ASSERT_EQUAL(cls("Next"), SL_META_FRAME);
    /* a page copied from a browser: no-break spaces */
    CU_ASSERT_EQUAL(cls("\xC2\xA0 UI - Tesis Membership\xC2\xA0 Universitas Indonesia Library\xC2\xA0"),
                    SL_META_COLLECTION);
    CU_ASSERT_EQUAL(cls("\xC2\xA0" "cover"), SL_META_COVER);
    /* text that shares a shape with them */
    CU_ASSERT_EQUAL(cls("2019"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("Hasil: penelitian ini dilakukan di Jawa Barat 2019"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("Hasil penelitian menunjukkan bahwa tarif impor meningkatkan harga, 2019"),
                    SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("Metode: studi kasus di tiga kabupaten di Jawa Barat pada tahun 2019"),
                    SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("services of the University Library"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("tesis ini membahas kebijakan"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("Kembalinya para pekerja migran"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("300 m"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("COVID-19"), SL_META_TEXT);
    CU_ASSERT_EQUAL(cls("Ditemukan bahwa metode ini lebih cepat."), SL_META_TEXT);
}

static void test_fields(void)
{
    sl_span place, pub, year, name;
    const char *l = "Depok: Fakultas Hukum Universitas Indonesia, 2019";
    CU_ASSERT_FATAL(sl_meta_publisher(l, strlen(l), &place, &pub, &year));
    CU_ASSERT(place.len == 5 && memcmp(place.s, "Depok", 5) == 0);
    CU_ASSERT(pub.len == 36 && memcmp(pub.s, "Fakultas Hukum Universitas Indonesia", 36) == 0);
    CU_ASSERT(year.len == 4 && memcmp(year.s, "2019", 4) == 0);
    l = "UI - Skripsi Membership  Universitas Indonesia Library";
    CU_ASSERT_FATAL(sl_meta_collection(l, strlen(l), &name));
    CU_ASSERT(name.len == 23 && memcmp(name.s, "UI - Skripsi Membership", 23) == 0);
    l = "UI - Tesis Membership\xC2\xA0 Universitas Indonesia Library";
    CU_ASSERT_FATAL(sl_meta_collection(l, strlen(l), &name));
    CU_ASSERT(name.len == 21 && memcmp(name.s, "UI - Tesis Membership", 21) == 0);
    /* a letter whose last byte is A0 ("à") is no space */
    CU_ASSERT(sl_meta_name("Budi Kusumà", 12));
    l = "Universitas Indonesia Library";
    CU_ASSERT_FATAL(sl_meta_collection(l, strlen(l), &name));
    CU_ASSERT_EQUAL(name.len, strlen(l));
}

static void test_names(void)
{
    const char *yes[] = { "Fardhan Dhiadribratha Sudjono", "Sheila Rezkia", "Budi Santoso, S.H., M.H.",
                          "Nur binti Ahmad", "HARI SUPRIYANTO", "Sukarno", "A. Rahman Hakim",
                          "Muhammad Ma?ruf", NULL };
    const char *no[] = { "Penelitian ini dilakukan", "Depok: Fakultas Teknik", "Jurnal 12(3) 2008",
                         "This study was conducted in Jakarta.", "Program Jaminan Kesehatan Nasional "
                         "menerapkan sistem pembayaran", "\"Dalam Game Development", NULL };
    for (int k = 0; yes[k]; k++)
        CU_ASSERT(sl_meta_name(yes[k], strlen(yes[k])));
    for (int k = 0; no[k]; k++)
        CU_ASSERT(!sl_meta_name(no[k], strlen(no[k])));
}

static void test_citations(void)
{
    CU_ASSERT(sl_meta_citation("JJJ 25(2-3) 2008", 16));
    const char *l = "Jurnal Kesehatan Masyarakat Vol. 12 No. 3";
    CU_ASSERT(sl_meta_citation(l, strlen(l)));
    l = "Hasil penelitian menunjukkan peningkatan 12%.";
    CU_ASSERT(!sl_meta_citation(l, strlen(l)));
    l = "Penelitian tentang kebijakan tanpa angka";
    CU_ASSERT(!sl_meta_citation(l, strlen(l)));
}

int test_meta_register(void)
{
    CU_pSuite s = CU_add_suite("meta", NULL, NULL);
    if (!s || !CU_add_test(s, "line classes", test_classes) ||
        !CU_add_test(s, "publisher and collection fields", test_fields) ||
        !CU_add_test(s, "author lines", test_names) ||
        !CU_add_test(s, "references", test_citations))
        return -1;
    return 0;
}
