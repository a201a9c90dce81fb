/* report.c — check reports as text and as JSON Lines. */
#include "selaras/report.h"
#include "selaras/output.h"

#include <string.h>

void sl_report_counts(const sl_report *r, size_t count[3])
{
    count[0] = count[1] = count[2] = 0;
    for (size_t k = 0; k < r->n; k++)
        count[r->f[k].severity]++;
}

/* "4", "4, 5": the sentence numbers of one side ("-" for none). */
static void numbers(FILE *f, const size_t *v, size_t n)
{
    if (!n)
        fputc('-', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%zu", k ? "," : "", v[k]);
}

static void quote(FILE *f, const char *label, const char *s)
{
    if (!s)
        return;
    fprintf(f, "      %s: \"", label);
    for (; *s; s++)
        fputc(*s == '\n' || *s == '\t' ? ' ' : *s, f);
    fputs("\"\n", f);
}

void sl_report_text(FILE *f, const sl_report *r, int min_severity)
{
    size_t c[3];
    sl_report_counts(r, c);
    fprintf(f, "%s: %s — %zu Indonesian and %zu English sentences, %.0f%% of the Indonesian "
               "(%.0f%% of its characters) in confident units",
            r->doc, sl_verdict_name(r->verdict), r->nsent[0], r->nsent[1], r->coverage * 100,
            r->coverage_chars * 100);
    if (r->merged)
        fprintf(f, ", %zu sharing a unit with another (no exact match in a CAT tool)", r->merged);
    fprintf(f, "; %zu error%s, %zu warning%s\n", c[2], c[2] == 1 ? "" : "s", c[1],
            c[1] == 1 ? "" : "s");
    for (size_t k = 0; k < r->n; k++) {
        const sl_finding *x = &r->f[k];
        if (x->severity < min_severity)
            continue;
        fprintf(f, "  %-7s %-12s id ", sl_severity_name(x->severity),
                sl_finding_kind_name(x->kind));
        numbers(f, x->id, x->nid);
        fputs(" en ", f);
        numbers(f, x->en, x->nen);
        fprintf(f, "  %s\n", x->message);
        quote(f, "id", x->id_text);
        quote(f, "en", x->en_text);
    }
}

static void jlist(FILE *f, const size_t *v, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%zu", k ? "," : "", v[k]);
    fputc(']', f);
}

void sl_report_json(FILE *f, const sl_report *r, int min_severity)
{
    for (size_t k = 0; k < r->n; k++) {
        const sl_finding *x = &r->f[k];
        if (x->severity < min_severity)
            continue;
        fputs("{\"doc\":", f);
        sl_json_str(f, r->doc);
        fprintf(f, ",\"kind\":\"%s\",\"severity\":\"%s\",\"id\":", sl_finding_kind_name(x->kind),
                sl_severity_name(x->severity));
        jlist(f, x->id, x->nid);
        fputs(",\"en\":", f);
        jlist(f, x->en, x->nen);
        fputs(",\"id_text\":", f);
        sl_json_str(f, x->id_text);
        fputs(",\"en_text\":", f);
        sl_json_str(f, x->en_text);
        fputs(",\"message\":", f);
        sl_json_str(f, x->message);
        fputs("}\n", f);
    }
    size_t c[3];
    sl_report_counts(r, c);
    fputs("{\"doc\":", f);
    sl_json_str(f, r->doc);
    fprintf(f, ",\"kind\":\"summary\",\"verdict\":\"%s\",\"id_sentences\":%zu,\"en_sentences\":%zu,"
               "\"coverage\":%.3f,\"coverage_chars\":%.3f,\"errors\":%zu,\"warnings\":%zu,"
               "\"info\":%zu,\"id_merged\":%zu}\n",
            sl_verdict_name(r->verdict), r->nsent[0], r->nsent[1], r->coverage, r->coverage_chars,
            c[2], c[1], c[0], r->merged);
}
