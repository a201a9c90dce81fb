/* page.c — the records of a page of search results.
 *
 * Each entry of the catalogue's result list ends with metadata lines
 * (meta.h): where and when it was published, a format or call number, the
 * collection. They are the only reliable seam between two entries (an
 * entry need not have an author, an abstract, or a "cover" line), so a
 * record ends after them and the next begins with the first line that is
 * text again. */
#include "selaras/page.h"
#include "selaras/meta.h"
#include "selaras/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    sl_page_rec *v;
    size_t n, cap;
} recs_t;

static int add(recs_t *r, size_t off, size_t end, long line)
{
    if (r->n == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 16;
        sl_page_rec *v = realloc(r->v, nc * sizeof *v);
        if (!v)
            return -1;
        r->v = v;
        r->cap = nc;
    }
    r->v[r->n++] = (sl_page_rec){ off, end - off, line };
    return 0;
}

int sl_page_split(const char *text, size_t len, sl_page_rec **out, size_t *n)
{
    recs_t r = { 0 };
    size_t start = 0;
    long line = 0, start_line = 1;
    int content = 0, in_tail = 0, closed = 0;
    *out = NULL;
    *n = 0;
    for (size_t p = 0; p < len;) {
        const char *e = memchr(text + p, '\n', len - p);
        size_t le = e ? (size_t)(e - text) : len, at = p;
        p = e ? le + 1 : len;
        line++;
        int cls = sl_meta_class(text + at, le - at);
        size_t k = at, w;
        while (k < le && ((w = sl_utf8_space_len(text, le, k)) || text[k] == '\r'))
            k += w ? w : 1;
        if (k == le)
            continue; /* blank */
        int fresh;
        switch (cls) {
        case SL_META_COVER:
        case SL_META_FRAME:
            fresh = content; /* a new entry, or the page's framing after one */
            break;
        case SL_META_PUBLISHER:
        case SL_META_COLLECTION:
        case SL_META_FORMAT:
            fresh = 0;
            break;
        default:
            fresh = in_tail; /* text after an entry's metadata */
        }
        if (fresh) {
            if (add(&r, start, at, start_line))
                goto nomem;
            start = at;
            start_line = line;
            content = in_tail = 0;
        }
        /* a format line is an entry's metadata after the others, or right
         * after the quote that closes its abstract */
        if (cls == SL_META_PUBLISHER || cls == SL_META_COLLECTION ||
            (cls == SL_META_FORMAT && (in_tail || closed)))
            content = in_tail = 1;
        else if (cls == SL_META_TEXT || cls == SL_META_FORMAT)
            content = 1;
        size_t e2 = le;
        while (e2 > k && (text[e2 - 1] == ' ' || text[e2 - 1] == '\t' || text[e2 - 1] == '\r'))
            e2--;
        closed = cls == SL_META_TEXT && e2 > k &&
                 (text[e2 - 1] == '"' ||
                  (e2 - k >= 3 && memcmp(text + e2 - 3, "\xE2\x80\x9D", 3) == 0));
    }
    /* trailing framing, nothing after it: it goes with the last record */
    if (content || !r.n) {
        if (add(&r, start, len, start_line))
            goto nomem;
    } else {
        r.v[r.n - 1].len = len - r.v[r.n - 1].off;
    }
    if (r.n < 2) {
        r.v[0] = (sl_page_rec){ 0, len, 1 };
        r.n = 1;
    }
    *out = r.v;
    *n = r.n;
    return 0;
nomem:
    free(r.v);
    return -1;
}
