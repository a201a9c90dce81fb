/* lexicon.h — a bilingual lexicon of (source stem, target stem) pairs. */
#ifndef SELARAS_LEXICON_H
#define SELARAS_LEXICON_H

#include <stddef.h>
#include "selaras/error.h"

/* Built by sl_lexicon_load or by sl_lexicon_new and adds; once the adds
 * are done it is read-only and safe to share between threads (the adds
 * themselves are not thread-safe). */
typedef struct sl_lexicon sl_lexicon;

enum sl_lex_format { SL_LEX_AUTO = 0, SL_LEX_DICTD, SL_LEX_TSV, SL_LEX_HUNALIGN };

/* An empty lexicon to add sources to. src_lang/tgt_lang are Snowball names
 * or ISO codes ("indonesian", "id", "english", "en", ...) used to stem every
 * word of the entries (NULL: no stemming, words only lower-cased); an
 * unknown one fails with SL_EUSAGE. NULL on failure. */
sl_lexicon *sl_lexicon_new(const char *src_lang, const char *tgt_lang, sl_error *err);

/* Adds the entries of a file to lex. DICTD: path of the .index file (the
 * .dict.dz or .dict beside it), headwords are the target language. TSV:
 * `source<TAB>target` per line (further tab-separated columns are ignored).
 * HUNALIGN: `target @ source` per line (hunalign's dictionary format).
 * AUTO: .index -> DICTD, else the first non-comment line decides (" @ " ->
 * HUNALIGN, a tab -> TSV). Lines starting with '#' and blank lines are
 * skipped in TSV/HUNALIGN. A malformed line (no separator, an empty side,
 * invalid UTF-8) fails with SL_EINPUT naming file and line, as does a file
 * with no entry at all; a missing file fails with SL_EIO.
 *
 * Each side is split on commas and semicolons into alternatives (except a
 * dictd headword, a single lemma such as "ready, aim, fire"), text in
 * parentheses is dropped, and so are the stop words of the side's language
 * (src/rules/stop_LANG.txt; a NULL language counts as "id" for the source
 * and "en" for the target) and a leading "to", "a", "an" or "the" on an
 * English side. Words and their keys are those of the aligner (words.h):
 * lower-cased, accents folded ("café" is "cafe"), digits no part of any
 * word ("covid-19" is "covid", "20" no word at all), and a fully
 * reduplicated word ("kupu-kupu") its base ("kupu"). Where one
 * alternative is then a single word and the other has at most 3 words, the
 * single word is paired with each of them. The pairs join those already in
 * lex (duplicates count once); lookups see them as soon as the call
 * returns. Returns SL_OK or the error code; on failure lex keeps exactly
 * the pairs it had. */
int sl_lexicon_add_file(sl_lexicon *lex, const char *path, enum sl_lex_format fmt,
                        sl_error *err);

/* Same for TSV or HUNALIGN text in memory (len bytes, need not be
 * NUL-terminated; AUTO decides between the two); name stands for the file
 * in errors (NULL: "<memory>"). DICTD fails with SL_EUSAGE. */
int sl_lexicon_add_text(sl_lexicon *lex, const char *text, size_t len, const char *name,
                        enum sl_lex_format fmt, sl_error *err);

/* Adds the built-in core lexicon (src/rules/lexicon_id_en.txt: the common
 * words of Indonesian academic abstracts with their English equivalents)
 * when lex's pair is Indonesian -> English (a NULL language counting as
 * above); for any other pair adds nothing and returns SL_OK. Its entries
 * are read as TSV, except that a side which is a single word is kept even
 * when it is a stop word ("banyak" -> "many", "karena" -> "because"). */
int sl_lexicon_add_builtin(sl_lexicon *lex, sl_error *err);

/* Adds n pairs of words already stemmed as the lexicon stems (a learned
 * lexicon's, say): src[k] translates as tgt[k]. SL_OK or SL_ENOMEM (the
 * lexicon then keeps the pairs it had). */
int sl_lexicon_add_stems(sl_lexicon *lex, const char *const *src, const char *const *tgt,
                         size_t n, sl_error *err);

/* sl_lexicon_new and sl_lexicon_add_file in one call. NULL on failure. */
sl_lexicon *sl_lexicon_load(const char *path, enum sl_lex_format fmt, const char *src_lang,
                            const char *tgt_lang, sl_error *err);

/* The default lexicon's path (the FreeDict eng-ind .index) when it is
 * installed, else NULL. */
const char *sl_lexicon_default_path(void);

/* Frees the lexicon (safe on NULL). */
void sl_lexicon_free(sl_lexicon *lex);

/* Number of distinct (source stem, target stem) pairs (0 for NULL). */
size_t sl_lexicon_size(const sl_lexicon *lex);

/* Target stems that translate a source stem (lower-case, stemmed with
 * src_lang like the entries; len bytes, need not be NUL-terminated).
 * Returns the count and sets *out to an array of NUL-terminated strings
 * owned by the lexicon, in a fixed order (NULL when the count is 0). */
size_t sl_lexicon_lookup(const sl_lexicon *lex, const char *src_stem, size_t len,
                         const char *const **out);

/* Does the lexicon pair src_stem with tgt_stem? O(1) hashes and a binary
 * search of the source's range. */
int sl_lexicon_has(const sl_lexicon *lex, const char *src_stem, size_t slen,
                   const char *tgt_stem, size_t tlen);

/* The lexicon selaras uses unless told otherwise: the built-in core
 * vocabulary (id->en) plus the dictionary at path, or the FreeDict default
 * when path is NULL. A named file that fails to load fails the call; when
 * the default is absent (*missing = 1) or unreadable (*missing = 2, err
 * says why) the built-in core alone is returned; for a pair other than
 * Indonesian -> English there is no default (*missing = 3, an empty
 * lexicon). */
sl_lexicon *sl_lexicon_load_default(const char *path, const char *src_lang, const char *tgt_lang,
                                    int *missing, sl_error *err);

#endif
