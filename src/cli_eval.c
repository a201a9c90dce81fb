/* cli_eval.c — `selaras eval`: segmentation and alignment scores. */
#include "cli.h"
#include "selaras/aligneval.h"
#include "selaras/segeval.h"
#include "selaras/text.h"

#include <getopt.h>
#include <string.h>

enum { O_SEGMENTS = CLI_LONG };

static const cli_opt opts[] = {
    { "segments", O_SEGMENTS, NULL, "score sentence boundaries: GOLD and PRED hold one "
                                    "sentence a line and an empty line after each paragraph" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int eval_main(int argc, char **argv);

const cli_cmd cli_cmd_eval = {
    "eval", eval_main, "score segmentation or alignment against gold",
    "GOLD TEST [GOLD TEST]...\n--segments GOLD PRED",
    "Scores alignment beads ([i,j]:[k] a line, the documents of a batch between blank lines) "
    "against gold beads with strict and lax precision, recall and F1, summed over the pairs "
    "of files; or, with --segments, sentence boundaries against gold.",
    opts,
};

static int load_beads(const char *path, sl_ebeads *b, sl_error *err)
{
    sl_text t;
    if (sl_text_load(path, NULL, &t, err))
        return err->code;
    int rc = sl_ebeads_parse(t.data, t.len, path, b, err);
    sl_text_free(&t);
    return rc;
}

static int eval_beads(int n, char **files)
{
    sl_aligneval acc;
    memset(&acc, 0, sizeof acc);
    sl_error err;
    sl_error_clear(&err);
    for (int k = 0; k + 1 < n; k += 2) {
        sl_ebeads g, t;
        if (load_beads(files[k], &g, &err))
            return cli_report(&err);
        if (load_beads(files[k + 1], &t, &err)) {
            sl_ebeads_free(&g);
            return cli_report(&err);
        }
        int rc = sl_aligneval_add_docs(&acc, &g, files[k], &t, files[k + 1], &err);
        sl_ebeads_free(&g);
        sl_ebeads_free(&t);
        if (rc)
            return cli_report(&err);
    }
    cli_out o;
    if (cli_out_open(&o, NULL))
        return CLI_FAIL;
    double p, r, f;
    fprintf(o.f, "pairs %d  gold beads %zu  test beads %zu\n", n / 2, acc.r_total, acc.p_total);
    sl_aligneval_prf(&acc, 0, &p, &r, &f);
    fprintf(o.f, "strict  precision %.4f  recall %.4f  F1 %.4f\n", p, r, f);
    sl_aligneval_prf(&acc, 1, &p, &r, &f);
    fprintf(o.f, "lax     precision %.4f  recall %.4f  F1 %.4f\n", p, r, f);
    return cli_out_close(&o, 1) ? CLI_FAIL : CLI_OK;
}

static int eval_segments(const char *gold, const char *pred)
{
    sl_error err;
    sl_error_clear(&err);
    sl_text g, p;
    if (sl_text_load(gold, NULL, &g, &err))
        return cli_report(&err);
    if (sl_text_load(pred, NULL, &p, &err)) {
        sl_text_free(&g);
        return cli_report(&err);
    }
    sl_segeval e;
    int rc = sl_segeval_text(g.data, g.len, p.data, p.len, &e, &err);
    sl_text_free(&g);
    sl_text_free(&p);
    if (rc) {
        snprintf(err.file, sizeof err.file, "%s", pred);
        return cli_report(&err);
    }
    cli_out o;
    if (cli_out_open(&o, NULL))
        return CLI_FAIL;
    fprintf(o.f, "boundaries  gold %zu  predicted %zu  correct %zu\n", e.tp + e.fn, e.tp + e.fp,
            e.tp);
    fprintf(o.f, "precision   %.4f\nrecall      %.4f\nF1          %.4f\n",
            sl_segeval_precision(&e), sl_segeval_recall(&e), sl_segeval_f1(&e));
    fprintf(o.f, "paragraphs  %zu/%zu exact (%.4f)\n", e.paras_exact, e.paras,
            e.paras ? (double)e.paras_exact / (double)e.paras : 1.0);
    return cli_out_close(&o, 1) ? CLI_FAIL : CLI_OK;
}

static int eval_main(int argc, char **argv)
{
    int c, segments = 0;
    while ((c = cli_getopt(&cli_cmd_eval, argc, argv)) != -1) {
        switch (c) {
        case O_SEGMENTS: segments = 1; break;
        case 'h': return cli_help(&cli_cmd_eval);
        default: return cli_usage(&cli_cmd_eval);
        }
    }
    int n = argc - optind;
    if (segments && n == 2)
        return eval_segments(argv[optind], argv[optind + 1]);
    if (!segments && n >= 2 && n % 2 == 0)
        return eval_beads(n, argv + optind);
    return cli_usage(&cli_cmd_eval);
}
