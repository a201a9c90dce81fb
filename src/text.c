/* text.c — loading text with strict UTF-8 validation; regular files are
 * mapped read-only so that a multi-megabyte input is never copied. */
#include "selaras/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    if (c < 0x80)
        return c == ' ' || (c >= '\t' && c <= '\r');
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
    for (const char *p = s, *end = s + off; (p = memchr(p, '\n', (size_t)(end - p))); p++)
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

/* Validates t (which owns its memory) and sets data/len past a BOM. */
static int finish(sl_text *t, const char *buf, size_t len, const char *name, sl_error *err)
{
    if (len == 0) {
        release(t);
        return sl_error_set(err, SL_EINPUT, name, 0, -1, "empty input");
    }
    size_t valid = sl_utf8_valid_prefix(buf, len);
    const char *nul = memchr(buf, '\0', valid);
    if (nul || valid < len) {
        size_t off = nul ? (size_t)(nul - buf) : valid;
        int rc = nul ? sl_error_set(err, SL_EINPUT, name, line_at(buf, off), (long long)off,
                                    "NUL byte in text input")
                     : sl_error_set(err, SL_EINPUT, name, line_at(buf, off), (long long)off,
                                    "invalid UTF-8 (byte 0x%02X)", (unsigned char)buf[off]);
        release(t);
        return rc;
    }
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
        release(t);
        t->map = copy;
        t->data = copy;
        t->len = w;
        return SL_OK;
    }
    t->data = buf + start;
    t->len = len - start;
    return SL_OK;
}

int sl_text_from_mem(const char *src, size_t len, const char *name, sl_text *out,
                     sl_error *err)
{
    memset(out, 0, sizeof *out);
    char *buf = malloc(len + 1);
    if (!buf)
        return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
    memcpy(buf, src, len);
    buf[len] = '\0';
    out->map = buf;
    return finish(out, buf, len, name ? name : "<memory>", err);
}

int sl_text_load(const char *path, const char *name, sl_text *out, sl_error *err)
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
            return finish(out, m, (size_t)st.st_size, name, err);
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
    return finish(out, buf, len, name, err);
}

void sl_text_free(sl_text *t)
{
    if (t)
        release(t);
}
