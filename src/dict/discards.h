/* discards.h - matching the discard list against a sentence, and the
 * sorted-phrase walk that discards.c and issues.c share. */
#ifndef KB_DISCARDS_H
#define KB_DISCARDS_H

#include <stddef.h>

#include "dict.h"

/* Looks for discard phrases in text[0, len) (TABARI spec §6): matching
 * ignores case, a run of whitespace in the text equals one blank, a phrase
 * starts at a word boundary (start of text, or after a character that is
 * not a letter or digit; bytes >= 0x80 count as letters) and may end inside
 * a longer word ("BASEBALL" matches "baseballs") unless it was written with
 * a trailing '_', in which case the next character must be the end, a
 * blank or one of .!?,;: . Story entries win over sentence entries found
 * anywhere in the text. Returns 0 (no match), 1 (sentence discard) or 2
 * (story discard) and sets *hit (may be NULL) to the entry, else NULL.
 * Cost: O(len * m * log n) for n entries of at most m characters (m <=
 * KBI_MAX_MATCH_PHRASE); the usual case is a binary search or two per
 * word. */
int kbi_discard_match(const kb_dict *d, const char *text, size_t len,
                      const kbi_discard **hit);

/* ---- shared by discards.c and issues.c ------------------------------ */

/* Longest discard or issue phrase accepted (normalised), which bounds the
 * matchers' work per text position. */
#define KBI_MAX_MATCH_PHRASE 256

/* A walk over an array of structs whose first member is a NUL-terminated
 * `const char *` phrase, sorted by strcmp (kbi_discards_load and
 * kbi_issues_load leave their items so, ties in file order). Starting at
 * a text position, each step reads one text character (upper-cased; a
 * whitespace run reads as one blank) and narrows [lo, hi) to the entries
 * whose phrase continues with it. After a step, the entries at lo.. whose phrase has ended
 * (kbi_walk_phrase(w, k)[w->depth] == '\0') match the text from the start
 * up to w->p (exclusive). */
typedef struct kbi_walk {
    const char *base;
    size_t stride;
    size_t lo, hi;     /* entries that agree with the text read so far */
    size_t depth;      /* phrase characters matched */
    const char *p, *end; /* text cursor */
} kbi_walk;

void kbi_walk_start(kbi_walk *w, const void *base, size_t stride, size_t n,
                    const char *p, const char *end);
/* Reads one character; returns 0 when no entry can match any more. */
int kbi_walk_step(kbi_walk *w);

static inline const char *kbi_walk_phrase(const kbi_walk *w, size_t k)
{
    return *(const char *const *)(const void *)(w->base + k * w->stride);
}

/* Letters, digits and bytes >= 0x80. */
static inline int kbi_is_wordchar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Copies text[0, n) upper-cased into the arena with '_' and whitespace
 * runs turned into single blanks, trimmed. Returns NULL when out of
 * memory; *out_len = length (0: nothing but blanks). */
char *kbi_norm_phrase(kbi_arena *a, const char *text, size_t n,
                      size_t *out_len);

#endif
