/* lexicon.h — a bilingual lexicon of (source stem, target stem) pairs. */
#ifndef SELARAS_LEXICON_H
#define SELARAS_LEXICON_H

#include <stddef.h>
#include "selaras/error.h"

/* Read-only after load: safe to share between threads. */
typedef struct sl_lexicon sl_lexicon;

enum sl_lex_format { SL_LEX_AUTO = 0, SL_LEX_DICTD, SL_LEX_TSV, SL_LEX_HUNALIGN };

/* Loads a lexicon. DICTD: path of the .index file (the .dict.dz or .dict
 * beside it), headwords are the target language. TSV: `source<TAB>target`
 * per line (further tab-separated columns are ignored). HUNALIGN:
 * `target @ source` per line (hunalign's dictionary format). AUTO: .index ->
 * DICTD, else the first non-comment line decides (" @ " -> HUNALIGN, a tab
 * -> TSV). Lines starting with '#' and blank lines are skipped in
 * TSV/HUNALIGN. A malformed line (no separator, an empty side, invalid
 * UTF-8) fails with SL_EINPUT naming file and line, as does a file with no
 * entry at all; a missing file fails with SL_EIO.
 *
 * src_lang/tgt_lang are Snowball names or ISO codes ("indonesian", "id",
 * "english", "en", ...) used to stem every word of the entries (NULL: no
 * stemming, words only lower-cased); an unknown one fails with SL_EUSAGE.
 * Each side is split on commas and semicolons into alternatives (except a
 * dictd headword, a single lemma such as "ready, aim, fire"), text in
 * parentheses is dropped, and so are the stop words of the side's language
 * (src/rules/stop_LANG.txt; a NULL language counts as "id" for the source
 * and "en" for the target) and a leading "to", "a", "an" or "the" on an
 * English side. Where one alternative is then a single word and the other
 * has at most 3 words, the single word is paired with each of them. NULL on
 * failure. */
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

#endif
