/* inputs.h - the CLI's list of input files: files, directories (every
 * regular file below, in name order; links to directories are not
 * followed), globs the shell did not expand, and "-" for standard
 * input. */
#ifndef KB_CLI_INPUTS_H
#define KB_CLI_INPUTS_H

#include <stddef.h>

typedef struct kbc_inputs {
    char **v;
    size_t n, cap;
} kbc_inputs;

/* Adds what arg names. Returns 0 when out of memory. A name that is
 * neither a file, a directory nor a matching glob is added as it is, so
 * that opening it reports the error. */
int kbc_inputs_add(kbc_inputs *in, const char *arg);
void kbc_inputs_free(kbc_inputs *in);

#endif
