/* format.c - choosing a format, and helpers shared by the writers. */
#include <string.h>

#include "../base/util.h"
#include "out.h"

static const struct {
    const char *name;
    kb_format fmt;
} formats[] = {
    {"jsonl", KB_FORMAT_JSONL},
    {"phoenix", KB_FORMAT_PHOENIX},
    {"gdelt", KB_FORMAT_GDELT},
    {"gdelt-mentions", KB_FORMAT_GDELT_MENTIONS},
    {"plover", KB_FORMAT_PLOVER},
    {"csv", KB_FORMAT_CSV},
};

kb_status kb_format_parse(const char *name, kb_format *out)
{
    for (size_t i = 0; name && i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(name, formats[i].name) == 0) {
            *out = formats[i].fmt;
            return KB_OK;
        }
    return KB_ERR_INVALID;
}

kb_status kb_write_header(FILE *f, kb_format fmt)
{
    if (!f)
        return KB_ERR_INVALID;
    switch (fmt) {
    case KB_FORMAT_CSV: return kbi_write_csv_header(f);
    case KB_FORMAT_JSONL:
    case KB_FORMAT_PHOENIX:
    case KB_FORMAT_GDELT:
    case KB_FORMAT_GDELT_MENTIONS:
    case KB_FORMAT_PLOVER:
        return KB_OK;
    }
    return KB_ERR_INVALID;
}

kb_status kb_write_event(FILE *f, kb_format fmt, const kb_record *rec,
                         const kb_event *e)
{
    if (!f || !e)
        return KB_ERR_INVALID;
    switch (fmt) {
    case KB_FORMAT_JSONL: return kbi_write_jsonl(f, rec, e);
    case KB_FORMAT_PHOENIX:
        /* sentence records keep PETRARCH's 10 columns (tests/cli.sh);
         * article events get the Phoenix data set's 26 */
        return rec ? kbi_write_phoenix(f, rec, e)
                   : kbi_write_phoenix26(f, rec, e);
    case KB_FORMAT_GDELT: return kbi_write_gdelt(f, rec, e);
    case KB_FORMAT_GDELT_MENTIONS: return kbi_write_gdelt_mentions(f, rec, e);
    case KB_FORMAT_PLOVER: return kbi_write_plover(f, rec, e);
    case KB_FORMAT_CSV: return kbi_write_csv(f, rec, e);
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
