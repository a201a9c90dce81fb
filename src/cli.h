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
/* The exit status err's code calls for. */
int cli_status(const sl_error *err);

/* An output (cli_out.c). Writers write to f, a memory stream; commits
 * send what it holds to the target in whole pieces. A regular file is
 * replaced atomically when the output closes successfully (symbolic links
 * followed), stdout ("-" or NULL), a FIFO or a device is written in place.
 * A write error is reported once, as "selaras: NAME: write error: ...";
 * every later call on the output fails quietly. SIGINT, SIGTERM and SIGHUP
 * remove temporary files and exit with 128 + the signal. */
typedef struct cli_out {
    FILE *f;
    char *buf;            /* the memory stream's bytes */
    size_t len;
    char *name;           /* for messages: the path given, or "<stdout>" */
    char *target;         /* the file the temporary replaces; NULL in place */
    int fd, slot, failed;
    const char *tail;     /* see cli_out_tail */
    int new_tail;
} cli_out;

/* Opens path (NULL or "-": stdout); reports and returns -1 on failure. */
int cli_out_open(cli_out *o, const char *path);

/* tail (a static string, NULL for none) closes what has been committed so
 * far: a stopped run writes it to an in-place target before exiting. It
 * takes effect with the next commit, together with the bytes it closes. */
void cli_out_tail(cli_out *o, const char *tail);

/* Writes what f holds to the target. Returns 0, or -1 once an error has
 * been reported. */
int cli_out_commit(cli_out *o);

/* Finishes the output. ok: commit the rest, fsync and rename into place.
 * Not ok: a temporary file is removed and an existing target left as it
 * was; an in-place target still receives what f holds (the caller closed
 * it well-formed). Returns 0, or -1 when anything failed (reported). */
int cli_out_close(cli_out *o, int ok);

/* Writes text to stdout: CLI_OK, or CLI_FAIL after a reported write error. */
int cli_print(const char *text);

/* A progress line on stderr (cli_progress.c), only when stderr is a
 * terminal and the user did not ask for quiet: what is done, the rate and
 * the time left, redrawn at most four times a second and wiped at the
 * end, so that logs and pipes never see it. */
typedef struct cli_progress {
    int on, shown;
    double t0, last;
} cli_progress;
void cli_progress_start(cli_progress *p, int quiet);
/* docs documents done; the source is at done of total (bytes or entries,
 * total 0 when unknown). */
void cli_progress_docs(cli_progress *p, size_t docs, unsigned long long done,
                       unsigned long long total);
/* done of total sentences aligned (a long text). */
void cli_progress_lines(cli_progress *p, size_t done, size_t total);
void cli_progress_end(cli_progress *p);

typedef int (*cli_cmd_fn)(int argc, char **argv);
int cli_split(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_align(int argc, char **argv);
int cli_srx(int argc, char **argv);

#endif
