/* batch.h - the CLI's threaded coding loop. */
#ifndef KB_CLI_BATCH_H
#define KB_CLI_BATCH_H

#include "khabar.h"

/* Codes every record of r and writes the events in input order on
 * standard output, on nthreads threads. Errors go to stderr with `prog`.
 * Returns 1 when a record failed or could not be read, else 0. */
int kbc_code_reader(const kb_dict *d, const kb_model *m, kb_reader *r,
                    kb_format fmt, int nthreads, const char *prog);

#endif
