/* features.c — tokenising sentences into match keys for the aligner.
 *
 * Every token becomes a few integer keys in one per-document id space, so
 * that comparing two sentences is an intersection of small sorted arrays:
 *   S:stem  target stems, and the lexicon's translations of a source stem
 *   W:word  the lower-cased word itself (names, acronyms, shared loans)
 *   C:skel  an orthographic skeleton prefix shared by cognates
 *   N:digits a number with its separators removed (3,5 ~ 3.5, 1.000 ~ 1,000)
 *   P:?     a question mark, an opening quote or parenthesis: cues that
 *           survive translation */
#include "selaras/features.h"
#include "selaras/rules.h"
#include "selaras/strmap.h"
#include "selaras/text.h"

#include <libstemmer.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

struct sl_featcfg {
    char *lang[2];         /* Snowball names or ISO codes */
    sl_strmap *stop[2];
    const sl_lexicon *lex; /* borrowed, may be NULL */
    locale_t ctype;
};

sl_featcfg *sl_featcfg_new(const char *src_lang, const char *tgt_lang, const sl_lexicon *lex,
                           sl_error *err)
{
    sl_featcfg *c = calloc(1, sizeof *c);
    if (!c)
        goto nomem;
    const char *langs[2] = { src_lang, tgt_lang };
    for (int s = 0; s < 2; s++) {
        c->lang[s] = strdup(langs[s]);
        c->stop[s] = sl_stopwords_new(langs[s]);
        if (!c->lang[s] || !c->stop[s])
            goto nomem;
        struct sb_stemmer *st = sb_stemmer_new(langs[s], "UTF_8");
        if (!st) {
            sl_error_set(err, SL_EUSAGE, NULL, 0, -1,
                         "no Snowball stemmer for language '%s'", langs[s]);
            sl_featcfg_free(c);
            return NULL;
        }
        sb_stemmer_delete(st);
    }
    c->lex = lex;
    c->ctype = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!c->ctype) {
        sl_error_set(err, SL_EINTERNAL, NULL, 0, -1, "cannot set up the C.UTF-8 locale");
        sl_featcfg_free(c);
        return NULL;
    }
    return c;
nomem:
    sl_featcfg_free(c);
    sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
}

void sl_featcfg_free(sl_featcfg *c)
{
    if (!c)
        return;
    for (int s = 0; s < 2; s++) {
        free(c->lang[s]);
        sl_strmap_free(c->stop[s]);
    }
    if (c->ctype)
        freelocale(c->ctype);
    free(c);
}

/* ---- per-document extraction ----------------------------------------- */

typedef struct {
    const sl_featcfg *cfg;
    struct sb_stemmer *stem[2];
    sl_strmap *keys;   /* "S:..", "W:..", ... -> id */
    sl_docfeat *f;
    size_t kcap[2], tcap[2];
    char buf[256];
} ctx_t;

static int add_key(ctx_t *c, int side, const char *k, size_t n)
{
    long id = sl_strmap_intern(c->keys, k, n);
    if (id < 0)
        return -1;
    sl_docfeat *f = c->f;
    size_t t = f->ntok[side], at = f->koff[side][t + 1];
    if (at == f->koff[side][t])
        f->word[side][t] = (unsigned)id; /* the first key names the token */
    /* keys of one token stay sorted and unique */
    size_t lo = f->koff[side][t];
    for (size_t x = lo; x < at; x++)
        if (f->key[side][x] == (unsigned)id)
            return 0;
    if (at == c->kcap[side]) {
        size_t nc = c->kcap[side] ? c->kcap[side] * 2 : 1024;
        unsigned *nk = realloc(f->key[side], nc * sizeof *nk);
        if (!nk)
            return -1;
        f->key[side] = nk;
        c->kcap[side] = nc;
    }
    size_t x = at;
    while (x > lo && f->key[side][x - 1] > (unsigned)id) {
        f->key[side][x] = f->key[side][x - 1];
        x--;
    }
    f->key[side][x] = (unsigned)id;
    f->koff[side][t + 1] = at + 1;
    return 0;
}

static int add_prefixed(ctx_t *c, int side, char tag, const char *s, size_t n)
{
    if (n + 3 > sizeof c->buf)
        n = sizeof c->buf - 3;
    c->buf[0] = tag;
    c->buf[1] = ':';
    memcpy(c->buf + 2, s, n);
    return add_key(c, side, c->buf, n + 2);
}

static int begin_token(ctx_t *c, int side)
{
    sl_docfeat *f = c->f;
    size_t t = f->ntok[side];
    if (t + 2 > c->tcap[side]) {
        size_t nc = c->tcap[side] ? c->tcap[side] * 2 : 256;
        size_t *no = realloc(f->koff[side], nc * sizeof *no);
        if (!no)
            return -1;
        f->koff[side] = no;
        unsigned *nw = realloc(f->word[side], nc * sizeof *nw);
        if (!nw)
            return -1;
        f->word[side] = nw;
        c->tcap[side] = nc;
        if (t == 0)
            no[0] = 0;
    }
    f->koff[side][t + 1] = f->koff[side][t];
    return 0;
}

static void end_token(ctx_t *c, int side)
{
    sl_docfeat *f = c->f;
    if (f->koff[side][f->ntok[side] + 1] > f->koff[side][f->ntok[side]])
        f->ntok[side]++;
}

/* Orthographic skeleton for cognates: spelling differences between English
 * and Indonesian loans are mostly regular (c/k, ch/k, ph/f, qu/ku, x/ks, y/i,
 * th/t, double letters), so after mapping them a shared 5-letter prefix
 * (diplomasi ~ diplomacy, kualitatif ~ qualitative) is strong evidence. */
static size_t skeleton(const char *w, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        char ch = w[i], nx = i + 1 < n ? w[i + 1] : 0;
        char add[2] = { ch, 0 };
        if ((unsigned char)ch >= 0x80)
            return 0; /* ASCII words only */
        if (ch == 'p' && nx == 'h') { add[0] = 'f'; i++; }
        else if (ch == 't' && nx == 'h') { add[0] = 't'; i++; }
        else if (ch == 'q' && nx == 'u') { add[0] = 'k'; add[1] = 'u'; i++; }
        else if (ch == 'c' && nx == 'h') { add[0] = 'k'; i++; }
        else if (ch == 'c') add[0] = (nx == 'e' || nx == 'i' || nx == 'y') ? 's' : 'k';
        else if (ch == 'x') { add[0] = 'k'; add[1] = 's'; }
        else if (ch == 'y') add[0] = 'i';
        else if (ch == 's' && nx == 'y') { add[0] = 's'; i++; }
        else if (ch == 'k' && nx == 'h') { add[0] = 'k'; i++; }
        for (int k = 0; k < 2 && add[k]; k++)
            if (o == 0 || out[o - 1] != add[k])
                out[o++] = add[k];
    }
    return o;
}

enum { COG = 5 };

static int word_token(ctx_t *c, int side, const char *w, size_t n)
{
    /* reduplication marks plurality: "tantangan-tantangan" is "tantangan" */
    const char *h = memchr(w, '-', n);
    if (h && (size_t)(h - w) * 2 + 1 == n && memcmp(w, h + 1, (size_t)(h - w)) == 0)
        n = (size_t)(h - w);
    const sl_featcfg *cfg = c->cfg;
    if (sl_strmap_get(cfg->stop[side], w, n) >= 0 || n < 2)
        return 0;
    if (begin_token(c, side))
        return -1;
    if (add_prefixed(c, side, 'W', w, n))
        return -1;
    const sb_symbol *st = sb_stemmer_stem(c->stem[side], (const sb_symbol *)w, (int)n);
    size_t sn = st ? (size_t)sb_stemmer_length(c->stem[side]) : 0;
    char stem[128];
    if (sn >= sizeof stem)
        sn = sizeof stem - 1;
    if (st)
        memcpy(stem, st, sn);
    if (side == 1) {
        if (sn && add_prefixed(c, side, 'S', stem, sn))
            return -1;
    } else if (cfg->lex && sn) {
        const char *const *tr;
        size_t k = sl_lexicon_lookup(cfg->lex, stem, sn, &tr);
        for (size_t x = 0; x < k; x++) {
            size_t tl = strlen(tr[x]);
            if (add_prefixed(c, side, 'S', tr[x], tl))
                return -1;
            /* derivations share a prefix: khusus -> "special" also meets
             * "specifically" */
            char tk[128];
            if (skeleton(tr[x], tl, tk, sizeof tk) >= COG && add_prefixed(c, side, 'C', tk, COG))
                return -1;
        }
    }
    char sk[128];
    size_t kn = skeleton(w, n, sk, sizeof sk);
    if (kn >= COG && add_prefixed(c, side, 'C', sk, COG))
        return -1;
    end_token(c, side);
    return 0;
}

static int number_token(ctx_t *c, int side, const char *s, size_t n)
{
    char d[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof d; i++)
        if (s[i] >= '0' && s[i] <= '9')
            d[k++] = s[i];
    if (begin_token(c, side) || add_prefixed(c, side, 'N', d, k))
        return -1;
    end_token(c, side);
    return 0;
}

static int cue_token(ctx_t *c, int side, const char *cue)
{
    if (begin_token(c, side) || add_key(c, side, cue, strlen(cue)))
        return -1;
    end_token(c, side);
    return 0;
}

static int is_letter(const ctx_t *c, unsigned cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    return iswalpha_l((wint_t)cp, c->cfg->ctype);
}

/* Lower-cases one code point into out (UTF-8); returns bytes written. */
static size_t put_lower(const ctx_t *c, unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return 1;
    }
    cp = (unsigned)towlower_l((wint_t)cp, c->cfg->ctype);
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int sentence(ctx_t *c, int side, const sl_span *sp, sl_sentfeat *sf)
{
    const char *s = sp->s;
    size_t n = sp->len, i = 0, chars = 0, adv;
    char w[256];
    sf->tok0 = c->f->ntok[side];
    int prev_space = 1;
    while (i < n) {
        unsigned cp = sl_utf8_decode(s + i, n - i, &adv);
        if (sl_utf8_space_len(s, n, i)) {
            chars += !prev_space;
            prev_space = 1;
            i += adv;
            continue;
        }
        prev_space = 0;
        if (is_letter(c, cp)) {
            size_t wl = 0;
            while (i < n) {
                cp = sl_utf8_decode(s + i, n - i, &adv);
                int joiner = (cp == '-' || cp == '\'' || cp == 0x2019) && i + adv < n;
                if (joiner) {
                    size_t a2;
                    joiner = is_letter(c, sl_utf8_decode(s + i + adv, n - i - adv, &a2));
                }
                if (!is_letter(c, cp) && !joiner)
                    break;
                if (wl + 4 < sizeof w)
                    wl += put_lower(c, cp == 0x2019 ? '\'' : cp, w + wl);
                i += adv;
                chars++;
            }
            if (word_token(c, side, w, wl))
                return -1;
        } else if (cp >= '0' && cp <= '9') {
            size_t b = i;
            while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
                             ((s[i] == '.' || s[i] == ',') && i + 1 < n && s[i + 1] >= '0' &&
                              s[i + 1] <= '9'))) {
                i++;
                chars++;
            }
            if (number_token(c, side, s + b, i - b))
                return -1;
        } else {
            /* punctuation that survives translation: a question, a
             * quotation, a parenthesis */
            const char *cue = cp == '?' ? "P:?"
                              : cp == '(' ? "P:("
                              : (cp == '"' || cp == 0x201C) ? "P:\"" : NULL;
            if (cue && cue_token(c, side, cue))
                return -1;
            i += adv;
            chars++;
        }
    }
    sf->ntok = c->f->ntok[side] - sf->tok0;
    sf->chars = chars;
    return 0;
}

/* Key signatures: comparing two sorted key lists is the aligner's inner
 * loop, and most token pairs share nothing; a 64-bit hash of the keys lets
 * those pairs be skipped with one AND. */
static int sign(sl_docfeat *f)
{
    for (int s = 0; s < 2; s++) {
        f->sig[s] = malloc((f->ntok[s] + 1) * sizeof *f->sig[s]);
        if (!f->sig[s])
            return -1;
        for (size_t t = 0; t < f->ntok[s]; t++) {
            unsigned long long g = 0;
            for (size_t k = f->koff[s][t]; k < f->koff[s][t + 1]; k++)
                g |= 1ULL << ((f->key[s][k] * 2654435761u) >> 26);
            f->sig[s][t] = g;
        }
    }
    return 0;
}

/* Inverse sentence frequency within the document: "diplomasi kota" in
 * every sentence of an abstract says little about which sentences pair up,
 * so its weight is log((N+1)/df) / log(N+1). */
static int weigh(sl_docfeat *f, size_t nkeys)
{
    size_t *df = calloc(nkeys + 1, sizeof *df), *last = malloc((nkeys + 1) * sizeof *last);
    int rc = -1;
    if (!df || !last)
        goto out;
    for (int s = 0; s < 2; s++) {
        size_t n = f->nsent[s];
        for (size_t k = 0; k <= nkeys; k++)
            last[k] = (size_t)-1, df[k] = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t t = f->sent[s][i].tok0; t < f->sent[s][i].tok0 + f->sent[s][i].ntok; t++)
                if (last[f->word[s][t]] != i) {
                    last[f->word[s][t]] = i;
                    df[f->word[s][t]]++;
                }
        f->tw[s] = malloc((f->ntok[s] + 1) * sizeof *f->tw[s]);
        if (!f->tw[s])
            goto out;
        double norm = log((double)n + 1);
        for (size_t i = 0; i < n; i++) {
            sl_sentfeat *sf = &f->sent[s][i];
            sf->weight = 0;
            for (size_t t = sf->tok0; t < sf->tok0 + sf->ntok; t++) {
                f->tw[s][t] = log(((double)n + 1) / (double)df[f->word[s][t]]) / norm;
                sf->weight += f->tw[s][t];
            }
        }
    }
    rc = 0;
out:
    free(df);
    free(last);
    return rc;
}

int sl_feat_extract(const sl_featcfg *cfg, const sl_span *src, size_t ns, const sl_span *tgt,
                    size_t nt, sl_docfeat *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    ctx_t c = { 0 };
    c.cfg = cfg;
    c.f = out;
    c.keys = sl_strmap_new();
    /* Snowball stemmers keep state: one per call keeps this re-entrant */
    c.stem[0] = sb_stemmer_new(cfg->lang[0], "UTF_8");
    c.stem[1] = sb_stemmer_new(cfg->lang[1], "UTF_8");
    const sl_span *sides[2] = { src, tgt };
    size_t counts[2] = { ns, nt };
    int rc = SL_OK;
    if (!c.keys || !c.stem[0] || !c.stem[1])
        goto nomem;
    for (int s = 0; s < 2; s++) {
        out->nsent[s] = counts[s];
        out->sent[s] = calloc(counts[s] + 1, sizeof *out->sent[s]);
        if (!out->sent[s] || begin_token(&c, s))
            goto nomem;
        for (size_t i = 0; i < counts[s]; i++)
            if (sentence(&c, s, &sides[s][i], &out->sent[s][i]))
                goto nomem;
    }
    if (weigh(out, sl_strmap_size(c.keys)) || sign(out))
        goto nomem;
    goto done;
nomem:
    sl_docfeat_free(out);
    rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
done:
    sl_strmap_free(c.keys);
    if (c.stem[0]) sb_stemmer_delete(c.stem[0]);
    if (c.stem[1]) sb_stemmer_delete(c.stem[1]);
    return rc;
}

void sl_docfeat_free(sl_docfeat *f)
{
    if (!f)
        return;
    for (int s = 0; s < 2; s++) {
        free(f->sent[s]);
        free(f->koff[s]);
        free(f->key[s]);
        free(f->word[s]);
        free(f->tw[s]);
        free(f->sig[s]);
    }
    memset(f, 0, sizeof *f);
}

static int share_key(const unsigned *a, size_t na, const unsigned *b, size_t nb)
{
    size_t x = 0, y = 0;
    while (x < na && y < nb) {
        if (a[x] == b[y]) return 1;
        if (a[x] < b[y]) x++;
        else y++;
    }
    return 0;
}

double sl_feat_matches(const sl_docfeat *f, size_t i0, size_t ni, size_t j0, size_t nj)
{
    if (ni == 0 || nj == 0)
        return 0;
    size_t x0 = f->sent[0][i0].tok0, x1 = f->sent[0][i0 + ni - 1].tok0 + f->sent[0][i0 + ni - 1].ntok;
    size_t y0 = f->sent[1][j0].tok0, y1 = f->sent[1][j0 + nj - 1].tok0 + f->sent[1][j0 + nj - 1].ntok;
    unsigned char used[1024];
    if (y1 - y0 > sizeof used)
        y1 = y0 + sizeof used;
    memset(used, 0, y1 - y0);
    double m = 0;
    /* greedy one-to-one: each target token pays for one source token */
    for (size_t x = x0; x < x1; x++) {
        const unsigned *ka = f->key[0] + f->koff[0][x];
        size_t kna = f->koff[0][x + 1] - f->koff[0][x];
        unsigned long long sx = f->sig[0][x];
        for (size_t y = y0; y < y1; y++) {
            if (used[y - y0] || !(sx & f->sig[1][y]))
                continue;
            if (share_key(ka, kna, f->key[1] + f->koff[1][y], f->koff[1][y + 1] - f->koff[1][y])) {
                used[y - y0] = 1;
                m += (f->tw[0][x] + f->tw[1][y]) / 2;
                break;
            }
        }
    }
    return m;
}
