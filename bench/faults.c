/* faults.c — seeded faults for `selaras check`, and their scoring.
 *
 *   selaras-faults gen [-s SEED] [-d ALIGN_DIR] [-S SAMPLES_DIR] [-r RECORD]... OUTDIR
 *   selaras-faults score OUTDIR
 *
 * gen takes clean documents, each a list of sentence pairs that translate
 * one another one to one:
 *   - the documents of ALIGN_DIR/pud with three sentences or more, and those
 *     of ALIGN_DIR/panl-dev and ALIGN_DIR/ted-dev whose gold beads are all
 *     1-1 (the gold sets of ../shared/data/align);
 *   - the records of SAMPLES_DIR and each RECORD that selaras itself splits
 *     and aligns one to one with as many sentences on each side (of the
 *     bundled samples: 001, 003, 005, 007, 009, 010, as samples/README.md
 *     says);
 * and writes, one fault in each faulted document (OUTDIR/NAME.jsonl, one
 * batch per kind, sentences as arrays, as `check` reads with --presplit):
 *   del-en        an English sentence deleted: its Indonesian sentence is
 *                 `missing`
 *   del-id        an Indonesian sentence deleted: its English one is `added`
 *   add           an English sentence of another document inserted: `added`
 *   untranslated  an English sentence replaced by its Indonesian original:
 *                 `untranslated`
 *   number        a number of an English sentence changed (12 -> 21, 75.5 ->
 *                 57.5), one its Indonesian sentence has too: `number`
 * and, as catalogue records (OUTDIR/keywords/, OUTDIR/abstract/: the sample
 * records, the RECORDs, and a record written for each clean gold document
 * with keyword lines composed from its frequent content words):
 *   keywords      one English keyword replaced by an unrelated word:
 *                 `keywords`, naming that word
 *   abstract      an abstract removed (five ways, see abstract_ways):
 *                 `abstract`
 * Two faults per clean document and kind where it has the places for them
 * (three numbers; records: every keyword and every way for a given record,
 * one of each for a written one). OUTDIR/
 * faults.key says what each faulted document must be reported with: batch,
 * document, kind, side and 1-based sentence number, the word to name, and
 * what was done.
 *
 * It also writes OUTDIR/gold.jsonl, every document of panl-dev and ted-dev
 * as it is, and OUTDIR/gold.key, each sentence's gold status (deleted: a
 * bead with an empty side; aligned otherwise).
 *
 * score reads `selaras check --json` of each batch from OUTDIR/BATCH.out
 * (gold.out for gold.jsonl, and clean*.out for clean documents) and writes
 * OUTDIR/figures.tsv and OUTDIR/misses.txt, and prints a table:
 * per kind seeded, found and recall; the clean documents with an error; on
 * panl-dev and ted-dev the gold deletions reported as missing or added text,
 * and the missing/added findings on sentences the gold aligns.
 *
 * Deterministic: each document's faults come from a generator seeded with
 * SEED, the kind and the document's name. Not part of selaras itself. */
#define _POSIX_C_SOURCE 200809L
#include "selaras/features.h"
#include "selaras/lexicon.h"
#include "selaras/pipeline.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ---- small helpers ----------------------------------------------------- */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("faults: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

typedef struct {
    char *s;
    size_t n, cap;
} buf_t;

static void bput(buf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void bputs(buf_t *b, const char *s) { bput(b, s, strlen(s)); }

static void bprintf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(buf_t *b, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    bput(b, tmp, n < 0 ? 0 : (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

typedef struct {
    char **v;
    size_t n, cap;
} strs;

static void push(strs *a, char *s)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 16;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = s;
}

static void strs_free(strs *a)
{
    for (size_t k = 0; k < a->n; k++)
        free(a->v[k]);
    free(a->v);
    memset(a, 0, sizeof *a);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf_t b = { 0 };
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        bput(&b, tmp, n);
    fclose(f);
    if (!b.s)
        bput(&b, "", 0);
    if (len)
        *len = b.n;
    return b.s;
}

/* The lines of a file, without their ends; NULL when it cannot be read. */
static int read_lines(const char *path, strs *out)
{
    size_t len;
    char *t = slurp(path, &len);
    if (!t)
        return -1;
    for (char *p = t; *p;) {
        char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t m = n;
        if (m && p[m - 1] == '\r')
            m--;
        push(out, xstrndup(p, m));
        p += n + (e != NULL);
    }
    free(t);
    return 0;
}

/* Cuts t at tabs into at most max fields; returns how many. */
static int fields(char *t, char **f, int max)
{
    int n = 0;
    while (n < max) {
        f[n++] = t;
        char *tab = strchr(t, '\t');
        if (!tab)
            break;
        *tab = '\0';
        t = tab + 1;
    }
    return n;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* splitmix64: a generator per document and kind. */
typedef struct {
    uint64_t s;
} rng_t;

static uint64_t rnext(rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static size_t rbelow(rng_t *r, size_t n) { return n ? (size_t)(rnext(r) % n) : 0; }

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static unsigned long long g_seed = 1;

static rng_t rng_for(const char *kind, const char *doc)
{
    rng_t r = { hash(kind) * 31 + hash(doc) + g_seed * 0x2545F4914F6CDD1DULL };
    rnext(&r);
    return r;
}

static size_t words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int a = !isspace((unsigned char)*s);
        n += a && !in;
        in = a;
    }
    return n;
}

/* A copy of s with tabs and line breaks as spaces (for the key). */
static char *flat(const char *s, size_t max)
{
    size_t n = strlen(s);
    char *d = xstrndup(s, n < max ? n : max);
    for (char *p = d; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return d;
}

/* ---- clean documents --------------------------------------------------- */

typedef struct {
    char *name; /* unique: set and document, e.g. "pud-n01001" */
    strs id, en; /* sentence k of id translates sentence k of en */
} doc_t;

typedef struct {
    doc_t *v;
    size_t n, cap;
} docs_t;

static doc_t *new_doc(docs_t *d, const char *name)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 64;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    doc_t *x = &d->v[d->n++];
    memset(x, 0, sizeof *x);
    x->name = xstrdup(name);
    return x;
}

static void drop_last(docs_t *d)
{
    doc_t *x = &d->v[--d->n];
    free(x->name);
    strs_free(&x->id);
    strs_free(&x->en);
}

/* Gold beads "[i,j]:[k]": the sizes of each side, 0 for an empty one. */
typedef struct {
    size_t i0, ni, j0, nj;
} bead_t;

static int parse_bead(const char *l, bead_t *b)
{
    size_t v[2][8], n[2] = { 0, 0 };
    const char *p = l;
    for (int s = 0; s < 2; s++) {
        while (*p == ' ')
            p++;
        if (*p++ != '[')
            return -1;
        while (*p && *p != ']') {
            char *e;
            unsigned long x = strtoul(p, &e, 10);
            if (e == p || n[s] >= 8)
                return -1;
            v[s][n[s]++] = x;
            p = e;
            while (*p == ',' || *p == ' ')
                p++;
        }
        if (*p++ != ']')
            return -1;
        if (s == 0 && *p++ != ':')
            return -1;
    }
    b->ni = n[0];
    b->nj = n[1];
    b->i0 = n[0] ? v[0][0] : 0;
    b->j0 = n[1] ? v[1][0] : 0;
    return 0;
}

/* panl-dev / ted-dev: every NNNN.src/.tgt/.gold; the documents whose beads
 * are all 1-1 go to clean, every one to the gold batch. */
static void load_numbered(const char *dir, const char *set, docs_t *clean, FILE *gj, FILE *gk)
{
    size_t nclean = 0, ndocs = 0;
    for (int k = 0; k < 10000; k++) {
        char s[1200], t[1200], g[1200], name[64];
        snprintf(s, sizeof s, "%s/%04d.src", dir, k);
        snprintf(t, sizeof t, "%s/%04d.tgt", dir, k);
        snprintf(g, sizeof g, "%s/%04d.gold", dir, k);
        snprintf(name, sizeof name, "%s-%04d", set, k);
        strs a = { 0 }, b = { 0 }, gl = { 0 };
        if (read_lines(s, &a) || read_lines(t, &b) || read_lines(g, &gl)) {
            strs_free(&a);
            strs_free(&b);
            strs_free(&gl);
            break;
        }
        ndocs++;
        /* the gold batch: every document, each sentence's status */
        fprintf(gj, "{\"doc\":\"%s\",\"id\":[", name);
        for (int side = 0; side < 2; side++) {
            strs *x = side ? &b : &a;
            if (side)
                fputs("],\"en\":[", gj);
            for (size_t i = 0; i < x->n; i++) {
                fputs(i ? ",\"" : "\"", gj);
                for (const char *p = x->v[i]; *p; p++) {
                    unsigned char c = (unsigned char)*p;
                    if (c == '"' || c == '\\')
                        fprintf(gj, "\\%c", c);
                    else if (c < 0x20)
                        fprintf(gj, "\\u%04x", c);
                    else
                        fputc(c, gj);
                }
                fputc('"', gj);
            }
        }
        fputs("]}\n", gj);
        int all11 = 1;
        for (size_t l = 0; l < gl.n; l++) {
            bead_t bd;
            if (!gl.v[l][0])
                continue;
            if (parse_bead(gl.v[l], &bd))
                die("%s:%zu: not a bead", g, l + 1);
            int del = !bd.ni || !bd.nj;
            for (size_t i = 0; i < bd.ni; i++)
                fprintf(gk, "%s\t%s\tid\t%zu\t%s\n", set, name, bd.i0 + i + 1,
                        del ? "deleted" : "aligned");
            for (size_t j = 0; j < bd.nj; j++)
                fprintf(gk, "%s\t%s\ten\t%zu\t%s\n", set, name, bd.j0 + j + 1,
                        del ? "deleted" : "aligned");
            if (bd.ni != 1 || bd.nj != 1 || bd.i0 != bd.j0)
                all11 = 0;
        }
        if (all11 && a.n == b.n && a.n == gl.n && a.n >= 3) {
            doc_t *d = new_doc(clean, name);
            d->id = a;
            d->en = b;
            nclean++;
        } else {
            strs_free(&a);
            strs_free(&b);
        }
        strs_free(&gl);
    }
    fprintf(stderr, "faults: %s: %zu documents, %zu all 1-1 (clean)\n", set, ndocs, nclean);
}

static void load_pud(const char *dir, docs_t *clean)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/documents.tsv", dir);
    strs rows = { 0 };
    if (read_lines(path, &rows))
        return;
    size_t n = 0;
    for (size_t r = 0; r < rows.n; r++) {
        char *tab = strchr(rows.v[r], '\t');
        if (!tab || strncmp(rows.v[r], "doc_id", 6) == 0)
            continue;
        *tab = '\0';
        const char *doc = rows.v[r];
        char name[256], g[2048];
        snprintf(name, sizeof name, "pud-%s", doc);
        doc_t *d = new_doc(clean, name);
        snprintf(path, sizeof path, "%s/sent/%s.id", dir, doc);
        int bad = read_lines(path, &d->id);
        snprintf(path, sizeof path, "%s/sent/%s.en", dir, doc);
        bad |= read_lines(path, &d->en);
        strs gl = { 0 };
        snprintf(g, sizeof g, "%s/gold/%s.gold", dir, doc);
        bad |= read_lines(g, &gl);
        for (size_t l = 0; !bad && l < gl.n; l++) {
            bead_t bd;
            if (parse_bead(gl.v[l], &bd) || bd.ni != 1 || bd.nj != 1 || bd.i0 != bd.j0)
                bad = 1;
        }
        if (bad || gl.n != d->id.n || d->id.n != d->en.n || d->id.n < 3)
            drop_last(clean);
        else
            n++;
        strs_free(&gl);
    }
    strs_free(&rows);
    fprintf(stderr, "faults: pud: %zu documents of three sentences or more (clean)\n", n);
}

/* ---- records ----------------------------------------------------------- */

typedef struct {
    char *name, *text;
} rec_t;

typedef struct {
    rec_t *v;
    size_t n, cap;
} recs_t;

static void add_rec(recs_t *r, const char *name, char *text)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n].name = xstrdup(name);
    r->v[r->n++].text = text;
}

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A record read and aligned by selaras: a clean document when both sides
 * have as many sentences and every sentence unit is 1-1 in order. */
static void record_doc(const sl_pipe *p, const char *name, const char *text, docs_t *clean)
{
    sl_doc d;
    sl_error err;
    if (sl_pipe_record(p, NULL, name, text, strlen(text), &d, &err)) {
        fprintf(stderr, "faults: %s: %s (not used for sentence faults)\n", name, err.msg);
        return;
    }
    int ok = d.nsent[0] == d.nsent[1] && d.nsent[0] >= 3;
    for (size_t u = 0; ok && u < d.nunits; u++) {
        const sl_bead *b = &d.units[u].bead;
        if (d.units[u].kind == SL_UNIT_SENTENCE && (b->ni != 1 || b->nj != 1 || b->i0 != b->j0))
            ok = 0;
    }
    if (ok) {
        char nm[300];
        snprintf(nm, sizeof nm, "rec-%s", name);
        doc_t *x = new_doc(clean, nm);
        for (size_t i = 0; i < d.nsent[0]; i++) {
            push(&x->id, xstrdup(d.sent[0][i]));
            push(&x->en, xstrdup(d.sent[1][i]));
        }
    }
    fprintf(stderr, "faults: %s: %zu and %zu sentences, %s\n", name, d.nsent[0], d.nsent[1],
            ok ? "1-1 (clean)" : "not 1-1 (records only)");
    sl_doc_free(&d);
}

static void load_records(const sl_pipe *p, const char *path, recs_t *recs, docs_t *clean)
{
    strs files = { 0 };
    if (is_dir(path)) {
        DIR *dh = opendir(path);
        struct dirent *e;
        while (dh && (e = readdir(dh))) {
            size_t n = strlen(e->d_name);
            if (n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0 && strcmp(e->d_name, "README.md")) {
                buf_t b = { 0 };
                bprintf(&b, "%s/%s", path, e->d_name);
                push(&files, b.s);
            }
        }
        if (dh)
            closedir(dh);
        qsort(files.v, files.n, sizeof *files.v, cmpstr);
    } else {
        push(&files, xstrdup(path));
    }
    for (size_t k = 0; k < files.n; k++) {
        char *text = slurp(files.v[k], NULL);
        if (!text)
            die("%s: %s", files.v[k], strerror(errno));
        const char *base = strrchr(files.v[k], '/');
        base = base ? base + 1 : files.v[k];
        char name[256];
        snprintf(name, sizeof name, "%s", base);
        char *dot = strrchr(name, '.');
        if (dot && strcmp(dot, ".txt") == 0)
            *dot = '\0';
        record_doc(p, name, text, clean);
        add_rec(recs, name, text);
    }
    strs_free(&files);
}

/* A record's lines, each with its end ("\n", "\r\n" or none), so that a
 * record rewritten keeps its layout. */
typedef struct {
    strs line, end;
} lines_t;

static void split_lines(const char *t, lines_t *l)
{
    memset(l, 0, sizeof *l);
    for (const char *p = t; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t m = n && p[n - 1] == '\r' ? n - 1 : n;
        push(&l->line, xstrndup(p, m));
        push(&l->end, xstrdup(!e ? "" : m < n ? "\r\n" : "\n"));
        p += n + (e != NULL);
    }
}

static void free_lines(lines_t *l)
{
    strs_free(&l->line);
    strs_free(&l->end);
}

/* The line without markup remnants and spaces, lower-cased. */
static void bare(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        s += 3;
    while (*s && o + 1 < cap) {
        if (strncasecmp(s, "<br />", 6) == 0)
            s += 6;
        else if (strncasecmp(s, "<br>", 4) == 0)
            s += 4;
        else if (*s == '*' || isspace((unsigned char)*s))
            s++;
        else
            out[o++] = (char)tolower((unsigned char)*s++);
    }
    out[o] = '\0';
}

static int is_heading(const char *s)
{
    char b[64];
    bare(s, b, sizeof b);
    return strcmp(b, "abstrak") == 0 || strcmp(b, "abstract") == 0 || strcmp(b, "intisari") == 0 ||
           strcmp(b, "ringkasan") == 0 || (!b[0] && strchr(s, '*'));
}

static int is_keywords(const char *s, int *en)
{
    char b[64];
    bare(s, b, sizeof b);
    *en = strncmp(b, "keywords:", 9) == 0 || strncmp(b, "keyword:", 8) == 0 ||
          strncmp(b, "keywords", 8) == 0;
    return *en || strncmp(b, "katakunci", 9) == 0 || strncmp(b, "kata-katakunci", 14) == 0;
}

static int is_blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

/* The two abstract blocks of a record: the lines after the catalogue label
 * "Abstrak" up to the <hr /> line, and after it; which one is English (by
 * its heading, its keyword label, or its share of "the"). */
typedef struct {
    size_t label, hr, b0[2], b1[2]; /* block k: lines [b0, b1) */
    int en;                         /* the English block: 0 or 1 */
} blocks_t;

static int find_blocks(const lines_t *l, blocks_t *bl)
{
    size_t n = l->line.n, label = n, hr = n;
    for (size_t k = 0; k < n; k++) {
        char b[64];
        bare(l->line.v[k], b, sizeof b);
        if (label == n && strcmp(b, "abstrak") == 0)
            label = k;
        else if (label < n && hr == n && strcmp(b, "<hr/>") == 0)
            hr = k;
    }
    if (label == n || hr == n)
        return -1;
    bl->label = label;
    bl->hr = hr;
    bl->b0[0] = label + 1;
    bl->b1[0] = hr;
    bl->b0[1] = hr + 1;
    bl->b1[1] = n;
    int score[2] = { 0, 0 };
    for (int s = 0; s < 2; s++)
        for (size_t k = bl->b0[s]; k < bl->b1[s]; k++) {
            const char *t = l->line.v[k];
            char b[64];
            bare(t, b, sizeof b);
            int en;
            if (strcmp(b, "abstract") == 0)
                score[s] += 100;
            if (is_keywords(t, &en) && en)
                score[s] += 100;
            for (const char *p = t; (p = strstr(p, " the ")); p++)
                score[s]++;
        }
    bl->en = score[1] >= score[0];
    return 0;
}

static char *join_lines(const lines_t *l, const char *keep)
{
    buf_t b = { 0 };
    bput(&b, "", 0);
    for (size_t k = 0; k < l->line.n; k++)
        if (keep[k]) {
            bputs(&b, l->line.v[k]);
            bputs(&b, l->end.v[k]);
        }
    return b.s;
}

/* The ways an abstract goes missing. */
static const char *const abstract_ways[] = {
    "English heading, text and keywords removed, and the rule before them",
    "English text removed, its heading and keywords left",
    "English heading, text and keywords removed, the rule left",
    "English heading and text removed, its keywords left",
    "Indonesian heading, text and keywords removed, and the rule",
};
#define NWAYS (sizeof abstract_ways / sizeof *abstract_ways)

static char *remove_abstract(const char *text, size_t way)
{
    lines_t l;
    split_lines(text, &l);
    blocks_t bl;
    if (find_blocks(&l, &bl)) {
        free_lines(&l);
        return NULL;
    }
    char *keep = xrealloc(NULL, l.line.n + 1);
    memset(keep, 1, l.line.n);
    int s = way == 4 ? !bl.en : bl.en;
    int removed = 0;
    for (size_t k = bl.b0[s]; k < bl.b1[s]; k++) {
        const char *t = l.line.v[k];
        int en, kw = is_keywords(t, &en), hd = is_heading(t);
        int drop = way == 1 ? !kw && !hd && !is_blank(t) : way == 3 ? !kw && !is_blank(t) : 1;
        if (drop && !is_blank(t))
            removed++;
        if (drop)
            keep[k] = 0;
    }
    if (way == 0 || way == 4)
        keep[bl.hr] = 0;
    char *out = removed ? join_lines(&l, keep) : NULL;
    free(keep);
    free_lines(&l);
    return out;
}

/* The keywords of an English keyword line: [b, e) byte spans after the
 * label. */
static size_t kw_items(const char *line, size_t *b, size_t *e, size_t max, char *sep)
{
    const char *c = strchr(line, ':');
    if (!c)
        return 0;
    const char *p = c + 1;
    *sep = strchr(p, ';') ? ';' : ',';
    size_t n = 0;
    while (*p && n < max) {
        const char *x = strchr(p, *sep), *end = x ? x : p + strlen(p);
        const char *a = p, *z = end;
        while (a < z && isspace((unsigned char)*a))
            a++;
        while (z > a && (isspace((unsigned char)z[-1]) || z[-1] == '.'))
            z--;
        if (z > a) {
            b[n] = (size_t)(a - line);
            e[n++] = (size_t)(z - line);
        }
        if (!x)
            break;
        p = x + 1;
    }
    return n;
}

/* Words no abstract keyword list of ours is about. */
static const char *const unrelated[] = {
    "saxophone", "marmalade", "lighthouse", "origami",   "penguin",  "trombone",
    "snowboard", "kangaroo",  "lullaby",    "tapestry",  "waffle",   "harpoon",
    "bagpipe",   "jellyfish", "accordion",  "trampoline", "croissant", "flamingo",
    "igloo",     "xylophone",
};
#define NUNREL (sizeof unrelated / sizeof *unrelated)

static const char *pick_unrelated(rng_t *r, const char *text)
{
    for (int tries = 0; tries < 64; tries++) {
        const char *w = unrelated[rbelow(r, NUNREL)];
        int seen = 0;
        for (const char *p = text; *p && !seen; p++)
            seen = strncasecmp(p, w, strlen(w)) == 0;
        if (!seen)
            return w;
    }
    return "saxophone";
}

/* The record with English keyword k replaced by w; NULL when it has no
 * English keyword line or fewer keywords. *old gets the keyword replaced. */
static char *swap_keyword(const char *text, size_t k, const char *w, char *old, size_t oldcap,
                          size_t *nkw)
{
    lines_t l;
    split_lines(text, &l);
    char *out = NULL;
    *nkw = 0;
    for (size_t i = 0; i < l.line.n && !out; i++) {
        int en;
        if (!is_keywords(l.line.v[i], &en) || !en)
            continue;
        size_t b[64], e[64];
        char sep;
        const char *line = l.line.v[i];
        *nkw = kw_items(line, b, e, 64, &sep);
        if (k >= *nkw)
            break;
        snprintf(old, oldcap, "%.*s", (int)(e[k] - b[k]), line + b[k]);
        buf_t nb = { 0 };
        bput(&nb, line, b[k]);
        bputs(&nb, w);
        bputs(&nb, line + e[k]);
        free(l.line.v[i]);
        l.line.v[i] = nb.s;
        char *keep = xrealloc(NULL, l.line.n + 1);
        memset(keep, 1, l.line.n);
        out = join_lines(&l, keep);
        free(keep);
    }
    free_lines(&l);
    return out;
}

/* ---- keywords of a gold document ---------------------------------------- */

typedef struct {
    char w[64];
    size_t count, first;
} word_t;

typedef struct {
    word_t *v;
    size_t n, cap, pos;
} wlist_t;

static int collect(void *ctx, const char *w, size_t wl, const char *stem, size_t sl)
{
    (void)stem;
    (void)sl;
    wlist_t *l = ctx;
    l->pos++;
    if (wl < 4 || wl >= 64)
        return 0;
    for (size_t k = 0; k < wl; k++)
        if (!isalpha((unsigned char)w[k]) && w[k] != '-')
            return 0;
    for (size_t k = 0; k < l->n; k++)
        if (strlen(l->v[k].w) == wl && memcmp(l->v[k].w, w, wl) == 0) {
            l->v[k].count++;
            return 0;
        }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    snprintf(l->v[l->n].w, sizeof l->v[l->n].w, "%.*s", (int)wl, w);
    l->v[l->n].count = 1;
    l->v[l->n++].first = l->pos;
    return 0;
}

static int by_count(const void *a, const void *b)
{
    const word_t *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Up to max keyword pairs of a document: its most frequent Indonesian
 * content words, each with the most frequent English content word of the
 * document that selaras's lexicon, a shared name or a cognate pairs with it
 * (the pairing check itself uses). */
static size_t compose_keywords(const sl_featcfg *cfg, sl_vocab *voc, const doc_t *d,
                               char kw[][2][64], size_t max)
{
    wlist_t l[2] = { { 0 }, { 0 } };
    for (int s = 0; s < 2; s++) {
        const strs *x = s ? &d->en : &d->id;
        for (size_t i = 0; i < x->n; i++)
            if (sl_feat_words(voc, s, x->v[i], strlen(x->v[i]), collect, &l[s]) < 0)
                die("out of memory");
        qsort(l[s].v, l[s].n, sizeof *l[s].v, by_count);
    }
    size_t n = 0;
    if (l[0].n && l[1].n) {
        sl_span *sp[2];
        for (int s = 0; s < 2; s++) {
            sp[s] = xrealloc(NULL, l[s].n * sizeof *sp[s]);
            for (size_t k = 0; k < l[s].n; k++)
                sp[s][k] = (sl_span){ l[s].v[k].w, strlen(l[s].v[k].w) };
        }
        sl_docfeat f;
        sl_error err;
        if (sl_feat_extract(cfg, voc, sp[0], l[0].n, sp[1], l[1].n, &f, &err))
            die("features: %s", err.msg);
        char *taken = xrealloc(NULL, l[1].n);
        memset(taken, 0, l[1].n);
        for (size_t i = 0; i < l[0].n && n < max; i++)
            for (size_t j = 0; j < l[1].n; j++)
                if (!taken[j] && sl_feat_matches(&f, i, 1, j, 1) > 0) {
                    taken[j] = 1;
                    snprintf(kw[n][0], 64, "%s", l[0].v[i].w);
                    snprintf(kw[n][1], 64, "%s", l[1].v[j].w);
                    n++;
                    break;
                }
        free(taken);
        sl_docfeat_free(&f);
        free(sp[0]);
        free(sp[1]);
    }
    free(l[0].v);
    free(l[1].v);
    return n;
}

/* A catalogue record of a gold document, in one of the layouts of the
 * samples: the Indonesian sentences as the ABSTRAK, the English ones as the
 * ABSTRACT, keyword lines of kw. */
static char *make_record(const doc_t *d, char kw[][2][64], size_t nkw)
{
    uint64_t h = hash(d->name);
    static const char *const head[][2] = {
        { "ABSTRAK", "ABSTRACT" }, { "**ABSTRAK\n**", "**ABSTRACT\n**" },
        { "Abstrak", "Abstract" }, { "INTISARI", "ABSTRACT" },
    };
    int style = (int)(h % 4), en_first = (h >> 8) % 5 == 0;
    buf_t b = { 0 };
    bprintf(&b, "\n\nDokumen %s = Document %s / Penulis Contoh\n\nPenulis Contoh, author\n\n"
                "Deskripsi Lengkap: <https://lib.ui.ac.id/detail?id=%08llu&lokasi=lokal>\n\n"
                "Abstrak\n\n",
            d->name, d->name, (unsigned long long)(h % 100000000ULL));
    for (int k = 0; k < 2; k++) {
        int s = k ^ en_first;
        const strs *x = s ? &d->en : &d->id;
        if (k)
            bputs(&b, "<hr />\n\n");
        bprintf(&b, "%s\n\n", head[style][s]);
        for (size_t i = 0; i < x->n; i++) {
            if (i)
                bputs(&b, " ");
            bputs(&b, x->v[i]);
        }
        bputs(&b, "\n\n");
        if (nkw) {
            bputs(&b, s ? "Keywords: " : "Kata kunci: ");
            for (size_t i = 0; i < nkw; i++)
                bprintf(&b, "%s%s", i ? "; " : "", kw[i][s]);
            bputs(&b, "\n\n");
        }
    }
    return b.s;
}

/* ---- writing faults ------------------------------------------------------ */

static FILE *g_key;

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void write_doc(FILE *f, const char *name, char *const *id, size_t ni, char *const *en,
                      size_t ne)
{
    fputs("{\"doc\":", f);
    json_str(f, name);
    fputs(",\"id\":[", f);
    for (size_t i = 0; i < ni; i++) {
        if (i)
            fputc(',', f);
        json_str(f, id[i]);
    }
    fputs("],\"en\":[", f);
    for (size_t j = 0; j < ne; j++) {
        if (j)
            fputc(',', f);
        json_str(f, en[j]);
    }
    fputs("]}\n", f);
}

static void key(const char *batch, const char *doc, const char *kind, const char *side, size_t num,
                const char *word, const char *what)
{
    char *w = flat(what, 300);
    fprintf(g_key, "%s\t%s\t%s\t%s\t%zu\t%s\t%s\n", batch, doc, kind, side, num,
            word ? word : "-", w);
    free(w);
}

/* Up to want distinct places among n, in random order. */
static size_t places(rng_t *r, size_t n, size_t want, size_t *out)
{
    size_t *v = xrealloc(NULL, (n ? n : 1) * sizeof *v);
    for (size_t k = 0; k < n; k++)
        v[k] = k;
    for (size_t k = n; k > 1; k--) {
        size_t j = rbelow(r, k);
        size_t t = v[k - 1];
        v[k - 1] = v[j];
        v[j] = t;
    }
    size_t m = n < want ? n : want;
    memcpy(out, v, m * sizeof *out);
    free(v);
    return m;
}

#define PER_DOC 2 /* faults of each kind per clean document */
#define PER_DOC_NUMBER 3 /* numbers: fewer documents have them */

static void gen_deletions(const docs_t *D, const char *outdir)
{
    for (int side = 0; side < 2; side++) {
        const char *batch = side ? "del-en" : "del-id";
        char path[1200];
        snprintf(path, sizeof path, "%s/%s.jsonl", outdir, batch);
        FILE *f = fopen(path, "w");
        if (!f)
            die("%s: %s", path, strerror(errno));
        for (size_t k = 0; k < D->n; k++) {
            const doc_t *d = &D->v[k];
            rng_t r = rng_for(batch, d->name);
            size_t at[PER_DOC], m = places(&r, d->id.n, PER_DOC, at);
            for (size_t v = 0; v < m; v++) {
                size_t i = at[v];
                char name[300];
                snprintf(name, sizeof name, "%s~%s%zu", d->name, side ? "e" : "i", i + 1);
                const strs *x = side ? &d->en : &d->id;
                char **rest = xrealloc(NULL, x->n * sizeof *rest);
                size_t nr = 0;
                for (size_t j = 0; j < x->n; j++)
                    if (j != i)
                        rest[nr++] = x->v[j];
                if (side)
                    write_doc(f, name, d->id.v, d->id.n, rest, nr);
                else
                    write_doc(f, name, rest, nr, d->en.v, d->en.n);
                free(rest);
                char what[600];
                snprintf(what, sizeof what, "%s sentence %zu deleted: %s",
                         side ? "English" : "Indonesian", i + 1, x->v[i]);
                /* English deleted: its Indonesian sentence i is missing;
                 * Indonesian deleted: English sentence i is added */
                key(batch, name, side ? "missing" : "added", side ? "id" : "en", i + 1, NULL, what);
            }
        }
        fclose(f);
    }
}

static void gen_added(const docs_t *D, const char *outdir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/add.jsonl", outdir);
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    for (size_t k = 0; k < D->n; k++) {
        const doc_t *d = &D->v[k];
        rng_t r = rng_for("add", d->name);
        size_t at[PER_DOC], m = places(&r, d->en.n + 1, PER_DOC, at);
        for (size_t v = 0; v < m; v++) {
            size_t p = at[v];
            /* a sentence of another document, of four words or more */
            const char *s = NULL;
            for (int tries = 0; tries < 100 && !s; tries++) {
                size_t o = rbelow(&r, D->n);
                if (o == k)
                    continue;
                const doc_t *od = &D->v[o];
                const char *c = od->en.v[rbelow(&r, od->en.n)];
                if (words(c) >= 4)
                    s = c;
            }
            if (!s)
                continue;
            char *ins = xstrdup(s);
            char **en = xrealloc(NULL, (d->en.n + 1) * sizeof *en);
            for (size_t j = 0, o = 0; j <= d->en.n; j++)
                en[j] = j == p ? ins : d->en.v[o++];
            char name[300];
            snprintf(name, sizeof name, "%s~a%zu", d->name, p + 1);
            write_doc(f, name, d->id.v, d->id.n, en, d->en.n + 1);
            free(en);
            free(ins);
            char what[600];
            snprintf(what, sizeof what, "inserted as English sentence %zu: %s", p + 1, s);
            key("add", name, "added", "en", p + 1, NULL, what);
        }
    }
    fclose(f);
}

static void gen_untranslated(const docs_t *D, const char *outdir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/untranslated.jsonl", outdir);
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    for (size_t k = 0; k < D->n; k++) {
        const doc_t *d = &D->v[k];
        rng_t r = rng_for("untranslated", d->name);
        size_t at[PER_DOC + 8], m = places(&r, d->en.n, PER_DOC + 8, at), made = 0;
        for (size_t v = 0; v < m && made < PER_DOC; v++) {
            size_t j = at[v];
            if (strcmp(d->id.v[j], d->en.v[j]) == 0)
                continue; /* the same text already */
            char **en = xrealloc(NULL, d->en.n * sizeof *en);
            memcpy(en, d->en.v, d->en.n * sizeof *en);
            en[j] = d->id.v[j];
            char name[300];
            snprintf(name, sizeof name, "%s~u%zu", d->name, j + 1);
            write_doc(f, name, d->id.v, d->id.n, en, d->en.n);
            free(en);
            char what[600];
            snprintf(what, sizeof what, "English sentence %zu left in Indonesian: %s", j + 1,
                     d->id.v[j]);
            key("untranslated", name, "untranslated", "en", j + 1, NULL, what);
            made++;
        }
    }
    fclose(f);
}

/* Numbers written with digits: [b, e) spans of digits with "." or ","
 * between digits. With strict, only numbers standing alone: not glued to
 * letters (PM2.5, H2O, 1990s) nor part of a time (7:00). */
typedef struct {
    size_t b, e;
    char digits[48];
} numspan_t;

static size_t find_numbers(const char *s, numspan_t *v, size_t max, int strict)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len && n < max;) {
        if (!isdigit((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < len && (isdigit((unsigned char)s[i]) ||
                           ((s[i] == '.' || s[i] == ',') && i + 1 < len &&
                            isdigit((unsigned char)s[i + 1]))))
            i++;
        if (strict && ((b && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == ':')) ||
                       isalpha((unsigned char)s[i]) || s[i] == ':' ||
                       (s[i] == '-' && isalnum((unsigned char)s[i + 1]))))
            continue;
        numspan_t *x = &v[n];
        size_t o = 0;
        for (size_t k = b; k < i && o + 1 < sizeof x->digits; k++)
            if (isdigit((unsigned char)s[k]))
                x->digits[o++] = s[k];
        x->digits[o] = '\0';
        x->b = b;
        x->e = i;
        n++;
    }
    return n;
}

static int among(const char *digits, const numspan_t *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(v[k].digits, digits) == 0)
            return 1;
    return 0;
}

/* The number changed: the first two adjacent digits that differ swapped
 * (12 -> 21, 75.5 -> 57.5, 2020 -> 2200), else the last digit moved on
 * (100 -> 101); never a leading zero, never a number the Indonesian has. */
static int change_number(const char *num, size_t len, const numspan_t *idn, size_t nid, char *out,
                         size_t cap)
{
    if (len + 1 > cap)
        return -1;
    size_t pos[48], m = 0;
    for (size_t k = 0; k < len && m < 48; k++)
        if (isdigit((unsigned char)num[k]))
            pos[m++] = k;
    for (int attempt = 0; attempt < 20; attempt++) {
        memcpy(out, num, len);
        out[len] = '\0';
        if (attempt < (int)m - 1) {
            size_t a = pos[attempt], b = pos[attempt + 1];
            if (out[a] == out[b] || (attempt == 0 && out[b] == '0'))
                continue;
            char t = out[a];
            out[a] = out[b];
            out[b] = t;
        } else {
            int step = attempt - (int)(m ? m - 1 : 0) + 1;
            if (step > 9)
                break;
            size_t last = pos[m - 1];
            out[last] = (char)('0' + (out[last] - '0' + step) % 10);
            if (m == 1 && out[last] == '0' && len == 1)
                continue;
        }
        char d[48];
        size_t o = 0;
        for (size_t k = 0; k < len && o + 1 < sizeof d; k++)
            if (isdigit((unsigned char)out[k]))
                d[o++] = out[k];
        d[o] = '\0';
        if (strncmp(out, num, len) != 0 && !among(d, idn, nid))
            return 0;
    }
    return -1;
}

static void gen_numbers(const docs_t *D, const char *outdir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/number.jsonl", outdir);
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    for (size_t k = 0; k < D->n; k++) {
        const doc_t *d = &D->v[k];
        rng_t r = rng_for("number", d->name);
        /* the places: an English number standing alone whose digits the
         * Indonesian sentence has too, one per sentence */
        size_t cand[512], nc = 0;
        for (size_t j = 0; j < d->en.n; j++) {
            numspan_t en[64], id[64];
            size_t ne = find_numbers(d->en.v[j], en, 64, 1);
            size_t ni = find_numbers(d->id.v[j], id, 64, 0);
            for (size_t x = 0; x < ne && nc < 512; x++)
                if (among(en[x].digits, id, ni))
                    cand[nc++] = j * 64 + x;
        }
        size_t at[PER_DOC_NUMBER + 30], m = places(&r, nc, PER_DOC_NUMBER + 30, at), made = 0;
        size_t used[PER_DOC_NUMBER];
        for (size_t v = 0; v < m && made < PER_DOC_NUMBER; v++) {
            size_t j = cand[at[v]] / 64, x = cand[at[v]] % 64;
            int dup = 0;
            for (size_t u = 0; u < made; u++)
                dup |= used[u] == j;
            if (dup)
                continue;
            numspan_t en[64], id[64];
            find_numbers(d->en.v[j], en, 64, 1);
            size_t ni = find_numbers(d->id.v[j], id, 64, 0);
            const char *s = d->en.v[j];
            char changed[64];
            if (change_number(s + en[x].b, en[x].e - en[x].b, id, ni, changed, sizeof changed))
                continue;
            buf_t nb = { 0 };
            bput(&nb, s, en[x].b);
            bputs(&nb, changed);
            bputs(&nb, s + en[x].e);
            char **es = xrealloc(NULL, d->en.n * sizeof *es);
            memcpy(es, d->en.v, d->en.n * sizeof *es);
            es[j] = nb.s;
            char name[300];
            snprintf(name, sizeof name, "%s~n%zu", d->name, j + 1);
            write_doc(f, name, d->id.v, d->id.n, es, d->en.n);
            free(es);
            char what[800], both[160];
            snprintf(what, sizeof what, "English sentence %zu: %.*s -> %s: %s", j + 1,
                     (int)(en[x].e - en[x].b), s + en[x].b, changed, nb.s);
            snprintf(both, sizeof both, "%.*s>%s", (int)(en[x].e - en[x].b), s + en[x].b,
                     changed);
            key("number", name, "number", "en", j + 1, both, what);
            free(nb.s);
            used[made++] = j;
        }
    }
    fclose(f);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    fputs(text, f);
    fclose(f);
}

/* Keyword swaps and missing abstracts on records: every keyword and every
 * way of each given record (samples, the seed); one of each on the record
 * written for each clean gold document. */
static void gen_records(const recs_t *R, const docs_t *D, const sl_featcfg *cfg,
                        const char *outdir)
{
    char kdir[1100], adir[1100];
    snprintf(kdir, sizeof kdir, "%s/keywords", outdir);
    snprintf(adir, sizeof adir, "%s/abstract", outdir);
    mkdir(kdir, 0777);
    mkdir(adir, 0777);
    recs_t all = { 0 };
    size_t given = R->n;
    for (size_t k = 0; k < R->n; k++)
        add_rec(&all, R->v[k].name, xstrdup(R->v[k].text));
    sl_error err;
    sl_vocab *voc = sl_vocab_new(cfg, &err);
    if (!voc)
        die("out of memory");
    size_t nkwdocs = 0;
    for (size_t k = 0; k < D->n; k++) {
        const doc_t *d = &D->v[k];
        if (strncmp(d->name, "rec-", 4) == 0)
            continue; /* a record already */
        char kw[4][2][64];
        size_t nkw = compose_keywords(cfg, voc, d, kw, 4);
        if (nkw < 3)
            nkw = 0; /* no keyword lines */
        else
            nkwdocs++;
        add_rec(&all, d->name, make_record(d, kw, nkw));
    }
    sl_vocab_free(voc);
    fprintf(stderr, "faults: %zu records written for gold documents, %zu with keyword lines\n",
            all.n - given, nkwdocs);
    for (size_t k = 0; k < all.n; k++) {
        const rec_t *rc = &all.v[k];
        rng_t r = rng_for("keywords", rc->name);
        char old[256], name[300];
        size_t nkw;
        /* keywords: every one of a given record, one of the others */
        char *probe = swap_keyword(rc->text, 0, "x", old, sizeof old, &nkw);
        free(probe);
        size_t first = k < given ? 0 : rbelow(&r, nkw), last = k < given ? nkw : first + 1;
        for (size_t i = first; i < last && nkw; i++) {
            const char *w = pick_unrelated(&r, rc->text);
            char *t = swap_keyword(rc->text, i, w, old, sizeof old, &nkw);
            if (!t)
                continue;
            snprintf(name, sizeof name, "%s~k%zu", rc->name, i + 1);
            write_file(kdir, name, t);
            free(t);
            char what[600];
            snprintf(what, sizeof what, "English keyword %zu \"%s\" replaced by \"%s\"", i + 1,
                     old, w);
            key("keywords", name, "keywords", "-", 0, w, what);
        }
        /* abstracts: every way for a given record, one for the others */
        rng_t ra = rng_for("abstract", rc->name);
        size_t w0 = k < given ? 0 : rbelow(&ra, NWAYS), w1 = k < given ? NWAYS : w0 + 1;
        for (size_t w = w0; w < w1; w++) {
            char *t = remove_abstract(rc->text, w);
            if (!t)
                continue;
            snprintf(name, sizeof name, "%s~m%zu", rc->name, w + 1);
            write_file(adir, name, t);
            free(t);
            key("abstract", name, "abstract", "-", 0, NULL, abstract_ways[w]);
        }
    }
    for (size_t k = 0; k < all.n; k++) {
        free(all.v[k].name);
        free(all.v[k].text);
    }
    free(all.v);
}

static int gen(int argc, char **argv)
{
    const char *align = NULL, *outdir = NULL;
    strs recpaths = { 0 };
    for (int a = 2; a < argc; a++) {
        if (strcmp(argv[a], "-s") == 0 && a + 1 < argc)
            g_seed = strtoull(argv[++a], NULL, 10);
        else if (strcmp(argv[a], "-d") == 0 && a + 1 < argc)
            align = argv[++a];
        else if ((strcmp(argv[a], "-S") == 0 || strcmp(argv[a], "-r") == 0) && a + 1 < argc)
            push(&recpaths, xstrdup(argv[++a]));
        else if (argv[a][0] == '-' || outdir)
            die("usage: faults gen [-s SEED] [-d ALIGN_DIR] [-S SAMPLES_DIR] [-r RECORD]... OUTDIR");
        else
            outdir = argv[a];
    }
    if (!outdir)
        die("usage: faults gen [-s SEED] [-d ALIGN_DIR] [-S SAMPLES_DIR] [-r RECORD]... OUTDIR");
    mkdir(outdir, 0777);
    if (!is_dir(outdir))
        die("%s: not a directory", outdir);
    char path[1200];
    snprintf(path, sizeof path, "%s/faults.key", outdir);
    if (!(g_key = fopen(path, "w")))
        die("%s: %s", path, strerror(errno));
    fputs("# batch\tdoc\tkind\tside\tsentence\tword\twhat was done\n", g_key);

    sl_error err;
    int missing;
    sl_lexicon *lex = sl_lexicon_load_default(NULL, "id", "en", &missing, &err);
    if (!lex)
        die("lexicon: %s", err.msg);
    sl_pipe_opts po;
    memset(&po, 0, sizeof po);
    sl_align_opts_default(&po.align);
    po.keep_sentences = 1;
    sl_pipe *p = sl_pipe_new(&po, lex, &err);
    sl_featcfg *cfg = p ? sl_featcfg_new("id", "en", lex, &err) : NULL;
    if (!cfg)
        die("%s", err.msg);

    docs_t D = { 0 };
    recs_t R = { 0 };
    snprintf(path, sizeof path, "%s/gold.jsonl", outdir);
    FILE *gj = fopen(path, "w");
    snprintf(path, sizeof path, "%s/gold.key", outdir);
    FILE *gk = fopen(path, "w");
    if (!gj || !gk)
        die("%s: %s", path, strerror(errno));
    if (align) {
        snprintf(path, sizeof path, "%s/pud", align);
        load_pud(path, &D);
        snprintf(path, sizeof path, "%s/panl-dev", align);
        load_numbered(path, "panl-dev", &D, gj, gk);
        snprintf(path, sizeof path, "%s/ted-dev", align);
        load_numbered(path, "ted-dev", &D, gj, gk);
    }
    fclose(gj);
    fclose(gk);
    for (size_t k = 0; k < recpaths.n; k++)
        load_records(p, recpaths.v[k], &R, &D);
    fprintf(stderr, "faults: %zu clean documents, %zu records\n", D.n, R.n);

    gen_deletions(&D, outdir);
    gen_added(&D, outdir);
    gen_untranslated(&D, outdir);
    gen_numbers(&D, outdir);
    gen_records(&R, &D, cfg, outdir);
    fclose(g_key);

    for (size_t k = 0; k < D.n; k++) {
        free(D.v[k].name);
        strs_free(&D.v[k].id);
        strs_free(&D.v[k].en);
    }
    free(D.v);
    for (size_t k = 0; k < R.n; k++) {
        free(R.v[k].name);
        free(R.v[k].text);
    }
    free(R.v);
    strs_free(&recpaths);
    sl_featcfg_free(cfg);
    sl_pipe_free(p);
    sl_lexicon_free(lex);
    return 0;
}

/* ---- scoring ------------------------------------------------------------ */

typedef struct {
    char *doc, *kind, *en_text, *message;
    int severity; /* 0 info, 1 warning, 2 error */
    size_t id[4], nid, en[4], nen;
} finding_t;

typedef struct {
    finding_t *v;
    size_t n, cap;
    strs docs;           /* documents with a summary */
    strs error_docs;     /* documents whose verdict is errors */
} report_t;

static char *jstr(json_t *o, const char *k)
{
    json_t *x = json_object_get(o, k);
    return json_is_string(x) ? xstrdup(json_string_value(x)) : NULL;
}

/* Reads the JSON Lines of `selaras check --json`; 0 when path is absent. */
static int read_report(const char *path, report_t *r)
{
    memset(r, 0, sizeof *r);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long ln = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        ln++;
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!o)
            die("%s:%ld: %s", path, ln, je.text);
        char *doc = jstr(o, "doc"), *kind = jstr(o, "kind");
        if (!doc || !kind)
            die("%s:%ld: no doc or kind", path, ln);
        if (strcmp(kind, "summary") == 0) {
            json_t *e = json_object_get(o, "errors");
            if (json_integer_value(e) > 0)
                push(&r->error_docs, xstrdup(doc));
            push(&r->docs, doc);
            free(kind);
        } else {
            if (r->n == r->cap) {
                r->cap = r->cap ? r->cap * 2 : 256;
                r->v = xrealloc(r->v, r->cap * sizeof *r->v);
            }
            finding_t *x = &r->v[r->n++];
            memset(x, 0, sizeof *x);
            x->doc = doc;
            x->kind = kind;
            x->en_text = jstr(o, "en_text");
            x->message = jstr(o, "message");
            char *sev = jstr(o, "severity");
            x->severity = !sev ? 0 : strcmp(sev, "error") == 0 ? 2 : strcmp(sev, "warning") == 0;
            free(sev);
            json_t *a;
            size_t i;
            json_t *v;
            a = json_object_get(o, "id");
            json_array_foreach(a, i, v) if (x->nid < 4) x->id[x->nid++] = (size_t)json_integer_value(v);
            a = json_object_get(o, "en");
            json_array_foreach(a, i, v) if (x->nen < 4) x->en[x->nen++] = (size_t)json_integer_value(v);
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}

static void free_report(report_t *r)
{
    for (size_t k = 0; k < r->n; k++) {
        free(r->v[k].doc);
        free(r->v[k].kind);
        free(r->v[k].en_text);
        free(r->v[k].message);
    }
    free(r->v);
    strs_free(&r->docs);
    strs_free(&r->error_docs);
}

static int has_num(const size_t *v, size_t n, size_t x)
{
    for (size_t k = 0; k < n; k++)
        if (v[k] == x)
            return 1;
    return 0;
}

/* Does the message name the number n (not as part of a longer one)? */
static int names_number(const char *msg, const char *n)
{
    size_t len = strlen(n);
    for (const char *p = msg; (p = strstr(p, n)); p++) {
        char before = p > msg ? p[-1] : ' ', after = p[len];
        if (!isdigit((unsigned char)before) && !isdigit((unsigned char)after) &&
            !((after == '.' || after == ',') && isdigit((unsigned char)p[len + 1])) &&
            !((before == '.' || before == ',') && p - msg >= 2 && isdigit((unsigned char)p[-2])))
            return 1;
    }
    return 0;
}

/* Does finding x report the fault? The kind, and the sentence: for a
 * missing one the Indonesian number, for added and number the English, for
 * untranslated either side's (the unit's); a number finding naming the
 * number changed (as it was or as it is); keywords naming the word. */
static int reports(const finding_t *x, const char *kind, const char *side, size_t num,
                   const char *word)
{
    if (strcmp(x->kind, kind) != 0)
        return 0;
    if (strcmp(kind, "keywords") == 0)
        return x->en_text && strcasecmp(x->en_text, word) == 0;
    if (strcmp(kind, "abstract") == 0)
        return 1;
    if (strcmp(kind, "untranslated") == 0)
        return has_num(x->en, x->nen, num) || has_num(x->id, x->nid, num);
    if (strcmp(kind, "number") == 0) {
        /* about the number changed: its old or its new form named */
        char old[80];
        const char *gt = strchr(word, '>');
        if (!gt || !x->message || !has_num(x->en, x->nen, num))
            return 0;
        snprintf(old, sizeof old, "%.*s", (int)(gt - word), word);
        return names_number(x->message, old) || names_number(x->message, gt + 1);
    }
    return strcmp(side, "id") == 0 ? has_num(x->id, x->nid, num) : has_num(x->en, x->nen, num);
}

static void list_findings(FILE *f, const report_t *r, const char *doc)
{
    int any = 0;
    for (size_t k = 0; k < r->n; k++) {
        const finding_t *x = &r->v[k];
        if (strcmp(x->doc, doc) != 0)
            continue;
        fprintf(f, "      found: %s id", x->kind);
        for (size_t i = 0; i < x->nid; i++)
            fprintf(f, "%s%zu", i ? "," : " ", x->id[i]);
        fputs(x->nid ? " en" : " - en", f);
        for (size_t i = 0; i < x->nen; i++)
            fprintf(f, "%s%zu", i ? "," : " ", x->en[i]);
        fprintf(f, "%s: %s\n", x->nen ? "" : " -", x->message ? x->message : "");
        any = 1;
    }
    if (!any)
        fputs("      found: nothing\n", f);
}

static int contains(const strs *a, const char *s)
{
    for (size_t k = 0; k < a->n; k++)
        if (strcmp(a->v[k], s) == 0)
            return 1;
    return 0;
}

static const char *const kinds[][2] = {
    { "del-en", "deleted English sentence" }, { "del-id", "deleted Indonesian sentence" },
    { "add", "added sentence" },              { "untranslated", "untranslated sentence" },
    { "number", "changed number" },           { "keywords", "swapped keyword" },
    { "abstract", "missing abstract" },
};
#define NKINDS (sizeof kinds / sizeof *kinds)

static int score(const char *outdir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/faults.key", outdir);
    strs keyl = { 0 };
    if (read_lines(path, &keyl))
        die("%s: %s", path, strerror(errno));
    snprintf(path, sizeof path, "%s/figures.tsv", outdir);
    FILE *fig = fopen(path, "w");
    snprintf(path, sizeof path, "%s/misses.txt", outdir);
    FILE *mis = fopen(path, "w");
    if (!fig || !mis)
        die("%s: %s", path, strerror(errno));
    printf("%-28s %7s %7s %7s  %s\n", "seeded fault", "seeded", "found", "recall", "reported as");
    for (size_t kk = 0; kk < NKINDS; kk++) {
        const char *batch = kinds[kk][0];
        report_t r;
        snprintf(path, sizeof path, "%s/%s.out", outdir, batch);
        if (read_report(path, &r))
            die("%s: %s", path, strerror(errno));
        size_t seeded = 0, found = 0;
        for (size_t l = 0; l < keyl.n; l++) {
            char *t = xstrdup(keyl.v[l]), *f[7];
            int nf = fields(t, f, 7);
            if (nf < 7 || t[0] == '#' || strcmp(f[0], batch) != 0) {
                free(t);
                continue;
            }
            size_t num = strtoul(f[4], NULL, 10);
            int ok = 0;
            for (size_t k = 0; k < r.n && !ok; k++)
                ok = strcmp(r.v[k].doc, f[1]) == 0 && reports(&r.v[k], f[2], f[3], num, f[5]);
            seeded++;
            found += ok;
            if (!ok) {
                fprintf(mis, "%s: %s: want %s", batch, f[1], f[2]);
                if (strcmp(f[3], "-") != 0)
                    fprintf(mis, " %s %zu", f[3], num);
                if (strcmp(f[5], "-") != 0)
                    fprintf(mis, " \"%s\"", f[5]);
                fprintf(mis, "\n      seeded: %s\n", f[6]);
                if (!contains(&r.docs, f[1]))
                    fputs("      found: no report of this document\n", mis);
                else
                    list_findings(mis, &r, f[1]);
            }
            free(t);
        }
        char expect[64];
        const char *k2 = strcmp(batch, "del-en") == 0   ? "missing"
                         : strcmp(batch, "del-id") == 0 ? "added"
                         : strcmp(batch, "add") == 0    ? "added"
                                                        : batch;
        snprintf(expect, sizeof expect, "%s", k2);
        double rec = seeded ? (double)found / (double)seeded : 0;
        printf("%-28s %7zu %7zu %7.3f  %s\n", kinds[kk][1], seeded, found, rec, expect);
        fprintf(fig, "fault\t%s\t%zu\t%zu\t%.6f\n", batch, seeded, found, rec);
        free_report(&r);
    }
    /* clean documents: any error is a false alarm */
    size_t docs = 0, bad = 0;
    for (int part = 0; part < 8; part++) {
        report_t r;
        snprintf(path, sizeof path, "%s/clean%d.out", outdir, part);
        if (read_report(path, &r))
            continue;
        docs += r.docs.n;
        bad += r.error_docs.n;
        for (size_t k = 0; k < r.error_docs.n; k++) {
            fprintf(mis, "clean: %s: an error on a clean document\n", r.error_docs.v[k]);
            for (size_t j = 0; j < r.n; j++)
                if (strcmp(r.v[j].doc, r.error_docs.v[k]) == 0 && r.v[j].severity == 2)
                    fprintf(mis, "      found: %s: %s\n", r.v[j].kind,
                            r.v[j].message ? r.v[j].message : "");
        }
        free_report(&r);
    }
    printf("clean documents with an error: %zu of %zu (%.2f%%)\n", bad, docs,
           docs ? 100.0 * (double)bad / (double)docs : 0);
    fprintf(fig, "alarms\tclean\t%zu\t%zu\t%.6f\n", docs, bad,
            docs ? (double)bad / (double)docs : 0);
    /* gold deletions of panl-dev and ted-dev */
    report_t r;
    snprintf(path, sizeof path, "%s/gold.out", outdir);
    strs gl = { 0 };
    char gkp[1200];
    snprintf(gkp, sizeof gkp, "%s/gold.key", outdir);
    if (read_report(path, &r) == 0 && read_lines(gkp, &gl) == 0) {
        static const char *const sets[] = { "panl-dev", "ted-dev" };
        for (int s = 0; s < 2; s++) {
            size_t del = 0, hit = 0, other = 0, aligned = 0, alarm = 0;
            strs alarm_docs = { 0 };
            for (size_t l = 0; l < gl.n; l++) {
                char *t = xstrdup(gl.v[l]), *f[5];
                int nf = fields(t, f, 5);
                if (nf < 5 || strcmp(f[0], sets[s]) != 0) {
                    free(t);
                    continue;
                }
                int id = strcmp(f[2], "id") == 0;
                size_t num = strtoul(f[3], NULL, 10);
                int flagged = 0, any = 0;
                for (size_t k = 0; k < r.n; k++) {
                    const finding_t *x = &r.v[k];
                    if (strcmp(x->doc, f[1]) != 0)
                        continue;
                    int on = id ? has_num(x->id, x->nid, num) : has_num(x->en, x->nen, num);
                    /* a missing finding flags its Indonesian sentences, an
                     * added one its English ones */
                    if (on && strcmp(x->kind, id ? "missing" : "added") == 0)
                        flagged = 1;
                    if (on && (strcmp(x->kind, "untranslated") == 0 || strcmp(x->kind, "weak") == 0))
                        any = 1;
                }
                if (strcmp(f[4], "deleted") == 0) {
                    del++;
                    hit += flagged;
                    other += !flagged && any;
                    if (!flagged) {
                        fprintf(mis, "%s: %s: gold deletion of %s sentence %zu not reported "
                                     "as %s\n",
                                sets[s], f[1], id ? "Indonesian" : "English", num,
                                id ? "missing" : "added");
                        list_findings(mis, &r, f[1]);
                    }
                } else {
                    aligned++;
                    if (flagged) {
                        alarm++;
                        if (!contains(&alarm_docs, f[1]))
                            push(&alarm_docs, xstrdup(f[1]));
                        fprintf(mis, "%s: %s: %s sentence %zu is aligned in the gold but "
                                     "reported as %s\n",
                                sets[s], f[1], id ? "Indonesian" : "English", num,
                                id ? "missing" : "added");
                    }
                }
                free(t);
            }
            size_t ndocs = 0;
            for (size_t k = 0; k < r.docs.n; k++)
                ndocs += strncmp(r.docs.v[k], sets[s], strlen(sets[s])) == 0;
            printf("%s: gold deletions reported as missing/added: %zu of %zu (recall %.3f; "
                   "%zu more only as untranslated or weak); false alarms: %zu of %zu aligned "
                   "sentences (%.2f%%) in %zu of %zu documents\n",
                   sets[s], hit, del, del ? (double)hit / (double)del : 0, other, alarm, aligned,
                   aligned ? 100.0 * (double)alarm / (double)aligned : 0, alarm_docs.n, ndocs);
            fprintf(fig, "gold\t%s\t%zu\t%zu\t%.6f\t%zu\t%zu\t%.6f\t%zu\t%zu\n", sets[s], del,
                    hit, del ? (double)hit / (double)del : 0, aligned, alarm,
                    aligned ? (double)alarm / (double)aligned : 0, alarm_docs.n, ndocs);
            strs_free(&alarm_docs);
        }
        free_report(&r);
    }
    strs_free(&gl);
    strs_free(&keyl);
    fclose(fig);
    fclose(mis);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "gen") == 0)
        return gen(argc, argv);
    if (argc == 3 && strcmp(argv[1], "score") == 0)
        return score(argv[2]);
    fputs("usage: selaras-faults gen [-s SEED] [-d ALIGN_DIR] [-S SAMPLES_DIR] [-r RECORD]... "
          "OUTDIR\n"
          "       selaras-faults score OUTDIR\n",
          stderr);
    return 2;
}
