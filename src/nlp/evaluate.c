/* evaluate.c - see evaluate.h. */
#include "evaluate.h"

#include <string.h>
#include <time.h>

#include "conllu.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Universal part of a relation: "nmod:poss" -> "nmod". */
static int same_rel(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
    return na == nb && memcmp(a, b, na) == 0;
}

double kbi_eval_pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

kb_status kbi_eval_conllu(const char *gold_path, const kbi_tagger *t,
                          kbi_parse_fn parse, void *parse_user,
                          kbi_diag *diag, kbi_eval_result *out,
                          kb_error *err)
{
    memset(out, 0, sizeof *out);
    kbi_arena a, scratch;
    kbi_arena_init(&a, NULL);
    kbi_arena_init(&scratch, NULL);
    kbi_conllu_sent *gold;
    size_t n;
    kbi_diag d0 = {0};
    if (!diag)
        diag = &d0;
    size_t before = diag->count;
    kb_status st = kbi_conllu_read_file(gold_path, &a, diag, &gold, &n, err);
    if (st != KB_OK) {
        kbi_arena_free(&a);
        return st;
    }
    out->skipped = diag->count - before;
    /* the system's copies: forms only */
    kbi_sentence *sys = kbi_arena_alloc(&a, (n + 1) * sizeof *sys);
    for (size_t k = 0; sys && k < n; k++) {
        const kbi_sentence *g = &gold[k].s;
        sys[k].ntoks = g->ntoks;
        sys[k].toks = kbi_arena_alloc(&a, (size_t)g->ntoks * sizeof *g->toks);
        if (!sys[k].toks) {
            sys = NULL;
            break;
        }
        for (int32_t i = 0; i < g->ntoks; i++) {
            kbi_token *s = &sys[k].toks[i];
            s->form = g->toks[i].form;
            s->upper = g->toks[i].upper;
            s->head = -1;
            if (!t) {
                s->xpos = g->toks[i].xpos;
                s->upos = g->toks[i].upos;
            }
        }
    }
    if (!sys) {
        kbi_arena_free(&a);
        kbi_error_set(err, KB_ERR_NOMEM, gold_path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (t) {
        double t0 = now();
        for (size_t k = 0; k < n; k++) {
            kbi_arena_reset(&scratch);
            kbi_tagger_tag(t, &sys[k], &scratch);
        }
        out->tag_seconds = now() - t0;
        out->tagged = 1;
    }
    if (parse) {
        double t0 = now();
        for (size_t k = 0; k < n; k++) {
            kbi_arena_reset(&scratch);
            parse(parse_user, &sys[k], &scratch);
        }
        out->parse_seconds = now() - t0;
        out->parsed = 1;
    }
    for (size_t k = 0; k < n; k++) {
        const kbi_sentence *g = &gold[k].s;
        out->sentences++;
        for (int32_t i = 0; i < g->ntoks; i++) {
            const kbi_token *gt = &g->toks[i], *st2 = &sys[k].toks[i];
            int x = same(gt->xpos, st2->xpos), u = same(gt->upos, st2->upos);
            out->tokens++;
            out->xpos += (size_t)x;
            out->upos += (size_t)u;
            out->both += (size_t)(x && u);
            if (parse && gt->head == st2->head) {
                out->uas++;
                out->las += (size_t)same_rel(gt->deprel, st2->deprel);
            }
        }
    }
    kbi_arena_free(&scratch);
    kbi_arena_free(&a);
    return KB_OK;
}
