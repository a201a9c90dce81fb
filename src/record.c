/* record.c — reading catalogue records.
 *
 * The body is cut into blocks at headings and <hr /> rules; each block's
 * paragraphs go to the language their heading names, unless the stop-word
 * profile clearly says otherwise (or there is no heading), in which case
 * the record says so in its note. Keyword lines go to the language their
 * label names. */
#define _GNU_SOURCE /* memmem */
#include "selaras/record.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- small string buffer ---------------------------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
} buf_t;

static int put(buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 256;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *ns = realloc(b->s, nc);
        if (!ns)
            return -1;
        b->s = ns;
        b->cap = nc;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

/* Replaces *field with a trimmed copy of [b, e), or with NULL when that is
 * empty. Every field is cut between two pointers into a line, and
 * separators found independently can overlap ("x = / y"): an inverted span
 * is empty by construction rather than a negative length. Returns -1 when
 * out of memory. */
static int set_span(char **field, const char *b, const char *e)
{
    while (b < e && isspace((unsigned char)*b)) b++;
    while (e > b && isspace((unsigned char)e[-1])) e--;
    char *d = NULL;
    if (b < e) {
        size_t n = (size_t)(e - b);
        if (!(d = malloc(n + 1)))
            return -1;
        memcpy(d, b, n);
        d[n] = '\0';
    }
    free(*field);
    *field = d;
    return 0;
}

/* ---- markup ------------------------------------------------------------ */

/* Copies text with markup remnants removed: <br> becomes a line break,
 * <hr /> a line of its own "<hr>", other tags and ** or __ runs vanish.
 * Autolinks <https://...> are kept. */
static int clean(const char *t, size_t len, buf_t *out)
{
    for (size_t i = 0; i < len;) {
        if (t[i] == '<') {
            size_t j = i + 1;
            while (j < len && t[j] != '>' && t[j] != '\n' && j - i < 40)
                j++;
            if (j < len && t[j] == '>') {
                size_t n = j - i + 1;
                char tag[48];
                size_t k = 0;
                for (size_t x = i + 1; x < j && k + 1 < sizeof tag; x++)
                    if (t[x] != ' ' && t[x] != '/')
                        tag[k++] = (char)tolower((unsigned char)t[x]);
                tag[k] = '\0';
                if (strncmp(tag, "http", 4) == 0 || strchr(tag, '@')) {
                    if (put(out, t + i, n)) return -1;
                } else if (strcmp(tag, "br") == 0) {
                    if (put(out, "\n", 1)) return -1;
                } else if (strcmp(tag, "hr") == 0) {
                    if (put(out, "\n<hr>\n", 6)) return -1;
                } else if (!isalpha((unsigned char)tag[0])) {
                    if (put(out, t + i, n)) return -1; /* "<0,05>" is text */
                }
                i = j + 1;
                continue;
            }
        }
        if ((t[i] == '*' || t[i] == '_') && i + 1 < len && t[i + 1] == t[i]) {
            while (i < len && (t[i] == '*' || t[i] == '_'))
                i++;
            continue;
        }
        if (put(out, t + i, 1))
            return -1;
        i++;
    }
    return 0;
}

/* ---- line classes ------------------------------------------------------ */

enum { L_TEXT, L_BLANK, L_RULE, L_HEAD_ID, L_HEAD_EN, L_KW_ID, L_KW_EN };

static const char *const heads_id[] = { "abstrak", "abstraksi", "intisari", "ringkasan",
                                        "sari", NULL };
static const char *const heads_en[] = { "abstract", "summary", NULL };
static const char *const kw_id[] = { "kata kunci", "kata-kata kunci", "kata-kunci",
                                     "kata kata kunci", NULL };
static const char *const kw_en[] = { "keywords", "key words", "keyword", "key-words",
                                     "index terms", NULL };

/* Length of the heading or label word at s when it is one of list (case
 * insensitive), else 0. */
static size_t starts_with(const char *s, size_t n, const char *const *list)
{
    for (int k = 0; list[k]; k++) {
        size_t w = strlen(list[k]);
        if (n >= w && strncasecmp(s, list[k], w) == 0 &&
            (n == w || !isalpha((unsigned char)s[w])))
            return w;
    }
    return 0;
}

/* Classifies a cleaned, trimmed line; *rest receives the start of text that
 * follows a heading on the same line ("Abstrak: Penelitian ini ..."). */
static int classify(const char *s, size_t n, size_t *rest)
{
    *rest = n;
    if (n == 0)
        return L_BLANK;
    if (n == 4 && memcmp(s, "<hr>", 4) == 0)
        return L_RULE;
    size_t w;
    int kind = L_TEXT;
    if ((w = starts_with(s, n, kw_id)))
        kind = L_KW_ID;
    else if ((w = starts_with(s, n, kw_en)))
        kind = L_KW_EN;
    if (kind != L_TEXT) {
        size_t k = w;
        while (k < n && s[k] == ' ') k++;
        return k < n && (s[k] == ':' || s[k] == '-' || (unsigned char)s[k] == 0xE2) ? kind : L_TEXT;
    }
    if ((w = starts_with(s, n, heads_id)))
        kind = L_HEAD_ID;
    else if ((w = starts_with(s, n, heads_en)))
        kind = L_HEAD_EN;
    if (kind == L_TEXT)
        return L_TEXT;
    size_t k = w;
    while (k < n && (s[k] == ' ' || s[k] == ':' || s[k] == '.' || s[k] == '-')) k++;
    if (k == n) {
        *rest = n;
        return kind;
    }
    /* "Abstrak: text" — a heading with its text; "Abstrak penelitian ini"
     * without a colon is ordinary text */
    if (memchr(s + w, ':', k - w)) {
        *rest = k;
        return kind;
    }
    return L_TEXT;
}

/* ---- parsing ----------------------------------------------------------- */

/* Parsing state: the paragraph being read, the language its block's
 * heading names, and what went to each language so far. */
typedef struct {
    const sl_langid *lid;
    buf_t para;
    int hint;      /* 0 id, 1 en, -1 no heading */
    int prev_lang; /* language of the previous paragraph */
    buf_t abs[2];
    int overridden, guessed;
} state_t;

/* Sends the open paragraph to a language: the heading's, unless the
 * stop words clearly say otherwise; with no heading and too few stop words
 * (a fragment of a broken sentence), the previous paragraph's. */
static int flush(state_t *st)
{
    if (!st->para.n)
        return 0;
    int g = sl_langid_guess(st->lid, st->para.s, st->para.n, NULL), lang = st->hint;
    if (g >= 0 && g != st->hint) {
        if (st->hint >= 0)
            st->overridden = 1;
        else
            st->guessed = 1;
        lang = g;
    }
    if (lang < 0) {
        lang = st->prev_lang >= 0 ? st->prev_lang : 0;
        st->guessed = 1;
    }
    if ((st->abs[lang].n && put(&st->abs[lang], "\n\n", 2)) ||
        put(&st->abs[lang], st->para.s, st->para.n))
        return -1;
    st->prev_lang = lang;
    st->para.n = 0;
    return 0;
}

static int title_line(sl_record *r, const char *s, size_t n)
{
    /* "ID title = EN title / Author": the last " / " starts the author */
    const char *eq = NULL, *sl = NULL, *end = s + n;
    for (size_t i = 0; i + 2 < n; i++) {
        if (!eq && s[i] == ' ' && s[i + 1] == '=' && s[i + 2] == ' ')
            eq = s + i;
        if (s[i] == ' ' && s[i + 1] == '/' && s[i + 2] == ' ')
            sl = s + i;
    }
    const char *te = sl ? sl : end;
    int rc = eq && eq < te ? set_span(&r->title[0], s, eq) || set_span(&r->title[1], eq + 3, te)
                           : set_span(&r->title[0], s, te);
    return rc || (sl && set_span(&r->author, sl + 3, end)) ? -1 : 0;
}

int sl_record_parse(const char *text, size_t len, const char *name, const sl_langid *lid,
                    sl_record *r, sl_error *err)
{
    memset(r, 0, sizeof *r);
    buf_t c = { 0 }, kw[2] = { { 0 }, { 0 } };
    state_t st = { lid, { 0 }, -1, -1, { { 0 }, { 0 } }, 0, 0 };
    int rc = SL_OK, seen_body = 0, nheads = 0, kw_open = -1;
    if (clean(text, len, &c))
        goto nomem;

    const char *p = c.s ? c.s : "", *end = p + c.n;
    int meta = 1;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p;
        size_t n = (size_t)(le - p);
        p = nl ? nl + 1 : end;
        while (n && isspace((unsigned char)*s)) { s++; n--; }
        while (n && isspace((unsigned char)s[n - 1])) n--;
        size_t rest;
        int kind = classify(s, n, &rest);
        if (meta && kind == L_TEXT) {
            /* metadata before the body: title, author, URL lines */
            if (!r->title[0] && !seen_body && (memmem(s, n, " = ", 3) || memmem(s, n, " / ", 3))) {
                if (title_line(r, s, n)) goto nomem;
                continue;
            }
            if (n > 8 && strncmp(s + n - 8, ", author", 8) == 0) {
                if (!r->author && set_span(&r->author, s, s + n - 8)) goto nomem;
                continue;
            }
            const char *u = memmem(s, n, "://", 3);
            if (u && (n < 120 || memmem(s, n, "Deskripsi", 9))) {
                const char *a = u, *b = u;
                while (a > s && a[-1] != '<' && a[-1] != ' ') a--;
                while (b < s + n && *b != '>' && *b != ' ') b++;
                if (set_span(&r->url, a, b)) goto nomem;
                continue;
            }
        }
        if (kind != L_BLANK)
            meta = 0;
        if (kind == L_KW_ID || kind == L_KW_EN) {
            if (flush(&st)) goto nomem;
            int l = kind == L_KW_ID ? 0 : 1;
            if (kw[l].n && put(&kw[l], " ", 1)) goto nomem;
            if (put(&kw[l], s, n)) goto nomem;
            kw_open = l;
            continue;
        }
        if (kind == L_TEXT && kw_open >= 0) {
            /* a keyword line wrapped onto the next line */
            if (put(&kw[kw_open], " ", 1) || put(&kw[kw_open], s, n)) goto nomem;
            continue;
        }
        kw_open = -1;
        switch (kind) {
        case L_BLANK:
            if (flush(&st)) goto nomem;
            break;
        case L_RULE:
            if (flush(&st)) goto nomem;
            st.hint = -1;
            break;
        case L_HEAD_ID:
        case L_HEAD_EN:
            if (flush(&st)) goto nomem;
            st.hint = kind == L_HEAD_ID ? 0 : 1;
            nheads++;
            if (rest < n) {
                if (put(&st.para, s + rest, n - rest)) goto nomem;
                seen_body = 1;
            }
            break;
        default:
            if ((st.para.n && put(&st.para, "\n", 1)) || put(&st.para, s, n)) goto nomem;
            seen_body = 1;
        }
    }
    if (flush(&st)) goto nomem;
    if (!st.abs[0].n && !st.abs[1].n) {
        rc = sl_error_set(err, SL_EMISSING, name, 0, -1, "no abstract found in the record");
        sl_record_free(r);
        goto cleanup;
    }
    for (int l = 0; l < 2; l++) {
        r->abstract[l] = st.abs[l].s;
        r->keywords[l] = kw[l].s;
        st.abs[l].s = kw[l].s = NULL;
    }
    r->identified = st.overridden || st.guessed || nheads == 0;
    if (st.overridden)
        snprintf(r->note, sizeof r->note,
                 "a heading named the wrong language: text placed by its stop words");
    else if (nheads == 0 || st.guessed)
        snprintf(r->note, sizeof r->note,
                 "abstracts without language headings: languages told apart by stop words");
    if (!r->abstract[0] || !r->abstract[1]) {
        size_t k = strlen(r->note);
        snprintf(r->note + k, sizeof r->note - k, "%sno %s abstract found", k ? "; " : "",
                 r->abstract[0] ? "English" : "Indonesian");
    }
    goto cleanup;
nomem:
    rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    sl_record_free(r);
cleanup:
    free(c.s);
    free(st.para.s);
    for (int l = 0; l < 2; l++) {
        free(st.abs[l].s);
        free(kw[l].s);
    }
    return rc;
}

void sl_record_free(sl_record *r)
{
    if (!r)
        return;
    for (int l = 0; l < 2; l++) {
        free(r->title[l]);
        free(r->abstract[l]);
        free(r->keywords[l]);
    }
    free(r->author);
    free(r->url);
    memset(r, 0, sizeof *r);
}
