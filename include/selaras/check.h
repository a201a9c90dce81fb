/* check.h — does the English abstract translate the whole Indonesian one?
 * Findings for one aligned document: text with no counterpart, sentences
 * left in the wrong language, numbers and names on one side only, weak
 * units, keyword lists that disagree, a missing abstract. */
#ifndef SELARAS_CHECK_H
#define SELARAS_CHECK_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/lexicon.h"
#include "selaras/pipeline.h"

enum sl_finding_kind {
    SL_F_MISSING,      /* Indonesian text with no English counterpart */
    SL_F_ADDED,        /* English text with no Indonesian counterpart */
    SL_F_UNTRANSLATED, /* a sentence in the wrong language, or the same on both sides */
    SL_F_NUMBER,       /* numbers on one side of a unit only */
    SL_F_NAME,         /* acronyms and names on one side only */
    SL_F_WEAK,         /* a unit whose confidence is below the floor */
    SL_F_MERGE,        /* two or more Indonesian sentences in one unit */
    SL_F_SPLIT,        /* two or more English sentences in one unit */
    SL_F_KEYWORDS,     /* keyword lists that differ */
    SL_F_ABSTRACT,     /* an abstract or the title pair missing */
    SL_F_NKINDS
};

enum sl_severity { SL_SEV_INFO, SL_SEV_WARNING, SL_SEV_ERROR };

/* One finding: its kind and severity, the sentences it is about (1-based
 * numbers on each side, none for a side it does not concern) and their
 * texts, and one line saying what is wrong. Owned strings. */
typedef struct sl_finding {
    int kind, severity;
    size_t id[4], nid, en[4], nen;
    char *id_text, *en_text; /* NULL for none */
    char *message;
} sl_finding;

/* What was found in one document. coverage is the share of Indonesian
 * sentences (and coverage_chars of their characters) in units of both
 * languages with at least the confidence floor; merged the number of
 * Indonesian sentences in units that hold two or more of them (merge
 * findings), which a CAT tool matching sentence by sentence never finds;
 * verdict the worst severity found (-1: complete). */
typedef struct sl_report {
    char *doc;
    sl_finding *f;
    size_t n, cap;
    size_t nsent[2];
    double coverage, coverage_chars;
    int verdict;
    size_t merged;
} sl_report;

typedef struct sl_check_opts {
    double weak; /* confidence floor of a unit (default 0.5) */
} sl_check_opts;

void sl_check_opts_default(sl_check_opts *o);

/* A checker: languages and lexicon as the pipeline that aligned the
 * documents (po), read-only once built. */
typedef struct sl_checker sl_checker;
sl_checker *sl_checker_new(const sl_check_opts *o, const sl_pipe_opts *po, const sl_lexicon *lex,
                           sl_error *err);
void sl_checker_free(sl_checker *c);

/* Findings for d, aligned by a pipeline with keep_sentences set. Returns
 * SL_OK or SL_ENOMEM. Safe from several threads at once. */
int sl_check_doc(const sl_checker *c, const sl_doc *d, sl_report *r, sl_error *err);

/* The report of a document that could not be aligned because an abstract
 * is missing (why: the pipeline's SL_EMISSING error). */
int sl_check_missing(const sl_checker *c, const char *name, const sl_error *why, sl_report *r,
                     sl_error *err);

void sl_report_free(sl_report *r);

/* Names: "missing", "error", ... */
const char *sl_finding_kind_name(int kind);
const char *sl_severity_name(int severity);
/* "complete", "warnings" or "errors" for a verdict. */
const char *sl_verdict_name(int verdict);

#endif
