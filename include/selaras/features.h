/* features.h — what the aligner compares: the content words, numbers and
 * punctuation cues of each sentence, as sets of match keys. */
#ifndef SELARAS_FEATURES_H
#define SELARAS_FEATURES_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/lexicon.h"

/* A borrowed piece of UTF-8 text. */
typedef struct sl_span {
    const char *s;
    size_t len;
} sl_span;

/* Language resources shared read-only between threads: stop words and the
 * Snowball algorithm names of both sides. */
typedef struct sl_featcfg sl_featcfg;

sl_featcfg *sl_featcfg_new(const char *src_lang, const char *tgt_lang, const sl_lexicon *lex,
                           sl_error *err);
void sl_featcfg_free(sl_featcfg *cfg);

/* The features of one document (both sides), owned by the caller. Token t
 * of sentence i on side s has keys key[koff[t]..koff[t+1]) (sorted ids);
 * two tokens match when they share a key. */
typedef struct sl_sentfeat {
    size_t tok0, ntok; /* tokens of the sentence: [tok0, tok0+ntok) */
    size_t chars;      /* length in characters (code points), spaces collapsed */
    double weight;     /* sum of its tokens' weights */
} sl_sentfeat;

typedef struct sl_docfeat {
    sl_sentfeat *sent[2]; /* [0] source, [1] target */
    size_t nsent[2];
    size_t *koff[2];      /* per side: ntokens + 1 offsets into key[] */
    unsigned *key[2];
    size_t ntok[2];
    unsigned *word[2];    /* per token: the key of the word (or number) itself */
    double *tw[2];        /* per token: weight in (0,1], lower for words that
                           * recur across the document's sentences */
    unsigned long long *sig[2]; /* per token: one bit per key, hashed; two
                           * tokens can share a key only if they share a bit */
} sl_docfeat;

/* Extracts features for ns source and nt target sentences. Keys: the stem
 * (target) or the lexicon's translations of the stem (source); the
 * lower-cased word (names, acronyms, shared loans); an orthographic cognate
 * key (diplomasi ~ diplomacy); digits with separators removed (3,5 ~ 3.5,
 * 1.000 ~ 1,000); and "?" as a cue. Stop words are left out. */
int sl_feat_extract(const sl_featcfg *cfg, const sl_span *src, size_t ns, const sl_span *tgt,
                    size_t nt, sl_docfeat *out, sl_error *err);
void sl_docfeat_free(sl_docfeat *f);

/* Weighted number of one-to-one token matches between source sentences
 * [i0, i0+ni) and target sentences [j0, j0+nj): each match counts the mean
 * weight of its two tokens. */
double sl_feat_matches(const sl_docfeat *f, size_t i0, size_t ni, size_t j0, size_t nj);

#endif
