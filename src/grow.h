/* grow.h — growing an array: the one helper the library's modules share
 * for their reusable scratch arrays. */
#ifndef SELARAS_GROW_H
#define SELARAS_GROW_H

#include <stdlib.h>
#include <string.h>

/* Makes *pp (an array of elem-byte items with room for *cap) hold at least
 * need items, doubling; new items are uninitialised. 0, or -1 when out of
 * memory (the array is then as it was). The pointer at pp is copied with
 * memcpy, so that one helper serves arrays of every type without breaking
 * the aliasing rules. */
static inline int sl_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < need)
        nc *= 2;
    void *p;
    memcpy(&p, pp, sizeof p);
    p = realloc(p, nc * elem);
    if (!p)
        return -1;
    memcpy(pp, &p, sizeof p);
    *cap = nc;
    return 0;
}

#endif
