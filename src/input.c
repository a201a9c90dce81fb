/* input.c — document sources for batches. */
#include "selaras/input.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { IN_DIR, IN_JSONL, IN_ONE };

struct sl_input {
    int kind;
    char *path;
    char **names; /* directory entries, sorted */
    size_t nnames, next;
    FILE *f;      /* JSON Lines */
    long line;
    int done;     /* the stream ended or failed */
    char *buf;
    size_t bufcap;
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

sl_input *sl_input_open(const char *path, int jsonl, sl_error *err)
{
    sl_input *in = calloc(1, sizeof *in);
    if (!in || !(in->path = strdup(path)))
        goto nomem;
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
            if (e->d_name[0] == '.' || !ends_with(e->d_name, ".txt"))
                continue;
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
    if (jsonl || ends_with(path, ".jsonl")) {
        in->kind = IN_JSONL;
        in->f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
        if (!in->f) {
            sl_error_set(err, SL_EIO, path, 0, -1, "cannot open: %s", strerror(errno));
            sl_input_close(in);
            return NULL;
        }
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
    free(in);
}

/* Base name without directory and .txt: the document id of a record file. */
static char *doc_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".txt") == 0)
        n -= 4;
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = '\0';
    }
    return s;
}

static void load_record(const char *path, sl_item *it)
{
    if (item_start(it, SL_ITEM_RECORD, path, 0))
        return;
    if (sl_text_load(path, NULL, &it->t[0], &it->err)) {
        item_fail(it, it->err.code);
        return;
    }
    if (!(it->name = doc_name(strcmp(path, "-") == 0 ? "stdin" : path)))
        item_fail(it, sl_error_set(&it->err, SL_ENOMEM, path, 0, -1, "out of memory"));
}

void sl_item_load_pair(sl_item *it, const char *id_path, const char *en_path)
{
    if (item_start(it, SL_ITEM_PAIR, id_path, 0))
        return;
    if (sl_text_load(id_path, NULL, &it->t[0], &it->err) ||
        sl_text_load(en_path, NULL, &it->t[1], &it->err))
        item_fail(it, it->err.code);
    else if (!(it->name = strdup(id_path)))
        item_fail(it, sl_error_set(&it->err, SL_ENOMEM, id_path, 0, -1, "out of memory"));
}

/* One JSON Lines object into it; a broken line leaves it failed, with the
 * line and, for a syntax error, the column. */
static void json_item(sl_input *in, const char *line, size_t len, sl_item *it)
{
    if (item_start(it, SL_ITEM_PAIR, in->path, in->line))
        return;
    sl_error *err = &it->err;
    json_error_t je;
    json_t *o = json_loadb(line, len, 0, &je);
    if (!o) {
        sl_error_set(err, SL_EINPUT, it->path, in->line, -1, "invalid JSON: %s", je.text);
        err->column = je.column > 0 ? je.column : 0;
        item_fail(it, SL_EINPUT);
        return;
    }
    const char *keys[3] = { "doc", "id", "en" };
    const char *v[3] = { NULL, NULL, NULL };
    size_t n[3] = { 0, 0, 0 };
    int rc = SL_OK;
    for (int k = 0; k < 3 && rc == SL_OK; k++) {
        json_t *x = json_is_object(o) ? json_object_get(o, keys[k]) : NULL;
        if (x && !json_is_string(x))
            rc = sl_error_set(err, SL_EINPUT, it->path, in->line, -1, "\"%s\" must be a string",
                              keys[k]);
        else if (x) {
            v[k] = json_string_value(x);
            n[k] = json_string_length(x);
        }
    }
    if (rc == SL_OK && (!json_is_object(o) || !v[1] || !v[2]))
        rc = sl_error_set(err, SL_EINPUT, it->path, in->line, -1,
                          "expected an object with \"id\" and \"en\" strings");
    char fallback[32];
    snprintf(fallback, sizeof fallback, "line %ld", in->line);
    if (rc == SL_OK && !(it->name = strdup(v[0] ? v[0] : fallback)))
        rc = sl_error_set(err, SL_ENOMEM, it->path, in->line, -1, "out of memory");
    for (int k = 0; rc == SL_OK && k < 2; k++) {
        if ((rc = sl_text_from_mem(v[k + 1], n[k + 1], it->path, &it->t[k], err))) {
            err->line = in->line;
            snprintf(err->msg + strlen(err->msg), sizeof err->msg - strlen(err->msg),
                     " in \"%s\"", keys[k + 1]);
        }
    }
    json_decref(o);
    if (rc)
        item_fail(it, rc);
}

size_t sl_input_next(sl_input *in, sl_item *items, size_t max)
{
    size_t got = 0;
    if (in->kind == IN_ONE) {
        if (in->next++ > 0 || max == 0)
            return 0;
        load_record(in->path, &items[0]);
        return 1;
    }
    if (in->kind == IN_DIR) {
        char path[4096];
        while (got < max && in->next < in->nnames) {
            snprintf(path, sizeof path, "%s/%s", in->path, in->names[in->next++]);
            load_record(path, &items[got++]);
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
        size_t k = (size_t)n;
        while (k && (in->buf[k - 1] == '\n' || in->buf[k - 1] == '\r' || in->buf[k - 1] == ' '))
            k--;
        if (k == 0)
            continue;
        json_item(in, in->buf, k, &items[got++]);
    }
    return got;
}
