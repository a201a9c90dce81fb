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

#endif
