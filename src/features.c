/* features.c — tokenising sentences into match keys for the aligner.
 *
 * Every token becomes a few integer keys, so that comparing two sentences
 * is a lookup of small integer sets:
 *   S:stem  target stems, and the lexicon's translations of a source stem
 *   W:word  the word's key itself (names, acronyms, shared loans; words.h)
 *   C:skel  an orthographic skeleton prefix shared by cognates
 *   N:digits a number with its separators removed (3,5 ~ 3.5, 1.000 ~ 1,000)
 *   P:?     a question mark, an opening quote or parenthesis: cues that
 *           survive translation
 *
 * The work per distinct word (lower-casing, Snowball stemming, lexicon
 * lookup, cognate skeletons, interning) is done once per thread and cached
 * in an sl_vocab; a document then only maps the cached types to dense ids
 * of its own. */
#include "selaras/features.h"
#include "grow.h"
#include "selaras/rules.h"
#include "selaras/strmap.h"
#include "selaras/text.h"
#include "selaras/words.h"

#include <libstemmer.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A spelling correspondence of src/rules/cognates.txt: from (followed by
 * a letter of look, when look is not empty) is written to. */
typedef struct {
    char from[4], look[8], to[4];
    unsigned char nfrom, nto;
} cogrule;

enum { MAX_COGRULES = 64 };

struct sl_featcfg {
    char *lang[2];         /* Snowball names or ISO codes */
    sl_strmap *stop[2];
    const sl_lexicon *lex; /* borrowed, may be NULL */
    locale_t ctype;
    cogrule cog[MAX_COGRULES];
    size_t ncog;
};

/* Reads the [cognates] rules of the built-in rule file. Returns -1 on a
 * malformed rule (the built-in file is tested, so this is a build error). */
static int load_cognates(sl_featcfg *c)
{
    const char *src = sl_rules_builtin("cognates");
    const char *at;
    size_t n;
    for (const char *p = src; sl_rules_item(&p, &at, &n);) {
        char line[64];
        if (n >= sizeof line)
            return -1;
        memcpy(line, at, n);
        line[n] = '\0';
        char from[16], to[16];
        if (sscanf(line, "%15s %15s", from, to) != 2 || c->ncog == MAX_COGRULES)
            return -1;
        cogrule *r = &c->cog[c->ncog++];
        memset(r, 0, sizeof *r);
        char *br = strchr(from, '[');
        size_t fl = br ? (size_t)(br - from) : strlen(from);
        if (br) {
            char *end = strchr(br, ']');
            if (!end || end[1] || (size_t)(end - br - 1) >= sizeof r->look)
                return -1;
            memcpy(r->look, br + 1, (size_t)(end - br - 1));
        }
        if (fl == 0 || fl >= sizeof r->from || strlen(to) >= sizeof r->to)
            return -1;
        memcpy(r->from, from, fl);
        r->nfrom = (unsigned char)fl;
        r->nto = (unsigned char)strlen(to);
        memcpy(r->to, to, r->nto);
    }
    return c->ncog ? 0 : -1;
}

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
        if (strcmp(langs[s], "none") == 0)
            continue; /* words only lower-cased: a language Snowball lacks */
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
    if (load_cognates(c)) {
        sl_error_set(err, SL_EINTERNAL, "cognates.txt", 0, -1, "malformed [cognates] rule");
        sl_featcfg_free(c);
        return NULL;
    }
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

/* ---- the per-thread word-type cache ------------------------------------ */

typedef struct {
    uint32_t word;   /* key of the word (or number, or cue) itself */
    uint32_t k0, nk; /* its match keys, sorted: pool[k0 .. k0+nk) */
    int stop;        /* a stop word or a one-letter word: no token */
} vtype;

/* Past this many keys the cache starts afresh between documents, so a
 * batch of any size runs in bounded memory (some 200 MB at most). */
enum { VOCAB_MAX_KEYS = 1 << 22 };

struct sl_vocab {
    const sl_featcfg *cfg;
    struct sb_stemmer *stem[2];
    sl_strmap *keys;  /* "S:..", "W:..", ... -> key id */
    sl_strmap *types; /* side, kind and text -> type id */
    vtype *t;
    size_t tcap;
    uint32_t *pool;
    size_t np, pcap;
    /* A document maps the types and keys it uses to dense ids of its own;
     * gen stamps say which entries belong to the current document. */
    uint32_t gen;
    uint32_t *tgen[2], *tloc[2];
    size_t tstamps;
    uint32_t *kgen, *kloc;
    size_t kstamps;
    uint32_t *ks;
    size_t kscap;
    struct tok *tk; /* the sentence being read: its tokens' names in tb */
    size_t ntk, tkcap;
    char *tb;
    size_t tblen, tbcap;
    char buf[300];
};

static int vocab_maps(sl_vocab *v)
{
    v->keys = sl_strmap_new();
    v->types = sl_strmap_new();
    v->np = 0;
    return v->keys && v->types ? 0 : -1;
}

static void vocab_clear(sl_vocab *v)
{
    sl_strmap_free(v->keys);
    sl_strmap_free(v->types);
    v->keys = v->types = NULL;
    /* stamps of the old ids must not match new ones */
    for (int s = 0; s < 2; s++)
        if (v->tgen[s])
            memset(v->tgen[s], 0, v->tstamps * sizeof *v->tgen[s]);
    if (v->kgen)
        memset(v->kgen, 0, v->kstamps * sizeof *v->kgen);
}

sl_vocab *sl_vocab_new(const sl_featcfg *cfg, sl_error *err)
{
    sl_vocab *v = calloc(1, sizeof *v);
    if (!v)
        goto nomem;
    v->cfg = cfg;
    for (int s = 0; s < 2; s++)
        if (strcmp(cfg->lang[s], "none") != 0 && !(v->stem[s] = sb_stemmer_new(cfg->lang[s], "UTF_8")))
            goto nomem;
    if (vocab_maps(v))
        goto nomem;
    return v;
nomem:
    sl_vocab_free(v);
    sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
}

void sl_vocab_free(sl_vocab *v)
{
    if (!v)
        return;
    for (int s = 0; s < 2; s++) {
        if (v->stem[s])
            sb_stemmer_delete(v->stem[s]);
        free(v->tgen[s]);
        free(v->tloc[s]);
    }
    sl_strmap_free(v->keys);
    sl_strmap_free(v->types);
    free(v->t);
    free(v->pool);
    free(v->kgen);
    free(v->kloc);
    free(v->ks);
    free(v->tk);
    free(v->tb);
    free(v);
}


/* Keys of the type being built: collected unsorted, then sorted. The
 * array is the vocabulary's, reused from word to word. */
typedef struct {
    uint32_t *k;
    size_t n;
    uint32_t word;
} keyset;

static int add_key(sl_vocab *v, keyset *ks, char tag, const char *s, size_t n)
{
    if (n + 3 > sizeof v->buf)
        n = sizeof v->buf - 3;
    v->buf[0] = tag;
    v->buf[1] = ':';
    memcpy(v->buf + 2, s, n);
    long id = sl_strmap_intern(v->keys, v->buf, n + 2);
    if (id < 0)
        return -1;
    if (ks->n == 0)
        ks->word = (uint32_t)id; /* the first key names the token */
    for (size_t x = 0; x < ks->n; x++)
        if (ks->k[x] == (uint32_t)id)
            return 0;
    if (sl_grow(&v->ks, &v->kscap, ks->n + 1, sizeof *v->ks))
        return -1;
    ks->k = v->ks;
    ks->k[ks->n++] = (uint32_t)id;
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Stores a new type under name (len bytes) and returns its id, or -1. */
static long new_type(sl_vocab *v, const char *name, size_t len, keyset *ks, int stop)
{
    long id = sl_strmap_intern(v->types, name, len);
    if (id < 0 || sl_grow(&v->t, &v->tcap, (size_t)id + 1, sizeof *v->t) ||
        sl_grow(&v->pool, &v->pcap, v->np + ks->n, sizeof *v->pool))
        return -1;
    if (ks->n)
        qsort(ks->k, ks->n, sizeof *ks->k, cmp_u32);
    vtype *t = &v->t[id];
    t->word = ks->word;
    t->k0 = (uint32_t)v->np;
    t->nk = (uint32_t)ks->n;
    t->stop = stop;
    if (ks->n)
        memcpy(v->pool + v->np, ks->k, ks->n * sizeof *ks->k);
    v->np += ks->n;
    return id;
}

/* Orthographic skeleton for cognates: spelling differences between English
 * and Indonesian loans are mostly regular (the rules of cognates.txt, and
 * double letters), so after mapping them a shared 5-letter prefix
 * (diplomasi ~ diplomacy, kualitatif ~ qualitative) is strong evidence. */
static size_t skeleton(const sl_featcfg *cfg, const char *w, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)w[i] >= 0x80)
            return 0; /* ASCII words only */
        const char *add = w + i;
        size_t nadd = 1, used = 1;
        for (size_t r = 0; r < cfg->ncog; r++) {
            const cogrule *R = &cfg->cog[r];
            if (i + R->nfrom > n || memcmp(w + i, R->from, R->nfrom) != 0)
                continue;
            if (R->look[0] && (i + R->nfrom >= n || !strchr(R->look, w[i + R->nfrom])))
                continue;
            add = R->to;
            nadd = R->nto;
            used = R->nfrom;
            break;
        }
        i += used;
        for (size_t k = 0; k < nadd && o + 2 < cap; k++)
            if (o == 0 || out[o - 1] != add[k])
                out[o++] = add[k];
        if (o + 2 >= cap)
            break;
    }
    return o;
}

enum { COG = 5, MAX_TOKENS = 10000 };

/* The content word of key w (n bytes, see words.h): a full reduplication
 * marks plurality ("tantangan-tantangan" is "tantangan"). Returns its
 * length, or 0 for a stop word or a one-letter word, which are no
 * tokens. */
static size_t content_word(const sl_vocab *v, int side, const char *w, size_t n)
{
    n = sl_word_base(w, n);
    if (n < 2 || sl_strmap_get(v->cfg->stop[side], w, n) >= 0)
        return 0;
    return n;
}

/* The Snowball stem of w into stem (cap bytes); its length. */
static size_t stem_word(sl_vocab *v, int side, const char *w, size_t n, char *stem, size_t cap)
{
    const sb_symbol *st = v->stem[side] ? sb_stemmer_stem(v->stem[side], (const sb_symbol *)w, (int)n)
                                        : (const sb_symbol *)w;
    size_t sn = !st ? 0 : v->stem[side] ? (size_t)sb_stemmer_length(v->stem[side]) : n;
    if (sn >= cap)
        sn = cap - 1;
    if (st)
        memcpy(stem, st, sn);
    stem[sn] = '\0';
    return sn;
}

/* The type of word key w (n bytes) on side s: its keys, or a stop type.
 * name/len is the cache entry's name. */
static long word_type(sl_vocab *v, int side, const char *w, size_t n, const char *name,
                      size_t len)
{
    keyset ks = { .k = v->ks, .n = 0 };
    if (!(n = content_word(v, side, w, n)))
        return new_type(v, name, len, &ks, 1);
    const sl_featcfg *cfg = v->cfg;
    if (add_key(v, &ks, 'W', w, n))
        return -1;
    char stem[128];
    size_t sn = stem_word(v, side, w, n, stem, sizeof stem);
    if (side == 1) {
        if (sn && add_key(v, &ks, 'S', stem, sn))
            return -1;
    } else if (cfg->lex && sn) {
        const char *const *tr;
        size_t k = sl_lexicon_lookup(cfg->lex, stem, sn, &tr);
        for (size_t x = 0; x < k; x++) {
            size_t tl = strlen(tr[x]);
            if (add_key(v, &ks, 'S', tr[x], tl))
                return -1;
            /* derivations share a prefix: khusus -> "special" also meets
             * "specifically" */
            char tk[128];
            if (skeleton(cfg, tr[x], tl, tk, sizeof tk) >= COG && add_key(v, &ks, 'C', tk, COG))
                return -1;
        }
    }
    char sk[128];
    size_t kn = skeleton(cfg, w, n, sk, sizeof sk);
    if (kn >= COG && add_key(v, &ks, 'C', sk, COG))
        return -1;
    return new_type(v, name, len, &ks, 0);
}

/* Type id of a token named name (len bytes: side, kind, text; kind 'w' a
 * word's key, 'n' digits, 'p' a cue; h its hash), from the cache or
 * built. */
static long token_type(sl_vocab *v, const char *name, size_t len, uint32_t h)
{
    long id = sl_strmap_get_h(v->types, name, len, h);
    if (id >= 0)
        return id;
    int side = name[0] - '0';
    const char *s = name + 2;
    size_t n = len - 2;
    if (name[1] == 'w')
        return word_type(v, side, s, n, name, len);
    keyset ks = { .k = v->ks, .n = 0 };
    if (add_key(v, &ks, name[1] == 'n' ? 'N' : 'P', s, n))
        return -1;
    return new_type(v, name, len, &ks, 0);
}

/* ---- per-document extraction ----------------------------------------- */

typedef struct {
    sl_vocab *v;
    sl_docfeat *f;
    size_t tokcap[2], typecap[2], keycap[2];
    uint32_t *wordk[2]; /* per local type: its word's local key */
    size_t wcap[2];
} ctx_t;

/* Local key of vocabulary key k. */
static int local_key(ctx_t *c, uint32_t k, uint32_t *out)
{
    sl_vocab *v = c->v;
    if (k >= v->kstamps) {
        size_t old = v->kstamps, cap = old;
        if (sl_grow(&v->kgen, &cap, (size_t)k + 1, sizeof *v->kgen))
            return -1;
        size_t cap2 = old;
        if (sl_grow(&v->kloc, &cap2, cap, sizeof *v->kloc))
            return -1;
        memset(v->kgen + old, 0, (cap - old) * sizeof *v->kgen);
        v->kstamps = cap;
    }
    if (v->kgen[k] != v->gen) {
        v->kgen[k] = v->gen;
        v->kloc[k] = (uint32_t)c->f->nkeys++;
    }
    *out = v->kloc[k];
    return 0;
}

/* Appends a token of vocabulary type g to side s (unless a stop type). */
static int add_token(ctx_t *c, int s, long g)
{
    sl_vocab *v = c->v;
    sl_docfeat *f = c->f;
    const vtype *t = &v->t[g];
    if (t->stop)
        return 0;
    if ((size_t)g >= v->tstamps) {
        size_t old = v->tstamps, cap = old;
        for (int x = 0; x < 2; x++) {
            cap = old;
            if (sl_grow(&v->tgen[x], &cap, (size_t)g + 1, sizeof *v->tgen[x]))
                return -1;
            size_t cap2 = old;
            if (sl_grow(&v->tloc[x], &cap2, cap, sizeof *v->tloc[x]))
                return -1;
            memset(v->tgen[x] + old, 0, (cap - old) * sizeof *v->tgen[x]);
        }
        v->tstamps = cap;
    }
    if (v->tgen[s][g] != v->gen) {
        /* first use in this document: a local type with local keys */
        size_t lt = f->ntype[s];
        if (sl_grow(&f->koff[s], &c->typecap[s], lt + 2, sizeof *f->koff[s]) ||
            sl_grow(&c->wordk[s], &c->wcap[s], lt + 1, sizeof *c->wordk[s]) ||
            sl_grow(&f->key[s], &c->keycap[s], f->koff[s][lt] + t->nk, sizeof *f->key[s]))
            return -1;
        uint32_t at = f->koff[s][lt];
        for (uint32_t x = 0; x < t->nk; x++)
            if (local_key(c, v->pool[t->k0 + x], &f->key[s][at + x]))
                return -1;
        uint32_t *k = f->key[s] + at; /* a few keys: insertion sort */
        for (uint32_t x = 1; x < t->nk; x++) {
            uint32_t y = x, val = k[x];
            while (y > 0 && k[y - 1] > val) {
                k[y] = k[y - 1];
                y--;
            }
            k[y] = val;
        }
        f->koff[s][lt + 1] = at + t->nk;
        if (local_key(c, t->word, &c->wordk[s][lt]))
            return -1;
        v->tgen[s][g] = v->gen;
        v->tloc[s][g] = (uint32_t)lt;
        f->ntype[s]++;
    }
    if (sl_grow(&f->type[s], &c->tokcap[s], f->ntok[s] + 1, sizeof *f->type[s]))
        return -1;
    f->type[s][f->ntok[s]++] = v->tloc[s][g];
    return 0;
}

/* A token of the sentence being read: its cache name in v->tb. */
struct tok {
    size_t off, len;
    uint32_t h;
};

/* Appends the token name (side, kind, text) to the sentence's list and
 * prefetches its slot in the type cache. */
static int push_token(sl_vocab *v, int side, char kind, const char *text, size_t n)
{
    if (v->ntk >= MAX_TOKENS)
        return 0;
    if (n > 256)
        n = 256;
    if (sl_grow(&v->tb, &v->tbcap, v->tblen + n + 2, 1) ||
        sl_grow(&v->tk, &v->tkcap, v->ntk + 1, sizeof *v->tk))
        return -1;
    char *name = v->tb + v->tblen;
    name[0] = (char)('0' + side);
    name[1] = kind;
    memcpy(name + 2, text, n);
    struct tok *t = &v->tk[v->ntk++];
    t->off = v->tblen;
    t->len = n + 2;
    t->h = sl_strmap_hash(name, n + 2);
    sl_strmap_prefetch(v->types, t->h);
    v->tblen += n + 2;
    return 0;
}

/* Cuts text into tokens (words as their keys, numbers as their digits,
 * cues), their names listed in v->tk and v->tb; *chars receives its
 * length in characters with runs of spaces counted once. */
static int scan(sl_vocab *v, int side, const char *s, size_t n, size_t *chars_out)
{
    const sl_featcfg *cfg = v->cfg;
    size_t i = 0, chars = 0, adv;
    char w[SL_WORD_MAX];
    v->ntk = v->tblen = 0;
    int prev_space = 1;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        unsigned cp;
        if (b < 0x80) {
            cp = b;
            adv = 1;
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                chars += !prev_space;
                prev_space = 1;
                i++;
                continue;
            }
        } else {
            cp = sl_utf8_decode(s + i, n - i, &adv);
            if (sl_utf8_space_len(s, n, i)) {
                chars += !prev_space;
                prev_space = 1;
                i += adv;
                continue;
            }
        }
        prev_space = 0;
        if (sl_word_is_letter(cp, cfg->ctype)) {
            size_t wl, wc;
            i += sl_word_read(s + i, n - i, cfg->ctype, w, sizeof w, &wl, &wc);
            chars += wc;
            if (push_token(v, side, 'w', w, wl))
                return -1;
        } else if (cp >= '0' && cp <= '9') {
            size_t k = 0;
            while (i < n && ((s[i] >= '0' && s[i] <= '9') ||
                             ((s[i] == '.' || s[i] == ',') && i + 1 < n && s[i + 1] >= '0' &&
                              s[i + 1] <= '9'))) {
                if (s[i] >= '0' && s[i] <= '9' && k < 64)
                    w[k++] = s[i];
                i++;
                chars++;
            }
            if (push_token(v, side, 'n', w, k))
                return -1;
        } else {
            /* punctuation that survives translation: a question, a
             * quotation, a parenthesis */
            const char *cue = cp == '?' ? "?" : cp == '(' ? "(" : (cp == '"' || cp == 0x201C) ? "\"" : NULL;
            if (cue && push_token(v, side, 'p', cue, 1))
                return -1;
            i += adv;
            chars++;
        }
    }
    *chars_out = chars;
    return 0;
}

/* Reads one sentence in two steps: its tokens first (hashed, their cache
 * slots prefetched), then their types, so that the memory latency of a
 * large cache overlaps instead of adding up. */
static int sentence(ctx_t *c, int side, const sl_span *sp, sl_sentfeat *sf)
{
    sl_vocab *v = c->v;
    sf->tok0 = c->f->ntok[side];
    if (scan(v, side, sp->s, sp->len, &sf->chars))
        return -1;
    /* a "sentence" of more than MAX_TOKENS words is a document that was
     * never split: its first MAX_TOKENS words stand for it, so that memory
     * and time stay bounded */
    for (size_t t = 0; t < v->ntk && t < MAX_TOKENS; t++) {
        long g = token_type(v, v->tb + v->tk[t].off, v->tk[t].len, v->tk[t].h);
        if (g < 0 || add_token(c, side, g))
            return -1;
    }
    sf->ntok = c->f->ntok[side] - sf->tok0;
    return 0;
}

int sl_feat_words(sl_vocab *v, int side, const char *text, size_t len,
                  int (*fn)(void *ctx, const char *word, size_t wl, const char *stem, size_t sl),
                  void *ctx)
{
    size_t chars;
    if (scan(v, side, text, len, &chars))
        return -1;
    char stem[128];
    for (size_t t = 0; t < v->ntk; t++) {
        const char *name = v->tb + v->tk[t].off;
        size_t n = v->tk[t].len - 2;
        if (name[1] != 'w' || !(n = content_word(v, side, name + 2, n)))
            continue;
        size_t sn = stem_word(v, side, name + 2, n, stem, sizeof stem);
        int rc = sn ? fn(ctx, name + 2, n, stem, sn) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

/* Inverse sentence frequency within the document: "diplomasi kota" in
 * every sentence of an abstract says little about which sentences pair up,
 * so a word's weight is log((N+1)/df) / log(N+1). */
static int weigh(ctx_t *c)
{
    sl_docfeat *f = c->f;
    size_t nk = f->nkeys + 1;
    size_t *df = malloc(nk * sizeof *df), *last = malloc(nk * sizeof *last);
    int rc = -1;
    if (!df || !last)
        goto out;
    for (int s = 0; s < 2; s++) {
        size_t n = f->nsent[s];
        for (size_t k = 0; k < nk; k++)
            last[k] = (size_t)-1, df[k] = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t t = f->sent[s][i].tok0; t < f->sent[s][i].tok0 + f->sent[s][i].ntok; t++) {
                uint32_t w = c->wordk[s][f->type[s][t]];
                if (last[w] != i) {
                    last[w] = i;
                    df[w]++;
                }
            }
        f->tw[s] = malloc((f->ntype[s] + 1) * sizeof *f->tw[s]);
        if (!f->tw[s])
            goto out;
        double norm = log((double)n + 1);
        for (size_t lt = 0; lt < f->ntype[s]; lt++) {
            size_t d = df[c->wordk[s][lt]];
            f->tw[s][lt] = d ? log(((double)n + 1) / (double)d) / norm : 1.0;
        }
        for (size_t i = 0; i < n; i++) {
            sl_sentfeat *sf = &f->sent[s][i];
            sf->weight = 0;
            for (size_t t = sf->tok0; t < sf->tok0 + sf->ntok; t++)
                sf->weight += f->tw[s][f->type[s][t]];
        }
    }
    rc = 0;
out:
    free(df);
    free(last);
    return rc;
}

/* The target tokens of each key, in increasing order (a CSR index). */
static int index_targets(sl_docfeat *f)
{
    size_t nk = f->nkeys, ny = f->ntok[1];
    f->poff = calloc(nk + 2, sizeof *f->poff);
    if (!f->poff)
        return -1;
    size_t total = 0;
    for (size_t y = 0; y < ny; y++) {
        uint32_t t = f->type[1][y];
        for (uint32_t x = f->koff[1][t]; x < f->koff[1][t + 1]; x++)
            f->poff[f->key[1][x] + 2]++;
        total += f->koff[1][t + 1] - f->koff[1][t];
    }
    for (size_t k = 0; k < nk; k++)
        f->poff[k + 2] += f->poff[k + 1];
    f->post = malloc((total + 1) * sizeof *f->post);
    if (!f->post)
        return -1;
    for (size_t i = 0; i < f->nsent[1]; i++)
        for (size_t y = f->sent[1][i].tok0; y < f->sent[1][i].tok0 + f->sent[1][i].ntok; y++) {
            uint32_t t = f->type[1][y];
            for (uint32_t x = f->koff[1][t]; x < f->koff[1][t + 1]; x++)
                f->post[f->poff[f->key[1][x] + 1]++] = (uint32_t)y;
        }
    return 0;
}

/* A source key that no target token has can never make a match: dropping
 * it leaves every match as it was and spares the aligner the lookups
 * (most of a source word's translations are not in any given text). */
static void prune_source_keys(sl_docfeat *f)
{
    uint32_t out = 0;
    for (size_t t = 0; t < f->ntype[0]; t++) {
        uint32_t a = f->koff[0][t], b = f->koff[0][t + 1];
        f->koff[0][t] = out;
        for (uint32_t q = a; q < b; q++) {
            uint32_t k = f->key[0][q];
            if (f->poff[k + 1] > f->poff[k])
                f->key[0][out++] = k;
        }
    }
    f->koff[0][f->ntype[0]] = out;
}

int sl_feat_extract(const sl_featcfg *cfg, sl_vocab *voc, const sl_span *src, size_t ns,
                    const sl_span *tgt, size_t nt, sl_docfeat *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    sl_vocab *own = NULL;
    if (!voc && !(voc = own = sl_vocab_new(cfg, err)))
        return SL_ENOMEM;
    ctx_t c = { .v = voc, .f = out };
    const sl_span *sides[2] = { src, tgt };
    size_t counts[2] = { ns, nt };
    int rc = SL_OK;
    if (sl_strmap_size(voc->keys) > VOCAB_MAX_KEYS) {
        vocab_clear(voc);
        if (vocab_maps(voc))
            goto nomem;
    }
    if (++voc->gen == 0) { /* the stamps wrapped: forget them all */
        for (int s = 0; s < 2; s++)
            if (voc->tgen[s])
                memset(voc->tgen[s], 0, voc->tstamps * sizeof *voc->tgen[s]);
        if (voc->kgen)
            memset(voc->kgen, 0, voc->kstamps * sizeof *voc->kgen);
        voc->gen = 1;
    }
    for (int s = 0; s < 2; s++) {
        out->nsent[s] = counts[s];
        out->sent[s] = calloc(counts[s] + 1, sizeof *out->sent[s]);
        if (!out->sent[s] || sl_grow(&out->koff[s], &c.typecap[s], 1, sizeof *out->koff[s]))
            goto nomem;
        out->koff[s][0] = 0;
        for (size_t i = 0; i < counts[s]; i++)
            if (sentence(&c, s, &sides[s][i], &out->sent[s][i]))
                goto nomem;
    }
    if (weigh(&c) || index_targets(out))
        goto nomem;
    prune_source_keys(out);
    goto done;
nomem:
    sl_docfeat_free(out);
    rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
done:
    free(c.wordk[0]);
    free(c.wordk[1]);
    sl_vocab_free(own);
    return rc;
}

void sl_docfeat_free(sl_docfeat *f)
{
    if (!f)
        return;
    for (int s = 0; s < 2; s++) {
        free(f->sent[s]);
        free(f->type[s]);
        free(f->koff[s]);
        free(f->key[s]);
        free(f->tw[s]);
    }
    free(f->poff);
    free(f->post);
    memset(f, 0, sizeof *f);
}

static int share_key(const sl_docfeat *f, size_t x, size_t y)
{
    uint32_t tx = f->type[0][x], ty = f->type[1][y];
    const uint32_t *a = f->key[0] + f->koff[0][tx], *b = f->key[1] + f->koff[1][ty];
    size_t na = f->koff[0][tx + 1] - f->koff[0][tx], nb = f->koff[1][ty + 1] - f->koff[1][ty];
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j])
            return 1;
        if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return 0;
}

double sl_feat_matches(const sl_docfeat *f, size_t i0, size_t ni, size_t j0, size_t nj)
{
    if (ni == 0 || nj == 0)
        return 0;
    size_t x0 = f->sent[0][i0].tok0, x1 = f->sent[0][i0 + ni - 1].tok0 + f->sent[0][i0 + ni - 1].ntok;
    size_t y0 = f->sent[1][j0].tok0, y1 = f->sent[1][j0 + nj - 1].tok0 + f->sent[1][j0 + nj - 1].ntok;
    unsigned char *used = calloc(y1 - y0 + 1, 1);
    if (!used)
        return 0;
    double m = 0;
    for (size_t x = x0; x < x1; x++)
        for (size_t y = y0; y < y1; y++)
            if (!used[y - y0] && share_key(f, x, y)) {
                used[y - y0] = 1;
                m += (sl_feat_weight(f, 0, x) + sl_feat_weight(f, 1, y)) / 2;
                break;
            }
    free(used);
    return m;
}
