/* meta.c — catalogue metadata lines.
 *
 * Records copied from the catalogue's search results carry, around the
 * abstract, lines that are no sentence of either language: the page's
 * framing, the place/publisher/year line, a format or call number, the
 * collection. Each class is told by its shape, never by the words of one
 * record (places, faculties and publishers are open sets). The word lists
 * (src/rules/catalogue.txt) are the catalogue's own fixed strings. */
#include "selaras/meta.h"
#include "selaras/rules.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

/* The words of the pages around the records are language data
 * (src/rules/catalogue.txt), each section found once: the lines that frame
 * a page of results and "Ditemukan"/"Found" before a number, collections,
 * the lower-case words of publishers' and personal names, navigation. */
enum { W_FRAME, W_COUNT, W_COLLECTION, W_PUBLISHER, W_NAV, W_PARTICLE, W_NLISTS };
static const char *lists[W_NLISTS];
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void lists_find(void)
{
    static const char *const names[W_NLISTS] = { "frame",     "count",      "collection",
                                                 "publisher", "navigation", "particle" };
    const char *text = sl_rules_builtin("catalogue");
    for (int k = 0; k < W_NLISTS; k++)
        lists[k] = text ? sl_rules_section(text, names[k]) : NULL;
}

/* Trims blanks, the no-break spaces of a page copied from a browser too. */
static void trim(const char **s, size_t *n)
{
    size_t k;
    while (*n && (k = sl_utf8_space_len(*s, *n, 0))) {
        *s += k;
        *n -= k;
    }
    for (int more = 1; more && *n;) {
        more = 0;
        for (k = 1; k <= 3 && k <= *n; k++) {
            /* only where a character starts: 'à' ends in the byte A0 */
            unsigned char c = (unsigned char)(*s)[*n - k];
            if (k == 1 ? c >= 0x80 : (c & 0xC0) != 0xC0)
                continue;
            if (sl_utf8_space_len(*s, *n, *n - k) == k) {
                *n -= k;
                more = 1;
                break;
            }
        }
    }
}

/* Is s (n bytes) one of list, or one of list followed by a non-letter? */
static int starts_any(const char *s, size_t n, int list, size_t *w)
{
    pthread_once(&lists_once, lists_find);
    size_t m = sl_rules_section_prefix(lists[list], s, n);
    if (m && w)
        *w = m;
    return m > 0;
}

static size_t words(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            w++;
    return w;
}

static int has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isdigit((unsigned char)s[i]))
            return 1;
    return 0;
}

/* A word of a title-cased name or publisher: an upper-case ASCII letter,
 * or a letter beyond ASCII (names such as "Ölçer"), first. */
static int capital(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

int sl_meta_publisher(const char *s, size_t n, sl_span *place, sl_span *publisher, sl_span *year)
{
    trim(&s, &n);
    if (n < 8 || n > 250)
        return 0;
    const char *colon = memchr(s, ':', n);
    if (!colon || colon == s)
        return 0;
    /* the year ends the line: "2019", "[2019]", "c2019", "2019." */
    size_t e = n;
    while (e && (s[e - 1] == '.' || s[e - 1] == ']' || s[e - 1] == ' '))
        e--;
    if (e < 4)
        return 0;
    size_t y = e - 4;
    for (size_t i = y; i < e; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    if (!((s[y] == '1' && (s[y + 1] == '8' || s[y + 1] == '9')) ||
          (s[y] == '2' && s[y + 1] == '0')))
        return 0;
    size_t b = y;
    while (b && (s[b - 1] == '[' || s[b - 1] == 'c' || s[b - 1] == ' '))
        b--;
    /* the comma before the year; without it ("Depok: Fakultas Hukum
     * Universitas Indonesia 2019") every word of the publisher must be
     * capitalised */
    int strict = !b || s[b - 1] != ',';
    if (!b || (strict && b == y))
        return 0;
    if (!strict)
        b--;
    /* the place: a few capitalised words, or a bracketed note such as
     * "[Place of publication not identified]" */
    const char *p = s;
    size_t pn = (size_t)(colon - s);
    trim(&p, &pn);
    if (!pn || pn > 60)
        return 0;
    if (p[0] == '[') {
        if (p[pn - 1] != ']')
            return 0;
    } else {
        if (words(p, pn) > 3 || has_digit(p, pn))
            return 0;
        for (size_t i = 0; i < pn; i++)
            if ((i == 0 || p[i - 1] == ' ') && !capital(p + i))
                return 0;
    }
    /* the publisher: mostly capitalised words, no sentence inside */
    const char *q = colon + 1;
    size_t qn = (size_t)(s + b - q);
    if ((size_t)(s + b - colon) < 2)
        return 0;
    trim(&q, &qn);
    size_t nw = words(q, qn);
    if (!qn || qn > 160 || nw > 16)
        return 0;
    size_t caps = 0, alpha = 0, connectors = 0;
    for (size_t i = 0; i < qn; i++) {
        if (i && q[i - 1] != ' ')
            continue;
        size_t w;
        if (starts_any(q + i, qn - i, W_PUBLISHER, &w) && (i + w == qn || q[i + w] == ' '))
            connectors++;
        if (isalpha((unsigned char)q[i]) || (unsigned char)q[i] >= 0xC0) {
            alpha++;
            caps += capital(q + i);
        }
        if (i + 2 < qn && q[i] == '.' && q[i + 1] == ' ' && islower((unsigned char)q[i + 2]))
            return 0;
    }
    if (!alpha || caps * 2 < alpha || (strict && (caps + connectors < alpha || nw < 2)))
        return 0;
    if (place)
        *place = (sl_span){ p, pn };
    if (publisher)
        *publisher = (sl_span){ q, qn };
    if (year)
        *year = (sl_span){ s + y, 4 };
    return 1;
}

int sl_meta_collection(const char *s, size_t n, sl_span *name)
{
    trim(&s, &n);
    if (!n || n > 120)
        return 0;
    static const char lib[] = "Library", uil[] = "Universitas Indonesia Library";
    size_t m = n;
    int found = 0;
    if (n >= sizeof uil - 1 && memcmp(s + n - (sizeof uil - 1), uil, sizeof uil - 1) == 0) {
        m = n - (sizeof uil - 1);
        found = 1;
    } else if (n >= sizeof lib - 1 && memcmp(s + n - (sizeof lib - 1), lib, sizeof lib - 1) == 0 &&
               words(s, n) <= 8 && !memchr(s, '.', n)) {
        /* another library's name, kept whole; title case, so that a line
         * of running text ending in "the University Library" is not one */
        found = 1;
        for (size_t i = 0; i < n; i++)
            if ((i == 0 || s[i - 1] == ' ') && s[i] != ' ' && s[i] != '-' && !capital(s + i))
                found = 0;
    }
    size_t w;
    if (!found && n > 5 && strncmp(s, "UI -", 4) == 0 && words(s, n) <= 6)
        found = 1;
    if (!found && n <= 40 && capital(s) && starts_any(s, n, W_COLLECTION, &w)) {
        /* "Buku Teks", or with a short mark after it ("Buku Teks SO") */
        size_t extra = words(s + w, n - w), ok = 1;
        for (size_t i = w; i < n; i++)
            if (s[i - 1] == ' ' && s[i] != ' ' && !capital(s + i))
                ok = 0;
        found = ok && extra <= 2;
    }
    if (!found)
        return 0;
    const char *v = s;
    trim(&v, &m);
    if (!m) { /* the library's name alone */
        v = s;
        m = n;
    }
    if (name)
        *name = (sl_span){ v, m };
    return 1;
}

/* "T-Pdf", "AJ-Pdf"; "S68893", "T-12345"; a shelf mark "658.4 SIM m". */
static int format_line(const char *s, size_t n)
{
    if (n > 24)
        return 0;
    /* one token, or a letter mark and a number ("T 28812") */
    const char *sp = memchr(s, ' ', n);
    size_t at = sp ? (size_t)(sp - s) : n;
    if (!sp || (at <= 3 && isdigit((unsigned char)s[n - 1]) && !memchr(sp + 1, ' ', n - at - 1))) {
        const char *dash = memchr(s, '-', n);
        if (dash && n - (size_t)(dash - s) == 4 && strncasecmp(dash + 1, "pdf", 3) == 0 &&
            dash > s && dash - s <= 4) {
            for (const char *c = s; c < dash; c++)
                if (!isalpha((unsigned char)*c))
                    return 0;
            return 1;
        }
        size_t i = 0;
        while (i < n && isupper((unsigned char)s[i]))
            i++;
        if (i < 1 || i > 3)
            return 0;
        if (i < n && (s[i] == '-' || s[i] == ' '))
            i++;
        size_t d = i;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
        return i == n && i - d >= 3;
    }
    /* a classification number, then one to three short marks */
    size_t i = 0;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (i != 3)
        return 0;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && isdigit((unsigned char)s[i]))
            i++;
    }
    if (i >= n || s[i] != ' ')
        return 0;
    size_t marks = 0, upper = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ') {
            if (!isalpha((unsigned char)s[i]))
                return 0;
            i++;
        }
        if (i - b > 4)
            return 0;
        upper += i > b && isupper((unsigned char)s[b]) &&
                 (i - b == 1 || isupper((unsigned char)s[b + 1]));
        marks++;
    }
    /* the author mark is in capitals ("SIM"): "300 m" is a measure */
    return marks >= 1 && marks <= 3 && upper;
}

/* "1 2 3 4 5 Berikutnya »": every word a page number or a navigation word. */
static int navigation(const char *s, size_t n)
{
    if (n > 80)
        return 0;
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i, w;
        while (i < n && s[i] != ' ')
            i++;
        if (i == b)
            break;
        int digits = 1;
        for (size_t k = b; k < i; k++)
            digits &= isdigit((unsigned char)s[k]) != 0;
        if (!digits && !(starts_any(s + b, i - b, W_NAV, &w) && w == i - b))
            return 0;
        words++;
    }
    /* a lone number is a page number only beside navigation words */
    return words > 1 || !isdigit((unsigned char)s[0]);
}

int sl_meta_class(const char *s, size_t n)
{
    trim(&s, &n);
    if (!n)
        return SL_META_TEXT;
    if (navigation(s, n))
        return SL_META_FRAME;
    if (n == 5 && strncasecmp(s, "cover", 5) == 0)
        return SL_META_COVER;
    size_t w;
    if (n < 120 && starts_any(s, n, W_FRAME, NULL) && words(s, n) <= 12)
        return SL_META_FRAME;
    if (n < 160 && starts_any(s, n, W_COUNT, &w)) {
        while (w < n && s[w] == ' ')
            w++;
        if (w < n && isdigit((unsigned char)s[w]))
            return SL_META_FRAME;
    }
    if (sl_meta_collection(s, n, NULL))
        return SL_META_COLLECTION;
    if (sl_meta_publisher(s, n, NULL, NULL, NULL))
        return SL_META_PUBLISHER;
    if (format_line(s, n))
        return SL_META_FORMAT;
    return SL_META_TEXT;
}

int sl_meta_name(const char *s, size_t n)
{
    trim(&s, &n);
    if (!n || n > 80)
        return 0;
    size_t nw = 0, commas = 0, lower = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        const char *t = s + b;
        size_t tn = i - b;
        nw++;
        for (size_t k = 0; k < tn; k++) {
            unsigned char c = (unsigned char)t[k];
            if (c == ',')
                commas++;
            else if (!(isalpha(c) || c >= 0x80 || c == '.' || c == '\'' || c == '-' ||
                       (c == '?' && k > 0 && k + 1 < tn && isalpha((unsigned char)t[k + 1]))))
                return 0; /* digits, colons, quotes, brackets: no name ("Ma?ruf" is one) */
        }
        size_t core = tn;
        while (core && t[core - 1] == ',')
            core--;
        if (!core)
            return 0;
        if (!capital(t)) {
            size_t p;
            if (!starts_any(t, core, W_PARTICLE, &p) || p != core)
                return 0;
            lower++;
        }
    }
    /* "Sari", "Sari Dewi Lestari, S.H., M.H.": a few words, at most a
     * comma for the degrees and one for each of two degrees */
    if (nw > 7 || commas > 3 || lower * 2 > nw)
        return 0;
    /* a sentence that happens to be short ends with a full stop after a
     * word; a name ends with one only after an initial or a degree */
    if (s[n - 1] == '.') {
        size_t b = n - 1;
        while (b && s[b - 1] != ' ')
            b--;
        size_t dots = 0;
        for (size_t i = b; i < n; i++)
            dots += s[i] == '.';
        if (dots < 2 && n - b > 3)
            return 0;
    }
    return 1;
}

int sl_meta_citation(const char *s, size_t n)
{
    trim(&s, &n);
    if (!n || n > 100 || words(s, n) > 12 || !has_digit(s, n))
        return 0;
    unsigned char last = (unsigned char)s[n - 1];
    if (last == '.' || last == '?' || last == '!' || last == '"' || last == ':' || last == ';')
        return 0;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0xA6))
        return 0; /* a closing quote or an ellipsis: the end of a text */
    return 1;
}
