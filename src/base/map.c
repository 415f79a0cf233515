/* map.c - see map.h. Linear probing, load factor <= 1/2. */
#include "map.h"

#include <string.h>

#include "arena.h"
#include "util.h"

void kbi_map_init(kbi_map *m, const kb_allocator *alloc)
{
    memset(m, 0, sizeof *m);
    m->alloc = alloc;
}

void kbi_map_free(kbi_map *m)
{
    kbi_free(m->alloc, m->slots, m->cap * sizeof *m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}

static kbi_map_slot *find(const kbi_map *m, const char *key, size_t len,
                          uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        kbi_map_slot *s = &m->slots[i];
        if (!s->key)
            return s;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

int32_t kbi_map_get(const kbi_map *m, const char *key, size_t len)
{
    if (m->cap == 0)
        return -1;
    kbi_map_slot *s = find(m, key, len, kbi_hash(key, len));
    return s->key ? s->value : -1;
}

static int rehash(kbi_map *m, size_t cap)
{
    kbi_map_slot *old = m->slots;
    size_t oldcap = m->cap;
    kbi_map_slot *ns = kbi_realloc(m->alloc, NULL, 0, cap * sizeof *ns);
    if (!ns)
        return 0;
    memset(ns, 0, cap * sizeof *ns);
    m->slots = ns;
    m->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    kbi_free(m->alloc, old, oldcap * sizeof *old);
    return 1;
}

int kbi_map_put(kbi_map *m, const char *key, size_t len, int32_t value)
{
    if ((m->count + 1) * 2 > m->cap &&
        !rehash(m, m->cap ? m->cap * 2 : 64))
        return 0;
    uint64_t h = kbi_hash(key, len);
    kbi_map_slot *s = find(m, key, len, h);
    if (!s->key) {
        s->key = key;
        s->len = (uint32_t)len;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return 1;
}
