/* map.h - string -> int table (open addressing). Keys are not copied: they
 * must outlive the map (normally they live in the same arena). Used by the
 * dictionaries, which are built once and then only read, so lookups are
 * safe from many threads. */
#ifndef KB_MAP_H
#define KB_MAP_H

#include <stddef.h>
#include <stdint.h>
#include "khabar.h"

typedef struct kbi_map_slot {
    const char *key;
    uint32_t len;
    int32_t value;
    uint64_t hash;
} kbi_map_slot;

typedef struct kbi_map {
    kbi_map_slot *slots;
    size_t cap;   /* power of two, or 0 */
    size_t count;
    const kb_allocator *alloc;
} kbi_map;

void kbi_map_init(kbi_map *m, const kb_allocator *alloc);
void kbi_map_free(kbi_map *m);
/* Returns the value for key, or -1. */
int32_t kbi_map_get(const kbi_map *m, const char *key, size_t len);
/* Inserts or replaces. Returns 0 when out of memory. */
int kbi_map_put(kbi_map *m, const char *key, size_t len, int32_t value);

#endif
