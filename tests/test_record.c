/* test_record.c — catalogue records: metadata, headings in every form,
 * markup remnants, keyword lines, and language identification. */
#include "tests.h"
#include "selaras/record.h"

#include <string.h>

static sl_langid *lid;

static int init(void)
{
    sl_error err;
    lid = sl_langid_new("id", "en", &err);
    return lid ? 0 : -1;
}

static int clean(void)
{
    sl_langid_free(lid);
    return 0;
}

static const char ID_PARA[] =
    "Penelitian ini bertujuan untuk menganalisis pengaruh kebijakan fiskal terhadap "
    "pertumbuhan ekonomi daerah. Data yang digunakan adalah data panel dari 34 provinsi.";
static const char EN_PARA[] =
    "This study aims to analyse the effect of fiscal policy on regional economic growth. "
    "The data used are panel data from 34 provinces.";

static int parse(const char *text, sl_record *r)
{
    sl_error err;
    return sl_record_parse(text, strlen(text), "rec.txt", lid, r, &err);
}

static void test_seed_layout(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "\n\nKebijakan fiskal daerah = Regional fiscal policy / Sari Dewi\n\n"
             "Sari Dewi, author\n\n"
             "Deskripsi Lengkap: <https://lib.ui.ac.id/detail?id=123&lokasi=lokal>\n\n"
             "Abstrak\n\n**ABSTRAK\n**\n\n%s\n\nKata kunci: fiskal; pertumbuhan\n\n<hr />\n\n"
             "**ABSTRACT\n**\n\n%s\n\nKeywords: fiscal; growth",
             ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.title[0], "Kebijakan fiskal daerah");
    CU_ASSERT_STRING_EQUAL(r.title[1], "Regional fiscal policy");
    CU_ASSERT_STRING_EQUAL(r.author, "Sari Dewi");
    CU_ASSERT_STRING_EQUAL(r.url, "https://lib.ui.ac.id/detail?id=123&lokasi=lokal");
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_STRING_EQUAL(r.keywords[0], "Kata kunci: fiskal; pertumbuhan");
    CU_ASSERT_STRING_EQUAL(r.keywords[1], "Keywords: fiscal; growth");
    CU_ASSERT_EQUAL(r.identified, 0);
    sl_record_free(&r);
}

static void test_english_first_and_br(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "Judul = Title / A. Author\n\nAbstrak\n\nABSTRACT<br />\n\n%s<br>\n"
             "Key words: fiscal<br>\n\n<hr />\n\nINTISARI<br />\n\n%s\n\nKata-kata kunci: fiskal",
             EN_PARA, ID_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_STRING_EQUAL(r.keywords[0], "Kata-kata kunci: fiskal");
    CU_ASSERT_STRING_EQUAL(r.keywords[1], "Key words: fiscal");
    sl_record_free(&r);
}

static void test_no_headings(void)
{
    char text[4096];
    snprintf(text, sizeof text, "Judul = Title / Author\n\n%s\n\n<hr />\n\n%s\n", ID_PARA,
             EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_EQUAL(r.identified, 1);
    CU_ASSERT(strlen(r.note) > 0);
    sl_record_free(&r);
}

static void test_wrong_heading(void)
{
    /* the headings are swapped: the text decides, and the note says so */
    char text[4096];
    snprintf(text, sizeof text, "ABSTRACT\n\n%s\n\nABSTRAK\n\n%s\n", ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_EQUAL(r.identified, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.note, "heading"));
    sl_record_free(&r);
}

static void test_inline_and_bold_headings(void)
{
    char text[4096];
    snprintf(text, sizeof text, "**RINGKASAN**\n\nAbstrak: %s\n\n**Abstract:** %s\n", ID_PARA,
             EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_PTR_NULL(r.title[1]);
    sl_record_free(&r);
}

static void test_wrapped_lines_kept(void)
{
    /* hard-wrapped lines and a sentence broken by a blank line stay as they
     * are, for the splitter to mend */
    const char *text = "ABSTRAK\n\nPenelitian ini dilakukan di\nKabupaten Bogor dan kota\n\n"
                       "Depok pada tahun 2020 untuk mengetahui dampak yang ada.\n\n"
                       "ABSTRACT\n\nThis research was carried out in\nBogor Regency and the city\n\n"
                       "of Depok in 2020 to find out the impact.";
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0],
                           "Penelitian ini dilakukan di\nKabupaten Bogor dan kota\n\n"
                           "Depok pada tahun 2020 untuk mengetahui dampak yang ada.");
    CU_ASSERT_STRING_EQUAL(r.abstract[1],
                           "This research was carried out in\nBogor Regency and the city\n\n"
                           "of Depok in 2020 to find out the impact.");
    sl_record_free(&r);
}

static void test_no_abstract(void)
{
    sl_record r;
    sl_error err;
    const char *text = "Judul = Title / Author\n\nAuthor, author\n\nABSTRAK\n\n<hr />\n";
    CU_ASSERT_EQUAL(sl_record_parse(text, strlen(text), "empty.txt", lid, &r, &err), SL_EMISSING);
    CU_ASSERT_STRING_EQUAL(err.file, "empty.txt");
}

/* " = " and " / " sharing a space: the English title between them is
 * empty, not a negative length */
static void test_overlapping_separators(void)
{
    char text[4096];
    snprintf(text, sizeof text, "x = / y\n\nABSTRAK\n\n%s\n\nABSTRACT\n\n%s\n", ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.title[0], "x");
    CU_ASSERT_PTR_NULL(r.title[1]);
    CU_ASSERT_STRING_EQUAL(r.author, "y");
    sl_record_free(&r);
    /* the bare line, as a whole record */
    sl_error err;
    CU_ASSERT_EQUAL(sl_record_parse("x = / y\n", 8, "c.txt", lid, &r, &err), SL_EMISSING);
    CU_ASSERT_STRING_EQUAL(err.file, "c.txt");
    /* separators at the very ends of the line */
    CU_ASSERT_EQUAL(sl_record_parse("a = / ", 6, "d.txt", lid, &r, &err), SL_EMISSING);
}

/* An "X, author" line before a title line that names an author too: the
 * title line's author replaces the first without leaking it (the ASan
 * build's leak checker fails the run otherwise) */
static void test_author_twice(void)
{
    char text[4096];
    snprintf(text, sizeof text, "Sari Dewi, author\nA = B / C\n\nABSTRAK\n\n%s\n\nABSTRACT\n\n%s\n",
             ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.title[0], "A");
    CU_ASSERT_STRING_EQUAL(r.title[1], "B");
    CU_ASSERT_STRING_EQUAL(r.author, "C");
    sl_record_free(&r);
}

/* ---- the layouts of the search results -------------------------------- */

/* The author line, the quoted pair (blank line, single line break, dots),
 * the metadata lines after it. */
static void test_result_entry(void)
{
    const char *const seps[] = { "\n\n", "\n", "\n......", " ......", " ", NULL };
    for (int k = 0; seps[k]; k++) {
        char text[4096];
        snprintf(text, sizeof text,
                 "cover\nSari Dewi Lestari\n\"%s%s%s\"\n"
                 "Depok: Fakultas Ekonomi dan Bisnis Universitas Indonesia, 2016\nT-Pdf\n"
                 "UI - Tesis Membership  Universitas Indonesia Library\n",
                 ID_PARA, seps[k], EN_PARA);
        sl_record r;
        CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
        CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
        CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
        CU_ASSERT_STRING_EQUAL(r.author, "Sari Dewi Lestari");
        CU_ASSERT_STRING_EQUAL(r.place, "Depok");
        CU_ASSERT_STRING_EQUAL(r.faculty, "Fakultas Ekonomi dan Bisnis Universitas Indonesia");
        CU_ASSERT_STRING_EQUAL(r.year, "2016");
        CU_ASSERT_STRING_EQUAL(r.format, "T-Pdf");
        CU_ASSERT_STRING_EQUAL(r.collection, "UI - Tesis Membership");
        CU_ASSERT_PTR_NULL(r.title[0]);
        /* a block cut in two says so; two paragraphs need no cut */
        CU_ASSERT_EQUAL(r.split, k > 0);
        CU_ASSERT_EQUAL(r.identified, 1);
        if (k > 0)
            CU_ASSERT_PTR_NOT_NULL(strstr(r.note, "both abstracts in one block"));
        sl_record_free(&r);
    }
}

/* "Abstrak :" and both abstracts on its line; a journal's reference line
 * and collection after them; no closing quote anywhere */
static void test_abstrak_line(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "Budi Santoso\nAbstrak : %s ......%s\nJurnal Ekonomi 12(3) 2019\n"
             "Artikel Jurnal  Universitas Indonesia Library",
             ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_STRING_EQUAL(r.author, "Budi Santoso");
    CU_ASSERT_STRING_EQUAL(r.collection, "Artikel Jurnal");
    CU_ASSERT_PTR_NULL(r.year);
    sl_record_free(&r);
    /* the closing quote missing, the quote opening on "[" */
    snprintf(text, sizeof text, "Budi Santoso\n\"[%s\n%s\nDepok: Universitas Indonesia, 2009\n",
             ID_PARA, EN_PARA);
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_STRING_EQUAL(r.faculty, "Universitas Indonesia");
    sl_record_free(&r);
}

/* a single line break inside one language is a paragraph, not a switch */
static void test_paragraphs_inside(void)
{
    const char *id2 = "Hasil estimasi menunjukkan bahwa belanja modal berpengaruh positif terhadap "
                      "pertumbuhan.";
    const char *en2 = "The estimation results show that capital expenditure has a positive effect "
                      "on growth.";
    char text[4096], id[1024], en[1024];
    snprintf(id, sizeof id, "%s\n%s", ID_PARA, id2);
    snprintf(en, sizeof en, "%s\n%s", EN_PARA, en2);
    snprintf(text, sizeof text, "Sari Dewi\n\"%s\n%s\"\n", id, en);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], id);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], en);
    sl_record_free(&r);
}

/* "?" for a lost apostrophe comes back; question marks stay */
static void test_apostrophes(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "ABSTRAK\n\nApa yang terjadi? Bagaimana caranya?Penelitian ini menjawabnya. %s\n\n"
             "ABSTRACT\n\nThe author?s view and the state?s duty don?t differ; we?re sure. "
             "See https://x.org/p?s=1 now. %s\n",
             ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.abstract[0], "terjadi? Bagaimana caranya?Penelitian"));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.abstract[1], "The author's view and the state's duty don't "
                                                 "differ; we're sure."));
    CU_ASSERT_PTR_NOT_NULL(strstr(r.abstract[1], "https://x.org/p?s=1"));
    sl_record_free(&r);
}

/* one English sentence quoted in the Indonesian abstract stays there */
static void test_quotation_stays(void)
{
    const char *quote = "\"Growth is not the same as development for the people of the regions.\"";
    char text[4096], id[1024];
    snprintf(id, sizeof id, "%s %s Oleh karena itu, belanja modal perlu ditingkatkan.", ID_PARA,
             quote);
    snprintf(text, sizeof text, "Sari Dewi\n\"%s\n%s\"\n", id, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], id);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    sl_record_free(&r);
}

/* an entry without an abstract, or with one language, parses as such */
static void test_entry_without_pair(void)
{
    sl_record r;
    sl_error err;
    const char *book = "cover\nBambang Sutrisno\nJakarta: Rajawali Pers, 2014\n"
                       "Buku Teks  Universitas Indonesia Library\n";
    CU_ASSERT_EQUAL(sl_record_parse(book, strlen(book), "b", lid, &r, &err), SL_EMISSING);
    char text[2048];
    snprintf(text, sizeof text, "Sari Dewi\n\"%s\"\nDepok: Fakultas Hukum Universitas Indonesia, 2001\n",
             ID_PARA);
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_PTR_NULL(r.abstract[1]);
    CU_ASSERT_PTR_NOT_NULL(strstr(r.note, "no English abstract"));
    sl_record_free(&r);
}

/* a title line before the author line; each abstract in its own quotes */
static void test_title_and_own_quotes(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "Kebijakan fiskal daerah\nSari Dewi\n\"%s\"\n\n\"%s\"\nS12345\n"
             "UI - Skripsi Membership  Universitas Indonesia Library\n",
             ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.title[0], "Kebijakan fiskal daerah");
    CU_ASSERT_STRING_EQUAL(r.author, "Sari Dewi");
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_STRING_EQUAL(r.format, "S12345");
    sl_record_free(&r);
}

/* the headings inside the quotes ('"[ABSTRAK', 'ABSTRACT This ...'), and
 * an author line no name check would pass */
static void test_headings_in_quotes(void)
{
    char text[4096];
    snprintf(text, sizeof text, "nurul hidayah\n\"[ABSTRAK\n%s\nABSTRACT %s]\"\n", ID_PARA,
             EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.author, "nurul hidayah");
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_EQUAL(r.identified, 0);
    sl_record_free(&r);
}

/* no-break spaces of a page copied from a browser read as spaces */
static void test_no_break_spaces(void)
{
    char text[4096];
    snprintf(text, sizeof text,
             "\xC2\xA0\xC2\xA0" "cover\nSari Dewi\xC2\xA0\n\xC2\xA0\"%s\n%s\"\n"
             "Depok: Fakultas Hukum\xC2\xA0" "Universitas Indonesia, 2019\n"
             "UI - Tesis Membership\xC2\xA0 Universitas Indonesia Library\n",
             ID_PARA, EN_PARA);
    sl_record r;
    CU_ASSERT_EQUAL_FATAL(parse(text, &r), SL_OK);
    CU_ASSERT_STRING_EQUAL(r.author, "Sari Dewi");
    CU_ASSERT_STRING_EQUAL(r.abstract[0], ID_PARA);
    CU_ASSERT_STRING_EQUAL(r.abstract[1], EN_PARA);
    CU_ASSERT_STRING_EQUAL(r.faculty, "Fakultas Hukum Universitas Indonesia");
    CU_ASSERT_STRING_EQUAL(r.collection, "UI - Tesis Membership");
    sl_record_free(&r);
}

int test_record_register(void)
{
    CU_pSuite s = CU_add_suite("record", init, clean);
    if (!s || !CU_add_test(s, "seed layout", test_seed_layout) ||
        !CU_add_test(s, "English first, <br>", test_english_first_and_br) ||
        !CU_add_test(s, "no headings", test_no_headings) ||
        !CU_add_test(s, "wrong heading", test_wrong_heading) ||
        !CU_add_test(s, "inline and bold headings", test_inline_and_bold_headings) ||
        !CU_add_test(s, "wrapped lines kept", test_wrapped_lines_kept) ||
        !CU_add_test(s, "no abstract", test_no_abstract) ||
        !CU_add_test(s, "overlapping title separators", test_overlapping_separators) ||
        !CU_add_test(s, "author line, then a title line with an author", test_author_twice) ||
        !CU_add_test(s, "a result entry, every separator", test_result_entry) ||
        !CU_add_test(s, "Abstrak : and a journal's lines", test_abstrak_line) ||
        !CU_add_test(s, "paragraphs on single line breaks", test_paragraphs_inside) ||
        !CU_add_test(s, "apostrophes read as ?", test_apostrophes) ||
        !CU_add_test(s, "an English quotation stays", test_quotation_stays) ||
        !CU_add_test(s, "entries without both abstracts", test_entry_without_pair) ||
        !CU_add_test(s, "a title line, abstracts quoted apart", test_title_and_own_quotes) ||
        !CU_add_test(s, "headings inside the quotes", test_headings_in_quotes) ||
        !CU_add_test(s, "no-break spaces", test_no_break_spaces))
        return -1;
    return 0;
}
