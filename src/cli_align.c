/* cli_align.c — `selaras align`: records, batches or two files in,
 * TMX (or another format) out. Documents are aligned in parallel chunks
 * and written in input order, so the output never depends on the number
 * of threads. */
#include "cli.h"
#include "selaras/batch.h"
#include "selaras/glossary.h"
#include "selaras/input.h"
#include "selaras/learn.h"
#include "selaras/lexicon.h"
#include "selaras/output.h"
#include "selaras/pipeline.h"
#include "selaras/rules.h"

#include <getopt.h>
#include <omp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

enum {
    O_PRESPLIT = CLI_LONG, O_JSONL, O_RECORDS, O_LANGS, O_MIN_CONFIDENCE, O_UNALIGNED,
    O_LEXICON, O_NO_LEXICON, O_LEARN, O_SAVE_LEXICON, O_MAX_BEAD, O_SRC_LANG, O_TGT_LANG,
    O_RULES, O_SKIP_BAD, O_SHARD, O_GLOSSARY, O_GLOSSARY_FORMAT, O_TEXT, O_ENCODING, O_REPAIR,
    O_NO_LEARN_ABBR, O_SHOW_LEARNED
};

static const cli_opt opts[] = {
    { "format", 'f', "F", "tmx (default), tsv, moses, json, beads (default with --presplit), "
                          "ladder" },
    { "output", 'o', "FILE", "write to FILE (Moses: FILE.ID and FILE.EN), replaced only when "
                             "the run succeeds (default stdout)" },
    { "text", O_TEXT, "T", "verbatim: each sentence as the input has it, spaces, tabs and "
                           "the hyphen of a broken word kept (default for tmx, so a CAT tool "
                           "matches it exactly); normalized: spaces collapsed, broken words "
                           "mended (default for the other formats)" },
    { "presplit", O_PRESPLIT, NULL, "the texts hold one segment per line (two files, a "
                                    "directory's NAME.id/NAME.en pairs, JSON Lines strings)" },
    { "jsonl", O_JSONL, NULL, "read JSON Lines whatever the file name: "
                              "{\"doc\":..,\"id\":..,\"en\":..} a line" },
    { "records", O_RECORDS, NULL, "the arguments are sources of documents (records, "
                                  "directories, JSON Lines), even two of them" },
    { "langs", O_LANGS, "ID,EN", "xml:lang codes for TMX and JSON, such as id-ID,en-US "
                                 "(default id,en)" },
    { "min-confidence", O_MIN_CONFIDENCE, "X", "leave out units below confidence X (0-1)" },
    { "unaligned", O_UNALIGNED, "FILE", "list the unaligned sentences in FILE (TSV: document, "
                                        "language, index, text)" },
    { "glossary", O_GLOSSARY, "FILE", "write the keyword pairs of the documents, split into "
                                      "terms, as a glossary to FILE" },
    { "glossary-format", O_GLOSSARY_FORMAT, "F", "tbx (TBX-Basic) or omegat (OmegaT's "
                                                 "tab-separated glossary); default omegat for "
                                                 "FILE.txt, .utf8, .tab or .tsv, else tbx" },
    { "lexicon", O_LEXICON, "FILE", "a TSV (id<TAB>en) or hunalign (en @ id) dictionary instead "
                                    "of FreeDict" },
    { "no-lexicon", O_NO_LEXICON, NULL, "no dictionary: length, numbers, names and cognates "
                                        "only (and what --learn learns)" },
    { "learn", O_LEARN, NULL, "align once, learn word translations from the confident pairs "
                              "(IBM Model 1), align again with them; not from stdin" },
    { "save-lexicon", O_SAVE_LEXICON, "FILE", "--learn, and write the learned pairs to FILE as "
                                              "TSV" },
    { "max-bead", O_MAX_BEAD, "N", "widest bead side, 1-4 (default 3)" },
    { "src-lang", O_SRC_LANG, "L", "the source language: a Snowball language or none (default "
                                   "id)" },
    { "tgt-lang", O_TGT_LANG, "L", "the target language (default en)" },
    { "rules", O_RULES, "DIR", "splitter rule files in DIR instead of the built-in ones" },
    { "no-learn-abbr", O_NO_LEARN_ABBR, NULL, "split with the rules' lists only: learn no "
                                              "abbreviations from the input (learned from "
                                              "files, when a language has 2000 words and 80 "
                                              "period-final tokens or more)" },
    CLI_OPT_SHOW_LEARNED(O_SHOW_LEARNED),
    CLI_OPT_ENCODING(O_ENCODING),
    CLI_OPT_REPAIR(O_REPAIR),
    { "skip-bad", O_SKIP_BAD, NULL, "in a batch, skip documents with bad input (a broken JSON "
                                    "line, an unreadable record) and name them at the end" },
    { "shard", O_SHARD, "K/N", "in a batch, align only documents K, K+N, K+2N, ... (1-based) "
                               "into -o FILE and its index FILE.shard, for selaras merge" },
    { "threads", 'j', "N", "worker threads (default: all cores)" },
    { "quiet", 'q', NULL, "no notes, warnings about the input or progress line (errors still "
                          "go to stderr)" },
    { "verbose", 'v', NULL, "say what was written and learned" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int align_main(int argc, char **argv);

const cli_cmd cli_cmd_align = {
    "align", align_main, "align the sentences of Indonesian and English abstracts",
    "[OPTIONS] RECORD|DIR|BATCH.jsonl|-\n[OPTIONS] ID_FILE EN_FILE\n"
    "[OPTIONS] --records RECORD|DIR|BATCH.jsonl...",
    "Aligns the sentences of the Indonesian and English abstracts of catalogue records, "
    "batches of documents (a directory, JSON Lines) or two texts, and writes the aligned "
    "units as a TMX translation memory or another format, documents in input order.",
    opts,
};

enum { NAMES = 10 };

typedef struct {
    sl_pipe_opts po;
    int fmt, jsonl, records, nolex, threads, skip_bad, quiet, verbose, learn;
    int learn_abbr, show_learned; /* abbreviations: learned from the input, shown */
    int gloss_fmt; /* -1: by the file name */
    int text;      /* 1 verbatim, 0 normalized, -1: by the format */
    const char *save_lexicon, *glossary;
    size_t shard_k, shard_n; /* n 0: the whole input */
    sl_text_opts input;      /* --encoding, --repair */
    const char *outpath, *unaligned, *lexpath;
    char langs[2][64];
    double min_conf;
} opts_t;

/* Outputs: one, or two for Moses, and the --unaligned list (un.f NULL
 * when not asked for); a shard run adds the index of each (ix[0] of the
 * output, ix[1] of the list; out.f NULL when not written). */
typedef struct {
    cli_out out[2];
    int n;
    cli_out un;
    cli_shard_out ix[2];
    cli_out gl; /* --glossary (gl.f NULL when not asked for) */
} outs_t;

static int close_outs(outs_t *os, int ok)
{
    int rc = 0;
    for (int k = 0; k < os->n; k++)
        rc |= cli_out_close(&os->out[k], ok);
    if (os->un.f)
        rc |= cli_out_close(&os->un, ok);
    if (os->gl.f)
        rc |= cli_out_close(&os->gl, ok);
    /* last, and kept only when every output was: an index never
     * describes bytes that are not there */
    for (int k = 0; k < 2; k++)
        if (os->ix[k].out.f)
            rc |= cli_out_close(&os->ix[k].out, ok && !rc);
    return rc;
}

/* The indexes of a shard run: OUT.shard (Moses: PREFIX.shard, for both
 * files) and, with --unaligned, LIST.shard. */
static int open_indexes(outs_t *os, const opts_t *o)
{
    char path[4096];
    const char *const suffix[2] = { o->langs[0], o->langs[1] };
    snprintf(path, sizeof path, "%s.shard", o->outpath);
    if (cli_shard_create(&os->ix[0], path, sl_format_name(o->fmt),
                         o->fmt == SL_FMT_MOSES ? suffix : NULL, os->out[0].f,
                         os->n > 1 ? os->out[1].f : NULL, o->shard_k, o->shard_n))
        return -1;
    if (!os->un.f)
        return 0;
    snprintf(path, sizeof path, "%s.shard", o->unaligned);
    return cli_shard_create(&os->ix[1], path, "unaligned", NULL, os->un.f, NULL, o->shard_k,
                            o->shard_n);
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
    if ((o->unaligned && cli_out_open(&os->un, o->unaligned)) ||
        (o->glossary && cli_out_open(&os->gl, o->glossary)) ||
        (o->shard_n && open_indexes(os, o))) {
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
    for (int k = 0; k < 2; k++)
        if (os->ix[k].out.f)
            rc |= cli_out_commit(&os->ix[k].out);
    return rc;
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

/* A batch run: where documents come from, the writer, its outputs, what
 * was left out, and the progress line. */
typedef struct {
    const opts_t *o;
    cli_source src;
    sl_writer w;
    outs_t os;
    int begun; /* the header is written: a stopped run still closes it */
    size_t seen, read; /* documents taken; read from the input (all shards') */
    skipped_t bad, missing;
    cli_notes notes;
    cli_progress *prog;
    sl_glossary *gl; /* --glossary: the keyword pairs, in input order */
    size_t sents, joined; /* source sentences written; those in units of two or more */
} run_t;

/* Input a batch may skip with --skip-bad: a broken line or an unreadable
 * record file (not a failure of the machine). */
static int skippable(int code)
{
    return code == SL_EINPUT || code == SL_EIO;
}

/* The next items: the two files of a pair, or the sources in turn. */
static size_t next_items(void *ctx, sl_item *items, size_t max)
{
    run_t *r = ctx;
    size_t n = cli_source_next(&r->src, items, max);
    /* a page of several records read from stdin (a file was looked at
     * before the run) is a batch too: known with the first read, before
     * anything is written */
    if (!r->w.batch && r->read == 0 && n > 1)
        r->w.batch = 1;
    r->read += n;
    return n;
}

/* Writes one processed item (rc and err from its processing), or skips or
 * reports it. Returns the run's status. */
/* A document formatted by the worker that aligned it: the bytes of each
 * output (the main one, Moses's second, the unaligned list). */
typedef struct {
    char *b[3];
    size_t n[3], units;
} rendered_t;

static void release(void *ctx, void *data)
{
    (void)ctx;
    rendered_t *x = data;
    for (int k = 0; k < 3; k++)
        free(x->b[k]);
    free(x);
}

/* Formats a document in the worker thread, so the writing that must stay
 * in order is only copying bytes. NULL when memory ran short: take then
 * formats it itself. */
static void *render(void *ctx, const sl_item *it, const sl_doc *d)
{
    const run_t *r = ctx;
    (void)it;
    rendered_t *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    FILE *f[3] = { NULL, NULL, NULL };
    int want[3] = { 1, r->os.n > 1, r->os.un.f != NULL }, bad = 0;
    for (int k = 0; k < 3; k++)
        if (want[k] && !(f[k] = open_memstream(&x->b[k], &x->n[k])))
            bad = 1;
    if (!bad) {
        x->units = sl_write_units(&r->w, f[0], f[1], d);
        if (f[2])
            sl_write_unaligned(f[2], &r->w.tmx, d);
    }
    for (int k = 0; k < 3; k++)
        if (f[k] && (ferror(f[k]) | fclose(f[k])))
            bad = 1;
    if (bad) {
        release(NULL, x);
        return NULL;
    }
    return x;
}

/* A shard run measures each piece of every output for its index. */
static void mark(run_t *r)
{
    for (int k = 0; k < 2; k++)
        if (r->os.ix[k].out.f)
            cli_shard_mark(&r->os.ix[k]);
}

static void piece(run_t *r, const char *tag, long long doc)
{
    for (int k = 0; k < 2; k++)
        if (r->os.ix[k].out.f)
            cli_shard_piece(&r->os.ix[k], tag, doc);
}

static void begin(run_t *r)
{
    mark(r);
    sl_write_begin(&r->w);
    piece(r, "header", -1);
    cli_out_tail(&r->os.out[0], sl_write_tail(&r->w));
}

static int take(void *ctx, size_t index, const sl_item *it, int rc, const sl_doc *d,
                const sl_error *err, void *data)
{
    run_t *r = ctx;
    if (data && (it->status || rc)) {
        release(NULL, data);
        data = NULL;
    }
    char where[1100];
    sl_item_where(it, where, sizeof where);
    r->seen++;
    cli_note_repaired(&r->notes, r->w.batch, r->o->quiet, it);
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
    if (!r->begun++)
        begin(r);
    /* a failed write into memory shows when the chunk is committed */
    sl_write_next(&r->w);
    mark(r); /* a document's bytes: after the blank line between documents */
    if (data) {
        rendered_t *x = data;
        FILE *f[3] = { r->w.f[0], r->w.f[1], r->os.un.f };
        for (int k = 0; k < 3; k++)
            if (f[k] && x->n[k])
                fwrite(x->b[k], 1, x->n[k], f[k]);
        r->w.units += x->units;
        release(NULL, x);
    } else {
        r->w.units += sl_write_units(&r->w, r->w.f[0], r->w.f[1], d);
        if (r->os.un.f)
            sl_write_unaligned(r->os.un.f, &r->w.tmx, d);
    }
    piece(r, "doc", (long long)index);
    r->sents += d->nsent[0];
    for (size_t k = 0; k < d->nunits; k++) {
        const sl_unit *u = &d->units[k];
        if (u->kind == SL_UNIT_SENTENCE && u->src && u->tgt && u->bead.ni > 1 &&
            u->bead.conf >= r->o->min_conf)
            r->joined += u->bead.ni;
    }
    if (r->gl) {
        sl_error e;
        if (sl_glossary_add_doc(r->gl, d, &e))
            return cli_report(&e);
    }
    cli_note(&r->notes, r->w.batch, r->o->quiet, d);
    return CLI_OK;
}

/* After a chunk: its bytes go out, the progress line moves on. */
static int chunk_done(void *ctx)
{
    run_t *r = ctx;
    if (commit_outs(&r->os))
        return CLI_FAIL;
    if (r->src.in) {
        unsigned long long done, total;
        sl_input_progress(r->src.in, &done, &total);
        cli_progress_docs(r->prog, r->seen, done, total);
    }
    return CLI_OK;
}

/* A directory, JSON Lines or several records make a batch. */
static int is_batch(const opts_t *o, char **paths, int npaths, int pair)
{
    return cli_is_batch(paths, npaths, pair, o->jsonl);
}

/* K/N with 1 <= K <= N into o; -1 for anything else. */
static int parse_shard(const char *s, opts_t *o)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    unsigned long long k = strtoull(s, &end, 10), n;
    if (*end != '/' || end[1] < '0' || end[1] > '9')
        return -1;
    n = strtoull(end + 1, &end, 10);
    if (*end || k < 1 || k > n || n > SIZE_MAX / 2)
        return -1;
    o->shard_k = (size_t)k;
    o->shard_n = (size_t)n;
    return 0;
}

/* The format of --glossary FILE: as asked, or OmegaT's for the names
 * OmegaT reads as tab-separated glossaries. */
static int glossary_format(const opts_t *o)
{
    static const char *const tsv[] = { ".txt", ".utf8", ".tab", ".tsv" };
    if (o->gloss_fmt >= 0)
        return o->gloss_fmt;
    size_t n = strlen(o->glossary);
    for (size_t k = 0; k < sizeof tsv / sizeof *tsv; k++) {
        size_t m = strlen(tsv[k]);
        if (n > m && strcasecmp(o->glossary + n - m, tsv[k]) == 0)
            return SL_GLOSS_OMEGAT;
    }
    return SL_GLOSS_TBX;
}

/* The glossary into its output's memory; a failed write shows when the
 * output is closed. */
static void write_glossary(run_t *r)
{
    const char *const lang[2] = { r->o->langs[0], r->o->langs[1] };
    if (glossary_format(r->o) == SL_GLOSS_OMEGAT)
        sl_glossary_write_omegat(r->os.gl.f, r->gl);
    else
        sl_glossary_write_tbx(r->os.gl.f, r->gl, lang, cli_version);
}

/* What the glossary left out, and with -v what it holds. */
static void tell_glossary(const run_t *r, int status)
{
    sl_gloss_stats st;
    sl_glossary_stats(r->gl, &st);
    if (!r->o->quiet && st.unpaired)
        cli_msg("glossary: %zu keyword list%s of different lengths: %zu term%s without a "
                "counterpart left out", st.uneven, st.uneven == 1 ? "" : "s", st.unpaired,
                st.unpaired == 1 ? "" : "s");
    if (status != CLI_OK)
        return;
    size_t n = sl_glossary_size(r->gl);
    if (!n && !r->o->quiet)
        cli_msg("glossary: no keyword pairs in the input; %s has no terms", r->o->glossary);
    else if (r->o->verbose)
        cli_msg("wrote %zu term pair%s from %zu document%s to %s", n, n == 1 ? "" : "s",
                st.docs, st.docs == 1 ? "" : "s", r->o->glossary);
}

/* Runs the sources through the pipeline and the writer. Each chunk is
 * committed whole; whatever stops the run, an in-place output ends with
 * the writer's tail (a closed TMX), a file target is left untouched. */
static int run(const opts_t *o, const sl_pipe *p, const sl_lexicon *lex, char **paths,
               int npaths, int pair, cli_progress *prog)
{
    int status = CLI_OK;
    run_t r;
    memset(&r, 0, sizeof r);
    r.o = o;
    sl_featcfg *gcfg = NULL;
    if (o->glossary) {
        /* the aligner's evidence pairs the terms: same languages, same lexicon */
        sl_error err;
        if (!(gcfg = sl_featcfg_new(o->po.align.src_lang, o->po.align.tgt_lang, lex, &err)) ||
            !(r.gl = sl_glossary_new(gcfg, &err))) {
            sl_featcfg_free(gcfg);
            return cli_report(&err);
        }
    }
    if (open_outs(&r.os, o)) {
        sl_glossary_free(r.gl);
        sl_featcfg_free(gcfg);
        return CLI_FAIL;
    }
    sl_writer *w = &r.w;
    w->fmt = o->fmt;
    w->f[0] = r.os.out[0].f;
    w->f[1] = r.os.n > 1 ? r.os.out[1].f : NULL;
    w->tmx.lang[0] = o->langs[0];
    w->tmx.lang[1] = o->langs[1];
    w->tmx.version = cli_version;
    w->tmx.min_conf = o->min_conf;
    w->tmx.verbatim = o->text;
    /* SOURCE_DATE_EPOCH makes the TMX date, and so the bytes, reproducible */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    w->tmx.created = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    w->batch = is_batch(o, paths, npaths, pair);
    /* records carry catalogue metadata: TSV gives it columns */
    for (int k = 0; k < npaths && !pair && !o->jsonl; k++) {
        size_t n = strlen(paths[k]);
        if (n < 6 || strcmp(paths[k] + n - 6, ".jsonl") != 0)
            w->meta = 1;
    }
    cli_source_init(&r.src, paths, npaths, pair, o->jsonl, o->po.presplit);
    r.src.text = &o->input;
    r.src.quiet = o->quiet;
    r.prog = prog;
    sl_batch_opts bo = { .threads = o->threads, .shard_k = o->shard_k, .shard_n = o->shard_n };
    sl_batch_cb cb = { .ctx = &r, .next = next_items, .render = render, .release = release,
                       .take = take, .chunk_done = chunk_done };
    sl_error err;
    int rc = sl_batch_run(p, &bo, &cb, &err);
    cli_progress_end(prog);
    status = cli_batch_status(rc, &err, r.src.status);
    cli_source_close(&r.src);
    if (status == CLI_OK && !r.begun++)
        begin(&r);
    if (r.begun) {
        mark(&r);
        sl_write_end(w);
        piece(&r, "footer", -1);
        for (int k = 0; k < 2; k++)
            if (r.os.ix[k].out.f)
                cli_shard_end(&r.os.ix[k], r.read);
        cli_out_tail(&r.os.out[0], NULL);
    }
    if (r.gl && status == CLI_OK)
        write_glossary(&r);
    if (close_outs(&r.os, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    cli_notes_tell(&r.notes, o->quiet);
    summarise(&r.missing, "without both abstracts", r.seen);
    summarise(&r.bad, "with bad input", r.seen);
    if (status == CLI_OK && o->verbose && o->outpath && o->fmt != SL_FMT_MOSES)
        cli_msg("wrote %zu unit%s from %zu document%s to %s", w->units, w->units == 1 ? "" : "s",
                w->docs, w->docs == 1 ? "" : "s", o->outpath);
    else if (status == CLI_OK && o->verbose && o->fmt == SL_FMT_MOSES)
        cli_msg("wrote %zu unit%s from %zu document%s to %s.%s and %s.%s", w->units,
                w->units == 1 ? "" : "s", w->docs, w->docs == 1 ? "" : "s", o->outpath,
                o->langs[0], o->outpath, o->langs[1]);
    /* a CAT tool looks up one source sentence at a time: a unit that
     * holds two or more (a 2-1 bead) is a true translation, but never an
     * exact match */
    if (status == CLI_OK && o->fmt == SL_FMT_TMX && r.joined && !o->quiet) {
        char code[64];
        int id = strcmp(sl_lang_code(o->po.align.src_lang, code, sizeof code), "id") == 0;
        cli_msg("%zu of %zu %s sentences share a unit with another (2-1, 3-1, 2-2 beads): a "
                "CAT tool that segments by sentence will not match them", r.joined, r.sents,
                id ? "Indonesian" : "source-language");
    }
    if (r.gl)
        tell_glossary(&r, status);
    sl_glossary_free(r.gl);
    sl_featcfg_free(gcfg);
    return status;
}

/* The learning pass: the confident 1-1 sentence pairs of a first
 * alignment, for the learner. */
typedef struct {
    run_t r;
    sl_learner *l;
    int status;
} learn_t;

static int take_pairs(void *ctx, size_t index, const sl_item *it, int rc, const sl_doc *d,
                      const sl_error *err, void *data)
{
    learn_t *lt = ctx;
    (void)index;
    (void)it;
    (void)err;
    (void)data;
    if (rc) /* the alignment pass reports it */
        return CLI_OK;
    for (size_t k = 0; k < d->nunits; k++) {
        const sl_unit *u = &d->units[k];
        /* a pair the model thinks more likely right than wrong (the
         * confidences are posteriors): EM sorts out the words */
        if (u->kind != SL_UNIT_SENTENCE || u->bead.ni != 1 || u->bead.nj != 1 ||
            u->bead.conf < 0.5)
            continue;
        sl_error e;
        if (sl_learner_add(lt->l, u->src, strlen(u->src), u->tgt, strlen(u->tgt), &e))
            return cli_report(&e);
    }
    return CLI_OK;
}

/* Learns a lexicon from a first alignment of the input and adds it to
 * *lex (made when there was none). Returns the CLI status. */
static int learn(const opts_t *o, const sl_pipe *p, char **paths, int npaths, int pair,
                 sl_lexicon **lex)
{
    learn_t lt;
    memset(&lt, 0, sizeof lt);
    lt.r.o = o;
    cli_source_init(&lt.r.src, paths, npaths, pair, o->jsonl, o->po.presplit);
    lt.r.src.text = &o->input;
    lt.r.src.quiet = 1; /* the alignment pass tells what it reads */
    for (int k = 0; k < npaths; k++)
        if (strcmp(paths[k], "-") == 0) {
            cli_msg("align: --learn reads the input twice: give a file, not stdin");
            return CLI_USAGE;
        }
    sl_error err;
    sl_featcfg *cfg = sl_featcfg_new(o->po.align.src_lang, o->po.align.tgt_lang, NULL, &err);
    if (!cfg || !(lt.l = sl_learner_new(cfg, &err))) {
        sl_featcfg_free(cfg);
        return cli_report(&err);
    }
    sl_batch_opts bo = { .threads = o->threads, .shard_k = o->shard_k, .shard_n = o->shard_n };
    sl_batch_cb cb = { .ctx = &lt, .next = next_items, .take = take_pairs };
    int rc = sl_batch_run(p, &bo, &cb, &err), status = CLI_OK;
    cli_source_close(&lt.r.src);
    if (rc < 0)
        status = cli_report(&err);
    else if (rc > 0)
        status = rc;
    else if (lt.r.src.status)
        status = lt.r.src.status;
    sl_learn_opts lo;
    sl_learn_opts_default(&lo);
    lo.threads = o->threads;
    size_t added = 0;
    if (status == CLI_OK && !*lex &&
        !(*lex = sl_lexicon_new(o->po.align.src_lang, o->po.align.tgt_lang, &err)))
        status = cli_report(&err);
    if (status == CLI_OK && sl_learner_train(lt.l, &lo, *lex, &added, &err))
        status = cli_report(&err);
    if (status == CLI_OK) {
        if (sl_learner_pairs(lt.l) < lo.min_pairs && !o->quiet)
            cli_msg("learned no lexicon: %zu confident sentence pairs, %zu needed",
                    sl_learner_pairs(lt.l), lo.min_pairs);
        else if (o->verbose)
            cli_msg("learned %zu word pairs from %zu sentence pairs", added,
                    sl_learner_pairs(lt.l));
    }
    if (status == CLI_OK && o->save_lexicon) {
        cli_out out;
        if (cli_out_open(&out, o->save_lexicon))
            status = CLI_FAIL;
        else if (sl_learner_save(lt.l, out.f), cli_out_close(&out, 1))
            status = CLI_FAIL;
    }
    sl_learner_free(lt.l);
    sl_featcfg_free(cfg);
    return status;
}

/* The aligner's progress on a long text. */
static void aligning(void *ctx, size_t done, size_t total)
{
    cli_progress_lines(ctx, done, total);
}

static int align_main(int argc, char **argv)
{
    opts_t o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.po.align);
    o.fmt = -1;
    o.gloss_fmt = -1;
    o.text = -1;
    o.learn_abbr = 1;
    snprintf(o.langs[0], sizeof o.langs[0], "id");
    snprintf(o.langs[1], sizeof o.langs[1], "en");
    int c;
    char *end;
    while ((c = cli_getopt(&cli_cmd_align, argc, argv)) != -1) {
        switch (c) {
        case O_PRESPLIT: o.po.presplit = 1; break;
        case 'f':
            if ((o.fmt = sl_format_parse(optarg)) < 0) {
                cli_msg("align: unknown format '%s'", optarg);
                return CLI_USAGE;
            }
            break;
        case 'o': o.outpath = optarg; break;
        case O_LEXICON: o.lexpath = optarg; break;
        case O_NO_LEXICON: o.nolex = 1; break;
        case O_MAX_BEAD: o.po.align.max_side = (int)strtol(optarg, &end, 10);
            if (*end) { cli_msg("align: --max-bead takes a number"); return CLI_USAGE; }
            break;
        case O_SRC_LANG: o.po.align.src_lang = optarg; break;
        case O_TGT_LANG: o.po.align.tgt_lang = optarg; break;
        case O_RULES: o.po.rules_dir = optarg; break;
        case O_JSONL: o.jsonl = 1; break;
        case O_RECORDS: o.records = 1; break;
        case O_LANGS: {
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
        case O_MIN_CONFIDENCE: o.min_conf = strtod(optarg, &end);
            if (*end || o.min_conf < 0 || o.min_conf > 1) {
                cli_msg("align: --min-confidence takes a number from 0 to 1");
                return CLI_USAGE;
            }
            break;
        case O_UNALIGNED: o.unaligned = optarg; break;
        case O_GLOSSARY: o.glossary = optarg; break;
        case O_GLOSSARY_FORMAT:
            if ((o.gloss_fmt = sl_gloss_format_parse(optarg)) < 0) {
                cli_msg("align: --glossary-format takes tbx or omegat (not '%s')", optarg);
                return CLI_USAGE;
            }
            break;
        case O_TEXT:
            if (strcmp(optarg, "verbatim") == 0)
                o.text = 1;
            else if (strcmp(optarg, "normalized") == 0)
                o.text = 0;
            else {
                cli_msg("align: --text takes verbatim or normalized (not '%s')", optarg);
                return CLI_USAGE;
            }
            break;
        case O_SKIP_BAD: o.skip_bad = 1; break;
        case O_ENCODING:
            if (cli_encoding(&o.input, optarg, "align"))
                return CLI_USAGE;
            break;
        case O_REPAIR: o.input.repair = 1; break;
        case O_SHARD:
            if (parse_shard(optarg, &o)) {
                cli_msg("align: --shard takes K/N with 1 <= K <= N, such as 3/8 (not '%s')", optarg);
                return CLI_USAGE;
            }
            break;
        case O_NO_LEARN_ABBR: o.learn_abbr = 0; break;
        case O_SHOW_LEARNED: o.show_learned = 1; break;
        case O_LEARN: o.learn = 1; break;
        case O_SAVE_LEXICON: o.save_lexicon = optarg; o.learn = 1; break;
        case 'q': o.quiet = 1; break;
        case 'v': o.verbose = 1; break;
        case 'j': o.threads = (int)strtol(optarg, &end, 10);
            if (*end || o.threads < 1) { cli_msg("align: --threads takes a positive number"); return CLI_USAGE; }
            o.po.align.threads = o.threads; /* one long text's segments too */
            break;
        case 'h': return cli_help(&cli_cmd_align);
        default: return cli_usage(&cli_cmd_align);
        }
    }
    int npaths = argc - optind;
    int pair = npaths == 2 && !o.records && !o.jsonl;
    if (npaths < 1 || (npaths > 2 && !o.records && !o.jsonl))
        return cli_usage(&cli_cmd_align);
    if (o.fmt < 0)
        o.fmt = o.po.presplit ? SL_FMT_BEADS : SL_FMT_TMX;
    /* a translation memory is for a CAT tool, which matches a sentence
     * only as its source file has it; a corpus is for counting words */
    if (o.text < 0)
        o.text = o.fmt == SL_FMT_TMX;
    if (o.shard_n) {
        /* a shard is a file that waits for its siblings */
        const char *why = NULL;
        if (!o.outpath || strcmp(o.outpath, "-") == 0)
            why = "needs -o FILE: a shard's output is a file for selaras merge";
        else if (o.unaligned && strcmp(o.unaligned, "-") == 0)
            why = "needs --unaligned FILE, not stdout";
        else if (!is_batch(&o, argv + optind, npaths, pair))
            why = "needs a batch (a directory, JSON Lines or several records)";
        if (why) {
            cli_msg("align: --shard %s", why);
            return CLI_USAGE;
        }
    }
    if (o.glossary && o.shard_n) {
        cli_msg("align: --glossary does not go with --shard: the glossary is the whole "
                "input's (run align --glossary once, or without --shard)");
        return CLI_USAGE;
    }
    if (o.glossary && strcmp(o.glossary, "-") == 0 && (!o.outpath || strcmp(o.outpath, "-") == 0)) {
        cli_msg("align: --glossary - needs -o FILE: stdout cannot take both");
        return CLI_USAGE;
    }
    int failed;
    sl_lexicon *lex = cli_lexicon(o.lexpath, o.nolex, o.po.align.src_lang, o.po.align.tgt_lang,
                                  o.quiet, o.learn, &failed);
    if (failed)
        return CLI_USAGE;
    sl_error err;
    sl_error_clear(&err);
    cli_progress prog;
    cli_progress_start(&prog, o.quiet);
    o.po.align.progress = aligning;
    o.po.align.progress_ctx = &prog;
    /* learning reads the units of a first alignment: the normalised text
     * the aligner reads, whatever the output wants */
    sl_pipe_opts po = o.po;
    po.verbatim = o.text && !o.learn;
    sl_pipe *p = sl_pipe_new(&po, lex, &err);
    int status = p ? CLI_OK : cli_report(&err);
    o.po.verbatim = o.text;
    /* the abbreviations of the whole input first (a first pass over its
     * abstracts), so that every document is split alike */
    sl_pipe_abbr *abbr = NULL;
    if (status == CLI_OK) {
        const char *const names[2] = { o.po.align.src_lang, o.po.align.tgt_lang };
        status = cli_learn_abbr(p, argv + optind, npaths, pair, o.jsonl, o.po.presplit, &o.input,
                                o.learn_abbr, o.show_learned, o.verbose, names, &abbr);
    }
    if (status == CLI_OK && o.learn) {
        /* align once, learn, and align again with what was learned */
        status = learn(&o, p, argv + optind, npaths, pair, &lex);
        sl_pipe_free(p);
        p = NULL;
        if (status == CLI_OK && !(p = sl_pipe_new(&o.po, lex, &err)))
            status = cli_report(&err);
        if (status == CLI_OK && o.learn_abbr)
            cli_use_abbr(p, abbr);
    }
    if (status == CLI_OK)
        status = run(&o, p, lex, argv + optind, npaths, pair, &prog);
    sl_pipe_free(p);
    sl_pipe_abbr_free(abbr);
    sl_lexicon_free(lex);
    return status;
}
