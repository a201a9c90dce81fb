/* meta.h — catalogue metadata lines: what, in the layouts of the
 * university library's catalogue, is not abstract text. */
#ifndef SELARAS_META_H
#define SELARAS_META_H

#include <stddef.h>
#include "selaras/text.h"

/* The class of a line (sl_meta_class). */
enum sl_meta_kind {
    SL_META_TEXT,       /* anything else */
    SL_META_FRAME,      /* page framing: "Hasil Pencarian :: Simpan CSV :: Kembali",
                         * "Ditemukan 12 dokumen yang sesuai dengan query" */
    SL_META_COVER,      /* "cover": the thumbnail that opens each entry of a result list */
    SL_META_PUBLISHER,  /* "Depok: Fakultas Hukum Universitas Indonesia, 2019",
                         * "Jakarta: Kencana, 2016" */
    SL_META_FORMAT,     /* a format or call number: "T-Pdf", "AJ-Pdf", "S68893" */
    SL_META_COLLECTION  /* "UI - Tesis Membership  Universitas Indonesia Library",
                         * "Buku Teks", "Artikel Jurnal" */
};

/* The class of a line (leading and trailing blanks are ignored). Decided
 * by the line alone: a format line, say, is metadata only where records
 * put it (after the abstract), which the caller knows. */
int sl_meta_class(const char *s, size_t n);

/* A publisher line's parts, spans into s: place ("Depok"), publisher
 * ("Fakultas Hukum Universitas Indonesia") and year ("2019"). Returns 1
 * for a publisher line, else 0 (the spans untouched). */
int sl_meta_publisher(const char *s, size_t n, sl_span *place, sl_span *publisher,
                      sl_span *year);

/* The name of a collection line without the library's name
 * ("UI - Tesis Membership"), a span into s; 0 for no collection line. */
int sl_meta_collection(const char *s, size_t n, sl_span *name);

/* Does the line look like a personal name ("Sari Dewi Lestari",
 * "Budi Santoso, S.H.", "Nur binti Ahmad")? The author line of a result
 * list has nothing else to tell it by. */
int sl_meta_name(const char *s, size_t n);

/* Does the line look like a short reference that is not a sentence
 * ("JJJ 25(2-3) 2008", "Jurnal Kesehatan Vol. 12 No. 3")? Only where it
 * stands between an abstract and its format or collection line is it
 * metadata. */
int sl_meta_citation(const char *s, size_t n);

#endif
