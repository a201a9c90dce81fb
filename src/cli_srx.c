/* cli_srx.c — `selaras srx`: the splitters' rules for CAT tools. */
#include "cli.h"
#include "selaras/segment.h"
#include "selaras/srx.h"

#include <getopt.h>
#include <string.h>

enum { O_OMEGAT = CLI_LONG, O_RULES };

static const cli_opt opts[] = {
    { "omegat", O_OMEGAT, NULL, "write OmegaT 3.6's own format (a segmentation.conf for the "
                                "project's omegat/ folder or OmegaT's configuration folder)" },
    { "rules", O_RULES, "DIR", "the splitter's rule files in DIR instead of the built-in ones" },
    { "output", 'o', "FILE", "write to FILE, replaced only when the run succeeds (default "
                             "stdout)" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int srx_main(int argc, char **argv);

const cli_cmd cli_cmd_srx = {
    "srx", srx_main, "write the splitters' rules as SRX 2.0 (--omegat: OmegaT's format)",
    "[--omegat] [--rules DIR] [-o FILE]",
    "Writes the Indonesian and English sentence rules of the splitter as SRX 2.0, so that a "
    "CAT tool (OmegaT, Okapi) segments a text as selaras did and the units of its TMX match "
    "sentence by sentence.",
    opts,
};

static int srx_main(int argc, char **argv)
{
    const char *rules = NULL, *outpath = NULL;
    int omegat = 0, c;
    while ((c = cli_getopt(&cli_cmd_srx, argc, argv)) != -1) {
        switch (c) {
        case O_OMEGAT: omegat = 1; break;
        case O_RULES: rules = optarg; break;
        case 'o': outpath = optarg; break;
        case 'h': return cli_help(&cli_cmd_srx);
        default: return cli_usage(&cli_cmd_srx);
        }
    }
    if (optind != argc)
        return cli_usage(&cli_cmd_srx);
    sl_error err;
    sl_error_clear(&err);
    sl_seg *id = sl_seg_new("id", rules, &err), *en = id ? sl_seg_new("en", rules, &err) : NULL;
    if (!id || !en) {
        sl_seg_free(id);
        return cli_report(&err);
    }
    cli_out out;
    int status = CLI_OK;
    if (cli_out_open(&out, outpath)) {
        status = CLI_FAIL;
    } else {
        int rc = omegat ? sl_srx_write_omegat(out.f, id, en, &err) : sl_srx_write(out.f, id, en, &err);
        if (rc)
            status = cli_report(&err);
        if (cli_out_close(&out, rc == SL_OK) && status == CLI_OK)
            status = CLI_FAIL;
    }
    sl_seg_free(id);
    sl_seg_free(en);
    return status;
}
