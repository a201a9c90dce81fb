/* fuzz/lexicon_hunalign.c — hunalign dictionaries (see lexicon.h). */
#define LEX_FORMAT SL_LEX_HUNALIGN
#include "lexicon.h"
