/* test_srx.c — the splitters' rules as SRX 2.0 (sl_srx_write) and as OmegaT's
 * segmentation.conf (sl_srx_write_omegat): the documents' structure (libxml2),
 * validity against the SRX 2.0 schema inside OmegaT.jar (xmllint), and — the
 * real check — that the rules, applied as OmegaT 3.6 applies them, cut our
 * abstract-like paragraphs into exactly the sentences sl_seg_split makes. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "tests.h"
#include "selaras/segment.h"
#include "selaras/srx.h"
#include "selaras/learnabbr.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP "../build/tmp/srx"
#define OMEGAT_JAR "/usr/share/omegat/OmegaT.jar"

/* ---- paragraphs ------------------------------------------------------- */

static const char *const id_paras[] = {
    "Penelitian ini dibimbing oleh Prof. Dr. Ir. Budi Santoso, M.Si. dari Institut "
    "Pertanian Bogor. Data dikumpulkan melalui wawancara dengan 45 petani. Hasil "
    "menunjukkan bahwa produktivitas meningkat 12,5% per tahun.",
    "Metode ini pertama kali diusulkan oleh Hidayat dkk. Penelitian lanjutan diperlukan "
    "untuk data yang lebih besar. Temuan serupa dilaporkan oleh Wijaya dkk. (2020) pada "
    "lahan gambut di Kalimantan Tengah.",
    "Variabel kontrol meliputi pendidikan, pendapatan, usia, dll. Semua variabel diukur "
    "dengan skala Likert lima poin. Faktor lingkungan seperti suhu, kelembapan, dsb. "
    "memengaruhi hasil panen.",
    "Kewenangan daerah diatur dalam UU No. 23 Tahun 2014 tentang Pemerintahan Daerah. "
    "Undang-undang tersebut menggantikan UU No. 32 Tahun 2004. Ketentuan teknisnya "
    "terdapat dalam Pasal 28 ayat (3).",
    "Kantor dinas terletak di Jl. Sudirman No. 45, Kab. Sleman. Survei dilakukan di "
    "Kec. Cibinong, Kab. Bogor pada musim hujan. Responden berjumlah 120 orang.",
    "Harga jual ditetapkan sebesar Rp. 15.000 per kilogram. Biaya produksi per hektare "
    "sebesar Rp1.000.000,00 dengan keuntungan bersih Rp2.500.000,00. Nilai R/C rasio "
    "adalah 1,8.",
    "Apakah kebijakan ini efektif? Hasil penelitian menunjukkan sebaliknya! Petani "
    "mengeluhkan harga pupuk... Pemerintah belum menanggapi keluhan tersebut.",
    "Guru bertanya, \"Mengapa hasil belajar menurun?\" Pernyataan itu memicu diskusi "
    "panjang. Informan menyatakan, \xe2\x80\x9cKami belum pernah menerima bantuan.\xe2\x80\x9d "
    "Pernyataan ini dikonfirmasi oleh kepala desa.",
    "Pemerintah daerah perlu memperkuat kerja sama antarlembaga.Selain itu, partisipasi "
    "masyarakat harus ditingkatkan. Apakah petani siap beralih?Sebagian besar responden "
    "menjawab belum.",
    "Dokumen tersedia di https://lib.ui.ac.id/detail?id=1. Korespondensi dapat dikirim ke "
    "budi.santoso@ugm.ac.id untuk informasi lebih lanjut. Data mentah disimpan dalam "
    "berkas data.csv dan skrip analisis.R pada repositori.",
    "Tujuan penelitian ini ada dua. 1. Mengidentifikasi faktor risiko. 2. Menganalisis "
    "dampaknya terhadap pendapatan rumah tangga.",
    "Langkah analisis meliputi: a. reduksi data, b. penyajian data, dan c. penarikan "
    "kesimpulan. Menurut Smith et al. (2019), metode ini efektif untuk data kecil.",
    "Akurasi model cukup tinggi Namun waktu pelatihan relatif lama. Selanjutnya model "
    "diuji pada data tahun 2010 s.d. 2020.",
    "Wawancara dilakukan dengan Dr. Siti Rahmawati, S.H., M.H. Penelitian ini juga "
    "menelaah putusan Mahkamah Konstitusi. Model tersebut dikembangkan oleh Ahmad Yani, "
    "Ph.D. Hasil pengujian menunjukkan akurasi yang tinggi.",
    "Sampel diperoleh dari PT Semen Indonesia (Persero) Tbk. Perusahaan tersebut bergerak "
    "di bidang konstruksi. Laporan keuangan PT Bank Rakyat Indonesia Tbk. tahun 2020 "
    "dianalisis dengan rasio CAMEL.",
    "Data dikumpulkan pada 3 Jan. 2021 hingga 28 Des. 2021 di tiga puskesmas. "
    "Pengumpulan data berlangsung dari Okt. sampai Des. Setelah itu data dianalisis.",
    "Nilai koefisien determinasi sebesar 0,75. Artinya, 75% variasi dijelaskan oleh "
    "model. Wawancara dimulai pukul 10.30 WIB. Setiap sesi berlangsung satu jam.",
    "Harga komoditas pangan naik (padi, jagung, dll.). Kenaikan tertinggi terjadi pada "
    "beras. Responden menyebutkan bahwa ... biaya sekolah terlalu mahal.",
    "Hasil ini sejalan dengan penelitian sebelumnya (Basri, 2019; Santoso dkk., 2021). "
    "Namun, konteks wilayahnya berbeda. Pola ini terlihat pada Gbr. 3 dan Tbl. 2.",
};

static const char *const en_paras[] = {
    "The model was proposed by John Smith, Ph.D. The results show a clear improvement. "
    "Dr. Adams reported similar findings in 2019. Her sample was smaller.",
    "The method was first described by Nguyen et al. The present study extends it to "
    "larger corpora. This result confirms the findings of Nguyen et al. (2018) for "
    "larger corpora.",
    "Participants completed surveys, interviews, etc. The responses were coded by two "
    "researchers. Tools such as NLTK, spaCy, etc. were compared on the same corpus.",
    "The regulation was issued as Decree No. 14 of 2019. The architecture is shown in "
    "Fig. 3 and the results in Table 2. Results were published in Vol. 12, pp. 45-67.",
    "Obesity rates are highest in the U.S. The trend is similar in Mexico. The bill was "
    "passed by the U.S. Congress in 2010.",
    "Sessions started at 9 a.m. and ended at 5 p.m. every weekday. The hearing ended at "
    "5 p.m. The committee reconvened the next day.",
    "Is the policy effective? The evidence suggests it is not! Prices kept rising... "
    "Policymakers responded with subsidies.",
    "One farmer said, \"The rains came too late.\" Such reports were common. Yields rose "
    "sharply. (The 2019 drought is excluded.) Prices fell in turn.",
    "Local governments must optimize city diplomacy.Ultimately, the study recommends "
    "stronger networks. Does this hold for small firms?Our data suggest it does.",
    "The code is available at https://github.com/example/aligner. It is released under "
    "the MIT licence. Contact the author at j.doe@univ.edu for the data.",
    "The study has two aims. 1. To map the risks. 2. To assess the impacts. Accuracy "
    "reached 0.92. However, recall was lower.",
    "The data were provided by Acme Corp. The company operates in 12 countries. Firms "
    "such as Apple Inc. and Samsung Co. Ltd. were included in the sample.",
    "Several crops, e.g. maize and cassava, were tested in the field trial. The dominant "
    "factor, i.e. soil moisture, explained most of the variance.",
    "Prior studies (Smith, 2019; Lee et al., 2021) reported mixed results. Participants "
    "(n = 120) were recruited. Of these, 64 were women.",
};

/* ---- files ------------------------------------------------------------ */

static int write_srx(const char *path, int omegat, const sl_seg *id, const sl_seg *en)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    sl_error err;
    int rc = omegat ? sl_srx_write_omegat(f, id, en, &err) : sl_srx_write(f, id, en, &err);
    if (rc != SL_OK)
        fprintf(stderr, "srx: %s\n", err.msg);
    if (fclose(f) != 0)
        rc = -1;
    return rc;
}

static int has_tool(const char *name)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return test_run(cmd) == 0;
}

/* ---- libxml2 helpers -------------------------------------------------- */

static xmlNode *child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, (const xmlChar *)name) == 0)
            return c;
    return NULL;
}

static xmlNode *next_elem(xmlNode *n, const char *name)
{
    for (n = n ? n->next : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, (const xmlChar *)name) == 0)
            return n;
    return NULL;
}

static int attr_is(xmlNode *n, const char *attr, const char *want)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int ok = v && strcmp((const char *)v, want) == 0;
    xmlFree(v);
    return ok;
}

/* ---- the SRX interpreter ---------------------------------------------- */

typedef struct {
    int brk;
    char *before, *after;
    pcre2_code *b, *a, *both;
} irule;

typedef struct {
    irule v[512];
    size_t n;
    int bad; /* a regex that does not compile */
} ruleset;

static pcre2_code *compile(const char *re)
{
    int ecode;
    PCRE2_SIZE eoff;
    /* OmegaT compiles rules with DOTALL; no UCP: Java's \s \w are ASCII */
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_DOTALL,
                                  &ecode, &eoff, NULL);
    if (!c)
        fprintf(stderr, "srx rule does not compile at %zu: %.120s\n", (size_t)eoff, re);
    return c;
}

static void ruleset_free(ruleset *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->v[i].before);
        free(rs->v[i].after);
        pcre2_code_free(rs->v[i].b);
        pcre2_code_free(rs->v[i].a);
        pcre2_code_free(rs->v[i].both);
    }
    rs->n = 0;
}

static void ruleset_add(ruleset *rs, int brk, const char *before, const char *after)
{
    if (rs->n == sizeof rs->v / sizeof *rs->v) {
        rs->bad = 1;
        return;
    }
    irule *r = &rs->v[rs->n++];
    r->brk = brk;
    r->before = strdup(before);
    r->after = strdup(after);
    size_t n = strlen(before) + strlen(after) + 16;
    char *both = malloc(n);
    snprintf(both, n, "(%s)(?:%s)", before, after);
    r->b = compile(before);
    r->a = compile(after);
    r->both = compile(both);
    free(both);
    if (!r->b || !r->a || !r->both)
        rs->bad = 1;
}

/* Does the languagepattern match the whole language code, ignoring case
 * (MapRule compiles it CASE_INSENSITIVE and calls matches())? */
static int lang_matches(const char *pattern, const char *code)
{
    int ecode;
    PCRE2_SIZE eoff;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                                  &ecode, &eoff, NULL);
    if (!c)
        return -1;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(c, NULL);
    int rc = pcre2_match(c, (PCRE2_SPTR)code, strlen(code), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    pcre2_code_free(c);
    return rc >= 0;
}

/* The rules that apply to lang: those of every map whose pattern matches,
 * in map order (OmegaT always cascades; the SRX says cascade="yes"). */
static void load_srx_rules(xmlDoc *doc, const char *lang, ruleset *rs)
{
    xmlNode *body = child(xmlDocGetRootElement(doc), "body");
    xmlNode *lrs = child(body, "languagerules"), *maps = child(body, "maprules");
    for (xmlNode *m = child(maps, "languagemap"); m; m = next_elem(m, "languagemap")) {
        xmlChar *pat = xmlGetProp(m, (const xmlChar *)"languagepattern");
        xmlChar *name = xmlGetProp(m, (const xmlChar *)"languagerulename");
        if (pat && name && lang_matches((const char *)pat, lang) == 1) {
            for (xmlNode *lr = child(lrs, "languagerule"); lr; lr = next_elem(lr, "languagerule")) {
                if (!attr_is(lr, "languagerulename", (const char *)name))
                    continue;
                for (xmlNode *r = child(lr, "rule"); r; r = next_elem(r, "rule")) {
                    xmlChar *b = xmlNodeGetContent(child(r, "beforebreak"));
                    xmlChar *a = xmlNodeGetContent(child(r, "afterbreak"));
                    ruleset_add(rs, attr_is(r, "break", "yes"), b ? (const char *)b : "",
                                a ? (const char *)a : "");
                    xmlFree(b);
                    xmlFree(a);
                }
            }
        }
        xmlFree(pat);
        xmlFree(name);
    }
}

/* java.util.regex.Matcher.find() called again and again: each search starts
 * where the previous match ended, one character further after an empty one. */
typedef struct {
    const pcre2_code *re;
    const char *s;
    size_t len, from, start, end;
    pcre2_match_data *md;
} jmatcher;

static int jfind(jmatcher *m)
{
    if (m->from > m->len)
        return 0;
    if (pcre2_match(m->re, (PCRE2_SPTR)m->s, m->len, m->from, 0, m->md, NULL) < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    m->start = ov[0];
    m->end = ov[1];
    m->from = ov[1];
    if (ov[1] == ov[0]) { /* one code point on */
        m->from++;
        while (m->from < m->len && ((unsigned char)m->s[m->from] & 0xC0) == 0x80)
            m->from++;
    }
    return 1;
}

/* Marks in dec[] (-1: undecided) the positions the rule claims, as OmegaT
 * 3.6's Segmenter.getBreaks finds them: each match of beforebreak (found by
 * repeated find()) ending where a match of afterbreak (found likewise)
 * starts. The first rule to claim a position decides it. */
static void apply_omegat(const irule *r, const char *s, size_t len, signed char *dec)
{
    pcre2_match_data *bmd = pcre2_match_data_create_from_pattern(r->b, NULL);
    pcre2_match_data *amd = pcre2_match_data_create_from_pattern(r->a, NULL);
    jmatcher bm = { r->b, s, len, 0, 0, 0, bmd }, am = { r->a, s, len, 0, 0, 0, amd };
    if (jfind(&am)) {
        while (jfind(&bm)) {
            size_t e = bm.end;
            int ok = 1;
            while (am.start < e)
                if (!jfind(&am)) {
                    ok = 0;
                    break;
                }
            if (!ok)
                break;
            if (am.start == e && dec[e] < 0)
                dec[e] = (signed char)r->brk;
        }
    }
    pcre2_match_data_free(bmd);
    pcre2_match_data_free(amd);
}

/* The same as Okapi applies a rule: one pattern "(before)(after)", the
 * break after group 1, the next search from there. */
static void apply_okapi(const irule *r, const char *s, size_t len, signed char *dec)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->both, NULL);
    size_t start = 0, prev = (size_t)-1;
    while (start != prev && start <= len &&
           pcre2_match(r->both, (PCRE2_SPTR)s, len, start, 0, md, NULL) >= 0) {
        size_t n = pcre2_get_ovector_pointer(md)[3];
        prev = start;
        start = n;
        if (dec[n] < 0)
            dec[n] = (signed char)r->brk;
    }
    pcre2_match_data_free(md);
}

/* Segments text with the rules; returns the number of segments, each
 * trimmed of white space, written '\n'-joined into out. */
static size_t srx_segment(const ruleset *rs, int okapi, const char *s, char *out, size_t cap)
{
    size_t len = strlen(s), n = 0, o = 0;
    signed char *dec = malloc(len + 1);
    memset(dec, -1, len + 1);
    for (size_t i = 0; i < rs->n; i++)
        (okapi ? apply_okapi : apply_omegat)(&rs->v[i], s, len, dec);
    size_t from = 0;
    for (size_t p = 1; p <= len; p++) {
        if (p < len && dec[p] != 1)
            continue;
        size_t a = from, b = p;
        while (a < b && (unsigned char)s[a] <= ' ')
            a++;
        while (b > a && (unsigned char)s[b - 1] <= ' ')
            b--;
        if (b > a && o + (b - a) + 2 < cap) {
            memcpy(out + o, s + a, b - a);
            o += b - a;
            out[o++] = '\n';
            n++;
        }
        from = p;
    }
    out[o] = '\0';
    free(dec);
    return n;
}

/* The splitter's sentences, '\n'-joined. */
static size_t seg_sentences(const sl_seg *g, const char *s, char *out, size_t cap)
{
    sl_sents ss = { 0 };
    sl_error err;
    size_t o = 0, n = 0;
    out[0] = '\0';
    if (sl_seg_split(g, s, strlen(s), 0, &ss, &err) != SL_OK)
        return 0;
    for (size_t i = 0; i < ss.n; i++) {
        if (o + ss.v[i].len + 2 >= cap)
            break;
        memcpy(out + o, ss.text + ss.v[i].off, ss.v[i].len);
        o += ss.v[i].len;
        out[o++] = '\n';
        n++;
    }
    out[o] = '\0';
    sl_sents_free(&ss);
    return n;
}

/* Compares SRX and splitter on one paragraph; prints the difference. */
static int same_segments(const ruleset *rs, int okapi, const sl_seg *g, const char *para)
{
    static char want[1 << 16], got[1 << 16];
    seg_sentences(g, para, want, sizeof want);
    srx_segment(rs, okapi, para, got, sizeof got);
    if (strcmp(want, got) == 0)
        return 1;
    printf("\n  %s segmentation differs for: %s\n  selaras:\n%s  SRX:\n%s", okapi ? "Okapi" : "OmegaT",
           para, want, got);
    return 0;
}

/* ---- fixtures --------------------------------------------------------- */

static sl_seg *g_id, *g_en;
static xmlDoc *g_srx, *g_conf;

static int suite_init(void)
{
    sl_error err;
    g_id = sl_seg_new("id", NULL, &err);
    g_en = sl_seg_new("en", NULL, &err);
    if (!g_id || !g_en)
        return -1;
    if (write_srx(TMP ".srx", 0, g_id, g_en) != SL_OK ||
        write_srx(TMP ".conf", 1, g_id, g_en) != SL_OK)
        return -1;
    g_srx = xmlReadFile(TMP ".srx", NULL, XML_PARSE_NONET);
    g_conf = xmlReadFile(TMP ".conf", NULL, XML_PARSE_NONET);
    return g_srx && g_conf ? 0 : -1;
}

static int suite_clean(void)
{
    xmlFreeDoc(g_srx);
    xmlFreeDoc(g_conf);
    sl_seg_free(g_id);
    sl_seg_free(g_en);
    unlink(TMP ".srx");
    unlink(TMP ".conf");
    return 0;
}

/* ---- tests ------------------------------------------------------------ */

static void test_structure(void)
{
    xmlNode *root = xmlDocGetRootElement(g_srx);
    CU_ASSERT_FATAL(root != NULL);
    CU_ASSERT(xmlStrcmp(root->name, (const xmlChar *)"srx") == 0);
    CU_ASSERT(root->ns && xmlStrcmp(root->ns->href, (const xmlChar *)"http://www.lisa.org/srx20") == 0);
    CU_ASSERT(attr_is(root, "version", "2.0"));
    xmlNode *header = child(root, "header");
    CU_ASSERT(attr_is(header, "cascade", "yes"));
    CU_ASSERT(attr_is(header, "segmentsubflows", "yes"));

    /* rule sets and maps: Indonesian, English, then the catch-all */
    static const char *const names[] = { "Indonesian", "English", "Default" };
    xmlNode *body = child(root, "body");
    xmlNode *lr = child(child(body, "languagerules"), "languagerule");
    xmlNode *map = child(child(body, "maprules"), "languagemap");
    size_t nrules[3] = { 0 };
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_FATAL(lr != NULL && map != NULL);
        CU_ASSERT(attr_is(lr, "languagerulename", names[i]));
        CU_ASSERT(attr_is(map, "languagerulename", names[i]));
        for (xmlNode *r = child(lr, "rule"); r; r = next_elem(r, "rule")) {
            nrules[i]++;
            CU_ASSERT(attr_is(r, "break", "yes") || attr_is(r, "break", "no"));
            xmlChar *b = xmlNodeGetContent(child(r, "beforebreak"));
            xmlChar *a = xmlNodeGetContent(child(r, "afterbreak"));
            CU_ASSERT(b && *b && a && *a);
            xmlFree(b);
            xmlFree(a);
        }
        lr = next_elem(lr, "languagerule");
        map = next_elem(map, "languagemap");
    }
    CU_ASSERT(lr == NULL && map == NULL);
    CU_ASSERT(nrules[0] >= 20 && nrules[1] >= 20 && nrules[2] >= 1);
    printf("\n  rules: Indonesian %zu, English %zu, Default %zu\n", nrules[0], nrules[1],
           nrules[2]);

    /* which maps apply to which language codes (as OmegaT and Okapi ask) */
    xmlNode *m = child(child(body, "maprules"), "languagemap");
    xmlChar *pid = xmlGetProp(m, (const xmlChar *)"languagepattern");
    xmlChar *pen = xmlGetProp(next_elem(m, "languagemap"), (const xmlChar *)"languagepattern");
    CU_ASSERT_FATAL(pid != NULL && pen != NULL);
    const char *p_id = (const char *)pid, *p_en = (const char *)pen;
    CU_ASSERT(lang_matches(p_id, "id") == 1);
    CU_ASSERT(lang_matches(p_id, "ID") == 1);
    CU_ASSERT(lang_matches(p_id, "id-ID") == 1);
    CU_ASSERT(lang_matches(p_id, "in") == 1); /* old Java code of Indonesian */
    CU_ASSERT(lang_matches(p_id, "ind") == 1);
    CU_ASSERT(lang_matches(p_id, "en") == 0);
    CU_ASSERT(lang_matches(p_id, "it") == 0);
    CU_ASSERT(lang_matches(p_en, "en") == 1);
    CU_ASSERT(lang_matches(p_en, "EN-US") == 1);
    CU_ASSERT(lang_matches(p_en, "id") == 0);
    xmlFree(pid);
    xmlFree(pen);

    /* the text is escaped: regexes with lookbehind "(?<" survive parsing */
    ruleset rs = { .n = 0 };
    load_srx_rules(g_srx, "id", &rs);
    int lookbehind = 0;
    for (size_t i = 0; i < rs.n; i++)
        lookbehind |= strstr(rs.v[i].before, "(?<") != NULL;
    CU_ASSERT(lookbehind);
    CU_ASSERT(rs.n == nrules[0] + nrules[2]); /* Indonesian cascades into Default */
    ruleset_free(&rs);
}

static void test_schema(void)
{
    struct stat st;
    if (stat(OMEGAT_JAR, &st) != 0 || !has_tool("unzip") || !has_tool("xmllint")) {
        printf("\n  skipped: SRX schema check needs %s, unzip and xmllint\n", OMEGAT_JAR);
        return;
    }
    /* the jar's srx20.xsd imports xml.xsd from w3.org: point it at the copy
     * in the jar so the check runs offline */
    CU_ASSERT_FATAL(test_run("rm -rf " TMP ".xsd && mkdir -p " TMP ".xsd && "
                             "unzip -p " OMEGAT_JAR " schemas/xml.xsd >" TMP ".xsd/xml.xsd && "
                             "unzip -p " OMEGAT_JAR " schemas/srx20.xsd | "
                             "sed 's#http://www.w3.org/2001/xml.xsd#xml.xsd#' >" TMP
                             ".xsd/srx20.xsd") == 0);
    CU_ASSERT(test_run("xmllint --noout --nonet --schema " TMP ".xsd/srx20.xsd " TMP
                       ".srx 2>" TMP ".xsd/err") == 0);
    /* no languages at all: only the catch-all map, still valid */
    CU_ASSERT_FATAL(write_srx(TMP ".xsd/none.srx", 0, NULL, NULL) == SL_OK);
    CU_ASSERT(test_run("xmllint --noout --nonet --schema " TMP ".xsd/srx20.xsd " TMP
                       ".xsd/none.srx 2>>" TMP ".xsd/err") == 0);
    test_run("cat " TMP ".xsd/err | grep -v validates; rm -rf " TMP ".xsd");
}

/* The rules cut every paragraph where the splitter does, applied the way
 * OmegaT 3.6 applies them and the way Okapi does. */
static void check_paragraphs(const char *lang, const sl_seg *g, const char *const *paras,
                             size_t n)
{
    ruleset rs = { .n = 0 };
    load_srx_rules(g_srx, lang, &rs);
    CU_ASSERT_FATAL(!rs.bad && rs.n > 0);
    size_t ok[2] = { 0 }, sents = 0;
    static char buf[1 << 16];
    for (size_t i = 0; i < n; i++) {
        sents += seg_sentences(g, paras[i], buf, sizeof buf);
        for (int okapi = 0; okapi < 2; okapi++)
            ok[okapi] += (size_t)same_segments(&rs, okapi, g, paras[i]);
    }
    printf("\n  %s: %zu paragraphs, %zu sentences; same as selaras: OmegaT %zu, Okapi %zu\n",
           lang, n, sents, ok[0], ok[1]);
    CU_ASSERT(ok[0] == n);
    CU_ASSERT(ok[1] == n);
    ruleset_free(&rs);
}

static void test_indonesian(void)
{
    CU_ASSERT(sizeof id_paras / sizeof *id_paras >= 15);
    check_paragraphs("id", g_id, id_paras, sizeof id_paras / sizeof *id_paras);
}

static void test_english(void)
{
    CU_ASSERT(sizeof en_paras / sizeof *en_paras >= 10);
    check_paragraphs("en", g_en, en_paras, sizeof en_paras / sizeof *en_paras);
}

/* The segmentation gold sets of ../shared/data, when present: the same
 * paragraphs, cut by the rules as by the splitter. */
static void test_gold_data(void)
{
    static const char *const sets[][2] = {
        { "seg/id_pud.raw.txt", "id" }, { "seg/id_gsd.raw.txt", "id" },
        { "seg/en_pud.raw.txt", "en" }, { "seg/en_ewt.raw.txt", "en" },
    };
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        const char *path = test_data_path(sets[k][0]);
        if (!path) {
            printf("\n  skipped: no %s", sets[k][0]);
            continue;
        }
        FILE *f = fopen(path, "rb");
        CU_ASSERT_FATAL(f != NULL);
        const sl_seg *g = strcmp(sets[k][1], "id") == 0 ? g_id : g_en;
        ruleset rs = { .n = 0 };
        load_srx_rules(g_srx, sets[k][1], &rs);
        static char line[1 << 16], want[1 << 16], got[1 << 16];
        size_t n = 0, same = 0;
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (!line[0] || strstr(line, "  ") || strchr(line, '\t'))
                continue; /* whitespace runs: selaras collapses them, SRX cannot */
            n++;
            seg_sentences(g, line, want, sizeof want);
            srx_segment(&rs, 0, line, got, sizeof got);
            same += strcmp(want, got) == 0;
        }
        fclose(f);
        printf("\n  %s: %zu of %zu paragraphs segmented alike", sets[k][0], same, n);
        CU_ASSERT(same * 100 >= n * 99);
        ruleset_free(&rs);
    }
    printf("\n");
}

/* Rules with the abbreviations learned from tests/learn (srx --learn-from):
 * the invented abstracts come out of the SRX rules as out of the splitter
 * that learned them, but for what only orthography decides. */
static void test_learned(void)
{
    static const char *const lang[2] = { "id", "en" };
    sl_error err;
    sl_seg *g[2] = { sl_seg_new("id", NULL, &err), sl_seg_new("en", NULL, &err) };
    sl_learnabbr *l[2];
    static char text[2][1 << 17];
    for (int k = 0; k < 2; k++) {
        char path[64];
        snprintf(path, sizeof path, "learn/%s.raw.txt", lang[k]);
        FILE *f = fopen(path, "rb");
        CU_ASSERT_FATAL(g[k] && f);
        size_t n = fread(text[k], 1, sizeof text[k] - 1, f);
        fclose(f);
        text[k][n] = '\0';
        l[k] = sl_learnabbr_new(g[k], &err);
        CU_ASSERT_FATAL(l[k] && sl_learnabbr_add(l[k], text[k], n, 1, &err) == SL_OK &&
                        sl_learnabbr_finish(l[k], NULL, &err) == SL_OK);
        sl_seg_set_learned(g[k], l[k]);
    }
    CU_ASSERT_EQUAL_FATAL(write_srx(TMP "-learned.srx", 0, g[0], g[1]), SL_OK);
    xmlDoc *doc = xmlReadFile(TMP "-learned.srx", NULL, XML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    for (int k = 0; k < 2; k++) {
        ruleset rs = { .n = 0 };
        load_srx_rules(doc, lang[k], &rs);
        CU_ASSERT_FATAL(!rs.bad && rs.n > 0);
        static char want[1 << 16], got[1 << 16];
        size_t n = 0, same = 0;
        for (char *p = text[k], *e; *p; p = e + 1) {
            e = strchr(p, '\n');
            *e = '\0';
            seg_sentences(g[k], p, want, sizeof want);
            srx_segment(&rs, 0, p, got, sizeof got);
            same += strcmp(want, got) == 0;
            n++;
            *e = '\n';
        }
        printf("\n  learn/%s.raw.txt with learned abbreviations: %zu of %zu paragraphs segmented "
               "alike", lang[k], same, n);
        CU_ASSERT(same * 100 >= n * 90);
        ruleset_free(&rs);
        sl_seg_set_learned(g[k], NULL);
        sl_learnabbr_free(l[k]);
        sl_seg_free(g[k]);
    }
    xmlFreeDoc(doc);
    unlink(TMP "-learned.srx");
    printf("\n");
}

/* segmentation.conf: the XMLEncoder form OmegaT loads, with the same rules. */
static void test_omegat_conf(void)
{
    xmlNode *root = xmlDocGetRootElement(g_conf);
    CU_ASSERT_FATAL(root && xmlStrcmp(root->name, (const xmlChar *)"java") == 0);
    CU_ASSERT(attr_is(root, "class", "java.beans.XMLDecoder"));
    xmlNode *srx = child(root, "object");
    CU_ASSERT_FATAL(srx && attr_is(srx, "class", "org.omegat.core.segmentation.SRX"));
    xmlNode *maps = NULL;
    int version = 0;
    for (xmlNode *v = child(srx, "void"); v; v = next_elem(v, "void")) {
        if (attr_is(v, "property", "mappingRules"))
            maps = child(v, "object");
        if (attr_is(v, "property", "version")) {
            xmlChar *s = xmlNodeGetContent(child(v, "string"));
            version = s && strcmp((const char *)s, "0.2.2") == 0; /* or OmegaT merges */
            xmlFree(s);
        }
    }
    CU_ASSERT(version);
    CU_ASSERT_FATAL(maps && attr_is(maps, "class", "java.util.ArrayList"));

    /* the maps in order, each rule as in the SRX */
    static const char *const names[] = { "Indonesian", "English", "Default" };
    xmlNode *lr = child(child(child(xmlDocGetRootElement(g_srx), "body"), "languagerules"),
                        "languagerule");
    int i = 0;
    for (xmlNode *add = child(maps, "void"); add; add = next_elem(add, "void"), i++) {
        CU_ASSERT_FATAL(i < 3 && lr);
        xmlNode *mr = child(add, "object");
        CU_ASSERT(attr_is(mr, "class", "org.omegat.core.segmentation.MapRule"));
        xmlNode *rules = NULL;
        for (xmlNode *v = child(mr, "void"); v; v = next_elem(v, "void")) {
            xmlChar *s = xmlNodeGetContent(child(v, "string"));
            if (attr_is(v, "property", "language"))
                CU_ASSERT(s && strcmp((const char *)s, names[i]) == 0);
            if (attr_is(v, "property", "rules"))
                rules = child(v, "object");
            xmlFree(s);
        }
        CU_ASSERT_FATAL(rules != NULL);
        xmlNode *sr = child(lr, "rule");
        for (xmlNode *radd = child(rules, "void"); radd; radd = next_elem(radd, "void")) {
            CU_ASSERT_FATAL(sr != NULL);
            xmlNode *r = child(radd, "object");
            CU_ASSERT(attr_is(r, "class", "org.omegat.core.segmentation.Rule"));
            int brk = 0;
            xmlChar *b = NULL, *a = NULL;
            for (xmlNode *v = child(r, "void"); v; v = next_elem(v, "void")) {
                if (attr_is(v, "property", "beforebreak"))
                    b = xmlNodeGetContent(child(v, "string"));
                else if (attr_is(v, "property", "afterbreak"))
                    a = xmlNodeGetContent(child(v, "string"));
                else if (attr_is(v, "property", "breakRule")) {
                    xmlChar *s = xmlNodeGetContent(child(v, "boolean"));
                    brk = s && strcmp((const char *)s, "true") == 0;
                    xmlFree(s);
                }
            }
            xmlChar *sb = xmlNodeGetContent(child(sr, "beforebreak"));
            xmlChar *sa = xmlNodeGetContent(child(sr, "afterbreak"));
            CU_ASSERT(b && sb && xmlStrcmp(b, sb) == 0);
            CU_ASSERT(a && sa && xmlStrcmp(a, sa) == 0);
            CU_ASSERT(brk == attr_is(sr, "break", "yes"));
            xmlFree(a);
            xmlFree(b);
            xmlFree(sa);
            xmlFree(sb);
            sr = next_elem(sr, "rule");
        }
        CU_ASSERT(sr == NULL); /* as many rules */
        lr = next_elem(lr, "languagerule");
    }
    CU_ASSERT(i == 3);
}

static void test_errors(void)
{
    sl_error err;
    /* a failed write is an I/O error */
    FILE *f = fopen("/dev/full", "wb");
    if (f) {
        CU_ASSERT(sl_srx_write(f, g_id, g_en, &err) == SL_EIO);
        CU_ASSERT(sl_srx_write_omegat(f, g_id, NULL, &err) == SL_EIO);
        fclose(f);
    }
    /* a terminator SRX cannot describe as marks and closers */
    CU_ASSERT_FATAL(test_run("rm -rf " TMP ".rules && mkdir -p " TMP ".rules && "
                             "printf '[terminator]\\n[.?!]\\n' >" TMP ".rules/common.txt") == 0);
    sl_seg *g = sl_seg_new("id", TMP ".rules", &err);
    CU_ASSERT_FATAL(g != NULL);
    f = fopen(TMP ".rules/out.srx", "wb");
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT(sl_srx_write(f, g, NULL, &err) == SL_EINPUT);
    fclose(f);
    sl_seg_free(g);
    test_run("rm -rf " TMP ".rules");
}

int test_srx_register(void); /* also in tests.h once registered there */
int test_srx_register(void)
{
    CU_pSuite s = CU_add_suite("srx", suite_init, suite_clean);
    if (!s)
        return -1;
    if (!CU_add_test(s, "SRX document structure and language maps", test_structure) ||
        !CU_add_test(s, "valid against OmegaT's srx20.xsd", test_schema) ||
        !CU_add_test(s, "SRX cuts Indonesian paragraphs as the splitter", test_indonesian) ||
        !CU_add_test(s, "SRX cuts English paragraphs as the splitter", test_english) ||
        !CU_add_test(s, "SRX on the segmentation gold data", test_gold_data) ||
        !CU_add_test(s, "SRX with learned abbreviations", test_learned) ||
        !CU_add_test(s, "OmegaT segmentation.conf holds the same rules", test_omegat_conf) ||
        !CU_add_test(s, "write errors and unsupported rules", test_errors))
        return -1;
    return 0;
}
