/* parser_feat.h - what the parser's inference (parser.c) and training
 * (parser_train.c) share: the arc-eager transition system with the root at
 * the end of the buffer, the feature templates, the weight-table layout of
 * the model sections and the scorer over it. Private to src/nlp.
 *
 * Transition classes: 0 SHIFT, 1 REDUCE, 2+l LEFT-ARC(l), 2+L+l
 * RIGHT-ARC(l) for labels l < L. Token n (one past the last word) is the
 * root; it sits at the end of the buffer and is never shifted. */
#ifndef KB_PARSER_FEAT_H
#define KB_PARSER_FEAT_H

#include <stddef.h>
#include <stdint.h>

#include "parser.h"

enum {
    KBI_PARSER_SHIFT = 0,
    KBI_PARSER_REDUCE = 1,
    KBI_PARSER_LA = 2,
    KBI_PARSER_RA = 3,
    KBI_PARSER_MAX_LABELS = 126, /* 2 + 2L classes and counts fit a byte */
    KBI_PARSER_NFEATS = 76       /* feature keys per state */
};

/* Section names and the header of "parser.meta" (u32 little-endian). */
#define KBI_PARSER_SEC_META "parser.meta"
#define KBI_PARSER_SEC_LABELS "parser.labels"
#define KBI_PARSER_SEC_SLOTS "parser.slots"
#define KBI_PARSER_SEC_WEIGHTS "parser.weights"
#define KBI_PARSER_MAGIC 0x5350424bu /* "KBPS" */
#define KBI_PARSER_FORMAT 1u

typedef struct kbi_parser_meta {
    uint32_t magic, format;
    uint32_t nlabels, nclasses;
    uint32_t nslots;    /* slots in parser.slots */
    uint32_t nweights;  /* packed entries in parser.weights */
    uint32_t max_probe; /* longest probe sequence in the slot table */
    uint32_t nfeats;    /* KBI_PARSER_NFEATS of the trainer */
    float scale;        /* weight = packed int16 * scale */
    uint32_t reserved[7];
} kbi_parser_meta;

/* Open addressing with linear probing over nslots slots (any count). A
 * 64-bit feature key starts probing at slot ((uint32_t)key * nslots) >> 32
 * and is recognised by its fingerprint (key >> 32) | 1; fingerprint 0 marks
 * an empty slot. A weight is (class << 24) | (uint16_t)int16 value; a
 * feature with at most KBI_PARSER_INLINE weights keeps them in its slot
 * (padded with 0, which adds nothing), one cache miss per feature; a
 * feature with up to KBI_PARSER_SPARSE has w[0] = 0xff000000 | off,
 * w[1] = count, and its weights at parser.weights[off .. off+count); a
 * feature with more has w[0] = 0xfe000000 | off and a dense row of int16
 * weights for classes 0 .. KBI_PARSER_ROW(nclasses)-1 (zero padded) from
 * u32 offset off. */
enum { KBI_PARSER_INLINE = 3, KBI_PARSER_SPARSE = 12 };
#define KBI_PARSER_ROW(nc) (((nc) + 15u) & ~15u)
typedef struct kbi_parser_slot {
    uint32_t fp;
    uint32_t w[KBI_PARSER_INLINE];
} kbi_parser_slot;

static inline uint32_t kbi_parser_slot_of(uint64_t key, uint32_t nslots)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * nslots) >> 32);
}
static inline uint32_t kbi_parser_fp(uint64_t key)
{
    return (uint32_t)(key >> 32) | 1u;
}

struct kbi_parser {
    uint32_t nlabels, nclasses, nslots, nweights, max_probe;
    float scale;
    const kbi_parser_slot *slots;
    const uint32_t *weights;
    const char *labels[KBI_PARSER_MAX_LABELS];
    int root_label; /* index of "root", or -1 */
    int dep_label;  /* index of "dep", or -1 */
};

/* The parse state. Arrays have n + 1 entries (the root is n). */
typedef struct kbi_pstate {
    int32_t n;
    int32_t sp;  /* stack depth */
    int32_t b;   /* buffer front; the buffer is b..n */
    int32_t *stack;
    int32_t *head, *label;
    int32_t *lc1, *lc2, *rc1, *rc2; /* leftmost, 2nd leftmost, rightmost.. */
    int32_t *nl, *nr;               /* left/right valency */
    uint64_t *lset, *rset;          /* sets of child labels */
    uint64_t *word, *tag;           /* token values for the features */
} kbi_pstate;

/* Bytes kbi_pstate_init needs for n tokens (8-byte aligned memory). */
size_t kbi_pstate_size(int32_t n);
/* Lays the arrays out in mem and computes token values from s. */
void kbi_pstate_init(kbi_pstate *st, const kbi_sentence *s, void *mem);
/* Unlabelled move m (SHIFT/REDUCE/LA/RA) allowed in st? */
int kbi_pstate_can(const kbi_pstate *st, int m);
/* Applies class c (checked by the caller with kbi_pstate_can). */
void kbi_pstate_apply(kbi_pstate *st, int c, int nlabels);
static inline int kbi_pstate_done(const kbi_pstate *st)
{
    return st->b >= st->n && st->sp == 0;
}
static inline int kbi_parser_move(int c, int nlabels)
{
    return c < 2 ? c : c < 2 + nlabels ? KBI_PARSER_LA : KBI_PARSER_RA;
}

/* Writes the KBI_PARSER_NFEATS feature keys (never 0) of st into keys. */
void kbi_parser_features(const kbi_pstate *st, uint64_t *keys);

/* Adds the weights of keys to scores[0..256) (int32, not cleared). */
void kbi_parser_score(const kbi_parser *p, const uint64_t *keys, int nkeys,
                      int32_t *scores);

/* Attaches every token the transitions left without a head so that the
 * sentence has exactly one root; used after a parse. */
void kbi_parser_fix_root(const kbi_parser *p, kbi_pstate *st);

/* Runs the greedy parser over st (after kbi_pstate_init). */
void kbi_parser_run(const kbi_parser *p, kbi_pstate *st);

/* For tests (parser_train.c): projectivises the gold tree of s (the number
 * of lifted arcs goes to *lifted), takes nrandom random allowed transitions
 * (seeded; their summed dynamic-oracle cost goes to *cost), then follows
 * the oracle's zero-cost transitions to the end. Writes the heads (-1 for
 * the root) and relations reached to head/deprel. Returns 1, or 0 when the
 * gold tree is invalid or memory runs out. */
int kbi_parser_oracle_run(const kbi_sentence *s, unsigned long seed,
                          int nrandom, int32_t *head, const char **deprel,
                          int *lifted, int *cost);

#endif
