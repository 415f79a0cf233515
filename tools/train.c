/* train.c - trains Khabar's tagger (and parser) on CoNLL-U treebanks and
 * writes the model file. Not part of the library.
 *
 * Build (after `make`, which builds build/libkhabar.a):
 *   cc -std=c11 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
 *      tools/train.c build/libkhabar.a -lxml2 -lm -lpthread -o build/train
 *
 * Usage:
 *   train --train TRAIN.conllu --dev DEV.conllu --out MODEL
 *         [--seed N] [--epochs N] [--prune X] [--dict-count N]
 *         [--dict-ratio X] [--lexicon POSLEX] [--no-parser]
 *         [--parser-epochs N] [--jackknife K]
 * --jackknife K (K >= 2) trains the parser on predicted tags: the training
 * data is split into K folds (sentence i in fold i % K), each fold is tagged
 * by a tagger trained on the other folds, and the dev data the parser
 * selects its epoch on is tagged by the final tagger. --with-gold (with
 * --jackknife) trains the parser on the gold-tagged copy of the training
 * data as well.
 * --lexicon names Festival's POSLEX (Debian festlex-poslex:
 * /usr/share/festival/dicts/wsj.wp39.poslexR), whose tag sets become
 * tagger features.
 * The model is written to MODEL.tmp and renamed over MODEL. The log goes
 * to stderr; the last lines give the dev scores of the saved model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nlp/conllu.h"
#include "nlp/evaluate.h"
#include "nlp/model.h"
#include "nlp/tagger.h"

/* ---- PARSER HOOK --------------------------------------------------------
 * The parser (src/nlp/parser.h) declares kbi_parser_train; it is trained
 * after the tagger into the same model unless --no-parser is given. Build
 * with -DKHABAR_NO_PARSER for a tree without the parser. */
#ifndef KHABAR_NO_PARSER
#include "nlp/parser.h"
#define HAVE_PARSER 1
#else
#define HAVE_PARSER 0
#endif

static void diag(void *user, const kb_error *e)
{
    (void)user;
    char buf[1024];
    fprintf(stderr, "%s\n", kb_error_format(e, buf, sizeof buf));
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static kbi_sentence *sentences(kbi_conllu_sent *c, size_t n, kbi_arena *a)
{
    kbi_sentence *s = kbi_arena_alloc(a, (n + 1) * sizeof *s);
    for (size_t i = 0; s && i < n; i++)
        s[i] = c[i].s;
    return s;
}

/* Copies sentences (and token arrays) so that their tags can be replaced. */
static kbi_sentence *copy_sentences(const kbi_sentence *s, size_t n,
                                    kbi_arena *a)
{
    kbi_sentence *c = kbi_arena_alloc(a, (n + 1) * sizeof *c);
    for (size_t i = 0; c && i < n; i++) {
        c[i] = s[i];
        size_t nt = (size_t)(s[i].ntoks > 0 ? s[i].ntoks : 0);
        c[i].toks = kbi_arena_alloc(a, (nt + 1) * sizeof *c[i].toks);
        if (!c[i].toks)
            return NULL;
        if (nt)
            memcpy(c[i].toks, s[i].toks, nt * sizeof *c[i].toks);
    }
    return c;
}

/* Tags s[0..n) with tagger t, copying the tags into arena a (so that the
 * model may be closed afterwards). */
static int retag(const kbi_tagger *t, kbi_sentence *s, size_t n, kbi_arena *a)
{
    kbi_arena scratch;
    kbi_arena_init(&scratch, NULL);
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++) {
        kbi_tagger_tag(t, &s[i], &scratch);
        for (int32_t k = 0; k < s[i].ntoks && ok; k++) {
            kbi_token *tk = &s[i].toks[k];
            tk->xpos = kbi_arena_strdup(a, tk->xpos);
            tk->upos = kbi_arena_strdup(a, tk->upos);
            ok = tk->xpos && tk->upos;
        }
        kbi_arena_reset(&scratch);
    }
    kbi_arena_free(&scratch);
    return ok;
}

/* Trains a tagger on the sentences of trs outside fold `fold` (of k; all of
 * them when fold < 0) into a scratch model file and tags `dst` with it:
 * the sentences of that fold, or all of dst when fold < 0. */
static int jackknife_fold(const kbi_sentence *trs, size_t ntr,
                          kbi_sentence *dst, size_t ndst, int fold, int k,
                          const kbi_tagger_options *o, const char *tmp,
                          kbi_arena *a)
{
    kbi_sentence *part = malloc((ntr + 1) * sizeof *part);
    if (!part)
        return 0;
    size_t np = 0;
    for (size_t i = 0; i < ntr; i++)
        if (fold < 0 || (int)(i % (size_t)k) != fold)
            part[np++] = trs[i];
    kbi_model_writer *w = kbi_model_writer_new();
    kb_error err;
    int ok = w && kbi_tagger_train(part, np, NULL, 0, o, w, NULL) == KB_OK &&
             kbi_model_writer_save(w, tmp, &err) == KB_OK;
    kbi_model_writer_free(w);
    free(part);
    kbi_model *m = NULL;
    kbi_tagger *t = NULL;
    if (ok && (kbi_model_open(tmp, &m, &err) != KB_OK ||
               kbi_tagger_load(m, &t, &err) != KB_OK))
        ok = 0;
    for (size_t i = 0; ok && i < ndst; i++)
        if (fold < 0 || (int)(i % (size_t)k) == fold)
            ok = retag(t, &dst[i], 1, a);
    kbi_tagger_free(t);
    if (m)
        kbi_model_close(m);
    remove(tmp);
    return ok;
}

#if HAVE_PARSER
static void parse_cb(void *user, kbi_sentence *s, kbi_arena *a)
{
    kbi_parser_parse(user, s, a);
}
#endif

static void usage(void)
{
    fprintf(stderr,
            "usage: train --train TRAIN.conllu --dev DEV.conllu --out MODEL\n"
            "             [--seed N] [--epochs N] [--prune X] "
            "[--dict-count N]\n"
            "             [--dict-ratio X] [--lexicon POSLEX] [--no-parser] "
            "[--parser-epochs N]\n"
            "             [--jackknife K] [--with-gold]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *train_path = NULL, *dev_path = NULL, *out = NULL;
    kbi_tagger_options o;
    kbi_tagger_options_init(&o);
    int want_parser = HAVE_PARSER, parser_epochs = 0, jackknife = 0;
    int with_gold = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--no-parser") == 0) {
            want_parser = 0;
            continue;
        }
        if (strcmp(a, "--with-gold") == 0) {
            with_gold = 1;
            continue;
        }
        if (!v)
            usage();
        i++;
        if (strcmp(a, "--train") == 0)
            train_path = v;
        else if (strcmp(a, "--dev") == 0)
            dev_path = v;
        else if (strcmp(a, "--out") == 0)
            out = v;
        else if (strcmp(a, "--seed") == 0)
            o.seed = strtoull(v, NULL, 10);
        else if (strcmp(a, "--epochs") == 0)
            o.epochs = atoi(v);
        else if (strcmp(a, "--prune") == 0)
            o.prune = atof(v);
        else if (strcmp(a, "--dict-count") == 0)
            o.dict_min_count = atoi(v);
        else if (strcmp(a, "--dict-ratio") == 0)
            o.dict_min_ratio = atof(v);
        else if (strcmp(a, "--mask-rare") == 0)
            o.mask_rare = atoi(v);
        else if (strcmp(a, "--lexicon") == 0)
            o.lexicon = v;
        else if (strcmp(a, "--parser-epochs") == 0)
            parser_epochs = atoi(v);
        else if (strcmp(a, "--jackknife") == 0)
            jackknife = atoi(v);
        else
            usage();
    }
    if (!train_path || !dev_path || !out || o.epochs < 1 || jackknife < 0 ||
        jackknife == 1 || jackknife > 100)
        usage();
    if (o.lexicon) {
        FILE *lf = fopen(o.lexicon, "r");
        if (!lf) {
            perror(o.lexicon);
            return 1;
        }
        fclose(lf);
    }
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_diag d = {diag, NULL, 0};
    kb_error err;
    kbi_conllu_sent *tr, *dv;
    size_t ntr, ndv;
    double t0 = now();
    if (kbi_conllu_read_file(train_path, &a, &d, &tr, &ntr, &err) != KB_OK ||
        kbi_conllu_read_file(dev_path, &a, &d, &dv, &ndv, &err) != KB_OK) {
        diag(NULL, &err);
        return 1;
    }
    kbi_sentence *trs = sentences(tr, ntr, &a), *dvs = sentences(dv, ndv, &a);
    if (!trs || !dvs) {
        fprintf(stderr, "train: out of memory\n");
        return 1;
    }
    fprintf(stderr, "read %zu + %zu sentences (%zu problems) in %.1f s\n", ntr,
            ndv, d.count, now() - t0);
    kbi_model_writer *w = kbi_model_writer_new();
    if (!w) {
        fprintf(stderr, "train: out of memory\n");
        return 1;
    }
    double t1 = now();
    kb_status st = kbi_tagger_train(trs, ntr, dvs, ndv, &o, w, stderr);
    fprintf(stderr, "tagger trained in %.1f s (%s)\n", now() - t1,
            kb_status_str(st));
    if (st != KB_OK)
        return 1;
#if HAVE_PARSER
    if (want_parser) {
        /* PARSER HOOK: trained on the gold tags of the training data, or
         * on jackknifed predicted tags. */
        kbi_sentence *ptr = trs, *pdv = dvs;
        if (jackknife) {
            double tj = now();
            char *tmp = malloc(strlen(out) + 8);
            ptr = copy_sentences(trs, ntr, &a);
            pdv = copy_sentences(dvs, ndv, &a);
            int ok = tmp && ptr && pdv;
            if (tmp)
                sprintf(tmp, "%s.jk.tmp", out);
            for (int f = 0; ok && f < jackknife; f++)
                ok = jackknife_fold(trs, ntr, ptr, ntr, f, jackknife, &o, tmp,
                                    &a);
            if (ok)
                ok = jackknife_fold(trs, ntr, pdv, ndv, -1, jackknife, &o,
                                    tmp, &a);
            free(tmp);
            if (!ok) {
                fprintf(stderr, "train: jackknifing failed\n");
                return 1;
            }
            fprintf(stderr, "jackknifed tags (%d folds) in %.1f s\n",
                    jackknife, now() - tj);
        }
        size_t nptr = ntr;
        if (jackknife && with_gold) {
            /* the gold-tagged copy first, then the jackknifed one */
            kbi_sentence *both = kbi_arena_alloc(&a, (2 * ntr + 1) *
                                                         sizeof *both);
            if (!both) {
                fprintf(stderr, "train: out of memory\n");
                return 1;
            }
            memcpy(both, trs, ntr * sizeof *both);
            memcpy(both + ntr, ptr, ntr * sizeof *both);
            ptr = both;
            nptr = 2 * ntr;
        }
        kbi_parser_options po;
        kbi_parser_options_init(&po);
        po.seed = (unsigned long)o.seed;
        if (parser_epochs > 0)
            po.epochs = parser_epochs;
        double t2 = now();
        st = kbi_parser_train(ptr, nptr, pdv, ndv, &po, w, stderr);
        fprintf(stderr, "parser trained in %.1f s (%s)\n", now() - t2,
                kb_status_str(st));
        if (st != KB_OK)
            return 1;
    }
#else
    (void)parser_epochs;
    (void)want_parser;
#endif
    if (kbi_model_writer_save(w, out, &err) != KB_OK) {
        diag(NULL, &err);
        return 1;
    }
    kbi_model_writer_free(w);
    kbi_arena_free(&a);
    fprintf(stderr, "wrote %s; total %.1f s\n", out, now() - t0);

    /* score the saved model on dev through the real loading path */
    kbi_model *m;
    kbi_tagger *t;
    if (kbi_model_open(out, &m, &err) != KB_OK ||
        kbi_tagger_load(m, &t, &err) != KB_OK) {
        diag(NULL, &err);
        return 1;
    }
    kbi_parse_fn pf = NULL;
    void *pu = NULL;
#if HAVE_PARSER
    kbi_parser *p = NULL;
    if (want_parser) {
        if (kbi_parser_load(m, &p, &err) != KB_OK) {
            diag(NULL, &err);
            return 1;
        }
        pf = parse_cb;
        pu = p;
    }
#endif
    kbi_eval_result r;
    if (kbi_eval_conllu(dev_path, t, pf, pu, &d, &r, &err) != KB_OK) {
        diag(NULL, &err);
        return 1;
    }
    fprintf(stderr, "saved model on %s: UPOS %.2f%% XPOS %.2f%%", dev_path,
            kbi_eval_pct(r.upos, r.tokens), kbi_eval_pct(r.xpos, r.tokens));
    if (r.parsed)
        fprintf(stderr, " UAS %.2f%% LAS %.2f%%", kbi_eval_pct(r.uas, r.tokens),
                kbi_eval_pct(r.las, r.tokens));
    fprintf(stderr, "\n");
#if HAVE_PARSER
    kbi_parser_free(p);
#endif
    kbi_tagger_free(t);
    kbi_model_close(m);
    return 0;
}
