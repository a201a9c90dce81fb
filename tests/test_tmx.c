/* test_tmx.c — TMX that real clients accept: validated with xmllint against
 * the TMX 1.4 DTD and OmegaT's tmx14.xsd, and read back with libxml2 so
 * that text round-trips exactly (entities, quotes, emoji, controls). */
#include "tests.h"
#include "selaras/tmx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUT "../build/tmp/test.tmx"

/* Units: text written, and the text a reader must get back ("" = unit
 * must be absent because a side is empty after cleaning). */
static const struct { const char *src, *tgt, *want_src, *want_tgt; } U[] = {
    { "Tom & Jerry <b> \"kutip\" 'tunggal'", "Tom & Jerry <b> \"quote\" 'single'",
      "Tom & Jerry <b> \"kutip\" 'tunggal'", "Tom & Jerry <b> \"quote\" 'single'" },
    { "  Spasi di tepi \t dan\ntengah  ", "Spaces at the edges", "Spasi di tepi dan tengah",
      "Spaces at the edges" },
    { "Emoji \xF0\x9F\x98\x80 dan aksara \xE2\x80\x9C" "kutip\xE2\x80\x9D",
      "Emoji \xF0\x9F\x98\x80 and \xE2\x80\x9C" "quotes\xE2\x80\x9D",
      "Emoji \xF0\x9F\x98\x80 dan aksara \xE2\x80\x9C" "kutip\xE2\x80\x9D",
      "Emoji \xF0\x9F\x98\x80 and \xE2\x80\x9C" "quotes\xE2\x80\x9D" },
    { "Kontrol\x01\x02 hilang\x1F", "Controls\x0B gone\xC2\x85", "Kontrol hilang", "Controls gone" },
    { "Hanya Indonesia", "   ", "", "" },           /* empty target: left out */
    { "\x07\x08", "Only controls", "", "" },         /* empty source: left out */
};
#define NU (sizeof U / sizeof *U)

static void write_tmx(void)
{
    sl_doc d;
    memset(&d, 0, sizeof d);
    d.name = strdup("doc <1> & \"x\"");
    d.rec.url = strdup("https://lib.ui.ac.id/detail?id=1&lokasi=lokal");
    d.rec.author = strdup("Sari Dewi");
    d.rec.faculty = strdup("Fakultas Ekonomi & Bisnis Universitas Indonesia");
    d.rec.year = strdup("2016");
    d.rec.collection = strdup("UI - Tesis Membership");
    sl_unit units[NU];
    for (size_t k = 0; k < NU; k++) {
        memset(&units[k], 0, sizeof units[k]);
        units[k].src = strdup(U[k].src);
        units[k].tgt = strdup(U[k].tgt);
        units[k].kind = SL_UNIT_SENTENCE;
        units[k].bead = (sl_bead){ k, 1, k, 1, 0.0, 0.9 };
    }
    d.units = units;
    d.nunits = NU;
    sl_tmx_opts o = { { "id-ID", "en-US" }, "9.9", 0, 0.0, 0 };
    FILE *f = fopen(OUT, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(sl_tmx_begin(f, &o), 0);
    CU_ASSERT_EQUAL(sl_tmx_doc(f, &o, &d), 4);
    CU_ASSERT_EQUAL(sl_tmx_end(f), 0);
    fclose(f);
    for (size_t k = 0; k < NU; k++) {
        free(units[k].src);
        free(units[k].tgt);
    }
    free(d.name);
    sl_record_free(&d.rec);
}

static void test_dtd(void)
{
    write_tmx();
    const char *dtd = test_shared_path("docs/tmx14.dtd");
    if (!dtd) {
        printf("\n  (skipped: ../shared/docs/tmx14.dtd not present)");
        return;
    }
    char cmd[2048];
    /* xmllint exits 0 when valid; stderr must stay empty (warnings count) */
    snprintf(cmd, sizeof cmd, "xmllint --noout --dtdvalid %s " OUT " 2>/tmp/selaras_xmllint.err"
             " && ! test -s /tmp/selaras_xmllint.err", dtd);
    CU_ASSERT_EQUAL(test_run(cmd), 0);
}

static void test_schema(void)
{
    write_tmx();
    if (test_run("test -f /usr/share/omegat/OmegaT.jar") != 0) {
        printf("\n  (skipped: OmegaT not installed, no tmx14.xsd)");
        return;
    }
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf /tmp/selaras_xsd && mkdir -p /tmp/selaras_xsd && "
                                   "unzip -q -o /usr/share/omegat/OmegaT.jar 'schemas/*' "
                                   "-d /tmp/selaras_xsd"), 0);
    CU_ASSERT_EQUAL(test_run("xmllint --noout --schema /tmp/selaras_xsd/schemas/tmx14.xsd " OUT
                             " 2>/dev/null"), 0);
}

static char *seg_text(xmlNode *tuv)
{
    for (xmlNode *c = tuv->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "seg") == 0)
            return (char *)xmlNodeGetContent(c);
    return NULL;
}

static void test_read_back(void)
{
    write_tmx();
    xmlDoc *doc = xmlReadFile(OUT, NULL, XML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    xmlNode *root = xmlDocGetRootElement(doc);
    CU_ASSERT_STRING_EQUAL((const char *)root->name, "tmx");
    xmlNode *body = NULL;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "header") == 0) {
            xmlChar *sl = xmlGetProp(c, (const xmlChar *)"srclang");
            xmlChar *seg = xmlGetProp(c, (const xmlChar *)"segtype");
            xmlChar *tool = xmlGetProp(c, (const xmlChar *)"creationtool");
            CU_ASSERT_STRING_EQUAL((char *)sl, "id-ID");
            CU_ASSERT_STRING_EQUAL((char *)seg, "sentence");
            CU_ASSERT_STRING_EQUAL((char *)tool, "selaras");
            xmlFree(sl); xmlFree(seg); xmlFree(tool);
        }
        if (strcmp((const char *)c->name, "body") == 0)
            body = c;
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(body);
    size_t k = 0, tus = 0, props = 0;
    for (xmlNode *tu = body->children; tu; tu = tu->next) {
        if (tu->type != XML_ELEMENT_NODE)
            continue;
        tus++;
        while (k < NU && U[k].want_src[0] == '\0')
            k++;
        CU_ASSERT_FATAL(k < NU);
        int n = 0;
        for (xmlNode *c = tu->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (strcmp((const char *)c->name, "prop") == 0) {
                xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
                CU_ASSERT(strncmp((char *)type, "x-", 2) == 0);
                if (strcmp((char *)type, "x-document") == 0) {
                    xmlChar *v = xmlNodeGetContent(c);
                    CU_ASSERT_STRING_EQUAL((char *)v, "doc <1> & \"x\"");
                    xmlFree(v);
                }
                /* the record's metadata, each once, before the <tuv>s */
                static const char *const meta[][2] = {
                    { "x-author", "Sari Dewi" },
                    { "x-faculty", "Fakultas Ekonomi & Bisnis Universitas Indonesia" },
                    { "x-year", "2016" },
                    { "x-collection", "UI - Tesis Membership" },
                };
                for (int m = 0; m < 4; m++)
                    if (strcmp((char *)type, meta[m][0]) == 0) {
                        xmlChar *v = xmlNodeGetContent(c);
                        CU_ASSERT_STRING_EQUAL((char *)v, meta[m][1]);
                        CU_ASSERT_EQUAL(n, 0);
                        props++;
                        xmlFree(v);
                    }
                xmlFree(type);
            }
            if (strcmp((const char *)c->name, "tuv") != 0)
                continue;
            xmlChar *lang = xmlGetNsProp(c, (const xmlChar *)"lang", XML_XML_NAMESPACE);
            char *text = seg_text(c);
            CU_ASSERT_PTR_NOT_NULL_FATAL(text);
            CU_ASSERT(strlen(text) > 0);
            CU_ASSERT_STRING_EQUAL((char *)lang, n == 0 ? "id-ID" : "en-US");
            CU_ASSERT_STRING_EQUAL(text, n == 0 ? U[k].want_src : U[k].want_tgt);
            xmlFree(lang);
            xmlFree(text);
            n++;
        }
        CU_ASSERT_EQUAL(n, 2);
        k++;
    }
    CU_ASSERT_EQUAL(tus, 4);
    CU_ASSERT_EQUAL(props, 4 * 4);
    xmlFreeDoc(doc);
}

/* Verbatim <seg> text, as a CAT tool compares it: runs of spaces and tabs
 * kept, a line break (with the blanks around it) one space, the ends
 * trimmed; escaping and forbidden characters as ever. Read back with
 * libxml2, as OmegaT's parser reads it. */
static void test_verbatim(void)
{
    static const struct { const char *in, *want; } V[] = {
        { "  Dua  spasi\tdan tab \t di tengah  ", "Dua  spasi\tdan tab \t di tengah" },
        { "Baris peng- \r\n  guna, patah\ndi sini", "Baris peng- guna, patah di sini" },
        { "A & B <c> \"d\"  'e'", "A & B <c> \"d\"  'e'" },
        { "Kontrol\x01  \x02hilang\x1F \xC2\xA0nbsp", "Kontrol  hilang \xC2\xA0nbsp" },
    };
    char buf[4096];
    for (size_t k = 0; k < sizeof V / sizeof *V; k++) {
        FILE *f = fmemopen(buf, sizeof buf, "w");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        fputs("<seg>", f);
        sl_xml_verbatim(f, V[k].in, strlen(V[k].in));
        fputs("</seg>", f);
        fclose(f);
        xmlDoc *doc = xmlReadMemory(buf, (int)strlen(buf), "seg.xml", "UTF-8", XML_PARSE_NONET);
        CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
        xmlChar *got = xmlNodeGetContent(xmlDocGetRootElement(doc));
        if (strcmp((char *)got, V[k].want) != 0)
            printf("\n  verbatim seg: want \"%s\", got \"%s\"", V[k].want, (char *)got);
        CU_ASSERT_STRING_EQUAL((char *)got, V[k].want);
        xmlFree(got);
        xmlFreeDoc(doc);
    }
}

int test_tmx_register(void)
{
    CU_pSuite s = CU_add_suite("tmx", NULL, NULL);
    if (!s || !CU_add_test(s, "TMX 1.4 DTD", test_dtd) ||
        !CU_add_test(s, "OmegaT tmx14.xsd", test_schema) ||
        !CU_add_test(s, "read back with libxml2", test_read_back) ||
        !CU_add_test(s, "verbatim seg text", test_verbatim))
        return -1;
    return 0;
}
