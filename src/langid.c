/* langid.c — stop-word counting. Abstracts are long enough that the share
 * of function words ("yang", "dan", "di" against "the", "of", "and")
 * separates Indonesian from English without a statistical model. */
#include "selaras/langid.h"
#include "selaras/rules.h"
#include "selaras/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sl_langid {
    sl_strmap *stop[2];
};

sl_langid *sl_langid_new(const char *lang0, const char *lang1, sl_error *err)
{
    sl_langid *l = calloc(1, sizeof *l);
    const char *langs[2] = { lang0, lang1 };
    if (!l)
        goto nomem;
    for (int k = 0; k < 2; k++) {
        if (!(l->stop[k] = sl_stopwords_new(langs[k])))
            goto nomem;
        if (sl_strmap_size(l->stop[k]) == 0) {
            sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no stop-word profile for language '%s'",
                         langs[k]);
            sl_langid_free(l);
            return NULL;
        }
    }
    return l;
nomem:
    sl_langid_free(l);
    sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
}

void sl_langid_free(sl_langid *l)
{
    if (!l)
        return;
    sl_strmap_free(l->stop[0]);
    sl_strmap_free(l->stop[1]);
    free(l);
}

int sl_langid_guess(const sl_langid *l, const char *text, size_t len, int *margin)
{
    int count[2] = { 0, 0 };
    if (margin)
        *margin = 0;
    if (!l)
        return -1;
    char w[32];
    for (size_t i = 0; i < len;) {
        /* ASCII words are enough: both stop lists are ASCII */
        size_t n = 0;
        while (i < len && ((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z')) {
            if (n < sizeof w)
                w[n] = (char)(text[i] | 32);
            n++;
            i++;
        }
        if (n && n <= sizeof w)
            for (int k = 0; k < 2; k++)
                count[k] += sl_strmap_get(l->stop[k], w, n) >= 0;
        if (!n)
            i++;
    }
    if (margin)
        *margin = count[0] - count[1];
    int total = count[0] + count[1];
    if (total < 3 || (count[0] < 2 * count[1] && count[1] < 2 * count[0]))
        return -1;
    return count[0] > count[1] ? 0 : 1;
}
