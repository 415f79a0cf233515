/* util.h - small helpers shared by the modules: file loading, hashing,
 * string tests. */
#ifndef KB_UTIL_H
#define KB_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "khabar.h"

/* Reads a whole file into a malloc'd NUL-terminated buffer (caller frees
 * with kbi_free(al, buf, *len + 1)). */
kb_status kbi_read_file(const char *path, const kb_allocator *al, char **out,
                        size_t *len, kb_error *err);

/* The path of a bundled data file: $KHABAR_DATA/rel, else the data
 * directory the build was configured with (KB_DATADIR). Returns buf. */
const char *kbi_data_path(const char *rel, char *buf, size_t size);

uint64_t kbi_hash(const char *s, size_t n);

/* Days since 1970-01-01 of a valid Gregorian date; returns 0 and leaves *out
 * alone when the date is invalid. */
int kbi_days_from_civil(int y, int m, int d, int32_t *out);
/* Parses YYYYMMDD (8 digits) or YYMMDD (6 digits; YY <= 30 is 20YY) into
 * days. Returns 1 on success. */
int kbi_parse_dict_date(const char *s, size_t n, int32_t *out);

/* Is w (NULL: no) one of the NULL-terminated list? */
static inline int kbi_in_list(const char *w, const char *const *list)
{
    for (; w && *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

/* Is a blank-separated word of text (NULL: no) one of the list? */
int kbi_words_in_list(const char *text, const char *const *list);

static inline int kbi_isspace(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}
static inline int kbi_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int kbi_toupper(int c)
{
    return (c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c;
}

#endif
