/* main.c — the selaras program: parses the subcommand and dispatches. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    cli_cmd_fn fn;
    const char *help;
} commands[] = {
    { "split", cli_split, "split text into sentences (one per line)" },
    { "align", cli_align, "align the sentences of an Indonesian and an English file" },
    { "check", cli_check, "check that each English abstract translates the whole Indonesian one" },
    { "merge", cli_merge, "join the outputs of align --shard K/N into one run's output" },
    { "srx", cli_srx, "write the splitters' rules as SRX 2.0 (--omegat: OmegaT's format)" },
    { "eval", cli_eval, "score segmentation or alignment against gold" },
};

static void usage(FILE *f)
{
    fputs("usage: selaras COMMAND [OPTIONS] [ARGS]\n\ncommands:\n", f);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].help);
    fputs("\nselaras COMMAND --help shows the options of a command.\n", f);
}

/* --help and --version: stdout like any output, so a write error is
 * reported and fails the run. */
static int to_stdout(int version)
{
    cli_out o;
    if (cli_out_open(&o, NULL))
        return CLI_FAIL;
    if (version)
        fprintf(o.f, "selaras %s\n", SELARAS_VERSION);
    else
        usage(o.f);
    return cli_out_close(&o, 1) ? CLI_FAIL : CLI_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0)
        return to_stdout(0);
    if (strcmp(argv[1], "--version") == 0)
        return to_stdout(1);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    cli_msg("unknown command '%s'", argv[1]);
    usage(stderr);
    return CLI_USAGE;
}
