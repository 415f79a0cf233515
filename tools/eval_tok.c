/* eval_tok.c - measures the text front end (src/text) against CoNLL-U
 * gold data, prints its output, and times it. Not part of the library.
 *
 * Build (after `make`, which builds build/libkhabar.a):
 *   cc -std=c11 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
 *      tools/eval_tok.c build/libkhabar.a -lxml2 -lm -lpthread \
 *      -o build/eval_tok
 *
 * Usage:
 *   eval_tok [OPTIONS] FILE.conllu...   token, word and sentence F1
 *   eval_tok --print [OPTIONS] FILE     the segmentation of a text file in
 *                                       the format of tests/text/NAME.tok
 *   eval_tok --bench [OPTIONS] FILE     speed over a text or CoNLL-U file
 * Options: --split-hyphens, --line-breaks, --errors N (show N differences
 * of each kind).
 *
 * Each document ("# newdoc") is rebuilt as running text from the "# text"
 * lines: sentences of a paragraph joined by a space (none after a final
 * token with SpaceAfter=No), paragraphs ("# newpar") by a blank line. Gold
 * token offsets come from matching the forms against that text. Tokens
 * are the surface tokens (a multiword token such as "don't" is one; the
 * front end's clitics are joined to the token before them); words are the
 * syntactic words ("do" "n't"), with a multiword token's words given the
 * parts of its span when their forms spell it. Sentences are the spans
 * from the first token's start to the last token's end. A system unit is
 * correct when a gold unit has exactly its span; P, R and F1 as in the
 * CoNLL 2018 shared task evaluation. The reading of the gold file, the
 * alignment and the counting are the library's (src/nlp/evaluate.c, shared
 * with `khabar eval-parse`); this file prints and times. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "nlp/evaluate.h"
#include "text/text.h"

static void die(const char *m)
{
    fprintf(stderr, "eval_tok: %s\n", m);
    exit(2);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- options and counts ------------------------------------------------- */

static kbi_text_options OPT;
static int SHOW_ERRORS;

static kbi_eval_counts COUNTS;
static size_t ALIGN_FAIL, MWT_UNSPLIT;
static double SECONDS;
static size_t BYTES;

static void show(const char *what, const char *text, size_t tlen, kbi_span x)
{
    size_t a = x.start > 30 ? x.start - 30 : 0;
    size_t b = x.end + 30 < tlen ? x.end + 30 : tlen;
    printf("%s [%.*s] in: ", what, (int)(x.end - x.start), text + x.start);
    for (size_t i = a; i < b; i++)
        putchar(text[i] == '\n' ? '|' : text[i]);
    putchar('\n');
}

/* Lists up to SHOW_ERRORS missed and extra units of a kind (over all
 * documents). */
static void show_errors(int kind, const char *name, const kbi_span *g,
                        size_t ng, const kbi_span *s, size_t ns,
                        const char *text, size_t tlen)
{
    static int shown_missed[2], shown_extra[2];
    int32_t *map = malloc((ns + 1) * sizeof *map);
    unsigned char *hit = calloc(ng + 1, 1);
    if (!map || !hit)
        die("out of memory");
    kbi_eval_align(g, ng, s, ns, map);
    for (size_t j = 0; j < ns; j++)
        if (map[j] >= 0)
            hit[map[j]] = 1;
    char m[32];
    snprintf(m, sizeof m, "%s missed", name);
    for (size_t i = 0; i < ng && shown_missed[kind] < SHOW_ERRORS; i++)
        if (!hit[i]) {
            shown_missed[kind]++;
            show(m, text, tlen, g[i]);
        }
    snprintf(m, sizeof m, "%s extra", name);
    for (size_t j = 0; j < ns && shown_extra[kind] < SHOW_ERRORS; j++)
        if (map[j] < 0) {
            shown_extra[kind]++;
            show(m, text, tlen, s[j]);
        }
    free(map);
    free(hit);
}

static void on_doc(void *user, const kbi_eval_doc *g, const kbi_eval_doc *s)
{
    (void)user;
    show_errors(0, "words", g->words, g->nwords, s->words, s->nwords, g->text,
                g->len);
    show_errors(1, "sentences", g->sents, g->nsents, s->sents, s->nsents,
                g->text, g->len);
}

static void eval_file(const char *path)
{
    kbi_eval_raw_config cfg = {&OPT, NULL, NULL, SHOW_ERRORS ? on_doc : NULL,
                               NULL};
    kbi_eval_raw_result r;
    kb_error err;
    if (kbi_eval_conllu_raw(path, &cfg, NULL, &r, &err) != KB_OK) {
        char buf[1024];
        fprintf(stderr, "eval_tok: %s\n",
                kb_error_format(&err, buf, sizeof buf));
        exit(2);
    }
    const kbi_eval_counts *c = &r.c;
    COUNTS.gold_toks += c->gold_toks;
    COUNTS.sys_toks += c->sys_toks;
    COUNTS.ok_toks += c->ok_toks;
    COUNTS.gold_words += c->gold_words;
    COUNTS.sys_words += c->sys_words;
    COUNTS.ok_words += c->ok_words;
    COUNTS.gold_sents += c->gold_sents;
    COUNTS.sys_sents += c->sys_sents;
    COUNTS.ok_sents += c->ok_sents;
    ALIGN_FAIL += r.not_found;
    MWT_UNSPLIT += r.mwt_unsplit;
    SECONDS += r.segment_seconds;
    BYTES += r.bytes;
}

static void report(const char *name, size_t gold, size_t sys, size_t ok)
{
    printf("%-10s gold %7zu  system %7zu  correct %7zu  P %6.2f  R %6.2f  "
           "F1 %6.2f\n", name, gold, sys, ok, kbi_eval_pct(ok, sys),
           kbi_eval_pct(ok, gold), kbi_eval_f1(ok, gold, sys));
}

/* ---- printing and timing ------------------------------------------------- */

static void print_doc(const char *text, size_t len)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_text_doc d;
    if (kbi_text_segment(text, len, &OPT, &a, NULL, &d) != KB_OK)
        die("segmentation failed");
    for (int32_t i = 0; i < d.nsents; i++) {
        const kbi_text_sentence *s = &d.sents[i];
        if (i && (s->flags & KBI_TEXT_SENT_PARA_START))
            putchar('\n');
        if (s->flags & KBI_TEXT_SENT_DATELINE)
            fputs("[dateline] ", stdout);
        for (int32_t k = 0; k < s->n; k++)
            printf("%s%s", k ? " " : "", d.toks[s->first + k].form);
        putchar('\n');
    }
    kbi_arena_free(&a);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void bench(const char *text, size_t len)
{
    enum { RUNS = 7 };
    double t[RUNS];
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    size_t ntoks = 0;
    for (int r = 0; r < RUNS; r++) {
        kbi_text_doc d;
        double t0 = now();
        if (kbi_text_segment(text, len, &OPT, &a, NULL, &d) != KB_OK)
            die("segmentation failed");
        t[r] = now() - t0;
        ntoks = (size_t)d.ntoks;
        kbi_arena_reset(&a);
    }
    kbi_arena_free(&a);
    qsort(t, RUNS, sizeof t[0], cmp_double);
    printf("%zu bytes, %zu tokens: median %.4f s = %.1f MB/s (%d runs)\n",
           len, ntoks, t[RUNS / 2], (double)len / t[RUNS / 2] / 1e6, RUNS);
}

int main(int argc, char **argv)
{
    int mode = 0, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--print") == 0)
            mode = 1;
        else if (strcmp(argv[i], "--bench") == 0)
            mode = 2;
        else if (strcmp(argv[i], "--split-hyphens") == 0)
            OPT.flags |= KBI_TEXT_SPLIT_HYPHENS;
        else if (strcmp(argv[i], "--line-breaks") == 0)
            OPT.flags |= KBI_TEXT_LINE_BREAKS;
        else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc)
            SHOW_ERRORS = atoi(argv[++i]);
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: eval_tok [--print|--bench] "
                            "[--split-hyphens] [--line-breaks] "
                            "[--errors N] FILE...\n");
            return 2;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            if (strcmp(argv[i], "--errors") == 0)
                i++;
            continue;
        }
        nfiles++;
        if (mode == 0) {
            eval_file(argv[i]);
            continue;
        }
        char *data;
        size_t len;
        kb_error err;
        if (kbi_read_file(argv[i], NULL, &data, &len, &err) != KB_OK)
            die("cannot read input");
        if (mode == 1)
            print_doc(data, len);
        else
            bench(data, len);
        kbi_free(NULL, data, len + 1);
    }
    if (!nfiles)
        die("no input files");
    if (mode == 0) {
        const kbi_eval_counts *c = &COUNTS;
        report("tokens", c->gold_toks, c->sys_toks, c->ok_toks);
        report("words", c->gold_words, c->sys_words, c->ok_words);
        report("sentences", c->gold_sents, c->sys_sents, c->ok_sents);
        printf("(%zu gold tokens not found in the text, %zu multiword "
               "tokens whose words do not spell them; front end %.1f MB/s)\n",
               ALIGN_FAIL, MWT_UNSPLIT, SECONDS > 0 ? (double)BYTES / SECONDS / 1e6 : 0);
    }
    return 0;
}
