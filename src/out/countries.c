/* countries.c - lookups in the country table (countries_data.c). */
#include <string.h>

#include "out.h"

const kbi_country *kbi_country_by_cameo(const char *code3)
{
    if (!code3 || strlen(code3) != 3)
        return NULL;
    size_t lo = 0, hi = kbi_ncountries;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(kbi_countries[mid].cameo, code3);
        if (c == 0)
            return &kbi_countries[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const kbi_country *kbi_country_by_iso2(const char *iso2)
{
    if (!iso2 || strlen(iso2) != 2)
        return NULL;
    for (size_t i = 0; i < kbi_ncountries; i++)
        if (strcmp(kbi_countries[i].iso2, iso2) == 0)
            return &kbi_countries[i];
    return NULL;
}
