/* text.h — loading UTF-8 text: validation, BOM and CRLF handling, other
 * encodings named or converted, invalid bytes repaired on request. */
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
    size_t repaired;     /* invalid sequences replaced with U+FFFD (repair) */
    long repair_line;    /* where the first one was: its line, */
    long long repair_at; /* and its byte offset in the (converted) text */
    void *map;     /* private: the mapping or the heap block to release */
    size_t maplen; /* private: its length, 0 for a heap block */
} sl_text;

/* How text is read; all zero (or a NULL pointer) is strict UTF-8. */
typedef struct sl_text_opts {
    const char *encoding; /* NULL: UTF-8; else the iconv(3) name of the
                           * encoding to convert from ("UTF-16LE", "CP1252",
                           * "ISO-8859-1"; `iconv -l` lists them); borrowed */
    int repair;           /* replace each invalid UTF-8 sequence and NUL byte
                           * with U+FFFD (and count them) instead of failing */
} sl_text_opts;

/* Reads path ("-" is stdin) into out; a regular file is mapped, not copied,
 * so large inputs cost no extra memory. Rejects an empty file, NUL bytes
 * and invalid UTF-8 (SL_EINPUT with the line and byte offset in the file);
 * skips a leading BOM; turns lone CRs (old Mac line ends) into LF. A file
 * that is not UTF-8 text at all is named in the message: UTF-16 or UTF-32
 * (by a BOM or the pattern of NUL bytes), Latin-1/Windows-1252 (stray
 * bytes 0x80-0xFF inside words), a PDF, an archive, an image, binary data;
 * an encoding comes with the iconv command that converts it. On failure out
 * is left empty. name is used in error records (NULL: path). */
int sl_text_load(const char *path, const char *name, sl_text *out, sl_error *err);

/* Same checks on a buffer already in memory; copies it into out. */
int sl_text_from_mem(const char *buf, size_t len, const char *name, sl_text *out,
                     sl_error *err);

/* The same, read as o says (NULL: strict UTF-8): converted from
 * o->encoding first (SL_EUSAGE for a name iconv does not know; SL_EINPUT
 * with the line and offset of bytes that are not in that encoding, unless
 * repairing), then invalid UTF-8 repaired when o->repair (out->repaired
 * counts the replacements). Text in UTF-16, UTF-32 or binary data is never
 * "repaired": that fails as without repair. */
int sl_text_load_opts(const char *path, const char *name, const sl_text_opts *o, sl_text *out,
                      sl_error *err);
int sl_text_from_mem_opts(const char *buf, size_t len, const char *name, const sl_text_opts *o,
                          sl_text *out, sl_error *err);

/* Can text be converted from encoding (an iconv name)? 0, or SL_EUSAGE
 * with err naming it. */
int sl_text_encoding_check(const char *encoding, sl_error *err);

/* Does encoding write ASCII as ASCII, so that text in it can be cut into
 * lines at '\n' bytes before converting (CP1252, ISO-8859-1: yes; UTF-16:
 * no)? 0 for an unknown name. */
int sl_text_encoding_lines(const char *encoding);

/* Frees the buffer (safe on NULL or an empty text). */
void sl_text_free(sl_text *t);

/* Length of the valid UTF-8 prefix of s (== len when all valid). */
size_t sl_utf8_valid_prefix(const char *s, size_t len);

/* Decodes one code point at s (valid UTF-8 assumed); stores its length.
 * A continuation byte, or a sequence cut off by len, decodes as U+FFFD of
 * length 1. */
unsigned sl_utf8_decode(const char *s, size_t len, size_t *adv);

/* Byte length of the whitespace character at s[i] (ASCII space, tab,
 * newline, NBSP and the Unicode spaces PDFs leave behind), or 0. */
size_t sl_utf8_space_len(const char *s, size_t len, size_t i);

#endif
