/* strmap.h — interning hash table: byte strings to dense ids 0..n-1. */
#ifndef SELARAS_STRMAP_H
#define SELARAS_STRMAP_H

#include <stddef.h>

typedef struct sl_strmap sl_strmap;

/* New empty map, or NULL when out of memory. */
sl_strmap *sl_strmap_new(void);
/* Frees the map and its keys (safe on NULL). */
void sl_strmap_free(sl_strmap *m);
/* Id of key, adding it when absent; -1 when out of memory. */
long sl_strmap_intern(sl_strmap *m, const char *key, size_t len);
/* Id of key, or -1 when absent. Read-only: safe from several threads. */
long sl_strmap_get(const sl_strmap *m, const char *key, size_t len);
/* Number of keys. */
size_t sl_strmap_size(const sl_strmap *m);
/* The NUL-terminated key of id (owned by the map). */
const char *sl_strmap_key(const sl_strmap *m, long id);

#endif
