/* phoenix.c - PETRARCH/Phoenix tab-separated event lines:
 * DATE SOURCE TARGET CODE ISSUES IDS NEWSSOURCE SRC_TEXT TGT_TEXT
 * EVENT_TEXT. Tabs and newlines inside fields become blanks. */
#include <string.h>

#include "out.h"

static void put(FILE *f, const char *s, int last)
{
    if (!s || !*s)
        s = "---";
    for (; *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
    putc(last ? '\n' : '\t', f);
}

kb_status kbi_write_phoenix(FILE *f, const kb_record *rec, const kb_event *e)
{
    fprintf(f, "%s\t", rec->date ? rec->date : "");
    put(f, e->source, 0);
    put(f, e->target, 0);
    put(f, e->code, 0);
    fprintf(f, "%s\t", e->issues ? e->issues : "");
    put(f, rec->id, 0);
    fprintf(f, "%s\t", rec->source ? rec->source : "NULL");
    put(f, e->source_text, 0);
    put(f, e->target_text, 0);
    char ev[1024];
    snprintf(ev, sizeof ev, "%s%s%s", e->verb ? e->verb : "",
             e->pattern ? " " : "", e->pattern ? e->pattern : "");
    put(f, ev, 1);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
