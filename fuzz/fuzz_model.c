/* fuzz_model.c - model file checks (kbi_model_open_mem) and the tagger's
 * checks of its sections (kbi_tagger_load).
 *
 * Whatever the bytes, opening must either fail with a message or give
 * sections that lie inside the input; a tagger that loads must tag a
 * sentence without reading outside the model. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/model.h"
#include "nlp/tagger.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kbi_model *m = NULL;
    kb_error e;
    kb_status st = kbi_model_open_mem(data, size, "fuzz", &m, &e);
    if (st != KB_OK) {
        check(m == NULL && e.message[0] != '\0' &&
              memchr(e.message, '\0', sizeof e.message) != NULL);
        return 0;
    }
    static const char *names[] = {"tagger.meta", "tagger.labels",
                                  "tagger.feats", "tagger.weights",
                                  "tagger.dict", "nothing"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t n;
        const unsigned char *p = kbi_model_section(m, names[i], &n);
        if (p) {
            check((uintptr_t)p % 64 == 0);
            /* touch the first and last byte */
            volatile unsigned char x = n ? (unsigned char)(p[0] ^ p[n - 1]) : 0;
            (void)x;
        }
    }
    kbi_tagger *t = NULL;
    if (kbi_tagger_load(m, &t, &e) == KB_OK) {
        static const char *words[] = {"The", "Ministry", "of", "Foreign",
                                      "Affairs", "said", "on", "2-3", "May",
                                      "that", "\xc3\xa9t\xc3\xa9", "."};
        enum { N = sizeof words / sizeof *words };
        kbi_token toks[N];
        memset(toks, 0, sizeof toks);
        for (int i = 0; i < N; i++)
            toks[i].form = toks[i].upper = words[i];
        kbi_sentence s = {toks, N, NULL, 0};
        kbi_arena a;
        kbi_arena_init(&a, NULL);
        kbi_tagger_tag(t, &s, &a);
        for (int i = 0; i < N; i++)
            check(toks[i].xpos && toks[i].upos && toks[i].xpos[0]);
        kbi_arena_free(&a);
        kbi_tagger_free(t);
    }
    kbi_model_close(m);
    return 0;
}
