/* fuzz_json.c - the JSON Lines object reader on arbitrary bytes. */
#include <stdint.h>
#include <string.h>

#include "input/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_json_object o;
    int col;
    const char *why;
    if (kbi_json_parse_object((const char *)data, size, &a, &o, &col, &why)) {
        const kbi_json_member *m = kbi_json_get(&o, "text");
        if (m && m->is_string && m->len > 0)
            (void)m->value[m->len - 1];
    }
    kbi_arena_free(&a);
    return 0;
}
