/* evaluate.h - scoring the tagger (and a parser) against gold CoNLL-U with
 * gold tokenization: UPOS, XPOS, UAS, LAS. */
#ifndef KB_EVALUATE_H
#define KB_EVALUATE_H

#include "../base/error.h"
#include "sentence.h"
#include "tagger.h"

/* Fills head and deprel of s (tokens carry form, upper and the tags);
 * scratch from a. Lets the evaluation call a parser without this file
 * depending on one: the parser module provides the adapter. */
typedef void (*kbi_parse_fn)(void *user, kbi_sentence *s, kbi_arena *a);

typedef struct kbi_eval_result {
    size_t sentences, tokens;
    size_t skipped;        /* malformed gold sentences (reported via diag) */
    size_t upos, xpos, both; /* correct UPOS, XPOS, both */
    size_t uas, las;       /* correct head; head and relation (the universal
                              part, before ':', as in the CoNLL 2018 script) */
    int tagged, parsed;    /* which scores are meaningful */
    double tag_seconds;    /* wall time spent inside the tagger */
    double parse_seconds;
} kbi_eval_result;

/* Reads gold_path, strips everything but the forms, tags with t (NULL: keep
 * the gold tags) and parses with parse (NULL: no parsing), and counts what
 * matches the gold file. Malformed gold sentences go to diag (may be NULL)
 * and are skipped. KB_ERR_IO / KB_ERR_NOMEM with err set. */
kb_status kbi_eval_conllu(const char *gold_path, const kbi_tagger *t,
                          kbi_parse_fn parse, void *parse_user,
                          kbi_diag *diag, kbi_eval_result *out,
                          kb_error *err);

/* Percentage helper: 100 * a / b, 0 when b is 0. */
double kbi_eval_pct(size_t a, size_t b);

#endif
