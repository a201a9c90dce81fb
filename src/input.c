/* input.c — document sources for batches. */
#include "selaras/input.h"
#include "selaras/page.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { IN_DIR, IN_JSONL, IN_ONE };

struct sl_input {
    int kind, flags;
    char *path;
    char **names; /* directory entries (records NAME.txt, pairs NAME.id), sorted */
    size_t nnames, next;
    FILE *f;      /* JSON Lines */
    long line;
    int done;     /* the stream ended or failed */
    char *buf;
    size_t bufcap;
    unsigned long long read, size; /* bytes, for progress */
    /* a page of several records (a result list copied whole), handed out
     * one record at a time */
    sl_text page;
    char *page_path, *page_name;
    sl_page_rec *recs;
    size_t nrecs, nextrec;
    sl_text_opts text;        /* how files are read */
    char *ignored[3];         /* a directory's entries left out: the first */
    size_t nignored;          /* few names, and how many in all */
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

/* Does dir hold a file named name with its extension replaced by ext? */
static int sibling(const char *dir, const char *name, const char *ext)
{
    char path[4096];
    const char *dot = strrchr(name, '.');
    int n = dot ? (int)(dot - name) : (int)strlen(name);
    snprintf(path, sizeof path, "%s/%.*s.%s", dir, n, name, ext);
    struct stat st;
    return stat(path, &st) == 0;
}

/* Leaves a directory entry out, remembering its name for the note. */
static int ignore(sl_input *in, const char *name)
{
    if (in->nignored < 3 && !(in->ignored[in->nignored] = strdup(name)))
        return -1;
    in->nignored++;
    return 0;
}

size_t sl_input_ignored(const sl_input *in, const char *names[3])
{
    for (size_t k = 0; k < 3; k++)
        names[k] = in->ignored[k];
    return in->nignored;
}

sl_input *sl_input_open(const char *path, int flags, sl_error *err)
{
    return sl_input_open_opts(path, flags, NULL, err);
}

sl_input *sl_input_open_opts(const char *path, int flags, const sl_text_opts *text,
                             sl_error *err)
{
    sl_input *in = calloc(1, sizeof *in);
    if (!in || !(in->path = strdup(path)))
        goto nomem;
    in->flags = flags;
    if (text)
        in->text = *text;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) != 0) {
        sl_error_set(err, SL_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
        sl_input_close(in);
        return NULL;
    }
    if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode)) {
        in->kind = IN_DIR;
        DIR *d = opendir(path);
        if (!d) {
            sl_error_set(err, SL_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
            sl_input_close(in);
            return NULL;
        }
        size_t cap = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            /* records, and pairs by their .id file (an .en file alone is
             * kept too, to be reported); anything else (an image, a
             * subdirectory) is counted for a note */
            if (e->d_name[0] == '.' ||
                (ends_with(e->d_name, ".en") && sibling(path, e->d_name, "id")))
                continue;
            char full[4096];
            struct stat es;
            snprintf(full, sizeof full, "%s/%s", path, e->d_name);
            if (!(ends_with(e->d_name, ".txt") || ends_with(e->d_name, ".id") ||
                  ends_with(e->d_name, ".en")) ||
                (stat(full, &es) == 0 && !S_ISREG(es.st_mode))) {
                if (ignore(in, e->d_name)) { closedir(d); goto nomem; }
                continue;
            }
            if (in->nnames == cap) {
                cap = cap ? cap * 2 : 64;
                char **nn = realloc(in->names, cap * sizeof *nn);
                if (!nn) { closedir(d); goto nomem; }
                in->names = nn;
            }
            if (!(in->names[in->nnames] = strdup(e->d_name))) { closedir(d); goto nomem; }
            in->nnames++;
        }
        closedir(d);
        if (in->nnames)
            qsort(in->names, in->nnames, sizeof *in->names, cmp_str);
        return in;
    }
    if ((flags & SL_INPUT_JSONL) || ends_with(path, ".jsonl")) {
        in->kind = IN_JSONL;
        if (in->text.encoding && !sl_text_encoding_lines(in->text.encoding)) {
            sl_error_set(err, SL_EUSAGE, path, 0, -1,
                         "JSON Lines cannot be read line by line in %s: convert the file "
                         "with: iconv -f %s -t UTF-8", in->text.encoding, in->text.encoding);
            sl_input_close(in);
            return NULL;
        }
        in->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
        if (!in->f) {
            sl_error_set(err, SL_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
            sl_input_close(in);
            return NULL;
        }
        if (in->f != stdin && S_ISREG(st.st_mode))
            in->size = (unsigned long long)st.st_size;
        return in;
    }
    in->kind = IN_ONE;
    return in;
nomem:
    sl_input_close(in);
    sl_error_set(err, SL_ENOMEM, path, 0, -1, "out of memory");
    return NULL;
}

void sl_item_free(sl_item *it)
{
    if (!it)
        return;
    free(it->name);
    free(it->path);
    free(it->raw);
    sl_text_free(&it->t[0]);
    sl_text_free(&it->t[1]);
    memset(it, 0, sizeof *it);
}

/* Starts an item read from path (at line): clean, with its origin. */
static int item_start(sl_item *it, int kind, const char *path, long line)
{
    memset(it, 0, sizeof *it);
    sl_error_clear(&it->err);
    it->kind = kind;
    it->line = line;
    if (strcmp(path, "-") == 0)
        path = "<stdin>"; /* as sl_text_load names it */
    if (!(it->path = strdup(path)))
        return sl_error_set(&it->err, it->status = SL_ENOMEM, path, line, -1, "out of memory");
    return SL_OK;
}

/* Marks it unreadable: its texts go, its origin and err stay. */
static void item_fail(sl_item *it, int code)
{
    free(it->name);
    it->name = NULL;
    free(it->raw);
    it->raw = NULL;
    sl_text_free(&it->t[0]);
    sl_text_free(&it->t[1]);
    it->status = code;
}

const char *sl_item_where(const sl_item *it, char *buf, size_t size)
{
    const char *p = it->path ? it->path : it->err.file;
    if (it->line > 0)
        snprintf(buf, size, "%s:%ld", p, it->line);
    else
        snprintf(buf, size, "%s", p);
    return buf;
}

void sl_input_close(sl_input *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->nnames; i++)
        free(in->names[i]);
    free(in->names);
    if (in->f && in->f != stdin)
        fclose(in->f);
    free(in->buf);
    free(in->path);
    sl_text_free(&in->page);
    free(in->page_path);
    free(in->page_name);
    free(in->recs);
    for (size_t k = 0; k < 3; k++)
        free(in->ignored[k]);
    free(in);
}

void sl_input_progress(const sl_input *in, unsigned long long *done, unsigned long long *total)
{
    if (in->kind == IN_DIR) {
        *done = in->next;
        *total = in->nnames;
    } else {
        *done = in->read;
        *total = in->size;
    }
}

/* Base name without directory and extension (.txt, .id, .en): the
 * document id of a file. */
static char *doc_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".txt") == 0)
        n -= 4;
    else if (n > 3 && (strcmp(b + n - 3, ".id") == 0 || strcmp(b + n - 3, ".en") == 0))
        n -= 3;
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = '\0';
    }
    return s;
}

/* A record file: one item, or, for a page of several records, the first
 * of them (the rest wait in in->page for next_record). */
static void load_record(sl_input *in, const char *path, sl_item *it)
{
    if (item_start(it, SL_ITEM_RECORD, path, 0))
        return;
    if (sl_text_load_opts(path, NULL, &in->text, &it->t[0], &it->err)) {
        item_fail(it, it->err.code);
        return;
    }
    it->repaired = it->t[0].repaired;
    if (!(it->name = doc_name(strcmp(path, "-") == 0 ? "stdin" : path))) {
        item_fail(it, sl_error_set(&it->err, SL_ENOMEM, path, 0, -1, "out of memory"));
        return;
    }
    sl_page_rec *recs;
    size_t n;
    if (sl_page_split(it->t[0].data, it->t[0].len, &recs, &n)) {
        item_fail(it, sl_error_set(&it->err, SL_ENOMEM, path, 0, -1, "out of memory"));
        return;
    }
    if (n < 2) {
        free(recs);
        return;
    }
    /* the page is kept whole; its records are copied out one by one */
    in->page = it->t[0];
    memset(&it->t[0], 0, sizeof it->t[0]);
    in->page_name = it->name;
    in->page_path = it->path;
    it->name = it->path = NULL;
    in->recs = recs;
    in->nrecs = n;
    in->nextrec = 0;
    sl_item_free(it);
}

/* The next record of the page being handed out, named NAME#K (K from 1)
 * and placed at its line; the page is released after its last. */
static void next_record(sl_input *in, sl_item *it)
{
    const sl_page_rec *rec = &in->recs[in->nextrec++];
    if (!item_start(it, SL_ITEM_RECORD, in->page_path, rec->line)) {
        char name[1100];
        snprintf(name, sizeof name, "%s#%zu", in->page_name, in->nextrec);
        if (sl_text_from_mem(in->page.data + rec->off, rec->len, in->page_path, &it->t[0],
                             &it->err))
            item_fail(it, it->err.code);
        else if (!(it->name = strdup(name)))
            item_fail(it, sl_error_set(&it->err, SL_ENOMEM, in->page_path, rec->line, -1,
                                       "out of memory"));
        else if (in->nextrec == 1)
            it->repaired = in->page.repaired; /* the page's repairs, told once */
    }
    if (in->nextrec == in->nrecs) {
        sl_text_free(&in->page);
        free(in->page_path);
        free(in->page_name);
        free(in->recs);
        in->page_path = in->page_name = NULL;
        in->recs = NULL;
        in->nrecs = in->nextrec = 0;
    }
}

void sl_item_load_pair(sl_item *it, const char *name, const char *id_path, const char *en_path,
                       int presplit, const sl_text_opts *text)
{
    if (item_start(it, SL_ITEM_PAIR, id_path, 0))
        return;
    it->presplit = presplit;
    if (sl_text_load_opts(id_path, NULL, text, &it->t[0], &it->err) ||
        sl_text_load_opts(en_path, NULL, text, &it->t[1], &it->err))
        item_fail(it, it->err.code);
    else if (!(it->name = strdup(name)))
        item_fail(it, sl_error_set(&it->err, SL_ENOMEM, id_path, 0, -1, "out of memory"));
    else
        it->repaired = it->t[0].repaired + it->t[1].repaired;
}

/* A directory entry: a record, or a pair by its .id file. */
static void load_entry(sl_input *in, const char *name, sl_item *it)
{
    char path[4096], other[4096];
    snprintf(path, sizeof path, "%s/%s", in->path, name);
    if (ends_with(name, ".txt")) {
        load_record(in, path, it);
        return;
    }
    size_t n = strlen(name) - 3;
    int is_id = ends_with(name, ".id");
    snprintf(other, sizeof other, "%s/%.*s.%s", in->path, (int)n, name, is_id ? "en" : "id");
    char *doc = doc_name(path);
    if (!doc) {
        if (!item_start(it, SL_ITEM_PAIR, path, 0))
            item_fail(it, sl_error_set(&it->err, SL_ENOMEM, path, 0, -1, "out of memory"));
        return;
    }
    if (is_id) {
        sl_item_load_pair(it, doc, path, other, (in->flags & SL_INPUT_PRESPLIT) != 0, &in->text);
    } else if (!item_start(it, SL_ITEM_PAIR, path, 0)) {
        item_fail(it, sl_error_set(&it->err, SL_EINPUT, path, 0, -1,
                                   "an English text without its Indonesian one (%s)", other));
    }
    free(doc);
}

/* The text of "id" or "en": a string as it is, or an array of strings as
 * one segment per line (a line break inside a segment becomes a space, so
 * that segments stay one per line). NULL with err set when it is neither. */
static char *side_text(json_t *x, const char *key, int *presplit, size_t *len, sl_item *it)
{
    if (json_is_string(x)) {
        *len = json_string_length(x);
        char *t = malloc(*len + 1);
        if (t)
            memcpy(t, json_string_value(x), *len + 1);
        else
            sl_error_set(&it->err, SL_ENOMEM, it->path, it->line, -1, "out of memory");
        return t;
    }
    if (!json_is_array(x)) {
        sl_error_set(&it->err, SL_EINPUT, it->path, it->line, -1,
                     "\"%s\" must be a string or an array of strings", key);
        return NULL;
    }
    *presplit = 1;
    size_t n = 0, k;
    json_t *seg;
    json_array_foreach(x, k, seg) {
        if (!json_is_string(seg)) {
            sl_error_set(&it->err, SL_EINPUT, it->path, it->line, -1,
                         "\"%s\"[%zu] must be a string", key, k);
            return NULL;
        }
        n += json_string_length(seg) + 1;
    }
    char *t = malloc(n + 1);
    if (!t) {
        sl_error_set(&it->err, SL_ENOMEM, it->path, it->line, -1, "out of memory");
        return NULL;
    }
    size_t o = 0;
    json_array_foreach(x, k, seg) {
        const char *v = json_string_value(seg);
        size_t m = json_string_length(seg);
        for (size_t i = 0; i < m; i++)
            t[o++] = v[i] == '\n' || v[i] == '\r' ? ' ' : v[i];
        t[o++] = '\n';
    }
    t[o] = '\0';
    *len = o;
    return t;
}

void sl_item_prepare(sl_item *it)
{
    if (it->status || !it->raw)
        return;
    sl_error *err = &it->err;
    json_error_t je;
    json_t *o = json_loadb(it->raw, it->rawlen, 0, &je);
    free(it->raw);
    it->raw = NULL;
    if (!o) {
        sl_error_set(err, SL_EINPUT, it->path, it->line, -1, "invalid JSON: %s", je.text);
        err->column = je.column > 0 ? je.column : 0;
        item_fail(it, SL_EINPUT);
        return;
    }
    static const char *const keys[3] = { "doc", "id", "en" };
    json_t *v[3] = { NULL, NULL, NULL };
    int rc = SL_OK;
    for (int k = 0; k < 3 && json_is_object(o); k++)
        v[k] = json_object_get(o, keys[k]);
    if (!json_is_object(o) || !v[1] || !v[2])
        rc = sl_error_set(err, SL_EINPUT, it->path, it->line, -1,
                          "expected an object with \"id\" and \"en\"");
    else if (v[0] && !json_is_string(v[0]))
        rc = sl_error_set(err, SL_EINPUT, it->path, it->line, -1, "\"doc\" must be a string");
    char fallback[32];
    snprintf(fallback, sizeof fallback, "line %ld", it->line);
    if (rc == SL_OK && !(it->name = strdup(v[0] ? json_string_value(v[0]) : fallback)))
        rc = sl_error_set(err, SL_ENOMEM, it->path, it->line, -1, "out of memory");
    int split[2] = { 0, 0 };
    for (int k = 0; rc == SL_OK && k < 2; k++) {
        size_t n = 0;
        char *t = side_text(v[k + 1], keys[k + 1], &split[k], &n, it);
        if (!t) {
            rc = err->code;
            break;
        }
        if ((rc = sl_text_from_mem(t, n, it->path, &it->t[k], err))) {
            err->line = it->line;
            snprintf(err->msg + strlen(err->msg), sizeof err->msg - strlen(err->msg),
                     " in \"%s\"", keys[k + 1]);
        }
        free(t);
    }
    if (rc == SL_OK && split[0] != split[1])
        rc = sl_error_set(err, SL_EINPUT, it->path, it->line, -1,
                          "\"id\" and \"en\" must both be strings or both be arrays");
    it->presplit = it->presplit || split[0];
    json_decref(o);
    if (rc)
        item_fail(it, rc);
}

/* A JSON line, kept raw: decoding waits for the thread that aligns it. */
static void json_item(sl_input *in, const char *line, size_t len, sl_item *it)
{
    if (item_start(it, SL_ITEM_PAIR, in->path, in->line))
        return;
    it->presplit = (in->flags & SL_INPUT_PRESPLIT) != 0;
    sl_text t = { 0 };
    if ((in->text.encoding || in->text.repair) &&
        sl_text_from_mem_opts(line, len, in->path, &in->text, &t, &it->err) == SL_OK) {
        line = t.data; /* converted or repaired; a line that fails is left to JSON */
        len = t.len;
        it->repaired = t.repaired;
    }
    if (!(it->raw = malloc(len + 1))) {
        sl_text_free(&t);
        item_fail(it, sl_error_set(&it->err, SL_ENOMEM, it->path, in->line, -1, "out of memory"));
        return;
    }
    memcpy(it->raw, line, len);
    it->raw[len] = '\0';
    it->rawlen = len;
    sl_text_free(&t);
}

size_t sl_input_next(sl_input *in, sl_item *items, size_t max)
{
    size_t got = 0;
    if (in->kind == IN_ONE || in->kind == IN_DIR) {
        /* a file read may leave a page's records waiting: they come first */
        while (got < max) {
            if (in->nrecs) {
                next_record(in, &items[got++]);
                continue;
            }
            if (in->kind == IN_ONE ? in->next > 0 : in->next >= in->nnames)
                break;
            sl_item *it = &items[got];
            if (in->kind == IN_ONE) {
                in->next++;
                load_record(in, in->path, it);
            } else {
                load_entry(in, in->names[in->next++], it);
            }
            if (it->name || it->status) /* not a page, whose records follow */
                got++;
        }
        return got;
    }
    while (got < max && !in->done) {
        ssize_t n = getline(&in->buf, &in->bufcap, in->f);
        if (n < 0) {
            in->done = 1;
            if (ferror(in->f)) {
                int e = errno;
                sl_item *it = &items[got++];
                if (!item_start(it, SL_ITEM_PAIR, in->path, in->line + 1))
                    item_fail(it, sl_error_set(&it->err, SL_EIO, it->path, in->line + 1, -1,
                                               "read error: %s", strerror(e)));
            }
            break;
        }
        in->line++;
        in->read += (unsigned long long)n;
        if (in->line == 1 && !in->text.encoding && (memchr(in->buf, '\0', (size_t)n) ||
                                                    (unsigned char)in->buf[0] >= 0xFE)) {
            /* UTF-16 or binary data is no JSON Lines: one error says what
             * the file is, instead of one per line */
            sl_item *it = &items[got++];
            sl_text t;
            in->done = 1;
            if (!item_start(it, SL_ITEM_PAIR, in->path, 0) &&
                sl_text_from_mem(in->buf, (size_t)n, it->path, &t, &it->err) == SL_OK) {
                sl_text_free(&t);
                sl_error_set(&it->err, SL_EINPUT, it->path, 1, -1, "not JSON Lines");
            }
            item_fail(it, it->err.code ? it->err.code : SL_EINPUT);
            break;
        }
        size_t k = (size_t)n;
        while (k && (in->buf[k - 1] == '\n' || in->buf[k - 1] == '\r' || in->buf[k - 1] == ' '))
            k--;
        if (k == 0)
            continue;
        json_item(in, in->buf, k, &items[got++]);
    }
    return got;
}

int sl_input_several(const char *path, int flags)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
        return 0;
    if (S_ISDIR(st.st_mode) || (flags & SL_INPUT_JSONL) || ends_with(path, ".jsonl"))
        return 1;
    sl_text t;
    sl_error err;
    sl_page_rec *recs;
    size_t n = 0;
    if (sl_text_load(path, NULL, &t, &err))
        return 0; /* the run reports it */
    if (sl_page_split(t.data, t.len, &recs, &n) == 0)
        free(recs);
    sl_text_free(&t);
    return n > 1;
}
