/* test_pipeline.c — whole records through splitters and aligner: the ten
 * sample records against the ground truth in samples/README.md, and the
 * seed record against the seed gold sentences. */
#include "tests.h"
#include "selaras/input.h"
#include "selaras/pipeline.h"
#include "selaras/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sl_pipe *pipe_;
static const sl_lexicon *lex;

static int init(void)
{
    sl_error err;
    lex = test_lexicon();
    sl_pipe_opts o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.align);
    pipe_ = sl_pipe_new(&o, lex, &err);
    return pipe_ ? 0 : -1;
}

static int clean(void)
{
    sl_pipe_free(pipe_);
    return 0;
}

static int run_record(const char *path, sl_doc *d)
{
    sl_text t;
    sl_error err;
    if (sl_text_load(path, NULL, &t, &err))
        return -1;
    int rc = sl_pipe_record(pipe_, NULL, path, t.data, t.len, d, &err);
    sl_text_free(&t);
    return rc;
}

/* The sentence beads of d in the README's notation: 1-based, "+" joining,
 * "0" for an empty side: "1-1 2-2 5-5+6 6-0". */
static void notation(const sl_doc *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t u = 0; u < d->nunits; u++) {
        const sl_bead *b = &d->units[u].bead;
        if (d->units[u].kind != SL_UNIT_SENTENCE)
            continue;
        if (o)
            o += (size_t)snprintf(out + o, cap - o, " ");
        if (!b->ni)
            o += (size_t)snprintf(out + o, cap - o, "0");
        for (size_t i = 0; i < b->ni; i++)
            o += (size_t)snprintf(out + o, cap - o, "%s%zu", i ? "+" : "", b->i0 + i + 1);
        o += (size_t)snprintf(out + o, cap - o, "-");
        if (!b->nj)
            o += (size_t)snprintf(out + o, cap - o, "0");
        for (size_t j = 0; j < b->nj; j++)
            o += (size_t)snprintf(out + o, cap - o, "%s%zu", j ? "+" : "", b->j0 + j + 1);
    }
}

static void test_samples(void)
{
    FILE *f = fopen("../samples/README.md", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[2048];
    int records = 0, right = 0;
    while (fgets(line, sizeof line, f)) {
        /* "- `001_law`: 1-1 2-2 ..." */
        char name[128], want[1024];
        if (sscanf(line, "- `%127[^`]`: %1023[^\n]", name, want) != 2)
            continue;
        char path[512], got[1024];
        snprintf(path, sizeof path, "../samples/%s.txt", name);
        sl_doc d;
        CU_ASSERT_EQUAL_FATAL(run_record(path, &d), SL_OK);
        notation(&d, got, sizeof got);
        records++;
        if (strcmp(got, want) == 0)
            right++;
        else
            printf("\n  %s\n    want %s\n    got  %s", name, want, got);
        CU_ASSERT(d.nunits > 0 && d.units[0].kind == SL_UNIT_TITLE);
        sl_doc_free(&d);
    }
    fclose(f);
    CU_ASSERT_EQUAL(records, 10);
    CU_ASSERT_EQUAL(right, records);
}

/* The seed: a title unit and 11 sentence units, each pairing the gold
 * sentences of ../shared/data/align/seed line by line. */
static void test_seed(void)
{
    const char *rec = test_shared_path("seeds/000_6b2a9478b39344eb.txt");
    const char *ids = test_data_path("align/seed/seed.id.sent");
    const char *ens = test_data_path("align/seed/seed.en.sent");
    if (!rec || !ids || !ens) {
        printf("\n  (skipped: ../shared not present)");
        return;
    }
    sl_doc d;
    CU_ASSERT_EQUAL_FATAL(run_record(rec, &d), SL_OK);
    CU_ASSERT_EQUAL_FATAL(d.nunits, 12);
    CU_ASSERT_EQUAL(d.units[0].kind, SL_UNIT_TITLE);
    CU_ASSERT_STRING_EQUAL(d.units[0].tgt, "City diplomacy implementation on Indonesia's foreign policy");
    FILE *fi = fopen(ids, "r"), *fe = fopen(ens, "r");
    CU_ASSERT_FATAL(fi && fe);
    char a[4096], b[4096];
    for (size_t u = 1; u < d.nunits; u++) {
        CU_ASSERT_FATAL(fgets(a, sizeof a, fi) && fgets(b, sizeof b, fe));
        a[strcspn(a, "\n")] = b[strcspn(b, "\n")] = '\0';
        CU_ASSERT_EQUAL(d.units[u].bead.ni, 1);
        CU_ASSERT_EQUAL(d.units[u].bead.nj, 1);
        CU_ASSERT_STRING_EQUAL(d.units[u].src, a);
        CU_ASSERT_STRING_EQUAL(d.units[u].tgt, b);
    }
    fclose(fi);
    fclose(fe);
    sl_doc_free(&d);
}

static void test_pair(void)
{
    const char *id = "Penelitian ini dilakukan di Bogor pada 2021. Hasilnya 87,5% responden puas.";
    const char *en = "This research was conducted in Bogor in 2021. As a result 87.5% of respondents were satisfied.";
    sl_doc d;
    sl_error err;
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pipe_, NULL, "pair", id, strlen(id), en, strlen(en), &d, &err),
                          SL_OK);
    CU_ASSERT_EQUAL(d.nunits, 2);
    CU_ASSERT_EQUAL(d.nsent[0], 2);
    CU_ASSERT_STRING_EQUAL(d.units[1].src, "Hasilnya 87,5% responden puas.");
    sl_doc_free(&d);
}

/* Headings and keyword labels both sides have in the same order anchor the
 * alignment: a pre-split heading line is a 1-1 unit of its own and no unit
 * reaches across it, even where one side left sentences untranslated. */
static void test_anchors(void)
{
    const char *id = "Pendahuluan\n"
                     "Banjir rob merendam pesisir utara Jawa setiap tahun.\n"
                     "Pemerintah daerah telah membangun tanggul sepanjang 12 kilometer.\n"
                     "Namun penurunan muka tanah terus berlangsung.\n"
                     "Metode Penelitian\n"
                     "Data elevasi diukur dengan GPS di 40 titik.\n"
                     "Laju penurunan dihitung per tahun.\n"
                     "Kata kunci: banjir rob, penurunan tanah\n";
    const char *en = "Introduction\n"
                     "Tidal floods inundate the northern coast of Java every year.\n"
                     "Methods\n"
                     "Elevation data were measured with GPS at 40 points.\n"
                     "The subsidence rate was computed per year.\n"
                     "Keywords: tidal flood, land subsidence\n";
    sl_pipe_opts o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.align);
    o.presplit = 1;
    sl_error err;
    sl_pipe *pp = sl_pipe_new(&o, lex, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pp);
    sl_doc d;
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pp, NULL, "p", id, strlen(id), en, strlen(en), &d, &err), SL_OK);
    int heading = 0, label = 0;
    for (size_t u = 0; u < d.nunits; u++) {
        const sl_bead *b = &d.units[u].bead;
        /* lines 4 (ID) and 2 (EN) are the methods headings */
        int before_i = b->ni && b->i0 + b->ni <= 4, after_i = b->ni && b->i0 > 4;
        int before_j = b->nj && b->j0 + b->nj <= 2, after_j = b->nj && b->j0 > 2;
        CU_ASSERT(!(before_i && after_j) && !(after_i && before_j));
        CU_ASSERT(!b->ni || b->i0 + b->ni <= 4 || b->i0 >= 4);
        CU_ASSERT(!b->nj || b->j0 + b->nj <= 2 || b->j0 >= 2);
        if (b->ni == 1 && b->i0 == 4 && b->nj == 1 && b->j0 == 2 && b->conf == 1.0)
            heading++;
        if (b->ni == 1 && b->i0 == 7 && b->nj == 1 && b->j0 == 5)
            label++;
    }
    CU_ASSERT_EQUAL(heading, 1);
    CU_ASSERT_EQUAL(label, 1);
    sl_doc_free(&d);

    /* a heading on one side only anchors nothing: it is a line like any other */
    const char *en2 = "Tidal floods inundate the northern coast of Java every year.\n"
                      "Methods\n"
                      "Elevation data were measured with GPS at 40 points.\n"
                      "The subsidence rate was computed per year.\n";
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pp, NULL, "p", id, strlen(id), en2, strlen(en2), &d, &err), SL_OK);
    size_t lines = 0;
    for (size_t u = 0; u < d.nunits; u++)
        lines += d.units[u].bead.nj;
    CU_ASSERT_EQUAL(lines, 4);
    sl_doc_free(&d);
    sl_pipe_free(pp);

    /* split text: the label lines pair as a keywords unit, headings are not units */
    CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pipe_, NULL, "r", id, strlen(id), en, strlen(en), &d, &err), SL_OK);
    size_t kw = 0, sentences = 0;
    for (size_t u = 0; u < d.nunits; u++) {
        if (d.units[u].kind == SL_UNIT_KEYWORDS) {
            kw++;
            CU_ASSERT_STRING_EQUAL(d.units[u].tgt, "Keywords: tidal flood, land subsidence");
        } else {
            sentences += d.units[u].bead.ni;
            CU_ASSERT_PTR_NULL(strstr(d.units[u].src ? d.units[u].src : "", "Metode"));
        }
    }
    CU_ASSERT_EQUAL(kw, 1);
    CU_ASSERT_EQUAL(sentences, 5);
    sl_doc_free(&d);
}

/* The sentences of d's units and their beads, to compare two runs. */
static void beads_of(const sl_doc *d, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t u = 0; u < d->nunits && o < cap; u++) {
        const sl_bead *b = &d->units[u].bead;
        o += (size_t)snprintf(out + o, cap - o, "%u:%zu+%zu:%zu+%zu:%.6f ", d->units[u].kind,
                              b->i0, b->ni, b->j0, b->nj, b->conf);
    }
}

/* opts.verbatim changes the units' text, never the alignment: the same
 * beads and confidences on every sample record; the text is the input's,
 * spacing between the sentences of a 2-1 unit included, and one space
 * where a unit crosses into another paragraph. */
static void test_verbatim(void)
{
    sl_pipe_opts o;
    memset(&o, 0, sizeof o);
    sl_align_opts_default(&o.align);
    o.verbatim = 1;
    o.keep_sentences = 1;
    sl_error err;
    sl_pipe *pv = sl_pipe_new(&o, lex, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pv);
    static const char *const recs[] = {
        "../samples/001_law.txt", "../samples/002_medicine.txt", "../samples/003_engineering.txt",
        "../samples/004_economics.txt", "../samples/005_education.txt",
        "../samples/006_agriculture.txt", "../samples/007_computer_science.txt",
        "../samples/008_international_relations.txt", "../samples/009_public_health.txt",
        "../samples/010_environment.txt", "leverage/101_rainwater.txt",
    };
    static char a[8192], b[8192];
    for (size_t k = 0; k < sizeof recs / sizeof *recs; k++) {
        sl_text t;
        CU_ASSERT_EQUAL_FATAL(sl_text_load(recs[k], NULL, &t, &err), SL_OK);
        sl_doc dn, dv;
        CU_ASSERT_EQUAL_FATAL(sl_pipe_record(pipe_, NULL, recs[k], t.data, t.len, &dn, &err), SL_OK);
        CU_ASSERT_EQUAL_FATAL(sl_pipe_record(pv, NULL, recs[k], t.data, t.len, &dv, &err), SL_OK);
        beads_of(&dn, a, sizeof a);
        beads_of(&dv, b, sizeof b);
        CU_ASSERT_STRING_EQUAL(a, b);
        if (strstr(recs[k], "003_")) /* the word broken across lines keeps its hyphen */
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[1].src, " menggu- nakan "));
        if (strstr(recs[k], "101_")) {
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[2].src, "air hujan untuk  memenuhi"));
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[4].src, "bulanan, sedangkan\tkualitas"));
            /* the record parser reads a browser's no-break space as a space */
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[5].src, "60 m\xC2\xB2 "));
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[5].src, " minum peng- guna selama"));
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[6].src, "6,8, sehingga")); /* <br /> */
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.units[8].src, "hujan;  kebutuhan"));
            /* what check reads stays normalised */
            CU_ASSERT_PTR_NOT_NULL(strstr(dv.sent[0][4], " minum pengguna selama"));
        }
        sl_doc_free(&dn);
        sl_doc_free(&dv);
        sl_text_free(&t);
    }
    const char *en = "This research was conducted in Bogor in 2021. The data were analysed "
                     "qualitatively.";
    static const char *const id[][3] = {
        { "Penelitian ini dilakukan di Bogor.  Penelitian ini dilakukan pada 2021.\tData "
          "dianalisis secara\xC2\xA0kualitatif.",
          "Penelitian ini dilakukan di Bogor.  Penelitian ini dilakukan pada 2021.",
          "Data dianalisis secara\xC2\xA0kualitatif." },
        { "Penelitian ini dilakukan di Bogor.\n\nPenelitian ini dilakukan pada 2021. Data "
          "dianalisis secara kualitatif.",
          "Penelitian ini dilakukan di Bogor. Penelitian ini dilakukan pada 2021.",
          "Data dianalisis secara kualitatif." },
    };
    for (size_t k = 0; k < 2; k++) {
        sl_doc d;
        CU_ASSERT_EQUAL_FATAL(sl_pipe_pair(pv, NULL, "p", id[k][0], strlen(id[k][0]), en,
                                           strlen(en), &d, &err), SL_OK);
        CU_ASSERT_EQUAL_FATAL(d.nunits, 2);
        CU_ASSERT_EQUAL(d.units[0].bead.ni, 2);
        CU_ASSERT_STRING_EQUAL(d.units[0].src, id[k][1]);
        CU_ASSERT_STRING_EQUAL(d.units[1].src, id[k][2]);
        sl_doc_free(&d);
    }
    sl_pipe_free(pv);
}

/* A record with one abstract cannot be aligned: SL_EMISSING, which a
 * batch skips, naming the language that is missing. */
static void test_one_abstract(void)
{
    const char *rec = "Judul = Title / A\n\nABSTRACT\n\nThis research was conducted in Bogor "
                      "and the data were analysed qualitatively.\n";
    sl_doc d;
    sl_error err;
    CU_ASSERT_EQUAL(sl_pipe_record(pipe_, NULL, "r1", rec, strlen(rec), &d, &err), SL_EMISSING);
    CU_ASSERT_STRING_EQUAL(err.file, "r1");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.msg, "no Indonesian abstract"));
    CU_ASSERT_PTR_NULL(d.units); /* nothing to free */
    CU_ASSERT_EQUAL(sl_pipe_record(pipe_, NULL, "r2", "x = / y\n", 8, &d, &err), SL_EMISSING);
}

/* ---- catalogue layouts (samples/catalogue) ----------------------------- */

enum { MAXDOCS = 64 };

typedef struct {
    char name[128], want[1024], meta[2048];
    int seen;
} truth_t;

/* The two lists of samples/catalogue/README.md: "- `NAME`: beads" under
 * "## Alignment ground truth", "- `NAME`: key=value; ..." under
 * "## Metadata ground truth". */
static size_t read_truth(truth_t *t)
{
    FILE *f = fopen("../samples/catalogue/README.md", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096], name[128], rest[2048];
    int section = 0;
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "## ", 3) == 0)
            section = strstr(line, "Alignment") ? 1 : strstr(line, "Metadata") ? 2 : 0;
        if (!section || sscanf(line, "- `%127[^`]`: %2047[^\n]", name, rest) != 2)
            continue;
        size_t k = 0;
        while (k < n && strcmp(t[k].name, name) != 0)
            k++;
        if (k == n && n < MAXDOCS)
            snprintf(t[n++].name, sizeof t[0].name, "%s", name);
        if (k < n)
            snprintf(section == 1 ? t[k].want : t[k].meta, section == 1 ? sizeof t[0].want
                                                                        : sizeof t[0].meta,
                     "%s", rest);
    }
    fclose(f);
    return n;
}

/* The value of key in "k=v; k=v" into out ("" when absent). */
static const char *meta_value(const char *meta, const char *key, char *out, size_t cap)
{
    char pat[64];
    snprintf(pat, sizeof pat, "%s=", key);
    out[0] = '\0';
    for (const char *p = meta; (p = strstr(p, pat)); p++)
        if (p == meta || p[-1] == ' ') {
            p += strlen(pat);
            size_t n = strcspn(p, ";");
            snprintf(out, cap, "%.*s", (int)n, p);
            break;
        }
    return out;
}

/* Does a unit's text hold what is not abstract text: metadata, framing,
 * the dots between two abstracts, a wrapper left unbalanced? */
static int leaks(const char *text, const sl_record *r)
{
    if (!text)
        return 0;
    const char *const fixed[] = { "Universitas Indonesia Library", "Depok:", "......", "Hasil Pencarian",
                                  "Ditemukan", "Pdf", "Abstrak :", NULL };
    for (int k = 0; fixed[k]; k++)
        if (strstr(text, fixed[k]))
            return 1;
    const char *const fields[] = { r->author, r->faculty, r->collection, r->format };
    for (int k = 0; k < 4; k++)
        if (fields[k] && strstr(text, fields[k]))
            return 1;
    size_t n = strlen(text), straight = 0, open = 0, close = 0;
    for (const char *p = text; (p = strchr(p, '"')); p++)
        straight++;
    for (const char *p = text; (p = strstr(p, "\xE2\x80\x9C")); p++)
        open++;
    for (const char *p = text; (p = strstr(p, "\xE2\x80\x9D")); p++)
        close++;
    return text[0] == '[' || (n && text[n - 1] == ']') || straight % 2 || open != close;
}

/* Every document of samples/catalogue against its ground truth: the
 * beads in the README's notation, each unit free of metadata, the
 * metadata where it belongs, and the records without both abstracts
 * skipped. */
static void test_catalogue(void)
{
    static truth_t truth[MAXDOCS];
    size_t nt = read_truth(truth);
    CU_ASSERT_FATAL(nt >= 12);
    sl_error err;
    sl_input *in = sl_input_open("../samples/catalogue", 0, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(in);
    sl_item items[8];
    size_t got_items, units_right = 0, units_want = 0, docs = 0, skipped = 0;
    while ((got_items = sl_input_next(in, items, 8))) {
        for (size_t i = 0; i < got_items; i++) {
            sl_item *it = &items[i];
            truth_t *t = NULL;
            for (size_t k = 0; k < nt && it->name; k++)
                if (strcmp(truth[k].name, it->name) == 0)
                    t = &truth[k];
            if (!t)
                printf("\n  %s: no ground truth", it->name ? it->name : it->path);
            CU_ASSERT_PTR_NOT_NULL(t);
            sl_doc d;
            int rc = sl_pipe_item(pipe_, NULL, it, &d, &err);
            if (!t) {
                if (rc == SL_OK)
                    sl_doc_free(&d);
                sl_item_free(it);
                continue;
            }
            t->seen++;
            if (strcmp(t->want, "skipped") == 0) {
                CU_ASSERT_EQUAL(rc, SL_EMISSING);
                if (rc == SL_OK)
                    sl_doc_free(&d);
                skipped += rc == SL_EMISSING;
                sl_item_free(it);
                continue;
            }
            CU_ASSERT_EQUAL_FATAL(rc, SL_OK);
            docs++;
            /* units: each expected bead, right when present and clean */
            char got[1024], want[1024], v[512];
            notation(&d, got, sizeof got);
            if (strcmp(got, t->want) != 0)
                printf("\n  %s\n    want %s\n    got  %s", t->name, t->want, got);
            CU_ASSERT_STRING_EQUAL(got, t->want);
            snprintf(want, sizeof want, "%s", t->want);
            for (char *tok = strtok(want, " "); tok; tok = strtok(NULL, " ")) {
                units_want++;
                /* the same bead among the units, with clean texts */
                size_t u = 0, o = 0;
                for (; u < d.nunits; u++) {
                    if (d.units[u].kind != SL_UNIT_SENTENCE)
                        continue;
                    char one[64];
                    sl_doc single = d;
                    single.units = &d.units[u];
                    single.nunits = 1;
                    notation(&single, one, sizeof one);
                    if (strcmp(one, tok) == 0)
                        break;
                    o++;
                }
                int clean = u < d.nunits && !leaks(d.units[u].src, &d.rec) &&
                            !leaks(d.units[u].tgt, &d.rec);
                if (u < d.nunits && !clean)
                    printf("\n  %s: metadata or a wrapper in a unit: %s | %s", t->name,
                           d.units[u].src ? d.units[u].src : "", d.units[u].tgt ? d.units[u].tgt : "");
                units_right += clean;
                CU_ASSERT(clean);
            }
            /* metadata */
            static const char *const keys[] = { "author", "place", "faculty", "year", "format",
                                                "collection", "url", NULL };
            const char *const vals[] = { d.rec.author, d.rec.place, d.rec.faculty, d.rec.year,
                                         d.rec.format, d.rec.collection, d.rec.url };
            for (int k = 0; keys[k]; k++) {
                if (!meta_value(t->meta, keys[k], v, sizeof v)[0])
                    continue;
                const char *is = vals[k] ? vals[k] : "none";
                if (strcmp(is, v) != 0)
                    printf("\n  %s: %s is '%s', not '%s'", t->name, keys[k], is, v);
                CU_ASSERT_STRING_EQUAL(is, v);
            }
            /* the first words of each abstract, and the title and keyword units */
            const sl_unit *first = NULL, *title = NULL, *kw = NULL;
            for (size_t u = 0; u < d.nunits; u++) {
                if (d.units[u].kind == SL_UNIT_SENTENCE && !first && d.units[u].src && d.units[u].tgt)
                    first = &d.units[u];
                if (d.units[u].kind == SL_UNIT_TITLE)
                    title = &d.units[u];
                if (d.units[u].kind == SL_UNIT_KEYWORDS)
                    kw = &d.units[u];
            }
            CU_ASSERT_PTR_NOT_NULL_FATAL(first);
            meta_value(t->meta, "id", v, sizeof v);
            CU_ASSERT_EQUAL(strncmp(first->src, v, strlen(v)), 0);
            meta_value(t->meta, "en", v, sizeof v);
            CU_ASSERT_EQUAL(strncmp(first->tgt, v, strlen(v)), 0);
            if (meta_value(t->meta, "title", v, sizeof v)[0]) {
                units_want++;
                units_right += title && strcmp(title->src, v) == 0 && title->tgt;
                CU_ASSERT(title && strcmp(title->src, v) == 0);
            } else {
                CU_ASSERT_PTR_NULL(title);
            }
            if (meta_value(t->meta, "keywords", v, sizeof v)[0]) {
                units_want++;
                units_right += kw && strncmp(kw->src, v, strlen(v)) == 0;
                CU_ASSERT(kw && strncmp(kw->src, v, strlen(v)) == 0);
            }
            sl_doc_free(&d);
            sl_item_free(it);
        }
    }
    sl_input_close(in);
    for (size_t k = 0; k < nt; k++) {
        if (truth[k].seen != 1)
            printf("\n  %s: read %d times", truth[k].name, truth[k].seen);
        CU_ASSERT_EQUAL(truth[k].seen, 1);
    }
    printf("\n  catalogue layouts: %zu of %zu units right in %zu documents; %zu records "
           "without both abstracts skipped",
           units_right, units_want, docs, skipped);
    CU_ASSERT_EQUAL(units_right, units_want);
}

int test_pipeline_register(void)
{
    CU_pSuite s = CU_add_suite("pipeline", init, clean);
    if (!s || !CU_add_test(s, "sample records", test_samples) ||
        !CU_add_test(s, "seed record", test_seed) || !CU_add_test(s, "text pair", test_pair) ||
        !CU_add_test(s, "headings and labels anchor", test_anchors) ||
        !CU_add_test(s, "verbatim text, the same alignment", test_verbatim) ||
        !CU_add_test(s, "a record with one abstract", test_one_abstract) ||
        !CU_add_test(s, "catalogue layouts", test_catalogue))
        return -1;
    return 0;
}
