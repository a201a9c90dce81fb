/* strmap.c — open addressing (linear probing) over FNV-1a hashes; keys live
 * in one growing arena so that interning a word costs no malloc. A slot
 * holds the key's hash beside its id, so a probe that meets another key
 * is settled without touching the key arrays (one cache miss per lookup,
 * which sl_strmap_prefetch can hide). */
#include "selaras/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t hash;
    uint32_t id1; /* id + 1, 0 = empty */
    uint32_t len; /* the key's, so a probe reads no other array */
    uint32_t off; /* low 32 bits of the key's arena offset, to compare
                   * without the offsets array when the arena is small */
} slot_t;

struct sl_strmap {
    slot_t *slots;
    size_t nslots;      /* power of two */
    size_t *koff;       /* arena offset of each key */
    uint32_t *klen;
    size_t n, kcap;
    char *arena;
    size_t alen, acap;
};

uint32_t sl_strmap_hash(const char *s, size_t len)
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
    free(m->klen);
    free(m->arena);
    free(m);
}

static long find(const sl_strmap *m, const char *key, size_t len, uint32_t h, size_t *slot)
{
    size_t mask = m->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot_t v = m->slots[i];
        if (v.id1 == 0) {
            *slot = i;
            return -1;
        }
        if (v.hash != h || v.len != len)
            continue;
        long id = (long)v.id1 - 1;
        const char *k = m->alen <= UINT32_MAX ? m->arena + v.off : m->arena + m->koff[id];
        if (memcmp(k, key, len) == 0)
            return id;
    }
}

void sl_strmap_prefetch(const sl_strmap *m, uint32_t h)
{
    __builtin_prefetch(&m->slots[h & (m->nslots - 1)]);
}

long sl_strmap_get_h(const sl_strmap *m, const char *key, size_t len, uint32_t h)
{
    size_t slot;
    return find(m, key, len, h, &slot);
}

long sl_strmap_get(const sl_strmap *m, const char *key, size_t len)
{
    return sl_strmap_get_h(m, key, len, sl_strmap_hash(key, len));
}

static int grow(sl_strmap *m)
{
    size_t ns = m->nslots * 2;
    slot_t *s = calloc(ns, sizeof *s);
    if (!s)
        return -1;
    for (size_t k = 0; k < m->nslots; k++) {
        if (!m->slots[k].id1)
            continue;
        size_t i = m->slots[k].hash & (ns - 1);
        while (s[i].id1)
            i = (i + 1) & (ns - 1);
        s[i] = m->slots[k];
    }
    free(m->slots);
    m->slots = s;
    m->nslots = ns;
    return 0;
}

long sl_strmap_intern(sl_strmap *m, const char *key, size_t len)
{
    uint32_t h = sl_strmap_hash(key, len);
    size_t slot;
    long id = find(m, key, len, h, &slot);
    if (id >= 0)
        return id;
    if (m->n >= UINT32_MAX - 1)
        return -1;
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
    m->klen[m->n] = (uint32_t)len;
    m->alen += len + 1;
    m->slots[slot] = (slot_t){ h, (uint32_t)m->n + 1, (uint32_t)len, (uint32_t)m->koff[m->n] };
    return (long)m->n++;
}

size_t sl_strmap_size(const sl_strmap *m) { return m->n; }

const char *sl_strmap_key(const sl_strmap *m, long id) { return m->arena + m->koff[id]; }
