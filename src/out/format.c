/* format.c - choosing a format, and helpers shared by the writers. */
#include <string.h>

#include "../base/util.h"
#include "out.h"

kb_status kb_format_parse(const char *name, kb_format *out)
{
    if (name && strcmp(name, "jsonl") == 0)
        *out = KB_FORMAT_JSONL;
    else if (name && strcmp(name, "phoenix") == 0)
        *out = KB_FORMAT_PHOENIX;
    else
        return KB_ERR_INVALID;
    return KB_OK;
}

kb_status kb_write_event(FILE *f, kb_format fmt, const kb_record *rec,
                         const kb_event *e)
{
    switch (fmt) {
    case KB_FORMAT_JSONL: return kbi_write_jsonl(f, rec, e);
    case KB_FORMAT_PHOENIX: return kbi_write_phoenix(f, rec, e);
    case KB_FORMAT_GDELT:
    case KB_FORMAT_GDELT_MENTIONS:
    case KB_FORMAT_PLOVER:
    case KB_FORMAT_CSV:
        break; /* written by the article writers (in progress) */
    }
    return KB_ERR_INVALID;
}

int kbi_split_id(const char *id, char *doc, size_t size)
{
    if (!id)
        id = "";
    snprintf(doc, size, "%s", id);
    const char *u = strrchr(id, '_');
    if (!u || !u[1])
        return 0;
    int n = 0;
    for (const char *p = u + 1; *p; p++) {
        if (!kbi_isdigit((unsigned char)*p) || n > 100000000)
            return 0;
        n = n * 10 + (*p - '0');
    }
    size_t len = (size_t)(u - id);
    if (len < size)
        doc[len] = '\0';
    return n;
}

void kbi_iso_date(const char *d, char *buf, size_t size)
{
    int ok = d && strlen(d) == 8;
    for (int i = 0; ok && i < 8; i++)
        ok = kbi_isdigit((unsigned char)d[i]);
    if (ok)
        snprintf(buf, size, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
    else
        snprintf(buf, size, "%s", d ? d : "");
}

const char *kbi_squeeze(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    int blank = 0;
    if (!s)
        return NULL;
    for (; *s && n + 1 < size; s++) {
        if (kbi_isspace((unsigned char)*s)) {
            blank = n > 0;
            continue;
        }
        if (blank && n + 2 < size)
            buf[n++] = ' ';
        blank = 0;
        buf[n++] = *s;
    }
    buf[n] = '\0';
    return buf;
}
