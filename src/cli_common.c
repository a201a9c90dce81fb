/* cli_common.c — messages, error reports and notes for the CLI. */
#include "cli.h"
#include "selaras/learnabbr.h"
#include "selaras/pipeline.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cli_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("selaras: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_report(const sl_error *err)
{
    char buf[1400];
    cli_msg("%s", sl_error_format(err, buf, sizeof buf));
    return cli_status(err);
}

int cli_batch_status(int rc, const sl_error *err, int src_status)
{
    if (rc < 0)
        return cli_report(err);
    return rc > 0 ? rc : src_status;
}

int cli_status(const sl_error *err)
{
    switch (err->code) {
    case SL_EINPUT: case SL_EUSAGE: case SL_EIO: case SL_EMISSING: return CLI_USAGE;
    default: return CLI_FAIL;
    }
}

int cli_encoding(sl_text_opts *text, const char *name, const char *cmd)
{
    sl_error err;
    if (sl_text_encoding_check(name, &err)) {
        cli_msg("%s: %s", cmd, err.msg);
        return -1;
    }
    text->encoding = name;
    return 0;
}

/* A note told now (one document), or counted by text (a batch). */
static void note_text(cli_notes *ns, int batch, int quiet, const char *name, const char *text)
{
    if (!batch) {
        if (!quiet)
            cli_msg("%s: %s", name, text);
        return;
    }
    for (size_t k = 0; k < ns->n; k++)
        if (strcmp(ns->text[k], text) == 0) {
            ns->count[k]++;
            return;
        }
    if (ns->n < CLI_NOTES && (ns->text[ns->n] = strdup(text)))
        ns->count[ns->n++] = 1;
    else
        ns->other++;
}

void cli_note(cli_notes *ns, int batch, int quiet, const sl_doc *d)
{
    if (d->rec.note[0])
        note_text(ns, batch, quiet, d->name, d->rec.note);
}

void cli_note_repaired(cli_notes *ns, int batch, int quiet, const sl_item *it)
{
    if (!it->repaired || it->status)
        return;
    char text[128], where[1100];
    if (batch)
        snprintf(text, sizeof text, "invalid UTF-8 replaced with U+FFFD (--repair)");
    else
        snprintf(text, sizeof text, "replaced %zu invalid UTF-8 sequence%s with U+FFFD (--repair)",
                 it->repaired, it->repaired == 1 ? "" : "s");
    note_text(ns, batch, quiet, sl_item_where(it, where, sizeof where), text);
}

void cli_notes_tell(cli_notes *ns, int quiet)
{
    for (size_t k = 0; k < ns->n; k++) {
        if (!quiet)
            cli_msg("%zu document%s: %s", ns->count[k], ns->count[k] == 1 ? "" : "s", ns->text[k]);
        free(ns->text[k]);
    }
    if (ns->other && !quiet)
        cli_msg("%zu documents: other notes", ns->other);
    memset(ns, 0, sizeof *ns);
}

void cli_show_learned(FILE *f, const sl_learnabbr *l, const char *lang)
{
    size_t n = sl_learnabbr_count(l), learned = 0;
    for (size_t i = 0; i < n; i++)
        learned += sl_learnabbr_get(l, i)->learned;
    fprintf(f, "learned abbreviations (%s): %zu; %zu words, %zu period-final tokens%s\n", lang,
            learned, sl_learnabbr_words(l), sl_learnabbr_periods(l),
            sl_learnabbr_active(l) ? "" : " (too few to learn from: nothing used)");
    if (!n)
        return;
    fprintf(f, "  %-7s %-12s %4s %7s %4s %4s  %5s %5s %4s %5s %5s %5s %5s  %6s %5s\n", "used",
            "type", "with", "without", "num", "end", "lower", "digit", "name", "start", "upper",
            "other", "conf", "score", "llr");
    for (size_t i = 0; i < n; i++) {
        const sl_learnabbr_item *it = sl_learnabbr_get(l, i);
        char type[64];
        snprintf(type, sizeof type, "%s.%s%s%s", it->form[0], it->form[1] ? "/" : "",
                 it->form[1] ? it->form[1] : "", it->form[1] ? "." : "");
        fprintf(f, "  %-7s %-12s %4zu %7zu %4zu %4zu  %5zu %5zu %4zu %5zu %5zu %5zu %5.2f  %6.2f "
                   "%5.1f\n",
                it->learned ? "learned" : "no", type, it->with, it->without, it->after_num,
                it->end, it->lower, it->digit, it->name, it->start, it->upper, it->other,
                it->confidence, it->score, it->llr);
    }
}
