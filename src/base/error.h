/* error.h - filling kb_error and reporting recoverable problems. */
#ifndef KB_ERROR_H
#define KB_ERROR_H

#include "khabar.h"

#if defined(__GNUC__)
#define KBI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define KBI_PRINTF(a, b)
#endif

/* Sets every field of *e (when e is not NULL). file may be NULL. */
void kbi_error_set(kb_error *e, kb_status code, const char *file, int line,
                   int column, const char *fmt, ...) KBI_PRINTF(6, 7);

/* A sink for recoverable problems: counts them and forwards each to the
 * caller's callback. */
typedef struct kbi_diag {
    kb_diag_fn fn;
    void *user;
    size_t count;
} kbi_diag;

void kbi_diag_report(kbi_diag *d, kb_status code, const char *file, int line,
                     int column, const char *fmt, ...) KBI_PRINTF(6, 7);

#endif
