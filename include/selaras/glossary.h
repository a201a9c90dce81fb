/* glossary.h — the keyword pairs of documents as terms for translators:
 * each keyword line split into its terms, the terms of the two languages
 * paired, repeated pairs kept once, written as TBX-Basic or as OmegaT's
 * tab-separated glossary. */
#ifndef SELARAS_GLOSSARY_H
#define SELARAS_GLOSSARY_H

#include <stddef.h>
#include <stdio.h>
#include "selaras/error.h"
#include "selaras/features.h"
#include "selaras/pipeline.h"
#include "selaras/text.h"

/* Terms a keyword line may hold; more are left out. */
enum { SL_GLOSS_MAX_TERMS = 64 };

/* The terms of a keyword line, as spans into line: the label ("Kata
 * kunci:", "Key words:", "Index Terms—", markup such as ** around it) and
 * the line's final period left out; split at ';', '|', '·' and '•', or,
 * in a line without any of these, at commas (never one between two
 * digits, as in 3,5); each term trimmed of spaces and double quotes,
 * empty ones dropped. Stores at most max spans and returns how many terms
 * there are. */
size_t sl_gloss_terms(const char *line, size_t len, sl_span *v, size_t max);

/* A glossary being built: term pairs in the order first met, each once
 * (terms compared with ASCII case folded), with the documents they came
 * from. Used by one thread at a time. */
typedef struct sl_glossary sl_glossary;

/* cfg (borrowed, may be NULL) gives the lexical evidence that pairs the
 * terms of two lists (see sl_glossary_add). NULL with err set when out of
 * memory. */
sl_glossary *sl_glossary_new(const sl_featcfg *cfg, sl_error *err);
void sl_glossary_free(sl_glossary *g);

/* Adds the term pairs of a source and a target keyword line of document
 * doc. Terms that share words through the lexicon, cognates, numbers or
 * identical words are paired first, the strongest evidence first (ties to
 * the nearer place in the lists); when both lists hold as many terms, the
 * terms left over are paired in order, so two lists without any evidence
 * pair term k with term k. In lists of different lengths a term without
 * evidence has no partner and is left out (counted in the stats). Returns
 * SL_OK, or SL_ENOMEM. */
int sl_glossary_add(sl_glossary *g, const char *doc, const char *src, const char *tgt,
                    sl_error *err);

/* The same for every keyword unit of d (both sides present). */
int sl_glossary_add_doc(sl_glossary *g, const sl_doc *d, sl_error *err);

/* An entry: the two terms (whitespace runs collapsed, control characters
 * dropped), the first document that gave the pair and how many gave it. */
typedef struct sl_gloss_entry {
    char *src, *tgt, *doc;
    size_t docs;
} sl_gloss_entry;

size_t sl_glossary_size(const sl_glossary *g);
const sl_gloss_entry *sl_glossary_entry(const sl_glossary *g, size_t i);

typedef struct sl_gloss_stats {
    size_t lines;      /* keyword line pairs read */
    size_t docs;       /* documents that gave at least one pair */
    size_t pairs;      /* term pairs made (repeats included) */
    size_t by_words;   /* of those, paired by shared words */
    size_t uneven;     /* line pairs whose lists differ in length */
    size_t unpaired;   /* terms of those left without a partner */
} sl_gloss_stats;

void sl_glossary_stats(const sl_glossary *g, sl_gloss_stats *st);

/* "keywords of DOC" or "keywords of DOC and N other documents": the
 * comment each writer gives an entry. */
void sl_gloss_comment(const sl_gloss_entry *e, char *buf, size_t size);

/* Output formats. */
enum sl_gloss_format { SL_GLOSS_TBX, SL_GLOSS_OMEGAT };
/* "tbx" or "omegat"; -1 for any other name. */
int sl_gloss_format_parse(const char *name);

/* TBX-Basic (TBX 2008, ISO 30042): a <martif type="TBX-Basic"> with one
 * <termEntry> per entry, a <langSet xml:lang> per language (lang[0] the
 * source's, lang[1] the target's) holding a <tig><term>, and the comment
 * as the entry's <note>. version: the tool's, for the header. Returns 0,
 * or -1 when the stream had an error. */
int sl_glossary_write_tbx(FILE *f, const sl_glossary *g, const char *const lang[2],
                          const char *version);

/* OmegaT's glossary: a UTF-8 line per entry, source TAB target TAB
 * comment. Returns 0, or -1 when the stream had an error. */
int sl_glossary_write_omegat(FILE *f, const sl_glossary *g);

#endif
