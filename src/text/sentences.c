/* sentences.c - tokens grouped into sentences.
 *
 * A sentence ends
 *   - before a paragraph break (a blank line), always;
 *   - before any line break with KBI_TEXT_LINE_BREAKS;
 *   - after final punctuation (".", "?!", "...") and the closing quotes and
 *     brackets glued to it, unless the next token continues the sentence:
 *     a lower-case word after a closing quote or bracket ('"Why?" he
 *     asked'), more punctuation (",", ")"), or anything after an ellipsis
 *     with no space ("dead...long"). A lower-case word right after the
 *     punctuation does start a sentence: abbreviations keep their periods,
 *     so what is left is mostly careless writing ("It ended. then");
 *   - before a URL that follows final punctuation;
 *   - after an abbreviation that may end a sentence ("Inc.", "U.S.",
 *     "Jan.", an initial), when the next token is a typical sentence
 *     opener ("The", "He", "In"); never after a title ("Gen.", "Mr.") or a
 *     number abbreviation ("No. 5"). The period then becomes a token of its
 *     own, as in UD ("U.S" ".");
 *   - when it reaches max_tokens (KBI_TEXT_SENT_FORCED).
 * A dateline at the start of a paragraph becomes a sentence of its own. */
#include <string.h>

#include "text_int.h"
#include "../base/vec.h"

typedef struct sp {
    const char *s;
    const tx_tok *t;
    size_t n;
    unsigned flags;
    size_t max;
    tx_sents *out;
} sp;

enum { K_NONE, K_FINAL, K_TITLE, K_NUM, K_MAYBE };

/* ---- looking at tokens -------------------------------------------------- */

static size_t tlen(const sp *z, size_t i) { return z->t[i].e - z->t[i].s; }
static const char *tstr(const sp *z, size_t i) { return z->s + z->t[i].s; }

static int is(const sp *z, size_t i, const char *w)
{
    size_t k = strlen(w);
    return tlen(z, i) == k && memcmp(tstr(z, i), w, k) == 0;
}

static int first_class(const sp *z, size_t i)
{
    const char *s = tstr(z, i);
    if ((unsigned char)s[0] < 0x80)
        return kbi_tx_class((unsigned char)s[0]);
    int32_t cp;
    kbi_tx_decode(s, 0, &cp);
    return kbi_tx_class(cp);
}

/* Final punctuation: ".", "!", "?" and their runs, or one of the full
 * stops and question marks of other scripts. */
static int final_punct(const sp *z, size_t i)
{
    const char *s = tstr(z, i);
    size_t k = tlen(z, i);
    if ((unsigned char)s[0] >= 0x80) {
        int32_t cp;
        if (kbi_tx_decode(s, 0, &cp) != k)
            return 0;
        return cp == 0x061F || cp == 0x06D4 || cp == 0x0964 ||
               cp == 0x0965 || cp == 0x3002 || cp == 0x203C ||
               (cp >= 0x2047 && cp <= 0x2049);
    }
    for (size_t j = 0; j < k; j++)
        if (s[j] != '.' && s[j] != '!' && s[j] != '?')
            return 0;
    return 1;
}

static int no_lower(const sp *z, size_t i)
{
    const char *s = tstr(z, i);
    size_t k = tlen(z, i);
    for (size_t j = 0; j < k; j++)
        if ((s[j] >= 'a' && s[j] <= 'z'))
            return 0;
    return 1;
}

/* What the token says about a boundary after it. */
static int kind(const sp *z, size_t i)
{
    const char *s = tstr(z, i);
    size_t k = tlen(z, i);
    if (final_punct(z, i))
        return K_FINAL;
    if (k < 2 || s[k - 1] != '.')
        return K_NONE;
    int a = kbi_tx_abbrev(s, k - 1);
    if (a == TX_ABBR_TITLE)
        return K_TITLE;
    if (a == TX_ABBR_NUM)
        return K_NUM;
    return K_MAYBE; /* "Inc.", "Jan.", "U.S.", "M." */
}

/* Closes what went before: ")", "''", or a quote glued to the token
 * before it. */
static int closer(const sp *z, size_t i)
{
    if (is(z, i, ")") || is(z, i, "]") || is(z, i, "}"))
        return 1;
    return (is(z, i, "\"") || is(z, i, "'") || is(z, i, "''")) &&
           !(z->t[i - 1].flags & TX_T_SPACE);
}

static int starter(const sp *z, size_t i)
{
    return kbi_tx_starter(tstr(z, i), tlen(z, i));
}

static int breaks_before(const sp *z, size_t i)
{
    return z->t[i].nl >= 2 || ((z->flags & KBI_TEXT_LINE_BREAKS) &&
                               z->t[i].nl >= 1);
}

/* ---- boundaries --------------------------------------------------------- */

/* If a sentence that started at `start` ends after token i (and the
 * closers after it), returns the first token of the next one; else 0. */
static size_t boundary(const sp *z, size_t i, size_t start)
{
    int k = kind(z, i);
    if (k == K_NONE)
        return 0;
    size_t j = i + 1;
    while (j < z->n && !breaks_before(z, j) && j - start < z->max &&
           closer(z, j))
        j++;
    if (j >= z->n || breaks_before(z, j) || j - start >= z->max)
        return 0; /* the caller cuts there anyway */
    switch (k) {
    case K_FINAL: {
        int c = first_class(z, j);
        if (z->t[j].flags & TX_T_URL)
            return j;
        int ellipsis = tlen(z, i) >= 2 && tstr(z, i)[0] == '.' &&
                       tstr(z, i)[tlen(z, i) - 1] == '.';
        if (ellipsis && !(z->t[j - 1].flags & TX_T_SPACE))
            return 0; /* "dead...Long": an ellipsis inside the sentence */
        if (c == TX_LOWER && j == i + 1 && !ellipsis)
            return j; /* a sentence in lower case; not after '"Why?"' */
        if (c == TX_LOWER || final_punct(z, j))
            return 0;
        if (c == TX_PUNCT && tlen(z, j) == 1 && strchr(",;:)]}%", tstr(z, j)[0]))
            return 0;
        return j;
    }
    case K_MAYBE:
        return starter(z, j) ? j : 0;
    default:
        return 0;
    }
}

/* A dateline opening a paragraph at token i: "ERBIL (Kurdistan 24) --",
 * "BAGHDAD, Nov 24 (Reuters) -", "WASHINGTON -", "ISLAMABAD:". Returns the
 * token after its dash or colon, or 0. The place before the first comma or
 * bracket must be in capitals unless a bracketed source follows (and then
 * a dash must end it); what follows must start with a capital. */
static size_t dateline(const sp *z, size_t i)
{
    size_t lim = z->n < i + 24 ? z->n : i + 24;
    /* "THE HAGUE (Reuters) -": a place of two or three words in
     * capitals, the first "THE", then a bracket or a comma (not a
     * headline in capitals: "NO EXTENSION ON U.S. DAIRY HERD BUYOUT -
     * LYNG") */
    int the_place = is(z, i, "THE") && i + 3 < z->n &&
                    z->t[i + 1].nl < 2 && tlen(z, i + 1) >= 2 &&
                    first_class(z, i + 1) == TX_UPPER && no_lower(z, i + 1) &&
                    (is(z, i + 2, "(") || is(z, i + 2, ",") ||
                     ((is(z, i + 3, "(") || is(z, i + 3, ",")) &&
                      first_class(z, i + 2) == TX_UPPER && no_lower(z, i + 2)));
    if (tlen(z, i) < 2 || first_class(z, i) != TX_UPPER ||
        (starter(z, i) && !the_place))
        return 0;
    int caps = 1, lead = 1, had_paren = 0, commas = 0;
    size_t paren = 0;
    for (size_t p = i; p < lim; p++) {
        if (p > i && z->t[p].nl >= 2)
            return 0;
        if (paren) {
            if (is(z, p, ")")) {
                /* "New York, Sep 27 (UNI) Members of ...": an agency's
                 * initials after a place and a comma end the dateline */
                int agency = commas > 0 && p > paren + 1 && p - paren <= 4 &&
                             p + 1 < z->n && z->t[p + 1].nl < 2 &&
                             first_class(z, p + 1) == TX_UPPER;
                for (size_t q = paren + 1; agency && q < p; q++)
                    if (first_class(z, q) != TX_UPPER || !no_lower(z, q))
                        agency = 0;
                if (agency)
                    return p + 1;
                paren = 0;
                had_paren = 1;
            } else if (final_punct(z, p) || p - paren > 8) {
                return 0;
            }
            continue;
        }
        if (is(z, p, "(")) {
            if (had_paren)
                return 0;
            paren = p;
            lead = 0;
        } else if (is(z, p, "-") || is(z, p, "--") || is(z, p, ":")) {
            if (p == i || (!had_paren && !caps) || p + 1 >= z->n ||
                z->t[p + 1].nl >= 2 || (is(z, p, ":") && had_paren))
                return 0;
            int c = first_class(z, p + 1);
            if (c != TX_UPPER && c != TX_LETTER && !is(z, p + 1, "\""))
                return 0;
            return p + 1;
        } else if (is(z, p, ",")) {
            lead = 0;
            if (++commas > 3)
                return 0;
        } else {
            int c = first_class(z, p);
            if (c != TX_UPPER && c != TX_DIGIT)
                return 0;
            if (lead && !no_lower(z, p))
                caps = 0;
        }
    }
    return 0;
}

/* ---- the pass ----------------------------------------------------------- */

/* An abbreviation ("Inc.", "U.S.") that the sentence ends with gives its
 * period to the sentence, as UD does. */
static int cut(const sp *z, size_t last)
{
    size_t k = tlen(z, last);
    return k >= 2 && tstr(z, last)[k - 1] == '.' && !final_punct(z, last);
}

static int add(sp *z, size_t first, size_t end, uint8_t flags)
{
    tx_sents *o = z->out;
    if (!kbi_vec_reserve(o->al, (void **)&o->v, &o->cap, o->n + 1,
                         sizeof *o->v))
        return 0;
    o->v[o->n].first = (int32_t)first;
    o->v[o->n].n = (int32_t)(end - first);
    o->v[o->n].flags = flags;
    o->v[o->n].cut = !(flags & KBI_TEXT_SENT_FORCED) && cut(z, end - 1);
    o->n++;
    return 1;
}

int kbi_tx_sentences(const tx_norm *nm, const tx_toks *tk, unsigned flags,
                     int32_t max_tokens, tx_sents *out)
{
    /* one place is kept for the period a final abbreviation gives up */
    size_t max = max_tokens > 0 ? (size_t)max_tokens : KBI_TEXT_MAX_SENTENCE;
    sp z = {nm->buf, tk->v, tk->n, flags, max > 2 ? max - 1 : 1, out};
    size_t start = 0, i = 0;
    uint8_t sflags = KBI_TEXT_SENT_PARA_START;
    int check_dateline = 1;
    while (i < z.n) {
        if (i > start && breaks_before(&z, i)) {
            if (!add(&z, start, i, sflags))
                return 0;
            start = i;
            sflags = z.t[i].nl >= 2 ? KBI_TEXT_SENT_PARA_START : 0;
            check_dateline = z.t[i].nl >= 2;
        }
        if (i == start && check_dateline) {
            check_dateline = 0;
            size_t d = dateline(&z, i);
            if (d && d - start <= z.max) {
                if (!add(&z, start, d, sflags | KBI_TEXT_SENT_DATELINE))
                    return 0;
                start = i = d;
                sflags = 0;
                continue;
            }
        }
        if (i - start >= z.max) {
            if (!add(&z, start, i, sflags | KBI_TEXT_SENT_FORCED))
                return 0;
            start = i;
            sflags = 0;
        }
        size_t j = boundary(&z, i, start);
        if (j) {
            if (!add(&z, start, j, sflags))
                return 0;
            start = i = j;
            sflags = 0;
            continue;
        }
        i++;
    }
    if (start < z.n && !add(&z, start, z.n, sflags))
        return 0;
    return 1;
}
