/* words.c — reading one word into its key (see words.h for the rules). */
#include "selaras/words.h"
#include "selaras/text.h"

#include <string.h>
#include <wctype.h>

/* The ASCII spelling of the precomposed letters U+00C0-U+017F, both
 * cases; "" for the two signs among them (x, division), which are no
 * letters and never reach the table. */
static const char fold[0x180 - 0xC0][3] = {
    /* U+00C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00D0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    /* U+00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00F0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    /* U+0100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    /* U+0110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    /* U+0120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    /* U+0130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    /* U+0140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    /* U+0150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    /* U+0160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+0170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

int sl_word_is_letter_u(unsigned cp, locale_t ctype)
{
    return iswalpha_l((wint_t)cp, ctype) != 0;
}

/* Combining accents: a word written in decomposed form goes on through
 * them, and its key leaves them out as it leaves out precomposed ones. */
static int is_mark(unsigned cp) { return cp >= 0x300 && cp <= 0x36F; }

/* The ASCII form of a hyphen or apostrophe, else 0. */
static char joiner(unsigned cp)
{
    if (cp == '-' || cp == 0x2010 || cp == 0x2011)
        return '-';
    if (cp == '\'' || cp == 0x2019)
        return '\'';
    return 0;
}

static int letter_at(const char *s, size_t n, size_t i, locale_t ctype)
{
    if (i >= n)
        return 0;
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80)
        return sl_word_is_letter(b, ctype);
    size_t adv;
    return sl_word_is_letter_u(sl_utf8_decode(s + i, n - i, &adv), ctype);
}

/* The key's spelling of letter cp (not ASCII) into out (4 bytes at least):
 * folded when Latin, else lower-cased. Returns its length. */
static size_t spell(unsigned cp, locale_t ctype, char *out)
{
    if (cp < 0xC0 || cp >= 0x180) {
        /* U+1E9E, U+212B and friends lower-case into the table */
        cp = (unsigned)towlower_l((wint_t)cp, ctype);
    }
    if (cp >= 0xC0 && cp < 0x180 && fold[cp - 0xC0][0]) {
        const char *f = fold[cp - 0xC0];
        out[0] = f[0];
        if (!f[1])
            return 1;
        out[1] = f[1];
        return 2;
    }
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t sl_word_read(const char *s, size_t n, locale_t ctype, char *key, size_t cap,
                    size_t *klen, size_t *chars)
{
    size_t i = 0, o = 0, k = 0;
    *klen = 0;
    if (chars)
        *chars = 0;
    if (!letter_at(s, n, 0, ctype))
        return 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            /* ASCII letters, most of any text, take the short way */
            if ((b | 32u) - 'a' < 26u) {
                if (o < cap)
                    key[o++] = (char)(b | 32);
            } else if ((b == '-' || b == '\'') && letter_at(s, n, i + 1, ctype)) {
                if (o < cap)
                    key[o++] = (char)b;
            } else {
                break;
            }
            i++;
            k++;
            continue;
        }
        size_t adv;
        unsigned cp = sl_utf8_decode(s + i, n - i, &adv);
        char tmp[4];
        size_t w = 0;
        if (is_mark(cp)) {
            w = 0;
        } else if (joiner(cp)) {
            if (!letter_at(s, n, i + adv, ctype))
                break;
            tmp[0] = joiner(cp);
            w = 1;
        } else if (sl_word_is_letter_u(cp, ctype)) {
            w = spell(cp, ctype, tmp);
        } else {
            break;
        }
        if (o + w <= cap) {
            memcpy(key + o, tmp, w);
            o += w;
        } else {
            cap = o; /* full: no later, shorter character either */
        }
        i += adv;
        k++;
    }
    *klen = o;
    if (chars)
        *chars = k;
    return i;
}

size_t sl_word_base(const char *w, size_t n)
{
    const char *h = memchr(w, '-', n);
    if (h && h > w && (size_t)(h - w) * 2 + 1 == n && memcmp(w, h + 1, (size_t)(h - w)) == 0)
        return (size_t)(h - w);
    return n;
}
