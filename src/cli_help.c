/* cli_help.c — the command table, the option parser built from each
 * command's table, and the help made from it: what a command accepts and
 * what its --help lists come from one place, so they cannot drift apart. */
#include "cli.h"

#include <getopt.h>
#include <string.h>

#ifndef SL_VERSION
#error "SL_VERSION comes from the Makefile's VERSION"
#endif
const char cli_version[] = SL_VERSION;

const cli_cmd *const cli_commands[] = {
    &cli_cmd_split, &cli_cmd_align, &cli_cmd_check, &cli_cmd_merge,
    &cli_cmd_srx,   &cli_cmd_eval,  &cli_cmd_help,  NULL,
};

const cli_cmd *cli_command(const char *name)
{
    for (size_t i = 0; cli_commands[i]; i++)
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    return NULL;
}

int cli_getopt(const cli_cmd *c, int argc, char **argv)
{
    /* one command runs per process: its parser is built on the first call */
    static const cli_cmd *built;
    static struct option lo[CLI_MAXOPTS + 1];
    static char so[3 * CLI_MAXOPTS + 2], prog[64];
    if (built != c) {
        size_t n = 0, k = 0;
        for (const cli_opt *o = c->opts; o->name && n < CLI_MAXOPTS; o++, n++) {
            lo[n] = (struct option){ o->name, o->arg ? required_argument : no_argument, NULL,
                                     o->key };
            if (o->key < CLI_LONG) {
                so[k++] = (char)o->key;
                if (o->arg)
                    so[k++] = ':';
            }
        }
        lo[n] = (struct option){ NULL, 0, NULL, 0 };
        so[k] = '\0';
        snprintf(prog, sizeof prog, "selaras %s", c->name);
        built = c;
        optind = 1;
    }
    char *name = argv[0];
    argv[0] = prog; /* getopt's messages: "selaras align: unrecognized option" */
    int key = getopt_long(argc, argv, so, lo, NULL);
    argv[0] = name;
    return key;
}

enum { WIDTH = 79, DESC_COL = 25 };

/* Writes text from column col, wrapped at WIDTH, later lines indented to
 * ind; ends the line. */
static void wrap(FILE *f, const char *text, int col, int ind)
{
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t w = strcspn(p, " ");
        if (!w)
            break;
        if (col > ind && col + 1 + (int)w > WIDTH) {
            fprintf(f, "\n%*s", ind, "");
            col = ind;
        } else if (col > ind) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, w, f);
        col += (int)w;
        p += w;
    }
    fputc('\n', f);
}

static void synopsis(FILE *f, const cli_cmd *c)
{
    const char *p = c->synopsis;
    for (int first = 1; *p; first = 0) {
        size_t n = strcspn(p, "\n");
        fprintf(f, "%s selaras %s %.*s\n", first ? "usage:" : "      ", c->name, (int)n, p);
        p += n + (p[n] == '\n');
    }
}

int cli_help(const cli_cmd *c)
{
    cli_out o;
    if (cli_out_open(&o, NULL))
        return CLI_FAIL;
    FILE *f = o.f;
    synopsis(f, c);
    fputc('\n', f);
    wrap(f, c->about, 0, 0);
    fputs("\noptions:\n", f);
    for (const cli_opt *x = c->opts; x->name; x++) {
        int col = x->key < CLI_LONG ? fprintf(f, "  -%c, --%s", x->key, x->name)
                                     : fprintf(f, "      --%s", x->name);
        if (x->arg)
            col += fprintf(f, " %s", x->arg);
        if (col > DESC_COL - 2) {
            fputc('\n', f);
            col = 0;
        }
        fprintf(f, "%*s", DESC_COL - col, "");
        wrap(f, x->help, DESC_COL, DESC_COL);
    }
    return cli_out_close(&o, 1) ? CLI_FAIL : CLI_OK;
}

int cli_usage(const cli_cmd *c)
{
    synopsis(stderr, c);
    fprintf(stderr, "selaras %s --help shows the options.\n", c->name);
    return CLI_USAGE;
}

void cli_overview(FILE *f)
{
    fputs("usage: selaras COMMAND [OPTIONS] [ARGS]\n"
          "       selaras help [COMMAND]\n"
          "       selaras --version\n\n", f);
    wrap(f,
         "Turns bilingual Indonesian-English abstracts into aligned sentence pairs, TMX "
         "translation memories and keyword glossaries, and checks that each English "
         "abstract translates the whole Indonesian one.",
         0, 0);
    fputs("\ncommands:\n", f);
    for (size_t i = 0; cli_commands[i]; i++)
        fprintf(f, "  %-8s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
    fputs("\noptions:\n"
          "  -h, --help     this overview\n"
          "  -V, --version  print the version\n\n"
          "selaras help COMMAND (or selaras COMMAND --help) lists a command's options;\n"
          "man selaras is the whole manual.\n", f);
}

/* `selaras help [COMMAND]`: the overview, or COMMAND --help. */
static int help_main(int argc, char **argv)
{
    int c;
    while ((c = cli_getopt(&cli_cmd_help, argc, argv)) != -1) {
        if (c == 'h')
            return cli_help(&cli_cmd_help);
        return cli_usage(&cli_cmd_help);
    }
    if (argc - optind > 1)
        return cli_usage(&cli_cmd_help);
    if (argc - optind == 0) {
        cli_out o;
        if (cli_out_open(&o, NULL))
            return CLI_FAIL;
        cli_overview(o.f);
        return cli_out_close(&o, 1) ? CLI_FAIL : CLI_OK;
    }
    const cli_cmd *cmd = cli_command(argv[optind]);
    if (!cmd) {
        cli_msg("help: unknown command '%s'", argv[optind]);
        cli_overview(stderr);
        return CLI_USAGE;
    }
    return cli_help(cmd);
}

static const cli_opt help_opts[] = {
    { "help", 'h', NULL, "show this help" },
    { NULL, 0, NULL, NULL },
};

const cli_cmd cli_cmd_help = {
    "help", help_main, "show the options of a command (the same as COMMAND --help)",
    "[COMMAND]",
    "Shows the options of COMMAND, exactly as selaras COMMAND --help does, or without "
    "COMMAND the list of commands.",
    help_opts,
};
