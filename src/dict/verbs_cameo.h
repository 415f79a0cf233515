/* verbs_cameo.h - state shared by the three parts of the PETRARCH-2 verb
 * dictionary reader: verbs_cameo.c (lines, synsets, block headers,
 * transformations), verbs_cameo_verb.c (verb lines and forms) and
 * verbs_cameo_pat.c (pattern lines). Private to those files. */
#ifndef KB_VERBS_CAMEO_H
#define KB_VERBS_CAMEO_H

#include "../base/util.h"
#include "dict.h"

typedef struct kbi_cameo_reader {
    kbi_load *L;
    kb_dict *d;
    int in_synsets;          /* before the VERB PATTERNS line / first header */
    int32_t synset;          /* synset taking '+' members; -1 none yet,
                                -2 after a bad label (members dropped) */
    int32_t block;           /* current block; -1 none */
    int skipping;            /* after a bad header: its lines are dropped */
    const char *header_code; /* code of the current header */
    kbi_map block_names;     /* header name -> block */
    int merged;              /* a header name came twice */
    size_t block0, pat0;     /* blocks and patterns of earlier files */
    int32_t *pat_block;      /* block of each pattern from pat0 on */
    size_t cap_pat_block;
    kbi_arena keys;          /* pattern keys, freed after loading */
    kbi_map pat_keys;        /* block + elements -> pattern */
} kbi_cameo_reader;

/* Stops the reader when kbi_load_bad asks for it (strict mode). */
#define KBI_CAMEO_BAD(r, line, col, ...)                                   \
    do {                                                                   \
        kb_status st_ = kbi_load_bad((r)->L, line, col, __VA_ARGS__);     \
        if (st_ != KB_OK)                                                  \
            return st_;                                                    \
    } while (0)

/* Blank skipping and trimming over [s, e); columns are 1-based. */
static inline const char *skip_blank(const char *s, const char *e)
{
    while (s < e && kbi_isspace((unsigned char)*s))
        s++;
    return s;
}

static inline const char *trim_end(const char *s, const char *e)
{
    while (e > s && kbi_isspace((unsigned char)e[-1]))
        e--;
    return e;
}

static inline const char *skip_word(const char *s, const char *e)
{
    while (s < e && !kbi_isspace((unsigned char)*s))
        s++;
    return s;
}

static inline int kbi_cameo_col(const char *ls, const char *p)
{
    return (int)(p - ls) + 1;
}

/* 1 if s[0..n) is a valid code: "---", or up to two ':'-separated parts
 * of letters and digits with an optional trailing '!' or '?', at least
 * one part non-empty ("064", "042:043", ":110", "080!"). */
int kbi_cameo_code_ok(const char *s, size_t n);

/* Upper-cased arena copy. */
char *kbi_cameo_upper(kbi_arena *a, const char *s, size_t n);

/* One pattern line. ls is the start of the raw line (for columns), [s, e)
 * the text after the leading '-' with the comment removed, [ls, le) the
 * line as written. */
kb_status kbi_cameo_pattern(kbi_cameo_reader *r, const char *ls,
                            const char *s, const char *e, const char *le,
                            int line);

/* One verb line [s, e) without its comment. */
kb_status kbi_cameo_verb_line(kbi_cameo_reader *r, const char *ls,
                              const char *s, const char *e, int line);

/* After the last line: lays the patterns out block by block and sets each
 * block's first_pattern / npatterns. */
kb_status kbi_cameo_group_by_block(kbi_cameo_reader *r);
kb_status kbi_cameo_group_patterns(kbi_cameo_reader *r);

#endif
