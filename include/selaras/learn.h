/* learn.h — a word-translation lexicon learned from the input itself.
 *
 * As Moore (2002) does between two alignment passes: the confident 1-1
 * pairs of a first alignment train IBM Model 1 (Brown et al. 1993) by EM,
 * in both directions, on the stems of their content words; word pairs that
 * each direction finds likely join the lexicon for the second alignment.
 * With no dictionary at all this is the only lexical evidence, which is
 * what lets selaras align a language pair it knows nothing about. */
#ifndef SELARAS_LEARN_H
#define SELARAS_LEARN_H

#include <stddef.h>
#include <stdio.h>
#include "selaras/error.h"
#include "selaras/features.h"
#include "selaras/lexicon.h"

typedef struct sl_learner sl_learner;

/* A learner reading words as the aligner built on cfg reads them. */
sl_learner *sl_learner_new(const sl_featcfg *cfg, sl_error *err);
void sl_learner_free(sl_learner *l);

/* Adds a sentence pair (source text, target text). Past max_pairs (see
 * sl_learn_opts) pairs are counted but not kept. Not thread-safe. */
int sl_learner_add(sl_learner *l, const char *src, size_t slen, const char *tgt, size_t tlen,
                   sl_error *err);
size_t sl_learner_pairs(const sl_learner *l);

typedef struct sl_learn_opts {
    int iterations;      /* EM iterations in each direction (default 5) */
    double threshold;    /* least p(t|s) and p(s|t) of a pair kept (default 0.1) */
    size_t min_pairs;    /* fewer sentence pairs learn nothing (default 100) */
    size_t min_count;    /* a word pair must co-occur this often (default 2) */
    int threads;         /* 0: all cores */
} sl_learn_opts;

void sl_learn_opts_default(sl_learn_opts *o);

/* Trains on the pairs added and adds the word pairs found to lex (stems),
 * for the source words lex has no translation of: a dictionary's entries
 * stay as they are, learning fills its gaps. *added receives how many
 * pairs (0 when there were too few sentence pairs). Returns SL_OK or an
 * error code. */
int sl_learner_train(sl_learner *l, const sl_learn_opts *o, sl_lexicon *lex, size_t *added,
                     sl_error *err);

/* Writes the pairs found by the last training as TSV: source word, target
 * word (each a word that has the stem), p(target|source), p(source|target),
 * sorted by source word, then by p(target|source) falling. A file readable
 * back with --lexicon. Returns 0, or -1 on a write error. */
int sl_learner_save(const sl_learner *l, FILE *f);

#endif
