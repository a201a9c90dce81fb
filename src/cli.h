/* cli.h — helpers shared by the subcommands of the selaras program. */
#ifndef SELARAS_CLI_H
#define SELARAS_CLI_H

#include <stdio.h>
#include "selaras/error.h"
#include "selaras/input.h"
#include "selaras/lexicon.h"

/* Exit statuses: 0 success, 1 findings or runtime failure, 2 usage or input error. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Prints "selaras: message" to stderr. */
void cli_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* --encoding NAME of command cmd into text: 0, or a usage error told
 * (an encoding iconv does not know). */
int cli_encoding(sl_text_opts *text, const char *name, const char *cmd);
/* Prints err and returns the exit status its code calls for. */
int cli_report(const sl_error *err);
/* The exit status of a batch run (sl_batch_run's rc, its error, the
 * source's own status): an error reported, the callbacks' status, or the
 * source's. */
int cli_batch_status(int rc, const sl_error *err, int src_status);
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

/* The index a shard run (`align --shard K/N`) writes beside an output, and
 * what `selaras merge` reads back (cli_shard.c): the format, K and N, the
 * bytes of the header, of each document and of the footer. */
enum { CLI_SHARD_FILES = 2 }; /* Moses: two files under one index */

/* Writing: s measures the streams of its output files with marks taken
 * before each piece (header, document, footer) and lengths after it. */
typedef struct cli_shard_out {
    cli_out out; /* the index file, committed and closed with the outputs */
    FILE *f[CLI_SHARD_FILES];
    int nfiles;
    long mark[CLI_SHARD_FILES];
} cli_shard_out;

/* Opens the index path for the output in format fmt (sl_format_name, or
 * "unaligned" for the --unaligned list) written to f0 (and f1: Moses,
 * whose files end in suffix[0] and suffix[1]). Returns 0 or -1 (reported). */
int cli_shard_create(cli_shard_out *s, const char *path, const char *fmt,
                     const char *const suffix[CLI_SHARD_FILES], FILE *f0, FILE *f1,
                     size_t k, size_t n);
/* Before a piece: where each stream stands. */
void cli_shard_mark(cli_shard_out *s);
/* After it: a line "tag [doc] bytes..." (doc < 0: none). */
void cli_shard_piece(cli_shard_out *s, const char *tag, long long doc);
/* The last line: how many documents the whole input held. */
void cli_shard_end(cli_shard_out *s, size_t input);

/* Reading: an index checked whole, then its documents in order. */
typedef struct cli_shard {
    char *path;       /* the index: the output's name + ".shard" */
    FILE *f;
    char *buf;        /* the line being read */
    size_t cap;
    long line, docs_line;
    long docs_at;     /* where the document lines start */
    char fmt[16], suffix[CLI_SHARD_FILES][64];
    int nfiles;
    unsigned long long k, n, input, docs;
    unsigned long long header[CLI_SHARD_FILES], footer[CLI_SHARD_FILES];
    unsigned long long body[CLI_SHARD_FILES]; /* the documents' bytes */
} cli_shard;

/* Reads and checks the index of the output named name; reports what is
 * wrong with it, naming the file, and returns -1. */
int cli_shard_read(cli_shard *s, const char *name);
/* Back to the first document. Returns 0 or -1 (reported). */
int cli_shard_rewind(cli_shard *s);
/* The next document: 1 with its place in the input and its bytes per
 * file, 0 after the last, -1 on a read error (reported). */
int cli_shard_next(cli_shard *s, unsigned long long *doc,
                   unsigned long long len[CLI_SHARD_FILES]);
void cli_shard_close(cli_shard *s);

/* The documents of align's and check's arguments (cli_source.c): one
 * pair of files (pair), or records, directories and JSON Lines files in
 * turn. A source that cannot be opened is reported and ends the reading
 * with status set. text (set after init; NULL: strict UTF-8) says how files
 * are read; a directory's entries that are not documents are noted unless
 * quiet. */
typedef struct cli_source {
    char **paths;
    int npaths, src, pair, pair_done, jsonl, presplit, status, quiet;
    int silent; /* a source that cannot be opened ends the reading untold
                 * (a first pass: the pass that follows tells it) */
    const sl_text_opts *text;
    sl_input *in;
} cli_source;
void cli_source_init(cli_source *s, char **paths, int npaths, int pair, int jsonl, int presplit);
size_t cli_source_next(cli_source *s, sl_item *items, size_t max);
void cli_source_close(cli_source *s);
/* Do the arguments make a batch (a directory, JSON Lines, several)? */
int cli_is_batch(char **paths, int npaths, int pair, int jsonl);
/* The lexicon of --lexicon/--no-lexicon (none): NULL with *failed set when
 * a named file is bad; a missing default is a warning, a language pair
 * without one a note (unless quiet, or learning one). */
sl_lexicon *cli_lexicon(const char *path, int none, const char *src, const char *tgt, int quiet,
                        int learning, int *failed);

/* The first pass of align and check: abbreviations learned from the
 * whole input (paths as for cli_source_init, text how its files are
 * read), each language with its side of p's splitters, as split learns
 * them (learnabbr.h), from the first SL_PIPE_ABBR_BYTES of each side's
 * abstracts. Not from stdin (read once) nor pre-split text (not split).
 * learn: give p the sets that are active (enough text); show: write them
 * to stderr (--show-learned) under the names lang[0], lang[1]; verbose:
 * say what was learned. *out (NULL: nothing learned) is for the caller to
 * free after the pipelines it was given to. Returns the CLI status. */
struct sl_pipe;
struct sl_pipe_abbr;
int cli_learn_abbr(struct sl_pipe *p, char **paths, int npaths, int pair, int jsonl, int presplit,
                   const sl_text_opts *text, int learn, int show, int verbose,
                   const char *const lang[2], struct sl_pipe_abbr **out);
/* Gives p the active sets of a (NULL: nothing). */
void cli_use_abbr(struct sl_pipe *p, const struct sl_pipe_abbr *a);

/* Writes what an abbreviation learner found for lang to f (--show-learned):
 * the input's size, then a line per candidate seen twice or more with its
 * period: learned or not, type, counts, score and the contexts after it. */
struct sl_learnabbr;
void cli_show_learned(FILE *f, const struct sl_learnabbr *l, const char *lang);

/* The commands and their options (cli_help.c). */

/* The version, from the Makefile's VERSION: --version and the TMX header. */
extern const char cli_version[];

/* An option: its long name, its key (a letter is the short option too;
 * codes from CLI_LONG up are long only), the name of its argument (NULL
 * when it takes none) and what it does, for --help. A command's table is
 * all its parser accepts, all its --help lists and all the completion
 * offers. */
typedef struct cli_opt {
    const char *name;
    int key;
    const char *arg;
    const char *help;
} cli_opt;
enum { CLI_LONG = 256, CLI_MAXOPTS = 48 };

/* Options that align and check share, word for word, with the key each
 * command gives them. */
#define CLI_OPT_SHOW_LEARNED(key)                                                                \
    { "show-learned", (key), NULL, "write to stderr the abbreviations learned from the input " \
                                   "and the evidence for each candidate" }
#define CLI_OPT_ENCODING(key)                                                                    \
    { "encoding", (key), "NAME", "the input files are in encoding NAME (an iconv name: "       \
                                 "UTF-16LE, CP1252, ISO-8859-1; iconv -l lists them), "        \
                                 "converted to UTF-8 as they are read" }
#define CLI_OPT_REPAIR(key)                                                                      \
    { "repair", (key), NULL, "replace invalid UTF-8 and NUL bytes with U+FFFD, and say in how " \
                             "many documents, instead of rejecting the input" }

typedef struct cli_cmd {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;  /* one line for `selaras --help` */
    const char *synopsis; /* what follows "selaras NAME", one form a line */
    const char *about;    /* a paragraph for --help */
    const cli_opt *opts;  /* ends with { NULL } */
} cli_cmd;

extern const cli_cmd cli_cmd_split, cli_cmd_align, cli_cmd_check, cli_cmd_merge, cli_cmd_srx,
    cli_cmd_eval, cli_cmd_help;
/* Every command, in the order `selaras --help` lists them; NULL-terminated. */
extern const cli_cmd *const cli_commands[];
const cli_cmd *cli_command(const char *name);

/* getopt_long over the command's table (argv[0] is the command's name):
 * the key of the next option, -1 after the last, '?' for an unknown
 * option or a missing argument (reported by getopt as "selaras NAME: ..."). */
int cli_getopt(const cli_cmd *c, int argc, char **argv);
/* The command's --help on stdout: CLI_OK, or CLI_FAIL after a write error. */
int cli_help(const cli_cmd *c);
/* Its usage lines on stderr and where to read more: CLI_USAGE. */
int cli_usage(const cli_cmd *c);
/* `selaras --help` on f. */
void cli_overview(FILE *f);

/* The notes of a document (how its record was read: headings missing,
 * both abstracts in one block, files swapped), told as each comes, or in a
 * batch counted by text and told once at the end (cli_common.c). */
enum { CLI_NOTES = 16 };
typedef struct cli_notes {
    char *text[CLI_NOTES];
    size_t count[CLI_NOTES], n, other;
} cli_notes;
struct sl_doc;
void cli_note(cli_notes *ns, int batch, int quiet, const struct sl_doc *d);
/* The note of a document whose invalid UTF-8 --repair replaced. */
void cli_note_repaired(cli_notes *ns, int batch, int quiet, const sl_item *it);
/* Tells the counted notes (unless quiet) and frees them. */
void cli_notes_tell(cli_notes *ns, int quiet);

#endif
