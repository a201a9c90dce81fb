/* grow.h — growing an array: the one helper the library's modules share
 * for their reusable scratch arrays. */
#ifndef SELARAS_GROW_H
#define SELARAS_GROW_H

#include <stdlib.h>

/* Makes *pp (an array of elem-byte items with room for *cap) hold at least
 * need items, doubling; new items are uninitialised. 0, or -1 when out of
 * memory (the array is then as it was). */
static inline int sl_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 64;
    while (nc < need)
        nc *= 2;
    void *p = realloc(*(void **)pp, nc * elem);
    if (!p)
        return -1;
    *(void **)pp = p;
    *cap = nc;
    return 0;
}

#endif
