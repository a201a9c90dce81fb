/* tmx.h — writing TMX 1.4b translation memories. */
#ifndef SELARAS_TMX_H
#define SELARAS_TMX_H

#include <stdio.h>
#include <time.h>
#include "selaras/pipeline.h"

typedef struct sl_tmx_opts {
    const char *lang[2];      /* xml:lang of source and target: "id", "en-US" */
    const char *version;      /* creationtoolversion */
    time_t created;           /* creationdate */
    double min_conf;          /* units below this confidence are left out */
    int verbatim;             /* <seg> keeps the unit's spacing (sl_xml_verbatim);
                               * else whitespace runs collapse (sl_xml_text) */
} sl_tmx_opts;

/* The XML declaration, DOCTYPE, <header> and <body> start. */
int sl_tmx_begin(FILE *f, const sl_tmx_opts *o);

/* One <tu> per unit with both sides non-empty (after whitespace is
 * normalised) and confidence >= min_conf, with x-document, x-unit, x-bead,
 * x-confidence and, when the record has them, x-url, x-author, x-faculty,
 * x-year and x-collection props (before the <tuv>s, as TMX 1.4b wants).
 * Returns the number of units written. */
size_t sl_tmx_doc(FILE *f, const sl_tmx_opts *o, const sl_doc *d);

/* Closes <body> and <tmx>. Returns 0, or -1 when the stream had an error. */
int sl_tmx_end(FILE *f);
#define SL_TMX_TAIL "  </body>\n</tmx>\n" /* what sl_tmx_end writes */

/* Writes s as XML character data: the five entities escaped, whitespace
 * runs collapsed to one space, leading/trailing space dropped, and the
 * characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE/U+FFFF)
 * and C1 controls left out. Returns the number of bytes written. */
size_t sl_xml_text(FILE *f, const char *s, size_t len);

/* Writes s as XML character data with its spacing kept, as a CAT tool
 * compares segments: the five entities escaped, forbidden characters left
 * out, the ends trimmed, and a run of blanks that holds a line break written
 * as one space; other runs of spaces and tabs stay as they are. Returns the
 * number of bytes written. */
size_t sl_xml_verbatim(FILE *f, const char *s, size_t len);

/* Would sl_xml_text (or sl_xml_verbatim) write anything for s? */
int sl_xml_nonempty(const char *s, size_t len);

#endif
