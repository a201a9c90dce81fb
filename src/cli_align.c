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
    "  -j, --threads N        worker threads (default: all cores)\n";

enum { CHUNK = 256 };

typedef struct {
    sl_pipe_opts po;
    int fmt, jsonl, records, nolex, threads;
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

/* Output streams: one, or two for Moses, all written atomically. */
typedef struct {
    cli_out out[2];
    int n;
} outs_t;

static int open_outs(outs_t *os, const opts_t *o)
{
    memset(os, 0, sizeof *os);
    if (o->fmt != SL_FMT_MOSES) {
        os->n = 1;
        return cli_out_open(&os->out[0], o->outpath);
    }
    if (!o->outpath || strcmp(o->outpath, "-") == 0) {
        cli_msg("align: --format moses needs -o PREFIX (writes PREFIX.%s and PREFIX.%s)",
                o->langs[0], o->langs[1]);
        return -1;
    }
    for (int k = 0; k < 2; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s.%s", o->outpath, o->langs[k]);
        if (cli_out_open(&os->out[k], path)) {
            if (k)
                cli_out_close(&os->out[0], 0);
            return -1;
        }
        os->n = k + 1;
    }
    return 0;
}

static int close_outs(outs_t *os, int ok)
{
    int rc = 0;
    for (int k = 0; k < os->n; k++)
        rc |= cli_out_close(&os->out[k], ok);
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

/* The next chunk of documents: from in, or (in NULL) the one pair of
 * files in paths. Returns the count, 0 at the end, -1 on error. */
static long next_chunk(sl_input *in, char **paths, int *pair_done, sl_item *items, sl_error *err)
{
    if (in)
        return sl_input_next(in, items, CHUNK, err);
    if ((*pair_done)++)
        return 0;
    memset(&items[0], 0, sizeof items[0]);
    items[0].kind = SL_ITEM_PAIR;
    if (sl_text_load(paths[0], NULL, &items[0].t[0], err) ||
        sl_text_load(paths[1], NULL, &items[0].t[1], err)) {
        sl_item_free(&items[0]);
        return -1;
    }
    if (!(items[0].name = strdup(paths[0]))) {
        sl_item_free(&items[0]);
        sl_error_set(err, SL_ENOMEM, paths[0], 0, -1, "out of memory");
        return -1;
    }
    return 1;
}

/* Runs the sources through the pipeline and the writer. */
static int run(const opts_t *o, const sl_pipe *p, char **paths, int npaths, int pair)
{
    int status = CLI_OK;
    outs_t os;
    cli_out un = { 0 };
    if (open_outs(&os, o))
        return CLI_FAIL;
    if (o->unaligned && cli_out_open(&un, o->unaligned)) {
        close_outs(&os, 0);
        return CLI_FAIL;
    }
    sl_writer w;
    memset(&w, 0, sizeof w);
    w.fmt = o->fmt;
    w.f[0] = os.out[0].f;
    w.f[1] = os.n > 1 ? os.out[1].f : NULL;
    w.tmx.lang[0] = o->langs[0];
    w.tmx.lang[1] = o->langs[1];
    w.tmx.version = SELARAS_VERSION;
    w.tmx.min_conf = o->min_conf;
    /* SOURCE_DATE_EPOCH makes the TMX date, and so the bytes, reproducible */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    w.tmx.created = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    /* a directory, JSON Lines or several records make a batch */
    struct stat st;
    w.batch = !pair && (npaths > 1 || o->jsonl || strstr(paths[0], ".jsonl") ||
                        (stat(paths[0], &st) == 0 && S_ISDIR(st.st_mode)));
    sl_item *items = calloc(CHUNK, sizeof *items);
    sl_doc *docs = calloc(CHUNK, sizeof *docs);
    sl_error *errs = calloc(CHUNK, sizeof *errs);
    int *rcs = calloc(CHUNK, sizeof *rcs);
    sl_error err;
    sl_error_clear(&err);
    if (!items || !docs || !errs || !rcs) {
        cli_msg("out of memory");
        status = CLI_FAIL;
        goto done;
    }
    int begun = 0; /* the header waits for the first good chunk: a single
                    * bad document leaves stdout empty */
    for (int src = 0; src < (pair ? 1 : npaths) && status == CLI_OK; src++) {
        sl_input *in = NULL;
        if (!pair && !(in = sl_input_open(paths[src], o->jsonl, &err))) {
            status = cli_report(&err);
            break;
        }
        int pair_done = 0;
        for (;;) {
            long n = next_chunk(in, paths, &pair_done, items, &err);
            if (n < 0) {
                status = cli_report(&err);
                break;
            }
            if (n == 0)
                break;
#pragma omp parallel for schedule(dynamic, 1) num_threads(o->threads > 0 ? o->threads : omp_get_max_threads())
            for (long k = 0; k < n; k++) {
                sl_error_clear(&errs[k]);
                rcs[k] = process(p, &items[k], &docs[k], &errs[k]);
            }
            for (long k = 0; k < n && status == CLI_OK; k++) {
                if (!rcs[k] && !begun++)
                    sl_write_begin(&w);
                if (rcs[k]) {
                    if (!errs[k].file[0])
                        snprintf(errs[k].file, sizeof errs[k].file, "%s", items[k].name);
                    status = cli_report(&errs[k]);
                    break;
                }
                if (sl_write_doc(&w, &docs[k])) {
                    cli_msg("write error");
                    status = CLI_FAIL;
                }
                if (un.f)
                    sl_write_unaligned(un.f, &w.tmx, &docs[k]);
                if (docs[k].rec.note[0])
                    cli_msg("%s: %s", docs[k].name, docs[k].rec.note);
            }
            for (long k = 0; k < n; k++) {
                if (!rcs[k])
                    sl_doc_free(&docs[k]);
                sl_item_free(&items[k]);
            }
        }
        sl_input_close(in);
    }
    if (status == CLI_OK && !begun++)
        sl_write_begin(&w);
    if (status == CLI_OK && sl_write_end(&w)) {
        cli_msg("write error");
        status = CLI_FAIL;
    }
done:
    if (close_outs(&os, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    if (un.f && cli_out_close(&un, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    if (status == CLI_OK && o->outpath && o->fmt != SL_FMT_MOSES)
        cli_msg("wrote %zu units from %zu documents to %s", w.units, w.docs, o->outpath);
    else if (status == CLI_OK && o->fmt == SL_FMT_MOSES)
        cli_msg("wrote %zu units from %zu documents to %s.%s and %s.%s", w.units, w.docs,
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
