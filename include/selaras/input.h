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

typedef struct sl_item {
    char *name;     /* document id */
    int kind;       /* enum sl_item_kind */
    sl_text t[2];
} sl_item;

typedef struct sl_input sl_input;

/* Opens path: a directory (every *.txt file in it, in name order, is a
 * record), a JSON Lines file (*.jsonl, or jsonl set: one object
 * {"doc": "...", "id": "...", "en": "..."} per line), or one record file
 * ("-" is stdin). */
sl_input *sl_input_open(const char *path, int jsonl, sl_error *err);

/* Reads up to max documents into items; returns how many (0 at the end) or
 * -1 with err naming the file and line. */
long sl_input_next(sl_input *in, sl_item *items, size_t max, sl_error *err);

void sl_item_free(sl_item *it);
void sl_input_close(sl_input *in);

#endif
