/* page.h — a page of catalogue records: a list of search results copied
 * whole holds several records, one after another. */
#ifndef SELARAS_PAGE_H
#define SELARAS_PAGE_H

#include <stddef.h>

/* One record of a page: bytes [off, off + len) of the text, starting at
 * its line (1-based). */
typedef struct sl_page_rec {
    size_t off, len;
    long line;
} sl_page_rec;

/* Cuts text into the records of a result list. An entry ends with its
 * metadata (the place/publisher/year line, a format or call number, the
 * collection line) and the next one starts with the first line of text
 * after them, or with its "cover" line; the page's own framing ("Hasil
 * Pencarian", "Ditemukan N dokumen ...") goes with the record after it.
 * *out (malloc'd, the caller frees it) receives *n records in order;
 * a text that is not such a list is one record, the whole of it (so a
 * record in the full-description layout is never cut). Returns 0, or -1
 * when out of memory (*out NULL, *n 0). */
int sl_page_split(const char *text, size_t len, sl_page_rec **out, size_t *n);

#endif
