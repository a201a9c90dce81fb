/* html.h — a check report as one self-contained HTML page: each
 * document's two abstracts side by side, aligned units linked, findings
 * marked and explained; for a batch, a summary table with links. No
 * scripts or files from elsewhere: the page opens anywhere, offline. */
#ifndef SELARAS_HTML_H
#define SELARAS_HTML_H

#include <stdio.h>
#include "selaras/check.h"
#include "selaras/pipeline.h"

/* A row of the summary table. */
typedef struct sl_html_row {
    char *doc;
    int verdict;
    size_t errors, warnings;
    double coverage;
} sl_html_row;

/* The page's head (inline style) and the start of its body. */
void sl_html_begin(FILE *f);
/* One document: d holds its sentences and units (NULL when it could not
 * be aligned: the findings alone); findings below min_severity left out. */
void sl_html_doc(FILE *f, const sl_report *r, const sl_doc *d, int min_severity);
/* The summary table of the n documents (linking to them) and the end. */
void sl_html_end(FILE *f, const sl_html_row *rows, size_t n);

#endif
