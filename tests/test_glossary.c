/* test_glossary.c — keyword lines into terms, terms paired, pairs written
 * as TBX-Basic (read back with libxml2) and as OmegaT's glossary. */
#include "tests.h"
#include "selaras/glossary.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The terms of line joined by " | " (a term never holds one), "" for none. */
static const char *terms(const char *line, size_t *count)
{
    static char buf[1024];
    sl_span v[SL_GLOSS_MAX_TERMS];
    size_t n = sl_gloss_terms(line, strlen(line), v, SL_GLOSS_MAX_TERMS), k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && i < SL_GLOSS_MAX_TERMS; i++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%.*s", i ? " | " : "", (int)v[i].len,
                              v[i].s);
    if (count)
        *count = n;
    return buf;
}

static void test_terms(void)
{
    size_t n;
    CU_ASSERT_STRING_EQUAL(terms("Kata kunci: kewenangan daerah; pertambangan mineral; "
                                 "desentralisasi; UU No. 23 Tahun 2014", &n),
                           "kewenangan daerah | pertambangan mineral | desentralisasi | "
                           "UU No. 23 Tahun 2014");
    CU_ASSERT_EQUAL(n, 4);
    /* the final period goes, commas split where nothing stronger does */
    CU_ASSERT_STRING_EQUAL(terms("Keywords: city diplomacy, soft power, Surabaya.", NULL),
                           "city diplomacy | soft power | Surabaya");
    CU_ASSERT_STRING_EQUAL(terms("Kata-kata kunci : Kredit Usaha Rakyat; usaha mikro", NULL),
                           "Kredit Usaha Rakyat | usaha mikro");
    /* markup, middle dots, bullets, bars, dashes after the label */
    CU_ASSERT_STRING_EQUAL(terms("**Key words:** stunting \xC2\xB7 balita \xC2\xB7 sanitasi", NULL),
                           "stunting | balita | sanitasi");
    CU_ASSERT_STRING_EQUAL(terms("Keywords: hate speech \xE2\x80\xA2 IndoBERT", NULL),
                           "hate speech | IndoBERT");
    CU_ASSERT_STRING_EQUAL(terms("Keywords: a|b | c", NULL), "a | b | c");
    CU_ASSERT_STRING_EQUAL(terms("Index Terms\xE2\x80\x94" "deep learning, IndoBERT", NULL),
                           "deep learning | IndoBERT");
    /* a strong separator wins over commas, which then belong to the term */
    CU_ASSERT_STRING_EQUAL(terms("Keywords: trade, investment; policy", NULL),
                           "trade, investment | policy");
    /* no comma between digits, no abbreviation's period */
    CU_ASSERT_STRING_EQUAL(terms("Kata kunci: inflasi 3,5 persen, suku bunga", NULL),
                           "inflasi 3,5 persen | suku bunga");
    CU_ASSERT_STRING_EQUAL(terms("Keywords: trade, U.S.", NULL), "trade | U.S.");
    CU_ASSERT_STRING_EQUAL(terms("Keywords: trade, growth...", NULL), "trade | growth");
    /* quotes, blanks and empty terms */
    CU_ASSERT_STRING_EQUAL(terms("Keywords: \"soft power\", , \xE2\x80\x9C" "diplomasi\xE2\x80\x9D ,",
                                 &n),
                           "soft power | diplomasi");
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_STRING_EQUAL(terms("Keywords:", &n), "");
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_STRING_EQUAL(terms("alpha, beta", NULL), "alpha | beta"); /* no label */
    /* the count is every term, the spans stored at most max */
    sl_span v[2];
    CU_ASSERT_EQUAL(sl_gloss_terms("Keywords: a; b; c", 17, v, 2), 3);
    CU_ASSERT_EQUAL(v[1].len, 1);
    CU_ASSERT_EQUAL(v[1].s[0], 'b');
}

static const sl_gloss_entry *find(const sl_glossary *g, const char *src)
{
    for (size_t i = 0; i < sl_glossary_size(g); i++)
        if (strcmp(sl_glossary_entry(g, i)->src, src) == 0)
            return sl_glossary_entry(g, i);
    return NULL;
}

static int paired(const sl_glossary *g, const char *src, const char *tgt)
{
    const sl_gloss_entry *e = find(g, src);
    if (e && strcmp(e->tgt, tgt) != 0)
        printf("\n  %s paired with %s, not %s", src, e->tgt, tgt);
    return e && strcmp(e->tgt, tgt) == 0;
}

static void test_pairing(void)
{
    sl_error err;
    sl_featcfg *cfg = sl_featcfg_new("id", "en", test_lexicon(), &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
    sl_glossary *g = sl_glossary_new(cfg, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    /* lists of one length in the same order */
    CU_ASSERT_EQUAL(sl_glossary_add(g, "001_law",
                                    "Kata kunci: kewenangan daerah; pertambangan mineral; "
                                    "desentralisasi; UU No. 23 Tahun 2014",
                                    "Keywords: regional authority; mineral mining; "
                                    "decentralisation; Law No. 23 of 2014", &err), SL_OK);
    CU_ASSERT(paired(g, "kewenangan daerah", "regional authority"));
    CU_ASSERT(paired(g, "pertambangan mineral", "mineral mining"));
    CU_ASSERT(paired(g, "UU No. 23 Tahun 2014", "Law No. 23 of 2014"));
    /* in another order: the words decide */
    CU_ASSERT_EQUAL(sl_glossary_add(g, "d2", "Kata kunci: diplomasi kota, globalisasi, Surabaya",
                                    "Keywords: Surabaya, city diplomacy, globalization", &err),
                    SL_OK);
    CU_ASSERT(paired(g, "diplomasi kota", "city diplomacy"));
    CU_ASSERT(paired(g, "globalisasi", "globalization"));
    CU_ASSERT(paired(g, "Surabaya", "Surabaya"));
    /* no evidence at all: the place decides */
    CU_ASSERT_EQUAL(sl_glossary_add(g, "d3", "Kata kunci: BBLR; ASI eksklusif",
                                    "Keywords: low birth weight; exclusive breastfeeding", &err),
                    SL_OK);
    CU_ASSERT(paired(g, "BBLR", "low birth weight"));
    sl_gloss_stats st;
    sl_glossary_stats(g, &st);
    CU_ASSERT_EQUAL(st.uneven, 0);
    CU_ASSERT_EQUAL(st.unpaired, 0);
    CU_ASSERT_EQUAL(st.docs, 3);
    /* lists of different lengths: only what the words pair, the rest counted */
    size_t before = sl_glossary_size(g);
    CU_ASSERT_EQUAL(sl_glossary_add(g, "d4", "Kata kunci: pupuk hayati; NPK; padi sawah; Inpari 32",
                                    "Keywords: NPK; Inpari 32; lowland rice", &err), SL_OK);
    CU_ASSERT(paired(g, "NPK", "NPK"));
    CU_ASSERT(paired(g, "Inpari 32", "Inpari 32"));
    CU_ASSERT_PTR_NULL(find(g, "pupuk hayati"));
    sl_glossary_stats(g, &st);
    CU_ASSERT_EQUAL(st.uneven, 1);
    CU_ASSERT(st.unpaired >= 1 && st.unpaired <= 3);
    CU_ASSERT(sl_glossary_size(g) >= before + 2);
    /* a pair met again (case aside) is one entry, counted per document */
    before = sl_glossary_size(g);
    CU_ASSERT_EQUAL(sl_glossary_add(g, "d5", "Kata kunci: Kewenangan Daerah",
                                    "Keywords: Regional Authority", &err), SL_OK);
    CU_ASSERT_EQUAL(sl_glossary_size(g), before);
    const sl_gloss_entry *e = find(g, "kewenangan daerah");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(e->docs, 2);
    CU_ASSERT_STRING_EQUAL(e->doc, "001_law");
    char c[256];
    sl_gloss_comment(e, c, sizeof c);
    CU_ASSERT_STRING_EQUAL(c, "keywords of 001_law and 1 other document");
    sl_glossary_free(g);
    sl_featcfg_free(cfg);

    /* without evidence (no configuration) the place decides everything, and
     * one document's two keyword units count it once */
    g = sl_glossary_new(NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    char s1[] = "Kata kunci: a; b", t1[] = "Keywords: x; y", s2[] = "Kata kunci: a",
         t2[] = "Keywords: x", name[] = "doc";
    sl_unit u[2] = { { s1, t1, SL_UNIT_KEYWORDS, { 0 } }, { s2, t2, SL_UNIT_KEYWORDS, { 0 } } };
    sl_doc d = { 0 };
    d.name = name;
    d.units = u;
    d.nunits = 2;
    CU_ASSERT_EQUAL(sl_glossary_add_doc(g, &d, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_glossary_size(g), 2);
    CU_ASSERT(paired(g, "b", "y"));
    CU_ASSERT_EQUAL(find(g, "a")->docs, 1);
    sl_glossary_stats(g, &st);
    CU_ASSERT_EQUAL(st.docs, 1);
    CU_ASSERT_EQUAL(st.lines, 2);
    sl_glossary_free(g);
}

/* The text of the first child element of n named name, or NULL. */
static xmlNode *child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

static void test_writers(void)
{
    sl_error err;
    sl_glossary *g = sl_glossary_new(NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(sl_glossary_add(g, "a&b", "Kata kunci: R&D; <tag>; \"kutip\"; tab\there",
                                    "Keywords: R&D; <tag>; quote's; tab there", &err), SL_OK);
    CU_ASSERT_EQUAL(sl_glossary_add(g, "c", "Kata kunci: R&D", "Keywords: R&D", &err), SL_OK);
    CU_ASSERT_EQUAL(sl_glossary_size(g), 4);
    CU_ASSERT_STRING_EQUAL(sl_glossary_entry(g, 3)->src, "tab here");

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    const char *const lang[2] = { "id-ID", "en-US" };
    CU_ASSERT_EQUAL(sl_glossary_write_tbx(f, g, lang, "9.9"), 0);
    fclose(f);
    xmlDoc *doc = xmlReadMemory(buf, (int)len, "glossary.tbx", NULL, XML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    xmlNode *root = xmlDocGetRootElement(doc);
    CU_ASSERT_STRING_EQUAL((const char *)root->name, "martif");
    xmlChar *type = xmlGetProp(root, (const xmlChar *)"type");
    CU_ASSERT_STRING_EQUAL((const char *)type, "TBX-Basic");
    xmlFree(type);
    CU_ASSERT_PTR_NOT_NULL(child(child(root, "martifHeader"), "fileDesc"));
    xmlNode *body = child(child(root, "text"), "body");
    CU_ASSERT_PTR_NOT_NULL_FATAL(body);
    size_t k = 0;
    for (xmlNode *te = body->children; te; te = te->next) {
        if (te->type != XML_ELEMENT_NODE)
            continue;
        CU_ASSERT_STRING_EQUAL((const char *)te->name, "termEntry");
        const sl_gloss_entry *e = sl_glossary_entry(g, k++);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e);
        int side = 0;
        for (xmlNode *ls = te->children; ls; ls = ls->next) {
            if (ls->type != XML_ELEMENT_NODE || strcmp((const char *)ls->name, "langSet") != 0)
                continue;
            xmlChar *xl = xmlNodeGetLang(ls);
            CU_ASSERT_STRING_EQUAL((const char *)xl, lang[side]);
            xmlFree(xl);
            xmlChar *t = xmlNodeGetContent(child(child(ls, "tig"), "term"));
            CU_ASSERT_STRING_EQUAL((const char *)t, side ? e->tgt : e->src);
            xmlFree(t);
            side++;
        }
        CU_ASSERT_EQUAL(side, 2);
        xmlChar *note = xmlNodeGetContent(child(te, "note"));
        CU_ASSERT_PTR_NOT_NULL(strstr((const char *)note, e->doc));
        xmlFree(note);
    }
    CU_ASSERT_EQUAL(k, 4);
    xmlFreeDoc(doc);
    free(buf);

    buf = NULL;
    f = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(sl_glossary_write_omegat(f, g), 0);
    fclose(f);
    CU_ASSERT_STRING_EQUAL(buf, "R&D\tR&D\tkeywords of a&b and 1 other document\n"
                                "<tag>\t<tag>\tkeywords of a&b\n"
                                "kutip\tquote's\tkeywords of a&b\n"
                                "tab here\ttab there\tkeywords of a&b\n");
    free(buf);
    CU_ASSERT_EQUAL(sl_gloss_format_parse("tbx"), SL_GLOSS_TBX);
    CU_ASSERT_EQUAL(sl_gloss_format_parse("omegat"), SL_GLOSS_OMEGAT);
    CU_ASSERT_EQUAL(sl_gloss_format_parse("csv"), -1);
    sl_glossary_free(g);
}

int test_glossary_register(void)
{
    CU_pSuite s = CU_add_suite("glossary", NULL, NULL);
    if (!s || !CU_add_test(s, "keyword lines into terms", test_terms) ||
        !CU_add_test(s, "terms paired by words, then by place", test_pairing) ||
        !CU_add_test(s, "TBX-Basic read back, OmegaT's glossary", test_writers))
        return -1;
    return 0;
}
