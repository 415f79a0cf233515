/* tagger.h - part-of-speech tagger: greedy left-to-right averaged
 * perceptron predicting the joint label "XPOS UPOS", so that both tags of
 * a token always agree with each other.
 *
 * The model lives in the sections "tagger.meta", "tagger.labels",
 * "tagger.feats", "tagger.weights", "tagger.dict" and "tagger.lex" of a kbi_model and is
 * read in place from the mapping (nothing is copied at load):
 *   - feats: an open-addressing table of 64-bit feature hashes, each slot
 *     a pair of u32 {fingerprint, offset << 8 | count} (0 = empty), pointing
 *     at `count` weights from `offset`;
 *   - weights: u32 {label in bits 0..7, int16 quantised weight in bits
 *     16..31}, sorted by label within a feature;
 *   - dict: words of the training data (exact form) -> value
 *     class << 8 | fixed, same slot layout. `class` (>= 1) numbers the
 *     word's ambiguity class (the set of labels it was seen with), a
 *     feature of the word and its neighbours; `fixed` is label + 1 for
 *     frequent unambiguous words, which are tagged without scoring, else 0;
 *   - lex: an external lexicon (Festival's POSLEX, Penn tags from the WSJ):
 *     exact form -> number of the word's tag set, same slot layout; a
 *     feature that reaches words the training data never saw;
 *   - labels: 32 bytes each, XPOS in the first 16 and UPOS in the last 16,
 *     NUL-padded.
 * Words are hashed with a fixed function (tagger.c): changing it, or the
 * feature templates, needs a new KBI_TAGGER_FORMAT and retraining. */
#ifndef KB_TAGGER_H
#define KB_TAGGER_H

#include <stdio.h>

#include "model.h"
#include "sentence.h"

#define KBI_TAGGER_FORMAT 3u

typedef struct kbi_tagger kbi_tagger;

/* Checks the tagger sections of m and builds a tagger over them. m must
 * stay open while the tagger (and any tag string it produced) is in use.
 * Caller frees with kbi_tagger_free. KB_ERR_SYNTAX when the sections are
 * missing or inconsistent (the message says which). */
kb_status kbi_tagger_load(const kbi_model *m, kbi_tagger **out, kb_error *err);
void kbi_tagger_free(kbi_tagger *t);

/* Sets xpos and upos of every token of s from its form. The tag strings
 * point into the model. Scratch memory comes from a; t is only read, so
 * one tagger serves any number of threads (one arena each). */
void kbi_tagger_tag(const kbi_tagger *t, kbi_sentence *s, kbi_arena *a);

/* Number of labels and the tags of label i (for tools and tests). */
int kbi_tagger_nlabels(const kbi_tagger *t);
void kbi_tagger_label(const kbi_tagger *t, int i, const char **xpos,
                      const char **upos);

/* ---- training (tagger_train.c) ------------------------------------------ */

typedef struct kbi_tagger_options {
    int epochs;            /* passes over the training data (default 8) */
    uint64_t seed;         /* shuffling seed (default 1) */
    int dict_min_count;    /* a word is tagged from the dictionary when */
    double dict_min_ratio; /* seen this often (default 20) with this share
                              of one label (default 0.99) */
    double prune;          /* drop averaged weights with |w| below this
                              (default 1.0) */
    const char *lexicon;   /* Festival POSLEX file (wsj.wp39.poslexR) or
                              NULL */
    int mask_rare;         /* words without an ambiguity class (seen fewer
                              than 3 times) lose their identity features,
                              so that rare training words teach the
                              spelling features (default 1) */
} kbi_tagger_options;

void kbi_tagger_options_init(kbi_tagger_options *o);

/* Trains on `train` (tokens need form, xpos and upos; sentences missing a
 * tag are skipped), logs per-epoch accuracy on `dev` (may be empty) to log
 * (may be NULL), and adds the tagger.* sections to w. Deterministic for a
 * given seed. */
kb_status kbi_tagger_train(const kbi_sentence *train, size_t n,
                           const kbi_sentence *dev, size_t ndev,
                           const kbi_tagger_options *o, kbi_model_writer *w,
                           FILE *log);

/* ---- shared by tagger.c and tagger_train.c -------------------------------- */

enum { KBI_TAGGER_MAX_FEATS = 56, KBI_TAGGER_LABEL_BYTES = 16 };

/* Hashes of one word, computed once per token. */
typedef struct kbi_tagger_word {
    uint64_t form, lower, shape;
    uint64_t pre[3], suf[4];
    uint32_t flags;
} kbi_tagger_word;

typedef struct kbi_tagger_meta {
    char magic[8];     /* "KBTAGGER" */
    uint32_t format;   /* KBI_TAGGER_FORMAT */
    uint32_t nlabels;
    uint32_t feat_slots;  /* power of two */
    uint32_t nweights;
    uint32_t dict_slots;  /* power of two */
    uint32_t lex_slots;   /* power of two */
    uint32_t mask_rare;   /* 1: kbi_tagger_mask_rare applies */
    uint32_t reserved[7];
} kbi_tagger_meta;

void kbi_tagger_word_init(const char *form, kbi_tagger_word *w);
/* Adds sentence-wide casing flags (title case, all capitals) to the words
 * of a sentence, after kbi_tagger_word_init of every word. */
void kbi_tagger_sentence_init(kbi_tagger_word *w, int32_t n);
/* Replaces the form (lower-case form) hash of words whose form
 * (lower-case form) has no ambiguity class by a shared "rare word" value. */
void kbi_tagger_mask_rare(kbi_tagger_word *w, const uint32_t *dict,
                          const uint32_t *ldict, int32_t n);
/* Hash of an exact form for the tag dictionary. */
uint64_t kbi_tagger_dict_hash(const char *form);
/* The same for the lower-cased form of a word. */
uint64_t kbi_tagger_dict_hash_lower(const kbi_tagger_word *w);
/* The feature hashes of token i given the words of the sentence, their
 * dictionary values (class << 8 | fixed label + 1; 0 for unknown words),
 * those of their lower-cased forms, their lexicon values (form, else
 * lower-cased form; 0 when absent), and the two previous
 * predicted labels (-1 before the sentence). Returns the count
 * (<= KBI_TAGGER_MAX_FEATS). */
int kbi_tagger_features(const kbi_tagger_word *w, const uint32_t *dict,
                        const uint32_t *ldict, const uint32_t *lex,
                        int32_t n, int32_t i, int p1, int p2, uint64_t *f);

#endif
