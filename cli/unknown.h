/* unknown.h - `khabar actors --unknown`: the names the dictionaries lack,
 * counted over a batch and written as actor entries to review. */
#ifndef KB_CLI_UNKNOWN_H
#define KB_CLI_UNKNOWN_H

#include <stdio.h>

#include "khabar.h"

typedef struct kbc_unknowns kbc_unknowns;

kbc_unknowns *kbc_unknowns_new(void);
void kbc_unknowns_free(kbc_unknowns *t);
/* A kb_unknown_fn (user = the table); safe to call from several threads. */
void kbc_unknowns_add(void *user, const kb_unknown *u);
/* Writes the names seen at least min times, most frequent first, at most
 * top of them (0: all), each as a Phoenix actor entry with its mentions,
 * its suggested code and up to three contexts as comments. Returns the
 * number written. */
size_t kbc_unknowns_write(const kbc_unknowns *t, FILE *f, size_t min,
                          size_t top);

#endif
