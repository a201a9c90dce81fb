/* srx.c — the splitters' rules as SRX 2.0 and as OmegaT 3.6's segmentation.conf.
 *
 * How the rules are applied. SRX gives each language an ordered list of
 * rules (break="no" or "yes", a <beforebreak> and an <afterbreak> regex);
 * at a position the first rule that claims it decides, and a position no
 * rule claims is no break. OmegaT 3.6 (Segmenter.getBreaks) runs each rule
 * on the whole paragraph with two java.util.regex matchers used one after
 * the other: every match of beforebreak found by repeated find() (matches do
 * not overlap, and a start that matched is never tried again) is a
 * candidate at its end, kept when a match of afterbreak, also found by
 * repeated find(), starts exactly there. Okapi instead searches
 * "(before)(after)" again from each break it finds. So here every afterbreak
 * is a pure lookahead "(?=...)" (no match of it hides another), and every
 * beforebreak ends on a whole cluster of terminal marks taken atomically,
 * "(?>TERMINATOR)", followed by a lookahead for the context it is about
 * (a space, a capitalised word), so that a match that starts at a token
 * reaches the cluster that matters. Regexes are Java syntax that PCRE2 reads
 * alike (lookbehind of fixed length only, no \b, (?i) scoped to its group);
 * OmegaT compiles them with DOTALL.
 *
 * How decide() in segment.c becomes rules. A mark cluster followed by a
 * non-space is "glued", otherwise "spaced". The rules come in the order
 * decide() asks its questions, so break="no" and break="yes" rules
 * alternate: each yes rule follows the exceptions that precede it in
 * decide() and is followed by a no rule for the rest of its case.
 *   glued  no:  no token before the cluster; inside a [protect] match; a
 *               ?/!/ellipsis cluster not after a letter; a one-character
 *               token; [title]/[number]/[ambiguous] words, dotted shapes
 *          yes: ?/!/ellipsis after a letter, an [end] word, two lower-case
 *               letters, % ) ], or a digit before a [starters] word — each
 *               only before an upper-case letter followed by a lower-case one
 *   spaced no:  an ellipsis after a space ("bahwa ... biaya");
 *               before a lower-case word (with no capital in it) unless the
 *               cluster is a bare ?/!/. after an ordinary token that does
 *               not start with a capital and the word, capitalised, is a
 *               [starters] word ("town. i am", not "Sat. you")
 *          yes: clusters with ? ! an ellipsis or a closing quote/bracket
 *          no:  "1." "3.2.1." "A." opening a sentence; an abbreviation
 *               before another listed abbreviation ("Co. Ltd."); [title];
 *               [number]/[end] before a digit or "("; [ambiguous] words
 *               and initials/dotted shapes unless a [starters] word follows
 *          yes: [number]/[end] otherwise; any other token
 *   opener yes: between a lower-case letter and " Namun" (the [opener]
 *               alternative of the terminator)
 *   last   no:  every other position, so a cascaded catch-all map (OmegaT
 *               always cascades) adds no break of its own.
 * An abbreviation listed in two classes (common.txt and a language file)
 * gets the class in the splitter's own table (sl_seg_abbr_class).
 *
 * What SRX cannot say, so a CAT tool may segment differently:
 *   - paragraph assembly: soft line breaks, hyphenation, a sentence broken
 *     by a blank line, whitespace runs (selaras collapses them to one space;
 *     the rules expect single spaces) and [heading]/[label] lines (whole-line
 *     patterns; the CAT tool's file filter decides paragraphs);
 *   - where a sentence starts is approximated from the token before (and,
 *     after a number enumerator, the one before that): an enumerator counts
 *     as opening a sentence at the start of the paragraph or after a token
 *     and cluster that end a sentence before it (a lower-case "a." only at
 *     the start of the paragraph), so longer chains ("1. 2. 3. A.") and
 *     boundaries that depend on more context can come out differently;
 *     an abbreviation glued to the end of the previous sentence
 *     ("lembaga.Dr. Budi") is not recognised;
 *   - [protect]: only the first PROTECT_MAX clusters glued to a capitalised
 *     word in one match are protected, and a pattern that can match across
 *     a space sees past the token;
 *   - character classes: Java's \s \S \w and \b are ASCII (OmegaT does not
 *     set UNICODE_CHARACTER_CLASS), the splitter's are Unicode (PCRE2_UCP),
 *     so no-break spaces and non-ASCII letters in e-mail addresses differ;
 *   - [protect] patterns are copied as written, so they must be valid Java
 *     as well as PCRE2.
 * The character classes of decide() (opening marks, the marks that make a
 * cluster a question or an ellipsis) are written here as in segment.c; the
 * words and patterns all come from the loaded sections. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "selaras/srx.h"
#include "selaras/learnabbr.h"

#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- strings ---------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} sbuf;

static void sb_addn(sbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->len + n + 1)
            nc *= 2;
        char *p = realloc(b->s, nc);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = nc;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_add(sbuf *b, const char *s) { sb_addn(b, s, strlen(s)); }

/* Appends the NULL-terminated list of strings. */
static void sb_cat(sbuf *b, ...)
{
    va_list ap;
    va_start(ap, b);
    for (const char *s; (s = va_arg(ap, const char *));)
        sb_add(b, s);
    va_end(ap);
}

/* Appends s with the regex metacharacters escaped (a literal). */
static void sb_literal(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strchr("\\^$.|?*+()[]{}", s[i]))
            sb_addn(b, "\\", 1);
        sb_addn(b, s + i, 1);
    }
}

/* Takes the string out of b (NULL when it ran out of memory). */
static char *sb_take(sbuf *b)
{
    if (b->oom) {
        free(b->s);
        return NULL;
    }
    if (!b->s)
        return calloc(1, 1);
    char *s = b->s;
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

/* ---- section items ---------------------------------------------------- */

typedef struct {
    const char *s;
    size_t n, ord;
    int cls;
} item;

typedef struct {
    item *v;
    size_t n, cap;
} items;

static int items_push(items *l, const char *s, size_t n, int cls)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 64;
        item *v = realloc(l->v, nc * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = nc;
    }
    l->v[l->n] = (item){ s, n, l->n, cls };
    l->n++;
    return 0;
}

static long items_find(const items *l, const char *s, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].n == n && memcmp(l->v[i].s, s, n) == 0)
            return (long)i;
    return -1;
}

/* Loops over the items of a section (each ends in a newline): p, len. */
#define FOR_ITEMS(sect, p, len)                                                      \
    for (const char *p = (sect), *p##_e; p && *p && (p##_e = strchr(p, '\n'));       \
         p = p##_e + 1)                                                              \
        for (size_t len = (size_t)(p##_e - p), p##_once = 1; p##_once; p##_once = 0)

static int has_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == '\t')
            return 1;
    return 0;
}

/* ---- abbreviation classes --------------------------------------------- */

/* In the order of enum sl_abbr_class, from SL_ABBR_TITLE on. */
enum { C_TITLE, C_NUMBER, C_END, C_AMBIG, C_COUNT };
static const char *const class_sect[C_COUNT] = { "title", "number", "end", "ambiguous" };

/* ---- regex pieces ----------------------------------------------------- */

/* Opening marks skipped before the next word: is_opening() in segment.c. */
#define OPEN "[\"'(\\[{\\x{201C}\\x{2018}\\x{201E}\\x{AB}\\x{2039}\\x{BF}\\x{A1}*\\-\\x{2013}\\x{2014}]"
/* Marks that make a cluster a question (decide(): ? ! U+203C..U+2049). */
#define QMARK "[?!\\x{203C}-\\x{2049}]"
/* The marks that leave a cluster not "closed". */
#define OPENEND "[.?!\\x{2026}]"
/* Dotted shapes first: a before match must reach the token's last mark
 * ("p.m." not "p."), since OmegaT never retries a start that matched. */
#define DOTTED "\\p{L}{1,4}(?:\\.\\p{L}{1,4})+"
#define SHAPE "(?:" DOTTED "|\\p{L})"
#define SHAPE_T "(?!\\p{Lu})\\p{L}"
#define SHAPE_A "(?:" DOTTED "|\\p{Lu})"
#define TOKPRE "(?<!\\S)" OPEN "*+"
#define NEXT "\\s+(?:" OPEN "\\s*)*+"
/* a glued cluster that decide() considers: before a capitalised word */
#define GLUEDCAP "(?:" OPEN "\\s*)*+\\p{Lu}\\p{Ll}"
#define GLUED "(?=" GLUEDCAP ")"
/* clusters of one [protect] token that are protected (more are not) */
#define PROTECT_MAX 4

/* End of the bracket expression that starts at s[0] == '[' (0: none). */
static size_t class_end(const char *s)
{
    size_t i = 1;
    if (s[i] == '^')
        i++;
    if (s[i] == ']')
        i++;
    for (; s[i]; i++) {
        if (s[i] == '\\' && s[i + 1])
            i++;
        else if (s[i] == '[' && s[i + 1] == ':') {
            const char *e = strstr(s + i + 2, ":]");
            if (!e)
                return 0;
            i = (size_t)(e - s) + 1;
        } else if (s[i] == ']')
            return i + 1;
    }
    return 0;
}

typedef struct {
    char *term;       /* the cluster pattern of [terminator] */
    char *m, *c, *mc; /* marks, closers, both: bracket expressions */
    char *k;          /* (?>term) */
    char *notcont;    /* the position is not inside a cluster */
    char *kq, *ke, *kc, *s;
} cluster;

static void cluster_free(cluster *k)
{
    free(k->term);
    free(k->m);
    free(k->c);
    free(k->mc);
    free(k->k);
    free(k->notcont);
    free(k->kq);
    free(k->ke);
    free(k->kc);
    free(k->s);
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Takes the cluster pattern out of the loaded [terminator] (which
 * add_openers() rewrote to "(?:TERM)|(?<=\p{Ll}) (?=(?:OPENERS)\b)") and its
 * two character classes, marks and closers. */
static int parse_terminator(const sl_seg *seg, cluster *k, sl_error *err)
{
    const char *t = sl_seg_section(seg, "terminator");
    if (!t)
        return sl_error_set(err, SL_EINPUT, "rules", 0, -1, "no [terminator] pattern");
    size_t n = strcspn(t, "\n");
    static const char opener_alt[] = ")|(?<=\\p{Ll}) (?=(?:";
    const char *alt = strstr(t, opener_alt);
    if (alt && strncmp(t, "(?:", 3) == 0 && (size_t)(alt - t) < n) {
        k->term = dup_n(t + 3, (size_t)(alt - t) - 3);
    } else {
        k->term = dup_n(t, n);
    }
    if (!k->term)
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    const char *a = strchr(k->term, '[');
    size_t ae = a ? class_end(a) : 0;
    const char *b = ae ? strchr(a + ae, '[') : NULL;
    size_t be = b ? class_end(b) : 0;
    if (!ae || !be || a[1] == '^' || b[1] == '^' || (a > k->term && a[-1] == '\\'))
        return sl_error_set(err, SL_EINPUT, "rules", 0, -1,
                            "[terminator] is not a cluster of marks and closers "
                            "([marks]+[closers]*); SRX export cannot describe it");
    k->m = dup_n(a, ae);
    k->c = dup_n(b, be);
    sbuf sb = { 0 };
    sb_addn(&sb, a, ae - 1);
    sb_addn(&sb, b + 1, be - 1);
    k->mc = sb_take(&sb);
    sb_cat(&sb, "(?>", k->term, ")", NULL);
    k->k = sb_take(&sb);
    if (!k->m || !k->c || !k->mc || !k->k)
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    /* a mark preceded by a mark (and up to three closers) continues a
     * cluster; the lookahead first spares the lookbehinds at other places */
    sb_cat(&sb, "(?=", k->m, ")(?<!", k->m, ")(?<!", k->m, k->c, ")(?<!", k->m, k->c, k->c,
           ")(?<!", k->m, k->c, k->c, k->c, ")", NULL);
    k->notcont = sb_take(&sb);
    sb_cat(&sb, "(?=", k->mc, "*?(?=", k->m, ")", QMARK ")", NULL);
    k->kq = sb_take(&sb);
    sb_cat(&sb, "(?=", k->mc, "*?(?:(?=", k->m, ")\\x{2026}|(?=", k->m, ")\\.", k->mc, "*?(?=",
           k->m, ")\\.))", NULL);
    k->ke = sb_take(&sb);
    sb_cat(&sb, "(?=", k->mc, "*+(?<!" OPENEND "))", NULL);
    k->kc = sb_take(&sb);
    sb_cat(&sb, "\\.(?!", k->mc, ")", NULL);
    k->s = sb_take(&sb);
    if (!k->notcont || !k->kq || !k->ke || !k->kc || !k->s)
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return SL_OK;
}

/* ---- rule lists -------------------------------------------------------- */

typedef struct {
    int brk;
    char *before, *after;
} srx_rule;

typedef struct {
    const char *name, *pattern;
    srx_rule *v;
    size_t n, cap;
} lang_rules;

static void lang_free(lang_rules *L)
{
    for (size_t i = 0; i < L->n; i++) {
        free(L->v[i].before);
        free(L->v[i].after);
    }
    free(L->v);
    L->v = NULL;
    L->n = L->cap = 0;
}

/* Checks that a generated regex compiles (PCRE2 reads what is written here
 * as Java does), so that a bad [protect] item is reported instead of OmegaT
 * silently falling back to its defaults. */
static int check_regex(const char *re, sl_error *err)
{
    int ecode;
    PCRE2_SIZE eoff;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_DOTALL,
                                  &ecode, &eoff, NULL);
    if (c) {
        pcre2_code_free(c);
        return SL_OK;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(ecode, msg, sizeof msg);
    return sl_error_set(err, SL_EINPUT, "rules", 0, -1,
                        "SRX rule does not compile at offset %zu: %s: %.200s", (size_t)eoff,
                        (char *)msg, re);
}

/* Adds a rule whose regexes are the NULL-terminated pieces: the before
 * pieces, then NULL, then the after pieces, then NULL. */
static int add_rule(lang_rules *L, int brk, sl_error *err, ...)
{
    sbuf b = { 0 }, a = { 0 };
    va_list ap;
    va_start(ap, err);
    for (const char *s; (s = va_arg(ap, const char *));)
        sb_add(&b, s);
    for (const char *s; (s = va_arg(ap, const char *));)
        sb_add(&a, s);
    va_end(ap);
    char *before = sb_take(&b), *after = sb_take(&a);
    if (!before || !after) {
        free(before);
        free(after);
        return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    }
    int rc = check_regex(before, err);
    if (rc == SL_OK)
        rc = check_regex(after, err);
    if (rc == SL_OK && L->n == L->cap) {
        size_t nc = L->cap ? L->cap * 2 : 32;
        srx_rule *v = realloc(L->v, nc * sizeof *v);
        if (!v)
            rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        else {
            L->v = v;
            L->cap = nc;
        }
    }
    if (rc != SL_OK) {
        free(before);
        free(after);
        return rc;
    }
    L->v[L->n++] = (srx_rule){ brk, before, after };
    return SL_OK;
}

/* Closes the alternation "(?:a|b" built in b: the pattern, or NULL when it
 * has no item (b is then still empty) or, with *oom set, when memory ran
 * out. */
static char *close_alternation(sbuf *b, size_t nitems, int *oom)
{
    if (!nitems)
        return NULL;
    sb_add(b, ")");
    char *s = sb_take(b);
    if (!s)
        *oom = 1;
    return s;
}

/* "(?:a|b|c)" of the items whose class is in mask (bits 1 << class), or
 * NULL when there are none; *oom set on failure. */
static char *alternation(const items *l, unsigned mask, int *oom)
{
    sbuf b = { 0 };
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!(mask & 1u << l->v[i].cls))
            continue;
        sb_add(&b, k++ ? "|" : "(?:");
        sb_literal(&b, l->v[i].s, l->v[i].n);
    }
    return close_alternation(&b, k, oom);
}

/* "(?:Dan|Namun|...)" of the [starters] words that start with an upper-case
 * letter (decide() checks is_upper first); with lower, those whose first
 * letter is ASCII, with it in lower case (is_starter(.., 1)). */
static char *starters(const sl_seg *seg, int lower, int *oom)
{
    sbuf b = { 0 };
    size_t k = 0;
    FOR_ITEMS(sl_seg_section(seg, "starters"), p, n) {
        unsigned char c = (unsigned char)p[0];
        if (lower && !(c >= 'A' && c <= 'Z'))
            continue;
        if (!lower && (c >= 'a' && c <= 'z'))
            continue;
        sb_add(&b, k++ ? "|" : "(?:");
        if (lower) {
            char lc = (char)(c - 'A' + 'a');
            sb_addn(&b, &lc, 1);
            sb_literal(&b, p + 1, n - 1);
        } else {
            sb_literal(&b, p, n);
        }
    }
    return close_alternation(&b, k, oom);
}

/* "(?:(?:P1)|(?i:P2))" of the [protect] patterns, a leading inline flag
 * group made to apply to its pattern only: "(?i)x" -> "(?i:x)". */
static char *protect_alternation(const sl_seg *seg, int *oom)
{
    sbuf b = { 0 };
    size_t k = 0;
    FOR_ITEMS(sl_seg_section(seg, "protect"), p, n) {
        sb_add(&b, k++ ? "|" : "(?:");
        size_t f = 0;
        if (n > 3 && p[0] == '(' && p[1] == '?') {
            f = 2;
            while (f < n && ((p[f] >= 'a' && p[f] <= 'z') || (p[f] >= 'A' && p[f] <= 'Z')))
                f++;
            if (f == 2 || f >= n || p[f] != ')')
                f = 0;
        }
        if (f) {
            sb_addn(&b, p, f);
            sb_add(&b, ":");
            sb_addn(&b, p + f + 1, n - f - 1);
            sb_add(&b, ")");
        } else {
            sb_add(&b, "(?:");
            sb_addn(&b, p, n);
            sb_add(&b, ")");
        }
    }
    return close_alternation(&b, k, oom);
}

/* "(?:Namun|Akan tetapi|...)" of the [opener] connectives. */
static char *openers(const sl_seg *seg, int *oom)
{
    sbuf b = { 0 };
    size_t k = 0;
    FOR_ITEMS(sl_seg_section(seg, "opener"), p, n) {
        sb_add(&b, k++ ? "|" : "(?:");
        sb_literal(&b, p, n);
    }
    return close_alternation(&b, k, oom);
}

static int by_length(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return x->ord < y->ord ? -1 : x->ord > y->ord; /* stable: section order */
}

/* Collects the abbreviations with the class the splitter gives them,
 * longest first: in an alternation "p\.m" must come before "p", or the
 * before match of "p.m." would end at "p." and OmegaT, which goes on from
 * the end of a match, would never see "p.m." whole. */
static int collect_abbrs(const sl_seg *seg, items *l, sl_error *err)
{
    for (int c = 0; c < C_COUNT; c++) {
        FOR_ITEMS(sl_seg_section(seg, class_sect[c]), p, n) {
            if (n == 0 || has_space(p, n))
                continue; /* a token never holds a space */
            if (items_find(l, p, n) >= 0)
                continue;
            /* listed in two sections: the class the splitter's table holds */
            int k = sl_seg_abbr_class(seg, p, n) - SL_ABBR_TITLE;
            if (items_push(l, p, n, k >= 0 && k < C_COUNT ? k : c))
                return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        }
    }
    /* Abbreviations learned from text (srx --learn-from): [ambiguous], the
     * class nearest to how the splitter judges them (no break before a
     * number or a lower-case word, a break before a [starters] word); the
     * orthographic evidence of the text it learned from has no SRX form.
     * Each form seen with a period, as written: SRX rules here are case
     * sensitive, as the lists are. */
    const sl_learnabbr *la = sl_seg_learned(seg);
    for (size_t i = 0; la && i < sl_learnabbr_count(la); i++) {
        const sl_learnabbr_item *it = sl_learnabbr_get(la, i);
        if (!it->learned)
            break; /* learned ones come first */
        for (int f = 0; f < 2; f++) {
            const char *p = it->form[f];
            size_t n = p ? strlen(p) : 0;
            if (!n || items_find(l, p, n) >= 0 || sl_seg_abbr_class(seg, p, n) != SL_ABBR_NONE)
                continue;
            if (items_push(l, p, n, C_AMBIG))
                return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        }
    }
    qsort(l->v, l->n, sizeof *l->v, by_length);
    return SL_OK;
}

/* Strings built for one language, freed together. */
typedef struct {
    char *v[48];
    int n, oom;
} pool;

/* The concatenation of the NULL-terminated pieces, owned by the pool. */
static const char *cat(pool *pl, ...)
{
    sbuf b = { 0 };
    va_list ap;
    va_start(ap, pl);
    for (const char *s; (s = va_arg(ap, const char *));)
        sb_add(&b, s);
    va_end(ap);
    char *s = sb_take(&b);
    if (!s || pl->n == (int)(sizeof pl->v / sizeof *pl->v)) {
        free(s);
        pl->oom = 1;
        return "(?!)";
    }
    return pl->v[pl->n++] = s;
}

/* Keeps a string made elsewhere (NULL: none) until the pool is freed. */
static const char *keep(pool *pl, char *s)
{
    if (s && pl->n < (int)(sizeof pl->v / sizeof *pl->v))
        return pl->v[pl->n++] = s;
    if (s) {
        free(s);
        pl->oom = 1;
    }
    return NULL;
}

#define NONSPACE "(?=\\S)"
#define SPACE "(?=\\s)"
#define LOWNEXT "(?=" NEXT "(?![^\\s]*\\p{Lu})\\p{Ll})"
#define DIGITNEXT "(?=\\s+(?:\\(|(?:" OPEN "\\s*)*+[0-9]))"
#define ANYNEXT "(?=" NEXT "\\S)"

/* Translates one splitter into an ordered rule list (see the top). */
static int build_lang(const sl_seg *seg, lang_rules *L, sl_error *err)
{
    cluster K = { 0 };
    items ab = { 0 };
    pool pl = { .n = 0 };
    int rc = parse_terminator(seg, &K, err);
    if (rc == SL_OK)
        rc = collect_abbrs(seg, &ab, err);
    if (rc != SL_OK)
        goto out;

    /* the word lists, as alternations (NULL: empty) */
    int oom = 0;
#define BIT(c) (1u << (c))
    const char *all = keep(&pl, alternation(&ab, BIT(C_TITLE) | BIT(C_NUMBER) | BIT(C_END) |
                                                     BIT(C_AMBIG), &oom));
    const char *title = keep(&pl, alternation(&ab, BIT(C_TITLE), &oom));
    const char *numend = keep(&pl, alternation(&ab, BIT(C_NUMBER) | BIT(C_END), &oom));
    const char *end = keep(&pl, alternation(&ab, BIT(C_END), &oom));
    const char *ambig = keep(&pl, alternation(&ab, BIT(C_AMBIG), &oom));
    const char *other = keep(&pl, alternation(&ab, BIT(C_TITLE) | BIT(C_NUMBER) | BIT(C_AMBIG),
                                              &oom)); /* all but [end] */
#undef BIT
    const char *st = keep(&pl, starters(seg, 0, &oom));
    const char *lcst = keep(&pl, starters(seg, 1, &oom));
    const char *prot = keep(&pl, protect_alternation(seg, &oom));
    const char *op = keep(&pl, openers(seg, &oom));
    if (oom)
        pl.oom = 1;

    /* clusters: any (k), typed (lookaheads at its start), a lone period (s) */
    const char *k = K.k, *nc = K.notcont, *s = K.s;
    const char *qe = cat(&pl, "(?:", K.kq, "|", K.ke, ")", NULL);
    const char *qec = cat(&pl, "(?:", K.kq, "|", K.ke, "|", K.kc, ")", NULL);
    const char *ce = cat(&pl, "(?:", K.kc, "|", K.ke, ")", NULL);
    /* a capitalised word / [starters] word next, after a space or glued */
    const char *stw = cat(&pl, "(?=\\p{Lu})", st ? st : "(?!)", "(?!\\p{L})", NULL);
    const char *gluedst = cat(&pl, "(?=(?:" OPEN "\\s*)*+(?=\\p{Lu}\\p{Ll})", stw, ")", NULL);
    const char *startnext = cat(&pl, "(?=" NEXT, stw, ")", NULL);
    /* A cluster followed by a space (a token's last); a cluster glued to a
     * capitalised word. A before match that starts at a token and ends so
     * reaches the cluster that matters ("p.m." rather than the "p." in it):
     * OmegaT goes on from the end of a match and never sees what it passed. */
    const char *ks = cat(&pl, k, SPACE, NULL), *ss = cat(&pl, s, SPACE, NULL);
    const char *kg = cat(&pl, k, GLUED, NULL);
    /* An enumerator ("1.", "3.2.1.", "A.") opening a sentence: at the start
     * of the paragraph or after a token and cluster that ended a sentence
     * before it (not an abbreviation that keeps the next word; for a
     * letter, [ambiguous] ends a sentence only before a [starters] word, and
     * a listed word is judged by its list, not by its shape). A number
     * enumerator before it ended a sentence only when it did not open one
     * itself, that is, when the token before it has no cluster at its end
     * or is an abbreviation that kept its next word. */
    const char *allx = all ? all : "(?!)";
    const char *denum = cat(&pl, "[0-9.]{0,5}[0-9]", s, NULL);
    const char *listed = cat(&pl, "(?!", allx, s, "\\s)", NULL);
    const char *kept = cat(&pl, TOKPRE "(?:(?:", allx, "|" SHAPE ")", s, "|(?![^\\s]*?", nc, k,
                           "\\s)[^\\s]+)\\s+", denum, "\\s+", NULL);
    const char *enum_d = cat(&pl, "(?:^|(?<!\\S)(?!", denum, "\\s)" OPEN "*+(?!(?:", allx,
                             "|" SHAPE ")", s, "\\s)[^\\s]*?", k, "\\s+|", kept, ")", denum,
                             "(?=\\s)", NULL);
    const char *enum_u = cat(
        &pl, "(?:^|(?<!\\S)(?!", denum, "\\s)" OPEN "*+(?!", title ? title : "(?!)", s,
        "\\s)(?!", listed, SHAPE_T, s, "\\s)(?!(?:", ambig ? ambig : "(?!)", "|", listed,
        SHAPE_A ")", s, "\\s+(?!", stw, "))[^\\s]*?", k, "\\s+|", kept, ")[A-Z]", ss, NULL);
    /* Y: what of a token is skipped to reach its next cluster that matters */
    const char *y = cat(&pl, "(?:", k, "(?!" GLUEDCAP ")|[^\\s", K.m + 1, ")*+", NULL);
    /* a mark first: lookbehinds are tried only where a cluster may start */
    const char *km = cat(&pl, "(?=", K.m, ")", NULL);
    if (pl.oom) {
        rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        goto out;
    }

#define R(brk, ...) \
    if (rc == SL_OK) rc = add_rule(L, brk, err, __VA_ARGS__, NULL)

    /* glued: the cluster is followed by a non-space */
    R(0, TOKPRE, k, NULL, NONSPACE);
    /* Inside a [protect] match: the nth cluster glued to a capitalised word
     * after where a match starts in the token (is_protected() takes the
     * leftmost matches one after the other), when the cluster starts
     * before the end of the match, that is, when more of the token follows
     * it than followed the match (the named group). */
    for (int nth = 0; prot && nth < PROTECT_MAX; nth++) {
        sbuf rb = { 0 };
        /* (the first lookahead only saves time: a token with no cluster
         * glued to a capitalised word has nothing to protect) */
        sb_cat(&rb, "(?<!\\S)(?=[^\\s]*?", K.mc, GLUEDCAP ")(?:(?>[^\\s]*?", prot,
               "))*?(?>[^\\s]*?(?=", prot, "(?<selarasrest>\\S*)))", NULL);
        for (int j = 0; j < nth; j++)
            sb_cat(&rb, y, kg, NULL);
        sb_cat(&rb, y, "(?=\\S+?\\k<selarasrest>(?!\\S))", kg, NULL);
        const char *before = keep(&pl, sb_take(&rb));
        if (!before)
            rc = sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        R(0, before, NULL, GLUED);
    }
    R(1, km, "(?<=\\p{L})", qe, k, NULL, GLUED);
    R(0, nc, qe, k, NULL, NONSPACE);
    R(0, TOKPRE "[^\\s]", kg, NULL, NONSPACE);
    if (end)
        R(1, TOKPRE, end, kg, NULL, GLUED);
    if (other)
        R(0, TOKPRE, other, kg, NULL, NONSPACE);
    R(0, TOKPRE SHAPE, kg, NULL, NONSPACE);
    R(1, km, "(?<=\\p{Ll}\\p{Ll})", k, NULL, GLUED);
    R(1, nc, "(?<=[%)\\]])", k, NULL, GLUED);
    if (st)
        R(1, km, "(?<=[0-9])", k, NULL, gluedst);
    R(0, nc, k, NULL, NONSPACE);

    /* spaced */
    R(0, km, "(?<=\\s)", K.ke, k, NULL, SPACE);
    R(0, nc, ce, k, NULL, LOWNEXT);
    if (all)
        R(0, TOKPRE, all, ks, NULL, LOWNEXT);
    R(0, TOKPRE SHAPE, ss, NULL, LOWNEXT);
    if (lcst) /* after a token not starting with a capital */
        R(1, TOKPRE "(?!\\p{Lu})[^\\s]+", nc, ks, NULL,
          "(?=" NEXT "(?![^\\s]*\\p{Lu})", lcst, "(?!\\p{L}))");
    R(0, nc, k, NULL, LOWNEXT);
    R(1, nc, qec, k, NULL, ANYNEXT);
    R(0, enum_d, NULL, SPACE);
    R(0, enum_u, NULL, SPACE);
    R(0, "^[a-z]", ss, NULL, SPACE);
    if (all)
        R(0, TOKPRE "(?:" DOTTED "|", all, "|\\p{L})", ss, NULL, "(?=" NEXT, all, "\\.(?!\\S))");
    if (title)
        R(0, TOKPRE, title, ss, NULL, SPACE);
    if (numend) {
        R(0, TOKPRE, numend, ss, NULL, DIGITNEXT);
        R(1, TOKPRE, numend, ss, NULL, ANYNEXT);
    }
    if (ambig) {
        R(0, TOKPRE, ambig, ss, NULL, DIGITNEXT);
        R(1, TOKPRE, ambig, ss, NULL, startnext);
        R(0, TOKPRE, ambig, ss, NULL, SPACE);
    }
    R(0, TOKPRE SHAPE_T, ss, NULL, SPACE);
    R(0, TOKPRE SHAPE_A, ss, NULL, DIGITNEXT);
    R(1, TOKPRE SHAPE_A, ss, NULL, startnext);
    R(0, TOKPRE SHAPE_A, ss, NULL, SPACE);
    R(1, nc, k, NULL, ANYNEXT);

    /* a connective after a lower-case word whose mark was lost */
    if (op)
        R(1, "\\p{Ll}", NULL, "(?= ", op, "(?![\\p{L}\\p{N}_]))");
    /* every other position: no break (shields it from cascaded maps) */
    R(0, "[\\s\\S]", NULL, "(?=[\\s\\S])");
#undef R

out:
    for (int i = 0; i < pl.n; i++)
        free(pl.v[i]);
    cluster_free(&K);
    free(ab.v);
    if (rc != SL_OK)
        lang_free(L);
    return rc;
}

/* Generic rules for any other language (as OmegaT's own "Default"). */
static int build_default(lang_rules *L, sl_error *err)
{
    int rc = add_rule(L, 0, err, "\\.\\.\\.", NULL, "(?=\\s+\\P{Lu})", NULL);
    if (rc == SL_OK)
        rc = add_rule(L, 1, err, "^\\s*\\p{Nd}+[\\p{Nd}\\.\\)\\]]+\\s+", NULL, "(?=\\p{Lu})", NULL);
    if (rc == SL_OK)
        rc = add_rule(L, 1, err, "[\\.\\?\\!]+", NULL, "(?=\\s)", NULL);
    return rc;
}

enum { L_ID, L_EN, L_DEFAULT, L_COUNT };

static int build_all(const sl_seg *id_seg, const sl_seg *en_seg, lang_rules L[L_COUNT],
                     sl_error *err)
{
    memset(L, 0, L_COUNT * sizeof *L);
    L[L_ID].name = "Indonesian";
    L[L_ID].pattern = "(?i)(?:id|in|ind)(?:[-_].*)?";
    L[L_EN].name = "English";
    L[L_EN].pattern = "(?i)en(?:[-_].*)?";
    L[L_DEFAULT].name = "Default";
    L[L_DEFAULT].pattern = ".*";
    int rc = SL_OK;
    if (id_seg)
        rc = build_lang(id_seg, &L[L_ID], err);
    if (rc == SL_OK && en_seg)
        rc = build_lang(en_seg, &L[L_EN], err);
    if (rc == SL_OK)
        rc = build_default(&L[L_DEFAULT], err);
    if (rc != SL_OK)
        for (int i = 0; i < L_COUNT; i++)
            lang_free(&L[i]);
    return rc;
}

/* ---- output ----------------------------------------------------------- */

/* Writes s as XML character data (or an attribute value). */
static void xml_put(FILE *f, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n')
                fputc(c, f);
        }
    }
}

static int finish(FILE *f, lang_rules L[L_COUNT], sl_error *err)
{
    for (int i = 0; i < L_COUNT; i++)
        lang_free(&L[i]);
    if (fflush(f) != 0 || ferror(f))
        return sl_error_set(err, SL_EIO, NULL, 0, -1, "cannot write the segmentation rules");
    return SL_OK;
}

int sl_srx_write(FILE *f, const sl_seg *id_seg, const sl_seg *en_seg, sl_error *err)
{
    lang_rules L[L_COUNT];
    int rc = build_all(id_seg, en_seg, L, err);
    if (rc != SL_OK)
        return rc;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!-- Segmentation rules of selaras (`selaras srx`): the sentence splitter's\n"
          "     Indonesian and English rules as SRX 2.0, Java regular expressions.\n"
          "     Rules are ordered: the first rule that claims a position decides. -->\n"
          "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
          "  <header segmentsubflows=\"yes\" cascade=\"yes\">\n"
          "    <formathandle type=\"start\" include=\"no\"/>\n"
          "    <formathandle type=\"end\" include=\"yes\"/>\n"
          "    <formathandle type=\"isolated\" include=\"no\"/>\n"
          "  </header>\n"
          "  <body>\n"
          "    <languagerules>\n",
          f);
    for (int i = 0; i < L_COUNT; i++) {
        if (!L[i].n)
            continue;
        fputs("      <languagerule languagerulename=\"", f);
        xml_put(f, L[i].name);
        fputs("\">\n", f);
        for (size_t r = 0; r < L[i].n; r++) {
            fprintf(f, "        <rule break=\"%s\">\n          <beforebreak>",
                    L[i].v[r].brk ? "yes" : "no");
            xml_put(f, L[i].v[r].before);
            fputs("</beforebreak>\n          <afterbreak>", f);
            xml_put(f, L[i].v[r].after);
            fputs("</afterbreak>\n        </rule>\n", f);
        }
        fputs("      </languagerule>\n", f);
    }
    fputs("    </languagerules>\n    <maprules>\n", f);
    for (int i = 0; i < L_COUNT; i++) {
        if (!L[i].n)
            continue;
        fputs("      <languagemap languagepattern=\"", f);
        xml_put(f, L[i].pattern);
        fputs("\" languagerulename=\"", f);
        xml_put(f, L[i].name);
        fputs("\"/>\n", f);
    }
    fputs("    </maprules>\n  </body>\n</srx>\n", f);
    return finish(f, L, err);
}

static void conf_string(FILE *f, const char *indent, const char *prop, const char *value)
{
    fprintf(f, "%s<void property=\"%s\">\n%s <string>", indent, prop, indent);
    xml_put(f, value);
    fprintf(f, "</string>\n%s</void>\n", indent);
}

int sl_srx_write_omegat(FILE *f, const sl_seg *id_seg, const sl_seg *en_seg, sl_error *err)
{
    lang_rules L[L_COUNT];
    int rc = build_all(id_seg, en_seg, L, err);
    if (rc != SL_OK)
        return rc;
    /* The lists are set with setMappingRules/setRules (a MapRule made by
     * XMLDecoder has no rule list to add to); version 0.2.2 is OmegaT 3.6's
     * SRX.CURRENT_VERSION: an older one merges the defaults in, none at
     * all makes the load fail and OmegaT use its defaults. */
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<!-- OmegaT 3.6 segmentation rules written by selaras (selaras srx, OmegaT form) -->\n"
          "<java version=\"1.8.0\" class=\"java.beans.XMLDecoder\">\n"
          " <object class=\"org.omegat.core.segmentation.SRX\">\n"
          "  <void property=\"mappingRules\">\n"
          "   <object class=\"java.util.ArrayList\">\n",
          f);
    for (int i = 0; i < L_COUNT; i++) {
        if (!L[i].n)
            continue;
        fputs("    <void method=\"add\">\n"
              "     <object class=\"org.omegat.core.segmentation.MapRule\">\n",
              f);
        conf_string(f, "      ", "language", L[i].name);
        conf_string(f, "      ", "pattern", L[i].pattern);
        fputs("      <void property=\"rules\">\n"
              "       <object class=\"java.util.ArrayList\">\n",
              f);
        for (size_t r = 0; r < L[i].n; r++) {
            fputs("        <void method=\"add\">\n"
                  "         <object class=\"org.omegat.core.segmentation.Rule\">\n",
                  f);
            conf_string(f, "          ", "afterbreak", L[i].v[r].after);
            conf_string(f, "          ", "beforebreak", L[i].v[r].before);
            fprintf(f,
                    "          <void property=\"breakRule\">\n"
                    "           <boolean>%s</boolean>\n"
                    "          </void>\n",
                    L[i].v[r].brk ? "true" : "false");
            fputs("         </object>\n"
                  "        </void>\n",
                  f);
        }
        fputs("       </object>\n"
              "      </void>\n"
              "     </object>\n"
              "    </void>\n",
              f);
    }
    fputs("   </object>\n"
          "  </void>\n",
          f);
    conf_string(f, "  ", "version", "0.2.2");
    fputs(" </object>\n"
          "</java>\n",
          f);
    return finish(f, L, err);
}
