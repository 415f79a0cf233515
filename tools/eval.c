/* eval.c - scores a model on gold CoNLL-U files with gold tokenization
 * (UPOS, XPOS, and UAS/LAS when the model has a parser) and measures the
 * tagger's speed. Not part of the library.
 *
 * Build (after `make`, which builds build/libkhabar.a):
 *   cc -std=c11 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
 *      tools/eval.c build/libkhabar.a -lxml2 -lm -lpthread -o build/eval
 *
 * Usage:
 *   eval --model MODEL [--speed N] GOLD.conllu...
 * --speed N tags every file N more times and prints the median tokens/s
 * of those runs (the scores come from the first run). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/evaluate.h"
#include "nlp/model.h"
#include "nlp/tagger.h"

#ifndef KHABAR_NO_PARSER
#include "nlp/parser.h"
static void parse_cb(void *user, kbi_sentence *s, kbi_arena *a)
{
    kbi_parser_parse(user, s, a);
}
#endif

static void diag(void *user, const kb_error *e)
{
    (void)user;
    char buf[1024];
    fprintf(stderr, "%s\n", kb_error_format(e, buf, sizeof buf));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    const char *model = NULL;
    int speed = 0, first = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--model") == 0 && i + 1 < argc)
            model = argv[++i];
        else if (strcmp(argv[i], "--speed") == 0 && i + 1 < argc)
            speed = atoi(argv[++i]);
        else if (argv[i][0] == '-') {
            first = 0;
            break;
        } else {
            first = i;
            break;
        }
    }
    if (!model || !first) {
        fprintf(stderr, "usage: eval --model MODEL [--speed N] "
                        "GOLD.conllu...\n");
        return 2;
    }
    kb_error err;
    kbi_model *m;
    kbi_tagger *t;
    if (kbi_model_open(model, &m, &err) != KB_OK ||
        kbi_tagger_load(m, &t, &err) != KB_OK) {
        diag(NULL, &err);
        return 1;
    }
    kbi_parse_fn pf = NULL;
    void *pu = NULL;
#ifndef KHABAR_NO_PARSER
    kbi_parser *p = NULL;
    if (kbi_model_section(m, "parser.meta", NULL) ||
        kbi_model_section(m, "parser.weights", NULL)) {
        if (kbi_parser_load(m, &p, &err) != KB_OK) {
            diag(NULL, &err);
            return 1;
        }
        pf = parse_cb;
        pu = p;
    }
#endif
    kbi_diag d = {diag, NULL, 0};
    int rc = 0;
    for (int i = first; i < argc; i++) {
        kbi_eval_result r;
        if (kbi_eval_conllu(argv[i], t, pf, pu, &d, &r, &err) != KB_OK) {
            diag(NULL, &err);
            rc = 1;
            continue;
        }
        printf("%s: %zu sentences, %zu tokens", argv[i], r.sentences,
               r.tokens);
        if (r.skipped)
            printf(" (%zu sentences skipped)", r.skipped);
        printf("\n  UPOS %.2f%%  XPOS %.2f%%  both %.2f%%",
               kbi_eval_pct(r.upos, r.tokens), kbi_eval_pct(r.xpos, r.tokens),
               kbi_eval_pct(r.both, r.tokens));
        if (r.parsed)
            printf("  UAS %.2f%%  LAS %.2f%%", kbi_eval_pct(r.uas, r.tokens),
                   kbi_eval_pct(r.las, r.tokens));
        printf("\n  tagger %.0f tokens/s", (double)r.tokens / r.tag_seconds);
        if (r.parsed)
            printf(", parser %.0f tokens/s",
                   (double)r.tokens / r.parse_seconds);
        printf("\n");
        if (speed > 0) {
            double *tps = malloc((size_t)speed * sizeof *tps);
            for (int k = 0; tps && k < speed; k++) {
                kbi_eval_result r2;
                if (kbi_eval_conllu(argv[i], t, NULL, NULL, &d, &r2, &err) !=
                    KB_OK)
                    break;
                tps[k] = (double)r2.tokens / r2.tag_seconds;
            }
            if (tps) {
                qsort(tps, (size_t)speed, sizeof *tps, cmp_double);
                printf("  tagger median of %d runs: %.0f tokens/s\n", speed,
                       tps[speed / 2]);
            }
            free(tps);
        }
    }
#ifndef KHABAR_NO_PARSER
    kbi_parser_free(p);
#endif
    kbi_tagger_free(t);
    kbi_model_close(m);
    return rc;
}
