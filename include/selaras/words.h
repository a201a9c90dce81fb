/* words.h — what a word is and the key it is known by.
 *
 * The lexicon's entries, the aligner's sentences and the learned lexicon
 * must all cut and spell a word the same way, or a pair the lexicon holds
 * never meets the text it is meant for. This is that one definition:
 *
 *   - A word starts at a letter: an ASCII letter or any code point the
 *     C.UTF-8 locale calls alphabetic. Digits are not letters: a number is
 *     a token of its own to the aligner and no word to the lexicon, so
 *     "covid-19" is the word "covid" (and the number 19) everywhere.
 *   - Combining accents (U+0300-U+036F) continue a word and are left out of
 *     its key: "cafe" + U+0301 is "cafe".
 *   - A hyphen (-, U+2010, U+2011) or an apostrophe (', U+2019) between two
 *     letters joins them and is written as its ASCII form: "one’s" is
 *     "one's", "COVID‑19" (U+2011) is "covid" like "covid-19".
 *   - Letters are lower-cased, and the precomposed letters of Latin-1
 *     Supplement and Latin Extended-A become their base ASCII letters:
 *     "Café" is "cafe", "Łódź" is "lodz". Ligatures and ß spell out
 *     ("æ" -> "ae", "ß" -> "ss", the spelling German itself uses where ß
 *     is not available), so that every word of those blocks has a plain
 *     ASCII key: it meets the same word typed without accents, and the
 *     aligner's cognate skeletons, which read ASCII only, read it too.
 *   - A full reduplication ("kupu-kupu", an Indonesian plural) is its base
 *     ("kupu"): sl_word_base.
 *
 * What a module then does with a key (stop words, stemming) is its own.
 *
 * locale_t is POSIX.1-2008: a program including this header defines
 * _POSIX_C_SOURCE as 200809L (or more) first, as the library's build does. */
#ifndef SELARAS_WORDS_H
#define SELARAS_WORDS_H

#include <locale.h>
#include <stddef.h>

/* The longest key sl_word_read writes, in bytes: the aligner's token
 * names and the lexicon's entries alike, so both truncate a (nonsense)
 * longer word to the same key. */
enum { SL_WORD_MAX = 252 };

/* Is code point cp, outside ASCII, a letter (locale: C.UTF-8)? */
int sl_word_is_letter_u(unsigned cp, locale_t ctype);

/* Is code point cp a letter, a word's first character? ASCII is answered
 * inline: the aligner asks for every character of its input. */
static inline int sl_word_is_letter(unsigned cp, locale_t ctype)
{
    if (cp < 0x80)
        return (cp | 32) - 'a' < 26u;
    return sl_word_is_letter_u(cp, ctype);
}

/* Reads the word at the start of s (n bytes, UTF-8, its first character a
 * letter) and writes its key into key: lower-cased and folded, accents
 * left out, joiners as ASCII. At most cap bytes are written (never part of
 * a character; the rest of a longer word is read but not written), and no
 * NUL. *klen receives the key's length and *chars (unless NULL) the code
 * points read. Returns the bytes read, 0 when s does not start with a
 * letter. ctype is a C.UTF-8 locale the caller holds. */
size_t sl_word_read(const char *s, size_t n, locale_t ctype, char *key, size_t cap,
                    size_t *klen, size_t *chars);

/* The length of the base of key w (n bytes): the first half of a full
 * reduplication "x-x", else n. */
size_t sl_word_base(const char *w, size_t n);

#endif
