/* cli_split.c — `selaras split`: one sentence per line, blank line per paragraph. */
#include "cli.h"
#include "selaras/learnabbr.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK = 1 << 18 };

enum { O_LINES = CLI_LONG, O_NO_LEARN, O_SHOW_LEARNED, O_ENCODING, O_REPAIR };

static const cli_opt opts[] = {
    { "lang", 'l', "L", "the language of the text: id, en, or another (split with the common "
                        "rules, and a note says so); required" },
    { "lines", O_LINES, NULL, "every input line is a paragraph (a corpus of one sentence or "
                              "paragraph a line)" },
    { "rules", 'r', "DIR", "read the rules from DIR/common.txt and DIR/L.txt where they exist, "
                           "instead of the built-in ones" },
    { "no-learn", O_NO_LEARN, NULL, "use the rules' lists only: learn no abbreviations from the "
                                    "input (learning is on when the input has 2000 words and "
                                    "80 period-final tokens or more)" },
    { "show-learned", O_SHOW_LEARNED, NULL, "write to stderr the abbreviations learned from "
                                            "the input and the evidence for each candidate" },
    { "output", 'o', "FILE", "write to FILE, replaced only when the run succeeds (default "
                             "stdout)" },
    { "encoding", O_ENCODING, "NAME", "the input is in encoding NAME (an iconv name: UTF-16LE, "
                                      "CP1252, ISO-8859-1; iconv -l lists them), converted to "
                                      "UTF-8 as it is read" },
    { "repair", O_REPAIR, NULL, "replace invalid UTF-8 and NUL bytes with U+FFFD, and say how "
                                "many, instead of stopping at the first" },
    { "quiet", 'q', NULL, "no notes (errors still go to stderr)" },
    { "verbose", 'v', NULL, "say what was written" },
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

static int split_main(int argc, char **argv);

const cli_cmd cli_cmd_split = {
    "split", split_main, "split text into sentences (one per line)",
    "--lang L [OPTIONS] [FILE|-]...",
    "Splits UTF-8 text into sentences: one sentence a line, an empty line after each "
    "paragraph. Paragraphs are separated by blank lines; a single line break inside one is "
    "a space (text copied from a PDF). Abbreviations no list names are learned from the "
    "whole input first (all FILEs together) when it is large enough. Reads stdin without "
    "FILE, or for -.",
    opts,
};

static int split_main(int argc, char **argv)
{
    const char *lang = NULL, *rules = NULL, *outpath = NULL;
    int flags = 0, c, quiet = 0, verbose = 0, learn = 1, show = 0;
    sl_text_opts text = { NULL, 0 };
    while ((c = cli_getopt(&cli_cmd_split, argc, argv)) != -1) {
        switch (c) {
        case 'l': lang = optarg; break;
        case O_LINES: flags |= SL_SEG_LINES; break;
        case 'r': rules = optarg; break;
        case O_NO_LEARN: learn = 0; break;
        case O_SHOW_LEARNED: show = 1; break;
        case 'o': outpath = optarg; break;
        case O_ENCODING:
            if (cli_encoding(&text, optarg, "split"))
                return CLI_USAGE;
            break;
        case O_REPAIR: text.repair = 1; break;
        case 'q': quiet = 1; break;
        case 'v': verbose = 1; break;
        case 'h': return cli_help(&cli_cmd_split);
        default: return cli_usage(&cli_cmd_split);
        }
    }
    if (!lang) {
        cli_msg("split: --lang is required");
        return cli_usage(&cli_cmd_split);
    }
    sl_error err;
    sl_error_clear(&err);
    sl_seg *seg = sl_seg_new(lang, rules, &err);
    if (!seg)
        return cli_report(&err);
    if (sl_seg_generic(seg) && !quiet)
        cli_msg("note: no sentence rules for '%s': splitting with the common rules", lang);
    int status = CLI_OK;
    int nfiles = argc - optind, ntext = nfiles ? nfiles : 1;
    size_t nsent = 0;
    /* every file is read first: abbreviations are learned from them all
     * (a first pass), then the splitter, which reads the learned set, runs */
    sl_text *texts = calloc((size_t)ntext, sizeof *texts);
    sl_learnabbr *la = NULL;
    if (!texts) {
        cli_msg("out of memory");
        sl_seg_free(seg);
        return CLI_FAIL;
    }
    /* a file that cannot be read is reported, and the others are split */
    for (int k = 0; k < ntext; k++) {
        const char *path = nfiles ? argv[optind + k] : "-";
        if (sl_text_load_opts(path, NULL, &text, &texts[k], &err)) {
            status = cli_report(&err);
            memset(&texts[k], 0, sizeof texts[k]);
        } else if (texts[k].repaired && !quiet) {
            cli_msg("note: %s: replaced %zu invalid UTF-8 sequence%s with U+FFFD, the first on "
                    "line %ld (byte %lld)", strcmp(path, "-") ? path : "<stdin>",
                    texts[k].repaired, texts[k].repaired == 1 ? "" : "s", texts[k].repair_line,
                    texts[k].repair_at);
        }
    }
    if (learn || show) {
        la = sl_learnabbr_new(seg, &err);
        int rc = la ? SL_OK : SL_ENOMEM;
        for (int k = 0; k < ntext && rc == SL_OK; k++)
            if (texts[k].data)
                rc = sl_learnabbr_add(la, texts[k].data, texts[k].len, flags & SL_SEG_LINES, &err);
        if (rc == SL_OK)
            rc = sl_learnabbr_finish(la, NULL, &err);
        if (rc != SL_OK)
            status = cli_report(&err);
        else if (learn)
            sl_seg_set_learned(seg, la);
        if (rc == SL_OK && show)
            cli_show_learned(stderr, la, lang);
    }
    cli_out out;
    if (status == CLI_FAIL || cli_out_open(&out, outpath)) {
        for (int k = 0; k < ntext; k++)
            sl_text_free(&texts[k]);
        free(texts);
        sl_seg_free(seg);
        sl_learnabbr_free(la);
        return CLI_FAIL;
    }
    for (int k = 0; k < ntext && status != CLI_FAIL; k++) {
        sl_text t = texts[k];
        sl_sents s;
        if (!t.data)
            continue;
        /* the whole file was validated on load; split it in chunks so
         * that working memory stays small whatever the input size */
        memset(&s, 0, sizeof s);
        size_t limited = 0;
        for (size_t pos = 0; pos < t.len;) {
            size_t n = sl_seg_chunk(seg, t.data + pos, t.len - pos, CHUNK, flags);
            if (sl_seg_split(seg, t.data + pos, n, flags, &s, &err)) {
                status = cli_report(&err);
                break;
            }
            nsent += s.n;
            limited += s.limited;
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
        if (limited && !quiet) {
            const char *path = nfiles ? argv[optind + k] : "-";
            cli_msg("note: %s: %zu pattern match%s hit the match limits: the rest of %s "
                    "paragraph%s kept as one sentence", strcmp(path, "-") ? path : "<stdin>",
                    limited, limited == 1 ? "" : "es", limited == 1 ? "its" : "their",
                    limited == 1 ? "" : "s");
        }
        sl_sents_free(&s);
    }
    for (int k = 0; k < ntext; k++)
        sl_text_free(&texts[k]);
    free(texts);
    if (cli_out_close(&out, status == CLI_OK) && status == CLI_OK)
        status = CLI_FAIL;
    if (status == CLI_OK && verbose)
        cli_msg("wrote %zu sentence%s from %d file%s to %s", nsent, nsent == 1 ? "" : "s",
                nfiles ? nfiles : 1, nfiles > 1 ? "s" : "", outpath ? outpath : "<stdout>");
    sl_seg_free(seg);
    sl_learnabbr_free(la);
    return status;
}
