/* features.h — what the aligner compares: the content words, numbers and
 * punctuation cues of each sentence, as small sets of integer match keys. */
#ifndef SELARAS_FEATURES_H
#define SELARAS_FEATURES_H

#include <stddef.h>
#include <stdint.h>
#include "selaras/error.h"
#include "selaras/lexicon.h"
#include "selaras/text.h"

/* Language resources shared read-only between threads: stop words, the
 * Snowball algorithm names of both sides and the borrowed lexicon. */
typedef struct sl_featcfg sl_featcfg;

sl_featcfg *sl_featcfg_new(const char *src_lang, const char *tgt_lang, const sl_lexicon *lex,
                           sl_error *err);
void sl_featcfg_free(sl_featcfg *cfg);

/* A word-type cache for one thread: each distinct word is lower-cased,
 * stemmed, looked up in the lexicon and turned into keys once, then reused
 * by every later sentence and document the thread reads. Results never
 * depend on what the cache holds. NULL from new when out of memory. */
typedef struct sl_vocab sl_vocab;
sl_vocab *sl_vocab_new(const sl_featcfg *cfg, sl_error *err);
void sl_vocab_free(sl_vocab *v);

/* The features of one document, self-contained (dense ids local to the
 * document) and read-only once extracted, so several threads may align
 * parts of it at once.
 *
 * Token t of side s has type type[s][t]; the type's keys are
 * key[s][koff[s][type] .. koff[s][type+1]) (sorted, unique) and its weight
 * tw[s][type]. Two tokens match when their types share a key. For finding
 * matches fast, the target tokens are indexed by key: post[poff[k] ..
 * poff[k+1]) lists, in increasing order, the target tokens having key k. */
typedef struct sl_sentfeat {
    size_t tok0, ntok; /* tokens of the sentence: [tok0, tok0+ntok) */
    size_t chars;      /* length in characters (code points), spaces collapsed */
    double weight;     /* sum of its tokens' weights */
} sl_sentfeat;

typedef struct sl_docfeat {
    sl_sentfeat *sent[2]; /* [0] source, [1] target */
    size_t nsent[2];
    size_t ntok[2];
    uint32_t *type[2];    /* per token */
    size_t ntype[2];
    uint32_t *koff[2];    /* per type: ntype + 1 offsets into key[] */
    uint32_t *key[2];
    double *tw[2];        /* per type: weight in (0,1], lower for words that
                           * recur across the document's sentences */
    size_t nkeys;         /* keys are 0 .. nkeys-1, shared by both sides */
    uint32_t *poff, *post;
} sl_docfeat;

/* Extracts features for ns source and nt target sentences. Keys: the stem
 * (target) or the lexicon's translations of the stem (source); the word's
 * key (words.h: lower-cased, accents folded; names, acronyms, shared
 * loans); an orthographic cognate key (diplomasi ~ diplomacy); digits with
 * separators removed (3,5 ~ 3.5, 1.000 ~ 1,000); and "?", "(", '"' as
 * cues. Stop words are left out.
 * voc is the calling thread's cache (NULL: a temporary one). */
int sl_feat_extract(const sl_featcfg *cfg, sl_vocab *voc, const sl_span *src, size_t ns,
                    const sl_span *tgt, size_t nt, sl_docfeat *out, sl_error *err);
void sl_docfeat_free(sl_docfeat *f);

/* The content words of text on side (0 source, 1 target) as the aligner
 * reads them: their keys (words.h), a full reduplication as its base, stop
 * words left out, each with its Snowball stem. fn is called for each in order;
 * a nonzero return stops the walk and is returned (-1: out of memory). */
int sl_feat_words(sl_vocab *v, int side, const char *text, size_t len,
                  int (*fn)(void *ctx, const char *word, size_t wl, const char *stem, size_t sl),
                  void *ctx);

/* Weight of token t of side s. */
static inline double sl_feat_weight(const sl_docfeat *f, int s, size_t t)
{
    return f->tw[s][f->type[s][t]];
}

/* Weighted number of one-to-one token matches between source sentences
 * [i0, i0+ni) and target sentences [j0, j0+nj): source tokens in order
 * each take the first target token not yet taken that shares a key, and
 * each match counts the mean weight of its two tokens. A plain reference
 * implementation (quadratic in the tokens): the aligner gets the same
 * numbers from its match rows (match.h). */
double sl_feat_matches(const sl_docfeat *f, size_t i0, size_t ni, size_t j0, size_t nj);

#endif
