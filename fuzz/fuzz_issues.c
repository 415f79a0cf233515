/* fuzz_issues.c - the issue reader on the first part of the input and
 * kbi_issues_match on the rest (split at the first NUL byte), and on the
 * whole input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "dict/issues.h"

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
    if (kbi_issues_load(&L, text, n) == KB_OK &&
        kbi_dict_finish(d) == KB_OK) {
        kbi_arena a;
        kbi_arena_init(&a, NULL);
        const char *out;
        int ign;
        const char *rest = (const char *)data + (nul ? n + 1 : 0);
        size_t rn = nul ? size - n - 1 : size;
        if (kbi_issues_match(d, rest, rn, &a, &out, &ign) != KB_OK ||
            !out || ign < 0 || ign > 2)
            abort();
        if (kbi_issues_match(d, (const char *)data, size, &a, &out, NULL) !=
            KB_OK)
            abort();
        kbi_arena_free(&a);
    }
    kb_dict_free(d);
    free(text);
    return 0;
}
