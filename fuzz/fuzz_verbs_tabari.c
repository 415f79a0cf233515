/* fuzz_verbs_tabari.c - the TABARI verb dictionary reader on arbitrary
 * bytes, then a lookup. */
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    kb_dict *d = kbi_dict_new(NULL);
    if (d) {
        kb_error err;
        kbi_load L = {d, "fuzz", &err};
        if (kbi_verbs_tabari_load(&L, text, size) == KB_OK &&
            kbi_dict_finish(d) == KB_OK) {
            const kbi_vform *f = kbi_verbs_lookup(d, "ACCORD");
            (void)f;
        }
        kb_dict_free(d);
    }
    free(text);
    return 0;
}
