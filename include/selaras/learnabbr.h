/* learnabbr.h — abbreviations learned from the text being split.
 *
 * In the spirit of Punkt (Kiss & Strunk 2006): every word type seen with a
 * final period is a candidate, judged over the whole input by how strongly
 * the period sticks to it (a Dunning log-likelihood of type + period,
 * scaled down for long types and for every time the type occurs without a
 * period, up for internal periods) and by what follows it: a lower-case
 * word, a number or a name (a word capitalised mid-sentence elsewhere) say
 * abbreviation; a paragraph end, or a capitalised word that elsewhere is
 * written in lower case mid-sentence and never capitalised there, says
 * sentence end. The same orthographic evidence decides, token by token,
 * whether a learned abbreviation ends its sentence.
 *
 * The splitter's lists win: a type any list names (in the case written)
 * and the shapes the splitter knows (initials, dotted abbreviations) are
 * never candidates; learning fills the gaps only. Build a set with new,
 * add every text, finish; it is then read-only and may be given to a
 * splitter (sl_seg_set_learned) shared by any number of threads. */
#ifndef SELARAS_LEARNABBR_H
#define SELARAS_LEARNABBR_H

#include <stddef.h>
#include "selaras/error.h"

struct sl_seg;
typedef struct sl_learnabbr sl_learnabbr;

/* Learning is off below these sizes (see README, "Learned
 * abbreviations"): fewer words than this and nearly every type is seen
 * once, so neither the period's collocation nor the context after it
 * means anything (one abstract has 150-300 words and 5-15 periods). 2000
 * words is some ten abstracts: a field's abbreviations recur in several
 * contexts by then. */
enum { SL_LEARNABBR_MIN_WORDS = 2000, SL_LEARNABBR_MIN_PERIODS = 80 };

typedef struct sl_learnabbr_opts {
    size_t min_words;   /* learn nothing from fewer words (SL_LEARNABBR_MIN_WORDS) */
    size_t min_periods; /* ... or fewer period-final tokens (SL_LEARNABBR_MIN_PERIODS) */
    size_t min_count;   /* a type must be seen this often with its period, before
                         * this many distinct tokens (2) */
    double min_score;   /* least collocation score (Punkt's 0.3) */
    double min_ratio;   /* abbreviation contexts at least this many times the
                         * sentence-end contexts (1.5) */
    size_t min_plain;   /* ... and at least this many of them a lower-case word
                         * or a number, which almost never open a sentence
                         * (0: none needed; see sl_pipe_abbr_finish) */
} sl_learnabbr_opts;

void sl_learnabbr_opts_default(sl_learnabbr_opts *o);

/* A set learning for the splitter seg (whose lists it leaves alone);
 * seg is read, not kept. NULL when out of memory. */
sl_learnabbr *sl_learnabbr_new(const struct sl_seg *seg, sl_error *err);
void sl_learnabbr_free(sl_learnabbr *l);

/* Adds a text (UTF-8, paragraphs separated by blank lines, or one a line
 * with lines set). The text is read again by sl_learnabbr_finish: it must
 * stay valid and unchanged until then. Not thread-safe. */
int sl_learnabbr_add(sl_learnabbr *l, const char *text, size_t len, int lines, sl_error *err);

/* Counts what the texts hold and decides. o may be NULL (defaults). After
 * this the set is read-only. */
int sl_learnabbr_finish(sl_learnabbr *l, const sl_learnabbr_opts *o, sl_error *err);

/* Was the input large enough for learning (opts.min_words, min_periods)? */
int sl_learnabbr_active(const sl_learnabbr *l);
size_t sl_learnabbr_words(const sl_learnabbr *l);
size_t sl_learnabbr_periods(const sl_learnabbr *l);

/* Why a type was or was not learned: its counts and evidence. */
typedef struct sl_learnabbr_item {
    const char *type;     /* the type as counted: ASCII letters in lower case */
    const char *form[2];  /* its first forms seen with a period ("Thm", "thm"; [1] may be NULL) */
    size_t with, without; /* occurrences with a final period, without one */
    size_t end;           /* with the period at a paragraph end */
    size_t lower, digit;  /* followed by a lower-case word, a number */
    size_t name;          /* by a word also capitalised mid-sentence, never lower there */
    size_t start;         /* by a capitalised word written lower-case mid-sentence */
    size_t upper;         /* by another capitalised word (both or neither of those) */
    size_t other;         /* by anything else (a mark, a lower-case [starters] word) */
    size_t after_num;     /* with the period and after a number (a unit: "12 kg.") */
    size_t contexts;      /* distinct tokens after it (counted up to 4) */
    double llr;           /* Dunning log-likelihood of type + period */
    double score;         /* llr x length, internal-period and without-period factors */
    double confidence;    /* (abbreviation contexts + 1) / (all weighed contexts + 2) */
    int learned;
} sl_learnabbr_item;

/* The candidates seen with a period at least opts.min_count times,
 * learned ones first, then by score; i < sl_learnabbr_count. */
size_t sl_learnabbr_count(const sl_learnabbr *l);
const sl_learnabbr_item *sl_learnabbr_get(const sl_learnabbr *l, size_t i);

/* For the splitter. Is tok (n bytes, without its final period) a learned
 * abbreviation? Case is ignored. Always 0 on a set that is not active. */
int sl_learnabbr_is_abbr(const sl_learnabbr *l, const char *tok, size_t n);
/* Does the capitalised word w (n bytes) open a sentence by the input's
 * orthography: written in lower case mid-sentence somewhere, never
 * capitalised mid-sentence? 0 for a word the input never showed. */
int sl_learnabbr_starts(const sl_learnabbr *l, const char *w, size_t n);

#endif
