/* dict_harness.h - what the dictionary reader tests share: loading a text
 * with one reader while collecting its reports, and running a reader with
 * the Nth allocation failing, for every N (t.h's t_failing). Include
 * after t.h; a test sets t_reader and t_file, then calls load() /
 * load_strict(). */
#ifndef KB_DICT_HARNESS_H
#define KB_DICT_HARNESS_H

#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"

typedef kb_status (*t_reader_fn)(kbi_load *L, const char *text, size_t len);

/* The reports of the last load: the first 16 kept, all counted. */
typedef struct diags {
    int n;
    kb_error e[16];
} diags;

static void on_diag(void *user, const kb_error *e)
{
    diags *g = user;
    if (g->n < 16)
        g->e[g->n] = *e;
    g->n++;
}

static t_reader_fn t_reader;  /* the reader under test */
static const char *t_file;    /* its file name in reports */
static kb_status last_status; /* what the reader returned */
static kb_error last_err;     /* the error it set in strict mode */

static kb_dict *load_strict(const char *text, diags *g, int strict)
{
    kb_dict *d = kbi_dict_new(NULL);
    memset(g, 0, sizeof *g);
    d->diag.fn = on_diag;
    d->diag.user = g;
    d->strict = strict;
    memset(&last_err, 0, sizeof last_err);
    kbi_load L = {d, t_file, &last_err};
    last_status = t_reader(&L, text, strlen(text));
    T_EQ_INT(kbi_dict_finish(d), KB_OK);
    return d;
}

static kb_dict *load(const char *text, diags *g)
{
    return load_strict(text, g, 0);
}


/* Loads text that holds exactly one malformed entry and checks its report:
 * line, column, message, file, and that loading went on. Returns the
 * dictionary (the caller checks what else loaded, then frees it). */
static kb_dict *t_load_one_bad(const char *text, int line, int column,
                               const char *msg)
{
    diags g;
    kb_dict *d = load(text, &g);
    t_checks++;
    if (g.n != 1 || g.e[0].line != line || g.e[0].column != column ||
        !strstr(g.e[0].message, msg) || g.e[0].code != KB_ERR_SYNTAX ||
        strcmp(g.e[0].file, t_file) != 0)
        T_FAIL("%s: got %d diagnostics, first %d:%d '%s'; expected %d:%d "
               "'%s'", text, g.n, g.e[0].line, g.e[0].column,
               g.e[0].message, line, column, msg);
    T_EQ_INT(last_status, KB_OK);
    return d;
}

/* Fails the 1st, 2nd, ... allocation in turn: the reader must return
 * KB_ERR_NOMEM without crashing or leaking (ASan checks the leaks), and
 * load the text once no allocation fails. */
static void t_out_of_memory(t_reader_fn read, const char *text)
{
    for (long n = 0;; n++) {
        t_failing f = {.left = n, .sticky = 1};
        kb_allocator al = {t_failing_realloc, &f};
        kb_dict *d = kbi_dict_new(&al);
        if (!d)
            continue;
        kb_error err;
        kbi_load L = {d, "oom.txt", &err};
        kb_status st = read(&L, text, strlen(text));
        if (st == KB_OK)
            st = kbi_dict_finish(d);
        T_OK(st == KB_OK || st == KB_ERR_NOMEM);
        T_OK(st == KB_OK || f.failed);
        kb_dict_free(d);
        if (!f.failed) {
            T_EQ_INT(st, KB_OK);
            break;
        }
    }
}

#endif
