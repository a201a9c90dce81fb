/* cli_align.c — `selaras align`: records, batches or two files in,
 * TMX (or another format) out. Documents are aligned in parallel chunks
 * and written in input order, so the output never depends on the number
 * of threads. */
#include "cli.h"
#include "selaras/input.h"
#include "selaras/lexicon.h"
#include "selaras/output.h"
#include "selaras/pipeline.h"

#include <getopt.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char usage[] =
    "usage: selaras align [OPTIONS] RECORD|DIR|BATCH.jsonl|-\n"
    "       selaras align [OPTIONS] ID_FILE EN_FILE\n"
    "       selaras align [OPTIONS] --records RECORD|DIR...\n"
    "options:\n"
    "  -f, --format F         tmx (default), tsv, moses, json, beads (default with\n"
    "                         --presplit), ladder\n"
    "  -o, --output FILE      output file (moses: FILE.ID and FILE.EN); default stdout\n"
    "      --presplit         ID_FILE and EN_FILE hold one segment per line\n"
    "      --jsonl            the input is JSON Lines: {\"doc\":..,\"id\":..,\"en\":..}\n"
    "      --langs ID,EN      xml:lang codes for TMX (default id,en)\n"
    "      --min-confidence X leave out units below confidence X (0-1)\n"
    "      --unaligned FILE   list unaligned sentences (TSV) in FILE\n"
    "      --lexicon FILE     TSV (id<TAB>en) or hunalign (en @ id) dictionary\n"
    "      --no-lexicon       length, numbers, names and cognates only\n"
    "      --max-bead N       widest bead side, 1-4 (default 3)\n"
    "      --src-lang L, --tgt-lang L   languages (default id, en)\n"
    "      --rules DIR        splitter rule files to use instead of the built-in ones\n"
    "      --skip-bad         in a batch, skip documents with bad input (a broken JSON\n"
    "                         line, an unreadable record) and name them at the end\n"
    "  -j, --threads N        worker threads (default: all cores)\n";

enum { CHUNK = 256, NAMES = 10 };

typedef struct {
    sl_pipe_opts po;
    int fmt, jsonl, records, nolex, threads, skip_bad;
    const char *outpath, *unaligned, *lexpath;
    char langs[2][64];
    double min_conf;
} opts_t;

/* Loads the lexicon the options ask for; NULL with *failed set when a
 * named file is bad; a missing default is a warning. */
static sl_lexicon *get_lexicon(const opts_t *o, int *failed)
{
    sl_error err;
    sl_error_clear(&err);
    *failed = 0;
    if (o->nolex)
        return NULL;
    int missing;
    sl_lexicon *lex = sl_lexicon_load_default(o->lexpath, o->po.align.src_lang,
                                              o->po.align.tgt_lang, &missing, &err);
    if (!lex) {
        cli_report(&err);
        *failed = 1;
    } else if (missing == 1) {
        cli_msg("warning: FreeDict not installed (apt-get install dict-freedict-eng-ind); "
                "aligning with the built-in core lexicon only");
    } else if (missing == 2) {
        char buf[1400];
        cli_msg("warning: default lexicon unusable, using the built-in core only: %s",
                sl_error_format(&err, buf, sizeof buf));
    }
    return lex;
}

/* Outputs: one, or two for Moses, and the --unaligned list (un.f NULL
 * when not asked for). */
typedef struct {
    cli_out out[2];
    int n;
    cli_out un;
} outs_t;

static int close_outs(outs_t *os, int ok)
{
    int rc = 0;
    for (int k = 0; k < os->n; k++)
        rc |= cli_out_close(&os->out[k], ok);
    if (os->un.f)
        rc |= cli_out_close(&os->un, ok);
    return rc;
}

static int open_outs(outs_t *os, const opts_t *o)
{
    memset(os, 0, sizeof *os);
    if (o->fmt != SL_FMT_MOSES) {
        if (cli_out_open(&os->out[0], o->outpath))
            return -1;
        os->n = 1;
    } else if (!o->outpath || strcmp(o->outpath, "-") == 0) {
        cli_msg("align: --format moses needs -o PREFIX (writes PREFIX.%s and PREFIX.%s)",
                o->langs[0], o->langs[1]);
        return -1;
    } else {
        for (int k = 0; k < 2; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s.%s", o->outpath, o->langs[k]);
            if (cli_out_open(&os->out[k], path)) {
                close_outs(os, 0);
                return -1;
            }
            os->n = k + 1;
        }
    }
    if (o->unaligned && cli_out_open(&os->un, o->unaligned)) {
        close_outs(os, 0);
        return -1;
    }
    return 0;
}

/* Sends a chunk's bytes to every output; -1 after a write error (reported). */
static int commit_outs(outs_t *os)
{
    int rc = 0;
    for (int k = 0; k < os->n; k++)
        rc |= cli_out_commit(&os->out[k]);
    if (os->un.f)
        rc |= cli_out_commit(&os->un);
    return rc;
}

/* Processes one item into a document (called from worker threads). */
static int process(const sl_pipe *p, const sl_item *it, sl_doc *d, sl_error *err)
{
    if (it->kind == SL_ITEM_RECORD)
        return sl_pipe_record(p, it->name, it->t[0].data, it->t[0].len, d, err);
    return sl_pipe_pair(p, it->name, it->t[0].data, it->t[0].len, it->t[1].data, it->t[1].len, d,
                        err);
}

/* The next chunk of items: from in, or (in NULL) the one pair of files in
 * paths. Returns the count, 0 at the end. */
static size_t next_chunk(sl_input *in, char **paths, int *pair_done, sl_item *items)
{
    if (in)
        return sl_input_next(in, items, CHUNK);
    if ((*pair_done)++)
        return 0;
    sl_item_load_pair(&items[0], paths[0], paths[1]);
    return 1;
}

/* Documents a batch left out, named in a summary at its end. */
typedef struct {
    size_t n;
    char *names[NAMES];
    char first[1400]; /* the first one's reason */
} skipped_t;

static void skip(skipped_t *s, const char *where, const char *why)
{
    if (s->n < NAMES)
        s->names[s->n] = strdup(where);
    if (s->n == 0 && why)
        snprintf(s->first, sizeof s->first, "%s", why);
    s->n++;
}

static void summarise(skipped_t *s, const char *what, size_t total)
{
    if (s->n) {
        char list[4096] = "";
        size_t k = 0;
        for (size_t i = 0; i < s->n && i < NAMES; i++) {
            int m = snprintf(list + k, sizeof list - k, "%s%s", i ? ", " : "",
                             s->names[i] ? s->names[i] : "?");
            if (m < 0 || (size_t)m >= sizeof list - k)
                break;
            k += (size_t)m;
        }
        cli_msg("skipped %zu of %zu documents %s: %s%s%s%s", s->n, total, what, list,
                s->n > NAMES ? ", …" : "", s->first[0] ? "; the first: " : "", s->first);
    }
    for (size_t i = 0; i < s->n && i < NAMES; i++)
        free(s->names[i]);
}

/* A batch run: the writer, its outputs and what was left out. */
typedef struct {
    const opts_t *o;
    sl_writer w;
    outs_t os;
    int begun; /* the header is written: a stopped run still closes it */
    size_t seen;
    skipped_t bad, missing;
} run_t;

/* Input a batch may skip with --skip-bad: a broken line or an unreadable
 * record file (not a failure of the machine). */
static int skippable(int code)
{
    return code == SL_EINPUT || code == SL_EIO;
}

/* Does this item, unreadable, end the run? */
static int stops(const run_t *r, const sl_item *it)
{
    return it->status && !(r->w.batch && r->o->skip_bad && skippable(it->status));
}

/* Writes one processed item (rc and err from its processing), or skips or
 * reports it. Returns the run's status. */
static int take(run_t *r, const sl_item *it, int rc, const sl_doc *d, const sl_error *err)
{
    char where[1100];
    sl_item_where(it, where, sizeof where);
    r->seen++;
    if (it->status || rc) {
        sl_error e = it->status ? it->err : *err;
        if (!it->status) { /* the pipeline names the document; the file says more */
            snprintf(e.file, sizeof e.file, "%s", it->path ? it->path : it->name);
            e.line = it->line;
            e.column = 0;
        }
        if (r->w.batch && e.code == SL_EMISSING) {
            skip(&r->missing, where, NULL);
            return CLI_OK;
        }
        if (!r->w.batch || !skippable(e.code))
            return cli_report(&e);
        char buf[1400];
        sl_error_format(&e, buf, sizeof buf);
        if (r->o->skip_bad) {
            skip(&r->bad, where, buf);
            return CLI_OK;
        }
        cli_msg("%s; --skip-bad would skip such %s", buf, it->line ? "lines" : "files");
        return cli_status(&e);
    }
    if (!r->begun++) {
        sl_write_begin(&r->w);
        cli_out_tail(&r->os.out[0], sl_write_tail(&r->w));
    }
    /* a failed write into memory shows when the chunk is committed */
    sl_write_doc(&r->w, d);
    if (r->os.un.f)
        sl_write_unaligned(r->os.un.f, &r->w.tmx, d);
    if (d->rec.note[0])
        cli_msg("%s: %s", d->name, d->rec.note);
    return CLI_OK;
}

/* Runs the sources through the pipeline and the writer. Each chunk is
 * committed whole; whatever stops the run, an in-place output ends with
 * the writer's tail (a closed TMX), a file target is left untouched. */
static int run(const opts_t *o, const sl_pipe *p, char **paths, int npaths, int pair)
{
    int status = CLI_OK;
    run_t r;
    memset(&r, 0, sizeof r);
    r.o = o;
    if (open_outs(&r.os, o))
        return CLI_FAIL;
    sl_writer *w = &r.w;
    w->fmt = o->fmt;
    w->f[0] = r.os.out[0].f;
    w->f[1] = r.os.n > 1 ? r.os.out[1].f : NULL;
    w->tmx.lang[0] = o->langs[0];
    w->tmx.lang[1] = o->langs[1];
    w->tmx.version = SELARAS_VERSION;
    w->tmx.min_conf = o->min_conf;
    /* SOURCE_DATE_EPOCH makes the TMX date, and so the bytes, reproducible */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    w->tmx.created = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    /* a directory, JSON Lines or several records make a batch */
    struct stat st;
    w->batch = !pair && (npaths > 1 || o->jsonl || strstr(paths[0], ".jsonl") ||
                         (stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode)));
    sl_item *items = calloc(CHUNK, sizeof *items);
    sl_doc *docs = calloc(CHUNK, sizeof *docs);
    sl_error *errs = calloc(CHUNK, sizeof *errs);
    int *rcs = calloc(CHUNK, sizeof *rcs);
    if (!items || !docs || !errs || !rcs) {
        cli_msg("out of memory");
        status = CLI_FAIL;
    }
    for (int src = 0; src < (pair ? 1 : npaths) && status == CLI_OK; src++) {
        sl_error err;
        sl_input *in = NULL;
        if (!pair && !(in = sl_input_open(paths[src], o->jsonl, &err))) {
            status = cli_report(&err);
            break;
        }
        int pair_done = 0;
        size_t n;
        while (status == CLI_OK && (n = next_chunk(in, paths, &pair_done, items)) > 0) {
            /* items after one that ends the run are not worth aligning */
            size_t lim = 0;
            while (lim < n && !stops(&r, &items[lim]))
                lim++;
#pragma omp parallel for schedule(dynamic, 1) num_threads(o->threads > 0 ? o->threads : omp_get_max_threads())
            for (size_t k = 0; k < lim; k++) {
                sl_error_clear(&errs[k]);
                rcs[k] = items[k].status ? items[k].status
                                         : process(p, &items[k], &docs[k], &errs[k]);
            }
            if (lim < n)
                rcs[lim] = items[lim].status;
            for (size_t k = 0; k <= lim && k < n && status == CLI_OK; k++)
                status = take(&r, &items[k], rcs[k], &docs[k], &errs[k]);
            for (size_t k = 0; k < n; k++) {
                if (k < lim && !rcs[k])
                    sl_doc_free(&docs[k]);
                sl_item_free(&items[k]);
            }
            if (status == CLI_OK && commit_outs(&r.os))
                status = CLI_FAIL;
        }
        sl_input_close(in);
    }
    if (status == CLI_OK && !r.begun++)
        sl_write_begin(w);
    if (r.begun) {
        sl_write_end(w);
        cli_out_tail(&r.os.out[0], NULL);
    }
    if (close_outs(&r.os, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    summarise(&r.missing, "without both abstracts", r.seen);
    summarise(&r.bad, "with bad input", r.seen);
    if (status == CLI_OK && o->outpath && o->fmt != SL_FMT_MOSES)
        cli_msg("wrote %zu units from %zu documents to %s", w->units, w->docs, o->outpath);
    else if (status == CLI_OK && o->fmt == SL_FMT_MOSES)
        cli_msg("wrote %zu units from %zu documents to %s.%s and %s.%s", w->units, w->docs,
                o->outpath, o->langs[0], o->outpath, o->langs[1]);
    free(items);
    free(docs);
    free(errs);
    free(rcs);
    return status;
}

int cli_align(int argc, char **argv)
{
    static const struct option lopts[] = {
        { "presplit", no_argument, NULL, 'p' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "lexicon", required_argument, NULL, 'x' },
        { "no-lexicon", no_argument, NULL, 'X' },
        { "max-bead", required_argument, NULL, 'm' },
        { "src-lang", required_argument, NULL, 's' },
        { "tgt-lang", required_argument, NULL, 't' },
        { "rules", required_argument, NULL, 'r' },
        { "jsonl", no_argument, NULL, 'J' },
        { "records", no_argument, NULL, 'R' },
        { "langs", required_argument, NULL, 'L' },
        { "min-confidence", required_argument, NULL, 'c' },
        { "unaligned", required_argument, NULL, 'u' },
        { "threads", required_argument, NULL, 'j' },
        { "skip-bad", no_argument, NULL, 'S' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    opts_t o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.po.align);
    o.fmt = -1;
    snprintf(o.langs[0], sizeof o.langs[0], "id");
    snprintf(o.langs[1], sizeof o.langs[1], "en");
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "f:o:j:h", lopts, NULL)) != -1) {
        switch (c) {
        case 'p': o.po.presplit = 1; break;
        case 'f':
            if ((o.fmt = sl_format_parse(optarg)) < 0) {
                cli_msg("align: unknown format '%s'", optarg);
                return CLI_USAGE;
            }
            break;
        case 'o': o.outpath = optarg; break;
        case 'x': o.lexpath = optarg; break;
        case 'X': o.nolex = 1; break;
        case 'm': o.po.align.max_side = (int)strtol(optarg, &end, 10);
            if (*end) { cli_msg("align: --max-bead takes a number"); return CLI_USAGE; }
            break;
        case 's': o.po.align.src_lang = optarg; break;
        case 't': o.po.align.tgt_lang = optarg; break;
        case 'r': o.po.rules_dir = optarg; break;
        case 'J': o.jsonl = 1; break;
        case 'R': o.records = 1; break;
        case 'L': {
            const char *comma = strchr(optarg, ',');
            if (!comma || comma == optarg || !comma[1] || (size_t)(comma - optarg) >= 64 ||
                strlen(comma + 1) >= 64 || strchr(optarg, '_')) {
                cli_msg("align: --langs takes two BCP 47 codes such as id-ID,en-US");
                return CLI_USAGE;
            }
            snprintf(o.langs[0], sizeof o.langs[0], "%.*s", (int)(comma - optarg), optarg);
            snprintf(o.langs[1], sizeof o.langs[1], "%s", comma + 1);
            break;
        }
        case 'c': o.min_conf = strtod(optarg, &end);
            if (*end || o.min_conf < 0 || o.min_conf > 1) {
                cli_msg("align: --min-confidence takes a number from 0 to 1");
                return CLI_USAGE;
            }
            break;
        case 'u': o.unaligned = optarg; break;
        case 'S': o.skip_bad = 1; break;
        case 'j': o.threads = (int)strtol(optarg, &end, 10);
            if (*end || o.threads < 1) { cli_msg("align: --threads takes a positive number"); return CLI_USAGE; }
            break;
        case 'h': return cli_print(usage);
        default: fputs(usage, stderr); return CLI_USAGE;
        }
    }
    int npaths = argc - optind;
    int pair = npaths == 2 && !o.records && !o.jsonl;
    if (npaths < 1 || (npaths > 2 && !o.records && !o.jsonl) || (o.po.presplit && !pair)) {
        if (o.po.presplit && !pair)
            cli_msg("align: --presplit takes ID_FILE EN_FILE");
        fputs(usage, stderr);
        return CLI_USAGE;
    }
    if (o.fmt < 0)
        o.fmt = o.po.presplit ? SL_FMT_BEADS : SL_FMT_TMX;
    int failed;
    sl_lexicon *lex = get_lexicon(&o, &failed);
    if (failed)
        return CLI_USAGE;
    sl_error err;
    sl_error_clear(&err);
    sl_pipe *p = sl_pipe_new(&o.po, lex, &err);
    int status = p ? run(&o, p, argv + optind, npaths, pair) : cli_report(&err);
    sl_pipe_free(p);
    sl_lexicon_free(lex);
    return status;
}
