/* issues.c - placeholder until the reader lands. */
#include "dict.h"

kb_status kbi_issues_load(kbi_load *L, const char *text, size_t len)
{
    (void)text;
    (void)len;
    return kbi_load_bad(L, 0, 0, "reader not implemented yet");
}
