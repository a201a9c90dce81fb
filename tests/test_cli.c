/* test_cli.c — the selaras program end to end: bad input, exit codes, and
 * the segmentation figures on the gold data when ../shared/data is present. */
#include "tests.h"
#include "../src/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TMP "../build/tmp/cli"

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

static char *read_all(const char *path);

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
    /* a language without rules of its own: the common rules, and a note */
    write_file(TMP ".in", "Erster Satz. Zweiter Satz.\n", 27);
    CU_ASSERT_EQUAL(run("split --lang de " TMP ".in"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "Erster Satz.\nZweiter Satz.\n\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "no sentence rules for 'de'"));
    CU_ASSERT_EQUAL(run("no-such-command"), 2);
    CU_ASSERT_EQUAL(run("--help"), 0);
}

/* ---- the command line: help, version, usage ---------------------------- */

/* Does text name option --name (not merely a longer one, --jsonl for --json)? */
static int names_option(const char *text, const char *name)
{
    char want[80];
    snprintf(want, sizeof want, "--%s", name);
    size_t n = strlen(want);
    for (const char *p = text; (p = strstr(p, want)); p += n) {
        char after = p[n];
        if (!(after >= 'a' && after <= 'z') && after != '-')
            return 1;
    }
    return 0;
}

/* Every option a command's parser accepts (its table, the same one the
 * parser is built from) is in its --help, which goes to stdout with exit
 * status 0; `selaras help CMD` prints the same bytes. */
static void test_help_lists_every_option(void)
{
    for (size_t i = 0; cli_commands[i]; i++) {
        const cli_cmd *c = cli_commands[i];
        char args[128], want[128];
        snprintf(args, sizeof args, "%s --help", c->name);
        CU_ASSERT_EQUAL(run(args), 0);
        CU_ASSERT_STRING_EQUAL(slurp(TMP ".err"), "");
        char *help = strdup(slurp(TMP ".out"));
        CU_ASSERT_PTR_NOT_NULL_FATAL(help);
        snprintf(want, sizeof want, "usage: selaras %s ", c->name);
        CU_ASSERT_EQUAL(strncmp(help, want, strlen(want)), 0);
        size_t nopts = 0;
        for (const cli_opt *o = c->opts; o->name; o++, nopts++) {
            if (!names_option(help, o->name))
                printf("\n  selaras %s --help does not list --%s", c->name, o->name);
            CU_ASSERT(names_option(help, o->name));
            if (o->key < CLI_LONG) { /* the short form beside the long one */
                snprintf(want, sizeof want, "-%c, --%s", o->key, o->name);
                CU_ASSERT_PTR_NOT_NULL(strstr(help, want));
            }
            CU_ASSERT_PTR_NOT_NULL(o->help);
        }
        CU_ASSERT(nopts >= 1 && nopts <= CLI_MAXOPTS);
        CU_ASSERT(names_option(help, "help"));
        snprintf(args, sizeof args, "help %s", c->name);
        CU_ASSERT_EQUAL(run(args), 0);
        CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), help);
        /* an unknown option: the usage on stderr, nothing on stdout, exit 2 */
        snprintf(args, sizeof args, "%s --no-such-option", c->name);
        CU_ASSERT_EQUAL(run(args), 2);
        CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
        snprintf(want, sizeof want, "usage: selaras %s ", c->name);
        CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), want));
        CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "'--no-such-option'"));
        free(help);
    }
    /* the overview names every command */
    CU_ASSERT_EQUAL(run("help"), 0);
    char *all = strdup(slurp(TMP ".out"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(all);
    for (size_t i = 0; cli_commands[i]; i++) {
        char want[64];
        snprintf(want, sizeof want, "\n  %-8s ", cli_commands[i]->name);
        CU_ASSERT_PTR_NOT_NULL(strstr(all, want));
    }
    CU_ASSERT_EQUAL(run("--help"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), all);
    free(all);
    CU_ASSERT_EQUAL(run("help no-such-command"), 2);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "unknown command 'no-such-command'"));
}

/* -V and --version print the Makefile's VERSION, which the TMX header
 * carries too. */
static void test_version(void)
{
    char want[64];
    snprintf(want, sizeof want, "selaras %s\n", cli_version);
    CU_ASSERT_EQUAL(run("-V"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), want);
    CU_ASSERT_EQUAL(run("--version"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), want);
    CU_ASSERT_EQUAL(run("--version extra"), 2);
    CU_ASSERT_EQUAL(run("align ../samples/001_law.txt"), 0);
    snprintf(want, sizeof want, "creationtoolversion=\"%s\"", cli_version);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), want));
}

/* ---- the manual and the completion -------------------------------------- */

/* The man page lints clean: mandoc's warnings, or groff's, and man(1)'s
 * rendering at 80 columns says nothing either. */
static void test_man_page_lint(void)
{
    int checked = 0;
    if (test_run("command -v mandoc >/dev/null 2>&1") == 0) {
        CU_ASSERT_EQUAL(test_run("mandoc -T lint -W warning ../selaras.1 > " TMP ".lint 2>&1"), 0);
        CU_ASSERT_STRING_EQUAL(slurp(TMP ".lint"), "");
        checked++;
    }
    if (test_run("command -v groff >/dev/null 2>&1") == 0) {
        CU_ASSERT_EQUAL(test_run("groff -mdoc -Tutf8 -ww -z ../selaras.1 > " TMP ".lint 2>&1"), 0);
        CU_ASSERT_STRING_EQUAL(slurp(TMP ".lint"), "");
        checked++;
    }
    if (test_run("command -v man >/dev/null 2>&1") == 0) {
        CU_ASSERT_EQUAL(test_run("MANWIDTH=80 man -l ../selaras.1 2> " TMP ".lint > " TMP ".man"), 0);
        CU_ASSERT_STRING_EQUAL(slurp(TMP ".lint"), "");
        CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".man"), "EXIT STATUS"));
        checked++;
    }
    if (!checked)
        printf("\n  (skipped: neither mandoc, groff nor man installed)");
}

/* The man page's section of each command (.Ss NAME up to the next .Ss or
 * .Sh) names every option the command's parser accepts, long and short. */
static void test_man_page_options(void)
{
    char *man = read_all("../selaras.1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(man);
    for (size_t i = 0; cli_commands[i]; i++) {
        const cli_cmd *c = cli_commands[i];
        char head[64], want[128];
        snprintf(head, sizeof head, "\n.Ss %s\n", c->name);
        char *sec = strstr(man, head);
        if (!sec)
            printf("\n  selaras.1 has no section .Ss %s", c->name);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sec);
        sec += strlen(head);
        char *end = sec + strcspn(sec, ""), *e1 = strstr(sec, "\n.Ss "), *e2 = strstr(sec, "\n.Sh ");
        if (e1 && e1 < end)
            end = e1;
        if (e2 && e2 < end)
            end = e2;
        char keep = *end;
        *end = '\0';
        for (const cli_opt *o = c->opts; o->name; o++) {
            snprintf(want, sizeof want, "Fl -%s", o->name);
            int found = 0;
            for (const char *p = sec; (p = strstr(p, want)); p += strlen(want))
                if (p[strlen(want)] == ' ' || p[strlen(want)] == '\n')
                    found = 1;
            if (!found)
                printf("\n  selaras.1, %s: no --%s", c->name, o->name);
            CU_ASSERT(found);
            if (o->key < CLI_LONG) {
                snprintf(want, sizeof want, "Fl %c , Fl -%s", o->key, o->name);
                if (!strstr(sec, want))
                    printf("\n  selaras.1, %s: no -%c, --%s", c->name, o->key, o->name);
                CU_ASSERT_PTR_NOT_NULL(strstr(sec, want));
            }
        }
        *end = keep;
    }
    /* and the program's own options */
    CU_ASSERT_PTR_NOT_NULL(strstr(man, ".It Fl V , Fl -version"));
    free(man);
}

/* make install PREFIX=DIR puts the program, the manual and the completion
 * where man(1) and bash-completion look. */
static void test_install(void)
{
    char cmd[1024], dir[] = "/tmp/selaras_install_XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(cmd, sizeof cmd, "make -s -C .. install PREFIX=%s > " TMP ".inst 2>&1", dir);
    int rc = test_run(cmd);
    if (rc != 0)
        printf("\n  make install:\n%s", slurp(TMP ".inst"));
    CU_ASSERT_EQUAL(rc, 0);
    static const char *const files[] = { "bin/selaras", "share/man/man1/selaras.1",
                                         "share/bash-completion/completions/selaras",
                                         "lib/libselaras.a", "include/selaras/glossary.h" };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        CU_ASSERT_EQUAL(access(path, R_OK), 0);
    }
    if (test_run("command -v man >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd, "MANPATH=%s/share/man man -w selaras > " TMP ".inst 2>&1", dir);
        CU_ASSERT_EQUAL(test_run(cmd), 0);
        snprintf(cmd, sizeof cmd, "%s/share/man/man1/selaras.1", dir);
        CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".inst"), cmd));
    }
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    test_run(cmd);
}

/* What bash completes for the words (the last one being completed), with
 * selaras.bash sourced: COMPREPLY joined by spaces. */
static const char *completion(const char *words)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "bash -c 'source ../selaras.bash; COMP_WORDS=(%s %s); "
             "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
             "_selaras selaras \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"; "
             "echo \"${COMPREPLY[*]}\"' > " TMP ".comp 2>&1",
             test_bin(), words);
    if (test_run(cmd) != 0)
        return "(bash failed)";
    static char buf[4096];
    const char *out = slurp(TMP ".comp");
    size_t n = strcspn(out, "\n");
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, out, n);
    buf[n] = '\0';
    return buf;
}

/* Every value the completion offers for an option's argument is one the
 * parser takes: `selaras CMD OPTION VALUE --help` exits 0. */
static void completion_values(const char *cmd, const char *opt, const char *want)
{
    char words[256];
    snprintf(words, sizeof words, "%s %s \"\"", cmd, opt);
    const char *got = completion(words);
    CU_ASSERT_STRING_EQUAL(got, want);
    char *values = strdup(got), *save = NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(values);
    for (char *v = strtok_r(values, " ", &save); v; v = strtok_r(NULL, " ", &save)) {
        char args[256];
        snprintf(args, sizeof args, "%s %s %s --help", cmd, opt, v);
        if (run(args) != 0)
            printf("\n  selaras %s %s %s: refused", cmd, opt, v);
        CU_ASSERT_EQUAL(run(args), 0);
    }
    free(values);
}

static void test_bash_completion(void)
{
    if (test_run("command -v bash >/dev/null 2>&1") != 0) {
        printf("\n  (skipped: no bash)");
        return;
    }
    CU_ASSERT_STRING_EQUAL(completion("al"), "align");
    CU_ASSERT_STRING_EQUAL(completion("align --form"), "--format");
    CU_ASSERT_STRING_EQUAL(completion("align --glossary-f"), "--glossary-format");
    CU_ASSERT_STRING_EQUAL(completion("align -o ../samples/001_"), "../samples/001_law.txt");
    /* every option of every command, as its table has them */
    char all[2048], words[64];
    size_t k = 0;
    for (size_t i = 0; cli_commands[i]; i++) {
        const cli_cmd *c = cli_commands[i];
        char want[2048] = "";
        size_t n = 0;
        k += (size_t)snprintf(all + k, sizeof all - k, "%s%s", k ? " " : "", c->name);
        for (const cli_opt *o = c->opts; o->name; o++) {
            if (o->key < CLI_LONG)
                n += (size_t)snprintf(want + n, sizeof want - n, "%s-%c", n ? " " : "", o->key);
            n += (size_t)snprintf(want + n, sizeof want - n, "%s--%s", n ? " " : "", o->name);
        }
        snprintf(words, sizeof words, "%s -", c->name);
        CU_ASSERT_STRING_EQUAL(completion(words), want);
    }
    CU_ASSERT_STRING_EQUAL(completion("help \"\""), all);
    completion_values("align", "--format", "tmx tsv moses json beads ladder");
    completion_values("align", "--glossary-format", "tbx omegat");
    completion_values("align", "--text", "verbatim normalized");
    completion_values("check", "--fail-on", "error warning info never");
    completion_values("check", "--show", "error warning info");
    CU_ASSERT_EQUAL(run("align --format nonsense --help"), 2); /* the check can fail */
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

/* Boundary F1 of `split --lines` (args added) on a set of tests/learn. */
static double learn_f1(const char *lang, const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "split --lang %s --lines %s -o " TMP ".pred learn/%s.raw.txt", lang,
             args, lang);
    CU_ASSERT_EQUAL_FATAL(run(cmd), 0);
    snprintf(cmd, sizeof cmd, "eval --segments learn/%s.gold.txt " TMP ".pred", lang);
    CU_ASSERT_EQUAL_FATAL(run(cmd), 0);
    const char *f = strstr(slurp(TMP ".out"), "F1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    return atof(f + 2);
}

/* The invented abstracts of tests/learn, built on abbreviations no list
 * names: learning (on by default: each set has over 2000 words) must
 * recover what the lists miss. */
static void test_learned_figures(void)
{
    static const struct { const char *lang; double min; } set[] = { { "id", 0.95 },
                                                                     { "en", 0.97 } };
    for (size_t k = 0; k < 2; k++) {
        double on = learn_f1(set[k].lang, ""), off = learn_f1(set[k].lang, "--no-learn");
        printf("\n  learned abbreviations, %s: F1 %.4f (min %.2f), without learning %.4f",
               set[k].lang, on, set[k].min, off);
        CU_ASSERT(on >= set[k].min);
        CU_ASSERT(on >= off + 0.1);
    }
    /* --show-learned names what it learned, with its evidence */
    CU_ASSERT_EQUAL_FATAL(run("split --lang en --lines --show-learned -o " TMP ".pred "
                              "learn/en.raw.txt"), 0);
    const char *e = slurp(TMP ".err");
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "learned abbreviations (en)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "learned Thm."));
    CU_ASSERT_PTR_NOT_NULL(strstr(e, "learned Sched."));
    CU_ASSERT_EQUAL_FATAL(run("split --lang en --show-learned -o " TMP ".pred ../samples/"
                              "001_law.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "too few to learn from"));
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
    /* the same with the lists alone: learning must lose nothing */
    check_f1("seg/id_gsd.raw.txt", "id", "--lines --no-learn", "seg/id_gsd.gold.txt", 0.945);
    check_f1("seg/en_ewt.raw.txt", "en", "--lines --no-learn", "seg/en_ewt.gold.txt", 0.83);
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
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".err"), ""); /* quiet unless asked */
    CU_ASSERT_EQUAL_FATAL(run("align -v -o " TMP ".tmx ../samples/001_law.txt"), 0);
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
        low += atof(t2 + 1) < 0.9995;
    }
    CU_ASSERT(low > 0 && total > 100);
    CU_ASSERT_EQUAL(run("align --min-confidence 0.9995 -o " TMP ".tmx ../samples"), 0);
    char want[128];
    snprintf(want, sizeof want, "test $(grep -c '<tu>' " TMP ".tmx) = %d", total - low);
    CU_ASSERT_EQUAL(test_run(want), 0);
    CU_ASSERT_EQUAL(run("align --unaligned " TMP ".un -o " TMP ".tmx ../samples/006_agriculture.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".un"), "006_agriculture\tid\t5\tDosis NPK"));
    CU_ASSERT_EQUAL(run("align -f nonsense ../samples/006_agriculture.txt"), 2);
}

/* --text: a TMX holds each sentence as the record has it (double space,
 * tab, no-break space, the hyphen of a word broken across lines; a line
 * break one space), the corpus formats the normalised text unless asked;
 * the alignment is the same, learning or not. A TMX run says how many
 * source sentences share a unit with another, unless -q. */
static void test_align_text(void)
{
    static const char *const kept[] = { "air hujan untuk  memenuhi", "sedangkan\tkualitas",
                                        "60 m\xC2\xB2", "minum peng- guna selama",
                                        "6,8, sehingga", "hujan;  kebutuhan" };
    CU_ASSERT_EQUAL_FATAL(run("align leverage/101_rainwater.txt"), 0);
    static char tmx[1 << 16];
    snprintf(tmx, sizeof tmx, "%s", slurp(TMP ".out"));
    for (size_t k = 0; k < sizeof kept / sizeof *kept; k++) {
        if (!strstr(tmx, kept[k]))
            printf("\n  TMX: no \"%s\"", kept[k]);
        CU_ASSERT_PTR_NOT_NULL(strstr(tmx, kept[k]));
    }
    CU_ASSERT_EQUAL(run("align -f tsv leverage/101_rainwater.txt"), 0);
    const char *tsv = slurp(TMP ".out");
    CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "air hujan untuk memenuhi"));
    CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "minum pengguna selama"));
    CU_ASSERT_EQUAL(run("align -f tsv --text verbatim leverage/101_rainwater.txt"), 0);
    tsv = slurp(TMP ".out");
    CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "air hujan untuk  memenuhi"));
    CU_ASSERT_PTR_NOT_NULL(strstr(tsv, "sedangkan kualitas")); /* a tab is a column */
    /* two texts: a no-break space too (a record reads it as a space) */
    write_file(TMP ".id", "Harga Rp\xC2\xA0" "5.000  per unit.\n", 27);
    write_file(TMP ".en", "The price is IDR 5,000 per unit.\n", 33);
    CU_ASSERT_EQUAL(run("align " TMP ".id " TMP ".en"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "<seg>Harga Rp\xC2\xA0" "5.000  per unit.</seg>"));
    CU_ASSERT_EQUAL(run("align --text normalized leverage/101_rainwater.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "minum pengguna selama"));
    /* the beads do not depend on the text */
    CU_ASSERT_EQUAL(run("align -f tsv --text verbatim --records ../samples leverage"), 0);
    static char v[1 << 16];
    snprintf(v, sizeof v, "%s", slurp(TMP ".out"));
    CU_ASSERT_EQUAL(run("align -f tsv --records ../samples leverage"), 0);
    CU_ASSERT_EQUAL(count(v, "\n"), count(slurp(TMP ".out"), "\n"));
    CU_ASSERT_EQUAL(count(v, "\t1-1\t"), count(slurp(TMP ".out"), "\t1-1\t"));
    CU_ASSERT_EQUAL(count(v, "\t2-1\t"), count(slurp(TMP ".out"), "\t2-1\t"));
    /* learning reads the normalised text; the TMX is still verbatim */
    CU_ASSERT_EQUAL(run("align --learn leverage/101_rainwater.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "minum peng- guna selama"));
    CU_ASSERT_EQUAL(run("align --text plain leverage/101_rainwater.txt"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "--text takes verbatim or normalized"));
    /* the 2-1 units of 004 and 008, which no CAT tool matches */
    CU_ASSERT_EQUAL(run("align -o " TMP ".tmx --records ../samples leverage"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "selaras: 4 of 110 Indonesian sentences "
                                                     "share a unit with another (2-1, 3-1, 2-2 "
                                                     "beads): a CAT tool that segments by "
                                                     "sentence will not match them\n"));
    CU_ASSERT_EQUAL(run("align -q -o " TMP ".tmx --records ../samples leverage"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".err"), "");
    CU_ASSERT_EQUAL(run("align -f tsv ../samples/004_economics.txt"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".err"), "");
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

/* Another language pair: no dictionary (a note says so), no sentence rules
 * needed for pre-split text, a language Snowball lacks taken as "none". */
static void test_other_languages(void)
{
    write_file(TMP ".de", "Das Haus ist gross, 2019.\nDie Katze schlaeft.\n", 45);
    write_file(TMP ".en", "The house is big, 2019.\nThe cat sleeps.\n", 40);
    CU_ASSERT_EQUAL(run("align --presplit --src-lang de " TMP ".de " TMP ".en"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "[0]:[0]\n[1]:[1]\n");
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "no dictionary for de -> en"));
    CU_ASSERT_EQUAL(run("align --presplit --src-lang none --tgt-lang none " TMP ".de " TMP ".en"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "[0]:[0]\n[1]:[1]\n");
    CU_ASSERT_EQUAL(run("align --presplit --src-lang klingon " TMP ".de " TMP ".en"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "klingon"));
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
 * sentence of the record's abstract must be translated from the memory;
 * and with selaras's glossaries of the record's keywords (TBX and OmegaT's
 * own format) in the project's glossary/ folder, OmegaT must show every
 * term pair on the keyword line. */
static void omegat_record(const char *record)
{
    char cmd[4096];
    /* the source: the abstract's sentences (as the record has them) on
     * one line, as a translator would paste the abstract, and the keyword
     * line on the next; the memory: selaras's TMX of the record; the
     * glossaries: its keywords */
    snprintf(cmd, sizeof cmd,
             "rm -rf " TMP ".omt && mkdir -p " TMP ".omt/src && "
             "%s align -q -o " TMP ".omt/mem.tmx --glossary " TMP ".omt/keywords.tbx %s && "
             "%s align -q -f tsv --text verbatim --glossary " TMP ".omt/keywords.utf8 %s | awk -F'\\t' "
             "'$4 ~ /^[0-9]+-[0-9]+$/ && $1 != \"\" { printf \"%%s%%s\", sep, $1; sep = \" \" } "
             "$4 == \"keywords\" { kw = $1 } END { print \"\"; if (kw != \"\") print kw }' > "
             TMP ".omt/src/abstrak.txt",
             test_bin(), record, test_bin(), record);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    snprintf(cmd, sizeof cmd, "GLOSSARIES='" TMP ".omt/keywords.tbx " TMP ".omt/keywords.utf8' "
             "GLOSSARY_TERMS=" TMP ".omt/keywords.utf8 "
             "sh ../tests/omegat_check.sh " TMP ".omt/src " TMP ".omt/mem.tmx %s "
             TMP ".omt/work > " TMP ".omt/log 2>&1", test_bin());
    int rc = test_run(cmd);
    if (rc == 77) {
        printf("\n  (skipped: OmegaT not installed)");
        return;
    }
    if (rc != 0)
        printf("\n  OmegaT on %s:\n%s", record, slurp(TMP ".omt/log"));
    CU_ASSERT_EQUAL(rc, 0);
    /* the keywords were there to be shown */
    const char *log = slurp(TMP ".omt/log");
    if (strstr(record, "samples/"))
        CU_ASSERT_PTR_NOT_NULL(strstr(log, "glossary keywords.tbx: 4 entries loaded, every pair shown"));
    CU_ASSERT_PTR_NOT_NULL(strstr(log, "glossary keywords.utf8: "));
}

static void test_omegat(void)
{
    omegat_record("../samples/001_law.txt");
    omegat_record("../samples/007_computer_science.txt"); /* URL, e-mail, dll. */
    const char *seed = test_shared_path("seeds/000_6b2a9478b39344eb.txt");
    if (seed)
        omegat_record(seed);
}


/* ---- output discipline -------------------------------------------------- */

/* A fresh folder of its own for each test (mkdtemp), removed at the end. */
static const char *mktmp(void)
{
    static char dir[64];
    snprintf(dir, sizeof dir, "/tmp/selaras_out_XXXXXX");
    return mkdtemp(dir);
}

static void rmtmp(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    test_run(cmd);
}

static char *path_in(const char *dir, const char *name)
{
    static char buf[8][512];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, sizeof buf[0], "%s/%s", dir, name);
    return b;
}

/* A whole file of any size (malloc'd; "" when missing). */
static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *s = NULL;
    size_t n = 0, cap = 0;
    if (f) {
        for (;;) {
            if (n + 4096 + 1 > cap && !(s = realloc(s, cap = (cap + 4096) * 2)))
                break;
            size_t k = fread(s + n, 1, 4096, f);
            n += k;
            if (k == 0)
                break;
        }
        fclose(f);
    }
    if (!s && (s = malloc(1)))
        n = 0;
    if (s)
        s[n] = '\0';
    return s;
}

static int mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

/* How many entries a folder holds whose name contains part. */
static int entries(const char *dir, const char *part)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "exit $(ls -a %s | grep -c -F -e '%s')", dir, part);
    return test_run(cmd);
}

static int is_wellformed_xml(const char *path)
{
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlFreeDoc(doc);
    return doc != NULL;
}

/* A JSON Lines batch: ndocs documents of nsent sentence pairs each, named
 * d0, d1, ...; line bad (1-based, 0: none) is broken instead. */
static void write_jsonl(const char *path, int ndocs, int nsent, int bad)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int d = 0; d < ndocs; d++) {
        if (d + 1 == bad) {
            fputs("{\"doc\":\"broken\",\"id\":\"Satu.\"\n", f);
            continue;
        }
        fprintf(f, "{\"doc\":\"d%d\",\"id\":\"", d);
        for (int k = 0; k < nsent; k++)
            fprintf(f, "Penelitian ke-%d ini menganalisis pengaruh kebijakan fiskal terhadap "
                       "pertumbuhan ekonomi di %d provinsi. ", d, k + 2);
        fputs("\",\"en\":\"", f);
        for (int k = 0; k < nsent; k++)
            fprintf(f, "Study %d analyses the effect of fiscal policy on economic growth in "
                       "%d provinces. ", d, k + 2);
        fputs("\"}\n", f);
    }
    fclose(f);
}

/* Starts `selaras ARGS` (through sh, which execs it: the pid is
 * selaras's), stdout and stderr to files; returns its pid. */
static pid_t spawn(const char *args, const char *out, const char *err)
{
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0)
            _exit(126);
        char cmd[4096];
        snprintf(cmd, sizeof cmd, "exec %s %s", test_bin(), args);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    return pid;
}

static void nap(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* Waits for pid (killing it after timeout_ms); its exit status, or -1
 * when it did not exit normally. */
static int reap(pid_t pid, long timeout_ms)
{
    int st;
    for (long t = 0; waitpid(pid, &st, WNOHANG) == 0; t += 20) {
        if (t > timeout_ms) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return -1;
        }
        nap(20);
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static long size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void test_out_mode(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char cmd[2048];
    /* a new file gets the umask's mode, as any program's output would */
    snprintf(cmd, sizeof cmd, "umask 022 && %s align -o %s ../samples/001_law.txt 2>%s",
             test_bin(), path_in(d, "a.tmx"), path_in(d, "err"));
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    CU_ASSERT_EQUAL(mode_of(path_in(d, "a.tmx")), 0644);
    snprintf(cmd, sizeof cmd, "umask 077 && %s align -o %s ../samples/001_law.txt 2>%s",
             test_bin(), path_in(d, "b.tmx"), path_in(d, "err"));
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    CU_ASSERT_EQUAL(mode_of(path_in(d, "b.tmx")), 0600);
    /* a replaced file keeps its own mode, whatever the umask */
    CU_ASSERT_EQUAL(chmod(path_in(d, "a.tmx"), 0640), 0);
    snprintf(cmd, sizeof cmd, "umask 077 && %s split --lang id -o %s ../samples/001_law.txt",
             test_bin(), path_in(d, "a.tmx"));
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    CU_ASSERT_EQUAL(mode_of(path_in(d, "a.tmx")), 0640);
    char *s = read_all(path_in(d, "a.tmx"));
    CU_ASSERT(s && strstr(s, "<tmx") == NULL && strlen(s) > 100); /* the sentences now */
    free(s);
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);
    rmtmp(d);
}

static void test_out_symlink(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL_FATAL(mkdir(path_in(d, "sub"), 0755), 0);
    write_file(path_in(d, "sub/real.tmx"), "old", 3);
    /* a relative chain: top -> link.tmx -> sub/real.tmx */
    CU_ASSERT_EQUAL_FATAL(symlink("sub/real.tmx", path_in(d, "link.tmx")), 0);
    CU_ASSERT_EQUAL_FATAL(symlink("link.tmx", path_in(d, "top")), 0);
    char args[1024];
    snprintf(args, sizeof args, "align -o %s ../samples/001_law.txt", path_in(d, "top"));
    CU_ASSERT_EQUAL(run(args), 0);
    struct stat st;
    CU_ASSERT(lstat(path_in(d, "top"), &st) == 0 && S_ISLNK(st.st_mode));
    CU_ASSERT(lstat(path_in(d, "link.tmx"), &st) == 0 && S_ISLNK(st.st_mode));
    CU_ASSERT(lstat(path_in(d, "sub/real.tmx"), &st) == 0 && S_ISREG(st.st_mode));
    CU_ASSERT(is_wellformed_xml(path_in(d, "sub/real.tmx")));
    /* a dangling link: its target is created, the link kept */
    CU_ASSERT_EQUAL_FATAL(symlink("sub/new.tmx", path_in(d, "dangling")), 0);
    snprintf(args, sizeof args, "align -o %s ../samples/001_law.txt", path_in(d, "dangling"));
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT(lstat(path_in(d, "dangling"), &st) == 0 && S_ISLNK(st.st_mode));
    CU_ASSERT(is_wellformed_xml(path_in(d, "sub/new.tmx")));
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);
    CU_ASSERT_EQUAL(entries(path_in(d, "sub"), ".tmp."), 0);
    rmtmp(d);
}

static void test_out_fifo(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const char *fifo = path_in(d, "fifo"), *got = path_in(d, "got.tmx");
    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    pid_t reader = fork();
    CU_ASSERT_FATAL(reader >= 0);
    if (reader == 0) { /* reads the FIFO to its end into a file */
        int in = open(fifo, O_RDONLY), out = open(got, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        char buf[4096];
        ssize_t n;
        while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
            if (write(out, buf, (size_t)n) != n)
                _exit(1);
        _exit(in >= 0 && out >= 0 ? 0 : 1);
    }
    char args[1024];
    snprintf(args, sizeof args, "align -o %s ../samples/001_law.txt", fifo);
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT_EQUAL(reap(reader, 10000), 0);
    struct stat st;
    CU_ASSERT(lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode)); /* written in place */
    CU_ASSERT(is_wellformed_xml(got));
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);
    rmtmp(d);
}

static void test_out_directory(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char args[1024];
    snprintf(args, sizeof args, "align -o %s ../samples/001_law.txt", d);
    CU_ASSERT_EQUAL(run(args), 1);
    const char *err = slurp(TMP ".err");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, d));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "directory"));
    CU_ASSERT_EQUAL(count(err, "\n"), 1);
    struct stat st;
    CU_ASSERT(stat(d, &st) == 0 && S_ISDIR(st.st_mode));
    CU_ASSERT_EQUAL(test_run("ls /tmp | grep -q '^selaras_out_.*\\.tmp\\.'"), 1);
    rmtmp(d);
}

/* Runs `selaras ARGS` with stdout a pipe whose reader is gone and SIGPIPE
 * ignored, so that every write fails (EPIPE); stderr to TMP.err. */
static int run_broken_stdout(const char *args)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    close(p[0]);
    pid_t pid = fork();
    if (pid == 0) {
        int e = open(TMP ".err", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (e < 0 || dup2(p[1], 1) < 0 || dup2(e, 2) < 0)
            _exit(126);
        signal(SIGPIPE, SIG_IGN); /* inherited through exec */
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "exec %s %s", test_bin(), args);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    return reap(pid, 60000);
}

static void expect_write_error(const char *args)
{
    int rc = run_broken_stdout(args);
    const char *err = slurp(TMP ".err");
    if (rc != 1 || count(err, "\n") != 1)
        printf("\n  selaras %s: exit %d, stderr:\n%s", args, rc, err);
    CU_ASSERT_EQUAL(rc, 1);
    CU_ASSERT_EQUAL(count(err, "\n"), 1); /* one message, never two */
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "selaras: <stdout>: write error: "));
}

static void test_write_error_reported_once(void)
{
    expect_write_error("--help");
    expect_write_error("--version");
    expect_write_error("align --help");
    expect_write_error("split --help");
    expect_write_error("srx --help");
    expect_write_error("eval --help");
    expect_write_error("check --help");
    expect_write_error("merge --help");
    expect_write_error("help align");
    expect_write_error("-V");
    expect_write_error("align ../samples/001_law.txt");
    expect_write_error("align -f json --records ../samples/001_law.txt ../samples/002_medicine.txt");
    expect_write_error("split --lang id ../samples/001_law.txt");
    expect_write_error("srx");
    expect_write_error("eval --segments ../samples/001_law.txt ../samples/001_law.txt");
    /* the same commands with a working stdout succeed */
    CU_ASSERT_EQUAL(run("--help"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "usage: selaras"));
    CU_ASSERT_EQUAL(run("--version"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "selaras "));
}

/* SIGTERM during a long batch: the temporary file goes, the exit status
 * is 128 + 15, an existing target is untouched. */
static void test_sigterm_removes_temporary(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const char *in = path_in(d, "long.jsonl"), *out = path_in(d, "out.tmx");
    write_jsonl(in, 600, 40, 0);
    write_file(out, "old", 3);
    char args[1024];
    snprintf(args, sizeof args, "align -j 1 -o %s %s", out, in);
    pid_t pid = spawn(args, path_in(d, "stdout"), path_in(d, "stderr"));
    CU_ASSERT_FATAL(pid > 0);
    /* running: its temporary file is there */
    for (int t = 0; t < 3000 && entries(d, "out.tmx.tmp.") == 0; t++)
        nap(10);
    CU_ASSERT_EQUAL(entries(d, "out.tmx.tmp."), 1);
    nap(200);
    kill(pid, SIGTERM);
    CU_ASSERT_EQUAL(reap(pid, 30000), 143);
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);
    CU_ASSERT_STRING_EQUAL(slurp(out), "old");
    rmtmp(d);
}

/* SIGTERM while a TMX goes to stdout: what was written is closed. */
static void test_sigterm_closes_stdout(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const char *in = path_in(d, "long.jsonl"), *out = path_in(d, "stdout.tmx");
    write_jsonl(in, 600, 40, 0);
    char args[1024];
    snprintf(args, sizeof args, "align -j 1 %s", in);
    pid_t pid = spawn(args, out, path_in(d, "stderr"));
    CU_ASSERT_FATAL(pid > 0);
    for (int t = 0; t < 6000 && size_of(out) <= 0; t++) /* the first chunk is out */
        nap(10);
    CU_ASSERT(size_of(out) > 0);
    kill(pid, SIGTERM);
    CU_ASSERT_EQUAL(reap(pid, 30000), 143);
    char *s = read_all(out);
    CU_ASSERT(s && strstr(s, "<prop type=\"x-document\">d0</prop>"));
    CU_ASSERT(s && !strstr(s, "<prop type=\"x-document\">d599</prop>")); /* stopped early */
    free(s);
    CU_ASSERT(is_wellformed_xml(out));
    rmtmp(d);
}

/* A broken line in the middle of a batch: the documents before it go to
 * stdout in a closed TMX, exit 2; -o leaves the target as it was. */
static void test_jsonl_bad_line_mid_batch(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const char *in = path_in(d, "b.jsonl"), *out = path_in(d, "stdout.tmx");
    write_jsonl(in, 700, 1, 301);
    char args[1024];
    snprintf(args, sizeof args, "align %s", in);
    CU_ASSERT_EQUAL(reap(spawn(args, out, path_in(d, "stderr")), 60000), 2);
    CU_ASSERT(is_wellformed_xml(out));
    char *s = read_all(out);
    CU_ASSERT(s && strstr(s, "<prop type=\"x-document\">d0</prop>"));
    CU_ASSERT(s && strstr(s, "<prop type=\"x-document\">d299</prop>"));
    CU_ASSERT(s && !strstr(s, "<prop type=\"x-document\">d301</prop>"));
    free(s);
    char *err = read_all(path_in(d, "stderr")), want[600];
    snprintf(want, sizeof want, "%s:301:", in);
    CU_ASSERT(err && strstr(err, want) && strstr(err, "--skip-bad"));
    free(err);
    /* with -o: an existing target stays byte for byte, nothing new is made */
    const char *old = "<old>keep me</old>\n";
    write_file(path_in(d, "kept.tmx"), old, strlen(old));
    snprintf(args, sizeof args, "align -o %s %s", path_in(d, "kept.tmx"), in);
    CU_ASSERT_EQUAL(reap(spawn(args, path_in(d, "o2"), path_in(d, "e2")), 60000), 2);
    CU_ASSERT_STRING_EQUAL(slurp(path_in(d, "kept.tmx")), old);
    snprintf(args, sizeof args, "align -o %s %s", path_in(d, "new.tmx"), in);
    CU_ASSERT_EQUAL(reap(spawn(args, path_in(d, "o3"), path_in(d, "e3")), 60000), 2);
    CU_ASSERT_EQUAL(size_of(path_in(d, "new.tmx")), -1);
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);
    rmtmp(d);
}

static void test_skip_bad(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    const char *in = path_in(d, "b.jsonl"), *out = path_in(d, "out.tsv");
    write_jsonl(in, 700, 1, 301);
    char args[1024];
    snprintf(args, sizeof args, "align --skip-bad -f tsv %s", in);
    CU_ASSERT_EQUAL(reap(spawn(args, out, path_in(d, "stderr")), 60000), 0);
    char *s = read_all(out);
    CU_ASSERT_EQUAL(s ? count(s, "\n") : 0, 699); /* every good document */
    CU_ASSERT(s && strstr(s, "\td299\n") && strstr(s, "\td301\n") && strstr(s, "\td699\n"));
    free(s);
    char *err = read_all(path_in(d, "stderr")), want[600];
    snprintf(want, sizeof want, "skipped 1 of 700 documents with bad input: %s:301", in);
    CU_ASSERT(err && strstr(err, want));
    CU_ASSERT(err && count(err, "\n") == 1);
    free(err);
    /* a directory with a record file that is not UTF-8 */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir %s && cp ../samples/001_law.txt ../samples/002_medicine.txt %s",
             path_in(d, "recs"), path_in(d, "recs"));
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    write_file(path_in(d, "recs/001_x.txt"), "bad \xff\n", 6);
    snprintf(args, sizeof args, "align %s", path_in(d, "recs"));
    CU_ASSERT_EQUAL(run(args), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "recs/001_x.txt:1: invalid UTF-8"));
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "--skip-bad would skip such files"));
    CU_ASSERT_EQUAL(count(slurp(TMP ".out"), "<tu>"), 12); /* 001_law, before it */
    CU_ASSERT(is_wellformed_xml(TMP ".out"));
    snprintf(args, sizeof args, "align --skip-bad %s", path_in(d, "recs"));
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "skipped 1 of 3 documents with bad input"));
    CU_ASSERT_EQUAL(count(slurp(TMP ".out"), "<tu>"), 24);
    rmtmp(d);
}

/* A record without one of its abstracts: alone it is an input error; in
 * a batch it is left out and named at the end. */
static void test_missing_abstract(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL_FATAL(mkdir(path_in(d, "batch"), 0755), 0);
    const char *rec = "Judul = Title / A\n\nABSTRAK\n\nPenelitian ini dilakukan di Bogor dan "
                      "data yang ada dianalisis secara kualitatif.\n";
    const char *one = path_in(d, "batch/b_only_id.txt");
    write_file(one, rec, strlen(rec));
    char args[1024];
    snprintf(args, sizeof args, "align %s", one);
    CU_ASSERT_EQUAL(run(args), 2);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), one));
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "no English abstract"));
    /* the same record in a batch with a good one */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp ../samples/001_law.txt %s", path_in(d, "batch/a_law.txt"));
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    snprintf(args, sizeof args, "align -o %s %s", path_in(d, "out.tmx"), path_in(d, "batch"));
    CU_ASSERT_EQUAL(run(args), 0);
    char want[600];
    snprintf(want, sizeof want, "skipped 1 of 2 documents without both abstracts: %s", one);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), want));
    const char *tmx = slurp(path_in(d, "out.tmx"));
    CU_ASSERT_EQUAL(count(tmx, "<tu>"), 12);
    CU_ASSERT_PTR_NULL(strstr(tmx, "b_only_id"));
    rmtmp(d);
}

/* Overlapping title separators once made the record parser overflow. */
static void test_overlapping_title_separators(void)
{
    write_file(TMP ".rec", "x = / y\n", 8);
    CU_ASSERT_EQUAL(run("align " TMP ".rec"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), TMP ".rec: no abstract"));
}

/* A page of search results copied whole is a batch of its records, named
 * FILE#K, read from a file or from stdin; those without both abstracts
 * are counted at the end. One entry alone is one document, its cut
 * between the languages told on stderr, its metadata in the outputs. */
static void test_catalogue_page(void)
{
    CU_ASSERT_EQUAL(run("align -f tsv ../samples/catalogue/page_a.txt"), 0);
    const char *out = slurp(TMP ".out");
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\tpage_a#1\tFitri Handayani\tFakultas Psikologi Universitas "
                                       "Indonesia\t2020\tUI - Skripsi Membership\t\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out, "\tpage_a#4\t"));
    CU_ASSERT_PTR_NULL(strstr(out, "Bambang"));
    CU_ASSERT_EQUAL(count(out, "\n"), 8);
    const char *err = slurp(TMP ".err");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "skipped 3 of 5 documents without both abstracts: "
                                       "../samples/catalogue/page_a.txt:14, ../samples/catalogue/page_a.txt:18, "
                                       "../samples/catalogue/page_a.txt:30\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "1 document: both abstracts in one block"));
    CU_ASSERT_EQUAL(run("align -f beads - < ../samples/catalogue/page_b.txt"), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "[0]:[0]\n[1]:[1]\n[2]:[2]\n\n"
                                              "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n");
    CU_ASSERT_EQUAL(run("align -f json - < ../samples/catalogue/page_b.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".out"), "{\"doc\":\"stdin#3\""));
    /* a page is a batch a shard can take */
    CU_ASSERT_EQUAL(run("align -q --shard 2/2 -o " TMP ".shard.tmx ../samples/catalogue/page_a.txt"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".shard.tmx"), "page_a#4"));
    CU_ASSERT_PTR_NULL(strstr(slurp(TMP ".shard.tmx"), "page_a#1"));
    /* one entry */
    CU_ASSERT_EQUAL(run("align ../samples/catalogue/c02_medicine_single_newline.txt"), 0);
    const char *tmx = slurp(TMP ".out");
    CU_ASSERT_EQUAL(count(tmx, "<tu>"), 6);
    CU_ASSERT_PTR_NOT_NULL(strstr(tmx, "<prop type=\"x-author\">Dewi Anggraini Putri</prop>\n"
                                       "      <prop type=\"x-faculty\">Fakultas Kesehatan Masyarakat "
                                       "Universitas Indonesia</prop>\n"
                                       "      <prop type=\"x-year\">2021</prop>\n"
                                       "      <prop type=\"x-collection\">UI - Skripsi Open</prop>\n"
                                       "      <tuv xml:lang=\"id\">"));
    CU_ASSERT_PTR_NULL(strstr(tmx, "Depok:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "c02_medicine_single_newline: both abstracts "
                                                     "in one block: cut where the language changes"));
    /* an entry without its English abstract is bad input alone */
    CU_ASSERT_EQUAL(run("align -q - < ../samples/catalogue/page_a.txt"), 0);
    write_file(TMP ".rec", "Sari Dewi\n\"Penelitian ini dilakukan di Bogor dan data yang ada "
               "dianalisis.\"\nDepok: Fakultas Teknik Universitas Indonesia, 2019\n", 113);
    CU_ASSERT_EQUAL(run("align " TMP ".rec"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "no English abstract found"));
}

/* ---- a batch over several machines: align --shard K/N, merge ----------- */

static void json_put(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* A JSON Lines batch made of the sample records: the aligned sides of
 * each record (from a TSV run) as its two texts, four times over with
 * 0..3 leading units left out, so that no two documents are the same; and
 * a document with an empty English text in the middle, which --skip-bad
 * leaves out. Returns how many lines it wrote. */
static int write_sample_batch(const char *dir, const char *path)
{
    static const char *const recs[] = {
        "001_law", "002_medicine", "003_engineering", "004_economics", "005_education",
        "006_agriculture", "007_computer_science", "008_international_relations",
        "009_public_health", "010_environment",
    };
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    int lines = 0;
    for (size_t r = 0; r < sizeof recs / sizeof *recs; r++) {
        char cmd[2048];
        snprintf(cmd, sizeof cmd, "%s align -q -f tsv -o %s ../samples/%s.txt", test_bin(),
                 path_in(dir, "units.tsv"), recs[r]);
        CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
        char *tsv = read_all(path_in(dir, "units.tsv"));
        CU_ASSERT_PTR_NOT_NULL_FATAL(tsv);
        for (int skip = 0; skip < 4; skip++) {
            fprintf(f, "{\"doc\":\"%s#%d\"", recs[r], skip);
            for (int side = 0; side < 2; side++) {
                fprintf(f, ",\"%s\":", side ? "en" : "id");
                char *text = calloc(strlen(tsv) + 1, 1);
                CU_ASSERT_PTR_NOT_NULL_FATAL(text);
                int unit = 0;
                for (char *l = tsv; *l; unit++) {
                    char *nl = strchr(l, '\n'), *tab = strchr(l, '\t');
                    CU_ASSERT_PTR_NOT_NULL_FATAL(nl);
                    CU_ASSERT_FATAL(tab && tab < nl);
                    const char *from = side ? tab + 1 : l;
                    size_t len = side ? strcspn(from, "\t\n") : (size_t)(tab - l);
                    if (unit >= skip && len)
                        snprintf(text + strlen(text), strlen(tsv) + 1 - strlen(text), "%s%.*s",
                                 *text ? " " : "", (int)len, from);
                    l = nl + 1;
                }
                json_put(f, text);
                free(text);
            }
            fputs("}\n", f);
            if (++lines == 17) { /* an English abstract missing */
                fputs("{\"doc\":\"only_id\",\"id\":\"Penelitian ini dilakukan di Bogor.\",\"en\":\"\"}\n", f);
                lines++;
            }
        }
        free(tsv);
    }
    fclose(f);
    return lines;
}

static int have_gnu_parallel(void)
{
    return test_run("parallel --version 2>/dev/null | grep -q 'GNU parallel'") == 0;
}

/* One run against three shards run side by side (GNU parallel, as the
 * README's recipe does across machines) and merged: the same bytes, in
 * every format. */
static void test_shard_merge_same_bytes(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char batch[512], cmd[4096];
    snprintf(batch, sizeof batch, "%s", path_in(d, "batch.jsonl"));
    CU_ASSERT_EQUAL_FATAL(write_sample_batch(d, batch), 41);
    int par = have_gnu_parallel();
    if (!par)
        printf("\n  (GNU parallel not installed: the three shards ran one after another)");
    static const char *const fmts[] = { "tmx", "tsv", "json", "moses", "beads" };
    for (size_t k = 0; k < sizeof fmts / sizeof *fmts; k++) {
        const char *fmt = fmts[k];
        int moses = strcmp(fmt, "moses") == 0, tsv = strcmp(fmt, "tsv") == 0;
        /* the TSV round also shards the list of unaligned sentences */
        snprintf(cmd, sizeof cmd, "SOURCE_DATE_EPOCH=0 %s align -q --skip-bad -f %s -o %s/single.%s "
                 "%s%s%s %s 2>%s", test_bin(), fmt, d, fmt, tsv ? "--unaligned " : "",
                 tsv ? d : "", tsv ? "/single.un" : "", batch, path_in(d, "err"));
        CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
        CU_ASSERT_PTR_NOT_NULL(strstr(slurp(path_in(d, "err")),
                                      "skipped 1 of 41 documents with bad input"));
        char one[2048];
        snprintf(one, sizeof one, "%s align -q --skip-bad --shard {}/3 -f %s -o %s/part.{}.%s %s%s%s %s",
                 test_bin(), fmt, d, fmt, tsv ? "--unaligned " : "", tsv ? d : "",
                 tsv ? "/part.{}.un" : "", batch);
        if (par) {
            snprintf(cmd, sizeof cmd, "SOURCE_DATE_EPOCH=0 parallel -j2 %s ::: 1 2 3 2>%s", one,
                     path_in(d, "err"));
        } else {
            char loop[2048]; /* the same commands, one after another */
            snprintf(loop, sizeof loop, "%s", one);
            for (char *b; (b = strstr(loop, "{}"));)
                memcpy(b, "$k", 2);
            snprintf(cmd, sizeof cmd, "for k in 1 2 3; do SOURCE_DATE_EPOCH=0 %s || exit 1; done 2>%s",
                     loop, path_in(d, "err"));
        }
        CU_ASSERT_EQUAL(test_run(cmd), 0);
        snprintf(cmd, sizeof cmd, "%s merge -o %s/merged.%s %s/part.1.%s %s/part.2.%s %s/part.3.%s",
                 test_bin(), d, fmt, d, fmt, d, fmt, d, fmt);
        CU_ASSERT_EQUAL(test_run(cmd), 0);
        if (moses)
            snprintf(cmd, sizeof cmd, "cmp %s/single.moses.id %s/merged.moses.id && "
                     "cmp %s/single.moses.en %s/merged.moses.en", d, d, d, d);
        else
            snprintf(cmd, sizeof cmd, "cmp %s/single.%s %s/merged.%s", d, fmt, d, fmt);
        int same = test_run(cmd);
        if (same != 0)
            printf("\n  %s: the merged shards differ from the single run", fmt);
        CU_ASSERT_EQUAL(same, 0);
        /* each shard did its own third of the work, not the whole */
        snprintf(cmd, sizeof cmd, "%s/single.%s%s", d, fmt, moses ? ".id" : "");
        long whole = size_of(cmd), parts = 0;
        for (int s = 1; s <= 3; s++) {
            snprintf(cmd, sizeof cmd, "%s/part.%d.%s%s", d, s, fmt, moses ? ".id" : "");
            long n = size_of(cmd);
            CU_ASSERT(n > 0 && n < whole * 2 / 3);
            parts += n;
        }
        if (strcmp(fmt, "tmx") == 0) { /* the header and footer thrice */
            char *m = read_all(path_in(d, "merged.tmx")), *p1 = read_all(path_in(d, "part.1.tmx"));
            CU_ASSERT(m && p1 && count(m, "<tu>") > 400 && count(p1, "<tu>") < count(m, "<tu>") / 2);
            CU_ASSERT(m && !strstr(m, "only_id") && strstr(m, "010_environment#3"));
            free(m);
            free(p1);
            CU_ASSERT(is_wellformed_xml(path_in(d, "merged.tmx")));
        } else {
            CU_ASSERT_EQUAL(parts, whole - (strcmp(fmt, "beads") == 0 ? 2 : 0));
        }
        if (tsv) {
            CU_ASSERT(size_of(path_in(d, "single.un")) > 0);
            snprintf(cmd, sizeof cmd, "%s merge -o %s/merged.un %s/part.1.un %s/part.2.un "
                     "%s/part.3.un && cmp %s/single.un %s/merged.un", test_bin(), d, d, d, d, d, d);
            CU_ASSERT_EQUAL(test_run(cmd), 0);
        }
    }
    /* Moses shards named by their indexes, as a shell glob finds them */
    snprintf(cmd, sizeof cmd, "%s merge -o %s/glob %s/part.*.moses.shard && cmp %s/single.moses.en "
             "%s/glob.en", test_bin(), d, d, d, d);
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    rmtmp(d);
}

/* Ladders of a directory batch in which a record has no English abstract:
 * more shards than fit evenly, one merged output, the same bytes. */
static void test_shard_merge_directory(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "mkdir %s/recs && cp ../samples/0*.txt %s/recs", d, d);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    const char *rec = "Judul = Title / A\n\nABSTRAK\n\nPenelitian ini dilakukan di Bogor.\n";
    write_file(path_in(d, "recs/005_b_only_id.txt"), rec, strlen(rec));
    snprintf(cmd, sizeof cmd, "%s align -q -f ladder -o %s/single %s/recs 2>/dev/null", test_bin(), d, d);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    for (int k = 1; k <= 4; k++) {
        snprintf(cmd, sizeof cmd, "%s align -q -f ladder --shard %d/4 -o %s/p%d %s/recs 2>/dev/null",
                 test_bin(), k, d, k, d);
        CU_ASSERT_EQUAL(test_run(cmd), 0);
    }
    /* the record without English is document 4 (0-based, in name order):
     * shard 1 leaves it out of its index */
    const char *ix = slurp(path_in(d, "p1.shard"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ix, "format ladder\nshard 1/4\nheader 0\ndoc 0 "));
    CU_ASSERT_PTR_NULL(strstr(ix, "\ndoc 4 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(ix, "\ndoc 8 "));
    CU_ASSERT_PTR_NOT_NULL(strstr(ix, "\nfooter 0\ninput 11\n"));
    /* shards given in any order */
    snprintf(cmd, sizeof cmd, "%s merge -o %s/merged %s/p3 %s/p1 %s/p4 %s/p2 && cmp %s/single %s/merged",
             test_bin(), d, d, d, d, d, d, d);
    CU_ASSERT_EQUAL(test_run(cmd), 0);
    rmtmp(d);
}

static void expect_usage(const char *args, const char *want_in_err)
{
    CU_ASSERT_EQUAL(run(args), 2);
    const char *err = slurp(TMP ".err");
    if (!strstr(err, want_in_err))
        printf("\n  selaras %s: stderr:\n%s", args, err);
    CU_ASSERT_PTR_NOT_NULL(strstr(err, want_in_err));
}

static void test_shard_errors(void)
{
    expect_usage("align --shard 0/3 -o " TMP ".s ../samples", "--shard takes K/N");
    expect_usage("align --shard 4/3 -o " TMP ".s ../samples", "--shard takes K/N");
    expect_usage("align --shard 2 -o " TMP ".s ../samples", "--shard takes K/N");
    expect_usage("align --shard x/y -o " TMP ".s ../samples", "--shard takes K/N");
    expect_usage("align --shard 1/3 ../samples", "--shard needs -o FILE");
    expect_usage("align --shard 1/3 -o - ../samples", "--shard needs -o FILE");
    expect_usage("align --shard 1/3 -o " TMP ".s ../samples/001_law.txt", "needs a batch");
    CU_ASSERT_EQUAL(test_run("test -e " TMP ".s || test -e " TMP ".s.shard"), 1);

    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char cmd[4096], args[2048];
    for (int k = 1; k <= 3; k++) {
        snprintf(cmd, sizeof cmd, "%s align -q -f tsv --shard %d/3 -o %s/part.%d ../samples",
                 test_bin(), k, d, k);
        CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    }
    snprintf(cmd, sizeof cmd, "%s align -q -f tsv --shard 2/2 -o %s/half.2 ../samples", test_bin(), d);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    /* the three together merge */
    snprintf(args, sizeof args, "merge -o %s/ok %s/part.1 %s/part.2 %s/part.3", d, d, d, d);
    CU_ASSERT_EQUAL(run(args), 0);
    /* a shard left out */
    snprintf(args, sizeof args, "merge -o %s/merged %s/part.1 %s/part.3", d, d, d);
    expect_usage(args, "shard 2/3 is missing");
    /* a shard that is not there */
    snprintf(args, sizeof args, "merge -o %s/merged %s/part.1 %s/part.2 %s/part.4", d, d, d, d);
    snprintf(cmd, sizeof cmd, "%s/part.4.shard: cannot open", d);
    expect_usage(args, cmd);
    /* a shard of another split */
    snprintf(args, sizeof args, "merge -o %s/merged %s/part.1 %s/half.2 %s/part.3", d, d, d, d);
    snprintf(cmd, sizeof cmd, "%s/half.2.shard: shard 2/2, but %s/part.1.shard is one of 3", d, d);
    expect_usage(args, cmd);
    /* a shard twice */
    snprintf(args, sizeof args, "merge -o %s/merged %s/part.1 %s/part.2 %s/part.2", d, d, d, d);
    expect_usage(args, "shard 2/3, which");
    /* an output replaced by another run, its index left as it was */
    snprintf(cmd, sizeof cmd, "%s align -q -f tsv -o %s/part.2 ../samples/001_law.txt", test_bin(), d);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    snprintf(args, sizeof args, "merge -o %s/merged %s/part.1 %s/part.2 %s/part.3", d, d, d, d);
    snprintf(cmd, sizeof cmd, "%s/part.2: ", d);
    expect_usage(args, cmd);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "different runs"));
    /* an index cut short */
    snprintf(cmd, sizeof cmd, "head -n 4 %s/part.3.shard > %s/cut.shard && cp %s/part.3 %s/cut",
             d, d, d, d);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    snprintf(args, sizeof args, "merge -o %s/merged %s/part.1 %s/part.2 %s/cut", d, d, d, d);
    snprintf(cmd, sizeof cmd, "%s/cut.shard:5: cut short", d);
    expect_usage(args, cmd);
    /* no merge, no output */
    CU_ASSERT_EQUAL(size_of(path_in(d, "merged")), -1);
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);
    rmtmp(d);
}

/* ---- keyword glossaries -------------------------------------------------- */

/* How many times part occurs in s. */
static int occurrences(const char *s, const char *part)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, part)); p += strlen(part))
        n++;
    return n;
}


/* ---- abbreviations learned by align and check ------------------------------ */

/* Invented abstracts: parallel sentences of law, medicine, statistics and
 * information retrieval, some on abbreviations no list names ("Kep. 12",
 * "Thm. 3"), before numbers, mid-sentence. */
static const char *const abbr_pairs[][2] = {
    { "Penetapan tarif tersebut didasarkan pada Kep. %d Tahun %d tentang pelayanan publik.",
      "The tariff was set under Decree %d of %d on public services." },
    { "Sebagian besar data mengikuti Kep. %d yang diterbitkan oleh kementerian terkait.",
      "Most of the data follow Decree %d issued by the ministry concerned." },
    { "Konsistensi penduga dibuktikan dengan Thm. %d dalam lampiran.",
      "The consistency of the estimator follows from Thm. %d in the appendix." },
    { "Batas galat pada Thm. %d berlaku untuk setiap fungsi kerugian yang konveks.",
      "The error bound of Thm. %d holds for every convex loss function." },
};
static const char *const fill_pairs[][2] = {
    { "Hasil penelitian menunjukkan peningkatan yang jelas dibandingkan dengan metode sebelumnya.",
      "The results show a clear improvement over the previous method." },
    { "Data dikumpulkan dari tiga rumah sakit daerah antara tahun %d dan %d.",
      "The data were collected from three regional hospitals between %d and %d." },
    { "Penelitian ini mengkaji bagaimana pengadilan menafsirkan kewajiban kehati-hatian dalam "
      "kasus kelalaian medis.",
      "This study examines how courts interpret the duty of care in medical negligence cases." },
    { "Sebagian besar responden menyatakan bahwa prosedur baru lebih mudah diikuti.",
      "Most respondents stated that the new procedure was easier to follow." },
    { "Analisis menggunakan data panel dari %d kabupaten selama %d bulan.",
      "The analysis uses panel data from %d districts over %d months." },
    { "Temuan ini sejalan dengan penelitian sebelumnya di wilayah pesisir.",
      "These findings are in line with earlier studies in coastal areas." },
    { "Kebijakan ini perlu didukung oleh pengawasan yang lebih ketat di tingkat daerah.",
      "This policy needs to be supported by stricter supervision at the regional level." },
    { "Model regresi yang digunakan mampu menjelaskan sebagian besar variasi pendapatan rumah "
      "tangga.",
      "The regression model explains most of the variation in household income." },
    { "Penelitian selanjutnya perlu menguji model ini pada data yang lebih besar.",
      "Future research should test this model on a larger data set." },
    { "Pengujian struktur menunjukkan bahwa balok memenuhi persyaratan desain.",
      "Structural tests showed that the beam met the design requirements." },
};

#define ABBR TMP "_abbr"

/* ndocs records in ABBR/DIR/ (docNNN.txt), the same documents as JSON
 * Lines (ABBR/DIR.jsonl), and their abstracts as two texts, a paragraph a
 * document (ABBR/DIR.id, ABBR/DIR.en). Six sentences a document, two of
 * them on an abbreviation. */
static void abbr_batch(const char *dir, int ndocs)
{
    char path[512];
    snprintf(path, sizeof path, "mkdir -p " ABBR "/%s", dir);
    CU_ASSERT_EQUAL_FATAL(test_run(path), 0);
    snprintf(path, sizeof path, ABBR "/%s.jsonl", dir);
    FILE *js = fopen(path, "w");
    snprintf(path, sizeof path, ABBR "/%s.id", dir);
    FILE *pid = fopen(path, "w");
    snprintf(path, sizeof path, ABBR "/%s.en", dir);
    FILE *pen = fopen(path, "w");
    CU_ASSERT_FATAL(js && pid && pen);
    unsigned seed = 7;
    for (int d = 0; d < ndocs; d++) {
        char text[2][2048];
        size_t n[2] = { 0, 0 };
        for (int k = 0; k < 6; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 8;
            const char *const *pair = k == 1 || k == 4 ? abbr_pairs[(r + (unsigned)k) % 4]
                                                        : fill_pairs[(r + (unsigned)k) % 10];
            int a = 2 + (int)(r % 57), b = 1990 + (int)(r % 30);
            for (int l = 0; l < 2; l++) {
                if (k)
                    text[l][n[l]++] = ' ';
                /* the template's %d, filled with a then b */
                int nth = 0;
                for (const char *t = pair[l]; *t && n[l] + 16 < sizeof text[l]; t++) {
                    if (t[0] == '%' && t[1] == 'd') {
                        n[l] += (size_t)snprintf(text[l] + n[l], 16, "%d", nth++ ? b : a);
                        t++;
                    } else {
                        text[l][n[l]++] = *t;
                    }
                }
                text[l][n[l]] = '\0';
            }
        }
        snprintf(path, sizeof path, ABBR "/%s/doc%03d.txt", dir, d);
        FILE *f = fopen(path, "w");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        fprintf(f, "Judul dokumen %d = Title of document %d / Penulis %d\n\nPenulis %d, author\n\n"
                   "Abstrak\n\n%s\n\nKata kunci: penelitian; data\n\nABSTRACT\n\n%s\n\n"
                   "Keywords: research; data\n",
                d, d, d, d, text[0], text[1]);
        fclose(f);
        fprintf(js, "{\"doc\": \"doc%03d\", \"id\": \"%s\", \"en\": \"%s\"}\n", d, text[0], text[1]);
        fprintf(pid, "%s%s\n", d ? "\n" : "", text[0]);
        fprintf(pen, "%s%s\n", d ? "\n" : "", text[1]);
    }
    fclose(js);
    fclose(pid);
    fclose(pen);
}

/* Does the output of the last run hold a unit whose source ends with
 * "Thm." (a sentence cut after the abbreviation)? When not, it holds the
 * abbreviation inside a unit. */
static int cut_after_thm(void)
{
    char *out = read_all(TMP ".out");
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    int cut = strstr(out, "Thm.\t") != NULL;
    if (!cut) /* and not for want of documents */
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "Thm. "));
    free(out);
    return cut;
}

static void test_align_learn_abbr(void)
{
    CU_ASSERT_EQUAL_FATAL(test_run("rm -rf " ABBR), 0);
    abbr_batch("big", 40);  /* some 2500 words a language */
    abbr_batch("small", 8); /* below the threshold */
    /* a directory of records: learned by default, the lists only without */
    CU_ASSERT_EQUAL(run("align -f tsv " ABBR "/big"), 0);
    CU_ASSERT(!cut_after_thm());
    CU_ASSERT_EQUAL(run("align -f tsv --no-learn-abbr " ABBR "/big"), 0);
    CU_ASSERT(cut_after_thm());
    CU_ASSERT_EQUAL(test_run("cp " TMP ".out " ABBR "/nolearn.tsv"), 0);
    /* --show-learned names what was learned, for each language */
    CU_ASSERT_EQUAL(run("align -q --show-learned -f tsv -o " ABBR "/out.tsv " ABBR "/big"), 0);
    const char *err = slurp(TMP ".err");
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "learned abbreviations (id): "));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "learned abbreviations (en): "));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "  learned Kep. "));
    CU_ASSERT_PTR_NOT_NULL(strstr(err, "  learned Thm. "));
    /* shown but not used */
    CU_ASSERT_EQUAL(run("align --no-learn-abbr --show-learned -f tsv " ABBR "/big"), 0);
    CU_ASSERT(cut_after_thm());
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "  learned Thm. "));
    /* JSON Lines, the two texts, with --learn's two alignments, -j 1 */
    CU_ASSERT_EQUAL(run("align -f tsv " ABBR "/big.jsonl"), 0);
    CU_ASSERT(!cut_after_thm());
    CU_ASSERT_EQUAL(run("align -f tsv --no-learn-abbr " ABBR "/big.jsonl"), 0);
    CU_ASSERT(cut_after_thm());
    CU_ASSERT_EQUAL(run("align -f tsv " ABBR "/big.id " ABBR "/big.en"), 0);
    CU_ASSERT(!cut_after_thm());
    CU_ASSERT_EQUAL(run("align -q --learn -j 1 -f tsv " ABBR "/big"), 0);
    CU_ASSERT(!cut_after_thm());
    /* stdin is read once: nothing learned, and --show-learned says why */
    CU_ASSERT_EQUAL(run("align --jsonl --show-learned -f tsv - < " ABBR "/big.jsonl"), 0);
    CU_ASSERT(cut_after_thm());
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "learned abbreviations: none (stdin"));
    /* pre-split text is not split */
    CU_ASSERT_EQUAL(run("align --presplit --show-learned -f tsv " ABBR "/big.jsonl"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "learned abbreviations: none (--presplit"));
    CU_ASSERT_EQUAL(test_run("cp " TMP ".out " ABBR "/presplit.tsv"), 0);
    CU_ASSERT_EQUAL(run("align --presplit --no-learn-abbr -f tsv " ABBR "/big.jsonl"), 0);
    CU_ASSERT_EQUAL(test_run("cmp -s " TMP ".out " ABBR "/presplit.tsv"), 0);
    /* below the threshold nothing changes */
    CU_ASSERT_EQUAL(run("align --show-learned -f tsv " ABBR "/small"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "(too few to learn from: nothing used)"));
    CU_ASSERT_EQUAL(test_run("cp " TMP ".out " ABBR "/small.tsv"), 0);
    CU_ASSERT_EQUAL(run("align --no-learn-abbr -f tsv " ABBR "/small"), 0);
    CU_ASSERT_EQUAL(test_run("cmp -s " TMP ".out " ABBR "/small.tsv"), 0);
    /* check learns as align does */
    CU_ASSERT_EQUAL(run("check -q --fail-on never --show-learned " ABBR "/big"), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "  learned Kep. "));
    CU_ASSERT_EQUAL(run("check -q --fail-on never --no-learn-abbr " ABBR "/big"), 0);
    CU_ASSERT_EQUAL(test_run("rm -rf " ABBR), 0);
}

/* align --glossary: the keyword pairs of every record as TBX-Basic (read
 * back) or OmegaT's glossary (by the file name or --glossary-format), the
 * same bytes with any thread count, written like every output (replaced
 * only when the run succeeds), and the usage errors. */
static void test_align_glossary(void)
{
    const char *d = mktmp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char args[2048];
    /* TBX-Basic: well-formed, one termEntry per pair, read back */
    const char *tbx = path_in(d, "kw.tbx");
    snprintf(args, sizeof args, "align -v -o %s/mem.tmx --glossary %s ../samples", d, tbx);
    CU_ASSERT_EQUAL_FATAL(run(args), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "wrote 34 term pairs from 8 documents"));
    CU_ASSERT(is_wellformed_xml(tbx));
    xmlDoc *doc = xmlReadFile(tbx, NULL, XML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    xmlNode *root = xmlDocGetRootElement(doc);
    CU_ASSERT_STRING_EQUAL((const char *)root->name, "martif");
    int nentries = 0, pair_found = 0;
    for (xmlNode *t = root->children; t; t = t->next) {
        if (t->type != XML_ELEMENT_NODE || strcmp((const char *)t->name, "text") != 0)
            continue;
        for (xmlNode *b = t->children; b; b = b->next)
            for (xmlNode *e = b->children; e; e = e->next) {
                if (e->type != XML_ELEMENT_NODE)
                    continue;
                CU_ASSERT_STRING_EQUAL((const char *)e->name, "termEntry");
                nentries++;
                xmlChar *text = xmlNodeGetContent(e);
                if (strstr((const char *)text, "kewenangan daerah") &&
                    strstr((const char *)text, "regional authority"))
                    pair_found++;
                xmlFree(text);
            }
    }
    xmlFreeDoc(doc);
    CU_ASSERT_EQUAL(nentries, 34);
    CU_ASSERT_EQUAL(pair_found, 1);
    char *a = read_all(tbx);
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "<martif type=\"TBX-Basic\" xml:lang=\"en\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "<langSet xml:lang=\"id\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "<term>SMP</term>"));
    /* any thread count, the same bytes */
    snprintf(args, sizeof args, "align -j 1 -q -o %s/mem1.tmx --glossary %s/kw1.tbx ../samples", d, d);
    CU_ASSERT_EQUAL(run(args), 0);
    char *b = read_all(path_in(d, "kw1.tbx"));
    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);

    /* OmegaT's format: by the name, or asked for */
    snprintf(args, sizeof args, "align -q -f tsv --glossary %s/kw.utf8 ../samples", d);
    CU_ASSERT_EQUAL(run(args), 0);
    a = read_all(path_in(d, "kw.utf8"));
    CU_ASSERT_EQUAL(occurrences(a, "\n"), 34);
    CU_ASSERT_EQUAL(occurrences(a, "\t"), 68);
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\nSMP\tjunior high school\tkeywords of 005_education\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "\npupuk hayati\tbiofertiliser\tkeywords of 006_agriculture\n"));
    snprintf(args, sizeof args, "align -q --glossary-format omegat --glossary %s/kw.gl ../samples", d);
    CU_ASSERT_EQUAL(run(args), 0);
    b = read_all(path_in(d, "kw.gl"));
    CU_ASSERT_STRING_EQUAL(a, b);
    free(b);
    snprintf(args, sizeof args, "align -q --glossary-format tbx --glossary %s/kw.txt ../samples", d);
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT(is_wellformed_xml(path_in(d, "kw.txt")));
    /* on stdout when the units go to a file */
    snprintf(args, sizeof args, "align -q -o %s/mem.tmx --glossary-format omegat --glossary - "
             "../samples", d);
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), a);
    free(a);

    /* lists of different lengths: what the words pair, and a note */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sed 's/^Keywords: .*/Keywords: decentralisation; Law No. 23 of "
             "2014; mining/' ../samples/001_law.txt > %s/uneven.txt", d);
    CU_ASSERT_EQUAL_FATAL(test_run(cmd), 0);
    snprintf(args, sizeof args, "align -o %s/u.tmx --glossary %s/u.tsv %s/uneven.txt", d, d, d);
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "glossary: 1 keyword list of different "
                                                     "lengths: 1 term without a counterpart left out"));
    a = read_all(path_in(d, "u.tsv"));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "desentralisasi\tdecentralisation\t"));
    CU_ASSERT_PTR_NOT_NULL(strstr(a, "UU No. 23 Tahun 2014\tLaw No. 23 of 2014\t"));
    CU_ASSERT_PTR_NULL(strstr(a, "kewenangan daerah"));
    free(a);
    /* no keywords: an empty glossary, and a note */
    snprintf(args, sizeof args, "align -o %s/n.tmx --glossary %s/n.tsv ../samples/008_international_relations.txt", d, d);
    CU_ASSERT_EQUAL(run(args), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "no keyword pairs"));
    CU_ASSERT_EQUAL(size_of(path_in(d, "n.tsv")), 0);

    /* a failed run leaves the glossary as it was, with no temporary file */
    write_file(tbx, "old", 3);
    snprintf(args, sizeof args, "align -o %s/mem.tmx --glossary %s ../samples/001_law.txt %s/none.txt",
             d, tbx, d);
    CU_ASSERT_EQUAL(run(args), 2);
    snprintf(args, sizeof args, "align --records -o %s/mem.tmx --glossary %s ../samples/001_law.txt "
             "%s/none.txt", d, tbx, d);
    CU_ASSERT_EQUAL(run(args), 2);
    a = read_all(tbx);
    CU_ASSERT_STRING_EQUAL(a, "old");
    free(a);
    CU_ASSERT_EQUAL(entries(d, ".tmp."), 0);

    /* usage errors */
    snprintf(args, sizeof args, "align --glossary-format csv --glossary %s ../samples", tbx);
    CU_ASSERT_EQUAL(run(args), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "--glossary-format takes tbx or omegat"));
    snprintf(args, sizeof args, "align --shard 1/2 -o %s/s.tmx --glossary %s ../samples", d, tbx);
    CU_ASSERT_EQUAL(run(args), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(slurp(TMP ".err"), "--glossary does not go with --shard"));
    CU_ASSERT_EQUAL(run("align --glossary - ../samples"), 2);
    CU_ASSERT_STRING_EQUAL(slurp(TMP ".out"), "");
    rmtmp(d);
}

int test_cli_register(void)
{
    CU_pSuite s = CU_add_suite("cli", NULL, NULL);
    if (!s || !CU_add_test(s, "bad input", test_bad_input) ||
        !CU_add_test(s, "usage errors", test_usage_errors) ||
        !CU_add_test(s, "--help lists every option the parser accepts",
                     test_help_lists_every_option) ||
        !CU_add_test(s, "-V, --version", test_version) ||
        !CU_add_test(s, "man page: lints clean", test_man_page_lint) ||
        !CU_add_test(s, "man page: every option of every command", test_man_page_options) ||
        !CU_add_test(s, "make install: program, manual, completion", test_install) ||
        !CU_add_test(s, "bash completion", test_bash_completion) ||
        !CU_add_test(s, "crlf and bom", test_crlf_bom) ||
        !CU_add_test(s, "stdin and -o", test_stdin_and_output_file) ||
        !CU_add_test(s, "gold figures", test_gold_figures) ||
        !CU_add_test(s, "learned abbreviation figures", test_learned_figures) ||
        !CU_add_test(s, "--rules DIR", test_rules_override) ||
        !CU_add_test(s, "OmegaT translates every sentence from the TMX", test_omegat) ||
        !CU_add_test(s, "align: record to TMX", test_align_record_tmx) ||
        !CU_add_test(s, "align: any thread count, same bytes", test_align_threads_identical) ||
        !CU_add_test(s, "align: formats", test_align_formats) ||
        !CU_add_test(s, "align: --text verbatim|normalized", test_align_text) ||
        !CU_add_test(s, "align: presplit", test_align_presplit) ||
        !CU_add_test(s, "align: another language pair", test_other_languages) ||
        !CU_add_test(s, "align: bad input, no output", test_align_bad_input_no_output) ||
        !CU_add_test(s, "-o: mode from the umask or the replaced file", test_out_mode) ||
        !CU_add_test(s, "-o: symbolic links kept, targets replaced", test_out_symlink) ||
        !CU_add_test(s, "-o: a FIFO is written in place", test_out_fifo) ||
        !CU_add_test(s, "-o: a directory is an error", test_out_directory) ||
        !CU_add_test(s, "write errors: one message, exit 1", test_write_error_reported_once) ||
        !CU_add_test(s, "SIGTERM: no temporary file, exit 143", test_sigterm_removes_temporary) ||
        !CU_add_test(s, "SIGTERM: stdout TMX closed", test_sigterm_closes_stdout) ||
        !CU_add_test(s, "JSON Lines: a bad line mid-batch", test_jsonl_bad_line_mid_batch) ||
        !CU_add_test(s, "JSON Lines: --skip-bad", test_skip_bad) ||
        !CU_add_test(s, "records without both abstracts", test_missing_abstract) ||
        !CU_add_test(s, "align: overlapping title separators", test_overlapping_title_separators) ||
        !CU_add_test(s, "align: a page of search results", test_catalogue_page) ||
        !CU_add_test(s, "align --shard, merge: the bytes of one run", test_shard_merge_same_bytes) ||
        !CU_add_test(s, "align --shard, merge: a directory, ladders", test_shard_merge_directory) ||
        !CU_add_test(s, "align --shard, merge: errors", test_shard_errors) ||
        !CU_add_test(s, "align --glossary: TBX-Basic and OmegaT's glossary", test_align_glossary) ||
        !CU_add_test(s, "align, check: abbreviations learned from the input",
                     test_align_learn_abbr))
        return -1;
    return 0;
}
