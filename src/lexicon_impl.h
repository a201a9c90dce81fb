/* lexicon_impl.h — what the lexicon's three modules share, not installed:
 * the storage (lexicon.c), the readers of its sources (lexread.c) and the
 * default lexicon (lexdefault.c). */
#ifndef SELARAS_LEXICON_IMPL_H
#define SELARAS_LEXICON_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "selaras/lexicon.h"
#include "grow.h"
#include "selaras/strmap.h"

/* What further adds need: stemmers, stop words, scratch (lexread.c). */
typedef struct sl_lexread sl_lexread;

/* Every source is reduced to (source id, target id) keys. At the end of
 * every add the keys are sorted and deduplicated into CSR arrays: the
 * targets of source id s are [off[s], off[s+1]), so a lookup is one hash
 * probe and a slice. */
struct sl_lexicon {
    sl_strmap *src, *tgt;
    size_t *off;      /* by source id, nsrc + 1 entries */
    uint32_t *ids;    /* target ids, ascending within each source's range */
    const char **str; /* the same targets as keys of tgt */
    size_t npairs;
    size_t nsrc;      /* source ids the CSR covers: later ones have no pair */
    uint64_t *keys;   /* source id << 32 | target id: the first npairs are
                       * the CSR's, sorted; the current add appends */
    size_t nkeys, kcap;
    sl_lexread *rd;
};

enum { SL_LEX_SRC = 0, SL_LEX_TGT = 1 };

/* ---- lexicon.c: storage ------------------------------------------------ */

/* Adds the pair (s, t) of NUL-terminated stems to the current add. 0, or
 * -1 when out of memory. */
int sl_lex_pair(sl_lexicon *lex, const char *s, const char *t);

/* Ends an add that returned rc: builds the CSR on success; on failure
 * forgets the pairs of this add. Returns rc, or SL_ENOMEM (err set, name
 * the source) when the CSR could not be built. */
int sl_lex_commit(sl_lexicon *lex, int rc, const char *name, sl_error *err);

/* ---- lexread.c: the readers ------------------------------------------- */

/* The reader of a lexicon's sources for the pair src_lang -> tgt_lang
 * (NULL: "id" and "en" for stop words, no stemming); NULL on failure, err
 * set. */
sl_lexread *sl_lexread_new(sl_lexicon *lex, const char *src_lang, const char *tgt_lang,
                           sl_error *err);
void sl_lexread_free(sl_lexread *rd);

/* The ISO code ("id") or lower-cased name of side (SL_LEX_SRC, SL_LEX_TGT). */
const char *sl_lexread_code(const sl_lexread *rd, int side);

/* sl_lexicon_add_text; lone_stop keeps a stop word that is a whole side
 * (a curated list means "banyak" -> "many"). */
int sl_lexread_text(sl_lexicon *lex, const char *text, size_t len, const char *name,
                    enum sl_lex_format fmt, int lone_stop, sl_error *err);

#endif
