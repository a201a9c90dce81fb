/* fuzz/lexicon_tsv.c — TSV lexicons (see lexicon.h). */
#define LEX_FORMAT SL_LEX_TSV
#include "lexicon.h"
