/* util.c - see util.h. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "error.h"

kb_status kbi_read_file(const char *path, const kb_allocator *al, char **out,
                        size_t *len, kb_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        kbi_error_set(err, KB_ERR_IO, path, 0, 0, "cannot open: %s",
                      strerror(errno));
        return KB_ERR_IO;
    }
    size_t cap = 65536, n = 0;
    char *buf = kbi_realloc(al, NULL, 0, cap);
    if (!buf) {
        fclose(f);
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    for (;;) {
        if (cap - n < 2) {
            char *nb = kbi_realloc(al, buf, cap, cap * 2);
            if (!nb) {
                kbi_free(al, buf, cap);
                fclose(f);
                kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
                return KB_ERR_NOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n - 1, f);
        n += k;
        if (k == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        kbi_free(al, buf, cap);
        kbi_error_set(err, KB_ERR_IO, path, 0, 0, "read error");
        return KB_ERR_IO;
    }
    /* shrink so that the caller can free with len + 1 */
    char *nb = kbi_realloc(al, buf, cap, n + 1);
    if (nb)
        buf = nb;
    else if (n + 1 != cap) {
        /* cannot shrink: copy */
        nb = kbi_realloc(al, NULL, 0, n + 1);
        if (!nb) {
            kbi_free(al, buf, cap);
            kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
            return KB_ERR_NOMEM;
        }
        memcpy(nb, buf, n);
        kbi_free(al, buf, cap);
        buf = nb;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return KB_OK;
}

uint64_t kbi_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

int kbi_days_from_civil(int y, int m, int d, int32_t *out)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = mdays[m - 1] + (m == 2 && leap);
    if (d > max)
        return 0;
    /* H. Hinnant's days_from_civil */
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = (int32_t)(era * 146097 + doe - 719468);
    return 1;
}

int kbi_parse_dict_date(const char *s, size_t n, int32_t *out)
{
    int v[8];
    if (n != 6 && n != 8)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!kbi_isdigit((unsigned char)s[i]))
            return 0;
        v[i] = s[i] - '0';
    }
    int y, m, d;
    if (n == 8) {
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        m = v[4] * 10 + v[5];
        d = v[6] * 10 + v[7];
    } else {
        y = v[0] * 10 + v[1];
        y += y <= 30 ? 2000 : 1900;
        m = v[2] * 10 + v[3];
        d = v[4] * 10 + v[5];
    }
    return kbi_days_from_civil(y, m, d, out);
}

#ifndef KB_DATADIR
#define KB_DATADIR "data"
#endif

const char *kbi_data_path(const char *rel, char *buf, size_t size)
{
    const char *dir = getenv("KHABAR_DATA");
    snprintf(buf, size, "%s/%s", dir && *dir ? dir : KB_DATADIR, rel);
    return buf;
}

int kbi_words_in_list(const char *text, const char *const *list)
{
    char w[64];
    for (const char *p = text ? text : ""; *p;) {
        size_t n = strcspn(p, " ");
        if (n > 0 && n < sizeof w) {
            memcpy(w, p, n);
            w[n] = '\0';
            if (kbi_in_list(w, list))
                return 1;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}
