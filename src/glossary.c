/* glossary.c — keyword lines split into terms, the terms of the two
 * languages paired, and the pairs written for CAT tools.
 *
 * Keyword lists are short and usually parallel, but not always in the same
 * order nor of the same length: the evidence the aligner uses (lexicon,
 * cognates, numbers, identical words: sl_feat_matches) decides first, the
 * place in the list only where that says nothing. */
#include "selaras/glossary.h"
#include "selaras/strmap.h"
#include "selaras/tmx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- terms of a line ------------------------------------------------------ */

static int at(const char *s, size_t len, size_t i, const char *seq)
{
    size_t n = strlen(seq);
    return i + n <= len && memcmp(s + i, seq, n) == 0;
}

/* The bytes of a strong separator at s[i] (';', '|', '·', '•'), else 0. */
static size_t strong_sep(const char *s, size_t len, size_t i)
{
    if (s[i] == ';' || s[i] == '|')
        return 1;
    if (at(s, len, i, "\xC2\xB7"))
        return 2;
    if (at(s, len, i, "\xE2\x80\xA2"))
        return 3;
    return 0;
}

/* Where the text after a label ("Kata kunci:", "**Keywords:**", "Index
 * Terms—") starts; 0 when the line has no label. A label is a few words of
 * letters, spaces and hyphens ended by a colon or a dash. */
static size_t after_label(const char *s, size_t len)
{
    size_t i = 0, letters = 0;
    while (i < len && (s[i] == '*' || s[i] == '_' || s[i] == ' ' || s[i] == '"'))
        i++;
    for (size_t start = i; i < len && i - start <= 40;) {
        unsigned char c = (unsigned char)s[i];
        size_t end = 0;
        if (c == ':')
            end = i + 1;
        else if (at(s, len, i, "\xE2\x80\x94") || at(s, len, i, "\xE2\x80\x93"))
            end = i + 3; /* em or en dash */
        if (end) {
            if (!letters)
                return 0;
            while (end < len && (s[end] == '*' || s[end] == '_' || s[end] == ' '))
                end++;
            return end;
        }
        if (isalpha(c) || c >= 0x80)
            letters++;
        else if (c != ' ' && c != '-' && c != '*' && c != '_')
            return 0;
        i++;
    }
    return 0;
}

static int is_blank(const char *s, size_t len, size_t i, size_t *adv)
{
    *adv = 1;
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' ||
        s[i] == '\f')
        return 1;
    if (at(s, len, i, "\xC2\xA0")) { /* no-break space */
        *adv = 2;
        return 1;
    }
    return 0;
}

/* s[a, z) trimmed of blanks and double quotes at both ends. */
static void trim(const char *s, size_t *a, size_t *z)
{
    for (;;) {
        size_t adv;
        if (*a < *z && (is_blank(s, *z, *a, &adv) || s[*a] == '"')) {
            *a += s[*a] == '"' ? 1 : adv;
        } else if (*a + 3 <= *z && (at(s, *z, *a, "\xE2\x80\x9C") || at(s, *z, *a, "\xE2\x80\x9D"))) {
            *a += 3;
        } else {
            break;
        }
    }
    for (;;) {
        unsigned char c = *z > *a ? (unsigned char)s[*z - 1] : 0;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '*')
            (*z)--;
        else if (*z >= *a + 2 && at(s, *z, *z - 2, "\xC2\xA0"))
            *z -= 2;
        else if (*z >= *a + 3 && (at(s, *z, *z - 3, "\xE2\x80\x9C") || at(s, *z, *z - 3, "\xE2\x80\x9D")))
            *z -= 3;
        else
            break;
    }
}

size_t sl_gloss_terms(const char *line, size_t len, sl_span *v, size_t max)
{
    if (!line)
        return 0;
    size_t a = after_label(line, len), z = len;
    trim(line, &a, &z);
    /* the line's final period, but not an abbreviation's ("U.S.", "Ph.D.") */
    if (z > a && line[z - 1] == '.') {
        size_t w = z - 1;
        while (w > a && line[w - 1] != ' ' && line[w - 1] != ',' && line[w - 1] != ';')
            w--;
        if (!memchr(line + w, '.', z - 1 - w) || (z - a >= 2 && line[z - 2] == '.')) {
            while (z > a && line[z - 1] == '.')
                z--;
        }
    }
    int strong = 0;
    for (size_t i = a; i < z && !strong; i++)
        strong = strong_sep(line, z, i) > 0;
    size_t n = 0, start = a;
    for (size_t i = a; i <= z;) {
        size_t sep = 0;
        if (i == z)
            sep = 1;
        else if (strong)
            sep = strong_sep(line, z, i);
        else if (line[i] == ',' &&
                 !(i > a && i + 1 < z && isdigit((unsigned char)line[i - 1]) &&
                   isdigit((unsigned char)line[i + 1])))
            sep = 1;
        if (!sep) {
            i++;
            continue;
        }
        size_t ta = start, tz = i;
        trim(line, &ta, &tz);
        if (tz > ta) {
            if (n < max)
                v[n] = (sl_span){ line + ta, tz - ta };
            n++;
        }
        i += sep;
        start = i;
    }
    return n;
}

/* ---- the glossary ----------------------------------------------------------- */

struct sl_glossary {
    const sl_featcfg *cfg;
    sl_vocab *voc;        /* NULL without cfg */
    sl_strmap *keys;      /* folded "src\ttgt" -> entry index */
    sl_gloss_entry *e;
    size_t *seen;         /* per entry: the last add that counted it */
    size_t n, cap, serial;
    sl_gloss_stats st;
};

sl_glossary *sl_glossary_new(const sl_featcfg *cfg, sl_error *err)
{
    sl_glossary *g = calloc(1, sizeof *g);
    if (!g || !(g->keys = sl_strmap_new()) || (cfg && !(g->voc = sl_vocab_new(cfg, err)))) {
        sl_glossary_free(g);
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    g->cfg = cfg;
    return g;
}

void sl_glossary_free(sl_glossary *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        free(g->e[i].src);
        free(g->e[i].tgt);
        free(g->e[i].doc);
    }
    free(g->e);
    free(g->seen);
    sl_strmap_free(g->keys);
    sl_vocab_free(g->voc);
    free(g);
}

size_t sl_glossary_size(const sl_glossary *g)
{
    return g->n;
}

const sl_gloss_entry *sl_glossary_entry(const sl_glossary *g, size_t i)
{
    return i < g->n ? &g->e[i] : NULL;
}

void sl_glossary_stats(const sl_glossary *g, sl_gloss_stats *st)
{
    *st = g->st;
}

/* A term as it is kept: blank runs one space, control characters (C0,
 * DEL, C1) dropped, trimmed. NULL when out of memory; "" for nothing left. */
static char *clean(const char *s, size_t len)
{
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    int space = 0;
    for (size_t i = 0, adv; i < len; i += adv) {
        unsigned char c = (unsigned char)s[i];
        if (is_blank(s, len, i, &adv)) {
            space = o > out;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            continue;
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0) {
            adv = 2; /* C1 control */
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = (char)c;
    }
    *o = '\0';
    return out;
}

/* The key two terms are kept under: both with ASCII case folded. */
static char *key_of(const char *src, const char *tgt, size_t *len)
{
    size_t a = strlen(src), b = strlen(tgt);
    char *k = malloc(a + b + 2);
    if (!k)
        return NULL;
    for (size_t i = 0; i < a; i++)
        k[i] = (char)tolower((unsigned char)src[i]);
    k[a] = '\t';
    for (size_t i = 0; i < b; i++)
        k[a + 1 + i] = (char)tolower((unsigned char)tgt[i]);
    k[a + 1 + b] = '\0';
    *len = a + 1 + b;
    return k;
}

/* Adds one pair; *added 1 when it was kept (both terms non-empty). */
static int add_pair(sl_glossary *g, const char *doc, size_t serial, sl_span s, sl_span t,
                    int *added)
{
    *added = 0;
    if (g->n == g->cap) { /* room first: an interned key always has its entry */
        size_t nc = g->cap ? g->cap * 2 : 64;
        sl_gloss_entry *e = realloc(g->e, nc * sizeof *e);
        if (!e)
            return SL_ENOMEM;
        g->e = e;
        size_t *seen = realloc(g->seen, nc * sizeof *seen);
        if (!seen)
            return SL_ENOMEM;
        g->seen = seen;
        g->cap = nc;
    }
    int rc = SL_ENOMEM;
    char *src = clean(s.s, s.len), *tgt = clean(t.s, t.len), *key = NULL, *d = NULL;
    size_t klen = 0;
    if (!src || !tgt)
        goto done;
    rc = SL_OK;
    if (!sl_xml_nonempty(src, strlen(src)) || !sl_xml_nonempty(tgt, strlen(tgt)))
        goto done;
    rc = SL_ENOMEM;
    if (!(key = key_of(src, tgt, &klen)) || !(d = strdup(doc ? doc : "")))
        goto done;
    size_t before = sl_strmap_size(g->keys);
    long id = sl_strmap_intern(g->keys, key, klen);
    if (id < 0)
        goto done;
    rc = SL_OK;
    *added = 1;
    if (sl_strmap_size(g->keys) == before) { /* met before */
        if (g->seen[id] != serial) {
            g->seen[id] = serial;
            g->e[id].docs++;
        }
        goto done;
    }
    g->e[g->n] = (sl_gloss_entry){ src, tgt, d, 1 };
    g->seen[g->n++] = serial;
    src = tgt = d = NULL; /* kept */
done:
    free(src);
    free(tgt);
    free(key);
    free(d);
    return rc;
}

/* Pairs the terms of two lists: partner[i] the target term of source term
 * i or -1; by_words[i] 1 when shared words made the pair. */
static int pair_terms(sl_glossary *g, const sl_span *v0, size_t n0, const sl_span *v1, size_t n1,
                      int *partner, int *by_words, sl_error *err)
{
    int taken[SL_GLOSS_MAX_TERMS] = { 0 };
    for (size_t i = 0; i < n0; i++)
        partner[i] = -1, by_words[i] = 0;
    if (g->cfg && (n0 > 1 || n1 > 1)) {
        sl_docfeat f;
        if (sl_feat_extract(g->cfg, g->voc, v0, n0, v1, n1, &f, err))
            return err->code;
        double *score = malloc(n0 * n1 * sizeof *score);
        if (!score) {
            sl_docfeat_free(&f);
            return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        }
        for (size_t i = 0; i < n0; i++)
            for (size_t j = 0; j < n1; j++)
                score[i * n1 + j] = sl_feat_matches(&f, i, 1, j, 1);
        sl_docfeat_free(&f);
        /* strongest evidence first; a tie goes to the nearer places */
        for (;;) {
            long bi = -1, bj = -1;
            double best = 0;
            size_t bd = 0;
            for (size_t i = 0; i < n0; i++) {
                if (partner[i] >= 0)
                    continue;
                for (size_t j = 0; j < n1; j++) {
                    double sc = score[i * n1 + j];
                    size_t d = i > j ? i - j : j - i;
                    if (taken[j] || sc <= 0)
                        continue;
                    if (bi < 0 || sc > best + 1e-9 || (sc > best - 1e-9 && d < bd)) {
                        bi = (long)i, bj = (long)j, best = sc, bd = d;
                    }
                }
            }
            if (bi < 0)
                break;
            partner[bi] = (int)bj;
            by_words[bi] = 1;
            taken[bj] = 1;
        }
        free(score);
    }
    if (n0 == n1) { /* the rest in order: no evidence, the place decides */
        size_t j = 0;
        for (size_t i = 0; i < n0; i++) {
            if (partner[i] >= 0)
                continue;
            while (taken[j])
                j++;
            partner[i] = (int)j;
            taken[j] = 1;
        }
    }
    return SL_OK;
}

static int add_lines(sl_glossary *g, const char *doc, size_t serial, const char *src,
                     const char *tgt, int *gave, sl_error *err)
{
    sl_span v[2][SL_GLOSS_MAX_TERMS];
    size_t n[2];
    n[0] = sl_gloss_terms(src, strlen(src), v[0], SL_GLOSS_MAX_TERMS);
    n[1] = sl_gloss_terms(tgt, strlen(tgt), v[1], SL_GLOSS_MAX_TERMS);
    for (int k = 0; k < 2; k++)
        if (n[k] > SL_GLOSS_MAX_TERMS)
            n[k] = SL_GLOSS_MAX_TERMS;
    g->st.lines++;
    if (n[0] != n[1])
        g->st.uneven++;
    if (!n[0] || !n[1]) {
        g->st.unpaired += n[0] + n[1];
        return SL_OK;
    }
    int partner[SL_GLOSS_MAX_TERMS], by_words[SL_GLOSS_MAX_TERMS];
    int rc = pair_terms(g, v[0], n[0], v[1], n[1], partner, by_words, err);
    if (rc)
        return rc;
    size_t paired = 0;
    for (size_t i = 0; i < n[0]; i++) {
        if (partner[i] < 0)
            continue;
        int added;
        if (add_pair(g, doc, serial, v[0][i], v[1][partner[i]], &added))
            return sl_error_set(err, SL_ENOMEM, doc, 0, -1, "out of memory");
        paired++;
        g->st.pairs += (size_t)added;
        g->st.by_words += (size_t)(added && by_words[i]);
        *gave |= added;
    }
    g->st.unpaired += n[0] + n[1] - 2 * paired;
    return SL_OK;
}

int sl_glossary_add(sl_glossary *g, const char *doc, const char *src, const char *tgt,
                    sl_error *err)
{
    int gave = 0, rc = add_lines(g, doc, ++g->serial, src, tgt, &gave, err);
    g->st.docs += (size_t)gave;
    return rc;
}

int sl_glossary_add_doc(sl_glossary *g, const sl_doc *d, sl_error *err)
{
    int gave = 0, rc = SL_OK;
    size_t serial = ++g->serial;
    for (size_t k = 0; k < d->nunits && !rc; k++) {
        const sl_unit *u = &d->units[k];
        if (u->kind == SL_UNIT_KEYWORDS && u->src && u->tgt)
            rc = add_lines(g, d->name, serial, u->src, u->tgt, &gave, err);
    }
    g->st.docs += (size_t)gave;
    return rc;
}

/* ---- writing ------------------------------------------------------------------ */

void sl_gloss_comment(const sl_gloss_entry *e, char *buf, size_t size)
{
    if (e->docs > 1)
        snprintf(buf, size, "keywords of %s and %zu other document%s", e->doc, e->docs - 1,
                 e->docs == 2 ? "" : "s");
    else
        snprintf(buf, size, "keywords of %s", e->doc);
}

int sl_gloss_format_parse(const char *name)
{
    if (strcmp(name, "tbx") == 0)
        return SL_GLOSS_TBX;
    if (strcmp(name, "omegat") == 0)
        return SL_GLOSS_OMEGAT;
    return -1;
}

static void lang_set(FILE *f, const char *lang, const char *term)
{
    fputs("        <langSet xml:lang=\"", f);
    sl_xml_text(f, lang, strlen(lang));
    fputs("\">\n          <tig>\n            <term>", f);
    sl_xml_text(f, term, strlen(term));
    fputs("</term>\n          </tig>\n        </langSet>\n", f);
}

int sl_glossary_write_tbx(FILE *f, const sl_glossary *g, const char *const lang[2],
                          const char *version)
{
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n"
            "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n"
            "  <martifHeader>\n"
            "    <fileDesc>\n"
            "      <titleStmt>\n"
            "        <title>Keywords of %zu document%s</title>\n"
            "      </titleStmt>\n"
            "      <sourceDesc>\n"
            "        <p>The keyword lines of bilingual abstracts, split into terms and paired "
            "by selaras ",
            g->st.docs, g->st.docs == 1 ? "" : "s");
    sl_xml_text(f, version, strlen(version));
    fputs("</p>\n"
          "      </sourceDesc>\n"
          "    </fileDesc>\n"
          "    <encodingDesc>\n"
          "      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n"
          "    </encodingDesc>\n"
          "  </martifHeader>\n"
          "  <text>\n"
          "    <body>\n", f);
    for (size_t i = 0; i < g->n; i++) {
        char note[1200];
        sl_gloss_comment(&g->e[i], note, sizeof note);
        fprintf(f, "      <termEntry id=\"c%zu\">\n        <note>", i + 1);
        sl_xml_text(f, note, strlen(note));
        fputs("</note>\n", f);
        lang_set(f, lang[0], g->e[i].src);
        lang_set(f, lang[1], g->e[i].tgt);
        fputs("      </termEntry>\n", f);
    }
    fputs("    </body>\n  </text>\n</martif>\n", f);
    return ferror(f) ? -1 : 0;
}

int sl_glossary_write_omegat(FILE *f, const sl_glossary *g)
{
    for (size_t i = 0; i < g->n; i++) {
        char note[1200];
        sl_gloss_comment(&g->e[i], note, sizeof note);
        /* a document name is the only text not cleaned when added */
        for (char *p = note; *p; p++)
            if (*p == '\t' || *p == '\n' || *p == '\r')
                *p = ' ';
        fprintf(f, "%s\t%s\t%s\n", g->e[i].src, g->e[i].tgt, note);
    }
    return ferror(f) ? -1 : 0;
}
