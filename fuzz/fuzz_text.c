/* fuzz_text.c - the text front end (kbi_text_segment).
 *
 * Any bytes must segment without failing, and the result must keep every
 * promise kbi_text_check knows of (offsets ordered inside the input, forms
 * equal to the normalised bytes, nothing but whitespace dropped, sentences
 * covering the tokens), with sentences no longer than the limit. The first
 * byte also picks the options, so every mode is fuzzed. */
#include <stdint.h>
#include <stdlib.h>

#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kbi_text_options o = {0, 0, "fuzz"};
    if (size > 0) {
        o.flags = data[0] & 3u;
        if (data[0] & 4u)
            o.max_sentence_tokens = 2 + (data[0] >> 3);
    }
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_diag d = {NULL, NULL, 0};
    kbi_text_doc doc;
    check(kbi_text_segment((const char *)data, size, &o, &a, &d, &doc) ==
          KB_OK);
    check(d.count == (doc.nreplaced <= KBI_TEXT_MAX_REPORTS
                          ? doc.nreplaced
                          : KBI_TEXT_MAX_REPORTS + 1));
    int32_t max = o.max_sentence_tokens ? o.max_sentence_tokens
                                        : KBI_TEXT_MAX_SENTENCE;
    for (int32_t i = 0; i < doc.nsents; i++)
        check(doc.sents[i].n <= max);
    check(kbi_text_check((const char *)data, size, &doc, &a) == NULL);
    kbi_arena_free(&a);
    return 0;
}
