/* cli_source.c — what the align and check commands read: the documents
 * of their arguments, and the lexicon their options ask for. */
#include "cli.h"

#include <string.h>

void cli_source_init(cli_source *s, char **paths, int npaths, int pair, int jsonl, int presplit)
{
    memset(s, 0, sizeof *s);
    s->paths = paths;
    s->npaths = npaths;
    s->pair = pair;
    s->jsonl = jsonl;
    s->presplit = presplit;
}

size_t cli_source_next(cli_source *s, sl_item *items, size_t max)
{
    if (s->pair) {
        if (s->pair_done++)
            return 0;
        sl_item_load_pair(&items[0], s->paths[0], s->paths[0], s->paths[1], s->presplit, s->text);
        return 1;
    }
    for (;;) {
        if (!s->in) {
            if (s->src >= s->npaths)
                return 0;
            sl_error err;
            int flags = (s->jsonl ? SL_INPUT_JSONL : 0) | (s->presplit ? SL_INPUT_PRESPLIT : 0);
            if (!(s->in = sl_input_open_opts(s->paths[s->src], flags, s->text, &err))) {
                s->status = cli_report(&err);
                return 0;
            }
        }
        size_t n = sl_input_next(s->in, items, max);
        if (n)
            return n;
        const char *names[3];
        size_t ign = sl_input_ignored(s->in, names);
        if (ign && !s->quiet) {
            char list[1024] = "";
            for (size_t k = 0, o = 0; k < ign && k < 3 && o < sizeof list; k++)
                o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", k ? ", " : "", names[k]);
            cli_msg("note: %s: left out %zu entr%s that %s not records (*.txt) or pairs "
                    "(*.id, *.en): %s%s", s->paths[s->src], ign, ign == 1 ? "y" : "ies",
                    ign == 1 ? "is" : "are", list, ign > 3 ? ", ..." : "");
        }
        sl_input_close(s->in);
        s->in = NULL;
        s->src++;
    }
}

void cli_source_close(cli_source *s)
{
    sl_input_close(s->in);
    s->in = NULL;
}

int cli_is_batch(char **paths, int npaths, int pair, int jsonl)
{
    return !pair && (npaths > 1 || sl_input_several(paths[0], jsonl ? SL_INPUT_JSONL : 0));
}

sl_lexicon *cli_lexicon(const char *path, int none, const char *src, const char *tgt, int quiet,
                        int learning, int *failed)
{
    sl_error err;
    sl_error_clear(&err);
    *failed = 0;
    if (none)
        return NULL;
    int missing;
    sl_lexicon *lex = sl_lexicon_load_default(path, src, tgt, &missing, &err);
    if (!lex) {
        cli_report(&err);
        *failed = 1;
    } else if (missing == 1) {
        cli_msg("warning: FreeDict not installed (apt-get install dict-freedict-eng-ind); "
                "aligning with the built-in core lexicon only");
    } else if (missing == 3 && !learning && !quiet) {
        cli_msg("note: no dictionary for %s -> %s: aligning on length, numbers, names and "
                "cognates; --learn learns one from the input, --lexicon FILE takes yours",
                src, tgt);
    } else if (missing == 2) {
        char buf[1400];
        cli_msg("warning: default lexicon unusable, using the built-in core only: %s",
                sl_error_format(&err, buf, sizeof buf));
    }
    return lex;
}
