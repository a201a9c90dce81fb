/* langid.h — telling Indonesian from English by stop-word profiles. */
#ifndef SELARAS_LANGID_H
#define SELARAS_LANGID_H

#include <stddef.h>
#include "selaras/error.h"

/* Stop-word profiles of two languages (the built-in src/rules/stop_LANG.txt
 * lists). Read-only once built: safe to share between threads. */
typedef struct sl_langid sl_langid;

sl_langid *sl_langid_new(const char *lang0, const char *lang1, sl_error *err);
void sl_langid_free(sl_langid *l);

/* Which of the two languages text is in: 0 or 1, or -1 when it holds too
 * few stop words to tell (fewer than 3, or no clear majority). *margin, if
 * not NULL, receives the count difference. */
int sl_langid_guess(const sl_langid *l, const char *text, size_t len, int *margin);

/* The evidence for each language in text: one for every stop word of
 * its list, and half for every lower-case word that has one of its word
 * shapes (src/rules/cue_LANG.txt: "*tion", "meng*", ...). Finer than
 * sl_langid_guess for a sentence or two, where a few stop words decide
 * little. All zero when l is NULL. */
void sl_langid_score(const sl_langid *l, const char *text, size_t len, double score[2]);

#endif
