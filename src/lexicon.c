/* lexicon.c — the bilingual lexicon.
 *
 * Every format is reduced to entries of two sides (source text, target
 * text); each side becomes alternatives of stemmed words, and the word pairs
 * that one-word alternatives allow are interned and collected as 64-bit
 * (source id, target id) keys. At the end of every add the keys are sorted
 * and deduplicated into CSR arrays: the targets of source id s are
 * [off[s], off[s+1]), so a lookup is one hash probe and a slice. The loader
 * (stemmers, stop words, the sorted keys) stays with the lexicon so that
 * further sources can be added; a failed add leaves the pairs as they
 * were. */
#include "selaras/lexicon.h"
#include "selaras/rules.h"
#include "selaras/strmap.h"
#include "selaras/text.h"
#include "selaras/words.h"

#include <errno.h>
#include <libstemmer.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>


/* The built-in core lexicon: src/rules/BUILTIN_LEX.txt, for id -> en. */
#define BUILTIN_LEX "lexicon_id_en"

typedef struct loader loader_t;

struct sl_lexicon {
    sl_strmap *src, *tgt;
    size_t *off;      /* by source id, nsrc + 1 entries */
    uint32_t *ids;    /* target ids, ascending within each source's range */
    const char **str; /* the same targets as keys of tgt */
    size_t npairs;
    size_t nsrc;      /* source ids the CSR covers: later ones have no pair */
    loader_t *ld;     /* what further adds need */
};

/* What the loader knows of one side's language. */
typedef struct {
    struct sb_stemmer *stemmer; /* NULL: no stemming */
    sl_strmap *stop;            /* NULL: no stop words */
    int english;                /* drop a leading to/a/an/the */
    char code[64];              /* ISO code ("id") or the lower-cased name */
} lang_t;

/* One side of the current entry: its kept words, already stemmed. */
typedef struct {
    char *buf;       /* the stems, each NUL-terminated */
    size_t blen, bcap;
    size_t *word;    /* offsets into buf */
    size_t nword, wcap;
    size_t *alt;     /* first word of each alternative; alt[nalt] == nword */
    size_t nalt, acap;
    char *text;      /* the side with parenthesised text blanked out */
    size_t tcap;
    char low[SL_WORD_MAX]; /* one word's key before stemming */
} side_t;

struct loader {
    sl_lexicon *lex;
    locale_t ctype;  /* C.UTF-8: Unicode letters and their case */
    lang_t lang[2];  /* source, target */
    side_t side[2];
    uint64_t *pairs; /* source id << 32 | target id: the first lex->npairs
                      * are the CSR's, sorted; the current add appends */
    size_t npairs, pcap;
    int lone_stop;   /* keep a stop word that is a whole alternative */
};

enum { SRC = 0, TGT = 1 };

/* ---- small helpers ---------------------------------------------------- */

/* Makes room for need elements of size elem in the array whose pointer is
 * at pp (capacity *cap). The pointer is copied with memcpy so that one
 * helper serves every element type without breaking aliasing rules. */
static int reserve(void *pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < need)
        nc *= 2;
    void *p;
    memcpy(&p, pp, sizeof p);
    p = realloc(p, nc * elem);
    if (!p)
        return -1;
    memcpy(pp, &p, sizeof p);
    *cap = nc;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* First occurrence of needle (k bytes) in s (n bytes); memmem is not POSIX. */
static const char *find(const char *s, size_t n, const char *needle, size_t k)
{
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return s + i;
    return NULL;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void trim(const char **s, size_t *n)
{
    while (*n && is_blank(**s)) { (*s)++; (*n)--; }
    while (*n && is_blank((*s)[*n - 1])) (*n)--;
}

/* ---- languages ------------------------------------------------------- */

static int lang_init(lang_t *L, const char *lang, const char *dflt, sl_error *err)
{
    char low[64], cbuf[64];
    if (lang) {
        /* Snowball knows only lower-case names */
        size_t n = strlen(lang);
        if (n == 0 || n >= sizeof low)
            return sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "bad stemmer language '%s'", lang);
        for (size_t i = 0; i <= n; i++)
            low[i] = (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] + 32 : lang[i]);
        /* "none": words only lower-cased, for a language Snowball lacks */
        L->stemmer = strcmp(low, "none") == 0 ? NULL : sb_stemmer_new(low, "UTF_8");
        if (!L->stemmer && strcmp(low, "none") != 0)
            return sl_error_set(err, SL_EUSAGE, NULL, 0, -1,
                                "no Snowball stemmer for language '%s'", lang);
    }
    const char *code = lang ? sl_lang_code(low, cbuf, sizeof cbuf) : dflt;
    snprintf(L->code, sizeof L->code, "%s", code);
    L->english = strcmp(code, "en") == 0;
    if (!(L->stop = sl_stopwords_new(code)))
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return SL_OK;
}

/* ---- words ----------------------------------------------------------- */

/* Stems the word key in sd->low (n bytes) and appends it as the next word
 * of sd, unless the language drops it (stop words only when stop is set).
 * A fully reduplicated word ("kupu-kupu", a plural) is its base ("kupu"),
 * as the aligner reads it. */
static int keep_word(side_t *sd, const lang_t *L, size_t n, int first, int stop)
{
    const char *w = sd->low;
    n = sl_word_base(w, n);
    if (L->english && first &&
        ((n == 2 && (memcmp(w, "to", 2) == 0 || memcmp(w, "an", 2) == 0)) ||
         (n == 1 && w[0] == 'a') || (n == 3 && memcmp(w, "the", 3) == 0)))
        return 0;
    if (stop && L->stop && sl_strmap_get(L->stop, w, n) >= 0)
        return 0;
    if (L->stemmer) {
        const sb_symbol *st = sb_stemmer_stem(L->stemmer, (const sb_symbol *)w, (int)n);
        if (!st)
            return -1;
        w = (const char *)st;
        n = (size_t)sb_stemmer_length(L->stemmer);
        if (n == 0)
            return 0;
    }
    if (reserve(&sd->buf, &sd->bcap, sd->blen + n + 1, 1) ||
        reserve(&sd->word, &sd->wcap, sd->nword + 1, sizeof *sd->word))
        return -1;
    memcpy(sd->buf + sd->blen, w, n);
    sd->buf[sd->blen + n] = '\0';
    sd->word[sd->nword++] = sd->blen;
    sd->blen += n + 1;
    return 0;
}

/* Splits one alternative text[a, b) into words and keeps them. Whatever
 * is not a word, digits among it (words.h), is passed over. */
static int parse_alt(loader_t *ld, side_t *sd, const lang_t *L, size_t a, size_t b)
{
    const char *t = sd->text;
    size_t first = sd->nword, n = 0;
    int nth = 0;
    for (size_t j = a; j < b;) {
        size_t adv = (unsigned char)t[j] < 0x80 ? 1 : 0;
        unsigned c = adv ? (unsigned char)t[j] : sl_utf8_decode(t + j, b - j, &adv);
        if (!sl_word_is_letter(c, ld->ctype)) {
            j += adv;
            continue;
        }
        j += sl_word_read(t + j, b - j, ld->ctype, sd->low, sizeof sd->low, &n, NULL);
        if (keep_word(sd, L, n, nth++ == 0, 1))
            return -1;
    }
    /* a curated one-word side is meant, even "banyak" or "because": sd->low
     * still holds that word */
    if (ld->lone_stop && nth == 1 && sd->nword == first && keep_word(sd, L, n, 1, 0))
        return -1;
    if (sd->nword > first) {
        if (reserve(&sd->alt, &sd->acap, sd->nalt + 2, sizeof *sd->alt))
            return -1;
        sd->alt[sd->nalt++] = first;
    }
    return 0;
}

/* Index just past the ')' closing the '(' at s[i], or 0 when unclosed. */
static size_t paren_end(const char *s, size_t n, size_t i)
{
    int depth = 0;
    for (size_t k = i; k < n; k++) {
        if (s[k] == '(')
            depth++;
        else if (s[k] == ')' && --depth == 0)
            return k + 1;
    }
    return 0;
}

/* Parses one side of an entry into sd: alternatives (separated by commas
 * and semicolons when split is set) of kept, stemmed words. Parenthesised
 * text ("(orang) brengsek", "kependekan (dari)") is usage notes or optional
 * parts, not translations, so it is blanked out first; an unclosed '(' is
 * just punctuation. */
static int parse_side(loader_t *ld, int which, const char *s, size_t n, int split)
{
    side_t *sd = &ld->side[which];
    sd->blen = sd->nword = sd->nalt = 0;
    if (reserve(&sd->text, &sd->tcap, n + 1, 1))
        return -1;
    for (size_t i = 0; i < n;) {
        size_t e = s[i] == '(' ? paren_end(s, n, i) : 0;
        if (e) {
            memset(sd->text + i, ' ', e - i);
            i = e;
        } else {
            sd->text[i] = s[i];
            i++;
        }
    }
    for (size_t a = 0; a <= n;) {
        size_t b = split ? a : n;
        while (b < n && sd->text[b] != ',' && sd->text[b] != ';')
            b++;
        if (parse_alt(ld, sd, &ld->lang[which], a, b))
            return -1;
        a = b + 1;
    }
    if (sd->nalt)
        sd->alt[sd->nalt] = sd->nword;
    return 0;
}

/* ---- pairs ----------------------------------------------------------- */

static int add_pair(loader_t *ld, const char *s, const char *t)
{
    long si = sl_strmap_intern(ld->lex->src, s, strlen(s));
    long ti = sl_strmap_intern(ld->lex->tgt, t, strlen(t));
    if (si < 0 || ti < 0 || reserve(&ld->pairs, &ld->pcap, ld->npairs + 1, sizeof *ld->pairs))
        return -1;
    ld->pairs[ld->npairs++] = (uint64_t)si << 32 | (uint64_t)ti;
    return 0;
}

/* Pairs the two parsed sides: every source alternative with every target
 * alternative, where one of them is a single word and the other has at
 * most 3 words (longer phrases are paraphrases, not word translations). */
static int emit(loader_t *ld)
{
    const side_t *S = &ld->side[SRC], *T = &ld->side[TGT];
    for (size_t a = 0; a < S->nalt; a++) {
        size_t s0 = S->alt[a], ns = S->alt[a + 1] - s0;
        for (size_t b = 0; b < T->nalt; b++) {
            size_t t0 = T->alt[b], nt = T->alt[b + 1] - t0;
            if (ns == 1 && nt <= 3) {
                for (size_t k = 0; k < nt; k++)
                    if (add_pair(ld, S->buf + S->word[s0], T->buf + T->word[t0 + k]))
                        return -1;
            } else if (nt == 1 && ns <= 3) {
                for (size_t k = 0; k < ns; k++)
                    if (add_pair(ld, S->buf + S->word[s0 + k], T->buf + T->word[t0]))
                        return -1;
            }
        }
    }
    return 0;
}

static int add_entry(loader_t *ld, const char *s, size_t sn, const char *t, size_t tn)
{
    return parse_side(ld, SRC, s, sn, 1) || parse_side(ld, TGT, t, tn, 1) || emit(ld) ? -1 : 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts and deduplicates all the pairs into new CSR arrays, which replace
 * the old ones only when every allocation succeeded. */
static int build(loader_t *ld)
{
    sl_lexicon *lex = ld->lex;
    size_t nsrc = sl_strmap_size(lex->src), cap = ld->npairs ? ld->npairs : 1;
    size_t *off = calloc(nsrc + 1, sizeof *off);
    uint32_t *ids = malloc(cap * sizeof *ids);
    const char **str = malloc(cap * sizeof *str);
    if (!off || !ids || !str) {
        free(off);
        free(ids);
        free(str);
        return -1;
    }
    if (ld->npairs)
        qsort(ld->pairs, ld->npairs, sizeof *ld->pairs, cmp_u64);
    size_t n = 0;
    for (size_t i = 0; i < ld->npairs; i++)
        if (n == 0 || ld->pairs[i] != ld->pairs[n - 1])
            ld->pairs[n++] = ld->pairs[i];
    for (size_t i = 0; i < n; i++) {
        off[(ld->pairs[i] >> 32) + 1]++;
        ids[i] = (uint32_t)ld->pairs[i];
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
    lex->npairs = ld->npairs = n;
    return 0;
}

/* Ends an add that returned rc: builds the CSR on success; on failure
 * forgets the pairs of this add. Words it interned stay in the maps, past
 * the CSR's nsrc or in no range, and the maps' keys may have moved, so the
 * target strings are looked up again. */
static int end_add(loader_t *ld, int rc, const char *name, sl_error *err)
{
    sl_lexicon *lex = ld->lex;
    if (rc == SL_OK && build(ld))
        rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    if (rc != SL_OK) {
        ld->npairs = lex->npairs;
        for (size_t i = 0; i < lex->npairs; i++)
            lex->str[i] = sl_strmap_key(lex->tgt, (long)lex->ids[i]);
    }
    return rc;
}

/* ---- line formats ---------------------------------------------------- */

/* Reads the TSV or hunalign lines of t; error offsets are t's plus base
 * (the length of a BOM before it), under the name path. */
static int load_lines(loader_t *ld, const sl_text *tx, long long base, const char *path,
                      enum sl_lex_format fmt, sl_error *err)
{
    const sl_text t = *tx;
    int rc = SL_OK;
    long lineno = 0, entries = 0;
    for (size_t i = 0; i < t.len && rc == SL_OK;) {
        const char *s = t.data + i, *nl = memchr(s, '\n', t.len - i);
        size_t n = nl ? (size_t)(nl - s) : t.len - i;
        long long off = base + (long long)i;
        i += n + 1;
        lineno++;
        /* only spaces and CR: a trailing tab is an empty target, not blank */
        while (n && (*s == ' ' || *s == '\r')) { s++; n--; }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\r')) n--;
        if (n == 0 || *s == '#')
            continue;
        if (fmt == SL_LEX_AUTO) {
            if (find(s, n, " @ ", 3))
                fmt = SL_LEX_HUNALIGN;
            else if (memchr(s, '\t', n))
                fmt = SL_LEX_TSV;
            else
                rc = sl_error_set(err, SL_EINPUT, path, lineno, off,
                                  "cannot tell the lexicon format: neither a tab nor \" @ \"");
        }
        const char *src, *tgt, *sep;
        size_t sn, tn;
        if (rc) {
            break;
        } else if (fmt == SL_LEX_TSV) {
            if (!(sep = memchr(s, '\t', n))) {
                rc = sl_error_set(err, SL_EINPUT, path, lineno, off,
                                  "expected source<TAB>target");
                break;
            }
            src = s;
            sn = (size_t)(sep - s);
            tgt = sep + 1;
            const char *tab = memchr(tgt, '\t', (size_t)(s + n - tgt));
            tn = (size_t)((tab ? tab : s + n) - tgt);
        } else {
            if (!(sep = find(s, n, " @ ", 3))) {
                rc = sl_error_set(err, SL_EINPUT, path, lineno, off,
                                  "expected \"target @ source\"");
                break;
            }
            tgt = s;
            tn = (size_t)(sep - s);
            src = sep + 3;
            sn = (size_t)(s + n - src);
        }
        trim(&src, &sn);
        trim(&tgt, &tn);
        if (sn == 0 || tn == 0) {
            rc = sl_error_set(err, SL_EINPUT, path, lineno, off, "empty %s side",
                              sn == 0 ? "source" : "target");
            break;
        }
        if (add_entry(ld, src, sn, tgt, tn))
            rc = sl_error_set(err, SL_ENOMEM, path, lineno, off, "out of memory");
        entries++;
    }
    if (rc == SL_OK && entries == 0)
        rc = sl_error_set(err, SL_EINPUT, path, 0, -1, "no lexicon entries");
    return rc;
}

static int load_file_lines(loader_t *ld, const char *path, enum sl_lex_format fmt,
                           sl_error *err)
{
    sl_text t;
    int rc = sl_text_load(path, NULL, &t, err);
    if (rc)
        return rc;
    /* error offsets are into the file, which may start with a BOM */
    long long base = t.data == (const char *)t.map + 3 ? 3 : 0;
    rc = load_lines(ld, &t, base, path, fmt, err);
    sl_text_free(&t);
    return rc;
}

/* ---- dictd ----------------------------------------------------------- */

/* dictd's base64 numbers: most significant digit first, no padding. */
static int b64_number(const char *s, size_t n, unsigned long long *out)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned long long v = 0;
    if (n == 0 || n > 10)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const char *d = s[i] ? strchr(digits, s[i]) : NULL;
        if (!d)
            return -1;
        v = v * 64 + (unsigned long long)(d - digits);
    }
    *out = v;
    return 0;
}

/* Reads a dictzip (or plain) file whole: gzread passes plain data through. */
static int read_dict(const char *path, char **out, size_t *len, sl_error *err)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return sl_error_set(err, SL_EIO, path, 0, -1, "cannot open: %s",
                            errno ? strerror(errno) : "out of memory");
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    int rc = buf ? SL_OK : sl_error_set(err, SL_ENOMEM, path, 0, -1, "out of memory");
    while (rc == SL_OK) {
        if (reserve(&buf, &cap, n + (1 << 18), 1)) {
            rc = sl_error_set(err, SL_ENOMEM, path, 0, -1, "out of memory");
            break;
        }
        int k = gzread(f, buf + n, (unsigned)(cap - n > (1u << 30) ? 1u << 30 : cap - n));
        if (k < 0) {
            int zerr;
            const char *msg = gzerror(f, &zerr);
            rc = sl_error_set(err, zerr == Z_ERRNO ? SL_EIO : SL_EINPUT, path, 0, (long long)n,
                              "%s", zerr == Z_ERRNO ? strerror(errno) : msg);
            break;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    gzclose(f);
    if (rc) {
        free(buf);
        return rc;
    }
    *out = buf;
    *len = n;
    return SL_OK;
}

/* Next line of the entry [*p, end); false at the end. */
static int next_line(const char **p, const char *end, const char **s, size_t *n)
{
    if (*p >= end)
        return 0;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *s = *p;
    *n = (size_t)((nl ? nl : end) - *p);
    *p = nl ? nl + 1 : end;
    while (*n && (*s)[*n - 1] == '\r')
        (*n)--;
    return 1;
}

/* Sense number "N. " (or "N." ending the line) at the start of s: N, else 0. */
static long sense_number(const char *s, size_t n, size_t *skip)
{
    size_t i = 0;
    long v = 0;
    while (i < n && i < 6 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || i >= n || s[i] != '.' || (i + 1 < n && s[i + 1] != ' '))
        return 0;
    *skip = i + 1;
    return v;
}

/* One FreeDict entry:
 *     headword /pron/ <pos>
 *     translations           (unnumbered: a single sense)
 *     gloss
 * or, with several senses, "1. translations", optional gloss, "2. ...".
 * A sense with several glosses ends its translation line with " 2." and
 * separates the glosses with " 3.", " 4." lines:
 *     2. kopi 2.
 *     beverage
 *      3.
 *     plant
 * Only the first line (unnumbered) or the line opening the next sense
 * number is a translation; everything else is an English gloss. Prefix and
 * suffix entries are skipped. */
static int dictd_entry(loader_t *ld, const char *e, size_t len)
{
    const char *p = e, *end = e + len, *h, *s;
    size_t hn, n, skip = 0;
    if (!next_line(&p, end, &h, &hn))
        return 0;
    const char *pron = find(h, hn, " /", 2), *pos = find(h, hn, " <", 2);
    /* affix entries ("ness <suffix>": "e- -an") pair word fragments */
    if (pos && (find(pos, (size_t)(h + hn - pos), "<suffix>", 8) ||
                find(pos, (size_t)(h + hn - pos), "<prefix>", 8)))
        return 0;
    if (pron && (!pos || pron < pos))
        hn = (size_t)(pron - h);
    else if (pos)
        hn = (size_t)(pos - h);
    trim(&h, &hn);
    /* a headword is one lemma: its commas belong to a phrase ("I came, I
     * saw, I conquered"), they do not separate alternatives */
    if (hn == 0 || parse_side(ld, TGT, h, hn, 0))
        return hn == 0 ? 0 : -1;
    long sense = 0;
    int numbered = -1;
    while (next_line(&p, end, &s, &n)) {
        long k = sense_number(s, n, &skip);
        if (numbered < 0)
            numbered = k == 1;
        if (numbered ? k != sense + 1 : sense > 0)
            continue;
        sense++;
        if (numbered) {
            s += skip;
            n -= skip;
        }
        /* the " 2." announcing the glosses */
        size_t m = n;
        while (m && s[m - 1] == '.') m--;
        size_t d = m;
        while (d && s[d - 1] >= '0' && s[d - 1] <= '9') d--;
        if (d < m && m + 1 == n && (d == 0 || s[d - 1] == ' '))
            n = d;
        trim(&s, &n);
        if (n == 0)
            continue;
        if (parse_side(ld, SRC, s, n, 1) || emit(ld))
            return -1;
    }
    return 0;
}

static int load_dictd(loader_t *ld, const char *path, sl_error *err)
{
    if (!ends_with(path, ".index"))
        return sl_error_set(err, SL_EUSAGE, path, 0, -1,
                            "a dictd lexicon is named by its .index file");
    size_t base = strlen(path) - strlen(".index");
    char *dpath = malloc(base + sizeof ".dict.dz");
    if (!dpath)
        return sl_error_set(err, SL_ENOMEM, path, 0, -1, "out of memory");
    memcpy(dpath, path, base);
    strcpy(dpath + base, ".dict.dz");
    if (access(dpath, F_OK) != 0)
        strcpy(dpath + base, ".dict");
    sl_text idx;
    char *data = NULL;
    size_t dlen = 0;
    int rc = sl_text_load(path, NULL, &idx, err);
    if (rc == SL_OK && (rc = read_dict(dpath, &data, &dlen, err)) != SL_OK)
        sl_text_free(&idx);
    if (rc) {
        free(dpath);
        return rc;
    }
    long lineno = 0, entries = 0;
    for (size_t i = 0; i < idx.len && rc == SL_OK;) {
        const char *s = idx.data + i, *nl = memchr(s, '\n', idx.len - i);
        size_t n = nl ? (size_t)(nl - s) : idx.len - i;
        long long loff = (long long)i;
        i += n + 1;
        lineno++;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ')) n--;
        if (n == 0)
            continue;
        const char *t1 = memchr(s, '\t', n);
        const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(s + n - t1 - 1)) : NULL;
        const char *t3 = t2 ? memchr(t2 + 1, '\t', (size_t)(s + n - t2 - 1)) : NULL;
        unsigned long long off, len;
        if (!t2 || b64_number(t1 + 1, (size_t)(t2 - t1 - 1), &off) ||
            b64_number(t2 + 1, (size_t)((t3 ? t3 : s + n) - t2 - 1), &len)) {
            rc = sl_error_set(err, SL_EINPUT, path, lineno, loff,
                              "expected headword<TAB>offset<TAB>length");
            break;
        }
        if (off > dlen || len > dlen - off) {
            rc = sl_error_set(err, SL_EINPUT, path, lineno, loff,
                              "entry past the end of %s", dpath);
            break;
        }
        /* 00databaseinfo and friends describe the dictionary itself */
        if ((size_t)(t1 - s) >= 10 && (memcmp(s, "00database", 10) == 0 ||
                                       memcmp(s, "00-database", 11) == 0))
            continue;
        const char *e = data + off;
        size_t valid = sl_utf8_valid_prefix(e, (size_t)len);
        if (valid < len || memchr(e, '\0', (size_t)len)) {
            rc = sl_error_set(err, SL_EINPUT, dpath, 0, (long long)(off + valid),
                              "invalid UTF-8 in the entry of index line %ld", lineno);
            break;
        }
        if (dictd_entry(ld, e, (size_t)len))
            rc = sl_error_set(err, SL_ENOMEM, path, lineno, -1, "out of memory");
        entries++;
    }
    if (rc == SL_OK && entries == 0)
        rc = sl_error_set(err, SL_EINPUT, path, 0, -1, "no lexicon entries");
    free(data);
    free(dpath);
    sl_text_free(&idx);
    return rc;
}

/* ---- the API --------------------------------------------------------- */

static void loader_free(loader_t *ld)
{
    if (!ld)
        return;
    if (ld->ctype)
        freelocale(ld->ctype);
    for (int k = 0; k < 2; k++) {
        if (ld->lang[k].stemmer)
            sb_stemmer_delete(ld->lang[k].stemmer);
        sl_strmap_free(ld->lang[k].stop);
        side_t *sd = &ld->side[k];
        free(sd->buf);
        free(sd->word);
        free(sd->alt);
        free(sd->text);
    }
    free(ld->pairs);
    free(ld);
}

sl_lexicon *sl_lexicon_new(const char *src_lang, const char *tgt_lang, sl_error *err)
{
    int rc = SL_OK;
    sl_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex || !(lex->src = sl_strmap_new()) || !(lex->tgt = sl_strmap_new()) ||
        !(lex->ld = calloc(1, sizeof *lex->ld)))
        rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    loader_t *ld = lex ? lex->ld : NULL;
    if (rc == SL_OK) {
        ld->lex = lex;
        if (!(ld->ctype = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0)))
            rc = sl_error_set(err, SL_EINTERNAL, NULL, 0, -1,
                              "cannot set up the C.UTF-8 locale");
    }
    if (rc == SL_OK)
        rc = lang_init(&ld->lang[SRC], src_lang, "id", err);
    if (rc == SL_OK)
        rc = lang_init(&ld->lang[TGT], tgt_lang, "en", err);
    if (rc) {
        sl_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

int sl_lexicon_add_file(sl_lexicon *lex, const char *path, enum sl_lex_format fmt,
                        sl_error *err)
{
    if (!lex || !path)
        return sl_error_set(err, SL_EUSAGE, path, 0, -1, !lex ? "no lexicon" : "no lexicon path");
    loader_t *ld = lex->ld;
    int rc;
    if (fmt == SL_LEX_DICTD || (fmt == SL_LEX_AUTO && ends_with(path, ".index")))
        rc = load_dictd(ld, path, err);
    else if (fmt == SL_LEX_AUTO || fmt == SL_LEX_TSV || fmt == SL_LEX_HUNALIGN)
        rc = load_file_lines(ld, path, fmt, err);
    else
        rc = sl_error_set(err, SL_EUSAGE, path, 0, -1, "unknown lexicon format %d", (int)fmt);
    return end_add(ld, rc, path, err);
}

int sl_lexicon_add_text(sl_lexicon *lex, const char *text, size_t len, const char *name,
                        enum sl_lex_format fmt, sl_error *err)
{
    if (!name)
        name = "<memory>";
    if (!lex || (!text && len))
        return sl_error_set(err, SL_EUSAGE, name, 0, -1, !lex ? "no lexicon" : "no text");
    if (fmt == SL_LEX_DICTD)
        return sl_error_set(err, SL_EUSAGE, name, 0, -1,
                            "a dictd lexicon is read from its files, not from memory");
    if (fmt != SL_LEX_AUTO && fmt != SL_LEX_TSV && fmt != SL_LEX_HUNALIGN)
        return sl_error_set(err, SL_EUSAGE, name, 0, -1, "unknown lexicon format %d", (int)fmt);
    sl_text t;
    int rc = sl_text_from_mem(text ? text : "", len, name, &t, err);
    if (rc == SL_OK) {
        long long base = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        rc = load_lines(lex->ld, &t, base, name, fmt, err);
        sl_text_free(&t);
    }
    return end_add(lex->ld, rc, name, err);
}

int sl_lexicon_add_stems(sl_lexicon *lex, const char *const *src, const char *const *tgt,
                         size_t n, sl_error *err)
{
    if (!lex)
        return sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no lexicon");
    int rc = SL_OK;
    for (size_t k = 0; k < n && rc == SL_OK; k++)
        if (add_pair(lex->ld, src[k], tgt[k]))
            rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return end_add(lex->ld, rc, "<learned>", err);
}

int sl_lexicon_add_builtin(sl_lexicon *lex, sl_error *err)
{
    if (!lex)
        return sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no lexicon");
    loader_t *ld = lex->ld;
    if (strcmp(ld->lang[SRC].code, "id") != 0 || strcmp(ld->lang[TGT].code, "en") != 0)
        return SL_OK;
    const char *text = sl_rules_builtin(BUILTIN_LEX);
    if (!text)
        return sl_error_set(err, SL_EINTERNAL, NULL, 0, -1,
                            "the built-in lexicon %s is missing", BUILTIN_LEX);
    ld->lone_stop = 1;
    int rc = sl_lexicon_add_text(lex, text, strlen(text), "rules/" BUILTIN_LEX ".txt",
                                 SL_LEX_TSV, err);
    ld->lone_stop = 0;
    return rc;
}

sl_lexicon *sl_lexicon_load(const char *path, enum sl_lex_format fmt, const char *src_lang,
                            const char *tgt_lang, sl_error *err)
{
    if (!path) {
        sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no lexicon path");
        return NULL;
    }
    sl_lexicon *lex = sl_lexicon_new(src_lang, tgt_lang, err);
    if (lex && sl_lexicon_add_file(lex, path, fmt, err) != SL_OK) {
        sl_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

const char *sl_lexicon_default_path(void)
{
    static const char *const paths[] = {
        "/usr/share/dictd/freedict-eng-ind.index",
        "/usr/local/share/dictd/freedict-eng-ind.index",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        if (access(paths[i], R_OK) != 0)
            continue;
        /* the index is useless without its data beside it */
        char d[128];
        size_t base = strlen(paths[i]) - strlen(".index");
        snprintf(d, sizeof d, "%.*s.dict.dz", (int)base, paths[i]);
        if (access(d, R_OK) == 0)
            return paths[i];
        snprintf(d, sizeof d, "%.*s.dict", (int)base, paths[i]);
        if (access(d, R_OK) == 0)
            return paths[i];
    }
    return NULL;
}

void sl_lexicon_free(sl_lexicon *lex)
{
    if (!lex)
        return;
    loader_free(lex->ld);
    sl_strmap_free(lex->src);
    sl_strmap_free(lex->tgt);
    free(lex->off);
    free(lex->ids);
    free(lex->str);
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

sl_lexicon *sl_lexicon_load_default(const char *path, const char *src_lang, const char *tgt_lang,
                                    int *missing, sl_error *err)
{
    if (missing)
        *missing = 0;
    const char *p = path ? path : sl_lexicon_default_path();
    sl_lexicon *lex = sl_lexicon_new(src_lang, tgt_lang, err);
    if (!lex)
        return NULL;
    /* FreeDict eng-ind is the default for Indonesian -> English only */
    if (!path && (strcmp(lex->ld->lang[SRC].code, "id") != 0 ||
                  strcmp(lex->ld->lang[TGT].code, "en") != 0)) {
        if (missing)
            *missing = 3;
        return lex;
    }
    if (sl_lexicon_add_builtin(lex, err) != SL_OK) {
        sl_lexicon_free(lex);
        return NULL;
    }
    if (!p) {
        if (missing)
            *missing = 1;
        return lex;
    }
    if (sl_lexicon_add_file(lex, p, SL_LEX_AUTO, err) != SL_OK) {
        if (path) {
            sl_lexicon_free(lex);
            return NULL;
        }
        /* the default dictionary is broken: keep the built-in core */
        if (missing)
            *missing = 2;
    }
    return lex;
}
