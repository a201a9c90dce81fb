/* cli_check.c — `selaras check`: does the English abstract translate the
 * whole Indonesian one? The same inputs as align; a report per document
 * (text, JSON Lines, or an HTML page), and an exit status a submission
 * pipeline can gate on. */
#include "cli.h"
#include "selaras/batch.h"
#include "selaras/check.h"
#include "selaras/html.h"
#include "selaras/report.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum {
    O_JSON = CLI_LONG, O_HTML, O_FAIL_ON, O_SHOW, O_WEAK, O_PRESPLIT, O_JSONL, O_RECORDS,
    O_LEXICON, O_NO_LEXICON, O_SRC_LANG, O_TGT_LANG, O_RULES, O_ENCODING, O_REPAIR,
    O_NO_LEARN_ABBR, O_SHOW_LEARNED
};

static const cli_opt opts[] = {
    { "json", O_JSON, NULL, "JSON Lines: one object per finding, then a summary object per "
                            "document" },
    { "html", O_HTML, "FILE", "also write a self-contained HTML page: the abstracts side by "
                              "side, findings marked and explained" },
    { "output", 'o', "FILE", "the text or JSON report to FILE, replaced only when the run "
                             "succeeds (default stdout)" },
    { "fail-on", O_FAIL_ON, "LEVEL", "exit 1 when a finding of LEVEL or worse is found: error "
                                     "(default), warning, info, or never" },
    { "show", O_SHOW, "LEVEL", "report findings of LEVEL or worse: error, warning or info "
                               "(default)" },
    { "weak", O_WEAK, "X", "a unit below confidence X is weak (default 0.5)" },
    { "presplit", O_PRESPLIT, NULL, "the texts hold one segment per line (as for align)" },
    { "jsonl", O_JSONL, NULL, "read JSON Lines whatever the file name" },
    { "records", O_RECORDS, NULL, "the arguments are sources of documents (records, "
                                  "directories, JSON Lines), even two of them" },
    { "lexicon", O_LEXICON, "FILE", "a TSV (id<TAB>en) or hunalign (en @ id) dictionary instead "
                                    "of FreeDict" },
    { "no-lexicon", O_NO_LEXICON, NULL, "no dictionary: length, numbers, names and cognates "
                                        "only" },
    { "src-lang", O_SRC_LANG, "L", "the source language (default id)" },
    { "tgt-lang", O_TGT_LANG, "L", "the target language (default en)" },
    { "rules", O_RULES, "DIR", "splitter rule files in DIR instead of the built-in ones" },
    { "no-learn-abbr", O_NO_LEARN_ABBR, NULL, "split with the rules' lists only: learn no "
                                              "abbreviations from the input (as for align)" },
    CLI_OPT_SHOW_LEARNED(O_SHOW_LEARNED),
    CLI_OPT_ENCODING(O_ENCODING),
    CLI_OPT_REPAIR(O_REPAIR),
    { "threads", 'j', "N", "worker threads (default: all cores)" },
    { "quiet", 'q', NULL, "no progress line, notes or final summary" },
    { "verbose", 'v', NULL, "the final summary even for a single document on stdout" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int check_main(int argc, char **argv);

const cli_cmd cli_cmd_check = {
    "check", check_main,
    "check that each English abstract translates the whole Indonesian one",
    "[OPTIONS] RECORD|DIR|BATCH.jsonl|-\n[OPTIONS] ID_FILE EN_FILE\n"
    "[OPTIONS] --records RECORD|DIR|BATCH.jsonl...",
    "Checks that the English abstract of each document translates the whole Indonesian one: "
    "text with no counterpart, untranslated sentences, numbers and acronyms on one side "
    "only, weak units, merges, keyword lists that differ, missing abstracts. Exit status 1 "
    "when a finding reaches --fail-on.",
    opts,
};

typedef struct {
    sl_pipe_opts po;
    sl_check_opts co;
    int json, records, jsonl, nolex, threads, quiet, verbose, fail_on, show;
    int learn_abbr, show_learned; /* abbreviations: learned from the input, shown */
    const char *outpath, *htmlpath, *lexpath;
    sl_text_opts text; /* --encoding, --repair */
} opts_t;

/* The run: the reports go out in input order, counted by verdict. */
typedef struct {
    const opts_t *o;
    const sl_checker *chk;
    cli_source src;
    cli_out out, html;
    int html_begun;
    size_t docs, by_verdict[3], complete;
    int worst;
    sl_html_row *rows; /* the HTML page's summary */
    size_t nrows, caprows;
    cli_progress prog;
    int batch, reads; /* several documents: their notes are counted */
    cli_notes notes;
} run_t;

static size_t next_items(void *ctx, sl_item *items, size_t max)
{
    run_t *r = ctx;
    size_t n = cli_source_next(&r->src, items, max);
    if (!r->reads++ && n > 1) /* a page of records from stdin */
        r->batch = 1;
    return n;
}

/* The report of a document, made by the thread that aligned it. */
static void *render(void *ctx, const sl_item *it, const sl_doc *d)
{
    const run_t *r = ctx;
    (void)it;
    sl_report *rep = malloc(sizeof *rep);
    sl_error err;
    if (!rep || sl_check_doc(r->chk, d, rep, &err)) {
        free(rep);
        return NULL;
    }
    return rep;
}

static void release(void *ctx, void *data)
{
    (void)ctx;
    sl_report_free(data);
    free(data);
}

static void tally(run_t *r, const sl_report *rep)
{
    r->docs++;
    if (rep->verdict < 0)
        r->complete++;
    else
        r->by_verdict[rep->verdict]++;
    if (rep->verdict > r->worst)
        r->worst = rep->verdict;
}

static void emit(run_t *r, const sl_report *rep, const sl_doc *d)
{
    if (r->o->json)
        sl_report_json(r->out.f, rep, r->o->show);
    else
        sl_report_text(r->out.f, rep, r->o->show);
    if (r->html.f) {
        if (!r->html_begun++)
            sl_html_begin(r->html.f);
        sl_html_doc(r->html.f, r->docs, rep, d, r->o->show);
        if (r->nrows == r->caprows) {
            size_t nc = r->caprows ? r->caprows * 2 : 64;
            sl_html_row *v = realloc(r->rows, nc * sizeof *v);
            if (v) {
                r->rows = v;
                r->caprows = nc;
            }
        }
        if (r->nrows < r->caprows) {
            size_t cnt[3];
            sl_report_counts(rep, cnt);
            r->rows[r->nrows++] = (sl_html_row){ strdup(rep->doc), rep->verdict, cnt[2], cnt[1],
                                                 rep->coverage, r->docs };
        }
    }
    tally(r, rep);
}

static int take(void *ctx, size_t index, const sl_item *it, int rc, const sl_doc *d,
                const sl_error *err, void *data)
{
    run_t *r = ctx;
    (void)index;
    sl_report *rep = data, own;
    cli_note_repaired(&r->notes, r->batch, r->o->quiet, it);
    if (!rc) /* how the record was read, as align tells it */
        cli_note(&r->notes, r->batch, r->o->quiet, d);
    if (rc == SL_EMISSING) {
        /* a missing abstract is a finding, not a failure */
        sl_error e;
        if (sl_check_missing(r->chk, it->name ? it->name : it->path, err, &own, &e))
            return cli_report(&e);
        emit(r, &own, NULL);
        sl_report_free(&own);
        return CLI_OK;
    }
    if (rc) {
        sl_error e = *err;
        if (!e.file[0])
            snprintf(e.file, sizeof e.file, "%s", it->path ? it->path : "");
        if (data)
            release(NULL, data);
        return cli_report(&e);
    }
    if (!rep) { /* render had no memory: do it here */
        sl_error e;
        if (sl_check_doc(r->chk, d, &own, &e))
            return cli_report(&e);
        emit(r, &own, d);
        sl_report_free(&own);
        return CLI_OK;
    }
    emit(r, rep, d);
    release(NULL, rep);
    return CLI_OK;
}

static int chunk_done(void *ctx)
{
    run_t *r = ctx;
    if (cli_out_commit(&r->out) || (r->html.f && cli_out_commit(&r->html)))
        return CLI_FAIL;
    if (r->src.in) {
        unsigned long long done, total;
        sl_input_progress(r->src.in, &done, &total);
        cli_progress_docs(&r->prog, r->docs, done, total);
    }
    return CLI_OK;
}

static int level(const char *s)
{
    if (strcmp(s, "error") == 0)
        return SL_SEV_ERROR;
    if (strcmp(s, "warning") == 0)
        return SL_SEV_WARNING;
    if (strcmp(s, "info") == 0)
        return SL_SEV_INFO;
    if (strcmp(s, "never") == 0)
        return SL_SEV_ERROR + 1;
    return -1;
}

static int run(const opts_t *o, const sl_pipe *p, const sl_checker *chk, char **paths, int npaths,
               int pair)
{
    run_t r;
    memset(&r, 0, sizeof r);
    r.o = o;
    r.chk = chk;
    r.worst = -1;
    if (cli_out_open(&r.out, o->outpath))
        return CLI_FAIL;
    if (o->htmlpath && cli_out_open(&r.html, o->htmlpath)) {
        cli_out_close(&r.out, 0);
        return CLI_FAIL;
    }
    cli_source_init(&r.src, paths, npaths, pair, o->jsonl, o->po.presplit);
    r.src.text = &o->text;
    r.src.quiet = o->quiet;
    r.batch = cli_is_batch(paths, npaths, pair, o->jsonl);
    cli_progress_start(&r.prog, o->quiet);
    sl_batch_opts bo = { .threads = o->threads };
    sl_batch_cb cb = { .ctx = &r, .next = next_items, .render = render, .release = release,
                       .take = take, .chunk_done = chunk_done };
    sl_error err;
    int rc = sl_batch_run(p, &bo, &cb, &err), status;
    cli_progress_end(&r.prog);
    status = cli_batch_status(rc, &err, r.src.status);
    cli_source_close(&r.src);
    cli_notes_tell(&r.notes, o->quiet);
    if (r.html.f) {
        if (!r.html_begun++)
            sl_html_begin(r.html.f);
        sl_html_end(r.html.f, r.rows, r.nrows);
    }
    for (size_t k = 0; k < r.nrows; k++)
        free(r.rows[k].doc);
    free(r.rows);
    int ok = status == CLI_OK;
    if (cli_out_close(&r.out, ok) && ok)
        status = CLI_FAIL;
    if (r.html.f && cli_out_close(&r.html, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    if (status != CLI_OK)
        return status;
    if (!o->quiet && (r.docs > 1 || o->outpath || o->verbose))
        cli_msg("checked %zu document%s: %zu complete, %zu with warnings, %zu with errors",
                r.docs, r.docs == 1 ? "" : "s", r.complete + r.by_verdict[SL_SEV_INFO],
                r.by_verdict[SL_SEV_WARNING], r.by_verdict[SL_SEV_ERROR]);
    return r.worst >= o->fail_on ? CLI_FAIL : CLI_OK;
}

static int check_main(int argc, char **argv)
{
    opts_t o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.po.align);
    sl_check_opts_default(&o.co);
    o.po.keep_sentences = 1;
    o.fail_on = SL_SEV_ERROR;
    o.show = SL_SEV_INFO;
    o.learn_abbr = 1;
    int c;
    char *end;
    while ((c = cli_getopt(&cli_cmd_check, argc, argv)) != -1) {
        switch (c) {
        case O_JSON: o.json = 1; break;
        case O_HTML: o.htmlpath = optarg; break;
        case 'o': o.outpath = optarg; break;
        case O_FAIL_ON:
        case O_SHOW: {
            int l = level(optarg);
            if (l < 0 || (c == O_SHOW && l > SL_SEV_ERROR)) {
                cli_msg("check: --%s takes %s", c == O_FAIL_ON ? "fail-on" : "show",
                        c == O_FAIL_ON ? "error, warning, info or never"
                                       : "error, warning or info");
                return CLI_USAGE;
            }
            if (c == O_FAIL_ON)
                o.fail_on = l;
            else
                o.show = l;
            break;
        }
        case O_WEAK: o.co.weak = strtod(optarg, &end);
            if (*end || o.co.weak < 0 || o.co.weak > 1) {
                cli_msg("check: --weak takes a number from 0 to 1");
                return CLI_USAGE;
            }
            break;
        case O_PRESPLIT: o.po.presplit = 1; break;
        case O_JSONL: o.jsonl = 1; break;
        case O_RECORDS: o.records = 1; break;
        case O_LEXICON: o.lexpath = optarg; break;
        case O_NO_LEXICON: o.nolex = 1; break;
        case O_SRC_LANG: o.po.align.src_lang = optarg; break;
        case O_TGT_LANG: o.po.align.tgt_lang = optarg; break;
        case O_RULES: o.po.rules_dir = optarg; break;
        case O_ENCODING:
            if (cli_encoding(&o.text, optarg, "check"))
                return CLI_USAGE;
            break;
        case O_REPAIR: o.text.repair = 1; break;
        case O_NO_LEARN_ABBR: o.learn_abbr = 0; break;
        case O_SHOW_LEARNED: o.show_learned = 1; break;
        case 'j': o.threads = (int)strtol(optarg, &end, 10);
            if (*end || o.threads < 1) {
                cli_msg("check: --threads takes a positive number");
                return CLI_USAGE;
            }
            o.po.align.threads = o.threads;
            break;
        case 'q': o.quiet = 1; break;
        case 'v': o.verbose = 1; break;
        case 'h': return cli_help(&cli_cmd_check);
        default: return cli_usage(&cli_cmd_check);
        }
    }
    int npaths = argc - optind;
    int pair = npaths == 2 && !o.records && !o.jsonl;
    if (npaths < 1 || (npaths > 2 && !o.records && !o.jsonl))
        return cli_usage(&cli_cmd_check);
    int failed;
    sl_lexicon *lex = cli_lexicon(o.lexpath, o.nolex, o.po.align.src_lang, o.po.align.tgt_lang,
                                  o.quiet, 0, &failed);
    if (failed)
        return CLI_USAGE;
    sl_error err;
    sl_pipe *p = sl_pipe_new(&o.po, lex, &err);
    sl_checker *chk = p ? sl_checker_new(&o.co, &o.po, lex, &err) : NULL;
    int status = chk ? CLI_OK : cli_report(&err);
    /* the abbreviations of the whole input first, as align learns them */
    sl_pipe_abbr *abbr = NULL;
    if (status == CLI_OK) {
        const char *const names[2] = { o.po.align.src_lang, o.po.align.tgt_lang };
        status = cli_learn_abbr(p, argv + optind, npaths, pair, o.jsonl, o.po.presplit, &o.text,
                                o.learn_abbr, o.show_learned, o.verbose, names, &abbr);
    }
    if (status == CLI_OK)
        status = run(&o, p, chk, argv + optind, npaths, pair);
    sl_checker_free(chk);
    sl_pipe_free(p);
    sl_pipe_abbr_free(abbr);
    sl_lexicon_free(lex);
    return status;
}
