/* test_html.c — the HTML page of `selaras check --html`: escaped, self-
 * contained, every link landing on its anchor, and, loaded in headless
 * Chromium (Debian's chromium, when installed), the findings in the
 * browser's DOM as many and of the same kinds as `check --json` reports. */
#include "tests.h"
#include "selaras/html.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CHROMIUM "/usr/bin/chromium"

/* ---- helpers ----------------------------------------------------------- */

static char tmpdir[64];

/* A path in this run's own directory, so that runs at the same time in
 * one checkout do not share files. */
static const char *tmp(const char *name)
{
    static char buf[4][256];
    static int k;
    char *b = buf[k++ % 4];
    snprintf(b, sizeof buf[0], "%s/%s", tmpdir, name);
    return b;
}

static int suite_init(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/selaras_html_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int suite_clean(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return test_run(cmd) == 0 ? 0 : -1;
}

/* A whole file, malloc'd ("" when it cannot be read). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s = NULL;
    size_t n = 0;
    if (f) {
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        rewind(f);
        if (len >= 0 && (s = malloc((size_t)len + 1)))
            n = fread(s, 1, (size_t)len, f);
        fclose(f);
    }
    if (!s && !(s = malloc(1)))
        abort();
    s[n] = '\0';
    return s;
}

/* Runs `selaras ARGS`; stdout to OUT (a name in the run's directory). */
static int selaras(const char *args, const char *out)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s >%s 2>%s", test_bin(), args, tmp(out), tmp("err"));
    return test_run(cmd);
}

/* How many times s holds needle, ignoring ASCII case. */
static long occurrences(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    long k = 0;
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            k++;
    return k;
}

static htmlDocPtr parse(const char *path)
{
    return htmlReadFile(path, "utf-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
}

static xmlXPathObjectPtr xpath(htmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr c = xmlXPathNewContext(doc);
    xmlXPathObjectPtr o = c ? xmlXPathEvalExpression((const xmlChar *)expr, c) : NULL;
    xmlXPathFreeContext(c);
    return o;
}

static long number(htmlDocPtr doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *string(htmlDocPtr doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The number an XPath expression (made by printf) evaluates to: count(...);
 * -1 on error. */
static long number(htmlDocPtr doc, const char *fmt, ...)
{
    char expr[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(expr, sizeof expr, fmt, ap);
    va_end(ap);
    xmlXPathObjectPtr o = xpath(doc, expr);
    long n = o && o->type == XPATH_NUMBER ? (long)o->floatval : -1;
    xmlXPathFreeObject(o);
    return n;
}

/* The string value of an XPath expression (made by printf), malloc'd. */
static char *string(htmlDocPtr doc, const char *fmt, ...)
{
    char expr[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(expr, sizeof expr, fmt, ap);
    va_end(ap);
    xmlXPathObjectPtr o = xpath(doc, expr);
    char *s = strdup(o && o->type == XPATH_STRING && o->stringval ? (char *)o->stringval : "");
    xmlXPathFreeObject(o);
    return s;
}

#define FINDING "//li[contains(concat(' ', @class, ' '), ' finding ')]"

/* Every id is unique, every link is a fragment of this page and lands on
 * an element; returns the number of links. */
static long check_links(htmlDocPtr doc)
{
    CU_ASSERT_EQUAL(number(doc, "count(//*[@src])"), 0);
    xmlXPathObjectPtr ids = xpath(doc, "//@id");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ids);
    int n = ids->nodesetval ? ids->nodesetval->nodeNr : 0;
    CU_ASSERT(n > 0);
    char **v = calloc((size_t)n + 1, sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = (char *)xmlNodeGetContent(ids->nodesetval->nodeTab[i]);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (strcmp(v[i], v[j]) == 0) {
                printf("\n  id \"%s\" twice", v[i]);
                CU_FAIL("an id twice");
            }
    for (int i = 0; i < n; i++)
        xmlFree(v[i]);
    free(v);
    xmlXPathFreeObject(ids);

    xmlXPathObjectPtr links = xpath(doc, "//a/@href");
    CU_ASSERT_PTR_NOT_NULL_FATAL(links);
    long nl = links->nodesetval ? links->nodesetval->nodeNr : 0;
    for (long i = 0; i < nl; i++) {
        char *href = (char *)xmlNodeGetContent(links->nodesetval->nodeTab[i]);
        if (href[0] != '#' || number(doc, "count(//*[@id='%s'])", href + 1) != 1) {
            printf("\n  link to \"%s\" lands nowhere", href);
            CU_FAIL("a link lands nowhere");
        }
        xmlFree(href);
    }
    xmlXPathFreeObject(links);
    return nl;
}

/* Nothing from elsewhere: no element that loads or runs anything, no
 * attribute that names another place. The abstracts' own texts may quote
 * a URL (007's sentence 9 does): that is text in a sentence cell, not a
 * link, and page counts the raw page's occurrences to match them. */
static void self_contained(htmlDocPtr doc, const char *page)
{
    CU_ASSERT_EQUAL(number(doc, "count(//script | //link | //img | //iframe | //object | "
                                "//embed | //base | //form | //audio | //video | //source)"), 0);
    xmlXPathObjectPtr at = xpath(doc, "//@*");
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    for (int i = 0; at->nodesetval && i < at->nodesetval->nodeNr; i++) {
        char *v = (char *)xmlNodeGetContent(at->nodesetval->nodeTab[i]);
        if (occurrences(v, "http:") || occurrences(v, "https:") || occurrences(v, "//") || occurrences(v, "data:") ||
            occurrences(v, "file:") || occurrences(v, "javascript:")) {
            printf("\n  attribute \"%s\" names another place", v);
            CU_FAIL("an attribute names another place");
        }
        xmlFree(v);
    }
    xmlXPathFreeObject(at);
    long in_text = 0;
    xmlXPathObjectPtr s = xpath(doc, "//td/span[@class='s']");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (int i = 0; s->nodesetval && i < s->nodesetval->nodeNr; i++) {
        char *v = (char *)xmlNodeGetContent(s->nodesetval->nodeTab[i]);
        in_text += occurrences(v, "http:") + occurrences(v, "https:");
        xmlFree(v);
    }
    xmlXPathFreeObject(s);
    if (page) {
        CU_ASSERT_EQUAL(occurrences(page, "http:") + occurrences(page, "https:"), in_text);
        CU_ASSERT_EQUAL(occurrences(page, "<script"), 0);
        CU_ASSERT_EQUAL(occurrences(page, "url("), 0);
        CU_ASSERT_EQUAL(occurrences(page, "@import"), 0);
    }
}

/* Findings in `check --json` output: their number, and by kind. */
static long json_findings(const char *path, long by_kind[SL_F_NKINDS], long *docs)
{
    FILE *f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[1 << 14];
    long n = 0;
    *docs = 0;
    memset(by_kind, 0, SL_F_NKINDS * sizeof *by_kind);
    while (fgets(line, sizeof line, f)) {
        json_t *o = json_loads(line, 0, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(o);
        const char *kind = json_string_value(json_object_get(o, "kind"));
        CU_ASSERT_PTR_NOT_NULL_FATAL(kind);
        if (strcmp(kind, "summary") == 0)
            (*docs)++;
        else {
            n++;
            int k = 0;
            while (k < SL_F_NKINDS && strcmp(sl_finding_kind_name(k), kind) != 0)
                k++;
            CU_ASSERT(k < SL_F_NKINDS);
            if (k < SL_F_NKINDS)
                by_kind[k]++;
        }
        json_decref(o);
    }
    fclose(f);
    return n;
}

/* The findings of a page match the JSON report's, kind by kind. */
static void same_findings(htmlDocPtr doc, const char *json)
{
    long by_kind[SL_F_NKINDS], docs;
    long n = json_findings(tmp(json), by_kind, &docs);
    CU_ASSERT(n > 0);
    CU_ASSERT_EQUAL(number(doc, "count(" FINDING ")"), n);
    for (int k = 0; k < SL_F_NKINDS; k++) {
        long got = number(doc, "count(" FINDING "[@data-kind='%s'])", sl_finding_kind_name(k));
        if (got != by_kind[k])
            printf("\n  %s: %ld findings on the page, %ld in the JSON", sl_finding_kind_name(k),
                   got, by_kind[k]);
        CU_ASSERT_EQUAL(got, by_kind[k]);
    }
    CU_ASSERT_EQUAL(number(doc, "count(//section[contains(@class, 'doc')])"), docs);
}

/* 006_agriculture's Indonesian sentence 6 has no English: an error
 * finding that links to its row, a row that links back and shows the
 * English side empty. */
static void missing_sentence_6(htmlDocPtr doc)
{
    const char *sec = "//section[contains(@class, 'doc')][h2[contains(., '006_agriculture')]]";
    char f[512];
    snprintf(f, sizeof f, "%s//li[@data-kind='missing'][@data-id='6']", sec);
    CU_ASSERT_EQUAL_FATAL(number(doc, "count(%s)", f), 1);
    char *cls = string(doc, "string(%s/@class)", f);
    CU_ASSERT_STRING_EQUAL(cls, "finding error");
    free(cls);
    char *text = string(doc, "string(%s)", f);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "Indonesian sentence 6 has no English counterpart"));
    free(text);
    char *id = string(doc, "string(%s/@id)", f);
    char *href = string(doc, "string(%s/a/@href)", f);
    CU_ASSERT_FATAL(href[0] == '#');
    char row[256];
    snprintf(row, sizeof row, "//tr[@id='%s']", href + 1);
    CU_ASSERT_EQUAL(number(doc, "count(%s[contains(@class, 'error')])", row), 1);
    CU_ASSERT_EQUAL(number(doc, "count(%s/td[contains(., 'Dosis NPK rekomendasi')])", row), 1);
    CU_ASSERT_EQUAL(number(doc, "count(%s/td[contains(@class, 'empty')])", row), 1);
    CU_ASSERT_EQUAL(number(doc, "count(%s//a[@href='#%s'])", row, id), 1);
    free(id);
    free(href);
}

/* ---- tests ------------------------------------------------------------- */

/* The page of the samples without a browser: self-contained (no URL, no
 * script, no file from elsewhere), links landing, findings as the JSON,
 * the summary table, and valid HTML5 by tidy when it is installed. */
static void test_page(void)
{
    CU_ASSERT_EQUAL_FATAL(selaras("check -q --json ../samples", "all.jsonl"), 1);
    char args[512];
    snprintf(args, sizeof args, "check -q --html %s ../samples", tmp("all.html"));
    CU_ASSERT_EQUAL_FATAL(selaras(args, "all.txt"), 1);
    char *page = slurp(tmp("all.html"));
    CU_ASSERT(strncmp(page, "<!DOCTYPE html>\n<html lang=\"en\">", 31) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(page, "</html>\n"));
    /* the samples quote one URL, in 007's sentence 9 on each side */
    CU_ASSERT_EQUAL(occurrences(page, "https://github.com/nlp-nusantara-lab"), 2);
    htmlDocPtr doc = parse(tmp("all.html"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    self_contained(doc, page);
    free(page);
    /* a link from each finding to its row and one per summary row, at least */
    CU_ASSERT(check_links(doc) >= number(doc, "count(" FINDING ")") + 10);
    same_findings(doc, "all.jsonl");
    missing_sentence_6(doc);
    /* the legend names every kind */
    for (int k = 0; k < SL_F_NKINDS; k++)
        CU_ASSERT_EQUAL(number(doc, "count(//dl[@class='kinds']/dt[.='%s'])",
                               sl_finding_kind_name(k)), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//section[@id='summary']//tbody/tr)"), 10);
    CU_ASSERT_EQUAL(number(doc, "count(//section[@id='summary']//tr[td/a[.='006_agriculture']]"
                                "[contains(., 'errors')])"), 1);
    xmlFreeDoc(doc);

    if (test_run("command -v tidy >/dev/null 2>&1") != 0) {
        printf("\n  (skipped the HTML5 check: tidy not installed)");
        return;
    }
    char cmd[512];
    snprintf(cmd, sizeof cmd, "tidy -q -e %s 2>%s", tmp("all.html"), tmp("tidy"));
    int rc = test_run(cmd);
    if (rc != 0) {
        char *t = slurp(tmp("tidy"));
        printf("\n  tidy:\n%s", t);
        free(t);
    }
    CU_ASSERT_EQUAL(rc, 0);
}

/* Whatever the names and texts hold, the page holds text: a document
 * named like markup, a sentence with a script in it, a control
 * character; one document, so no summary. And the rows: a finding about
 * the title in the title row, an Indonesian sentence hidden in a 2-1 unit
 * singled out, an unaligned one beside an empty English side. */
static void test_escaping(void)
{
    static char id0[] = "Judul <b>tebal</b> & \"kutip\".", en0[] = "A \x01title.",
                s0[] = "Kalimat <script>alert('x')</script> satu.", s1[] = "Kalimat dua.",
                s2[] = "Kalimat tiga.", t0[] = "Sentence two.", name[] = "a<b>&\"'.txt",
                m0[] = "a <i>message</i>", m1[] = "keyword \"x\" has no English counterpart",
                u1[] = "Kalimat <script>alert('x')</script> satu. Kalimat dua.";
    char *sid[] = { s0, s1, s2 }, *sen[] = { t0 };
    sl_unit u[3] = {
        { id0, en0, SL_UNIT_TITLE, { 0, 0, 0, 0, 0, 0 } },
        { u1, t0, SL_UNIT_SENTENCE, { 0, 2, 0, 1, 0, 0.9 } },
        { s2, NULL, SL_UNIT_SENTENCE, { 2, 1, 1, 0, 0, 0 } },
    };
    sl_doc d;
    memset(&d, 0, sizeof d);
    d.name = name;
    d.rec.title[0] = id0;
    d.rec.title[1] = en0;
    d.units = u;
    d.nunits = 3;
    d.nsent[0] = 3;
    d.nsent[1] = 1;
    d.sent[0] = sid;
    d.sent[1] = sen;
    sl_finding f[5] = {
        { SL_F_NUMBER, SL_SEV_ERROR, { 0 }, 0, { 0 }, 0, id0, en0, m0 },
        { SL_F_MISSING, SL_SEV_ERROR, { 1 }, 1, { 1 }, 1, s0, t0, m0 },
        { SL_F_MERGE, SL_SEV_INFO, { 1, 2 }, 2, { 1 }, 1, u1, t0, m0 },
        { SL_F_MISSING, SL_SEV_ERROR, { 3 }, 1, { 0 }, 0, s2, NULL, m0 },
        { SL_F_KEYWORDS, SL_SEV_WARNING, { 0 }, 0, { 0 }, 0, NULL, NULL, m1 },
    };
    sl_report r = { name, f, 5, 5, { 3, 1 }, 0.5, 0.4, SL_SEV_ERROR, 2 };
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    sl_html_begin(out);
    sl_html_doc(out, 0, &r, &d, SL_SEV_INFO);
    sl_html_row row = { name, SL_SEV_ERROR, 3, 0, 0.5, 0 };
    sl_html_end(out, &row, 1);
    fclose(out);
    CU_ASSERT_PTR_NULL(strstr(buf, "<b>"));
    CU_ASSERT_PTR_NULL(strstr(buf, "<i>"));
    CU_ASSERT_PTR_NULL(strstr(buf, "<script"));
    CU_ASSERT_PTR_NULL(strchr(buf, '\x01'));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "a&lt;b&gt;&amp;&quot;&#39;.txt"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "Kalimat &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "A \xEF\xBF\xBDtitle."));
    CU_ASSERT_PTR_NULL(strstr(buf, "id=\"summary\"")); /* one document: no summary */
    FILE *pf = fopen(tmp("esc.html"), "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pf);
    fwrite(buf, 1, len, pf);
    fclose(pf);
    free(buf);

    htmlDocPtr doc = parse(tmp("esc.html"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    check_links(doc);
    CU_ASSERT_EQUAL(number(doc, "count(" FINDING ")"), 5);
    /* a finding about the title (no sentence numbers) links to the title
     * row; one about the keywords, with no keyword line, to no row */
    CU_ASSERT_EQUAL(number(doc, "count(//li[@id='d1-f1']/a[@href='#d1-title'])"), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-title'][contains(@class, 'error')]"
                                "//a[@href='#d1-f1'])"), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//li[@id='d1-f5']/a)"), 0);
    /* the 2-1 unit: both findings link there and back, sentence 1 alone
     * singled out */
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-u2'][contains(@class, 'error')])"), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-u2']//a[@href='#d1-f2' or @href='#d1-f3'])"),
                    2);
    CU_ASSERT_EQUAL(number(doc, "count(//li[@id='d1-f2']/a[@href='#d1-u2'])"), 1);
    char *c1 = string(doc, "string(//span[@id='d1-id1']/@class)"),
         *c2 = string(doc, "string(//span[@id='d1-id2']/@class)");
    CU_ASSERT_STRING_EQUAL(c1, "s flag-error");
    CU_ASSERT_STRING_EQUAL(c2, "s");
    free(c1);
    free(c2);
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-u3']/td[contains(@class, 'empty')])"), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-u3']//a[@href='#d1-f4'])"), 1);
    /* below min_severity: not listed, not linked, not colouring */
    buf = NULL;
    out = open_memstream(&buf, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    sl_html_doc(out, 0, &r, &d, SL_SEV_WARNING);
    fclose(out);
    CU_ASSERT_PTR_NULL(strstr(buf, "data-kind=\"merge\""));
    CU_ASSERT_PTR_NULL(strstr(buf, "#d1-f3"));
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "1 finding of lower severity not listed"));
    free(buf);
    char *h2 = string(doc, "string(//section[@id='d1']/h2)");
    CU_ASSERT_PTR_NOT_NULL(strstr(h2, "a<b>&\"'.txt"));
    free(h2);
    xmlFreeDoc(doc);
}

/* The page loaded in headless Chromium: its DOM holds the findings. */
static int dump_dom(const char *page, const char *out)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "d=$(mktemp -d) && timeout 120 " CHROMIUM " --headless --no-sandbox --disable-gpu "
             "--disable-background-networking --disable-component-update --disable-sync "
             "--no-first-run --user-data-dir=$d --dump-dom file://%s >%s 2>%s; rc=$?; "
             "rm -rf $d; exit $rc",
             tmp(page), tmp(out), tmp("chromium.err"));
    int rc = test_run(cmd);
    if (rc != 0) {
        char *e = slurp(tmp("chromium.err"));
        printf("\n  chromium exited with %d:\n%s", rc, e);
        free(e);
    }
    return rc;
}

static void test_chromium(void)
{
    if (access(CHROMIUM, X_OK) != 0) {
        printf("\n  (skipped: " CHROMIUM " not installed; apt-get install chromium)");
        return;
    }
    /* the batch */
    CU_ASSERT_EQUAL_FATAL(selaras("check -q --json ../samples", "all.jsonl"), 1);
    char args[512];
    snprintf(args, sizeof args, "check -q --html %s ../samples", tmp("all.html"));
    CU_ASSERT_EQUAL_FATAL(selaras(args, "all.txt"), 1);
    CU_ASSERT_EQUAL_FATAL(dump_dom("all.html", "all.dom.html"), 0);
    htmlDocPtr doc = parse(tmp("all.dom.html"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    /* the browser built the page as written: every section, finding and
     * link where it should be */
    CU_ASSERT_EQUAL(number(doc, "count(//body/header/h1)"), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//body/main/section)"), 10);
    /* a link from each finding to its row and one per summary row, at least */
    CU_ASSERT(check_links(doc) >= number(doc, "count(" FINDING ")") + 10);
    self_contained(doc, NULL);
    same_findings(doc, "all.jsonl");
    missing_sentence_6(doc);
    /* the summary: a row per document, linking to its section */
    CU_ASSERT_EQUAL(number(doc, "count(//body/section[@id='summary']//tbody/tr)"), 10);
    static const char *const docs[] = { "001_law", "002_medicine", "003_engineering",
                                        "004_economics", "005_education", "006_agriculture",
                                        "007_computer_science", "008_international_relations",
                                        "009_public_health", "010_environment" };
    for (size_t k = 0; k < 10; k++) {
        char *href = string(doc, "string(//section[@id='summary']//a[.='%s']/@href)", docs[k]);
        CU_ASSERT_FATAL(href[0] == '#');
        char *h2 = string(doc, "string(//section[@id='%s']/h2)", href + 1);
        CU_ASSERT_PTR_NOT_NULL(strstr(h2, docs[k]));
        free(h2);
        free(href);
    }
    /* 006_agriculture: an error (its missing sentence) and warnings (its
     * keywords), each row coloured by its worst finding; 001_law: nothing */
    CU_ASSERT(number(doc, "count(//section[h2[contains(., '006_agriculture')]]"
                          "//li[@data-severity='warning'])") > 0);
    CU_ASSERT(number(doc, "count(//section[h2[contains(., '006_agriculture')]]"
                          "//tr[contains(@class, 'warning')])") > 0);
    CU_ASSERT(number(doc, "count(//section[h2[contains(., '006_agriculture')]]"
                          "//tr[contains(@class, 'error')])") > 0);
    CU_ASSERT_EQUAL(number(doc, "count(//section[h2[contains(., '001_law')]]//li)"), 0);
    CU_ASSERT_EQUAL(number(doc, "count(//section[h2[contains(., '001_law')]]"
                                "//tr[contains(@class, 'warning') or contains(@class, 'error')])"),
                    0);
    xmlFreeDoc(doc);

    /* one document: its findings and title and keyword rows, no summary */
    CU_ASSERT_EQUAL_FATAL(selaras("check -q --json ../samples/006_agriculture.txt", "one.jsonl"),
                          1);
    snprintf(args, sizeof args, "check -q --html %s ../samples/006_agriculture.txt",
             tmp("one.html"));
    CU_ASSERT_EQUAL_FATAL(selaras(args, "one.txt"), 1);
    CU_ASSERT_EQUAL_FATAL(dump_dom("one.html", "one.dom.html"), 0);
    doc = parse(tmp("one.dom.html"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    same_findings(doc, "one.jsonl");
    missing_sentence_6(doc);
    CU_ASSERT_EQUAL(number(doc, "count(//section[@id='summary'])"), 0);
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-title']/td[contains(., 'Inpari 32')])"),
                    2);
    CU_ASSERT_EQUAL(number(doc, "count(//tr[@id='d1-keywords'][contains(@class, 'warning')])"), 1);
    CU_ASSERT_EQUAL(number(doc, "count(//li[@data-kind='keywords']/a[@href='#d1-keywords'])"), 2);
    xmlFreeDoc(doc);
}

int test_html_register(void)
{
    CU_pSuite s = CU_add_suite("html", suite_init, suite_clean);
    if (!s || !CU_add_test(s, "page: self-contained, links, findings", test_page) ||
        !CU_add_test(s, "escaping, title and empty rows", test_escaping) ||
        !CU_add_test(s, "in headless Chromium", test_chromium))
        return -1;
    return 0;
}
