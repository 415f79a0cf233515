/* text.h - the text front end: raw bytes -> sentences of tokens.
 *
 * kbi_text_segment validates and normalises UTF-8, splits the text into
 * tokens following the conventions of the UD English EWT treebank (Penn
 * style: "don't" -> "do" "n't", "Bush's" -> "Bush" "'s", "gonna" -> "gon"
 * "na", "5pm" -> "5" "pm", punctuation split off, "U.S.", "3.5", "1,000",
 * "9/11", URLs and e-mail addresses whole; an abbreviation that ends a
 * sentence gives it its period, "U.S" ".", flagged KBI_TEXT_TOK_CUT) and
 * groups the tokens into sentences. One deliberate difference: hyphenated
 * words stay whole ("al-Araji", "Iranian-backed"), as the actor
 * dictionaries write them; KBI_TEXT_SPLIT_HYPHENS splits them as EWT does.
 * Every token and sentence keeps byte offsets into the ORIGINAL input, so
 * the coder can quote the source exactly whatever normalisation did to
 * the forms.
 *
 * Normalisation (forms only; offsets always point at the original bytes):
 *   curly and angle quotes      -> '"' and '\''
 *   en dash, em dash, bar       -> "--";  hyphen, minus sign -> "-"
 *   ellipsis                    -> "..."
 *   no-break and other spaces   -> separators; U+2028 a line break,
 *                                  U+2029 a paragraph break
 *   soft hyphen, zero-width space, BOM, bidi controls -> dropped
 *   fullwidth ASCII, Latin ligatures -> ASCII letters
 *   invalid UTF-8 (each maximal ill-formed subsequence), NUL and other
 *   control characters          -> U+FFFD / a space, reported through the
 *                                  diag sink with line and column
 * Sentences end at final punctuation followed by a plausible sentence
 * start, at abbreviations followed by a typical sentence opener, and always
 * at a paragraph break (a blank line), so a title line followed by a blank
 * line is a sentence of its own (sentences.c has the rules). A dateline
 * opening a paragraph ("ERBIL (Kurdistan 24) -", "BAGHDAD, Nov 24
 * (Reuters) -", "ISLAMABAD:") becomes a sentence of its own with
 * KBI_TEXT_SENT_DATELINE set.
 *
 * Time is linear in the input, nothing recurses, and any byte sequence is
 * accepted: the only failures are out-of-memory and inputs over
 * KBI_TEXT_MAX_INPUT bytes. */
#ifndef KB_TEXT_H
#define KB_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "khabar.h"

/* Token flags. */
enum {
    /* Split from the token before it inside one whitespace-free word: the
     * "n't" of "don't", the "'s" of "Bush's", the "na" of "gonna", the "not"
     * of "cannot". Such a token and the one before it form one UD
     * multiword token. */
    KBI_TEXT_TOK_CLITIC = 1,
    /* The form differs from the original bytes (normalised). */
    KBI_TEXT_TOK_CHANGED = 2,
    /* The original bytes held invalid UTF-8 or a control character. */
    KBI_TEXT_TOK_INVALID = 4,
    /* A URL or an e-mail address. */
    KBI_TEXT_TOK_URL = 8,
    /* An abbreviation that ended its sentence and gave its period to it,
     * as UD does: "in the U.S." -> "U.S" ".". Add the period back when
     * matching the word against a dictionary. */
    KBI_TEXT_TOK_CUT = 16
};

/* Sentence flags. */
enum {
    KBI_TEXT_SENT_PARA_START = 1, /* first sentence of a paragraph */
    KBI_TEXT_SENT_DATELINE = 2,   /* "ERBIL (Kurdistan 24) -": skip it */
    KBI_TEXT_SENT_FORCED = 4      /* cut at max_sentence_tokens */
};

/* Option flags. */
enum {
    /* Split hyphenated words as EWT does ("al-Qaeda" -> "al" "-" "Qaeda",
     * "15-year" -> "15" "-" "year") except after the prefixes EWT keeps
     * ("e-mail", "non-", "anti-", "post-", ...). Without it a hyphen
     * between two letters or digits never splits a word ("al-Araji"). */
    KBI_TEXT_SPLIT_HYPHENS = 1,
    /* Every line break ends a sentence (one sentence or title per line). */
    KBI_TEXT_LINE_BREAKS = 2
};

enum {
    KBI_TEXT_MAX_SENTENCE = 1000,     /* default max_sentence_tokens */
    KBI_TEXT_MAX_REPORTS = 20         /* diagnostics reported one by one */
};
#define KBI_TEXT_MAX_INPUT ((size_t)1 << 30) /* 1 GiB */

typedef struct kbi_text_options {
    unsigned flags;              /* KBI_TEXT_SPLIT_HYPHENS, ... */
    int32_t max_sentence_tokens; /* 0: KBI_TEXT_MAX_SENTENCE; min. 2 */
    const char *name;            /* file name for diagnostics, may be NULL */
} kbi_text_options;

typedef struct kbi_text_token {
    uint32_t start, end; /* bytes [start, end) of the ORIGINAL input */
    const char *form;    /* normalised, NUL-terminated, in the arena */
    uint8_t space_after; /* whitespace (or the end) follows in the input */
    uint8_t flags;       /* KBI_TEXT_TOK_* */
} kbi_text_token;

typedef struct kbi_text_sentence {
    int32_t first, n;    /* tokens [first, first + n), n >= 1 */
    uint32_t start, end; /* bytes of the original input */
    uint8_t flags;       /* KBI_TEXT_SENT_* */
} kbi_text_sentence;

typedef struct kbi_text_doc {
    kbi_text_token *toks;
    int32_t ntoks;
    kbi_text_sentence *sents;
    int32_t nsents;
    size_t nreplaced; /* invalid sequences and control characters replaced */
} kbi_text_doc;

/* Segments src[0, len) (any bytes; NUL is not special). Everything in *out
 * lives in arena a and is freed with it; temporary buffers come from the
 * arena's allocator and are released before returning. Each replaced
 * invalid sequence or control character is reported to diag (which may be
 * NULL) as KB_ERR_SYNTAX with its 1-based line and column (in characters),
 * the first KBI_TEXT_MAX_REPORTS one by one and the rest in a summary.
 * opt may be NULL (defaults). Returns KB_OK, KB_ERR_NOMEM, or KB_ERR_LIMIT
 * when len > KBI_TEXT_MAX_INPUT; *out is empty on failure. */
kb_status kbi_text_segment(const char *src, size_t len,
                           const kbi_text_options *opt, kbi_arena *a,
                           kbi_diag *diag, kbi_text_doc *out);

/* Normalises a string the way token forms are normalised (quotes, dashes,
 * ellipsis, ligatures; dropped characters removed; invalid UTF-8 and
 * control characters replaced), e.g. to prepare treebank forms for
 * training. Returns a NUL-terminated arena string, or NULL when out of
 * memory. */
char *kbi_text_normalise(const char *s, size_t len, kbi_arena *a);

/* Checks that d, made from src[0, len), keeps the promises above: tokens
 * in order inside the input, each form the normalisation of its bytes,
 * nothing but whitespace (after normalisation) between tokens, sentences
 * covering the tokens in order. Returns NULL or what is wrong. Uses arena a
 * for scratch. For tests and fuzzing: it costs far more than segmenting. */
const char *kbi_text_check(const char *src, size_t len,
                           const kbi_text_doc *d, kbi_arena *a);

#endif
