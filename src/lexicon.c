/* lexicon.c — the bilingual lexicon's storage and lookups.
 *
 * The readers (lexread.c) reduce every source to pairs of stemmed words,
 * interned here and collected as 64-bit (source id, target id) keys. At the
 * end of every add the keys are sorted and deduplicated into CSR arrays:
 * the targets of source id s are [off[s], off[s+1]), so a lookup is one
 * hash probe and a slice. The sorted keys and the reader (stemmers, stop
 * words) stay with the lexicon so that further sources can be added; a
 * failed add leaves the pairs as they were. */
#include "lexicon_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int sl_lex_pair(sl_lexicon *lex, const char *s, const char *t)
{
    long si = sl_strmap_intern(lex->src, s, strlen(s));
    long ti = sl_strmap_intern(lex->tgt, t, strlen(t));
    if (si < 0 || ti < 0 || sl_grow(&lex->keys, &lex->kcap, lex->nkeys + 1, sizeof *lex->keys))
        return -1;
    lex->keys[lex->nkeys++] = (uint64_t)si << 32 | (uint64_t)ti;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts and deduplicates all the keys into new CSR arrays, which replace
 * the old ones only when every allocation succeeded. */
static int build(sl_lexicon *lex)
{
    size_t nsrc = sl_strmap_size(lex->src), cap = lex->nkeys ? lex->nkeys : 1;
    size_t *off = calloc(nsrc + 1, sizeof *off);
    uint32_t *ids = malloc(cap * sizeof *ids);
    const char **str = malloc(cap * sizeof *str);
    if (!off || !ids || !str) {
        free(off);
        free(ids);
        free(str);
        return -1;
    }
    if (lex->nkeys)
        qsort(lex->keys, lex->nkeys, sizeof *lex->keys, cmp_u64);
    size_t n = 0;
    for (size_t i = 0; i < lex->nkeys; i++)
        if (n == 0 || lex->keys[i] != lex->keys[n - 1])
            lex->keys[n++] = lex->keys[i];
    for (size_t i = 0; i < n; i++) {
        off[(lex->keys[i] >> 32) + 1]++;
        ids[i] = (uint32_t)lex->keys[i];
        str[i] = sl_strmap_key(lex->tgt, (long)ids[i]);
    }
    for (size_t s = 0; s < nsrc; s++)
        off[s + 1] += off[s];
    free(lex->off);
    free(lex->ids);
    free(lex->str);
    lex->off = off;
    lex->ids = ids;
    lex->str = str;
    lex->nsrc = nsrc;
    lex->npairs = lex->nkeys = n;
    return 0;
}

/* On failure the words the add interned stay in the maps, past the CSR's
 * nsrc or in no range, and the maps' keys may have moved, so the target
 * strings are looked up again. */
int sl_lex_commit(sl_lexicon *lex, int rc, const char *name, sl_error *err)
{
    if (rc == SL_OK && build(lex))
        rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    if (rc != SL_OK) {
        lex->nkeys = lex->npairs;
        for (size_t i = 0; i < lex->npairs; i++)
            lex->str[i] = sl_strmap_key(lex->tgt, (long)lex->ids[i]);
    }
    return rc;
}

sl_lexicon *sl_lexicon_new(const char *src_lang, const char *tgt_lang, sl_error *err)
{
    sl_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex || !(lex->src = sl_strmap_new()) || !(lex->tgt = sl_strmap_new())) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        sl_lexicon_free(lex);
        return NULL;
    }
    if (!(lex->rd = sl_lexread_new(lex, src_lang, tgt_lang, err))) {
        sl_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

int sl_lexicon_add_stems(sl_lexicon *lex, const char *const *src, const char *const *tgt,
                         size_t n, sl_error *err)
{
    if (!lex)
        return sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no lexicon");
    int rc = SL_OK;
    for (size_t k = 0; k < n && rc == SL_OK; k++)
        if (sl_lex_pair(lex, src[k], tgt[k]))
            rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return sl_lex_commit(lex, rc, "<learned>", err);
}

void sl_lexicon_free(sl_lexicon *lex)
{
    if (!lex)
        return;
    sl_lexread_free(lex->rd);
    sl_strmap_free(lex->src);
    sl_strmap_free(lex->tgt);
    free(lex->off);
    free(lex->ids);
    free(lex->str);
    free(lex->keys);
    free(lex);
}

size_t sl_lexicon_size(const sl_lexicon *lex) { return lex ? lex->npairs : 0; }

size_t sl_lexicon_lookup(const sl_lexicon *lex, const char *src_stem, size_t len,
                         const char *const **out)
{
    if (out)
        *out = NULL;
    long id = lex && src_stem ? sl_strmap_get(lex->src, src_stem, len) : -1;
    if (id < 0 || (size_t)id >= lex->nsrc)
        return 0;
    size_t a = lex->off[id], b = lex->off[id + 1];
    if (out && a < b)
        *out = lex->str + a;
    return b - a;
}

int sl_lexicon_has(const sl_lexicon *lex, const char *src_stem, size_t slen,
                   const char *tgt_stem, size_t tlen)
{
    if (!lex || !src_stem || !tgt_stem)
        return 0;
    long s = sl_strmap_get(lex->src, src_stem, slen);
    long t = s < 0 || (size_t)s >= lex->nsrc ? -1 : sl_strmap_get(lex->tgt, tgt_stem, tlen);
    if (t < 0)
        return 0;
    size_t a = lex->off[s], b = lex->off[s + 1];
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (lex->ids[m] < (uint32_t)t)
            a = m + 1;
        else
            b = m;
    }
    return a < lex->off[s + 1] && lex->ids[a] == (uint32_t)t;
}
