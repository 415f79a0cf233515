/* conllu.h - CoNLL-U (Universal Dependencies) reading and writing.
 *
 * The reader walks a buffer one sentence at a time and fills a
 * kbi_sentence (tokens with form, upper, xpos, upos, head, deprel; no
 * phrase nodes) plus what CoNLL-U carries beyond it (comments, lemma,
 * feats, misc, SpaceAfter, multiword tokens). A malformed sentence (wrong
 * column count, bad ID or HEAD, head out of range, a cycle, too many
 * tokens) is reported through the kbi_diag with file:line:column and
 * skipped; the sentences around it are still read.
 *
 * Conventions: HEAD 0 becomes head -1; HEAD "_" also gives -1. XPOS, UPOS
 * and DEPREL "_" become NULL. Empty nodes ("8.1") are skipped; multiword
 * token ranges ("1-2") are kept in `mwts` (surface form and span) but give
 * no token. MISC TokenRange=start:end fills the token offsets.
 * All strings live in the arena given to kbi_conllu_next. */
#ifndef KB_CONLLU_H
#define KB_CONLLU_H

#include <stdio.h>

#include "../base/error.h"
#include "sentence.h"

/* Per-token CoNLL-U columns that kbi_token has no place for. */
typedef struct kbi_conllu_tok {
    const char *lemma; /* NULL for "_" */
    const char *feats; /* NULL for "_" */
    const char *misc;  /* MISC as written minus SpaceAfter/TokenRange, or NULL */
    int space_after;   /* 0 when MISC has SpaceAfter=No */
} kbi_conllu_tok;

/* A multiword token "first-last FORM": covers tokens [first, last]
 * (0-based, inclusive). */
typedef struct kbi_conllu_mwt {
    int32_t first, last;
    const char *form;
    int space_after;
} kbi_conllu_mwt;

typedef struct kbi_conllu_sent {
    kbi_sentence s;
    kbi_conllu_tok *extra;  /* s.ntoks entries */
    kbi_conllu_mwt *mwts;
    int32_t nmwts;
    const char *sent_id;    /* "# sent_id = X" value or NULL */
    const char *text;       /* "# text = X" value or NULL */
    const char **comments;  /* every comment line, without the leading '#' */
    int32_t ncomments;
    int line;               /* line of the first token */
} kbi_conllu_sent;

typedef struct kbi_conllu_reader {
    const char *buf;
    size_t len, pos;
    int line;          /* lines consumed so far */
    const char *name;  /* file name for messages */
    kbi_diag *diag;    /* may be NULL: problems are then only counted */
    size_t skipped;    /* sentences dropped because of errors */
    int nomem;         /* an allocation failed: reading stopped */
} kbi_conllu_reader;

/* Starts reading buf[0..len). The buffer must outlive the reader; it need
 * not be NUL-terminated. */
void kbi_conllu_reader_init(kbi_conllu_reader *r, const char *buf,
                            size_t len, const char *name, kbi_diag *diag);

/* Reads the next well-formed sentence into *out, allocating from a.
 * Returns 1, or 0 at the end of the buffer (or when out of memory: then
 * r->nomem is set and a KB_ERR_NOMEM diagnostic was reported). */
int kbi_conllu_next(kbi_conllu_reader *r, kbi_arena *a, kbi_conllu_sent *out);

/* Reads a whole file. *out is an array of *n sentences in arena a (the
 * file's bytes are copied into the arena too). Bad sentences are reported
 * through diag and skipped. Returns KB_ERR_IO / KB_ERR_NOMEM with err set. */
kb_status kbi_conllu_read_file(const char *path, kbi_arena *a,
                               kbi_diag *diag, kbi_conllu_sent **out,
                               size_t *n, kb_error *err);

/* Writes one sentence as CoNLL-U, ending with the blank line. `meta` may be
 * NULL (then only the tokens are written; SpaceAfter=No comes from the
 * offsets when they are known). Token offsets, when known (end > start),
 * are written as MISC TokenRange=start:end. Returns KB_ERR_IO when the
 * stream fails. */
kb_status kbi_conllu_write(FILE *f, const kbi_sentence *s,
                           const kbi_conllu_sent *meta);

#endif
