/* cameo.c - CAMEO reference lookups: Goldstein weight, QuadClass, root
 * code, PLOVER type/mode/context.
 *
 * A CAMEO code here is 2 to 4 ASCII digits whose first two name a root
 * from 01 to 20 ("04", "043", "0431"). Anything else is not a CAMEO code
 * for these functions and gives "unknown": "---", paired codes
 * ("032:033"; split them first), "212" (no root 21), "075A", "080!",
 * codes with blanks. Goldstein weights and PLOVER rows fall back to the
 * parent code, one digit at a time ("1011" -> "101" -> "10"), so a
 * subcode missing from a table takes its parent's row. PLOVER has no rows
 * for roots 01 and 02 (public statements, appeals): those give NULL. */
#include <string.h>

#include "cameo.h"

/* Length of code if it is a CAMEO code, else 0. */
static size_t cameo_len(const char *code)
{
    if (!code)
        return 0;
    size_t n = 0;
    while (n < 5 && code[n] >= '0' && code[n] <= '9')
        n++;
    if (n < 2 || n > 4 || code[n] != '\0')
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? n : 0;
}

/* strcmp of row against the first n bytes of key. */
static int cmp_code(const char *row, const char *key, size_t n)
{
    int c = strncmp(row, key, n);
    if (c != 0)
        return c;
    return row[n] != '\0';
}

/* Binary search over rows of `size` bytes whose first member is the code;
 * tries code, then its parents down to the root. */
static const void *find(const void *rows, size_t nrows, size_t size,
                        const char *code)
{
    size_t n = cameo_len(code);
    for (; n >= 2; n--) {
        size_t lo = 0, hi = nrows;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            const char *row = (const char *)rows + mid * size;
            int c = cmp_code(*(const char *const *)(const void *)row, code, n);
            if (c == 0)
                return row;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return NULL;
}

double kb_cameo_goldstein(const char *code, int *found)
{
    const kbi_goldstein_row *r =
        find(kbi_cameo_goldstein_rows, kbi_cameo_goldstein_nrows,
             sizeof *r, code);
    if (found)
        *found = r != NULL;
    return r ? r->weight : 0.0;
}

int kb_cameo_quad_class(const char *code)
{
    if (!cameo_len(code))
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    /* 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
     * conflict, 14-20 material conflict */
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

const char *kb_cameo_root(const char *code, char *buf, size_t size)
{
    if (!buf || size < 3 || !cameo_len(code))
        return NULL;
    buf[0] = code[0];
    buf[1] = code[1];
    buf[2] = '\0';
    return buf;
}

const kb_plover *kb_cameo_plover(const char *code)
{
    const kbi_plover_row *r = find(kbi_cameo_plover_rows,
                                   kbi_cameo_plover_nrows, sizeof *r, code);
    return r ? &r->plover : NULL;
}
