/* fuzz/split_id.c — the Indonesian splitter (see split.h). */
#define SPLIT_LANG "id"
#include "split.h"
