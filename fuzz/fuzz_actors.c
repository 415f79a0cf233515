/* fuzz_actors.c - the actor reader on arbitrary bytes, then the index and
 * date resolution over everything it loaded. */
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
    d->strict = size > 0 && data[0] == 'S'; /* both modes */
    if (kbi_actors_load(&L, text, size) == KB_OK &&
        kbi_dict_finish(d) == KB_OK) {
        static const int32_t days[] = {INT32_MIN, -1, 0, 9000, 20000,
                                       INT32_MAX};
        for (size_t a = 0; a < d->actors.nactors; a++)
            for (size_t k = 0; k < sizeof days / sizeof *days; k++)
                if (!kbi_actor_code_on(d, (int32_t)a, days[k]))
                    abort();
        for (size_t i = 0; i < d->actors.nphrases; i++) {
            const kbi_actor_phrase *p = &d->actors.phrases[i];
            size_t n;
            kbi_phrase_index_get(&d->actors.index, p->ph.words[0],
                                 strlen(p->ph.words[0]), &n);
            if (n == 0 || p->actor < 0 ||
                (size_t)p->actor >= d->actors.nactors)
                abort();
        }
    }
    kb_dict_free(d);
    free(text);
    return 0;
}
