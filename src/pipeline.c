/* pipeline.c — record or text pair -> sentences -> beads -> units. */
#include "selaras/pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sl_pipe {
    sl_pipe_opts o;
    sl_seg *seg[2];
    sl_aligner *al;
    sl_langid *lid;
};

sl_pipe *sl_pipe_new(const sl_pipe_opts *o, const sl_lexicon *lex, sl_error *err)
{
    sl_pipe *p = calloc(1, sizeof *p);
    if (!p) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    p->o = *o;
    if (!(p->seg[0] = sl_seg_new(o->align.src_lang, o->rules_dir, err)) ||
        !(p->seg[1] = sl_seg_new(o->align.tgt_lang, o->rules_dir, err)) ||
        !(p->al = sl_aligner_new(&o->align, lex, err))) {
        sl_pipe_free(p);
        return NULL;
    }
    /* languages without stop-word lists cannot be told apart: records then
     * follow their headings, and swapped files go unnoticed */
    sl_error lerr;
    p->lid = sl_langid_new(o->align.src_lang, o->align.tgt_lang, &lerr);
    return p;
}

void sl_pipe_free(sl_pipe *p)
{
    if (!p)
        return;
    sl_seg_free(p->seg[0]);
    sl_seg_free(p->seg[1]);
    sl_aligner_free(p->al);
    sl_langid_free(p->lid);
    free(p);
}

struct sl_pipe_ws {
    sl_align_ws *al;
};

sl_pipe_ws *sl_pipe_ws_new(const sl_pipe *p, sl_error *err)
{
    sl_pipe_ws *w = calloc(1, sizeof *w);
    if (!w || !(w->al = sl_align_ws_new(p->al, err))) {
        free(w);
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    return w;
}

void sl_pipe_ws_free(sl_pipe_ws *w)
{
    if (!w)
        return;
    sl_align_ws_free(w->al);
    free(w);
}

void sl_doc_free(sl_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nunits; i++) {
        free(d->units[i].src);
        free(d->units[i].tgt);
    }
    free(d->units);
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; d->sent[k] && i < d->nsent[k]; i++)
            free(d->sent[k][i]);
        free(d->sent[k]);
    }
    free(d->name);
    sl_record_free(&d->rec);
    memset(d, 0, sizeof *d);
}

/* Joins spans [i0, i0+n) with single spaces into a new string (NULL for n 0). */
static char *join(const sl_span *v, size_t i0, size_t n, int *oom)
{
    if (n == 0)
        return NULL;
    size_t len = 0;
    for (size_t k = 0; k < n; k++)
        len += v[i0 + k].len + 1;
    char *s = malloc(len);
    if (!s) {
        *oom = 1;
        return NULL;
    }
    size_t o = 0;
    for (size_t k = 0; k < n; k++) {
        if (k)
            s[o++] = ' ';
        memcpy(s + o, v[i0 + k].s, v[i0 + k].len);
        o += v[i0 + k].len;
    }
    s[o] = '\0';
    return s;
}

/* The text of sentences [i0, i0+n) as the input has it (NULL for n 0):
 * within a paragraph, the raw text from the first sentence's start to the
 * last one's end, so the spacing between sentences stays as it was; one
 * space where the sentences cross into another paragraph. idx maps the
 * aligned sentences to those of s. */
static char *verbatim(const sl_sents *s, const size_t *idx, size_t i0, size_t n, int *oom)
{
    if (n == 0)
        return NULL;
    char *out = NULL;
    size_t o = 0;
    for (int pass = 0; pass < 2; pass++) { /* measure, then copy */
        o = 0;
        for (size_t k = 0; k < n;) {
            const sl_sent *a = &s->v[idx[i0 + k]], *b = a;
            while (k + 1 < n && s->v[idx[i0 + k + 1]].para == a->para)
                b = &s->v[idx[i0 + ++k]];
            k++;
            size_t len = b->roff + b->rlen - a->roff;
            if (o) {
                if (out)
                    out[o] = ' ';
                o++;
            }
            if (out)
                memcpy(out + o, s->raw + a->roff, len);
            o += len;
        }
        if (!pass && !(out = malloc(o + 1))) {
            *oom = 1;
            return NULL;
        }
    }
    out[o] = '\0';
    return out;
}

static int add_unit(sl_doc *d, size_t *cap, char *src, char *tgt, unsigned kind,
                    const sl_bead *b)
{
    if (d->nunits == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        sl_unit *u = realloc(d->units, nc * sizeof *u);
        if (!u) {
            free(src);
            free(tgt);
            return -1;
        }
        d->units = u;
        *cap = nc;
    }
    sl_unit *u = &d->units[d->nunits++];
    u->src = src;
    u->tgt = tgt;
    u->kind = kind;
    if (b) {
        u->bead = *b;
    } else {
        memset(&u->bead, 0, sizeof u->bead);
        u->bead.ni = src != NULL;
        u->bead.nj = tgt != NULL;
        u->bead.conf = 1.0;
    }
    return 0;
}

/* One segment per non-blank line, CR and surrounding blanks trimmed. */
static int lines(const char *t, size_t len, sl_span **out, size_t *n)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    for (const char *p = t, *end = t + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *a = p, *b = nl ? nl : end;
        p = nl ? nl + 1 : end;
        while (a < b && (*a == ' ' || *a == '\t')) a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
        if (a == b)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            sl_span *v = realloc(*out, cap * sizeof *v);
            if (!v)
                return -1;
            *out = v;
        }
        (*out)[(*n)++] = (sl_span){ a, (size_t)(b - a) };
    }
    return 0;
}

/* A heading or keyword-label line that both sides have at the same place
 * in their order: the alignment passes through it, and the text between
 * two anchors is aligned on its own. at is the index in the aligned lines
 * (pre-split text: the anchor's own line; split text, where headings and
 * labels are not aligned lines: the number of lines before it). */
typedef struct {
    size_t at[2];
    unsigned kind;
    sl_span line[2];
} anchor_t;

typedef struct {
    anchor_t *v; /* side 0 fills .at[0] of the first n[0], side 1 .at[1] */
    size_t n[2], cap;
} anchors_t;

/* Side 0 is read before side 1: an anchor's kind is side 0's, or text
 * when side 1's differs. */
static int anchor_push(anchors_t *a, int k, size_t at, unsigned kind, sl_span line)
{
    if (a->n[k] == a->cap) {
        size_t nc = a->cap ? a->cap * 2 : 8;
        anchor_t *v = realloc(a->v, nc * sizeof *v);
        if (!v)
            return -1;
        memset(v + a->cap, 0, (nc - a->cap) * sizeof *v);
        a->v = v;
        a->cap = nc;
    }
    anchor_t *x = &a->v[a->n[k]++];
    x->at[k] = at;
    x->line[k] = line;
    if (k == 0)
        x->kind = kind;
    else if (x->kind != kind)
        x->kind = SL_SENT_TEXT;
    return 0;
}

/* Keeps the anchors only when both sides have the same sequence of kinds:
 * a heading or label on one side only says nothing of where its
 * counterpart went. */
static size_t anchors_paired(const anchors_t *a)
{
    if (a->n[0] != a->n[1])
        return 0;
    for (size_t i = 0; i < a->n[0]; i++)
        if (a->v[i].kind == SL_SENT_TEXT)
            return 0;
    return a->n[0];
}

/* The aligned sentences of both sides: v what the aligner reads; with
 * raw, the units take their text from the split text's raw spans (idx maps
 * v's sentences to s's), else from v. */
typedef struct {
    sl_span *v[2];
    const sl_sents *s;    /* [2] */
    size_t *idx[2];
    int raw;
} sides_t;

static char *unit_text(const sides_t *S, int k, size_t i0, size_t n, int *oom)
{
    return S->raw ? verbatim(&S->s[k], S->idx[k], i0, n, oom) : join(S->v[k], i0, n, oom);
}

/* Aligns lines [lo0, hi0) with [lo1, hi1) and appends their units. */
static int align_range(const sl_pipe *p, sl_pipe_ws *ws, const sides_t *S, const size_t lo[2],
                       const size_t hi[2], sl_doc *d, size_t *cap, sl_error *err)
{
    sl_span *const *v = S->v;
    if (lo[0] == hi[0] && lo[1] == hi[1])
        return SL_OK;
    sl_beads beads = { 0 };
    int rc, oom = 0;
    if ((rc = sl_align_with(p->al, ws ? ws->al : NULL, v[0] + lo[0], hi[0] - lo[0],
                            v[1] + lo[1], hi[1] - lo[1], &beads, err)))
        goto out;
    for (size_t b = 0; b < beads.n; b++) {
        sl_bead bd = beads.v[b];
        bd.i0 += lo[0];
        bd.j0 += lo[1];
        char *a = unit_text(S, 0, bd.i0, bd.ni, &oom), *e = unit_text(S, 1, bd.j0, bd.nj, &oom);
        if (oom) {
            free(a);
            free(e);
        }
        if (oom || add_unit(d, cap, a, e, SL_UNIT_SENTENCE, &bd)) { /* add_unit frees */
            rc = sl_error_set(err, SL_ENOMEM, d->name, 0, -1, "out of memory");
            goto out;
        }
    }
out:
    sl_beads_free(&beads);
    return rc;
}

/* Splits (unless presplit) both texts, aligns, and appends the units.
 * Headings and keyword labels that both sides have in the same order are
 * anchors: a pre-split line that is one becomes a 1-1 unit of its own; in
 * split text a heading is dropped and a label pair becomes a keywords
 * unit. */
static int align_texts(const sl_pipe *p, sl_pipe_ws *ws, const char *t[2], const size_t len[2],
                       int presplit, sl_doc *d, size_t *cap, sl_error *err)
{
    sl_sents s[2];
    sides_t S = { { NULL, NULL }, s, { NULL, NULL }, p->o.verbatim && !presplit };
    sl_span **v = S.v;
    size_t n[2] = { 0, 0 };
    unsigned char *kind = NULL;
    anchors_t an = { 0 };
    int rc = SL_OK, oom = 0;
    memset(s, 0, sizeof s);
    for (int k = 0; k < 2; k++) {
        if (!t[k])
            continue;
        if (presplit) {
            if (lines(t[k], len[k], &v[k], &n[k]))
                goto nomem;
            free(kind);
            if (!(kind = malloc(n[k] + 1)))
                goto nomem;
            if ((rc = sl_seg_line_kinds(p->seg[k], v[k], n[k], kind, err)))
                goto cleanup;
            for (size_t i = 0; i < n[k]; i++)
                if (kind[i] != SL_SENT_TEXT && anchor_push(&an, k, i, kind[i], v[k][i]))
                    goto nomem;
            continue;
        }
        if ((rc = sl_seg_split(p->seg[k], t[k], len[k], 0, &s[k], err)))
            goto cleanup;
        v[k] = malloc((s[k].n + 1) * sizeof *v[k]);
        S.idx[k] = malloc((s[k].n + 1) * sizeof *S.idx[k]);
        if (!v[k] || !S.idx[k])
            goto nomem;
        for (size_t i = 0; i < s[k].n; i++) {
            sl_span sp = { s[k].text + s[k].v[i].off, s[k].v[i].len };
            if (s[k].v[i].kind == SL_SENT_TEXT) {
                S.idx[k][n[k]] = i;
                v[k][n[k]++] = sp;
            } else if (anchor_push(&an, k, n[k], s[k].v[i].kind,
                                   S.raw ? (sl_span){ s[k].raw + s[k].v[i].roff, s[k].v[i].rlen }
                                         : sp)) {
                goto nomem;
            }
        }
    }
    d->nsent[0] = n[0];
    d->nsent[1] = n[1];
    for (int k = 0; k < 2 && p->o.keep_sentences; k++) {
        if (!(d->sent[k] = calloc(n[k] + 1, sizeof *d->sent[k])))
            goto nomem;
        for (size_t i = 0; i < n[k]; i++)
            if (!(d->sent[k][i] = join(v[k], i, 1, &oom)))
                goto nomem;
    }
    size_t na = anchors_paired(&an), lo[2] = { 0, 0 };
    for (size_t x = 0; x <= na; x++) {
        size_t hi[2] = { x < na ? an.v[x].at[0] : n[0], x < na ? an.v[x].at[1] : n[1] };
        if ((rc = align_range(p, ws, &S, lo, hi, d, cap, err)))
            goto cleanup;
        if (x == na)
            break;
        const anchor_t *A = &an.v[x];
        char *a = strndup(A->line[0].s, A->line[0].len), *e = strndup(A->line[1].s, A->line[1].len);
        if (!a || !e) {
            free(a);
            free(e);
            goto nomem;
        }
        if (presplit || A->kind == SL_SENT_LABEL) {
            sl_bead bd = { .i0 = hi[0], .ni = 1, .j0 = hi[1], .nj = 1, .conf = 1.0 };
            if (add_unit(d, cap, a, e, presplit ? SL_UNIT_SENTENCE : SL_UNIT_KEYWORDS,
                         presplit ? &bd : NULL)) /* add_unit frees a and e */
                goto nomem;
        } else {
            free(a);
            free(e);
        }
        lo[0] = hi[0] + (presplit ? 1 : 0);
        lo[1] = hi[1] + (presplit ? 1 : 0);
    }
    goto cleanup;
nomem:
    rc = sl_error_set(err, SL_ENOMEM, d->name, 0, -1, "out of memory");
cleanup:
    free(kind);
    free(an.v);
    for (int k = 0; k < 2; k++) {
        sl_sents_free(&s[k]);
        free(v[k]);
        free(S.idx[k]);
    }
    return rc;
}

static int start(sl_doc *d, const char *name, sl_error *err)
{
    memset(d, 0, sizeof *d);
    d->name = strdup(name ? name : "");
    return d->name ? SL_OK : sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
}

int sl_pipe_record(const sl_pipe *p, sl_pipe_ws *ws, const char *name, const char *text,
                   size_t len, sl_doc *d, sl_error *err)
{
    int rc = start(d, name, err);
    size_t cap = 0;
    if (rc || (rc = sl_record_parse(text, len, name, p->lid, &d->rec, err)))
        goto fail;
    const sl_record *r = &d->rec;
    if (!r->abstract[0] || !r->abstract[1]) {
        rc = sl_error_set(err, SL_EMISSING, name, 0, -1, "no %s abstract found",
                          r->abstract[0] ? "English" : "Indonesian");
        goto fail;
    }
    if (r->title[0] && r->title[1] &&
        add_unit(d, &cap, strdup(r->title[0]), strdup(r->title[1]), SL_UNIT_TITLE, NULL))
        goto nomem;
    const char *t[2] = { r->abstract[0], r->abstract[1] };
    size_t l[2] = { t[0] ? strlen(t[0]) : 0, t[1] ? strlen(t[1]) : 0 };
    if ((rc = align_texts(p, ws, t, l, 0, d, &cap, err)))
        goto fail;
    if (r->keywords[0] && r->keywords[1] &&
        add_unit(d, &cap, strdup(r->keywords[0]), strdup(r->keywords[1]), SL_UNIT_KEYWORDS, NULL))
        goto nomem;
    for (size_t i = 0; i < d->nunits; i++)
        if ((d->units[i].kind != SL_UNIT_SENTENCE) && (!d->units[i].src || !d->units[i].tgt))
            goto nomem; /* strdup failed */
    return SL_OK;
nomem:
    rc = sl_error_set(err, SL_ENOMEM, name, 0, -1, "out of memory");
fail:
    sl_doc_free(d);
    return rc;
}

/* The length of text cut to at most max bytes, at a character boundary. */
static size_t prefix(const char *text, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max && ((unsigned char)text[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* The text pair; presplit: one segment per line. */
static int pair(const sl_pipe *p, sl_pipe_ws *ws, const char *name, const char *id_text,
                size_t id_len, const char *en_text, size_t en_len, int presplit, sl_doc *d,
                sl_error *err)
{
    int rc = start(d, name, err);
    size_t cap = 0;
    const char *t[2] = { id_text, en_text };
    size_t l[2] = { id_len, en_len };
    if (rc || (rc = align_texts(p, ws, t, l, presplit, d, &cap, err))) {
        sl_doc_free(d);
        return rc;
    }
    /* two files given the wrong way round align into nonsense that looks
     * fine: say so when the stop words are clear about it (the first
     * 16 kB of each tell as well as the whole) */
    id_len = prefix(id_text, id_len, 16384);
    en_len = prefix(en_text, en_len, 16384);
    int g0 = sl_langid_guess(p->lid, id_text, id_len, NULL);
    int g1 = sl_langid_guess(p->lid, en_text, en_len, NULL);
    if (g0 == 1 && g1 == 0)
        snprintf(d->rec.note, sizeof d->rec.note,
                 "the %s file reads as %s and the %s file as %s: are they swapped?",
                 p->o.align.src_lang, p->o.align.tgt_lang, p->o.align.tgt_lang,
                 p->o.align.src_lang);
    else if (g0 >= 0 && g0 == g1)
        snprintf(d->rec.note, sizeof d->rec.note, "both files read as %s",
                 g0 ? p->o.align.tgt_lang : p->o.align.src_lang);
    /* a language without sentence rules of its own was split with the
     * common ones: fine for most text, worth knowing */
    for (int k = 0; k < 2 && !presplit; k++)
        if (sl_seg_generic(p->seg[k])) {
            size_t n = strlen(d->rec.note);
            snprintf(d->rec.note + n, sizeof d->rec.note - n,
                     "%sno sentence rules for '%s': split with the common rules", n ? "; " : "",
                     k ? p->o.align.tgt_lang : p->o.align.src_lang);
        }
    return SL_OK;
}

int sl_pipe_pair(const sl_pipe *p, sl_pipe_ws *ws, const char *name, const char *id_text,
                 size_t id_len, const char *en_text, size_t en_len, sl_doc *d, sl_error *err)
{
    return pair(p, ws, name, id_text, id_len, en_text, en_len, p->o.presplit, d, err);
}

int sl_pipe_item(const sl_pipe *p, sl_pipe_ws *ws, sl_item *it, sl_doc *d, sl_error *err)
{
    memset(d, 0, sizeof *d);
    if (!it->status)
        sl_item_prepare(it);
    if (it->status) {
        if (err)
            *err = it->err;
        return it->status;
    }
    if (it->kind == SL_ITEM_RECORD)
        return sl_pipe_record(p, ws, it->name, it->t[0].data, it->t[0].len, d, err);
    return pair(p, ws, it->name, it->t[0].data, it->t[0].len, it->t[1].data, it->t[1].len,
                it->presplit || p->o.presplit, d, err);
}

/* ---- abbreviations learned from the whole input ----------------------- */

struct sl_pipe_abbr {
    const sl_pipe *p;
    sl_learnabbr *l[2];
    char *buf[2];       /* each side's texts, a blank line apart */
    size_t len[2], cap[2], max;
    int full[2];
};

sl_pipe_abbr *sl_pipe_abbr_new(const sl_pipe *p, size_t max_bytes, sl_error *err)
{
    sl_pipe_abbr *a = calloc(1, sizeof *a);
    if (!a) {
        sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        return NULL;
    }
    a->p = p;
    a->max = max_bytes ? max_bytes : SL_PIPE_ABBR_BYTES;
    for (int k = 0; k < 2; k++)
        if (!(a->l[k] = sl_learnabbr_new(p->seg[k], err))) {
            sl_pipe_abbr_free(a);
            return NULL;
        }
    return a;
}

void sl_pipe_abbr_free(sl_pipe_abbr *a)
{
    if (!a)
        return;
    for (int k = 0; k < 2; k++) {
        sl_learnabbr_free(a->l[k]);
        free(a->buf[k]);
    }
    free(a);
}

/* The length of the longest prefix of t no longer than room that ends at
 * a paragraph break, else at a line break, else at a space (0: none). A
 * text larger than the whole allowance is cut there, so that no sentence
 * is left with half its words; a document is never cut otherwise. */
static size_t cut(const char *t, size_t room)
{
    static const char *const at[] = { "\n\n", "\n", " " };
    for (size_t k = 0; k < sizeof at / sizeof *at; k++) {
        size_t m = strlen(at[k]);
        for (size_t i = room; i >= m; i--)
            if (memcmp(t + i - m, at[k], m) == 0)
                return i;
    }
    return 0;
}

/* Adds text t (n bytes) to side k, a paragraph after what it holds. The
 * side is full when a document no longer fits: the first pass stops there
 * (a document is learned from whole or not at all, but for the first,
 * which may be cut). */
static int append(sl_pipe_abbr *a, int k, const char *t, size_t n, sl_error *err)
{
    if (a->full[k] || !t || !n)
        return SL_OK;
    size_t sep = a->len[k] ? 2 : 0, room = a->max - a->len[k];
    if (sep + n > room) {
        a->full[k] = 1;
        if (a->len[k] || !(n = cut(t, room)))
            return SL_OK;
    }
    size_t need = a->len[k] + sep + n;
    if (need > a->cap[k]) {
        size_t nc = a->cap[k] ? a->cap[k] * 2 : 1 << 16;
        if (nc < need)
            nc = need;
        if (nc > a->max)
            nc = a->max;
        char *b = realloc(a->buf[k], nc);
        if (!b)
            return sl_error_set(err, SL_ENOMEM, NULL, 0, -1, "out of memory");
        a->buf[k] = b;
        a->cap[k] = nc;
    }
    memcpy(a->buf[k] + a->len[k], "\n\n", sep);
    memcpy(a->buf[k] + a->len[k] + sep, t, n);
    a->len[k] = need;
    return SL_OK;
}

int sl_pipe_abbr_add(sl_pipe_abbr *a, sl_item *it, sl_error *err)
{
    int rc = SL_OK;
    if (!it->status)
        sl_item_prepare(it);
    if (it->status) {
        /* the alignment pass reports it */
    } else if (it->kind == SL_ITEM_RECORD) {
        /* the abstracts sl_pipe_record splits: both, or none */
        sl_record r;
        sl_error e;
        memset(&r, 0, sizeof r);
        if (sl_record_parse(it->t[0].data, it->t[0].len, it->name, a->p->lid, &r, &e) == SL_OK &&
            r.abstract[0] && r.abstract[1]) {
            for (int k = 0; k < 2 && rc == SL_OK; k++)
                rc = append(a, k, r.abstract[k], strlen(r.abstract[k]), err);
        }
        sl_record_free(&r);
    } else if (!it->presplit && !a->p->o.presplit) {
        for (int k = 0; k < 2 && rc == SL_OK; k++)
            rc = append(a, k, it->t[k].data, it->t[k].len, err);
    }
    if (rc)
        return rc;
    return a->full[0] && a->full[1];
}

int sl_pipe_abbr_finish(sl_pipe_abbr *a, const sl_learnabbr_opts *o, sl_error *err)
{
    int rc = SL_OK;
    sl_learnabbr_opts def;
    if (!o) {
        sl_learnabbr_opts_default(&def);
        def.min_plain = SL_PIPE_ABBR_MIN_PLAIN;
        o = &def;
    }
    for (int k = 0; k < 2 && rc == SL_OK; k++) {
        /* paragraph mode, as sl_pipe_record and sl_pipe_pair split */
        if (a->len[k])
            rc = sl_learnabbr_add(a->l[k], a->buf[k], a->len[k], 0, err);
        if (rc == SL_OK)
            rc = sl_learnabbr_finish(a->l[k], o, err);
    }
    for (int k = 0; k < 2; k++) {
        free(a->buf[k]);
        a->buf[k] = NULL;
        a->cap[k] = 0;
    }
    return rc;
}

const sl_learnabbr *sl_pipe_abbr_get(const sl_pipe_abbr *a, int k)
{
    return a->l[k != 0];
}

size_t sl_pipe_abbr_bytes(const sl_pipe_abbr *a, int k)
{
    return a->len[k != 0];
}

void sl_pipe_set_learned(sl_pipe *p, int k, const sl_learnabbr *l)
{
    sl_seg_set_learned(p->seg[k != 0], l);
}
