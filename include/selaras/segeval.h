/* segeval.h — scoring sentence boundaries against gold segmentation. */
#ifndef SELARAS_SEGEVAL_H
#define SELARAS_SEGEVAL_H

#include <stddef.h>
#include "selaras/error.h"

/* Counts over a gold/prediction pair. A boundary is the number of
 * non-space characters before a sentence start, counted from the start of
 * the text, so glued sentences ("policy.Ultimately") count. Gold paragraph
 * starts are not scored: every splitter gets them for free. */
typedef struct sl_segeval {
    size_t tp, fp, fn;
    size_t paras, paras_exact; /* gold paragraphs, and those split exactly right */
} sl_segeval;

/* Scores pred against gold, both in the one-sentence-per-line format with a
 * blank line after each paragraph. Fails (SL_EINPUT) when the two do not
 * hold the same non-space text. */
int sl_segeval_text(const char *gold, size_t glen, const char *pred, size_t plen,
                    sl_segeval *out, sl_error *err);

double sl_segeval_precision(const sl_segeval *e);
double sl_segeval_recall(const sl_segeval *e);
double sl_segeval_f1(const sl_segeval *e);

#endif
