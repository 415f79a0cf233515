/* vec.c - see vec.h. */
#include "vec.h"

#include <stdint.h>

#include "arena.h"

int kbi_vec_reserve(const kb_allocator *al, void **items, size_t *cap,
                    size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem)
            return 0;
        nc *= 2;
    }
    void *p = kbi_realloc(al, *items, *cap * elem, nc * elem);
    if (!p)
        return 0;
    *items = p;
    *cap = nc;
    return 1;
}
