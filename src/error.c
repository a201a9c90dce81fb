/* error.c — filling and formatting error records. */
#include "selaras/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sl_error_clear(sl_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

int sl_error_set(sl_error *err, int code, const char *file, long line,
                 long long offset, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = 0;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

const char *sl_error_format(const sl_error *err, char *buf, unsigned long size)
{
    char where[640] = "";
    if (err->file[0] && err->line > 0 && err->column > 0)
        snprintf(where, sizeof where, "%s:%ld:%ld: ", err->file, err->line, err->column);
    else if (err->file[0] && err->line > 0)
        snprintf(where, sizeof where, "%s:%ld: ", err->file, err->line);
    else if (err->file[0])
        snprintf(where, sizeof where, "%s: ", err->file);
    if (err->offset >= 0)
        snprintf(buf, size, "%s%s (byte %lld)", where, err->msg, err->offset);
    else
        snprintf(buf, size, "%s%s", where, err->msg);
    return buf;
}
