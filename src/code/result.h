/* result.h - the inside of kb_result (private). */
#ifndef KB_RESULT_H
#define KB_RESULT_H

#include "../base/arena.h"
#include "khabar.h"

struct kb_result {
    const kb_allocator *alloc;
    kb_event *events;
    size_t n, cap;
    int32_t *tok;     /* the token of each event's verb, -1 unknown */
    size_t tokcap;
    const char *rejection;
    size_t sentences; /* coded by the last call */
    kbi_arena arena;  /* strings of the events */
    kbi_arena work;   /* per-record scratch: parse, stream */
};

void kbi_result_clear(kb_result *r);
/* A zeroed event appended to r (its verb token -1), or NULL when out of
 * memory. */
kb_event *kbi_result_add(kb_result *r);

/* The token (in its sentence) of the verb of event i, -1 if unknown; and
 * setting it. */
int32_t kbi_result_token(const kb_result *r, size_t i);
void kbi_result_set_token(kb_result *r, size_t i, int32_t tok);

#endif
