/* lexread.c — reading a lexicon's sources: dictd (.index and .dict.dz),
 * TSV and hunalign files or text, every entry's two sides (source text,
 * target text) parsed into alternatives of stemmed words and paired.
 *
 * Words are read as the aligner reads them (words.h); what a side's
 * language adds (stop words, a leading English "to", stemming) is the
 * reader's, with the stemmers and stop-word lists it keeps for the
 * lexicon's further adds. */
#include "lexicon_impl.h"
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

/* What the reader knows of one side's language. */
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

struct sl_lexread {
    sl_lexicon *lex; /* the pairs go there */
    locale_t ctype;  /* C.UTF-8: Unicode letters and their case */
    lang_t lang[2];  /* source, target */
    side_t side[2];
    int lone_stop;   /* keep a stop word that is a whole alternative */
};

enum { SRC = SL_LEX_SRC, TGT = SL_LEX_TGT };

/* ---- small helpers ---------------------------------------------------- */

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
    if (sl_grow(&sd->buf, &sd->bcap, sd->blen + n + 1, 1) ||
        sl_grow(&sd->word, &sd->wcap, sd->nword + 1, sizeof *sd->word))
        return -1;
    memcpy(sd->buf + sd->blen, w, n);
    sd->buf[sd->blen + n] = '\0';
    sd->word[sd->nword++] = sd->blen;
    sd->blen += n + 1;
    return 0;
}

/* Splits one alternative text[a, b) into words and keeps them. Whatever
 * is not a word, digits among it (words.h), is passed over. */
static int parse_alt(sl_lexread *ld, side_t *sd, const lang_t *L, size_t a, size_t b)
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
        if (sl_grow(&sd->alt, &sd->acap, sd->nalt + 2, sizeof *sd->alt))
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
static int parse_side(sl_lexread *ld, int which, const char *s, size_t n, int split)
{
    side_t *sd = &ld->side[which];
    sd->blen = sd->nword = sd->nalt = 0;
    if (sl_grow(&sd->text, &sd->tcap, n + 1, 1))
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

/* Pairs the two parsed sides: every source alternative with every target
 * alternative, where one of them is a single word and the other has at
 * most 3 words (longer phrases are paraphrases, not word translations). */
static int emit(sl_lexread *ld)
{
    const side_t *S = &ld->side[SRC], *T = &ld->side[TGT];
    for (size_t a = 0; a < S->nalt; a++) {
        size_t s0 = S->alt[a], ns = S->alt[a + 1] - s0;
        for (size_t b = 0; b < T->nalt; b++) {
            size_t t0 = T->alt[b], nt = T->alt[b + 1] - t0;
            if (ns == 1 && nt <= 3) {
                for (size_t k = 0; k < nt; k++)
                    if (sl_lex_pair(ld->lex, S->buf + S->word[s0], T->buf + T->word[t0 + k]))
                        return -1;
            } else if (nt == 1 && ns <= 3) {
                for (size_t k = 0; k < ns; k++)
                    if (sl_lex_pair(ld->lex, S->buf + S->word[s0 + k], T->buf + T->word[t0]))
                        return -1;
            }
        }
    }
    return 0;
}

static int add_entry(sl_lexread *ld, const char *s, size_t sn, const char *t, size_t tn)
{
    return parse_side(ld, SRC, s, sn, 1) || parse_side(ld, TGT, t, tn, 1) || emit(ld) ? -1 : 0;
}

/* ---- line formats ---------------------------------------------------- */

/* Reads the TSV or hunalign lines of t; error offsets are t's plus base
 * (the length of a BOM before it), under the name path. */
static int load_lines(sl_lexread *ld, const sl_text *tx, long long base, const char *path,
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

static int load_file_lines(sl_lexread *ld, const char *path, enum sl_lex_format fmt,
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
        if (sl_grow(&buf, &cap, n + (1 << 18), 1)) {
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
static int dictd_entry(sl_lexread *ld, const char *e, size_t len)
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

static int load_dictd(sl_lexread *ld, const char *path, sl_error *err)
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

void sl_lexread_free(sl_lexread *ld)
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
    free(ld);
}

sl_lexread *sl_lexread_new(sl_lexicon *lex, const char *src_lang, const char *tgt_lang,
                           sl_error *err)
{
    sl_lexread *ld = calloc(1, sizeof *ld);
    if (!ld) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    ld->lex = lex;
    int rc = SL_OK;
    if (!(ld->ctype = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0)))
        rc = sl_error_set(err, SL_EINTERNAL, NULL, 0, -1, "cannot set up the C.UTF-8 locale");
    if (rc == SL_OK)
        rc = lang_init(&ld->lang[SRC], src_lang, "id", err);
    if (rc == SL_OK)
        rc = lang_init(&ld->lang[TGT], tgt_lang, "en", err);
    if (rc) {
        sl_lexread_free(ld);
        return NULL;
    }
    return ld;
}

const char *sl_lexread_code(const sl_lexread *rd, int side) { return rd->lang[side].code; }

int sl_lexicon_add_file(sl_lexicon *lex, const char *path, enum sl_lex_format fmt,
                        sl_error *err)
{
    if (!lex || !path)
        return sl_error_set(err, SL_EUSAGE, path, 0, -1, !lex ? "no lexicon" : "no lexicon path");
    int rc;
    if (fmt == SL_LEX_DICTD || (fmt == SL_LEX_AUTO && ends_with(path, ".index")))
        rc = load_dictd(lex->rd, path, err);
    else if (fmt == SL_LEX_AUTO || fmt == SL_LEX_TSV || fmt == SL_LEX_HUNALIGN)
        rc = load_file_lines(lex->rd, path, fmt, err);
    else
        rc = sl_error_set(err, SL_EUSAGE, path, 0, -1, "unknown lexicon format %d", (int)fmt);
    return sl_lex_commit(lex, rc, path, err);
}

int sl_lexread_text(sl_lexicon *lex, const char *text, size_t len, const char *name,
                    enum sl_lex_format fmt, int lone_stop, sl_error *err)
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
        lex->rd->lone_stop = lone_stop;
        rc = load_lines(lex->rd, &t, base, name, fmt, err);
        lex->rd->lone_stop = 0;
        sl_text_free(&t);
    }
    return sl_lex_commit(lex, rc, name, err);
}

int sl_lexicon_add_text(sl_lexicon *lex, const char *text, size_t len, const char *name,
                        enum sl_lex_format fmt, sl_error *err)
{
    return sl_lexread_text(lex, text, len, name, fmt, 0, err);
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
