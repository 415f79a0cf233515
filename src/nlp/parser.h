/* parser.h - Khabar's labelled dependency parser (UD relations).
 *
 * A greedy arc-eager transition parser (Nivre 2003) with the root token at
 * the end of the buffer (Ballesteros & Nivre 2013), labelled transitions,
 * Zhang & Nivre (2011) feature templates and an averaged perceptron trained
 * with the dynamic oracle of Goldberg & Nivre (2012) and exploration.
 * Non-projective training trees are projectivised by lifting (counted and
 * printed in the training log, never dropped).
 *
 * Weights live in the model file (sections "parser.*", see model.h) and are
 * read in place from the mapping: loading is O(1) in the model size. */
#ifndef KB_PARSER_H
#define KB_PARSER_H

#include <stddef.h>
#include <stdio.h>

#include "khabar.h"
#include "model.h"
#include "sentence.h"

typedef struct kbi_parser kbi_parser;

/* Checks the parser sections of m and returns a parser that reads them in
 * place: m must stay open while the parser is used. A missing, truncated or
 * inconsistent section gives KB_ERR_SYNTAX with a message naming it. Caller
 * frees with kbi_parser_free. */
kb_status kbi_parser_load(const kbi_model *m, kbi_parser **out, kb_error *err);
void kbi_parser_free(kbi_parser *p);

/* Reads form/upper/xpos of every token and fills head (0-based, -1 for the
 * root) and deprel (a string owned by the model: valid while it is open).
 * Exactly one token gets head -1. Scratch memory comes from arena a; if it
 * runs out, every token is attached to the first one with deprel "dep" (the
 * arena's failed flag tells). p is not modified: one parser may serve many
 * threads, each with its own arena. */
void kbi_parser_parse(const kbi_parser *p, kbi_sentence *s, kbi_arena *a);

/* Makes a finite verb the root when the parser chose an adjective or noun
 * above it (repair.c); kbi_parser_parse calls it. */
void kbi_parser_repair_root(kbi_sentence *s);

/* Before parsing (kbi_parser_parse calls it first), a sentence the
 * tagger gave no verb: the first past tense that is also an adjective or
 * a noun ("left", "met", "held"), right after a noun, is tagged VBD ("The
 * new mayor left yesterday for Minas Tirith"). (repair.c) */
void kbi_tags_repair(kbi_sentence *s);

/* ---- training (parser_train.c) ------------------------------------------ */

typedef struct kbi_parser_options {
    int epochs;            /* passes over the training set (default 15) */
    int explore_after;     /* follow the model's own moves after this many
                              epochs (dynamic-oracle exploration; default 1) */
    double explore_prob;   /* ... with this probability (default 0.9) */
    unsigned long seed;    /* shuffling and exploration (default 1) */
    int min_updates;       /* prune features updated fewer times (default 6) */
    int keep_best;         /* keep the epoch with the best dev LAS when dev
                              is given (default 1) */
    int verbose;           /* per-epoch lines in the log (default 1) */
} kbi_parser_options;

void kbi_parser_options_init(kbi_parser_options *o);

/* Trains on train[0..n) (tokens with form/upper/xpos/head/deprel; heads
 * 0-based, -1 for the root) and adds sections "parser.*" to w. dev may be
 * NULL (ndev 0); when given, the log shows its UAS/LAS after each epoch.
 * Sentences with invalid heads (out of range, cycles, no root) are skipped
 * and counted in the log; non-projective ones are lifted and counted. log
 * may be NULL. */
kb_status kbi_parser_train(const kbi_sentence *train, size_t n,
                           const kbi_sentence *dev, size_t ndev,
                           const kbi_parser_options *o, kbi_model_writer *w,
                           FILE *log);

#endif
