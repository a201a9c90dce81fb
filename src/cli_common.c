/* cli_common.c — messages and atomic output files for the CLI. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    return err->code == SL_EINPUT || err->code == SL_EUSAGE || err->code == SL_EIO ? CLI_USAGE
                                                                                  : CLI_FAIL;
}

int cli_out_open(cli_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    size_t n = strlen(path);
    o->path = strdup(path);
    o->tmp = malloc(n + 16);
    if (!o->path || !o->tmp) {
        cli_msg("out of memory");
        return -1;
    }
    snprintf(o->tmp, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
        cli_msg("%s: cannot create: %s", path, strerror(errno));
        if (fd >= 0) { close(fd); unlink(o->tmp); }
        free(o->path); free(o->tmp);
        o->path = o->tmp = NULL;
        return -1;
    }
    return 0;
}

int cli_out_close(cli_out *o, int ok)
{
    int rc = 0;
    if (!o->f)
        return -1;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        cli_msg("%s: write error: %s", o->path ? o->path : "<stdout>", strerror(errno));
        rc = -1;
    }
    if (o->f != stdout) {
        if (fclose(o->f) != 0 && rc == 0) {
            cli_msg("%s: write error: %s", o->path, strerror(errno));
            rc = -1;
        }
        if (ok && rc == 0) {
            if (rename(o->tmp, o->path) != 0) {
                cli_msg("%s: cannot rename into place: %s", o->path, strerror(errno));
                rc = -1;
            }
        }
        if (!ok || rc != 0)
            unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    o->f = NULL;
    return rc;
}
