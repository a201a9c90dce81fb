/* langid.c — stop-word counting. Abstracts are long enough that the share
 * of function words ("yang", "dan", "di" against "the", "of", "and")
 * separates Indonesian from English without a statistical model. */
#define _GNU_SOURCE /* memmem */
#include "selaras/langid.h"
#include "selaras/rules.h"
#include "selaras/strmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word shape of cue_LANG.txt: a glob with at most one '*' at each end
 * and one inside ("*tion", "meng*", "*th*", "ke*an"). */
typedef struct {
    char pre[8], suf[8]; /* the fixed letters before and after the inner '*' */
    int lead, trail;     /* a '*' at the start (anything may come before) or end */
} cue_t;

struct sl_langid {
    sl_strmap *stop[2];
    cue_t *cue[2];
    size_t ncue[2];
};

/* Reads the built-in cue list of lang into l (none is fine: the language
 * then has stop words only). Returns -1 when out of memory. */
static int load_cues(sl_langid *l, int k, const char *lang)
{
    char code[64], name[80];
    snprintf(name, sizeof name, "cue_%s", sl_lang_code(lang, code, sizeof code));
    const char *src = sl_rules_builtin(name);
    size_t cap = 0;
    const char *s;
    size_t n;
    for (const char *p = src; sl_rules_item(&p, &s, &n);) {
        cue_t c;
        memset(&c, 0, sizeof c);
        if ((c.lead = *s == '*')) {
            s++;
            n--;
        }
        if (n && (c.trail = s[n - 1] == '*'))
            n--;
        const char *star = memchr(s, '*', n);
        size_t a = star ? (size_t)(star - s) : n, b = star ? n - a - 1 : 0;
        if (a >= sizeof c.pre || b >= sizeof c.suf || a + b == 0)
            continue; /* not a shape this reader knows */
        memcpy(c.pre, s, a);
        if (star)
            memcpy(c.suf, star + 1, b);
        if (l->ncue[k] == cap) {
            cap = cap ? cap * 2 : 32;
            cue_t *v = realloc(l->cue[k], cap * sizeof *v);
            if (!v)
                return -1;
            l->cue[k] = v;
        }
        l->cue[k][l->ncue[k]++] = c;
    }
    return 0;
}

/* Does the lower-case word w (n bytes) have the shape c? */
static int cue_match(const cue_t *c, const char *w, size_t n)
{
    size_t a = strlen(c->pre), b = strlen(c->suf);
    if (!c->suf[0] && c->lead && c->trail) /* "*th*": anywhere */
        return n > a && memmem(w, n, c->pre, a) != NULL;
    if (!c->suf[0]) {
        if (c->lead) /* "*tion" */
            return n > a && memcmp(w + n - a, c->pre, a) == 0;
        return n > a && memcmp(w, c->pre, a) == 0; /* "meng*" */
    }
    /* "ke*an": a prefix and a suffix with something between */
    return n > a + b && memcmp(w, c->pre, a) == 0 && memcmp(w + n - b, c->suf, b) == 0;
}

sl_langid *sl_langid_new(const char *lang0, const char *lang1, sl_error *err)
{
    sl_langid *l = calloc(1, sizeof *l);
    const char *langs[2] = { lang0, lang1 };
    if (!l)
        goto nomem;
    for (int k = 0; k < 2; k++) {
        if (!(l->stop[k] = sl_stopwords_new(langs[k])))
            goto nomem;
        if (sl_strmap_size(l->stop[k]) == 0) {
            sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no stop-word profile for language '%s'",
                         langs[k]);
            sl_langid_free(l);
            return NULL;
        }
        if (load_cues(l, k, langs[k]))
            goto nomem;
    }
    return l;
nomem:
    sl_langid_free(l);
    sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
}

void sl_langid_free(sl_langid *l)
{
    if (!l)
        return;
    sl_strmap_free(l->stop[0]);
    sl_strmap_free(l->stop[1]);
    free(l->cue[0]);
    free(l->cue[1]);
    free(l);
}

int sl_langid_guess(const sl_langid *l, const char *text, size_t len, int *margin)
{
    int count[2] = { 0, 0 };
    if (margin)
        *margin = 0;
    if (!l)
        return -1;
    char w[32];
    for (size_t i = 0; i < len;) {
        /* ASCII words are enough: both stop lists are ASCII */
        size_t n = 0;
        while (i < len && ((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z')) {
            if (n < sizeof w)
                w[n] = (char)(text[i] | 32);
            n++;
            i++;
        }
        if (n && n <= sizeof w)
            for (int k = 0; k < 2; k++)
                count[k] += sl_strmap_get(l->stop[k], w, n) >= 0;
        if (!n)
            i++;
    }
    if (margin)
        *margin = count[0] - count[1];
    int total = count[0] + count[1];
    if (total < 3 || (count[0] < 2 * count[1] && count[1] < 2 * count[0]))
        return -1;
    return count[0] > count[1] ? 0 : 1;
}

void sl_langid_score(const sl_langid *l, const char *text, size_t len, double score[2])
{
    score[0] = score[1] = 0;
    if (!l)
        return;
    char w[32];
    for (size_t i = 0; i < len;) {
        size_t n = 0, start = i;
        while (i < len && ((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z')) {
            if (n < sizeof w)
                w[n] = (char)(text[i] | 32);
            n++;
            i++;
        }
        if (!n) {
            i++;
            continue;
        }
        if (n > sizeof w)
            continue;
        /* a word glued to letters beyond ASCII ("café") is no word of the lists */
        if ((i < len && (unsigned char)text[i] >= 0x80) ||
            (start > 0 && (unsigned char)text[start - 1] >= 0x80))
            continue;
        int stop = 0;
        for (int k = 0; k < 2; k++)
            if (sl_strmap_get(l->stop[k], w, n) >= 0) {
                score[k] += 1;
                stop = 1;
            }
        /* shapes only for lower-case words: names and acronyms ("UI",
         * "Thailand") are the same in both languages */
        if (stop || n < 3 || text[start] < 'a' || text[start] > 'z')
            continue;
        for (int k = 0; k < 2; k++)
            for (size_t c = 0; c < l->ncue[k]; c++)
                if (cue_match(&l->cue[k][c], w, n)) {
                    score[k] += 0.5;
                    break;
                }
    }
}
