/* strmap.c — open addressing (linear probing) over FNV-1a hashes; keys live
 * in one growing arena so that interning a word costs no malloc. */
#include "selaras/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sl_strmap {
    long *slots;        /* id + 1, 0 = empty */
    size_t nslots;      /* power of two */
    size_t *koff;       /* arena offset of each key */
    uint32_t *khash, *klen;
    size_t n, kcap;
    char *arena;
    size_t alen, acap;
};

static uint32_t hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

sl_strmap *sl_strmap_new(void)
{
    sl_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nslots = 64;
    m->slots = calloc(m->nslots, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

void sl_strmap_free(sl_strmap *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->koff);
    free(m->khash);
    free(m->klen);
    free(m->arena);
    free(m);
}

static long find(const sl_strmap *m, const char *key, size_t len, uint32_t h, size_t *slot)
{
    size_t mask = m->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        long v = m->slots[i];
        if (v == 0) {
            *slot = i;
            return -1;
        }
        long id = v - 1;
        if (m->khash[id] == h && m->klen[id] == len &&
            memcmp(m->arena + m->koff[id], key, len) == 0)
            return id;
    }
}

long sl_strmap_get(const sl_strmap *m, const char *key, size_t len)
{
    size_t slot;
    return find(m, key, len, hash(key, len), &slot);
}

static int grow(sl_strmap *m)
{
    size_t ns = m->nslots * 2;
    long *s = calloc(ns, sizeof *s);
    if (!s)
        return -1;
    for (size_t id = 0; id < m->n; id++) {
        size_t i = m->khash[id] & (ns - 1);
        while (s[i])
            i = (i + 1) & (ns - 1);
        s[i] = (long)id + 1;
    }
    free(m->slots);
    m->slots = s;
    m->nslots = ns;
    return 0;
}

long sl_strmap_intern(sl_strmap *m, const char *key, size_t len)
{
    uint32_t h = hash(key, len);
    size_t slot;
    long id = find(m, key, len, h, &slot);
    if (id >= 0)
        return id;
    if ((m->n + 1) * 2 > m->nslots) {
        if (grow(m))
            return -1;
        find(m, key, len, h, &slot);
    }
    if (m->n == m->kcap) {
        size_t nc = m->kcap ? m->kcap * 2 : 64;
        size_t *ko = realloc(m->koff, nc * sizeof *ko);
        if (!ko)
            return -1;
        m->koff = ko;
        uint32_t *kh = realloc(m->khash, nc * sizeof *kh);
        if (!kh)
            return -1;
        m->khash = kh;
        uint32_t *kl = realloc(m->klen, nc * sizeof *kl);
        if (!kl)
            return -1;
        m->klen = kl;
        m->kcap = nc;
    }
    if (m->alen + len + 1 > m->acap) {
        size_t nc = m->acap ? m->acap * 2 : 4096;
        while (nc < m->alen + len + 1)
            nc *= 2;
        char *a = realloc(m->arena, nc);
        if (!a)
            return -1;
        m->arena = a;
        m->acap = nc;
    }
    memcpy(m->arena + m->alen, key, len);
    m->arena[m->alen + len] = '\0';
    m->koff[m->n] = m->alen;
    m->khash[m->n] = h;
    m->klen[m->n] = (uint32_t)len;
    m->alen += len + 1;
    m->slots[slot] = (long)m->n + 1;
    return (long)m->n++;
}

size_t sl_strmap_size(const sl_strmap *m) { return m->n; }

const char *sl_strmap_key(const sl_strmap *m, long id) { return m->arena + m->koff[id]; }
