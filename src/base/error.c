/* error.c - see error.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void vset(kb_error *e, kb_status code, const char *file, int line,
                 int column, const char *fmt, va_list ap)
{
    memset(e, 0, sizeof *e);
    e->code = code;
    e->line = line;
    e->column = column;
    if (file)
        snprintf(e->file, sizeof e->file, "%s", file);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
}

void kbi_error_set(kb_error *e, kb_status code, const char *file, int line,
                   int column, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    va_start(ap, fmt);
    vset(e, code, file, line, column, fmt, ap);
    va_end(ap);
}

void kbi_diag_report(kbi_diag *d, kb_status code, const char *file, int line,
                     int column, const char *fmt, ...)
{
    d->count++;
    if (!d->fn)
        return;
    kb_error e;
    va_list ap;
    va_start(ap, fmt);
    vset(&e, code, file, line, column, fmt, ap);
    va_end(ap);
    d->fn(d->user, &e);
}

const char *kb_status_str(kb_status s)
{
    switch (s) {
    case KB_OK: return "ok";
    case KB_ERR_NOMEM: return "out of memory";
    case KB_ERR_IO: return "i/o error";
    case KB_ERR_SYNTAX: return "syntax error";
    case KB_ERR_INVALID: return "invalid argument";
    case KB_ERR_LIMIT: return "limit exceeded";
    }
    return "unknown status";
}

char *kb_error_format(const kb_error *e, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    size_t n = 0;
    buf[0] = '\0';
#define ADD(...)                                                         \
    do {                                                                 \
        if (n < size) {                                                  \
            int k_ = snprintf(buf + n, size - n, __VA_ARGS__);           \
            if (k_ > 0)                                                  \
                n += (size_t)k_;                                         \
        }                                                                \
    } while (0)
    if (e->file[0]) {
        ADD("%s", e->file);
        if (e->line > 0)
            ADD(":%d", e->line);
        if (e->line > 0 && e->column > 0)
            ADD(":%d", e->column);
        ADD(": ");
    }
    if (e->record[0])
        ADD("record %s: ", e->record);
    ADD("%s", e->message[0] ? e->message : kb_status_str(e->code));
#undef ADD
    return buf;
}
