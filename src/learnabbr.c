/* learnabbr.c — Punkt-style abbreviation learning in two passes.
 *
 * Pass one (sl_learnabbr_add) looks only at periods (memchr): each period
 * that ends a token of letters is a candidate occurrence, counted with what
 * follows it; a capitalised word after it is interned for pass two. Pass
 * two (finish) walks every token once: it counts the words, the
 * period-final tokens, the occurrences of each candidate type without a
 * period, and where the words that followed candidates are written
 * capitalised or in lower case mid-sentence. Only candidates and their
 * followers are looked up, behind a bit filter on the hash, so the walk
 * costs little more than reading the text. */
#include "selaras/learnabbr.h"
#include "selaras/segment.h"
#include "selaras/strmap.h"
#include "grow.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Longest type learned (letters): abbreviations are short, and the length
 * factor leaves nothing longer a chance anyway. */
enum { MAX_LETTERS = 10, MAX_BYTES = 40, FILTER_BITS = 1 << 18 };

/* Pass two reads at most this much text: beyond it, evenly spaced windows
 * of WINDOW bytes, and its counts are scaled up to the whole. 8 MB is
 * over a million words, far more than the statistics need to settle, and
 * keeps a large input's learning pass to a fraction of its splitting
 * time. Pass one (every period and what follows it) always reads all. */
enum { SAMPLE_BYTES = 8 << 20, WINDOW = 1 << 16 };

/* Orthographic flags of a word type. */
enum { O_UPPER_MID = 1, O_LOWER_MID = 2, O_UPPER_FIRST = 4, O_LOWER_FIRST = 8 };

typedef struct {
    uint32_t with, end, without, lower, digit, upper, other, letters, periods;
    uint32_t after_num; /* with the period, after a number: a unit ("12 kg.") */
    uint32_t ctx[4], nctx; /* hashes of the first distinct tokens after it */
    char form[2][MAX_BYTES + 1];
} cand_t;

typedef struct {
    const char *p;
    size_t len;
    int lines;
} text_t;

struct sl_learnabbr {
    const sl_seg *seg;
    sl_strmap *types, *ortho;
    sl_strmap *starters;   /* the splitter's [starters], folded */
    cand_t *cand;
    size_t ncand, capcand;
    unsigned char *oflags; /* by ortho id */
    size_t capo;
    uint32_t *follow;      /* pairs: candidate id, ortho id of the capitalised word after */
    size_t nfollow, capfollow;
    text_t *text;
    size_t ntext, captext;
    uint64_t *filter;      /* FILTER_BITS bits: hashes of types and ortho words */
    size_t words, periods;
    int active, finished;
    sl_learnabbr_item *items;
    size_t nitems;
    unsigned char *learned; /* by candidate id */
    double min_score, min_ratio;
    size_t min_count;
};

static uint32_t fold(const char *s, size_t n, char *out);

void sl_learnabbr_opts_default(sl_learnabbr_opts *o)
{
    o->min_words = SL_LEARNABBR_MIN_WORDS;
    o->min_periods = SL_LEARNABBR_MIN_PERIODS;
    o->min_count = 2;
    o->min_score = 0.3;
    o->min_ratio = 1.5;
    o->min_plain = 0;
}

sl_learnabbr *sl_learnabbr_new(const sl_seg *seg, sl_error *err)
{
    sl_learnabbr *l = calloc(1, sizeof *l);
    if (!l || !(l->types = sl_strmap_new()) || !(l->ortho = sl_strmap_new()) ||
        !(l->starters = sl_strmap_new()) ||
        !(l->filter = calloc(FILTER_BITS / 64, sizeof *l->filter))) {
        sl_learnabbr_free(l);
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    l->seg = seg;
    const char *st = sl_seg_section(seg, "starters");
    for (const char *q = st; q && *q;) {
        const char *eol = strchr(q, '\n');
        size_t n = eol ? (size_t)(eol - q) : strlen(q);
        char buf[MAX_BYTES];
        if (n <= MAX_BYTES) {
            fold(q, n, buf);
            if (sl_strmap_intern(l->starters, buf, n) < 0) {
                sl_learnabbr_free(l);
                sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
                return NULL;
            }
        }
        q = eol ? eol + 1 : q + n;
    }
    return l;
}

void sl_learnabbr_free(sl_learnabbr *l)
{
    if (!l)
        return;
    sl_strmap_free(l->types);
    sl_strmap_free(l->ortho);
    sl_strmap_free(l->starters);
    free(l->cand);
    free(l->oflags);
    free(l->follow);
    free(l->text);
    free(l->filter);
    free(l->items);
    free(l->learned);
    free(l);
}

/* ---- characters (bytes: the learner needs no locale) ------------------ */

static inline int is_sp(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline int is_up(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_low(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline int is_dig(unsigned char c) { return c >= '0' && c <= '9'; }
/* Byte classes: a letter is ASCII, or a byte of a multi-byte character
 * other than those led by 0xC2 (U+0080-U+00BF: « » ² ° and the like) and
 * 0xE2 (U+2000-U+2FFF: quotes, dashes, symbols). A character of those
 * ends a word before its continuation bytes are read. */
enum { B_OTHER, B_SPACE, B_LOWER, B_UPPER, B_MB };
static const unsigned char bclass[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static inline int is_let(unsigned char c) { return bclass[c] >= B_LOWER; }

/* Length of an opening mark at s[i] (quotes, brackets, dashes), or 0. */
static size_t open_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '*' || c == '-')
        return 1;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x9C || d == 0x98 || d == 0x9E || d == 0x93 || d == 0x94)
            return 3;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xAB)
        return 2;
    return 0;
}

/* Is s[i] (after a token's core) a closing mark or punctuation? */
static size_t close_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
        c == '\'' || c == ')' || c == ']' || c == '}')
        return 1;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
        unsigned char d = (unsigned char)s[i + 2];
        if (d == 0x9D || d == 0x99 || d == 0xA6)
            return 3;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xBB)
        return 2;
    return 0;
}

/* Folds s (n bytes) to ASCII lower case into out and returns its FNV-1a
 * hash (sl_strmap_hash of the folded bytes). */
static uint32_t fold(const char *s, size_t n, char *out)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        c = is_up(c) ? (unsigned char)(c | 32) : c;
        out[i] = (char)c;
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static void filter_set(sl_learnabbr *l, uint32_t h)
{
    l->filter[(h & (FILTER_BITS - 1)) >> 6] |= 1ull << (h & 63);
}
static int filter_has(const sl_learnabbr *l, uint32_t h)
{
    return (l->filter[(h & (FILTER_BITS - 1)) >> 6] >> (h & 63)) & 1;
}

/* Checks a token core [s, s+n) of letters and inner periods: its letters
 * (characters) and inner periods; 0 when it is not such a core. */
static int core_shape(const char *s, size_t n, uint32_t *letters, uint32_t *periods)
{
    uint32_t let = 0, per = 0;
    if (n == 0 || n > MAX_BYTES || !is_let((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.') {
            if (s[i - 1] == '.' || i + 1 == n)
                return 0;
            per++;
        } else if (!is_let(c)) {
            return 0;
        } else if ((c & 0xC0) != 0x80) {
            let++;
        }
    }
    *letters = let;
    *periods = per;
    return 1;
}

/* Shapes the splitter judges by itself (segment.c, shape_class): one
 * letter, or dotted runs of one to four letters. */
static int splitter_shape(const char *s, size_t n, uint32_t letters, uint32_t periods)
{
    if (letters == 1)
        return 1;
    if (!periods)
        return 0;
    size_t run = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            if (run > 4)
                return 0;
            run = 0;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            run++;
        }
    }
    return 1;
}

/* ---- pass one: the periods ------------------------------------------- */

static int follow_upper(sl_learnabbr *l, long cid, const char *w, size_t n)
{
    char buf[MAX_BYTES];
    uint32_t h = fold(w, n, buf);
    long oid = sl_strmap_intern(l->ortho, buf, n);
    if (oid < 0 || sl_grow(&l->oflags, &l->capo, (size_t)oid + 1, 1) ||
        sl_grow(&l->follow, &l->capfollow, l->nfollow + 2, sizeof *l->follow))
        return -1;
    /* (the flags of new ids are zeroed at the end of sl_learnabbr_add) */
    filter_set(l, h);
    l->follow[l->nfollow++] = (uint32_t)cid;
    l->follow[l->nfollow++] = (uint32_t)oid;
    return 0;
}

/* One period at p[i] that ends a token and is followed by a space or the
 * end: a candidate occurrence when the token is letters. */
static int period_at(sl_learnabbr *l, const char *p, size_t len, size_t i, int lines)
{
    size_t ts = i;
    while (ts > 0 && !is_sp((unsigned char)p[ts - 1]))
        ts--;
    for (size_t k; ts < i && (k = open_len(p, len, ts));)
        ts += k;
    uint32_t letters, periods;
    if (!core_shape(p + ts, i - ts, &letters, &periods) || letters > MAX_LETTERS ||
        splitter_shape(p + ts, i - ts, letters, periods))
        return 0;
    /* a listed abbreviation, as written, is the list's to judge */
    if (sl_seg_abbr_class(l->seg, p + ts, i - ts) != SL_ABBR_NONE)
        return 0;
    char buf[MAX_BYTES];
    size_t n = i - ts;
    uint32_t h = fold(p + ts, n, buf);
    size_t before = sl_strmap_size(l->types);
    long cid = sl_strmap_intern(l->types, buf, n);
    if (cid < 0 || sl_grow(&l->cand, &l->capcand, (size_t)cid + 1, sizeof *l->cand))
        return -1;
    cand_t *c = &l->cand[cid];
    if (sl_strmap_size(l->types) > before) {
        memset(c, 0, sizeof *c);
        c->letters = letters;
        c->periods = periods;
        l->ncand = (size_t)cid + 1;
        filter_set(l, h);
    }
    c->with++;
    size_t b = ts;
    while (b > 0 && is_sp((unsigned char)p[b - 1]))
        b--;
    if (b > 0 && b < ts && is_dig((unsigned char)p[b - 1]))
        c->after_num++;
    for (int f = 0; f < 2; f++) {
        if (!c->form[f][0]) {
            memcpy(c->form[f], p + ts, n);
            c->form[f][n] = '\0';
            break;
        }
        if (strlen(c->form[f]) == n && memcmp(c->form[f], p + ts, n) == 0)
            break;
    }
    /* what follows: the end of the paragraph, or the next word */
    size_t j = i + 1;
    int nl = 0;
    while (j < len && is_sp((unsigned char)p[j]))
        nl += p[j++] == '\n';
    if (j >= len || (lines && nl) || nl >= 2) {
        c->end++;
        return 0;
    }
    /* distinct contexts: a text repeated (a batch with duplicates) must
     * not turn one sentence end into evidence */
    if (c->nctx < 4) {
        uint32_t hc = 2166136261u;
        for (size_t k = j; k < len && k < j + 12 && !is_sp((unsigned char)p[k]); k++)
            hc = (hc ^ (unsigned char)p[k]) * 16777619u;
        uint32_t x = 0;
        while (x < c->nctx && c->ctx[x] != hc)
            x++;
        if (x == c->nctx)
            c->ctx[c->nctx++] = hc;
    }
    size_t j0 = j;
    for (size_t k; j < len && (k = open_len(p, len, j));)
        j += k;
    unsigned char d = j < len ? (unsigned char)p[j] : 0;
    if (is_dig(d) && j > j0) {
        /* a number in brackets after the period is an enumerator or a
         * note ("... kasus. (2) Setiap ..."), which opens a sentence as
         * often as not: no evidence either way */
        c->other++;
    } else if (is_dig(d)) {
        c->digit++;
    } else if (is_low(d)) {
        /* a sentence starter in lower case ("Sat. you said") is informal
         * text opening a sentence as much as a word after an abbreviation */
        size_t e = j;
        char w[MAX_BYTES];
        while (e < len && is_let((unsigned char)p[e]) && e - j < MAX_BYTES)
            e++;
        fold(p + j, e - j, w);
        if (sl_strmap_get(l->starters, w, e - j) >= 0)
            c->other++;
        else
            c->lower++;
    } else if (is_up(d)) {
        size_t e = j;
        while (e < len && is_let((unsigned char)p[e]) && e - j < MAX_BYTES)
            e++;
        if (e < len && is_let((unsigned char)p[e]))
            c->upper++; /* too long to track */
        else if (follow_upper(l, cid, p + j, e - j))
            return -1;
    } else {
        c->other++;
    }
    return 0;
}

int sl_learnabbr_add(sl_learnabbr *l, const char *text, size_t len, int lines, sl_error *err)
{
    if (l->finished)
        return sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "abbreviations already learned");
    if (sl_grow(&l->text, &l->captext, l->ntext + 1, sizeof *l->text))
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    l->text[l->ntext++] = (text_t){ text, len, lines };
    size_t oldo = sl_strmap_size(l->ortho);
    for (const char *q = text; (q = memchr(q, '.', len - (size_t)(q - text)));) {
        size_t i = (size_t)(q - text);
        q++;
        if (i == 0 || !is_let((unsigned char)text[i - 1]) ||
            (i + 1 < len && !is_sp((unsigned char)text[i + 1])))
            continue;
        if (period_at(l, text, len, i, lines))
            return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    }
    /* new followers start with no orthographic evidence */
    size_t newo = sl_strmap_size(l->ortho);
    if (newo > oldo)
        memset(l->oflags + oldo, 0, newo - oldo);
    return SL_OK;
}

/* ---- pass two: every token ------------------------------------------- */

/* One token loop, the core's folding and hashing done as it is read: this
 * runs on every byte of the input. */
static void walk(sl_learnabbr *l, const text_t *t, size_t i, size_t len)
{
    const unsigned char *p = (const unsigned char *)t->p;
    size_t words = 0, periods = 0;
    int mid = 0, nl = 0; /* the next token is inside a sentence; line breaks before it */
    char buf[MAX_BYTES];
    while (i < len) {
        unsigned char c = p[i];
        unsigned char k = bclass[c];
        if (k == B_SPACE) {
            if (c == '\n' && (t->lines || ++nl >= 2))
                mid = 0;
            i++;
            continue;
        }
        nl = 0;
        words++;
        size_t ts = i;
        if (k < B_LOWER)
            for (size_t o; i < len && (o = open_len(t->p, len, i));)
                i += o;
        size_t cs = i, n = 0;
        uint32_t h = 2166136261u;
        while (i < len) {
            c = p[i];
            k = bclass[c];
            if (k < B_LOWER && !(c == '.' && n && i + 1 < len && is_let(p[i + 1]) &&
                                 p[i - 1] != '.'))
                break;
            c = k == B_UPPER ? (unsigned char)(c | 32) : c;
            if (n < MAX_BYTES)
                buf[n] = (char)c;
            n++;
            h = (h ^ c) * 16777619u;
            i++;
        }
        size_t ce = i;
        int whole = 1; /* after the core, closing marks only */
        while (i < len && bclass[p[i]] != B_SPACE) {
            size_t q = close_len(t->p, len, i);
            whole &= q != 0;
            i += q ? q : 1;
        }
        size_t te = i, e = te;
        periods += p[te - 1] == '.';
        int was_mid = mid;
        /* a token ending in . ? ! (then closing marks) may end a sentence */
        while (e > ts && (p[e - 1] == '"' || p[e - 1] == '\'' || p[e - 1] == ')' ||
                          p[e - 1] == ']' || p[e - 1] >= 0x80))
            e--;
        mid = !(e > ts && (p[e - 1] == '.' || p[e - 1] == '?' || p[e - 1] == '!'));
        if (!whole || n == 0 || n > MAX_BYTES || !filter_has(l, h))
            continue;
        if (ce == te || p[ce] != '.') {
            long cid = sl_strmap_get_h(l->types, buf, n, h);
            if (cid >= 0)
                l->cand[cid].without++;
        }
        long oid = sl_strmap_get_h(l->ortho, buf, n, h);
        if (oid >= 0) {
            if (is_up(p[cs]))
                l->oflags[oid] |= was_mid ? O_UPPER_MID : O_UPPER_FIRST;
            else if (is_low(p[cs]))
                l->oflags[oid] |= was_mid ? O_LOWER_MID : O_LOWER_FIRST;
        }
    }
    l->words += words;
    l->periods += periods;
}

/* Dunning's log-likelihood ratio as Punkt computes it: the type's
 * occurrences, a of them, are followed by a period b times in a text of N
 * tokens with P period-final ones; the alternative hypothesis is that the
 * type almost always has one (0.99). Large when the period sticks to the
 * type; negative when the type mostly lacks it. */
static double dunning(double a, double b, double P, double N)
{
    double p1 = P / N, p2 = 0.99;
    if (p1 <= 0 || p1 >= 1)
        return 0;
    double null = b * log(p1) + (a - b) * log(1 - p1);
    double alt = b * log(p2) + (a - b) * log(1 - p2);
    return -2.0 * (null - alt);
}

static int by_rank(const void *a, const void *b)
{
    const sl_learnabbr_item *x = a, *y = b;
    if (x->learned != y->learned)
        return y->learned - x->learned;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return strcmp(x->type, y->type);
}

int sl_learnabbr_finish(sl_learnabbr *l, const sl_learnabbr_opts *opts, sl_error *err)
{
    sl_learnabbr_opts o;
    if (opts)
        o = *opts;
    else
        sl_learnabbr_opts_default(&o);
    if (l->finished)
        return SL_OK;
    l->finished = 1;
    l->min_count = o.min_count;
    l->min_score = o.min_score;
    l->min_ratio = o.min_ratio;
    /* only the candidates that can be learned, and their followers, are
     * looked up in pass two */
    memset(l->filter, 0, FILTER_BITS / 8);
    for (size_t c = 0; c < l->ncand; c++)
        if (l->cand[c].with >= o.min_count) {
            const char *key = sl_strmap_key(l->types, (long)c);
            filter_set(l, sl_strmap_hash(key, strlen(key)));
        }
    for (size_t f = 0; f < l->nfollow; f += 2)
        if (l->cand[l->follow[f]].with >= o.min_count) {
            const char *key = sl_strmap_key(l->ortho, (long)l->follow[f + 1]);
            filter_set(l, sl_strmap_hash(key, strlen(key)));
        }
    size_t total = 0, read = 0;
    for (size_t k = 0; k < l->ntext; k++)
        total += l->text[k].len;
    size_t stride = total <= SAMPLE_BYTES ? 0 : (total / (SAMPLE_BYTES / WINDOW)) + 1;
    for (size_t k = 0; k < l->ntext; k++) {
        const text_t *t = &l->text[k];
        if (!stride) {
            walk(l, t, 0, t->len);
            continue;
        }
        /* windows from a line start to a line end */
        for (size_t a = 0; a < t->len; a += stride) {
            size_t b = a + WINDOW < t->len ? a + WINDOW : t->len;
            const char *q = a ? memchr(t->p + a, '\n', b - a) : t->p;
            if (!q)
                continue;
            size_t from = (size_t)(q - t->p) + (a > 0);
            const char *r = memchr(t->p + b, '\n', t->len - b);
            size_t to = r ? (size_t)(r - t->p) : t->len;
            walk(l, t, from, to);
            read += to - from;
        }
    }
    if (stride && read) {
        /* scale pass two's counts up to the whole text (a type seen
         * without its period at all keeps at least that one) */
        double sc = (double)total / (double)read;
        l->words = (size_t)((double)l->words * sc);
        l->periods = (size_t)((double)l->periods * sc);
        for (size_t c = 0; c < l->ncand; c++)
            l->cand[c].without = (uint32_t)ceil(l->cand[c].without * sc);
    }
    l->active = l->words >= o.min_words && l->periods >= o.min_periods && l->words > 0;
    size_t n = 0;
    for (size_t c = 0; c < l->ncand; c++)
        n += l->cand[c].with >= o.min_count;
    if ((n && !(l->items = calloc(n, sizeof *l->items))) ||
        !(l->learned = calloc(l->ncand + 1, 1)))
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    /* the capitalised words after each candidate, by their orthography */
    size_t *name = calloc(l->ncand + 1, sizeof *name), *start = calloc(l->ncand + 1, sizeof *start);
    if (!name || !start) {
        free(name);
        free(start);
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    }
    for (size_t f = 0; f < l->nfollow; f += 2) {
        uint32_t c = l->follow[f];
        unsigned fl = l->oflags[l->follow[f + 1]];
        if ((fl & O_LOWER_MID) && !(fl & O_UPPER_MID))
            start[c]++;
        else if ((fl & O_UPPER_MID) && !(fl & O_LOWER_MID))
            name[c]++;
        else
            l->cand[c].upper++;
    }
    for (size_t c = 0; c < l->ncand; c++) {
        const cand_t *k = &l->cand[c];
        if (k->with < o.min_count)
            continue;
        sl_learnabbr_item *it = &l->items[l->nitems++];
        it->type = sl_strmap_key(l->types, (long)c);
        it->form[0] = k->form[0];
        it->form[1] = k->form[1][0] ? k->form[1] : NULL;
        it->with = k->with;
        it->without = k->without;
        it->end = k->end;
        it->lower = k->lower;
        it->digit = k->digit;
        it->name = name[c];
        it->start = start[c];
        it->upper = k->upper;
        it->other = k->other;
        it->after_num = k->after_num;
        it->llr = dunning((double)k->with + k->without, k->with, (double)l->periods,
                          (double)l->words);
        /* Punkt's factors and threshold: long types are rarely
         * abbreviations (exp(-length)); internal periods make one likelier;
         * a type written without its period is penalised hard
         * (length^-without): a word that ends sentences occurs without a
         * period elsewhere. */
        double len = (double)k->letters;
        it->score = it->llr * exp(-len) * (1.0 + k->periods) * pow(len, -(double)k->without);
        /* the contexts after it: a capitalised word of unknown orthography
         * counts half for an abbreviation (names follow titles, "Fak.
         * Kedokteran"), and so does a capitalised word written lower-case
         * mid-sentence elsewhere for a sentence end (Indonesian names of
         * bodies are capitalised common words: "Fak. Hukum", "demi
         * hukum"); a paragraph end counts whole. A unit (a type mostly
         * after a number, "seluas 12 ha.") precedes no name: there an
         * unknown capitalised word counts half for a sentence end. */
        int unit = 2 * k->after_num > k->with;
        double up = 0.5 * (double)it->upper;
        double abbr = (double)(it->lower + it->digit + it->name) + (unit ? 0 : up);
        double sent = (double)it->end + 0.5 * (double)it->start + (unit ? up : 0);
        it->confidence = (abbr + 1.0) / (abbr + sent + 2.0);
        it->contexts = k->nctx;
        it->learned = l->active && it->score >= o.min_score && abbr >= (double)o.min_count &&
                      k->nctx >= o.min_count && it->lower + it->digit >= o.min_plain &&
                      abbr >= o.min_ratio * sent;
        l->learned[c] = (unsigned char)it->learned;
    }
    free(name);
    free(start);
    if (l->nitems) /* qsort must not be given NULL, even for nothing */
        qsort(l->items, l->nitems, sizeof *l->items, by_rank);
    return SL_OK;
}

int sl_learnabbr_active(const sl_learnabbr *l) { return l->active; }
size_t sl_learnabbr_words(const sl_learnabbr *l) { return l->words; }
size_t sl_learnabbr_periods(const sl_learnabbr *l) { return l->periods; }
size_t sl_learnabbr_count(const sl_learnabbr *l) { return l->nitems; }

const sl_learnabbr_item *sl_learnabbr_get(const sl_learnabbr *l, size_t i)
{
    return i < l->nitems ? &l->items[i] : NULL;
}

int sl_learnabbr_is_abbr(const sl_learnabbr *l, const char *tok, size_t n)
{
    if (!l || !l->active || n == 0 || n > MAX_BYTES)
        return 0;
    char buf[MAX_BYTES];
    uint32_t h = fold(tok, n, buf);
    if (!filter_has(l, h))
        return 0;
    long cid = sl_strmap_get_h(l->types, buf, n, h);
    return cid >= 0 && l->learned[cid];
}

int sl_learnabbr_starts(const sl_learnabbr *l, const char *w, size_t n)
{
    if (!l || n == 0 || n > MAX_BYTES)
        return 0;
    char buf[MAX_BYTES];
    uint32_t h = fold(w, n, buf);
    long oid = sl_strmap_get_h(l->ortho, buf, n, h);
    if (oid < 0)
        return 0;
    unsigned fl = l->oflags[oid];
    return (fl & O_LOWER_MID) && !(fl & O_UPPER_MID);
}
