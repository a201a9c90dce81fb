/* record.c — reading catalogue records.
 *
 * The lines before the abstract (title, author, URL, a result list's
 * framing) and the metadata lines after it (meta.h) are set apart first;
 * the quotes around the abstract come off. The body between is cut into
 * blocks at headings and <hr /> rules; a paragraph that holds both
 * abstracts is cut where the language turns (langrun.h); otherwise each
 * paragraph goes to the language its heading names, unless the stop-word
 * profile clearly says otherwise (or there is no heading), in which case
 * the record says so in its note. Keyword lines go to the language their
 * label names. */
#define _GNU_SOURCE /* memmem */
#include "selaras/record.h"
#include "selaras/langrun.h"
#include "selaras/meta.h"
#include "selaras/rules.h"
#include "selaras/text.h"

#include <ctype.h>
#include <pthread.h>
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

/* A '?' that stands for a lost apostrophe ("author?s", "don?t", "we?re"):
 * the length of the contraction after it, else 0. Only a letter before and
 * an English contraction after, then no letter, qualify: a real question
 * mark ends a sentence ("apa?" then a space, or a capital when glued), and
 * URLs ("page?s=2") are left alone. */
static size_t apostrophe(const char *t, size_t len, size_t i)
{
    static const char *const tails[] = { "s", "t", "ll", "re", "ve", "m", "d", NULL };
    if (i == 0 || !isalpha((unsigned char)t[i - 1]))
        return 0;
    for (int k = 0; tails[k]; k++) {
        size_t n = strlen(tails[k]);
        if (i + 1 + n > len || memcmp(t + i + 1, tails[k], n) != 0 ||
            (i + 1 + n < len && isalpha((unsigned char)t[i + 1 + n])))
            continue;
        if (tails[k][0] == 't' && t[i - 1] != 'n')
            return 0; /* "n't" only */
        for (size_t a = i; a > 0 && !isspace((unsigned char)t[a - 1]); a--)
            if (strchr("/=&@", t[a - 1]))
                return 0;
        for (size_t b = i + 1 + n; b < len && !isspace((unsigned char)t[b]); b++)
            if (strchr("/=&@", t[b]))
                return 0;
        return n;
    }
    return 0;
}

/* Copies text with markup remnants removed: <br> becomes a line break,
 * <hr /> a line of its own "<hr>", other tags and ** or __ runs vanish.
 * Autolinks <https://...> are kept. A '?' standing for an apostrophe
 * becomes one again, a no-break space a space. */
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
        size_t q;
        if ((unsigned char)t[i] >= 0x80 && (q = sl_utf8_space_len(t, len, i))) {
            /* a no-break or other wide space (a page copied from a
             * browser): a plain one, for every rule that reads blanks */
            if (put(out, " ", 1)) return -1;
            i += q;
            continue;
        }
        if (t[i] == '?' && (q = apostrophe(t, len, i))) {
            if (put(out, "'", 1) || put(out, t + i + 1, q)) return -1;
            i += 1 + q;
            continue;
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

/* The heading and label words are language data (src/rules/record.txt);
 * each section is found once. */
enum { W_HEAD_ID, W_HEAD_EN, W_KW_ID, W_KW_EN, W_COUNT };
static const char *layout_words[W_COUNT];
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

static void words_find(void)
{
    static const char *const names[W_COUNT] = { "heading id", "heading en", "keywords id",
                                                "keywords en" };
    const char *text = sl_rules_builtin("record");
    for (int k = 0; k < W_COUNT; k++)
        layout_words[k] = text ? sl_rules_section(text, names[k]) : NULL;
}

/* Length of the heading or label word at s when it is one of section
 * list's items (case insensitive, a non-letter after it), else 0. */
static size_t starts_with(const char *s, size_t n, int list)
{
    pthread_once(&words_once, words_find);
    return sl_rules_section_prefix(layout_words[list], s, n);
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
    if ((w = starts_with(s, n, W_KW_ID)))
        kind = L_KW_ID;
    else if ((w = starts_with(s, n, W_KW_EN)))
        kind = L_KW_EN;
    if (kind != L_TEXT) {
        size_t k = w;
        while (k < n && s[k] == ' ') k++;
        return k < n && (s[k] == ':' || s[k] == '-' || (unsigned char)s[k] == 0xE2) ? kind : L_TEXT;
    }
    if ((w = starts_with(s, n, W_HEAD_ID)))
        kind = L_HEAD_ID;
    else if ((w = starts_with(s, n, W_HEAD_EN)))
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
    /* "ABSTRAK Penelitian ini ...": the heading in capitals glued to the
     * first sentence, as quoted abstracts of a result list have it (the
     * long words only: "SARI Dewi" is a name) */
    if (w >= 8 && k == w + 1 && s[w] == ' ' && k + 1 < n && isupper((unsigned char)s[k]) &&
        islower((unsigned char)s[k + 1])) {
        int caps = 1;
        for (size_t i = 0; i < w; i++)
            caps &= isupper((unsigned char)s[i]) != 0;
        if (caps) {
            *rest = k;
            return kind;
        }
    }
    return L_TEXT;
}

/* ---- wrappers --------------------------------------------------------- */

/* Length of the straight or curly double quote at s[i], or 0. */
static size_t dquote(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '"')
        return 1;
    if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D))
        return 3;
    return 0;
}

/* Length of the double quote that ends s, or 0. */
static size_t dquote_end(const char *s, size_t n)
{
    if (n && s[n - 1] == '"')
        return 1;
    return n >= 3 && dquote(s, n, n - 3) == 3 ? 3 : 0;
}

static size_t count(const char *s, size_t n, const char *pat)
{
    size_t k = 0, m = strlen(pat);
    for (const char *p = s; (p = memmem(p, (size_t)(s + n - p), pat, m)); p += m)
        k++;
    return k;
}

/* Length of a run of four or more dots (or ellipsis characters) that ends
 * s, or 0. */
static size_t trailing_dots(const char *s, size_t n)
{
    size_t j = n, worth = 0;
    while (j) {
        if (s[j - 1] == '.') {
            worth++;
            j--;
        } else if (j >= 3 && memcmp(s + j - 3, "\xE2\x80\xA6", 3) == 0) {
            worth += 3;
            j -= 3;
        } else {
            break;
        }
    }
    return worth >= 4 ? n - j : 0;
}

/* Is s wrapped whole in the pair open ... close, with no other of either
 * inside? A quoted piece must hold more than one sentence to be wrapped
 * (one quoted sentence on its own is a quotation). */
static int wrapped(const char *s, size_t n, const char *open, const char *close, int sentences)
{
    size_t a = strlen(open), b = strlen(close);
    if (n < a + b || memcmp(s, open, a) != 0 || memcmp(s + n - b, close, b) != 0)
        return 0;
    const char *in = s + a;
    size_t m = n - a - b;
    if (memmem(in, m, open, a) || memmem(in, m, close, b))
        return 0;
    if (!sentences)
        return 1;
    size_t ends = 0;
    for (size_t i = 0; i + 1 < m; i++)
        ends += (in[i] == '.' || in[i] == '?' || in[i] == '!') && isspace((unsigned char)in[i + 1]);
    return ends >= 1;
}

/* Removes from the ends of a piece of abstract what wraps it rather than
 * belongs to it: blanks, the dot runs catalogue pages put between two
 * abstracts, and quotes or brackets it leaves unbalanced ('"[Penelitian
 * ini ...', '... the data."' once the pair around both abstracts was cut
 * apart), or that wrap all of it ("[...]"). A quotation the text opens
 * and closes stays. */
static void unwrap(const char **ps, size_t *pn)
{
    static const char lq[] = "\xE2\x80\x9C", rq[] = "\xE2\x80\x9D";
    const char *s = *ps;
    size_t n = *pn, d;
    for (int changed = 1; changed;) {
        changed = 0;
        while (n && isspace((unsigned char)*s)) {
            s++;
            n--;
        }
        while (n && isspace((unsigned char)s[n - 1]))
            n--;
        if ((d = sl_langrun_dots(s, n, 0))) {
            s += d;
            n -= d;
            changed = 1;
        } else if ((d = trailing_dots(s, n))) {
            /* "... the data......" keeps its own full stop, "S…." its
             * ellipsis, whole */
            n -= d;
            if (n && isalnum((unsigned char)s[n - 1]))
                n += s[n] == '.' ? 1 : 3;
            changed = 1;
        } else if (n && *s == '"' && count(s, n, "\"") % 2) {
            s++;
            n--;
            changed = 1;
        } else if (n >= 3 && memcmp(s, lq, 3) == 0 && count(s, n, lq) > count(s, n, rq)) {
            s += 3;
            n -= 3;
            changed = 1;
        } else if (n && *s == '[' && count(s, n, "[") > count(s, n, "]")) {
            s++;
            n--;
            changed = 1;
        } else if (n && s[n - 1] == '"' && count(s, n, "\"") % 2) {
            n--;
            changed = 1;
        } else if (n >= 3 && memcmp(s + n - 3, rq, 3) == 0 && count(s, n, rq) > count(s, n, lq)) {
            n -= 3;
            changed = 1;
        } else if (n && s[n - 1] == ']' && count(s, n, "]") > count(s, n, "[")) {
            n--;
            changed = 1;
        } else if (n > 2 && wrapped(s, n, "[", "]", 0)) {
            s++;
            n -= 2;
            changed = 1;
        } else if (n > 2 && wrapped(s, n, "\"", "\"", 1)) {
            s++;
            n -= 2;
            changed = 1;
        } else if (n > 6 && wrapped(s, n, lq, rq, 1)) {
            s += 3;
            n -= 6;
            changed = 1;
        }
    }
    *ps = s;
    *pn = n;
}

/* ---- parsing ----------------------------------------------------------- */

/* A line of the cleaned record, trimmed. */
typedef struct {
    const char *s;
    size_t n, rest; /* rest: see classify */
    int kind;       /* L_* */
    int meta;       /* enum sl_meta_kind, for a text line */
} line_t;

/* Parsing state: the paragraph being read, the language its block's
 * heading names, and what went to each language so far. */
typedef struct {
    const sl_langid *lid;
    buf_t para;
    int hint;      /* 0 id, 1 en, -1 no heading */
    int prev_lang; /* language of the previous paragraph */
    buf_t abs[2];
    int overridden, guessed, split;
} state_t;

/* Appends a piece of abstract to a language, unwrapped. */
static int send(state_t *st, int lang, const char *s, size_t n)
{
    unwrap(&s, &n);
    if (!n)
        return 0;
    if ((st->abs[lang].n && put(&st->abs[lang], "\n\n", 2)) || put(&st->abs[lang], s, n))
        return -1;
    st->prev_lang = lang;
    return 0;
}

/* Sends the open paragraph to a language. A paragraph that holds both
 * abstracts (the language changes inside it, see langrun.h) is cut there
 * and each part goes to its own. Otherwise it goes to the heading's
 * language, unless the stop words clearly say otherwise; with no heading
 * and too few stop words (a fragment of a broken sentence), to the
 * previous paragraph's. */
static int flush(state_t *st)
{
    if (!st->para.n)
        return 0;
    sl_langrun *runs;
    size_t nr;
    int rc = 0;
    if (sl_langrun_cut(st->lid, st->para.s, st->para.n,
                       st->hint >= 0 ? st->hint : st->prev_lang, &runs, &nr))
        return -1;
    if (nr > 1) {
        st->split = 1;
        for (size_t k = 0; !rc && k < nr; k++)
            rc = send(st, runs[k].lang, st->para.s + runs[k].off, runs[k].len);
    } else {
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
        rc = send(st, lang, st->para.s, st->para.n);
    }
    free(runs);
    st->para.n = 0;
    return rc;
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

/* The URL of a "Deskripsi Lengkap: <https://...>" line (or of any short
 * line holding one) into r->url. Returns 1 when the line was one, 0 when
 * not, -1 when out of memory. */
static int url_line(sl_record *r, const char *s, size_t n)
{
    const char *u = memmem(s, n, "://", 3);
    if (!u || !(n < 120 || memmem(s, n, "Deskripsi", 9)))
        return 0;
    const char *a = u, *b = u;
    while (a > s && a[-1] != '<' && a[-1] != ' ') a--;
    while (b < s + n && *b != '>' && *b != ' ') b++;
    return set_span(&r->url, a, b) ? -1 : 1;
}

/* Does the line end a text: a final mark, a closing quote or bracket? */
static int ends_text(const line_t *l)
{
    if (!l->n)
        return 0;
    unsigned char c = (unsigned char)l->s[l->n - 1];
    return c == '.' || c == '?' || c == '!' || c == ')' || c == ']' ||
           dquote_end(l->s, l->n) || trailing_dots(l->s, l->n);
}

static size_t next_line(const line_t *L, size_t nl, size_t i)
{
    while (i < nl && L[i].kind == L_BLANK)
        i++;
    return i;
}

/* Where the abstract opens: the first heading, or the first line that
 * starts with a double quote (a result list quotes the abstract), before
 * any metadata line of a record's end. nl when there is none. */
static size_t opener(const line_t *L, size_t nl)
{
    for (size_t i = 0; i < nl; i++) {
        if (L[i].kind == L_HEAD_ID || L[i].kind == L_HEAD_EN)
            return i;
        if (L[i].kind != L_TEXT)
            continue;
        if (L[i].meta == SL_META_PUBLISHER || L[i].meta == SL_META_COLLECTION)
            return nl;
        if (dquote(L[i].s, L[i].n, 0))
            return i;
    }
    return nl;
}

/* Could the line be a title without its translation: no final mark, not
 * too long, and an author line or the abstract right after it? */
static int lone_title(const line_t *L, size_t nl, size_t i, size_t o)
{
    const line_t *l = &L[i];
    unsigned char last = (unsigned char)l->s[l->n - 1];
    if (last == '.' || last == '!' || l->n > 300)
        return 0;
    size_t j = next_line(L, nl, i + 1);
    return j == o || (j < nl && L[j].kind == L_TEXT && sl_meta_name(L[j].s, L[j].n));
}

/* Is the line the one right before the abstract's opening quote or
 * heading, and short and plain enough to be the author line whatever the
 * name looks like ("nurul hidayah", "Ma?ruf")? */
static int author_before(const line_t *L, size_t nl, size_t i, size_t o)
{
    const line_t *l = &L[i];
    if (o >= nl || next_line(L, nl, i + 1) != o || l->n > 60)
        return 0;
    unsigned char last = (unsigned char)l->s[l->n - 1];
    if (strchr(".?!:;,\"", last))
        return 0;
    size_t words = 0;
    for (size_t k = 0; k < l->n; k++) {
        if (isdigit((unsigned char)l->s[k]))
            return 0;
        words += l->s[k] != ' ' && (k == 0 || l->s[k - 1] == ' ');
    }
    return words <= 6;
}

/* Reads the lines before the abstract: the title line, author and URL
 * lines, a result list's framing and its author line (a name on a line of
 * its own), a title without its translation. Returns the index of the
 * body's first line; (size_t)-1 when out of memory. */
static size_t header(sl_record *r, const line_t *L, size_t nl, const sl_langid *lid)
{
    size_t o = opener(L, nl);
    for (size_t i = 0; i < nl; i++) {
        const line_t *l = &L[i];
        const char *s = l->s;
        size_t n = l->n;
        if (l->kind == L_BLANK)
            continue;
        if (i == o || l->kind != L_TEXT)
            return i;
        if (l->meta == SL_META_FRAME || l->meta == SL_META_COVER)
            continue;
        if (!r->title[0] && !r->title[1] && (memmem(s, n, " = ", 3) || memmem(s, n, " / ", 3))) {
            if (title_line(r, s, n))
                return (size_t)-1;
            continue;
        }
        if (n > 8 && strncmp(s + n - 8, ", author", 8) == 0) {
            if (!r->author && set_span(&r->author, s, s + n - 8))
                return (size_t)-1;
            continue;
        }
        int u = url_line(r, s, n);
        if (u < 0)
            return (size_t)-1;
        if (u)
            continue;
        if (sl_meta_name(s, n) || (!r->author && author_before(L, nl, i, o))) {
            if (!r->author && set_span(&r->author, s, s + n))
                return (size_t)-1;
            continue;
        }
        if (o < nl && !r->title[0] && !r->title[1] && lone_title(L, nl, i, o)) {
            int k = sl_langid_guess(lid, s, n, NULL) == 1;
            if (set_span(&r->title[k], s, s + n))
                return (size_t)-1;
            continue;
        }
        return i;
    }
    return nl;
}

/* Where the body ends and the metadata of a result entry begins: the
 * first place/publisher, collection or framing line; the line after the
 * quote that closes a quoted abstract; and before either, a format line or
 * a short reference after the abstract's last sentence. The quotes around
 * the abstract are taken off its first and last lines. */
static size_t tail(line_t *L, size_t nl, size_t b)
{
    size_t t = nl;
    for (size_t i = b; i < nl; i++)
        if (L[i].kind == L_TEXT && L[i].meta != SL_META_TEXT && L[i].meta != SL_META_FORMAT) {
            t = i;
            break;
        }
    size_t q = next_line(L, nl, b);
    while (q < t && L[q].kind != L_TEXT && L[q].kind != L_BLANK)
        q = next_line(L, nl, q + 1); /* "Abstrak :" before the quoted text */
    size_t k;
    if (q < t && L[q].kind == L_TEXT && (k = dquote(L[q].s, L[q].n, 0))) {
        L[q].s += k;
        L[q].n -= k;
        /* '"ABSTRAK', '"[ABSTRAK ...': a heading once the quote is off */
        size_t br = L[q].n && L[q].s[0] == '[';
        int kind = classify(L[q].s + br, L[q].n - br, &L[q].rest);
        if (kind == L_HEAD_ID || kind == L_HEAD_EN) {
            L[q].s += br;
            L[q].n -= br;
            L[q].kind = kind;
        } else {
            L[q].rest = L[q].n;
        }
        /* the closing quote: the first line that ends with one once the
         * quotes so far pair up (the opening one counted) */
        size_t quotes = 1;
        for (size_t i = q; i < t; i++) {
            for (size_t j = 0; j < L[i].n; j += k ? k : 1)
                quotes += (k = dquote(L[i].s, L[i].n, j)) != 0;
            if (quotes % 2 == 0 && L[i].kind != L_BLANK && (k = dquote_end(L[i].s, L[i].n))) {
                /* text after it: each abstract had its own quotes
                 * ("..."\n\n"..."), which unwrap takes off */
                size_t j = next_line(L, nl, i + 1);
                if (j < t && L[j].kind == L_TEXT && L[j].meta == SL_META_TEXT &&
                    !sl_meta_citation(L[j].s, L[j].n))
                    continue;
                L[i].n -= k;
                t = i + 1;
                break;
            }
        }
    }
    /* a format line or a reference ("JJJ 25(2-3) 2008") between the last
     * sentence and the metadata; at the very end of a record, a format
     * line only (a reference could be the abstract's own last line) */
    for (int back = 0; back < 2; back++) {
        size_t j = t;
        while (j > b && L[j - 1].kind == L_BLANK)
            j--;
        if (j <= b || L[j - 1].kind != L_TEXT)
            break;
        const line_t *l = &L[j - 1];
        if (!(l->meta == SL_META_FORMAT || (t < nl && sl_meta_citation(l->s, l->n))))
            break;
        size_t p = j - 1;
        while (p > b && L[p - 1].kind == L_BLANK)
            p--;
        if (p <= b || !ends_text(&L[p - 1]))
            break;
        t = j - 1;
    }
    return t;
}

/* A span with its runs of blanks made single spaces, into *field. */
static int set_collapsed(char **field, const char *s, size_t n)
{
    if (set_span(field, s, s + n))
        return -1;
    char *o = *field;
    for (char *i = *field; i && *i; i++)
        if (!(*i == ' ' && o > *field && o[-1] == ' '))
            *o++ = *i == '\t' ? ' ' : *i;
    if (o)
        *o = '\0';
    return 0;
}

/* The metadata lines after the body: place, publisher and year, format
 * or call number, collection (the first of each). */
static int trailer(sl_record *r, const line_t *L, size_t t, size_t nl)
{
    for (size_t i = t; i < nl; i++) {
        const line_t *l = &L[i];
        if (l->kind != L_TEXT)
            continue;
        sl_span place, pub, year, coll;
        if (l->meta == SL_META_PUBLISHER && !r->year &&
            sl_meta_publisher(l->s, l->n, &place, &pub, &year)) {
            if (set_collapsed(&r->place, place.s, place.len) ||
                set_collapsed(&r->faculty, pub.s, pub.len) ||
                set_span(&r->year, year.s, year.s + year.len))
                return -1;
        } else if (l->meta == SL_META_FORMAT && !r->format) {
            if (set_span(&r->format, l->s, l->s + l->n))
                return -1;
        } else if (l->meta == SL_META_COLLECTION && !r->collection &&
                   sl_meta_collection(l->s, l->n, &coll)) {
            if (set_collapsed(&r->collection, coll.s, coll.len))
                return -1;
        } else if (!r->url && url_line(r, l->s, l->n) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Does a line after a keyword line go on with the keywords? Not when it
 * reads as sentences (a sentence end inside, or the function words of
 * running text): the other abstract, with only a line break before it. */
static int keywords_go_on(const sl_langid *lid, const char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++)
        if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
            isupper((unsigned char)s[i + 2]))
            return 0;
    double sc[2];
    sl_langid_score(lid, s, n, sc);
    return sc[0] + sc[1] < 4;
}

/* The cleaned text as trimmed, classified lines. */
static int split_lines(const char *p, size_t len, line_t **out, size_t *nl)
{
    const char *end = p + len;
    size_t cap = 0;
    *out = NULL;
    *nl = 0;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        const char *le = e ? e : end;
        const char *s = p;
        size_t n = (size_t)(le - p);
        p = e ? e + 1 : end;
        while (n && isspace((unsigned char)*s)) { s++; n--; }
        while (n && isspace((unsigned char)s[n - 1])) n--;
        if (*nl == cap) {
            cap = cap ? cap * 2 : 64;
            line_t *v = realloc(*out, cap * sizeof *v);
            if (!v)
                return -1;
            *out = v;
        }
        line_t *l = &(*out)[(*nl)++];
        l->s = s;
        l->n = n;
        l->kind = classify(s, n, &l->rest);
        l->meta = l->kind == L_TEXT ? sl_meta_class(s, n) : SL_META_TEXT;
    }
    return 0;
}

int sl_record_parse(const char *text, size_t len, const char *name, const sl_langid *lid,
                    sl_record *r, sl_error *err)
{
    memset(r, 0, sizeof *r);
    buf_t c = { 0 }, kw[2] = { { 0 }, { 0 } };
    state_t st = { lid, { 0 }, -1, -1, { { 0 }, { 0 } }, 0, 0, 0 };
    line_t *L = NULL;
    size_t nl = 0;
    int rc = SL_OK, nheads = 0, kw_open = -1;
    if (clean(text, len, &c) || split_lines(c.s ? c.s : "", c.n, &L, &nl))
        goto nomem;
    size_t b = header(r, L, nl, lid);
    if (b == (size_t)-1)
        goto nomem;
    size_t t = tail(L, nl, b);
    for (size_t i = b; i < t; i++) {
        const char *s = L[i].s;
        size_t n = L[i].n, rest = L[i].rest;
        int kind = L[i].kind;
        if (kind == L_KW_ID || kind == L_KW_EN) {
            if (flush(&st)) goto nomem;
            int l = kind == L_KW_ID ? 0 : 1;
            if (kw[l].n && put(&kw[l], " ", 1)) goto nomem;
            if (put(&kw[l], s, n)) goto nomem;
            kw_open = l;
            continue;
        }
        if (kind == L_TEXT && kw_open >= 0 && keywords_go_on(lid, s, n)) {
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
            if (rest < n && put(&st.para, s + rest, n - rest)) goto nomem;
            break;
        default:
            if ((st.para.n && put(&st.para, "\n", 1)) || put(&st.para, s, n)) goto nomem;
        }
    }
    if (flush(&st) || trailer(r, L, t, nl)) goto nomem;
    if (!st.abs[0].n && !st.abs[1].n) {
        rc = sl_error_set(err, SL_EMISSING, name, 0, -1, "no abstract found in the record");
        sl_record_free(r);
        goto cleanup;
    }
    for (int l = 0; l < 2; l++) {
        r->abstract[l] = st.abs[l].s;
        r->keywords[l] = kw[l].s;
        st.abs[l].s = kw[l].s = NULL;
        if (r->keywords[l]) { /* a quote the pair's wrapper left on them */
            const char *k = r->keywords[l];
            size_t n = strlen(k);
            unwrap(&k, &n);
            memmove(r->keywords[l], k, n);
            r->keywords[l][n] = '\0';
        }
    }
    r->split = st.split;
    r->identified = st.overridden || st.guessed || st.split || nheads == 0;
    /* a cut says how the languages were told apart: it needs no word
     * about missing headings besides */
    if (st.overridden)
        snprintf(r->note, sizeof r->note,
                 "a heading named the wrong language: text placed by its stop words");
    else if ((nheads == 0 || st.guessed) && !st.split)
        snprintf(r->note, sizeof r->note,
                 "abstracts without language headings: languages told apart by stop words");
    if (st.split) {
        size_t k = strlen(r->note);
        snprintf(r->note + k, sizeof r->note - k,
                 "%sboth abstracts in one block: cut where the language changes (stop words)",
                 k ? "; " : "");
    }
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
    free(L);
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
    free(r->place);
    free(r->faculty);
    free(r->year);
    free(r->collection);
    free(r->format);
    memset(r, 0, sizeof *r);
}
