/* utf8.c - UTF-8 validation, normalisation and character classes.
 *
 * One pass over the input. Runs of printable ASCII are copied with memcpy;
 * every other character is decoded strictly (Unicode 3.9, table 3-7: no
 * overlongs, no surrogates, nothing above U+10FFFF) and either copied,
 * rewritten or dropped. An ill-formed sequence is replaced by one U+FFFD
 * per maximal subpart, the practice Unicode recommends (so "\xE2\x82" is one
 * replacement and "\xFF\xFF" two). Where the output differs in bytes from
 * the input a tx_seg records it, so segment.c can map token offsets back to
 * the input; most text has no segments at all. */
#include <stdio.h>
#include <string.h>

#include "text_int.h"
#include "../base/vec.h"

/* ---- strict decoding --------------------------------------------------- */

/* Decodes the character at s[i] (i < n). Returns its length and sets *cp,
 * or returns minus the length of the maximal ill-formed subpart. */
static int decode_strict(const unsigned char *s, size_t i, size_t n,
                         int32_t *cp)
{
    unsigned c = s[i];
    unsigned lo = 0x80, hi = 0xBF;
    int need;
    int32_t v;
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        v = (int32_t)(c & 0x1F);
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        v = (int32_t)(c & 0x0F);
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        v = (int32_t)(c & 0x07);
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return -1;
    }
    for (int k = 1; k <= need; k++) {
        if (i + (size_t)k >= n)
            return -k;
        unsigned b = s[i + (size_t)k];
        if (b < lo || b > hi)
            return -k;
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (int32_t)(b & 0x3F);
    }
    *cp = v;
    return need + 1;
}

/* ---- normalisation table ----------------------------------------------- */

enum { N_COPY = -1 };

/* What a non-ASCII code point becomes: N_COPY (itself) or nlen bytes in out
 * (0: dropped). *ctrl is set for C1 control characters. */
static int norm_cp(int32_t cp, char out[4], int *ctrl)
{
    *ctrl = 0;
    if (cp < 0xA0) {
        if (cp == 0x85) {
            out[0] = '\n';
            return 1;
        }
        *ctrl = 1;
        out[0] = ' ';
        return 1;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) { /* fullwidth ASCII */
        out[0] = (char)(cp - 0xFEE0);
        return 1;
    }
    if (cp >= 0x2000 && cp <= 0x200A) {
        out[0] = ' ';
        return 1;
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
        (cp >= 0x2066 && cp <= 0x206F))
        return 0;
    switch (cp) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        out[0] = ' ';
        return 1;
    case 0xAD: case 0x61C: case 0x180E: case 0x200B: case 0x200E:
    case 0x200F: case 0xFEFF:
        return 0;
    case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E:
    case 0x201F: case 0x2033: case 0x301D: case 0x301E:
        out[0] = '"';
        return 1;
    case 0xB4: case 0x2BC: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x2032:
        out[0] = '\'';
        return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2212: case 0xFE63:
        out[0] = '-';
        return 1;
    case 0x2013: case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
        memcpy(out, "--", 2);
        return 2;
    case 0x2024:
        out[0] = '.';
        return 1;
    case 0x2025:
        memcpy(out, "..", 2);
        return 2;
    case 0x2026:
        memcpy(out, "...", 3);
        return 3;
    case 0x2028:
        out[0] = '\n';
        return 1;
    case 0x2029:
        memcpy(out, "\n\n", 2);
        return 2;
    case 0xFB00: memcpy(out, "ff", 2); return 2;
    case 0xFB01: memcpy(out, "fi", 2); return 2;
    case 0xFB02: memcpy(out, "fl", 2); return 2;
    case 0xFB03: memcpy(out, "ffi", 3); return 3;
    case 0xFB04: memcpy(out, "ffl", 3); return 3;
    case 0xFB05: case 0xFB06: memcpy(out, "st", 2); return 2;
    default:
        return N_COPY;
    }
}

/* ---- character classes ------------------------------------------------- */

enum { ALT_EVEN_UPPER = 100, ALT_ODD_UPPER };

typedef struct crange {
    int32_t lo, hi;
    uint8_t cls;
} crange;

/* Sorted, disjoint; anything not listed is a caseless letter. */
static const crange RANGES[] = {
    {0x00A0, 0x00A0, TX_SPACE},  {0x00A1, 0x00A9, TX_PUNCT},
    {0x00AA, 0x00AA, TX_LOWER},  {0x00AB, 0x00B1, TX_PUNCT},
    {0x00B4, 0x00B4, TX_PUNCT},  {0x00B5, 0x00B5, TX_LOWER},
    {0x00B6, 0x00B8, TX_PUNCT},  {0x00BA, 0x00BA, TX_LOWER},
    {0x00BB, 0x00BF, TX_PUNCT},  {0x00C0, 0x00D6, TX_UPPER},
    {0x00D7, 0x00D7, TX_PUNCT},  {0x00D8, 0x00DE, TX_UPPER},
    {0x00DF, 0x00F6, TX_LOWER},  {0x00F7, 0x00F7, TX_PUNCT},
    {0x00F8, 0x00FF, TX_LOWER},  {0x0100, 0x0137, ALT_EVEN_UPPER},
    {0x0138, 0x0138, TX_LOWER},  {0x0139, 0x0148, ALT_ODD_UPPER},
    {0x0149, 0x0149, TX_LOWER},  {0x014A, 0x0177, ALT_EVEN_UPPER},
    {0x0178, 0x0178, TX_UPPER},  {0x0179, 0x017E, ALT_ODD_UPPER},
    {0x017F, 0x017F, TX_LOWER},  {0x0250, 0x02AF, TX_LOWER},
    {0x0300, 0x036F, TX_EXTEND}, {0x037E, 0x037E, TX_PUNCT},
    {0x0387, 0x0387, TX_PUNCT},  {0x0391, 0x03AB, TX_UPPER},
    {0x03AC, 0x03CE, TX_LOWER},  {0x0400, 0x042F, TX_UPPER},
    {0x0430, 0x045F, TX_LOWER},  {0x0460, 0x0481, ALT_EVEN_UPPER},
    {0x0482, 0x0482, TX_PUNCT},  {0x0483, 0x0489, TX_EXTEND},
    {0x048A, 0x04BF, ALT_EVEN_UPPER}, {0x055A, 0x055F, TX_PUNCT},
    {0x0589, 0x058A, TX_PUNCT},  {0x0591, 0x05BD, TX_EXTEND},
    {0x05BE, 0x05BE, TX_PUNCT},  {0x05BF, 0x05BF, TX_EXTEND},
    {0x05C0, 0x05C0, TX_PUNCT},  {0x05C1, 0x05C2, TX_EXTEND},
    {0x05C3, 0x05C3, TX_PUNCT},  {0x05C4, 0x05C5, TX_EXTEND},
    {0x05C6, 0x05C6, TX_PUNCT},  {0x05C7, 0x05C7, TX_EXTEND},
    {0x05F3, 0x05F4, TX_PUNCT},  {0x0606, 0x060F, TX_PUNCT},
    {0x0610, 0x061A, TX_EXTEND}, {0x061B, 0x061F, TX_PUNCT},
    {0x064B, 0x065F, TX_EXTEND}, {0x0660, 0x0669, TX_DIGIT},
    {0x066A, 0x066D, TX_PUNCT},  {0x0670, 0x0670, TX_EXTEND},
    {0x06D4, 0x06D4, TX_PUNCT},  {0x06D6, 0x06DC, TX_EXTEND},
    {0x06DF, 0x06E4, TX_EXTEND}, {0x06E7, 0x06E8, TX_EXTEND},
    {0x06EA, 0x06ED, TX_EXTEND}, {0x06F0, 0x06F9, TX_DIGIT},
    {0x0964, 0x0965, TX_PUNCT},  {0x0966, 0x096F, TX_DIGIT},
    {0x1AB0, 0x1AFF, TX_EXTEND}, {0x1DC0, 0x1DFF, TX_EXTEND},
    {0x1E00, 0x1EFF, ALT_EVEN_UPPER}, {0x2000, 0x200B, TX_SPACE},
    {0x200C, 0x200D, TX_EXTEND}, {0x2010, 0x2027, TX_PUNCT},
    {0x2028, 0x2029, TX_SPACE},  {0x2030, 0x205E, TX_PUNCT},
    {0x20A0, 0x20CF, TX_PUNCT},  {0x20D0, 0x20FF, TX_EXTEND},
    {0x2100, 0x214F, TX_PUNCT},  {0x2150, 0x218F, TX_DIGIT},
    {0x2190, 0x2BFF, TX_PUNCT},  {0x2E00, 0x2E7F, TX_PUNCT},
    {0x3000, 0x3000, TX_SPACE},  {0x3001, 0x303F, TX_PUNCT},
    {0xFD3E, 0xFD3F, TX_PUNCT},  {0xFE00, 0xFE0F, TX_EXTEND},
    {0xFE10, 0xFE1F, TX_PUNCT},  {0xFE20, 0xFE2F, TX_EXTEND},
    {0xFE30, 0xFE6F, TX_PUNCT},  {0xFF00, 0xFF0F, TX_PUNCT},
    {0xFF10, 0xFF19, TX_DIGIT},  {0xFF1A, 0xFF20, TX_PUNCT},
    {0xFF21, 0xFF3A, TX_UPPER},  {0xFF3B, 0xFF40, TX_PUNCT},
    {0xFF41, 0xFF5A, TX_LOWER},  {0xFF5B, 0xFF65, TX_PUNCT},
    {0xFFF9, 0xFFFC, TX_PUNCT},  {0x1F000, 0x1F3FA, TX_PUNCT},
    {0x1F3FB, 0x1F3FF, TX_EXTEND}, {0x1F400, 0x1FAFF, TX_PUNCT},
    {0xE0000, 0xE007F, TX_EXTEND}, {0xE0100, 0xE01EF, TX_EXTEND},
};

int kbi_tx_uclass(int32_t cp)
{
    size_t lo = 0, hi = sizeof RANGES / sizeof RANGES[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (RANGES[mid].hi < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == sizeof RANGES / sizeof RANGES[0] || RANGES[lo].lo > cp)
        return TX_LETTER;
    int c = RANGES[lo].cls;
    if (c == ALT_EVEN_UPPER)
        return (cp & 1) ? TX_LOWER : TX_UPPER;
    if (c == ALT_ODD_UPPER)
        return (cp & 1) ? TX_UPPER : TX_LOWER;
    return c;
}

/* ---- the pass ---------------------------------------------------------- */

typedef struct normer {
    tx_norm *nm;
    const unsigned char *src;
    kbi_diag *diag;
    const char *name;
    int line;   /* 1-based line of the current position */
    size_t bol; /* input offset where that line begins */
    size_t reported;
} normer;

static int reserve(tx_norm *nm, size_t extra)
{
    if (nm->len + extra + 1 <= nm->cap)
        return 1;
    return kbi_vec_reserve(nm->al, (void **)&nm->buf, &nm->cap,
                           nm->len + extra + 1, 1);
}

static int add_seg(tx_norm *nm, size_t o, size_t nlen, size_t olen,
                   int invalid)
{
    if (!kbi_vec_reserve(nm->al, (void **)&nm->segs, &nm->segcap,
                         nm->nsegs + 1, sizeof *nm->segs))
        return 0;
    tx_seg *g = &nm->segs[nm->nsegs++];
    g->n = (uint32_t)nm->len;
    g->o = (uint32_t)o;
    g->nlen = (uint8_t)nlen;
    g->olen = (uint8_t)olen;
    g->invalid = (uint8_t)invalid;
    return 1;
}

/* Reports a replaced sequence at input offset i (olen bytes). */
static void report(normer *z, size_t i, size_t olen, int is_ctrl)
{
    z->nm->nreplaced++;
    if (!z->diag || ++z->reported > KBI_TEXT_MAX_REPORTS)
        return;
    int col = 1;
    for (size_t k = z->bol; k < i; k++)
        if ((z->src[k] & 0xC0) != 0x80)
            col++;
    if (is_ctrl) {
        int32_t cp;
        if (decode_strict(z->src, i, i + olen, &cp) < 0)
            cp = z->src[i];
        kbi_diag_report(z->diag, KB_ERR_SYNTAX, z->name, z->line, col,
                        "control character U+%04X at byte %zu treated as "
                        "a space", (unsigned)cp, i);
        return;
    }
    char hex[16] = "";
    for (size_t k = 0, at = 0; k < olen && k < 3; k++)
        at += (size_t)snprintf(hex + at, sizeof hex - at, "%s%02X",
                               k ? " " : "", z->src[i + k]);
    kbi_diag_report(z->diag, KB_ERR_SYNTAX, z->name, z->line, col,
                    "invalid UTF-8 (bytes %s) at byte %zu replaced by "
                    "U+FFFD", hex, i);
}

/* Puts nlen bytes standing for input [i, i + olen). */
static int put(normer *z, size_t i, const char *out, size_t nlen, size_t olen,
               int invalid)
{
    tx_norm *nm = z->nm;
    if (!reserve(nm, nlen))
        return 0;
    if ((nlen != olen || invalid || memcmp(out, z->src + i, nlen) != 0) &&
        !add_seg(nm, i, nlen, olen, invalid))
        return 0;
    memcpy(nm->buf + nm->len, out, nlen);
    nm->len += nlen;
    return 1;
}

static void newline(normer *z, size_t next)
{
    z->line++;
    z->bol = next;
}

/* Handles the ASCII control or whitespace byte at i; returns bytes used or
 * 0 when out of memory. */
static size_t ascii_ctrl(normer *z, size_t i, size_t n)
{
    unsigned c = z->src[i];
    if (c == '\n') {
        newline(z, i + 1);
        return put(z, i, "\n", 1, 1, 0) ? 1 : 0;
    }
    if (c == '\r') {
        size_t olen = (i + 1 < n && z->src[i + 1] == '\n') ? 2 : 1;
        newline(z, i + olen);
        return put(z, i, "\n", 1, olen, 0) ? olen : 0;
    }
    if (c == '\t')
        return put(z, i, " ", 1, 1, 0) ? 1 : 0;
    if (c == '\f' || c == '\v')
        return put(z, i, "\n", 1, 1, 0) ? 1 : 0;
    report(z, i, 1, 1);
    return put(z, i, " ", 1, 1, 1) ? 1 : 0;
}

int kbi_tx_normalise(tx_norm *nm, const char *src, size_t len,
                     kbi_diag *diag, const char *name)
{
    normer z = {nm, (const unsigned char *)src, diag, name, 1, 0, 0};
    const unsigned char *s = z.src;
    if (!reserve(nm, len + len / 16 + 16))
        return 0;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x20 && c < 0x7F) {
            size_t j = i + 1;
            while (j < len && s[j] >= 0x20 && s[j] < 0x7F)
                j++;
            if (!reserve(nm, j - i))
                return 0;
            memcpy(nm->buf + nm->len, src + i, j - i);
            nm->len += j - i;
            i = j;
            continue;
        }
        if (c < 0x80) {
            size_t k = ascii_ctrl(&z, i, len);
            if (!k)
                return 0;
            i += k;
            continue;
        }
        int32_t cp;
        int k = decode_strict(s, i, len, &cp);
        if (k < 0) {
            report(&z, i, (size_t)-k, 0);
            if (!put(&z, i, "\xEF\xBF\xBD", 3, (size_t)-k, 1))
                return 0;
            i += (size_t)-k;
            continue;
        }
        char out[4];
        int ctrl;
        int m = norm_cp(cp, out, &ctrl);
        if (m == N_COPY) {
            if (!reserve(nm, (size_t)k))
                return 0;
            memcpy(nm->buf + nm->len, src + i, (size_t)k);
            nm->len += (size_t)k;
        } else {
            if (ctrl)
                report(&z, i, (size_t)k, 1);
            if (!put(&z, i, out, (size_t)m, (size_t)k, ctrl))
                return 0;
            if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
                newline(&z, i + (size_t)k);
        }
        i += (size_t)k;
    }
    nm->buf[nm->len] = '\0';
    if (diag && z.reported > KBI_TEXT_MAX_REPORTS)
        kbi_diag_report(diag, KB_ERR_SYNTAX, name, 0, 0,
                        "%zu more invalid UTF-8 sequences or control "
                        "characters replaced (not reported one by one)",
                        z.reported - KBI_TEXT_MAX_REPORTS);
    return 1;
}

void kbi_tx_norm_free(tx_norm *nm)
{
    kbi_free(nm->al, nm->buf, nm->cap);
    kbi_free(nm->al, nm->segs, nm->segcap * sizeof *nm->segs);
    nm->buf = NULL;
    nm->segs = NULL;
    nm->len = nm->cap = nm->nsegs = nm->segcap = 0;
}

char *kbi_text_normalise(const char *s, size_t len, kbi_arena *a)
{
    tx_norm nm;
    memset(&nm, 0, sizeof nm);
    nm.al = a->alloc;
    char *r = NULL;
    if (kbi_tx_normalise(&nm, s, len, NULL, NULL))
        r = kbi_arena_strndup(a, nm.buf, nm.len);
    kbi_tx_norm_free(&nm);
    return r;
}
