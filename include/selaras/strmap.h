/* strmap.h — interning hash table: byte strings to dense ids 0..n-1. */
#ifndef SELARAS_STRMAP_H
#define SELARAS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct sl_strmap sl_strmap;

/* New empty map, or NULL when out of memory. */
sl_strmap *sl_strmap_new(void);
/* Frees the map and its keys (safe on NULL). */
void sl_strmap_free(sl_strmap *m);
/* Id of key, adding it when absent; -1 when out of memory. */
long sl_strmap_intern(sl_strmap *m, const char *key, size_t len);
/* Id of key, or -1 when absent. Read-only: safe from several threads. */
long sl_strmap_get(const sl_strmap *m, const char *key, size_t len);
/* The hash the map uses, and lookups given it: a caller with many keys to
 * look up hashes them all, prefetches their slots, then looks them up, so
 * the memory latency of a large map overlaps. */
uint32_t sl_strmap_hash(const char *key, size_t len);
void sl_strmap_prefetch(const sl_strmap *m, uint32_t h);
long sl_strmap_get_h(const sl_strmap *m, const char *key, size_t len, uint32_t h);
/* Number of keys. */
size_t sl_strmap_size(const sl_strmap *m);
/* The NUL-terminated key of id (owned by the map). */
const char *sl_strmap_key(const sl_strmap *m, long id);

#endif
