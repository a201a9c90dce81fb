/* fuzz/split_en.c — the English splitter (see split.h). */
#define SPLIT_LANG "en"
#include "split.h"
