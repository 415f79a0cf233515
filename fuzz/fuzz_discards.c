/* fuzz_discards.c - the discard reader on the first part of the input and
 * kbi_discard_match on the rest (split at the first NUL byte), and on the
 * whole input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "dict/discards.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t n = nul ? (size_t)(nul - data) : size;
    char *text = malloc(n + 1);
    if (!text)
        return 0;
    memcpy(text, data, n);
    text[n] = '\0';
    kb_dict *d = kbi_dict_new(NULL);
    kb_error err;
    kbi_load L = {d, "fuzz", &err};
    if (kbi_discards_load(&L, text, n) == KB_OK &&
        kbi_dict_finish(d) == KB_OK) {
        const kbi_discard *hit;
        const char *rest = (const char *)data + (nul ? n + 1 : 0);
        size_t rn = nul ? size - n - 1 : size;
        int k = kbi_discard_match(d, rest, rn, &hit);
        if ((k == 0) != (hit == NULL) || (hit && hit->story + 1 != k))
            abort();
        if (kbi_discard_match(d, (const char *)data, size, NULL) < 0)
            abort();
    }
    kb_dict_free(d);
    free(text);
    return 0;
}
