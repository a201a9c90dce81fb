/* html.h — a check report as one self-contained HTML page: each
 * document's two abstracts side by side, one aligned unit per row, the
 * findings listed, coloured by severity, explained and linked to their
 * rows (and the rows back to them); for a batch, a summary table with
 * links. No scripts and no URLs: the page opens anywhere, offline.
 *
 * The page is written as the documents stream by, so a batch of any size
 * needs one sl_html_row per document in memory, not the documents. */
#ifndef SELARAS_HTML_H
#define SELARAS_HTML_H

#include <stdio.h>
#include "selaras/check.h"
#include "selaras/pipeline.h"

/* A row of the summary table. index is the document's place on the page,
 * as given to sl_html_doc: the row links to it. */
typedef struct sl_html_row {
    char *doc;
    int verdict;
    size_t errors, warnings;
    double coverage;
    size_t index;
} sl_html_row;

/* The page's head (inline style, legend) and the start of its body. */
void sl_html_begin(FILE *f);
/* One document, the index-th (0-based) on the page: its anchors are
 * unique to it. d holds its sentences and units (NULL when it could not
 * be aligned: the findings alone); findings below min_severity left out. */
void sl_html_doc(FILE *f, size_t index, const sl_report *r, const sl_doc *d, int min_severity);
/* The summary table of the n documents when there are several (shown
 * above the documents), and the end of the page. */
void sl_html_end(FILE *f, const sl_html_row *rows, size_t n);

#endif
