/* detect.c - which input format a file holds: by its extension, then by
 * its first bytes. */
#include <string.h>

#include "../base/util.h"
#include "khabar.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        int a = (unsigned char)s[n - m + i], b = (unsigned char)suffix[i];
        if (a >= 'A' && a <= 'Z')
            a += 'a' - 'A';
        if (a != b)
            return 0;
    }
    return 1;
}

/* CoNLL-U: comment lines, then a line "1<TAB>..." */
static int looks_conllu(const char *d, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && kbi_isspace((unsigned char)d[i]))
            i++;
        if (i < len && d[i] == '#') {
            while (i < len && d[i] != '\n')
                i++;
            continue;
        }
        size_t j = i;
        while (j < len && kbi_isdigit((unsigned char)d[j]))
            j++;
        return j > i && j < len && (d[j] == '\t' || d[j] == '-' || d[j] == '.');
    }
    return 0;
}

/* Does d[i..] (case-insensitively) start with the lower-case word w? */
static int starts_with_ci(const char *d, size_t len, size_t i, const char *w)
{
    size_t m = strlen(w);
    if (len - i < m)
        return 0;
    for (size_t k = 0; k < m; k++) {
        int c = (unsigned char)d[i + k];
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c != (unsigned char)w[k])
            return 0;
    }
    return 1;
}

/* An HTML page: a doctype or one of the tags pages begin with, among the
 * first tags (comments and an XML declaration may come before). */
static int looks_html(const char *d, size_t len, size_t i)
{
    static const char *const tags[] = {"<!doctype html", "<html", "<head",
                                       "<body", "<meta", "<title", "<p>",
                                       "<div", "<article", NULL};
    size_t limit = len < i + 4096 ? len : i + 4096;
    for (; i < limit; i++) {
        if (d[i] != '<')
            continue;
        for (const char *const *t = tags; *t; t++)
            if (starts_with_ci(d, len, i, *t))
                return 1;
        if (starts_with_ci(d, len, i, "<sentences") ||
            starts_with_ci(d, len, i, "<sentence"))
            return 0;
    }
    return 0;
}

kb_input_format kb_input_format_detect(const char *name, const char *d,
                                       size_t len)
{
    if (name && (ends_with(name, ".conllu") || ends_with(name, ".conll")))
        return KB_INPUT_CONLLU;
    if (name && ends_with(name, ".xml"))
        return KB_INPUT_XML;
    if (name && ends_with(name, ".txt"))
        return KB_INPUT_TEXT;
    if (name && (ends_with(name, ".jsonl") || ends_with(name, ".json")))
        return KB_INPUT_JSONL;
    if (name && (ends_with(name, ".html") || ends_with(name, ".htm")))
        return KB_INPUT_HTML;
    if (!d)
        return KB_INPUT_TEXT;
    size_t i = 0;
    if (len >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB &&
        (unsigned char)d[2] == 0xBF)
        i = 3;
    while (i < len && kbi_isspace((unsigned char)d[i]))
        i++;
    if (i < len && d[i] == '<')
        return looks_html(d, len, i) ? KB_INPUT_HTML : KB_INPUT_XML;
    if (i < len && d[i] == '{')
        return KB_INPUT_JSONL;
    if (looks_conllu(d, len))
        return KB_INPUT_CONLLU;
    return KB_INPUT_TEXT;
}
