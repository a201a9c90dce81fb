/* html.c — check reports as an HTML page. */
#include "selaras/html.h"
#include "selaras/report.h"

#include <string.h>

static void esc(FILE *f, const char *s)
{
    for (; s && *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
}

/* An id for anchors: the document's position keeps them unique. */
static size_t seq;

void sl_html_begin(FILE *f)
{
    seq = 0;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<title>selaras check</title>\n<style>\n"
          "body{font-family:sans-serif;margin:1.5em;max-width:90em;color:#222}\n"
          "h2{border-bottom:1px solid #ccc;padding-bottom:.2em}\n"
          ".verdict-errors{color:#b00}.verdict-warnings{color:#a60}.verdict-complete{color:#070}\n"
          "table.units{border-collapse:collapse;width:100%}\n"
          "table.units td{vertical-align:top;padding:.3em .5em;border-top:1px solid #eee;width:45%}\n"
          "table.units td.n{width:4em;color:#888;font-size:.85em}\n"
          "tr.error td{background:#fdd}tr.warning td{background:#ffe9c7}tr.info td{background:#eef}\n"
          "ul.findings li{margin:.2em 0}\n"
          ".sev-error{color:#b00;font-weight:bold}.sev-warning{color:#a60;font-weight:bold}"
          ".sev-info{color:#446}\n"
          "table.summary{border-collapse:collapse}table.summary td,table.summary th"
          "{padding:.2em .6em;border:1px solid #ddd}\n"
          "</style>\n</head>\n<body>\n<h1>selaras check</h1>\n", f);
}

/* The worst severity of the findings about a unit's sentences. */
static int unit_severity(const sl_report *r, const sl_bead *b, int min)
{
    int worst = -1;
    for (size_t k = 0; k < r->n; k++) {
        const sl_finding *x = &r->f[k];
        if (x->severity < min || x->severity <= worst)
            continue;
        int hit = 0;
        for (size_t i = 0; i < x->nid && !hit; i++)
            hit = x->id[i] > b->i0 && x->id[i] <= b->i0 + b->ni;
        for (size_t j = 0; j < x->nen && !hit; j++)
            hit = x->en[j] > b->j0 && x->en[j] <= b->j0 + b->nj;
        if (hit)
            worst = x->severity;
    }
    return worst;
}

void sl_html_doc(FILE *f, const sl_report *r, const sl_doc *d, int min_severity)
{
    size_t c[3], id = ++seq;
    sl_report_counts(r, c);
    fprintf(f, "<section id=\"doc%zu\" class=\"doc\">\n<h2>", id);
    esc(f, r->doc);
    fprintf(f, " — <span class=\"verdict-%s\">%s</span></h2>\n", sl_verdict_name(r->verdict),
            sl_verdict_name(r->verdict));
    fprintf(f, "<p>%zu Indonesian and %zu English sentences; %.0f%% of the Indonesian (%.0f%% of "
               "its characters) in confident units; %zu errors, %zu warnings.</p>\n",
            r->nsent[0], r->nsent[1], r->coverage * 100, r->coverage_chars * 100, c[2], c[1]);
    fputs("<ul class=\"findings\">\n", f);
    for (size_t k = 0; k < r->n; k++) {
        const sl_finding *x = &r->f[k];
        if (x->severity < min_severity)
            continue;
        fprintf(f, "<li class=\"finding %s\" data-kind=\"%s\"><span class=\"sev-%s\">%s</span> "
                   "<b>%s</b>: ",
                sl_severity_name(x->severity), sl_finding_kind_name(x->kind),
                sl_severity_name(x->severity), sl_severity_name(x->severity),
                sl_finding_kind_name(x->kind));
        esc(f, x->message);
        if (x->nid)
            fprintf(f, " <a href=\"#doc%zu-id%zu\">(Indonesian %zu)</a>", id, x->id[0], x->id[0]);
        if (x->nen)
            fprintf(f, " <a href=\"#doc%zu-en%zu\">(English %zu)</a>", id, x->en[0], x->en[0]);
        fputs("</li>\n", f);
    }
    fputs("</ul>\n", f);
    if (d && d->sent[0] && d->sent[1]) {
        fputs("<table class=\"units\">\n<tr><th></th><th>Indonesian</th><th></th>"
              "<th>English</th></tr>\n", f);
        for (size_t k = 0; k < d->nunits; k++) {
            const sl_unit *u = &d->units[k];
            if (u->kind != SL_UNIT_SENTENCE)
                continue;
            const sl_bead *b = &u->bead;
            int sev = unit_severity(r, b, min_severity);
            fprintf(f, "<tr class=\"unit%s%s\" title=\"confidence %.3f\">", sev >= 0 ? " " : "",
                    sev >= 0 ? sl_severity_name(sev) : "", b->conf);
            fputs("<td class=\"n\">", f);
            for (size_t i = b->i0; i < b->i0 + b->ni; i++)
                fprintf(f, "<a id=\"doc%zu-id%zu\">%zu</a> ", id, i + 1, i + 1);
            fputs("</td><td>", f);
            for (size_t i = b->i0; i < b->i0 + b->ni; i++) {
                esc(f, d->sent[0][i]);
                fputc(' ', f);
            }
            fputs("</td><td class=\"n\">", f);
            for (size_t j = b->j0; j < b->j0 + b->nj; j++)
                fprintf(f, "<a id=\"doc%zu-en%zu\">%zu</a> ", id, j + 1, j + 1);
            fputs("</td><td>", f);
            for (size_t j = b->j0; j < b->j0 + b->nj; j++) {
                esc(f, d->sent[1][j]);
                fputc(' ', f);
            }
            fputs("</td></tr>\n", f);
        }
        fputs("</table>\n", f);
    }
    fputs("</section>\n", f);
}

void sl_html_end(FILE *f, const sl_html_row *rows, size_t n)
{
    if (n > 1) {
        fputs("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<tr><th>document</th>"
              "<th>verdict</th><th>errors</th><th>warnings</th><th>coverage</th></tr>\n", f);
        for (size_t k = 0; k < n; k++) {
            fprintf(f, "<tr><td><a href=\"#doc%zu\">", k + 1);
            esc(f, rows[k].doc);
            fprintf(f, "</a></td><td class=\"verdict-%s\">%s</td><td>%zu</td><td>%zu</td>"
                       "<td>%.0f%%</td></tr>\n",
                    sl_verdict_name(rows[k].verdict), sl_verdict_name(rows[k].verdict),
                    rows[k].errors, rows[k].warnings, rows[k].coverage * 100);
        }
        fputs("</table>\n", f);
    }
    fputs("</body>\n</html>\n", f);
}
