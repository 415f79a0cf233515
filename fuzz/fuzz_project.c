/* fuzz_project.c - CoNLL-U bytes -> dependency trees -> the parser's
 * repairs (src/nlp/repair.c) -> projected phrases -> the coder's stream,
 * with whatever heads, relations and tags the input holds (cycles,
 * crossing arcs, odd labels). A tree whose tokens all reach the root
 * must still do so after the repairs. */
#include <stdint.h>
#include <string.h>

#include "code/stream.h"
#include "nlp/conllu.h"
#include "nlp/parser.h"
#include "nlp/project.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Does every token reach a root (head -1) through valid heads? */
static int rooted(const kbi_sentence *s)
{
    for (int32_t i = 0; i < s->ntoks; i++) {
        int32_t h = i, steps = 0;
        while (h >= 0 && h < s->ntoks && steps++ <= s->ntoks)
            h = s->toks[h].head;
        if (h != -1)
            return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_reader r;
    kbi_conllu_reader_init(&r, (const char *)data, size, "fuzz", NULL);
    kbi_conllu_sent cs;
    for (int n = 0; n < 64 && kbi_conllu_next(&r, &a, &cs); n++) {
        int was_tree = rooted(&cs.s);
        kbi_tags_repair(&cs.s);
        kbi_parser_repair_root(&cs.s);
        if (was_tree && !rooted(&cs.s))
            __builtin_trap();
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
