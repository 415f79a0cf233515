/* fuzz_xml.c - PETRARCH XML reader over memory (kb_reader_open_mem).
 *
 * Every record handed out must satisfy what the reader promises: an id, a
 * calendar date of 8 digits, a Text or a Parse, a config. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khabar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

static void on_diag(void *user, const kb_error *e)
{
    check(e->code != KB_OK && e->line >= 0 && e->column >= 0);
    check(memchr(e->message, '\0', sizeof e->message) != NULL);
    check(memchr(e->record, '\0', sizeof e->record) != NULL);
    ++*(size_t *)user;
}

static size_t touch(const char *s) { return s ? strlen(s) : 0; }

static void check_record(const kb_record *r)
{
    check(r->id && r->id[0] && r->date && strlen(r->date) == 8);
    check(r->text || r->parse);
    check(r->config != NULL && r->line >= 1);
    check(r->n_expected >= 0 && (r->n_expected == 0 || r->expected));
    size_t n = touch(r->category) + touch(r->source) + touch(r->text) +
               touch(r->parse) + touch(r->expect_error);
    for (int i = 0; i < r->n_expected; i++)
        n += strlen(r->expected[i].source) + strlen(r->expected[i].target) +
             strlen(r->expected[i].code);
    (void)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t diags = 0;
    kb_reader *r = NULL;
    kb_error e;
    if (kb_reader_open_mem((const char *)data, size, "fuzz.xml", on_diag,
                           &diags, &r, &e) != KB_OK)
        return 0;
    const kb_environment *env = kb_reader_environment(r);
    touch(env->verbfile);
    touch(env->actorfile);
    kb_record rec;
    while (kb_reader_next(r, &rec))
        check_record(&rec);
    check(kb_reader_errors(r) <= diags);
    kb_reader_free(r);
    return 0;
}
