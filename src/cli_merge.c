/* cli_merge.c — `selaras merge`: the outputs of `selaras align --shard K/N`
 * for K = 1..N joined into the bytes one run over the whole input writes.
 *
 * Every shard read the whole input and aligned every N-th document, so
 * document i of the input is in shard i mod N + 1, and the merge takes the
 * documents round the shards in input order, copying each as the run of
 * bytes its index (cli_shard.c) says it is: no format is parsed, and
 * memory holds about a megabyte of documents at a time. The header and footer
 * are shard 1's (they are the same in every shard but for a TMX's date,
 * which SOURCE_DATE_EPOCH pins). */
#include "cli.h"
#include "selaras/tmx.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const cli_opt opts[] = {
    { "output", 'o', "FILE", "write to FILE (Moses: FILE.ID and FILE.EN), replaced only when "
                             "the merge succeeds (default stdout)" },
    { "verbose", 'v', NULL, "say what was written" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int merge_main(int argc, char **argv);

const cli_cmd cli_cmd_merge = {
    "merge", merge_main, "join the outputs of align --shard K/N into one run's output",
    "[-o FILE] SHARD_OUTPUT...",
    "Joins the outputs of selaras align --shard K/N -o SHARD_OUTPUT, one for each K from 1 to "
    "N, given in any order, into the bytes one run over the whole input writes. Each needs "
    "its index SHARD_OUTPUT.shard. Moses outputs are given by their prefix, as -o took them; "
    "any output may be given by its index instead (part.*.shard).",
    opts,
};

enum { COPY = 1 << 16, COMMIT = 1 << 20 };

typedef struct {
    char *name;        /* the output: as given, or its index's name less ".shard" */
    cli_shard ix;
    int fd[CLI_SHARD_FILES];
    char *data[CLI_SHARD_FILES];
    unsigned long long size[CLI_SHARD_FILES];
    unsigned long long off[CLI_SHARD_FILES]; /* where the next document starts */
    unsigned long long next, len[CLI_SHARD_FILES];
    int more; /* next and len hold a document */
} part_t;

/* The output a name given stands for: itself, or, for an index
 * (NAME.shard that has no index of its own), NAME. A Moses pair has no
 * file of its prefix's name, so `part.*.shard` is how a shell names all
 * its shards. */
static char *output_of(const char *given)
{
    size_t len = strlen(given), suf = strlen(".shard");
    char *name = malloc(len + suf + 1);
    if (!name)
        return NULL;
    snprintf(name, len + suf + 1, "%s.shard", given);
    struct stat st;
    if (len > suf && strcmp(given + len - suf, ".shard") == 0 && stat(name, &st) != 0)
        len -= suf;
    memcpy(name, given, len);
    name[len] = '\0';
    return name;
}

/* Beads and ladders of a batch: a blank line between documents, which
 * the index leaves out of each. */
static int separated(const cli_shard *s)
{
    return strcmp(s->fmt, "beads") == 0 || strcmp(s->fmt, "ladder") == 0;
}

static int by_k(const void *a, const void *b)
{
    const part_t *x = a, *y = b;
    return (x->ix.k > y->ix.k) - (x->ix.k < y->ix.k);
}

/* "tmx", or "moses id en": what must be the same in every shard. */
static const char *kind(const cli_shard *s, char *buf, size_t size)
{
    snprintf(buf, size, s->nfiles > 1 ? "%s %s %s" : "%s", s->fmt, s->suffix[0], s->suffix[1]);
    return buf;
}

/* The shards belong together: one format, one N, one input, each K once. */
static int together(part_t *parts, size_t n)
{
    const cli_shard *a = &parts[0].ix;
    for (size_t i = 1; i < n; i++) {
        const cli_shard *b = &parts[i].ix;
        char ka[160], kb[160];
        if (strcmp(kind(a, ka, sizeof ka), kind(b, kb, sizeof kb)) != 0) {
            cli_msg("merge: %s: format %s, but %s has %s", b->path, kb, a->path, ka);
            return -1;
        }
        if (b->n != a->n) {
            cli_msg("merge: %s: shard %llu/%llu, but %s is one of %llu", b->path, b->k, b->n,
                    a->path, a->n);
            return -1;
        }
        if (b->input != a->input) {
            cli_msg("merge: %s: from an input of %llu documents, but %s from one of %llu",
                    b->path, b->input, a->path, a->input);
            return -1;
        }
    }
    qsort(parts, n, sizeof *parts, by_k);
    for (size_t i = 0; i < n; i++) {
        if (i && parts[i].ix.k == parts[i - 1].ix.k) {
            cli_msg("merge: %s: shard %llu/%llu, which %s is too", parts[i].ix.path,
                    parts[i].ix.k, a->n, parts[i - 1].ix.path);
            return -1;
        }
        if (parts[i].ix.k != i + 1)
            break;
    }
    size_t have = 0;
    while (have < n && parts[have].ix.k == have + 1)
        have++;
    if (have < parts[0].ix.n) {
        cli_msg("merge: shard %zu/%llu is missing: %zu shard%s given (%s is 1/%llu)", have + 1,
                parts[0].ix.n, n, n == 1 ? "" : "s", parts[0].name, parts[0].ix.n);
        return -1;
    }
    return 0;
}

/* Opens a shard's files and checks that their sizes are what its index
 * adds up to, so that an output written by another run is never merged. */
static int open_data(part_t *p)
{
    const cli_shard *s = &p->ix;
    for (int j = 0; j < s->nfiles; j++) {
        size_t len = strlen(p->name) + strlen(s->suffix[j]) + 2;
        if (!(p->data[j] = malloc(len))) {
            cli_msg("out of memory");
            return CLI_FAIL;
        }
        snprintf(p->data[j], len, s->nfiles > 1 ? "%s.%s" : "%s", p->name, s->suffix[j]);
        struct stat st;
        if ((p->fd[j] = open(p->data[j], O_RDONLY | O_CLOEXEC)) < 0 || fstat(p->fd[j], &st) != 0) {
            cli_msg("merge: %s: cannot open: %s", p->data[j], strerror(errno));
            return CLI_USAGE;
        }
        unsigned long long want = s->header[j] + s->body[j] + s->footer[j] +
                                  (j == 0 && separated(s) && s->docs ? s->docs - 1 : 0);
        p->size[j] = (unsigned long long)st.st_size;
        if (p->size[j] != want) {
            cli_msg("merge: %s: %llu bytes, but its index %s says %llu "
                    "(were they written by different runs?)",
                    p->data[j], p->size[j], s->path, want);
            return CLI_USAGE;
        }
    }
    return CLI_OK;
}

/* Copies len bytes of fd from off to f. */
static int copy(FILE *f, int fd, const char *path, unsigned long long off, unsigned long long len)
{
    static char buf[COPY];
    while (len) {
        size_t want = len < sizeof buf ? (size_t)len : sizeof buf;
        ssize_t got = pread(fd, buf, want, (off_t)off);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            cli_msg("merge: %s: %s", path, got ? strerror(errno) : "shorter than its index says (changed meanwhile?)");
            return CLI_USAGE;
        }
        fwrite(buf, 1, (size_t)got, f);
        off += (unsigned long long)got;
        len -= (unsigned long long)got;
    }
    return CLI_OK;
}

static int advance(part_t *p)
{
    p->more = cli_shard_next(&p->ix, &p->next, p->len);
    return p->more < 0 ? CLI_USAGE : CLI_OK;
}

/* Header, the documents in input order, footer. */
static int join(part_t *parts, size_t n, cli_out *out)
{
    const cli_shard *first = &parts[0].ix;
    int nf = first->nfiles, sep = separated(first), status = CLI_OK, committed = 0;
    for (int j = 0; j < nf && !status; j++)
        status = copy(out[j].f, parts[0].fd[j], parts[0].data[j], 0, first->header[j]);
    if (strcmp(first->fmt, "tmx") == 0)
        cli_out_tail(&out[0], SL_TMX_TAIL);
    for (size_t i = 0; i < n && !status; i++) {
        part_t *p = &parts[i];
        for (int j = 0; j < nf; j++)
            p->off[j] = p->ix.header[j];
        if (!(status = cli_shard_rewind(&p->ix) ? CLI_USAGE : CLI_OK))
            status = advance(p);
    }
    unsigned long long written = 0;
    for (unsigned long long doc = 0; doc < first->input && !status; doc++) {
        part_t *p = &parts[doc % n];
        if (!p->more || p->next != doc)
            continue; /* skipped by its shard: bad input, or an abstract missing */
        if (written++ && sep)
            fputc('\n', out[0].f);
        for (int j = 0; j < nf && !status; j++) {
            status = copy(out[j].f, p->fd[j], p->data[j], p->off[j], p->len[j]);
            p->off[j] += p->len[j] + (j == 0 && sep);
        }
        if (!status)
            status = advance(p);
        /* whole documents go out, a megabyte or so at a time */
        if (!status && ftell(out[0].f) >= COMMIT) {
            for (int j = 0; j < nf && !status; j++)
                if (cli_out_commit(&out[j]))
                    status = CLI_FAIL;
            committed = 1;
        }
    }
    if (!status)
        cli_out_tail(&out[0], NULL);
    for (int j = 0; j < nf && !status; j++)
        status = copy(out[j].f, parts[0].fd[j], parts[0].data[j],
                      parts[0].size[j] - first->footer[j], first->footer[j]);
    if (status && committed) {
        /* stdout or a FIFO has whole documents: drop the piece that broke
         * off and close them as a stopped run would */
        for (int j = 0; j < nf; j++)
            rewind(out[j].f);
        if (strcmp(first->fmt, "tmx") == 0)
            fputs(SL_TMX_TAIL, out[0].f);
    } else if (status) {
        for (int j = 0; j < nf; j++)
            rewind(out[j].f); /* nothing went out: nothing will */
    }
    return status;
}

/* The documents the shards hold between them. */
static unsigned long long total_docs(const part_t *parts, size_t n)
{
    unsigned long long docs = 0;
    for (size_t i = 0; i < n; i++)
        docs += parts[i].ix.docs;
    return docs;
}

static int merge_main(int argc, char **argv)
{
    const char *outpath = NULL;
    int c, verbose = 0;
    while ((c = cli_getopt(&cli_cmd_merge, argc, argv)) != -1) {
        switch (c) {
        case 'o': outpath = optarg; break;
        case 'v': verbose = 1; break;
        case 'h': return cli_help(&cli_cmd_merge);
        default: return cli_usage(&cli_cmd_merge);
        }
    }
    size_t n = (size_t)(argc - optind);
    if (n == 0)
        return cli_usage(&cli_cmd_merge);
    part_t *parts = calloc(n, sizeof *parts);
    if (!parts) {
        cli_msg("out of memory");
        return CLI_FAIL;
    }
    for (size_t i = 0; i < n; i++)
        parts[i].fd[0] = parts[i].fd[1] = -1;
    int status = CLI_OK;
    for (size_t i = 0; i < n && !status; i++) {
        if (!(parts[i].name = output_of(argv[optind + (int)i]))) {
            cli_msg("out of memory");
            status = CLI_FAIL;
        } else if (cli_shard_read(&parts[i].ix, parts[i].name)) {
            status = CLI_USAGE;
        }
    }
    if (!status && together(parts, n))
        status = CLI_USAGE;
    for (size_t i = 0; i < n && !status; i++)
        status = open_data(&parts[i]);
    cli_out out[CLI_SHARD_FILES];
    int nout = 0;
    if (!status) {
        const cli_shard *s = &parts[0].ix;
        if (s->nfiles > 1 && (!outpath || strcmp(outpath, "-") == 0)) {
            cli_msg("merge: Moses needs -o PREFIX (writes PREFIX.%s and PREFIX.%s)", s->suffix[0],
                    s->suffix[1]);
            status = CLI_USAGE;
        }
        for (int j = 0; j < s->nfiles && !status; j++) {
            char path[4096];
            snprintf(path, sizeof path, s->nfiles > 1 ? "%s.%s" : "%s", outpath ? outpath : "-",
                     s->suffix[j]);
            if (cli_out_open(&out[j], path))
                status = CLI_FAIL;
            else
                nout++;
        }
    }
    if (!status)
        status = join(parts, n, out);
    for (int j = 0; j < nout; j++)
        if (cli_out_close(&out[j], status == CLI_OK) && status == CLI_OK)
            status = CLI_FAIL;
    if (status == CLI_OK && verbose)
        cli_msg("merged %llu documents from %zu shards into %s", total_docs(parts, n),
                n, outpath && strcmp(outpath, "-") != 0 ? outpath : "<stdout>");
    for (size_t i = 0; i < n; i++) {
        for (int j = 0; j < CLI_SHARD_FILES; j++) {
            if (parts[i].fd[j] >= 0)
                close(parts[i].fd[j]);
            free(parts[i].data[j]);
        }
        cli_shard_close(&parts[i].ix);
        free(parts[i].name);
    }
    free(parts);
    return status;
}
