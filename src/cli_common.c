/* cli_common.c — messages and error reports for the CLI. */
#include "cli.h"

#include <stdarg.h>

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("selaras: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_report(const sl_error *err)
{
    char buf[1400];
    cli_msg("%s", sl_error_format(err, buf, sizeof buf));
    return cli_status(err);
}

int cli_status(const sl_error *err)
{
    switch (err->code) {
    case SL_EINPUT: case SL_EUSAGE: case SL_EIO: case SL_EMISSING: return CLI_USAGE;
    default: return CLI_FAIL;
    }
}
