/* test_cli.c — the selaras program end to end: bad input, exit codes, and
 * the segmentation figures on the gold data when ../shared/data is present. */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TMP "/tmp/selaras_cli_test"

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fwrite(s, 1, n, f);
    fclose(f);
}

/* Reads a whole small file into a static buffer. */
static const char *slurp(const char *path)
{
    static char buf[1 << 16];
    FILE *f = fopen(path, "rb");
    if (!f)
        return "";
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Runs `selaras ARGS`, stdout to TMP.out and stderr to TMP.err. */
static int run(const char *args)
{
    char cmd[4096];
    if (snprintf(cmd, sizeof cmd, "%s %s >" TMP ".out 2>" TMP ".err", test_bin(), args) >=
        (int)sizeof cmd)
        return -1;
    return test_run(cmd);
}

static void expect_bad_input(const char *content, size_t n, const char *want_in_err)
{
    write_file(TMP ".in", content, n);
    CU_ASSERT_EQUAL(run("split --lang id " TMP ".in"), 2);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
    const char *err = slurp(TMP ".err");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, TMP ".in"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want_in_err));
}

static void test_bad_input(void)
{
    expect_bad_input("Kalimat satu.\nDua \xFF.", 20, "byte 18");
    expect_bad_input("Kalimat satu.\0Dua.", 18, "byte 13");
    expect_bad_input("", 0, "empty");
    CU_ASSERT_EQUAL(run("split --lang id /nonexistent/abstrak.txt"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "/nonexistent/abstrak.txt"));
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
}

static void test_usage_errors(void)
{
    CU_ASSERT_EQUAL(run("split"), 2);
    CU_ASSERT_EQUAL(run("split --lang xx " TMP ".in"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "xx"));
    CU_ASSERT_EQUAL(run("no-such-command"), 2);
    CU_ASSERT_EQUAL(run("--help"), 0);
}

static void test_crlf_bom(void)
{
    const char in[] = "\xEF\xBB\xBFPenelitian ini kualitatif. Data dari\r\nwawancara.\r\n\r\nABSTRACT\r\n";
    write_file(TMP ".in", in, sizeof in - 1);
    CU_ASSERT_EQUAL(run("split --lang id " TMP ".in"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"),
                           "Penelitian ini kualitatif.\nData dari wawancara.\n\nABSTRACT\n\n");
}

static void test_stdin_and_output_file(void)
{
    write_file(TMP ".in", "Satu. Dua.", 10);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s split --lang id -o " TMP ".res - < " TMP ".in", test_bin());
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".res"), "Satu.\nDua.\n\n");
    remove(TMP ".res");
}

/* Boundary F1 on a gold set must reach the figure the project promises. */
static void check_f1(const char *set, const char *lang, const char *mode, const char *gold,
                     double min)
{
    const char *raw = test_data_path(set);
    const char *g = test_data_path(gold);
    if (!raw || !g) {
        printf("\n  (skipped %s: ../shared/data not present)", set);
        return;
    }
    char args[2048];
    snprintf(args, sizeof args, "split --lang %s %s -o " TMP ".pred %s", lang, mode, raw);
    CU_ASSERT_EQUAL_FATAL(run(args), 0);
    snprintf(args, sizeof args, "eval --segments %s " TMP ".pred", g);
    CU_ASSERT_EQUAL_FATAL(run(args), 0);
    const char *out = slurp(TMP ".out");
    const char *f = strstr(out, "F1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    double f1 = atof(f + 2);
    if (f1 < min)
        printf("\n  %s: F1 %.4f below %.4f", set, f1, min);
    CU_ASSERT(f1 >= min);
}

static void test_gold_figures(void)
{
    check_f1("seg/id_pud.raw.txt", "id", "--lines", "seg/id_pud.gold.txt", 0.995);
    check_f1("seg/en_pud.raw.txt", "en", "--lines", "seg/en_pud.gold.txt", 0.998);
    check_f1("seg/id_csui.raw.txt", "id", "--lines", "seg/id_csui.gold.txt", 0.975);
    check_f1("seg/id_gsd.raw.txt", "id", "--lines", "seg/id_gsd.gold.txt", 0.945);
    check_f1("seg/en_ewt.raw.txt", "en", "--lines", "seg/en_ewt.gold.txt", 0.83);
    check_f1("seg/abstract.raw.txt", "en", "", "seg/abstract.gold.txt", 1.0);
    check_f1("seg/abstract.raw.txt", "id", "", "seg/abstract.gold.txt", 1.0);
    check_f1("seg/abstract_block.raw.txt", "en", "", "seg/abstract.gold.txt", 1.0);
}


/* ---- align ------------------------------------------------------------- */

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static void test_align_record_tmx(void)
{
    CU_ASSERT_EQUAL_FATAL(run("align -o " TMP ".tmx ../samples/001_law.txt"), 0);
    const char *tmx = slurp(TMP ".tmx");
    CU_ASSERT_EQUAL(count(tmx, "<tu>"), 12); /* title, 10 sentences, keywords */
    CU_ASSERT_PTR_NOT_NULL(strstr(tmx, "srclang=\"id\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(tmx, "<prop type=\"x-unit\">keywords</prop>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "wrote 12 units"));
    const char *dtd = test_shared_path("docs/tmx14.dtd");
    if (dtd) {
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "xmllint --noout --dtdvalid %s " TMP ".tmx", dtd);
        CU_ASSERT_EQUAL(test_run(cmd), 0);
    }
    /* stdin, and language codes of the user's choice */
    CU_ASSERT_EQUAL(run("align --langs id-ID,en-US - < ../samples/001_law.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "xml:lang=\"en-US\""));
    CU_ASSERT_EQUAL(run("align --langs id_ID,en_US ../samples/001_law.txt"), 2);
}

static void test_align_threads_identical(void)
{
    CU_ASSERT_EQUAL_FATAL(run("align -j 1 -o " TMP ".j1.tmx ../samples"), 0);
    CU_ASSERT_EQUAL_FATAL(run("align -j 2 -o " TMP ".j2.tmx ../samples"), 0);
    char cmd[512];
    /* the dates may differ by a second: compare everything else */
    snprintf(cmd, sizeof cmd, "cmp -s <(grep -v creationdate " TMP ".j1.tmx) "
             "<(grep -v creationdate " TMP ".j2.tmx)");
    char bash[1024];
    snprintf(bash, sizeof bash, "bash -c '%s'", cmd);
    CU_ASSERT_EQUAL(test_run(bash), 0);
    CU_ASSERT_EQUAL(test_run("test $(grep -c '<tu>' " TMP ".j1.tmx) = 118"), 0);
    /* SOURCE_DATE_EPOCH pins the date: then the bytes are identical */
    CU_ASSERT_EQUAL(run("align -j 2 -o " TMP ".a.tmx ../samples/003_engineering.txt"), 0);
    CU_ASSERT_EQUAL(test_run("SOURCE_DATE_EPOCH=0 ../build/selaras align -j 1 -o " TMP
                             ".e1.tmx ../samples 2>/dev/null && SOURCE_DATE_EPOCH=0 "
                             "../build/selaras align -j 2 -o " TMP ".e2.tmx ../samples "
                             "2>/dev/null && cmp -s " TMP ".e1.tmx " TMP ".e2.tmx"), 0);
}

static void test_align_formats(void)
{
    CU_ASSERT_EQUAL(run("align -f moses -o " TMP ".m ../samples/002_medicine.txt"), 0);
    static char a[1 << 16], b[1 << 16];
    snprintf(a, sizeof a, "%s", slurp(TMP ".m.id"));
    snprintf(b, sizeof b, "%s", slurp(TMP ".m.en"));
    CU_ASSERT_EQUAL(count(a, "\n"), 12); /* title, 10 beads, keywords */
    CU_ASSERT_EQUAL(count(a, "\n"), count(b, "\n"));
    CU_ASSERT_EQUAL(run("align -f json ../samples/006_agriculture.txt"), 0);
    const char *j = slurp(TMP ".out");
    CU_ASSERT_EQUAL(count(j, "{\"doc\":\"006_agriculture\""), 13);
    CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"bead\":\"1-0\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"en\":null"));
    /* a confidence floor drops exactly the units below it */
    CU_ASSERT_EQUAL(run("align -f tsv ../samples"), 0);
    int total = 0, low = 0;
    for (const char *l = slurp(TMP ".out"); *l; l = strchr(l, '\n') + 1) {
        const char *t1 = strchr(l, '\t');
        const char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(t2);
        if (t1 == l || t2 == t1 + 1)
            continue; /* an unaligned sentence: never in a TMX */
        total++;
        low += atof(t2 + 1) < 0.97;
    }
    CU_ASSERT(low > 0 && total > 100);
    CU_ASSERT_EQUAL(run("align --min-confidence 0.97 -o " TMP ".tmx ../samples"), 0);
    char want[128];
    snprintf(want, sizeof want, "test $(grep -c '<tu>' " TMP ".tmx) = %d", total - low);
    CU_ASSERT_EQUAL(test_run(want), 0);
    CU_ASSERT_EQUAL(run("align --unaligned " TMP ".un -o " TMP ".tmx ../samples/006_agriculture.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".un"), "006_agriculture\tid\t5\tDosis NPK"));
    CU_ASSERT_EQUAL(run("align -f nonsense ../samples/006_agriculture.txt"), 2);
}

static void test_align_presplit(void)
{
    write_file(TMP ".id", "Satu kalimat.\nDua kalimat 2020.\n", 32);
    write_file(TMP ".en", "One sentence.\nTwo sentences 2020.\n", 34);
    CU_ASSERT_EQUAL(run("align --presplit " TMP ".id " TMP ".en"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "[0]:[0]\n[1]:[1]\n");
    CU_ASSERT_EQUAL(run("align --presplit -f ladder " TMP ".id " TMP ".en"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "2\t2\t1.000\n"));
    /* an empty side is an input error */
    write_file(TMP ".empty", "\n\n", 2);
    CU_ASSERT_EQUAL(run("align --presplit " TMP ".empty " TMP ".en"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "[]:[0]\n[]:[1]\n");
    /* files given the wrong way round: a warning, not a silent answer */
    const char *id = "Penelitian ini dilakukan di Bogor dan data yang ada dianalisis.\n";
    const char *en = "This research was conducted in Bogor and the data were analysed.\n";
    write_file(TMP ".id", id, strlen(id));
    write_file(TMP ".en", en, strlen(en));
    CU_ASSERT_EQUAL(run("align --presplit " TMP ".en " TMP ".id"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "swapped"));
    CU_ASSERT_EQUAL(run("align --presplit " TMP ".id " TMP ".en"), 0);
    CU_ASSERT_PTR_NULL(strstr(slurp(TMP ".err"), "swapped"));
    CU_ASSERT_EQUAL(run("align --presplit /nonexistent.id " TMP ".en"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "/nonexistent.id"));
}

static void test_align_bad_input_no_output(void)
{
    /* JSON Lines with a broken third line: an error naming file and line,
     * exit 2, and no output file left behind */
    const char *jl = "{\"doc\":\"a\",\"id\":\"Satu.\",\"en\":\"One.\"}\n"
                     "{\"doc\":\"b\",\"id\":\"Dua.\",\"en\":\"Two.\"}\n"
                     "{\"doc\":\"c\",\"id\":\"Tiga.\"\n";
    write_file(TMP ".jsonl", jl, strlen(jl));
    remove(TMP ".never.tmx");
    CU_ASSERT_EQUAL(run("align -o " TMP ".never.tmx " TMP ".jsonl"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), TMP ".jsonl:3"));
    CU_ASSERT_EQUAL(test_run("test -e " TMP ".never.tmx"), 1);
    CU_ASSERT_EQUAL(test_run("ls " TMP ".never.tmx.tmp.* >/dev/null 2>&1"), 2);
    /* the good part alone works, documents tagged in input order */
    write_file(TMP ".jsonl", jl, (size_t)(strstr(jl, "{\"doc\":\"c\"") - jl));
    CU_ASSERT_EQUAL(run("align -f tsv " TMP ".jsonl"), 0);
    const char *o = slurp(TMP ".out"), *a = strstr(o, "Satu.\tOne.\t"), *b = strstr(o, "Dua.\tTwo.\t");
    CU_ASSERT(a && b && a < b);
    CU_ASSERT(a && strstr(a, "\t1-1\ta\n") && b && strstr(b, "\t1-1\tb\n"));
    CU_ASSERT_EQUAL(count(o, "\n"), 2);
    /* a malformed lexicon line is named with its file and line */
    write_file(TMP ".lex", "kota\tcity\nrusak\n", 16);
    CU_ASSERT_EQUAL(run("align --lexicon " TMP ".lex ../samples/001_law.txt"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), TMP ".lex:2"));
    /* a record without any abstract */
    const char *rec = "Judul = Title / A\n\nABSTRAK\n\n<hr />\n";
    write_file(TMP ".rec", rec, strlen(rec));
    CU_ASSERT_EQUAL(run("align " TMP ".rec"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "no abstract"));
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), ""); /* nothing on stdout */
}


/* --rules DIR: a linguist's file replaces the built-in one of its name */
static void test_rules_override(void)
{
    const char *in = "Sampel diambil di Dsn. Sukamaju. Data dianalisis.";
    write_file(TMP ".in", in, strlen(in));
    CU_ASSERT_EQUAL(run("split --lang id " TMP ".in"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "Sampel diambil di Dsn.\nSukamaju.\nData dianalisis.\n\n");
    CU_ASSERT_EQUAL(test_run("rm -rf " TMP ".rules && mkdir " TMP ".rules && "
                             "printf '[title]\\nDsn\\n' > " TMP ".rules/id.txt"), 0);
    CU_ASSERT_EQUAL(run("split --lang id --rules " TMP ".rules " TMP ".in"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "Sampel diambil di Dsn. Sukamaju.\nData dianalisis.\n\n");
    /* a broken rule file is named with its line */
    CU_ASSERT_EQUAL(test_run("printf '[title]\\nDsn\\n[nonsense]\\n' > " TMP ".rules/id.txt"), 0);
    CU_ASSERT_EQUAL(run("split --lang id --rules " TMP ".rules " TMP ".in"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), TMP ".rules/id.txt:3"));
}


/* OmegaT, headless, with selaras's SRX rules and TMX: every Indonesian
 * sentence of the record's abstract must be translated from the memory. */
static void omegat_record(const char *record)
{
    char cmd[4096];
    /* the source: the abstract's sentences on one line, as a translator
     * would paste the abstract; the memory: selaras's TMX of the record */
    snprintf(cmd, sizeof cmd,
             "rm -rf " TMP ".omt && mkdir -p " TMP ".omt/src && "
             "%s align -o " TMP ".omt/mem.tmx %s 2>/dev/null && "
             "%s align -f tsv %s 2>/dev/null | awk -F'\\t' '$4 ~ /^[0-9]+-[0-9]+$/ && $1 != \"\" "
             "{ printf \"%%s%%s\", sep, $1; sep = \" \" } END { print \"\" }' > " TMP ".omt/src/abstrak.txt",
             test_bin(), record, test_bin(), record);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    snprintf(cmd, sizeof cmd, "sh ../tests/omegat_check.sh " TMP ".omt/src " TMP ".omt/mem.tmx %s "
             TMP ".omt/work > " TMP ".omt/log 2>&1", test_bin());
    int rc = test_run(cmd);
    if (rc == 77) {
        printf("\n  (skipped: OmegaT not installed)");
        return;
    }
    if (rc != 0)
        printf("\n  OmegaT on %s:\n%s", record, slurp(TMP ".omt/log"));
    CU_ASSERT_EQUAL(rc, 0);
}

static void test_omegat(void)
{
    omegat_record("../samples/001_law.txt");
    omegat_record("../samples/007_computer_science.txt"); /* URL, e-mail, dll. */
    const char *seed = test_shared_path("seeds/000_6b2a9478b39344eb.txt");
    if (seed)
        omegat_record(seed);
}

int test_cli_register(void)
{
    CU_pSuite s = CU_add_suite("cli", NULL, NULL);
    if (!s || !CU_add_test(s, "bad input", test_bad_input) ||
        !CU_add_test(s, "usage errors", test_usage_errors) ||
        !CU_add_test(s, "crlf and bom", test_crlf_bom) ||
        !CU_add_test(s, "stdin and -o", test_stdin_and_output_file) ||
        !CU_add_test(s, "gold figures", test_gold_figures) ||
        !CU_add_test(s, "--rules DIR", test_rules_override) ||
        !CU_add_test(s, "OmegaT translates every sentence from the TMX", test_omegat) ||
        !CU_add_test(s, "align: record to TMX", test_align_record_tmx) ||
        !CU_add_test(s, "align: any thread count, same bytes", test_align_threads_identical) ||
        !CU_add_test(s, "align: formats", test_align_formats) ||
        !CU_add_test(s, "align: presplit", test_align_presplit) ||
        !CU_add_test(s, "align: bad input, no output", test_align_bad_input_no_output))
        return -1;
    return 0;
}
