/* main.c — the selaras program: parses the subcommand and dispatches. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* --version: stdout like any output, so a write error is reported and
 * fails the run. */
static int version(void)
{
    cli_out o;
    if (cli_out_open(&o, NULL))
        return CLI_FAIL;
    fprintf(o.f, "selaras %s\n", cli_version);
    return cli_out_close(&o, 1) ? CLI_FAIL : CLI_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_overview(stderr);
        return CLI_USAGE;
    }
    /* selaras --help [COMMAND] is selaras help [COMMAND] */
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cli_cmd_help.fn(argc - 1, argv + 1);
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        if (argc == 2)
            return version();
        cli_overview(stderr);
        return CLI_USAGE;
    }
    const cli_cmd *c = cli_command(argv[1]);
    if (c)
        return c->fn(argc - 1, argv + 1);
    cli_msg("unknown command '%s'", argv[1]);
    cli_overview(stderr);
    return CLI_USAGE;
}
