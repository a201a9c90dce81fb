/* record.h — bilingual catalogue records: title, metadata, two abstracts. */
#ifndef SELARAS_RECORD_H
#define SELARAS_RECORD_H

#include <stddef.h>
#include "selaras/error.h"
#include "selaras/langid.h"

/* A record as found in library catalogue exports, in the layout of the
 * full-description page:
 *
 *   Indonesian title = English title / Author
 *   Author, author
 *   Deskripsi Lengkap: <https://...>
 *   Abstrak | **ABSTRAK | INTISARI | RINGKASAN ...   (any case, any order)
 *   <Indonesian abstract>  Kata kunci: ...
 *   <hr />
 *   ABSTRACT | Abstract ...
 *   <English abstract>  Keywords: ...
 *
 * or in that of the search results:
 *
 *   cover                                   (page framing, dropped)
 *   Author
 *   "<Indonesian abstract>                  (or "Abstrak :" and the text;
 *   <English abstract>"                      a blank line, a single line
 *                                            break, "......" or nothing
 *                                            between the two)
 *   Depok: Fakultas ... Universitas Indonesia, 2019
 *   T-Pdf                                   (a format or call number)
 *   UI - Tesis Membership  Universitas Indonesia Library
 *
 * Every field is an owned NUL-terminated string, or NULL when absent. The
 * abstracts keep their paragraphs (blank-line separated) and line breaks
 * for the splitter; markup remnants (**, <br>, <hr />), the quotes around
 * an abstract and the dots between two are gone. */
typedef struct sl_record {
    char *title[2];    /* [0] Indonesian, [1] English */
    char *author, *url;
    char *abstract[2];
    char *keywords[2]; /* the keyword lines, labels included */
    int identified;    /* 1 when headings were missing or wrong and the
                        * languages were told apart by stop words */
    char note[256];    /* what was decided and why, for the user */
    /* the metadata lines of a search-result entry */
    char *place;       /* "Depok" */
    char *faculty;     /* the publisher: "Fakultas Hukum Universitas Indonesia" */
    char *year;        /* "2019" */
    char *collection;  /* "UI - Tesis Membership" */
    char *format;      /* "T-Pdf", or a call number "S68893" */
    int split;         /* 1 when one block held both abstracts and was cut
                        * where the language changes (see langrun.h) */
} sl_record;

/* Parses text (len bytes, valid UTF-8) named name into out. Fails with
 * SL_EMISSING when no abstract is found in either language; a record with
 * one abstract parses, and its note says which is missing. */
int sl_record_parse(const char *text, size_t len, const char *name, const sl_langid *lid,
                    sl_record *out, sl_error *err);

/* Frees the fields and zeroes the record (safe on NULL). */
void sl_record_free(sl_record *r);

#endif
