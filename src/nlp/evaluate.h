/* evaluate.h - scoring the tagger (and a parser) against gold CoNLL-U:
 * with gold tokenization (UPOS, XPOS, UAS, LAS), and from raw text (the
 * documents rebuilt from the "# text" lines, segmented by src/text, words
 * aligned to the gold words by character span as in the CoNLL 2018 shared
 * task evaluation: token, word and sentence F1, and UPOS, XPOS, UAS, LAS
 * F1 over the aligned words). */
#ifndef KB_EVALUATE_H
#define KB_EVALUATE_H

#include "../base/error.h"
#include "../text/text.h"
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

/* ---- raw text ------------------------------------------------------------ */

/* Bytes [start, end) of a document's text. */
typedef struct kbi_span {
    uint32_t start, end;
} kbi_span;

/* F1 as a percentage: 2 * ok / (gold + sys), 0 when both are 0 (the
 * harmonic mean of P = ok / sys and R = ok / gold). */
double kbi_eval_f1(size_t ok, size_t gold, size_t sys);

/* Aligns system units to gold units: sys[j] is aligned to the gold unit
 * with exactly its span. Both arrays must be in document order (sorted by
 * start, then end; empty spans allowed); a unit is aligned at most once.
 * Sets map[j] (map may be NULL) to the gold index or -1 and returns the
 * number aligned. Linear time. */
size_t kbi_eval_align(const kbi_span *gold, size_t ngold, const kbi_span *sys,
                      size_t nsys, int32_t *map);

/* One document, gold or system. Tokens are the surface tokens (a multiword
 * token such as "don't" is one, and so is the front end's "do" + clitic
 * "n't"), words the syntactic words ("do" "n't"), sentences the spans from
 * the first token's start to the last token's end. ann, when not NULL, has
 * nwords entries: upos, xpos, deprel, and head as an index into the
 * document's words (-1 for the root); the other fields are not used. */
typedef struct kbi_eval_doc {
    const char *text; /* the gold document's rebuilt text (NUL-terminated) */
    size_t len;
    kbi_span *toks, *words, *sents;
    size_t ntoks, nwords, nsents;
    kbi_token *ann;
} kbi_eval_doc;

/* Counts for P, R, F1: gold units, system units, aligned ("ok"). The tag
 * and dependency counts are over aligned words (their gold and system
 * totals are those of words): a head is correct when both words are roots
 * or the system head is aligned to the gold head; LAS also needs the
 * universal part of the relation. */
typedef struct kbi_eval_counts {
    size_t gold_toks, sys_toks, ok_toks;
    size_t gold_words, sys_words, ok_words;
    size_t gold_sents, sys_sents, ok_sents;
    size_t upos, xpos, both, uas, las;
} kbi_eval_counts;

/* Adds the comparison of one system document with its gold document to c
 * (tags and heads only when both have ann). KB_ERR_NOMEM or KB_OK. */
kb_status kbi_eval_score_doc(const kbi_eval_doc *gold, const kbi_eval_doc *sys,
                             kbi_eval_counts *c);

/* The gold documents of a CoNLL-U file. Each "# newdoc" starts a document
 * whose text is its sentences' "# text" values (rebuilt from the forms and
 * SpaceAfter=No when a sentence has none) joined by a space, by nothing
 * after a last token with SpaceAfter=No, and by a blank line at each
 * "# newpar". Gold offsets come from finding the forms in that text in
 * order; a multiword token's words get the parts of its span when their
 * forms spell it (case aside), else the rest of it (counted in
 * mwt_unsplit). A token not found gets an empty span (counted in
 * not_found), so it is never aligned but still counts. */
typedef struct kbi_eval_gold {
    kbi_eval_doc *docs;
    size_t ndocs;
    size_t sentences;
    size_t skipped;     /* malformed gold sentences (reported via diag) */
    size_t not_found;   /* gold tokens not found in the text */
    size_t mwt_unsplit; /* multiword-token words that do not spell it */
} kbi_eval_gold;

/* Reads path into *out, everything in arena a. Malformed sentences go to
 * diag (may be NULL) and are left out. KB_ERR_IO / KB_ERR_NOMEM /
 * KB_ERR_LIMIT (a document over KBI_TEXT_MAX_INPUT bytes) with err set. */
kb_status kbi_eval_gold_read(const char *path, kbi_arena *a, kbi_diag *diag,
                             kbi_eval_gold *out, kb_error *err);

/* The system side of a segmented document (ann NULL): words are the front
 * end's tokens, tokens the same with each KBI_TEXT_TOK_CLITIC joined to the
 * one before it. Arrays in a. KB_ERR_NOMEM or KB_OK. */
kb_status kbi_eval_sys_doc(const kbi_text_doc *d, kbi_arena *a,
                           kbi_eval_doc *out);

/* Tags and parses sentence i of doc into *out (token k of out is token
 * doc->sents[i].first + k), allocating from a: kbi_pipeline_sentence, or a
 * stand-in in tests. */
typedef kb_status (*kbi_analyse_fn)(void *user, const kbi_text_doc *doc,
                                    int32_t i, kbi_arena *a,
                                    kbi_sentence *out);

/* Called with each document pair after scoring (eval_tok lists errors). */
typedef void (*kbi_eval_doc_fn)(void *user, const kbi_eval_doc *gold,
                                const kbi_eval_doc *sys);

typedef struct kbi_eval_raw_config {
    const kbi_text_options *text; /* front-end options; NULL: defaults */
    kbi_analyse_fn analyse;       /* NULL: segmentation scores only */
    void *analyse_user;
    kbi_eval_doc_fn on_doc;       /* may be NULL */
    void *on_doc_user;
} kbi_eval_raw_config;

typedef struct kbi_eval_raw_result {
    kbi_eval_counts c;
    size_t docs, sentences, skipped, not_found, mwt_unsplit;
    size_t bytes;            /* text segmented */
    int analysed;            /* c.upos ... c.las are meaningful */
    double segment_seconds;  /* wall time inside kbi_text_segment */
    double analyse_seconds;  /* and inside analyse */
} kbi_eval_raw_result;

/* Reads gold_path, segments each rebuilt document with the front end,
 * analyses each system sentence with cfg->analyse (if any) and scores the
 * result against the gold file. diag (may be NULL) gets malformed gold
 * sentences and the front end's reports. Errors as kbi_eval_gold_read,
 * and what analyse returns. */
kb_status kbi_eval_conllu_raw(const char *gold_path,
                              const kbi_eval_raw_config *cfg, kbi_diag *diag,
                              kbi_eval_raw_result *out, kb_error *err);

#endif
