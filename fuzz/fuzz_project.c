/* fuzz_project.c - CoNLL-U bytes -> dependency trees -> projected phrases
 * -> the coder's stream, with whatever heads and relations the input
 * holds (cycles, crossing arcs, odd labels). */
#include <stdint.h>
#include <string.h>

#include "code/stream.h"
#include "nlp/conllu.h"
#include "nlp/project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_reader r;
    kbi_conllu_reader_init(&r, (const char *)data, size, "fuzz", NULL);
    kbi_conllu_sent cs;
    for (int n = 0; n < 64 && kbi_conllu_next(&r, &a, &cs); n++) {
        if (kbi_project_constituents(&cs.s, &a) != KB_OK)
            continue;
        /* phrases nest and cover the sentence */
        for (int32_t i = 1; i < cs.s.nnodes; i++) {
            const kbi_node *nd = &cs.s.nodes[i], *p = &cs.s.nodes[nd->parent];
            if (nd->parent >= i || nd->tok_start < p->tok_start ||
                nd->tok_end > p->tok_end)
                __builtin_trap();
        }
        kbi_stream st;
        kbi_stream_build(&cs.s, &a, &st);
    }
    kbi_arena_free(&a);
    return 0;
}
