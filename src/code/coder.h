/* coder.h - internals shared by the coder's files. */
#ifndef KB_CODER_H
#define KB_CODER_H

#include "stream.h"

/* An element of the upper or lower word sequence around a verb. */
enum { KBI_SEL_WORD, KBI_SEL_NE, KBI_SEL_NE_END, KBI_SEL_NEC,
       KBI_SEL_NEC_END };

typedef struct kbi_sel {
    uint8_t kind;
    const char *word;  /* KBI_SEL_WORD */
    int32_t ne;        /* NE containing the element, -1 */
    int32_t nec;       /* NEC of KBI_SEL_NEC/_END, -1 */
    int32_t item;      /* stream item */
} kbi_sel;

/* Source and target chosen by a pattern: an NE or (nec = 1) an NEC;
 * -1 when unset. */
typedef struct kbi_assign {
    int32_t src, tgt;
    uint8_t src_nec, tgt_nec;
} kbi_assign;

/* Matches one pattern side (upper: elements nearest the verb first, S
 * nearest first; lower: reading order). Returns 1 on a match. */
int kbi_match_side(const kb_dict *d, const kbi_pel *E, int nE,
                   const kbi_sel *S, int nS, int upper, kbi_assign *as);

/* Codes a sentence whose parse is already in `s` (any parse source).
 * `out` must have been cleared with kbi_result_clear; s should live in
 * out->work or longer. Applies the discard check on rec->text. */
struct kb_result;
kb_status kbi_code_sentence(const kb_dict *d, const kb_config *cfg,
                            const kb_record *rec, kbi_sentence *s,
                            struct kb_result *out, kb_error *err);

/* Called after the dictionaries have coded the actor phrases of a
 * sentence and before its verbs are read: article coding gives phrases the
 * dictionaries left uncoded the code of an entity met earlier in the
 * article (src/article/entities.c). `day` is the sentence's date. */
typedef struct kbi_actor_hook {
    kb_status (*fn)(void *user, kbi_stream *st, const kbi_sentence *s,
                    int32_t day);
    void *user;
} kbi_actor_hook;

/* kbi_code_sentence with a hook (may be NULL). */
kb_status kbi_code_sentence_hooked(const kb_dict *d, const kb_config *cfg,
                                   const kb_record *rec, kbi_sentence *s,
                                   const kbi_actor_hook *hook,
                                   struct kb_result *out, kb_error *err);

#endif
