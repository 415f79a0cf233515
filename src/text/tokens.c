/* tokens.c - the normalised text cut into tokens, EWT style.
 *
 * The text is first cut at whitespace into chunks. Each chunk is then
 * peeled the way spaCy's tokenizer does it: punctuation that opens the chunk
 * is split off token by token ("(", '"', "$"), then punctuation that closes
 * it is split off from the right (")", ",", "."; a final period stays when
 * the word is an abbreviation: "U.S.", "Gen.", "M."), and what is left, the
 * core, is scanned into words (words.c) and the punctuation between them.
 *
 * Every step moves forward through the chunk or shrinks it, and no check
 * looks further than the next word, so the whole pass is linear. */
#include <string.h>

#include "text_int.h"
#include "../base/vec.h"

/* ---- output ------------------------------------------------------------- */

int kbi_tx_emit(tx_tz *z, size_t s, size_t e, uint8_t flags)
{
    tx_toks *o = z->out;
    if (!kbi_vec_reserve(o->al, (void **)&o->v, &o->cap, o->n + 1,
                         sizeof *o->v))
        return 0;
    tx_tok *t = &o->v[o->n++];
    t->s = (uint32_t)s;
    t->e = (uint32_t)e;
    t->flags = flags;
    t->nl = z->nl;
    z->nl = 0;
    return 1;
}

static int push_suffix(tx_tz *z, size_t s, size_t e)
{
    if (!kbi_vec_reserve(z->out->al, (void **)&z->stack, &z->stackcap,
                         z->nstack + 1, sizeof *z->stack))
        return 0;
    z->stack[z->nstack].s = (uint32_t)s;
    z->stack[z->nstack].e = (uint32_t)e;
    z->nstack++;
    return 1;
}

/* ---- punctuation -------------------------------------------------------- */

/* Characters whose runs make one token ("--", "***", "==="). */
static int runner(char c)
{
    switch (c) {
    case '-': case '*': case '=': case '_': case '~': case '#': case '<':
    case '>': case '+': case '^': case '|': case '/': case '\\': case ',':
    case ':': case ';':
        return 1;
    default:
        return 0;
    }
}

static int final_char(char c) { return c == '.' || c == '!' || c == '?'; }

/* Length of the punctuation token at p. */
static size_t punct_len(const char *s, size_t p, size_t e)
{
    unsigned char c = (unsigned char)s[p];
    int k;
    size_t u = tx_unit_end(s, p, e, &k);
    if (u - p > 1)
        return u - p; /* one character with its marks */
    size_t q = p + 1;
    if (final_char((char)c)) {
        while (q < e && final_char(s[q]))
            q++;
    } else if ((c == '\'' || c == '`') && q < e && s[q] == (char)c) {
        q++;
    } else if (runner((char)c)) {
        while (q < e && s[q] == (char)c)
            q++;
    }
    return q - p;
}

/* Length of the clitic or short form at p that is a token by itself
 * ("'s", "'ll", "'em", "n't"), or 0. */
static size_t apostrophe_form(const char *s, size_t p, size_t e)
{
    static const char *const forms[] = {"'s", "'m", "'d", "'re", "'ve",
                                        "'ll", "'em", "'til", "'cause",
                                        "'bout", "'n", "n't"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        size_t k = strlen(forms[i]);
        if ((size_t)(e - p) != k)
            continue;
        size_t j = 0;
        while (j < k && tx_lower(s[p + j]) == forms[i][j])
            j++;
        if (j == k)
            return k;
    }
    return 0;
}

/* A word starts at p: a letter or digit, or a sign, period or apostrophe
 * before a digit ("-5", ".5", "'90s"), or "@" before a name. */
static int word_start(const char *s, size_t lo, size_t p, size_t e)
{
    int c = tx_cls_at(s, p);
    if (tx_is_word(c))
        return 1;
    if (p + 1 >= e)
        return 0;
    char ch = s[p];
    if (ch == '@')
        return tx_is_word(tx_cls_at(s, p + 1));
    if ((ch == '-' || ch == '+' || ch == '.' || ch == '\'') &&
        tx_is_digit(s[p + 1])) {
        int b = tx_cls_before(s, lo, p);
        return !tx_is_word(b) && (p == lo || s[p - 1] != ch);
    }
    return 0;
}

/* ---- chunks ------------------------------------------------------------- */

/* Length of the punctuation token that opens [p, e), or 0. */
static size_t prefix_len(const tx_tz *z, size_t p, size_t e)
{
    const char *s = z->s;
    if (word_start(s, p, p, e))
        return 0;
    if ((s[p] == '\'' || s[p] == 'n') && apostrophe_form(s, p, e))
        return 0;
    return punct_len(s, p, e);
}

/* Length of the punctuation token that closes [cs, ce), or 0. */
static size_t suffix_len(const tx_tz *z, size_t cs, size_t ce)
{
    const char *s = z->s;
    size_t p = tx_unit_start_before(s, cs, ce);
    if (tx_cls_at(s, p) != TX_PUNCT || apostrophe_form(s, cs, ce))
        return 0;
    if ((unsigned char)s[p] >= 0x80 || ce - p > 1)
        return ce - p; /* one character with its marks */
    char ch = s[p];
    if (ch == ')' || ch == '(' || ch == '/' || ch == '|' || ch == '*' ||
        ch == '[' || ch == ']')
        for (size_t k = 4; k >= 2; k--)
            if (ce - cs > k && strchr(":;=<", s[ce - k]) &&
                kbi_tx_emoticon(s + ce - k, k))
                return k;
    size_t q = p;
    if (ch == '.' && ce - cs >= 2 && !final_char(s[ce - 2])) {
        size_t ws = ce - 1;
        while (ws > cs && (s[ws - 1] == '.' ||
                           tx_is_word(tx_cls_before(s, cs, ws))))
            ws = tx_unit_start_before(s, cs, ws);
        return kbi_tx_abbrev_word(z, ws, ce) ? 0 : 1;
    }
    if (ch == '.' && ce - cs >= 3 && s[ce - 2] == '.' &&
        !final_char(s[ce - 3])) {
        size_t ws = ce - 2;
        while (ws > cs && (s[ws - 1] == '.' ||
                           tx_is_word(tx_cls_before(s, cs, ws))))
            ws = tx_unit_start_before(s, cs, ws);
        if (kbi_tx_abbrev_word(z, ws, ce - 1))
            return 1; /* "D.C.." */
    }
    if (ch == '.' || ch == '!' || ch == '?') {
        while (q > cs && final_char(s[q - 1]))
            q--;
    } else if ((ch == '\'' || ch == '`') && q > cs && s[q - 1] == ch) {
        q--;
    } else if (runner(ch)) {
        while (q > cs && s[q - 1] == ch)
            q--;
    }
    return ce - q;
}

/* The core of a chunk: words and the punctuation between them. */
static int core(tx_tz *z, size_t p, size_t e)
{
    const char *s = z->s;
    size_t lo = p;
    while (p < e) {
        size_t k;
        if (s[p] == '\'' && (k = apostrophe_form(s, p, e)) != 0) {
            if (!kbi_tx_emit(z, p, p + k, 0))
                return 0;
            p += k;
        } else if (kbi_tx_scheme_at(s, p, e) && (k = kbi_tx_url_end(z, p, e)) != 0) {
            if (!kbi_tx_emit(z, p, k, TX_T_URL)) /* "link:<http://...>" */
                return 0;
            p = k;
        } else if (word_start(s, lo, p, e)) {
            size_t q = kbi_tx_scan_word(z, p, e);
            if (!kbi_tx_word(z, p, q))
                return 0;
            p = q;
        } else {
            k = punct_len(s, p, e);
            if (!kbi_tx_emit(z, p, p + k, 0))
                return 0;
            p += k;
        }
    }
    return 1;
}

static int chunk(tx_tz *z, size_t cs, size_t ce)
{
    const char *s = z->s;
    while (cs < ce) {
        size_t k = kbi_tx_url_end(z, cs, ce);
        if (k) {
            if (!kbi_tx_emit(z, cs, k, TX_T_URL))
                return 0;
            cs = k;
            continue;
        }
        if (kbi_tx_emoticon(s + cs, ce - cs)) {
            if (!kbi_tx_emit(z, cs, ce, 0))
                return 0;
            return 1;
        }
        k = prefix_len(z, cs, ce);
        if (!k)
            break;
        if (!kbi_tx_emit(z, cs, cs + k, 0))
            return 0;
        cs += k;
    }
    z->nstack = 0;
    while (ce > cs) {
        size_t k = suffix_len(z, cs, ce);
        if (!k)
            break;
        if (!push_suffix(z, ce - k, ce))
            return 0;
        ce -= k;
    }
    if (!core(z, cs, ce))
        return 0;
    while (z->nstack > 0) {
        z->nstack--;
        if (!kbi_tx_emit(z, z->stack[z->nstack].s, z->stack[z->nstack].e, 0))
            return 0;
    }
    return 1;
}

int kbi_tx_tokenise(const tx_norm *nm, unsigned flags, tx_toks *out)
{
    tx_tz z;
    memset(&z, 0, sizeof z);
    z.s = nm->buf;
    z.n = nm->len;
    z.flags = flags;
    z.out = out;
    int ok = 1;
    size_t i = 0;
    while (i < z.n && ok) {
        char c = z.s[i];
        if (c == ' ' || c == '\n') {
            if (c == '\n' && z.nl < 2)
                z.nl++;
            if (out->n)
                out->v[out->n - 1].flags |= TX_T_SPACE;
            i++;
            continue;
        }
        size_t j = i;
        z.urlish = 0;
        for (; j < z.n && z.s[j] != ' ' && z.s[j] != '\n'; j++)
            z.urlish |= z.s[j] == '@' || z.s[j] == '/';
        ok = chunk(&z, i, j);
        i = j;
    }
    if (out->n)
        out->v[out->n - 1].flags |= TX_T_SPACE;
    kbi_free(out->al, z.stack, z.stackcap * sizeof *z.stack);
    return ok;
}
