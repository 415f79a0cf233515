/* result.c - kb_result: the events coded from one record. */
#include <string.h>

#include "../base/arena.h"
#include "../base/vec.h"
#include "result.h"

kb_result *kb_result_new(const kb_allocator *alloc)
{
    kb_result *r = kbi_realloc(alloc, NULL, 0, sizeof *r);
    if (!r)
        return NULL;
    memset(r, 0, sizeof *r);
    r->alloc = alloc;
    kbi_arena_init(&r->arena, alloc);
    kbi_arena_init(&r->work, alloc);
    return r;
}

void kb_result_free(kb_result *r)
{
    if (!r)
        return;
    kbi_free(r->alloc, r->events, r->cap * sizeof *r->events);
    kbi_free(r->alloc, r->tok, r->tokcap * sizeof *r->tok);
    kbi_arena_free(&r->arena);
    kbi_arena_free(&r->work);
    kbi_free(r->alloc, r, sizeof *r);
}

void kbi_result_clear(kb_result *r)
{
    r->n = 0;
    r->sentences = 0;
    r->rejection = NULL;
    kbi_arena_reset(&r->arena);
    kbi_arena_reset(&r->work);
    r->arena.failed = r->work.failed = 0;
}

size_t kb_result_count(const kb_result *r) { return r ? r->n : 0; }

size_t kb_result_sentences(const kb_result *r) { return r ? r->sentences : 0; }

const kb_event *kb_result_event(const kb_result *r, size_t i)
{
    return r && i < r->n ? &r->events[i] : NULL;
}

const char *kb_result_rejection(const kb_result *r)
{
    return r ? r->rejection : NULL;
}

kb_event *kbi_result_add(kb_result *r)
{
    if (!kbi_vec_reserve(r->alloc, (void **)&r->events, &r->cap, r->n + 1,
                         sizeof *r->events) ||
        !kbi_vec_reserve(r->alloc, (void **)&r->tok, &r->tokcap, r->n + 1,
                         sizeof *r->tok))
        return NULL;
    r->tok[r->n] = -1;
    kb_event *e = &r->events[r->n++];
    memset(e, 0, sizeof *e);
    return e;
}

int32_t kbi_result_token(const kb_result *r, size_t i)
{
    return r && i < r->n ? r->tok[i] : -1;
}

void kbi_result_set_token(kb_result *r, size_t i, int32_t tok)
{
    if (r && i < r->n)
        r->tok[i] = tok;
}
