/* cli_shard.c — the index of a shard's output, written by
 * `selaras align --shard K/N -o OUT` as OUT.shard beside OUT and read by
 * `selaras merge`.
 *
 * The documents of a shard sit in its output in input order, each as one
 * run of bytes, between the header and the footer; the index gives the
 * length of every piece, so that a merge interleaves the runs of several
 * shards by the documents' places in the input without parsing any
 * format. Plain text, one line a piece, the numbers in decimal:
 *
 *     selaras-shard 1
 *     format tmx                  (Moses: "format moses id en", the suffixes of its two files)
 *     shard 2/8
 *     header 312                  bytes before the first document, per file
 *     doc 1 5120                  a document: its 0-based place in the input, bytes per file
 *     doc 9 4410
 *     footer 17
 *     input 40                    documents in the whole input
 *
 * A document's bytes leave out the blank line that beads and ladders put
 * between documents: the merge writes it where the documents meet. The
 * last line comes last so that a cut index is never taken for whole. */
#include "cli.h"
#include "selaras/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

enum { MAXF = 8 };

/* ---- writing ----------------------------------------------------------- */

int cli_shard_create(cli_shard_out *s, const char *path, const char *fmt,
                     const char *const suffix[CLI_SHARD_FILES], FILE *f0, FILE *f1,
                     size_t k, size_t n)
{
    memset(s, 0, sizeof *s);
    /* the index is split on spaces */
    for (int j = 0; suffix && j < CLI_SHARD_FILES; j++)
        if (strpbrk(suffix[j], " \t\n")) {
            cli_msg("align: --shard: '%s' cannot name a file of a shard", suffix[j]);
            return -1;
        }
    if (cli_out_open(&s->out, path))
        return -1;
    s->f[0] = f0;
    s->f[1] = f1;
    s->nfiles = f1 ? 2 : 1;
    fprintf(s->out.f, "selaras-shard 1\nformat %s", fmt);
    if (suffix)
        fprintf(s->out.f, " %s %s", suffix[0], suffix[1]);
    fprintf(s->out.f, "\nshard %zu/%zu\n", k, n);
    return 0;
}

void cli_shard_mark(cli_shard_out *s)
{
    for (int j = 0; j < s->nfiles; j++)
        s->mark[j] = ftell(s->f[j]);
}

void cli_shard_piece(cli_shard_out *s, const char *tag, long long doc)
{
    fputs(tag, s->out.f);
    if (doc >= 0)
        fprintf(s->out.f, " %lld", doc);
    /* a stream that failed fails its output's commit: the index is never
     * kept beside it */
    for (int j = 0; j < s->nfiles; j++)
        fprintf(s->out.f, " %ld", ftell(s->f[j]) - s->mark[j]);
    fputc('\n', s->out.f);
}

void cli_shard_end(cli_shard_out *s, size_t input)
{
    fprintf(s->out.f, "input %zu\n", input);
}

/* ---- reading ----------------------------------------------------------- */

static int bad(cli_shard *s, const char *what)
{
    cli_msg("merge: %s:%ld: %s", s->path, s->line, what);
    return -1;
}

/* The next line split on single spaces into t (at most MAXF fields);
 * the number of fields, 0 at the end, -1 on a read error (reported). */
static int fields(cli_shard *s, char **t)
{
    errno = 0;
    ssize_t len = getline(&s->buf, &s->cap, s->f);
    if (len < 0) {
        if (ferror(s->f)) {
            cli_msg("merge: %s: cannot read: %s", s->path, strerror(errno ? errno : EIO));
            return -1;
        }
        s->line++; /* the line that is not there, for messages */
        return 0;
    }
    s->line++;
    if (len == 0 || s->buf[len - 1] != '\n')
        return bad(s, "cut short (was the shard run stopped?)");
    s->buf[len - 1] = '\0';
    int n = 0;
    for (char *p = s->buf;; p++) {
        if (n == MAXF)
            return bad(s, "not a shard index line");
        t[n++] = p;
        if (!(p = strchr(p, ' ')))
            break;
        *p = '\0';
    }
    return n;
}

static int number(const char *t, unsigned long long *v)
{
    if (!*t || strspn(t, "0123456789") != strlen(t))
        return -1;
    errno = 0;
    *v = strtoull(t, NULL, 10);
    return errno ? -1 : 0;
}

/* A line "tag n..." with exactly nums numbers. */
static int numbers(cli_shard *s, const char *tag, int nums, unsigned long long *v)
{
    char *t[MAXF], what[64];
    int n = fields(s, t);
    if (n < 0)
        return -1;
    snprintf(what, sizeof what, "expected \"%s\" and %d number%s", tag, nums, nums > 1 ? "s" : "");
    if (n != nums + 1 || strcmp(t[0], tag) != 0)
        return bad(s, n ? what : "cut short (was the shard run stopped?)");
    for (int k = 0; k < nums; k++)
        if (number(t[k + 1], &v[k]))
            return bad(s, what);
    return 0;
}

/* The first lines: what the index is, the format, the shard and the
 * header. */
static int head(cli_shard *s)
{
    char *t[MAXF];
    int n = fields(s, t);
    if (n < 0)
        return -1;
    if (n != 2 || strcmp(t[0], "selaras-shard") != 0 || strcmp(t[1], "1") != 0)
        return bad(s, "not a shard index of this version of selaras");
    if ((n = fields(s, t)) < 0)
        return -1;
    if (n < 2 || strcmp(t[0], "format") != 0 || strlen(t[1]) >= sizeof s->fmt)
        return bad(s, "expected \"format\" and a format");
    snprintf(s->fmt, sizeof s->fmt, "%s", t[1]);
    if (sl_format_parse(s->fmt) < 0 && strcmp(s->fmt, "unaligned") != 0)
        return bad(s, "not a format selaras writes");
    int moses = strcmp(s->fmt, "moses") == 0;
    if (n != (moses ? 4 : 2))
        return bad(s, moses ? "Moses needs the suffixes of its two files" : "expected \"format\" and a format");
    s->nfiles = moses ? 2 : 1;
    for (int j = 0; moses && j < 2; j++) {
        if (!*t[2 + j] || strlen(t[2 + j]) >= sizeof s->suffix[j] || strchr(t[2 + j], '/'))
            return bad(s, "not a suffix of a Moses file");
        snprintf(s->suffix[j], sizeof s->suffix[j], "%s", t[2 + j]);
    }
    if ((n = fields(s, t)) < 0)
        return -1;
    char *slash = n == 2 ? strchr(t[1], '/') : NULL;
    if (slash)
        *slash = '\0';
    if (n != 2 || strcmp(t[0], "shard") != 0 || !slash || number(t[1], &s->k) ||
        number(slash + 1, &s->n) || s->k < 1 || s->k > s->n)
        return bad(s, "expected \"shard K/N\" with 1 <= K <= N");
    return numbers(s, "header", s->nfiles, s->header);
}

int cli_shard_read(cli_shard *s, const char *name)
{
    memset(s, 0, sizeof *s);
    size_t len = strlen(name);
    if (!(s->path = malloc(len + sizeof ".shard"))) {
        cli_msg("out of memory");
        return -1;
    }
    memcpy(s->path, name, len);
    memcpy(s->path + len, ".shard", sizeof ".shard");
    if (!(s->f = fopen(s->path, "r"))) {
        cli_msg("merge: %s: cannot open: %s (is %s the output of selaras align --shard?)", s->path,
                strerror(errno), name);
        return -1;
    }
    if (head(s))
        return -1;
    s->docs_at = ftell(s->f);
    s->docs_line = s->line;
    unsigned long long doc, last = 0, l[CLI_SHARD_FILES];
    int rc;
    while ((rc = cli_shard_next(s, &doc, l)) > 0) {
        if (s->docs && doc <= last)
            return bad(s, "documents out of input order");
        if (doc % s->n != s->k - 1) {
            char what[128];
            snprintf(what, sizeof what, "document %llu does not belong to shard %llu/%llu",
                     doc, s->k, s->n);
            return bad(s, what);
        }
        for (int j = 0; j < s->nfiles; j++)
            s->body[j] += l[j];
        s->docs++;
        last = doc;
    }
    if (rc < 0 || numbers(s, "input", 1, &s->input))
        return -1;
    if (s->docs && last >= s->input)
        return bad(s, "more documents than the input holds");
    char *t[MAXF];
    if ((rc = fields(s, t)) != 0)
        return rc < 0 ? -1 : bad(s, "more after the last line");
    return 0;
}

int cli_shard_rewind(cli_shard *s)
{
    if (fseek(s->f, s->docs_at, SEEK_SET) != 0) {
        cli_msg("merge: %s: cannot read: %s", s->path, strerror(errno));
        return -1;
    }
    s->line = s->docs_line;
    return 0;
}

/* After the documents comes the footer: its line ends them. */
int cli_shard_next(cli_shard *s, unsigned long long *doc, unsigned long long len[CLI_SHARD_FILES])
{
    char *t[MAXF];
    int n = fields(s, t);
    if (n < 0)
        return -1;
    if (n == s->nfiles + 1 && strcmp(t[0], "footer") == 0) {
        for (int j = 0; j < s->nfiles; j++)
            if (number(t[j + 1], &s->footer[j]))
                return bad(s, "expected \"footer\" and its bytes");
        return 0;
    }
    if (n != s->nfiles + 2 || strcmp(t[0], "doc") != 0 || number(t[1], doc))
        return bad(s, n ? "expected \"doc\", its place in the input and its bytes, or \"footer\""
                        : "cut short (was the shard run stopped?)");
    for (int j = 0; j < s->nfiles; j++)
        if (number(t[j + 2], &len[j]))
            return bad(s, "expected \"doc\", its place in the input and its bytes");
    return 1;
}

void cli_shard_close(cli_shard *s)
{
    if (s->f)
        fclose(s->f);
    free(s->buf);
    free(s->path);
    memset(s, 0, sizeof *s);
}
