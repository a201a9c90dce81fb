/* input.h — where documents come from: record files, directories of
 * records, JSON Lines batches, pairs of files. Read in chunks, so a batch
 * of any size is processed in bounded memory. */
#ifndef SELARAS_INPUT_H
#define SELARAS_INPUT_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/text.h"

enum sl_item_kind {
    SL_ITEM_RECORD, /* t[0] is a catalogue record */
    SL_ITEM_PAIR    /* t[0] Indonesian, t[1] English text */
};

/* How sl_input_open reads its path. */
enum sl_input_flags {
    SL_INPUT_JSONL = 1,   /* JSON Lines, whatever the file name */
    SL_INPUT_PRESPLIT = 2 /* pairs hold one segment per line */
};

/* One document of a source. An item that could not be read (a broken JSON
 * line, a record file that is not UTF-8) still comes back, with status and
 * err saying where and why, so the good items around it are never lost. */
typedef struct sl_item {
    char *name;     /* document id (NULL when status is set) */
    int kind;       /* enum sl_item_kind */
    sl_text t[2];
    char *path;     /* the file it was read from, "<stdin>" for "-" (NULL when
                     * out of memory) */
    long line;      /* its line there (JSON Lines, a record of a page), 0 for
                     * a whole file */
    int presplit;   /* a pair of segment lists, one segment per line */
    int status;     /* SL_OK, or the error code in err */
    sl_error err;
    char *raw;      /* a JSON line not decoded yet (see sl_item_prepare) */
    size_t repaired; /* invalid sequences replaced with U+FFFD as it was
                      * read (sl_text_opts.repair) */
    size_t rawlen;
} sl_item;

typedef struct sl_input sl_input;

/* Opens path (flags: enum sl_input_flags):
 * - a directory: in name order, every *.txt file in it is a record, and
 *   every pair NAME.id, NAME.en a document of two texts (pre-split with
 *   SL_INPUT_PRESPLIT), named NAME;
 * - a JSON Lines file (*.jsonl, or SL_INPUT_JSONL): one object per line,
 *   {"doc": "...", "id": ..., "en": ...} where "id" and "en" are both
 *   strings (running text) or both arrays of strings (one segment each,
 *   as --presplit reads lines);
 * - one record file ("-" is stdin); a file holding a page of several
 *   records (a list of search results copied whole, see page.h) gives
 *   each as an item named NAME#1, NAME#2, ... in order, at its line.
 * NULL with err set when path cannot be opened. */
sl_input *sl_input_open(const char *path, int flags, sl_error *err);

/* The same, its files read as text says (NULL: strict UTF-8; copied, the
 * encoding name borrowed). A JSON line is read in that encoding when it
 * keeps ASCII's line ends (CP1252, Latin-1: not UTF-16, SL_EUSAGE). */
sl_input *sl_input_open_opts(const char *path, int flags, const sl_text_opts *text,
                             sl_error *err);

/* What a directory source left out: entries that are neither records nor
 * pairs (other files, subdirectories; not hidden ones). Returns how many
 * and puts the first few names in names[0..min(n, 3)) (owned by in). */
size_t sl_input_ignored(const sl_input *in, const char *names[3]);

/* Does path, opened as sl_input_open would, hold several documents: a
 * directory, JSON Lines, or a record file that is a page of several
 * records (see page.h)? stdin ("-") can be read only once: one record. */
int sl_input_several(const char *path, int flags);

/* Reads up to max items; returns how many (0 at the end). A read error on
 * the stream comes back as a last item with its status set. A JSON line
 * comes back raw, to be decoded by sl_item_prepare (in the thread that
 * processes it). */
size_t sl_input_next(sl_input *in, sl_item *items, size_t max);

/* Decodes a raw item (a JSON line); sets its status and err when the line
 * is broken. Does nothing for an item already decoded or failed. */
void sl_item_prepare(sl_item *it);

/* Bytes of the source read so far and in all (0 when unknown, a pipe). */
void sl_input_progress(const sl_input *in, unsigned long long *done, unsigned long long *total);

/* Two files, Indonesian and English text, as one item named name
 * (status set when one cannot be read). */
void sl_item_load_pair(sl_item *it, const char *name, const char *id_path, const char *en_path,
                       int presplit, const sl_text_opts *text);

/* "path" or "path:line": where an item came from, for messages. */
const char *sl_item_where(const sl_item *it, char *buf, size_t size);

void sl_item_free(sl_item *it);
void sl_input_close(sl_input *in);

#endif
