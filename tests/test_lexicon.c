/* test_lexicon.c — lexicon loading (TSV, hunalign, dictd), errors, lookups,
 * several sources in one lexicon and the built-in core lexicon. */
#include "tests.h"
#include "selaras/lexicon.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* A file under /tmp, unique to this process. */
static const char *tmp_path(const char *name)
{
    static char buf[8][256];
    static int k;
    char *b = buf[k++ % 8];
    snprintf(b, sizeof buf[0], "/tmp/selaras-lex-%ld-%s", (long)getpid(), name);
    return b;
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static int write_str(const char *path, const char *s) { return write_file(path, s, strlen(s)); }

/* The Snowball stem of word, as the lexicon computes it. */
static const char *stem(const char *lang, const char *word)
{
    static char buf[8][128];
    static int k;
    char *b = buf[k++ % 8];
    struct sb_stemmer *st = sb_stemmer_new(lang, "UTF_8");
    if (!st)
        return "";
    const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)word, (int)strlen(word));
    snprintf(b, sizeof buf[0], "%s", s ? (const char *)s : "");
    sb_stemmer_delete(st);
    return b;
}

static size_t lookup(const sl_lexicon *lex, const char *src, const char *const **out)
{
    return sl_lexicon_lookup(lex, src, strlen(src), out);
}

/* Does the lookup of src list tgt? */
static int maps(const sl_lexicon *lex, const char *src, const char *tgt)
{
    const char *const *out;
    size_t n = lookup(lex, src, &out);
    for (size_t i = 0; i < n; i++)
        if (strcmp(out[i], tgt) == 0)
            return 1;
    return 0;
}

static size_t count(const sl_lexicon *lex, const char *src)
{
    const char *const *out;
    return lookup(lex, src, &out);
}

static sl_lexicon *load_str(const char *name, const char *text, enum sl_lex_format fmt,
                            const char *sl, const char *tl, sl_error *err)
{
    const char *path = tmp_path(name);
    if (write_str(path, text))
        return NULL;
    sl_lexicon *lex = sl_lexicon_load(path, fmt, sl, tl, err);
    remove(path);
    return lex;
}

/* ---- TSV and hunalign ------------------------------------------------- */

static void test_tsv(void)
{
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = load_str("a.tsv",
                               "# Indonesian<TAB>English\n"
                               "pemerintah\tgovernment\n"
                               "penelitian\tresearch, study\n"
                               "kota\tcity; town\n"
                               "\n"
                               "kota besar\tmetropolis\n"
                               "rumah sakit jiwa umum\thospital\n"
                               "gedung\tvery big old house\n"
                               "ibu kota\tcapital city\n"
                               "Kebijakan\tTo Regulate\n"
                               "pemerintahan\tgovernments\n",
                               SL_LEX_TSV, "indonesian", "english", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(err.code, SL_OK);
    /* perintah-govern (twice), eliti-research, eliti-studi, kota-citi,
     * kota-town, kota-metropoli, besar-metropoli, bijak-regul */
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 8);
    const char *const *out;
    CU_ASSERT_EQUAL(lookup(lex, stem("id", "pemerintahan"), &out), 1);
    CU_ASSERT(maps(lex, stem("id", "pemerintahan"), stem("en", "governments")));
    CU_ASSERT(maps(lex, stem("id", "penelitian"), "research"));
    CU_ASSERT(maps(lex, stem("id", "penelitian"), stem("en", "study")));
    CU_ASSERT_EQUAL(count(lex, "kota"), 3);
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    CU_ASSERT(maps(lex, "kota", "town"));
    CU_ASSERT(maps(lex, "kota", stem("en", "metropolis")));
    CU_ASSERT(maps(lex, "besar", stem("en", "metropolis")));
    /* four words against one, and two against two, give no pair */
    CU_ASSERT_EQUAL(count(lex, "rumah"), 0);
    CU_ASSERT_EQUAL(count(lex, "gedung"), 0);
    CU_ASSERT_EQUAL(count(lex, "ibu"), 0);
    CU_ASSERT_EQUAL(count(lex, stem("en", "capital")), 0);
    /* lower-cased, and the English infinitive "to" dropped */
    CU_ASSERT_EQUAL(count(lex, stem("id", "kebijakan")), 1);
    CU_ASSERT(maps(lex, stem("id", "kebijakan"), stem("en", "regulate")));
    /* the direction is source -> target */
    CU_ASSERT_EQUAL(count(lex, stem("en", "government")), 0);
    CU_ASSERT(sl_lexicon_has(lex, "kota", 4, "town", 4));
    CU_ASSERT(!sl_lexicon_has(lex, "kota", 4, "research", 8));
    CU_ASSERT(!sl_lexicon_has(lex, "kot", 3, "town", 4));
    CU_ASSERT(sl_lexicon_has(lex, "kotamadya", 4, "townhall", 4)); /* lengths count */
    sl_lexicon_free(lex);
}

static void test_words(void)
{
    sl_error err;
    sl_lexicon *lex = load_str("w.tsv",
                               "\xC3\x89" "COLE\tSCHOOL\r\n"          /* ÉCOLE, CRLF */
                               "(orang) brengsek\tjerk\r\n"
                               "di belakang\tbehind\r\n"
                               "Apel\tThe Apple\r\n"
                               "lalu-lintas\ttraffic\r\n"
                               "milik-nya, punya\tone\xE2\x80\x99s own\r\n", /* one’s */
                               SL_LEX_TSV, NULL, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT(maps(lex, "ecole", "school")); /* lower-cased, accent folded */
    CU_ASSERT_EQUAL(count(lex, "\xC3\xA9" "cole"), 0);
    CU_ASSERT_EQUAL(count(lex, "\xC3\x89" "COLE"), 0);
    CU_ASSERT(maps(lex, "brengsek", "jerk"));
    CU_ASSERT_EQUAL(count(lex, "orang"), 0);   /* parenthesised */
    CU_ASSERT(maps(lex, "belakang", "behind"));
    CU_ASSERT_EQUAL(count(lex, "di"), 0);      /* Indonesian stop word */
    CU_ASSERT_EQUAL(count(lex, "apel"), 1);    /* "the" dropped */
    CU_ASSERT(maps(lex, "apel", "apple"));
    CU_ASSERT(maps(lex, "lalu-lintas", "traffic"));
    CU_ASSERT(maps(lex, "punya", "one's"));    /* typographic apostrophe */
    CU_ASSERT(maps(lex, "punya", "own"));
    CU_ASSERT(maps(lex, "milik-nya", "own"));
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 9);
    sl_lexicon_free(lex);
}

/* Entries read as the aligner reads text (words.h): digits are no words,
 * so a number alone is no key and "covid-19" is covid; accents are folded
 * however they are written; joiners and reduplications as in the text. */
static void test_word_keys(void)
{
    sl_error err;
    sl_lexicon *lex = load_str("k.tsv",
                               "20\ttwenty\n"
                               "1.000\tthousand\n"
                               "abad ke-20\ttwentieth century\n"
                               "penyakit\tCOVID\xE2\x80\x91" "19\n" /* U+2011 */
                               "covid-19\tcovid\n"
                               "kafe\tcafe\xCC\x81\n"                 /* e + U+0301 */
                               "Kafe\xE2\x80\x90" "kafe\tCAF\xC3\x89\n" /* U+2010, É */
                               "tahun\t2019\n",
                               SL_LEX_TSV, NULL, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(count(lex, "20"), 0);
    CU_ASSERT_EQUAL(count(lex, "1.000"), 0);
    CU_ASSERT_EQUAL(count(lex, "1"), 0);
    CU_ASSERT_EQUAL(count(lex, "000"), 0);
    CU_ASSERT_EQUAL(count(lex, "ke-20"), 0);
    CU_ASSERT_EQUAL(count(lex, "ke"), 0);     /* left a stop word */
    CU_ASSERT_EQUAL(count(lex, "tahun"), 0);  /* its translation was a number */
    CU_ASSERT_EQUAL(count(lex, "abad"), 2);   /* one word against two */
    CU_ASSERT(maps(lex, "abad", "century"));  /* no languages: no stemming */
    CU_ASSERT(maps(lex, "abad", "twentieth"));
    CU_ASSERT_EQUAL(count(lex, "penyakit"), 1);
    CU_ASSERT(maps(lex, "penyakit", "covid"));
    CU_ASSERT(maps(lex, "covid", "covid"));
    CU_ASSERT_EQUAL(count(lex, "covid-19"), 0);
    CU_ASSERT(!sl_lexicon_has(lex, "penyakit", 8, "covid-19", 8));
    CU_ASSERT_EQUAL(count(lex, "kafe"), 1);   /* both entries: one pair */
    CU_ASSERT_EQUAL(count(lex, "kafe-kafe"), 0);
    CU_ASSERT(maps(lex, "kafe", "cafe"));
    /* abad-century, abad-twentieth, penyakit-covid, covid-covid, kafe-cafe */
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 5);
    sl_lexicon_free(lex);
}

static void test_hunalign(void)
{
    sl_error err;
    sl_lexicon *lex = load_str("h.dic",
                               "government @ pemerintah\n"
                               "research @ penelitian\n"
                               "# a comment\n"
                               "city @ kota\n"
                               "big city @ kota\n",
                               SL_LEX_HUNALIGN, "id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT(maps(lex, stem("id", "pemerintahan"), stem("en", "governments")));
    CU_ASSERT(maps(lex, stem("id", "penelitian"), "research"));
    CU_ASSERT_EQUAL(count(lex, "kota"), 2);
    CU_ASSERT(maps(lex, "kota", "big"));
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    CU_ASSERT_EQUAL(count(lex, "research"), 0); /* the target is on the left */
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 4);
    sl_lexicon_free(lex);
}

/* ---- errors ----------------------------------------------------------- */

static void expect_einput(const char *text, enum sl_lex_format fmt, long line)
{
    const char *path = tmp_path("bad.txt");
    CU_ASSERT_FATAL(write_str(path, text) == 0);
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = sl_lexicon_load(path, fmt, "id", "en", &err);
    CU_ASSERT_PTR_NULL(lex);
    CU_ASSERT_EQUAL(err.code, SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, line);
    CU_ASSERT_STRING_EQUAL(err.file, path);
    sl_lexicon_free(lex);
    remove(path);
}

static void test_malformed(void)
{
    /* no tab */
    expect_einput("kota\tcity\npemerintah\tgovernment\npenelitian research\n", SL_LEX_TSV, 3);
    /* an empty side */
    expect_einput("# c\n\nkota\t\n", SL_LEX_TSV, 3);
    expect_einput("kota\tcity\n  \tgovernment\n", SL_LEX_TSV, 2);
    /* invalid UTF-8 */
    expect_einput("kota\tcity\nk\xFFota\tcity\n", SL_LEX_TSV, 2);
    /* hunalign without " @ ", and with an empty side */
    expect_einput("city @ kota\ncity kota\n", SL_LEX_HUNALIGN, 2);
    expect_einput("city @ kota\n\n @ pemerintah\n", SL_LEX_HUNALIGN, 3);
    /* AUTO cannot decide */
    expect_einput("# comment\nkota city\n", SL_LEX_AUTO, 2);
    /* comments only */
    expect_einput("# nothing here\n", SL_LEX_TSV, 0);
}

static void test_missing(void)
{
    sl_error err;
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_lexicon_load("/nonexistent/lex.tsv", SL_LEX_TSV, "id", "en", &err));
    CU_ASSERT_EQUAL(err.code, SL_EIO);
    CU_ASSERT_STRING_EQUAL(err.file, "/nonexistent/lex.tsv");
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_lexicon_load("/nonexistent/lex.index", SL_LEX_AUTO, "id", "en", &err));
    CU_ASSERT_EQUAL(err.code, SL_EIO);
    /* an index without its .dict.dz */
    const char *idx = tmp_path("lonely.index");
    CU_ASSERT_FATAL(write_str(idx, "city\tA\tB\n") == 0);
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_lexicon_load(idx, SL_LEX_DICTD, "id", "en", &err));
    CU_ASSERT_EQUAL(err.code, SL_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.file, "lonely.dict"));
    remove(idx);
    /* an unknown stemmer */
    sl_error_clear(&err);
    sl_lexicon *lex = load_str("s.tsv", "kota\tcity\n", SL_LEX_TSV, "klingon", "en", &err);
    CU_ASSERT_PTR_NULL(lex);
    CU_ASSERT_EQUAL(err.code, SL_EUSAGE);
    sl_lexicon_free(lex);
    sl_lexicon_free(NULL);
    CU_ASSERT_EQUAL(sl_lexicon_size(NULL), 0);
    const char *const *out = (const char *const *)&err;
    CU_ASSERT_EQUAL(sl_lexicon_lookup(NULL, "kota", 4, &out), 0);
    CU_ASSERT_PTR_NULL(out);
}

/* ---- dictd ------------------------------------------------------------ */

static void b64(unsigned long v, char *out)
{
    static const char d[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = d[v % 64];
        v /= 64;
    } while (v);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

/* Entries laid out as FreeDict lays them out (see dictd_entry in lexicon.c). */
static const char *const mini_entries[][2] = {
    {"00databaseinfo", "00-database-info\nA test dictionary, kota city\n"},
    {"city", "city //\xCB\x88sIti// <n>\nkota\nlarge settlement\n"},
    {"coffee", "coffee //\xCB\x88k\xC9\x92" "f.i// <n>\n1. biji kopi, kopi\nbeans\n"
               "2. kopi 2.\nbeverage\n 3.\nplant\n"},
    {"government", "government /x/ <n>\n1. pemerintah\n2. pemerintahan\n"
                   "body with the power to make laws\n"},
    {"i came i saw i conquered", "I came, I saw, I conquered /x/ <phraseologicalUnit>\n"
                                 "kudatang, kulihat, kutakluk\nveni vidi vici\n"},
    {"mountain", "mountain /x/ <n>\ngunung 2.\nlarge mass of earth and rock\n 3.\nhuge amount\n"},
    {"ness", "ness //n\xC9\x99s// <suffix>\ne- -an\nappended to adjectives to form nouns\n"},
};

/* Writes base.index and base.dict.dz (or a plain base.dict). */
static int write_dictd(const char *base, int compress)
{
    char path[512], line[256], o[16], l[16];
    size_t off = 0, total = 0;
    for (size_t i = 0; i < sizeof mini_entries / sizeof *mini_entries; i++)
        total += strlen(mini_entries[i][1]);
    char *data = malloc(total + 1), *index = malloc(4096);
    if (!data || !index) {
        free(data);
        free(index);
        return -1;
    }
    index[0] = '\0';
    for (size_t i = 0; i < sizeof mini_entries / sizeof *mini_entries; i++) {
        size_t n = strlen(mini_entries[i][1]);
        memcpy(data + off, mini_entries[i][1], n);
        b64(off, o);
        b64(n, l);
        snprintf(line, sizeof line, "%s\t%s\t%s\n", mini_entries[i][0], o, l);
        strcat(index, line);
        off += n;
    }
    snprintf(path, sizeof path, "%s.index", base);
    int rc = write_str(path, index);
    snprintf(path, sizeof path, "%s.%s", base, compress ? "dict.dz" : "dict");
    if (rc == 0 && compress) {
        gzFile f = gzopen(path, "wb");
        rc = !f || gzwrite(f, data, (unsigned)off) != (int)off;
        if (f && gzclose(f) != Z_OK)
            rc = -1;
    } else if (rc == 0) {
        rc = write_file(path, data, off);
    }
    free(data);
    free(index);
    return rc;
}

static void remove_dictd(const char *base)
{
    char path[512];
    const char *ext[] = {".index", ".dict.dz", ".dict"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", base, ext[i]);
        remove(path);
    }
}

static void check_mini(const sl_lexicon *lex)
{
    CU_ASSERT(maps(lex, "kopi", stem("en", "coffee")));
    CU_ASSERT(maps(lex, "biji", stem("en", "coffee")));
    CU_ASSERT(maps(lex, "gunung", "mountain"));
    CU_ASSERT(maps(lex, stem("id", "pemerintahan"), stem("en", "government")));
    /* the 00database entry is not read: kota has only its own entry */
    CU_ASSERT_EQUAL(count(lex, "kota"), 1);
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    /* glosses and their numbers are not translations */
    const char *gloss[] = {"beans", "beverage", "plant", "huge", "amount", "settlement",
                           "large", "2", "3"};
    for (size_t i = 0; i < sizeof gloss / sizeof *gloss; i++)
        CU_ASSERT_EQUAL(count(lex, stem("id", gloss[i])), 0);
    /* affixes are not words */
    CU_ASSERT_EQUAL(count(lex, "an"), 0);
    /* the headword's commas do not split it: six words are a phrase */
    CU_ASSERT_EQUAL(count(lex, stem("id", "kulihat")), 0);
    /* kopi-coffe, biji-coffe, gunung-mountain, perintah-govern, kota-citi */
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 5);
}

static void test_dictd(void)
{
    const char *base = tmp_path("mini");
    char idx[512];
    snprintf(idx, sizeof idx, "%s.index", base);
    for (int compress = 1; compress >= 0; compress--) {
        CU_ASSERT_FATAL(write_dictd(base, compress) == 0);
        sl_error err;
        sl_error_clear(&err);
        sl_lexicon *lex = sl_lexicon_load(idx, SL_LEX_DICTD, "id", "en", &err);
        CU_ASSERT_PTR_NOT_NULL(lex);
        if (lex)
            check_mini(lex);
        sl_lexicon_free(lex);
        remove_dictd(base);
    }
}

static void test_dictd_bad_index(void)
{
    const char *base = tmp_path("badidx");
    char idx[512];
    snprintf(idx, sizeof idx, "%s.index", base);
    CU_ASSERT_FATAL(write_dictd(base, 1) == 0);
    sl_error err;
    /* a line without its length */
    CU_ASSERT_FATAL(write_str(idx, "city\tA\tB\ncoffee\tBA\n") == 0);
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_lexicon_load(idx, SL_LEX_DICTD, "id", "en", &err));
    CU_ASSERT_EQUAL(err.code, SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(err.offset, 9);
    CU_ASSERT_STRING_EQUAL(err.file, idx);
    /* an entry past the end of the data */
    CU_ASSERT_FATAL(write_str(idx, "city\tA\tB\ncoffee\tBA\t/////\n") == 0);
    sl_error_clear(&err);
    CU_ASSERT_PTR_NULL(sl_lexicon_load(idx, SL_LEX_DICTD, "id", "en", &err));
    CU_ASSERT_EQUAL(err.code, SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    remove_dictd(base);
}

/* ---- AUTO ------------------------------------------------------------- */

static void test_auto(void)
{
    sl_error err;
    /* a comment mentioning " @ " does not decide */
    sl_lexicon *lex = load_str("auto.txt", "# not hunalign @ all\ncity\tkota\n", SL_LEX_AUTO,
                               NULL, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT(maps(lex, "city", "kota")); /* TSV: source first */
    sl_lexicon_free(lex);
    lex = load_str("auto.dic", "\n# hunalign\ncity @ kota\ngovernment @ pemerintah\n",
                   SL_LEX_AUTO, NULL, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT(maps(lex, "kota", "city")); /* hunalign: target first */
    CU_ASSERT(maps(lex, "pemerintah", "government"));
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 2);
    sl_lexicon_free(lex);
    const char *base = tmp_path("auto");
    char idx[512];
    snprintf(idx, sizeof idx, "%s.index", base);
    CU_ASSERT_FATAL(write_dictd(base, 1) == 0);
    lex = sl_lexicon_load(idx, SL_LEX_AUTO, "id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL(lex);
    if (lex)
        check_mini(lex);
    sl_lexicon_free(lex);
    remove_dictd(base);
}

/* ---- FreeDict --------------------------------------------------------- */

static void test_freedict(void)
{
    const char *path = sl_lexicon_default_path();
    if (!path) {
        printf("\n  note: FreeDict eng-ind not installed, lexicon/freedict skipped ");
        return;
    }
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = sl_lexicon_load(path, SL_LEX_AUTO, "id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT(sl_lexicon_size(lex) > 5000);
    CU_ASSERT(maps(lex, stem("id", "penelitian"), "research"));
    CU_ASSERT(maps(lex, stem("id", "pemerintah"), stem("en", "government")));
    CU_ASSERT(maps(lex, stem("id", "pemerintahan"), stem("en", "governments")));
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    /* "2. kopi 2." then the glosses "beverage", " 3.", "plant" */
    CU_ASSERT(maps(lex, "kopi", stem("en", "coffee")));
    /* words seen only in English glosses (checked against the whole
     * dictionary) that would pair if read as translations: coffee's
     * "beverage" and "plant", avocado's "fruit", knight's "chess piece",
     * mountain's "large amount", and the gloss numbers */
    const char *gloss[] = {"beverage", "plant", "fruit", "chess", "piece", "large", "amount",
                           "2", "3"};
    for (size_t i = 0; i < sizeof gloss / sizeof *gloss; i++)
        CU_ASSERT_EQUAL(count(lex, stem("id", gloss[i])), 0);
    sl_lexicon_free(lex);
}

/* ---- several sources -------------------------------------------------- */

static void test_add_text(void)
{
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 0);
    CU_ASSERT_EQUAL(count(lex, "kota"), 0);
    /* len counts: the line after it is not read */
    const char *tsv = "# core\npemerintah\tgovernment\nkota\tcity; town\nkupu-kupu\tbutterfly\n"
                      "desa\tvillage\n";
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, tsv, strlen(tsv) - strlen("desa\tvillage\n"),
                                        "core.tsv", SL_LEX_TSV, &err), SL_OK);
    CU_ASSERT_EQUAL(err.code, SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 4);
    CU_ASSERT(maps(lex, stem("id", "pemerintahan"), stem("en", "governments")));
    CU_ASSERT(maps(lex, "kota", "town"));
    CU_ASSERT(maps(lex, "kupu", stem("en", "butterfly"))); /* reduplication is a plural */
    CU_ASSERT_EQUAL(count(lex, "desa"), 0);
    /* a second source joins the first; shared pairs count once */
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "city @ kota\nvillage @ desa\n", 27, NULL,
                                        SL_LEX_AUTO, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 5);
    CU_ASSERT_EQUAL(count(lex, "kota"), 2);
    CU_ASSERT(maps(lex, "desa", stem("en", "village")));
    CU_ASSERT(sl_lexicon_has(lex, "desa", 4, stem("en", "village"), strlen(stem("en", "village"))));
    /* stop words are dropped from these sources, even as a whole side */
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "banyak\tmany\n", 12, "s.tsv", SL_LEX_TSV, &err),
                    SL_OK);
    CU_ASSERT_EQUAL(count(lex, "banyak"), 0);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 5);
    /* dictd needs its files */
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, tsv, strlen(tsv), "x", SL_LEX_DICTD, &err),
                    SL_EUSAGE);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 5);
    sl_lexicon_free(lex);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(NULL, "a\tb\n", 4, "x", SL_LEX_TSV, &err), SL_EUSAGE);
    CU_ASSERT_PTR_NULL(sl_lexicon_new("klingon", "en", &err));
    CU_ASSERT_EQUAL(err.code, SL_EUSAGE);
}

static void test_add_malformed(void)
{
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "kota\tcity\n", 10, "a.tsv", SL_LEX_TSV, &err),
                    SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 1);
    /* the name stands for the file, with the line */
    const char *bad = "# header\ndesa\tvillage\npemerintah\tgovernment\npenelitian research\n";
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, bad, strlen(bad), "core.tsv", SL_LEX_TSV, &err),
                    SL_EINPUT);
    CU_ASSERT_EQUAL(err.code, SL_EINPUT);
    CU_ASSERT_STRING_EQUAL(err.file, "core.tsv");
    CU_ASSERT_EQUAL(err.line, 4);
    CU_ASSERT_EQUAL(err.offset, (long long)(strstr(bad, "penelitian") - bad));
    /* and the lexicon keeps exactly what it had */
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 1);
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    CU_ASSERT_EQUAL(count(lex, "desa"), 0);
    CU_ASSERT_EQUAL(count(lex, stem("id", "pemerintah")), 0);
    /* an empty side, with a BOM counted in the offset; no name */
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "\xEF\xBB\xBF" "desa\t\n", 9, NULL, SL_LEX_TSV,
                                        &err), SL_EINPUT);
    CU_ASSERT_STRING_EQUAL(err.file, "<memory>");
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_EQUAL(err.offset, 3);
    /* invalid UTF-8, comments only, nothing */
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "desa\tvillage\nk\xFFota\tcity\n", 24, "u.tsv",
                                        SL_LEX_TSV, &err), SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "# nothing\n", 10, "c.tsv", SL_LEX_TSV, &err),
                    SL_EINPUT);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "", 0, "e.tsv", SL_LEX_TSV, &err), SL_EINPUT);
    /* a missing file */
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_lexicon_add_file(lex, "/nonexistent/lex.tsv", SL_LEX_TSV, &err), SL_EIO);
    CU_ASSERT_STRING_EQUAL(err.file, "/nonexistent/lex.tsv");
    /* still usable afterwards */
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 1);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, "desa\tvillage\n", 13, "d.tsv", SL_LEX_TSV, &err),
                    SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 2);
    CU_ASSERT(maps(lex, "desa", stem("en", "village")));
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    /* a failing add that interns many words (the maps grow and move their
     * keys) leaves the earlier targets readable */
    size_t cap = 3000 * 32, len = 0;
    char *big = malloc(cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    for (int i = 0; i < 3000; i++)
        len += (size_t)snprintf(big + len, cap - len, "kata%dx\tword%dx\n", i, i);
    len += (size_t)snprintf(big + len, cap - len, "rusak\n");
    sl_error_clear(&err);
    CU_ASSERT_EQUAL(sl_lexicon_add_text(lex, big, len, "big.tsv", SL_LEX_TSV, &err), SL_EINPUT);
    CU_ASSERT_EQUAL(err.line, 3001);
    free(big);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), 2);
    CU_ASSERT_EQUAL(count(lex, "kata7x"), 0);
    CU_ASSERT(maps(lex, "desa", stem("en", "village")));
    CU_ASSERT(maps(lex, "kota", stem("en", "city")));
    sl_lexicon_free(lex);
}

/* The built-in lexicon's source file, from tests/ (make test) or the top. */
static const char *builtin_file(void)
{
    static const char *const paths[] = {"../src/rules/lexicon_id_en.txt",
                                        "src/rules/lexicon_id_en.txt"};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++)
        if (access(paths[i], R_OK) == 0)
            return paths[i];
    return NULL;
}

static void test_builtin(void)
{
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = sl_lexicon_new("indonesian", "english", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(lex, &err), SL_OK);
    CU_ASSERT_EQUAL(err.code, SL_OK);
    size_t n = sl_lexicon_size(lex);
    CU_ASSERT(n > 900);
    CU_ASSERT(maps(lex, "banyak", stem("en", "many")));
    CU_ASSERT(maps(lex, stem("id", "meningkatkan"), "increas"));
    CU_ASSERT(maps(lex, stem("id", "meningkatkan"), stem("en", "improve")));
    CU_ASSERT(maps(lex, "hasil", "result"));
    CU_ASSERT(maps(lex, stem("id", "pemerintah"), "govern"));
    CU_ASSERT(maps(lex, stem("id", "signifikan"), "signific"));
    CU_ASSERT(maps(lex, stem("id", "penelitian"), "research"));
    CU_ASSERT(maps(lex, "karena", stem("en", "because")));       /* stop words on both sides */
    CU_ASSERT(maps(lex, "rata", stem("en", "average")));         /* rata-rata */
    CU_ASSERT(maps(lex, "undang", "law"));                       /* undang-undang */
    CU_ASSERT_EQUAL(count(lex, stem("en", "result")), 0);        /* id -> en only */
    /* twice is the same lexicon */
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(lex, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), n);
    sl_lexicon_free(lex);
    /* NULL languages count as id -> en (unstemmed) */
    lex = sl_lexicon_new(NULL, NULL, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(lex, &err), SL_OK);
    CU_ASSERT(maps(lex, "meningkatkan", "increase"));
    sl_lexicon_free(lex);
    /* other pairs: nothing, and no error */
    const char *pairs[][2] = {{"en", "id"}, {"english", "indonesian"}, {"id", "dutch"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        lex = sl_lexicon_new(pairs[i][0], pairs[i][1], &err);
        CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
        sl_error_clear(&err);
        CU_ASSERT_EQUAL(sl_lexicon_add_builtin(lex, &err), SL_OK);
        CU_ASSERT_EQUAL(err.code, SL_OK);
        CU_ASSERT_EQUAL(sl_lexicon_size(lex), 0);
        sl_lexicon_free(lex);
    }
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(NULL, &err), SL_EUSAGE);
}

static void test_builtin_file(void)
{
    const char *path = builtin_file();
    if (!path) {
        printf("\n  note: src/rules/lexicon_id_en.txt not found, lexicon/builtin file skipped ");
        return;
    }
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *file = sl_lexicon_load(path, SL_LEX_TSV, "id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(file);
    CU_ASSERT_EQUAL(err.code, SL_OK);
    CU_ASSERT(sl_lexicon_size(file) > 900);
    /* the built-in copy has the same pairs, and those of the lone stop words */
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lex);
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(lex, &err), SL_OK);
    size_t n = sl_lexicon_size(lex);
    CU_ASSERT(n > sl_lexicon_size(file));
    CU_ASSERT_EQUAL(sl_lexicon_add_file(lex, path, SL_LEX_TSV, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(lex), n);
    sl_lexicon_free(lex);
    sl_lexicon_free(file);
}

/* A dictd source and the built-in lexicon together. */
static void check_sources(const char *index, size_t dict_min)
{
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *dict = sl_lexicon_load(index, SL_LEX_AUTO, "id", "en", &err);
    sl_lexicon *core = sl_lexicon_new("id", "en", &err);
    sl_lexicon *both = sl_lexicon_new("id", "en", &err);
    CU_ASSERT_FATAL(dict && core && both);
    CU_ASSERT(sl_lexicon_size(dict) >= dict_min);
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(core, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_add_file(both, index, SL_LEX_AUTO, &err), SL_OK);
    CU_ASSERT_EQUAL(sl_lexicon_size(both), sl_lexicon_size(dict));
    CU_ASSERT_EQUAL(sl_lexicon_add_builtin(both, &err), SL_OK);
    size_t nb = sl_lexicon_size(both);
    CU_ASSERT(nb > sl_lexicon_size(dict));
    CU_ASSERT(nb > sl_lexicon_size(core));
    CU_ASSERT(nb <= sl_lexicon_size(dict) + sl_lexicon_size(core));
    /* pairs of either source, after both adds */
    CU_ASSERT(maps(both, "kopi", stem("en", "coffee")));
    CU_ASSERT(maps(both, "kota", stem("en", "city")));
    CU_ASSERT(maps(both, "banyak", stem("en", "many")));
    CU_ASSERT(maps(both, stem("id", "meningkatkan"), "increas"));
    /* a source's targets stay sorted and unique after the merge */
    const char *const *out;
    size_t k = lookup(both, "kota", &out);
    for (size_t i = 1; i < k; i++)
        CU_ASSERT(strcmp(out[i - 1], out[i]) != 0);
    sl_lexicon_free(dict);
    sl_lexicon_free(core);
    sl_lexicon_free(both);
}

static void test_add_sources(void)
{
    const char *base = tmp_path("multi");
    char idx[512];
    snprintf(idx, sizeof idx, "%s.index", base);
    CU_ASSERT_FATAL(write_dictd(base, 1) == 0);
    check_sources(idx, 5);
    remove_dictd(base);
    const char *path = sl_lexicon_default_path();
    if (!path) {
        printf("\n  note: FreeDict eng-ind not installed, FreeDict + built-in skipped ");
        return;
    }
    check_sources(path, 5000);
}

int test_lexicon_register(void)
{
    CU_pSuite s = CU_add_suite("lexicon", NULL, NULL);
    if (!s || !CU_add_test(s, "tsv", test_tsv) || !CU_add_test(s, "words", test_words) ||
        !CU_add_test(s, "word keys", test_word_keys) ||
        !CU_add_test(s, "hunalign", test_hunalign) ||
        !CU_add_test(s, "malformed", test_malformed) ||
        !CU_add_test(s, "missing", test_missing) || !CU_add_test(s, "dictd", test_dictd) ||
        !CU_add_test(s, "dictd bad index", test_dictd_bad_index) ||
        !CU_add_test(s, "auto", test_auto) || !CU_add_test(s, "freedict", test_freedict) ||
        !CU_add_test(s, "add text", test_add_text) ||
        !CU_add_test(s, "add malformed", test_add_malformed) ||
        !CU_add_test(s, "builtin", test_builtin) ||
        !CU_add_test(s, "builtin file", test_builtin_file) ||
        !CU_add_test(s, "add sources", test_add_sources))
        return -1;
    return 0;
}
