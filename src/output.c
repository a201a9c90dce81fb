/* output.c — every output format but TMX's details (tmx.c). One unit per
 * line in all the line formats, so text is written with its whitespace
 * runs (tabs, newlines) collapsed to single spaces, or, verbatim, with
 * only what a line format cannot hold changed: a tab or a line break (and
 * the blanks around it) becomes one space. */
#include "selaras/output.h"

#include <string.h>

static const char *const names[] = { "tmx", "tsv", "moses", "json", "beads", "ladder" };
static const char *const kinds[] = { "title", "sentence", "keywords" };

int sl_format_parse(const char *name)
{
    for (int k = 0; k < (int)(sizeof names / sizeof *names); k++)
        if (strcmp(name, names[k]) == 0)
            return k;
    return -1;
}

const char *sl_format_name(int fmt)
{
    return fmt >= 0 && fmt < (int)(sizeof names / sizeof *names) ? names[fmt] : NULL;
}

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Text on one line, ends trimmed: whitespace runs become one space, or,
 * verbatim, a run of spaces stays as it is and a run with a tab or a line
 * break becomes one space. */
static void flat(FILE *f, const char *s, int verbatim)
{
    int any = 0;
    while (s && *s) {
        const char *e = s;
        int other = 0;
        while (blank(*e))
            other |= *e++ != ' ';
        if (e > s) {
            if (any && *e) {
                if (verbatim && !other)
                    fwrite(s, 1, (size_t)(e - s), f);
                else
                    fputc(' ', f);
            }
            s = e;
            continue;
        }
        any = 1;
        fputc(*s++, f);
    }
}

void sl_json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* The record's metadata as fields of a unit's object, those it has. */
static void meta_json(FILE *f, const sl_record *r)
{
    const char *const keys[5] = { "author", "faculty", "year", "collection", "url" };
    const char *const vals[5] = { r->author, r->faculty, r->year, r->collection, r->url };
    for (int k = 0; k < 5; k++)
        if (vals[k]) {
            fprintf(f, ",\"%s\":", keys[k]);
            sl_json_str(f, vals[k]);
        }
}

static void indices(FILE *f, size_t i0, size_t n)
{
    fputc('[', f);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%zu", k ? "," : "", i0 + k);
    fputc(']', f);
}

int sl_write_begin(sl_writer *w)
{
    w->docs = w->units = 0;
    if (w->fmt == SL_FMT_TMX)
        return sl_tmx_begin(w->f[0], &w->tmx);
    return 0;
}

void sl_write_next(sl_writer *w)
{
    if (w->batch && w->docs && (w->fmt == SL_FMT_BEADS || w->fmt == SL_FMT_LADDER))
        fputc('\n', w->f[0]);
    w->docs++;
}

int sl_write_doc(sl_writer *w, const sl_doc *d)
{
    sl_write_next(w);
    w->units += sl_write_units(w, w->f[0], w->f[1], d);
    return ferror(w->f[0]) || (w->f[1] && ferror(w->f[1])) ? -1 : 0;
}

size_t sl_write_units(const sl_writer *w, FILE *f, FILE *f1, const sl_doc *d)
{
    if (w->fmt == SL_FMT_TMX)
        return sl_tmx_doc(f, &w->tmx, d);
    size_t units = 0;
    for (size_t i = 0; i < d->nunits; i++) {
        const sl_unit *u = &d->units[i];
        const sl_bead *b = &u->bead;
        int both = u->src && u->tgt;
        if (b->conf < w->tmx.min_conf && both)
            continue;
        switch (w->fmt) {
        case SL_FMT_BEADS:
            if (u->kind != SL_UNIT_SENTENCE)
                continue;
            indices(f, b->i0, b->ni);
            fputc(':', f);
            indices(f, b->j0, b->nj);
            fputc('\n', f);
            break;
        case SL_FMT_LADDER:
            if (u->kind != SL_UNIT_SENTENCE)
                continue;
            fprintf(f, "%zu\t%zu\t%.3f\n", b->i0, b->j0, b->conf);
            break;
        case SL_FMT_TSV:
            flat(f, u->src, w->tmx.verbatim);
            fputc('\t', f);
            flat(f, u->tgt, w->tmx.verbatim);
            if (u->kind == SL_UNIT_SENTENCE)
                fprintf(f, "\t%.3f\t%zu-%zu", b->conf, b->ni, b->nj);
            else
                fprintf(f, "\t%.3f\t%s", b->conf, kinds[u->kind]);
            if (w->batch || w->meta) {
                fputc('\t', f);
                flat(f, d->name, 0);
            }
            if (w->meta) {
                const char *m[5] = { d->rec.author, d->rec.faculty, d->rec.year,
                                     d->rec.collection, d->rec.url };
                for (int k = 0; k < 5; k++) {
                    fputc('\t', f);
                    flat(f, m[k], 0);
                }
            }
            fputc('\n', f);
            break;
        case SL_FMT_MOSES:
            if (!both || !sl_xml_nonempty(u->src, strlen(u->src)) ||
                !sl_xml_nonempty(u->tgt, strlen(u->tgt)))
                continue;
            flat(f, u->src, w->tmx.verbatim);
            fputc('\n', f);
            flat(f1, u->tgt, w->tmx.verbatim);
            fputc('\n', f1);
            break;
        case SL_FMT_JSON:
            fputs("{\"doc\":", f);
            sl_json_str(f, d->name);
            fprintf(f, ",\"unit\":\"%s\",\"bead\":\"%zu-%zu\",\"confidence\":%.3f,\"%s\":",
                    kinds[u->kind], b->ni, b->nj, b->conf, w->tmx.lang[0]);
            sl_json_str(f, u->src);
            fprintf(f, ",\"%s\":", w->tmx.lang[1]);
            sl_json_str(f, u->tgt);
            meta_json(f, &d->rec);
            fputs("}\n", f);
            break;
        }
        units++;
    }
    if (w->fmt == SL_FMT_LADDER)
        fprintf(f, "%zu\t%zu\t1.000\n", d->nsent[0], d->nsent[1]);
    return units;
}

int sl_write_end(sl_writer *w)
{
    if (w->fmt == SL_FMT_TMX)
        return sl_tmx_end(w->f[0]);
    return ferror(w->f[0]) ? -1 : 0;
}

const char *sl_write_tail(const sl_writer *w)
{
    return w->fmt == SL_FMT_TMX ? SL_TMX_TAIL : "";
}

void sl_write_unaligned(FILE *f, const sl_tmx_opts *o, const sl_doc *d)
{
    for (size_t i = 0; i < d->nunits; i++) {
        const sl_unit *u = &d->units[i];
        if (u->kind != SL_UNIT_SENTENCE || (u->src && u->tgt))
            continue;
        flat(f, d->name, 0);
        fprintf(f, "\t%s\t%zu\t", u->src ? o->lang[0] : o->lang[1],
                u->src ? u->bead.i0 : u->bead.j0);
        flat(f, u->src ? u->src : u->tgt, o->verbatim);
        fputc('\n', f);
    }
}
