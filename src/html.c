/* html.c — check reports as one self-contained HTML page.
 *
 * The page is written while the documents stream by, so the summary of a
 * batch is known only at the end; it is written there and shown above the
 * documents by the style sheet (the body is a flex column and the summary
 * is ordered before the documents), which keeps one summary row per
 * document in memory instead of the documents themselves.
 *
 * Anchors: section "dN" for the N-th document, "dN-fK" for its K-th
 * finding, "dN-uK" for the row of its K-th unit ("dN-title" and
 * "dN-keywords" for the title and keyword rows), "dN-idI" and "dN-enJ"
 * for its sentences. The position on the page keeps them unique when two
 * documents share a name. */
#include "selaras/html.h"
#include "selaras/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Text as HTML, for element content and quoted attribute values alike.
 * Control characters are parse errors in HTML (NUL cannot reach here:
 * inputs are read as text), so they become U+FFFD rather than vanish. */
static void esc(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p == '&')
            fputs("&amp;", f);
        else if (*p == '<')
            fputs("&lt;", f);
        else if (*p == '>')
            fputs("&gt;", f);
        else if (*p == '"')
            fputs("&quot;", f);
        else if (*p == '\'')
            fputs("&#39;", f);
        else if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
            fputs("\xEF\xBF\xBD", f);
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) { /* C1 controls */
            fputs("\xEF\xBF\xBD", f);
            p++;
        } else
            fputc(*p, f);
    }
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* What each kind of finding means, for the legend; the README's table in
 * a sentence each. */
static const char *const kind_help[] = {
    ("Indonesian text with no English counterpart: a sentence left unaligned, or one merged "
     "into a unit it shares next to nothing with"),
    "English text with no Indonesian counterpart, likewise",
    "a sentence that reads as the other language, or a unit with the same text on both sides",
    "numbers, years, percentages, amounts or times on one side of a unit only",
    "acronyms on one side of a unit only",
    "a unit the aligner is not confident of: its two sides may not translate each other",
    "two or more Indonesian sentences in one unit",
    "two or more English sentences in one unit",
    "keyword lists of different lengths, or a keyword with no counterpart",
    "the Indonesian or English abstract, or one side of the title, missing",
};
_Static_assert(sizeof kind_help / sizeof *kind_help == SL_F_NKINDS,
               "one explanation for each kind of finding");

/* Colours: red errors, amber warnings, blue notes (info), green for a
 * complete document; a row takes the colour of its worst finding. */
static const char style[] =
    "*{box-sizing:border-box}\n"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "margin:0 auto;padding:1em 1.5em 3em;max-width:96em;color:#1f2328;background:#fff;"
    "display:flex;flex-direction:column}\n"
    "header{order:1}#summary{order:2}main{order:3}\n"
    "h1{font-size:1.6em;margin:.2em 0 .3em}h2{font-size:1.25em;margin:0 0 .3em}\n"
    "p{margin:.3em 0}a{color:#0b57d0}\n"
    ".intro{color:#444;max-width:60em}\n"
    "details.legend{margin:.6em 0 1em;padding:.4em .8em;border:1px solid #d0d7de;"
    "border-radius:6px;background:#f6f8fa}\n"
    "details.legend summary{cursor:pointer;font-weight:600}\n"
    "table{border-collapse:collapse}th{text-align:left;font-weight:600}\n"
    "dl.kinds{display:grid;grid-template-columns:max-content 1fr max-content 1fr;"
    "gap:.1em .8em;margin:.4em 0}\n"
    "dl.kinds dt{font-weight:600}dl.kinds dd{margin:0 1em 0 0}\n"
    "@media (max-width:60em){dl.kinds{grid-template-columns:max-content 1fr}}\n"
    ".badge{display:inline-block;padding:0 .45em;border-radius:3px;font-size:.8em;"
    "font-weight:600;color:#fff;vertical-align:.08em}\n"
    ".badge.error{background:#c62828}.badge.warning{background:#b45f06}"
    ".badge.info{background:#3f51b5}.badge.complete{background:#2e7d32}"
    ".badge.warnings{background:#b45f06}.badge.errors{background:#c62828}\n"
    "code,.kind{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.9em}\n"
    "#summary{margin:0 0 1.5em}\n"
    "table.summary td,table.summary th{padding:.2em .8em;border-bottom:1px solid #d0d7de}\n"
    "table.summary td.num{text-align:right}\n"
    "section.doc{border-top:2px solid #d0d7de;padding:1em 0 1.5em}\n"
    "section.doc>h2 .top{font-size:.7em;font-weight:400;margin-left:.6em}\n"
    ".stats{color:#555}.note{color:#555;font-style:italic}\n"
    "ul.findings{list-style:none;padding:0;margin:.6em 0 1em}\n"
    "ul.findings li{margin:.15em 0;padding:.2em .6em;border-left:4px solid;border-radius:2px}\n"
    "li.finding.error{border-color:#c62828;background:#fdecea}\n"
    "li.finding.warning{border-color:#e08a00;background:#fff4e0}\n"
    "li.finding.info{border-color:#3f51b5;background:#eef0fb}\n"
    "li.finding .kind{font-weight:600;margin:0 .3em}\n"
    "li.finding .where{margin-left:.4em;white-space:nowrap}\n"
    "li:target,tr:target{outline:3px solid #0b57d0;outline-offset:-1px}\n"
    ".none,.unaligned,.hidden{color:#555;font-style:italic}\n"
    "table.units{width:100%;table-layout:fixed;border:1px solid #d0d7de}\n"
    "table.units th{background:#f6f8fa;padding:.3em .6em;border-bottom:1px solid #d0d7de}\n"
    "table.units td{vertical-align:top;padding:.35em .6em;border-top:1px solid #e5e7eb}\n"
    "table.units col.text{width:44%}table.units col.refs{width:12%}\n"
    "tr.error td{background:#fdecea}tr.warning td{background:#fff4e0}"
    "tr.info td{background:#eef0fb}\n"
    "tr.error td:first-child{box-shadow:inset 4px 0 #c62828}"
    "tr.warning td:first-child{box-shadow:inset 4px 0 #e08a00}"
    "tr.info td:first-child{box-shadow:inset 4px 0 #3f51b5}\n"
    "tr.title td,tr.keywords td{font-weight:600}\n"
    "td.empty{background:repeating-linear-gradient(135deg,#fff 0 6px,#eceff1 6px 12px)!important;"
    "color:#666;font-style:italic}\n"
    ".flag-error{text-decoration:underline wavy #c62828}"
    ".flag-warning{text-decoration:underline wavy #e08a00}"
    ".flag-info{text-decoration:underline dotted #3f51b5}\n"
    ".sn,.label{display:inline-block;min-width:1.7em;margin-right:.35em;padding:0 .25em;"
    "border-radius:3px;background:#e3e6ea;color:#444;font-size:.75em;font-weight:600;"
    "text-align:center;font-style:normal}\n"
    "td.refs a{display:inline-block;margin:0 .3em .2em 0;padding:0 .4em;border-radius:3px;"
    "font-size:.85em;font-weight:600;color:#fff;text-decoration:none}\n"
    "td.refs a.error{background:#c62828}td.refs a.warning{background:#b45f06}"
    "td.refs a.info{background:#3f51b5}\n";

void sl_html_begin(FILE *f)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          /* nothing to fetch, and nothing may be: not even a link in a text
           * could make the page load something */
          "<meta http-equiv=\"Content-Security-Policy\" "
          "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
          "<meta name=\"generator\" content=\"selaras check\">\n"
          "<title>selaras check report</title>\n<style>\n", f);
    fputs(style, f);
    fputs("</style>\n</head>\n<body>\n<header id=\"top\">\n<h1>selaras check</h1>\n"
          "<p class=\"intro\">Does each English abstract translate the whole Indonesian one? "
          "For each document, the findings, then the two abstracts side by side, one aligned "
          "unit per row. Each finding links to its row and each row back to its findings; "
          "a side with no counterpart is hatched, and a sentence that a finding singles out "
          "in its unit is underlined.</p>\n"
          "<details class=\"legend\" open>\n<summary>Legend</summary>\n"
          "<p><span class=\"badge error\">error</span> text missing, left untranslated or "
          "changed: fix before submission &nbsp; "
          "<span class=\"badge warning\">warning</span> worth a look &nbsp; "
          "<span class=\"badge info\">info</span> for information &nbsp; "
          "<span class=\"badge complete\">complete</span> a document with no errors or "
          "warnings</p>\n"
          "<dl class=\"kinds\">\n", f);
    for (int k = 0; k < SL_F_NKINDS; k++) {
        fputs("<dt class=\"kind\">", f);
        esc(f, sl_finding_kind_name(k));
        fputs("</dt><dd>", f);
        esc(f, kind_help[k]);
        fputs("</dd>\n", f);
    }
    fputs("</dl>\n</details>\n</header>\n<main>\n", f);
}

/* ---- one document ------------------------------------------------------ */

/* A row of the side-by-side table: a unit's index in d, or one of these
 * for a title or keyword line that exists on one side only (the pipeline
 * makes units of them only when both sides exist). */
#define ROW_NONE SIZE_MAX
#define ROW_TITLE (SIZE_MAX - 1)
#define ROW_KEYWORDS (SIZE_MAX - 2)

typedef struct {
    FILE *f;
    size_t doc; /* 1-based place on the page */
    const sl_report *r;
    const sl_doc *d;
    int min;
    size_t title, keywords; /* their rows, ROW_NONE for none */
    size_t *where;          /* each finding's row, NULL: found each time */
} page_t;

static int has_sentence(const sl_bead *b, const sl_finding *x)
{
    if (x->nid)
        return x->id[0] > b->i0 && x->id[0] <= b->i0 + b->ni;
    return x->en[0] > b->j0 && x->en[0] <= b->j0 + b->nj;
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* The row a finding is about: the unit holding its first sentence; a
 * finding without sentence numbers is about the keywords, or about the
 * title when it quotes it. */
static size_t find_row(const page_t *p, const sl_finding *x)
{
    const sl_doc *d = p->d;
    if (!d)
        return ROW_NONE;
    if (x->nid || x->nen) {
        for (size_t k = 0; k < d->nunits; k++)
            if (d->units[k].kind == SL_UNIT_SENTENCE && has_sentence(&d->units[k].bead, x))
                return k;
        return ROW_NONE;
    }
    if (x->kind == SL_F_KEYWORDS)
        return p->keywords;
    if (p->title != ROW_NONE &&
        (same(x->id_text, d->rec.title[0]) || same(x->en_text, d->rec.title[1])))
        return p->title;
    return ROW_NONE;
}

static size_t row_of(const page_t *p, size_t k)
{
    return p->where ? p->where[k] : find_row(p, &p->r->f[k]);
}

static void row_id(const page_t *p, size_t row)
{
    if (row == p->title)
        fprintf(p->f, "d%zu-title", p->doc);
    else if (row == p->keywords)
        fprintf(p->f, "d%zu-keywords", p->doc);
    else
        fprintf(p->f, "d%zu-u%zu", p->doc, row + 1);
}

static void numbers(FILE *f, const size_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%zu", i ? " " : "", v[i]);
}

static void finding(const page_t *p, size_t k)
{
    FILE *f = p->f;
    const sl_finding *x = &p->r->f[k];
    const char *sev = sl_severity_name(x->severity), *kind = sl_finding_kind_name(x->kind);
    fprintf(f, "<li id=\"d%zu-f%zu\" class=\"finding %s\" data-kind=\"%s\" data-severity=\"%s\"",
            p->doc, k + 1, sev, kind, sev);
    if (x->nid) {
        fputs(" data-id=\"", f);
        numbers(f, x->id, x->nid);
        fputc('"', f);
    }
    if (x->nen) {
        fputs(" data-en=\"", f);
        numbers(f, x->en, x->nen);
        fputc('"', f);
    }
    fprintf(f, "><span class=\"badge %s\">%s</span><span class=\"kind\">%s</span>", sev, sev,
            kind);
    esc(f, x->message);
    size_t row = row_of(p, k);
    if (row != ROW_NONE) {
        fputs(" <a class=\"where\" href=\"#", f);
        row_id(p, row);
        fputs("\">", f);
        if (row == p->title)
            fputs("title", f);
        else if (row == p->keywords)
            fputs("keywords", f);
        else {
            if (x->nid) {
                fputs("Indonesian ", f);
                for (size_t i = 0; i < x->nid; i++)
                    fprintf(f, "%s%zu", i ? ", " : "", x->id[i]);
            }
            if (x->nen) {
                fputs(x->nid ? " · English " : "English ", f);
                for (size_t j = 0; j < x->nen; j++)
                    fprintf(f, "%s%zu", j ? ", " : "", x->en[j]);
            }
        }
        fputs(" ↓</a>", f);
    }
    fputs("</li>\n", f);
}

/* The worst finding of a row that names sentence i (0-based) of side
 * lang but not the whole side: text hidden in a merge, a sentence left in
 * the other language. -1 for none. */
static int singled_out(const page_t *p, size_t id, int lang, size_t i, size_t n)
{
    int worst = -1;
    for (size_t k = 0; k < p->r->n; k++) {
        const sl_finding *x = &p->r->f[k];
        const size_t *v = lang ? x->en : x->id, nv = lang ? x->nen : x->nid;
        if (x->severity < p->min || x->severity <= worst || !nv || nv >= n || row_of(p, k) != id)
            continue;
        for (size_t j = 0; j < nv; j++)
            if (v[j] == i + 1)
                worst = x->severity;
    }
    return worst;
}

/* One side of a row: the sentences with their numbers, or a whole text
 * (title, keywords) under a label; hatched when the side is empty. */
static void side(const page_t *p, size_t id, int lang, const sl_unit *u, const char *whole,
                 const char *label)
{
    FILE *f = p->f;
    static const char *const names[2] = { "Indonesian", "English" };
    size_t from = lang ? u->bead.j0 : u->bead.i0, n = lang ? u->bead.nj : u->bead.ni;
    int empty = u->kind == SL_UNIT_SENTENCE ? n == 0 : !whole;
    if (empty) {
        fprintf(f, "<td class=\"%s empty\">no %s %s</td>", lang ? "en" : "id", names[lang],
                u->kind == SL_UNIT_SENTENCE ? "counterpart" : label);
        return;
    }
    fprintf(f, "<td class=\"%s\">", lang ? "en" : "id");
    if (u->kind != SL_UNIT_SENTENCE) {
        fprintf(f, "<span class=\"label\">%s</span>", label);
        esc(f, whole);
    } else
        for (size_t i = from; i < from + n; i++) {
            int sev = n > 1 ? singled_out(p, id, lang, i, n) : -1;
            fprintf(f, "%s<span class=\"s%s%s\" id=\"d%zu-%s%zu\"><span class=\"sn\">%zu</span>",
                    i > from ? " " : "", sev >= 0 ? " flag-" : "",
                    sev >= 0 ? sl_severity_name(sev) : "", p->doc, lang ? "en" : "id", i + 1, i + 1);
            esc(f, p->d->sent[lang][i]);
            fputs("</span>", f);
        }
    fputs("</td>", f);
}

static void row(const page_t *p, size_t id, const sl_unit *u, const char *label)
{
    FILE *f = p->f;
    int worst = -1;
    for (size_t k = 0; k < p->r->n; k++)
        if (p->r->f[k].severity >= p->min && p->r->f[k].severity > worst && row_of(p, k) == id)
            worst = p->r->f[k].severity;
    fputs("<tr id=\"", f);
    row_id(p, id);
    fprintf(f, "\" class=\"unit %s%s%s\"",
            u->kind == SL_UNIT_TITLE ? "title" : u->kind == SL_UNIT_KEYWORDS ? "keywords" : "sentence",
            worst >= 0 ? " " : "", worst >= 0 ? sl_severity_name(worst) : "");
    /* the confidence on hover: a weak unit has a finding that says it */
    if (u->kind == SL_UNIT_SENTENCE && u->bead.ni && u->bead.nj)
        fprintf(f, " title=\"confidence %.2f\"", u->bead.conf);
    fputc('>', f);
    side(p, id, 0, u, u->src, label);
    side(p, id, 1, u, u->tgt, label);
    fputs("<td class=\"refs\">", f);
    for (size_t k = 0; k < p->r->n; k++) {
        const sl_finding *x = &p->r->f[k];
        if (x->severity < p->min || row_of(p, k) != id)
            continue;
        fprintf(f, "<a class=\"%s\" href=\"#d%zu-f%zu\">↑ %s</a>", sl_severity_name(x->severity),
                p->doc, k + 1, sl_finding_kind_name(x->kind));
    }
    fputs("</td></tr>\n", f);
}

static void units(const page_t *p)
{
    FILE *f = p->f;
    const sl_doc *d = p->d;
    fputs("<table class=\"units\">\n<colgroup><col class=\"text\"><col class=\"text\">"
          "<col class=\"refs\"></colgroup>\n<thead><tr><th>Indonesian</th><th>English</th>"
          "<th>findings</th></tr></thead>\n<tbody>\n", f);
    /* a title or keyword line on one side only is shown as a unit of its
     * own with the other side empty */
    sl_unit one = { 0 };
    if (p->title == ROW_TITLE) {
        one = (sl_unit){ d->rec.title[0], d->rec.title[1], SL_UNIT_TITLE, { 0 } };
        row(p, ROW_TITLE, &one, "title");
    }
    for (size_t k = 0; k < d->nunits; k++) {
        const sl_unit *u = &d->units[k];
        row(p, k, u, u->kind == SL_UNIT_TITLE ? "title" : "keywords");
    }
    if (p->keywords == ROW_KEYWORDS) {
        one = (sl_unit){ d->rec.keywords[0], d->rec.keywords[1], SL_UNIT_KEYWORDS, { 0 } };
        row(p, ROW_KEYWORDS, &one, "keywords");
    }
    fputs("</tbody>\n</table>\n", f);
}

void sl_html_doc(FILE *f, size_t index, const sl_report *r, const sl_doc *d, int min_severity)
{
    page_t p = { f, index + 1, r, d, min_severity, ROW_NONE, ROW_NONE, NULL };
    if (d && !(d->sent[0] && d->sent[1]))
        p.d = d = NULL; /* aligned without its sentences: nothing to show side by side */
    if (d) {
        for (size_t k = 0; k < d->nunits; k++)
            if (d->units[k].kind == SL_UNIT_TITLE)
                p.title = k;
            else if (d->units[k].kind == SL_UNIT_KEYWORDS)
                p.keywords = k;
        if (p.title == ROW_NONE && (d->rec.title[0] || d->rec.title[1]))
            p.title = ROW_TITLE;
        if (p.keywords == ROW_NONE && (d->rec.keywords[0] || d->rec.keywords[1]))
            p.keywords = ROW_KEYWORDS;
        /* each finding's row, found once; without the memory they are
         * found again where needed, which is only slower */
        if (r->n && (p.where = malloc(r->n * sizeof *p.where)))
            for (size_t k = 0; k < r->n; k++)
                p.where[k] = find_row(&p, &r->f[k]);
    }
    size_t c[3], shown = 0;
    sl_report_counts(r, c);
    for (int s = SL_SEV_INFO; s <= SL_SEV_ERROR; s++)
        if (s >= min_severity)
            shown += c[s];
    const char *verdict = sl_verdict_name(r->verdict);
    fprintf(f, "<section id=\"d%zu\" class=\"doc %s\">\n<h2><span class=\"badge %s\">%s</span> ",
            p.doc, verdict, verdict, verdict);
    esc(f, r->doc);
    fputs(" <a class=\"top\" href=\"#top\">↑ top</a></h2>\n<p class=\"stats\">", f);
    if (d)
        fprintf(f, "%zu Indonesian and %zu English %s; %.0f%% of the Indonesian (%.0f%% of its "
                   "characters) in confident units; ",
                r->nsent[0], r->nsent[1], plural(r->nsent[1], "sentence", "sentences"),
                r->coverage * 100, r->coverage_chars * 100);
    else
        fputs("Not aligned; ", f);
    fprintf(f, "%zu %s, %zu %s, %zu info.</p>\n", c[SL_SEV_ERROR],
            plural(c[SL_SEV_ERROR], "error", "errors"), c[SL_SEV_WARNING],
            plural(c[SL_SEV_WARNING], "warning", "warnings"), c[SL_SEV_INFO]);
    if (d && d->rec.note[0]) { /* how the input was read: texts swapped, headings guessed */
        fputs("<p class=\"note\">Note: ", f);
        esc(f, d->rec.note);
        fputs("</p>\n", f);
    }
    if (shown) {
        fputs("<ul class=\"findings\">\n", f);
        for (size_t k = 0; k < r->n; k++)
            if (r->f[k].severity >= min_severity)
                finding(&p, k);
        fputs("</ul>\n", f);
    } else if (!r->n)
        fputs("<p class=\"none\">No findings.</p>\n", f);
    if (shown < r->n)
        fprintf(f, "<p class=\"hidden\">%zu %s of lower severity not listed.</p>\n",
                r->n - shown, plural(r->n - shown, "finding", "findings"));
    if (d)
        units(&p);
    else
        fputs("<p class=\"unaligned\">No side-by-side view: the document could not be "
              "aligned.</p>\n", f);
    fputs("</section>\n", f);
    free(p.where);
}

/* ---- the end ----------------------------------------------------------- */

void sl_html_end(FILE *f, const sl_html_row *rows, size_t n)
{
    fputs("</main>\n", f);
    if (n > 1) {
        size_t by[3] = { 0, 0, 0 };
        for (size_t k = 0; k < n; k++)
            by[rows[k].verdict == SL_SEV_ERROR ? 2 : rows[k].verdict == SL_SEV_WARNING]++;
        fprintf(f, "<section id=\"summary\">\n<h2>Summary: %zu documents</h2>\n"
                   "<p>%zu complete, %zu with warnings, %zu with errors.</p>\n"
                   "<table class=\"summary\">\n<thead><tr><th>document</th><th>verdict</th>"
                   "<th>errors</th><th>warnings</th><th>coverage</th></tr></thead>\n<tbody>\n",
                n, by[0], by[1], by[2]);
        for (size_t k = 0; k < n; k++) {
            const char *v = sl_verdict_name(rows[k].verdict);
            fprintf(f, "<tr class=\"%s\"><td><a href=\"#d%zu\">", v, rows[k].index + 1);
            esc(f, rows[k].doc);
            fprintf(f, "</a></td><td><span class=\"badge %s\">%s</span></td><td class=\"num\">%zu"
                       "</td><td class=\"num\">%zu</td><td class=\"num\">%.0f%%</td></tr>\n",
                    v, v, rows[k].errors, rows[k].warnings, rows[k].coverage * 100);
        }
        fputs("</tbody>\n</table>\n</section>\n", f);
    } else if (n == 0)
        fputs("<p id=\"summary\" class=\"none\">No documents.</p>\n", f);
    fputs("</body>\n</html>\n", f);
}
