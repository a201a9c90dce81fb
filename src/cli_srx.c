/* cli_srx.c — `selaras srx`: the splitters' rules for CAT tools. */
#include "cli.h"
#include "selaras/segment.h"
#include "selaras/srx.h"

#include <getopt.h>
#include <string.h>

static const char usage[] =
    "usage: selaras srx [--omegat] [--rules DIR] [-o FILE]\n"
    "  writes the Indonesian and English sentence rules as SRX 2.0 (OmegaT,\n"
    "  Okapi); --omegat writes OmegaT 3.6's segmentation.conf instead\n";

int cli_srx(int argc, char **argv)
{
    static const struct option opts[] = {
        { "omegat", no_argument, NULL, 'O' },
        { "rules", required_argument, NULL, 'r' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *rules = NULL, *outpath = NULL;
    int omegat = 0, c;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'O': omegat = 1; break;
        case 'r': rules = optarg; break;
        case 'o': outpath = optarg; break;
        case 'h': return cli_print(usage);
        default: fputs(usage, stderr); return CLI_USAGE;
        }
    }
    if (optind != argc) {
        fputs(usage, stderr);
        return CLI_USAGE;
    }
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
