/* arena.h - bump allocator for per-document work and for long-lived
 * structures built once (dictionaries). Everything allocated from an arena
 * is freed together by kbi_arena_free. */
#ifndef KB_ARENA_H
#define KB_ARENA_H

#include <stddef.h>
#include "khabar.h"

typedef struct kbi_arena_block kbi_arena_block;

typedef struct kbi_arena {
    kbi_arena_block *head;
    char *cur;            /* next free byte in head */
    char *end;            /* end of head's payload */
    size_t total;         /* bytes obtained from the allocator */
    const kb_allocator *alloc;
    int failed;           /* an allocation failed at least once */
} kbi_arena;

void kbi_arena_init(kbi_arena *a, const kb_allocator *alloc);
void kbi_arena_free(kbi_arena *a);
/* Drops every allocation but keeps the first block for reuse. */
void kbi_arena_reset(kbi_arena *a);
/* Returns 8-byte aligned zeroed memory, or NULL (and sets a->failed). */
void *kbi_arena_alloc(kbi_arena *a, size_t n);
char *kbi_arena_strndup(kbi_arena *a, const char *s, size_t n);
char *kbi_arena_strdup(kbi_arena *a, const char *s);

/* The allocator hook, NULL meaning the C library. */
void *kbi_realloc(const kb_allocator *al, void *p, size_t old_size,
                  size_t new_size);
void kbi_free(const kb_allocator *al, void *p, size_t old_size);

#endif
