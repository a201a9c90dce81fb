/* cli_source.c — what the align and check commands read: the documents
 * of their arguments, and the lexicon their options ask for. */
#include "cli.h"
#include "selaras/learnabbr.h"
#include "selaras/pipeline.h"

#include <stdlib.h>
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
                s->status = s->silent ? cli_status(&err) : cli_report(&err);
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

/* Items read at a time by the first pass. */
enum { ABBR_CHUNK = 64 };

void cli_use_abbr(sl_pipe *p, const sl_pipe_abbr *a)
{
    for (int k = 0; k < 2 && a; k++)
        if (sl_learnabbr_active(sl_pipe_abbr_get(a, k)))
            sl_pipe_set_learned(p, k, sl_pipe_abbr_get(a, k));
}

int cli_learn_abbr(sl_pipe *p, char **paths, int npaths, int pair, int jsonl, int presplit,
                   const sl_text_opts *text, int learn, int show, int verbose,
                   const char *const lang[2], sl_pipe_abbr **out)
{
    *out = NULL;
    if (!learn && !show)
        return CLI_OK;
    const char *why = presplit ? "--presplit: the text is not split" : NULL;
    for (int k = 0; k < npaths && !why; k++)
        if (strcmp(paths[k], "-") == 0)
            why = "stdin is read once; give files to learn from the whole input";
    if (why) {
        if (show)
            fprintf(stderr, "learned abbreviations: none (%s)\n", why);
        return CLI_OK;
    }
    sl_error err;
    sl_pipe_abbr *a = sl_pipe_abbr_new(p, 0, &err);
    sl_item *items = calloc(ABBR_CHUNK, sizeof *items);
    if (a && !items)
        sl_error_set(&err, SL_ENOMEM, NULL, 0, -1, "out of memory");
    if (!a || !items) {
        free(items);
        sl_pipe_abbr_free(a);
        return cli_report(&err);
    }
    /* every source, read as the alignment pass reads it (which tells
     * what is wrong with it), until both sides are full */
    cli_source src;
    cli_source_init(&src, paths, npaths, pair, jsonl, presplit);
    src.text = text;
    src.quiet = src.silent = 1;
    int rc = SL_OK;
    size_t n;
    while (rc == SL_OK && (n = cli_source_next(&src, items, ABBR_CHUNK)) > 0) {
        for (size_t i = 0; i < n; i++) {
            if (rc == SL_OK)
                rc = sl_pipe_abbr_add(a, &items[i], &err);
            sl_item_free(&items[i]);
        }
    }
    cli_source_close(&src);
    free(items);
    if (rc == 1)
        rc = SL_OK; /* full: the rest would add nothing */
    if (rc == SL_OK)
        rc = sl_pipe_abbr_finish(a, NULL, &err);
    if (rc != SL_OK) {
        sl_pipe_abbr_free(a);
        return cli_report(&err);
    }
    if (learn)
        cli_use_abbr(p, a);
    for (int k = 0; k < 2; k++) {
        const sl_learnabbr *l = sl_pipe_abbr_get(a, k);
        if (show)
            cli_show_learned(stderr, l, lang[k]);
        if (verbose && learn && sl_learnabbr_active(l)) {
            size_t m = 0, count = sl_learnabbr_count(l);
            for (size_t i = 0; i < count; i++)
                m += sl_learnabbr_get(l, i)->learned;
            cli_msg("learned %zu abbreviation%s (%s) from %zu words of the input", m,
                    m == 1 ? "" : "s", lang[k], sl_learnabbr_words(l));
        }
    }
    *out = a;
    return CLI_OK;
}
