/* cli_eval.c — `selaras eval`: segmentation and alignment scores. */
#include "cli.h"
#include "selaras/segeval.h"
#include "selaras/text.h"

#include <string.h>

static const char usage[] =
    "usage: selaras eval --segments GOLD PRED\n";

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
    printf("boundaries  gold %zu  predicted %zu  correct %zu\n", e.tp + e.fn, e.tp + e.fp, e.tp);
    printf("precision   %.4f\nrecall      %.4f\nF1          %.4f\n", sl_segeval_precision(&e),
           sl_segeval_recall(&e), sl_segeval_f1(&e));
    printf("paragraphs  %zu/%zu exact (%.4f)\n", e.paras_exact, e.paras,
           e.paras ? (double)e.paras_exact / (double)e.paras : 1.0);
    return CLI_OK;
}

int cli_eval(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--segments") == 0)
        return eval_segments(argv[2], argv[3]);
    fputs(usage, stderr);
    return CLI_USAGE;
}
