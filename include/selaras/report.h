/* report.h — writing check reports: text for people, JSON Lines for
 * programs. */
#ifndef SELARAS_REPORT_H
#define SELARAS_REPORT_H

#include <stdio.h>
#include "selaras/check.h"

/* One block per document: a summary line, then each finding with its
 * severity, kind, sentence numbers, message and the quoted texts. Findings
 * below min_severity are left out. */
void sl_report_text(FILE *f, const sl_report *r, int min_severity);

/* One JSON object per finding, then one summary object for the document:
 * {"doc":..,"kind":"missing","severity":"error","id":[4],"en":[],
 *  "id_text":..,"en_text":..,"message":..}
 * {"doc":..,"kind":"summary","verdict":"errors","id_sentences":..,
 *  "en_sentences":..,"coverage":..,"coverage_chars":..,"errors":..,
 *  "warnings":..,"info":..,"id_merged":..} */
void sl_report_json(FILE *f, const sl_report *r, int min_severity);

/* Counts of r's findings by severity. */
void sl_report_counts(const sl_report *r, size_t count[3]);

#endif
