/* text.h — loading UTF-8 text: validation, BOM and CRLF handling. */
#ifndef SELARAS_TEXT_H
#define SELARAS_TEXT_H

#include <stddef.h>
#include "selaras/error.h"

/* An owned, NUL-terminated, valid UTF-8 buffer with LF line ends. */
typedef struct sl_text {
    char *data;
    size_t len;
} sl_text;

/* Reads path ("-" is stdin) into out. Rejects an empty file, NUL bytes and
 * invalid UTF-8 (SL_EINPUT with line and byte offset of the original file);
 * drops a leading BOM and turns CRLF and lone CR into LF. On failure out is
 * left empty. name is used in error records (NULL: path). */
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
