/* arena.c - see arena.h. Blocks grow geometrically; a request larger than
 * half a block gets a block of its own. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct kbi_arena_block {
    kbi_arena_block *next;
    size_t size; /* payload bytes */
    /* payload follows, aligned by max_align_t */
    max_align_t payload[];
};

enum { FIRST_BLOCK = 16 * 1024, MAX_BLOCK = 4 * 1024 * 1024 };

void *kbi_realloc(const kb_allocator *al, void *p, size_t old_size,
                  size_t new_size)
{
    if (al && al->realloc)
        return al->realloc(al->ctx, p, old_size, new_size);
    if (new_size == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, new_size);
}

void kbi_free(const kb_allocator *al, void *p, size_t old_size)
{
    if (p)
        kbi_realloc(al, p, old_size, 0);
}

void kbi_arena_init(kbi_arena *a, const kb_allocator *alloc)
{
    memset(a, 0, sizeof *a);
    a->alloc = alloc;
}

void kbi_arena_free(kbi_arena *a)
{
    kbi_arena_block *b = a->head;
    while (b) {
        kbi_arena_block *next = b->next;
        kbi_free(a->alloc, b, sizeof *b + b->size);
        b = next;
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->total = 0;
}

void kbi_arena_reset(kbi_arena *a)
{
    if (!a->head)
        return;
    /* keep the oldest (last in the list) block */
    kbi_arena_block *b = a->head, *keep = NULL;
    while (b) {
        kbi_arena_block *next = b->next;
        if (!next)
            keep = b;
        else
            kbi_free(a->alloc, b, sizeof *b + b->size);
        b = next;
    }
    a->head = keep;
    a->cur = (char *)keep->payload;
    a->end = a->cur + keep->size;
    a->total = sizeof *keep + keep->size;
}

static int grow(kbi_arena *a, size_t need)
{
    size_t size = a->head ? a->head->size * 2 : FIRST_BLOCK;
    if (size > MAX_BLOCK)
        size = MAX_BLOCK;
    if (size < need)
        size = need;
    kbi_arena_block *b = kbi_realloc(a->alloc, NULL, 0, sizeof *b + size);
    if (!b) {
        a->failed = 1;
        return 0;
    }
    b->size = size;
    if (a->head && need > size / 2 && a->cur) {
        /* a big one-off: put it behind the current block */
        b->next = a->head->next;
        a->head->next = b;
        a->total += sizeof *b + size;
        return 2;
    }
    b->next = a->head;
    a->head = b;
    a->cur = (char *)b->payload;
    a->end = a->cur + size;
    a->total += sizeof *b + size;
    return 1;
}

void *kbi_arena_alloc(kbi_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0)
        n = 8;
    if (!a->cur || (size_t)(a->end - a->cur) < n) {
        int r = grow(a, n);
        if (r == 0)
            return NULL;
        if (r == 2) {
            void *p = a->head->next->payload;
            memset(p, 0, n);
            return p;
        }
    }
    void *p = a->cur;
    a->cur += n;
    memset(p, 0, n);
    return p;
}

char *kbi_arena_strndup(kbi_arena *a, const char *s, size_t n)
{
    char *d = kbi_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *kbi_arena_strdup(kbi_arena *a, const char *s)
{
    return kbi_arena_strndup(a, s, strlen(s));
}
