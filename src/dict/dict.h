/* dict.h - the loaded dictionaries (private to libkhabar).
 *
 * A kb_dict is built once by kb_dict_load and never changed afterwards, so
 * any number of threads may code with it at the same time. Strings live in
 * d->arena; arrays grow through the allocator hook while loading and are
 * freed by kb_dict_free.
 *
 * Words are stored upper-cased. A phrase is a word sequence in which each
 * word after the first is either adjacent to its predecessor ('_' in the
 * files) or may follow it after a gap (' ').
 *
 * Each reader (verbs_tabari.c, verbs_cameo.c, actors.c, agents.c,
 * discards.c, issues.c) appends to its section and reports each malformed
 * entry through kbi_load_bad. */
#ifndef KB_DICT_H
#define KB_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/map.h"
#include "khabar.h"

typedef struct kbi_phrase {
    const char **words;   /* nwords upper-case words */
    uint8_t *adjacent;    /* adjacent[i]: words[i] must directly follow
                             words[i-1]; adjacent[0] is unused (0) */
    int32_t nwords;
} kbi_phrase;

/* Phrases grouped by first word, longest (most words) first, file order
 * among equals. Built after loading by kbi_phrase_index_build. */
typedef struct kbi_phrase_index {
    kbi_map first;       /* first word -> bucket number */
    int32_t *items;      /* phrase numbers, bucket after bucket */
    int32_t *bucket_start; /* nbuckets + 1 offsets into items */
    size_t nbuckets;
    size_t nitems;
} kbi_phrase_index;

/* ---- verbs ----------------------------------------------------------- */

enum kbi_pel_kind {
    KBI_PEL_WORD,     /* literal word */
    KBI_PEL_SYNSET,   /* &NAME */
    KBI_PEL_SOURCE,   /* $ */
    KBI_PEL_TARGET,   /* + */
    KBI_PEL_SKIP,     /* ^ */
    KBI_PEL_COMPOUND, /* % */
    KBI_PEL_TOKEN     /* any other one-character word: no action */
};

/* One pattern element with the connector that links it to its neighbour on
 * the verb side (upper side: the element nearer the verb comes first). */
typedef struct kbi_pel {
    uint8_t kind;      /* enum kbi_pel_kind */
    uint8_t adjacent;  /* '_' connector: must sit at the next position */
    int32_t synset;    /* KBI_PEL_SYNSET: index into verbs.synsets */
    const char *word;  /* KBI_PEL_WORD / TOKEN: the word */
} kbi_pel;

typedef struct kbi_pattern {
    kbi_pel *upper;    /* nearest the verb first */
    int32_t nupper;
    kbi_pel *lower;    /* reading order */
    int32_t nlower;
    const char *code;  /* as written ("064", "032:033", ":110", "---") */
    const char *text;  /* the pattern line as written, for evidence */
    const char *file;
    int32_t line;
} kbi_pattern;

typedef struct kbi_block {
    const char *name;   /* first verb of the block */
    const char *code;   /* block default code, "---" when none */
    int32_t first_pattern, npatterns; /* into verbs.patterns */
    int32_t live;       /* 0 when a later block with the same first verb
                           replaced this one */
    const char *file;
    int32_t line;
} kbi_block;

/* One reading of a surface verb form: a plain verb (no particles) or a
 * multi-word verb whose particles must precede or follow the form. */
typedef struct kbi_reading {
    const char **before; /* words that must come right before, in order */
    int32_t nbefore;
    const char **after;  /* words that must come right after */
    int32_t nafter;
    const char *code;    /* default code of this verb ("---" for none) */
    int32_t block;       /* index into verbs.blocks */
    const char *file;
    int32_t line;
} kbi_reading;

/* A surface form ("BROKE") and its readings: multi-word readings first, in
 * file order, then at most one plain reading. */
typedef struct kbi_vform {
    const char *word;
    int32_t *readings;   /* indices into verbs.readings */
    int32_t nreadings;
    size_t cap;
} kbi_vform;

typedef struct kbi_synset {
    const char *name;      /* without '&' and without a trailing '_' */
    int32_t first_member, nmembers; /* into verbs.members */
    const char *file;
    int32_t line;
} kbi_synset;

/* PETRARCH-2 transformation line, kept as written. */
typedef struct kbi_transform {
    const char *text;
    const char *file;
    int32_t line;
} kbi_transform;

typedef struct kbi_verbs {
    int dialect;             /* 1 TABARI/PETR-1, 2 PETR-2 (CAMEO.2.0) */
    kbi_map form_index;      /* upper word -> index into forms */
    kbi_vform *forms;        size_t nforms, cap_forms;
    kbi_reading *readings;   size_t nreadings, cap_readings;
    kbi_block *blocks;       size_t nblocks, cap_blocks;
    kbi_pattern *patterns;   size_t npatterns, cap_patterns;
    kbi_map synset_index;    /* name (no '&', no '_') -> index into synsets */
    kbi_synset *synsets;     size_t nsynsets, cap_synsets;
    kbi_phrase *members;     size_t nmembers, cap_members;
    kbi_transform *transforms; size_t ntransforms, cap_transforms;
} kbi_verbs;

/* ---- actors and agents ---------------------------------------------- */

typedef struct kbi_actor_code {
    const char *code;
    int32_t lo, hi;      /* inclusive day range (days since 1970-01-01) */
    uint8_t restricted;  /* 0: unrestricted default */
} kbi_actor_code;

typedef struct kbi_actor {
    const char *name;    /* primary phrase as written */
    int32_t first_code, ncodes; /* into actors.codes, file order */
    const char *file;
    int32_t line;
} kbi_actor;

typedef struct kbi_actor_phrase {
    kbi_phrase ph;       /* must stay first (kbi_phrase_index_build) */
    int32_t actor;       /* index into actors.actors */
    const char *text;    /* as written, for evidence */
    const char *file;
    int32_t line;
} kbi_actor_phrase;

typedef struct kbi_actors {
    kbi_actor *actors;          size_t nactors, cap_actors;
    kbi_actor_code *codes;      size_t ncodes, cap_codes;
    kbi_actor_phrase *phrases;  size_t nphrases, cap_phrases;
    kbi_phrase_index index;
} kbi_actors;

typedef struct kbi_agent_phrase {
    kbi_phrase ph;       /* must stay first */
    const char *code;    /* without the '~' */
    uint8_t prefix;      /* 1: [NGO~] goes before the actor code;
                            0: [~GOV] goes after it */
    const char *text;
    const char *file;
    int32_t line;
} kbi_agent_phrase;

typedef struct kbi_agents {
    kbi_agent_phrase *phrases;  size_t nphrases, cap_phrases;
    kbi_phrase_index index;
} kbi_agents;

/* ---- discards and issues -------------------------------------------- */

typedef struct kbi_discard {
    const char *phrase;  /* upper case, single blanks, no trailing '_' */
    uint8_t story;       /* leading '+': the whole story is discarded */
    uint8_t exact_end;   /* trailing '_': must end at a word boundary */
    const char *file;
    int32_t line;
} kbi_discard;

typedef struct kbi_discards {
    kbi_discard *items; size_t n, cap;
} kbi_discards;

typedef struct kbi_issue {
    const char *phrase;  /* upper case, single blanks */
    const char *code;    /* issue code ("" for an exclusion) */
    uint8_t exclude;     /* 1: '~' entry (suppresses), 2: '~~' */
    const char *file;
    int32_t line;
    const char *section; /* CATEGORY of the enclosing <ISSUE>, or NULL:
                            an exclusion suppresses its own section */
} kbi_issue;

typedef struct kbi_issues {
    kbi_issue *items; size_t n, cap;
} kbi_issues;

/* ---- the whole set ---------------------------------------------------- */

struct kb_dict {
    kbi_arena arena;
    const kb_allocator *alloc;
    kbi_verbs verbs;
    kbi_actors actors;
    kbi_agents agents;
    kbi_discards discards;
    kbi_issues issues;
    kbi_diag diag;
    int strict;
};

/* State of one file being loaded. */
typedef struct kbi_load {
    kb_dict *d;
    const char *file;  /* arena copy of the path, for messages and evidence */
    kb_error *err;     /* filled when loading must stop */
} kbi_load;

/* Reports a malformed entry at line/column of the current file. Returns
 * KB_OK when loading may go on, KB_ERR_SYNTAX (with *L->err filled) in
 * strict mode. */
kb_status kbi_load_bad(kbi_load *L, int line, int column, const char *fmt,
                       ...) KBI_PRINTF(4, 5);

/* Builds a phrase from text such as "SECURITY SERVICE" or "MINAS_TIRITH":
 * words split at blanks and '_' ('_' marks adjacency), upper-cased, a
 * trailing '_' ignored. Returns KB_ERR_SYNTAX if there is no word,
 * KB_ERR_NOMEM. */
kb_status kbi_phrase_make(kb_dict *d, const char *text, size_t len,
                          kbi_phrase *out);

/* Builds idx over n phrases laid out `stride` bytes apart starting at
 * base, each beginning with a kbi_phrase. */
kb_status kbi_phrase_index_build(kb_dict *d, kbi_phrase_index *idx,
                                 const void *base, size_t n, size_t stride);
void kbi_phrase_index_free(kb_dict *d, kbi_phrase_index *idx);
/* Phrase numbers whose first word is `word`, longest first; *n = count. */
const int32_t *kbi_phrase_index_get(const kbi_phrase_index *idx,
                                    const char *word, size_t len,
                                    size_t *n);

/* An empty dictionary (for tests and fuzzers that call one reader on a
 * memory buffer): kbi_dict_new, then readers through a kbi_load, then
 * kbi_dict_finish to build the lookup indexes; free with kb_dict_free. */
kb_dict *kbi_dict_new(const kb_allocator *al);
kb_status kbi_dict_finish(kb_dict *d);

/* The readers. `text` is the whole file, NUL-terminated. */
kb_status kbi_verbs_tabari_load(kbi_load *L, const char *text, size_t len);
kb_status kbi_verbs_cameo_load(kbi_load *L, const char *text, size_t len);
/* The same over a dictionary and its supplement (L2 may be NULL): blocks
 * of the supplement whose header names a block of the first file add
 * their patterns to it; everything else is added as new. */
kb_status kbi_verbs_cameo_load2(kbi_load *L, const char *text, size_t len,
                                kbi_load *L2, const char *text2, size_t len2);
kb_status kbi_actors_load(kbi_load *L, const char *text, size_t len);
kb_status kbi_agents_load(kbi_load *L, const char *text, size_t len);
kb_status kbi_discards_load(kbi_load *L, const char *text, size_t len);
kb_status kbi_issues_load(kbi_load *L, const char *text, size_t len);
/* 2 if text looks like a PETRARCH-2 CAMEO verb file, else 1. */
int kbi_verbs_detect_dialect(const char *text, size_t len);

/* Lookups used by the coder. */
const kbi_vform *kbi_verbs_lookup(const kb_dict *d, const char *word);
/* Code of actor `a` on day `day` (§4.3 of the TABARI spec): first
 * restricted entry that holds, else the last unrestricted one, else
 * "---". */
const char *kbi_actor_code_on(const kb_dict *d, int32_t a, int32_t day);


/* ---- shared lexical rules of the dictionary files (TABARI spec §2) ---- */

typedef struct kbi_lines {
    const char *p, *end;
    int line;        /* number of the line last returned */
    int in_comment;  /* inside a multi-line <!-- ... --> */
} kbi_lines;

void kbi_lines_init(kbi_lines *it, const char *text, size_t len);
/* Returns 1 and the next non-empty payload [*s, *s + *n) with comments
 * removed (leading blanks kept, trailing blanks trimmed); *line is its
 * number. Returns 0 at the end. Skips blank lines, lines starting with '#'
 * or "<!", in-line comments (" #" and "<!-- ... -->") and multi-line
 * <!-- --> comments. */
int kbi_lines_next(kbi_lines *it, const char **s, size_t *n, int *line);

#endif
