/* vec.h - growable arrays through the allocator hook.
 *     T *items; size_t n, cap;
 *     if (!kbi_vec_reserve(al, (void **)&items, &cap, n + 1, sizeof *items))
 *         return KB_ERR_NOMEM;
 *     items[n++] = x;
 * Free with kbi_free(al, items, cap * sizeof *items). */
#ifndef KB_VEC_H
#define KB_VEC_H

#include <stddef.h>
#include "khabar.h"

int kbi_vec_reserve(const kb_allocator *al, void **items, size_t *cap,
                    size_t need, size_t elem);

#endif
