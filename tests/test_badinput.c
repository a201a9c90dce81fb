/* test_badinput.c — every class of bad input a scraped corpus or a
 * script brings (README, "Bad input"): what selaras does with it, end to
 * end. Each run is bounded by timeout(1), so that a regression to
 * quadratic time fails here instead of hanging the suite; the bounds are
 * ten to a hundred times what a loaded two-core machine needs under the
 * sanitizers. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "tests.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_ "../build/tmp/bad"
#define OUT DIR_ "/out"
#define ERR DIR_ "/err"

static int setup(void)
{
    return test_run("rm -rf " DIR_ " && mkdir -p " DIR_) == 0 ? 0 : -1;
}

static void put(const char *name, const void *s, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, DIR_ "/%s", name);
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(fwrite(s, 1, n, f), n);
    fclose(f);
}

static void puts_(const char *name, const char *s) { put(name, s, strlen(s)); }

/* A whole file (heap, NUL-terminated; "" when missing). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    if (f) {
        for (;;) {
            if (n + 65536 + 1 > cap) {
                cap = cap ? cap * 2 : 1 << 17;
                char *b = realloc(buf, cap);
                if (!b)
                    break;
                buf = b;
            }
            size_t k = fread(buf + n, 1, cap - n - 1, f);
            n += k;
            if (k == 0)
                break;
        }
        fclose(f);
    }
    if (!buf && (buf = malloc(1)))
        n = 0;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* The small outputs, read into static buffers. */
static const char *out_text(void)
{
    static char *b;
    free(b);
    return b = slurp(OUT, NULL);
}
static const char *err_text(void)
{
    static char *b;
    free(b);
    return b = slurp(ERR, NULL);
}

/* Runs `selaras ARGS` (printf-style) for at most secs seconds, from the
 * scratch directory; stdout to OUT, stderr to ERR. Its exit status (124
 * when it ran out of time). */
static int run(int secs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int run(int secs, const char *fmt, ...)
{
    char args[2048], cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    char bin[4096];
    if (!realpath(test_bin(), bin))
        snprintf(bin, sizeof bin, "%s", test_bin());
    snprintf(cmd, sizeof cmd, "cd " DIR_ " && timeout %d %s %s > out 2> err", secs, bin, args);
    int rc = test_run(cmd);
    if (rc == 124)
        printf("\n  selaras %s: still running after %d s", args, secs);
    return rc;
}

static int has(const char *hay, const char *needle)
{
    if (strstr(hay, needle))
        return 1;
    printf("\n  expected \"%s\" in:\n%s", needle, hay);
    return 0;
}

/* ASCII text as UTF-16 (le or be) or UTF-32LE, with or without a BOM. */
static char *wide(const char *s, int width, int le, int bom, size_t *n)
{
    size_t len = strlen(s);
    char *w = calloc((len + 1) * (size_t)width, 1);
    size_t o = 0;
    if (bom) {
        const char *b = width == 4 ? "\xFF\xFE\0\0" : le ? "\xFF\xFE" : "\xFE\xFF";
        memcpy(w, b, (size_t)width);
        o = (size_t)width;
    }
    for (size_t i = 0; i < len; i++, o += (size_t)width)
        w[o + (le ? 0 : (size_t)width - 1)] = s[i];
    *n = o;
    return w;
}

static const char TEXT[] = "Penelitian ini membahas hukum. Data diambil dari 34 provinsi.\n\n"
                           "Hasilnya menunjukkan pengaruh yang nyata.\n";
static const char TEXT_SPLIT[] = "Penelitian ini membahas hukum.\nData diambil dari 34 provinsi.\n\n"
                                 "Hasilnya menunjukkan pengaruh yang nyata.\n\n";

/* ---- encodings ----------------------------------------------------------- */

/* Invalid UTF-8: an error with the line and byte offset, nothing written;
 * --repair replaces it with U+FFFD and says how many and where. */
static void test_invalid_utf8(void)
{
    puts_("bad.txt", "Kalimat satu.\nDua \xFF kata \xE2\x82 lagi.\n");
    CU_ASSERT_EQUAL(run(60, "split --lang id bad.txt"), 2);
    CU_ASSERT(has(err_text(), "selaras: bad.txt:2: invalid UTF-8: 0xFF (byte 18)\n"));
    CU_ASSERT_STRING_EQUAL(out_text(), "");
    CU_ASSERT_EQUAL(run(60, "split --lang id --repair bad.txt"), 0);
    CU_ASSERT_STRING_EQUAL(out_text(), "Kalimat satu.\nDua \xEF\xBF\xBD kata \xEF\xBF\xBD lagi.\n\n");
    CU_ASSERT(has(err_text(), "note: bad.txt: replaced 2 invalid UTF-8 sequences with U+FFFD, "
                              "the first on line 2 (byte 18)"));
    /* align and check take it too */
    CU_ASSERT_EQUAL(run(60, "align -f tsv --repair bad.txt bad.txt"), 0);
    CU_ASSERT(has(err_text(), "bad.txt: replaced 4 invalid UTF-8 sequences with U+FFFD"));
    CU_ASSERT_EQUAL(run(60, "check --repair -q --fail-on never bad.txt bad.txt"), 0);
    CU_ASSERT_EQUAL(run(60, "check bad.txt bad.txt"), 2);
}

/* UTF-16 and UTF-32, by BOM or by the NUL bytes of ASCII text: named, with
 * the iconv command that converts them (which works), or read with
 * --encoding. */
static void test_utf16_utf32(void)
{
    static const struct { int width, le, bom; const char *name; } k[] = {
        { 2, 1, 1, "UTF-16LE" }, { 2, 1, 0, "UTF-16LE" }, { 2, 0, 1, "UTF-16BE" },
        { 2, 0, 0, "UTF-16BE" }, { 4, 1, 1, "UTF-32LE" },
    };
    for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
        size_t n;
        char *w = wide(TEXT, k[i].width, k[i].le, k[i].bom, &n);
        put("wide.txt", w, n);
        free(w);
        CU_ASSERT_EQUAL(run(60, "split --lang id wide.txt"), 2);
        char want[256];
        snprintf(want, sizeof want,
                 "selaras: wide.txt: this looks like %s, not UTF-8; convert it with: iconv -f "
                 "%s -t UTF-8 wide.txt > wide.txt.utf8", k[i].name, k[i].name);
        CU_ASSERT(has(err_text(), want));
        CU_ASSERT_STRING_EQUAL(out_text(), "");
        /* the command given converts it */
        char cmd[256];
        snprintf(cmd, sizeof cmd, "cd " DIR_ " && iconv -f %s -t UTF-8 wide.txt > wide.txt.utf8",
                 k[i].name);
        CU_ASSERT_EQUAL(test_run(cmd), 0);
        CU_ASSERT_EQUAL(run(60, "split --lang id wide.txt.utf8"), 0);
        CU_ASSERT_STRING_EQUAL(out_text(), TEXT_SPLIT);
        CU_ASSERT_EQUAL(run(60, "split --lang id --encoding %s wide.txt", k[i].name), 0);
        CU_ASSERT_STRING_EQUAL(out_text(), TEXT_SPLIT);
        /* --repair does not turn UTF-16 into replacement characters */
        CU_ASSERT_EQUAL(run(60, "split --lang id --repair wide.txt"), 2);
    }
    /* an encoding iconv does not know is a usage error */
    CU_ASSERT_EQUAL(run(60, "split --lang id --encoding NO-SUCH-CODE wide.txt"), 2);
    CU_ASSERT(has(err_text(), "unknown encoding 'NO-SUCH-CODE' (iconv -l lists the names)"));
    /* a batch: align and check read it with --encoding */
    size_t n;
    char *w = wide(TEXT, 2, 1, 1, &n);
    put("wide.txt", w, n);
    free(w);
    CU_ASSERT_EQUAL(run(60, "align -f tsv --encoding UTF-16LE wide.txt wide.txt"), 0);
    CU_ASSERT(has(out_text(), "Penelitian ini membahas hukum."));
    CU_ASSERT_EQUAL(run(60, "check -q --fail-on never --encoding UTF-16 wide.txt wide.txt"), 0);
    /* JSON Lines in UTF-16: one error that says so, not one per line */
    w = wide("{\"id\": \"Satu.\", \"en\": \"One.\"}\n{\"id\": \"Dua.\", \"en\": \"Two.\"}\n", 2,
             1, 0, &n);
    put("wide.jsonl", w, n);
    free(w);
    CU_ASSERT_EQUAL(run(60, "align wide.jsonl"), 2);
    CU_ASSERT(has(err_text(), "this looks like UTF-16LE"));
    CU_ASSERT_EQUAL(run(60, "align --encoding UTF-16LE wide.jsonl"), 2);
    CU_ASSERT(has(err_text(), "JSON Lines cannot be read line by line in UTF-16LE"));
}

/* Latin-1 and Windows-1252: named by their stray bytes inside words, with
 * the iconv command; --encoding CP1252 reads them. */
static void test_latin1_cp1252(void)
{
    puts_("cp.txt", "Caf\xE9 di Bogor dibuka. Kata \x93kutipan\x94 itu na\xEFve.\n");
    CU_ASSERT_EQUAL(run(60, "split --lang id cp.txt"), 2);
    CU_ASSERT(has(err_text(), "selaras: cp.txt: this looks like Windows-1252 (Latin-1) text, not "
                              "UTF-8 (byte 0xE9 on line 1, byte 3); convert it with: iconv -f "
                              "CP1252 -t UTF-8 cp.txt > cp.txt.utf8"));
    CU_ASSERT_EQUAL(run(60, "split --lang id --encoding CP1252 cp.txt"), 0);
    CU_ASSERT_STRING_EQUAL(out_text(), "Caf\xC3\xA9 di Bogor dibuka.\nKata \xE2\x80\x9Ckutipan"
                                       "\xE2\x80\x9D itu na\xC3\xAFve.\n\n");
    /* 0x81 is no character of Windows-1252: plain Latin-1 then */
    puts_("l1.txt", "Caf\xE9 dan \x81 na\xEFve di sini.\n");
    CU_ASSERT_EQUAL(run(60, "split --lang id l1.txt"), 2);
    CU_ASSERT(has(err_text(), "Latin-1 (ISO-8859-1) text, not UTF-8"));
    CU_ASSERT(has(err_text(), "iconv -f ISO-8859-1 -t UTF-8 l1.txt > l1.txt.utf8"));
    /* a byte not in the encoding named: its line and offset */
    CU_ASSERT_EQUAL(run(60, "split --lang id --encoding CP1252 l1.txt"), 2);
    CU_ASSERT(has(err_text(), "l1.txt:1: bytes that are not CP1252 (byte 9)"));
    CU_ASSERT_EQUAL(run(60, "split --lang id --encoding CP1252 --repair l1.txt"), 0);
    CU_ASSERT(has(out_text(), "Caf\xC3\xA9 dan \xEF\xBF\xBD na\xC3\xAFve di sini."));
}

/* NUL bytes: an error at the first, with line and offset; --repair
 * replaces them; a file that is mostly control bytes, a PDF or an image is
 * named for what it is. */
static void test_nul_and_binary(void)
{
    put("nul.txt", "Satu.\nDua\0 tiga.\n", 17);
    CU_ASSERT_EQUAL(run(60, "split --lang id nul.txt"), 2);
    CU_ASSERT(has(err_text(), "nul.txt:2: NUL byte in text input (byte 9)"));
    CU_ASSERT_EQUAL(run(60, "split --lang id --repair nul.txt"), 0);
    CU_ASSERT_STRING_EQUAL(out_text(), "Satu.\nDua\xEF\xBF\xBD tiga.\n\n");
    unsigned char bin[512];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (unsigned char)(i * 7 % 29);
    put("blob.txt", bin, sizeof bin);
    CU_ASSERT_EQUAL(run(60, "split --lang id --repair blob.txt"), 2);
    CU_ASSERT(has(err_text(), "blob.txt:1: this looks like binary data, not text (byte 0x00)"));
    put("doc.txt", "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", 24);
    CU_ASSERT_EQUAL(run(60, "align doc.txt"), 2);
    CU_ASSERT(has(err_text(), "doc.txt: this is a PDF document, not text; extract its text "
                              "first, as with: pdftotext doc.txt doc.txt.txt"));
    put("img.txt", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    CU_ASSERT_EQUAL(run(60, "split --lang id img.txt"), 2);
    CU_ASSERT(has(err_text(), "img.txt: this is a PNG image, not text"));
}

/* CR-only line ends (old Mac files): line ends like LF, in the text and in
 * the line numbers of errors. */
static void test_cr_only(void)
{
    puts_("cr.txt", "Kalimat satu.\r\rKalimat dua\rberlanjut di sini.\r");
    CU_ASSERT_EQUAL(run(60, "split --lang id cr.txt"), 0);
    CU_ASSERT_STRING_EQUAL(out_text(), "Kalimat satu.\n\nKalimat dua berlanjut di sini.\n\n");
    puts_("cr2.txt", "Satu.\rDua.\rTiga \xFF.\r");
    CU_ASSERT_EQUAL(run(60, "split --lang id cr2.txt"), 2);
    CU_ASSERT(has(err_text(), "cr2.txt:3: invalid UTF-8: 0xFF (byte 16)"));
}

/* ---- size and the patterns ------------------------------------------------ */

/* A 10 MB line without punctuation: one sentence, in linear time, split
 * and aligned. */
static void test_long_line(void)
{
    size_t n = 10 * 1000 * 1000;
    char *s = malloc(n + 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < n; i += 5)
        memcpy(s + i, "kata ", 5);
    s[n - 1] = '\n';
    put("line.id", s, n);
    for (size_t i = 0; i < n; i += 5)
        memcpy(s + i, "word ", 5);
    s[n - 1] = '\n';
    put("line.en", s, n);
    free(s);
    CU_ASSERT_EQUAL(run(120, "split --lang id -o line.out line.id"), 0);
    struct stat st;
    CU_ASSERT(stat(DIR_ "/line.out", &st) == 0 && st.st_size == (off_t)n + 1);
    CU_ASSERT_EQUAL(run(120, "align -f tsv -o line.tsv line.id line.en"), 0);
    CU_ASSERT(stat(DIR_ "/line.tsv", &st) == 0 && st.st_size > (off_t)(2 * n - 4));
}

/* Text made to trouble the patterns: 100,000 dots, 50,000 "Dr." spaced
 * and glued, 5,000 nested brackets, half a million glued marks ("x.x.",
 * "xx.Yy"), a URL of 150,000 bytes: each split in linear time, the text
 * kept whole, and no match cut short by the limits. */
static void test_pathological_patterns(void)
{
    /* align: also aligned (tens of thousands of sentences of one mark
     * each say nothing more about the patterns) */
    struct { const char *name, *unit, *head, *tail; size_t reps; int align; } k[] = {
        { "dots", ".", "Ini ", " selesai.\n", 100000, 1 },
        { "dr", "Dr. ", "", "Ahmad datang.\n", 50000, 1 },
        { "drglued", "Dr.", "", "Ahmad.\n", 50000, 1 },
        { "open", "(", "Teks ", "isi", 5000, 1 },
        { "close", ")", "", ". Lagi.\n", 5000, 1 },
        { "nested", "([", "Teks ", "isi.", 2500, 1 },
        { "glued", "x.", "Mulai ", "Akhir.\n", 500000, 0 },
        { "glued2", "xx.Yy", "Mulai ", " Akhir.\n", 200000, 0 },
        { "url", "a.B", "Lihat http://", " lagi. Ya.\n", 50000, 1 },
        { "quotes", "?\" ", "Tanya", "selesai.\n", 50000, 0 },
    };
    sl_error err;
    sl_seg *seg = sl_seg_new("id", NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    char *doc = NULL, *sub = NULL;
    size_t dlen = 0, slen = 0;
    FILE *all = open_memstream(&doc, &dlen), *some = open_memstream(&sub, &slen);
    for (size_t i = 0; i < sizeof k / sizeof *k; i++) {
        size_t u = strlen(k[i].unit), n = strlen(k[i].head) + u * k[i].reps + strlen(k[i].tail);
        char *s = malloc(n + 1), *p = s;
        p += sprintf(p, "%s", k[i].head);
        for (size_t r = 0; r < k[i].reps; r++, p += u)
            memcpy(p, k[i].unit, u);
        strcpy(p, k[i].tail);
        fwrite(s, 1, n, all);
        fputs("\n\n", all);
        if (k[i].align)
            fwrite(s, 1, n, some), fputs("\n\n", some);
        sl_sents out;
        memset(&out, 0, sizeof out);
        CU_ASSERT_EQUAL(sl_seg_split(seg, s, n, 0, &out, &err), SL_OK);
        if (out.limited)
            printf("\n  %s: %zu matches cut short", k[i].name, out.limited);
        CU_ASSERT_EQUAL(out.limited, 0);
        /* every byte but spaces is in a sentence */
        size_t kept = 0, want = 0;
        for (size_t j = 0; j < out.n; j++)
            for (size_t b = 0; b < out.v[j].len; b++)
                kept += out.text[out.v[j].off + b] != ' ';
        for (size_t b = 0; b < n; b++)
            want += s[b] != ' ' && s[b] != '\n';
        CU_ASSERT_EQUAL(kept, want);
        sl_sents_free(&out);
        free(s);
    }
    fclose(all);
    fclose(some);
    sl_seg_free(seg);
    /* and the program on all of them at once, bounded */
    put("patterns.txt", doc, dlen);
    put("some.txt", sub, slen);
    free(doc);
    free(sub);
    CU_ASSERT_EQUAL(run(60, "split --lang id -o patterns.out patterns.txt"), 0);
    CU_ASSERT_EQUAL(run(60, "split --lang en -o patterns.out patterns.txt"), 0);
    CU_ASSERT_EQUAL(run(120, "align -f tsv -o patterns.tsv some.txt some.txt"), 0);
}

/* A rule pattern that runs away (nested quantifiers) on some text: the
 * match limits stop it, the rest of the paragraph stays one sentence, and
 * sl_sents counts it; nothing is lost. */
static void test_match_limit(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("mkdir -p " DIR_ "/rules"), 0);
    puts_("rules/common.txt", "[terminator]\n(?:(?:a|a)+X)?[.?!]+\n");
    sl_error err;
    sl_seg *seg = sl_seg_new("xx", DIR_ "/rules", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(seg);
    const char *s = "Satu. Dua. aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaY tiga. Empat.";
    sl_sents out;
    memset(&out, 0, sizeof out);
    CU_ASSERT_EQUAL(sl_seg_split(seg, s, strlen(s), 0, &out, &err), SL_OK);
    CU_ASSERT_EQUAL(out.limited, 1);
    CU_ASSERT_EQUAL_FATAL(out.n, 3);
    const char *rest = strstr(s, "aaa");
    CU_ASSERT(out.v[2].len == strlen(rest) && memcmp(out.text + out.v[2].off, rest, strlen(rest)) == 0);
    sl_sents_free(&out);
    sl_seg_free(seg);
    /* split says so */
    puts_("limit.txt", s);
    CU_ASSERT_EQUAL(run(60, "split --lang xx --rules rules limit.txt"), 0);
    CU_ASSERT(has(err_text(), "note: limit.txt: 1 pattern match hit the match limits"));
}

/* A 5 MB record without headings, its two abstracts told apart by their
 * stop words: aligned in linear time. */
static void test_big_record(void)
{
    static const char *const id[] = {
        "Penelitian ini membahas kewenangan pemerintah provinsi dalam pengawasan pertambangan.",
        "Metode yang digunakan adalah penelitian yuridis normatif dengan pendekatan kasus.",
        "Hasil penelitian menunjukkan bahwa pendelegasian tidak disertai anggaran yang memadai.",
        "Data diperoleh dari wawancara dengan pejabat dinas dan dianalisis secara kualitatif.",
    };
    static const char *const en[] = {
        "This study discusses the authority of provincial governments in mining supervision.",
        "The method used is normative juridical research with a case approach.",
        "The results show that the delegation was not accompanied by an adequate budget.",
        "Data were obtained from interviews with officials and analysed qualitatively.",
    };
    char *rec = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&rec, &len);
    fputs("Kewenangan pemerintah = Government authority / Penulis\n\n", f);
    size_t half = 2500000, paras = 0;
    for (int side = 0; side < 2; side++) {
        const char *const *v = side ? en : id;
        for (size_t k = 0; (size_t)ftell(f) < half * (size_t)(side + 1); k++, paras++) {
            /* numbers keep the sentences apart, as real ones are */
            for (int j = 0; j < 4; j++)
                fprintf(f, "%s%s (%zu)", j ? " " : "", v[(k + (size_t)j) % 4], k * 4 + (size_t)j);
            fputs("\n\n", f);
        }
    }
    fclose(f);
    put("big.txt", rec, len);
    free(rec);
    /* learning is on (the record is large enough): a number in brackets
     * after "kasus." is no evidence that "kasus" is an abbreviation */
    CU_ASSERT_EQUAL(run(300, "align -q -f tsv -o big.tsv big.txt"), 0);
    size_t n;
    char *tsv = slurp(DIR_ "/big.tsv", &n);
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += tsv[i] == '\n';
    free(tsv);
    /* a unit for nearly every one of the ~30,000 sentence pairs */
    CU_ASSERT(lines > paras * 4 / 2 * 9 / 10);
}

/* ---- files ---------------------------------------------------------------- */

/* Input that cannot be read: missing, a directory, a dangling link, a read
 * error; exit 2 with the name, nothing written. */
static void test_unreadable(void)
{
    CU_ASSERT_EQUAL(run(60, "split --lang id missing.txt"), 2);
    CU_ASSERT(has(err_text(), "selaras: missing.txt: cannot open: No such file or directory"));
    CU_ASSERT_EQUAL(test_run("mkdir -p " DIR_ "/adir && ln -sf nowhere " DIR_ "/dangling.txt"), 0);
    CU_ASSERT_EQUAL(run(60, "split --lang id adir"), 2);
    CU_ASSERT(has(err_text(), "selaras: adir: is a directory"));
    CU_ASSERT_EQUAL(run(60, "align dangling.txt"), 2);
    CU_ASSERT(has(err_text(), "dangling.txt: cannot open"));
    /* /proc/self/mem opens but fails to read at offset 0 */
    CU_ASSERT_EQUAL(run(60, "split --lang id /proc/self/mem"), 2);
    CU_ASSERT(has(err_text(), "/proc/self/mem: read error"));
    CU_ASSERT_STRING_EQUAL(out_text(), "");
    if (geteuid() != 0) { /* root reads anything */
        puts_("locked.txt", TEXT);
        CU_ASSERT_EQUAL(test_run("chmod 000 " DIR_ "/locked.txt"), 0);
        CU_ASSERT_EQUAL(run(60, "split --lang id locked.txt"), 2);
        CU_ASSERT(has(err_text(), "locked.txt: cannot open: Permission denied"));
    }
}

/* Output that cannot be written: a missing directory, a full device, a
 * read-only file system; exit 1, one message, an existing file untouched. */
static void test_unwritable(void)
{
    puts_("ok.txt", TEXT);
    CU_ASSERT_EQUAL(run(60, "split --lang id -o no/such/dir/out.txt ok.txt"), 1);
    CU_ASSERT(has(err_text(), "no/such/dir/out.txt"));
    CU_ASSERT_EQUAL(run(60, "align -o /dev/full ok.txt ok.txt"), 1);
    CU_ASSERT(has(err_text(), "/dev/full: write error: No space left on device"));
    CU_ASSERT_EQUAL(run(60, "split --lang id -o /proc/version ok.txt"), 1);
    CU_ASSERT(has(err_text(), "/proc/version"));
    /* a run that fails on its input leaves the old output as it was */
    puts_("keep.tmx", "old");
    puts_("bad.txt", "Kalimat \xFF.\n");
    CU_ASSERT_EQUAL(run(60, "align -o keep.tmx bad.txt bad.txt"), 2);
    size_t n;
    char *old = slurp(DIR_ "/keep.tmx", &n);
    CU_ASSERT_STRING_EQUAL(old, "old");
    free(old);
}

/* A directory of records with other things in it: images, notes, an
 * empty file, a subdirectory (even one named like a record). The
 * non-records are left out with a note that counts and names them; an
 * empty or binary *.txt is bad input, which stops the batch or, with
 * --skip-bad, is skipped and named. */
static void test_directory_non_records(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " DIR_ "/d && mkdir -p " DIR_ "/d/sub " DIR_
                                   "/d/folder.txt && cp ../samples/001_law.txt " DIR_
                                   "/d/a.txt && cp ../samples/check-report.png " DIR_
                                   "/d/cover.png && cp ../samples/check-report.png " DIR_
                                   "/d/scan.txt && : > " DIR_ "/d/empty.txt && echo x > " DIR_
                                   "/d/notes.md"), 0);
    CU_ASSERT_EQUAL(run(60, "align d"), 2);
    CU_ASSERT(has(err_text(), "d/empty.txt: empty input; --skip-bad would skip such files"));
    CU_ASSERT(has(err_text(), "note: d: left out 4 entries that are not records (*.txt) or "
                              "pairs (*.id, *.en): "));
    CU_ASSERT_EQUAL(run(60, "align --skip-bad -o d.tmx d"), 0);
    const char *e = err_text();
    CU_ASSERT(has(e, "cover.png"));
    CU_ASSERT(has(e, "skipped 2 of 3 documents with bad input: d/empty.txt, d/scan.txt; the "
                     "first: d/empty.txt: empty input"));
    size_t n;
    char *tmx = slurp(DIR_ "/d.tmx", &n);
    CU_ASSERT(has(tmx, "<prop type=\"x-document\">a</prop>"));
    free(tmx);
    CU_ASSERT_EQUAL(run(60, "align --skip-bad -q -o d.tmx d"), 0);
    CU_ASSERT(!strstr(err_text(), "left out"));
}

int test_badinput_register(void)
{
    CU_pSuite s = CU_add_suite("bad input", setup, NULL);
    if (!s || !CU_add_test(s, "invalid UTF-8: line and byte; --repair", test_invalid_utf8) ||
        !CU_add_test(s, "UTF-16 and UTF-32: named, iconv, --encoding", test_utf16_utf32) ||
        !CU_add_test(s, "Latin-1 and CP1252: named, iconv, --encoding", test_latin1_cp1252) ||
        !CU_add_test(s, "NUL bytes and binary files", test_nul_and_binary) ||
        !CU_add_test(s, "CR-only line ends", test_cr_only) ||
        !CU_add_test(s, "a 10 MB line without punctuation", test_long_line) ||
        !CU_add_test(s, "text made to trouble the patterns", test_pathological_patterns) ||
        !CU_add_test(s, "a pattern that runs away: the match limits", test_match_limit) ||
        !CU_add_test(s, "a 5 MB record without headings", test_big_record) ||
        !CU_add_test(s, "unreadable input", test_unreadable) ||
        !CU_add_test(s, "unwritable output", test_unwritable) ||
        !CU_add_test(s, "a directory with non-record files", test_directory_non_records))
        return -1;
    return 0;
}
