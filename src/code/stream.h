/* stream.h - the coder's view of a sentence (private to src/code).
 *
 * The constituent tree of a kbi_sentence is linearised into a stream of
 * items: phrase openings and closings, words, and the actor phrases found
 * in noun phrases: NE (a noun phrase that may name an actor) and NEC (a
 * compound: a group of NEs joined by a conjunction). Everything after that
 * (comma-clause deletion, actor coding, the verb scan, pattern matching)
 * works on this stream only, so it does not matter which parser made the
 * tree. */
#ifndef KB_STREAM_H
#define KB_STREAM_H

#include <stdint.h>

#include "../base/arena.h"
#include "../dict/dict.h"
#include "../nlp/sentence.h"

enum kbi_item_kind {
    KBI_IT_OPEN,    /* phrase opening; text = label */
    KBI_IT_CLOSE,   /* phrase closing */
    KBI_IT_WORD,    /* text = upper-case word, tag = Penn tag */
    KBI_IT_NE,      /* start of an actor phrase; ne = index */
    KBI_IT_NE_END,
    KBI_IT_NEC,     /* start of a compound; nec = index */
    KBI_IT_NEC_END
};

typedef struct kbi_item {
    uint8_t kind;
    uint8_t deleted;   /* removed by comma-clause deletion */
    const char *text;
    const char *tag;
    int32_t match;     /* OPEN/NE/NEC <-> its closing item */
    int32_t ne;        /* NE containing this item (WORD, NE, NE_END), -1 */
    int32_t nec;       /* NEC containing this item, -1 */
    int32_t tok;       /* source token of a WORD, -1 */
} kbi_item;

typedef struct kbi_ne {
    int32_t start, end;   /* items of NE and NE_END */
    int32_t nec;          /* compound it belongs to, -1 */
    int32_t nwords;
    const char *code;     /* "---" until coded */
    const char *entry;    /* evidence: "file:line PHRASE" of the actor */
    const char *text;     /* its words joined by blanks */
} kbi_ne;

typedef struct kbi_nec {
    int32_t start, end;   /* items of NEC and NEC_END */
    int32_t first_ne, nne; /* member NEs are consecutive */
} kbi_nec;

typedef struct kbi_stream {
    kbi_item *items;  int32_t n, cap;
    kbi_ne *nes;      int32_t nne, cap_ne;
    kbi_nec *necs;    int32_t nnec, cap_nec;
    int dateline;     /* first phrase is an NE holding a compound */
    kbi_arena *arena;
} kbi_stream;

/* Builds the stream of sentence s (TABARI spec §7.2). Returns KB_ERR_NOMEM
 * or KB_ERR_LIMIT on failure. */
kb_status kbi_stream_build(const kbi_sentence *s, kbi_arena *a,
                           kbi_stream *out);

/* Comma-clause deletion (§7.3) under the given windows. */
void kbi_stream_delete_commas(kbi_stream *st, const kb_config *c);

/* Codes every NE from the actor and agent dictionaries (§7.4) for the
 * sentence date `day`. */
kb_status kbi_stream_code_actors(kbi_stream *st, const kb_dict *d,
                                 int32_t day);

/* The code of a phrase given as upper-case words, as an NE of them would
 * get it: *code NULL when nothing matched; strings in arena a. */
kb_status kbi_code_words(const kb_dict *d, const char *const *w, int32_t n,
                         int32_t day, kbi_arena *a, const char **code,
                         const char **entry);

#endif
