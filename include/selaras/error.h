/* error.h — error records filled by the library, printed only by the CLI. */
#ifndef SELARAS_ERROR_H
#define SELARAS_ERROR_H

/* Status codes returned by every fallible library call. */
enum {
    SL_OK = 0,
    SL_EIO,       /* a file could not be opened, read or written */
    SL_EINPUT,    /* the input is malformed (encoding, syntax, empty) */
    SL_ENOMEM,    /* an allocation failed */
    SL_EUSAGE,    /* the caller passed an invalid argument or option */
    SL_EINTERNAL, /* a third-party library failed unexpectedly */
    SL_EMISSING   /* a document lacks text the call needs (an abstract in
                   * one language or both): a batch may skip it */
};

/* Where and why a call failed. line and column are 1-based (0: unknown),
 * offset is a byte offset into the file (-1: unknown). */
typedef struct sl_error {
    int code;
    char file[512];
    long line, column;
    long long offset;
    char msg[512];
} sl_error;

/* Clears err (safe on NULL). */
void sl_error_clear(sl_error *err);

/* Fills err (safe on NULL; column unknown) and returns code, so callers
 * can write `return sl_error_set(err, SL_EINPUT, path, line, off, "...")`. */
int sl_error_set(sl_error *err, int code, const char *file, long line,
                 long long offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Formats err as "file:line[:column]: message (byte N)" into buf. */
const char *sl_error_format(const sl_error *err, char *buf, unsigned long size);

#endif
