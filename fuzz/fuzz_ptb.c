/* fuzz_ptb.c - Penn Treebank reader (kbi_ptb_parse) and writer.
 *
 * Besides not crashing, a parse that succeeds must be a well-formed
 * sentence, and writing it out and reading it back must give the same
 * text again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/sentence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

static void check_structure(const kbi_sentence *s)
{
    check(s->ntoks <= KBI_MAX_TOKENS && s->nnodes <= KBI_MAX_NODES);
    for (int32_t i = 0; i < s->ntoks; i++)
        check(s->toks[i].form && s->toks[i].upper && s->toks[i].xpos &&
              strlen(s->toks[i].form) == strlen(s->toks[i].upper));
    for (int32_t i = 0; i < s->nnodes; i++) {
        const kbi_node *n = &s->nodes[i];
        check(n->label != NULL);
        check(0 <= n->tok_start && n->tok_start <= n->tok_end &&
              n->tok_end <= s->ntoks);
        check(i == 0 ? n->parent == -1 : (n->parent >= 0 && n->parent < i));
        if (n->parent >= 0) {
            const kbi_node *p = &s->nodes[n->parent];
            check(p->tok_start <= n->tok_start && n->tok_end <= p->tok_end);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_sentence s, s2;
    kb_error e;
    kb_status st = kbi_ptb_parse((const char *)data, size, "fuzz", &a, &s, &e);
    if (st == KB_OK) {
        check_structure(&s);
        char *once = kbi_ptb_format(&s, &a);
        check(once != NULL);
        check(kbi_ptb_parse(once, strlen(once), "fuzz", &a, &s2, &e) ==
              KB_OK);
        check(s2.ntoks == s.ntoks && s2.nnodes == s.nnodes);
        char *twice = kbi_ptb_format(&s2, &a);
        check(twice && strcmp(once, twice) == 0);
    } else {
        check(e.code == st && e.line >= 1 && e.column >= 1 &&
              memchr(e.message, '\0', sizeof e.message) != NULL);
    }
    kbi_arena_free(&a);
    return 0;
}
