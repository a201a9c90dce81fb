/* text.c — loading text with strict UTF-8 validation; regular files are
 * mapped read-only so that a multi-megabyte input is never copied. A file
 * that fails is named for what it looks like (UTF-16, Latin-1, a PDF...);
 * converting with iconv(3) and repairing happen only when asked for. */
#include "selaras/text.h"
#include "grow.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

size_t sl_utf8_valid_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* ASCII runs dominate: test eight bytes at a time */
        while (i + 8 <= len) {
            unsigned long long w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
        else return i;
        if (i + n > len)
            return i;
        unsigned cp = c & (0x7F >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        /* overlongs, surrogates and values past U+10FFFF are not UTF-8 */
        if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += n;
    }
    return i;
}

unsigned sl_utf8_decode(const char *str, size_t len, size_t *adv)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0) { *adv = 0; return 0; }
    unsigned c = s[0];
    /* a continuation byte or a cut-off sequence (a caller that looks at
     * bytes inside a character, or at a short buffer) is no character:
     * U+FFFD, one byte, never a space or a letter by accident */
    if (c >= 0x80 && c < 0xC0) { *adv = 1; return 0xFFFD; }
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > len) { *adv = 1; return 0xFFFD; }
    unsigned cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n; k++)
        cp = (cp << 6) | (s[k] & 0x3F);
    *adv = n;
    return cp;
}

size_t sl_utf8_space_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
    size_t adv;
    unsigned cp = sl_utf8_decode(s + i, len - i, &adv);
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
        cp == 0xFEFF)
        return adv;
    return 0;
}

/* The line of byte off: LF, CRLF and a lone CR each end one. */
static long line_at(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n')))
            line++;
    return line;
}

static void release(sl_text *t)
{
    if (t->map && t->maplen)
        munmap(t->map, t->maplen);
    else
        free(t->map);
    memset(t, 0, sizeof *t);
}

/* ---- what a file that is not UTF-8 text is ----------------------------- */

enum { K_TEXT, K_UTF16LE, K_UTF16BE, K_UTF32LE, K_UTF32BE, K_CP1252, K_LATIN1, K_PDF, K_ZIP,
       K_GZIP, K_PNG, K_JPEG, K_GIF, K_BINARY };
static const char *const encoding_name[] = { NULL, "UTF-16LE", "UTF-16BE", "UTF-32LE",
                                             "UTF-32BE", "CP1252", "ISO-8859-1" };

/* Is s (len bytes, at least 4 counted) in the pattern of NUL bytes that
 * ASCII text has in UTF-16 or UTF-32? */
static int nul_pattern(const unsigned char *s, size_t len)
{
    size_t z[4] = { 0, 0, 0, 0 }, n = len & ~(size_t)3;
    for (size_t i = 0; i < n; i++)
        z[i & 3] += s[i] == 0;
    size_t q = n / 4; /* code units of four bytes, or pairs of two */
    if (q < 4)
        return K_TEXT; /* too short to tell a pattern from a stray NUL */
    if (z[2] * 10 >= q * 9 && z[3] * 10 >= q * 9 && z[1] * 10 >= q * 3 && z[0] * 10 < q)
        return K_UTF32LE;
    if (z[0] * 10 >= q * 9 && z[1] * 10 >= q * 9 && z[2] * 10 >= q * 3 && z[3] * 10 < q)
        return K_UTF32BE;
    size_t odd = z[1] + z[3], even = z[0] + z[2];
    if (odd * 10 >= 2 * q * 3 && even * 10 < odd)
        return K_UTF16LE;
    if (even * 10 >= 2 * q * 3 && odd * 10 < even)
        return K_UTF16BE;
    return K_TEXT;
}

/* What the bytes of a file that failed the UTF-8 check look like: a known
 * format by its signature, UTF-16/32 by a BOM or NUL pattern, Latin-1 by
 * stray high bytes next to ASCII letters, binary data by many control
 * bytes; K_TEXT for UTF-8 with a few bad bytes in it. Looks at the first
 * 64 KiB only, so that naming a huge file costs nothing. */
static int sniff(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = len < 65536 ? len : 65536;
    if (n >= 4 && !memcmp(s, "\xFF\xFE\0\0", 4)) return K_UTF32LE;
    if (n >= 4 && !memcmp(s, "\0\0\xFE\xFF", 4)) return K_UTF32BE;
    if (n >= 2 && !memcmp(s, "\xFF\xFE", 2)) return K_UTF16LE;
    if (n >= 2 && !memcmp(s, "\xFE\xFF", 2)) return K_UTF16BE;
    if (n >= 5 && !memcmp(s, "%PDF-", 5)) return K_PDF;
    if (n >= 4 && !memcmp(s, "PK\3\4", 4)) return K_ZIP;
    if (n >= 2 && !memcmp(s, "\x1F\x8B", 2)) return K_GZIP;
    if (n >= 8 && !memcmp(s, "\x89PNG\r\n\x1A\n", 8)) return K_PNG;
    if (n >= 3 && !memcmp(s, "\xFF\xD8\xFF", 3)) return K_JPEG;
    if (n >= 6 && (!memcmp(s, "GIF87a", 6) || !memcmp(s, "GIF89a", 6))) return K_GIF;
    int k = nul_pattern(s, n);
    if (k != K_TEXT)
        return k;
    /* control bytes other than the usual whitespace: binary data */
    size_t ctrl = 0;
    for (size_t i = 0; i < n; i++)
        ctrl += s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f';
    if (n >= 64 && ctrl * 20 > n)
        return K_BINARY;
    /* stray bytes 0x80-0xFF (not UTF-8) next to an ASCII letter, and few
     * valid multi-byte sequences: Latin-1 or its Windows superset (one stray
     * byte is more likely a damaged UTF-8 file) */
    size_t stray = 0, lettered = 0, multi = 0, c1_undefined = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t v = sl_utf8_valid_prefix((const char *)s + i, n - i < 4 ? n - i : 4);
        size_t adv = 0;
        if (v > 0) {
            sl_utf8_decode((const char *)s + i, v, &adv);
            if (adv > v)
                adv = 0;
        }
        if (adv > 1) {
            multi++;
            i += adv;
            continue;
        }
        stray++;
        int before = i > 0 && s[i - 1] < 0x80 && isalpha(s[i - 1]);
        int after = i + 1 < n && s[i + 1] < 0x80 && isalpha(s[i + 1]);
        lettered += before || after;
        c1_undefined += s[i] == 0x81 || s[i] == 0x8D || s[i] == 0x8F || s[i] == 0x90 ||
                        s[i] == 0x9D;
        i++;
    }
    if (stray >= 2 && multi * 4 <= stray && lettered * 3 >= stray * 2)
        return c1_undefined ? K_LATIN1 : K_CP1252;
    return K_TEXT;
}

/* The message for a file of kind k (not K_TEXT), with the command that
 * converts or extracts it; bad is the first byte that failed. */
static int foreign(int k, const char *buf, size_t bad, const char *name, sl_error *err)
{
    /* the command names the file; stdin and memory get a placeholder */
    const char *f = name[0] == '<' ? "FILE" : name;
    switch (k) {
    case K_UTF16LE: case K_UTF16BE: case K_UTF32LE: case K_UTF32BE:
        return sl_error_set(err, SL_EINPUT, name, 0, -1,
                            "this looks like %s, not UTF-8; convert it with: iconv -f %s -t "
                            "UTF-8 %s > %s.utf8 (or read it with --encoding %s)",
                            encoding_name[k], encoding_name[k], f, f, encoding_name[k]);
    case K_CP1252: case K_LATIN1:
        return sl_error_set(err, SL_EINPUT, name, 0, -1,
                            "this looks like %s text, not UTF-8 (byte 0x%02X on line %ld, "
                            "byte %zu); convert it with: iconv -f %s -t UTF-8 %s > %s.utf8 "
                            "(or read it with --encoding %s)",
                            k == K_CP1252 ? "Windows-1252 (Latin-1)" : "Latin-1 (ISO-8859-1)",
                            (unsigned char)buf[bad], line_at(buf, bad), bad, encoding_name[k],
                            f, f, encoding_name[k]);
    case K_PDF:
        return sl_error_set(err, SL_EINPUT, name, 0, -1,
                            "this is a PDF document, not text; extract its text first, as "
                            "with: pdftotext %s %s.txt", f, f);
    case K_ZIP:
        return sl_error_set(err, SL_EINPUT, name, 0, -1,
                            "this is a ZIP archive (a .docx or .odt document?), not text; save "
                            "it as plain text (UTF-8) first");
    case K_GZIP:
        return sl_error_set(err, SL_EINPUT, name, 0, -1,
                            "this is gzip-compressed, not text; decompress it first: gunzip -k %s",
                            f);
    case K_PNG: case K_JPEG: case K_GIF:
        return sl_error_set(err, SL_EINPUT, name, 0, -1, "this is a %s image, not text",
                            k == K_PNG ? "PNG" : k == K_JPEG ? "JPEG" : "GIF");
    default:
        return sl_error_set(err, SL_EINPUT, name, line_at(buf, bad), (long long)bad,
                            "this looks like binary data, not text (byte 0x%02X)",
                            (unsigned char)buf[bad]);
    }
}

/* ---- converting and repairing ------------------------------------------ */

static int is_utf8_name(const char *e)
{
    return strcasecmp(e, "UTF-8") == 0 || strcasecmp(e, "UTF8") == 0;
}

int sl_text_encoding_check(const char *encoding, sl_error *err)
{
    if (is_utf8_name(encoding))
        return SL_OK;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return sl_error_set(err, SL_EUSAGE, NULL, 0, -1,
                            "unknown encoding '%s' (iconv -l lists the names)", encoding);
    iconv_close(cd);
    return SL_OK;
}

int sl_text_encoding_lines(const char *encoding)
{
    if (is_utf8_name(encoding))
        return 1;
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == (iconv_t)-1)
        return 0;
    char in[] = "{\"a\": 1}\n", out[64];
    char *ip = in, *op = out;
    size_t il = sizeof in - 1, ol = sizeof out;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    return r != (size_t)-1 && il == 0 && (size_t)(op - out) == sizeof in - 1 &&
           memcmp(out, in, sizeof in - 1) == 0;
}

/* Growing output for conversion and repair. */
typedef struct {
    char *s;
    size_t n, cap;
} obuf;

static int ob_reserve(obuf *b, size_t extra)
{
    return sl_grow(&b->s, &b->cap, b->n + extra + 1, 1);
}

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Converts [buf, buf+len) from enc to UTF-8 into *out (heap, NUL-ended).
 * With repair, bytes that are not in enc become U+FFFD (counted in t). */
static int convert(const char *buf, size_t len, const char *enc, int repair, const char *name,
                   sl_text *t, char **out, size_t *outlen, sl_error *err)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return sl_error_set(err, SL_EUSAGE, name, 0, -1,
                            "unknown encoding '%s' (iconv -l lists the names)", enc);
    /* a bad code unit is skipped whole: two bytes of UTF-16, four of UTF-32 */
    size_t unit = strstr(enc, "32") || strstr(enc, "UCS-4") ? 4
                  : strstr(enc, "16") || strstr(enc, "UCS-2") ? 2 : 1;
    obuf b = { NULL, 0, 0 };
    char *in = (char *)(uintptr_t)buf; /* iconv's prototype; it does not write */
    size_t left = len;
    int rc = SL_OK;
    if (ob_reserve(&b, len + len / 2 + 16))
        rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    while (rc == SL_OK) {
        char *o = b.s + b.n;
        size_t room = b.cap - b.n - 1;
        size_t r = left ? iconv(cd, &in, &left, &o, &room) : iconv(cd, NULL, NULL, &o, &room);
        b.n = (size_t)(o - b.s);
        if (r != (size_t)-1) {
            if (!left)
                break; /* the shift state flushed too */
            continue;
        }
        if (errno == E2BIG) {
            if (ob_reserve(&b, b.cap))
                rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
            continue;
        }
        size_t at = len - left;
        if (!repair) {
            long line = line_at(b.s, b.n);
            rc = sl_error_set(err, SL_EINPUT, name, line, (long long)at,
                              errno == EINVAL ? "the text ends inside a %s character"
                                              : "bytes that are not %s",
                              enc);
            break;
        }
        if (ob_reserve(&b, 3)) {
            rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
            break;
        }
        if (!t->repaired++) {
            t->repair_line = line_at(b.s, b.n);
            t->repair_at = (long long)b.n;
        }
        memcpy(b.s + b.n, REPLACEMENT, 3);
        b.n += 3;
        size_t skip = errno == EINVAL || unit > left ? left : unit;
        in += skip;
        left -= skip;
    }
    iconv_close(cd);
    if (rc) {
        free(b.s);
        return rc;
    }
    b.s[b.n] = '\0';
    *out = b.s;
    *outlen = b.n;
    return SL_OK;
}

/* Length of the maximal part of a UTF-8 sequence at s that is a prefix of
 * a valid one (at least 1): what one U+FFFD replaces, as Unicode advises. */
static size_t bad_part(const unsigned char *s, size_t len)
{
    unsigned c = s[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 1;
    size_t k = 1;
    if (k < len && k < n && s[k] >= lo && s[k] <= hi) {
        k++;
        while (k < len && k < n && (s[k] & 0xC0) == 0x80)
            k++;
    }
    return k;
}

/* A copy of buf with every invalid sequence and NUL byte made U+FFFD,
 * counted in t. NULL when out of memory. */
static char *repair_copy(const char *buf, size_t len, sl_text *t, size_t *outlen)
{
    obuf b = { NULL, 0, 0 };
    if (ob_reserve(&b, len + 16))
        return NULL;
    size_t i = 0;
    while (i < len) {
        size_t v = sl_utf8_valid_prefix(buf + i, len - i);
        const char *nul = memchr(buf + i, '\0', v);
        if (nul)
            v = (size_t)(nul - (buf + i));
        if (ob_reserve(&b, v + 3)) {
            free(b.s);
            return NULL;
        }
        memcpy(b.s + b.n, buf + i, v);
        b.n += v;
        i += v;
        if (i >= len)
            break;
        if (!t->repaired++) {
            t->repair_line = line_at(buf, i);
            t->repair_at = (long long)i;
        }
        memcpy(b.s + b.n, REPLACEMENT, 3);
        b.n += 3;
        i += buf[i] == '\0' ? 1 : bad_part((const unsigned char *)buf + i, len - i);
    }
    b.s[b.n] = '\0';
    *outlen = b.n;
    return b.s;
}

/* Makes t own the heap block s (n bytes) instead of what it held. */
static void own(sl_text *t, char *s, size_t n)
{
    size_t rep = t->repaired;
    long rl = t->repair_line;
    long long ra = t->repair_at;
    release(t);
    t->map = s;
    t->data = s;
    t->len = n;
    t->repaired = rep;
    t->repair_line = rl;
    t->repair_at = ra;
}

/* Validates t (which owns its memory), converting or repairing as o says,
 * and sets data/len past a BOM. */
static int finish(sl_text *t, const char *buf, size_t len, const char *name,
                  const sl_text_opts *o, sl_error *err)
{
    if (len == 0) {
        release(t);
        return sl_error_set(err, SL_EINPUT, name, 0, -1, "empty input");
    }
    if (o && o->encoding && !is_utf8_name(o->encoding)) {
        char *conv = NULL;
        size_t clen = 0;
        int rc = convert(buf, len, o->encoding, o->repair, name, t, &conv, &clen, err);
        if (rc) {
            release(t);
            return rc;
        }
        own(t, conv, clen);
        buf = conv;
        len = clen;
    }
    size_t valid = sl_utf8_valid_prefix(buf, len);
    const char *nul = memchr(buf, '\0', valid);
    if (nul || valid < len) {
        size_t off = nul ? (size_t)(nul - buf) : valid;
        int k = sniff(buf, len), rc = SL_OK;
        /* repair mends stray bytes in text, not text in another form */
        if (o && o->repair && (k == K_TEXT || k == K_CP1252 || k == K_LATIN1)) {
            size_t flen;
            char *fixed = repair_copy(buf, len, t, &flen);
            if (fixed) {
                own(t, fixed, flen);
                buf = fixed;
                len = flen;
                goto valid;
            }
            rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
        } else if (k != K_TEXT) {
            rc = foreign(k, buf, off, name, err);
        } else {
            rc = nul ? sl_error_set(err, SL_EINPUT, name, line_at(buf, off), (long long)off,
                                    "NUL byte in text input")
                     : sl_error_set(err, SL_EINPUT, name, line_at(buf, off), (long long)off,
                                    "invalid UTF-8: 0x%02X", (unsigned char)buf[off]);
        }
        release(t);
        return rc;
    }
valid:;
    size_t start = (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    /* a lone CR is an old Mac line end: copy once and make it LF */
    const char *cr = buf;
    int lone = 0;
    while ((cr = memchr(cr, '\r', (size_t)(buf + len - cr)))) {
        if (cr + 1 == buf + len || cr[1] != '\n') { lone = 1; break; }
        cr++;
    }
    if (lone) {
        char *copy = malloc(len - start + 1);
        if (!copy) {
            release(t);
            return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
        }
        size_t w = 0;
        for (size_t r = start; r < len; r++)
            copy[w++] = buf[r] == '\r' && (r + 1 == len || buf[r + 1] != '\n') ? '\n' : buf[r];
        copy[w] = '\0';
        own(t, copy, w);
        return SL_OK;
    }
    t->data = buf + start;
    t->len = len - start;
    return SL_OK;
}

int sl_text_from_mem_opts(const char *src, size_t len, const char *name, const sl_text_opts *o,
                          sl_text *out, sl_error *err)
{
    memset(out, 0, sizeof *out);
    char *buf = malloc(len + 1);
    if (!buf)
        return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    memcpy(buf, src, len);
    buf[len] = '\0';
    out->map = buf;
    return finish(out, buf, len, name ? name : "<memory>", o, err);
}

int sl_text_from_mem(const char *src, size_t len, const char *name, sl_text *out,
                     sl_error *err)
{
    return sl_text_from_mem_opts(src, len, name, NULL, out, err);
}

int sl_text_load_opts(const char *path, const char *name, const sl_text_opts *o, sl_text *out,
                      sl_error *err)
{
    memset(out, 0, sizeof *out);
    int is_stdin = strcmp(path, "-") == 0;
    if (!name)
        name = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? 0 : open(path, O_RDONLY);
    if (fd < 0)
        return sl_error_set(err, SL_EIO, name, 0, -1, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!is_stdin) close(fd);
        return sl_error_set(err, SL_EIO, name, 0, -1, "is a directory");
    }
    if (!is_stdin && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            close(fd);
            out->map = m;
            out->maplen = (size_t)st.st_size;
            return finish(out, m, (size_t)st.st_size, name, o, err);
        }
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    ssize_t n = 0;
    while (buf) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) { free(buf); buf = NULL; break; }
            buf = nb;
            cap *= 2;
        }
        n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    int saved = errno;
    if (!is_stdin)
        close(fd);
    if (!buf)
        return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    if (n < 0) {
        free(buf);
        return sl_error_set(err, SL_EIO, name, 0, -1, "read error: %s", strerror(saved));
    }
    buf[len] = '\0';
    out->map = buf;
    return finish(out, buf, len, name, o, err);
}

int sl_text_load(const char *path, const char *name, sl_text *out, sl_error *err)
{
    return sl_text_load_opts(path, name, NULL, out, err);
}

void sl_text_free(sl_text *t)
{
    if (t)
        release(t);
}
