/* langrun.h — language runs: where a block of text turns from one
 * language to the other (one paragraph, or one line, holding both
 * abstracts). */
#ifndef SELARAS_LANGRUN_H
#define SELARAS_LANGRUN_H

#include <stddef.h>
#include "selaras/langid.h"

/* A stretch of text in one language: [off, off + len) of the text, lang 0
 * or 1 (the sl_langid's order), or -1 when the text says too little. */
typedef struct sl_langrun {
    size_t off, len;
    int lang;
} sl_langrun;

/* Cuts text into runs of one language. The text is read as pieces
 * (sentences, lines, and the stretches between runs of four or more dots,
 * the separator catalogue pages put between the two abstracts), each
 * weighed by sl_langid_score; the text is cut once at most, where the
 * evidence before and after outweighs a fixed cost, and each side keeps
 * two pieces at least, so one English sentence quoted inside Indonesian
 * stays Indonesian. hint is the language the text is expected to start in
 * (a heading's), or -1.
 *
 * *out (malloc'd, the caller frees it) receives *n runs in text order:
 * two, cut where the language turns, the separator between them (dots,
 * blanks) in neither; or one, the whole text, when the language does not
 * clearly turn, in the language with more evidence (hint when there is
 * none). Returns 0, or -1 when out of memory (*out NULL). */
int sl_langrun_cut(const sl_langid *lid, const char *text, size_t len, int hint,
                   sl_langrun **out, size_t *n);

/* Length of the run of four or more dots (or ellipsis characters "…",
 * each worth three) at text[i], or 0. */
size_t sl_langrun_dots(const char *text, size_t len, size_t i);

#endif
