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
    sl_text_free(&it->t[0]);
    sl_text_free(&it->t[1]);
    memset(it, 0, sizeof *it);
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

static int load_record(const char *path, sl_item *it, sl_error *err)
{
    memset(it, 0, sizeof *it);
    it->kind = SL_ITEM_RECORD;
    if (sl_text_load(path, NULL, &it->t[0], err))
        return -1;
    if (!(it->name = doc_name(strcmp(path, "-") == 0 ? "stdin" : path))) {
        sl_item_free(it);
        sl_error_set(err, SL_ENOMEM, path, 0, -1, "out of memory");
        return -1;
    }
    return 0;
}

/* One JSON Lines object into it. */
static int json_item(sl_input *in, const char *line, size_t len, sl_item *it, sl_error *err)
{
    memset(it, 0, sizeof *it);
    it->kind = SL_ITEM_PAIR;
    json_error_t je;
    json_t *o = json_loadb(line, len, 0, &je);
    if (!o)
        return sl_error_set(err, SL_EINPUT, in->path, in->line, -1, "invalid JSON at column %d: %s",
                            je.column, je.text), -1;
    const char *keys[3] = { "doc", "id", "en" };
    const char *v[3] = { NULL, NULL, NULL };
    size_t n[3] = { 0, 0, 0 };
    for (int k = 0; k < 3; k++) {
        json_t *x = json_is_object(o) ? json_object_get(o, keys[k]) : NULL;
        if (x && !json_is_string(x)) {
            json_decref(o);
            return sl_error_set(err, SL_EINPUT, in->path, in->line, -1,
                                "\"%s\" must be a string", keys[k]), -1;
        }
        if (x) {
            v[k] = json_string_value(x);
            n[k] = json_string_length(x);
        }
    }
    if (!json_is_object(o) || !v[1] || !v[2]) {
        json_decref(o);
        return sl_error_set(err, SL_EINPUT, in->path, in->line, -1,
                            "expected an object with \"id\" and \"en\" strings"), -1;
    }
    char fallback[32];
    snprintf(fallback, sizeof fallback, "line %ld", in->line);
    it->name = strdup(v[0] ? v[0] : fallback);
    char where[64];
    snprintf(where, sizeof where, "%s", in->path);
    int rc = !it->name ? -1 : 0;
    for (int k = 0; rc == 0 && k < 2; k++) {
        if (sl_text_from_mem(v[k + 1], n[k + 1], where, &it->t[k], err)) {
            err->line = in->line;
            snprintf(err->msg + strlen(err->msg), sizeof err->msg - strlen(err->msg),
                     " in \"%s\"", keys[k + 1]);
            rc = -1;
        }
    }
    json_decref(o);
    if (rc) {
        if (!it->name)
            sl_error_set(err, SL_ENOMEM, in->path, in->line, -1, "out of memory");
        sl_item_free(it);
    }
    return rc;
}

long sl_input_next(sl_input *in, sl_item *items, size_t max, sl_error *err)
{
    size_t got = 0;
    if (in->kind == IN_ONE) {
        if (in->next++ > 0 || max == 0)
            return 0;
        return load_record(in->path, &items[0], err) ? -1 : 1;
    }
    if (in->kind == IN_DIR) {
        char path[4096];
        while (got < max && in->next < in->nnames) {
            snprintf(path, sizeof path, "%s/%s", in->path, in->names[in->next++]);
            if (load_record(path, &items[got], err))
                goto fail;
            got++;
        }
        return (long)got;
    }
    while (got < max) {
        ssize_t n = getline(&in->buf, &in->bufcap, in->f);
        if (n < 0) {
            if (ferror(in->f)) {
                sl_error_set(err, SL_EIO, in->path, in->line, -1, "read error");
                goto fail;
            }
            break;
        }
        in->line++;
        size_t k = (size_t)n;
        while (k && (in->buf[k - 1] == '\n' || in->buf[k - 1] == '\r' || in->buf[k - 1] == ' '))
            k--;
        if (k == 0)
            continue;
        if (json_item(in, in->buf, k, &items[got], err))
            goto fail;
        got++;
    }
    return (long)got;
fail:
    while (got)
        sl_item_free(&items[--got]);
    return -1;
}
