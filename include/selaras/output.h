/* output.h — writing aligned documents: TMX, TSV, Moses, JSON, beads, ladder. */
#ifndef SELARAS_OUTPUT_H
#define SELARAS_OUTPUT_H

#include <stdio.h>
#include "selaras/pipeline.h"
#include "selaras/tmx.h"

enum sl_format { SL_FMT_TMX, SL_FMT_TSV, SL_FMT_MOSES, SL_FMT_JSON, SL_FMT_BEADS, SL_FMT_LADDER };

/* The format named name ("tmx", "tsv", ...), or -1. */
int sl_format_parse(const char *name);

/* Writes s as a JSON string (null for NULL): quotes, backslashes and
 * control characters escaped, UTF-8 as it is. */
void sl_json_str(FILE *f, const char *s);
/* The name of format fmt ("tmx", ...), or NULL for none. */
const char *sl_format_name(int fmt);

/* A writer over one stream, or two for Moses (f[0] source, f[1] target). */
typedef struct sl_writer {
    int fmt;          /* enum sl_format */
    FILE *f[2];
    sl_tmx_opts tmx;  /* languages, version, date and confidence floor */
    int batch;        /* several documents: TSV gains a document column,
                       * beads and ladder a blank line between documents */
    int meta;         /* catalogue records: TSV has the document and the
                       * record's author, faculty, year, collection and URL
                       * as columns 5 to 10, batch or not */
    size_t docs, units;
} sl_writer;

int sl_write_begin(sl_writer *w);
/* Writes one document; returns 0, or -1 on a stream error. Same as
 * sl_write_next, then sl_write_units into w's streams. */
int sl_write_doc(sl_writer *w, const sl_doc *d);
/* Starts the next document: the blank line a batch of beads or ladders
 * puts between documents, and the count. */
void sl_write_next(sl_writer *w);
/* Writes d's units as w's format says into f (and f1, Moses's target
 * side), leaving w as it is: several threads may format documents at once
 * and the bytes be written in order later. Returns the units written. */
size_t sl_write_units(const sl_writer *w, FILE *f, FILE *f1, const sl_doc *d);
int sl_write_end(sl_writer *w);
/* What sl_write_end writes (a static string, "" for the line formats):
 * it closes a partial output well-formed. */
const char *sl_write_tail(const sl_writer *w);

/* Lists the unaligned sentences of d as TSV: document, language, index
 * (0-based), text. */
void sl_write_unaligned(FILE *f, const sl_tmx_opts *o, const sl_doc *d);

#endif
