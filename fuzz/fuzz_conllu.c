/* fuzz_conllu.c - CoNLL-U reader (kbi_conllu_next) and writer.
 *
 * Besides not crashing: every sentence read must be well formed (heads in
 * range, no cycle, strings present), and writing the sentences out and
 * reading them back must give the same text again (a fixpoint after one
 * round). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/conllu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

static void on_diag(void *user, const kb_error *e)
{
    (void)user;
    check(e->line >= 1 && memchr(e->message, '\0', sizeof e->message) != NULL);
}

static void check_sentence(const kbi_conllu_sent *c)
{
    const kbi_sentence *s = &c->s;
    check(s->ntoks >= 1 && s->ntoks <= KBI_MAX_TOKENS && s->nnodes == 0);
    for (int32_t i = 0; i < s->ntoks; i++) {
        const kbi_token *t = &s->toks[i];
        check(t->form && t->upper && strlen(t->form) == strlen(t->upper));
        check(t->head >= -1 && t->head < s->ntoks);
        /* no cycle: the chain from i reaches the root in < ntoks steps */
        int32_t j = i, steps = 0;
        while (j >= 0 && steps <= s->ntoks) {
            j = s->toks[j].head;
            steps++;
        }
        check(j < 0);
    }
    for (int32_t k = 0; k < c->nmwts; k++)
        check(c->mwts[k].first >= 0 && c->mwts[k].first <= c->mwts[k].last &&
              c->mwts[k].last < s->ntoks && c->mwts[k].form);
}

/* Reads all of buf, writes every sentence; returns the text (malloc). */
static char *round_trip(const char *buf, size_t len, int checks, size_t *count)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_diag d = {on_diag, NULL, 0};
    kbi_conllu_reader r;
    kbi_conllu_reader_init(&r, buf, len, "fuzz", &d);
    char *out = NULL;
    size_t olen = 0;
    FILE *f = open_memstream(&out, &olen);
    check(f != NULL);
    kbi_conllu_sent s;
    *count = 0;
    while (kbi_conllu_next(&r, &a, &s)) {
        if (checks)
            check_sentence(&s);
        check(kbi_conllu_write(f, &s.s, &s) == KB_OK);
        (*count)++;
    }
    check(!r.nomem);
    fclose(f);
    kbi_arena_free(&a);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n1, n2, n3;
    char *once = round_trip((const char *)data, size, 1, &n1);
    char *twice = round_trip(once, strlen(once), 1, &n2);
    check(n1 == n2);
    char *thrice = round_trip(twice, strlen(twice), 0, &n3);
    check(strcmp(twice, thrice) == 0);
    free(once);
    free(twice);
    free(thrice);
    return 0;
}
