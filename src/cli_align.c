/* cli_align.c — `selaras align`: pair the sentences of two files. */
#include "cli.h"
#include "selaras/align.h"
#include "selaras/lexicon.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: selaras align [--presplit] [--format beads|tsv|ladder] [-o FILE]\n"
    "                     [--lexicon FILE | --no-lexicon] [--max-bead N]\n"
    "                     [--src-lang id] [--tgt-lang en] ID_FILE EN_FILE\n";

/* One side: the file's text and its sentences as spans. */
typedef struct {
    sl_text text;
    sl_sents sents; /* when split by the segmenter */
    sl_span *v;
    size_t n;
} side_t;

static void side_free(side_t *s)
{
    free(s->v);
    sl_sents_free(&s->sents);
    sl_text_free(&s->text);
}

/* One segment per non-blank line. */
static int read_presplit(side_t *s, const char *name, sl_error *err)
{
    size_t cap = 0;
    const char *p = s->text.data, *end = p + s->text.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *a = p, *b = le;
        while (a < b && (*a == ' ' || *a == '\t')) a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
        if (b > a) {
            if (s->n == cap) {
                cap = cap ? cap * 2 : 64;
                sl_span *v = realloc(s->v, cap * sizeof *v);
                if (!v)
                    return sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
                s->v = v;
            }
            s->v[s->n++] = (sl_span){ a, (size_t)(b - a) };
        }
        p = nl ? nl + 1 : end;
    }
    return SL_OK;
}

static int load_side(side_t *s, const char *path, const char *lang, int presplit,
                     const char *rules, sl_error *err)
{
    memset(s, 0, sizeof *s);
    if (sl_text_load(path, NULL, &s->text, err))
        return err->code;
    if (presplit)
        return read_presplit(s, path, err);
    sl_seg *seg = sl_seg_new(lang, rules, err);
    if (!seg)
        return err->code;
    int rc = sl_seg_split(seg, s->text.data, s->text.len, 0, &s->sents, err);
    sl_seg_free(seg);
    if (rc)
        return rc;
    s->v = malloc((s->sents.n + 1) * sizeof *s->v);
    if (!s->v)
        return sl_error_set(err, SL_ENOMEM, path, 0, -1, "out of memory");
    for (size_t i = 0; i < s->sents.n; i++)
        s->v[i] = (sl_span){ s->sents.text + s->sents.v[i].off, s->sents.v[i].len };
    s->n = s->sents.n;
    return SL_OK;
}

static void write_indices(FILE *f, size_t i0, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%zu", k ? "," : "", i0 + k);
    fputc(']', f);
}

/* Writes a side's sentences joined by spaces, tabs and newlines flattened. */
static void write_text(FILE *f, const sl_span *v, size_t i0, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (k)
            fputc(' ', f);
        for (size_t x = 0; x < v[i0 + k].len; x++) {
            char c = v[i0 + k].s[x];
            fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, f);
        }
    }
}

int cli_align(int argc, char **argv)
{
    static const struct option opts[] = {
        { "presplit", no_argument, NULL, 'p' },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "lexicon", required_argument, NULL, 'x' },
        { "no-lexicon", no_argument, NULL, 'X' },
        { "max-bead", required_argument, NULL, 'm' },
        { "src-lang", required_argument, NULL, 's' },
        { "tgt-lang", required_argument, NULL, 't' },
        { "rules", required_argument, NULL, 'r' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    sl_align_opts ao;
    sl_align_opts_default(&ao);
    const char *format = "beads", *outpath = NULL, *lexpath = NULL, *rules = NULL;
    int presplit = 0, nolex = 0, c;
    while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': presplit = 1; break;
        case 'f': format = optarg; break;
        case 'o': outpath = optarg; break;
        case 'x': lexpath = optarg; break;
        case 'X': nolex = 1; break;
        case 'm': ao.max_side = atoi(optarg); break;
        case 's': ao.src_lang = optarg; break;
        case 't': ao.tgt_lang = optarg; break;
        case 'r': rules = optarg; break;
        case 'h': fputs(usage, stdout); return CLI_OK;
        default: fputs(usage, stderr); return CLI_USAGE;
        }
    }
    if (argc - optind != 2 || (strcmp(format, "beads") && strcmp(format, "tsv") &&
                               strcmp(format, "ladder"))) {
        fputs(usage, stderr);
        return CLI_USAGE;
    }
    sl_error err;
    sl_error_clear(&err);
    sl_lexicon *lex = NULL;
    if (!nolex) {
        const char *path = lexpath ? lexpath : sl_lexicon_default_path();
        if (path) {
            lex = sl_lexicon_load(path, SL_LEX_AUTO, ao.src_lang, ao.tgt_lang, &err);
            if (!lex && lexpath)
                return cli_report(&err);
            if (!lex) {
                char buf[1400];
                cli_msg("warning: default lexicon unusable, aligning without one: %s",
                        sl_error_format(&err, buf, sizeof buf));
            }
        } else {
            cli_msg("warning: no lexicon installed (apt-get install dict-freedict-eng-ind); "
                    "aligning on length, numbers, names and cognates");
        }
    }
    side_t src, tgt;
    int status = CLI_OK;
    memset(&tgt, 0, sizeof tgt);
    if (load_side(&src, argv[optind], ao.src_lang, presplit, rules, &err) ||
        load_side(&tgt, argv[optind + 1], ao.tgt_lang, presplit, rules, &err)) {
        status = cli_report(&err);
        goto done;
    }
    if (src.n == 0 || tgt.n == 0) {
        cli_msg("%s: no sentences", src.n == 0 ? argv[optind] : argv[optind + 1]);
        status = CLI_USAGE;
        goto done;
    }
    sl_aligner *al = sl_aligner_new(&ao, lex, &err);
    if (!al) {
        status = cli_report(&err);
        goto done;
    }
    sl_beads beads = { 0 };
    if (sl_align(al, src.v, src.n, tgt.v, tgt.n, &beads, &err)) {
        status = cli_report(&err);
        sl_aligner_free(al);
        goto done;
    }
    cli_out out;
    if (cli_out_open(&out, outpath) == 0) {
        for (size_t b = 0; b < beads.n; b++) {
            const sl_bead *bd = &beads.v[b];
            if (strcmp(format, "beads") == 0) {
                write_indices(out.f, bd->i0, bd->ni);
                fputc(':', out.f);
                write_indices(out.f, bd->j0, bd->nj);
                fputc('\n', out.f);
            } else if (strcmp(format, "tsv") == 0) {
                write_text(out.f, src.v, bd->i0, bd->ni);
                fputc('\t', out.f);
                write_text(out.f, tgt.v, bd->j0, bd->nj);
                fprintf(out.f, "\t%.3f\t%zu-%zu\n", bd->conf, bd->ni, bd->nj);
            } else {
                fprintf(out.f, "%zu\t%zu\t%.3f\n", bd->i0, bd->j0, bd->conf);
            }
        }
        if (strcmp(format, "ladder") == 0)
            fprintf(out.f, "%zu\t%zu\t1.000\n", src.n, tgt.n);
        if (cli_out_close(&out, 1))
            status = CLI_FAIL;
    } else {
        status = CLI_FAIL;
    }
    sl_beads_free(&beads);
    sl_aligner_free(al);
done:
    side_free(&src);
    side_free(&tgt);
    sl_lexicon_free(lex);
    return status;
}
