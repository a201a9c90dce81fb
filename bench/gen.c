/* gen.c — benchmark inputs with a known answer.
 *
 * Reads aligned units from gold sets (NNNN.src/.tgt/.gold directories, or
 * the PUD layout sent/NAME.id|.en with gold/NAME.gold), or from a TSV of
 * aligned pairs as `selaras align -f tsv` writes it (how the bundled
 * samples/ become units where the gold sets are absent), and writes
 *
 *   bitext  PREFIX.id, PREFIX.en, PREFIX.gold: one long pre-split bitext of
 *           about N lines a side, units drawn at random (with repetition)
 *           and damaged as real corpora are: a unit's translation deleted
 *           (1-0), an untranslated target line inserted (0-1), two target
 *           lines merged into one (2-1 -> [i,i+1]:[j]);
 *   jsonl   PREFIX.jsonl and PREFIX.gold: N documents of K units each, as
 *           {"doc","id","en"} with the text as running paragraphs, or with
 *           jsonl-presplit as arrays of segments (the gold then holds beads,
 *           one document after another, separated by blank lines).
 *
 * Deterministic for a given seed (its own generator, not rand()), so every
 * machine builds the same inputs. Not part of selaras itself. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char **v;
    size_t n, cap;
} strs;

typedef struct {
    size_t s0, ns, t0, nt; /* into the pools */
} unit;

static strs src, tgt;
static unit *units;
static size_t nunits, capunits;

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double uniform(void) { return (double)(next() >> 11) / 9007199254740992.0; }

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("gen: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void push(strs *s, char *line)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->v = xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = line;
}

static int read_lines(const char *path, strs *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        push(out, strdup(line));
    }
    free(line);
    fclose(f);
    return 0;
}

/* Parses "[0,1]:[2]" into the first index and count of each side. */
static int parse_bead(const char *s, long *a0, long *na, long *b0, long *nb)
{
    long *first[2] = { a0, b0 }, *count[2] = { na, nb };
    for (int side = 0; side < 2; side++) {
        if (*s++ != '[')
            return -1;
        *first[side] = -1;
        *count[side] = 0;
        while (*s && *s != ']') {
            char *end;
            long v = strtol(s, &end, 10);
            if (end == s)
                return -1;
            if (*first[side] < 0)
                *first[side] = v;
            (*count[side])++;
            s = end;
            if (*s == ',')
                s++;
        }
        if (*s++ != ']')
            return -1;
        if (side == 0 && *s++ != ':')
            return -1;
    }
    return 0;
}

/* Adds the units of one document: its lines and its gold beads. Beads with
 * an empty side are left out. */
static void add_doc(const char *sp, const char *tp, const char *gp)
{
    strs s = { 0 }, t = { 0 }, g = { 0 };
    if (read_lines(sp, &s) || read_lines(tp, &t) || read_lines(gp, &g)) {
        fprintf(stderr, "gen: cannot read %s\n", gp);
        exit(1);
    }
    size_t sbase = src.n, tbase = tgt.n;
    for (size_t k = 0; k < s.n; k++)
        push(&src, s.v[k]);
    for (size_t k = 0; k < t.n; k++)
        push(&tgt, t.v[k]);
    for (size_t k = 0; k < g.n; k++) {
        long a0, na, b0, nb;
        if (parse_bead(g.v[k], &a0, &na, &b0, &nb) || !na || !nb)
            continue;
        if ((size_t)(a0 + na) > s.n || (size_t)(b0 + nb) > t.n)
            continue;
        if (nunits == capunits) {
            capunits = capunits ? capunits * 2 : 1024;
            units = xrealloc(units, capunits * sizeof *units);
        }
        units[nunits++] = (unit){ sbase + (size_t)a0, (size_t)na, tbase + (size_t)b0, (size_t)nb };
    }
    for (size_t k = 0; k < g.n; k++)
        free(g.v[k]);
    free(s.v);
    free(t.v);
    free(g.v);
}

static void add_set(const char *dir)
{
    char a[4096], b[4096], c[4096];
    for (int k = 0; k < 100000; k++) {
        snprintf(c, sizeof c, "%.4000s/%04d.gold", dir, k);
        FILE *f = fopen(c, "r");
        if (!f)
            break;
        fclose(f);
        snprintf(a, sizeof a, "%.4000s/%04d.src", dir, k);
        snprintf(b, sizeof b, "%.4000s/%04d.tgt", dir, k);
        add_doc(a, b, c);
    }
    /* the PUD layout: documents.tsv names the documents */
    snprintf(c, sizeof c, "%.4000s/documents.tsv", dir);
    FILE *f = fopen(c, "r");
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab || strncmp(line, "doc_id", 6) == 0)
            continue;
        *tab = '\0';
        snprintf(a, sizeof a, "%.2000s/sent/%.1000s.id", dir, line);
        snprintf(b, sizeof b, "%.2000s/sent/%.1000s.en", dir, line);
        snprintf(c, sizeof c, "%.2000s/gold/%.1000s.gold", dir, line);
        add_doc(a, b, c);
    }
    fclose(f);
}

/* Adds the pairs of a TSV written by `selaras align -f tsv`: Indonesian
 * text, English text, confidence, bead, [document]. Each row with both sides
 * becomes a 1-1 unit (the sides of a 2-1 bead are already joined into one
 * line). Title and keyword rows are left out: they carry no final mark, so
 * in a running-text document they would run into the next sentence. */
static void add_tsv(const char *path)
{
    strs rows = { 0 };
    if (read_lines(path, &rows)) {
        fprintf(stderr, "gen: cannot read %s\n", path);
        exit(1);
    }
    for (size_t k = 0; k < rows.n; k++) {
        char *id = rows.v[k], *en = strchr(id, '\t');
        char *conf = en ? strchr(en + 1, '\t') : NULL;
        char *bead = conf ? strchr(conf + 1, '\t') : NULL;
        if (!bead) {
            fprintf(stderr, "gen: %s:%zu: expected id, en, confidence and bead columns\n", path, k + 1);
            exit(1);
        }
        *en++ = *conf = '\0';
        bead++;
        if (!*id || !*en || !strncmp(bead, "title", 5) || !strncmp(bead, "keywords", 8)) {
            free(rows.v[k]);
            continue;
        }
        push(&src, id); /* the pool keeps the row; en points into it */
        push(&tgt, en);
        if (nunits == capunits) {
            capunits = capunits ? capunits * 2 : 1024;
            units = xrealloc(units, capunits * sizeof *units);
        }
        units[nunits++] = (unit){ src.n - 1, 1, tgt.n - 1, 1 };
    }
    free(rows.v);
}

static void indices(FILE *f, size_t i0, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%zu", k ? "," : "", i0 + k);
    fputc(']', f);
}

static void json_str(FILE *f, const char *s, int quotes)
{
    if (quotes)
        fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", (unsigned char)*s);
        else
            fputc(*s, f);
    }
    if (quotes)
        fputc('"', f);
}

static FILE *create(const char *prefix, const char *ext)
{
    char path[4096];
    snprintf(path, sizeof path, "%.4000s.%s", prefix, ext);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gen: cannot create %s\n", path);
        exit(1);
    }
    return f;
}

/* A long bitext of about n lines a side with damage at rates del, ins, mrg. */
static void bitext(const char *prefix, size_t n, double del, double ins, double mrg)
{
    FILE *fs = create(prefix, "id"), *ft = create(prefix, "en"), *fg = create(prefix, "gold");
    size_t i = 0, j = 0;
    while (i < n) {
        const unit *u = &units[next() % nunits];
        double r = uniform();
        if (r < del) { /* the translation is lost */
            for (size_t k = 0; k < u->ns; k++) {
                fprintf(fs, "%s\n", src.v[u->s0 + k]);
                indices(fg, i++, 1);
                fputs(":[]\n", fg);
            }
            continue;
        }
        if (r < del + ins) { /* a target line with no source */
            fprintf(ft, "%s\n", tgt.v[u->t0]);
            fputs("[]:", fg);
            indices(fg, j++, 1);
            fputc('\n', fg);
            continue;
        }
        if (r < del + ins + mrg && u->ns == 1 && u->nt == 1) {
            /* two units whose target lines were joined into one */
            const unit *v = &units[next() % nunits];
            if (v->ns == 1 && v->nt == 1) {
                fprintf(fs, "%s\n%s\n", src.v[u->s0], src.v[v->s0]);
                fprintf(ft, "%s %s\n", tgt.v[u->t0], tgt.v[v->t0]);
                indices(fg, i, 2);
                fputc(':', fg);
                indices(fg, j, 1);
                fputc('\n', fg);
                i += 2;
                j += 1;
                continue;
            }
        }
        for (size_t k = 0; k < u->ns; k++)
            fprintf(fs, "%s\n", src.v[u->s0 + k]);
        for (size_t k = 0; k < u->nt; k++)
            fprintf(ft, "%s\n", tgt.v[u->t0 + k]);
        indices(fg, i, u->ns);
        fputc(':', fg);
        indices(fg, j, u->nt);
        fputc('\n', fg);
        i += u->ns;
        j += u->nt;
    }
    fclose(fs);
    fclose(ft);
    fclose(fg);
}

/* Whether a segment reads as one whole sentence that any splitter leaves
 * whole: it begins with a capital, a digit or a quote (or any non-ASCII
 * letter) and ends with . ? or ! before any closing quotes and brackets;
 * inside, no "?" or "!" (in PANL a lost quotation mark or dash often shows
 * as "?"), no ". " before a letter and no mark glued to a capital; the last
 * word is not an abbreviation such as "Jr." or an initial. */
static int sentence_like(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '"' && c < 0x80)
        return 0;
    size_t n = strlen(s);
    for (;;) {
        while (n && strchr(" \"')]", s[n - 1]))
            n--;
        /* ’ and ” are E2 80 99 and E2 80 9D in UTF-8 */
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            ((unsigned char)s[n - 1] == 0x99 || (unsigned char)s[n - 1] == 0x9D))
            n -= 3;
        else
            break;
    }
    if (!n || !strchr(".?!", s[n - 1]))
        return 0;
    n--; /* the final mark */
    for (size_t i = 0; i < n; i++) {
        char a = s[i], b = s[i + 1], d = i + 2 < n ? s[i + 2] : ' ';
        if (a == '?' || a == '!')
            return 0;
        if (a == '.' && b == ' ' && ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')))
            return 0;
        if (a == '.' && b >= 'A' && b <= 'Z')
            return 0;
    }
    size_t w = n; /* the last word */
    while (w && s[w - 1] != ' ')
        w--;
    if (n - w <= 2 && s[w] >= 'A' && s[w] <= 'Z')
        return 0;
    return 1;
}

/* Keeps the units whose every segment is sentence_like. A batch document is
 * running text that selaras splits itself, and its gold counts the
 * generator's segments: a headline without a final mark, or a line holding
 * two sentences, would be split otherwise and shift every index after it,
 * so the F1 would score the gold sets' segmentation, not the aligner. The
 * pre-split batch keeps the same units so that both hold the same text. */
static void keep_sentences(void)
{
    size_t kept = 0;
    for (size_t u = 0; u < nunits; u++) {
        int ok = 1;
        for (size_t k = 0; k < units[u].ns && ok; k++)
            ok = sentence_like(src.v[units[u].s0 + k]);
        for (size_t k = 0; k < units[u].nt && ok; k++)
            ok = sentence_like(tgt.v[units[u].t0 + k]);
        if (ok)
            units[kept++] = units[u];
    }
    nunits = kept;
}

/* ndocs documents of k units each (a deletion now and then). */
static void jsonl(const char *prefix, size_t ndocs, size_t k, int presplit, double del)
{
    FILE *fj = create(prefix, "jsonl"), *fg = create(prefix, "gold");
    const unit **pick = xrealloc(NULL, (k + 1) * sizeof *pick);
    int *drop = xrealloc(NULL, (k + 1) * sizeof *drop);
    for (size_t d = 0; d < ndocs; d++) {
        for (size_t x = 0; x < k; x++) {
            pick[x] = &units[next() % nunits];
            drop[x] = uniform() < del;
        }
        fprintf(fj, "{\"doc\":\"d%06zu\"", d);
        for (int side = 0; side < 2; side++) {
            fprintf(fj, ",\"%s\":%s", side ? "en" : "id", presplit ? "[" : "\"");
            int first = 1;
            for (size_t x = 0; x < k; x++) {
                if (side && drop[x])
                    continue;
                size_t a = side ? pick[x]->t0 : pick[x]->s0, n = side ? pick[x]->nt : pick[x]->ns;
                for (size_t y = 0; y < n; y++) {
                    const char *s = side ? tgt.v[a + y] : src.v[a + y];
                    fputs(first ? "" : presplit ? "," : " ", fj);
                    json_str(fj, s, presplit);
                    first = 0;
                }
            }
            fputs(presplit ? "]" : "\"", fj);
        }
        fputs("}\n", fj);
        size_t i = 0, j = 0;
        if (d)
            fputc('\n', fg);
        for (size_t x = 0; x < k; x++) {
            indices(fg, i, pick[x]->ns);
            fputc(':', fg);
            indices(fg, j, drop[x] ? 0 : pick[x]->nt);
            fputc('\n', fg);
            i += pick[x]->ns;
            j += drop[x] ? 0 : pick[x]->nt;
        }
    }
    free(pick);
    free(drop);
    fclose(fj);
    fclose(fg);
}

static void usage(void)
{
    fputs("usage: gen bitext PREFIX LINES [SEED] SOURCE...\n"
          "       gen jsonl|jsonl-presplit PREFIX DOCS UNITS [SEED] SOURCE...\n"
          "a SOURCE is a gold-set directory or a TSV file from `selaras align -f tsv`\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 5)
        usage();
    int is_bitext = strcmp(argv[1], "bitext") == 0;
    int is_jsonl = strncmp(argv[1], "jsonl", 5) == 0;
    if (!is_bitext && !is_jsonl)
        usage();
    int a = is_bitext ? 4 : 5;
    if (argc <= a)
        usage();
    char *end;
    unsigned long long seed = strtoull(argv[a], &end, 10);
    if (!*end) {
        rng ^= seed * 0x9E3779B97F4A7C15ULL;
        a++;
    }
    for (; a < argc; a++) {
        struct stat st;
        if (stat(argv[a], &st)) {
            fprintf(stderr, "gen: cannot read %s\n", argv[a]);
            return 1;
        }
        if (S_ISDIR(st.st_mode))
            add_set(argv[a]);
        else
            add_tsv(argv[a]);
    }
    if (nunits == 0) {
        fputs("gen: no units found in the sets given\n", stderr);
        return 1;
    }
    /* A few percent of each kind of damage: every bead type occurs often
     * enough to be scored, and the bitext stays mostly 1-1 as real ones are. */
    if (is_bitext)
        bitext(argv[2], strtoul(argv[3], NULL, 10), 0.02, 0.02, 0.03);
    else {
        keep_sentences();
        if (nunits == 0) {
            fputs("gen: no unit reads as whole sentences\n", stderr);
            return 1;
        }
        jsonl(argv[2], strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10),
              strcmp(argv[1], "jsonl-presplit") == 0, 0.03);
    }
    return 0;
}
