/* cli.h — helpers shared by the subcommands of the selaras program. */
#ifndef SELARAS_CLI_H
#define SELARAS_CLI_H

#include <stdio.h>
#include "selaras/error.h"

#define SELARAS_VERSION "0.1.0"

/* Exit statuses: 0 success, 1 findings or runtime failure, 2 usage or input error. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Prints "selaras: message" to stderr. */
void cli_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints err and returns the exit status its code calls for. */
int cli_report(const sl_error *err);

/* An output file written to a temporary name and renamed on success, so a
 * failure never leaves half a file. path NULL or "-" means stdout. */
typedef struct cli_out {
    FILE *f;
    char *path, *tmp;
} cli_out;
int cli_out_open(cli_out *o, const char *path);
/* Flushes and checks for write errors; renames into place when ok and the
 * write succeeded, otherwise removes the temporary file. Returns 0 on success. */
int cli_out_close(cli_out *o, int ok);

typedef int (*cli_cmd_fn)(int argc, char **argv);
int cli_split(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_align(int argc, char **argv);
int cli_srx(int argc, char **argv);

#endif
