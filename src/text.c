/* text.c — whole-file loading with strict UTF-8 validation. */
#include "selaras/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t sl_utf8_valid_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
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
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n > len) n = 1;
    unsigned cp = n == 1 ? c : c & (0x7F >> n);
    for (size_t k = 1; k < n; k++)
        cp = (cp << 6) | (s[k] & 0x3F);
    *adv = n;
    return cp;
}

size_t sl_utf8_space_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
        return 1;
    if (c < 0x80)
        return 0;
    size_t adv;
    unsigned cp = sl_utf8_decode(s + i, len - i, &adv);
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
        cp == 0xFEFF)
        return adv;
    return 0;
}

static long line_at(const char *s, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

/* Validates and normalises buf (owned, may be realloc'd) into out. */
static int finish(char *buf, size_t len, const char *name, sl_text *out, sl_error *err)
{
    if (len == 0) {
        free(buf);
        return sl_error_set(err, SL_EINPUT, name, 0, -1, "empty input");
    }
    const char *nul = memchr(buf, '\0', len);
    size_t valid = sl_utf8_valid_prefix(buf, len);
    if (nul && (size_t)(nul - buf) <= valid) {
        size_t off = (size_t)(nul - buf);
        int rc = sl_error_set(err, SL_EINPUT, name, line_at(buf, off), (long long)off,
                              "NUL byte in text input");
        free(buf);
        return rc;
    }
    if (valid < len) {
        int rc = sl_error_set(err, SL_EINPUT, name, line_at(buf, valid), (long long)valid,
                              "invalid UTF-8 (byte 0x%02X)", (unsigned char)buf[valid]);
        free(buf);
        return rc;
    }
    size_t start = (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    size_t w = 0;
    for (size_t r = start; r < len; r++) {
        if (buf[r] == '\r') {
            buf[w++] = '\n';
            if (r + 1 < len && buf[r + 1] == '\n')
                r++;
        } else {
            buf[w++] = buf[r];
        }
    }
    buf[w] = '\0';
    out->data = buf;
    out->len = w;
    return SL_OK;
}

int sl_text_from_mem(const char *src, size_t len, const char *name, sl_text *out,
                     sl_error *err)
{
    out->data = NULL;
    out->len = 0;
    char *buf = malloc(len + 1);
    if (!buf)
        return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    memcpy(buf, src, len);
    return finish(buf, len, name ? name : "<memory>", out, err);
}

int sl_text_load(const char *path, const char *name, sl_text *out, sl_error *err)
{
    out->data = NULL;
    out->len = 0;
    if (!name)
        name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return sl_error_set(err, SL_EIO, name, 0, -1, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        if (f != stdin) fclose(f);
        return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    }
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                if (f != stdin) fclose(f);
                return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    int bad = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return sl_error_set(err, SL_EIO, name, 0, -1, "read error: %s", strerror(saved));
    }
    return finish(buf, len, name, out, err);
}

void sl_text_free(sl_text *t)
{
    if (!t)
        return;
    free(t->data);
    t->data = NULL;
    t->len = 0;
}
