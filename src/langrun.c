/* langrun.c — language runs.
 *
 * Catalogue pages put both abstracts in one block more often than not:
 * after a single newline, after a run of dots ("…pengguna. ......In the
 * development"), or with nothing between them at all. The block is read
 * as pieces (sentences, lines, the stretches between dot runs), each
 * piece weighed for either language, and the block is cut once, where the
 * evidence before and after the cut disagrees most, or not at all: two
 * abstracts make one turn from one language to the other. The cut pays a
 * fixed cost (less at a dot run or a line break), and each side must hold
 * two pieces at least, so a quotation in the other language (one
 * sentence, wherever it stands) never becomes a run of its own. */
#include "selaras/langrun.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Boundaries between pieces, strongest last. */
enum { B_SENT = 1, B_LINE, B_SEP };

/* A piece's evidence (a stop word is one) counts up to PIECE_MAX either
 * way: one sentence full of function words must not outweigh the
 * sentences around it (a quotation at the very turn from one abstract to
 * the other). The cost of the cut is about two pieces' worth; at a line
 * break, half, at a dot run (the separator the catalogue uses) less; a
 * text that starts against the hint pays half of it. A run must hold at
 * least one full piece's evidence for its language. */
#define PIECE_MAX 3.0
#define SWITCH_COST 5.0

typedef struct {
    size_t b, e; /* the separator's bytes, which belong to no piece */
    int type;
} bound_t;

size_t sl_langrun_dots(const char *t, size_t len, size_t i)
{
    size_t j = i, worth = 0;
    while (j < len) {
        if (t[j] == '.') {
            worth++;
            j++;
        } else if (j + 2 < len && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
                   (unsigned char)t[j + 2] == 0xA6) {
            worth += 3;
            j += 3;
        } else {
            break;
        }
    }
    return worth >= 4 ? j - i : 0;
}

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* A closing quote or bracket after a sentence's final mark: its length. */
static size_t closer(const char *t, size_t len, size_t i)
{
    if (t[i] == '"' || t[i] == '\'' || t[i] == ')' || t[i] == ']')
        return 1;
    if (i + 2 < len && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x9D || (unsigned char)t[i + 2] == 0x99))
        return 3;
    return 0;
}

/* Can a sentence start at t[i]: a capital, a digit, an opening quote or
 * bracket, a letter beyond ASCII? */
static int starter(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (isupper(c) || isdigit(c) || c == '"' || c == '(' || c == '[')
        return 1;
    return c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == 0x9C;
}

/* Can the mark at t[i] end a sentence glued to the next one: after a
 * word of two letters or more, a number, a bracket or a percent sign (not
 * after an initial: "e.g.The", "U.S.A")? i >= 2. */
static int glued_end(const char *t, size_t i)
{
    unsigned char a = (unsigned char)t[i - 1], b = (unsigned char)t[i - 2];
    if (islower(a))
        return isalpha(b);
    return isdigit(a) || a == ')' || a == '%';
}

/* Appends a boundary, merged with the previous one when they touch. */
static int push(bound_t **v, size_t *n, size_t *cap, size_t b, size_t e, int type)
{
    if (*n && b <= (*v)[*n - 1].e) {
        bound_t *p = &(*v)[*n - 1];
        if (e > p->e)
            p->e = e;
        if (type > p->type)
            p->type = type;
        return 0;
    }
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        bound_t *x = realloc(*v, nc * sizeof *x);
        if (!x)
            return -1;
        *v = x;
        *cap = nc;
    }
    (*v)[(*n)++] = (bound_t){ b, e, type };
    return 0;
}

/* The boundaries of text: line breaks, dot runs and sentence ends (also
 * glued ones, "results.The"), each with the blanks around it. Boundaries
 * at the very ends of the text are kept: they become empty pieces, which
 * the caller drops. */
static int bounds(const char *t, size_t len, bound_t **v, size_t *n)
{
    size_t cap = 0;
    *v = NULL;
    *n = 0;
    for (size_t i = 0; i < len;) {
        size_t b = i, e, d;
        int type = 0;
        if (t[i] == '\n') {
            e = i + 1;
            type = B_LINE;
        } else if ((d = sl_langrun_dots(t, len, i))) {
            e = i + d;
            type = B_SEP;
            /* "data.......This": the first dot is the sentence's own */
            if (t[i] == '.' && i > 0 && isalnum((unsigned char)t[i - 1]))
                b++;
        } else if (t[i] == '.' || t[i] == '?' || t[i] == '!') {
            size_t j = i;
            while (j < len && (t[j] == '.' || t[j] == '?' || t[j] == '!'))
                j++;
            for (size_t c; j < len && (c = closer(t, len, j));)
                j += c;
            size_t k = j;
            while (k < len && blank(t[k]))
                k++;
            if (k > j && k < len && starter(t, len, k)) {
                b = j;
                e = k;
                type = B_SENT;
            } else if (k == j && j + 1 < len && isupper((unsigned char)t[j]) &&
                       islower((unsigned char)t[j + 1]) && i >= 2 && glued_end(t, i)) {
                b = e = j; /* "results.The", "2019.This", "(p < 0,05).The" */
                type = B_SENT;
            }
            if (!type) {
                i = j > i ? j : i + 1;
                continue;
            }
        } else {
            i++;
            continue;
        }
        while (b > 0 && blank(t[b - 1]))
            b--;
        while (e < len && blank(t[e]))
            e++;
        if (push(v, n, &cap, b, e, type))
            return -1;
        i = e > i ? e : i + 1;
    }
    return 0;
}

int sl_langrun_cut(const sl_langid *lid, const char *text, size_t len, int hint,
                   sl_langrun **out, size_t *n)
{
    bound_t *bv = NULL;
    size_t nb = 0, np = 0;
    size_t *pb = NULL, *pe = NULL, *sep = NULL; /* pieces; sep[k]: boundary before piece k */
    double *d = NULL, *pre = NULL;
    int rc = -1;
    *out = NULL;
    *n = 0;
    if (bounds(text, len, &bv, &nb))
        goto cleanup;
    pb = malloc((nb + 1) * sizeof *pb);
    pe = malloc((nb + 1) * sizeof *pe);
    sep = malloc((nb + 1) * sizeof *sep);
    d = malloc((nb + 1) * sizeof *d);
    if (!pb || !pe || !sep || !d)
        goto cleanup;
    /* pieces between boundaries; blank ones vanish, and the boundaries on
     * their either side count as one, the stronger */
    int pending = 0;
    size_t at = 0;
    for (size_t k = 0; k <= nb; k++) {
        size_t e = k < nb ? bv[k].b : len;
        if (e > at) {
            double s[2];
            sl_langid_score(lid, text + at, e - at, s);
            pb[np] = at;
            pe[np] = e;
            sep[np] = (size_t)pending;
            double x = s[1] - s[0];
            d[np++] = x > PIECE_MAX ? PIECE_MAX : x < -PIECE_MAX ? -PIECE_MAX : x;
            pending = 0;
        }
        if (k < nb) {
            if (bv[k].type > pending)
                pending = bv[k].type;
            at = bv[k].e;
        }
    }
    /* the best cut: no switch, or one at a boundary k (pieces before it
     * in one language, from it on in the other), each side two pieces at
     * least; a switch pays its cost, and a start against the hint half of
     * it. pre[k]: the evidence for language 1 of pieces 0..k-1. */
    pre = malloc((np + 1) * sizeof *pre);
    if (!pre)
        goto cleanup;
    pre[0] = 0;
    for (size_t k = 0; k < np; k++)
        pre[k + 1] = pre[k] + d[k];
    double best = -1e300;
    size_t cut = 0;
    int first = 0;
    for (int a = 0; a < 2; a++) {
        double start = hint >= 0 && a != hint ? SWITCH_COST / 2 : 0;
        double whole = (a ? pre[np] : -pre[np]) - start;
        if (whole > best) {
            best = whole;
            cut = 0;
            first = a;
        }
        for (size_t k = 2; k + 2 <= np; k++) {
            double cost = SWITCH_COST * (sep[k] == B_SEP ? 0.3 : sep[k] == B_LINE ? 0.5 : 1.0);
            double before = a ? pre[k] : -pre[k], after = a ? pre[k] - pre[np] : pre[np] - pre[k];
            double v = before + after - cost - start;
            if (v > best) {
                best = v;
                cut = k;
                first = a;
            }
        }
    }
    /* the runs: one, or two at the cut */
    size_t nr = cut ? 2 : 1;
    sl_langrun *r = malloc(2 * sizeof *r);
    if (!r)
        goto cleanup;
    if (cut) {
        r[0] = (sl_langrun){ pb[0], pe[cut - 1] - pb[0], first };
        r[1] = (sl_langrun){ pb[cut], pe[np - 1] - pb[cut], 1 - first };
    }
    /* each run must be its language by a piece's worth, or the text is
     * left whole */
    int ok = cut && pre[cut] * (first ? 1 : -1) >= PIECE_MAX &&
             (pre[np] - pre[cut]) * (first ? -1 : 1) >= PIECE_MAX;
    if (!ok) {
        double s[2];
        sl_langid_score(lid, text, len, s);
        /* the language with more evidence, if there is any to speak of */
        int lang = s[0] > s[1] && s[0] >= 2 ? 0 : s[1] > s[0] && s[1] >= 2 ? 1 : hint;
        r[0] = (sl_langrun){ 0, len, lang };
        nr = 1;
    }
    *out = r;
    *n = nr;
    rc = 0;
cleanup:
    free(bv);
    free(pb);
    free(pe);
    free(sep);
    free(d);
    free(pre);
    return rc;
}
