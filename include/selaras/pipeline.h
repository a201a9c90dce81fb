/* pipeline.h — one document from input text to aligned units. */
#ifndef SELARAS_PIPELINE_H
#define SELARAS_PIPELINE_H

#include <stddef.h>
#include "selaras/align.h"
#include "selaras/error.h"
#include "selaras/input.h"
#include "selaras/langid.h"
#include "selaras/learnabbr.h"
#include "selaras/lexicon.h"
#include "selaras/record.h"
#include "selaras/segment.h"

typedef struct sl_pipe_opts {
    sl_align_opts align;
    const char *rules_dir; /* NULL: built-in splitter rules */
    int presplit;          /* text pairs hold one segment per line */
    int keep_sentences;    /* documents keep each sentence's text (sl_doc.sent) */
    int verbatim;          /* units of split text hold their sentences as the
                            * input has them (sl_sents.raw: spaces, tabs and
                            * the hyphen of a broken word kept; a line break
                            * one space), not the normalised text the aligner
                            * reads; alignment and sl_doc.sent are the same */
} sl_pipe_opts;

/* Splitters, aligner and language profiles, built once and then shared
 * read-only by every thread. The lexicon is borrowed. */
typedef struct sl_pipe sl_pipe;
sl_pipe *sl_pipe_new(const sl_pipe_opts *o, const sl_lexicon *lex, sl_error *err);
void sl_pipe_free(sl_pipe *p);

/* One thread's scratch for the pipeline (the aligner's word cache and
 * working memory), reused from document to document: give each thread its
 * own, or NULL for a temporary one (slower: nothing is reused). */
typedef struct sl_pipe_ws sl_pipe_ws;
sl_pipe_ws *sl_pipe_ws_new(const sl_pipe *p, sl_error *err);
void sl_pipe_ws_free(sl_pipe_ws *w);

enum sl_unit_kind { SL_UNIT_TITLE, SL_UNIT_SENTENCE, SL_UNIT_KEYWORDS };

/* A translation unit: both texts, owned by the document. For sentences,
 * bead is the aligner's (an empty side means an unaligned sentence). */
typedef struct sl_unit {
    char *src, *tgt; /* NULL for an empty side */
    unsigned kind;   /* enum sl_unit_kind */
    sl_bead bead;
} sl_unit;

/* A processed document. */
typedef struct sl_doc {
    char *name;       /* document id: file name or the JSON "doc" field */
    sl_record rec;    /* metadata of a record input (fields may be NULL) */
    sl_unit *units;
    size_t nunits;
    size_t nsent[2];  /* sentences on each side */
    char **sent[2];   /* with opts.keep_sentences: each sentence's text, as
                       * the beads number them (NULL otherwise) */
} sl_doc;

/* A catalogue record: parse, split both abstracts, align; the parallel
 * title and the keyword lines become units of their own. Fails with
 * SL_EMISSING when the record lacks the abstract of either language. */
int sl_pipe_record(const sl_pipe *p, sl_pipe_ws *ws, const char *name, const char *text,
                   size_t len, sl_doc *out, sl_error *err);

/* Two texts, raw (split here) or one segment per line (opts.presplit;
 * blank lines are not segments). When the stop words say the texts are
 * swapped, or in one language, out->rec.note says so. */
int sl_pipe_pair(const sl_pipe *p, sl_pipe_ws *ws, const char *name, const char *id_text,
                 size_t id_len, const char *en_text, size_t en_len, sl_doc *out, sl_error *err);

/* An item of an input (sl_input_next), whatever its kind: a record, a pair
 * of texts, or a pair of segment lists (it->presplit, or opts.presplit). A
 * JSON line is decoded here (sl_item_prepare), so that the threads that
 * align share that work too; an item that fails to decode returns its
 * status with it->err copied to err. */
int sl_pipe_item(const sl_pipe *p, sl_pipe_ws *ws, sl_item *it, sl_doc *out, sl_error *err);

void sl_doc_free(sl_doc *d);

/* Abbreviations learned from a whole corpus before it is aligned
 * (learnabbr.h), for each side with that side's splitter: a first pass
 * gives every item to sl_pipe_abbr_add, which takes the texts the
 * splitters would split (a JSON line decoded, a record parsed into its
 * abstracts; nothing of a pre-split item or of a record that lacks an
 * abstract) and copies them, documents a paragraph apart, up to max_bytes
 * a side; finish learns and frees the copies; sl_pipe_set_learned hands
 * the sets to the pipeline that aligns. As with `selaras split`, nothing
 * is learned below SL_LEARNABBR_MIN_WORDS words or SL_LEARNABBR_MIN_PERIODS
 * period-final tokens a side. */
typedef struct sl_pipe_abbr sl_pipe_abbr;

/* The first max_bytes of each side's text are learned from (0: this):
 * the learner itself reads no more than 8 MB in full (over a million
 * words; beyond, it samples), so more would cost memory and time and teach
 * nothing the statistics need. */
enum { SL_PIPE_ABBR_BYTES = 8 << 20 };

/* A first pass for p's splitters and record parser; p must stay until
 * finish (after it, any pipeline built with the same languages and rules
 * may take the sets). NULL when out of memory. */
sl_pipe_abbr *sl_pipe_abbr_new(const sl_pipe *p, size_t max_bytes, sl_error *err);
void sl_pipe_abbr_free(sl_pipe_abbr *a);

/* Adds an item's texts. Returns 0, 1 when both sides are full (the rest
 * of the input would add nothing), or SL_ENOMEM with err set. An item
 * that cannot be read or parsed adds nothing and is no failure: the
 * alignment pass reports it. */
int sl_pipe_abbr_add(sl_pipe_abbr *a, sl_item *it, sl_error *err);

/* Learns from what was added and frees the copies. o NULL: the learner's
 * defaults, but for min_plain SL_PIPE_ABBR_MIN_PLAIN: a batch mixes
 * fields and repeats its boilerplate, and over a million words nearly
 * every capitalised word is seen capitalised mid-sentence somewhere (a
 * title, a quotation), so a capitalised word after a period says little;
 * on generated batches of real sentences the learner's defaults took
 * sentence-final words ("Cuba.", "column.") for abbreviations on that
 * evidence alone. A type must have been seen before lower-case words or
 * numbers too. */
enum { SL_PIPE_ABBR_MIN_PLAIN = 2 };
int sl_pipe_abbr_finish(sl_pipe_abbr *a, const sl_learnabbr_opts *o, sl_error *err);

/* Side k's learned set (0 source, 1 target), after finish; borrowed. */
const sl_learnabbr *sl_pipe_abbr_get(const sl_pipe_abbr *a, int k);
/* Bytes of side k's text added (at most max_bytes). */
size_t sl_pipe_abbr_bytes(const sl_pipe_abbr *a, int k);

/* Gives side k's splitter the abbreviations l learned (borrowed, finished;
 * NULL: none), before p is shared between threads; keep l until p is
 * freed. A set that is not active (too little text) changes nothing. */
void sl_pipe_set_learned(sl_pipe *p, int k, const sl_learnabbr *l);

#endif
