/* jsonl.c - events as JSON Lines: one object per event with the codes,
 * their CAMEO/PLOVER readings and the evidence that produced them. */
#include <string.h>

#include "out.h"

static void put_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                putc(*p, f);
        }
    }
    putc('"', f);
}

static void field(FILE *f, const char *name, const char *value, int *first)
{
    fprintf(f, "%s\"%s\":", *first ? "" : ",", name);
    put_str(f, value);
    *first = 0;
}

kb_status kbi_write_jsonl(FILE *f, const kb_record *rec, const kb_event *e)
{
    char doc[256], date[16], root[8], text[8192];
    int sentence = kbi_split_id(rec->id, doc, sizeof doc);
    kbi_iso_date(rec->date, date, sizeof date);
    int first = 1;
    putc('{', f);
    field(f, "doc_id", doc, &first);
    fprintf(f, ",\"sentence\":%d", sentence);
    field(f, "record_id", rec->id, &first);
    field(f, "date", date, &first);
    field(f, "source", e->source, &first);
    field(f, "target", e->target, &first);
    field(f, "code", e->code, &first);
    field(f, "root_code", kb_cameo_root(e->code, root, sizeof root), &first);
    int found = 0;
    double g = kb_cameo_goldstein(e->code, &found);
    int q = kb_cameo_quad_class(e->code);
    if (q)
        fprintf(f, ",\"quad_class\":%d", q);
    else
        fputs(",\"quad_class\":null", f);
    if (found)
        fprintf(f, ",\"goldstein\":%.1f", g);
    else
        fputs(",\"goldstein\":null", f);
    const kb_plover *pl = kb_cameo_plover(e->code);
    fputs(",\"plover\":", f);
    if (pl) {
        int pf = 1;
        putc('{', f);
        field(f, "event", pl->event, &pf);
        field(f, "mode", pl->mode, &pf);
        field(f, "context", pl->context, &pf);
        putc('}', f);
    } else {
        fputs("null", f);
    }
    field(f, "source_text", e->source_text, &first);
    field(f, "target_text", e->target_text, &first);
    field(f, "verb", e->verb, &first);
    field(f, "pattern", e->pattern, &first);
    if (e->pattern_file) {
        char where[600];
        const char *base = strrchr(e->pattern_file, '/');
        snprintf(where, sizeof where, "%s:%d", base ? base + 1 : e->pattern_file,
                 e->pattern_line);
        field(f, "pattern_at", where, &first);
    } else {
        field(f, "pattern_at", NULL, &first);
    }
    field(f, "source_entry", e->source_entry, &first);
    field(f, "target_entry", e->target_entry, &first);
    field(f, "issues", e->issues, &first);
    field(f, "news_source", rec->source, &first);
    field(f, "text", kbi_squeeze(rec->text, text, sizeof text), &first);
    fputs("}\n", f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
