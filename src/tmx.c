/* tmx.c — TMX 1.4b output that CAT tools (OmegaT, Trados, memoQ, Okapi)
 * accept: every unit has both languages, no <seg> is empty (OmegaT would
 * insert an empty translation), text is plain and XML-clean. */
#include "selaras/tmx.h"
#include "selaras/text.h"

#include <string.h>

/* Is the code point at s[i] (length *adv) one XML must not carry? */
static int forbidden(const char *s, size_t len, size_t i, size_t *adv)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *adv = 1;
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }
    unsigned cp = sl_utf8_decode(s + i, len - i, adv);
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bytes that go out as they are: printable ASCII but the five XML
 * specials, and the bytes of multi-byte characters (checked one by one
 * below only where a C1 control or U+FFFE/U+FFFF could start). A table:
 * this test runs on every byte of the output. */
static const unsigned char plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 10 */
    0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, /* 20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, /* 30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 50 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* A0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* B0 */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* C0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* D0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* E0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* F0 */
};

static int plain(unsigned char c) { return plain_byte[c]; }

/* Writes one character of adv bytes, escaped for XML: the bytes written. */
static size_t put_char(FILE *f, const char *c, size_t adv)
{
    const char *e = NULL;
    switch (*c) {
    case '&': e = "&amp;"; break;
    case '<': e = "&lt;"; break;
    case '>': e = "&gt;"; break;
    case '"': e = "&quot;"; break;
    case '\'': e = "&apos;"; break;
    }
    if (e) {
        fputs(e, f);
        return strlen(e);
    }
    fwrite(c, 1, adv, f);
    return adv;
}

/* The end of the run of plain bytes at i, single spaces between words
 * included: what can go out in one write (i when there is none). */
static size_t plain_run(const char *s, size_t len, size_t i)
{
    size_t j = i;
    for (;;) {
        if (j < len && plain((unsigned char)s[j]))
            j++;
        else if (j > i && j + 1 < len && s[j] == ' ' && plain((unsigned char)s[j + 1]))
            j += 2; /* a single space between words needs no collapsing */
        else
            return j;
    }
}

size_t sl_xml_text(FILE *f, const char *s, size_t len)
{
    size_t out = 0, adv;
    int pending = 0; /* a space to write before the next visible character */
    for (size_t i = 0; i < len; i += adv) {
        /* a run of plain bytes in one write: the common case by far */
        size_t j = plain_run(s, len, i);
        if (j == i) {
            if (forbidden(s, len, i, &adv))
                continue;
            if (is_space((unsigned char)s[i])) {
                pending = out > 0;
                continue;
            }
        }
        if (pending) {
            fputc(' ', f);
            out++;
            pending = 0;
        }
        if (j > i) {
            fwrite(s + i, 1, j - i, f);
            out += j - i;
            adv = j - i;
        } else {
            out += put_char(f, s + i, adv);
        }
    }
    return out;
}

size_t sl_xml_verbatim(FILE *f, const char *s, size_t len)
{
    size_t out = 0, adv;
    for (size_t i = 0; i < len; i += adv) {
        size_t j = plain_run(s, len, i);
        if (j > i) {
            fwrite(s + i, 1, j - i, f);
            out += j - i;
            adv = j - i;
            continue;
        }
        if (forbidden(s, len, i, &adv))
            continue;
        if (is_space((unsigned char)s[i])) {
            /* a run of blanks (forbidden characters in it dropped): kept as
             * it is, one space if it holds a line break, nothing at the ends */
            size_t e = i, a;
            int brk = 0;
            while (e < len && (is_space((unsigned char)s[e]) || forbidden(s, len, e, &a))) {
                brk |= s[e] == '\n' || s[e] == '\r';
                e += is_space((unsigned char)s[e]) ? 1 : a;
            }
            adv = e - i;
            if (!out || e == len)
                continue;
            if (brk) {
                fputc(' ', f);
                out++;
                continue;
            }
            for (size_t k = i; k < e; k += a)
                if (!forbidden(s, len, k, &a)) {
                    fputc(s[k], f);
                    out++;
                }
            continue;
        }
        out += put_char(f, s + i, adv);
    }
    return out;
}

int sl_xml_nonempty(const char *s, size_t len)
{
    size_t adv;
    for (size_t i = 0; i < len; i += adv)
        if (!forbidden(s, len, i, &adv) && !is_space((unsigned char)s[i]))
            return 1;
    return 0;
}

int sl_tmx_begin(FILE *f, const sl_tmx_opts *o)
{
    char date[32];
    struct tm tm;
    gmtime_r(&o->created, &tm);
    strftime(date, sizeof date, "%Y%m%dT%H%M%SZ", &tm);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<tmx version=\"1.4\">\n"
          "  <header creationtool=\"selaras\" creationtoolversion=\"", f);
    sl_xml_text(f, o->version, strlen(o->version));
    fputs("\" segtype=\"sentence\" o-tmf=\"selaras\" adminlang=\"en\" srclang=\"", f);
    sl_xml_text(f, o->lang[0], strlen(o->lang[0]));
    fprintf(f, "\" datatype=\"plaintext\" creationdate=\"%s\"/>\n  <body>\n", date);
    return ferror(f) ? -1 : 0;
}

static void prop(FILE *f, const char *type, const char *value)
{
    if (!value || !sl_xml_nonempty(value, strlen(value)))
        return;
    fputs("      <prop type=\"", f);
    fputs(type, f);
    fputs("\">", f);
    sl_xml_text(f, value, strlen(value));
    fputs("</prop>\n", f);
}

static void tuv(FILE *f, const char *lang, const char *text, int verbatim)
{
    fputs("      <tuv xml:lang=\"", f);
    sl_xml_text(f, lang, strlen(lang));
    fputs("\"><seg>", f);
    (verbatim ? sl_xml_verbatim : sl_xml_text)(f, text, strlen(text));
    fputs("</seg></tuv>\n", f);
}

size_t sl_tmx_doc(FILE *f, const sl_tmx_opts *o, const sl_doc *d)
{
    static const char *const kinds[] = { "title", "sentence", "keywords" };
    size_t n = 0;
    for (size_t i = 0; i < d->nunits; i++) {
        const sl_unit *u = &d->units[i];
        if (!u->src || !u->tgt || !sl_xml_nonempty(u->src, strlen(u->src)) ||
            !sl_xml_nonempty(u->tgt, strlen(u->tgt)) || u->bead.conf < o->min_conf)
            continue;
        char bead[32], conf[16];
        snprintf(bead, sizeof bead, "%zu-%zu", u->bead.ni, u->bead.nj);
        snprintf(conf, sizeof conf, "%.3f", u->bead.conf);
        fputs("    <tu>\n", f);
        prop(f, "x-document", d->name);
        prop(f, "x-unit", kinds[u->kind]);
        if (u->kind == SL_UNIT_SENTENCE) {
            prop(f, "x-bead", bead);
            prop(f, "x-confidence", conf);
        }
        prop(f, "x-url", d->rec.url);
        prop(f, "x-author", d->rec.author);
        prop(f, "x-faculty", d->rec.faculty);
        prop(f, "x-year", d->rec.year);
        prop(f, "x-collection", d->rec.collection);
        tuv(f, o->lang[0], u->src, o->verbatim);
        tuv(f, o->lang[1], u->tgt, o->verbatim);
        fputs("    </tu>\n", f);
        n++;
    }
    return n;
}

int sl_tmx_end(FILE *f)
{
    fputs(SL_TMX_TAIL, f);
    return ferror(f) ? -1 : 0;
}
