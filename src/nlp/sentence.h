/* sentence.h - the one sentence representation every parse source reaches.
 *
 * A sentence is a token array plus a constituent tree over it. Sources fill
 * what they know:
 *   - a Penn Treebank tree (ptb.c) gives tokens with XPOS tags and the
 *     phrase nodes directly;
 *   - a dependency parse (CoNLL-U or Khabar's own parser) gives tokens with
 *     heads and relations, and the phrase nodes are projected from it.
 * The coder reads only this structure; it never knows which source made it.
 *
 * Phrase nodes are stored in preorder (a parent comes before its children,
 * siblings left to right). Preterminals are not nodes: a token's tag is its
 * xpos. A node covers tokens [tok_start, tok_end); a node with no tokens is
 * allowed (empty constituent). All strings live in the arena the sentence
 * was built in. */
#ifndef KB_SENTENCE_H
#define KB_SENTENCE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../base/arena.h"
#include "khabar.h"

typedef struct kbi_token {
    const char *form;   /* as in the source */
    const char *upper;  /* upper-cased form, what dictionaries match */
    const char *xpos;   /* Penn tag, upper case ("NNP", ",") */
    const char *upos;   /* UD tag or NULL */
    int32_t head;       /* index of the head token, -1 for the root or unknown */
    const char *deprel; /* UD relation or NULL */
    uint32_t start, end; /* byte offsets into the source text, 0/0 if unknown */
} kbi_token;

typedef struct kbi_node {
    const char *label;  /* phrase label, upper case ("NP", "VP", "NP-TMP") */
    int32_t parent;     /* index of the parent node, -1 for the root */
    int32_t tok_start;  /* first token covered */
    int32_t tok_end;    /* one past the last token covered */
} kbi_node;

typedef struct kbi_sentence {
    kbi_token *toks;
    int32_t ntoks;
    kbi_node *nodes;   /* preorder; nodes[0] is the root when nnodes > 0 */
    int32_t nnodes;
} kbi_sentence;

/* Is t's relation rel, or a subtype of it ("obl" matches "obl:tmod")? */
static inline int kbi_rel_is(const kbi_token *t, const char *rel)
{
    size_t n = strlen(rel);
    return t->deprel && strncmp(t->deprel, rel, n) == 0 &&
           (t->deprel[n] == '\0' || t->deprel[n] == ':');
}

/* The first token whose head is h and whose relation is rel (or a
 * subtype of it), or -1. */
static inline int32_t kbi_child(const kbi_sentence *s, int32_t h,
                                const char *rel)
{
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == h && kbi_rel_is(&s->toks[k], rel))
            return k;
    return -1;
}

/* Is top on the chain of heads from token k (k itself included)? The
 * walk stops after ntoks steps, so a cycle cannot hang it. */
static inline int kbi_tok_below(const kbi_sentence *s, int32_t k, int32_t top)
{
    for (int32_t h = k, steps = 0; h >= 0 && h < s->ntoks && steps <= s->ntoks;
         steps++) {
        if (h == top)
            return 1;
        h = s->toks[h].head;
    }
    return 0;
}

/* Limits that keep hostile input from exhausting memory or the stack. */
enum { KBI_MAX_TOKENS = 1 << 16, KBI_MAX_NODES = 1 << 17,
       KBI_MAX_DEPTH = 1000 };

/* Parses one Penn Treebank bracketing ("(ROOT (S (NP (NNP Gondor)) ...))" or
 * "( (S ...))") into *out, allocating from arena a. Words are upper-cased
 * into tok.upper. On error returns KB_ERR_SYNTAX (or KB_ERR_LIMIT) with the
 * 1-based line and column inside `src` in err; `name` goes in err->file. */
kb_status kbi_ptb_parse(const char *src, size_t len, const char *name,
                        kbi_arena *a, kbi_sentence *out, kb_error *err);

/* Writes the sentence back as a one-line PTB bracketing (for tests and
 * debugging). Returns the arena string or NULL. */
char *kbi_ptb_format(const kbi_sentence *s, kbi_arena *a);

#endif
