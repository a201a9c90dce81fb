/* test_words.c — the one definition of a word and its key: letters,
 * joiners, accents, folding, digits, the cap, reduplication. */
#include "tests.h"
#include "selaras/words.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static locale_t ctype;

static int init(void)
{
    ctype = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    return ctype ? 0 : -1;
}

static int clean(void)
{
    freelocale(ctype);
    return 0;
}

/* The key of the word at the start of s, and in *used the bytes read. */
static const char *key_of(const char *s, size_t *used)
{
    static char buf[4][SL_WORD_MAX + 1];
    static int k;
    char *b = buf[k++ % 4];
    size_t n;
    size_t u = sl_word_read(s, strlen(s), ctype, b, SL_WORD_MAX, &n, NULL);
    b[n] = '\0';
    if (used)
        *used = u;
    return b;
}

static void test_letters(void)
{
    CU_ASSERT(sl_word_is_letter('a', ctype));
    CU_ASSERT(sl_word_is_letter('Z', ctype));
    CU_ASSERT(!sl_word_is_letter('@', ctype));
    CU_ASSERT(!sl_word_is_letter('[', ctype));
    CU_ASSERT(!sl_word_is_letter('`', ctype));
    CU_ASSERT(!sl_word_is_letter('{', ctype));
    CU_ASSERT(!sl_word_is_letter('-', ctype));
    CU_ASSERT(sl_word_is_letter(0xE9, ctype));   /* é */
    CU_ASSERT(sl_word_is_letter(0x3B1, ctype));  /* α */
    CU_ASSERT(!sl_word_is_letter(0x301, ctype)); /* a combining accent starts nothing */
    CU_ASSERT(!sl_word_is_letter(0xD7, ctype));  /* × */
    for (unsigned d = '0'; d <= '9'; d++)
        CU_ASSERT(!sl_word_is_letter(d, ctype));
}

static void test_digits(void)
{
    size_t used;
    /* "covid-19" is the word covid (the number is a token of its own) */
    CU_ASSERT_STRING_EQUAL(key_of("covid-19", &used), "covid");
    CU_ASSERT_EQUAL(used, 5);
    CU_ASSERT_STRING_EQUAL(key_of("COVID\xE2\x80\x91" "19", &used), "covid"); /* U+2011 */
    CU_ASSERT_EQUAL(used, 5);
    CU_ASSERT_STRING_EQUAL(key_of("mp3", &used), "mp");
    CU_ASSERT_EQUAL(used, 2);
    /* a digit starts no word */
    CU_ASSERT_STRING_EQUAL(key_of("19th", &used), "");
    CU_ASSERT_EQUAL(used, 0);
}

static void test_joiners(void)
{
    size_t used;
    CU_ASSERT_STRING_EQUAL(key_of("one\xE2\x80\x99s", &used), "one's"); /* U+2019 */
    CU_ASSERT_EQUAL(used, 7);
    CU_ASSERT_STRING_EQUAL(key_of("one's", NULL), "one's");
    CU_ASSERT_STRING_EQUAL(key_of("Lalu-Lintas", NULL), "lalu-lintas");
    CU_ASSERT_STRING_EQUAL(key_of("lalu\xE2\x80\x90lintas", NULL), "lalu-lintas"); /* U+2010 */
    CU_ASSERT_STRING_EQUAL(key_of("lalu\xE2\x80\x91lintas", NULL), "lalu-lintas"); /* U+2011 */
    /* a joiner needs a letter after it */
    CU_ASSERT_STRING_EQUAL(key_of("kota- dan", &used), "kota");
    CU_ASSERT_EQUAL(used, 4);
    CU_ASSERT_STRING_EQUAL(key_of("kota--desa", NULL), "kota");
    CU_ASSERT_STRING_EQUAL(key_of("players'", &used), "players");
    CU_ASSERT_EQUAL(used, 7);
    /* an en dash is no hyphen */
    CU_ASSERT_STRING_EQUAL(key_of("1998\xE2\x80\x93" "2000", NULL), "");
    CU_ASSERT_STRING_EQUAL(key_of("Jakarta\xE2\x80\x93" "Bandung", NULL), "jakarta");
}

static void test_accents(void)
{
    size_t used, chars, n;
    char b[SL_WORD_MAX];
    /* precomposed and decomposed forms and no accent at all meet */
    CU_ASSERT_STRING_EQUAL(key_of("caf\xC3\xA9", NULL), "cafe");
    CU_ASSERT_STRING_EQUAL(key_of("CAF\xC3\x89", NULL), "cafe");
    CU_ASSERT_STRING_EQUAL(key_of("cafe\xCC\x81", &used), "cafe"); /* e + U+0301 */
    CU_ASSERT_EQUAL(used, 6);
    const char *s = "cafe\xCC\x81s\xCC\x8C!"; /* accents inside and at the end */
    CU_ASSERT_EQUAL(sl_word_read(s, strlen(s), ctype, b, sizeof b, &n, &chars), 9);
    CU_ASSERT_EQUAL(n, 5);
    CU_ASSERT_EQUAL(chars, 7); /* code points read, accents among them */
    CU_ASSERT_STRING_EQUAL(key_of("Ol\xC3\xA9", NULL), "ole");
    CU_ASSERT_STRING_EQUAL(key_of("\xC5\x81\xC3\xB3" "d\xC5\xBA", NULL), "lodz");     /* Łódź */
    CU_ASSERT_STRING_EQUAL(key_of("Stra\xC3\x9F" "e", NULL), "strasse");             /* ß */
    CU_ASSERT_STRING_EQUAL(key_of("STRA\xE1\xBA\x9E" "E", NULL), "strasse");         /* ẞ */
    CU_ASSERT_STRING_EQUAL(key_of("\xC3\x86sop", NULL), "aesop");                    /* Æ */
    CU_ASSERT_STRING_EQUAL(key_of("man\xC5\x93uvre", NULL), "manoeuvre");            /* œ */
    CU_ASSERT_STRING_EQUAL(key_of("\xC4\xB0stanbul", NULL), "istanbul");             /* İ */
    CU_ASSERT_STRING_EQUAL(key_of("Ni\xC3\xB1o", NULL), "nino");
    CU_ASSERT_STRING_EQUAL(key_of("na\xC3\xAFve", NULL), "naive");
    CU_ASSERT_STRING_EQUAL(key_of("\xC3\xBF" "\xC3\xBE", NULL), "yth");              /* ÿþ */
    /* other scripts are lower-cased, not folded */
    CU_ASSERT_STRING_EQUAL(key_of("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91", NULL),
                           "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"); /* ΑΘΗΝΑ */
    /* × is no letter: it ends a word */
    CU_ASSERT_STRING_EQUAL(key_of("a\xC3\x97" "b", &used), "a");
    CU_ASSERT_EQUAL(used, 1);
}

static void test_start(void)
{
    size_t n = 7, chars = 7;
    char b[8];
    /* not at a letter: nothing read */
    CU_ASSERT_EQUAL(sl_word_read("-abc", 4, ctype, b, sizeof b, &n, &chars), 0);
    CU_ASSERT_EQUAL(n, 0);
    CU_ASSERT_EQUAL(chars, 0);
    CU_ASSERT_EQUAL(sl_word_read("\xCC\x81" "abc", 5, ctype, b, sizeof b, &n, NULL), 0);
    CU_ASSERT_EQUAL(sl_word_read("", 0, ctype, b, sizeof b, &n, NULL), 0);
    /* the length given is the end, NUL or not */
    CU_ASSERT_EQUAL(sl_word_read("kota-desa", 5, ctype, b, sizeof b, &n, NULL), 4);
    CU_ASSERT_EQUAL(n, 4);
    CU_ASSERT_EQUAL(sl_word_read("kota-desa", 6, ctype, b, sizeof b, &n, NULL), 6);
    CU_ASSERT_EQUAL(n, 6);
}

static void test_cap(void)
{
    char text[400], b[SL_WORD_MAX];
    size_t n, chars;
    memset(text, 'A', 300);
    text[300] = ' ';
    /* a longer word is read whole, its key cut at the cap */
    CU_ASSERT_EQUAL(sl_word_read(text, 301, ctype, b, sizeof b, &n, &chars), 300);
    CU_ASSERT_EQUAL(n, SL_WORD_MAX);
    CU_ASSERT_EQUAL(chars, 300);
    CU_ASSERT_EQUAL(b[0], 'a');
    /* never part of a character: "ab" + α (2 bytes) in 3 bytes, and
     * nothing after a character that did not fit */
    CU_ASSERT_EQUAL(sl_word_read("ab\xCE\xB1" "cd", 6, ctype, b, 3, &n, NULL), 6);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(sl_word_read("a\xC3\x86z", 4, ctype, b, 2, &n, NULL), 4); /* Æ: "ae" */
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_EQUAL(sl_word_read("a\xC3\x86z", 4, ctype, b, 3, &n, NULL), 4);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_EQUAL(memcmp(b, "aae", 3), 0);
}

static void test_base(void)
{
    CU_ASSERT_EQUAL(sl_word_base("kupu-kupu", 9), 4);
    CU_ASSERT_EQUAL(sl_word_base("tantangan-tantangan", 19), 9);
    CU_ASSERT_EQUAL(sl_word_base("lalu-lintas", 11), 11);
    CU_ASSERT_EQUAL(sl_word_base("sehari-hari", 11), 11); /* partial: a word of its own */
    CU_ASSERT_EQUAL(sl_word_base("kupu-kupu-kupu", 14), 14);
    CU_ASSERT_EQUAL(sl_word_base("kupu", 4), 4);
    CU_ASSERT_EQUAL(sl_word_base("-", 1), 1); /* no empty base */
    CU_ASSERT_EQUAL(sl_word_base("a-a", 3), 1);
    /* the length given counts: the first half of "kupu-kupu" is no pair */
    CU_ASSERT_EQUAL(sl_word_base("kupu-kupu", 7), 7);
}

int test_words_register(void)
{
    CU_pSuite s = CU_add_suite("words", init, clean);
    if (!s || !CU_add_test(s, "letters", test_letters) || !CU_add_test(s, "digits", test_digits) ||
        !CU_add_test(s, "joiners", test_joiners) || !CU_add_test(s, "accents", test_accents) ||
        !CU_add_test(s, "start", test_start) || !CU_add_test(s, "cap", test_cap) ||
        !CU_add_test(s, "base", test_base))
        return -1;
    return 0;
}
