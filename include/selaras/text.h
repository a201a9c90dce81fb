/* text.h — loading UTF-8 text: validation, BOM and CRLF handling. */
#ifndef SELARAS_TEXT_H
#define SELARAS_TEXT_H

#include <stddef.h>
#include "selaras/error.h"

/* A borrowed piece of UTF-8 text. */
typedef struct sl_span {
    const char *s;
    size_t len;
} sl_span;

/* Valid UTF-8 text without a BOM, with LF or CRLF line ends (CRLF is left
 * in place: every reader treats the CR as trailing whitespace). data is not
 * NUL-terminated when the file is mapped: always use len. */
typedef struct sl_text {
    const char *data;
    size_t len;
    void *map;     /* private: the mapping or the heap block to release */
    size_t maplen; /* private: its length, 0 for a heap block */
} sl_text;

/* Reads path ("-" is stdin) into out; a regular file is mapped, not copied,
 * so large inputs cost no extra memory. Rejects an empty file, NUL bytes
 * and invalid UTF-8 (SL_EINPUT with the line and byte offset in the file);
 * skips a leading BOM; turns lone CRs (old Mac line ends) into LF. On
 * failure out is left empty. name is used in error records (NULL: path). */
int sl_text_load(const char *path, const char *name, sl_text *out, sl_error *err);

/* Same checks on a buffer already in memory; copies it into out. */
int sl_text_from_mem(const char *buf, size_t len, const char *name, sl_text *out,
                     sl_error *err);

/* Frees the buffer (safe on NULL or an empty text). */
void sl_text_free(sl_text *t);

/* Length of the valid UTF-8 prefix of s (== len when all valid). */
size_t sl_utf8_valid_prefix(const char *s, size_t len);

/* Decodes one code point at s (valid UTF-8 assumed); stores its length. */
unsigned sl_utf8_decode(const char *s, size_t len, size_t *adv);

/* Byte length of the whitespace character at s[i] (ASCII space, tab,
 * newline, NBSP and the Unicode spaces PDFs leave behind), or 0. */
size_t sl_utf8_space_len(const char *s, size_t len, size_t i);

#endif
