/* result.h - the inside of kb_result (private). */
#ifndef KB_RESULT_H
#define KB_RESULT_H

#include "../base/arena.h"
#include "khabar.h"

struct kb_result {
    const kb_allocator *alloc;
    kb_event *events;
    size_t n, cap;
    const char *rejection;
    size_t sentences; /* coded by the last call */
    kbi_arena arena;  /* strings of the events */
    kbi_arena work;   /* per-record scratch: parse, stream */
};

void kbi_result_clear(kb_result *r);
/* A zeroed event appended to r, or NULL when out of memory. */
kb_event *kbi_result_add(kb_result *r);

#endif
