/* cli_split.c — `selaras split`: one sentence per line, blank line per paragraph. */
#include "cli.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK = 1 << 18 };

static const char usage[] =
    "usage: selaras split --lang id|en [--lines] [--rules DIR] [-o FILE] [FILE|-]...\n";

int cli_split(int argc, char **argv)
{
    static const struct option opts[] = {
        { "lang", required_argument, NULL, 'l' },
        { "lines", no_argument, NULL, 'L' },
        { "rules", required_argument, NULL, 'r' },
        { "output", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *lang = NULL, *rules = NULL, *outpath = NULL;
    int flags = 0, c;
    while ((c = getopt_long(argc, argv, "l:r:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case 'L': flags |= SL_SEG_LINES; break;
        case 'r': rules = optarg; break;
        case 'o': outpath = optarg; break;
        case 'h': return cli_print(usage);
        default: fputs(usage, stderr); return CLI_USAGE;
        }
    }
    if (!lang) {
        cli_msg("split: --lang is required");
        fputs(usage, stderr);
        return CLI_USAGE;
    }
    sl_error err;
    sl_error_clear(&err);
    sl_seg *seg = sl_seg_new(lang, rules, &err);
    if (!seg)
        return cli_report(&err);
    if (sl_seg_generic(seg))
        cli_msg("note: no sentence rules for '%s': splitting with the common rules", lang);
    cli_out out;
    if (cli_out_open(&out, outpath)) {
        sl_seg_free(seg);
        return CLI_FAIL;
    }
    int status = CLI_OK;
    int nfiles = argc - optind;
    for (int k = 0; k < (nfiles ? nfiles : 1) && status != CLI_FAIL; k++) {
        const char *path = nfiles ? argv[optind + k] : "-";
        sl_text t;
        sl_sents s;
        if (sl_text_load(path, NULL, &t, &err)) {
            status = cli_report(&err);
            continue;
        }
        /* the whole file was validated on load; split it in chunks so
         * that working memory stays small whatever the input size */
        memset(&s, 0, sizeof s);
        for (size_t pos = 0; pos < t.len;) {
            size_t n = sl_seg_chunk(seg, t.data + pos, t.len - pos, CHUNK, flags);
            if (sl_seg_split(seg, t.data + pos, n, flags, &s, &err)) {
                status = cli_report(&err);
                break;
            }
            for (size_t i = 0; i < s.n; i++) {
                fwrite(s.text + s.v[i].off, 1, s.v[i].len, out.f);
                fputc('\n', out.f);
                if (i + 1 == s.n || s.v[i + 1].para != s.v[i].para)
                    fputc('\n', out.f);
            }
            if (cli_out_commit(&out)) {
                status = CLI_FAIL;
                break;
            }
            pos += n;
        }
        sl_sents_free(&s);
        sl_text_free(&t);
    }
    if (cli_out_close(&out, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    sl_seg_free(seg);
    return status;
}
