/* fuzz_agents.c - the agent reader on arbitrary bytes, then the index. */
#include <stdint.h>
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
    kb_error err;
    kbi_load L = {d, "fuzz", &err};
    d->strict = size > 0 && data[0] == 'S';
    if (kbi_agents_load(&L, text, size) == KB_OK &&
        kbi_dict_finish(d) == KB_OK) {
        for (size_t i = 0; i < d->agents.nphrases; i++) {
            const kbi_agent_phrase *p = &d->agents.phrases[i];
            size_t n;
            kbi_phrase_index_get(&d->agents.index, p->ph.words[0],
                                 strlen(p->ph.words[0]), &n);
            if (n == 0 || !p->code[0] || strchr(p->code, '~'))
                abort();
        }
    }
    kb_dict_free(d);
    free(text);
    return 0;
}
