/* cli_srx.c — `selaras srx`: the splitters' rules for CAT tools. */
#include "cli.h"
#include "selaras/langid.h"
#include "selaras/learnabbr.h"
#include "selaras/segment.h"
#include "selaras/srx.h"
#include "selaras/text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { O_OMEGAT = CLI_LONG, O_RULES, O_LEARN_FROM };

static const cli_opt opts[] = {
    { "omegat", O_OMEGAT, NULL, "write OmegaT 3.6's own format (a segmentation.conf for the "
                                "project's omegat/ folder or OmegaT's configuration folder)" },
    { "rules", O_RULES, "DIR", "the splitter's rule files in DIR instead of the built-in ones" },
    { "learn-from", O_LEARN_FROM, "FILE", "add the abbreviations learned from FILE (as split "
                                          "does; repeatable): its Indonesian paragraphs for "
                                          "the Indonesian rules, its English ones for the "
                                          "English, told apart by their stop words" },
    { "output", 'o', "FILE", "write to FILE, replaced only when the run succeeds (default "
                             "stdout)" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int srx_main(int argc, char **argv);

const cli_cmd cli_cmd_srx = {
    "srx", srx_main, "write the splitters' rules as SRX 2.0 (--omegat: OmegaT's format)",
    "[--omegat] [--rules DIR] [--learn-from FILE]... [-o FILE]",
    "Writes the Indonesian and English sentence rules of the splitter as SRX 2.0, so that a "
    "CAT tool (OmegaT, Okapi) segments a text as selaras did and the units of its TMX match "
    "sentence by sentence.",
    opts,
};

/* Learns the abbreviations of the files for both splitters: each paragraph
 * (each line of a file with no blank line) goes to the learner of its
 * language; paragraphs of neither are left out. texts[] keeps the files,
 * which the learners read until finished. */
static int learn_from(char **paths, int npaths, sl_seg *seg[2], sl_learnabbr *la[2],
                      sl_text *texts, sl_error *err)
{
    sl_langid *lid = sl_langid_new("id", "en", err);
    if (!lid)
        return err->code ? err->code : SL_ENOMEM;
    int rc = SL_OK;
    for (int k = 0; k < 2 && rc == SL_OK; k++)
        if (!(la[k] = sl_learnabbr_new(seg[k], err)))
            rc = SL_ENOMEM;
    for (int f = 0; f < npaths && rc == SL_OK; f++) {
        if ((rc = sl_text_load(paths[f], NULL, &texts[f], err)))
            break;
        const char *t = texts[f].data;
        size_t len = texts[f].len;
        int lines = !strstr(t, "\n\n") && !strstr(t, "\n\r\n");
        for (size_t i = 0; i < len && rc == SL_OK;) {
            /* the next paragraph: to a blank line, or a line end */
            size_t e = i;
            for (;;) {
                const char *nl = memchr(t + e, '\n', len - e);
                e = nl ? (size_t)(nl - t) : len;
                if (lines || e >= len)
                    break;
                size_t j = e + 1;
                while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
                    j++;
                if (j >= len || t[j] == '\n')
                    break;
                e = j;
            }
            int g = sl_langid_guess(lid, t + i, e - i, NULL);
            if (g >= 0)
                rc = sl_learnabbr_add(la[g], t + i, e - i, lines, err);
            i = e + 1;
        }
    }
    for (int k = 0; k < 2 && rc == SL_OK; k++)
        if ((rc = sl_learnabbr_finish(la[k], NULL, err)) == SL_OK)
            sl_seg_set_learned(seg[k], la[k]);
    sl_langid_free(lid);
    return rc;
}

static int srx_main(int argc, char **argv)
{
    const char *rules = NULL, *outpath = NULL;
    int omegat = 0, c, nlearn = 0;
    char **learn = calloc((size_t)argc + 1, sizeof *learn);
    if (!learn) {
        cli_msg("out of memory");
        return CLI_FAIL;
    }
    while ((c = cli_getopt(&cli_cmd_srx, argc, argv)) != -1) {
        switch (c) {
        case O_OMEGAT: omegat = 1; break;
        case O_RULES: rules = optarg; break;
        case O_LEARN_FROM: learn[nlearn++] = optarg; break;
        case 'o': outpath = optarg; break;
        case 'h': free(learn); return cli_help(&cli_cmd_srx);
        default: free(learn); return cli_usage(&cli_cmd_srx);
        }
    }
    if (optind != argc) {
        free(learn);
        return cli_usage(&cli_cmd_srx);
    }
    sl_error err;
    sl_error_clear(&err);
    sl_seg *id = sl_seg_new("id", rules, &err), *en = id ? sl_seg_new("en", rules, &err) : NULL;
    if (!id || !en) {
        sl_seg_free(id);
        free(learn);
        return cli_report(&err);
    }
    cli_out out;
    int status = CLI_OK;
    sl_seg *seg[2] = { id, en };
    sl_learnabbr *la[2] = { NULL, NULL };
    sl_text *texts = calloc((size_t)nlearn + 1, sizeof *texts);
    if (!texts) {
        cli_msg("out of memory");
        status = CLI_FAIL;
    } else if (nlearn && learn_from(learn, nlearn, seg, la, texts, &err)) {
        status = cli_report(&err);
    }
    if (status == CLI_OK && cli_out_open(&out, outpath)) {
        status = CLI_FAIL;
    } else if (status == CLI_OK) {
        int rc = omegat ? sl_srx_write_omegat(out.f, id, en, &err) : sl_srx_write(out.f, id, en, &err);
        if (rc)
            status = cli_report(&err);
        if (cli_out_close(&out, rc == SL_OK) && status == CLI_OK)
            status = CLI_FAIL;
    }
    sl_seg_free(id);
    sl_seg_free(en);
    for (int k = 0; k < 2; k++)
        sl_learnabbr_free(la[k]);
    for (int f = 0; texts && f < nlearn; f++)
        sl_text_free(&texts[f]);
    free(texts);
    free(learn);
    return status;
}
