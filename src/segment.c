/* segment.c — the sentence splitter.
 *
 * One PCRE2 pattern finds every cluster of terminal marks (". ? ! …" with
 * the closing quotes and brackets after them); each cluster is then judged
 * from the token before it and the word after it, using the abbreviation
 * classes and starter words of the language's rule file. Paragraph
 * assembly (soft line breaks, hyphenation, sentences broken across a blank
 * line, headings and label lines) happens first, on the raw lines. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "selaras/segment.h"
#include "selaras/learnabbr.h"
#include "selaras/rules.h"
#include "selaras/strmap.h"
#include "selaras/text.h"
#include "grow.h"

#include <locale.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>


enum abbr_class { AB_NONE = SL_ABBR_NONE, AB_TITLE = SL_ABBR_TITLE, AB_NUMBER = SL_ABBR_NUMBER,
                  AB_END = SL_ABBR_END, AB_AMBIG = SL_ABBR_AMBIG,
                  AB_LEARNED /* no list or shape: learned from the input (learnabbr.c) */ };

enum sect { S_TERM, S_PROTECT, S_TITLE, S_NUMBER, S_END, S_AMBIG, S_STARTERS,
            S_OPENER, S_HEADING, S_LABEL, S_COUNT };
static const char *const sect_names[S_COUNT] = {
    "terminator", "protect", "title", "number", "end", "ambiguous", "starters",
    "opener", "heading", "label"
};

/* Limits on one match of a rule pattern, so that no text makes a pattern
 * run away (nested quantifiers over 100,000 dots, a protect pattern over a
 * token of a megabyte): a match that reaches them counts as no match for
 * headings and labels, as protection for [protect], and ends the search
 * for boundaries in the rest of the paragraph for [terminator]. Ordinary
 * text needs a few hundred steps per match. */
enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000 };

/* The longest token the boundary decision looks into: no abbreviation,
 * starter word or enumerator comes near it, and a cap keeps a glued run
 * of a million marks ("x.x.x...") linear. */
enum { MAXTOK = 64 };

struct sl_seg {
    pcre2_code *term, *protect, *heading, *label;
    pcre2_match_context *mctx; /* the limits above, shared read-only */
    sl_strmap *abbr;
    unsigned char *abbr_class; /* by abbr id */
    size_t abbr_cap;
    sl_strmap *starters;
    locale_t ctype;            /* C.UTF-8 for Unicode letter case */
    char *sect[S_COUNT];       /* items as loaded, '\n'-joined */
    char *term_match;          /* the [terminator] pattern the splitter runs */
    int generic;               /* no rules of the language: the common ones only */
    const sl_learnabbr *learned; /* borrowed; NULL: none */
};

/* ---- rule files ------------------------------------------------------- */

static int sect_append(char **dst, const char *item, size_t len)
{
    size_t old = *dst ? strlen(*dst) : 0;
    char *n = realloc(*dst, old + len + 2);
    if (!n)
        return -1;
    memcpy(n + old, item, len);
    n[old + len] = '\n';
    n[old + len + 1] = '\0';
    *dst = n;
    return 0;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

/* Parses one rule file into the section lists. */
static int parse_rules(sl_seg *seg, const char *src, const char *name, sl_error *err)
{
    int cur = -1;
    long lineno = 0;
    for (const char *p = src; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        lineno++;
        const char *s = p;
        while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
        p = eol ? eol + 1 : p + strlen(p);
        if (n == 0 || *s == '#')
            continue;
        /* "[name]" of lower-case letters opens a section; other lines
         * starting with '[' are items (patterns such as [\w.]+@...) */
        size_t nl = 0;
        while (nl + 1 < n && s[nl + 1] >= 'a' && s[nl + 1] <= 'z')
            nl++;
        if (*s == '[' && n >= 3 && nl + 2 == n && s[n - 1] == ']') {
            cur = -1;
            for (int k = 0; k < S_COUNT; k++)
                if (strlen(sect_names[k]) == nl && memcmp(sect_names[k], s + 1, nl) == 0)
                    cur = k;
            if (cur < 0)
                return sl_error_set(err, SL_EINPUT, name, lineno, -1,
                                    "unknown section %.*s", (int)n, s);
            continue;
        }
        if (cur < 0)
            return sl_error_set(err, SL_EINPUT, name, lineno, -1,
                                "item outside a [section]");
        if (sl_utf8_valid_prefix(s, n) != n)
            return sl_error_set(err, SL_EINPUT, name, lineno, -1, "invalid UTF-8");
        if (cur == S_TERM && seg->sect[S_TERM])
            free(seg->sect[S_TERM]), seg->sect[S_TERM] = NULL; /* one pattern: last wins */
        if (sect_append(&seg->sect[cur], s, n))
            return sl_error_set(err, SL_ENOMEM, name, lineno, -1, "out of memory");
        if (cur >= S_TITLE && cur <= S_AMBIG) {
            long id = sl_strmap_intern(seg->abbr, s, n);
            if (id < 0)
                return sl_error_set(err, SL_ENOMEM, name, lineno, -1, "out of memory");
            if ((size_t)id >= seg->abbr_cap) {
                size_t nc = seg->abbr_cap ? seg->abbr_cap * 2 : 256;
                unsigned char *c = realloc(seg->abbr_class, nc);
                if (!c)
                    return sl_error_set(err, SL_ENOMEM, name, lineno, -1, "out of memory");
                seg->abbr_class = c;
                seg->abbr_cap = nc;
            }
            /* a language file loaded after common.txt overrides its class */
            seg->abbr_class[id] = (unsigned char)(AB_TITLE + (cur - S_TITLE));
        } else if (cur == S_STARTERS) {
            if (sl_strmap_intern(seg->starters, s, n) < 0)
                return sl_error_set(err, SL_ENOMEM, name, lineno, -1, "out of memory");
        }
    }
    return SL_OK;
}

static int load_rules(sl_seg *seg, const char *base, const char *dir, sl_error *err)
{
    char path[1024];
    if (dir) {
        snprintf(path, sizeof path, "%s/%s.txt", dir, base);
        char *buf = read_file(path);
        if (buf) {
            int rc = parse_rules(seg, buf, path, err);
            free(buf);
            return rc;
        }
    }
    const char *builtin = sl_rules_builtin(base);
    if (!builtin)
        return sl_error_set(err, SL_EUSAGE, dir ? path : base, 0, -1,
                            "no segmentation rules for language '%s'", base);
    snprintf(path, sizeof path, "rules/%s.txt", base);
    return parse_rules(seg, builtin, path, err);
}

/* Compiles the '\n'-separated patterns of a section as one alternation. */
static int compile_section(sl_seg *seg, int s, pcre2_code **out, sl_error *err)
{
    *out = NULL;
    const char *items = s == S_TERM && seg->term_match ? seg->term_match : seg->sect[s];
    if (!items)
        return SL_OK;
    size_t cap = strlen(items) * 2 + 16, len = 0;
    char *pat = malloc(cap);
    if (!pat)
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    for (const char *p = items; *p;) {
        const char *eol = strchr(p, '\n');
        len += (size_t)snprintf(pat + len, cap - len, "%s(?:%.*s)", len ? "|" : "",
                                (int)(eol - p), p);
        p = eol + 1;
    }
    int ecode;
    PCRE2_SIZE eoff;
    *out = pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF | PCRE2_UCP, &ecode, &eoff, NULL);
    if (!*out) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ecode, msg, sizeof msg);
        int rc = sl_error_set(err, SL_EINPUT, "rules", 0, -1,
                              "[%s] pattern error at offset %zu: %s", sect_names[s],
                              (size_t)eoff, (char *)msg);
        free(pat);
        return rc;
    }
    free(pat);
    /* JIT is an optimisation: the interpreter gives the same answers */
    pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
    return SL_OK;
}

/* A sentence that lost its final mark before a connective ("... berhasil
 * Tapi setidaknya ...") still ends there: the [opener] words become a second
 * alternative of the terminator pattern, matching the space before them.
 * That is the pattern as loaded and exported (srx.c reads it back). The
 * splitter runs an equivalent one that matches the connective itself,
 * after a lower-case letter and a space: a pattern whose every alternative
 * starts with a mark or a connective's first letter lets PCRE2 skip ahead
 * to the next such character, where one that can start at a space stops at
 * every space (a third of the splitting time). split_para() ends the
 * sentence at the space before the connective. */
static int add_openers(sl_seg *seg, sl_error *err)
{
    const char *op = seg->sect[S_OPENER], *term = seg->sect[S_TERM];
    if (!op || !term)
        return SL_OK;
    size_t cap = strlen(op) * 2 + strlen(term) + 64, len, mlen;
    char *pat = malloc(cap), *match = malloc(cap);
    if (!pat || !match) {
        free(pat);
        free(match);
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    }
    len = (size_t)snprintf(pat, cap, "(?:%.*s)|(?<=\\p{Ll}) (?=(?:", (int)strlen(term) - 1, term);
    mlen = (size_t)snprintf(match, cap, "(?:%.*s)|(?<=\\p{Ll} )(?:", (int)strlen(term) - 1, term);
    for (const char *p = op; *p;) {
        const char *eol = strchr(p, '\n');
        len += (size_t)snprintf(pat + len, cap - len, "%s%.*s", p == op ? "" : "|",
                                (int)(eol - p), p);
        mlen += (size_t)snprintf(match + mlen, cap - mlen, "%s%.*s", p == op ? "" : "|",
                                 (int)(eol - p), p);
        p = eol + 1;
    }
    snprintf(pat + len, cap - len, ")\\b)\n");
    snprintf(match + mlen, cap - mlen, ")\\b\n");
    free(seg->sect[S_TERM]);
    seg->sect[S_TERM] = pat;
    free(seg->term_match);
    seg->term_match = match;
    return SL_OK;
}

sl_seg *sl_seg_new(const char *lang, const char *rules_dir, sl_error *err)
{
    sl_seg *seg = calloc(1, sizeof *seg);
    if (!seg) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    seg->abbr = sl_strmap_new();
    seg->starters = sl_strmap_new();
    seg->ctype = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if ((seg->mctx = pcre2_match_context_create(NULL))) {
        pcre2_set_match_limit(seg->mctx, MATCH_LIMIT);
        pcre2_set_depth_limit(seg->mctx, DEPTH_LIMIT);
    }
    if (!seg->abbr || !seg->starters || !seg->ctype || !seg->mctx) {
        sl_error_set(err, SL_EINTERNAL, NULL, 0, -1, "cannot set up the C.UTF-8 locale");
        sl_seg_free(seg);
        return NULL;
    }
    /* a language without rules of its own (German, say) is split with the
     * common ones: terminal marks, numbers, quotes, URLs */
    char code[64];
    const char *base = sl_lang_code(lang, code, sizeof code);
    char path[1024] = "";
    if (rules_dir)
        snprintf(path, sizeof path, "%s/%s.txt", rules_dir, base);
    FILE *own = path[0] ? fopen(path, "r") : NULL;
    if (own)
        fclose(own);
    seg->generic = !own && !sl_rules_builtin(base);
    if (load_rules(seg, "common", rules_dir, err) ||
        (!seg->generic && load_rules(seg, base, rules_dir, err)) || add_openers(seg, err) ||
        compile_section(seg, S_TERM, &seg->term, err) ||
        compile_section(seg, S_PROTECT, &seg->protect, err) ||
        compile_section(seg, S_HEADING, &seg->heading, err) ||
        compile_section(seg, S_LABEL, &seg->label, err)) {
        sl_seg_free(seg);
        return NULL;
    }
    if (!seg->term) {
        sl_error_set(err, SL_EINPUT, "rules", 0, -1, "no [terminator] pattern");
        sl_seg_free(seg);
        return NULL;
    }
    return seg;
}

int sl_seg_generic(const sl_seg *seg) { return seg->generic; }

void sl_seg_set_learned(sl_seg *seg, const sl_learnabbr *l) { seg->learned = l; }
const sl_learnabbr *sl_seg_learned(const sl_seg *seg) { return seg->learned; }

void sl_seg_free(sl_seg *seg)
{
    if (!seg)
        return;
    pcre2_code_free(seg->term);
    pcre2_code_free(seg->protect);
    pcre2_code_free(seg->heading);
    pcre2_code_free(seg->label);
    pcre2_match_context_free(seg->mctx);
    sl_strmap_free(seg->abbr);
    sl_strmap_free(seg->starters);
    free(seg->abbr_class);
    if (seg->ctype)
        freelocale(seg->ctype);
    for (int k = 0; k < S_COUNT; k++)
        free(seg->sect[k]);
    free(seg->term_match);
    free(seg);
}

const char *sl_seg_section(const sl_seg *seg, const char *section)
{
    for (int k = 0; k < S_COUNT; k++)
        if (strcmp(sect_names[k], section) == 0)
            return seg->sect[k];
    return NULL;
}

/* ---- characters ------------------------------------------------------- */

static unsigned cp_at(const char *s, size_t len, size_t i, size_t *adv)
{
    if (i >= len) { *adv = 0; return 0; }
    if ((unsigned char)s[i] < 0x80) { *adv = 1; return (unsigned char)s[i]; }
    return sl_utf8_decode(s + i, len - i, adv);
}

/* Start of the code point that ends just before i; 0 at the start (a
 * paragraph that opens with a mark has nothing before it). */
static size_t cp_back(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    do i--; while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static int is_upper(const sl_seg *g, unsigned c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return iswupper_l((wint_t)c, g->ctype);
}
static int is_lower(const sl_seg *g, unsigned c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return iswlower_l((wint_t)c, g->ctype);
}
static int is_alpha(const sl_seg *g, unsigned c)
{
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return iswalpha_l((wint_t)c, g->ctype);
}
static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }

/* Input was validated on load, so matching skips PCRE2's UTF check; the
 * ASCII test is inlined because it runs on every byte. */
static inline size_t space_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return sl_utf8_space_len(s, len, i);
}

/* Marks that open a quotation or bracket before a word. */
static int is_opening(unsigned c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x201C ||
           c == 0x2018 || c == 0x201E || c == 0xAB || c == 0x2039 || c == 0xBF ||
           c == 0xA1 || c == '*' || c == '-' || c == 0x2013 || c == 0x2014;
}

/* ---- the boundary decision ------------------------------------------- */

/* The spans of one token that [protect] patterns match, found once per
 * token and reused for every mark inside it. */
typedef struct {
    size_t a, b;        /* the token, [a, b) in the paragraph (b 0: none yet) */
    int all;            /* the patterns hit their limits: all of it protected */
    size_t *span, n, cap, next; /* match spans, as pairs, in order */
} protect_t;

typedef struct {
    const sl_seg *g;
    const char *p; /* paragraph */
    size_t len;
    protect_t *prot;
    size_t limited; /* matches that hit MATCH_LIMIT or DEPTH_LIMIT */
} para_t;

static int match(const sl_seg *g, const pcre2_code *re, const char *s, size_t n, size_t start,
                 pcre2_match_data *md)
{
    return pcre2_match(re, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, md, g->mctx);
}

static int is_limit(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

static int abbr_class(const sl_seg *g, const char *tok, size_t n)
{
    long id = sl_strmap_get(g->abbr, tok, n);
    return id >= 0 ? g->abbr_class[id] : AB_NONE;
}

int sl_seg_abbr_class(const sl_seg *seg, const char *tok, size_t n)
{
    return abbr_class(seg, tok, n);
}

/* Shape-based class for tokens no list names: an initial ("J"), a list
 * marker ("a"), or a dotted abbreviation ("U.S", "M.Si", "a.n"). */
static int shape_class(const sl_seg *g, const char *tok, size_t n)
{
    size_t adv;
    unsigned c = cp_at(tok, n, 0, &adv);
    if (adv == n && is_alpha(g, c))
        return is_upper(g, c) ? AB_AMBIG : AB_TITLE;
    /* letters{1,4} ( '.' letters{1,4} )+ */
    size_t i = 0, run = 0, dots = 0;
    while (i < n) {
        c = cp_at(tok, n, i, &adv);
        if (c == '.') {
            if (run == 0 || run > 4) return AB_NONE;
            run = 0;
            dots++;
        } else if (is_alpha(g, c)) {
            run++;
        } else {
            return AB_NONE;
        }
        i += adv;
    }
    return dots && run >= 1 && run <= 4 ? AB_AMBIG : AB_NONE;
}

/* Does a [protect] pattern match a span of the token around position at?
 * The token's spans are found on its first mark and kept for the others,
 * so that a long token is searched once, not once per mark in it. */
static int is_protected(para_t *P, size_t at, pcre2_match_data *md)
{
    const sl_seg *g = P->g;
    protect_t *c = P->prot;
    if (!g->protect)
        return 0;
    if (!(c->b > 0 && c->a <= at && at < c->b)) {
        size_t a = at, b = at;
        while (a > 0 && !space_len(P->p, P->len, a - 1)) a--;
        while (b < P->len && !space_len(P->p, P->len, b)) b++;
        c->a = a;
        c->b = b;
        c->all = 0;
        c->n = c->next = 0;
        PCRE2_SIZE start = 0;
        while (start < b - a) {
            int rc = match(g, g->protect, P->p + a, b - a, start, md);
            if (rc < 0) {
                if (is_limit(rc)) {
                    c->all = 1; /* no boundary inside a token too odd to tell */
                    P->limited++;
                }
                break;
            }
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            if (sl_grow(&c->span, &c->cap, c->n + 2, sizeof *c->span)) {
                c->all = 1;
                break;
            }
            c->span[c->n++] = a + ov[0];
            c->span[c->n++] = a + ov[1];
            start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }
    if (c->all)
        return 1;
    /* marks come in order: spans that end before this one are done with */
    while (c->next < c->n && c->span[c->next + 1] <= at)
        c->next += 2;
    for (size_t k = c->next; k < c->n && c->span[k] <= at; k += 2)
        if (c->span[k + 1] > at)
            return 1;
    return 0;
}

/* End of the word (letters only) that starts at n. */
static size_t word_end(const para_t *P, size_t n)
{
    size_t adv;
    while (n < P->len && is_alpha(P->g, cp_at(P->p, P->len, n, &adv)))
        n += adv;
    return n;
}

/* Is the word at n a [starters] word? With capitalise, a lower-case word
 * is looked up with its first letter in upper case. */
static int is_starter(const para_t *P, size_t n, int capitalise)
{
    size_t e = word_end(P, n), adv;
    if (e == n)
        return 0;
    if (!capitalise)
        return sl_strmap_get(P->g->starters, P->p + n, e - n) >= 0;
    unsigned c = cp_at(P->p, P->len, n, &adv);
    if (c >= 0x80 || e - n > 62)
        return 0;
    char w[64];
    memcpy(w, P->p + n, e - n);
    w[0] = (char)(c - 'a' + 'A');
    return sl_strmap_get(P->g->starters, w, e - n) >= 0;
}

/* Does the word at n hold an upper-case letter after its first (pH, mRNA,
 * e-KTP)? Such words open sentences in lower case. */
static int has_upper(const para_t *P, size_t n)
{
    size_t adv;
    for (size_t i = n; i < P->len && i - n < MAXTOK && !space_len(P->p, P->len, i); i += adv) {
        unsigned c = cp_at(P->p, P->len, i, &adv);
        if (is_upper(P->g, c))
            return 1;
    }
    return 0;
}

/* Is the token at n an abbreviation from the lists, written with its period? */
static int next_is_abbr(const para_t *P, size_t n)
{
    size_t e = n;
    while (e < P->len && e - n <= MAXTOK && !space_len(P->p, P->len, e))
        e++;
    return e - n >= 2 && e - n <= MAXTOK && P->p[e - 1] == '.' &&
           abbr_class(P->g, P->p + n, e - n - 1) != AB_NONE;
}

/* Is there a sentence boundary after the mark cluster [ts,te)?  sstart is
 * where the current sentence began, tb where the token before the cluster
 * begins (after the last space before ts, or sstart). */
static int decide(para_t *P, size_t sstart, size_t tb, size_t ts, size_t te,
                  pcre2_match_data *md)
{
    const sl_seg *g = P->g;
    const char *p = P->p;
    size_t len = P->len, adv;
    int question = 0, dots = 0, ellipsis = 0;
    for (size_t i = ts; i < te; i += adv) {
        unsigned c = cp_at(p, len, i, &adv);
        if (c == '.') dots++;
        else if (c == 0x2026) ellipsis = 1;
        else if (c == '?' || c == '!' || (c >= 0x203C && c <= 0x2049)) question = 1;
    }
    ellipsis |= dots >= 2;
    size_t ws = te;
    while (ws < len && space_len(p, len, ws))
        ws += space_len(p, len, ws);
    if (ws >= len)
        return 0; /* the paragraph ends here anyway */
    size_t n = ws;
    unsigned nc = cp_at(p, len, n, &adv);
    while (n < len && is_opening(nc)) {
        n += adv;
        nc = cp_at(p, len, n, &adv);
        /* quotes standing alone after a space closed the sentence's
         * quotation ("... ini? '" ujar Pall"): look past them */
        if (n < len && space_len(p, len, n)) {
            while (n < len && space_len(p, len, n))
                n += space_len(p, len, n);
            nc = cp_at(p, len, n, &adv);
        }
    }
    if (n >= len)
        return 0;
    size_t lastc = cp_back(p, te);
    unsigned last = cp_at(p, len, lastc, &adv);
    int closed = !(last == '.' || last == '?' || last == '!' || last == 0x2026);

    /* the token before the cluster, without opening marks; one longer than
     * MAXTOK is no abbreviation and is looked at no further */
    for (unsigned c = cp_at(p, len, tb, &adv); tb < ts && is_opening(c);
         c = cp_at(p, len, tb, &adv))
        tb += adv;
    const char *tok = p + tb;
    size_t tlen = ts - tb;
    int longtok = tlen > MAXTOK;

    if (ws == te) {
        /* Glued: "diplomacy.Ultimately" splits, "e.g.The", "U.S.A",
         * "3.5", URLs and file names do not. */
        size_t a2;
        if (!is_upper(g, nc) || !is_lower(g, cp_at(p, len, n + adv, &a2)))
            return 0;
        if (tlen == 0)
            return 0;
        unsigned pc = cp_at(p, len, cp_back(p, ts), &a2);
        if (question || ellipsis)
            return is_alpha(g, pc) && !is_protected(P, ts, md);
        if (tlen < 2)
            return 0;
        int cls = longtok ? AB_NONE : abbr_class(g, tok, tlen);
        if (cls == AB_NONE && !longtok && shape_class(g, tok, tlen) != AB_NONE)
            return 0; /* "e.g.The" */
        if (cls == AB_END) /* "dll.Semua" */
            return !is_protected(P, ts, md);
        if (cls != AB_NONE || (!longtok && sl_learnabbr_is_abbr(g->learned, tok, tlen)))
            return 0;
        unsigned pc2 = cp_at(p, len, cp_back(p, cp_back(p, ts)), &a2);
        int ok = (is_lower(g, pc) && is_lower(g, pc2)) || /* "diplomacy.Ultimately" */
                 pc == '%' || pc == ')' || pc == ']' ||   /* "5%.Hasil", "(2019).Namun" */
                 (is_digit(pc) && is_starter(P, n, 0));   /* "2020.Results" */
        return ok && !is_protected(P, ts, md);
    }
    /* an ellipsis after a space marks an omission inside the sentence */
    if (ellipsis && ts > 0 && space_len(p, len, cp_back(p, ts)))
        return 0;
    int cls = longtok ? AB_NONE : abbr_class(g, tok, tlen);
    if (cls == AB_NONE && !question && !ellipsis && !longtok)
        cls = shape_class(g, tok, tlen);
    if (cls == AB_NONE && !question && !ellipsis && !longtok &&
        sl_learnabbr_is_abbr(g->learned, tok, tlen))
        cls = AB_LEARNED;
    if (is_lower(g, nc) && !has_upper(P, n)) {
        /* Informal text starts sentences in lower case ("i am out of
         * town. i am in portland"): break only before a starter word, and
         * not after a capitalised token, which may be an abbreviation
         * no list knows ("Tbk. and"). */
        return cls == AB_NONE && !closed && !ellipsis && tlen > 0 &&
               !is_upper(g, cp_at(tok, tlen, 0, &adv)) && is_starter(P, n, 1);
    }
    if (question || ellipsis || closed)
        return 1;

    /* a single period after a token */
    int digit = is_digit(nc) || (n > ws && cp_at(p, len, ws, &adv) == '(');
    if (tb == sstart && tlen > 0 && tlen <= 6) {
        /* "1. Pendahuluan", "a. Data", "3.2.1. Metode": enumerators */
        int marker = 1;
        for (size_t i = 0; i < tlen; i++)
            if (!is_digit((unsigned char)tok[i]) && tok[i] != '.' &&
                !(tlen == 1 && is_alpha(g, (unsigned char)tok[i])))
                marker = 0;
        if (marker)
            return 0;
    }
    if (cls != AB_NONE && next_is_abbr(P, n))
        return 0; /* "Co. Ltd.", "Pte. Ltd." */
    switch (cls) {
    case AB_TITLE:
        return 0;
    case AB_NUMBER:
    case AB_END:
        return !digit;
    case AB_AMBIG:
        return !digit && is_upper(g, nc) && is_starter(P, n, 0);
    case AB_LEARNED:
        /* as [ambiguous], and before a word the input writes in lower
         * case mid-sentence and never capitalised there ("12 kg. Hasil") */
        return !digit && is_upper(g, nc) &&
               (is_starter(P, n, 0) ||
                sl_learnabbr_starts(g->learned, p + n, word_end(P, n) - n));
    default:
        return 1;
    }
}

/* ---- output ----------------------------------------------------------- */

/* The raw text of a paragraph beside its normalised text, walked in step:
 * a space of the normalised text stands for a whitespace run of the raw
 * one, and the raw text has a space at each line join (and a hyphen at
 * each mended one) that the normalised text may lack; every other byte is
 * the same in both. Sentences are found in order, so the walk only moves
 * forward: linear in the paragraph, and no memory. */
typedef struct {
    const char *p, *r; /* the paragraph's normalised and raw text */
    size_t rlen, i, j; /* raw length; where the walk stands in each */
} walk_t;

/* Moves the walk to byte to of the normalised text (at or after where it
 * stands); returns the offset in the raw text of that byte. */
static size_t walk_to(walk_t *w, size_t to)
{
    size_t k;
    while (w->i < to && w->j < w->rlen) {
        if (w->p[w->i] == ' ' && (k = space_len(w->r, w->rlen, w->j))) {
            do
                w->j += k;
            while (w->j < w->rlen && (k = space_len(w->r, w->rlen, w->j)));
            w->i++;
        } else if (w->p[w->i] == w->r[w->j]) {
            w->i++;
            w->j++;
        } else {
            w->j++; /* a line join's space, or a mended hyphen */
        }
    }
    /* at a byte of the normalised text that is not a space, the raw text
     * may still hold a join's space or hyphen first */
    while (w->j < w->rlen && w->r[w->j] != w->p[w->i])
        w->j++;
    return w->j;
}

static int push_sent(sl_sents *out, walk_t *w, size_t base, size_t off, size_t len,
                     unsigned para, unsigned kind)
{
    /* trim: spans never start or end with a space */
    while (len && out->text[off] == ' ') { off++; len--; }
    while (len && out->text[off + len - 1] == ' ') len--;
    if (len == 0)
        return 0;
    if (out->n == out->cap) {
        size_t nc = out->cap ? out->cap * 2 : 64;
        sl_sent *v = realloc(out->v, nc * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        out->cap = nc;
    }
    /* the first and last bytes are not spaces, so they are bytes of the
     * raw text too: the raw span runs from the one to the other */
    size_t roff = walk_to(w, off - base), rend = walk_to(w, off + len - 1 - base) + 1;
    out->v[out->n++] = (sl_sent){ off, len, para, kind, (size_t)(w->r - out->raw) + roff,
                                  rend - roff };
    return 0;
}

/* Splits the paragraph [off, off+len) of out->text, whose raw text is
 * [roff, roff+rlen) of out->raw. */
static int split_para(const sl_seg *g, sl_sents *out, size_t roff, size_t rlen, size_t off,
                      size_t len, unsigned kind, pcre2_match_data *md)
{
    unsigned para = (unsigned)out->npara++;
    walk_t w = { out->text + off, out->raw + roff, rlen, 0, 0 };
    if (kind != SL_SENT_TEXT)
        return push_sent(out, &w, off, off, len, para, kind);
    protect_t prot = { 0, 0, 0, NULL, 0, 0, 0 };
    para_t P = { g, out->text + off, len, &prot, 0 };
    size_t sstart = 0, pos = 0, rc = 0;
    while (pos < len) {
        int m = match(g, g->term, P.p, len, pos, md);
        if (m < 0) {
            if (is_limit(m))
                P.limited++; /* the rest of the paragraph stays one sentence */
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t ts = ov[0], te = ov[1], adv;
        if (te == ts) {
            cp_at(P.p, len, ts, &adv);
            pos = ts + (adv ? adv : 1);
            continue;
        }
        /* a match that starts with a letter is an [opener] connective
         * (see add_openers): the sentence ends at the space before it */
        if (is_alpha(g, cp_at(P.p, len, ts, &adv))) {
            if (ts - 1 > sstart) {
                if (push_sent(out, &w, off, off + sstart, ts - sstart, para, kind)) {
                    rc = 1;
                    break;
                }
                sstart = ts;
            }
            pos = ts + 1;
            continue;
        }
        /* the token before the mark; a walk back stops after MAXTOK + 4
         * bytes, so that a glued run of a million marks stays linear (a
         * token that long is no abbreviation: decide() looks no further) */
        size_t tb = ts, lim = ts - sstart > MAXTOK + 4 ? ts - (MAXTOK + 4) : sstart;
        while (tb > lim && !space_len(P.p, len, cp_back(P.p, tb)))
            tb = cp_back(P.p, tb);
        if (tb < sstart)
            tb = sstart;
        if (decide(&P, sstart, tb, ts, te, md)) {
            if (push_sent(out, &w, off, off + sstart, te - sstart, para, kind)) {
                rc = 1;
                break;
            }
            sstart = te;
            while (sstart < len && P.p[sstart] == ' ')
                sstart++;
        }
        pos = te;
    }
    free(prot.span);
    out->limited += P.limited;
    if (rc)
        return -1;
    return push_sent(out, &w, off, off + sstart, len - sstart, para, kind);
}

/* ---- paragraph assembly ----------------------------------------------- */

/* Two texts grow side by side: buf, the normalised paragraphs the splitter
 * reads, and raw, the same lines as the input has them (trimmed, joined by
 * one space, nothing collapsed or mended), which is what a CAT tool sees
 * (see walk_t). */
typedef struct {
    char *buf;
    size_t len, cap;
    size_t pstart; /* start of the open paragraph in buf */
    unsigned pkind;
    int open;
    char *raw;
    size_t rlen, rcap;
    size_t rpstart; /* and in raw */
} pbuf;

/* Room for extra more bytes (and a '\n') in buf and raw. */
static int pb_reserve(pbuf *b, size_t extra)
{
    if (sl_grow(&b->buf, &b->cap, b->len + extra + 1, 1) ||
        sl_grow(&b->raw, &b->rcap, b->rlen + extra + 1, 1))
        return -1;
    return 0;
}

/* Is there a space beyond ASCII (one that sl_utf8_space_len knows) at s[i]? */
static int wide_space(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i], d = i + 1 < n ? s[i + 1] : 0, e = i + 2 < n ? s[i + 2] : 0;
    return (c == 0xC2 && d == 0xA0) || (c == 0xE2 && d == 0x80 && (e <= 0x8B || e == 0xAF)) ||
           (c == 0xE3 && d == 0x80 && e == 0x80) || (c == 0xEF && d == 0xBB && e == 0xBF);
}

/* Does the line hold whitespace that pb_append collapses: a control
 * character, two spaces in a row, a space beyond ASCII? Eight bytes at a
 * time: most lines have none, and are then copied whole. */
static int needs_collapse(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u,
                   low7 = 0x7F7F7F7F7F7F7F7Fu;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (x & high) { /* bytes beyond ASCII: look at each */
            for (size_t k = i; k < i + 8; k++)
                if (s[k] >= 0x80 ? wide_space(s, n, k)
                                 : s[k] < ' ' || (s[k] == ' ' && k && s[k - 1] == ' '))
                    return 1;
            continue;
        }
        if ((x - ones * ' ') & ~x & high) /* a byte below ' ' */
            return 1;
        uint64_t y = x ^ (ones * ' ');                 /* spaces become zero bytes */
        uint64_t sp = ~(((y & low7) + low7) | y | low7); /* 0x80 at each space */
        if ((sp & (sp << 8)) || (s[i] == ' ' && i && s[i - 1] == ' '))
            return 1;
    }
    for (; i < n; i++)
        if (s[i] >= 0x80 ? wide_space(s, n, i)
                         : s[i] < ' ' || (s[i] == ' ' && i && s[i - 1] == ' '))
            return 1;
    return 0;
}

/* Appends a line, collapsing whitespace runs to one space; joins a word
 * hyphenated across the break ("pemerin-" + "tahan") but keeps the hyphen
 * of a reduplication ("masing-" + "masing"). raw receives the line as it
 * is, after one space when it continues the paragraph. */
static int pb_append(const sl_seg *g, pbuf *b, const char *s, size_t n)
{
    if (pb_reserve(b, n + 1))
        return -1;
    size_t adv;
    if (b->open && b->len > b->pstart) {
        int joined = 0;
        size_t L = b->len;
        if (L - b->pstart >= 2 && b->buf[L - 1] == '-' &&
            is_alpha(g, cp_at(b->buf, L, cp_back(b->buf, L - 1), &adv)) &&
            is_lower(g, cp_at(s, n, 0, &adv))) {
            size_t ws = L - 1;
            while (ws > b->pstart && b->buf[ws - 1] != ' ' && b->buf[ws - 1] != '-')
                ws--;
            size_t wl = L - 1 - ws, k = 0;
            while (k < n && is_alpha(g, cp_at(s, n, k, &adv)))
                k += adv;
            /* keep the hyphen of a reduplication (masing-masing, sehari-hari,
             * berbeda-beda, masing-masingnya) and of a compound that already
             * has one (state-of-the-art) */
            const char *w0 = b->buf + ws;
            int keep = (ws > b->pstart && b->buf[ws - 1] == '-') ||
                       (wl >= k && k >= 3 && memcmp(w0 + wl - k, s, k) == 0) ||
                       (k >= wl && wl >= 3 && memcmp(w0, s, wl) == 0);
            if (!keep)
                b->len--;
            joined = 1;
        }
        if (!joined)
            b->buf[b->len++] = ' ';
        b->raw[b->rlen++] = ' ';
    }
    /* the copy runs on every byte of the input: buf and o are locals, which
     * a store through char * cannot change, so they stay in registers; a
     * line with nothing to collapse (the common case) is copied whole */
    char *buf = b->buf;
    size_t o = b->len;
    if (!needs_collapse(s, n)) {
        memcpy(buf + o, s, n);
        b->len = o + n;
        memcpy(b->raw + b->rlen, s, n);
        b->rlen += n;
        b->open = 1;
        return 0;
    }
    int sp = 0;
    for (size_t i = 0; i < n;) {
        size_t w = space_len(s, n, i);
        if (w) {
            sp = 1;
            i += w;
            continue;
        }
        if (sp && o > b->pstart && buf[o - 1] != ' ')
            buf[o++] = ' ';
        sp = 0;
        buf[o++] = s[i++];
    }
    b->len = o;
    memcpy(b->raw + b->rlen, s, n);
    b->rlen += n;
    b->open = 1;
    return 0;
}

static int pb_close(const sl_seg *g, pbuf *b, sl_sents *out, pcre2_match_data *md)
{
    if (!b->open)
        return 0;
    b->open = 0;
    size_t start = b->pstart, len = b->len - b->pstart;
    size_t rstart = b->rpstart, rlen = b->rlen - b->rpstart;
    if (pb_reserve(b, 1))
        return -1;
    b->buf[b->len++] = '\n';
    b->raw[b->rlen++] = '\n';
    b->pstart = b->len;
    b->rpstart = b->rlen;
    if (len == 0)
        return 0;
    out->text = b->buf; /* split_para reads out->text and out->raw */
    out->raw = b->raw;
    return split_para(g, out, rstart, rlen, start, len, b->pkind, md);
}

/* Does re match the line? A match that hits the limits does not. */
static int line_matches(const sl_seg *g, const pcre2_code *re, const char *s, size_t n,
                        pcre2_match_data *md)
{
    return re && match(g, re, s, n, 0, md) >= 0;
}

int sl_seg_line_kinds(const sl_seg *g, const sl_span *lines, size_t n, unsigned char *kind,
                      sl_error *err)
{
    if (!g->heading && !g->label) {
        memset(kind, SL_SENT_TEXT, n);
        return SL_OK;
    }
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    if (!md)
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *s = lines[i].s;
        size_t len = lines[i].len;
        kind[i] = line_matches(g, g->heading, s, len, md)  ? SL_SENT_HEADING
                  : line_matches(g, g->label, s, len, md) ? SL_SENT_LABEL
                                                       : SL_SENT_TEXT;
    }
    pcre2_match_data_free(md);
    return SL_OK;
}

/* Does the open paragraph end mid-sentence (a letter, digit or comma)? */
static int ends_open(const sl_seg *g, const pbuf *b)
{
    if (!b->open || b->len == b->pstart || b->pkind != SL_SENT_TEXT)
        return 0;
    size_t adv;
    unsigned c = cp_at(b->buf, b->len, cp_back(b->buf, b->len), &adv);
    return is_alpha(g, c) || is_digit(c) || c == ',';
}

int sl_seg_split(const sl_seg *g, const char *text, size_t len, int flags, sl_sents *out,
                 sl_error *err)
{
    /* reuse the buffers of a previous result */
    pbuf b = { out->text, 0, out->text_cap, 0, 0, 0, out->raw, 0, out->raw_cap, 0 };
    sl_sent *v = out->v;
    size_t vcap = out->cap;
    memset(out, 0, sizeof *out);
    out->v = v;
    out->cap = vcap;
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    if (!md || sl_grow(&b.buf, &b.cap, len + 16, 1) || sl_grow(&b.raw, &b.rcap, len + 16, 1))
        goto nomem;
    int gap = 0;
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - text) : len;
        const char *s = text + i;
        size_t n = e - i;
        while (n && space_len(s, n, 0)) { size_t w = space_len(s, n, 0); s += w; n -= w; }
        while (n && space_len(s, n, n - 1)) n--;
        /* trailing multi-byte spaces are rare; the collapse in pb_append
         * handles the rest */
        i = e + 1;
        if (n == 0) {
            gap = 1;
            if (!nl) break;
            continue;
        }
        unsigned kind = SL_SENT_TEXT;
        if (line_matches(g, g->heading, s, n, md))
            kind = SL_SENT_HEADING;
        else if (line_matches(g, g->label, s, n, md))
            kind = SL_SENT_LABEL;
        size_t adv;
        int cont;
        if (flags & SL_SEG_LINES)
            cont = 0;
        else if (kind != SL_SENT_TEXT)
            cont = 0;
        else if (gap)
            cont = ends_open(g, &b) && is_lower(g, cp_at(s, n, 0, &adv));
        else
            cont = b.open && b.pkind != SL_SENT_HEADING;
        if (!cont) {
            if (pb_close(g, &b, out, md))
                goto nomem;
            b.pkind = kind;
        }
        if (pb_append(g, &b, s, n))
            goto nomem;
        gap = 0;
        if (!nl) break;
    }
    if (pb_close(g, &b, out, md))
        goto nomem;
    out->text = b.buf;
    out->text_len = b.len;
    out->text_cap = b.cap;
    out->raw = b.raw;
    out->raw_len = b.rlen;
    out->raw_cap = b.rcap;
    pcre2_match_data_free(md);
    return SL_OK;
nomem:
    pcre2_match_data_free(md);
    out->text = b.buf;
    out->raw = b.raw;
    sl_sents_free(out);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
}

size_t sl_seg_chunk(const sl_seg *g, const char *text, size_t len, size_t want, int flags)
{
    size_t i = want;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        if (!nl)
            return len;
        i = (size_t)(nl - text) + 1;
        if (flags & SL_SEG_LINES)
            return i;
        /* need a blank line, then a line that does not start in lower case */
        size_t j = i;
        while (j < len && text[j] != '\n' && space_len(text, len, j))
            j += space_len(text, len, j);
        if (j >= len || text[j] != '\n')
            continue;
        while (j < len && space_len(text, len, j))
            j += space_len(text, len, j);
        size_t adv;
        if (j >= len)
            return len;
        if (!is_lower(g, cp_at(text, len, j, &adv)))
            return i;
    }
    return len;
}

void sl_sents_free(sl_sents *out)
{
    if (!out)
        return;
    free(out->text);
    free(out->raw);
    free(out->v);
    memset(out, 0, sizeof *out);
}
