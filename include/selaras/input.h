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

/* One document of a source. An item that could not be read (a broken JSON
 * line, a record file that is not UTF-8) still comes back, with status and
 * err saying where and why, so the good items around it are never lost. */
typedef struct sl_item {
    char *name;     /* document id (NULL when status is set) */
    int kind;       /* enum sl_item_kind */
    sl_text t[2];
    char *path;     /* the file it was read from, "<stdin>" for "-" (NULL when
                     * out of memory) */
    long line;      /* its line there (JSON Lines), 0 for a whole file */
    int status;     /* SL_OK, or the error code in err */
    sl_error err;
} sl_item;

typedef struct sl_input sl_input;

/* Opens path: a directory (every *.txt file in it, in name order, is a
 * record), a JSON Lines file (*.jsonl, or jsonl set: one object
 * {"doc": "...", "id": "...", "en": "..."} per line), or one record file
 * ("-" is stdin). NULL with err set when path cannot be opened. */
sl_input *sl_input_open(const char *path, int jsonl, sl_error *err);

/* Reads up to max items; returns how many (0 at the end). A read error on
 * the stream comes back as a last item with its status set. */
size_t sl_input_next(sl_input *in, sl_item *items, size_t max);

/* Two files, Indonesian and English text, as one item named id_path
 * (status set when one cannot be read). */
void sl_item_load_pair(sl_item *it, const char *id_path, const char *en_path);

/* "path" or "path:line": where an item came from, for messages. */
const char *sl_item_where(const sl_item *it, char *buf, size_t size);

void sl_item_free(sl_item *it);
void sl_input_close(sl_input *in);

#endif
