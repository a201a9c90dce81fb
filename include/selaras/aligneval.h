/* aligneval.h — reading bead files and scoring them against gold. */
#ifndef SELARAS_ALIGNEVAL_H
#define SELARAS_ALIGNEVAL_H

#include <stddef.h>
#include "selaras/error.h"

/* One bead as read from `[i,j]:[k]`: sorted index lists (0-based). */
typedef struct sl_ebead {
    size_t *src, *tgt;
    size_t nsrc, ntgt;
} sl_ebead;

typedef struct sl_ebeads {
    sl_ebead *v;
    size_t n, cap;
    size_t *doc;  /* a batch's documents: document k's beads start at v[doc[k]] */
    size_t ndoc, doccap;
} sl_ebeads;

/* Parses bead lines (`[0]:[0]`, `[1,2]:[3]`, `[4]:[]`); anything after a
 * bead and a space or tab is skipped. A blank line separates the documents
 * of a batch (as `selaras align -f beads` writes them; blank lines at the
 * end count for nothing): ndoc is one more than the separators. A
 * malformed line fails with SL_EINPUT naming name and line. */
int sl_ebeads_parse(const char *text, size_t len, const char *name, sl_ebeads *out,
                    sl_error *err);
void sl_ebeads_free(sl_ebeads *b);

/* Strict and lax counts, summed over document pairs (Vecalign's
 * definitions). Precision: a test bead is strictly right when a gold bead
 * is identical, laxly when some gold bead shares a source sentence whose
 * gold partners include one of its target sentences; beads empty on both
 * sides are ignored. Recall: the same with gold and test swapped, after
 * dropping beads with an empty side from both. */
typedef struct sl_aligneval {
    size_t p_strict, p_lax, p_total; /* precision: hits and test beads */
    size_t r_strict, r_lax, r_total; /* recall: hits and gold beads */
} sl_aligneval;

/* Adds one gold/test pair of documents to acc; 0, or -1 when out of
 * memory. Linear in the beads. */
int sl_aligneval_add(sl_aligneval *acc, const sl_ebeads *gold, const sl_ebeads *test);

/* The same for two batches, document k of gold against document k of
 * test. Fails with SL_EINPUT (naming gname and tname) when they do not
 * hold as many documents, SL_ENOMEM when memory runs out. */
int sl_aligneval_add_docs(sl_aligneval *acc, const sl_ebeads *gold, const char *gname,
                          const sl_ebeads *test, const char *tname, sl_error *err);

/* Precision, recall and F1; lax selects the lax counts. */
void sl_aligneval_prf(const sl_aligneval *e, int lax, double *p, double *r, double *f1);

#endif
