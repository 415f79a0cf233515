/* discards.c - the discard list (TABARI spec §6, PETRARCH-2 spec §7.1) and
 * its matcher, plus the sorted-phrase walk shared with issues.c.
 *
 *     +WORLD CUP        story discard
 *     MONTHS LATER      sentence discard
 *     GROUP A_          must end at a word boundary ("GROUP AB" is kept)
 *
 * Phrases are stored upper-cased with '_' and blank runs as one blank;
 * "+ World Golf" (blank after '+') is accepted. After loading, the items
 * are sorted by phrase (then file order) for kbi_discard_match. */
#include "discards.h"

#include <stdlib.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"

_Static_assert(offsetof(kbi_discard, phrase) == 0,
               "kbi_walk needs the phrase first");

/* ---- the shared walk -------------------------------------------------- */

void kbi_walk_start(kbi_walk *w, const void *base, size_t stride, size_t n,
                    const char *p, const char *end)
{
    w->base = base;
    w->stride = stride;
    w->lo = 0;
    w->hi = n;
    w->depth = 0;
    w->p = p;
    w->end = end;
}

/* First k in [lo, hi) whose phrase byte at depth is > c (or >= c). */
static size_t bound(const kbi_walk *w, size_t lo, size_t hi, unsigned char c,
                    int strict)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned char m = (unsigned char)kbi_walk_phrase(w, mid)[w->depth];
        if (m < c || (strict && m == c))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int kbi_walk_step(kbi_walk *w)
{
    while (w->lo < w->hi && kbi_walk_phrase(w, w->lo)[w->depth] == '\0')
        w->lo++; /* these ended before this character */
    if (w->lo == w->hi || w->p == w->end)
        return 0;
    unsigned char c = (unsigned char)*w->p++;
    if (kbi_isspace(c)) {
        c = ' ';
        while (w->p < w->end && kbi_isspace((unsigned char)*w->p))
            w->p++;
    } else {
        c = (unsigned char)kbi_toupper(c);
    }
    size_t lo = bound(w, w->lo, w->hi, c, 0);
    w->hi = bound(w, lo, w->hi, c, 1);
    w->lo = lo;
    w->depth++;
    return w->lo < w->hi;
}

char *kbi_norm_phrase(kbi_arena *a, const char *text, size_t n,
                      size_t *out_len)
{
    char *s = kbi_arena_alloc(a, n + 1);
    size_t k = 0;
    if (!s)
        return NULL;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (kbi_isspace(c) || c == '_') {
            gap = 1;
            continue;
        }
        if (gap && k)
            s[k++] = ' ';
        gap = 0;
        s[k++] = (char)kbi_toupper(c);
    }
    s[k] = '\0';
    *out_len = k;
    return s;
}

/* ---- loading ---------------------------------------------------------- */

static int cmp_discard(const void *a, const void *b)
{
    const kbi_discard *x = a, *y = b;
    int c = strcmp(x->phrase, y->phrase);
    if (c)
        return c;
    return (x->line > y->line) - (x->line < y->line);
}

static kb_status read_discard(kbi_load *L, const char *s, size_t n, int line)
{
    kb_dict *d = L->d;
    size_t i = 0;
    while (i < n && kbi_isspace((unsigned char)s[i]))
        i++;
    int story = i < n && s[i] == '+';
    i += (size_t)story;
    size_t e = n;
    int exact = 0;
    while (e > i && (s[e - 1] == '_' || kbi_isspace((unsigned char)s[e - 1])))
        exact |= s[--e] == '_';
    size_t len;
    char *ph = kbi_norm_phrase(&d->arena, s + i, e - i, &len);
    if (!ph)
        return KB_ERR_NOMEM;
    if (len == 0)
        return kbi_load_bad(L, line, (int)i + 1, "empty discard phrase");
    if (len > KBI_MAX_MATCH_PHRASE)
        return kbi_load_bad(L, line, (int)i + 1, "discard phrase longer "
                            "than %d characters", KBI_MAX_MATCH_PHRASE);
    kbi_discards *D = &d->discards;
    if (!kbi_vec_reserve(d->alloc, (void **)&D->items, &D->cap, D->n + 1,
                         sizeof *D->items))
        return KB_ERR_NOMEM;
    D->items[D->n++] = (kbi_discard){ph, (uint8_t)story, (uint8_t)exact,
                                     L->file, line};
    return KB_OK;
}

kb_status kbi_discards_load(kbi_load *L, const char *text, size_t len)
{
    kbi_lines it;
    const char *s;
    size_t n;
    int line;
    kbi_lines_init(&it, text, len);
    while (kbi_lines_next(&it, &s, &n, &line)) {
        kb_status st = read_discard(L, s, n, line);
        if (st != KB_OK)
            return st;
    }
    kbi_discards *D = &L->d->discards;
    if (D->n > 1)
        qsort(D->items, D->n, sizeof *D->items, cmp_discard);
    return KB_OK;
}

/* ---- matching --------------------------------------------------------- */

static int ends_ok(const kbi_discard *it, const kbi_walk *w)
{
    if (!it->exact_end || w->p == w->end)
        return 1;
    unsigned char c = (unsigned char)*w->p;
    return kbi_isspace(c) || (c && strchr(".!?,;:", c));
}

int kbi_discard_match(const kb_dict *d, const char *text, size_t len,
                      const kbi_discard **hit)
{
    const kbi_discards *D = &d->discards;
    const kbi_discard *sentence = NULL;
    const char *end = text + len;
    if (hit)
        *hit = NULL;
    for (size_t i = 0; D->n && i < len; i++) {
        if (kbi_isspace((unsigned char)text[i]) ||
            (i > 0 && kbi_is_wordchar((unsigned char)text[i - 1])))
            continue;
        kbi_walk w;
        kbi_walk_start(&w, D->items, sizeof *D->items, D->n, text + i, end);
        while (kbi_walk_step(&w)) {
            for (size_t k = w.lo;
                 k < w.hi && D->items[k].phrase[w.depth] == '\0'; k++) {
                const kbi_discard *it = &D->items[k];
                if (!ends_ok(it, &w))
                    continue;
                if (it->story) {
                    if (hit)
                        *hit = it;
                    return 2;
                }
                if (!sentence)
                    sentence = it;
            }
        }
    }
    if (hit)
        *hit = sentence;
    return sentence ? 1 : 0;
}
