/* text_int.h - what the files of the text module share; not for callers
 * (they use text.h).
 *
 * The pipeline: utf8.c turns the input into a normalised buffer (valid
 * UTF-8, whitespace reduced to ' ' and '\n') plus a sparse list of the
 * places where it differs from the input; tokens.c cuts the buffer into
 * tokens; sentences.c groups them; segment.c maps offsets back to the
 * input and builds the caller's arrays. abbrev.c holds the word lists. */
#ifndef KB_TEXT_INT_H
#define KB_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* ---- normalisation (utf8.c) ------------------------------------------- */

/* One place where the normalised buffer differs from the input: nlen bytes
 * at buffer offset n stand for olen bytes at input offset o (nlen == 0: the
 * input bytes were dropped). Between two segments the bytes are copies. */
typedef struct tx_seg {
    uint32_t n, o;
    uint8_t nlen, olen;
    uint8_t invalid; /* replaced an invalid sequence or a control char */
} tx_seg;

typedef struct tx_norm {
    char *buf; /* normalised text, NUL-terminated */
    size_t len, cap;
    tx_seg *segs;
    size_t nsegs, segcap;
    size_t nreplaced;
    const kb_allocator *al;
} tx_norm;

/* Fills nm (whose al is set and other fields zero). Reports through diag
 * (may be NULL). Returns 0 when out of memory. */
int kbi_tx_normalise(tx_norm *nm, const char *src, size_t len,
                     kbi_diag *diag, const char *name);
void kbi_tx_norm_free(tx_norm *nm);

/* Character classes of the normalised text. */
enum {
    TX_SPACE,  /* ' ' and '\n' only, after normalisation */
    TX_UPPER,  /* upper-case letter */
    TX_LOWER,  /* lower-case letter */
    TX_LETTER, /* letter without case (Arabic, CJK, ...), U+FFFD */
    TX_DIGIT,
    TX_PUNCT,  /* punctuation and symbols: split off */
    TX_EXTEND  /* combining mark, variation selector, ZWJ: joins its base */
};

/* Decodes the (valid) character at s[i] and returns its length; *cp gets
 * the code point. */
static inline size_t kbi_tx_decode(const char *s, size_t i, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xE0) {
        *cp = (int32_t)(((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu));
        return 2;
    }
    if (u[0] < 0xF0) {
        *cp = (int32_t)(((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) |
                        (u[2] & 0x3Fu));
        return 3;
    }
    *cp = (int32_t)(((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
                    ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu));
    return 4;
}

/* The class of any code point; ASCII is decided inline. */
int kbi_tx_uclass(int32_t cp);
static inline int kbi_tx_class(int32_t cp)
{
    if (cp >= 0x80)
        return kbi_tx_uclass(cp);
    if (cp >= 'a' && cp <= 'z')
        return TX_LOWER;
    if (cp >= 'A' && cp <= 'Z')
        return TX_UPPER;
    if (cp >= '0' && cp <= '9')
        return TX_DIGIT;
    return (cp <= ' ' || cp == 0x7F) ? TX_SPACE : TX_PUNCT;
}

/* ---- word lists (abbrev.c) -------------------------------------------- */

/* What an abbreviation written with a final period does. */
enum {
    TX_ABBR_NONE = 0,
    TX_ABBR_TITLE, /* "Mr.", "Gen.", "vs.": a name or more text follows */
    TX_ABBR_END,   /* "Inc.", "etc.", "Calif.": may end a sentence */
    TX_ABBR_DATE,  /* "Jan.", "Sat.": may end a sentence */
    TX_ABBR_NUM    /* "No.", "Fig.": only before a number */
};

/* s[0, n) is a word without its period. */
int kbi_tx_abbrev(const char *s, size_t n);
/* A capitalised word that typically opens a sentence ("The", "He"). */
int kbi_tx_starter(const char *s, size_t n);
/* A unit written after a number ("km", "pm"), split off as EWT does. */
int kbi_tx_unit(const char *s, size_t n);
/* A top-level domain ("com", "org", "iq") keeps "name.com" whole. */
int kbi_tx_tld(const char *s, size_t n);
/* A prefix EWT keeps joined to its hyphen ("non", "anti", "e"). */
int kbi_tx_hyphen_prefix(const char *s, size_t n);
/* A contraction written without its apostrophe that EWT splits: returns
 * the length of the first part ("dont" -> 2, "cannot" -> 3), else 0. */
size_t kbi_tx_fused(const char *s, size_t n);
/* An emoticon written as one token (":)", ":-(", "<3"). */
int kbi_tx_emoticon(const char *s, size_t n);
/* Every list is sorted (for the unit test: the lookups depend on it). */
int kbi_tx_lists_sorted(void);

/* ---- tokens (tokens.c) ------------------------------------------------ */

enum {
    TX_T_SPACE = 1,  /* whitespace follows */
    TX_T_CLITIC = 2, /* split off the word before (see KBI_TEXT_TOK_CLITIC) */
    TX_T_URL = 4
};

typedef struct tx_tok {
    uint32_t s, e;    /* normalised offsets */
    uint8_t flags;    /* TX_T_* */
    uint8_t nl;       /* line breaks in the whitespace before: 0, 1, 2+ */
} tx_tok;

typedef struct tx_toks {
    tx_tok *v;
    size_t n, cap;
    const kb_allocator *al;
} tx_toks;

/* Tokenises nm->buf into out. Returns 0 when out of memory. */
int kbi_tx_tokenise(const tx_norm *nm, unsigned flags, tx_toks *out);

/* The tokeniser's state, shared by tokens.c (chunks and punctuation) and
 * words.c (words, abbreviations, URLs). */
typedef struct tx_tz {
    const char *s;
    size_t n;
    unsigned flags;
    tx_toks *out;
    uint8_t nl; /* line breaks before the next token */
    int urlish; /* the chunk holds "@" or "/" */
    tx_tok *stack; /* suffixes of the current chunk, right to left */
    size_t nstack, stackcap;
} tx_tz;

/* Appends the token [s, e) of the buffer. Returns 0 when out of memory. */
int kbi_tx_emit(tx_tz *z, size_t s, size_t e, uint8_t flags);
/* [ws, we) ends in '.' and is an abbreviation that keeps it ("U.S.",
 * "Gen.", "M.", "No." before a number). */
int kbi_tx_abbrev_word(const tx_tz *z, size_t ws, size_t we);
/* A URL scheme or "www." starts at p. */
int kbi_tx_scheme_at(const char *s, size_t p, size_t e);
/* End of the URL or e-mail address that starts at p, or 0. */
size_t kbi_tx_url_end(const tx_tz *z, size_t p, size_t e);
/* End of the word that starts at p, joiners included ("3.5", "al-Araji"). */
size_t kbi_tx_scan_word(tx_tz *z, size_t p, size_t e);
/* Emits the word [ws, we), its clitics and units split off. */
int kbi_tx_word(tx_tz *z, size_t ws, size_t we);

/* ---- characters of the normalised text ---------------------------------- */

static inline int tx_cls_at(const char *s, size_t p)
{
    unsigned char c = (unsigned char)s[p];
    if (c < 0x80)
        return kbi_tx_class(c);
    int32_t cp;
    kbi_tx_decode(s, p, &cp);
    int k = kbi_tx_class(cp);
    return k == TX_EXTEND ? TX_LETTER : k;
}

static inline int tx_is_word(int c)
{
    return c == TX_UPPER || c == TX_LOWER || c == TX_LETTER || c == TX_DIGIT;
}

static inline int tx_is_letter(int c)
{
    return c == TX_UPPER || c == TX_LOWER || c == TX_LETTER;
}

static inline int tx_is_digit(char c) { return c >= '0' && c <= '9'; }

static inline int tx_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : (unsigned char)c;
}

/* End of the unit (a character and the marks that follow it) at p. */
static inline size_t tx_unit_end(const char *s, size_t p, size_t e, int *cls)
{
    if ((unsigned char)s[p] < 0x80 && (p + 1 >= e ||
                                       (unsigned char)s[p + 1] < 0x80)) {
        *cls = kbi_tx_class((unsigned char)s[p]);
        return p + 1;
    }
    int32_t cp;
    size_t q = p + kbi_tx_decode(s, p, &cp);
    *cls = kbi_tx_class(cp);
    if (*cls == TX_EXTEND)
        *cls = TX_LETTER;
    while (q < e && (unsigned char)s[q] >= 0x80) {
        size_t k = kbi_tx_decode(s, q, &cp);
        if (kbi_tx_class(cp) != TX_EXTEND)
            break;
        q += k;
    }
    return q;
}

/* Class of the character that ends at q (q > lo), marks counting as
 * letters. */
static inline int tx_cls_before(const char *s, size_t lo, size_t q)
{
    if (q <= lo)
        return TX_SPACE;
    size_t p = q - 1;
    while (p > lo && ((unsigned char)s[p] & 0xC0) == 0x80)
        p--;
    return tx_cls_at(s, p);
}

/* Start of the unit that ends at q (q > lo). */
static inline size_t tx_unit_start_before(const char *s, size_t lo, size_t q)
{
    size_t p = q;
    for (;;) {
        p--;
        while (p > lo && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (p == lo || (unsigned char)s[p] < 0x80)
            return p;
        int32_t cp;
        kbi_tx_decode(s, p, &cp);
        if (kbi_tx_class(cp) != TX_EXTEND)
            return p;
    }
}

/* ---- sentences (sentences.c) ------------------------------------------ */

typedef struct tx_sent {
    int32_t first, n;
    uint8_t flags; /* KBI_TEXT_SENT_* */
    uint8_t cut;   /* the last token is an abbreviation whose period ends
                    * the sentence: it becomes a token of its own, as in
                    * UD ("U.S" ".") */
} tx_sent;

typedef struct tx_sents {
    tx_sent *v;
    size_t n, cap;
    const kb_allocator *al;
} tx_sents;

/* Groups the tokens into sentences, which cover them all in order.
 * Returns 0 when out of memory. */
int kbi_tx_sentences(const tx_norm *nm, const tx_toks *tk, unsigned flags,
                     int32_t max_tokens, tx_sents *out);

#endif
