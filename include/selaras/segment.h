/* segment.h — rule-based sentence splitting for Indonesian and English. */
#ifndef SELARAS_SEGMENT_H
#define SELARAS_SEGMENT_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/text.h"

/* A compiled splitter. Built once, then read-only: one handle may be used
 * by any number of threads at once. */
typedef struct sl_seg sl_seg;

enum sl_sent_kind {
    SL_SENT_TEXT = 0,
    SL_SENT_HEADING, /* a heading line such as ABSTRAK or Abstract */
    SL_SENT_LABEL    /* a label line such as "Kata kunci: ..." */
};

/* One sentence: a span of sl_sents.text (no leading/trailing space), and
 * the same sentence as the input has it, a span of sl_sents.raw. */
typedef struct sl_sent {
    size_t off, len;
    unsigned para; /* 0-based paragraph index */
    unsigned kind; /* enum sl_sent_kind */
    size_t roff, rlen;
} sl_sent;

/* The sentences of a text. text holds the normalised paragraphs (soft line
 * breaks joined, whitespace runs collapsed, hyphenated breaks mended): what
 * the splitter and the aligner read. raw holds the verbatim paragraphs:
 * each line with its ends trimmed, the lines of a paragraph joined by one
 * space, everything else (space runs, tabs, the hyphen of a broken word) as
 * the input has it: what a CAT tool sees once a paragraph is on one line.
 * Both end each paragraph with '\n'. */
typedef struct sl_sents {
    char *text;
    size_t text_len, text_cap;
    sl_sent *v;
    size_t n, cap;
    size_t npara;
    char *raw;
    size_t raw_len, raw_cap;
    size_t limited; /* pattern matches cut short by the match limits (text
                     * too odd for a pattern: the paragraphs they were in
                     * split less, the text itself kept whole) */
} sl_sents;

enum {
    SL_SEG_LINES = 1 /* each input line is a paragraph */
};

/* Compiles the rules of lang ("id", "en", or any name with a rules file).
 * The built-in rules are used unless rules_dir (may be NULL) holds
 * common.txt or LANG.txt. NULL on failure, with err naming file and line. */
sl_seg *sl_seg_new(const char *lang, const char *rules_dir, sl_error *err);
/* 1 when the language has no rules of its own and seg splits with the
 * common rules only (terminal marks, numbers, quotes, URLs). */
int sl_seg_generic(const sl_seg *seg);

void sl_seg_free(sl_seg *seg);

/* Splits UTF-8 text (len bytes, need not be NUL-terminated) into out, which
 * the caller initialises to zero and frees with sl_sents_free; passing a
 * previous result reuses its buffers. Paragraphs are
 * separated by blank lines; single line breaks are soft. A paragraph broken
 * by a blank line mid-sentence (no final mark, next starts in lower case) is
 * joined. With SL_SEG_LINES every line is a paragraph. */
int sl_seg_split(const sl_seg *seg, const char *text, size_t len, int flags,
                 sl_sents *out, sl_error *err);

/* Length of a prefix of text (len bytes) at least want bytes long, or len,
 * that can be split apart from the rest with the same result: it ends at a
 * line end (SL_SEG_LINES) or at a blank line whose next line cannot continue
 * the paragraph. Lets callers stream large inputs in bounded memory. */
size_t sl_seg_chunk(const sl_seg *seg, const char *text, size_t len, size_t want, int flags);

/* Frees what sl_seg_split allocated and zeroes out (safe on NULL). */
void sl_sents_free(sl_sents *out);

/* The language knowledge as loaded, for export (SRX): the items of a
 * section ("title", "starters", "heading", ...) joined by '\n', or NULL. */
const char *sl_seg_section(const sl_seg *seg, const char *section);

/* The kind (enum sl_sent_kind) of each of n lines as a whole: a heading
 * or keyword-label line by the language's [heading] and [label] patterns,
 * else text; into kind[0..n). For pre-split text, where the splitter does
 * not run but headings and labels still anchor the alignment. */
int sl_seg_line_kinds(const sl_seg *seg, const sl_span *lines, size_t n, unsigned char *kind,
                      sl_error *err);

/* The class the splitter gives an abbreviation token (written without its
 * final period): the section it was last listed in, since a language file
 * loaded after common.txt overrides it. */
/* Abbreviations learned from the input (learnabbr.h), consulted where the
 * lists and the shapes the splitter knows say nothing. l is borrowed (NULL
 * removes it) and must be finished; set it before seg is shared between
 * threads, and keep it until seg is freed or given another. */
struct sl_learnabbr;
void sl_seg_set_learned(sl_seg *seg, const struct sl_learnabbr *l);
const struct sl_learnabbr *sl_seg_learned(const sl_seg *seg);

enum sl_abbr_class { SL_ABBR_NONE = 0, SL_ABBR_TITLE, SL_ABBR_NUMBER, SL_ABBR_END, SL_ABBR_AMBIG };
int sl_seg_abbr_class(const sl_seg *seg, const char *tok, size_t n);

#endif
