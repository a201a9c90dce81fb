/* check.c — findings from an aligned document.
 *
 * The alignment says which sentences translate which; the findings read
 * it as a reviewer would. A sentence with no counterpart is a 1-0 or 0-1
 * bead, or a sentence the aligner merged into a unit although it shares
 * almost nothing with the other side (its own share of matched words is
 * low while its unit-mates carry the match): that is text whose
 * translation is missing, not a merge. Units of both languages are then
 * read for what a translation keeps: the same numbers (3,5 and 3.5 and
 * "tiga" and 3 are one number), the same acronyms, the other language. */
#include "selaras/check.h"
#include "selaras/strmap.h"
#include "selaras/features.h"
#include "selaras/langid.h"
#include "selaras/rules.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct sl_checker {
    sl_check_opts o;
    sl_featcfg *feat;
    sl_langid *lid;       /* NULL: languages without stop-word lists */
    char lang[2][64];
    const char *rendered[2]; /* by side: the [id]/[en] sections of the pair's
                              * acronym renderings (rules/acronyms_SRC_TGT),
                              * NULL when there are none */
};

void sl_check_opts_default(sl_check_opts *o)
{
    memset(o, 0, sizeof *o);
    o->weak = 0.5;
}

sl_checker *sl_checker_new(const sl_check_opts *o, const sl_pipe_opts *po, const sl_lexicon *lex,
                           sl_error *err)
{
    sl_checker *c = calloc(1, sizeof *c);
    if (!c) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    c->o = *o;
    if (!(c->feat = sl_featcfg_new(po->align.src_lang, po->align.tgt_lang, lex, err))) {
        free(c);
        return NULL;
    }
    sl_error lerr;
    c->lid = sl_langid_new(po->align.src_lang, po->align.tgt_lang, &lerr);
    snprintf(c->lang[0], sizeof c->lang[0], "%s", po->align.src_lang);
    snprintf(c->lang[1], sizeof c->lang[1], "%s", po->align.tgt_lang);
    char name[160], a[64], b[64];
    snprintf(name, sizeof name, "acronyms_%s_%s", sl_lang_code(c->lang[0], a, sizeof a),
             sl_lang_code(c->lang[1], b, sizeof b));
    const char *table = sl_rules_builtin(name);
    for (int s = 0; s < 2 && table; s++)
        c->rendered[s] = sl_rules_section(table, s ? "en" : "id");
    return c;
}

void sl_checker_free(sl_checker *c)
{
    if (!c)
        return;
    sl_featcfg_free(c->feat);
    sl_langid_free(c->lid);
    free(c);
}

void sl_report_free(sl_report *r)
{
    if (!r)
        return;
    for (size_t k = 0; k < r->n; k++) {
        free(r->f[k].id_text);
        free(r->f[k].en_text);
        free(r->f[k].message);
    }
    free(r->f);
    free(r->doc);
    memset(r, 0, sizeof *r);
}

static const char *const kind_names[] = { "missing", "added",  "untranslated", "number",
                                          "name",    "weak",   "merge",        "split",
                                          "keywords", "abstract" };
static const int kind_severity[] = { SL_SEV_ERROR,   SL_SEV_WARNING, SL_SEV_ERROR, SL_SEV_ERROR,
                                     SL_SEV_WARNING, SL_SEV_WARNING, SL_SEV_INFO,  SL_SEV_INFO,
                                     SL_SEV_WARNING, SL_SEV_ERROR };

const char *sl_finding_kind_name(int kind)
{
    return kind >= 0 && kind < SL_F_NKINDS ? kind_names[kind] : "?";
}

const char *sl_severity_name(int s)
{
    return s == SL_SEV_ERROR ? "error" : s == SL_SEV_WARNING ? "warning" : "info";
}

const char *sl_verdict_name(int v)
{
    return v == SL_SEV_ERROR ? "errors" : v == SL_SEV_WARNING ? "warnings" : "complete";
}

/* ---- building a report ------------------------------------------------ */

typedef struct {
    sl_report *r;
    int oom;
} rb_t;

static char *dup0(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

/* Adds a finding about Indonesian sentences [i0, i0+ni) and English ones
 * [j0, j0+nj) (0-based; ni or nj 0 for none). */
static void add(rb_t *b, int kind, size_t i0, size_t ni, size_t j0, size_t nj, const char *idt,
                const char *ent, const char *fmt, ...) __attribute__((format(printf, 9, 10)));
static void add(rb_t *b, int kind, size_t i0, size_t ni, size_t j0, size_t nj, const char *idt,
                const char *ent, const char *fmt, ...)
{
    sl_report *r = b->r;
    if (r->n == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 8;
        sl_finding *f = realloc(r->f, nc * sizeof *f);
        if (!f) {
            b->oom = 1;
            return;
        }
        r->f = f;
        r->cap = nc;
    }
    sl_finding *f = &r->f[r->n];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->severity = kind_severity[kind];
    for (size_t k = 0; k < ni && k < 4; k++)
        f->id[f->nid++] = i0 + k + 1;
    for (size_t k = 0; k < nj && k < 4; k++)
        f->en[f->nen++] = j0 + k + 1;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    f->id_text = dup0(idt);
    f->en_text = dup0(ent);
    f->message = dup0(msg);
    if ((idt && !f->id_text) || (ent && !f->en_text) || !f->message) {
        free(f->id_text);
        free(f->en_text);
        free(f->message);
        b->oom = 1;
        return;
    }
    r->n++;
    if (f->severity > r->verdict)
        r->verdict = f->severity;
}

/* "4", "4-5": sentence numbers for messages. */
static const char *nums(char *buf, size_t size, size_t i0, size_t n)
{
    if (n <= 1)
        snprintf(buf, size, "%zu", i0 + 1);
    else
        snprintf(buf, size, "%zu-%zu", i0 + 1, i0 + n);
    return buf;
}

/* ---- numbers ---------------------------------------------------------- */

/* Small numbers written as words, in both languages. */
static const char *const number_words[][2] = {
    { "nol", "0" },      { "satu", "1" },     { "dua", "2" },      { "tiga", "3" },
    { "empat", "4" },    { "lima", "5" },     { "enam", "6" },     { "tujuh", "7" },
    { "delapan", "8" },  { "sembilan", "9" }, { "sepuluh", "10" }, { "sebelas", "11" },
    { "zero", "0" },     { "one", "1" },      { "two", "2" },      { "three", "3" },
    { "four", "4" },     { "five", "5" },     { "six", "6" },      { "seven", "7" },
    { "eight", "8" },    { "nine", "9" },     { "ten", "10" },     { "eleven", "11" },
    { "twelve", "12" },
};

/* A number as written, and the values it may stand for: a dot or comma
 * is a decimal mark or a thousands separator depending on the writer's
 * convention, so "1.000" is 1000 or 1, "3,5" is 3.5 (or 35). */
typedef struct {
    char text[48];
    char val[2][48];
    int used, word; /* word: written out ("lima"), which idioms use too */
} num_t;

/* Canonical decimal: no leading zeros, no trailing fraction zeros. */
static void canon(const char *in, char *out, size_t cap)
{
    const char *dot = strchr(in, '.');
    size_t ilen = dot ? (size_t)(dot - in) : strlen(in), i = 0;
    while (i + 1 < ilen && in[i] == '0')
        i++;
    size_t o = 0;
    for (; i < ilen && o + 1 < cap; i++)
        out[o++] = in[i];
    if (dot) {
        size_t flen = strlen(dot + 1);
        while (flen && dot[flen] == '0')
            flen--;
        if (flen && o + 1 < cap)
            out[o++] = '.';
        for (size_t k = 1; k <= flen && o + 1 < cap; k++)
            out[o++] = dot[k];
    }
    out[o] = '\0';
}

/* The value of s read with decimal mark dec (the other mark separates
 * thousands and is dropped). */
static void value(const char *s, size_t n, char dec, char *out, size_t cap)
{
    char buf[48];
    size_t o = 0;
    /* the other mark separates thousands only before groups of three
     * digits: "0,6" is no thousand, so it is read the other way only */
    char sep = dec == ',' ? '.' : ',';
    for (size_t i = 0; i < n; i++)
        if (s[i] == sep) {
            size_t k = i + 1;
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k - i - 1 != 3) {
                dec = sep;
                break;
            }
        }
    for (size_t i = 0; i < n && o + 1 < sizeof buf; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            buf[o++] = s[i];
        else if (s[i] == dec)
            buf[o++] = '.';
    }
    buf[o] = '\0';
    canon(buf, out, cap);
}

/* After a colon, the minutes of a clock time: two digits and no more
 * ("7:00"; a ratio "1:2,5" is two numbers). */
static int is_clock(const char *s, size_t n)
{
    return n >= 2 && s[0] >= '0' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9' &&
           (n == 2 || !((s[2] >= '0' && s[2] <= '9') ||
                        ((s[2] == '.' || s[2] == ',') && n > 3 && s[3] >= '0' && s[3] <= '9')));
}

static size_t numbers(const char *s, num_t *v, size_t max)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len && n < max;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= '0' && ch <= '9') { /* also after letters: Rp862.500,00 */
            size_t b = i;
            int colon = 0;
            while (i < len && ((s[i] >= '0' && s[i] <= '9') ||
                               ((s[i] == '.' || s[i] == ',') && i + 1 < len && s[i + 1] >= '0' &&
                                s[i + 1] <= '9') ||
                               (s[i] == ':' && is_clock(s + i + 1, len - i - 1)))) {
                colon |= s[i] == ':';
                i++;
            }
            num_t *x = &v[n++];
            snprintf(x->text, sizeof x->text, "%.*s", (int)(i - b), s + b);
            if (colon) { /* a time, 7:00 = 07.00; 5:00 p.m. = 17.00 */
                char t[48];
                size_t o = 0;
                for (size_t k = b; k < i && o + 1 < sizeof t; k++)
                    t[o++] = s[k] == ':' ? '.' : s[k];
                t[o] = '\0';
                const char *after = s + i;
                /* in a range, "5:00-7:00 p.m.", the p.m. is both ends' */
                if (strncmp(after, "\xE2\x80\x93", 3) == 0 || *after == '-')
                    for (after += *after == '-' ? 1 : 3;
                         (*after >= '0' && *after <= '9') || *after == ':' || *after == '.';)
                        after++;
                while (*after == ' ')
                    after++;
                int pm = strncasecmp(after, "p.m", 3) == 0 || strncasecmp(after, "pm", 2) == 0;
                long h = strtol(t, NULL, 10);
                if (pm && h < 12) {
                    char u[48];
                    snprintf(u, sizeof u, "%ld%s", h + 12, strchr(t, '.') ? strchr(t, '.') : "");
                    snprintf(t, sizeof t, "%s", u);
                }
                value(t, strlen(t), '.', x->val[0], sizeof x->val[0]);
                snprintf(x->val[1], sizeof x->val[1], "%s", x->val[0]);
            } else {
                value(s + b, i - b, ',', x->val[0], sizeof x->val[0]);
                value(s + b, i - b, '.', x->val[1], sizeof x->val[1]);
            }
            x->used = x->word = 0;
            continue;
        }
        if (isalpha(ch) && (i == 0 || !isalnum((unsigned char)s[i - 1]))) {
            size_t b = i;
            while (i < len && isalpha((unsigned char)s[i]))
                i++;
            for (size_t k = 0; k < sizeof number_words / sizeof *number_words; k++)
                if (strlen(number_words[k][0]) == i - b &&
                    strncasecmp(s + b, number_words[k][0], i - b) == 0) {
                    num_t *x = &v[n++];
                    snprintf(x->text, sizeof x->text, "%.*s", (int)(i - b), s + b);
                    snprintf(x->val[0], sizeof x->val[0], "%s", number_words[k][1]);
                    snprintf(x->val[1], sizeof x->val[1], "%s", number_words[k][1]);
                    x->used = 0;
                    x->word = 1;
                    break;
                }
            continue;
        }
        i++;
    }
    return n;
}

static int same_number(const num_t *a, const num_t *b)
{
    for (int x = 0; x < 2; x++)
        for (int y = 0; y < 2; y++)
            if (strcmp(a->val[x], b->val[y]) == 0)
                return 1;
    return 0;
}

/* Numbers of one side of a unit that the other lacks, e.g. "12, 75,5". A
 * number written out may stand for a figure on the other side, but alone
 * it is no finding: "kaki lima" is a street vendor, "salah satu" one of. */
static void unmatched(num_t *a, size_t na, num_t *b, size_t nb, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t x = 0; x < na; x++) {
        int found = 0;
        for (size_t y = 0; y < nb && !found; y++)
            if (!b[y].used && same_number(&a[x], &b[y]))
                b[y].used = found = 1;
        if (!found && !a[x].word && o + strlen(a[x].text) + 3 < cap)
            o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? ", " : "", a[x].text);
    }
}

static void check_numbers(rb_t *b, const sl_unit *u)
{
    num_t a[64], c[64];
    size_t na = numbers(u->src, a, 64), nc = numbers(u->tgt, c, 64);
    if (!na && !nc)
        return;
    char only_id[256], only_en[256];
    unmatched(a, na, c, nc, only_id, sizeof only_id);
    for (size_t k = 0; k < nc; k++)
        c[k].used = 0;
    unmatched(c, nc, a, na, only_en, sizeof only_en);
    if (!only_id[0] && !only_en[0])
        return;
    const sl_bead *bd = &u->bead;
    char m[600];
    if (only_id[0] && only_en[0])
        snprintf(m, sizeof m, "numbers differ: %s in the Indonesian, %s in the English", only_id,
                 only_en);
    else if (only_id[0])
        snprintf(m, sizeof m, "%s in the Indonesian is not in the English", only_id);
    else
        snprintf(m, sizeof m, "%s in the English is not in the Indonesian", only_en);
    add(b, SL_F_NUMBER, bd->i0, bd->ni, bd->j0, bd->nj, u->src, u->tgt, "%s", m);
}

/* ---- acronyms --------------------------------------------------------- */

/* A Roman numeral ("VIII", "XII") counts things; it is no name. Only I, V
 * and X: with C, D, L and M too, CI and DM would be numerals. */
static int roman(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVX", w[i]))
            return 0;
    return 1;
}

/* Acronyms of s (two or more capitals, digits and hyphens allowed: BPS,
 * COVID-19; dotted "U.S." is "US"; a plural "URLs" is "URL"; Roman
 * numerals are not), each once, as NUL-separated words in out. */
static size_t acronyms(const char *s, char *out, size_t cap, size_t *n)
{
    size_t o = 0, len = strlen(s);
    *n = 0;
    for (size_t i = 0; i < len;) {
        if (!isalnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        char w[40];
        size_t b = i, wl = 0;
        int caps = 0, lower = 0;
        if (isupper((unsigned char)s[i]) && i + 3 < len && s[i + 1] == '.' &&
            isupper((unsigned char)s[i + 2]) && s[i + 3] == '.') {
            while (i + 1 < len && isupper((unsigned char)s[i]) && s[i + 1] == '.') {
                if (wl + 1 < sizeof w)
                    w[wl++] = s[i];
                caps++;
                i += 2;
            }
        } else {
            while (i < len && (isalnum((unsigned char)s[i]) || (s[i] == '-' && i + 1 < len &&
                                                                isalnum((unsigned char)s[i + 1])))) {
                caps += isupper((unsigned char)s[i]) != 0;
                lower += islower((unsigned char)s[i]) != 0;
                i++;
            }
            wl = i - b;
            /* "URLs": a plural ending on one lower-case s */
            if (lower == 1 && wl > 2 && s[i - 1] == 's') {
                lower = 0;
                wl--;
            }
            if (wl >= sizeof w)
                continue;
            memcpy(w, s + b, wl);
        }
        if (caps < 2 || lower || roman(w, wl))
            continue;
        int seen = 0;
        for (size_t k = 0, at = 0; k < *n && !seen; k++, at += strlen(out + at) + 1)
            seen = strlen(out + at) == wl && memcmp(out + at, w, wl) == 0;
        if (!seen && o + wl + 1 < cap) {
            memcpy(out + o, w, wl);
            o += wl;
            out[o++] = '\0';
            (*n)++;
        }
    }
    return o;
}

/* Is w in s as a word, or as one with a plural s ("URL" in "URLs")? */
static int has_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = s; (p = strstr(p, w)); p++) {
        const char *e = p + n + (p[n] == 's');
        if ((p == s || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)*e))
            return 1;
    }
    return 0;
}

/* Is the phrase p (n bytes) in s as whole words, ignoring ASCII case? A
 * number may follow it ("Rp4.500"). */
static int has_phrase(const char *s, const char *p, size_t n)
{
    for (const char *q = s; *q; q++)
        if ((q == s || !isalnum((unsigned char)q[-1])) && strncasecmp(q, p, n) == 0 &&
            !isalpha((unsigned char)q[n]))
            return 1;
    return 0;
}

/* Does the other side render acronym w of side s in words its language's
 * readers know instead ("UU" as "Law", "SMP" as "junior high school")?
 * From the pair's table of renderings. */
static int acro_rendered(const sl_checker *c, int s, const char *w, const char *other)
{
    const char *p = c->rendered[s], *item;
    size_t n, wl = strlen(w);
    while (sl_rules_section_item(&p, &item, &n)) {
        const char *tab = memchr(item, '\t', n);
        if (!tab || (size_t)(tab - item) != wl || memcmp(item, w, wl) != 0)
            continue;
        for (const char *a = tab + 1, *end = item + n; a < end;) {
            const char *bar = memchr(a, '|', (size_t)(end - a));
            size_t len = (size_t)((bar ? bar : end) - a);
            if (len && has_phrase(other, a, len))
                return 1;
            a += len + 1;
        }
        return 0;
    }
    return 0;
}

/* The acronyms of each side of a unit that the other side lacks. */
typedef struct {
    char buf[2][1024];
    size_t n[2];
} lone_t;

static void lone_acronyms(const sl_unit *u, lone_t *l)
{
    const char *text[2] = { u->src, u->tgt };
    for (int s = 0; s < 2; s++) {
        char all[1024];
        size_t na;
        acronyms(text[s], all, sizeof all, &na);
        size_t o = 0;
        l->n[s] = 0;
        const char *w = all;
        for (size_t k = 0; k < na; k++, w += strlen(w) + 1)
            if (!has_word(text[!s], w)) {
                size_t wl = strlen(w) + 1;
                memcpy(l->buf[s] + o, w, wl);
                o += wl;
                l->n[s]++;
            }
    }
}

/* What the document says of its acronyms, counted over its units. By
 * side: each acronym's units, and units where the other side lacks it
 * (m, cnt); pairs of such lone acronyms met in one unit (pairs, "A\tB",
 * npair). */
typedef struct {
    sl_strmap *m[2], *pairs;
    size_t *cnt[2][2], cap[2], *npair, pcap;
} acro_t;

static int grow(size_t **v, size_t *cap, long id)
{
    if ((size_t)id < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 32;
    while (nc <= (size_t)id)
        nc *= 2;
    size_t *x = realloc(*v, nc * sizeof *x);
    if (!x)
        return -1;
    memset(x + *cap, 0, (nc - *cap) * sizeof *x);
    *v = x;
    *cap = nc;
    return 0;
}

static int acro_count(acro_t *A, int s, const char *w, int lone)
{
    long id = sl_strmap_intern(A->m[s], w, strlen(w));
    size_t c = A->cap[s];
    if (id < 0 || grow(&A->cnt[s][0], &c, id) || (c = A->cap[s], grow(&A->cnt[s][1], &c, id)))
        return -1;
    A->cap[s] = c;
    A->cnt[s][0][id]++;
    A->cnt[s][1][id] += lone;
    return 0;
}

static long pair_id(const sl_strmap *m, sl_strmap *mut, const char *a, const char *b)
{
    char k[96];
    int n = snprintf(k, sizeof k, "%s\t%s", a, b);
    if (n < 0 || (size_t)n >= sizeof k)
        return -2;
    return mut ? sl_strmap_intern(mut, k, (size_t)n) : sl_strmap_get(m, k, (size_t)n);
}

static int acro_scan(acro_t *A, const sl_doc *d)
{
    if (!(A->m[0] = sl_strmap_new()) || !(A->m[1] = sl_strmap_new()) ||
        !(A->pairs = sl_strmap_new()))
        return -1;
    for (size_t k = 0; k < d->nunits; k++) {
        const sl_unit *u = &d->units[k];
        if (u->kind != SL_UNIT_SENTENCE || !u->src || !u->tgt)
            continue;
        const char *text[2] = { u->src, u->tgt };
        for (int s = 0; s < 2; s++) {
            char all[1024];
            size_t na;
            acronyms(text[s], all, sizeof all, &na);
            const char *w = all;
            for (size_t x = 0; x < na; x++, w += strlen(w) + 1)
                if (acro_count(A, s, w, !has_word(text[!s], w)))
                    return -1;
        }
        lone_t l;
        lone_acronyms(u, &l);
        const char *a = l.buf[0];
        for (size_t x = 0; x < l.n[0]; x++, a += strlen(a) + 1) {
            const char *e = l.buf[1];
            for (size_t y = 0; y < l.n[1]; y++, e += strlen(e) + 1) {
                long id = pair_id(NULL, A->pairs, a, e);
                if (id == -2)
                    continue;
                if (id < 0 || grow(&A->npair, &A->pcap, id))
                    return -1;
                A->npair[id]++;
            }
        }
    }
    return 0;
}

/* An acronym the document translates rather than keeps: in two units or
 * more, and never with the other side holding it (NPD rendered DPN, UU
 * rendered "Law" throughout). */
static int acro_translated(const acro_t *A, int s, const char *w)
{
    long id = sl_strmap_get(A->m[s], w, strlen(w));
    return id >= 0 && A->cnt[s][0][id] >= 2 && A->cnt[s][1][id] == A->cnt[s][0][id];
}

/* Two lone acronyms met together in two units or more: one name in each
 * language's letters (KIA and MCH). */
static int acro_paired(const acro_t *A, const char *a, const char *e)
{
    long id = pair_id(A->pairs, NULL, a, e);
    return id >= 0 && A->npair[id] >= 2;
}

static void acro_free(acro_t *A)
{
    for (int s = 0; s < 2; s++) {
        sl_strmap_free(A->m[s]);
        free(A->cnt[s][0]);
        free(A->cnt[s][1]);
    }
    sl_strmap_free(A->pairs);
    free(A->npair);
}

/* Acronyms on one side of a unit only. Lone acronyms the document pairs
 * are each other's translation; then one lone acronym each side is most
 * often the same name in each language's letters (IK and CI), so they pair
 * off, those the document does not translate throughout first; what is
 * left on the side with more is named, unless translated throughout. */
static void check_names(const sl_checker *c, rb_t *b, const sl_unit *u, const acro_t *A)
{
    lone_t l;
    lone_acronyms(u, &l);
    const char *w[2][64];
    int used[2][64], tr[2][64];
    size_t n[2];
    for (int s = 0; s < 2; s++) {
        n[s] = l.n[s] < 64 ? l.n[s] : 64;
        const char *p = l.buf[s];
        for (size_t k = 0; k < n[s]; k++, p += strlen(p) + 1) {
            w[s][k] = p;
            used[s][k] = 0;
            tr[s][k] = acro_translated(A, s, p);
        }
    }
    for (size_t x = 0; x < n[0]; x++)
        for (size_t y = 0; y < n[1] && !used[0][x]; y++)
            if (!used[1][y] && acro_paired(A, w[0][x], w[1][y]))
                used[0][x] = used[1][y] = 1;
    /* pair off the rest, untranslated ones first on both sides */
    for (int pass = 0; pass < 2; pass++)
        for (size_t x = 0; x < n[0]; x++) {
            if (used[0][x] || tr[0][x] != pass)
                continue;
            for (int q = 0; q < 2 && !used[0][x]; q++)
                for (size_t y = 0; y < n[1] && !used[0][x]; y++)
                    if (!used[1][y] && tr[1][y] == q)
                        used[0][x] = used[1][y] = 1;
        }
    /* what is left and written out on the other side is no omission */
    for (int s = 0; s < 2; s++)
        for (size_t k = 0; k < n[s]; k++)
            if (!used[s][k] && !tr[s][k] && acro_rendered(c, s, w[s][k], s ? u->src : u->tgt))
                used[s][k] = 1;
    const sl_bead *bd = &u->bead;
    for (int s = 0; s < 2; s++) {
        char list[512];
        size_t o = 0;
        list[0] = '\0';
        for (size_t k = 0; k < n[s]; k++)
            if (!used[s][k] && !tr[s][k] && o + strlen(w[s][k]) + 3 < sizeof list)
                o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "", w[s][k]);
        if (o)
            add(b, SL_F_NAME, bd->i0, bd->ni, bd->j0, bd->nj, u->src, u->tgt,
                "%s in the %s is not in the %s", list, s ? "English" : "Indonesian",
                s ? "Indonesian" : "English");
    }
}

/* ---- the wrong language ------------------------------------------------ */

/* Does the side's text as a whole (its first 16 kB: enough to tell) read
 * as the other language? Then every sentence of it is the wrong language,
 * and one finding says so instead of one per sentence. */
static int side_in_wrong_language(const sl_checker *c, const sl_doc *d, int side)
{
    char buf[16384];
    size_t o = 0;
    for (size_t i = 0; i < d->nsent[side] && o + 2 < sizeof buf; i++) {
        size_t n = strlen(d->sent[side][i]);
        if (n > sizeof buf - o - 2)
            n = sizeof buf - o - 2;
        memcpy(buf + o, d->sent[side][i], n);
        o += n;
        buf[o++] = ' ';
    }
    int margin;
    return o && sl_langid_guess(c->lid, buf, o, &margin) == !side && abs(margin) >= 3;
}

/* Texts the same but for case and spacing, with three words or more, or
 * two when one is not capitalised (a short sentence, not a name). */
static int same_text(const char *a, const char *b)
{
    int words = 0, in = 0, lower = 0;
    for (;;) {
        if (isspace((unsigned char)*a) || isspace((unsigned char)*b))
            in = 0; /* a space ends a word */
        while (*a && isspace((unsigned char)*a))
            a++;
        while (*b && isspace((unsigned char)*b))
            b++;
        if (!*a || !*b)
            return !*a && !*b && (words >= 3 || (words == 2 && lower));
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        int alpha = isalpha((unsigned char)*a) != 0;
        words += alpha && !in;
        lower |= alpha && !in && islower((unsigned char)*a);
        in = alpha;
        a++;
        b++;
    }
}

/* Does the sentence read clearly as the other side's language? */
static int wrong_language(const sl_checker *c, const char *s, int side)
{
    int margin;
    int g = sl_langid_guess(c->lid, s, strlen(s), &margin);
    /* a clear majority of the other language's stop words, and enough of
     * them: short sentences and names say too little */
    return g == !side && abs(margin) >= 3;
}

/* ---- keywords ---------------------------------------------------------- */

/* The keywords of a keyword line, label left out, as spans. */
static size_t keywords(const char *line, sl_span *v, size_t max)
{
    const char *p = strchr(line, ':');
    p = p ? p + 1 : line;
    char sep = strchr(p, ';') ? ';' : ',';
    size_t n = 0;
    while (*p && n < max) {
        const char *e = strchr(p, sep);
        const char *end = e ? e : p + strlen(p);
        const char *a = p, *z = end;
        while (a < z && (isspace((unsigned char)*a) || *a == '"'))
            a++;
        while (z > a && (isspace((unsigned char)z[-1]) || z[-1] == '.' || z[-1] == '"'))
            z--;
        if (z > a)
            v[n++] = (sl_span){ a, (size_t)(z - a) };
        if (!e)
            break;
        p = e + 1;
    }
    return n;
}

static int check_keywords(const sl_checker *c, rb_t *b, const sl_doc *d)
{
    const char *kw[2] = { d->rec.keywords[0], d->rec.keywords[1] };
    if (!kw[0] && !kw[1])
        return 0;
    if (!kw[0] || !kw[1]) {
        add(b, SL_F_KEYWORDS, 0, 0, 0, 0, kw[0], kw[1], "keywords in %s only",
            kw[0] ? "Indonesian" : "English");
        return 0;
    }
    sl_span v[2][64];
    size_t n[2] = { keywords(kw[0], v[0], 64), keywords(kw[1], v[1], 64) };
    if (n[0] != n[1])
        add(b, SL_F_KEYWORDS, 0, 0, 0, 0, kw[0], kw[1],
            "%zu Indonesian keywords, %zu English ones", n[0], n[1]);
    if (!n[0] || !n[1])
        return 0;
    sl_docfeat f;
    sl_error err;
    if (sl_feat_extract(c->feat, NULL, v[0], n[0], v[1], n[1], &f, &err))
        return -1;
    int taken[64] = { 0 }, found[64] = { 0 };
    for (size_t i = 0; i < n[0]; i++)
        for (size_t j = 0; j < n[1] && !found[i]; j++)
            if (!taken[j] && sl_feat_matches(&f, i, 1, j, 1) > 0)
                taken[j] = found[i] = 1;
    sl_docfeat_free(&f);
    /* an acronym keyword written out on the other side ("SMP", "junior
     * high school"), by the pair's table of renderings */
    for (size_t i = 0; i < n[0]; i++)
        for (size_t j = 0; j < n[1] && !found[i]; j++) {
            char a[256], e[256];
            if (taken[j])
                continue;
            snprintf(a, sizeof a, "%.*s", (int)v[0][i].len, v[0][i].s);
            snprintf(e, sizeof e, "%.*s", (int)v[1][j].len, v[1][j].s);
            if (acro_rendered(c, 0, a, e) || acro_rendered(c, 1, e, a))
                taken[j] = found[i] = 1;
        }
    for (size_t i = 0; i < n[0]; i++)
        if (!found[i]) {
            char k[256];
            snprintf(k, sizeof k, "%.*s", (int)v[0][i].len, v[0][i].s);
            add(b, SL_F_KEYWORDS, 0, 0, 0, 0, k, NULL, "keyword \"%s\" has no English counterpart",
                k);
        }
    for (size_t j = 0; j < n[1]; j++)
        if (!taken[j]) {
            char k[256];
            snprintf(k, sizeof k, "%.*s", (int)v[1][j].len, v[1][j].s);
            add(b, SL_F_KEYWORDS, 0, 0, 0, 0, NULL, k,
                "keyword \"%s\" has no Indonesian counterpart", k);
        }
    return 0;
}

/* ---- text with no counterpart ------------------------------------------ */

/* The share of each sentence's content words (by weight) that match the
 * other side of its unit: a sentence merged into a unit it does not
 * translate shares next to nothing with it. */
static int support(const sl_checker *c, const sl_doc *d, double *sup[2])
{
    sl_span *v[2];
    for (int s = 0; s < 2; s++) {
        v[s] = malloc((d->nsent[s] + 1) * sizeof *v[s]);
        sup[s] = malloc((d->nsent[s] + 1) * sizeof *sup[s]);
        if (!v[s] || !sup[s])
            return -1;
        for (size_t i = 0; i < d->nsent[s]; i++) {
            v[s][i] = (sl_span){ d->sent[s][i], strlen(d->sent[s][i]) };
            sup[s][i] = -1;
        }
    }
    sl_docfeat f;
    sl_error err;
    int rc = sl_feat_extract(c->feat, NULL, v[0], d->nsent[0], v[1], d->nsent[1], &f, &err);
    for (size_t u = 0; rc == SL_OK && u < d->nunits; u++) {
        const sl_bead *bd = &d->units[u].bead;
        if (d->units[u].kind != SL_UNIT_SENTENCE || !bd->ni || !bd->nj)
            continue;
        for (size_t i = bd->i0; i < bd->i0 + bd->ni; i++) {
            double w = f.sent[0][i].weight;
            sup[0][i] = w > 0 ? sl_feat_matches(&f, i, 1, bd->j0, bd->nj) / w : 0;
        }
        for (size_t j = bd->j0; j < bd->j0 + bd->nj; j++) {
            double w = f.sent[1][j].weight;
            sup[1][j] = w > 0 ? sl_feat_matches(&f, bd->i0, bd->ni, j, 1) / w : 0;
        }
    }
    if (rc == SL_OK)
        sl_docfeat_free(&f);
    free(v[0]);
    free(v[1]);
    return rc ? -1 : 0;
}

/* In a unit of several sentences on side s, the ones with no counterpart
 * of their own: next to no words shared with the other side (under 0.15
 * of their weight) while the rest of the unit shares plenty (0.4), or, in
 * a unit whose confidence is under 0.9, under half of what the best of the
 * rest shares. */
static void hidden(rb_t *b, const sl_doc *d, const sl_unit *u, double *sup[2], int s)
{
    const sl_bead *bd = &u->bead;
    size_t i0 = s ? bd->j0 : bd->i0, n = s ? bd->nj : bd->ni;
    if (n < 2)
        return;
    double best = 0;
    for (size_t k = 0; k < n; k++)
        if (sup[s][i0 + k] > best)
            best = sup[s][i0 + k];
    if (best < 0.15)
        return;
    for (size_t k = 0; k < n; k++) {
        size_t i = i0 + k;
        /* nothing at all shared while the rest shares something; next to
         * nothing while the rest shares plenty; or, in a unit the model
         * itself doubts, less than half of what its best unit-mate shares */
        if (sup[s][i] < 0 ||
            (sup[s][i] > 0 && best < 0.4) ||
            (sup[s][i] >= 0.15 && (bd->conf >= 0.9 || sup[s][i] >= best / 2)))
            continue;
        char a[32], o[32];
        if (s == 0)
            add(b, SL_F_MISSING, i, 1, bd->j0, bd->nj, d->sent[0][i], u->tgt,
                "Indonesian sentence %zu shares little with English %s %s, which "
                "translates the rest of its unit: its translation seems missing",
                i + 1, bd->nj > 1 ? "sentences" : "sentence", nums(o, sizeof o, bd->j0, bd->nj));
        else
            add(b, SL_F_ADDED, bd->i0, bd->ni, i, 1, u->src, d->sent[1][i],
                "English sentence %zu shares little with Indonesian %s %s, which "
                "the rest of its unit translates: it seems added",
                i + 1, bd->ni > 1 ? "sentences" : "sentence", nums(a, sizeof a, bd->i0, bd->ni));
    }
}

int sl_check_doc(const sl_checker *c, const sl_doc *d, sl_report *r, sl_error *err)
{
    memset(r, 0, sizeof *r);
    r->verdict = -1;
    rb_t b = { r, 0 };
    if (!(r->doc = dup0(d->name ? d->name : "")) || !d->sent[0] || !d->sent[1]) {
        sl_report_free(r);
        return sl_error_set(err, d->sent[0] ? SL_ENOMEM : SL_EUSAGE, d->name, 0, -1,
                            d->sent[0] ? "out of memory"
                                       : "the document was aligned without its sentences");
    }
    r->nsent[0] = d->nsent[0];
    r->nsent[1] = d->nsent[1];
    const sl_record *rec = &d->rec;
    if ((rec->title[0] || rec->title[1]) && !(rec->title[0] && rec->title[1]))
        add(&b, SL_F_ABSTRACT, 0, 0, 0, 0, rec->title[0], rec->title[1],
            "no %s title", rec->title[0] ? "English" : "Indonesian");
    double *sup[2] = { NULL, NULL };
    if (support(c, d, sup)) {
        free(sup[0]);
        free(sup[1]);
        sl_report_free(r);
        return sl_error_set(err, SL_ENOMEM, d->name, 0, -1, "out of memory");
    }
    acro_t acro = { 0 };
    if (acro_scan(&acro, d))
        b.oom = 1;
    int whole[2] = { side_in_wrong_language(c, d, 0), side_in_wrong_language(c, d, 1) };
    if (whole[0] && whole[1])
        add(&b, SL_F_UNTRANSLATED, 0, 0, 0, 0, NULL, NULL,
            "the Indonesian text reads as English and the English as Indonesian: are the two "
            "swapped?");
    else if (whole[1])
        add(&b, SL_F_UNTRANSLATED, 0, 0, 0, 0, NULL, NULL,
            "the English text as a whole reads as Indonesian: left untranslated");
    else if (whole[0])
        add(&b, SL_F_UNTRANSLATED, 0, 0, 0, 0, NULL, NULL,
            "the Indonesian text as a whole reads as English");
    size_t covered = 0, chars = 0, covered_chars = 0;
    for (size_t i = 0; i < d->nsent[0]; i++)
        chars += strlen(d->sent[0][i]);
    for (size_t k = 0; k < d->nunits; k++) {
        const sl_unit *u = &d->units[k];
        const sl_bead *bd = &u->bead;
        char a[32], o[32];
        if (u->kind == SL_UNIT_TITLE) {
            if (u->src && u->tgt)
                check_numbers(&b, u);
            continue;
        }
        if (u->kind != SL_UNIT_SENTENCE)
            continue;
        if (!bd->nj) {
            for (size_t i = bd->i0; i < bd->i0 + bd->ni; i++)
                add(&b, SL_F_MISSING, i, 1, 0, 0, d->sent[0][i], NULL,
                    "Indonesian sentence %zu has no English counterpart", i + 1);
            continue;
        }
        if (!bd->ni) {
            for (size_t j = bd->j0; j < bd->j0 + bd->nj; j++) {
                if (!whole[1] && wrong_language(c, d->sent[1][j], 1))
                    add(&b, SL_F_UNTRANSLATED, 0, 0, j, 1, NULL, d->sent[1][j],
                        "English sentence %zu reads as Indonesian and has no counterpart", j + 1);
                else
                    add(&b, SL_F_ADDED, 0, 0, j, 1, NULL, d->sent[1][j],
                        "English sentence %zu has no Indonesian counterpart", j + 1);
            }
            continue;
        }
        if (bd->conf >= c->o.weak) {
            covered += bd->ni;
            for (size_t i = bd->i0; i < bd->i0 + bd->ni; i++)
                covered_chars += strlen(d->sent[0][i]);
        }
        hidden(&b, d, u, sup, 0);
        hidden(&b, d, u, sup, 1);
        if (same_text(u->src, u->tgt)) {
            add(&b, SL_F_UNTRANSLATED, bd->i0, bd->ni, bd->j0, bd->nj, u->src, u->tgt,
                "the same text on both sides: left untranslated");
        } else {
            for (size_t j = bd->j0; j < bd->j0 + bd->nj; j++)
                if (!whole[1] && wrong_language(c, d->sent[1][j], 1))
                    add(&b, SL_F_UNTRANSLATED, bd->i0, bd->ni, j, 1, u->src, d->sent[1][j],
                        "English sentence %zu reads as Indonesian: left untranslated", j + 1);
            for (size_t i = bd->i0; i < bd->i0 + bd->ni; i++)
                if (!whole[0] && wrong_language(c, d->sent[0][i], 0))
                    add(&b, SL_F_UNTRANSLATED, i, 1, bd->j0, bd->nj, d->sent[0][i], u->tgt,
                        "Indonesian sentence %zu reads as English", i + 1);
        }
        check_numbers(&b, u);
        check_names(c, &b, u, &acro);
        if (bd->conf < c->o.weak)
            add(&b, SL_F_WEAK, bd->i0, bd->ni, bd->j0, bd->nj, u->src, u->tgt,
                "a weak unit (confidence %.2f): Indonesian %s and English %s may not "
                "translate each other",
                bd->conf, nums(a, sizeof a, bd->i0, bd->ni), nums(o, sizeof o, bd->j0, bd->nj));
        if (bd->ni > 1) {
            r->merged += bd->ni;
            add(&b, SL_F_MERGE, bd->i0, bd->ni, bd->j0, bd->nj, u->src, u->tgt,
                "Indonesian sentences %s are translated by one English unit",
                nums(a, sizeof a, bd->i0, bd->ni));
        }
        if (bd->nj > 1)
            add(&b, SL_F_SPLIT, bd->i0, bd->ni, bd->j0, bd->nj, u->src, u->tgt,
                "Indonesian sentence %s is translated by English sentences %s",
                nums(a, sizeof a, bd->i0, bd->ni), nums(o, sizeof o, bd->j0, bd->nj));
    }
    free(sup[0]);
    free(sup[1]);
    acro_free(&acro);
    if (check_keywords(c, &b, d))
        b.oom = 1;
    r->coverage = d->nsent[0] ? (double)covered / (double)d->nsent[0] : 1;
    r->coverage_chars = chars ? (double)covered_chars / (double)chars : 1;
    if (b.oom) {
        sl_report_free(r);
        return sl_error_set(err, SL_ENOMEM, d->name, 0, -1, "out of memory");
    }
    return SL_OK;
}

int sl_check_missing(const sl_checker *c, const char *name, const sl_error *why, sl_report *r,
                     sl_error *err)
{
    (void)c;
    memset(r, 0, sizeof *r);
    r->verdict = -1;
    rb_t b = { r, 0 };
    if (!(r->doc = dup0(name ? name : "")))
        b.oom = 1;
    else
        add(&b, SL_F_ABSTRACT, 0, 0, 0, 0, NULL, NULL, "%s", why->msg);
    r->coverage = r->coverage_chars = 0;
    if (b.oom) {
        sl_report_free(r);
        return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    }
    return SL_OK;
}
